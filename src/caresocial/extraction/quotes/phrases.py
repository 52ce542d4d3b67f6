"""Where the speaker phrase of a reporting verb is: the noun phrase before it (with an apposition between
commas or dashes), the one after it in an inverted attribution (", said Jane Doe, director of ..."), or the
subject of the clause for a verb with no subject of its own ("..., arguing that", "went on to say").

Work is bounded: a speaker phrase is looked for in the 300 characters before its verb and runs at most 16
words, so each verb costs constant time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from .lexicon import QuoteWords
from .names import person_name

WINDOW = 240
SHORT_WINDOW = 100  # tried first: most speaker phrases are short (a longer one is looked for when it reaches)
MAX_WORDS = 24
# (the standard library's engine: this pattern needs no Unicode properties, and it is the hottest one)
_TOKEN = re.compile(r"\w(?:[\w&.\-]|['’](?=\w))*(?:['’](?!\w))?|[,;:()\[\]–—“”\"‘•·▪►*]|(?<!\S)-(?!\S)|(?<!\w)['’]")
_PUNCT_STOP = frozenset(";:[]“”\"‘'’")
_DASHES = frozenset("–—-")


class Tok(NamedTuple):
    """A word or punctuation mark with its offsets."""

    s: int
    e: int
    t: str

    @property
    def word(self) -> bool:
        return self.t[0].isalnum()


def tokens(text: str, lo: int, hi: int) -> list[Tok]:
    """The words and punctuation marks of text[lo:hi]."""
    new = tuple.__new__  # (a named tuple's own constructor costs a Python call per token)
    return [new(Tok, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, lo, hi)]


_NEXT_WORD = re.compile(r"\s*(\w+)(?:\s+(\w+))?")


def adverb_end(text: str, pos: int, hi: int, w: QuoteWords) -> int | None:
    """Where the adverb or time phrase at ``pos`` (after spaces) ends ('today', 'last night', 'strongly'), or
    None when there is none (a look-up of the next words: a pattern of every adverb is slow to try)."""
    m = _NEXT_WORD.match(text, pos, hi)
    if m is None:
        return None
    if m.group(2) and f"{m.group(1)} {m.group(2)}".lower() in w.adverb_pairs:
        return m.end(2)
    if w.is_adverb(m.group(1)) or (m.group(1)[:1].isupper() and m.group(1).lower() in w.adverbs):
        return m.end(1)
    return None


def skip_adverbs(text: str, pos: int, hi: int, w: QuoteWords) -> int:
    """``pos`` moved past the adverbs and time phrases that follow it."""
    while True:
        end = adverb_end(text, pos, hi, w)
        if end is None:
            return pos
        pos = end


def _is_cap(t: str) -> bool:
    return t[:1].isupper()


def skip_back(toks: list[Tok], i: int, w: QuoteWords) -> int:
    """Index of the last token before ``i`` (inclusive) that is not an auxiliary, adverb or ', however,'."""
    while i >= 0:
        t = toks[i]
        if t.word and (w.is_(t.t, "auxiliary") or w.is_adverb(t.t)) and not (i == 0 and t.t[:1].isupper() and
                                                                          w.is_(t.t, "auxiliary")):
            i -= 1
            continue
        if t.t == "," and i >= 2 and toks[i - 1].word and w.is_adverb(toks[i - 1].t) and toks[i - 2].t == ",":
            i -= 3  # ', however,'
            continue
        if t.word and i >= 1 and f"{toks[i - 1].t} {t.t}".lower() in w.adverb_pairs:
            i -= 2  # 'this morning', 'last night'
            continue
        break
    return i


def np_back(toks: list[Tok], i: int, w: QuoteWords) -> int | None:
    """Index of the first token of the noun phrase that ends at token ``i``, or None."""
    k = i
    lower_run = 0
    n = 0
    while k >= 0 and n < MAX_WORDS:
        t = toks[k]
        if t.t == ")":
            j = k - 1
            while j >= 0 and toks[j].t != "(" and k - j < 10:
                j -= 1
            if j < 0 or toks[j].t != "(":
                break
            k = j - 1
            continue
        if not t.word:
            if t.t == "," and _comma_in_name(toks, k, i, w):
                k -= 1
                continue
            break
        low = t.t.lower()
        if (w.is_(low, "subordinator") and not w.is_(low, "determiner")) or low == "that":
            break
        if w.is_(low, "auxiliary") or (low in w.verbs and low not in w.finding_nouns and not _is_cap(t.t) and not (
                k + 1 < len(toks) and f"{low} {toks[k + 1].t.lower()}" in w.body_nouns) and not (
                k < i and w.verbs[low].form == "ing")):  # 'responding councils': an adjective
            break
        if low in w.pronouns and not w.is_(low, "determiner"):
            if k == i:
                return k
            break
        if w.is_(low, "determiner"):
            prev = toks[k - 1] if k > 0 else None
            if prev is not None and prev.word and (
                    (w.is_(prev.t, "determiner") and not w.is_(prev.t, "continuer")) or
                    prev.t.endswith(("’s", "'s", "s’"))):
                k -= 1  # 'our most recent', "Ofsted’s latest report"
                continue
            if prev is None or not prev.word or not w.is_(prev.t, "continuer") or not _joins(toks, k - 1, w):
                return k
        elif w.is_(low, "continuer"):
            pass
        elif _is_cap(t.t) or t.t[:1].isdigit():
            lower_run = 0
        else:
            lower_run += 1
            if lower_run > 5:
                break
        k -= 1
        n += 1
    start = k + 1
    while start <= i and (w.is_(toks[start].t, "continuer") or (not toks[start].word and toks[start].t != "(")):
        start += 1
    return start if start <= i else None


def _joins(toks: list[Tok], c: int, w: QuoteWords) -> bool:
    """Whether the continuer at ``c`` joins two parts of one noun phrase ('research by the', 'Chair of the')
    rather than a verb and its object ('coincided with a'): the word before it is a name or a noun the
    lexicons know."""
    if c < 1 or not toks[c - 1].word:
        return False
    before = toks[c - 1].t
    low = before.lower().rstrip("’'")
    sing = low[:-1] if low.endswith("s") else low
    return _is_cap(before) or before[:1].isdigit() or any(
        x in w.finding_nouns or x in w.body_nouns or x in w.role_nouns for x in (low, sing))


def _comma_in_name(toks: list[Tok], k: int, i: int, w: QuoteWords) -> bool:
    """A comma inside a name that lists its remits ('Ministry of Housing, Communities and Local Government')."""
    if k < 3 or not all(_is_cap(x.t) or w.is_(x.t, "continuer") for x in toks[k + 1:i + 1]):
        return False
    j = k - 1
    while j >= 0 and toks[j].word and (_is_cap(toks[j].t) or toks[j].t.lower() in ("of", "for")) and k - j < 6:
        j -= 1
    if j >= 0 and toks[j].word and _is_cap(toks[j].t):
        return False  # the run goes on: its first word is not known
    first = toks[j + 1]
    return first.t in w.org_words and j + 2 < k and toks[j + 2].t in ("of", "for")


def subject_before(text: str, lo: int, verb: int, w: QuoteWords,
                   toks: list[Tok] | None = None) -> tuple[int, int] | None:
    """Offsets of the speaker phrase that ends right before the verb at ``verb`` (not before ``lo``):
    'Jane Doe', 'Sir Andrew Dilnot, who designed the proposals,' (as 'Sir Andrew Dilnot, who designed the
    proposals'), 'research by CCN'. ``toks``: the tokens before the verb when known (from ``window_tokens``)."""
    if toks is None:
        toks = window_tokens(text, lo, verb)
    found = _subject_before(toks, w)
    if (found is None or found[0] <= 3) and toks and toks[0].s > lo and verb - toks[0].s < WINDOW:
        toks = tokens(text, max(lo, verb - WINDOW), verb)  # the phrase may go on before the short window
        found = _subject_before(toks, w)
    return None if found is None else (toks[found[0]].s, found[1])


def window_tokens(text: str, lo: int, verb: int) -> list[Tok]:
    """The tokens of the short window before ``verb`` (whole words: the window starts after a space)."""
    start = max(lo, verb - SHORT_WINDOW)
    if start > lo:
        space = text.find(" ", start, verb)
        start = space + 1 if space >= 0 else start
    return tokens(text, start, verb)


def _subject_before(toks: list[Tok], w: QuoteWords) -> tuple[int, int] | None:
    """(index of the first token, end offset) of the speaker phrase at the end of ``toks``."""
    i = skip_back(toks, len(toks) - 1, w)
    if i < 0:
        return None
    last = toks[i]
    if last.t == "," or last.t in _DASHES:
        j = i - 1
        depth = 0
        while j >= 0 and i - j < 30:
            t = toks[j].t
            if t == ")":
                depth += 1
            elif t == "(":
                depth -= 1
            elif depth == 0 and (t == last.t or (last.t == "," and t in _DASHES and False)) and j < i:
                break
            elif depth == 0 and t in _PUNCT_STOP:
                return None
            j -= 1
        if j < 1 or toks[j].t != last.t:
            return None
        head = np_back(toks, j - 1, w)
        if head is None:
            return None
        return head, toks[i - 1].e
    start = np_back(toks, i, w)
    if start is None:
        return None
    return _extend(toks, start, i, w), last.e


def _extend(toks: list[Tok], start: int, i: int, w: QuoteWords) -> int:
    """Where a subject ending at ``i`` really starts: before the earlier items of a list ('A (X), B (Y) and
    C (Z)') or before the name a role after a comma belongs to ('Josh MacAlister, chair of the review')."""
    if any(toks[k].t in ("and", "&") for k in range(start, i + 1)):
        s = start
        for _ in range(8):
            if s < 2 or toks[s - 1].t != ",":
                break
            prev = np_back(toks, s - 2, w)
            while prev is not None and prev < s - 2 and w.is_adverb(toks[prev].t):
                prev += 1  # 'Today A, B and C'
            if prev is None or not _is_cap(toks[prev].t) or w.is_adverb(toks[prev].t):
                break
            s = prev
        return s
    if start >= 2 and toks[start - 1].t == "," and not _is_cap(toks[start].t) and \
            w.role_noun.search(" ".join(t.t for t in toks[start:i + 1])):
        prev = np_back(toks, start - 2, w)
        if prev is not None and person_name(" ".join(t.t for t in toks[prev:start - 1]), w) is not None:
            return prev
    return start


def relative_antecedent(text: str, lo: int, rel: int, w: QuoteWords) -> tuple[int, int] | None:
    """The noun phrase a relative 'which'/'who' at ``rel`` refers to ('the watchdog, which disclosed')."""
    toks = tokens(text, max(lo, rel - WINDOW), rel)
    i = len(toks) - 1
    if i >= 0 and toks[i].t == ",":
        i -= 1
    if i < 0:
        return None
    start = np_back(toks, i, w)
    return (toks[start].s, toks[i].e) if start is not None else None


_PHRASE_RUN = regex.compile(r"[^.;:!?“\"‘\n]{2,200}")


def phrase_after(text: str, start: int, end: int, w: QuoteWords) -> tuple[int, int] | None:
    """The speaker phrase after an inverted verb (", said Jane Doe, director of X."): up to the sentence
    end, an opening quotation mark, a semicolon or a following clause (', adding that', ', who said')."""
    m = _PHRASE_RUN.match(text, start, end)
    if not m:
        return None
    stop = m.end()
    clause = w.clause_after_name.search(text, start, stop)
    if clause:
        stop = clause.start()
    while stop > start and text[stop - 1] in " ,–—-(":
        stop -= 1
    return (start, stop) if stop > start else None


def clause_subject(text: str, sa: int, verb: int, w: QuoteWords) -> tuple[int, int] | None:
    """The subject of the clause a non-finite verb belongs to: 'CPAG has new analysis showing' -> 'CPAG'."""
    toks = tokens(text, sa, verb)
    start = 0
    for k, t in enumerate(toks):
        if t.t in (";", ":"):
            start = k + 1
    toks = toks[start:]
    while len(toks) > 1 and toks[0].word and w.is_adverb(toks[0].t) and toks[1].word:
        toks = toks[1:]  # 'Today Become, Coram Voice and ... issued'
    # a leading adverbial ('In its 2022 report, ...') ends at the first comma when the sentence opens with a
    # preposition, a participle or an adverb
    if toks and toks[0].word and (w.is_(toks[0].t, "preposition") or w.is_adverb(toks[0].t) or
                                  toks[0].t.lower().endswith("ing")):
        comma = next((k for k, t in enumerate(toks) if t.t == ","), None)
        if comma is not None:
            toks = toks[comma + 1:]
    for k, t in enumerate(toks):
        if not t.word:
            if t.t in "()":
                continue
            break
        low = t.t.lower()
        if k and (w.is_(low, "auxiliary") or low in w.verbs or (low.endswith("ed") and not _is_cap(t.t)) or
                  w.is_adverb(low)):
            return (toks[0].s, toks[k - 1].e) if k else None
        if low in w.pronouns and not w.is_(low, "determiner"):
            return t.s, t.e
    return None
