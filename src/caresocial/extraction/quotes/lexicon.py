"""The word lists of the quote grammar, derived once per :class:`~caresocial.lexicons.Lexicons` set.

Every trigger, pattern and word class the quote rules use comes from a data file in ``caresocial/data/``
(reporting verbs by lemma with their inflections generated, titles, honours, role nouns, organisation words,
body nouns, finding nouns, pronouns, public-body acronyms, ...). :func:`quote_words` compiles them and is
cached per lexicon set, so a verb added through configuration is recognised everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...lexicons import Lexicons

# the inflected forms of a verb, by name: base ('say'), s ('says'), past ('said'), participle ('said'), ing
FORMS = ("base", "s", "past", "participle", "ing")
_VOWELS = "aeiou"


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _gerund(lemma: str, past: str) -> str:
    if past == lemma + lemma[-1] + "ed":  # admit -> admitted -> admitting
        return lemma + lemma[-1] + "ing"
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    return lemma + "ing"


def inflections(row: tuple[str, ...]) -> dict[str, str]:
    """Every form of a verb row ``lemma | third person | past | past participle`` (missing columns generated).
    A phrasal verb ('point out') inflects its first word."""
    lemma = row[0].strip().lower()
    head, _, tail = lemma.partition(" ")
    tail = " " + tail if tail else ""

    def given(i: int, default: str) -> str:
        return row[i].strip().lower() if len(row) > i and row[i].strip() else default

    s = given(1, _third_person(head) + tail)
    past = given(2, _past(head) + tail)
    participle = given(3, past)
    past_head = past.split(" ", 1)[0]
    return {"base": lemma, "s": s, "past": past, "participle": participle, "ing": _gerund(head, past_head) + tail}


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One written form of a reporting verb."""

    lemma: str
    form: str  # one of FORMS ('past' also stands for a form that is past and participle alike)
    participle: bool  # the form can be a past participle ('said', 'shown')


def _forms(rows: tuple[tuple[str, ...], ...]) -> dict[str, VerbForm]:
    out: dict[str, VerbForm] = {}
    for row in rows:
        forms = inflections(row)
        for name in FORMS:
            written = forms[name]
            if written not in out or name == "base":
                out[written] = VerbForm(forms["base"], name, written == forms["participle"])
    return out


def _alternation(words: list[str]) -> str:
    """A regex alternation of the words, longest first (so 'point out' is tried before 'point')."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True, eq=False)
class QuoteWords:
    """The compiled word lists of the quote grammar (see :func:`quote_words`)."""

    verbs: dict[str, VerbForm]
    naming: dict[str, VerbForm]
    trigger: regex.Pattern[str]  # every reporting-verb and naming-verb form and source phrase, whole words
    titles: dict[str, tuple[str, str]]  # lower-case title without its dot -> (gender, person|peer)
    title_prefix: regex.Pattern[str]  # one or more titles at the start of a name
    honours: frozenset[str]
    honours_suffix: regex.Pattern[str]
    role_nouns: dict[str, str]  # lower-case -> person | spokes
    role_noun: regex.Pattern[str]  # a role noun, whole word, any case
    role_verbs: dict[str, str]
    org_words: dict[str, str]  # capitalised word -> sector
    body_nouns: dict[str, tuple[str, str]]  # lower-case -> (sector, name word or 'any')
    body_noun: regex.Pattern[str]  # a body noun at the end of a phrase
    finding_nouns: frozenset[str]
    pronouns: dict[str, str]
    acronyms: dict[str, str]
    source_after: tuple[str, ...]  # 'according to', 'in the view of'
    source_possessive: frozenset[str]  # 'view', 'opinion': "in X's view"
    source_after_pattern: regex.Pattern[str]
    speaker_line: regex.Pattern[str]
    statement_nouns: dict[str, str]
    compound_noun: regex.Pattern[str] | None  # nouns of several words that hold a verb ('think tank')
    stance: frozenset[str]
    stance_pattern: regex.Pattern[str] | None  # 'concerned that', 'afraid that'
    adverbs: frozenset[str]  # single-word adverbs
    adverb_pairs: frozenset[str]  # two-word time phrases ('last night', 'this morning')
    adverb_phrase: regex.Pattern[str]  # one adverb or time phrase at the start of a string
    classes: dict[str, frozenset[str]]  # function word -> its classes

    def is_(self, word: str, cls: str) -> bool:
        """Whether ``word`` (any case) belongs to the function-word class ``cls``."""
        return cls in self.classes.get(word.lower(), ())

    def is_adverb(self, word: str) -> bool:
        """An adverb that may stand beside a reporting verb ('also', 'today', 'strongly')."""
        low = word.lower()
        return low in self.adverbs or (len(low) > 4 and low.endswith("ly") and low not in self.verbs)


def _compounds(nouns: list[str], verbs: dict[str, VerbForm]) -> regex.Pattern[str] | None:
    """The nouns of several words one of whose words is a verb form ('think tank'), as one pattern."""
    found = [n for n in nouns if any(part in verbs for part in regex.split(r"[\s-]+", n)) and regex.search(r"[\s-]", n)]
    if not found:
        return None
    return regex.compile(rf"(?<![\p{{L}}-])(?i:{_alternation(found)})(?![\p{{L}}-])")


@lru_cache(maxsize=16)
def quote_words(lex: Lexicons) -> QuoteWords:
    """The quote grammar's word lists for a lexicon set (cached: ``Lexicons`` is hashable)."""
    verbs = _forms(lex.rows("reporting_verbs"))
    naming = _forms(lex.rows("naming_verbs"))
    sources = [row[0].lower() for row in lex.rows("source_phrases") if row[1:2] == ("after",)]
    possessive = frozenset(row[0].lower() for row in lex.rows("source_phrases") if row[1:2] == ("possessive",))
    trigger = regex.compile(r"(?<![\p{L}\p{N}'’-])(?i:" + _alternation([*verbs, *naming, *sources]) +
                            r")(?![\p{L}\p{N}-])")
    titles = {row[0].lower().replace(".", ""): (row[1] if len(row) > 1 else "any", row[2] if len(row) > 2 else "person")
              for row in lex.rows("titles")}
    title_alt = _alternation([t.replace(".", "") for t in (row[0] for row in lex.rows("titles"))])
    title_prefix = regex.compile(rf"^(?:(?:{title_alt})\.?\s+)+")
    honours = frozenset(lex.words("honours"))
    honours_suffix = regex.compile(rf"(?:,?\s+(?:{_alternation(list(honours))}))+\s*$")
    role_nouns = {row[0].lower(): (row[1] if len(row) > 1 else "person") for row in lex.rows("role_nouns")}
    plural_roles = [_third_person(r) for r in role_nouns if not r.isupper()]
    role_noun = regex.compile(rf"(?<![\p{{L}}-])(?i:{_alternation([*role_nouns, *plural_roles])})(?![\p{{L}}-])")
    body_nouns = {row[0].lower(): (row[1] if len(row) > 1 else "any", row[2] if len(row) > 2 else "any")
                  for row in lex.rows("body_nouns")}
    body_noun = regex.compile(rf"(?<![\p{{L}}-])(?i:{_alternation(list(body_nouns))})$")
    labels = _alternation([w.lower() for w in lex.words("speaker_labels")])
    speaker_line = regex.compile(
        rf"[*#\s]*(?i:{labels})\s*:?\s*(?P<who>[^\n]{{2,200}}?)(?:\s+on\s+(?P<when>\d[^\n:]{{4,40}}|[A-Z][a-z]+\s+\d[^\n:]{{2,30}}))?"
        r"\s*:?[*\s]*$")
    multi_adverbs = [w.lower() for w in lex.words("speech_adverbs") if " " in w]
    adverbs = frozenset(w.lower() for w in lex.words("speech_adverbs") if " " not in w)
    adverb_phrase = regex.compile(rf"(?i:{_alternation([*multi_adverbs, *adverbs])}|\p{{L}}{{3,}}ly)(?![\p{{L}}-])")
    classes: dict[str, set[str]] = {}
    for row in lex.rows("function_words"):
        classes.setdefault(row[0].lower(), set()).add(row[1] if len(row) > 1 else "")
    return QuoteWords(
        verbs=verbs, naming=naming, trigger=trigger, titles=titles, title_prefix=title_prefix, honours=honours,
        honours_suffix=honours_suffix, role_nouns=role_nouns, role_noun=role_noun,
        role_verbs={row[0].lower(): row[1] for row in lex.rows("role_verbs") if len(row) > 1},
        org_words={row[0]: (row[1] if len(row) > 1 else "any") for row in lex.rows("organisation_words")},
        body_nouns=body_nouns, body_noun=body_noun,
        finding_nouns=frozenset(w.lower() for w in lex.words("finding_nouns")),
        pronouns={row[0].lower(): (row[1] if len(row) > 1 else "person") for row in lex.rows("pronouns")},
        acronyms={row[0]: row[1] for row in lex.rows("acronyms") if len(row) > 1},
        source_after=tuple(sources), source_possessive=possessive,
        source_after_pattern=regex.compile(rf"(?i:{_alternation(sources)})\s+"),
        speaker_line=speaker_line,
        statement_nouns={row[0].lower(): (row[1] if len(row) > 1 else "single") for row in lex.rows("statement_nouns")},
        compound_noun=_compounds([*body_nouns, *role_nouns, *(x.lower() for x in lex.words("finding_nouns"))], verbs),
        stance=frozenset(w.lower() for w in lex.words("stance_adjectives")),
        stance_pattern=regex.compile(rf"(?<![\p{{L}}-])(?i:{_alternation(list(lex.words('stance_adjectives')))})"
                                     r"\s+that\b\s*") if lex.words("stance_adjectives") else None,
        adverbs=adverbs, adverb_phrase=adverb_phrase,
        adverb_pairs=frozenset(p for p in multi_adverbs if p.count(" ") == 1),
        classes={w: frozenset(c) for w, c in classes.items()},
    )
