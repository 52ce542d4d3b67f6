"""The consistency checker: compare claims within and across documents.

    >>> from caresocial import extract
    >>> from caresocial.consistency.checker import check
    >>> a = extract("There will be close to 100,000 children in care by the end of 2025.", doc_id="a")
    >>> b = extract("There will be approaching 100,000 children in care by 2032.", doc_id="b")
    >>> [f.rule for f in check([a, b]).findings]
    ['time-conflict']

How it works, in the order it runs (every step is linear in the number of claims, or in the claims of one
block):

1. Every claim with a measure and a usable value becomes an :class:`~.items.Item` (its written precision as
   an interval, its time in months, its measure signature); claims with no measure are never compared.
2. Items are blocked by unit family and measure head noun (:attr:`~.items.Item.block`); within a block, the
   measure signatures are clustered on evidence (:func:`.measures.cluster`), and each cluster is a
   :class:`~.run.MeasureGroup`.
3. Every registered rule of scope "measure" runs on every group, every rule of scope "document" on every
   document (the registry: :mod:`.rules`). A rule that raises costs only that group's or document's findings
   of that rule: the error is one line of ``Report.errors``.
4. :func:`finish` drops duplicates, applies inline suppressions and the baseline, and sorts.

The public pieces (:func:`document_items`, :func:`check_block`, :func:`check_document`, :class:`Run`,
:func:`finish`, :func:`paused_gc`) are what :mod:`caresocial.distributed` runs on a Dask cluster: blocks are
shuffled to workers by their key, so that a report is the same however the work is split.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..config import Config
from ..models import Document, Finding, Report
from .items import Item, Settings, document_items, fingerprint, items_span, make_item
from .measures import cluster_with_candidates
from .rules import LESS_SPECIFIC, SAME_FIGURE, Rule, all_rules
from .run import AGREEMENT, MeasureGroup, Run

Block = tuple[str, str]  # (unit family, head noun)
_ORDER = {"error": 0, "warning": 1, "note": 2}


def new_run(cfg: Config | None = None, show_agreements: bool = False) -> Run:
    """An empty run collecting findings, agreements and errors, for checking blocks or documents one by one."""
    return Run(cfg, show_agreements)


def blocks(documents: Iterable[Document], settings: Settings) -> dict[Block, list[Item]]:
    """The comparable claims of ``documents`` by block, numbered in corpus order."""
    out: dict[Block, list[Item]] = {}
    seq = 0
    for doc in documents:
        for item in document_items(doc, settings, seq):
            out.setdefault(item.block, []).append(item)
        seq += items_span(doc)
    return out


def measure_groups(block: Block, items: list[Item]) -> list[MeasureGroup]:
    """The measure groups of one block, in a fixed order."""
    rep, candidates = cluster_with_candidates(i.sig for i in items)
    by_rep: dict[Any, list[Item]] = {}
    for i in items:
        by_rep.setdefault(rep[i.sig], []).append(i)
    groups = [MeasureGroup(block[0], by_rep[r]) for r in sorted(by_rep)]
    joining: dict[Any, list[Item]] = {}
    for i in items:
        for r in candidates.get(i.sig, ()):
            joining.setdefault(r, []).append(i)
    # a less specific naming of a few measures, with each of them: for the rules that need the same figure
    groups.extend(MeasureGroup(block[0], [*by_rep[r], *joining[r]], candidates=frozenset(i.seq for i in joining[r]))
                  for r in sorted(joining))
    return groups


def _isolated(run: Run, where: str, rule: Rule, arg: Any) -> None:
    """Run one rule on one group or document; an exception becomes one line in ``Report.errors``."""
    try:
        rule.function(run, arg)
    except Exception as e:
        message = " ".join(str(e).split())
        run.errors.append(f"checker: internal error in {where}: {rule.id}: {type(e).__name__}: {message}")


def check_block(run: Run, block: Block, items: list[Item]) -> None:
    """The rules of scope "measure" on every measure group of one block; results go to ``run``."""
    rules = [r for r in all_rules() if r.scope == "measure" and run.enabled(r.id)]
    for group in measure_groups(block, items):
        if len(group.items) < 2:
            continue
        for rule in rules:
            if group.candidates and SAME_FIGURE not in rule.tags and LESS_SPECIFIC not in rule.tags:
                continue  # a group joined by a less specific naming: only for the rules that compare one
            _isolated(run, f"measure {group.label!r}", rule, group)


def check_document(run: Run, doc: Document) -> None:
    """The rules of scope "document" on one document; results go to ``run``."""
    for rule in all_rules():
        if rule.scope == "document" and run.enabled(rule.id):
            _isolated(run, doc.doc_id, rule, doc)


def check(documents: Iterable[Document], config: Config | None = None, *, show_agreements: bool = False,
          baseline: set[str] | None = None) -> Report:
    """Compare the claims of ``documents`` and report disagreements.

    documents: extracted documents (see :func:`caresocial.extract`).
    config: rules, tolerances and aliases (default: :class:`~caresocial.config.Config()`).
    show_agreements: also list cross-document confirmations in ``Report.agreements``.
    baseline: fingerprints of accepted findings, left out of the report.
    RETURNS (Report): findings sorted by severity, then place.
    """
    docs = list(documents)
    with paused_gc():
        run = new_run(config, show_agreements)
        for key, items in sorted(blocks(docs, run.settings).items()):
            check_block(run, key, items)
        for d in docs:
            check_document(run, d)
        return finish(run, {d.doc_id: d for d in docs}, baseline, len(docs), sum(len(d.claims) for d in docs))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the checker allocates many small acyclic objects, and on a large
    heap each full collection rescans every claim, which makes the run grow faster than linearly."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _suppressed(f: Finding, docs: dict[str, Document]) -> bool:
    for r in f.claims:
        d = docs.get(r.doc_id)
        if d is None:
            continue
        for s in d.suppressions:
            if s.start <= r.start < s.end and (not s.rules or f.rule in s.rules):
                return True
    return False


def _sort_key(f: Finding) -> tuple[Any, ...]:
    first = f.claims[0] if f.claims else None
    return (_ORDER.get(f.severity, 3), f.rule, first.doc_id if first else "", first.start if first else 0,
            f.fingerprint, f.message)


def finish(run: Run, by_id: dict[str, Document], baseline: set[str] | None, documents: int, claims: int) -> Report:
    """The report of a run: findings sorted (severity, rule, place), duplicates dropped, inline suppressions (of
    the documents in ``by_id``) and the baseline applied. The result does not depend on the order in which
    blocks and documents were checked."""
    kept: list[Finding] = []
    suppressed = baselined = 0
    seen: set[str] = set()
    for f in sorted(run.findings, key=_sort_key):
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        if _suppressed(f, by_id):
            suppressed += 1
        elif baseline is not None and f.fingerprint in baseline:
            baselined += 1
        else:
            kept.append(f)
    agreements = sorted(run.agreements, key=lambda f: (f.measure, f.claims[0].doc_id, f.claims[0].start,
                                                       f.fingerprint))
    return Report.model_construct(findings=tuple(kept), agreements=tuple(agreements), documents=documents,
                                  claims=claims, suppressed=suppressed, baselined=baselined,
                                  errors=tuple(sorted(run.errors)))


__all__ = ["AGREEMENT", "Block", "Item", "MeasureGroup", "Run", "Settings", "blocks", "check", "check_block",
           "check_document", "document_items", "fingerprint", "finish", "make_item", "measure_groups", "new_run",
           "paused_gc"]
