"""The shared gold sets (../shared/gold) keep the scores reached for the accuracy issues, measured by the shared
evaluator on this checkout's code as a user with scraped pages runs it (each document with its publisher and
date). Each floor is the measured value less about one item of noise, so a regression of a rule fails here:
figures (#18), quotes and speakers (#15), claims (#16), the checker's findings (#17, #22).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import caresocial

from .conftest import SHARED

GOLD = SHARED / "gold"

# name -> floor ('--min'); measured values in the comments
FLOORS: dict[str, dict[str, float]] = {
    "dev": {
        "check.recall": 0.81,                # 0.8367 (41/49); the issue asks 0.80 (misses: docs/checker.md,
                                             # "Known misses")
        "check.claim_precision": 0.95,       # 1.0
        "check.internal_found": 1,           # 1 of 1 (the announced-sum rule)
        "figures_strict.f1": 0.985,          # 0.9923
        "value_accuracy": 0.995,             # 1.0
        "figure_speaker_accuracy": 0.935,    # 0.9481
        "quotes.recall": 0.965,              # 0.9778
        "quotes.speaker_accuracy": 0.955,    # 0.9659
        "claims.recall": 0.99,               # 0.9939
        "claims.time_accuracy": 0.90,        # 0.9074
        "claims.measure_ok": 0.56,           # 0.5772
    },
    "seeds": {
        "figures_strict.f1": 1.0, "value_accuracy": 1.0, "figure_speaker_accuracy": 1.0,
        "quotes.recall": 1.0, "quotes.speaker_accuracy": 1.0,
        "claims.recall": 1.0, "claims.time_accuracy": 0.96, "claims.measure_ok": 0.89,
        "check.recall": 1.0, "check.claim_precision": 1.0,
    },
}
# name -> ceiling ('--max')
CEILINGS: dict[str, dict[str, float]] = {
    "dev": {"check.flagged_agreements": 0},
    "seeds": {"check.flagged_agreements": 0},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_set_keeps_its_floors(name: str) -> None:
    folder = GOLD / name
    if not (folder / "docs").is_dir():
        pytest.skip(f"{folder} is not beside the checkout")
    src = Path(caresocial.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    args = [a for metric, floor in FLOORS[name].items() for a in ("--min", f"{metric}={floor}")]
    args += [a for metric, ceiling in CEILINGS[name].items() for a in ("--max", f"{metric}={ceiling}")]
    done = subprocess.run([sys.executable, str(GOLD / "evaluate.py"), str(folder), *args],
                          capture_output=True, text=True, env=env, timeout=1500)
    assert done.returncode == 0, done.stdout + done.stderr
