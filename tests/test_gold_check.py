"""The checker on the shared development set (../shared/gold/dev) and the seeds, measured end to end by the shared
evaluator on this checkout's code (documents handed their publisher and date, as the evaluator does).

Issue #17 asks for check recall 0.80 and claim precision 0.90 on dev; these floors are what the checker reaches on
today's claims (dev: 20 of 49 conflicts on this branch's claims, 18 with main's newer claims, claim precision
1.0, no agreement flagged; the seeds: 6 of 6, 1.0), a guard against regressions, not the issue's targets. Most
of the misses are claims without the measure or time the gold gives them (see docs/checker.md, "Known misses"):
with the gold's own measures, times and values put on the pipeline's claims, the same checker finds 36 of 49
and the within-document slip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import caresocial

from .conftest import SHARED

FLOORS = {
    "dev": ({"check.recall": 0.34, "check.claim_precision": 0.95}, {"check.flagged_agreements": 0}),
    "seeds": ({"check.recall": 1.0, "check.claim_precision": 1.0}, {"check.flagged_agreements": 0}),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_checker_keeps_its_floors(name: str) -> None:
    gold = SHARED / "gold" / name
    if not (gold / "docs").is_dir():
        pytest.skip(f"../shared/gold/{name} is not beside the checkout")
    src = Path(caresocial.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    low, high = FLOORS[name]
    args = [a for metric, floor in low.items() for a in ("--min", f"{metric}={floor}")]
    args += [a for metric, ceiling in high.items() for a in ("--max", f"{metric}={ceiling}")]
    done = subprocess.run([sys.executable, str(SHARED / "gold" / "evaluate.py"), str(gold), *args],
                          capture_output=True, text=True, env=env, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
