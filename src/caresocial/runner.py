"""What the CLI commands do, separated from argument parsing so it can be called and tested directly."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .config import Config, load
from .errors import CaresocialError, ConfigError, InputError, OutputError
from .io.inputs import Source, discover, read_source
from .io.output import COLUMNS, AtomicWriter, document_json_parts, rows, to_csv
from .io.readers import READERS, Extracted
from .models import Document

_CONTROL = {c: f"\\x{c:02x}" for c in (*range(32), 127)}


def _say(message: str) -> None:
    """One line on stderr: control characters (a newline in a file name) are escaped."""
    print(f"caresocial: {message.translate(_CONTROL)}", file=sys.stderr)


def _progress(total: int, enabled: bool | None) -> Any:
    show = enabled if enabled is not None else (total >= 20 and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


def unique_doc_id(src: Source, ids: dict[str, int]) -> str:
    """The doc_id of the next readable source: its stem, or its path when an earlier source took the stem."""
    doc_id = src.doc_id
    ids[doc_id] = ids.get(doc_id, 0) + 1
    if ids[doc_id] > 1:
        doc_id = src.path.with_suffix("").as_posix()
        if doc_id in ids:  # report.pdf beside report.html
            doc_id = src.path.as_posix()
    return doc_id


def documents(paths: list[Path], *, cfg: Config, date_: date | None, publisher: str | None, jobs: int,
              progress: bool | None, errors: list[str], texts: dict[str, str] | None = None,
              scheduler: str | None = None) -> Iterator[Document]:
    """Extract every readable document under ``paths``; problems are appended to ``errors`` (one line each)
    and never stop the others. With ``scheduler``, on that Dask cluster (see :mod:`caresocial.distributed`)."""
    if scheduler:
        from .distributed import stream_documents

        yield from stream_documents(scheduler, paths, cfg=cfg, date_=date_, publisher=publisher, jobs=jobs,
                                    errors=errors, texts=texts)
        return
    from .extraction.quotes.attribution import cited_sources
    from .watchdog import extract_limited

    found, problems = discover(paths)
    errors.extend(str(p) for p in problems)
    # first pass: which sources the corpus cites with a year (to date the statements of those sources)
    sources: dict[str, int] = {}
    readable: list[Source] = []
    converted: dict[Path, Extracted] = {}  # HTML, PDF and DOCX are parsed once: their text is kept till used
    pages: dict[str, tuple[int, ...]] = {}
    for src in found:
        try:
            got = read_source(src.path)
        except InputError as e:
            errors.append(str(e))
            continue
        text = got.text
        if src.path.suffix.lower() in READERS:
            converted[src.path] = got
        readable.append(src)
        for name, year in cited_sources(text).items():
            sources[name] = max(year, sources.get(name, year))
    ids: dict[str, int] = {}
    bar = _progress(len(readable), progress)

    def items() -> Iterator[tuple[str, dict[str, Any]]]:
        for src in readable:
            try:
                got = converted.pop(src.path, None) or read_source(src.path)
            except InputError as e:
                errors.append(str(e))
                continue
            text = got.text
            doc_id = unique_doc_id(src, ids)
            cfg_date, cfg_pub = cfg.for_path(src.path)
            if texts is not None:
                texts[doc_id] = text
            if got.pages:
                pages[doc_id] = got.pages
            yield text, {"doc_id": doc_id, "date": date_ or cfg_date, "publisher": publisher or cfg_pub,
                         "path": str(src.path)}

    try:
        for doc in extract_limited(items(), limits=cfg.limits, errors=errors, n_process=jobs, sources=sources):
            if bar is not None:
                bar.update(1)
            if doc.doc_id in pages:
                doc = doc.model_copy(update={"pages": pages.pop(doc.doc_id)})
            yield doc
    finally:
        if bar is not None:
            bar.close()


def _open_output(output: Path | None, paths: list[Path], also: Iterable[Path] = ()) -> Any:
    """stdout, or an :class:`AtomicWriter` that refuses to overwrite a document or ``also`` (settings files)."""
    if output is None:
        return nullcontext(sys.stdout)
    found, _ = discover(paths)
    return AtomicWriter(output, [*(s.path for s in found), *also])


def _settings_files(cfg: Config, *more: Path | None) -> list[Path]:
    """The configuration (and baseline) files a run reads: inputs too, never to be overwritten."""
    return [Path(p) for p in (cfg.source, *more) if p is not None]


def _unknown_suppressions(docs: list[Document]) -> list[str]:
    """One line per inline ``caresocial: ignore RULE`` comment naming a rule that does not exist."""
    from .config import RULE_IDS

    out = []
    for d in docs:
        for sup in d.suppressions:
            for r in sup.rules:
                if r not in RULE_IDS:
                    out.append(f"{d.path or d.doc_id}: inline 'caresocial: ignore' comment names unknown rule id "
                               f"{r!r} (rules: {', '.join(RULE_IDS)})")
    return out


def _parquet_target(output: Path | None, paths: list[Path]) -> Path:
    """Where ``--format parquet`` writes: checked before any work (pyarrow installed, ``--output`` given)."""
    from .io.frames import _pyarrow

    if output is None:
        raise OutputError("--format parquet writes a binary file: give --output FILE")
    try:
        _pyarrow()
    except ImportError:
        raise OutputError("--format parquet needs pyarrow: pip install 'caresocial[parquet]'") from None
    _open_output(output, paths)  # refuses to overwrite an input
    if not (output.parent if str(output.parent) else Path(".")).is_dir():
        raise OutputError(f"{output}: folder {output.parent} does not exist")
    return output


def _write_parquet(target: Path, obj: Any, table: str) -> None:
    from .io.frames import write_parquet

    try:
        write_parquet(target, obj, table)
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror or e})") from None


def run_extract(paths: list[Path], *, fmt: str, output: Path | None, date: date | None, publisher: str | None,
                table: str, include_text: bool, jobs: int, config_path: Path | None, progress: bool | None,
                scheduler: str | None = None, doc_timeout: float | None = None, doc_memory: int | None = None) -> int:
    """``caresocial extract``: 0 when every input was read, 2 when any could not be (or was over a limit)."""
    errors: list[str] = []
    try:
        cfg = load(config_path).with_limits(doc_timeout, doc_memory)
        texts: dict[str, str] | None = {} if include_text else None
        if fmt == "parquet":
            target = _parquet_target(output, paths)
            _write_parquet(target, list(documents(paths, cfg=cfg, date_=date, publisher=publisher, jobs=jobs,
                                                  progress=progress, errors=errors, scheduler=scheduler)), table)
        else:
            with _open_output(output, paths, _settings_files(cfg)) as out:
                docs = documents(paths, cfg=cfg, date_=date, publisher=publisher, jobs=jobs, progress=progress,
                                 errors=errors, texts=texts, scheduler=scheduler)
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
            out.writelines(document_json_parts(d, texts.pop(d.doc_id, None) if texts is not None else None))
            out.write("\n")
    elif fmt == "json":
        out.write('{"documents":[')
        for i, d in enumerate(docs):
            if i:
                out.write(",")
            out.writelines(document_json_parts(d, texts.pop(d.doc_id, None) if texts is not None else None))
        out.write("]}\n")
    else:
        out.write(to_csv(rows(docs, table), COLUMNS[table]))


def run_check(paths: list[Path], *, fmt: str, output: Path | None, fail_on: str, baseline: Path | None,
              write_baseline: Path | None, show_agreements: bool, date: date | None, publisher: str | None, jobs: int,
              config_path: Path | None, progress: bool | None, scheduler: str | None = None,
              doc_timeout: float | None = None, doc_memory: int | None = None) -> int:
    """``caresocial check``: 0 clean, 1 findings at or above ``fail_on``, 2 input or usage errors."""
    from .consistency.baseline import load_baseline, write_baseline_file
    from .consistency.checker import check
    from .io.render import render

    errors: list[str] = []
    try:
        cfg = load(config_path).with_limits(doc_timeout, doc_memory)
        accepted = load_baseline(baseline) if baseline is not None else None
        target = _parquet_target(output, paths) if fmt == "parquet" else None
        # where results go is checked before any work: neither may overwrite an input, nor each other
        sink = _open_output(output, paths, _settings_files(cfg, baseline)) if target is None else None
        if write_baseline is not None:
            if output is not None and os.path.realpath(output) == os.path.realpath(write_baseline):
                raise OutputError(f"{output}: --output and --write-baseline name the same file")
            found, _ = discover(paths)
            baseline_inputs = [*(s.path for s in found), *_settings_files(cfg)]
            AtomicWriter(write_baseline, baseline_inputs)  # raises OutputError when it would overwrite one
        texts: dict[str, str] = {}
        if scheduler:  # claims are compared on the cluster; only findings (and the texts they cite) come back
            from .distributed import check_paths

            report = check_paths(scheduler, paths, cfg=cfg, date_=date, publisher=publisher, jobs=jobs,
                                 errors=errors, texts=texts, show_agreements=show_agreements, baseline=accepted)
        else:
            docs = list(documents(paths, cfg=cfg, date_=date, publisher=publisher, jobs=jobs, progress=progress,
                                  errors=errors, texts=texts))
            errors.extend(_unknown_suppressions(docs))
            report = check(docs, cfg, show_agreements=show_agreements, baseline=accepted)
        if write_baseline is not None:
            write_baseline_file(write_baseline, report, baseline_inputs)
        if target is not None:
            _write_parquet(target, report, "findings")
        else:
            with sink as out:
                out.write(render(report, fmt, texts))
    except (ConfigError, OutputError, CaresocialError) as e:
        _say(str(e))
        return 2
    for line in errors + list(report.errors):
        _say(line)
    if errors or report.errors:  # an unreadable input or a rule that crashed: the report is incomplete
        return 2
    level = cfg.fail_on if fail_on == "warning" and cfg.fail_on else fail_on
    if level == "never":
        return 0
    failing = {"error"} if level == "error" else {"error", "warning"}
    return 1 if any(f.severity in failing for f in report.findings) else 0
