"""Generic units from quantulum3's tables, for what the domain rules do not cover (mg, GHz, dB, ...).

A short unit-like token right after a digit number is looked up in the ``generic_units`` lexicon: every token
quantulum3 names a unit for (as ``5 <token>``, with the unit's own symbol or name, never money or dimensionless
words), generated from quantulum3's data by ``scripts/build_generic_units.py``. The answers are quantulum3's;
the look-up costs a dictionary access instead of loading quantulum3 (seconds on first use) and parsing.
Never for money, counts or years; users add tokens through the ``generic_units`` lexicon.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from .lexicon import AHEAD

# A unit-like token: short, or with a degree sign, slash, superscript or micro sign.
_UNITISH = regex.compile(r"[ \u00a0]?+(?P<tok>[°µμ]?[A-Za-z]{1,4}(?:[/²³][A-Za-z0-9]{0,3})?+|°[CF]?)(?![A-Za-z])")
_UNIT_SIGNS = ("°", "µ", "μ")
_COMMON_WORDS = frozenset(
    "a an the of in on at by for to and or but as is are was were be it its he she we they you i me my "
    "our us no not so up off out per via vs new old all any can may more most less few one two its "
    "than then that this what who why how when ago am pm bn mn m k b g x st nd rd th".split()
)


def generic_quantity(text: str, num_start: int, num_end: int, units: Mapping[str, str]) -> tuple[int, str] | None:
    """(end offset, unit name) when a unit token of ``units`` (token -> unit name, the ``generic_units``
    lexicon) follows the number at ``num_end``, else None."""
    c = text[num_end:num_end + 1]
    if c in (" ", "\u00a0"):
        c = text[num_end + 1:num_end + 2]
    if not (c.isascii() and c.isalpha()) and c not in _UNIT_SIGNS:
        return None  # _UNITISH starts with a letter or a sign, after at most one space
    m = _UNITISH.match(text, num_end, num_end + AHEAD)
    if m is None:
        return None
    tok = m.group("tok")
    if tok.lower() in _COMMON_WORDS:
        return None
    unit = units.get(tok)
    if unit is None:
        return None
    return m.end(), unit
