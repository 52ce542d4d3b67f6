"""Scale out on Dask: extraction as a bag of documents, checking with claims shuffled by block.

Results are identical to a local run. Extraction runs one spaCy pipeline per worker process (loaded once,
cached by :func:`caresocial.extraction.pipeline.get_nlp`) over whole partitions with ``nlp.pipe``; the corpus-wide
citation years (:func:`caresocial.extraction.pipeline.collect_sources`) are a small reduction computed first. The
checker's cross-document rules need every claim of a block (unit family and measure head noun, the key the local
checker blocks by; see :mod:`caresocial.consistency.checker`) in one place, so claims are shuffled by it and each
block is compared on one worker; the within-document rules run where the document is. Only findings (and the
inline suppressions they may need) are gathered, and :func:`caresocial.consistency.checker.finish` sorts them,
drops duplicates and applies suppressions and the baseline as the local run does.

    >>> from dask.distributed import Client
    >>> import dask.bag as db
    >>> client = Client("tcp://scheduler:8786")
    >>> docs = extract_bag(db.from_sequence(texts, partition_size=128)).persist()
    >>> report = check_distributed(docs)

Every function computes on the active scheduler (the ``Client`` last created, or dask's local default).

Needs the ``dask`` extra: ``pip install 'caresocial[dask]'``.
"""

from __future__ import annotations

import math
import os
import pickle
import threading
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .config import Config
from .consistency.checker import Item, check_block, check_document, document_items, finish, new_run, paused_gc
from .errors import CaresocialError, InputError
from .io.corpus import Corpus, Entry, Loaded, Record, load
from .models import Claim, ClaimTime, Document, Report, Speaker
from .watchdog import Limits, Skipped, shared_supervisor

MISSING = "--scheduler needs the dask extra: pip install 'caresocial[dask]'"


class DaskMissingError(CaresocialError, ImportError):
    """Dask (with distributed) is not installed."""


try:
    import dask
    import dask.bag as db
except ImportError as e:  # pragma: no cover - exercised in a subprocess by the tests
    raise DaskMissingError(f"{MISSING} ({e})") from None

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client

__all__ = ["DaskMissingError", "check_distributed", "connect", "corpus_sources", "extract_bag", "iter_documents",
           "preload", "to_dataframes"]

Element = str | os.PathLike[str] | tuple[str | os.PathLike[str], dict[str, Any]] | Entry | Document
_LOCK = threading.Lock()  # one pipeline per process: threads of a worker take turns (spaCy is CPU-bound anyway)
MAX_PARTITION = 256  # documents per partition, at most, when the size is chosen for you


# ------------------------------------------------------------------------------------------------------
# extraction
# ------------------------------------------------------------------------------------------------------
def _read(item: Element) -> tuple[str, dict[str, Any], Loaded | None] | Document:
    """(text, options, what was read) of a bag element: a text, a path or an :class:`~caresocial.io.corpus.Entry`
    (read on the worker, HTML, PDF and DOCX too, with the file's own metadata), or a (text or path, options)
    pair; a Document (already extracted) as it is."""
    if isinstance(item, Document):
        return item
    obj, opts = item if isinstance(item, tuple) else (item, None)
    if isinstance(obj, os.PathLike):
        path = Path(obj)
        obj = Entry(path.stem, path)
    if isinstance(obj, Entry):
        try:
            got = load(obj)
        except InputError as e:  # re-raised as a plain, picklable error with the same one-line message
            raise CaresocialError(str(e)) from None
        return got.text, opts if opts is not None else got.options(), got
    return obj, opts or {}, None


def _sources_part(items: Iterable[Element]) -> dict[str, int]:
    from .extraction.pipeline import collect_sources

    return collect_sources(r[0] for r in map(_read, items) if not isinstance(r, Document))


def _merge_sources(parts: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in parts:
        for name, year in part.items():
            out[name] = max(year, out.get(name, year))
    return out


def corpus_sources(items: db.Bag) -> db.Item:
    """The statement years of every source the corpus cites (``collect_sources``), as a lazy tree reduction."""
    return items.reduction(_sources_part, _merge_sources)


def _extract_part(items: list[Element], sources: dict[str, int] | None, model: str | None,
                  batch_size: int, lexicons: Mapping[str, Any] | None = None,
                  limits: Limits | None = None) -> list[Document | Skipped]:
    from .extraction.pipeline import extract_many

    read: dict[int, Loaded] = {}

    def texts() -> Iterator[tuple[str, dict[str, Any]] | Document]:
        for k, item in enumerate(items):
            got = _read(item)
            if isinstance(got, Document):
                yield got
                continue
            text, opts, loaded = got
            if loaded is not None:
                read[k] = loaded
            yield text, opts

    with _LOCK:
        if limits is not None and limits.active:  # in this worker's supervised child processes
            docs: list[Document | Skipped] = list(shared_supervisor(limits, model, lexicons).run(texts(), sources))
        else:
            docs = list(extract_many(texts(), batch_size=batch_size, sources=sources, model=model,
                                     lexicons=lexicons))
    return [read[k].finish(d) if k in read and isinstance(d, Document) else d for k, d in enumerate(docs)]


def extract_bag(items: db.Bag, *, sources: Mapping[str, int] | db.Item | Literal["corpus"] | None = "corpus",
                model: str | None = None, batch_size: int = 32, lexicons: Mapping[str, Any] | None = None,
                limits: Limits | None = None) -> db.Bag:
    """Extract every element of ``items`` on the workers: a lazy bag of :class:`Document`, in input order.

    items: texts, paths (``pathlib.Path``, read on the workers with their own metadata, doc_id the stem),
        :class:`~caresocial.io.corpus.Entry` objects (as :func:`caresocial.io.corpus.gather` lists them),
        Documents (already extracted: kept as they are) or (text or path, options) pairs as for
        :func:`caresocial.extraction.pipeline.extract_many` (options: doc_id, date, publisher, title, url, path).
    sources: "corpus" collects the citation years of the whole bag first (as the command line does); a
        mapping or a computed item is used as given; None lets each text use only its own citations.
    model: spaCy pipeline name (None: the blank English pipeline).
    lexicons: additions to the built-in lexicons (as ``[tool.caresocial.lexicons]``; see caresocial.lexicons).
    limits: per-document limits (see :mod:`caresocial.watchdog`): each worker extracts in supervised child
        processes, and a document over a limit becomes a :class:`~caresocial.watchdog.Skipped` record in its
        place. None (the default): no limits, every element is a Document.
    RETURNS (dask.bag.Bag): one Document (or Skipped) per element, partitioned like ``items``.
    """
    src: Any = corpus_sources(items) if isinstance(sources, str) else sources
    if isinstance(src, Mapping):
        src = dict(src)
    return items.map_partitions(_extract_part, src, model=model, batch_size=batch_size,
                                lexicons=dict(lexicons) if lexicons else None, limits=limits)


def preload(client: Client, model: str | None = None) -> None:
    """Load the pipeline on every worker now and on every worker that joins later, restarted ones included
    (optional: otherwise the first task on each worker loads it)."""
    from distributed import WorkerPlugin

    class Preload(WorkerPlugin):
        name = f"caresocial-preload-{model or 'blank'}"

        def setup(self, worker: Any) -> None:
            from caresocial.extraction.pipeline import get_nlp

            get_nlp(model)

    client.register_plugin(Preload())


def iter_documents(bag: db.Bag) -> Iterator[Document]:
    """The documents of a bag, in order, holding one partition at a time on this machine."""
    parts = bag.to_delayed()
    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):
        for part in parts:
            yield from part.compute()
        return
    pending = deque(client.compute(parts))
    while pending:
        fut = pending.popleft()
        docs = fut.result()
        fut.release()  # the partition leaves the cluster once it is here
        yield from docs


# ------------------------------------------------------------------------------------------------------
# checking
# ------------------------------------------------------------------------------------------------------
# Order keys put gathered results back in the local checker's order: groups sorted by key, then documents in
# corpus order. Group: (0, measure, family, 0, 0, k); document: (1, "", "", partition, position, k).


def _digest(docs: list[Document | Skipped], part: list[int], cfg: Config, show_agreements: bool,
            buckets: int) -> list[tuple[Any, ...]]:
    """Per partition: the claims by block (with their corpus-order sequence numbers) and each document's
    suppressions, packed into one record per shuffle bucket; the findings of the within-document rules; the
    counts. Shuffling a few coarse records instead of one per claim keeps dask's per-record work small."""
    p = part[0]
    out: list[tuple[Any, ...]] = []
    packed: dict[int, tuple[dict[tuple[str, str], list[tuple[Any, ...]]], dict[str, tuple[Any, ...]]]] = {}
    n_claims = n_docs = 0
    run = new_run(cfg, show_agreements)
    with paused_gc():
        for pos, doc in enumerate(docs):
            if isinstance(doc, Skipped):  # its line leads the report's errors, as the local run prints it first
                out.append(("d", (-1, "", "", p, pos, 0), "k", doc.message))
                continue
            n_docs += 1
            n_claims += len(doc.claims)
            base = (p << 64) | (pos << 32)  # claim order across the corpus: partition, document, claim
            for it in document_items(doc, run.settings):
                groups = packed.setdefault(_bucket("g", it.block, buckets), ({}, {}))[0]
                # the item as plain values (its claim as a dict: much faster across the network than a model)
                groups.setdefault(it.block, []).append(tuple(it._replace(seq=base + it.seq, claim=_pack(it.claim))))
            run = new_run(cfg, show_agreements)
            check_document(run, doc)
            out.extend(("d", (1, "", "", p, pos, k), "f", f) for k, f in enumerate(run.findings))
            out.extend(("d", (1, "", "", p, pos, k), "e", e) for k, e in enumerate(run.errors))
            packed.setdefault(_bucket("s", doc.doc_id, buckets), ({}, {}))[1][doc.doc_id] = ((p, pos),
                                                                                            doc.suppressions)
        # one pickled blob per bucket: bytes cross the network without per-object work and leave no long-lived
        # objects behind for the garbage collector to scan on a worker that holds many records
        out.extend(("b", b, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for b, v in packed.items())
    out.append(("n", n_docs, n_claims))
    return out


def _pack(c: Claim) -> dict[str, Any]:
    """A claim as plain values: they cross the network much faster than pydantic models."""
    d = dict(c.__dict__)
    d["time"] = dict(c.time.__dict__)
    if c.speaker is not None:
        d["speaker"] = dict(c.speaker.__dict__)
    return d


def _unpack(d: dict[str, Any]) -> Claim:
    d["time"] = _build(ClaimTime, d["time"])
    if d["speaker"] is not None:
        d["speaker"] = _build(Speaker, d["speaker"])
    return _build(Claim, d)


def _build(cls: type[Any], values: dict[str, Any]) -> Any:
    """:meth:`caresocial.models.Record.build` taking the dict itself (no copy)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _tagged(*tags: str) -> Any:
    return partial(_has_tag, tags=tags)


def _has_tag(record: tuple[Any, ...], tags: tuple[str, ...]) -> bool:
    return record[0] in tags


def _bucket(kind: str, key: Any, buckets: int) -> int:
    """The shuffle bucket of a block ("g", (family, head)) or of a doc_id ("s", doc_id): a stable
    hash, the same in every process."""
    return zlib.crc32(repr((kind, key)).encode("utf-8", "surrogatepass")) % buckets


def _bucket_of(record: tuple[Any, ...]) -> int:
    return record[1]


def _as_int(key: int) -> int:
    return key


def _shuffle(bag: db.Bag) -> db.Bag:
    """Group the bucket records by bucket with dask's task shuffle, routing on the bucket number itself
    (``Bag.groupby`` would tokenize every key)."""
    from dask.bag import core

    try:
        return core.groupby_tasks(bag, _bucket_of, hash=_as_int)
    except (AttributeError, TypeError):  # pragma: no cover - a dask without this internal
        return bag.groupby(_bucket_of, shuffle="tasks")


def _check_groups(buckets: list[tuple[int, list[tuple[Any, ...]]]], cfg: Config, show_agreements: bool) -> list[bytes]:
    """Per shuffled partition: the cross-document rules on each whole block, and the suppressions of
    the last document of each doc_id (the local checker's ``{doc_id: doc}`` keeps the last); the results as
    one pickled list of (tag, order, value)."""
    out: list[tuple[str, Any, Any]] = []
    with paused_gc():
        groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        last: dict[str, tuple[Any, ...]] = {}
        for _, records in buckets:
            for _tag, _b, blob in records:
                part_groups, part_sups = pickle.loads(blob)
                for key, values in part_groups.items():
                    groups.setdefault(key, []).extend(values)
                for doc_id, (order, sups) in part_sups.items():
                    if doc_id not in last or order > last[doc_id][0]:
                        last[doc_id] = (order, sups)
        out.extend(("s", None, (doc_id, sups)) for doc_id, (_, sups) in last.items() if sups)
        for (family, head), values in groups.items():
            run = new_run(cfg, show_agreements)
            values.sort(key=lambda v: v[0])
            items = [Item._make(v)._replace(claim=_unpack(v[3])) for v in values]
            check_block(run, (family, head), items)
            for tag, found in (("f", run.findings), ("a", run.agreements), ("e", run.errors)):
                out.extend((tag, (0, family, head, 0, 0, k), x) for k, x in enumerate(found))
        return [pickle.dumps(out, pickle.HIGHEST_PROTOCOL)]


def _doc_results(record: tuple[Any, ...]) -> tuple[str, Any, Any]:
    _, order, tag, x = record
    return tag, order, x


def _count(part: Iterable[tuple[Any, ...]]) -> tuple[int, int]:
    docs = claims = 0
    for r in part:
        docs += r[1]
        claims += r[2]
    return docs, claims


def _add(parts: Iterable[tuple[int, int]]) -> tuple[int, int]:
    docs = claims = 0
    for d, c in parts:
        docs += d
        claims += c
    return docs, claims


def _threads() -> int:
    try:
        from distributed import default_client

        return max(1, sum(default_client().nthreads().values()))
    except (ImportError, ValueError):
        return os.cpu_count() or 1


def check_distributed(documents: db.Bag, config: Config | None = None, *, show_agreements: bool = False,
                      baseline: set[str] | None = None, npartitions: int | None = None,
                      skipped: list[str] | None = None) -> Report:
    """:func:`caresocial.consistency.checker.check` on a bag of documents, on the cluster; the same report.

    documents: a bag of Document (from :func:`extract_bag`; persist it first if you also need the records); a
        :class:`~caresocial.watchdog.Skipped` element (extraction under limits) becomes a line of the report's
        errors, ahead of the checker's (or of ``skipped``, when given).
    config, show_agreements, baseline: as for :func:`~caresocial.consistency.checker.check`.
    npartitions: partitions of the claim shuffle (default: two per worker thread, at most one per document
        partition); the per-document digests are small, so few partitions keep the shuffle's task count low.
    skipped: where to put the lines of Skipped documents (default: the report's errors).
    RETURNS (Report): findings sorted by severity, then place, exactly as the local checker sorts them.
    """
    cfg = config or Config()
    n = documents.npartitions
    m = min(n, npartitions or 2 * _threads())
    digest = documents.map_partitions(_digest, db.from_sequence(range(n), npartitions=n), cfg=cfg,
                                      show_agreements=show_agreements, buckets=m)
    if m < n:
        digest = digest.repartition(npartitions=m)
    shuffled = _shuffle(digest.filter(_tagged("b"))).map_partitions(_check_groups, cfg=cfg,
                                                                   show_agreements=show_agreements)
    per_doc = digest.filter(_tagged("d")).map(_doc_results)
    counts = digest.filter(_tagged("n")).reduction(_count, _add)
    blobs, doc_out, (n_docs, n_claims) = dask.compute(shuffled, per_doc, counts)
    run = new_run(cfg, show_agreements)
    lists: dict[str, list[Any]] = {"f": run.findings, "a": run.agreements, "e": run.errors,
                                   "k": run.errors if skipped is None else skipped}
    by_id: dict[str, Document] = {}
    results = []
    with paused_gc():
        for tag, order, x in [*(r for blob in blobs for r in pickle.loads(blob)), *doc_out]:
            if tag == "s":
                by_id[x[0]] = Document.build(doc_id=x[0], suppressions=x[1])
            else:
                results.append((order, tag, x))
        for _order, tag, x in sorted(results, key=lambda r: r[0]):
            lists[tag].append(x)
        return finish(run, by_id, baseline, n_docs, n_claims)


# ------------------------------------------------------------------------------------------------------
# DataFrames
# ------------------------------------------------------------------------------------------------------
_INT64 = frozenset({"start", "end", "sentence_start", "sentence_end", "side", "line", "column"})
_BOOL = frozenset({"approx", "agreement"})


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """One schema for every partition, empty or not: offsets int64, flags bool, text string[pyarrow]; value,
    year and page keep the types :func:`caresocial.io.frames.to_dataframe` gives them."""
    import pandas as pd

    text = pd.StringDtype("pyarrow")
    types = {c: "int64" if c in _INT64 else "bool" if c in _BOOL else text for c in df.columns
             if c not in ("value", "year", "page")}
    return df.astype(types)


def _table(obj: Any, table: str) -> pd.DataFrame:
    from .io.frames import to_dataframe

    return _typed(to_dataframe(obj, table))


def to_dataframes(documents: db.Bag, report: Report | None = None,
                  tables: tuple[str, ...] = ("figures", "claims", "quotes")) -> dict[str, dd.DataFrame]:
    """Dask DataFrames of the figures, claims and quotes of a bag of documents (one partition per bag
    partition), and of a report's findings (one row per side), with the columns of
    :func:`caresocial.io.frames.to_dataframe` (text as string[pyarrow]).

    RETURNS (dict[str, dask.dataframe.DataFrame]): by table name, plus "findings" when ``report`` is given.
    """
    import dask.dataframe as dd

    out: dict[str, dd.DataFrame] = {}
    parts = documents.to_delayed()
    for table in tables:
        out[table] = dd.from_delayed([dask.delayed(_table)(p, table) for p in parts], meta=_table([], table))
    if report is not None:
        out["findings"] = dd.from_pandas(_table(report, "findings"), npartitions=1)
    return out


# ------------------------------------------------------------------------------------------------------
# the command line: --scheduler
# ------------------------------------------------------------------------------------------------------
@contextmanager
def connect(scheduler: str, n_workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (an address such as tcp://host:8786, or a scheduler file);
    "local" starts a LocalCluster here: ``n_workers`` single-threaded processes (default: one per core)."""
    import logging

    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise DaskMissingError(f"{MISSING} ({e})") from None
    if scheduler == "local":
        with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:  # errors reach us
            yield client
        return
    kwargs: dict[str, Any] = {"scheduler_file": scheduler} if scheduler.endswith(".json") else {"address": scheduler}
    try:
        client = Client(**kwargs)  # waits distributed.comm.timeouts.connect (30 s by default)
    except (OSError, TimeoutError, ValueError) as e:
        raise CaresocialError(f"cannot reach the Dask scheduler at {scheduler}: {' '.join(str(e).split())}") from None
    with client:
        yield client


def partitions_for(n: int, threads: int) -> int:
    """Partitions for ``n`` documents: at least four per worker thread, at most MAX_PARTITION documents each."""
    return max(1, min(n, max(4 * threads, math.ceil(n / MAX_PARTITION))))


def _prepass(items: list[tuple[int, Entry]]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    from .extraction.pipeline import collect_sources

    texts: list[str] = []
    failed: list[tuple[int, str]] = []
    for i, entry in items:
        try:
            texts.append(load(entry).text)
        except InputError as e:
            failed.append((i, str(e)))
    return collect_sources(texts), failed


def _merge_prepass(parts: Iterable[tuple[dict[str, int], list[tuple[int, str]]]]
                   ) -> tuple[dict[str, int], list[tuple[int, str]]]:
    parts = list(parts)
    return _merge_sources(p[0] for p in parts), sorted(x for p in parts for x in p[1])


def documents_bag(client: Client, corpus: Corpus, *, cfg: Config, errors: list[str],
                  partition_size: int | None = None) -> tuple[db.Bag, dict[str, Entry | Record]]:
    """What :func:`caresocial.runner.documents` does, on the cluster: the same documents, ids and errors.
    The files must be readable at the same paths on the workers (a shared file system); HTML, PDF and DOCX
    files are converted on the workers, once for the citation pre-pass and once for extraction.

    corpus: the documents of the run (:func:`caresocial.io.corpus.gather`; its listing errors are not added).
    partition_size: documents per partition (default: see :func:`partitions_for`).
    RETURNS: the lazy bag of documents, and where each doc_id comes from (its entry, or its record).
    """
    threads = max(1, sum(client.nthreads().values()))

    def partitions(n: int) -> int:
        return max(1, math.ceil(n / partition_size)) if partition_size else partitions_for(n, threads)

    entries = [(i, item) for i, item in enumerate(corpus.items) if isinstance(item, Entry)]
    n = partitions(len(entries))
    sources, failed = db.from_sequence(entries, npartitions=n).reduction(_prepass, _merge_prepass).compute() \
        if entries else ({}, [])
    bad = dict(failed)
    items: list[Entry | Document] = []
    where: dict[str, Entry | Record] = {}
    for i, item in enumerate(corpus.items):
        if i in bad:
            errors.append(bad[i])
            continue
        where[item.document.doc_id if isinstance(item, Record) else item.doc_id] = item
        items.append(item.document if isinstance(item, Record) else item)
    bag = db.from_sequence(items, npartitions=partitions(len(items))) if items else \
        db.from_sequence([], npartitions=1)
    return extract_bag(bag, sources=sources, lexicons=cfg.lexicons or None, limits=cfg.limits), where


def text_of(item: Entry | Record) -> str | None:
    """The text of a document of the corpus, read here (None for a record without its text)."""
    if isinstance(item, Record):
        return item.text
    return load(item).text


def stream_documents(scheduler: str, corpus: Corpus, *, cfg: Config, jobs: int, errors: list[str],
                     texts: dict[str, str] | None) -> Iterator[Document]:
    """``caresocial extract --scheduler``: the documents of the local run, in order (texts read here when asked)."""
    with connect(scheduler, jobs if jobs > 1 else None) as client:
        bag, where = documents_bag(client, corpus, cfg=cfg, errors=errors)
        for doc in iter_documents(bag):
            if isinstance(doc, Skipped):
                errors.append(doc.message)
                continue
            if texts is not None:
                text = text_of(where[doc.doc_id])
                if text is not None:
                    texts[doc.doc_id] = text
            yield doc


def check_paths(scheduler: str, corpus: Corpus, *, cfg: Config, jobs: int, errors: list[str], texts: dict[str, str],
                show_agreements: bool, baseline: set[str] | None) -> Report:
    """``caresocial check --scheduler``: the local run's report; ``texts`` gets the documents findings cite."""
    with connect(scheduler, jobs if jobs > 1 else None) as client:
        bag, where = documents_bag(client, corpus, cfg=cfg, errors=errors)
        report = check_distributed(bag, cfg, show_agreements=show_agreements, baseline=baseline, skipped=errors)
    for f in (*report.findings, *report.agreements):
        for ref in f.claims:
            if ref.doc_id not in texts and ref.doc_id in where:
                text = text_of(where[ref.doc_id])
                if text is not None:
                    texts[ref.doc_id] = text
    return report
