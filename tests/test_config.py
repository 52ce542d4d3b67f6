"""Configuration: every key read, every mistake named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caresocial.config import Config, load, parse
from caresocial.errors import ConfigError
from caresocial.extraction.claims.synonyms import measure_key


def test_full_configuration_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.caresocial]\ndisable = ["unit-scale"]\nfail-on = "error"\n'
        '[tool.caresocial.severity]\ntime-conflict = "error"\n'
        '[tool.caresocial.tolerance]\nrelative = 0.02\napprox = 0.2\npercent-points = 0.5\n'
        '[tool.caresocial.aliases]\n"children in care" = ["looked-after children", "Children Looked After"]\n'
        '[[tool.caresocial.documents]]\npath = "press/*.md"\ndate = "2023-02-02"\npublisher = "CCN"\n',
        encoding="utf-8")
    cfg = load(start=tmp_path)
    assert cfg.disable == {"unit-scale"} and cfg.fail_on == "error"
    assert cfg.severity_of("time-conflict") == "error" and cfg.severity_of("value-conflict") == "error"
    assert (cfg.relative, cfg.approx, cfg.percent_points) == (0.02, 0.2, 0.5)
    assert cfg.canonical(measure_key("Looked-after children")) == "children in care"
    assert cfg.canonical(measure_key("children looked after")) == "children in care"
    assert cfg.for_path("press/statement.md") == (date(2023, 2, 2), "CCN")
    assert cfg.for_path("other/statement.md") == (None, None)


def test_caresocial_toml_wins_and_no_config_is_default(tmp_path: Path) -> None:
    assert load(start=tmp_path) == Config()
    (tmp_path / "caresocial.toml").write_text('disable = ["arithmetic"]\n', encoding="utf-8")
    assert load(start=tmp_path).disable == {"arithmetic"}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"disabel": []}, "disabel: unknown key"),
        ({"disable": ["no-such-rule"]}, "disable: unknown rule id 'no-such-rule'"),
        ({"severity": {"value-conflict": "fatal"}}, "severity.value-conflict: 'fatal' is not one of"),
        ({"severity": {"nope": "error"}}, "severity.nope: unknown rule id"),
        ({"disable": ["arithmetic"], "severity": {"arithmetic": "error"}},
         "severity.arithmetic: rule is also disabled"),
        ({"tolerance": {"relative": 2}}, "tolerance.relative: must be a number >= 0 and < 1"),
        ({"tolerance": {"relative": 0.2, "approx": 0.1}}, "tolerance.approx: must not be below tolerance.relative"),
        ({"tolerance": {"fuzz": 0.1}}, "tolerance.fuzz: unknown key"),
        ({"aliases": {"children in care": 3}}, "aliases.children in care: must be a list of strings"),
        ({"documents": [{"date": "2023-01-01"}]}, "documents[0].path: every entry needs a path glob"),
        ({"documents": [{"path": "*.md", "date": "yesterday"}]},
         "documents[0].date: 'yesterday' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"fail-on": "sometimes"}, "fail-on: 'sometimes' is not one of error, warning, never"),
    ],
)
def test_errors_name_the_key(table: dict, message: str) -> None:
    with pytest.raises(ConfigError) as e:
        parse(table, "caresocial.toml")
    assert message in str(e.value)
    assert str(e.value).startswith("caresocial.toml: ")


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / "caresocial.toml"
    p.write_text("disable = [", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"caresocial\.toml: invalid TOML"):
        load(p)


def test_alias_cycles_are_contradictory() -> None:
    leavers, leaving, pop = "care leavers", "leaving care", "care population"
    message = r"aliases\.leaving care: is also listed as an alias of 'care leavers'"
    with pytest.raises(ConfigError, match=message):
        parse({"aliases": {leavers: [leaving], leaving: [leavers]}}, "caresocial.toml")
    with pytest.raises(ConfigError, match=message):
        parse({"aliases": {leavers: [leaving], leaving: [pop]}}, "caresocial.toml")
    cfg = parse({"aliases": {leavers: [leavers, "Care Leavers", leaving]}}, "caresocial.toml")  # itself: harmless
    assert cfg.canonical(measure_key(leaving)) == cfg.canonical(measure_key(leavers)) == measure_key(leavers)


# ------------------------------------------------------------------------------------------------------
# through the command line: every bad setting is one line on stderr naming the file and key, exit 2
# ------------------------------------------------------------------------------------------------------
DOC = "There were 12,000 social workers in 2022. In 2022 there were 9,000 social workers."


def _check(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    from typer.testing import CliRunner

    from caresocial.cli import app

    doc = tmp_path / "doc.txt"
    if not doc.exists():
        doc.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(doc), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param('disable = ["no-such-rule"]\n', "disable: unknown rule id 'no-such-rule'", id="unknown-rule"),
        pytest.param('[severity]\nnope = "error"\n', "severity.nope: unknown rule id", id="unknown-rule-severity"),
        pytest.param("disable = [\n", "invalid TOML", id="bad-toml"),
        pytest.param('disable = "arithmetic"\n', "disable: must be a list of rule ids", id="wrong-type"),
        pytest.param('fail-on = "sometimes"\n', "fail-on: 'sometimes' is not one of", id="bad-value"),
        pytest.param('severity = 3\n', "severity: must be a table", id="wrong-shape"),
        pytest.param('disable = ["arithmetic"]\n[severity]\narithmetic = "error"\n',
                     "severity.arithmetic: rule is also disabled; choose one", id="contradictory-disable"),
        pytest.param("[tolerance]\nrelative = 0.2\napprox = 0.1\n",
                     "tolerance.approx: must not be below tolerance.relative", id="contradictory-tolerance"),
        pytest.param('[aliases]\n"care leavers" = ["leaving care"]\n"leaving care" = ["care leavers"]\n',
                     "aliases.leaving care: is also listed as an alias of 'care leavers'", id="contradictory-aliases"),
        pytest.param('[[documents]]\ndate = "2023-01-01"\n', "documents[0].path: every entry needs a path glob",
                     id="documents-without-path"),
        pytest.param(b"disable = ['\xff']\n", "cannot read configuration", id="not-utf-8"),
    ],
)
def test_cli_bad_configuration_is_one_line_naming_the_key(tmp_path: Path, toml: str | bytes, message: str) -> None:
    cfg = tmp_path / "caresocial.toml"
    if isinstance(toml, bytes):
        cfg.write_bytes(toml)
    else:
        cfg.write_text(toml, encoding="utf-8")
    code, err = _check(tmp_path, "--config", str(cfg))
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"caresocial: {cfg}: ") and message in err[0], err


def test_cli_pyproject_found_from_the_current_folder_names_its_table(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()  # the search for a configuration stops at the repository root
    (tmp_path / "pyproject.toml").write_text('[tool.caresocial]\ndisabel = ["arithmetic"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, err = _check(tmp_path)
    assert code == 2
    assert err == [f"caresocial: {tmp_path / 'pyproject.toml'}: [tool.caresocial] disabel: unknown key (expected one "
                   "of aliases, disable, doc-memory, doc-timeout, documents, fail-on, lexicons, rules, severity, "
                   "tolerance)"]


def test_cli_missing_or_folder_config(tmp_path: Path) -> None:
    assert _check(tmp_path, "--config", str(tmp_path / "nope.toml")) == (
        2, [f"caresocial: {tmp_path / 'nope.toml'}: configuration file not found"])
    code, err = _check(tmp_path, "--config", str(tmp_path))
    assert code == 2 and len(err) == 1 and err[0].startswith(f"caresocial: {tmp_path}: cannot read configuration")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{not json", "baseline is not valid JSON (line 1, column 2)", id="bad-json"),
        pytest.param("", "baseline is not valid JSON (line 1, column 1)", id="empty"),
        pytest.param("[]", "baseline must be an object with a 'findings' list", id="list"),
        pytest.param('{"findings": {}}', "baseline must be an object with a 'findings' list", id="findings-object"),
        pytest.param('{"findings": [{"rule": "x"}]}', "findings[0].fingerprint is missing", id="no-fingerprint"),
        pytest.param('{"findings": ["abc"]}', "findings[0].fingerprint is missing", id="string-entry"),
        pytest.param('{"version": 2, "findings": []}', "baseline version 2 is not supported", id="version"),
    ],
)
def test_cli_malformed_baseline_is_one_line_naming_the_file(tmp_path: Path, content: str, message: str) -> None:
    base = tmp_path / "baseline.json"
    base.write_text(content, encoding="utf-8")
    code, err = _check(tmp_path, "--baseline", str(base))
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"caresocial: {base}: ") and message in err[0], err


def test_cli_missing_baseline(tmp_path: Path) -> None:
    assert _check(tmp_path, "--baseline", str(tmp_path / "nope.json")) == (
        2, [f"caresocial: {tmp_path / 'nope.json'}: baseline file not found"])


def test_cli_unknown_rule_in_an_inline_suppression(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("<!-- caresocial: ignore value-conflcit -->\n" + DOC, encoding="utf-8")
    code, err = _check(tmp_path)
    assert code == 2
    assert err == [f"caresocial: {doc}: inline 'caresocial: ignore' comment names unknown rule id 'value-conflcit' "
                   "(rules: time-conflict, value-conflict, arithmetic, unit-scale, announced-sum)"]
    doc.write_text("<!-- caresocial: ignore value-conflict -->\n" + DOC, encoding="utf-8")
    assert _check(tmp_path) == (0, [])
