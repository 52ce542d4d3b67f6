"""Direct statements: quoted words and their attribution, speaker lines, and statements a colon introduces.

* A quotation is attributed by a cue after it ("“…,” said Jane Doe, director of X." / "“…,” Dunmore said.")
  or before it ("Jane Doe said: “…”", "which the PM has called a “failed social experiment”"), or, when it
  opens a paragraph, by the paragraph before it ending with a colon ("Sir Peter Wanless said:"). A quotation
  that opens a paragraph after one that ran on continues it (one statement per paragraph, one speaker).
  Others take the speaker of the statement around them, else the current speaker (resolved later).
  One-word quotations are scare quotes, not statements.
* A speaker line of parliamentary or interview text ("Answer from: Baroness Smith of Malvern - Minister of
  State (Education)", "Answered by Jane Doe on 3 March 2022:") gives the speaker of the paragraphs after it.
* A joint statement or letter introduced by a colon ("A joint statement from A, B and C:", "The letter,
  signed by A and B, reads:", "We issued a joint statement:") covers the paragraphs after it.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from .lexicon import QuoteWords
from .marks import Quoted, word_count
from .names import Mention, parse_phrase
from .phrases import phrase_after, skip_adverbs, subject_before
from .statement import Statement, Trigger

_CUE_AFTER_MAX = 200
_AFTER_VERB = regex.compile(r"\s*(?:[,.;:!?“\"‘—–-]|$|that\b)")
_COLON_AFTER = regex.compile(r"[\s\w,’'-]*?:\s*\**\s*")
_SENTENCE_MARK = regex.compile(r"[.!?]")
_SENTENCE_END = regex.compile(r"[.!?]\s")
_BULLET_ONLY = regex.compile(r"[\s•*\-–—]*")
_CAPITAL_NEXT = regex.compile(r"\s*[\p{Lu}]")
_WORDY = regex.compile(r"[\p{L}\p{N}]")
_NO_MATERIAL = regex.compile(r"\s*[.,;]")
_SPACES = regex.compile(r"\s+")
_VERB_BEFORE = regex.compile(r"\p{L}+\s+(?:(?:a|an|the|their|its|our)\s+)?$")
_JOINT = regex.compile(r"\bjoint\s+statement\b(?P<rest>[^:]*)", regex.I)
_FROM = regex.compile(r"\b(?:from|by|between)\s+(?:the\s+)?", regex.I)
_SIGNED = regex.compile(r"\bsigned\s+by\s+(?P<list>[^:]{3,400}?),\s*\p{L}+\s*:", regex.I)
_SEPARATOR = regex.compile(r"[\s\-–—*_=~]*$")
# a debate or interview paragraph opened by its speaker and a colon: 'Mr Jim Smith (Anytown) (Con): ...', 'The
# Minister for Prisons (Edward Argar): ...'
_INLINE_LABEL = regex.compile(r"[*\s]*(?:\d{1,3}\.\s+)?(?P<who>\p{Lu}[\p{L}'’.,\- ]{1,120}?)"
                              r"(?P<brackets>(?:\s*\([^()\n:]{1,60}\)){0,3})"
                              r"\s*:[ \t]+(?=\S)")
_BRACKET = regex.compile(r"\(([^()\n:]{1,60})\)")


class DirectFinder:
    """The direct statements of one document."""

    def __init__(self, text: str, paras: list[tuple[int, int]], triggers: list[Trigger], w: QuoteWords) -> None:
        self.text, self.paras, self.w = text, paras, w
        self.triggers = triggers
        self.starts = [t.start for t in triggers]
        self.used: set[int] = set()  # starts of triggers used as cues of quotations
        self._headers: dict[int, tuple | None] = {}

    # --- speaker lines and colon headers --------------------------------------------------------------------
    def speaker_lines(self) -> tuple[list[Statement], set[int]]:
        """Statements after speaker lines; and the paragraphs they cover (and the lines themselves)."""
        out: list[Statement] = []
        covered: set[int] = set()
        current: tuple[Mention, int, str, int] | None = None
        prev: Statement | None = None
        for pi, (pa, pb) in enumerate(self.paras):
            m = self.w.speaker_line.match(self.text, pa, pb) if pb - pa < 300 else None
            if m is not None:
                mention = parse_phrase(m.group("who"), self.w)
                current = (mention, m.start("who"), self.text[pa:m.start("who")].strip(" :*#"), pa) \
                    if mention is not None else None
                prev = None
                covered.add(pi)
                continue
            labelled = self._inline_label(pa, pb)
            if labelled is not None:  # (its own speaker; the paragraphs after it are not theirs by this alone)
                mention, anchor, colon, said = labelled
                out.append(Statement("direct", said, pb, mention, anchor, ":", colon, pi))
                covered.add(pi)
                current = prev = None
                continue
            if current is None:
                continue
            mention, anchor, cue, cue_start = current
            st = Statement("direct", pa, pb, mention if prev is None else None, anchor, cue, cue_start, pi,
                           follows=prev)
            out.append(st)
            covered.add(pi)
            prev = st
        return out, covered

    def _inline_label(self, pa: int, pb: int) -> tuple[Mention, int, int, int] | None:
        """(speaker, its offset, the colon's offset, where the speech starts) of a paragraph opened by a person's
        name, or a role with the person's name in brackets, and a colon ('Mr Jim Smith (Anytown) (Con): What
        assessment ...', 'The Minister for Prisons (Edward Argar): We are ...'); brackets after a name (a
        constituency, a party) are passed over."""
        m = _INLINE_LABEL.match(self.text, pa, pb)
        if m is None or m.end() >= pb or ("," in m.group("who") and not m.group("brackets")):
            return None  # (commas only in a role before a bracketed name: not 'Jo Bell, the leader, said:')
        who = parse_phrase(m.group("who").strip(), self.w)
        if who is None:
            return None
        colon = self.text.rindex(":", m.start(), m.end())
        if who.form == "person" or (who.form == "name" and who.title):  # (also 'Mr Smith:', a title and surname)
            return who, m.start("who"), colon, m.end()
        if who.form != "role" and "," not in m.group("who"):
            return None  # (a role with commas reads as a list: 'The Secretary of State for Environment, Food and
            # Rural Affairs (Jane Doe):')
        for b in _BRACKET.finditer(self.text, m.start("brackets"), m.end("brackets")):
            named = parse_phrase(b.group(1).strip(), self.w)
            if named is not None and named.form == "person":
                role = who.text if who.form == "role" else regex.sub(r"^(?:The|the)\s+", "", m.group("who").strip())
                return replace(named, role=role), b.start(1), colon, m.end()
        return None

    def colon_header(self, pi: int) -> tuple[Mention | None, int, str, int, str, Statement | None] | None:
        """What a paragraph ending with a colon says of the paragraphs after it: (speaker phrase, its offset,
        cue, cue offset, kind, statement it follows) or None."""
        if pi not in self._headers:
            self._headers[pi] = self._colon_header(pi)
        return self._headers[pi]

    def _colon_header(self, pi: int) -> tuple[Mention | None, int, str, int, str, Statement | None] | None:
        pa, pb = self.paras[pi]
        text = self.text
        end = pb
        while end > pa and text[end - 1] in "* \t\n":
            end -= 1
        if end == pa or text[end - 1] != ":":
            return None
        head = text[pa:pb]
        joint = _JOINT.search(head) if "joint" in head.lower() else None
        if joint:
            froms = list(_FROM.finditer(head, joint.start()))
            if froms and " with " not in head[joint.start():froms[-1].start()]:
                lst = head[froms[-1].end():].strip().rstrip("*").rstrip(":. ")
                mention = parse_phrase(lst, self.w)
                if mention is not None:
                    return mention, pa + froms[-1].end(), joint.group(0)[:40], pa + joint.start(), "joint", None
            verb = _VERB_BEFORE.search(text, pa, pa + joint.start())  # 'A, B and C issued a joint statement'
            span = subject_before(text, pa, verb.start(), self.w) if verb else None
            mention = parse_phrase(text[span[0]:span[1]], self.w) if span else None
            if mention is not None:  # 'We issued a joint statement with ...:'
                return mention, span[0], joint.group(0)[:40], pa + joint.start(), "joint", None
        signed = _SIGNED.search(head) if "signed" in head else None
        if signed:
            mention = parse_phrase(signed.group("list"), self.w)
            if mention is not None:
                return mention, pa + signed.start("list"), "signed by", pa + signed.start(), "joint", None
        t = self._last_trigger(pa, pb)
        if t is not None and _COLON_AFTER.fullmatch(text, t.end, pb) and not _SENTENCE_MARK.search(text, t.end, pb):
            span = subject_before(text, pa, t.start, self.w)
            if span is not None:
                mention = parse_phrase(text[span[0]:span[1]], self.w)
                if mention is not None:
                    self.used.add(t.start)
                    # 'The letter reads:' / 'They say:': a written statement of several parties
                    kind = "joint" if joint or (mention.form == "finding" and
                                                self.w.statement_nouns.get(mention.text) == "joint") else "direct"
                    return mention, span[0], text[t.start:t.end], t.start, kind, None
        return None

    def _last_trigger(self, lo: int, hi: int) -> Trigger | None:
        k = bisect.bisect_left(self.starts, hi) - 1
        while k >= 0 and self.triggers[k].start >= lo:
            t = self.triggers[k]
            if t.verb is not None and not t.naming:
                return t
            k -= 1
        return None

    def header_paragraphs(self, covered: set[int]) -> list[Statement]:
        """Unquoted paragraphs after a colon header: a joint statement or letter runs on to a separator or
        heading; after 'X said:' one paragraph."""
        out: list[Statement] = []
        text = self.text
        for pi in range(len(self.paras) - 1):
            if pi in covered:
                continue
            header = self.colon_header(pi)
            if header is None:
                continue
            mention, anchor, cue, cue_start, kind, _ = header
            prev: Statement | None = None
            for pj in range(pi + 1, len(self.paras)):
                pa, pb = self.paras[pj]
                if pj in covered or text[pa] in "“\"‘'" or _SEPARATOR.match(text, pa, pb) or \
                        self._heading(pa, pb) or (prev is not None and kind != "joint"):
                    break
                st = Statement(kind, pa, pb, mention if prev is None else None, anchor, cue, cue_start, pj,
                               follows=prev)
                out.append(st)
                prev = st
        return out

    def _heading(self, pa: int, pb: int) -> bool:
        line = self.text[pa:pb].strip(" *#")
        return "\n" not in line and line[-1:] not in ".!?:”\"’'" and len(line.split()) < 14

    # --- quotations ---------------------------------------------------------------------------------------
    def quotations(self, quoted: list[Quoted], covered: set[int]) -> list[Statement]:
        """A statement for every quotation that is not a scare quote (see the module docstring)."""
        out: list[Statement] = []
        text = self.text
        last_in_para: dict[int, Statement] = {}
        opens = [o.open for o in quoted]  # (sorted: the quotations come in order of their opening marks)
        for q in quoted:
            if q.para in covered:
                continue
            words = word_count(text, q.start, q.end, 3)
            if words < 2 and not q.runs_on:
                continue  # one word: a scare quote
            k = bisect.bisect_right(opens, q.close)
            nxt_open = opens[k] if k < len(opens) else len(text)
            st = self._cue_after(q, nxt_open) if not q.runs_on else None
            if st is None:
                st = self._cue_before(q)
            pa = self.paras[q.para][0]
            if st is None and q.continued and q.para - 1 in last_in_para:
                st = Statement("direct", q.start, q.end, None, q.open, None, None, q.para,
                               follows=last_in_para[q.para - 1])
            if st is None and _BULLET_ONLY.fullmatch(text, pa, q.open) and q.para > 0:
                h = self.colon_header(q.para - 1)
                if h is not None:
                    mention, anchor, cue, cue_start, kind, _ = h
                    st = Statement(kind, q.start, q.end, mention, anchor, cue, cue_start, q.para)
            if st is None:
                if words < 3 and not q.runs_on:
                    continue  # a scare quote ('the ‘statutory override’'): words of the text's own

                st = Statement("direct", q.start, q.end, None, q.open, None, None, q.para, inherit=True)
            out.append(st)
            if q.runs_on or q.close >= self.paras[q.para][1] - 2:
                last_in_para[q.para] = st
        return out

    def _cue_after(self, q: Quoted, nxt_open: int) -> Statement | None:
        text, w = self.text, self.w
        pb = self.paras[q.para][1]
        lo = q.close + 1
        hi = min(pb, nxt_open, lo + _CUE_AFTER_MAX)
        if not (text[q.end - 1:q.end] in ",.!?;:—–-…" or text[lo:lo + 1] in ",.!?;—–"):
            return None
        # a quotation that ends its sentence is followed by a new one: 'X said.' attributes it, 'She said
        # that ...' states something else
        ended = text[q.end - 1:q.end] == "." and _CAPITAL_NEXT.match(text, lo, hi) is not None
        pa = self.paras[q.para][0]
        lead = text[max(pa, q.open - 200):q.open]
        cut = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind(": "), lead.rfind("”"), lead.rfind("’ "),
                  lead.rfind('"'))
        if _WORDY.search(lead, cut + 1):
            return None  # words before it in its sentence: the attribution is the sentence's
        k = bisect.bisect_left(self.starts, lo)
        while k < len(self.triggers) and self.triggers[k].start < hi:
            t = self.triggers[k]
            k += 1
            if t.verb is None or t.naming:
                continue
            between = text[lo:t.start]
            if _SENTENCE_END.search(between) and not w.title_dot_end.search(between):
                return None
            after = t.end
            if between.strip(" ,–—-\n") == "":
                span = phrase_after(text, self._skip_adverbs(after, hi), hi, w)
                if span is None:
                    return None
            else:
                if len(between.split()) > 16 or not _AFTER_VERB.match(text, self._skip_adverbs(t.end, hi), pb):
                    return None
                if ended and not _NO_MATERIAL.match(text, self._skip_adverbs(t.end, hi), pb):
                    return None
                span = (lo + len(between) - len(between.lstrip(" ,–—-\n")), t.start)
                while span[1] > span[0] and text[span[1] - 1] in " ,":
                    span = (span[0], span[1] - 1)
            mention = parse_phrase(text[span[0]:span[1]], w)
            if mention is None:
                return None
            self.used.add(t.start)
            return Statement("direct", q.start, q.end, mention, span[0], text[t.start:t.end], t.start, q.para)
        return None

    def _skip_adverbs(self, pos: int, hi: int) -> int:
        return skip_adverbs(self.text, pos, hi, self.w)

    def _cue_before(self, q: Quoted) -> Statement | None:
        text, w = self.text, self.w
        pa = self.paras[q.para][0]
        k = bisect.bisect_left(self.starts, q.open) - 1
        if k < 0:
            return None
        t = self.triggers[k]
        gap = w.before_named if t.naming else w.before_quote
        if t.start < max(pa, q.open - 300) or t.verb is None or not gap.match(text, t.end, q.open):
            return None
        sent = max(pa, text.rfind(". ", pa, t.start) + 1, text.rfind("\n", pa, t.start) + 1)
        span = subject_before(text, sent, t.start, w)
        if span is None:
            return None
        mention = parse_phrase(text[span[0]:span[1]], w)
        if mention is None:
            return None
        self.used.add(t.start)
        return Statement("direct", q.start, q.end, mention, span[0], text[t.start:t.end], t.start, q.para)
