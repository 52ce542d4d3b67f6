"""Quotes and speakers: who says what, without a trained model.

:func:`attribute` finds four kinds of statement (GUIDELINES "quotes"): direct (quoted words, speaker lines,
statements a colon introduces; :mod:`.direct`), reported (a reporting verb, "according to", a finding;
:mod:`.reported`), citation ("(Independent Review of Children's Social Care, 2022)") and joint (a statement of
several parties). Speakers are read from their phrases (:mod:`.names`) and resolved against the document's
register of people and bodies (:mod:`.register`); unattributed text belongs to the publisher (done by the
component, which gives each figure the speaker of the innermost statement around it).

The names other modules import (``RawQuote``, ``SpeakerRef``, ``normalise_source``, ``cited_sources``,
``innermost_quote``) are kept here.
"""

from __future__ import annotations

import bisect

from ...lexicons import Lexicons
from .direct import DirectFinder
from .lexicon import QuoteWords, quote_words
from .marks import Quoted, quoted_spans, word_count
from .names import Mention
from .nesting import NO_QUOTE, MinByEnd, innermost_quote, innermost_quotes, nest
from .records import RawQuote, SpeakerRef, citations, cited_sources, normalise_source
from .register import SELF, Entity, Register
from .reported import ReportedFinder
from .sources import anaphoric, bodies, finding_lead, headline, people, stance, view_statements
from .statement import Statement, Trigger, find_triggers

__all__ = ["NO_QUOTE", "MinByEnd", "RawQuote", "SpeakerRef", "attribute", "cited_sources", "innermost_quote",
           "innermost_quotes", "normalise_source"]


def _bounds(quoted: list[Quoted], offsets: list[int]) -> dict[int, tuple[int, int]]:
    """{offset: (start, end) of the innermost quoted material holding it} (a sweep: quotations nest)."""
    out: dict[int, tuple[int, int]] = {}
    if not quoted:
        return out
    stack: list[Quoted] = []
    k = 0
    for pos in sorted(set(offsets)):
        while k < len(quoted) and quoted[k].start <= pos:
            stack.append(quoted[k])
            k += 1
        holders = [q for q in stack if q.start <= pos < q.end]
        stack = holders if len(holders) != len(stack) else stack
        if holders:
            inner = max(holders, key=lambda q: q.start)
            out[pos] = (inner.start, inner.end)
    return out


def _find(text: str, paras: list[tuple[int, int]], sents: list[tuple[int, int]], w: QuoteWords,
          triggers: list[Trigger]) -> tuple[list[Statement], list[tuple[int, Mention | None]]]:
    """Every statement of the text, speakers not yet resolved; and the speakers of clauses that state nothing
    here (noted in the register all the same)."""
    quoted = quoted_spans(text, paras)
    direct = DirectFinder(text, paras, triggers, w)
    lines, covered = direct.speaker_lines()
    headed = direct.header_paragraphs(covered)
    statements = lines + headed + direct.quotations(quoted, covered | {s.para for s in headed})
    unused = [t for t in triggers if t.start not in direct.used]
    inside = _bounds(quoted, [t.start for t in unused])
    finder = ReportedFinder(text, w, inside.get)
    starts = [t.start for t in unused]
    cued = sorted(((s.cue_start, s) for s in statements if s.cue_start is not None), key=lambda x: x[0])
    cue_starts = [c for c, _ in cued]
    for sa, sb in sents:
        lo, hi = bisect.bisect_left(starts, sa), bisect.bisect_left(starts, sb)
        if lo < hi:
            c0, c1 = bisect.bisect_left(cue_starts, sa), bisect.bisect_left(cue_starts, sb)
            finder.sentence(sa, sb, unused[lo:hi], statements, cued[c0:c1])
        finding_lead(text, sa, sb, w, statements)
    sent_starts = [sa for sa, _ in sents]
    view_statements(text, sents, sent_starts, w, statements)
    anaphoric(text, sents, w, statements)
    stance(text, sents, sent_starts, w, statements)
    for pa, pb in paras[:3]:
        headline(text, pa, pb, w, statements)
    return statements, finder.noted


def _resolve(statements: list[Statement], noted: list[tuple[int, Mention | None]], reg: Register) -> None:
    """Give each statement its speaker entity: named ones in the order they are named, then the ones that
    follow another statement."""
    order = sorted(statements, key=lambda s: (s.anchor if s.anchor >= 0 else s.start, s.start))
    notes = sorted([(st.anchor, st.phrase) for st in order] + noted, key=lambda x: x[0])
    for pos, phrase in notes:
        reg.note(phrase, pos)
    for st in order:
        if st.phrase is None:
            continue
        st.speaker = reg.resolve(st.phrase, st.anchor)
        if isinstance(st.speaker, Entity):
            reg.heard(st.speaker, st.anchor)
    for st in order:
        root = st
        while root.follows is not None:  # 'follows' always points to a statement found earlier: no cycle
            root = root.follows
        if root is not st:
            st.speaker = root.speaker


def attribute(text: str, paras: list[tuple[int, int]], sents: list[tuple[int, int]],
              publisher: SpeakerRef | None, lexicons: Lexicons | None = None,
              triggers: list[Trigger] | None = None) -> list[RawQuote]:
    """Every quote in the text, sorted by (start, -end), nested, with speakers (quotes whose speaker cannot
    be told are left out). ``triggers``: the reporting verbs of the text when already found (the component
    finds them with spaCy's PhraseMatcher), else found here."""
    w = quote_words(lexicons or Lexicons.default())
    if triggers is None:
        triggers = find_triggers(text, w)
    statements, noted = _find(text, paras, sents, w, triggers)
    reg = Register(text, w, publisher, lambda: people(text, sents, w), lambda: bodies(text, w))
    _resolve(statements, noted, reg)
    made: list[tuple[RawQuote, Statement | None]] = []
    for st in statements:
        made.append((RawQuote(st.kind, st.start, st.end, None, st.cue, st.cue_start, _paras(paras, st)), st))
    for c in citations(text):
        made.append((c, None))
    made.sort(key=lambda x: (x[0].start, -x[0].end))
    out: list[tuple[RawQuote, Statement | None]] = []
    for q, st in made:  # the same material found twice: the first (a cue-attributed one) stays
        if out and out[-1][0].start == q.start and out[-1][0].end == q.end:
            continue
        out.append((q, st))
    quotes = [q for q, _ in out]
    nest(quotes)
    _speakers(text, out, reg)
    kept = [q for q in quotes if q.speaker is not None]
    for q in kept:  # a parent left out hands the link on to its nearest kept ancestor (parents are longer)
        p = q.parent
        while p is not None and p.speaker is None:
            p = p.parent
        q.parent = p
    return kept


def _paras(paras: list[tuple[int, int]], st: Statement) -> tuple[int, ...]:
    if st.para >= 0:
        return (st.para,)
    i = bisect.bisect_right(paras, (st.start, 1 << 62)) - 1
    j = bisect.bisect_right(paras, (max(st.start, st.end - 1), 1 << 62)) - 1
    return tuple(range(max(i, 0), max(j, i) + 1)) if i >= 0 else ()


def _speakers(text: str, made: list[tuple[RawQuote, Statement | None]], reg: Register) -> None:
    """Speaker records, in text order: 'we' takes the statement around it (or the publisher); a quotation
    without attribution the statement around it, else the current speaker of its paragraph or the one
    before it."""
    current: tuple[SpeakerRef, int] | None = None
    for q, st in made:
        if st is None:
            continue
        entity = st.speaker
        if entity == SELF:
            holder = q.parent
            ref = holder.speaker if holder is not None else (reg.publisher.ref() if reg.publisher else None)
            if ref is not None and ref.kind == "person" and ref.org:
                ref = SpeakerRef(ref.org)
            q.speaker, q.self_ref = ref, holder is not None
        elif isinstance(entity, Entity):
            q.speaker = entity.ref()
        elif st.inherit:
            holder = q.parent
            if holder is not None and holder.speaker is not None:
                q.speaker = holder.speaker
            elif current is not None and st.para - current[1] <= 1 and word_count(text, q.start, q.end, 3) >= 3:
                q.speaker = current[0]
        if q.speaker is not None and q.kind == "direct" and q.speaker.kind == "group":
            q.kind = "joint"
        if q.speaker is not None:
            current = (q.speaker, st.para if st.para >= 0 else (q.paragraphs[0] if q.paragraphs else 0))
