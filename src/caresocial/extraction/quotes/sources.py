"""Statements marked by their source rather than a reporting verb, and mentions of people that are no
statements: "In X's view, ...", "In a survey by X, ...", a headline ending "– report", a stance ("the watchdog
is concerned that ...", headline "Watchdog afraid that ..."), and the subjects of sentences ("Niña, who is 19,
grew up poor": a person later pronouns can refer to).
"""

from __future__ import annotations

import regex

from .lexicon import QuoteWords
from .names import Mention, parse_phrase
from .phrases import clause_subject, subject_before
from .statement import Statement

_MIN_WORDS = 3
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_IN_FINDING = regex.compile(r"(?P<prep>\p{Lu}\p{Ll}+)\s+(?P<phrase>[^,;:.]{4,160}?),\s*")
_WHO = regex.compile(r"(?<![\p{L}’'])(?P<name>[\p{Lu}][\p{Ll}\p{M}’'-]+(?:\s+[\p{Lu}][\p{L}\p{M}’'-]+){0,2}),\s+who\b")
_HEADLINE_DASH = regex.compile(r"\s[–—-]\s+(?P<who>(?:the\s+|a\s+|new\s+)*[\p{L}][\p{L}’' -]{1,60}?)\s*$")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "”\"’'"):
        end -= 1
    return end


def _enough(text: str, start: int, end: int) -> bool:
    return sum(1 for _ in zip(range(_MIN_WORDS), _WORD.finditer(text, start, end), strict=False)) >= _MIN_WORDS


def view_statements(text: str, sa: int, sb: int, w: QuoteWords, out: list[Statement]) -> None:
    """"In Wernham’s view, the Government must ..." (a possessive before a source noun)."""
    if w.source_possessive is None or (text.find("’", sa, sb) < 0 and text.find("'", sa, sb) < 0):
        return
    for m in w.source_possessive.finditer(text, sa, sb):
        mention = parse_phrase(m.group("who"), w)
        end = _trim_end(text, m.end(), sb)
        if mention is not None and _enough(text, m.end(), end):
            out.append(Statement("reported", m.end(), end, mention, m.start("who"), m.group(0).strip(" ,"),
                                 m.start()))


def finding_lead(text: str, sa: int, sb: int, w: QuoteWords, out: list[Statement]) -> None:
    """'In a survey by the LGA of councils, 53% said ...': the finding's author speaks for the sentence."""
    m = _IN_FINDING.match(text, sa, sb)
    if m is None or not w.is_(m.group("prep"), "preposition"):
        return
    mention = parse_phrase(m.group("phrase"), w)
    if mention is None or mention.form != "finding" or mention.source is None or mention.source.form == "pronoun":
        return
    end = _trim_end(text, m.end(), sb)
    if _enough(text, m.end(), end):
        out.append(Statement("reported", m.end(), end, mention, m.start("phrase"), m.group(0)[:2], m.start()))


def headline(text: str, pa: int, pb: int, w: QuoteWords, out: list[Statement]) -> None:
    """A headline ending in its source: 'Care providers made £300m profit – report'."""
    if pb - pa > 250 or text[pb - 1] in ".!?" or "\n" in text[pa:pb]:
        return
    m = _HEADLINE_DASH.search(text, pa, pb)
    if m is None:
        return
    mention = parse_phrase(m.group("who"), w)
    if mention is None or mention.form not in ("finding", "bodynoun", "body", "acronym", "person", "role"):
        return
    end = _trim_end(text, pa, m.start())
    if _enough(text, pa, end):
        out.append(Statement("reported", pa, end, mention, m.start("who"), m.group(0).strip(" –—-")[:40],
                             m.start("who")))


def stance(text: str, sa: int, sb: int, w: QuoteWords, out: list[Statement]) -> None:
    """'The watchdog is concerned that ...', 'Watchdog afraid that ...'."""
    if w.stance_pattern is None or text.find("that", sa, sb) < 0:
        return
    for m in w.stance_pattern.finditer(text, sa, sb):
        span = subject_before(text, sa, m.start(), w)
        if span is None:
            continue
        mention = parse_phrase(text[span[0]:span[1]], w)
        end = _trim_end(text, m.end(), sb)
        if mention is not None and _enough(text, m.end(), end):
            out.append(Statement("reported", m.end(), end, mention, span[0], m.group(0).strip(), m.start()))


def people(text: str, sents: list[tuple[int, int]], w: QuoteWords) -> list[tuple[int, Mention | None]]:
    """People named as the subject of a sentence or before ', who': mentions later pronouns may refer to."""
    out: list[tuple[int, Mention | None]] = []
    for m in _WHO.finditer(text):
        name = m.group("name")
        if name.lower() not in w.classes and name not in w.org_words:
            out.append((m.start(), Mention("person", name)))
    for sa, sb in sents:
        span = clause_subject(text, sa, min(sb, sa + 200), w)
        if span is not None:
            mention = parse_phrase(text[span[0]:span[1]], w)
            if mention is not None and mention.form == "person":
                out.append((span[0], mention))
    return out
