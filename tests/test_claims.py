"""Claims on press-release-style text: measure keys and claim times, with exact expectations.

``C(figure, measure, relation, year)`` names the claim built on a figure; ``relative=True`` asks that an
undated relative time stays unresolved (year None) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

import caresocial

_ANY = object()
D = dt.date


@dataclass(frozen=True)
class C:
    """An expected claim on the ``occurrence``-th figure written ``text``."""

    text: str
    measure: Any
    relation: str
    year: Any
    relative: bool | None = None
    occurrence: int = 1
    linked_to: str | None = None  # figure text of the other end of a change


def _claim(doc: caresocial.Document, exp: C):
    figs = [f for f in doc.figures if f.text == exp.text]
    assert len(figs) >= exp.occurrence, f"figure {exp.text!r} not found: {[f.text for f in doc.figures]}"
    fig = figs[exp.occurrence - 1]
    claims = [c for c in doc.claims if c.figure == fig.id]
    assert claims, f"no claim on {exp.text!r}"
    return claims[0]


def _check(text: str, kwargs: dict[str, Any], expected: list[C]) -> None:
    doc = caresocial.extract(text, **kwargs)
    for exp in expected:
        c = _claim(doc, exp)
        got = (c.measure if exp.measure is not _ANY else _ANY, c.time.relation, c.time.year)
        assert got == (exp.measure, exp.relation, exp.year), (exp.text, c.measure, c.measure_text, c.time)
        if exp.relative is not None:
            assert c.time.relative is exp.relative, (exp.text, c.time)
        if exp.linked_to is not None:
            other = next(x for x in doc.claims if x.id == c.link) if c.link else None
            assert other is not None and text[other.start:other.end] == exp.linked_to, (exp.text, c.link)


# ------------------------------------------------------------------------------------------------------
# times
# ------------------------------------------------------------------------------------------------------
TIMES = [
    pytest.param("The number of children in care is projected to rise to 100,000 by 2032.", {},
                 [C("100,000", "children in care", "by", 2032, relative=False)], id="by-year"),
    pytest.param("There could be close to 100,000 children in care by the end of 2025.", {},
                 [C("100,000", "children in care", "by", 2025)], id="by-the-end-of-year"),
    pytest.param(
        "Councils must receive the recommended £2.6bn by the end of 2026/27.", {},
        [C("£2.6bn", "recommended investment", "by", "2026/27")], id="by-the-end-of-financial-year"),
    pytest.param(
        "Without reform, the number of children in care will rise to 100,000 in 10 years' time.",
        {"date": D(2022, 5, 23)}, [C("100,000", "children in care", "by", 2032, relative=False)],
        id="in-n-years-time-dated"),
    pytest.param(
        "Without reform, the number of children in care will rise to 100,000 in 10 years' time.", {},
        [C("100,000", "children in care", "by", None, relative=True)], id="in-n-years-time-undated"),
    pytest.param(
        "The charity estimates that councils will spend £25bn on children’s social care over the next ten "
        "years.",
        {"date": D(2024, 1, 10)}, [C("£25bn", "spending on children's social care", "over", 2034)],
        id="over-the-next-ten-years-dated"),
    pytest.param(
        "Councils will spend £25bn on children’s social care over the next ten years.", {},
        [C("£25bn", "spending on children's social care", "over", None, relative=True)],
        id="over-the-next-ten-years-undated"),
    pytest.param(
        "Councils face a £4 billion funding gap over the next two years.", {"date": D(2023, 6, 1)},
        [C("£4 billion", "funding gap", "over", 2025)], id="over-the-next-two-years"),
    pytest.param(
        "The number of children in care will rise by a third over the next decade.", {"date": D(2023, 1, 5)},
        [C("a third", "increase in children in care", "over", 2033)], id="over-the-next-decade"),
    pytest.param(
        "Ministers expect 10,000 more foster carers to be recruited in the next decade.",
        {"date": D(2023, 1, 5)}, [C("10,000", "foster carer", "by", 2033)], id="in-the-next-decade"),
    pytest.param(
        "Spending on late intervention services soared by 37% over the last decade.", {"date": D(2022, 8, 1)},
        [C("37%", "increase in spending on late intervention service", "over", 2022)],
        id="over-the-last-decade-percent"),
    pytest.param(
        "Spending on children’s social care rose from £8bn to £11bn over the last decade.",
        {"date": D(2023, 11, 1)},
        [C("£8bn", "spending on children's social care", "from", 2013, linked_to="£11bn"),
         C("£11bn", "spending on children's social care", "to", 2023, linked_to="£8bn")],
        id="from-to-over-the-last-decade"),
    pytest.param(
        "Spending on children’s social care rose from £8bn to £11bn over the last decade.", {},
        [C("£8bn", "spending on children's social care", "from", None, relative=True),
         C("£11bn", "spending on children's social care", "to", None, relative=True)],
        id="from-to-over-the-last-decade-undated"),
    pytest.param(
        "The review warns that the number of children in care in England will rise from 80,000 to 100,000 "
        "in 10 years' time.",
        {"date": D(2022, 5, 23)},
        [C("80,000", "children in care", "from", 2022, linked_to="100,000"),
         C("100,000", "children in care", "by", 2032, linked_to="80,000")],
        id="from-to-in-n-years-time"),
    pytest.param(
        "By 2030 there will be 95,000 children in care, up from 83,000 today.", {"date": D(2024, 3, 1)},
        [C("95,000", "children in care", "by", 2030), C("83,000", "children in care", "from", 2024)],
        id="fronted-by-up-from-today"),
    pytest.param(
        "The review has calculated that the lifetime costs of poor outcomes are £23 billion each year.", {},
        [C("£23 billion", "annual lifetime cost of poor outcome", "per", None)], id="each-year-rate"),
    pytest.param(
        "Children’s social care costs councils £10bn a year.", {"date": D(2022, 5, 23)},
        [C("£10bn", "annual cost", "per", None)], id="a-year-rate"),
    pytest.param("There are 83,000 children in care in England today.", {"date": D(2024, 2, 1)},
                 [C("83,000", "children in care", "at", 2024, relative=False)], id="today-dated"),
    pytest.param("There are 83,000 children in care in England today.", {},
                 [C("83,000", "children in care", "at", None, relative=True)], id="today-undated"),
    pytest.param("Councils now spend £11bn a year on children’s social care.", {"date": D(2024, 2, 1)},
                 [C("£11bn", _ANY, "at", 2024)], id="now-dated"),
    pytest.param(
        "Councils overspent their children’s social care budgets by £800m last year.", {"date": D(2023, 7, 4)},
        [C("£800m", "overspend", "at", 2022)], id="last-year-dated"),
    pytest.param(
        "Councils overspent their children’s social care budgets by £800m last year.", {},
        [C("£800m", "overspend", "at", None, relative=True)], id="last-year-undated"),
    pytest.param(
        "There could be close to 100,000 children in care by the end of 2025, with councils spending "
        "£2.1bn more that year.", {"date": D(2023, 2, 2)},
        [C("100,000", "children in care", "by", 2025), C("£2.1bn", "additional spending", "at", 2025)],
        id="that-year"),
    pytest.param(
        "Councils spent £11.1 billion on children’s social care in 2022/23, up from £10.2 billion the year "
        "before.", {},
        [C("£11.1 billion", "spending on children's social care", "at", "2022/23"),
         C("£10.2 billion", "spending on children's social care", "from", "2021/22")],
        id="in-financial-year-the-year-before"),
    pytest.param(
        "Councils face a £2.4 billion funding gap next year.", {"date": D(2023, 10, 1)},
        [C("£2.4 billion", "funding gap", "at", 2024)], id="next-year"),
    pytest.param(
        "The strategy must be in place by next year.\n\nCouncils will need 5,000 more social workers by next year.",
        {"date": D(2023, 10, 1)}, [C("5,000", "social worker", "by", 2024)], id="by-next-year"),
    pytest.param(
        "The government has committed £200m over the next two years to pilot the new approach.",
        {"date": D(2023, 2, 2)}, [C("£200m", "funding", "over", 2025)], id="committed-over-next-two-years"),
    pytest.param(
        "The Children's Society\n\nLONDON, 14 March 2024\n\nThere are 83,840 children in care today, the "
        "highest number on record.", {},
        [C("83,840", "children in care", "at", 2024, relative=False)], id="dateline-today"),
    pytest.param(
        "Care figures\n\n02 February 2023\n\nThe plan is backed by £200m over the next two years.", {},
        [C("£200m", "funding", "over", 2025)], id="dateline-over-next-two-years"),
    pytest.param(
        "---\npublisher: Local Government Association\ndate: 2024-03-12\n---\nCouncils expect to spend "
        "£14bn on children’s social care within five years.", {},
        [C("£14bn", "spending on children's social care", "by", 2029)], id="front-matter-date-within"),
    pytest.param(
        "The number of children in care rose by 24% between 2012 and 2022.", {},
        [C("24%", "increase in children in care", "over", 2022)], id="between-years"),
    pytest.param(
        "In 2023, there were 83,840 children in care in England.", {},
        [C("83,840", "children in care", "at", 2023)], id="fronted-in-year"),
    pytest.param(
        "Around 4.2 million children live in poverty, up from 3.6 million a decade ago.", {"date": D(2023, 6, 1)},
        [C("4.2 million", "children in poverty", "at", None),
         C("3.6 million", "children in poverty", "from", 2013)],
        id="up-from-a-decade-ago"),
    pytest.param(
        "Around 4.2 million children live in poverty, up from 3.6 million a decade ago.", {},
        [C("3.6 million", "children in poverty", "from", None, relative=True)],
        id="up-from-a-decade-ago-undated"),
]


@pytest.mark.parametrize(("text", "kwargs", "expected"), TIMES)
def test_claim_times(text: str, kwargs: dict[str, Any], expected: list[C]) -> None:
    _check(text, kwargs, expected)


# ------------------------------------------------------------------------------------------------------
# measures
# ------------------------------------------------------------------------------------------------------
MEASURES = [
    pytest.param("Spending on agency staff fell, while spending on placements rose by 12% to £5bn.", "12%",
                 "increase in spending on placement", id="percent-change-takes-its-own-verb"),
    pytest.param("Placements rose, but the number of foster carers fell by 8%.", "8%", "decrease in foster carer",
                 id="percent-change-second-clause"),
    pytest.param("Without reform the number of children in care in England will rise to 100,000.",
                 "100,000", "children in care", id="number-of"),
    pytest.param("In the next ten years, there will be approaching 100,000 children in care.",
                 "100,000", "children in care", id="counted-noun-with-qualifier"),
    pytest.param("There are currently 83,840 children in care in England.", "83,840", "children in care",
                 id="place-dropped"),
    pytest.param("Last year 83,840 children were in care, the highest number on record.", "83,840",
                 "children in care", id="verb-be-before-qualifier"),
    pytest.param("Around 4.2 million children are growing up in poverty in the UK.", "4.2 million",
                 "children in poverty", id="growing-up-in"),
    pytest.param("A flawed system will cost over £15 billion per year.", "£15 billion", "annual cost",
                 id="will-cost-per-year"),
    pytest.param("The annual costs will rise from £10 billion to £15 billion.", "£10 billion", "annual cost",
                 id="annual-costs-from"),
    pytest.param("Spending on late intervention services soared from £6bn to £8.2bn.", "£6bn",
                 "spending on late intervention service", id="subject-of-change"),
    pytest.param("The review is recommending an injection of £2.6 billion as part of a five year reform "
                 "programme.", "£2.6 billion", "recommended investment", id="recommending-injection"),
    pytest.param("Councils spent £11.1 billion on children’s social care.", "£11.1 billion",
                 "spending on children's social care", id="spent-on"),
    pytest.param("Young people who grew up in care are three times less likely to be in education, "
                 "employment or training by the time they reach 19.", "three times",
                 "times less likely to be in education employment or training", id="ratio"),
    pytest.param("A third of care leavers are not in education, employment or training.", "A third",
                 "share of care leaver", id="share-of"),
    pytest.param("The review heard from more than 2,000 people who have lived experience of children’s "
                 "social care.", "2,000", "people who have lived experience of children's social care",
                 id="relative-clause-kept"),
]


@pytest.mark.parametrize(("text", "figure", "measure"), MEASURES)
def test_measure_keys(text: str, figure: str, measure: str) -> None:
    doc = caresocial.extract(text)
    fig = next(f for f in doc.figures if f.text == figure)
    claim = next(c for c in doc.claims if c.figure == fig.id)
    assert claim.measure == measure, (claim.measure, claim.measure_text)


def _key(text: str, figure: str, occurrence: int = 1, **kwargs: Any) -> str:
    doc = caresocial.extract(text, **kwargs)
    figs = [f for f in doc.figures if f.text == figure]
    fig = figs[occurrence - 1]
    return next(c for c in doc.claims if c.figure == fig.id).measure


SAME = [
    pytest.param([
        ("The Independent Review of Children’s Social Care warns that without investment and reform, the "
         "number of children in care in England will rise from 80,000 to 100,000 in 10 years' time.", "100,000"),
        ("In the next ten years, there will be approaching 100,000 children in care, up from 80,000 today.",
         "100,000"),
        ("CCN research found there could be close to 100,000 children in care by the end of 2025.", "100,000"),
        ("Left unchecked, the number of children in care could rise to almost 100,000 young people by the "
         "end of 2025.", "100,000"),
        ("Projections show that by 2032, there will be approaching 100,000 children in care, up from 80,000 "
         "today.", "80,000"),
    ], id="children-in-care"),
    pytest.param([
        ("The annual costs will rise from £10 billion to £15 billion.", "£15 billion"),
        ("A flawed system will cost over £15 billion per year, up from £10 billion now.", "£10 billion"),
        ("It will cost £15 billion per year, up from £10 billion per year now.", "£15 billion"),
    ], id="annual-cost"),
    pytest.param([
        ("We urge government to increase the funding in line with the recommended £2.6bn by the end of "
         "2026/27.", "£2.6bn"),
        ("The review is recommending an injection of £2.6 billion as part of a five year reform programme.",
         "£2.6 billion"),
        ("Josh MacAlister recommended £2.6bn of investment over five years.", "£2.6bn"),
    ], id="recommended-investment"),
    pytest.param([
        ("The plan is backed by £200m over the next two years.", "£200m"),
        ("The government has committed £200m over the next two years.", "£200m"),
        ("Ministers have pledged £200m to pilot the new approach.", "£200m"),
    ], id="funding"),
]


@pytest.mark.parametrize("items", SAME)
def test_same_thing_same_measure_across_documents(items: list[tuple[str, str]]) -> None:
    keys = {_key(text, fig) for text, fig in items}
    assert len(keys) == 1, keys


DIFFERENT = [
    pytest.param(
        ("In reaching its conclusions, the review listened to more than 2,000 people who have lived "
         "experience of children’s social care, and more than 2,800 who work in the system.", "2,000"),
        ("In reaching its conclusions, the review listened to more than 2,000 people who have lived "
         "experience of children’s social care, and more than 2,800 who work in the system.", "2,800"),
        id="lived-experience-vs-workforce"),
    pytest.param(
        ("The plan is backed by £200m over the next two years.", "£200m"),
        ("We urge government to increase the funding in line with the recommended £2.6bn by the end of "
         "2026/27.", "£2.6bn"),
        id="funding-vs-recommended-investment"),
    pytest.param(
        ("There are 83,000 children in care in England.", "83,000"),
        ("There are 400,000 children in need in England.", "400,000"),
        id="in-care-vs-in-need"),
    pytest.param(
        ("Councils spent £11.1 billion on children’s social care.", "£11.1 billion"),
        ("Councils spent £3.1 billion on residential placements.", "£3.1 billion"),
        id="spending-on-different-things"),
    pytest.param(
        ("There are 83,000 children in care in England.", "83,000"),
        ("There are 13,000 care leavers aged 18 to 21.", "13,000"),
        id="children-in-care-vs-care-leavers"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_things_different_measures(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert _key(*a) != _key(*b)


def test_linked_ends_share_one_measure() -> None:
    doc = caresocial.extract("Spending on late intervention services soared by more than a third (37%) over the "
                             "last decade, from £6bn to £8.2bn.", date=D(2022, 7, 1))
    money = [c for c in doc.claims if c.kind == "money"]
    assert len(money) == 2 and money[0].measure == money[1].measure
    assert money[0].link == money[1].id and money[1].link == money[0].id
    assert (money[0].time.relation, money[0].time.year) == ("from", 2012)
    assert (money[1].time.relation, money[1].time.year) == ("to", 2022)


def test_undated_times_are_never_guessed() -> None:
    text = ("Councils expect to spend £14bn within five years, up from £11bn today, after overspending by "
            "£800m last year.")
    doc = caresocial.extract(text)
    for c in doc.claims:
        assert c.time.year is None and c.time.relative is True, (c.measure, c.time)


def test_change_verbs_kept_for_a_text_find_what_each_window_finds() -> None:
    """The change words and subjects that :class:`claims.ChangeVerbs` keeps across the (overlapping, mostly
    rightward) windows of one text are those a search of each window finds, windows cut inside words too."""
    import random

    from caresocial.extraction.claims import grammar as CL

    rng = random.Random(9)
    pieces = ("rise rose risen rises grew fell went up down will would is set to also has the spending costs children "
              "soared doubled halved jump , . £5m 10% sky-rose it in a of WENT Rose ' rises5 rose10 é_").split()
    for _ in range(300):
        t = "".join(rng.choice(pieces) + rng.choice([" ", "", "  ", "-", "\n"]) for _ in range(rng.randint(0, 60)))
        verbs = CL.ChangeVerbs(t)
        pos = 0
        for _ in range(15):
            if rng.random() < 0.7:  # on to the right, as the figures of a sentence come
                b = min(len(t), pos + rng.randint(0, 60))
                a = max(0, b - rng.randint(0, 120))
                pos = b
            else:
                a = rng.randint(0, len(t))
                b = rng.randint(a, len(t))
            assert [m.span() for m in verbs.within(a, b)] == [m.span() for m in CL._CHANGE_VERB.finditer(t, a, b)]
            kept, plain = CL.last_change_subject(t, a, b, verbs), CL.last_match(CL._CHANGE_SUBJECT, t, a, b)
            assert (kept and (kept.span(), kept.groupdict())) == (plain and (plain.span(), plain.groupdict()))
