"""The arithmetic rule: figures of one document that do not add up, read with their written precision.

Levels are read as levels and changes as changes (``Claim.aspect``): only a claim that states a change is
checked against the levels it is between (``Claim.ends``, or the from/to pair of its sentence), so "the share
rose from 17% to 19%" (two levels, no stated change) is never an error. Three forms are checked:

* a stated change against its from/to values: a percentage change (``rose by 50% from £6.1bn to £8.2bn``),
  a change in percentage points, an absolute change (``up £2bn from £6bn to £8bn``), a multiple (``doubled``);
* parts against a stated total in one sentence ("the £10bn total is made up of £6bn, £3bn and £2bn"; the
  total is marked by the words of the ``total_cues`` lexicon), and the shares of a table column against
  100% when the table states a total row;
* a yearly rate times a period against a stated total ("£45m a year over three years, a total of £180m";
  the period is the duration figure of the sentence: "two decades" is 20 years).

Every figure stands for the interval its written precision implies (:mod:`.values`); the rule fires only
when no values inside those intervals make the arithmetic right, widened by ``tolerance.arithmetic``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from ..lexicons import Lexicons
from ..models import Claim, Document, Figure
from .caching import cached
from .items import Item, Settings, cited_item, describe_value, family_of, has_measure, numeric, reading
from .measures import signature
from .rules import define
from .run import Run

_CUE_WINDOW = 28  # characters read on each side of a figure for a total cue
Interval = tuple[float, float]


class _Claims:
    """The numeric claims of one document by id and by sentence; their intervals read when first asked for."""

    def __init__(self, doc: Document, st: Settings) -> None:
        self.doc = doc
        self.st = st
        self.figures = doc.figures
        self._texts: dict[str, str] | None = None
        self.by_id: dict[str, Claim] = {}
        self.by_sentence: dict[int, list[Claim]] = {}
        for c in doc.claims:
            if numeric(c.value):
                self.by_id[c.id] = c
                self.by_sentence.setdefault(c.sentence_start, []).append(c)

    def text(self, c: Claim) -> str:
        """The claim's figure as written ('' when the document does not hold it)."""
        if self._texts is None:
            self._texts = {f.id: f.text for f in self.doc.figures}
        return self._texts.get(c.figure) or ""

    def value(self, c: Claim) -> tuple[float, float, float]:
        """(lowest, highest, stated) value of a numeric claim."""
        got = reading(c, self.text(c), self.st)
        assert got is not None
        return got

    def interval(self, c: Claim) -> Interval:
        lo, hi, _ = self.value(c)
        return lo, hi

    def item(self, c: Claim) -> Item:
        """An item to cite (the measure may be missing: arithmetic does not need one)."""
        return cited_item(self.doc, c, self.text(c))


def _slack(run: Run, value: float) -> float:
    return abs(value) * run.cfg.arithmetic


def _apart(a: Interval, b: Interval, slack: float) -> bool:
    return a[0] > b[1] + slack or b[0] > a[1] + slack


@define(
    "arithmetic", severity="error", name="Arithmetic",
    summary="Stated figures do not add up.",
    description=(
        "Within one document: a stated change does not match its from/to values (from £6.1bn to £8.2bn is "
        "+34%, not +50%), parts do not add up to a stated total (in a sentence, or the shares of a table "
        "column against its total row), or a yearly rate times its period contradicts a stated total (£45m a "
        "year over three years is £135m, not £180m). Every figure is read with its written precision: the "
        "rule fires only when no values the figures admit make the arithmetic right."),
    help=(
        "Recompute the change, total or rate from the figures as written and correct whichever figure is "
        "wrong. If the figures are right but rounded, say so ('about a third'). Silence with "
        "<!-- caresocial: ignore arithmetic --> when the mismatch is intended."),
    scope="document", tags=("consistency", "arithmetic"),
)
def arithmetic(run: Run, doc: Document) -> None:
    """Changes against their ends, parts against totals, rates times periods against totals."""
    claims = _Claims(doc, run.settings)
    for c in claims.by_id.values():
        if c.aspect == "change":
            _stated_change(run, claims, c)
    for sentence in claims.by_sentence.values():
        if len(sentence) > 1:
            _parts_total(run, claims, sentence)
            _rate_period(run, claims, sentence)


# --------------------------------------------------------------------------------------- stated changes
def _ends(claims: _Claims, change: Claim) -> tuple[Claim, Claim] | None:
    if len(change.ends) == 2 and all(e in claims.by_id for e in change.ends):
        return claims.by_id[change.ends[0]], claims.by_id[change.ends[1]]
    sentence = claims.by_sentence.get(change.sentence_start, ())
    if sum(1 for c in sentence if c.aspect == "change") != 1:
        return None  # several changes and one pair of ends: which change is between them is not said
    pairs = [(f, claims.by_id[f.link]) for f in sentence
             if f.link_role == "from" and f.link in claims.by_id and f.aspect == "level"]
    return pairs[0] if len(pairs) == 1 else None


def _relative(frm: Interval, to: Interval) -> Interval | None:
    """The change in per cent of the start ('up 50%')."""
    if frm[0] <= 0:
        return None
    return (to[0] - frm[1]) / frm[1] * 100, (to[1] - frm[0]) / frm[0] * 100


def _difference(frm: Interval, to: Interval) -> Interval | None:
    """The change in the ends' own units ('up £2bn'; 'up 2 percentage points' between percentages)."""
    return to[0] - frm[1], to[1] - frm[0]


def _multiple(frm: Interval, to: Interval) -> Interval | None:
    """The change as a multiple of the start ('doubled')."""
    if frm[0] <= 0:
        return None
    return to[0] / frm[1], to[1] / frm[0]


CHANGES = {"relative": _relative, "difference": _difference, "multiple": _multiple}
_SIZE = {"relative": "{:+.1f}%", "difference": "{:+,.10g}", "multiple": "x{:.2f}"}


def actual_change(kind: str, frm: Interval, to: Interval) -> Interval | None:
    """The change from ``frm`` to ``to`` as a stated change of ``kind`` measures it: 'relative' (per cent of the
    start), 'difference' (in the ends' units, also percentage points between percentages) or 'multiple'."""
    if not all(map(math.isfinite, (*frm, *to))):
        return None
    return CHANGES[kind](frm, to)


def _stated_change(run: Run, claims: _Claims, change: Claim) -> None:
    ends = _ends(claims, change)
    if ends is None:
        return
    frm, to = ends
    kind = _mismatch(run, claims, change, frm, to)
    if not kind:  # None: not comparable; "": the stated change matches its ends
        return
    # another change stated in the sentence that these ends do match is the change between them ('11% more
    # than the year before ... from £736.6m, a 105% increase overall')
    # (but not a restatement of the same change in other terms: 'rose by £111, or 8%, from £1,738 to £1,849')
    if any(other is not change and other.aspect == "change" and not _restates(change, other)
           and _mismatch(run, claims, other, frm, to) == ""
           for other in claims.by_sentence.get(change.sentence_start, ())):
        return
    _, _, f_value = claims.value(frm)
    _, _, t_value = claims.value(to)
    exact = CHANGES[kind]((f_value, f_value), (t_value, t_value))
    size = _SIZE[kind].format(exact[0]) if exact else ""
    items = [claims.item(change), claims.item(frm), claims.item(to)]
    run.report("arithmetic", change.measure or frm.measure or "-", items,
               f"{change.measure or frm.measure or 'change'}: stated {_said(change, items[0])} but "
               f"{describe_value(items[1])} to {describe_value(items[2])} is a change of {size} "
               f"({doc_place(claims.doc, change)}).")


_RESTATING = regex.compile(r"\s*(?:,?\s*or|\()\s*")


def _restates(a: Claim, b: Claim) -> bool:
    """Whether two changes of a sentence are one change in two terms: only ', or' or a bracket between them."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = first.sentence[first.end - first.sentence_start:second.start - second.sentence_start]
    return bool(_RESTATING.fullmatch(gap))


def _mismatch(run: Run, claims: _Claims, change: Claim, frm: Claim, to: Claim) -> str | None:
    """The kind of change ('relative', 'difference', 'multiple') when ``change`` does not match the change
    from ``frm`` to ``to``; '' when it matches; None when the two cannot be compared."""
    if family_of(frm) != family_of(to) or frm.aspect == "change":
        return None  # the ends of a change are two levels of one family
    points = change.kind == "percent" and str(change.unit).startswith("percentage point")
    if change.kind == "ratio":
        kind = "multiple"
    elif change.kind == "percent" and not points:
        kind = "relative"
    elif (points and frm.kind == "percent") or family_of(change).removeprefix("change:") == family_of(frm):
        kind = "difference"
    else:
        return None
    actual = actual_change(kind, claims.interval(frm), claims.interval(to))
    if actual is None:
        return None
    lo, hi, value = claims.value(change)
    if change.direction == "down" and kind != "multiple":
        lo, hi = -hi, -lo
    elif change.direction is None and kind != "multiple" and actual[1] < 0:
        actual = (-actual[1], -actual[0])  # a change stated without its direction: compare sizes
    return kind if _apart((lo, hi), actual, _slack(run, value)) else ""


def _said(c: Claim, item: Item) -> str:
    word = {"up": "a rise of ", "down": "a fall of "}.get(c.direction or "", "")
    return word + describe_value(item)


def doc_place(doc: Document, c: Claim) -> str:
    return f"{doc.doc_id}:{c.line}:{c.column}"


# ------------------------------------------------------------------------------------- parts and totals
def _total_cues_uncached(lex: Lexicons) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    before, after, partial = [], [], set()
    for row in lex.rows("total_cues"):
        words = " ".join(row[0].lower().split())
        (after if len(row) > 1 and row[1].strip().lower() == "after" else before).append(words)
        if len(row) > 2 and row[2].strip().lower() == "partial":
            partial.add(words)
    return tuple(sorted(before, key=len, reverse=True)), tuple(sorted(after, key=len, reverse=True)), \
        frozenset(partial)


_total_cues = cached(_total_cues_uncached, 64)


def _is_total(c: Claim, lex: Lexicons) -> str | None:
    """The cue that marks ``c`` as the total of the other figures of its sentence, or None."""
    before_cues, after_cues, _partial = _total_cues(lex)
    at = c.start - c.sentence_start
    before = " ".join(c.sentence[max(0, at - _CUE_WINDOW):at].lower().split())
    end = c.end - c.sentence_start
    written = " ".join((c.time.as_written or "").lower().split())
    if written and c.sentence[end:].lower().lstrip().startswith(written):
        end = c.sentence.lower().index(written, end) + len(written)  # ('£1.2bn in 2025/26, made up of ...')
    after = " ".join(c.sentence[end:end + _CUE_WINDOW].lower().split())
    cue = next((w for w in before_cues
                if before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())), None)
    cue = cue or next((w for w in after_cues if _starts(after, w)), None)
    if cue is not None:
        return cue
    # a cue of several words after a comma or the noun the figure names ('the £10bn package is made up of',
    # '£3bn, of which')
    words = " ".join(after.replace(",", " ").split()).split(" ", 3)
    tails = [" ".join(words[k:]) for k in (0, 1, 2) if len(words) > k and all(x.isalpha() for x in words[:k])]
    return next((w for tail in tails for w in after_cues if " " in w and _starts(tail, w)), None)


def _starts(text: str, words: str) -> bool:
    return text.startswith(words) and (len(text) == len(words) or not text[len(words)].isalnum())


def _addable(c: Claim, total: Claim) -> bool:
    return (c is not total and c.kind == total.kind and c.aspect == "level"
            and c.link is None and family_of(c) == family_of(total)
            and (c.unit or "").split()[:1] == (total.unit or "").split()[:1])


def _parts_total(run: Run, claims: _Claims, sentence: Sequence[Claim]) -> None:
    if len(sentence) < 3:
        return
    for total in sentence:
        cue = _is_total(total, run.settings.lex) if total.bound is None and total.aspect == "level" else None
        if cue is None:
            continue
        parts = [c for c in sentence if _addable(c, total)]
        if len(parts) < 2:
            continue
        span = (sum(claims.interval(p)[0] for p in parts), sum(claims.interval(p)[1] for p in parts))
        got = claims.interval(total)
        if not _apart(span, got, _slack(run, claims.value(total)[2])) or \
                (cue in _total_cues(run.settings.lex)[2] and span[1] < got[0]):
            continue  # (a partial list names only some parts: less than the total is no error)
        stated = sum(claims.value(p)[2] for p in parts)
        items = [claims.item(total), *(claims.item(p) for p in parts)]
        measure = total.measure or "total"
        run.report("arithmetic", measure, items,
                   f"{measure}: the parts ({', '.join(describe_value(i) for i in items[1:])}) add up to "
                   f"{_amount(total, stated)}, not the stated total {describe_value(items[0])} "
                   f"({doc_place(claims.doc, total)}).")


def _amount(like: Claim, value: float) -> str:
    if like.kind == "percent":
        return f"{value:,.15g}%"
    if like.kind == "money":
        return f"{(like.unit or '').split()[0]} {value:,.15g}".strip()
    return f"{value:,.15g}"


# --------------------------------------------------------------------------------------- rate x period
_YEARS = {"year": 1.0, "years": 1.0, "month": 1 / 12, "months": 1 / 12, "week": 7 / 365.25, "weeks": 7 / 365.25,
          "decade": 10.0, "decades": 10.0, "day": 1 / 365.25, "days": 1 / 365.25}


def _period(figures: Sequence[Figure], lo: int, hi: int) -> tuple[float, Figure] | None:
    """(years, figure) of the one duration figure between offsets lo and hi (None when there is none, or
    several)."""
    found = [f for f in figures if f.kind == "duration" and lo <= f.start and f.end <= hi and numeric(f.value)]
    if len(found) != 1:
        return None
    f = found[0]
    per = _YEARS.get((f.unit or "years").lower())
    return None if per is None else (float(f.value) * per, f)  # type: ignore[arg-type]


def _same_thing(rate: Claim, total: Claim, lex: Lexicons) -> bool:
    """A total over a period (``over``) of the measure the rate is a yearly amount of: the same head noun, and
    every word of the total's measure among the rate's ('cost' and 'annual cost'; not 'parks spending' and
    'annual roads spending')."""
    if total.time.relation != "over" or not (has_measure(rate) and has_measure(total)):
        return False
    sa, sb = signature(rate.measure or "", lex), signature(total.measure or "", lex)
    return sa is not None and sb is not None and sa.head == sb.head and sb.words <= sa.words


def _distributive_uncached(lex: Lexicons) -> frozenset[str]:
    return frozenset(r[0].lower() for r in lex.rows("function_words") if len(r) > 1 and r[1] == "distributive")


_distributive = cached(_distributive_uncached, 64)
_BACK = regex.compile(r"\b(?:past|last|previous|preceding)\s+$", regex.IGNORECASE)


def _per_member(rate: Claim, lex: Lexicons) -> bool:
    """Whether a rate is given per member of a group ('each council gets £2m a year'): its clause says so before
    it."""
    at = rate.start - rate.sentence_start
    clause = rate.sentence[:at]
    clause = clause[max(clause.rfind(";"), clause.rfind(". ")) + 1:]
    return any(w in _distributive(lex) for w in clause.lower().split())


def _past_period(f: Figure, total: Claim) -> bool:
    """Whether a duration in the sentence of ``total`` is a period that has passed ('over the past three
    years'): a rate stated now need not have held over it."""
    at = f.start - total.sentence_start
    return at > 0 and bool(_BACK.search(total.sentence[max(0, at - 12):at]))


def _rate_period(run: Run, claims: _Claims, sentence: Sequence[Claim]) -> None:
    rates = [c for c in sentence if c.rate == "year" and c.kind in ("money", "count") and c.aspect == "level"
             and not _per_member(c, run.settings.lex)]
    if not rates:
        return
    totals = [c for c in sentence if c.rate is None and c.kind in ("money", "count") and c.aspect == "level"
              and c.link is None and c.bound != "max"]
    for total in totals:
        for rate in rates:
            if (rate.unit or "").split()[:1] != (total.unit or "").split()[:1] or rate.kind != total.kind:
                continue
            start = min(rate.start, total.start)
            end = max(rate.end, total.end) + 40  # 'a total of £180m over three years'
            period = _period(claims.figures, start, end)
            if period is None:
                continue
            cued = _is_total(total, run.settings.lex) is not None
            if not cued and (not _same_thing(rate, total, run.settings.lex) or _past_period(period[1], total)):
                continue
            years = period[0]
            r_lo, r_hi = claims.interval(rate)
            expected = (r_lo * years, r_hi * years)
            got = claims.interval(total)
            if not _apart(expected, got, _slack(run, claims.value(total)[2])):
                continue
            items = [claims.item(rate), claims.item(total)]
            measure = total.measure or rate.measure or "total"
            run.report("arithmetic", measure, items,
                       f"{measure}: {describe_value(items[0])} over {years:g} years is "
                       f"{_amount(total, claims.value(rate)[2] * years)}, but the stated total is "
                       f"{describe_value(items[1])} ({doc_place(claims.doc, total)}).")


__all__ = ["actual_change", "arithmetic"]
