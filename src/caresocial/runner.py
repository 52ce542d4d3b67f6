"""What the CLI commands do, separated from argument parsing so it can be called and tested directly.

Each ``run_*`` function returns the exit code: 0 clean, 1 findings at or above the fail level (``check``), 2
when the tool could not do all it was asked (a bad path, an unreadable file or manifest line, bad
configuration); every problem is one line on stderr and never costs the other documents their results.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .config import Config, load
from .errors import CaresocialError, ConfigError, InputError, OutputError
from .io.corpus import Corpus, Loaded, Record, gather
from .io.corpus import load as load_entry
from .io.output import COLUMNS, AtomicWriter, document_json_parts, open_output, row_json, rows, say, to_csv
from .io.readers import READERS
from .io.spool import SpooledDocument
from .models import Document, Report

PathLike = str | Path


def _progress(total: int, enabled: bool | None) -> Any:
    show = enabled if enabled is not None else (total >= 20 and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


def corpus_of(paths: Sequence[PathLike], cfg: Config, date_: date | None, publisher: str | None,
              stdin: BinaryIO | None = None) -> Corpus:
    """The documents under ``paths`` (files, folders, manifests, ``-``) with their ids and metadata defaults."""
    return gather(paths, defaults=cfg, date_=date_, publisher=publisher, stdin=stdin)


def _first_pass(corpus: Corpus, errors: list[str]) -> tuple[dict[str, int], dict[int, Loaded], set[int]]:
    """Read every document once: the statement years of the sources the corpus cites (to date the statements
    of those sources), the documents kept in memory till extracted (given texts, and HTML, PDF and DOCX, which
    are parsed once), and the positions of those that could not be read."""
    kept: dict[int, Loaded] = {}
    failed: set[int] = set()
    texts: list[str] = []
    for k, item in enumerate(corpus.items):
        if isinstance(item, Record):
            continue
        try:
            got = load_entry(item)
        except InputError as e:
            errors.append(str(e))
            failed.add(k)
            continue
        texts.append(got.text)
        if item.text is not None or (item.path is not None and item.path.suffix.lower() in READERS):
            kept[k] = got
    if not texts:  # (records only: nothing to extract, and extraction loads spaCy)
        return {}, kept, failed
    from .extraction.pipeline import collect_sources

    return collect_sources(texts), kept, failed


def documents(corpus: Corpus, *, cfg: Config, jobs: int, progress: bool | None, errors: list[str],
              texts: dict[str, str] | None = None, spool: str | None = None) -> Iterator[Document]:
    """Every document of ``corpus`` in order: extracted (one corpus, with the configuration's lexicons), or as
    recorded when a manifest line holds a record. Problems are appended to ``errors`` (one line each) and never
    stop the others; ``texts`` (when given) gets each document's text, where known. With ``spool`` (a folder),
    a document longer than the pipeline's piece size comes as a :class:`~caresocial.io.spool.SpooledDocument`,
    its records written there as they were made."""
    from .io.spool import SpoolFolder
    from .watchdog import extract_limited

    sources, kept, failed = _first_pass(corpus, errors)
    loaded: dict[str, Loaded] = {}
    bar = _progress(len(corpus.items) - len(failed), progress)

    def items() -> Iterator[tuple[str, dict[str, Any]] | Document]:
        for k, item in enumerate(corpus.items):
            if isinstance(item, Record):
                if texts is not None and item.text is not None:
                    texts[item.document.doc_id] = item.text
                yield item.document
                continue
            if k in failed:
                continue
            try:
                got = kept.pop(k, None) or load_entry(item)
            except InputError as e:  # changed since the first pass
                errors.append(str(e))
                continue
            if texts is not None:
                texts[got.doc_id] = got.text
            loaded[got.doc_id] = got
            if not spool:
                yield got.text, got.options()
                continue
            from .extraction.pipeline import SPOOL  # (here: extraction loads spaCy, which records do not need)

            yield got.text, {**got.options(), SPOOL: SpoolFolder(spool)}

    try:
        for doc in extract_limited(items(), limits=cfg.limits, errors=errors, n_process=jobs, sources=sources,
                                   lexicons=cfg.lexicons or None):
            if bar is not None:
                bar.update(1)
            got = loaded.pop(doc.doc_id, None)
            if isinstance(doc, SpooledDocument):
                doc.head = got.finish(doc.head) if got is not None else doc.head
                yield doc  # type: ignore[misc]
            else:
                yield got.finish(doc) if got is not None else doc
    finally:
        if bar is not None:
            bar.close()


def documents_of(corpus: Corpus, *, cfg: Config, jobs: int, progress: bool | None, errors: list[str],
                 texts: dict[str, str] | None = None, scheduler: str | None = None,
                 spool: str | None = None) -> Iterator[Document]:
    """:func:`documents`, or the same on a Dask cluster when ``scheduler`` is given (``spool`` only without)."""
    if not scheduler:
        return documents(corpus, cfg=cfg, jobs=jobs, progress=progress, errors=errors, texts=texts, spool=spool)
    from .distributed import stream_documents

    return stream_documents(scheduler, corpus, cfg=cfg, jobs=jobs, errors=errors, texts=texts)


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


def _parquet_target(output: Path | None, inputs: list[Path]) -> Path:
    """Where ``--format parquet`` writes: checked before any work (pyarrow installed, ``--output`` given)."""
    from .io.frames import pyarrow_module

    if output is None:
        raise OutputError("--format parquet writes a binary file: give --output FILE")
    try:
        pyarrow_module()
    except ImportError:
        raise OutputError("--format parquet needs pyarrow: pip install 'caresocial[parquet]'") from None
    AtomicWriter(output, inputs)  # refuses to overwrite an input
    if not (output.parent if str(output.parent) else Path(".")).is_dir():
        raise OutputError(f"{output}: folder {output.parent} does not exist")
    return output


def _write_parquet(target: Path, obj: Any, table: str) -> None:
    from .io.frames import write_parquet

    try:
        write_parquet(target, obj, table)
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror or e})") from None


def check_extract_options(fmt: str, table: str | None, include_text: bool) -> None:
    """Options that cannot be honoured together are an error before any work, never silently ignored."""
    if include_text and fmt in ("csv", "parquet") and (table or "figures") != "documents":
        raise ConfigError(f"--include-text adds each document's text: with --format {fmt} use --table documents "
                          "(the figures, claims and quotes tables carry each record's own words in 'text')")


def run_extract(paths: Sequence[PathLike], *, fmt: str, output: Path | None, date: date | None,
                publisher: str | None, table: str | None, include_text: bool, jobs: int, config_path: Path | None,
                progress: bool | None, scheduler: str | None = None, stdin: BinaryIO | None = None,
                doc_timeout: float | None = None, doc_memory: int | None = None) -> int:
    """``caresocial extract``: 0 when every input was read, 2 when any could not be (or was over a limit).

    table: None writes whole documents (JSON, JSONL) or the figures table (CSV, Parquet); figures, claims,
        quotes or documents write that table's rows in any format (JSONL: one row a line)."""
    try:
        check_extract_options(fmt, table, include_text)
        cfg = load(config_path).with_limits(doc_timeout, doc_memory)
        corpus = corpus_of(paths, cfg, date, publisher, stdin)
        errors = corpus.errors
        inputs = [*corpus.files, *_settings_files(cfg)]
        texts: dict[str, str] | None = {} if include_text else None
        if fmt == "parquet":
            target = _parquet_target(output, inputs)
            docs = list(documents_of(corpus, cfg=cfg, jobs=jobs, progress=progress, errors=errors,
                                     scheduler=scheduler))
            _write_parquet(target, docs, table or "figures")
        else:
            # whole documents as JSON: a long document's records are written to a spool folder as they are
            # made and copied to the output from there (memory bounded by a piece of the document)
            with tempfile.TemporaryDirectory(prefix="caresocial-") as tmp, open_output(output, inputs) as out:
                spool = tmp if table is None and fmt in ("jsonl", "json") else None
                docs_iter = documents_of(corpus, cfg=cfg, jobs=jobs, progress=progress, errors=errors, texts=texts,
                                         scheduler=scheduler, spool=spool)
                write_extract(out, docs_iter, fmt, table, texts)
    except CaresocialError as e:
        say(str(e))
        return 2
    for line in errors:
        say(line)
    return 2 if errors else 0


def write_extract(out: TextIO, docs: Iterator[Document], fmt: str, table: str | None,
                  texts: dict[str, str] | None) -> None:
    """Documents (or, with ``table``, that table's rows) as JSONL, JSON or CSV."""
    def text_of(d: Document) -> str | None:
        return texts.pop(d.doc_id, None) if texts is not None else None

    if table is not None or fmt == "csv":
        name = table or "figures"
        records = _rows_with_text(docs, name, text_of)
        if fmt == "csv":
            cols = COLUMNS[name] + (("text",) if name == "documents" and texts is not None else ())
            out.write(to_csv(records, cols))
        elif fmt == "jsonl":
            out.writelines(row_json(r) + "\n" for r in records)
        else:
            out.write(f'{{"{name}":[')
            out.write(",".join(row_json(r) for r in records))
            out.write("]}\n")
    elif fmt == "jsonl":
        for d in docs:
            out.writelines(_json_parts(d, text_of(d)))
            out.write("\n")
    else:
        out.write('{"documents":[')
        for i, d in enumerate(docs):
            if i:
                out.write(",")
            out.writelines(_json_parts(d, text_of(d)))
        out.write("]}\n")


def _json_parts(doc: Document | SpooledDocument, text: str | None) -> Iterator[str]:
    """A document's JSON in pieces (a spooled document's records copied from its files, which are then deleted)."""
    if not isinstance(doc, SpooledDocument):
        yield from document_json_parts(doc, text)
        return
    try:
        yield from doc.json_parts(text)
    finally:
        doc.discard()


def _rows_with_text(docs: Iterator[Document], table: str, text_of: Any) -> Iterator[dict[str, Any]]:
    for d in docs:
        text = text_of(d)
        for row in rows([d], table):
            if table == "documents" and text is not None:
                row["text"] = text
            yield row


def fail_level(fail_on: str | None, cfg: Config) -> str:
    """The fail level: ``--fail-on`` when given, else the configuration's ``fail-on``, else warning."""
    return fail_on or cfg.fail_on or "warning"


def exit_code(report: Report, level: str) -> int:
    """2 when the report is incomplete (an unreadable input, a rule that crashed), else 1 when a finding is at
    or above ``level``, else 0."""
    if report.errors:
        return 2
    if level == "never":
        return 0
    failing = {"error"} if level == "error" else {"error", "warning"}
    return 1 if any(f.severity in failing for f in report.findings) else 0


def _baseline_target(write_baseline: Path | None, output: Path | None, inputs: list[Path]) -> None:
    """Checked before any work: the new baseline may overwrite neither an input nor the output."""
    if write_baseline is None:
        return
    if output is not None and os.path.realpath(output) == os.path.realpath(write_baseline):
        raise OutputError(f"{output}: --output and --write-baseline name the same file")
    AtomicWriter(write_baseline, inputs)  # raises OutputError when it would overwrite one


def check_corpus(corpus: Corpus, cfg: Config, *, jobs: int, progress: bool | None, texts: dict[str, str],
                 show_agreements: bool, baseline: set[str] | None, scheduler: str | None) -> Report:
    """The checker's report on ``corpus``, with every problem met reading it among its ``errors`` (so that JSON
    and SARIF outputs show what was skipped)."""
    from .consistency.checker import check

    errors: list[str] = list(corpus.errors)
    if scheduler:  # claims are compared on the cluster; only findings (and the texts they cite) come back
        from .distributed import check_paths

        report = check_paths(scheduler, corpus, cfg=cfg, jobs=jobs, errors=errors, texts=texts,
                             show_agreements=show_agreements, baseline=baseline)
    else:
        docs = list(documents(corpus, cfg=cfg, jobs=jobs, progress=progress, errors=errors, texts=texts))
        errors.extend(_unknown_suppressions(docs))
        report = check(docs, cfg, show_agreements=show_agreements, baseline=baseline)
    return report.updated(errors=(*errors, *report.errors)) if errors else report


def run_check(paths: Sequence[PathLike], *, fmt: str, output: Path | None, fail_on: str | None,
              baseline: Path | None, write_baseline: Path | None, show_agreements: bool, date: date | None,
              publisher: str | None, jobs: int, config_path: Path | None, progress: bool | None,
              scheduler: str | None = None, stdin: BinaryIO | None = None, doc_timeout: float | None = None,
              doc_memory: int | None = None) -> int:
    """``caresocial check``: 0 clean, 1 findings at or above the fail level, 2 input or usage errors.

    fail_on: error, warning or never; None takes the configuration's ``fail-on`` (default warning)."""
    from .io.baseline import load_baseline, write_baseline_file
    from .io.render import render

    try:
        cfg = load(config_path).with_limits(doc_timeout, doc_memory)
        accepted = load_baseline(baseline) if baseline is not None else None
        corpus = corpus_of(paths, cfg, date, publisher, stdin)
        inputs = [*corpus.files, *_settings_files(cfg, baseline)]
        # where results go is checked before any work: neither may overwrite an input, nor each other
        target = _parquet_target(output, inputs) if fmt == "parquet" else None
        sink = open_output(output, inputs) if target is None else None
        _baseline_target(write_baseline, output, [*corpus.files, *_settings_files(cfg)])
        texts: dict[str, str] = {}
        report = check_corpus(corpus, cfg, jobs=jobs, progress=progress, texts=texts,
                              show_agreements=show_agreements, baseline=accepted, scheduler=scheduler)
        if write_baseline is not None:
            write_baseline_file(write_baseline, report, [*corpus.files, *_settings_files(cfg)])
        if target is not None:
            _write_parquet(target, report, "findings")
        else:
            with sink as out:
                out.write(render(report, fmt, texts))
    except CaresocialError as e:
        say(str(e))
        return 2
    for line in report.errors:
        say(line)
    return exit_code(report, fail_level(fail_on, cfg))


def run_report(paths: Sequence[PathLike], *, output: Path, date: date | None, publisher: str | None, jobs: int,
               config_path: Path | None, progress: bool | None, stdin: BinaryIO | None = None,
               doc_timeout: float | None = None, doc_memory: int | None = None) -> int:
    """``caresocial report``: extract and check like ``check``, then write the page to ``output``.

    RETURNS: 0 when written, 2 on input or configuration errors (the page still covers the readable documents
    and lists the problems, unless the configuration itself is bad).
    """
    from .consistency.checker import check
    from .io.report_html import write_report

    errors: list[str] = []
    try:
        cfg = load(config_path).with_limits(doc_timeout, doc_memory)
        corpus = corpus_of(paths, cfg, date, publisher, stdin)
        errors = corpus.errors
        sink = open_output(output, [*corpus.files, *_settings_files(cfg)])
        texts: dict[str, str] = {}
        docs = list(documents(corpus, cfg=cfg, jobs=jobs, progress=progress, errors=errors, texts=texts))
        report = check(docs, cfg)
        problems = [*errors, *report.errors]
        with sink as out:
            write_report(out, docs, report, texts, problems)
    except CaresocialError as e:
        say(str(e))
        return 2
    for line in problems:
        say(line)
    return 2 if errors else 0
