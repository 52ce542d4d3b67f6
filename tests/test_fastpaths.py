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
from caresocial.extraction.figures import grammar as F
from caresocial.extraction.figures import lexicon as L
from caresocial.extraction.figures import numbers as N
from caresocial.extraction.figures import units as U
from caresocial.extraction.figures.lexicon import AHEAD
from caresocial.extraction.quotes import attribution as A

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


def test_cue_speaker_phrases() -> None:
    rng = random.Random(4)
    pieces = ["Mark Russell", ",", " ", "\n", ":", " said", "said", " calling for", " reads", " READ", " SAID",
              " published its final report calling for", " the charity", "**", " pointed out", " continued", " letter",
              "\r", "\u2028"]
    for k in range(1200):
        if k % 4 == 0:
            t = rng.choice(TEXTS)
            a = rng.randint(0, len(t))
            cue = t[a:a + rng.randint(0, 120)] + rng.choice(["", ":", " said:", "\n"])
        else:
            cue = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        m = A._CUE_WHO.search(cue)
        m2 = A._CUE_WHO_AFTER.search(cue)
        expected = (m.group("who") if m else cue.rstrip(":"), m2.group("who") if m2 else None)
        assert A._cue_speaker_phrases(cue) == expected, (cue,)


def test_report_matches_stop_after_the_last_verb() -> None:
    for t in TEXTS:
        for sa, sb in S.sentences(t):
            starts = [m.start() for m in A._LETTERS.finditer(t, sa, sb)
                      if A._TRIGGER_WORDS.get(m.group(), 0) & A._SPEECH]
            last = max(starts, default=-1)
            for pattern in (A._REPORTED, A._REPORTED_APPOS):
                assert [_key(m) for m in A._matches_before(pattern, t, sa, sb, last)] == \
                    [_key(m) for m in pattern.finditer(t, sa, sb)]


def test_trigger_hits() -> None:
    rng = random.Random(5)
    pieces = ["said", "says", "add", "added", "addition", "according", "According", "essay", "5", "_", "é", "ß", "’",
              " ", "\n", "-", "published", "carried", "out", "x"]
    texts = TEXTS + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(500)]
    for t in texts:
        words = A._TRIGGER_WORDS
        plain = [(m.start(), words[m.group()]) for m in A._LETTERS.finditer(t) if m.group() in words]
        assert A._trigger_hits(t) == plain, (t,)


def _nest_by_scan(quotes: list[A.RawQuote]) -> list[int | None]:
    """The parents :func:`attribution._nest` sets, found by looking at every open quote."""
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


def _innermost_by_scan(quotes: list[A.RawQuote], spans: list[tuple[int, int]]) -> list[int | None]:
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


def test_nesting_and_innermost_quotes() -> None:
    from caresocial.extraction.quotes.component import innermost_quotes

    rng = random.Random(6)
    for _ in range(400):
        quotes = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 60)
            quotes.append(A.RawQuote(rng.choice(["direct", "reported", "citation"]), a, a + rng.randint(1, 40), None,
                                     self_ref=rng.random() < 0.3))
        if quotes and rng.random() < 0.3:
            quotes.append(A.RawQuote("direct", quotes[0].start, quotes[0].end, None))  # the same span twice
        quotes.sort(key=lambda q: (q.start, -q.end))
        expected = _nest_by_scan(quotes)
        A._nest(quotes)
        index = {id(q): i for i, q in enumerate(quotes)}
        assert [None if q.parent is None else index[id(q.parent)] for q in quotes] == expected
        spans = []
        for _ in range(rng.randint(0, 20)):
            s = rng.randint(0, 90)
            spans.append((s, s + rng.randint(1, 6)))
        assert innermost_quotes(quotes, spans) == _innermost_by_scan(quotes, spans)


def test_role_before() -> None:
    rng = random.Random(7)
    pieces = ["The Children's Commissioner", ",", ", ", " ", "\n", ";", ":", "Dame Rachel de Souza", "a", "  ", "\t"]
    for k in range(2000):
        if k % 2:
            t = rng.choice(TEXTS)
            b = rng.randint(0, len(t))
            a = max(0, b - rng.randint(0, 300))
        else:
            t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            a = rng.randint(0, len(t))
            b = rng.randint(a, len(t))
        assert _key(A._role_before(t, a, b)) == _key(A._ROLE_BEFORE.search(t, a, b)), (t[a:b],)


# ------------------------------------------------------------------------------------------------------
# Quotes: the report patterns searched only from where a speaker phrase can reach a speech verb, the verb and
# noun lists as tries, list subjects tried only near their 'and', cheap pre-tests of speaker phrases
# ------------------------------------------------------------------------------------------------------
_REPORT_PIECES = [*(
    "said says say told tells warned warns has have had also today long last year yesterday The the This this Our "
    "our research report study analysis data figures , , , . ( ) (NSPCC) (LGA) MBE Dr Sir Dame Mark Russell Chief "
    "Executive of The Children's Society charity council Councils they he she we it in on of for and with de by "
    "published released issued its their a final report calling for which finds that them to how : ; 2022 x_y O’ "
    "O' Brien é Émile “ ” \" \n \t - – pointed out points calls calling added adds saying sayings Xalso belong "
    "Today Government government research, survey, Bar-Foo (The 2The who"
).split(" "),
    "published its final report calling for", "talks about how", "called for", "saysx", "said2", "pointed outside",
    "calls for", "MBE,", "Sir Peter Wanless,", "chief executive of the NSPCC,", "has today published its annual "
    "report, which finds", "released a new study finding that", "issued the final review which calls for",
    "The Local Government Association", "has also today previously had long last year",
    "also also also also also also also also also also also also also also", "our research, carried out with X,",
    "Independent Review of Children's Social Care", "The Chief Executive of The Children's Society and Barnardo's",
    "The Local Government Association and the County Councils Network", "Office for National Statistics data",
]


def _random_texts(rng: random.Random, pieces: list[str], n: int, words: int) -> list[str]:
    """``n`` texts: every fourth a window of a fixture, the others up to ``words`` random pieces."""
    out = []
    for k in range(n):
        if k % 4 == 0:
            out.append(_fixture_window(rng, 600))
        else:
            out.append("".join(rng.choice(pieces) + rng.choice([" ", " ", " ", "  ", "", "\n", ", "])
                               for _ in range(rng.randint(0, words))))
    return out


def _report_spans(t: str) -> list[tuple[int, int]]:
    return [*S.sentences(t, S.paragraphs(t)), (0, len(t))]


def _verbs(t: str, a: int, b: int, flag: int) -> tuple[list[int], int]:
    """Where the verbs of ``flag`` may start in [a, b), and where the speech verbs among them end at the latest."""
    hits = [(at, w) for at, w in A._trigger_words(t) if a <= at < b and A._TRIGGER_WORDS[w] & flag]
    return [at for at, _ in hits], max((at + A._VERB_REACH.get(w, 0) for at, w in hits), default=-1)


# (pattern, reaching back from a verb, tested back from a verb, the verbs): as _reported_candidates searches
_ANCHORED = {
    "reported": (A._REPORTED, A._REPORTED_BACK, A._REPORTED_END, A._SPEECH),
    "reported, back only": (A._REPORTED, A._REPORTED_BACK, None, A._SPEECH),
    "reported, check only": (A._REPORTED, None, A._REPORTED_END, A._SPEECH),
    "apposition": (A._REPORTED_APPOS, None, A._APPOS_END, A._SPEECH),
    "published": (A._PUBLISHED, A._PUBLISHED_BACK, None, A._PUBLISH),
}


@pytest.mark.parametrize("name", list(_ANCHORED))
def test_report_matches_anchored_at_verbs(name: str) -> None:
    pattern, back, check, flag = _ANCHORED[name]
    rng = random.Random(11)
    for t in _random_texts(rng, _REPORT_PIECES, 600, 40):
        for a, b in _report_spans(t):
            verbs, reach = _verbs(t, a, b, flag)
            back_here = None if back is A._REPORTED_BACK and A._OUR_WORK_COMMA.search(t, a, b) else back
            if flag == A._PUBLISH:
                fast = A._matches_before(pattern, t, a, b, b - 1, verbs, back_here)
            else:
                fast = A._matches_before(pattern, t, a, b, max(verbs, default=-1), verbs, back_here, reach, check)
            assert [_key(m) for m in fast] == [_key(m) for m in pattern.finditer(t, a, b)], (name, t[a:b])


@pytest.mark.parametrize("name", list(_ANCHORED))
def test_report_matches_reached_from_their_verb(name: str) -> None:
    """Every match of the pattern, in the whole span or cut short, starts where the back pattern reaches from its
    verb, and its verb passes the check (the property the anchored search relies on)."""
    pattern, back, check, _ = _ANCHORED[name]
    pattern = regex.compile(pattern.pattern.replace("(?:published|released|", "(?P<verb>published|released|", 1)) \
        if "verb" not in pattern.groupindex else pattern
    rng = random.Random(12)
    for t in _random_texts(rng, _REPORT_PIECES, 200, 25):
        for a, b in _report_spans(t)[-2:]:
            # (a speaker with commas, 'our research, carried out with X,', is searched for from the sentence start)
            back_here = None if back is A._REPORTED_BACK and A._OUR_WORK_COMMA.search(t, a, b) else back
            for cut in (b, rng.randint(a, b)):
                for p in range(a, cut):
                    m = pattern.match(t, p, cut)
                    if m is None or A._MANY_AUXILIARIES.match(t, a, m.start("verb")) is not None:
                        continue
                    v = m.start("verb")
                    assert check is None or check.match(t, a, v) is not None, (name, t[a:cut], p)
                    w = None if back_here is None else back_here.match(t, a, v)
                    assert back_here is None or (w is not None and w.start() <= p), (name, t[a:cut], p)


def test_reported_candidates_as_plain_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(13)
    texts = _random_texts(rng, _REPORT_PIECES, 300, 40)
    fast = [A._reported_candidates(t, S.sentences(t, S.paragraphs(t))) for t in texts]
    monkeypatch.setattr(A, "_matches_before", lambda pattern, t, a, b, *_: pattern.finditer(t, a, b))
    assert fast == [A._reported_candidates(t, S.sentences(t, S.paragraphs(t))) for t in texts]


def test_list_subjects() -> None:
    rng = random.Random(14)
    pieces = [*("and And NSPCC Barnardo's Barnardo’s, Action for Children, the The of for on Local Government "
              "Association County Councils Network have has today jointly also said warned written issued signed put "
              "made , ( ) 2022 x-Y Foo-Bar McDonald é É Émile a children families O’Brien “ \n \t ; : .").split(" "),
              "The Children's Society,", "Action for Children, the", "the Local Government Association,",
              "the National Children's Bureau and the County Councils Network have",
              "Office of the Children's Commissioner"]
    for t in _random_texts(rng, pieces, 600, 60):
        assert [(m.span(), m.group("list")) for m in A._list_subjects(t)] == \
            [(m.span(), m.group("list")) for m in A._LIST_SUBJECT.finditer(t)], (t,)


def _plain(words: list[str] | tuple[str, ...], longest_first: bool) -> str:
    return "|".join(regex.escape(w) for w in (sorted(words, key=len, reverse=True) if longest_first else words))


# (pattern names, the trie they hold, the alternation they were written with)
_TRIES = [
    (["_LEAD_SPEAKER", "_AFTER_CUE", "_REPORTED", "_REPORTED_APPOS", "_LIST_SUBJECT", "_LIST_END", "_CUE_WHO",
      "_CUE_WHO_AFTER"], A._SPEECH_ALT, A._SPEECH_SORTED),
    (["_ROLE_THEN_NAME", "_ROLE_ONLY", "_ROLE_NOUN_END", "_ROLE_NOUN_WORD"], A._ROLE_NOUNS,
     f"(?:{_plain(A._ROLE_NOUN_WORDS, False)})"),
    (["_ORG_HINT"], N.word_trie(A._ORG_HINT_WORDS), _plain(A._ORG_HINT_WORDS, False)),
]
_PHRASE_PIECES = list(A.SPEECH_VERBS) + (
    "Chair Chairman chairman CHAIRMAN Chairs Chairwoman Lead Leader lead Co-ordinator Coordinator CEO ceo Councillor "
    "Council Councils Service Services Charity Charities Commission Commissioner government Government Barnardo's "
    "Barnardo’s NSPCC LGA The the of for Mark Russell Dr Sir Mr Dame Executive executive Chief Head Minister "
    "Education Secretary Gillian Keegan Spokesperson research report analysis data Research new latest own 's ’ , - "
    ". \n ſ K é “ ” \" : that and has also today calls call s ed ing them to how told MPs outs spokesman official "
    "source senior MBE KC Ofsted’s"
).split(" ")


@pytest.mark.parametrize("names, trie, alternation", _TRIES, ids=["speech verbs", "role nouns", "organisation words"])
def test_patterns_with_tries(names: list[str], trie: str, alternation: str) -> None:
    rng = random.Random(16)
    texts = [t[:160] for t in _random_texts(rng, _PHRASE_PIECES, 300, 12)]
    for name in names:
        new = getattr(A, name)
        assert trie in new.pattern, name
        old = regex.compile(new.pattern.replace(trie, alternation), new.flags)
        for t in texts:
            assert [_key(m) for m in new.finditer(t)] == [_key(m) for m in old.finditer(t)], (name, t)
            assert _key(new.match(t)) == _key(old.match(t)), (name, t)


# (a pattern of _plan_phrase, the cheap test it is tried after: a phrase it matches passes that test)
_PRETESTS = {
    "_ORG_WORK": lambda x: A._WORK_NOUN.search(x) is not None,
    "_ROLE_THEN_NAME": lambda x: A._CAPITALISED_END.search(x) is not None,
    "_NAME_AT_END": lambda x: A._CAPITALISED_END.search(x) is not None,
    "_ORG_SPOKES": lambda x: x.removesuffix("\n").endswith(A._SPOKES_ENDS),
}


@pytest.mark.parametrize("name", list(_PRETESTS))
def test_speaker_phrase_pretests(name: str) -> None:
    rng = random.Random(17)
    pattern, pretest = getattr(A, name), _PRETESTS[name]
    pieces = [*_PHRASE_PIECES, "spokesperson", "representative", "insider", "Spokesperson", "of the", "figures",
              "modelling", "projections", "study", "survey"]
    for t in _random_texts(rng, pieces, 1500, 8):
        t = t[:200].strip(" ")
        if pattern.match(t) is not None or (name == "_NAME_AT_END" and pattern.search(t) is not None):
            assert pretest(t), (name, t)


# ------------------------------------------------------------------------------------------------------
# Figures (extraction.figures.grammar): a guard that skips a pattern says 'cannot match' only where the pattern
# does not match; the word tries match as the sorted alternations they replace; one ``re`` pass finds the core
# triggers that a find per key finds; and scan() finds what a scan with every guard switched off finds
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
    # look-alikes, spaces and punctuation
    "é", "\u00a0", "\u202f", "–", "—", "'", "’", "(", ")", ",", ".", "-", ":", "/", ";", "\n",
]
# Letters a case-insensitive pattern reads as ASCII letters ('ſ' as 's', the Kelvin sign as 'k', 'İ' as 'i'): a
# text that holds one lets every pattern run, so they go into one text in ten.
_FIG_TWINS = [
    "ſeconds", "yearſ", "dayſ", "per cenſ", "\u212am", "\u212ag", "\u212a", "ſ", "İ", "5\u212a", "3\u212a", "5 ſt",
    "5 tİmes", "5 uſd", "5 daİly", "ſince 4", "aſ many aſ 5", "turnſ 5", "exceedſ 5", "ageſ 5", "£5 bİllion",
    # 'İ' lower-cases to two characters, so the checks read a text that holds it lower-cased in ASCII only
    "İn 10", "İ 5 weeK", "İ 5 pounds ſterling", "İ aged 5 weeKs", "İ 5 uſd", "İ 5 tİmes",
]
_FIG_SEPS = [" ", " ", " ", " ", "", "", "  ", "\u00a0", "-", ", ", "\n", ". "]


# every word of the tables the guards are built from, for the tests of those guards
_FIG_LEXICON = tuple(sorted({
    *L.QUANTITY_UNITS, *L.CURRENCY_WORDS, *L.ISO_CODES, *L.CURRENCY_SYMBOLS, *L.DURATION_UNITS, *L.DURATION_SUFFIX,
    *L.RATE_AFTER, *L.SCALE_ABBREV, *L.MINOR_WORDS, *L.HEDGES, *L.BOUNDS_MIN, *L.BOUNDS_MAX, *L.AGE_BEFORE,
    *L.MONTHS, *L.WEEKDAYS, "on", "by", "until", "till", "from", "since", "before", "after", "date", "dated",
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


def _scanners(seed: int, n: int, extra: Iterable[str] = _FIG_LEXICON, after: Iterable[str] = (),
              before: Iterable[str] = ()) -> list[F._Scanner]:
    """Scanners of random texts, and of each word of ``after`` after a number and of ``before`` before one (as
    written, upper-cased and capitalised, after spaces, a no-break space or nothing)."""
    texts = list(_figure_texts(seed, n, 14, tuple(extra)))
    for v in sorted({v for w in after for v in (w, w.upper(), w.capitalize())}):
        texts += [f"5{sep}{v}{end}" for sep in ("", " ", "  ", "\u00a0") for end in ("", " 5", " people", ".")]
    for v in sorted({v for w in before for v in (w, w.upper(), w.capitalize())}):
        texts += [f"{lead}{v}{sep}5" for sep in ("", " ", "  ", "\u00a0") for lead in ("", "x ", "(")]
    return [F._Scanner(t) for t in texts]


_CODES = sorted(L.ISO_CODES)
# (start table, the pattern it guards, the pattern's check in _FOLLOWS, what the pattern reads): tried where a number
# ends (after spaces)
_FIG_AFTER = {
    "scale": ("_SCALE_START", "_SUFFIX_SCALE", "scale", L.SCALE_ABBREV),
    "currency": ("_CUR_START", "_SUFFIX_CUR", "cur",
                 [*L.CURRENCY_WORDS, *_CODES, *L.CURRENCY_SYMBOLS, *("M" + c for c in _CODES), "-euros", "-Rmb"]),
    "minor unit": ("_MINOR_START", "_SUFFIX_MINOR", "minor", L.MINOR_WORDS),
    "percent": ("_PCT_START", "_SUFFIX_PCT", "pct", ["%", "% points", "per cent", "percent", "percents", "percentage",
                                                      "percentage points", "pct", "pc", "pp", "ppts"]),
    "age": ("_AGE_START", "_AGE_AFTER", "age", ["years old", "year-old", "- month - olds", "months of age", "yo",
                                                 "y.o.", "yrs old", "yr old", "weeks old", "days-old"]),
    "duration": ("_DUR_START", "_SUFFIX_DUR", "dur", [*L.DURATION_UNITS, *L.DURATION_SUFFIX, "- year", "-day"]),
    "unit": ("_UNIT_START", "_SUFFIX_UNIT", "unit", L.QUANTITY_UNITS),
    "times": ("_TIMES_START", "_TIMES", "times", ["times", "x", "X", "TIMES"]),
    "one in n": ("_IN_N_START", "_IN_N", "in_n", ["in 10", "in five", "out of 4", "out of twenty", "IN 3"]),
    "one over n": ("_OVER_N_START", "_OVER_N", "over", ["over 3", "over twenty-one", "over 2021", "OVER 4"]),
    "bound": ("_BOUND_AFTER_START", "_BOUND_AFTER", None, ["and over", "or more", ", or under", "and younger",
                                                               "or fewer", ", and above", "or less than"]),
    "rate": ("_RATE_START", "_RATE_AFTER", None, [*L.RATE_AFTER, "more a year", "on average per year", "-a-year",
                                                     "per-year", ",", "extra"]),
    "digit run": ("_DIGIT_RUN_START", "_DIGIT_RUN_TRIGGER", None, ["hundred", "hundred and", "dozen", "dozens", "doz",
                                                                   "dzs", "and a half", "thousand and 5", "lakh",
                                                                   "million two hundred", "crore and an eleven"]),
}


@pytest.mark.parametrize("name", list(_FIG_AFTER))
def test_figure_guards_after_a_number(name: str) -> None:
    """Where _may_start(k, table) is False, or the check is not among _follows(k), the pattern does not match at k."""
    table_name, pattern_name, check, words = _FIG_AFTER[name]
    table, pattern = getattr(F, table_name), getattr(F, pattern_name)
    hits = 0
    for sc in _scanners(21, 500, words, after=words):
        for k in range(sc.n + 1):
            if sc._may_start(k, table) and (check is None or check in sc._follows(k)):
                hits += pattern.match(sc.text, k, k + AHEAD) is not None
                continue
            assert pattern.match(sc.text, k, k + AHEAD) is None, (name, sc.text, k)
    assert hits >= 20, (name, hits)  # the texts hold what the pattern matches


# (method of _Scanner, the pattern it tries where a guard lets it): at every offset, the plain match
_FIG_WRAPPERS = {
    "_duration_after": "_SUFFIX_DUR", "_unit_after": "_SUFFIX_UNIT", "_bound_after": "_BOUND_AFTER",
    "_rate_after": "_RATE_AFTER", "_noun_words": "_NOUN_WORDS",
}


@pytest.mark.parametrize("method", list(_FIG_WRAPPERS))
def test_figure_guarded_matches(method: str) -> None:
    pattern = getattr(F, _FIG_WRAPPERS[method])
    hits = 0
    for sc in _scanners(22, 600):
        for k in range(sc.n + 1):
            plain = _key(pattern.match(sc.text, k, k + AHEAD))
            hits += plain is not None
            assert _key(getattr(sc, method)(k)) == plain, (method, sc.text, k)
    assert hits >= 20, (method, hits)


# (reverse pattern of phrases before a number, its table of phrases by last character, its check in _PRECEDES, the
# phrases)
_FIG_BEFORE = {
    "hedge": ("_HEDGE", "_HEDGE_ENDS", "hedge", L.HEDGES),
    "bound min": ("_BOUND_MIN", "_BOUND_MIN_ENDS", "min", L.BOUNDS_MIN),
    "bound max": ("_BOUND_MAX", "_BOUND_MAX_ENDS", "max", L.BOUNDS_MAX),
    "age": ("_AGE_BEFORE", "_AGE_BEFORE_ENDS", "age", L.AGE_BEFORE),
    "date word": ("_DATE_WORD_BEFORE", "_DATE_WORD_ENDS", None,
                  ["on", "by", "until", "till", "from", "since", "before", "after", "date", "dated"]),
}


@pytest.mark.parametrize("name", list(_FIG_BEFORE))
def test_figure_phrases_before_a_number(name: str) -> None:
    """_phrase_before gives the plain reverse search over the window; where _precedes leaves the check out, that
    search finds nothing."""
    pattern_name, ends_name, check, phrases = _FIG_BEFORE[name]
    pattern, ends = getattr(F, pattern_name), getattr(F, ends_name)
    hits = 0
    for sc in _scanners(23, 300, phrases, before=phrases):
        for b in range(sc.n + 1):
            for size in (12, 24, 40):
                a = max(0, b - size)
                plain = _key(pattern.search(sc.text, a, b))
                hits += plain is not None
                k = sc._spaces_start(a, b)
                assert _key(sc._phrase_before(pattern, ends, a, b)) == plain, (name, sc.text[a:b])
                assert _key(sc._phrase_before(pattern, ends, a, b, k)) == plain, (name, sc.text[a:b])
                if check is not None and check not in sc._precedes(k, b):
                    assert plain is None, (name, sc.text[a:b])
    assert hits >= 20, (name, hits)


def test_figure_currency_before() -> None:
    hits = 0
    symbols = [*L.CURRENCY_SYMBOLS, *_CODES, *("M" + c for c in _CODES)]
    for sc in _scanners(24, 500, symbols, before=symbols):
        for s in range(sc.n + 1):
            for back in (8, 10):
                plain = _key(F._PREFIX_CUR.search(sc.text, max(0, s - back), s))
                hits += plain is not None
                assert _key(sc._currency_before(s, back)) == plain, (sc.text[max(0, s - back):s],)
    assert hits >= 20, hits


def _check_whole_run(sc: F._Scanner) -> None:
    """Where _whole_run says so, _CORE_DIGITS at the run reads exactly the run, with no sign."""
    for t, te in sc.runs:
        if sc._whole_run(t, te):
            m = F._CORE_DIGITS.match(sc.text, t, te + AHEAD)
            assert m is not None and (m.span(), m.start("digits"), m.group("neg")) == ((t, te), t, None), \
                (sc.text, t, te)


def _check_may_exclude(sc: F._Scanner) -> None:
    for d, de in sc.runs:
        if sc.text[d] not in N.VULGAR and not sc._may_exclude(d, de):
            assert F._EXCLUDE.match(sc.text, d, d + AHEAD) is None, (sc.text, d)


def _check_may_be_day(sc: F._Scanner) -> None:
    for d, de in sc.runs:
        if de - d <= 2 and sc.text[d] not in N.VULGAR and not sc._may_be_day(de):
            assert F._DATE.match(sc.text, d, d + AHEAD) is None, (sc.text, d)


def _check_ordinal(sc: F._Scanner) -> None:
    """_classify tries _ORDINAL after digits only before 's', 'n', 'r', 't' or a non-ASCII character (or in a text
    with a look-alike letter): the pattern matches nowhere else."""
    for e in range(sc.n):
        c = sc.text[e]
        if not (c in "sSnNrRtT" or not c.isascii() or not sc.plain):
            assert F._ORDINAL.match(sc.text, e, e + AHEAD) is None, (sc.text, e)


def _check_generic_quantity(sc: F._Scanner) -> None:
    for e in range(sc.n + 1):
        assert U.generic_quantity(sc.text, e, e) == _plain_generic_quantity(sc.text, e, e), (sc.text, e)


_FIG_RUN_CHECKS = {"whole run": _check_whole_run, "may exclude": _check_may_exclude, "may be a day": _check_may_be_day,
                   "ordinal": _check_ordinal, "generic quantity": _check_generic_quantity}
# quantulum3 stands behind generic_quantity; the checks need only a unit for a token, not its real name
_FAKE_UNITS = {"mg": "milligram", "ghz": "gigahertz", "db": "decibel", "°c": "degree Celsius", "°": "degree",
               "µg": "microgram", "m²": "square metre", "kwh": "kilowatt hour", "mph": "mile per hour", "km": "km",
               "sq": "square", "x": "x", "d": "day"}


def _fake_unit_for(token: str) -> str | None:
    return _FAKE_UNITS.get(token.lower())


def _plain_generic_quantity(text: str, num_start: int, num_end: int) -> tuple[int, str] | None:
    """units.generic_quantity without its look at the next character."""
    m = U._UNITISH.match(text, num_end, num_end + AHEAD)
    if m is None or m.group("tok").lower() in U._COMMON_WORDS:
        return None
    unit = U._unit_for(m.group("tok"))
    return None if unit is None else (m.end(), unit)


@pytest.mark.parametrize("name", list(_FIG_RUN_CHECKS))
def test_figure_guards_at_digit_runs(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(U, "_unit_for", _fake_unit_for)
    for sc in _scanners(25, 800):
        _FIG_RUN_CHECKS[name](sc)


def _plain_core_triggers(sc: F._Scanner) -> list[tuple[int, int, bool]]:
    """_Scanner._core_triggers as one find per key."""
    low = sc.low
    out = [(d, de, True) for d, de in sc.runs]
    for key in F._CORE_KEYS:
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
            " ", "\n", "ONE", "Two", "billion", "ſix", "seven"]
    texts = [*_figure_texts(26, 300), *TEXTS,
             *("".join(rng.choice(glue) for _ in range(rng.randint(0, 20))) for _ in range(400))]
    for t in texts:
        sc = F._Scanner(t)
        assert sc._core_triggers() == _plain_core_triggers(sc), (t,)


@pytest.mark.parametrize("engine", [re, regex], ids=["re", "regex"])
def test_word_trie_as_the_sorted_alternation(engine: Any) -> None:
    """word_trie(words) matches as numbers._alt(words) (longest word first; the empty word too), also where what
    follows backtracks."""
    rng = random.Random(27)
    for _ in range(300):
        words = {"".join(rng.choice("ab-.") for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 8))}
        tail = r"(?P<tail>[ab]{0,2})(?:-|\Z)"
        trie = engine.compile(f"(?:{N.word_trie(words)}){tail}")
        plain = engine.compile(f"(?:{N._alt(words)}){tail}")
        for _ in range(10):
            t = "".join(rng.choice("ab-. ") for _ in range(rng.randint(0, 14)))
            assert [_key(m) for m in trie.finditer(t)] == [_key(m) for m in plain.finditer(t)], (words, t)
            for p in range(len(t)):
                assert _key(trie.match(t, p)) == _key(plain.match(t, p)), (words, t, p)


_NUMBER_WORDS = N.NUMBER_WORDS | set(N.DOZEN_WORDS) | set(N.FRACTIONS)
_WORD_PIECES = [*sorted(_NUMBER_WORDS), *F._CORE_KEYS, "a", "an", "and", "of", "point", "firsts", "5", "12.5", "twice",
                "tens", "hundreds of", "in", "out of", "over", "per cent of", "thousands of"]


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
    "number words": (_NUMBER_WORDS, ["_CORE", "_DIGIT_RUN", "_DIGIT_RUN_TRIGGER", "_IN_N", "_OVER_N", "_PCT_OF"]),
    "core keys": (F._CORE_KEYS, ["_CORE_KEY_AT", "_CORE_KEY_AFTER"]),
}


@pytest.mark.parametrize("name", list(_FIG_TRIES))
def test_figure_patterns_with_word_tries(name: str) -> None:
    """Each pattern built with a word trie matches as the same pattern built with the sorted alternation."""
    words, pattern_names = _FIG_TRIES[name]
    trie, alternation = N.word_trie(words), N._alt(words)
    texts = _word_texts(28, 150)
    for pattern_name in pattern_names:
        new = getattr(F, pattern_name)
        assert trie in new.pattern, pattern_name
        engine = re if isinstance(new, re.Pattern) else regex
        old = engine.compile(new.pattern.replace(trie, alternation), new.flags)
        for t in texts:
            assert [_key(m) for m in new.finditer(t)] == [_key(m) for m in old.finditer(t)], (pattern_name, t)
            for p in range(len(t)):
                assert _key(new.match(t, p, p + AHEAD)) == _key(old.match(t, p, p + AHEAD)), (pattern_name, t, p)


def _plain_core_starts(sc: F._Scanner, t: int, floor: int, digit: bool) -> list[int]:
    """_Scanner._core_starts without its look at the character before the trigger and at the window for 'minus'."""
    text = sc.text
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
        lead = sc._lead_word(k, floor)
        if lead is not None and lead[1] in ("a", "an", "half"):
            k = lead[0]
            starts.append(k)
    lead = sc._lead_word(k, floor)
    if lead is not None and lead[1] in ("minus", "negative"):
        starts.append(lead[0])
    starts.reverse()
    return starts


class _Everything:
    """A table that holds every character and word: its guard lets every pattern run."""

    def __contains__(self, item: object) -> bool:
        return True


_ALL_FOLLOWS = frozenset({"scale", "cur", "minor", "pct", "age", "dur", "unit", "times", "in_n", "over"})
_ALL_PRECEDES = frozenset({"hedge", "min", "max", "age"})


def _unguard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch every guard of _Scanner off: each pattern is tried wherever the scanner would try it unguarded."""
    scanner = F._Scanner
    init = scanner.__init__

    def __init__(self: F._Scanner, text: str) -> None:
        init(self, text)
        self.plain = False  # as in a text with a look-alike letter: ordinals, rates before a number

    def match(pattern_name: str) -> Any:
        return lambda self, k: getattr(F, pattern_name).match(self.text, k, k + AHEAD)

    patches = {
        "__init__": __init__,
        "_may_start": lambda self, k, starts: True,
        "_follows": lambda self, k: _ALL_FOLLOWS,
        "_precedes": lambda self, k, b: _ALL_PRECEDES,
        "_currency_before": lambda self, s, back: F._PREFIX_CUR.search(self.text, max(0, s - back), s),
        "_phrase_before": lambda self, pattern, ends, a, b, k=None: pattern.search(self.text, a, b),
        "_whole_run": lambda self, t, te: False,
        "_may_exclude": lambda self, d, de: True,
        "_may_be_day": lambda self, de: True,
        "_core_triggers": _plain_core_triggers,
        "_core_starts": _plain_core_starts,
        **{method: match(pattern_name) for method, pattern_name in _FIG_WRAPPERS.items()},
    }
    for method, fn in patches.items():
        monkeypatch.setattr(scanner, method, fn)
    for table in ("_DATE_WORD_TAILS", "_RANGE_CONNECTORS"):
        monkeypatch.setattr(F, table, _Everything())
    monkeypatch.setattr(F, "generic_quantity", _plain_generic_quantity)


def test_figure_unknown_character_lets_every_check_run() -> None:
    """'' (a non-ASCII character, or any in a text with a look-alike letter) stands for every check, and the
    unguarded scan below tries every check there is."""
    assert F._FOLLOWS[""] == _ALL_FOLLOWS
    assert all(names <= _ALL_FOLLOWS for names in F._FOLLOWS.values())
    assert F._PRECEDES[""] == _ALL_PRECEDES


def test_figure_scan_as_unguarded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(U, "_unit_for", _fake_unit_for)
    texts = [*TEXTS, *_figure_texts(29, 1500, 24), *_figure_texts(30, 1500, 24, _FIG_LEXICON)]
    fast = [F.scan(t) for t in texts]
    assert sum(map(len, fast)) > 1.5 * len(texts)  # the texts are full of figures
    _unguard(monkeypatch)
    for t, got in zip(texts, fast, strict=True):
        assert got == F.scan(t), (t,)
