"""Which quote holds which: parents of nested quotes, and the innermost quote around a span (a figure).

Both run in O(log n) per quote or span however deeply quotes nest. A quote's parent is always strictly
longer than the quote, so following parents cannot cycle.
"""

from __future__ import annotations

import bisect
import heapq
import sys

from .records import RawQuote

NO_QUOTE = (sys.maxsize, sys.maxsize)


class MinByEnd:
    """A changing set of quotes (by index), asked for the shortest of those ending at or after an offset:
    (length, index) of it, the first on a tie, or ``NO_QUOTE``. A segment tree over the quotes in order of
    their ends."""

    __slots__ = ("ends", "leaf", "size", "tree")

    def __init__(self, ends: list[int]) -> None:
        order = sorted(range(len(ends)), key=lambda k: (ends[k], k))
        self.ends = [ends[k] for k in order]
        self.leaf = [0] * len(ends)
        for pos, k in enumerate(order):
            self.leaf[k] = pos
        size = 1
        while size < len(ends):
            size *= 2
        self.size = size
        self.tree = [NO_QUOTE] * (2 * size)

    def set(self, k: int, value: tuple[int, int]) -> None:
        """Put quote ``k`` in the set as (length, k), or take it out with ``NO_QUOTE``."""
        tree = self.tree
        p = self.leaf[k] + self.size
        tree[p] = value
        p >>= 1
        while p:
            left, right = tree[2 * p], tree[2 * p + 1]
            tree[p] = left if left <= right else right
            p >>= 1

    def shortest_from(self, end: int) -> tuple[int, int]:
        """(length, index) of the shortest quote in the set that ends at or after ``end``."""
        tree = self.tree
        lo = bisect.bisect_left(self.ends, end) + self.size
        hi = len(self.ends) + self.size
        best = NO_QUOTE
        while lo < hi:
            if lo & 1:
                best = min(best, tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = min(best, tree[hi])
            lo >>= 1
            hi >>= 1
        return best


SMALL = 48  # up to this many quotes, a plain scan of the open ones is cheaper than the tree


def nest(quotes: list[RawQuote]) -> None:
    """Set each quote's ``parent``: the shortest strictly longer quote (not a citation) that holds it, the
    first on a tie. ``quotes`` must be sorted by (start, -end)."""
    if len(quotes) <= SMALL:
        _nest_by_scan(quotes)
        return
    active: list[tuple[int, int]] = []  # heap of (end, index) of the quotes begun so far
    shortest = MinByEnd([q.end for q in quotes])
    for i, q in enumerate(quotes):
        while active and active[0][0] <= q.start:
            shortest.set(heapq.heappop(active)[1], NO_QUOTE)  # ended before this quote begins
        length, best = shortest.shortest_from(q.end)
        if best == NO_QUOTE[1]:
            q.parent = None
        elif length > q.end - q.start:
            q.parent = quotes[best]
        else:  # a quote of the same span in the set: look at each open one for a strictly longer holder
            found = None
            for o_end, j in active:
                o = quotes[j]
                if q.end <= o_end and (o_end - o.start) > (q.end - q.start) and (
                        found is None or (o_end - o.start, j) < (quotes[found].end - quotes[found].start, found)):
                    found = j
            q.parent = None if found is None else quotes[found]
        if q.kind != "citation":
            heapq.heappush(active, (q.end, i))
            shortest.set(i, (q.end - q.start, i))


def _nest_by_scan(quotes: list[RawQuote]) -> None:
    """:func:`nest` by looking at every quote still open (the same parents)."""
    open_: list[int] = []
    for i, q in enumerate(quotes):
        open_ = [j for j in open_ if quotes[j].end > q.start]
        best = None
        for j in open_:
            o = quotes[j]
            if q.end <= o.end and o.end - o.start > q.end - q.start and (
                    best is None or (o.end - o.start, j) < (quotes[best].end - quotes[best].start, best)):
                best = j
        q.parent = None if best is None else quotes[best]
        if q.kind != "citation":
            open_.append(i)


def innermost_quotes(quotes: list[RawQuote], spans: list[tuple[int, int]]) -> list[int | None]:
    """For each span, the index of the innermost quote holding it that speaks for itself (no citation; a
    'we/our' report inside a quote defers to the quote around it), or None. One sweep."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    by_start = sorted((q.start, i) for i, q in enumerate(quotes) if q.kind != "citation")
    out: list[int | None] = [None] * len(spans)
    active: list[tuple[int, int]] = []  # heap of (end, quote index) of quotes begun at or before the span
    shortest = MinByEnd([q.end for q in quotes])
    index = {id(q): i for i, q in enumerate(quotes)}
    nxt = 0
    for k in order:
        start, end = spans[k]
        while nxt < len(by_start) and by_start[nxt][0] <= start:
            qi = by_start[nxt][1]
            heapq.heappush(active, (quotes[qi].end, qi))
            shortest.set(qi, (quotes[qi].end - quotes[qi].start, qi))
            nxt += 1
        while active and active[0][0] < end and active[0][0] <= start:
            shortest.set(heapq.heappop(active)[1], NO_QUOTE)
        best = shortest.shortest_from(end)[1]
        if best == NO_QUOTE[1]:
            continue
        q = quotes[best]
        while q.self_ref and q.parent is not None:  # parents are strictly longer: this ends
            q = q.parent
        out[k] = index.get(id(q), best)
    return out


def innermost_quote(quotes: list[RawQuote], start: int, end: int) -> int | None:
    """:func:`innermost_quotes` for one span."""
    return innermost_quotes(quotes, [(start, end)])[0]
