"""The figures of the shared development set (../shared/gold/dev) meet issue #18's floors: strict-span F1 and value
accuracy, measured by the shared evaluator on this checkout's code, as a user with scraped pages would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import caresocial

from .conftest import SHARED

DEV = SHARED / "gold" / "dev"
# measured 0.9923 and 1.0: the floors leave room for one or two figures, not for a regression of a form
FLOORS = {"figures_strict.f1": 0.975, "value_accuracy": 0.995}


@pytest.mark.skipif(not (DEV / "docs").is_dir(), reason="../shared/gold/dev is not beside the checkout")
def test_dev_figures_meet_the_floors() -> None:
    src = Path(caresocial.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    args = [a for name, floor in FLOORS.items() for a in ("--min", f"{name}={floor}")]
    done = subprocess.run([sys.executable, str(SHARED / "gold" / "evaluate.py"), str(DEV), *args],
                          capture_output=True, text=True, env=env, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
