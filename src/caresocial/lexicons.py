"""Lexicons: the word lists and tables the rules are derived from, held as data files users can extend.

Every list of words the rules use (reporting verbs, titles, role nouns, public-body acronyms, currencies,
scale words, measure synonyms, ...) is one file in ``caresocial/data/``, named after the concept
(``reporting_verbs.txt``). A file holds one entry per line; fields of a table row are separated by ``|``;
``#`` starts a comment; blank lines are ignored; the comment at the top names the columns::

    # reporting verbs: lemma | third person | past | past participle (forms left out are generated)
    say | says | said | said
    warn

Patterns, triggers and test lists are *derived* from a :class:`Lexicons` object, never written out again, so
adding a row is a one-place change. Users add rows through configuration, in the same line format or as a
table of key -> value(s)::

    [tool.caresocial.lexicons]
    reporting_verbs = ["contend"]
    acronyms = { NAO = "National Audit Office" }
    measure_synonyms = ["children in care | looked-after children | children looked after"]

A line starting with ``-`` removes the built-in entry with that first field (``"-some"``).

    >>> lex = Lexicons({"reporting_verbs": [("say", "says", "said")]}).extended({"reporting_verbs": ["contend"]})
    >>> lex.words("reporting_verbs")
    ('say', 'contend')
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "caresocial.data"
SEPARATOR = "|"

Row = tuple[str, ...]
Additions = Mapping[str, Any]


class LexiconError(ValueError):
    """A lexicon name or entry that cannot be read (the message names it)."""


def parse_line(line: str) -> Row | None:
    """The fields of one line of a lexicon file (None for a blank or comment line)."""
    body = (line.split("#", 1)[0] if "#" in line else line).strip()
    if not body:
        return None
    return tuple(map(str.strip, body.split(SEPARATOR))) if SEPARATOR in body else (body,)


def parse_text(text: str) -> tuple[Row, ...]:
    """Every row of a lexicon file's text, in file order."""
    return tuple(row for row in map(parse_line, text.splitlines()) if row is not None)


@lru_cache(maxsize=1)
def _builtin() -> dict[str, tuple[Row, ...]]:
    tables: dict[str, tuple[Row, ...]] = {}
    for entry in sorted(resources.files(DATA_PACKAGE).iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".txt"):
            tables[entry.name[:-4]] = parse_text(entry.read_text(encoding="utf-8"))
    return tables


def _rows_of(name: str, value: Any) -> tuple[list[Row], set[str]]:
    """(rows to add, first fields to remove) from one configuration value."""
    added: list[Row] = []
    removed: set[str] = set()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, Mapping):
        for key, val in value.items():
            vals = [val] if isinstance(val, str) else list(val)
            if not all(isinstance(v, str) for v in vals):
                raise LexiconError(f"lexicon {name!r}: values of {key!r} must be text")
            added.append((str(key).strip(), *(v.strip() for v in vals)))
        return added, removed
    if not isinstance(value, Iterable):
        raise LexiconError(f"lexicon {name!r}: expected a list of lines or a table, got {type(value).__name__}")
    for item in value:
        if isinstance(item, str):
            stripped = item.strip()
            if stripped.startswith("-") and len(stripped) > 1:
                removed.add(stripped[1:].split(SEPARATOR, 1)[0].strip().lower())
                continue
            row = parse_line(item)
            if row is not None:
                added.append(row)
        elif isinstance(item, Sequence) and all(isinstance(x, str) for x in item):
            added.append(tuple(x.strip() for x in item))
        else:
            raise LexiconError(f"lexicon {name!r}: entry {item!r} is neither a line nor a list of fields")
    return added, removed


class Lexicons:
    """An immutable set of named tables (built-in data plus user additions); hashable, so compiled patterns
    can be cached per lexicon set."""

    def __init__(self, tables: Mapping[str, Iterable[Row]]) -> None:
        self._tables: dict[str, tuple[Row, ...]] = {name: tuple(rows) for name, rows in sorted(tables.items())}

    @classmethod
    def default(cls) -> Lexicons:
        """The built-in tables of ``caresocial/data/`` (one shared object)."""
        return _default()

    def names(self) -> tuple[str, ...]:
        """The table names, sorted."""
        return tuple(self._tables)

    def rows(self, name: str) -> tuple[Row, ...]:
        """Every row of a table, built-in rows first, then additions in the order given."""
        try:
            return self._tables[name]
        except KeyError:
            known = ", ".join(self._tables)
            raise LexiconError(f"unknown lexicon {name!r} (lexicons: {known})") from None

    def words(self, name: str) -> tuple[str, ...]:
        """The first field of every row, without repeats, in order."""
        return tuple(dict.fromkeys(row[0] for row in self.rows(name)))

    def mapping(self, name: str) -> dict[str, tuple[str, ...]]:
        """First field -> the other fields (a later row for the same key wins)."""
        return {row[0]: row[1:] for row in self.rows(name)}

    def extended(self, additions: Additions | None) -> Lexicons:
        """A new set with ``additions`` ({table name: lines or table}) applied; ``self`` when there are none."""
        if not additions:
            return self
        tables = dict(self._tables)
        for name, value in additions.items():
            if name not in tables:
                known = ", ".join(tables)
                raise LexiconError(f"unknown lexicon {name!r} (lexicons: {known})")
            added, removed = _rows_of(name, value)
            rows = [row for row in tables[name] if row[0].lower() not in removed]
            tables[name] = tuple(rows + added)
        return Lexicons(tables)

    @cached_property
    def digest(self) -> str:
        """A short hash of the content: equal sets have equal digests."""
        raw = json.dumps(self._tables, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicons) and other.digest == self.digest

    def __repr__(self) -> str:
        return f"Lexicons({len(self._tables)} tables, {self.digest})"


@lru_cache(maxsize=1)
def _default() -> Lexicons:
    return Lexicons(_builtin())


@lru_cache(maxsize=32)
def _extended_cached(key: str) -> Lexicons:
    return _default().extended(json.loads(key))


def lexicons(additions: Additions | None = None) -> Lexicons:
    """The built-in lexicons with ``additions`` applied (cached per distinct additions)."""
    if not additions:
        return _default()
    return _extended_cached(json.dumps(additions, sort_keys=True, ensure_ascii=False))
