"""The words of a sentence with what each can be: the ground the measure phrases are read from.

A sentence is split into words and punctuation; each word gets its classes from the ``function_words`` lexicon
(determiners, prepositions, conjunctions, auxiliaries, pronouns, relative words, hedges, other adverbs) or, for
open-class words, from ``word_classes`` (noun, verb, adjective, adverb: derived from WordNet by
``tools/derive_word_classes.py``; a word not listed is a noun). Words inside a figure or a time phrase are marked
as such: a measure never holds them.

With a trained spaCy pipeline (``model=``), the tagger's part of speech replaces the table's guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...lexicons import Lexicons

_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*|['’]s\b|[^\s\w]", regex.V1)
FIG = "FIG"
TIME = "TIME"
PUNCT = "PUNCT"


@dataclass(slots=True)
class Word:
    """One word or punctuation mark of a sentence."""

    start: int
    end: int
    text: str
    low: str
    classes: frozenset[str]  # letters of the lexicons, or FIG / TIME / PUNCT

    def is_(self, *cls: str) -> bool:
        """Whether the word can be any of ``cls``."""
        return any(c in self.classes for c in cls)

    @property
    def content(self) -> bool:
        """An open-class word (noun, verb, adjective or adverb) outside any figure or time phrase."""
        return not self.is_(FIG, TIME, PUNCT) and not self.is_("D", "P", "C", "X", "O", "W", "H", "E")


@dataclass(frozen=True, slots=True)
class WordClasses:
    """The word-class tables of a lexicon set."""

    function: dict[str, frozenset[str]]
    open_class: dict[str, frozenset[str]]
    verbs_past: frozenset[str]

    def of(self, word: str, capital_inside: bool) -> frozenset[str]:
        """The classes of a word (lower case), a capitalised word inside a sentence being a name."""
        if word in self.function:
            return self.function[word]
        if capital_inside:
            return frozenset("N")
        return self.open_class.get(word, frozenset("N"))


@lru_cache(maxsize=8)
def word_classes(lex: Lexicons) -> WordClasses:
    """The tables of ``function_words`` and ``word_classes``."""
    function: dict[str, set[str]] = {}
    for row in lex.rows("function_words"):
        if len(row) > 1:
            function.setdefault(row[0].lower(), set()).add(row[1])
    open_class = {row[0].lower(): frozenset(row[1]) for row in lex.rows("word_classes") if len(row) > 1}
    past = frozenset(w for w, c in open_class.items() if "V" in c and (w.endswith("ed") or "N" not in c))
    return WordClasses({w: frozenset(c) for w, c in function.items()}, open_class, past)


def tag(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]], lex: Lexicons,
        pos: dict[int, str] | None = None) -> list[Word]:
    """The words of ``text[start:end]``; ``spans`` are (start, end, FIG or TIME) to mark; ``pos`` the
    coarse part of speech of a trained pipeline's tokens by start offset, when there is one."""
    wc = word_classes(lex)
    out: list[Word] = []
    marks = sorted(spans)
    mi = 0
    first = True
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        while mi < len(marks) and marks[mi][1] <= a:
            mi += 1
        raw = m.group()
        low = raw.lower().replace("’", "'")
        mark = next((k for s, e, k in marks[mi:mi + 4] if s < b and a < e), None)
        if mark is not None:
            classes = frozenset({mark})
        elif not raw[0].isalnum() and not low.startswith("'s"):
            classes = frozenset({PUNCT})
        elif low == "'s":
            classes = frozenset("G")
        else:
            name = (raw[0].isupper() and not first and not raw.isupper()) or (raw.isupper() and len(raw) > 1)
            classes = wc.of(low, name)
            if pos is not None and a in pos and low not in wc.function:
                classes = _from_pos(pos[a], classes)
        out.append(Word(a, b, raw, low, classes))
        first = (classes == frozenset({PUNCT}) and raw in "•-–—:") or False
    return out


_POS = {"NOUN": "N", "PROPN": "N", "VERB": "V", "ADJ": "A", "ADV": "R", "NUM": "N"}


def _from_pos(pos: str, classes: frozenset[str]) -> frozenset[str]:
    letter = _POS.get(pos)
    return frozenset(letter) if letter is not None else classes
