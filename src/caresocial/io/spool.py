"""A long document's records written to disk as they are made, for output that streams them.

``caresocial extract`` (JSON and JSONL documents) asks for a document longer than the pipeline's piece size
(:data:`caresocial.extraction.pipeline.CHUNK_CHARS`) to be extracted piece by piece with each piece's figures,
quotes and claims written at once, as the JSON the output holds, to three files in a spool folder. What comes
back is a :class:`SpooledDocument`: the document's record without its records, and those files. Writing it
copies the files into the output line, so memory is bounded by one piece, not by the document.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Claim, Document, Figure, Quote
from .output import RECORD_LISTS, compact_json, envelope_parts

_RECORD_TYPES = {"figures": Figure, "quotes": Quote, "claims": Claim}
_COPY = 1 << 20  # characters copied at a time


@dataclass(frozen=True)
class SpoolFolder:
    """The ``spool`` option of :func:`caresocial.extraction.pipeline.extract_many`: a :class:`Spool` in
    ``folder`` for each long text."""

    folder: str

    def new(self, text: str) -> Spool:
        """A spool for ``text``, its files named by the process and the text's digest."""
        from ..extraction.doc import text_sha256  # (here: it loads spaCy, which checking records does not need)

        return Spool(self.folder, f"{os.getpid()}-{id(text):x}-{text_sha256(text)[:12]}")


class Spool:
    """Three files (figures, quotes, claims) that records are appended to as JSON, comma-separated."""

    def __init__(self, folder: str | os.PathLike[str], stem: str) -> None:
        self.paths = {name: str(Path(folder) / f"{stem}.{name}.json") for name in RECORD_LISTS}
        self.counts = dict.fromkeys(RECORD_LISTS, 0)
        self._files = {name: open(path, "w", encoding="utf-8") for name, path in self.paths.items()}

    def add(self, name: str, records: Iterable[Any]) -> None:
        """Append ``records`` (of the list ``name``) as JSON."""
        fh, n = self._files[name], self.counts[name]
        for record in records:
            fh.write(("," if n else "") + compact_json(record.model_dump(mode="json")))
            n += 1
        self.counts[name] = n

    def close(self, head: Document) -> SpooledDocument:
        """The spooled document of ``head`` (the document's record, its record lists empty)."""
        for fh in self._files.values():
            fh.close()
        return SpooledDocument(head, self.paths, dict(self.counts))

    def discard(self) -> None:
        """Close and delete the files (the extraction failed)."""
        for fh in self._files.values():
            fh.close()
        for path in self.paths.values():
            with _suppress_os():
                os.unlink(path)


@dataclass
class SpooledDocument:
    """A document's record whose figures, quotes and claims are JSON in files (see the module docstring)."""

    head: Document
    paths: dict[str, str]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.head.doc_id

    def json_parts(self, text: str | None = None) -> Iterator[str]:
        """The document's JSON (as :func:`caresocial.io.output.document_json` writes it) in pieces, the record
        lists read from the files a megabyte at a time."""

        def records(name: str) -> Iterator[str]:
            with open(self.paths[name], encoding="utf-8") as fh:
                while chunk := fh.read(_COPY):
                    yield chunk

        return envelope_parts(self.head, text, records)

    def document(self) -> Document:
        """The whole :class:`Document`, its records read back (validated) from the files."""
        lists = {}
        for name in RECORD_LISTS:
            with open(self.paths[name], encoding="utf-8") as fh:
                rows = json.loads("[" + fh.read() + "]")
            lists[name] = tuple(_RECORD_TYPES[name].model_validate(row) for row in rows)
        return self.head.updated(**lists)

    def discard(self) -> None:
        """Delete the files."""
        for path in self.paths.values():
            with _suppress_os():
                os.unlink(path)


def _suppress_os() -> Any:
    from contextlib import suppress

    return suppress(OSError)
