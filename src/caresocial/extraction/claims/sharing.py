"""Measures across the figures of a sentence and of a document: coordinated figures, the ends of ranges and
changes, bracketed restatements share a measure; the comparable key of a measure; a bare measure read as that
of what the document counts."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ...lexicons import Lexicons
from ..figures.grammar import RawFigure
from .aspect import Aspect
from .clues import rate_adjectives
from .measure import restated
from .phrases import inner_number
from .reading import TARGET, Reading
from .scope import Result
from .synonyms import measure_key
from .vocab import vocabulary
from .words import FIG, FUNCTION_CLASSES, PUNCT, TIME, Word

_TITLE_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PREFIXES = ("change in ", "share of ", "annual ", "weekly ", "monthly ", "daily ")


@dataclass(slots=True)
class Item:
    """One claim figure of a sentence while its claim is built."""

    index: int  # in the document's figures
    first: int  # its words in the sentence's word list
    last: int
    asp: Aspect
    reading: Reading | None = None
    key: str | None = None
    time: Result | None = None
    own_time: bool = False  # the time is a phrase of the figure's own
    row: int = -1


@lru_cache(maxsize=8)
def content_words(lex: Lexicons) -> _NotFunction:
    """A test of whether a word of a key is a content word (not in ``function_words``)."""
    return _NotFunction(frozenset(r[0].lower() for r in lex.rows("function_words")
                                  if len(r) > 1 and r[1] in FUNCTION_CLASSES))


class _NotFunction:
    __slots__ = ("function",)

    def __init__(self, function: frozenset[str]) -> None:
        self.function = function

    def __contains__(self, word: object) -> bool:
        return word not in self.function


def _bracketed(ws: list[Word], prev: Item, it: Item) -> bool:
    """Whether figure ``it`` is in brackets right after ``prev`` ('two-fifths (43%)', '(164, 59%)')."""
    j = it.first - 1
    while j > prev.last and (ws[j].text in ",(" or ws[j].low == "or" or ws[j].is_(FIG)):
        if ws[j].text == "(":
            # right after it, or at the end of the short clause it opens ('3 in 5 were single providers (164, 59%)')
            return j - prev.last <= 2 or (j - prev.last <= 7 and not any(w.is_(PUNCT, FIG, TIME)
                                                                         for w in ws[prev.last + 1:j]))
        j -= 1
    return False



def compared(ws: list[Word], first: int) -> bool:
    """Whether a figure is what another is compared with ('compared with 16.1% in 2020', 'than the 17.8')."""
    words = ws[max(0, first - 4):first]
    bound = len(words) >= 2 and words[-1].low == "than" and words[-2].low in ("more", "less", "fewer")
    return any(w.low in ("compared", "against", "than", "from", "unchanged") for w in words) and not bound


def _partitive(ws: list[Word], last: int, whole: int) -> bool:
    """Whether a figure is a part of the figure after it: 'of' right after it, then a determiner and at most two
    words before the whole ('6,500 of the promised 20,000', '300 of its 1,200')."""
    k = last + 1
    if k >= whole or ws[k].low != "of" or not (k + 1 < whole and ws[k + 1].is_("D") and not ws[k + 1].content):
        return False
    return whole - (k + 2) <= 2 and not any(w.is_(PUNCT) for w in ws[k + 2:whole])


_AUXILIARIES = frozenset("has have had been be was were are is will would could may might already now".split())


def _passive_after(ws: list[Word], whole: Item) -> str | None:
    """The participle of a passive right after a figure's noun phrase ('20,000 new places *had been delivered*'),
    lower case; None when there is none."""
    k = whole.last + 1
    while k < len(ws) and k - whole.last <= 4 and ws[k].low not in _AUXILIARIES and not ws[k].is_(PUNCT, FIG) \
            and not ws[k].low.endswith("ed"):
        k += 1  # (the noun phrase of the whole)
    j = k
    while j < len(ws) and ws[j].low in _AUXILIARIES:
        j += 1
    if j == k or j >= len(ws) or not (ws[j].low.endswith("ed") or (ws[j].is_("V") and ws[j].content)) or \
            ws[j - 1].low not in ("been", "be", "was", "were", "are", "is"):
        return None  # (a participle after a passive auxiliary: 'delivered', 'built')
    return ws[j].low


def _share_partitives(items: list[Item], ws: list[Word], figs: list[RawFigure]) -> None:
    """'only 6,500 of the promised 20,000 new places had been delivered': a part counts what its whole counts,
    and what a passive after the whole says was done to it; the whole is the total, not what was done."""
    for k, it in enumerate(items[:-1]):
        whole = items[k + 1]
        if whole.reading is not None and (it.reading is None or it.reading.text == whole.reading.text) and \
                figs[whole.index].kind == figs[it.index].kind and _partitive(ws, it.last, whole.first):
            # ('... had been delivered': the part is what was delivered, the whole what it is a part of)
            done, text = _passive_after(ws, whole), whole.reading.text
            if done and text.lower().endswith(f" {done}"):
                whole.reading = Reading(text[:-len(done) - 1], 2, head=whole.reading.head)
            it.reading = Reading(f"{whole.reading.text} {done}", 2, head=whole.reading.head) if done else \
                whole.reading


RESTATED_REACH = 4  # claims back that a figure named "the figure" may restate


def back_reading(r: Reading, kind: str, before: list[Item], rows: list[dict[str, Any]]) -> Reading | None:
    """The reading of a figure named by what came before it: a target's ('against a target of 95%': a target for
    what the figure before it in its sentence measures) or 'the figure' said again ('Operators say the figure was
    nearer 1.1 billion': what the last claim of its kind, a few claims back, measured)."""
    if r.refers == TARGET:
        prev = next((o.reading for o in reversed(before) if o.reading is not None and o.reading.refers is None), None)
        return Reading(r.text.replace("{}", prev.text), 2) if prev is not None else None
    row = next((row for row in reversed(rows[-RESTATED_REACH:]) if row["kind"] == kind and row["measure_text"]),
               None)
    return Reading(row["measure_text"], 2) if row is not None else None


def _aim(it: Item, lex: Lexicons) -> bool:
    """Whether an item measures a target ('against a target of 95%'), never what it is compared with."""
    r = it.reading
    return r is not None and r.text.split(" ", 1)[0].lower() in vocabulary(lex).targets


def share_measures(items: list[Item], ws: list[Word], figs: list[RawFigure], lex: Lexicons) -> None:
    """Coordinated figures, the ends of ranges and changes, and changes without a subject share a measure."""
    _totals(items, figs, lex)
    for k, it in enumerate(items):
        f = figs[it.index]
        partner = next((o for o in items if o.index == f.link), None) if f.link is not None and (
            f.link_type == "range" or it.asp.role is not None) else None
        if partner is not None and partner.reading is not None and (
                it.reading is None or partner.reading.rank > it.reading.rank):
            it.reading = partner.reading
        if (it.reading is None or it.reading.rank < 1) and k > 0:
            prev = next((o for o in reversed(items[:k]) if o.reading is not None and figs[o.index].kind == f.kind
                         and o.asp.aspect == it.asp.aspect), None)
            if prev is not None and prev.reading is not None and it.reading is not None and it.reading.elided:
                if prev.reading.head:  # '2,000 people who ..., and more than 2,800 who work in the system'
                    it.reading = Reading(f"{prev.reading.head} {it.reading.text}", 2, head=prev.reading.head)
            elif prev is not None:
                it.reading = prev.reading
            elif f.kind == "ratio" and it.reading is None and items[k - 1].reading is not None:
                it.reading = items[k - 1].reading  # '£58,000 per pupil: seven times more than ...': a multiple of it
    _share_partitives(items, ws, figs)
    _share_restated(items, ws, figs, lex)
    for k, it in enumerate(items):
        # a baseline ('up from £10 billion now') measures what the figure before it measures
        up_from = any(w.low in ("up", "down") for w in ws[max(0, it.first - 3):it.first])
        if k > 0 and it.asp.role == "from" and up_from and items[k - 1].reading is not None and \
                figs[items[k - 1].index].kind == figs[it.index].kind:
            it.reading = items[k - 1].reading
    for k, it in enumerate(items):
        # 'deficits of £2bn this year, rising to £2.7bn': the new level of what the figure before measures
        if k > 0 and it.asp.role == "to" and it.asp.verb_before is not None and \
                items[k - 1].reading is not None and figs[items[k - 1].index].kind == figs[it.index].kind and \
                (it.reading is None or it.reading.rank < 2 or it.reading.text.lower().endswith("ing")):
            it.reading = items[k - 1].reading
    for k, it in enumerate(items):
        # 'X, compared with 17.6% the year before': the same measure as the figure it is compared with
        if k > 0 and it.asp.aspect == "level" and compared(ws, it.first) and not _aim(it, lex):
            prev = next((o for o in reversed(items[:k]) if figs[o.index].kind == figs[it.index].kind
                         and o.reading is not None), None)
            if prev is not None:
                it.reading = prev.reading
    changes = [o for o in items if o.asp.aspect == "change" and o.asp.verb_before is not None and o.reading]
    for it in items:
        # the ends of a change stated with its verb ('soared by a third, from £6bn to £8.2bn') measure what moved
        if changes and it.asp.aspect == "level" and (it.asp.role or figs[it.index].link_role) in ("from", "to") \
                and figs[it.index].kind not in ("year", "date"):  # (a year is a time, never what moved)
            # (not the end of another verb: 'cut the bill to £2.6bn and lower child poverty by 410,000')
            own = [c for c in changes if c.asp.verb_before == it.asp.verb_before]
            if own or it.asp.verb_before is None or it.reading is None:
                it.reading = (own or changes)[0].reading
    for it in items:
        if it.asp.aspect == "change" and it.reading is None:
            # (not a number inside another figure's noun phrase: '147,746 officers in the 43 police forces ...,
            # an increase of 470')
            levels = [o for o in items if o.asp.aspect == "level" and o.reading and not inner_number(ws, o.first)]
            level = next((o for o in reversed(levels) if o.first < it.first), None) or \
                next((o for o in levels if o.first > it.first), None)
            if level is not None:
                it.reading = level.reading
    for k, it in enumerate(items):
        # 'two-fifths (43%) of ...', '3 in 5 were single providers (164, 59%)': a bracketed restatement
        prev = items[k - 1] if k else None
        if prev is not None and prev.reading is not None and _bracketed(ws, prev, it) and \
                (it.reading is None or it.reading.rank < 2):
            it.reading = restated(prev.reading, figs[prev.index].kind, figs[it.index].kind)
        elif prev is not None and prev.reading is not None and figs[prev.index].kind == "percent" and \
                prev.reading.text.startswith("share of ") and figs[it.index].kind == "money" and \
                (it.reading is None or it.reading.rank < 2) and \
                _after_dash(ws, prev.last + 1, it.first):
            # '19% of that income was booked as profit – £310m in all': the sum of that share (the sum right
            # after the dash: not 'two-fifths of councils at risk – partly because of costs – while ... an
            # estimated £4.6bn deficit')
            it.reading = restated(prev.reading, "percent", "count")


def _totals(items: list[Item], figs: list[RawFigure], lex: Lexicons) -> None:
    """A total of those counted before it, not the increment: '20,000 additional officers, bringing the total to
    149,566' counts officers; with nothing counted before it, its own reading ('taking the total to 24
    councils')."""
    for k, it in enumerate(items):
        if it.reading is None or not it.reading.total:
            continue
        prev = next((o for o in reversed(items[:k]) if o.reading is not None and not o.reading.total and
                     figs[o.index].kind == figs[it.index].kind), None)
        if prev is not None and prev.reading is not None:
            it.reading = _whole(prev.reading, lex)
        else:
            it.reading = Reading(it.reading.text, it.reading.rank, head=it.reading.head) if it.reading.text else None


def _whole(r: Reading, lex: Lexicons) -> Reading:
    """A reading without a word of increment before it ('additional officers' -> 'officers')."""
    first, _, rest = r.text.partition(" ")
    if rest and measure_key(first, lex) == "additional":
        return Reading(rest, r.rank, head=r.head)
    return r


def _after_dash(ws: list[Word], start: int, first: int) -> bool:
    """Whether a dash stands in ``ws[start:first]`` with only function words between it and ``first``."""
    for j in range(first - 1, start - 1, -1):
        if ws[j].is_(PUNCT) and ws[j].text in "–—-":
            return True
        if ws[j].content or ws[j].is_(PUNCT):
            return False
    return False


def name_parts(items: list[Item], ws: list[Word], text: str) -> None:
    """A figure bracketed after a short name in a list after another figure is that name's part ('will go to
    Scotland (£1.1bn), Wales (£700m)'): its measure is the name when it has no better one."""
    for k, it in enumerate(items):
        whole = _whole_of_part(ws, items, k)
        if whole is None:
            continue
        j = it.first - 2
        while j >= 0 and it.first - j <= 6 and ws[j].content and not ws[j].is_(FIG, TIME, PUNCT):
            j -= 1
        name = text[ws[j + 1].start:ws[it.first - 2].end]
        if it.reading is None or it.reading.rank < 2 or it.reading.text.lower() != name.lower():
            it.reading = Reading(name, 2, head=ws[it.first - 2].text)


_PLACE_LEADS = frozenset({"in", "across", "throughout"})
_PLACE_INNER = frozenset({"of", "and"})  # ('Isle of Wight', 'England and Wales')
_AS_A_WHOLE = ("as", "a", "whole")


def fronted_place(items: list[Item], ws: list[Word], text: str, lex: Lexicons) -> None:
    """A place the sentence opens with before a comma ('In Scotland, 16,300 households were in temporary
    accommodation', 'Across the UK as a whole, the list stood at 9.1 million') is where the figures after it
    are counted: it is added to their measures ('households in temporary accommodation in scotland'), unless
    they name it already. A place is one to five capitalised words ('of' and 'and' between them), none of them a
    word of a body, a statement or a budget ('In the Autumn Statement,', 'In Parliament,' name no place)."""
    if len(ws) < 4 or ws[0].low not in _PLACE_LEADS or not items:
        return
    k = 2 if ws[1].low == "the" else 1
    start = k
    while k < len(ws) and k - start < 5 and not ws[k].is_(FIG, TIME, PUNCT) and (
            ws[k].text[:1].isupper() or (ws[k].low in _PLACE_INNER and k > start)):
        k += 1
    while k > start and ws[k - 1].low in _PLACE_INNER:
        k -= 1
    end = k
    if tuple(w.low for w in ws[k:k + 3]) == _AS_A_WHOLE:
        k += 3
    if end == start or k >= len(ws) or ws[k].text != "," or any(w.low in _not_places(lex) for w in ws[start:end]):
        return
    place = text[ws[start].start:ws[end - 1].end]
    words = {w.low for w in ws[start:end]} - _PLACE_INNER
    for it in items:
        r = it.reading
        if it.first > k and r is not None and r.text and not words <= set(_TITLE_WORD.findall(r.text.lower())):
            it.reading = replace(r, text=f"{r.text} in {place}")


@lru_cache(maxsize=64)
def _not_places(lex: Lexicons) -> frozenset[str]:
    """Lower-case words that make a capitalised phrase no place: words of bodies, statements and budgets."""
    return frozenset({*(r[0].lower() for r in lex.rows("organisation_words")),
                      *(w for r in lex.rows("statement_nouns") for w in r[0].lower().split()),
                      *(w.lower() for w in lex.words("budget_words"))})


def assign_keys(items: list[Item], figs: list[RawFigure], lex: Lexicons) -> None:
    """The key of every claim's measure."""
    for it in items:
        if it.reading is not None:
            it.key = key_of(it, figs, lex)


def key_of(it: Item, figs: list[RawFigure], lex: Lexicons) -> str | None:
    """The comparable key of a claim's measure: after the synonyms; 'change in' for a change; a sum per year
    is an annual one ('will cost £15bn per year': 'annual cost')."""
    assert it.reading is not None
    key = measure_key(it.reading.text, lex)
    if not key:
        return None
    if it.asp.aspect == "change":
        return "change in " + key
    f = figs[it.index]
    adjective = rate_adjectives(lex).get(f.rate or "")
    if f.kind == "money" and adjective and not set(key.split()) & set(rate_adjectives(lex).values()):
        key = f"{adjective} {key}"
    return key


def _plural_head(key: str, content: _NotFunction) -> bool:
    """Whether the noun before a key's first preposition is a plural (what a count counts: 'children's social
    workers in local authorities'; not 'wards close')."""
    words = key.split()
    cut = next((i for i, w in enumerate(words) if w not in content), len(words))
    return cut > 0 and words[cut - 1].endswith("s") and not words[cut - 1].endswith("ss")


@lru_cache(maxsize=8)
def _self_standing(lex: Lexicons) -> frozenset[str]:
    """Bare nouns never read as the document subject's: a population (``population_nouns``) and a period of
    time (the ``time_words`` units: 'over the year' is no 'year of social workers')."""
    periods = {r[0].lower() for r in lex.rows("time_words") if len(r) > 1 and r[1] in ("unit", "rate")}
    return frozenset({w.lower() for w in lex.words("population_nouns")} | periods | {p + "s" for p in periods})


def qualify_bare(rows: list[dict[str, Any]], lex: Lexicons, title_end: int = 0, title: str = "") -> None:
    """A measure named by one bare noun ('vacancies fell', 'leavers numbered 5,400') is read as that of the
    document's subject: the counted noun (without what follows it: 'social workers' of 'social workers in
    post') that its title names, else that most of its described counts count ('vacancies of social
    workers')."""
    content = content_words(lex)
    counts: dict[str, int] = {}
    for row in rows:
        key = row["measure"]
        if key and row["kind"] == "count" and row["aspect"] == "level" and _plural_head(key, content) and \
                len([w for w in key.split() if w in content]) >= 2 and row["start"] >= title_end:
            # (counted in the body: not 'the 8 key findings' of a title)
            words = key.split()
            core = " ".join(words[:next((i for i, w in enumerate(words) if w not in content), len(words))])
            units = vocabulary(lex).unit  # (nor a unit: '468,693 full-time equivalents')
            if measure_key(words[0], lex) != "additional" and core not in units and core[:-1] not in units:
                counts[core] = counts.get(core, 0) + 1  # (an increment is no population: 'additional gps')
    if not counts:
        return
    titled = {_stem(w) for w in _TITLE_WORD.findall(title.lower().replace("\u2019", "'"))}
    order = list(counts)
    topic = max(counts, key=lambda k: ({_stem(w) for w in k.split()} <= titled, counts[k], -order.index(k)))
    topic_words = set(topic.split())
    own = _self_standing(lex)
    props = frozenset(w.lower() for w in lex.words("property_nouns"))  # (only what is of a population)
    for row in rows:
        key = row["measure"]
        if not key:
            continue
        prefix = next((p for p in _PREFIXES if key.startswith(p)), "")
        base = key[len(prefix):]
        words = [w for w in base.split() if w in content]
        if len(words) == 1 and words[0] not in topic_words and words[0] not in own and words[0] in props:
            row["measure"] = sys.intern(f"{prefix}{base} of {topic}")


NAMED_REACH = 300  # characters back to the count that named a bare count's noun in full


def name_bare_counts(rows: list[dict[str, Any]], text: str) -> None:
    """A count measured by its counted noun alone ('..., when there were 24,151 dentists') right after a count of
    that noun named in full ('the number of dentists with NHS activity in 2023-24 was 24,193') is that count
    again: it takes the fuller name (the nearest within ``NAMED_REACH`` characters before it in its paragraph,
    whose first word is the noun)."""
    for k, row in enumerate(rows):
        key = row["measure"]
        if row["kind"] != "count" or row["aspect"] != "level" or not key or " " in key or \
                (row["unit"] or "").lower() != key:
            continue
        for prev in reversed(rows[max(0, k - 4):k]):
            if row["start"] - prev["end"] > NAMED_REACH or "\n\n" in text[prev["end"]:row["start"]]:
                break
            words = (prev["measure"] or "").split()
            if prev["kind"] == "count" and prev["aspect"] == "level" and len(words) > 1 and words[0] == key:
                row["measure"], row["measure_text"] = prev["measure"], prev["measure_text"]
                break


def _stem(word: str) -> str:
    """A word without a plural 's' (to find a counted noun in a title: 'social worker' in 'social workers')."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def restates(ws: list[Word], prev: Item, it: Item) -> bool:
    """Whether figure ``it`` opens brackets right after ``prev`` or after ``prev``'s own time phrase and closes
    them soon ('from 31 per cent in 2024-25 (4.5 million children)', 'to 20% in 2023 (7,900 posts)')."""
    j = prev.last + 1
    while j < it.first and ws[j].is_(TIME):
        j += 1
    if j >= it.first or ws[j].text != "(":
        return False
    j += 1
    while j < it.first and ws[j].is_("H") and not ws[j].content:
        j += 1  # '(around 4.5 million)'
    if j != it.first:
        return False
    for w in ws[it.last + 1:it.last + 6]:
        if w.text == ")":
            return True
        if w.is_(FIG, PUNCT):
            return False
    return False


@lru_cache(maxsize=8)
def restatement_cues(lex: Lexicons) -> frozenset[tuple[str, ...]]:
    """The ``restatement_words`` as word tuples."""
    return frozenset(tuple(w.lower().split()) for w in lex.words("restatement_words"))


def _restated_after(ws: list[Word], items: list[Item], k: int, lex: Lexicons) -> Item | None:
    """The figure that figure ``k`` restates after a restatement cue right before it ('..., which amounts to
    6,520 vacant posts'; 'held 929 homes, equal to 42% of ...'): the nearest figure before it that is not
    compared with (not '16.1% in 2020' in '16.7% ..., compared with 16.1% in 2020, which amounts to ...')."""
    it = items[k]
    words = tuple(w.low for w in ws[max(0, it.first - 4):it.first] if not (w.is_("H") and not w.content))
    cues = restatement_cues(lex)
    if not any(words[i:] in cues for i in range(len(words))) or k == 0:
        return None
    if ws[it.first - 1].low == "or" and not (it.first >= 2 and ws[it.first - 2].text == ","):
        return None  # ('£2bn or more': a bound; ', or £29.4bn over three years' restates)
    return next((o for o in reversed(items[:k]) if not compared(ws, o.first)), None)


def _share_restated(items: list[Item], ws: list[Word], figs: list[RawFigure], lex: Lexicons) -> None:
    """A figure after a restatement cue read as measuring a word of the cue itself ('£104bn over five years,
    *equivalent* to £25bn a year'): the same kind of figure restates what the figure before measures."""
    cue_words = {w for cue in restatement_cues(lex) for w in cue}
    for k, it in enumerate(items):
        r = it.reading
        if r is not None and not (set(r.text.lower().split()) & cue_words):
            continue
        first = _restated_after(ws, items, k, lex)
        if first is not None and first.reading is not None and figs[first.index].kind == figs[it.index].kind:
            it.reading = first.reading


def _whole_of_part(ws: list[Word], items: list[Item], k: int) -> Item | None:
    """The figure that figure ``k`` is a part of, when ``k`` is bracketed after a short name in a list that
    follows that figure ('£2.2bn a year will go to Scotland (£1.1bn), Wales (£700m) and Northern Ireland')."""
    it = items[k]
    if k == 0 or it.first < 2 or ws[it.first - 1].text != "(" or it.last + 1 >= len(ws) or \
            ws[it.last + 1].text != ")":
        return None
    j = it.first - 2
    while j >= 0 and it.first - j <= 6 and ws[j].content and not ws[j].is_(FIG, TIME, PUNCT):
        j -= 1  # back over the name
    if j < 0 or j == it.first - 2 or not (ws[j].text == "," or ws[j].low in ("and", "to", "for", "in", "on")):
        return None
    for o in reversed(items[:k]):
        bracketed = o.first > 0 and ws[o.first - 1].text == "("
        if not bracketed:
            return o
    return None


def share_restated_times(ws: list[Word], items: list[Item], lex: Lexicons) -> None:
    """A figure restated in brackets holds when the figure before it does, as the same end of a change
    ('rising from 31 per cent in 2024-25 (4.5 million children)': both 'from 2024-25'); so does one after a
    restatement cue with no time of its own ('which amounts to 6,520 vacant posts')."""
    for k, it in enumerate(items):
        prev = items[k - 1] if k else None
        if prev is not None and prev.time is not None and it.time is not None and \
                prev.asp.aspect == it.asp.aspect and it.asp.role is None and restates(ws, prev, it):
            it.time = prev.time
            continue
        if it.own_time or it.asp.aspect != "level" or it.time is None:
            continue
        first = _restated_after(ws, items, k, lex)
        if first is not None and first.time is not None and first.asp.aspect == "level" and \
                first.time[0] in ("at", "by"):
            it.time = first.time
            continue
        whole = _whole_of_part(ws, items, k)
        if whole is not None and whole.time is not None and whole.asp.aspect == "level":
            relation = "at" if whole.time[0] in ("from", "to") else whole.time[0]  # (a part of a new level is
            it.time = (relation, *whole.time[1:])  # a level at its year)


def headline_times(rows: list[dict[str, Any]], title_end: int) -> None:
    """A figure of the title (ending at ``title_end``) with no time of its own ('Providers made £300m profit')
    holds when the body says the same figure held ('Profits of more than £300m were made last year')."""
    body: dict[tuple[str, object], list[dict[str, Any]]] = {}
    for r in rows:
        if r["start"] >= title_end:
            body.setdefault((r["kind"], r["value"]), []).append(r)
    for row in rows:
        if row["start"] >= title_end:
            break
        if row["time"].as_written is not None:
            continue
        same = next((r for r in body.get((row["kind"], row["value"]), ()) if r["time"].as_written is not None or (
            r["time"].year is not None and r["time"].resolved_against != row["time"].resolved_against
        )), None)  # (written, or read from the body's context: the period last reported)
        if same is not None and (same["time"].relation in ("at", "over", "by", "per") or
                                 same["time"].relation == row["time"].relation == "to"):
            row["time"] = same["time"]  # ('Fuel poverty rises to 13%' as the body's 'rose to 13.0% in 2023')
