"""Measure keys and the words of change, from the ``measure_synonyms`` and ``change_verbs`` lexicons.

:func:`measure_key` turns the words of a measure into the key documents share: lower case, straight
apostrophes, no leading determiner, and every phrase of a ``measure_synonyms`` row read as the row's first
phrase ("looked-after children in England" -> "children in care in england"), without determiners, pronouns,
relative words, auxiliaries and unit qualifiers ('FTE'). Users add rows through
``[tool.caresocial.lexicons] measure_synonyms = ["care leavers | former relevant children"]``; the
``[tool.caresocial.aliases]`` table of the configuration is read into the same lexicon.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...lexicons import Lexicons

_I = regex.IGNORECASE
_KEY_BREAK = regex.compile(r"[\s,]+")


@lru_cache(maxsize=8)
def _synonym_pattern(lex: Lexicons) -> tuple[regex.Pattern[str] | None, dict[str, str]]:
    """One pattern for every phrase of every row (longest first) and phrase -> key."""
    to_key: dict[str, str] = {}
    dropped = _function_words(lex)  # (read as a key reads its phrase: 'below the poverty line')
    for row in lex.rows("measure_synonyms"):
        key = _plain(row[0])
        for phrase in row[1:]:
            p = " ".join(w for w in _norm(phrase).split() if w not in dropped)
            if p and p != _norm(key):
                to_key.setdefault(p, key)
    if not to_key:
        return None, to_key
    alts = sorted(to_key, key=len, reverse=True)
    # (a phrase read in the plural too: 'send deficits' is a 'send deficit')
    body = "|".join(regex.escape(a).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") +
                    ("(?:e?s)?+" if a[-1:].isalpha() and not a.endswith("s") else "") for a in alts)
    # (not before 'than': 'more than a year' compares, it is not 'additional')
    return regex.compile(rf"(?<![\w'-])(?:{body})(?![\w-])(?![ ]than\b)", _I), to_key


def _lookup(found: str, to_key: dict[str, str]) -> str:
    """The key of a phrase of the table as found (perhaps in the plural)."""
    p = _norm(found)
    for form in (p, p[:-1], p[:-2]):
        if form in to_key:
            return to_key[form]
    return found


def _norm(phrase: str) -> str:
    """A phrase as the synonym table is looked up: plain, hyphens read as spaces."""
    return " ".join(_plain(phrase).replace("-", " ").split())


def _plain(phrase: str) -> str:
    p = phrase.replace("’", "'").replace("‘", "'").lower().strip()
    return " ".join(w for w in _KEY_BREAK.split(p) if w)


@lru_cache(maxsize=16384)
def _key(phrase: str, lex: Lexicons) -> str:
    p = _plain(phrase)
    dropped = _function_words(lex)
    words = [w for w in p.split() if w not in dropped]
    determiners = _determiners(lex)
    while words and words[0] in determiners:
        words = words[1:]
    p = " ".join(words)
    units = _unit_pattern(lex)
    if units is not None:
        p = " ".join(units.sub(" ", p).split())
    pattern, to_key = _synonym_pattern(lex)
    if pattern is not None:
        p = pattern.sub(lambda m: _lookup(m.group(), to_key), p)
        p = _REPEATED.sub(r"\1", p)  # 'universal credit (UC)' read twice
    return p.strip(" -'")


_REPEATED = regex.compile(r"(?<![\w'-])([\w'-]+(?: [\w'-]+){0,3}) \1(?![\w'-])")


@lru_cache(maxsize=8)
def _unit_pattern(lex: Lexicons) -> regex.Pattern[str] | None:
    """The unit qualifiers of ``measure_words`` ('FTE', 'full-time equivalent'), which a key leaves out."""
    units = sorted({r[0].lower() for r in lex.rows("measure_words") if len(r) > 1 and r[1] == "unit"}, key=len,
                   reverse=True)
    if not units:
        return None
    body = "|".join(regex.escape(u).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for u in units)
    return regex.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", _I)


@lru_cache(maxsize=8)
def _determiners(lex: Lexicons) -> frozenset[str]:
    """The determiners of ``function_words`` (class D), which a key does not start with."""
    return frozenset(r[0].lower() for r in lex.rows("function_words")
                     if len(r) > 1 and r[1] == "D" and r[0].lower() != "no")  # ('no recourse to public funds')


@lru_cache(maxsize=8)
def _function_words(lex: Lexicons) -> frozenset[str]:
    """Words a key leaves out: determiners, pronouns, relative words and auxiliaries of ``function_words``
    ('social workers who left their roles' -> 'social workers left roles'); 'no' stays."""
    return frozenset(r[0].lower() for r in lex.rows("function_words")
                     if len(r) > 1 and r[1] in ("D", "W", "X", "O") and r[0].lower() != "no")


def measure_key(phrase: str, lex: Lexicons | None = None) -> str:
    """Normalised key of a measure phrase, after the synonym lexicon (the built-in one by default)."""
    return _key(phrase, lex if lex is not None else Lexicons.default())


@lru_cache(maxsize=8)
def change_words(lex: Lexicons) -> dict[str, tuple[str, str]]:
    """Every form of a change word -> (direction, its parts of speech: letters of v, n, r); verbs with their
    inflections."""
    out: dict[str, tuple[str, str]] = {}
    for row in lex.rows("change_verbs"):
        if len(row) < 3:
            continue
        word, direction, pos = row[0].lower(), row[1], row[2]
        for form in (inflections(word, row[3] if len(row) > 3 else "") if pos == "v" else (word,)):
            old = out.get(form)
            out[form] = (old[0], old[1] + pos) if old is not None and pos not in old[1] else old or (direction, pos)
    return out


def _doubles(verb: str) -> bool:
    """Whether a verb doubles its last consonant before -ed and -ing: one short vowel before one consonant in a
    stressed last syllable, read as a word of three letters ('cap', 'cut') or of four opening with two consonants
    ('slip', 'drop'; not 'open', 'edit'), and the British final l after one vowel ('spiral', 'cancel', 'control';
    not 'appeal')."""
    vowels = "aeiou"
    if len(verb) < 3 or not verb.isalpha() or verb[-1] in vowels + "wxy" or verb[-2] not in vowels or \
            verb[-3] in vowels:
        return False
    if verb[-1] == "l":
        return len(verb) >= 5
    return len(verb) == 3 or (len(verb) == 4 and verb[0] not in vowels and verb[1] not in vowels)


def inflections(lemma: str, irregular: str = "") -> tuple[str, ...]:
    """A verb (one word, or a verb and its particle) with its -s, past, past participle and -ing forms: those of
    ``irregular`` ("rises rose risen rising", a lexicon's column) when given, else the regular ones."""
    head, _, rest = lemma.partition(" ")
    given = irregular.lower().split()
    if len(given) == 4:
        forms = (head, *given)
    elif head.endswith("e"):
        forms = (head, head + "s", head + "d", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head[:-1] + "ied", head + "ing")
    elif _doubles(head):
        double = head + head[-1]
        forms = (head, head + "s", double + "ed", double + "ed", double + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ed", head + "ing")
    if not rest:  # (one word: the forms as they are; the same as below, without a string for each)
        return tuple(dict.fromkeys(forms))
    return tuple(dict.fromkeys(f"{f} {rest}".strip() for f in forms))
