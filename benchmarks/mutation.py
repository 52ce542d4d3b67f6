"""Run mutmut on one part of the library: the checker, the figure grammar, the time phrases or attribution.

    python benchmarks/mutation.py figures                   # mutmut run on the figure grammar
    python benchmarks/mutation.py figures run 'caresocial.extraction.figures.links*'   # one module's mutants
    python benchmarks/mutation.py figures results           # the survivors; `... figures show NAME` prints one
    python benchmarks/mutation.py figures score             # killed / (killed + survived + no tests) per module
    python benchmarks/mutation.py figures probe [GLOB ...]  # what each survivor changes on real text (below)

mutmut reads one ``[tool.mutmut]`` table from ``pyproject.toml`` in the folder it runs in. The repository's own
table is the default target (``mutmut run`` from the root); each target here is that table with its own modules
and tests, run in a copy of ``src/``, ``tests/``, ``fixtures/`` and ``scripts/`` under ``mutants-work/<target>/``
(ignored by git), where mutmut keeps its results between runs. Not part of CI: a run takes tens of minutes to hours.

``probe`` reads the survivors against text no test holds: in one process importing the mutated sources, each
survivor in turn is switched on (mutmut's ``MUTANT_UNDER_TEST``), every cache of the library cleared, and the
target's reader (the figure grammar's ``scan``) run over the fixtures, the seed and development documents, the
peer conformance cases and 300 generated policy documents, stopping at the first output that differs from the
original's. A survivor that changes an output shows the text around it (the sentence for a test row); one that
changes nothing on all of it is a candidate equivalent, to be read. Results in
``mutants-work/<target>/probe-<tag>.jsonl`` (the tag names the globs; the path is printed first).
"""

from __future__ import annotations

import json
import os
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
                  "tests/test_figures_links.py", "tests/test_figures_kinds.py", "tests/test_years_and_positions.py",
                  "tests/test_figures_patterns.py", "tests/test_figures_tables.py"],
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


def _survivors(target: str, globs: list[str]) -> list[str]:
    """The survivors (and mutants no test ran) of the target's last run, those matching ``globs`` if any."""
    import fnmatch

    out = subprocess.run(["mutmut", "results"], cwd=WORK / target, capture_output=True, text=True).stdout
    names = [line.split(":")[0].strip() for line in out.splitlines()
             if line.strip().endswith(("survived", "no tests"))]
    return [n for n in names if not globs or any(fnmatch.fnmatchcase(n, g) for g in globs)]


def probe(target: str, globs: list[str]) -> int:
    """Run :func:`_probe_child` over the survivors in a process that imports the mutated sources."""
    import hashlib

    names = _survivors(target, globs)
    work = WORK / target
    tag = hashlib.sha1("\n".join(globs).encode()).hexdigest()[:8]  # (probes of other globs may run at once)
    (work / f"probe-{tag}.txt").write_text("\n".join(names), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(work / "mutants" / "src"), MUTANT_UNDER_TEST="")
    cmd = [sys.executable, str(Path(__file__).resolve()), "_probe_child", target, tag]
    return subprocess.run(cmd, cwd=work / "mutants", env=env).returncode


def _probe_corpus() -> list[tuple[str, str]]:
    """(name, text) of every text the probe reads: fixtures, seeds, development and peer documents, 300
    generated ones."""
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    shared = Path(os.environ.get("CARESOCIAL_SHARED", ROOT.parent / "shared"))
    for pattern in ("gold/seeds/docs/*.txt", "gold/dev/docs/*.txt", "peer-cases/*/docs/*.txt"):
        docs += [(str(p.relative_to(shared)), p.read_text(encoding="utf-8")) for p in sorted(shared.glob(pattern))]
    gen = shared / "stress" / "gen_policy.py"
    if gen.exists():
        out = subprocess.run([sys.executable, str(gen), "300", "7"], capture_output=True, text=True, check=True)
        docs += [(f"gen_policy 300 7 #{i}", t) for i, t in enumerate(json.loads(out.stdout))]
    return docs


def _reader(target: str):  # type: ignore[no-untyped-def]
    """The target's reader: text -> comparable tuples with offsets."""
    if target == "figures":
        from caresocial.extraction.figures.grammar import scan

        fields = ("kind", "start", "end", "value", "unit", "approx", "bound", "rate", "scale", "link", "link_type",
                  "link_role", "average")
        return lambda text: [tuple(getattr(f, k) for k in fields) for f in scan(text)]
    if target == "times":
        from caresocial.extraction.times import find_times

        return lambda text: [(t.start, t.end, repr(t)) for t in find_times(text, 0, len(text))]
    raise SystemExit(f"no probe reader for {target}")


def _clear_caches() -> None:
    """Clear every ``functools`` cache of the library's modules (tables and patterns are built per mutant)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("caresocial"):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


class _Stop(Exception):
    pass


def _first_difference(name: str, docs: list[tuple[str, str]], original: list[list[tuple]],
                      read) -> dict[str, object] | None:  # type: ignore[no-untyped-def]
    """The first output of the mutant that differs from the original's, with the text around it."""
    for (doc, text), orig in zip(docs, original, strict=True):
        got = read(text)
        if got == orig:
            continue
        i = next((k for k, (a, b) in enumerate(zip(orig, got, strict=False)) if a != b), min(len(orig), len(got)))
        where = orig[i] if i < len(orig) else got[i]
        start, end = (where[1], where[2]) if isinstance(where[0], str) else (where[0], where[1])
        return {"mutant": name, "verdict": "differs", "doc": doc,
                "text": " ".join(text[max(0, start - 160):end + 160].split()),
                "original": [repr(x) for x in orig[i:i + 2]], "mutant_out": [repr(x) for x in got[i:i + 2]]}
    return None


def _probe_child(target: str, tag: str) -> int:
    import resource
    import signal

    names = [n for n in (WORK / target / f"probe-{tag}.txt").read_text(encoding="utf-8").split("\n") if n]
    docs = _probe_corpus()
    read = _reader(target)
    original = [read(text) for _, text in docs]
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    def stop(*_: object) -> None:
        raise _Stop

    signal.signal(signal.SIGALRM, stop)
    print(f"results: {WORK / target / f'probe-{tag}.jsonl'}", flush=True)
    with open(WORK / target / f"probe-{tag}.jsonl", "w", encoding="utf-8") as log:
        for name in names:
            os.environ["MUTANT_UNDER_TEST"] = name
            row: dict[str, object] = {"mutant": name, "verdict": "same"}
            signal.alarm(60)
            try:
                _clear_caches()
                row = _first_difference(name, docs, original, read) or row
            except _Stop:
                row = {"mutant": name, "verdict": "timeout"}
            except Exception as e:  # (a mutant may raise anything)
                row = {"mutant": name, "verdict": "raises", "error": f"{type(e).__name__}: {e}"[:200]}
            finally:
                signal.alarm(0)
                os.environ["MUTANT_UNDER_TEST"] = ""
            log.write(json.dumps(row, ensure_ascii=False) + "\n")
            log.flush()
            print(f"{name}: {row['verdict']}", flush=True)
    _clear_caches()
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "_probe_child":
        return _probe_child(argv[1], argv[2])
    if not argv or argv[0] not in TARGETS:
        print(__doc__)
        print("targets:", ", ".join(TARGETS))
        return 2
    target, rest = argv[0], argv[1:] or ["run"]
    if rest[0] == "score":
        return score(target)
    if rest[0] == "probe":
        return probe(target, rest[1:])
    work = prepare(target) if rest[0] == "run" else WORK / target
    return subprocess.run(["mutmut", *rest], cwd=work).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
