"""Patterns of the figure grammar that read no word table (the table-derived ones are in :mod:`.patterns`).

Patterns that end in ``\\Z`` look back from a number over a short window; they search in reverse (``(?r)``), so
the engine tries the one position that can match first instead of every position of the window.
"""

from __future__ import annotations

import regex

from .numbers import DIGITS, VULGAR

_I = regex.IGNORECASE | regex.VERSION0

# never figures: e-mail addresses and handles, tried at '@' and '#'
EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++")
HANDLE = regex.compile(r"[#@]\w++")
SPACE = regex.compile(r"\s")
# financial years: '2025/26', 'FY 2025-26'; two joined by a dash are two years ('2019/20-2021/22')
_FY_BODY = r"(?:FY[ ]?)?(?:19|20)\d{2}[/\-–](?:19|20)?\d{2}(?![\w/-]|\.\d)"
FY = regex.compile(r"(?:(?<![\w/.-])|(?<=(?<![\w/.-])(?:19|20)\d{2}[/\-–]\d{2}[-–]))(?:FY[ ]?)?(?P<a>(?:19|20)\d{2})"
                   r"[/\-–](?P<b>(?:19|20)?\d{2})(?![\w/]|\.\d|[-–](?!" + _FY_BODY + r"))", _I)

# A sign is a minus when it is part of the number ('-3.2%', '−4', 'minus 4'). A dash or bullet followed by a space
# ('- 30,000 children', '– 11 per cent more') is punctuation, unless the line holds nothing but the number ('- 10 k'):
# the scanner tries the spaced sign only there (``Cores.core_starts``).
NEG = r"(?P<neg>(?<![\w)\]])(?:minus|negative)[ ]++|(?<![\w)\].,/%-])[-−–][ ]?+(?=\.?\d))?+"
WORD_OF_PROSE = regex.compile(r"[A-Za-z]{4}")
LONGEST_SIGNED_LINE = 40
# At a digit run (or the sign, point or 'minus' before it) no word alternative of the core can match.
CORE_DIGITS = regex.compile(rf"{NEG}(?P<digits>(?<![\d.,]){DIGITS})", _I)
# 'a quarter of a percentage point', 'half of one per cent'
PCT_OF_FRACTION = regex.compile(
    r"[ ]++of[ ]++(?:a|one)[ ]++(?:(?P<pp>percentage[ ]++point)|per[ ]?cent|percent)\b", _I
)
OF_AFTER = regex.compile(r"[ ]++of\b", _I)
OF_A = regex.compile(r"[ ]++(?:of[ ]++)?an?(?=[ ])", _I)  # ' a', ' of a' (before a period: 'half a century')
ALONE_AFTER = regex.compile(r"[ \t]*+[!?:\"'”’)\]]*+[ \t]*+")  # then the end of the line or text
DECADE = regex.compile(r"(?<![\w-])(?:(?P<art>a|one)[ ]++)?decade(?![\w-])", _I)
DECADE_BEFORE = regex.compile(
    r"(?r)(?<![\w])(?:last|past|next|previous|coming|following|recent|whole|entire)[ ]++\Z", _I
)
AGE_AFTER = regex.compile(
    r"(?:[ ]*+-[ ]*+|[ ]++)(?P<unit>years?|months?|weeks?|days?)(?:[ ]*+-[ ]*+|[ ]++)(?:old|olds)\b"
    r"|[ ]++(?P<unit2>years?|months?)[ ]++of[ ]++age\b"
    r"|[ ]?+(?P<yo>yo|y\.o\.|yrs?[ ]old)(?![\w])",
    _I,
)
TIMES = regex.compile(r"[ \u00a0]++times\b|(?<=\d)[ ]?x(?![\w])", _I)
ORDINAL = regex.compile(r"(?:st|nd|rd|th)\b", _I)
FACTOR_BEFORE = regex.compile(r"(?r)(?<![\w])a[ ]++factor[ ]++of[ ]++\Z", _I)
# '3/4', '-4/5', '2 1/4': a fraction written with a slash (never a date, a score or a school year)
SLASH_FRACTION = regex.compile(r"/(?P<den>\d{1,3})(?![\d/]|[.,]\d)")
MIXED_FRACTION = regex.compile(r"[ ]{1,2}+(?P<num>\d{1,2})/(?P<den>\d{1,3})(?![\d/]|[.,]\d)")
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})
DATE_WORDS = ("on", "by", "until", "till", "from", "since", "before", "after", "date", "dated")
DATE_WORD_BEFORE = regex.compile(r"(?r)(?<![\w])(?:on|by|until|till|from|since|before|after|dated?)[ ]++\Z", _I)
FOUR_DIGITS = regex.compile(r"\d{4}")
NON_DIGITS = regex.compile(r"\D")
SPACES = regex.compile(r"\s+")
SENTENCE_BREAK = regex.compile(r"[.!?;:]\s")
NAME_BREAK = regex.compile(r"[.!?:;|]\s*\Z|\A\s*\Z|\n\s*\Z")
SHARE_BEFORE = regex.compile(r"(?r)(?:\bby|\bthan|\bnearly|\bto)\s+\Z", _I)
BY_BEFORE = regex.compile(
    r"(?r)(?<![\w])by[ ]++(?:(?:just|around|about|almost|nearly|over|under|some|a[ ]++further)[ ]++)?+\Z", _I
)
BOUND_AFTER = regex.compile(
    r"[ ]*+,?[ ]*+(?:and|or)[ ]++(?:(?P<min>over|above|more|older|upwards|greater|higher)"
    r"|(?P<max>under|below|less|fewer|younger|lower))\b(?![ ]++than\b)",
    _I,
)
WORD_AFTER = regex.compile(r"[ \u00a0]++(?P<w>[A-Za-z][A-Za-z'’-]*+)")
WORD_BEFORE = regex.compile(r"(?r)(?P<w>[A-Za-z][A-Za-z.'’-]*)[ \u00a0]++\Z")
NOUN_WORDS = regex.compile(
    r"[ \u00a0]++(?:of[ ]++(?:the[ ]++|these[ ]++|our[ ]++)?+)?+((?:[A-Za-z][A-Za-z'’-]*+[ ]?+){1,4})"
)
# 'a year earlier', 'a year or so ago', 'a month later', 'a year on, ...': a point in time, not a rate (but
# '£30,000 a year before tax', '£15bn a year on adult social care')
TIME_AFTER = regex.compile(
    r"[ \u00a0\t\r\n]++(?:(?:or[ ]++(?:so|two|more)|and[ ]++a[ ]++half)[ ]++)?+"
    r"(?:earlier|ago|later|previously|prior|since|back|hence|beforehand|into|from[ ]++now"
    r"|on(?=[ \u00a0]*+(?:[,.;:!?)]|from\b|\Z))|(?:before|after)(?![ ]++(?:tax|deductions|housing|costs)\b))\b",
    _I,
)
# a rate that opens with 'a' or 'an' ('a year', 'an-hour') is a point in time before TIME_AFTER; 'annually' never is
RATE_ARTICLE = regex.compile(r"an?[ -]", _I)
OF_THE = regex.compile(r"[ ]++of[ ]++(?:(?:the|these|those|its|their|our|all)[ ]++)?+", _I)
# 'from one local authority to another', 'from one year to the next': an idiom, not a count of one
ONE_TO_ANOTHER = regex.compile(
    r"(?:[ ]++[A-Za-z'’-]++){0,3}[ ]++(?:to|or|after)[ ]++(?:another|the[ ]++next|the[ ]++other)\b", _I
)
# a number that counts per something else: '16.3 cases per social worker', '62 per 10,000 children'
PER_BASE = regex.compile(
    r"[ ]++per[ ]++(?P<base>\d++(?:,\d{3})*+(?![\d.,]\d)"
    r"(?:[ ]++[A-Za-z][A-Za-z'’-]*+(?:[ ][A-Za-z][A-Za-z'’-]*+){0,2})?+"
    r"|[A-Za-z][A-Za-z'’-]*+(?:[ ][A-Za-z][A-Za-z'’-]*+){0,2})"
)
# 'per' and a word after a sum ('27.03p per kWh', '£1.50 per litre'): what the sum is charged for
PER_WORD = regex.compile(r"[ ]++per[ ]++(?P<w>[A-Za-z][A-Za-z'’-]*+)(?![\w-])")
# up to four lower-case words after a number, for a name that holds it ('the two child limit')
LOWER_WORDS = regex.compile(r"[ ]([a-z][a-z'’]*+)" + r"(?:[ ]([a-z][a-z'’]*+))?+" * 3)
CONNECT_RANGE = regex.compile(r"[ \u00a0]*+(?:-|–|—|to|and|or)[ \u00a0]*+", _I)
RANGE_CONNECTORS = frozenset({"-", "–", "—", "to", "and", "or"})  # what CONNECT_RANGE leaves after strip()
CONNECT_UPFROM = regex.compile(
    r"(?:[^\n.;:!?0-9£$€]{0,60}?)(?:[ ]*+,[ ]*+|[ ]++)(?:(?:up|down|rising|falling|increasing|decreasing)[ ]++)?+"
    r"(?:from|compared[ ]++(?:with|to))[ ]++(?:(?:just|a|some|around|about|almost|nearly|over|under)[ ]++)?+",
    _I,
)
MAX_GAP = 160  # longest text between two linked figures ('..., up from', '..., compared with')
FROM_BEFORE = regex.compile(
    r"(?r)(?<![\w])from[ ]++(?:(?:just|around|about|almost|nearly|over|under|some)[ ]++)?+\Z", _I
)
BETWEEN_BEFORE = regex.compile(r"(?r)(?<![\w])between[ ]++\Z", _I)

# Cheap triggers. Every figure, date and excluded span holds a digit, a vulgar fraction or a number word, so the
# patterns are tried only at those places (found with C-speed scans), never at every position of a text.
TRIGGER_RUN = regex.compile("[\\d" + "".join(VULGAR) + "]++")
DIGIT_ONLY_RUN = regex.compile(r"\d++")  # the same runs, several times faster, in texts without vulgar fractions
VULGAR_CHARS = "".join(VULGAR)
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
BEFORE_CORE = ".-−– \t\u00a0"  # a core starts before its trigger only after one of these (``core_starts``)
ONE_DIGIT = regex.compile(r"\d")
# The only non-ASCII characters an IGNORECASE pattern matches for an ASCII letter: 'İ' (i), 'ſ' (s), 'K' (k).
CASE_TWINS = "\u0130\u017f\u212a"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
NO_CHECKS: frozenset[str] = frozenset()
