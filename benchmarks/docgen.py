"""Varied policy-style documents from sentence templates, for "never hangs, never crashes" runs (issue #14).

One grammar, two drivers: :class:`RandomChooser` (a seeded ``random.Random``: the same seed gives the same
documents, byte for byte; :func:`corpus`) and, in ``tests/test_properties.py``, a chooser that draws from
Hypothesis, so the property suite builds (and shrinks) the same shapes: direct quotes before and after "said
X", several quotes in a row, unclosed and nested quotes, reported and joint statements, citations, ranges,
changes, hedges, people with titles and roles, organisations with acronyms, tables, bullets, headings,
datelines and front matter, very long sentences, and odd characters. ``benchmarks/stress.py`` writes a
corpus to files and runs it through ``caresocial extract``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Chooser(Protocol):
    """Where the grammar's choices come from."""

    def pick(self, options: Sequence[T]) -> T: ...

    def number(self, lo: int, hi: int) -> int: ...


class RandomChooser:
    """Choices from a seeded ``random.Random``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def number(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


def _w(s: str) -> tuple[str, ...]:
    return tuple(x.strip(" \n") for x in s.split("|"))


# ------------------------------------------------------------------------------------------------------
# word lists (invented people and bodies; the shapes are those of policy text)
# ------------------------------------------------------------------------------------------------------
GIVEN = _w("Amara|Bethan|Callum|Deepa|Eamon|Fatima|Gideon|Harriet|Idris|Juno|Kofi|Lowri|Magnus|Niamh|Obi|Philippa|"
           "Ravi|Siobhan|Tariq|Ursula|Viktor|Wren|Yara|Zain|Agnieszka|Bartholomew|Cerys|Dmitri|Esme|Fionnuala|"
           "Gwilym|Hollie|Ines|Jerome|Keeley|Leopold|Morwenna|Nikhil|Orla|Perpetua")
FAMILY = _w("Achebe|Blackwood|Carmichael|Dlamini|Eccleston|Fairbairn|Gallagher|Hargreaves|Isherwood|Jaworski|"
            "Kaur|Llewellyn|MacPherson|Ndiaye|O'Sullivan|Pennington|Quarshie|Rossiter|Sivakumar|Trelawny|"
            "Umeh|Vasquez|Wainwright|Yilmaz|Zeller|Abernethy-Cole|de Souza|van der Berg|McAllister|Ó Briain")
TITLES = _w("|Dr|Dr.|Prof.|Professor|Sir|Dame|Baroness|Lord|Cllr|Councillor|Mr|Mrs|Ms|Mx|Rev|The Rt Hon")
ROLES = _w("chief executive|Chief Executive|director of adult social services|Director of Children's Services|"
           "Secretary of State for Health and Social Care|shadow minister for social care|chair|Chair|"
           "head of policy|lead member for children's services|a spokesperson|national director|"
           "deputy chief economist|president|Policy Officer|senior research fellow|finance portfolio holder|"
           "interim director of public health|programme lead for workforce|co-founder")
PLACES = _w("Allerdale|Barrowmere|Calderbridge|Dunholm|Eastwick|Fennmouth|Glenrothay|Harrowgate Vale|"
            "Inverleith|Kingsmere|Lowestead|Marchbury|Northcombe|Oakhampstead|Penwithick|Redbridge Cross|"
            "Saltash Reach|Thornbury-on-Sea|Upper Wyvern|Westmoor")
ORG_HEAD = _w("National|Independent|Northern|Royal|Joint|Open|Coastal|Rural|Metropolitan|British|Scottish|Welsh|"
              "Community|Public")
ORG_FIELD = _w("Care|Housing|Health|Schools|Carers|Children's|Social Work|Fiscal|Workforce|Disability|Ageing|"
               "Poverty|Transport|Energy")
ORG_KIND = _w("Network|Institute|Trust|Foundation|Association|Commission|Observatory|Alliance|Forum|Partnership|"
              "Board|Office|Council|Federation")
OUTLETS = _w("the BBC|Sky News|the Guardian|a committee of MPs|the Local Government Chronicle|reporters|"
             "Parliament|the Health Service Journal|ITV News|the Today programme")
PARTIES = _w("Con|Lab|LD|SNP|Green|Ind|PC|DUP")
NOUNS = _w("children in care|care home beds|hours of home care|adults receiving long-term support|social workers|"
           "agency staff|vacancies|delayed discharges|households in temporary accommodation|"
           "pupils with an education, health and care plan|school places|families on the waiting list|"
           "unpaid carers|apprenticeships|foster carers|care leavers|referrals|assessments|"
           "people sleeping rough|older people|residential placements|posts|nurses|care workers")
MONEY_NOUNS = _w("funding gap|budget|overspend|grant|settlement|deficit|investment|shortfall|bill|levy|"
                 "reserves|spending|social care precept|capital programme|uplift")
RISE = _w("rose|fell|increased|decreased|grew|went up|went down|climbed|dropped|doubled|halved|jumped")
CHANGE = _w("a rise of|a fall of|an increase of|a decrease of|up|down|a jump of|a drop of")
VERBS = _w("said|says|added|warned|argued|explained|claimed|noted|told {outlet}|insisted|cautioned|commented|"
           "stated|admitted|suggested")
REPORTED = _w("said that|warned that|estimates that|found that|told {outlet} that|believes|argued that|"
              "reported that|has calculated that|projects that")
HEDGES = tuple(h and h + " " for h in _w(
    "|||around|about|almost|nearly|close to|more than|over|at least|up to|as many as|fewer than|less than|roughly|"
    "an estimated|some|approximately|just under|just over|well over|in excess of|up to a maximum of"))
FRACTIONS = _w("a third|a quarter|half|two-thirds|three in five|one in four|one in ten|nine out of ten|"
               "a fifth|three quarters")
NUMBER_WORDS = _w("two|three|five|seven|ten|twelve|fifteen|twenty|twenty-three|forty|a hundred|"
                  "a thousand|a million|two million|hundreds of|thousands of|tens of thousands of|dozens of")
UNITS = _w("tonnes|km|miles|kg|MW|GWh|sq ft|hectares|litres|mph|°C|kWh|mg|metres")
MONTHS = _w("January|February|March|April|May|June|July|August|September|October|November|December")
OPEN_CLOSE = (("“", "”"), ("“", "”"), ("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"))
INNER = {"“": ("‘", "’"), '"': ("'", "'"), "‘": ("“", "”"), "'": ('"', '"'), "«": ("‹", "›"), "„": ("‚", "‘")}
ODD = ("\u00a0", "\u202f", "\u2009", "\u200b", "\u00ad", "\u2060", "\ufeff", "\u2011", " ", "")


# ------------------------------------------------------------------------------------------------------
# figures
# ------------------------------------------------------------------------------------------------------
def year(c: Chooser) -> int:
    return c.number(1990, 2045)


def money(c: Chooser) -> str:
    k = c.number(0, 15)
    a, b = c.number(1, 999), c.number(0, 9)
    sign = c.pick(("£", "£", "£", "$", "€"))
    if k == 0:
        return f"{sign}{a}.{b}bn"
    if k == 1:
        return f"{sign}{a % 90 + 1}.{b}{c.number(0, 9)} billion"
    if k == 2:
        return f"{sign}{a}m"
    if k == 3:
        return f"{sign}{a} million"
    if k == 4:
        return f"{sign}{a},{c.number(0, 999):03d},{c.number(0, 999):03d}"
    if k == 5:
        return f"{sign}{a}k"
    if k == 6:
        return f"{a} million pounds"
    if k == 7:
        return f"{sign}{a}.{b}{c.number(1, 9)}"  # a price
    if k == 8:
        return f"{sign}{a % 20 + 1}.{b}bn-{sign}{a % 20 + 2}.{b}bn"
    if k == 9:
        return f"{sign}{a % 20 + 1}–{a % 20 + 3}bn"
    if k == 10:
        return f"{sign}{a}m a year"
    if k == 11:
        return f"{sign}{a % 30 + 1}.{b}{c.number(0, 9)} an hour"
    if k == 12:
        return f"{sign}{a}bn over {c.pick(NUMBER_WORDS[:6])} years"
    if k == 13:
        return f"{sign}1 in every {sign}{c.number(2, 9)}"
    if k == 14:
        return f"{sign}{c.pick(ODD)}{a}{c.pick(('m', 'bn', ' million'))}"
    return f"{sign}{a}.{b}bn ({sign}{a * 10}m in real terms)"


def count(c: Chooser) -> str:
    k = c.number(0, 11)
    a = c.number(1, 999)
    if k <= 2:
        return f"{a},{c.number(0, 999):03d}"
    if k == 3:
        return str(c.number(11, 9999))
    if k == 4:
        return f"{a % 9 + 1}.{c.number(1, 9)} million"
    if k == 5:
        return c.pick(NUMBER_WORDS)
    if k == 6:
        return f"{a}k"
    if k == 7:
        return f"between {a},000 and {a + c.number(1, 99)},000"
    if k == 8:
        return f"{a},000 to {a + c.number(1, 99)},000"
    if k == 9:
        return f"{a},000-{a + c.number(1, 99)},000"
    if k == 10:
        return f"{a}{c.pick(ODD)}{c.number(0, 999):03d}"
    return "a quarter of a million"


def percent(c: Chooser) -> str:
    a = c.number(0, 99)
    k = c.number(0, 9)
    if k <= 3:
        return f"{a}{'.' + str(c.number(0, 9)) if k == 1 else ''}{c.pick(('%', ' per cent', ' percent', '%'))}"
    if k == 4:
        return f"{c.number(1, 9)}.{c.number(0, 9)} percentage points"
    if k == 5:
        return c.pick(FRACTIONS)
    if k == 6:
        return f"{c.pick(('-', '−', '+'))}{a % 20}%"
    if k == 7:
        return f"{a}% to {a + c.number(1, 20)}%"
    if k == 8:
        return f"{a}-{a + c.number(1, 20)} per cent"
    return f"{a}%{c.pick(ODD)}"


def when(c: Chooser) -> str:
    y = year(c)
    k = c.number(0, 19)
    forms = (
        f"by {y}", f"in {y}", f"since {y}", f"in {y}/{(y + 1) % 100:02d}", f"in {y}-{(y + 1) % 100:02d}",
        f"in {c.pick(NUMBER_WORDS[:6])} years' time", f"over the next {c.pick(NUMBER_WORDS[:6])} years",
        "last year", f"between {y} and {y + c.number(1, 12)}", f"by the end of {y}", f"as of 31 March {y}",
        f"in the year to {c.pick(MONTHS)} {y}", "this financial year", "next year", f"{c.number(2, 30)} years ago",
        f"on {c.number(1, 28)} {c.pick(MONTHS)} {y}", f"on {c.pick(MONTHS)} {c.number(1, 28)}, {y}",
        f"in Q{c.number(1, 4)} {y}", f"in the {y // 10 * 10}s", f"from {c.pick(MONTHS)} {y}",
    )
    return forms[k]


def figure(c: Chooser) -> str:
    k = c.number(0, 9)
    if k <= 3:
        return money(c)
    if k <= 6:
        return f"{count(c)} {c.pick(NOUNS)}"
    if k == 7:
        return percent(c)
    if k == 8:
        return f"{c.number(1, 999)}{c.pick(('', ' '))}{c.pick(UNITS)}"
    return f"{c.number(2, 52)} {c.pick(('weeks', 'months', 'days', 'years', 'hours'))}"


# ------------------------------------------------------------------------------------------------------
# who
# ------------------------------------------------------------------------------------------------------
def person(c: Chooser, titled: bool = True) -> str:
    title = c.pick(TITLES) if titled else ""
    initial = f" {c.pick('ABCDEJKMRT')}." if c.number(0, 7) == 0 else ""
    name = f"{c.pick(GIVEN)}{initial} {c.pick(FAMILY)}"
    return f"{title} {name}" if title else name


def organisation(c: Chooser) -> tuple[str, str]:
    """(full name, acronym) of an invented body; the acronym is its initials."""
    k = c.number(0, 3)
    if k == 0:
        name = f"{c.pick(PLACES)} {c.pick(ORG_KIND)}"
    elif k == 1:
        name = f"{c.pick(ORG_HEAD)} {c.pick(ORG_FIELD)} {c.pick(ORG_KIND)}"
    elif k == 2:
        name = f"{c.pick(ORG_KIND)} for {c.pick(ORG_FIELD)} {c.pick(('Reform', 'Research', 'Standards', 'Studies'))}"
    else:
        name = f"{c.pick(ORG_HEAD)} {c.pick(ORG_KIND)} of {c.pick(ORG_FIELD)} {c.pick(('Directors', 'Providers'))}"
    acronym = "".join(w[0] for w in name.replace("'s", "").split() if w[0].isupper())
    return name, acronym


def org_mention(c: Chooser) -> str:
    name, acronym = organisation(c)
    k = c.number(0, 4)
    if k == 0:
        return f"the {name} ({acronym})"
    if k == 1:
        return f"the {acronym}"
    if k == 2:
        return name
    return f"the {name}"


def speaker(c: Chooser) -> str:
    """A person with (or without) a role and an organisation, or an organisation."""
    k = c.number(0, 6)
    who = person(c)
    if k == 0:
        return who
    if k == 1:
        return f"{who}, {c.pick(ROLES)} of {org_mention(c)}"
    if k == 2:
        return f"{who}, {c.pick(ROLES)} at {org_mention(c)}"
    if k == 3:
        return f"{org_mention(c)}'s {c.pick(ROLES)}, {who}"
    if k == 4:
        return f"{who} ({c.pick(PARTIES)}, {c.pick(PLACES)})"
    if k == 5:
        return f"{c.pick(ROLES)} {who}"
    return org_mention(c)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ------------------------------------------------------------------------------------------------------
# what: statements, sentences, blocks
# ------------------------------------------------------------------------------------------------------
def statement(c: Chooser) -> str:
    """What a quote says (no end punctuation)."""
    k = c.number(0, 11)
    h = c.pick(HEDGES)
    if k == 0:
        return f"We estimate that {h}{count(c)} {c.pick(NOUNS)} are affected"
    if k == 1:
        return f"The {c.pick(MONEY_NOUNS)} of {money(c)} is simply not enough for {c.pick(PLACES)}"
    if k == 2:
        return f"{cap(c.pick(NOUNS))} have {c.pick(RISE)} by {percent(c)} {when(c)}"
    if k == 3:
        return f"We need {h}{money(c)} {when(c)} just to stand still"
    if k == 4:
        return f"How can anyone run a service on {money(c)}"
    if k == 5:
        return f"This is a crisis. {cap(h)}{count(c)} people are waiting"
    if k == 6:
        return "We welcome the announcement"
    if k == 7:
        return f"Frankly, {figure(c)} {when(c)} is not a plan, it is a hope"
    if k == 8:
        return f"Our analysis shows {h}{percent(c)} of {c.pick(NOUNS)} {c.pick(RISE)} {when(c)}"
    if k == 9:
        return f"It is the {c.pick(('biggest', 'smallest', 'first'))} {c.pick(MONEY_NOUNS)} in {c.number(2, 40)} years"
    if k == 10:
        return f"As the chair said, {org_mention(c)} ‘cannot cope’ with {figure(c)}"
    return f"{cap(fact(c))[:-1]}"


def fact(c: Chooser) -> str:
    """A sentence stating figures, without a speaker."""
    k = c.number(0, 13)
    n, m, h = c.pick(NOUNS), c.pick(MONEY_NOUNS), c.pick(HEDGES)
    place = c.pick(PLACES)
    if k == 0:
        return f"The number of {n} in {place} {c.pick(RISE)} from {count(c)} to {count(c)} {when(c)}."
    if k == 1:
        return f"{cap(h)}{percent(c)} of {n} were in {place} {when(c)}, compared with {percent(c)} nationally."
    if k == 2:
        return f"The {m} is forecast to reach {h}{money(c)} {when(c)}, {c.pick(CHANGE)} {percent(c)}."
    if k == 3:
        return f"Spending on {n} {c.pick(RISE)} by {percent(c)} ({money(c)}) {when(c)}."
    if k == 4:
        return f"In {place}, {count(c)} {n} shared {money(c)} {when(c)}, {c.pick(CHANGE)} {percent(c)}."
    if k == 5:
        return f"There were {h}{count(c)} {n} {when(c)}; {c.pick(FRACTIONS)} of them waited more than {figure(c)}."
    if k == 6:
        return f"{place} council set aside {money(c)} for {n}, {h}{count(c)} of them, {when(c)}."
    if k == 7:
        return f"The average cost rose from {money(c)} to {money(c)} per week (see table {c.number(1, 9)})."
    if k == 8:
        return f"Between {year(c)} and {year(c)}, the {m} grew {c.number(2, 9)}-fold to {money(c)}."
    if k == 9:
        return f"{cap(n)}: {count(c)} ({when(c)}), {count(c)} ({when(c)})."
    if k == 10:
        return f"A {figure(c)} cut, i.e. {percent(c)} of the {m}, was agreed on {c.pick(MONTHS)} {c.number(1, 28)}."
    if k == 11:
        return f"The {m} (£{c.number(1, 99)}.{c.number(0, 9)}bn, or {percent(c)}) is set out at https://example.org/r/{year(c)}."
    if k == 12:
        return f"Up to {count(c)} {n} — {c.pick(FRACTIONS)} of the total — could lose support {when(c)}."
    return f"It covers {figure(c)} across {c.number(2, 400)} sites and {figure(c)} in {place}."


def _marks(c: Chooser) -> tuple[str, str]:
    return c.pick(OPEN_CLOSE)


def quoted(c: Chooser) -> str:
    """A sentence or two with direct quotes: before and after the speaker, split, in a row, nested, unclosed."""
    o, e = _marks(c)
    s1, s2 = statement(c), statement(c)
    who, verb = speaker(c), c.pick(VERBS).format(outlet=c.pick(OUTLETS))
    k = c.number(0, 13)
    if k == 0:
        return f"{o}{s1},{e} {verb.split()[0]} {who}."
    if k == 1:
        return f"{o}{s1},{e} {who} {verb}."
    if k == 2:
        return f"{cap(who)} {verb}: {o}{s1}.{e}"
    if k == 3:
        return f"{o}{s1},{e} said {who}. {o}{s2}.{e}"
    if k == 4:  # the shape of issue #14: the second quote never closes
        return f"{o}{s1},{e} said {person(c)}. {o}{s2},{e}"
    if k == 5:
        return f"{o}{s1}.{e} {o}{s2}.{e} {o}{statement(c)},{e} {who} added."
    if k == 6:
        io, ie = INNER[o]
        return f"{o}{s1} {io}{s2}{ie} and more,{e} {verb.split()[0]} {who}."
    if k == 7:  # nested with the same marks
        return f"{o}{s1} {o}{s2}{e} today,{e} said {who}."
    if k == 8:  # unclosed
        return f"{cap(who)} {verb}: {o}{s1}. {s2}."
    if k == 9:  # a closing mark without an opening one
        return f"{s1}.{e} said {who}."
    if k == 10:
        return f"{cap(who)} said {money(c)} was {o}a drop in the ocean{e} and {o}{s2}{e}."
    if k == 11:
        return f"{o}{s1}?{e} asked {who}. {o}{s2}!{e}"
    if k == 12:  # a quote split around its speaker
        return f"{o}{s1},{e} said {who}, {o}but {s2[:1].lower()}{s2[1:]}.{e}"
    return f"{o}{o}{s1}{e}{e}"


def reported(c: Chooser) -> str:
    """Reported speech, citations and joint statements."""
    k = c.number(0, 8)
    verb = c.pick(REPORTED).format(outlet=c.pick(OUTLETS))
    f = fact(c)
    body = f[:1].lower() + f[1:]
    if k == 0:
        return f"{cap(speaker(c))} {verb} {body}"
    if k == 1:
        return f"According to {org_mention(c)}, {body}"
    if k == 2:
        return f"{cap(org_mention(c))}, {org_mention(c)} and {org_mention(c)} said in a joint statement that {body}"
    if k == 3:
        return f"{f[:-1]} ({org_mention(c).removeprefix('the ')}, {year(c)})."
    if k == 4:
        return f"Research by {org_mention(c)} found {body}"
    if k == 5:
        return f"{cap(speaker(c))} {verb} {body[:-1]}, a claim {org_mention(c)} disputes."
    if k == 6:
        return f"{f} That is according to {speaker(c)}."
    if k == 7:
        return f"{cap(org_mention(c))} ({year(c)}) estimates {body}"
    return f"{cap(speaker(c))} told {c.pick(OUTLETS)}: {body}"


def long_sentence(c: Chooser) -> str:
    """One sentence of 10 to 60 clauses (up to several thousand characters)."""
    parts = [fact(c)[:-1] for _ in range(c.number(10, 60))]
    joins = (", and ", "; ", ", while ", ", but ", " – ", ", whereas ", " and ")
    out = parts[0]
    for p in parts[1:]:
        out += c.pick(joins) + p[:1].lower() + p[1:]
    return out + "."


def sentence(c: Chooser) -> str:
    k = c.number(0, 9)
    if k <= 2:
        return fact(c)
    if k <= 5:
        return quoted(c)
    if k <= 7:
        return reported(c)
    if k == 8:
        return f"{cap(statement(c))}, {c.pick(VERBS).split()[0]} {speaker(c)}."
    return f"{fact(c)[:-1]} (e.g. {figure(c)}, approx. {figure(c)}; No. {c.number(1, 20)})."


def table(c: Chooser) -> str:
    rows = c.number(1, 8)
    y = year(c)
    if c.number(0, 1):
        head = f"| Measure | {y} | {y + 1} | Change |\n|---|---:|---:|---:|"
        body = "\n".join(f"| {cap(c.pick(NOUNS))} | {count(c)} | {count(c)} | {percent(c)} |" for _ in range(rows))
        return f"{head}\n{body}"
    head = f"Area\t{y}/{(y + 1) % 100:02d}\tShare"
    return head + "".join(f"\n{c.pick(PLACES)}\t{money(c)}\t{percent(c)}" for _ in range(rows))


def bullets(c: Chooser) -> str:
    mark = c.pick(("•", "-", "*", "–", "1."))
    intro = f"{cap(speaker(c))} {c.pick(('said', 'set out', 'highlighted'))}:" if c.number(0, 1) else "Key findings:"
    items = "\n".join(f"{mark} {c.pick((fact, quoted, statement))(c)}" for _ in range(c.number(1, 6)))
    return f"{intro}\n{items}"


def multi_paragraph_quote(c: Chooser) -> str:
    """A quote running over paragraphs: each paragraph opens with the mark, only the last closes."""
    o, e = _marks(c)
    paras = [f"{o}{statement(c)}." for _ in range(c.number(2, 4))]
    return "\n\n".join(paras) + f"{e} {c.pick(('said', 'added'))} {speaker(c)}."


def hansard(c: Chooser) -> str:
    lines = []
    for _ in range(c.number(1, 4)):
        lines.append(f"{person(c)} ({c.pick(PLACES)}) ({c.pick(PARTIES)}): {cap(statement(c))}. {fact(c)}")
    return "\n\n".join(lines)


def paragraph(c: Chooser) -> str:
    k = c.number(0, 19)
    if k == 0:
        return table(c)
    if k == 1:
        return bullets(c)
    if k == 2:
        return multi_paragraph_quote(c)
    if k == 3:
        return hansard(c)
    if k == 4:
        return f"{c.pick(('#', '##', '###'))} {cap(c.pick(MONEY_NOUNS))} {year(c)}: {cap(c.pick(NOUNS))}"
    if k == 5 and c.number(0, 3) == 0:
        return long_sentence(c)
    return " ".join(sentence(c) for _ in range(c.number(1, 4)))


def header(c: Chooser) -> str:
    k = c.number(0, 5)
    y, m, d = c.number(2005, 2030), c.number(1, 12), c.number(1, 28)
    if k == 0:
        return f"---\ntitle: {cap(c.pick(MONEY_NOUNS))} for {c.pick(NOUNS)}\ndate: {y}-{m:02d}-{d:02d}\n" \
               f"publisher: {org_mention(c).removeprefix('the ')}\n---\n\n"
    if k == 1:
        return f"{c.pick(PLACES).upper()}, {d} {MONTHS[m - 1]} {y} — "
    if k == 2:
        return f"Press release\n{d} {MONTHS[m - 1]} {y}\n\n"
    return ""


def document(c: Chooser, max_paragraphs: int = 8) -> str:
    """A whole document: maybe a header, then paragraphs separated by blank lines (sometimes odd breaks)."""
    paras = [paragraph(c) for _ in range(c.number(1, max_paragraphs))]
    seps = ("\n\n", "\n\n", "\n\n", "\n", "\n\n\n", "\n \n", "\r\n\r\n")
    out = paras[0]
    for p in paras[1:]:
        out += c.pick(seps) + p
    return header(c) + out + c.pick(("\n", "", "\n\n", " "))


def corpus(count: int, seed: int = 14) -> list[str]:
    """``count`` documents; the same (count, seed) gives the same documents, byte for byte."""
    c = RandomChooser(seed)
    return [document(c) for _ in range(count)]
