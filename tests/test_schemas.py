"""Every JSON output validates against the schema ``caresocial schema NAME`` prints for it (issue #19)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import caresocial
from caresocial.cli import app
from caresocial.io.schemas import NAMES, schema_of

from .conftest import FIXTURES

jsonschema = pytest.importorskip("jsonschema")

SEEDS = sorted(FIXTURES.glob("seed*.txt"))


def printed_schema(name: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema", name])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def errors_of(instance: Any, name: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(printed_schema(name))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)][:5]


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def extract_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seeds, and a memo with front matter and a quote, so that every field has values."""
    folder = tmp_path_factory.mktemp("in")
    (folder / "memo.md").write_text("---\ntitle: Memo\npublisher: Carers Trust\ndate: 2021-06\nurl: https://e.org\n"
                                    "---\nCouncils spent £5m last year. “We need £2m more,” said Ann Lee, chief "
                                    "executive of Carers Trust.\n", encoding="utf-8")
    return [*map(str, SEEDS), str(folder)]


@pytest.mark.parametrize("include_text", [False, True])
def test_extract_jsonl_lines_are_documents(extract_args: list[str], include_text: bool) -> None:
    code, out = run("extract", *extract_args, *(["--include-text"] if include_text else []))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 6 and all(("text" in d) == include_text for d in lines)
    for doc in lines:
        assert errors_of(doc, "Document") == []


def test_extract_json_is_an_extraction(extract_args: list[str]) -> None:
    code, out = run("extract", *extract_args, "--format", "json")
    assert code == 0 and errors_of(json.loads(out), "Extraction") == []


@pytest.mark.parametrize(("table", "name"), [("figures", "FiguresTable"), ("claims", "ClaimsTable"),
                                             ("quotes", "QuotesTable"), ("documents", "DocumentsTable")])
def test_table_rows_as_jsonl(extract_args: list[str], table: str, name: str) -> None:
    code, out = run("extract", *extract_args, "--table", table, "--format", "jsonl", "--include-text")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows
    for row in rows:
        assert errors_of(row, name) == []


@pytest.mark.parametrize("agreements", [False, True])
def test_check_json_is_a_report(agreements: bool, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    code, out = run("check", *map(str, SEEDS), str(tmp_path / "bad.txt"), "--format", "json",
                    *(["--show-agreements"] if agreements else []))
    report = json.loads(out)
    assert code == 2 and report["findings"] and report["errors"]
    assert errors_of(report, "Report") == []


def test_a_report_dumped_from_python_is_a_report() -> None:
    docs = [caresocial.extract(p) for p in SEEDS]
    dumped = json.loads(caresocial.check(docs).model_dump_json())
    assert dumped["findings"] and errors_of(dumped, "Report") == []


@pytest.mark.parametrize("line", [
    {"text": "It cost £5m."},
    {"path": "docs/a.txt", "doc_id": "a", "date": "2024-11", "publisher": "P", "title": "T", "url": "https://e"},
    {"path": "a.html", "date": None, "publisher": None},
])
def test_manifest_lines_the_reader_takes_validate(line: dict[str, Any]) -> None:
    assert errors_of(line, "Manifest") == []


@pytest.mark.parametrize("line", [
    {"publisher": "P"}, {"text": "x", "path": "y"}, {"text": "x", "publsher": "P"}, {"text": "x", "date": "23/05/2022"},
    {"text": 5},
])
def test_manifest_lines_the_reader_refuses_do_not_validate(line: dict[str, Any]) -> None:
    assert errors_of(line, "Manifest") != []


def test_every_name_is_a_valid_schema() -> None:
    for name in NAMES:
        jsonschema.Draft202012Validator.check_schema(schema_of(name))


@pytest.mark.parametrize("table", ["figures", "claims", "quotes", "documents"])
def test_a_table_as_json_is_a_table(extract_args: list[str], table: str) -> None:
    code, out = run("extract", *extract_args, "--table", table, "--format", "json")
    data = json.loads(out)
    assert code == 0 and list(data) == [table] and data[table]
    assert errors_of(data, "Table") == []
    assert errors_of({table: data[table], "other": []}, "Table") != []  # one table per output


def test_a_written_baseline_is_a_baseline(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _ = run("check", *map(str, SEEDS), "--write-baseline", str(baseline), "--fail-on", "never")
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert code == 0 and data["findings"]
    assert errors_of(data, "Baseline") == []
    assert errors_of({**data, "version": 2}, "Baseline") != []
