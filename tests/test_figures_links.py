"""Links between figures and the modifiers of each figure (figures/links.py), one behaviour per table, in sentences
of the kind policy texts use: the exact link type and role of each end, what the ends share, and each figure's
hedge, bound and rate. Written for the mutation target of the figure grammar, ahead of a full run of the link
pass's mutants (docs/testing.md, "Figure grammar and attribution", says which modules were run)."""

from __future__ import annotations

from typing import Any

import pytest

from caresocial import extract
from caresocial.extraction.figures.grammar import scan


def links(sentence: str) -> list[tuple[Any, ...]]:
    """(text, kind, value, unit, link type, link role) of every figure, in order."""
    return [(f.text, f.kind, f.value, f.unit, f.link_type, f.link_role) for f in extract(sentence).figures]


def modifiers(sentence: str) -> list[tuple[Any, ...]]:
    """(text, approx, bound, rate) of every figure, in order."""
    return [(f.text, f.approx, f.bound, f.rate) for f in extract(sentence).figures]


# ---------------------------------------------------------------------------------------------------------------
# changes: 'from X to Y', 'to X from Y', 'X compared with Y', 'up from', 'rose by X to Y' link the old and the new
# value, each with its role; the link needs two figures of one kind
# ---------------------------------------------------------------------------------------------------------------
CHANGES = [
    ("The minimum wage rose by 15p to £9.90 an hour.",
     [("15p", "money", 0.15, "GBP", "change", "by"), ("£9.90", "money", 9.9, "GBP", "change", "to")]),
    ("Spending rose from £6bn to £8.2bn.",
     [("£6bn", "money", 6e9, "GBP", "change", "from"), ("£8.2bn", "money", 8.2e9, "GBP", "change", "to")]),
    ("Spending rose to £8.2bn from £6bn.",
     [("£8.2bn", "money", 8.2e9, "GBP", "change", "to"), ("£6bn", "money", 6e9, "GBP", "change", "from")]),
    ("Spending was £8.2bn compared with £6bn last year.",
     [("£8.2bn", "money", 8.2e9, "GBP", "change", "to"), ("£6bn", "money", 6e9, "GBP", "change", "from")]),
    ("Waiting lists rose to 7.6 million, up from 4.4 million in 2019.",
     [("7.6 million", "count", 7.6e6, None, "change", "to"), ("4.4 million", "count", 4.4e6, None, "change", "from"),
      ("2019", "year", 2019, None, None, None)]),
    ("Vacancies rose to 12%, up from 9% a year before.",
     [("12%", "percent", 12.0, "%", "change", "to"), ("9%", "percent", 9.0, "%", "change", "from")]),
    # a percentage and percentage points are no change of one measure
    ("Rates rose from 5% to 4.5 points.",
     [("5%", "percent", 5.0, "%", None, None), ("4.5", "quantity", 4.5, "points", None, None)]),
    # a date is never the end of a range or a change
    ("Applications from 1 April 2024 to 30 June 2024 were counted.",
     [("1 April 2024", "date", "2024-04-01", None, None, None), ("30 June 2024", "date", "2024-06-30", None, None,
                                                                   None)]),
    # figures far apart are no range even with 'to' between them
    ("From £6bn, which the Treasury described in its long and detailed statement to Parliament as a floor for "
     "the years to come, to £8bn.",
     [("£6bn", "money", 6e9, "GBP", None, None), ("£8bn", "money", 8e9, "GBP", None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CHANGES, ids=[s[:48] for s, _ in CHANGES])
def test_the_old_and_new_value_of_a_change(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert links(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# ranges: the ends share scale, currency, rate and counted noun; a range is two ends of one kind
# ---------------------------------------------------------------------------------------------------------------
RANGES = [
    ("Councils spent £10-15bn on care.",
     [("£10", "money", 1e10, "GBP", "range", "low"), ("15bn", "money", 1.5e10, "GBP", "range", "high")]),
    ("Councils spent £10bn-£15bn on care.",
     [("£10bn", "money", 1e10, "GBP", "range", "low"), ("£15bn", "money", 1.5e10, "GBP", "range", "high")]),
    ("Between 2 and 3 million people and 4 councils were affected.",
     [("2", "count", 2e6, "people", "range", "low"), ("3 million", "count", 3e6, "people", "range", "high"),
      ("4", "count", 4.0, "councils", None, None)]),
    ("Fees of 10 to 15 per cent were charged.",
     [("10", "percent", 10.0, "%", "range", "low"), ("15 per cent", "percent", 15.0, "%", "range", "high")]),
    ("Between 10% and 12 points of staff left.",
     [("10%", "percent", 10.0, "%", None, None), ("12", "count", 12.0, "points", None, None)]),
    ("Stays of 4 weeks to 6 were reported.",
     [("4 weeks", "duration", 4.0, "weeks", "range", "low"), ("6", "duration", 6.0, "weeks", "range", "high")]),
    # a count after an age is an age only when it could be one: 'aged 11 to 16', not 'aged 11 to 500'
    ("Pupils aged 11 to 16 were tested.",
     [("11", "quantity", 11.0, "years of age", "range", "low"),
      ("16", "quantity", 16.0, "years of age", "range", "high")]),
    # two numbers that are no range keep their own kinds ('or' joins alternatives)
    ("Two or three councils responded.",
     [("Two", "count", 2.0, None, None, None), ("three", "count", 3.0, "councils", None, None)]),
    ("Between 2 or 3 councils responded.",
     [("2", "count", 2.0, None, None, None), ("3", "count", 3.0, "councils", None, None)]),
    # 'and' without 'between' joins two figures, not the ends of a range
    ("The trust has 200 beds and 300 staff.",
     [("200", "count", 200.0, "beds", None, None), ("300", "count", 300.0, "staff", None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), RANGES, ids=[s[:48] for s, _ in RANGES])
def test_the_ends_of_a_range(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert links(sentence) == expected


def test_a_rate_on_one_end_of_a_range_is_the_rate_of_both() -> None:
    """'£10bn-£15bn a year': both ends are yearly amounts."""
    assert modifiers("Councils spent £10bn-£15bn a year on care.") == [
        ("£10bn", False, None, "year"), ("£15bn", False, None, "year")]
    assert modifiers("Pay rose from £9 to £10 an hour.") == [("£9", False, None, "hour"), ("£10", False, None, "hour")]


# ---------------------------------------------------------------------------------------------------------------
# nouns shared between counts: a part takes its whole's noun ('3 of the 12 councils'); a count with no noun takes
# the noun of the count before it in the sentence; a count with decimals and a noun is an average (a quantity)
# ---------------------------------------------------------------------------------------------------------------
NOUNS = [
    ("The trust lost 3 of the 12 councils.",
     [("3", "count", 3.0, "councils", None, None), ("12", "count", 12.0, "councils", None, None)]),
    ("About 2,000 people live here and 2,800 work here.",
     [("2,000", "count", 2000.0, "people", None, None), ("2,800", "count", 2800.0, "people", None, None)]),
    ("The rate was 16.3 cases, lower than the 17.8 recorded in 2017.",
     [("16.3", "quantity", 16.3, "cases", None, None), ("17.8", "quantity", 17.8, "cases", None, None),
      ("2017", "year", 2017, None, None, None)]),
    # not across a sentence break
    ("About 2,000 people live here. Last year 2,800 did.",
     [("2,000", "count", 2000.0, "people", None, None), ("2,800", "count", 2800.0, None, None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), NOUNS, ids=[s[:48] for s, _ in NOUNS])
def test_counts_share_their_noun(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert links(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# hedges, bounds and rates: (sentence, [(figure, approx, bound, rate)])
# ---------------------------------------------------------------------------------------------------------------
MODIFIERS = [
    ("More than 5,000 families were helped.", [("5,000", False, "min", None)]),
    ("No more than 5,000 families were helped.", [("5,000", False, "max", None)]),  # the longer phrase wins
    ("At least 5,000 families were helped.", [("5,000", False, "min", None)]),
    ("At most 5,000 families were helped.", [("5,000", False, "max", None)]),
    ("Fewer than 5,000 families were helped.", [("5,000", False, "max", None)]),
    ("Just over 5,000 families were helped.", [("5,000", True, "min", None)]),  # 'just over' is also a hedge
    ("Well over 5,000 families were helped.", [("5,000", True, "min", None)]),
    ("Carers aged 66 and over were surveyed.", [("66", False, "min", None)]),
    ("Councils with 5,000 or more staff were surveyed.", [("5,000", False, "min", None)]),
    ("Children aged 16 or under were surveyed.", [("16", False, "max", None)]),
    # 'over' and 'within' before a duration say how long, not a bound
    ("The work took over 10 years.", [("10 years", False, None, None)]),
    ("Claims are settled within 10 days.", [("10 days", False, None, None)]),
    ("Nearly 40% of staff left.", [("40%", True, None, None)]),
    ("Around £2bn was spent.", [("£2bn", True, None, None)]),
    ("Some 400 beds were lost.", [("400", True, None, None)]),
    ("Approximately 12 councils objected.", [("12", True, None, None)]),
    ("Carers are paid £9 per hour.", [("£9", False, None, "hour")]),
    ("The service costs £300 per week.", [("£300", False, None, "week")]),
    ("The scheme costs £2bn-a-year.", [("£2bn", False, None, "year")]),
    ("Fees rose 2% a month.", [("2%", False, None, "month")]),
    ("About 30,000 more children each year enter care.", [("30,000", True, None, "year")]),
    ("Staff earned £28,000 a year ago.", [("£28,000", False, None, None)]),  # 'a year ago' is a time
    ("Staff earned £28,000 a year on, the review found.", [("£28,000", False, None, None)]),  # ... 'a year on,'
    # ... but 'a year on' what the money is spent on is a rate
    ("Councils spend £15bn a year on adult social care.", [("£15bn", False, None, "year")]),
    ("The NHS spent £2.5bn a year on agency staff.", [("£2.5bn", False, None, "year")]),
    ("A weekly payment of £120 is made.", [("£120", False, None, "week")]),
    ("A weekly total of 120 visits was made.", [("120", False, None, None)]),  # only money takes a rate before it
    ("The 2023 budget was agreed.", [("2023", False, None, None)]),  # a year takes no modifier
    ("Around 2023 the budget was agreed.", [("2023", False, None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), MODIFIERS, ids=[s[:48] for s, _ in MODIFIERS])
def test_hedge_bound_and_rate_of_each_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert modifiers(sentence) == expected


# ---------------------------------------------------------------------------------------------------------------
# what a connective between two figures does not join (mutants of figures/links.py that lived through the tables
# above): a percentage and a sum; two financial years side by side with any dash, also after another figure; a
# 'from' or 'between' that opens the clause far before the pair
# ---------------------------------------------------------------------------------------------------------------
NOT_JOINED = [
    # a change by a percentage to a sum: the percentage is no end of a range with the sum
    ("Pay rose 5% to £30,000 a year.", [("5%", "percent", None, None), ("£30,000", "money", None, None)]),
    ("Fees rose to £9,250 from 3% of income.", [("£9,250", "money", None, None), ("3%", "percent", None, None)]),
    # two financial years joined by a hyphen, an en dash or an em dash are two years, after a sum as at the start
    ("£5bn was spent in 2019/20 - 2020/21 on roads.",
     [("£5bn", "money", None, None), ("2019/20", "year", None, None), ("2020/21", "year", None, None)]),
    ("£5bn was spent in 2019/20 – 2020/21 on roads.",
     [("£5bn", "money", None, None), ("2019/20", "year", None, None), ("2020/21", "year", None, None)]),
    ("£5bn was spent in 2019/20 — 2020/21 on roads.",
     [("£5bn", "money", None, None), ("2019/20", "year", None, None), ("2020/21", "year", None, None)]),
    # 'from' far before a pair joined by 'to' opens no change: the pair is a range
    ("From next April, the scheme will cost £5bn to £6bn a year.",
     [("£5bn", "money", "range", "low"), ("£6bn", "money", "range", "high")]),
    # 'between' far before a pair joined by 'and' opens no range: two counts
    ("Between them, the two trusts employ 300 and 400 nurses respectively.",
     [("two", "count", None, None), ("300", "count", None, None), ("400", "count", None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), NOT_JOINED, ids=[s[:48] for s, _ in NOT_JOINED])
def test_what_a_connective_between_two_figures_does_not_join(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t, k, lt, lr) for t, k, _v, _u, lt, lr in links(sentence)] == expected


# ---------------------------------------------------------------------------------------------------------------
# the link pass, figure by figure (issue #22, third pass): (text, start, kind, value, unit, approx, bound, rate,
# link type, link role, source) of every figure
# ---------------------------------------------------------------------------------------------------------------
def everything(sentence: str) -> list[tuple[Any, ...]]:
    return [(f.text, f.start, f.kind, f.value, f.unit, f.approx, f.bound, f.rate, f.link_type, f.link_role, f.source)
            for f in extract(sentence).figures]


LINK_PASS = [
    # a count of a noun is no end of a money range: 'to' gives the money to the things counted
    ("The fund gave £5m to 1,000 schools and £2m to 400 nurseries.",
     [("£5m", 14, "money", 5e6, "GBP", False, None, None, None, None, "rules"),
      ("1,000", 21, "count", 1000.0, "schools", False, None, None, None, None, "rules"),
      ("£2m", 39, "money", 2e6, "GBP", False, None, None, None, None, "rules"),
      ("400", 46, "count", 400.0, "nurseries", False, None, None, None, None, "rules")]),
    ("Grants of £500 to 20 charities were announced.",
     [("£500", 10, "money", 500.0, "GBP", False, None, None, None, None, "rules"),
      ("20", 18, "count", 20.0, "charities", False, None, None, None, None, "rules")]),
    # a fall by a percentage to a sum: the percentage takes neither a link nor the sum's rate
    ("Spending on respite care fell by 6% to £2.1bn a year.",
     [("6%", 33, "percent", 6.0, "%", False, None, None, None, None, "rules"),
      ("£2.1bn", 39, "money", 2.1e9, "GBP", False, None, "year", None, None, "rules")]),
    # a year is no end of a change with a sum ('from 2025' says when), and takes none of its rate
    ("Funding will rise from 2025 to £5bn a year.",
     [("2025", 23, "year", 2025, None, False, None, None, None, None, "rules"),
      ("£5bn", 31, "money", 5e9, "GBP", False, None, "year", None, None, "rules")]),
    # 'annually' is a rate whatever follows; 'a year'/'an hour' before 'since', 'later' is a point in time
    ("The charity has received £500 annually since 2019.",
     [("£500", 25, "money", 500.0, "GBP", False, None, "year", None, None, "rules"),
      ("2019", 45, "year", 2019, None, False, None, None, None, None, "rules")]),
    ("Fees rose 3% annually into the 2030s.",
     [("3%", 10, "percent", 3.0, "%", False, None, "year", None, None, "rules")]),
    ("Councils paid £12 an hour later that year.",
     [("£12", 14, "money", 12.0, "GBP", False, None, None, None, None, "rules")]),
    # 'over' and 'within' before a duration say how long; a bound after it is still read
    ("The programme will take over 10 years or more.",
     [("10 years", 29, "duration", 10.0, "years", False, "min", None, None, None, "rules")]),
    ("Treatment should start within 18 weeks or less.",
     [("18 weeks", 30, "duration", 18.0, "weeks", False, "max", None, None, None, "rules")]),
    # the high end of an age range or a unit range takes the low end's kind, unit and source
    ("Pupils aged 11 to 16 were tested.",
     [("11", 12, "quantity", 11.0, "years of age", False, None, None, "range", "low", "rules"),
      ("16", 18, "quantity", 16.0, "years of age", False, None, None, "range", "high", "rules")]),
    ("Patients were given doses of 5 mg to 10 a day.",
     [("5 mg", 29, "quantity", 5.0, "milligram", False, None, "day", "range", "low", "quantulum3"),
      ("10", 37, "quantity", 10.0, "milligram", False, None, "day", "range", "high", "quantulum3")]),
    # the low end's rate (read before it) is the high end's; the ends share after an unlinked figure too
    ("A weekly payment of £100 to £120 is made.",
     [("£100", 20, "money", 100.0, "GBP", False, None, "week", "range", "low", "rules"),
      ("£120", 28, "money", 120.0, "GBP", False, None, "week", "range", "high", "rules")]),
    ("In 2023 councils spent £10-15bn on care.",
     [("2023", 3, "year", 2023, None, False, None, None, None, None, "rules"),
      ("£10", 23, "money", 1e10, "GBP", False, None, None, "range", "low", "rules"),
      ("15bn", 27, "money", 1.5e10, "GBP", False, None, None, "range", "high", "rules")]),
    # a part takes its whole's noun wherever the pair stands; an elliptical count takes the noun of the count
    # before it in the same sentence, far into a long one too, whatever sentences come before or after
    ("Only 3 of the 12 councils replied by 2023.",
     [("3", 5, "count", 3.0, "councils", False, None, None, None, None, "rules"),
      ("12", 14, "count", 12.0, "councils", False, None, None, None, None, "rules"),
      ("2023", 37, "year", 2023, None, False, None, None, None, None, "rules")]),
    ("Costs rose. About 2,000 people live here and 2,800 work here.",
     [("2,000", 18, "count", 2000.0, "people", True, None, None, None, None, "rules"),
      ("2,800", 45, "count", 2800.0, "people", False, None, None, None, None, "rules")]),
    ("About 2,000 people live here and 2,800 work here. Costs rose.",
     [("2,000", 6, "count", 2000.0, "people", True, None, None, None, None, "rules"),
      ("2,800", 33, "count", 2800.0, "people", False, None, None, None, None, "rules")]),
    ("In its survey of local authorities across England and Wales, published on Tuesday with a detailed "
     "commentary, the association found that 2,000 people use day centres and 2,800 use home care.",
     [("2,000", 137, "count", 2000.0, "people", False, None, None, None, None, "rules"),
      ("2,800", 170, "count", 2800.0, "people", False, None, None, None, None, "rules")]),
    # "from" inside the gap opens no change unless the gap ends in "from" ("up from", "compared with")
    ("Councils received £2bn from the Treasury and £1bn from other sources.",
     [("£2bn", 18, "money", 2000000000.0, "GBP", False, None, None, None, None, "rules"),
      ("£1bn", 45, "money", 1000000000.0, "GBP", False, None, None, None, None, "rules")]),
    # a range far into a long sentence (the gap between the two, not their offsets, is measured)
    ("In its annual report on the state of adult social care in England, published this week, the regulator said "
     "that providers had reported between 2 and 3 million hours of unmet need.",
     [("2", 143, "count", 2000000.0, "hours", False, None, None, "range", "low", "rules"),
      ("3 million", 149, "count", 3000000.0, "hours", False, None, None, "range", "high", "rules")]),
    # after a linked pair (or a date, or a pair of other kinds) the pairs that follow are still tried
    ("Deaths fell from 1,450 to 1,200 and admissions from 350 to 300.",
     [("1,450", 17, "count", 1450.0, None, False, None, None, "change", "from", "rules"),
      ("1,200", 26, "count", 1200.0, None, False, None, None, "change", "to", "rules"),
      ("350", 52, "count", 350.0, None, False, None, None, "change", "from", "rules"),
      ("300", 59, "count", 300.0, None, False, None, None, "change", "to", "rules")]),
    ("On 1 April 2024 councils had between 2 and 3 weeks to reply.",
     [("1 April 2024", 3, "date", "2024-04-01", None, False, None, None, None, None, "rules"),
      ("2", 37, "duration", 2.0, "weeks", False, None, None, "range", "low", "rules"),
      ("3 weeks", 43, "duration", 3.0, "weeks", False, None, None, "range", "high", "rules")]),
    ("In 2023, 40% of councils spent between £2m and £3m.",
     [("2023", 3, "year", 2023, None, False, None, None, None, None, "rules"),
      ("40%", 9, "percent", 40.0, "%", False, None, None, None, None, "rules"),
      ("£2m", 39, "money", 2000000.0, "GBP", False, None, None, "range", "low", "rules"),
      ("£3m", 47, "money", 3000000.0, "GBP", False, None, None, "range", "high", "rules")]),
    # a figure linked already is no end of a second link
    ("Pay rose from £10 to £11 to £12 an hour over two years.",
     [("£10", 14, "money", 10.0, "GBP", False, None, None, "change", "from", "rules"),
      ("£11", 21, "money", 11.0, "GBP", False, None, None, "change", "to", "rules"),
      ("£12", 28, "money", 12.0, "GBP", False, None, "hour", None, None, "rules"),
      ("two years", 45, "duration", 2.0, "years", False, None, None, None, None, "rules")]),
    # "by" at the very start of the text
    ("By 15p to £9.90 an hour: how the minimum wage rose.",
     [("15p", 3, "money", 0.15, "GBP", False, None, "hour", "change", "by", "rules"),
      ("£9.90", 10, "money", 9.9, "GBP", False, None, "hour", "change", "to", "rules")]),
    # a percentage and percentage points are no change of one measure; the next pair is still tried
    ("The rate rose from 5% to 6 percentage points, and fees from £10 to £12.",
     [("5%", 19, "percent", 5.0, "%", False, None, None, None, None, "rules"),
      ("6 percentage points", 25, "percent", 6.0, "percentage points", False, None, None, None, None, "rules"),
      ("£10", 60, "money", 10.0, "GBP", False, None, None, "change", "from", "rules"),
      ("£12", 67, "money", 12.0, "GBP", False, None, None, "change", "to", "rules")]),
]


@pytest.mark.parametrize(("sentence", "expected"), LINK_PASS, ids=[s[:48] for s, _ in LINK_PASS])
def test_the_link_pass_figure_by_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert everything(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Spending will go up by a further £2–3 billion by 2027.", [("£2", 2e9, 1e9), ("3 billion", 3e9, 1e9),
                                                              ("2027", 2027, None)]),
    ("Between 1,000 and 1,500 million pounds was set aside.", [("1,000", 1e9, 1e6),
                                                             ("1,500 million pounds", 1.5e9, 1e6)]),
])
def test_the_low_end_of_a_range_takes_the_scale_of_the_high_end(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    """The raw figures of the scanner: the low end's value and the scale word it took."""
    assert [(sentence[f.start:f.end], f.value, f.scale) for f in scan(sentence)] == expected
