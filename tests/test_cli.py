"""The command line: exit codes, one-line errors, output files, JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
