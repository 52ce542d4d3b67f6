"""Time phrases that anchor a claim: 'by 2032', 'in 10 years' time', 'over the last decade', 'since 2015', 'now'.

``find_times(text, start, end)`` returns every time phrase in a span with its relation (at, by, from, to, over,
per) and how to get its year: written out (``abs``), an offset from the statement's reference year (``rel``:
'next year', 'in five years', 'three years ago', 'now'), an offset from the last year written before it
(``that``: 'the year before', 'that year'), a rate with no year (``rate``: 'a year', 'every day') or a horizon
with no year (``open``: 'soon'). A period ('over the next three years', 'between 2015 and 2024', 'since 2015')
also knows its length or its first year. The words (months, 'now' words, 'next'/'last', units) are the
``time_words`` lexicon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lexicons import Lexicons
from .figures.lexicon import UNITS

_I = regex.IGNORECASE
_Y = r"(?:19|20)\d{2}(?:[/-](?:19|20)?\d{2}(?!\d))?+"
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)"


@dataclass(slots=True)
class TimePhrase:
    """A time expression: where it is, its relation, and how to get its year."""

    start: int
    end: int
    relation: str
    mode: str  # abs, rel, that, rate, open, decade
    year: int | str | None = None  # the year written (abs), or the last year of a period
    offset: int = 0  # years from the reference year (rel) or from the last year written (that)
    span: int = 0  # length of a period in years ('over the next three years': 3), 0 for a point in time
    start_year: int | str | None = None  # first year of a period written out ('between 2015 and 2024', 'since')
    month: int | None = None
    fy_ok: bool = False  # 'this year', 'next year': a financial year where the context reckons in them
    either: bool = False  # 'over three years': ahead of the statement, or up to it in a statement of the past
    ahead: bool = False  # says it looks forward ('in the next decade'), whatever the tense of the statement
    now: bool = False  # a point that is the statement's own time ('today', 'at once'), not a period
    short: bool = False  # counted in a unit shorter than a year ('within 18 weeks', 'over six months')
    text: str = ""

    @property
    def relative(self) -> bool:
        """Whether the phrase needs a reference year."""
        return self.mode not in ("abs", "rate")

    def resolve(self, reference: int | None, last_year: int | str | None = None,
                fy_month: int | None = None, month: int | None = None, future: bool = False) -> int | str | None:
        """The phrase's year against a reference year (None when it cannot be known). ``fy_month`` (the month of
        the reference date) asks for a financial year where the phrase allows one ('this year' in April 2024 or
        later is 2024/25); ``month`` is the reference date's month, for 'last December' and 'next March'."""
        if self.mode == "abs":
            return self.year
        if self.mode in ("rate", "open"):
            return None
        if self.mode == "that":
            if last_year is None:
                return None if reference is None else reference + self.offset
            return shift_year(last_year, self.offset)
        if reference is None:
            return None
        if self.mode == "decade":
            return reference - reference % 10 + 10
        if self.mode == "mon" and self.month is not None:
            # a month alone: the latest such month up to the reference date (this year's when it has come); in a
            # statement of the ``future``, its next time from it
            if future:
                return reference + 1 if month is not None and self.month < month else reference
            return reference - 1 if month is not None and self.month > month else reference
        if self.mode in ("lastmon", "nextmon") and self.month is not None:
            # the nearest such month before (after) the reference date; a year back (on) when its month is unknown
            if self.mode == "lastmon":
                return reference - 1 if month is None or self.month >= month else reference
            return reference + 1 if month is None or self.month <= month else reference
        if fy_month is not None and self.fy_ok:
            first = reference + self.offset - (1 if fy_month < 4 else 0)
            return f"{first}/{(first + 1) % 100:02d}"
        return reference + self.offset


def _alternatives(lex: Lexicons, *classes: str) -> str:
    words = sorted((r[0] for r in lex.rows("time_words") if len(r) > 1 and r[1] in classes), key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def _month_names(lex: Lexicons) -> list[str]:
    """The full name of each month (the longest word of its value in ``time_words``: 'october', not 'oct')."""
    best: dict[str, str] = {}
    for r in lex.rows("time_words"):
        if len(r) > 2 and r[1] == "month" and len(r[0]) > len(best.get(r[2], "")):
            best[r[2]] = r[0].lower()
    return sorted(best.values())


def _patterns(lex: Lexicons) -> list[tuple[str, str, str]]:
    """(pattern, relation, mode) in the order they are tried at one offset (longer phrases first)."""
    mon = _alternatives(lex, "month", "season")  # (a season stands for its middle month: 'autumn 2024')
    now = _alternatives(lex, "now")
    fwd = _alternatives(lex, "forward")
    back = _alternatives(lex, "back")
    unit = r"(?P<unit>" + _alternatives(lex, "unit")[3:-1] + r")s?"
    num = r"(?P<n>\d{1,3}|" + "|".join(sorted((w for w in UNITS if UNITS[w] > 0), key=len, reverse=True)) + \
          r"|twenty|thirty|forty|fifty|a|one)"
    date = rf"(?:{_DAY}?(?P<mon>{mon})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)"
    fyw = r"(?:(?:financial|academic|calendar|school|fiscal)\s+)"
    return [
        (rf"\bby\s+the\s+(?:time|close|end)\b[^.;:!?]{{0,60}}?\(?(?P<y>{_Y})", "by", "abs"),
        (rf"\b(?:by|before)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|start\s+of\s+(?:the\s+)?)?{fyw}?(?:year\s+)?"
         rf"{date}?(?P<y>{_Y})", "by", "abs"),
        (r"\b(?:by\s+the\s+end\s+of\s+(?:the|this)\s+decade|before\s+(?:the|this)\s+decade\s+is\s+(?:out|over))",
         "by", "decade"),
        (rf"\bby\s+(?:the\s+end\s+of\s+)?{fwd}\s+year\b", "by", "next"),
        (rf"\b(?:from|between)\s+{date}?(?P<y0>{_Y})\s+(?:to|and|until)\s+{date}?(?P<y>{_Y})", "over", "abs"),
        (r"\b(?:between|over|during|across|throughout|for)\s+(?:the\s+)?(?:period\s+)?(?P<y0>(?:19|20)\d{2})\s?[-–]"
         r"\s?(?P<y>(?:19|20)\d{2})(?![\d/])", "over", "span"),
        # ('in the first quarter of 2024')
        (rf"\b(?:in|during|over)\s+the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half|three\s+months|"
         rf"six\s+months)\s+of\s+(?:the\s+)?{fyw}?(?:year\s+)?(?P<y>{_Y})", "at", "abs"),
        (rf"\b(?:in\s+|during\s+|over\s+)?the\s+(?:year|twelve\s+months|12\s+months)\s+(?:to|ending|ended)\s+"
         rf"{date}(?P<y>{_Y})", "at", "yearto"),
        (rf"\b(?:over|in|during)\s+(?:the|a)\s+(?:(?P<n>\d{{1,3}}|[a-z]+)[\s-]+)?{unit}\s+(?:to|up\s+to|ending(?:\s+in)?)"
         rf"\s+{date}?(?P<y>{_Y})", "over", "abs"),
        (rf"\b(?:until|till|up\s+to|through|to)\s+(?:the\s+end\s+of\s+)?{date}?(?P<y>{_Y})", "to", "abs"),
        (rf"\bsince\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?{date}?(?P<y0>{_Y})", "over", "since"),
        (r"\bsince\s+(?:[\w’']+\s+){1,5}?(?:came|took|come|taking|began|started|entered)\s+(?:to\s+)?"
         r"(?:power|office)\b", "over", "since"),
        (rf"\bfrom\s+{date}?(?P<y>{_Y})", "from", "abs"),
        (rf"\b(?:on|as\s+(?:at|of)|at|in|during|for|throughout|of|at\s+the\s+end\s+of|end\s+of|before|after)\s+"
         rf"(?:the\s+)?{fyw}?(?:year\s+)?{date}?(?P<y>{_Y})", "at", "abs"),
        (rf"\b{date}(?P<y>{_Y})", "at", "abs"),
        (rf"\b(?:in|within)\s+(?:the\s+)?{fwd}\s+{num}\s+{unit}", "by", "fwd"),
        (rf"\bover\s+(?:the\s+)?{fwd}\s+{num}\s+{unit}", "over", "fwd"),
        (rf"\b(?:in|within)\s+{num}\s+{unit}(?:['’]s?)?(?:\s+time)?", "by", "fwd"),
        (rf"\bover\s+(?:the\s+)?{fwd}\s+{unit}", "over", "fwd1"),
        (rf"\bover\s+{num}\s+{unit}\b", "over", "either"),
        (rf"\b(?:in|within)\s+(?:the\s+)?{fwd}\s+{unit}", "by", "fwd1"),
        (rf"\b(?:as\s+part\s+of|over|during|through|under)\s+(?:a|an|the|its|their)\s+{num}[\s-]+{unit}\s+"
         r"(?:[\w-]+\s+){0,2}(?:programme|program|plan|period|strategy|settlement|deal|review|scheme|investment)\b",
         "over", "fwd"),
        (rf"\b(?:over|in|during)\s+(?:the\s+)?{back}\s+{num}\s+{unit}", "over", "back"),
        (rf"\b(?:over|in|during)\s+(?:the\s+)?{back}\s+{unit}", "over", "back1"),
        (rf"\b{num}\s+{unit}\s+ago\b", "at", "ago"),
        (rf"\b(?:the\s+|a\s+)?(?:{unit}|twelve\s+months)\s+(?:before|earlier)\b|\bthe\s+{back}\s+{unit}\b",
         "at", "before"),
        (r"\b(?:that|the\s+same)\s+year\b", "at", "that"),
        (rf"\b(?:in\s+)?(?P<mon>{mon})\s+{fwd}\s+year\b", "at", "next"),
        (rf"\b(?:in\s+)?(?P<mon>{mon})\s+{back}\s+year\b", "at", "last"),
        (rf"\b(?:in\s+)?{back}\s+(?P<mon>{mon})\b", "at", "lastmon"),
        (rf"\b(?:in\s+)?{fwd}\s+(?P<mon>{mon})\b", "at", "nextmon"),
        # a month alone ('fell to 7.54 million in October'): its latest time up to the reference date
        (rf"\b(?:in|during)\s+(?P<mon>{'|'.join(_month_names(lex))})\b(?!\s*\d)(?!['’]s\b)"
         rf"(?!\s*(?:to|and|until|-|–)\s*{mon}\b)", "at", "mon"),  # (not a span of months: 'July to September')
        (rf"\b{back}\s+year\b", "at", "last"),
        (rf"\b(?:this|the\s+current)\s+{fyw}?year\b", "at", "this"),
        (rf"\b{fwd}\s+{fyw}?year\b", "at", "next"),
        (rf"\b(?:{now})\b", "at", "now"),
        (rf"\b(?:each|every|per|a)\s+(?P<unit>{_alternatives(lex, 'unit')[3:-1]}|annum)\b|\b(?:annually|yearly)\b",
         "per", "rate"),
        (rf"\b{_alternatives(lex, 'open')}\b", "by", "open"),
    ]


@lru_cache(maxsize=8)
def _compiled(lex: Lexicons) -> tuple[list[tuple[str, str, str]], re.Pattern[str]]:
    """The patterns (compiled by the word they start with when first needed, see :func:`_starting_with`), and
    the anchor of a time phrase (a year, a unit of time, a 'now' or horizon word, 'ago', 'since'): a pattern
    for lower-case text, tried only at characters an anchor can start with."""
    pats = _patterns(lex)
    rows = [r for r in lex.rows("time_words") if len(r) > 1]
    anchors = {r[0].lower() for r in rows if r[1] in ("now", "open", "unit", "rate")}
    anchors |= {r[3].lower() for r in rows if r[1] == "unit" and len(r) > 3} | {"annum", "ago", "since"}
    months = [r[0].lower() for r in rows if r[1] in ("month", "season")]
    turns = [r[0].lower() for r in rows if r[1] in ("forward", "back")]
    anchors |= {f"{t} {m}" for t in turns for m in months}  # ('last December', 'next March')
    anchors |= {f"{t} {m}" for t in ("in", "during") for m in _month_names(lex)}  # ('in October')
    words = sorted(anchors, key=len, reverse=True)
    first = "".join(sorted({w[0] for w in words} | {"1", "2"}))
    # (the standard library's re: three times as fast as regex on this plain pattern)
    anchor = re.compile(rf"(?=[{re.escape(first)}])(?:(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:" + "|".join(
        re.escape(a).replace(r"\ ", r"\s+") for a in words) + "))")
    return pats, anchor


_REACH = (70, 60)  # characters a phrase reaches before and after its anchor (a year or a time word)
# the furthest a phrase's first anchor is from its start (the second: 'by the time ... in 2029-30')
_ANCHOR_AFTER = (44, 66)
_FY = regex.compile(r"((?:19|20)\d{2})[/-]((?:19|20)?\d{2})")
_YEAR_MENTION = re.compile(r"(?<![\w/£$€.,-])(?:19|20)\d{2}(?:[/-]\d{2})?(?![\w/%]|[.,]\d)")


def _lower(text: str) -> str:
    """``text`` in lower case, of the same length: a letter whose lower case is longer ('İ') is kept as written,
    so that offsets in the lower-case text are offsets in ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _anchors(text: str, start: int, end: int, anchor: re.Pattern[str]) -> list[int]:
    """Where the time anchors of ``text[start:end]`` start (read in its lower-case text)."""
    return [m.start() + start for m in anchor.finditer(_lower(text[start:end]))]


def _windows(starts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` within reach of a time anchor (at ``starts``), joined where they overlap."""
    out: list[tuple[int, int]] = []
    for ms in starts:
        a, b = max(start, ms - _REACH[0]), min(end, ms + _REACH[1])
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


_LEADS = ("by before from between over during across throughout for in within the until till up through to since "
          "on as at of end after under a an each every per annually yearly that this twelve").split()
_WORD = regex.compile(r"\w+")


@lru_cache(maxsize=8)
def _leading_words(lex: Lexicons) -> frozenset[str]:
    """Every word a time phrase can start with (the patterns' own and the first words of the ``time_words``
    entries); a word not in it (and not a number) starts no phrase, so the patterns are only tried there."""
    words = {w for w in _LEADS}
    words.update(r[0].split()[0].lower() for r in lex.rows("time_words") if r and r[0])
    words.update(w for w in UNITS if " " not in w)
    words.update(("twenty", "thirty", "forty", "fifty", "one", "annum"))
    return frozenset(words)


_DIGITS = ("1", "12", "123", "1st")


_Alternatives = tuple[regex.Pattern[str], tuple[int, ...]]


@lru_cache(maxsize=1024)
def _starting_with(lex: Lexicons, word: str) -> _Alternatives | None:
    """The alternatives that can start with ``word`` (a lead word, or '1' for any short number), in their order,
    as one pattern with their group names, and their numbers; None when none can. Which alternatives can start
    with a word is read from the patterns themselves (a partial match of the word and a space)."""
    pats = _patterns(lex)
    tries = _DIGITS if word == "1" else (word,)
    keep = tuple(i for i, (p, _, _) in enumerate(pats)
                 if any(_one(p).match(w + " ", partial=True) or _one(p).fullmatch(w, partial=True) for w in tries))
    if not keep:
        return None
    return regex.compile("|".join(f"(?P<p{i}>{pats[i][0]})" for i in keep), _I), keep


@lru_cache(maxsize=256)
def _one(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, _I)


@lru_cache(maxsize=8)
def _lead_pattern(lex: Lexicons) -> tuple[re.Pattern[str], dict[str, _Alternatives | None]]:
    """A pattern of the words a time phrase can start with (in lower-case text), and a cache of the
    alternatives for each."""
    return re.compile(r"\b" + _trie(sorted(_leading_words(lex))) + r"\b|\b\d+(?:st|nd|rd|th)?\b"), {}


def _trie(words: list[str]) -> str:
    """One pattern for a list of words, as a tree of their letters (much faster than their alternation)."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def _matches(text: str, start: int, end: int, lex: Lexicons) -> Iterator[tuple[regex.Match[str], int]]:
    _, anchor = _compiled(lex)
    leads, cache = _lead_pattern(lex)
    starts = _anchors(text, start, end, anchor)
    last = start
    for a, b in _windows(starts, start, end):
        a = max(a, last)
        if a >= b:
            continue
        for w in leads.finditer(_lower(text[a:b])):
            at = w.start() + a
            if at < last:
                continue
            tok = w.group()
            k = bisect.bisect_left(starts, at)
            if k == len(starts) or starts[k] - at > (_ANCHOR_AFTER[1] if tok == "by" else _ANCHOR_AFTER[0]):
                continue  # (every phrase holds an anchor this close to its start)
            key = ("1" if len(tok) <= 3 or not tok.isdigit() else None) if tok[0].isdigit() else tok
            if key is None:
                continue
            sub = cache.get(key, False)
            if sub is False:
                sub = cache[key] = _starting_with(lex, key)
            if sub is None:
                continue
            pattern, keep = sub
            m = pattern.match(text, at, end)  # (a phrase may run past the window: 'since ... took office')
            if m is None:
                continue
            name = m.lastgroup
            idx = int(name[1:]) if name and name[0] == "p" and name[1:].isdigit() else \
                next(i for i in keep if m.start(f"p{i}") >= 0)
            last = m.end()
            yield m, idx


def year_value(raw: str) -> int | str | None:
    """'2024' -> 2024, '2024-25' / '2024/2025' -> '2024/25' (a pair of years that do not follow -> the first)."""
    m = _FY.fullmatch(raw)
    if m is None:
        return int(raw) if raw.isdigit() else None
    first, second = int(m.group(1)), int(m.group(2)[-2:])
    if (first + 1) % 100 == second:
        return f"{first}/{second:02d}"
    return int(m.group(1))


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, 1)


_NUMBER_WORDS = {**UNITS, "a": 1, "one": 1, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


@lru_cache(maxsize=8)
def _values(lex: Lexicons, cls: str) -> dict[str, str]:
    """word -> value of the ``time_words`` rows of one class ('month': 'march' -> '3')."""
    return {r[0].lower(): r[2] for r in lex.rows("time_words") if len(r) > 2 and r[1] == cls}


@lru_cache(maxsize=8)
def _class_words(lex: Lexicons, cls: str) -> frozenset[str]:
    """The ``time_words`` of one class ('forward': 'next', 'coming', 'following')."""
    return frozenset(r[0].lower() for r in lex.rows("time_words") if len(r) > 1 and r[1] == cls)


def _unit_years(unit: str | None, lex: Lexicons) -> float:
    """The years of a unit of time (its plural 's' and a month's dot are outside the patterns' groups)."""
    years = _values(lex, "unit").get(unit.lower()) if unit else None
    return float(years) if years is not None else 1.0


def _month_of(word: str | None, lex: Lexicons) -> int | None:
    if not word:
        return None
    month = _values(lex, "month").get(word.lower()) or _values(lex, "season").get(word.lower())
    return int(month) if month is not None else None


def _phrase(m: regex.Match[str], relation: str, mode: str, lex: Lexicons) -> TimePhrase:
    gd = m.groupdict()
    tp = TimePhrase(m.start(), m.end(), relation, mode, text=m.group(0), month=_month_of(gd.get("mon"), lex))
    if gd.get("y"):
        tp.year = year_value(gd["y"])
    if gd.get("y0"):
        tp.start_year = year_value(gd["y0"])
    years = _unit_years(gd.get("unit"), lex)
    tp.short = years < 1
    n = _number(gd.get("n"))
    length = max(1, round(n * years))
    if mode == "span":  # 'between 2022-2025' (but '2023-2024' is one financial year)
        tp.mode = "abs"
        if _span(tp.start_year, tp.year) < 2:
            tp.relation, tp.year, tp.start_year = "at", year_value(f"{gd['y0']}/{gd['y']}"), None
        else:
            tp.span = _span(tp.start_year, tp.year)
    elif mode == "either":
        tp.mode, tp.offset, tp.span, tp.either = "rel", length, length, True
    elif mode == "yearto":
        tp.mode = "abs"
        if tp.month is not None and tp.month <= 4 and isinstance(tp.year, int):
            tp.year = f"{tp.year - 1}/{tp.year % 100:02d}"  # a year to March or April: the financial year
        tp.span = 1
    elif mode == "abs" and tp.start_year is not None:
        tp.span = _span(tp.start_year, tp.year)
    elif mode == "since":
        tp.mode, tp.span = "rel", 0
    elif mode in ("fwd", "fwd1"):
        tp.mode = "rel"
        tp.offset = tp.span = length if mode == "fwd" else max(1, round(years))
        tp.ahead = any(w in _class_words(lex, "forward") for w in m.group(0).lower().split())
    elif mode in ("back", "back1"):
        tp.mode, tp.offset = "rel", 0
        tp.span = length if mode == "back" else max(1, round(years))
    elif mode == "ago":  # in whole years: 'six weeks ago' is the statement's year, '12 months ago' the year before
        tp.mode, tp.offset = "rel", -round(n * years)
    elif mode == "before":
        # 'the year before', 'a decade earlier'; within the year of the time it counts back from for a shorter
        # unit ('up from 4.2% in the previous quarter' of April to June 2024 is 2024)
        tp.mode, tp.offset = "that", -max(1, round(years)) if gd.get("unit") and years >= 1 else \
            (0 if gd.get("unit") else -1)
    elif mode in ("next", "last", "this", "now"):
        tp.offset = {"next": 1, "last": -1}.get(mode, 0)
        tp.fy_ok = mode in ("this", "next") and tp.month is None
        tp.now = mode == "now"
        tp.mode = "rel"
    return tp


def _span(first: int | str | None, last: int | str | None) -> int:
    def start(y: int | str | None) -> int | None:
        return y if isinstance(y, int) else (int(y[:4]) if isinstance(y, str) else None)
    a, b = start(first), start(last)
    return b - a if a is not None and b is not None and b >= a else 0


# a possessive time whose noun is the figure's own ('last year's rise of 4.9%', 'this year's £2bn deficit'):
# the time of that figure
POSSESSED_FIGURE = regex.compile(r"\s+(?:(?:[a-z-]+\s+){1,2}of\s+)?(?P<fig>[£$€]?\d)", regex.IGNORECASE)


def find_times(text: str, start: int, end: int, lex: Lexicons | None = None) -> list[TimePhrase]:
    """Every time phrase between ``start`` and ``end``, in order."""
    lex = lex if lex is not None else Lexicons.default()
    pats, _ = _compiled(lex)
    out: list[TimePhrase] = []
    for m, idx in _matches(text, start, end, lex):
        _, relation, mode = pats[idx]
        if text.startswith(("'s", "’s"), m.end()) and not POSSESSED_FIGURE.match(text, m.end() + 2):
            continue  # 'this year's Budget': the year names the noun, not when something holds
        phrase = _phrase(m, relation, mode, lex)
        if relation == "to" and _denied_until(text, phrase, start, lex):
            phrase.relation = "by"
        out.append(phrase)
    return out


def _denied_until(text: str, p: TimePhrase, start: int, lex: Lexicons) -> bool:
    """Whether an 'until' phrase follows a denied verb in its clause ('will not be ready until 2032', 'won't open
    until 2030'): the thing happens then (by then), it does not last until then."""
    if not text[p.start:p.start + 5].lower().startswith(("until", "till")):
        return False
    before = text[max(start, p.start - 80):p.start]
    words = before[max(before.rfind(c) for c in ",;:") + 1:].lower().replace("’", "'").split()[-6:]
    denials = _negations(lex)
    return any(w in denials or w.endswith("n't") for w in words)


@lru_cache(maxsize=64)
def _negations(lex: Lexicons) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.words("negations"))


def shift_year(year: int | str | None, offset: int) -> int | str | None:
    """A calendar year or a financial year ('2022/23') moved by ``offset`` years."""
    if year is None or not offset:
        return year
    if isinstance(year, int):
        return year + offset
    m = _FY.fullmatch(year)
    if m is None:
        return None
    first = int(m.group(1)) + offset
    return f"{first}/{(first + 1) % 100:02d}"


def years_written(text: str, start: int, end: int) -> list[tuple[int, int | str | None]]:
    """(offset, year) of every calendar or financial year written in ``text[start:end]``."""
    return [(m.start(), year_value(m.group(0))) for m in _YEAR_MENTION.finditer(text, start, end)]


def last_year_before(text: str, pos: int, floor: int,
                     written: list[tuple[int, int | str | None]] | None = None) -> int | str | None:
    """The last calendar or financial year written between ``floor`` and ``pos`` ('that year', 'the year
    before'); ``written``: the years of a span holding both, when they have been read."""
    if written is not None:
        found = [y for at, y in written if floor <= at and at < pos]
        return found[-1] if found else None
    last = None
    for m in _YEAR_MENTION.finditer(text, floor, pos):
        last = m
    return None if last is None else year_value(last.group(0))
