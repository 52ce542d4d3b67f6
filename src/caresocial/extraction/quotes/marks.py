"""Quotation marks: which marks open and close quoted words, told apart from apostrophes.

Curly and straight, double and single marks are paired within a paragraph. A single closing mark between
two letters is an apostrophe ("children’s", "can’t"); one after a plural "s" and before a word
("councils’ budgets") closes a quote only when no other closing mark does. A quote opened at the start of a
paragraph (or after a colon) and not closed in it runs to the paragraph's end: the convention of a quote that
goes on over several paragraphs, each opening with a quotation mark.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import regex

OPEN_MARKS = "“\"‘'«„‹"
CLOSE_MARKS = "”\"’'»“‹›"
_DOUBLE = frozenset("“”\"«»„")
_MARK = re.compile(r"[“”\"‘’'«»„‹›]")  # (the standard engine: a plain class, searched over the whole text)
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_OPENERS_BEFORE = frozenset(" \t\n([{—–-/:;,\u00a0") | frozenset(OPEN_MARKS)
_SPACE = frozenset(" \t\n\u00a0")


@dataclass(slots=True)
class Quoted:
    """Quoted words: the material between the marks (``start``, ``end``) and the marks themselves."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph's end when the quote runs on
    start: int  # first character of the material
    end: int  # one past the last character of the material
    para: int  # index of the paragraph
    runs_on: bool = False  # not closed in its paragraph: it runs to the paragraph's end
    continued: bool = False  # opens a paragraph right after a quote that ran on: the same speaker's words


def _kind(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close', 'weak' (a close after a plural s), 'both' (a straight mark between spaces) or ''."""
    c = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    b_letter = before.isalnum()
    a_letter = after.isalnum()
    if c in "’'" and b_letter and a_letter:
        return ""  # an apostrophe: can’t, children’s, O’Brien
    opens = before in _OPENERS_BEFORE and after not in _SPACE
    closes = before not in _SPACE and not a_letter
    if c in "“„«‹‘":
        return "open" if opens or c != "‘" else ""
    if c in "”»›":
        return "close" if before not in _SPACE or after in _SPACE else ""
    if c == "’":
        if closes:
            return "weak" if before in "sS" and after in _SPACE and _next_is_lower(text, i + 1, hi) else "close"
        return "open" if opens else ""
    # straight marks: by context
    if opens and not closes:
        return "open"
    if closes and not opens:
        if c == "'" and before in "sS" and after in _SPACE and _next_is_lower(text, i + 1, hi):
            return "weak"
        return "close"
    return ""


def _next_is_lower(text: str, i: int, hi: int) -> bool:
    while i < hi and text[i] in _SPACE:
        i += 1
    return i < hi and text[i].islower()


def _family(c: str) -> str:
    return "d" if c in _DOUBLE else "s"


_NO_MARKS: tuple[list[tuple[int, int]], list[int], list[int]] = ([], [], [])


def _pairs(text: str, lo: int, hi: int, at: list[int]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(open, close) offsets of the marks paired in text[lo:hi] (``at``: the offsets of its marks), the offsets
    of opening marks left open, and of closing marks that close nothing."""
    if not at:
        return _NO_MARKS
    marks = [(i, k) for i, k in ((i, _kind(text, i, lo, hi)) for i in at) if k]
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []  # offsets of open marks, innermost last
    stray: list[int] = []
    for n, (i, k) in enumerate(marks):
        fam = _family(text[i])
        if k in ("close", "weak"):
            j = next((s for s in range(len(stack) - 1, -1, -1) if _family(text[stack[s]]) == fam), None)
            if j is not None and k == "weak" and _strong_close_ahead(text, marks, n, fam):
                continue
            if j is not None:
                # marks of the other family opened inside and still open cannot close outside: dropped
                pairs.append((stack[j], i))
                del stack[j:]
                continue
            if k == "close":
                stray.append(i)
        if k == "open":
            stack.append(i)
    return pairs, stack, stray


def _strong_close_ahead(text: str, marks: list[tuple[int, str]], n: int, fam: str) -> bool:
    for i, k in marks[n + 1:]:
        if _family(text[i]) != fam:
            continue
        if k == "open":
            return False
        if k == "close":
            return True
    return False


def quoted_spans(text: str, paras: list[tuple[int, int]]) -> list[Quoted]:
    """Every quotation in the text, in order of its opening mark (nested ones after the one that holds them)."""
    out: list[Quoted] = []
    prev_ran_on = False
    filled: dict[int, int] = {}  # paragraph -> end of the quoted material a quote run on from before fills
    at = [m.start() for m in _MARK.finditer(text)]
    found_pairs = [_pairs(text, pa, pb, at[bisect_left(at, pa):bisect_left(at, pb)]) for pa, pb in paras]
    for pi, (pa, pb) in enumerate(paras):
        pairs, left_open, _ = found_pairs[pi]
        found: list[Quoted] = []
        if pi in filled:
            out.append(Quoted(pa, filled[pi], pa, filled[pi], pi, runs_on=filled[pi] >= pb - 1, continued=True))
            prev_ran_on = False
            continue
        for o, c in pairs:
            found.append(Quoted(o, c, o + 1, c, pi))
        ran_on = False
        if left_open:
            first = left_open[0]
            if first == pa or text[pa:first].rstrip().endswith(":") or not any(o < first < c for o, c in pairs):
                end = pb
                while end > first + 1 and text[end - 1] in CLOSE_MARKS:
                    end -= 1
                # quotes closed inside it stay (nested); a pair that began before it and ends inside is dropped
                found = [q for q in found if not (q.open < first < q.close)]
                found.append(Quoted(first, pb, first + 1, end, pi, runs_on=True))
                ran_on = True
                filled.update(_run_on(text, paras, found_pairs, pi, _family(text[first])))
        for q in found:
            if q.open == pa and prev_ran_on:
                q.continued = True
        out.extend(q for q in found if q.end > q.start)
        prev_ran_on = ran_on
    out.sort(key=lambda q: (q.open, -q.close))
    return out


def _run_on(text: str, paras: list[tuple[int, int]], found_pairs: list, pi: int, fam: str) -> dict[int, int]:
    """Paragraphs a quote left open at the end of paragraph ``pi`` runs through when the paragraphs after it
    do not open with a quotation mark: up to the first one with a closing mark that closes nothing (at most
    four paragraphs on). {paragraph: end of its quoted material}."""
    out: dict[int, int] = {}
    for pj in range(pi + 1, min(len(paras), pi + 5)):
        pa, pb = paras[pj]
        if text[pa] in OPEN_MARKS:
            return {}
        stray = [i for i in found_pairs[pj][2] if _family(text[i]) == fam]
        if stray:
            out[pj] = stray[-1]
            return out
        out[pj] = pb
    return {}


def word_count(text: str, start: int, end: int, limit: int = 4) -> int:
    """How many words text[start:end] holds, counted up to ``limit`` (in its first 300 characters: the work
    stays bounded however long the quotation)."""
    n = 0
    for _ in _WORD.finditer(text, start, min(end, start + 300)):
        n += 1
        if n >= limit:
            break
    return n
