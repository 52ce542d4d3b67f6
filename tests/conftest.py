"""Shared fixtures: the installed pipeline and paths to the bundled documents and the shared gold sets."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seeds_gold() -> Path:
    gold = SHARED / "gold" / "seeds"
    if not gold.is_dir():
        pytest.skip("../shared/gold/seeds is not beside the checkout")
    return gold
