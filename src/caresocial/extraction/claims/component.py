"""The claims component: a claim (measure, aspect, value, time) for every checkable figure.

Per sentence: the words are tagged (:mod:`.words`), each claim figure's aspect read (:mod:`.aspect`), its
measure (:mod:`.measure`, keyed by :mod:`.synonyms`) and its time (:mod:`.scope`, over the phrases of
:mod:`..times`); then the ends of ranges and changes are linked and share one measure.
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons import Lexicons
from ...models import Claim, ClaimTime, Figure
from ..doc import Annotations, RuleComponent, doc_text, segments
from ..figures.grammar import RawFigure
from ..times import TimePhrase, find_times, last_year_before, year_value
from .aspect import Aspect, aspect_of, change_between
from .measure import Reading, read_measure
from .phrases import clause_start
from .reference import ReferenceYears, infer_reference, sentence_window
from .scope import DocTime, FigureTime, Result, carried_year, claim_time, is_base, next_year_of
from .synonyms import measure_key
from .words import FIG, PUNCT, TIME, Word, tag, word_classes

CLAIM_KINDS = frozenset({"money", "count", "percent", "ratio"})
DATE_KINDS = frozenset({"date", "year"})
_FY = regex.compile(r"(?<!\d)(?:19|20)\d\d[/-](?:19|20)?\d\d(?!\d)")
_FUTURE = frozenset("will would could may might shall".split())
_FUTURE_TO = frozenset("set expected projected forecast due predicted estimated going".split())
_PAST = frozenset("was were had did".split())
_PRESENT = frozenset("is are has have does do am".split())


class ClaimBuilder(RuleComponent):
    """Claims with measure, aspect and time in ``doc._.claims`` (requires figures and quotes)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def match(self, doc: Doc) -> list[Claim]:
        ext = Annotations(doc)
        if ext.cs_raw_figures is None or ext.cs_raw_quotes is None:
            raise ValueError(f"{self.name}: the caresocial_figures and caresocial_quotes components must run first "
                             "(add them before caresocial_claims)")
        return build_claims(doc, self.lexicons)

    def set_annotations(self, doc: Doc, found: list[Claim]) -> Doc:
        Annotations(doc).claims = found
        return doc


@dataclass(slots=True)
class _Item:
    """One claim figure of a sentence while its claim is built."""

    index: int  # in the document's figures
    first: int  # its words in the sentence's word list
    last: int
    asp: Aspect
    reading: Reading | None = None
    key: str | None = None
    time: Result | None = None
    row: int = -1


def _date_claim(ws: list[Word], first: int, last: int, lex: Lexicons) -> bool:
    """A date or year that states when something starts or ends ('due to take effect in October 2023', 'comes
    to an end in March 2026', 'extended until 2026'), with no other figure in its clause."""
    events = {row[0] for row in lex.rows("event_words")}
    lo = clause_start(ws, first)
    window = " ".join(w.low for w in ws[max(lo, first - 8):first])
    after = " ".join(w.low for w in ws[last + 1:last + 10])
    return any(f" {e} " in f" {window} " or f" {e} " in f" {after} " for e in events)


def _takes_effect(text: str, times: list[TimePhrase], sa: int, lex: Lexicons) -> int | None:
    """Offset of the time phrase right after words saying something starts ('due to take effect in October
    2023', 'comes into force from April'), if the sentence has one."""
    starts = [r[0] for r in lex.rows("event_words") if len(r) > 1 and r[1] == "start"]
    for t in times:
        before = " ".join(text[max(sa, t.start - 30):t.start].lower().split())
        if any(before.endswith(w) for w in starts):
            return t.start
    return None


def _says(ws: list[Word], first: int, word: str) -> bool:
    """Whether ``word`` ('from', 'to') stands within the four words before a figure."""
    return any(w.low == word for w in ws[max(0, first - 4):first])


def _compared(ws: list[Word], first: int) -> bool:
    """Whether a figure is what another is compared with ('compared with 16.1% in 2020', 'than the 17.8')."""
    return any(w.low in ("compared", "against", "than", "from", "unchanged") for w in ws[max(0, first - 4):first])


def _first_year(year: int | str) -> int:
    return year if isinstance(year, int) else int(str(year)[:4])


def _tense(ws: list[Word], first: int, lex: Lexicons) -> str:
    """future, past or present: of the clause that holds word ``first`` (its first verb decides; a modal
    anywhere before it in the sentence makes it future)."""
    lo = clause_start(ws, first)
    hi = first + 1
    while hi < len(ws) and not (ws[hi].is_(PUNCT) and ws[hi].text in ",;:–—()") and hi - first < 12:
        hi += 1
    past_forms = word_classes(lex).verbs_past
    words = ws[lo:hi]
    tense = None
    for k, w in enumerate(words):
        nxt = words[k + 1].low if k + 1 < len(words) else ""
        if w.low in _FUTURE or (w.low in _FUTURE_TO and nxt == "to"):
            return "future"
        if tense is not None:
            continue
        if w.low in _PRESENT:
            tense = "present"
        elif w.low in _PAST or (w.low in past_forms and w.content and not w.is_("N") and
                                not (k > 0 and words[k - 1].low in ("has", "have", "been", "be"))):
            tense = "past"
    if tense is None and any(w.low in _FUTURE for w in ws[:lo]):
        return "future"  # '... would cost £3.6bn and take some 630,000 children out of poverty'
    return tense or "present"


def _budget(text: str, sa: int, sb: int, kind: str, lex: Lexicons) -> bool:
    if kind != "money":
        return False
    low = text[sa:sb].lower()
    return bool(_FY.search(text, sa, sb)) or any(w in low for w in lex.words("budget_words"))


def _release(text: str, paras: list[tuple[int, int]], lex: Lexicons) -> tuple[int | str, str] | None:
    """A statistical release's reference date: a month and year in its title, or 'as at 31 March 2024' in its
    first paragraph."""
    if len(paras) < 3:
        return None
    for pi, (a, b) in enumerate(paras[:2]):
        for t in find_times(text, a, b, lex):
            low = t.text.lower()
            if t.mode == "abs" and t.month is not None and (pi == 0 or low.startswith(("as at", "as of"))):
                return t.year, t.text  # type: ignore[return-value]
    return None


class _Builder:
    """The claims of one document."""

    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc, self.lex = doc, lex
        self.text = doc_text(doc)
        self.paras, self.sents = segments(doc)
        u = Annotations(doc)
        self.refs = ReferenceYears(doc, self.text)
        self.figs: list[RawFigure] = self.refs.figs
        self.records: list[Figure] = u.figures
        meta = self.refs.meta
        if meta.date is None:
            inferred = u.cs_reference = self.refs.inferred = infer_reference(doc, self.text, self.refs.quotes,
                                                                            self.refs.sources)
            if inferred is not None and meta.date_source is None:
                meta.date_source = inferred[1]
        self.doc_time = DocTime(month=meta.date.month if meta.date is not None else None,
                                release=_release(self.text, self.paras, lex), fy_doc=bool(_FY.search(self.text)))
        self.pos = {t.idx: t.pos_ for t in doc} if doc.has_annotation("POS") else None
        self.rows: list[dict[str, Any]] = []
        self.by_fig: dict[int, int] = {}
        self.times_made: dict[Result, ClaimTime] = {}
        self.sent_cache: dict[tuple[int, int], tuple[int, str]] = {}

    def claims(self) -> list[Claim]:
        starts = [s for s, _ in self.sents]
        para_starts = [s for s, _ in self.paras]
        fi = 0
        projection: TimePhrase | None = None
        para_of_projection = -1
        for sa, sb in self.sents:
            while fi < len(self.figs) and self.figs[fi].start < sa:
                fi += 1
            fj = fi
            while fj < len(self.figs) and self.figs[fj].start < sb:
                fj += 1
            if fj == fi:
                continue
            pi = bisect.bisect_right(para_starts, sa) - 1
            if pi != para_of_projection and (projection is None or projection.relation != "from"):
                projection = None
            times = find_times(self.text, sa, sb, self.lex)
            self._sentence(sa, sb, range(fi, fj), times, projection)
            horizon = [t for t in times if (t.relation == "by" and t.mode != "open") or
                       (t.relation == "from" and t.mode == "abs" and self._future(sa, sb))]
            if horizon:
                projection, para_of_projection = horizon[-1], pi
        del starts
        self._link()
        return [Claim.build(**row) for row in self.rows]

    def _sentence(self, sa: int, sb: int, fig_range: range, times: list[TimePhrase],
                  projection: TimePhrase | None) -> None:
        text, lex, figs = self.text, self.lex, self.figs
        spans = [(figs[i].start, figs[i].end, FIG) for i in fig_range]
        spans += [(t.start, t.end, TIME) for t in times if t.mode != "rate"]
        ws = tag(text, sa, sb, spans, lex, self.pos)
        wstarts = [w.start for w in ws]
        items: list[_Item] = []
        for i in fig_range:
            f = figs[i]
            if f.value is None or f.kind not in CLAIM_KINDS | DATE_KINDS:
                continue
            first = bisect.bisect_left(wstarts, f.start)
            last = max(first, bisect.bisect_left(wstarts, f.end) - 1)
            if first >= len(ws):
                continue
            if f.kind in DATE_KINDS and not _date_claim(ws, first, last, lex):
                continue
            if f.kind == "count" and text.startswith("-", f.end) and text[f.end + 1:f.end + 2].isalpha():
                continue  # 'the two-child limit': a number inside a compound word states no amount
            asp = aspect_of(ws, first, last, f.kind, f.unit, lex)
            items.append(_Item(i, first, last, asp))
        if not items:
            return
        for prev, it in pairwise(items):
            # 'increased by 4.7% (1,485 staff)': the bracketed figure restates the change
            if it.asp.aspect == "level" and it.first >= 1 and ws[it.first - 1].text == "(" and \
                    it.first - prev.last <= 3:
                if prev.asp.aspect == "change":
                    it.asp = Aspect("change", prev.asp.direction, None, prev.asp.noun_after, prev.asp.verb_before)
                elif it.asp.role is None:
                    it.asp.role = prev.asp.role  # 'from 31 per cent in 2024-25 (4.5 million children)'
        for it in items:
            f = figs[it.index]
            it.reading = read_measure(text, ws, it.first, it.last, f.kind, it.asp, lex)
        self._share_measures(items, ws)
        self._times(items, ws, sa, sb, times, projection)
        for it in items:
            self._row(it, (sa, sb), ws)
        self._ends(items)

    def _future(self, sa: int, sb: int) -> bool:
        low = self.text[sa:sb].lower().split()
        return any(w in _FUTURE for w in low)

    def _share_measures(self, items: list[_Item], ws: list[Word]) -> None:
        """Coordinated figures, the ends of ranges and changes, and changes without a subject share a measure."""
        figs = self.figs
        for k, it in enumerate(items):
            f = figs[it.index]
            partner = next((o for o in items if o.index == f.link), None) if f.link is not None and (
                f.link_type == "range" or it.asp.role is not None) else None
            if partner is not None and partner.reading is not None and (
                    it.reading is None or partner.reading.rank > it.reading.rank):
                it.reading = partner.reading
            if (it.reading is None or it.reading.rank < 1) and k > 0:
                prev = next((o for o in reversed(items[:k]) if o.reading is not None and figs[o.index].kind == f.kind
                             and o.asp.aspect == it.asp.aspect), None)
                if prev is not None:
                    it.reading = prev.reading
        for k, it in enumerate(items):
            # a baseline ('up from £10 billion now') measures what the figure before it measures
            up_from = any(w.low in ("up", "down") for w in ws[max(0, it.first - 3):it.first])
            if k > 0 and it.asp.role == "from" and up_from and items[k - 1].reading is not None and \
                    figs[items[k - 1].index].kind == figs[it.index].kind:
                it.reading = items[k - 1].reading
        for k, it in enumerate(items):
            # 'deficits of £2bn this year, rising to £2.7bn': the new level of what the figure before measures
            if k > 0 and it.asp.role == "to" and it.asp.verb_before is not None and \
                    items[k - 1].reading is not None and figs[items[k - 1].index].kind == figs[it.index].kind and \
                    (it.reading is None or it.reading.rank < 2 or it.reading.text.lower().endswith("ing")):
                it.reading = items[k - 1].reading
        for k, it in enumerate(items):
            # 'X, compared with 17.6% the year before': the same measure as the figure it is compared with
            if k > 0 and it.asp.aspect == "level" and _compared(ws, it.first):
                prev = next((o for o in reversed(items[:k]) if figs[o.index].kind == figs[it.index].kind
                             and o.reading is not None), None)
                if prev is not None:
                    it.reading = prev.reading
        changes = [o for o in items if o.asp.aspect == "change" and o.asp.verb_before is not None and o.reading]
        for it in items:
            # the ends of a change stated with its verb ('soared by a third, from £6bn to £8.2bn') measure what moved
            if changes and it.asp.aspect == "level" and (it.asp.role or figs[it.index].link_role) in ("from", "to"):
                it.reading = changes[0].reading
        for k, it in enumerate(items):
            if it.asp.aspect == "change" and it.reading is None:
                level = next((o for o in reversed(items[:k]) if o.asp.aspect == "level" and o.reading), None) or \
                    next((o for o in items[k + 1:] if o.asp.aspect == "level" and o.reading), None)
                if level is not None:
                    it.reading = level.reading
        for it in items:
            if it.reading is not None:
                key = measure_key(it.reading.text, self.lex)
                it.key = ("change in " + key) if it.asp.aspect == "change" and key else (key or None)

    def _times(self, items: list[_Item], ws: list[Word], sa: int, sb: int, times: list[TimePhrase],
               projection: TimePhrase | None) -> None:
        text, figs, lex = self.text, self.figs, self.lex
        base_years = [t.year for t in times if t.mode == "abs" and is_base(text, t, sa)]
        levels: list[tuple[_Item, FigureTime]] = []
        for k, it in enumerate(items):
            f = figs[it.index]
            ref, label = self.refs.of(it.index)
            doc = replace(self.doc_time, reference=ref, label=label)
            role = f.link_role if f.link_role in ("from", "to") and f.link_type == "change" and \
                _says(ws, it.first, f.link_role) else it.asp.role
            ft = FigureTime(f.start, f.end, f.kind, it.asp.aspect, role, f.rate, _tense(ws, it.first, lex),
                            _budget(text, sa, sb, f.kind, lex), _takes_effect(text, times, sa, lex))
            if it.asp.aspect == "change":
                level = self._level_for(items, k, levels)
                ft.level_time = level
            nxt = next((figs[o.index].start for o in items[k + 1:]), sb)
            last = last_year_before(text, f.start, max(0, sa - 400))
            if f.kind in DATE_KINDS:  # a deadline or start date holds at itself
                year = year_value(str(f.value).replace("-", "/")[:7]) if f.kind == "year" else int(str(f.value)[:4])
                it.time = ("at", year, text[f.start:f.end], None, False)
                continue
            result = claim_time(text, ft, times, sa, nxt, doc, projection, last)
            if (result[2] is None and base_years and it.asp.aspect == "level" and result[0] == "at"
                    and f.kind != "money"):
                year = next_year_of(base_years[0])
                result = ("at", year, None, f"the year after the comparison ({base_years[0]})", False)
            it.time = result
            if it.asp.aspect == "level":
                levels.append((it, ft))
            year = carried_year(result)
            if year is not None and it.asp.aspect == "level" and ft.tense != "future" and not _compared(ws, it.first) \
                    and (self.doc_time.carried is None or _first_year(year) >= _first_year(self.doc_time.carried[0])):
                self.doc_time.carried = (year, result[2] or str(year))
        for it in items:  # a change stated before its level ('up 9%' after 'numbered 5,400' is fine; 'a 25% rise')
            if it.asp.aspect == "change" and it.time is not None and it.time[1] is None:
                level = next((o for o in items if o.asp.aspect == "level" and o.time and o.time[1] is not None), None)
                if level is not None and level.time is not None:
                    it.time = ("over", level.time[1], level.time[2], level.time[3], False)
        if items and self.doc_time.carried is None and base_years:
            self.doc_time.carried = (next_year_of(base_years[0]), f"after {base_years[0]}")  # type: ignore[assignment]

    def _level_for(self, items: list[_Item], k: int, levels: list[tuple[_Item, FigureTime]]) -> Result | None:
        """The time of the level a change belongs to: its 'to' end, else the nearest level before it."""
        for it, _ft in levels:
            if it.asp.role == "to" or self.figs[it.index].link_role == "to":
                return it.time
        return levels[-1][0].time if levels else None

    def _row(self, it: _Item, sent: tuple[int, int], ws: list[Word]) -> None:
        f = self.figs[it.index]
        rec = self.records[it.index]
        unit = f"{f.unit} per {f.rate}" if f.kind == "money" and f.rate else f.unit
        assert it.time is not None
        t = self.times_made.get(it.time)
        if t is None:
            relation, year, written, label, relative = it.time
            t = self.times_made[it.time] = ClaimTime.build(relation=relation, year=year, as_written=written,
                                                           resolved_against=label, relative=relative)
        start, sentence = sentence_window(self.text, sent, f.start, f.end, self.sent_cache)
        line = self.text.count("\n", 0, f.start) + 1
        column = f.start - (self.text.rfind("\n", 0, f.start) + 1) + 1
        it.row = len(self.rows)
        self.by_fig[it.index] = it.row
        role = f.link_role if f.link_type == "range" or (f.link_role and _says(ws, it.first, f.link_role)) \
            else it.asp.role
        self.rows.append({
            "id": f"c{len(self.rows) + 1}", "figure": rec.id, "start": f.start, "end": f.end, "kind": f.kind,
            "measure": sys.intern(it.key) if it.key else None,
            "measure_text": it.reading.text if it.reading is not None else None,
            "aspect": it.asp.aspect, "direction": it.asp.direction, "ends": (),
            "value": f.value, "unit": unit, "approx": f.approx, "bound": f.bound, "rate": f.rate, "time": t,
            "speaker": rec.speaker, "sentence": sentence, "sentence_start": start, "line": line, "column": column,
            "link": None, "link_role": role if role in ("low", "high", "from", "to") else None,
        })

    def _ends(self, items: list[_Item]) -> None:
        levels = [(it.first, self.rows[it.row]["link_role"], it.row) for it in items if it.asp.aspect == "level"]
        for it in items:
            if it.asp.aspect != "change":
                continue
            frm, to = change_between(levels, it.first)
            ends = tuple(self.rows[r]["id"] for r in (frm, to) if r is not None)
            self.rows[it.row]["ends"] = ends
            if it.asp.direction is not None:
                for r in (frm, to):
                    if r is not None and self.rows[r]["direction"] is None:
                        self.rows[r]["direction"] = it.asp.direction

    def _link(self) -> None:
        """Each end of a range or change names the claim at its other end."""
        for i, row in self.by_fig.items():
            f = self.figs[i]
            if f.link is not None and f.link in self.by_fig:
                self.rows[row]["link"] = self.rows[self.by_fig[f.link]]["id"]


def build_claims(doc: Doc, lex: Lexicons | None = None) -> list[Claim]:
    """A claim for every money, count, percent and ratio figure with a value, and every date or year that
    states when something starts or ends."""
    return _Builder(doc, lex if lex is not None else Lexicons.default()).claims()
