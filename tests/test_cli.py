"""The command line: exit codes, one-line errors, output files, JSON contract."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from caresocial.cli import app

from .conftest import FIXTURES

SEEDS = sorted(FIXTURES.glob("seed*.txt"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "caresocial", *args], capture_output=True, text=True, cwd=cwd)


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("caresocial ")
    out = run("--help").stdout
    for cmd in ("extract", "check", "schema"):
        assert cmd in out


def test_check_seeds_finds_conflicts_and_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    p = run("check", *map(str, SEEDS), "--format", "json", "-o", str(out))
    assert p.returncode == 1, p.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    rules = {f["rule"] for f in data["findings"]}
    assert rules == {"time-conflict"}
    for f in data["findings"]:
        assert f["severity"] and f["message"]
        assert all({"doc_id", "start", "end"} <= set(c) for c in f["claims"])


def test_check_consistent_folder_exits_0() -> None:
    p = run("check", str(FIXTURES / "consistent"))
    assert p.returncode == 0, p.stdout + p.stderr


def test_fail_on_levels(tmp_path: Path) -> None:
    args = ["check", *map(str, SEEDS)]
    assert run(*args, "--fail-on", "never").returncode == 0
    assert run(*args, "--fail-on", "error").returncode == 0  # time conflicts are warnings
    assert run(*args, "--fail-on", "warning").returncode == 1


def test_missing_path_exits_2_with_one_line(tmp_path: Path) -> None:
    p = run("check", str(tmp_path / "nope"))
    assert p.returncode == 2
    assert p.stderr.strip() == f"caresocial: {tmp_path / 'nope'}: no such file or folder"


def test_bad_file_does_not_cost_the_others_their_results(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Councils spent £11.3 billion in 2021/22.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd not text \x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 costs \xa35m".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    p = run("extract", str(tmp_path), "-o", str(out))
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("caresocial: ") for line in lines)
    assert "Traceback" not in p.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["doc_id"] for d in docs] == ["good"]
    assert docs[0]["figures"][0]["value"] == 11_300_000_000


def test_checking_records_does_not_load_spacy(tmp_path: Path) -> None:
    """Records written by extract are checked as they are: the command never imports spaCy (its import alone
    takes most of a second)."""
    records = tmp_path / "records.jsonl"
    assert run("extract", *map(str, SEEDS), "-o", str(records)).returncode == 0
    code = ("import sys, runpy; sys.argv = ['caresocial', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('caresocial', run_name='__main__')\n"
            "finally:\n    print('spacy' in sys.modules, file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code, "check", str(records), "-f", "json"], capture_output=True,
                       text=True)
    assert p.returncode == 1 and {f["rule"] for f in json.loads(p.stdout)["findings"]} == {"time-conflict"}
    assert p.stderr.strip() == "False"


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("£5m", encoding="utf-8")
    p = run("extract", str(doc), "-o", str(doc))
    assert p.returncode == 2 and "refusing to overwrite an input" in p.stderr
    assert doc.read_text(encoding="utf-8") == "£5m"


def test_bad_date_and_bad_config_are_usage_errors(tmp_path: Path) -> None:
    assert run("extract", str(FIXTURES), "--date", "23/05/2022").returncode == 2
    cfg = tmp_path / "caresocial.toml"
    cfg.write_text('disable = ["nope"]\n', encoding="utf-8")
    p = run("check", str(FIXTURES), "--config", str(cfg))
    assert p.returncode == 2 and "disable: unknown rule id 'nope'" in p.stderr


def test_baseline_round_trip(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    assert run("check", *map(str, SEEDS), "--write-baseline", str(base)).returncode == 1
    assert json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert run("check", *map(str, SEEDS), "--baseline", str(base)).returncode == 0
    base.write_text("{not json", encoding="utf-8")
    p = run("check", *map(str, SEEDS), "--baseline", str(base))
    assert p.returncode == 2 and "baseline is not valid JSON" in p.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_extract_formats(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    assert run("extract", str(FIXTURES / "seed003.txt"), "--format", fmt, "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        assert text.splitlines()[0].startswith("doc_id,id,kind,text,start,end,value")
        assert "£2.6bn" in text
    else:
        doc = json.loads(text)["documents"][0] if fmt == "json" else json.loads(text.splitlines()[0])
        assert doc["doc_id"] == "seed003" and doc["date"] == "2023-02-02"


def test_schema_command() -> None:
    p = run("schema", "Figure")
    schema = json.loads(p.stdout)
    assert schema["title"] == "Figure" and "value" in schema["properties"]
    assert run("schema", "Nope").returncode == 2


# ------------------------------------------------------------------------------------------------------
# issue #19: the rough edges a new user hits, each with the test that failed before it was fixed
# ------------------------------------------------------------------------------------------------------
def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr.splitlines()


def test_fail_on_from_the_command_line_wins_over_the_configuration(tmp_path: Path) -> None:
    cfg = tmp_path / "caresocial.toml"
    cfg.write_text('fail-on = "never"\n', encoding="utf-8")
    args = ["check", *map(str, SEEDS), "--config", str(cfg)]
    assert invoke(*args)[0] == 0  # the configuration's level when the flag is not given
    assert invoke(*args, "--fail-on", "warning")[0] == 1  # time conflicts are warnings
    cfg.write_text('fail-on = "warning"\n', encoding="utf-8")
    assert invoke(*args, "--fail-on", "never")[0] == 0
    assert invoke(*args, "--fail-on", "error")[0] == 0


def test_an_unreadable_file_named_on_the_command_line_is_one_error_among_results(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a non-root user sees it (the tests may run as root, who can read anything): the file is not readable."""
    import os as os_module

    good, secret = tmp_path / "good.txt", tmp_path / "secret.txt"
    good.write_text("Councils spent £11.3 billion in 2021/22.", encoding="utf-8")
    secret.write_text("x", encoding="utf-8")
    real_access, real_read = os_module.access, Path.read_bytes

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if Path(path) == secret else real_access(path, mode, *args, **kwargs)

    def read_bytes(self: Path) -> bytes:
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os_module, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out, err = invoke("extract", str(good), str(secret))
    assert code == 2 and err == [f"caresocial: {secret}: permission denied"]
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["good"]


def test_skipped_inputs_are_in_the_json_errors_and_sarif_notifications(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    args = ["check", *map(str, SEEDS), str(tmp_path / "bad.txt"), str(missing)]
    problems = [f"{missing}: no such file or folder", f"{tmp_path / 'bad.txt'}: binary file (NUL bytes), skipped"]
    code, out, err = invoke(*args, "--format", "json")
    data = json.loads(out)
    assert code == 2 and data["errors"] == problems and data["summary"]["errors"] == 2 and data["findings"]
    assert err == [f"caresocial: {p}" for p in problems]
    code, out, _ = invoke(*args, "--format", "sarif")
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert code == 2 and invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == problems


def test_dir_shows_the_public_names() -> None:
    import caresocial

    names = dir(caresocial)
    for name in ("extract", "extract_many", "check", "collect_sources", "to_dataframe", "Document", "Figure",
                 "Report", "InputError", "DateError", "__version__"):
        assert name in names and (name.startswith("_") or name in caresocial.__all__)


def test_quotes_table_as_jsonl_rows_with_the_quoted_words() -> None:
    code, out, err = invoke("extract", str(FIXTURES / "seed003.txt"), "--table", "quotes", "--format", "jsonl")
    assert (code, err) == (0, [])
    rows = [json.loads(line) for line in out.splitlines()]
    text = (FIXTURES / "seed003.txt").read_text(encoding="utf-8")
    assert rows and all(r["text"] == text[r["start"]:r["end"]] != "" for r in rows)
    assert list(rows[0]) == ["doc_id", "id", "kind", "speaker", "role", "org", "start", "end", "text", "cue",
                             "parent", "page"]
    code, out, _ = invoke("extract", str(FIXTURES / "seed003.txt"), "--table", "quotes", "--format", "csv")
    assert out.splitlines()[0] == "doc_id,id,kind,speaker,role,org,start,end,text,cue,parent,page"
    code, out, _ = invoke("extract", str(FIXTURES / "seed003.txt"), "--table", "claims", "--format", "json")
    assert [r["id"] for r in json.loads(out)["claims"]][:2] == ["c1", "c2"]


def test_include_text_in_csv_works_for_the_documents_table_and_is_refused_otherwise() -> None:
    code, out, err = invoke("extract", str(FIXTURES / "seed003.txt"), "--format", "csv", "--table", "documents",
                            "--include-text")
    assert (code, err) == (0, [])
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["text"] == (FIXTURES / "seed003.txt").read_text(encoding="utf-8")
    assert (row["doc_id"], row["date"], row["date_source"]) == ("seed003", "2023-02-02", "dateline")
    code, out, err = invoke("extract", str(FIXTURES / "seed003.txt"), "--format", "csv", "--include-text")
    assert code == 2 and out == "" and err == [
        "caresocial: --include-text adds each document's text: with --format csv use --table documents (the "
        "figures, claims and quotes tables carry each record's own words in 'text')"]


def test_csv_booleans_are_lower_case() -> None:
    code, out, _ = invoke("extract", str(FIXTURES / "seed003.txt"), "--format", "csv")
    approx = {row["approx"] for row in csv.DictReader(io.StringIO(out))}
    assert code == 0 and approx == {"true", "false"}


@pytest.mark.parametrize("name", ["figure", "FIGURE", "Figure", "report", "manifest", "figurestable"])
def test_schema_names_in_any_case(name: str) -> None:
    code, out, _ = invoke("schema", name)
    assert code == 0 and json.loads(out)["title"].lower() == name.lower()


def test_unknown_schema_lists_the_names() -> None:
    code, _, err = invoke("schema", "Nope")
    assert code == 2 and err == ["caresocial: unknown schema 'Nope'; choose one of Document, Figure, Quote, Claim, "
                                 "Speaker, Finding, Report, Manifest, Extraction, FiguresTable, ClaimsTable, "
                                 "QuotesTable, DocumentsTable, Table, Baseline"]


@pytest.mark.parametrize("command", [[], ["extract"], ["check"], ["report"], ["schema"]])
def test_help_is_clean_usage(command: list[str]) -> None:
    code, out, _ = invoke(*command, "--help")
    assert code == 0
    for noise in ("{", "<list[", "<int range>", "x>=1", "<str>", "<path>", "paths..."):
        assert noise not in out, (noise, out)
    if command and command != ["schema"]:
        assert f"Usage: caresocial {command[0]} [OPTIONS] PATH...\n" in out
        assert "\n  PATH...  " in out


def test_jobs_below_one_is_a_usage_error() -> None:
    code, _, err = invoke("extract", str(FIXTURES / "seed003.txt"), "-j", "0")
    assert code == 2 and "0 is not a number of processes (1 or more)" in "\n".join(err)


def test_sarif_context_snippets_start_and_end_at_word_boundaries() -> None:
    from caresocial.io.render import render
    from caresocial.models import ClaimRef, ClaimTime, Finding, Report

    line = ("Councillors across the country have warned repeatedly that spending on placements has risen " * 2
            + "to £8.2bn this year according to the latest returns from authorities in every region of England " * 2)
    start = line.index("£8.2bn")
    ref = ClaimRef(doc_id="a", claim="c1", start=start, end=start + 6, line=1, column=start + 1, path="a.txt",
                   text="£8.2bn", sentence=line, value=8.2e9, unit="GBP", time=ClaimTime(relation="at", year=2024))
    report = Report(findings=(Finding(rule="value-conflict", severity="error", message="m", measure="spending",
                                      claims=(ref, ref.model_copy(update={"doc_id": "b"})), fingerprint="f"),))
    loc = json.loads(render(report, "sarif", {"a": line, "b": line}))["runs"][0]["results"][0]["locations"][0]
    context = loc["physicalLocation"]["contextRegion"]
    snippet = context["snippet"]["text"]
    lo = context["charOffset"]
    assert line[lo:lo + context["charLength"]] == snippet and "£8.2bn" in snippet
    assert line[lo - 1] == " " and line[lo + len(snippet)] == " "
    assert context["startColumn"] == lo + 1 and 100 <= len(snippet) <= 200


def test_configured_lexicons_reach_extraction_with_and_without_jobs(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import caresocial.extraction.pipeline as pipeline
    from caresocial.config import Config
    from caresocial.runner import corpus_of, documents

    seen: list[tuple[int, Any]] = []
    real = pipeline.extract_many

    def spy(items: Any, **kwargs: Any) -> Any:
        seen.append((kwargs.get("n_process", 1), kwargs.get("lexicons")))
        return real(items, **{**kwargs, "lexicons": None, "n_process": 1})

    monkeypatch.setattr(pipeline, "extract_many", spy)
    # without per-document limits, extraction runs here: the spy sees the calls
    cfg = Config(lexicons={"reporting_verbs": ["contend"]}, doc_timeout=0, doc_memory=0)
    for jobs in (1, 2):
        docs = list(documents(corpus_of([FIXTURES / "seed003.txt"], cfg, None, None), cfg=cfg, jobs=jobs,
                              progress=False, errors=[]))
        assert [d.doc_id for d in docs] == ["seed003"]
    assert seen == [(1, {"reporting_verbs": ["contend"]}), (2, {"reporting_verbs": ["contend"]})]
    # under the limits, the lexicons reach the supervisor, whose workers extract with them
    from caresocial import watchdog

    supervised: list[tuple[int, Any]] = []

    class Supervisor:
        def __init__(self, limits: Any, jobs: int = 1, model: Any = None, lexicons: Any = None) -> None:
            supervised.append((jobs, lexicons))

        def __enter__(self) -> Any:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def run(self, items: Any, sources: Any = None) -> Any:
            return real(items, sources=sources)

    monkeypatch.setattr(watchdog, "Supervisor", Supervisor)
    cfg = Config(lexicons={"reporting_verbs": ["contend"]}, doc_timeout=5)
    for jobs in (1, 2):
        docs = list(documents(corpus_of([FIXTURES / "seed003.txt"], cfg, None, None), cfg=cfg, jobs=jobs,
                              progress=False, errors=[]))
        assert [d.doc_id for d in docs] == ["seed003"]
    assert supervised == [(1, {"reporting_verbs": ["contend"]}), (2, {"reporting_verbs": ["contend"]})]


def test_no_import_cycle_between_runner_and_distributed_and_no_private_imports_in_the_io_layer() -> None:
    import ast

    src = FIXTURES.parent / "src" / "caresocial"

    def imports(path: Path) -> list[tuple[str, list[str]]]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return [(("." * n.level) + (n.module or ""), [a.name for a in n.names]) for n in ast.walk(tree)
                if isinstance(n, ast.ImportFrom)]

    # the runner hands --scheduler to distributed (imported when asked for); nothing below the runner imports it
    lower = [src / "distributed.py", *sorted((src / "io").glob("*.py"))]
    for path in lower:
        assert not any(m.endswith("runner") or "runner" in names for m, names in imports(path)), path.name
    mine = [src / "cli.py", src / "runner.py", src / "dates.py", src / "__init__.py", *lower[1:]]
    for path in mine:
        for module, names in imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            assert not private, f"{path.name} imports {private} from {module}"


@pytest.mark.parametrize("limits", [[], ["--doc-timeout", "0", "--doc-memory", "0"]])
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_long_document_streamed_as_in_one_piece(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str,
                                                limits: list[str]) -> None:
    """A document longer than the piece size is written from its spool files (in a supervised worker or not):
    the same output as the API's record of it, with --include-text, and no spool file left behind."""
    import caresocial
    from caresocial.extraction import pipeline
    from caresocial.io.output import document_json

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 12_000)
    import tempfile

    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    from caresocial.io.spool import SpooledDocument

    seen: list[str] = []
    real = SpooledDocument.discard
    monkeypatch.setattr(SpooledDocument, "discard", lambda self: seen.extend(self.paths.values()) or real(self))
    code, out, _ = invoke("extract", str(path), "-f", fmt, "--include-text", *limits)
    assert code == 0
    expected = document_json(caresocial.extract(path), text)
    assert (out.strip() if fmt == "jsonl" else json.dumps(json.loads(out)["documents"][0], ensure_ascii=False,
                                                          separators=(",", ":"))) == expected
    assert len(seen) == 3 and all(Path(p).parent.parent == spools for p in seen)  # spooled, and removed after
    assert not list(spools.iterdir())
