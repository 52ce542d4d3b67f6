"""The readings the measure rules share: :class:`Reading`, the words around a figure, a noun phrase read as a
measure, and the subject of a clause (:func:`clause_subject`, with the noun phrase before a verb group and a
pronoun standing for one)."""

from __future__ import annotations

from dataclasses import dataclass

from .phrases import (
    Phrase,
    cues_of,
    inner_number,
    is_noun,
    likely_verb,
    noun_phrase,
    phrase_text,
    subject,
)
from .vocab import Vocab
from .words import FIG, PUNCT, TIME, Word

RESTATED = "restated"  # what a measure named by 'the figure', 'the estimate' refers to: the figure given before
TARGET = "target"  # what 'a target of 95%' is the target for: what the figure before it in its sentence measures


@dataclass(slots=True)
class Reading:
    """A measure as read: its words and how well described it is."""

    text: str
    rank: int
    elided: bool = False  # the counted noun is left out ('and more than 2,800 who work in the system')
    head: str | None = None  # the head noun as written
    refers: str | None = None  # a pronoun that stands for the measure, written '{}' in the text ('cost of {}')
    total: bool = False  # the total of what the sentence counted before ('bringing the total to 149,566')


def fig_after(ws: list[Word], last: int) -> int:
    """Index of the first word after a figure's words (after '%', a closing bracket and a bracketed restatement:
    'two-fifths (43%) of local authorities')."""
    k = last + 1
    while k < len(ws) and ws[k].is_(PUNCT) and ws[k].text in "%)":
        k += 1
    if k < len(ws) and ws[k].text == "(":
        j = k + 1
        while j < len(ws) and j - k < 8 and (ws[j].is_(FIG) or ws[j].low in ("or", ",", "%")):
            j += 1
        if j < len(ws) and j > k + 1 and ws[j].text == ")":
            return j + 1
    return k


def next_figure(ws: list[Word], k: int) -> int:
    """Index of the next figure's first word at or after ``k`` (a phrase never runs into another figure, but may
    hold a plain number after a determiner: 'for the 20 largest providers')."""
    while k < len(ws) and (not ws[k].is_(FIG) or inner_number(ws, k)):
        k += 1
    return k


def read_phrase(v: Vocab, text: str, ws: list[Word], p: Phrase | None, rank: int = 2) -> Reading | None:
    """The reading of a noun phrase: its words, ranked 1 for a bare noun; None for no phrase, words that name no
    measure, or a verb read as a noun."""
    if p is None:
        return None
    if p.end - p.start >= 2 and p.end - 1 > p.head and ws[p.end - 1].low in v.hollow:
        p = Phrase(p.start, p.end - 1, p.head)  # ('7,600 vacancies recorded': vacancies)
    elif p.end - p.start >= 2 and p.end - 1 >= p.head and ws[p.end - 1].low.endswith("ing") and \
            ws[p.end - 1].low in v.level_verbs and is_noun(ws[p.end - 2]):
        p = Phrase(p.start, p.end - 1, min(p.head, p.end - 2))  # ('the prison population reaching 105,200')
    words = phrase_text(text, ws, p)
    if not words or v.not_measure(words):
        return None
    if p.end - p.start == 1:
        w = ws[p.start]
        if w.is_("V") and (w.low.endswith(("ing", "ed")) or w.low in v.level_verbs) and w.low not in v.money:
            return None  # a verb read as a noun ('reaching £10.7bn', 'is set to'), not a measure
        if p.end < len(ws) and ws[p.end].low == "to" and (w.low in cues_of(ws).future_to or
                                                          w.low in cues_of(ws).likelihood):
            return None  # ('the override is *set* to expire in March 2026')
        rank = min(rank, 1)
    return Reading(words, rank, head=ws[p.head].text if 0 <= p.head < len(ws) else None)


def number_of(v: Vocab, text: str, ws: list[Word], start: int, first: int) -> Reading | None:
    """'the number of X ... 5,400': X (but 'the share of X', 'the proportion of X' are shares of X: kept)."""
    for i in range(start, first):
        if ws[i].low in v.quantity and i + 1 < first and ws[i + 1].low == "of" and ws[i].low not in v.shares:
            return read_phrase(v, text, ws, noun_phrase(ws, i + 2, first, post=2))
    return None


def clause_subject(text: str, ws: list[Word], cs: int, end: int, rank: int = 2, *, v: Vocab) -> Reading | None:
    """The subject of the clause from ``cs``, else of the first clause of the sentence that is not an opening
    adverbial ('According to the figures,', 'At the same time,', 'Despite the boost,')."""
    p = subject(ws, cs, end, v.framing)
    hit = read_phrase(v, text, ws, p, rank)
    if hit is None and p is not None and ws[p.head].low in v.restated and _definite(ws, p.start):
        return Reading("", 0, refers=RESTATED)  # 'the figure was nearer 1.1 billion': the figure given before
    if hit is None:
        pronoun = pronoun_subject(ws, cs, end, v)
        if pronoun in cues_of(ws).plural_pronoun:
            return Reading("{}", 0, refers=pronoun)  # 'they numbered 5,400': what 'they' stands for
        if cs == 0 and _restating_subject(ws, end, v):
            return Reading("{}", 0, refers="that")  # 'The number is below the peak of 4,751': the one just stated
        c = cues_of(ws)
        if ws[cs].is_("P", "W") or ws[cs].low in c.condition or ws[cs].low in c.subordinator:
            hit = read_phrase(v, text, ws, before_verbs(ws, cs, end, v), rank)
    if hit is not None or cs == 0:
        return hit
    start = 0
    while start < cs:
        stop = start
        while stop < cs and not (ws[stop].is_(PUNCT) and ws[stop].text in ",;:–—"):
            stop += 1
        w = ws[start] if start < len(ws) else None
        opening = w is not None and (w.is_("P", "C", "W") or (w.low.endswith(("ing", "ly")) and w.content))
        # (a speaker's label before a clause of their own: 'Shabana Mahmood: We will build ...'; but a topic
        # before a fragment is the subject: 'Children's social workers: 13k more needed')
        opening = opening or (stop + 1 < cs and ws[stop].text == ":" and ws[stop + 1].low in v.pronouns)
        if not opening:  # (the subject of an earlier clause: a weak reading, after a figure's before it)
            hit = read_phrase(v, text, ws, subject(ws, start, min(end, stop if stop < cs else end), v.framing), 0)
            if hit is not None:
                return hit
        start = stop + 1
    return None


def _definite(ws: list[Word], start: int) -> bool:
    """Whether the noun phrase at ``start`` opens with (or right after) 'the' or a demonstrative."""
    words = {ws[k].low for k in (start - 1, start) if 0 <= k < len(ws)}
    return bool(words & ({"the"} | cues_of(ws).demonstrative))


def before_verbs(ws: list[Word], start: int, end: int, v: Vocab) -> Phrase | None:
    """The noun phrase right before the verb group that ends at ``end`` (modals, auxiliaries, adverbs, hedges
    and a verb of level), for a clause that opens with a preposition or subordinator ('by the time the override
    ends *the cumulative deficit* could be up to £4.9bn')."""
    k = end - 1
    while k > start and ((ws[k].is_("H", "E", "R", "X") and not is_noun(ws[k])) or ws[k].low in v.level_verbs
                         or (ws[k].is_("P") and ws[k - 1].is_("H"))):  # (a bound: 'up to', 'more than')
        k -= 1
    return phrase_to(ws, start, k) if k < end - 1 else None


def phrase_to(ws: list[Word], start: int, k: int) -> Phrase | None:
    """The noun phrase whose head is word ``k``, from its first noun or adjective after ``start``."""
    if k < start or not is_noun(ws[k]):
        return None
    i = k
    while i > start and ws[i - 1].content and ws[i - 1].is_("N", "A", "G") and not ws[i - 1].is_(FIG, TIME) \
            and not likely_verb(ws, i - 1) and not (ws[i - 1].is_("V") and i >= 2 and ws[i - 2].is_("X")):
        i -= 1  # (not a verb after an auxiliary: 'councils may *hold* high needs deficits')
    p = noun_phrase(ws, i, k + 1, post=0)
    return p if p is not None and p.end == k + 1 else None


def _restating_subject(ws: list[Word], end: int, v: Vocab) -> bool:
    """Whether a sentence opens with a subject that only points back, 'This' or 'The number' ('the total', 'the
    figure': a word of quantity or a vague one alone) before a copula: the measure of the sentence before."""
    c = cues_of(ws)
    k = 2 if len(ws) > 2 and ws[0].low == "the" and (ws[1].low in v.quantity or ws[1].low in v.vague) else \
        1 if ws and ws[0].low in c.demonstrative and ws[0].low in ("this", "that") else 0
    return 0 < k <= end and k < len(ws) and ws[k].low in c.copula


def pronoun_subject(ws: list[Word], start: int, end: int, v: Vocab) -> str | None:
    """The pronoun that is the subject of ``ws[start:end]``, the words before a verb ('these', 'they', 'it';
    'On average these cost'), if one is: the last word before the verb but adverbs and auxiliaries."""
    k = end - 1
    while k >= start and ((ws[k].is_("E", "R", "X") and not ws[k].is_("N")) or ws[k].low in ("also", "still")):
        k -= 1
    if k >= start and ws[k].low in v.pronouns and ws[k].low not in ("there", "which", "one"):
        return ws[k].low
    return None


def phrase_ending(ws: list[Word], start: int, end: int) -> Phrase | None:
    """The noun phrase of ``ws[start:end]`` that ends at ``end`` (the last one that does)."""
    best = None
    i = start
    while i < end:
        after_relative = i > 0 and ws[i - 1].is_("W") and not ws[i - 1].content and ws[i].content and ws[i].is_("V")
        p = noun_phrase(ws, i, end, post=2) if not ((i > start and likely_verb(ws, i)) or after_relative) else None
        # (nor from the verb of a relative clause: 'councils, many of which *face* deficits totalling £3.3bn')
        if p is not None and p.end == end:
            return p  # (not from a verb: 'Councils hold schools deficits of £1.5bn')
        if p is not None and p.end > i:
            best = p if best is None else best
        i += 1
    return best if best is not None and best.end >= end - 1 else None
