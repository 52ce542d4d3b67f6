"""Measures read from a verb around a figure: what a change verb moves (its object), what a verb takes to a
figure, what an assessment is of, and what a sum is for (its purpose)."""

from __future__ import annotations

from .phrases import (
    Phrase,
    before_hedges,
    clause_start,
    cues_of,
    is_nominal,
    is_noun,
    noun_phrase,
)
from .reading import (
    Reading,
    next_figure,
    read_phrase,
)
from .vocab import Vocab
from .words import FIG, PUNCT, TIME, Word


def object_measure(text: str, ws: list[Word], first: int, verb: int, v: Vocab) -> Reading | None:
    """The object of a change verb before the figure's preposition: what the verb moves ('would cut *the bill*
    to £2.6bn', 'lower *child poverty* by 410,000', 'raise *the standard allowance* to £120'); None for a
    generic object ('lifting the overall number by a third': the subject's number)."""
    prep = first - 1
    while prep > verb and ws[prep].low not in ("to", "by", "from"):
        prep -= 1
    if prep - verb < 2 or any(w.is_(FIG, TIME, PUNCT) for w in ws[verb + 1:prep]):
        return None
    if prep - verb == 2 and ws[verb + 1].is_("O") and ws[verb + 1].low in cues_of(ws).plural_pronoun:
        return Reading("{}", 0, refers=ws[verb + 1].low)  # 'raise *them* by 35%': what the pronoun stands for
    first = verb + 1
    while first < prep and ws[first].is_("D") and not ws[first].content:
        first += 1
    if prep - first >= 2 and is_noun(ws[prep - 1]) and all(is_nominal(w) for w in ws[first:prep]):
        # nouns only, up to the preposition: one compound, its last word no verb ('cut *sewage spills* by 44%')
        if ws[prep - 1].low in cues_of(ws).generic_object:
            return None
        return read_phrase(v, text, ws, Phrase(first, prep, prep - 1))
    for start in range(verb + 1, prep):  # ('the overall headcount': from the first word a phrase to it starts at)
        p = noun_phrase(ws, start, prep, post=1)
        if p is not None and p.end == prep:
            return None if ws[p.head].low in cues_of(ws).generic_object else read_phrase(v, text, ws, p)
    return None


def object_before_to(text: str, ws: list[Word], first: int, v: Vocab) -> Reading | None:
    """The object of a verb that takes it to the figure ('will bring *total funding* to £12bn', 'lifted *the upper
    capital limit* to £100,000'), the verb a verb form after an auxiliary or one that is no noun."""
    j = before_hedges(ws, first - 1)
    if j < 2 or ws[j].low != "to":
        return None
    cs = clause_start(ws, j)
    verb = next((k for k in range(j - 2, max(cs - 1, j - 8), -1) if ws[k].content and ws[k].is_("V") and
                 (not ws[k].is_("N") or (k > 0 and ws[k - 1].is_("X") and not ws[k - 1].content) or
                  (k == cs and ws[k].low.endswith("ing")))), None)  # (or a clause's -ing verb: ', bringing')
    if verb is None or any(w.is_(FIG, TIME, PUNCT) for w in ws[verb + 1:j]):
        return None
    p = noun_phrase(ws, verb + 1, j, post=1)
    if p is None or p.end != j:
        return None
    if ws[p.head].low in cues_of(ws).generic_object:
        # 'recruited 20,000 more officers, bringing the total to 149,566': the total of those counted before
        return Reading("", 0, total=True) if p.end - p.start <= 2 else None
    return read_phrase(v, text, ws, p)


def assessed_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """The object of a verb that puts it at the figure: 'the CMA put *the operating profit margins of large
    providers* between 2016 and 2020 at 22.6%', 'the OBR estimates *the cost* at £3bn'; with the setting after
    the figure ('at 22.6% *in children's homes*, 19.4% in IFAs': each figure its own setting)."""
    j = before_hedges(ws, first - 1)
    if j >= 0 and ws[j].low in (",", "and", "or"):
        # a later figure of a list ('at 22.6% in children's homes, *19.4%* in IFAs'): back to its 'at'
        while j >= 0 and first - j < 24 and ws[j].low != "at" and not (ws[j].is_(PUNCT) and ws[j].text != ",") \
                and not (ws[j].content and ws[j].is_("V") and not ws[j].is_("N")):
            j -= 1
    if j < 2 or ws[j].low != "at":
        return None
    c = cues_of(ws)
    verb = next((k for k in range(j - 1, max(-1, j - 16), -1) if ws[k].low in c.assess_verb and ws[k].is_("V")),
                None)
    if verb is None or any(w.is_(FIG) or (w.is_(PUNCT) and w.text in ",;:") for w in ws[verb + 1:j]):
        return None
    start = verb + 1
    while start < j and ws[start].is_("D") and not ws[start].content:
        start += 1
    p = noun_phrase(ws, start, j, post=2)
    hit = read_phrase(v, text, ws, p) if p is not None and p.end > start else None
    if hit is None:
        return None
    k = last + 1
    if k + 1 < len(ws) and ws[k].low in ("in", "for", "among") and not ws[k + 1].is_(TIME, FIG):
        setting = read_phrase(v, text, ws, noun_phrase(ws, k + 1, next_figure(ws, k + 1), post=0))
        if setting is not None:
            return Reading(f"{hit.text} {ws[k].low} {setting.text}", 2, head=hit.head)
    return hit


def purpose_measure(text: str, ws: list[Word], last: int, v: Vocab) -> Reading | None:
    """A sum named by what it is for: 'for' and a noun phrase right after it, past a rate ('£300m for mental
    health services', '£2bn a year for school repairs'), or after 'go to' ('£5.4bn will go to social care')."""
    if not v.purpose:
        return None
    k = last + 1
    while k < len(ws) and k - last <= 4 and (ws[k].is_(TIME) or (ws[k].is_("X") and not ws[k].content) or
                                             ws[k].low in ("a", "per", "each", "every") or ws[k].low in v.periods):
        k += 1  # a rate ('a year'), auxiliaries ('will')
    goes = k < len(ws) and ws[k].low in ("go", "goes", "went", "gone", "going") and k + 1 < len(ws) and \
        ws[k + 1].low == "to"
    if goes:
        k += 1
    elif k + 2 < len(ws) and ws[k].low == "to" and k == last + 1 and _base_verb(ws[k + 1]):
        # 'including £22bn to cut sewage spills': what the sum is to do
        p = noun_phrase(ws, k + 2, next_figure(ws, k + 2), post=1)
        hit = read_phrase(v, text, ws, p) if p is not None and p.start == k + 2 else None
        if hit is None:  # (the verb names the purpose with its object, a bare noun too: 'to tackle homelessness')
            return None
        return Reading(f"{v.purpose} to {ws[k + 1].low} {hit.text}", 2, head=hit.head)
    elif not (k < len(ws) and ws[k].low == "for"):
        return None
    limit = next_figure(ws, k + 1)
    p = noun_phrase(ws, k + 1, limit, post=1)
    hit = read_phrase(v, text, ws, p)
    if hit is None or p is None or ws[p.head].is_(TIME):
        return None
    if hit.rank < 2 and not (goes and ws[p.head].text[:1].isupper()):
        return None  # (a bare noun names no purpose; a name a sum goes to does: '£2.2bn will go to Scotland')
    return Reading(f"{v.purpose} for {hit.text}", 2, head=hit.head)


def _base_verb(w: Word) -> bool:
    """A verb in its base form, as after 'to' ('to *cut*', 'to *build*'): a verb of the word table not in -ed,
    -ing or -s."""
    return w.content and w.is_("V") and not w.low.endswith(("ed", "ing")) and \
        not (w.low.endswith("s") and not w.low.endswith("ss"))
