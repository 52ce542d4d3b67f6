"""The word lists the measure rules read, from the lexicons (``measure_words``, ``money_verbs``,
``framing_verbs``, ``function_words``), gathered once per lexicon set."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import Lexicons
from ..quotes.lexicon import inflections as verb_forms
from .cues import cues
from .synonyms import change_words, inflections


@dataclass(frozen=True, slots=True)
class Vocab:
    """What the measure rules know of words."""

    quantity: frozenset[str]  # 'number', 'share': the measure is what they are of
    vague: frozenset[str]  # never a measure on their own ('record', 'figure')
    unit: frozenset[str]  # qualifiers of a count's unit ('FTE'), left out of its measure
    money: frozenset[str]  # nouns that name a sum
    money_verbs: dict[str, str]  # every form of a verb of money -> what its sum measures ('spent': 'spending on')
    framing: frozenset[str]  # verbs whose subject is a source, not a measure ('shows', 'estimates')
    pronouns: frozenset[str]  # words that stand for a measure named elsewhere ('it', 'these', 'those')
    level_verbs: frozenset[str]  # verbs stating the level of their subject ('stood at', 'numbered'), and of change
    data_verbs: frozenset[str] = frozenset()  # framing verbs that report data ('figures show the total is ...')
    purpose: str = "funding"  # names a sum by what it is for ('£300m for services': 'funding for services')
    periods: frozenset[str] = frozenset()  # the periods of a rate ('a year', 'per week'): time_words units, rates
    hollow: frozenset[str] = frozenset()  # participles left off the end of a measure ('vacancies recorded')
    calendar: frozenset[str] = frozenset()  # month, season and weekday names: a time, never a measure ('in April')
    shares: frozenset[str] = frozenset({"share"})  # 'share' and its synonyms ('proportion'): a share of X, not X
    restated: frozenset[str] = frozenset()  # 'the figure', 'the estimate': the measure of the figure given before
    targets: frozenset[str] = frozenset()  # 'a target of 95%': what is aimed at, not a level ('target for ...')

    def not_measure(self, words: str) -> bool:
        """Whether a phrase names no measure on its own (a pronoun, a vague word, a unit, a month or day)."""
        low = words.lower()
        return low in self.pronouns or low in self.vague or low in self.unit or low in self.calendar


@lru_cache(maxsize=8)
def vocabulary(lex: Lexicons) -> Vocab:
    """The :class:`Vocab` of a lexicon set."""
    roles: dict[str, set[str]] = {}
    for row in lex.rows("measure_words"):
        if len(row) > 1:
            roles.setdefault(row[1], set()).add(row[0].lower())
    verbs: dict[str, str] = {}
    for row in lex.rows("money_verbs"):
        if len(row) > 1:
            irregular = row[2].lower().split() if len(row) > 2 else []
            for form in (*inflections(row[0].lower()), *irregular):
                verbs.setdefault(form, row[1])
    levels: set[str] = set()
    for row in lex.rows("level_verbs"):
        levels.update(inflections(row[0].lower()))
        levels.update(row[1].lower().split() if len(row) > 1 else ())
    levels.update(change_words(lex))
    pronouns = {r[0].lower() for r in lex.rows("function_words") if len(r) > 1 and r[1] == "O"}
    pronouns |= cues(lex).demonstrative | cues(lex).relative
    return Vocab(frozenset(roles.get("quantity", ())), frozenset(roles.get("vague", ())),
                 frozenset(roles.get("unit", ())), frozenset(roles.get("money", ())), verbs,
                 frozenset({w.lower() for w in lex.words("framing_verbs")} | _reporting_forms(lex)),
                 frozenset(pronouns), frozenset(levels),
                 frozenset(r[0].lower() for r in lex.rows("framing_verbs") if len(r) > 1 and r[1] == "data"),
                 next(iter(sorted(roles.get("purpose", ()))), ""),
                 frozenset(r[0].lower() for r in lex.rows("time_words") if len(r) > 1 and r[1] in ("unit", "rate")),
                 frozenset(roles.get("hollow", ())),
                 frozenset({r[0].lower() for r in lex.rows("time_words") if r[1:2] in (["month"], ["season"])} |
                           {w.lower() for w in lex.words("weekdays")}),
                 frozenset({"share"} | {w.lower() for row in lex.rows("measure_synonyms") if row[0].lower() == "share"
                                        for w in row}),
                 frozenset(roles.get("restated", ())), frozenset(roles.get("target", ())))


def _reporting_forms(lex: Lexicons) -> set[str]:
    """Every one-word form of the ``reporting_verbs`` ('said', 'warns'): like a framing verb, its subject is a
    source, not a measure."""
    return {form for row in lex.rows("reporting_verbs") for form in verb_forms(row).values() if " " not in form}

