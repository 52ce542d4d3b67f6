"""Dask scale-out: the same documents and findings as a local run, on a two-process LocalCluster."""

from __future__ import annotations

import importlib
import json
import logging
import os
import random
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

import dask.bag as db
from distributed import Client, LocalCluster

from caresocial import distributed as dist
from caresocial.config import Config
from caresocial.consistency.checker import check
from caresocial.extraction.pipeline import collect_sources, extract_many
from caresocial.io.frames import to_dataframe
from caresocial.io.output import document_json
from caresocial.models import Document, Report
from caresocial.runner import corpus_of, documents

from .conftest import FIXTURES

CFG = Config(aliases={"count": "children in care", "funding": "recommended investment"})
N_DOCS = 2000
EXTRA = [  # sentences that make cross-document agreements and conflicts, some silenced, some with citations
    "The number of children in care reached {n},000 by {y}.",
    "Councils spent £{m}.{d}bn on children's social care in {y}/{y2}.",
    "There were {n},000 looked after children in {y}.",
    "The review (Independent Review of Children's Social Care, {y}) warns the number of children in care will "
    "rise to 100,000 in 10 years' time.",
    "<!-- caresocial: ignore value-conflict -->\nThe number of children in care reached {n},000 by {y}.",
    "Funding of £{m}m a year over five years, £{n}m in total, was announced.",
]


def generated_corpus(n: int, seed: int = 9) -> list[tuple[str, dict[str, Any]]]:
    """Short documents: fixture paragraphs and template sentences with shuffled numbers; a few ids repeat."""
    rng = random.Random(seed)
    paras = [p for f in sorted(FIXTURES.rglob("*.*")) for p in f.read_text(encoding="utf-8").split("\n\n")
             if re.search(r"\d", p)]
    out = []
    for i in range(n):
        parts = [re.sub(r"(?<![\d,.£])\d{2,3}(?=,000\b)", lambda m: str(rng.randint(70, 99)), rng.choice(paras))]
        if rng.random() < 0.7:  # values that agree (80, 81) or conflict (95)
            parts.append(rng.choice(EXTRA).format(n=rng.choice((80, 81, 95)), m=rng.choice((9, 12)),
                                                  d=rng.randint(0, 1), y=(y := rng.randint(2021, 2025)),
                                                  y2=str(y + 1)[2:]))
        text = "\n\n".join(parts)
        doc_id = f"g{i:05d}" if i % 97 else f"g{i - 97:05d}"  # every 97th document reuses an earlier id
        out.append((text, {"doc_id": doc_id}))
    return out


def jsonl(docs: list[Document]) -> list[str]:
    return [document_json(d) for d in docs]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
        dist.preload(c)
        yield c


@pytest.fixture(scope="module")
def corpus() -> tuple[list[tuple[str, dict[str, Any]]], list[Document]]:
    items = generated_corpus(N_DOCS)
    sources = collect_sources(t for t, _ in items)
    assert len(sources) == 1  # the citation years differ between documents: the pre-pass keeps the latest
    return items, list(extract_many(items, sources=sources))


def assert_same_report(got: Report, want: Report) -> None:
    assert got.model_dump_json() == want.model_dump_json()


def test_fixtures_same_as_local(client: Client) -> None:
    errors: list[str] = []
    local = list(documents(corpus_of([FIXTURES], CFG, None, None), cfg=CFG, jobs=1, progress=False, errors=errors))
    derrors: list[str] = []
    bag, where = dist.documents_bag(client, corpus_of([FIXTURES], CFG, None, None), cfg=CFG, errors=derrors)
    assert jsonl(list(dist.iter_documents(bag))) == jsonl(local) and derrors == errors
    assert set(where) == {d.doc_id for d in local}
    want = check(local, CFG, show_agreements=True)
    assert want.findings and want.agreements
    assert_same_report(dist.check_distributed(bag, CFG, show_agreements=True), want)
    accepted = {f.fingerprint for f in want.findings[::2]}
    assert_same_report(dist.check_distributed(bag, CFG, baseline=accepted), check(local, CFG, baseline=accepted))


def test_generated_corpus_same_as_local(client: Client, corpus: tuple[list[Any], list[Document]]) -> None:
    items, local = corpus
    bag = dist.extract_bag(db.from_sequence(items, partition_size=100)).persist()
    got = list(dist.iter_documents(bag))
    assert jsonl(got) == jsonl(local)  # in order, so byte for byte after sorting too
    accepted = {f.fingerprint for f in check(local, CFG).findings[:5]}
    want = check(local, CFG, show_agreements=True, baseline=accepted)
    assert len(want.findings) > 100 and want.agreements and want.suppressed and want.baselined == 5
    report = dist.check_distributed(bag, CFG, show_agreements=True, baseline=accepted)
    assert_same_report(report, want)
    # one pipeline per worker process, built once
    loads = client.run(lambda: importlib.import_module("caresocial.extraction.pipeline")._nlp.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]
    frames = dist.to_dataframes(bag, report)
    for table, frame in frames.items():  # the rows of caresocial.io.frames, one schema across partitions
        got = frame.compute()
        assert dict(got.dtypes) == dict(frame.dtypes)
        assert plain(got).equals(plain(to_dataframe(report if table == "findings" else local, table)))


def plain(df: Any) -> Any:
    return df.astype(object).where(df.notna(), None).reset_index(drop=True)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "caresocial", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def test_cli_scheduler_option_and_env_var(client: Client) -> None:
    address = client.scheduler.address
    args = ["check", str(FIXTURES), "-f", "json", "--show-agreements"]
    local, remote = run_cli(*args), run_cli(*args, "--scheduler", address)
    assert (remote.returncode, remote.stdout) == (local.returncode, local.stdout) and local.returncode == 1
    assert json.loads(remote.stdout)["findings"]
    args = ["extract", str(FIXTURES), "--include-text"]
    local, remote = run_cli(*args), run_cli(*args, env={"CARESOCIAL_SCHEDULER": address})
    assert (remote.returncode, remote.stdout) == (local.returncode, local.stdout) and local.returncode == 0


def test_cli_scheduler_same_ids_and_errors(client: Client, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_text("Councils spent £11.3 billion in 2021/22.", encoding="utf-8")
    (tmp_path / "sub" / "good.txt").write_text("Councils spent £12.9 billion in 2021/22.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd not text \x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 costs \xa35m".encode("latin-1"))
    for command in ("extract", "check"):
        local = run_cli(command, str(tmp_path))
        remote = run_cli(command, str(tmp_path), "--scheduler", client.scheduler.address)
        assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
        assert local.returncode == 2 and local.stderr.count("\n") == 2


def test_cli_scheduler_manifest_metadata_and_records_same_as_local(client: Client, tmp_path: Path) -> None:
    """A manifest with a path, a text, an extracted record and a bad line, with per-document metadata: the
    cluster gives what the local run gives."""
    (tmp_path / "memo.md").write_text("---\ndate: 2021-06\npublisher: Memo Trust\n---\nIt cost £5m last year.\n",
                                      encoding="utf-8")
    record = run_cli("extract", str(FIXTURES / "seed003.txt")).stdout
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"path": "memo.md"}),
        json.dumps({"text": "Spending rose by £12m in 2022.", "doc_id": "t", "publisher": "Pub", "date": "2022"}),
        record.strip(), "{broken"]) + "\n", encoding="utf-8")
    args = ["extract", str(manifest), "--include-text"]
    local, remote = run_cli(*args), run_cli(*args, "--scheduler", client.scheduler.address)
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
    docs = [json.loads(line) for line in local.stdout.splitlines()]
    assert [(d["doc_id"], d["date"], d["publisher"]) for d in docs] == [
        ("memo", "2021-06-01", "Memo Trust"), ("t", "2022-01-01", "Pub"),
        ("seed003", "2023-02-02", docs[2]["publisher"])]
    assert local.returncode == 2 and local.stderr.count("\n") == 1 and "m.jsonl:4: not a JSON object" in local.stderr


def test_configured_lexicons_reach_the_workers(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """--scheduler extracts with the configuration's lexicon additions (as the local run does)."""
    import caresocial.extraction.pipeline as pipeline

    seen: list[Any] = []
    real = pipeline.extract_many

    def spy(items: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("lexicons"))
        return real(items, **{**kwargs, "lexicons": None})  # (no built-in table to add to is needed here)

    monkeypatch.setattr(pipeline, "extract_many", spy)
    cfg = Config(lexicons={"reporting_verbs": ["contend"]}, doc_timeout=0, doc_memory=0)  # extracted in the task
    bag, _ = dist.documents_bag(client, corpus_of([FIXTURES / "seed003.txt"], cfg, None, None), cfg=cfg, errors=[])
    docs = bag.compute(scheduler="sync")  # the tasks the workers would run, here, where the spy sees them
    assert [d.doc_id for d in docs] == ["seed003"] and seen == [{"reporting_verbs": ["contend"]}]
    # under per-document limits, the lexicons reach the worker's supervisor, whose processes extract with them
    supervised: list[Any] = []

    class Supervisor:
        def run(self, items: Any, sources: Any = None) -> Any:
            return real(items, sources=sources)

    def shared_supervisor(limits: Any, model: Any = None, lexicons: Any = None) -> Any:
        supervised.append(lexicons)
        return Supervisor()

    monkeypatch.setattr(dist, "shared_supervisor", shared_supervisor)
    cfg = Config(lexicons={"reporting_verbs": ["contend"]}, doc_timeout=5)
    bag, _ = dist.documents_bag(client, corpus_of([FIXTURES / "seed003.txt"], cfg, None, None), cfg=cfg, errors=[])
    docs = bag.compute(scheduler="sync")
    assert [d.doc_id for d in docs] == ["seed003"] and supervised == [{"reporting_verbs": ["contend"]}]


def test_unreachable_scheduler_and_missing_extra_are_one_line_errors(tmp_path: Path) -> None:
    p = run_cli("check", str(FIXTURES), "--scheduler", "tcp://127.0.0.1:1",
                env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in p.stderr
    code = ("import sys; sys.modules['dask'] = None; sys.argv = ['caresocial', *sys.argv[1:]]\n"
            "from caresocial.cli import main; main()")
    p = subprocess.run([sys.executable, "-c", code, "extract", str(FIXTURES), "--scheduler", "local"],
                       capture_output=True, text=True)
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.count("\n") == 1 and "pip install 'caresocial[dask]'" in p.stderr


def _kill_once(item: Any, marker: str, doc_id: str) -> Any:
    """Kill this worker process the first time ``doc_id`` passes (the marker file remembers)."""
    opts = item[1] if isinstance(item, tuple) else {"doc_id": item.doc_id}
    if opts["doc_id"] == doc_id and not os.path.exists(marker):
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return item


def test_killed_worker_loses_and_duplicates_nothing(client: Client, corpus: tuple[list[Any], list[Document]],
                                                    tmp_path: Path) -> None:
    items, _ = corpus
    items = items[:400]
    local = list(extract_many(items, sources=collect_sources(t for t, _ in items)))
    before = worker_pids(client)
    marker = tmp_path / "killed-in-extract"
    bag = dist.extract_bag(db.from_sequence(items, partition_size=25).map(_kill_once, str(marker), "g00210"))
    assert jsonl(list(dist.iter_documents(bag))) == jsonl(local)
    assert marker.exists()
    middle = worker_pids(client)
    assert middle != before  # a worker process was killed and replaced
    marker = tmp_path / "killed-in-check"
    docs = dist.extract_bag(db.from_sequence(items, partition_size=25)).map(_kill_once, str(marker), "g00330")
    assert_same_report(dist.check_distributed(docs, CFG, show_agreements=True),
                       check(local, CFG, show_agreements=True))
    assert marker.exists() and worker_pids(client) != middle


def worker_pids(client: Client) -> set[int]:
    """The process ids of the current workers, once both are up."""
    client.wait_for_workers(2, timeout=60)
    return set(client.run(os.getpid).values())
