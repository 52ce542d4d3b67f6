"""When claims hold: future changes with no stated time, figures restated in brackets, words meaning 'now',
multiples of another amount (GUIDELINES "Which year to record"; issue #16).

Each row: a sentence, the document date, and (figure, measure, aspect, relation, year) expected exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import caresocial

D = dt.date
Row = tuple[str, Any, str, str, Any]

CASES: list[tuple[str, dt.date, list[Row]]] = [
    # a month alone is its latest time up to the document's date: this year's once it has come, else last year's
    ("Rail passenger journeys fell to 410 million in October.", D(2024, 12, 12),
     [("410 million", "rail passenger journeys", "level", "to", 2024)]),
    ("Rail passenger journeys fell to 410 million in October.", D(2025, 2, 3),
     [("410 million", "rail passenger journeys", "level", "to", 2024)]),
    # 'since the start of 2023' is a change's own period, before the horizon of a level after it
    ("The court backlog has risen by 9,000 since the start of 2023 and is projected to reach 80,000 by 2027.",
     D(2024, 7, 26), [("9,000", "change in court backlog", "change", "over", 2024)]),
    # an announcement's time before a figure dates another figure ('promised in 2021'), not this one
    ("Work on 20,000 new homes, promised in 2021, is late: only 6,000 have been built.", D(2024, 7, 26),
     [("20,000", "new homes", "level", "at", 2021), ("6,000", "new homes", "level", "at", 2024)]),
    # 'in the first quarter of 2024' is a time phrase: the change's period
    ("Bus journeys rose by 9% in the first quarter of 2024.", D(2024, 7, 26),
     [("9%", "change in bus journeys", "change", "over", 2024)]),
    # a month alone in a statement of the future is its next time
    # a bare year after 'on' is what a change is measured against ('up 3% on 2019'), and a level in a 'when'
    # clause right after it holds then; the change holds at the level reported before it
    ("The number of midwives in post in 2023-24 was 31,200. That is an increase of 450 (1.5%) on 2022-23, "
     "when there were 30,750 midwives.", D(2024, 9, 5),
     [("450", "change in midwives in post", "change", "over", "2023/24"),
      ("1.5%", "change in midwives in post", "change", "over", "2023/24"),
      ("30,750", "midwives in post", "level", "at", "2022/23")]),
    ("Ferry crossings were up 6% on 2019, when there were 1.1 million.", D(2024, 9, 5),
     [("6%", "change in ferry crossings", "change", "over", 2024)]),
    # the time right after a change's older end ('from 3,898 in autumn 2023') is that end's: the change runs to the
    # newer level (the sentence before's), or to now
    ("Homeless households in B&Bs numbered 5,910 in March 2024. This is up 14% (720) from 5,190 in March 2023, "
     "and up 40% from 4,220 in March 2021.",
     D(2024, 6, 20), [("14%", "change in homeless households in b&bs", "change", "over", 2024),
                      ("5,190", "homeless households in b&bs", "level", "from", 2023),
                      ("40%", "change in homeless households in b&bs", "change", "over", 2024)]),
    ("Spending on school transport has risen 38% from £1.1bn in 2019.", D(2024, 6, 20),
     [("38%", "change in spending on school transport", "change", "over", 2024),
      ("£1.1bn", "spending on school transport", "level", "from", 2019)]),
    # (but a date after 'on' is when something happened)
    ("The scheme opened on 1 March 2024 with 2,000 places.", D(2024, 9, 5),
     [("2,000", "places", "level", "at", 2024)]),
    # a season with its year dates a count like a month ('in winter 2022'), and is no word of its measure
    ("Food bank parcels handed out on a single day in winter 2022 were estimated at 61,000.", D(2024, 5, 2),
     [("61,000", "food bank parcels", "level", "at", 2022)]),
    ("Volunteers counted 3,150 rough sleepers last autumn.", D(2025, 3, 14),
     [("3,150", "people sleeping rough counted by volunteers", "level", "at", 2024)]),
    ("Rail fares will rise by 4.6% in March.", D(2024, 11, 22), [("4.6%", "change in rail fares", "change", "over",
                                                                   2025)]),
    # a hedge before a comparative ('about 40% higher') leaves the subject of the linking verb what changed
    ("Bills remained about 40% higher than before the crisis.", D(2024, 11, 22),
     [("40%", "change in bills", "change", "over", 2024)]),
    # (a span of months is no month alone: the year written at its end)
    ("The claimant rate was 4.1% in October to December 2023.", D(2024, 2, 3),
     [("4.1%", "claimant rate", "level", "to", 2023)]),
    # how long something lasts is no time of the figure: a window shorter than a year, a period after a verb
    # in the past that is no change ('waited over a year'); a change over a year keeps it
    ("By March 2027, 70% of claims will be settled within 12 weeks.", D(2024, 12, 12),
     [("70%", "share of claims settled", "level", "by", 2027)]),
    ("Some 41,000 claimants had waited over a year for a decision.", D(2024, 12, 12),
     [("41,000", "claimants waited", "level", "at", 2024)]),
    ("Benefit claims rose by 9% over a year.", D(2024, 12, 12),
     [("9%", "change in benefit claims", "change", "over", 2024)]),
    # a clause opened by 'since' dates its own event: the record holds now, not in the year after it
    ("Some 8,400 people slept rough, the highest number since counts began in 2010.", D(2024, 10, 31),
     [("8,400", "people slept rough", "level", "at", 2024)]),
    ("Some 8,400 people slept rough, the highest since 2017.", D(2024, 10, 31),
     [("8,400", "people slept rough", "level", "at", 2024)]),
    # 'on the same point last year' is what a change is measured against; 'That is an increase of' measures what
    # the sentence before stated
    ("The number of families in emergency hostels has reached 4,100. That is an increase of 12% on the "
     "same point last year.", D(2024, 10, 31),
     [("4,100", "families in emergency hostels", "level", "at", 2024),
      ("12%", "change in families in emergency hostels", "change", "over", 2024)]),
    # a time after a participle of announcement dates the announcement: the sum holds over the period it is for,
    # ahead of the statement ('claim_cues' role 'announced'); with no period, the time written is the sum's
    ("We still do not know what will happen to the £2bn pledged in 2023 to build new prisons over four years.",
     D(2024, 6, 1), [("£2bn", None, "level", "over", 2028)]),
    ("The £2bn pledged in 2023 for new prisons has not been spent.", D(2024, 6, 1),
     [("£2bn", None, "level", "at", 2023)]),
    # a title's new level ('rises to 13%') holds when the body's does
    ("Fuel poverty rises to 13%\n\nThe proportion of households in fuel poverty rose to 13.0% in 2023, up from "
     "12.6% in 2022.", D(2025, 2, 27), [("13%", "fuel poverty", "level", "to", 2023)]),
    # a change said again as a share after ', or' is the same change
    ("Fees rose by £120, or 8%, in 2024.", D(2025, 3, 1),
     [("£120", "change in fees", "change", "over", 2024), ("8%", "change in fees", "change", "over", 2024)]),
    ("Band D council tax will average £2,280 in 2025-26, an increase of £109, or 5.0%, on 2024-25.", D(2025, 3, 27),
     [("£109", "change in band d council tax", "change", "over", "2025/26"),
      ("5.0%", "change in band d council tax", "change", "over", "2025/26")]),
    # a period after a record is the window it is a record in, not the figure's time
    ("The remand population stood at 17,000, the highest level in over 50 years.", D(2024, 10, 30),
     [("17,000", "remand population", "level", "at", 2024)]),
    ("Unemployment was 4.2%, the lowest for 20 years.", D(2024, 10, 30),
     [("4.2%", "unemployment", "level", "at", 2024)]),
    ("Costs rose 20% in five years.", D(2024, 10, 30), [("20%", "change in costs", "change", "over", 2024)]),
    # a reported statement dated by its reporting words ('said in 2022 that') resolves its relative times then
    ("The shadow transport secretary said in 2022 that fares had risen by 50% since 2010.", D(2024, 10, 30),
     [("50%", "change in fares", "change", "over", 2022)]),
    ("The minister said on 3 March 2021 that 20,000 homes had been built so far.", D(2024, 10, 30),
     [("20,000", "homes built", "level", "at", 2021)]),
    ("The minister said that 20,000 homes had been built so far.", D(2024, 10, 30),
     [("20,000", "homes built", "level", "at", 2024)]),
    # what a figure is 'similar to' or 'compared to' is a base, not its time
    ("There were 1,200 road deaths, similar to the previous year.", D(2024, 10, 24),
     [("1,200", "road deaths", "level", "at", 2024)]),
    # 'earlier', 'before' count back by their own unit: a month within the year, a decade ten years
    # the time right after a figure compared with another is the compared figure's ('£2.5bn a year earlier')
    ("Spending was £3bn, compared with £2.5bn a year earlier.", D(2025, 1, 9),
     [("£3bn", "spending", "level", "at", 2025), ("£2.5bn", "spending", "level", "at", 2024)]),
    # a figure after 'a target of' measures the target for what the figure before it measures, at its time
    ("Just 68.9% of patients were seen within four hours in December, against a target of 95%.", D(2025, 1, 9),
     [("68.9%", "share of patients seen", "level", "at", 2024),
      ("95%", "target for share of patients seen", "level", "at", 2024)]),
    ("Councils met 40% of the target last year.", D(2025, 1, 9),
     [("40%", "share of target for councils", "level", "at", 2024)]),  # whose target: the clause's subject
    # a unit is no document subject a bare noun is read against ('full-time equivalents')
    ("Recruitment was 50% below target this year. There were 2,000 more teachers in post than a year ago, taking "
     "the total to 468,693 full-time equivalents.", D(2024, 11, 28),
     [("50%", "recruitment", "level", "at", 2024)]),
    ("The government has a goal of 1.5 million homes by 2029.", D(2025, 1, 9),
     [("1.5 million", "goal for homes", "level", "by", 2029)]),
    ("The waiting list fell to 7.5 million in November, from 7.6 million the month before.", D(2025, 1, 9),
     [("7.5 million", "waiting list", "level", "to", 2024), ("7.6 million", "waiting list", "level", "from", 2024)]),
    ("Vacancies rose to 300 in May 2024 from 250 a month earlier.", D(2024, 8, 15),
     [("300", "vacancies", "level", "to", 2024), ("250", "vacancies", "level", "from", 2024)]),
    ("Exports were £5bn in 2020, twice the £2.5bn of a decade earlier.", D(2024, 8, 15),
     [("£5bn", "exports", "level", "at", 2020), ("£2.5bn", "exports", "level", "at", 2010)]),
    # a future change with no time: an outcome is reached by a horizon left unstated, a sum is an amount
    ("Exempting larger families from the cap would cut the bill to £1.9 billion and lower homelessness by 12,000.",
     D(2025, 6, 1), [("£1.9 billion", "bill", "level", "at", None),
                     ("12,000", "change in homelessness", "change", "by", None)]),
    # the object of a change verb is what moves; a generic object leaves the subject's measure
    ("The government will raise the standard allowance to £120 a week.", D(2025, 6, 1),
     [("£120", "weekly standard allowance", "level", "at", None)]),
    ("117,450 households were in temporary accommodation on 30 September 2024, up 16.3% from the same date last "
     "year.", D(2025, 1, 30),
     [("16.3%", "change in households in temporary accommodation", "change", "over", 2024)]),
    ("Data from the same period last year showed 4,000 cases.", D(2025, 1, 30),
     [("4,000", "cases", "level", "at", 2024)]),
    ("The plan would cut sewage spills by 44% by 2030.", D(2024, 12, 19),
     [("44%", "change in sewage spills", "change", "by", 2030)]),  # a noun that is also a verb ends a compound
    ("Councils raised council tax by 5% last year.", D(2025, 6, 1),
     [("5%", "change in council tax", "change", "over", 2024)]),
    ("Recruitment lifted the overall headcount by 4%.", D(2025, 6, 1),
     [("4%", "change in headcount", "change", "over", 2025)]),
    ("Vacancies rose by 4.7% to 33,119.", D(2025, 6, 1),
     [("4.7%", "change in vacancies", "change", "over", 2025), ("33,119", "vacancies", "level", "to", 2025)]),
    ("The new settlement will fund a £2.3bn boost to local services.", D(2024, 3, 1),
     [("£2.3bn", None, "change", "at", None)]),
    # a change that is a rate keeps 'per'
    ("The pension rose by £12 a week.", D(2024, 4, 1), [("£12", "change in pension", "change", "per", None)]),
    ("Raising the carer's allowance by £10 a week would cost £900 million.", D(2024, 4, 1),
     [("£10", "change in carer's allowance", "change", "per", None)]),
    # a figure restated in brackets holds when, and as the end of a change that, the figure before it does
    ("Fuel poverty is projected to rise from 13 per cent in 2023-24 (3.2 million homes) to 15 per cent by 2027-28.",
     D(2024, 9, 1), [("13 per cent", "fuel poverty", "level", "from", "2023/24"),
                     ("3.2 million", "homes", "level", "from", "2023/24"),
                     ("15 per cent", "fuel poverty", "level", "to", "2027/28")]),
    # the newer end of a change from a level stated with its time is 'to', also when a horizon says when; from a
    # level with no time ('rise from 80,000 to 100,000 by 2032') it is reached 'by' the horizon
    ("The headcount would have to grow from 41,000 now to 52,500 by 2035.", D(2025, 3, 1),
     [("41,000", "headcount", "level", "from", 2025), ("52,500", "headcount", "level", "to", 2035)]),
    ("The waiting list will rise from 6,000 to 9,000 by 2030.", D(2025, 3, 1),
     [("6,000", "waiting list", "level", "from", 2025), ("9,000", "waiting list", "level", "by", 2030)]),
    # reported data: a change's older end with no time is the period before the one last reported
    ("In September 2023 there were 31,600 nurses in post. Vacancies fell from 4,200 to 3,900 over the year.",
     D(2024, 2, 1), [("4,200", "vacancies of nurses", "level", "from", 2022),
                     ("3,900", "vacancies of nurses", "level", "to", 2023)]),
    # a period written out governs an 'over N years' of the same length in the sentence after it
    ("The grant averages £2bn a year over the period 2022-2025.\n\nThat leaves England with £6bn over three years.",
     D(2021, 9, 1), [("£6bn", None, "level", "over", 2025)]),
    ("The grant averages £2bn a year over the period 2022-2025. That leaves England with £10bn over five years.",
     D(2021, 9, 1), [("£10bn", None, "level", "over", 2026)]),
    # a sentence's opening subject set off by a participle takes the tense, and the time, of its main clause
    ("Another £500m, announced in March, will take the total budget to £6bn in 2026.", D(2025, 4, 1),
     [("£500m", None, "level", "at", 2026)]),
    ("Another £500m was announced in March.", D(2025, 4, 1), [("£500m", None, "level", "at", 2025)]),
    # a change at a point that is now is no change over a period; 'this year' still is
    ("Scrapping the cap would cut child poverty by 200,000 today. Child poverty fell by 100,000 this year.",
     D(2025, 4, 1), [("200,000", "change in child poverty", "change", "at", 2025),
                     ("100,000", "change in child poverty", "change", "over", 2025)]),
    # a figure in brackets does not take a time beyond its brackets' clause; it does when its clause runs on
    ("Of the £2bn a year, £500m a year will go to Wales (£300m) and Scotland (£200m) - these are averages over the "
     "period 2022-2025.", D(2021, 9, 1), [("£200m", "scotland", "level", "per", None)]),
    ("The number of pupils with a plan went up by 140% (to 576,000) between 2015 and 2024.", D(2024, 10, 1),
     [("140%", "change in pupils with plan", "change", "over", 2024),
      ("576,000", "pupils with plan", "level", "to", 2024)]),
    # 'the next decade' looks forward whatever the tense of the statement
    ("Nurses: 13k more needed in the next decade", D(2024, 11, 1),
     [("13k", "nurses", "level", "by", 2034)]),
    ("The turnover rate climbed to 14% in 2022 (9,300 nurses).", D(2023, 5, 1),
     [("14%", "turnover rate", "level", "to", 2022), ("9,300", "nurses", "level", "to", 2022)]),
    # not a restatement: a bracketed figure with a time of its own
    ("Waiting lists grew to 7.6 million in 2023 (from 4.6 million in 2019).", D(2024, 1, 1),
     [("7.6 million", "waiting lists", "level", "to", 2023), ("4.6 million", "waiting lists", "level", "from", 2019)]),
    # words that mean 'now'
    ("Scrapping the charge would lift 40,000 pensioners out of poverty at once.", D(2025, 2, 1),
     [("40,000", "pensioners out of poverty", "level", "at", 2025)]),
    ("The reform would save councils £300m immediately.", D(2023, 7, 1),
     [("£300m", "saving from reform", "level", "at", 2023)]),
    # a multiple of another amount is a level; a multiplying verb is a change
    ("An average placement costs £5,000 a week, more than double the cost of boarding school.",
     D(2022, 8, 1), [("double", "average placement", "level", "at", 2022)]),
    ("Locum spending doubled the previous year.", D(2022, 8, 1),
     [("doubled", "change in locum spending", "change", "over", 2021)]),
    # a list item with no verb of its own reads in the tense of its lead-in
    ("Halving class sizes by other means would require:\n- recruiting 4,000 more teachers, at a cost of £1.2bn, or\n"
     "- doubling overtime pay, at a cost of £2.5bn.", D(2024, 2, 1),
     [("£1.2bn", "cost of recruiting additional teachers", "level", "at", None),
      ("£2.5bn", "cost of overtime pay", "level", "at", None)]),
    ("The trust has spent:\n- £3m on agency staff, and\n- £2m on locums.", D(2024, 2, 1),
     [("£3m", None, "level", "at", 2024)]),
    # a time that dates a past event set off before a future statement is not when the statement holds
    ("Together with reforms announced last year, the scheme will train 12,000 apprentices.", D(2024, 2, 1),
     [("12,000", "apprentices of scheme", "level", "by", None)]),
    ("Spending increased in 2023, reaching £3bn.", D(2024, 2, 1), [("£3bn", "spending", "level", "at", 2023)]),
    # a present-tense statement of what data show holds at the period the text last reported; '-ing' and '-s'
    # forms are no past tense
    ("Some 2.1 million pensioners lived in poverty in the year to March 2024. Figures published by the department "
     "show the total is 100,000 higher than a year before and represents 18% of all pensioners.", D(2025, 3, 1),
     [("18%", "share of pensioners", "level", "at", "2023/24")]),
    ("Councils expect a deficit of £40m.", D(2025, 3, 1), [("£40m", "deficit", "level", "at", 2025)]),
    # the start of a change carries to the next paragraph, not to a later topic; a start date in the opening
    # paragraph is no reference date of a statistical release
    ("From April 2026 the fee will be frozen for all applicants.\n\nThe scheme will then be reviewed by ministers, "
     "who have promised a consultation.\n\nUnder the plan, nobody earning under £12,000 will pay a fee of £50.",
     D(2024, 9, 1), [("£50", "fee", "level", "at", None)]),
    ("Ministers met the union on Monday.\n\nFrom April 2026 the fee will be frozen for all applicants.\n\n"
     "Nobody earning under £12,000 will pay a fee of £50.", D(2024, 9, 1), [("£50", "fee", "level", "at", 2026)]),
    # a figure after a restatement cue holds when the figure it restates does (not the one compared with)
    ("Agency staff filled 9.4% of nursing posts in 2023, compared with 8.8% in 2022, which amounts to 3,100 "
     "agency nurses.", D(2024, 5, 1), [("3,100", "agency nurses", "level", "at", 2023)]),
    ("The four largest groups ran 1,150 care homes in 2023, equal to 9% of all care homes.", D(2024, 5, 1),
     [("9%", "share of care homes", "level", "at", 2023)]),
    # parts bracketed after the names of a list hold when their whole does; each is measured by its name
    ("Of the new money, £900m a year will go to Kent (£500m), Essex (£300m) and Surrey (£100m).", D(2024, 5, 1),
     [("£500m", "kent", "level", "per", None), ("£300m", "essex", "level", "per", None)]),
    ("Spending rose to £5bn in 2022, with London (£3bn) and Leeds (£1bn) the largest.", D(2024, 5, 1),
     [("£3bn", "london", "level", "at", 2022), ("£1bn", "leeds", "level", "at", 2022)]),
    # no part: a bracketed figure right after its own noun phrase
    ("Social workers left in 2023 (5,400), more than in 2022.", D(2024, 5, 1),
     [("5,400", "social workers left", "level", "at", 2023)]),
    # a sum named only by what it is for
    ("The government announced £300m for mental health services.", D(2024, 5, 1),
     [("£300m", "funding for mental health services", "level", "at", 2024)]),
    ("Ministers set aside £2bn a year for school repairs.", D(2024, 5, 1),
     [("£2bn", "annual funding for school repairs", "level", "per", None)]),
    ("Of the £36bn total, £5.4bn will go to social care in England between 2022-2025.", D(2021, 9, 1),
     [("£5.4bn", "funding for social care in england", "level", "over", 2025)]),
    # not when the sum is already named
    ("Councils spent £2bn on care for children.", D(2024, 5, 1),
     [("£2bn", "spending on care for children", "level", "at", 2024)]),
    # a fronted 'At X,' is the level of what the main clause speaks of
    ("At 16.6, the average caseload was higher than in 2021.", D(2023, 2, 1),
     [("16.6", "average caseload", "level", "at", 2022)]),
    ("At £4.2bn, spending on agency staff is at a record high.", D(2023, 2, 1),
     [("£4.2bn", "spending on agency workers", "level", "at", 2023)]),
    # the subject of a level verb, not a verb of money ('spending' stands for its sum)
    ("Spending stood at £4bn.", D(2023, 2, 1), [("£4bn", "spending", "level", "at", 2023)]),
    ("Spending reached £4bn.", D(2023, 2, 1), [("£4bn", "spending", "level", "at", 2023)]),
    ("Councils spent £4bn on temporary accommodation.", D(2023, 2, 1),
     [("£4bn", "spending on temporary accommodation", "level", "at", 2023)]),
    # the object of a verb that puts it at the figure, with each figure's own setting
    ("The regulator put the average fees of large nursery chains at £1,400 in London, £1,100 in the north and "
     "£950 in Wales.", D(2023, 2, 1),
     [("£1,400", "average fees of large nursery chains in london", "level", "at", 2023),
      ("£1,100", "average fees of large nursery chains in north", "level", "at", 2023),
      ("£950", "average fees of large nursery chains in wales", "level", "at", 2023)]),
    ("The OBR estimates the cost at £3bn.", D(2023, 2, 1), [("£3bn", "cost", "level", "at", 2023)]),
    # no such verb: 'at' is a time or a place
    ("The hospital at Leeds treated 4,000 patients.", D(2023, 2, 1),
     [("4,000", "patients treated by hospital at leeds", "level", "at", 2023)]),
    # verbs of money that raise or earn a sum
    ("The tax rise will raise £12bn a year.", D(2021, 9, 1),
     [("£12bn", "annual revenue from tax rise", "level", "per", None)]),
    ("Providers earned £300m last year.", D(2021, 9, 1), [("£300m", "earnings of providers", "level", "at", 2020)]),
    # a deadline that ends a clause is not the time of a change in the clause after it ('..., and ...')
    ("Emissions will be cut by 40% by 2035, and fuel prices will go up by some £30 on average.", D(2024, 2, 1),
     [("40%", "change in emissions", "change", "by", 2035), ("£30", "change in fuel prices", "change", "at", None)]),
    # a rate holds in the year a relative time written right after it names ('a day last year')
    ("Hospitals treated 2,000 patients a day last year.", D(2024, 2, 1),
     [("2,000", "patients treated by hospitals", "level", "per", 2023)]),
    ("The levy will raise £3bn a year, starting next year.", D(2024, 2, 1),
     [("£3bn", "annual revenue from levy", "level", "per", None)]),
    # a possessive time whose noun holds the figure dates that figure, also after 'than' (its own time, no base),
    # and no other figure of the sentence
    ("Council tax will go up by 5% in April, lower than last year's increase of 5.1%.", D(2024, 2, 1),
     [("5%", "change in council tax", "change", "over", 2024),
      ("5.1%", "change in council tax", "change", "over", 2023)]),
    ("The deficit fell to £90bn, down from last year's £120bn deficit.", D(2024, 2, 1),
     [("£90bn", "deficit", "level", "to", 2024), ("£120bn", "deficit", "level", "at", 2023)]),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_claim_times(text: str, date: dt.date, expected: list[Row]) -> None:
    doc = caresocial.extract(text, doc_id="t", date=date)
    got = {text[c.start:c.end]: c for c in doc.claims}
    for figure, measure, aspect, relation, year in expected:
        assert figure in got, f"no claim on {figure!r}: {sorted(got)}"
        c = got[figure]
        assert (c.measure, c.aspect, c.time.relation, c.time.year) == (measure, aspect, relation, year), \
            (figure, c.measure_text, c.time)


@pytest.mark.parametrize(("table", "line", "text", "figure", "before", "after"), [
    # a word before 'to' that says what is to come: a future sum with no time is an amount at no stated time
    ("claim_cues", "poised | future_to", "Spending is poised to reach £3bn.", "£3bn", ("at", 2025), ("at", None)),
    # a restatement cue: the figure after it holds when the figure it restates does
    ("restatement_words", "tantamount to",
     "Vacancies stood at 12% in 2021, compared with 10% in 2020, tantamount to 4,000 posts.", "4,000",
     ("at", 2025), ("at", 2021)),
])
def test_time_word_lists_extended_through_configuration(table: str, line: str, text: str, figure: str,
                                                        before: tuple[str, Any], after: tuple[str, Any]) -> None:
    def time_of(lexicons: dict[str, list[str]] | None) -> tuple[str, Any]:
        doc = caresocial.extract(text, doc_id="t", date=D(2025, 1, 1), lexicons=lexicons)
        c = next(c for c in doc.claims if text[c.start:c.end] == figure)
        return c.time.relation, c.time.year

    assert (time_of(None), time_of({table: [line]})) == (before, after)
