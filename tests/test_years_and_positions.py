"""How a financial year is written and where a claim is: plain tables for two bugs of issue #22 that only a
property test used to notice.

- A financial year keeps two digits for its second year: '2008-09' is '2008/09', never '2008/9', whether it is a
  figure of its own, the time of a claim, or a year reached by counting back ('the year before').
- A claim's column is counted from the start of its own line (1-based), on every line, not only the first.
"""

from __future__ import annotations

from datetime import date

import pytest

from caresocial import extract
from caresocial.extraction.times import find_times, shift_year

FINANCIAL_YEARS = [
    # (sentence, the financial years among its figures, as normalised)
    ("Councils spent £1.2bn on home care in 2008-09.", ["2008/09"]),
    ("The settlement for 2009/10 was the last before the cuts.", ["2009/10"]),
    ("Reserves fell between 2000-01 and 2005-06.", ["2000/01", "2005/06"]),
    ("The fund closed in FY2007/08.", ["2007/08"]),
    ("Budgets for 1999-00 were frozen.", ["1999/00"]),
    ("Spending in 2010/11 rose by 4%.", ["2010/11"]),
    # two financial years joined by a dash are two years (not the year 2019, and counts of 20 and 22)
    ("The plan covers 2019/20-2021/22.", ["2019/20", "2021/22"]),
    ("The plan covers 2008-09–2010-11 in full.", ["2008/09", "2010/11"]),
]


@pytest.mark.parametrize(("sentence", "years"), FINANCIAL_YEARS, ids=[s[:40] for s, _ in FINANCIAL_YEARS])
def test_a_financial_year_figure_keeps_two_digits(sentence: str, years: list[str]) -> None:
    assert [f.value for f in extract(sentence).figures if f.kind == "year"] == years


@pytest.mark.parametrize(("year", "offset", "moved"), [
    ("2007/08", 1, "2008/09"),   # the second year gains a leading zero
    ("2010/11", -2, "2008/09"),
    ("2008/09", 1, "2009/10"),
    ("1998/99", 1, "1999/00"),   # a century turns: '00', not '0'
    ("2024/25", 2, "2026/27"),
    (2009, -1, 2008),            # a calendar year stays a number
])
def test_a_financial_year_moved_by_whole_years_keeps_two_digits(year: int | str, offset: int,
                                                                 moved: int | str) -> None:
    assert shift_year(year, offset) == moved


def test_a_time_phrase_keeps_the_financial_year_as_written() -> None:
    text = "Spending fell in 2008/09 and again in 2009-10."
    assert [t.year for t in find_times(text, 0, len(text))] == ["2008/09", "2009/10"]


def test_a_claim_dated_the_year_before_a_financial_year_keeps_two_digits() -> None:
    doc = extract("Councils spent £1.4bn in 2009/10. The year before, they spent £1.2bn.", date=date(2011, 1, 1))
    assert [(c.value, c.time.year) for c in doc.claims] == [(1.4e9, "2009/10"), (1.2e9, "2008/09")]


TEXT = ("Councils spent £1.2bn in 2022.\n"
        "In 2023 they spent £1.4bn, and 2,000 staff left.\n"
        "\n"
        "  Around 40% of carers said so.\n"
        "Over 300 homes closed.")

POSITIONS = [
    # (figure as written, line, 1-based column on that line)
    ("£1.2bn", 1, 16),
    ("£1.4bn", 2, 20),
    ("2,000", 2, 32),
    ("40%", 4, 10),
    ("300", 5, 6),
]


def test_a_claims_column_counts_from_the_start_of_its_own_line() -> None:
    doc = extract(TEXT)
    got = [(TEXT[c.start:c.end], c.line, c.column) for c in doc.claims]
    assert got == POSITIONS
    for c in doc.claims:  # the same column, counted by hand from the last line break before the figure
        assert c.column == c.start - (TEXT.rfind("\n", 0, c.start) + 1) + 1


YEAR_OR_COUNT = [
    # (sentence, (text, kind, value) of its figures): a number from 1800 to 2100 before a plural noun counts it,
    # unless a word of time before it makes it a year; a year after a fraction word is a year
    ("About 1900 children were waiting for a place.", [("1900", "count", 1900.0)]),
    ("There were 2000 people at the meeting.", [("2000", "count", 2000.0)]),
    ("In 2023 councils spent more than they raised.", [("2023", "year", 2023)]),
    ("Since 2010 councils have lost 40% of their funding.", [("2010", "year", 2010), ("40%", "percent", 40.0)]),
    ("The council's Vision 2030 sets out its plans.", []),  # part of a name
    ("Vision 2030 sets out the council's plans.", []),  # also opening a sentence
    ("Some 1900 children were waiting.", [("1900", "count", 1900.0)]),  # a hedge is no name
    # after a determiner, a number that is no round hundred is the year of what follows
    ("The 2025 reforms were delayed.", [("2025", "year", 2025)]),
    ("The 2023 data show a rise.", [("2023", "year", 2023)]),
    ("The 2000 people who replied were mostly carers.", [("2000", "count", 2000.0)]),
    ("Breakdowns rose by 22% in the first quarter of 2024, to 8,098.",
     [("22%", "percent", 22.0), ("2024", "year", 2024), ("8,098", "count", 8098.0)]),
    ("At the end of 2022 councils held £5bn in reserves.",
     [("2022", "year", 2022), ("£5bn", "money", 5000000000.0)]),
    ("In the latter half of 2022 prices rose.", [("2022", "year", 2022)]),  # a part of a period: no share
    ("Output fell in the first half of 2023.", [("2023", "year", 2023)]),
    ("Sales rose in the final quarter of the year.", []),
    ("A total of 2000 people replied.", [("2000", "count", 2000.0)]),
    ("Half of 2000 councils replied.", [("Half", "percent", 50.0), ("2000", "count", 2000.0)]),
    # a number in digits after a fraction word keeps its thousands
    ("Half of 2,000 councils said they would miss the deadline.",
     [("Half", "percent", 50.0), ("2,000", "count", 2000.0)]),
    ("A quarter of 12,500 homes failed the standard.", [("A quarter", "percent", 25.0), ("12,500", "count", 12500.0)]),
    ("Two thirds of 1.5 million claimants were women.",
     [("Two thirds", "percent", 66.67), ("1.5 million", "count", 1500000.0)]),
]


@pytest.mark.parametrize(("sentence", "figures"), YEAR_OR_COUNT, ids=[s[:40] for s, _ in YEAR_OR_COUNT])
def test_a_year_or_a_count(sentence: str, figures: list[tuple[str, str, float]]) -> None:
    assert [(f.text, f.kind, f.value) for f in extract(sentence).figures] == figures


# A day and month without a year ('6 April') is a date of no year ('--04-06') until the document's year is known;
# `scan(text, year=...)` gives it that year and leaves every other figure as it was.
PARTIAL_DATES = [
    # (sentence, the dates without a year, the dates with the year 2025, whether any date lacks its year)
    ("The consultation closes on 6 April.", ["--04-06"], ["2025-04-06"], True),
    ("Payments start on 1 October, and 12 March is the deadline.", ["--10-01", "--03-12"],
     ["2025-10-01", "2025-03-12"], True),
    ("It closed on 6 April 2024 and reopens in May 2026.", ["2024-04-06", "2026-05"], ["2024-04-06", "2026-05"], False),
    ("Some 4,000 families applied in 2023.", [], [], False),
]


@pytest.mark.parametrize(("sentence", "bare", "dated", "partial"), PARTIAL_DATES,
                         ids=[r[0][:40] for r in PARTIAL_DATES])
def test_a_date_without_a_year_takes_the_documents_year(sentence: str, bare: list[str], dated: list[str],
                                                        partial: bool) -> None:
    from caresocial.extraction.figures.grammar import has_partial_dates, scan

    figs = scan(sentence)
    assert [f.value for f in figs if f.kind == "date"] == bare
    assert has_partial_dates(figs) is partial
    with_year = scan(sentence, year=2025)
    assert [f.value for f in with_year if f.kind == "date"] == dated
    assert [(f.kind, f.start, f.end) for f in with_year] == [(f.kind, f.start, f.end) for f in figs]
    assert [f.value for f in with_year if f.kind != "date"] == [f.value for f in figs if f.kind != "date"]
    assert has_partial_dates(with_year) is False
