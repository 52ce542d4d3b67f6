"""Text in, :class:`~caresocial.models.Document` out: the default pipeline and the Python API."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components
from .attribution import cited_sources
from .components import text_sha256
from .models import Document, Suppression
from .suppress import find_suppressions

PIPE_NAMES = ("caresocial_sentences", "caresocial_figures", "caresocial_quotes", "caresocial_claims")


@lru_cache(maxsize=4)
def get_nlp(model: str | None = None) -> Language:
    """The default pipeline: ``spacy.blank("en")`` (or a trained pipeline when named and installed) plus the
    caresocial components. Cached per model name."""
    nlp = spacy.blank("en") if model is None else spacy.load(model, exclude=["lemmatizer"])
    nlp.max_length = 10**10  # documents are streamed one at a time; hostile sizes are handled by make_doc
    for name in PIPE_NAMES:
        if name not in nlp.pipe_names:
            if name == "caresocial_sentences" and nlp.has_pipe("parser"):
                continue
            nlp.add_pipe(name)
    return nlp


_LONG_RUN = regex.compile(r"\S{512,}+")
_RUN_PIECE = 64


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc`` that stays linear on hostile text: spaCy's affix rules are quadratic on very long runs
    without spaces ("£" x 100,000), so such runs become fixed-size tokens; everything else is tokenized
    normally and the text is unchanged."""
    if len(text) < 512 or _LONG_RUN.search(text) is None:
        return nlp.make_doc(text)
    pieces: list[Doc] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        if m.start() > pos:
            pieces.append(nlp.make_doc(text[pos:m.start()]))
        run = m.group()
        words = [run[k:k + _RUN_PIECE] for k in range(0, len(run), _RUN_PIECE)]
        pieces.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    if pos < len(text):
        pieces.append(nlp.make_doc(text[pos:]))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    return doc if doc.text == text else nlp.make_doc(text)


def _prepare(nlp: Language, text: str, doc_id: str | None, date_: date | None, publisher: str | None,
             path: str | None, sources: dict[str, int] | None) -> Doc:
    doc = make_doc(nlp, text)
    doc._.cs_text = text
    doc._.cs_doc_id = doc_id
    doc._.cs_path = path
    doc._.cs_date = date_
    doc._.cs_publisher = publisher
    doc._.cs_sources = sources if sources is not None else cited_sources(text)
    return doc


def to_document(doc: Doc) -> Document:
    """The :class:`Document` record of a processed spaCy ``Doc``."""
    meta = doc._.cs_meta
    text = components.doc_text(doc)
    sups: tuple[Suppression, ...] = tuple(find_suppressions(text, doc._.cs_paragraphs or []))
    return Document.build(
        doc_id=doc._.cs_doc_id or text_sha256(text)[:12],
        path=doc._.cs_path,
        date=meta.date if meta else None,
        date_source=meta.date_source if meta else None,
        publisher=meta.publisher if meta else None,
        title=meta.title if meta else None,
        text_sha256=text_sha256(text),
        length=len(text),
        figures=tuple(doc._.figures or ()),
        quotes=tuple(doc._.quotes or ()),
        claims=tuple(doc._.claims or ()),
        suppressions=sups,
    )


def extract(text: str, *, doc_id: str | None = None, date: date | None = None, publisher: str | None = None,
            path: str | None = None, sources: dict[str, int] | None = None, model: str | None = None) -> Document:
    """Extract figures, quotes and claims from one text.

    text: the document text (offsets refer to it).
    doc_id: identifier; defaults to the first 12 hex digits of the text's SHA-256.
    date: document date, overriding any dateline in the text.
    publisher: who publishes the text (speaker of unattributed figures).
    sources: known statement years of sources, {normalised name: year}, for resolving relative times.
    RETURNS (Document): the record.
    """
    nlp = get_nlp(model)
    return to_document(nlp(_prepare(nlp, text, doc_id, date, publisher, path, sources)))


def extract_many(items: Iterable[str | tuple[str, dict[str, Any]]], *, batch_size: int = 32, n_process: int = 1,
                 sources: dict[str, int] | None = None, model: str | None = None) -> Iterator[Document]:
    """Extract many texts lazily, in order, with ``nlp.pipe`` (``n_process`` > 1 uses several processes).

    items: texts, or (text, options) pairs where options hold doc_id, date, publisher and path.
    sources: known statement years of sources shared by every document (see :func:`collect_sources`).
    RETURNS (Iterator[Document]): one record per input, in input order.
    """
    def prepared() -> Iterator[tuple[str, dict[str, Any]]]:
        for item in items:
            text, opts = (item, {}) if isinstance(item, str) else item
            merged = dict(sources or {})
            merged.update(cited_sources(text))
            yield text, {**opts, "sources": merged}

    if n_process > 1:
        # spaCy's own multiprocessing cannot ship our extension objects between processes, so each worker
        # runs the whole pipeline and returns the finished record; imap keeps the input order.
        import multiprocessing as mp

        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        with mp.get_context(method).Pool(n_process, initializer=_worker_init, initargs=(model,)) as pool:
            yield from pool.imap(_worker_extract, prepared(), chunksize=max(1, batch_size // 4))
        return
    nlp = get_nlp(model)

    def docs() -> Iterator[Doc]:
        for text, opts in prepared():
            yield _prepare(nlp, text, opts.get("doc_id"), opts.get("date"), opts.get("publisher"),
                           opts.get("path"), opts["sources"])

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield to_document(doc)


_WORKER_MODEL: list[str | None] = [None]


def _worker_init(model: str | None) -> None:
    _WORKER_MODEL[0] = model
    get_nlp(model)


def _worker_extract(item: tuple[str, dict[str, Any]]) -> Document:
    text, opts = item
    return extract(text, doc_id=opts.get("doc_id"), date=opts.get("date"), publisher=opts.get("publisher"),
                   path=opts.get("path"), sources=opts["sources"], model=_WORKER_MODEL[0])


def collect_sources(texts: Iterable[str]) -> dict[str, int]:
    """Statement years of sources cited anywhere in ``texts``: {normalised source name: year}."""
    out: dict[str, int] = {}
    for text in texts:
        for name, year in cited_sources(text).items():
            out[name] = max(year, out.get(name, year))
    return out
