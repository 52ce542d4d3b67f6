"""Claims made ready for comparison (:class:`Item`), and how findings cite and describe them.

An item is a claim with what the rules need computed once: its unit family, its measure signature, the
interval of values it admits (:mod:`.values`), the months its time covers, and whether it is a one-off (a
projection, a start date, a stock presented as current). Items carry plain fields only, so that they can be
built on one machine and compared on another (the Dask path ships the claims and rebuilds the items).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from ..config import Config
from ..lexicons import Lexicons, lexicons
from ..models import Claim, ClaimRef, ClaimTime, Document
from .caching import cached
from .events import PRONOUN, anchored_event, event_of, event_signature, shell, thing_of
from .measures import Signature, flow_measure, signature
from .values import Span, date_span, hedge_direction, span_text, value_interval, written_half_width, year_span

DATE_FAMILY = "date"
ANTECEDENT_REACH = 400  # characters back to the sentence of the date whose thing a pronoun stands for


class Item(NamedTuple):
    """A claim ready for comparison (``seq`` orders items as the corpus does: document, then claim)."""

    seq: int
    doc_id: str
    path: str | None
    claim: Claim
    text: str  # the figure as written
    family: str  # 'money', 'money/year', '%', 'pp', 'count', 'ratio', 'date', 'change:%' ...
    sig: Signature
    lo: float  # the values the figure admits (months for a date)
    hi: float
    center: float
    time: Span | None  # months the claim holds in; None when unknown (and for dates: the value is the time)
    tclass: str  # 'level', 'over', 'per' or 'date'
    oneoff: str | None  # 'projection', 'start', 'current' or None
    currency: str  # money: the currency code; else ''

    @property
    def block(self) -> tuple[str, str]:
        """The blocking key: claims are compared only within a block (unit family, head noun)."""
        return (self.family, self.sig.head)


@dataclass(frozen=True)
class Settings:
    """What building items needs from the configuration, hashable for caching."""

    lex: Lexicons
    aliases: tuple[tuple[str, str], ...]
    hedge: float
    relative: float
    points: float

    @classmethod
    def of(cls, cfg: Config) -> Settings:
        return _settings(cfg.approx, cfg.relative, cfg.percent_points, tuple(sorted(cfg.aliases.items())),
                         _lexicon_key(cfg.lexicons))


def _lexicon_key(additions: Mapping[str, object]) -> str:
    import json

    return json.dumps(additions, sort_keys=True, ensure_ascii=False, default=str) if additions else ""


def _settings_uncached(hedge: float, relative: float, points: float, aliases: tuple[tuple[str, str], ...],
              lex_key: str) -> Settings:
    import json

    return Settings(lexicons(json.loads(lex_key)) if lex_key else lexicons(), aliases, hedge, relative, points)


_settings = cached(_settings_uncached, 16)


def numeric(value: object) -> bool:
    """True for a finite number (not a bool)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def family_of(c: Claim) -> str | None:
    """The unit family a claim is compared within (None: not comparable)."""
    return _family(c.kind, c.unit, c.rate, c.aspect)


def _family_uncached(kind: str, unit: str | None, rate: str | None, aspect: str) -> str | None:
    if kind in ("date", "year"):
        return DATE_FAMILY
    unit = unit or ""
    if kind == "money":
        base = "money"
    elif kind == "percent":
        base = "pp" if unit.startswith("percentage point") else "%"
    elif kind in ("count", "ratio", "duration"):
        base = kind
    else:
        base = f"{kind}:{unit.lower()}"
    if rate:
        base += f"/{rate}"
    return f"change:{base}" if aspect == "change" else base


_family = cached(_family_uncached, 4096)


def _present_words_uncached(lex: Lexicons) -> tuple[str, ...]:
    return tuple(" ".join(w.lower().split()) for w in lex.words("present_time_words"))


_present_words = cached(_present_words_uncached, 4096)


def _is_present(as_written: str | None, lex: Lexicons) -> bool:
    if not as_written:
        return False
    words = " " + " ".join(as_written.lower().replace("’", "'").split()) + " "
    return any(f" {w} " in words for w in _present_words(lex))


def oneoff_of(c: Claim, lex: Lexicons) -> str | None:
    """A projection (by), a start (from, not the start of a change), a stock presented as current, or None."""
    t = c.time
    return _time_of(t.relation, t.year, t.as_written, c.link_role == "from", lex)[2]


def _half_width_uncached(text: str, value: float, kind: str, unit: str | None) -> float:
    return written_half_width(text, value, kind, unit)


_half_width = cached(_half_width_uncached, 65536)


def reading(c: Claim, text: str, st: Settings) -> tuple[float, float, float] | None:
    """(lowest, highest, stated) value a numeric claim admits, or None when its value is not a number."""
    v = c.value
    if v.__class__ is not float and not numeric(v):
        return None
    v = float(v)  # type: ignore[arg-type]
    if v != v or v in (math.inf, -math.inf):
        return None
    kind = c.kind
    hw = _half_width(text, v, kind, c.unit)
    approx = c.approx
    direction = hedge_direction(c.sentence[: max(0, c.start - c.sentence_start)], st.lex) if approx else "around"
    points = st.points if kind == "percent" else 0.0
    bound = c.bound
    if not (approx or bound or st.relative or points):
        return v - hw, v + hw, v
    lo, hi = value_interval(v, hw, approx=approx, direction=direction, bound=bound, hedge=st.hedge,
                            relative=st.relative, points=points)
    return lo, hi, v


def has_measure(c: Claim) -> bool:
    """False for a claim with no measure, or whose measure is only its unit ('GBP', '%', 'children' for a count
    of children): a unit names no measure, and such claims are never compared. A counted noun of several words
    ('dental practices', 'social workers') names one."""
    return c.measure is not None and _real_measure(c.measure, c.unit)


def _real_measure_uncached(measure: str, unit: str | None) -> bool:
    text = " ".join(measure.lower().split())
    words = (unit or "").lower().split()
    if not text or text in ("%", "percent", "per cent"):
        return False
    return not (words and text in (words[0], " ".join(words))) or len(text.split()) > 1


_real_measure = cached(_real_measure_uncached, 65536)


def _measure_of_uncached(measure: str, unit: str | None, lex: Lexicons, aliases: tuple[tuple[str, str], ...]
                ) -> Signature | None:
    return signature(measure, lex, aliases) if _real_measure(measure, unit) else None


_measure_of = cached(_measure_of_uncached, 65536)


def _time_of_uncached(relation: str, year: int | str | None, as_written: str | None, starts_change: bool,
             lex: Lexicons) -> tuple[Span | None, str, str | None]:
    """(months, relation class, one-off kind) of a claim's time."""
    if _is_present(as_written, lex):
        oneoff: str | None = "current"
    elif relation == "by":
        oneoff = "projection"
    elif relation == "from" and not starts_change:
        oneoff = "start"
    else:
        oneoff = None
    return year_span(year), relation if relation in ("over", "per") else "level", oneoff


_time_of = cached(_time_of_uncached, 65536)


def make_item(seq: int, doc_id: str, path: str | None, c: Claim, text: str, st: Settings,
              month: Span | None = None, antecedent: str | None = None) -> Item | None:
    """The item of a claim, or None when the claim cannot be compared (no measure, no usable value).
    ``month``: the month its time phrase names, when it names one ('by March 2026'); ``antecedent``: of a date,
    the thing a pronoun before it stands for (:func:`.events.event_signature`)."""
    family = _family(c.kind, c.unit, c.rate, c.aspect)
    if family is None:
        return None
    measure = c.measure
    if c.aspect == "change" and c.kind == "count" and measure is not None:
        flow = flow_measure(measure, c.direction)
        if flow is not None:  # ('cut by 330,000 the number of children in poverty': 330,000 taken out of it)
            measure, family = flow, _family(c.kind, c.unit, c.rate, "level")
    sig = None
    if family == DATE_FAMILY:  # a deadline or start date: the thing it starts or ends, read from the sentence
        at = c.start - c.sentence_start
        sig = event_signature(c.sentence, at, at + (c.end - c.start), st.lex, st.aliases, measure, antecedent)
    if sig is None and measure is not None:
        sig = _measure_of(measure, c.unit, st.lex, st.aliases)
    if sig is None:
        return None
    if family == DATE_FAMILY:
        span = date_span(c.value)
        if span is None:
            return None
        return Item(seq, doc_id, path, c, text, family, sig, float(span[0]), float(span[1]),
                    (span[0] + span[1]) / 2, None, DATE_FAMILY, None, "")
    got = reading(c, text, st)
    if got is None:
        return None
    t = c.time
    time, tclass, oneoff = _time_of(t.relation, t.year, t.as_written, c.link_role == "from", st.lex)
    if month is not None and time is not None and tclass in ("level", "per") and time[0] <= month[0] <= time[1]:
        time = month  # ('£1,720 a year for July to September 2025': a rate that holds in that month too)
    currency = c.unit.split()[0] if c.kind == "money" and c.unit else ""
    return Item(seq, doc_id, path, c, text, family, sig, got[0], got[1], got[2], time, tclass, oneoff, currency)


_NO_MEASURE = Signature("", "", frozenset())
_CITED = Item(0, "", None, None, "", "", _NO_MEASURE, math.nan, math.nan, math.nan, None, "level", None, "")  # type: ignore[arg-type]


def cited_item(doc: Document, c: Claim, text: str) -> Item:
    """An item to cite for a claim of a within-document rule (it needs no measure; only what a finding shows
    of it, the document, the claim and its figure, is filled in)."""
    return _CITED._replace(doc_id=doc.doc_id, path=doc.path, claim=c, text=text)


def document_items(doc: Document, st: Settings, seq0: int = 0) -> Iterator[Item]:
    """The comparable claims of one document, numbered from ``seq0`` in text order (at most
    :func:`items_span` numbers), with the dates the claims stage left without a claim (:func:`date_claims`)."""
    texts = {f.id: f.text for f in doc.figures}
    months = _months_by_sentence(doc)
    last_thing: tuple[int, str, str] | None = None  # (sentence start, kind, thing) of the last date naming its thing
    claims = sorted((*doc.claims, *date_claims(doc, st)), key=lambda c: c.start)
    items: list[Item] = []
    for k, c in enumerate(claims):
        month = None
        if months and c.time.as_written and c.sentence_start in months:
            month = next((m for t, m in months[c.sentence_start] if t in c.time.as_written), None)
        if month is None and c.time.as_written and isinstance(c.time.year, int):
            month = _month_alone(c.time.as_written, c.time.year, st.lex)  # ('rose to £1,849 in April')
        antecedent = None
        if c.kind in ("date", "year"):
            at = c.start - c.sentence_start
            got = thing_of(c.sentence, at, at + (c.end - c.start), st.lex, c.measure)
            if got is not None and last_thing is not None and got[0] == last_thing[1] \
                    and 0 <= c.sentence_start - last_thing[0] <= ANTECEDENT_REACH:
                antecedent = last_thing[2]
            if got is not None and not (shell(got[1], st.lex) and antecedent):
                if got[1] != PRONOUN:
                    last_thing = (c.sentence_start, got[0], got[1])
        item = make_item(seq0 + k, doc.doc_id, doc.path, c, texts.get(c.figure, ""), st, month, antecedent)
        if item is not None:
            items.append(item)
    yield from anchored_times(items, st)


def anchored_times(items: list[Item], st: Settings) -> list[Item]:
    """``items`` of one document, those with no time of their own dated by an event the document dates ('by the
    time the override ends the deficit could be up to £4.9bn' after 'the override comes to an end in March
    2026': by March 2026), when the document gives that event one time (:func:`.events.anchored_event`)."""
    events = [it for it in items if it.family == DATE_FAMILY]
    if not events:
        return items
    out = []
    dated: dict[tuple[str, object, str | None], Item] = {}
    for it in items:
        got = anchored_event(it.claim.sentence, st.lex, st.aliases) if it.time is None and it.family != \
            DATE_FAMILY and it.claim.time.year is None else None
        if got is not None:
            relation, sig = got
            span = _current_date([(e.lo, e.hi) for e in events if e.sig.head == sig.head and sig.words <= e.sig.words])
            if span is not None:
                it = it._replace(time=span, oneoff="projection" if relation == "by" else it.oneoff)
                dated.setdefault((it.family, it.claim.value, it.claim.unit), it)
        out.append(it)
    if dated:  # a heading's figure with no time written is the same figure below it, in fewer words: it holds
        for k, it in enumerate(out):  # then and measures what the text says ('£4.9bn ticking timebomb deficit')
            same = dated.get((it.family, it.claim.value, it.claim.unit))
            if same is not None and it.seq < same.seq and it.claim.time.as_written is None \
                    and not it.claim.sentence.rstrip().endswith((".", "!", "?", ":", ";")):
                out[k] = it._replace(time=same.time, oneoff=same.oneoff, sig=same.sig)
    return out


def _current_date(spans: list[tuple[float, float]]) -> Span | None:
    """The date a document gives a thing's start or end: the narrowest of the latest dates that hold each other
    ('March 2026' of '2026' and 'March 2026'; an end moved later, 'meant to finish in 2024 but extended until
    2026', is at its latest date)."""
    if not spans:
        return None
    latest = max(spans, key=lambda s: (s[0], -s[1]))
    inside = [s for s in spans
              if (s[0] <= latest[0] and latest[1] <= s[1]) or (latest[0] <= s[0] and s[1] <= latest[1])]
    lo, hi = min(inside, key=lambda s: (s[1] - s[0], s))
    return int(lo), int(hi)


def items_span(doc: Document) -> int:
    """How many sequence numbers :func:`document_items` may use for ``doc``."""
    return len(doc.claims) + len(doc.figures)


def date_claims(doc: Document, st: Settings) -> list[Claim]:
    """Claims for the dates the claims stage left without one, when their sentence says what thing they start
    or end in words that are not weak ('The government will bring in, from October 2023, a new cap'; not
    'unchanged from 2020'): a deadline or start date is compared as a value. The sentence is known only from a
    claim of the same sentence; the ends of a range are left out."""
    claimed = {c.figure for c in doc.claims}
    by_sentence = {c.sentence_start: c for c in doc.claims}
    out: list[Claim] = []
    for f in doc.figures:
        if f.kind not in ("date", "year") or f.id in claimed or f.link_type == "range" or f.value is None:
            continue
        near = by_sentence.get(f.sentence_start)
        if near is None:
            continue
        at = f.start - f.sentence_start
        got = event_of(near.sentence, at, at + (f.end - f.start), st.lex, strong=True)
        if got is None or got[1] == PRONOUN or near.sentence[at:at + (f.end - f.start)] != f.text:
            continue
        span = date_span(f.value)
        if span is None:
            continue
        lo, hi = sorted((at, near.start - f.sentence_start))
        same_line = "\n" not in near.sentence[lo:hi]
        out.append(Claim.build(
            id=f"{f.id}-date", figure=f.id, start=f.start, end=f.end, kind=f.kind, measure=None, measure_text=None,
            value=f.value, unit=f.unit, time=ClaimTime.build(relation="at", year=span[0] // 12, as_written=f.text),
            speaker=near.speaker, sentence=near.sentence, sentence_start=f.sentence_start,
            line=near.line, column=max(1, near.column + (f.start - near.start)) if same_line else 1))
    return out


def _month_names_uncached(lex: Lexicons) -> dict[str, tuple[int, bool]]:
    """Month name -> (number, whether it is also another word: 'may', 'march', a month only when capitalised)."""
    return {r[0].lower(): (int(r[1]), len(r) > 2 and "ambiguous" in r[2]) for r in lex.rows("months")
            if len(r) > 1 and r[1].isdigit()}


_month_names = cached(_month_names_uncached, 64)


def _month_alone(written: str, year: int, lex: Lexicons) -> Span | None:
    """The month of a time phrase that names a month of the claim's year ('in April', 'by July'), or None."""
    names = _month_names(lex)
    words = [(w, names.get(w.lower())) for w in written.replace(".", " ").split()]
    found = {n[0] for w, n in words if n is not None and (not n[1] or w[:1].isupper())}
    if len(found) != 1:
        return None
    month = year * 12 + found.pop() - 1
    return (month, month)


def _months_by_sentence(doc: Document) -> dict[int, list[tuple[str, Span]]]:
    """Dates to the month in each sentence (by start offset): (text as written, month)."""
    out: dict[int, list[tuple[str, Span]]] = {}
    for f in doc.figures:
        if f.kind == "date":
            span = date_span(f.value)
            if span is not None and span[0] == span[1]:
                out.setdefault(f.sentence_start, []).append((f.text, span))
    return out


# ------------------------------------------------------------------------------------------------ citing
def ref(item: Item) -> ClaimRef:
    """One side of a finding."""
    c = item.claim
    return ClaimRef.build(
        doc_id=item.doc_id, claim=c.id, start=c.start, end=c.end, line=c.line, column=c.column, path=item.path,
        text=item.text or value_text(c), sentence=c.sentence, value=c.value, unit=c.unit, time=c.time,
        speaker=c.speaker.name if c.speaker else None,
    )


def fingerprint(rule: str, measure: str, items: Iterable[Item]) -> str:
    """Stable id of a finding: rule, measure and, per side, document, figure text, value, time and sentence —
    no offsets, so edits elsewhere in the documents keep it."""
    parts = sorted(f"{i.doc_id}|{i.text or value_text(i.claim)}|{i.claim.value}|{i.claim.time.relation}|"
                   f"{i.claim.time.year}|{' '.join(i.claim.sentence.split())}" for i in items)
    raw = "\x1f".join([rule, measure, *parts])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def value_text(c: Claim) -> str:
    """A claim's value for people when its figure text is unknown: 'GBP 2,600,000,000', '37%'."""
    v = c.value
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if c.kind == "money" and isinstance(v, (int, float)):
        return f"{(c.unit or '').split()[0] if c.unit else ''} {v:,}".strip()
    if c.kind == "percent":
        return f"{v}%" if (c.unit or "%") == "%" else f"{v} percentage points"
    return f"{v:,}" if isinstance(v, (int, float)) else str(v)


def describe_value(item: Item) -> str:
    """The figure as a reader would say it: 'up to £4.9 billion', 'about 100,000', '£45m a year'."""
    c = item.claim
    body = item.text or value_text(c)
    if c.rate and c.rate not in body:
        body += f" a {c.rate}"
    if c.bound == "min":
        body = "more than " + body
    elif c.bound == "max":
        body = "up to " + body
    elif c.approx:
        body = "about " + body
    return body


def describe_time(item: Item) -> str:
    """When a claim holds, for people: 'by 2032', 'at 2023 (now)', 'no time stated'."""
    t = item.claim.time
    if item.family == DATE_FAMILY:
        return span_text((int(item.lo), int(item.hi)))
    own = year_span(t.year)
    if item.time is not None and (own is None or not own[0] <= item.time[0] <= item.time[1] <= own[1]):
        # a time the document gives elsewhere (:func:`anchored_times`)
        return f"{'by' if item.oneoff == 'projection' else 'at'} {span_text(item.time)} (as the document dates it)"
    if t.year is None:
        return "no time stated"
    out = f"{t.relation} {t.year}"
    if item.oneoff == "current" and t.as_written:
        out += f" ({' '.join(t.as_written.split())})"
    return out


def place(item: Item) -> str:
    """doc:line:column of an item."""
    return f"{item.doc_id}:{item.claim.line}:{item.claim.column}"


__all__ = [
    "DATE_FAMILY",
    "Item",
    "Settings",
    "cited_item",
    "date_claims",
    "describe_time",
    "describe_value",
    "document_items",
    "family_of",
    "fingerprint",
    "has_measure",
    "items_span",
    "make_item",
    "numeric",
    "oneoff_of",
    "place",
    "reading",
    "ref",
    "value_text",
]
