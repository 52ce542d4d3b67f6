"""The one-off thing a date is the start or end of, read from the date's sentence.

A deadline or start date given as a date ("the override is set to finish in March 2026", "the government will
bring in, from October 2023, a new cap") is compared with other documents' dates for the same thing. The claim
of such a date has no measure worth the name (the date is the value), so the checker reads the thing from the
sentence itself:

1. the words right before the date say when something starts or ends (the ``date_events`` lexicon: "from",
   "take effect in", "until", "set to expire in", "delayed until", "extended until"); a delay anywhere in those
   words moves a start, an extension an end;
2. the thing is the object between those words and the date ("pledged to end rough sleeping by 2024"), else
   the noun phrase before those words, past auxiliaries and the words of ``event_fillers`` ("is
   now set to"), a relative clause (", which had been due to expire next March,") and a dash or comma; or,
   when the date stands between commas ("will bring in, from October 2023, a new £86,000 cap"), the noun
   phrase after it. A pronoun or a number there names nothing: no event is read.

The event's signature is the measure signature (:func:`.measures.signature`) of the noun phrase from the word
before its head on ("statutory override" of "the dedicated schools grant statutory override", "cap on care
costs"), its head marked with the event kind ("override (end date)"), so that the start and the end of one
thing are different measures. Words further before the head tell who runs the thing, not which thing it is.
"""

from __future__ import annotations

import regex

from ..lexicons import Lexicons
from .caching import cached
from .measures import Signature, signature, singular

_TOKEN = regex.compile(r"[£$€]?\d[\d,.]*(?:bn|m|k|%)?|[\p{L}][\p{L}\p{N}'’-]*|[,;:()–—\"“”‘’']")
_PUNCT = frozenset(",;:()–—…")
_CUT = "…"  # stands for the words of a long sentence before those looked at
_QUOTES = frozenset("\"“”‘’'")
_RELATIVE = frozenset({"which", "who", "that"})
_JOINS = frozenset({"but", "and", "yet"})  # a second verb of the same subject follows these
_INNER = frozenset({"of", "on", "for", "in"})  # prepositions inside a noun phrase ('cap on care costs')
LEAD = "lead"  # the kind of the ``date_events`` rows that lead into a date as a time ('the end of')
WINDOW = 14  # tokens before the date searched for the words of an event
MAX_PHRASE = 8  # tokens of the noun phrase naming the thing
MAX_BEFORE = 60  # tokens of the sentence before the date looked at
PRONOUN = ""  # the thing read when a pronoun stands for it ('they were pushed back to October 2025')


def _weak_uncached(lex: Lexicons) -> frozenset[tuple[str, ...]]:
    """The event words marked 'weak' (bare prepositions: 'from', 'until')."""
    return frozenset(tuple(r[0].lower().split()) for r in lex.rows("date_events")
                     if len(r) > 2 and "weak" in r[2].split())


_weak = cached(_weak_uncached, 64)


def _tables_uncached(lex: Lexicons) -> tuple[dict[tuple[str, ...], str], frozenset[str], frozenset[str]]:
    triggers = {tuple(r[0].lower().split()): (r[1] if len(r) > 1 else "end") for r in lex.rows("date_events")
                if not (len(r) > 1 and r[1] == LEAD)}
    fillers = frozenset(w.lower() for w in lex.words("event_fillers"))
    stop = frozenset(w.lower() for w in lex.words("measure_stopwords"))
    return triggers, fillers, stop


def _time_nouns_uncached(lex: Lexicons) -> frozenset[str]:
    """Words of time ('year', 'month', 'january'): a period is no thing that starts or ends."""
    return frozenset(w.lower() for w in lex.words("time_words"))


_time_nouns = cached(_time_nouns_uncached, 64)


def _fill_phrases_uncached(lex: Lexicons) -> tuple[tuple[str, ...], ...]:
    """The event fillers of several words ('in place'), longest first."""
    rows = {tuple(w.lower().split()) for w in lex.words("event_fillers")}
    return tuple(sorted((r for r in rows if len(r) > 1), key=lambda r: (-len(r), r)))


_fill_phrases = cached(_fill_phrases_uncached, 64)


def _determiners_uncached(lex: Lexicons) -> frozenset[str]:
    return frozenset(r[0].lower() for r in lex.rows("function_words") if len(r) > 1 and r[1] == "determiner")


_determiners = cached(_determiners_uncached, 64)


def _pronouns_uncached(lex: Lexicons) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.words("pronouns"))


_pronouns = cached(_pronouns_uncached, 64)


_tables = cached(_tables_uncached, 64)


def tokens(text: str) -> list[str]:
    """Lower-case words, numbers and punctuation marks of ``text``."""
    out = []
    for t in _TOKEN.findall(text):
        t = t.lower().replace("’", "'")
        out.append(t.rstrip("'") or t)
    return out


def _skip_phrases(toks: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """``i`` moved before any filler phrase of several words ending there."""
    moved = True
    while moved and i >= 0:
        moved = False
        for ph in phrases:
            n = len(ph)
            if i + 1 >= n and tuple(toks[i + 1 - n:i + 1]) == ph:
                i -= n
                moved = True
                break
    return i


def _leads_uncached(lex: Lexicons) -> tuple[tuple[str, ...], ...]:
    """The ``date_events`` rows of kind 'lead' (words leading into a date as a time: 'the end of'), longest
    first."""
    rows = {tuple(r[0].lower().split()) for r in lex.rows("date_events") if len(r) > 1 and r[1] == LEAD}
    return tuple(sorted(rows, key=lambda r: (-len(r), r)))


_leads = cached(_leads_uncached, 64)


def _strip_time_lead(toks: list[str], lex: Lexicons) -> list[str]:
    """``toks`` without the words that lead into the date at their end ('until the end of', 'finish in')."""
    for lead in _leads(lex):
        if len(toks) >= len(lead) and tuple(toks[-len(lead):]) == lead:
            return toks[:-len(lead)]
    return toks


def _phrase_at(toks: list[str], p: int, table: dict[tuple[str, ...], str], longest: int) -> int:
    """The length of the longest phrase of ``table`` (none longer than ``longest`` tokens) that starts at token
    ``p``, 0 when none does."""
    return next((n for n in range(min(longest, len(toks) - p), 0, -1) if tuple(toks[p:p + n]) in table), 0)


def _triggers(toks: list[str], triggers: dict[tuple[str, ...], str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every event phrase in the last WINDOW tokens, longest first at each place."""
    out: list[tuple[int, int, str]] = []
    longest = max((len(k) for k in triggers), default=0)
    p = max(0, len(toks) - WINDOW)
    while p < len(toks):
        n = _phrase_at(toks, p, triggers, longest)
        if n:
            out.append((p, p + n, triggers[tuple(toks[p:p + n])]))
            p += n - 1
        p += 1
    return out


def _noun_phrase_before(toks: list[str], i: int, fillers: frozenset[str], stop: frozenset[str],
                        phrases: tuple[tuple[str, ...], ...] = (), pronouns: frozenset[str] = frozenset(),
                        determiners: frozenset[str] = frozenset()) -> list[str]:
    """The noun phrase ending at or before token ``i``, past fillers, quotation marks, a relative clause and
    the punctuation around it."""
    for _ in range(8):
        while i >= 0 and (toks[i] in fillers or toks[i] in _QUOTES or _skip_phrases(toks, i, phrases) != i):
            i = _skip_phrases(toks, i, phrases) if _skip_phrases(toks, i, phrases) != i else i - 1
        if i < 0:
            return []
        if toks[i] in _JOINS:  # 'was meant to finish in 2024 but was extended until': the sentence's subject
            opens = toks[0] if toks else _CUT
            if opens == _CUT or (opens in stop and opens not in determiners):
                return []  # the sentence opens with no subject ('On average the levy ...')
            return _noun_phrase_after(toks[:i], fillers, stop)
        if toks[i] in pronouns:  # 'they were pushed back to October 2025': the thing of a sentence before
            return [PRONOUN]
        if toks[i] in _RELATIVE:
            i -= 1
            continue
        if toks[i] in _PUNCT:
            q = i - 1
            while q >= 0 and toks[q] not in _PUNCT and i - q < 20:
                q -= 1
            segment = [t for t in toks[q + 1:i] if t not in _QUOTES]
            i = q - 1 if q >= 0 and segment and segment[0] in _RELATIVE else i - 1
            continue
        break
    out: list[str] = []
    while i >= 0 and len(out) < MAX_PHRASE:
        t = toks[i]
        if t in _QUOTES:
            i -= 1
            continue
        if not out and i > 1 and toks[i - 1] == "of" and (t[0].isdigit() or t[0] in "£$€"):
            i -= 2  # a value after the thing: 'the new bus fare cap of £2.50 will come into force'
            continue
        if t in _PUNCT or t[0].isdigit() or t[0] in "£$€" or t in fillers:
            break
        if t in stop:
            if not (t in _INNER and out and i > 0 and _content(toks[i - 1], fillers, stop)):
                break
        out.append(t)
        i -= 1
    if i >= 0 and toks[i] in fillers and toks[i] in stop:
        return []  # right after an auxiliary: a verb phrase ('will keep growing until 2035'), no noun phrase
    return out[::-1]


def _content(t: str, fillers: frozenset[str], stop: frozenset[str]) -> bool:
    return not (t in stop or t in fillers or t in _PUNCT or t in _QUOTES or t[0].isdigit() or t[0] in "£$€")


def _noun_phrase_after(toks: list[str], fillers: frozenset[str], stop: frozenset[str]) -> list[str]:
    """The noun phrase after a date set off by commas (', a new £86,000 cap on what ...')."""
    i = 0
    while i < len(toks) and (toks[i] in stop or toks[i] in fillers or toks[i] in _QUOTES or toks[i] == ","
                             or toks[i][0].isdigit() or toks[i][0] in "£$€") and i < 6:
        i += 1
    out: list[str] = []
    while i < len(toks) and len(out) < MAX_PHRASE:
        t = toks[i]
        if t[0].isdigit() or t[0] in "£$€":
            i += 1
            continue
        if not _content(t, fillers, stop):
            if not (t in _INNER and out and i + 1 < len(toks) and _content(toks[i + 1], fillers, stop)):
                break
        out.append(t)
        i += 1
    return out


def _event_uncached(before: str, after: str, lex: Lexicons) -> tuple[str, str, bool] | None:
    """(kind, noun phrase, whether a word that is not weak says so) of the event a date is the start or end of,
    from the sentence around it."""
    triggers, fillers, stop = _tables(lex)
    every = tokens(before)
    toks = _strip_time_lead(every[-MAX_BEFORE:] if len(every) <= MAX_BEFORE else [_CUT, *every[-MAX_BEFORE:]], lex)
    found = _triggers(toks, triggers)
    if not found:
        return _cleft(tokens(after)[:MAX_BEFORE], lex)
    last = found[-1]
    if _denied_until(toks, last, lex):
        # 'will not open until April 2026': the thing starts (or, 'will not end until', ends) then; with no
        # such words before it ('will not apply until'), no event is read
        if len(found) == 1:
            return None
        found = found[:-1]
        last = (found[-1][0], last[1], found[-1][2])
    gap = toks[last[1]:]
    if len(gap) > 6 or any(t[0].isdigit() or t[0] in "£$€" for t in gap):
        return None  # the event words must lead into the date, with no other figure between ('from 3.1% in 2021')
    kinds = {k for _s, _e, k in found}
    kind = "start" if "delay" in kinds else "end" if "extend" in kinds else last[2]
    if kind not in ("start", "end"):
        kind = "start" if kind == "delay" else "end"
    cut = last[0]
    weak = _weak(lex)
    strong = tuple(toks[last[0]:last[1]]) not in weak
    for s, e, _k in reversed(found[:-1]):  # a run of event words ('extended until', 'bring in, from')
        if all(t in fillers or t in _PUNCT for t in toks[e:cut]):
            cut = s
            strong = strong or tuple(toks[s:e]) not in weak
    phrase: list[str] = []
    after_toks = tokens(after)[:20]
    if last[0] > 0 and toks[last[0] - 1] == "," and after_toks[:1] == [","] and cut < last[0]:
        # ('will bring in, from October 2023, a new cap': the words before the commas run on into the date; not
        # a participle between commas after its noun, 'the £2 cap, introduced in January 2023, will rise')
        phrase = _noun_phrase_after(after_toks, fillers, stop)
    if not phrase and gap and gap[-1] in stop and not any(t in _PUNCT for t in gap) and \
            any(_content(t, fillers, stop) for t in gap):
        # the object between the words and the preposition of the date: 'pledged to end *rough sleeping* by
        # 2024', 'extended *the override* until 2026' (not a period: 'pushed back by two years, to ...')
        phrase = _noun_phrase_after(gap, fillers, stop)
        if phrase and (phrase[-1] in _time_nouns(lex) or singular(phrase[-1]) in _time_nouns(lex)):
            phrase = []
    if not phrase:
        phrase = _noun_phrase_before(toks, cut - 1, fillers, stop, _fill_phrases(lex), _pronouns(lex),
                                     _determiners(lex))
    if not phrase or phrase[-1] in _time_nouns(lex) or singular(phrase[-1]) in _time_nouns(lex):
        return None  # 'each year until 2024/25', '... within 18 weeks will be met by': a period, no thing
    return kind, " ".join(phrase), strong


def _denied_until(toks: list[str], trigger: tuple[int, int, str], lex: Lexicons) -> bool:
    """Whether an event phrase is a bare 'until' after a denied verb ('will not open until', 'won't end until'):
    it says when the verb's event happens, not how long something lasts."""
    if toks[trigger[0]:trigger[1]] not in (["until"], ["till"]):
        return False
    denials = _negations(lex)
    return any(t in denials or t.endswith("n't") for t in toks[max(0, trigger[0] - 6):trigger[0]])


def _negations_uncached(lex: Lexicons) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.words("negations"))


_negations = cached(_negations_uncached, 64)


def _cleft(after: list[str], lex: Lexicons) -> tuple[str, str, bool] | None:
    """The event of a date that a cleft sentence gives after it: '(That month,) March 2026, is when the
    override, which ..., comes to an end': the clause after 'is when' read as the words before a date."""
    i = 1 if after[:1] == [","] else 0
    if after[i:i + 2] not in (["is", "when"], ["was", "when"]):
        return None
    clause = after[i + 2:]
    end = next((k for k, t in enumerate(clause) if t in (";", ":")), len(clause))
    clause = clause[:end]
    triggers, fillers, stop = _tables(lex)
    weak = _weak(lex)
    found = [f for f in _triggers(clause, triggers)
             if f[2] in ("start", "end") and tuple(clause[f[0]:f[1]]) not in weak]
    if not found:
        return None
    s, _e, kind = found[-1]  # (the clause's own verb, after any relative clause: '..., which keep X from ...,')
    phrase = _noun_phrase_before(clause, s - 1, fillers, stop, _fill_phrases(lex), _pronouns(lex), _determiners(lex))
    if not phrase or phrase == [PRONOUN] or phrase[-1] in _time_nouns(lex):
        return None
    return kind, " ".join(phrase), True


_event = cached(_event_uncached, 65536)


def event_of(sentence: str, start: int, end: int, lex: Lexicons, *, strong: bool = False) -> tuple[str, str] | None:
    """(kind, noun phrase) of the one-off thing the date at ``sentence[start:end]`` starts or ends ('end',
    'statutory override'), or None when the sentence does not say; with ``strong``, only when words that are
    not weak say it ('will bring in, from', not a bare 'from')."""
    if not 0 <= start <= end <= len(sentence):
        return None
    got = _event(sentence[max(0, start - 600):start], sentence[end:end + 200], lex)
    if got is None or (strong and not got[2]):
        return None
    return got[0], got[1]


def _measure_event_uncached(measure: str, lex: Lexicons) -> tuple[str, str] | None:
    """(kind, thing) of a date's measure that names the start or end of something ('start date of the cap on
    care costs' -> start, 'cap on care costs'; 'statutory override end date' -> end, 'statutory override')."""
    triggers, fillers, stop = _tables(lex)
    toks = [t for t in tokens(measure) if t not in _QUOTES and t not in _PUNCT]
    kinds = [triggers.get((t,)) for t in toks]
    found = [k for k in kinds if k in ("start", "end")]
    if len(set(found)) != 1:
        return None
    kept = [t for t, k in zip(toks, kinds, strict=True) if k is None and t not in fillers]
    while kept and kept[0] in stop:
        kept.pop(0)
    while kept and kept[-1] in stop:
        kept.pop()
    return (found[0], " ".join(kept)) if kept else None


_measure_event = cached(_measure_event_uncached, 65536)


def thing_of(sentence: str, start: int, end: int, lex: Lexicons, measure: str | None = None
             ) -> tuple[str, str] | None:
    """(kind, thing) of a date: read from the claim's ``measure`` when that names the start or end of something
    ('statutory override end date'), else from the sentence; the thing is :data:`PRONOUN` when a pronoun
    stands for it."""
    got = _measure_event(measure, lex) if measure else None
    return got if got is not None else event_of(sentence, start, end, lex)


def shell(phrase: str, lex: Lexicons) -> bool:
    """True for a thing named only by a shell noun ('arrangement', 'scheme': ``shell_nouns``) or a pronoun: a
    name for a thing named before."""
    return phrase == PRONOUN or phrase in _shells(lex)


def _shells_uncached(lex: Lexicons) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.words("shell_nouns"))


_shells = cached(_shells_uncached, 64)


def event_signature(sentence: str, start: int, end: int, lex: Lexicons,
                    aliases: tuple[tuple[str, str], ...] = (), measure: str | None = None,
                    antecedent: str | None = None) -> Signature | None:
    """The measure signature of a date's event (:func:`thing_of`): the thing's signature with its head marked
    by the kind ('override (end date)'), or None. ``antecedent``: the thing a pronoun or a shell noun stands
    for (the thing of the date just before, in reach and of the same kind; see :func:`shell`)."""
    got = thing_of(sentence, start, end, lex, measure)
    if got is None:
        return None
    kind, phrase = got
    if shell(phrase, lex) and antecedent:
        phrase = antecedent
    elif phrase == PRONOUN:
        return None
    return thing_signature(kind, phrase, lex, aliases)


def thing_signature(kind: str, phrase: str, lex: Lexicons, aliases: tuple[tuple[str, str], ...] = ()
                    ) -> Signature | None:
    """The signature of the start or end (``kind``) of the thing a noun phrase names ('statutory override' ->
    'override (end date)'), or None."""
    sig = signature(phrase, lex, aliases)
    if sig is None:
        return None
    words = phrase.split()
    at = next((k for k, w in enumerate(words) if singular(w.replace("-", " ").split()[-1]) == sig.head), None)
    if at is not None and at > 1:  # the thing is its head and the word before it ('statutory override')
        sig = signature(" ".join(words[at - 1:]), lex, aliases) or sig
    marker = f"{kind} date"
    return Signature(f"{sig.key} ({marker})", f"{sig.head} ({marker})", sig.words, sig.acting)


def _anchors_uncached(lex: Lexicons) -> dict[tuple[str, ...], str]:
    return {tuple(r[0].lower().split()): r[1] for r in lex.rows("event_anchors") if len(r) > 1}


_anchors = cached(_anchors_uncached, 64)


def _event_after(toks: list[str], q: int, lex: Lexicons) -> tuple[str, str] | None:
    """(kind, thing) of a noun phrase at ``toks[q:]`` followed by a verb that starts or ends it ('the override
    ends'), or None."""
    triggers, fillers, stop = _tables(lex)
    longest = max((len(k) for k in triggers), default=0)
    for r in range(q, min(q + MAX_PHRASE + 1, len(toks))):
        m = _phrase_at(toks, r, triggers, longest)
        if m and r > q:
            kind = triggers[tuple(toks[r:r + m])]
            phrase = toks[q:r]
            if kind not in ("start", "end") or tuple(toks[r:r + m]) in _weak(lex) \
                    or not _content(phrase[-1], fillers, stop):
                return None
            return kind, " ".join(phrase)
        if not (_content(toks[r], fillers, stop) or (toks[r] in _INNER and r > q)):
            return None
    return None


def _anchored_uncached(sentence: str, lex: Lexicons) -> tuple[str, str, str] | None:
    """(relation, kind, thing) of the first clause of ``sentence`` dated by an event (``event_anchors``)."""
    anchors = _anchors(lex)
    if not anchors:
        return None
    determiners = _determiners(lex)
    toks = tokens(sentence)[:4 * MAX_BEFORE]
    longest = max(len(a) for a in anchors)
    for p in range(len(toks)):
        n = _phrase_at(toks, p, anchors, longest)
        if not n:
            continue
        q = p + n
        while q < len(toks) and toks[q] in determiners:
            q += 1
        got = _event_after(toks, q, lex)
        if got is not None:
            return anchors[tuple(toks[p:p + n])], got[0], got[1]
    return None


_anchored = cached(_anchored_uncached, 65536)


def anchored_event(sentence: str, lex: Lexicons, aliases: tuple[tuple[str, str], ...] = ()
                   ) -> tuple[str, Signature] | None:
    """(relation, event signature) of a clause of ``sentence`` dated by an event rather than a date ('by the
    time the override ends' -> 'by', 'override (end date)'), or None."""
    got = _anchored(sentence, lex)
    if got is None or shell(got[2], lex):
        return None
    sig = thing_signature(got[1], got[2], lex, aliases)
    return (got[0], sig) if sig is not None else None


__all__ = ["PRONOUN", "anchored_event", "event_of", "event_signature", "shell", "thing_of", "thing_signature",
           "tokens"]
