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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..figures.grammar import RawFigure
from ..figures.lexicon import IRREGULAR_PLURALS
from ..figures.numbers import word_trie
from ..times import TimePhrase, last_year_before, period_start_offset

CLAIM_KINDS = frozenset({"money", "count", "percent", "ratio"})
_WINDOW = 300  # characters looked at before a figure for its subject: bounds the work per figure
_I = regex.IGNORECASE

# Where a counted noun's qualifier stops (only where it starts is read: the order of the alternatives is free)
_STOP_AFTER = regex.compile(
    r"\b(?:" + word_trie(
        "by today now currently each every per will would could should may might can must is are was were has have "
        "had be been up down from to than and but or compared over since during while because as which whose "
        "according when if after before".split())
    + r"|in\s+(?:19|20)\d\d|(?:this|last|next|a)\s+year|on\s+(?:the\s+)?\d)\b|"
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
# One of these is in every match of _NUMBER_OF, lower-cased (none has an 'i' or an 's': IGNORECASE takes 'İ' and
# 'ſ' for those, which lower() keeps apart)
_NUMBER_OF_HINTS = ("number", "count", "total", "populat")
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
_MONEY_LINK = (
    r"\s+(?:from|of|is|was|are|were|at|reached|totalled|totaling|"
    r"totalling|stood\s+at|stands\s+at|worth|amounting\s+to|amounts\s+to|came\s+to|rose\s+to|fell\s+to|"
    r"will\s+rise\s+to|could\s+rise\s+to|of\s+around|of\s+almost|of\s+about)\s+(?:(?:almost|about|around|"
    r"nearly|over|more\s+than|less\s+than|up\s+to|some|just|roughly|an\s+estimated|approximately)\s+)?"
)
_MONEY_NP_BEFORE = regex.compile(rf"(?P<np>(?:[\w'’-]++\s+){{0,7}}?[\w'’-]++){_MONEY_LINK}\Z", _I)
# the end of a match of _MONEY_NP_BEFORE, read backwards from the figure: most sums have none before them
_MONEY_LINK_BACK = regex.compile(rf"(?r){_MONEY_LINK}", _I)
# The patterns that end at the figure (``\Z``) are read backwards from it: ``match`` anchors them there, where a
# forward ``search`` would try them at every offset of the window.
_VERB_BEFORE = regex.compile(
    r"(?r)\b(?P<verb>cost|costs|costing|spend|spends|spent|spending|invest|invests|invested|investing|"
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
_UP_FROM = regex.compile(r"(?r)\b(?:up|down|rising|falling|increasing|decreasing|rose|fell|risen|fallen|compared|"
                         r"increased|decreased)\s+(?:(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent)\s+)?(?:from|on|with)\s+(?:(?:about|around|almost|nearly|some|just|"
                         r"roughly|over|more\s+than|less\s+than|an\s+estimated)\s+)?\Z", _I)
_PCT_CHANGE_BEFORE = regex.compile(
    r"(?r)\b(?P<d>up|down|rise|rising|increase|increasing|jump|fall|falling|drop|decrease|decline|reduction|cut)\s+"
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


# Runs of up to 12 words, read backwards from a position (with the part of a word right before it).
_WORDS_BACK = regex.compile(r"(?r)(?:[\w'’-]++\s++){0,12}[\w'’-]*+")
_WENT = regex.compile(r"went\s+(?:up|down)\b", _I)


def _at_word_start(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    r"""``pattern`` tried only where a run of ``[\w'’-]`` begins (see :func:`_search_from_words`)."""
    return regex.compile(r"(?<![\w'’-])(?:" + pattern.pattern + ")", pattern.flags)


def _search_from_words(pattern: regex.Pattern[str], at_word: regex.Pattern[str], text: str, pos: int,
                       end: int) -> regex.Match[str] | None:
    r"""``pattern.search(text, pos, end)`` for a pattern that starts with a run of ``[\w'’-]`` taken whole
    (possessively): tried at ``pos``, then only where such a run begins (``at_word``, from
    :func:`_at_word_start`). From inside a run it would match as from the run's start (or from ``pos``),
    tried before, so those offsets cannot give the first match; skipping them spares the pattern's work there."""
    m = pattern.match(text, pos, end)
    return m if m is not None else at_word.search(text, pos + 1, end)


_CHANGE_SUBJECT_AT_WORD = _at_word_start(_CHANGE_SUBJECT)


def first_change_subject(text: str, a: int, b: int, verbs: ChangeVerbs | None = None) -> regex.Match[str] | None:
    """``_CHANGE_SUBJECT.search(text, a, b)``, without trying the pattern at every offset.

    A match is words and spaces only and holds one of the words of ``_CHANGE_VERB``, at most its twelfth
    word (seven words of subject, then 'is set to also' and the verb), and it uses the first such word that
    can end it. So for each change word in turn, from the first: a match that ends with it starts at most
    twelve words before it, and ends where it ends ('went' with its 'up' or 'down'). The first of these
    bounded searches that finds a match finds the one the whole search finds: the words before it could not
    end a match from anywhere, and a match that reaches a later change word could have ended with this one.
    ``verbs`` gives the change words of the window, and the searches, when the caller keeps them for a text."""
    for verb in verbs.within(a, b) if verbs is not None else _CHANGE_VERB.finditer(text, a, b):
        end = verb.end()
        if verb.group().lower() == "went":
            went = _WENT.match(text, verb.start(), b)
            if went is None:
                continue
            end = went.end()
        back = _WORDS_BACK.match(text, a, verb.start())
        start = back.start() if back is not None else a
        if verbs is not None:
            m = verbs.subject(start, end)
        else:
            m = _search_from_words(_CHANGE_SUBJECT, _CHANGE_SUBJECT_AT_WORD, text, start, end)
        if m is not None:
            return m
    return None


def last_change_subject(text: str, a: int, b: int, verbs: ChangeVerbs | None = None) -> regex.Match[str] | None:
    """``last_match(_CHANGE_SUBJECT, text, a, b)``: the chain of :func:`first_change_subject` from ``a``."""
    m = None
    pos = a
    while True:
        nxt = first_change_subject(text, pos, b, verbs)
        if nxt is None:
            return m
        m = nxt
        pos = nxt.end()


@lru_cache(maxsize=16384)
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


_NUMBER_OF_WORDS = regex.compile(r"\b(?:the\s+)?(?:total\s+)?(?:number|numbers)\s+of\s+(?=\S)", _I)
_KEY_BREAK = regex.compile(r"[\s,]+")
_SPACES = regex.compile(r"\s+")


@lru_cache(maxsize=16384)
def measure_key(phrase: str) -> str:
    """Normalised key of a measure: lower case, straight apostrophes, no determiners or places, singular."""
    p = phrase.replace("’", "'").replace("‘", "'").strip()
    p = _PLACES.sub("", p)
    p = _NUMBER_OF_WORDS.sub("", p)
    for pat, repl in _SYNONYMS:
        p = pat.sub(repl, p)
    words = [w for w in _KEY_BREAK.split(p.lower()) if w and w not in _DETERMINERS]
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


def build_measure(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int],
                  cache: MeasureCache | None = None) -> tuple[str, str]:
    """(key, words as written) for figure ``i``. Both ends of a change share the better-described measure;
    a baseline ('up from 3.6 million') shares the measure of the figure it is compared with. ``cache`` keeps
    what a document's figures share (:class:`MeasureCache`)."""
    fig = figs[i]
    phrase, rank = _measure_phrase(text, figs, i, sent, cache)
    if fig.link is not None and fig.link_type == "change" and 0 <= fig.link < len(figs):
        other, orank = _measure_phrase(text, figs, fig.link, sent, cache)
        from_end = i if fig.link_role == "from" else fig.link
        mine_first = from_end == i
        if orank > rank or (orank == rank and not mine_first and orank > 0):
            phrase, rank = other, orank
    elif rank < 2 and _UP_FROM.match(text, max(sent[0], fig.start - 40), fig.start):
        for j in range(i - 1, -1, -1):
            if figs[j].start < sent[0]:
                break
            if figs[j].kind == fig.kind and figs[j].value is not None:
                other, orank = _measure_phrase(text, figs, j, sent, cache)
                if orank >= rank:
                    phrase, rank = other, orank
                break
    return measure_key(phrase), phrase


def _measure_phrase(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int],
                    cache: MeasureCache | None = None) -> tuple[str, int]:
    """(phrase, rank): rank 2 = described, 1 = only the counted noun, 0 = nothing but the unit or kind."""
    if cache is None:
        return _read_measure(text, figs, i, sent, None)
    key = (i, sent[0], sent[1])
    hit = cache.phrases.get(key)
    if hit is None:
        hit = cache.phrases[key] = _read_measure(text, figs, i, sent, cache)
    return hit


def _read_measure(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int],
                  cache: MeasureCache | None) -> tuple[str, int]:
    fig = figs[i]
    verbs = cache.verbs if cache is not None else None
    sa, sb = sent
    phrase = ""
    rank = 2
    if fig.kind == "count":
        lo = max(sa, fig.start - 200)
        low = text[lo:fig.start].lower()
        m = last_match(_NUMBER_OF, text, lo, fig.start) if any(map(low.__contains__, _NUMBER_OF_HINTS)) else None
        if m is not None:
            phrase = m.group("np").strip()
        elif fig.unit:
            phrase = _noun_phrase_after(text, _unit_end(text, fig, sb), sb, fig.unit)
            if phrase == fig.unit:
                rank = 1
        if not phrase:
            phrase = _subject_of_change(text, sa, fig.start, verbs) or ""
    elif fig.kind == "money":
        phrase = _money_phrase(text, figs, i, sa, sb, _text_before(text, figs, i, sa), verbs)
        if phrase and fig.rate == "year" and not _ANNUAL.search(phrase):
            phrase = "annual " + phrase
    elif fig.kind == "percent":
        change = last_change_subject(text, max(sa, fig.start - _WINDOW), fig.start, verbs)
        subj = _change_subject_np(change) if change is not None else None
        if change is not None and subj:
            # the direction of the same change whose subject is used, not of the sentence's first change
            direction = "decrease" if _FALLING_VERB.match(change.group("verb")) else "increase"
            phrase = f"{direction} in {subj}"
        else:
            ahead = text[fig.end:min(sb, fig.end + _WINDOW)]
            m = _SHARE_OF.match(ahead)
            ch = _PCT_CHANGE_BEFORE.match(text, max(sa, fig.start - 40), fig.start)
            if m:
                phrase = "share of " + m.group("np")
            elif ch:
                # 'a rise of 12% on the previous year', 'up 13% from £2.8bn': a change in the figure before
                prev = _previous(figs, i, sa, ("count", "money"))
                if prev is not None:
                    falling = _FALLING_CHANGE.match(ch.group("d"))
                    direction = "decrease" if falling else "increase"
                    phrase = f"{direction} in {_measure_phrase(text, figs, prev, sent, cache)[0]}"
    elif fig.kind == "ratio":
        m = _RATIO_OF.match(text[fig.end:min(sb, fig.end + _WINDOW)])
        if m:
            phrase = "times " + m.group("np").strip(" ,")
    if not phrase and fig.link is not None and figs[fig.link].unit and fig.kind == "count":
        phrase, rank = figs[fig.link].unit or "", 1
    if not phrase:
        phrase, rank = ("annual amount" if fig.kind == "money" and fig.rate == "year" else fig.unit or fig.kind), 0
    if not phrase.isprintable() or "  " in phrase:  # printable: no white space but ' '
        phrase = _SPACES.sub(" ", phrase)
    return phrase.strip(" ,"), rank


_ANNUAL = regex.compile(r"\bannual|\byearly", _I)
_FALLING_VERB = regex.compile(r"fell|fallen|falls|fall|dropped|drop|decreas|declin|halved|went\s+down|shrank|shrink|"
                              r"plummeted|cut", _I)
_FALLING_CHANGE = regex.compile(r"down|fall|drop|decreas|declin|reduc|cut", _I)
_SHARE_OF = regex.compile(r"\s+(?:of\s+)(?P<np>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)(?=\s+(?:who|that|are|were|is|was|have|"
                          r"had|will|would|could|in|on|at|by|with|[a-z]+ed)\b|[,.;:!?]|$)", _I)
_RATIO_OF = regex.compile(r"\s*(?P<np>(?:[\w'’,-]+\s+){0,10}?[\w'’-]+)(?=[.;:!?]|\s+(?:by|than|when|if)\b|$)")


def _text_before(text: str, figs: list[RawFigure], i: int, sa: int) -> str:
    """The text before figure ``i``, from the previous claim figure of its sentence (from ``sa``) not linked to
    it, at most ``_WINDOW`` characters."""
    fig = figs[i]
    prev_end = sa
    for j in range(i - 1, -1, -1):
        if figs[j].end <= sa:
            break
        if figs[j].end <= fig.start and figs[j].start >= sa and figs[j].kind in CLAIM_KINDS and \
                figs[j].link != i:
            prev_end = figs[j].end
            break
    return text[max(prev_end, fig.start - _WINDOW):fig.start]


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


def _money_phrase(text: str, figs: list[RawFigure], i: int, sa: int, sb: int, before: str,
                  verbs: ChangeVerbs | None = None) -> str:
    """What a sum of money is: the subject of a change, the noun after it ('a £4bn funding gap'), the noun
    phrase before it ('the annual costs from £10bn'), or the verb that moves it ('spent £11bn on X')."""
    fig = figs[i]
    m = last_change_subject(text, max(sa, fig.start - _WINDOW), fig.start, verbs)
    # the change must be this sum's: no other count or sum stands between its verb and the figure
    if m is not None and not _figure_between(figs, i, m.end()):
        subj = _change_subject_np(m)
        if subj:
            return subj
    vb = _VERB_BEFORE.match(text, max(sa, fig.start - 80), fig.start)
    verb = _VERB_NOUN.get(_SPACES.sub(" ", vb.group("verb").lower()), vb.group("verb")) if vb else None
    na = _NOUN_AFTER_MONEY.match(text, fig.end, sb)
    if na:
        noun = _canon_money(na.group("np"))
        if verb == "recommended investment" and noun in ("investment", "funding"):
            return verb
        return noun
    by = _BY_VERB.search(text, max(sa, fig.start - 120), fig.start)
    if by:
        return _BY_VERB_NOUN.get(by.group("verb").lower(), "cut")
    mb = _money_np_before(text, fig.start - len(before), fig.start) if before else None
    if mb and not _UP_FROM.match(before):
        np_ = _trim_np(mb.group("np"))
        rec = _RECOMMENDED.match(np_)
        if rec:
            return "recommended " + _canon_money(rec.group("n"))
        if np_:
            return _canon_money(np_)
    if verb:
        if verb == "spending":
            obj = _SPEND_OBJECT.match(text, fig.end, sb)
            if obj:
                return "spending on " + _trim_np(obj.group("np"))
        if _MORE.match(text[fig.end:fig.end + 12]):
            return "additional " + verb
        return verb
    return ""


_RECOMMENDED = regex.compile(r"^recommend(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:extra\s+|additional\s+)?(?P<n>.+)$",
                            _I)
_MORE = regex.compile(r"\s+more\b")
_ARTICLE = regex.compile(r"^(?:an?|the)\s+", _I)
_CANON_ORDER = sorted(_CANON_MONEY, key=len, reverse=True)
# Runs of up to 14 words back from a position: a match of _MONEY_NP_BEFORE has at most 13 (8 of noun phrase,
# 'will rise to', 'an estimated'), all words and spaces.
_WORDS_BACK_14 = regex.compile(r"(?r)(?:[\w'’-]++\s++){0,14}[\w'’-]*+")
_MONEY_NP_BEFORE_AT_WORD = _at_word_start(_MONEY_NP_BEFORE)


def _money_np_before(text: str, a: int, b: int) -> regex.Match[str] | None:
    """``_MONEY_NP_BEFORE.search(text[a:b])`` (offsets in ``text``), tried only where a match can start."""
    if _MONEY_LINK_BACK.match(text, a, b) is None:
        return None
    back = _WORDS_BACK_14.match(text, a, b)
    start = back.start() if back is not None else a
    return _search_from_words(_MONEY_NP_BEFORE, _MONEY_NP_BEFORE_AT_WORD, text, start, b)


@lru_cache(maxsize=4096)
def _canon_money(np_: str) -> str:
    """'an injection' -> 'investment', 'shortfall' -> 'funding gap' (the last word carries the meaning)."""
    np_ = _ARTICLE.sub("", np_.strip())
    low = np_.lower()
    for k in _CANON_ORDER:
        if low == k or low.endswith(" " + k):
            return np_[: len(np_) - len(k)] + _CANON_MONEY[k]
    return np_


# (a prefix tree: the engine reads a character once instead of trying each word in turn)
_CHANGE_VERB = regex.compile(r"\b(?:" + word_trie(
    "rise grow increase fall drop decrease decline double soar climb jump surge soared rose risen rises increased "
    "increases grew grown grows jumped climbed fell fallen falls dropped decreased decreases declined declines "
    "doubled halved went shrank surged plummeted".split()) + r")\b", _I)
_WORD_CHAR = regex.compile(r"\w")


class ChangeVerbs:
    """``_CHANGE_VERB.finditer(text, a, b)`` for the windows before the figures of one text: the windows of a
    sentence overlap, so its words are found once over the span they cover, and read from there; and the
    bounded searches for a change's subject, which the windows repeat, done once.

    The span grows to the right while the windows reach on from it, and starts anew where one does not. It
    ends where a window ends, not inside a word, so the words it holds are whole: those of a window are the
    ones that start in it (a window that ends inside a word, whose start alone could match, is searched)."""

    __slots__ = ("found", "hi", "lo", "starts", "subjects", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lo = self.hi = -1
        self.found: list[regex.Match[str]] = []
        self.starts: list[int] = []
        self.subjects: dict[tuple[int, int], regex.Match[str] | None] = {}

    def subject(self, pos: int, end: int) -> regex.Match[str] | None:
        """``_CHANGE_SUBJECT.search(text, pos, end)``, by :func:`_search_from_words`."""
        key = (pos, end)
        if key not in self.subjects:
            self.subjects[key] = _search_from_words(_CHANGE_SUBJECT, _CHANGE_SUBJECT_AT_WORD, self.text, pos, end)
        return self.subjects[key]

    def within(self, a: int, b: int) -> list[regex.Match[str]]:
        """The matches of ``_CHANGE_VERB`` in ``text[a:b]``."""
        text = self.text
        if 0 < b < len(text) and _WORD_CHAR.match(text, b - 1) and _WORD_CHAR.match(text, b):
            return list(_CHANGE_VERB.finditer(text, a, b))
        if not self.lo <= a <= self.hi:
            self.lo = self.hi = a
            self.found, self.starts = [], []
        if b > self.hi:
            new = list(_CHANGE_VERB.finditer(text, self.hi, b))
            self.found += new
            self.starts += [m.start() for m in new]
            self.hi = b
        return self.found[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]


@dataclass(slots=True)
class MeasureCache:
    """What the measures of one text's figures share: each figure's phrase (read for itself and for the figures
    linked with it) and the change words before them."""

    verbs: ChangeVerbs
    phrases: dict[tuple[int, int, int], tuple[str, int]] = field(default_factory=dict)


def _subject_of_change(text: str, sa: int, pos: int, verbs: ChangeVerbs | None = None) -> str | None:
    m = last_change_subject(text, max(sa, pos - _WINDOW), pos, verbs)
    return _change_subject_np(m) if m is not None else None


_DIGIT = regex.compile(r"\d")


def _change_subject_np(m: regex.Match[str]) -> str | None:
    """The subject of a change (a match of ``_CHANGE_SUBJECT``), unless it is a pronoun or holds a number."""
    np_ = _trim_np(m.group("np"))
    low = np_.lower()
    if not np_ or low in ("it", "they", "this", "that", "which", "there") or _DIGIT.search(np_):
        return None
    return np_


_ARTICLE_ANY = regex.compile(r"^(?:the|a|an)\s+", _I)
_NP_CUT = regex.compile(
    r"^.*\b(?:that|which|who|shows?|showed|found|finds|says?|said|warns?|warned|also|while|and|but|because|"
    r"calculated|estimates?|show|reveals?|suggests?|means|see|sees|(?<!(?:the|an|annual|total|lifetime|average|unit)\s)cost|"
    r"will|would|could|is|are|was|were|by|"
    r"as)\s+", _I,
)


@lru_cache(maxsize=4096)
def _trim_np(np_: str) -> str:
    np_ = _NP_CUT.sub("", np_.strip())
    np_ = _ARTICLE_ANY.sub("", np_)
    return np_.strip(" ,")


# ------------------------------------------------------------------------------------------------------
# time
# ------------------------------------------------------------------------------------------------------
def own_times(figs: list[RawFigure], i: int, times: list[TimePhrase], sent_end: int) -> list[TimePhrase]:
    """Time phrases that belong to figure ``i``: after it and before the next claim figure (or right before it)."""
    fig = figs[i]
    start, end = fig.start, fig.end
    reach = min(sent_end, end + 90)
    for j in range(i + 1, len(figs)):
        f = figs[j]
        if f.start >= reach:
            break
        if f.start >= end and f.kind in CLAIM_KINDS:
            reach = f.start
            break
    own = [t for t in times if end <= t.start < reach and t.mode != "rate"]
    if not own:
        own = [t for t in times if start - 4 <= t.end <= start and t.mode != "rate"]
    return own


# own_times of a text's figures, by (figure, sentence start, slice of the sentence's times): a figure's own times
# are read again for each of its neighbours
OwnedTimes = dict[tuple[int, int, int, int], list[TimePhrase]]


def _owned(figs: list[RawFigure], j: int, times: list[TimePhrase], sent: tuple[int, int],
           kept: tuple[OwnedTimes, int, int] | None) -> list[TimePhrase]:
    """``own_times(figs, j, times, sent[1])``; ``kept`` is a cache and the slice (lo, hi) of the sentence's times
    that ``times`` is (see :func:`claim_time`)."""
    if kept is None:
        return own_times(figs, j, times, sent[1])
    cache, lo, hi = kept
    key = (j, sent[0], lo, hi)
    own = cache.get(key)
    if own is None:
        own = cache[key] = own_times(figs, j, times, sent[1])
    return own


def _unowned_times(figs: list[RawFigure], i: int, times: list[TimePhrase], sent: tuple[int, int],
                   kept: tuple[OwnedTimes, int, int] | None = None) -> tuple[list[TimePhrase], list[TimePhrase]]:
    """The phrases before and after figure ``i`` that no other claim figure nearby owns (projections, 'by'
    and 'over', before it are shared)."""
    if not times:
        return [], []
    fig = figs[i]
    sa, sb = sent
    owned_elsewhere = {id(t) for j in range(max(0, i - 4), min(len(figs), i + 5)) if j != i and sa <= figs[j].start < sb
                       and figs[j].kind in CLAIM_KINDS for t in _owned(figs, j, times, sent, kept)}
    fronted = [t for t in times if t.end <= fig.start and t.mode != "rate"
               and (id(t) not in owned_elsewhere or t.relation in ("by", "over"))]
    later = [t for t in times if t.start >= fig.end and t.mode != "rate" and id(t) not in owned_elsewhere]
    return fronted, later


def claim_time(text: str, figs: list[RawFigure], i: int, sent: tuple[int, int], para: tuple[int, int],
               times: list[TimePhrase], prev_times: list[TimePhrase] | Callable[[], list[TimePhrase]],
               reference: int | None,
               reference_label: str | None, time_starts: list[int] | None = None, owned: OwnedTimes | None = None,
               ) -> tuple[str, int | str | None, str | None, str | None, bool]:
    """(relation, year, as_written, resolved_against, relative) for figure ``i``. ``time_starts`` are the
    start offsets of ``times``, when the caller keeps them for the many figures of one sentence, and ``owned``
    the figures' own times, when it keeps one list of times for each sentence of a text. ``prev_times``
    (the previous sentence's times, or a function giving them) are read only for a figure with no time near it."""
    fig = figs[i]
    sa = sent[0]
    # only the phrases near the figure: keeps the work per figure bounded in run-on 'sentences'
    starts = time_starts if time_starts is not None else [t.start for t in times]
    lo = bisect.bisect_left(starts, fig.start - 2 * _WINDOW)
    hi = bisect.bisect_right(starts, fig.end + 2 * _WINDOW)
    times = times[lo:hi]
    kept = (owned, lo, hi) if owned is not None else None
    # (with no time phrase near the figure, no figure owns one)
    own: list[TimePhrase] = []
    period = rate = None
    if times:
        own = _owned(figs, i, times, sent, kept)
        period = next((t for t in times if period_start_offset(t) is not None), None)
        rate = next((t for t in times if t.mode == "rate"), None)

    def out(t: TimePhrase, relation: str | None = None) -> tuple[str, int | str | None, str | None, str | None, bool]:
        # only 'that year' reads the last year written before it
        last = last_year_before(text, t.start, max(0, para[0] - 600, t.start - 2 * _WINDOW)) if t.mode == "that" \
            else None
        year = t.resolve(reference, last)
        relative = year is None and t.mode not in ("abs", "rate")
        label = reference_label if t.mode in ("fwd", "now") and year is not None else None
        return relation or t.relation, year, t.text, label, relative

    role = fig.link_role
    if role is None and _UP_FROM.match(text, max(sa, fig.start - 40), fig.start):
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
        fronted, later = _unowned_times(figs, i, times, sent, kept)
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
    fronted, later = _unowned_times(figs, i, times, sent, kept)  # (again, for a 'to' end that found no time above)
    if fronted:
        return out(fronted[-1])
    if later and fig.link_role is None:
        t = later[0]
        if t.relation in ("by", "over"):
            return out(t)
    # a future statement with no time of its own continues the previous sentence's projection
    if (callable(prev_times) or prev_times) and _FUTURE.search(text, max(sa, fig.start - _WINDOW), fig.start):
        by = [t for t in (prev_times() if callable(prev_times) else prev_times) if t.relation == "by"]
        if by:
            return out(by[-1])
    if rate is not None:
        return "per", None, rate.text, None, False
    return "at", None, None, None, False
