"""Manifests: JSON Lines with one document per line, and the records ``caresocial extract`` wrote.

A manifest line gives a document's text (``text``) or file (``path``, relative to the manifest's folder; to
the working folder on standard input) and, optionally, its ``doc_id``, ``date`` (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``), ``publisher``, ``title`` and ``url``::

    {"path": "press/ccn-2024-10.html", "publisher": "County Councils Network", "date": "2024-10-21"}
    {"text": "Councils spent £11.3bn in 2021/22.", "doc_id": "memo", "date": "2022-06"}

A line that is a :class:`~caresocial.models.Document` record (what ``caresocial extract --format jsonl``
writes, with or without ``--include-text``; it has ``text_sha256``) is taken as it is, without extracting
again: extract once, check many times. ``caresocial schema Manifest`` prints the JSON Schema of a manifest line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..dates import DateError, parse_date
from ..errors import InputError
from ..models import Document

FIELDS: tuple[str, ...] = ("text", "path", "doc_id", "date", "publisher", "title", "url")
RECORD_KEY = "text_sha256"  # every Document record has it; no manifest line does


@dataclass(frozen=True, slots=True)
class ManifestLine:
    """One document a manifest lists (date parsed, path resolved); ``where`` is ``file:line``."""

    where: str
    text: str | None = None
    path: Path | None = None
    doc_id: str | None = None
    date: Any = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RecordLine:
    """A document already extracted, and its text when the record carries it (``--include-text``)."""

    where: str
    document: Document
    text: str | None = None


def read_lines(name: str, lines: Iterable[str | bytes], base: Path | None
               ) -> Iterator[ManifestLine | RecordLine | InputError]:
    """Each non-blank line of a manifest: a :class:`ManifestLine`, a :class:`RecordLine`, or an
    :class:`InputError` naming ``name:line`` (a bad line never stops the others). ``base`` is the folder
    relative paths are read from (None: the working folder)."""
    for n, raw in enumerate(lines, 1):
        where = f"{name}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8") if isinstance(raw, bytes) else raw.lstrip("\ufeff")
        except UnicodeDecodeError as e:
            yield InputError(where, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(where, f"not a JSON object ({e.msg} at column {e.colno})")
            continue
        yield parse_object(where, obj, base)


def read_json(name: str, data: bytes, base: Path | None) -> Iterator[ManifestLine | RecordLine | InputError]:
    """The documents of a JSON file: ``{"documents": [...]}`` (what ``extract --format json`` writes) or a list
    of manifest objects."""
    try:
        whole = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        yield InputError(name, f"not valid JSON ({e})")
        return
    items = whole.get("documents") if isinstance(whole, dict) else whole
    if not isinstance(items, list):
        yield InputError(name, 'expected {"documents": [...]} or a list of documents')
        return
    for n, obj in enumerate(items):
        yield parse_object(f"{name}: documents[{n}]", obj, base)


def parse_object(where: str, obj: Any, base: Path | None) -> ManifestLine | RecordLine | InputError:
    """One manifest object, or a Document record; an :class:`InputError` naming ``where`` when it is neither."""
    if not isinstance(obj, dict):
        return InputError(where, "not a JSON object")
    if RECORD_KEY in obj:
        return _record(where, obj)
    unknown = sorted(set(obj) - set(FIELDS))
    if unknown:
        return InputError(where, f"unknown key {unknown[0]!r} (a manifest line has {', '.join(FIELDS)})")
    for key in FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return InputError(where, f"{key} must be a string")
    text, path = obj.get("text"), obj.get("path")
    if (text is None) == (path is None):
        return InputError(where, "give either 'text' or 'path'")
    try:
        day = parse_date(obj.get("date"))
    except DateError as e:
        return InputError(where, f"date {e}")
    file = None if path is None else (Path(path) if base is None or Path(path).is_absolute() else base / path)
    return ManifestLine(where, text=text, path=file, doc_id=obj.get("doc_id") or None, date=day,
                        publisher=obj.get("publisher") or None, title=obj.get("title") or None,
                        url=obj.get("url") or None)


def _record(where: str, obj: dict[str, Any]) -> RecordLine | InputError:
    text = obj.pop("text", None)
    if text is not None and not isinstance(text, str):
        return InputError(where, "text must be a string")
    try:
        doc = Document.model_validate(obj)
    except ValidationError as e:
        err = e.errors()[0]
        at = ".".join(str(p) for p in err["loc"]) or "record"
        return InputError(where, f"not a valid Document record ({at}: {err['msg']})")
    if text is not None and len(text) != doc.length:
        return InputError(where, f"its text has {len(text)} characters, the record says {doc.length}")
    return RecordLine(where, doc, text)
