"""The claims of the shared development set (../shared/gold/dev) and of the seeds keep the floors reached for
issue #16, measured by the shared evaluator on this checkout's code (recall of the gold claims, the share whose
time has the gold relation and year, the share whose measure shares half its content words with the gold one).

Issue #16 asks for recall 0.97, times 0.90 and measures 0.55 on dev; the rules reach 0.9724, 0.9022 and 0.5647
(the seeds 1.0, 0.9643 and 0.8929); the floors are those less about one claim of noise, a guard against
regressions.
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
    "dev": {"claims.recall": 0.965, "claims.time_accuracy": 0.895, "claims.measure_ok": 0.56},
    "seeds": {"claims.recall": 1.0, "claims.time_accuracy": 0.96, "claims.measure_ok": 0.89},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_claims_keep_their_floors(name: str) -> None:
    gold = SHARED / "gold" / name
    if not (gold / "docs").is_dir():
        pytest.skip(f"../shared/gold/{name} is not beside the checkout")
    src = Path(caresocial.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    args = [a for metric, floor in FLOORS[name].items() for a in ("--min", f"{metric}={floor}")]
    done = subprocess.run([sys.executable, str(SHARED / "gold" / "evaluate.py"), str(gold), *args],
                          capture_output=True, text=True, env=env, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
