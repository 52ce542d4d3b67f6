"""The consistency checker: compare claims within and across documents.

Claims are grouped by (measure key after aliases, unit family) in one pass, so the work grows with the
number of claims, not with its square: inside a group, claims are sorted and swept, and the pairs a finding
cites are capped (beyond the cap one finding lists every claim involved).

Rules (ids are stable; severities are configurable):

* ``time-conflict``: same measure and value, different time ("close to 100,000 by the end of 2025" vs
  "approaching 100,000 by 2032").
* ``value-conflict``: same measure and time, values that differ beyond a tolerance; hedges widen it, bounds
  are respected ("more than £15bn" agrees with £16bn), scale is normalised (£2.6bn = £2,600m).
* ``arithmetic``: a stated change that does not match its from/to values; parts that do not add up to a
  stated total; a yearly rate times a period that contradicts a stated total.
* ``unit-scale``: the same measure in incompatible units, or an obvious scale slip (£2.6m vs £2.6bn).
"""

from __future__ import annotations

import gc
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import regex

from ..config import RULE_IDS, Config
from ..models import Claim, ClaimRef, Document, Finding, Report

MAX_PAIRS = 24  # pairs cited one by one before a group's conflict is reported as one finding
MAX_CITED = 12  # claims cited per side of such a grouped finding (the message gives the full counts)
_POINT = frozenset({"at", "by", "to", "from"})
_TIMED = frozenset({"by", "at", "to", "over"})


class _Item(NamedTuple):
    """A claim ready for comparison. Fields are ordered so plain tuple sorting sweeps by interval, with
    ``seq`` (document then claim order) breaking ties deterministically."""

    lo: float
    hi: float
    seq: int
    doc: Document
    claim: Claim
    text: str
    year: str | None  # str(time.year), None when unknown
    tclass: str  # 'point' for at/by/to/from, else the relation

    @property
    def value(self) -> float:
        return float(self.claim.value)  # type: ignore[arg-type]


def _item(doc: Document, c: Claim, lo: float, hi: float, text: str = "", seq: int = 0) -> _Item:
    t = c.time
    return _Item(lo, hi, seq, doc, c, text, None if t.year is None else str(t.year),
                 "point" if t.relation in _POINT else t.relation)


def _unit_family(c: Claim) -> str:
    if c.kind == "money":
        return "money"
    if c.kind == "percent":
        return "pp" if (c.unit or "").startswith("percentage point") else "%"
    return c.kind


def _numeric(c: Claim) -> bool:
    return isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and math.isfinite(c.value)


def interval(c: Claim, cfg: Config) -> tuple[float, float]:
    """The values a claim admits: its value within tolerance (wider when hedged), open-ended for bounds."""
    v = float(c.value)  # type: ignore[arg-type]
    if c.kind == "percent" and (c.unit or "%") == "%":
        tol = cfg.percent_points * (2 if c.approx else 1)
        lo, hi = v - tol, v + tol
    else:
        rel = cfg.approx if c.approx else cfg.relative
        lo, hi = sorted((v * (1 - rel), v * (1 + rel)))
    if c.bound == "min":
        hi = math.inf
    elif c.bound == "max":
        lo = -math.inf
    return lo, hi


def _ref(item: _Item) -> ClaimRef:
    doc, c = item.doc, item.claim
    return ClaimRef.build(
        doc_id=doc.doc_id, claim=c.id, start=c.start, end=c.end, line=c.line, column=c.column, path=doc.path,
        text=item.text or _figure_text(doc, c), sentence=c.sentence, value=c.value, unit=c.unit, time=c.time,
        speaker=c.speaker.name if c.speaker else None,
    )


def _figure_text(doc: Document, c: Claim) -> str:
    for f in doc.figures:
        if f.id == c.figure:
            return f.text
    return str(c.value)


def fingerprint(rule: str, measure: str, items: Iterable[_Item]) -> str:
    """Stable id of a finding: rule, measure and, per side, document, figure text, value, time and sentence —
    no offsets, so edits elsewhere in the documents keep it."""
    parts = sorted(f"{i.doc.doc_id}|{i.text or _figure_text(i.doc, i.claim)}|{i.claim.value}|{i.claim.time.relation}|"
                   f"{i.claim.time.year}|{' '.join(i.claim.sentence.split())}" for i in items)
    raw = "\x1f".join([rule, measure, *parts])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def _fmt_value(c: Claim) -> str:
    v = c.value
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if c.kind == "money" and isinstance(v, (int, float)):
        unit = (c.unit or "").split()[0]
        body = f"{unit} {v:,.0f}" if abs(v) >= 1000 else f"{unit} {v:,}"
    elif c.kind == "percent":
        body = f"{v}%" if (c.unit or "%") == "%" else f"{v} percentage points"
    elif isinstance(v, (int, float)):
        body = f"{v:,}"
    else:
        body = str(v)
    if c.rate:
        body += f" per {c.rate}"
    if c.bound == "min":
        body = "more than " + body
    elif c.bound == "max":
        body = "up to " + body
    if c.approx:
        body = "about " + body
    return body


def _fmt_time(c: Claim) -> str:
    t = c.time
    if t.year is None:
        return f"({t.as_written}, unresolved)" if t.as_written else "(no time stated)"
    return f"{t.relation} {t.year}"


def _side(i: _Item) -> str:
    c = i.claim
    return f"{_fmt_value(c)} {_fmt_time(c)} in {i.doc.doc_id}:{c.line}:{c.column} (\"{_clip(c.sentence)}\")"


def _clip(s: str, n: int = 220) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


class _Run:
    def __init__(self, docs: list[Document], cfg: Config) -> None:
        self.docs = docs
        self.cfg = cfg
        self.findings: list[Finding] = []
        self.agreements: list[Finding] = []
        self.errors: list[str] = []

    def enabled(self, rule: str) -> bool:
        return rule not in self.cfg.disable

    def add(self, rule: str, measure: str, items: list[_Item], message: str, agreement: bool = False) -> None:
        f = Finding.build(
            rule=rule, severity="info" if agreement else self.cfg.severity_of(rule), message=message,
            measure=measure, claims=tuple(_ref(i) for i in items),
            fingerprint=fingerprint(rule, measure, items), agreement=agreement,
        )
        (self.agreements if agreement else self.findings).append(f)


def _groups(docs: list[Document], cfg: Config) -> dict[tuple[str, str], list[_Item]]:
    """Numeric claims grouped by (measure key after aliases, unit family), in corpus order."""
    groups: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    aliases = cfg.aliases
    rel, approx, pp = cfg.relative, cfg.approx, cfg.percent_points
    inf = math.inf
    new = tuple.__new__
    seq = 0
    for d in docs:
        texts = {f.id: f.text for f in d.figures}
        for c in d.claims:
            v = c.value
            if c.measure is None or not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
                continue  # no measure found: never compared
            kind, unit = c.kind, c.unit
            # interval() inlined: this loop runs once per claim of the corpus
            if kind == "percent" and (unit or "%") == "%":
                tol = pp * 2 if c.approx else pp
                lo, hi = v - tol, v + tol
                family = "%"
            else:
                r = approx if c.approx else rel
                lo, hi = (v * (1 - r), v * (1 + r)) if v >= 0 else (v * (1 + r), v * (1 - r))
                family = "money" if kind == "money" else ("pp" if kind == "percent" else kind)
            bound = c.bound
            if bound == "min":
                hi = inf
            elif bound == "max":
                lo = -inf
            t = c.time
            year = t.year
            seq += 1
            key = (aliases.get(c.measure, c.measure), family)
            item = new(_Item, (lo, hi, seq, d, c, texts.get(c.figure) or str(v), None if year is None else str(year),
                               "point" if t.relation in _POINT else t.relation))
            groups[key].append(item)
    return groups


def _components(items: list[_Item]) -> list[list[_Item]]:
    """Connected components of overlapping intervals (a sweep over items sorted by their lower end)."""
    items = sorted(items)
    comps: list[list[_Item]] = []
    reach = -math.inf
    for it in items:
        if not comps or it.lo > reach:
            comps.append([it])
            reach = it.hi
        else:
            comps[-1].append(it)
            reach = max(reach, it.hi)
    return comps


def _pairs(a: list[_Item], b: list[_Item]) -> list[tuple[_Item, _Item]] | None:
    if len(a) * len(b) > MAX_PAIRS:
        return None
    return [(x, y) for x in a for y in b]


def _same_currency(items: list[_Item]) -> dict[str, list[_Item]]:
    out: dict[str, list[_Item]] = defaultdict(list)
    for i in items:
        out[(i.claim.unit or "").split()[0] if i.claim.kind == "money" else i.claim.unit or ""].append(i)
    return out


def value_and_scale(run: _Run, measure: str, items: list[_Item]) -> None:
    """value-conflict and unit-scale inside one measure group."""
    by_time: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for i in items:
        if i.year is not None:
            by_time[(i.tclass, i.year)].append(i)
    for key, group in sorted(by_time.items()):
        if items[0].claim.kind == "money":
            by_cur = _same_currency(group)
            if len(by_cur) > 1 and run.enabled("unit-scale"):
                curs = sorted(by_cur)
                a, b = by_cur[curs[0]][0], by_cur[curs[1]][0]
                run.add("unit-scale", measure, [a, b],
                        f"{measure}: stated in different currencies ({', '.join(curs)}): {_side(a)} vs {_side(b)}")
            groups = list(by_cur.values())
        else:
            groups = [group]
        for g in groups:
            comps = _components(g)
            if len(comps) == 1:
                _agreements(run, measure, comps[0])
                continue
            for x in range(len(comps) - 1):
                a_comp, b_comp = comps[x], comps[x + 1]
                slip = _scale_slip(a_comp[0], b_comp[0])
                rule = "unit-scale" if slip else "value-conflict"
                if not run.enabled(rule):
                    continue
                pairs = _pairs(a_comp, b_comp)
                if pairs is None:
                    run.add(rule, measure, a_comp[:MAX_CITED] + b_comp[:MAX_CITED],
                            f"{measure}: {len(a_comp)} claims around {_fmt_value(a_comp[0].claim)} and "
                            f"{len(b_comp)} around {_fmt_value(b_comp[0].claim)} for the same time "
                            f"({key[1]}): first {_side(a_comp[0])} vs {_side(b_comp[0])}")
                    continue
                for a, b in pairs:
                    what = f"scale slip (x{slip:,.0f})" if slip else "different values for the same time"
                    run.add(rule, measure, [a, b], f"{measure}: {what}: {_side(a)} vs {_side(b)}")


def _scale_slip(a: _Item, b: _Item) -> float | None:
    va, vb = abs(a.value), abs(b.value)
    if not va or not vb:
        return None
    ratio = max(va, vb) / min(va, vb)
    for s in (1e3, 1e6, 1e9):
        if abs(ratio / s - 1) < 0.01:
            return s
    return None


def _agreements(run: _Run, measure: str, comp: list[_Item]) -> None:
    if not run.cfg_show_agreements or len(comp) < 2:  # type: ignore[attr-defined]
        return
    docs = {i.doc.doc_id for i in comp}
    if len(docs) < 2:
        return
    first = comp[0]
    others = [i for i in comp if i.doc.doc_id != first.doc.doc_id][:MAX_PAIRS]
    for o in others:
        run.add("value-conflict", measure, [first, o], f"{measure}: agree: {_side(first)} and {_side(o)}", True)


def _year_span(item: _Item) -> tuple[int, int]:
    """Calendar years a claim's time may fall in: a financial year '2026/27' touches 2026 and 2027, and a
    time resolved from a relative phrase ('a five year programme', 'in 10 years' time') is good to a year
    either way, since the start of the period is known only to the year of the statement."""
    year = item.year or ""
    head = year[:4]
    if not head.isdigit():
        return (0, 0)
    lo = int(head)
    hi = lo + 1 if len(year) > 4 else lo
    if item.claim.time.resolved_against is not None:
        lo, hi = lo - 1, hi + 1
    return (lo, hi)


def _years_of(items: list[_Item]) -> tuple[int, int]:
    """The calendar years any of ``items`` (claims of one stated year) may fall in: their spans share a centre,
    so the widest holds the others, and two such ranges are apart exactly when every pair of spans is."""
    spans = [_year_span(i) for i in items]
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def time_conflicts(run: _Run, measure: str, items: list[_Item]) -> None:
    """Same measure and value, different time."""
    timed = [i for i in items if i.year is not None and i.claim.time.relation in _TIMED]
    for comp in _components(timed):
        by_year: dict[str, list[_Item]] = defaultdict(list)
        for i in comp:
            by_year[i.year].append(i)  # type: ignore[index]
        if len(by_year) < 2:
            continue
        # the same figure (all members close to one value), at different times
        years = sorted(by_year)
        values = [i.value for i in comp]
        if max(values) > min(values) * (1 + 2 * run.cfg.approx) and min(values) > 0:
            continue
        ranges = {y: _years_of(by_year[y][:MAX_CITED]) for y in years}
        for x in range(len(years)):
            for y in range(x + 1, len(years)):
                a_list, b_list = by_year[years[x]], by_year[years[y]]
                (a_lo, a_hi), (b_lo, b_hi) = ranges[years[x]], ranges[years[y]]
                if not (a_hi < b_lo or b_hi < a_lo):
                    continue  # the two years may be the same one
                pairs = _pairs(a_list, b_list)
                if pairs is None:
                    run.add("time-conflict", measure, a_list[:MAX_CITED] + b_list[:MAX_CITED],
                            f"{measure}: the same {_fmt_value(a_list[0].claim)} is given for {years[x]} "
                            f"({len(a_list)} claims) and for {years[y]} ({len(b_list)} claims): first "
                            f"{_side(a_list[0])} vs {_side(b_list[0])}")
                    continue
                for a, b in pairs:
                    run.add("time-conflict", measure, [a, b],
                            f"{measure}: same value, different time: {_side(a)} vs {_side(b)}")


# ------------------------------------------------------------------------------------------------------
# arithmetic
# ------------------------------------------------------------------------------------------------------
_INCREASE = regex.compile(r"^(?P<dir>increase|decrease|rise|fall|growth|change|drop|cut) in (?P<base>.+)$")
_TOTAL_BEFORE = regex.compile(r"(?:a\s+total\s+of|total(?:ling|ing|led)?|in\s+total|altogether|combined)\s*\S*\s*$",
                              regex.I)
_TOTAL_AFTER = regex.compile(r"\s*(?:in\s+total|altogether|overall|in\s+all)\b", regex.I)
_PERIOD_YEARS = regex.compile(
    r"\b(?:over|across|during|for|in)\s+(?:the\s+)?(?:next\s+|last\s+|past\s+|coming\s+)?(?P<n>\d{1,3}|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a)[\s-]+(?P<u>years?|decades?)\b", regex.I)
_WORDN = {"a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def arithmetic(run: _Run, doc: Document) -> None:
    """Changes against their ends, parts against totals, rates times periods against totals, in one document."""
    cfg = run.cfg
    claims = [c for c in doc.claims if _numeric(c)]
    by_id = {c.id: c for c in claims}
    by_sentence: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[c.sentence_start].append(c)
    for sent_claims in by_sentence.values():
        # a stated percentage change against the from/to values of the same sentence
        pct = [c for c in sent_claims if c.kind == "percent" and c.measure and _INCREASE.match(c.measure)]
        ends = [c for c in sent_claims if c.link_role == "from" and c.link in by_id]
        for p in pct:
            m = _INCREASE.match(p.measure)
            assert m is not None
            for f in ends:
                t = by_id[f.link]  # type: ignore[index]
                if f.measure != m.group("base") and f.measure not in p.measure:
                    continue
                if not f.value:
                    continue
                actual = (float(t.value) - float(f.value)) / abs(float(f.value)) * 100  # type: ignore[arg-type]
                if m.group("dir") in ("decrease", "fall", "drop", "cut"):
                    actual = -actual
                lo, hi = interval(p, cfg)
                slack = abs(actual) * cfg.arithmetic + 0.5
                if not (lo - slack <= actual <= hi + slack):
                    items = [_item(doc, p, lo, hi), _item(doc, f, 0, 0), _item(doc, t, 0, 0)]
                    run.add("arithmetic", p.measure, items,
                            f"{p.measure}: stated {_fmt_value(p)} but {_fmt_value(f)} to {_fmt_value(t)} is a change "
                            f"of {actual:+.1f}% in {doc.doc_id}:{p.line}:{p.column} (\"{_clip(p.sentence)}\")")
        # parts that should add up to a stated total
        _parts_total(run, doc, sent_claims)
    _rate_period(run, doc, claims)


def _parts_total(run: _Run, doc: Document, sent_claims: list[Claim]) -> None:
    cfg = run.cfg
    if len(sent_claims) < 3:
        return
    sentence = sent_claims[0].sentence
    base = sent_claims[0].sentence_start
    totals = []
    for c in sent_claims:
        before = sentence[max(0, c.start - base - 24):c.start - base]
        after = sentence[c.end - base:c.end - base + 24]
        if _TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(after):
            totals.append(c)
    for total in totals:
        if total.measure is None:
            continue  # no measure found: never compared
        parts = [c for c in sent_claims if c is not total and c.kind == total.kind and c.link is None
                 and (c.unit or "").split()[:1] == (total.unit or "").split()[:1] and c.bound is None]
        if len(parts) < 2 or any(p.approx for p in parts) or total.approx or total.bound:
            continue
        s = sum(float(p.value) for p in parts)  # type: ignore[arg-type]
        tv = float(total.value)  # type: ignore[arg-type]
        if abs(s - tv) > max(abs(tv) * cfg.arithmetic, 0.5):
            items = [_item(doc, total, 0, 0)] + [_item(doc, p, 0, 0) for p in parts]
            run.add("arithmetic", total.measure, items,
                    f"{total.measure}: parts add up to {s:,.10g}, not the stated total {_fmt_value(total)} in "
                    f"{doc.doc_id}:{total.line}:{total.column} (\"{_clip(total.sentence)}\")")


def _rate_period(run: _Run, doc: Document, claims: list[Claim]) -> None:
    cfg = run.cfg
    yearly = [c for c in claims if c.rate == "year" and c.kind == "money" and c.measure is not None]
    totals = [c for c in claims if c.kind == "money" and c.rate is None and c.time.relation == "over"
              and c.measure is not None]
    for t in totals:
        m = _PERIOD_YEARS.search(t.time.as_written or "")
        if not m:
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else _WORDN.get(m.group("n").lower(), 0)
        if m.group("u").lower().startswith("decade"):
            n *= 10
        if not n:
            continue
        base_t = t.measure.removeprefix("annual ")
        for r in yearly:
            if r.measure.removeprefix("annual ") != base_t or (r.unit or "").split()[0] != (t.unit or "").split()[0]:
                continue
            expected = float(r.value) * n  # type: ignore[arg-type]
            tol = cfg.approx if (r.approx or t.approx) else cfg.relative
            if abs(expected - float(t.value)) > abs(float(t.value)) * tol:  # type: ignore[arg-type]
                run.add("arithmetic", base_t, [_item(doc, r, 0, 0), _item(doc, t, 0, 0)],
                        f"{base_t}: {_fmt_value(r)} over {n} years is {expected:,.0f}, but the stated total is "
                        f"{_fmt_value(t)} in {doc.doc_id}:{t.line}:{t.column} (\"{_clip(t.sentence)}\")")


# ------------------------------------------------------------------------------------------------------
def _suppressed(f: Finding, docs: dict[str, Document]) -> bool:
    for ref in f.claims:
        d = docs.get(ref.doc_id)
        if d is None:
            continue
        for s in d.suppressions:
            if s.start <= ref.start < s.end and (not s.rules or f.rule in s.rules):
                return True
    return False


def check(documents: Iterable[Document], config: Config | None = None, *, show_agreements: bool = False,
          baseline: set[str] | None = None) -> Report:
    """Compare the claims of ``documents`` and report disagreements.

    documents: extracted documents (see :func:`caresocial.extract`).
    config: rules, tolerances and aliases (default: :class:`~caresocial.config.Config()`).
    show_agreements: also list cross-document confirmations in ``Report.agreements``.
    baseline: fingerprints of accepted findings, left out of the report.
    RETURNS (Report): findings sorted by severity, then place.
    """
    cfg = config or Config()
    docs = list(documents)
    with _gc_paused():
        return _check(docs, cfg, show_agreements, baseline)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the checker allocates many small acyclic objects, and on a large
    heap each full collection rescans every claim, which makes the run grow faster than linearly."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _isolated(run: _Run, where: str, rule: Callable[..., None], *args: Any) -> None:
    """Run one rule on one group or document; an exception becomes one line in ``Report.errors``."""
    try:
        rule(*args)
    except Exception as e:
        message = " ".join(str(e).split())
        run.errors.append(f"checker: internal error in {where}: {type(e).__name__}: {message}")


def new_run(cfg: Config, show_agreements: bool = False, docs: list[Document] | None = None) -> _Run:
    """An empty run collecting findings, agreements and errors, for checking groups or documents one by one."""
    run = _Run(docs or [], cfg)
    run.cfg_show_agreements = show_agreements  # type: ignore[attr-defined]
    return run


def check_group(run: _Run, measure: str, items: list[_Item]) -> None:
    """The cross-document rules on one measure group (``items`` in ``_groups`` order); results go to ``run``."""
    # each rule runs on its own: a crash is one error line, and every other rule and group still reports
    if run.enabled("time-conflict"):
        _isolated(run, f"measure {measure!r}: time-conflict", time_conflicts, run, measure, items)
    _isolated(run, f"measure {measure!r}: value-conflict/unit-scale", value_and_scale, run, measure, items)


def check_document(run: _Run, doc: Document) -> None:
    """The within-document rules (arithmetic) on one document; results go to ``run``."""
    if run.enabled("arithmetic"):
        _isolated(run, f"{doc.doc_id}: arithmetic", arithmetic, run, doc)


def _check(docs: list[Document], cfg: Config, show_agreements: bool, baseline: set[str] | None) -> Report:
    run = new_run(cfg, show_agreements, docs)
    for (measure, _family), items in sorted(_groups(docs, cfg).items(), key=lambda kv: kv[0]):
        check_group(run, measure, items)
    for d in docs:
        check_document(run, d)
    return finish(run, {d.doc_id: d for d in docs}, baseline, len(docs), sum(len(d.claims) for d in docs))


def finish(run: _Run, by_id: dict[str, Document], baseline: set[str] | None, documents: int, claims: int) -> Report:
    """The report of a run whose findings are in checking order (groups by key, then documents): duplicates
    dropped, inline suppressions (of the documents in ``by_id``) and the baseline applied, findings sorted."""
    kept: list[Finding] = []
    suppressed = baselined = 0
    seen: set[str] = set()
    for f in run.findings:
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        if _suppressed(f, by_id):
            suppressed += 1
        elif baseline is not None and f.fingerprint in baseline:
            baselined += 1
        else:
            kept.append(f)
    order = {"error": 0, "warning": 1, "note": 2}
    kept.sort(key=lambda f: (order.get(f.severity, 3), f.rule, f.claims[0].doc_id, f.claims[0].start, f.fingerprint))
    # agreements and errors in an order that does not depend on how the work was split
    agreements = sorted(run.agreements, key=lambda f: (f.measure, f.claims[0].doc_id, f.claims[0].start,
                                                       f.fingerprint))
    return Report.model_construct(findings=tuple(kept), agreements=tuple(agreements), documents=documents,
                                  claims=claims, suppressed=suppressed, baselined=baselined,
                                  errors=tuple(sorted(run.errors)))


__all__ = ["RULE_IDS", "check", "fingerprint", "interval"]
