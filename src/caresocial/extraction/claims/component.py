"""The claims component: a claim (measure, aspect, value, time) for every checkable figure.

Per sentence: the words are tagged (:mod:`.words`), each claim figure's aspect read (:mod:`.aspect`), its
measure (:mod:`.measure`, keyed by :mod:`.synonyms`) and its time (:mod:`.scope`, over the phrases of
:mod:`..times`); then the ends of ranges and changes are linked and share one measure.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons import Lexicons
from ...models import Claim, ClaimTime, Figure
from ..doc import Annotations, RuleComponent, doc_text, segments
from ..figures.grammar import RawFigure
from ..times import TimePhrase, find_times, last_year_before, year_value, years_written
from .aspect import Aspect, aspect_of, change_between
from .measure import Reading, read_measure, restated
from .phrases import clause_start
from .reference import ReferenceYears, infer_reference, sentence_window
from .scope import DocTime, FigureTime, Result, carried_year, claim_time, is_base, next_year_of
from .synonyms import inflections, measure_key
from .words import FIG, PUNCT, TIME, Word, tag, word_classes

CLAIM_KINDS = frozenset({"money", "count", "percent", "ratio", "quantity"})
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
    own_time: bool = False  # the time is a phrase of the figure's own
    row: int = -1


@lru_cache(maxsize=8)
def _event_patterns(lex: Lexicons) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The ``event_words`` as patterns: any of them as whole words (in words joined by spaces), and those after
    which a time is when something takes effect, at the end of the words before a time."""
    rows = lex.rows("event_words")
    every = sorted({r[0].lower() for r in rows}, key=len, reverse=True)
    starts = sorted({r[0].lower() for r in rows if len(r) > 1 and r[1] == "start"}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in every) or "(?!)"
    start_alt = "|".join(re.escape(w) for w in starts) or "(?!)"
    return re.compile(rf"(?:^| )(?:{alt})(?= |$)"), re.compile(rf"(?:{start_alt})$")


def _date_claim(ws: list[Word], first: int, last: int, lex: Lexicons) -> bool:
    """A date or year that states when something starts or ends ('due to take effect in October 2023', 'comes
    to an end in March 2026', 'extended until 2026'), with no other figure in its clause."""
    events = _event_patterns(lex)[0]
    lo = clause_start(ws, first)
    window = " ".join(w.low for w in ws[max(lo, first - 8):first])
    after = " ".join(w.low for w in ws[last + 1:last + 10])
    return bool(events.search(window) or events.search(after))


def _takes_effect(text: str, times: list[TimePhrase], sa: int, lex: Lexicons) -> int | None:
    """Offset of the time phrase right after words saying something starts ('due to take effect in October
    2023', 'comes into force from April'), if the sentence has one."""
    starts = _event_patterns(lex)[1]
    for t in times:
        before = " ".join(text[max(sa, t.start - 30):t.start].lower().split())
        if starts.search(before):
            return t.start
    return None


def _says(ws: list[Word], first: int, word: str) -> bool:
    """Whether ``word`` ('from', 'to') stands within the four words before a figure."""
    return any(w.low == word for w in ws[max(0, first - 4):first])


def _compared(ws: list[Word], first: int) -> bool:
    """Whether a figure is what another is compared with ('compared with 16.1% in 2020', 'than the 17.8')."""
    words = ws[max(0, first - 4):first]
    bound = len(words) >= 2 and words[-1].low == "than" and words[-2].low in ("more", "less", "fewer")
    return any(w.low in ("compared", "against", "than", "from", "unchanged") for w in words) and not bound


def _first_year(year: int | str) -> int:
    return year if isinstance(year, int) else int(str(year)[:4])


_CONDITION = frozenset("when if once until unless whenever".split())
_BREAKS = ",;:–—()"


def _clause_end(ws: list[Word], first: int, limit: int = 12) -> int:
    hi = first + 1
    while hi < len(ws) and not (ws[hi].is_(PUNCT) and ws[hi].text in _BREAKS) and hi - first < limit:
        hi += 1
    return hi


def _clause_tense(words: list[Word], past_forms: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """future, past or present by the first verb of ``words`` (a modal anywhere makes it future); None when
    they hold no verb."""
    tense = None
    for k, w in enumerate(words):
        nxt = words[k + 1].low if k + 1 < len(words) else ""
        if w.low in _FUTURE or (w.low in _FUTURE_TO and nxt == "to"):
            return "future"
        if tense is not None:
            continue
        if w.low in _PRESENT:
            tense = "present"
        elif w.low in _PAST or (w.content and (w.low in past_forms[1] or (w.low in past_forms[0] and not w.is_("N")))
                                and not (k > 0 and words[k - 1].low in ("has", "have", "been", "be"))):
            tense = "past"
    return tense


def _tense(ws: list[Word], first: int, lex: Lexicons) -> str:
    """future, past or present: of the clause that holds word ``first`` (its first verb decides; a modal
    anywhere before it in the sentence makes it future). A clause with no verb ('– £310m in all') takes the
    tense of the clause before it; a condition ('when someone has paid £86,000, the state will ...') a future
    main clause's."""
    lo = clause_start(ws, first)
    hi = _clause_end(ws, first)
    memo: dict[tuple[str, int, int], object] | None = getattr(ws, "memo", None)
    if memo is not None:
        hit = memo.get(("tense", lo, hi))
        if hit is None:
            hit = memo[("tense", lo, hi)] = _tense_of(ws, lo, hi, first, lex)
        return hit  # type: ignore[return-value]
    return _tense_of(ws, lo, hi, first, lex)


def _tense_of(ws: list[Word], lo: int, hi: int, first: int, lex: Lexicons) -> str:
    past_forms = past_tense(lex)
    tense = _clause_tense(ws[lo:hi], past_forms)
    if tense != "future" and hi < len(ws) and any(w.low in _CONDITION for w in ws[max(0, lo - 1):first]):
        main = _clause_tense(ws[hi + 1:_clause_end(ws, hi + 1, 16)], past_forms)
        if main == "future":
            return main
    if tense is None and not any(w.content and w.is_("V") and not (k > lo and ws[k - 1].is_("D", "A"))
                                 for k, w in enumerate(ws[lo:hi], lo)):
        end = lo
        while tense is None and end > 0:  # a clause with no verb: the clauses before it, nearest first
            start = clause_start(ws, end - 1)
            tense = _clause_tense(ws[start:end], past_forms)
            end = min(start, end - 1)
    if tense is None and any(w.low in _FUTURE for w in ws[:lo]):
        return "future"  # '... would cost £3.6bn and take some 630,000 children out of poverty'
    return tense or "present"


_PREFIXES = ("change in ", "share of ", "annual ", "weekly ", "monthly ", "daily ")


@lru_cache(maxsize=8)
def content_words(lex: Lexicons) -> _NotFunction:
    """A test of whether a word of a key is a content word (not in ``function_words``)."""
    return _NotFunction(frozenset(r[0].lower() for r in lex.rows("function_words") if r))


class _NotFunction:
    __slots__ = ("function",)

    def __init__(self, function: frozenset[str]) -> None:
        self.function = function

    def __contains__(self, word: object) -> bool:
        return word not in self.function


@lru_cache(maxsize=8)
def past_tense(lex: Lexicons) -> tuple[frozenset[str], frozenset[str]]:
    """Past-tense forms of the word-class table (read as past when not a noun too), and of the change verbs
    (read as past even where they are nouns too: 'fell', 'rose')."""
    changes = {inflections(r[0])[2] for r in lex.rows("change_verbs") if len(r) > 2 and r[2] == "v"}
    return word_classes(lex).verbs_past, frozenset(f for f in changes if " " not in f)


@lru_cache(maxsize=8)
def rate_adjectives(lex: Lexicons) -> dict[str, str]:
    """Period -> the adjective of a sum per that period ('year' -> 'annual'): the fourth column of ``time_words``."""
    return {r[0]: r[3] for r in lex.rows("time_words") if len(r) > 3 and r[1] == "unit"}


def _bracketed(ws: list[Word], prev: _Item, it: _Item) -> bool:
    """Whether figure ``it`` is in brackets right after ``prev`` ('two-fifths (43%)', '(164, 59%)')."""
    j = it.first - 1
    while j > prev.last and (ws[j].text in ",(" or ws[j].low == "or" or ws[j].is_(FIG)):
        if ws[j].text == "(":
            return j - prev.last <= 2
        j -= 1
    return False


@lru_cache(maxsize=8)
def time_rates(lex: Lexicons) -> frozenset[str]:
    """The periods a rate in time is per ('year', 'month', ...): the units and rates of ``time_words``."""
    return frozenset(r[2] if r[1] == "rate" else r[0] for r in lex.rows("time_words")
                     if len(r) > 1 and r[1] in ("unit", "rate"))


@lru_cache(maxsize=8)
def _budget_pattern(lex: Lexicons) -> re.Pattern[str]:
    words = sorted((w.lower() for w in lex.words("budget_words")), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


def _budget(text: str, sa: int, sb: int, kind: str, lex: Lexicons) -> bool:
    """Whether a sum's sentence is in a budget context: a financial year or a budget word (``budget_words``)."""
    if kind != "money":
        return False
    return bool(_FY.search(text, sa, sb)) or bool(_budget_pattern(lex).search(text[sa:sb].lower()))


_AS_AT = re.compile(r"\bas\s+(?:at|of)\b", re.IGNORECASE)
_DIGITS4 = re.compile(r"(?:19|20)\d\d")


def _release(text: str, paras: list[tuple[int, int]], lex: Lexicons) -> tuple[int | str, str] | None:
    """A statistical release's reference date: a month and year in its title, or 'as at 31 March 2024' in its
    first paragraph."""
    if len(paras) < 3:
        return None
    for pi, (a, b) in enumerate(paras[:2]):
        if not _DIGITS4.search(text, a, b) or (pi == 1 and not _AS_AT.search(text, a, b)):
            continue  # (no year, or no 'as at': nothing to find)
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
                                release=_release(self.text, self.paras, lex), fy_doc=bool(_FY.search(self.text)),
                                dated=meta.date is not None)
        self.pos = {t.idx: t.pos_ for t in doc} if doc.has_annotation("POS") else None
        self.rows: list[dict[str, Any]] = []
        self.by_fig: dict[int, int] = {}
        self.times_made: dict[Result, ClaimTime] = {}
        self.sent_cache: dict[tuple[int, int], tuple[int, str]] = {}
        self.seen: dict[tuple[str, object], _Item] = {}  # the first claim of each kind and value
        self.line, self.counted = 1, 0
        self.context_of: tuple[int, int] = (-1, -1)
        self.context: tuple[bool, int | None, list[tuple[int, int | str | None]]] = (False, None, [])

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
        self._qualify_bare()
        return [Claim.build(**row) for row in self.rows]

    def _qualify_bare(self) -> None:
        """A measure named by one bare noun ('vacancies fell', 'leavers numbered 5,400') is read as that of the
        document's subject: what most of its described counts count ('vacancies of children's social workers')."""
        content = content_words(self.lex)
        counts: dict[str, int] = {}
        for row in self.rows:
            key = row["measure"]
            if key and row["kind"] == "count" and row["aspect"] == "level" and \
                    len([w for w in key.split() if w in content]) >= 2:
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            return
        topic = max(counts, key=lambda k: (counts[k], -list(counts).index(k)))
        topic_words = set(topic.split())
        for row in self.rows:
            key = row["measure"]
            if not key:
                continue
            prefix = next((p for p in _PREFIXES if key.startswith(p)), "")
            base = key[len(prefix):]
            words = [w for w in base.split() if w in content]
            if len(words) == 1 and words[0] not in topic_words:
                row["measure"] = sys.intern(f"{prefix}{base} of {topic}")

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
            if figs[it.index].link_type == "range" and figs[it.index].link == prev.index:
                it.asp = replace(prev.asp, role=it.asp.role or prev.asp.role)  # 'by £2-3bn': both ends a change
                continue
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
        self._implied_ends(items)
        self._mentioned_before(items, ws)
        for it in items:
            self._row(it, (sa, sb), ws)
            f = figs[it.index]
            self.seen.setdefault((f.kind, f.value), it)
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
                if prev is not None and prev.reading is not None and it.reading is not None and it.reading.elided:
                    if prev.reading.head:  # '2,000 people who ..., and more than 2,800 who work in the system'
                        it.reading = Reading(f"{prev.reading.head} {it.reading.text}", 2, head=prev.reading.head)
                elif prev is not None:
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
        for k, it in enumerate(items):
            # 'two-fifths (43%) of ...', '3 in 5 were single providers (164, 59%)': a bracketed restatement
            prev = items[k - 1] if k else None
            if prev is not None and prev.reading is not None and _bracketed(ws, prev, it) and \
                    (it.reading is None or it.reading.rank < 2):
                it.reading = restated(prev.reading, figs[prev.index].kind, figs[it.index].kind)
        for it in items:
            if it.reading is not None:
                it.key = self._key(it)

    def _key(self, it: _Item) -> str | None:
        """The comparable key of a claim's measure: after the synonyms; 'change in' for a change; a sum per year
        is an annual one ('will cost £15bn per year': 'annual cost')."""
        assert it.reading is not None
        key = measure_key(it.reading.text, self.lex)
        if not key:
            return None
        if it.asp.aspect == "change":
            return "change in " + key
        f = self.figs[it.index]
        adjective = rate_adjectives(self.lex).get(f.rate or "")
        if f.kind == "money" and adjective and not set(key.split()) & set(rate_adjectives(self.lex).values()):
            key = f"{adjective} {key}"
        return key

    def _times(self, items: list[_Item], ws: list[Word], sa: int, sb: int, times: list[TimePhrase],
               projection: TimePhrase | None) -> None:
        """The time of each claim: levels first, then changes (a change is measured up to its newer level)."""
        text = self.text
        base_years = [t.year for t in times if t.mode == "abs" and is_base(text, t, sa)]
        levels: list[_Item] = []
        order = [k for k, it in enumerate(items) if it.asp.aspect != "change"] + \
            [k for k, it in enumerate(items) if it.asp.aspect == "change"]
        for k in order:
            it = items[k]
            it.time = self._time_of(items, k, ws, sa, sb, times, projection, levels, base_years)
            if it.asp.aspect == "level" and self.figs[it.index].kind not in DATE_KINDS:
                levels.append(it)
        for it in items:  # a change stated before its level ('up 9%' after 'numbered 5,400' is fine; 'a 25% rise')
            if it.asp.aspect == "change" and it.time is not None and it.time[1] is None:
                level = next((o for o in items if o.asp.aspect == "level" and o.time and o.time[1] is not None), None)
                if level is not None and level.time is not None:
                    it.time = ("over", level.time[1], level.time[2], level.time[3], False)
        if items and self.doc_time.carried is None and base_years:
            self.doc_time.carried = (next_year_of(base_years[0]), f"after {base_years[0]}")  # type: ignore[assignment]

    def _time_of(self, items: list[_Item], k: int, ws: list[Word], sa: int, sb: int, times: list[TimePhrase],
                 projection: TimePhrase | None, levels: list[_Item], base_years: list[int | str | None]) -> Result:
        text, figs, lex = self.text, self.figs, self.lex
        it = items[k]
        f = figs[it.index]
        if f.kind in DATE_KINDS:  # a deadline or start date holds at itself
            year = year_value(str(f.value).replace("-", "/")[:7]) if f.kind == "year" else int(str(f.value)[:4])
            return ("at", year, text[f.start:f.end], None, False)
        ref, label = self.refs.of(it.index)
        doc = self.doc_time
        doc.reference, doc.label = ref, label
        role = f.link_role if f.link_role in ("from", "to") and f.link_type == "change" and \
            _says(ws, it.first, f.link_role) else it.asp.role
        rate = f.rate if f.rate in time_rates(lex) else None  # '£58,000 per pupil' is no rate in time
        ctx = self._sentence_context(sa, sb, times)
        ft = FigureTime(f.start, f.end, f.kind, it.asp.aspect, role, rate, _tense(ws, it.first, lex),
                        f.kind == "money" and ctx[0], ctx[1])
        if it.asp.aspect == "change":
            ft.level_time = self._level_for(levels, it)
        nxt = next((figs[o.index].start for o in items[k + 1:] if not (figs[o.index].link == it.index and
                                                                         figs[o.index].link_type == "range")), sb)
        last = last_year_before(text, f.start, max(0, sa - 400), ctx[2])
        result = claim_time(text, ft, times, sa, nxt, doc, projection, last)
        it.own_time = ft.own is not None
        if (result[2] is None and base_years and it.asp.aspect == "level" and result[0] == "at"
                and f.kind != "money"):
            year = next_year_of(base_years[0])
            result = ("at", year, None, f"the year after the comparison ({base_years[0]})", False)
        year = carried_year(result)
        if year is not None and it.asp.aspect == "level" and ft.tense != "future" and not _compared(ws, it.first) \
                and (self.doc_time.carried is None or _first_year(year) >= _first_year(self.doc_time.carried[0])):
            self.doc_time.carried = (year, result[2] or str(year))
        return result

    def _mentioned_before(self, items: list[_Item], ws: list[Word]) -> None:
        """'the £5.3bn referred to above', 'Out of the £12 billion': a figure with a definite article that repeats
        the value of an earlier claim is that claim again (its time and, unless the sentence says more, its
        measure); 'about £2.2bn of the £5.3bn': a part holds when the whole does."""
        figs = self.figs
        for k, it in enumerate(items):
            f = figs[it.index]
            j = it.first - 1
            while j >= 0 and ws[j].is_("H") and not ws[j].content:
                j -= 1
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

    def _implied_ends(self, items: list[_Item]) -> None:
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
                          ) -> tuple[bool, int | None, list[tuple[int, int | str | None]]]:
        """(a budget context, where a change takes effect, the years written from 400 characters before the
        sentence to its end), read once for the claims of a sentence."""
        if self.context_of != (sa, sb):
            text = self.text
            self.context_of = (sa, sb)
            self.context = (_budget(text, sa, sb, "money", self.lex),
                            _takes_effect(text, times, sa, self.lex) if times else None,
                            years_written(text, max(0, sa - 400), sb) if any(t.mode == "that" for t in times)
                            else [])
        return self.context

    def _level_for(self, levels: list[_Item], change: _Item) -> Result | None:
        """The time of the level a change belongs to: its 'to' end, else the nearest level before it, else the
        first after it."""
        for it in levels:
            if it.asp.role == "to" or self.figs[it.index].link_role == "to":
                return it.time
        before = [it for it in levels if it.first < change.first]
        if before:
            return before[-1].time
        return levels[0].time if levels else None

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
