"""Text in, :class:`~caresocial.models.Document` out: the default pipeline and the Python API."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, Protocol
from weakref import WeakKeyDictionary

import regex
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ..dates import parse_date
from ..models import Claim, Document, Figure, Quote, Suppression
from .doc import Annotations, doc_text, text_sha256
from .quotes.attribution import cited_sources
from .segment import without_front_matter
from .suppressions import find_suppressions


def last_match(pattern: regex.Pattern[str], text: str, a: int, b: int) -> regex.Match[str] | None:
    """The last non-overlapping match of ``pattern`` in ``text[a:b]``."""
    m = None
    for m in pattern.finditer(text, a, b):  # noqa: B007 - only the last one is wanted
        pass
    return m


PIPE_NAMES = ("caresocial_sentences", "caresocial_figures", "caresocial_quotes", "caresocial_claims")


def get_nlp(model: str | None = None, lexicons: Mapping[str, Any] | None = None) -> Language:
    """The default pipeline: ``spacy.blank("en")`` (or a trained pipeline when named and installed) plus the
    caresocial components, whose rules use the built-in lexicons with ``lexicons`` added (see
    :mod:`caresocial.lexicons`). Cached per model name and additions."""
    key = json.dumps(lexicons, sort_keys=True, ensure_ascii=False) if lexicons else ""
    return _nlp(model, key)


@lru_cache(maxsize=4)
def _nlp(model: str | None, additions: str) -> Language:
    nlp = spacy.blank("en") if model is None else spacy.load(model, exclude=["lemmatizer"])
    nlp.max_length = 10**10  # documents are streamed one at a time; hostile sizes are handled by make_doc
    config = {"lexicons": json.loads(additions)} if additions else {}
    for name in PIPE_NAMES:
        if name not in nlp.pipe_names:
            if name == "caresocial_sentences" and nlp.has_pipe("parser"):
                continue
            nlp.add_pipe(name, config=config)
    return nlp


_LONG_RUN = regex.compile(r"\S{512,}+")
_RUN_PIECE = 64


def _has_long_run(text: str) -> bool:
    """Whether ``text`` holds 512 or more characters without white space. Such a run holds a whole aligned block
    of 256 characters, so when every block has a space (prose) there is none; else the longest run is measured
    (``str.split`` in one C pass; a pattern search would retry inside every long run)."""
    if len(text) < 512 or all(" " in text[i:i + 256] for i in range(0, len(text) - 255, 256)):
        return False
    return max(map(len, text.split()), default=0) >= 512


class _ChunkPrimer:
    """Fills the tokenizer's chunk cache that spaCy leaves cold.

    spaCy's tokenizer caches how it split each run of non-space characters, but stops saving for the rest of a
    text once any special case ("don't", "e.g.") was met in it (``has_special`` is kept per text, see
    ``Tokenizer._save_cached``), so in prose most runs after the first few lines are split again in every
    document. A run tokenized on its own is saved whenever it holds no special case itself, and the tokens are
    the same (a run's split does not depend on its neighbours; runs with a special case are never saved), so
    each run not met before is tokenized alone first. Stops once the runs met reach the cache's size."""

    __slots__ = ("seen", "tokenizer")

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.seen: set[str] = set()

    def prime(self, text: str) -> None:
        """Tokenize alone each run of ``text`` not met before, while the runs met fit the cache (the first in
        text order when they do not all fit)."""
        tokenizer, seen = self.tokenizer, self.seen
        # (a spaCy release without the attribute: the current default)
        room = getattr(tokenizer, "max_cache_size", 10_000) - len(seen)
        if room <= 0 or getattr(tokenizer.vocab, "in_memory_zone", False):
            return  # (in a memory zone spaCy saves nothing)
        runs = text.split()
        new = set(runs).difference(seen)
        if len(new) > room:
            new = set([run for run in dict.fromkeys(runs) if run in new][:room])
        for run in new:
            tokenizer(run)
        seen.update(new)


_PRIMERS: WeakKeyDictionary[Language, _ChunkPrimer] = WeakKeyDictionary()


def _primer(nlp: Language) -> _ChunkPrimer | None:
    """The chunk primer of ``nlp``'s tokenizer (a new one if the tokenizer was replaced); None when the
    tokenizer is not spaCy's own class (a subclass may split a run differently in context)."""
    tokenizer = nlp.tokenizer
    primer = _PRIMERS.get(nlp)
    if primer is None or primer.tokenizer is not tokenizer:
        if type(tokenizer) is not Tokenizer:
            return None
        primer = _PRIMERS[nlp] = _ChunkPrimer(tokenizer)
    return primer


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc`` that stays linear on hostile text: spaCy's affix rules are quadratic on very long runs
    without spaces ("£" x 100,000), so such runs become fixed-size tokens; everything else is tokenized
    normally and the text is unchanged. The tokenizer's cache is primed first (:class:`_ChunkPrimer`)."""
    if not _has_long_run(text):
        primer = _primer(nlp)
        if primer is not None:
            primer.prime(text)
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


# the date and publisher of a document that states none of its own
Defaults = tuple[date | None, str | None]


def _prepare(nlp: Language, text: str, doc_id: str | None, date_: date | None, publisher: str | None,
             path: str | None, sources: dict[str, int] | None, defaults: Defaults = (None, None)) -> Doc:
    doc = make_doc(nlp, text)
    ext = Annotations(doc)
    ext.cs_default_date, ext.cs_default_publisher = defaults
    ext.cs_text = without_front_matter(text)
    ext.cs_doc_id = doc_id
    ext.cs_path = path
    ext.cs_date = date_
    ext.cs_publisher = publisher
    ext.cs_sources = sources if sources is not None else cited_sources(text)
    return doc


def to_document(doc: Doc) -> Document:
    """The :class:`Document` record of a processed spaCy ``Doc``."""
    ext = Annotations(doc)
    meta = ext.cs_meta
    text = doc_text(doc)
    sups: tuple[Suppression, ...] = tuple(find_suppressions(text, ext.cs_paragraphs or []))
    digest = text_sha256(doc.text if text.startswith(" ") else text)  # (the text as given, front matter too)
    return Document.build(
        doc_id=ext.cs_doc_id or digest[:12],
        path=ext.cs_path,
        date=meta.date if meta else None,
        date_source=meta.date_source if meta else None,
        publisher=meta.publisher if meta else None,
        title=meta.title if meta else None,
        text_sha256=digest,
        length=len(text),
        figures=tuple(ext.figures or ()),
        quotes=tuple(ext.quotes or ()),
        claims=tuple(ext.claims or ()),
        suppressions=sups,
    )


def extract(text: str, *, doc_id: str | None = None, date: date | str | None = None,
            publisher: str | None = None, title: str | None = None, url: str | None = None, path: str | None = None,
            sources: dict[str, int] | None = None, model: str | None = None,
            lexicons: Mapping[str, Any] | None = None, default_date: date | str | None = None,
            default_publisher: str | None = None) -> Document:
    """Extract figures, quotes and claims from one text (:func:`caresocial.extract` also reads files).

    text: the document text (offsets refer to it).
    doc_id: identifier; defaults to the first 12 hex digits of the text's SHA-256.
    date: document date (a ``datetime.date`` or a string ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; a month alone
        counts as its 1st), overriding any dateline in the text. Anything else raises
        :class:`~caresocial.dates.DateError`.
    publisher: who publishes the text (speaker of unattributed figures).
    title, url: the document's title (else its first line) and where it was published; recorded as given.
    sources: known statement years of sources, {normalised name: year}, for resolving relative times.
    model: a trained spaCy pipeline to build on (optional).
    lexicons: additions to the built-in lexicons ({name: lines or table}, see :mod:`caresocial.lexicons`).
    default_date, default_publisher: the date and publisher of a text that states none of its own (no front
        matter, dateline or byline the extractor recognises), as the command line's ``--date`` and
        ``--publisher`` are; ``date`` and ``publisher`` win over everything.
    RETURNS (Document): the record.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a text (str); caresocial.extract also takes a file (pathlib.Path), "
                        f"not {type(text).__name__}")
    date = parse_date(date)
    defaults: Defaults = (parse_date(default_date), default_publisher)
    nlp = get_nlp(model, lexicons)
    if len(text) <= CHUNK_CHARS:
        doc = to_document(nlp(_prepare(nlp, text, doc_id, date, publisher, path, sources, defaults)))
    else:
        doc = _extract_chunked(nlp, text, doc_id, date, publisher, path, sources, defaults)
    return _described(doc, title, url)


def _described(doc: Document, title: str | None, url: str | None) -> Document:
    """The record with the title and URL the caller gave (a given title replaces the one read from the text)."""
    changes = {k: v for k, v in (("title", title), ("url", url)) if v is not None}
    return doc.updated(**changes) if changes else doc


# A document longer than this is processed in pieces cut at paragraph breaks, so that memory stays bounded
# by the piece (spaCy's Doc costs ~100 bytes a token) and not by the document.
CHUNK_CHARS = 1_000_000
_BREAKS = (regex.compile(r"\n[ \t\r\f\v\u00a0]*+\n"), regex.compile(r"\n"), regex.compile(r"[ \t]"))


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` of at most ``size`` characters, each cut after the last
    paragraph break in its window (else the last line break, else the last space, else anywhere)."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > size:
        cut = -1
        for brk in _BREAKS:
            last = last_match(brk, text, pos + size // 2, pos + size)
            if last is not None:
                cut = last.end()
                break
        if cut <= pos:
            cut = pos + size
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def _extract_chunked(nlp: Language, text: str, doc_id: str | None, date_: date | None, publisher: str | None,
                     path: str | None, sources: dict[str, int] | None, defaults: Defaults = (None, None)
                     ) -> Document:
    """:func:`extract` of a long text, piece by piece; the first piece's date and publisher hold for all."""
    figures: list[Figure] = []
    quotes: list[Quote] = []
    claims: list[Claim] = []

    def keep(fs: list[Figure], qs: list[Quote], cs: list[Claim]) -> None:
        figures.extend(fs)
        quotes.extend(qs)
        claims.extend(cs)

    head = extract_pieces(nlp, text, keep, doc_id, date_, publisher, path, sources, defaults)
    return head.updated(figures=tuple(figures), quotes=tuple(quotes), claims=tuple(claims))


def extract_pieces(nlp: Language, text: str, sink: Callable[[list[Figure], list[Quote], list[Claim]], None],
                   doc_id: str | None, date_: date | None, publisher: str | None, path: str | None,
                   sources: dict[str, int] | None, defaults: Defaults = (None, None)) -> Document:
    """Extract ``text`` in pieces of at most :data:`CHUNK_CHARS` (:func:`chunk_bounds`), handing each piece's
    records to ``sink`` as soon as they are made, with offsets, line numbers and ids made document-wide; the
    first piece's date and publisher hold for all. Returns the document's record with empty record lists."""
    from .segment import paragraphs

    sources = sources if sources is not None else cited_sources(text)
    first: Document | None = None
    nf = nq = nc = n_paras = n_lines = 0
    for a, b in chunk_bounds(text):
        piece = text[a:b]
        doc = nlp(_prepare(nlp, piece, doc_id, date_, publisher, path, sources, defaults))
        part = to_document(doc)
        if first is None:
            first = part
            date_ = date_ or part.date
            publisher = publisher or part.publisher
        figures: list[Figure] = []
        quotes: list[Quote] = []
        claims: list[Claim] = []
        shift_ids(part, a, nf, nq, nc, n_paras, n_lines, figures, quotes, claims)
        # the piece's paragraphs as the pipeline segmented them (counted again only if it did not)
        n_paras += len(doc._.cs_paragraphs if doc._.cs_paragraphs is not None else paragraphs(piece))
        n_lines += piece.count("\n")
        nf, nq, nc = nf + len(figures), nq + len(quotes), nc + len(claims)
        del doc, part
        sink(figures, quotes, claims)
    assert first is not None
    sups = tuple(find_suppressions(text, paragraphs(text)))
    digest = text_sha256(text)
    return Document.build(
        doc_id=doc_id or digest[:12], path=path, date=first.date, date_source=first.date_source,
        publisher=first.publisher, title=first.title, text_sha256=digest, length=len(text),
        figures=(), quotes=(), claims=(), suppressions=sups,
    )


class PieceWriter(Protocol):
    """Where a long document's records go as they are made (:func:`extract_spooled`): ``add`` each piece's
    records of one list, then ``close`` with the document's record, or ``discard`` on failure."""

    def add(self, name: str, records: Iterable[Any]) -> None: ...

    def close(self, head: Document) -> Any: ...

    def discard(self) -> None: ...


class PieceWriters(Protocol):
    """What the ``spool`` option of :func:`extract_many` holds: a maker of one :class:`PieceWriter` per long
    text (such as :class:`caresocial.io.spool.SpoolFolder`); it must pickle to reach worker processes."""

    def new(self, text: str) -> PieceWriter: ...


def extract_spooled(item: tuple[str, dict[str, Any]], writers: PieceWriters, model: str | None = None,
                    lexicons: Mapping[str, Any] | None = None) -> Any:
    """:func:`extract` of a long (text, options) pair of :func:`extract_many` with its records handed to a writer
    of ``writers`` as they are made (memory bounded by one piece); returns what the writer's ``close`` returns."""
    text, opts = item
    nlp = get_nlp(model, lexicons)
    out = writers.new(text)

    def write(fs: list[Figure], qs: list[Quote], cs: list[Claim]) -> None:
        out.add("figures", fs)
        out.add("quotes", qs)
        out.add("claims", cs)

    try:
        head = extract_pieces(nlp, text, write, opts.get("doc_id"), opts.get("date"), opts.get("publisher"),
                              opts.get("path"), opts["sources"],
                              (opts.get("default_date"), opts.get("default_publisher")))
    except BaseException:
        out.discard()
        raise
    return out.close(_described(head, opts.get("title"), opts.get("url")))


def _renumber(ref: str | None, prefix: str, offset: int) -> str | None:
    return None if ref is None else f"{prefix}{int(ref[1:]) + offset}"


def shift_ids(part: Document, off: int, nf: int, nq: int, nc: int, n_paras: int, n_lines: int,
              figures: list[Figure], quotes: list[Quote], claims: list[Claim]) -> None:
    """Append a piece's records to the document's, with offsets, line numbers and ids made document-wide."""
    for f in part.figures:
        figures.append(f.updated(
            id=_renumber(f.id, "f", nf), start=f.start + off, end=f.end + off,
            sentence_start=f.sentence_start + off, sentence_end=f.sentence_end + off,
            link=_renumber(f.link, "f", nf), quote=_renumber(f.quote, "q", nq)))
    for q in part.quotes:
        quotes.append(q.updated(
            id=_renumber(q.id, "q", nq), start=q.start + off, end=q.end + off,
            cue_start=None if q.cue_start is None else q.cue_start + off,
            paragraphs=tuple(p + n_paras for p in q.paragraphs), parent=_renumber(q.parent, "q", nq)))
    for c in part.claims:
        claims.append(c.updated(
            id=_renumber(c.id, "c", nc), figure=_renumber(c.figure, "f", nf), start=c.start + off,
            end=c.end + off, sentence_start=c.sentence_start + off, line=c.line + n_lines,
            link=_renumber(c.link, "c", nc)))


OPTIONS = frozenset({"doc_id", "date", "publisher", "title", "url", "path", "default_date", "default_publisher"})
# (the command line's own option: a PieceWriters to which a document longer than CHUNK_CHARS has its records
# handed as they are made; such a document comes back as what the writer's close returns, see extract_spooled)
SPOOL = "spool"


def _checked(opts: Mapping[str, Any]) -> dict[str, Any]:
    """extract_many's per-text options with the date parsed; unknown keys are an error, not ignored."""
    unknown = set(opts) - OPTIONS - {SPOOL}
    if unknown:
        raise ValueError(f"unknown option {sorted(unknown)[0]!r} (options: {', '.join(sorted(OPTIONS))})")
    out = dict(opts)
    for key in ("date", "default_date"):
        if out.get(key) is not None:
            out[key] = parse_date(out[key])
    return out


def extract_many(items: Iterable[str | tuple[str, dict[str, Any]] | Document], *, batch_size: int = 32,
                 n_process: int = 1, sources: dict[str, int] | None = None, model: str | None = None,
                 lexicons: Mapping[str, Any] | None = None) -> Iterator[Document]:
    """Extract many texts lazily, in order, with ``nlp.pipe`` (``n_process`` > 1 uses several processes).

    items: texts, or (text, options) pairs where options hold doc_id, date, publisher, title, url, path,
        default_date and default_publisher (as for :func:`extract`); a :class:`Document` (already extracted)
        is passed through in its place.
    sources: known statement years of sources shared by every document (see :func:`collect_sources`).
    RETURNS (Iterator[Document]): one record per input, in input order.
    """
    def prepared() -> Iterator[tuple[str, dict[str, Any]] | Document]:
        for item in items:
            if isinstance(item, Document):
                yield item
                continue
            text, opts = (item, {}) if isinstance(item, str) else item
            merged = dict(sources or {})
            merged.update(cited_sources(text))
            yield text, {**_checked(opts), "sources": merged}

    if n_process > 1:
        # spaCy's own multiprocessing cannot ship our extension objects between processes, so each worker
        # runs the whole pipeline and returns the finished record; imap keeps the input order.
        import multiprocessing as mp

        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        with mp.get_context(method).Pool(n_process, initializer=_worker_init, initargs=(model, lexicons)) as pool:
            yield from pool.imap(_worker_extract, prepared(), chunksize=max(1, batch_size // 4))
        return
    batch: list[tuple[str, dict[str, Any]]] = []

    def flush() -> Iterator[Document]:
        if not batch:
            return
        nlp = get_nlp(model, lexicons)  # (records alone never load the pipeline)
        docs = (_prepare(nlp, t, o.get("doc_id"), o.get("date"), o.get("publisher"), o.get("path"), o["sources"],
                         (o.get("default_date"), o.get("default_publisher"))) for t, o in batch)
        for doc, (_, o) in zip(nlp.pipe(docs, batch_size=batch_size), batch, strict=True):
            yield _described(to_document(doc), o.get("title"), o.get("url"))
        batch.clear()

    for item in prepared():
        if isinstance(item, Document) or len(item[0]) > CHUNK_CHARS:
            yield from flush()  # a record, or a long document (extract's piecewise path), in its turn
            yield item if isinstance(item, Document) else _extract_one(item, model, lexicons)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def _extract_one(item: tuple[str, dict[str, Any]], model: str | None, lexicons: Mapping[str, Any] | None) -> Document:
    text, opts = item
    if opts.get(SPOOL) and len(text) > CHUNK_CHARS:
        return extract_spooled(item, opts[SPOOL], model, lexicons)
    return extract(text, doc_id=opts.get("doc_id"), date=opts.get("date"), publisher=opts.get("publisher"),
                   title=opts.get("title"), url=opts.get("url"), path=opts.get("path"), sources=opts["sources"],
                   model=model, lexicons=lexicons, default_date=opts.get("default_date"),
                   default_publisher=opts.get("default_publisher"))


_WORKER: dict[str, Any] = {"model": None, "lexicons": None}


def _worker_init(model: str | None, lexicons: Mapping[str, Any] | None = None) -> None:
    _WORKER.update(model=model, lexicons=lexicons)
    get_nlp(model, lexicons)


def _worker_extract(item: tuple[str, dict[str, Any]] | Document) -> Document:
    return item if isinstance(item, Document) else _extract_one(item, _WORKER["model"], _WORKER["lexicons"])


def collect_sources(texts: Iterable[str]) -> dict[str, int]:
    """Statement years of sources cited anywhere in ``texts``: {normalised source name: year}."""
    out: dict[str, int] = {}
    for text in texts:
        for name, year in cited_sources(text).items():
            out[name] = max(year, out.get(name, year))
    return out
