"""The compiled patterns of the figure grammar, derived from one lexicon set.

:func:`patterns` builds every pattern that reads a word table (currencies, scale words, number words, units,
hedges, months, ...) for a :class:`~caresocial.lexicons.Lexicons` set, once per set (cached), together with the
cheap guards the scanner tries first (:mod:`.guards`); each pattern is compiled when first used (compiling them
all takes about 0.15 s of CPU, and a small document needs about half of them). Patterns that read no table are
module constants in :mod:`.fixed`.

Every pattern is linear: alternatives are literal words, repetitions are possessive, look-behinds are bounded,
and patterns that end in ``\\Z`` search in reverse (``(?r)``) from a number over a short window.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ...lexicons import Lexicons
from .fixed import DATE_WORDS
from .fixed import NEG as _NEG
from .guards import by_character, by_final, by_initial, trigger_keys
from .numbers import DIGITS, NumberWords, alternation, word_trie
from .tables import Tables, tables

_I = regex.IGNORECASE | regex.VERSION0
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?+"
_YEAR4 = r"(?:1\d{3}|20\d{2}|2100)"
_NOT_FY = r"(?![/\-–]\d{2}(?!\d))"  # 'April 2024/25' is a financial year, not April 2024
_MLEFT = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"  # a month may be glued after a lower-case word: 'readMay'
_WRAP = r"(?:[ ]++|[ ]*+\r?+\n[ ]*+)"  # spaces, or a line break where a PDF wrapped the line ('31\nMarch 2023')
_AGE_UNITS = ("-", "year", "month", "week", "day", "yo", "y.o.", "yr")


def _spaced(words: object) -> str:
    """The alternation of phrases, each space standing for one or more spaces."""
    return alternation(words).replace("\\ ", "[ ]++")  # type: ignore[arg-type]


class Patterns:
    """Every table-derived pattern and guard of the figure grammar for one lexicon set (see :func:`patterns`)."""

    def __init__(self, lex: Lexicons) -> None:
        self._sources: dict[str, tuple[str, int]] = {}  # the patterns not compiled yet: name -> (pattern, flags)
        t = self.tables = tables(lex)
        self.numbers = NumberWords(t)
        self._calendar(t)
        self._cores(t)
        self._money(t)
        self._after(t)
        self._before(t)
        self._guards()
        streets = alternation(t.street_words)
        months = alternation(w.capitalize() for w in t.months)
        # Everything that is never a figure and holds a digit at most two characters after its start: tried only at
        # digit runs (URLs, e-mails, tags and handles are found at 'http', 'www.', '@' and '#').
        self._later("exclude",
            r"(?<![\w+])(?:\+\d{1,3}[ -]?(?:\(0\)[ -]?)?\d{2,4}|\(?0\d{2,4}\)?)[ -]\d{3,4}[ -]?\d{3,4}(?!\d)"  # phones
            r"|(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}(?![A-Za-z0-9])"  # UK postcodes
            r"|(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?+(?:[ ]?(?:am|pm|a\.m\.|p\.m\.))?+"  # 10:30, 10:30am
            r"|(?<![\w.])\d{1,2}(?:\.\d{2})?+[ ]?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])"  # 9am, 9.30 pm
            r"|(?<![\w.])\d++[ ]?(?:min|mins|minute|minutes)[ ]read(?-i:(?![a-z]))"  # 3 min read
            r"|(?m:(?<=^[ \t]{0,64})\(?\d{1,2}[.)](?=[ \t]))"  # list numbering
            # a numbered paragraph: '4 The number of looked-after children ...' (not '5 March was', '3 Million')
            rf"|(?m:(?<=^[ \t]{{0,8}})\d{{1,3}}(?:\.\d{{1,2}})?+(?=[ ](?-i:(?!(?:{months})\b)[A-Z][a-z]*+[ ][a-z\d])))"
            r"|(?<![\w.])(?!(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{2}|\d{4})(?![\d.]))"
            r"\d++(?:\.\d++){2,}+"  # 1.2.3 versions (not a date, '17.11.22')
            r"|\b\d{1,3}/7\b"  # 24/7
            rf"|(?<![\w.,])\d{{1,4}}[A-Za-z]?+[ ](?-i:(?:[A-Z][a-z]++[ ]){{1,3}}(?:{streets})\b)",  # addresses
            _I,
        )

    def _later(self, name: str, pattern: str, flags: int = 0) -> None:
        """Declare the pattern ``name``, compiled on first use (:meth:`__getattr__`)."""
        self._sources[name] = (pattern, flags)

    def __getattr__(self, name: str) -> regex.Pattern[str]:
        """A declared pattern, compiled when first asked for and kept as an attribute (later reads never come
        here): a document, above all the first one a process reads, compiles only the patterns its numbers
        need (a sentence needs about half of them)."""
        source = self.__dict__.get("_sources", {}).get(name)
        if source is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = regex.compile(*source)
        setattr(self, name, compiled)
        return compiled

    def _calendar(self, t: Tables) -> None:
        month = alternation(t.months)
        # a full stop after a month belongs to it only after an abbreviation ('Sept. 12', not '1 April.')
        mdot = rf"(?:(?<=(?<![A-Za-z])(?:{alternation(t.month_abbrevs)}))\.)?+" if t.month_abbrevs else ""
        weekday = alternation(t.weekdays)
        # a weekday before a date is read but left out of its span (``\K``): 'Thursday, [February 23, 2023]'
        wd = rf"(?:(?:{weekday})\.?,?[ ]++\K)?+"
        self._later("date",
            rf"(?P<iso>(?<!\d|\d-){_YEAR4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!-?\d))"
            rf"|(?P<dmy>(?<![\w.,]){wd}(?P<d1>{_DAY}){_WRAP}(?:of[ ]++)?+(?P<m1>{month}){mdot}"
            rf"(?:,?{_WRAP}(?P<y1>{_YEAR4}){_NOT_FY})?+(?![\w]))"
            rf"|(?P<mdy>{_MLEFT}{wd}(?P<m2>{month}){mdot}[ ]++(?P<d2>{_DAY})(?![\d:])"
            rf"(?:,?[ ]++(?P<y2>{_YEAR4}){_NOT_FY})?+(?![\w]))"
            rf"|(?P<my>{_MLEFT}(?P<m3>{month}){mdot},?[ ]++(?:of[ ]++)?+(?P<y3>{_YEAR4}){_NOT_FY}(?![\w]))"
            rf"|(?P<num>(?<![\w./-])(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})(?P=sep)(?P<n3>{_YEAR4}|\d{{2}})"
            r"(?![\w/]|\.\d))",
            _I,
        )
        self.weekday_set = frozenset(t.weekdays)
        self.date_word_tails = frozenset(w[-3:] for w in [*t.months, *t.weekdays])
        self.month_start = by_initial(*t.months, "of")  # after a day and its spaces
        self.ordinal_start = by_initial("st", "nd", "rd", "th")
        self.date_word_ends = by_final(*DATE_WORDS)
        self.bound_after_start = by_initial(",", "and", "or")

    def _cores(self, t: Tables) -> None:
        nw = self.numbers
        lead, tail = alternation(t.vague_lead), alternation(t.vague_tail)
        vague = rf"(?:{lead})(?:[ ]++of[ ]++(?:{tail}))?+" if tail else f"(?:{lead})"
        vague += r"(?=[ ]++(?:of|more|upon)\b)"
        self._later("core",
            rf"{_NEG}(?:(?P<vague>(?<!\w){vague})"
            rf"|(?P<digits>(?<![\d.,]){DIGITS})"
            rf"|(?P<words>(?<![\w'’-]){nw.word_run}))"
            rf"|(?P<twice>(?<![\w-])(?:{alternation(t.multiples)})\b(?!-))",
            _I,
        )
        self._later("digit_run", nw.digit_run, _I)
        self._later("range_next", rf"[ ]*+(?:-|–|to|or|and)[ ]*+(?:\d|(?:{nw.word})\b)", _I)
        big = alternation(nw.big_scales)
        self._later("digit_run_trigger",
            rf"[ \u00a0]++(?:hundred|{alternation(t.dozens)})\b"
            r"|[ \u00a0]++and[ ]++(?:a|one)[ ]++(?:half|quarter|third)\b"
            rf"|[ \u00a0]++(?:{big})[ ]++(?:and[ ]++(?:an?[ ]++)?+)?+"
            rf"(?:\d++[ ]++(?:hundred|thousand|million)\b|(?:{nw.word})\b)",
            _I,
        )
        self.digit_run_start = by_initial("hundred", *t.dozens, "and", *nw.big_scales)
        small = alternation(t.units)
        self._later("fold",
            rf"(?<![\w.-])(?P<n>\d++(?:\.\d++)?+|(?:{alternation([*t.units, *t.tens, 'hundred'])})(?:-(?:{small}))?+)"
            r"-?+fold(?![\w-])",
            _I,
        )
        self._later("ordinal_after", rf"[ -]?+(?:{alternation(t.ordinal_only)})\b", _I)  # 'twenty-first'
        # 'one in five', 'four out of five', '62 in every 10,000'
        self._later("in_n",
            rf"[ ]++(?:in(?P<every>[ ]++every)?+|out[ ]++of)[ ]++"
            rf"(?P<den>\d{{1,3}}(?:,\d{{3}})++(?![\d,.])|\d{{1,6}}(?![\d,.])|{nw.word_run})",
            _I,
        )
        # 'one over three', '1 over twenty-one': a fraction read out (ends its clause: '500 over 2021 levels' is none)
        self._later("over_n", rf"[ ]++over[ ]++(?P<den>\d{{1,6}}(?![\d,]|\.\d)|{nw.word_run})", _I)
        # words that may start a number core: number words, fractions, dozens, vague plurals, multiples
        self.core_keys = trigger_keys([*t.units, *t.tens, *t.scales, *t.dozens, *t.fractions, *t.vague_lead,
                                       *t.multiples])
        # One pass over the lower-cased text for all of them: a key after a character that is no ASCII letter (the
        # caller checks the character is no letter at all). The standard ``re`` engine skips to the candidates with
        # its first-character set far faster than ``regex`` or one ``str.find`` per key (the keys are plain ASCII).
        self.core_key_at = re.compile(word_trie(self.core_keys))
        self.core_key_after = re.compile(f"[^a-z](?:{word_trie(self.core_keys)})")

    def _money(self, t: Tables) -> None:
        symbols = sorted(t.currency_symbols, key=lambda w: (-len(w), w))
        sym_alt = "|".join((r"(?<![A-Za-z])" + regex.escape(s) if s[0].isalpha() else regex.escape(s))
                           for s in symbols)
        codes = alternation(t.currency_codes)
        self._later("prefix_cur",
            rf"(?r)(?:(?P<sym>{sym_alt})|(?<![A-Za-z])(?P<mcode>M)?+(?P<code>{codes}))[ \u00a0]?+\Z", _I
        )
        # after the amount, a symbol without letters ('10 $'), a code or a word
        self.after_symbols = [s for s in t.currency_symbols if not any("a" <= c <= "z" for c in s.lower())]
        after_sym = alternation(self.after_symbols)
        self._later("suffix_cur",
            rf"(?:-(?=[A-Za-z])|[ \u00a0]?+)(?:(?P<word>(?:{alternation(t.currency_words)}))(?![A-Za-z])"
            rf"|(?P<mcode>M)?+(?P<code>{codes})(?![A-Za-z])"
            rf"|(?P<sym>{after_sym}))",
            _I,
        )
        glued_minor = [w for w in t.minor_words if len(w) == 1]
        spaced_minor = [w for w in t.minor_words if len(w) > 1]
        self._later("suffix_minor",
            rf"(?:[ \u00a0]?+(?P<p>{alternation(glued_minor)})(?![A-Za-z0-9])"
            rf"|[ \u00a0]++(?P<word>{alternation(spaced_minor)})\b)"
        )
        minor = alternation(t.minor_words)
        self._later("subunit",
            rf"(?:[ ]++and)?+[ ]++(?P<num>\d{{1,2}}(?!\d)|(?:{alternation(list(t.tens) + list(t.units))})"
            rf"(?:[ -]++(?:{alternation(t.units)}))?+)"
            rf"(?P<cents>[ ]++(?:{minor}))?+(?![ ]*+(?:\d|{after_sym}"
            rf"|(?!(?:more|less|extra|each|only|than)\b)[A-Za-z]{{3,}}\b(?<!{alternation(spaced_minor)})))",
            _I,
        )
        self.last_symbol = frozenset(sym[-1] for sym in t.currency_symbols)
        # the codes that may end where a currency before a number ends: of three letters, and any others
        self.code_set = frozenset(c.lower() for c in t.currency_codes if len(c) == 3)
        self.other_codes = tuple(sorted(c.lower() for c in t.currency_codes if len(c) != 3))
        scale_glued, scale_after = alternation(t.scale_glued), alternation(t.scale_after)
        self._later("suffix_scale",
            rf"(?:[ \u00a0]?+(?P<abbr>{scale_glued})(?![A-Za-z0-9²³])"  # not "45 m²"
            rf"|[ \u00a0]++(?P<word>{scale_after})(?![A-Za-z]))"
        )
        self.scale_start = by_initial(*(w.lower() for w in [*t.scale_glued, *t.scale_after]))
        codes = [c.lower() for c in t.currency_codes]
        self.cur_start = by_initial("-", *(s.lower() for s in self.after_symbols if s.isascii()), *t.currency_words,
                                    *codes, *("m" + c for c in codes))
        self.minor_start = by_initial(*t.minor_words)

    def _after(self, t: Tables) -> None:
        pct = t.percent
        signs = [w for w, (_, where) in pct.items() if "sign" in where]
        after = [w for w, (_, where) in pct.items() if "after" in where]
        glued = [w for w, (_, where) in pct.items() if "glued" in where]
        self._later("suffix_pct",
            rf"(?:[ \u00a0]?+(?P<sign>{alternation(signs)})(?:[ ]++points?\b)?+|[ \u00a0]++(?P<word>{_spaced(after)})\b"
            rf"|(?<=\d)(?P<glued>{alternation(glued)})\b)",
            _I,
        )
        before = [w for w, (_, where) in pct.items() if "of" in where]
        self._later("pct_of",
            rf"(?<![\w])(?:{alternation(before)})[ ]++of[ ]++(?={self.numbers.word_run}|\d)", _I
        )
        self.pct_of_keys = tuple(sorted({w.split()[-1].rstrip("s") for w in before}))  # 'cent'
        self.pct_of_back = max((len(w) for w in before), default=0)
        self.pct_start = by_initial(*(w.split()[0] for w in pct))  # (the spaces inside a phrase may be several)
        self._later("suffix_dur",
            rf"(?:[ \u00a0]*+-[ \u00a0]*+|[ \u00a0]++|(?=[A-Za-z]))"
            rf"(?P<unit>{alternation(t.duration_units)})(?![A-Za-z])"
            rf"|(?P<abbr>{alternation(t.duration_suffix)})(?![A-Za-z0-9])",
            _I,
        )
        self.dur_start = by_initial("-", *t.duration_units, *(c.lower() for c in t.duration_suffix))
        self._later("suffix_unit", rf"[ \u00a0]?+(?P<unit>{alternation(t.quantity_units)})(?![A-Za-z0-9])")
        self.unit_start = by_initial(*(u.lower() for u in t.quantity_units))
        rate_alt = "|".join(regex.escape(w).replace("\\ ", "[ -]")
                            for w in sorted(t.rate_after, key=lambda w: (-len(w), w)))
        self._later("rate_after",
            rf"(?:[ \u00a0]*+,?[ ]*+|-)(?:(?:more|less|extra|fewer|on[ ]++average)[ ]++)?+"
            rf"(?P<w>{rate_alt})(?![A-Za-z])",
            _I,
        )
        self.rate_start = by_initial(",", "-", "more", "less", "extra", "fewer", "on",
                                     *(w if " " not in w else w.split()[0] + sep for w in t.rate_after for sep in " -"))

    def _before(self, t: Tables) -> None:
        def phrases(name: str, words: tuple[str, ...]) -> None:
            self._later(name, rf"(?r)(?<![\w])(?P<w>{alternation(words)})[ \u00a0]++\Z", _I)

        phrases("hedge", t.hedges)
        phrases("bound_min", t.bounds_min)
        phrases("bound_max", t.bounds_max)
        self._later("age_before", rf"(?r)(?<![\w])(?:{alternation(t.age_before)})[ ]++\Z", _I)
        self._later("age_is", rf"(?r)(?<![\w])(?:{alternation(t.age_is)})[ ]++\Z", _I)
        self.age_is_ends = by_final(*t.age_is)
        self._later("rate_before",
            rf"(?<![\w])(?:{alternation(t.rate_before)})(?:[ ]++[\w'’-]++){{0,4}}[ ]++(?:of|from|at|is|was|are|were|to"
            rf"|reached|totalled|totaling|totalling|stood[ ]++at|rose[ ]++to|fell[ ]++to|costs?|cost[ ]++of)"
            rf"[ ]++(?:[\w-]++[ ]++){{0,2}}\Z"
            # ('the annual cost of a prison place is £54,000': the noun's own phrase, then its verb)
            rf"|(?<![\w])(?:{alternation(t.rate_before)})(?:[ ]++[\w'’-]++){{1,2}}[ ]++(?:of|per|for)"
            rf"(?:[ ]++[\w'’-]++){{1,4}}[ ]++(?:is|was|are|were|stood[ ]++at|reached|totalled)[ ]++\Z",
            _I,
        )
        self.hedge_ends = by_final(*t.hedges)
        self.bound_min_ends = by_final(*t.bounds_min)
        self.bound_max_ends = by_final(*t.bounds_max)
        self.age_before_ends = by_final(*t.age_before)
        # The phrases before a number that may end at the last character before its spaces (``_precedes``).
        self.precedes = by_character({"hedge": self.hedge_ends, "min": self.bound_min_ends, "max": self.bound_max_ends,
                                      "age": self.age_before_ends, "age_is": self.age_is_ends})

    def _guards(self) -> None:
        # The checks after a number that may start at the first character after its spaces (``_follows``): the
        # bound and rate after a figure are looked for in the modifiers, each with its own ``may_start``.
        self.age_start = by_initial(*_AGE_UNITS)
        self.times_start = by_initial("times", "x")
        self.in_n_start = by_initial("in", "out")
        self.over_start = by_initial("over")
        self.per_start = by_initial("per")
        self.follows = by_character({
            "scale": self.scale_start, "cur": self.cur_start, "minor": self.minor_start, "pct": self.pct_start,
            "age": self.age_start, "dur": self.dur_start, "unit": self.unit_start, "times": self.times_start,
            "in_n": self.in_n_start, "over": self.over_start,
        })


@lru_cache(maxsize=16)
def patterns(lex: Lexicons) -> Patterns:
    """The compiled patterns of a lexicon set (cached per set)."""
    return Patterns(lex)
