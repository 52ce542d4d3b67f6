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

import math
from collections.abc import Iterable, Sequence
from functools import cached_property

from .items import DATE_FAMILY, Item, describe_time, describe_value, place
from .measures import NONE, POSSIBLE, words_strength
from .rules import LESS_SPECIFIC, SAME_FIGURE, define
from .run import MeasureGroup, Run
from .values import overlaps, same_time

MAX_CITED_PER_VARIANT = 12  # claims cited per variant of a finding (the message gives the full count)
MAX_VARIANTS = 64  # variants compared pairwise for scale slips; beyond, every disagreement is a value conflict
SCALES = (1e3, 1e6, 1e9)
# A count of things at a time changes from year to year, so the same count presented as current and dated to another
# year elsewhere is a stale figure; a limit, a price or a share can stay put (the same £23,250 threshold in 2021
# and 2024 is no conflict).
STOCK_FAMILIES = frozenset({"count"})
SELF_CONTRADICTION = 0.1  # within one document, values this close (share of the larger) are the same thing
MAGNITUDE = 2.0  # claims linked only by their head noun are the same measure only within this factor
NEAR_MAGNITUDE = 1.5  # a less specific naming is compared for values with one it could be only within this factor


# ------------------------------------------------------------------------------------------------ analysis
class Comparison:
    """The value disagreements of one measure group: buckets of claims with the same time (relation class,
    currency and months), which buckets may be compared, and which claims disagree with which.

    Across documents two claims disagree when their intervals do not meet. Within one document only claims
    named with the same words are compared, and there a different value written to the same precision
    disagrees even when the intervals touch (£5.3bn and £5.4bn for the same money: one author rounds one sum
    one way)."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.buckets: dict[tuple[str, str, tuple[int, int] | None], list[Item]] = {}
        for i in items:
            if i.family != DATE_FAMILY:
                self.buckets.setdefault((i.tclass, i.currency, i.time), []).append(i)
        self.keys = sorted(self.buckets, key=_bucket_order)

    @cached_property
    def pairs(self) -> list[tuple[int, int]]:
        """Index pairs (a <= b) of buckets whose claims may be compared: same relation class and currency, and
        the same time (:func:`.values.same_time`); a claim with no time joins the others when they do not
        form a time series."""
        out: list[tuple[int, int]] = []
        by_part: dict[tuple[str, str], list[int]] = {}
        for k, key in enumerate(self.keys):
            by_part.setdefault(key[:2], []).append(k)
        for part in sorted(by_part):
            ks = by_part[part]
            dated = [k for k in ks if self.keys[k][2] is not None]
            undated = [k for k in ks if self.keys[k][2] is None]
            for x, a in enumerate(dated):
                out.append((a, a))
                span_a = self.keys[a][2]
                for b in dated[x + 1:]:
                    span_b = self.keys[b][2]
                    if span_b[0] > span_a[1]:  # type: ignore[index]
                        break  # buckets are sorted by start month
                    if same_time(span_a, span_b):  # type: ignore[arg-type]
                        out.append((a, b))
            if undated and _series_count([self.keys[k][2] for k in dated]) <= 1:  # type: ignore[misc]
                for u in undated:
                    out.append((u, u))
                    out.extend((min(u, d), max(u, d)) for d in dated)
        return out

    @cached_property
    def conflicts(self) -> list[tuple[list[int], list[Item]]]:
        """Groups of disagreeing claims: (bucket indices, claims that take part), one per connected set of
        buckets with a disagreement across documents between them, and one per document and bucket for a
        document that contradicts itself (unless that document already takes part in the bucket's group)."""
        involved: dict[int, dict[int, Item]] = {}
        own: dict[tuple[int, str], dict[int, Item]] = {}
        parent = list(range(len(self.keys)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in self.pairs:
            bucket_a = self.buckets[self.keys[a]]
            cross, itself = disagreeing(bucket_a, self.buckets[self.keys[b]] if a != b else None)
            for i in itself:
                own.setdefault((a, i.doc_id), {})[i.seq] = i
            if cross:
                in_a = {i.seq for i in bucket_a}
                for i in cross:
                    involved.setdefault(a if i.seq in in_a else b, {})[i.seq] = i
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
        groups: dict[int, list[int]] = {}
        for k in sorted(involved):
            groups.setdefault(find(k), []).append(k)
        out = []
        for root in sorted(groups):
            ks = groups[root]
            items = {i.seq: i for k in ks for i in involved[k].values()}
            for (k, doc), mine in sorted(own.items()):
                if k in ks and any(i.doc_id == doc for i in items.values()):
                    items.update(mine)
                    own[(k, doc)] = {}
            out.append((ks, sorted(items.values(), key=lambda i: i.seq)))
        for (k, _doc), mine in sorted(own.items()):
            if mine:
                out.append(([k], sorted(mine.values(), key=lambda i: i.seq)))
        return out


Variant = tuple[float, float, str, frozenset[str]]
MAX_EXACT = 4096  # variant pairs (and undated document pairs) weighed one by one; beyond, a plain sweep


def disagreeing(a: list[Item], b: list[Item] | None) -> tuple[list[Item], list[Item]]:
    """The claims of buckets ``a`` and ``b`` (``None``: ``a`` against itself) that take part in a disagreement
    across documents, and those of a document that contradicts itself.

    Across documents: intervals that do not meet, unless a document that states one value also states the
    other (it tells them apart: '11% more than last year ... a 105% increase overall'; a bound does not count),
    and, when only the head noun links the two measures, unless the values are more than a factor of
    ``MAGNITUDE`` apart (then they are taken for different things). Within one document, with the same words:
    a close value (within ``SELF_CONTRADICTION``) that differs at the written precision, touching included."""
    va = _by_variant(a)
    vb = va if b is None else _by_variant(b)
    if len(va) * len(vb) > MAX_EXACT:
        return _sweep(a, b), []
    stated: dict[str, list[tuple[float, float]]] = {}
    for i in a if b is None else (*a, *b):
        if i.claim.bound is None:
            stated.setdefault(i.doc_id, []).append((i.lo, i.hi))
    cross: dict[int, Item] = {}
    itself: dict[int, Item] = {}
    for kv, iv in va.items():
        for kw, iw in vb.items():
            if b is None and kw <= kv:
                continue
            if not (kv[0] > kw[1] or kw[0] > kv[1] or _self_contradiction(kv, kw, iv, iw)):
                continue
            link = words_strength(kv[3], kw[3])
            if link == NONE or (link <= POSSIBLE and not _same_magnitude(iv[0], iw[0])):
                continue
            _take(cross, itself, kv, kw, iv, iw, stated)
    return list(cross.values()), list(itself.values())


def _by_variant(items: list[Item]) -> dict[Variant, list[Item]]:
    out: dict[Variant, list[Item]] = {}
    for i in items:
        out.setdefault((i.lo, i.hi, i.currency, i.sig.words), []).append(i)
    return out


def _take(cross: dict[int, Item], itself: dict[int, Item], kv: Variant, kw: Variant, iv: list[Item],
          iw: list[Item], stated: dict[str, list[tuple[float, float]]]) -> None:
    """Add the claims of two disagreeing variants that disagree document against document (``cross``), or
    within one document (``itself``)."""
    by_doc_v: dict[str, list[Item]] = {}
    for i in iv:
        by_doc_v.setdefault(i.doc_id, []).append(i)
    by_doc_w: dict[str, list[Item]] = {}
    for i in iw:
        by_doc_w.setdefault(i.doc_id, []).append(i)
    if kv[3] == kw[3]:
        for d in sorted(by_doc_v.keys() & by_doc_w.keys()):
            if _self_contradiction(kv, kw, by_doc_v[d], by_doc_w[d]):
                itself.update((i.seq, i) for i in (*by_doc_v[d], *by_doc_w[d]))
    if not (kv[0] > kw[1] or kw[0] > kv[1]):
        return
    # a document that states (not bounds) the other value too tells the two apart
    docs_v = [d for d in by_doc_v if not _states(stated, d, kw) and not _closer(stated, d, kv, kw)]
    docs_w = [e for e in by_doc_w if not _states(stated, e, kv) and not _closer(stated, e, kw, kv)]
    undated = iv[0].time is None and iw[0].time is None
    if undated and len(docs_v) * len(docs_w) <= MAX_EXACT:
        pairs = [(d, e) for d in docs_v for e in docs_w if d != e and not _updated(by_doc_v[d][0], by_doc_w[e][0])]
        taking_v = {d for d, _ in pairs}
        taking_w = {e for _, e in pairs}
    else:
        taking_v = {d for d in docs_v if any(e != d for e in docs_w)}
        taking_w = {e for e in docs_w if any(d != e for d in docs_v)}
    for d in taking_v:
        cross.update((i.seq, i) for i in by_doc_v[d])
    for e in taking_w:
        cross.update((i.seq, i) for i in by_doc_w[e])


def _states(stated: dict[str, list[tuple[float, float]]], doc: str, v: Variant) -> bool:
    """True when ``doc`` itself states a value (not a bound) that agrees with variant ``v``."""
    return any(lo <= v[1] and v[0] <= hi for lo, hi in stated.get(doc, ()))


def _closer(stated: dict[str, list[tuple[float, float]]], doc: str, own: Variant, other: Variant) -> bool:
    """True when ``doc`` states another value nearer to ``other`` than its ``own``: that value is what it says
    of the measure where the other document says ``other`` ('83,840 looked after children, 38,500 of them
    placed with private providers' against '82,170 looked after children'). A bound stands at its written end:
    'up to £4.9bn' is as near to £6bn as the same document's '£4.9bn'."""
    target = _middle(other[0], other[1])
    mine = abs(_middle(own[0], own[1]) - target)
    return any(abs((lo + hi) / 2 - target) < mine for lo, hi in stated.get(doc, ()) if math.isfinite(lo + hi))


def _middle(lo: float, hi: float) -> float:
    """Where an interval stands: its middle, or the written end of a bound ('up to £4.9bn' stands at £4.9bn)."""
    if math.isfinite(lo) and math.isfinite(hi):
        return (lo + hi) / 2
    return hi if math.isfinite(hi) else lo


def _updated(a: Item, b: Item) -> bool:
    """True when neither claim states a time and one speaker gives both in two documents: a source that gives
    another value in a later publication without dating either has updated it (Ofsted's 35% in one release,
    28% in the next)."""
    if a.time is not None or b.time is not None or a.claim.speaker is None or b.claim.speaker is None:
        return False
    return a.claim.speaker.name == b.claim.speaker.name


def _self_contradiction(kv: Variant, kw: Variant, iv: list[Item], iw: list[Item]) -> bool:
    """Within one document, with the same words and the same stated time: close values that differ at their
    written precision."""
    if kv[3] != kw[3] or not {i.doc_id for i in iv} & {i.doc_id for i in iw}:
        return False
    a, b = iv[0], iw[0]
    if a.time is None or a.time != b.time or _ends_of_one_change(iv, iw):
        return False
    if a.center == b.center or not (a.lo >= b.hi or b.lo >= a.hi):
        return False
    return abs(a.center - b.center) <= SELF_CONTRADICTION * max(abs(a.center), abs(b.center))


def _ends_of_one_change(iv: list[Item], iw: list[Item]) -> bool:
    """True when a claim of ``iv`` and one of ``iw`` are the from and to ends of one change ('fell from 7,913
    to 7,723'): two times by construction, whatever times were read for them."""
    ids = {(i.doc_id, i.claim.id) for i in iw}
    links = {(i.doc_id, i.claim.link) for i in iw if i.claim.link}
    return any((i.doc_id, i.claim.link) in ids or (i.doc_id, i.claim.id) in links for i in iv)


def _same_magnitude(a: Item, b: Item, factor: float = MAGNITUDE) -> bool:
    """Evidence of the same measure from the values alone: within ``factor`` of each other (never for shares,
    which all lie between 0 and 100)."""
    if a.family.endswith(("%", "pp")):
        return False
    small, big = sorted((abs(a.center), abs(b.center)))
    return small > 0 and big / small <= factor


def _sweep(a: list[Item], b: list[Item] | None) -> list[Item]:
    """Claims of ``a`` disagreeing with a claim of ``b`` of another document, and the other way round (for very
    many values at one time: two passes over the intervals)."""
    out: dict[int, Item] = {}
    for own, other in ((a, b or a), (b or a, a)):
        low_hi: list[tuple[float, str]] = []
        high_lo: list[tuple[float, str]] = []
        for i in other:
            _keep_two(low_hi, (i.hi, i.doc_id))
            _keep_two(high_lo, (-i.lo, i.doc_id))
        for i in own:
            hi = next((h for h, d in low_hi if d != i.doc_id), math.inf)
            lo = next((-n for n, d in high_lo if d != i.doc_id), -math.inf)
            if i.lo > hi or i.hi < lo:
                out[i.seq] = i
    return list(out.values())


def _keep_two(best: list[tuple[float, str]], new: tuple[float, str]) -> None:
    """Keep the two lowest entries of different documents."""
    for k, (value, doc) in enumerate(best):
        if doc == new[1]:
            if new[0] < value:
                best[k] = new
                best.sort()
            return
    best.append(new)
    best.sort()
    del best[2:]


def _bucket_order(key: tuple[str, str, tuple[int, int] | None]) -> tuple[str, str, int, int, int]:
    span = key[2]
    return (key[0], key[1], 0 if span is None else 1, span[0] if span else 0, span[1] if span else 0)


def _series_count(spans: list[tuple[int, int]]) -> int:
    """How many separate times (groups of overlapping spans) a measure's dated claims fall in."""
    count, reach = 0, None
    for lo, hi in sorted(spans):
        if reach is None or lo > reach:
            count += 1
            reach = hi
        else:
            reach = max(reach, hi)
    return count


def comparison_of(group: MeasureGroup) -> Comparison:
    return group.shared("comparison", lambda: Comparison(group.items))


def variants(items: Iterable[Item]) -> list[list[Item]]:
    """Claims grouped by what they say (the same interval), in order of their first claim."""
    out: dict[tuple[float, float, str], list[Item]] = {}
    for i in sorted(items, key=lambda i: i.seq):
        out.setdefault((i.lo, i.hi, i.currency), []).append(i)
    return list(out.values())


def scale_slip(a: Item, b: Item) -> float | None:
    """The factor (1e3, 1e6, 1e9) that makes two disagreeing values agree, if one does."""
    if a.currency != b.currency:
        return None
    small, big = (a, b) if abs(a.center) <= abs(b.center) else (b, a)
    if small.center <= 0 or not all(map(math.isfinite, (small.lo, small.hi, big.lo, big.hi))):
        return None
    for s in SCALES:
        if small.lo * s <= big.center <= small.hi * s and big.lo <= small.center * s <= big.hi:
            return s
    return None


def disagree(a: Item, b: Item) -> bool:
    return a.lo > b.hi or b.lo > a.hi


def cite(groups: list[list[Item]]) -> list[Item]:
    return [i for g in groups for i in g[:MAX_CITED_PER_VARIANT]]


def places(items: list[Item]) -> str:
    shown = ", ".join(place(i) for i in items[:MAX_CITED_PER_VARIANT])
    more = len(items) - MAX_CITED_PER_VARIANT
    return shown + (f" and {more} more" if more > 0 else "")


def when(items: list[Item]) -> str:
    times = sorted({describe_time(i) for i in items})
    if len(times) == 1:
        return times[0]
    return "overlapping times (" + ", ".join(times) + ")"


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
        cited = cite(groups)
        listing = "; ".join(f"{describe_time(g[0])} in {places(g)}" for g in groups)
        label = group.label_of(cited)
        run.report("time-conflict", label, cited,
                   f"{label}: the same figure ({describe_value(cited[0])}) is given for {len(groups)} "
                   f"different times: {listing}. Same measure: {group.why(cited)}.", sureness=group.sureness(cited))


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
                      + "; ".join(f"{describe_time(g[0])} in {places(g)}" for g in variants(items)) + ".")
        return
    groups = variants(taking)
    cited = cite(groups)
    listing = "; ".join(f"{describe_time(g[0])} in {places(g)}" for g in groups)
    label = group.label_of(cited)
    run.report("time-conflict", label, cited,
               f"{label}: {len(groups)} different dates: {listing}. Same measure: {group.why(cited)}.",
               sureness=group.sureness(cited))


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
        if len(kept) < 2:
            continue
        cited = cite(kept)
        listing = "; ".join(f"{describe_value(g[0])} in {places(g)}" for g in kept)
        label = group.label_of(cited)
        run.report("value-conflict", label, cited,
                   f"{label}: {len(kept)} different values for the same time ({when(cited)}): {listing}. "
                   f"Same measure: {group.why(cited)}.", sureness=group.sureness(cited))
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
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for j in joining:
        for o in others:
            if j.doc_id != o.doc_id and j.tclass == o.tclass and j.currency == o.currency \
                    and _same_magnitude(j, o, NEAR_MAGNITUDE) and same_time(j.time, o.time) and disagree(j, o) \
                    and not _gives_one_meeting(by_doc[j.doc_id], o) and not _gives_one_meeting(by_doc[o.doc_id], j):
                taking[j.seq] = j
                taking[o.seq] = o
                a, b = find(j.seq), find(o.seq)
                parent[max(a, b)] = min(a, b)
    components: dict[int, list[Item]] = {}
    for seq in sorted(taking):  # one finding per disagreement: claims joined by a pair compared at one time
        components.setdefault(find(seq), []).append(taking[seq])
    for items in components.values():
        groups = variants(items)
        cited = cite(groups)
        listing = "; ".join(f"{describe_value(g[0])} in {places(g)}" for g in groups)
        label = group.label_of(cited)
        run.report("value-conflict", label, cited,
                   f"{label}: {len(groups)} different values for the same time ({when(cited)}): {listing}. "
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
                                      + "; ".join(f"{describe_value(g[0])} in {places(g)}" for g in variants(items))
                                      + f". Same measure: {group.why(cited)}.")


__all__ = ["MAX_CITED_PER_VARIANT", "MAX_VARIANTS", "Comparison", "cite", "comparison_of", "disagree", "places",
           "same_figures", "scale_slip", "time_conflict", "value_conflict", "variants", "when"]
