"""Cheap guards of the figure grammar: tables of the words a pattern needs first, by their first or last
character, so that the scanner tries a pattern only where one of them stands (``Scanner.may_start``,
``follows``, ``precedes``, ``phrase_before``). Each guard lets through everything its pattern can match; the
equivalence tests compare every guarded pattern with the plain search."""

from __future__ import annotations

from collections.abc import Iterable


def by_initial(*words: str) -> dict[str, tuple[str, ...]]:
    """Lower-case ``words`` grouped by their first character; '' (an unknown character) maps to the empty word,
    which starts everywhere."""
    out: dict[str, list[str]] = {"": [""]}
    for w in sorted({w.lower() for w in words if w}):
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def by_final(*phrases: str) -> dict[str, tuple[str, ...]]:
    """Lower-case ``phrases`` grouped by their last character."""
    out: dict[str, list[str]] = {}
    for w in sorted({w.lower() for w in phrases if w}):
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def by_character(tables: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, frozenset[str]]:
    """For each character, the names of the ``tables`` (``by_initial`` or ``by_final`` tables) that hold it: the
    checks worth a closer look there, decided with one look-up. '' (an unknown character) maps to every name."""
    chars = set().union(*tables.values()) | {""}
    return {c: frozenset(name for name, table in tables.items() if c in table or not c) for c in chars}


def trigger_keys(words: Iterable[str]) -> tuple[str, ...]:
    """Prefixes (up to four letters) of ``words``, none the prefix of another: a word starts with one of them."""
    keys: list[str] = []
    for key in sorted({w[:4].lower() for w in words if w}, key=lambda k: (len(k), k)):
        if not any(key.startswith(k) for k in keys):
            keys.append(key)
    return tuple(keys)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
