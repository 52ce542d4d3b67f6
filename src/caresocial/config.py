"""Configuration: ``[tool.caresocial]`` in ``pyproject.toml`` or a ``caresocial.toml`` file.

```toml
[tool.caresocial]
disable = ["unit-scale"]                  # rule ids switched off
fail-on = "warning"                       # error | warning | never
doc-timeout = 60                          # seconds per document, 0 for none (see caresocial.watchdog)
doc-memory = 4096                         # MiB per document on top of the pipeline, 0 for none (Linux)

[tool.caresocial.severity]                # re-level rules
time-conflict = "error"

[tool.caresocial.tolerance]                # a figure stands for the interval its written precision implies
relative = 0.0                            # ... widened by this share of the value
approx = 0.10                             # ... and by this share when hedged ('about', 'nearly')
percent-points = 0.0                      # ... and by these points for percentages
arithmetic = 0.0                          # extra slack for the arithmetic rule

[tool.caresocial.aliases]                 # measure names that mean the same thing (measure_synonyms)
"children in care" = ["looked after children", "children looked after"]

[[tool.caresocial.documents]]             # per path glob
path = "press/*.md"
date = "2023-02-02"
publisher = "County Councils Network"
```
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from .watchdog import Limits

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SEVERITIES = ("error", "warning", "note")
_TOP_KEYS = {"disable", "fail-on", "severity", "tolerance", "aliases", "documents", "lexicons", "doc-timeout",
             "doc-memory", "rules"}
_TOL_KEYS = {"relative", "approx", "percent-points", "arithmetic"}


def __getattr__(name: str) -> Any:
    """``RULE_IDS`` and ``DEFAULT_SEVERITY`` are read from the checker's rule registry when asked for, so that
    a rule registered at run time is known to configuration (see :mod:`caresocial.consistency.rules`)."""
    if name == "RULE_IDS":
        return rule_ids()
    if name == "DEFAULT_SEVERITY":
        from .consistency.rules import all_rules

        return {r.id: r.severity for r in all_rules()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rule_ids() -> tuple[str, ...]:
    """The ids of every registered checker rule."""
    from .consistency.rules import rule_ids as ids

    return ids()


@dataclass(frozen=True)
class DocumentRule:
    """Date and publisher for documents whose path matches a glob."""

    pattern: str
    date: date | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Config:
    """Checker and extraction settings (all optional)."""

    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    relative: float = 0.0  # extra tolerance as a share of the value, on top of the written precision
    approx: float = 0.10  # a hedge ('about', 'nearly') widens a value by this share of it
    percent_points: float = 0.0  # extra tolerance in points for percentages, on top of the written precision
    arithmetic: float = 0.0  # extra tolerance for the arithmetic rule, as a share of the stated figure
    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> canonical key
    documents: tuple[DocumentRule, ...] = ()
    fail_on: str | None = None
    source: str | None = None
    lexicons: dict[str, Any] = field(default_factory=dict)  # additions to the built-in lexicons (see lexicons.py)
    doc_timeout: float | None = None  # seconds per document (None: the default of caresocial.watchdog; 0: none)
    doc_memory: int | None = None  # MiB per document (None: the default of caresocial.watchdog; 0: none)
    rules: tuple[str, ...] = ()  # references ("package.module:name") of checker rules loaded from other packages

    @property
    def limits(self) -> Limits:
        """The per-document limits of extraction (defaults where not configured; see :mod:`caresocial.watchdog`)."""
        from .watchdog import DEFAULT_TIMEOUT, Limits, default_memory

        return Limits(timeout=float(DEFAULT_TIMEOUT if self.doc_timeout is None else self.doc_timeout),
                      memory=default_memory() if self.doc_memory is None else int(self.doc_memory))

    def with_limits(self, doc_timeout: float | None = None, doc_memory: int | None = None) -> Config:
        """This configuration with the per-document limits given on the command line (None: unchanged)."""
        changes = {k: v for k, v in (("doc_timeout", doc_timeout), ("doc_memory", doc_memory)) if v is not None}
        return replace(self, **changes) if changes else self

    def severity_of(self, rule: str) -> str:
        """The configured severity of a rule."""
        from .consistency.rules import default_severity

        return self.severity.get(rule) or default_severity(rule)

    def canonical(self, key: str) -> str:
        """A measure key after aliases."""
        return self.aliases.get(key, key)

    def for_path(self, path: Path | str) -> tuple[date | None, str | None]:
        """(date, publisher) configured for a document path (the last matching rule wins per field)."""
        d: date | None = None
        pub: str | None = None
        p = Path(path).as_posix()
        for rule in self.documents:
            if fnmatch.fnmatch(p, rule.pattern) or fnmatch.fnmatch(Path(p).name, rule.pattern) or \
                    p.endswith("/" + rule.pattern.lstrip("./")):
                d = rule.date or d
                pub = rule.publisher or pub
        return d, pub


def _where(src: str, key: str) -> str:
    return f"{src}: [tool.caresocial] {key}" if src.endswith("pyproject.toml") else f"{src}: {key}"


def parse(data: dict[str, Any], src: str = "<config>") -> Config:
    """A :class:`Config` from the ``[tool.caresocial]`` table; :class:`ConfigError` names a bad key."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        expected = ", ".join(sorted(_TOP_KEYS))
        raise ConfigError(f"{_where(src, sorted(unknown)[0])}: unknown key (expected one of {expected})")
    plugins = _plugin_rules(data, src)  # loaded first: severity and disable may name their ids
    disable, severity = _rule_settings(data, src)
    values = _tolerances(data, src)
    aliases_raw = data.get("aliases", {})
    aliases = _aliases(aliases_raw, src)
    lexicon_additions = with_aliases(_lexicon_additions(data, src), aliases_raw)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning", "never"):
        raise ConfigError(f"{_where(src, 'fail-on')}: {fail_on!r} is not one of error, warning, never")
    return Config(disable=disable, severity=severity, aliases=aliases, documents=_documents(data, src),
                  fail_on=fail_on, source=src, lexicons=lexicon_additions, rules=plugins, **values,
                  **_limits(data, src))


def _plugin_rules(data: dict[str, Any], src: str) -> tuple[str, ...]:
    """``rules``: references of checker rules in other packages, registered now."""
    from .consistency.rules import RuleLoadError, load_rules

    refs = data.get("rules", [])
    if not isinstance(refs, list) or not all(isinstance(r, str) and r.strip() for r in refs):
        raise ConfigError(f"{_where(src, 'rules')}: must be a list of \"package.module:name\" strings")
    try:
        load_rules(refs)
    except RuleLoadError as e:
        raise ConfigError(f"{_where(src, 'rules')}: {e}") from None
    return tuple(refs)


def _rule_settings(data: dict[str, Any], src: str) -> tuple[frozenset[str], dict[str, str]]:
    """``disable`` and ``severity``, checked against the registered rules."""
    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(x, str) for x in disable):
        raise ConfigError(f"{_where(src, 'disable')}: must be a list of rule ids")
    ids = rule_ids()  # the registry's ids, read once
    for r in disable:
        if r not in ids:
            raise ConfigError(f"{_where(src, 'disable')}: unknown rule id {r!r} (rules: {', '.join(ids)})")
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{_where(src, 'severity')}: must be a table of rule = severity")
    for r, s in severity.items():
        if r not in ids:
            raise ConfigError(f"{_where(src, 'severity.' + r)}: unknown rule id (rules: {', '.join(ids)})")
        if s not in SEVERITIES:
            raise ConfigError(f"{_where(src, 'severity.' + r)}: {s!r} is not one of {', '.join(SEVERITIES)}")
        if r in disable:
            raise ConfigError(f"{_where(src, 'severity.' + r)}: rule is also disabled; choose one")
    return frozenset(disable), dict(severity)


def _tolerances(data: dict[str, Any], src: str) -> dict[str, float]:
    """``tolerance``: the Config fields it sets."""
    tol = data.get("tolerance", {})
    if not isinstance(tol, dict):
        raise ConfigError(f"{_where(src, 'tolerance')}: must be a table")
    values: dict[str, float] = {}
    for k, v in tol.items():
        if k not in _TOL_KEYS:
            raise ConfigError(f"{_where(src, 'tolerance.' + k)}: unknown key (expected {', '.join(sorted(_TOL_KEYS))})")
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or (k != "percent-points" and v >= 1):
            raise ConfigError(f"{_where(src, 'tolerance.' + k)}: must be a number >= 0"
                              + ("" if k == "percent-points" else " and < 1"))
        values[k.replace("-", "_")] = float(v)
    if "relative" in values and "approx" in values and values["approx"] < values["relative"]:
        raise ConfigError(f"{_where(src, 'tolerance.approx')}: must not be below tolerance.relative")
    return values


def _aliases(aliases_raw: Any, src: str) -> dict[str, str]:
    """``aliases``: alias key -> canonical key."""
    from .extraction.claims.synonyms import measure_key

    if not isinstance(aliases_raw, dict):
        raise ConfigError(f"{_where(src, 'aliases')}: must be a table of measure = [aliases]")
    aliases: dict[str, str] = {}
    canon_of: dict[str, str] = {}  # canonical key -> the table key that named it
    for canon, alts in aliases_raw.items():
        if isinstance(alts, str):
            alts = [alts]
        if not isinstance(alts, list) or not all(isinstance(a, str) for a in alts):
            raise ConfigError(f"{_where(src, 'aliases.' + canon)}: must be a list of strings")
        ck = measure_key(canon)
        canon_of.setdefault(ck, canon)
        for a in alts:
            ak = measure_key(a)
            if ak in aliases and aliases[ak] != ck:
                raise ConfigError(f"{_where(src, 'aliases.' + canon)}: {a!r} is already an alias of {aliases[ak]!r}")
            if ak != ck:
                aliases[ak] = ck
    for ak, ck in aliases.items():  # a measure cannot be both a name and an alias of another: A -> B -> A
        if ak in canon_of:
            raise ConfigError(f"{_where(src, 'aliases.' + canon_of[ak])}: is also listed as an alias of "
                              f"{canon_of.get(ck, ck)!r}; "
                              "put all its aliases under one measure")
    return aliases


def _documents(data: dict[str, Any], src: str) -> tuple[DocumentRule, ...]:
    """``documents``: date and publisher by path glob."""
    docs_raw = data.get("documents", [])
    if not isinstance(docs_raw, list):
        raise ConfigError(f"{_where(src, 'documents')}: must be an array of tables ([[tool.caresocial.documents]])")
    rules: list[DocumentRule] = []
    for i, d in enumerate(docs_raw):
        key = f"documents[{i}]"
        if not isinstance(d, dict) or not isinstance(d.get("path"), str):
            raise ConfigError(f"{_where(src, key + '.path')}: every entry needs a path glob")
        extra = set(d) - {"path", "date", "publisher"}
        if extra:
            raise ConfigError(f"{_where(src, key + '.' + sorted(extra)[0])}: unknown key")
        dv = d.get("date")
        if isinstance(dv, str):
            from .dates import FORMS, DateError, parse_date

            try:
                dv = parse_date(dv)
            except DateError:
                raise ConfigError(f"{_where(src, key + '.date')}: {dv!r} is not {FORMS}") from None
        elif dv is not None and not isinstance(dv, date):
            raise ConfigError(f"{_where(src, key + '.date')}: must be a date")
        pub = d.get("publisher")
        if pub is not None and not isinstance(pub, str):
            raise ConfigError(f"{_where(src, key + '.publisher')}: must be a string")
        rules.append(DocumentRule(d["path"], dv, pub))
    return tuple(rules)


def _lexicon_additions(data: dict[str, Any], src: str) -> dict[str, Any]:
    """``lexicons``: additions to the built-in lexicons, checked by building them."""
    from .lexicons import LexiconError, lexicons

    additions = data.get("lexicons", {})
    if not isinstance(additions, dict):
        raise ConfigError(f"{_where(src, 'lexicons')}: must be a table of lexicon name = [lines] or {{key = value}}")
    try:
        lexicons(additions)
    except LexiconError as e:
        raise ConfigError(f"{_where(src, 'lexicons')}: {e}") from None
    return dict(additions)


def with_aliases(additions: dict[str, Any], aliases: dict[str, Any]) -> dict[str, Any]:
    """``[tool.caresocial.aliases]`` as rows of the ``measure_synonyms`` lexicon ("canonical | alias | ..."), after
    the lexicon additions given for it: one mechanism names measures that mean the same, read at extraction
    (every alias becomes the canonical name in claim keys) and at check time."""
    if not aliases:
        return additions
    have = additions.get("measure_synonyms")
    if have is None:
        lines: list[str] = []
    elif isinstance(have, str):
        lines = [have]
    elif isinstance(have, dict):
        lines = [" | ".join([k, *([v] if isinstance(v, str) else v)]) for k, v in have.items()]
    else:
        lines = list(have)
    rows = [" | ".join([canon, *([alts] if isinstance(alts, str) else alts)]) for canon, alts in aliases.items()]
    additions["measure_synonyms"] = lines + rows
    return additions


def _limits(data: dict[str, Any], src: str) -> dict[str, Any]:
    """``doc-timeout`` (seconds) and ``doc-memory`` (MiB) as Config fields, when set: numbers >= 0."""
    out: dict[str, Any] = {}
    for key, kind in (("doc-timeout", (int, float)), ("doc-memory", (int,))):
        v = data.get(key)
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, kind) or v < 0 or v != v or v == float("inf"):
            what = "a number of seconds" if key == "doc-timeout" else "a whole number of MiB"
            raise ConfigError(f"{_where(src, key)}: must be {what} >= 0 (0 for no limit)")
        out[key.replace("-", "_")] = v
    return out


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """Configuration from ``path``, or from ``caresocial.toml`` / ``pyproject.toml`` in ``start`` (default: the
    current folder) or its parents; the default configuration when none is found."""
    if path is not None:
        return _load_file(path)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ("caresocial.toml", "pyproject.toml"):
            p = folder / name
            if p.is_file():
                cfg = _load_file(p, optional=name == "pyproject.toml")
                if cfg is not None:
                    return cfg
        if (folder / ".git").exists():
            break
    return Config()


def read_setting_file(path: Path, what: str) -> str:
    """The text of a configuration or baseline file; :class:`ConfigError` naming the file otherwise."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read {what} ({e})") from None


def _load_file(path: Path, optional: bool = False) -> Config | None:  # type: ignore[return]
    try:
        data = tomllib.loads(read_setting_file(path, "configuration"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML ({e})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("caresocial")
        if table is None:
            return None if optional else Config(source=str(path))
    else:
        table = data.get("tool", {}).get("caresocial", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.caresocial] must be a table")
    return parse(table, str(path))
