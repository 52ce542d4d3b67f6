"""The figure grammar, case by case: sentences in the style of UK/US reports, press releases and news, each
with every figure a reader would call one (GUIDELINES.md), its exact span, kind, value, unit, hedge, bound, rate
and range/change link.

A case lists *all* the figures of its sentence, in order; approx/bound/rate/link not given must be unset.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from caresocial import extract
from caresocial.extraction.figures.grammar import scan

NBSP = "\u00a0"
THIN = "\u2009"


def F(text: str, kind: str, value: Any, unit: str | None = None, *, approx: bool = False,
      bound: str | None = None, rate: str | None = None, link: tuple[str, str] | None = None) -> dict[str, Any]:
    """One expected figure."""
    return {"text": text, "kind": kind, "value": value, "unit": unit, "approx": approx, "bound": bound,
            "rate": rate, "link": link}


def check(sentence: str, expected: list[dict[str, Any]], lexicons: dict[str, Any] | None = None) -> None:
    figs = extract(sentence, lexicons=lexicons).figures
    got = [(f.text, f.kind) for f in figs]
    assert got == [(e["text"], e["kind"]) for e in expected], [(f.text, f.kind, f.value, f.unit) for f in figs]
    by_id = {f.id: f for f in figs}
    for f, e in zip(figs, expected, strict=True):
        assert sentence[f.start:f.end] == f.text
        if isinstance(e["value"], float | int) and not isinstance(e["value"], bool):
            assert f.value == pytest.approx(e["value"], rel=1e-4), f.text
            assert isinstance(f.value, float | int)
        else:
            assert f.value == e["value"], f.text
        assert f.unit == e["unit"], f.text
        assert f.approx is e["approx"], f"{f.text}: approx"
        assert f.bound == e["bound"], f"{f.text}: bound"
        assert f.rate == e["rate"], f"{f.text}: rate"
        if e["link"] is None:
            assert f.link is None and f.link_type is None, f"{f.text}: unexpected link"
        else:
            assert (f.link_type, f.link_role) == e["link"], f.text
            other = by_id[f.link]
            assert other.link == f.id and other.link_type == f.link_type


def _ids(cases: list[tuple[str, list[dict[str, Any]]]]) -> list[str]:
    return [s[:60] for s, _ in cases]


# ---------------------------------------------------------------------------------------------------
# money: symbols, codes, words, minor units, scale words and suffixes
# ---------------------------------------------------------------------------------------------------
MONEY = [
    ("The Treasury announced an extra £2.6 billion for schools in England.",
     [F("£2.6 billion", "money", 2.6e9, "GBP")]),
    ("The NHS overspent by £2.1bn last year, the NAO said.", [F("£2.1bn", "money", 2.1e9, "GBP")]),
    ("A £200m fund will be shared between councils.", [F("£200m", "money", 2e8, "GBP")]),
    ("Global military spending reached $2.4tn, according to SIPRI.", [F("$2.4tn", "money", 2.4e12, "USD")]),
    ("The charity received a grant of £45,000 from the lottery.", [F("£45,000", "money", 45000, "GBP")]),
    ("The contract is worth USD 200 million.", [F("USD 200 million", "money", 2e8, "USD")]),
    ("I would like to buy this item for USD 200.", [F("USD 200", "money", 200, "USD")]),
    ("The EU pledged €1.5bn in humanitarian aid.", [F("€1.5bn", "money", 1.5e9, "EUR")]),
    ("Tickets cost EUR 40 each.", [F("EUR 40", "money", 40, "EUR")]),
    ("The club was sold for 361 million pounds.", [F("361 million pounds", "money", 3.61e8, "GBP")]),
    ("He was fined 500 dollars by the court.", [F("500 dollars", "money", 500, "USD")]),
    ("Campaigners want the levy raised to twenty pounds.", [F("twenty pounds", "money", 20, "GBP")]),
    ("The hospital cost 1.5 billion pounds to build.", [F("1.5 billion pounds", "money", 1.5e9, "GBP")]),
    ("The settlement was five million dollars.", [F("five million dollars", "money", 5e6, "USD")]),
    ("The scheme will cost 3 billion euros.", [F("3 billion euros", "money", 3e9, "EUR")]),
    ("A first-class stamp now costs 197 pence.", [F("197 pence", "money", 1.97, "GBP")]),
    ("A pint of milk costs 50p in some shops.", [F("50p", "money", 0.5, "GBP")]),
    ("Eggs cost 30 cents each at the market.", [F("30 cents", "money", 0.3, "USD")]),
    ("The bill came to £2 600 in the end.", [F("£2 600", "money", 2600, "GBP")]),
    (f"Families will receive £1{NBSP}200 in support.", [F(f"£1{NBSP}200", "money", 1200, "GBP")]),
    ("The firm reported revenues of US$4.2bn.", [F("US$4.2bn", "money", 4.2e9, "USD")]),
    ("The deal is worth A$3.5 billion to the mining group.", [F("A$3.5 billion", "money", 3.5e9, "AUD")]),
    ("The Bank of Japan bought ¥500bn of bonds.", [F("¥500bn", "money", 5e11, "JPY")]),
    ("A loaf of bread costs £1.40 at the supermarket.", [F("£1.40", "money", 1.4, "GBP")]),
    ("The app costs $4.99 to download.", [F("$4.99", "money", 4.99, "USD")]),
    ("The regulator fined the bank £12.5 million.", [F("£12.5 million", "money", 1.25e7, "GBP")]),
    ("Officials found GBP 15m had been misspent.", [F("GBP 15m", "money", 1.5e7, "GBP")]),
    ("The programme cost £350k to set up.", [F("£350k", "money", 350000, "GBP")]),
    ("The US spent $4.5 trillion on health care.", [F("$4.5 trillion", "money", 4.5e12, "USD")]),
    ("A one-off payment of £2,500 will be made to carers.", [F("£2,500", "money", 2500, "GBP")]),
    ("Public sector net debt was £2.5tn at the end of the month.", [F("£2.5tn", "money", 2.5e12, "GBP")]),
    ("The price starts at USD 22.5 million.", [F("USD 22.5 million", "money", 2.25e7, "USD")]),
    ("It costs 15 dollars and 50 cents.", [F("15 dollars and 50 cents", "money", 15.5, "USD")]),
    ("The trust lost £3,000,000 on the deal.", [F("£3,000,000", "money", 3e6, "GBP")]),
    ("Shares closed at 245p on Friday.", [F("245p", "money", 2.45, "GBP")]),
    ("The court awarded damages of £1m.", [F("£1m", "money", 1e6, "GBP")]),
    ("Ministers have set aside half a billion pounds for repairs.",
     [F("half a billion pounds", "money", 5e8, "GBP")]),
    ("Britain will give Ukraine a further £2.3bn in military aid.", [F("£2.3bn", "money", 2.3e9, "GBP")]),
    ("Canada committed C$500 million to the fund.", [F("C$500 million", "money", 5e8, "CAD")]),
    ("The council's reserves fell below £10m.", [F("£10m", "money", 1e7, "GBP", bound="max")]),
    # a currency word after a hyphen; a sub-unit amount is no amount of its own, nor its own currency
    ("The firm lost its one-yen bid for the city's computer system.", [F("one-yen", "money", 1, "JPY")]),
    ("She found a five-pound note in the street.", [F("five-pound", "money", 5, "GBP")]),
    ("If they had paid 15 USD 50 more, the deal would have closed.", [F("15 USD 50", "money", 15.5, "USD")]),
    ("The sign read 10 $ 30 $ for the two seats.",
     [F("10 $", "money", 10, "USD"), F("30 $", "money", 30, "USD"), F("two", "count", 2, "seats")]),
    ("The stall lists dumplings at 10 rmb 20 usd.",
     [F("10 rmb", "money", 10, "CNY"), F("20 usd", "money", 20, "USD")]),
    # a symbol before a no-break space, a code at the very start of the text
    (f"Fees of £{NBSP}500 were charged.", [F(f"£{NBSP}500", "money", 500, "GBP")]),
    ("USD 5bn was pledged by donors.", [F("USD 5bn", "money", 5e9, "USD")]),
]

# ---------------------------------------------------------------------------------------------------
# counts: digits, groups, scale words and suffixes, number words, vague plurals
# ---------------------------------------------------------------------------------------------------
COUNTS = [
    # a word that makes a number a label ('Building 7', 'Section 17') does not before a number in thousands
    ("The council has committed to building 2,000 homes.", [F("2,000", "count", 2000, "homes")]),
    # a part takes the noun of its whole, also when the whole's number is a word
    ("Two of the four new prisons will open in 2026.",
     [F("Two", "count", 2, "prisons"), F("four", "count", 4, "prisons"), F("2026", "year", 2026)]),
    ("The trust is building 12,500 homes on the site.", [F("12,500", "count", 12500, "homes")]),
    ("Some 10k runners took part in the race.", [F("10k", "count", 10000, "runners", approx=True)]),
    ("There are 1.2m people waiting for social care.", [F("1.2m", "count", 1.2e6, "people")]),
    ("The NHS employs 1.3 million staff.", [F("1.3 million", "count", 1.3e6, "staff")]),
    ("The 2021 census counted 1 234 567 households in the region.",
     [F("2021", "year", 2021), F("1 234 567", "count", 1234567, "households")]),
    (f"There are 1{THIN}234{THIN}567 registered voters.",
     [F(f"1{THIN}234{THIN}567", "count", 1234567, "registered voters")]),
    ("Local authorities have built 1,000 new homes.", [F("1,000", "count", 1000, "homes")]),
    ("There were 82,170 children in care.", [F("82,170", "count", 82170, "children")]),
    ("Twelve councils have declared a financial emergency.", [F("Twelve", "count", 12, "councils")]),
    ("Inspectors visited twenty-one schools.", [F("twenty-one", "count", 21, "schools")]),
    ("The trust closed one hundred and six beds.", [F("one hundred and six", "count", 106, "beds")]),
    ("Five chief executives signed the letter.", [F("Five", "count", 5, "chief executives")]),
    ("Hundreds of families have been moved into hotels.",
     [F("Hundreds", "count", None, "families", approx=True)]),
    ("Tens of thousands of people marched through London.",
     [F("Tens of thousands", "count", None, "people", approx=True)]),
    ("Thousands of patients are waiting for operations.",
     [F("Thousands", "count", None, "patients", approx=True)]),
    ("The storm left half a million homes without power.", [F("half a million", "count", 5e5, "homes")]),
    ("A dozen schools were closed by the strike.", [F("A dozen", "count", 12, "schools")]),
    ("A million children are growing up in poverty.", [F("A million", "count", 1e6, "children")]),
    ("Police made 43 arrests after the match.", [F("43", "count", 43, "arrests")]),
    ("There are 83,840 looked after children in England.",
     [F("83,840", "count", 83840, "looked after children")]),
    ("The world population could reach 9.7bn.", [F("9.7bn", "count", 9.7e9)]),
    ("A quarter of a million people signed the petition.",
     [F("A quarter of a million", "count", 250000, "people")]),
    ("Almost two million people use food banks.",
     [F("two million", "count", 2e6, "people", approx=True)]),
    ("Seven police forces missed the target.", [F("Seven", "count", 7, "police forces")]),
    # a part takes the noun of its whole
    ("Only 3 of the 12 councils responded.", [F("3", "count", 3, "councils"), F("12", "count", 12, "councils")]),
    ("The charity answered 300,000 calls.", [F("300,000", "count", 300000, "calls")]),
    ("Ofsted rated 88 per cent of schools good, and 4,500 were inspected.",
     [F("88 per cent", "percent", 88, "%"), F("4,500", "count", 4500)]),
    ("The city has 2,000 licensed taxis and 2,800 private hire vehicles.",
     [F("2,000", "count", 2000, "licensed taxis"), F("2,800", "count", 2800, "private hire vehicles")]),
    ("5 councils replied late.", [F("5", "count", 5, "councils")]),  # a one-digit count at the start of the text
]

# ---------------------------------------------------------------------------------------------------
# percentages, percentage points, shares
# ---------------------------------------------------------------------------------------------------
PERCENT = [
    ("Inflation rose to 10.1% in the year to July.", [F("10.1%", "percent", 10.1, "%")]),
    ("Unemployment was 4.2 per cent, the ONS said.", [F("4.2 per cent", "percent", 4.2, "%")]),
    ("The approval rating is 5.5 percent.", [F("5.5 percent", "percent", 5.5, "%")]),
    ("The rate rose by 3 percentage points.", [F("3 percentage points", "percent", 3, "percentage points")]),
    ("Support for the policy was up 0.5pp on the quarter.", [F("0.5pp", "percent", 0.5, "percentage points")]),
    ("Forty per cent of respondents said they were worse off.", [F("Forty per cent", "percent", 40, "%")]),
    ("House prices jumped 72pc in a decade.",
     [F("72pc", "percent", 72, "%"), F("decade", "duration", 10, "years")]),
    ("A third of children in the area live in poverty.", [F("A third", "percent", 33.33, "%", approx=True)]),
    ("Two thirds of councils expect to overspend.", [F("Two thirds", "percent", 66.67, "%", approx=True)]),
    ("Three-quarters of parents said costs had risen.",
     [F("Three-quarters", "percent", 75, "%")]),
    # a share is approximate when its percentage is rounded (a third: 33.33), or when hedged
    ("Half of all councils overspent on children's services.", [F("Half", "percent", 50, "%")]),
    ("More than half of councils are in deficit.",
     [F("half", "percent", 50, "%", bound="min")]),
    ("Nearly a quarter of adults are obese.", [F("a quarter", "percent", 25, "%", approx=True)]),
    ("The Bank of England raised rates to 5.25%.", [F("5.25%", "percent", 5.25, "%")]),
    ("Rates were cut by a quarter of a percentage point.",
     [F("a quarter of a percentage point", "percent", 0.25, "percentage points")]),
    ("Real wages fell by 2.5% over the year.", [F("2.5%", "percent", 2.5, "%")]),
    ("Turnout was 67.3 per cent.", [F("67.3 per cent", "percent", 67.3, "%")]),
    ("Growth slowed to one per cent.", [F("one per cent", "percent", 1, "%")]),
    ("GDP shrank by -0.3% in the third quarter.", [F("-0.3%", "percent", -0.3, "%")]),
]

# ---------------------------------------------------------------------------------------------------
# fractions in words: compound denominators, 'X over Y', 'a fifth' alone; ordinals and idioms that are none
# ---------------------------------------------------------------------------------------------------
FRACTIONS = [
    ("Only one twenty-fifth of the budget goes on prevention.",
     [F("one twenty-fifth", "percent", 4, "%")]),
    ("The plot covers three twenty-firsts of the site.",
     [F("three twenty-firsts", "percent", 14.29, "%", approx=True)]),
    ("Ninety-five hundredths of the land is farmed.",
     [F("Ninety-five hundredths", "percent", 95, "%")]),
    # a share written as a fraction is a percentage, as 'a third' is; a fraction on its own is a number (a count)
    ("The odds of a match are put at 1 over 20.", [F("1 over 20", "percent", 5, "%")]),
    ("The odds were one over three.", [F("one over three", "percent", 33.33, "%", approx=True)]),
    ("The answer is negative one over 20", [F("negative one over 20", "count", -0.05)]),
    ("1 over one hundred and twenty one", [F("1 over one hundred and twenty one", "count", 1 / 121)]),
    ("An increase of 500 over 2021.", [F("500", "count", 500), F("2021", "year", 2021)]),
    ("a fifth", [F("a fifth", "count", 0.2)]),
    ("Children waited two and a half years.", [F("two and a half years", "duration", 2.5, "years")]),
    ("Prices rose by one and a half per cent.", [F("one and a half per cent", "percent", 1.5, "%")]),
    ("The meeting lasted an hour and a half.", []),
    ("The council was rated inadequate for a fifth consecutive year.", []),
    ("The twenty-first century brought new problems.", []),
]

# ---------------------------------------------------------------------------------------------------
# ratios and multipliers
# ---------------------------------------------------------------------------------------------------
RATIOS = [
    ("Boys are three times more likely to be excluded than girls.", [F("three times", "ratio", 3, "times")]),
    ("Black children are twice as likely to be in care.", [F("twice", "ratio", 2, "times")]),
    # shares written 'one in five' are percentages (GUIDELINES), the whole phrase
    ("One in five children lives in a low-income household.", [F("One in five", "percent", 20, "%")]),
    ("Around one in four adults will experience a mental health problem.",
     [F("one in four", "percent", 25, "%", approx=True)]),
    ("Nine out of ten councils expect to overspend.", [F("Nine out of ten", "percent", 90, "%")]),
    ("Seven in 10 adults support the plan.", [F("Seven in 10", "percent", 70, "%")]),
    ("Energy bills were 3x higher than in 2020.", [F("3x", "ratio", 3, "times"), F("2020", "year", 2020)]),
    ("Referrals have risen fourfold since the pandemic.", [F("fourfold", "ratio", 4, "times")]),
    ("Costs rose 10-fold.", [F("10-fold", "ratio", 10, "times")]),
    ("Demand is 1.5 times the national average.", [F("1.5 times", "ratio", 1.5, "times")]),
    ("Prices rose by a factor of three.", [F("a factor of three", "ratio", 3, "times")]),
    # a fold word at the very start of the text; two in a row, each read from its own trigger
    ("Twofold rises in fees were reported.", [F("Twofold", "ratio", 2, "times")]),
    ("Costs rose twofold, threefold in some areas.",
     [F("twofold", "ratio", 2, "times"), F("threefold", "ratio", 3, "times")]),
]

# ---------------------------------------------------------------------------------------------------
# years and financial years
# ---------------------------------------------------------------------------------------------------
YEARS = [
    ("In 2019, the council closed its last youth centre.", [F("2019", "year", 2019)]),
    ("The government wants to halve the number by 2032.", [F("halve", "ratio", 0.5, "times"), F("2032", "year", 2032)]),
    ("The 2026/27 settlement was published on Tuesday.", [F("2026/27", "year", "2026/27")]),
    ("Budgets for 2026-27 have not been set.", [F("2026-27", "year", "2026/27")]),
    ("Spending fell in real terms in 2023/24.", [F("2023/24", "year", "2023/24")]),
    ("Councils overspent by £1.2bn in 2022-23.",
     [F("£1.2bn", "money", 1.2e9, "GBP"), F("2022-23", "year", "2022/23")]),
    ("The plan runs from FY2025/26.", [F("FY2025/26", "year", "2025/26")]),
    ("Show me sales in the year of 2008.", [F("2008", "year", 2008)]),
    ("Between 2010 and 2020 the number doubled.",
     [F("2010", "year", 2010, link=("range", "low")), F("2020", "year", 2020, link=("range", "high")),
      F("doubled", "ratio", 2, "times")]),
    ("Pay was frozen in 2011 and 2012.", [F("2011", "year", 2011), F("2012", "year", 2012)]),
    ("Spending on children's social care reached £12.2bn in 2024/25.",
     [F("£12.2bn", "money", 1.22e10, "GBP"), F("2024/25", "year", "2024/25")]),
    ("The figures cover April 2024/25.", [F("2024/25", "year", "2024/25")]),
    # 'FY' with or without a space is part of the span, also at the start of the text; an en dash joins the years;
    # a link or a date after a financial year
    ("In FY 2025/26 the council expects a £20m gap.",
     [F("FY 2025/26", "year", "2025/26"), F("£20m", "money", 2e7, "GBP")]),
    ("FY2025/26 budgets were set in March.", [F("FY2025/26", "year", "2025/26")]),
    ("In 2025–26 the gap is £20m.", [F("2025–26", "year", "2025/26"), F("£20m", "money", 2e7, "GBP")]),
    ("In 2025/26, see https://gov.uk/care for details.", [F("2025/26", "year", "2025/26")]),
    # a span of up to 30 years is one period; a longer one is two years (a range), and the years after it are read
    ("Data for 1990-2020 were revised.", [F("1990-2020", "year", "1990/20")]),
    ("The 1990-2030 projection and the 2025/26 budget differ.",
     [F("1990", "year", 1990, link=("range", "low")), F("2030", "year", 2030, link=("range", "high")),
      F("2025/26", "year", "2025/26")]),
    ("In 2025/26, from 1 April 2025, fees rise.",
     [F("2025/26", "year", "2025/26"), F("1 April 2025", "date", "2025-04-01")]),
]

# ---------------------------------------------------------------------------------------------------
# dates, UK and US forms
# ---------------------------------------------------------------------------------------------------
DATES = [
    ("The report was published on 23 May 2022.", [F("23 May 2022", "date", "2022-05-23")]),
    ("The bill was signed on May 23, 2022.", [F("May 23, 2022", "date", "2022-05-23")]),
    ("Prices peaked in March 2023.", [F("March 2023", "date", "2023-03")]),
    # a weekday before a date is no part of its span
    ("The strike began on Monday 4th March 2024.", [F("4th March 2024", "date", "2024-03-04")]),
    ("Data were extracted on 2022-05-23.", [F("2022-05-23", "date", "2022-05-23")]),
    ("The deadline is 23/05/2022.", [F("23/05/2022", "date", "2022-05-23")]),
    ("The form was filed on 12/31/2023.", [F("12/31/2023", "date", "2023-12-31")]),
    ("Published Wednesday, 7 June 2023", [F("7 June 2023", "date", "2023-06-07")]),
    ("The act received royal assent on 5th of November 2021.",
     [F("5th of November 2021", "date", "2021-11-05")]),
    ("The vote is scheduled for Sept. 12, 2023.", [F("Sept. 12, 2023", "date", "2023-09-12")]),
    ("The rules change on 1 April.", [F("1 April", "date", "--04-01")]),
    ("I was born in April of 1987.", [F("April of 1987", "date", "1987-04")]),
    ("The figures cover the year to 31 Dec 2023.", [F("31 Dec 2023", "date", "2023-12-31")]),
    ("Consultation closes at the end of June 2024.", [F("June 2024", "date", "2024-06")]),
    ("Monday, March 4, 2024 was the start date.", [F("March 4, 2024", "date", "2024-03-04")]),
    # dates in numbers: the last day and month, the first, UK order unless only the US one is valid ('12/13'),
    # a two-digit year below 70 in this century, from 70 in the last
    ("The consultation closed on 31/12/2024.", [F("31/12/2024", "date", "2024-12-31")]),
    ("Applications opened on 01/01/2025.", [F("01/01/2025", "date", "2025-01-01")]),
    ("The form is dated 12/13/2024.", [F("12/13/2024", "date", "2024-12-13")]),
    ("The letter is dated 05/12/2024.", [F("05/12/2024", "date", "2024-12-05")]),
    ("On 29.05.70 the Act received Royal Assent.", [F("29.05.70", "date", "1970-05-29")]),
    ("Minutes of the meeting of 03.04.69 were kept.", [F("03.04.69", "date", "2069-04-03")]),
    # a month at the very start of the text (a three-letter one too), and a dateline before a headline that ends
    # in a letter
    ("May 23, 2024 is the deadline for bids.", [F("May 23, 2024", "date", "2024-05-23")]),
    ("Jan 5 2024 was the first day of the pilot.", [F("Jan 5 2024", "date", "2024-01-05")]),
    ("March 4, 2024 Council tax bills rise", [F("March 4, 2024", "date", "2024-03-04")]),
    # a number right after a date that ends in a month starts no second date; a month glued to the word before it
    ("On 23 May, 24 councils had replied.", [F("23 May", "date", "--05-23"), F("24", "count", 24, "councils")]),
    ("Last updatedJune 4, 2024", [F("June 4, 2024", "date", "2024-06-04")]),
    # what is no date (a section number, 'may' the verb, a date inside a link) leaves the dates after it alone
    ("See section 1.2.10 on 4 May 2024.", [F("4 May 2024", "date", "2024-05-04")]),
    ("Carers may 20 hours a week be unpaid, a survey of 4 May 2024 found.",
     [F("20 hours", "duration", 20, "hours", rate="week"), F("4 May 2024", "date", "2024-05-04")]),
    ("Guidance at https://gov.uk/news/2024-05-01 took effect on 4 May 2024.", [F("4 May 2024", "date", "2024-05-04")]),
]

# ---------------------------------------------------------------------------------------------------
# durations
# ---------------------------------------------------------------------------------------------------
DURATIONS = [
    # a fraction of a period is a length of time, not a share ('half a century' was 50%); not before 'earlier'
    ("Prison numbers are at their highest level for half a century.",
     [F("half a century", "duration", 50, "years")]),
    ("It is the first fall in a quarter of a century.", [F("a quarter of a century", "duration", 25, "years")]),
    ("Rents have risen for half a decade.", [F("half a decade", "duration", 5, "years")]),
    ("Four in five used agency staff, against three quarters a year earlier.",
     [F("Four in five", "percent", 80, "%"), F("three quarters", "percent", 75, "%")]),
    ("The council set out a 10-year plan for housing.", [F("10-year", "duration", 10, "years")]),
    ("The programme will run for two years.", [F("two years", "duration", 2, "years")]),
    ("Pupils have endured a decade of cuts.", [F("decade", "duration", 10, "years")]),
    ("Over the last decade, spending has fallen.", [F("decade", "duration", 10, "years")]),
    ("Children waited 18 months for an assessment.", [F("18 months", "duration", 18, "months")]),
    ("It launched a two-year pilot in Leeds.", [F("two-year", "duration", 2, "years")]),
    ("as part of a five year reform programme", [F("five year", "duration", 5, "years")]),
    ("The consultation lasts six weeks.", [F("six weeks", "duration", 6, "weeks")]),
    ("Life expectancy has stalled for two decades.", [F("two decades", "duration", 20, "years")]),
    ("Councils must respond within 28 days.", [F("28 days", "duration", 28, "days")]),
    ("Staff waited more than 10 years for a pay rise.", [F("10 years", "duration", 10, "years", bound="min")]),
    ("The inquiry heard evidence for 90 days.", [F("90 days", "duration", 90, "days")]),
    ("It happened a year ago.", []),
]

# ---------------------------------------------------------------------------------------------------
# ages and other quantities
# ---------------------------------------------------------------------------------------------------
QUANTITIES = [
    ("Young people aged 16 can apply.", [F("16", "quantity", 16, "years of age")]),
    ("The boy was five years old.", [F("five years old", "quantity", 5, "years of age")]),
    ("The scheme is open to 18-year-olds.", [F("18-year-olds", "quantity", 18, "years of age")]),
    ("A 15-year-old boy was arrested.", [F("15-year-old", "quantity", 15, "years of age")]),
    ("Pupils aged 11 to 16 took part.",
     [F("11", "quantity", 11, "years of age", link=("range", "low")),
      F("16", "quantity", 16, "years of age", link=("range", "high"))]),
    ("The pension applies to people aged 66 and over.",
     [F("66", "quantity", 66, "years of age", bound="min")]),
    # 'under', 'over', 'between' after 'aged' (rows of the age_words lexicon)
    ("Children aged under 5 took part.", [F("5", "quantity", 5, "years of age", bound="max")]),
    ("Adults aged over 65 took part.", [F("65", "quantity", 65, "years of age", bound="min")]),
    ("Adults aged between 18 and 24 took part.",
     [F("18", "quantity", 18, "years of age", link=("range", "low")),
      F("24", "quantity", 24, "years of age", link=("range", "high"))]),
    ("The road is 12 km long.", [F("12 km", "quantity", 12, "kilometres")]),
    ("Each bin can hold 40 kg of waste.", [F("40 kg", "quantity", 40, "kilograms")]),
    ("Nurses work 37.5 hours a week.", [F("37.5 hours", "duration", 37.5, "hours", rate="week")]),
    ("Temperatures reached 40°C in July.", [F("40°C", "quantity", 40, "degrees Celsius")]),
    ("The speed limit was cut to 20mph.", [F("20mph", "quantity", 20, "miles per hour")]),
    ("The plant will produce 500 MW of power.", [F("500 MW", "quantity", 500, "megawatts")]),
    ("The council collected 10,000 tonnes of waste.", [F("10,000 tonnes", "quantity", 10000, "tonnes")]),
    # a scale word between the number and its unit; a unit with its metric prefix written out
    ("Landfill took 2.4 million tonnes of rubbish.", [F("2.4 million tonnes", "quantity", 2400000, "tonnes")]),
    ("The reservoir supplies 120 megalitres a day.", [F("120 megalitres", "quantity", 120, "megalitres",
                                                       rate="day")]),
    ("The wind farm will generate 800 megawatts.", [F("800 megawatts", "quantity", 800, "megawatts")]),
    ("Each tablet contains 150 mg of the drug.", [F("150 mg", "quantity", 150, "milligram")]),
    ("The new chip runs at 3 GHz.", [F("3 GHz", "quantity", 3, "gigahertz")]),
    ("Traffic noise stayed under 55 dB at night.", [F("55 dB", "quantity", 55, "decibel", bound="max")]),
    ("The patient was 87 yo.", [F("87 yo", "quantity", 87, "years of age")]),
]

# ---------------------------------------------------------------------------------------------------
# hedges, bounds and rates
# ---------------------------------------------------------------------------------------------------
MODIFIERS = [
    ("Close to 1,000 staff have left.", [F("1,000", "count", 1000, "staff", approx=True)]),
    ("Almost 50% of carers are over 55.",
     [F("50%", "percent", 50, "%", approx=True), F("55", "quantity", 55, "years of age", bound="min")]),
    ("The fraud cost nearly £2m.", [F("£2m", "money", 2e6, "GBP", approx=True)]),
    ("Waiting lists are approaching 10,000.", [F("10,000", "count", 10000, approx=True)]),
    ("Some 400 homes were flooded.", [F("400", "count", 400, "homes", approx=True)]),
    ("Roughly 20 schools will close.", [F("20", "count", 20, "schools", approx=True)]),
    ("An estimated 3,000 carers are owed money.", [F("3,000", "count", 3000, "carers", approx=True)]),
    ("About 12 councils have issued section 114 notices.",
     [F("12", "count", 12, "councils", approx=True)]),
    ("Around £5bn is spent on agency staff.", [F("£5bn", "money", 5e9, "GBP", approx=True)]),
    ("Approximately 7% of pupils were absent.", [F("7%", "percent", 7, "%", approx=True)]),
    ("More than 200 homes were evacuated.", [F("200", "count", 200, "homes", bound="min")]),
    ("Over 50 councils responded to the survey.", [F("50", "count", 50, "councils", bound="min")]),
    ("The scheme will cost at least £5m.", [F("£5m", "money", 5e6, "GBP", bound="min")]),
    ("Energy bills could rise by up to 30%.", [F("30%", "percent", 30, "%", bound="max")]),
    ("Fewer than 10 schools met the standard.", [F("10", "count", 10, "schools", bound="max")]),
    ("Households earning under £20,000 qualify.", [F("£20,000", "money", 20000, "GBP", bound="max")]),
    ("The project cost less than £1bn.", [F("£1bn", "money", 1e9, "GBP", bound="max")]),
    ("Just over 4,000 nurses joined last year.",
     [F("4,000", "count", 4000, "nurses", approx=True, bound="min")]),
    ("No more than 30 pupils per class.", [F("30", "quantity", 30, "pupils per class", bound="max")]),
    ("As many as 1.5 million workers could strike.",
     [F("1.5 million", "count", 1.5e6, "workers", bound="min")]),
    ("Councils hold 5,000 or more empty homes.", [F("5,000", "count", 5000, "empty homes", bound="min")]),
    ("Upwards of 2,000 families are waiting.", [F("2,000", "count", 2000, "families", bound="min")]),
    ("The scheme costs in excess of £3bn.", [F("£3bn", "money", 3e9, "GBP", bound="min")]),
    ("Less than 5% of the budget goes on prevention.", [F("5%", "percent", 5, "%", bound="max")]),
    ("Up to 400 places will be created.", [F("400", "count", 400, "places", bound="max")]),
    ("At least 30 councils are at risk.", [F("30", "count", 30, "councils", bound="min")]),
    ("Each family will get £500 a year.", [F("£500", "money", 500, "GBP", rate="year")]),
    ("Ministers will save £20m each year.", [F("£20m", "money", 2e7, "GBP", rate="year")]),
    ("The post pays £45,000 per annum.", [F("£45,000", "money", 45000, "GBP", rate="year")]),
    ("The council has an annual budget of £3m.", [F("£3m", "money", 3e6, "GBP", rate="year")]),
    # 'per' and a word of its own after a sum: a price per that unit ('per cent' is none)
    ("The electricity unit rate will be 27.03p per kWh.", [F("27.03p", "money", 0.2703, "GBP", rate="kWh")]),
    ("Petrol costs £1.50 per litre.", [F("£1.50", "money", 1.5, "GBP", rate="litre")]),
    # 'annual' before a noun, its own phrase ('of a prison place') and its verb: a yearly sum
    ("The annual cost of a prison place is £54,000.", [F("£54,000", "money", 54000, "GBP", rate="year")]),
    ("The annual report of the council said £5m was spent.", [F("£5m", "money", 5e6, "GBP")]),
    ("Claimants receive £50 per week.", [F("£50", "money", 50, "GBP", rate="week")]),
    ("Rent is £1,200 a month.", [F("£1,200", "money", 1200, "GBP", rate="month")]),
    ("The minimum wage rises to £11.44 an hour.", [F("£11.44", "money", 11.44, "GBP", rate="hour")]),
    ("The NHS would get £350m a week.", [F("£350m", "money", 3.5e8, "GBP", rate="week")]),
    ("It is a £1bn-a-year programme.", [F("£1bn", "money", 1e9, "GBP", rate="year")]),
    ("Households pay £97 more every year.", [F("£97", "money", 97, "GBP", rate="year")]),
    ("The fund spends £4bn annually.", [F("£4bn", "money", 4e9, "GBP", rate="year")]),
    ("The average cost is £3.5k per pupil.", [F("£3.5k", "money", 3500, "GBP", rate="pupil")]),
    ("The levy raises £400m per year.", [F("£400m", "money", 4e8, "GBP", rate="year")]),
    ("Families pay £150 per month.", [F("£150", "money", 150, "GBP", rate="month")]),
    ("The scheme will help 30,000 more children a year.",
     [F("30,000", "count", 30000, "children", rate="year")]),
    ("Staff earn £30,000 a year before tax.", [F("£30,000", "money", 30000, "GBP", rate="year")]),
    ("Spending has risen by £5m every year since 2010.",
     [F("£5m", "money", 5e6, "GBP", rate="year"), F("2010", "year", 2010)]),
    # a year earlier, ago, before: a point in time, not a rate
    ("Spending was £4m a year earlier.", [F("£4m", "money", 4e6, "GBP")]),
    ("It cost £5m, compared with £4m a year ago.",
     [F("£5m", "money", 5e6, "GBP", link=("change", "to")), F("£4m", "money", 4e6, "GBP", link=("change", "from"))]),
    ("There were 500 a year before.", [F("500", "count", 500)]),
    ("Profits were £5m a year or so ago.", [F("£5m", "money", 5e6, "GBP")]),
]

# ---------------------------------------------------------------------------------------------------
# ranges and changes
# ---------------------------------------------------------------------------------------------------
LO, HI, FR, TO, BY = ("range", "low"), ("range", "high"), ("change", "from"), ("change", "to"), ("change", "by")
LINKS = [
    ("Between 80,000 and 100,000 children could be in care by 2032.",
     [F("80,000", "count", 80000, "children", link=LO), F("100,000", "count", 100000, "children", link=HI),
      F("2032", "year", 2032)]),
    ("An estimated 80,000 to 100,000 children are affected.",
     [F("80,000", "count", 80000, "children", approx=True, link=LO),
      F("100,000", "count", 100000, "children", link=HI)]),
    ("The shortfall is £10-15bn.",
     [F("£10", "money", 1e10, "GBP", link=LO), F("15bn", "money", 1.5e10, "GBP", link=HI)]),
    ("Between 2 and 3 million people are affected.",
     [F("2", "count", 2e6, "people", link=LO), F("3 million", "count", 3e6, "people", link=HI)]),
    ("Premiums could rise 10-15% next year.",
     [F("10", "percent", 10, "%", link=LO), F("15%", "percent", 15, "%", link=HI)]),
    ("Bills will be £5m–£7m higher.",
     [F("£5m", "money", 5e6, "GBP", link=LO), F("£7m", "money", 7e6, "GBP", link=HI)]),
    ("Between 20% and 30% of homes are affected.",
     [F("20%", "percent", 20, "%", link=LO), F("30%", "percent", 30, "%", link=HI)]),
    ("The work takes 3 to 5 years.",
     [F("3", "duration", 3, "years", link=LO), F("5 years", "duration", 5, "years", link=HI)]),
    ("Salaries range from £20,000 to £30,000 a year.",
     [F("£20,000", "money", 20000, "GBP", rate="year", link=FR),
      F("£30,000", "money", 30000, "GBP", rate="year", link=TO)]),
    ("The cost is estimated at 1.5-2 million pounds.",
     [F("1.5", "money", 1.5e6, "GBP", link=LO), F("2 million pounds", "money", 2e6, "GBP", link=HI)]),
    ("Spending rose from £6bn to £8.2bn.",
     [F("£6bn", "money", 6e9, "GBP", link=FR), F("£8.2bn", "money", 8.2e9, "GBP", link=TO)]),
    ("The number rose to 82,000, up from 80,000 a year earlier.",
     [F("82,000", "count", 82000, link=TO), F("80,000", "count", 80000, link=FR)]),
    ("The deficit reached £2.1bn, up from £1.4bn.",
     [F("£2.1bn", "money", 2.1e9, "GBP", link=TO), F("£1.4bn", "money", 1.4e9, "GBP", link=FR)]),
    ("The rate rose from 12% to 15%.",
     [F("12%", "percent", 12, "%", link=FR), F("15%", "percent", 15, "%", link=TO)]),
    ("Vacancies fell to 4,000 from 5,200.",
     [F("4,000", "count", 4000, link=TO), F("5,200", "count", 5200, link=FR)]),
    # a change by an amount to a new level: 'by' and 'to'
    ("Prescription charges rose by 15p to £9.90.",
     [F("15p", "money", 0.15, "GBP", link=BY), F("£9.90", "money", 9.9, "GBP", link=TO)]),
    ("Unemployment fell by 0.2 percentage points to 4.1%.",
     [F("0.2 percentage points", "percent", 0.2, "percentage points", link=BY),
      F("4.1%", "percent", 4.1, "%", link=TO)]),
    ("A loaf now costs £1.40, up from 95p.",
     [F("£1.40", "money", 1.4, "GBP", link=TO), F("95p", "money", 0.95, "GBP", link=FR)]),
]

# ---------------------------------------------------------------------------------------------------
# not figures
# ---------------------------------------------------------------------------------------------------
NEGATIVES = [
    ("The 3rd report found the first signs of improvement.", []),
    ("This was the second time in a row.", []),
    ("1. Introduction", []),
    ("3 min read", []),
    ("Call 020 7843 6000 for advice.", []),
    ("Contact the press office on +44 20 7946 0958.", []),
    ("Write to us at 10 Example Street, London SW1A 2AA.", []),
    ("The meeting starts at 10:30am.", []),
    ("Doors open at 9am.", []),
    ("One of the biggest challenges is recruitment.", []),
    ("No one was available to comment.", []),
    ("It is a once in a generation opportunity.", []),
    ("Number 10 declined to comment.", []),
    ("The duty falls under Section 17 of the act.", []),
    ("COVID-19 changed everything.", []),
    ("Visit https://www.ons.gov.uk/releases/2023/table-4 for details.", []),
    ("Email press2024@nspcc.org.uk for comment.", []),
    ("Update the app to version 2.3.1 now.", []),
    ("Article 12 of the convention applies.", []),
    ("The G7 summit was held in Cornwall.", []),
    ("Traffic on the M25 was heavy.", []),
    ("See page 3 and Figure 4.", []),
    ("The results are in Table 2.1.", []),
    ("The helpline is open 24/7.", []),
    ("Year 6 pupils sit their SATs.", []),
    ("Tier 4 restrictions were lifted.", []),
    ("One day, things will change.", []),
    ("At one point the queue stretched round the block.", []),
    ("Music from the 1990s filled the hall.", []),
    ("It was a one-off.", []),
    ("Any one of them could win.", []),
    ("The 21st century brought new problems.", []),
    ("Follow @ONS and #census2021 for updates.", []),
    ("(3) Introduction", []),
    ("  12. Conclusions", []),
    ("Doors open at 9.30 pm.", []),
    ("Call us on (020) 7946 0958.", []),
    ("The office is at SW1A 2AA.", []),
    ("See www.gov.uk/guidance/2023-rules for the rules.", []),
    (f"See section{NBSP}1.2.10 of the guidance.", []),  # a label word before a no-break space
]

ALL = (MONEY + COUNTS + PERCENT + FRACTIONS + RATIOS + YEARS + DATES + DURATIONS + QUANTITIES + MODIFIERS + LINKS
       + NEGATIVES)


@pytest.mark.parametrize(("sentence", "expected"), MONEY, ids=_ids(MONEY))
def test_money(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), COUNTS, ids=_ids(COUNTS))
def test_counts(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), PERCENT, ids=_ids(PERCENT))
def test_percent(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), FRACTIONS, ids=_ids(FRACTIONS))
def test_fractions(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), RATIOS, ids=_ids(RATIOS))
def test_ratios(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), YEARS, ids=_ids(YEARS))
def test_years(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), DATES, ids=_ids(DATES))
def test_dates(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), DURATIONS, ids=_ids(DURATIONS))
def test_durations(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), QUANTITIES, ids=_ids(QUANTITIES))
def test_quantities(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), MODIFIERS, ids=_ids(MODIFIERS))
def test_hedges_bounds_rates(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), LINKS, ids=_ids(LINKS))
def test_ranges_and_changes(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), NEGATIVES, ids=_ids(NEGATIVES))
def test_not_figures(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)



# Identifiers beside real figures: the link, address, e-mail, tag or time holds no figure, and the figures around
# it are still found. A number glued to letters ('2024review', '#100Days', '3min') would otherwise be read by its
# suffix as a year, a duration or a quantity; a time after a figure that is not excluded must still be.
IDENTIFIERS = [
    ("See the report (https://ifs.org.uk/2024/send) on 30,000 children.",
     [F("30,000", "count", 30000, "children")]),
    ('The data ("https://www.ons.gov.uk/2023") cover 5,000 homes.', [F("5,000", "count", 5000, "homes")]),
    ("The guide [www.gov.uk/2023-rules] lists 4 steps.", [F("4", "count", 4, "steps")]),
    ("The figures are at http://example.org/stats/2023 and cover 40 councils.", [F("40", "count", 40, "councils")]),
    ("Doors open at 9.30 pm and close at 11 pm.", []),
    ("See https://www.gov.uk/2021 and https://www.gov.uk/2022 for the 3 tables.", [F("3", "count", 3, "tables")]),
    ("Full tables for all 152 councils: https://www.ons.gov.uk/2023", [F("152", "count", 152, "councils")]),
    ("Email 2024review@dhsc.gov.uk or 2025plan@dhsc.gov.uk for the 3 forms.", [F("3", "count", 3, "forms")]),
    ("#100Days: the campaign ran for 100 days.", [F("100 days", "duration", 100, "days")]),
    ("Enter your reference followed by # to hear the 3 options.", [F("3", "count", 3, "options")]),
    # an address far into a paragraph: its local part is still found (the look-back is bounded, not the position)
    ("The consultation, which closes on 5 June, asks councils, providers, unpaid carers and people who draw on care "
     "how the reforms should be phased in, what support the 40 pilot areas need, and how charging should work; "
     "responses can be sent by post or by email to 2024review@dhsc.gov.uk.",
     [F("5 June", "date", "--06-05"), F("40", "count", 40, "pilot areas")]),
    ("Email 2024review@council.gov.uk for the 12 reports.", [F("12", "count", 12, "reports")]),
    ("Email 2024.review@ons.gov.uk about the 4 reports.", [F("4", "count", 4, "reports")]),
    ("Write to 2024-consultation@dhsc.gov.uk with 3 examples.", [F("3", "count", 3, "examples")]),
    ("Contact j.smith.2024@council.gov.uk about the 300 places.", [F("300", "count", 300, "places")]),
    ("Contact 1000voices@carers.org for the 50 stories.", [F("50", "count", 50, "stories")]),
    ("Email jane_2024+survey@ons.gov.uk today.", []),
    ("The campaign #100Days ran for 100 days.", [F("100 days", "duration", 100, "days")]),
    ("Share your views with #2024Review by 5 June.", [F("5 June", "date", "--06-05")]),
    ("It is a 3min read for the 40 councils.", [F("40", "count", 40, "councils")]),
    ("The charity is at 221B Baker Street; 40 staff work there.", [F("40", "count", 40, "staff")]),
    ("Visiting ends at 8 pm in 14 wards, and at 9 pm in 3.",
     [F("14", "count", 14, "wards"), F("3", "count", 3, "wards")]),
    ("The 12 councils (40 were asked) close their offices at 5 pm.",
     [F("12", "count", 12, "councils"), F("40", "count", 40, "councils")]),
]


@pytest.mark.parametrize(("sentence", "expected"), IDENTIFIERS, ids=_ids(IDENTIFIERS))
def test_identifiers_beside_figures(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# What the words around a number decide (context.py): a fraction before 'the', 'a', a bracket, a comma, a semicolon
# or a closing bracket, or after 'by', 'almost', is a share (a percentage); 'b' is a billion only glued to the
# number ('£1.2b'), not when it letters the next option ('a) £5 b) £10').
CONTEXT = [
    ("Families are paid at half the rate given for the first child.", [F("half", "percent", 50, "%")]),
    ("More than half said pay was too low.", [F("half", "percent", 50, "%", bound="min")]),
    ("Four in five posts were filled by agency staff, against three quarters a year earlier.",
     [F("Four in five", "percent", 80, "%"), F("three quarters", "percent", 75, "%")]),
    ("As a result, two-fifths (43%) of councils are at risk of overspending.",
     [F("two-fifths", "percent", 40, "%"), F("43%", "percent", 43, "%")]),
    ("Two thirds, or 66%, of carers agreed.", [F("Two thirds", "percent", 66.67, "%", approx=True),
                                               F("66%", "percent", 66, "%")]),
    ("Staff turnover was a tenth; vacancies were higher.", [F("a tenth", "percent", 10, "%")]),
    ("Some 400 homes (a third) failed the inspection.",
     [F("400", "count", 400, "homes", approx=True), F("a third", "percent", 33.33, "%", approx=True)]),
    ("The number of social workers must rise by a third over the next ten years.",
     [F("a third", "percent", 33.33, "%", approx=True), F("ten years", "duration", 10, "years")]),
    ("Councils lost 5,400 social workers, almost a tenth more than the year before.",
     [F("5,400", "count", 5400, "social workers"), F("a tenth", "percent", 10, "%", approx=True)]),
    ("Respondents chose a) £5 b) £10 or c) £20.",
     [F("£5", "money", 5, "GBP"), F("£10", "money", 10, "GBP"), F("£20", "money", 20, "GBP")]),
    ("Councils had a deficit of £1.2b; the year before it was £0.8b.",
     [F("£1.2b", "money", 1.2e9, "GBP"), F("£0.8b", "money", 0.8e9, "GBP")]),
    # 'one day' that opens a clause, after quotes, is the idiom; elsewhere a length of time
    ('"One day, things will change," she said.', []),
    ('He said: "One day the system will break."', []),
    ("Staff worked one day a week.", [F("one day", "duration", 1, "days", rate="week")]),
    # a currency named in words; 'per week' after the counted noun is a rate, 'per social worker' part of the unit
    ("It cost 1,500 US dollars.", [F("1,500 US dollars", "money", 1500, "USD")]),
    ("There are 16.3 cases per week.", [F("16.3", "quantity", 16.3, "cases", rate="week")]),
    ("There are 16.3 cases per social worker.", [F("16.3", "quantity", 16.3, "cases per social worker")]),
    # a year before a singular noun that ends in 's' ('business', 'analysis') is still a year
    ("By 2030 business rates will rise by 5%.", [F("2030", "year", 2030), F("5%", "percent", 5, "%")]),
    ("In 2020 analysis showed 40 councils overspent.", [F("2020", "year", 2020), F("40", "count", 40, "councils")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CONTEXT, ids=_ids(CONTEXT))
def test_what_the_context_decides(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# Number cores (cores.py): a number word after a comma, a vague plural before a later duration, a verb of
# multiplying before an adverb ('could potentially triple overnight').
CORES = [
    ("In Leeds, two councils shared £5.3m in 2021, a rise of 4%.",
     [F("two", "count", 2, "councils"), F("£5.3m", "money", 5.3e6, "GBP"), F("2021", "year", 2021),
      F("4%", "percent", 4, "%")]),
    ("Without more funding, thousands more children would wait over the next decade.",
     [F("thousands", "count", None, "children", approx=True), F("decade", "duration", 10, "years")]),
    ("Deficits could potentially triple overnight, tipping 60% more councils into insolvency.",
     [F("triple", "ratio", 3, "times"), F("60%", "percent", 60, "%")]),
    ("Costs could double again, adding £2bn.", [F("double", "ratio", 2, "times"), F("£2bn", "money", 2e9, "GBP")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CORES, ids=_ids(CORES))
def test_number_cores(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# A sign on a short line that holds no prose (a table cell read as text) signs its number; before prose a dash is
# a bullet.
SIGNED = [
    ("Change in grant\n- 10 k\n+ 5 k", [F("- 10 k", "count", -10000), F("5 k", "count", 5000)]),
    ("Net change\n- 1 4/5\nTotal", [F("- 1 4/5", "count", -1.8)]),
    ("Budget line\n– 12%\n– 4%", [F("– 12%", "percent", -12, "%"), F("– 4%", "percent", -4, "%")]),
    ("Income\n−4.5", [F("−4.5", "count", -4.5)]),
    ("- 30,000 children are waiting for a plan.", [F("30,000", "count", 30000, "children")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SIGNED, ids=_ids(SIGNED))
def test_signed_table_lines(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# A four-digit number before a plural noun counts it: it is never a year (tests/test_years_and_positions.py has
# the cases where a word before it makes it one).
@pytest.mark.parametrize("sentence", ["There were 2000 people waiting.", "By 2025, 2000 people will be waiting."])
def test_a_number_before_a_plural_noun_is_no_year(sentence: str) -> None:
    got = [(f.text, f.kind, f.value, f.unit) for f in extract(sentence).figures if f.text == "2000"]
    assert got == [("2000", "count", 2000.0, "people")]


# Letters that the patterns' case-insensitive matching reads as ASCII ('ſ' as 's', the Kelvin sign as 'k',
# 'İ' as 'i'): the unit, month and rate tables are looked up by the same folded key, never a missing one.
FOLDED = [
    ("They waited 5 yearſ for a place.", [F("5 yearſ", "duration", 5, "years")]),
    ("It costs £3 per weeK.", [F("£3", "money", 3, "GBP", rate="week")]),
    ("The bill was 50 pence.", [F("50 pence", "money", 0.5, "GBP")]),
    ("On 3 JAN 2020 the review began.", [F("3 JAN 2020", "date", "2020-01-03")]),
    # 'İ' lower-cases to two characters: the lower-cased text keeps the offsets of the text
    ("İstanbul spent £5m on 2,000 homes in March 2024.",
     [F("£5m", "money", 5e6, "GBP"), F("2,000", "count", 2000, "homes"), F("March 2024", "date", "2024-03")]),
]


@pytest.mark.parametrize(("sentence", "expected"), FOLDED, ids=_ids(FOLDED))
def test_case_folded_letters(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


def test_case_count() -> None:
    assert len(ALL) >= 170


HOSTILE = {
    "digits": "1" * 100_000,
    "comma-groups": "1," * 50_000,
    "space-groups": "£" + "1 " * 50_000,
    "thin-space-groups": "1\u2009" * 50_000,
    "words": "one " * 20_000,
    "hyphenated-words": "twenty-" * 20_000,
    "dashes": "-" * 50_000 + "1",
    "dots": "1." * 50_000,
    "shares": "a third of " * 10_000,
    "between": "between " * 20_000 + "1",
    "slashes": "12/" * 30_000,
    "iso-dashes": "2022-" * 20_000,
    "one-in": "1 in " * 20_000,
    "ranges": "1-" * 50_000,
    "currency": "£" * 50_000 + "1",
    "months": "May " * 20_000,
    "per-cent": "1 per cent " * 10_000,
    "over": "1 over " * 20_000,
    "one-over": "one over " * 20_000,
    "urls": "http://a.b/1 " * 10_000,
    "at-signs": "a@b." * 25_000,
    "hashes": "#" * 50_000 + "1",
    "folds": "1-fold " * 10_000,
    "decades": "a decade " * 10_000,
    "per-cent-of": "per cent of " * 10_000,
    "financial-years": "FY2024/25 " * 10_000,
    "weekdays": "Monday, " * 20_000 + "4 March 2024",
    "fractions": "one twenty " * 20_000 + "fifths",
    "bullets": "- " * 50_000 + "1",
    "bullet-lines": "\n- 1" * 30_000,
    "numbered-paragraphs": "4 The number\n" * 20_000,
    "in-every": "1 in every " * 20_000,
    "per-base": "16.3 per " * 20_000,
    "ages": "who is " * 20_000 + "19",
    "names": "the two child " * 20_000,
    "multiples": "double " * 20_000,
    "wrapped-dates": "31\n" * 30_000 + "March",
    "periods": "2024-27-" * 20_000,
    "one-to-another": "one local " * 20_000 + "to another",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inputs_stay_fast(name: str) -> None:
    text = HOSTILE[name]
    scan("5 mg, 2 GHz")  # warm up
    t0 = time.perf_counter()
    scan(text)
    assert time.perf_counter() - t0 < 20.0  # generous: the machine may be shared; quadratic takes minutes


# The generic_units table holds quantulum3's own answers (scripts/build_generic_units.py): each token gives the
# unit quantulum3 names for "5 <token>", and a token it does not name as a unit of the token's own gives none.
GENERIC_TOKENS = ["mg", "GHz", "dB", "kWh", "µg", "km/h", "l/s", "m²", "Pa", "psi", "rpm", "key", "Sv", "yrs", "wk",
                  "MHz", "mmol", "hp", "kt"]


@pytest.mark.parametrize("token", GENERIC_TOKENS)
def test_generic_units_table_agrees_with_quantulum3(token: str) -> None:
    import warnings

    from caresocial.extraction.figures.tables import tables
    from caresocial.lexicons import Lexicons

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser = pytest.importorskip("quantulum3.parser")
        import sys
        from pathlib import Path

        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
        try:
            from build_generic_units import unit_for
        finally:
            sys.path.pop(0)
        expected = unit_for(parser, token)
    assert tables(Lexicons.default()).generic_units.get(token) == expected


def test_overlapping_excluded_spans_are_merged() -> None:
    """The spans that are never figures (links, e-mail addresses, phone numbers) are kept sorted and merged: a span
    that starts inside the one before extends it; one inside it adds nothing; spans that only touch stay apart."""
    from caresocial.extraction.figures.guards import merged

    assert merged([(3, 9), (0, 5), (12, 14)]) == [(0, 9), (12, 14)]
    assert merged([(0, 5), (10, 12), (11, 20)]) == [(0, 5), (10, 20)]
    assert merged([(0, 9), (2, 4), (20, 30), (25, 40)]) == [(0, 9), (20, 40)]
    assert merged([(0, 5), (5, 8)]) == [(0, 5), (5, 8)]
