"""The checker's rule registry: one :class:`Rule` object per rule, read by everything that needs rules.

A rule is its id, its default severity, the texts a reader sees (name, summary, description, help) and the
function that finds it. The checker runs the registered functions, configuration validates rule ids and
severities against the registry, the renderers describe rules from it (SARIF ``tool.driver.rules``), and the
Dask path runs the same functions on its workers. Adding a rule is one call::

    from caresocial.consistency.rules import Rule, register

    def round_numbers(run, group):          # scope "measure": one group of claims on the same measure
        ...                                 # run.report(...) adds a finding

    register(Rule(id="round-number", severity="note", name="RoundNumber", summary="...", description="...",
                  help="...", scope="measure", function=round_numbers))

Scopes: ``"measure"`` rules get a :class:`~caresocial.consistency.groups.MeasureGroup` (claims of several
documents taken to be on the same measure); ``"document"`` rules get one :class:`~caresocial.models.Document`.
The built-in rules register themselves when their modules are imported (``conflicts``, ``arithmetic``,
``scale``); the registry imports them on first use, so this module imports nothing of the checker itself.

Rules of other packages come in two ways, both read by :func:`load_rules`: an entry point of the group
``caresocial_rules`` (found when the registry is first used), or a reference ``"package.module:name"`` in the
configuration (``[tool.caresocial] rules = [...]``). The object referred to is a :class:`Rule`, an iterable of
them, or a module (or ``"package.module"`` alone) that registers its rules when imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Literal

Scope = Literal["measure", "document"]
SEVERITIES = ("error", "warning", "note")
#: A rule with this tag also gets the groups where a less specific measure naming ("social workers") joins one of
#: the few measures it could name (:attr:`~.run.MeasureGroup.candidates`): rules that compare the same figure,
#: which is evidence of the same measure of its own.
SAME_FIGURE = "same-figure"
#: A rule with this tag also gets those groups, and compares the less specific naming only with values of the
#: same time close enough to be one measure named two ways (the value rule: '7,600 vacancies' against '7,900
#: vacancies of social workers' in the same year, as a note).
LESS_SPECIFIC = "less-specific"
BUILTIN_MODULES = ("caresocial.consistency.conflicts", "caresocial.consistency.arithmetic",
                   "caresocial.consistency.scale", "caresocial.consistency.announced")
#: The entry-point group other packages declare their rules under.
ENTRY_POINT_GROUP = "caresocial_rules"


class RuleLoadError(ValueError):
    """A rule reference that cannot be loaded: the message names the reference and why."""


@dataclass(frozen=True)
class Rule:
    """One checker rule: what it is called, how severe it is by default, how it is explained, what finds it."""

    id: str
    severity: str
    name: str
    summary: str
    description: str
    help: str
    scope: Scope
    function: Callable[..., Any] = field(compare=False)
    tags: tuple[str, ...] = ("consistency",)

    def __post_init__(self) -> None:
        if not self.id or self.id != self.id.strip().lower() or " " in self.id:
            raise ValueError(f"rule id {self.id!r} must be lower-case words joined by '-'")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: severity {self.severity!r} is not one of {', '.join(SEVERITIES)}")
        if self.scope not in ("measure", "document"):
            raise ValueError(f"rule {self.id}: scope {self.scope!r} is not 'measure' or 'document'")

    def meta(self) -> dict[str, Any]:
        """The rule's texts as the renderers read them."""
        return {"name": self.name, "short_description": self.summary, "full_description": self.description,
                "help": self.help, "default_severity": self.severity, "tags": self.tags}


_RULES: dict[str, Rule] = {}
_DEFINED: dict[str, list[str]] = {}  # module -> ids of the built-in rules it defines, in order
_LOADED: list[bool] = []


def _load_builtin() -> None:
    """Import the built-in rules' modules once, and put their rules first in a fixed order (the order of
    ``BUILTIN_MODULES``, then of definition), whatever order the modules happened to be imported in."""
    if not _LOADED:
        _LOADED.append(True)
        for name in BUILTIN_MODULES:
            importlib.import_module(name)
        builtin = [rule_id for name in BUILTIN_MODULES for rule_id in _DEFINED.get(name, [])]
        ordered = {rule_id: _RULES[rule_id] for rule_id in builtin if rule_id in _RULES}
        ordered.update((k, v) for k, v in _RULES.items() if k not in ordered)
        _RULES.clear()
        _RULES.update(ordered)
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
            _load(ep.value, f"entry point {ep.name!r} ({ENTRY_POINT_GROUP})")


def _resolve(reference: str, where: str) -> Any:
    """The object ``reference`` ("package.module:name" or "package.module") names."""
    module_name, _, attr = reference.strip().partition(":")
    try:
        obj: Any = importlib.import_module(module_name)
        for part in attr.split(".") if attr else ():
            obj = getattr(obj, part)
    except (ImportError, AttributeError, ValueError) as e:
        raise RuleLoadError(f"{where}: cannot load {reference!r}: {e}") from None
    return obj


def _load(reference: str, where: str) -> list[str]:
    """Register what a reference names; the ids of the rules it brings (a module registers its own rules when
    imported: those are the ids that were not registered before)."""
    before = set(_RULES)
    obj = _resolve(reference, where)
    if isinstance(obj, type(importlib)):
        return [rule_id for rule_id in _RULES if rule_id not in before] + \
            [rule_id for rule_id in _DEFINED.get(obj.__name__, []) if rule_id in before]
    rules = [obj] if isinstance(obj, Rule) else list(obj) if isinstance(obj, Iterable) else None
    if not rules or not all(isinstance(r, Rule) for r in rules):
        raise RuleLoadError(f"{where}: {reference!r} is not a caresocial Rule, a list of Rules or a module")
    for rule in rules:
        if _RULES.get(rule.id) is not rule:
            if rule.id in _RULES:
                raise RuleLoadError(f"{where}: {reference!r}: rule id {rule.id!r} is already registered")
            _RULES[rule.id] = rule
    return [r.id for r in rules]


def load_rules(references: Iterable[str]) -> list[str]:
    """Register the rules each reference ("package.module:name") names, once; the ids of those rules. A
    reference that cannot be loaded raises :class:`RuleLoadError`."""
    _load_builtin()
    ids: list[str] = []
    for reference in references:
        ids += _load(reference, "rules")
    return ids


def register(rule: Rule, *, replace: bool = False) -> Rule:
    """Add ``rule`` to the registry (after the built-in rules); ``replace`` swaps a rule of the same id in place."""
    _load_builtin()
    if rule.id in _RULES and not replace:
        raise ValueError(f"rule {rule.id!r} is already registered (pass replace=True to swap it)")
    _RULES[rule.id] = rule
    return rule


def unregister(rule_id: str) -> None:
    """Remove a rule (no error when it is not registered)."""
    _load_builtin()
    _RULES.pop(rule_id, None)


Function = Callable[..., Any]


def define(rule_id: str, *, severity: str, name: str, summary: str, description: str, help: str,
           scope: Scope, tags: tuple[str, ...] = ("consistency",)) -> Callable[[Function], Function]:
    """Decorator for a built-in rule's function: registers ``Rule(rule_id, ..., function=the function)``."""

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        _RULES[rule_id] = Rule(rule_id, severity, name, summary, description, help, scope, function, tags)
        _DEFINED.setdefault(function.__module__, []).append(rule_id)
        return function

    return wrap


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, built-in rules first, in registration order."""
    _load_builtin()
    return tuple(_RULES.values())


def get_rule(rule_id: str) -> Rule | None:
    """The rule with this id, or None."""
    _load_builtin()
    return _RULES.get(rule_id)


def rule_ids() -> tuple[str, ...]:
    """The ids of every registered rule."""
    return tuple(r.id for r in all_rules())


def default_severity(rule_id: str) -> str:
    """A rule's default severity ('warning' for an id that is not registered)."""
    rule = get_rule(rule_id)
    return rule.severity if rule is not None else "warning"


__all__ = ["ENTRY_POINT_GROUP", "LESS_SPECIFIC", "SAME_FIGURE", "SEVERITIES", "Rule", "RuleLoadError", "all_rules",
           "default_severity", "define", "get_rule", "load_rules", "register", "rule_ids", "unregister"]
