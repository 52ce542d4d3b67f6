"""The checker at its edges, one behaviour per row: boundaries of intervals and times, the words tables it
reads (synonyms, hedges, total cues), what a finding cites, and the stated changes it checks. These rows were
written against the survivors of a mutation run (docs/testing.md): each says what a changed comparison or
constant would break."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest

import caresocial
from caresocial.config import Config, parse
from caresocial.consistency.caching import clear_caches
from caresocial.consistency.checker import check, finish, new_run
from caresocial.consistency.conflicts import MAX_CITED_PER_VARIANT, same_figures, scale_slip
from caresocial.consistency.items import fingerprint, make_item, numeric, ref, value_text
from caresocial.consistency.measures import signature, singular
from caresocial.consistency.rules import Rule, register, unregister
from caresocial.consistency.run import Run
from caresocial.consistency.values import date_span, same_time, span_text, written_half_width, year_span
from caresocial.lexicons import Lexicons
from caresocial.models import ClaimTime, Speaker, Suppression

from .conftest import make_claim as _claim
from .test_checker import CARE_A, CARE_B, C, doc, found, money, pct


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    clear_caches()




# ------------------------------------------------------------------------------------------ months
@pytest.mark.parametrize(("month", "name"), list(enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])))
def test_every_month_has_its_name(month: int, name: str) -> None:
    assert span_text((2024 * 12 + month, 2024 * 12 + month)) == f"{name} 2024"


@pytest.mark.parametrize(("span", "text"), [
    ((2023 * 12, 2024 * 12 + 11), "Jan 2023 - Dec 2024"),  # two whole years are not one year
    ((2023 * 12 + 1, 2023 * 12 + 11), "Feb 2023 - Dec 2023"),
    ((2023 * 12, 2023 * 12 + 10), "Jan 2023 - Nov 2023"),
])
def test_spans_that_are_not_one_calendar_year(span: tuple[int, int], text: str) -> None:
    assert span_text(span) == text


@pytest.mark.parametrize(("value", "span"), [
    (1000, (12000, 12011)), (9999, (9999 * 12, 9999 * 12 + 11)), (999, None), (10000, None), ("soon", None),
    ("2019/20", (2019 * 12 + 3, 2020 * 12 + 2)),
])
def test_the_years_a_value_can_be(value: int | str, span: tuple[int, int] | None) -> None:
    assert date_span(value) == span


@pytest.mark.parametrize(("a", "b", "same"), [
    ((2023 * 12, 2023 * 12 + 11), (2023 * 12, 2023 * 12), True),  # January 2023 is in 2023
    ((2023 * 12, 2023 * 12 + 11), (2023 * 12 + 11, 2023 * 12 + 11), True),  # so is December
    ((2023 * 12 + 11, 2023 * 12 + 11), (2023 * 12, 2023 * 12 + 11), True),
    ((2023 * 12, 2023 * 12 + 11), (2022 * 12 + 3, 2023 * 12 + 2), True),  # 2022/23 ends in 2023
    ((2023 * 12, 2023 * 12 + 11), (2023 * 12 - 1, 2023 * 12 + 11), True),  # Dec 2022 - Dec 2023 holds 2023
    ((2023 * 12, 2023 * 12 + 11), (2023 * 12 + 3, 2024 * 12 + 2), False),  # 2023/24 starts in 2023
    ((2023 * 12 + 3, 2023 * 12 + 3), (2022 * 12 + 3, 2023 * 12 + 2), False),  # April 2023 is after 2022/23
    ((2023 * 12, 2023 * 12 + 10), (2022 * 12 + 3, 2023 * 12 + 2), False),  # only a whole calendar year names it
    ((2024 * 12, 2024 * 12 + 11), (2022 * 12 + 3, 2023 * 12 + 2), False),
])
def test_same_time_at_its_edges(a: tuple[int, int], b: tuple[int, int], same: bool) -> None:
    assert same_time(a, b) is same


# -------------------------------------------------------------------------------------- precision
@pytest.mark.parametrize(("text", "value", "kind", "half"), [
    ("0.00", 0.0, "count", 0.005),
    ("0", 0.0, "count", 0.5),
    ("1 in 2", 50.0, "percent", (1 / 1.5 - 1 / 2.5) / 2 * 100),  # one in 1.5 to one in 2.5
    ("0 in 10", 0.0, "percent", 0.0),
    ("five in 10", 50.0, "percent", 5.0),
    ("one in five", 20.0, "percent", 2.0),  # the denominator in words: a tenth
    ("three hundred", 300.0, "count", 0.5),
    ("one thousand", 1000.0, "count", 100.0),  # a whole count in words of a thousand or more: a tenth
    ("seven", 7.0, "quantity", 0.5),
    ("doubled", 2.0, "ratio", 0.2),
    ("£2.6bn", 2.6e9, "money", 0.05e9),
    ("1.5 times", 1.5, "ratio", 0.05),
])
def test_more_written_precisions(text: str, value: float, kind: str, half: float) -> None:
    assert written_half_width(text, value, kind, None) == pytest.approx(half)


@pytest.mark.parametrize(("value", "half"), [(7000.0, 500.0), (7000.5, 0.05), (100000.0, 5000.0), (0.25, 0.005)])
def test_a_value_without_text_is_read_as_written(value: float, half: float) -> None:
    assert written_half_width("", value, "count", None) == pytest.approx(half)


@pytest.mark.parametrize(("word", "one"), [
    ("processes", "process"), ("wishes", "wish"), ("flies", "fly"), ("ties", "tie"), ("boxes", "box"),
    ("cases", "case"), ("trusts", "trust"), ("bus", "bus"), ("cost", "cost"), ("tens", "ten"),
])
def test_more_singulars(word: str, one: str) -> None:
    assert singular(word) == one


@pytest.mark.parametrize(("value", "ok"), [
    (1, True), (2.5, True), (True, False), (math.inf, False), (math.nan, False), ("2026/27", False), (None, False),
])
def test_what_counts_as_a_number(value: Any, ok: bool) -> None:
    assert numeric(value) is ok


# --------------------------------------------------------------------------------------- lexicons
def _with(**tables: list[tuple[str, ...]]) -> Lexicons:
    base = Lexicons.default()
    return Lexicons({**{n: base.rows(n) for n in base.names()}, **tables})


def test_measure_synonyms_are_read_from_the_lexicon() -> None:
    lex = _with(measure_synonyms=[("children in care", "looked-after children", "children looked after", "care"),
                                  ("council", "local authority", "Council", "")])
    sig = signature("Looked-after children in England", lex)
    assert sig is not None and sig.key == "children in care in england"
    assert signature("children looked after", lex).key == "children in care"  # type: ignore[union-attr]
    assert signature("Local authority spending", lex).key == "council spending"  # type: ignore[union-attr]
    # the longest synonym wins: 'children looked after' before 'care'
    assert signature("care costs", lex).key == "children in care costs"  # type: ignore[union-attr]
    base = Lexicons.default()
    plain = signature("Looked-after children in England",
                      Lexicons({n: base.rows(n) for n in base.names() if n != "measure_synonyms"}))
    assert plain is not None and plain.key == "looked after children in england"


def test_configured_hedges_and_total_cues_are_read() -> None:
    cfg = Config(lexicons={"hedge_directions": ["thereabouts", "under | BELOW", "not under | around"],
                           "total_cues": ["summing to | Before", "all told | after"]})
    a = doc("a", C("It costs not under 80,000 in 2022.", "80,000", 80000, "children in care", approx=True))
    b = doc("b", C("In 2022 it was 92,000.", "92,000", 92000, "children in care"))
    assert found(a, b, cfg=cfg) == []  # 'not under' is the longest hedge, and leaves both sides open
    c = doc("c", C("It costs under 80,000 in 2022.", "80,000", 80000, "children in care", approx=True))
    assert [r for r, _, _ in found(c, b, cfg=cfg)] == ["value-conflict"]  # 'under' leaves only the lower side
    s = "Schools get £4.5m, councils £3.5m and charities £3.0m, summing to £10.0m."
    parts = doc("p", *[money(s, f, v, "funding") for f, v in (("£4.5m", 4.5e6), ("£3.5m", 3.5e6), ("£3.0m", 3e6),
                                                               ("£10.0m", 10e6))])
    assert found(parts) == []
    assert [r for r, _, _ in found(parts, cfg=cfg)] == ["arithmetic"]
    t = "Schools get £4.5m, councils £3.5m and charities £3.0m: £10.0m all told."
    told = doc("t", *[money(t, f, v, "funding") for f, v in (("£4.5m", 4.5e6), ("£3.5m", 3.5e6), ("£3.0m", 3e6),
                                                             ("£10.0m", 10e6))])
    assert [r for r, _, _ in found(told, cfg=cfg)] == ["arithmetic"]


def test_present_time_words_from_configuration() -> None:
    a = doc("a", C("In 2023 there were 32,952 social workers in post.", "32,952", 32952, "social workers in post",
                   time=("at", 2023)))
    b = doc("b", C("There are 32,952 social workers in post as things stand.", "32,952", 32952,
                   "social workers in post", time=("at", 2024), as_written="as things stand"))
    assert found(a, b) == []
    cfg = Config(lexicons={"present_time_words": ["as  things  stand"]})
    assert [r for r, _, _ in found(a, b, cfg=cfg)] == ["time-conflict"]


# ------------------------------------------------------------------------------------------ items
@pytest.mark.parametrize(("relation", "tclass"), [("at", "level"), ("by", "level"), ("to", "level"),
                                                  ("from", "level"), ("over", "over"), ("per", "per")])
def test_the_relation_class_of_a_time(relation: str, tclass: str) -> None:
    claim = _claim(time=ClaimTime.build(relation=relation, year=2022, as_written=None, resolved_against=None,
                                        relative=False))
    item = make_item(3, "d", "d.txt", claim, "80,000", Run().settings)
    assert item is not None and item.tclass == tclass


def test_an_item_keeps_what_a_finding_cites() -> None:
    st = Run().settings
    date = _claim(kind="date", value="2023-10", measure="start date", unit=None)
    item = make_item(3, "d", "d.txt", date, "October 2023", st)
    assert item is not None
    assert (item.seq, item.doc_id, item.path, item.text, item.family, item.tclass, item.currency) == (
        3, "d", "d.txt", "October 2023", "date", "date", "")
    assert (item.lo, item.hi, item.center, item.time, item.oneoff) == (2023 * 12 + 9, 2023 * 12 + 9,
                                                                      2023 * 12 + 9, None, None)
    year = make_item(4, "d", None, _claim(kind="year", value="2025/26", measure="deadline"), "2025-26", st)
    assert year is not None and year.center == (2025 * 12 + 3 + 2026 * 12 + 2) / 2
    assert make_item(1, "d", None, _claim(kind="date", value="--05-23", measure="deadline"), "23 May", st) is None
    assert make_item(1, "d", None, _claim(value="2026/27"), "2026/27", st) is None
    assert make_item(1, "d", None, _claim(measure="the"), "x", st) is None
    cash = make_item(1, "d", None, _claim(kind="money", unit="GBP per year", rate="year", value=5e9), "£5bn", st)
    assert cash is not None and (cash.currency, cash.family) == ("GBP", "money/year")
    count = make_item(1, "d", None, _claim(unit="GBP"), "80,000", st)
    assert count is not None and count.currency == ""
    starts = _claim(time=ClaimTime.build(relation="from", year=2015, as_written="in 2015", resolved_against=None,
                                         relative=False), link_role="from")
    assert make_item(1, "d", None, starts, "80,000", st).oneoff is None  # type: ignore[union-attr]
    assert make_item(1, "d", None, starts.updated(link_role="to"), "80,000", st).oneoff == "start"  # type: ignore[union-attr]


@pytest.mark.parametrize(("month", "expected"), [
    ((2026 * 12, 2026 * 12), (2026 * 12, 2026 * 12)),  # January: the first month of the year
    ((2026 * 12 + 11, 2026 * 12 + 11), (2026 * 12 + 11, 2026 * 12 + 11)),  # December: the last
    ((2027 * 12, 2027 * 12), (2026 * 12, 2026 * 12 + 11)),
])
def test_a_month_narrows_a_year_from_end_to_end(month: tuple[int, int], expected: tuple[int, int]) -> None:
    claim = _claim(time=ClaimTime.build(relation="by", year=2026, as_written="x", resolved_against=None,
                                        relative=False))
    item = make_item(1, "d", None, claim, "80,000", Run().settings, month=month)
    assert item is not None and item.time == expected
    over = claim.updated(time=claim.time.updated(relation="over"))
    assert make_item(1, "d", None, over, "80,000", Run().settings, month=month).time == year_span(2026)  # type: ignore[union-attr]


def test_a_claim_reference_carries_the_claim() -> None:
    claim = _claim(kind="money", unit="GBP", value=5e9, speaker=Speaker.build(name="LGA"), line=3, column=7,
                   start=40, end=44)
    item = make_item(1, "d", "docs/d.md", claim, "£5bn", Run().settings)
    assert item is not None
    r = ref(item)
    assert (r.doc_id, r.claim, r.start, r.end, r.line, r.column, r.path, r.text, r.sentence, r.value, r.unit,
            r.time, r.speaker) == ("d", "c1", 40, 44, 3, 7, "docs/d.md", "£5bn", claim.sentence, 5e9, "GBP",
                                   claim.time, "LGA")
    assert ref(item._replace(text="")).text == "GBP 5,000,000,000"
    assert ref(item._replace(claim=claim.updated(speaker=None))).speaker is None


@pytest.mark.parametrize(("kw", "text"), [
    ({"kind": "money", "unit": "GBP", "value": 2.5e9}, "GBP 2,500,000,000"),
    ({"kind": "money", "unit": None, "value": 2.5e9}, "2,500,000,000"),
    ({"kind": "percent", "unit": "%", "value": 37.5}, "37.5%"),
    ({"kind": "percent", "unit": None, "value": 37.0}, "37%"),
    ({"kind": "percent", "unit": "percentage points", "value": 0.4}, "0.4 percentage points"),
    ({"kind": "year", "value": "2026/27"}, "2026/27"),
    ({"kind": "count", "value": 1234567}, "1,234,567"),
])
def test_a_value_for_people(kw: dict[str, Any], text: str) -> None:
    assert value_text(_claim(**kw)) == text


def test_fingerprints_are_stable_across_versions() -> None:
    """A baseline written today must accept the same finding tomorrow: the fingerprint is a fixed function of
    the rule, measure and each side's document, text, value, time and sentence."""
    item = make_item(1, "d", None, _claim(sentence="There  are 80,000\nchildren in care."), "80,000", Run().settings)
    assert item is not None
    print_ = fingerprint("value-conflict", "children in care", [item])
    assert print_ == fingerprint("value-conflict", "children in care", [item._replace(seq=9, path="x")])
    assert print_ == fingerprint("value-conflict", "children in care", [item._replace(text="")])  # as its value
    assert print_ != fingerprint("value-conflict", "children in care", [item._replace(text="eighty thousand")])
    assert print_ != fingerprint("time-conflict", "children in care", [item])
    assert print_ == "bdae40418cfeacf0ab65"


# ------------------------------------------------------------------------------------ comparisons
def _item(value: float, text: str, currency: str = "GBP", doc_id: str = "a", **kw: Any) -> Any:
    claim = _claim(kind="money", unit=currency, value=value, **kw)
    got = make_item(1, doc_id, None, claim, text, Run().settings)
    assert got is not None
    return got


@pytest.mark.parametrize(("a", "b", "factor"), [
    ((2.6e6, "£2.6m"), (2.6e9, "£2.6bn"), 1e3),
    ((2.6e9, "£2.6bn"), (2.6e6, "£2.6m"), 1e3),
    ((2.6, "£2.6"), (2.6e6, "£2.6m"), 1e6),
    ((2.6, "£2.6"), (2.6e9, "£2.6bn"), 1e9),
    ((2.6e6, "£2.6m"), (2.9e9, "£2.9bn"), None),  # a thousand times, but another value
    ((2.0e6, "£2m"), (2.0e6, "£2m"), None),
    ((0.0, "£0"), (0.0, "£0bn"), None),
])
def test_scale_slips(a: tuple[float, str], b: tuple[float, str], factor: float | None) -> None:
    assert scale_slip(_item(*a), _item(*b)) == factor


def test_no_scale_slip_across_currencies_or_bounds() -> None:
    assert scale_slip(_item(2.6e6, "£2.6m"), _item(2.6e9, "$2.6bn", "USD")) is None
    assert scale_slip(_item(2.6e6, "£2.6m", bound="min"), _item(2.6e9, "£2.6bn")) is None
    assert scale_slip(_item(2.6e6, "£2.6m"), _item(2.6e9, "£2.6bn", bound="max")) is None


def test_same_figures_group_what_admits_each_other() -> None:
    year = ClaimTime.build(relation="by", year=2025, as_written=None, resolved_against=None, relative=False)
    later = year.updated(year=2032)
    a = _item(100e6, "£100m", time=year)
    b = _item(105e6, "£105m", time=later)  # 95-105 admits 105, and 104.5-105.5 admits... not 100
    c = _item(100e6, "£100m", time=later)
    d = _item(100e6, "$100m", "USD", time=later)
    assert [[i.claim.value for i in g] for g in same_figures([a, b, c, d])] == [[100e6, 100e6]]
    assert same_figures([a, a._replace(seq=2)]) == []  # one time: no time conflict
    edge = _item(95e6, "£95m", time=later)  # 94.5-95.5 admits nothing of 100, and 95-105 admits 95 only
    assert same_figures([a, edge]) == []


def test_magnitude_is_evidence_only_within_a_factor_of_two() -> None:
    def pair(small: float, big: float, family: str = "money") -> list[str]:
        a = doc("a", money(f"The deficit will be £{small:g}m in 2026.", f"£{small:g}m", small * 1e6, "deficit",
                           time=("at", 2026)))
        b = doc("b", money(f"The high needs deficit will be £{big:g}m in 2026.", f"£{big:g}m", big * 1e6,
                           "high needs deficit", time=("at", 2026)))
        return [r for r, _, _ in found(a, b)]

    assert pair(100, 200) == ["value-conflict"]  # exactly twice: still the same magnitude
    assert pair(100, 201) == []
    assert pair(0, 3) == []
    share = doc("a", pct("The share was 40% in 2026.", "40%", 40, "share", time=("at", 2026)))
    other = doc("b", pct("The share of councils was 45% in 2026.", "45%", 45, "share of councils",
                         time=("at", 2026)))
    assert found(share, other) == []  # shares are never matched on their values alone


def test_a_document_that_states_the_other_value_at_its_edge_tells_them_apart() -> None:
    s = "Profits were £300m by one count and £355m by another."
    both = doc("a", money(s, "£300m", 300e6, "profits"), money(s, "£355m", 355e6, "profits"))
    touching = doc("x", money("Profits were £354m last year.", "£354m", 354e6, "profits"))
    assert found(both, touching) == []  # £355m (354.5-355.5m) meets £354m (353.5-354.5m): 'a' states it too
    apart = doc("x", money("Profits were £353m last year.", "£353m", 353e6, "profits"))
    assert [r for r, _, _ in found(both, apart)] == ["value-conflict"]


def test_a_value_said_again_in_other_words_disagrees_as_the_first_does() -> None:
    """A document that gives one estimate twice ('nearly half a million ... 450,000') disagrees with another
    document's 350,000 in both; one that gives two different amounts (83,840 in care, 38,500 of them placed
    privately) is compared with another's 82,170 by the nearer one only."""
    s = "Scrapping the limit will lift nearly half a million children out of poverty, taking 450,000 out of it."
    twice = doc("a", C(s, "half a million", 500000, "children out of poverty", time=("by", None), approx=True),
                C(s, "450,000", 450000, "children out of poverty", time=("by", None)))
    other = doc("b", C("Scrapping it would lift 350,000 children out of poverty.", "350,000", 350000,
                       "children out of poverty", time=("by", None)))
    ((rule, _severity, cited),) = found(twice, other)
    assert rule == "value-conflict" and sorted(cited) == ["a:c1", "a:c2", "b:c1"]
    s2 = "There were 83,840 children in care, 38,500 of them placed by private providers."
    two = doc("a", C(s2, "83,840", 83840, "children in care"), C(s2, "38,500", 38500, "children in care"))
    near = doc("b", C("There were 82,170 children in care.", "82,170", 82170, "children in care"))
    ((rule, _severity, cited),) = found(two, near)
    assert sorted(cited) == ["a:c1", "b:c1"]


def test_a_self_contradiction_needs_both_values_in_the_document() -> None:
    s1 = "The reform money is £10.0bn over three years."
    own = doc("d", money(s1, "£10.0bn", 10e9, "reform money", time=("over", 2025)))
    other = doc("e", money("Reform money is £9.8bn over three years.", "£9.8bn", 9.8e9, "reform money",
                           time=("over", 2025)))
    assert [r for r, _, _ in found(own, other)] == ["value-conflict"]  # across documents: apart is apart
    close = doc("d", money(s1, "£10.0bn", 10e9, "reform money", time=("over", 2025)),
                money("The reform money is £9.0bn over three years.", "£9.0bn", 9e9, "reform money",
                      time=("over", 2025)))
    assert [r for r, _, _ in found(close)] == ["value-conflict"]  # exactly a tenth apart: close
    far = doc("d", money(s1, "£10.0bn", 10e9, "reform money", time=("over", 2025)),
              money("The reform money is £8.9bn over three years.", "£8.9bn", 8.9e9, "reform money",
                    time=("over", 2025)))
    assert found(far) == []
    same = doc("d", money(s1, "£10.0bn", 10e9, "reform money", time=("over", 2025)),
               money("The reform money is about £10.0bn.", "£10.0bn", 10e9, "reform money", time=("over", 2025),
                     approx=True))
    assert found(same) == []  # the same value, hedged once: no contradiction


def test_a_sweep_over_one_document_finds_nothing_and_over_two_their_extremes() -> None:
    many = [C(f"Line {k}: {1000 + k:,} children in care in 2022.", f"{1000 + k:,}", 1000 + k, "children in care")
            for k in range(70)]
    one = doc("one", *many)
    assert check([one]).findings == ()
    two = doc("two", C("There were 1,035 children in care in 2022.", "1,035", 1035, "children in care"))
    (finding,) = check([one, two]).findings
    cited = {(c.doc_id, c.text) for c in finding.claims}
    assert ("two", "1,035") in cited and ("one", "1,033") in cited and ("one", "1,037") in cited
    assert ("one", "1,034") not in cited and ("one", "1,036") not in cited  # they touch 1,035
    assert ("one", "1,035") not in cited  # agrees with the other document
    assert ("one", "1,000") not in cited  # 950-1,050 admits 1,035
    assert ("one", "1,030") not in cited and ("one", "1,040") not in cited  # they touch 1,035


def test_a_variant_cited_in_full_says_no_more() -> None:
    docs = [doc(f"d{k:02d}", C(f"Report {k}: about 100,000 children in care by {2025 + k % 2 * 7}.", "100,000",
                               100000, "children in care", time=("by", 2025 + k % 2 * 7), approx=True))
            for k in range(2 * MAX_CITED_PER_VARIANT)]
    (finding,) = check(docs).findings
    assert len(finding.claims) == 2 * MAX_CITED_PER_VARIANT and " more" not in finding.message
    plus_one = [*docs, doc("zz", C("About 100,000 children will be in care by 2032.", "100,000", 100000,
                                   "children in care", time=("by", 2032), approx=True))]
    (bigger,) = check(plus_one).findings
    assert "and 1 more" in bigger.message


# --------------------------------------------------------------------------------------- arithmetic
def _change(sentence: str, change: tuple[str, float, str, str], frm: tuple[str, float], to: tuple[str, float], *,
            kind: str = "money", direction: str | None = "up", ends: bool = True, measure: str | None = "spending",
            change_kind: str = "percent") -> Any:
    unit = {"money": "GBP", "percent": "%", "count": None}[kind]
    text, value, change_unit, _ = change
    claims = [C(sentence, frm[0], frm[1], measure, kind=kind, unit=unit, time=("from", 2012), link="c2",
                link_role="from"),
              C(sentence, to[0], to[1], measure, kind=kind, unit=unit, time=("to", 2022), link="c1",
                link_role="to"),
              C(sentence, text, value, measure, kind=change_kind, unit=change_unit, time=("over", 2022),
                aspect="change", direction=direction, ends=("c1", "c2") if ends else ())]
    return doc("a", *claims)


CHANGES = [
    pytest.param("Spending doubled from £6bn to £12.4bn.", ("doubled", 2.0, "times", ""), ("£6bn", 6e9),
                 ("£12.4bn", 12.4e9), {"change_kind": "ratio"}, [], id="doubled-right"),
    pytest.param("Spending tripled from £6.0bn to £12.0bn.", ("tripled", 3.0, "times", ""), ("£6.0bn", 6e9),
                 ("£12.0bn", 12e9), {"change_kind": "ratio", "direction": "down"}, ["arithmetic"],
                 id="tripled-wrong-whatever-the-direction"),
    pytest.param("Spending rose by £2.0bn from £6.0bn to £8.0bn.", ("£2.0bn", 2e9, "GBP", ""), ("£6.0bn", 6e9),
                 ("£8.0bn", 8e9), {"change_kind": "money"}, [], id="a-difference-right"),
    pytest.param("Spending rose by £3.0bn from £6.0bn to £8.0bn.", ("£3.0bn", 3e9, "GBP", ""), ("£6.0bn", 6e9),
                 ("£8.0bn", 8e9), {"change_kind": "money"}, ["arithmetic"], id="a-difference-wrong"),
    pytest.param("Spending changed by 50% from £1.2bn to £0.6bn.", ("50%", 50, "%", ""), ("£1.2bn", 1.2e9),
                 ("£0.6bn", 0.6e9), {"direction": None}, [], id="a-size-without-direction"),
    pytest.param("Spending changed by 20% from £1.2bn to £0.6bn.", ("20%", 20, "%", ""), ("£1.2bn", 1.2e9),
                 ("£0.6bn", 0.6e9), {"direction": None}, ["arithmetic"], id="a-wrong-size-without-direction"),
    pytest.param("Spending fell by 50% from £1.2bn to £0.6bn.", ("50%", 50, "%", ""), ("£1.2bn", 1.2e9),
                 ("£0.6bn", 0.6e9), {"direction": "down", "ends": False}, [], id="ends-from-the-sentence"),
    pytest.param("Spending fell by 20% from £1.2bn to £0.6bn.", ("20%", 20, "%", ""), ("£1.2bn", 1.2e9),
                 ("£0.6bn", 0.6e9), {"direction": "down", "ends": False}, ["arithmetic"],
                 id="wrong-with-ends-from-the-sentence"),
    pytest.param("The rate rose by 2 percentage points from 17% to 19%.", ("2 percentage points", 2,
                 "percentage points", ""), ("17%", 17), ("19%", 19), {"kind": "percent"}, [], id="points-right"),
    pytest.param("The rate rose 5.0% from 10.0% to 12.0%.", ("5.0%", 5.0, "%", ""), ("10.0%", 10), ("12.0%", 12),
                 {"kind": "percent"}, ["arithmetic"], id="a-relative-change-of-a-share"),
    pytest.param("Spending rose by 50% from £0.0bn to £8.2bn.", ("50%", 50, "%", ""), ("£0.0bn", 0.0),
                 ("£8.2bn", 8.2e9), {}, [], id="no-change-relative-to-nothing"),
    pytest.param("Spending rose by 20 from 100 to 150.", ("20", 20, None, ""), ("100", 100), ("150", 150),
                 {"kind": "count", "change_kind": "count"}, ["arithmetic"], id="a-count-difference"),
]


@pytest.mark.parametrize(("sentence", "change", "frm", "to", "kw", "expected"), CHANGES)
def test_more_stated_changes(sentence: str, change: tuple[str, float, str, str], frm: tuple[str, float],
                             to: tuple[str, float], kw: dict[str, Any], expected: list[str]) -> None:
    assert [r for r, _, _ in found(_change(sentence, change, frm, to, **kw))] == expected


def test_a_change_between_ends_of_other_kinds_is_not_checked() -> None:
    s = "Spending rose by 50% from £6.1bn to 8,200 places."
    d = doc("a", C(s, "£6.1bn", 6.1e9, "spending", kind="money", unit="GBP", link="c2", link_role="from"),
            C(s, "8,200", 8200, "spending", kind="count", link="c1", link_role="to"),
            pct(s, "50%", 50, "spending", aspect="change", direction="up", ends=("c1", "c2")))
    assert found(d) == []
    t = "Spending rose by 50% from £6.1bn to £8.2bn."
    changes = doc("b", C(t, "£6.1bn", 6.1e9, "spending", kind="money", unit="GBP", aspect="change"),
                  C(t, "£8.2bn", 8.2e9, "spending", kind="money", unit="GBP", aspect="change"),
                  pct(t, "50%", 50, "spending", aspect="change", direction="up", ends=("c1", "c2")))
    assert found(changes) == []
    first_level = doc("c", C(t, "£6.1bn", 6.1e9, "spending", kind="money", unit="GBP"),
                      C(t, "£8.2bn", 8.2e9, "spending", kind="money", unit="GBP", aspect="change"),
                      pct(t, "50%", 50, "spending", aspect="change", direction="up", ends=("c1", "c2")))
    assert found(first_level) == []
    missing = doc("e", pct(t, "50%", 50, "spending", aspect="change", direction="up", ends=("c7", "c8")))
    assert found(missing) == []


def test_a_sentence_with_two_changes_or_two_pairs_is_not_guessed() -> None:
    s = "Spending rose 50% from £6.1bn to £8.2bn, and 20% from £1.1bn to £1.3bn."
    d = doc("a", money(s, "£6.1bn", 6.1e9, "spending", link="c2", link_role="from"),
            money(s, "£8.2bn", 8.2e9, "spending", link="c1", link_role="to"),
            money(s, "£1.1bn", 1.1e9, "spending", link="c4", link_role="from"),
            money(s, "£1.3bn", 1.3e9, "spending", link="c3", link_role="to"),
            pct(s, "50%", 50, "spending", aspect="change", direction="up"))
    assert found(d) == []  # one change, two pairs of ends
    two = doc("b", money(s, "£6.1bn", 6.1e9, "spending", link="c2", link_role="from"),
              money(s, "£8.2bn", 8.2e9, "spending", link="c1", link_role="to"),
              pct(s, "50%", 50, "spending", aspect="change", direction="up"),
              pct(s, "20%", 20, "spending", aspect="change", direction="up"))
    assert found(two) == []


def test_an_arithmetic_finding_names_a_measure_even_without_one() -> None:
    d = _change("Spending rose by 50% from £6.1bn to £8.2bn.", ("50%", 50, "%", ""), ("£6.1bn", 6.1e9),
                ("£8.2bn", 8.2e9), measure=None)
    (finding,) = check([d]).findings
    assert finding.measure == "-" and finding.message.startswith("change: stated a rise of 50% but £6.1bn")
    assert [r.text for r in finding.claims] == ["50%", "£6.1bn", "£8.2bn"]
    assert [r.doc_id for r in finding.claims] == ["a", "a", "a"]


def test_parts_need_a_total_of_the_same_kind_and_no_bounds() -> None:
    s = "The fund totals £10.0m: £4.5m for schools, £3.5m for councils and £3.0m for charities."
    figs = (("£10.0m", 10e6), ("£4.5m", 4.5e6), ("£3.5m", 3.5e6), ("£3.0m", 3e6))
    assert [r for r, _, _ in found(doc("a", *[money(s, f, v, None) for f, v in figs]))] == ["arithmetic"]
    bounded = [money(s, f, v, None, bound="max" if f == "£3.0m" else None) for f, v in figs]
    assert found(doc("b", *bounded)) == []  # with 'up to £3.0m' among the parts, the sum is open
    total_bounded = [money(s, f, v, None, bound="min" if f == "£10.0m" else None) for f, v in figs]
    assert found(doc("c", *total_bounded)) == []
    dollars = [money(s, f, v, None, unit="USD" if f == "£3.0m" else "GBP") for f, v in figs]
    assert found(doc("d", *dollars)) == [("arithmetic", "error", ["d:c1", "d:c2", "d:c3"])]  # the pounds only
    changed = [money(s, f, v, None, aspect="change" if f == "£10.0m" else "level") for f, v in figs]
    assert found(doc("e", *changed)) == []
    two = doc("f", money("The fund totals £10.0m: £4.5m for schools.", "£10.0m", 10e6, None),
              money("The fund totals £10.0m: £4.5m for schools.", "£4.5m", 4.5e6, None))
    assert found(two) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Councils will spend £45m a year and a total of £180m over three years.", ["arithmetic"]),
    ("Councils will spend £45m a year, and up to £180m over three years.", []),  # a bound is no total
    ("Councils will spend £45m a year, and £180m over three years and two decades.", []),  # two periods
])
def test_rates_and_totals(sentence: str, expected: list[str]) -> None:
    rate = money(sentence, "£45m", 45e6, "annual cost", rate="year", unit="GBP per year", time=("per", None))
    total = money(sentence, "£180m", 180e6, "cost", time=("over", 2026),
                  bound="max" if "up to" in sentence else None)
    periods = [(sentence, "three years", 3.0, "years")]
    if "two decades" in sentence:
        periods.append((sentence, "two decades", 20.0, "years"))
    assert [r for r, _, _ in found(doc("a", rate, total, extra_figures=tuple(periods)))] == expected


def test_a_rate_and_a_total_of_different_measures_or_units_are_not_multiplied() -> None:
    s = "Councils spend £45m a year on roads, and £180m over three years on parks."
    rate = money(s, "£45m", 45e6, "annual roads spending", rate="year", unit="GBP per year", time=("per", None))
    total = money(s, "£180m", 180e6, "parks spending", time=("over", 2026))
    period = ((s, "three years", 3.0, "years"),)
    assert found(doc("a", rate, total, extra_figures=period)) == []
    count_rate = C(s, "£45m", 45, "annual cost", kind="count", rate="year", time=("per", None))
    cost = money(s, "£180m", 180e6, "cost", time=("over", 2026))
    assert found(doc("b", count_rate, cost, extra_figures=period)) == []
    fortnights = (s, "three years", 3.0, "fortnights")
    assert found(doc("d", money(s, "£45m", 45e6, "annual cost", rate="year", unit="GBP per year",
                                time=("per", None)), money(s, "£180m", 180e6, "cost", time=("over", 2026)),
                     extra_figures=(fortnights,))) == []  # a period in an unknown unit is not used


# ------------------------------------------------------------------------------------------ reports
def test_finish_counts_every_suppressed_and_baselined_finding() -> None:
    a, b = doc("a", CARE_A), doc("b", CARE_B)
    c = doc("c", C("There were 60,000 children in care in England in 2022.", "60,000", 60000, "children in care"))
    (f,) = check([a, b]).findings
    (g,) = check([a, c]).findings
    run = new_run()
    run.findings.extend([g, f])
    hidden = a.updated(suppressions=(Suppression.build(rules=("value-conflict",), start=0, end=500),))
    assert finish(run, {"a": hidden}, None, 3, 3).suppressed == 2
    assert finish(run, {}, {f.fingerprint, g.fingerprint}, 3, 3).baselined == 2
    edge = a.updated(suppressions=(Suppression.build(rules=(), start=a.claims[0].start, end=a.claims[0].start + 1),))
    assert finish(run, {"a": edge}, None, 3, 3).suppressed == 2  # the region holds the figure's first character
    before = a.updated(suppressions=(Suppression.build(rules=(), start=0, end=a.claims[0].start),))
    assert finish(run, {"a": before}, None, 3, 3).suppressed == 0
    other_rule = a.updated(suppressions=(Suppression.build(rules=("arithmetic",), start=0, end=500),
                                         Suppression.build(rules=(), start=0, end=500)))
    assert finish(run, {"a": other_rule}, None, 3, 3).suppressed == 2  # the second comment still applies
    ordered = finish(run, {}, None, 3, 3)  # the same rule and place: by fingerprint
    assert [x.fingerprint for x in ordered.findings] == sorted([f.fingerprint, g.fingerprint])


def test_agreements_are_sorted_by_measure_then_place() -> None:
    def agree(doc_id: str, measure: str, start: str = "") -> Any:
        return doc(doc_id, C(f"{start}In 2022 there were 80,000 {measure}.", "80,000", 80000, measure))

    report = check([agree("b", "foster carers"), agree("a", "foster carers", "So "), agree("c", "children in care"),
                    agree("d", "children in care")], show_agreements=True)
    assert [(f.measure, [r.doc_id for r in f.claims]) for f in report.agreements] == [
        ("children in care", ["c", "d"]), ("foster carers", ["b", "a"])]


def test_a_report_counts_documents_and_claims() -> None:
    report = check([doc("a", CARE_A, CARE_B), doc("b", CARE_B)])
    assert (report.documents, report.claims) == (2, 3)


def test_a_crashing_document_rule_names_the_document() -> None:
    def boom(run: Any, d: Any) -> None:
        raise ValueError("bad")

    register(Rule(id="doc-boom", severity="note", name="DocBoom", summary="s", description="d", help="h",
                  scope="document", function=boom))
    try:
        report = check([doc("a", CARE_A), doc("b", CARE_B)])
        quiet = check([doc("a", CARE_A)], config=parse({"disable": ["doc-boom"]}))
    finally:
        unregister("doc-boom")
    assert report.errors == ("checker: internal error in a: doc-boom: ValueError: bad",
                             "checker: internal error in b: doc-boom: ValueError: bad")
    assert quiet.errors == ()


def test_every_measure_group_of_a_block_is_checked() -> None:
    docs = [doc("a", C("There were 12,000 social workers in post in 2022.", "12,000", 12000, "social workers in post"),
                C("There were 5,000 agency social workers in 2022.", "5,000", 5000, "agency social workers")),
            doc("b", C("There were 9,000 social workers in post in 2022.", "9,000", 9000, "social workers in post"),
                C("There were 7,000 agency social workers in 2022.", "7,000", 7000, "agency social workers"))]
    assert sorted(f.measure for f in check(docs).findings) == ["agency social workers", "social workers in post"]
    single = doc("c", C("There were 3,000 unique workers in 2022.", "3,000", 3000, "unique workers"))
    assert [f.measure for f in check([*docs, single]).findings].count("unique workers") == 0
    cfg = Config(severity={"value-conflict": "warning"})
    assert {f.severity for f in check(docs, cfg).findings} == {"warning"}
    assert Run(cfg).cfg is cfg and Run().cfg == Config()


ARITHMETIC_EDGES = [
    pytest.param("Spending halved from £6.0bn to £3.0bn.", ("halved", 0.5, "times", ""), ("£6.0bn", 6e9),
                 ("£3.0bn", 3e9), {"change_kind": "ratio", "direction": "down"}, [], id="halved-is-a-multiple-down"),
    pytest.param("Spending fell by 50% from £1.0bn to £1.1bn.", ("50%", 50, "%", ""), ("£1.0bn", 1e9),
                 ("£1.1bn", 1.1e9), {"direction": "down"}, ["arithmetic"], id="a-fall-that-was-a-rise"),
    pytest.param("Spending changed by 0% from £1.0bn to £1.0bn.", ("0%", 0, "%", ""), ("£1.0bn", 1e9),
                 ("£1.0bn", 1e9), {"direction": None}, [], id="no-change"),
    pytest.param("Spending rose by £2bn as the share went from 17% to 19%.", ("£2bn", 2e9, "GBP", ""), ("17%", 17),
                 ("19%", 19), {"kind": "percent", "change_kind": "money"}, [], id="pounds-between-shares"),
    pytest.param("The rate rose by 2 points from 17% to 19%.", ("2 points", 2, "percentage points", ""),
                 ("17%", 17), ("19%", 19), {"kind": "percent", "direction": "down"}, ["arithmetic"],
                 id="points-the-wrong-way"),
]


@pytest.mark.parametrize(("sentence", "change", "frm", "to", "kw", "expected"), ARITHMETIC_EDGES)
def test_stated_changes_at_their_edges(sentence: str, change: tuple[str, float, str, str], frm: tuple[str, float],
                                       to: tuple[str, float], kw: dict[str, Any], expected: list[str]) -> None:
    assert [r for r, _, _ in found(_change(sentence, change, frm, to, **kw))] == expected


def test_arithmetic_tolerance_from_configuration() -> None:
    d = _change("Spending rose by 40% from £6.1bn to £8.2bn.", ("40%", 40, "%", ""), ("£6.1bn", 6.1e9),
                ("£8.2bn", 8.2e9))
    assert [r for r, _, _ in found(d)] == ["arithmetic"]  # 32.5-36.4% against 39.5-40.5%
    assert found(d, cfg=parse({"tolerance": {"arithmetic": 0.1}})) == []  # widened by 4 points
    s = "The fund totals £10.0m: £4.5m for schools, £3.5m for councils and £2.8m for charities."
    parts = doc("p", *[money(s, f, v, None) for f, v in (("£10.0m", 10e6), ("£4.5m", 4.5e6), ("£3.5m", 3.5e6),
                                                         ("£2.8m", 2.8e6))])
    assert [r for r, _, _ in found(parts)] == ["arithmetic"]  # 10.65-10.95 against 9.95-10.05
    assert found(parts, cfg=parse({"tolerance": {"arithmetic": 0.1}})) == []


def test_parts_that_touch_their_total_are_no_finding() -> None:
    s = "The fund totals £10m: £4.5m for schools, £3.5m for councils and £2.3m for charities."
    # parts 4.45 + 3.45 + 2.25 = 10.15 at least... and the total 9.5-10.5: they meet
    parts = doc("p", *[money(s, f, v, None) for f, v in (("£10m", 10e6), ("£4.5m", 4.5e6), ("£3.5m", 3.5e6),
                                                         ("£2.3m", 2.3e6))])
    assert found(parts) == []
    t = "The fund totals £10m: £4.7m for schools, £3.7m for councils and £2.75m for charities."
    touching = doc("t", *[money(t, f, v, None) for f, v in (("£10m", 10e6), ("£4.7m", 4.7e6), ("£3.7m", 3.7e6),
                                                            ("£2.75m", 2.75e6))])
    # 4.65 + 3.65 + 2.745 = 11.045 > 10.5: apart; one hundredth less and they would touch
    assert [r for r, _, _ in found(touching)] == ["arithmetic"]
    u = "The fund totals £10m: £4.65m for schools, £3.65m for councils and £2.705m for charities."
    edge = doc("u", *[money(u, f, v, None) for f, v in (("£10m", 10e6), ("£4.65m", 4.65e6), ("£3.65m", 3.65e6),
                                                        ("£2.705m", 2.705e6))])
    # 4.645 + 3.645 + 2.7045 = 10.9945 > 10.5 still; the touching case is the sum's lower end at 10.5
    assert [r for r, _, _ in found(edge)] == ["arithmetic"]


def test_a_change_names_its_ends_measure_when_it_has_none() -> None:
    s = "It rose by 50% from £6.1bn to £8.2bn."
    d = doc("a", money(s, "£6.1bn", 6.1e9, "spending", link="c2", link_role="from"),
            money(s, "£8.2bn", 8.2e9, "spending", link="c1", link_role="to"),
            pct(s, "50%", 50, None, aspect="change", direction="up", ends=("c1", "c2")))
    (finding,) = check([d]).findings
    assert finding.measure == "spending" and finding.message.startswith("spending: stated a rise of 50%")


@pytest.mark.parametrize(("sentence", "rate", "total", "period", "expected"), [
    ("Councils will train 2,100 social workers a year over five years, a total of 12,000.",
     ("2,100", 2100.0), ("12,000", 12000.0), ("five years", 5.0), ["arithmetic"]),
    ("Councils will train 2,100 social workers a year over five years, a total of 10,500.",
     ("2,100", 2100.0), ("10,500", 10500.0), ("five years", 5.0), []),
])
def test_a_count_rate_times_its_period(sentence: str, rate: tuple[str, float], total: tuple[str, float],
                                       period: tuple[str, float], expected: list[str]) -> None:
    d = doc("a", C(sentence, rate[0], rate[1], "annual training places", rate="year", time=("per", None)),
            C(sentence, total[0], total[1], "training places", time=("over", 2030)),
            extra_figures=((sentence, period[0], period[1], "years"),))
    assert [r for r, _, _ in found(d)] == expected


def test_a_linked_figure_or_a_change_is_no_total_of_a_rate() -> None:
    s = "The council will spend £45m a year over three years, up from £180m."
    rate = money(s, "£45m", 45e6, "annual cost", rate="year", unit="GBP per year", time=("per", None))
    period = ((s, "three years", 3.0, "years"),)
    linked = money(s, "£180m", 180e6, "cost", time=("over", 2026), link="c9", link_role="from")
    assert found(doc("a", rate, linked, extra_figures=period)) == []
    change = money(s, "£180m", 180e6, "cost", time=("over", 2026), aspect="change")
    assert found(doc("b", rate, change, extra_figures=period)) == []
    changed_rate = money(s, "£45m", 45e6, "annual cost", rate="year", unit="GBP per year", time=("per", None),
                         aspect="change")
    total = money(s, "£180m", 180e6, "cost", time=("over", 2026))
    assert found(doc("c", changed_rate, total, extra_figures=period)) == []
    measureless = money(s, "£180m", 180e6, None, time=("over", 2026))
    assert found(doc("d", rate, measureless, extra_figures=period)) == []  # no cue, no measure: not its total
    at = money(s, "£180m", 180e6, "cost", time=("at", 2026))
    assert found(doc("e", rate, at, extra_figures=period)) == []  # not accumulated over a period


def test_currencies_at_two_times_are_each_reported() -> None:
    a = doc("a", money("The fund was £5bn in 2023.", "£5bn", 5e9, "reform fund", time=("at", 2023)),
            money("The fund was £7bn in 2024.", "£7bn", 7e9, "reform fund", time=("at", 2024)))
    b = doc("b", money("The fund was $7bn in 2024.", "$7bn", 7e9, "reform fund", unit="USD", time=("at", 2024)),
            money("The fund was €6bn in 2025.", "€6bn", 6e9, "reform fund", unit="EUR", time=("at", 2025)))
    assert found(a, b) == [("unit-scale", "warning", ["a:c2", "b:c1"])]
    undated = doc("c", money("The fund is $5bn.", "$5bn", 5e9, "reform fund", unit="USD", time=("at", None)))
    assert found(a, undated) == []  # no time stated: no comparison of currencies


def test_findings_cite_the_line_and_column_of_each_figure() -> None:
    """Columns count characters from the start of the figure's own line (1-based), on every line."""
    a = caresocial.extract("Care report\n\nThere were 82,170 children in care in England in 2022.", doc_id="a",
                           date=date(2023, 1, 1))
    b = caresocial.extract("There were 70,000 children in care in England in 2022.", doc_id="b",
                           date=date(2023, 1, 1))
    assert [(c.line, c.column) for c in a.claims if c.value == 82170] == [(3, 12)]
    assert [(c.line, c.column) for c in b.claims if c.value == 70000] == [(1, 12)]
    report = caresocial.check([a, b])
    assert sorted((r.doc_id, r.line, r.column) for f in report.findings for r in f.claims) == [
        ("a", 3, 12), ("b", 1, 12)]
