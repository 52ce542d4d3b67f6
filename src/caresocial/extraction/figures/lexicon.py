"""The built-in word tables of the figure grammar as module constants, for code that reads them without a
lexicon set (the grammar itself reads :func:`.tables.tables` of its component's lexicons).

The tables are data: ``caresocial/data/*.txt`` (see :mod:`caresocial.lexicons` and :mod:`.tables`).
"""

from __future__ import annotations

from ...lexicons import Lexicons
from .tables import AHEAD, fold, tables

__all__ = ["AHEAD", "IRREGULAR_PLURALS", "TENS", "UNITS", "fold"]

_DEFAULT = tables(Lexicons.default())
UNITS: dict[str, int] = dict(_DEFAULT.units)
TENS: dict[str, int] = dict(_DEFAULT.tens)
IRREGULAR_PLURALS: frozenset[str] = _DEFAULT.irregular_plurals
