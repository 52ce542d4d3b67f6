"""Extraction speed on text that does not repeat, each engine cold and warm in a fresh process (the ``extract``
part of ``benchmarks/run.py``; see docs/performance.md)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = Path(__file__).resolve().with_name("run.py")  # the script a child process runs (``run.py --child``)


def words_of(corpus: list[str]) -> int:
    return sum(len(t.split()) for t in corpus)


# ------------------------------------------------------------------------------------------------------
# the speed corpora: text that does not repeat
# ------------------------------------------------------------------------------------------------------
def _shared(*parts: str) -> Path | None:
    """A path under the team's shared folder (``$CARESOCIAL_SHARED``, else a ``shared`` folder next to or above
    the checkout), or None when there is none."""
    roots = [Path(os.environ["CARESOCIAL_SHARED"])] if os.environ.get("CARESOCIAL_SHARED") else []
    roots += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for root in roots:
        if root.joinpath(*parts).exists():
            return root.joinpath(*parts)
    return None


def generator_corpus(n: int = 6000, seed: int = 11) -> tuple[str, list[str]]:
    """``gen_policy.py n seed`` of the shared stress folder (varied, figure-dense policy documents; nothing
    repeated); without it, the bundled grammar ``benchmarks/docgen.py`` with the same seed."""
    script = _shared("stress", "gen_policy.py")
    if script is not None:
        out = subprocess.run([sys.executable, str(script), str(n), str(seed)], capture_output=True, check=True)
        return f"gen_policy.py {n} {seed}", json.loads(out.stdout)
    spec = importlib.util.spec_from_file_location("cs_docgen", ROOT / "benchmarks" / "docgen.py")
    assert spec is not None and spec.loader is not None
    docgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(docgen)
    texts = docgen.corpus(max(1, n // 25), seed)
    return f"docgen.py {max(1, n // 25)} documents, seed {seed} (gen_policy.py not found)", texts


def dev_corpus() -> tuple[str, list[str]] | None:
    """The development documents (``shared/gold/dev/docs``), when present."""
    folder = _shared("gold", "dev", "docs")
    if folder is None:
        return None
    return "development documents", [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def stdlib_corpus(target_words: int) -> tuple[str, list[str]]:
    """Real prose that is not ours: the docstrings of the standard library's top-level modules (one document
    per module: its docstring, then its classes' and functions' in source order), in file-name order, until
    ``target_words``. Deterministic for one Python version."""
    import ast
    import sysconfig

    out: list[str] = []
    words = 0
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        nodes = [tree, *(n for n in ast.walk(tree)
                         if isinstance(n, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)))]
        docs = [d for d in (ast.get_docstring(n) for n in nodes) if d]
        if not docs:
            continue
        text = "\n\n".join(docs) + "\n"
        out.append(text)
        words += len(text.split())
        if words >= target_words:
            break
    return f"Python {sys.version_info[0]}.{sys.version_info[1]} standard library docstrings", out


CORPORA = ("generator", "dev", "stdlib")


def speed_corpora(quick: bool, only: Iterable[str] = CORPORA) -> Iterator[tuple[str, tuple[str, list[str]]]]:
    """(name, (description, texts)) of the corpora the extraction speed is measured on (those in ``only``)."""
    only = set(only)
    if "generator" in only:
        yield "generator", generator_corpus(300 if quick else 6000)
    if quick:  # (the test suite's run: checks that it runs)
        return
    dev = dev_corpus() if "dev" in only else None
    if dev is not None:
        yield "dev", dev
    if "stdlib" in only:
        yield "stdlib", stdlib_corpus(100_000)


# ------------------------------------------------------------------------------------------------------
# one engine over one corpus in a fresh process: cold (the process's start to the end of its first pass)
# and warm (the best later pass)
# ------------------------------------------------------------------------------------------------------
ENGINES = ("tokenizer", "tokenizer-primed", "caresocial", "quantulum3", "en_core_web_sm")


def _engine(name: str):
    """(load function, run function over texts returning the number of items found) of an engine."""
    if name in ("tokenizer", "tokenizer-primed"):
        def load():
            import spacy

            return spacy.blank("en")

        def bare(nlp, texts):  # spaCy's tokenizer as it ships
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            return 0

        if name == "tokenizer":
            return load, bare

        def primed(nlp, texts):  # caresocial's make_doc: the tokenizer's cache primed with each new run first
            from caresocial.extraction.pipeline import make_doc

            for t in texts:
                make_doc(nlp, t)
            return 0

        return load, primed
    if name == "caresocial":
        def load_cs():
            from caresocial.extraction.pipeline import extract_many

            return extract_many

        return load_cs, lambda fn, texts: sum(len(d.figures) for d in fn(texts, batch_size=64))
    if name == "quantulum3":
        def load_q():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

            return parser

        return load_q, lambda parser, texts: sum(len(parser.parse(t)) for t in texts)

    def load_sm():
        import spacy

        return spacy.load("en_core_web_sm")

    return load_sm, lambda nlp, texts: sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64))


def run_child(engine: str, corpus_path: str, warmup_path: str, spawned: float) -> None:
    """In a fresh process: load ``engine``, run it over the warm-up corpus (unless '-'), then once over the
    corpus; print JSON timings. The corpus is new to the process either way: a second pass over the same text
    would measure caches that text never meets (spaCy's tokenizer caches every run it has split)."""
    texts = json.loads(Path(corpus_path).read_text(encoding="utf-8"))
    warmup = json.loads(Path(warmup_path).read_text(encoding="utf-8")) if warmup_path != "-" else None
    load, run = _engine(engine)
    t0 = time.perf_counter()
    try:
        obj = load()
    except (ImportError, OSError) as e:
        print(json.dumps({"missing": str(e)}))
        return
    loaded = time.perf_counter()
    if warmup is not None:
        run(obj, warmup)
    c, t = time.process_time(), time.perf_counter()
    found = run(obj, texts)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    # cold: from the process's start (interpreter, imports, loading) to the end of its pass
    print(json.dumps({"load": loaded - t0, "since_start": time.time() - spawned, "cpu_since_start": time.process_time(),
                      "wall": wall, "cpu": cpu, "found": found}))


def run_engine(engine: str, texts: list[str], warmup: list[str] | None) -> dict | None:
    """One pass of an engine over ``texts`` in a fresh process, after a pass over ``warmup`` when given (None
    when the engine is not installed)."""
    paths = []
    for corpus in (texts, warmup):
        if corpus is None:
            paths.append("-")
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
            json.dump(corpus, fh)
        paths.append(fh.name)
    try:
        p = subprocess.run([sys.executable, str(RUN), "--child", engine, *paths,
                            repr(time.time())], capture_output=True, text=True, cwd=ROOT)
    finally:
        for path in paths:
            if path != "-":
                os.unlink(path)
    if p.returncode != 0:
        raise RuntimeError(f"{engine}: {p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def measure_engine(engine: str, texts: list[str], warmup: list[str]) -> dict | None:
    """Cold (a fresh process, its start to the end of one pass over ``texts``) and warm (a fresh process that
    first went through ``warmup``, other text of the same kind: one pass over ``texts``) words/s."""
    cold = run_engine(engine, texts, None)
    if cold is None or "missing" in cold:
        return None
    warm = run_engine(engine, texts, warmup)
    words = words_of(texts)
    return {"words": words, "found": warm["found"], "load_seconds": cold["load"],
            "cold_wps": words / cold["since_start"], "cold_cpu_wps": words / cold["cpu_since_start"],
            "first_pass_wps": words / cold["wall"], "first_pass_cpu_wps": words / cold["cpu"],
            "warm_wps": words / warm["wall"], "warm_cpu_wps": words / warm["cpu"],
            "warm_us_per_item": warm["cpu"] / warm["found"] * 1e6 if warm["found"] else None}


SLOW_WORDS = 3_000  # quantulum3 and en_core_web_sm read the corpus's first 3,000 words (they are ~100x slower)


def bench_extraction(quick: bool, runs: int = 1, corpora: Iterable[str] = CORPORA) -> dict:
    """Every engine over every corpus, cold and warm, each in its own fresh process; with ``runs`` > 1 the
    engines take turns ``runs`` times and each figure is the best of its runs. Each corpus's table is printed
    as soon as it is measured."""
    out: dict = {"corpora": {}}
    _, warmup = generator_corpus(300 if quick else 6000, seed=12)
    for name, (desc, texts) in speed_corpora(quick, corpora):
        sub = _prefix(texts, 500 if quick else SLOW_WORDS)
        rows: dict[str, dict] = {}
        for _ in range(runs):
            for engine in ENGINES if not quick else ("tokenizer", "caresocial", "quantulum3"):
                slow = engine in ("quantulum3", "en_core_web_sm")
                got = measure_engine(engine, sub if slow else texts, _prefix(warmup, 2_000) if slow else warmup)
                if got is None:
                    continue
                best = rows.setdefault(engine, got)
                for key, value in got.items():
                    if key.endswith("wps"):
                        best[key] = max(best[key], value)
                    elif key == "warm_us_per_item" and value is not None:
                        best[key] = min(best[key], value)
        cs, tok = rows["caresocial"], rows["tokenizer"]
        for key in ("cold_wps", "cold_cpu_wps", "warm_wps", "warm_cpu_wps"):
            cs[f"{key}_vs_tokenizer"] = cs[key] / tok[key]
            if "tokenizer-primed" in rows:
                cs[f"{key}_vs_primed_tokenizer"] = cs[key] / rows["tokenizer-primed"][key]
            for other in ("quantulum3", "en_core_web_sm"):
                if other in rows:
                    cs[f"{key}_vs_{other}"] = cs[key] / rows[other][key]
        out["corpora"][name] = {"description": desc, "documents": len(texts), "words": words_of(texts),
                                "engines": rows}
        print_corpus(name, out["corpora"][name])
        sys.stdout.flush()
    if "generator" in out["corpora"]:
        first = out["corpora"]["generator"]
        # (the keys of earlier versions of this benchmark: the generator corpus, warm)
        out.update(words=first["words"], caresocial_wps=first["engines"]["caresocial"]["warm_wps"],
                   tokenizer_wps=first["engines"]["tokenizer"]["warm_wps"])
    return out


def _prefix(texts: list[str], words: int) -> list[str]:
    """The first documents of ``texts`` up to ``words`` words (at least one)."""
    out: list[str] = []
    for t in texts:
        out.append(t)
        if words_of(out) >= words:
            break
    return out


def print_extraction_header() -> None:
    print("extraction speed, words/s by the wall clock (by CPU time in brackets); every figure from a fresh process "
          "that meets the corpus for the first time:\n"
          "  cold = from the process's start (interpreter, imports, loading) to the end of its pass over the corpus;\n"
          "  warm = the pass over the corpus after a pass over other text of the same kind (gen_policy.py seed 12);\n"
          f"  quantulum3 and en_core_web_sm on the corpus's first {SLOW_WORDS:,} words; tokenizer = spacy.blank('en') "
          "as it ships,\n  tokenizer-primed = the same with caresocial's chunk-cache priming (make_doc)")
    sys.stdout.flush()


def print_corpus(name: str, c: dict) -> None:
    """One corpus's table: words/s cold and warm (wall clock; CPU in brackets) and caresocial's ratios (CPU)."""
    print(f"  {name}: {c['description']}, {c['documents']:,} documents, {c['words']:,} words")
    for engine, row in c["engines"].items():
        per = f"{row['warm_us_per_item']:8.1f} us/{'figure' if engine == 'caresocial' else 'item'}" \
            if row["warm_us_per_item"] else ""
        print(f"    {engine:17s} cold {row['cold_wps']:>10,.0f} ({row['cold_cpu_wps']:>10,.0f})  warm "
              f"{row['warm_wps']:>10,.0f} ({row['warm_cpu_wps']:>10,.0f})  {per}")
    cs = c["engines"]["caresocial"]
    ratios = [f"{cs['warm_cpu_wps_vs_tokenizer']:.1%} of the tokenizer warm, "
              f"{cs['cold_cpu_wps_vs_tokenizer']:.1%} cold (CPU)"]
    if "warm_cpu_wps_vs_primed_tokenizer" in cs:
        ratios.append(f"{cs['warm_cpu_wps_vs_primed_tokenizer']:.1%} of the primed tokenizer warm")
    for other in ("quantulum3", "en_core_web_sm"):
        if f"warm_cpu_wps_vs_{other}" in cs:
            ratios.append(f"{cs[f'warm_cpu_wps_vs_{other}']:.1f}x {other} warm, "
                          f"{cs[f'cold_cpu_wps_vs_{other}']:.1f}x cold")
    print("    caresocial: " + "; ".join(ratios))
