"""Reported speech: statements introduced by a reporting verb in any tense or person ("X said that",
"the LGA forecasts that", "has warned", "a sum which ministers say", "CPAG has new analysis showing"),
attributions after the statement ("..., the watchdog warned yesterday.", "..., says a report"), "according to
X", "in X's view", and findings ("research by X found", "figures from X show").

The material of a statement runs from after its verb (and 'that') to the end of the sentence, or, for an
attribution after the statement, from the start of the sentence to the attribution (and on after it when
the sentence goes on with 'and ...').
"""

from __future__ import annotations

import regex

from .lexicon import QuoteWords
from .marks import CLOSE_MARKS, OPEN_MARKS
from .names import Mention, leading_name, parse_phrase
from .phrases import (
    adverb_end,
    clause_subject,
    phrase_after,
    relative_antecedent,
    skip_adverbs,
    skip_back,
    subject_before,
    tokens,
    window_tokens,
)
from .statement import Statement, Trigger

_MIN_WORDS = 3
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_THAT = regex.compile(r"\s*(?:(?i:that)\b|:)\s*")
_BEFORE_TO = regex.compile(r"(?P<word>\p{L}+)\s+to\s*$")
_AFTER_CAPITAL = regex.compile(r"[\p{L}\p{N},]\s*$")
_BLANK = regex.compile(r"\s*")
_COMMA = regex.compile(r"\s*,?\s*")
_COMMA_ONLY = regex.compile(r"\s*,\s*")
_ENDS_HERE = regex.compile(r"\s*(?:,|$|[.;!?])")
_UP_TO_THAT = regex.compile(r"(?:[^\s,.;:“”\"‘’']+\s+){1,7}?that\s+")
_TO_NEXT = regex.compile(r"\s+to\s")
_THAT_OR_COLON = regex.compile(r"\bthat\b|:")
_SPACES = regex.compile(r"\s+")
_NONE = Mention("none", "")
_THAT_BEFORE = regex.compile(r"(?:\bthat|:)\s*$")
_SENT_CLOSE = ".!?"
_CLAUSE_END = regex.compile(r"[,.;:!?]")


def _prev_word(toks: list, w: QuoteWords) -> tuple[str, int]:
    """The last word before a verb (skipping auxiliaries and adverbs) and its token index."""
    i = skip_back(toks, len(toks) - 1, w)
    return (toks[i].t if i >= 0 else ""), i


def is_noun_use(text: str, t: Trigger, sa: int, nxt: Trigger | None, w: QuoteWords,
                before: list | None = None) -> bool:
    """'the report', 'about calls for', 'a new NAO report says' (a trigger directly before another), 'Lindsay
    Judge' (a capital inside a sentence: a name)."""
    if text[t.start].isupper() and _AFTER_CAPITAL.search(text, max(sa, t.start - 3), t.start):
        return True
    if before is None:
        before = tokens(text, max(sa, t.start - 40), t.start)
    if before:
        last = before[-1].t.lower()
        if (w.is_(last, "determiner") and last not in ("that", "this", "these", "those")) or \
                (w.is_(last, "preposition") and last not in ("to", "by")) or last.endswith(("’s", "'s")):
            return True
    if nxt is not None and nxt.verb is not None and _BLANK.fullmatch(text, t.end, nxt.start):
        return True
    return False


def _word_before(text: str, lo: int, pos: int) -> str:
    """The word that ends right before ``pos`` (with one space between), or ''."""
    end = pos - 1
    if end <= lo or text[end] != " ":
        return ""
    start = text.rfind(" ", lo, end) + 1
    return text[max(start, lo):end]


def _noun_after(low: str, w: QuoteWords) -> bool:
    """A word after which a verb form is a noun: an article or determiner, a preposition, a possessive."""
    return (w.is_(low, "determiner") and low not in ("that", "this", "these", "those")) or \
        (w.is_(low, "preposition") and low not in ("to", "by")) or low.endswith(("’s", "'s"))


def _is_passive(text: str, t: Trigger, toks: list, w: QuoteWords) -> bool:
    if not t.verb or not t.verb.participle or t.verb.form == "base":
        return False
    i = len(toks) - 1
    while i >= 0 and toks[i].word and w.is_adverb(toks[i].t):
        i -= 1
    return i >= 0 and w.is_(toks[i].t, "be")


def material_after(text: str, start: int, end: int, w: QuoteWords) -> int:
    """Where the reported material begins after a verb: past adverbs, 'that', a colon, and an addressee
    before 'that' ('told the House of Commons on Thursday that')."""
    pos = start
    while True:
        pos = _COMMA.match(text, pos, end).end()
        a = adverb_end(text, pos, end, w)
        if a is not None and a < end:
            pos = a
            continue
        break
    m = _THAT.match(text, pos, end)
    if m:
        return m.end()
    that = _UP_TO_THAT.match(text, pos, min(end, pos + 80)) if text.find("that", pos, pos + 80) >= 0 else None
    if that:
        words = that.group(0).split()[:-1]
        first = words[0].lower()
        addressee = words[0][:1].isupper() or w.is_(first, "determiner") or w.is_(first, "preposition") or \
            w.is_(first, "object") or first in w.role_nouns or first.rstrip("s") in w.role_nouns
        if addressee and not any(w.is_(x, "auxiliary") for x in words):
            return that.end()  # 'told the House of Commons on Thursday that'
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSE_MARKS):
        end -= 1
    return end


def _enough(text: str, start: int, end: int) -> bool:
    n = 0
    for _ in _WORD.finditer(text, start, end):
        n += 1
        if n >= _MIN_WORDS:
            return True
    return False


class ReportedFinder:
    """Reported statements of one document (see the module docstring)."""

    def __init__(self, text: str, w: QuoteWords, quote_bounds) -> None:
        self.text = text
        self.w = w
        self.bounds = quote_bounds  # (start, end) of the quoted material holding an offset, or None
        self.noted: list[tuple[int, Mention | None]] = []  # speakers of clauses that state nothing here

    def sentence(self, sa: int, sb: int, triggers: list[Trigger], out: list[Statement],
                 cued: list[tuple[int, Statement]] = ()) -> None:  # type: ignore[assignment]
        """Statements of the sentence text[sa:sb] with the given (unused) triggers; ``cued``: (cue offset,
        statement) of quotations attributed in the sentence, which a verb with no subject ('..., adding
        that') continues."""
        prev: Statement | None = None
        for k, t in enumerate(triggers):
            before = [s for c, s in cued if c < t.start]
            if before and (prev is None or (before[-1].cue_start or 0) > (prev.cue_start or 0)):
                prev = before[-1]
            lo, hi = sa, sb
            inside = self.bounds(t.start)
            if inside is not None:
                lo, hi = max(lo, inside[0]), min(hi, inside[1])
            nxt = triggers[k + 1] if k + 1 < len(triggers) else None
            if t.verb is None:
                found = self._source(t, lo, hi)
            elif t.naming:
                continue
            else:
                found = self._verb(t, lo, hi, nxt, prev)
            if found is not None:
                out.extend(found)
                prev = found[0]

    # --- reporting verbs --------------------------------------------------------------------------------
    def _verb(self, t: Trigger, lo: int, hi: int, nxt: Trigger | None,
              prev: Statement | None) -> list[Statement] | None:
        text, w = self.text, self.w
        before = _word_before(text, lo, t.start)
        if before and _noun_after(before.lower(), w):
            return None  # (the cheap test of is_noun_use first: 'the report', 'about calls for')
        finite = t.verb.form != "ing"
        rest = _ENDS_HERE.match(text, self._past_adverbs(t.end, hi), hi)
        if rest is None and not (finite and text[max(lo, t.start - 2):t.start].strip() in (",", "–", "—")):
            start = material_after(text, t.end, hi, w)
            if not _enough(text, start, _trim_end(text, start, hi)) and not self._to_addressee(t, hi):
                return None  # (the cheap test first: too little after the verb to be a statement)
        toks = window_tokens(text, lo, t.start)
        if is_noun_use(text, t, lo, nxt, w, toks):
            return None
        unstated = _BEFORE_TO.search(text, max(lo, t.start - 30), t.start) if \
            text.rfind("to", max(lo, t.start - 4), t.start) >= 0 else None
        if _is_passive(text, t, toks, w) or (unstated and w.is_(unstated.group("word"), "unstated")) or \
                (t.verb.form == "base" and toks and w.is_(toks[-1].t, "modal")):  # 'councils must report'
            return None  # 'it was announced', 'has yet to say
        word, i = _prev_word(toks, w)
        low = word.lower()
        raw = len(toks) - 1
        while raw >= 0 and toks[raw].word and w.is_adverb(toks[raw].t):
            raw -= 1
        progressive = raw >= 0 and w.is_(toks[raw].t, "be")
        if self._to_addressee(t, hi):
            span = subject_before(text, lo, t.start, w, toks)
            if span is not None:
                self.noted.append((span[0], parse_phrase(text[span[0]:span[1]], w)))
            return None
        if rest is not None and finite:
            return self._trailing(t, lo, hi, toks)
        start = material_after(text, t.end, hi, w)
        end = _trim_end(text, start, hi)
        if not _enough(text, start, end) and not (finite and toks and toks[-1].t in (",", "–", "—")):
            return None  # (the cheap test first: too little after the verb to be a statement)
        if finite and toks and toks[-1].t in (",", "–", "—") and i == len(toks) - 1 and \
                subject_before(text, lo, t.start, w, toks) is None:
            return self._trailing(t, lo, hi, toks)
        subject: tuple[int, int] | None = None
        follows = None
        if low in ("which", "who") or (low == "that" and i >= 1 and toks[i - 1].t != ","):
            if toks[i - 1].t == "," or low in ("which", "who"):
                subject = relative_antecedent(text, lo, toks[i].s, w)
        elif low == "to" or (t.verb.form == "ing" and not progressive) or low in ("and", "but"):
            if prev is not None and low != "to":
                follows = prev
            else:
                subject = clause_subject(text, lo, toks[i].s if low in ("to", "and", "but") else t.start, w)
                if subject is not None and (parse_phrase(text[subject[0]:subject[1]], w) or _NONE).form == "name":
                    return None  # 'Work was needed ... to present': a capital that only opens the sentence
        else:
            subject = subject_before(text, lo, t.start, w, toks)
        if t.verb.lemma in w.that_only and not _THAT_BEFORE.search(text, max(t.end, start - 6), start):
            return None  # 'accepted the recommendations'
        if start < hi and text[start] in OPEN_MARKS and self.bounds(start + 1) is not None:
            return None  # 'X said: “...”' is a direct quotation
        if not _enough(text, start, end):
            return None
        if follows is not None:
            return [Statement("reported", start, end, None, t.start, text[t.start:t.end], t.start, follows=follows)]
        if subject is None:
            return None
        mention = parse_phrase(text[subject[0]:subject[1]], w)
        if mention is None:
            return None
        return [Statement("reported", start, end, mention, subject[0], text[t.start:t.end], t.start)]

    def _to_addressee(self, t: Trigger, hi: int) -> bool:
        """'have written to the two candidates', 'responded to the figures': an addressee, not a statement
        (unless 'that' or a colon follows)."""
        if self.text.find("to", t.end, min(hi, t.end + 24)) < 0:
            return False  # (the cheap test first)
        pos = self._past_adverbs(t.end, hi)
        if not _TO_NEXT.match(self.text, pos, pos + 5):
            return False
        return _THAT_OR_COLON.search(self.text, pos, min(hi, pos + 120)) is None

    def _past_adverbs(self, pos: int, hi: int) -> int:
        return skip_adverbs(self.text, pos, hi, self.w)

    def _trailing(self, t: Trigger, lo: int, hi: int, toks: list) -> list[Statement] | None:
        """'..., the watchdog warned yesterday.' / '..., says a report that X commissioned.' /
        'By 2026, the government estimates, 50 councils ...'."""
        text, w = self.text, self.w
        if toks and toks[-1].t in (",", "–", "—"):  # inverted: ', says X'
            span = phrase_after(text, t.end, hi, w)
            if span is None:
                return None
            cut = toks[-1].s
            phrase_span = span
            after_end = span[1]
        else:
            span = subject_before(text, lo, t.start, w, toks)
            if span is None:
                return None
            j = span[0]
            while j > lo and text[j - 1] in " \t":
                j -= 1
            if j <= lo or text[j - 1] not in ",–—-":
                return None  # 'Jane Doe said.' attributes nothing here
            cut = j - 1
            phrase_span = span
            after_end = self._past_adverbs(t.end, hi)
        mention = parse_phrase(text[phrase_span[0]:phrase_span[1]], w)
        if mention is None:
            return None
        cue = text[t.start:t.end]
        out = []
        end = _trim_end(text, lo, cut)
        first_part = Statement("reported", lo, end, mention, phrase_span[0], cue, t.start)
        if _enough(text, lo, end):
            out.append(first_part)
        m = _COMMA_ONLY.match(text, after_end, hi)
        if m is not None:
            start = m.end()
            first = _WORD.match(text, start, hi)
            low = first.group(0).lower() if first else ""
            if low in ("and", "but", "while", "to") or (low and not w.is_(low, "preposition") and
                                                  not w.is_(low, "subordinator") and low not in w.verbs and
                                                  not low.endswith("ing")):
                end2 = _trim_end(text, start, hi)
                if _enough(text, start, end2):
                    if not out and _WORD.search(text, lo, end):
                        out.append(first_part)  # 'The government, she noted, plainly prefers ...'
                    out.append(Statement("reported", start, end2, mention, phrase_span[0], cue, t.start,
                                         follows=out[0] if out else None))
        return out or None

    # --- according to X -----------------------------------------------------------------------------------
    def _source(self, t: Trigger, lo: int, hi: int) -> list[Statement] | None:
        text, w = self.text, self.w
        pos = t.end
        while pos < hi and text[pos].isspace():
            pos += 1
        comma = _CLAUSE_END.search(text, pos, hi)
        stop = comma.start() if comma else hi
        if len(text[pos:stop].split()) <= 10:
            who_end = stop
        else:
            name = leading_name(text[pos:stop])
            who_end = pos + len(name) if name else stop
        mention = parse_phrase(text[pos:who_end], w)
        if mention is None:
            return None
        cue = text[t.start:t.end]
        before_end = t.start
        while before_end > lo and text[before_end - 1].isspace():
            before_end -= 1
        if before_end > lo and text[before_end - 1] == "," and text[who_end:hi].strip(" .") == "":
            end = _trim_end(text, lo, before_end - 1)
            if _enough(text, lo, end):
                return [Statement("reported", lo, end, mention, pos, cue, t.start)]
            return None
        start = who_end
        start = _COMMA.match(text, start, hi).end()
        end = _trim_end(text, start, hi)
        if not _enough(text, start, end):
            return None
        return [Statement("reported", start, end, mention, pos, cue, t.start)]
