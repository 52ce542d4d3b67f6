"""Run mutmut on one part of the library: the checker, the figure grammar, the time phrases or attribution.

    python benchmarks/mutation.py figures                   # mutmut run on the figure grammar
    python benchmarks/mutation.py figures run 'caresocial.extraction.figures.links*'   # one module's mutants
    python benchmarks/mutation.py figures results           # the survivors; `... figures show NAME` prints one
    python benchmarks/mutation.py figures score             # killed / (killed + survived + no tests) per module

mutmut reads one ``[tool.mutmut]`` table from ``pyproject.toml`` in the folder it runs in. The repository's own
table is the default target (``mutmut run`` from the root); each target here is that table with its own modules
and tests, run in a copy of ``src/``, ``tests/``, ``fixtures/`` and ``scripts/`` under ``mutants-work/<target>/``
(ignored by git), where mutmut keeps its results between runs. Not part of CI: a run takes tens of minutes to hours.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "mutants-work"

# target: (modules mutated, modules left alone, tests run against each mutant, tests deselected with -k)
_FIGURES = "src/caresocial/extraction/figures"
TARGETS: dict[str, dict[str, list[str]]] = {
    "checker": {
        "only_mutate": ["src/caresocial/consistency/*"],
        "do_not_mutate": ["src/caresocial/consistency/baseline.py", "src/caresocial/consistency/suppress.py",
                          "src/caresocial/consistency/__init__.py"],
        "tests": ["tests/test_checker.py", "tests/test_checker_units.py", "tests/test_checker_edges.py",
                  "tests/test_checker_events.py", "tests/test_checker_announced.py"],
        "deselect": [],
    },
    "figures": {
        "only_mutate": [f"{_FIGURES}/*"],
        # the spaCy component and the re-exports hold no grammar (the fast paths of scanner.py, guards.py and
        # cores.py are also compared with plain scans by tests/test_fastpaths.py, too slow to run per mutant)
        "do_not_mutate": [f"{_FIGURES}/__init__.py", f"{_FIGURES}/component.py", f"{_FIGURES}/lexicon.py"],
        "tests": ["tests/test_figures.py", "tests/test_figures_policy.py", "tests/test_figures_units.py",
                  "tests/test_figures_links.py", "tests/test_figures_kinds.py", "tests/test_years_and_positions.py"],
        "deselect": ["hostile", "stay_fast", "dev_set", "gold"],
    },
    "times": {
        "only_mutate": ["src/caresocial/extraction/times.py"],
        "do_not_mutate": [],
        "tests": ["tests/test_times.py", "tests/test_claims.py"],
        "deselect": ["hostile", "stay_fast", "dev_set", "gold", "seed"],
    },
    # who a statement is given to: the statements' speakers (attribution.py) and the register that resolves a
    # surname, a pronoun, a role or a body to the fullest name the document gives (register.py)
    "attribution": {
        "only_mutate": ["src/caresocial/extraction/quotes/attribution.py",
                        "src/caresocial/extraction/quotes/register.py"],
        "do_not_mutate": [],
        "tests": ["tests/test_attribution.py", "tests/test_attribution_units.py"],
        "deselect": ["hung", "dev_set", "gold"],
    },
}


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def prepare(target: str) -> Path:
    """The target's working folder with fresh copies of the sources and tests, and its ``[tool.mutmut]``."""
    spec = TARGETS[target]
    work = WORK / target
    work.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests", "fixtures", "scripts"):
        shutil.rmtree(work / name, ignore_errors=True)
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    base = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")).get("tool", {}).get("mutmut", {})
    tests = [t for t in spec["tests"] if (ROOT / t).exists()]
    args = list(base.get("pytest_add_cli_args", ["-p", "no:cacheprovider", "-q"]))
    if spec["deselect"]:
        args += ["-k", " and ".join(f"not {k}" for k in spec["deselect"])]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pyproject = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", "", pyproject)
    # mutmut hands pytest the ids of the tests that cover a mutant; ids of sentences with '£' or '’' must come
    # back as they were collected, not escaped
    pyproject = pyproject.replace("[tool.pytest.ini_options]\n", "[tool.pytest.ini_options]\n"
                                  "disable_test_id_escaping_and_forfeit_all_rights_to_community_support = true\n")
    pyproject += (f"\n[tool.mutmut]\nsource_paths = {_toml_list(base.get('source_paths', ['src/caresocial/']))}\n"
                  f"only_mutate = {_toml_list(spec['only_mutate'])}\n"
                  f"do_not_mutate = {_toml_list(spec['do_not_mutate'])}\n"
                  'also_copy = ["fixtures", "scripts"]\n'
                  f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
                  f"pytest_add_cli_args = {_toml_list(args)}\n"
                  # a mutant that loops is stopped after 8x (not 30x) the CPU time of the tests that cover it
                  "timeout_multiplier = 4.0\n")
    (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return work


def score(target: str) -> int:
    """killed / (killed + survived + no tests) per module, from ``mutmut results --all true``."""
    work = WORK / target
    out = subprocess.run(["mutmut", "results", "--all", "true"], cwd=work, capture_output=True, text=True).stdout
    counts: dict[str, Counter[str]] = {}
    for line in out.splitlines():
        # 'caresocial.x.mod.x_function__mutmut_3: survived', 'caresocial.x.mod.xǁClassǁmethod__mutmut_3: killed'
        m = re.match(r"([\w.]+?)\.x(?:_|ǁ)\w*__mutmut_\d+: (.+)$", line.strip())
        if m:
            counts.setdefault(m.group(1), Counter())[m.group(2).strip()] += 1
    for module, c in sorted(counts.items()):
        # a mutant no selected test runs ('no tests') is one the tests do not kill: it counts against the score
        killed, survived = c["killed"] + c["timeout"], c["survived"] + c["no tests"]
        done = killed + survived
        print(f"{module:55s} killed {killed:4d} survived {survived:4d} no-tests {c['no tests']:3d} "
              f"score {100 * killed / done if done else 0:5.1f}%  {dict(c)}")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TARGETS:
        print(__doc__)
        print("targets:", ", ".join(TARGETS))
        return 2
    target, rest = argv[0], argv[1:] or ["run"]
    if rest[0] == "score":
        return score(target)
    work = prepare(target) if rest[0] == "run" else WORK / target
    return subprocess.run(["mutmut", *rest], cwd=work).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
