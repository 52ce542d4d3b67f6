"""The figure grammar: find every money amount, count, percentage, ratio, year, date, duration and
quantity in a text, with its normalised value, unit, hedge, bound, rate and range/change links.

``scan(text)`` works on the raw string with patterns compiled per lexicon set (:mod:`.patterns`, from the word
tables of :mod:`.tables`) in a few linear passes:

1. page furniture and identifiers that are never figures (URLs, phone numbers, postcodes, times of day,
   "3 min read", list numbering): :mod:`.exclusions`;
2. dates and financial years: :mod:`.dates`;
3. number cores (digits, number words, vague plurals), each classified by its context: currency before
   or after, scale words, percent signs, duration and age units, "times", "one in five", counted noun:
   :mod:`.cores`, :mod:`.classify`, :mod:`.context`;
4. links between figures ("80,000 to 100,000", "from £6bn to £8.2bn"), sharing scale, currency and rate,
   and each figure's hedge, bound and rate: :mod:`.links`.
"""

from __future__ import annotations

from ...lexicons import Lexicons
from .base import RawFigure
from .patterns import patterns
from .scanner import Scanner

__all__ = ["RawFigure", "Scanner", "dated", "has_partial_dates", "scan"]


def scan(text: str, lexicons: Lexicons | None = None, *, year: int | None = None) -> list[RawFigure]:
    """Every figure in ``text``, in order of appearance, read with the word tables of ``lexicons`` (the built-in
    ones when None). A day and month without a year ('6 April') takes ``year``, the document's, when given
    (:func:`dated`). Linear in the length of the text."""
    figs = Scanner(text, patterns(lexicons if lexicons is not None else Lexicons.default())).run()
    return dated(figs, year) if year is not None else figs


def dated(figs: list[RawFigure], year: int) -> list[RawFigure]:
    """``figs`` with every date that has no year ('--04-06') given ``year`` ('2025-04-06'), in place."""
    for f in figs:
        if f.kind == "date" and isinstance(f.value, str) and f.value.startswith("--"):
            f.value = f"{year:04d}{f.value[1:]}"
    return figs


def has_partial_dates(figs: list[RawFigure]) -> bool:
    """True when a date of ``figs`` has no year."""
    return any(f.kind == "date" and isinstance(f.value, str) and f.value.startswith("--") for f in figs)
