"""Noun phrases and clause edges over the tagged words of a sentence (:mod:`.words`).

A noun phrase is a run of adjectives and nouns ending in a noun ("children and family social workers"), with
the modifiers after it that belong to it: prepositional phrases ("in post", "with an EHC plan", "at risk of a
section 114 notice") and participles ("looked after", "placed with the private sector", "covered by agency
workers"). It stops at a figure, a time phrase, punctuation, a conjunction that does not join two nouns, and a
finite verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import Cues, default_cues
from .words import FIG, PUNCT, TIME, Word

CLAUSE_BREAKS = frozenset(",;:–—()[]•|\"“”?!")
MAX_WORDS = 14


@dataclass(slots=True)
class Phrase:
    """Words ``[start, end)`` of a sentence's word list, its head at ``head``."""

    start: int
    end: int
    head: int

    def words(self, ws: list[Word]) -> list[Word]:
        """The phrase's words."""
        return ws[self.start:self.end]


def cues_of(ws: list[Word]) -> Cues:
    """The cue words of the lexicon set ``ws`` was read with."""
    return getattr(ws, "cues", None) or default_cues()


def gerund(w: Word) -> bool:
    """Whether a word reads as an -ing form ('raising', 'funding'; not 'bring', 'thing', 'king')."""
    return w.low.endswith("ing") and len(w.low) > 5


def is_nominal(w: Word) -> bool:
    """A word that can stand in a noun phrase before its head (noun, adjective, name, possessive)."""
    if not w.content:
        return w.is_("G")
    return w.is_("N", "A") or gerund(w) or "-" in w.low


def is_noun(w: Word) -> bool:
    """A word that can head a noun phrase."""
    return w.content and (w.is_("N") or gerund(w))


def before_hedges(ws: list[Word], j: int) -> int:
    """Index of the last word at or before ``j`` that is no hedge ('more than', 'an estimated' before a figure)."""
    while j >= 0 and ws[j].is_("H") and not ws[j].content:
        j -= 1
    return j


def is_participle(w: Word) -> bool:
    """A past or present participle ('looked', 'placed', 'living')."""
    return w.content and w.is_("V") and (w.low.endswith(("ed", "ing", "en")) or w.low in ("held", "run", "left",
                                                                                            "paid", "made", "put"))


def likely_verb(ws: list[Word], i: int) -> bool:
    """Whether word ``i``, after a noun, reads as a finite verb ('social workers *left* their roles'): a verb
    form that is not only a noun, followed by a determiner, pronoun, figure, preposition or hedge."""
    w = ws[i]
    if not w.content or not w.is_("V"):
        return False
    if not w.is_("N", "A"):
        return True
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if nxt is None:
        return False
    prev = ws[i - 1] if i > 0 else None
    if prev is not None and ((prev.is_("D") and not prev.content) or (prev.is_("A") and (
            not prev.is_("V") or (i > 1 and ws[i - 2].is_("D") and not ws[i - 2].content)))):
        return False  # 'the annual costs', 'the costs', 'the average cost': a noun after a determiner or adjective
    past = w.low.endswith("ed") or w.low in ("left", "rose", "fell", "put", "cost", "made", "held", "took", "grew",
                                             "paid", "spent", "leapt", "shot", "hit", "found", "showed")
    third = w.low.endswith("s") and not w.low.endswith("ss")
    if (past or third) and w.low in cues_of(ws).copula and prev is not None and is_noun(prev):
        return True  # a linking verb after its subject: 'the list *remains* far above', 'the rate *remained* at
    if prev is not None and prev.is_("N") and prev.low.endswith("s") and \
            not prev.low.endswith(("'s", "’s", "ss", "us", "is")) and not prev.text.isupper() and not third and \
            not past and \
            not w.low.endswith("ing") and nxt.is_("D", "N", "A", FIG) and not nxt.is_("X"):
        # a plural subject and a verb that agrees with it: 'councils hold schools deficits'; not a noun of a
        # compound whose clause has its verb group further on ('schools grant deficits held by councils *could*
        # hit £4.6bn')
        return not _auxiliary_ahead(ws, i + 1)
    k = i + 1
    while k < len(ws) - 1 and ws[k].is_("R", "E") and not ws[k].is_("N") and k - i <= 2:
        k += 1  # ('fell slightly to 83,630')
    if (past or third) and ws[k].low in ("to", "by") and k + 1 < len(ws) and \
            (ws[k + 1].is_(FIG, "H") or ws[k + 1].text in "£$€"):
        return True  # 'spending rose to £4bn', 'unemployment rate rises to 4.4%', 'fell slightly to 83,630'
    nexts = ("D", "O", FIG, "H", "P") if past else ("D", "O", FIG, "H")  # ('academy trusts in the region')
    return (past or third) and (nxt.is_(*nexts) or nxt.low in ("up", "down")) and \
        not (nxt.is_("X") and not nxt.content) and nxt.low not in ("of", "per")  # ('the lifetime costs of ...',
    # 'unit cost per place': a noun)


def _auxiliary_ahead(ws: list[Word], i: int, most: int = 8) -> bool:
    """Whether an auxiliary ('could', 'will', 'have') follows within ``most`` words from ``i`` with only the words
    of a noun phrase between: nouns, adjectives, participles, determiners and prepositions, no punctuation,
    conjunction, relative word or figure (so the clause's finite verb is still to come)."""
    for k in range(i, min(len(ws), i + most)):
        w = ws[k]
        if w.is_("X") and not w.content:
            return k > i
        if w.is_(FIG, TIME, PUNCT, "C", "W", "O") or w.low in cues_of(ws).relative or \
                not (w.content or w.is_("D", "P")):
            return False  # (a relative clause: 'deficits *that* could hit')
    return False


def noun_chain(ws: list[Word], i: int, limit: int) -> Phrase | None:
    """The run of premodifiers and nouns from word ``i`` (after determiners and hedges), ending in its last noun;
    'and'/'or' joins two nouns ('children and family social workers')."""
    while i < limit and not ws[i].content and not ws[i].is_("G") and (ws[i].is_("D", "H") or (
            ws[i].is_("E") and i + 1 < limit and ws[i + 1].content and ws[i + 1].is_("N", "A"))):
        i += 1  # (and an adverb before a noun: 'the rise in *overall* school funding')
    if i > 0 and ws[i - 1].is_("D") and inner_number(ws, i):
        i += 1  # a number inside the phrase: 'the 276 independent fostering agencies', 'the 20 largest providers'
    start = i
    head = -1
    j = i
    while j < limit and j - start < MAX_WORDS:
        w = ws[j]
        if head >= 0 and _to_come(ws, j, limit):
            break  # 'deficits *due to* land on balance sheets', 'costs *set to* rise': what is to come of them
        if w.is_("C") and w.low in ("and", "or", "&") and head == j - 1 and j + 1 < limit and \
                is_nominal(ws[j + 1]) and not ws[j + 1].is_(FIG) and not _gerund_clause(ws, j + 1, limit):
            j += 1
            continue
        if w.is_("G") and head == j - 1:
            j += 1
            continue
        if w.is_("H") and not w.content and head == j - 1 and ws[head].low.endswith(("'s", "’s")) and \
                j + 1 < limit and is_nominal(ws[j + 1]) and not ws[j + 1].is_(FIG):
            j += 1  # a word of the figures' hedges after a possessive ("the council's *new* contract")
            continue
        if w.text == "," and head == j - 1 and ws[j - 1].text[:1].isupper() and j + 1 < limit and \
                ws[j + 1].text[:1].isupper() and ws[j + 1].is_("N") and not ws[j + 1].is_(FIG, TIME):
            j += 1  # a name with a list in it: 'an Education, Health and Care (EHC) plan'
            continue
        if w.text == "(" and head == j - 1:
            close = _short_bracket(ws, j, limit)
            if close is not None:  # 'the full-time equivalent (FTE) vacancy rate', 'agencies (IFAs) in ...'
                j = close + 1
                continue
        if _premodifier(ws, j, limit):
            j += 1
            continue
        if not is_nominal(w) or (head >= 0 and likely_verb(ws, j)):
            break
        if is_noun(w):
            head = j
        j += 1
    if head < 0:
        return None
    return Phrase(start, head + 1, head)


def _to_come(ws: list[Word], j: int, limit: int) -> bool:
    """Whether word ``j`` is a word of ``future_to`` or ``likelihood`` before 'to' ('due to', 'set to')."""
    c = cues_of(ws)
    return j + 1 < limit and ws[j + 1].low == "to" and (ws[j].low in c.future_to or ws[j].low in c.likelihood)


def _gerund_clause(ws: list[Word], i: int, limit: int) -> bool:
    """Whether word ``i`` opens a clause of its own: an -ing form with a determiner after it ('... and
    *strengthening the* mission'), not a noun joined to the one before."""
    return ws[i].low.endswith("ing") and i + 1 < limit and ws[i + 1].is_("D") and not ws[i + 1].content


def inner_number(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` is a plain number after a determiner and before an adjective or noun, so part of a
    noun phrase ('the 38 county and largest unitary authorities'), not a figure that ends one."""
    w = ws[i]
    return w.is_(FIG) and w.text.replace(",", "").isdigit() and i > 0 and ws[i - 1].is_("D") and \
        i + 1 < len(ws) and ws[i + 1].content and ws[i + 1].is_("A", "N") and not ws[i + 1].is_(FIG)


def _short_bracket(ws: list[Word], j: int, limit: int) -> int | None:
    """Index of the ')' closing a bracket at ``j`` that holds one to three words and no figure (an acronym or
    gloss: '(FTE)', '(EHC)'), or None."""
    k = j + 1
    while k < limit and k - j <= 4 and ws[k].text != ")":
        if ws[k].is_(FIG, TIME) or (ws[k].is_(PUNCT) and ws[k].text != "-"):
            return None
        k += 1
    return k if k < limit and ws[k].text == ")" and k > j + 1 else None


def _premodifier(ws: list[Word], j: int, limit: int) -> bool:
    """A participle, its particle or an adverb before a noun: 'looked after children', 'privately owned
    homes', 'independently run residential care'."""
    w = ws[j]
    nxt = ws[j + 1] if j + 1 < limit else None
    if nxt is None or (not w.content and w.low not in ("after",)):
        return False
    if w.low == "after":
        return j > 0 and is_participle(ws[j - 1]) and is_nominal(nxt) and not nxt.is_(FIG)
    if w.low.endswith("ly") and w.is_("R") and (is_participle(nxt) or nxt.is_("A")):
        return True
    if is_participle(w) and not w.is_("N", "A") and (nxt.low == "after" or (is_nominal(nxt) and not nxt.is_(FIG)
                                                     and not likely_verb(ws, j + 1))):
        return w.low.endswith(("ed", "en")) or w.low in ("run", "held", "left", "paid", "made")
    return False


def noun_phrase(ws: list[Word], i: int, limit: int, post: int = 2, predicate: bool = False,
                participles: bool = True, late: bool = True) -> Phrase | None:
    """The noun phrase from word ``i`` with up to ``post`` modifiers after it; ``predicate`` also takes a
    copula and what it says ('were issued inside the target', 'are at risk of ...'), without the copula, also
    after a prepositional phrase when ``late``; ``participles`` False leaves out a participle right after the
    noun (it is the clause's verb)."""
    core = noun_chain(ws, i, limit)
    if core is None:
        return None
    end = core.end
    if post and end < limit and ws[end].text == "(":
        close = _short_bracket(ws, end, limit)  # 'agencies (IFAs) in private ownership'
        if close is not None and _modifier(ws, close + 1, limit, False) is not None:
            end = close + 1
    for _ in range(post):
        if not participles and not predicate and end < limit and is_participle(ws[end]):
            break
        nxt = _modifier(ws, end, limit, predicate) if not _to_come(ws, end, limit) else None
        if nxt is None and predicate and end < limit and ws[end].is_(TIME):
            k = end
            while k < limit and ws[k].is_(TIME):
                k += 1  # (past a time phrase to what the clause says: 'half of the rise since 2015 has been spent')
            nxt = _modifier(ws, k, limit, predicate) if k < limit and not ws[k].is_(PUNCT) else None
        if nxt is None:
            break
        # (what the clause says may follow a prepositional phrase: 'half of the rise in funding has been spent on')
        predicate = predicate and late and not (ws[end].low in cues_of(ws).copula or ws[end].is_("X", "V"))
        end = nxt
    return Phrase(core.start, end, core.head)


def relative_clause(ws: list[Word], j: int, limit: int) -> int | None:
    """The end of a short relative clause at word ``j`` ('who have lived experience of children's social care',
    'who grow up in care', 'that are single providers'): the relative word, auxiliaries, a verb, its particle
    and its object or prepositional phrase; None when there is none."""
    if j >= limit or ws[j].low not in cues_of(ws).relative:
        return None
    k = j + 1
    while k < limit and k - j < 4 and ((ws[k].is_("X") and not ws[k].content) or (ws[k].is_("E", "R") and
                                                                                 not ws[k].is_("N"))):
        k += 1
    if k >= limit or ws[k].is_(FIG, TIME, PUNCT) or (not (ws[k].content and (ws[k].is_("V") or ws[k].is_("A"))) \
            and not (k > j + 1 and ws[k].content)):
        return None
    k += 1
    if k < limit and ws[k].low in cues_of(ws).particle and ws[k].low not in cues_of(ws).post_prep:
        k += 1
    if k < limit and ws[k].low in cues_of(ws).post_prep | {"by", "to", "from", "as"} and not ws[k].is_(TIME, FIG):
        inner = noun_phrase(ws, k + 1, limit, post=1)
        return inner.end if inner is not None else k
    inner = noun_phrase(ws, k, limit, post=1)
    return inner.end if inner is not None else k


_SEMI_MODAL = frozenset("have has had need needs going able likely due".split())
#: the forms of "have" as a verb of possession (what a subject has: its counts, its service)
POSSESSION = frozenset("have has had".split())


def verb_phrase(ws: list[Word], j: int, limit: int, most: int = 10) -> int | None:
    """The end of what a clause says of its subject, from word ``j``: auxiliaries, a verb (or a participle,
    preposition or adjective after a copula) and what follows it up to ``most`` words, a clause break, a
    figure or a time ('would go bust if the mechanism were removed', 'were issued inside the target', 'are at
    risk of issuing a section 114 notice'); None when no verb or predicate follows."""
    k = j
    while k < limit and k - j < 5 and not _possessed(ws, j, k, limit) and \
            ((ws[k].is_("X") and not ws[k].content) or ws[k].low in cues_of(ws).copula or
                                       (ws[k].is_("E", "R") and not ws[k].is_("N", "V")) or
                                       (ws[k].low == "to" and k > j and ws[k - 1].low in _SEMI_MODAL) or
                                       _time_in_verb_group(ws, j, k, limit)):
        k += 1  # (and the 'to' of 'would have to', 'are likely to')
    if k < limit and _possessed(ws, j, k, limit):
        k -= 1  # 'have' as the verb itself: 'have a second job', 'have less than five years' service'
    if k >= limit or ws[k].is_(FIG, TIME, PUNCT):
        return None
    w = ws[k]
    if w.low in POSSESSION and k + 1 < limit and not ws[k + 1].is_(FIG, TIME, PUNCT):
        pass
    elif not ((w.content and w.is_("V", "A")) or (k > j and (w.low in cues_of(ws).post_prep or w.content))):
        return None  # (after a copula, a noun too: 'were single-school trusts')
    end = k + 1
    c = cues_of(ws)
    stop = c.verb_phrase_stop
    while end < limit and end - k < most:
        x = ws[end]
        if x.is_(FIG, TIME) or (x.is_(PUNCT) and x.text in CLAUSE_BREAKS | {".", "?", "!"}) or \
                x.low in ("each", "every", "per") or \
                (x.low in stop and not (x.low == "and" and end + 1 < limit and ws[end + 1].is_("N", "A")
                                        and not ws[end + 1].is_("V", "X"))):
            break
        end += 1
    while end > k + 1 and not ws[end - 1].content and not (ws[end - 1].low in c.particle and ws[end - 2].content):
        end -= 1  # (not ending on a function word, but on a particle: 'looked after')
    return end


def _possessed(ws: list[Word], j: int, k: int, limit: int) -> bool:
    """Whether word ``k`` is what a 'have' right before it has ('have *a* second job', 'have *less* than ...'):
    no verb, auxiliary or adverb before a verb ('have *already* cut')."""
    if not (k > j and ws[k - 1].low in POSSESSION) or ws[k].is_("X", "V", FIG, TIME, PUNCT):
        return False
    return not (ws[k].is_("E", "R") and k + 1 < limit and ws[k + 1].content and ws[k + 1].is_("V"))


def _time_in_verb_group(ws: list[Word], j: int, k: int, limit: int) -> bool:
    """Whether word ``k`` is a time of one word between an auxiliary and the verb ('are *now* waiting', 'have
    *today* announced'): the clause's time, no end of its verb group."""
    return k > j and ws[k].is_(TIME) and ws[k].low.isalpha() and not ws[k - 1].is_(TIME) and k + 1 < limit \
        and ws[k + 1].content and ws[k + 1].is_("V") and not ws[k + 1].is_(TIME)


def _modifier(ws: list[Word], j: int, limit: int, predicate: bool) -> int | None:
    """The end of a modifier that starts at word ``j``, or None."""
    if j >= limit:
        return None
    w = ws[j]
    if w.low in cues_of(ws).relative and j + 1 < limit and not ws[j + 1].is_(FIG, TIME, PUNCT):
        return relative_clause(ws, j, limit)
    if predicate and (w.low in cues_of(ws).copula or (w.is_("X") and not w.content) or (w.content and w.is_("V"))):
        return verb_phrase(ws, j, limit)
    if w.low in cues_of(ws).post_prep and not w.is_(TIME, FIG):
        k = j + 1
        if w.low == "out" and k < limit and ws[k].low == "of":
            k += 1
        inner = noun_phrase(ws, k, limit, post=1 if w.low in ("of", "at", "on") else 0)
        if inner is None:
            return None
        return inner.end
    if is_participle(w) and not w.is_(TIME):
        k = j + 1
        if k < limit and ws[k].low in cues_of(ws).particle and ws[k].low not in cues_of(ws).post_prep:
            k += 1
        if k < len(ws) and (ws[k].is_(FIG) or (ws[k].is_("D", "O") and not ws[k].content)):
            return None  # a verb and its object ('made up 17.8%', 'left their roles'), not a modifier
        if k < limit and ws[k].low in cues_of(ws).post_prep | {"by", "to", "from", "as"}:
            if ws[k].low in ("after",):
                return k + 1
            inner = noun_phrase(ws, k + 1, limit, post=1)
            return inner.end if inner is not None else (k if k > j + 1 else None)
        if k > j + 1:
            return k
        inner = noun_phrase(ws, k, limit, post=0)
        return inner.end if inner is not None and w.low.endswith("ing") else None
    return None


def clause_start(ws: list[Word], i: int, floor: int = 0) -> int:
    """Index of the first word of the clause that holds word ``i``: after the last break (punctuation, a
    conjunction, a relative word) before it."""
    memo = getattr(ws, "memo", None)
    if memo is None:
        return _clause_start(ws, i, floor)
    key = ("clause", i, floor)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _clause_start(ws, i, floor)
    return hit


def _clause_start(ws: list[Word], i: int, floor: int) -> int:
    j = i - 1
    while j >= floor:
        w = ws[j]
        if w.is_(PUNCT) and w.text == "(" and j == i - 1:
            j -= 1  # a figure in brackets belongs to the clause before it: 'lowest in the North East (8.7%)'
            continue
        if w.is_(PUNCT) and w.text == ")":
            k = j - 1
            while k > floor and ws[k].text != "(" and j - k < 8:
                k -= 1
            if ws[k].text == "(" and j - k < 8:  # a short bracket ('(UC)', '(EHC)') is part of the clause
                j = k - 1
                continue
        if w.is_(TIME, FIG):
            j -= 1
            continue
        if w.text == "," and j > floor and ws[j - 1].text[:1].isupper() and j + 1 < i and \
                ws[j + 1].text[:1].isupper() and ws[j - 1].is_("N") and ws[j + 1].is_("N"):
            j -= 1  # a comma inside a name: 'an Education, Health and Care plan'
            continue
        if w.low == "that" and j > floor and ws[j - 1].is_("P") and not ws[j - 1].content:
            j -= 1  # a determiner after a preposition, no clause: 'capacity at that date was 89,500'
            continue
        if (w.is_(PUNCT) and w.text in CLAUSE_BREAKS) or w.is_("W") or w.low in ("and", "but", "while", "whereas",
                                                                                "because", "as", "although", "that"):
            if w.low == "and" and j > floor and ws[j - 1].content and j + 1 < i and ws[j + 1].content and \
                    not ws[j + 1].is_("V"):
                j -= 1
                continue
            return j + 1
        j -= 1
    return floor


def subject(ws: list[Word], start: int, limit: int, framing: frozenset[str] = frozenset()) -> Phrase | None:
    """The first noun phrase of the words ``[start, limit)`` (a clause's subject), with its modifiers, skipping
    leading prepositions, hedges, adverbs and pronouns."""
    i = start
    if start > 0 and ws[start - 1].low in cues_of(ws).demonstrative and _verb_after(ws, start, limit):
        return None  # (a clause read from after 'that')
    while i < limit:
        w = ws[i]
        if w.low in cues_of(ws).demonstrative and _verb_after(ws, i + 1, limit):
            return None  # 'That leaves England with £9.8bn': a pronoun subject and its verb, no noun phrase
        if w.is_(FIG, TIME) or (w.is_("P", "D", "H", "E", "R", "X") and not is_noun(w)) or w.is_(PUNCT) \
                or w.low in ("there",):
            i += 1
            continue
        if w.is_("O") and i > start and ws[i - 1].is_("P"):
            i += 1  # the object of an opening preposition: 'Between them the 21 largest companies held ...'
            continue
        if i == start and w.low in framing and w.is_("V") and i + 1 < limit:
            i += 1  # a clause opened by the verb of its source ('..., said the shortfall would rise to £3.9bn')
            if ws[i].low == "that":
                i += 1
            continue
        if w.is_("O", "W", "X") or w.low in cues_of(ws).opening:
            return None
        n = i + 1
        while n < limit and ws[n].is_(FIG):
            n += 1  # (past a count: 'recruiting 4,000 more teachers')
        if w.content and gerund(w) and w.is_("V") and n < limit and ws[n].is_("D", "N", "A", "H") and \
                not likely_verb(ws, n):  # (not 'Spending rose to £4bn')
            # a gerund and its object: 'raising the UC standard allowance', 'abolishing the policy'
            obj = noun_phrase(ws, n, limit, post=1)
            if obj is not None and obj.end < limit and ws[obj.end].low in framing:
                i = _after_source(ws, obj.end, limit)  # ('Policing minister Chris Philp told MPs ...': a source)
                continue
            if obj is not None:
                return Phrase(i, obj.end, obj.head)
        p = noun_phrase(ws, i, limit, post=2)
        inner = next((k for k in range(i, p.end) if ws[k].low in framing), None) if p is not None else None
        if inner is not None and p is not None and inner == p.head == p.end - 1 == limit - 1 and inner > i and \
                limit < len(ws) and ws[limit].content and ws[limit].is_("V"):
            inner = None  # the head right before the clause's verb is a noun: 'benefit *claims* rose by 9%'
        if inner is not None:
            i = inner + 1  # 'Our latest research also shows spending on ...': the verb was read as a noun
            continue
        if p is not None and p.end < limit and ws[p.end].low in framing:
            i = _after_source(ws, p.end, limit)  # 'the data show ...', 'the LGA estimates that ...': the source
            continue
        source = _framing_after_participle(ws, p.end, limit, framing) if p is not None else None
        if source is not None:
            i = _after_source(ws, source, limit)  # 'Projections published today show ...': the source
            continue
        if p is not None and i > start + 1 and ws[i - 1].is_("P") and ws[i - 2].is_(FIG):
            i = p.end  # a figure's own noun ('from 16.3 *per social worker* in 2021 to 16.6'): no subject
            continue
        if p is not None and p.end <= limit:
            return p
        return None
    return None


def _framing_after_participle(ws: list[Word], k: int, limit: int, framing: frozenset[str]) -> int | None:
    """The framing verb after a noun phrase and a participle's short phrase ('projections *published
    alongside this announcement* show'), if there is one within six words, no punctuation or other verb
    between."""
    if k >= limit or not ws[k].low.endswith("ed") or not is_participle(ws[k]):
        return None
    for q in range(k + 1, min(limit, k + 7)):
        w = ws[q]
        if w.low in framing and w.is_("V"):
            return q
        if w.is_(PUNCT, FIG) or (w.is_("V", "X") and not w.is_("N", "A")):
            return None
    return None


def _after_source(ws: list[Word], verb: int, limit: int) -> int:
    """The first word after the verb of a source at ``verb`` and after whom it was told, when a noun phrase with
    a determiner follows that ('told *MPs* the uplift had cost ...'): where the reported clause starts."""
    i = verb + 1
    told = noun_phrase(ws, i, limit, post=0) if i < limit and ws[i].content and is_noun(ws[i]) else None
    if told is not None and told.end < limit and ws[told.end].is_("D") and not ws[told.end].content:
        return told.end
    return i


def _verb_after(ws: list[Word], i: int, limit: int) -> bool:
    """Whether word ``i`` is a verb in the third person after a pronoun standing alone ('that *leaves* England',
    'this *gives* councils'): a verb form ending in -s followed by a determiner, pronoun, figure or name."""
    if i + 1 >= limit:
        return False
    w, nxt = ws[i], ws[i + 1]
    singular = i > 0 and ws[i - 1].low in ("this", "that")  # ('these costs', 'those needs': plural nouns)
    return singular and w.content and w.is_("V") and w.low.endswith("s") and not w.low.endswith("ss") and \
        (nxt.is_("D", "O", FIG) or (nxt.content and nxt.is_("N") and (nxt.low.endswith("s") or
                                                                      nxt.text[:1].isupper())))


def noun_phrases(ws: list[Word], start: int, end: int, post: int = 1) -> list[Phrase]:
    """The noun phrases of ``ws[start:end]`` in order (each with up to ``post`` modifiers after it), not
    overlapping."""
    out: list[Phrase] = []
    i = start
    while i < end:
        w = ws[i]
        p = noun_phrase(ws, i, end, post=post) if w.content and is_nominal(w) and not w.is_(FIG, TIME) and \
            not _relative_verb(ws, i) else None
        if p is not None and p.end > i:
            out.append(p)
            i = p.end
        else:
            i += 1
    return out


def _relative_verb(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` is the verb of a relative clause opened after a noun (``claim_cues`` role 'relative': 'the
    loophole that *stops* spiralling deficits ...'), not a noun phrase of its own."""
    w = ws[i]
    return i >= 2 and ws[i - 1].low in cues_of(ws).relative and is_noun(ws[i - 2]) and w.is_("V") and \
        w.low.endswith(("s", "ed")) and not w.low.endswith("ss")


def antecedent(text: str, ws: list[Word], start: int, end: int, plural: bool, last: bool) -> str | None:
    """What a pronoun in or after ``ws[start:end]`` stands for: the last (``last``) or first noun phrase there with
    a plural head when ``plural``, as written; None when there is none."""
    found = [p for p in noun_phrases(ws, start, end, post=0 if plural else 1)
             if not plural or (ws[p.head].low.endswith("s") and not ws[p.head].low.endswith("ss"))]
    if not found:
        return None
    words = phrase_text(text, ws, found[-1] if last else found[0])
    return words or None


def phrase_text(text: str, ws: list[Word], p: Phrase) -> str:
    """The words of a phrase as written, without leading determiners and hedges or trailing function words."""
    a, b = p.start, p.end
    while a < b and ((ws[a].is_("D", "H", "P", "C") and not ws[a].content) or ws[a].is_(PUNCT, TIME, FIG)):
        a += 1
    while b > a and (ws[b - 1].is_("P", "C", "D", "X", "W", PUNCT, TIME, FIG) and not ws[b - 1].is_("G")
                     and not ws[b - 1].content) and not (b - 2 > a and ws[b - 1].low in cues_of(ws).particle
                                                         and is_participle(ws[b - 2])):
        b -= 1  # (but a participle keeps its particle: 'children looked after')
    if a >= b:
        return ""
    parts: list[str] = []
    for k in range(a, b):
        w = ws[k]
        if w.is_(TIME, FIG) or (w.is_("X") and k > a):
            continue
        if w.is_(PUNCT) and w.text in "()":
            continue
        if parts and (w.is_("G") or (w.is_(PUNCT) and w.text in ",")) and ws[k - 1].end == w.start:
            parts[-1] += w.text
        else:
            parts.append(w.text)
    return " ".join(parts)
