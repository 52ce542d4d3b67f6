"""The checker's building blocks, each stated in words: what a written figure admits, when a claim holds,
what a measure phrase is about, how sure a match is, and how the rule registry behaves.

These tables are also what the mutation run (``mutmut run``, see docs/testing.md) leans on: each row pins one
behaviour, so that a changed comparison or constant in the checker fails a row that says why it matters.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

import caresocial
from caresocial.config import Config, parse
from caresocial.consistency.arithmetic import actual_change
from caresocial.consistency.caching import clear_caches
from caresocial.consistency.items import describe_time, describe_value, family_of, has_measure, make_item, oneoff_of
from caresocial.consistency.measures import (
    LIKELY,
    NONE,
    POSSIBLE,
    SURE,
    cluster,
    flow_measure,
    signature,
    singular,
    strength,
    why,
    words_strength,
)
from caresocial.consistency.rules import Rule, default_severity, get_rule, register, rule_ids, unregister
from caresocial.consistency.run import MeasureGroup, Run
from caresocial.consistency.values import (
    date_span,
    hedge_direction,
    number_in,
    overlaps,
    same_time,
    span_text,
    value_interval,
    written_half_width,
    year_span,
)
from caresocial.lexicons import Lexicons
from caresocial.models import ClaimTime, Speaker

from .conftest import make_claim as _claim

LEX = Lexicons.default()
# the built-in tables without measure synonyms: what a phrase's own words make of it
PLAIN = Lexicons({n: LEX.rows(n) for n in LEX.names() if n != "measure_synonyms"})


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Every test computes what it checks (the checker's memo tables start empty)."""
    clear_caches()



# ---------------------------------------------------------------------------------- written precision
@pytest.mark.parametrize(("text", "expected"), [
    ("£6bn", (6.0, 0, 0)),
    ("7,600", (7600.0, 0, 2)),
    ("4.45 million", (4.45, 2, 0)),
    ("£2,600m", (2600.0, 0, 2)),
    ("0", (0.0, 0, 0)),
    ("up 0.50%", (0.5, 2, 0)),
    ("half a million", None),
])
def test_the_number_written_in_digits(text: str, expected: tuple[float, int, int] | None) -> None:
    assert number_in(text) == expected


@pytest.mark.parametrize(("text", "value", "kind", "unit", "half"), [
    ("£6bn", 6e9, "money", "GBP", 0.5e9),  # the guidelines' own example: 5.5-6.5bn
    ("£4.6bn", 4.6e9, "money", "GBP", 0.05e9),
    ("£5.95bn", 5.95e9, "money", "GBP", 0.005e9),
    ("7,600", 7600, "count", None, 50),  # trailing zeros are rounding
    ("6,520", 6520, "count", None, 5),
    ("32,952", 32952, "count", None, 0.5),
    ("£300m", 300e6, "money", "GBP", 50e6),
    ("100,000", 100000, "count", None, 5000),  # a lone leading 1 keeps one more figure
    ("£10bn", 10e9, "money", "GBP", 0.5e9),
    ("£1bn", 1e9, "money", "GBP", 0.5e9),
    ("23%", 23, "percent", "%", 0.5),
    ("20%", 20, "percent", "%", 0.5),  # whole percentages are to the point, not to the ten
    ("2.7 per cent", 2.7, "percent", "%", 0.05),
    ("0.4 percentage points", 0.4, "percent", "percentage points", 0.05),
    ("4.5 million", 4.5e6, "count", None, 0.05e6),
    ("four in 10", 40, "percent", "%", 5),  # 3.5 to 4.5 in 10
    ("1 in 8", 12.5, "percent", "%", (1 / 7.5 - 1 / 8.5) / 2 * 100),  # 1 in 7.5 to 1 in 8.5
    ("half a million", 500000, "count", None, 50000),  # words: a tenth of the value
    ("a third", 33.33, "percent", "%", 3.333),
    ("Twenty-six", 26, "count", None, 0.5),  # a whole count in words is exact
    ("", 5000.0, "count", None, 500),  # no figure text: the value read as if written
    ("", 12.25, "count", None, 0.005),
])
def test_the_half_width_a_figure_is_written_to(text: str, value: float, kind: str, unit: str | None,
                                               half: float) -> None:
    assert written_half_width(text, value, kind, unit) == pytest.approx(half)


def test_an_infinite_value_has_no_width() -> None:
    assert written_half_width("£1bn", math.inf, "money", "GBP") == 0.0


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({}, (95.0, 105.0)),
    ({"approx": True, "direction": "around"}, (85.0, 115.0)),  # a hedge widens both sides by 10%
    ({"approx": True, "direction": "below"}, (85.0, 105.0)),  # 'nearly' leaves only the lower side open
    ({"bound": "min"}, (95.0, math.inf)),
    ({"bound": "max"}, (-math.inf, 105.0)),
    ({"relative": 0.1}, (85.0, 115.0)),
    ({"points": 2.0}, (93.0, 107.0)),
])
def test_the_interval_a_figure_admits(kwargs: dict, expected: tuple[float, float]) -> None:
    args = {"approx": False, "direction": "around", "bound": None, "hedge": 0.1, **kwargs}
    assert value_interval(100.0, 5.0, **args) == pytest.approx(expected)


@pytest.mark.parametrize(("before", "direction"), [
    ("The government said nearly ", "below"),
    ("there will be approaching ", "below"),
    ("Almost ", "below"),
    ("could rise to just under ", "below"),
    ("there could be close to ", "around"),
    ("around ", "around"),
    ("the IFS said some ", "around"),
    ("the wholesome ", "around"),  # 'some' inside a word is no hedge
    ("", "around"),
])
def test_which_side_a_hedge_leaves_open(before: str, direction: str) -> None:
    assert hedge_direction(before, LEX) == direction


# ---------------------------------------------------------------------------------------- time
@pytest.mark.parametrize(("year", "span"), [
    (2023, (2023 * 12, 2023 * 12 + 11)),
    ("2023", (2023 * 12, 2023 * 12 + 11)),
    ("2026/27", (2026 * 12 + 3, 2027 * 12 + 2)),  # April 2026 to March 2027
    ("2008/09", (2008 * 12 + 3, 2009 * 12 + 2)),
    ("1999/00", (1999 * 12 + 3, 2000 * 12 + 2)),
    ("2022/25", (2022 * 12 + 3, 2025 * 12 + 2)),  # a three-year period
    ("2024/2025", (2024 * 12 + 3, 2025 * 12 + 2)),
    ("2025/25", (2025 * 12, 2025 * 12 + 11)),
    (None, None),
    (True, None),
    ("next year", None),
])
def test_the_months_a_year_holds(year: int | str | None, span: tuple[int, int] | None) -> None:
    assert year_span(year) == span


@pytest.mark.parametrize(("value", "span"), [
    ("2023-10", (2023 * 12 + 9, 2023 * 12 + 9)),
    ("2023-10-01", (2023 * 12 + 9, 2023 * 12 + 9)),
    ("2026-03", (2026 * 12 + 2, 2026 * 12 + 2)),
    (2025, (2025 * 12, 2025 * 12 + 11)),
    (2025.0, (2025 * 12, 2025 * 12 + 11)),
    ("2027/28", (2027 * 12 + 3, 2028 * 12 + 2)),
    ("--05-23", None),  # a day and month with no year
    (25, None),
    (None, None),
])
def test_the_months_a_date_stands_for(value: int | str | float | None, span: tuple[int, int] | None) -> None:
    assert date_span(value) == span


@pytest.mark.parametrize(("a", "b", "same"), [
    ("2026/27", "2026/27", True),
    ("2025/26", 2026, True),  # a financial year and the calendar year it ends in
    (2026, "2025/26", True),
    ("2022/23", 2022, False),  # ... not the year it starts in
    (2022, 2023, False),
    ("2022/25", 2025, True),
    ("2022/25", "2023/24", True),  # one holds the other
])
def test_when_two_times_may_be_the_same(a: int | str, b: int | str, same: bool) -> None:
    assert same_time(year_span(a), year_span(b)) is same  # type: ignore[arg-type]


def test_a_month_inside_a_year_is_the_same_time() -> None:
    assert same_time(date_span("2026-03"), year_span("2025/26"))  # type: ignore[arg-type]
    assert same_time(date_span("2026-03"), year_span(2026))  # type: ignore[arg-type]
    assert not same_time(date_span("2026-04"), year_span("2025/26"))  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "b", "overlap"), [
    ((10, 20), (20, 30), True), ((10, 20), (21, 30), False), ((10, 20), (0, 9), False), ((10, 20), (12, 13), True),
])
def test_overlapping_months(a: tuple[int, int], b: tuple[int, int], overlap: bool) -> None:
    assert overlaps(a, b) is overlap and overlaps(b, a) is overlap


@pytest.mark.parametrize(("span", "text"), [
    ((2023 * 12, 2023 * 12 + 11), "2023"),
    ((2023 * 12 + 9, 2023 * 12 + 9), "Oct 2023"),
    ((2026 * 12 + 3, 2027 * 12 + 2), "Apr 2026 - Mar 2027"),
])
def test_months_for_people(span: tuple[int, int], text: str) -> None:
    assert span_text(span) == text


def test_financial_years_keep_their_zero_padding() -> None:
    """A financial year is written '2008/09' everywhere the checker reads one: as a figure, as a claim's time,
    and when a relative phrase moves it ('the year before' a 2009/10 figure)."""
    from caresocial.extraction.times import shift_year

    doc = caresocial.extract("Councils spent £2bn on social care in 2008-09.", doc_id="a",
                             date=date(2010, 1, 1))
    assert [f.value for f in doc.figures if f.kind == "year"] == ["2008/09"]
    assert [c.time.year for c in doc.claims] == ["2008/09"]
    assert shift_year("2009/10", -1) == "2008/09"
    assert shift_year("2000/01", -1) == "1999/00"


# ------------------------------------------------------------------------------------------- measures
@pytest.mark.parametrize(("measure", "head", "words"), [
    ("children in care", "children", {"care"}),
    ("national cumulative high needs (DSG) deficit", "deficit", {"national", "high", "need", "dsg"}),
    ("children lifted out of poverty by scrapping the two-child limit", "children",
     {"out", "poverty", "scrapping", "two", "child", "limit"}),  # 'out' is no 'in'; 'lifted' is what happened
    ("children pulled into poverty", "children", {"into", "poverty"}),
    ("councils facing insolvency", "council", {"insolvency"}),
    ("social care spending", "spending", {"social", "care"}),
    ("the number of children in care", "children", {"care"}),
    ("increase in agency social workers", "worker", {"agency", "social"}),  # the generic head hands over
    ("share of councils at risk", "share", {"council", "risk"}),
    ("Looked-after children's placements", "placement", {"looked", "children"}),
    ("annual cost", "cost", {"annual"}),
])
def test_what_a_measure_phrase_is_about(measure: str, head: str, words: set[str]) -> None:
    sig = signature(measure, PLAIN)
    assert sig is not None and (sig.head, set(sig.words)) == (head, words)


@pytest.mark.parametrize(("a", "b", "link"), [
    ("children lifted out of poverty", "children out of poverty", LIKELY),  # a participle: likely, not sure
    ("adults needing care", "adults receiving care", LIKELY),
    ("children out of poverty", "children out of poverty", SURE),
    ("children out of poverty", "children in poverty", NONE),  # out of is not in
    ("children pulled into poverty", "children lifted out of poverty", NONE),
])
def test_participles_after_the_head_only_lower_the_sureness(a: str, b: str, link: int) -> None:
    sa, sb = signature(a, LEX), signature(b, LEX)
    assert sa is not None and sb is not None and strength(sa, sb) == link
    if link == LIKELY:
        assert "participle" in why(sa, sb)


@pytest.mark.parametrize(("measure", "key", "head", "words"), [
    # a synonym phrase is read as one unit: its prepositions do not end the noun the phrase is about
    ("Looked-after children's placements", "children in care placements", "placement", {"children", "care"}),
    ("looked after children in England", "children in care in england", "children", {"care", "england"}),
    ("the number of children looked after", "the number of children in care", "children", {"care"}),
    ("national cumulative high needs (DSG) deficit", "national cumulative high needs high needs deficit",
     "deficit", {"national", "high", "need"}),
    ("agency social workers", "agency workers", "worker", {"agency"}),
])
def test_a_synonym_phrase_keeps_the_noun_the_measure_is_about(measure: str, key: str, head: str,
                                                              words: set[str]) -> None:
    sig = signature(measure, LEX)
    assert sig is not None and (sig.key, sig.head, set(sig.words)) == (key, head, words)


@pytest.mark.parametrize(("measure", "direction", "flow"), [
    ("change in children in poverty", "down", "children taken out of poverty"),
    ("change in children in relative poverty", "up", "children brought into relative poverty"),
    ("change in families in temporary accommodation", "down", "families taken out of temporary accommodation"),
    ("change in children in poverty", None, None),  # no direction stated
    ("children in poverty", "down", None),  # a level
    ("change in spending on care", "down", None),  # no state the counted are in
    ("change in share of children in poverty", "down", None),  # ('of': not a plain noun)
    ("change in children in care in england", "down", None),  # two places: which is the state is unclear
])
def test_a_change_in_those_in_a_state_as_those_it_moves(measure: str, direction: str | None,
                                                       flow: str | None) -> None:
    assert flow_measure(measure, direction) == flow


@pytest.mark.parametrize(("a", "b"), [
    ("the cumulative deficit", "deficit"),
    ("the combined deficits of councils", "deficits of councils"),
    ("the overall budget for schools", "budget for schools"),
    ("aggregate fee income", "fee income"),
])
def test_words_of_summing_say_no_more_than_the_total(a: str, b: str) -> None:
    sa, sb = signature(a, LEX), signature(b, LEX)
    assert sa is not None and sb is not None and (sa.head, sa.words) == (sb.head, sb.words)
    assert strength(sa, sb) == strength(sb, sb)


@pytest.mark.parametrize(("a", "b"), [
    ("children taken out of hardship", "children taken out of poverty"),
    ("families in financial hardship", "families in financial poverty"),
    ("expenditure on temporary accommodation", "spending on temporary accommodation"),
    ("local authority expenditure on libraries", "local authority spending on libraries"),
    ("the spend on agency staff", "spending on agency staff"),
    ("people behind bars in england and wales", "prison population in england and wales"),
    ("patients waiting for hospital treatment", "nhs waiting list"),
    ("household energy arrears", "household energy debt"),
])
def test_common_synonyms_of_policy_measures(a: str, b: str) -> None:
    sa, sb = signature(a, LEX), signature(b, LEX)
    assert sa is not None and sb is not None and (sa.head, sa.words) == (sb.head, sb.words)


def test_a_phrase_of_only_small_words_has_no_signature() -> None:
    assert signature("of the", LEX) is None and signature("", LEX) is None


def test_configured_aliases_name_one_measure() -> None:
    sig = signature("foster parents", LEX, (("foster parent", "foster carers"),))
    assert sig is not None and sig.key == "foster carers"


@pytest.mark.parametrize(("word", "one"), [
    ("costs", "cost"), ("authorities", "authority"), ("children", "children"), ("business", "business"),
    ("status", "status"), ("taxes", "tax"), ("churches", "church"), ("gas", "gas"), ("analysis", "analysis"),
])
def test_singular(word: str, one: str) -> None:
    assert singular(word) == one


@pytest.mark.parametrize(("a", "b", "level"), [
    ("children in care", "children in care", SURE),
    ("high needs deficit", "national high needs deficit", LIKELY),  # one naming inside the other
    ("deficit", "high needs deficit", POSSIBLE),  # the bare head
    ("deficit", "deficits", POSSIBLE),  # two bare heads name no measure
    ("upper capital limit", "lower capital limit", NONE),  # words of their own on each side
    ("children in care", "council spending", NONE),  # different heads
])
def test_how_sure_two_namings_are_the_same_measure(a: str, b: str, level: int) -> None:
    sa, sb = signature(a, PLAIN), signature(b, PLAIN)
    assert sa is not None and sb is not None
    assert strength(sa, sb) == level == strength(sb, sa)


def test_words_strength_is_about_the_modifiers_only() -> None:
    assert words_strength(frozenset({"a"}), frozenset({"a"})) == SURE
    assert words_strength(frozenset(), frozenset()) == POSSIBLE
    assert words_strength(frozenset({"a"}), frozenset({"a", "b"})) == LIKELY
    assert words_strength(frozenset({"a", "c"}), frozenset({"a", "b"})) == NONE


@pytest.mark.parametrize(("a", "b", "said"), [
    ("children in care", "children in care", "the same measure 'children in care'"),
    ("high needs deficit", "national high needs deficit",
     "every word of 'high needs deficit' is in 'national high needs deficit' (likely)"),
    ("deficit", "high needs deficit", "'deficit' names the head of 'high needs deficit' (possible)"),
])
def test_why_two_namings_were_matched(a: str, b: str, said: str) -> None:
    sa, sb = signature(a, PLAIN), signature(b, PLAIN)
    assert sa is not None and sb is not None and why(sa, sb) == said


def _clusters(*measures: str) -> list[list[str]]:
    sigs = [signature(m, PLAIN) for m in measures]
    rep = cluster(s for s in sigs if s is not None)
    groups: dict[str, list[str]] = {}
    for m, s in zip(measures, sigs, strict=True):
        assert s is not None
        groups.setdefault(rep[s].key, []).append(m)
    return sorted(sorted(g) for g in groups.values())


def test_a_less_specific_naming_joins_the_only_measure_it_can_be() -> None:
    assert _clusters("high needs deficit", "national high needs deficit", "deficit") == [
        ["deficit", "high needs deficit", "national high needs deficit"]]


def test_a_less_specific_naming_of_two_measures_stays_apart() -> None:
    assert _clusters("social workers", "agency social workers", "social workers in post") == [
        ["agency social workers"], ["social workers"], ["social workers in post"]]


def test_equal_words_are_one_measure_and_disjoint_words_two() -> None:
    assert _clusters("children in care", "children in care", "children in poverty") == [
        ["children in care", "children in care"], ["children in poverty"]]


# ------------------------------------------------------------------------------------------- claims


@pytest.mark.parametrize(("kw", "family"), [
    ({"kind": "money", "unit": "GBP"}, "money"),
    ({"kind": "money", "unit": "GBP per year", "rate": "year"}, "money/year"),
    ({"kind": "percent", "unit": "%"}, "%"),
    ({"kind": "percent", "unit": "percentage points"}, "pp"),
    ({"kind": "percent", "unit": "%", "aspect": "change"}, "change:%"),
    ({"kind": "count", "unit": "children"}, "count"),
    ({"kind": "ratio"}, "ratio"),
    ({"kind": "quantity", "unit": "Hours"}, "quantity:hours"),
    ({"kind": "date", "value": "2023-10"}, "date"),
    ({"kind": "year", "value": 2025}, "date"),
])
def test_the_unit_family_a_claim_is_compared_in(kw: dict, family: str) -> None:
    assert family_of(_claim(**kw)) == family


@pytest.mark.parametrize(("measure", "unit", "real"), [
    ("children in care", "children", True),
    ("children", "children", False),
    ("dental practices", "dental practices", True),  # a compound noun counted is specific enough to compare
    ("Social workers", "social workers", True),
    ("gbp", "GBP per year", False),
    ("%", "%", False),
    ("per cent", None, False),
    ("  ", None, False),
    (None, None, False),
])
def test_a_unit_is_no_measure(measure: str | None, unit: str | None, real: bool) -> None:
    assert has_measure(_claim(measure=measure, unit=unit)) is real


@pytest.mark.parametrize(("relation", "as_written", "link_role", "oneoff"), [
    ("by", "by 2032", None, "projection"),
    ("from", "from October 2023", None, "start"),
    ("from", "in 2015", "from", None),  # the start of a change is a level, not a start date
    ("at", "now", None, "current"),
    ("from", "from 32,952 now", "from", "current"),
    ("at", "Currently", None, "current"),
    ("at", "in 2022", None, None),
    ("at", "the known world", None, None),  # 'now' inside a word is not 'now'
])
def test_what_kind_of_one_off_a_claim_is(relation: str, as_written: str, link_role: str | None,
                                         oneoff: str | None) -> None:
    claim = _claim(time=ClaimTime.build(relation=relation, year=2022, as_written=as_written, resolved_against=None,
                                        relative=False), link_role=link_role)
    assert oneoff_of(claim, LEX) == oneoff


def test_an_item_reads_a_month_from_its_time_phrase() -> None:
    st = Run().settings
    claim = _claim(time=ClaimTime.build(relation="by", year=2026, as_written="by March 2026",
                                        resolved_against=None, relative=False))
    item = make_item(1, "a", None, claim, "80,000", st, month=(2026 * 12 + 2, 2026 * 12 + 2))
    assert item is not None and item.time == (2026 * 12 + 2, 2026 * 12 + 2)
    elsewhere = make_item(1, "a", None, claim, "80,000", st, month=(2027 * 12 + 2, 2027 * 12 + 2))
    assert elsewhere is not None and elsewhere.time == year_span(2026)  # a month outside the year is not its month
    assert (item.lo, item.hi, item.center) == (75000.0, 85000.0, 80000.0)


@pytest.mark.parametrize(("kw", "value", "time"), [
    ({}, "80,000", "at 2022"),
    ({"bound": "min"}, "more than 80,000", "at 2022"),
    ({"bound": "max"}, "up to 80,000", "at 2022"),
    ({"approx": True}, "about 80,000", "at 2022"),
    ({"rate": "year"}, "80,000 a year", "at 2022"),
    ({"time": ClaimTime.build(relation="at", year=None, as_written=None, resolved_against=None, relative=False)},
     "80,000", "no time stated"),
    ({"time": ClaimTime.build(relation="at", year=2024, as_written="now", resolved_against=None, relative=False)},
     "80,000", "at 2024 (now)"),
])
def test_how_a_finding_names_a_claim(kw: dict, value: str, time: str) -> None:
    item = make_item(1, "a", None, _claim(**kw), "80,000", Run().settings)
    assert item is not None and (describe_value(item), describe_time(item)) == (value, time)


@pytest.mark.parametrize(("kind", "frm", "to", "expected"), [
    ("relative", (6.0, 6.0), (8.4, 8.4), (40.0, 40.0)),
    ("relative", (5.5, 6.5), (8.15, 8.25), ((8.15 - 6.5) / 6.5 * 100, (8.25 - 5.5) / 5.5 * 100)),
    ("difference", (17.0, 17.0), (19.0, 19.0), (2.0, 2.0)),
    ("multiple", (2.0, 2.0), (4.0, 4.0), (2.0, 2.0)),
    ("relative", (0.0, 1.0), (2.0, 2.0), None),  # no change relative to nothing
    ("multiple", (-1.0, 1.0), (2.0, 2.0), None),
])
def test_the_change_between_two_levels(kind: str, frm: tuple[float, float], to: tuple[float, float],
                                       expected: tuple[float, float] | None) -> None:
    got = actual_change(kind, frm, to)
    assert got == (pytest.approx(expected) if expected else None)


# --------------------------------------------------------------------------------------- run and rules
@pytest.mark.parametrize(("configured", "sureness", "severity"), [
    ("error", SURE, "error"), ("error", LIKELY, "warning"), ("error", POSSIBLE, "note"), ("error", NONE, "note"),
    ("warning", SURE, "warning"), ("warning", LIKELY, "warning"), ("note", LIKELY, "note"),
])
def test_severity_follows_how_sure_the_measure_is(configured: str, sureness: int, severity: str) -> None:
    run = Run(parse({"severity": {"value-conflict": configured}}))
    assert run.severity("value-conflict", sureness) == severity


def test_a_group_names_its_most_frequent_measure_and_why() -> None:
    st = Run().settings
    items = [make_item(k, doc, None, _claim(measure=m, speaker=Speaker.build(name="LGA")), "80,000", st)
             for k, (doc, m) in enumerate([("a", "high needs deficit"), ("b", "high needs deficit"),
                                           ("c", "national high needs deficit")])]
    group = MeasureGroup("count", [i for i in items if i is not None])
    assert group.label == "high needs deficit"
    assert group.sureness(group.items) == LIKELY and group.sureness(group.items[:2]) == SURE
    assert group.why(group.items) == ("every word of 'high needs deficit' is in 'national high needs deficit' "
                                      "(likely); all stated by LGA")
    assert group.shared("x", lambda: [1]) is group.shared("x", lambda: [2])


def test_the_built_in_rules_and_their_defaults() -> None:
    assert rule_ids()[:4] == ("time-conflict", "value-conflict", "arithmetic", "unit-scale")
    assert [default_severity(r) for r in rule_ids()[:4]] == ["warning", "error", "error", "warning"]
    assert default_severity("no-such-rule") == "warning"
    assert Config().severity_of("arithmetic") == "error"
    assert {get_rule(r).scope for r in rule_ids()[:4]} == {"measure", "document"}  # type: ignore[union-attr]


@pytest.mark.parametrize(("kw", "message"), [
    ({"id": "Bad Id"}, "lower-case words"),
    ({"id": ""}, "lower-case words"),
    ({"severity": "fatal"}, "severity 'fatal'"),
    ({"scope": "corpus"}, "scope 'corpus'"),
])
def test_a_malformed_rule_is_refused(kw: dict, message: str) -> None:
    args = {"id": "ok", "severity": "note", "name": "Ok", "summary": "s", "description": "d", "help": "h",
            "scope": "measure", "function": lambda run, group: None, **kw}
    with pytest.raises(ValueError, match=message):
        Rule(**args)


def test_registering_twice_needs_replace() -> None:
    rule = Rule("twice", "note", "Twice", "s", "d", "h", "document", lambda run, doc: None)
    register(rule)
    try:
        with pytest.raises(ValueError, match="already registered"):
            register(rule)
        other = register(Rule("twice", "error", "Twice", "s", "d", "h", "document", lambda run, doc: None),
                         replace=True)
        assert get_rule("twice") is other and rule_ids()[-1] == "twice"
    finally:
        unregister("twice")
    assert get_rule("twice") is None
    unregister("twice")  # no error the second time
    assert rule.meta() == {"name": "Twice", "short_description": "s", "full_description": "d", "help": "h",
                           "default_severity": "note", "tags": ("consistency",)}


def test_define_registers_a_rule_with_its_function() -> None:
    from caresocial.consistency import rules

    def function(run: object, doc: object) -> None:
        return None

    try:
        returned = rules.define("defined-here", severity="note", name="DefinedHere", summary="s", description="d",
                                help="h", scope="document", tags=("consistency", "x"))(function)
        assert returned is function
        got = get_rule("defined-here")
        assert got is not None and (got.function, got.scope, got.tags, got.help) == (function, "document",
                                                                                     ("consistency", "x"), "h")
        assert rules._DEFINED[__name__] == ["defined-here"]
    finally:
        unregister("defined-here")
        rules._DEFINED.pop(__name__, None)


def test_built_in_rules_come_first_whatever_the_import_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from caresocial.consistency import rules

    extra = Rule("extra", "note", "Extra", "s", "d", "h", "document", lambda run, doc: None)
    shuffled = {"extra": extra, **{k: rules._RULES[k] for k in reversed(list(rules._RULES)) if k != "extra"}}
    monkeypatch.setattr(rules, "_RULES", shuffled)
    monkeypatch.setattr(rules, "_LOADED", [])
    assert rule_ids() == ("time-conflict", "value-conflict", "arithmetic", "unit-scale", "announced-sum", "extra")
    assert rules._LOADED == [True]


@pytest.mark.parametrize(("spans", "count"), [
    ([], 0), ([(0, 11)], 1), ([(0, 11), (12, 23)], 2), ([(0, 11), (5, 20)], 1), ([(12, 23), (0, 11), (6, 13)], 1),
    ([(0, 11), (0, 11), (30, 40)], 2),
])
def test_how_many_separate_times_a_series_has(spans: list[tuple[int, int]], count: int) -> None:
    from caresocial.consistency.comparison import _series_count

    assert _series_count(spans) == count


def test_keep_two_keeps_the_lowest_of_two_documents() -> None:
    from caresocial.consistency.comparison import _keep_two

    best: list[tuple[float, str]] = []
    for entry in [(5.0, "a"), (3.0, "a"), (4.0, "b"), (9.0, "c"), (1.0, "c"), (2.0, "b")]:
        _keep_two(best, entry)
    assert best == [(1.0, "c"), (2.0, "b")]


def test_configured_hedges_reach_the_checker() -> None:
    plain = Run().settings
    configured = Run(Config(lexicons={"hedge_directions": ["barely | below"]})).settings
    assert configured is not plain and configured.lex != plain.lex
    assert hedge_direction("spending of barely ", configured.lex) == "below"
    assert hedge_direction("spending of barely ", plain.lex) == "around"
    assert Run(Config(lexicons={"hedge_directions": ["barely | below"]})).settings is configured  # cached


def test_a_date_in_the_sentence_narrows_the_time_to_its_month() -> None:
    from caresocial.consistency.items import document_items
    from caresocial.models import Document, Figure

    sentence = "The deficit will reach £4.6bn by March 2026."
    claim = _claim(kind="money", unit="GBP", value=4.6e9, measure="deficit", figure="f1", start=23, end=29,
                   sentence=sentence, time=ClaimTime.build(relation="by", year=2026, as_written="by March 2026",
                                                           resolved_against=None, relative=False))
    figures = (Figure.build(id="f1", kind="money", text="£4.6bn", start=23, end=29, sentence_start=0,
                            sentence_end=len(sentence), value=4.6e9, unit="GBP"),
               Figure.build(id="f2", kind="date", text="March 2026", start=33, end=43, sentence_start=0,
                            sentence_end=len(sentence), value="2026-03"),
               Figure.build(id="f3", kind="date", text="April 2025", start=0, end=0, sentence_start=99,
                            sentence_end=120, value="2025-04"),
               Figure.build(id="f4", kind="date", text="2026", start=0, end=0, sentence_start=0,
                            sentence_end=len(sentence), value="2026"))
    doc = Document.build(doc_id="d", path="d.txt", text_sha256="0" * 64, length=len(sentence), figures=figures,
                         claims=(claim,))
    (item,) = document_items(doc, Run().settings, seq0=7)
    assert (item.seq, item.doc_id, item.path, item.text) == (7, "d", "d.txt", "£4.6bn")
    assert item.time == (2026 * 12 + 2, 2026 * 12 + 2)
    undated = doc.updated(claims=(claim.updated(time=claim.time.updated(as_written=None)),))
    assert next(document_items(undated, Run().settings)).time == year_span(2026)


def test_a_naming_of_a_few_measures_is_a_candidate_of_each_and_so_is_a_bare_head() -> None:
    from caresocial.consistency.measures import MAX_CANDIDATES, cluster_with_candidates

    names = ["social workers", "agency social workers", "social workers in post", "workers"]
    sigs = {m: signature(m, PLAIN) for m in names}
    rep, candidates = cluster_with_candidates(s for s in sigs.values() if s is not None)
    assert sorted(candidates) == sorted([sigs["social workers"], sigs["workers"]])
    assert sorted(r.key for r in candidates[sigs["social workers"]]) == ["agency social workers",
                                                                         "social workers in post"]
    assert sorted(r.key for r in candidates[sigs["workers"]]) == ["agency social workers", "social workers in post"]
    assert rep[sigs["workers"]] == sigs["workers"]
    assert rep[sigs["social workers"]] == sigs["social workers"]  # it still stands for itself
    many = [f"social workers {w}" for w in ("in post", "on leave", "in training", "in wales", "in schools",
                                            "in hospitals", "in prisons", "in courts", "in councils")]
    assert len(many) > MAX_CANDIDATES
    got = cluster_with_candidates(s for s in (signature(m, PLAIN) for m in ["social workers", *many]) if s)[1]
    assert got == {}


@pytest.mark.parametrize(("measure", "acting", "words"), [
    ("children lifted out of poverty", {"lifted"}, {"out", "poverty"}),
    ("councils facing insolvency", {"facing"}, {"insolvency"}),
    ("adults needing care", {"needing"}, {"care"}),
    ("people aged 65 and over", set(), {"aged", "65"}),  # four letters or fewer: read as a word of the measure
    ("beds used", set(), {"used"}),
    ("homes owned and run by providers", {"owned"}, {"run", "provider"}),  # only the run right after the head
    ("spending on housing", set(), {"housing"}),  # after a preposition: what is spent on, not what happened
    ("the proceeds raised", {"raised"}, set()),
    # a participle of another shape than -ed ('held', 'paid'), and its agent right after it: who holds them
    ("deficits held by local authorities", {"held", "local", "authorities"}, set()),
    ("high needs deficit held by councils in england", {"held", "councils"}, {"high", "need", "england"}),
    ("fees paid by self-funders", {"paid", "self", "funders"}, set()),
    # a means is not an agent: what was done to lift them names another measure
    ("children lifted by scrapping the limit", {"lifted"}, {"scrapping", "limit"}),
])
def test_participles_right_after_the_head(measure: str, acting: set[str], words: set[str]) -> None:
    sig = signature(measure, PLAIN)
    assert sig is not None and (set(sig.acting), set(sig.words)) == (acting, words)


def test_a_synonym_phrase_after_a_possessive_keeps_no_empty_word() -> None:
    sig = signature("looked-after children's placements", LEX)
    assert sig is not None and "" not in sig.key.split(" ") and sig.key == "children in care placements"
