"""The quotes component: statements with their speakers, and each figure's speaker (innermost quote)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ...models import Figure, Quote, Speaker
from ..doc import Annotations, RuleComponent, doc_text, segments, source_text
from ..figures.component import build_figure
from ..figures.grammar import RawFigure, scan
from ..meta import DocMeta, read_meta
from .attribution import RawQuote, SpeakerRef, attribute
from .lexicon import quote_words
from .nesting import innermost_quote, innermost_quotes
from .statement import Trigger, TriggerMatcher


def speaker_record(ref: SpeakerRef | None) -> Speaker | None:
    """The public record of a speaker."""
    if ref is None:
        return None
    return Speaker.build(name=ref.name, role=ref.role, org=ref.org, kind=ref.kind,
                                   members=tuple(ref.members))


class QuoteAttributor(RuleComponent):
    """Quotes with speakers in ``doc._.quotes``; sets each figure's speaker (innermost quote, else the
    publisher). Reads the publisher from ``doc._.cs_publisher`` when given, else from the text."""

    def __init__(self, nlp: Language | None, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self._matcher: tuple[object, TriggerMatcher] | None = None

    def triggers(self, doc: Doc) -> list[Trigger] | None:
        """The reporting verbs of ``doc``, found on its tokens (None without a pipeline to tokenize the
        lexicon's phrases: the grammar then finds them in the text)."""
        if self.nlp is None:
            return None
        lex = self.lexicons
        key = (lex, doc.vocab)
        if self._matcher is None or self._matcher[0] != key:
            self._matcher = (key, TriggerMatcher(self.nlp.make_doc, quote_words(lex)))
        return self._matcher[1](doc, doc_text(doc))

    def match(self, doc: Doc) -> list[RawQuote]:
        """Read the document's metadata, then find every quote."""
        paras, sents = segments(doc)
        text = doc_text(doc)
        ext = Annotations(doc)
        figs = ext.cs_raw_figures
        if figs is None:
            figs = ext.cs_raw_figures = scan(text)
        meta = read_meta(source_text(doc), figs, self.lexicons)
        given = ext.cs_publisher
        if given:
            meta.publisher, meta.publisher_members = given, ()
        given_date = ext.cs_date
        if isinstance(given_date, date):
            meta.date, meta.date_source = given_date, "given"
        elif meta.date is None and isinstance(ext.cs_default_date, date):
            meta.date, meta.date_source = ext.cs_default_date, "default"
        if meta.publisher is None and ext.cs_default_publisher:
            meta.publisher, meta.publisher_members = ext.cs_default_publisher, ()
        ext.cs_meta = meta
        pub = _publisher_ref(meta)
        return attribute(text, paras, sents, pub, self.lexicons, self.triggers(doc))

    def set_annotations(self, doc: Doc, quotes: list[RawQuote]) -> Doc:
        """Write ``doc._.quotes`` and give every figure its speaker."""
        ext = Annotations(doc)
        ext.cs_raw_quotes = quotes
        text = doc_text(doc)
        index = {id(q): i for i, q in enumerate(quotes)}
        records = [
            Quote.build(id=f"q{i + 1}", kind=q.kind, speaker=speaker_record(q.speaker), start=q.start,
                                  end=q.end, cue=q.cue, cue_start=q.cue_start, paragraphs=q.paragraphs,
                                  parent=f"q{index[id(q.parent)] + 1}" if q.parent is not None else None,
                                  text=text[q.start:q.end])
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
            _, sents = segments(doc)
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


__all__ = ["QuoteAttributor", "innermost_quote", "innermost_quotes", "speaker_record"]
