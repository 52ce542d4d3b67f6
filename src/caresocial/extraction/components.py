"""spaCy pipeline components: sentences, figures, quotes (with speakers) and claims.

Each component follows spaCy's rule components: keyword-only typed configuration, ``__call__`` that
finds (``match``) and then writes (``set_annotations``), wrapped in the pipeline's error handler. They are
registered through the ``spacy_factories`` entry points, so in any pipeline::

    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_figures")
    doc = nlp("Spending rose from £6bn to £8.2bn.")
    doc._.figures  # [Figure(kind='money', text='£6bn', ...), ...]

Components that need earlier annotations compute them when absent, so each works alone.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import regex
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Claim, ClaimTime, Figure, Quote, Speaker
from .claims import CLAIM_KINDS, ChangeVerbs, MeasureCache, OwnedTimes, build_measure, claim_time
from .figures.grammar import RawFigure, scan
from .meta import DocMeta, read_meta
from .quotes import NO_QUOTE, MinByEnd, RawQuote, SpeakerRef, attribute, normalise_source
from .segment import paragraphs, sentences
from .times import find_times

_EXTENSIONS: dict[str, Any] = {
    "figures": [], "quotes": [], "claims": [],
    "cs_doc_id": None, "cs_path": None, "cs_date": None, "cs_publisher": None, "cs_sources": None,
    "cs_paragraphs": None, "cs_sentences": None, "cs_raw_figures": None, "cs_raw_quotes": None,
    "cs_meta": None, "cs_reference": None, "cs_text": None, "cs_fig_quotes": None,
    "cs_citations": None,
}


class Annotations:
    """The ``Doc._`` attributes of :data:`_EXTENSIONS` on one doc, read and written where spaCy keeps them.

    An extension declared with a default (no getter, setter or method) lives in ``doc.user_data`` under
    ``("._.", name, None, None)``; building a ``doc._`` accessor and going through it costs about a microsecond
    an access, this a dict look-up. Unset attributes read None, as their defaults."""

    __slots__ = ("_data",)

    def __init__(self, doc: Doc) -> None:
        self._data = doc.user_data

    if TYPE_CHECKING:  # (the attributes are properties made below, one for each extension)
        def __getattr__(self, name: str) -> Any: ...
        def __setattr__(self, name: str, value: Any) -> None: ...


def _annotation(name: str) -> property:
    key = ("._.", name, None, None)

    def get(self: Annotations) -> Any:
        return self._data.get(key)

    def put(self: Annotations, value: Any) -> None:
        self._data[key] = value

    return property(get, put, doc=f"``doc._.{name}``")


for _name in _EXTENSIONS:
    setattr(Annotations, _name, _annotation(_name))


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes the components use (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds the string from the tokens on every access."""
    ext = Annotations(doc)
    text = ext.cs_text
    if text is None:
        text = ext.cs_text = doc.text
    return text


def _segments(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    ext = Annotations(doc)
    paras = ext.cs_paragraphs
    if paras is None:
        text = doc_text(doc)
        paras = ext.cs_paragraphs = paragraphs(text)
        ext.cs_sentences = sentences(text, paras)
    return paras, ext.cs_sentences


class _RuleComponent:
    """Base of the components: ``__call__`` finds (``match``) then writes (``set_annotations``), like spaCy's
    rule components, under the pipeline's error handler."""

    name: str

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            return self.set_annotations(doc, self.match(doc))
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def match(self, doc: Doc) -> Any:
        """What the component finds in ``doc``."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> Doc:
        """Write what ``match`` found onto ``doc``."""
        raise NotImplementedError

    def get_error_handler(self) -> Callable[..., Any]:
        """The handler ``nlp.set_error_handler`` gave, else one that re-raises."""
        return getattr(self, "_error_handler", _raise)

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        """Called by ``nlp.set_error_handler``."""
        self._error_handler = error_handler


class SentenceSegmenter(_RuleComponent):
    """Paragraph and sentence boundaries as character offsets (``doc._.cs_paragraphs``/``cs_sentences``);
    also marks ``token.is_sent_start`` when no other component has."""

    def __init__(self, nlp: Language, name: str, *, set_sent_starts: bool = True) -> None:
        self.name = name
        self.set_sent_starts = set_sent_starts

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            Annotations(doc).cs_paragraphs = None
            _, sents = _segments(doc)
            # ``doc.has_annotation`` walks the tokens in Python; the array test is the same check in C
            # (like it, ignores the first token, which spaCy marks as a start by default)
            marked = doc.to_array([SENT_START]) if self.set_sent_starts and len(doc) else None
            if marked is not None and not marked[1:].any():
                # only the starts are marked: tokens left unset read as 'not a start' in doc.sents. Written
                # as one array: setting ``token.is_sent_start`` walks the whole doc on every call.
                import numpy

                idx = doc.to_array(IDX)
                starts = numpy.searchsorted(idx, [a for a, _ in sents], side="right") - 1
                arr = marked.reshape(len(doc), 1)
                arr[starts[starts >= 0], 0] = 1
                doc.from_array([SENT_START], arr)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc



def _raise(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> None:
    raise e


class FigureExtractor(_RuleComponent):
    """Every figure in the text as a :class:`~caresocial.models.Figure` in ``doc._.figures`` and as spans in
    ``doc.spans[spans_key]`` labelled by kind."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = "caresocial_figures",
                 generic_units: bool = True) -> None:
        self.name = name
        self.spans_key = spans_key
        self.generic_units = generic_units

    def match(self, doc: Doc) -> list[RawFigure]:
        """The raw figures of the document text."""
        figs = scan(doc_text(doc))
        if not self.generic_units:
            figs = [f for f in figs if f.source == "rules"]
        return figs

    def set_annotations(self, doc: Doc, figs: list[RawFigure]) -> Doc:
        """Write ``doc._.figures`` and the span group."""
        _, sents = _segments(doc)
        ext = Annotations(doc)
        ext.cs_raw_figures = figs
        text, starts = doc_text(doc), [s for s, _ in sents]
        ext.figures = [build_figure(f, i, figs, sents, text, starts=starts) for i, f in enumerate(figs)]
        char_span = doc.char_span
        spans = [char_span(f.start, f.end, label=f.kind, alignment_mode="expand") for f in figs]
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc


def sentence_of(sents: list[tuple[int, int]], starts: list[int], pos: int, length: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding offset ``pos`` (or a one-character span)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sents[i][0] <= pos < max(sents[i][1], sents[i][0] + 1):
        return sents[i]
    return pos, min(length, pos + 1)


def build_figure(f: RawFigure, i: int, figs: list[RawFigure], sents: list[tuple[int, int]], text: str,
                 speaker: Speaker | None = None, quote: str | None = None, starts: list[int] | None = None) -> Figure:
    """A :class:`Figure` record from a raw figure (no re-validation: the grammar built the values).
    ``starts`` are the sentences' start offsets, when the caller builds many figures."""
    start, end, kind, value, link = f.start, f.end, f.kind, f.value, f.link
    sa, sb = sentence_of(sents, starts if starts is not None else [s for s, _ in sents], start, len(text))
    if kind == "year" and isinstance(value, float) and value.is_integer():
        value = int(value)
    return Figure.build(
        id=f"f{i + 1}", kind=kind, text=text[start:end], start=start, end=end, sentence_start=sa,
        sentence_end=sb if sb > end else end, value=value, unit=f.unit, approx=f.approx, bound=f.bound,
        rate=f.rate, link=None if link is None else f"f{link + 1}", link_type=f.link_type, link_role=f.link_role,
        speaker=speaker, quote=quote, source=f.source,
    )


def speaker_record(ref: SpeakerRef | None) -> Speaker | None:
    """The public record of a speaker."""
    if ref is None:
        return None
    return Speaker.build(name=ref.name, role=ref.role, org=ref.org, kind=ref.kind,
                                   members=tuple(ref.members))


class QuoteAttributor(_RuleComponent):
    """Quotes with speakers in ``doc._.quotes``; sets each figure's speaker (innermost quote, else the
    publisher). Reads the publisher from ``doc._.cs_publisher`` when given, else from the text."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def match(self, doc: Doc) -> list[RawQuote]:
        """Read the document's metadata, then find every quote."""
        paras, sents = _segments(doc)
        text = doc_text(doc)
        ext = Annotations(doc)
        figs = ext.cs_raw_figures
        if figs is None:
            figs = ext.cs_raw_figures = scan(text)
        meta = read_meta(text, figs)
        given = ext.cs_publisher
        if given:
            meta.publisher, meta.publisher_members = given, ()
        given_date = ext.cs_date
        if isinstance(given_date, date):
            meta.date, meta.date_source = given_date, "given"
        ext.cs_meta = meta
        pub = _publisher_ref(meta)
        return attribute(text, paras, sents, pub)

    def set_annotations(self, doc: Doc, quotes: list[RawQuote]) -> Doc:
        """Write ``doc._.quotes`` and give every figure its speaker."""
        ext = Annotations(doc)
        ext.cs_raw_quotes = quotes
        index = {id(q): i for i, q in enumerate(quotes)}
        records = [
            Quote.build(id=f"q{i + 1}", kind=q.kind, speaker=speaker_record(q.speaker), start=q.start,
                                  end=q.end, cue=q.cue, cue_start=q.cue_start, paragraphs=q.paragraphs,
                                  parent=f"q{index[id(q.parent)] + 1}" if q.parent is not None else None)
            for i, q in enumerate(quotes)
        ]
        ext.quotes = records
        meta: DocMeta = ext.cs_meta
        pub = speaker_record(_publisher_ref(meta))
        figs: list[RawFigure] = ext.cs_raw_figures
        inner = innermost_quotes(quotes, [(f.start, f.end) for f in figs])
        ext.cs_fig_quotes = inner
        # the figure extractor's records of these figures differ from the ones built here only in speaker and
        # quote: a record with neither is kept as it is
        built: list[Figure] | None = ext.figures
        if built is None or len(built) != len(figs) or \
                any(r.start != f.start or r.end != f.end or r.kind != f.kind for r, f in zip(built, figs, strict=True)):
            built = None
            _, sents = _segments(doc)
            text, starts = doc_text(doc), [s for s, _ in sents]
        out = []
        for i, f in enumerate(figs):
            qi = inner[i]
            sp, qid = (records[qi].speaker, records[qi].id) if qi is not None else (pub, None)
            if built is None:
                out.append(build_figure(f, i, figs, sents, text, sp, qid, starts))
            elif sp is None and qid is None and built[i].speaker is None and built[i].quote is None:
                out.append(built[i])
            else:
                out.append(built[i].updated(speaker=sp, quote=qid))
        ext.figures = out
        return doc


def _publisher_ref(meta: DocMeta | None) -> SpeakerRef | None:
    if meta is None or not meta.publisher:
        return None
    if meta.publisher_members:
        return SpeakerRef(meta.publisher, None, None, "group", meta.publisher_members)
    return SpeakerRef(meta.publisher)


def innermost_quote(quotes: list[RawQuote], start: int, end: int) -> int | None:
    """Index of the innermost quote holding [start, end) that speaks for itself (no citation, and 'we/our'
    reports inside a quote defer to that quote)."""
    return innermost_quotes(quotes, [(start, end)])[0]


def innermost_quotes(quotes: list[RawQuote], spans: list[tuple[int, int]]) -> list[int | None]:
    """:func:`innermost_quote` for many spans at once, in one sweep: O(log n) per span and quote however deeply
    the quotes nest."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    by_start = sorted((q.start, i) for i, q in enumerate(quotes) if q.kind != "citation")
    out: list[int | None] = [None] * len(spans)
    active: list[tuple[int, int]] = []  # heap of (end, quote index) of quotes begun at or before the span
    shortest = MinByEnd([q.end for q in quotes])
    speaks: dict[int, int] = {}  # quote index -> the quote that speaks for it ('we/our' reports defer upwards)
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
            shortest.set(heapq.heappop(active)[1], NO_QUOTE)  # over before this span begins, so before later ones
        best = shortest.shortest_from(end)[1]
        if best == NO_QUOTE[1]:
            out[k] = None
            continue
        path = []
        top = best
        while top not in speaks and quotes[top].self_ref and quotes[top].parent is not None:
            path.append(top)
            top = index[id(quotes[top].parent)]
        top = speaks.get(top, top)
        for qi in path:
            speaks[qi] = top
        out[k] = top
    return out


class ClaimBuilder(_RuleComponent):
    """Claims with measure and time in ``doc._.claims``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
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
    paras, sents = _segments(doc)
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


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@Language.factory("caresocial_sentences", default_config={"set_sent_starts": True})
def make_sentences(nlp: Language, name: str, set_sent_starts: bool) -> SentenceSegmenter:
    """Factory of the sentence segmenter."""
    return SentenceSegmenter(nlp, name, set_sent_starts=set_sent_starts)


@Language.factory("caresocial_figures", default_config={"spans_key": "caresocial_figures", "generic_units": True})
def make_figures(nlp: Language, name: str, spans_key: str, generic_units: bool) -> FigureExtractor:
    """Factory of the figure extractor."""
    return FigureExtractor(nlp, name, spans_key=spans_key, generic_units=generic_units)


@Language.factory("caresocial_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteAttributor:
    """Factory of the quote and speaker attributor."""
    return QuoteAttributor(nlp, name)


@Language.factory("caresocial_claims")
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    """Factory of the claim builder."""
    return ClaimBuilder(nlp, name)
