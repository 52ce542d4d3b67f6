"""The claims component: a claim (measure, aspect, value, time) for every checkable figure.

Per sentence: the words are tagged (:mod:`.words`), each claim figure's aspect read (:mod:`.aspect`), its
measure (:mod:`.measure`, keyed by :mod:`.synonyms`) and its time (:mod:`.scope`, over the phrases of
:mod:`..times`); then the ends of ranges and changes are linked and share one measure.
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons import Lexicons
from ...models import Claim, ClaimTime, Figure
from ..doc import Annotations, RuleComponent, doc_text, segments
from ..figures.grammar import RawFigure
from ..quotes.component import QuoteAttributor
from ..times import TimePhrase, find_times, last_year_before, year_value
from .acronyms import use_acronyms
from .aspect import Aspect, aspect_of, change_between
from .clues import (
    FY,
    acting,
    budget,
    date_claim,
    lead_in_future,
    population_age,
    release,
    takes_effect,
    tense,
    time_rates,
)
from .context import fuller_name, waits
from .cues import cues
from .measure import read_measure
from .phrases import antecedent, before_hedges, clause_start
from .reading import RESTATED, TARGET, Reading
from .reference import ReferenceYears, infer_reference, sentence_window
from .scope import (
    DocTime,
    FigureTime,
    Result,
    carried_year,
    claim_time,
    is_base,
    next_year_of,
    since_base,
    years_before_that,
)
from .sharing import (
    Item,
    assign_keys,
    back_reading,
    compared,
    fronted_place,
    headline_times,
    name_bare_counts,
    name_parts,
    qualify_bare,
    share_measures,
    share_restated_times,
)
from .synonyms import change_words
from .tables import Cell, Tables
from .vocab import vocabulary
from .words import FIG, TIME, Word, tag

CLAIM_KINDS = frozenset({"money", "count", "percent", "ratio", "quantity"})
MAX_SENTENCE = 2000  # characters of a sentence read as one: a longer one is read by lines (see _Builder._units)
DATE_KINDS = frozenset({"date", "year"})


_NUMBER_OF = regex.compile(r"^(?:the\s+)?(?:total\s+)?number\s+of\s+", regex.IGNORECASE)


def _definite(text: str, reading: str, start: int, end: int) -> bool:
    """Whether a one-word measure is written with 'the' between ``start`` and ``end`` ('The list remains ...')."""
    return " " not in reading and bool(regex.search(rf"\bthe\s+{regex.escape(reading)}\b", text[start:end],
                                                    regex.IGNORECASE))

class ClaimBuilder(RuleComponent):
    """Claims with measure, aspect and time in ``doc._.claims``, from the figures and quotes of the components
    before it; with none before it, it reads them itself (``nlp.add_pipe("caresocial_claims")`` alone gives
    claims)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp, self.name = nlp, name

    def match(self, doc: Doc) -> list[Claim]:
        ext = Annotations(doc)
        if ext.cs_raw_quotes is None:  # (the quotes component reads the figures when they are missing too)
            quotes = QuoteAttributor(self.nlp, "caresocial_quotes")
            quotes.additions = getattr(self, "additions", None)
            quotes.set_annotations(doc, quotes.match(doc))
        return build_claims(doc, self.lexicons)

    def set_annotations(self, doc: Doc, found: list[Claim]) -> Doc:
        Annotations(doc).claims = found
        return doc


def _name_cells(cells: list[tuple[Item, Cell]]) -> None:
    """Each item in a table cell named by its column's heading, or its row's label."""
    for it, cell in cells:
        name = cell.heading or cell.label
        if name is not None:
            it.reading = Reading(name, 2)


def _says(ws: list[Word], first: int, word: str) -> bool:
    """Whether ``word`` ('from', 'to') stands within the four words before a figure."""
    return any(w.low == word for w in ws[max(0, first - 4):first])


def _older_end(items: list[Item], figs: list[RawFigure]) -> None:
    """'deficits of £2bn this year, ... projected to climb to £2.7bn in 2025/26': with no 'from' end stated, the
    level before a 'to' end that measures the same thing is where the change starts."""
    if any(it.asp.role == "from" or figs[it.index].link_role == "from" for it in items):
        return
    for k, it in enumerate(items):
        if it.asp.role != "to" or it.key is None:
            continue
        prev = next((o for o in reversed(items[:k]) if o.asp.aspect == "level" and
                     figs[o.index].kind == figs[it.index].kind), None)
        if prev is not None and prev.key == it.key and prev.asp.role is None and figs[prev.index].link is None:
            prev.asp.role = "from"
        return


def _first_year(year: int | str) -> int:
    return year if isinstance(year, int) else int(str(year)[:4])


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
                                release=release(self.text, self.paras, lex), fy_doc=bool(FY.search(self.text)),
                                dated=meta.date is not None, cues=cues(lex), changes=frozenset(change_words(lex)))
        self.pos = {t.idx: t.pos_ for t in doc} if doc.has_annotation("POS") else None
        self.tables = Tables(self.text)
        self._fig_starts = [f.start for f in self.figs]
        self.rows: list[dict[str, Any]] = []
        self.sent_starts = [a for a, _ in self.sents]
        self.by_fig: dict[int, int] = {}
        self.times_made: dict[Result, ClaimTime] = {}
        self.sent_cache: dict[tuple[int, int], tuple[int, str]] = {}
        self.seen: dict[tuple[str, object], Item] = {}  # the first claim of each kind and value
        self.line, self.counted = 1, 0
        self.paired = False  # the sentence being read states the older end of a change
        self.context_of: tuple[int, int] = (-1, -1)
        self.context: tuple[bool, int | None, list[tuple[int, int | str | None]], str] = (False, None, [], "present")

    def claims(self) -> list[Claim]:
        starts = [s for s, _ in self.sents]
        para_starts = [s for s, _ in self.paras]
        fi = 0
        projection: TimePhrase | None = None
        para_of_projection = para_of_period = -1
        for sa, sb in self._units():
            while fi < len(self.figs) and self.figs[fi].start < sa:
                fi += 1
            fj = fi
            while fj < len(self.figs) and self.figs[fj].start < sb:
                fj += 1
            if fj == fi:
                continue
            pi = bisect.bisect_right(para_starts, sa) - 1
            if pi != para_of_projection and (projection is None or projection.relation != "from" or
                                             pi > para_of_projection + 1):
                projection = None
            times = find_times(self.text, sa, sb, self.lex)
            if self.doc_time.period is not None and pi > para_of_period + 1:
                self.doc_time.period = None
            self._sentence(sa, sb, range(fi, fj), times, projection)
            # a period written out governs an 'over N years' of the same length in the sentence after it
            self.doc_time.period = next((t for t in reversed(times) if t.mode == "abs" and t.span > 1), None)
            para_of_period = pi
            horizon = [t for t in times if (t.relation == "by" and t.mode != "open") or
                       (t.relation == "from" and t.mode == "abs" and self._future(sa, sb))]
            if horizon:
                projection, para_of_projection = horizon[-1], pi
        del starts
        self._link()
        self._headline_times()
        title_end = self._title_end()
        qualify_bare(self.rows, self.lex, title_end, self.text[:title_end])
        name_bare_counts(self.rows, self.text)
        use_acronyms(self.rows, self.text, self.lex)
        return [Claim.build(**row) for row in self.rows]

    def _sentence(self, sa: int, sb: int, fig_range: range, times: list[TimePhrase],
                  projection: TimePhrase | None) -> None:
        text, lex, figs = self.text, self.lex, self.figs
        ages = self._population_ages(sa, fig_range) | waits(figs, fig_range, text, lex)
        # (an age or a wait that says who is counted is words of the counted noun's phrase: 'children aged under
        # 5', 'patients waiting more than 18 weeks')
        spans = [(figs[i].start, figs[i].end, FIG) for i in fig_range if i not in ages]
        words = [(figs[i].start, figs[i].end) for i in ages]
        spans += [(t.start, t.end, TIME) for t in times if t.mode != "rate" and
                  not any(a < t.end and t.start < b for a, b in words)]
        ws = tag(text, sa, sb, spans, lex, self.pos)
        wstarts = [w.start for w in ws]
        items: list[Item] = []
        cells: list[tuple[Item, Cell]] = []
        for i in fig_range:
            f = figs[i]
            if f.value is None or f.kind not in CLAIM_KINDS | DATE_KINDS:
                continue
            first = bisect.bisect_left(wstarts, f.start)
            last = max(first, bisect.bisect_left(wstarts, f.end) - 1)
            if first >= len(ws):
                continue
            if f.kind in DATE_KINDS and not date_claim(ws, first, last, lex):
                continue
            if f.kind == "count" and text.startswith("-", f.end) and text[f.end + 1:f.end + 2].isalpha():
                continue  # 'the two-child limit': a number inside a compound word states no amount
            if i in ages:
                continue  # 'people aged 16 and over': an age that says who is counted states no amount
            cell = self.tables.cell(f.start, f.end) if self.tables.rows else None
            if cell is not None and cell.header:
                continue  # ('| Rate per 10,000 |': a heading states nothing)
            asp = aspect_of(ws, first, last, f.kind, f.unit, lex)
            items.append(Item(i, first, last, asp))
            if cell is not None:
                cells.append((items[-1], cell))
        if not items:
            return
        for prev, it in pairwise(items):
            if figs[it.index].link_type == "range" and figs[it.index].link == prev.index:
                it.asp = replace(prev.asp, role=it.asp.role or prev.asp.role)  # 'by £2-3bn': both ends a change
                continue
            # 'increased by 4.7% (1,485 staff)': the bracketed figure restates the change
            restates = it.first >= 1 and ws[it.first - 1].text == "(" and it.first - prev.last <= 3
            # ('an increase of £109, or 5.0%': the change again, as a share)
            restates = restates or (it.first - prev.last == 3 and ws[it.first - 1].low == "or" and
                                    ws[it.first - 2].text == "," and prev.asp.aspect == "change")
            if it.asp.aspect == "level" and restates:
                if prev.asp.aspect == "change":
                    it.asp = Aspect("change", prev.asp.direction, None, prev.asp.noun_after, prev.asp.verb_before)
                elif it.asp.role is None:
                    it.asp.role = prev.asp.role  # 'from 31 per cent in 2024-25 (4.5 million children)'
        for it in items:
            f = figs[it.index]
            it.reading = read_measure(text, ws, it.first, it.last, f.kind, it.asp, lex)
        self._resolve_pronouns(items, ws, sa)
        own = [it.reading for it in items]
        share_measures(items, ws, self.figs, self.lex)
        self._fuller_names(items, own, sa)
        name_parts(items, ws, self.text)
        fronted_place(items, ws, self.text, lex)
        _name_cells(cells)
        assign_keys(items, self.figs, self.lex)
        _older_end(items, figs)
        self._times(items, ws, sa, sb, times, projection)
        self._implied_ends(items)
        share_restated_times(ws, items, self.lex)
        self._mentioned_before(items, ws)
        for it, cell in cells:
            if cell.year is not None:  # (a table cell holds at its row's or its column's year)
                it.time = ("at", cell.year, cell.year_text, f"the table's year ({cell.year_text})", False)
        for it in items:
            self._row(it, (sa, sb), ws)
            f = figs[it.index]
            self.seen.setdefault((f.kind, f.value), it)
        self._ends(items)

    def _units(self) -> list[tuple[int, int]]:
        """The sentences the claims are read in: a sentence longer than ``MAX_SENTENCE`` characters (a table, a
        list without stops) is read line by line, and a longer line in pieces cut at a space outside any
        figure, so that the work for each figure stays bounded."""
        out: list[tuple[int, int]] = []
        for sa, sb in self.sents:
            if sb - sa <= MAX_SENTENCE:
                out.append((sa, sb))
                continue
            a = sa
            while a < sb:
                b = self.text.find("\n", a, sb)
                b = sb if b < 0 else b + 1
                while b - a > MAX_SENTENCE:
                    cut = self._cut(a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
                    out.append((a, cut))
                    a = cut
                out.append((a, b))
                a = b
        return out

    def _cut(self, lo: int, hi: int) -> int:
        """A place in ``[lo, hi)`` after a space outside any figure (``hi`` when there is none)."""
        starts = self._fig_starts
        for k in range(hi - 1, lo - 1, -1):
            if self.text[k].isspace():
                i = bisect.bisect_right(starts, k) - 1
                if i < 0 or self.figs[i].end <= k:
                    return k + 1
        return hi

    def _population_ages(self, sa: int, fig_range: range) -> set[int]:
        """The figures of ``fig_range`` that are ages saying who is counted ('aged 16 and over', 'aged between
        18 and 24': both ends of the range)."""
        figs = self.figs
        ages = {i for i in fig_range if figs[i].kind == "quantity" and (figs[i].unit or "").endswith(" of age")
                and population_age(self.text[max(sa, figs[i].start - 40):figs[i].start], self.lex)}
        return ages | {i for i in fig_range if figs[i].link_type == "range" and figs[i].link in ages}

    def _title_end(self) -> int:
        """Where a title (a first paragraph that is not a sentence: 'The 8 key findings') ends, else 0."""
        if len(self.paras) < 2:
            return 0
        a, b = self.paras[0]
        return b if not self.text[a:b].rstrip().endswith((".", "!", "?", ":", ";")) else 0

    def _headline_times(self) -> None:
        """A figure of the title with no time of its own holds when the body says the same figure held."""
        if self.paras and self.paras[0][1] - self.paras[0][0] <= MAX_SENTENCE:  # (else no title)
            headline_times(self.rows, self.paras[0][1])

    def _fuller_names(self, items: list[Item], own: list[Reading | None], sa: int) -> None:
        """Bare measures named as the document named them before (:func:`.context.fuller_name`): sums, a
        percentage's own reading, and a count written with 'the' ('the list remains far above ...'; another bare
        count is read against what the document counts, see qualify_bare). Figures that share a reading share
        its fuller name."""
        text, figs, lex = self.text, self.figs, self.lex
        names: dict[int, str | None] = {}
        for it, read in zip(items, own, strict=True):
            r, kind = it.reading, figs[it.index].kind
            if r is not None and id(r) not in names and (kind == "money" or (kind == "percent" and r is read) or
                                                         r.text.lower().split()[-2:-1] == ["the"] or
                                                         _definite(text, r.text, sa, figs[it.index].start)):
                names[id(r)] = fuller_name(text, r.text, r.head, sa, lex)
        for it in items:
            r = it.reading
            name = names.get(id(r)) if r is not None else None
            if r is not None and name is not None:
                it.reading = Reading(name, 2, head=r.head)

    def _resolve_pronouns(self, items: list[Item], ws: list[Word], sa: int) -> None:
        """A measure named by a pronoun ('these cost £58,000', '69% of those') is what the pronoun stands for: a
        noun phrase of the clauses before it, else of the sentence before (for 'these', 'they', 'those' the last
        plural one; for 'it', 'this' the subject)."""
        for it in items:
            r = it.reading
            if r is None or r.refers is None:
                continue
            if r.refers in (TARGET, RESTATED):  # 'against a target of 95%', 'the figure was nearer 1.1 billion'
                it.reading = back_reading(r, self.figs[it.index].kind, items[:items.index(it)], self.rows)
                continue
            plural = r.refers in ("these", "those", "they", "them")
            found = antecedent(self.text, ws, 0, clause_start(ws, it.first), plural, last=True) if plural else None
            if found is None:  # ('That is an increase of 16.3%' opening a paragraph: of what the one before stated)
                prev = self._previous_words(sa, across=r.refers == "that" and r.text == "{}")
                found = antecedent(self.text, prev, 0, len(prev), plural, last=plural) if prev else None
            if found:  # ('the number of households ...': the households, as a count of them is read)
                found = _NUMBER_OF.sub("", found, count=1) or found
            it.reading = Reading(r.text.replace("{}", found), 2) if found else None

    def _previous_words(self, sa: int, across: bool = False) -> list[Word]:
        """The words of the sentence before the one starting at ``sa`` (in its paragraph, or with ``across`` in
        the paragraph before: news gives a sentence a paragraph)."""
        k = bisect.bisect_left(self.sent_starts, sa) - 1
        if k < 0:
            return []
        a, b = self.sents[k]
        if not across and self.paras and any(a < pa <= sa for pa, _ in self.paras):
            return []  # (a new paragraph: nothing to refer back to)
        lo = bisect.bisect_left(self._fig_starts, a)
        spans = [(f.start, f.end, FIG) for f in self.figs[lo:bisect.bisect_left(self._fig_starts, b)]]
        return tag(self.text, a, b, spans, self.lex, self.pos)  # (its figures no words of a noun phrase)

    def _future(self, sa: int, sb: int) -> bool:
        low = self.text[sa:sb].lower().split()
        return any(w in cues(self.lex).modal for w in low)

    def _times(self, items: list[Item], ws: list[Word], sa: int, sb: int, times: list[TimePhrase],
               projection: TimePhrase | None) -> None:
        """The time of each claim: levels first, then changes (a change is measured up to its newer level)."""
        text = self.text
        base_years = [t.year for t in times if t.mode == "abs" and is_base(text, t, sa, cues(self.lex))
                      and not since_base(text, t, sa, cues(self.lex))]  # (a record's start: no year after it)
        self.paired = False  # (set once an older end with a time of its own is read: 'from 31% in 2024-25')
        levels: list[Item] = []
        order = [k for k, it in enumerate(items) if it.asp.aspect != "change"] + \
            [k for k, it in enumerate(items) if it.asp.aspect == "change"]
        for k in order:
            it = items[k]
            it.time = self._time_of(items, k, ws, sa, sb, times, projection, levels, base_years)
            if it.own_time and (it.asp.role == "from" or self.figs[it.index].link_role == "from"):
                self.paired = True
            if it.asp.aspect == "level" and self.figs[it.index].kind not in DATE_KINDS and not (
                    it.time[2] is not None and it.time[1] in base_years):  # (a level at the base: the older end)
                levels.append(it)
        for it in items:  # a change stated before its level ('up 9%' after 'numbered 5,400' is fine; 'a 25% rise')
            if it.asp.aspect == "change" and it.time is not None and it.time[1] is None and it.time[0] == "over":
                level = next((o for o in items if o.asp.aspect == "level" and o.time and o.time[1] is not None), None)
                if level is not None and level.time is not None:
                    it.time = ("over", level.time[1], level.time[2], level.time[3], False)
        if items and self.doc_time.carried is None and base_years:
            self.doc_time.carried = (next_year_of(base_years[0]), f"after {base_years[0]}")  # type: ignore[assignment]

    def _time_of(self, items: list[Item], k: int, ws: list[Word], sa: int, sb: int, times: list[TimePhrase],
                 projection: TimePhrase | None, levels: list[Item], base_years: list[int | str | None]) -> Result:
        text, figs, lex = self.text, self.figs, self.lex
        it = items[k]
        f = figs[it.index]
        if f.kind in DATE_KINDS:  # a deadline or start date holds at itself ('--03-05': a day of no known year)
            value = str(f.value)
            year = year_value(value.replace("-", "/")[:7]) if f.kind == "year" else \
                int(value[:4]) if value[:4].isdigit() else None
            return ("at", year, text[f.start:f.end], None, False)
        ref, label = self.refs.of(it.index)
        doc = self.doc_time
        doc.reference, doc.label = ref, label
        role = f.link_role if f.link_role in ("from", "to") and f.link_type == "change" and \
            _says(ws, it.first, f.link_role) else it.asp.role
        rate = f.rate if f.rate in time_rates(lex) else None  # '£58,000 per pupil' is no rate in time
        ctx = self._sentence_context(sa, sb, times)
        ft = FigureTime(f.start, f.end, f.kind, it.asp.aspect, role, rate, partial(tense, ws, it.first, lex, ctx[3]),
                        f.kind == "money" and ctx[0], ctx[1])
        if it.asp.aspect == "change":
            ft.level_time = self._level_for(levels, it)
        ft.actors = f.kind == "count" and acting(ws, it.first, it.last, lex)
        ft.reported = any(w.low in vocabulary(lex).data_verbs for w in ws[:it.first])
        ft.paired = self.paired and _says(ws, it.first, "to")
        nxt = next((figs[o.index].start for o in items[k + 1:] if not (figs[o.index].link == it.index and
                                                                         figs[o.index].link_type == "range")), sb)
        last = last_year_before(text, f.start, max(0, sa - 400), ctx[2])
        result = claim_time(text, ft, times, sa, nxt, doc, projection, last)
        it.own_time = ft.own is not None
        if (result[2] is None and base_years and it.asp.aspect == "level" and result[0] == "at"
                and f.kind != "money"):
            year = next_year_of(base_years[0])
            result = ("at", year, None, f"the year after the comparison ({base_years[0]})", False)
        year = carried_year(result) if result[1] not in base_years else None  # (not a level at a base)
        if year is not None and it.asp.aspect == "level" and ft.tense != "future" and not compared(ws, it.first) \
                and (self.doc_time.carried is None or _first_year(year) >= _first_year(self.doc_time.carried[0])):
            self.doc_time.carried = (year, result[2] or str(year))
        return result

    def _mentioned_before(self, items: list[Item], ws: list[Word]) -> None:
        """'the £5.3bn referred to above', 'Out of the £12 billion': a figure with a definite article that repeats
        the value of an earlier claim is that claim again (its time and, unless the sentence says more, its
        measure); 'about £2.2bn of the £5.3bn': a part holds when the whole does."""
        figs = self.figs
        for k, it in enumerate(items):
            f = figs[it.index]
            j = before_hedges(ws, it.first - 1)
            earlier = self.seen.get((f.kind, f.value))
            if earlier is None or j < 0 or ws[j].low not in ("the", "this", "that") or earlier.time is None:
                continue
            if not it.own_time:  # (the new level of a change, said again, holds at its year)
                it.time = ("at", *earlier.time[1:]) if earlier.time[0] in ("from", "to") else earlier.time
            if earlier.reading is not None and (it.reading is None or it.reading.rank < earlier.reading.rank):
                it.reading, it.key = earlier.reading, earlier.key
            if k > 0 and ws[j - 1].low == "of" and items[k - 1].last >= j - 3 and not items[k - 1].own_time and \
                    f.kind == "money" == figs[items[k - 1].index].kind:
                items[k - 1].time = it.time

    def _implied_ends(self, items: list[Item]) -> None:
        """'spent £1.5bn in 2021/22 ... having spent £736.6m in 2015/16, a 105 per cent increase': two levels of
        one measure at different stated years, in a sentence with a change and no stated ends, are its ends (the
        older 'from', the newer 'to'); the change is measured over the period up to the newer."""
        figs = self.figs
        if any(it.asp.role in ("from", "to") or figs[it.index].link_role in ("from", "to") for it in items):
            return
        changes = [it for it in items if it.asp.aspect == "change" and it.time is not None]
        levels = [it for it in items if it.asp.aspect == "level" and it.time is not None and it.time[0] == "at"
                  and it.time[1] is not None and it.time[2] is not None and it.key
                  and figs[it.index].kind in ("money", "count")]
        if not changes or len(levels) != 2 or levels[0].key != levels[1].key or \
                figs[levels[0].index].kind != figs[levels[1].index].kind:
            return
        older, newer = sorted(levels, key=lambda it: _first_year(it.time[1]))  # type: ignore[index]
        if older.time is None or newer.time is None or _first_year(older.time[1]) == _first_year(newer.time[1]):
            return
        older.asp.role, newer.asp.role = "from", "to"
        older.time = ("from", *older.time[1:])
        newer.time = ("to", *newer.time[1:])
        for c in changes:
            if c.time is not None and c.time[1] != newer.time[1]:
                c.time = ("over", newer.time[1], c.time[2], c.time[3], c.time[4])

    def _sentence_context(self, sa: int, sb: int, times: list[TimePhrase]
                          ) -> tuple[bool, int | None, list[tuple[int, int | str | None]], str]:
        """(a budget context, where a change takes effect, the years written from 400 characters before the
        sentence to its end, the tense of a sentence with none: a list item's lead-in's), read once for the
        claims of a sentence."""
        if self.context_of != (sa, sb):
            text = self.text
            self.context_of = (sa, sb)
            self.context = (budget(text, sa, sb, "money", self.lex),
                            takes_effect(text, times, sa, self.lex) if times else None,
                            years_before_that(text, sa, sb, times, self.refs.meta.date),
                            "future" if lead_in_future(text, max(sa, sb - 1), self.lex) else "present")
        return self.context

    def _level_for(self, levels: list[Item], change: Item) -> Result | None:
        """The time of the level a change belongs to: its 'to' end, else the nearest level before it, else the
        first after it."""
        for it in levels:
            if it.asp.role == "to" or self.figs[it.index].link_role == "to":
                return it.time
        ends = [it for it in levels if not self._older_end(it)]  # (not an older end: 'up 20% from 3,898 in 2023')
        before = [it for it in ends if it.first < change.first]
        if before:
            return before[-1].time
        return ends[0].time if ends else None

    def _older_end(self, it: Item) -> bool:
        """Whether a level is the older end of a change: so read, or written right after 'from'."""
        f = self.figs[it.index]
        return it.asp.role == "from" or f.link_role == "from" or \
            self.text[max(0, f.start - 8):f.start].rstrip().lower().endswith("from")

    def _row(self, it: Item, sent: tuple[int, int], ws: list[Word]) -> None:
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
        # line and column, counted on from the previous claim's figure (the figures come in order)
        if f.start < self.counted:
            self.line, self.counted = 1, 0
        self.line += self.text.count("\n", self.counted, f.start)
        self.counted = f.start
        line = self.line
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

    def _ends(self, items: list[Item]) -> None:
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
