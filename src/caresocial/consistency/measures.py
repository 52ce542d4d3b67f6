"""Same measure across documents, decided on evidence rather than on an exact key.

Each claim's measure phrase becomes a :class:`Signature`: its words after the synonym lexicon
(``measure_synonyms``, canonical first) and the configured aliases, lower case, singular, without the words
of ``measure_stopwords``; its head noun (the noun the phrase is about: ``children`` in "children lifted out of
poverty", ``deficit`` in "national high needs deficit", the noun after "of" for the heads of
``measure_generic_heads`` such as "the number of ..."); the rest are its modifiers.

Claims are only ever compared within a block of the same unit family and head noun (the blocking key), so the
work grows with the claims, not their square. Within a block, two signatures are

* ``sure`` the same measure when their modifiers are the same, ``likely`` when only the participles right after
  the head differ ('children lifted out of poverty' and 'children out of poverty');
* ``likely`` when the modifiers of one are all among the other's ("high needs deficit" and "national high
  needs deficit"): a less specific naming, taken only when it can name one measure alone (:func:`cluster`);
* ``possible`` when one side is the bare head ("deficit" and "high needs deficit"), on the same terms;
* otherwise different measures: each side has words of its own ("upper" and "lower capital limit", "share of
  children in poverty" and "share of councils at risk").

The checker states which of these it found in every finding ("why the same measure"), and lowers the
severity below error unless the match is sure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..lexicons import LexiconError, Lexicons
from .caching import cached

#: Nouns whose plural is not an 's' away ('children'), from the ``irregular_plurals`` lexicon.
IRREGULAR_PLURALS = frozenset(w.lower() for w in Lexicons.default().words("irregular_plurals"))

SURE, LIKELY, POSSIBLE, NONE = 3, 2, 1, 0
STRENGTH_NAMES = {SURE: "sure", LIKELY: "likely", POSSIBLE: "possible", NONE: "none"}
# words that end the noun a measure phrase is about: prepositions and relative words
_BOUNDARY = frozenset("of in on at for from by with within without into onto over under across among between "
                      "per after before since during to who that which whose than as out against".split())
_WORD = regex.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# prepositions that end the head noun but carry meaning of their own: 'children lifted out of poverty' is not
# 'children in poverty', 'families without work' not 'families in work'
_DIRECTED = frozenset({"out", "without", "into"})
MAX_SHARED_TOKEN = 200
MAX_CANDIDATES = 8  # a less specific naming that could be one of this many measures is compared with each


@dataclass(frozen=True, order=True)
class Signature:
    """A measure phrase made comparable: the normalised phrase, its head noun and its other content words."""

    key: str
    head: str
    words: frozenset[str]
    acting: frozenset[str] = frozenset()  # participles after the head ('lifted'): what happened, not which ones

    def describe(self) -> str:
        return self.key


def singular(word: str) -> str:
    """A cheap singular: 'costs' -> 'cost', 'authorities' -> 'authority', 'children' stays."""
    if word in IRREGULAR_PLURALS or len(word) <= 3 or word.endswith(("ss", "us", "is", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _plural_looking(word: str) -> bool:
    return word in IRREGULAR_PLURALS or singular(word) != word


def _tables_uncached(lex: Lexicons) -> tuple[frozenset[str], frozenset[str], regex.Pattern[str] | None, dict[str, str],
                                             frozenset[str]]:
    stop = frozenset(w.lower() for w in lex.words("measure_stopwords"))
    try:  # past participles of another shape than -ed ('held', 'paid', 'spent'): verbs of word_classes, no noun
        participles = frozenset(r[0].lower() for r in lex.rows("word_classes") if len(r) > 1 and "V" in r[1] and
                                "N" not in r[1] and not r[0].endswith(("s", "ing", "ed")))
    except LexiconError:
        participles = frozenset()
    generic = frozenset(w.lower() for w in lex.words("measure_generic_heads"))
    try:
        rows = lex.rows("measure_synonyms")
    except LexiconError:
        rows = ()
    canon: dict[str, str] = {}
    for row in rows:
        target = _norm_text(row[0])
        if target:
            canon.setdefault(target, target)  # the key itself is read as one unit too
        for alt in row[1:]:
            alt_n = _norm_text(alt)
            if alt_n and alt_n != target:
                canon.setdefault(alt_n, target)
    pattern = None
    if canon:
        alts = sorted(canon, key=lambda s: (-len(s), s))
        pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(a) for a in alts) + r")\b")
    return stop, generic, pattern, canon, participles


_tables = cached(_tables_uncached, 64)


def _singular_key(text: str) -> str:
    return " ".join(singular(t) for t in _norm_text(text).split())


def _norm_text(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = regex.sub(r"[-_/]+", " ", t)
    return " ".join(_WORD.findall(t))


def _signature_uncached(measure: str, lex: Lexicons, aliases: tuple[tuple[str, str], ...] = ()) -> Signature | None:
    """The comparable form of a measure phrase (None when nothing of it is left); ``aliases`` are the
    configured (alias key, canonical key) pairs."""
    key = _singular_key(measure)
    for alias, canonical in aliases:
        if alias == measure or _singular_key(alias) == key:
            measure = canonical
            break
    stop, generic, pattern, canon, participles = _tables(lex)
    tokens = _units(_norm_text(measure), pattern, canon)
    if not tokens:
        return None
    head_at = _head_index(tokens, stop, generic, participles)
    if head_at is None:
        return None
    head_word = tokens[head_at]
    words: set[str] = set()
    if " " in head_word:  # a synonym phrase is the head: its own head noun, its other words modify
        inner = [_bare(t) for t in head_word.split()]
        inner_at = _head_index(inner, stop, generic, participles)
        head_word = inner[-1 if inner_at is None else inner_at]
        words.update(singular(t) for t in inner if t != head_word and t not in stop and t not in _BOUNDARY)
    acting = _acting(tokens, head_at, stop, participles)
    acting |= _agent(tokens, acting, stop)
    for i, t in enumerate(tokens):
        if i == head_at or i in acting or t in stop or (t in _BOUNDARY and t not in _DIRECTED) \
                or (t in generic and i < head_at):
            continue
        words.update(singular(_bare(w)) for w in t.split()
                     if w not in stop and (w not in _BOUNDARY or w in _DIRECTED))
    head = singular(head_word)
    return Signature(" ".join(tokens), head, frozenset(words) - {head}, frozenset(tokens[i] for i in acting))


_FLOWS = {"down": "taken out of", "up": "brought into"}


def flow_measure(measure: str, direction: str | None) -> str | None:
    """A change in a count of those in a state, as the count of those it moves: a fall in 'children in poverty'
    of 330,000 is 330,000 'children taken out of poverty' (what 'lifts 350,000 children out of poverty' counts),
    a rise is those 'brought into' it. None unless the measure is 'change in' a plain noun and 'in' a state."""
    flow = _FLOWS.get(direction or "")
    if flow is None or not measure.startswith("change in "):
        return None
    head, sep, state = measure[len("change in "):].partition(" in ")
    words = head.split()
    if not sep or not words or not state or " in " in state or len(words) > 3 or \
            not all((w.isalpha() or w.endswith("'s")) and w not in _BOUNDARY for w in words):
        return None
    return f"{head} {flow} {state}"


def _acting(tokens: list[str], head_at: int, stop: frozenset[str], participles: frozenset[str]) -> set[int]:
    """Indices of the participles right after the head noun: what happened to the things counted, not which
    things they are ('children lifted out of poverty' are the children out of poverty)."""
    out: set[int] = set()
    i = head_at + 1
    while i < len(tokens) and " " not in tokens[i] and tokens[i] not in stop and (
            (len(tokens[i]) > 4 and tokens[i].endswith(("ed", "ing"))) or tokens[i] in participles):
        out.add(i)
        i += 1
    return out


def _agent(tokens: list[str], acting: set[int], stop: frozenset[str]) -> set[int]:
    """Indices of the agent of the participles after the head ('deficits held *by local authorities*'): who did
    it, read like the participle (what happened to the things counted, not which things they are): a 'by' right
    after the last of them, to the next preposition or relative word. A means is kept: 'lifted *by scrapping the
    limit*' is another measure than 'lifted by raising benefits'."""
    if not acting:
        return set()
    i = max(acting) + 1
    if i + 1 >= len(tokens) or tokens[i] != "by" or tokens[i + 1].endswith("ing"):
        return set()
    out = set()
    i += 1
    while i < len(tokens) and tokens[i] not in _BOUNDARY:
        if tokens[i] not in stop:
            out.add(i)
        i += 1
    return out


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _units(text: str, pattern: regex.Pattern[str] | None, canon: dict[str, str]) -> list[str]:
    """The words of a normalised phrase, each synonym phrase replaced by its key as ONE unit (a token with
    spaces), so that the prepositions inside 'children in care' do not end the noun the phrase is about."""
    if pattern is None:
        return [_bare(t) for t in text.split()]
    out: list[str] = []
    at = 0
    for m in pattern.finditer(text):
        out.extend(_bare(t) for t in text[at:m.start()].split())
        key = canon[m.group(0)]
        out.append(key if " " in key else _bare(key))
        at = m.end()
    out.extend(_bare(t) for t in text[at:].split())
    return [t for t in out if t]  # a possessive ending left after a synonym ('children's' -> key, "'s")


signature = cached(_signature_uncached, 65536)


def _head_index(tokens: list[str], stop: frozenset[str], generic: frozenset[str],
                participles: frozenset[str] = frozenset()) -> int | None:
    """Index of the head noun: the last word of the first run of content words, where a run ends at a
    preposition or relative word, or before a participle after a plural ('children lifted out of ...',
    'councils facing insolvency'); a generic head ('number of', 'rise in') hands over to the phrase after it."""
    start = 0
    n = len(tokens)
    while start < n:
        i = start
        while i < n and (tokens[i] in _BOUNDARY or tokens[i] in stop):
            i += 1
        run_start = i
        while i < n and tokens[i] not in _BOUNDARY:
            word = tokens[i]
            if i > run_start and ((word.endswith(("ed", "ing")) and (_plural_looking(tokens[i - 1]) or
                                                                      " " in tokens[i - 1])) or word in participles) \
                    and (not word.endswith("ing") or i + 1 < n):
                break  # (after a plural or a synonym's phrase, 'deficits held by'; 'held' after any noun)
            i += 1
        content = [k for k in range(run_start, i) if tokens[k] not in stop]
        if content and i < n and all(tokens[k].endswith("ed") for k in content):
            start = i + 1  # 'looked after children': a participle before a preposition qualifies what follows
            continue
        if content:
            head = content[-1]
            if tokens[head] in generic and i < n and tokens[i] in ("of", "in") and i + 1 < n:
                start = i + 1
                continue
            return head
        start = i + 1
    return None


def strength(a: Signature, b: Signature) -> int:
    """How sure it is that two signatures of one block name the same measure: the same words are sure; the
    words of one all in the other (a less specific naming) likely, possible when one is the bare head; words
    of its own on each side ('upper' and 'lower capital limit', 'agency workers' and 'workers in post') are
    different measures."""
    if a.head != b.head:
        return NONE
    got = words_strength(a.words, b.words)
    return LIKELY if got == SURE and a.acting != b.acting else got


def words_strength(a: frozenset[str], b: frozenset[str]) -> int:
    """:func:`strength` of two signatures of the same head, from their other words. Two bare heads are only
    possibly the same measure: a counted noun alone ('children', 'cost') names no measure."""
    if a == b:
        return SURE if a else POSSIBLE
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    if not _narrows(small, big):
        return NONE
    return LIKELY if small else POSSIBLE


def _narrows(small: frozenset[str], big: frozenset[str]) -> bool:
    """True when ``big`` is a more specific naming of ``small``: all its words and more, none of them a
    directed preposition ('children out of poverty' does not narrow 'children in poverty')."""
    return small <= big and not (big - small) & _DIRECTED


def why(a: Signature, b: Signature) -> str:
    """Why two signatures were taken to be the same measure, in words."""
    if a.words == b.words:
        if a.key == b.key:
            return f"the same measure '{a.key}'"
        if a.acting != b.acting:
            return f"'{a.key}' and '{b.key}' differ only in a participle (or its agent) after '{a.head}' (likely)"
        return f"'{a.key}' and '{b.key}' are the same words"
    small, big = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if not small.words:
        return f"'{small.key}' names the head of '{big.key}' (possible)"
    return f"every word of '{small.key}' is in '{big.key}' (likely)"


def cluster(signatures: Iterable[Signature]) -> dict[Signature, Signature]:
    """Signatures of one block (same head) -> the representative of the measure they are taken to name (see
    :func:`cluster_with_candidates`)."""
    return cluster_with_candidates(signatures)[0]


def cluster_with_candidates(signatures: Iterable[Signature]
                            ) -> tuple[dict[Signature, Signature], dict[Signature, tuple[Signature, ...]]]:
    """Signatures of one block (same head) -> the representative of the measure they are taken to name.

    Signatures with the same words are one measure. Every other signature names a less specific version of
    some others (its words are all in theirs): it joins them when they all lie under one most specific
    naming, and stays apart when it could be either of two ("workers" under "agency workers" and "workers in
    post"); such a naming (a bare head too) that could be one of at most ``MAX_CANDIDATES`` measures is also
    compared with each of them, at the lower sureness its link gives: the second mapping lists, for each of
    its signatures, the representatives of those measures. Candidates come from the rarest word's postings,
    never from all pairs. Deterministic: representatives are the smallest signature of each measure."""
    sigs = sorted(set(signatures))
    by_words: dict[frozenset[str], list[Signature]] = {}
    for s in sigs:
        by_words.setdefault(s.words, []).append(s)
    sets = sorted(by_words, key=lambda w: (len(w), sorted(w)))
    postings: dict[str, list[frozenset[str]]] = {}
    for w in sets:
        for word in w:
            postings.setdefault(word, []).append(w)

    def supersets(w: frozenset[str]) -> list[frozenset[str]] | None:
        if not w:
            return [x for x in sets if x and _narrows(w, x)]
        rarest = min(w, key=lambda word: (len(postings[word]), word))
        found = postings[rarest]
        if len(found) > MAX_SHARED_TOKEN:
            return None
        return [x for x in found if x != w and _narrows(w, x)]

    above = {w: supersets(w) for w in sets}
    top: dict[frozenset[str], frozenset[str]] = {}
    torn: dict[frozenset[str], list[frozenset[str]]] = {}
    for w in sets:
        ups = above[w]
        if ups is None:
            continue
        maximal = {u for u in ups if not above[u]}
        if len(maximal) == 1:
            top[w] = next(iter(maximal))
        elif 1 < len(maximal) <= MAX_CANDIDATES:
            torn[w] = sorted(maximal, key=lambda u: (len(u), sorted(u)))
    out: dict[Signature, Signature] = {}
    members: dict[frozenset[str], list[Signature]] = {}
    for w in sets:
        members.setdefault(top.get(w, w), []).extend(by_words[w])
    reps: dict[frozenset[str], Signature] = {}
    for words, group in members.items():
        rep = min(group)
        reps[words] = rep
        for s in group:
            out[s] = rep
    candidates = {s: tuple(reps[u] for u in torn[w] if u in reps) for w in torn for s in by_words[w]}
    return out, candidates


__all__ = ["LIKELY", "MAX_CANDIDATES", "NONE", "POSSIBLE", "SURE", "Signature", "cluster", "cluster_with_candidates",
           "flow_measure", "signature", "singular", "strength", "why", "words_strength"]
