"""The ``caresocial`` command: extract, check, report, schema.

Exit codes follow linter conventions: 0 nothing to report, 1 findings at or above the fail level, 2 the
tool could not do all it was asked (a bad path, an unreadable file, bad configuration). Heavy modules are
imported inside the commands so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="caresocial",
    help="Extract checkable figures, quotes and claims from policy documents, and check them for consistency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


class Table(str, Enum):
    figures = "figures"
    claims = "claims"
    quotes = "quotes"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    csv = "csv"
    parquet = "parquet"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


def _err(message: str) -> None:
    typer.echo(f"caresocial: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"caresocial {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """caresocial: figures, quotes and claims from policy documents, checked for consistency."""


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--date") from None


PathsArg = Annotated[list[Path], typer.Argument(
    help="Files or folders (searched recursively for .txt, .md, .html, .pdf and .docx).")]
DateOpt = Annotated[str | None, typer.Option("--date", help="Document date (YYYY-MM-DD) for every input.")]
PublisherOpt = Annotated[str | None, typer.Option("--publisher", help="Publisher of every input.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Configuration file (caresocial.toml or pyproject.toml).")]  # noqa: E501
DocTimeoutOpt = Annotated[float | None, typer.Option(
    "--doc-timeout", min=0, metavar="SECONDS",
    help="Time limit per document (default 60, or doc-timeout in the configuration; 0 for none). A document over it "
    "gets one line on stderr and no results; the others are kept; exit code 2.")]
DocMemoryOpt = Annotated[int | None, typer.Option(
    "--doc-memory", min=0, metavar="MIB",
    help="Memory limit per document in MiB on top of the loaded pipeline (default 4096 on Linux, or doc-memory in "
    "the configuration; 0 for none; Linux only). Same handling as --doc-timeout.")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", envvar="CARESOCIAL_SCHEDULER", show_envvar=True,
    help="Run on the Dask cluster at this address (tcp://host:8786 or a scheduler file); 'local' starts one here "
    "with --jobs workers (default: one per core). Needs caresocial[dask]; same results as without.")]


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date_: DateOpt = None,
    publisher: PublisherOpt = None,
    table: Annotated[Table, typer.Option("--table", help="Rows of the CSV or Parquet output.")] = Table.figures,
    include_text: Annotated[bool, typer.Option(
        "--include-text", help="Add each document's text (the text offsets refer to) to JSON/JSONL.")] = False,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = None,
    scheduler: SchedulerOpt = None,
    doc_timeout: DocTimeoutOpt = None,
    doc_memory: DocMemoryOpt = None,
) -> None:
    """Extract figures, quotes and claims as JSONL (one document a line), JSON, CSV or Parquet."""
    from .runner import run_extract

    code = run_extract(paths, fmt=fmt.value, output=output, date=_parse_date(date_), publisher=publisher,
                       table=table.value, include_text=include_text, jobs=jobs, config_path=config,
                       progress=progress, scheduler=scheduler or None, doc_timeout=doc_timeout, doc_memory=doc_memory)
    raise typer.Exit(code)


@app.command()
def check(
    paths: PathsArg,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that fails the run.")] = FailOn.warning,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Accept the findings in this file.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="Write today's findings here.")] = None,  # noqa: E501
    show_agreements: Annotated[bool, typer.Option("--show-agreements", help="Also list confirmations.")] = False,
    date_: DateOpt = None,
    publisher: PublisherOpt = None,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = None,
    scheduler: SchedulerOpt = None,
    doc_timeout: DocTimeoutOpt = None,
    doc_memory: DocMemoryOpt = None,
) -> None:
    """Compare the claims of the documents and report where they disagree."""
    from .runner import run_check

    code = run_check(paths, fmt=fmt.value, output=output, fail_on=fail_on.value, baseline=baseline,
                     write_baseline=write_baseline, show_agreements=show_agreements, date=_parse_date(date_),
                     publisher=publisher, jobs=jobs, config_path=config, progress=progress,
                     scheduler=scheduler or None, doc_timeout=doc_timeout, doc_memory=doc_memory)
    raise typer.Exit(code)


@app.command()
def report(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    date_: DateOpt = None,
    publisher: PublisherOpt = None,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = None,
    doc_timeout: DocTimeoutOpt = None,
    doc_memory: DocMemoryOpt = None,
) -> None:
    """Write one self-contained HTML page: the documents with their figures highlighted, and every finding."""
    from .io.report_html import run_report

    code = run_report(paths, output=output, date=_parse_date(date_), publisher=publisher, jobs=jobs,
                      config_path=config, progress=progress, doc_timeout=doc_timeout, doc_memory=doc_memory)
    raise typer.Exit(code)


@app.command()
def schema(
    model: Annotated[str, typer.Argument(help="Document, Figure, Quote, Claim, Finding or Report.")] = "Document",
) -> None:
    """Print the JSON Schema of a record."""
    import json

    from . import models

    cls = getattr(models, model, None)
    if cls is None or not isinstance(cls, type) or not issubclass(cls, models.Record):
        _err(f"unknown record {model!r}; choose Document, Figure, Quote, Claim, Finding or Report")
        raise typer.Exit(2)
    typer.echo(json.dumps(cls.model_json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
