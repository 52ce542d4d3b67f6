"""What a written figure admits, and when a claim holds, as intervals.

A value stands for the interval its written precision implies (GUIDELINES, "conflicts"): ``£6bn`` is
5.5-6.5bn, ``23%`` 22.5-23.5%, ``4.5 million`` 4.45-4.55m, ``7,600`` 7,550-7,650. Trailing zeros of a whole
number are rounding (``6,520`` is to the ten, ``£300m`` to the hundred million, as a headline rounds £310m),
except that a lone leading ``1`` keeps one more figure (``100,000`` is to the ten thousand, ``£10bn`` to the
billion: half the value either way would be no precision at all), and whole percentages are to the point.
Figures in words are read to a tenth of their value (``a third``, ``half a million``), whole numbers in words
exactly (``twenty-six``); shares written ``four in 10`` or ``1 in 8`` are read to the nearest numerator or
denominator. A hedge widens the interval by ``tolerance.approx`` of the value: on both sides for ``about``,
only downwards for ``nearly``/``almost`` (lexicon ``hedge_directions``). A bound is open-ended: ``up to
£4.9bn`` admits £4.6bn. ``tolerance.relative`` and ``tolerance.percent-points`` widen every interval further
(default 0: the written precision alone).

Times are month intervals: ``2023`` is Jan-Dec 2023, ``2026/27`` the financial year April 2026 - March 2027,
``2022/25`` April 2022 - March 2025, a date its month. Deadlines and start dates given as dates are compared
as values the same way.
"""

from __future__ import annotations

import math

import regex

from ..lexicons import Lexicons
from .caching import cached

Span = tuple[int, int]  # months since year 0, inclusive

_DIGITS = regex.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})++|\d++)(?:\.(\d++))?")
_SHARE = regex.compile(r"\b(?:in|out\s+of)\s+(\d{1,4})\b", regex.I)
_FY = regex.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_DATE = regex.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_HEDGE_WINDOW = 40  # characters before a figure read for its hedge word


def number_in(text: str) -> tuple[float, int, int] | None:
    """(number, decimals, trailing zeros) of the first number written in digits in ``text``, else None."""
    m = _DIGITS.search(text)
    if m is None:
        return None
    whole = m.group(1).replace(",", "")
    dec = m.group(2) or ""
    number = float(f"{whole}.{dec}") if dec else float(whole)
    zeros = 0 if dec else len(whole) - len(whole.rstrip("0"))
    if zeros == len(whole):  # the number 0
        zeros = 0
    return number, len(dec), zeros


def written_half_width(text: str, value: float, kind: str, unit: str | None) -> float:
    """Half the width of the interval a figure's written form implies (in the units of ``value``)."""
    if not math.isfinite(value):
        return 0.0
    if kind == "percent" and text:
        share = _SHARE.search(text)
        if share is not None and int(share.group(1)) > 1:
            return _share_half_width(value, int(share.group(1)))
    parsed = number_in(text) if text else None
    if parsed is None and text and any(ch.isalpha() for ch in text):
        # in words: whole counts exactly, fractions and multipliers to a tenth of their value
        if kind in ("count", "quantity") and float(value).is_integer() and abs(value) < 1000:
            return 0.5
        return abs(value) * 0.1
    if parsed is None:  # no figure text: read the value as if written in digits
        parsed = number_in(_plain(value)) or (abs(value), 0, 0)
    number, decimals, zeros = parsed
    if number == 0:
        return 0.5 * 10.0 ** -decimals
    scale = abs(value) / number
    if decimals:
        step = 10.0 ** -decimals
    elif kind == "percent":
        step = 1.0  # '20%' is to the point, not to the ten
    else:
        significant = str(int(number)).rstrip("0")
        step = 10.0 ** max(0, zeros - 1) if significant == "1" else 10.0 ** zeros
    return 0.5 * step * scale


def _share_half_width(value: float, denominator: int) -> float:
    """'four in 10' is 3.5-4.5 in 10; '1 in 8' is 1 in 7.5-8.5 (half the width, in the value's units)."""
    fraction_units = value / 100.0 * denominator  # the numerator, in the value's scale
    numerator = round(fraction_units)
    if numerator <= 0:
        return abs(value) * 0.1
    per = value / numerator  # the value of one in ``denominator``
    if numerator == 1:
        lo, hi = 1 / (denominator + 0.5), 1 / (denominator - 0.5)
        return (hi - lo) / 2 * denominator * per
    return 0.5 * per


def _plain(value: float) -> str:
    if float(value).is_integer():
        return str(int(abs(value)))
    return repr(abs(value))


def _hedge_table_uncached(lex: Lexicons) -> tuple[tuple[str, str], ...]:
    """(hedge words, direction) from the ``hedge_directions`` lexicon, longest first."""
    rows = [(" ".join(r[0].lower().split()), (r[1] if len(r) > 1 else "around").lower()) for r in lex.rows(
        "hedge_directions")]
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


hedge_table = cached(_hedge_table_uncached, 64)


def hedge_direction(before: str, lex: Lexicons) -> str:
    """'below' when the words just before a hedged figure leave only the lower side open ('nearly'), else
    'around'."""
    tail = " ".join(before[-_HEDGE_WINDOW:].lower().replace("’", "'").split())
    for words, direction in hedge_table(lex):
        if tail.endswith(words) and (len(tail) == len(words) or not tail[-len(words) - 1].isalnum()):
            return direction
    return "around"


def value_interval(value: float, half_width: float, *, approx: bool, direction: str, bound: str | None,
                   hedge: float, relative: float = 0.0, points: float = 0.0) -> tuple[float, float]:
    """The values a figure admits: its written precision, widened by a hedge, open-ended for a bound."""
    widen = abs(value) * relative + points
    lo, hi = value - half_width - widen, value + half_width + widen
    if approx:
        spread = abs(value) * hedge
        lo -= spread
        if direction != "below":
            hi += spread
    if bound == "min":
        hi = math.inf
    elif bound == "max":
        lo = -math.inf
    return lo, hi


def year_span(year: int | str | None) -> Span | None:
    """Months a year holds: 2023 -> Jan-Dec 2023; '2026/27' -> Apr 2026 - Mar 2027; None when unknown."""
    if year is None or isinstance(year, bool):
        return None
    if isinstance(year, int):
        return (year * 12, year * 12 + 11)
    text = str(year).strip()
    if text.isdigit() and len(text) == 4:
        y = int(text)
        return (y * 12, y * 12 + 11)
    m = _FY.match(text)
    if m is None:
        return None
    start = int(m.group(1))
    end_text = m.group(2)
    end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if end < start:
        end += 100
    if end == start:
        return (start * 12, start * 12 + 11)
    return (start * 12 + 3, end * 12 + 2)


def date_span(value: int | str | float | None) -> Span | None:
    """Months a date or year value stands for: '2023-10' -> Oct 2023; 2025 -> 2025; '2027/28' -> that
    financial year; None for a date without a year ('--05-23') or anything else."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return year_span(value) if 1000 <= value <= 9999 else None
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if m is not None and m.group(2):
        month = int(m.group(1)) * 12 + int(m.group(2)) - 1
        return (month, month)
    return year_span(value)


def overlaps(a: Span, b: Span) -> bool:
    """True when two month spans share a month."""
    return a[0] <= b[1] and b[0] <= a[1]


def same_time(a: Span, b: Span) -> bool:
    """True when two claims' times may be the same: one holds the other ('March 2026' in 2026 or in 2025/26),
    or one is a financial year and the other the calendar year it ends in (2025/26 and 2026: a year's
    statistics are commonly named by the year they end in). A financial year and the calendar year it starts
    in are different times (leavers in 2022 and in 2022/23)."""
    if (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1]):
        return True
    return _calendar_end(a, b) or _calendar_end(b, a)


def _calendar_end(year: Span, other: Span) -> bool:
    start_year, start_month = divmod(year[0], 12)
    end_year, end_month = divmod(year[1], 12)
    return start_month == 0 and end_month == 11 and start_year == end_year and other[1] // 12 == start_year \
        and other[1] % 12 != 11 and other[0] < year[0]


def span_text(span: Span) -> str:
    """A month span for people: '2023', 'Apr 2026 - Mar 2027', 'Oct 2023'."""
    names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    (y0, m0), (y1, m1) = divmod(span[0], 12), divmod(span[1], 12)
    if m0 == 0 and m1 == 11 and y0 == y1:
        return str(y0)
    if span[0] == span[1]:
        return f"{names[m0]} {y0}"
    return f"{names[m0]} {y0} - {names[m1]} {y1}"


__all__ = ["Span", "date_span", "hedge_direction", "number_in", "overlaps", "same_time", "span_text",
           "value_interval", "written_half_width", "year_span"]
