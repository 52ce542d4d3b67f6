"""What one number is (figures/classify.py), one behaviour per table, in sentences of the kind policy texts use:
the exact text, kind, value and unit of each figure, and the numbers that are no figure. Written for the mutation
target of the figure grammar, ahead of a full run of the classifier's mutants (docs/testing.md, "Figure grammar and
attribution", says which modules were run)."""

from __future__ import annotations

from typing import Any

import pytest

from caresocial import extract


def figures(sentence: str) -> list[tuple[Any, ...]]:
    """(text, kind, value, unit) of every figure, in order."""
    return [(f.text, f.kind, f.value, f.unit) for f in extract(sentence).figures]


# identifiers, ordinals, labels, school years, decades, years in names and idioms are no figures
NO_FIGURE = [
    "Delegates met at COP26 in Glasgow.",
    "The A1 road was closed.",
    "She came 1st in the 21st century race.",
    "Section 17 of the Act applies.",
    "Year 6 pupils sat the test.",
    "Pre-2010 rules applied to mid-2000s cases.",
    "The MP-3 player was sold.",
    "The 1990s were hard.",
    "The Windrush 1948 scheme started.",
    "One day, the council will act.",
    "Costs vary from one year to the next.",
    "It happened a year ago.",
    "Staff on zero-hours contracts were surveyed.",
    "It took an hour and a half.",
    "A fifth term was won.",
    "A third runway is planned.",
    "One council objected.",
    "The two-child limit stays.",
    "Six-figure sums were paid.",
]


@pytest.mark.parametrize("sentence", NO_FIGURE)
def test_numbers_that_are_no_figures(sentence: str) -> None:
    assert figures(sentence) == []


KINDS = [
    # money: a currency before or after, a code, a scale after the code, minor units
    ("The council spent 5 million pounds.", [("5 million pounds", "money", 5e6, "GBP")]),
    ("The fee is USD 200.", [("USD 200", "money", 200.0, "USD")]),
    ("The fee is 200 USD.", [("200 USD", "money", 200.0, "USD")]),
    ("The fund holds 75 USD million.", [("75 USD million", "money", 75e6, "USD")]),
    ("Tickets cost 50p each.", [("50p", "money", 0.5, "GBP")]),
    ("Tickets cost 30 cents each.", [("30 cents", "money", 0.3, "USD")]),
    ("Tickets cost fifty pence each.", [("fifty pence", "money", 0.5, "GBP")]),
    ("Prices rose by £1.50.", [("£1.50", "money", 1.5, "GBP")]),
    ("The deal was worth 10 rmb 20 usd.", [("10 rmb", "money", 10.0, "CNY"), ("20 usd", "money", 20.0, "USD")]),
    ("The fee is $3.5bn.", [("$3.5bn", "money", 3.5e9, "USD")]),
    # percentages and percentage points
    ("Staff got a 5% rise.", [("5%", "percent", 5.0, "%")]),
    ("Staff got a 5 per cent rise.", [("5 per cent", "percent", 5.0, "%")]),
    ("Rates rose 2 percentage points.", [("2 percentage points", "percent", 2.0, "percentage points")]),
    ("Rates rose 2% points.", [("2% points", "percent", 2.0, "percentage points")]),
    ("Rates rose two per cent.", [("two per cent", "percent", 2.0, "%")]),
    # ages
    ("Carers aged 85 were surveyed.", [("85", "quantity", 85.0, "years of age")]),
    ("A 15-year-old boy was hurt.", [("15-year-old", "quantity", 15.0, "years of age")]),
    ("She is five years old.", [("five years old", "quantity", 5.0, "years of age")]),
    ("The man, 87 yo, was hurt.", [("87 yo", "quantity", 87.0, "years of age")]),
    ("At the age of 16 she left.", [("16", "quantity", 16.0, "years of age")]),
    ("Carers are over 55 and tired.", [("55", "quantity", 55.0, "years of age")]),
    ("Those who are 19 today are eligible.", [("19", "quantity", 19.0, "years of age")]),
    # durations
    ("The plan covers 10 years.", [("10 years", "duration", 10.0, "years")]),
    ("A 10-year plan was agreed.", [("10-year", "duration", 10.0, "years")]),
    ("It took two decades.", [("two decades", "duration", 20.0, "years")]),
    ("It took 3Y in total.", [("3Y", "duration", 3.0, "years")]),
    # ratios, shares written 'one in five', rates against a base
    ("Costs rose by a factor of three.", [("a factor of three", "ratio", 3.0, "times")]),
    ("Costs rose three times.", [("three times", "ratio", 3.0, "times")]),
    ("Costs rose 3 times over.", [("3 times", "ratio", 3.0, "times")]),
    ("One in five carers is unpaid.", [("One in five", "percent", 20.0, "%")]),
    ("Four out of five carers are unpaid.", [("Four out of five", "percent", 80.0, "%")]),
    ("62 in every 10,000 children are in care.", [("62 in every 10,000", "quantity", 62.0, "per 10,000 children")]),
    ("3 in 10,000 children are in care.", [("3 in 10,000", "quantity", 3.0, "per 10,000 children")]),
    # the base after 'per' is part of the unit, no count of its own
    # 'zero' in an idiom or a name is no count ('zero_not_count'); a count of zero is one
    ("The Department for Energy Security and Net Zero said 13% of homes were affected.",
     [("13%", "percent", 13.0, "%")]),
    ("Police have a zero tolerance approach.", []),
    ("The council recorded zero cases in March.", [("zero", "count", 0.0, "cases")]),
    ("Question for the Department, UIN 12345, tabled on 4 November 2024.",
     [("4 November 2024", "date", "2024-11-04", None)]),  # a label's number is no figure
    ("The rate was 70 per 10,000 children.", [("70", "quantity", 70.0, "per 10,000 children")]),
    ("There were 4.5 deaths per 1,000 live births.", [("4.5", "quantity", 4.5, "deaths per 1,000 live births")]),
    ("The rate fell from 12.3 per 1,000 to 11.8 per 1,000.",
     [("12.3", "quantity", 12.3, "per 1,000"), ("11.8", "quantity", 11.8, "per 1,000")]),
    ("Infections stood at about 5 per 1000.", [("5", "quantity", 5.0, "per 1000")]),
    ("One in 2020 was lost.", [("2020", "year", 2020, None)]),
    ("The figure was 1 over 3.", [("1 over 3", "percent", 33.33, "%")]),
    # years, quantities with a unit, shares, counts, averages and counts per something
    ("In 2019 the plan started.", [("2019", "year", 2019, None)]),
    ("Year 2024 was hard.", [("2024", "year", 2024, None)]),
    ("The road is 12 km long.", [("12 km", "quantity", 12.0, "kilometres")]),
    ("It was 40°C outside.", [("40°C", "quantity", 40.0, "degrees Celsius")]),
    ("A third of councils agreed.", [("A third", "percent", 33.33, "%")]),
    ("Two thirds was the answer.", [("Two thirds", "count", 2 / 3, None)]),
    ("A quarter of a percentage point was added.",
     [("A quarter of a percentage point", "percent", 0.25, "percentage points")]),
    ("More than half of councils agreed.", [("half", "percent", 50.0, "%")]),
    ("The trust has 82,170 children.", [("82,170", "count", 82170.0, "children")]),
    ("Those 103 private IFAs were closed.", [("103", "count", 103.0, "private ifas")]),
    ("There were 16.3 cases per social worker.", [("16.3", "quantity", 16.3, "cases per social worker")]),
    ("The average was 16.3 cases.", [("16.3", "quantity", 16.3, "cases")]),
]


@pytest.mark.parametrize(("sentence", "expected"), KINDS, ids=[s[:48] for s, _ in KINDS])
def test_the_kind_of_each_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


# fractions written with a slash: a share of a whole ('3/4 of councils'), a mixed number with its scale
# ('2 1/4 million'), and the slashes that make no fraction (a denominator fractions are not written with, a
# numerator not below its denominator, a date, a financial year)
SLASH_FRACTIONS = [
    ("Some 3/4 of councils reported a deficit.", [("3/4", "percent", 75.0, "%")]),
    ("Roughly 1/3 of pupils were absent.", [("1/3", "percent", 33.33, "%")]),
    ("A 1/2 share went to councils.", [("1/2", "count", 0.5, None)]),
    ("Some 2 1/4 million people were affected.", [("2 1/4 million", "count", 2250000.0, "people")]),
    ("Spending hit £2 1/2 billion.", [("£2 1/2 billion", "money", 2.5e9, "GBP")]),
    ("It took 2 1/2 years.", [("2 1/2 years", "duration", 2.5, "years")]),
    ("Some 5/4 of the target was met.", [("5", "count", 5.0, None), ("4", "count", 4.0, None)]),
    ("The meeting on 3/4 was cancelled.", [("3", "count", 3.0, None), ("4", "count", 4.0, None)]),
    ("In 2024/25 spending rose.", [("2024/25", "year", "2024/25", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SLASH_FRACTIONS, ids=[s[:40] for s, _ in SLASH_FRACTIONS])
def test_fractions_written_with_a_slash(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


# one in N: a share of a whole up to a base of 1,000 ('one in 1,000' is 0.1%), a rate per its base beyond it, or
# from 1,000 with 'every' ('62 in every 10,000 children'); a year after 'in' (1800-2100) or a base no larger than
# the number makes no share
ONE_IN_N = [
    ("One in five councils reported a deficit.", [("One in five", "percent", 20.0, "%")]),
    ("Some 3 in 5 were single providers.", [("3 in 5", "percent", 60.0, "%")]),
    ("Four out of five homes were rated good.", [("Four out of five", "percent", 80.0, "%")]),
    ("Two in every three councils agreed.", [("Two in every three", "percent", 66.67, "%")]),
    ("One in 1,000 people were affected.", [("One in 1,000", "percent", 0.1, "%")]),
    ("One in 1,001 people were affected.", [("One in 1,001", "quantity", 1.0, "per 1,001 people")]),
    ("One in every 999 people was affected.", [("One in every 999", "percent", 0.1, "%")]),
    ("One in every 1,000 people was affected.", [("One in every 1,000", "quantity", 1.0, "per 1,000 people")]),
    ("There were 62 in every 10,000 children in care.",
     [("62 in every 10,000", "quantity", 62.0, "per 10,000 children")]),
    ("Only 1 in 2100 was counted.", [("1", "count", 1.0, None), ("2100", "year", 2100, None)]),
    ("Only 1 in 2101 was counted.", [("1 in 2101", "quantity", 1.0, "per 2101")]),
    ("Some 5 in 3 was wrong.", [("5", "count", 5.0, None), ("3", "count", 3.0, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), ONE_IN_N, ids=[s[:40] for s, _ in ONE_IN_N])
def test_one_in_n_is_a_share_or_a_rate(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


# an age after a phrase that takes one ('carers are over 55'), when nothing it could count follows it: the end of
# the text or of a clause, or a word that ends noun phrases; 'in', 'of', a noun or a dash after it make a count
AGE_IS = [
    ("Most carers are over 55.", [("55", "quantity", 55.0, "years of age")]),
    ("Most carers are over 55", [("55", "quantity", 55.0, "years of age")]),
    ("Most carers are over 55 and female.", [("55", "quantity", 55.0, "years of age")]),
    ("Most carers are over 55, the survey found.", [("55", "quantity", 55.0, "years of age")]),
    ("Most carers are over 55 in number.", [("55", "count", 55.0, None)]),
    ("Most carers are over 55 of them.", [("55", "count", 55.0, None)]),
    ("Most carers are over 55 councils.", [("55", "count", 55.0, "councils")]),
    ("Most carers are over 55 - a record.", [("55", "count", 55.0, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), AGE_IS, ids=[s[:40] for s, _ in AGE_IS])
def test_an_age_after_a_phrase_that_takes_one(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected
