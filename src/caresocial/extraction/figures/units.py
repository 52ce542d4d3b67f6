"""Generic units through quantulum3, for what the domain rules do not cover (mg, GHz, dB, ...).

quantulum3 is slow and over-eager on prose ("£6bn" becomes pounds-barn-newtons), so it is consulted
only for a short window after a digit number whose next token looks like a unit symbol, never for
money, counts or years, and its answer is cached per unit token.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

import regex

from .lexicon import AHEAD

# A unit-like token: short, or with a degree sign, slash, superscript or micro sign.
_UNITISH = regex.compile(r"[ \u00a0]?+(?P<tok>[°µμ]?[A-Za-z]{1,4}(?:[/²³][A-Za-z0-9]{0,3})?+|°[CF]?)(?![A-Za-z])")
_UNIT_SIGNS = ("°", "µ", "μ")
# Entities quantulum3 may report that are never our quantities.
_REJECT_ENTITIES = frozenset({"dimensionless", "currency", "unknown", "information"})
_COMMON_WORDS = frozenset(
    "a an the of in on at by for to and or but as is are was were be it its he she we they you i me my "
    "our us no not so up off out per via vs new old all any can may more most less few one two its "
    "than then that this what who why how when ago am pm bn mn m k b g x st nd rd th".split()
)


@lru_cache(maxsize=1)
def _parser() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


@lru_cache(maxsize=4096)
def _unit_for(token: str) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = _parser().parse(f"5 {token}")
        except Exception:  # quantulum3 raises assorted errors on odd input
            return None
    for q in found:
        unit = q.unit
        if unit is None or unit.entity is None or unit.entity.name in _REJECT_ENTITIES:
            continue
        if not (q.surface.strip() == f"5 {token}" or q.surface.replace(" ", "") == f"5{token}"):
            continue
        # the token must be one of the unit's own symbols or names: quantulum3 also reads a word it does not know
        # as a unit it resembles ('key' as exayears)
        names = {str(s).lower() for s in (*getattr(unit, "surfaces", ()), unit.name)}
        if token in getattr(unit, "symbols", ()) or token.lower() in names or token.lower().rstrip("s") in names \
                or token[-1] in "²³":  # 'm²', 'm³': quantulum3 lists only 'sq m' among the symbols
            return str(unit.name)
    return None


def generic_quantity(text: str, num_start: int, num_end: int) -> tuple[int, str] | None:
    """(end offset, unit name) when a unit symbol follows the number at ``num_end``, else None."""
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
    unit = _unit_for(tok)
    if unit is None:
        return None
    return m.end(), unit
