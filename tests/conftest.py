"""Shared fixtures: the installed pipeline and paths to the bundled documents and the shared gold sets."""

from __future__ import annotations

import os
from pathlib import Path

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
