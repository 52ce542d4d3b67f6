"""The consistency checker: every rule on real phrasing, with the negatives that must stay quiet."""

from __future__ import annotations

from datetime import date

import pytest

import caresocial
from caresocial.config import Config, parse
from caresocial.consistency.checker import MAX_CITED, check
from caresocial.models import Document


def _doc(text: str, doc_id: str, when: str | None = "2023-02-02", publisher: str | None = "Test Publisher") -> Document:
    return caresocial.extract(text, doc_id=doc_id, date=date.fromisoformat(when) if when else None,
                              publisher=publisher)


def _rules(*docs: Document, cfg: Config | None = None) -> list[str]:
    return sorted(f.rule for f in check(list(docs), cfg).findings)


# (text A, text B, expected rules) — two documents compared
CROSS_CASES = [
    pytest.param(
        "CCN research found that there could be close to 100,000 children in care by the end of 2025.",
        "Projections show that by 2032, there will be approaching 100,000 children in care.",
        ["time-conflict"], id="time-conflict-projection-horizon"),
    pytest.param(
        "There were 82,170 children in care in England in 2022.",
        "In 2022 there were 70,000 children in care in England.",
        ["value-conflict"], id="value-conflict-same-year"),
    pytest.param(
        "Councils will spend more than £15bn on children's services by 2032.",
        "Councils will spend £12bn on children's services by 2032.",
        ["value-conflict"], id="value-conflict-below-a-lower-bound"),
    pytest.param(
        "The government pledged £2.6m for the reform programme by 2027.",
        "The government pledged £2.6bn for the reform programme by 2027.",
        ["unit-scale"], id="unit-scale-million-vs-billion"),
    # negatives
    pytest.param(
        "There were 12,000 social workers in 2022.",
        "There were 12,000 foster carers in 2022.",
        [], id="same-number-different-measures"),
    pytest.param(
        "Around 80,000 children were in care in England in 2022.",
        "In 2022, 82,000 children were in care in England.",
        [], id="hedged-value-within-tolerance"),
    pytest.param(
        "Councils will spend more than £15bn on children's services by 2032.",
        "Councils will spend £16bn on children's services by 2032.",
        [], id="bound-respected"),
    pytest.param(
        "The government pledged £2.6bn for the reform programme by 2027.",
        "The government pledged £2,600m for the reform programme by 2027.",
        [], id="scale-normalised"),
    pytest.param(
        "The number of children in care will reach 100,000 by 2032.",
        "There will be approaching 100,000 children in care by 2032.",
        [], id="same-measure-said-differently"),
    pytest.param(
        "There were 80,000 children in care in 2022.",
        "There will be 100,000 children in care by 2032.",
        [], id="different-values-different-times"),
    pytest.param(
        "The government will invest £2.6bn in the reforms by the end of 2026/27.",
        "The government will invest £2.6bn in the reforms by 2027.",
        [], id="financial-year-touches-its-end-year"),
    pytest.param(
        "The government will invest £2.6bn in the reforms by the end of 2026/27.",
        "The government will invest £2.6bn in the reforms by 2030.",
        ["time-conflict"], id="financial-year-apart-from-later-year"),
    pytest.param(
        "About 100,000 children are in care.",
        "About 100,000 children are in care by 2032.",
        [], id="unknown-time-is-no-conflict"),
]


@pytest.mark.parametrize(("text_a", "text_b", "expected"), CROSS_CASES)
def test_cross_document_rules(text_a: str, text_b: str, expected: list[str]) -> None:
    a, b = _doc(text_a, "a"), _doc(text_b, "b", "2022-05-23")
    assert _rules(a, b) == expected


# (text, expected rules) — one document against itself
INTERNAL_CASES = [
    pytest.param("Spending on late intervention services soared by 50% over the last decade, from £6bn to £8.2bn.",
                 ["arithmetic"], id="stated-change-wrong"),
    pytest.param("Spending on late intervention services soared by more than a third (37%) over the last decade, "
                 "from £6bn to £8.2bn.", [], id="stated-change-right"),
    pytest.param("Spending on youth services fell by 20% from £1.2bn to £0.6bn.", ["arithmetic"],
                 id="stated-fall-wrong"),
    pytest.param("Spending on youth services fell by 50% from £1.2bn to £0.6bn.", [], id="stated-fall-right"),
    pytest.param("The fund totals £10m: £4m for schools, £3m for councils and £2m for charities.", ["arithmetic"],
                 id="parts-do-not-add-up"),
    pytest.param("The fund totals £9m: £4m for schools, £3m for councils and £2m for charities.", [],
                 id="parts-add-up"),
]


@pytest.mark.parametrize(("text", "expected"), INTERNAL_CASES)
def test_rules_within_one_document(text: str, expected: list[str]) -> None:
    assert _rules(_doc(text, "a")) == expected


def test_message_quotes_both_sentences_and_values() -> None:
    a = _doc("CCN research found that there could be close to 100,000 children in care by the end of 2025.", "a")
    b = _doc("Projections show that by 2032, there will be approaching 100,000 children in care.", "b", "2022-05-23")
    (finding,) = check([a, b]).findings
    assert finding.rule == "time-conflict"
    assert finding.severity == "warning"
    assert finding.measure == "children in care"
    assert "by 2025" in finding.message and "by 2032" in finding.message
    assert "CCN research found" in finding.message and "Projections show" in finding.message
    assert {c.doc_id for c in finding.claims} == {"a", "b"}
    assert all(c.text == "100,000" for c in finding.claims)


def test_official_and_everyday_names_join() -> None:
    a = _doc("There were 82,170 looked-after children in 2022.", "a")
    b = _doc("There were 70,000 children in care in 2022.", "b")
    assert _rules(a, b) == ["value-conflict"]


def test_aliases_join_measures() -> None:
    a = _doc("There were 12,000 foster parents in 2022.", "a")
    b = _doc("There were 9,000 foster carers in 2022.", "b")
    assert _rules(a, b) == []
    cfg = parse({"aliases": {"foster carers": ["foster parents"]}})
    assert _rules(a, b, cfg=cfg) == ["value-conflict"]


def test_disable_and_severity_override() -> None:
    a = _doc("There were 82,170 children in care in England in 2022.", "a")
    b = _doc("In 2022 there were 70,000 children in care in England.", "b")
    assert _rules(a, b, cfg=parse({"disable": ["value-conflict"]})) == []
    (f,) = check([a, b], parse({"severity": {"value-conflict": "note"}})).findings
    assert f.severity == "note"


def test_inline_comment_suppresses_a_finding() -> None:
    a = _doc("<!-- caresocial: ignore value-conflict -->\nThere were 82,170 children in care in England in 2022.", "a")
    b = _doc("In 2022 there were 70,000 children in care in England.", "b")
    report = check([a, b])
    assert report.findings == () and report.suppressed == 1
    c = _doc("<!-- caresocial: ignore time-conflict -->\nThere were 82,170 children in care in England in 2022.", "c")
    assert [f.rule for f in check([c, b]).findings] == ["value-conflict"]


def test_fingerprints_survive_unrelated_edits_and_baseline_accepts_them() -> None:
    a = _doc("There were 82,170 children in care in England in 2022.", "a")
    b = _doc("In 2022 there were 70,000 children in care in England.", "b")
    a2 = _doc("A new first paragraph about something else entirely.\n\nThere were 82,170 children in care in "
              "England in 2022.", "a")
    (f1,) = check([a, b]).findings
    (f2,) = check([a2, b]).findings
    assert f1.fingerprint == f2.fingerprint
    report = check([a2, b], baseline={f1.fingerprint})
    assert report.findings == () and report.baselined == 1


def test_agreements_are_listed_only_when_asked() -> None:
    a = _doc("There were 80,000 children in care in 2022.", "a")
    b = _doc("In 2022 there were 80,000 children in care.", "b")
    assert check([a, b]).agreements == ()
    report = check([a, b], show_agreements=True)
    assert report.findings == ()
    assert [f.agreement for f in report.agreements] == [True]


def test_many_conflicting_claims_are_grouped_not_squared() -> None:
    docs = [_doc(f"There could be close to 100,000 children in care by the end of {2025 + k % 2 * 7}.", f"d{k}")
            for k in range(30)]
    report = check(docs)
    assert len(report.findings) == 1
    assert len(report.findings[0].claims) == 2 * MAX_CITED
    assert "(15 claims)" in report.findings[0].message
