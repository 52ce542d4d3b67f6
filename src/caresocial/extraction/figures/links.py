"""Pass 4 of the figure scanner: links between figures (ranges '80,000 to 100,000', changes 'from £6bn to
£8.2bn'), what they share (scale, currency, rate, counted noun), and the modifiers of each figure: hedge, bound
and rate."""

from __future__ import annotations

import regex

from . import fixed as X
from .base import RawFigure, scaled, window_before
from .context import Context
from .tables import AHEAD, fold

_COUNT_PARTNERS = frozenset({"money", "percent", "duration", "quantity"})


def compatible(a: RawFigure, b: RawFigure) -> bool:
    """One kind, or a bare count and a money amount, percentage, duration or quantity ('£10-15bn', '4 weeks to 6');
    a count of a noun is no end of a money range ('£2m to 400 nurseries')."""
    if a.kind == b.kind:
        return True
    return (a.kind == "count" and a.unit is None and b.kind in _COUNT_PARTNERS) \
        or (b.kind == "count" and b.unit is None and a.kind in _COUNT_PARTNERS)


def _link(figs: list[RawFigure], i: int, link_type: str, roles: tuple[str, str]) -> None:
    a, b = figs[i], figs[i + 1]
    a.link_type = b.link_type = link_type
    a.link_role, b.link_role = roles
    a.link, b.link = i + 1, i


class Links(Context):
    """Links figures and reads their modifiers."""

    def find_links(self) -> None:
        """Link neighbouring figures that are the two ends of a range or a change."""
        text = self.text
        figs = self.out
        for i in range(len(figs) - 1):
            a, b = figs[i], figs[i + 1]
            if a.link is not None or b.link is not None:
                continue
            if a.kind == "date" or b.kind == "date" or b.start - a.end > X.MAX_GAP:
                continue  # no connector is longer: never slice the text between far-apart figures
            if not compatible(a, b):
                continue
            gap = text[a.end:b.start]
            conn = gap.strip().lower()
            if conn == "to" and X.BY_BEFORE.search(text, max(0, a.start - 24), a.start) and a.kind == b.kind:
                _link(figs, i, "change", ("by", "to"))  # 'rose by 15p to £9.90', 'fell by 0.2 points to 4.1%'
            elif a.kind == b.kind == "percent" and a.unit != b.unit:
                continue
            elif conn in X.RANGE_CONNECTORS and X.CONNECT_RANGE.fullmatch(gap):
                self._range_or_change(i, conn)
            elif a.kind in ("money", "count", "percent") and b.kind == a.kind \
                    and ("from" in gap.lower() or "compared" in gap.lower()) and X.CONNECT_UPFROM.fullmatch(gap):
                _link(figs, i, "change", ("to", "from"))

    def _range_or_change(self, i: int, conn: str) -> None:
        """Link figures ``i`` and ``i + 1``, joined by ``conn`` ('-', 'to', 'and', 'or'), when they are a range
        ('between 2 and 3', '£10-15bn') or the ends of a change ('from £6bn to £8.2bn')."""
        text, figs = self.text, self.out
        a, b = figs[i], figs[i + 1]
        if conn == "or":
            return  # 'two or three councils': alternatives, neither a range nor a change
        w0, w1 = window_before(a.start, 24)
        if conn == "and" and not X.BETWEEN_BEFORE.search(text, w0, w1):
            return
        if conn in ("-", "–", "—") and a.kind == b.kind == "year" and isinstance(b.value, str):
            return  # '2019/20 – 2020/21': two financial years side by side (but 'from 2019/20 to 2020/21')
        if X.FROM_BEFORE.search(text, w0, w1):  # (never with 'and': 'between' ends where 'from' would)
            _link(figs, i, "change", ("from", "to"))
        else:
            _link(figs, i, "range", ("low", "high"))

    def add_modifiers(self, fig: RawFigure) -> None:
        """The hedge, bound and rate of a figure."""
        if fig.kind in ("date", "year"):
            return
        a, b = window_before(fig.start, 40)
        k = self.spaces_start(a, b)
        precedes = self.precedes(k, b)
        p = self.p
        hedge = self.phrase_before(p.hedge, p.hedge_ends, a, b, k) if "hedge" in precedes else None
        if hedge:
            fig.approx = True
        if fig.kind != "duration" or not hedge:
            self._bound(fig, a, b, k, precedes)
        if fig.kind in ("money", "count", "quantity", "percent", "duration"):
            self._rate(fig, a, b)

    def _bound(self, fig: RawFigure, a: int, b: int, k: int, precedes: frozenset[str]) -> None:
        p = self.p
        bmin = self.phrase_before(p.bound_min, p.bound_min_ends, a, b, k) if "min" in precedes else None
        bmax = self.phrase_before(p.bound_max, p.bound_max_ends, a, b, k) if "max" in precedes else None
        if bmin and bmax:  # the longer phrase wins: 'no more than' is a maximum
            if bmax.start() < bmin.start():
                bmin = None
            else:
                bmax = None
        if fig.kind == "duration":  # 'over 10 years', 'within 6 weeks' say how long, not a bound
            if bmin and bmin.group("w").lower() == "over":
                bmin = None
            if bmax and bmax.group("w").lower() == "within":
                bmax = None
        if not bmin and not bmax:
            after = self.bound_after(fig.end)
            if after:  # '66 and over', '5,000 or more', '16 or under', 'over 10 years or more'
                fig.bound = "min" if after.group("min") else "max"
        if bmin:
            fig.bound = "min"
        elif bmax:
            fig.bound = "max"
        if fig.bound and bmin and bmin.group("w").lower() in ("just over", "well over"):
            fig.approx = True

    def _rate(self, fig: RawFigure, a: int, b: int) -> None:
        text = self.text
        rate = self.rate_after(fig.end)
        if rate is None and fig.kind == "count" and fig.unit:
            at = self.noun_end(fig.end, fig.unit)  # after the counted noun: '30,000 more children a year'
            if at != fig.end:
                rate = self.rate_after(at)
        if rate and X.RATE_ARTICLE.match(rate.group("w")) and X.TIME_AFTER.match(text, rate.end(), rate.end() + AHEAD):
            rate = None
        if rate:
            fig.rate = self.t.rate_after[X.SPACES.sub(" ", fold(rate.group("w")).replace("-", " "))]
        elif fig.kind == "money" and "per" in self.low[fig.end:fig.end + 5]:
            per = X.PER_WORD.match(text, fig.end, fig.end + AHEAD)
            if per and per.group("w").lower() != "cent":  # ('27.03p per kWh': a price per unit of its own)
                fig.rate = per.group("w")
        elif fig.kind == "money" and (not self.plain or any(w in self.low[a:b] for w in self.t.rate_before)):
            rb = self.p.rate_before.search(text, a, b)
            if rb:
                fig.rate = self.t.rate_before.get(rb.group(0).split()[0].lower())

    def rate_after(self, k: int) -> regex.Match[str] | None:
        """A rate after a figure ('a year', 'per week', '-a-year')."""
        return self.p.rate_after.match(self.text, k, k + AHEAD) if self.may_start(k, self.p.rate_start) else None

    def share_links(self) -> None:
        """What the ends of a range or change share (scale, currency, rate, counted noun); an elliptical count takes
        the noun of the count before it; a link holds only between figures of one kind."""
        figs = self.out
        for i, a in enumerate(figs):
            if a.link is None or a.link < i:
                continue
            b = figs[a.link]
            if a.link_type == "range":
                _share_range(a, b)
            if a.kind == "count" and b.kind == "count":
                a.unit = a.unit or b.unit
                b.unit = b.unit or a.unit
            if a.rate and not b.rate:
                b.rate = a.rate
            elif b.rate and not a.rate:
                a.rate = b.rate
        # a part takes the noun of its whole: '3 of the 12 councils'
        for i in range(len(figs) - 1, 0, -1):
            a, b = figs[i - 1], figs[i]
            if a.kind == b.kind == "count" and b.unit and X.OF_THE.fullmatch(self.text, a.end, b.start) and (
                    a.unit is None or a.unit.lower().startswith(self.text[b.start:b.end].lower() + " ")):
                a.unit = b.unit  # (also when the whole's number in words was read into the part's noun: 'Two of
                # the four new prisons')
        # elliptical counts (and averages) take the noun of the one before them: '2,000 people ... and 2,800 who
        # work', '16.3 cases, lower than the 17.8 recorded in 2017'
        last: dict[str, RawFigure] = {}
        for b in figs:
            kind = "quantity" if b.average else b.kind
            a = last.get(kind)
            if a is not None and b.unit is None and a.unit and b.value is not None and a.source == b.source \
                    and b.start - a.end < 160 and not X.SENTENCE_BREAK.search(self.text, a.end, b.start):
                b.unit = a.unit
            if b.average and b.kind == "count" and b.unit:
                b.kind = "quantity"  # a count with a decimal part is an average of what it counts ('16.3 cases')
            if b.kind in ("count", "quantity"):
                last[b.kind] = b
        for a in figs:
            if a.link is not None and figs[a.link].kind != a.kind:
                b = figs[a.link]
                a.link = a.link_type = a.link_role = None
                b.link = b.link_type = b.link_role = None


def _share_range(a: RawFigure, b: RawFigure) -> None:
    """The low end of a range takes the scale, currency or unit of the high end: '£10-15bn', 'between 2 and 3
    million', 'between 1,000 and 1,500 million' (not '900,000 to 1.2 million', nor '£5 to £5m': a low end takes
    the scale only when it is then below the high end), '10-15%', 'aged 11 to 16'."""
    if a.scale is None and b.scale and a.kind in ("count", "money") and b.kind in ("count", "money") \
            and isinstance(a.value, float) and isinstance(b.value, float) and b.scale > 1 \
            and abs(a.value) < abs(b.value) / b.scale:
        a.value = scaled(a.value, b.scale)
        a.scale = b.scale
    if a.kind == "count" and b.kind == "money":
        a.kind, a.unit = "money", b.unit
    elif a.kind == "money" and b.kind == "count":
        b.kind, b.unit = "money", a.unit
        if a.scale and b.scale is None and abs(b.value) < 1000:
            b.value = scaled(b.value, a.scale)
    elif a.kind == "count" and b.kind == "percent":
        a.kind, a.unit = "percent", b.unit
    elif a.kind == "count" and b.kind in ("duration", "quantity"):
        a.kind, a.unit = b.kind, b.unit
    elif b.kind == "count" and a.kind in ("duration", "quantity") and isinstance(a.value, float) \
            and isinstance(b.value, float) and a.value < b.value <= 4 * a.value + 10:
        b.kind, b.unit = a.kind, a.unit  # 'aged 11 to 16'
        b.source = a.source
