"""Dask scale-out benchmark: the local run against a LocalCluster of 1 and 2 single-threaded worker processes.

    python benchmarks/dask_bench.py                 # 2,000 documents, best of 3 (about 10 minutes on 2 cores)
    python benchmarks/dask_bench.py --docs 300 --repeat 1 --check-claims 20000     # quick look

The corpus (the bundled fixtures and variations of them, written to a temporary folder) is read from disk as
the command line reads it: locally with ``caresocial.runner.documents``, on the cluster with
``caresocial.distributed.documents_bag``. Each cluster run checks that documents and report are identical to
the local run's. Columns: cluster start-up, pipeline load on the workers, the citation pre-pass, extraction
(seconds, CPU seconds summed over the worker processes, documents per second; documents kept on the workers),
check (seconds; claims shuffled by measure group), end to end, speed-up of extraction against the local run,
and peak memory of the largest worker process. A second table times the check alone on synthetic claims.
Wall-clock speed-up needs idle cores: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ORGS, fixture_texts, synthetic_documents, vary


def write_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """``n`` documents: the fixtures, then variations of them (other numbers, years and organisations)."""
    rng = random.Random(seed)
    base = fixture_texts()
    for i in range(n):
        text = base[i % len(base)] if i < len(base) else vary(base[i % len(base)], rng)
        if i % 50 == 7:
            text = text.replace(ORGS[0], rng.choice(ORGS))
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def local_run(folder: Path, repeat: int) -> tuple[dict[str, float], list[Any], Any]:
    from caresocial.config import Config
    from caresocial.consistency.checker import check
    from caresocial.extraction.pipeline import get_nlp
    from caresocial.runner import documents

    t0 = time.perf_counter()
    get_nlp()
    best = {"start": 0.0, "load": time.perf_counter() - t0, "prepass": 0.0}
    for _ in range(repeat):
        t1, c1 = time.perf_counter(), time.process_time()
        docs = list(documents([folder], cfg=Config(), date_=None, publisher=None, jobs=1, progress=False,
                              errors=[]))
        t2, c2 = time.perf_counter(), time.process_time()
        report = check(docs, Config())
        t3 = time.perf_counter()
        _best(best, {"extract": t2 - t1, "cpu": c2 - c1, "check": t3 - t2})
    best["total"] = best["load"] + best["extract"] + best["check"]
    best.update(rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, docs=len(docs))
    return best, docs, report


def _best(best: dict[str, float], run: dict[str, float]) -> None:
    for k, v in run.items():
        best[k] = min(v, best.get(k, v))


def _peak_rss() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    import time

    return time.process_time()


def cluster_run(folder: Path, workers: int, partition: int | None, want: tuple[list[Any], Any],
                repeat: int) -> dict[str, float]:
    from dask.distributed import Client, LocalCluster, wait

    from caresocial import distributed as dist
    from caresocial.config import Config
    from caresocial.io.output import document_json

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        t1 = time.perf_counter()
        dist.preload(client)
        best = {"start": t1 - t0, "load": time.perf_counter() - t1}
        for _ in range(repeat):
            t2 = time.perf_counter()
            bag, _ = dist.documents_bag(client, [folder], cfg=Config(), date_=None, publisher=None, errors=[],
                                        partition_size=partition)
            t3, c3 = time.perf_counter(), sum(client.run(_cpu).values())
            bag = bag.persist()
            wait(bag)
            t4, c4 = time.perf_counter(), sum(client.run(_cpu).values())
            report = dist.check_distributed(bag, Config())
            t5 = time.perf_counter()
            _best(best, {"prepass": t3 - t2, "extract": t4 - t3, "cpu": c4 - c3, "check": t5 - t4})
            docs = list(dist.iter_documents(bag))
            assert [document_json(d) for d in docs] == [document_json(d) for d in want[0]], "documents differ"
            assert report.model_dump_json() == want[1].model_dump_json(), "reports differ"
            del bag
        best["total"] = best["load"] + best["prepass"] + best["extract"] + best["check"]
        best.update(rss=max(client.run(_peak_rss).values()), docs=len(docs),
                    partitions=dist.partitions_for(len(docs), workers) if partition is None
                    else -(-len(docs) // partition))
    return best


def check_only(n_claims: int, repeat: int) -> list[tuple[str, float, int]]:
    """Seconds to check ``n_claims`` synthetic claims (100 per document): locally, then on 1 and 2 workers
    with the documents already on the workers (``persist``)."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster, wait

    from caresocial import distributed as dist
    from caresocial.consistency.checker import check

    docs = synthetic_documents(n_claims, n_claims // 100)
    secs = []
    for _ in range(repeat):
        t = time.perf_counter()
        want = check(docs)
        secs.append(time.perf_counter() - t)
    out = [("local (1 process)", min(secs), len(want.findings))]
    for w in (1, 2):
        with LocalCluster(n_workers=w, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            size = max(1, len(docs) // (4 * w))
            parts = client.scatter([docs[i:i + size] for i in range(0, len(docs), size)])
            bag = db.from_delayed(parts)
            wait(parts)
            secs = []
            for _ in range(repeat):
                t = time.perf_counter()
                got = dist.check_distributed(bag)
                secs.append(time.perf_counter() - t)
                assert got.model_dump_json() == want.model_dump_json(), "reports differ"
            out.append((f"LocalCluster, {w} worker{'s' if w > 1 else ''}", min(secs), len(got.findings)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents in the corpus")
    ap.add_argument("--sweep", type=int, nargs="*", default=[16, 64, 256],
                    help="documents per partition to try with 2 workers")
    ap.add_argument("--check-claims", type=int, default=300_000, help="synthetic claims for the check-only runs")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is shown")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(folder, args.docs)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir())
        print(f"corpus: {args.docs:,} documents, {words:,} words; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} at the start", flush=True)
        rows: list[tuple[str, dict[str, float]]] = []
        local, docs, report = local_run(folder, args.repeat)
        print(f"local: {len(report.findings)} findings from {report.claims:,} claims", flush=True)
        rows.append(("local (1 process)", local))
        for w in (1, 2):
            rows.append((f"LocalCluster, {w} worker{'s' if w > 1 else ''}", cluster_run(folder, w, None,
                                                                                      (docs, report), args.repeat)))
            print(f"  done: {rows[-1][0]}", flush=True)
        for size in args.sweep:
            rows.append((f"  2 workers, {size} docs/partition", cluster_run(folder, 2, size, (docs, report),
                                                                            args.repeat)))
            print(f"  done: {rows[-1][0]}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    base = local["extract"]
    print()
    print("| run | partitions | start s | load s | pre-pass s | extract s | extract CPU s | docs/s | check s | "
          "total s | speed-up | peak RSS/worker MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r.get('partitions', '-')} | {r['start']:.1f} | {r['load']:.1f} | {r['prepass']:.1f} | "
              f"{r['extract']:.1f} | {r['cpu']:.1f} | {r['docs'] / r['extract']:.0f} | {r['check']:.2f} | "
              f"{r['total']:.1f} | {base / r['extract']:.2f}x | {r['rss']:.0f} |")

    if args.check_claims:
        print()
        print(f"check only, {args.check_claims:,} synthetic claims in {args.check_claims // 100:,} documents:")
        print()
        print("| run | check s | findings |")
        print("|---|---:|---:|")
        for name, secs, found in check_only(args.check_claims, args.repeat):
            print(f"| {name} | {secs:.2f} | {found:,} |")


if __name__ == "__main__":
    main()
