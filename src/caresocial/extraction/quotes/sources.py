"""Statements marked by their source rather than a reporting verb, and mentions of people that are no
statements: "In X's view, ...", "In a survey by X, ...", a headline ending "– report", a stance ("the watchdog
is concerned that ...", headline "Watchdog afraid that ..."), and the subjects of sentences ("Niña, who is 19,
grew up poor": a person later pronouns can refer to).
"""

from __future__ import annotations

import bisect

import regex

from .lexicon import QuoteWords
from .names import Mention, is_body_name, parse_phrase, person_name
from .phrases import subject_before
from .statement import Statement

_MIN_WORDS = 3
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_IN_FINDING = regex.compile(r"(?P<prep>\p{Lu}\p{Ll}+)\s+(?P<phrase>[^,;:.]{4,160}?),\s*")
# (a name is written on one line: a heading's last words are no part of the next line's name)
_NAME_RUN = regex.compile(r"(?<![\p{L}’'])[\p{Lu}][\p{Ll}’'-]+(?:[^\S\n]+[\p{Lu}][\p{L}’'-]+){1,3}")
_CAPITAL_RUN = regex.compile(r"(?<![\p{L}’'])[\p{Lu}][\p{L}’'&.-]*(?:[^\S\n]+(?:(?:of|for|and|&|the|on|in|to)"
                             r"[^\S\n]+)*[\p{Lu}][\p{L}’'&.-]*)+")
_THAT_IS = regex.compile(r"(?:That|This|These|Those)\s+(?:is|was|are|were)\s+(?:also\s+)?"
                         r"(?P<phrase>(?:the|a|one\s+of\s+the)\s+[^,;:.]{3,120}?)(?=[,;:.]|\s+which\b|\s+that\b)")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")
_WHO = regex.compile(r"(?<![\p{L}’'])(?P<name>[\p{Lu}][\p{Ll}\p{M}’'-]+(?:\s+[\p{Lu}][\p{L}\p{M}’'-]+){0,2}),\s+who\b")
_HEADLINE_COLON = regex.compile(r"[*#\s]*(?P<who>[^:\n]{2,60}?):\s+(?=\S)")
_HEADLINE_DASH = regex.compile(r"\s[–—-]\s+(?P<who>(?:the\s+|a\s+|new\s+)*[\p{L}][\p{L}’' -]{1,60}?)\s*$")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "”\"’'"):
        end -= 1
    return end


def _enough(text: str, start: int, end: int) -> bool:
    return sum(1 for _ in zip(range(_MIN_WORDS), _WORD.finditer(text, start, end), strict=False)) >= _MIN_WORDS


def _sentence_end(sents: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return sents[i][1] if i >= 0 and sents[i][0] <= pos < sents[i][1] else pos


def view_statements(text: str, sents: list[tuple[int, int]], starts: list[int], w: QuoteWords,
                    out: list[Statement]) -> None:
    """"In Wernham’s view, the Government must ..." (a possessive before a source noun)."""
    if w.source_possessive is None:
        return
    found = []
    for noun in w.possessive_nouns:  # (anchored on the noun: a search of the whole text for the pattern is slow)
        at = text.find(f" {noun},")
        while at >= 0:
            m = w.source_possessive.search(text, max(0, at - 100), at + len(noun) + 3)
            if m is not None and m.end() >= at + len(noun) + 2:
                found.append(m)
            at = text.find(f" {noun},", at + 1)
    for m in sorted(found, key=lambda m: m.start()):
        sb = _sentence_end(sents, starts, m.start())
        mention = parse_phrase(m.group("who"), w)
        end = _trim_end(text, m.end(), sb)
        if mention is not None and _enough(text, m.end(), end):
            out.append(Statement("reported", m.end(), end, mention, m.start("who"), m.group(0).strip(" ,"),
                                 m.start()))


def finding_lead(text: str, sa: int, sb: int, w: QuoteWords, out: list[Statement]) -> None:
    """'In a survey by the LGA of councils, 53% said ...': the finding's author speaks for the sentence."""
    first = text[sa:sa + 12].split(" ", 1)[0]
    if not w.is_(first, "preposition"):
        return
    m = _IN_FINDING.match(text, sa, sb)
    if m is None:
        return
    mention = parse_phrase(m.group("phrase"), w)
    if mention is None or mention.form != "finding" or mention.source is None or mention.source.form == "pronoun":
        return
    end = _trim_end(text, m.end(), sb)
    if _enough(text, m.end(), end):
        out.append(Statement("reported", m.end(), end, mention, m.start("phrase"), m.group(0)[:2], m.start()))


def headline(text: str, pa: int, pb: int, w: QuoteWords, out: list[Statement]) -> None:
    """A headline ending in its source ('Care providers made £300m profit – report') or opening with it
    ('Charity: care costs will double')."""
    if pb - pa > 250 or text[pb - 1] in ".!?" or text[pb - 2:pb - 1] in (".", "!", "?") or "\n" in text[pa:pb]:
        return  # (a sentence, also one ending in a closing quote mark: '... said: “It will.”')
    lead = _HEADLINE_COLON.match(text, pa, pb)
    if lead is not None:
        mention = parse_phrase(lead.group("who"), w)
        if mention is not None and mention.form in ("bodynoun", "body", "acronym", "role"):
            end = _trim_end(text, lead.end(), pb)
            if _enough(text, lead.end(), end):
                out.append(Statement("reported", lead.end(), end, mention, pa, ":", text.rfind(":", pa, lead.end())))
            return
    dash = max(text.rfind(" – ", pa, pb), text.rfind(" — ", pa, pb), text.rfind(" - ", pa, pb))
    m = _HEADLINE_DASH.match(text, dash, pb) if dash >= 0 else None
    if m is None:
        return
    mention = parse_phrase(m.group("who"), w)
    if mention is None or mention.form not in ("finding", "bodynoun", "body", "acronym", "person", "role"):
        return
    end = _trim_end(text, pa, m.start())
    if _enough(text, pa, end):
        out.append(Statement("reported", pa, end, mention, m.start("who"), m.group(0).strip(" –—-")[:40],
                             m.start("who")))


def stance(text: str, sents: list[tuple[int, int]], starts: list[int], w: QuoteWords, out: list[Statement]) -> None:
    """'The watchdog is concerned that ...', 'Watchdog afraid that ...'."""
    if not w.stance:
        return
    at = text.find(" that ")
    while at >= 0:
        m = _WORD_BEFORE.search(text, max(0, at - 20), at + 1)
        if m is not None and m.group(1).lower() in w.stance:
            _stance_at(text, sents, starts, m.start(1), at + 6, w, out)
        at = text.find(" that ", at + 1)


def _stance_at(text: str, sents: list[tuple[int, int]], starts: list[int], adj: int, after: int, w: QuoteWords,
               out: list[Statement]) -> None:
    i = bisect.bisect_right(starts, adj) - 1
    if i < 0 or not sents[i][0] <= adj < sents[i][1]:
        return
    sa, sb = sents[i]
    span = subject_before(text, sa, adj, w)
    if span is None:
        return
    mention = parse_phrase(text[span[0]:span[1]], w)
    end = _trim_end(text, after, sb)
    if mention is not None and _enough(text, after, end):
        out.append(Statement("reported", after, end, mention, span[0], text[adj:after].strip(), adj))


def anaphoric(text: str, sents: list[tuple[int, int]], w: QuoteWords, out: list[Statement]) -> None:
    """'That is the finding of new LGA research': the sentence before is the source's."""
    for i in range(1, len(sents)):
        sa, sb = sents[i]
        m = _THAT_IS.match(text, sa, sb)
        if m is None:
            continue
        mention = parse_phrase(m.group("phrase"), w)
        if mention is None or mention.form != "finding" or mention.source is None:
            continue
        pa, pb = sents[i - 1]
        end = _trim_end(text, pa, pb)
        if _enough(text, pa, end):
            out.append(Statement("reported", pa, end, mention, m.start("phrase"), m.group(0)[:30], sa))


def people(text: str, sents: list[tuple[int, int]], w: QuoteWords) -> list[tuple[int, Mention | None]]:
    """People named where a sentence starts, after a role noun ('Chancellor Rachel Reeves') or before ',
    who' ('Niña, who is 19'): mentions later pronouns may refer to."""
    out: list[tuple[int, Mention | None]] = []
    for m in _WHO.finditer(text):
        name = m.group("name")
        if name.lower() not in w.classes and name not in w.org_words:
            out.append((m.start(), Mention("person", name)))
    starts = {sa for sa, _ in sents}
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        if m.start() not in starts and not (m.start() > 1 and _after_role(text, m.start(), w)):
            words = words[1:] if words and w.role_noun.fullmatch(words[0]) else []
        for k in range(len(words) - 1):  # the longest tail that is a name: 'Chancellor Rachel Reeves'
            person = person_name(" ".join(words[k:]), w)
            if person is not None and person[3]:
                out.append((m.start(), Mention("person", person[0], title=person[1], gender=person[2])))
                break
    return out


def bodies(text: str, w: QuoteWords) -> list[tuple[int, Mention | None]]:
    """Bodies named anywhere in the text ('The Resolution Foundation published new figures'): mentions a later
    'the think tank' or 'it' may refer to."""
    out: list[tuple[int, Mention | None]] = []
    for m in _CAPITAL_RUN.finditer(text):
        words = m.group(0).split()
        if not any(x in w.org_words or x in w.acronyms for x in words):
            continue  # (the cheap test first)
        while words and (words[0].lower() in w.classes or words[0].lower() in w.adverbs or
                         words[0].lower() in w.verbs or words[0].lower() in w.source_words):
            words = words[1:]  # 'The', 'Today', 'According', 'In'
        while words and w.is_(words[-1], "joiner"):
            words = words[:-1]
        name = " ".join(words)
        if len(words) > 1 and is_body_name(name, w):
            out.append((m.start(), Mention("body", name)))
    return out


def _after_role(text: str, pos: int, w: QuoteWords) -> bool:
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m is not None and w.role_noun.fullmatch(m.group(1)) is not None
