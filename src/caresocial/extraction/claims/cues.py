"""The closed-class cue words of the claim rules (the ``claim_cues`` lexicon: word | role), by role."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from ...lexicons import Lexicons


@dataclass(frozen=True, slots=True)
class Cues:
    """The words of each role of ``claim_cues`` (see the table's header)."""

    modal: frozenset[str]
    future_to: frozenset[str]
    likelihood: frozenset[str]
    past_aux: frozenset[str]
    present_aux: frozenset[str]
    condition: frozenset[str]
    copula: frozenset[str]
    post_prep: frozenset[str]
    particle: frozenset[str]
    opening: frozenset[str]
    relative: frozenset[str]
    verb_phrase_stop: frozenset[str]
    demonstrative: frozenset[str]
    plural_pronoun: frozenset[str]
    generic_object: frozenset[str]
    compared_determiner: frozenset[str]
    base_before: frozenset[str]
    base_to: frozenset[str]
    than_base: frozenset[str]
    superlative: frozenset[str]
    subordinator: frozenset[str]
    relative_word: frozenset[str]
    other_end: frozenset[str]
    not_rate_gap: frozenset[str]
    assess_verb: frozenset[str]
    announced: frozenset[str]
    supposed: frozenset[str]
    expect_to: frozenset[str]
    part_verb: frozenset[str]


@lru_cache(maxsize=8)
def cues(lex: Lexicons) -> Cues:
    """The :class:`Cues` of a lexicon set."""
    by_role: dict[str, set[str]] = {f.name: set() for f in fields(Cues)}
    for row in lex.rows("claim_cues"):
        if len(row) > 1 and row[1] in by_role:
            by_role[row[1]].add(row[0].lower())
    return Cues(**{k: frozenset(v) for k, v in by_role.items()})


def default_cues() -> Cues:
    """The cues of the built-in lexicons (for words read without a lexicon set)."""
    return cues(Lexicons.default())
