"""Plant the checker bugs of issue #22 again, one per copy of the source, and show which test catches each.

    python benchmarks/planted_bugs.py            # every bug; exit 1 if one survives

Each bug is a one-line change to a copy of ``src/`` in a temporary folder; the tests named for it run against
that copy (PYTHONPATH first), and must fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (what the bug does, file, text to replace, replacement, tests that must fail)
BUGS = [
    ("a hedge no longer widens the value tolerance", "caresocial/consistency/values.py",
     "spread = abs(value) * hedge", "spread = 0.0",
     ["tests/test_checker.py::test_two_documents_that_must_give_nothing[within-a-hedge]",
      "tests/test_checker.py::test_two_documents_that_must_give_nothing[nearly-admits-below]"]),
    ("percentage-point tolerance 0 -> 10", "caresocial/config.py",
     "percent_points: float = 0.0", "percent_points: float = 10.0",
     ["tests/test_checker.py::test_two_documents_disagree[percentages-8-points-apart]"]),
    ("a scale slip ignores x1e9", "caresocial/consistency/comparison.py",
     "SCALES = (1e3, 1e6, 1e9)", "SCALES = (1e3, 1e6)",
     ["tests/test_checker.py::test_two_documents_disagree[a-lost-billion]"]),
    ("rate x period: decades not x10", "caresocial/consistency/arithmetic.py",
     '"decade": 10.0, "decades": 10.0', '"decade": 1.0, "decades": 1.0',
     ["tests/test_checker.py::test_a_rate_times_its_period_against_a_total[two-decades-are-20-years]"]),
    ("a financial year loses its zero padding (figures)", "caresocial/extraction/figures/dates.py",
     'f"{a}/{end % 100:02d}"', 'f"{a}/{end % 100}"',
     ["tests/test_checker_units.py::test_financial_years_keep_their_zero_padding"]),
    ("a financial year loses its zero padding (times)", "caresocial/extraction/times.py",
     'first = int(m.group(1)) + offset\n    return f"{first}/{(first + 1) % 100:02d}"',
     'first = int(m.group(1)) + offset\n    return f"{first}/{(first + 1) % 100}"',
     ["tests/test_checker_units.py::test_financial_years_keep_their_zero_padding"]),
    ("character column off by one after the first line", "caresocial/extraction/claims/component.py",
     'column = f.start - (self.text.rfind("\\n", 0, f.start) + 1) + 1',
     'column = f.start - max(0, self.text.rfind("\\n", 0, f.start)) + 1',
     ["tests/test_checker_edges.py::test_findings_cite_the_line_and_column_of_each_figure"]),
]


def plant(src: Path, file: str, old: str, new: str) -> None:
    path = src / file
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"{file}: expected exactly one {old!r} to plant the bug")
    path.write_text(text.replace(old, new), encoding="utf-8")


def main() -> int:
    survived = 0
    for what, file, old, new, tests in BUGS:
        with tempfile.TemporaryDirectory(prefix="planted-") as tmp:
            src = Path(tmp) / "src"
            shutil.copytree(ROOT / "src", src)
            plant(src, file, old, new)
            env = {**os.environ, "PYTHONPATH": str(src)}
            p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], cwd=ROOT,
                               env=env, capture_output=True, text=True)
            caught = p.returncode != 0
            survived += not caught
            failed = [line.split(" ")[1] for line in p.stdout.splitlines() if line.startswith("FAILED ")]
            print(f"{'caught ' if caught else 'SURVIVED'} {what}: {', '.join(failed) or p.stdout.splitlines()[-1:]}")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
