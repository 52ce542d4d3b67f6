"""Claims: what a figure measures and when it holds.

For every figure that states a fact or projection (money, counts, percentages, ratios), build

* a measure: the counted noun phrase ("children in care"), "the number of X", the subject of a change
  ("spending on late intervention services soared ... from £6bn to £8.2bn"), or the money's purpose
  ("the annual costs from £10bn"), normalised into a key that documents can share;
* a time: relation and year, from the time phrases around the figure, resolved against the statement's
  reference year (the date of the cited source, the speaker's known date, or the document's date).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from .grammar.figures import RawFigure
from .grammar.lexicon import IRREGULAR_PLURALS
from .grammar.times import TimePhrase, last_year_before, period_start_offset

CLAIM_KINDS = frozenset({"money", "count", "percent", "ratio"})
_WINDOW = 300  # characters looked at before a figure for its subject: bounds the work per figure
_I = regex.IGNORECASE

_STOP_AFTER = regex.compile(
    r"\b(?:by|in\s+(?:19|20)\d\d|today|now|currently|this\s+year|last\s+year|next\s+year|each|every|per|a\s+year|"
    r"will|would|could|should|may|might|can|must|is|are|was|were|has|have|had|be|been|up|down|from|to|than|"
    r"and|but|or|compared|over|since|during|while|because|as|which|whose|according|when|if|after|before|"
    r"on\s+(?:the\s+)?\d)\b|"
    r"[,.;:!?()\[\]“”\"–—]",
    _I,
)
_WORD_AHEAD = regex.compile(r"\s+([\w'’-]+)")
_QUAL_START = regex.compile(
    r"\s+(?:(?:who|that)\s+(?:are|were|is|was)\s+(?=(?:in|on|at|under|with|without|living)\b))?"
    r"(?:(?:are|were|is|was|remain|remained|remains|live|lives|lived|grow\s+up|grows\s+up|grew\s+up|growing\s+up|"
    r"currently|now|still|being)\s+){0,2}"
    r"(?P<q>(?:in|on|at|with|without|living|who|that|under|aged|across|receiving|entering|leaving|waiting|"
    r"using|going|needing|of|for)\b)", _I
)
_RELATIVE_HEAD = regex.compile(
    r"\s*(?:(?:have|has|had|are|were|is|was|will|would|do|did|currently|now|still|also)\s+){0,2}[\w'’-]+", _I
)
_NUMBER_OF = regex.compile(
    r"\b(?:the\s+)?(?:total\s+)?(?:number|numbers|count|total|population)\s+of\s+(?P<np>[^,.;:!?()\d£$€]{3,90}?)"
    r"\s+(?:(?:is|are|was|were|has|have|had|will|would|could|may|might|is\s+set|is\s+expected|is\s+projected|"
    r"rose|rises|rise|fell|falls|fall|grew|grows|grow|increased|increases|decreased|decreases|reached|"
    r"reaches|stood|stands|hit|hits|climbed|climbs|jumped|soared|dropped|doubled|went)\b)", _I,
)
_CHANGE_SUBJECT = regex.compile(
    r"(?P<np>(?:[\w'’-]++\s+){0,6}?[\w'’-]++)\s+(?:(?:will|would|could|may|might|(?:is|are)\s+(?:set|expected|"
    r"projected|forecast|likely)\s+to)\s+(?:also\s+)?(?P<verb>rise|grow|increase|fall|drop|decrease|decline|double|"
    r"soar|climb|jump|surge)\b|"
    r"(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?P<verb>soared|rose|risen|rises|"
    r"increased|increases|grew|grown|grows|jumped|climbed|fell|fallen|falls|dropped|decreased|decreases|"
    r"declined|declines|doubled|halved|went\s+up|went\s+down|shrank|surged|plummeted)\b)", _I,
)
_MONEY_NP_BEFORE = regex.compile(
    r"(?P<np>(?:[\w'’-]++\s+){0,7}?[\w'’-]++)\s+(?:from|of|is|was|are|were|at|reached|totalled|totaling|"
    r"totalling|stood\s+at|stands\s+at|worth|amounting\s+to|amounts\s+to|came\s+to|rose\s+to|fell\s+to|"
    r"will\s+rise\s+to|could\s+rise\s+to|of\s+around|of\s+almost|of\s+about)\s+(?:(?:almost|about|around|"
    r"nearly|over|more\s+than|less\s+than|up\s+to|some|just|roughly|an\s+estimated|approximately)\s+)?\Z", _I,
)
_VERB_BEFORE = regex.compile(
    r"\b(?P<verb>cost|costs|costing|spend|spends|spent|spending|invest|invests|invested|investing|"
    r"fund|funds|funded|funding|save|saves|saved|saving|raise|raises|raised|allocate|allocates|allocated|"
    r"backed\s+by|paid|pay|pays|paying|receive|receives|received|earn|earns|earned|borrow|borrowed|"
    r"owe|owes|lose|loses|lost|cut|cuts|recommended|recommends|recommending|promised|pledged|announced|"
    r"committed|commits|commit|committing|provide|provides|provided|providing|need|needs|needed|needing|"
    r"require|requires|required|find|finds|found)\b"
    r"(?:\s+(?:the\s+|a\s+|an\s+)?(?:councils|taxpayers?|country|nation|economy|state|government|public|"
    r"NHS|families|households|authorities|public\s+purse))?"
    r"(?:\s+(?:an\s+|a\s+|the\s+)?(?:extra|additional|further|another|almost|about|around|nearly|over|"
    r"more\s+than|less\s+than|up\s+to|some|just|roughly|approximately))?\s*\Z", _I,
)
_VERB_NOUN = {
    "cost": "cost", "costs": "cost", "costing": "cost", "spend": "spending", "spends": "spending",
    "spent": "spending", "spending": "spending", "invest": "investment", "invests": "investment",
    "invested": "investment", "investing": "investment", "fund": "funding", "funds": "funding",
    "funded": "funding", "funding": "funding", "backed by": "funding", "save": "savings", "saves": "savings",
    "saved": "savings", "saving": "savings", "raise": "funds raised", "raises": "funds raised",
    "raised": "funds raised", "allocate": "allocation", "allocates": "allocation", "allocated": "allocation",
    "paid": "payment", "pay": "payment", "pays": "payment", "paying": "payment", "receive": "funding",
    "receives": "funding", "received": "funding", "earn": "income", "earns": "income", "earned": "income",
    "borrow": "borrowing", "borrowed": "borrowing", "owe": "debt", "owes": "debt", "lose": "loss",
    "loses": "loss", "lost": "loss", "cut": "cut", "cuts": "cut", "recommended": "recommended investment",
    "recommends": "recommended investment", "recommending": "recommended investment",
    "promised": "funding", "pledged": "funding", "announced": "funding",
    "committed": "funding", "commits": "funding", "commit": "funding", "committing": "funding",
    "provide": "funding", "provides": "funding", "provided": "funding",
    "providing": "funding", "need": "funding need", "needs": "funding need", "needed": "funding need",
    "needing": "funding need", "require": "funding need", "requires": "funding need", "required": "funding need",
    "find": "funding need", "finds": "funding need", "found": "funding need",
}
_MONEY_NOUNS = (
    r"(?:funding\s+gap|funding\s+shortfall|black\s+hole|cash\s+injection|funding|investment|gap|shortfall|"
    r"overspend|deficit|budget|costs?|bill|savings|cuts?|boost|package|fund|grant|injection|spending|spend|"
    r"settlement|pot|subsidy|income|debt|loss|losses)"
)
_NOUN_AFTER_MONEY = regex.compile(
    rf"\s+(?:of\s+)?(?:(?:extra|additional|new|further|annual|recurring|one-off|emergency|government|public)\s+)?"
    rf"(?P<np>(?:[a-z'’-]+\s+){{0,2}}?{_MONEY_NOUNS})\b", _I
)
_CANON_MONEY = {"injection": "investment", "cash injection": "investment", "boost": "funding", "fund": "funding",
                "grant": "funding", "pot": "funding", "package": "funding", "shortfall": "funding gap",
                "funding shortfall": "funding gap", "black hole": "funding gap", "spend": "spending",
                "costs": "cost", "cuts": "cut", "losses": "loss", "gap": "funding gap",
                "funding gap": "funding gap", "investment": "investment", "funding": "funding"}
_BY_VERB = regex.compile(
    r"\b(?P<verb>overspent|overspend|overspends|overspending|underspent|underspend|underspending|"
    r"cut|cuts|cutting|reduced|reduces|reduce|reducing)\b[^.;:!?£$€\d]{0,80}?\bby\s+"
    r"(?:(?:almost|about|around|nearly|over|more\s+than|some|roughly|an\s+estimated)\s+)?\Z", _I
)
_BY_VERB_NOUN = {"overspent": "overspend", "overspend": "overspend", "overspends": "overspend",
                 "overspending": "overspend", "underspent": "underspend", "underspend": "underspend",
                 "underspending": "underspend"}
_SPEND_OBJECT = regex.compile(r"\s+(?:more\s+|a\s+year\s+|each\s+year\s+|per\s+year\s+|annually\s+)?on\s+"
                              r"(?P<np>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)(?=\s*(?:[,.;:!?()]|$)|\s+(?:in|by|over|"
                              r"this|last|next|each|every|per|a\s+year|and|but|while|since|from|to|up|down|with|"
                              r"compared|than|within|during)\b)", _I)
_UP_FROM = regex.compile(r"\b(?:up|down|rising|falling|increasing|decreasing|rose|fell|risen|fallen|compared|"
                         r"increased|decreased)\s+(?:(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent)\s+)?(?:from|on|with)\s+(?:(?:about|around|almost|nearly|some|just|"
                         r"roughly|over|more\s+than|less\s+than|an\s+estimated)\s+)?\Z", _I)
_PCT_CHANGE_BEFORE = regex.compile(
    r"\b(?P<d>up|down|rise|rising|increase|increasing|jump|fall|falling|drop|decrease|decline|reduction|cut)\s+"
    r"(?:of\s+|by\s+)?(?:(?:almost|about|around|nearly|more\s+than|over|some|just)\s+)?\Z", _I
)
_DETERMINERS = frozenset("the a an these those this that its their our his her your my some any".split())
_PLACES = regex.compile(
    r"\s+(?:in|across|throughout)\s+(?:the\s+)?(?:England|Wales|Scotland|Northern\s+Ireland|Britain|Great\s+Britain|"
    r"UK|United\s+Kingdom|country|nation|US|USA|United\s+States|Europe|EU)\b.*$|\s+(?:nationally|nationwide)\b.*$",
    _I,
)
# the same population under its official and its everyday name
_SYNONYMS = (
    (regex.compile(r"\blooked[\s-]+after\s+children\b", _I), "children in care"),
    (regex.compile(r"\bchildren\s+(?:who\s+are\s+|being\s+)?looked[\s-]+after\b.*$", _I), "children in care"),
)
_FUTURE = regex.compile(r"\b(?:will|would|is\s+set\s+to|are\s+set\s+to|is\s+expected\s+to|are\s+expected\s+to|"
                        r"is\s+projected\s+to|are\s+projected\s+to|is\s+forecast\s+to|could|shall)\b", _I)


@dataclass(slots=True)
class RawClaim:
    """A claim before it becomes a record."""

    figure: int
    measure: str
    measure_text: str
    relation: str
    year: int | str | None
    as_written: str | None
    resolved_against: str | None
    relative: bool
    unit: str | None


def last_match(pattern: regex.Pattern[str], text: str, a: int, b: int) -> regex.Match[str] | None:
    """The last non-overlapping match of ``pattern`` in ``text[a:b]``."""
    m = None
    for m in pattern.finditer(text, a, b):  # noqa: B007 - only the last one is wanted
        pass
    return m


def singular(word: str) -> str:
    """Cheap singular of a plural noun ('costs' -> 'cost', 'authorities' -> 'authority')."""
    low = word.lower()
    if low in IRREGULAR_PLURALS or len(low) <= 3 or low.endswith(("ss", "us", "is", "'s")):
        return word
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if low.endswith("s"):
        return word[:-1]
    return word


def measure_key(phrase: str) -> str:
    """Normalised key of a measure: lower case, straight apostrophes, no determiners or places, singular."""
    p = phrase.replace("’", "'").replace("‘", "'").strip()
    p = _PLACES.sub("", p)
    p = regex.sub(r"\b(?:the\s+)?(?:total\s+)?(?:number|numbers)\s+of\s+(?=\S)", "", p, flags=_I)
    for pat, repl in _SYNONYMS:
        p = pat.sub(repl, p)
    words = [w for w in regex.split(r"[\s,]+", p.lower()) if w and w not in _DETERMINERS]
    # 'times less likely': a multiplier, not the plural of 'time'
    words = [w if (w == "times" and i == 0) else singular(w) for i, w in enumerate(words)]
    return " ".join(words).strip(" -'")


def _noun_phrase_after(text: str, pos: int, end: int, unit: str) -> str:
    """The counted noun with its qualifier: 'children' + 'in care' -> 'children in care'."""
    words = [unit]
    cursor = pos
    q = _QUAL_START.match(text, cursor, end)
    if q:
        # searched from the qualifier itself, so that 'in 2022' is a time, not a qualifier
        from_ = q.start("q")
        if q.group("q").lower() in ("who", "that"):
            # a relative clause: 'people who have lived experience of ...', 'who work in the system'
            head = _RELATIVE_HEAD.match(text, q.end("q"), end)
            from_ = head.end() if head else from_
        stop = _STOP_AFTER.search(text, from_, end)
        tail_end = stop.start() if stop else end
        tail = text[q.start("q"):tail_end].strip()
        tail_words = tail.split()
        if 1 < len(tail_words) <= 8:
            words.append(" ".join(tail_words))
    return " ".join(words)


def _unit_end(text: str, fig: RawFigure, end: int) -> int:
    """Offset just after the counted noun that follows a count figure."""
    if not fig.unit:
        return fig.end
    last = fig.unit.split()[-1].lower()
    pos = fig.end
    for _ in range(4):  # the noun is at most the fourth word after the number
        m = _WORD_AHEAD.match(text, pos, end)
        if m is None:
            break
        if m.group(1).lower().startswith(last):
            return m.start(1) + len(last)
        pos = m.end()
    return fig.end


def build_measure(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int]) -> tuple[str, str]:
    """(key, words as written) for figure ``i``. Both ends of a change share the better-described measure;
    a baseline ('up from 3.6 million') shares the measure of the figure it is compared with."""
    fig = figs[i]
    phrase, rank = _measure_phrase(text, figs, i, sent)
    if fig.link is not None and fig.link_type == "change" and 0 <= fig.link < len(figs):
        other, orank = _measure_phrase(text, figs, fig.link, sent)
        from_end = i if fig.link_role == "from" else fig.link
        mine_first = from_end == i
        if orank > rank or (orank == rank and not mine_first and orank > 0):
            phrase, rank = other, orank
    elif rank < 2 and _UP_FROM.search(text, max(sent[0], fig.start - 40), fig.start):
        for j in range(i - 1, -1, -1):
            if figs[j].start < sent[0]:
                break
            if figs[j].kind == fig.kind and figs[j].value is not None:
                other, orank = _measure_phrase(text, figs, j, sent)
                if orank >= rank:
                    phrase, rank = other, orank
                break
    phrase = regex.sub(r"\s+", " ", phrase).strip(" ,")
    return measure_key(phrase), phrase


def _measure_phrase(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int]) -> tuple[str, int]:
    """(phrase, rank): rank 2 = described, 1 = only the counted noun, 0 = nothing but the unit or kind."""
    fig = figs[i]
    sa, sb = sent
    prev_end = sa
    for j in range(i - 1, -1, -1):
        if figs[j].end <= sa:
            break
        if figs[j].end <= fig.start and figs[j].start >= sa and figs[j].kind in CLAIM_KINDS and \
                figs[j].link != i:
            prev_end = figs[j].end
            break
    before = text[max(prev_end, fig.start - _WINDOW):fig.start]
    phrase = ""
    rank = 2
    if fig.kind == "count":
        m = last_match(_NUMBER_OF, text, max(sa, fig.start - 200), fig.start)
        if m is not None:
            phrase = m.group("np").strip()
        elif fig.unit:
            phrase = _noun_phrase_after(text, _unit_end(text, fig, sb), sb, fig.unit)
            if phrase == fig.unit:
                rank = 1
        if not phrase:
            phrase = _subject_of_change(text, sa, fig.start) or ""
    elif fig.kind == "money":
        phrase = _money_phrase(text, figs, i, sa, sb, before)
        if phrase and fig.rate == "year" and not regex.search(r"\bannual|\byearly", phrase, _I):
            phrase = "annual " + phrase
    elif fig.kind == "percent":
        subj = _subject_of_change(text, sa, fig.start)
        if subj:
            verb = _CHANGE_SUBJECT.search(text, sa, fig.start)
            direction = "decrease" if verb and regex.match(r"fell|fallen|falls|fall|dropped|drop|decreas|declin|"
                                                           r"halved|went\s+down|shrank|shrink|plummeted|cut",
                                                           verb.group("verb"), _I) else "increase"
            phrase = f"{direction} in {subj}"
        else:
            ahead = text[fig.end:min(sb, fig.end + _WINDOW)]
            m = regex.match(r"\s+(?:of\s+)(?P<np>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)"
                            r"(?=\s+(?:who|that|are|were|is|was|have|had|"
                            r"will|would|could|in|on|at|by|with|[a-z]+ed)\b|[,.;:!?]|$)", ahead, _I)
            ch = _PCT_CHANGE_BEFORE.search(text, max(sa, fig.start - 40), fig.start)
            if m:
                phrase = "share of " + m.group("np")
            elif ch:
                # 'a rise of 12% on the previous year', 'up 13% from £2.8bn': a change in the figure before
                prev = _previous(figs, i, sa, ("count", "money"))
                if prev is not None:
                    falling = regex.match(r"down|fall|drop|decreas|declin|reduc|cut", ch.group("d"), _I)
                    direction = "decrease" if falling else "increase"
                    phrase = f"{direction} in {_measure_phrase(text, figs, prev, sent)[0]}"
    elif fig.kind == "ratio":
        m = regex.match(r"\s*(?P<np>(?:[\w'’,-]+\s+){0,10}?[\w'’-]+)(?=[.;:!?]|\s+(?:by|than|when|if)\b|$)",
                        text[fig.end:min(sb, fig.end + _WINDOW)])
        if m:
            phrase = "times " + m.group("np").strip(" ,")
    if not phrase and fig.link is not None and figs[fig.link].unit and fig.kind == "count":
        phrase, rank = figs[fig.link].unit or "", 1
    if not phrase:
        phrase, rank = ("annual amount" if fig.kind == "money" and fig.rate == "year" else fig.unit or fig.kind), 0
    return regex.sub(r"\s+", " ", phrase).strip(" ,"), rank


def _previous(figs: list[RawFigure], i: int, sa: int, kinds: tuple[str, ...]) -> int | None:
    """Index of the nearest figure before ``i`` in the same sentence (from ``sa``) of one of ``kinds``, with a
    value."""
    for j in range(i - 1, -1, -1):
        if figs[j].start < sa:
            return None
        if figs[j].kind in kinds and figs[j].value is not None:
            return j
    return None


def _figure_between(figs: list[RawFigure], i: int, start: int) -> bool:
    """Whether a count or sum other than figure ``i`` (and not linked to it) starts in [start, figure i)."""
    fig = figs[i]
    j = i - 1
    while j >= 0 and figs[j].start >= start:
        f = figs[j]
        if f.start < fig.start and f.kind in ("count", "money") and f.link != i:
            return True
        j -= 1
    return False


def _money_phrase(text: str, figs: list[RawFigure], i: int, sa: int, sb: int, before: str) -> str:
    """What a sum of money is: the subject of a change, the noun after it ('a £4bn funding gap'), the noun
    phrase before it ('the annual costs from £10bn'), or the verb that moves it ('spent £11bn on X')."""
    fig = figs[i]
    m = last_match(_CHANGE_SUBJECT, text, max(sa, fig.start - _WINDOW), fig.start)
    # the change must be this sum's: no other count or sum stands between its verb and the figure
    if m is not None and not _figure_between(figs, i, m.end()):
        subj = _subject_of_change(text, sa, fig.start)
        if subj:
            return subj
    vb = _VERB_BEFORE.search(text, max(sa, fig.start - 80), fig.start)
    verb = _VERB_NOUN.get(regex.sub(r"\s+", " ", vb.group("verb").lower()), vb.group("verb")) if vb else None
    na = _NOUN_AFTER_MONEY.match(text, fig.end, sb)
    if na:
        noun = _canon_money(na.group("np"))
        if verb == "recommended investment" and noun in ("investment", "funding"):
            return verb
        return noun
    by = _BY_VERB.search(text, max(sa, fig.start - 120), fig.start)
    if by:
        return _BY_VERB_NOUN.get(by.group("verb").lower(), "cut")
    mb = _MONEY_NP_BEFORE.search(before) if before else None
    if mb and not _UP_FROM.search(before):
        np_ = _trim_np(mb.group("np"))
        rec = regex.match(r"^recommend(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:extra\s+|additional\s+)?(?P<n>.+)$",
                          np_, _I)
        if rec:
            return "recommended " + _canon_money(rec.group("n"))
        if np_:
            return _canon_money(np_)
    if verb:
        if verb == "spending":
            obj = _SPEND_OBJECT.match(text, fig.end, sb)
            if obj:
                return "spending on " + _trim_np(obj.group("np"))
        if regex.match(r"\s+more\b", text[fig.end:fig.end + 12]):
            return "additional " + verb
        return verb
    return ""


def _canon_money(np_: str) -> str:
    """'an injection' -> 'investment', 'shortfall' -> 'funding gap' (the last word carries the meaning)."""
    np_ = regex.sub(r"^(?:an?|the)\s+", "", np_.strip(), flags=_I)
    low = np_.lower()
    for k in sorted(_CANON_MONEY, key=len, reverse=True):
        if low == k or low.endswith(" " + k):
            return np_[: len(np_) - len(k)] + _CANON_MONEY[k]
    return np_


_CHANGE_VERB = regex.compile(
    r"\b(?:rise|grow|increase|fall|drop|decrease|decline|double|soar|climb|jump|surge|soared|rose|risen|rises|"
    r"increased|increases|grew|grown|grows|jumped|climbed|fell|fallen|falls|dropped|decreased|decreases|declined|"
    r"declines|doubled|halved|went|shrank|surged|plummeted)\b", _I)


def _subject_of_change(text: str, sa: int, pos: int) -> str | None:
    a = max(sa, pos - _WINDOW)
    if _CHANGE_VERB.search(text, a, pos) is None:
        return None  # cheap test first: most figures have no change verb before them
    m = last_match(_CHANGE_SUBJECT, text, a, pos)
    if m is None:
        return None
    np_ = _trim_np(m.group("np"))
    low = np_.lower()
    if not np_ or low in ("it", "they", "this", "that", "which", "there") or regex.search(r"\d", np_):
        return None
    return np_


_NP_CUT = regex.compile(
    r"^.*\b(?:that|which|who|shows?|showed|found|finds|says?|said|warns?|warned|also|while|and|but|because|"
    r"calculated|estimates?|show|reveals?|suggests?|means|see|sees|(?<!(?:the|an|annual|total|lifetime|average|unit)\s)cost|"
    r"will|would|could|is|are|was|were|by|"
    r"as)\s+", _I,
)


def _trim_np(np_: str) -> str:
    np_ = _NP_CUT.sub("", np_.strip())
    np_ = regex.sub(r"^(?:the|a|an)\s+", "", np_, flags=_I)
    return np_.strip(" ,")


# ------------------------------------------------------------------------------------------------------
# time
# ------------------------------------------------------------------------------------------------------
def own_times(figs: list[RawFigure], i: int, times: list[TimePhrase], sent_end: int) -> list[TimePhrase]:
    """Time phrases that belong to figure ``i``: after it and before the next claim figure (or right before it)."""
    fig = figs[i]
    nxt = sent_end
    for j in range(i + 1, len(figs)):
        if figs[j].start >= min(sent_end, fig.end + 90):
            break
        if figs[j].start >= fig.end and figs[j].kind in CLAIM_KINDS:
            nxt = figs[j].start
            break
    own = [t for t in times if fig.end <= t.start < min(nxt, fig.end + 90) and t.mode != "rate"]
    if not own:
        own = [t for t in times if t.end <= fig.start and fig.start - t.end <= 4 and t.mode != "rate"]
    return own


def claim_time(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int], para: tuple[int, int],
               times: list[TimePhrase], prev_times: list[TimePhrase], reference: int | None,
               reference_label: str | None, time_starts: list[int] | None = None,
               ) -> tuple[str, int | str | None, str | None, str | None, bool]:
    """(relation, year, as_written, resolved_against, relative) for figure ``i``. ``time_starts`` are the
    start offsets of ``times``, when the caller keeps them for the many figures of one sentence."""
    fig = figs[i]
    sa, sb = sent
    # only the phrases near the figure: keeps the work per figure bounded in run-on 'sentences'
    starts = time_starts if time_starts is not None else [t.start for t in times]
    lo = bisect.bisect_left(starts, fig.start - 2 * _WINDOW)
    hi = bisect.bisect_right(starts, fig.end + 2 * _WINDOW)
    times = times[lo:hi]
    own = own_times(figs, i, times, sb)
    owned_elsewhere = {id(t) for j in range(max(0, i - 4), min(len(figs), i + 5)) if j != i and sa <= figs[j].start < sb
                       and figs[j].kind in CLAIM_KINDS for t in own_times(figs, j, times, sb)}
    period = next((t for t in times if period_start_offset(t) is not None), None)
    # phrases before the figure that no other figure claims as its own; projections ('by', 'over') are shared
    fronted = [t for t in times if t.end <= fig.start and t.mode != "rate"
               and (id(t) not in owned_elsewhere or t.relation in ("by", "over"))]
    later = [t for t in times if t.start >= fig.end and t.mode != "rate" and id(t) not in owned_elsewhere]
    rate = next((t for t in times if t.mode == "rate"), None)

    def out(t: TimePhrase, relation: str | None = None) -> tuple[str, int | str | None, str | None, str | None, bool]:
        last = last_year_before(text, t.start, max(0, para[0] - 600, t.start - 2 * _WINDOW))
        year = t.resolve(reference, last)
        relative = year is None and t.mode not in ("abs", "rate")
        label = reference_label if t.mode in ("fwd", "now") and year is not None else None
        return relation or t.relation, year, t.text, label, relative

    role = fig.link_role
    if role is None and _UP_FROM.search(text, max(sa, fig.start - 40), fig.start):
        role = "from"  # a baseline: '..., up from 3.6 million a decade ago'
    if role == "from":
        if own and own[0].mode in ("now", "abs", "fwd", "that") and own[0].relation in ("at", "from"):
            return out(own[0], "from")
        if period is not None:
            off = period_start_offset(period) or 0
            year = reference + off if reference is not None else None
            return "from", year, period.text, reference_label if year is not None else None, year is None
        year = reference
        return "from", year, None, reference_label if year is not None else None, year is None
    if fig.link_role == "to":
        by = next((t for t in own if t.relation == "by"), None) or \
            next((t for t in reversed(fronted) if t.relation == "by"), None) or \
            next((t for t in later if t.relation == "by"), None)
        if by is not None:
            return out(by)
        if period is not None:
            return out(period, "to")
        if own:
            return out(own[0], "to")
    if fig.kind == "percent" and period is not None and (own == [] or own[0] is period):
        return out(period)
    if own:
        return out(own[0])
    if fronted:
        return out(fronted[-1])
    if later and fig.link_role is None:
        t = later[0]
        if t.relation in ("by", "over"):
            return out(t)
    # a future statement with no time of its own continues the previous sentence's projection
    if prev_times and _FUTURE.search(text, max(sa, fig.start - _WINDOW), fig.start):
        by = [t for t in prev_times if t.relation == "by"]
        if by:
            return out(by[-1])
    if rate is not None:
        return "per", None, rate.text, None, False
    return "at", None, None, None, False
