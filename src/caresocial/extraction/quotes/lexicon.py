"""The word lists of the quote grammar, derived once per :class:`~caresocial.lexicons.Lexicons` set.

Every trigger, pattern and word class the quote rules use comes from a data file in ``caresocial/data/``
(reporting verbs by lemma with their inflections generated, titles, honours, role nouns, organisation words,
body nouns, finding nouns, pronouns, public-body acronyms, ...). :func:`quote_words` compiles them and is
cached per lexicon set, so a verb added through configuration is recognised everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

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


def _alternation(words: list[str], space: str = r"\s+") -> str:
    """A regex alternation of the words, longest first (so 'point out' is tried before 'point'); the words of a
    phrase are joined by ``space``."""
    return "|".join(regex.escape(w).replace(r"\ ", space) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True, eq=False)
class QuoteWords:
    """The compiled word lists of the quote grammar (see :func:`quote_words`)."""

    verbs: dict[str, VerbForm]
    that_only: frozenset[str]  # lemmas that report only before 'that' or a colon
    naming: dict[str, VerbForm]
    titles: dict[str, tuple[str, str]]  # lower-case title without its dot -> (gender, person|peer)
    title_prefix: regex.Pattern[str]  # one or more titles at the start of a name
    title_dot_end: regex.Pattern[str]  # a title with its full stop at the end of a string ('... Dr.')
    honours: frozenset[str]
    honours_suffix: regex.Pattern[str]
    role_nouns: dict[str, str]  # lower-case -> person | spokes
    role_noun: regex.Pattern[str]  # a role noun, whole word, any case
    role_verbs: dict[str, str]
    org_words: dict[str, str]  # capitalised word -> sector
    body_nouns: dict[str, tuple[str, str]]  # lower-case -> (sector, name word or 'any')
    finding_nouns: frozenset[str]
    finding_verbs: dict[str, str]  # 'wrote' -> author, 'commissioned' -> commissioner
    authored: regex.Pattern[str]  # "which wrote the report", "the report's author", "author of the study"
    by_relation: regex.Pattern[str]  # "that X commissioned" after a finding noun
    written_by: regex.Pattern[str]  # "written by senior research fellow Dr Amira Khan" (an apposition)
    pronouns: dict[str, str]
    acronyms: dict[str, str]
    source_after: tuple[str, ...]  # 'according to', 'in the view of'
    source_words: frozenset[str]  # their words ('according')
    source_possessive: regex.Pattern[str] | None  # "In Wernham’s view, "
    speaker_line: regex.Pattern[str]
    statement_nouns: dict[str, str]
    compound_noun: regex.Pattern[str] | None  # nouns of several words that hold a verb ('think tank')
    stance: frozenset[str]  # 'concerned', 'afraid' (before 'that')
    possessive_nouns: tuple[str, ...]  # 'view', 'opinion' ("In Wernham’s view, ...")
    adverbs: frozenset[str]  # single-word adverbs
    ly_words: frozenset[str]  # words ending in -ly that are not adverbs ('family')
    adverb_pairs: frozenset[str]  # two-word time phrases ('last night', 'this morning')
    before_quote: regex.Pattern[str]  # what may stand between a cue and its quotation ('said today: “')
    before_named: regex.Pattern[str]  # ... between a naming verb and its quotation ('has called it a “')
    clause_after_name: regex.Pattern[str]  # ', adding that', ', who', ', while': ends an inverted speaker phrase
    classes: dict[str, frozenset[str]]  # function word -> its classes
    particles: frozenset[str]
    not_names: frozenset[str]

    @cached_property
    def trigger(self) -> regex.Pattern[str]:
        """Every reporting-verb and naming-verb form and source phrase, whole words: the grammar's triggers
        without a pipeline (a pipeline finds them on its tokens, see ``statement.TriggerMatcher``, so this
        large pattern is compiled only when first used)."""
        # (the words of a phrase one space apart, as spaCy's tokens are for the PhraseMatcher)
        return regex.compile(r"(?<![\p{L}\p{N}'’-])(?i:" +
                             _alternation([*self.verbs, *self.naming, *self.source_after], " ") +
                             r")(?![\p{L}\p{N}-])")

    def is_(self, word: str, cls: str) -> bool:
        """Whether ``word`` (lower case or capitalised) belongs to the function-word class ``cls``."""
        return cls in self.classes.get(word, ())

    def body_noun_end(self, phrase: str) -> tuple[int, str] | None:
        """(offset, noun) of the body noun that ends ``phrase`` ('the industry watchdog' -> 'watchdog',
        'a think tank' -> 'think tank'), or None: a look-up of its last words."""
        stripped = phrase.rstrip()
        words = stripped.split()
        for k in (2, 1):
            if len(words) >= k:
                tail = " ".join(words[-k:]).lower()
                if tail in self.body_nouns:
                    return len(stripped) - len(" ".join(words[-k:])), tail
        return None

    def is_adverb(self, word: str) -> bool:
        """An adverb that may stand beside a reporting verb ('also', 'today', 'strongly'; not 'Family')."""
        return _is_adverb(self, word)


@lru_cache(maxsize=16384)
def _is_adverb(w: QuoteWords, word: str) -> bool:
    low = word.lower()
    return low in w.adverbs or (len(low) > 4 and low.endswith("ly") and word[0].islower() and
                                low not in w.verbs and low not in w.ly_words)


def _compounds(nouns: list[str], verbs: dict[str, VerbForm]) -> regex.Pattern[str] | None:
    """The nouns of several words one of whose words is a verb form ('think tank'), as one pattern."""
    found = [n for n in nouns if any(part in verbs for part in regex.split(r"[\s-]+", n)) and regex.search(r"[\s-]", n)]
    if not found:
        return None
    return regex.compile(rf"(?<![\p{{L}}-])(?i:{_alternation(found, ' ')})(?![\p{{L}}-])")


#: The classes of ``function_words`` the speaker-phrase grammar reads (see the table's header).
QUOTE_WORD_CLASSES = frozenset({"determiner", "continuer", "subordinator", "auxiliary", "preposition", "be",
                                "object", "quantifier", "unstated", "joiner", "modal"})


def _classes(lex: Lexicons) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    classes: dict[str, set[str]] = {}
    by_class: dict[str, set[str]] = {}
    for row in lex.rows("function_words"):
        word, cls = row[0].lower(), (row[1] if len(row) > 1 else "")
        if cls not in QUOTE_WORD_CLASSES:  # the claims grammar's one-letter classes share the table
            continue
        classes.setdefault(word, set()).add(cls)
        by_class.setdefault(cls, set()).add(word)
    # keyed by the lower-case and the capitalised word: one look-up (the grammar's hottest)
    keyed = {k: frozenset(v) for k, v in classes.items()}
    keyed.update({k.capitalize(): v for k, v in keyed.items() if k.capitalize() not in keyed})
    return keyed, {k: frozenset(v) for k, v in by_class.items()}


def _names_patterns(lex: Lexicons) -> dict[str, object]:
    titles = {row[0].lower().replace(".", ""): (row[1] if len(row) > 1 else "any", row[2] if len(row) > 2 else "person")
              for row in lex.rows("titles")}
    title_alt = _alternation([row[0].replace(".", "") for row in lex.rows("titles")])
    honours = frozenset(lex.words("honours"))
    return {
        "titles": titles,
        "title_prefix": regex.compile(rf"^(?:(?:{title_alt})\.?\s+)+"),
        "title_dot_end": regex.compile(rf"\b(?:{title_alt})\.\s*$"),
        "honours": honours,
        "honours_suffix": regex.compile(rf"(?:,?\s+(?:{_alternation(list(honours))}))+\s*$"),
        "particles": frozenset(w.lower() for w in lex.words("name_particles")),
        "not_names": frozenset(lex.words("name_stopwords")),
    }


def _finding_patterns(lex: Lexicons, finding_nouns: frozenset[str]) -> dict[str, object]:
    fverbs = {row[0].lower(): (row[1] if len(row) > 1 else "author") for row in lex.rows("finding_verbs")}
    authors = _alternation([v for v, r in fverbs.items() if r == "author"]) or "(?!)"
    payers = _alternation([v for v, r in fverbs.items() if r == "commissioner"]) or "(?!)"
    nouns = _alternation(list(finding_nouns)) or "(?!)"
    return {
        "finding_verbs": fverbs,
        "authored": regex.compile(
            rf"^(?:which|who)\s+(?:{authors})\s+(?:the|its|this)\s+(?P<noun>{nouns})$|"
            rf"^(?:the|its)\s+(?P<noun2>{nouns})['’]s\s+authors?$|"
            rf"^(?:an?\s+|the\s+)?authors?\s+of\s+the\s+(?P<noun3>{nouns})$"),
        "by_relation": regex.compile(rf"^(?:that|which)\s+(?P<who>.+?)\s+(?P<verb>{payers}|{authors})\b"),
        "written_by": regex.compile(rf"^(?:(?:which|that)\s+(?:was|were)\s+)?(?P<verb>{payers}|{authors})\s+by\s+"
                                    rf"(?P<who>.+)$"),
    }


@lru_cache(maxsize=16)
def quote_words(lex: Lexicons) -> QuoteWords:
    """The quote grammar's word lists for a lexicon set (cached: ``Lexicons`` is hashable)."""
    verbs = _forms(lex.rows("reporting_verbs"))
    naming = _forms(lex.rows("naming_verbs"))
    sources = [row[0].lower() for row in lex.rows("source_phrases") if row[1:2] == ("after",)]
    possessive = [row[0].lower() for row in lex.rows("source_phrases") if row[1:2] == ("possessive",)]
    role_nouns = {row[0].lower(): (row[1] if len(row) > 1 else "person") for row in lex.rows("role_nouns")}
    plural_roles = [_third_person(r) for r in role_nouns if not r.isupper()]
    role_noun = regex.compile(rf"(?<![\p{{L}}-])(?i:{_alternation([*role_nouns, *plural_roles])})(?![\p{{L}}-])")
    body_nouns = {row[0].lower(): (row[1] if len(row) > 1 else "any", row[2] if len(row) > 2 else "any")
                  for row in lex.rows("body_nouns")}
    # (a date may stand before a label's last word: 'Answered on 11 November 2024 by Stephen Kinnock:')
    labels = _alternation([w.lower() for w in lex.words("speaker_labels")]).replace(
        r"\s+by", r"(?:\s+on\s+[^\n:]{4,40}?)?\s+by")
    speaker_line = regex.compile(
        rf"[*#\s]*(?i:{labels})\s*:?\s*(?P<who>[^\n]{{2,200}}?)"
        r"(?:\s+on\s+(?P<when>\d[^\n:]{4,40}|[A-Z][a-z]+\s+\d[^\n:]{2,30}))?\s*:?[*\s]*$")
    multi_adverbs = [w.lower() for w in lex.words("speech_adverbs") if " " in w]
    adverbs = frozenset(w.lower() for w in lex.words("speech_adverbs") if " " not in w)
    adverb_alt = _alternation([*multi_adverbs, *adverbs])
    classes, by_class = _classes(lex)
    small = _alternation([*by_class.get("determiner", ()), *by_class.get("object", ())]) or "(?!)"
    gerunds = _alternation([f for f, v in verbs.items() if v.form == "ing" and " " not in f]) or "(?!)"
    subordinators = _alternation([*by_class.get("subordinator", ())]) or "(?!)"
    finding_nouns = frozenset(w.lower() for w in lex.words("finding_nouns"))
    stance = list(lex.words("stance_adjectives"))
    return QuoteWords(
        verbs=verbs, naming=naming,
        that_only=frozenset(x.lower() for x in lex.words("that_clause_verbs")),
        role_nouns=role_nouns, role_noun=role_noun,
        role_verbs={row[0].lower(): row[1] for row in lex.rows("role_verbs") if len(row) > 1},
        org_words={row[0]: (row[1] if len(row) > 1 else "any") for row in lex.rows("organisation_words")},
        body_nouns=body_nouns, finding_nouns=finding_nouns,
        pronouns={row[0].lower(): (row[1] if len(row) > 1 else "person") for row in lex.rows("pronouns")},
        acronyms={row[0]: row[1] for row in lex.rows("acronyms") if len(row) > 1},
        source_after=tuple(sources), source_words=frozenset(x for s in sources for x in s.split()),
        source_possessive=regex.compile(
            rf"(?<![\p{{L}}])[Ii]n\s+(?P<who>[^,;.]{{1,80}}?)['’]s?\s+(?:{_alternation(possessive)}),\s*")
        if possessive else None,
        speaker_line=speaker_line,
        statement_nouns={row[0].lower(): (row[1] if len(row) > 1 else "single") for row in lex.rows("statement_nouns")},
        compound_noun=_compounds([*body_nouns, *role_nouns, *finding_nouns], verbs),
        stance=frozenset(x.lower() for x in stance), possessive_nouns=tuple(possessive),
        adverbs=adverbs, ly_words=frozenset(x.lower() for x in lex.words("ly_words")),
        adverb_pairs=frozenset(p for p in multi_adverbs if p.count(" ") == 1),
        # (and a short object before a colon: 'told the BBC: "..."', 'told MPs: "..."')
        before_quote=regex.compile(rf"\s*(?:(?i:{adverb_alt}|\p{{L}}{{3,}}ly)\s+)*(?:(?:(?i:that)\s+)?[:,]?|"
                                   r"\p{L}[\p{L}'’&.\-]*(?:\s+\p{L}[\p{L}'’&.\-]*){0,3}\s*:)\s*$"),
        before_named=regex.compile(rf"\s*(?:(?i:{adverb_alt}|\p{{L}}{{3,}}ly)\s+)*(?:(?i:as)\s+)?"
                                   rf"(?:(?i:{small})\s+){{0,2}}[:,]?\s*$"),
        clause_after_name=regex.compile(rf",\s+(?i:{gerunds}|{subordinators})\b"),
        classes=classes,
        **_names_patterns(lex), **_finding_patterns(lex, finding_nouns),  # type: ignore[arg-type]
    )
