"""What a bare measure is, by what the document said before: 'a flawed system will cost £15bn' in a text that
spoke of 'the children's social care system' measures the cost of that system; and the figures of a sentence
that only qualify who is counted ('patients waiting more than 18 weeks')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...lexicons import Lexicons
from ..figures.grammar import RawFigure
from .phrases import POSSESSION, likely_verb
from .vocab import vocabulary
from .words import FIG, PUNCT, TIME, Word, tag

_BACK = 6000  # characters of the document before a sentence searched for a fuller name of a bare head
_WINDOW = 80  # characters before each earlier mention of the head read for its modifiers


def fuller_name(text: str, reading: str, head_word: str | None, before: int, lex: Lexicons) -> str | None:
    """``reading`` with its head noun named as the document last named it in full before offset ``before``:
    the head (``head_word`` when known, else the last word after what a sum is the cost, saving or spending of)
    must end the reading and stand with adjectives only ('flawed system', 'the system'); the fuller name must
    have a noun or a possessive before the head ('children's social care system'); None when there is none."""
    words = reading.split()
    if not words:
        return None
    head = words[-1].strip(",.;:").lower()
    v = vocabulary(lex)
    if head_word is not None and head_word.lower() != head and (len(words) < 2 or words[-2].lower() != "the"):
        return None  # ('children in care': the head is 'children'; but 'people who work in the system')
    prefix = next((f"{r} " for r in sorted(set(v.money_verbs.values())) if reading.startswith(f"{r} ")), None)
    if head_word is None and prefix is None:
        return None
    if len(head) < 3 or not head.isalpha() or v.not_measure(head):
        return None
    ws = tag(reading, 0, len(reading), [], lex)
    k = len(ws) - 1
    while k > 0 and ws[k - 1].is_("A") and not ws[k - 1].is_("N", "G"):
        k -= 1  # the adjectives before the head ('flawed')
    if k > 0 and ((ws[k - 1].is_("N", "G") and ws[k - 1].content) or ws[k - 1].is_("G")):
        return None  # the head has a noun before it already ('social worker vacancies')
    if prefix is not None and head_word is None and ws[k].start != len(prefix):
        return None  # only a bare noun after 'cost of': not 'spending on care for vulnerable children'
    pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    floor = max(0, before - _BACK)
    hits = [m.start() for m in pattern.finditer(text, floor, before)]
    for at in reversed(hits[-4:]):
        if _modifies_next(text, at, at + len(head), lex):
            continue  # (a modifier there, not the head: 'the core *schools* budget')
        name = _compound_before(text, at, len(head), lex)
        if name is not None:
            return f"{reading[:ws[k].start]}{name}".strip()
    return None


def _modifies_next(text: str, at: int, end: int, lex: Lexicons) -> bool:
    """Whether the word at ``at``-``end`` is followed, on its line, by a noun that does not read as its verb (so
    it modifies that noun: 'schools' in 'the core schools budget', not in 'schools spend')."""
    ws = tag(text, at, min(len(text), end + 30), [], lex)
    if len(ws) < 2 or ws[1].start - end > 1 or not ws[1].text[:1].islower():
        return False
    return ws[1].content and ws[1].is_("N") and not likely_verb(ws, 1)


def _compound_before(text: str, at: int, length: int, lex: Lexicons) -> str | None:
    """The noun compound ending at the head found at ``at`` ('children's social care system'), when it has a
    noun or possessive before the head."""
    a = max(0, at - _WINDOW, text.rfind("\n", 0, at) + 1)  # (within its line: not across a heading)
    ws = tag(text, a, at + length, [], lex)
    if not ws or ws[-1].start != at:
        return None
    numbers = number_words(lex)
    k = len(ws) - 1
    while k > 0 and (ws[k - 1].is_("G") or _noun_modifier(ws, k - 1, numbers)) and \
            not ws[k - 1].is_(FIG, TIME, PUNCT) and len(ws) - k < 5 and \
            not (k > 1 and ws[k - 2].low == "to" and ws[k - 1].is_("V")):
        k -= 1  # (nouns and adjectives, not participles: not 'privately run children', '350,000 children'; not
        # a verb after 'to': 'to *cut* sewage spills')
    while k < len(ws) - 1 and not ws[k].is_("N") and not ws[k].is_("G"):
        k += 1  # (start on a noun: 'the children's social care system', not 'radical reform of')
    if k >= len(ws) - 1 or not any(w.is_("N", "G") for w in ws[k:-1]):
        return None
    return text[ws[k].start:at + length]


@lru_cache(maxsize=8)
def number_words(lex: Lexicons) -> frozenset[str]:
    """Words of numbers and scales (``number_words``, ``scale_words``: 'two', 'million'), lower case."""
    return frozenset(r[0].lower() for name in ("number_words", "scale_words") for r in lex.rows(name) if r)


def _noun_modifier(ws: list[Word], i: int, numbers: frozenset[str]) -> bool:
    """A noun or adjective before a head, no number ('2.1 million pensioners') and no participle."""
    w = ws[i]
    return w.content and w.is_("N", "A") and not any(ch.isdigit() for ch in w.text) and w.low not in numbers and \
        not _participle(ws, i)


def _participle(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` is a verb form modifying what follows ('privately run', 'looked-after'): -ed or -ing,
    or a verb after an -ly adverb."""
    w = ws[i]
    after_ly = i > 0 and ws[i - 1].low.endswith("ly")
    verb_before = i > 0 and (ws[i - 1].is_("X", "O") or ws[i - 1].low == "to") and not ws[i - 1].content
    if w.low.endswith("ing") and w.is_("N") and not after_ly and not verb_before:
        return False  # a noun in -ing before the head: 'the *waiting* list' (not 'we are *giving* schools')
    return w.is_("V") and (w.low.endswith(("ed", "ing")) or after_ly)


def waits(figs: Sequence[RawFigure], fig_range: range, text: str, lex: Lexicons) -> set[int]:
    """The bounded durations of ``fig_range`` right after a participle ('waiting more than 18 weeks', 'had waited
    for over a year') or 'have' or 'with' ('have less than five years' service'): how long those counted have
    waited (or served), words of the counted noun's phrase, not a figure of their own."""
    bounds = _bound_phrases(lex)
    out = set()
    for i in fig_range:
        f = figs[i]
        if f.kind != "duration" or f.bound is None:
            continue
        before = text[max(0, f.start - 60):f.start].lower().split()
        cut = next((len(b) for b in bounds if tuple(before[-len(b):]) == b), 0)
        before = before[:len(before) - cut]
        if before and before[-1] == "for":
            before.pop()
        if before and (before[-1].endswith(("ing", "ed")) or before[-1] in POSSESSION or before[-1] == "with"):
            out.add(i)  # (also what those counted have: 'have less than five years' service')
    return out


@lru_cache(maxsize=8)
def _bound_phrases(lex: Lexicons) -> tuple[tuple[str, ...], ...]:
    """The words of ``bounds_min`` and ``bounds_max``, longest first."""
    rows = {tuple(r[0].lower().split()) for name in ("bounds_min", "bounds_max") for r in lex.rows(name) if r[0]}
    return tuple(sorted(rows, key=lambda r: (-len(r), r)))
