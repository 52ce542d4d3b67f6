"""Renderers: the same ``Report`` as linter text, JSON, SARIF 2.1.0, GitHub workflow commands or CSV.

Rendering is a separate layer from finding (as in ruff's ``--output-format``): every renderer is a pure
function of the report (plus, optionally, the document texts, which SARIF uses for context regions), and the
output is deterministic: the same report gives byte-identical text.

    >>> from caresocial.models import Report
    >>> render(Report(), "text")
    'No findings.\\n'
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import ClaimRef, ClaimTime, Finding, Report
from .output import to_csv

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "csv")
SEVERITIES: tuple[str, ...] = ("error", "warning", "note")

INFORMATION_URI = "https://pypi.org/project/caresocial/"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "caresocialFingerprint/v1"

class _RuleTable(Mapping[str, dict[str, Any]]):
    """Rule metadata by rule id, read from the checker's rule registry each time (so that a rule registered
    at run time is described too); SARIF copies it into ``tool.driver.rules``."""

    def __getitem__(self, rule: str) -> dict[str, Any]:
        from ..consistency.rules import get_rule

        found = get_rule(rule)
        if found is None:
            raise KeyError(rule)
        return found.meta()

    def __iter__(self) -> Iterator[str]:
        from ..consistency.rules import rule_ids

        return iter(rule_ids())

    def __len__(self) -> int:
        from ..consistency.rules import rule_ids

        return len(rule_ids())


RULES: Mapping[str, dict[str, Any]] = _RuleTable()

# A confirmation listed by --show-agreements is not a rule's finding: its own label, described here for SARIF.
AGREEMENT = "agreement"
AGREEMENT_META: dict[str, Any] = {
    "name": "Agreement",
    "short_description": "Claims on the same measure and time that agree.",
    "full_description": ("Listed with --show-agreements: claims of different documents on the same measure and "
                         "time whose values agree within their written precision."),
    "help": "Nothing to do: this is a confirmation, not a problem.",
    "default_severity": "note",
    "tags": ("consistency", "agreement"),
}

CSV_COLUMNS: tuple[str, ...] = (
    "rule", "severity", "measure", "fingerprint", "side", "doc_id", "claim", "path", "line", "column",
    "start", "end", "text", "value", "unit", "relation", "year", "speaker", "sentence", "message",
)

_NEWLINES = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------------------------- helpers


def _rule_meta(rule: str) -> dict[str, Any]:
    """Metadata of ``rule``; a generic row for ids this module does not know (never fails)."""
    meta = RULES.get(rule)
    if meta is not None:
        return meta
    if rule == AGREEMENT:
        return AGREEMENT_META
    name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule) if part) or "Rule"
    return {"name": name, "short_description": f"Finding of rule {rule}.",
            "full_description": f"Finding of rule {rule}.", "help": "See the finding's message.",
            "default_severity": "warning", "tags": ("consistency",)}


def _rule_order(findings: Iterable[Finding]) -> list[str]:
    """Every rule id in ``RULES`` order, then unknown ids found in ``findings`` in order of first use."""
    order = list(RULES)
    for f in findings:
        if f.rule not in order:
            order.append(f.rule)
    return order


def _one_line(text: str) -> str:
    return _NEWLINES.sub(" ", text)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def format_value(value: Any, unit: str | None = None) -> str:
    """A claim value for people: ``6000000000.0, 'GBP'`` gives ``'6,000,000,000 GBP'``; ``37, '%'`` gives
    ``'37%'``."""
    if value is None:
        s = "?"
    elif isinstance(value, bool):
        s = str(value).lower()
    elif isinstance(value, int):
        s = f"{value:,}"
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            s = str(value)
        elif value.is_integer() and abs(value) < 1e18:
            s = f"{int(value):,}"
        else:
            s = f"{value:,.6f}".rstrip("0").rstrip(".")
            if s in ("0", "-0"):
                s = repr(value)
    else:
        s = str(value)
    if not unit:
        return s
    return f"{s}{unit}" if unit == "%" else f"{s} {unit}"


def format_time(time: ClaimTime) -> str:
    """When a claim holds, for people: ``'by 2032'``, ``'undated'``, ``'by ? (relative: in ten years)'``."""
    if time.year is None:
        out = "undated" if time.relation == "at" else f"{time.relation} ?"
    else:
        out = f"{time.relation} {time.year}"
    if time.as_written and (time.relative or time.year is None):
        out += f" ({'relative: ' if time.relative else ''}{_one_line(time.as_written)})"
    return out


def display_path(ref: ClaimRef) -> str:
    """Where a claim is, as given on the command line: the file path, or the document id."""
    return ref.path if ref.path else ref.doc_id


def place(ref: ClaimRef) -> str:
    """``path:line:col`` of a claim."""
    return f"{display_path(ref)}:{ref.line}:{ref.column}"


def relative_path(ref: ClaimRef, root: str | os.PathLike[str] | None = None) -> str:
    """The claim's file relative to ``root`` (default: the working folder) with forward slashes, for tools
    that resolve paths against the repository root (SARIF, GitHub annotations). Paths outside ``root`` stay
    absolute; documents without a path fall back to their id."""
    if not ref.path:
        return ref.doc_id
    path = Path(ref.path)
    if path.is_absolute():
        base = Path(root) if root is not None else Path.cwd()
        try:
            path = path.relative_to(base)
        except ValueError:
            return path.as_posix()
    posix = PurePosixPath(path.as_posix())
    parts = [p for p in posix.parts if p != "."]
    return "/".join(parts) if parts else posix.as_posix()


def _end_position(ref: ClaimRef, texts: dict[str, str] | None) -> tuple[int, int]:
    """1-based line and (exclusive) column just past the claim's figure."""
    span = None
    if texts is not None:
        text = texts.get(ref.doc_id)
        if text is not None and ref.end <= len(text):
            span = text[ref.start:ref.end]
    if span is None:
        span = ref.text if len(ref.text) == ref.end - ref.start else " " * (ref.end - ref.start)
    lines = _NEWLINES.split(span)
    if len(lines) == 1:
        return ref.line, ref.column + len(span)
    return ref.line + len(lines) - 1, len(lines[-1]) + 1


def summary(report: Report) -> dict[str, Any]:
    """Counts of the report: by severity and by rule (every known rule, zeros included)."""
    by_sev = Counter(f.severity for f in report.findings)
    by_rule = Counter(f.rule for f in report.findings)
    return {
        "documents": report.documents,
        "claims": report.claims,
        "findings": len(report.findings),
        "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES},
        "by_rule": {r: by_rule.get(r, 0) for r in _rule_order(report.findings)},
        "agreements": len(report.agreements),
        "suppressed": report.suppressed,
        "baselined": report.baselined,
        "errors": len(report.errors),
    }


# ------------------------------------------------------------------------------------------------ text


def _side_lines(ref: ClaimRef, index: int, total: int, show_sentence: bool) -> list[str]:
    who = f"; {ref.speaker}" if ref.speaker else ""
    label = f"[{index}/{total}]" if total > 2 else ("[a]" if index == 1 else "[b]")
    value = format_value(ref.value, ref.unit)
    lines = [f"  {label} {place(ref)}: {ref.text} = {value} ({format_time(ref.time)}{who})"]
    if show_sentence:
        lines.append(f"      “{_one_line(ref.sentence).strip()}”")
    return lines


def _finding_block(f: Finding) -> list[str]:
    """A finding's header and its sides; a sentence that several sides share is printed once."""
    head = f.claims[0] if f.claims else None
    where = place(head) if head else "-"
    label = AGREEMENT if f.agreement else f"{f.severity} {f.rule}"
    lines = [f"{where}: {label} {_one_line(f.message)}"]
    shown: set[tuple[str, str]] = set()
    for i, ref in enumerate(f.claims, 1):
        sentence = (ref.doc_id, " ".join(ref.sentence.split()))
        lines.extend(_side_lines(ref, i, len(f.claims), sentence not in shown))
        shown.add(sentence)
    return lines


def render_text(report: Report, texts: dict[str, str] | None = None) -> str:
    """Linter-style text: a ``path:line:col: severity rule message`` header per finding, each side with its
    place, value, time and sentence, agreements as confirmations, and a summary line."""
    out: list[str] = []
    for f in report.findings:
        out.extend(_finding_block(f))
        out.append("")
    if report.agreements:
        out.append(f"Confirmed ({_plural(len(report.agreements), 'agreement')}):")
        for f in report.agreements:
            out.extend(_finding_block(f))
            out.append("")
    out.append(_summary_line(report))
    return "\n".join(out) + "\n"


def _summary_line(report: Report) -> str:
    s = summary(report)
    if s["findings"]:
        sev = ", ".join(_plural(n, k) for k, n in s["by_severity"].items() if n)
        rules = ", ".join(f"{k} {n}" for k, n in s["by_rule"].items() if n)
        line = f"Found {_plural(s['findings'], 'finding')} ({sev}; {rules})"
    else:
        line = "No findings"
    scope = []
    if report.documents:
        scope.append(_plural(report.documents, "document"))
    if report.claims:
        scope.append(_plural(report.claims, "claim"))
    if scope:
        line += " in " + ", ".join(scope)
    extra = []
    if report.agreements:
        extra.append(f"{len(report.agreements)} confirmed")
    if report.suppressed:
        extra.append(f"{report.suppressed} suppressed")
    if report.baselined:
        extra.append(f"{report.baselined} baselined")
    if report.errors:
        extra.append(_plural(len(report.errors), "problem") + " while checking")
    if extra:
        line += "; " + ", ".join(extra)
    return line + "."


# ------------------------------------------------------------------------------------------------ json


def _claim_json(ref: ClaimRef) -> dict[str, Any]:
    return ref.model_dump(mode="json")


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "measure": f.measure,
        "fingerprint": f.fingerprint,
        "agreement": f.agreement,
        "claims": [_claim_json(c) for c in f.claims],
    }


def render_json(report: Report, texts: dict[str, str] | None = None) -> str:
    """``{"tool", "summary", "findings", "agreements", "errors"}``; findings follow the gold scorer's contract
    (rule, severity, message, claims[doc_id, start, end]) with every other field added. Agreements are kept
    out of ``findings`` so that confirmations are never scored as disagreements."""
    data = {
        "tool": {"name": "caresocial", "version": __version__},
        "summary": summary(report),
        "findings": [_finding_json(f) for f in report.findings],
        "agreements": [_finding_json(f) for f in report.agreements],
        "errors": list(report.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ----------------------------------------------------------------------------------------------- sarif


def _sarif_level(severity: str) -> str:
    return severity if severity in SEVERITIES else "none"


def _sarif_rule(rule: str) -> dict[str, Any]:
    meta = _rule_meta(rule)
    return {
        "id": rule,
        "name": meta["name"],
        "shortDescription": {"text": meta["short_description"]},
        "fullDescription": {"text": meta["full_description"]},
        "help": {"text": meta["help"], "markdown": _markdown(meta["help"])},
        "defaultConfiguration": {"level": _sarif_level(meta["default_severity"])},
        "properties": {"tags": list(meta.get("tags", ())), "precision": "medium"},
    }


def _markdown(text: str) -> str:
    """Help text as Markdown: the suppression comments in code spans, so that renderers show them."""
    return re.sub(r"(<!--.*?-->|--[a-z-]+)", r"`\1`", text)


def _escape_sarif(text: str) -> str:
    """Plain-text SARIF messages treat ``[text](id)`` as a link: escape literal brackets and backslashes."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _uri(ref: ClaimRef, root: str | os.PathLike[str] | None) -> tuple[str, bool]:
    """(URI reference, whether it is relative to the source root)."""
    rel = relative_path(ref, root)
    if not ref.path:
        return quote(rel, safe=""), False
    if rel.startswith("/"):
        return Path(rel).as_uri(), False
    return quote(rel, safe="/"), True


def _context(ref: ClaimRef, texts: dict[str, str] | None, width: int = 200) -> dict[str, Any] | None:
    """The figure's line (clipped to ``width`` characters around the figure) as a SARIF context region."""
    text = texts.get(ref.doc_id) if texts else None
    if text is None or ref.end > len(text) or ref.start > ref.end:
        return None
    if "\n" in text[ref.start:ref.end] or "\r" in text[ref.start:ref.end]:
        return None
    line_start = max(text.rfind("\n", 0, ref.start), text.rfind("\r", 0, ref.start)) + 1
    line_end = len(text)
    for nl in ("\n", "\r"):
        pos = text.find(nl, ref.end)
        if pos != -1:
            line_end = min(line_end, pos)
    lo = max(line_start, ref.start - width // 2)
    hi = min(line_end, max(ref.end, lo + width))
    lo, hi = _word_bounds(text, lo, hi, line_start, line_end, ref.start, ref.end)
    if hi <= lo:
        return None
    return {"startLine": ref.line, "startColumn": ref.column - (ref.start - lo), "endColumn": ref.column
            + (hi - ref.start), "charOffset": lo, "charLength": hi - lo, "snippet": {"text": text[lo:hi]}}


def _word_bounds(text: str, lo: int, hi: int, line_start: int, line_end: int, start: int, end: int
                 ) -> tuple[int, int]:
    """A clipped context window moved inward to whole words: it starts after a space (or at the line start) and
    ends before one (or at the line end), never cutting into the figure at ``start:end``."""
    if lo > line_start and not text[lo - 1].isspace():
        space = text.find(" ", lo, start)
        lo = start if space == -1 else space + 1
    if hi < line_end and not text[hi].isspace():
        space = text.rfind(" ", end, hi)
        hi = end if space == -1 else space
    return lo, hi


def _physical(ref: ClaimRef, texts: dict[str, str] | None,
              root: str | os.PathLike[str] | None) -> dict[str, Any]:
    uri, relative = _uri(ref, root)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    end_line, end_col = _end_position(ref, texts)
    region: dict[str, Any] = {"startLine": ref.line, "startColumn": ref.column}
    if end_line != ref.line:
        region["endLine"] = end_line
    region.update({"endColumn": end_col, "charOffset": ref.start, "charLength": ref.end - ref.start,
                   "snippet": {"text": ref.text}})
    physical: dict[str, Any] = {"artifactLocation": artifact, "region": region}
    context = _context(ref, texts)
    if context is not None and context["snippet"]["text"] != ref.text:
        physical["contextRegion"] = context
    return physical


def _side_text(ref: ClaimRef) -> str:
    who = f", {ref.speaker}" if ref.speaker else ""
    value = format_value(ref.value, ref.unit)
    sentence = _one_line(ref.sentence).strip()
    return f"{display_path(ref)}: {ref.text} = {value} ({format_time(ref.time)}{who}): “{sentence}”"


def _sarif_result(f: Finding, index: dict[str, int], texts: dict[str, str] | None,
                  root: str | os.PathLike[str] | None) -> dict[str, Any]:
    others = f.claims[1:]
    text = _escape_sarif(f.message)
    if others:
        links = ", ".join(f"[{_escape_sarif(place(ref))}]({i})" for i, ref in enumerate(others, 1))
        text += f" (other side{'s' if len(others) > 1 else ''}: {links})"
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _sarif_level(f.severity),
    }
    if f.agreement:
        result["kind"] = "pass"
    result["message"] = {"text": text}
    if f.claims:
        result["locations"] = [{"physicalLocation": _physical(f.claims[0], texts, root),
                                "message": {"text": _escape_sarif(_side_text(f.claims[0]))}}]
    if others:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(ref, texts, root),
             "message": {"text": _escape_sarif(_side_text(ref))}}
            for i, ref in enumerate(others, 1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    result["properties"] = {"measure": f.measure, "agreement": f.agreement,
                            "claims": [f"{c.doc_id}#{c.claim}" for c in f.claims]}
    return result


def render_sarif(report: Report, texts: dict[str, str] | None = None,
                 root: str | os.PathLike[str] | None = None) -> str:
    """A SARIF 2.1.0 log with one run, for GitHub code scanning (``github/codeql-action/upload-sarif``).

    Each finding is one result located at its first claim; the other claims are related locations, linked
    from the message. Agreements (when asked for) are results of kind ``pass`` with level ``none``. Columns
    and character offsets count Unicode code points, as Python does (``columnKind: unicodeCodePoints``)."""
    rules = _rule_order([*report.findings, *report.agreements])
    index = {r: i for i, r in enumerate(rules)}
    results = [_sarif_result(f, index, texts, root) for f in (*report.findings, *report.agreements)]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": _escape_sarif(e)}} for e in report.errors
        ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "caresocial",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(r) for r in rules],
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {k: v for k, v in summary(report).items() if k != "by_rule"},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------- github


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message (as ``@actions/core`` does): ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, texts: dict[str, str] | None = None,
                  root: str | os.PathLike[str] | None = None) -> str:
    """GitHub Actions workflow commands (``::error file=...,line=...,col=...,title=...::message``), one per
    finding, at its first claim; the message names the places of the other claims. Agreements become notices."""
    out: list[str] = []
    for f in (*report.findings, *report.agreements):
        if not f.claims:
            continue
        level = _GITHUB_LEVEL.get(f.severity, "warning")
        title = AGREEMENT if f.agreement else f.rule
        ref = f.claims[0]
        end_line, end_col = _end_position(ref, texts)
        props = [("file", relative_path(ref, root)), ("line", str(ref.line)), ("col", str(ref.column))]
        if end_line == ref.line:
            props.append(("endColumn", str(end_col)))
        else:
            props.append(("endLine", str(end_line)))
        props.append(("title", title))
        others = [place(o) for o in f.claims[1:]]
        label = "Other side" if len(others) == 1 else "Other claims"
        message = f.message + (f"\n\n{label}: {'; '.join(others)}" if others else "")
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        out.append(f"::{level} {prop_text}::{escape_data(message)}")
    return "".join(line + "\n" for line in out)


# ------------------------------------------------------------------------------------------------- csv


def csv_rows(report: Report) -> Iterable[dict[str, Any]]:
    """One row per side of each finding, then of each agreement (severity ``info``)."""
    for f in (*report.findings, *report.agreements):
        for side, ref in enumerate(f.claims, 1):
            yield {"rule": f.rule, "severity": f.severity, "measure": f.measure, "fingerprint": f.fingerprint,
                   "side": side, "doc_id": ref.doc_id, "claim": ref.claim, "path": ref.path,
                   "line": ref.line, "column": ref.column, "start": ref.start, "end": ref.end,
                   "text": ref.text, "value": ref.value, "unit": ref.unit, "relation": ref.time.relation,
                   "year": ref.time.year, "speaker": ref.speaker, "sentence": ref.sentence,
                   "message": f.message}


def render_csv(report: Report, texts: dict[str, str] | None = None) -> str:
    """CSV with a header row (``CSV_COLUMNS``), one row per finding side."""
    return to_csv(csv_rows(report), CSV_COLUMNS)


# ---------------------------------------------------------------------------------------------- entry


RENDERERS: dict[str, Callable[[Report, dict[str, str] | None], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "csv": render_csv,
}


def render(report: Report, fmt: str, texts: dict[str, str] | None = None) -> str:
    """Render ``report`` in ``fmt``.

    report (Report): what the checker returned.
    fmt (str): one of ``FORMATS``: text, json, sarif, github, csv.
    texts (dict[str, str] | None): document texts by doc_id; optional, used for exact end positions and
        SARIF context regions.
    RETURNS (str): the whole output, ending with a newline unless empty.
    """
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(report, texts)
