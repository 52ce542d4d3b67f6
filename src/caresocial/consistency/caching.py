"""The checker's memo tables: pure functions of measure phrases, figure texts, times and lexicons, cached
because a corpus repeats them. ``clear_caches`` empties every one (the tests do before each test, so that a
changed function is always run, as a mutation run needs)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def cached(function: F, maxsize: int = 65536) -> F:
    """``function`` memoised (``functools.lru_cache``), and emptied by :func:`clear_caches`."""
    memo = lru_cache(maxsize=maxsize)(function)
    _CACHES.append(memo)
    return memo  # type: ignore[return-value]


def clear_caches() -> None:
    """Empty every memo table of the checker."""
    for memo in _CACHES:
        memo.cache_clear()


__all__ = ["cached", "clear_caches"]
