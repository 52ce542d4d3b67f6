"""Limits per document: extraction in supervised worker processes, so that one runaway document costs only its
own results.

A timer signal in the extracting process is handled only in the main thread (not in a Dask worker's task
thread) and only between bytecodes (a long call into C code holds it off), an exception raised at an
arbitrary point can leave caches half-written, and a runaway allocation takes the whole process with it; so
documents are extracted in child processes forked from the supervising process once the pipeline is loaded
(the fork copies the loaded pipeline: starting or replacing a worker costs milliseconds, not the pipeline's
load time). Each worker is sent one document at a time; the supervisor waits for its record with a deadline
and kills (``SIGKILL``) a worker that misses it, or that dies, and forks a fresh one for the next document.
The document gets a :class:`Skipped` record in its place: one line naming it and the limit. Every other
document keeps its results, in input order.

Before forking its first worker the supervisor warms up (:meth:`Supervisor.warm_up`: loads the pipeline and
what extraction loads on first use, such as its compiled patterns), so every worker starts with it and the
load is charged to no document's time limit. A worker forked before a warm-up (when it failed) that runs
over the time limit makes the supervisor warm up and, when that took a noticeable time, try the document once
more in a warm worker: a killed worker takes such a load with it, and cold replacements would be killed
again.

In the worker, before each document, ``RLIMIT_CPU`` is set to the CPU time used so far plus the time limit
and a margin, so a worker whose supervisor has gone stops by itself; with a memory limit, ``RLIMIT_AS`` is
set to the worker's size after the fork plus the limit (Linux only: other systems do not enforce it).

    >>> with Supervisor(Limits(timeout=60, memory=4096), jobs=2) as sup:
    ...     for result in sup.run([("text one", {"doc_id": "a"}), ("text two", {"doc_id": "b"})]):
    ...         print(result.message if isinstance(result, Skipped) else result.doc_id)

Needs ``os.fork`` (Linux, macOS, other Unix); :func:`available` says whether the limits can be enforced.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .errors import ConfigError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from .models import Document

__all__ = ["DEFAULT_MEMORY", "DEFAULT_TIMEOUT", "Limits", "Skipped", "Supervisor", "available", "close_shared",
           "default_memory", "extract_limited", "memory_limit_available", "shared_supervisor"]

DEFAULT_TIMEOUT = 60.0  # seconds of wall-clock time per document
DEFAULT_MEMORY = 4096  # MiB of address space per document, on top of the loaded pipeline (where enforceable)
_EXIT_MEMORY = 3  # a worker's exit status after a MemoryError
_WINDOW = 64  # documents extracted ahead of the one the caller waits for, at most (besides one per worker)
_NOTICEABLE = 0.5  # seconds: a warm-up this long loaded something a killed worker may have been loading
# what extraction loads on first use (quantulum3's units for "5 mg"), loaded by Supervisor.warm_up
WARM_UP = "On 1 May 2024 it weighed 5 mg and cost £5m (up 3%), “as planned,” said Dr Jo Smith of the ABC."


@dataclass(frozen=True)
class Limits:
    """Per-document limits: ``timeout`` seconds of wall-clock time and ``memory`` MiB on top of the loaded
    pipeline; 0 switches a limit off."""

    timeout: float = DEFAULT_TIMEOUT
    memory: int = field(default_factory=lambda: default_memory())

    @property
    def active(self) -> bool:
        """Whether any limit is set."""
        return self.timeout > 0 or self.memory > 0


@dataclass(frozen=True)
class Skipped:
    """A document without results: it ran over a limit, its worker died, or extraction raised.

    message: one line naming the document and, for a limit, the limit (what the command line prints).
    detail: the traceback of an exception raised in extraction, else empty.
    """

    doc_id: str | None
    path: str | None
    reason: Literal["timeout", "memory", "died", "error"]
    message: str
    detail: str = ""


def available() -> bool:
    """Whether documents can be extracted in supervised workers here (the platform has ``fork``)."""
    return hasattr(os, "fork")


def memory_limit_available() -> bool:
    """Whether a memory limit per document can be enforced here (Linux: ``RLIMIT_AS`` is enforced and the
    worker's size can be read from ``/proc``)."""
    return available() and sys.platform.startswith("linux")


def default_memory() -> int:
    """The default memory limit per document in MiB: :data:`DEFAULT_MEMORY` where it can be enforced, else 0."""
    return DEFAULT_MEMORY if memory_limit_available() else 0


def check_limits(limits: Limits) -> None:
    """:class:`ConfigError` when a limit is set that this platform cannot enforce."""
    if limits.memory > 0 and not memory_limit_available():
        raise ConfigError(f"doc-memory: a memory limit per document is not supported on {sys.platform} "
                          "(Linux only); set it to 0")


# ------------------------------------------------------------------------------------------------------
# the worker process
# ------------------------------------------------------------------------------------------------------
def _die_with_parent() -> None:
    """Ask Linux to kill this process when the thread that forked it ends (best effort)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no usable libc
        pass


def _limit_memory(mib: int) -> None:
    import resource

    with open("/proc/self/statm", encoding="ascii") as f:
        size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = size + mib * 2**20
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _limit_cpu(seconds: float) -> None:
    """Let the kernel stop this worker (SIGXCPU) once it has used ``seconds`` more CPU time than now: a worker
    whose supervisor is gone must not run on forever."""
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(spent + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _serve(conn: Connection, limits: Limits, model: str | None, lexicons: Mapping[str, Any] | None) -> None:
    """The worker's loop: (text, options, sources or None when unchanged) in, ("ok", Document) or ("error",
    line, traceback) out, until None or end of file."""
    from .extraction import pipeline

    if limits.memory > 0:
        _limit_memory(limits.memory)
    sources: dict[str, int] | None = None
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        text, opts, new_sources = msg
        if new_sources is not None:
            sources = new_sources
        if limits.timeout > 0:
            _limit_cpu(2 * limits.timeout + 5)
        try:
            reply: tuple[Any, ...] = ("ok", next(pipeline.extract_many([(text, opts)], sources=sources, model=model,
                                                                        lexicons=lexicons)))
        except MemoryError:
            os._exit(_EXIT_MEMORY)
        except Exception as e:
            reply = ("error", f"{type(e).__name__}: {' '.join(str(e).split())}"[:300], traceback.format_exc())
        del text, msg
        conn.send(reply)
        del reply  # the records are the supervisor's now: a long document's are not held twice till the next


def _child(conn: Connection, inherited: list[Connection], limits: Limits, model: str | None,
           lexicons: Mapping[str, Any] | None, main_thread: bool) -> None:
    """Runs in the forked child and never returns: the child must not run the parent's exit handlers or flush
    the parent's buffered output a second time."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if main_thread:
            _die_with_parent()
        for other in inherited:  # the other workers' pipe ends: they must see end of file when the parent goes
            other.close()
        try:
            os.dup2(2, 1)  # nothing a worker prints can reach the data written on stdout
        except OSError:  # no stderr to point it at: close it instead
            with suppress(OSError):
                os.close(1)
        sys.stdout = sys.stderr
        _serve(conn, limits, model, lexicons)
        code = 0
    except MemoryError:
        code = _EXIT_MEMORY
    finally:
        os._exit(code)


class _Worker:
    """One forked worker process and the supervisor's end of its pipe."""

    def __init__(self, limits: Limits, model: str | None, lexicons: Mapping[str, Any] | None,
                 inherited: list[Connection]) -> None:
        import multiprocessing
        import threading

        ours, theirs = multiprocessing.Pipe()
        for stream in (sys.stdout, sys.stderr):  # what is buffered now is written once, by the parent
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass
        main = threading.current_thread() is threading.main_thread()
        # What the child inherits (the pipeline, the compiled patterns) is frozen for the fork: its collections
        # skip those objects instead of walking them (and copying their pages); the parent's are collectable
        # again at once. (Not when someone froze objects before: unfreezing would release theirs too.)
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        pid = -1
        try:
            pid = os.fork()
        finally:
            if freeze and pid != 0:  # (the parent, or a fork that failed)
                gc.unfreeze()
        if pid == 0:  # pragma: no cover - runs in the child
            ours.close()
            _child(theirs, inherited, limits, model, lexicons, main)
        theirs.close()
        self.pid = pid
        self.conn = ours
        self.sources: dict[str, int] | None = None  # what the worker was last sent
        self.status: int | None = None  # wait status, once reaped
        self.warm = False  # forked after the supervisor's warm_up

    def alive(self) -> bool:
        """Whether the process still runs (reaps it when not)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is None

    def send(self, text: str, opts: dict[str, Any], sources: dict[str, int] | None) -> None:
        changed = sources if sources != self.sources else None
        self.conn.send((text, opts, changed))
        self.sources = sources

    def kill(self) -> None:
        """Kill the process (if it still runs) and reap it."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.status = os.waitpid(self.pid, 0)[1]
        self.conn.close()

    def stop(self, grace: float = 1.0) -> None:
        """Ask the process to finish, then kill it if it has not after ``grace`` seconds."""
        if self.status is None:
            try:
                self.conn.send(None)
                self.conn.poll(grace)  # end of file: the process has exited
            except OSError:
                pass
        self.kill()

    def ended(self) -> tuple[Literal["memory", "died"], str]:
        """Why the process ended: the reason and a few words (after its pipe reported end of file)."""
        if self.status is None:
            self.status = os.waitpid(self.pid, 0)[1]
        status = self.status
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _EXIT_MEMORY:
            return "memory", ""
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == getattr(signal, "SIGXCPU", None):
                return "died", "stopped by its CPU time limit"
            return "died", f"killed by {signal.Signals(sig).name}" if sig in signal.valid_signals() else \
                f"killed by signal {sig}"
        return "died", f"exit status {os.WEXITSTATUS(status) if os.WIFEXITED(status) else status}"


# ------------------------------------------------------------------------------------------------------
# the supervisor
# ------------------------------------------------------------------------------------------------------
def _name(opts: Mapping[str, Any], index: int) -> str:
    return str(opts.get("path") or opts.get("doc_id") or f"document {index + 1}")


def _seconds(value: float) -> str:
    return f"{value:g} s"


def skipped(opts: Mapping[str, Any], index: int, reason: str, limits: Limits, words: str = "",
            detail: str = "") -> Skipped:
    """The :class:`Skipped` record of the ``index``-th document (``opts`` as for ``extract_many``)."""
    name = _name(opts, index)
    if reason == "timeout":
        what = f"extraction took longer than the {_seconds(limits.timeout)} limit per document (--doc-timeout)"
    elif reason == "memory":
        what = f"extraction needed more than the {limits.memory} MiB limit per document (--doc-memory)"
    elif reason == "died":
        what = f"the extraction process ended unexpectedly ({words})"
        if limits.memory > 0:
            what += f"; the memory limit per document is {limits.memory} MiB (--doc-memory)"
    else:
        what = f"internal error in extraction: {words}"
    return Skipped(opts.get("doc_id"), opts.get("path"), reason, f"{name}: no results: {what}", detail)  # type: ignore[arg-type]


class Supervisor:
    """Worker processes that extract documents under :class:`Limits` (see the module docstring).

    limits: the limits per document.
    jobs: worker processes (documents extracted at once).
    model, lexicons: as for :func:`caresocial.extraction.pipeline.extract_many`.

    Workers are forked on first use, after the pipeline is loaded here, and kept for later :meth:`run` calls
    until :meth:`close` (also on leaving a ``with`` block).
    """

    def __init__(self, limits: Limits, jobs: int = 1, model: str | None = None,
                 lexicons: Mapping[str, Any] | None = None) -> None:
        check_limits(limits)
        if not available():
            raise ConfigError(f"per-document limits need os.fork, which {sys.platform} lacks; set doc-timeout "
                              "and doc-memory to 0")
        self.limits = limits
        self.jobs = max(1, jobs)
        self.model = model
        self.lexicons = lexicons
        self.workers: list[_Worker] = []
        self.warm = False  # warm_up has run here

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker process."""
        workers, self.workers = self.workers, []
        for w in workers:
            w.stop()

    def _idle_worker(self, busy: dict[_Worker, Any]) -> _Worker | None:
        """A live worker with nothing to do, forking one when fewer than ``jobs`` run; None when all are busy."""
        for w in list(self.workers):
            if w in busy:
                continue
            if w.alive() and (w.warm or not self.warm):
                return w
            # ended between documents (its thread ended, or it was killed), or forked before warm_up: replaced
            w.kill()
            self.workers.remove(w)
        if len(self.workers) >= self.jobs:
            return None
        # loaded before the fork, so every worker starts with it: the pipeline and what extraction loads on
        # first use (compiled patterns, lexicon tables), once here rather than once in every worker and charged
        # to no document's time limit
        from .extraction.pipeline import get_nlp

        get_nlp(self.model, self.lexicons)
        with suppress(Exception):  # (an extraction that fails here fails in the worker too, for each document)
            self.warm_up()
        w = _Worker(self.limits, self.model, self.lexicons, [x.conn for x in self.workers])
        w.warm = self.warm
        self.workers.append(w)
        return w

    def _retire(self, w: _Worker) -> None:
        w.kill()
        self.workers.remove(w)

    def run(self, items: Iterable[str | tuple[str, dict[str, Any]] | Document],
            sources: dict[str, int] | None = None) -> Iterator[Document | Skipped]:
        """Extract ``items`` (texts or (text, options) pairs, as for ``extract_many``; a Document, extracted
        before, is passed through): one Document or :class:`Skipped` per item, in input order. ``sources`` as
        for ``extract_many``."""
        feed = iter(items)
        done: dict[int, Document | Skipped] = {}
        busy: dict[_Worker, _Job] = {}
        queue: deque[_Job] = deque()  # documents waiting for a worker (one to try again goes first)
        taken = emitted = 0
        exhausted = False
        try:
            while True:
                while not exhausted and len(queue) < self.jobs and taken - emitted < _WINDOW + self.jobs:
                    item = next(feed, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item, (str, tuple)):
                        text, opts = (item, {}) if isinstance(item, str) else item
                        queue.append(_Job(taken, text, opts))
                        taken += 1
                    else:  # a record extracted before: passed through
                        done[taken] = item
                        taken += 1
                self._dispatch(queue, busy, done, sources)
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
                if busy:
                    self._collect(busy, done, queue)
                elif exhausted and not queue:
                    return
        finally:
            for w in list(busy):  # the caller stopped early (or an error): those documents are abandoned
                self._retire(w)

    def _dispatch(self, queue: deque[_Job], busy: dict[_Worker, _Job], done: dict[int, Document | Skipped],
                  sources: dict[str, int] | None) -> None:
        """Send queued documents to idle workers (forking them as needed)."""
        refused = 0
        while queue:
            w = self._idle_worker(busy)
            if w is None:
                return
            job = queue[0]
            try:
                w.send(job.text, job.opts, sources)
            except OSError:  # it ended just now, between documents: another takes the document
                reason, words = w.ended()
                self._retire(w)
                refused += 1
                if refused >= 3:  # workers die as they start: the document cannot be extracted
                    queue.popleft()
                    done[job.index] = skipped(job.opts, job.index, reason, self.limits, words)
                    refused = 0
                continue
            queue.popleft()
            job.deadline = time.monotonic() + self.limits.timeout if self.limits.timeout > 0 else float("inf")
            busy[w] = job

    def _collect(self, busy: dict[_Worker, _Job], done: dict[int, Document | Skipped], queue: deque[_Job]) -> None:
        """Wait for a result or the first deadline; file what came back and what ran over."""
        from multiprocessing.connection import wait

        first = min(job.deadline for job in busy.values())
        ready = wait([w.conn for w in busy], None if first == float("inf") else max(0.0, first - time.monotonic()))
        by_conn = {w.conn: w for w in busy}
        for conn in ready:
            w = by_conn[conn]  # type: ignore[index]
            job = busy.pop(w)
            try:
                reply = conn.recv()  # type: ignore[union-attr]
            except (EOFError, OSError):
                reason, words = w.ended()
                if "CPU" in words:
                    self._overran(w, job, done, queue)
                else:
                    self._retire(w)
                    done[job.index] = skipped(job.opts, job.index, reason, self.limits, words)
                continue
            if reply[0] == "ok":
                done[job.index] = reply[1]
            else:
                done[job.index] = skipped(job.opts, job.index, "error", self.limits, reply[1], reply[2])
        now = time.monotonic()
        for w, job in list(busy.items()):
            if job.deadline <= now:
                del busy[w]
                self._overran(w, job, done, queue)

    def _overran(self, w: _Worker, job: _Job, done: dict[int, Document | Skipped], queue: deque[_Job]) -> None:
        """A document ran over the time limit. The first time in a worker forked before this process loaded what
        extraction loads lazily (quantulum3's tables, seconds), it may have been that load: the load is done
        here, once, so that every later worker starts with it, and when it took a noticeable time the
        document is tried once more."""
        self._retire(w)
        if not w.warm and not job.retried and self.warm_up() >= _NOTICEABLE:
            job.retried = True
            queue.appendleft(job)
        else:
            done[job.index] = skipped(job.opts, job.index, "timeout", self.limits)

    def warm_up(self) -> float:
        """Load here what extraction loads on first use, so that workers forked from now on start with it;
        the seconds it took (0 when it had been done)."""
        if self.warm:
            return 0.0
        from .extraction.pipeline import extract

        start = time.monotonic()
        extract(WARM_UP, model=self.model, lexicons=self.lexicons)
        self.warm = True
        return time.monotonic() - start


@dataclass
class _Job:
    """A document in the supervisor's hands."""

    index: int
    text: str
    opts: dict[str, Any]
    deadline: float = float("inf")
    retried: bool = False


_SHARED: dict[tuple[Limits, str | None, str], Supervisor] = {}


def shared_supervisor(limits: Limits, model: str | None = None,
                      lexicons: Mapping[str, Any] | None = None) -> Supervisor:
    """A :class:`Supervisor` with one worker, kept for the life of this process (its workers are stopped at
    exit): for a long-lived process that extracts batch after batch, such as a Dask worker, so that a worker's
    lazily loaded state (quantulum3's units) is loaded once. Callers take turns (it is not thread-safe)."""
    import json

    key = (limits, model, json.dumps(lexicons, sort_keys=True, ensure_ascii=False) if lexicons else "")
    sup = _SHARED.get(key)
    if sup is None:
        if not _SHARED:
            import atexit

            atexit.register(close_shared)
        sup = _SHARED[key] = Supervisor(limits, jobs=1, model=model, lexicons=lexicons)
    return sup


def close_shared() -> None:
    """Stop the workers of every :func:`shared_supervisor` (the next use forks new ones)."""
    for sup in _SHARED.values():
        sup.close()
    _SHARED.clear()


def extract_limited(items: Iterable[str | tuple[str, dict[str, Any]] | Document], *, limits: Limits, errors: list[str],
                    n_process: int = 1, sources: dict[str, int] | None = None, model: str | None = None,
                    lexicons: Mapping[str, Any] | None = None) -> Iterator[Document]:
    """``extract_many`` under per-document ``limits`` (the command line's entry point): the documents in input
    order; a document that ran over a limit, or whose extraction failed, adds its one line to ``errors``
    instead. Without limits, or on a platform without ``fork``, plain ``extract_many``."""
    if not limits.active or not available():
        from .extraction.pipeline import extract_many  # (here: it loads spaCy, which records do not need)

        check_limits(limits)
        yield from extract_many(items, n_process=n_process, sources=sources, model=model, lexicons=lexicons)
        return
    with Supervisor(limits, jobs=n_process, model=model, lexicons=lexicons) as sup:
        for result in sup.run(items, sources):
            if isinstance(result, Skipped):
                errors.append(result.message)
            else:
                yield result
