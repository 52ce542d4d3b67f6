"""Time expressions that anchor a claim: 'by 2032', 'in 10 years' time', 'over the last decade', 'now'.

``find_times(text, start, end)`` returns every time phrase in a span with its relation and how to
resolve it: an absolute year, an offset from the statement's reference year, or a back-reference to the
last year mentioned ('that year').
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from .figures.lexicon import UNITS

_NUM = r"(?:\d{1,3}|" + "|".join(sorted((w for w in UNITS if UNITS[w] > 0), key=len, reverse=True)) + \
       r"|twenty|thirty|forty|fifty|a|one)"
_Y = r"(?P<y>(?:19|20)\d{2})(?:[/-](?P<fy>\d{2})(?!\d))?+"
_UNIT = r"(?P<unit>years?|decades?|months?)"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_I = regex.IGNORECASE

# (pattern, relation, mode) — mode: abs (year in text), fwd (+N), back (-N), now (reference year),
# prev (reference - 1), next (+1), that (last year mentioned), rate (per period, no year)
_PATTERNS: list[tuple[str, str, str]] = [
    (rf"\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|start\s+of\s+|spring\s+|summer\s+|autumn\s+|winter\s+)?"
     rf"(?:(?:financial|academic|calendar)\s+year\s+)?{_Y}", "by", "abs"),
    (rf"\b(?:until|till|up\s+to|through|to)\s+(?:the\s+end\s+of\s+)?{_Y}", "to", "abs"),
    (rf"\b(?:since|from)\s+{_Y}", "from", "abs"),
    (rf"\bbetween\s+(?:(?:19|20)\d{{2}})\s+and\s+{_Y}", "over", "abs"),
    (rf"\b(?:in|during|for|throughout|of|at\s+the\s+end\s+of)\s+(?:the\s+)?(?:(?:financial|academic|calendar)\s+)?"
     rf"(?:year\s+)?{_Y}", "at", "abs"),
    # a snapshot on a date: 'on 31 March 2022', 'as at 31 March', 'as of March 2023'
    (rf"\b(?:on|as\s+(?:at|of)|at)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTHS}\.?\s+"
     rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{_Y}", "at", "abs"),
    (rf"\b(?:in|within)\s+(?:the\s+)?(?:next|coming|following)\s+(?P<n>{_NUM})\s+{_UNIT}", "by", "fwd"),
    (rf"\bover\s+(?:the\s+)?(?:next|coming|following)\s+(?P<n>{_NUM})\s+{_UNIT}", "over", "fwd"),
    (rf"\b(?:in|within)\s+(?P<n>{_NUM})\s+{_UNIT}(?:['’]s?)?(?:\s+time)?", "by", "fwd"),
    (r"\bover\s+(?:the\s+)?(?:next|coming|following)\s+(?P<unit>decade|year)", "over", "fwd1"),
    (r"\b(?:in|within)\s+(?:the\s+)?(?:next|coming)\s+(?P<unit>decade|year)", "by", "fwd1"),
    (rf"\b(?:over|in|during)\s+(?:the\s+)?(?:last|past|previous)\s+(?P<n>{_NUM})\s+{_UNIT}", "over", "back"),
    (r"\b(?:over|in|during)\s+(?:the\s+)?(?:last|past|previous)\s+(?P<unit>decade|year)", "over", "back1"),
    (rf"\b(?P<n>{_NUM})\s+{_UNIT}\s+ago\b", "at", "ago"),
    (r"\b(?:a|one)\s+(?P<unit>decade|year)\s+ago\b", "at", "ago1"),
    (rf"\b(?:as\s+part\s+of|over|during|through|under)\s+(?:a|an|the|its|their)\s+(?P<n>{_NUM})[\s-]+{_UNIT}\s+"
     r"(?:[\w-]+\s+){0,2}(?:programme|program|plan|period|strategy|settlement|deal|review|scheme|investment)\b",
     "over", "fwd"),
    (r"\blast\s+year\b", "at", "prev"),
    (r"\bby\s+(?:the\s+end\s+of\s+)?next\s+year\b", "by", "next"),
    (r"\bnext\s+year\b", "at", "next"),
    (r"\b(?:the\s+(?:year|twelve\s+months)\s+(?:before|earlier)|the\s+previous\s+year|a\s+year\s+(?:earlier|before))\b",
     "at", "that-1"),
    (r"\b(?:this\s+year|today|now|currently|at\s+present|at\s+the\s+moment|presently|so\s+far)\b", "at", "now"),
    (r"\b(?:that|the\s+same)\s+year\b", "at", "that"),
    (r"\b(?:each|every|per|a)\s+(?:year|annum)\b|\bannually\b", "per", "rate"),
]


def _merged(which: Iterable[int]) -> regex.Pattern[str]:
    """The patterns ``which`` as one, in their order. Every pattern starts at a word boundary: one ``\\b`` before
    the alternatives, not one in each, lets the engine reject most offsets at once."""
    return regex.compile(r"\b(?:" + "|".join(f"(?P<p{i}>{_PATTERNS[i][0][2:]})" for i in which) + ")", _I)


assert all(p.startswith(r"\b") for p, _, _ in _PATTERNS)


class _Merged:
    """The patterns ``which`` merged (:func:`_merged`), compiled on first use: most texts meet few of the merged
    sets, and compiling them all took a tenth of a second of every process's start."""

    __slots__ = ("compiled", "which")

    def __init__(self, which: tuple[int, ...]) -> None:
        self.which = which
        self.compiled: regex.Pattern[str] | None = None

    def get(self) -> regex.Pattern[str]:
        """The compiled pattern."""
        if self.compiled is None:
            self.compiled = _merged(self.which)
        return self.compiled

    def match(self, text: str, pos: int, endpos: int) -> regex.Match[str] | None:
        compiled = self.compiled
        if compiled is None:
            compiled = self.get()
        return compiled.match(text, pos, endpos)


_COMPILED = _Merged(tuple(range(len(_PATTERNS))))


def _by_first_word() -> dict[str, _Merged]:
    """The patterns that can start with each word, merged: a phrase starts with a whole word (its first word is
    followed by a space, a hyphen or a word boundary). The words are taken from the patterns' text, and a number
    of up to three digits stands as '0', '00' or '000'; a pattern can start with a word when the word alone is
    the start of a match (a partial match)."""
    source = regex.sub(r"\\.", " ", " ".join(p for p, _, _ in _PATTERNS)).lower()
    single = [regex.compile(p, _I) for p, _, _ in _PATTERNS]
    merged: dict[tuple[int, ...], _Merged] = {}
    out: dict[str, _Merged] = {}
    for word in sorted({*regex.findall(r"[a-z]+", source), "0", "00", "000", "0000"}):
        which = tuple(i for i, p in enumerate(single) if p.match(word, partial=True))
        if which:
            if which not in merged:
                merged[which] = _Merged(which)
            out[word] = merged[which]
    return out


_BY_FIRST_WORD = _by_first_word()
_WORD = regex.compile(r"\w+")
_GROUP_INDEX = {f"p{i}": i for i in range(len(_PATTERNS))}
_WORD_VALUES = {**UNITS, "a": 1, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_FY = regex.compile(r"((?:19|20)\d{2})[/-](\d{2})")
_YEAR_MENTION = regex.compile(r"(?<![\w/£$€.,-])(?:19|20)\d{2}(?:[/-]\d{2})?(?![\w/%]|[.,]\d)")


@dataclass(slots=True)
class TimePhrase:
    """A time expression: where it is, its relation, and how to get its year."""

    start: int
    end: int
    relation: str
    mode: str
    year: int | str | None = None  # absolute year or financial year
    offset: int = 0  # years from the reference year (fwd/back/ago)
    text: str = ""

    def resolve(self, reference: int | None, last_year: int | str | None = None) -> int | str | None:
        """The phrase's year against a reference year (None when it cannot be known)."""
        if self.mode == "abs":
            return self.year
        if self.mode == "that":
            if self.offset and last_year is None and reference is not None:
                return reference + self.offset
            return shift_year(last_year, self.offset)
        if self.mode == "rate":
            return None
        if reference is None:
            return None
        return reference + self.offset


def _n(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _WORD_VALUES.get(word, 1)


# Every pattern holds a year or one of these words: the patterns run only in windows around them, reaching this far
# before and after the anchor ('by the end of the financial year 2024', 'as part of a five-year reform programme').
_ANCHORS: dict[str, tuple[int, int]] = {
    "year": (48, 48), "decade": (48, 48), "month": (48, 48), "annum": (16, 8), "annual": (16, 8),
    "today": (16, 8), "now": (16, 8), "current": (16, 8), "present": (16, 8), "moment": (16, 8), "so far": (16, 8),
}
_YEAR_RUN = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_REACH = (48, 4)  # a pattern ends at its year ('2024', '2024/25')


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` within reach of a time anchor, joined where they overlap."""
    low = text[start:end].lower()
    if len(low) != end - start:
        return [(start, end)]
    before, after = _YEAR_REACH
    spans: list[tuple[int, int]] = []
    if "19" in low or "20" in low:  # (a year starts with one)
        spans += [(m.start() - before, m.end() + after) for m in _YEAR_RUN.finditer(text, start, end)]
    for word, (before, after) in _ANCHORS.items():
        i = low.find(word)
        while i >= 0:
            spans.append((start + i - before, start + i + len(word) + after))
            i = low.find(word, i + 1)
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        a, b = max(start, a), min(end, b)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """``_COMPILED.finditer`` over the windows, tried only at the words a phrase can start with, and there with
    the patterns that can start with the word (a word beyond ASCII, with its case folding, gets them all)."""
    for a, b in _windows(text, start, end):
        pos = a
        for w in _WORD.finditer(text, a, b):
            at = w.start()
            if at < pos:
                continue
            word = w.group()
            pattern = _BY_FIRST_WORD.get(word)  # most words are written in lower case
            if pattern is None:
                if not word.isascii():
                    pattern = _COMPILED
                elif word.isdigit():
                    pattern = _BY_FIRST_WORD.get("0" * min(len(word), 4))
                elif not word.islower():
                    pattern = _BY_FIRST_WORD.get(word.lower())
                if pattern is None:
                    continue
            m = pattern.match(text, at, b)
            if m is not None:
                yield m
                pos = m.end()


def find_times(text: str, start: int, end: int) -> list[TimePhrase]:
    """Every time phrase between ``start`` and ``end``, in order."""
    out: list[TimePhrase] = []
    for m in _matches(text, start, end):
        name = m.lastgroup
        if name is None or name not in _GROUP_INDEX:
            # lastgroup may be an inner group; find the outer one that matched (of those its pattern has)
            name = next(k for k in m.re.groupindex if k in _GROUP_INDEX and m.group(k) is not None)
        _, relation, mode = _PATTERNS[_GROUP_INDEX[name]]
        tp = TimePhrase(m.start(), m.end(), relation, mode, text=m.group(0))
        unit = m.group("unit") if "unit" in m.re.groupindex else None
        unit = unit.lower() if unit else "year"
        factor = 10 if unit.startswith("decade") else (1 / 12 if unit.startswith("month") else 1)
        if mode == "abs":
            y, fy = m.group("y"), m.group("fy")
            if fy is not None and (int(y) + 1) % 100 == int(fy):
                tp.year = f"{y}/{fy}"
            else:
                tp.year = int(y)
        elif mode in ("fwd", "back", "ago"):
            n = _n(m.group("n")) * factor
            tp.offset = round(n) * (1 if mode == "fwd" else -1)
            if mode == "back":
                tp.offset = 0  # a period ending now: 'over the last decade' ends in the reference year
                tp.year = None
                tp.mode = "now"
                tp.relation = "over"
                tp.text = m.group(0)
                out.append(tp)
                out[-1].offset = 0
                out[-1].year = -round(n)  # the start offset, kept for 'from' ends
                continue
        elif mode == "fwd1":
            tp.mode, tp.offset = "fwd", 10 if unit.startswith("decade") else 1
        elif mode == "back1":
            tp.mode, tp.relation = "now", "over"
            tp.year = -(10 if unit.startswith("decade") else 1)
        elif mode == "ago1":
            tp.mode, tp.offset = "fwd", -(10 if unit.startswith("decade") else 1)
        elif mode == "ago":
            pass
        elif mode == "that-1":
            tp.mode, tp.offset = "that", -1
        elif mode == "prev":
            tp.mode, tp.offset = "fwd", -1
        elif mode == "next":
            tp.mode, tp.offset = "fwd", 1
        if tp.mode == "ago":
            tp.mode = "fwd"
        out.append(tp)
    return out


def shift_year(year: int | str | None, offset: int) -> int | str | None:
    """A calendar year or a financial year ('2022/23') moved by ``offset`` years."""
    if year is None or not offset:
        return year
    if isinstance(year, int):
        return year + offset
    m = _FY.fullmatch(year)
    if m is None:
        return None
    start = int(m.group(1)) + offset
    return f"{start}/{(start + 1) % 100:02d}"


def period_start_offset(tp: TimePhrase) -> int | None:
    """For 'over the last decade': the offset of the period's start (-10), else None."""
    if tp.relation == "over" and tp.mode == "now" and isinstance(tp.year, int) and tp.year < 0:
        return tp.year
    return None


def last_year_before(text: str, pos: int, floor: int) -> int | str | None:
    """The last calendar or financial year written between ``floor`` and ``pos`` ('that year')."""
    found = None
    for m in _YEAR_MENTION.finditer(text, floor, pos):
        found = m.group(0)
    if found is None:
        return None
    if len(found) > 4:
        return found.replace("-", "/")
    return int(found)
