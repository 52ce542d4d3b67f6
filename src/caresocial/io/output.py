"""Writing records: JSONL/JSON/CSV for documents; atomic file output that never overwrites an input; one-line
messages on stderr."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..models import Document

FIGURE_COLUMNS = ("doc_id", "id", "kind", "text", "start", "end", "value", "unit", "approx", "bound", "rate",
                  "link", "link_type", "link_role", "speaker", "quote", "sentence_start", "sentence_end", "source",
                  "page")
CLAIM_COLUMNS = ("doc_id", "id", "figure", "kind", "measure", "measure_text", "value", "unit", "approx", "bound",
                 "rate", "relation", "year", "time_as_written", "resolved_against", "speaker", "start", "end",
                 "link", "link_role", "sentence", "page")
QUOTE_COLUMNS = ("doc_id", "id", "kind", "speaker", "role", "org", "start", "end", "text", "cue", "parent", "page")
DOCUMENT_COLUMNS = ("doc_id", "path", "date", "date_source", "publisher", "title", "url", "length", "text_sha256",
                    "figures", "quotes", "claims", "pages")
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(32), 127)}


def say(message: str) -> None:
    """One line on stderr, ``caresocial: message``; control characters (a newline in a file name) are escaped."""
    print(f"caresocial: {message.translate(_CONTROL)}", file=sys.stderr)


def open_output(output: Path | None, inputs: Iterable[Path] = ()) -> Any:
    """A context giving the stream to write to: stdout, or an :class:`AtomicWriter` for ``output`` that refuses
    to overwrite any of ``inputs`` (documents, manifests, settings files)."""
    return nullcontext(sys.stdout) if output is None else AtomicWriter(output, inputs)


def document_json(doc: Document, text: str | None = None) -> str:
    """One document as compact JSON with a stable key order (byte-identical for the same input)."""
    return "".join(document_json_parts(doc, text))


RECORD_LISTS = ("figures", "quotes", "claims")


def compact_json(data: Any) -> str:
    """JSON as the output writes it: no spaces, non-ASCII as it is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def envelope_parts(head: Document, text: str | None, records: Callable[[str], Iterable[str]]) -> Iterator[str]:
    """A document's JSON in pieces: ``head``'s fields (its record lists are left out) with each record list's
    JSON text, without the brackets, from ``records(name)`` (records joined by commas)."""
    data = head.model_copy(update=dict.fromkeys(RECORD_LISTS, ())).model_dump(mode="json")
    if text is not None:
        data["text"] = text
    envelope = compact_json(data)
    pos = 0
    for name in RECORD_LISTS:
        # '"figures":[]' cannot occur inside a JSON string (its quotes would be escaped): the first is the field
        at = envelope.index(f'"{name}":[]', pos) + len(name) + 4
        yield envelope[pos:at]
        yield from records(name)
        pos = at
    yield envelope[pos:]


def document_json_parts(doc: Document, text: str | None = None) -> Iterator[str]:
    """:func:`document_json` in pieces, one record at a time: writing a long document never holds its whole
    JSON (or a dict of all its records) in memory."""

    def records(name: str) -> Iterator[str]:
        for n, record in enumerate(getattr(doc, name)):
            yield ("," if n else "") + compact_json(record.model_dump(mode="json"))

    return envelope_parts(doc, text, records)


def rows(docs: Iterable[Document], table: str) -> Iterable[dict[str, Any]]:
    """Flat rows of figures, claims or quotes, for CSV and DataFrames; ``page`` is the 1-based page of the
    record's start (documents read from PDF), else None."""
    for d in docs:
        if table == "figures":
            for f in d.figures:
                row = f.model_dump(mode="json")
                row["speaker"] = f.speaker.name if f.speaker else None
                row["page"] = d.page_of(f.start)
                yield {"doc_id": d.doc_id, **{k: row.get(k) for k in FIGURE_COLUMNS if k != "doc_id"}}
        elif table == "claims":
            for c in d.claims:
                yield {"doc_id": d.doc_id, "id": c.id, "figure": c.figure, "kind": c.kind, "measure": c.measure,
                       "measure_text": c.measure_text, "value": c.value, "unit": c.unit, "approx": c.approx,
                       "bound": c.bound, "rate": c.rate, "relation": c.time.relation, "year": c.time.year,
                       "time_as_written": c.time.as_written, "resolved_against": c.time.resolved_against,
                       "speaker": c.speaker.name if c.speaker else None, "start": c.start, "end": c.end,
                       "link": c.link, "link_role": c.link_role, "sentence": c.sentence, "page": d.page_of(c.start)}
        elif table == "quotes":
            for q in d.quotes:
                sp = q.speaker
                yield {"doc_id": d.doc_id, "id": q.id, "kind": q.kind, "speaker": sp.name if sp else None,
                       "role": sp.role if sp else None, "org": sp.org if sp else None, "start": q.start,
                       "end": q.end, "text": q.text, "cue": q.cue, "parent": q.parent, "page": d.page_of(q.start)}
        elif table == "documents":
            yield {"doc_id": d.doc_id, "path": d.path, "date": d.date.isoformat() if d.date else None,
                   "date_source": d.date_source, "publisher": d.publisher, "title": d.title, "url": d.url,
                   "length": d.length, "text_sha256": d.text_sha256, "figures": len(d.figures),
                   "quotes": len(d.quotes), "claims": len(d.claims), "pages": len(d.pages) or None}
        else:
            raise ValueError(f"unknown table {table!r}")


# a spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such cells get a leading
# apostrophe, which spreadsheets show as text (OWASP's advice); numbers are written as they are
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LONE_CR = re.compile(r"\r(?!\n)")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: None empty, booleans ``true``/``false`` (as in JSON), text that a spreadsheet would
    run as a formula defused with ``'``, and
    a lone carriage return made a newline (the csv module quotes cells with newlines, not with lone CRs)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = _LONE_CR.sub("\n", value) if "\r" in value else value
        return "'" + text if value.startswith(FORMULA_STARTS) else text
    return value


def to_csv(records: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """CSV text with a header row; None becomes an empty cell, formula-like text is defused (``csv_cell``)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in records:
        w.writerow({k: csv_cell(v) for k, v in r.items()})
    return buf.getvalue()


COLUMNS = {"figures": FIGURE_COLUMNS, "claims": CLAIM_COLUMNS, "quotes": QUOTE_COLUMNS, "documents": DOCUMENT_COLUMNS}


def row_json(row: dict[str, Any]) -> str:
    """One table row as compact JSON (``extract --format jsonl --table ...``)."""
    return compact_json(row)


class AtomicWriter:
    """Write to a temporary file beside the target and rename it into place on success, so an interrupted
    run (an exception, Ctrl-C, kill -9) leaves the old file or none, never half-written output. Refuses to
    overwrite any of ``inputs``: the same file by another path, a symlink or a hard link counts."""

    def __init__(self, path: str | Path, inputs: Iterable[Path] = ()) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a folder, not a file to write")
        target = os.path.realpath(self.path)
        for p in inputs:
            if os.path.realpath(p) == target or _same_file(p, self.path):
                raise OutputError(f"{self.path}: refusing to overwrite an input file")
        self._tmp: Any = None

    def __enter__(self) -> io.TextIOBase:
        parent = self.path.parent if str(self.path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"{self.path}: folder {parent} does not exist")
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
        except OSError as e:
            raise OutputError(f"{self.path}: cannot write ({e.strerror or e})") from None
        self._tmp = (name, os.fdopen(fd, "w", encoding="utf-8", newline="\n"))
        return self._tmp[1]

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        name, fh = self._tmp
        try:
            try:
                if exc_type is None:
                    fh.flush()
                    os.fsync(fh.fileno())  # the data is on disk before the name points at it
            finally:
                fh.close()
            if exc_type is None:
                os.chmod(name, _mode_for(self.path))  # mkstemp makes 0600; give the usual permissions
                os.replace(name, self.path)
        except OSError as e:
            if exc_type is None:
                raise OutputError(f"{self.path}: cannot write ({e.strerror or e})") from None
        finally:
            if os.path.exists(name):
                os.unlink(name)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, else those of a new file under the current umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
