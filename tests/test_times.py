"""Time phrases that anchor claims (grammar/times.py): relations, modes and resolution, and the anchor windows
that keep ``find_times`` cheap giving the same phrases as a scan of the whole span."""

from __future__ import annotations

import pytest

from caresocial.extraction import times as T
from caresocial.extraction.times import find_times, shift_year

CASES = [
    ("The number of children in care could reach 100,000 by 2032.", [("by 2032", "by", "abs", 2032)]),
    ("Spending fell in 2023/24.", [("in 2023/24", "at", "abs", "2023/24")]),
    ("Demand will double in 10 years' time.", [("in 10 years' time", "by", "fwd", None)]),
    ("Over the last decade, spending has fallen.", [("Over the last decade", "over", "now", -10)]),
    ("It costs £2.6bn as part of a five year reform programme.",
     [("as part of a five year reform programme", "over", "fwd", None)]),
    ("The rate was 4.1%, up from 3.9% a year earlier.", [("a year earlier", "at", "that", None)]),
    ("There are now 83,840 looked after children.", [("now", "at", "now", None)]),
    ("Councils spend £5m a year on it.", [("a year", "per", "rate", None)]),
    ("Councils spent £1.2bn, the LGA said.", []),
    ("There were 82,170 children in care on 31 March 2022.", [("on 31 March 2022", "at", "abs", 2022)]),
    ("As at 31 March 2023, 83,840 children were looked after.", [("As at 31 March 2023", "at", "abs", 2023)]),
    ("Reserves stood at £2.1bn as of March 2024.", [("as of March 2024", "at", "abs", 2024)]),
    ("The survey closed on May 23, 2022.", [("on May 23, 2022", "at", "abs", 2022)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[s[:50] for s, _ in CASES])
def test_time_phrases(sentence: str, expected: list[tuple[str, str, str, object]]) -> None:
    got = find_times(sentence, 0, len(sentence))
    assert [(t.text, t.relation, t.mode, t.year) for t in got] == expected
    for t in got:
        assert sentence[t.start:t.end] == t.text


def test_windows_find_what_a_full_scan_finds() -> None:
    text = " ".join(s for s, _ in CASES) * 3 + " Since 2010 costs rose; in the next five years they will rise. " + \
        "The twelve months before, and that year, spending was flat. Between 2019 and 2021 it fell. " * 2
    full = [m.span() for m in T._COMPILED.get().finditer(text, 0, len(text))]
    windowed = [m.span() for m in T._matches(text, 0, len(text))]
    assert windowed == full
    assert [(t.start, t.end) for t in find_times(text, 0, len(text))] == full


def test_first_words_find_what_the_windows_find() -> None:
    """Trying the patterns only at the words they can start with finds what the scan of each window finds."""
    import random

    rng = random.Random(8)
    pieces = ("by the end of financial year years until to since from between and in during for of at as on within "
              "next coming over last past decade months ago a one five seventeen 3 10 100 1000 2024 2023/24 2019-20 "
              "31st March May 23, part an five-year reform programme this today now currently present so far that "
              "same each per annum annually twelve earlier before ſince İn BY NOW Year ’s time _by by_ 5th é").split()
    seps = [" ", " ", "", "-", ", ", ".", "\n"]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(0, 30)))
        a = rng.randint(0, len(t) // 3)
        b = rng.choice([len(t), rng.randint(a, len(t))])
        scanned = [m.span() for w in T._windows(t, a, b) for m in T._COMPILED.get().finditer(t, *w)]
        assert [m.span() for m in T._matches(t, a, b)] == scanned, (t[a:b],)


def test_find_times_within_span_only() -> None:
    text = "By 2030 it grows. In 2032 it peaks."
    got = find_times(text, 18, len(text))
    assert [(t.text, t.year) for t in got] == [("In 2032", 2032)]


def test_shift_year() -> None:
    assert shift_year(2024, -1) == 2023
    assert shift_year("2024/25", 2) == "2026/27"
    assert shift_year("nonsense", 1) is None
