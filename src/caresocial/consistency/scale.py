"""The unit-scale rule: disagreements that a slipped scale word or a different currency explains."""

from __future__ import annotations

from .conflicts import MAX_VARIANTS, cite, comparison_of, disagree, places, scale_slip, variants, when
from .items import Item, describe_value, place
from .rules import define
from .run import MeasureGroup, Run
from .values import span_text


@define(
    "unit-scale", severity="warning", name="UnitScale",
    summary="The same measure is given in incompatible units or scales.",
    description=(
        "Claims on the same measure and time whose values differ by a round factor of a thousand, a million or a "
        "billion (£2.6m against £2.6bn, £2.6 against £2.6bn), which points to a slipped scale word, or that are "
        "stated in different currencies."),
    help=(
        "Check the unit and the scale word ('m', 'bn', 'thousand') of each figure against the source and correct "
        "the slip. Silence with <!-- caresocial: ignore unit-scale --> when the units are meant to differ."),
    scope="measure", tags=("consistency", "units"),
)
def unit_scale(run: Run, group: MeasureGroup) -> None:
    """unit-scale on one measure group: scale slips among disagreeing values, then mixed currencies."""
    found = comparison_of(group)
    for _ks, items in found.conflicts:
        groups = variants(items)
        if len(groups) > MAX_VARIANTS:
            continue
        slips = [(a, b, s) for x, a in enumerate(groups) for b in groups[x + 1:]
                 if disagree(a[0], b[0]) and (s := scale_slip(a[0], b[0]))]
        if not slips:
            continue
        taking = sorted({id(g): g for a, b, _ in slips for g in (a, b)}.values(), key=lambda g: g[0].seq)
        cited = cite(taking)
        pairs = "; ".join(f"{describe_value(a[0])} in {places(a)} vs {describe_value(b[0])} in {places(b)} "
                          f"(x{s:,.0f})" for a, b, s in slips[:6])
        label = group.label_of(cited)
        run.report("unit-scale", label, cited,
                   f"{label}: scale slip for the same time ({when(cited)}): {pairs}. "
                   f"Same measure: {group.why(cited)}.",
                   sureness=group.sureness(cited))
    _currencies(run, group)


def _currencies(run: Run, group: MeasureGroup) -> None:
    by_time: dict[tuple[str, tuple[int, int] | None], dict[str, Item]] = {}
    for i in group.items:
        if i.currency:
            by_time.setdefault((i.tclass, i.time), {}).setdefault(i.currency, i)
    for (_tclass, span), found in sorted(by_time.items(), key=lambda kv: (kv[0][0], kv[0][1] or (0, 0))):
        if len(found) < 2 or span is None:
            continue
        cited = [found[c] for c in sorted(found)]
        label = group.label_of(cited)
        run.report("unit-scale", label, cited,
                   f"{label}: stated in different currencies ({', '.join(sorted(found))}) for "
                   f"{span_text(span)}: " + "; ".join(f"{describe_value(i)} in {place(i)}" for i in cited)
                   + f". Same measure: {group.why(cited)}.", sureness=group.sureness(cited))


__all__ = ["unit_scale"]
