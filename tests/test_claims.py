"""Claims on press-release-style sentences: the measure (what the figure quantifies), its aspect (level or
change) and its time (relation and year, per GUIDELINES "Which year to record"), asserted exactly.

``C(figure, measure, aspect, relation, year)`` names the claim built on a figure; a measure of None says no
measure was found (a unit never stands in for one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

import caresocial
from caresocial.extraction.claims.synonyms import inflections, measure_key

D = dt.date


@dataclass(frozen=True)
class C:
    """An expected claim on the figure written ``text``."""

    text: str
    measure: Any
    aspect: str
    relation: str
    year: Any


def _claims(text: str, date: dt.date | None, **kw: Any) -> dict[str, caresocial.Claim]:
    doc = caresocial.extract(text, doc_id="t", date=date, **kw)
    return {text[c.start:c.end]: c for c in doc.claims}


def assert_claims(text: str, date: dt.date | None, expected: list[C]) -> None:
    """Each expected claim is made, with its measure, aspect and time."""
    got = _claims(text, date)
    for exp in expected:
        assert exp.text in got, f"no claim on {exp.text!r}: {sorted(got)}"
        c = got[exp.text]
        assert (c.measure, c.aspect, c.time.relation, c.time.year) == \
            (exp.measure, exp.aspect, exp.relation, exp.year), (c.measure_text, c.time)


CASES = [
    # the counted noun with its qualifiers; 'last year' against the document's date
    ("There were 31,600 children and family social workers in post in England last year.", D(2023, 2, 23),
     [C("31,600", "children's social workers in post in england", "level", "at", 2022)]),
    # the subject of money: 'the high needs deficit ... could reach £4bn'
    ("The high needs deficit held by councils could reach £4bn by March 2026.", D(2024, 10, 1),
     [C("£4bn", "high needs deficit held by councils", "level", "by", 2026)]),
    # coordinated figures share one measure, each with its own year
    ("Councils spent £150m in 2019-20 and £200m in 2020-21 on agency staff.", D(2022, 1, 1),
     [C("£150m", "spending on agency workers", "level", "at", "2019/20"),
      C("£200m", "spending on agency workers", "level", "at", "2020/21")]),
    # a count of a noun alone right after a count of that noun named in full, in its paragraph, is that count
    # again; in the next paragraph it is not
    ("The number of midwives with a practising licence in 2023-24 was 31,200. That is an increase of 450 on "
     "2022-23, when there were 30,750 midwives.", D(2024, 9, 5),
     [C("30,750", "midwives with practising licence", "level", "at", "2022/23")]),
    ("The number of midwives with a practising licence in 2023-24 was 31,200.\n\nThere were 27,000 midwives in 2019.",
     D(2024, 9, 5), [C("27,000", "midwives", "level", "at", 2019)]),
    # an acronym ending in S is no plural subject whose verb the next word could be ('NHS work', 'ONS data')
    ("The number of physiotherapists doing NHS work rose to 12,400 in 2023-24.", D(2024, 9, 5),
     [C("12,400", "physiotherapists doing nhs work", "level", "to", "2023/24")]),
    # a speaker's label in a debate ('Lucy Frazer: We ...') is no subject a sum could measure
    ("Lucy Frazer: We will open the 40 new libraries, backed by £90 million, but the work is behind schedule.",
     D(2024, 9, 1), [C("£90 million", None, "level", "at", 2024)]),
    # a part of a figure ('6,500 of the 20,000 new places') counts what its whole counts, and what a passive after
    # the whole says was done to it; the whole is the total, not what was done
    ("Only 2,100 of the promised 8,000 new school places had been delivered by March 2024.", D(2024, 9, 1),
     [C("2,100", "new school places delivered", "level", "by", 2024), C("8,000", "new school places", "level", "by",
                                                                        2024)]),
    ("Some 300 of its 1,200 electric buses have been built.", D(2024, 9, 1),
     [C("300", "electric buses built", "level", "at", 2024), C("1,200", "electric buses", "level", "at", 2024)]),
    # a sentence whose subject only points back ('The number', 'The total', 'This') before a copula is about the
    # measure of the sentence before
    ("The number of families on the housing register was 2,310 in 2024. The number is below the peak of 2,870 "
     "in 2019.",
     D(2025, 1, 9), [C("2,870", "families on housing register", "level", "at", 2019)]),
    ("The number of bus journeys outside London was 2.1 billion in 2024. The total is 6% higher than in 2023.",
     D(2025, 1, 9), [C("6%", "change in bus journeys outside london", "change", "over", 2024)]),
    # a sum a verb of money puts *in* something measures what it goes to, not the thing ('£1.63bn in fee income')
    ("The department is investing £450 million in flood defences in 2025-26.", D(2025, 1, 9),
     [C("£450 million", "funding for flood defences", "level", "at", "2025/26")]),
    ("The trust will put £2m into staff training next year.", D(2025, 1, 9),
     [C("£2m", "spending on staff training", "level", "at", 2026)]),
    ("Care providers reported £1.6bn in fee income in 2023.", D(2025, 1, 9),
     [C("£1.6bn", "fee income", "level", "at", 2023)]),
    # a level is not a change: the points are the change, the 4.2% the level it reached
    ("The unemployment rate fell 0.3 percentage points to 4.2%.", D(2024, 8, 1),
     [C("0.3 percentage points", "change in unemployment rate", "change", "over", 2024),
      C("4.2%", "unemployment rate", "level", "to", 2024)]),
    # a time stated once governs the figures that follow it
    ("Spending on placements rose to £3.4bn in 2022-23 – an average of £290,000 per placement.", D(2024, 3, 1),
     [C("£3.4bn", "spending on placements", "level", "to", "2022/23"),
      C("£290,000", "spending on placements", "level", "at", "2022/23")]),
    # a past-tense change is measured over the years before the document, not projected after it
    ("Demand for places had risen 7.6 per cent in five years.", D(2024, 5, 1),
     [C("7.6 per cent", "change in demand for places", "change", "over", 2024)]),
    # 'since' starts the change; the newer end runs up to the document's year
    ("Since 2015-16, spending has risen from £8.9bn to £11.3bn.", D(2024, 5, 1),
     [C("£8.9bn", "spending", "level", "from", "2015/16"), C("£11.3bn", "spending", "level", "to", 2024)]),
    ("Vacancies rose by 21% between 2010-11 and 2015-16.", D(2017, 5, 1),
     [C("21%", "change in vacancies", "change", "over", "2015/16")]),
    # the comparison base is not the change's time: the change runs to its level's year
    ("There were 7,600 vacancies in 2019, 900 more than the year before.", D(2020, 5, 1),
     [C("7,600", "vacancies", "level", "at", 2019), C("900", "change in vacancies", "change", "over", 2019)]),
    # (the subject of a verb of composition is the part: 'agency workers share of workforce')
    ("Agency workers made up 17.8% of the workforce, compared with 17.6% the year before.", D(2024, 2, 1),
     [C("17.8%", "agency workers share of workforce", "level", "at", 2024),
      C("17.6%", "agency workers share of workforce", "level", "at", 2023)]),
    # 'this year' with a sum in a budget sentence is a financial year
    ("Councils expect deficits of £2bn this year, rising to £2.7bn in 2025/26.", D(2024, 10, 1),
     [C("£2bn", "deficits", "level", "from", "2024/25"), C("£2.7bn", "deficits", "level", "to", "2025/26")]),
    # present tense with no time: the document's year; the synonym table joins 'looked-after children'
    ("There are 83,840 looked-after children in England.", D(2024, 5, 1),
     [C("83,840", "children in care in england", "level", "at", 2024)]),
    # two unrelated costs are two measures (issue 22), each a rate
    ("Children's social care costs councils £10bn a year.", D(2023, 1, 1),
     [C("£10bn", "annual cost of children's social care", "level", "per", None)]),
    ("A flawed system will cost over £15 billion per year.", D(2023, 1, 1),
     [C("£15 billion", "annual cost of flawed system", "level", "per", None)]),
    ("Over the last decade, spending on late intervention rose by 37%.", D(2022, 5, 1),
     [C("37%", "change in spending on late intervention", "change", "over", 2022)]),
    # a deadline given as a date is a claim holding at that date
    ("The statutory override is set to expire in March 2026.", D(2025, 1, 1),
     [C("March 2026", "statutory override", "level", "at", 2026)]),
    # a multiplier measures who and what, not 'times less likely' (issue 22)
    ("Care leavers are three times less likely to be in education, employment or training.", D(2023, 1, 1),
     [C("three times", "care leavers less likely to in education employment or training", "level", "at", 2023)]),
    # the change and the level it reached are linked (issue 22: 'rose by 15p to £9.90')
    ("The minimum wage rose by 15p to £9.90.", D(2024, 1, 1),
     [C("15p", "change in minimum wage", "change", "over", 2024), C("£9.90", "minimum wage", "level", "to", 2024)]),
    ("Local authorities spent £1.5 billion on residential care for children in 2021/22.", D(2023, 11, 1),
     [C("£1.5 billion", "spending on residential care for children", "level", "at", "2021/22")]),
    ("The number of children with an EHC plan went up by 140% to 576,000 between 2015 and 2024.", D(2024, 10, 1),
     [C("140%", "change in children with ehc plan", "change", "over", 2024),
      C("576,000", "children with ehc plan", "level", "to", 2024)]),
    ("Caseloads have risen from 16.3 per social worker in 2021 to 16.6 last year.", D(2023, 2, 1),
     [C("16.3", "caseloads", "level", "from", 2021), C("16.6", "caseloads", "level", "to", 2022)]),
    # a share: of what, with what is said of it
    ("In 2022 four out of five agency workers were filling vacancies.", D(2023, 2, 1),
     [C("four out of five", "share of agency workers filling vacancies", "level", "at", 2022)]),
    # the year to April is a financial year
    ("Some 4.3 million children lived in relative poverty in the year to April 2023.", D(2024, 3, 1),
     [C("4.3 million", "children lived in relative poverty", "level", "at", "2022/23")]),
    # the object a verb takes to the figure; a verb is never part of the measure
    ("The reforms will lift the upper capital limit to £100,000.", D(2021, 9, 1),
     [C("£100,000", "upper capital limit", "level", "at", None)]),
    ("Another £1 billion will bring total funding to £12 billion in 2025.", D(2024, 12, 1),
     [C("£1 billion", None, "level", "at", 2025), C("£12 billion", "total funding", "level", "at", 2025)]),
    ("Spending rose to £4bn last year.", D(2024, 12, 1), [C("£4bn", "spending", "level", "to", 2023)]),
    ("That leaves England with £9.8 billion a year.", D(2021, 9, 1),
     [C("£9.8 billion", None, "level", "per", None)]),
    ("This needs assessment costs £4m a year.", D(2021, 9, 1),
     [C("£4m", "annual cost of needs assessment", "level", "per", None)]),
    # a share's whole with what the clause says of it, past its modifiers and a time phrase; not the predicate of
    # a gerund that holds the share
    ("About half of the rise in overall school funding since 2015 has been spent on pupils with special needs.",
     D(2024, 12, 1), [C("half", "share of rise in overall school funding spent on pupils with special needs",
                        "level", "over", 2024)]),
    ("Taking 10 per cent of children out of poverty will help to ease this.", D(2025, 11, 1),
     [C("10 per cent", "share of children out of poverty", "level", "by", None)]),
    # a participle of recording says nothing of what is counted; one that qualifies stays
    ("There were 7,600 vacancies recorded in 2022.", D(2023, 2, 1),
     [C("7,600", "vacancies", "level", "at", 2022)]),
    ("There were 83,840 children looked after in 2023.", D(2024, 2, 1),
     [C("83,840", "children in care", "level", "at", 2023)]),
    # a name a sum goes to is its purpose
    ("Of the total, £2.2 billion will go to Scotland.", D(2021, 9, 1),
     [C("£2.2 billion", "funding for scotland", "level", "at", None)]),
    # the doer of a verb of money across a bracket between it and its verb
    ("The 20 largest providers (leaving out one that was delisted) took £1.6bn in fee income last year.",
     D(2023, 11, 1), [C("£1.6bn", "fee income taken by largest providers", "level", "at", 2022)]),
    # a sum set off by a dash after a share is the sum of that share
    ("Providers took £1.6bn in fee income. Some 19% of that income was booked as profit – £310m in all.",
     D(2023, 11, 1), [C("£310m", "income booked as profit", "level", "at", 2023)]),
    # what a bare counted noun will do, through a semi-modal ('would have to'), not its rate
    ("This means that 3,500 people would have to begin nurse training each year.", D(2024, 11, 1),
     [C("3,500", "people to begin nurse training", "level", "per", None)]),
    # a projected outcome with no horizon is 'by' an unknown year; a conditional cost is an amount
    ("Scrapping the policy would cost £3.6 billion and take 630,000 children out of poverty.", D(2025, 10, 1),
     [C("£3.6 billion", "cost of scrapping policy", "level", "at", None),
      C("630,000", "children out of poverty", "level", "by", None)]),
    # a sum with its own noun after it keeps it, past an aside between dashes after a share
    ("Almost half of councils face insolvency by 2027 – largely because of rising care costs – while ministers "
     "have no plan for an estimated £3bn shortfall.", D(2024, 10, 1),
     [C("half", "share of councils face insolvency", "level", "by", 2027),
      C("£3bn", "shortfall", "level", "by", 2027)]),
    # a clause opened by a subordinate one with no comma: the noun phrase before the verb group
    ("Ministers expect that by the time the scheme closes the total overspend could be up to £2.1 billion.",
     D(2024, 10, 1), [C("£2.1 billion", "total overspend", "level", "at", None)]),
    # the noun a reduced relative clause ('likely to reach', 'projected to climb to') gives the level of
    ("Hospitals have built up repair backlogs likely to reach £11 billion this year.", D(2024, 10, 1),
     [C("£11 billion", "repair backlogs", "level", "at", 2024)]),
    ("Trusts may carry maintenance backlogs – projected to climb to a total of £13bn next year – off their main "
     "accounts.", D(2024, 10, 1), [C("£13bn", "maintenance backlogs", "level", "to", 2025)]),
    # a counted noun already described is not renamed after the clause's doer; a gerund with its object after
    # 'and' starts a clause of its own, not a second noun
    ("Raising the allowance would take 200,000 pensioners out of poverty, and cost £1bn.", D(2024, 10, 1),
     [C("200,000", "pensioners out of poverty", "level", "by", None)]),
    ("The plan will help 90,000 families out of debt and reducing the pressure on food banks.", D(2024, 10, 1),
     [C("90,000", "families out of debt", "level", "by", None)]),
    # a verb in the third person before 'to' or 'by' and a figure is no part of its subject (a headline)
    ("Unemployment rate rises to 4.4%", D(2024, 8, 15), [C("4.4%", "unemployment rate", "level", "to", 2024)]),
    # the nouns of a compound before a change noun are what changes; a month after it is a time, no measure
    ("Teachers will receive a 5.5% pay rise from September 2024.", D(2024, 7, 30),
     [C("5.5%", "change in pay", "change", "from", 2024)]),
    ("Tenants face a 7% rent increase in April.", D(2024, 7, 30), [C("7%", "change in rent", "change", "over", 2024)]),
    # the subject of a verb of money before a relative clause between commas; a possessive is no plural subject
    ("The council's new waste contract, which starts in April 2025, will cost £40m a year.", D(2024, 7, 30),
     [C("£40m", "annual cost of council's new waste contract", "level", "per", 2025)]),
    # a noun of money right after a sum names it ('measure_words': rebate, refund, fine, charge ...)
    ("A £150 energy rebate will be paid in April 2024.", D(2024, 3, 1),
     [C("£150", "energy rebate", "level", "at", 2024)]),
    # 'more ... than' after the clause's verb is the verb's, not a change of the figure; 'A&E' is one word
    ("Some 1.6 million patients waited more than four hours in August 2024.", D(2024, 9, 12),
     [C("1.6 million", "patients waited more than four hours", "level", "at", 2024)]),
    ("Spending on R&D rose to £20bn in 2024.", D(2024, 9, 12), [C("£20bn", "spending on r&d", "level", "to", 2024)]),
    # a reported clause opened by its source's verb: the subject after the verb; a subject with a comparative
    # after a copula changed by the figure
    ("Jane Smith, the association's chair, said the shortfall would rise to £3.9bn by 2026-27.", D(2024, 10, 2),
     [C("£3.9bn", "shortfall", "level", "by", "2026/27")]),
    ("Spending power per person is still 18% lower than in 2010, the institute said.", D(2024, 10, 2),
     [C("18%", "change in spending power per person", "change", "over", 2024)]),
    # a figure's own noun ('per social worker') is no subject: both ends of the change measure caseloads
    ("Caseloads have risen too, from 16.3 per social worker in 2021 to 16.6 in 2022.", D(2023, 2, 23),
     [C("16.3", "caseloads", "level", "from", 2021), C("16.6", "caseloads", "level", "to", 2022)]),
    # 'the proportion of X' is a share of X for the change and the level alike; the level after the change's
    # time is its newer end, at the end of that time
    ("The proportion of schools rated in poor condition fell by 3 percentage points between 2017 and 2021, to 35%.",
     D(2024, 1, 26), [C("3 percentage points", "change in share of schools rated in poor condition", "change", "over",
                        2021),
                      C("35%", "share of schools rated in poor condition", "level", "to", 2021)]),
    # the noun a change follows ('with referrals up 12%'); a sum before a scheme, programme or contract names it
    ("Demand is rising, with referrals up 12% in 2023.", D(2024, 1, 26),
     [C("12%", "change in referrals", "change", "over", 2023)]),
    ("The health service recruited 2,000 GPs through an £82m scheme in 2024.", D(2025, 1, 20),
     [C("£82m", "scheme", "level", "at", 2024)]),
    # a change stated after a level measures that level, not a number inside its noun phrase
    ("There were 147,746 police officers in the 43 forces of England on 31 March 2024, an increase of 470.",
     D(2024, 7, 25), [C("470", "change in police officers in forces of england", "change", "over", 2024)]),
    # 'an extra N' counts additional ones, as 'N more' does
    ("The sector will need an extra 540,000 workers by 2035.", D(2024, 5, 9),
     [C("540,000", "additional workers", "level", "by", 2035)]),
    # a verb and an adverb before 'to' and the figure end the subject
    ("The number of children looked after fell slightly to 83,630 in 2024.", D(2024, 11, 14),
     [C("83,630", "children in care", "level", "to", 2024)]),
    # an age that says who is counted is part of the counted noun's phrase, no claim of its own
    ("There were 2,000 children aged under 5 in care in 2024.", D(2024, 10, 1),
     [C("2,000", "children aged under 5 in care", "level", "at", 2024)]),
    # the object of a change verb put after its figure and time
    ("The council could at a stroke cut by 2,000 this year the number of families in temporary homes.",
     D(2024, 10, 1), [C("2,000", "change in families in temporary homes", "change", "over", 2024)]),
    # a part of a whole counts those of the whole the clause says something of
    ("Nineteen of the largest trusts in England may be forced to close wards by 2027.", D(2024, 10, 1),
     [C("Nineteen", "largest trusts in england forced to close wards", "level", "by", 2027)]),
    # what is to come of a noun ('due to', 'set to') is no part of its name
    ("Hospitals face £2bn of repair bills due to fall on their budgets in April 2026.", D(2024, 10, 1),
     [C("£2bn", "repair bills of hospitals", "level", "at", 2026)]),
    # a noun that can be a verb inside a compound whose clause has its verb group further on ('schools *grant*
    # deficits held by councils could hit'): the compound is the subject
    ("Auditors found that housing benefit overpayments held by councils could hit £1.2bn by April 2027.",
     D(2024, 10, 1), [C("£1.2bn", "housing benefit overpayments held by councils", "level", "by", 2027)]),
    ("Ministers said that nurses pay arrears held by trusts could reach £3bn in 2025.", D(2024, 10, 1),
     [C("£3bn", "nurses pay debt held by trusts", "level", "at", 2025)]),
    # a change by 'an average of' a sum; a pronoun object of a change verb stands for the noun before it, and the
    # 'the figure' after a figure is that figure said again: its measure (not the speaker's name before it)
    ("According to the department, 1.2 billion journeys were made in 2023. Operators, however, say the figure was "
     "nearer 1.1 billion.", D(2024, 10, 30),
     [C("1.2 billion", "journeys made", "level", "at", 2023), C("1.1 billion", "journeys made", "level", "at", 2023)]),
    # verbs of money: what a sum given, allocated or provided is for
    ("The department allocated £3.1 billion to NHS dentistry in 2021/22.", D(2024, 11, 11),
     [C("£3.1 billion", "allocation to nhs dentistry", "level", "at", "2021/22")]),
    ("The council gave £2m to local charities last year.", D(2024, 11, 11),
     [C("£2m", "funding to local charities", "level", "at", 2023)]),
    ("Ministers provided £500m for social care in 2023.", D(2024, 11, 11),
     [C("£500m", "funding for social care", "level", "at", 2023)]),
    # the object of a change verb may hold prepositional phrases: it is what moves, not the verb's subject
    ("Ministers will raise the cap on bus fares in England from £2 to £3.", D(2024, 10, 30),
     [C("£2", "limit on bus fares in england", "level", "from", 2024)]),
    # level after the change's comma is its newer end
    ("Council tax will rise by an average of £109 over the next three years.", D(2025, 2, 1),
     [C("£109", "change in council tax", "change", "over", 2028)]),
    ("Rail firms sought a 9% increase in fares. They will instead be allowed to raise them by 4.6%, to £320 a year.",
     D(2025, 2, 1), [C("4.6%", "change in fares", "change", "by", None),
                     C("£320", "annual fares", "level", "at", None)]),
    # only a noun that names something of a population ('property_nouns': vacancies, leavers ...) is read as the
    # document subject's; 'crime' and 'detectives' are what they say
    ("Police recruit 20,000 officers\n\nThe force now has 9,000 police officers.\n\nIt is short of 7,000 "
     "detectives. \"Crime is down 50% since 2010,\" he said.", D(2023, 4, 26),
     [C("7,000", "detectives", "level", "at", 2023), C("50%", "change in crime", "change", "over", 2023)]),
    ("Nurses in demand\n\nThere were 30,000 nurses in post in 2023.\n\nVacancies fell to 4,000 in 2024.",
     D(2024, 10, 1), [C("4,000", "vacancies of nurses", "level", "to", 2024)]),
    # a mention where the noun modifies another ('the core *schools* budget') gives it no fuller name
    ("The money is part of a rise in the core schools budget.\n\nHalf of schools expected to set a deficit "
     "budget next year.", D(2024, 12, 16), [C("Half", "share of schools", "level", "at", 2025)]),
    # 'That is an increase of' opening a paragraph measures what the paragraph before stated
    ("The number of people sleeping rough reached 4,100.\n\nThat is an increase of 27% on the same point last "
     "year.", D(2024, 10, 31), [C("27%", "change in people sleeping rough", "change", "over", 2024)]),
    # 'bringing the total to N': the total of those counted before, not the increment
    ("The trust hired 1,200 additional nurses in 2024, bringing the total to 9,400.", D(2024, 12, 16),
     [C("9,400", "nurses hired by trust", "level", "at", 2024)]),
    ("Another four would close in 2026, taking the total to 19 libraries.", D(2024, 12, 16),
     [C("19", "libraries", "level", "at", 2026)]),  # (nothing counted before it: its own noun)
    # a source who told someone: the reported clause's subject after whom it was told
    ("The transport secretary told MPs the scheme had cost £2.1bn over four years.", D(2024, 12, 16),
     [C("£2.1bn", "cost of scheme", "level", "over", 2024)]),
    ("Housing minister Jo Green told councils the shortfall would reach £900m.", D(2024, 12, 16),
     [C("£900m", "shortfall", "level", "at", None)]),
    # 'X is down 50%': the subject of the linking verb changed
    ("\"Burglary is down 40% since 2015,\" she said.", D(2024, 12, 16),
     [C("40%", "change in burglary", "change", "over", 2024)]),
    # what a sum is for, right after it, names it better than the clause's subject (the one who receives it)
    ("Hospitals in Wales will receive an additional £80m for patients with long-term conditions next year.",
     D(2024, 12, 16), [C("£80m", "funding for patients with long-term conditions", "level", "at", 2025)]),
    # a noun and a level verb in -ing before a sum ('arrears totalling £2bn'), also after the verb of a relative
    # clause ('many of which face ...')
    ("The help goes to landlords, many of which face arrears totalling £2bn.", D(2024, 12, 16),
     [C("£2bn", "debt", "level", "at", 2024)]),
    # a verb in -ing after an auxiliary is no modifier of the noun after it ('are *giving* schools')
    ("We are giving colleges the resources they need.\n\nHalf of colleges expected to cut courses next year.",
     D(2024, 12, 16), [C("Half", "share of colleges", "level", "at", 2025)]),
    # the noun a count is the size of ('a backlog of 41,000'); a linking verb after its subject is no part of
    # its name, and a noun written with 'the' is named as the document named it before ('the *court* backlog')
    ("Ministers inherited a backlog of 41,000 cases.", D(2024, 12, 12),
     [C("41,000", "cases", "level", "at", 2024)]),
    ("Ministers inherited a court backlog of 41,000.", D(2024, 12, 12),
     [C("41,000", "court backlog", "level", "at", 2024)]),
    ("The court backlog for crown court trials grew again.\n\nThe backlog remains far above the 33,000 recorded "
     "in 2019.", D(2024, 12, 12), [C("33,000", "court backlog", "level", "at", 2019)]),
    # what a sum is to do: 'to' and a verb and its object right after the sum (a bare noun too); the change
    # stated after it measures the same
    ("The department has committed £2bn to tackle homelessness in 2025-26, an increase of £300m on the previous "
     "year.", D(2025, 2, 1), [C("£2bn", "funding to tackle homelessness", "level", "at", "2025/26"),
                              C("£300m", "change in funding to tackle homelessness", "change", "over", "2025/26")]),
    ("The plan includes £3bn to repair school buildings in 2026.", D(2025, 2, 1),
     [C("£3bn", "funding to repair school buildings", "level", "at", 2026)]),
    # a fuller name of a bare noun is read within its line and never starts at a verb after 'to'
    ("Rail fares to rise, operators say\n\nPassenger fares will rise in March.\n\nOne firm had sought a 9% increase "
     "in fares.", D(2025, 2, 1), [C("9%", "change in passenger fares", "change", "over", 2025)]),
    ("Road deaths fell, ministers say\nFunding to cut road crashes was agreed.\n\nMinisters said crashes would fall "
     "by 10% in 2026.", D(2025, 2, 1), [C("10%", "change in road crashes", "change", "over", 2026)]),
    # a verb form the word table does not list ('spiralling', 'capped') is read as a verb, never a noun
    ("The rule that stops spiralling arrears from closing schemes was extended. The arrears may soon reach £2bn.",
     D(2024, 10, 1), [C("£2bn", "debt", "level", "by", None)]),
    # a word that can be a verb after a determiner and an adjective is a noun ('the average cost'), and 'cost' is
    # never a verb before 'per'
    ("The average cost per prison place was £51,724 in 2023/24.", D(2025, 1, 10),
     [C("£51,724", "average cost per prison place", "level", "at", "2023/24")]),
    ("The unit cost per pupil is £7,460.", D(2025, 1, 10),
     [C("£7,460", "unit cost per pupil", "level", "at", 2025)]),
    # a denied 'until' says when something happens (by then); 'until' alone how long it lasts
    ("The 14,000 new prison places will not be ready until 2032.", D(2025, 6, 10),
     [C("14,000", "new prison places", "level", "by", 2032)]),
    ("Ministers admit that 1.5 million new homes won't be built until 2030.", D(2025, 6, 10),
     [C("1.5 million", "new homes built", "level", "by", 2030)]),
    ("The 92% target won’t be met until March 2030, officials said.", D(2025, 6, 10),  # (not "target won't")
     [C("March 2030", "target", "level", "at", 2030)]),
    ("Funding of £300m will continue until 2028.", D(2025, 6, 10), [C("£300m", "funding", "level", "to", 2028)]),
    # a time of one word inside the verb group does not end what the clause says of a counted subject
    ("7.48 million people are now waiting for hospital treatment in England.", D(2025, 6, 10),
     [C("7.48 million", "nhs waiting list in england", "level", "at", 2025)]),
    ("About 1,200 families are currently living in hotels.", D(2025, 6, 10),
     [C("1,200", "families living in hotels", "level", "at", 2025)]),
    # a preposition of place starts a modifier of the counted noun ('behind bars', 'below the poverty line')
    ("With 88,234 people now behind bars in England and Wales, there is no margin.", D(2025, 12, 1),
     [C("88,234", "prison population in england and wales", "level", "at", 2025)]),
    ("More than 200,000 people are living above the shop.", D(2025, 12, 1),
     [C("200,000", "people living above shop", "level", "at", 2025)]),
    # a word of quantity with 'the' ('the population') is named as the document last named it ('prison population')
    ("The prison population stood at 88,234 in October 2024. The population is projected to reach 105,200 by "
     "March 2029.", D(2024, 10, 20), [C("105,200", "prison population", "level", "by", 2029)]),
    # a source with a participle's phrase before its verb ('projections published today show ...')
    ("Projections published today show the prison population will reach 105,200 by March 2029.",
     D(2025, 6, 10), [C("105,200", "prison population", "level", "by", 2029)]),
    # a month alone: of a verb of expectation and its 'to', the next such month; of an announcement, the last
    ("Analysts expect the cap to fall to about £1,720 in July as wholesale prices ease.", D(2025, 4, 14),
     [C("£1,720", "limit", "level", "to", 2025)]),
    ("The £630 million announced in May for the pay rise was meant to show that teachers are valued.",
     D(2025, 12, 2), [C("£630 million", None, "level", "at", 2025)]),
    # a noun with its modifiers before a copula and a place or state: what the clause says of it
    ("Official estimates show that 3.17 million households in England were in fuel poverty in 2024.",
     D(2025, 7, 10), [C("3.17 million", "households in england in fuel poverty", "level", "at", 2024)]),
    # the share of a target for a subject with its 'to' phrase ('Recruitment to ...')
    ("Recruitment to secondary teacher training reached 62% of target in 2024/25.", D(2025, 7, 10),
     [C("62%", "share of target for recruitment to secondary teacher training", "level", "at", "2024/25")]),
    # 'receive' gives funding: what the sum is for
    ("Providers receive £11.54 an hour for under-twos in 2025-26.", D(2025, 7, 10),
     [C("£11.54", "hourly funding for under-twos", "level", "per", "2025/26")]),
    # a count of appointments is no change in points ('point' inside a word is no unit of change)
    ("Some 500 extra appointments will be offered in 2026.", D(2025, 7, 10),
     [C("500", "additional appointments offered", "level", "at", 2026)]),
    # a time before a clause that supposes ('even if ...') is the main clause's; not past a comma that closes it
    ("The workforce will be short of 8,000 teachers by 2027 even if the pledge of 6,500 new teachers is met.",
     D(2025, 7, 10), [C("8,000", "teachers", "level", "by", 2027), C("6,500", "new teachers", "level", "by", None)]),
    ("By 2027, if nothing changes, 8,000 teachers will be missing.", D(2025, 7, 10),
     [C("8,000", "teachers missing", "level", "by", 2027)]),
    # a time after the next figure, in a clause of its own, is that clause's
    ("Nearly 165,000 children are living in hotels, and some 330,000 households were owed a duty in 2024/25.",
     D(2025, 7, 10), [C("165,000", "children living in hotels", "level", "at", 2025),
                      C("330,000", "households owed duty", "level", "at", "2024/25")]),
    # 'that' after a preposition is a determiner, no clause break
    ("Operational capacity at that date was 89,500.", D(2025, 6, 10),
     [C("89,500", "operational capacity at date", "level", "at", 2025)]),
    # a verb of level in -ing after the subject is the clause's verb, not a word of the measure
    ("Official projections show the prison population reaching 105,200 by 2028.", D(2025, 6, 10),
     [C("105,200", "prison population", "level", "by", 2028)]),
    ("The prison population reaching 105,200 by 2028 would exceed capacity.", D(2025, 6, 10),
     [C("105,200", "prison population", "level", "by", 2028)]),
    # how long those counted have waited is part of who they are ('waiting less than 18 weeks'); a synonym
    # before 'than' compares ('more than a year' is not 'additional')
    ("In April 2025, 59.8% of patients were waiting less than 18 weeks from referral.", D(2025, 6, 10),
     [C("59.8%", "share of patients waiting less than 18 weeks from referral", "level", "at", 2025)]),
    ("Some 300,000 patients have waited more than a year for treatment.", D(2025, 6, 10),
     [C("300,000", "patients waited more than year for treatment", "level", "at", 2025)]),
    # a place the sentence opens with is where its figures are counted; a body, a statement or a budget is no
    # place, and a measure that names the place already is left alone
    ("In Scotland, 16,300 households were in temporary accommodation in March 2024.", D(2025, 6, 10),
     [C("16,300", "households in temporary accommodation in scotland", "level", "at", 2024)]),
    ("Across England and Wales as a whole, the prison population reached 87,900 in 2024.", D(2025, 6, 10),
     [C("87,900", "prison population in england and wales", "level", "at", 2024)]),
    ("In the Autumn Statement, the Chancellor announced £2bn for roads in 2025.", D(2025, 6, 10),
     [C("£2bn", "funding for roads", "level", "at", 2025)]),
    # verbs that give money: the sum is funding for (or to) what follows
    ("Ministers pledged £500m for bus services in 2025.", D(2025, 6, 10),
     [C("£500m", "funding for bus services", "level", "at", 2025)]),
    ("The mayor committed £40m to cycle lanes in 2026.", D(2025, 6, 10),
     [C("£40m", "funding to cycle lanes", "level", "at", 2026)]),
    ("The government has earmarked £300m to tackle homelessness.", D(2025, 6, 10),
     [C("£300m", "funding to tackle homelessness", "level", "at", 2025)]),
    ("In Wales, 4,300 families were in hotels in Wales in 2024.", D(2025, 6, 10),
     [C("4,300", "families in hotels in wales", "level", "at", 2024)]),
    # a quantity's noun is its unit: the measure is what the unit is of, or the subject a level verb states it of
    ("Leakage across Wales stood at 180 megalitres a day in 2022-23.", D(2024, 3, 1),
     [C("180 megalitres", "leakage across wales", "level", "per", "2022/23")]),
    ("Some 3 million tonnes of plastic is burnt every year.", D(2024, 3, 1),
     [C("3 million tonnes", "plastic burnt", "level", "per", None)]),
    # a unit qualifier ('FTE') before a bare subject noun leaves it bare: what the clause says of it is its measure
    ("In 2023-24, 4,100 FTE nurses left the NHS.", D(2024, 9, 1),
     [C("4,100", "nurses left nhs", "level", "at", "2023/24")]),
    # 'have' before a count: what the subject has ('the trust has 500 beds' -> beds of the trust)
    ("Hospitals in Scotland had 21,000 beds in April 2024.", D(2024, 9, 1),
     [C("21,000", "beds of hospitals in scotland", "level", "at", 2024)]),
    # a rate restating a sum after 'equivalent to' measures what the sum measures (not 'equivalent')
    ("Councils will spend £90bn over the six years to 2031, equivalent to £18bn a year.", D(2025, 3, 1),
     [C("£18bn", "annual councils spending", "level", "per", None)]),
    # a hedge word between a share in words and its noun ('one in four *new* nurses') is passed over
    ("A union leader said one in four new nurses were planning to quit.", D(2024, 3, 1),
     [C("one in four", "share of nurses planning to quit", "level", "at", 2024)]),
    # a share after a verb of composition is its subject's share; what a 'have' has, even a bounded duration,
    # says which ones a share counts
    ("Women now account for 41% of all firefighters.", D(2024, 3, 1),
     [C("41%", "women share of firefighters", "level", "at", 2024)]),
    ("Three in five nurses have more than ten years' experience.", D(2024, 3, 1),
     [C("Three in five", "share of nurses more than ten years' experience", "level", "at", 2024)]),
    ("Two in five nurses have a second job.", D(2024, 3, 1),
     [C("Two in five", "share of nurses second job", "level", "at", 2024)]),
    # a singular noun in -s ('bus', 'census') before a noun that can be a verb is no plural subject of that verb
    ("The £1 bus fare cap, launched in 2023, ends this year.", D(2024, 3, 1),
     [C("£1", "bus fare limit", "level", "from", 2023)]),
    ("Farms used 40,000 tonnes in 2023.", D(2024, 3, 1),
     [C("40,000 tonnes", "tonnes used by farms", "level", "at", 2023)]),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_claims(text: str, date: dt.date, expected: list[C]) -> None:
    assert_claims(text, date, expected)


def test_a_change_names_the_level_it_reached() -> None:
    text = "The minimum wage rose by 15p to £9.90."
    got = _claims(text, D(2024, 1, 1))
    change, level = got["15p"], got["£9.90"]
    assert change.ends == (level.id,) and change.direction == "up" and level.direction == "up"
    assert level.link_role == "to"


def test_relative_times_say_what_they_were_resolved_against() -> None:
    got = _claims("There were 31,600 social workers in post last year.", D(2023, 2, 23))
    t = got["31,600"].time
    assert (t.as_written, t.resolved_against) == ("last year", "document date 2023-02-23")


def test_no_measure_is_null_never_a_unit() -> None:
    got = _claims("It was £5m.", D(2023, 1, 1))
    assert got["£5m"].measure is None and got["£5m"].measure_text is None


def test_statistical_release_reference_date_governs_undated_statements() -> None:
    text = ("Largest providers of children's homes (March 2022)\n\nMain findings\n\n"
            "The 10 largest owners hold 33% of homes.\n")
    got = _claims(text, D(2024, 10, 9))
    t = got["33%"].time
    assert (t.relation, t.year) == ("at", 2022) and "March 2022" in (t.resolved_against or "")


def test_past_statements_take_the_period_last_reported() -> None:
    text = ("The census counted 31,600 social workers in 2022.\n\n"
            "There were 7,600 vacancies recorded, and agency workers covered 69% of them.\n")
    got = _claims(text, D(2023, 2, 23))
    assert (got["7,600"].time.relation, got["7,600"].time.year) == ("at", 2022)


@pytest.mark.parametrize(("a", "b"), [
    ("looked-after children", "children in care"),
    ("Children looked after in England", "children in care in England"),
    ("child and family social workers", "children's social workers"),
    # a phrase of the table is read in the plural too
    ("SEND deficits", "high needs deficit"),
    ("DSG deficits held by councils", "high needs deficit held by councils"),
    ("the child poverty rate", "share of children in relative poverty"),
    ("children living below the poverty line", "children in relative poverty"),
    ("the jobless rate", "unemployment rate"),
    ("the lifetime cap on care costs", "lifetime limit on care costs"),
    ("investment in flood defences", "funding for flood defences"),
])
def test_synonyms_join_measures(a: str, b: str) -> None:
    assert measure_key(a) == measure_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("children's social care workers", "care workers"),  # (a row's phrase inside a longer one of another sense)
    ("children in absolute poverty", "children in relative poverty"),
    ("care home places", "care homes"),
    ("spending on flood defences", "funding for flood defences"),  # (outturn is not an allocation)
])
def test_synonyms_keep_apart_what_differs(a: str, b: str) -> None:
    assert measure_key(a) != measure_key(b)


def test_a_synonym_added_through_configuration_joins_measures() -> None:
    from caresocial.lexicons import lexicons

    assert measure_key("former relevant children") != measure_key("care leavers")
    lex = lexicons({"measure_synonyms": ["care leavers | former relevant children"]})
    assert measure_key("former relevant children", lex) == measure_key("care leavers", lex) == "care leavers"
    text = "There are 41,000 former relevant children."
    default = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1))
    extended = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1),
                                  lexicons={"measure_synonyms": ["care leavers | former relevant children"]})
    assert default.claims[0].measure == "former relevant children"
    assert extended.claims[0].measure == "care leavers"


def test_aliases_in_configuration_are_measure_synonyms(tmp_path: Any) -> None:
    from caresocial.config import load

    toml = tmp_path / "pyproject.toml"
    toml.write_text('[tool.caresocial.aliases]\n"care leavers" = ["former relevant children", "relevant children"]\n'
                    '[tool.caresocial.lexicons]\nmeasure_synonyms = ["agency workers | locum social workers"]\n',
                    encoding="utf-8")
    cfg = load(toml)
    assert cfg.lexicons["measure_synonyms"] == ["agency workers | locum social workers",
                                                "care leavers | former relevant children | relevant children"]
    text = "There are 41,000 former relevant children. Some 7,000 locum social workers were used."
    got = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1), lexicons=cfg.lexicons)
    assert [c.measure for c in got.claims] == ["care leavers", "agency workers"]
    plain = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1))
    assert [c.measure for c in plain.claims] == ["former relevant children", "locum social workers"]


def test_claims_alone_read_the_figures_and_quotes_they_need() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_claims")
    doc = nlp("Councils spent £5m on care in 2023.")
    assert [(c.measure, c.time.relation, c.time.year) for c in doc._.claims] == [("spending on care", "at", 2023)]


@pytest.mark.parametrize(("date", "value", "year"), [
    (None, "--03-05", None),            # no document date: the day is known, its year is not
    ("2025-01-10", "2025-03-05", 2025),  # the document's year
])
def test_a_day_without_a_year_is_a_date_claim_of_its_documents_year(date: str | None, value: str,
                                                                     year: int | None) -> None:
    doc = caresocial.extract("5 March was the deadline for responses.", date=date)
    assert [(c.kind, c.value, c.time.relation if c.time else None, c.time.year if c.time else None)
            for c in doc.claims] == [("date", value, "at", year)]


def test_a_word_of_what_is_to_come_is_no_measure() -> None:
    """'is set to expire': 'set' is no noun the date measures (nor, read against the text, 'set of councils')."""
    text = ("There were 1,200 councils in England last year.\n\n"
            "Councils rely on a temporary mechanism, which is set to expire in March 2027.")
    got = _claims(text, D(2024, 1, 1))
    assert got["March 2027"].measure is None
    assert (got["March 2027"].time.relation, got["March 2027"].time.year) == ("at", 2027)


def test_an_irregular_change_verb_is_given_its_forms_in_the_lexicon() -> None:
    """``change_verbs``: an irregular verb's -s, past, participle and -ing forms are a fourth column."""
    text = "Reserves sank by 5% in 2023."
    plain = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1)).claims
    extended = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1),
                                  lexicons={"change_verbs": ["sink | down | v | sinks sank sunk sinking"]}).claims
    assert [(c.aspect, c.direction) for c in plain] == [("level", None)]
    assert [(c.measure, c.aspect, c.direction) for c in extended] == [("change in reserves", "change", "down")]


def test_an_age_that_says_who_is_counted_is_no_claim() -> None:
    text = "Adults aged between 18 and 24 made up 12% of claimants, and people aged 16 and over 4.4% in 2024."
    got = _claims(text, D(2024, 10, 1))
    assert sorted(got) == ["12%", "4.4%"]


@pytest.mark.parametrize(("stem", "forms"), [
    ("cap", ("cap", "caps", "capped", "capping")),  # a short stem doubles its consonant
    ("slip", ("slip", "slips", "slipped", "slipping")),
    ("open", ("open", "opens", "opened", "opening")),  # not a stem that opens with a vowel
    ("spiral", ("spiral", "spirals", "spiralled", "spiralling")),  # British doubling of a final l
    ("appeal", ("appeal", "appeals", "appealed", "appealing")),  # not after two vowels
    ("budget", ("budget", "budgets", "budgeted", "budgeting")),  # a longer stem does not double
    ("rise", ("rise", "rises", "rised", "rising")),
    ("apply", ("apply", "applies", "applied", "applying")),
])
def test_the_regular_forms_of_a_verb(stem: str, forms: tuple[str, ...]) -> None:
    """The forms every verb list derives (change verbs; the -ed and -ing forms the word table lacks)."""
    assert inflections(stem) == forms
