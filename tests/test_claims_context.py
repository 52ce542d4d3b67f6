"""Claims whose measure or time comes from around the figure: pronouns, doers, opening 'of' phrases, bracketed
restatements, sums compared with a base, bare heads named earlier, headlines, the ends of a change, periods,
undated documents, future plans; and the word lists of the measure rules extended through configuration.

``C(figure, measure, aspect, relation, year)`` as in test_claims.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import caresocial

from .test_claims import C, D, _claims, assert_claims

CASES = [
    # a plural pronoun stands for the last plural noun phrase before it; a multiple after a colon is of that sum
    ("Demand has grown for residential care placements. On average these cost £5,000 a week: ten times more "
     "than foster care.", D(2024, 5, 1),
     [C("£5,000", "weekly cost of residential care placements", "level", "per", None),
      C("ten times", "cost of residential care placements", "level", "at", 2024)]),
    ("One in four posts were empty, and 60% of those were filled by locum doctors.", D(2023, 6, 1),
     [C("One in four", "share of posts empty", "level", "at", 2023),
      C("60%", "share of posts filled by locum doctors", "level", "at", 2023)]),
    # a figure and its noun as the object of a verb, with the verb's subject
    ("Between them, the 15 largest chains owned 1,204 care homes.", D(2024, 3, 1),
     [C("1,204", "care homes owned by largest chains", "level", "at", 2024)]),
    ("Large housing associations made £450m profit last year.", D(2024, 3, 1),
     [C("£450m", "profit made by large housing associations", "level", "at", 2023)]),
    # an opening 'Of the N X,' names what a share is of; the bracketed figures restate it
    ("Of the 312 academy trusts in the region, 2 in 3 were single-school trusts (208, 67%).", D(2023, 9, 1),
     [C("2 in 3", "share of academy trusts in region single-school trusts", "level", "at", 2023),
      C("208", "academy trusts in region single-school trusts", "level", "at", 2023),
      C("67%", "share of academy trusts in region single-school trusts", "level", "at", 2023)]),
    # a sum that is more than another: the additional amount, compared with what
    ("With councils spending £1.4bn more that year compared to the start of the decade, budgets are stretched.",
     D(2023, 2, 1), [C("£1.4bn", "additional councils spending compared with start of decade", "level", "at", 2023)]),
    # 'reaching £X' after a change measures the main clause's subject; the change runs to that level's year
    ("Adult social care funding has gone up by a quarter over the past five years, reaching £8.1 billion for "
     "2023-24.", D(2024, 1, 1),
     [C("a quarter", "change in adult social care funding", "change", "over", "2023/24"),
      C("£8.1 billion", "adult social care funding", "level", "at", "2023/24")]),
    # a name with commas in it stays one noun phrase
    ("The number of pupils with an Education, Health and Care (EHC) plan rose by 90% to 430,000 between 2016 "
     "and 2023.", D(2024, 1, 1),
     [C("90%", "change in pupils with education health and care plan", "change", "over", 2023),
      C("430,000", "pupils with education health and care plan", "level", "to", 2023)]),
    # periods: two years written as one span; 'over three years' ahead of a future statement, up to a past one
    ("The cost of the scheme was £2bn over the period 2021-2024.", D(2022, 1, 1),
     [C("£2bn", "cost of scheme", "level", "over", 2024)]),
    ("Fees rose by 20% over three years.", D(2023, 1, 1), [C("20%", "change in fees", "change", "over", 2023)]),
    ("The fund will pay out £3bn over three years.", D(2023, 1, 1), [C("£3bn", "fund", "level", "over", 2026)]),
    # a future count of those who will act holds at its time; one of what will be, by it
    ("Nine trusts would trial the new rota, and 40 wards would close.", D(2023, 1, 1),
     [C("Nine", "trusts trial new rota", "level", "at", None), C("40", "wards close", "level", "by", None)]),
    # 'last November' before a past statement
    ("The tribunal, published last November, found that 35% of claims were upheld.", D(2023, 3, 1),
     [C("35%", "share of claims upheld", "level", "at", 2022)]),
    # with no 'from' end stated, the level before a 'to' end of the same measure is where the change starts
    ("Councils hold schools deficits of £1.5bn this year, projected to climb to £2.2bn in 2025/26.", D(2024, 10, 1),
     [C("£1.5bn", "schools deficits", "level", "from", "2024/25"),
      C("£2.2bn", "schools deficits", "level", "to", "2025/26")]),
    # a counted noun left out after 'and more than 900' is the one before it; an undated text gives no year
    ("More than 1,500 families who have lived in temporary housing, and more than 900 who work in the sector, "
     "responded.", None,
     [C("1,500", "families lived in temporary housing", "level", "at", None),
      C("900", "families work in sector", "level", "at", None)]),
    # unit qualifiers are no part of a measure
    ("Some 6,000 full-time equivalent (FTE) nurses left the profession in 2022.", D(2023, 5, 1),
     [C("6,000", "nurses", "level", "at", 2022)]),
    # a clause with no subject of its own shares the measure of the figure before it
    ("The regional vacancy rate was lowest in the South West (6.1%) and highest in the North (14.2%).",
     D(2023, 5, 1),
     [C("6.1%", "regional vacancy rate", "level", "at", 2023),
      C("14.2%", "regional vacancy rate", "level", "at", 2023)]),
    # 'current' is now; a rate holds per year at it
    ("With the current scheme costing over £2 billion a year, ministers want change.", D(2024, 5, 1),
     [C("£2 billion", "annual cost of scheme", "level", "per", 2024)]),
    # not a bound: 'more than doubled over the past six years' is a change over that period ('agency staff' and
    # 'agency workers' are one measure in the synonym table)
    ("Spending on agency staff more than doubled over the past six years.", D(2023, 11, 1),
     [C("doubled", "change in spending on agency workers", "change", "over", 2023)]),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_claims_in_context(text: str, date: dt.date | None, expected: list[C]) -> None:
    assert_claims(text, date, expected)


def test_a_bare_head_is_named_as_the_text_named_it_before() -> None:
    text = ("We want reform of the children's social care system in England.\n\n"
            "A flawed system will cost over £15 billion per year.")
    got = _claims(text, D(2022, 8, 1))
    assert got["£15 billion"].measure == "annual cost of children's social care system"


def test_a_bare_measure_is_read_against_what_the_text_counts() -> None:
    text = ("There were 31,600 children's social workers in post last year, and 29,000 children's social workers "
            "the year before.\n\nVacancies rose to 7,900.")
    got = _claims(text, D(2023, 2, 1))
    assert got["7,900"].measure == "vacancies of children's social workers"
    assert got["7,900"].measure_text == "Vacancies"


def test_a_bare_measure_is_read_against_the_counted_noun_the_title_names() -> None:
    """The title says what the document is about: its counted noun wins over one counted as often elsewhere, and
    the noun is taken without what follows it ('in post': a vacancy is no nurse in post)."""
    text = ("Vacancy rates for hospital nurses reach a record high\n\n"
            "There were 4,000 agency workers in wards last year. There were 31,600 hospital nurses in post. "
            "There were 7,900 vacancies in 2022.")
    got = _claims(text, D(2023, 2, 1))
    assert got["7,900"].measure == "vacancies of hospital nurses"


def test_an_increment_is_no_subject_a_bare_measure_is_read_against() -> None:
    """'2,000 additional GPs' counts an increment, not the population the document is about."""
    text = "The service said it had recruited 2,000 extra GPs through a new scheme. Vacancies rose to 900."
    got = _claims(text, D(2025, 1, 20))
    assert got["900"].measure == "vacancies"


def test_a_headline_figure_takes_the_time_the_body_gives_it() -> None:
    text = "Care firms made £300m profit\n\nThe firms made £300m in profit last year, a report says.\n"
    got = caresocial.extract(text, doc_id="t", date=D(2023, 11, 1)).claims
    assert [(c.time.relation, c.time.year) for c in got] == [("at", 2022), ("at", 2022)]


def test_a_headline_figure_takes_the_period_the_body_reads_it_in() -> None:
    """The body's figure has no time phrase of its own but holds at the period the text last reported."""
    text = ("Census shows 12% rise in nurse vacancies\n\nThe census counted 48,000 nurses in 2022. There were "
            "4,100 vacancies, 12% more than the year before.\n")
    got = [(text[c.start:c.end], c.time.relation, c.time.year)
           for c in caresocial.extract(text, doc_id="t", date=D(2023, 2, 1)).claims]
    assert got[0] == ("12%", "over", 2022) and ("12%", "over", 2022) in got[1:]


def test_a_figure_said_again_is_the_claim_it_repeats() -> None:
    text = ("The levy will raise £5.3bn over three years.\n\n"
            "About £2.2bn of the £5.3bn referred to above will stay with councils.")
    got = _claims(text, D(2022, 11, 1))
    again, part = got["£5.3bn"], got["£2.2bn"]
    assert (again.time.relation, again.time.year) == (part.time.relation, part.time.year) == ("over", 2025)


@pytest.mark.parametrize(("table", "line", "text", "before", "after"), [
    # a verb of money: what the sum after it measures
    ("money_verbs", "ringfence | funding for | ringfenced", "Ministers ringfenced £2bn for hospices.",
     "ministers ringfenced", "funding for hospices"),
    # a verb that states the level of its subject, not an act of a doer
    ("level_verbs", "clock", "The backlog clocked 7.6 million cases.", "cases clocked by backlog", "cases"),
    # a unit qualifier left out of a measure
    ("measure_words", "wte | unit", "There were 4,000 WTE nurses.", "wte nurses", "nurses"),
])
def test_measure_word_lists_extended_through_configuration(table: str, line: str, text: str, before: str,
                                                           after: str) -> None:
    (plain,) = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1)).claims
    (extended,) = caresocial.extract(text, doc_id="t", date=D(2024, 1, 1), lexicons={table: [line]}).claims
    assert (plain.measure, extended.measure) == (before, after)


def test_a_trained_pipelines_parts_of_speech_are_read(tmp_path: Path) -> None:
    """``model=``: a pipeline that tags parts of speech (here an attribute ruler) replaces the table's guess."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "hold"}]], {"POS": "NOUN"})
    nlp.to_disk(tmp_path / "tagger")
    text = "Councils hold deficits of £1.5bn."
    plain = _claims(text, D(2024, 1, 1))["£1.5bn"]
    tagged = _claims(text, D(2024, 1, 1), model=str(tmp_path / "tagger"))["£1.5bn"]
    assert (plain.measure, tagged.measure) == ("deficits", "councils hold deficits")


def test_a_bare_population_or_period_is_not_read_against_the_text() -> None:
    text = ("There were 31,600 children's social workers in post last year, and 29,000 children's social workers "
            "the year before.\n\nSome 5,000 people applied. Vacancies rose to 7,900 over the year.")
    got = _claims(text, D(2023, 2, 1))
    assert got["5,000"].measure == "people applied"
    assert got["7,900"].measure == "vacancies of children's social workers"


def test_population_nouns_and_hollow_participles_extend_through_configuration() -> None:
    text = ("There were 31,600 nurses in post last year, and 29,000 nurses the year before.\n\n"
            "There were 7,900 vacancies noted.")
    default = {text[c.start:c.end]: c.measure for c in caresocial.extract(text, doc_id="t", date=D(2023, 2, 1)).claims}
    assert default["7,900"] == "vacancies noted"
    extended = caresocial.extract(text, doc_id="t", date=D(2023, 2, 1),
                                  lexicons={"measure_words": ["noted | hollow"]}).claims
    assert {text[c.start:c.end]: c.measure for c in extended}["7,900"] == "vacancies of nurses"
    kept = caresocial.extract(text, doc_id="t", date=D(2023, 2, 1),
                              lexicons={"measure_words": ["noted | hollow"], "population_nouns": ["vacancies"]})
    assert {text[c.start:c.end]: c.measure for c in kept.claims}["7,900"] == "vacancies"
