"""JSON Schemas of everything caresocial writes as JSON, and of the manifests it reads.

``caresocial schema NAME`` prints one (NAME in any case); the tests validate real outputs against each:

- ``Document``: one line of ``caresocial extract --format jsonl`` (``text`` only with ``--include-text``);
- ``Extraction``: ``caresocial extract --format json``, ``{"documents": [Document, ...]}``;
- ``Report``: ``caresocial check --format json`` (a :class:`~caresocial.models.Report` with the tool and a
  summary), and equally a Report dumped from Python (``report.model_dump_json()``);
- ``Manifest``: one line of a manifest (see :mod:`caresocial.io.manifest`);
- ``FiguresTable``, ``ClaimsTable``, ``QuotesTable``, ``DocumentsTable``: one row of
  ``caresocial extract --table NAME --format jsonl`` (the CSV columns, in order);
- ``Table``: ``caresocial extract --table NAME --format json``, ``{"NAME": [row, ...]}``;
- ``Baseline``: the file ``caresocial check --write-baseline`` writes (and ``--baseline`` reads);
- ``Figure``, ``Quote``, ``Claim``, ``Speaker``, ``Finding``: the records themselves.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from .. import models
from ..dates import FORMS
from .baseline import VERSION as BASELINE_VERSION
from .manifest import FIELDS as MANIFEST_FIELDS
from .output import COLUMNS

RECORDS: tuple[str, ...] = ("Document", "Figure", "Quote", "Claim", "Speaker", "Finding", "Report")
TABLES: dict[str, str] = {"FiguresTable": "figures", "ClaimsTable": "claims", "QuotesTable": "quotes",
                          "DocumentsTable": "documents"}
NAMES: tuple[str, ...] = (*RECORDS, "Manifest", "Extraction", *TABLES, "Table", "Baseline")

_STRING_OR_NULL = {"anyOf": [{"type": "string"}, {"type": "null"}]}
_INT_OR_NULL = {"anyOf": [{"type": "integer"}, {"type": "null"}]}
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?([T ]\d{2}:\d{2}.*)?$"


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema called ``name`` (any case; see :data:`NAMES`); KeyError when there is none."""
    for known in NAMES:
        if known.lower() == name.lower():
            return copy.deepcopy(_schema(known))
    raise KeyError(name)


@cache
def _schema(name: str) -> dict[str, Any]:
    if name == "Document":
        return document_schema()
    if name == "Report":
        return report_schema()
    if name == "Manifest":
        return manifest_schema()
    if name == "Extraction":
        doc = document_schema()
        defs = doc.pop("$defs", {})
        return {"title": "Extraction", "description": "caresocial extract --format json.", "type": "object",
                "properties": {"documents": {"type": "array", "items": {"$ref": "#/$defs/Document"}}},
                "required": ["documents"], "additionalProperties": False, "$defs": {**defs, "Document": doc}}
    if name in TABLES:
        return table_schema(TABLES[name])
    if name == "Table":
        defs = {title: table_schema(table) for title, table in TABLES.items()}
        return {"title": "Table", "description": "caresocial extract --table NAME --format json: one key, the "
                "table's name, holding its rows.", "type": "object", "minProperties": 1, "maxProperties": 1,
                "properties": {table: {"type": "array", "items": {"$ref": f"#/$defs/{title}"}}
                               for title, table in TABLES.items()},
                "additionalProperties": False, "$defs": defs}
    if name == "Baseline":
        return baseline_schema()
    return getattr(models, name).model_json_schema()


def baseline_schema() -> dict[str, Any]:
    """The baseline file: the accepted findings by fingerprint, with what identifies each for a reader."""
    place = {"type": "object", "properties": {"doc_id": {"type": "string"}, "text": {"type": "string"}},
             "required": ["doc_id", "text"], "additionalProperties": False}
    finding = {"type": "object", "properties": {
        "fingerprint": {"type": "string", "minLength": 1}, "rule": {"type": "string"},
        "measure": {"type": "string"}, "claims": {"type": "array", "items": place}},
        "required": ["fingerprint", "rule", "measure", "claims"], "additionalProperties": False}
    return {"title": "Baseline", "description": "caresocial check --write-baseline FILE: accepted findings.",
            "type": "object",
            "properties": {"version": {"const": BASELINE_VERSION}, "findings": {"type": "array", "items": finding}},
            "required": ["version", "findings"], "additionalProperties": False}


def document_schema() -> dict[str, Any]:
    """A Document record as ``extract`` writes it: the model, plus ``text`` with ``--include-text``."""
    schema = models.Document.model_json_schema()
    schema["properties"]["text"] = {
        "type": "string", "title": "Text",
        "description": "The text the offsets refer to (only with --include-text; never part of the Document model)."}
    return schema


def report_schema() -> dict[str, Any]:
    """What ``check --format json`` writes: a Report with ``tool`` and ``summary`` (required there), and the
    Report's counts, which the JSON output keeps in ``summary`` (present when a Report is dumped from Python)."""
    schema = models.Report.model_json_schema()
    counts = {"type": "integer", "minimum": 0}
    schema["properties"]["tool"] = {
        "type": "object", "description": "The program that wrote the report (check --format json).",
        "properties": {"name": {"const": "caresocial"}, "version": {"type": "string"}},
        "required": ["name", "version"], "additionalProperties": False}
    schema["properties"]["summary"] = {
        "type": "object", "description": "Counts of the report (check --format json): by severity, by rule id.",
        "properties": {
            **{k: counts for k in ("documents", "claims", "findings", "agreements", "suppressed", "baselined",
                                   "errors")},
            "by_severity": {"type": "object", "additionalProperties": counts},
            "by_rule": {"type": "object", "additionalProperties": counts}},
        "required": ["documents", "claims", "findings", "by_severity", "by_rule", "agreements", "suppressed",
                     "baselined", "errors"],
        "additionalProperties": False}
    return schema


def manifest_schema() -> dict[str, Any]:
    """One line of a manifest: a text or a path, and the document's metadata."""
    described = {
        "text": "The document text (give this or path).",
        "path": "The document's file, relative to the manifest's folder (to the working folder on standard input).",
        "doc_id": "Identifier (default: the file stem, or the text's digest).",
        "date": f"Document date: {FORMS} (a month alone counts as its 1st).",
        "publisher": "Who publishes the document (speaker of its unattributed figures).",
        "title": "The document's title.",
        "url": "Where it was published.",
    }
    props: dict[str, Any] = {k: {"type": "string", "description": described[k]} for k in MANIFEST_FIELDS}
    props["date"]["pattern"] = DATE_PATTERN
    for k in ("doc_id", "date", "publisher", "title", "url"):
        props[k] = {"anyOf": [props[k], {"type": "null"}], "description": described[k]}
    return {"title": "Manifest", "description": "One document of a JSONL manifest. A line may instead be a "
            "Document record (caresocial schema Document), which is used as it is.", "type": "object",
            "properties": props, "additionalProperties": False,
            "oneOf": [{"required": ["text"], "not": {"required": ["path"]}},
                      {"required": ["path"], "not": {"required": ["text"]}}]}


# columns that are not a field of the table's record under the same name
_COLUMN_SCHEMAS: dict[str, Any] = {
    "doc_id": {"type": "string"}, "speaker": _STRING_OR_NULL, "role": _STRING_OR_NULL, "org": _STRING_OR_NULL,
    "page": _INT_OR_NULL, "time_as_written": _STRING_OR_NULL, "resolved_against": _STRING_OR_NULL,
}
_DOCUMENT_COLUMNS: dict[str, Any] = {
    "date": _STRING_OR_NULL, "figures": {"type": "integer", "minimum": 0}, "quotes": {"type": "integer", "minimum": 0},
    "claims": {"type": "integer", "minimum": 0}, "pages": _INT_OR_NULL, "text": {"type": "string"},
}
_RECORD_OF = {"figures": models.Figure, "claims": models.Claim, "quotes": models.Quote, "documents": models.Document}


def table_schema(table: str) -> dict[str, Any]:
    """One row of ``table`` as ``extract --table TABLE --format jsonl`` writes it (every column, in CSV order)."""
    fields = _RECORD_OF[table].model_json_schema()["properties"]
    time = models.ClaimTime.model_json_schema()["properties"]
    props: dict[str, Any] = {}
    for col in COLUMNS[table]:
        if table == "documents" and col in _DOCUMENT_COLUMNS:
            props[col] = _DOCUMENT_COLUMNS[col]
        elif col in _COLUMN_SCHEMAS:
            props[col] = _COLUMN_SCHEMAS[col]
        elif table == "claims" and col in ("relation", "year"):
            props[col] = time[col]
        else:
            props[col] = fields[col]
    if table == "documents":
        props["text"] = {**_DOCUMENT_COLUMNS["text"], "description": "With --include-text only."}
    return {"title": f"{table.capitalize()}Table", "description": f"One row of the {table} table.",
            "type": "object", "properties": props, "required": list(COLUMNS[table]), "additionalProperties": False}
