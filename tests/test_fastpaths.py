"""The shortcuts that keep the rules fast find exactly what the plain pattern searches find.

Each shortcut tries a pattern only where a match can start (or reads a match from its end); these tests
compare it with the plain search on fixture text and on random strings built from the pieces that make the
patterns branch (change verbs, links, marks, line breaks, quotes).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from caresocial.extraction import segment as S
from caresocial.extraction.figures import context as FC
from caresocial.extraction.figures import fixed as X
from caresocial.extraction.figures import numbers as N
from caresocial.extraction.figures import units as U
from caresocial.extraction.figures.fixed import DATE_WORDS
from caresocial.extraction.figures.grammar import Scanner, scan
from caresocial.extraction.figures.patterns import patterns
from caresocial.extraction.figures.tables import AHEAD
from caresocial.extraction.quotes.nesting import innermost_quotes, nest
from caresocial.extraction.quotes.records import RawQuote
from caresocial.lexicons import Lexicons

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md")]


def _fixture_window(rng: random.Random, width: int) -> str:
    """A random slice of a fixture, up to ``width`` characters."""
    t = rng.choice(TEXTS)
    a = rng.randint(0, len(t))
    return t[a:a + rng.randint(0, width)]


def _windows(rng: random.Random, pieces: list[str], n: int, width: int) -> list[tuple[str, int, int]]:
    out = []
    for k in range(n):
        if k % 2:
            t = rng.choice(TEXTS)
            b = rng.randint(0, len(t))
            out.append((t, max(0, b - rng.randint(0, width)), b))
        else:
            t = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            a = rng.randint(0, len(t))
            out.append((t, a, rng.randint(a, len(t))))
    return out


def _key(m: regex.Match[str] | None) -> tuple | None:
    return None if m is None else (m.span(), m.groupdict())


def test_sentence_ends() -> None:
    rng = random.Random(3)
    pieces = [".", "!", "?", "…", ":", "\"", "'", "”", "’", ")", "]", " ", "  ", "\t", "\u00a0", "\n", " \n", "\t\n",
              "A", "b", "The", "2", "£", "•", "-", "–", "*", "“", "(", "Mr.", "e.g.", "\r"]
    for k in range(3000):
        if k % 3 == 0:
            t = rng.choice(TEXTS)
            a = rng.randint(0, len(t))
            b = min(len(t), a + rng.randint(0, 600))
        else:
            t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
            a = rng.randint(0, len(t))
            b = rng.randint(a, len(t))
        assert [m.span() for m in S._sentence_ends(t, a, b)] == [m.span() for m in S._SENT_END.finditer(t, a, b)]


def _nest_by_scan(quotes: list[RawQuote]) -> list[int | None]:
    """The parents :func:`nesting.nest` sets, found by looking at every open quote."""
    import heapq

    parents: list[int | None] = []
    active: list[tuple[int, int]] = []
    for i, q in enumerate(quotes):
        while active and active[0][0] <= q.start:
            heapq.heappop(active)
        best = None
        for o_end, j in active:
            o = quotes[j]
            if q.end <= o_end and (o_end - o.start) > (q.end - q.start) and (
                    best is None or (o_end - o.start, j) < (quotes[best].end - quotes[best].start, best)):
                best = j
        parents.append(best)
        if q.kind != "citation":
            heapq.heappush(active, (q.end, i))
    return parents


def _innermost_by_scan(quotes: list[RawQuote], spans: list[tuple[int, int]]) -> list[int | None]:
    out: list[int | None] = []
    for start, end in spans:
        best = None
        for i, q in enumerate(quotes):
            if q.kind != "citation" and q.start <= start and q.end >= end and (
                    best is None or (q.end - q.start, i) < (quotes[best].end - quotes[best].start, best)):
                best = i
        index = {id(q): i for i, q in enumerate(quotes)}
        while best is not None and quotes[best].self_ref and quotes[best].parent is not None:
            best = index[id(quotes[best].parent)]
        out.append(best)
    return out


@pytest.mark.parametrize("small", [0, 48], ids=["tree", "scan"])
def test_nesting_and_innermost_quotes(small: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from caresocial.extraction.quotes import nesting

    monkeypatch.setattr(nesting, "SMALL", small)
    rng = random.Random(6)
    for _ in range(400):
        quotes = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 60)
            quotes.append(RawQuote(rng.choice(["direct", "reported", "citation"]), a, a + rng.randint(1, 40), None,
                                     self_ref=rng.random() < 0.3))
        if quotes and rng.random() < 0.3:
            quotes.append(RawQuote("direct", quotes[0].start, quotes[0].end, None))  # the same span twice
        quotes.sort(key=lambda q: (q.start, -q.end))
        expected = _nest_by_scan(quotes)
        nest(quotes)
        index = {id(q): i for i, q in enumerate(quotes)}
        assert [None if q.parent is None else index[id(q.parent)] for q in quotes] == expected
        spans = []
        for _ in range(rng.randint(0, 20)):
            s = rng.randint(0, 90)
            spans.append((s, s + rng.randint(1, 6)))
        assert innermost_quotes(quotes, spans) == _innermost_by_scan(quotes, spans)


_TRIGGER_PIECES = (
    "said says say told warned warns has have the a report reports estimates estimate show shows shown figures "
    "point out points out pointed out call for calls for called so-called think tank think tanks Judge judge "
    "according to According to in the view of , . ; “ ” ’ ' - — Mr Ms Jane Doe LGA The Council council’s "
    "findings showing found find set out sets out lays bare talk about talked about read reads \n"
).split(" ")


def test_trigger_matcher_finds_what_the_trigger_pattern_finds() -> None:
    """The component finds reporting verbs with spaCy's PhraseMatcher on the doc's tokens; the grammar's
    regular expression (used without a pipeline) finds the same ones."""
    from caresocial.extraction.pipeline import get_nlp, make_doc
    from caresocial.extraction.quotes.lexicon import quote_words
    from caresocial.extraction.quotes.statement import TriggerMatcher, find_triggers
    from caresocial.lexicons import Lexicons

    nlp, w = get_nlp(), quote_words(Lexicons.default())
    matcher = TriggerMatcher(nlp.make_doc, w)
    rng = random.Random(18)
    texts = TEXTS + [" ".join(rng.choice(_TRIGGER_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    for t in texts:
        assert matcher(make_doc(nlp, t), t) == find_triggers(t, w), t


# ------------------------------------------------------------------------------------------------------
# Figures (extraction.figures): a guard that skips a pattern says 'cannot match' only where the pattern does not
# match; the word tries match as the sorted alternations they replace; one ``re`` pass finds the core triggers
# that a find per key finds; and scan() finds what a scan with every guard switched off finds
# ------------------------------------------------------------------------------------------------------
_FIG_PIECES = [
    # digits and what continues or surrounds them
    *"0 5 7 12 07 31 100 999 1987 2024 2100 3.5 .5 1. 2,400 12,500 1,234,567 12,34,567 1,2 2.5.1 4,56 5th".split(),
    "1 234", "1\u00a0234", "2\u2009600", "12½", "½", "¾", "⅓", "3/4", "2 1/4", "24/7", "10:30", "9am", "9.30 pm",
    "2025/26", "FY2024/25", "FY 2023-24", "2022-05-23", "23/05/2022", "1.2.3", "-5", "−3", "– 2", "minus 4",
    "negative", "+44 20 7946 0000", "020 7946 0000", "0161-496-0000", "9 am", "SW1A 1AA", "(0)", "٣", "2.٣", "1,٣٣٣",
    "21st", "3rd", "£2ND", "1ST", "COP26", "3D", "1990s",
    # money
    *"£ $ € ¥ ₹ ரூ US$ C$ usd$ USD usd GBP EUR MUSD Musd rmb p pence penny cents cent".split(),
    "pounds", "dollars", "euros", "sterling", "pounds sterling", "us dollars", "-euro", "and 50", "and fifty",
    # scale words and percentages
    *"million m bn billion k K thousand trillion tn mn mln lakh crore M B G b".split(),
    "%", "per cent", "percent", "percentage points", "percentage point", "pp", "pc", "pct", "points", "per",
    "of a", "of one",
    # ages, durations, units, times, fractions read out
    "aged", "age", "ages", "the age of", "turned", "years old", "year-old", "-year-old", "yo", "y.o.", "yrs old",
    "months of age", "years", "year", "yr", "months", "weeks", "days", "day", "nights", "decade", "a decade",
    "decades", "Y", "D", "W", "d", "min read", "mins", "hours", "km", "kg", "Km", "miles", "mph", "tonnes", "g",
    "mg", "GHz", "dB", "°C", "°", "µg", "m²", "sq ft", "square metres", "kWh", "times", "x", "X", "in", "in 10",
    "out of", "out of five", "over", "over 3", "over twenty-one", "fold", "-fold", "twice", "thrice", "a factor of",
    # dates
    *"May may March Sept. Sept Monday Mon Jan jan April of on since by until till from before after dated".split(),
    "1st of May", "23 of March", "14th March 2024", "4th of July", "Monday, March 4", "Tue 4 May 2021",
    # number words
    *("one two three ten twenty twenty-one seventy seventeen hundred thousand half a an third thirds quarter "
      "quarters dozen dozens hundreds thousands millions tens scores and point first fifth twenty-first nought nil "
      "zero eleven sixty six sixteen forty").split(),
    # hedges, bounds, rates, links, nouns, never figures
    "about", "around", "nearly", "almost", "some", "approx.", "c.", "or so", "more than", "less than", "up to",
    "at least", "just over", "well over", "no more than", "fewer than", "under", "below", "above", "within",
    "between", "to", "or", "and over", "or more", "or under", "and under", "rose", "fell", "up from", "compared with",
    "a year", "per year", "each year", "a week", "per head", "per person", "annually", "p.a.", "daily", "annual",
    "earlier", "ago", "later", "on average", "more", "extra", "children", "people", "homes", "the", "of the",
    "High Street", "Road", "Year", "Vision", "CCN News", "http://x.org/5", "a@b.com", "#5", "@9",
    # what follows a number in a few texts only, thrice
    *["times", "x", "in 10", "in five", "out of 4", "over 3", "over twenty-one", "hundred and", "dozen"] * 3,
    # the forms of issue #18: bullets, numbered paragraphs, shares, rates against a base, multiples, names, dates
    "- 10", "– 11", "\n- 30", "4 The number", "1.2 The", "who is", "are over", "people over", "per social worker",
    "in every", "in every 10,000", "doubled", "double", "triple", "trebled", "halved", "halve", "the", "a double",
    "two-child", "six-figure", "the two child limit", "zero-hours", "17.11.22", "31\nMarch", "2024-27", "2022-2025",
    "Thursday,", "hours", "24 hours", "one route", "one year to the next", "of the 12",
    # look-alikes, spaces and punctuation
    "é", "\u00a0", "\u202f", "–", "—", "'", "’", "(", ")", ",", ".", "-", ":", "/", ";", "\n",
]
# Letters a case-insensitive pattern reads as ASCII letters ('ſ' as 's', the Kelvin sign as 'k', 'İ' as 'i'): a
# text that holds one lets every pattern run, so they go into one text in ten.
_FIG_TWINS = [
    "ſeconds", "yearſ", "dayſ", "per cenſ", "\u212am", "\u212ag", "\u212a", "ſ", "İ", "5\u212a", "3\u212a", "5 ſt",
    "5 tİmes", "5 uſd", "5 daİly", "ſince 4", "aſ many aſ 5", "turnſ 5", "exceedſ 5", "ageſ 5", "£5 bİllion",
    # 'İ' lower-cases to two characters, so the checks read a text that holds it lower-cased in ASCII only
    "İn 10", "İ 5 weeK", "İ 5 pounds ſterling", "İ aged 5 weeKs", "İ 5 uſd", "İ 5 tİmes", "İ 5 per claſs",
]
_FIG_SEPS = [" ", " ", " ", " ", "", "", "  ", "\u00a0", "-", ", ", "\n", ". "]
P = patterns(Lexicons.default())
T = P.tables
_CODES = sorted(T.currency_codes)

# every word of the tables the guards are built from, for the tests of those guards
_FIG_LEXICON = tuple(sorted({
    *T.quantity_units, *T.currency_words, *_CODES, *T.currency_symbols, *T.duration_units, *T.duration_suffix,
    *T.rate_after, *T.scale_glued, *T.scale_after, *T.minor_words, *T.hedges, *T.bounds_min, *T.bounds_max,
    *T.age_before, *T.age_is, *T.months, *T.weekdays, *T.multiples, *DATE_WORDS,
}))


@cache
def _figure_texts(seed: int, n: int, words: int = 14, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """``n`` texts: every fifth a window of a fixture, the others random pieces (some upper-cased or capitalised; a
    third of them from ``extra`` if given), one in ten with a case-insensitive look-alike of an ASCII letter."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        if k % 5 == 0:
            out.append(_fixture_window(rng, 240))
            continue
        parts = []
        for _ in range(rng.randint(1, words)):
            piece, r = rng.choice(extra if extra and rng.random() < 0.33 else _FIG_PIECES), rng.random()
            parts.append((piece.upper() if r < 0.06 else piece.capitalize() if r < 0.12 else piece)
                         + rng.choice(_FIG_SEPS))
        if k % 10 == 3:
            parts.insert(rng.randint(0, len(parts)), rng.choice(_FIG_TWINS) + rng.choice(_FIG_SEPS))
        out.append("".join(parts))
    return tuple(out)


def _scanner(text: str) -> Scanner:
    return Scanner(text, P)


def _scanners(seed: int, n: int, extra: Iterable[str] = _FIG_LEXICON, after: Iterable[str] = (),
              before: Iterable[str] = ()) -> list[Scanner]:
    """Scanners of random texts, and of each word of ``after`` after a number and of ``before`` before one (as
    written, upper-cased and capitalised, after spaces, a no-break space or nothing)."""
    texts = list(_figure_texts(seed, n, 14, tuple(extra)))
    for v in sorted({v for w in after for v in (w, w.upper(), w.capitalize())}):
        texts += [f"5{sep}{v}{end}" for sep in ("", " ", "  ", "\u00a0") for end in ("", " 5", " people", ".")]
    for v in sorted({v for w in before for v in (w, w.upper(), w.capitalize())}):
        texts += [f"{lead}{v}{sep}5" for sep in ("", " ", "  ", "\u00a0") for lead in ("", "x ", "(")]
    return [_scanner(t) for t in texts]


# (start table, the pattern it guards, the pattern's check in ``follows``, what the pattern reads): tried where a
# number ends (after spaces)
_FIG_AFTER = {
    "scale": (P.scale_start, P.suffix_scale, "scale", [*T.scale_glued, *T.scale_after]),
    "currency": (P.cur_start, P.suffix_cur, "cur",
                 [*T.currency_words, *_CODES, *T.currency_symbols, *("M" + c for c in _CODES), "-euros", "-Rmb"]),
    "minor unit": (P.minor_start, P.suffix_minor, "minor", T.minor_words),
    "percent": (P.pct_start, P.suffix_pct, "pct", [*T.percent, "% points", "per  cent", "percentage  points"]),
    "age": (P.age_start, X.AGE_AFTER, "age", ["years old", "year-old", "- month - olds", "months of age", "yo",
                                               "y.o.", "yrs old", "yr old", "weeks old", "days-old"]),
    "duration": (P.dur_start, P.suffix_dur, "dur", [*T.duration_units, *T.duration_suffix, "- year", "-day"]),
    "unit": (P.unit_start, P.suffix_unit, "unit", T.quantity_units),
    "times": (P.times_start, X.TIMES, "times", ["times", "x", "X", "TIMES"]),
    "one in n": (P.in_n_start, P.in_n, "in_n", ["in 10", "in five", "out of 4", "out of twenty", "IN 3",
                                                  "in every 10,000", "in every five"]),
    "one over n": (P.over_start, P.over_n, "over", ["over 3", "over twenty-one", "over 2021", "OVER 4"]),
    "bound": (P.bound_after_start, X.BOUND_AFTER, None, ["and over", "or more", ", or under", "and younger",
                                                          "or fewer", ", and above", "or less than"]),
    "rate": (P.rate_start, P.rate_after, None, [*T.rate_after, "more a year", "on average per year", "-a-year",
                                                 "per-year", ",", "extra"]),
    "per base": (P.per_start, X.PER_BASE, None, ["per social worker", "per 10,000 children", "per class",
                                                  "per  ward", "per"]),
    "digit run": (P.digit_run_start, P.digit_run_trigger, None, ["hundred", "hundred and", "dozen", "dozens", "doz",
                                                                  "dzs", "and a half", "thousand and 5", "lakh",
                                                                  "million two hundred", "crore and an eleven"]),
}


@pytest.mark.parametrize("name", list(_FIG_AFTER))
def test_figure_guards_after_a_number(name: str) -> None:
    """Where may_start(k, table) is False, or the check is not among follows(k), the pattern does not match at k."""
    table, pattern, check, words = _FIG_AFTER[name]
    hits = 0
    for sc in _scanners(21, 500, words, after=words):
        for k in range(sc.n + 1):
            if sc.may_start(k, table) and (check is None or check in sc.follows(k)):
                hits += pattern.match(sc.text, k, k + AHEAD) is not None
                continue
            assert pattern.match(sc.text, k, k + AHEAD) is None, (name, sc.text, k)
    assert hits >= 20, (name, hits)  # the texts hold what the pattern matches


# (method of Scanner, the pattern it tries where a guard lets it): at every offset, the plain match
_FIG_WRAPPERS = {
    "duration_after": P.suffix_dur, "unit_after": P.suffix_unit, "bound_after": X.BOUND_AFTER,
    "rate_after": P.rate_after, "noun_words": X.NOUN_WORDS,
}


@pytest.mark.parametrize("method", list(_FIG_WRAPPERS))
def test_figure_guarded_matches(method: str) -> None:
    pattern = _FIG_WRAPPERS[method]
    hits = 0
    for sc in _scanners(22, 600):
        for k in range(sc.n + 1):
            plain = _key(pattern.match(sc.text, k, k + AHEAD))
            hits += plain is not None
            assert _key(getattr(sc, method)(k)) == plain, (method, sc.text, k)
    assert hits >= 20, (method, hits)


# (reverse pattern of phrases before a number, its table of phrases by last character, its check in ``precedes``,
# the phrases)
_FIG_BEFORE = {
    "hedge": (P.hedge, P.hedge_ends, "hedge", T.hedges),
    "bound min": (P.bound_min, P.bound_min_ends, "min", T.bounds_min),
    "bound max": (P.bound_max, P.bound_max_ends, "max", T.bounds_max),
    "age": (P.age_before, P.age_before_ends, "age", T.age_before),
    "age is": (P.age_is, P.age_is_ends, "age_is", T.age_is),
    "date word": (X.DATE_WORD_BEFORE, P.date_word_ends, None, DATE_WORDS),
}


@pytest.mark.parametrize("name", list(_FIG_BEFORE))
def test_figure_phrases_before_a_number(name: str) -> None:
    """phrase_before gives the plain reverse search over the window; where precedes leaves the check out, that
    search finds nothing."""
    pattern, ends, check, phrases = _FIG_BEFORE[name]
    hits = 0
    for sc in _scanners(23, 300, phrases, before=phrases):
        for b in range(sc.n + 1):
            for size in (12, 24, 40):
                a = max(0, b - size)
                plain = _key(pattern.search(sc.text, a, b))
                hits += plain is not None
                k = sc.spaces_start(a, b)
                assert _key(sc.phrase_before(pattern, ends, a, b)) == plain, (name, sc.text[a:b])
                assert _key(sc.phrase_before(pattern, ends, a, b, k)) == plain, (name, sc.text[a:b])
                if check is not None and check not in sc.precedes(k, b):
                    assert plain is None, (name, sc.text[a:b])
    assert hits >= 20, (name, hits)


def test_figure_currency_before() -> None:
    hits = 0
    symbols = [*T.currency_symbols, *_CODES, *("M" + c for c in _CODES)]
    for sc in _scanners(24, 500, symbols, before=symbols):
        for s in range(sc.n + 1):
            for back in (8, 10):
                plain = _key(P.prefix_cur.search(sc.text, max(0, s - back), s))
                hits += plain is not None
                assert _key(sc.currency_before(s, back)) == plain, (sc.text[max(0, s - back):s],)
    assert hits >= 20, hits


def _check_whole_run(sc: Scanner) -> None:
    """Where whole_run says so, CORE_DIGITS at the run reads exactly the run, with no sign."""
    for t, te in sc.runs:
        if sc.whole_run(t, te):
            m = X.CORE_DIGITS.match(sc.text, t, te + AHEAD)
            assert m is not None and (m.span(), m.start("digits"), m.group("neg")) == ((t, te), t, None), \
                (sc.text, t, te)


def _check_may_exclude(sc: Scanner) -> None:
    for d, de in sc.runs:
        if sc.text[d] not in N.VULGAR and not sc.may_exclude(d, de):
            assert P.exclude.match(sc.text, d, d + AHEAD) is None, (sc.text, d)


def _check_may_be_day(sc: Scanner) -> None:
    for d, de in sc.runs:
        if de - d <= 2 and sc.text[d] not in N.VULGAR and not sc.may_be_day(de):
            assert P.date.match(sc.text, d, d + AHEAD) is None, (sc.text, d)


def _check_ordinal(sc: Scanner) -> None:
    """The classifier tries ORDINAL after digits only before 's', 'n', 'r', 't' or a non-ASCII character (or in a
    text with a look-alike letter): the pattern matches nowhere else."""
    for e in range(sc.n):
        c = sc.text[e]
        if not (c in "sSnNrRtT" or not c.isascii() or not sc.plain):
            assert X.ORDINAL.match(sc.text, e, e + AHEAD) is None, (sc.text, e)


def _check_generic_quantity(sc: Scanner) -> None:
    for e in range(sc.n + 1):
        assert U.generic_quantity(sc.text, e, e, _FAKE) == _plain_generic_quantity(sc.text, e, e), (sc.text, e)


_FIG_RUN_CHECKS = {"whole run": _check_whole_run, "may exclude": _check_may_exclude, "may be a day": _check_may_be_day,
                   "ordinal": _check_ordinal, "generic quantity": _check_generic_quantity}
# the generic_units table stands behind generic_quantity; the checks need only a unit for a token, not its name
_FAKE_UNITS = {"mg": "milligram", "ghz": "gigahertz", "db": "decibel", "°c": "degree Celsius", "°": "degree",
               "µg": "microgram", "m²": "square metre", "kwh": "kilowatt hour", "mph": "mile per hour", "km": "km",
               "sq": "square", "x": "x", "d": "day"}


class _FakeUnits(dict):
    """A token -> unit table that ignores case (the checks need units in any spelling)."""

    def get(self, token: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return _FAKE_UNITS.get(token.lower(), default)


_FAKE = _FakeUnits()


def _plain_generic_quantity(text: str, num_start: int, num_end: int) -> tuple[int, str] | None:
    """units.generic_quantity without its look at the next character."""
    m = U._UNITISH.match(text, num_end, num_end + AHEAD)
    if m is None or m.group("tok").lower() in U._COMMON_WORDS:
        return None
    unit = _FAKE.get(m.group("tok"))
    return None if unit is None else (m.end(), unit)


@pytest.mark.parametrize("name", list(_FIG_RUN_CHECKS))
def test_figure_guards_at_digit_runs(name: str) -> None:
    for sc in _scanners(25, 800):
        _FIG_RUN_CHECKS[name](sc)


def _plain_core_triggers(sc: Scanner) -> list[tuple[int, int, bool]]:
    """Scanner.core_triggers as one find per key."""
    low = sc.low
    out = [(d, de, True) for d, de in sc.runs]
    for key in P.core_keys:
        i = low.find(key)
        while i >= 0:
            if i == 0 or not low[i - 1].isalpha():
                out.append((i, i, False))
            i = low.find(key, i + 1)
    out.sort()
    return out


def test_figure_core_triggers() -> None:
    rng = random.Random(26)
    glue = ["one", "two", "twice", "thir", "dz", "doz", "hundreds", "a", "x", "é", "ſ", "İ", "\u212a", "5", "_", "-",
            " ", "\n", "ONE", "Two", "billion", "ſix", "seven", "doubled", "halve"]
    texts = [*_figure_texts(26, 300), *TEXTS,
             *("".join(rng.choice(glue) for _ in range(rng.randint(0, 20))) for _ in range(400))]
    for t in texts:
        sc = _scanner(t)
        assert sc.core_triggers() == _plain_core_triggers(sc), (t,)


@pytest.mark.parametrize("engine", [re, regex], ids=["re", "regex"])
def test_word_trie_as_the_sorted_alternation(engine: Any) -> None:
    """word_trie(words) matches as numbers.alternation(words) (longest word first; the empty word too), also where
    what follows backtracks."""
    rng = random.Random(27)
    for _ in range(300):
        words = {"".join(rng.choice("ab-.") for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 8))}
        tail = r"(?P<tail>[ab]{0,2})(?:-|\Z)"
        trie = engine.compile(f"(?:{N.word_trie(words)}){tail}")
        plain = engine.compile(f"(?:{N.alternation(words)}){tail}")
        for _ in range(10):
            t = "".join(rng.choice("ab-. ") for _ in range(rng.randint(0, 14)))
            assert [_key(m) for m in trie.finditer(t)] == [_key(m) for m in plain.finditer(t)], (words, t)
            for p in range(len(t)):
                assert _key(trie.match(t, p)) == _key(plain.match(t, p)), (words, t, p)


_NUMBER_WORDS = P.numbers.words | set(T.dozens) | set(T.fractions)
_WORD_PIECES = [*sorted(_NUMBER_WORDS), *P.core_keys, "a", "an", "and", "of", "point", "firsts", "5", "12.5", "twice",
                "tens", "hundreds of", "in", "out of", "over", "per cent of", "thousands of", "in every"]


def _word_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 8)):
            w = rng.choice(_WORD_PIECES)
            cut = rng.random()
            w = w[:rng.randint(1, len(w))] if cut < 0.1 else w + rng.choice("sy") if cut < 0.2 else w
            w = w.upper() if rng.random() < 0.1 else w
            parts.append(w + rng.choice([" ", " ", "-", "", "  ", "\u00a0", ", "]))
        out.append("".join(parts))
    return out


# (a word list, patterns of figures built with its trie)
_FIG_TRIES = {
    "number words": (_NUMBER_WORDS, [P.core, P.digit_run, P.digit_run_trigger, P.in_n, P.over_n, P.pct_of,
                                     P.range_next]),
    "core keys": (P.core_keys, [P.core_key_at, P.core_key_after]),
}


@pytest.mark.parametrize("name", list(_FIG_TRIES))
def test_figure_patterns_with_word_tries(name: str) -> None:
    """Each pattern built with a word trie matches as the same pattern built with the sorted alternation."""
    words, compiled = _FIG_TRIES[name]
    trie, alternation = N.word_trie(words), N.alternation(words)
    texts = _word_texts(28, 150)
    for new in compiled:
        assert trie in new.pattern, new.pattern[:60]
        engine = re if isinstance(new, re.Pattern) else regex
        old = engine.compile(new.pattern.replace(trie, alternation), new.flags)
        for t in texts:
            assert [_key(m) for m in new.finditer(t)] == [_key(m) for m in old.finditer(t)], (new.pattern[:60], t)
            for p in range(len(t)):
                assert _key(new.match(t, p, p + AHEAD)) == _key(old.match(t, p, p + AHEAD)), (new.pattern[:60], t, p)


def _plain_core_starts(sc: Scanner, t: int, floor: int, digit: bool) -> list[int]:
    """Scanner.core_starts without its look at the character before the trigger and at the window for 'minus'."""
    text = sc.text
    starts = [t]
    k = t
    if digit:
        if k - 1 >= floor and text[k - 1] == ".":
            k -= 1
            starts.append(k)
        j = k - 1 if k - 1 >= floor and text[k - 1] == " " and sc.signed_line(k - 2) else k
        if j - 1 >= floor and text[j - 1] in "-−–":
            k = j - 1
            starts.append(k)
    else:
        lead = sc.lead_word(k, floor)
        if lead is not None and lead[1] in ("a", "an", "half"):
            k = lead[0]
            starts.append(k)
    lead = sc.lead_word(k, floor)
    if lead is not None and lead[1] in ("minus", "negative"):
        starts.append(lead[0])
    starts.reverse()
    return starts


class _Everything:
    """A table that holds every character and word: its guard lets every pattern run."""

    def __contains__(self, item: object) -> bool:
        return True


_ALL_FOLLOWS = frozenset({"scale", "cur", "minor", "pct", "age", "dur", "unit", "times", "in_n", "over"})
_ALL_PRECEDES = frozenset({"hedge", "min", "max", "age", "age_is"})


def _unguard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch every guard of the scanner off: each pattern is tried wherever the scanner would try it unguarded."""
    init = Scanner.__init__

    def __init__(self: Scanner, text: str, p: Any) -> None:
        init(self, text, p)
        self.plain = False  # as in a text with a look-alike letter: ordinals, rates before a number

    def match(pattern: regex.Pattern[str]) -> Any:
        return lambda self, k: pattern.match(self.text, k, k + AHEAD)

    patches = {
        "__init__": __init__,
        "may_start": lambda self, k, starts: True,
        "follows": lambda self, k: _ALL_FOLLOWS,
        "precedes": lambda self, k, b: _ALL_PRECEDES,
        "currency_before": lambda self, s, back: P.prefix_cur.search(self.text, max(0, s - back), s),
        "phrase_before": lambda self, pattern, ends, a, b, k=None: pattern.search(self.text, a, b),
        "whole_run": lambda self, t, te: False,
        "may_exclude": lambda self, d, de: True,
        "may_be_day": lambda self, de: True,
        "core_triggers": _plain_core_triggers,
        "core_starts": _plain_core_starts,
        "generic_quantity": lambda self, s, e: _plain_generic_quantity(self.text, s, e),
        **{method: match(pattern) for method, pattern in _FIG_WRAPPERS.items()},
    }
    for method, fn in patches.items():
        monkeypatch.setattr(Scanner, method, fn)
    monkeypatch.setattr(P, "date_word_tails", _Everything())
    monkeypatch.setattr(X, "RANGE_CONNECTORS", _Everything())


def test_figure_unknown_character_lets_every_check_run() -> None:
    """'' (a non-ASCII character, or any in a text with a look-alike letter) stands for every check, and the
    unguarded scan below tries every check there is."""
    assert P.follows[""] == _ALL_FOLLOWS
    assert all(names <= _ALL_FOLLOWS for names in P.follows.values())
    assert P.precedes[""] == _ALL_PRECEDES


def _fake_generic_quantity(text: str, num_start: int, num_end: int, units: Any) -> tuple[int, str] | None:
    return U.generic_quantity(text, num_start, num_end, _FAKE)


def test_figure_scan_as_unguarded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FC, "generic_quantity", _fake_generic_quantity)
    texts = [*TEXTS, *_figure_texts(29, 1500, 24), *_figure_texts(30, 1500, 24, _FIG_LEXICON)]
    fast = [scan(t) for t in texts]
    assert sum(map(len, fast)) > 1.5 * len(texts)  # the texts are full of figures
    _unguard(monkeypatch)
    for t, got in zip(texts, fast, strict=True):
        assert got == scan(t), (t,)
