"""What a run reads: the documents named by files, folders and manifests, each with its own metadata.

:func:`gather` lists the documents of the command line's paths (folders searched as
:func:`~caresocial.io.inputs.discover` does, ``.jsonl``/``.json`` files and ``-`` read as manifests, see
:mod:`caresocial.io.manifest`) with a unique doc_id each, before any text is read; :func:`load` reads one and
settles its metadata. The same two functions serve the local run and the Dask workers, so both give the same
documents, ids and errors.

A document's metadata comes, field by field, from the first of:

1. its manifest line;
2. the file itself: front matter of a text or Markdown file, an HTML page's metadata, a PDF or Word document's
   title (see :mod:`caresocial.io.readers`);
3. the configuration's ``[[tool.caresocial.documents]]`` rule for its path;
4. ``--date`` / ``--publisher`` (defaults for documents without their own).

A document given no date at all may still be dated by a dateline in its text (the extractor reads it).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from ..dates import DateError, parse_date
from ..errors import InputError
from ..models import Document
from .inputs import discover, read_source
from .manifest import ManifestLine, RecordLine, read_json, read_lines
from .readers import FileMeta

MANIFEST_SUFFIXES = frozenset({".jsonl", ".json"})
STDIN = "-"
# where a date came from, as Document.date_source records it
FILE_META_SOURCE = {".html": "page metadata", ".htm": "page metadata", ".xhtml": "page metadata",
                    ".pdf": "document properties", ".docx": "document properties"}


@dataclass(frozen=True, slots=True)
class Meta:
    """A document's date (and where it came from), publisher, title and URL; None where unknown."""

    date: date | None = None
    date_source: str | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None

    def over(self, fallback: Meta) -> Meta:
        """These values, each missing one taken from ``fallback``."""
        out = {f.name: getattr(self, f.name) if getattr(self, f.name) is not None else getattr(fallback, f.name)
               for f in fields(self) if f.name != "date_source"}
        out["date_source"] = self.date_source if self.date is not None else fallback.date_source
        return Meta(**out)


@dataclass(frozen=True, slots=True)
class Entry:
    """One document to extract, before its text is read: its id, its file or its text (from a manifest), the
    metadata its manifest line gives and the defaults for what it lacks. ``where`` prefixes its error lines."""

    doc_id: str
    path: Path | None = None
    text: str | None = None
    given: Meta = Meta()
    defaults: Meta = Meta()
    where: str = ""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A document read and ready to extract: its text, page offsets, settled metadata and path."""

    doc_id: str
    text: str
    meta: Meta
    path: str | None = None
    pages: tuple[int, ...] = ()

    def options(self) -> dict[str, Any]:
        """The options of :func:`caresocial.extraction.pipeline.extract` for this document."""
        m = self.meta
        return {"doc_id": self.doc_id, "date": m.date, "publisher": m.publisher, "title": m.title, "url": m.url,
                "path": self.path}

    def finish(self, doc: Document) -> Document:
        """The extracted record with what extraction cannot know: page offsets and where the date came from."""
        changes: dict[str, Any] = {}
        if self.pages:
            changes["pages"] = self.pages
        if self.meta.date is not None and doc.date == self.meta.date:
            changes["date_source"] = self.meta.date_source
        return doc.updated(**changes) if changes else doc


def load(entry: Entry) -> Loaded:
    """Read ``entry`` (its file, or the text its manifest gave) and settle its metadata; :class:`InputError`
    with one line naming the file (and manifest line) otherwise."""
    try:
        if entry.text is not None:
            from .inputs import front_matter

            text, pages, own, kind = entry.text, (), front_matter(entry.text), "front matter"
        else:
            assert entry.path is not None
            got = read_source(entry.path)
            text, pages, own = got.text, got.pages, got.meta
            kind = FILE_META_SOURCE.get(entry.path.suffix.lower(), "front matter")
        meta = entry.given.over(_settled(own, kind, entry)).over(entry.defaults)
    except InputError as e:  # a manifest's document: the manifest line first
        raise InputError(entry.where + e.path, e.problem) from None
    return Loaded(entry.doc_id, text, meta, None if entry.path is None else str(entry.path), pages)


def _settled(own: FileMeta, kind: str, entry: Entry) -> Meta:
    try:
        day = parse_date(own.date)
    except DateError as e:
        raise InputError(str(entry.path or entry.doc_id), f"{kind} date {e}") from None
    return Meta(day, kind if day else None, own.publisher, own.title, own.url)


@dataclass(frozen=True, slots=True)
class Record:
    """A document already extracted (a manifest line holding a record), and its text when it carries it."""

    document: Document
    text: str | None = None


@dataclass
class Corpus:
    """The documents of a run, in order, with one line per problem met while listing them, and every file they
    come from (which no output may overwrite)."""

    items: list[Entry | Record] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


class DocIds:
    """Unique doc_ids: a file's stem, else its path without and then with its suffix; a text's digest."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def derived(self, *candidates: str) -> str:
        """The first candidate not taken yet (the last with a number added when all are)."""
        for c in candidates:
            if c not in self.taken:
                self.taken.add(c)
                return c
        n = 2
        while f"{candidates[-1]}#{n}" in self.taken:
            n += 1
        self.taken.add(f"{candidates[-1]}#{n}")
        return f"{candidates[-1]}#{n}"

    def for_path(self, path: Path) -> str:
        return self.derived(path.stem, path.with_suffix("").as_posix(), path.as_posix())

    def explicit(self, doc_id: str) -> bool:
        """Claim an id given by the user: False when an earlier document has it."""
        if doc_id in self.taken:
            return False
        self.taken.add(doc_id)
        return True


def gather(paths: Iterable[str | Path], *, defaults: Any, date_: date | None = None, publisher: str | None = None,
           stdin: BinaryIO | None = None) -> Corpus:
    """The documents under ``paths``: files and folders first (sorted, as :func:`discover` finds them), then
    each manifest's documents in order (``-`` reads one from ``stdin``, default standard input).

    defaults: anything with ``for_path(path) -> (date, publisher)``, such as a
        :class:`~caresocial.config.Config` (its per-path rules).
    date_, publisher: the defaults of every document without its own (``--date``, ``--publisher``).
    """
    corpus = Corpus()
    ids = DocIds()
    given = Meta(date=date_, date_source="given" if date_ else None, publisher=publisher)
    manifests = [p for p in paths if str(p) == STDIN or Path(p).suffix.lower() in MANIFEST_SUFFIXES]
    found, problems = discover([p for p in paths if p not in manifests])
    corpus.errors.extend(str(p) for p in problems)
    for src in found:
        corpus.items.append(Entry(ids.for_path(src.path), src.path, defaults=_defaults(defaults, src.path, given)))
        corpus.files.append(src.path)
    seen_stdin = False
    for m in manifests:
        if str(m) == STDIN:
            if seen_stdin:
                corpus.errors.append("-: standard input can be read only once")
                continue
            seen_stdin = True
        _add_manifest(corpus, ids, str(m), defaults, given, stdin)
    return corpus


def _defaults(defaults: Any, path: Path | None, given: Meta) -> Meta:
    cfg_date, cfg_pub = defaults.for_path(path) if path is not None else (None, None)
    return Meta(date=cfg_date, date_source="configuration" if cfg_date else None, publisher=cfg_pub).over(given)


def _add_manifest(corpus: Corpus, ids: DocIds, name: str, defaults: Any, given: Meta,
                  stdin: BinaryIO | None) -> None:
    if name == STDIN:
        lines: Any = read_lines("<stdin>", stdin if stdin is not None else sys.stdin.buffer, None)
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as e:
            corpus.errors.append(f"{name}: cannot read ({e.strerror or e})")
            return
        corpus.files.append(path)
        base = path.parent
        if path.suffix.lower() == ".json":
            lines = read_json(name, data, base)
        else:
            lines = read_lines(name, data.splitlines(), base)
    for line in lines:
        if isinstance(line, InputError):
            corpus.errors.append(str(line))
        elif isinstance(line, RecordLine):
            if ids.explicit(line.document.doc_id):
                corpus.items.append(Record(line.document, line.text))
            else:
                corpus.errors.append(f"{line.where}: doc_id {line.document.doc_id!r} is already used; skipped")
        else:
            entry = _entry(line, ids, defaults, given)
            if entry is None:
                corpus.errors.append(f"{line.where}: doc_id {line.doc_id!r} is already used; skipped")
            else:
                corpus.items.append(entry)
                if entry.path is not None:
                    corpus.files.append(entry.path)


def _entry(line: ManifestLine, ids: DocIds, defaults: Any, given: Meta) -> Entry | None:
    if line.doc_id is not None:
        if not ids.explicit(line.doc_id):
            return None
        doc_id = line.doc_id
    elif line.path is not None:
        doc_id = ids.for_path(line.path)
    else:
        assert line.text is not None
        doc_id = ids.derived(hashlib.sha256(line.text.encode("utf-8", "surrogatepass")).hexdigest()[:12])
    own = Meta(line.date, "manifest" if line.date else None, line.publisher, line.title, line.url)
    return Entry(doc_id, line.path, line.text, own, _defaults(defaults, line.path, given), f"{line.where}: ")
