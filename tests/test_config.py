"""Configuration: every key read, every mistake named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caresocial.claims import measure_key
from caresocial.config import Config, load, parse
from caresocial.errors import ConfigError


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
        ({"documents": [{"path": "*.md", "date": "yesterday"}]}, "documents[0].date: 'yesterday' is not YYYY-MM-DD"),
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
