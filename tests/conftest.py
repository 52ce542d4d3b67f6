"""Shared fixtures: the installed pipeline and paths to the bundled documents and the shared gold sets."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
# the shared gold sets sit beside the checkout (CI lays them there); CARESOCIAL_SHARED names them elsewhere
SHARED = Path(os.environ.get("CARESOCIAL_SHARED") or ROOT.parent / "shared")


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seeds_gold() -> Path:
    gold = SHARED / "gold" / "seeds"
    if not gold.is_dir():
        pytest.skip("../shared/gold/seeds is not beside the checkout")
    return gold


def _under_a_mutant() -> bool:
    """Whether mutmut runs the tests against one of its mutants (benchmarks/mutation.py, docs/testing.md)."""
    return os.environ.get("MUTANT_UNDER_TEST", "") not in ("", "stats", "fail")


def _clear_caresocial_caches() -> None:
    """Empty every ``functools`` cache of the ``caresocial`` modules (compiled patterns, word tables, the pipeline)."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("caresocial") and module is not None:
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", "") == name:
                    clear()


@pytest.fixture(scope="session", autouse=True)
def _fresh_caresocial_caches() -> None:
    """Under a mutant, empty the library's memo tables (compiled patterns, word tables, the cached pipeline)
    once before its tests: mutmut forks each run from a process that ran the tests on the original code, so a
    mutant of a function called only while a cache is filled would otherwise never run."""
    if _under_a_mutant():
        _clear_caresocial_caches()


@pytest.fixture(autouse=True)
def _caches_filled_by_every_test_for_mutmut_stats() -> None:
    """While mutmut records which tests call which function (``MUTANT_UNDER_TEST=stats``), empty the memo tables
    before every test: otherwise a function that only fills a cache (a pattern or table builder) is recorded for
    the first test alone, and its mutants are run against that one test."""
    if os.environ.get("MUTANT_UNDER_TEST", "") == "stats":
        _clear_caresocial_caches()


def make_claim(**kw: Any) -> Any:
    """A claim record as the extractor makes them ('There are 80,000 children in care.', at 2022), with ``kw``
    changed: for checker tests that build their claims."""
    from caresocial.models import Claim, ClaimTime

    values: dict[str, Any] = {
        "id": "c1", "figure": "f1", "start": 10, "end": 16, "kind": "count", "measure": "children in care",
        "measure_text": None, "aspect": "level", "direction": None, "ends": (), "value": 80000.0, "unit": None,
        "approx": False, "bound": None, "rate": None, "sentence": "There are 80,000 children in care.",
        "sentence_start": 0, "line": 1, "column": 11, "link": None, "link_role": None, "speaker": None,
        "time": ClaimTime.build(relation="at", year=2022, as_written=None, resolved_against=None, relative=False),
    }
    values.update(kw)
    return Claim.build(**values)
