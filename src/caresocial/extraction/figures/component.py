"""The figures component: every figure of the text as a record on the ``Doc`` and as spans."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ...models import Figure, Speaker
from ..doc import Annotations, RuleComponent, doc_text, segments, sentence_of, source_text
from ..meta import read_meta
from .grammar import RawFigure, dated, has_partial_dates, scan


class FigureExtractor(RuleComponent):
    """Every figure in the text as a :class:`~caresocial.models.Figure` in ``doc._.figures`` and as spans in
    ``doc.spans[spans_key]`` labelled by kind."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = "caresocial_figures",
                 generic_units: bool = True) -> None:
        self.name = name
        self.spans_key = spans_key
        self.generic_units = generic_units

    def match(self, doc: Doc) -> list[RawFigure]:
        """The raw figures of the document text; a date without a year takes the document's year (given with the
        document, else from its dateline)."""
        text = doc_text(doc)
        figs = scan(text, self.lexicons)
        if not self.generic_units:
            figs = [f for f in figs if f.source == "rules"]
        if has_partial_dates(figs):
            ext = Annotations(doc)
            year = document_year(ext.cs_date, source_text(doc), figs, ext.cs_default_date)
            if year is not None:
                dated(figs, year)
        return figs

    def set_annotations(self, doc: Doc, figs: list[RawFigure]) -> Doc:
        """Write ``doc._.figures`` and the span group."""
        _, sents = segments(doc)
        ext = Annotations(doc)
        ext.cs_raw_figures = figs
        text, starts = doc_text(doc), [s for s, _ in sents]
        ext.figures = [build_figure(f, i, figs, sents, text, starts=starts) for i, f in enumerate(figs)]
        char_span = doc.char_span
        spans = [char_span(f.start, f.end, label=f.kind, alignment_mode="expand") for f in figs]
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc


def document_year(given: object, text: str, figs: list[RawFigure], default: object = None) -> int | None:
    """The year of a document: of the date given with it, else of the date its text states (dateline, front
    matter), else of its default date, else None."""
    if isinstance(given, date):
        return given.year
    found = read_meta(text, figs).date
    if found is None and isinstance(default, date):
        found = default
    return found.year if found is not None else None


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
