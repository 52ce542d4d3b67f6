"""The figure grammar: find every money amount, count, percentage, ratio, year, date, duration and
quantity in a text, with its normalised value, unit, hedge, bound, rate and range/change links.

``scan(text)`` works on the raw string with precompiled patterns in a few linear passes:

1. page furniture and identifiers that are never figures (URLs, phone numbers, postcodes, times of day,
   "3 min read", list numbering);
2. dates and financial years;
3. number cores (digits, number words, vague plurals), each classified by its context: currency before
   or after, scale words, percent signs, duration and age units, "times", "one in five", counted noun;
4. links between figures ("80,000 to 100,000", "from £6bn to £8.2bn"), sharing scale, currency and rate.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from . import lexicon as L
from .lexicon import AHEAD
from .numbers import (
    DIGIT_RUN,
    DIGITS,
    GROUP_SPACES,
    NUMBER_WORD,
    VULGAR,
    WORD_RUN,
    parse_digits,
    parse_word_tokens,
    tokenize_run,
    word_trie,
)
from .units import generic_quantity

_I = regex.IGNORECASE | regex.VERSION0


def _alt(words: Any) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(slots=True)
class RawFigure:
    """A figure before it becomes a record: offsets, kind, value and what the grammar learnt of it."""

    kind: str
    start: int
    end: int
    value: Any
    unit: str | None = None
    approx: bool = False
    bound: str | None = None
    rate: str | None = None
    num_start: int = 0
    num_end: int = 0
    scale: float | None = None
    currency_given: bool = False
    link: int | None = None
    link_type: str | None = None
    link_role: str | None = None
    source: str = "rules"


# ---------------------------------------------------------------------------------------------------
# 1. Never figures
# ---------------------------------------------------------------------------------------------------
# URLs, e-mails, tags and handles are tried only where 'http', 'www.', '@' or '#' occurs (``_Scanner._text_excluded``).
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++")
_HANDLE = regex.compile(r"[#@]\w++")
_SPACE = regex.compile(r"\s")
# Everything else holds a digit at most two characters after its start: tried only at digit runs.
_EXCLUDE = regex.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ -]?(?:\(0\)[ -]?)?\d{2,4}|\(?0\d{2,4}\)?)[ -]\d{3,4}[ -]?\d{3,4}(?!\d)"  # phones
    r"|(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}(?![A-Za-z0-9])"            # UK postcodes
    r"|(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?+(?:[ ]?(?:am|pm|a\.m\.|p\.m\.))?+"          # 10:30, 10:30am
    r"|(?<![\w.])\d{1,2}(?:\.\d{2})?+[ ]?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])"        # 9am, 9.30 pm
    r"|(?<![\w.])\d++[ ]?(?:min|mins|minute|minutes)[ ]read(?-i:(?![a-z]))"                       # 3 min read
    r"|(?m:(?<=^[ \t]{0,64})\(?\d{1,2}[.)](?=[ \t]))"                                   # list numbering
    r"|(?<![\w.])\d++(?:\.\d++){2,}+"                                                 # 1.2.3 versions
    r"|\b\d{1,3}/7\b"                                                                 # 24/7
    r"|(?<![\w.,])\d{1,4}[A-Za-z]?+[ ](?-i:(?:[A-Z][a-z]++[ ]){1,3}(?:Street|Road|Avenue|Lane|Place|Square"
    r"|Close|Drive|Court|Terrace|Crescent|Gardens|Row|Way|Walk|Mews|Parade|Grove|Embankment)\b)",  # addresses
    _I,
)

# ---------------------------------------------------------------------------------------------------
# 2. Dates and financial years
# ---------------------------------------------------------------------------------------------------
_MONTH = _alt(L.MONTHS)
# a full stop after a month belongs to it only after an abbreviation ('Sept. 12', not '1 April.')
_MONTH_ABBREVS = _alt(m for m in L.MONTHS if len(m) <= 4 and m not in ("may", "june", "july"))
_MDOT = rf"(?:(?<=(?<![A-Za-z])(?:{_MONTH_ABBREVS}))\.)?+"
_WEEKDAY = _alt(L.WEEKDAYS)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?+"
_YEAR4 = r"(?:1\d{3}|20\d{2}|2100)"
_NOT_FY = r"(?![/\-–]\d{2}(?!\d))"  # 'April 2024/25' is a financial year, not April 2024
_MLEFT = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"  # a month may be glued after a lower-case word: 'readMay'
_DATE = regex.compile(
    rf"(?P<iso>(?<!\d|\d-){_YEAR4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!-?\d))"
    rf"|(?P<dmy>(?<![\w.,])(?:(?:{_WEEKDAY})\.?,?[ ]++)?+(?P<d1>{_DAY})[ ]++(?:of[ ]++)?+(?P<m1>{_MONTH}){_MDOT}"
    rf"(?:,?[ ]++(?P<y1>{_YEAR4}){_NOT_FY})?+(?![\w]))"
    rf"|(?P<mdy>{_MLEFT}(?:(?:{_WEEKDAY})\.?,?[ ]++)?+(?P<m2>{_MONTH}){_MDOT}[ ]++(?P<d2>{_DAY})(?![\d:])"
    rf"(?:,?[ ]++(?P<y2>{_YEAR4}){_NOT_FY})?+(?![\w]))"
    rf"|(?P<my>{_MLEFT}(?P<m3>{_MONTH}){_MDOT},?[ ]++(?:of[ ]++)?+(?P<y3>{_YEAR4}){_NOT_FY}(?![\w]))"
    rf"|(?P<num>(?<![\w./-])(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})(?P=sep)(?P<n3>{_YEAR4})(?![\w/]|\.\d))",
    _I,
)
_AMBIGUOUS_MONTHS = frozenset({"may", "mar", "march", "jun", "jan", "sat", "sun", "dec", "sept", "aug"})
_FY = regex.compile(
    r"(?<![\w/.-])(?:FY[ ]?)?(?P<a>(?:19|20)\d{2})[/\-–](?P<b>(?:19|20)?\d{2})(?![\w/-]|\.\d)", _I
)

# ---------------------------------------------------------------------------------------------------
# 3. Number cores and their context
# ---------------------------------------------------------------------------------------------------
# Patterns that end in \Z look back from a number over a short window; they search in reverse ((?r)), so the
# engine tries the one position that can match first instead of every position of the window.
_VAGUE = r"(?:tens|hundreds|thousands|millions|billions|dozens|scores)(?:[ ]++of[ ]++(?:thousands|millions|billions))?+(?=[ ]++(?:of|more|upon)\b)"  # noqa: E501
_NEG = r"(?P<neg>(?<![\w)\]])(?:minus|negative)[ ]++|(?<![\w)\].,/-])[-−–][ ]?+(?=\.?\d))?+"
_CORE = regex.compile(
    rf"{_NEG}(?:(?P<vague>(?<!\w){_VAGUE})"
    rf"|(?P<digits>(?<![\d.,]){DIGITS})"
    rf"|(?P<words>(?<![\w'’-]){WORD_RUN}))"
    rf"|(?P<twice>(?<![\w-])(?:twice|thrice)\b)",
    _I,
)
# At a digit run (or the sign, point or 'minus' before it) no word alternative of _CORE can match: the same
# match for a third less.
_CORE_DIGITS = regex.compile(rf"{_NEG}(?P<digits>(?<![\d.,]){DIGITS})", _I)
_SYMBOLS_ALT = "|".join(
    (r"(?<![A-Za-z])" + regex.escape(s) if s[0].isalpha() else regex.escape(s))
    for s in sorted(L.CURRENCY_SYMBOLS, key=lambda w: (-len(w), w))
)
_CODES_ALT = _alt(L.ISO_CODES)
_PREFIX_CUR = regex.compile(
    rf"(?r)(?:(?P<sym>{_SYMBOLS_ALT})|(?<![A-Za-z])(?P<mcode>M)?+(?P<code>{_CODES_ALT}))[ \u00a0]?+\Z", _I
)
_SCALE_ABBR_ALT = _alt(L.SCALE_ABBREV)
_SUFFIX_SCALE = regex.compile(
    r"(?:[ \u00a0]?+(?P<abbr>bn|mn|mln|bln|tn|tln|k|m|b|K|M|B|G)(?![A-Za-z0-9])"
    r"|[ \u00a0]++(?P<word>million|billion|trillion|thousand|lakh|crore|mn|bn|mln|bln|tln|M|K|G|k)(?![A-Za-z]))"
)
_SUFFIX_CUR = regex.compile(
    rf"(?:-(?=[A-Za-z])|[ \u00a0]?+)(?:(?P<word>(?:{_alt(L.CURRENCY_WORDS)}))(?![A-Za-z])"
    rf"|(?P<mcode>M)?+(?P<code>{_CODES_ALT})(?![A-Za-z])"
    rf"|(?P<sym>[£€$¥₹元₡₾₭₩₽₺₪₦₱]|ரூ))",
    _I,
)
_SUFFIX_MINOR = regex.compile(
    r"(?:[ \u00a0]?+(?P<p>p)(?![A-Za-z0-9])|[ \u00a0]++(?P<word>pence|penny|pennies|cents?)\b)"
)
_SUBUNIT = regex.compile(
    rf"(?:[ ]++and)?+[ ]++(?P<num>\d{{1,2}}(?!\d)|(?:{_alt(list(L.TENS) + list(L.UNITS))})"
    rf"(?:[ -]++(?:{_alt(L.UNITS)}))?+)"
    r"(?P<cents>[ ]++(?:cents?|pence|p))?+(?![ ]*+(?:\d|[£€$¥₹元₡₾₭₩₽₺₪₦₱]"
    r"|(?!(?:more|less|extra|each|only|than)\b)[A-Za-z]{3,}\b(?<!cents|cent|pence)))",
    _I,
)
_SUFFIX_PCT = regex.compile(
    r"(?:[ \u00a0]?+(?P<sign>%)(?:[ ]++points?\b)?+|[ \u00a0]++(?P<word>percentage[ ]++points?|per[ ]?cents?|percents?"
    r"|percentage|pct|pc|pp|ppts?)\b|(?<=\d)(?P<glued>pct|pc|pp|ppts?)\b)",
    _I,
)
# 'a quarter of a percentage point', 'half of one per cent'
_PCT_OF_FRACTION = regex.compile(
    r"[ ]++of[ ]++(?:a|one)[ ]++(?:(?P<pp>percentage[ ]++point)|per[ ]?cent|percent)\b", _I
)
_OF_AFTER = regex.compile(r"[ ]++of\b", _I)
_ALONE_AFTER = regex.compile(r"[ \t]*+[!?:\"'”’)\]]*+[ \t]*+")  # then the end of the line or text
_DECADE = regex.compile(r"(?<![\w-])(?:(?P<art>a|one)[ ]++)?decade(?![\w-])", _I)
_DECADE_BEFORE = regex.compile(
    r"(?r)(?<![\w])(?:last|past|next|previous|coming|following|recent|whole|entire)[ ]++\Z", _I
)
_PCT_OF = regex.compile(rf"(?<![\w])(?:per[ ]?cents?|percents?)[ ]++of[ ]++(?={WORD_RUN}|\d)", _I)
_DUR_ALT = _alt(L.DURATION_UNITS)
_SUFFIX_DUR = regex.compile(
    rf"(?:[ \u00a0]*+-[ \u00a0]*+|[ \u00a0]++|(?=[A-Za-z]))(?P<unit>{_DUR_ALT})(?![A-Za-z])"
    rf"|(?P<abbr>[DYW])(?![A-Za-z0-9])",
    _I,
)
_AGE_AFTER = regex.compile(
    r"(?:[ ]*+-[ ]*+|[ ]++)(?P<unit>years?|months?|weeks?|days?)(?:[ ]*+-[ ]*+|[ ]++)(?:old|olds)\b"
    r"|[ ]++(?P<unit2>years?|months?)[ ]++of[ ]++age\b"
    r"|[ ]?+(?P<yo>yo|y\.o\.|yrs?[ ]old)(?![\w])",
    _I,
)
_AGE_BEFORE = regex.compile(rf"(?r)(?<![\w])(?:{_alt(L.AGE_BEFORE)})[ ]++\Z", _I)
_TIMES = regex.compile(r"[ \u00a0]++times\b|(?<=\d)[ ]?x(?![\w])", _I)
_IN_N = regex.compile(rf"[ ]++(?:in|out[ ]++of)[ ]++(?P<den>\d{{1,4}}(?![\d,.])|{WORD_RUN})", _I)
# 'one over three', '1 over twenty-one': a fraction read out (ends its clause: '500 over 2021 levels' is no fraction)
_OVER_N = regex.compile(rf"[ ]++over[ ]++(?P<den>\d{{1,6}}(?![\d,]|\.\d)|{WORD_RUN})", _I)
_UNIT_ALT = _alt(L.QUANTITY_UNITS)
_SUFFIX_UNIT = regex.compile(rf"[ \u00a0]?+(?P<unit>{_UNIT_ALT})(?![A-Za-z0-9])")
_ORDINAL = regex.compile(r"(?:st|nd|rd|th)\b", _I)
_ORDINAL_AFTER = regex.compile(rf"[ -]?+(?:{_alt(L.ORDINAL_ONLY)})\b", _I)  # 'twenty-first'
_FOLD = regex.compile(
    rf"(?<![\w.-])(?P<n>\d++(?:\.\d++)?+|(?:{_alt([*L.UNITS, *L.TENS, 'hundred'])})"
    rf"(?:-(?:{_alt(L.UNITS)}))?+)"
    r"-?+fold(?![\w-])",
    _I,
)
_FACTOR_BEFORE = regex.compile(r"(?r)(?<![\w])a[ ]++factor[ ]++of[ ]++\Z", _I)
# '3 hundred and 21', '4 thousand 3 hundred', '3 dozens', '3 and a half', '6 crore and two hundred'
_DIGIT_RUN_TRIGGER = regex.compile(
    rf"[ \u00a0]++(?:hundred|dozens?|doz|dzs?)\b|[ \u00a0]++and[ ]++(?:a|one)[ ]++(?:half|quarter|third)\b"
    rf"|[ \u00a0]++(?:thousand|million|billion|trillion|crore|lakh)[ ]++(?:and[ ]++(?:an?[ ]++)?+)?+"
    rf"(?:\d++[ ]++(?:hundred|thousand|million)\b|(?:{NUMBER_WORD})\b)",
    _I,
)
_DIGIT_RUN = regex.compile(DIGIT_RUN, _I)
# '3/4', '-4/5', '2 1/4': a fraction written with a slash (never a date, a score or a school year)
_SLASH_FRACTION = regex.compile(r"/(?P<den>\d{1,3})(?![\d/]|[.,]\d)")
_MIXED_FRACTION = regex.compile(r"[ ]{1,2}+(?P<num>\d{1,2})/(?P<den>\d{1,3})(?![\d/]|[.,]\d)")
_SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})
_DATE_WORD_BEFORE = regex.compile(r"(?r)(?<![\w])(?:on|by|until|till|from|since|before|after|dated?)[ ]++\Z", _I)
_FOUR_DIGITS = regex.compile(r"\d{4}")
_NON_DIGITS = regex.compile(r"\D")
_SPACES = regex.compile(r"\s+")
_CLAUSE_START = regex.compile(r"(?:\A|[.!?:;,(\n\u2022—–-])[ \t\"'“‘]*+\Z")
_SENTENCE_BREAK = regex.compile(r"[.!?;:]\s")
_NAME_BREAK = regex.compile(r"[.!?:;|]\s*\Z|\A\s*\Z|\n\s*\Z")
_SHARE_BEFORE = regex.compile(r"(?r)(?:\bby|\bthan|\bnearly|\bto)\s+\Z", _I)
_BY_BEFORE = regex.compile(
    r"(?r)(?<![\w])by[ ]++(?:(?:just|around|about|almost|nearly|over|under|some|a[ ]++further)[ ]++)?+\Z", _I
)
_BOUND_AFTER = regex.compile(
    r"[ ]*+,?[ ]*+(?:and|or)[ ]++(?:(?P<min>over|above|more|older|upwards|greater|higher)"
    r"|(?P<max>under|below|less|fewer|younger|lower))\b(?![ ]++than\b)",
    _I,
)
_WORD_AFTER = regex.compile(r"[ \u00a0]++(?P<w>[A-Za-z][A-Za-z'’-]*+)")
_WORD_BEFORE = regex.compile(r"(?r)(?P<w>[A-Za-z][A-Za-z.'’-]*)[ \u00a0]++\Z")
_NOUN_WORDS = regex.compile(
    r"[ \u00a0]++(?:of[ ]++(?:the[ ]++|these[ ]++|our[ ]++)?+)?+((?:[A-Za-z][A-Za-z'’-]*+[ ]?+){1,4})"
)

_HEDGE = regex.compile(rf"(?r)(?<![\w])(?P<w>{_alt(L.HEDGES)})[ \u00a0]++\Z", _I)
_BOUND_MIN = regex.compile(rf"(?r)(?<![\w])(?P<w>{_alt(L.BOUNDS_MIN)})[ \u00a0]++\Z", _I)
_BOUND_MAX = regex.compile(rf"(?r)(?<![\w])(?P<w>{_alt(L.BOUNDS_MAX)})[ \u00a0]++\Z", _I)
_RATE_ALT = "|".join(regex.escape(w).replace("\\ ", "[ -]") for w in sorted(L.RATE_AFTER, key=lambda w: (-len(w), w)))
_RATE_AFTER = regex.compile(
    rf"(?:[ \u00a0]*+,?[ ]*+|-)(?:(?:more|less|extra|fewer|on[ ]++average)[ ]++)?+(?P<w>{_RATE_ALT})(?![A-Za-z])",
    _I,
)
# 'a year earlier', 'a year or so ago', 'a month later': a point in time, not a rate (but '£30,000 a year before tax')
_TIME_AFTER = regex.compile(
    r"[ \u00a0\t\r\n]++(?:(?:or[ ]++(?:so|two|more)|and[ ]++a[ ]++half)[ ]++)?+"
    r"(?:earlier|ago|later|previously|prior|since|back|hence|beforehand|into|from[ ]++now"
    r"|on(?![ ]++(?:top|average)\b)|(?:before|after)(?![ ]++(?:tax|deductions|housing|costs)\b))\b",
    _I,
)
_RATE_BEFORE = regex.compile(
    rf"(?<![\w])(?:{_alt(L.RATE_BEFORE)})(?:[ ]++[\w'’-]++){{0,4}}[ ]++(?:of|from|at|is|was|are|were|to|reached"
    rf"|totalled|totaling|totalling|stood[ ]++at|rose[ ]++to|fell[ ]++to|costs?|cost[ ]++of)"
    rf"[ ]++(?:[\w-]++[ ]++){{0,2}}\Z",
    _I,
)
_FUNCTION_WORDS = frozenset(
    "in by since from until till before after during and or to of the a an for at on as than between "
    "through throughout around about circa early late mid end start beginning spring summer autumn winter "
    "fall year years fy q1 q2 q3 q4 h1 h2 financial academic calendar census since, january february "
    "march april may june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec ended ending beginning starting until".split()
)
_UNITLESS_CONTEXT = regex.compile(r"[ ]++(?:min|mins)[ ]++read\b", _I)

_CONNECT_RANGE = regex.compile(r"[ \u00a0]*+(?:-|–|—|to|and|or)[ \u00a0]*+", _I)
_RANGE_CONNECTORS = frozenset({"-", "–", "—", "to", "and", "or"})  # what _CONNECT_RANGE leaves after strip()
_CONNECT_UPFROM = regex.compile(
    r"(?:[^\n.;:!?0-9£$€]{0,60}?)(?:[ ]*+,[ ]*+|[ ]++)(?:(?:up|down|rising|falling|increasing|decreasing)[ ]++)?+"
    r"(?:from|compared[ ]++(?:with|to))[ ]++(?:(?:just|a|some|around|about|almost|nearly|over|under)[ ]++)?+",
    _I,
)
_MAX_GAP = 160  # longest text between two linked figures ('..., up from', '..., compared with')
_FROM_BEFORE = regex.compile(
    r"(?r)(?<![\w])from[ ]++(?:(?:just|around|about|almost|nearly|over|under|some)[ ]++)?+\Z", _I
)
_BETWEEN_BEFORE = regex.compile(r"(?r)(?<![\w])between[ ]++\Z", _I)


def _window_before(text: str, pos: int, size: int = 48) -> tuple[int, int]:
    return max(0, pos - size), pos


# ---------------------------------------------------------------------------------------------------
# Cheap triggers. Every figure, date and excluded span holds a digit, a vulgar fraction or a number word, so the
# patterns above are tried only at those places (found with C-speed scans), never at every position of a text.
# ---------------------------------------------------------------------------------------------------
_TRIGGER_RUN = regex.compile("[\\d" + "".join(VULGAR) + "]++")
_DIGIT_ONLY_RUN = regex.compile(r"\d++")  # the same runs, several times faster, in texts without vulgar fractions
_VULGAR_CHARS = "".join(VULGAR)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WEEKDAY_SET = frozenset(L.WEEKDAYS)
_BEFORE_CORE = ".-−– \t\u00a0"  # a core starts before its trigger only after one of these (_core_starts)
_CONTINUES_DIGITS = ",." + GROUP_SPACES  # before a digit, these continue a number in digits (_whole_run)
_ONE_DIGIT = regex.compile(r"\d")
_DATE_WORD_TAILS = frozenset(w[-3:] for w in [*L.MONTHS, *L.WEEKDAYS])
# The only non-ASCII characters an IGNORECASE pattern matches for an ASCII letter: 'İ' (i), 'ſ' (s), 'K' (k).
_CASE_TWINS = "\u0130\u017f\u212a"


def _by_initial(*words: str) -> dict[str, tuple[str, ...]]:
    """Lower-case ``words`` grouped by their first character, for ``_Scanner._may_start``; '' (an unknown
    character) maps to the empty word, which starts everywhere."""
    out: dict[str, list[str]] = {"": [""]}
    for w in sorted(set(words)):
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


# What an anchored pattern after a number needs first, after spaces: the pattern is tried only where the lower-cased
# text starts with one of these (``_Scanner._may_start``) or, for the cheapest, with one of their first characters
# (``c in _X_START``). A ',' or '-' stands for itself and what a pattern reads after it.
_SCALE_START = _by_initial("bn", "mn", "mln", "bln", "tn", "tln", "k", "m", "b", "g", "million", "billion", "trillion",
                           "thousand", "lakh", "crore")
_CUR_START = _by_initial("-", "$", *L.CURRENCY_WORDS, *(c.lower() for c in L.ISO_CODES),
                         *("m" + c.lower() for c in L.ISO_CODES))  # symbols but '$' are non-ASCII
_MINOR_START = _by_initial("p", "cent")
_PCT_START = _by_initial("%", "per", "pc", "pp")
_AGE_START = _by_initial("-", "year", "month", "week", "day", "yo", "y.o.", "yr")
_DUR_START = _by_initial("-", *L.DURATION_UNITS, *(c.lower() for c in L.DURATION_SUFFIX))
_UNIT_START = _by_initial(*(u.lower() for u in L.QUANTITY_UNITS))
_TIMES_START = _by_initial("times", "x")
_IN_N_START = _by_initial("in", "out")
_OVER_N_START = _by_initial("over")
_DIGIT_RUN_START = _by_initial("hundred", "doz", "dz", "and", "thousand", "million", "billion", "trillion", "crore",
                               "lakh")
_MONTH_START = _by_initial(*L.MONTHS, "of")  # after a day and its spaces
_ORDINAL_START = _by_initial("st", "nd", "rd", "th")
_BOUND_AFTER_START = _by_initial(",", "and", "or")
_RATE_START = _by_initial(",", "-", "more", "less", "extra", "fewer", "on",
                          *(w if " " not in w else w.split()[0] + sep for w in L.RATE_AFTER for sep in " -"))
_NO_CHECKS: frozenset[str] = frozenset()


def _by_character(tables: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, frozenset[str]]:
    """For each character, the names of the ``tables`` (start or end tables as above) that hold it: the checks
    worth a closer look there, decided with one look-up. '' (an unknown character) maps to every name."""
    chars = set().union(*tables.values()) | {""}
    return {c: frozenset(name for name, table in tables.items() if c in table or not c) for c in chars}


# The checks after a number that may start at the first character after its spaces (``_Scanner._follows``).
_FOLLOWS = _by_character({
    "scale": _SCALE_START, "cur": _CUR_START, "minor": _MINOR_START, "pct": _PCT_START, "age": _AGE_START,
    "dur": _DUR_START, "unit": _UNIT_START, "times": _TIMES_START, "in_n": _IN_N_START, "over": _OVER_N_START,
})  # (the bound and rate after a figure are looked for in _modifiers, each with its own _may_start)
# What a currency before a number ends with, and the words of the phrases looked for before a number.
_LAST_SYMBOL = "".join({sym[-1] for sym in L.CURRENCY_SYMBOLS})
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CODES = frozenset(code.lower() for code in L.ISO_CODES)  # all of three letters


def _by_final(*phrases: str) -> dict[str, tuple[str, ...]]:
    """Lower-case ``phrases`` grouped by their last character, for ``_Scanner._phrase_before``."""
    out: dict[str, list[str]] = {}
    for w in sorted(set(phrases)):
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


_HEDGE_ENDS = _by_final(*L.HEDGES)
_BOUND_MIN_ENDS = _by_final(*L.BOUNDS_MIN)
_BOUND_MAX_ENDS = _by_final(*L.BOUNDS_MAX)
_AGE_BEFORE_ENDS = _by_final(*L.AGE_BEFORE)
_DATE_WORD_ENDS = _by_final("on", "by", "until", "till", "from", "since", "before", "after", "date", "dated")
# The phrases before a number that may end at the last character before its spaces (``_Scanner._precedes``).
_PRECEDES = _by_character({"hedge": _HEDGE_ENDS, "min": _BOUND_MIN_ENDS, "max": _BOUND_MAX_ENDS,
                           "age": _AGE_BEFORE_ENDS})


def _trigger_keys(words: Any) -> tuple[str, ...]:
    """Prefixes (up to four letters) of ``words``, none the prefix of another: a word starts with one of them."""
    keys: list[str] = []
    for key in sorted({w[:4] for w in words}, key=lambda k: (len(k), k)):
        if not any(key.startswith(k) for k in keys):
            keys.append(key)
    return tuple(keys)


# words that may start a number core (_CORE): number words, fractions, dozens, vague plurals, 'twice'/'thrice'
_CORE_KEYS = _trigger_keys(
    [*L.UNITS, *L.TENS, *L.SCALES, *L.DOZEN_WORDS, *L.FRACTIONS, *L.VAGUE, "tens", "scores", "twice", "thrice"]
)
# One pass over the lower-cased text for all of them: a key after a character that is no ASCII letter (the caller
# checks the character is no letter at all). The standard ``re`` engine skips to the candidates with its first-
# character set far faster than ``regex`` or one ``str.find`` per key (the keys are plain ASCII).
_CORE_KEY_AT = re.compile(word_trie(_CORE_KEYS))
_CORE_KEY_AFTER = re.compile(f"[^a-z](?:{word_trie(_CORE_KEYS)})")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class _Scanner:
    """One pass over one text. Construct, call ``run()``; not reused."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        low = text.lower()
        # lower-cased for the trigger scans; offsets must stay those of ``text`` ('İ'.lower() is two characters)
        self.low = low if len(low) == len(text) else text.translate(_ASCII_LOWER)
        # checks on ``low`` stand for case-insensitive patterns unless the text holds a non-ASCII twin of a letter
        self.plain = text.isascii() or not any(ch in text for ch in _CASE_TWINS)
        # runs of digits and vulgar fractions: (start, end)
        self.vulgar = not text.isascii() and any(ch in text for ch in _VULGAR_CHARS)
        self.runs: list[tuple[int, int]] = [m.span() for m in (_TRIGGER_RUN if self.vulgar else _DIGIT_ONLY_RUN)
                                            .finditer(text)]
        self.excluded: list[tuple[int, int]] = self._exclusions()
        self._ex_starts = [s for s, _ in self.excluded]
        self.out: list[RawFigure] = []
        self._peek_at, self._peeked = -1, (0, "")
        self._nouns_at, self._nouns = -1, None
        self.taken: list[tuple[int, int]] = []
        self._taken_starts: list[int] = []

    # -- helpers -----------------------------------------------------------------------------------
    def _in_excluded(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self._ex_starts, s) - 1
        if i >= 0 and self.excluded[i][1] > s:
            return True
        i += 1
        return i < len(self.excluded) and self.excluded[i][0] < e

    def _overlaps_taken(self, s: int, e: int) -> bool:
        starts = self._taken_starts
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and self.taken[i][1] > s:
            return True
        i += 1
        return i < len(self.taken) and self.taken[i][0] < e

    def _take(self, fig: RawFigure) -> None:
        if isinstance(fig.value, float) and not math.isfinite(fig.value):
            return  # 'a million million ...' past the float range: no value a reader could check
        k = bisect.bisect_left(self.taken, (fig.start, fig.end))
        self.taken.insert(k, (fig.start, fig.end))
        self._taken_starts.insert(k, fig.start)
        self.out.append(fig)

    def _peek(self, k: int) -> tuple[int, str]:
        """(j, c): the first character from ``k`` on that is no space or no-break space, lower-cased, and its index.
        ``c`` is '' (any check lets it through) past the window an anchored pattern reads, for a non-ASCII
        character, and in a text with a non-ASCII twin of a letter (a case-insensitive pattern matches 'ſ' for
        's'). The last answer is kept: the checks after one number all ask about the same place."""
        if k == self._peek_at:
            return self._peeked
        low = self.low
        j, end = k, min(self.n, k + AHEAD)
        while j < end and low[j] in " \u00a0":
            j += 1
        c = low[j] if j < end and self.plain else ""
        self._peek_at, self._peeked = k, (j, c if c.isascii() else "")
        return self._peeked

    def _may_start(self, k: int, starts: dict[str, tuple[str, ...]]) -> bool:
        """False when none of the words ``starts`` groups starts after the spaces from ``k`` on: an anchored
        pattern that needs one of them there cannot match."""
        j, c = self._peeked if k == self._peek_at else self._peek(k)
        words = starts.get(c)
        return words is not None and self.low.startswith(words, j)

    def _follows(self, k: int) -> frozenset[str]:
        """The checks after a number (names in _FOLLOWS) that may match from ``k`` on."""
        return _FOLLOWS.get(self._peek(k)[1], _NO_CHECKS)

    def _precedes(self, k: int, b: int) -> frozenset[str]:
        """The phrases before a number (names in _PRECEDES) that may end at ``k``, where the spaces before ``b``
        start."""
        if k == b:
            return _NO_CHECKS
        return _PRECEDES.get(self.low[k - 1], _NO_CHECKS) if self.plain else _PRECEDES[""]

    def _currency_before(self, s: int, back: int) -> regex.Match[str] | None:
        """_PREFIX_CUR over the ``back`` characters before ``s``, tried only when a symbol or a code (and at most
        one space) ends there."""
        text = self.text
        j = s - 1 if text[s - 1:s] in (" ", "\u00a0") else s
        if j > 0 and (text[j - 1] in _LAST_SYMBOL or not self.plain or self.low[max(0, j - 3):j] in _CODES):
            return _PREFIX_CUR.search(text, max(0, s - back), s)
        return None

    def _spaces_start(self, a: int, b: int) -> int:
        """Where the spaces and no-break spaces that end at ``b`` start (not before ``a``)."""
        text = self.text
        while b > a and text[b - 1] in " \u00a0":
            b -= 1
        return b

    def _phrase_before(self, pattern: regex.Pattern[str], ends: dict[str, tuple[str, ...]], a: int, b: int,
                       k: int | None = None) -> regex.Match[str] | None:
        """``pattern.search(text, a, b)`` for a reverse pattern of phrases (``ends`` groups them by their last
        character) and spaces before ``b``; tried only when the text before those spaces (from ``k``, which the
        caller may know) ends with one of them."""
        if k is None:
            k = self._spaces_start(a, b)
        if k == b:
            return None
        if self.plain:
            low = self.low
            phrases = ends.get(low[k - 1])
            if phrases is None or not low.endswith(phrases, a, k):
                return None
        return pattern.search(self.text, a, b)

    def _word_before(self, pos: int) -> str:
        if self.text[pos - 1:pos] not in (" ", "\u00a0"):
            return ""  # _WORD_BEFORE ends in spaces
        a, b = _window_before(self.text, pos, 32)
        m = _WORD_BEFORE.search(self.text, a, b)
        return m.group("w") if m else ""

    # -- triggers ----------------------------------------------------------------------------------
    def _exclusions(self) -> list[tuple[int, int]]:
        """Spans that are never figures, tried only at their triggers: URLs, e-mails and handles at 'http',
        'www.', '@' and '#'; phones, postcodes, times, list numbers and the rest at digit runs."""
        text = self.text
        spans = self._text_excluded()
        floor = 0
        for d, de in self.runs:
            if de <= floor or text[d] in VULGAR:
                continue
            # a phone starts at '+' or '(', a postcode one or two capitals before its first digit
            if d - 1 >= floor and (text[d - 1] in "+(" or text[d - 1].isupper()):
                starts = [d - 2, d - 1, d] if d - 2 >= floor and text[d - 1].isupper() and text[d - 2].isupper() \
                    else [d - 1, d]
            elif self._may_exclude(d, de):
                starts = [d]
            else:
                continue
            for st in starts:
                if st == d and not self._may_exclude(d, de):
                    break
                m = _EXCLUDE.match(text, st, st + AHEAD)
                if m:
                    spans.append(m.span())
                    floor = m.end()
                    break
        return _merged(spans)

    def _may_exclude(self, d: int, de: int) -> bool:
        """False when no _EXCLUDE alternative can start at the digit run ``text[d:de]``: after its digits each
        needs ':', ')', '/', '-', a point and a digit or space, 'am'/'pm'/'min', a letter, space and capital (an
        address), or a space and then a capital, 'am'/'pm', 'min' or (a phone after a leading 0) more digits."""
        text = self.text
        c = text[de:de + 1]
        if c == " ":
            c = text[de + 1:de + 2]
            return c != "" and (c.isupper() or c in "apmAPM" or (text[d] == "0" and c.isdigit()))
        if c == ".":  # '9.30pm', '1.2.3', a list number '1. '
            c = text[de + 1:de + 2]
            return c != "" and (c in " \t" or c.isdigit())
        if c.isalpha():  # '9am', '3min read', '10a High Street'
            return c in "apmAPM" or (text[de + 1:de + 2] == " " and text[de + 2:de + 3].isupper())
        return c != "" and c in ":)/-"

    def _text_excluded(self) -> list[tuple[int, int]]:
        text, low = self.text, self.low
        spans: list[tuple[int, int]] = []
        for key in ("http", "www."):
            i = low.find(key)
            while i >= 0:
                nxt = i + 1
                if i == 0 or text[i - 1].isspace():
                    lead = 4 if key == "www." else 8 if low.startswith("https://", i) else \
                        7 if low.startswith("http://", i) else 0
                    sp = _SPACE.search(text, i + lead) if lead else None
                    end = sp.start() if sp else self.n
                    if lead and end > i + lead:
                        spans.append((i, end))
                        nxt = end
                i = low.find(key, nxt)
        for ch in "@#":
            i = text.find(ch)
            while i >= 0:
                m = None
                if ch == "@":
                    k = i  # the local part of an e-mail address ends here
                    while k > 0 and i - k < AHEAD and (text[k - 1].isalnum() or text[k - 1] in "_.+-"):
                        k -= 1
                    if k < i:
                        m = _EMAIL.match(text, k, i + AHEAD)
                if m is None:
                    m = _HANDLE.match(text, i, i + AHEAD)
                if m:
                    spans.append(m.span())
                i = text.find(ch, m.end() if m else i + 1)
        return spans

    def _search_at(self, pattern: regex.Pattern[str], i: int, size: int, back: int) -> regex.Match[str] | None:
        """The match of ``pattern`` that ends with the trigger word ``text[i:i + size]``, looking ``back``
        characters before it (and one after, for a closing lookahead)."""
        a = max(0, i - back)
        while True:
            m = pattern.search(self.text, a, i + size + 1)
            if m is None or m.end() >= i + size:
                return m
            a = m.end()  # an earlier trigger's match ('twofold, threefold')

    def _date_starts(self, d: int, floor: int) -> list[int]:
        """Where a date holding the digit run at ``d`` may begin, earliest first: a month or weekday up to three
        words before it ('Monday, March 4', 'April of 1987', 'readMay 23'), or the run itself."""
        text, low = self.text, self.low
        starts = [d]
        k = d
        for _ in range(3):  # (the first word is tried only after a separator: see _dates)
            j = k
            while j > floor and k - j < 4 and text[j - 1] in " ,.":
                j -= 1
            if j == k:
                break
            end = j
            if low[max(0, end - 3):end] not in _DATE_WORD_TAILS and low[max(0, end - 2):end] != "of":
                break  # no month or weekday ends here, alone or glued
            while j > floor and end - j < 10 and text[j - 1].isalpha():
                j -= 1
            word = low[j:end]
            if not word:
                break
            if word in L.MONTHS or word in _WEEKDAY_SET:
                starts.append(j)
            elif word != "of":
                # a month glued after a lower-case word: 'readMay'
                for c in range(end - 3, j, -1):
                    if text[c].isupper() and text[c - 1].islower():
                        if low[c:end] in L.MONTHS:
                            starts.append(c)
                        break
                break
            k = j
        starts.reverse()
        return starts

    def _lead_word(self, k: int, floor: int) -> tuple[int, str] | None:
        """(start, lower-cased word) of a short word that ends in spaces just before ``k``."""
        text = self.text
        j = k
        while j > floor and k - j < 8 and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == k:
            return None
        end = j
        while j > floor and end - j < 9 and text[j - 1].isalpha():
            j -= 1
        return (j, self.low[j:end]) if j < end else None

    def _core_starts(self, t: int, floor: int, digit: bool) -> Sequence[int]:
        """Where a number core holding the trigger at ``t`` may begin, earliest first: 'minus'/'negative', a sign,
        'a'/'an'/'half' before a number word, the point of '.5', or the trigger itself."""
        text = self.text
        if t <= floor or text[t - 1] not in _BEFORE_CORE:
            return (t,)
        starts = [t]
        k = t
        if digit:
            if k - 1 >= floor and text[k - 1] == ".":
                k -= 1
                starts.append(k)
            j = k - 1 if k - 1 >= floor and text[k - 1] == " " else k
            if j - 1 >= floor and text[j - 1] in "-−–":
                k = j - 1
                starts.append(k)
        else:
            lead = self._lead_word(k, floor)
            if lead is not None and lead[1] in ("a", "an", "half"):
                k = lead[0]
                starts.append(k)
        window = self.low[max(floor, k - 17):k]  # the spaces and the word _lead_word reads
        lead = self._lead_word(k, floor) if "minus" in window or "negative" in window else None
        if lead is not None and lead[1] in ("minus", "negative"):
            starts.append(lead[0])
        starts.reverse()
        return starts

    def _core_triggers(self) -> list[tuple[int, int, bool]]:
        """(start, end, is a digit run) of every digit run and every word that starts like a number word."""
        low = self.low
        out = [(d, de, True) for d, de in self.runs]
        if _CORE_KEY_AT.match(low):
            out.append((0, 0, False))
        for m in _CORE_KEY_AFTER.finditer(low):
            i = m.start()
            if not low[i].isalpha():
                out.append((i + 1, i + 1, False))
        out.sort()
        return out

    # -- passes ------------------------------------------------------------------------------------
    def run(self) -> list[RawFigure]:
        self._dates()
        self._financial_years()
        self._percent_of()
        self._decades()
        self._folds()
        self._cores()
        self.out.sort(key=lambda f: f.start)
        self._links()
        for fig in self.out:
            self._modifiers(fig)
        self._propagate()
        return self.out

    def _dates(self) -> None:
        text = self.text
        floor = 0
        for d, de in self.runs:
            if de <= floor or text[d] in VULGAR:
                continue
            # after a month or weekday the run is a day or a year ('March 4', 'April 1987'; but '12½' reads as 12);
            # from the run itself only a day ('23 May', '23/05/2022') or an ISO date ('2022-05-23') starts
            size = de - d
            after_word = (size <= 2 or (size == 4 and text[d] in "12") or self.vulgar) and d > floor \
                and text[d - 1] in " ,."  # what separates a month from its day or year
            at_run = (size <= 2 and self._may_be_day(de)) or (size == 4 and text[de:de + 1] == "-")
            m = None
            for st in self._date_starts(d, floor) if after_word else (d,):
                if st < d or at_run:
                    m = _DATE.match(text, st, st + AHEAD)
                    if m:
                        break
            if m is None:
                continue
            s, e = m.span()
            floor = e
            if self._in_excluded(s, e):
                continue
            value = self._date_value(m)
            if value is None:
                continue
            self._take(RawFigure("date", s, e, value, num_start=s, num_end=e))

    def _may_be_day(self, de: int) -> bool:
        """False when the day of a date cannot end at ``de``: a day is followed by spaces and a month or 'of'
        ('23 May'), by '/' or '.' and a month number ('23/05/2022'), or by an ordinal suffix ('23rd May')."""
        text = self.text
        c = text[de:de + 1]
        if c == " ":
            return self._may_start(de, _MONTH_START)
        if c in ("/", "."):
            nxt = text[de + 1:de + 4]
            return nxt[:1].isdigit() and (nxt[1:2] == c or (nxt[1:2].isdigit() and nxt[2:3] == c))
        return self._may_start(de, _ORDINAL_START)

    @staticmethod
    def _date_value(m: regex.Match[str]) -> str | None:
        def month(g: str) -> tuple[int, str] | None:
            word = m.group(g)
            low = L.fold(word)
            if low in _AMBIGUOUS_MONTHS and word[0].islower():
                return None
            return L.MONTHS[low], word

        if m.group("iso"):
            return m.group("iso")
        if m.group("dmy"):
            got = month("m1")
            if got is None:
                return None
            d = int(_NON_DIGITS.sub("", m.group("d1")))
            y = m.group("y1")
            return f"{y}-{got[0]:02d}-{d:02d}" if y else f"--{got[0]:02d}-{d:02d}"
        if m.group("mdy"):
            got = month("m2")
            if got is None or (not m.group("y2") and got[1][0].islower()):
                return None
            d = int(_NON_DIGITS.sub("", m.group("d2")))
            y = m.group("y2")
            return f"{y}-{got[0]:02d}-{d:02d}" if y else f"--{got[0]:02d}-{d:02d}"
        if m.group("my"):
            got = month("m3")
            if got is None:
                return None
            return f"{m.group('y3')}-{got[0]:02d}"
        if m.group("num"):
            a, b, y = int(m.group("n1")), int(m.group("n2")), m.group("n3")
            day, mon = (b, a) if a <= 12 < b else (a, b)  # UK order unless only the US reading is valid
            if not (1 <= mon <= 12 and 1 <= day <= 31):
                return None
            return f"{y}-{mon:02d}-{day:02d}"
        return None

    def _financial_years(self) -> None:
        text, low = self.text, self.low
        for d, de in self.runs:
            if de - d != 4 or text[de:de + 1] not in ("/", "-", "–") or text[d:d + 2] not in ("19", "20"):
                continue
            m = None
            if d >= 2 and low.startswith("fy", d - 2 - (text[d - 1] == " ")):
                m = _FY.match(text, d - 2 - (text[d - 1] == " "), de + AHEAD)  # 'FY2025/26', 'FY 2025/26'
            m = m or _FY.match(text, d, de + AHEAD)
            if m is None:
                continue
            s, e = m.span()
            if self._overlaps_taken(s, e) or self._in_excluded(s, e):
                continue
            a, b = int(m.group("a")), m.group("b")
            b2 = int(b[-2:])
            if (a + 1) % 100 != b2 or (len(b) == 4 and int(b) != a + 1):
                continue
            self._take(RawFigure("year", s, e, f"{a}/{b2:02d}", num_start=s, num_end=e))

    def _decades(self) -> None:
        """'the last decade' -> 'decade', 'a decade' -> 'a decade' (10 years); 'the start of the decade' is no
        counted duration."""
        text, low = self.text, self.low
        i = low.find("decade")
        while i >= 0:
            m = self._search_at(_DECADE, i, 6, 12)  # '[a|one] decade'
            i = low.find("decade", i + 6)
            if m is None:
                continue
            s, e = m.span()
            if not m.group("art"):
                a, b = _window_before(text, s, 24)
                if not _DECADE_BEFORE.search(text, a, b):
                    continue
            if self._overlaps_taken(s, e):
                continue
            self._take(RawFigure("duration", s, e, 10.0, "years", num_start=s, num_end=e))

    def _folds(self) -> None:
        """'fourfold', 'a 10-fold rise': multipliers."""
        low = self.low
        i = low.find("fold")
        while i >= 0:
            m = self._search_at(_FOLD, i, 4, 24)  # the number and 'fold'
            i = low.find("fold", i + 4)
            if m is None:
                continue
            s, e = m.span()
            if self._overlaps_taken(s, e) or self._in_excluded(s, e):
                continue
            value = self._small_number(m.group("n").replace("-", " "))
            if value:
                self._take(RawFigure("ratio", s, e, value, "times", num_start=s, num_end=m.end("n")))

    def _percent_of(self) -> None:
        text, low = self.text, self.low
        i = low.find("cent")
        while i >= 0:
            m = _PCT_OF.search(text, max(0, i - 4), i + 64)  # 'per cent of ' / 'percent of ' and a number after
            at, i = i, low.find("cent", i + 4)
            if m is None or m.start() > at:
                continue
            num = _CORE.match(text, m.end(), m.end() + AHEAD)
            if not num:
                continue
            value = self._core_value(num)
            if value is None:
                continue
            s, e = m.start(), num.end()
            if self._overlaps_taken(s, e):
                continue
            self._take(RawFigure("percent", s, e, value[0], "%", num_start=num.start(), num_end=e))

    def _core_value(self, m: regex.Match[str]) -> tuple[float, bool, bool, int] | None:
        """(value, fraction_only, has_scale, end) of the first number in a core match."""
        sign = -1.0 if m.group("neg") else 1.0
        if m.group("digits"):
            return sign * parse_digits(m.group("digits")), False, False, m.end("digits")
        if m.group("words"):
            toks = tokenize_run(m.group("words"))
            nums = parse_word_tokens([t for t, _, _ in toks])
            if not nums:
                return None
            first = nums[0]
            base = m.start("words")
            return sign * first.value, first.fraction_only, first.has_scale, base + toks[first.last][2]
        return None

    def _cores(self) -> None:
        text = self.text
        pos = 0
        for t, te, digit in self._core_triggers():
            if t < pos:
                continue
            starts = self._core_starts(t, pos, digit)
            if digit and len(starts) == 1 and self._whole_run(t, te):
                s, e, d, neg = t, te, t, False  # what _CORE_DIGITS would read, without it
            else:
                m = None
                pattern = _CORE_DIGITS if digit else _CORE
                for st in starts:
                    m = pattern.match(text, st, te + AHEAD)  # a digit run is read whole, however long
                    if m:
                        break
                if m is None:
                    continue
                if not digit:
                    pos = self._word_core(m, max(m.end(), m.start() + 1))
                    continue
                (s, e), d, neg = m.span(), m.start("digits"), m.group("neg") is not None
            pos = max(e, s + 1)
            digits = text[d:e]
            value = parse_digits(digits)
            if not math.isfinite(value):
                continue  # '9' * 400: beyond the float range, no figure (and no JSON number)
            if neg:
                value = -value
            before = len(self.out)
            if digits.isdigit() and self._digit_run(d, s, e, neg):
                pass
            elif digits.isdigit() and len(digits) <= 3 and self._slash_fraction(s, e, value):
                pass
            else:
                self._classify(s, e, value, digits=digits,
                               fraction_only=len(digits) == 1 and digits in VULGAR)
            if len(self.out) > before:
                pos = max(pos, self.out[-1].end)

    def _word_core(self, m: regex.Match[str], pos: int) -> int:
        """Take the figures of a core match at a word ('hundreds of', 'twice', 'two and a half million');
        returns where the next core may start."""
        text = self.text
        if m.group("vague"):
            s, e = m.span("vague")
            if not self._overlaps_taken(s, e):
                unit = self._counted_noun(e)
                self._take(RawFigure("count", s, e, None, unit, approx=True, num_start=s, num_end=e))
            return pos
        if m.group("twice"):
            s, e = m.span("twice")
            if not self._overlaps_taken(s, e):
                value = 2.0 if m.group("twice").lower() == "twice" else 3.0
                self._take(RawFigure("ratio", s, e, value, "times", num_start=s, num_end=e))
            return pos
        # a word run may hold several numbers ("between two and three million")
        base = m.start("words")
        toks = tokenize_run(m.group("words"))
        nums = parse_word_tokens([t for t, _, _ in toks])
        for k, num in enumerate(nums):
            s = base + toks[num.first][1]
            e = base + toks[num.last][2]
            if num.ordinal or ((toks[num.last][0] in L.TENS or toks[num.last][0] == "hundred") and \
                    _ORDINAL_AFTER.match(text, e, e + AHEAD)):
                pos = max(pos, e + 1)
                continue  # 'the twenty-first century', 'its one hundred fifth meeting'
            neg = k == 0 and bool(m.group("neg"))
            if neg:
                s = m.start()
            value = -num.value if neg else num.value
            before = len(self.out)
            self._classify(s, e, value, fraction_only=num.fraction_only, has_scale=num.has_scale,
                           words=True, first_token=toks[num.first][0])
            if len(self.out) > before:
                pos = max(pos, self.out[-1].end)
        return pos

    def _whole_run(self, t: int, te: int) -> bool:
        """True when _CORE_DIGITS, tried at the digit run ``text[t:te]`` only, reads exactly the run: no point or
        comma before it, no decimal part, comma or space group after it, no vulgar fraction in the text."""
        text = self.text
        if self.vulgar or (t and text[t - 1] in ".,"):
            return False
        if text[te:te + 1] not in _CONTINUES_DIGITS:
            return True
        nxt = text[te + 1:te + 2]  # \d of the regex module knows digits newer than str.isdecimal
        return not (nxt.isdecimal() or (not nxt.isascii() and _ONE_DIGIT.match(nxt)))

    def _digit_run(self, d: int, s: int, e: int, neg: bool) -> bool:
        """Digits (from ``d``) continued by number words: '3 hundred and 21', '6 crore and two hundred',
        '3 dozens'."""
        text = self.text
        if text[e:e + 1] not in (" ", "\u00a0") or not self._may_start(e, _DIGIT_RUN_START) \
                or not _DIGIT_RUN_TRIGGER.match(text, e, e + AHEAD):
            return False
        run = _DIGIT_RUN.match(text, d)
        if run is None:
            return False
        toks = tokenize_run(run.group())
        nums = parse_word_tokens([t for t, _, _ in toks])
        if not nums or nums[0].first != 0 or nums[0].last == 0 or nums[0].ordinal:
            return False
        num = nums[0]
        end = run.start() + toks[num.last][2]
        value = -num.value if neg else num.value
        self._classify(s, end, value, fraction_only=num.fraction_only, has_scale=num.has_scale, words=True,
                       first_token=toks[0][0])
        return True

    def _slash_fraction(self, s: int, e: int, value: float) -> bool:
        """'3/4', '-4/5', '2 1/4' (whole and fraction), with a denominator fractions are written with."""
        text = self.text
        if text[e:e + 1] not in ("/", " ") or text[s - 1:s] == "/" \
                or self._phrase_before(_DATE_WORD_BEFORE, _DATE_WORD_ENDS, max(0, s - 12), s):
            return False  # a fraction needs '/' or ' ' after its first number
        mixed = _MIXED_FRACTION.match(text, e, e + AHEAD)
        if mixed:
            num, den = int(mixed.group("num")), int(mixed.group("den"))
            if 0 < num < den and den in _SLASH_DENOMINATORS:
                whole = abs(value) + num / den
                self._classify(s, mixed.end(), -whole if value < 0 else whole, words=True, first_token="")
                return True
            return False
        frac = _SLASH_FRACTION.match(text, e, e + AHEAD)
        if not frac:
            return False
        num, den = abs(value), int(frac.group("den"))
        if not (0 < num < den and den in _SLASH_DENOMINATORS):
            return False
        self._classify(s, frac.end(), value / den, fraction_only=True, words=True, first_token="")
        return True

    # -- classification of one number ----------------------------------------------------------------
    def _classify(
        self, s: int, e: int, value: float, *, digits: str | None = None, fraction_only: bool = False,
        has_scale: bool = False, words: bool = False, first_token: str = "",
    ) -> None:
        text = self.text
        if self._overlaps_taken(s, e) or (self.excluded and self._in_excluded(s, e)):
            return
        before_char = text[s - 1] if s > 0 else ""
        after_char = text[e] if e < len(text) else ""
        # identifiers and ordinals: 'COP26', 'A1', '1st', '21st century'
        if digits is not None:
            if (after_char in "sSnNrRtT" or not after_char.isascii() or not self.plain) \
                    and _ORDINAL.match(text, e, e + AHEAD):
                return
            if before_char.isalpha() and not self._currency_before(s, 8):
                return
            if before_char == "-" and s >= 2 and text[s - 2].isalpha():
                word = self._word_before(s - 1) if s > 1 else ""
                if word.lower() not in ("mid", "pre", "post", "early", "late", "end", "over", "under", "aged"):
                    return
        word_before = self._word_before(s)
        if word_before.lower().rstrip(".") in L.LABEL_WORDS and not (len(word_before) == 1 and word_before.islower()):
            if word_before.lower() not in ("m", "a", "b"):
                return
        if word_before in ("Year", "Years") and digits is not None and value < 14:
            return  # school years: 'Year 6 pupils'

        # what may follow the number decides which of the checks below are tried
        follows = self._follows(e)
        # money: currency before ---------------------------------------------------------------------
        prefix = self._currency_before(s, 10)
        if prefix and self._overlaps_taken(prefix.start(), prefix.end()):
            prefix = None  # '10 rmb 20 usd': 'rmb' belongs to the amount before
        scale, pos = self._scale_after(e, "scale" in follows and digits is not None and not has_scale)
        follows_pos = follows if pos == e else self._follows(pos)
        amount = _scaled(value, scale)
        currency: str | None = None
        start = s
        if prefix:
            currency = self._currency_of(prefix)
            start = prefix.start()
            if prefix.group("mcode"):
                amount *= 1e6
        suffix = _SUFFIX_CUR.match(text, pos, pos + AHEAD) \
            if "cur" in follows_pos and self._may_start(pos, _CUR_START) else None
        if suffix and (currency is None or suffix.group("code")):
            cur = self._currency_of(suffix)
            if cur is not None and not (suffix.group("word") and currency):
                currency = currency or cur
                pos = suffix.end()
                if suffix.group("mcode"):
                    amount *= 1e6
                if scale is None:
                    scale2, pos2 = self._scale_after(pos, True)
                    if scale2:
                        scale, pos = scale2, pos2
                        amount = _scaled(value, scale2)
                follows_pos = self._follows(pos)
        if currency is None and not words and "minor" in follows_pos:
            minor = _SUFFIX_MINOR.match(text, pos, pos + AHEAD)
            if minor and (minor.group("word") or scale is None):
                self._take(RawFigure("money", s, minor.end(), amount / 100, L.MINOR_WORDS[
                    L.fold(minor.group("p") or minor.group("word"))], num_start=s, num_end=e, scale=scale,
                    currency_given=True))
                return
        if currency is None and words and scale is None and "minor" in follows:
            minor = _SUFFIX_MINOR.match(text, e, e + AHEAD)
            if minor and minor.group("word"):
                self._take(RawFigure("money", s, minor.end(), amount / 100,
                                     L.MINOR_WORDS[L.fold(minor.group("word"))], num_start=s, num_end=e,
                                     currency_given=True))
                return
        if currency is not None:
            end = pos
            if suffix is not None and pos == suffix.end() and scale is None:
                sub = _SUBUNIT.match(text, pos, pos + AHEAD)
                if sub and (suffix.group("word") or suffix.group("code") or suffix.group("sym")):
                    cents = self._small_number(sub.group("num"))
                    if cents is not None and cents < 100:
                        amount += cents / 100
                        end = sub.end()
            elif prefix is not None and scale is None:
                sub = _SUBUNIT.match(text, pos, pos + AHEAD)
                if sub and sub.group("cents"):
                    cents = self._small_number(sub.group("num"))
                    if cents is not None:
                        amount += cents / 100
                        end = sub.end()
            self._take(RawFigure("money", start, end, amount, currency, num_start=s, num_end=e, scale=scale,
                                 currency_given=True))
            return
        # percent ------------------------------------------------------------------------------------
        pct = _SUFFIX_PCT.match(text, pos, pos + AHEAD) if "pct" in follows_pos else None
        if pct:
            pword = (pct.group("word") or pct.group("glued") or "").lower()
            unit = "percentage points" if pword.startswith(("percentage p", "pp", "ppt")) \
                or "point" in pct.group(0).lower() else "%"
            if pct.group("word") and pword in ("pc", "pp") and not digits:
                pct = None
            else:
                self._take(RawFigure("percent", s, pct.end(), amount, unit, num_start=s, num_end=e, scale=scale))
                return
        # ages ---------------------------------------------------------------------------------------
        if scale is None and 0 <= value < 130:
            age = _AGE_AFTER.match(text, e, e + AHEAD) if "age" in follows else None
            if age:
                unit = (age.group("unit") or age.group("unit2") or "years").lower().rstrip("s") + "s"
                self._take(RawFigure("quantity", s, age.end(), value, f"{unit} of age", num_start=s, num_end=e))
                return
            a, b = _window_before(text, s, 24)
            k = self._spaces_start(a, b)
            mm = self._phrase_before(_AGE_BEFORE, _AGE_BEFORE_ENDS, a, b, k) \
                if value == int(value) and "age" in self._precedes(k, b) else None
            if mm and not ("dur" in follows and self._duration_after(e)) \
                    and not ("unit" in follows and self._unit_after(e)):
                st = s
                if mm.group(0).strip().lower() == "age":
                    st = mm.start()
                self._take(RawFigure("quantity", st, e, value, "years of age", num_start=s, num_end=e))
                return
        # durations ----------------------------------------------------------------------------------
        if scale is None:
            dur = self._duration_after(e) if "dur" in follows else None
            if dur and not (dur.group("abbr") and (words or not digits)):
                if dur.group("abbr"):
                    unit, factor = L.DURATION_SUFFIX[dur.group("abbr")], 1.0
                else:
                    unit, factor = L.DURATION_UNITS[L.fold(dur.group("unit"))]
                if first_token == "one" and (dur.group("unit") or "").lower() == "day" and self._clause_start(s):
                    return  # 'One day, ...': an idiom, not a length of time
                if not (first_token in ("a", "an") and factor == 1):
                    self._take(RawFigure("duration", s, dur.end(), value * factor, unit, num_start=s, num_end=e))
                    return
        # ratios -------------------------------------------------------------------------------------
        if scale is None and not fraction_only:
            factor_m = _FACTOR_BEFORE.search(text, max(0, s - 16), s) if "factor" in self.low[max(0, s - 16):s] \
                else None
            if factor_m:
                self._take(RawFigure("ratio", factor_m.start(), e, value, "times", num_start=s, num_end=e))
                return
            over = _OVER_N.match(text, e, e + AHEAD) if "over" in follows else None
            if over:
                den, den_end = self._leading_number(over, "den")
                if den and not (1800 <= den <= 2100 and float(den).is_integer()) and self._ends_clause(den_end):
                    self._take(RawFigure("count", s, den_end, value / den, None, num_start=s, num_end=e))
                    return
        times = _TIMES.match(text, e, e + AHEAD) if "times" in follows else None
        if times and scale is None:
            self._take(RawFigure("ratio", s, times.end(), value, "times", num_start=s, num_end=e))
            return
        if scale is None and not fraction_only:
            in_n = _IN_N.match(text, e, e + AHEAD) if "in_n" in follows else None
            if in_n:
                den = self._small_number(in_n.group("den"))
                if den and value and 1 < den <= 1000 and den > value and not (1800 <= den <= 2100):
                    self._take(RawFigure("ratio", s, in_n.end(), value / den, f"{_fmt(value)} in {_fmt(den)}",
                                         num_start=s, num_end=e))
                    return
        # years --------------------------------------------------------------------------------------
        if digits is not None and scale is None and _FOUR_DIGITS.fullmatch(digits) and 1800 <= value <= 2100:
            if after_char == "s" and not text[e + 1:e + 2].isalpha():
                return  # a decade: 'the 1990s'
            if self._is_year(s, e, word_before):
                self._take(RawFigure("year", s, e, int(value), num_start=s, num_end=e))
            return
        # quantities with units ----------------------------------------------------------------------
        if scale is None:
            unit_m = self._unit_after(e) if "unit" in follows else None
            if unit_m and not (unit_m.group("unit") == "g" and after_char != "g"):
                self._take(RawFigure("quantity", s, unit_m.end(), value, L.QUANTITY_UNITS[unit_m.group("unit")],
                                     num_start=s, num_end=e))
                return
            if digits is not None:
                generic = generic_quantity(text, s, e)
                if generic is not None:
                    end, unit_name = generic
                    self._take(RawFigure("quantity", s, end, value, unit_name, num_start=s, num_end=e,
                                         source="quantulum3"))
                    return
        # shares: 'a third of', 'half of', 'more than a third' -----------------------------------------
        if fraction_only:
            pof = _PCT_OF_FRACTION.match(text, e, e + AHEAD)
            if pof:  # 'a quarter of a percentage point'
                self._take(RawFigure("percent", s, pof.end(), value, "percentage points" if pof.group("pp") else "%",
                                     num_start=s, num_end=e))
                return
            if first_token in ("a", "an") and word_before.lower() == "and" and value in (0.5, 0.25) \
                    and not _OF_AFTER.match(text, e, e + AHEAD):
                return  # 'an hour and a half': the tail of a quantity, no share
            if self._is_share(s, e):
                self._take(RawFigure("percent", s, e, round(value * 100, 2), "%", approx=True, num_start=s,
                                     num_end=e))
            elif first_token not in ("a", "an", "half") or (first_token != "half" and self._stands_alone(s, e)):
                # 'two thirds'; 'a fifth' alone on its line (not 'a fifth term', 'a third runway': ordinals)
                self._take(RawFigure("count", s, e, value, None, num_start=s, num_end=e))
            return
        # counts -------------------------------------------------------------------------------------
        if words and first_token == "one" and value == 1 and not self._one_counts(s, e):
            return
        if words and first_token in ("a", "an") and scale is None and not has_scale:
            return
        end = pos if scale else e
        unit = self._counted_noun(end)
        if digits is not None and after_char.isalpha() and scale is None:
            return  # '3D', '4G', 'U2' and other identifiers
        self._take(RawFigure("count", s, end, amount, unit, num_start=s, num_end=e, scale=scale))

    # -- small helpers -----------------------------------------------------------------------------
    def _duration_after(self, e: int) -> regex.Match[str] | None:
        return _SUFFIX_DUR.match(self.text, e, e + AHEAD) if self._peek(e)[1] in _DUR_START else None

    def _unit_after(self, e: int) -> regex.Match[str] | None:
        return _SUFFIX_UNIT.match(self.text, e, e + AHEAD) if self._may_start(e, _UNIT_START) else None

    def _clause_start(self, s: int) -> bool:
        """True when only quotes and spaces separate ``s`` from the start of the text or a clause."""
        text = self.text
        k = s - 1
        while k >= 0 and s - k <= 8 and text[k] in " \t\"'“‘":
            k -= 1
        return k < 0 or text[k] in ".!?:;,(\n•—–-"

    def _scale_after(self, e: int, allowed: bool) -> tuple[float | None, int]:
        if not allowed or not self._may_start(e, _SCALE_START):
            return None, e
        m = _SUFFIX_SCALE.match(self.text, e, e + AHEAD)
        if not m:
            return None, e
        word = m.group("abbr") or m.group("word")
        if word in ("m", "M", "k", "K", "b", "B", "G") and m.group("word") is not None:
            # a lone letter after a space is a scale only when nothing word-like follows
            nxt = _WORD_AFTER.match(self.text, m.end(), (m.end()) + AHEAD)
            if nxt and nxt.group("w").lower() not in L.UNIT_STOP:
                return None, e
        if word == "b" and m.group("abbr") and self.text[e:e + 1] == " ":
            return None, e
        scale = L.SCALE_ABBREV.get(word) or L.SCALE_ABBREV.get(word.lower())
        return scale, m.end()

    @staticmethod
    def _currency_of(m: regex.Match[str]) -> str | None:
        sym = m.groupdict().get("sym")
        if sym:
            return L.CURRENCY_SYMBOLS.get(sym) or L.CURRENCY_SYMBOLS.get(sym.lower())
        code = m.groupdict().get("code")
        if code:
            up = code.upper()
            if code != up and len(code) == 3 and m.groupdict().get("mcode"):
                return None
            return L.CODE_ALIASES.get(up, up)
        word = m.groupdict().get("word")
        if word:
            return L.CURRENCY_WORDS.get(_SPACES.sub(" ", L.fold(word)))
        return None

    @staticmethod
    def _small_number(s: str) -> float | None:
        s = s.strip()
        if s[:1].isdigit():
            try:
                return float(s.replace(",", ""))
            except ValueError:
                return None
        nums = parse_word_tokens([t for t, _, _ in tokenize_run(s)])
        return nums[0].value if nums else None

    def _is_year(self, s: int, e: int, word_before: str) -> bool:
        text = self.text
        nxt = _WORD_AFTER.match(text, e, e + AHEAD)
        if nxt:
            w = nxt.group("w")
            low = w.lower()
            if _plural(low) and low not in L.UNIT_STOP and low not in ("years", "months", "days", "weeks"):
                return False  # '2000 people'
        wb = word_before
        if wb and wb[0].isupper() and wb.lower().rstrip(".,") not in _FUNCTION_WORDS:
            # part of a name: 'CCN News 2023', 'Vision 2030' (but not 'In 2023', 'May 2023')
            a = max(0, s - len(wb) - 3)
            if not _NAME_BREAK.search(text[a:s - len(wb) - 1] if s - len(wb) - 1 > a else ""):
                return False
        return True

    def _is_share(self, s: int, e: int) -> bool:
        text = self.text
        after = text[e:e + 12].lower()
        if after.startswith((" of", " the", " a ", " an ", " (")) or after[:1] in (",", ".", ";", ")"):
            return True
        a, b = _window_before(text, s, 24)
        return bool(self._phrase_before(_BOUND_MIN, _BOUND_MIN_ENDS, a, b)
                    or self._phrase_before(_BOUND_MAX, _BOUND_MAX_ENDS, a, b)
                    or self._phrase_before(_HEDGE, _HEDGE_ENDS, a, b) or _SHARE_BEFORE.search(text, a, b))

    def _leading_number(self, m: regex.Match[str], group: str) -> tuple[float | None, int]:
        """(value, end) of the number that starts group ``group`` of ``m`` (digits or a word run)."""
        s, e = m.span(group)
        run = m.group(group)
        if run[:1].isdigit():
            return float(run.replace(",", "")), e
        toks = tokenize_run(run)
        nums = parse_word_tokens([t for t, _, _ in toks])
        if not nums or nums[0].first != 0 or nums[0].ordinal:
            return None, e
        return nums[0].value, s + toks[nums[0].last][2]

    def _ends_clause(self, k: int) -> bool:
        """True when only spaces separate ``k`` from the end of the text, a line or a clause."""
        text = self.text
        j = k
        while j < self.n and j - k < 8 and text[j] in " \t":
            j += 1
        return j == self.n or text[j] in ".,;:!?)]\r\n"

    def _stands_alone(self, s: int, e: int) -> bool:
        """True when ``text[s:e]`` is alone on its line but for quotes, a bullet and closing punctuation."""
        text = self.text
        k = s - 1
        while k >= 0 and s - k <= 8 and text[k] in " \t\"'“‘•*-":
            k -= 1
        if k >= 0 and text[k] not in "\r\n":
            return False
        m = _ALONE_AFTER.match(text, e, e + AHEAD)
        return m is not None and (m.end() == self.n or text[m.end()] in "\r\n")

    def _one_counts(self, s: int, e: int) -> bool:
        text = self.text
        wb = self._word_before(s).lower()
        if wb in ("no", "any", "every", "each", "some", "the", "this", "that", "which", "another", "someone",
                  "anyone", "everyone", "no-one", "only", "single", "last", "just"):
            return False
        nxt = _WORD_AFTER.match(text, e, e + AHEAD)
        if not nxt or text[e:e + 1] == "-":
            return False
        w = nxt.group("w").lower()
        if w in L.ONE_NOT_COUNT or w in L.UNIT_STOP:
            return False
        return w.isalpha() and text[nxt.start("w")].islower()

    def _bound_after(self, e: int) -> regex.Match[str] | None:
        return _BOUND_AFTER.match(self.text, e, e + AHEAD) if self._may_start(e, _BOUND_AFTER_START) \
            else None

    def _noun_words(self, e: int) -> regex.Match[str] | None:
        """_NOUN_WORDS at ``e`` (spaces, then a letter); the last answer is kept for _modifiers, which asks again
        after _counted_noun."""
        if e == self._nouns_at:
            return self._nouns
        m = None
        if self.text[e:e + 1] in (" ", "\u00a0") and self._peek(e)[1] in _LETTERS:
            m = _NOUN_WORDS.match(self.text, e, e + AHEAD)
        self._nouns_at, self._nouns = e, m
        return m

    def _counted_noun(self, e: int) -> str | None:
        bound_after = self._bound_after(e)  # '5,000 or more empty homes'
        if bound_after:
            e = bound_after.end()
        m = self._noun_words(e)
        if not m:
            return None
        words = [w.lower().strip("'’-") for w in m.group(1).split()[:4]]
        chosen: list[str] = []
        best: list[str] = []
        k = 0
        while k < len(words):
            low = words[k]
            k += 1
            if not chosen and low in L.UNIT_SKIP:
                continue
            if k < len(words) and f"{low} {words[k]}" in L.NOUN_COMPOUNDS:
                low = f"{low} {words[k]}"  # 'looked after children'
                k += 1
            elif not low or low in L.UNIT_STOP:
                break
            chosen.append(low)
            if _plural(low) or low in L.IRREGULAR_PLURALS:
                best = list(chosen)
            if len(chosen) >= 3:
                break
        if best:
            return " ".join(best)
        return None

    # -- links and modifiers -----------------------------------------------------------------------
    def _links(self) -> None:
        text = self.text
        figs = self.out
        for i in range(len(figs) - 1):
            a, b = figs[i], figs[i + 1]
            if a.link is not None or b.link is not None:
                continue
            if a.kind == "date" or b.kind == "date" or b.start - a.end > _MAX_GAP:
                continue  # no connector is longer: never slice the text between far-apart figures
            if not _compatible(a, b) or (a.kind == b.kind == "percent" and a.unit != b.unit):
                continue  # 'fell by 0.2 percentage points to 4.1%'
            gap = text[a.end:b.start]
            conn = gap.strip().lower()
            if conn in _RANGE_CONNECTORS and _CONNECT_RANGE.fullmatch(gap):
                w0, w1 = _window_before(text, a.start, 24)
                if conn == "to" and _BY_BEFORE.search(text, w0, w1):
                    continue  # 'rose by 15p to £9.90': the change and the new level
                if conn in ("and", "or") and not _BETWEEN_BEFORE.search(text, w0, w1):
                    continue
                if conn == "or" or (conn in ("-", "–", "—") and a.kind == "year" and b.kind == "year"
                                    and isinstance(b.value, str)):
                    continue
                if _FROM_BEFORE.search(text, w0, w1) and conn not in ("and", "or"):
                    a.link_type = b.link_type = "change"
                    a.link_role, b.link_role = "from", "to"
                else:
                    a.link_type = b.link_type = "range"
                    a.link_role, b.link_role = "low", "high"
                a.link, b.link = i + 1, i
            elif a.kind in ("money", "count", "percent") and b.kind == a.kind \
                    and ("from" in gap.lower() or "compared" in gap.lower()) and _CONNECT_UPFROM.fullmatch(gap):
                a.link_type = b.link_type = "change"
                a.link_role, b.link_role = "to", "from"
                a.link, b.link = i + 1, i

    def _modifiers(self, fig: RawFigure) -> None:
        if fig.kind in ("date", "year"):
            return
        text = self.text
        a, b = _window_before(text, fig.start, 40)
        k = self._spaces_start(a, b)
        precedes = self._precedes(k, b)
        hedge = self._phrase_before(_HEDGE, _HEDGE_ENDS, a, b, k) if "hedge" in precedes else None
        if hedge:
            fig.approx = True
        if fig.kind != "duration" or not hedge:
            bmin = self._phrase_before(_BOUND_MIN, _BOUND_MIN_ENDS, a, b, k) if "min" in precedes else None
            bmax = self._phrase_before(_BOUND_MAX, _BOUND_MAX_ENDS, a, b, k) if "max" in precedes else None
            if bmin and bmax:  # the longer phrase wins: 'no more than' is a maximum
                if bmax.start() < bmin.start():
                    bmin = None
                else:
                    bmax = None
            if not bmin and not bmax:
                after = self._bound_after(fig.end)
                if after:  # '66 and over', '5,000 or more', '16 or under'
                    fig.bound = "min" if after.group("min") else "max"
            if bmin and not (fig.kind == "duration" and bmin.group("w").lower() == "over"):
                fig.bound = "min"
            elif bmax and not (fig.kind == "duration" and bmax.group("w").lower() in ("within",)):
                fig.bound = "max"
            if fig.bound and bmin and bmin.group("w").lower() in ("just over", "well over"):
                fig.approx = True
        if fig.kind in ("money", "count", "quantity", "percent"):
            rate = self._rate_after(fig.end)
            if rate is None and fig.kind == "count" and fig.unit:
                nm = self._noun_words(fig.end)
                if nm:  # after the counted noun: '30,000 more children a year'
                    last = fig.unit.rsplit(" ", 1)[-1]
                    k = nm.group(1).lower().find(last)
                    at = nm.start(1) + k + len(last) if k >= 0 else nm.start(1) + len(fig.unit)
                    rate = self._rate_after(at)
            if rate and rate.group("w")[:2].lower() in ("a ", "a-", "an") \
                    and _TIME_AFTER.match(text, rate.end(), rate.end() + AHEAD):
                rate = None
            if rate:
                fig.rate = L.RATE_AFTER[_SPACES.sub(" ", L.fold(rate.group("w")).replace("-", " "))]
            elif fig.kind == "money" and (not self.plain or any(w in self.low[a:b] for w in L.RATE_BEFORE)):
                rb = _RATE_BEFORE.search(text, a, b)
                if rb:
                    word = rb.group(0).split()[0].lower()
                    fig.rate = L.RATE_BEFORE.get(word)

    def _rate_after(self, k: int) -> regex.Match[str] | None:
        return _RATE_AFTER.match(self.text, k, k + AHEAD) if self._may_start(k, _RATE_START) else None

    def _propagate(self) -> None:
        figs = self.out
        for i, a in enumerate(figs):
            if a.link is None or a.link < i:
                continue
            b = figs[a.link]
            if a.link_type == "range":
                # a shared scale: '£10-15bn', 'between 2 and 3 million' (not '900 to 1.2 million')
                if a.scale is None and b.scale and a.kind in ("count", "money") and b.kind in ("count", "money") \
                        and isinstance(a.value, float) and isinstance(b.value, float) and b.scale > 1 \
                        and abs(a.value) < 1000 and abs(a.value) <= abs(b.value) / b.scale:
                    a.value = _scaled(a.value, b.scale)
                    a.scale = b.scale
                if a.kind == "count" and b.kind == "money":
                    a.kind, a.unit, a.currency_given = "money", b.unit, True
                elif a.kind == "money" and b.kind == "count":
                    b.kind, b.unit, b.currency_given = "money", a.unit, True
                    if a.scale and b.scale is None and abs(b.value) < 1000:
                        b.value = _scaled(b.value, a.scale)
                elif a.kind == "count" and b.kind == "percent":
                    a.kind, a.unit = "percent", b.unit
                elif a.kind == "count" and b.kind in ("duration", "quantity"):
                    a.kind, a.unit = b.kind, b.unit
                elif b.kind == "count" and a.kind in ("duration", "quantity") and isinstance(a.value, float) \
                        and isinstance(b.value, float) and a.value < b.value <= 4 * a.value + 10:
                    b.kind, b.unit = a.kind, a.unit  # 'aged 11 to 16'
                    b.source = a.source
            if a.kind == "count" and b.kind == "count":
                a.unit = a.unit or b.unit
                b.unit = b.unit or a.unit
            if a.rate and not b.rate:
                b.rate = a.rate
            elif b.rate and not a.rate:
                a.rate = b.rate
        # elliptical counts take the noun of the count before them: '2,000 people ... and 2,800 who work'
        for i in range(1, len(figs)):
            a, b = figs[i - 1], figs[i]
            if b.kind == "count" and b.unit is None and a.kind == "count" and a.unit and b.value is not None:
                if b.start - a.end < 160 and not _SENTENCE_BREAK.search(self.text, a.end, b.start):
                    b.unit = a.unit
        # keep the link only between figures of one kind
        for a in figs:
            if a.link is not None and figs[a.link].kind != a.kind:
                b = figs[a.link]
                a.link = a.link_type = a.link_role = None
                b.link = b.link_type = b.link_role = None


def _scaled(value: float, scale: float | None) -> float:
    """value x scale without binary noise: 8.2 x 1e9 -> 8200000000.0."""
    if not scale:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _plural(word: str) -> bool:
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))) \
        or word in L.IRREGULAR_PLURALS


def _compatible(a: RawFigure, b: RawFigure) -> bool:
    """One kind, or a count and a money amount, percentage, duration or quantity."""
    if a.kind == b.kind:
        return True
    return (a.kind == "count" and b.kind in _COUNT_PARTNERS) or (b.kind == "count" and a.kind in _COUNT_PARTNERS)


_COUNT_PARTNERS = frozenset({"money", "percent", "duration", "quantity"})


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def scan(text: str) -> list[RawFigure]:
    """Every figure in ``text``, in order of appearance. Linear in the length of the text."""
    return _Scanner(text).run()
