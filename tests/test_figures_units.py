"""The figure grammar's decisions one behaviour per row, in sentences of the kind policy texts use: the exact
value, unit, span, kind, hedge, bound, rate and link of each figure. Written to kill the mutants of the
grammar that the sentence tables of tests/test_figures.py left alive (docs/testing.md, "Figure grammar and
attribution"); each table says in words what it pins."""

from __future__ import annotations

from typing import Any

import pytest

from caresocial import extract


def figures(sentence: str) -> list[tuple[Any, ...]]:
    """(text, kind, value, unit) of every figure, in order."""
    return [(f.text, f.kind, f.value, f.unit) for f in extract(sentence).figures]


# ---------------------------------------------------------------------------------------------------------------
# dates (figures/dates.py): a month name is a month in lower case only when it is no English word as well; a
# month-first date without a year needs its capital; two-digit years up to 69 are this century; a day and a
# month number outside the calendar make no date
# ---------------------------------------------------------------------------------------------------------------
DATES = [
    # 'february' is only ever a month: in lower case too, day first or month first
    ("The consultation closes on 23 february 2024.", [("23 february 2024", "date", "2024-02-23", None)]),
    ("Applications close on 3 february.", [("3 february", "date", "--02-03", None)]),
    # month first, in lower case and with no year, it is no date (the day is read as a number)
    ("Applications open on february 3.", [("3", "count", 3.0, None)]),
    ("Applications open on February 3.", [("February 3", "date", "--02-03", None)]),
    # 'march' and 'may' are verbs too: in lower case, no month ('5 march' is a number; the year stands alone)
    ("Staff were told on march 5, 2023 that the unit would close.",
     [("5", "count", 5.0, None), ("2023", "year", 2023, None)]),
    ("The review opened on 23 march 2023.", [("23", "count", 23.0, None), ("2023", "year", 2023, None)]),
    ("The review opened on 23 March 2023.", [("23 March 2023", "date", "2023-03-23", None)]),
    # two-digit years: 69 and below are 20xx, 70 and above 19xx
    ("The scheme started on 01.04.95 and ran for years.", [("01.04.95", "date", "1995-04-01", None)]),
    ("The deed was signed on 12.03.70 by both parties.", [("12.03.70", "date", "1970-03-12", None)]),
    ("The lease runs until 12.03.69 at the latest.", [("12.03.69", "date", "2069-03-12", None)]),
    # day first unless only the month-first reading is a date; no thirteenth month
    ("The form dated 12/13/2022 was rejected.", [("12/13/2022", "date", "2022-12-13", None)]),
    ("The form dated 11/12/2022 was rejected.", [("11/12/2022", "date", "2022-12-11", None)]),
    ("The form dated 13/12/2022 was rejected.", [("13/12/2022", "date", "2022-12-13", None)]),
    ("The scheme opened on 01/01/2022 for bids.", [("01/01/2022", "date", "2022-01-01", None)]),
    ("The scheme closed on 31.12.85 after a review.", [("31.12.85", "date", "1985-12-31", None)]),
    ("The consultation opened on february 3, 2024 for bids.",
     [("february 3, 2024", "date", "2024-02-03", None)]),
    # a month glued to the word before it on a scraped page, a weekday left out, a full stop after an abbreviation,
    # 'of' between day, month and year
    ("Share this articleMarch 4, 2024 The council met.", [("March 4, 2024", "date", "2024-03-04", None)]),
    ("Posted byMay 23, 2023 The council met.", [("May 23, 2023", "date", "2023-05-23", None)]),
    ("The meeting on Monday, March 4, 2024 was cancelled.", [("March 4, 2024", "date", "2024-03-04", None)]),
    ("The meeting on Monday ,March 4 was cancelled.", [("March 4", "date", "--03-04", None)]),
    ("The letter of Sept. 12, 2023 was published.", [("Sept. 12, 2023", "date", "2023-09-12", None)]),
    ("It was signed in April of 1987 by both.", [("April of 1987", "date", "1987-04", None)]),
    ("The order of 4 of March 2020 stands.", [("4 of March 2020", "date", "2020-03-04", None)]),
    # a line wrapped (by a PDF) between the day and the month, with either line ending
    ("The register was closed on 31\nMarch 2023 by the council.", [("31\nMarch 2023", "date", "2023-03-31", None)]),
    ("The register was closed on 31\r\nMarch 2023 by the council.",
     [("31\r\nMarch 2023", "date", "2023-03-31", None)]),
    ("The form dated 5/6/22 was signed.", [("5/6/22", "date", "2022-06-05", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), DATES, ids=[s[:48] for s, _ in DATES])
def test_dates_written_in_lower_case_with_two_digit_years_or_in_either_order(sentence: str,
                                                                             expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", ["The form dated 13/13/2022 was rejected.",
                                      "The form dated 32/01/2022 was rejected.",
                                      "The form dated 00/01/2022 was rejected.",
                                      "The form dated 01/00/2022 was rejected."])
def test_no_date_outside_the_calendar(sentence: str) -> None:
    """A thirteenth month, a 32nd or a zeroth day or month is no date in either order (its numbers may still be
    read as numbers)."""
    assert [f for f in extract(sentence).figures if f.kind == "date"] == []


# ---------------------------------------------------------------------------------------------------------------
# ranges (figures/links.py): the low end of a range takes the high end's scale word only when its number is
# then below the high end ('between 2 and 3 million'); a currency on one end is the other's
# ---------------------------------------------------------------------------------------------------------------
RANGES = [
    ("Grants of between 2 and 3 million were paid.",
     [("2", "count", 2e6, None), ("3 million", "count", 3e6, None)]),
    ("Budgets of between 1,000 and 1,500 million pounds were set.",
     [("1,000", "money", 1e9, "GBP"), ("1,500 million pounds", "money", 1.5e9, "GBP")]),
    # the low end already above the high end's number: it keeps its value
    ("Between 950,000 and 1.1 million people are waiting.",
     [("950,000", "count", 950000.0, "people"), ("1.1 million", "count", 1.1e6, "people")]),
    # equal numbers: '£5' is five pounds, not a second £5m (a range has two different ends)
    ("Donations ranged between £5 and £5m.", [("£5", "money", 5.0, "GBP"), ("£5m", "money", 5e6, "GBP")]),
    # a currency on the high end makes the low end money ...
    ("Payments of between 400 and £600 were made.", [("400", "money", 400.0, "GBP"), ("£600", "money", 600.0, "GBP")]),
    # ... and on the low end the high end, with its scale when it has none
    ("Fees of £2m to 3 were quoted.", [("£2m", "money", 2e6, "GBP"), ("3", "money", 3e6, "GBP")]),
]


@pytest.mark.parametrize(("sentence", "expected"), RANGES, ids=[s[:48] for s, _ in RANGES])
def test_the_ends_of_a_range_share_scale_and_currency(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected
    low, high = extract(sentence).figures
    assert (low.link_type, low.link_role, high.link_role) == ("range", "low", "high")


def links(sentence: str) -> list[tuple[Any, ...]]:
    """(text, kind, value, unit, link type, link role) of every figure, in order."""
    return [(f.text, f.kind, f.value, f.unit, f.link_type, f.link_role) for f in extract(sentence).figures]


# ---------------------------------------------------------------------------------------------------------------
# links (figures/links.py): which neighbours are the ends of a range or a change, and what the ends share
# ---------------------------------------------------------------------------------------------------------------
LINKS = [
    # 'or' joins alternatives: never a range nor a change, with or without 'between'
    ("Two or three councils responded.",
     [("Two", "count", 2.0, None, None, None), ("three", "count", 3.0, "councils", None, None)]),
    # 'and' is a range only after 'between'
    ("Spending between 2019/20 and 2020/21 fell.",
     [("2019/20", "year", "2019/20", None, "range", "low"), ("2020/21", "year", "2020/21", None, "range", "high")]),
    ("In 2019/20 and 2020/21 spending fell.",
     [("2019/20", "year", "2019/20", None, None, None), ("2020/21", "year", "2020/21", None, None, None)]),
    # two financial years side by side are two years; two calendar years across a dash are a range of years
    ("Spending in 2019/20 – 2020/21 fell.",
     [("2019/20", "year", "2019/20", None, None, None), ("2020/21", "year", "2020/21", None, None, None)]),
    ("Records for 1950-2020 were lost.",
     [("1950", "year", 1950, None, "range", "low"), ("2020", "year", 2020, None, "range", "high")]),
    # 'from ... to' is a change, also between financial years
    ("Spending from 2019/20 to 2020/21 fell.",
     [("2019/20", "year", "2019/20", None, "change", "from"), ("2020/21", "year", "2020/21", None, "change", "to")]),
    # a bare number at one end takes the other end's unit: kilograms, days, years of age, years
    ("Between 2 and 3 kg of waste per household was collected.",
     [("2", "quantity", 2.0, "kilograms", "range", "low"), ("3 kg", "quantity", 3.0, "kilograms", "range", "high")]),
    ("Waits of between 10 days and 14 were reported.",
     [("10 days", "duration", 10.0, "days", "range", "low"), ("14", "duration", 14.0, "days", "range", "high")]),
    ("The work will take 3 to 5 years.",
     [("3", "duration", 3.0, "years", "range", "low"), ("5 years", "duration", 5.0, "years", "range", "high")]),
    ("Children aged 5 to 30 were included.",
     [("5", "quantity", 5.0, "years of age", "range", "low"),
      ("30", "quantity", 30.0, "years of age", "range", "high")]),
    # a percentage at the high end makes the low end a percentage
    ("Between 10 and 15% of staff left.",
     [("10", "percent", 10.0, "%", "range", "low"), ("15%", "percent", 15.0, "%", "range", "high")]),
]


@pytest.mark.parametrize(("sentence", "expected"), LINKS, ids=[s[:48] for s, _ in LINKS])
def test_links_between_neighbouring_figures(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert links(sentence) == expected


RATES = [
    # 'annual' before an amount of money makes it a yearly amount; before a percentage it names the measure
    ("Annual spending of £2bn was agreed.", "£2bn", "year"),
    ("Annual inflation rose to 3.2%.", "3.2%", None),
    ("Carers were paid £9 an hour.", "£9", "hour"),
    ("Staff earned £30,000 a year.", "£30,000", "year"),
    # 'a year' followed by 'earlier' or 'ago' is a time, not a rate
    ("Staff earned £28,000 a year earlier.", "£28,000", None),
    ("About 30,000 more children a year enter care.", "30,000", "year"),
]


@pytest.mark.parametrize(("sentence", "figure", "rate"), RATES, ids=[s[:48] for s, _, _ in RATES])
def test_the_rate_of_a_figure(sentence: str, figure: str, rate: str | None) -> None:
    assert [(f.text, f.rate) for f in extract(sentence).figures] == [(figure, rate)]


QUANTITIES = [
    # a unit symbol after the number, after a space, a no-break space or nothing; 'm' with a power is metres
    ("The dose was 5 mg.", [("5 mg", "quantity", 5.0, "milligram")]),
    ("The dose was 5\u00a0mg.", [("5\u00a0mg", "quantity", 5.0, "milligram")]),
    ("The dose was 5 µg per day.", [("5 µg", "quantity", 5.0, "microgram")]),
    ("The engine is 400 kW.", [("400 kW", "quantity", 400.0, "kilowatt")]),
    ("The flat is 45 m² in size.", [("45 m²", "quantity", 45.0, "square metre")]),
    ("Each tank holds 3 m³ of water.", [("3 m³", "quantity", 3.0, "cubic metre")]),
    # ... and without a power it is a million
    ("The fund is worth £45m.", [("£45m", "money", 45e6, "GBP")]),
]


@pytest.mark.parametrize(("sentence", "expected"), QUANTITIES, ids=[s[:48] for s, _ in QUANTITIES])
def test_quantities_with_a_unit_symbol(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


MODIFIERS = [
    # (sentence, figure, approx, bound, rate): a year or a date takes no hedge, bound or rate
    ("Under 1 April 2023 rules, carers were paid less.", "1 April 2023", False, None, None),
    ("Prices rose 2% a year.", "2%", False, None, "year"),
    ("Each household throws away 3 kg a week.", "3 kg", False, None, "week"),
    ("It took almost 10 years.", "10 years", True, None, None),
    # a hedged duration takes no bound: 'just under' is 'about', not 'at most'
    ("It took just under 10 years.", "10 years", True, None, None),
    ("Up to 10 years may pass.", "10 years", False, "max", None),
]


@pytest.mark.parametrize(("sentence", "figure", "approx", "bound", "rate"), MODIFIERS,
                         ids=[s[:48] for s, *_ in MODIFIERS])
def test_hedge_bound_and_rate(sentence: str, figure: str, approx: bool, bound: str | None, rate: str | None) -> None:
    assert [(f.text, f.approx, f.bound, f.rate) for f in extract(sentence).figures] == [(figure, approx, bound, rate)]
