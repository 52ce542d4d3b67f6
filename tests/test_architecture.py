"""The layout holds what docs/architecture.md says: one-way flow, no import cycles, no private imports across
modules, modules and functions of a readable size, and every module named in the architecture page."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "caresocial"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(p): p for p in MODULES}


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def imports(path: Path, *, top_level: bool) -> list[tuple[str, str]]:
    """(module, name) for each ``from X import name`` in the module, relative imports resolved."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    nodes = tree(path).body if top_level else ast.walk(tree(path))
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            found += [(base, a.name) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names]
    return [(m, n) for m, n in found if m.startswith("caresocial")]


def test_no_module_imports_another_modules_private_names() -> None:
    private = [f"{module_name(p)}: from {m} import {n}" for p in MODULES for m, n in imports(p, top_level=False)
               if n.startswith("_") and not n.startswith("__")]
    assert private == []


def test_no_import_cycles_at_module_level() -> None:
    graph: dict[str, set[str]] = {}
    for p in MODULES:
        me = module_name(p)
        deps = {f"{m}.{n}" if f"{m}.{n}" in NAMES else m for m, n in imports(p, top_level=True)}
        # a module importing its own package's __init__ (a re-export) is not a cycle of the flow
        graph[me] = {d for d in deps if d in NAMES and d != me and not me.startswith(d + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


@pytest.mark.parametrize(("package", "forbidden"), [
    ("caresocial.extraction", ("caresocial.consistency", "caresocial.io", "caresocial.cli", "caresocial.runner")),
    ("caresocial.consistency", ("caresocial.extraction", "caresocial.io", "caresocial.cli", "caresocial.runner")),
])
def test_data_flows_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    back = [f"{module_name(p)} imports {m}" for p in MODULES if module_name(p).startswith(package)
            for m, _ in imports(p, top_level=False) if m.startswith(forbidden)]
    assert back == []


def test_modules_and_functions_are_of_a_readable_size() -> None:
    too_long = []
    for p in MODULES:
        lines = p.read_text(encoding="utf-8").count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{module_name(p)}: {lines} lines")
        for node in ast.walk(tree(p)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{module_name(p)}.{node.name}: {length} lines")
    assert too_long == []


def test_the_architecture_page_names_every_module_and_only_modules_that_exist() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for p in MODULES:
        if p.name == "__init__.py":
            continue
        if f"`{p.name}`" not in page and f"{p.name}," not in page and f"{p.name} " not in page \
                and f"/{p.name}" not in page:
            missing.append(str(p.relative_to(PACKAGE)))
    assert missing == []
    named = set(re.findall(r"[\w/]+\.py\b", page))
    existing = {p.name for p in MODULES} | {str(p.relative_to(PACKAGE)) for p in MODULES} \
        | {str(p.relative_to(PACKAGE.parent)) for p in MODULES}
    assert sorted(n for n in named if n.split("/")[-1] not in existing and n not in existing
                  and not (ROOT / n).exists()) == []
