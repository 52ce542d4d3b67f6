"""What the CLI commands do, separated from argument parsing so it can be called and tested directly."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .config import Config, load
from .errors import CaresocialError, ConfigError, InputError, OutputError
from .inputs import Source, discover, read_text
from .models import Document
from .output import COLUMNS, AtomicWriter, document_json, rows, to_csv


def _say(message: str) -> None:
    print(f"caresocial: {message}", file=sys.stderr)


def _progress(total: int, enabled: bool | None) -> Any:
    show = enabled if enabled is not None else (total >= 20 and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


def documents(paths: list[Path], *, cfg: Config, date_: date | None, publisher: str | None, jobs: int,
              progress: bool | None, errors: list[str], texts: dict[str, str] | None = None) -> Iterator[Document]:
    """Extract every readable document under ``paths``; problems are appended to ``errors`` (one line each)
    and never stop the others."""
    from .attribution import cited_sources
    from .pipeline import extract_many

    found, problems = discover(paths)
    errors.extend(str(p) for p in problems)
    # first pass: which sources the corpus cites with a year (to date the statements of those sources)
    sources: dict[str, int] = {}
    readable: list[Source] = []
    for src in found:
        try:
            text = read_text(src.path)
        except InputError as e:
            errors.append(str(e))
            continue
        readable.append(src)
        for name, year in cited_sources(text).items():
            sources[name] = max(year, sources.get(name, year))
    ids: dict[str, int] = {}
    bar = _progress(len(readable), progress)

    def items() -> Iterator[tuple[str, dict[str, Any]]]:
        for src in readable:
            try:
                text = read_text(src.path)
            except InputError as e:
                errors.append(str(e))
                continue
            doc_id = src.doc_id
            ids[doc_id] = ids.get(doc_id, 0) + 1
            if ids[doc_id] > 1:
                doc_id = src.path.with_suffix("").as_posix()
            cfg_date, cfg_pub = cfg.for_path(src.path)
            if texts is not None:
                texts[doc_id] = text
            yield text, {"doc_id": doc_id, "date": date_ or cfg_date, "publisher": publisher or cfg_pub,
                         "path": str(src.path)}

    try:
        for doc in extract_many(items(), n_process=jobs, sources=sources):
            if bar is not None:
                bar.update(1)
            yield doc
    finally:
        if bar is not None:
            bar.close()


def _open_output(output: Path | None, paths: list[Path]) -> Any:
    if output is None:
        return nullcontext(sys.stdout)
    found, _ = discover(paths)
    return AtomicWriter(output, [s.path for s in found])


def run_extract(paths: list[Path], *, fmt: str, output: Path | None, date: date | None, publisher: str | None,
                table: str, include_text: bool, jobs: int, config_path: Path | None, progress: bool | None) -> int:
    """``caresocial extract``: 0 when every input was read, 2 when any could not be."""
    errors: list[str] = []
    try:
        cfg = load(config_path)
        texts: dict[str, str] | None = {} if include_text else None
        with _open_output(output, paths) as out:
            docs = documents(paths, cfg=cfg, date_=date, publisher=publisher, jobs=jobs, progress=progress,
                             errors=errors, texts=texts)
            _write_extract(out, docs, fmt, table, texts)
    except (ConfigError, OutputError) as e:
        _say(str(e))
        return 2
    except CaresocialError as e:
        _say(str(e))
        return 2
    for line in errors:
        _say(line)
    return 2 if errors else 0


def _write_extract(out: TextIO, docs: Iterator[Document], fmt: str, table: str, texts: dict[str, str] | None) -> None:
    if fmt == "jsonl":
        for d in docs:
            out.write(document_json(d, texts.pop(d.doc_id, None) if texts is not None else None))
            out.write("\n")
    elif fmt == "json":
        out.write('{"documents":[')
        for i, d in enumerate(docs):
            if i:
                out.write(",")
            out.write(document_json(d, texts.pop(d.doc_id, None) if texts is not None else None))
        out.write("]}\n")
    else:
        out.write(to_csv(rows(docs, table), COLUMNS[table]))


def run_check(paths: list[Path], *, fmt: str, output: Path | None, fail_on: str, baseline: Path | None,
              write_baseline: Path | None, show_agreements: bool, date: date | None, publisher: str | None, jobs: int,
              config_path: Path | None, progress: bool | None) -> int:
    """``caresocial check``: 0 clean, 1 findings at or above ``fail_on``, 2 input or usage errors."""
    from .baseline import load_baseline, write_baseline_file
    from .checker import check
    from .render import render

    errors: list[str] = []
    try:
        cfg = load(config_path)
        accepted = load_baseline(baseline) if baseline is not None else None
        texts: dict[str, str] = {}
        docs = list(documents(paths, cfg=cfg, date_=date, publisher=publisher, jobs=jobs, progress=progress,
                              errors=errors, texts=texts))
        report = check(docs, cfg, show_agreements=show_agreements, baseline=accepted)
        if write_baseline is not None:
            write_baseline_file(write_baseline, report)
        with _open_output(output, paths) as out:
            out.write(render(report, fmt, texts))
    except (ConfigError, OutputError, CaresocialError) as e:
        _say(str(e))
        return 2
    for line in errors + list(report.errors):
        _say(line)
    if errors:
        return 2
    level = cfg.fail_on if fail_on == "warning" and cfg.fail_on else fail_on
    if level == "never":
        return 0
    failing = {"error"} if level == "error" else {"error", "warning"}
    return 1 if any(f.severity in failing for f in report.findings) else 0
