"""Quantities in units the domain rules do not name (figures/units.py: the ``generic_units`` lexicon built from
quantulum3), one behaviour per row: the exact text, value and unit name, and the tokens after a number that are no
unit. Written to kill the mutants of the generic-unit look-up (docs/testing.md, "Figure grammar and attribution")."""

from __future__ import annotations

from typing import Any

import pytest

from caresocial import extract
from caresocial.extraction.figures.units import generic_quantity


def figures(sentence: str) -> list[tuple[Any, ...]]:
    """(text, kind, value, unit) of every figure, in order."""
    return [(f.text, f.kind, f.value, f.unit) for f in extract(sentence).figures]


# a unit token right after the number, after one space or none; a sign (degree, micro) may start it; a slash or
# a power may follow its letters
GENERIC = [
    ("The dose was 5mg daily.", [("5mg", "quantity", 5.0, "milligram")]),
    ("The signal was 2.4 GHz.", [("2.4 GHz", "quantity", 2.4, "gigahertz")]),
    ("Noise was 85 dB at night.", [("85 dB", "quantity", 85.0, "decibel")]),
    ("The room was 21 °C.", [("21 °C", "quantity", 21.0, "degrees Celsius")]),
    ("The room was 21°C.", [("21°C", "quantity", 21.0, "degrees Celsius")]),
    ("The room was 70 °F.", [("70 °F", "quantity", 70.0, "degrees Fahrenheit")]),
    ("The limit is 20 mph in towns.", [("20 mph", "quantity", 20.0, "miles per hour")]),
    ("The line carries 100 Mbps.", [("100 Mbps", "quantity", 100.0, "megabit per second")]),
    ("The dose was 5 µg.", [("5 µg", "quantity", 5.0, "microgram")]),
    ("The site is 3 ha in area.", [("3 ha", "quantity", 3.0, "hectare")]),
    ("Output was 30 MW.", [("30 MW", "quantity", 30.0, "megawatts")]),
    ("The beam was 10 mW.", [("10 mW", "quantity", 10.0, "milliwatt")]),  # case tells milli from mega
    ("The flat is 45 m² in size.", [("45 m²", "quantity", 45.0, "square metre")]),
    # an English word, an unknown token or a word longer than a unit is no unit
    ("It cost 5 in total.", [("5", "count", 5.0, None)]),
    ("The field is 5 ABCDE.", [("5", "count", 5.0, None)]),
    ("The ward sees 5 an hour.", [("5", "count", 5.0, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), GENERIC, ids=[s[:48] for s, _ in GENERIC])
def test_quantities_in_generic_units(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(sentence) == expected


UNITS = {"mg": "milligram", "GHz": "gigahertz", "°C": "degrees Celsius", "µg": "microgram", "in": "inch",
         "m²": "square metre", "km/h": "kilometre per hour"}

# (text, number start, number end, the expected (end, unit) or None)
LOOKUPS = [
    ("5 mg of it", 0, 1, (4, "milligram")),
    ("5mg of it", 0, 1, (3, "milligram")),
    ("5\u00a0mg of it", 0, 1, (4, "milligram")),
    ("5  mg of it", 0, 1, None),          # at most one space between number and unit
    ("21 °C today", 0, 2, (5, "degrees Celsius")),
    ("5 µg a day", 0, 1, (4, "microgram")),
    ("30 km/h zone", 0, 2, (7, "kilometre per hour")),
    ("45 m² flat", 0, 2, (5, "square metre")),
    ("5 in 10", 0, 1, None),              # a common word is no unit even when the table has it
    ("5 mgs of it", 0, 1, None),          # the token must end where the letters end
    ("5 GHzz", 0, 1, None),
    ("5 kg", 0, 1, None),                 # not in this table
    ("5 , mg", 0, 1, None),
    ("5", 0, 1, None),
]


@pytest.mark.parametrize(("text", "start", "end", "expected"), LOOKUPS, ids=[t for t, *_ in LOOKUPS])
def test_the_generic_unit_after_a_number(text: str, start: int, end: int, expected: tuple[int, str] | None) -> None:
    assert generic_quantity(text, start, end, UNITS) == expected
