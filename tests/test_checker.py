"""The consistency checker: which findings exist (rule, severity, which claims) for realistic sentence pairs,
and the pairs that must give nothing.

Most cases build the claims by hand, as the claims stage would hand them over (measure, value, time, figure
text and its place in its sentence), so that they test the checker's judgement and nothing else. A few run the
whole pipeline on the issue's own examples.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import caresocial
import caresocial.lexicons
from caresocial.config import Config, parse
from caresocial.consistency.caching import clear_caches
from caresocial.consistency.checker import check
from caresocial.consistency.conflicts import MAX_CITED_PER_VARIANT
from caresocial.consistency.rules import Rule, get_rule, register, unregister
from caresocial.consistency.run import Run
from caresocial.io.render import RULES, render
from caresocial.models import Claim, ClaimTime, Document, Figure, Speaker

# ------------------------------------------------------------------------------------------------ builders


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Every test computes what it checks (the checker's memo tables start empty)."""
    clear_caches()


@dataclasses.dataclass
class C:
    """One claim as the claims stage hands it over: its sentence, the figure as written, and what it says."""

    sentence: str
    figure: str
    value: float | int | str
    measure: str | None
    kind: str = "count"
    unit: str | None = None
    time: tuple[str, int | str | None] = ("at", 2022)
    as_written: str | None = None
    approx: bool = False
    bound: str | None = None
    rate: str | None = None
    aspect: str = "level"
    direction: str | None = None
    link: str | None = None  # id of the other end ('c2') of a change
    link_role: str | None = None
    ends: tuple[str, ...] = ()
    speaker: str | None = None
    occurrence: int = 1


def doc(doc_id: str, *claims: C, extra_figures: tuple[tuple[str, str, float, str], ...] = ()) -> Document:
    """A document whose text is the claims' sentences, one per line (repeated sentences are written once).
    extra_figures: (sentence, text, value, unit) duration figures."""
    sentences: list[str] = []
    for c in claims:
        if c.sentence not in sentences:
            sentences.append(c.sentence)
    for s, *_ in extra_figures:
        if s not in sentences:
            sentences.append(s)
    text = "\n".join(sentences)
    starts = {s: text.index(s) for s in sentences}
    figures: list[Figure] = []
    built: list[Claim] = []
    for k, c in enumerate(claims, 1):
        base = starts[c.sentence]
        at = -1
        for _ in range(c.occurrence):
            at = c.sentence.index(c.figure, at + 1)
        start = base + at
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        figures.append(Figure.build(id=f"f{k}", kind=c.kind, text=c.figure, start=start, end=start + len(c.figure),
                                    sentence_start=base, sentence_end=base + len(c.sentence), value=c.value,
                                    unit=c.unit, approx=c.approx, bound=c.bound, rate=c.rate))
        relation, year = c.time
        built.append(Claim.build(
            id=f"c{k}", figure=f"f{k}", start=start, end=start + len(c.figure), kind=c.kind, measure=c.measure,
            measure_text=c.measure, aspect=c.aspect, direction=c.direction, ends=c.ends, value=c.value, unit=c.unit,
            approx=c.approx, bound=c.bound, rate=c.rate,
            time=ClaimTime.build(relation=relation, year=year, as_written=c.as_written, resolved_against=None,
                                 relative=False),
            speaker=Speaker.build(name=c.speaker) if c.speaker else None, sentence=c.sentence,
            sentence_start=base, line=line, column=column, link=c.link, link_role=c.link_role))
    for k, (s, t, v, unit) in enumerate(extra_figures, len(claims) + 1):
        start = starts[s] + s.index(t)
        figures.append(Figure.build(id=f"f{k}", kind="duration", text=t, start=start, end=start + len(t),
                                    sentence_start=starts[s], sentence_end=starts[s] + len(s), value=v, unit=unit))
    return Document.build(doc_id=doc_id, path=None, date=None, publisher=None, title=None, url=None,
                          text_sha256="0" * 64, length=len(text), figures=tuple(sorted(figures, key=lambda f: f.start)),
                          quotes=(), claims=tuple(built), suppressions=(), pages=())


def found(*docs: Document, cfg: Config | None = None) -> list[tuple[str, str, list[str]]]:
    """(rule, severity, ['doc:claim', ...]) of every finding; a rule that crashed fails the test (the checker
    keeps going after an internal error, which would otherwise read as 'nothing found')."""
    report = check(list(docs), cfg)
    assert report.errors == ()
    return [(f.rule, f.severity, [f"{r.doc_id}:{r.claim}" for r in f.claims]) for f in report.findings]


def money(sentence: str, figure: str, value: float, measure: str | None, **kw: Any) -> C:
    return C(sentence, figure, value, measure, kind="money", unit=kw.pop("unit", "GBP"), **kw)


def pct(sentence: str, figure: str, value: float, measure: str | None, **kw: Any) -> C:
    return C(sentence, figure, value, measure, kind="percent", unit=kw.pop("unit", "%"), **kw)


# --------------------------------------------------------------------------------------- two documents
CROSS = [
    # --- time conflicts: the same figure for the same one-off thing at incompatible times
    pytest.param(
        C("CCN research found there could be close to 100,000 children in care by the end of 2025.", "100,000",
          100000, "children in care", time=("by", 2025), approx=True),
        C("Projections show that by 2032 there will be approaching 100,000 children in care.", "100,000", 100000,
          "children in care", time=("by", 2032), approx=True),
        [("time-conflict", "warning")], id="same-projection-two-horizons"),
    pytest.param(
        C("In 2023 there were 32,952 children and family social workers in post.", "32,952", 32952,
          "children and family social workers in post", time=("at", 2023)),
        C("The workforce must grow from 32,952 now to 45,989 by 2034.", "32,952", 32952,
          "children and family social workers in post", time=("from", 2024), as_written="now", link="c9",
          link_role="from"),
        [("time-conflict", "warning")], id="a-2023-count-called-now-in-2024"),
    pytest.param(
        money("From October 2023 the cap on care costs will be £86,000.", "£86,000", 86000,
              "lifetime cap on care costs", time=("from", 2023)),
        money("The £86,000 cap was due to take effect in October next year.", "£86,000", 86000,
              "lifetime cap on care costs", time=("from", 2025)),
        [("time-conflict", "warning")], id="a-start-that-slipped"),
    pytest.param(
        C("The care cap will start in October 2023.", "October 2023", "2023-10", "start date of the care cap",
          kind="date"),
        C("The start of the care cap was delayed until October 2025.", "October 2025", "2025-10",
          "start date of the care cap", kind="date"),
        [("time-conflict", "warning")], id="start-dates-as-values"),
    # the thing a date starts or ends is read from the sentence, whatever measure the claim was given
    pytest.param(
        C("The accountancy trick known as the statutory override is set to finish in March 2026.", "March 2026",
          "2026-03", "set", kind="date"),
        C("The statutory override, which had been due to expire next March, will now run until the end of "
          "2027-28.", "2027-28", "2027/28", None, kind="year"),
        [("time-conflict", "warning")], id="an-end-date-extended"),
    pytest.param(
        C("Ministers confirmed the care cap will come into force in October 2023.", "October 2023", "2023-10",
          None, kind="date"),
        C("The chancellor said that putting back the care cap until 2025 would save money.", "2025", 2025,
          "putting back", kind="year"),
        [("time-conflict", "warning")], id="a-start-date-put-back"),
    pytest.param(
        C("The reforms will start in October 2023.", "October 2023", "2023-10", "start date of the reforms",
          kind="date"),
        C("The start of the reforms was delayed until October 2025.", "October 2025", "2025-10",
          "start date of the reforms", kind="date"),
        [("time-conflict", "note")], id="start-dates-of-a-bare-noun-are-a-note"),
    pytest.param(
        C("The statutory override ends in March 2026.", "March 2026", "2026-03", "statutory override end date",
          kind="date"),
        C("The statutory override will stay until the end of 2027-28.", "2027-28", "2027/28",
          "statutory override end date", kind="year"),
        [("time-conflict", "warning")], id="deadline-moved-to-a-financial-year"),
    # --- value conflicts: the same time, values further apart than their written precision allows
    pytest.param(
        C("There were 82,170 children in care in England in 2022.", "82,170", 82170, "children in care"),
        C("In 2022 there were 70,000 children in care in England.", "70,000", 70000, "children in care"),
        [("value-conflict", "error")], id="two-counts-for-one-year"),
    pytest.param(
        C("Social Care Today reported 7,600 vacancies in 2022.", "7,600", 7600, "social worker vacancies"),
        C("There were 7,913 social worker vacancies in September 2022.", "7,913", 7913, "social worker vacancies"),
        [("value-conflict", "error")], id="7,600-is-to-the-hundred"),
    pytest.param(
        money("The NAO estimated the deficit at £4.6bn by March 2026.", "£4.6bn", 4.6e9, "high needs deficit",
              time=("by", 2026)),
        money("The deficit will reach £4.9bn by 2026.", "£4.9bn", 4.9e9, "high needs deficit", time=("by", 2026)),
        [("value-conflict", "error")], id="4.6bn-against-4.9bn"),
    pytest.param(
        money("Councils will spend more than £15bn on children's services by 2032.", "£15bn", 15e9,
              "spending on children's services", time=("by", 2032), bound="min"),
        money("Councils will spend £12bn on children's services by 2032.", "£12bn", 12e9,
              "spending on children's services", time=("by", 2032)),
        [("value-conflict", "error")], id="below-a-lower-bound"),
    pytest.param(
        pct("In 2022, 20% of councils had no permanent director.", "20%", 20, "share of councils without a director"),
        pct("In 2022, 28% of councils had no permanent director.", "28%", 28, "share of councils without a director"),
        [("value-conflict", "error")], id="percentages-8-points-apart"),
    pytest.param(
        C("Around 80,000 children were in care in England in 2022.", "80,000", 80000, "children in care",
          approx=True),
        C("In 2022, 95,000 children were in care in England.", "95,000", 95000, "children in care"),
        [("value-conflict", "error")], id="beyond-a-hedge"),
    pytest.param(
        C("In 2022, 80,000 children were in care in England.", "80,000", 80000, "children in care"),
        C("In 2022, 89,000 children were in care in England.", "89,000", 89000, "children in care"),
        [("value-conflict", "error")], id="no-hedge-no-widening"),
    pytest.param(
        C("The government said nearly half a million children would be lifted out of poverty.", "half a million",
          500000, "children lifted out of poverty", time=("by", None), approx=True),
        C("The IFS said some 630,000 children would be lifted out of poverty.", "630,000", 630000,
          "children lifted out of poverty", time=("by", None), approx=True),
        [("value-conflict", "error")], id="nearly-leaves-only-the-lower-side-open"),
    pytest.param(
        money("The pledge is £2.6m for the reform programme by 2027.", "£2.6m", 2.6e6, "reform programme funding",
              time=("by", 2027)),
        money("The pledge is £2.6bn for the reform programme by 2027.", "£2.6bn", 2.6e9, "reform programme funding",
              time=("by", 2027)),
        [("unit-scale", "warning")], id="million-against-billion"),
    pytest.param(
        money("The pledge is £2.6 for the reform programme by 2027.", "£2.6", 2.6, "reform programme funding",
              time=("by", 2027)),
        money("The pledge is £2.6bn for the reform programme by 2027.", "£2.6bn", 2.6e9, "reform programme funding",
              time=("by", 2027)),
        [("unit-scale", "warning")], id="a-lost-billion"),
    # --- how sure the measure is: error only when sure
    pytest.param(
        money("The high needs deficit will be £4.6bn in 2026.", "£4.6bn", 4.6e9, "high needs deficit",
              time=("at", 2026)),
        money("The national high needs deficit will be £6bn in 2026.", "£6bn", 6e9, "national high needs deficit",
              time=("at", 2026)),
        [("value-conflict", "warning")], id="one-naming-inside-the-other-is-likely"),
    pytest.param(
        money("The deficit will be £4.6bn in 2026.", "£4.6bn", 4.6e9, "deficit", time=("at", 2026)),
        money("The high needs deficit will be £6bn in 2026.", "£6bn", 6e9, "high needs deficit",
              time=("at", 2026)),
        [("value-conflict", "note")], id="a-bare-head-is-possible"),
]

CROSS_QUIET = [
    # dates of different things, or of the start and the end of one thing, or with no thing named
    pytest.param(
        C("The statutory override is set to finish in March 2026.", "March 2026", "2026-03", "override", kind="date"),
        C("The statutory override was introduced in 2020.", "2020", 2020, "override", kind="year"),
        id="start-and-end-of-one-thing"),
    pytest.param(
        C("The care cap will come into force in October 2023.", "October 2023", "2023-10", "cap", kind="date"),
        C("The benefit cap will come into force in April 2025.", "April 2025", "2025-04", "cap", kind="date"),
        id="two-different-caps"),
    pytest.param(
        C("The reforms were originally meant to take effect in October 2023.", "October 2023", "2023-10",
          "reforms", kind="date"),
        C("They would be pushed back by two years, to October 2025.", "October 2025", "2025-10", "reforms",
          kind="date"),
        id="a-pronoun-names-no-thing"),
    pytest.param(
        C("Contributions will go up by 1.25% from April 2022.", "April 2022", "2022-04", None, kind="date"),
        C("Contributions will go up from April 2023.", "April 2023", "2023-04", None, kind="date"),
        id="a-rise-from-a-date-is-no-start"),
    pytest.param(
        money("The government will spend £150m for roads in 2024-25.", "£150m", 150e6, "spending on roads",
              time=("at", "2024/25")),
        money("The NHS budget for mental health is £2bn in 2024-25.", "£2bn", 2e9, "mental health budget",
              time=("at", "2024/25")), id="unrelated-budgets"),
    pytest.param(
        money("The government will spend £90m on roads in 2025-26.", "£90m", 90e6, "spending on roads",
              time=("at", "2025/26")),
        money("There will be £1.5 billion in 2025-26 for dentistry.", "£1.5 billion", 1.5e9, "dentistry funding",
              time=("at", "2025/26")), id="unrelated-budgets-same-year"),
    pytest.param(
        C("There were 12,000 social workers in 2022.", "12,000", 12000, "social workers in post"),
        C("There were 12,000 foster carers in 2022.", "12,000", 12000, "foster carers"),
        id="same-number-different-measures"),
    pytest.param(
        C("Around 80,000 children were in care in England in 2022.", "80,000", 80000, "children in care",
          approx=True),
        C("In 2022, 89,000 children were in care in England.", "89,000", 89000, "children in care"),
        id="within-a-hedge"),
    pytest.param(
        C("The government said nearly half a million children would be lifted out of poverty.", "half a million",
          500000, "children lifted out of poverty", time=("by", None), approx=True),
        C("IPPR said 450,000 children would be lifted out of poverty.", "450,000", 450000,
          "children lifted out of poverty", time=("by", None)), id="nearly-admits-below"),
    pytest.param(
        money("The deficit could reach £6bn by March 2026.", "£6bn", 6e9, "high needs deficit", time=("by", 2026)),
        money("The deficit will be £5.9bn in 2025-26.", "£5.9bn", 5.9e9, "high needs deficit",
              time=("at", "2025/26")), id="6bn-is-5.5-to-6.5bn"),
    pytest.param(
        money("The deficit will be up to £4.9bn by 2026.", "£4.9bn", 4.9e9, "high needs deficit", time=("by", 2026),
              bound="max"),
        money("The deficit will be £4.6bn by 2026.", "£4.6bn", 4.6e9, "high needs deficit", time=("by", 2026)),
        id="up-to-admits-less"),
    pytest.param(
        C("4.5 million children were in poverty in 2023-24.", "4.5 million", 4.5e6, "children in poverty",
          time=("at", "2023/24")),
        C("The number of children in poverty was 4.45 million in 2023-24.", "4.45 million", 4.45e6,
          "children in poverty", time=("at", "2023/24")), id="4.5-million-is-4.45-to-4.55"),
    pytest.param(
        pct("Margins averaged 23% in 2021.", "23%", 23, "operating profit margin", time=("at", 2021)),
        pct("The CMA put margins at 22.6% in 2021.", "22.6%", 22.6, "operating profit margin", time=("at", 2021)),
        id="23%-is-22.5-to-23.5"),
    pytest.param(
        pct("Four in 10 councils face bankruptcy by 2026.", "Four in 10", 40, "share of councils facing bankruptcy",
            time=("by", 2026)),
        pct("Some 43% of councils face bankruptcy by 2026.", "43%", 43, "share of councils facing bankruptcy",
            time=("by", 2026)), id="four-in-10-admits-43%"),
    pytest.param(
        C("Vacancies stood at 6,520 in 2021.", "6,520", 6520, "social worker vacancies", time=("at", 2021)),
        C("There were 6,522 social worker vacancies in 2021.", "6,522", 6522, "social worker vacancies",
          time=("at", 2021)), id="6,520-is-to-the-ten"),
    pytest.param(
        money("Councils will spend more than £15bn on children's services by 2032.", "£15bn", 15e9,
              "spending on children's services", time=("by", 2032), bound="min"),
        money("Councils will spend £16bn on children's services by 2032.", "£16bn", 16e9,
              "spending on children's services", time=("by", 2032)), id="within-a-lower-bound"),
    pytest.param(
        money("The review recommends £2.6bn for the reforms by 2027.", "£2.6bn", 2.6e9, "reform funding",
              time=("by", 2027)),
        money("The review recommends £2,600m for the reforms by 2027.", "£2,600m", 2.6e9, "reform funding",
              time=("by", 2027)), id="scale-normalised"),
    pytest.param(
        C("There were 80,000 children in care in 2022.", "80,000", 80000, "children in care"),
        C("There will be 100,000 children in care by 2032.", "100,000", 100000, "children in care",
          time=("by", 2032)), id="a-time-series"),
    pytest.param(
        money("The government will invest £2.6bn in the reforms by the end of 2026/27.", "£2.6bn", 2.6e9,
              "reform investment", time=("by", "2026/27")),
        money("The government will invest £2.6bn in the reforms by 2027.", "£2.6bn", 2.6e9, "reform investment",
              time=("by", 2027)), id="a-financial-year-and-the-year-it-ends"),
    pytest.param(
        C("About 100,000 children are in care.", "100,000", 100000, "children in care", time=("at", None),
          approx=True),
        C("About 100,000 children will be in care by 2032.", "100,000", 100000, "children in care",
          time=("by", 2032), approx=True), id="no-time-stated"),
    pytest.param(
        money("The upper capital limit will rise to £100,000 in 2023.", "£100,000", 100000, "upper capital limit"),
        money("The lower capital limit will rise to £20,000 in 2023.", "£20,000", 20000, "lower capital limit"),
        id="upper-and-lower-are-different-measures"),
    pytest.param(
        C("There were 83,840 looked after children in England in 2023.", "83,840", 83840,
          "looked after children in England", time=("at", 2023)),
        C("Some 38,500 looked after children were placed privately in 2023.", "38,500", 38500,
          "looked after children in private placements", time=("at", 2023), approx=True),
        id="a-sub-group-is-another-measure"),
    pytest.param(
        money("The capital limit is currently £23,250.", "£23,250", 23250, "upper capital limit",
              time=("at", 2024), as_written="currently"),
        money("The upper capital limit was £23,250 in 2021.", "£23,250", 23250, "upper capital limit",
              time=("at", 2021)), id="a-limit-that-stayed-put"),
    pytest.param(
        C("5,400 social workers left in 2022.", "5,400", 5400, "social workers leaving", time=("at", 2022)),
        C("5,254 social workers left in 2022-23.", "5,254", 5254, "social workers leaving",
          time=("at", "2022/23")), id="a-financial-year-and-the-year-it-starts"),
    pytest.param(
        money("The deficit will be £4.6bn in 2026.", "£4.6bn", 4.6e9, "deficit", time=("at", 2026)),
        money("The high needs deficit will be £46bn in 2026.", "£46bn", 46e9, "high needs deficit",
              time=("at", 2026)), id="a-bare-head-ten-times-off-is-something-else"),
    pytest.param(
        C("The figure of 100,000 children counts no measure.", "100,000", 100000, None),
        C("The figure of 50,000 children counts no measure.", "50,000", 50000, None), id="no-measure"),
    pytest.param(
        C("There were 100,000 children.", "100,000", 100000, "children", unit="children"),
        C("There were 50,000 children.", "50,000", 50000, "children", unit="children"), id="a-unit-is-no-measure"),
]


@pytest.mark.parametrize(("a", "b", "expected"), CROSS)
def test_two_documents_disagree(a: C, b: C, expected: list[tuple[str, str]]) -> None:
    got = found(doc("a", a), doc("b", b))
    assert [(rule, severity) for rule, severity, _ in got] == expected
    assert all(sorted(claims) == ["a:c1", "b:c1"] for _, _, claims in got)


@pytest.mark.parametrize(("a", "b"), CROSS_QUIET)
def test_two_documents_that_must_give_nothing(a: C, b: C) -> None:
    assert found(doc("a", a), doc("b", b)) == []


# ------------------------------------------------------------------------------- one finding per disagreement
def test_three_projections_are_one_finding_with_the_variants_grouped() -> None:
    def projection(year: int, where: str) -> C:
        return C(f"{where} there could be close to 100,000 children in care by {year}.", "100,000", 100000,
                 "children in care", time=("by", year), approx=True)

    docs = [doc("a", projection(2025, "CCN says")), doc("b", projection(2030, "The LGA says")),
            doc("c", projection(2032, "The review says")), doc("d", projection(2032, "The charities say")),
            doc("e", projection(2025, "A council says"))]
    (finding,) = check(docs).findings
    assert finding.rule == "time-conflict" and finding.severity == "warning"
    assert [r.doc_id for r in finding.claims] == ["a", "e", "b", "c", "d"]
    assert "3 different times: by 2025 in a:1:" in finding.message
    assert "by 2030 in b:1:" in finding.message and "by 2032 in c:1:" in finding.message
    assert "Same measure: the same measure 'children in care'" in finding.message


def test_many_values_for_one_time_are_one_finding_citing_every_value() -> None:
    docs = [
        doc("nao", money("The deficit will be £4.6bn by March 2026.", "£4.6bn", 4.6e9, "high needs deficit",
                         time=("by", 2026))),
        doc("sw", money("The deficit will be £4.9bn by 2026.", "£4.9bn", 4.9e9, "high needs deficit",
                        time=("by", 2026))),
        doc("ccn", money("The deficit will be £5.9bn in 2025-26.", "£5.9bn", 5.9e9, "high needs deficit",
                         time=("at", "2025/26"))),
        doc("lg", money("The deficit will be £5bn in 2025-26.", "£5bn", 5e9, "high needs deficit",
                        time=("at", "2025/26"))),
    ]
    (finding,) = check(docs).findings
    assert finding.rule == "value-conflict"
    assert sorted(r.doc_id for r in finding.claims) == ["ccn", "lg", "nao", "sw"]
    assert "4 different values" in finding.message
    for text in ("£4.6bn in nao:1:", "£4.9bn in sw:1:", "£5.9bn in ccn:1:", "£5bn in lg:1:"):
        assert text in finding.message


def test_a_crowd_is_cited_up_to_a_limit_per_variant() -> None:
    docs = [doc(f"d{k:02d}", C(f"Report {k}: close to 100,000 children in care by {2025 + k % 2 * 7}.", "100,000",
                              100000, "children in care", time=("by", 2025 + k % 2 * 7), approx=True))
            for k in range(30)]
    (finding,) = check(docs).findings
    assert len(finding.claims) == 2 * MAX_CITED_PER_VARIANT
    assert f"and {15 - MAX_CITED_PER_VARIANT} more" in finding.message


# ----------------------------------------------------------------------------------------- one document
def test_one_document_giving_one_sum_two_ways_is_inconsistent() -> None:
    text_a = "What is happening to the £5.3bn over three years announced previously is not clear."
    text_b = "We will not know what happens to the £5.4bn announced last year over three years."
    d = doc("ncf", money(text_a, "£5.3bn", 5.3e9, "social care reform funding", time=("over", 2025)),
            money(text_b, "£5.4bn", 5.4e9, "social care reform funding", time=("over", 2025)))
    assert found(d) == [("value-conflict", "error", ["ncf:c1", "ncf:c2"])]


def test_the_same_touching_values_in_two_documents_are_no_conflict() -> None:
    a = doc("a", money("Social care reform gets £5.3bn over three years.", "£5.3bn", 5.3e9,
                       "social care reform funding", time=("over", 2025)))
    b = doc("b", money("Social care reform gets £5.4bn over three years.", "£5.4bn", 5.4e9,
                       "social care reform funding", time=("over", 2025)))
    assert found(a, b) == []


def test_a_list_under_one_wording_is_no_conflict() -> None:
    s = "Scotland gets £1.1bn, Wales £700m and Northern Ireland £400m of levy funding."
    d = doc("pa", money(s, "£1.1bn", 1.1e9, "levy funding"), money(s, "£700m", 700e6, "levy funding"),
            money(s, "£400m", 400e6, "levy funding"))
    assert found(d) == []


def test_a_document_stating_both_values_tells_them_apart() -> None:
    s = "Spending rose 11% on the year before, a 105% increase overall."

    def both(doc_id: str) -> Document:
        return doc(doc_id, pct(s, "11%", 11, "increase in spending", time=("over", 2022), aspect="change"),
                   pct(s, "105%", 105, "increase in spending", time=("over", 2022), aspect="change"))

    assert found(both("lga"), both("sct")) == []


# ------------------------------------------------------------------------------------------- arithmetic
S_RISE = "Spending rose by 50% from £6.1bn to £8.2bn."
S_RISE_OK = "Spending rose by 34% from £6.1bn to £8.2bn."
S_FALL = "Spending on youth services fell by 20% from £1.2bn to £0.6bn."
S_FALL_OK = "Spending on youth services fell by 50% from £1.2bn to £0.6bn."
S_SHARE = "The share of children in poverty rose from 17% to 19%."
S_POINTS = "The vacancy rate rose by 5 percentage points from 15.1% to 18.2%."


def change_doc(sentence: str, change: tuple[str, float] | None, frm: tuple[str, float], to: tuple[str, float],
               kind: str = "money", change_unit: str = "%", direction: str = "up") -> Document:
    unit = "GBP" if kind == "money" else "%"
    claims = [C(sentence, frm[0], frm[1], "spending", kind=kind, unit=unit, time=("from", 2012), link="c2",
                link_role="from"),
              C(sentence, to[0], to[1], "spending", kind=kind, unit=unit, time=("to", 2022), link="c1",
                link_role="to")]
    if change is not None:
        claims.append(C(sentence, change[0], change[1], "spending", kind="percent", unit=change_unit,
                        time=("over", 2022), aspect="change", direction=direction, ends=("c1", "c2")))
    return doc("a", *claims)


ARITHMETIC = [
    pytest.param(change_doc(S_RISE, ("50%", 50), ("£6.1bn", 6.1e9), ("£8.2bn", 8.2e9)), ["arithmetic"],
                 id="a-stated-rise-that-is-wrong"),
    pytest.param(change_doc(S_RISE_OK, ("34%", 34), ("£6.1bn", 6.1e9), ("£8.2bn", 8.2e9)), [],
                 id="a-stated-rise-that-is-right"),
    pytest.param(change_doc(S_FALL, ("20%", 20), ("£1.2bn", 1.2e9), ("£0.6bn", 0.6e9), direction="down"),
                 ["arithmetic"], id="a-stated-fall-that-is-wrong"),
    pytest.param(change_doc(S_FALL_OK, ("50%", 50), ("£1.2bn", 1.2e9), ("£0.6bn", 0.6e9), direction="down"), [],
                 id="a-stated-fall-that-is-right"),
    pytest.param(change_doc(S_SHARE, None, ("17%", 17), ("19%", 19), kind="percent"), [],
                 id="two-levels-are-no-change"),
    pytest.param(change_doc(S_POINTS, ("5 percentage points", 5), ("15.1%", 15.1), ("18.2%", 18.2),
                            kind="percent", change_unit="percentage points"), ["arithmetic"],
                 id="points-between-percentages"),
]


def two_changes_doc(overall: tuple[str, float]) -> Document:
    """The year-on-year change is (wrongly) given the ends of the overall one, as an extractor may."""
    s_two = (f"Councils spent £1.5bn in 2022, 11% more than the year before, against £736.6m in 2016: "
             f"a {overall[0]} rise.")
    return doc("a", C(s_two, "£736.6m", 736.6e6, "spending", unit="GBP", time=("from", 2016), link="c2",
                      link_role="from"),
               C(s_two, "£1.5bn", 1.5e9, "spending", unit="GBP", time=("to", 2022), link="c1", link_role="to"),
               C(s_two, "11%", 11, "spending", kind="percent", unit="%", time=("over", 2022), aspect="change",
                 direction="up", ends=("c1", "c2")),
               C(s_two, overall[0], overall[1], "spending", kind="percent", unit="%", time=("over", 2022),
                 aspect="change", direction="up"))


def test_a_change_another_stated_change_accounts_for_is_no_error() -> None:
    assert found(two_changes_doc(("105%", 105))) == []
    # when no change of the sentence matches the ends, the one given them is wrong
    assert [rule for rule, _, _ in found(two_changes_doc(("150%", 150)))] == ["arithmetic"]


@pytest.mark.parametrize(("document", "expected"), ARITHMETIC)
def test_stated_changes(document: Document, expected: list[str]) -> None:
    assert [rule for rule, _, _ in found(document)] == expected


PARTS = [
    pytest.param("The fund totals £10.0m: £4.5m for schools, £3.5m for councils and £3.0m for charities.",
                 ["£10.0m", "£4.5m", "£3.5m", "£3.0m"], ["arithmetic"], id="parts-over-the-total"),
    pytest.param("The fund totals £9m: £4m for schools, £3m for councils and £2m for charities.",
                 ["£9m", "£4m", "£3m", "£2m"], [], id="parts-make-the-total"),
    pytest.param("The £10bn total is made up of £6bn, £3bn and £2bn.", ["£10bn", "£6bn", "£3bn", "£2bn"], [],
                 id="parts-within-their-rounding"),
    pytest.param("The £10bn total is made up of £6bn, £3bn and £4bn.", ["£10bn", "£6bn", "£3bn", "£4bn"],
                 ["arithmetic"], id="parts-beyond-their-rounding"),
    pytest.param("The £10bn package is made up of £6bn for hospitals, £3bn for GPs and £4bn for dentistry.",
                 ["£10bn", "£6bn", "£3bn", "£4bn"], ["arithmetic"], id="cue-after-the-noun-of-the-total"),
    pytest.param("The £10bn package, of which £6bn is for hospitals, £3bn for GPs and £4bn for dentistry.",
                 ["£10bn", "£6bn", "£3bn", "£4bn"], ["arithmetic"], id="cue-after-the-comma"),
    pytest.param("The £3bn budget, of which £1bn is for roads and £0.5bn for rail, was agreed.",
                 ["£3bn", "£1bn", "£0.5bn"], [], id="a-partial-list-adds-up-to-less"),
    pytest.param("The £3bn budget, of which £2.5bn is for roads and £1.5bn for rail, was agreed.",
                 ["£3bn", "£2.5bn", "£1.5bn"], ["arithmetic"], id="a-partial-list-never-adds-up-to-more"),
    pytest.param("The £10bn package was agreed after £6bn for hospitals, £3bn for GPs and £4bn for dentistry.",
                 ["£10bn", "£6bn", "£3bn", "£4bn"], [], id="no-cue-after-the-noun"),
    pytest.param("Councils spent £6bn on care and £3bn on schools, and £2bn more than last year.",
                 ["£6bn", "£3bn", "£2bn"], [], id="no-stated-total"),
]


@pytest.mark.parametrize(("sentence", "figures", "expected"), PARTS)
def test_parts_against_a_stated_total(sentence: str, figures: list[str], expected: list[str]) -> None:
    scale = {"m": 1e6, "bn": 1e9}
    claims = [money(sentence, f, float(f[1:].rstrip("mbn")) * scale["bn" if f.endswith("bn") else "m"], "funding",
                    occurrence=figures[:k].count(f) + 1) for k, f in enumerate(figures)]
    assert [rule for rule, _, _ in found(doc("a", *claims))] == expected


RATES = [
    pytest.param("The council will spend £45m a year over three years, a total of £180m.", "£45m", 45e6, "£180m",
                 180e6, ("three years", 3.0, "years"), ["arithmetic"], id="45m-a-year-for-3-years-is-not-180m"),
    pytest.param("The council will spend £45m a year over three years, a total of £135m.", "£45m", 45e6, "£135m",
                 135e6, ("three years", 3.0, "years"), [], id="45m-a-year-for-3-years-is-135m"),
    pytest.param("The scheme costs £1bn a year and will cost £20bn over the next two decades.", "£1bn", 1e9,
                 "£20bn", 20e9, ("two decades", 2.0, "decades"), [], id="two-decades-are-20-years"),
    pytest.param("The scheme costs £1bn a year and will cost £20bn over the next two decades.", "£1bn", 1e9,
                 "£20bn", 20e9, ("two decades", 20.0, "years"), [], id="two-decades-as-20-years"),
    pytest.param("The scheme costs £1bn a year and will cost £30bn over the next ten years.", "£1bn", 1e9,
                 "£30bn", 30e9, ("ten years", 10.0, "years"), ["arithmetic"], id="1bn-a-year-for-10-years-is-not-30bn"),
    # a rate stated now need not have held over a period that has passed; a rate per member is no group's
    pytest.param("The scheme costs £45m a year and has cost £180m over the past three years.", "£45m", 45e6,
                 "£180m", 180e6, ("three years", 3.0, "years"), [], id="a-past-period-at-another-rate"),
    pytest.param("The scheme costs £45m a year and will cost £180m over the next three years.", "£45m", 45e6,
                 "£180m", 180e6, ("three years", 3.0, "years"), ["arithmetic"], id="the-next-period-at-this-rate"),
    pytest.param("Each council gets £2m a year for three years; the scheme costs £240m in total.", "£2m", 2e6,
                 "£240m", 240e6, ("three years", 3.0, "years"), [], id="a-rate-per-member"),
]


def test_a_rate_restated_after_equivalent_to_is_checked_against_its_total() -> None:
    import datetime as dt

    import caresocial

    d = caresocial.extract("Councils will spend £90bn over the six years to 2031, equivalent to £18bn a year.",
                           doc_id="a", date=dt.date(2025, 3, 1))
    found = [f for f in caresocial.check([d]).findings if f.rule == "arithmetic"]
    assert [f.message for f in found] == ["councils spending: £18bn a year over 6 years is GBP 108,000,000,000, but "
                                          "the stated total is £90bn (a:1:21)."]


@pytest.mark.parametrize(("sentence", "rate_text", "rate", "total_text", "total", "period", "expected"), RATES)
def test_a_rate_times_its_period_against_a_total(sentence: str, rate_text: str, rate: float, total_text: str,
                                                 total: float, period: tuple[str, float, str],
                                                 expected: list[str]) -> None:
    d = doc("a", money(sentence, rate_text, rate, "annual cost", rate="year", unit="GBP per year",
                       time=("per", None)),
            money(sentence, total_text, total, "cost", time=("over", 2030)),
            extra_figures=((sentence, *period),))
    assert [rule for rule, _, _ in found(d)] == expected


# ------------------------------------------------------------------------------- configuration and reports
CARE_A = C("There were 82,170 children in care in England in 2022.", "82,170", 82170, "children in care")
CARE_B = C("In 2022 there were 70,000 children in care in England.", "70,000", 70000, "children in care")


def test_configured_aliases_join_measures() -> None:
    a = doc("a", C("There were 12,000 foster parents in 2022.", "12,000", 12000, "foster parents"))
    b = doc("b", C("There were 9,000 foster carers in 2022.", "9,000", 9000, "foster carers"))
    assert found(a, b) == []
    cfg = parse({"aliases": {"foster carers": ["foster parents"]}})
    assert found(a, b, cfg=cfg) == [("value-conflict", "error", ["a:c1", "b:c1"])]


@pytest.mark.skipif("measure_synonyms" not in caresocial.lexicons.Lexicons.default().names(),
                    reason="the measure_synonyms lexicon ships with the claims stage (data/measure_synonyms.txt)")
def test_measure_synonyms_from_configuration_join_measures() -> None:
    a = doc("a", C("There were 14,120 kinship carers in 2022.", "14,120", 14120, "kinship carers"))
    b = doc("b", C("There were 11,000 family and friends carers in 2022.", "11,000", 11000,
                   "family and friends carers"))
    assert found(a, b) == []
    cfg = Config(lexicons={"measure_synonyms": ["kinship carers | family and friends carers"]})
    assert [(r, s) for r, s, _ in found(a, b, cfg=cfg)] == [("value-conflict", "error")]


def test_hedge_width_comes_from_configuration() -> None:
    a = doc("a", C("Around 80,000 children were in care in 2022.", "80,000", 80000, "children in care",
                   approx=True))
    b = doc("b", C("In 2022, 95,000 children were in care.", "95,000", 95000, "children in care"))
    assert found(a, b) != []
    assert found(a, b, cfg=parse({"tolerance": {"approx": 0.2}})) == []


def test_disable_and_severity_override() -> None:
    a, b = doc("a", CARE_A), doc("b", CARE_B)
    assert found(a, b, cfg=parse({"disable": ["value-conflict"]})) == []
    assert found(a, b, cfg=parse({"severity": {"value-conflict": "note"}})) == [
        ("value-conflict", "note", ["a:c1", "b:c1"])]


def test_a_severity_is_never_raised_by_sureness() -> None:
    a = doc("a", money("The deficit will be £4.6bn in 2026.", "£4.6bn", 4.6e9, "deficit", time=("at", 2026)))
    b = doc("b", money("The high needs deficit will be £6bn in 2026.", "£6bn", 6e9, "high needs deficit",
                       time=("at", 2026)))
    assert [s for _, s, _ in found(a, b, cfg=parse({"severity": {"value-conflict": "warning"}}))] == ["note"]


def test_inline_comment_suppresses_a_finding() -> None:
    a = caresocial.extract("<!-- caresocial: ignore value-conflict -->\nThere were 82,170 children in care.",
                           doc_id="a")
    b, c = doc("b", CARE_B), doc("c", CARE_A)
    suppressed = c.updated(suppressions=a.suppressions)
    report = check([suppressed, b])
    assert report.findings == () and report.suppressed == 1
    other = c.updated(suppressions=tuple(s.updated(rules=("time-conflict",)) for s in a.suppressions))
    assert [f.rule for f in check([other, b]).findings] == ["value-conflict"]


def test_fingerprints_survive_unrelated_edits_and_the_baseline_accepts_them() -> None:
    a, b = doc("a", CARE_A), doc("b", CARE_B)
    moved = doc("a", C("A new first paragraph about something else entirely.", "first", 1, None), CARE_A)
    (f1,) = check([a, b]).findings
    (f2,) = check([moved, b]).findings
    assert f1.fingerprint == f2.fingerprint and f1.claims[0].line != f2.claims[0].line
    report = check([moved, b], baseline={f1.fingerprint})
    assert report.findings == () and report.baselined == 1


def test_agreements_are_listed_only_when_asked_and_under_their_own_label() -> None:
    a = doc("a", C("There were 80,000 children in care in 2022.", "80,000", 80000, "children in care"))
    b = doc("b", C("In 2022 there were 80,000 children in care.", "80,000", 80000, "children in care"))
    c = doc("c", C("In 2021 there were 78,000 children in care.", "78,000", 78000, "children in care",
                   time=("at", 2021)))
    assert check([a, b, c]).agreements == ()
    report = check([a, b, c], show_agreements=True)
    assert report.findings == ()
    (agreement,) = report.agreements
    assert (agreement.rule, agreement.severity, agreement.agreement) == ("agreement", "info", True)
    assert [r.doc_id for r in agreement.claims] == ["a", "b"]
    text = render(report, "text")
    assert "a:1:12: agreement children in care: 2 claims agree for the same time (at 2022)" in text
    assert "info value-conflict" not in text


def test_the_report_is_byte_identical_for_the_same_input() -> None:
    docs = [doc("a", CARE_A), doc("b", CARE_B), doc("c", C("There were 75,000 children in care in 2022.", "75,000",
                                                          75000, "children in care"))]
    first = check(docs).model_dump_json()
    assert first == check([d.model_copy() for d in docs]).model_dump_json()
    assert json.loads(first)["findings"][0]["message"].startswith("children in care: 3 different values for the same "
                                                                  "time (at 2022)")


def test_the_text_output_shows_each_sentence_once() -> None:
    s = "Councils gave the deficit as £4.6bn and as £4.9bn for March 2026."
    a = doc("a", money(s, "£4.6bn", 4.6e9, "high needs deficit", time=("by", 2026)),
            money(s, "£4.9bn", 4.9e9, "high needs deficit", time=("by", 2026)))
    b = doc("b", money("The deficit will be £6bn by 2026.", "£6bn", 6e9, "high needs deficit", time=("by", 2026)))
    text = render(check([a, b]), "text")
    assert text.count(s) == 1 and text.count("The deficit will be £6bn by 2026.") == 1


# ------------------------------------------------------------------------------- a rule added at run time
@pytest.fixture
def round_number_rule() -> Iterator[Rule]:
    def round_numbers(run: Any, group: Any) -> None:
        rounded = [i for i in group.items if i.center % 10_000 == 0]
        if len(rounded) > 1:
            run.report("round-number", group.label, rounded, f"{group.label}: {len(rounded)} round figures")

    rule = register(Rule(id="round-number", severity="note", name="RoundNumber",
                         summary="Several round figures for one measure.", description="Round figures.",
                         help="Check whether the figures were rounded.", scope="measure", function=round_numbers))
    yield rule
    unregister("round-number")


def test_a_rule_registered_at_run_time_is_configured_run_and_rendered(round_number_rule: Rule) -> None:
    from caresocial.config import DEFAULT_SEVERITY, RULE_IDS

    assert "round-number" in RULE_IDS and DEFAULT_SEVERITY["round-number"] == "note"
    cfg = parse({"severity": {"round-number": "warning"}})
    a = doc("a", C("There were 80,000 children in care in 2022.", "80,000", 80000, "children in care"))
    b = doc("b", C("In 2022 there were 80,000 children in care.", "80,000", 80000, "children in care"))
    assert found(a, b, cfg=cfg) == [("round-number", "warning", ["a:c1", "b:c1"])]
    report = check([a, b], cfg)
    assert "a:1:12: warning round-number children in care: 2 round figures" in render(report, "text")
    sarif = json.loads(render(report, "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    assert {"id": "round-number", "help": "Check whether the figures were rounded."}.items() <= {
        "id": sarif[-1]["id"], "help": sarif[-1]["help"]["text"]}.items()
    assert RULES["round-number"]["short_description"] == "Several round figures for one measure."
    assert found(a, b, cfg=parse({"disable": ["round-number"]})) == []


def test_an_unknown_rule_in_configuration_names_the_registered_ones() -> None:
    from caresocial.errors import ConfigError

    with pytest.raises(ConfigError, match=r"unknown rule id 'round-numbers' \(rules: time-conflict, value-conflict, "
                                          r"arithmetic, unit-scale, announced-sum\)"):
        parse({"disable": ["round-numbers"]})
    assert get_rule("value-conflict") is not None and get_rule("value-conflict").severity == "error"  # type: ignore[union-attr]


# ----------------------------------------------------------------------------------- the whole pipeline
def _extract(text: str, doc_id: str, when: str = "2024-05-01") -> Document:
    return caresocial.extract(text, doc_id=doc_id, date=date.fromisoformat(when), publisher="Test Publisher")


def test_the_issue_false_alarm_gives_nothing() -> None:
    a = _extract("The government will spend £150m for roads in 2024-25 and £90m in 2025-26.", "roads")
    b = _extract("The NHS budget for mental health is £2bn, and there will be £1.5 billion in 2025-26 for "
                 "dentistry.", "nhs")
    assert check([a, b]).findings == ()


def test_a_share_that_rose_gives_nothing() -> None:
    assert check([_extract("The share of children in poverty rose from 17% to 19%.", "a")]).findings == ()


def test_a_projection_given_two_horizons_end_to_end() -> None:
    a = _extract("CCN research found that there could be close to 100,000 children in care by the end of 2025.", "a",
                 "2023-02-02")
    b = _extract("Projections show that by 2032, there will be approaching 100,000 children in care.", "b",
                 "2022-05-23")
    (finding,) = check([a, b]).findings
    assert (finding.rule, finding.severity) == ("time-conflict", "warning")
    assert [r.text for r in finding.claims] == ["100,000", "100,000"]
    assert "by 2025 in a:1:" in finding.message and "by 2032 in b:1:" in finding.message


# ----------------------------------------------------------------------------------- what findings say
PROJ_A = C("CCN research found there could be close to 100,000 children in care by the end of 2025.", "100,000",
           100000, "children in care", time=("by", 2025), approx=True)
PROJ_B = C("Projections show that by 2032 there will be approaching 100,000 children in care.", "100,000", 100000,
           "children in care", time=("by", 2032), approx=True)
SENTENCE_RATE = "The council will spend £45m a year over three years, a total of £180m."
SENTENCE_PARTS = "The fund totals £10.0m: £4.5m for schools, £3.5m for councils and £3.0m for charities."

MESSAGES = [
    pytest.param(
        [doc("a", PROJ_A), doc("b", PROJ_B)],
        "children in care: the same figure (about 100,000) is given for 2 different times: by 2025 in a:1:44; by "
        "2032 in b:1:57. Same measure: the same measure 'children in care'.", id="time-conflict"),
    pytest.param(
        [doc("a", CARE_A), doc("b", CARE_B)],
        "children in care: 2 different values for the same time (at 2022): 82,170 in a:1:12; 70,000 in b:1:20. "
        "Same measure: the same measure 'children in care'.", id="value-conflict"),
    pytest.param(
        [doc("a", money("The pledge is £2.6 for the reforms by 2027.", "£2.6", 2.6, "reform funding",
                        time=("by", 2027))),
         doc("b", money("The pledge is £2.6bn for the reforms by 2027.", "£2.6bn", 2.6e9, "reform funding",
                        time=("by", 2027)))],
        "reform funding: scale slip for the same time (by 2027): £2.6 in a:1:15 vs £2.6bn in b:1:15 "
        "(x1,000,000,000). Same measure: the same measure 'reform funding'.", id="unit-scale"),
    pytest.param(
        [doc("a", money("The fund is £5bn in 2023.", "£5bn", 5e9, "reform fund", time=("at", 2023))),
         doc("b", money("The fund is $5bn in 2023.", "$5bn", 5e9, "reform fund", unit="USD", time=("at", 2023)))],
        "reform fund: stated in different currencies (GBP, USD) for 2023: £5bn in a:1:13; $5bn in b:1:13. Same "
        "measure: the same measure 'reform fund'.", id="unit-scale-currencies"),
    pytest.param(
        [doc("a", C("The care reforms will start in October 2023.", "October 2023", "2023-10",
                    "start date of the care reforms", kind="date")),
         doc("b", C("The start of the care reforms was delayed until 2027-28.", "2027-28", "2027/28", None,
                    kind="year"))],
        "care reforms (start date): 2 different dates: Oct 2023 in a:1:32; Apr 2027 - Mar 2028 in b:1:49. Same "
        "measure: the same measure 'care reforms (start date)'.", id="time-conflict-dates"),
    pytest.param(
        [change_doc(S_RISE, ("50%", 50), ("£6.1bn", 6.1e9), ("£8.2bn", 8.2e9))],
        "spending: stated a rise of 50% but £6.1bn to £8.2bn is a change of +34.4% (a:1:18).",
        id="arithmetic-change"),
    pytest.param(
        [change_doc(S_FALL, ("20%", 20), ("£1.2bn", 1.2e9), ("£0.6bn", 0.6e9), direction="down")],
        "spending: stated a fall of 20% but £1.2bn to £0.6bn is a change of -50.0% (a:1:36).",
        id="arithmetic-fall"),
    pytest.param(
        [doc("a", money(SENTENCE_RATE, "£45m", 45e6, "annual cost", rate="year", unit="GBP per year",
                        time=("per", None)),
             money(SENTENCE_RATE, "£180m", 180e6, "cost", time=("over", 2030)),
             extra_figures=((SENTENCE_RATE, "three years", 3.0, "years"),))],
        "cost: £45m a year over 3 years is GBP 135,000,000, but the stated total is £180m (a:1:65).",
        id="arithmetic-rate"),
    pytest.param(
        [doc("a", *[money(SENTENCE_PARTS, f, v, "funding") for f, v in (("£10.0m", 10e6), ("£4.5m", 4.5e6),
                                                                        ("£3.5m", 3.5e6), ("£3.0m", 3e6))])],
        "funding: the parts (£4.5m, £3.5m, £3.0m) add up to GBP 11,000,000, not the stated total £10.0m (a:1:17).",
        id="arithmetic-parts"),
]


@pytest.mark.parametrize(("docs", "message"), MESSAGES)
def test_what_a_finding_says(docs: list[Document], message: str, request: pytest.FixtureRequest) -> None:
    rule = request.node.callspec.id.split("-currencies")[0].split("-dates")[0]
    rule = "arithmetic" if rule.startswith("arithmetic") else rule
    (finding,) = check(docs).findings
    assert finding.message == message
    assert finding.measure == message.split(":", 1)[0]
    assert finding.rule == rule


def test_a_figure_without_its_text_is_described_by_its_value() -> None:
    a = doc("a", CARE_A).updated(figures=())
    b = doc("b", CARE_B).updated(figures=())
    (finding,) = check([a, b]).findings
    assert "82,170 in a:1:12; 70,000 in b:1:20" in finding.message
    assert [r.text for r in finding.claims] == ["82,170", "70,000"]
    pounds = doc("c", money("The fund is £5bn in 2023.", "£5bn", 5e9, "reform fund", time=("at", 2023)))
    dollars = doc("d", money("The fund is £7bn in 2023.", "£7bn", 7e9, "reform fund", time=("at", 2023)))
    (money_finding,) = check([pounds.updated(figures=()), dollars.updated(figures=())]).findings
    assert "GBP 5,000,000,000 in c:1:13; GBP 7,000,000,000 in d:1:13" in money_finding.message
    share = doc("e", pct("In 2022, 20% of councils had no director.", "20%", 20, "share of councils without a "
                                                                                   "director"))
    other = doc("f", pct("In 2022, 28% of councils had no director.", "28%", 28, "share of councils without a "
                                                                                  "director"))
    (share_finding,) = check([share.updated(figures=()), other.updated(figures=())]).findings
    assert "20% in e:1:10; 28% in f:1:10" in share_finding.message


def test_date_agreements_are_listed_when_asked() -> None:
    a = doc("a", C("The reforms will start in October 2023.", "October 2023", "2023-10", "start date of the reforms",
                   kind="date"))
    b = doc("b", C("The reforms start in 2023.", "2023", 2023, "start date of the reforms", kind="year"))
    report = check([a, b], show_agreements=True)
    assert report.findings == ()
    assert [f.message for f in report.agreements] == [
        "reforms (start date): 2 claims give the same date: Oct 2023 in a:1:27; 2023 in b:1:22."]
    assert check([a.updated(doc_id="a2"), a], show_agreements=True).agreements != ()
    assert check([a, a.updated(claims=a.claims * 1)], show_agreements=True).agreements == ()  # one document


def test_an_undated_claim_joins_a_measure_without_a_time_series() -> None:
    undated = doc("u", C("There are 70,000 children in care.", "70,000", 70000, "children in care",
                         time=("at", None)))
    one_year = doc("a", CARE_A)
    series = doc("b", C("In 2021 there were 78,000 children in care in England.", "78,000", 78000,
                        "children in care", time=("at", 2021)))
    assert [(r, [c for c in cs]) for r, _, cs in found(undated, one_year)] == [("value-conflict", ["u:c1", "a:c1"])]
    assert found(undated, one_year, series) == []  # 70,000 could be any year of the series


def test_one_speaker_updating_an_undated_figure_is_no_conflict() -> None:
    first = doc("a", C("Ofsted: 35% of homes are owned by the largest companies.", "35%", 35, "share of homes "
                       "owned by the largest companies", kind="percent", unit="%", time=("at", None),
                       speaker="Ofsted"))
    later = doc("b", C("Ofsted: 28% of homes are owned by the largest companies.", "28%", 28, "share of homes "
                       "owned by the largest companies", kind="percent", unit="%", time=("at", None),
                       speaker="Ofsted"))
    assert found(first, later) == []
    other = later.updated(claims=tuple(c.updated(speaker=Speaker.build(name="LGA")) for c in later.claims))
    assert [r for r, _, _ in found(first, other)] == ["value-conflict"]


def test_within_one_document_only_close_values_at_one_time_contradict() -> None:
    s1 = "The reform money is £5.3bn over three years."
    s2 = "The reform money is £5.4bn over three years."
    apart = doc("d", money(s1, "£5.3bn", 5.3e9, "reform money", time=("over", 2025)),
                money(s2, "£5.4bn", 5.4e9, "reform money", time=("over", 2026)))
    assert found(apart) == []  # different times
    far = doc("d", money(s1, "£5.3bn", 5.3e9, "reform money", time=("over", 2025)),
              money("The reform money is £9.4bn over three years.", "£9.4bn", 9.4e9, "reform money",
                    time=("over", 2025)))
    assert found(far) == []  # too far apart to be one sum: two things named alike
    undated = doc("d", money(s1, "£5.3bn", 5.3e9, "reform money", time=("over", None)),
                  money(s2, "£5.4bn", 5.4e9, "reform money", time=("over", None)))
    assert found(undated) == []
    worded = doc("d", money(s1, "£5.3bn", 5.3e9, "reform money", time=("over", 2025)),
                 money(s2, "£5.4bn", 5.4e9, "reform money for councils", time=("over", 2025)))
    assert found(worded) == []  # within a document only the same words are compared


def test_a_document_contradicting_itself_and_others_is_one_finding() -> None:
    s1 = "The reform money is £5.3bn over three years."
    s2 = "The reform money is £5.4bn over three years."
    own = doc("d", money(s1, "£5.3bn", 5.3e9, "reform money", time=("over", 2025)),
              money(s2, "£5.4bn", 5.4e9, "reform money", time=("over", 2025)))
    other = doc("e", money("Reform money is £7bn over three years.", "£7bn", 7e9, "reform money",
                           time=("over", 2025)))
    assert found(own, other) == [("value-conflict", "error", ["d:c1", "d:c2", "e:c1"])]


def test_many_values_at_one_time_are_swept() -> None:
    docs = [doc(f"d{k:03d}", C(f"Report {k} counts {1000 + k:,} children in care in 2022.", f"{1000 + k:,}",
                              1000 + k, "children in care")) for k in range(70)]
    (finding,) = check(docs).findings
    assert finding.rule == "value-conflict" and len(finding.claims) == 70
    assert finding.message.startswith("children in care: 70 different values for the same time (at 2022)")
    same_doc = doc("one", *[C(f"Line {k}: {1000 + k:,} children in care in 2022.", f"{1000 + k:,}", 1000 + k,
                              "children in care") for k in range(70)])
    assert check([same_doc]).findings == ()  # a document's own list is no cross-document disagreement


def test_bounded_and_hedged_values_tell_nothing_apart() -> None:
    s = "Profits were more than £300m last year, and £310m in the accounts."

    def pair(doc_id: str) -> Document:
        return doc(doc_id, money(s, "£300m", 300e6, "profits", bound="min"), money(s, "£310m", 310e6, "profits"))

    other = doc("x", money("Profits were £250m last year.", "£250m", 250e6, "profits"))
    assert [r for r, _, _ in found(pair("a"), other)] == ["value-conflict"]  # a bound does not state £250m


def test_a_crashing_rule_costs_only_its_own_findings() -> None:
    def boom(run: Any, group: Any) -> None:
        raise RuntimeError(f"boom in\n{group.label}")

    register(Rule(id="boom", severity="note", name="Boom", summary="s", description="d", help="h", scope="measure",
                  function=boom))
    try:
        report = check([doc("a", CARE_A), doc("b", CARE_B)])
    finally:
        unregister("boom")
    assert [f.rule for f in report.findings] == ["value-conflict"]
    assert report.errors == ("checker: internal error in measure 'children in care': boom: RuntimeError: boom in "
                             "children in care",)


def test_findings_are_ordered_by_severity_rule_and_place() -> None:
    docs = [doc("a", CARE_A, PROJ_A), doc("b", CARE_B, PROJ_B),
            doc("c", money("The pledge is £2.6m for the reforms by 2027.", "£2.6m", 2.6e6, "reform funding",
                           time=("by", 2027))),
            doc("d", money("The pledge is £2.6bn for the reforms by 2027.", "£2.6bn", 2.6e9, "reform funding",
                           time=("by", 2027)))]
    assert [(f.severity, f.rule) for f in check(docs).findings] == [
        ("error", "value-conflict"), ("warning", "time-conflict"), ("warning", "unit-scale")]
    report = check(docs, config=parse({"severity": {"unit-scale": "error"}}))
    assert [f.rule for f in report.findings] == ["unit-scale", "value-conflict", "time-conflict"]


def test_finish_drops_repeats_and_counts_what_it_leaves_out() -> None:
    from caresocial.consistency.checker import finish, new_run

    a, b = doc("a", CARE_A), doc("b", CARE_B)
    (f,) = check([a, b]).findings
    run = new_run()
    run.findings.extend([f, f])
    run.errors.extend(["z", "a"])
    report = finish(run, {}, None, 2, 2)
    assert report.findings == (f,) and report.errors == ("a", "z") and (report.documents, report.claims) == (2, 2)
    assert finish(run, {}, {f.fingerprint}, 2, 2).baselined == 1
    hidden = a.updated(suppressions=(caresocial.models.Suppression.build(rules=(), start=0, end=500),))
    assert finish(run, {"a": hidden}, None, 2, 2).suppressed == 1
    assert finish(run, {"a": a}, None, 2, 2).suppressed == 0


def test_a_document_is_read_by_its_value_nearest_the_other() -> None:
    """A document that gives two values for one measure at one time is compared by the one nearer the other
    document's: the other is a part of it, not a rival reading."""
    s = "There were 83,840 children in care in 2023, nearly 38,500 of them placed with private providers."
    a = doc("a", C(s, "83,840", 83840, "children in care", time=("at", 2023)),
            C(s, "38,500", 38500, "children in care", time=("at", 2023), approx=True))
    b = doc("b", C("There are now 82,170 children in care.", "82,170", 82170, "children in care", time=("at", 2023)))
    assert found(a, b) == [("value-conflict", "error", ["a:c1", "b:c1"])]


def test_a_document_that_tells_of_a_moved_date_states_both() -> None:
    s = "The override was meant to finish in March 2024 but was extended until March 2026."
    moved = doc("a", C(s, "March 2024", "2024-03", "statutory override end", kind="date", unit=None),
                C(s, "March 2026", "2026-03", "statutory override end", kind="date", unit=None))
    assert found(moved) == []
    other = doc("b", C("The override ends in March 2024.", "March 2024", "2024-03", "statutory override end",
                       kind="date", unit=None))
    # another document's March 2024 against the moved date: a stale deadline (the first document also gives
    # the old date, but the other does not give the new one)
    assert [(rule, claims) for rule, _, claims in found(moved, other)] == [("time-conflict", ["a:c2", "b:c1"])]
    both = doc("d", C(s, "March 2024", "2024-03", "statutory override end", kind="date", unit=None),
               C(s, "March 2026", "2026-03", "statutory override end", kind="date", unit=None))
    assert found(moved, both) == []
    later = doc("c", C("The override ends in March 2028.", "March 2028", "2028-03", "statutory override end",
                       kind="date", unit=None))
    assert [(rule, claims) for rule, _, claims in found(other, later)] == [("time-conflict", ["b:c1", "c:c1"])]


def test_the_ends_of_one_change_never_contradict_each_other() -> None:
    """'fell from 7,913 to 7,723' read with one year for both ends is still two times, not two values for one."""
    s = "Vacancies fell only marginally, from 7,913 to 7,723, and the vacancy rate slipped from 20% to 18.9%."
    linked = doc("a", C(s, "7,913", 7913, "vacancies", time=("from", 2023), link="c2", link_role="from"),
                 C(s, "7,723", 7723, "vacancies", time=("to", 2023), link="c1", link_role="to"))
    assert found(linked) == []
    unlinked = doc("a", C(s, "7,913", 7913, "vacancies", time=("at", 2023)),
                   C(s, "7,723", 7723, "vacancies", time=("at", 2023)))
    assert [rule for rule, _, _ in found(unlinked)] == ["value-conflict"]


def _workforce(*extra: Document) -> list[tuple[str, str, list[str]]]:
    a = doc("a", C("In 2023 there were 32,952 children's social workers in post.", "32,952", 32952,
                   "children's social workers in post", time=("at", 2023)))
    b = doc("b", C("There were 33,119 permanent children's social workers in 2023.", "33,119", 33119,
                   "permanent children's social workers", time=("at", 2023)))
    return found(a, b, *extra)


def test_a_less_specific_naming_of_several_measures_meets_each_only_on_the_same_figure() -> None:
    """'children's social workers' could be those in post or the permanent ones: the same figure at another time
    is a time conflict with the one it repeats, a different figure is no value conflict with either."""
    assert _workforce() == []
    now = doc("c", C("There are 32,952 children's social workers now.", "32,952", 32952,
                     "children's social workers", time=("at", 2024), as_written="now"))
    assert _workforce(now) == [("time-conflict", "warning", ["a:c1", "c:c1"])]
    other = doc("c", C("There were 20,000 children's social workers in 2023.", "20,000", 20000,
                       "children's social workers", time=("at", 2023)))
    assert _workforce(other) == []


def _vacancies(*extra: Document) -> list[tuple[str, str, list[str]]]:
    a = doc("a", C("There were 7,900 vacancies of social workers in 2022.", "7,900", 7900,
                   "vacancies of social workers", time=("at", 2022)))
    b = doc("b", C("There were 2,000 vacancies of agency workers in 2022.", "2,000", 2000,
                   "vacancies of agency workers", time=("at", 2022)))
    return found(a, b, *extra)


LESS_SPECIFIC_VALUES = [
    # a figure close to one of the measures a bare naming could be, at the same time: a possible misquote
    pytest.param(C("There were 7,600 vacancies recorded in 2022.", "7,600", 7600, "vacancies recorded",
                   time=("at", 2022)), [("value-conflict", "note", ["a:c1", "c:c1"])], id="near-value-same-year"),
    pytest.param(C("There were 2,900 vacancies in 2022.", "2,900", 2900, "vacancies", time=("at", 2022)),
                 [("value-conflict", "note", ["b:c1", "c:c1"])], id="near-the-other-measure"),
    pytest.param(C("There were 2,400 vacancies in 2022.", "2,400", 2400, "vacancies", time=("at", 2022)), [],
                 id="within-the-rounding-of-2,000"),
    # values far apart (more than half as much again) are another measure; another year is a time series; the
    # same value agrees; no time stated is never compared
    pytest.param(C("There were 5,000 vacancies in 2022.", "5,000", 5000, "vacancies", time=("at", 2022)), [],
                 id="between-the-two"),
    pytest.param(C("There were 7,600 vacancies in 2021.", "7,600", 7600, "vacancies", time=("at", 2021)), [],
                 id="another-year"),
    pytest.param(C("There were 7,900 vacancies in 2022.", "7,900", 7900, "vacancies", time=("at", 2022)), [],
                 id="the-same-value"),
    pytest.param(C("There are 7,600 vacancies.", "7,600", 7600, "vacancies", time=("at", None)), [],
                 id="no-time"),
]


@pytest.mark.parametrize(("claim", "expected"), LESS_SPECIFIC_VALUES)
def test_a_bare_naming_is_compared_with_near_values_of_the_measures_it_could_be(
        claim: C, expected: list[tuple[str, str, list[str]]]) -> None:
    assert _vacancies() == []
    assert _vacancies(doc("c", claim)) == expected


def test_a_bare_naming_whose_document_gives_the_other_value_too_is_no_conflict() -> None:
    s = "There were 7,600 vacancies in 2022, and 7,900 vacancies of social workers in 2022 by the later count."
    both = doc("c", C(s, "7,600", 7600, "vacancies", time=("at", 2022)),
               C(s, "7,900", 7900, "vacancies of social workers", time=("at", 2022)))
    assert [rule for rule, _, _ in _vacancies(both)] == []


def test_a_bare_naming_at_two_times_gives_one_finding_per_time() -> None:
    """Near values of a bare naming against the measure it could be, in 2021 and in 2023: two disagreements, two
    findings (one finding listing all four values 'for the same time' would join a time series)."""
    a = doc("a", C("There were 7,900 vacancies of social workers in 2021.", "7,900", 7900,
                   "vacancies of social workers", time=("at", 2021)),
            C("There were 9,900 vacancies of social workers in 2023.", "9,900", 9900,
              "vacancies of social workers", time=("at", 2023)))
    b = doc("b", C("There were 2,000 vacancies of agency workers in 2021.", "2,000", 2000,
                   "vacancies of agency workers", time=("at", 2021)))
    c = doc("c", C("There were 7,300 vacancies in 2021.", "7,300", 7300, "vacancies", time=("at", 2021)),
            C("There were 9,200 vacancies in 2023.", "9,200", 9200, "vacancies", time=("at", 2023)))
    assert found(a, b, c) == [("value-conflict", "note", ["a:c1", "c:c1"]),
                              ("value-conflict", "note", ["a:c2", "c:c2"])]


def _lifted(claim: C) -> list[tuple[str, str, list[str]]]:
    a = doc("a", C("Scrapping the cap would lift 350,000 children out of poverty at once.", "350,000", 350000,
                   "children out of poverty", time=("at", 2025)))
    return found(a, doc("b", claim))


CUT = "Scrapping it could cut by {} today the number of children in poverty."
FLOWS = [
    # a fall in the count of those in a state counts those taken out of it
    pytest.param(C(CUT.format("330,000"), "330,000", 330000, "change in children in poverty", aspect="change",
                   direction="down", time=("at", 2025)), [("value-conflict", "warning", ["a:c1", "b:c1"])],
                 id="a-cut-of-another-size"),
    pytest.param(C(CUT.format("350,000"), "350,000", 350000, "change in children in poverty", aspect="change",
                   direction="down", time=("at", 2025)), [], id="a-cut-of-the-same-size"),
    # a rise brings them into it: another measure than those lifted out
    pytest.param(C("The policy raised by 330,000 today the number of children in poverty.", "330,000", 330000,
                   "change in children in poverty", aspect="change", direction="up", time=("at", 2025)), [],
                 id="a-rise"),
    # a change over a period is a flow over it, not compared with a count at a time
    pytest.param(C("The number of children in poverty fell by 330,000 in 2025.", "330,000", 330000,
                   "change in children in poverty", aspect="change", direction="down", time=("over", 2025)), [],
                 id="a-fall-over-the-year"),
]


@pytest.mark.parametrize(("claim", "expected"), FLOWS)
def test_a_fall_in_those_in_a_state_counts_those_taken_out_of_it(
        claim: C, expected: list[tuple[str, str, list[str]]]) -> None:
    assert _lifted(claim) == expected


def test_a_bound_stands_at_its_written_figure_when_its_document_also_states_it() -> None:
    """'£4.9bn' in a headline and 'up to £4.9bn' in the text are both what the document says against another's
    £6bn: both are cited (the bound is no further from £6bn than the figure it is written with)."""
    a = doc("a", money("£4.9bn deficit leaves councils facing bankruptcy in 2026.", "£4.9bn", 4.9e9, "send deficit",
                       time=("at", 2026)),
            money("The send deficit could be up to £4.9bn in 2026.", "£4.9bn", 4.9e9, "send deficit",
                  time=("at", 2026), bound="max"))
    b = doc("b", money("The send deficit will be £6bn in 2026.", "£6bn", 6e9, "send deficit", time=("at", 2026)))
    assert [claims for _, _, claims in found(a, b)] == [["a:c1", "a:c2", "b:c1"]]
    # a figure the document states nearer the other's value still stands for it, not the bound
    c = doc("c", money("The send deficit will be £5.2bn in 2026.", "£5.2bn", 5.2e9, "send deficit",
                       time=("at", 2026)),
            money("The send deficit could be up to £3bn in 2026.", "£3bn", 3e9, "send deficit", time=("at", 2026),
                  bound="max"))
    assert [claims for _, _, claims in found(c, b)] == [["c:c1", "b:c1"]]


def _with_date(d: Document, date: str, value: str | int) -> Document:
    """``d`` with a date figure the claims stage left without a claim, in the sentence of its first claim."""
    c = d.claims[0]
    start = c.sentence_start + c.sentence.index(date)
    f = Figure.build(id="f9", kind="date" if isinstance(value, str) else "year", text=date, start=start,
                     end=start + len(date), sentence_start=c.sentence_start,
                     sentence_end=c.sentence_start + len(c.sentence), value=value, unit=None)
    return d.updated(figures=tuple(sorted((*d.figures, f), key=lambda f: f.start)))


def test_a_date_left_without_a_claim_is_compared_when_its_sentence_names_its_thing() -> None:
    s = "The government will bring in, from October 2023, a new £86,000 cap on care costs."
    a = _with_date(doc("a", money(s, "£86,000", 86000, "cap on care costs", time=("from", 2023))), "October 2023",
                   "2023-10")
    b = doc("b", C("The cap on care costs was delayed until October 2025.", "October 2025", "2025-10", None,
                   kind="date"))
    assert found(a, b) == [("time-conflict", "warning", ["a:f9-date", "b:c1"])]
    report = check([a, b])
    (side,) = [r for r in report.findings[0].claims if r.doc_id == "a"]
    assert (side.start, side.end, side.text, side.line, side.column) == (s.index("October"), s.index("October") + 12,
                                                                       "October 2023", 1, s.index("October") + 1)
    # a bare preposition is too weak for a date the claims stage passed over; a date with no claim in its
    # sentence has no sentence to read
    from caresocial.consistency.items import date_claims

    settings = Run().settings
    assert [(c.id, c.value, c.time.year) for c in date_claims(a, settings)] == [("f9-date", "2023-10", 2023)]
    weak = _with_date(doc("a", pct("The share was 30% in 2022, unchanged from October 2021.", "30%", 30,
                                   "share of homes", time=("at", 2022))), "October 2021", "2021-10")
    assert date_claims(weak, settings) == []
    strong = _with_date(doc("a", pct("The share was 30% in 2022, and the new rules came into force in October 2021.",
                                     "30%", 30, "share of homes", time=("at", 2022))), "October 2021", "2021-10")
    assert [c.id for c in date_claims(strong, settings)] == ["f9-date"]
    lone = a.updated(claims=())
    assert date_claims(lone, settings) == [] and found(lone, b) == []


def test_a_shell_noun_names_the_thing_of_the_date_before_and_old_dates_are_superseded() -> None:
    """'The arrangement' after the statutory override's end date is the override; its 2024, moved to 2026 in
    the same sentence, is superseded (never cited), while the March 2026 told before it stays the document's
    own date: both current dates disagree with another document's 2027-28."""
    s = "The arrangement was meant to finish in 2024 but was extended until 2026."
    a = doc("a", C("Councils could go bust if the statutory override comes to an end in March 2026.", "March 2026",
                   "2026-03", None, kind="date"),
            C(s, "2024", 2024, None, kind="year"), C(s, "2026", 2026, None, kind="year"))
    b = doc("b", C("The statutory override will now run until the end of 2027-28.", "2027-28", "2027/28", None,
                   kind="year"))
    assert found(a, b) == [("time-conflict", "warning", ["a:c1", "a:c3", "b:c1"])]
    # a shell noun far from any named thing, or after the other kind of date, names only itself
    far = doc("a", C("Councils could go bust if the statutory override comes to an end in March 2026"
                     + ", ministers said at length" * 16 + ".", "March 2026", "2026-03", None, kind="date"),
              C(s, "2024", 2024, None, kind="year"), C(s, "2026", 2026, None, kind="year"))
    assert [claims for _, _, claims in found(far, b)] == [["a:c1", "b:c1"]]
    start = doc("a", C("The statutory override was introduced in 2020.", "2020", 2020, None, kind="year"),
                C(s, "2024", 2024, None, kind="year"), C(s, "2026", 2026, None, kind="year"))
    assert found(start, b) == []


def test_a_pronoun_stands_for_the_thing_of_the_date_before() -> None:
    """'It was then pushed back to October 2025' is the care cap of the sentence before: the document tells of
    the date moved, so it is no conflict with a document that gives the new date, and one with a document
    that gives only the old."""
    told = doc("a", C("The care cap was meant to take effect in October 2023.", "October 2023", "2023-10", None,
                      kind="date"),
               C("It was then pushed back to October 2025.", "October 2025", "2025-10", None, kind="date"))
    later = doc("b", C("The care cap will take effect in October 2025.", "October 2025", "2025-10", None,
                       kind="date"))
    first = doc("c", C("The care cap will come into force in October 2023.", "October 2023", "2023-10", None,
                       kind="date"))
    assert found(told, later) == []
    assert [claims for _, _, claims in found(told, first)] == [["a:c2", "c:c1"]]  # the other is stale
    assert [claims for _, _, claims in found(first, later)] == [["c:c1", "b:c1"]]
    # a pronoun with no date before it in reach names nothing
    far = doc("a", C("The care cap was meant to take effect in October 2023" + ", said ministers at length" * 16
                     + ".", "October 2023", "2023-10", None, kind="date"),
              C("It was pushed back to 2030.", "2030", 2030, None, kind="year"))
    assert [claims for _, _, claims in found(far, later)] == [["a:c1", "b:c1"]]


def test_very_many_dates_still_show_the_one_apart() -> None:
    from caresocial.consistency.conflicts import MAX_VARIANTS

    same = [doc(f"d{k:03d}", C("The override ends in March 2026.", "March 2026", "2026-03", "statutory override end",
                                kind="date", unit=None)) for k in range(MAX_VARIANTS + 1)]
    late = doc("late", C("The override ends in March 2028.", "March 2028", "2028-03", "statutory override end",
                         kind="date", unit=None))
    got = found(*same, late)
    assert [rule for rule, _, _ in got] == ["time-conflict"]
    assert "late:c1" in got[0][2] and len(got[0][2]) > 1


def test_a_document_is_compared_by_its_nearer_value_on_either_side() -> None:
    """Of a document's 100 and 300, the 100 is the one nearer another document's 190 (90 against 110)."""
    s = "Councils reported 100 closures in 2023 and 300 closures in 2023 across all services."
    a = doc("a", C(s, "100", 100, "closures", time=("at", 2023)), C(s, "300", 300, "closures", time=("at", 2023)))
    b = doc("b", C("There were 190 closures in 2023.", "190", 190, "closures", time=("at", 2023)))
    assert [claims for _, _, claims in found(a, b)] == [["a:c1", "b:c1"]]


def test_one_link_between_the_ends_of_a_change_is_enough() -> None:
    s = "Vacancies fell only marginally, from 7,913 to 7,723."
    from_only = doc("a", C(s, "7,913", 7913, "vacancies", time=("from", 2023), link="c2", link_role="from"),
                    C(s, "7,723", 7723, "vacancies", time=("to", 2023)))
    to_only = doc("a", C(s, "7,913", 7913, "vacancies", time=("from", 2023)),
                  C(s, "7,723", 7723, "vacancies", time=("to", 2023), link="c1", link_role="to"))
    assert found(from_only) == [] and found(to_only) == []


def test_dates_on_a_possible_match_are_a_note() -> None:
    a = doc("a", C("The override ends in March 2026.", "March 2026", "2026-03", "override", kind="date", unit=None))
    b = doc("b", C("The statutory override ends in March 2028.", "March 2028", "2028-03", "statutory override",
                   kind="date", unit=None))
    assert found(a, b) == [("time-conflict", "note", ["a:c1", "b:c1"])]


def test_intervals_that_only_touch_are_no_conflict_between_documents() -> None:
    """£5.3bn is 5.25-5.35bn and £5.4bn 5.35-5.45bn: they meet at 5.35bn, so two documents do not disagree (one
    document giving both for one sum does: see the self-contradiction tests)."""
    a = doc("a", money("The reform fund is £5.3bn in 2023.", "£5.3bn", 5.3e9, "reform fund", time=("at", 2023)))
    b = doc("b", money("The reform fund is £5.4bn in 2023.", "£5.4bn", 5.4e9, "reform fund", time=("at", 2023)))
    assert found(a, b) == [] and found(b, a) == []
    c = doc("c", money("The reform fund is £5.5bn in 2023.", "£5.5bn", 5.5e9, "reform fund", time=("at", 2023)))
    assert [claims for _, _, claims in found(a, c)] == [["a:c1", "c:c1"]]


def test_a_cap_and_a_limit_are_one_measure() -> None:
    """``measure_synonyms``: a 'cap' is a 'limit'. The same £86,000 cap starting in two different years is a
    slipped start, whichever word each document uses."""
    a = _extract("The government will introduce an £86,000 cap on care costs from October 2023.", "a", "2021-11-01")
    b = _extract("Under changes due to take effect in October next year, an £86,000 limit would have applied.", "b",
                 "2024-07-01")
    found = [f for f in check([a, b]).findings if f.rule == "time-conflict"]
    assert [sorted(c.text for c in f.claims) for f in found] == [["£86,000", "£86,000"]]


def test_a_finding_is_named_by_the_claims_it_cites() -> None:
    """The group holds a bare 'list' (another figure, another time); the finding on the two December counts is
    named by their own measure, and no speaker is said to state all when one side names none."""
    a = _extract("The NHS waiting list in England stood at 7.6 million in December 2023, according to the Health "
                 "Foundation. NHS England said the list is expected to fall to 6.5 million by March 2025.", "a")
    b = _extract("The waiting list for hospital treatment in England reached 7.8 million in December 2023, the "
                 "figures show.", "b")
    (found,) = [f for f in check([a, b]).findings if f.rule == "value-conflict"]
    assert found.measure == "nhs waiting list"
    assert found.message.startswith("nhs waiting list: 2 different values") and "all stated by" not in found.message


def test_values_that_do_not_meet_are_no_agreement() -> None:
    """A document giving both 3.4% and 4% tells them apart, so no finding is raised; nor are they listed as
    agreeing with another document's 3.4%."""
    a = _extract("CPI inflation fell to 3.4% in February.", "a", "2024-04-02")
    b = _extract("The living wage rises to £11.44 from April 2025. Inflation was 3.4% in February, down from 4% in "
                 "January.", "b", "2024-04-03")
    report = check([a, b], show_agreements=True)
    assert not report.findings
    for agreement in report.agreements:
        values = {c.value for c in agreement.claims}
        assert len(values) == 1, agreement.message


def test_a_rate_dated_to_its_months_is_no_conflict_with_the_next_quarters() -> None:
    """A yearly rate that holds for some months ('£1,720 a year for July to September 2025') is compared at that
    month, not the whole year: the next quarter's rate is a time series; the same quarter's other value is not."""
    one = _extract("The price cap was £1,720 a year for July to September 2025 and is £1,755 a year for October "
                   "to December 2025.", "a", "2025-10-01")
    assert [f.rule for f in check([one]).findings] == []
    other = _extract("The price cap was £1,790 a year for July to September 2025.", "b", "2025-10-02")
    (found,) = check([one, other]).findings
    assert found.rule == "value-conflict"
    assert sorted(c.doc_id for c in found.claims) == ["a", "b"]


@pytest.mark.parametrize(("text", "messages"), [
    # a change restated in other terms is checked in each: the £111 matches, the 8% does not
    ("The price cap rose by £111, or 8%, from £1,738 to £1,849 in April.",
     ["change in price limit: stated a rise of 8% but £1,738 to £1,849 is a change of +6.4% (d:1:32)."]),
    ("The price cap rose by £111 (8%) from £1,738 to £1,849 in April.",
     ["change in price limit: stated a rise of 8% but £1,738 to £1,849 is a change of +6.4% (d:1:29)."]),
    ("The price cap rose by £111, or 6.4%, from £1,738 to £1,849 in April.", []),
])
def test_a_change_restated_in_other_terms_is_checked_in_each(text: str, messages: list[str]) -> None:
    doc = caresocial.extract(text, doc_id="d", date=date(2025, 6, 10))
    assert [f.message for f in check([doc]).findings if f.rule == "arithmetic"] == messages


def test_a_total_cue_after_the_totals_own_time_is_read() -> None:
    """'£1.2 billion in 2025/26, made up of ...': the total's own time stands between it and its cue."""
    doc = caresocial.extract("The pay award will cost £1.2 billion in 2025/26, made up of £615m from school budgets "
                             "and £485m of new grant.", doc_id="d", date=date(2025, 6, 10))
    assert [f.message for f in check([doc]).findings] == [
        "cost of pay award: the parts (£615m, £485m) add up to GBP 1,100,000,000, not the stated total £1.2 billion "
        "(d:1:25)."]


def test_a_time_that_names_a_month_alone_holds_in_that_month() -> None:
    """'in April' and 'in July' of one year are different times (a time series), not one year; a month that is
    also a word ('may') counts only when capitalised."""
    a = _extract("The price cap rose to £1,849 in April.", "a", "2025-05-01")
    b = _extract("The price cap fell to £1,720 in July.", "b", "2025-08-01")
    assert [f.rule for f in check([a, b]).findings] == []
    c = _extract("The price cap stood at £1,790 in July.", "c", "2025-08-02")
    assert [sorted(x.doc_id for x in f.claims) for f in check([b, c]).findings] == [["b", "c"]]
