"""Checker rules from other packages: named in configuration (``rules = ["package.module:name"]``) or declared
under the ``caresocial_rules`` entry-point group, they run with the built-in rules, in the command line, the
renderers and the Python API; a reference that cannot be loaded is one configuration error naming it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from caresocial.config import ConfigError, load
from caresocial.consistency import rules as registry
from caresocial.consistency.rules import ENTRY_POINT_GROUP, get_rule, load_rules, rule_ids

PLUGIN = textwrap.dedent('''
    """A rule of another package: counts of a thousand or more written as round thousands."""
    from caresocial.consistency.items import cited_item
    from caresocial.consistency.rules import Rule


    def round_thousands(run, doc):
        for claim in doc.claims:
            value = claim.value
            if claim.kind == "count" and isinstance(value, (int, float)) and value >= 1000 and value % 1000 == 0:
                run.report("round-thousands", claim.measure or "-", [cited_item(doc, claim, str(value))],
                           f"{value:,.0f} is a round number: is it an estimate?")


    ROUND = Rule(id="round-thousands", severity="warning", name="RoundThousands",
                 summary="A count written in round thousands.", description="A count that is a multiple of 1,000.",
                 help="Say whether the figure is rounded.", scope="document", function=round_thousands)
''')

TEXT = "The council said 4,000 children were waiting for an assessment in 2024, and 517 had waited a year.\n"


@pytest.fixture
def clean_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry as it is now, restored after the test (rules registered by the test vanish)."""
    registry.all_rules()
    monkeypatch.setattr(registry, "_RULES", dict(registry._RULES))


def write_plugin(folder: Path, module: str) -> None:
    (folder / f"{module}.py").write_text(PLUGIN, encoding="utf-8")


def test_a_rule_named_in_configuration_runs_in_the_command_line(tmp_path: Path) -> None:
    write_plugin(tmp_path, "council_rules")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.caresocial]\nrules = ["council_rules:ROUND"]\n[tool.caresocial.severity]\nround-thousands = "error"\n',
        encoding="utf-8")
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "findings.json"
    p = subprocess.run([sys.executable, "-m", "caresocial", "check", "report.txt", "--format", "json", "-o", str(out)],
                       capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path),
                                                                           **_env()})
    assert p.returncode == 1, p.stderr
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["rule"], f["severity"], f["message"]) for f in findings] == [
        ("round-thousands", "error", "4,000 is a round number: is it an estimate?")]


def test_a_rule_of_an_installed_package_is_found_by_its_entry_point(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_registry: None) -> None:
    write_plugin(tmp_path, "plugin_pkg_rules")
    info = tmp_path / "plugin_pkg-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: plugin-pkg\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\nround = plugin_pkg_rules:ROUND\n",
                                          encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_LOADED", [])  # as in a fresh process: the registry is read again
    assert rule_ids()[-1] == "round-thousands"  # after the built-in rules
    assert "value-conflict" in rule_ids()

    from caresocial import check, extract

    report = check([extract(TEXT, doc_id="report")])
    assert [f.rule for f in report.findings] == ["round-thousands"]


def test_a_module_reference_registers_the_rules_it_defines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_registry: None) -> None:
    (tmp_path / "registering_rules.py").write_text(PLUGIN + "\nfrom caresocial.consistency.rules import register\n"
                                                   "register(ROUND)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert load_rules(["registering_rules"]) == ["round-thousands"]
    assert get_rule("round-thousands") is not None
    assert load_rules(["registering_rules:ROUND"]) == ["round-thousands"]  # the same rule again: no error


@pytest.mark.parametrize(("reference", "says"), [
    ("no_such_package.rules:ROUND", "cannot load 'no_such_package.rules:ROUND'"),
    ("json:dumps", "'json:dumps' is not a caresocial Rule"),
])
def test_a_reference_that_cannot_be_loaded_is_a_configuration_error(
        tmp_path: Path, reference: str, says: str, clean_registry: None) -> None:
    cfg = tmp_path / "caresocial.toml"
    cfg.write_text(f'rules = ["{reference}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load(cfg)
    assert str(e.value).startswith(f"{cfg}: rules: ")
    assert says in str(e.value)
    assert "\n" not in str(e.value)


def test_a_rule_id_taken_by_another_rule_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     clean_registry: None) -> None:
    (tmp_path / "clashing_rules.py").write_text(PLUGIN.replace('id="round-thousands"', 'id="value-conflict"'),
                                                encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(registry.RuleLoadError, match="rule id 'value-conflict' is already registered"):
        load_rules(["clashing_rules:ROUND"])


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env
