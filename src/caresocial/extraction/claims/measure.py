"""What a figure measures: the noun phrase it quantifies, read from the tagged words of its sentence.

* a count: the counted noun with its modifiers ("31,600 children and family social workers in post"), or what
  'the number of' names; with no noun after it, the subject of its clause ("leavers numbered 5,400");
* money and percentages: 'X of' what follows ("£6bn of SEND deficits", "43% of local authorities at risk of
  ..." -> "share of local authorities at risk of ..."), the noun phrase before 'of' ("deficits of £2bn"), the
  subject of the clause ("the high needs deficit ... could reach £4bn"), the object of spending ("spent £1.5bn
  on residential care" -> "spending on residential care"), or what a cost is the cost of ("abolishing the
  policy would cost £2bn" -> "cost of abolishing the policy");
* a change: "change in" the measure that moved ("a 25% increase in recruitment" -> "change in recruitment").

Each reading gives a rank: 2 described, 1 a bare noun, 0 nothing (no measure: never a unit standing in for one).
"""

from __future__ import annotations

from ...lexicons import Lexicons
from .aspect import Aspect
from .objects import assessed_measure, object_before_to, object_measure, purpose_measure
from .phrases import (
    POSSESSION,
    Phrase,
    before_hedges,
    clause_start,
    cues_of,
    is_noun,
    noun_phrase,
    phrase_text,
    relative_clause,
    subject,
    verb_phrase,
)
from .reading import (
    TARGET,
    Reading,
    clause_subject,
    fig_after,
    next_figure,
    number_of,
    phrase_ending,
    phrase_to,
    pronoun_subject,
    read_phrase,
)
from .vocab import Vocab, vocabulary
from .words import FIG, PUNCT, TIME, Word


def count_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """The measure of a count."""
    cs = clause_start(ws, first)
    hit = number_of(v, text, ws, cs, first)
    if hit is not None:
        return hit
    k = fig_after(ws, last)
    extra = ""
    if k < len(ws) and ws[k].low in ("more", "additional", "extra", "further", "fewer", "new", "other"):
        extra = ws[k].text + " "  # '13,000 more children's social workers': additional ones
        k += 1
    elif first >= 2 and ws[first - 1].low in ("additional", "extra", "further") and ws[first - 2].low in ("an", "a"):
        extra = ws[first - 1].text + " "  # 'an extra 540,000 workers'
    if k < len(ws) and ws[k].low == "of" and k + 1 < len(ws) and ws[k + 1].low in v.pronouns:
        return None
    if k + 1 < len(ws) and ws[k].low == "of" and ws[k + 1].is_("D") and not ws[k + 1].content:
        # a part of a whole ('Twenty-six of the largest councils may be forced to ...'): those of the whole the
        # clause says something of
        part = share_measure(text, ws, first, last, v)
        if part is not None and part.text.startswith("share of "):
            return Reading(part.text[len("share of "):], part.rank, head=part.head)
    if k < len(ws) and ws[k].low in ("who", "that", "which"):
        # '2,000 people ..., and more than 2,800 who work in the system': the noun is left out
        end = relative_clause(ws, k, next_figure(ws, k))
        words = phrase_text(text, ws, Phrase(k, end, k)) if end is not None else ""
        return Reading(words, 0, elided=True) if words else None
    # the count as the subject of its clause ('4,995 social workers left their roles'): its verb is no modifier
    lead = all(not w.content or w.low in ("there",) for w in ws[cs:first])
    limit = next_figure(ws, k)
    p = noun_phrase(ws, k, limit, post=2, participles=not lead)
    bare = p is not None and (p.end - p.start == 1 or (p.end - p.start == 2 and ws[p.start].low in v.unit))
    if lead and p is not None and (bare or (
            p.end + 1 < limit and ws[p.end].low in cues_of(ws).copula and ws[p.end + 1].low in cues_of(ws).post_prep)):
        # (and a noun with its modifiers before a copula and a place or state: '3.17 million households in
        # England were in fuel poverty')
        # a bare noun, the subject: with what the clause says of it ('10,000 additional children will have
        # become looked after', '82,170 children looked after in England')
        p = noun_phrase(ws, k, limit, post=2, predicate=True) or p
    hit = read_phrase(v, text, ws, p)
    if hit is not None:
        hit = Reading(extra + hit.text, hit.rank, head=hit.head) if extra else hit
        return hit if lead else with_doer(text, ws, first, hit, v)
    if first >= 2 and ws[first - 1].low == "of" and is_noun(ws[first - 2]):
        # 'a waiting list of 7.6 million', 'a shortfall of 13,000': the noun the count is the size of
        named = read_phrase(v, text, ws, phrase_to(ws, cs, first - 2))
        if named is not None:
            return named
    return clause_subject(text, ws, cs, first, 1, v=v)


def quantity_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """The measure of a quantity, whose noun after the number is its unit: what the unit is 'of' ('1.5 million
    tonnes of food is wasted'), the subject a level verb states it of ('Leakage stood at 2,900 megalitres a
    day'), past a rate after the unit; else the unit as a counted noun ('firms lost 3,000 megalitres' ->
    'megalitres lost by firms')."""
    k = fig_after(ws, last)
    limit = next_figure(ws, k)
    if k + 1 < limit and ws[k].low in ("a", "an", "per", "each", "every") and ws[k + 1].low in v.periods:
        k += 2
    if k < limit and ws[k].low == "of":
        hit = read_phrase(v, text, ws, noun_phrase(ws, k + 1, limit, post=2, predicate=True))
        if hit is not None:
            return with_doer(text, ws, first, hit, v)
    unit = text[ws[first].start:ws[last].end].split()[-1]
    if not unit.isalpha():  # (a unit apart from the number: '16.3 per social worker')
        return count_measure(text, ws, first, last, v=v)
    j = first - 1
    while j >= 0 and ((ws[j].is_("H", "D") and not ws[j].content) or ws[j].low == "at"):
        j -= 1
    if j >= 0 and (ws[j].low in v.level_verbs or ws[j].low in cues_of(ws).copula):
        hit = clause_subject(text, ws, clause_start(ws, j), j, v=v)
        if hit is not None:
            return hit
    return with_doer(text, ws, first, Reading(unit, 1), v)


def _described_before(text: str, ws: list[Word], first: int, v: Vocab) -> Reading | None:
    """A noun the figure is the expected level of, in a reduced relative clause: 'run up *deficits* likely to come
    to £3.3bn', 'high needs *deficits* – projected to climb to a total of £5bn –' (a word of ``future_to`` or
    ``likelihood`` before 'to', a verb of level or change, and at most 'a total of' between it and the figure)."""
    j = first - 1
    while j >= 0 and first - j <= 6 and ((ws[j].is_("H", "D", "P") and not ws[j].content) or
                                         ws[j].low in v.level_verbs or ws[j].low == "total"):
        j -= 1
    c = cues_of(ws)
    if j < 1 or (ws[j].low not in c.future_to and ws[j].low not in c.likelihood) or ws[j + 1].low != "to" or \
            not any(w.low in v.level_verbs for w in ws[j + 2:first]):
        return None
    k = j - 1
    while k >= 0 and (ws[k].text in ",–—" or (ws[k].is_("R", "E") and not is_noun(ws[k]))):
        k -= 1
    return read_phrase(v, text, ws, phrase_to(ws, max(0, k - 8), k))


def share_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """'43% of local authorities are at risk of ...', 'four out of five agency workers were filling vacancies':
    the share of what."""
    k = fig_after(ws, last)
    n = k
    while n < len(ws) and n - k < 2 and ws[n].is_("H") and not ws[n].content:
        n += 1  # ('one in three *new* recruits')
    if k < len(ws) and ws[k].low == "of":
        k += 1
    elif not (n < len(ws) and ws[n].content and any(w.low in ("in", "of", "out") for w in ws[first:last + 1])):
        return _share_of_fronted(text, ws, first, k, v)
    nxt = ws[k + 1] if k + 1 < len(ws) else None
    if k < len(ws) and ws[k].low in v.pronouns and not (nxt is not None and (
            (nxt.content and nxt.is_("N", "A") and not nxt.is_("V")) or
            (ws[k].low == "those" and (nxt.low in ("who", "in", "with", "on", "at", "aged", "under", "over") or
                                       (nxt.content and nxt.low.endswith(("ing", "ed"))))))):
        # '69% of those were covered by agency workers': the share of what the pronoun stands for (not 'that
        # income', 'those receiving care at home')
        end = verb_phrase(ws, k + 1, next_figure(ws, k + 1))
        rest = phrase_text(text, ws, Phrase(k + 1, end, k + 1)) if end is not None else ""
        return Reading(f"share of {{}} {rest}".strip(), 0, refers=ws[k].low)
    # (what the clause says of the share's whole when the share is its subject: not 'taking 10% of children out
    # of poverty will help')
    lead = not any(w.content and w.is_("V") for w in ws[clause_start(ws, first):first])
    p = noun_phrase(ws, k, next_figure(ws, k), post=2, predicate=True, late=lead)
    hit = read_phrase(v, text, ws, p)
    if hit is not None and p is not None and ws[p.head].low in v.targets:
        # 'Recruitment to physics courses hit 31% of the target': the share of the target for the clause's subject
        cs = clause_start(ws, first)
        sub = subject(ws, cs, first, v.framing)
        if sub is not None and sub.end + 1 < first and ws[sub.end].low == "to" and is_noun(ws[sub.end + 1]) \
                and not ws[sub.end + 1].is_("V"):
            to = noun_phrase(ws, sub.end + 1, first, post=0)  # ('Recruitment *to secondary teacher training*')
            sub = Phrase(sub.start, to.end, sub.head) if to is not None else sub
        whose = read_phrase(v, text, ws, sub)
        if whose is not None:
            return Reading(f"share of {hit.text} for {whose.text}", 2, head=hit.head)
    part = _part_subject(text, ws, first, v) if hit is not None else None
    if hit is not None and part is not None:
        return Reading(f"{part.text} share of {hit.text}", 2, head=hit.head)  # ('agency share of the workforce')
    return Reading("share of " + hit.text, hit.rank, head=hit.head) if hit is not None else None


def _part_subject(text: str, ws: list[Word], first: int, v: Vocab) -> Reading | None:
    """The subject of a verb of composition right before a share ('*Female officers* made up 35% of all
    officers', 'Agency staff account for a fifth of the workforce'): the part the share is of its whole."""
    said = cues_of(ws).part_verb
    verb = next((j - n + 1 for j in (first - 1, before_hedges(ws, first - 1)) for n in (2, 1)
                 if j - n + 1 >= 1 and " ".join(w.low for w in ws[j - n + 1:j + 1]) in said), None)
    if verb is None:
        return None
    cs = clause_start(ws, verb)
    k = verb - 1
    while k > cs and (ws[k].is_(TIME) or (ws[k].is_("E", "R") and not ws[k].is_("N"))):
        k -= 1  # ('Women *now* represent ...')
    return read_phrase(v, text, ws, phrase_to(ws, cs, k)) if cs <= k else None


def _share_of_fronted(text: str, ws: list[Word], first: int, k: int, v: Vocab) -> Reading | None:
    """'Of the 276 agencies in private ownership, 3 in 5 were single providers': the share of what the opening
    'of' phrase names that the clause says something of."""
    cs = clause_start(ws, first)
    if cs < 2 or ws[cs - 1].text != ",":
        return None
    start = clause_start(ws, cs - 2)
    while start < cs and ws[start].is_(PUNCT):
        start += 1
    if start >= cs or ws[start].low != "of":
        return None
    base = read_phrase(v, text, ws, noun_phrase(ws, start + 1, cs - 1, post=1))
    if base is None:
        return None
    end = verb_phrase(ws, k, next_figure(ws, k))
    said = phrase_text(text, ws, Phrase(k, end, k)) if end is not None else ""
    return Reading(f"share of {base.text} {said}".strip(), 2, head=base.head)


def change_measure(text: str, ws: list[Word], first: int, last: int,
                   asp: Aspect, v: Vocab) -> Reading | None:
    """What moved: the nouns of a compound before a change noun ('a 5.5% *pay* rise'), the noun phrase after a
    change noun ('increase in X'), else the subject of the change verb."""
    if asp.noun_after is not None and asp.noun_after > last + 1 and \
            all(w.content and w.is_("N", "A") and not w.is_(FIG, TIME) for w in ws[last + 1:asp.noun_after]):
        hit = read_phrase(v, text, ws, Phrase(last + 1, asp.noun_after, asp.noun_after - 1))
        if hit is not None:
            return hit
    if asp.noun_after is not None:
        k = asp.noun_after + 1
        if k < len(ws) and ws[k].low in ("in", "of"):
            k += 1
            limit = next_figure(ws, k)
            hit = number_of(v, text, ws, k, limit) or read_phrase(v, text, ws, noun_phrase(ws, k, limit, post=2))
            if hit is not None:
                return hit
    if asp.verb_before is None and asp.noun_after is None:
        j = first - 1
        while j >= 0 and ws[j].low not in ("up", "down") and ((ws[j].is_("H", "E", "R") and not ws[j].is_("N"))
                                                               or ws[j].low in ("still", "now")):
            j -= 1
        if j >= 1 and ws[j].low in ("up", "down") and is_noun(ws[j - 1]):
            # 'with waiting times up 20% in two years': the noun the change follows
            hit = read_phrase(v, text, ws, phrase_to(ws, clause_start(ws, j - 1), j - 1))
            if hit is not None:
                return hit
        if j >= 2 and ws[j].low in ("up", "down") and ws[j - 1].low in cues_of(ws).copula:
            # 'Crime is down 50% since 2010': the subject of the linking verb
            return clause_subject(text, ws, clause_start(ws, j - 1), j - 1, v=v)
        if j >= 1 and ws[j].low in cues_of(ws).copula:
            # 'council spending power per person is still 18% lower than in 2010': the subject is what changed
            return clause_subject(text, ws, clause_start(ws, j), j, v=v)
    if asp.verb_before is not None and asp.verb_before > 2 and ws[asp.verb_before - 1].low in ("a", "an") and \
            ws[asp.verb_before - 2].low in cues_of(ws).copula:
        k = asp.verb_before - 3
        if ws[k].low in ("that", "this", "it") and (k == 0 or ws[k - 1].is_(PUNCT) or ws[k - 1].is_("C")):
            # 'That is an increase of 16.3% on a year earlier': of what the sentence before stated
            return Reading("{}", 0, refers=ws[k].low)
    if asp.verb_before is None or (asp.verb_before > 0 and ws[asp.verb_before - 1].low in ("a", "an")):
        return None  # 'up 9%', '21% more than the year before', 'an increase of a third': the level's change
    end = asp.verb_before
    hit = _object_after(text, ws, end, first, last, v)
    if hit is not None:
        return hit
    cs = clause_start(ws, end)
    hit = number_of(v, text, ws, cs, end)
    if hit is not None:
        return hit
    return clause_subject(text, ws, cs, end, v=v)


def _object_after(text: str, ws: list[Word], verb: int, first: int, last: int, v: Vocab) -> Reading | None:
    """The object of a change verb put after its figure ('could cut by 330,000 today *the number of children in
    poverty*'): the verb right before the figure's preposition, and a noun phrase with a determiner after the
    figure and its time."""
    if not (verb + 2 == first and ws[verb + 1].low in ("by", "to")):
        return None
    k = last + 1
    while k < len(ws) and (ws[k].is_(TIME) or (ws[k].is_("H") and not ws[k].content)):
        k += 1
    if k >= len(ws) or not ws[k].is_("D") or ws[k].content or ws[k].low in ("a", "an", "each", "every", "per") or \
            (k + 1 < len(ws) and ws[k + 1].low in v.periods):
        return None  # (not a rate: 'rose by £12 a week')
    limit = next_figure(ws, k)
    return number_of(v, text, ws, k, limit) or read_phrase(v, text, ws, noun_phrase(ws, k, limit, post=2))


def money_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """The measure of a sum of money (or of a percentage that is not a share)."""
    k = fig_after(ws, last)
    limit = next_figure(ws, k)
    # '£6bn of SEND deficits', '£1.63bn in aggregate fee income'
    if k < limit and ws[k].low in ("of", "in") and not (k + 1 < len(ws) and ws[k + 1].is_("W", TIME)) and \
            not (ws[k].low == "in" and _invested_in(ws, first, v)):
        hit = read_phrase(v, text, ws, noun_phrase(ws, k + 1, limit, post=1))
        if hit is not None and (ws[k].low == "of" or hit.rank > 1 or _moneyish(hit.text, v)):
            return with_doer(text, ws, first, hit, v)
    # 'a £4.7bn boost to services', '£300m profit'
    if k < limit and ws[k].content and ws[k].is_("N") and not ws[k].is_(TIME):
        hit = read_phrase(v, text, ws, noun_phrase(ws, k, limit, post=1))
        if hit is not None and _moneyish(hit.text, v):
            return with_doer(text, ws, first, hit, v)
    j = first - 1
    while j >= 0 and ((ws[j].is_("H", "D") and not ws[j].content) or ws[j].low in ("estimated", "average", "total")):
        j -= 1
    if j >= 1 and ws[j].low in ("and", "or") and ws[j - 1].is_(FIG, TIME):
        return None  # '£150m in 2019-20 and £200m in 2020-21': the second of two figures of one measure
    cs = clause_start(ws, first)
    # 'costs councils £10bn', 'will cost the taxpayer £2bn': the verb before a short object
    level_verb = j >= 0 and ws[j].low in v.level_verbs and ws[j].low not in v.money_verbs
    for back in range(j - 1, max(cs - 1, j - 3) if not level_verb else j - 1, -1):
        if ws[back].low in v.level_verbs and ws[back].low not in v.money_verbs:
            break  # ('Spending stood at £4bn': the subject of a level verb, not a verb of money)
        if ws[back].low in v.money_verbs and not _after_modifier(ws, back):
            j = back
            break
    verb = ws[j].low if j >= 0 and not _after_modifier(ws, j) else ""
    if verb in v.money_verbs:
        return _verb_measure(text, ws, first, k, limit, j, cs, verb, v=v)
    if j >= 1 and verb in v.level_verbs and verb.endswith("ing") and ws[j - 1].text == "," and cs == j:
        # 'High-needs funding has gone up by more than half, reaching £10.7 billion': the main clause's subject
        return clause_subject(text, ws, clause_start(ws, j - 1), j - 1, v=v)
    # 'deficits of £2bn', 'a saving of £1.1 billion', 'margins averaging 23%', 'deficits totalling £3.3bn'
    if j >= 0 and (ws[j].low in ("of", "averaging", "at") or (
            ws[j].low in v.level_verbs and ws[j].low.endswith("ing") and j >= 1 and is_noun(ws[j - 1]))) \
            and j - 1 >= cs:
        end = j
        if ws[j].low == "at" and j >= 1 and ws[j - 1].content and ws[j - 1].is_("V"):
            end = j - 1
        p = phrase_ending(ws, cs, end)
        hit = read_phrase(v, text, ws, p)
        if hit is not None and hit.text.lower() not in ("cost", "a cost", "total"):
            return hit
        if hit is not None and hit.text.lower().endswith("cost"):
            sub = read_phrase(v, text, ws, subject(ws, clause_start(ws, cs - 1) if cs > 0 else 0, cs, v.framing))
            if sub is not None:
                return Reading("cost of " + sub.text, 2)
    return clause_subject(text, ws, cs, first, v=v)


def _invested_in(ws: list[Word], first: int, v: Vocab) -> bool:
    """Whether a sum is the object of a verb of money whose sum goes *in* something ('investing £1bn in
    homelessness services': what it is invested in, not a sum of services; but '£1.63bn in fee income')."""
    j = first - 1
    while j >= 0 and ws[j].is_("H", "D") and not ws[j].content:
        j -= 1
    return j >= 0 and ws[j].low in v.money_verbs and v.money_verbs[ws[j].low].split()[-1] in ("in", "into") and \
        not _after_modifier(ws, j)


def with_doer(text: str, ws: list[Word], first: int, hit: Reading, v: Vocab) -> Reading:
    """A figure and its noun that are the object of a verb, with the verb's subject: 'the 22 largest companies
    owned 968 homes' -> 'homes owned by largest companies'; 'providers made £300m profit' -> 'profit made by
    providers'; 'forces had 139,000 officers' -> 'officers of forces' (not after a verb that states a level:
    'leavers numbered 5,400', 'rose to £5bn')."""
    if any(w in cues_of(ws).post_prep for w in hit.text.lower().split()[1:]):
        return hit  # (already described: 'would take 350,000 *children out of poverty*')
    cs = clause_start(ws, first)
    if 0 < cs < first and ws[cs - 1].text == ")":  # (a bracket between the subject and its verb)
        opening = next((k for k in range(cs - 2, max(-1, cs - 18), -1) if ws[k].text == "("), None)
        cs = clause_start(ws, opening) if opening is not None else cs
    j = first - 1
    while j >= cs and ((ws[j].is_("H", "D") and not ws[j].content) or ws[j].is_("E")):
        j -= 1
    if j <= cs or not ((ws[j].content and ws[j].is_("V")) or ws[j].low in POSSESSION) or \
            ws[j].low in v.level_verbs or \
            ws[j].low in v.framing or ws[j].low in v.money_verbs or _after_modifier(ws, j):
        return hit
    before = j
    if ws[j - 1].text == ")":  # (past a bracket between the subject and its verb)
        before = next((k for k in range(j - 2, max(cs, j - 16) - 1, -1) if ws[k].text == "("), j)
    sub = subject(ws, cs, before, v.framing)
    if sub is None or sub.end > j or sub.end < before - 2:
        return hit  # (the subject right before the verb, a modal or adverb between at most)
    doer = read_phrase(v, text, ws, sub)
    if doer is None:
        return hit
    verb = ws[j].text if ws[j].low.endswith("ed") or ws[j].low in ("made", "held", "paid", "lost") else \
        ("taken" if ws[j].low == "took" else None)
    return Reading(f"{hit.text} {verb} by {doer.text}" if verb else f"{hit.text} of {doer.text}", 2, head=hit.head)


def _after_modifier(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` follows a determiner or an adjective, so is a noun ('the annual *costs* from £10bn';
    not after a demonstrative standing alone: 'these *cost* £58,000')."""
    prev = ws[i - 1] if i > 0 else None
    return prev is not None and ((prev.is_("D") and not prev.content and prev.low not in cues_of(ws).demonstrative) or
                                 (prev.is_("A") and not prev.is_("N", "V")))


# the pronouns whose antecedent is sought (a plural is the last plural noun phrase before it; 'it' as a subject
# is too often the text's topic or a dummy subject to guess)


def _verb_measure(text: str, ws: list[Word], first: int, k: int, limit: int, j: int, cs: int, verb: str,
                  v: Vocab) -> Reading | None:
    """A sum after a verb of money (``money_verbs``): what it is spent on ('spending on residential care'), or
    what costs or saves it ('cost of abolishing the policy', 'saving from the move')."""
    reading = v.money_verbs[verb]
    prep = reading.split()[-1]
    if prep not in ("of", "from"):  # spent on, invested in, allocated to: the object
        preps = {prep, "on", "into", "in"}
        on = k
        while on < len(ws) and (ws[on].low not in preps or ws[on].is_(TIME, FIG)) and on - k < 14 \
                and not (ws[on].is_(PUNCT) and ws[on].text in ".;:"):
            on += 1
        limit = next_figure(ws, on)
        if on < limit and ws[on].low in preps:
            hit = read_phrase(v, text, ws, noun_phrase(ws, on + 1, limit, post=2))
            if hit is not None:
                return Reading(f"{reading} {hit.text}", 2)
        sub = read_phrase(v, text, ws, subject(ws, cs, j, v.framing))
        if sub is None:
            return None
        noun = reading.split()[0]
        if not noun.startswith(verb[:4]):
            return sub  # ('the deficits are now put at £4bn': no spending)
        # 'local authorities spending £2.1bn more that year compared to the start of the decade'
        return _compared_more(text, ws, k, Reading(f"{sub.text} {noun}", 2), v)
    sub = read_phrase(v, text, ws, subject(ws, cs, j, v.framing)) or _subject_before_relative(text, ws, cs, v)
    if sub is not None:
        return Reading(f"{reading} {sub.text}", 2)
    pronoun = pronoun_subject(ws, cs, j, v)
    if pronoun in cues_of(ws).plural_pronoun:  # 'On average these cost £58,000': the cost of what 'these' stands for
        return Reading(f"{reading} {{}}", 0, refers=pronoun)
    return Reading(reading.split()[0], 1)


def _subject_before_relative(text: str, ws: list[Word], cs: int, v: Vocab) -> Reading | None:
    """The subject of a clause whose verb follows a relative clause set off by commas ('*The pay award*, which
    takes effect from September, will cost schools £1.2m'): the noun phrase before ', which'."""
    if cs < 3 or ws[cs - 1].text != ",":
        return None
    k = cs - 2
    while k > 0 and cs - k < 25 and not (ws[k].text == "," and ws[k + 1].low in cues_of(ws).relative):
        k -= 1
    if k <= 0 or ws[k].text != ",":
        return None
    return read_phrase(v, text, ws, subject(ws, clause_start(ws, k - 1), k, v.framing))


def _compared_more(text: str, ws: list[Word], k: int, hit: Reading, v: Vocab) -> Reading:
    """A sum that is more (less) than another ('£2.1bn more that year compared to the start of the decade'): the
    additional amount, compared with what."""
    if k >= len(ws) or ws[k].low not in ("more", "less", "extra"):
        return hit
    j = k + 1
    while j < len(ws) and ws[j].is_(TIME) and j - k < 6:
        j += 1
    if j + 1 < len(ws) and ws[j].low == "compared" and ws[j + 1].low in ("to", "with"):
        j += 2
    elif j < len(ws) and ws[j].low == "than":
        j += 1
    else:
        return Reading(f"additional {hit.text}", hit.rank, head=hit.head)
    base = read_phrase(v, text, ws, noun_phrase(ws, j, next_figure(ws, j), post=1))
    tail = f" compared with {base.text}" if base is not None else ""
    return Reading(f"additional {hit.text}{tail}", hit.rank, head=hit.head)


def _moneyish(words: str, v: Vocab) -> bool:
    return any(w.strip(",").lower() in v.money for w in words.split())


def ratio_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """'three times less likely to be in education, employment or training': the subject and what it is
    (less) likely to be or do; 'seven times more than placing a child ...': the subject."""
    cs = clause_start(ws, first)
    sub = clause_subject(text, ws, cs, first, v=v)
    k = fig_after(ws, last)
    tail = ""
    if k + 2 < len(ws) and ws[k].low in ("more", "less", "as") and ws[k + 1].low == "likely" and ws[k + 2].low == "to":
        m = k + 3
        if m < len(ws) and ws[m].low in ("be", "have"):
            m += 1
        p = noun_phrase(ws, m, next_figure(ws, m), post=2) if m < len(ws) and ws[m].low not in ("in", "at") else None
        end = p.end if p is not None else m + 1
        if p is None:
            while end < len(ws) and not (ws[end].is_(FIG, TIME) or ws[end].text in ".;:()" or ws[end].low == "by") \
                    and end - m < 10:
                end += 1
        if end <= len(ws):
            tail = text[ws[k].start:ws[end - 1].end]  # 'less likely to be in education, employment or training'
    if sub is not None and tail:
        return Reading(f"{sub.text} {tail}", 2)
    return sub


def read_measure(text: str, ws: list[Word], first: int, last: int, kind: str, asp: Aspect,
                 lex: Lexicons | None = None) -> Reading | None:
    """The measure of the figure whose words are ``ws[first:last+1]``, by its kind and aspect."""
    v = vocabulary(lex if lex is not None else Lexicons.default())
    j = before_hedges(ws, first - 1)
    if j >= 1 and ws[j].low == "of" and ws[j - 1].low in v.targets:
        # 'against a target of 95%': what is aimed at, never the level itself
        hit = _read_measure(text, ws, first, last, kind, asp, v)
        aim = ws[j - 1].low
        if hit is None or hit.text.lower() == aim:  # ('... in December, against a target of 95%': of the figure before)
            return Reading(f"{aim} for {{}}", 0, refers=TARGET)
        return Reading(f"{aim} for {hit.text}", 2)
    return _read_measure(text, ws, first, last, kind, asp, v)


def _read_measure(text: str, ws: list[Word], first: int, last: int, kind: str, asp: Aspect,
                  v: Vocab) -> Reading | None:
    if first >= 1 and ws[first - 1].low == "at" and last + 2 < len(ws) and ws[last + 1].text == "," and \
            clause_start(ws, first - 1) == first - 1:
        # 'At 16.6, the average caseload was higher than in 2021': what the main clause says is at that level
        hit = clause_subject(text, ws, last + 2, len(ws), v=v)
        if hit is not None:
            return hit
    hit = assessed_measure(text, ws, first, last, v)
    if hit is not None:
        return hit
    if asp.verb_before is not None and (asp.aspect == "change" or asp.role in ("to", "from")):
        hit = object_measure(text, ws, first, asp.verb_before, v)
        if hit is not None:
            return hit
    if asp.aspect == "change":
        return change_measure(text, ws, first, last, asp, v=v)
    if kind in ("money", "count", "percent"):
        hit = object_before_to(text, ws, first, v) or _described_before(text, ws, first, v)
        if hit is not None and hit.total:  # (its own reading, kept when the sentence counted nothing before it)
            own = _by_kind(text, ws, first, last, kind, v)
            return Reading(own.text if own is not None else "", own.rank if own is not None else 0,
                           head=own.head if own is not None else None, total=True)
        if hit is not None:
            return hit
    return _by_kind(text, ws, first, last, kind, v)


def _by_kind(text: str, ws: list[Word], first: int, last: int, kind: str, v: Vocab) -> Reading | None:
    """The measure read by the rules of a figure's kind (the last steps of :func:`read_measure`)."""
    if kind == "count":
        return count_measure(text, ws, first, last, v=v)
    if kind == "quantity":
        return quantity_measure(text, ws, first, last, v=v)
    if kind == "percent":
        return share_measure(text, ws, first, last, v=v) or money_measure(text, ws, first, last, v=v)
    if kind == "money":
        # what a sum is for, written right after it, names it better than its clause ('Schools will receive £1bn
        # for pupils with special needs', 'will spend £2bn to build prisons')
        return purpose_measure(text, ws, last, v) or money_measure(text, ws, first, last, v=v)
    if kind == "ratio":
        if any(w.low in ("in", "out") for w in ws[first:last + 1]):  # 'four out of five', 'eight in 10'
            return share_measure(text, ws, first, last, v=v)
        return ratio_measure(text, ws, first, last, v=v)
    return date_measure(text, ws, first, last, v=v)


def date_measure(text: str, ws: list[Word], first: int, last: int, v: Vocab) -> Reading | None:
    """A deadline or start date: the subject of its clause and the event ('the cap ... take effect' ->
    'cap take effect')."""
    cs = clause_start(ws, first)
    return read_phrase(v, text, ws, subject(ws, cs, first, v.framing))


def restated(reading: Reading, kind: str, as_kind: str) -> Reading:
    """The measure of a figure that restates another in brackets: a count of what a share is the share of
    ('3 in 5 ... (164, 59%)'), or the share of what a count counts."""
    text = reading.text
    share = kind in ("percent", "ratio") and text.startswith("share of ")
    if share and as_kind == "count":
        return Reading(text[len("share of "):], reading.rank)
    if kind == "count" and as_kind in ("percent", "ratio") and not text.startswith("share of "):
        return Reading("share of " + text, reading.rank)
    return reading
