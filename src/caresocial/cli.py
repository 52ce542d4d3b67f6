"""The ``caresocial`` command: extract, check, report, schema.

Exit codes follow linter conventions: 0 nothing to report, 1 findings at or above the fail level, 2 the
tool could not do all it was asked (a bad path, an unreadable file, bad configuration). Heavy modules are
imported inside the commands so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import atexit
import gc
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from . import __version__

app = typer.Typer(
    name="caresocial",
    help="Extract checkable figures, quotes and claims from policy documents, and check them for consistency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Command(TyperCommand):
    """A command whose help reads like a man page: ``Usage: caresocial check [OPTIONS] PATH...`` and arguments
    listed by their metavar, without the Python types that typer adds (``{paths}...``, ``<list[str]>``)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_argument_name(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args = [(_argument_name(p), _argument_help(p)) for p in self.get_params(ctx)
                if p.param_type_name == "argument" and not getattr(p, "hidden", False)]
        opts = [rv for p in self.get_params(ctx) if p.param_type_name == "option"
                for rv in [p.get_help_record(ctx)] if rv is not None]
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)


def _argument_name(param: Any) -> str:
    name = param.metavar or (param.name or "").upper()
    name = name if param.nargs == 1 or name.endswith("...") else f"{name}..."
    return name if param.required else f"[{name}]"


def _argument_help(param: Any) -> str:
    help_text = getattr(param, "help", None) or ""
    if param.required:
        return f"{help_text}  [required]" if help_text else "[required]"
    default = param.default
    return f"{help_text}  [default: {default}]" if default not in (None, ()) else help_text


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


class Table(str, Enum):
    figures = "figures"
    claims = "claims"
    quotes = "quotes"
    documents = "documents"


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
    from .dates import DateError, parse_date

    try:
        return parse_date(value)
    except DateError as e:
        raise typer.BadParameter(str(e), param_hint="--date") from None


PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH...", show_default=False,
    help="Files, folders (searched recursively for .txt, .md, .html, .pdf and .docx) and manifests (.jsonl: one "
    "document a line with its text or path, doc_id, date, publisher, title, url; or records written by "
    "'caresocial extract'); '-' reads a manifest from standard input.")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", metavar="DATE", help="Date of the documents that have none of their own (YYYY, YYYY-MM or YYYY-MM-DD).")]
PublisherOpt = Annotated[str | None, typer.Option(
    "--publisher", metavar="NAME", help="Publisher of the documents that have none of their own.")]
def _at_least_one(value: int) -> int:
    if value < 1:
        raise typer.BadParameter(f"{value} is not a number of processes (1 or more)")
    return value


JobsOpt = Annotated[int, typer.Option("--jobs", "-j", metavar="N", callback=_at_least_one,
                                      help="Worker processes (1 or more).")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE", help="Configuration file (caresocial.toml or pyproject.toml).")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout.")]
ProgressOpt = Annotated[bool | None, typer.Option(
    "--progress/--no-progress", show_default=False, help="Progress bar on stderr (default: on a terminal, 20+ "
    "documents).")]
def _not_negative(value: float | None) -> float | None:
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value:g} is not a limit (0 for none, or more)")
    return value


DocTimeoutOpt = Annotated[float | None, typer.Option(
    "--doc-timeout", metavar="SECONDS", callback=_not_negative, show_default=False,
    help="Time limit per document (default 60, or doc-timeout in the configuration; 0 for none). A document over "
    "it gets one line on stderr and no results; the others are kept; exit code 2.")]
DocMemoryOpt = Annotated[int | None, typer.Option(
    "--doc-memory", metavar="MIB", callback=_not_negative, show_default=False,
    help="Memory limit per document in MiB on top of the loaded pipeline (default 4096 on Linux, or doc-memory in "
    "the configuration; 0 for none; Linux only). Same handling as --doc-timeout.")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS", envvar="CARESOCIAL_SCHEDULER", show_envvar=True,
    help="Run on the Dask cluster at this address (tcp://host:8786 or a scheduler file); 'local' starts one here "
    "with --jobs workers (default: one per core). Needs caresocial[dask]; same results as without.")]


def _stdin(paths: list[str]) -> Any:
    """Standard input as bytes, for a '-' among the paths."""
    return sys.stdin.buffer if "-" in paths else None


@app.command(cls=Command)
def extract(
    paths: PathsArg,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    output: OutputOpt = None,
    date_: DateOpt = None,
    publisher: PublisherOpt = None,
    table: Annotated[Table | None, typer.Option(
        "--table", show_default=False,
        help="Write the rows of this table instead of whole documents (CSV and Parquet: default figures).")] = None,
    include_text: Annotated[bool, typer.Option(
        "--include-text", help="Add each document's text (the text offsets refer to) to JSON/JSONL documents, or "
        "a text column to --table documents.")] = False,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    progress: ProgressOpt = None,
    scheduler: SchedulerOpt = None,
    doc_timeout: DocTimeoutOpt = None,
    doc_memory: DocMemoryOpt = None,
) -> None:
    """Extract figures, quotes and claims as JSONL (one document a line), JSON, CSV or Parquet."""
    from .runner import run_extract

    code = run_extract(paths, fmt=fmt.value, output=output, date=_parse_date(date_), publisher=publisher,
                       table=table.value if table else None, include_text=include_text, jobs=jobs,
                       config_path=config, progress=progress, scheduler=scheduler or None, stdin=_stdin(paths),
                       doc_timeout=doc_timeout, doc_memory=doc_memory)
    raise typer.Exit(code)


@app.command(cls=Command)
def check(
    paths: PathsArg,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    output: OutputOpt = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", show_default=False,
        help="Lowest severity that fails the run (default: the configuration's fail-on, else warning).")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", metavar="FILE",
                                                  help="Accept the findings in this file.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", metavar="FILE",
                                                        help="Write today's findings here.")] = None,
    show_agreements: Annotated[bool, typer.Option("--show-agreements", help="Also list confirmations.")] = False,
    date_: DateOpt = None,
    publisher: PublisherOpt = None,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    progress: ProgressOpt = None,
    scheduler: SchedulerOpt = None,
    doc_timeout: DocTimeoutOpt = None,
    doc_memory: DocMemoryOpt = None,
) -> None:
    """Compare the claims of the documents and report where they disagree.

    Records written by 'caresocial extract' (a .jsonl file, or '-' on standard input) are checked as they are,
    without extracting again.
    """
    from .runner import run_check

    code = run_check(paths, fmt=fmt.value, output=output, fail_on=fail_on.value if fail_on else None,
                     baseline=baseline, write_baseline=write_baseline, show_agreements=show_agreements,
                     date=_parse_date(date_), publisher=publisher, jobs=jobs, config_path=config, progress=progress,
                     scheduler=scheduler or None, stdin=_stdin(paths), doc_timeout=doc_timeout,
                     doc_memory=doc_memory)
    raise typer.Exit(code)


@app.command(cls=Command)
def report(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="HTML file to write.")],
    date_: DateOpt = None,
    publisher: PublisherOpt = None,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    progress: ProgressOpt = None,
    doc_timeout: DocTimeoutOpt = None,
    doc_memory: DocMemoryOpt = None,
) -> None:
    """Write one self-contained HTML page: the documents with their figures highlighted, and every finding."""
    from .runner import run_report

    code = run_report(paths, output=output, date=_parse_date(date_), publisher=publisher, jobs=jobs,
                      config_path=config, progress=progress, stdin=_stdin(paths), doc_timeout=doc_timeout,
                      doc_memory=doc_memory)
    raise typer.Exit(code)


@app.command(cls=Command)
def schema(
    name: Annotated[str, typer.Argument(
        metavar="NAME", help="Document, Figure, Quote, Claim, Speaker, Finding, Report, Manifest, Extraction, "
        "Table, Baseline, FiguresTable, ClaimsTable, QuotesTable or DocumentsTable (any case).")] = "Document",
) -> None:
    """Print the JSON Schema of a record, an output or a manifest line."""
    import json

    from .io.schemas import NAMES, schema_of

    try:
        found = schema_of(name)
    except KeyError:
        _err(f"unknown schema {name!r}; choose one of {', '.join(NAMES)}")
        raise typer.Exit(2) from None
    typer.echo(json.dumps(found, indent=2, ensure_ascii=False))


def main() -> None:
    """Console entry point."""
    # When the process ends, everything the command made (spaCy's ~100,000 objects, the compiled patterns) is
    # frozen, so the interpreter's collections at exit skip it instead of walking it (0.2-0.3 s of every command
    # that loaded spaCy). Registered first, it runs after every other exit handler; the outputs are closed by
    # then, and nothing else needs collecting from a process that is ending.
    atexit.register(gc.freeze)
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
