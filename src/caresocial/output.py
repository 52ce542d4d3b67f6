"""Writing records: JSONL/JSON/CSV for documents; atomic file output that never overwrites an input."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import OutputError
from .models import Document

FIGURE_COLUMNS = ("doc_id", "id", "kind", "text", "start", "end", "value", "unit", "approx", "bound", "rate",
                  "link", "link_type", "link_role", "speaker", "quote", "sentence_start", "sentence_end", "source")
CLAIM_COLUMNS = ("doc_id", "id", "figure", "kind", "measure", "measure_text", "value", "unit", "approx", "bound",
                 "rate", "relation", "year", "time_as_written", "resolved_against", "speaker", "start", "end",
                 "link", "link_role", "sentence")
QUOTE_COLUMNS = ("doc_id", "id", "kind", "speaker", "role", "org", "start", "end", "cue", "parent")


def document_json(doc: Document, text: str | None = None) -> str:
    """One document as compact JSON with a stable key order (byte-identical for the same input)."""
    data = doc.model_dump(mode="json")
    if text is not None:
        data["text"] = text
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def rows(docs: Iterable[Document], table: str) -> Iterable[dict[str, Any]]:
    """Flat rows of figures, claims or quotes, for CSV and DataFrames."""
    for d in docs:
        if table == "figures":
            for f in d.figures:
                row = f.model_dump(mode="json")
                row["speaker"] = f.speaker.name if f.speaker else None
                yield {"doc_id": d.doc_id, **{k: row.get(k) for k in FIGURE_COLUMNS if k != "doc_id"}}
        elif table == "claims":
            for c in d.claims:
                yield {"doc_id": d.doc_id, "id": c.id, "figure": c.figure, "kind": c.kind, "measure": c.measure,
                       "measure_text": c.measure_text, "value": c.value, "unit": c.unit, "approx": c.approx,
                       "bound": c.bound, "rate": c.rate, "relation": c.time.relation, "year": c.time.year,
                       "time_as_written": c.time.as_written, "resolved_against": c.time.resolved_against,
                       "speaker": c.speaker.name if c.speaker else None, "start": c.start, "end": c.end,
                       "link": c.link, "link_role": c.link_role, "sentence": c.sentence}
        elif table == "quotes":
            for q in d.quotes:
                sp = q.speaker
                yield {"doc_id": d.doc_id, "id": q.id, "kind": q.kind, "speaker": sp.name if sp else None,
                       "role": sp.role if sp else None, "org": sp.org if sp else None, "start": q.start,
                       "end": q.end, "cue": q.cue, "parent": q.parent}
        else:
            raise ValueError(f"unknown table {table!r}")


def to_csv(records: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """CSV text with a header row; None becomes an empty cell."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in records:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return buf.getvalue()


COLUMNS = {"figures": FIGURE_COLUMNS, "claims": CLAIM_COLUMNS, "quotes": QUOTE_COLUMNS}


class AtomicWriter:
    """Write to a temporary file beside the target and rename it into place on success, so an interrupted
    run never leaves half-written output. Refuses to overwrite any of ``inputs``."""

    def __init__(self, path: str | Path, inputs: Iterable[Path] = ()) -> None:
        self.path = Path(path)
        target = os.path.realpath(self.path)
        for p in inputs:
            if os.path.realpath(p) == target:
                raise OutputError(f"{self.path}: refusing to overwrite an input file")
        self._tmp: Any = None

    def __enter__(self) -> io.TextIOBase:
        parent = self.path.parent if str(self.path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"{self.path}: folder {parent} does not exist")
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
        self._tmp = (name, os.fdopen(fd, "w", encoding="utf-8", newline="\n"))
        return self._tmp[1]

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        name, fh = self._tmp
        fh.close()
        if exc_type is None:
            os.replace(name, self.path)
        else:
            os.unlink(name)
