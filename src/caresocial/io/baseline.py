"""Baselines: accept today's findings so CI fails only on new ones."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..config import read_setting_file
from ..errors import ConfigError
from ..models import Report
from .output import AtomicWriter

VERSION = 1


def load_baseline(path: Path) -> set[str]:
    """Fingerprints accepted by a baseline file; :class:`ConfigError` naming the file when it is malformed."""
    try:
        data = json.loads(read_setting_file(path, "baseline"))
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}: baseline is not valid JSON (line {e.lineno}, column {e.colno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: baseline must be an object with a 'findings' list")
    if data.get("version", VERSION) != VERSION:
        raise ConfigError(f"{path}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    out: set[str] = set()
    for i, f in enumerate(data["findings"]):
        fp = f.get("fingerprint") if isinstance(f, dict) else None
        if not isinstance(fp, str) or not fp:
            raise ConfigError(f"{path}: findings[{i}].fingerprint is missing")
        out.add(fp)
    return out


def write_baseline_file(path: Path, report: Report, inputs: Iterable[Path] = ()) -> None:
    """Write every finding of ``report`` (fingerprint, rule, measure, places) as the new baseline, atomically;
    :class:`~caresocial.errors.OutputError` when ``path`` is one of ``inputs``."""
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "measure": f.measure,
         "claims": [{"doc_id": c.doc_id, "text": c.text} for c in f.claims]}
        for f in sorted(report.findings, key=lambda f: f.fingerprint)
    ]
    with AtomicWriter(path, inputs) as out:
        out.write(json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n")
