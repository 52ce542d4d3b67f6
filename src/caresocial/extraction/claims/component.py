"""The claims component: a claim (measure, value, time) for every checkable figure."""

from __future__ import annotations

import bisect
import sys
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ...models import Claim, ClaimTime, Figure
from ..doc import Annotations, RuleComponent, doc_text, segments, sentence_of
from ..figures.grammar import RawFigure
from ..meta import DocMeta
from ..quotes.attribution import RawQuote, normalise_source
from ..quotes.component import QuoteAttributor, innermost_quote
from ..times import find_times
from .grammar import CLAIM_KINDS, ChangeVerbs, MeasureCache, OwnedTimes, build_measure, claim_time


class ClaimBuilder(RuleComponent):
    """Claims with measure and time in ``doc._.claims``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.check_order()
        error_handler = self.get_error_handler()
        try:
            ext = Annotations(doc)
            if ext.cs_raw_quotes is None:
                q = QuoteAttributor(None, "caresocial_quotes")  # type: ignore[arg-type]
                q.set_annotations(doc, q.match(doc))
            ext.claims = build_claims(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc


def reference_year(doc: Doc, fig_index: int) -> tuple[int | None, str | None]:
    """The year relative times in a figure's statement resolve against, and why."""
    return _ReferenceYears(doc).of(fig_index)


class _ReferenceYears:
    """:func:`reference_year` for the figures of one document, its annotations read once (each ``doc._``
    look-up costs a few microseconds)."""

    __slots__ = ("cite_starts", "cites", "dated", "figs", "inferred", "inner", "meta", "paras", "publisher_key",
                 "quotes", "sources", "text")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.text = doc_text(doc) if text is None else text
        u = Annotations(doc)
        self.figs: list[RawFigure] = u.cs_raw_figures
        self.quotes: list[RawQuote] = u.cs_raw_quotes
        self.meta: DocMeta = u.cs_meta
        self.sources: dict[str, int] = u.cs_sources or {}
        self.paras: list[tuple[int, int]] = u.cs_paragraphs
        citations = u.cs_citations
        if citations is None:
            cited = sorted((q for q in self.quotes if q.kind == "citation"), key=lambda q: q.start)
            citations = u.cs_citations = ([q.start for q in cited], cited)
        self.cite_starts, self.cites = citations
        self.inner: list[int | None] | None = u.cs_fig_quotes
        self.inferred: tuple[int | None, str | None] | None = u.cs_reference
        self.publisher_key = normalise_source(self.meta.publisher) if self.meta.publisher is not None else None
        date = self.meta.date
        self.dated = (date.year, f"document date {date.isoformat()}") if date is not None else None

    def of(self, fig_index: int) -> tuple[int | None, str | None]:
        text, quotes, sources, paras = self.text, self.quotes, self.sources, self.paras
        f = self.figs[fig_index]
        # 1. a citation later in the same paragraph: the statement summarises that source
        c = bisect.bisect_left(self.cite_starts, f.end)
        if c < len(self.cites):
            q = self.cites[c]
            pi = bisect.bisect_right(paras, (f.start, len(text) + 1)) - 1
            if pi >= 0 and paras[pi][0] <= f.start < paras[pi][1] and q.start < paras[pi][1]:
                year = int(text[q.end - 4:q.end])
                return year, f"cited source ({text[q.start:q.end]})"
        # 2. the speaker's statement date, when the corpus cites that speaker
        inner = self.inner
        qi = inner[fig_index] if inner is not None else innermost_quote(quotes, f.start, f.end)
        if qi is not None and sources and quotes[qi].speaker is not None:
            name = normalise_source(quotes[qi].speaker.name)
            if name in sources and (self.publisher_key is None or self.publisher_key != name):
                return sources[name], f"date of the statement by {quotes[qi].speaker.name} ({sources[name]})"
        # 3. the document date
        if self.dated is not None:
            return self.dated
        # 4. inferred: the latest dated source the document quotes
        if self.inferred is not None:
            return self.inferred
        return None, None


def _infer_reference(doc: Doc, text: str | None = None, quotes: list[RawQuote] | None = None,
                     sources: dict[str, int] | None = None) -> tuple[int | None, str | None] | None:
    """The latest dated source an undated document quotes (``text``, ``quotes`` and ``sources``: the document's,
    when the caller has read them)."""
    if quotes is None or sources is None:
        u = Annotations(doc)
        quotes, sources = u.cs_raw_quotes, u.cs_sources or {}
    text = doc_text(doc) if text is None else text
    best: tuple[int, str] | None = None
    for q in quotes:
        if q.speaker is None:
            continue
        name = normalise_source(q.speaker.name)
        if q.kind == "citation":
            year = int(text[q.end - 4:q.end])
        elif name in sources:
            year = sources[name]
        else:
            continue
        if best is None or year > best[0]:
            best = (year, q.speaker.name)
    if best is None:
        return None
    return best[0], f"inferred: undated document quoting {best[1]} ({best[0]})"


def build_claims(doc: Doc) -> list[Claim]:
    """A claim for every money, count, percent and ratio figure with a value."""
    text = doc_text(doc)
    paras, sents = segments(doc)
    u = Annotations(doc)
    references = _ReferenceYears(doc, text)  # (which reads most of them: taken from it)
    figs, meta = references.figs, references.meta
    records: list[Figure] = u.figures
    starts = [s for s, _ in sents]
    para_starts = [s for s, _ in paras]
    if meta.date is None:
        inferred = u.cs_reference = references.inferred = _infer_reference(doc, text, references.quotes,
                                                                           references.sources)
        if inferred is not None and meta.date_source is None:
            meta.date_source = inferred[1]
    times_cache: dict[tuple[int, int], tuple[list, list[int]]] = {}

    def times_of(s: tuple[int, int]) -> tuple[list, list[int]]:
        if s not in times_cache:
            found = find_times(text, s[0], s[1])
            times_cache[s] = (found, [t.start for t in found])
        return times_cache[s]

    owned: OwnedTimes = {}
    times_made: dict[tuple[Any, ...], ClaimTime] = {}

    def time_of(*key: Any) -> ClaimTime:
        # claims of one document share equal times (records are immutable): memory for long documents
        t = times_made.get(key)
        if t is None:
            t = times_made[key] = ClaimTime.build(relation=key[0], year=key[1], as_written=key[2],
                                                  resolved_against=key[3], relative=key[4])
        return t

    rows: list[dict[str, Any]] = []  # the claims' values, built into records once linked
    sent_cache: dict[tuple[int, int], tuple[int, str]] = {}
    measure_cache = MeasureCache(ChangeVerbs(text))
    by_fig: dict[int, int] = {}
    # line and column, counted on from the previous claim's figure (the figures come in order)
    line, line_start, counted = 1, 0, 0
    sent, si, times, time_starts = (0, 0), -1, [], []
    for i, f in enumerate(figs):
        if f.kind not in CLAIM_KINDS or f.value is None:
            continue
        if f.start < counted:
            line, line_start, counted = 1, 0, 0
        line += text.count("\n", counted, f.start)
        nl = text.rfind("\n", counted, f.start)
        line_start = nl + 1 if nl >= 0 else line_start
        counted = f.start
        if not sent[0] <= f.start < sent[1]:  # not in the previous claim's sentence (the sentences do not overlap)
            sent = sentence_of(sents, starts, f.start, len(text))
            si = bisect.bisect_right(starts, f.start) - 1
            times, time_starts = times_of(sent)
        pi = bisect.bisect_right(para_starts, f.start) - 1
        para = paras[pi] if pi >= 0 and paras[pi][0] <= f.start < paras[pi][1] else sent
        # the previous sentence's times, read only when the figure needs them (rarely)
        prev = sents[si - 1] if si > 0 and sents[si - 1][0] >= para[0] else None
        ref, label = references.of(i)
        relation, year, as_written, resolved, relative = claim_time(
            text, figs, i, sent, para, times, (lambda p=prev: times_of(p)[0]) if prev is not None else [], ref, label,
            time_starts, owned)
        key, words = build_measure(text, figs, i, sent, measure_cache)
        unit = f.unit
        if f.kind == "money" and f.rate:
            unit = f"{f.unit} per {f.rate}"
        fig_rec = records[i]
        by_fig[i] = len(rows)
        window = sentence_window(text, sent, f.start, f.end, sent_cache)
        rows.append({
            "id": f"c{len(rows) + 1}", "figure": fig_rec.id, "start": f.start, "end": f.end, "kind": f.kind,
            "measure": sys.intern(key), "measure_text": words, "value": f.value, "unit": unit, "approx": f.approx,
            "bound": f.bound, "rate": f.rate, "time": time_of(relation, year, as_written, resolved, relative),
            "speaker": fig_rec.speaker, "sentence": window[1], "sentence_start": window[0],
            "line": line, "column": f.start - line_start + 1, "link": None, "link_role": f.link_role,
        })
    # link the two ends of a change, and give them one measure
    for i, ci in by_fig.items():
        f = figs[i]
        if f.link is not None and f.link in by_fig:
            other = rows[by_fig[f.link]]
            mine = rows[ci]
            mine["link"] = other["id"]
            if f.link_type == "change" and mine["measure"] != other["measure"] and f.link_role == "from":
                mine["measure"] = other["measure"]
                mine["measure_text"] = other["measure_text"]
    return [Claim.build(**row) for row in rows]


SENTENCE_LIMIT = 800
_SPACE = regex.compile(r"\s")


def sentence_window(text: str, sent: tuple[int, int], start: int, end: int,
                    cache: dict[tuple[int, int], tuple[int, str]]) -> tuple[int, str]:
    """(offset, text) of a claim's sentence: the sentence itself, shared by its claims, or of a run-on
    'sentence' (a table or list with no full stops) the ``SENTENCE_LIMIT`` characters around the figure,
    cut at spaces, so that records and reports stay linear in the size of the document."""
    sa, sb = sent
    if sb - sa <= SENTENCE_LIMIT:
        hit = cache.get(sent)
        if hit is None:
            hit = cache[sent] = (sa, text[sa:sb])
        return hit
    half = max(0, (SENTENCE_LIMIT - (end - start)) // 2)
    a, b = max(sa, start - half), min(sb, end + half)
    if a > sa:
        m = _SPACE.search(text, a, start)
        a = m.end() if m else a
    if b < sb:
        cut = text.rfind(" ", end, b)
        b = cut if cut > end else b
    return a, text[a:b]
