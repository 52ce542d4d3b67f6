"""Figures on real text (issue #18): the forms policy documents use that the seeds do not, each in sentences of
the kinds that carry them, with every figure of the sentence (span, kind, value, unit, hedge, bound, rate, link)
and the cases that must not become figures; and the grammar's word tables extended through configuration."""

from __future__ import annotations

from typing import Any

import pytest

from .test_figures import FR, HI, LO, TO, F, check

# ---------------------------------------------------------------------------------------------------
# issue #18: the forms that policy documents use. Signs: a bullet or dash is never a minus sign
# ---------------------------------------------------------------------------------------------------
SIGNS = [
    ("Key findings\n\n- 45,000 families pushed into temporary accommodation by the cap",
     [F("45,000", "count", 45000, "families")]),
    ("• 12 councils have issued section 114 notices", [F("12", "count", 12, "councils")]),
    ("Fees for care homes rose sharply – 14 per cent more than the year before.",
     [F("14 per cent", "percent", 14, "%")]),
    ("The largest provider ran 2,300 places – 21% of the places offered by private firms.",
     [F("2,300", "count", 2300, "places"), F("21%", "percent", 21, "%")]),
    ("Net migration fell — 40,000 fewer than forecast.", [F("40,000", "count", 40000)]),
    ("Output changed by -3.2% in the quarter.", [F("-3.2%", "percent", -3.2, "%")]),
    ("The balance stood at −4 in March.", [F("−4", "count", -4)]),
    ("The index fell to minus 4.", [F("minus 4", "count", -4)]),
    # a line that holds nothing but a signed number keeps its sign
    ("- 10 k", [F("- 10 k", "count", -10000)]),
]

# numbered paragraphs and list numbers are not figures
NUMBERED = [
    ("4 The number of children in need increased from 389,260 to 403,090.",
     [F("389,260", "count", 389260, link=FR), F("403,090", "count", 403090, link=TO)]),
    ("12 Councils told us that demand had risen.", []),
    ("2.3 The average caseload was 17.",
     [F("17", "count", 17)]),
    ("5 March was the deadline for responses.", [F("5 March", "date", "--03-05")]),
    ("12 councils told us that demand had risen.", [F("12", "count", 12, "councils")]),
]

# ranges that share a currency, scale or rate: two linked figures sharing them
RANGES = [
    ("Spending will rise by £4–5 billion by 2028.",
     [F("£4", "money", 4e9, "GBP", link=LO), F("5 billion", "money", 5e9, "GBP", link=HI),
      F("2028", "year", 2028)]),
    ("The gap is put at £6-7bn.", [F("£6", "money", 6e9, "GBP", link=LO), F("7bn", "money", 7e9, "GBP", link=HI)]),
    ("The scheme costs £400m-£450m a year.",
     [F("£400m", "money", 4e8, "GBP", rate="year", link=LO), F("£450m", "money", 4.5e8, "GBP", rate="year", link=HI)]),
    ("The plan would cost £5billion, the charity said.", [F("£5billion", "money", 5e9, "GBP")]),
    ("Around 2million people are waiting.", [F("2million", "count", 2e6, "people", approx=True)]),
]

# names that hold a number are not counts
NAMES = [
    ("Campaigners want the two-child limit abolished.", []),
    ("Families face six-figure sums for residential care.", []),
    ("Abolishing the two child limit would lift many children out of poverty.", []),
    ("The council published a 10-point plan.", []),
    ("Below are the 8 key findings of the review.", [F("8", "count", 8, "key findings")]),
    ("The 10 local authority areas share a budget.", [F("10", "count", 10, "local authority areas")]),
]

# shares written 'one in five' are percentages; a rate against a base is a quantity
SHARES = [
    ("One in four care workers is on a zero-hours contract.", [F("One in four", "percent", 25, "%")]),
    ("The two-year pilot ends in 2026.", [F("two-year", "duration", 2, "years"), F("2026", "year", 2026)]),
    ("Three out of five parents said they had cut back.", [F("Three out of five", "percent", 60, "%")]),
    ("In 2023, 2 in 5 providers were single-home operators.",
     [F("2023", "year", 2023), F("2 in 5", "percent", 40, "%")]),
    ("More than seven in 10 councils overspent.", [F("seven in 10", "percent", 70, "%", bound="min")]),
    ("Only 1 in 3 homes met the standard.", [F("1 in 3", "percent", 33.33, "%", approx=True)]),
    ("The rate was 70 in every 10,000 children.",
     [F("70 in every 10,000", "quantity", 70, "per 10,000 children")]),
    ("Caseloads fell from 18.1 per social worker in 2020 to 17.4 in 2023.",
     [F("18.1", "quantity", 18.1, "per social worker"), F("2020", "year", 2020),
      F("17.4", "quantity", 17.4, "per social worker"), F("2023", "year", 2023)]),
    ("Each worker held 14.2 cases on average.", [F("14.2", "quantity", 14.2, "cases")]),
    ("There were 3 nurses per ward at night.", [F("3", "quantity", 3, "nurses per ward")]),
    ("The service saw 120 patients a day.", [F("120", "count", 120, "patients", rate="day")]),
]

# multiples written as verbs
MULTIPLES = [
    ("Waiting lists have doubled since 2019.", [F("doubled", "ratio", 2, "times"), F("2019", "year", 2019)]),
    ("Fees are more than double the cost of a place at a state school.",
     [F("double", "ratio", 2, "times", bound="min")]),
    ("Deficits could triple within two years.",
     [F("triple", "ratio", 3, "times"), F("two years", "duration", 2, "years")]),
    ("Energy costs trebled.", [F("trebled", "ratio", 3, "times")]),
    ("The backlog was halved.", [F("halved", "ratio", 0.5, "times")]),
    ("Ministers pledged to halve child poverty.", [F("halve", "ratio", 0.5, "times")]),
    ("The triple lock keeps pensions rising.", []),
    ("Families were hit by a double blow.", []),
    ("Inflation returned to double digits.", []),
    ("Double-digit rises are expected.", []),
]

# dates: weekdays, dates without a year, numeric dates, PDF line wraps; periods, hours and ages
CALENDAR = [
    ("Jane Smith\nTuesday, March 14, 2023\n\nFigures published today show a rise.",
     [F("March 14, 2023", "date", "2023-03-14")]),
    ("Briefing for members 09.03.23", [F("09.03.23", "date", "2023-03-09")]),
    ("The figures cover the year to 31\nMarch 2024 and were revised.", [F("31\nMarch 2024", "date", "2024-03-31")]),
    ("Budgets for 2025-28 were set last week.", [F("2025-28", "year", "2025/28")]),
    ("Funding will be spread between 2023-2026.", [F("2023-2026", "year", "2023/26")]),
    ("The council has £40m for 2024-27 £12m of it new.",
     [F("£40m", "money", 4e7, "GBP"), F("2024-27", "year", "2024/27"), F("£12m", "money", 1.2e7, "GBP")]),
    ("Section 1.2.10 sets out the rules.", []),
    ("Claims were settled within 48 hours.", [F("48 hours", "duration", 48, "hours")]),
    ("Ravi, who is 17 now, has lived in three foster homes.",
     [F("17", "quantity", 17, "years of age"), F("three", "count", 3, "foster homes")]),
    ("Support is open to people over 65 who need care.",
     [F("65", "quantity", 65, "years of age", bound="min")]),
    ("Prices rose over 12 months.", [F("12 months", "duration", 12, "months")]),
]

# 'one' before a noun is a determiner, not a count
ONE = [
    ("She said one option was to raise council tax.", []),
    ("One reason is the cost of agency staff.", []),
    ("Staff moved from one council to another.", []),
    ("Costs vary from one year to the next.", []),
    ("Between one and three children in every class are affected.",
     [F("one", "count", 1, "children", link=LO), F("three", "count", 3, "children", link=HI)]),
]


ISSUE_18 = {"signs": SIGNS, "numbered": NUMBERED, "ranges": RANGES, "names": NAMES, "shares": SHARES,
            "multiples": MULTIPLES, "calendar": CALENDAR, "one": ONE}


@pytest.mark.parametrize(("sentence", "expected"), [c for cases in ISSUE_18.values() for c in cases],
                         ids=[f"{name}: {s[:50]}" for name, cases in ISSUE_18.items() for s, _ in cases])
def test_policy_document_forms(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# Every word table of the grammar is a lexicon (caresocial/data/*.txt): an entry added through configuration is
# recognised, and the built-in tables are unchanged for other pipelines.
CONFIGURED = [
    ({"currencies": ["₿ | XBT"]}, "The fund holds ₿250 and 3 XBT.",
     [F("₿250", "money", 250, "XBT"), F("3 XBT", "money", 3, "XBT")]),
    ({"currencies": {"dinars": "KWD"}}, "The grant was 900 dinars.", [F("900 dinars", "money", 900, "KWD")]),
    ({"hedges": ["give or take"]}, "Give or take 300 homes were lost.",
     [F("300", "count", 300, "homes", approx=True)]),
    ({"hedges": ["-some"]}, "Some 300 homes were lost.", [F("300", "count", 300, "homes")]),
    ({"quantity_units": ["furlongs | furlongs"]}, "The course is 4 furlongs long.",
     [F("4 furlongs", "quantity", 4, "furlongs")]),
    ({"multiples": ["quintupled | 5 | verb"]}, "Referrals quintupled.", [F("quintupled", "ratio", 5, "times")]),
    ({"scale_words": ["lac | 1e5 | after"]}, "The hall seats 2 lac people.",
     [F("2 lac", "count", 2e5, "people")]),
    ({"rate_words": ["a term | term | after"]}, "Fees are £3,000 a term.",
     [F("£3,000", "money", 3000, "GBP", rate="term")]),
    ({"label_words": ["bay"]}, "Bay 7 reopened.", []),
    ({"generic_units": ["ppm | parts per million"]}, "Each sample held 50 ppm of nitrate.",
     [F("50 ppm", "quantity", 50, "parts per million")]),
]


@pytest.mark.parametrize(("lexicons", "sentence", "expected"), CONFIGURED, ids=[s for _, s, _ in CONFIGURED])
def test_lexicon_added_through_configuration(lexicons: dict[str, Any], sentence: str,
                                             expected: list[dict[str, Any]]) -> None:
    check(sentence, expected, lexicons=lexicons)
    with pytest.raises(AssertionError):  # the built-in tables alone read the sentence otherwise
        check(sentence, expected)
