"""Level or change: whether a figure states an amount or how much an amount moved, which way, and which
figures are the ends of a change.

A change is a figure after a change verb and 'by' ('went up by 140%', 'lower child poverty by 410,000'), after
'up'/'down' ('up 58%'), before a change noun ('a 25% increase in recruitment'), after a change noun and 'of'
('a rise of 16 per cent'), before 'more/fewer/higher/lower ... than' ('21% more than the year before'), a
difference in percentage points, or a multiplying verb ('doubled'). A figure after a change verb and 'to' is the
new level (the 'to' end), after 'from' the old one. The words of change are the ``change_verbs`` lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...lexicons import Lexicons
from .cues import cues
from .synonyms import change_words
from .words import FIG, PUNCT, TIME, Word


@dataclass(slots=True)
class Aspect:
    """What the words around a figure say of it."""

    aspect: str = "level"  # level or change
    direction: str | None = None  # up or down
    role: str | None = None  # from / to: an end of a change the words state ('rose to', 'up from')
    noun_after: int | None = None  # index of the change noun after the figure ('a 25% *increase* in ...')
    verb_before: int | None = None  # index of the change verb before the figure


def _hedges(ws: list[Word], j: int) -> int:
    """Index of the first word before ``j`` that is not a hedge ('by *more than* half', 'to *an estimated*')."""
    while j >= 0 and ((ws[j].is_("H") and not ws[j].content and ws[j].low not in ("up", "down")) or
                      ws[j].low in ("than", "a", "an", "estimated", "around", "about", "some", "total") or
                      (ws[j].low == "at" and j + 1 < len(ws) and ws[j + 1].low in ("least", "most"))):
        j -= 1
    # 'to a new record of 3.5 per cent', 'to a total of £5bn': the end of the change is after 'to'
    if j >= 1 and ws[j].low == "of":
        k = j - 1
        while k >= 0 and ((ws[k].is_("H", "D") and not ws[k].content) or ws[k].low in ("high", "peak", "level",
                                                                                   "total", "record", "low",
                                                                                   "average")):
            k -= 1
        if k >= 0 and ws[k].low in ("to", "from", "by") and k < j - 1:
            return k  # 'from a record high of 5,421', 'rise by an average of £123'
    return j


def aspect_of(ws: list[Word], first: int, last: int, kind: str, unit: str | None, lex: Lexicons) -> Aspect:
    """The aspect of the figure whose words are ``ws[first:last+1]``."""
    cw = change_words(lex)
    out = Aspect()
    fig_text = " ".join(w.low for w in ws[first:last + 1])
    if kind == "ratio" and any(w in cw and "v" in cw[w][1] for w in fig_text.split()) and \
            not (last + 1 < len(ws) and ws[last + 1].low in cues(lex).compared_determiner and
                 not fig_text.endswith(("ed", "ing"))):
        # ('more than double the cost of ...': a multiple of another amount; 'doubled the year before' a change)
        return Aspect("change", cw[next(w for w in fig_text.split() if w in cw)][0], verb_before=first)
    if unit and any(w in ("point", "points") for w in unit.split()):
        out.aspect = "change"  # (percentage points; not 'appointments', 'disappointment')
    j = _hedges(ws, first - 1)
    prep = ws[j].low if j >= 0 else ""
    if prep in ("by", "of", "to", "from", "at") and j >= 1:
        k = j - 1
        if ws[k].text == "(" and k >= 1:
            k -= 1  # 'went up by 140% (to 576,000)'
        if prep in ("to", "from") and ws[k].text == "," and k >= 1 and ws[k - 1].is_(TIME):
            k -= 1  # 'fell by 3 points between 2017 and 2021, to 35%': back over the change's time
            while k >= 0 and ws[k].is_(TIME):
                k -= 1
        elif prep == "to" and ws[k].text == "," and k >= 2 and ws[k - 1].is_(FIG):
            k -= 1  # 'raise them by 35%, to £588 a year': back over the comma to the change
        while k >= 0 and ws[k].is_(FIG, PUNCT) and ws[k].text in ")%" and j - k < 12:
            # 'increased by 4.7% (1,485 staff) to 33,119': back over the change and its bracketed restatement
            if ws[k].text == ")":
                while k > 0 and ws[k].text != "(" and j - k < 12:
                    k -= 1
            k -= 1
            while k >= 0 and (ws[k].is_(FIG) or ws[k].low in ("by", "%")):
                k -= 1
        while k >= 0 and (ws[k].low in ("further", "up", "down", "a", "an", "the", "by") or ws[k].is_(FIG) or
                          (ws[k].is_("R", "E", "H") and not ws[k].is_("N"))) and j - k < 14:
            if ws[k].low in ("up", "down") and k > 0 and ws[k - 1].low + " " + ws[k].low in cw:
                k -= 1
                break
            k -= 1
        word = ws[k].low if k >= 0 else ""
        two = (ws[k].low + " " + ws[k + 1].low) if 0 <= k < len(ws) - 1 else ""
        hit = cw.get(two) or cw.get(word)
        if hit is None and prep in ("by", "to", "from"):
            k, hit = _verb_over_object(ws, k, cw)
            two = ""
        if hit is not None and prep == "by" and "r" in hit[1] and word not in ("up", "down", "more", "less"):
            hit = (hit[0], hit[1] + "v")  # 'push yearly spending higher by £2-3bn'
        if hit is not None and ("v" in hit[1] or "n" in hit[1]):
            out.direction = hit[0]
            out.verb_before = k
            if prep == "by" or (prep == "of" and "n" in hit[1]):
                out.aspect = "change"
            elif prep == "to":
                out.role = "to"
            elif prep == "from":
                out.role = "from"
            elif prep == "at" and "v" in hit[1]:
                out.role = "to"
        elif prep == "from" and k >= 0 and ws[k].low in ("up", "down"):
            out.role, out.direction = "from", cw[ws[k].low][0]
    elif j >= 0 and ws[j].low in ("up", "down") and kind in ("percent", "money", "count") and \
            not (j > 0 and ws[j - 1].content and ws[j - 1].is_("V") and ws[j - 1].low not in cw):
        # ('made up 17.8%': a particle of its verb, not a change)
        out.aspect, out.direction = "change", cw[ws[j].low][0]
    elif j >= 0 and ws[j].low in cw and "v" in cw[ws[j].low][1] and kind == "percent":
        out.aspect, out.direction, out.verb_before = "change", cw[ws[j].low][0], j
    if out.role is None and out.aspect == "level":
        out.role = _plain_end(ws, first, last)
    if out.role is None and out.aspect == "level" and _up_from_after(ws, last):
        out.role = "to"  # '£15 billion per year, up from £10 billion now': the newer level
    _after(ws, last, kind, cw, out)
    return out


_INNER = frozenset({"of", "on", "for", "in"})  # prepositions inside a noun phrase


def _verb_over_object(ws: list[Word], k: int, cw: dict[str, tuple[str, str]]) -> tuple[int, tuple[str, str] | None]:
    """A change verb before a short object: 'lifting *the overall number* by almost a third', 'raise the
    standard allowance to £100', 'raise them by 35%' -> (its index, its entry); (k, None) when there is none."""
    i = k
    while i >= 0 and k - i < 8 and not ws[i].is_(FIG, PUNCT, TIME) and (
            ws[i].is_("D", "A", "N", "G", "R", "E") or ws[i].low in ("number", "total") or (i == k and ws[i].is_("O"))
            or (ws[i].low in _INNER and 0 < i < k and ws[i + 1].is_("N", "A", "D"))):
        # (a prepositional phrase inside the object: 'raise the cap on bus fares in England from £2 to £3')
        # (or an object pronoun right before 'by': 'raise *them* by 35%')
        hit = cw.get(ws[i].low)
        if hit is not None and "v" in hit[1] and i < k:
            return i, hit
        i -= 1
    if i >= 0 and i < k and ws[i].low in cw and "v" in cw[ws[i].low][1]:
        return i, cw[ws[i].low]
    return k, None


def _up_from_after(ws: list[Word], last: int) -> bool:
    """Whether ', up from' / ', down from' follows the figure within a few words."""
    for k in range(last + 1, min(len(ws) - 1, last + 6)):
        if ws[k].low in ("up", "down") and ws[k + 1].low == "from":
            return True
        if ws[k].is_(FIG):
            return False
    return False


def _plain_end(ws: list[Word], first: int, last: int) -> str | None:
    """'from 32,952 now to 45,989', 'from a record high of 5,421': an end of a change with no verb before it."""
    for j in range(first - 1, max(-1, first - 6), -1):
        w = ws[j]
        if w.is_(FIG) or (w.is_(PUNCT) and w.text in ",;:"):
            break
        if w.low == "from":
            later = ws[last + 1:last + 12]
            # 'from 32,952 now to 45,989', 'up from', 'fell to 5,254 in 2022-23, from 5,421 in 2021-22'
            return "from" if any(x.low == "to" for x in later) or any(x.low in ("up", "down") for x in ws[j - 2:j]) \
                or any(x.low == "to" for x in ws[max(0, j - 10):j]) else None
        if w.low == "to":
            earlier = ws[max(0, j - 25):j]
            return "to" if any(x.low == "from" for x in earlier) else None
    if first >= 2 and any(w.low == "from" for w in ws[max(0, first - 3):first]) and \
            any(w.low == "to" for w in ws[max(0, first - 8):first - 1]):
        return "from"  # 'up, to £100,000 from the current £23,250'
    return None
    return None


def _after(ws: list[Word], last: int, kind: str, cw: dict[str, tuple[str, str]], out: Aspect) -> None:
    """The words after the figure: a change noun ('a 25% increase in'), or 'more/fewer ... than'; a bracketed
    restatement ('a fifth (21 per cent) higher') is passed over."""
    k = last + 1
    content = 0
    in_brackets = False
    while k < len(ws) and content < 3:
        w = ws[k]
        k += 1
        if w.is_(PUNCT) and w.text in "()":
            in_brackets = w.text == "("
            continue
        if in_brackets or (w.is_(PUNCT) and w.text == "%"):
            continue
        if w.is_(FIG, PUNCT):
            return
        hit = cw.get(w.low)
        if hit is not None and "n" in hit[1] and (content > 0 or kind == "percent" or w.low not in ("cut", "drop")):
            out.aspect, out.direction, out.noun_after = "change", hit[0], k - 1
            return
        if hit is not None and "r" in hit[1] and w.low not in ("up", "down") and kind != "ratio":
            # ('seven times more than': a ratio states a multiple, a level)
            # '21% more than', '2.7 per cent fewer than', '100,000 children higher than'
            rest = ws[k:k + 7]
            if any(x.low == "than" for x in rest[:6]) or (rest and rest[0].low in ("on", "compared")):
                out.aspect, out.direction = "change", hit[0]
            return
        if not (w.content or w.is_("D")):
            return
        if content and w.content and w.is_("V") and not w.is_("N") and w.low not in cw:
            return  # the clause's verb: what follows is its own ('1.6 million patients waited more than four hours')
        content += 1


def change_between(levels: list[tuple[int, str | None, int]], change_at: int) -> tuple[int | None, int | None]:
    """(from, to) level claims a change claim at word ``change_at`` is between: of ``levels`` (word index, role,
    claim number) in its sentence, the nearest 'from' end and the nearest 'to' end."""
    frm = to = None
    best_from = best_to = 10 ** 9
    for at, role, claim in levels:
        d = abs(at - change_at)
        if role == "from" and d < best_from:
            frm, best_from = claim, d
        elif role == "to" and d < best_to:
            to, best_to = claim, d
    return frm, to
