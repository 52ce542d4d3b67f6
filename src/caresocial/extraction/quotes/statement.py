"""A statement found in the text before its speaker is resolved, and the reporting-verb triggers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

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
        trigger = _trigger(text, m.start(), m.end(), w)
        if trigger is not None:
            out.append(trigger)
    return out


class TriggerMatcher:
    """:func:`find_triggers` on a spaCy ``Doc``'s tokens: one ``PhraseMatcher`` (on lower-case token text)
    over every form of the lexicons' reporting verbs, naming verbs, source phrases and compound nouns. It
    finds the same triggers as the regular expression, in a fraction of its time (see docs/performance.md)."""

    def __init__(self, make_doc: Callable[[str], Doc], w: QuoteWords) -> None:
        doc = make_doc("")
        self.w = w
        self.matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        phrases = {"VERB": list(w.verbs), "NAMING": [f for f in w.naming if f not in w.verbs],
                   "SOURCE": list(w.source_after), "NOUN": _compound_nouns(w)}
        for label, forms in phrases.items():
            if forms:
                self.matcher.add(label, [make_doc(f) for f in forms])
        self.noun_id = doc.vocab.strings["NOUN"]

    def __call__(self, doc: Doc, text: str) -> list[Trigger]:
        """The triggers of ``doc`` (whose text is ``text``), in order."""
        matches = self.matcher(doc)
        if not matches:
            return []
        found = sorted(((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label) for label, s, e in matches),
                       key=lambda x: (x[0], -x[1]))
        out: list[Trigger] = []
        n = len(text)
        noun_end = -1
        last_end = -1
        for start, end, label in found:
            if label == self.noun_id:
                noun_end = max(noun_end, end)
                continue
            if start < noun_end or start < last_end:
                continue  # inside a compound noun ('a think tank') or a longer trigger
            if (start and (text[start - 1].isalnum() or text[start - 1] in "'’-")) or \
                    (end < n and (text[end].isalnum() or text[end] == "-")):
                continue  # part of a longer word ('so-called')
            trigger = _trigger(text, start, end, self.w)
            if trigger is not None:
                out.append(trigger)
                last_end = end
        return out


def _compound_nouns(w: QuoteWords) -> list[str]:
    if w.compound_noun is None:
        return []
    return [n for n in (*w.body_nouns, *w.role_nouns, *w.finding_nouns) if w.compound_noun.fullmatch(n)]


def _trigger(text: str, start: int, end: int, w: QuoteWords) -> Trigger | None:
    low = _SPACES.sub(" ", text[start:end].lower())
    verb = w.verbs.get(low)
    if verb is not None:
        return Trigger(start, end, low, verb)
    if low in w.naming:
        return Trigger(start, end, low, w.naming[low], naming=True)
    if low in w.source_after:
        return Trigger(start, end, low, None)
    return None
