"""The figure grammar's decisions one behaviour per row, in sentences of the kind policy texts use: the exact
value, unit, span, kind, hedge, bound, rate and link of each figure. Written to kill the mutants of the
grammar that the sentence tables of tests/test_figures.py left alive (docs/testing.md, "Figure grammar and
attribution"); each table says in words what it pins."""

from __future__ import annotations

from typing import Any

import pytest

from caresocial import extract
from caresocial.extraction.figures.units import generic_quantity


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


def rounded_figures(sentence: str) -> list[tuple[Any, ...]]:
    """(text, kind, value, unit) of every figure, in order, with values rounded to 6 places."""
    return [(f.text, f.kind, round(f.value, 6) if isinstance(f.value, float) else f.value, f.unit)
            for f in extract(sentence).figures]


# ===============================================================================================================
# numbers written in words and digits (figures/numbers.py)
# ===============================================================================================================
# ---------------------------------------------------------------------------------------------------------------
# scale words: a scale multiplies everything read since the last scale ('twenty million', 'three hundred and twelve
# thousand'); a scale after a scale multiplies the total ('a thousand million'); a smaller group after a larger
# scale adds to it ('two million three hundred thousand')
# ---------------------------------------------------------------------------------------------------------------
SCALES = [
    ("The council will spend twenty million pounds on roads.",
     [("twenty million pounds", "money", 20_000_000.0, "GBP")]),  # a tens word before a scale
    ("Fifteen million people live in poverty.", [("Fifteen million", "count", 15_000_000.0, "people")]),  # a teen
    ("The fund holds a thousand million pounds.", [("a thousand million pounds", "money", 1e9, "GBP")]),
    ("The fund holds two thousand five hundred million pounds.",
     [("two thousand five hundred million pounds", "money", 2.5e9, "GBP")]),  # (2,000 + 500) million
    ("Eleven thousand million pounds was spent.", [("Eleven thousand million pounds", "money", 1.1e10, "GBP")]),
    ("Three hundred thousand million pounds was spent.",
     [("Three hundred thousand million pounds", "money", 3e11, "GBP")]),
    ("Twenty-one thousand nurses left the service.", [("Twenty-one thousand", "count", 21_000.0, "nurses")]),
    ("The trust employs two thousand three hundred and forty staff.",
     [("two thousand three hundred and forty", "count", 2_340.0, "staff")]),
    ("Three hundred and twelve thousand people claim the benefit.",
     [("Three hundred and twelve thousand", "count", 312_000.0, "people")]),
    ("Two million three hundred thousand pounds was saved.",
     [("Two million three hundred thousand pounds", "money", 2_300_000.0, "GBP")]),
    ("The region has one million two hundred thousand residents.",
     [("one million two hundred thousand", "count", 1_200_000.0, "residents")]),
    ("About six hundred million pounds was lost.", [("six hundred million pounds", "money", 6e8, "GBP")]),
    ("A hundred thousand pounds was spent.", [("A hundred thousand pounds", "money", 100_000.0, "GBP")]),
    # digits before number words
    ("The trust cut 4 thousand 3 hundred beds.", [("4 thousand 3 hundred", "count", 4_300.0, "beds")]),
    ("The trust cut 3 hundred and 21 beds.", [("3 hundred and 21", "count", 321.0, "beds")]),
    ("The trust cut 2.5 thousand beds.", [("2.5 thousand", "count", 2_500.0, "beds")]),
    ("The trust cut 3 dozen beds.", [("3 dozen", "count", 36.0, "beds")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SCALES, ids=[s[:48] for s, _ in SCALES])
def test_scale_words_multiply_what_comes_before_them(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rounded_figures(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# hundreds and 'and': 'nineteen hundred' is 1,900; 'and' joins a hundred or a scale to what follows ('one thousand
# and one'), never two small numbers ('three and four councils' is two figures)
# ---------------------------------------------------------------------------------------------------------------
HUNDREDS = [
    ("Nineteen hundred staff were trained.", [("Nineteen hundred", "count", 1_900.0, "staff")]),
    ("Twelve hundred and fifty homes were built.", [("Twelve hundred and fifty", "count", 1_250.0, "homes")]),
    ("Nine hundred and ninety-nine beds were cut.", [("Nine hundred and ninety-nine", "count", 999.0, "beds")]),
    ("A hundred and twenty schools closed.", [("A hundred and twenty", "count", 120.0, "schools")]),
    ("A thousand and ten beds were cut.", [("A thousand and ten", "count", 1_010.0, "beds")]),
    ("Twenty one councils objected.", [("Twenty one", "count", 21.0, "councils")]),
    ("Ten councils objected.", [("Ten", "count", 10.0, "councils")]),
    # a tens word after a number starts a new one ('two forty-hour weeks'); a dozen multiplies a tens or teen word
    ("Staff worked two forty-hour weeks.",
     [("two", "count", 2.0, "forty-hour weeks"), ("forty-hour", "duration", 40.0, "hours")]),
    ("The council bought three twenty-seat buses.", [("three", "count", 3.0, "twenty-seat buses")]),
    ("The charity gave out twenty dozen blankets.", [("twenty dozen", "count", 240.0, "blankets")]),
    ("The charity gave out fifteen dozen blankets.", [("fifteen dozen", "count", 180.0, "blankets")]),
    ("Thirteen councils objected.", [("Thirteen", "count", 13.0, "councils")]),
    ("Three and four councils objected.", [("Three", "count", 3.0, None), ("four", "count", 4.0, "councils")]),
    ("Sixty and seventy councils objected.", [("Sixty", "count", 60.0, None), ("seventy", "count", 70.0, "councils")]),
    ("Between two and three million people are affected.",
     [("two", "count", 2.0, "people"), ("three million", "count", 3_000_000.0, "people")]),
    ("The trust cut twenty 5 beds.", [("twenty", "count", 20.0, None), ("5", "count", 5.0, "beds")]),
    ("Fourteen hundred staff left.", [("Fourteen hundred", "count", 1_400.0, "staff")]),
    ("Twenty-five hundred staff left.", [("Twenty-five hundred", "count", 2_500.0, "staff")]),
    ("Two thousand and twelve staff left.", [("Two thousand and twelve", "count", 2_012.0, "staff")]),
    ("One thousand five hundred and twenty staff left.",
     [("One thousand five hundred and twenty", "count", 1_520.0, "staff")]),
    ("One million and five hundred thousand pounds was raised.",
     [("One million and five hundred thousand pounds", "money", 1_500_000.0, "GBP")]),
    # hundreds after 'and' that reach the number before it start a second number
    ("Between a thousand and twelve hundred staff left.",
     [("a thousand", "count", 1_000.0, "staff"), ("twelve hundred", "count", 1_200.0, "staff")]),
    ("Between one hundred and fifteen hundred staff left.",
     [("one hundred", "count", 100.0, "staff"), ("fifteen hundred", "count", 1_500.0, "staff")]),
]


@pytest.mark.parametrize(("sentence", "expected"), HUNDREDS, ids=[s[:48] for s, _ in HUNDREDS])
def test_hundreds_and_the_word_and(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rounded_figures(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# decimals in words: 'point' reads the digit words after it as decimals, and a scale may follow them ('three point
# five million pounds' is £3.5m, not 3.5 of something called 'million pounds')
# ---------------------------------------------------------------------------------------------------------------
DECIMALS = [
    ("The programme costs three point five million pounds.",
     [("three point five million pounds", "money", 3_500_000.0, "GBP")]),
    ("Around one point two five million people are carers.",
     [("one point two five million", "count", 1_250_000.0, "people")]),
    ("Six point seven five billion pounds was spent.",
     [("Six point seven five billion pounds", "money", 6.75e9, "GBP")]),
    ("The fund fell by two point five per cent.", [("two point five per cent", "percent", 2.5, "%")]),
    ("Some three point zero five per cent of staff left.", [("three point zero five per cent", "percent", 3.05, "%")]),
    ("Some zero point five per cent of staff left.", [("zero point five per cent", "percent", 0.5, "%")]),
    ("Scores rose from four point two to four point six.",
     [("four point two", "count", 4.2, None), ("four point six", "count", 4.6, None)]),
    ("The score was seven point twenty-five on average.", [("seven point twenty-five", "count", 7.25, None)]),
    ("The score was seven point fifty on average.", [("seven point fifty", "count", 7.5, None)]),
    ("The score was seven point twelve on average.", [("seven point twelve", "count", 7.12, None)]),
    ("The score was seven point twenty-one on average.", [("seven point twenty-one", "count", 7.21, None)]),
    ("Turnover was twenty point five per cent.", [("twenty point five per cent", "percent", 20.5, "%")]),
    ("Turnover was fifteen point five per cent.", [("fifteen point five per cent", "percent", 15.5, "%")]),
    ("The index stood at one hundred point five.", [("one hundred point five", "count", 100.5, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), DECIMALS, ids=[s[:48] for s, _ in DECIMALS])
def test_decimals_written_with_point(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rounded_figures(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# fractions in words: a share ('nine tenths', 'an eighth') is a percent; a whole number and a proper fraction add
# ('one and a half million', 'twenty and three fifths hours'); a fraction before a scale scales it ('two thirds of a
# million pounds'); a compound denominator is the longest tail that composes with the ordinal ('two one hundred
# twenty-fifths' is 2/125); an ordinal after a number other than one is a rank, not a share
# ---------------------------------------------------------------------------------------------------------------
FRACTIONS = [
    ("Nine tenths of councils agreed.", [("Nine tenths", "percent", 90.0, "%")]),
    ("One fifth of councils agreed.", [("One fifth", "percent", 20.0, "%")]),
    ("An eighth of councils agreed.", [("An eighth", "percent", 12.5, "%")]),
    ("Twenty three fiftieths of staff agreed.", [("Twenty three fiftieths", "percent", 46.0, "%")]),
    ("Ninety-five hundredths of the land is farmed.", [("Ninety-five hundredths", "percent", 95.0, "%")]),
    ("One and a half million people are carers.", [("One and a half million", "count", 1_500_000.0, "people")]),
    ("Two and a half thousand staff left.", [("Two and a half thousand", "count", 2_500.0, "staff")]),
    ("The deficit is two billion and a half.", [("two billion and a half", "count", 2.5e9, None)]),
    ("The deficit is one million and a quarter.", [("one million and a quarter", "count", 1_250_000.0, None)]),
    ("One billion and a quarter million pounds was allocated.",
     [("One billion and a quarter million pounds", "money", 1_000_250_000.0, "GBP")]),
    ("Waits of one and one half hours were reported.", [("one and one half hours", "duration", 1.5, "hours")]),
    ("One hundred and a half beds were cut.", [("One hundred and a half", "count", 100.5, "beds")]),
    ("Twenty and three fifths hours were lost.", [("Twenty and three fifths hours", "duration", 20.6, "hours")]),
    ("Two and three quarters per cent of staff left.",
     [("Two and three quarters per cent", "percent", 2.75, "%")]),
    ("A dozen and a half councils objected.", [("A dozen and a half", "count", 18.0, "councils")]),  # 12 + 6
    ("Some 3 and a half million people are carers.", [("3 and a half million", "count", 3_500_000.0, "people")]),
    ("One and an eighth million pounds was spent.",
     [("One and an eighth million pounds", "money", 1_125_000.0, "GBP")]),
    ("Waits of twenty and three quarters hours were reported.",
     [("twenty and three quarters hours", "duration", 20.75, "hours")]),
    ("The project took one and twenty-one fiftieths years.",
     [("one and twenty-one fiftieths years", "duration", 1.42, "years")]),
    ("Fifteen and a half per cent of staff left.", [("Fifteen and a half per cent", "percent", 15.5, "%")]),
    ("Some half million people are carers.", [("half million", "count", 500_000.0, "people")]),
    ("Eleven twelfths of the year had passed.", [("Eleven twelfths", "percent", 91.67, "%")]),
    ("Twenty fiftieths of staff agreed.", [("Twenty fiftieths", "percent", 40.0, "%")]),
    ("A twentieth of councils agreed.", [("A twentieth", "percent", 5.0, "%")]),
    ("Half a million people are carers.", [("Half a million", "count", 500_000.0, "people")]),
    ("Half a dozen councils objected.", [("Half a dozen", "count", 6.0, "councils")]),
    ("A quarter million pounds was spent.", [("A quarter million pounds", "money", 250_000.0, "GBP")]),
    ("An eighth of a billion pounds was spent.", [("An eighth of a billion pounds", "money", 1.25e8, "GBP")]),
    ("Two thirds of a million pounds was spent.",
     [("Two thirds of a million pounds", "money", round(2e6 / 3, 6), "GBP")]),
    ("Two thirds million pounds was spent.", [("Two thirds million pounds", "money", round(2e6 / 3, 6), "GBP")]),
    ("Some quarter million people are carers.", [("quarter million", "count", 250_000.0, "people")]),
    # a run that starts with 'a' counts only with a scale in it ('a quarter million people', not 'a quarter')
    ("A quarter million people are carers.", [("A quarter million", "count", 250_000.0, "people")]),
    ("Over a quarter of a million people are carers.",
     [("a quarter of a million", "count", 250_000.0, "people")]),
    ("Some three quarters of a million people are carers.",
     [("three quarters of a million", "count", 750_000.0, "people")]),
    ("Nearly half a billion pounds was spent.", [("half a billion pounds", "money", 5e8, "GBP")]),
    ("Three dozen beds were cut.", [("Three dozen", "count", 36.0, "beds")]),
    ("A dozen beds were cut.", [("A dozen", "count", 12.0, "beds")]),
    # compound denominators
    ("Two one hundred twenty-fifths of the budget was spent.",
     [("Two one hundred twenty-fifths", "percent", 1.6, "%")]),
    ("Three one thousand two hundred fiftieths of the land is farmed.",
     [("Three one thousand two hundred fiftieths", "percent", 0.24, "%")]),
    ("Three two thousandths of claims were upheld.", [("Three two thousandths", "percent", 0.15, "%")]),
    ("A twenty-first of the budget was spent.", [("A twenty-first", "percent", 4.76, "%")]),
    ("One one hundred fifth of the land is farmed.", [("One one hundred fifth", "percent", 0.95, "%")]),
    ("Seven twenty-fifths of the budget was spent.", [("Seven twenty-fifths", "percent", 28.0, "%")]),
    ("Twenty-one twenty-fifths of the budget was spent.", [("Twenty-one twenty-fifths", "percent", 84.0, "%")]),
    ("One two hundredth of the budget was spent.", [("One two hundredth", "percent", 0.5, "%")]),
    ("Five one hundred thousandths of the budget was spent.",
     [("Five one hundred thousandths", "percent", 0.01, "%")]),  # 0.005%, rounded to two places
    ("One hundred one two hundredths of the budget.", [("One hundred one two hundredths", "percent", 50.5, "%")]),
    ("Three hundred twenty-fifths of the budget.", [("Three hundred twenty-fifths", "percent", 1200.0, "%")]),
    ("One hundred thirty-fifths is the ratio.", [("One hundred thirty-fifths", "count", round(100 / 35, 6), None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FRACTIONS, ids=[s[:48] for s, _ in FRACTIONS])
def test_fractions_written_in_words(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rounded_figures(sentence) == expected


NOT_NUMBERS = [
    "The council ranked twenty-fifth in the league table.",  # an ordinal is a rank
    "The trust came one hundred fifth in the table.",
    "A third reading of the bill was held.",  # a bare denominator word is no number
]


@pytest.mark.parametrize("sentence", NOT_NUMBERS)
def test_ranks_and_bare_denominators_are_no_figures(sentence: str) -> None:
    assert rounded_figures(sentence) == []


# ---------------------------------------------------------------------------------------------------------------
# number words inside other figures: a multiplier ('fourfold', 'a twenty-fold rise'), the cents of an amount
# ('fifteen dollars and fifty cents', '£5 and fifty pence'), a percentage written before its number
# ---------------------------------------------------------------------------------------------------------------
INSIDE = [
    ("Referrals saw a fourfold rise.", [("fourfold", "ratio", 4.0, "times")]),
    ("Referrals saw a twenty-fold rise.", [("twenty-fold", "ratio", 20.0, "times")]),
    ("Referrals saw a 10-fold rise.", [("10-fold", "ratio", 10.0, "times")]),
    ("The fee was fifteen dollars and fifty cents.", [("fifteen dollars and fifty cents", "money", 15.5, "USD")]),
    ("The fee was 15 dollars and 50 cents.", [("15 dollars and 50 cents", "money", 15.5, "USD")]),
    ("The fee was £5 and fifty pence.", [("£5 and fifty pence", "money", 5.5, "GBP")]),
    ("The fee was €3 and twenty-five cents.", [("€3 and twenty-five cents", "money", 3.25, "EUR")]),
    ("Spending rose per cent of twenty-two.", [("per cent of twenty-two", "percent", 22.0, "%")]),
]


@pytest.mark.parametrize(("sentence", "expected"), INSIDE, ids=[s[:48] for s, _ in INSIDE])
def test_number_words_inside_multipliers_cents_and_percentages(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rounded_figures(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# numbers in digits: a vulgar fraction after the digits adds to them, alone it is the fraction; digits grouped by
# spaces; a decimal with no whole part
# ---------------------------------------------------------------------------------------------------------------
DIGITS = [
    ("Prices rose 2½% last year.", [("2½%", "percent", 2.5, "%")]),
    ("Some ½ of councils agreed.", [("½", "percent", 50.0, "%")]),
    ("The fund is worth £1¾m.", [("£1¾m", "money", 1_750_000.0, "GBP")]),
    ("Waits grew to 3¼ hours.", [("3¼ hours", "duration", 3.25, "hours")]),
    ("Between 1 234 567 and 2 000 000 people were counted.",
     [("1 234 567", "count", 1_234_567.0, "people"), ("2 000 000", "count", 2_000_000.0, "people")]),
    ("The fund grew .5 per cent.", [(".5 per cent", "percent", 0.5, "%")]),
]


@pytest.mark.parametrize(("sentence", "expected"), DIGITS, ids=[s[:48] for s, _ in DIGITS])
def test_numbers_in_digits_with_fractions_and_groups(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert rounded_figures(sentence) == expected


# ===============================================================================================================
# quantities in units the domain rules do not name (figures/units.py: the ``generic_units`` lexicon built from
# quantulum3)
# ===============================================================================================================
# a unit token right after the number, after one space or none; a sign (degree, micro) may start it; a slash or
# a power may follow its letters
GENERIC = [
    ("The dose was 5mg daily.", [("5mg", "quantity", 5.0, "milligram")]),
    ("The signal was 2.4 GHz.", [("2.4 GHz", "quantity", 2.4, "gigahertz")]),
    ("Noise was 85 dB at night.", [("85 dB", "quantity", 85.0, "decibel")]),
    ("The room was 21 °C.", [("21 °C", "quantity", 21.0, "degrees Celsius")]),
    ("The room was 21°C.", [("21°C", "quantity", 21.0, "degrees Celsius")]),
    ("The room was 70 °F.", [("70 °F", "quantity", 70.0, "degrees Fahrenheit")]),
    ("The limit is 20 mph in towns.", [("20 mph", "quantity", 20.0, "miles per hour")]),
    ("The line carries 100 Mbps.", [("100 Mbps", "quantity", 100.0, "megabit per second")]),
    ("The dose was 5 µg.", [("5 µg", "quantity", 5.0, "microgram")]),
    ("The site is 3 ha in area.", [("3 ha", "quantity", 3.0, "hectare")]),
    ("Output was 30 MW.", [("30 MW", "quantity", 30.0, "megawatts")]),
    ("The beam was 10 mW.", [("10 mW", "quantity", 10.0, "milliwatt")]),  # case tells milli from mega
    ("The flat is 45 m² in size.", [("45 m²", "quantity", 45.0, "square metre")]),
    # an English word, an unknown token or a word longer than a unit is no unit
    ("It cost 5 in total.", [("5", "count", 5.0, None)]),
    ("The field is 5 ABCDE.", [("5", "count", 5.0, None)]),
    ("The ward sees 5 an hour.", [("5", "count", 5.0, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), GENERIC, ids=[s[:48] for s, _ in GENERIC])
def test_quantities_in_generic_units(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


UNITS = {"mg": "milligram", "GHz": "gigahertz", "°C": "degrees Celsius", "µg": "microgram", "in": "inch",
         "m²": "square metre", "km/h": "kilometre per hour"}

# (text, number start, number end, the expected (end, unit) or None)
LOOKUPS = [
    ("5 mg of it", 0, 1, (4, "milligram")),
    ("5mg of it", 0, 1, (3, "milligram")),
    ("5\u00a0mg of it", 0, 1, (4, "milligram")),
    ("5  mg of it", 0, 1, None),          # at most one space between number and unit
    ("21 °C today", 0, 2, (5, "degrees Celsius")),
    ("5 µg a day", 0, 1, (4, "microgram")),
    ("30 km/h zone", 0, 2, (7, "kilometre per hour")),
    ("45 m² flat", 0, 2, (5, "square metre")),
    ("5 in 10", 0, 1, None),              # a common word is no unit even when the table has it
    ("5 mgs of it", 0, 1, None),          # the token must end where the letters end
    ("5 GHzz", 0, 1, None),
    ("5 kg", 0, 1, None),                 # not in this table
    ("5 , mg", 0, 1, None),
    ("5", 0, 1, None),
]


@pytest.mark.parametrize(("text", "start", "end", "expected"), LOOKUPS, ids=[t for t, *_ in LOOKUPS])
def test_the_generic_unit_after_a_number(text: str, start: int, end: int, expected: tuple[int, str] | None) -> None:
    assert generic_quantity(text, start, end, UNITS) == expected
