"""What a rule function works with: the :class:`Run` it reports to and the :class:`MeasureGroup` it checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from ..config import Config
from ..models import Finding
from .items import DATE_FAMILY, Item, Settings, fingerprint, ref
from .measures import POSSIBLE, SURE, Signature, strength, why
from .rules import SEVERITIES, load_rules

T = TypeVar("T")
AGREEMENT = "agreement"  # the label of a confirmation (Finding.rule of an agreement)


class Run:
    """Collects the findings, agreements and errors of one check (or of one part of it, on a Dask worker)."""

    def __init__(self, cfg: Config | None = None, show_agreements: bool = False) -> None:
        self.cfg = cfg or Config()
        load_rules(self.cfg.rules)  # (again on a Dask worker, whose process has not read the configuration)
        self.settings = Settings.of(self.cfg)
        self.show_agreements = show_agreements
        self.findings: list[Finding] = []
        self.agreements: list[Finding] = []
        self.errors: list[str] = []

    def enabled(self, rule_id: str) -> bool:
        """False when the configuration disables the rule."""
        return rule_id not in self.cfg.disable

    def severity(self, rule_id: str, sureness: int = SURE) -> str:
        """The configured severity, lowered when the claims are not surely on the same measure: at most
        'warning' for a likely match, 'note' for a possible one (error only when sure)."""
        configured = self.cfg.severity_of(rule_id)
        floor = SEVERITIES.index(configured)
        if sureness < SURE:
            floor = max(floor, SURE - sureness)
        return SEVERITIES[min(floor, len(SEVERITIES) - 1)]

    def report(self, rule_id: str, measure: str, items: Sequence[Item], message: str, *,
               sureness: int = SURE) -> None:
        """Add a finding of ``rule_id`` citing ``items`` (in the order given)."""
        self.findings.append(Finding.build(
            rule=rule_id, severity=self.severity(rule_id, sureness), message=message, measure=measure,
            claims=tuple(ref(i) for i in items), fingerprint=fingerprint(rule_id, measure, items), agreement=False))

    def agree(self, measure: str, items: Sequence[Item], message: str) -> None:
        """Add a confirmation (listed only with show_agreements)."""
        if self.show_agreements:
            self.agreements.append(Finding.build(
                rule=AGREEMENT, severity="info", message=message, measure=measure,
                claims=tuple(ref(i) for i in items), fingerprint=fingerprint(AGREEMENT, measure, items),
                agreement=True))


class MeasureGroup:
    """Claims of one unit family taken to be on the same measure (a cluster of one block), in corpus order."""

    def __init__(self, family: str, items: Sequence[Item], candidates: frozenset[int] = frozenset()) -> None:
        self.family = family
        self.items = sorted(items, key=lambda i: i.seq)
        #: seqs of the items that joined as a less specific naming of this and other measures (empty for a plain
        #: cluster); rules tagged ``same-figure`` get such groups and should compare those items with the others
        self.candidates = candidates
        self._shared: dict[str, Any] = {}

    def shared(self, name: str, compute: Callable[[], T]) -> T:
        """An analysis several rules use, computed once per group (``compute()`` the first time)."""
        if name not in self._shared:
            self._shared[name] = compute()
        return self._shared[name]  # type: ignore[no-any-return]

    @cached_property
    def label(self) -> str:
        """The measure named for the group: :meth:`label_of` all its claims."""
        return self.label_of(self.items)

    def label_of(self, items: Sequence[Item]) -> str:
        """The measure a finding on ``items`` names: their most frequent measure key (then the shortest, then
        the first); the group's claims that take no part in the finding do not name it (a bare 'list' in the
        group does not name the finding on 'nhs waiting list' and 'nhs waiting list in england')."""
        counts: dict[str, int] = {}
        for i in items:
            key = i.sig.key if i.family == DATE_FAMILY else i.claim.measure or i.sig.key
            counts[key] = counts.get(key, 0) + 1
        return min(counts, key=lambda k: (-counts[k], len(k), k)) if counts else self.label

    def sureness(self, items: Sequence[Item]) -> int:
        """How sure it is that ``items`` share a measure: each distinct signature's best link to another."""
        sigs = sorted({i.sig for i in items})[:32]
        if len(sigs) <= 1:
            return SURE if not sigs or sigs[0].words else POSSIBLE
        return min(max(strength(s, t) for t in sigs if t != s) for s in sigs)

    def why(self, items: Sequence[Item]) -> str:
        """Why ``items`` were taken to be on the same measure, in words."""
        sigs: list[Signature] = sorted({i.sig for i in items})
        if len(sigs) == 1:
            reason = f"the same measure '{sigs[0].key}'"
        else:
            reason = "; ".join(why(sigs[0], s) for s in sigs[1:4])
            if len(sigs) > 4:
                reason += f"; and {len(sigs) - 4} more wordings"
        speakers = sorted({i.claim.speaker.name for i in items if i.claim.speaker is not None})
        docs = {i.doc_id for i in items}
        if len(speakers) == 1 and len(docs) > 1 and all(i.claim.speaker is not None for i in items):
            reason += f"; all stated by {speakers[0]}"
        return reason


__all__ = ["AGREEMENT", "MeasureGroup", "Run"]
