"""A statement found in the text before its speaker is resolved, and the reporting-verb triggers."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import QuoteWords, VerbForm
from .names import Mention


@dataclass(slots=True, eq=False)
class Statement:
    """Material offsets, the speaker phrase as parsed, and how the statement was attributed."""

    kind: str  # direct | reported | joint | citation
    start: int
    end: int
    phrase: Mention | None = None  # the speaker phrase (None: see ``follows`` / ``inherit``)
    anchor: int = -1  # where the speaker is named: resolution looks back (or on) from here
    cue: str | None = None
    cue_start: int | None = None
    para: int = -1
    follows: Statement | None = None  # the same speaker as this earlier statement (a quote split or continued)
    inherit: bool = False  # no attribution of its own: the statement around it, else the current speaker
    speaker: object = None  # the resolved entity (see :mod:`.register`)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A reporting verb (or naming verb, or source phrase such as 'according to') in the text."""

    start: int
    end: int
    text: str  # lower case, single spaces
    verb: VerbForm | None  # None for a source phrase
    naming: bool = False  # a naming verb ('called'): a cue only right before a quotation


_SPACES = regex.compile(r"\s+")


def find_triggers(text: str, w: QuoteWords) -> list[Trigger]:
    """Every reporting verb, naming verb and source phrase of the text, in order (one regex pass)."""
    out = []
    nouns = [m.span() for m in w.compound_noun.finditer(text)] if w.compound_noun is not None else []
    k = 0
    for m in w.trigger.finditer(text):
        while k < len(nouns) and nouns[k][1] <= m.start():
            k += 1
        if k < len(nouns) and nouns[k][0] <= m.start():
            continue  # 'think' in 'a think tank'
        low = _SPACES.sub(" ", m.group(0).lower())
        verb = w.verbs.get(low)
        if verb is not None:
            out.append(Trigger(m.start(), m.end(), low, verb))
        elif low in w.naming:
            out.append(Trigger(m.start(), m.end(), low, w.naming[low], naming=True))
        else:
            out.append(Trigger(m.start(), m.end(), low, None))
    return out
