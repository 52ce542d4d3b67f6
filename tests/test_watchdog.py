"""Per-document limits (issue #14): a runaway document costs only its own results, under every command.

The misbehaving documents are marked, and a test-only pipeline component (``tests/hooks.py``) misbehaves on
them: a C loop that never checks for signals, a 1 GiB allocation, an exception, a killed process.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from caresocial import watchdog
from caresocial.cli import app
from caresocial.config import Config, load
from caresocial.errors import ConfigError
from caresocial.extraction.pipeline import extract_many
from caresocial.io.output import document_json
from caresocial.watchdog import Limits, Skipped, Supervisor

from . import hooks

pytestmark = pytest.mark.skipif(not watchdog.available(), reason="needs os.fork")

TEXTS = [
    "Councils spent £11.3 billion on children's social care in 2021/22, up from £8.2bn in 2015/16.",
    "“We estimate that 7 vehicles are affected,” said Will Iqbal. “We estimate that two places are affected,”",
    "The number of children in care reached 83,840 by March 2023, the Department for Education said.",
    "Close to 100,000 children could be in care by 2032, according to the County Councils Network (CCN).",
    "Around 12% of households in Leeds were affected in 2022, compared with 9% nationally.",
]


@pytest.fixture
def hooked() -> Iterator[None]:
    hooks.install()
    try:
        yield
    finally:
        hooks.uninstall()


def items(texts: list[str]) -> list[tuple[str, dict[str, Any]]]:
    return [(t, {"doc_id": f"d{i}", "path": f"docs/d{i}.txt"}) for i, t in enumerate(texts)]


def as_json(results: list[Any]) -> list[str]:
    return [r.message if isinstance(r, Skipped) else document_json(r) for r in results]


@pytest.mark.parametrize("jobs", [1, 2])
def test_supervised_output_is_the_in_process_output(jobs: int) -> None:
    batch = items(TEXTS * 3)
    want = list(extract_many(batch))
    with Supervisor(Limits(timeout=60), jobs=jobs) as sup:
        assert as_json(list(sup.run(batch))) == as_json(want)
        # the workers serve a second run too; a record extracted before is passed through in its place
        assert as_json(list(sup.run([batch[0], want[1], batch[2]]))) == as_json(want[:3])
        assert len(sup.workers) == jobs


def test_forking_a_worker_leaves_the_supervisors_objects_collectable() -> None:
    """Workers are forked with what they inherit frozen; the supervisor's objects are unfrozen at once, and
    objects someone else froze stay frozen."""
    import gc

    with Supervisor(Limits(timeout=60), jobs=1) as sup:
        assert as_json(list(sup.run(items(TEXTS[:1])))) == as_json(list(extract_many(items(TEXTS[:1]))))
        assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        with Supervisor(Limits(timeout=60), jobs=1) as sup:
            assert len(list(sup.run(items(TEXTS[:1])))) == 1
        assert gc.get_freeze_count() > 0  # (some of those objects may have been freed since)
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("jobs", [1, 2])
def test_slow_document_is_stopped_and_the_others_are_complete(hooked: None, jobs: int) -> None:
    texts = [*TEXTS[:2], f"{hooks.SLOW}: it cost £5m in 2023.", *TEXTS[2:]]
    want = as_json(list(extract_many(items(TEXTS))))
    with Supervisor(Limits(timeout=1.5), jobs=jobs) as sup:
        sup.warm_up()  # what extraction loads on first use is loaded (see the next test)
        start = time.monotonic()
        got = list(sup.run(items(texts)))
        elapsed = time.monotonic() - start
    assert isinstance(got[2], Skipped) and got[2].reason == "timeout"
    assert got[2].message == "docs/d2.txt: no results: extraction took longer than the 1.5 s limit per document " \
                             "(--doc-timeout)"
    assert (got[2].doc_id, got[2].path) == ("d2", "docs/d2.txt")
    rest = got[:2] + got[3:]
    # the other documents: every record, in order (their ids were d0, d1, d3, ...: compare without the ids)
    assert [json.loads(x) | {"doc_id": "", "path": ""} for x in as_json(rest)] == \
        [json.loads(x) | {"doc_id": "", "path": ""} for x in want]
    assert elapsed < 10  # the limit, the replacement worker and the rest; never the hours the loop would take


def test_memory_limit_stops_a_hungry_document(hooked: None) -> None:
    if not watchdog.memory_limit_available():
        pytest.skip("memory limits are enforced on Linux only")
    texts = [TEXTS[0], f"{hooks.HUNGRY} £5m", TEXTS[1]]
    with Supervisor(Limits(timeout=60, memory=256)) as sup:
        got = list(sup.run(items(texts)))
    assert isinstance(got[1], Skipped) and got[1].reason == "memory"
    assert got[1].message == "docs/d1.txt: no results: extraction needed more than the 256 MiB limit per document " \
                             "(--doc-memory)"
    assert as_json([got[0], got[2]]) == as_json(list(extract_many([items(texts)[0], items(texts)[2]])))


def test_an_exception_or_a_killed_worker_costs_one_document(hooked: None) -> None:
    texts = [TEXTS[0], f"{hooks.RAISES} £5m", TEXTS[1], f"{hooks.DIES} £5m", TEXTS[2]]
    with Supervisor(Limits(timeout=60, memory=0)) as sup:
        got = list(sup.run(items(texts)))
    assert [type(r).__name__ for r in got] == ["Document", "Skipped", "Document", "Skipped", "Document"]
    assert got[1].message == "docs/d1.txt: no results: internal error in extraction: RuntimeError: hook raised on " \
                             "purpose"
    assert "Traceback" in got[1].detail and "misbehave" in got[1].detail
    assert got[3].message == "docs/d3.txt: no results: the extraction process ended unexpectedly (killed by SIGKILL)"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_load_on_first_use_is_not_charged_to_a_document(hooked: None, jobs: int) -> None:
    """A worker killed while loading something on first use (quantulum3's tables) would take the load with it and
    every replacement would start cold: the supervisor loads it itself once and tries the document again."""
    hooks.install(hooks.LAZY)
    try:
        with Supervisor(Limits(timeout=1.5, memory=0), jobs=jobs) as sup:
            got = list(sup.run(items([TEXTS[0], f"{hooks.SLOW} £1m", *TEXTS[1:]])))
            assert sup.warm
    finally:
        hooks.uninstall(hooks.LAZY)
    assert [type(r).__name__ for r in got] == ["Document", "Skipped"] + ["Document"] * (len(TEXTS) - 1)
    want = as_json(list(extract_many(items([TEXTS[0], "", *TEXTS[1:]]))))
    assert as_json(got[:1] + got[2:]) == want[:1] + want[2:]


def test_workers_that_die_at_start_cost_their_documents_and_never_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> None:
        raise OSError("cannot start")

    monkeypatch.setattr(watchdog, "_serve", broken)
    with Supervisor(Limits(timeout=5, memory=0)) as sup:
        got = list(sup.run(items(TEXTS[:3])))
    assert [r.message for r in got] == [f"docs/d{i}.txt: no results: the extraction process ended unexpectedly "
                                        f"(exit status 1)" for i in range(3)]


def test_abandoned_run_leaves_no_worker_behind(hooked: None) -> None:
    sup = Supervisor(Limits(timeout=60), jobs=2)
    run = sup.run(items([TEXTS[0], f"{hooks.SLOW} £1m", *TEXTS[1:]]))
    start = time.monotonic()
    assert not isinstance(next(run), Skipped)  # the slow document is in the other worker now
    pids = [w.pid for w in sup.workers]
    run.close()  # the caller gives up: the busy worker is killed, not waited for
    sup.close()
    assert time.monotonic() - start < 10 and sup.workers == [] and len(pids) == 2
    for pid in pids:
        with pytest.raises(ChildProcessError):  # killed and reaped
            os.waitpid(pid, os.WNOHANG)


# ------------------------------------------------------------------------------------------------------
# configuration
# ------------------------------------------------------------------------------------------------------
def test_limits_from_configuration_and_command_line(tmp_path: Path) -> None:
    assert Config().limits == Limits(timeout=60.0, memory=watchdog.default_memory())
    cfg_file = tmp_path / "caresocial.toml"
    cfg_file.write_text("doc-timeout = 2.5\ndoc-memory = 0\n", encoding="utf-8")
    cfg = load(cfg_file)
    assert cfg.limits == Limits(timeout=2.5, memory=0)
    assert cfg.with_limits(doc_timeout=0).limits == Limits(timeout=0.0, memory=0)
    assert cfg.with_limits(doc_memory=100).limits == Limits(timeout=2.5, memory=100)
    assert not Limits(timeout=0, memory=0).active


@pytest.mark.parametrize("line, message", [
    ("doc-timeout = -1", "doc-timeout: must be a number of seconds >= 0 (0 for no limit)"),
    ('doc-timeout = "60"', "doc-timeout: must be a number of seconds >= 0 (0 for no limit)"),
    ("doc-timeout = true", "doc-timeout: must be a number of seconds >= 0 (0 for no limit)"),
    ("doc-timeout = inf", "doc-timeout: must be a number of seconds >= 0 (0 for no limit)"),
    ("doc-memory = 1.5", "doc-memory: must be a whole number of MiB >= 0 (0 for no limit)"),
    ("doc-memory = -5", "doc-memory: must be a whole number of MiB >= 0 (0 for no limit)"),
])
def test_bad_limits_in_configuration_are_one_line_errors(tmp_path: Path, line: str, message: str) -> None:
    cfg_file = tmp_path / "caresocial.toml"
    cfg_file.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load(cfg_file)
    assert str(e.value) == f"{cfg_file}: {message}"


def test_memory_limit_where_it_cannot_be_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watchdog, "memory_limit_available", lambda: False)
    assert watchdog.default_memory() == 0
    with pytest.raises(ConfigError, match="doc-memory: a memory limit per document is not supported"):
        Supervisor(Limits(timeout=1, memory=100))


def test_no_limits_means_no_worker_processes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("no worker process without limits")

    monkeypatch.setattr(watchdog, "Supervisor", refuse)
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--doc-timeout", "0", "--doc-memory", "0"])
    assert result.exit_code == 0 and json.loads(result.stdout)["figures"]
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, AssertionError)


# ------------------------------------------------------------------------------------------------------
# the command line: one line naming the document and the limit, exit 2, every other document complete
# ------------------------------------------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with a slow document among good ones, and the same folder without it."""
    good, mixed = tmp_path / "good", tmp_path / "mixed"
    for folder in (good, mixed):
        folder.mkdir()
        for i, text in enumerate(TEXTS):
            (folder / f"doc{i}.txt").write_text(text, encoding="utf-8")
    (mixed / "doc2b.txt").write_text(f"{hooks.SLOW}\n\nIt cost £5m in 2023.", encoding="utf-8")
    return good, mixed


def _same_documents(got: str, want: str, folder: Path, other: Path) -> None:
    assert got.replace(str(folder), "@") == want.replace(str(other), "@")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_extract_and_check_with_a_slow_document(hooked: None, corpus: tuple[Path, Path], jobs: str) -> None:
    good, mixed = corpus
    runner = CliRunner()
    line = f"caresocial: {mixed / 'doc2b.txt'}: no results: extraction took longer than the 1 s limit per document " \
           f"(--doc-timeout)"
    for command in (["extract", "--include-text"], ["check", "-f", "json", "--show-agreements"]):
        want = runner.invoke(app, [command[0], str(good), *command[1:], "-j", jobs])
        got = runner.invoke(app, [command[0], str(mixed), *command[1:], "-j", jobs, "--doc-timeout", "1"])
        assert got.exit_code == 2 and want.exit_code in (0, 1), got.output
        assert got.stderr.splitlines() == [line]
        stdout = got.stdout
        if command[0] == "check":  # the report lists the skipped document among its errors, and is otherwise the same
            report = json.loads(stdout)
            assert report["errors"] == [line.removeprefix("caresocial: ")] and report["summary"]["errors"] == 1
            report["errors"], report["summary"]["errors"] = [], 0
            stdout = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
        _same_documents(stdout, want.stdout, mixed, good)
        assert got.stdout.strip()


def test_cli_report_with_a_slow_document_and_the_configured_limit(hooked: None, corpus: tuple[Path, Path],
                                                                  tmp_path: Path) -> None:
    _, mixed = corpus
    cfg = tmp_path / "caresocial.toml"
    cfg.write_text("doc-timeout = 1\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(mixed), "-o", str(out), "--config", str(cfg)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"caresocial: {mixed / 'doc2b.txt'}: no results: extraction took longer "
                                          f"than the 1 s limit per document (--doc-timeout)"]
    page = out.read_text(encoding="utf-8")
    assert "doc2b.txt: no results" in page  # the page lists the problem too
    assert all(f"doc{i}" in page for i in range(len(TEXTS)))
    assert "£11.3 billion" in page


def test_cli_memory_limit(hooked: None, tmp_path: Path) -> None:
    if not watchdog.memory_limit_available():
        pytest.skip("memory limits are enforced on Linux only")
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{hooks.HUNGRY} £5m", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--doc-memory", "300"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"caresocial: {tmp_path / 'b.txt'}: no results: extraction needed more "
                                          f"than the 300 MiB limit per document (--doc-memory)"]
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == ["a"]


# ------------------------------------------------------------------------------------------------------
# Dask: the same lines and the same results on a cluster (--scheduler)
# ------------------------------------------------------------------------------------------------------
def _install_on_worker() -> str:
    from caresocial import watchdog

    from . import hooks as worker_hooks

    watchdog.close_shared()  # workers forked before the hook was installed would not have it
    worker_hooks.install()
    return "installed"


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    pytest.importorskip("distributed")
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        assert set(client.run(_install_on_worker).values()) == {"installed"}
        yield client


def test_dask_bag_with_limits_skips_only_the_slow_document(dask_client: Any) -> None:
    import dask.bag as db

    from caresocial import distributed as dist

    texts = [*TEXTS, f"{hooks.SLOW} £1m", *TEXTS]
    bag = dist.extract_bag(db.from_sequence(items(texts), npartitions=3), limits=Limits(timeout=1, memory=0)).persist()
    got = list(dist.iter_documents(bag))
    assert [type(r).__name__ for r in got] == ["Document"] * 5 + ["Skipped"] + ["Document"] * 5
    assert got[5].message == "docs/d5.txt: no results: extraction took longer than the 1 s limit per document " \
                             "(--doc-timeout)"
    want = list(extract_many(items(texts[:5]) + items(texts[6:])))
    assert [d.model_dump(exclude={"doc_id", "path"}) for d in got[:5] + got[6:]] == \
        [d.model_dump(exclude={"doc_id", "path"}) for d in want]
    report = dist.check_distributed(bag, Config())  # the line leads the report's errors; the rest is checked
    assert report.errors == (got[5].message,) and report.documents == 10
    lines: list[str] = []
    report = dist.check_distributed(bag, Config(), skipped=lines)
    assert lines == [got[5].message] and report.errors == () and report.documents == 10


def test_cli_scheduler_with_a_slow_document_is_the_local_run(hooked: None, dask_client: Any,
                                                             corpus: tuple[Path, Path]) -> None:
    import subprocess
    import sys

    _, mixed = corpus
    address = dask_client.scheduler.address
    for command in (["extract", "--include-text"], ["check", "-f", "json", "--show-agreements"]):
        args = [command[0], str(mixed), *command[1:], "--doc-timeout", "1"]
        local = CliRunner().invoke(app, args)
        remote = subprocess.run([sys.executable, "-m", "caresocial", *args, "--scheduler", address],
                                capture_output=True, text=True)
        assert (remote.returncode, remote.stdout, remote.stderr) == (local.exit_code, local.stdout, local.stderr)
        assert local.exit_code == 2 and local.stderr.count("\n") == 1 and "doc2b.txt: no results" in local.stderr
