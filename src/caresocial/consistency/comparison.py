"""The analysis the value rules share: the claims of one measure group bucketed by time, which buckets may be
compared, which claims disagree (across documents, or a document with itself), and the words findings cite them
with."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

from .items import DATE_FAMILY, Item, describe_time, place
from .measures import NONE, POSSIBLE, words_strength
from .run import MeasureGroup
from .values import same_time

MAX_CITED_PER_VARIANT = 12  # claims cited per variant of a finding (the message gives the full count)
SCALES = (1e3, 1e6, 1e9)
SELF_CONTRADICTION = 0.1  # within one document, values this close (share of the larger) are the same thing
MAGNITUDE = 2.0  # claims linked only by their head noun are the same measure only within this factor


class Joined:
    """Connected sets of joined keys (union-find, each set named by its smallest key)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.parent[max(ra, rb)] = min(ra, rb)


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
        joined = Joined()
        for a, b in self.pairs:
            bucket_a = self.buckets[self.keys[a]]
            cross, itself = disagreeing(bucket_a, self.buckets[self.keys[b]] if a != b else None)
            for i in itself:
                own.setdefault((a, i.doc_id), {})[i.seq] = i
            if cross:
                in_a = {i.seq for i in bucket_a}
                for i in cross:
                    involved.setdefault(a if i.seq in in_a else b, {})[i.seq] = i
                joined.join(a, b)
        groups: dict[int, list[int]] = {}
        for k in sorted(involved):
            groups.setdefault(joined.find(k), []).append(k)
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
            if link == NONE or (link <= POSSIBLE and not same_magnitude(iv[0], iw[0])):
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
    'up to £4.9bn' is as near to £6bn as the same document's '£4.9bn'. A nearer value that admits ``own`` is
    the same statement said again ('nearly half a million ... 450,000'): both disagree with ``other``."""
    target = _middle(other[0], other[1])
    mine = abs(_middle(own[0], own[1]) - target)
    return any(abs((lo + hi) / 2 - target) < mine and not (lo <= own[1] and own[0] <= hi)
               for lo, hi in stated.get(doc, ()) if math.isfinite(lo + hi))


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
    return written_two_ways(a, b)


def written_two_ways(a: Item, b: Item) -> bool:
    """Whether two claims of one document read as one value written two ways: different at their written
    precision (touching included) and within ``SELF_CONTRADICTION`` of the larger."""
    if a.center == b.center or not (a.lo >= b.hi or b.lo >= a.hi):
        return False
    return abs(a.center - b.center) <= SELF_CONTRADICTION * max(abs(a.center), abs(b.center))


def _ends_of_one_change(iv: list[Item], iw: list[Item]) -> bool:
    """True when a claim of ``iv`` and one of ``iw`` are the from and to ends of one change ('fell from 7,913
    to 7,723'): two times by construction, whatever times were read for them."""
    ids = {(i.doc_id, i.claim.id) for i in iw}
    links = {(i.doc_id, i.claim.link) for i in iw if i.claim.link}
    return any((i.doc_id, i.claim.link) in ids or (i.doc_id, i.claim.id) in links for i in iv)


def same_magnitude(a: Item, b: Item, factor: float = MAGNITUDE) -> bool:
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


def listing(groups: list[list[Item]], describe: Callable[[Item], str]) -> str:
    """The variants of a finding for people, each described by its first claim, with its places ('£4.6bn in
    nao:12:5, nao:30:1; £5.9bn in ccn:8:44')."""
    return "; ".join(f"{describe(g[0])} in {places(g)}" for g in groups)


def when(items: list[Item]) -> str:
    times = sorted({describe_time(i) for i in items})
    if len(times) == 1:
        return times[0]
    return "overlapping times (" + ", ".join(times) + ")"


__all__ = ["MAGNITUDE", "MAX_CITED_PER_VARIANT", "MAX_EXACT", "SCALES", "SELF_CONTRADICTION", "Comparison", "Joined",
           "cite", "comparison_of", "disagree", "disagreeing", "places", "same_magnitude", "scale_slip", "variants",
           "when", "written_two_ways"]
