"""The cross-document rules on one measure group: value conflicts, scale slips and time conflicts.

Each rule reports one finding per disagreement, not per pair: the claims that take part, grouped by what they
say ("£4.6bn in nao:12:5, nao:30:1; £5.9bn in ccn:8:44"), with why they were taken to be the same measure.

* value-conflict: claims whose times are the same or overlap (or, when the measure has no time series, that
  state no time) and whose intervals (written precision, hedge, bound; see :mod:`.values`) do not meet.
  Different values at different times are a time series, never a conflict.
* unit-scale: such a disagreement that a factor of a thousand, a million or a billion explains (£2.6m vs
  £2.6bn, £2.6 vs £2.6bn), or the same measure in different currencies.
* time-conflict: the same figure for the same one-off thing at incompatible times: a projection or deadline
  (``by``), a start (``from``, not the start of a change), a stock presented as current ("now") against the
  same figure dated elsewhere; and deadlines or start dates given as dates that do not meet.
"""

from __future__ import annotations

from collections.abc import Callable

from .comparison import (
    MAX_CITED_PER_VARIANT,
    MAX_EXACT,
    Comparison,
    Joined,
    cite,
    comparison_of,
    disagree,
    listing,
    places,
    same_magnitude,
    scale_slip,
    variants,
    when,
)
from .items import DATE_FAMILY, Item, describe_time, describe_value
from .rules import LESS_SPECIFIC, SAME_FIGURE, define
from .run import MeasureGroup, Run
from .values import overlaps, same_time

MAX_VARIANTS = 64  # variants compared pairwise for scale slips; beyond, every disagreement is a value conflict
# A count of things at a time changes from year to year, so the same count presented as current and dated to another
# year elsewhere is a stale figure; a limit, a price or a share can stay put (the same £23,250 threshold in 2021
# and 2024 is no conflict).
STOCK_FAMILIES = frozenset({"count"})
NEAR_MAGNITUDE = 1.5  # a less specific naming is compared for values with one it could be only within this factor


# ------------------------------------------------------------------------------------------------- rules
@define(
    "time-conflict", severity="warning", name="TimeConflict",
    summary="The same figure is given for incompatible times.",
    description=(
        "Claims on the same measure give the same figure (within its written precision) for the same one-off "
        "thing at times that cannot both hold: a projection or deadline ('close to 100,000 children in care by "
        "the end of 2025' against 'approaching 100,000 by 2032'), a start date, or a stock presented as current "
        "('now') that another document dates to another year. Deadlines and start dates given as dates are "
        "compared as values. One finding lists every time given, with where each is said."),
    help=(
        "Find the original source of the figure and the time it gives, then correct the time phrase ('by 2032', "
        "'in ten years' time') or make clear that the projections differ. If the difference is intended, "
        "silence it where it stands with <!-- caresocial: ignore time-conflict -->, or accept it with "
        "--baseline."),
    scope="measure", tags=("consistency", "time", SAME_FIGURE),
)
def time_conflict(run: Run, group: MeasureGroup) -> None:
    """time-conflict on one measure group: the same figure at incompatible times, and dates that disagree. In
    a group joined by a less specific naming, only the same figure of a joining claim and another."""
    joined = group.candidates
    if group.family == DATE_FAMILY:
        if not joined:
            _date_conflict(run, group)
        return
    dated = [i for i in group.items if i.tclass == "level" and i.time is not None]
    for figure in same_figures(dated):
        taking = _incompatible_times(figure)
        if joined and not (any(i.seq in joined for i in taking) and any(i.seq not in joined for i in taking)):
            continue
        if not taking:
            continue
        by_time: dict[tuple[int, int], list[Item]] = {}
        for i in sorted(taking, key=lambda i: i.seq):
            by_time.setdefault(i.time, []).append(i)  # type: ignore[arg-type]
        groups = [by_time[t] for t in sorted(by_time)]
        _report(run, group, "time-conflict", groups, describe_time, lambda cited, n: (
            f"the same figure ({describe_value(cited[0])}) is given for {n} different times"))


def same_figures(items: list[Item]) -> list[list[Item]]:
    """Claims grouped by the figure they give: each group's first claim (by value) and every other admit one
    another's value ('close to 100,000' and '100,000'; not '£5bn' and '£5.4bn')."""
    out: list[list[Item]] = []
    for i in sorted(items, key=lambda i: (i.center, i.seq)):
        if out:
            first = out[-1][0]
            if first.lo <= i.center <= first.hi and i.lo <= first.center <= i.hi and i.currency == first.currency:
                out[-1].append(i)
                continue
        out.append([i])
    return [g for g in out if len({i.time for i in g}) > 1]


def _incompatible_times(figure: list[Item]) -> list[Item]:
    """The claims of one figure that take part in a time conflict: two projections, or two starts, at times
    that do not overlap; or a figure presented as current against the same figure dated to another time."""
    spans: dict[str, dict[tuple[int, int], list[Item]]] = {}
    for i in figure:
        spans.setdefault(i.oneoff or "", {}).setdefault(i.time, []).append(i)  # type: ignore[arg-type]
    taking: dict[int, Item] = {}

    def clash(a_spans: dict[tuple[int, int], list[Item]], b_spans: dict[tuple[int, int], list[Item]]) -> None:
        for sa, ia in a_spans.items():
            for sb, ib in b_spans.items():
                if not overlaps(sa, sb):
                    taking.update((i.seq, i) for i in (*ia, *ib))

    for kind in ("projection", "start"):
        if kind in spans:
            clash(spans[kind], spans[kind])
    if "current" in spans and figure[0].family in STOCK_FAMILIES:
        for kind in sorted(spans):
            clash(spans["current"], spans[kind])
    return list(taking.values())


def _date_conflict(run: Run, group: MeasureGroup) -> None:
    items = group.items
    taking = _dates_apart(items)
    if not taking:
        if run.show_agreements and len({i.doc_id for i in items}) > 1:
            cited = cite(variants(items))
            label = group.label_of(cited)
            run.agree(label, cited, f"{label}: {len(items)} claims give the same date: "
                      + listing(variants(items), describe_time) + ".")
        return
    groups = variants(taking)
    _report(run, group, "time-conflict", groups, describe_time, lambda _cited, n: f"{n} different dates")


def _dates_apart(items: list[Item]) -> list[Item]:
    """The dates of one measure that a date of another document does not meet. Dates within one document never
    conflict (a document that tells of a deadline moved from 2024 to 2026 states both); a date its own document
    later moves (a date after it that no later date moves in turn disagrees with it) is superseded and no
    conflict with any document, though its new date is against a document that gives only the old one (that
    one is stale); two documents that each also give the other's date agree."""
    if len(items) > MAX_VARIANTS:  # very many dates: every date another date does not meet
        min_hi, max_lo = min(i.hi for i in items), max(i.lo for i in items)
        return [i for i in items if i.lo > min_hi or i.hi < max_lo]
    by_doc: dict[str, list[Item]] = {}
    for i in items:
        by_doc.setdefault(i.doc_id, []).append(i)

    def meets(doc: str, j: Item) -> bool:
        return any(not disagree(k, j) for k in by_doc[doc])

    old: set[int] = set()  # dates a later current date of their own document moves: superseded
    for mine in by_doc.values():
        current: list[Item] = []
        for k in sorted(mine, key=lambda i: -i.seq):
            if any(disagree(k, c) for c in current):
                old.add(k.seq)
            else:
                current.append(k)

    out: dict[int, Item] = {}
    for i in items:
        for j in items:
            if i.seq < j.seq and i.doc_id != j.doc_id and disagree(i, j) and i.seq not in old \
                    and j.seq not in old and not (meets(i.doc_id, j) and meets(j.doc_id, i)):
                out[i.seq] = i
                out[j.seq] = j
    return sorted(out.values(), key=lambda i: i.seq)


@define(
    "value-conflict", severity="error", name="ValueConflict",
    summary="The same measure at the same time has values that cannot both be true.",
    description=(
        "Claims on the same measure for the same or overlapping times (or with no time stated, when the measure "
        "has no time series) whose values disagree beyond what their written precision allows: a figure stands "
        "for the interval its rounding implies ('£6bn' is 5.5-6.5bn, '23%' 22.5-23.5%), wider when hedged "
        "('about', 'nearly'), open-ended for a bound ('up to £4.9bn' admits £4.6bn). Values at different times "
        "are a time series and never conflict. One finding lists every value given, with where each is said."),
    help=(
        "Check each figure against its source and correct the wrong one, or qualify them if they measure "
        "different things (add the scope: 'in England', 'a year', 'in real terms'). If the difference is "
        "intended, silence it with <!-- caresocial: ignore value-conflict --> or accept it with --baseline."),
    scope="measure", tags=("consistency", "value", LESS_SPECIFIC),
)
def value_conflict(run: Run, group: MeasureGroup) -> None:
    """value-conflict on one measure group (scale slips go to unit-scale); agreements when asked for. In a
    group joined by a less specific naming, only that naming's near values against the others."""
    if group.candidates:
        _less_specific(run, group)
        return
    found = comparison_of(group)
    involved_seqs: set[int] = set()
    for _ks, items in found.conflicts:
        involved_seqs.update(i.seq for i in items)
        groups = variants(items)
        slipped = _slip_only(groups)
        kept = [g for k, g in enumerate(groups) if k not in slipped]
        if len(kept) >= 2:
            _report_values(run, group, kept)
    if run.show_agreements:
        _agreements(run, group, found, involved_seqs)


def _less_specific(run: Run, group: MeasureGroup) -> None:
    """A less specific naming ('vacancies', 'children's social workers') against one of the few measures it
    could be: a conflict only across documents, at the same stated time, and for values within
    ``NEAR_MAGNITUDE`` of each other (a figure misquoted, not another measure), unless the naming's document
    also states a value that meets the other's."""
    joining = [i for i in group.items if i.seq in group.candidates and i.time is not None]
    others = [i for i in group.items if i.seq not in group.candidates and i.time is not None]
    if not joining or not others or len(joining) * len(others) > MAX_EXACT:
        return
    by_doc: dict[str, list[Item]] = {}
    for i in group.items:
        by_doc.setdefault(i.doc_id, []).append(i)
    taking: dict[int, Item] = {}
    joined = Joined()
    for j in joining:
        for o in others:
            if j.doc_id != o.doc_id and j.tclass == o.tclass and j.currency == o.currency \
                    and same_magnitude(j, o, NEAR_MAGNITUDE) and same_time(j.time, o.time) and disagree(j, o) \
                    and not _gives_one_meeting(by_doc[j.doc_id], o) and not _gives_one_meeting(by_doc[o.doc_id], j):
                taking[j.seq] = j
                taking[o.seq] = o
                joined.join(j.seq, o.seq)
    components: dict[int, list[Item]] = {}
    for seq in sorted(taking):  # one finding per disagreement: claims joined by a pair compared at one time
        components.setdefault(joined.find(seq), []).append(taking[seq])
    for items in components.values():
        _report_values(run, group, variants(items))


def _report_values(run: Run, group: MeasureGroup, groups: list[list[Item]]) -> None:
    """One value-conflict finding listing every value given (``groups``: the claims of each value)."""
    _report(run, group, "value-conflict", groups, describe_value,
            lambda cited, n: f"{n} different values for the same time ({when(cited)})")


def _report(run: Run, group: MeasureGroup, rule: str, groups: list[list[Item]], describe: Callable[[Item], str],
            headline: Callable[[list[Item], int], str]) -> None:
    """One finding of ``rule`` citing every variant (``groups``: the claims of each), its message the
    ``headline`` of the cited claims and the number of variants, the variants and why they are one measure."""
    cited = cite(groups)
    label = group.label_of(cited)
    run.report(rule, label, cited, f"{label}: {headline(cited, len(groups))}: {listing(groups, describe)}. "
                                   f"Same measure: {group.why(cited)}.", sureness=group.sureness(cited))




def _gives_one_meeting(own: list[Item], other: Item) -> bool:
    """True when one of a document's claims ``own`` gives a value that meets ``other``'s at its time."""
    return any(k.time is not None and same_time(k.time, other.time) and not disagree(k, other)  # type: ignore[arg-type]
               for k in own)


def _slip_only(groups: list[list[Item]]) -> set[int]:
    """Indices of variants whose every disagreement is a scale slip."""
    if len(groups) > MAX_VARIANTS:
        return set()
    out = set()
    for k, g in enumerate(groups):
        partners = [h for m, h in enumerate(groups) if m != k and disagree(g[0], h[0])]
        if partners and all(scale_slip(g[0], h[0]) for h in partners):
            out.add(k)
    return out


def _agreements(run: Run, group: MeasureGroup, comparison: Comparison, involved: set[int]) -> None:
    for key in comparison.keys:
        if key[2] is None:
            continue
        items = [i for i in comparison.buckets[key] if i.seq not in involved]
        if len({i.doc_id for i in items}) < 2 or max(i.lo for i in items) > min(i.hi for i in items):
            continue  # (values that do not all meet are no agreement, even when no finding was raised on them)
        cited = cite(variants(items))
        label = group.label_of(cited)
        run.agree(label, cited, f"{label}: {len(items)} claims agree for the same time ({when(items)}): "
                                      + listing(variants(items), describe_value)
                                      + f". Same measure: {group.why(cited)}.")


__all__ = ["MAX_CITED_PER_VARIANT", "MAX_VARIANTS", "Comparison", "cite", "comparison_of", "disagree", "places",
           "same_figures", "scale_slip", "time_conflict", "value_conflict", "variants", "when"]
