"""Time phrases that anchor claims (extraction/times.py): relation, how the year is found, periods."""

from __future__ import annotations

import pytest

from caresocial.extraction.times import find_times, last_year_before, shift_year, year_value

# sentence, [(phrase, relation, mode, year written, offset, span, first year)]
CASES = [
    ("The number of children in care could reach 100,000 by 2032.", [("by 2032", "by", "abs", 2032, 0, 0, None)]),
    ("Spending fell in 2023/24.", [("in 2023/24", "at", "abs", "2023/24", 0, 0, None)]),
    ("Demand will double in 10 years' time.", [("in 10 years' time", "by", "rel", None, 10, 10, None)]),
    # a period ending now: the offset is 0 and the length is kept apart (never a year of -10)
    ("Over the last decade, spending has fallen.", [("Over the last decade", "over", "rel", None, 0, 10, None)]),
    ("It costs £2.6bn as part of a five year reform programme.",
     [("as part of a five year reform programme", "over", "rel", None, 5, 5, None)]),
    ("The rate was 4.1%, up from 3.9% a year earlier.", [("a year earlier", "at", "that", None, -1, 0, None)]),
    ("There are now 83,840 looked after children.", [("now", "at", "rel", None, 0, 0, None)]),
    ("Councils spend £5m a year on it.", [("a year", "per", "rate", None, 0, 0, None)]),
    ("Councils spent £1.2bn, the LGA said.", []),
    ("There were 82,170 children in care on 31 March 2022.", [("on 31 March 2022", "at", "abs", 2022, 0, 0, None)]),
    ("As at 31 March 2023, 83,840 children were looked after.",
     [("As at 31 March 2023", "at", "abs", 2023, 0, 0, None)]),
    ("The number went up by 140% between 2015 and 2024.",
     [("between 2015 and 2024", "over", "abs", 2024, 0, 9, 2015)]),
    ("Since 2015-16, spending has risen from £8.9bn to £11.3bn.",
     [("Since 2015-16", "over", "rel", None, 0, 0, "2015/16")]),
    # the year to March or April is a financial year
    ("In the year to April 2024, 4.45 million children were poor.",
     [("In the year to April 2024", "at", "abs", "2023/24", 0, 1, None)]),
    ("Budgets were up 58% over a decade to 2024-25.", [("over a decade to 2024-25", "over", "abs", "2024/25", 0, 0,
                                                        None)]),
    ("Numbers will reach 4.8m by the time this Parliament ends in 2029-30.",
     [("by the time this Parliament ends in 2029-30", "by", "abs", "2029/30", 0, 0, None)]),
    ("10,000 more children will be in care before this decade is out.",
     [("before this decade is out", "by", "decade", None, 0, 0, None)]),
    ("The cap was due to take effect in October next year.",
     [("in October next year", "at", "rel", None, 1, 0, None)]),
    ("Deficits may soon reach £5bn.", [("soon", "by", "open", None, 0, 0, None)]),
    ("Reforms will save £4bn by 2029/2030.", [("by 2029/2030", "by", "abs", "2029/30", 0, 0, None)]),
    ("30,000 children were pulled into poverty since Labour came to power.",
     [("since Labour came to power", "over", "rel", None, 0, 0, None)]),
    # a year that names a noun is not a time: 'this year's Budget'
    ("The measure in this year's Budget lifts 450,000 children out of poverty.", []),
    # a period written as two years, and a pair of years that follow each other (a financial year)
    ("The levy raised £36bn over the period 2022-2025.",
     [("over the period 2022-2025", "over", "abs", 2025, 0, 3, 2022)]),
    ("Councils receive £5.4bn between 2022-2025.", [("between 2022-2025", "over", "abs", 2025, 0, 3, 2022)]),
    ("Spending rose during 2023-2024.", [("during 2023-2024", "at", "abs", "2023/24", 0, 0, None)]),
    # 'over three years': ahead of a statement, or up to one in the past (the tense decides; see test_claims)
    ("The fund will pay out £3bn over three years.", [("over three years", "over", "rel", None, 3, 3, None)]),
    # 'last December', 'next March': the nearest such month before or after the reference date
    ("A survey published last December found that 70% were unsure.",
     [("last December", "at", "lastmon", None, 0, 0, None)]),
    ("Over the last 24 hours, 300 people replied.", [("Over the last 24 hours", "over", "rel", None, 0, 1, None)]),
    # a season with its year is a time like a month ('autumn 2024'); 'last spring' like 'last December'
    ("Homeless families numbered 2,300 in spring 2023.", [("in spring 2023", "at", "abs", 2023, 0, 0, None)]),
    ("The review was put back until autumn 2026.", [("until autumn 2026", "to", "abs", 2026, 0, 0, None)]),
    ("Some 900 rangers were hired last spring.", [("last spring", "at", "lastmon", None, 0, 0, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[s[:50] for s, _ in CASES])
def test_time_phrases(sentence: str, expected: list[tuple]) -> None:
    got = find_times(sentence, 0, len(sentence))
    assert [(t.text, t.relation, t.mode, t.year, t.offset, t.span, t.start_year) for t in got] == expected
    for t in got:
        assert sentence[t.start:t.end] == t.text


@pytest.mark.parametrize(("phrase", "reference", "month", "year"), [
    ("last December", 2023, 2, 2022),     # February 2023: the December before
    ("last March", 2023, 6, 2023),        # June 2023: March of the same year
    ("next March", 2023, 6, 2024),
    ("next March", 2023, 2, 2023),
    ("last December", 2023, None, 2022),  # no month known: a year back
    ("last autumn", 2025, 3, 2024),       # March 2025: the autumn before
    ("last summer", 2025, 9, 2025),
])
def test_named_months_resolve_against_the_reference_month(phrase: str, reference: int, month: int | None,
                                                         year: int) -> None:
    (t,) = find_times(phrase, 0, len(phrase))
    assert t.resolve(reference, None, None, month) == year


@pytest.mark.parametrize(("phrase", "reference", "month", "year"), [
    ("this year", 2024, 10, "2024/25"),   # October 2024: the financial year 2024/25
    ("next year", 2024, 10, "2025/26"),
    ("next year", 2025, 2, "2025/26"),    # February 2025 is still in 2024/25
    ("this year", 2024, None, 2024),      # no financial context: the calendar year
    ("last year", 2024, 10, 2023),        # only 'this'/'next year' become financial years
    ("in five years", 2024, None, 2029),
    ("before this decade is out", 2024, None, 2030),
])
def test_relative_years_resolve_against_the_reference(phrase: str, reference: int, month: int | None,
                                                       year: object) -> None:
    (t,) = find_times(phrase, 0, len(phrase))
    assert t.resolve(reference, None, month) == year


def test_the_year_before_reads_the_last_year_written() -> None:
    text = "In 2019 there were 7,600 vacancies, 900 more than the year before."
    t = next(t for t in find_times(text, 0, len(text)) if t.mode == "that")
    assert t.resolve(2020, last_year_before(text, t.start, 0)) == 2018
    assert t.resolve(2020, None) == 2019  # nothing written before: against the reference year


def test_find_times_within_span_only() -> None:
    text = "By 2030 it grows. In 2032 it peaks."
    got = find_times(text, 18, len(text))
    assert [(t.text, t.year) for t in got] == [("In 2032", 2032)]


def test_a_time_word_added_through_configuration_is_read() -> None:
    from caresocial.lexicons import lexicons

    text = "Numbers will rise shortly, to 90,000."
    assert find_times(text, 0, len(text)) == []
    lex = lexicons({"time_words": ["shortly | open"]})
    assert [t.text for t in find_times(text, 0, len(text), lex)] == ["shortly"]


def test_years() -> None:
    assert year_value("2024") == 2024
    assert year_value("2024-25") == "2024/25"
    assert year_value("2029/2030") == "2029/30"
    assert shift_year(2024, -1) == 2023
    assert shift_year("2024/25", 2) == "2026/27"
    assert shift_year("nonsense", 1) is None
