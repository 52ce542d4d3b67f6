"""The documentation site builds with ``mkdocs build --strict`` and its generated pages match the code."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from caresocial import models

from .conftest import ROOT

DOCS = ROOT / "docs"


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks" / "generated.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    out = tmp_path_factory.mktemp("site")
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "WARNING" not in p.stderr, p.stderr
    return out


def test_site_builds_strict_with_every_page_in_the_nav(site: Path) -> None:
    nav = re.findall(r":\s*(\S+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert sorted(nav) == sorted(p.name for p in DOCS.glob("*.md"))
    for page in nav:
        built = site / ("index.html" if page == "index.md" else f"{page[:-3]}/index.html")
        assert built.is_file(), page
    assert not (site / "hooks").exists()


def test_cli_reference_has_every_command(site: Path) -> None:
    import typer

    from caresocial.cli import app

    html = (site / "cli" / "index.html").read_text(encoding="utf-8")
    commands = list(getattr(typer.main.get_command(app), "commands", {}))
    assert {"extract", "check", "schema"} <= set(commands)
    for name in commands:
        assert f"$ caresocial {name} --help" in html and f"Usage: caresocial {name} [OPTIONS]" in html
    assert "caresocial:cli" not in html


def test_data_model_schemas_are_generated_from_the_models(site: Path) -> None:
    html = (site / "data-model" / "index.html").read_text(encoding="utf-8")
    assert "caresocial:schema" not in html and "&quot;text_sha256&quot;" in html
    hooks = _hooks()
    for record in ("Document", "Report"):
        block = hooks.schema(record)
        assert json.loads(block.split("\n", 1)[1].rsplit("```", 1)[0]) == getattr(models, record).model_json_schema()


def test_tutorial_uses_real_fixture_paths() -> None:
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"fixtures/[\w./-]+\.(?:txt|md)", text))
    assert paths and all((ROOT / p).is_file() for p in paths)
