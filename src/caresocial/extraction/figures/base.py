"""What every pass of the figure scanner shares: the raw figure, the text and its triggers, the figures taken so
far, and the cheap guards that decide where a pattern is worth trying."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from . import fixed as X
from .patterns import Patterns
from .tables import AHEAD


@dataclass(slots=True)
class RawFigure:
    """A figure before it becomes a record: offsets, kind, value and what the grammar learnt of it."""

    kind: str
    start: int
    end: int
    value: Any
    unit: str | None = None
    approx: bool = False
    bound: str | None = None
    rate: str | None = None
    num_start: int = 0
    num_end: int = 0
    scale: float | None = None
    link: int | None = None
    link_type: str | None = None
    link_role: str | None = None
    source: str = "rules"
    average: bool = False  # a count in digits with a decimal part ('16.3 cases'): a quantity unless a range says


def scaled(value: float, scale: float | None) -> float:
    """value x scale without binary noise: 8.2 x 1e9 -> 8200000000.0."""
    if not scale:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def window_before(pos: int, size: int = 48) -> tuple[int, int]:
    """The ``size`` characters before ``pos``, as (start, end)."""
    return max(0, pos - size), pos


class ScanBase:
    """The state of one scan of one text and the helpers every pass uses."""

    def __init__(self, text: str, p: Patterns) -> None:
        self.text = text
        self.p = p
        self.t = p.tables
        self.nw = p.numbers
        self.n = len(text)
        low = text.lower()
        # lower-cased for the trigger scans; offsets must stay those of ``text`` ('İ'.lower() is two characters)
        self.low = low if len(low) == len(text) else text.translate(X.ASCII_LOWER)
        # checks on ``low`` stand for case-insensitive patterns unless the text holds a non-ASCII twin of a letter
        self.plain = text.isascii() or not any(ch in text for ch in X.CASE_TWINS)
        # runs of digits and vulgar fractions: (start, end)
        self.vulgar = not text.isascii() and any(ch in text for ch in X.VULGAR_CHARS)
        self.runs: list[tuple[int, int]] = [m.span() for m in (X.TRIGGER_RUN if self.vulgar else X.DIGIT_ONLY_RUN)
                                            .finditer(text)]
        self.excluded: list[tuple[int, int]] = []
        self._ex_starts: list[int] = []
        self.out: list[RawFigure] = []
        self._peek_at, self._peeked = -1, (0, "")
        self._nouns_at: int = -1
        self._nouns: regex.Match[str] | None = None
        self.taken: list[tuple[int, int]] = []
        self._taken_starts: list[int] = []

    # -- what is taken -------------------------------------------------------------------------------
    def in_excluded(self, s: int, e: int) -> bool:
        """True when ``text[s:e]`` overlaps a span that is never a figure."""
        i = bisect.bisect_right(self._ex_starts, s) - 1
        if i >= 0 and self.excluded[i][1] > s:
            return True
        i += 1
        return i < len(self.excluded) and self.excluded[i][0] < e

    def exclude(self, s: int, e: int) -> None:
        """Add ``text[s:e]`` to the spans no figure may overlap."""
        k = bisect.bisect_left(self.excluded, (s, e))
        self.excluded.insert(k, (s, e))
        self._ex_starts.insert(k, s)

    def overlaps_taken(self, s: int, e: int) -> bool:
        """True when ``text[s:e]`` overlaps a figure taken already."""
        starts = self._taken_starts
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and self.taken[i][1] > s:
            return True
        i += 1
        return i < len(self.taken) and self.taken[i][0] < e

    def take(self, fig: RawFigure) -> None:
        """Keep a figure (not one whose value is beyond the float range: 'a million million ...')."""
        if isinstance(fig.value, float) and not math.isfinite(fig.value):
            return
        k = bisect.bisect_left(self.taken, (fig.start, fig.end))
        self.taken.insert(k, (fig.start, fig.end))
        self._taken_starts.insert(k, fig.start)
        self.out.append(fig)

    # -- guards ----------------------------------------------------------------------------------------
    def peek(self, k: int) -> tuple[int, str]:
        """(j, c): the first character from ``k`` on that is no space or no-break space, lower-cased, and its index.
        ``c`` is '' (any check lets it through) past the window an anchored pattern reads, for a non-ASCII
        character, and in a text with a non-ASCII twin of a letter (a case-insensitive pattern matches 'ſ' for
        's'). The last answer is kept: the checks after one number all ask about the same place."""
        if k == self._peek_at:
            return self._peeked
        low = self.low
        j, end = k, min(self.n, k + AHEAD)
        while j < end and low[j] in " \u00a0":
            j += 1
        c = low[j] if j < end and self.plain else ""
        self._peek_at, self._peeked = k, (j, c if c.isascii() else "")
        return self._peeked

    def may_start(self, k: int, starts: dict[str, tuple[str, ...]]) -> bool:
        """False when none of the words ``starts`` groups starts after the spaces from ``k`` on: an anchored
        pattern that needs one of them there cannot match."""
        j, c = self._peeked if k == self._peek_at else self.peek(k)
        words = starts.get(c)
        return words is not None and self.low.startswith(words, j)

    def follows(self, k: int) -> frozenset[str]:
        """The checks after a number (names in ``Patterns.follows``) that may match from ``k`` on."""
        return self.p.follows.get(self.peek(k)[1], X.NO_CHECKS)

    def precedes(self, k: int, b: int) -> frozenset[str]:
        """The phrases before a number (names in ``Patterns.precedes``) that may end at ``k``, where the spaces
        before ``b`` start."""
        if k == b:
            return X.NO_CHECKS
        return self.p.precedes.get(self.low[k - 1], X.NO_CHECKS) if self.plain else self.p.precedes[""]

    def currency_before(self, s: int, back: int) -> regex.Match[str] | None:
        """The currency pattern over the ``back`` characters before ``s``, tried only when a symbol or a code (and at
        most one space) ends there."""
        text = self.text
        j = s - 1 if text[s - 1:s] in (" ", "\u00a0") else s
        p, low = self.p, self.low
        if j > 0 and (text[j - 1] in p.last_symbol or not self.plain or low[max(0, j - 3):j] in p.code_set
                      or (p.other_codes and low.endswith(p.other_codes, 0, j))):
            return p.prefix_cur.search(text, max(0, s - back), s)
        return None

    def spaces_start(self, a: int, b: int) -> int:
        """Where the spaces and no-break spaces that end at ``b`` start (not before ``a``)."""
        text = self.text
        while b > a and text[b - 1] in " \u00a0":
            b -= 1
        return b

    def phrase_before(self, pattern: regex.Pattern[str], ends: dict[str, tuple[str, ...]], a: int, b: int,
                      k: int | None = None) -> regex.Match[str] | None:
        """``pattern.search(text, a, b)`` for a reverse pattern of phrases (``ends`` groups them by their last
        character) and spaces before ``b``; tried only when the text before those spaces (from ``k``, which the
        caller may know) ends with one of them."""
        if k is None:
            k = self.spaces_start(a, b)
        if k == b:
            return None
        if self.plain:
            low = self.low
            phrases = ends.get(low[k - 1])
            if phrases is None or not low.endswith(phrases, a, k):
                return None
        return pattern.search(self.text, a, b)

    def word_before(self, pos: int) -> str:
        """The word that ends in spaces just before ``pos`` ('' when none)."""
        if self.text[pos - 1:pos] not in (" ", "\u00a0"):
            return ""  # WORD_BEFORE ends in spaces
        a, b = window_before(pos, 32)
        m = X.WORD_BEFORE.search(self.text, a, b)
        return m.group("w") if m else ""

    def search_at(self, pattern: regex.Pattern[str], i: int, size: int, back: int) -> regex.Match[str] | None:
        """The match of ``pattern`` that ends with the trigger word ``text[i:i + size]``, looking ``back``
        characters before it (and one after, for a closing lookahead)."""
        a = max(0, i - back)
        while True:
            m = pattern.search(self.text, a, i + size + 1)
            if m is None or m.end() >= i + size:
                return m
            a = m.end()  # an earlier trigger's match ('twofold, threefold')
