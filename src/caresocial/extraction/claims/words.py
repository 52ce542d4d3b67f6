"""The words of a sentence with what each can be: the ground the measure phrases are read from.

A sentence is split into words and punctuation; each word gets its classes from the ``function_words`` lexicon
(determiners, prepositions, conjunctions, auxiliaries, pronouns, relative words, hedges, other adverbs) or, for
open-class words, from ``word_classes`` (noun, verb, adjective, adverb: derived from WordNet by
``tools/derive_word_classes.py``; a word not listed is a noun). Words inside a figure or a time phrase are marked
as such: a measure never holds them.

With a trained spaCy pipeline (``model=``), the tagger's part of speech replaces the table's guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import Lexicons
from .cues import Cues, cues, default_cues
from .synonyms import inflections

# (the standard library's re: twice as fast as regex on this simple pattern; [^\W_] is a letter or digit; a
# word joined by '&' is one word: 'A&E', 'R&D')
_TOKEN = re.compile(r"[^\W_]+(?:&[^\W\d_]+)*(?:['’][^\W\d_]+)*(?:-[^\W_]+(?:['’][^\W\d_]+)*)*|['’]s\b|[^\s\w]")
FIG = "FIG"
TIME = "TIME"
PUNCT = "PUNCT"


_NAME = frozenset("N")
#: The classes of ``function_words`` the claims grammar reads (one capital letter; the table's other rows are
#: the speaker-phrase grammar's).
FUNCTION_CLASSES = frozenset({"D", "P", "C", "X", "O", "W", "H", "E"})
_NOT_CONTENT = frozenset({FIG, TIME, PUNCT, "D", "P", "C", "X", "O", "W", "H", "E"})


class Word:
    """One word or punctuation mark of a sentence."""

    __slots__ = ("classes", "content", "end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str, low: str, classes: frozenset[str]) -> None:
        self.start, self.end, self.text, self.low = start, end, text, low
        self.classes = classes  # letters of the lexicons, or FIG / TIME / PUNCT
        # an open-class word (noun, verb, adjective or adverb) outside any figure or time phrase
        self.content = classes.isdisjoint(_NOT_CONTENT)

    def is_(self, *cls: str) -> bool:
        """Whether the word can be any of ``cls``."""
        return not self.classes.isdisjoint(cls)

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {''.join(sorted(self.classes))})"


class Words(list[Word]):
    """The words of a sentence, with a memo for what is read from them more than once (clause starts)."""

    __slots__ = ("cues", "memo")

    def __init__(self, cues: Cues | None = None) -> None:
        super().__init__()
        self.memo: dict[tuple[str, int, int], int] = {}
        self.cues = cues if cues is not None else default_cues()  # the cue words of the lexicon set


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
            return _NAME
        return self.open_class.get(word, _NAME)


@lru_cache(maxsize=8)
def word_classes(lex: Lexicons) -> WordClasses:
    """The tables of ``function_words`` and ``word_classes``."""
    function: dict[str, set[str]] = {}
    for row in lex.rows("function_words"):
        if len(row) > 1 and row[1] in FUNCTION_CLASSES:
            function.setdefault(row[0].lower(), set()).add(row[1])
    sets: dict[str, frozenset[str]] = {}  # (one set for each of the few distinct class strings)
    open_class = {row[0].lower(): sets.get(row[1]) or sets.setdefault(row[1], frozenset(row[1]))
                  for row in lex.rows("word_classes") if len(row) > 1}
    for word in [w for w, c in open_class.items() if "V" in c and not w.endswith(("ing", "ed", "s"))]:
        for form in inflections(word)[2:]:
            open_class.setdefault(form, _VERB)  # ('spiralling', 'capped': -ed and -ing forms the table lacks)
    past = frozenset(w for w, c in open_class.items() if "V" in c and (w.endswith("ed") or "N" not in c)
                     and not w.endswith(("ing", "s")))  # (not a present participle or third person)
    return WordClasses({w: frozenset(c) for w, c in function.items()}, open_class, past)


_VERB = frozenset("V")


_MARKS = {FIG: frozenset({FIG}), TIME: frozenset({TIME})}
_PUNCT = frozenset({PUNCT})
_POSSESSIVE = frozenset("G")
_HEADING_MARKS = frozenset("•-–—:")


def tag(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]], lex: Lexicons,
        pos: dict[int, str] | None = None) -> Words:
    """The words of ``text[start:end]``; ``spans`` are (start, end, FIG or TIME) to mark; ``pos`` the
    coarse part of speech of a trained pipeline's tokens by start offset, when there is one."""
    wc = word_classes(lex)
    function, open_class = wc.function, wc.open_class
    out = Words(cues(lex))
    append = out.append
    marks = sorted(spans)
    n_marks = len(marks)
    mi = 0
    first = True
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        while mi < n_marks and marks[mi][1] <= a:
            mi += 1
        raw = m.group()
        low = raw.lower()
        if "’" in low:
            low = low.replace("’", "'")
        classes = None
        k = mi
        while k < n_marks and k < mi + 4:
            if marks[k][0] < b and a < marks[k][1]:
                classes = _MARKS[marks[k][2]]
                break
            k += 1
        if classes is None:
            c0 = raw[0]
            if low == "'s":
                classes = _POSSESSIVE
            elif not c0.isalnum():
                # a plural possessive ('councils’ spending') is a possessive, other marks punctuation
                classes = _POSSESSIVE if raw in "'’" and out and out[-1].end == a and out[-1].low.endswith("s") \
                    and b < end and text[b:b + 1].isspace() else _PUNCT
            elif low in function:
                classes = function[low]
            elif (c0.isupper() and not first and not raw.isupper()) or (len(raw) > 1 and raw.isupper()):
                classes = _NAME  # a capitalised word inside a sentence: a name
            else:
                classes = open_class.get(low, _NAME)
            if pos is not None and a in pos and low not in function:
                classes = _from_pos(pos[a], classes)
        append(Word(a, b, raw, low, classes))
        first = classes is _PUNCT and raw in _HEADING_MARKS
    return out


_POS = {"NOUN": "N", "PROPN": "N", "VERB": "V", "ADJ": "A", "ADV": "R", "NUM": "N"}


def _from_pos(pos: str, classes: frozenset[str]) -> frozenset[str]:
    letter = _POS.get(pos)
    return frozenset(letter) if letter is not None else classes
