"""Quotes and speakers: who says what, without a trained model.

Finds four kinds of statement (GUIDELINES "quotes"):

* direct: quoted words, inline or paragraph-level, including multi-paragraph quotes where each paragraph
  opens with a quote mark and only the last closes, and quotes split by their attribution;
* reported: "X said that ...", "X warns", "according to X", "research by X found", "X's analysis shows";
* citation: "(Independent Review of Children's Social Care, 2022)";
* joint: statements introduced as joint or signed by several organisations.

Speakers come from appositions ("Mark Russell, Chief Executive of The Children's Society, said"), titles
and honours, signatory lists ("Sir Peter Wanless (NSPCC), Lynn Perry MBE (Barnardo's) and ..."), and
back-references ("he said", "the charity", "the review", "they") resolved to the nearest compatible
speaker already met. Unattributed text belongs to the publisher.
"""

from __future__ import annotations

import bisect
import heapq
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ..figures.lexicon import AHEAD, IRREGULAR_PLURALS
from ..figures.numbers import word_trie
from ..meta import split_list

OPEN_MARKS = "“\"‘'«„"
CLOSE_MARKS = "”\"’'»“"
_TITLES = regex.compile(
    r"^(?:(?:Cllr|Councillor|Sir|Dame|Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness|Baron|Rt\.?\s+Hon\.?|"
    r"The\s+Rt\.?\s+Hon\.?|Rev|Revd|Judge|Justice|Cardinal|Bishop|Archbishop|Minister|President|Chancellor|"
    r"Secretary)\.?\s+)+"
)
_HONOURS = regex.compile(r"(?:,?\s+(?:MBE|OBE|CBE|KBE|DBE|CH|QC|KC|MP|MSP|MS|AM|MEP|PhD|FRS|FBA|JP|DL))+\s*$")
_NAME = r"[A-Z][\p{L}'’.-]*+(?:\s+(?:de|van|von|der|da|di|le|la|du|bin|al|O’|O')?\s*[A-Z][\p{L}'’.-]*+){0,3}"
_TITLE_WORDS = r"(?:(?:Cllr|Councillor|Sir|Dame|Dr|Prof|Professor|Mr|Mrs|Ms|Lord|Lady|Baroness)\.?\s+)"
_PERSON = regex.compile(rf"^{_TITLE_WORDS}*+{_NAME}(?:\s+(?:MBE|OBE|CBE|KBE|DBE|QC|KC|MP))*+$")
_ORG_HINT_WORDS = (
    "Society Network Council Councils Association Trust Foundation Fund Institute Bureau Review Commission "
    "Commissioner Office Department Ministry Agency Authority Union Federation Charity Charities Group Alliance "
    "Partnership Centre Center Coalition Committee Board Service Services University College Party Government "
    "government Parliament NHS Children Action Ofsted Treasury Bank OECD Unicef UNICEF Newton Research Survey "
    "Statistics Audit".split()
)
_ORG_HINT = regex.compile(r"\b(?:" + word_trie(_ORG_HINT_WORDS) + r"|Barnardo['’]s)\b|^[A-Z]{2,6}$")
SPEECH_VERBS = (
    "said", "says", "say", "added", "adds", "add", "warned", "warns", "warn", "argued", "argues", "argue",
    "claimed", "claims", "claim", "stated", "states", "explained", "explains", "commented", "comments",
    "told", "tells", "noted", "notes", "stressed", "stresses", "urged", "urges", "urge", "emphasised",
    "emphasises", "emphasise", "emphasized", "emphasizes", "emphasize", "insisted", "insists", "believes",
    "believe", "believed", "predicted", "predicts", "predict", "estimated", "estimates", "estimate",
    "calculated", "calculates", "calculate", "found", "finds", "find", "showed", "shows", "show", "shown",
    "revealed", "reveals", "reveal", "suggested", "suggests", "suggest", "concluded", "concludes",
    "reported", "reports", "report", "highlighted", "highlights", "highlight", "announced", "announces",
    "announce", "recommended", "recommends", "recommend", "recommending", "projected", "projects",
    "forecast", "forecasts", "expects", "expected", "thinks", "thought",
    "acknowledged", "acknowledges", "admitted", "admits", "pointed out", "points out", "calling for",
    "called for", "calls for", "call for", "talk about how", "talks about how", "talked about how",
    "wrote", "writes", "write", "cautioned", "cautions", "confirmed", "confirms", "demonstrates",
    "demonstrated", "indicates", "indicated", "published its final report calling for",
)
_COLON_CUES = regex.compile(
    r"(?:\b(?:said|says|say|added|adds|commented|comments|explained|stated|states|responded|told|wrote|writes|"
    r"reads|read|continued|continues)\b|\bstatement\b[^:\n]{0,120}|\bletter\b[^:\n]{0,80})\s*:\s*\**\s*$",
    regex.I,
)


# longest first: the order an alternation read backwards (``(?r)``) needs ('calling for' ends a longer verb)
_SPEECH_SORTED = "|".join(regex.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_SPEECH_ALT = word_trie(SPEECH_VERBS)
# 'The review's author, Josh MacAlister, said: "...' — the speaker phrase right before an opening quote
_LEAD_SPEAKER = regex.compile(rf"(?P<who>[^.;:!?\n“”]{{2,160}}?)\s*,?\s*(?:{_SPEECH_ALT})\s*(?:that\s*)?[:,]?\s*\Z")
_PRONOUNS = {"he": "person-m", "she": "person-f", "they": "plural", "we": "we", "i": "i", "it": "it"}
_BACKREF = regex.compile(
    r"^(?:the|this|that|these|our|its|their)\s+(?:(?:five|four|three|two|six|seven|eight|nine|ten|\d+|"
    r"independent|latest|new|final|chief|national|local|joint|open)\s+)*+(?P<noun>think[\s-]tank|[a-z]+)$",
    regex.I,
)
_PLURAL_NOUNS = frozenset("charities executives chiefs organisations organizations signatories councils "
                          "authors leaders members groups partners ministers campaigners researchers".split())


@dataclass(slots=True)
class SpeakerRef:
    """A speaker as the attribution code builds it (mutable), turned into a record at the end."""

    name: str
    role: str | None = None
    org: str | None = None
    kind: str = "organisation"
    members: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()


@dataclass(slots=True)
class RawQuote:
    """A statement with its material offsets and speaker."""

    kind: str
    start: int
    end: int
    speaker: SpeakerRef | None
    cue: str | None = None
    cue_start: int | None = None
    paragraphs: tuple[int, ...] = ()
    parent: RawQuote | None = None  # the enclosing quote itself (never a list position: lists get filtered)
    self_ref: bool = False  # 'we'/'our' reporting inside a quote: figures keep the enclosing speaker


@dataclass(slots=True)
class _Plan:
    """What :func:`parse_speaker_phrase` does with one phrase: the look-ups in the speakers met so far, in
    order (the first that finds a speaker wins), else ``result`` (a template, copied on use)."""

    steps: tuple[tuple[str, Any], ...]
    result: SpeakerRef | None


@dataclass(slots=True)
class _Memo:
    """What depends on the text alone, worked out once and shared by the attribution passes over it: the
    matches of the patterns and the readings of speaker phrases. Speaker resolution (pronouns,
    back-references, surnames), which depends on the speakers met so far, is redone by each pass."""

    groups: tuple[list[tuple[int, SpeakerRef]], list[tuple[int, SpeakerRef]]] | None = None
    reported: list[tuple[bool, str, int, int, int, str, bool]] | None = None
    inline: list[tuple[int, int, int, int, str | None, str | None]] | None = None
    citations: list[tuple[str, int, int]] | None = None
    plans: dict[str, _Plan] = field(default_factory=dict)
    reported_who: dict[str, SpeakerRef | None] = field(default_factory=dict)
    before: dict[tuple[int, int], tuple[str, int] | None] = field(default_factory=dict)
    cues: dict[str, tuple[bool, bool, tuple[str, ...] | None, bool]] = field(default_factory=dict)
    cue_phrases: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    after: dict[int, tuple[str, str, int] | None] = field(default_factory=dict)
    lead: dict[int, tuple[str, str, int] | None] = field(default_factory=dict)
    surnames: dict[tuple[str, int], SpeakerRef | None] = field(default_factory=dict)
    mentions: dict[int, tuple[int, str] | None] = field(default_factory=dict)
    named_in_text: dict[tuple[str, int], str | None] = field(default_factory=dict)


@dataclass(slots=True)
class _Context:
    text: str
    paras: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    publisher: SpeakerRef | None
    history: list[tuple[int, SpeakerRef]] = field(default_factory=list)  # (offset, speaker) in text order
    groups: list[tuple[int, SpeakerRef]] = field(default_factory=list)
    named: list[tuple[int, SpeakerRef]] = field(default_factory=list)  # speakers named (not resolved) here
    seen: set[int] = field(default_factory=set)  # ids of the speakers in ``history``
    memo: _Memo = field(default_factory=_Memo)
    group_ids: set[int] = field(default_factory=set)  # ids of the speakers in ``groups[:group_count]``
    group_count: int = 0


def _fresh(ref: SpeakerRef | None) -> SpeakerRef | None:
    """A new speaker equal to ``ref``: each statement gets its own object, as when it was parsed anew."""
    if ref is None:
        return None
    return SpeakerRef(ref.name, ref.role, ref.org, ref.kind, ref.members, ref.surnames)


# back-references look at most this many speakers back: the nearest compatible one is near, and the work
# per reference stays bounded in documents with thousands of statements
_LOOKBACK = 400


def _recent(history: list[tuple[int, SpeakerRef]], pos: int) -> Iterator[tuple[int, SpeakerRef]]:
    """(offset, speaker) of ``history`` (sorted by offset) at or before ``pos``, nearest first."""
    i = bisect.bisect_right(history, pos, key=lambda x: x[0])
    for k in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
        yield history[k]


@lru_cache(maxsize=8192)
def clean_name(name: str) -> str:
    """Strip titles, honours, brackets and stray punctuation from a name."""
    name = name.strip().strip(",.:;*\"“”‘’'()•·–-").strip()
    name = _TITLES.sub("", name)
    name = _HONOURS.sub("", name)
    return name.strip().strip(",")


@lru_cache(maxsize=8192)
def is_person(name: str) -> bool:
    """A name that reads like a person's (two or three capitalised words, no organisation word)."""
    words = name.split()
    return bool(_PERSON.match(name)) and not _ORG_HINT.search(name) and 2 <= len(
        [w for w in words if w[:1].isupper()]) <= 4


# ------------------------------------------------------------------------------------------------------
# Speaker phrases
# ------------------------------------------------------------------------------------------------------
_ROLE_ORG = regex.compile(r"^(?P<role>.+?)\s+(?:at|of|for|from|with)\s+(?:the\s+)?(?P<org>[A-Z].+)$")
_ROLE_ORG_THE = regex.compile(r"^(?P<role>.+?)\s+(?:at|of|for|from|with)\s+(?P<org>(?:the\s+)?[A-Z].+)$")


# (as tries: every use ends the word there, so at most one of the words found at a position goes on to match)
_ROLE_NOUN_WORDS = (
    "Minister Secretary Executive Director Chair Chairman Chairwoman Chairperson Commissioner Officer Leader "
    "Spokesperson Spokesman Spokeswoman President Chancellor Head Manager Lead Founder CEO Economist Researcher "
    "Analyst Professor Lecturer Editor Trustee Governor Mayor Councillor Member Adviser Advisor Campaigner "
    "Ambassador Deputy Coordinator Co-ordinator Inspector General Fellow Author Principal".split()
)
_ROLE_NOUNS = "(?:" + word_trie(_ROLE_NOUN_WORDS) + ")"
_ROLE_THEN_NAME = regex.compile(
    rf"^(?P<role>(?i:(?:the\s+)?(?:[\p{{L}}'’&-]+\s+){{0,5}}?{_ROLE_NOUNS}))\s+(?P<name>{_TITLE_WORDS}*+{_NAME}"
    r"(?:\s+(?:MBE|OBE|CBE|KBE|DBE|QC|KC|MP))*+)$"
)
_ROLE_ONLY = regex.compile(rf"^(?:the|The)\s+(?P<role>(?:[A-Z][\p{{L}}'’&-]*+\s+){{0,4}}{_ROLE_NOUNS})$")
_SPOKES = regex.compile(
    r"^(?:an?\s+|the\s+)?(?P<role>(?:senior\s+)?(?:spokes(?:person|man|woman)|representative|source|official|"
    r"insider|aide))\s+(?:for|from|at|of)\s+(?:the\s+)?(?P<org>[A-Z].+)$", regex.I,
)
_ORG_SPOKES = regex.compile(
    r"^(?:[Aa]n?\s+|[Tt]he\s+)?(?P<org>[A-Z][\p{L}'’&.-]*+(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\p{L}'’&.-]*+){0,6})"
    r"(?P<pos>['’]s?)?\s+(?P<role>(?:senior\s+)?(?:spokes(?:person|man|woman)|source|official|representative|insider))$"
)
_SPOKES_ENDS = ("spokesperson", "spokesman", "spokeswoman", "source", "official", "representative", "insider")
_NOT_ROLE = regex.compile(
    r"^(?:who|which|whose|whom|adding|speaking|writing|commenting|responding|in|on|as|when|after|before|"
    r"while|during|but|and|at\s+the\s+(?:launch|event|conference)|told|said)\b", regex.I,
)
_LEAD_CLAUSE = regex.compile(
    r"^(?:In|On|At|As|For|After|Before|During|Following|Responding|Commenting|Speaking|Writing|Today|Yesterday|"
    r"Meanwhile|However|Earlier|Later|Separately|Also|Last|This|Now)\b"
)
_POSSESSIVE = regex.compile(r"['’]s?$")


_PLACE = regex.compile(r"(?:the\s+)?(?:England|Wales|Scotland|Northern\s+Ireland|Britain|Great\s+Britain|UK|"
                       r"United\s+Kingdom|London|[A-Z][a-z]+shire)")


_LEAD_ARTICLE = regex.compile(r"^(?:an?|the)\s+", regex.I)
_ORG_POSS_ROLE = regex.compile(
    r"^(?P<org>[A-Z][\p{L}&.-]*+(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\p{L}&.-]*+){0,5})(?P<pos>['’]s)\s+"
    r"(?P<role>[\p{L}'’ -]+)$"
)
_ROLE_NOUN_END = regex.compile(rf"\b{_ROLE_NOUNS}$", regex.I)
_ROLE_NOUN_WORD = regex.compile(rf"\b{_ROLE_NOUNS}\b", regex.I)
_LEAD_ARTICLE_CASED = regex.compile(r"^(?:the|The|an?|An?)\s+")


def _role_org(rest: str, text: str = "") -> tuple[str | None, str | None]:
    """'Chief Executive of The Children's Society' -> (role, org); 'a senior lecturer at X' -> (senior lecturer, X)."""
    rest = rest.strip().strip(",").strip()
    if not rest or _NOT_ROLE.match(rest):
        return None, None
    rest = _LEAD_ARTICLE.sub("", rest)
    m = _ORG_POSS_ROLE.match(rest)
    if m and _ROLE_NOUN_END.search(m.group("role")) and \
            m.group("org").split()[-1].lower() not in IRREGULAR_PLURALS and not m.group("org").endswith("s"):
        # "Ofsted's Chief Inspector" (not "Children's Commissioner", a title of its own)
        return m.group("role").strip(), _strip_possessive(m.group("org") + m.group("pos"), text)
    m = _ROLE_ORG_THE.match(rest)
    if m and not _PLACE.fullmatch(m.group("org").strip()):
        org = m.group("org").strip()
        if org.startswith("the "):
            org = org[4:]
        return m.group("role").strip(), org
    return rest or None, None


def _person_ref(name: str, role: str | None = None, org: str | None = None) -> SpeakerRef:
    ref = SpeakerRef(name, role, org, "person")
    ref.surnames = (name.split()[-1],)
    return ref


@lru_cache(maxsize=4096)
def _looks_like_role(part: str) -> bool:
    """'The Children's Commissioner', 'Chief Executive of Barnardo's' (not 'In response to the report')."""
    if _LEAD_CLAUSE.match(part) or len(part.split()) > 10:
        return False
    words = _LEAD_ARTICLE_CASED.sub("", part).split()
    small = {"of", "for", "at", "the", "and", "on", "to", "&"}
    return bool(words) and all(w[:1].isupper() or w.lower() in small for w in words) and \
        _ROLE_NOUN_WORD.search(part) is not None


_SPACES = regex.compile(r"\s+")
_COMMA_SPLIT = regex.compile(r",\s*")
_WORK_BY = regex.compile(
    r"^(?:(?:the|new|latest|recent)\s+)*(?i:research|analysis|report|study|survey|figures|data|"
    r"modelling|projections|estimates|work|review)\s+(?:by|from|of)\s+(?:the\s+)?(?P<org>[A-Z][^,]*)$"
)
_ORG_WORK = regex.compile(
    r"^(?:the\s+)?(?P<org>[A-Z][\w'’&.\- ]*?)(?P<pos>['’]s?)?\s+(?:latest\s+|new\s+|own\s+|annual\s+|"
    r"recent\s+)?(?:research|analysis|report|study|survey|figures|data|modelling|projections)"
    r"(?:\s+with\s+.+)?$", regex.I
)
_NAME_AT_END = regex.compile(rf"(?P<name>{_TITLE_WORDS}*+{_NAME})$")
# cheap tests that _ORG_WORK, and _ROLE_THEN_NAME or _NAME_AT_END, may match: a work noun after a space; a
# capitalised last word
_WORK_NOUN = regex.compile(r"\s(?:research|analysis|report|study|survey|figures|data|modelling|projections)", regex.I)
_CAPITALISED_END = regex.compile(r"[A-Z][\p{L}'’.-]*+$")
_CAPITALISED = regex.compile(r"[A-Z][\p{L}'’-]+")
_THE_BEFORE_CAP = regex.compile(r"^the\s+(?=[A-Z])")
_BODY_NOUN = regex.compile(
    r"^(?:the\s+)?(?P<org>(?:[\w'’-]+\s+){0,3}(?:review|council|charity|society|government|"
    r"department|committee|commission|network|inquiry|taskforce|panel|office)(?:\s+(?:of|for|on)"
    r"\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})?)$", regex.I
)


def parse_speaker_phrase(phrase: str, ctx: _Context, pos: int) -> SpeakerRef | None:
    """A speaker from the words before a speech verb: apposition, title + name, organisation, pronoun."""
    plan = ctx.memo.plans.get(phrase)
    if plan is None:
        plan = ctx.memo.plans[phrase] = _plan_phrase(phrase, ctx)
    for op, arg in plan.steps:
        ref: SpeakerRef | None = None
        if op == "pronoun":
            return resolve_pronoun(arg, ctx, pos)
        if op == "backref":
            ref = resolve_backref(arg[0], arg[1], ctx, pos)
        elif op == "surname":
            ref = resolve_surname(arg, ctx, pos)
        else:  # a list of surnames: "Wanless, Perry, Russell and Armstrong"
            for _, g in reversed(ctx.groups):
                if any(n in g.surnames for n in arg):
                    return g
        if ref is not None:
            return ref
    return _fresh(plan.result)


def _plan_phrase(phrase: str, ctx: _Context) -> _Plan:
    """How :func:`parse_speaker_phrase` reads ``phrase``: everything that depends on the text alone."""
    phrase = _SPACES.sub(" ", phrase).strip().strip(",:;").strip()
    # keep the last clause: "In response to the report, Mark Russell, Chief Executive at X," -> "Mark Russell, ..."
    parts = [p.strip() for p in _COMMA_SPLIT.split(phrase) if p.strip()]
    if not parts:
        return _Plan((), None)
    # apposition: NAME, ROLE (at|of|for) ORG  /  NAME, ROLE  /  ROLE, NAME
    for i in range(len(parts) - 1, -1, -1):
        cand = clean_name(parts[i])
        if is_person(cand) and not _ROLE_ONLY.match(cand):
            role = org = None
            rn = _ROLE_THEN_NAME.match(cand)
            if rn and is_person(clean_name(rn.group("name"))):
                cand, role = clean_name(rn.group("name")), rn.group("role")  # "Education Secretary Gillian Keegan"
            if i + 1 < len(parts):
                role, org = _role_org(", ".join(parts[i + 1:]), ctx.text)
            elif role is not None:
                pass
            elif i > 0 and _looks_like_role(parts[i - 1]):
                role, org = _role_org(parts[i - 1], ctx.text)
            return _Plan((), _person_ref(cand, role, org))
        if i == len(parts) - 1:
            continue
        break
    last = parts[-1]
    # "A spokesperson for the Department for Education"
    m = _SPOKES.match(last)
    if m:
        ref = _org_ref(m.group("org"), ctx)
        ref.role = m.group("role")
        return _Plan((), ref)
    m = _ORG_SPOKES.match(last) if last.removesuffix("\n").endswith(_SPOKES_ENDS) else None
    if m:
        ref = _org_ref(m.group("org") + (m.group("pos") or ""), ctx, possessive=True)
        ref.role = m.group("role")
        return _Plan((), ref)
    # research by X / X's analysis / X research (with Y)
    m = _WORK_BY.match(last)
    if m:
        return _Plan((), _org_ref(m.group("org"), ctx))
    m = _ORG_WORK.match(last) if _WORK_NOUN.search(last) else None
    if m and m.group("org")[:1].isupper() and m.group("org").lower() not in ("our", "their", "its", "the"):
        return _Plan((), _org_ref(m.group("org") + (m.group("pos") or ""), ctx, possessive=True))
    # "Chief Executive Mark Russell", "Children's Minister Claire Coutinho"
    name_last = _CAPITALISED_END.search(last) is not None  # both end with a name
    m = _ROLE_THEN_NAME.match(last) if name_last else None
    if m and is_person(clean_name(m.group("name"))):
        return _Plan((), _person_ref(clean_name(m.group("name")), m.group("role").strip() or None))
    m = _NAME_AT_END.search(last) if name_last else None
    if m and is_person(clean_name(m.group("name"))) and m.start() > 0:
        return _Plan((), _person_ref(clean_name(m.group("name")), last[: m.start()].strip() or None))
    # "The Education Secretary", "the Chancellor": a role standing for a person
    m = _ROLE_ONLY.match(last)
    if m and not _ORG_HINT.search(m.group("role").split()[-1]):
        return _Plan((), SpeakerRef(m.group("role"), None, None, "person"))
    low = last.lower()
    # pronouns and back-references
    if low in _PRONOUNS or low.startswith(("our ", "my ")):
        return _Plan((("pronoun", low.split()[0]),), None)
    steps: list[tuple[str, Any]] = []
    m = _BACKREF.match(last)
    if m:
        if m.group("noun").lower() == "government":
            return _Plan((), SpeakerRef("Government"))
        steps.append(("backref", (last, m.group("noun").lower())))
    # a surname met before: "Mr Russell", "Perry"
    cand = clean_name(last)
    if _CAPITALISED.fullmatch(cand) and not _ORG_HINT.search(cand):
        steps.append(("surname", cand))
        if regex.match(rf"{_TITLE_WORDS}+{regex.escape(cand)}$", last):
            return _Plan(tuple(steps), _person_ref(cand))  # 'Mr Sunak', with no fuller name in the text
    # a list of surnames: "Wanless, Perry, Russell and Armstrong"
    names = split_list(phrase)
    if len(names) >= 2 and all(_CAPITALISED.fullmatch(n) for n in names):
        steps.append(("groups", tuple(names)))
    # organisation names
    cand = _THE_BEFORE_CAP.sub("", cand)
    if cand and cand[0].isupper() and len(cand.split()) <= 12 and (_ORG_HINT.search(cand) or cand.isupper()) \
            and not _LEAD_CLAUSE.match(cand):
        return _Plan(tuple(steps), _org_ref(cand, ctx))
    if cand.lower() in ("the government", "government", "ministers"):
        return _Plan(tuple(steps), SpeakerRef("Government"))
    m = _BODY_NOUN.match(phrase)
    if m:
        name = _trim_tail(m.group("org"))
        return _Plan(tuple(steps), SpeakerRef(name[0].upper() + name[1:]))
    return _Plan(tuple(steps), None)


def resolve_surname(surname: str, ctx: _Context, pos: int) -> SpeakerRef | None:
    """'Mr Russell' / 'Perry' -> the person with that surname met before (or named in the text before)."""
    for _, s in _recent(ctx.history, pos):
        if s.kind == "person" and surname in s.surnames:
            return s
    key = (surname, pos)
    if key not in ctx.memo.surnames:
        ctx.memo.surnames[key] = _surname_in_text(surname, ctx.text, pos)
    return _fresh(ctx.memo.surnames[key])


_APPOSITION_AFTER = regex.compile(r",\s*(?P<app>[^,.;:\n“”\"]{3,120}),")


def _surname_in_text(surname: str, text: str, pos: int) -> SpeakerRef | None:
    """The person last named in full with ``surname`` in the 20,000 characters before ``pos``."""
    found = None
    pat = regex.compile(rf"(?<![\p{{L}}])(?P<name>{_TITLE_WORDS}*+[A-Z][\p{{L}}'’.-]*+(?:\s+[A-Z][\p{{L}}'’.-]*+)"
                        rf"{{0,2}}\s+{regex.escape(surname)})(?![\p{{L}}])")
    for m in pat.finditer(text, max(0, pos - 20_000), pos):
        found = m
    if found is None:
        return None
    name = clean_name(found.group("name"))
    if not is_person(name):
        return None
    after = _APPOSITION_AFTER.match(text[found.end():found.end() + 160])
    role, org = _role_org(after.group("app"), text) if after else (None, None)
    return _person_ref(name, role, org)


def _strip_possessive(name: str, text: str) -> str:
    """'Institute for Fiscal Studies’' -> without the mark; 'Ofsted’s' -> 'Ofsted', unless the text uses the
    name with its 's as a name of its own ('Barnardo’s has warned', '(Barnardo’s)')."""
    name = name.strip()
    if not _POSSESSIVE.search(name):
        return name
    if name[-1] in "'’":
        return name[:-1]
    if regex.search(rf"{regex.escape(name)}(?=\s*[),.;:]|\s+(?:and|or|has|have|had|is|was|said|says|warn\w*|"
                    rf"call\w*|chief|CEO|director|spokes\w*)\b)", text):
        return name
    return name[:-2]


_WITH_TAIL = regex.compile(r"\s+(?:with|and)\s+[A-Z]\w+$")
_ACRONYM = regex.compile(r"[A-Z]{2,6}")
_SOCIETY_TRUST = regex.compile(r"\bSociety\b|\bTrust\b")


def _org_ref(name: str, ctx: _Context, possessive: bool = False) -> SpeakerRef:
    name = name.strip().strip(",.")
    if possessive:
        name = _strip_possessive(name, ctx.text)
    name = _WITH_TAIL.sub("", name) if " with " in name else name
    if _ACRONYM.fullmatch(name):
        from ..meta import expand_acronym

        name = expand_acronym(ctx.text, name)
    if name.lower().startswith("the "):
        name = name[4:] if not name.startswith("The ") or not _keeps_the(name) else name
    return SpeakerRef(name)


def _keeps_the(name: str) -> bool:
    return name.startswith("The ") and _SOCIETY_TRUST.search(name) is not None


_TAIL_STOP = frozenset(
    "has have had is are was were will would could should can may might must does did do calls called "
    "published publishes said says found finds shows showed warns warned which that who and but or to in on "
    "at by with as its their".split()
)


def _trim_tail(name: str) -> str:
    words = name.split()
    while words and (words[-1].lower() in _TAIL_STOP or words[-1].lower() in ("of", "for", "the")):
        words.pop()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _TAIL_STOP), len(words))
    return " ".join(words[:cut])


def resolve_pronoun(word: str, ctx: _Context, pos: int) -> SpeakerRef | None:
    """'he'/'she' -> the last person; 'they' -> the last group or organisation; 'we'/'our' -> the enclosing
    speaker or the publisher."""
    kind = _PRONOUNS.get(word, "we" if word in ("our", "we", "us") else "i" if word in ("my", "i") else "")
    cands = [s for _, s in _recent(ctx.history, pos)][::-1]
    if kind in ("person-m", "person-f", "i"):
        for s in reversed(cands):
            if s.kind == "person":
                return s
    elif kind == "plural":
        for p, g in reversed(ctx.groups):
            if p <= pos:
                return g
        for s in reversed(cands):
            if s.kind != "person":
                return s
    elif kind == "it":
        for s in reversed(cands):
            if s.kind == "organisation":
                return s
    elif kind == "we":
        return None  # resolved by the enclosing quote or the publisher
    return None


_GENERIC_ORG_NOUNS = frozenset(
    "charity organisation organization body group campaign watchdog regulator think-tank".split()
)
_TYPED_ORG_NOUNS = frozenset(
    "network society council authority association union federation foundation trust institute department "
    "ministry agency inspectorate coalition alliance partnership commission committee".split()
)


def _nearest_org_mention(ctx: _Context, pos: int) -> tuple[int, str] | None:
    """The last organisation named in the text within a few sentences before ``pos``."""
    if pos in ctx.memo.mentions:
        return ctx.memo.mentions[pos]
    found = None
    for m in _ORG_MENTION.finditer(ctx.text, max(0, pos - 800), pos):
        name = _THE_UNLESS_KEPT.sub("", m.group(0))
        if _ORG_HINT.search(name) and name not in ("Government", "The Government") and not _LEAD_CLAUSE.match(name):
            found = (m.start(), name)
    ctx.memo.mentions[pos] = found
    return found


_THE_UNLESS_KEPT = regex.compile(r"^(?:The|the)\s+(?!.*\b(?:Society|Trust)\b)")
_SPACES_HYPHENS = regex.compile(r"[\s-]+")


def resolve_backref(phrase: str, noun: str, ctx: _Context, pos: int) -> SpeakerRef | None:
    """'the review', 'the charity', 'the chief executives', 'this letter' -> nearest compatible speaker."""
    noun = _SPACES_HYPHENS.sub(" ", noun)
    if noun in ("letter", "statement") or noun in _PLURAL_NOUNS:
        for p, g in reversed(ctx.groups):
            if p <= pos:
                return g
        if noun in ("letter", "statement") and ctx.publisher is not None:
            return ctx.publisher
    for _, s in _recent(ctx.history, pos):
        if (noun in s.name.lower() or (s.org and noun in s.org.lower())):
            return s if noun in s.name.lower() else SpeakerRef(s.org or s.name)
    if noun.replace(" ", "-") in _GENERIC_ORG_NOUNS:
        met = next(((p, s) for p, s in _recent(ctx.history, pos) if s.kind == "organisation"
                    and s.name != "Government" and s is not ctx.publisher), None)
        named = _nearest_org_mention(ctx, pos)
        if named is not None and (met is None or named[0] > met[0]):
            return _org_ref(named[1], ctx, possessive=True)
        return met[1] if met is not None else ctx.publisher
    # a name in the text that contains the noun: "the review" -> "Independent Review of Children's Social Care"
    if " " not in noun:
        key = (noun, pos)
        if key not in ctx.memo.named_in_text:
            named = regex.compile(rf"(?:(?<=\bthe\s)|(?<=\bThe\s))(?P<org>(?:[A-Z][\w'’]*\s+)*{noun}(?:\s+(?:of|for)"
                                  rf"\s+[\w'’]+(?:\s+[\w'’]+){{0,3}})?)", regex.I)
            m = named.search(ctx.text, 0, pos)  # the text up to pos (a cut, not a copy)
            ctx.memo.named_in_text[key] = m.group("org") if m else None
        org = ctx.memo.named_in_text[key]
        if org is not None:
            name = _trim_tail(org)
            return SpeakerRef(name[0].upper() + name[1:] if name[0].islower() else name)
    if noun in _TYPED_ORG_NOUNS:
        return ctx.publisher
    return None


# ------------------------------------------------------------------------------------------------------
# Signatory lists: "Sir Peter Wanless (NSPCC), Lynn Perry MBE (Barnardo's) and Anna Feuchtwang (NCB)"
# ------------------------------------------------------------------------------------------------------
_SIGNATORY = regex.compile(
    rf"(?P<person>{_TITLE_WORDS}*+{_NAME}(?:\s+(?:MBE|OBE|CBE|KBE|DBE))?+)\s*\((?P<org>[^()\n\d]{{2,80}})\)"
)


_ORG_WORD = r"[A-Z][\p{L}'’&.-]*+"
_ORG_NAME = rf"{_ORG_WORD}(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?{_ORG_WORD}){{0,6}}"
_LIST_LAST = rf"and\s+(?:the\s+)?{_ORG_NAME}"
_LIST_VERB = (
    r"\s+(?:(?:have|has|had|are|were|will|today|jointly|also|all|both|together|have\s+today)\s+)*+"
    rf"(?=(?:{_SPEECH_ALT}|written|issued|published|released|signed|joined|called|urged|made|put)\b)"
)
_LIST_SUBJECT = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<list>{_ORG_NAME}(?:,\s+(?:the\s+)?{_ORG_NAME}){{0,8}},?\s+{_LIST_LAST}){_LIST_VERB}"
)
_AND = regex.compile(r"(?<=\s)and(?=\s+(?:the\s+)?[A-Z])")  # (where a name follows)
_LIST_END = regex.compile(_LIST_LAST + _LIST_VERB)  # what a list subject holds from its 'and'
# a list subject holds one 'and' between spaces, its other words capitalised or 'of', 'for', 'on', 'the' (the
# words before the 'and' are at most nine names of at most nineteen words, with a 'the' after each comma):
# matched backwards from the 'and', this reaches at or before where the list may start
_LIST_BACK = regex.compile(r"(?r)[\p{L}'’&.-]*+,?(?:\s++(?:[A-Z][\p{L}'’&.-]*,?|of|for|on|the)){0,179}+,?\s++")
_CAPITAL_START = regex.compile(r"(?<![\p{L}'’])[A-Z]")
_ORG_MENTION = regex.compile(rf"(?<![\p{{L}}'’])(?:[Tt]he\s+)?{_ORG_NAME}")
_LEAD_WORDS = regex.compile(r"^(?:(?:Today|Yesterday|Tonight|Meanwhile|Now|Earlier|Separately|Charities|Leading|"
                            r"However|Also|And|But|The)\s+)+(?=[A-Z])")


def _list_subjects(text: str) -> Iterator[regex.Match[str]]:
    """``_LIST_SUBJECT.finditer(text)``, tried only at the capitals between an 'and' that ends a list subject
    (``_LIST_END``) and where ``_LIST_BACK`` reaches back from it."""
    pos = 0
    for a in _AND.finditer(text):
        if a.start() < pos or _LIST_END.match(text, a.start()) is None:
            continue
        back = _LIST_BACK.match(text, pos, a.start())
        if back is None:
            continue
        for c in _CAPITAL_START.finditer(text, back.start(), a.start()):
            m = _LIST_SUBJECT.match(text, c.start())
            if m is not None:
                yield m
                pos = m.end()
                break


def find_groups(ctx: _Context) -> None:
    """Record every list of two or more signatories with organisations as a group speaker."""
    if ctx.memo.groups is not None:  # found by an earlier pass over the text: the same speakers
        history, groups = ctx.memo.groups
        ctx.history.extend(history)
        ctx.groups.extend(groups)
        ctx.groups.sort(key=lambda x: x[0])
        ctx.group_ids.clear()
        ctx.group_count = 0
        return
    text = ctx.text
    h0, g0 = len(ctx.history), len(ctx.groups)
    for pa, pb in ctx.paras:
        if text.count("(", pa, pb) < 2:
            continue  # each signatory has its own bracket: fewer than two, no list
        sigs = list(_SIGNATORY.finditer(text, pa, pb))
        if len(sigs) < 2:
            continue
        orgs = tuple(dict.fromkeys(s.group("org").strip() for s in sigs))
        surnames = tuple(clean_name(s.group("person")).split()[-1] for s in sigs)
        g = SpeakerRef("; ".join(orgs), None, None, "group", orgs, surnames)
        ctx.groups.append((sigs[0].start(), g))
        for s in sigs:
            person = SpeakerRef(clean_name(s.group("person")), None, s.group("org").strip(), "person")
            person.surnames = (person.name.split()[-1],)
            ctx.history.append((s.start(), person))
    for m in _list_subjects(text):
        members = [_LEAD_WORDS.sub("", x).strip() for x in split_list(m.group("list"))]
        members = [x for x in members if x]
        if len(members) < 2:
            continue
        if all(" " not in x for x in members):
            # surnames of signatories already met: "Wanless, Perry and Russell also talk about ..."
            known = next((g for p, g in reversed(ctx.groups) if p <= m.start() and
                          any(x in g.surnames for x in members)), None)
            if known is not None:
                ctx.groups.append((m.start(), known))
            continue
        ctx.groups.append((m.start(), SpeakerRef("; ".join(members), None, None, "group", tuple(members))))
    ctx.memo.groups = (ctx.history[h0:], ctx.groups[g0:])
    ctx.groups.sort(key=lambda x: x[0])
    ctx.group_ids.clear()
    ctx.group_count = 0


def group_at(ctx: _Context, a: int, b: int) -> SpeakerRef | None:
    """A list-subject group named between offsets ``a`` and ``b``."""
    for p, g in ctx.groups:
        if a <= p < b and g.members:
            return g
    return None


# ------------------------------------------------------------------------------------------------------
# Direct and joint quotes
# ------------------------------------------------------------------------------------------------------
def _starts_with_open(text: str, pa: int) -> bool:
    return text[pa] in "“\"‘«„" or (text[pa] == "'" and pa + 1 < len(text) and text[pa + 1].isalpha())


def _ends_with_close(text: str, pa: int, pb: int) -> bool:
    end = text[pb - 1]
    return end in "”\"’»" or (end == "'" and pb - 2 >= pa and not text[pb - 2].isalpha())


def _attribution_before(ctx: _Context, para_index: int, qstart: int) -> tuple[str, int] | None:
    """The cue before a paragraph quote: the previous paragraph (or the text before the mark) ending in ':'."""
    key = (para_index, qstart)
    if key in ctx.memo.before:
        return ctx.memo.before[key]
    found = ctx.memo.before[key] = _find_attribution_before(ctx, para_index, qstart)
    return found


def _find_attribution_before(ctx: _Context, para_index: int, qstart: int) -> tuple[str, int] | None:
    text = ctx.text
    pa, _ = ctx.paras[para_index]
    if qstart - 1 > pa:
        lead = text[pa:qstart - 1].rstrip()
        if lead.endswith(":") or _COLON_CUES.search(lead):
            return lead, pa
    if para_index > 0:
        qa, qb = ctx.paras[para_index - 1]
        prev = text[qa:qb].rstrip()
        prev_last = prev.splitlines()[-1] if prev else ""
        if prev_last.rstrip("*").rstrip().endswith(":"):
            # the offset of the cue as returned: past the line's indentation
            return prev_last.strip(), qa + len(prev) - len(prev_last.lstrip())
    return None


_AFTER_CUE = regex.compile(
    rf"\s*,?\s*(?:(?P<verb1>{_SPEECH_ALT})\s+(?P<who1>[^.;:!?\n“”\"‘]{{2,160}}?)|(?P<who2>[^.;:!?\n“”\"‘]{{2,160}}?)\s+"
    rf"(?P<verb2>{_SPEECH_ALT}))\s*(?:[.;:!?]|,?\s*(?=[“‘\"])|(?=\n)|\Z)",
)
_CLOSE_MARK = regex.compile(r"[,.!?]?(?:[”\"»]|’(?!\p{L}))")


def direct_quotes(ctx: _Context, quotes: list[RawQuote]) -> None:
    """Paragraph-level (multi-paragraph) quotes and inline quotes with a speaker cue."""
    text = ctx.text
    paras = ctx.paras
    i = 0
    covered: list[tuple[int, int]] = []
    while i < len(paras):
        pa = paras[i][0]
        cue = _attribution_before(ctx, i, pa + 1 if _starts_with_open(text, pa) else pa)
        if _starts_with_open(text, pa):
            # a paragraph quote runs on while paragraphs open with a mark and do not close, or until a
            # paragraph that closes the quote (within a few paragraphs)
            j = i
            closed = False
            while True:
                qa, qb = paras[j]
                if _ends_with_close(text, qa, qb) and not (j == i and qb - qa < 2):
                    closed = True
                    break
                if j + 1 < len(paras) and _starts_with_open(text, paras[j + 1][0]):
                    j += 1
                    continue
                # an opened quote with no close: look ahead for the closing paragraph
                k = j + 1
                while k < len(paras) and k <= j + 4 and not _starts_with_open(text, paras[k][0]):
                    if _ends_with_close(text, *paras[k]):
                        j = k
                        closed = True
                        break
                    k += 1
                break
            start = pa + 1
            end = paras[j][1] - (1 if closed else 0)
            speaker, kind, cue_text, cue_pos = _speaker_for_block(ctx, i, cue, start)
            pieces = [(start, end)]
            # an attribution after the close: "...,” said X." / "...,” X said, “...”"
            if speaker is None:
                speaker, cue_text, cue_pos, pieces = _speaker_after(ctx, start, end, paras[i][1],
                                                                   paras[i + 1][0] if j > i else None)
            if speaker is not None:
                for a, b in pieces:
                    quotes.append(RawQuote(kind, a, b, speaker, cue_text, cue_pos, tuple(range(i, j + 1))))
                _remember(ctx, cue_pos if cue_pos is not None else start, speaker)
                covered.append((start, end))
                i = j + 1
                continue
        elif cue is not None and _is_statement_cue(cue[0]):
            # "We also issued a joint statement with ...:" followed by unquoted paragraphs
            j = i
            while j + 1 < len(paras) and not _is_separator(text, *paras[j + 1]) and \
                    _attribution_before(ctx, j + 1, paras[j + 1][0]) is None and \
                    not _looks_like_heading(text, *paras[j + 1]):
                j += 1
            speaker, kind, cue_text, cue_pos = _speaker_for_block(ctx, i, cue, pa)
            if speaker is not None:
                quotes.append(RawQuote(kind, pa, paras[j][1], speaker, cue_text, cue_pos, tuple(range(i, j + 1))))
                covered.append((pa, paras[j][1]))
                i = j + 1
                continue
        i += 1
    _inline_quotes(ctx, quotes, covered)


_STATEMENT_CUE = regex.compile(r"\b(?:statement|letter|reads|read|wrote|writes)\b[^:]*:\s*\**$", regex.I)
_SEPARATOR = regex.compile(r"[-–—*_=~#\s]+")
_SENTENCE_MARK_END = regex.compile(r"[.!?:]$")


def _is_statement_cue(cue: str) -> bool:
    return bool(_STATEMENT_CUE.search(cue))


def _is_separator(text: str, a: int, b: int) -> bool:
    return _SEPARATOR.fullmatch(text, a, b) is not None


def _looks_like_heading(text: str, a: int, b: int) -> bool:
    s = text[a:b]
    return len(s) < 60 and not _SENTENCE_MARK_END.search(s)


_SIGNED_BY = regex.compile(r"\b(?:from|signed\s+by|on\s+behalf\s+of)\s+(?:the\s+)?(?P<list>.+?)"
                        r"(?:,\s*(?:reads?|says?|said|states?|stated)\b[^,]*)?[:.]?\**\s*$")
_WE_FIRST = regex.compile(r"^\s*(?:we|our)\b", regex.I)
_CUE_WHO = regex.compile(rf"(?P<who>.*?)\s*,?\s*(?:{_SPEECH_ALT}|reads|read|continued|continues)\s*:?\**\s*$",
                         regex.I)
_CUE_TAIL = regex.compile(rf"(?r)\s*,?\s*(?:{_SPEECH_SORTED}|reads|read|continued|continues)\s*:?\**\s*$", regex.I)
_CUE_WHO_AFTER = regex.compile(rf"\b(?:{_SPEECH_ALT})\s+(?P<who>[^:,]+?)\s*:\s*$")  # "said X:"


def _read_cue(cue_text: str) -> tuple[bool, bool, tuple[str, ...] | None, bool]:
    """What a block's cue says, from its words alone: (joint, 'joint statement', the members it names (two or
    more), 'we'/'our' first)."""
    low = cue_text.lower()
    joint = "joint statement" in low or "letter" in low or "signed" in low
    joint_statement = "joint statement" in low
    members: tuple[str, ...] | None = None
    if joint:
        m = _SIGNED_BY.search(cue_text)
        if m:
            listed = tuple(split_list(m.group("list")))
            members = listed if len(listed) >= 2 else None
    we = joint_statement and _WE_FIRST.search(cue_text) is not None
    return joint, joint_statement, members, we


def _cue_speaker_phrases(cue_text: str) -> tuple[str, str | None]:
    """The speaker phrase of a block's cue ('X, role, said:'), and the phrase after its verb ('said X:').

    The phrase is what ``_CUE_WHO`` finds, worked out from the end: the verb of its tail ends after the cue's
    last letter, so the tail the lazy phrase stops at is the longest one read backwards, and the phrase runs
    from the last line break before it. The phrase after the verb has no comma or colon: its search starts
    after the last one before the final colon."""
    tail = _CUE_TAIL.match(cue_text)
    if tail is None:
        who = cue_text.rstrip(":")
    else:
        x = tail.start()
        who = cue_text[cue_text.rfind("\n", 0, x) + 1:x]
    colon = cue_text.rfind(":")
    clause = max(cue_text.rfind(",", 0, colon), cue_text.rfind(":", 0, colon)) + 1 if colon > 0 else 0
    m2 = _CUE_WHO_AFTER.search(cue_text, clause)
    return who, m2.group("who") if m2 else None


def _speaker_for_block(ctx: _Context, para_index: int, cue: tuple[str, int] | None, qstart: int
                       ) -> tuple[SpeakerRef | None, str, str | None, int | None]:
    if cue is None:
        return None, "direct", None, None
    cue_text, cue_pos = cue
    reading = ctx.memo.cues.get(cue_text)
    if reading is None:
        reading = ctx.memo.cues[cue_text] = _read_cue(cue_text)
    joint, joint_statement, members, we = reading
    if joint:
        # "A joint statement ... from A, B and C:" / "The letter, signed by A, B and C, reads:"
        if members is not None:
            g = SpeakerRef("; ".join(members), None, None, "group", members)
            ctx.groups.append((cue_pos, g))
            return g, "joint", cue_text, cue_pos
        # "A, B and C issued a joint statement:"
        g = group_at(ctx, cue_pos, cue_pos + len(cue_text))
        if g is not None and joint_statement:
            return g, "joint", cue_text, cue_pos
    if joint_statement and we and ctx.publisher is not None:
        return ctx.publisher, "joint", cue_text, cue_pos
    # "X, role, said:" / "They say:" / "The letter reads:"
    phrases = ctx.memo.cue_phrases.get(cue_text)
    if phrases is None:
        phrases = ctx.memo.cue_phrases[cue_text] = _cue_speaker_phrases(cue_text)
    who, who2 = phrases
    speaker = parse_speaker_phrase(who, ctx, cue_pos) if who else None
    if speaker is None and who2 is not None:
        speaker = parse_speaker_phrase(who2, ctx, cue_pos)
    if speaker is None:
        return None, "direct", cue_text, cue_pos
    kind = "joint" if joint or speaker.kind == "group" else "direct"
    return speaker, kind, cue_text, cue_pos


def _speaker_after(ctx: _Context, start: int, end: int, para_end: int, next_para: int | None
                   ) -> tuple[SpeakerRef | None, str | None, int | None, list[tuple[int, int]]]:
    """'“…,” said X.' / '“…,” X said, “…”': the attribution right after a closing mark in the first paragraph
    of a block; the quoted material is split around it (one piece, or two when the quote goes on)."""
    text = ctx.text
    for m in _CLOSE_MARK.finditer(text, start, min(end + 1, para_end)):
        after = m.end()
        cue = _cue_after(ctx, after)
        if cue is None:
            continue
        who, cue_text, cue_end = cue
        sp = parse_speaker_phrase(who, ctx, after)
        if sp is None:
            continue
        close = m.end() - 1
        pieces = [(start, close)]
        reopen = _REOPEN.match(text, cue_end, max(cue_end, para_end))
        if reopen:
            pieces.append((reopen.end(), end))
        elif next_para is not None:
            pieces.append((next_para + 1, end))
        return sp, cue_text, after, pieces
    return None, None, None, [(start, end)]


_REOPEN = regex.compile(r"\s*[“‘\"]")


def _cue_after(ctx: _Context, pos: int) -> tuple[str, str, int] | None:
    """(speaker phrase, cue, end of the cue) of an attribution right after a closing mark at ``pos``."""
    if pos in ctx.memo.after:
        return ctx.memo.after[pos]
    cue = _AFTER_CUE.match(ctx.text, pos, pos + AHEAD)
    found = ctx.memo.after[pos] = (cue.group("who1") or cue.group("who2"), cue.group(0).strip(), cue.end()) \
        if cue else None
    return found


def _is_group(ctx: _Context, sp: SpeakerRef) -> bool:
    """Whether ``sp`` is one of ``ctx.groups`` (a set of ids kept up to date as groups are added)."""
    groups = ctx.groups
    if ctx.group_count != len(groups):
        ctx.group_ids.update(id(g) for _, g in groups[ctx.group_count:])
        ctx.group_count = len(groups)
    return id(sp) in ctx.group_ids


def _remember(ctx: _Context, pos: int, sp: SpeakerRef) -> None:
    if sp.name != "__enclosing__" and sp is not ctx.publisher and \
            id(sp) not in ctx.seen and not _is_group(ctx, sp):
        ctx.named.append((pos, sp))
    bisect.insort_right(ctx.history, (pos, sp), key=lambda x: x[0])
    ctx.seen.add(id(sp))


# (the words run to the first mark or line break, so they are read possessively: a lazy run tries each length)
_INLINE = regex.compile(r"(?P<o>[“\"])(?P<body>[^“”\"\n]{3,2000}+)(?P<c>[”\"])")


def _cover_index(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts of ``spans`` in order, and the furthest end reached by each prefix: for :func:`_covered`."""
    ordered = sorted(spans)
    ends: list[int] = []
    furthest = -1
    for _, b in ordered:
        furthest = max(furthest, b)
        ends.append(furthest)
    return [a for a, _ in ordered], ends


def _covered(index: tuple[list[int], list[int]], pos: int) -> bool:
    """Whether some span of the index holds ``pos``."""
    starts, ends = index
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and ends[i] > pos


def _inline_quotes(ctx: _Context, quotes: list[RawQuote], covered: list[tuple[int, int]]) -> None:
    text = ctx.text
    covered_index = _cover_index(covered)
    if ctx.memo.inline is None:
        ctx.memo.inline = _inline_candidates(text)
    for s, e, q_start, q_end, who, cue in ctx.memo.inline:
        if _covered(covered_index, s):
            continue
        sp = None
        cue_text = None
        cue_pos = None
        if who is not None:
            sp = parse_speaker_phrase(who, ctx, q_end)
            cue_text, cue_pos = cue, q_end
        if sp is None:
            lead = _lead_speaker(ctx, q_start)
            if lead is not None:
                sp = parse_speaker_phrase(lead[0], ctx, q_start)
                cue_text, cue_pos = lead[1], lead[2]
        if sp is None:
            continue
        quotes.append(RawQuote("direct", s, e, sp, cue_text, cue_pos))
        _remember(ctx, cue_pos or s, sp)


def _inline_candidates(text: str) -> list[tuple[int, int, int, int, str | None, str | None]]:
    """Every quoted passage of five words or more: (start, end of the words, start, end of the marks, speaker
    phrase and cue of an attribution right after it)."""
    out: list[tuple[int, int, int, int, str | None, str | None]] = []
    for m in _INLINE.finditer(text):
        if len(m.group("body").split()) < 5:
            continue  # scare quotes: ‘new model’
        after = _AFTER_CUE.match(text, m.end(), min(len(text), m.end() + 160))
        who = (after.group("who1") or after.group("who2")) if after else None
        out.append((m.start("body"), m.end("body"), m.start(), m.end(), who, after.group(0).strip() if after else None))
    return out


def _lead_speaker(ctx: _Context, pos: int) -> tuple[str, str, int] | None:
    """(speaker phrase, cue, cue offset) of 'X said: ' right before an opening mark at ``pos``."""
    if pos in ctx.memo.lead:
        return ctx.memo.lead[pos]
    lead_start = max(0, pos - 200)
    bm = _LEAD_SPEAKER.search(ctx.text[lead_start:pos])
    found = ctx.memo.lead[pos] = (bm.group("who"), bm.group(0).strip(), lead_start + bm.start()) if bm else None
    return found


# ------------------------------------------------------------------------------------------------------
# Reported speech and citations
# ------------------------------------------------------------------------------------------------------
_CAP_WORD = r"[A-Z][\p{L}'’.&-]*"
_AUXILIARIES = r"(?:also|today|now|previously|recently|has|have|had|has\s+long|have\s+long|long|last\s+year|yesterday)"
_ACRONYM_AFTER = r"(?:\s+\([A-Z][A-Za-z&]{1,8}\))?"


def _speaker_end(cap_word: str) -> str:
    """The last words of a _REPORTED speaker (``cap_word``: a capitalised word)."""
    return (
        rf"(?:{cap_word}|[Tt]hey|[Hh]e|[Ss]he|[Ww]e|[Ii]t|[Tt]he\s+[a-z]+(?:\s+[a-z]+){{0,2}}?|[Tt]his\s+[a-z]+"
        rf"|[Oo]ur\s+(?:[\w'’]+\s+){{0,2}}(?:research|analysis|report|study|survey|data|figures)(?:,\s*[^,\n]{{2,60}},)?"
        rf"|research|analysis|report|study|survey|modelling|data|figures|estimates|projections)"
    )


_REPORTED = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<who>(?:(?:{_CAP_WORD}+|of|for|and|the|on|in|with|de|by|research|analysis|"
    rf"latest|new|own|report|study|survey|modelling|data|figures)\s+){{0,12}}?{_speaker_end(_CAP_WORD + '+')})"
    rf"{_ACRONYM_AFTER}\s+(?:{_AUXILIARIES}\s+)*+"
    rf"(?P<verb>{_SPEECH_ALT})\b\s*(?:(?<=\b(?:told|tells)\s*)(?:[\w'’-]+\s+){{1,4}}?that\s*,?\s*|"
    rf"them\s+to\s+|that\s*,?\s*|how\s+|:\s*)?",
)
_REPORTED_APPOS = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<who>{_TITLE_WORDS}*+{_NAME}(?:\s+(?:MBE|OBE|CBE|KBE|DBE|QC|KC|MP))*+,\s+"
    rf"[^,;:\n“”\"]{{2,120}}?),\s+(?:(?:also|has|have|had|today|previously|recently)\s+)*+"
    rf"(?P<verb>{_SPEECH_ALT})\b\s*(?:that\s*,?\s*|:\s*)?"
)
_ROLE_BEFORE = regex.compile(r"(?:^|(?<=[,;:]\s))(?P<role>[^,;:\n]{3,80}),\s*\Z")
_RESEARCH_BY = regex.compile(r"(?i:research|analysis|report|study|survey|modelling|data|figures|estimates|"
                             r"projections|work)\s+(?:by|from)\s", regex.I)
_PUBLISHED_BY = regex.compile(
    r"\b(?i:figures|data|statistics|research|analysis|report|study|survey|estimates|projections|modelling)\s*,?\s+"
    r"(?:published|released|compiled|produced|commissioned|carried\s+out|conducted)\s+(?:today\s+)?by\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,;:.\n]{1,80}?)(?:\s+(?:on|in|last|this|earlier|today|yesterday)\b[^,;:.\n]{0,40})?,?\s+"
    r"(?:also\s+)?(?:show|shows|showed|reveal|reveals|revealed|found|find|finds|suggest|suggests|suggested|"
    r"indicate|indicates|indicated|highlight|highlights|warn|warns|estimate|estimates)\b\s*(?:that\s*,?\s*)?"
)
_TRAILING_VERBS = (r"said|says|added|adds|warned|warns|claimed|claims|argued|argues|insisted|insists|stated|"
                   r"explained|noted|notes|believes|cautioned|told\s+[\w'’ ]{2,40}?|according\s+to")
_TRAILING = regex.compile(
    rf",\s*(?:(?:{_TRAILING_VERBS})\s+(?P<who1>[^,.;:!?\n“”\"]{{2,100}}?)|(?P<who2>[^,.;:!?\n“”\"]{{2,100}}?)\s+"
    rf"(?:{_TRAILING_VERBS}))(?:,\s*[^.;:!?\n“”\"]{{2,120}}?)?\s*[.!?]?\s*\Z"
)
# cheap tests that a sentence may hold a published report or a trailing attribution (after _TRIGGER_WORDS)
_PUBLISH_TRIGGER = regex.compile(r"\b(?:published|released|issued|compiled|produced|commissioned|carried\s+out|"
                                 r"conducted)\b")
_TRAILING_TRIGGER = regex.compile(r"\b(?:said|says|added|adds|warned|warns|claimed|claims|argued|argues|insisted|"
                                  r"insists|stated|explained|noted|notes|believes|cautioned|told|according)\b")
_ACCORDING = regex.compile(r"\b[Aa]ccording\s+to\s+(?P<who>(?:the\s+)?[A-Z][^,.;:\n]{1,100}?)\s*,\s*")
_PUBLISHED_FROM_VERB = (
    r"(?:published|released|issued)\s+(?:its|their|a|the|his|her)\s+(?:(?:final|new|latest|annual|interim|"
    r"long-awaited)\s+)*(?:report|review|analysis|study|research|findings|strategy|plan|assessment)\b[^,.;]{0,40}?\s+"
    r"(?:calling\s+for|which\s+(?:calls\s+for|finds|found|shows|warns|says)|finding\s+that|showing\s+that|"
    r"warning\s+that|recommending|concluding\s+that)\s+"
)
_PUBLISHED = regex.compile(
    r"(?<![\w'’-])(?P<who>(?:[Tt]he\s+)?[\w'’-]++(?:\s+[\w'’-]++){0,8}?)\s+(?:has\s+|have\s+)?(?:today\s+)?"
    + _PUBLISHED_FROM_VERB
)
_PUBLISHED_VERB = regex.compile(_PUBLISHED_FROM_VERB)  # what a match of _PUBLISHED holds from its verb on
# Matched backwards from a verb (``(?r)``, ending there), these reach at or before the start of any match of
# the report pattern named whose verb is there; each stands for the words of such a match as runs of characters
# split by spaces, in at most as many runs as the pattern allows, so the work per verb stays bounded. (A repeat
# read backwards costs the more per turn the longer it runs: the auxiliaries are walked over up to a limit, and
# a verb after more of them is taken as one that a match may start anywhere before: _MANY_AUXILIARIES.)
_AUX_WORD = r"(?:also|today|now|previously|recently|has|have|had|long|last|year|yesterday)"
_AUX_LIMIT = 12
_AUX_BACK = rf"(?:\s++{_AUX_WORD}){{0,{_AUX_LIMIT}}}+\s++"
_MANY_AUXILIARIES = regex.compile(rf"(?r)(?:\s++{_AUX_WORD}){{{_AUX_LIMIT}}}\s++")
# _REPORTED: up to twelve listed words (capitalised or small), up to five words of the speaker's last part and an
# acronym, the auxiliaries; the first word may follow any character (not only a space)
_REPORTED_BACK = regex.compile(
    r"(?r)[\w'’.&()-]*+(?:\s++(?:[A-Z][\p{L}'’.&-]*|of|for|and|the|on|in|with|de|by|research|analysis|latest|new|"
    rf"own|report|study|survey|modelling|data|figures)){{0,12}}+(?:\s++[\w'’.&()-]++){{0,5}}+{_AUX_BACK}"
)
# matched backwards from a verb, what a _REPORTED match holds before it: the speaker's last words (any split of
# them and the auxiliaries); a verb without them starts no match
_REPORTED_END = regex.compile(
    rf"(?r){_speaker_end(_CAP_WORD)}{_ACRONYM_AFTER}\s+(?:{_AUXILIARIES}\s+){{0,{_AUX_LIMIT}}}"
)
# the one part of a _REPORTED speaker that may hold commas ('our research, carried out with X, shows'): when
# it is there, a search starts at the sentence
_OUR_WORK_COMMA = regex.compile(r"[Oo]ur\s+(?:[\w'’]+\s+){0,2}(?:research|analysis|report|study|survey|data|figures),")
# what a _REPORTED_APPOS match holds before its verb: a comma, the role, a comma, the auxiliaries
_APPOS_END = regex.compile(rf"(?r),\s*+[^,;:\n“”\"]{{2,120}}+,{_AUX_BACK}")
# _PUBLISHED: up to twelve words ('The', nine, 'has', 'today')
_PUBLISHED_BACK = regex.compile(r"(?r)[\w'’-]*+(?:\s++[\w'’-]++){0,12}+\s++")
_WORD_BACK = regex.compile(r"(?r)\S++")
_CITATION = regex.compile(r"\((?P<src>[A-Z][^()\n]{2,150}?),?\s+(?P<year>(?:1[89]|20)\d{2})[a-z]?\)")
_NOT_SPEAKERS = frozenset(
    "projections figures data statistics evidence estimates research analysis studies reports results "
    "findings plans plan proposals recommendations this that these those there it which who what".split()
)


_LETTERS = regex.compile(r"\p{L}+")
# The first words of the verbs the report patterns need, as flags. A match of one of these patterns holds its
# verb, which starts a run of letters (no letter before it) that is the verb's first word: a sentence without
# such a run holds no match, and no match starts after the last one (cheap tests first).
_SPEECH, _PUBLISH, _TRAILING_VERB, _ACCORDING_TO = 1, 2, 4, 8
_TRIGGER_WORDS: dict[str, int] = {}
for _flag, _words in (
        (_SPEECH, [v.split()[0] for v in SPEECH_VERBS]),
        (_PUBLISH, "published released issued compiled produced commissioned carried conducted".split()),
        (_TRAILING_VERB, "said says added adds warned warns claimed claims argued argues insisted insists stated "
                         "explained noted notes believes cautioned told according".split()),
        (_ACCORDING_TO, ["according", "According"])):
    for _w in _words:
        _TRIGGER_WORDS[_w] = _TRIGGER_WORDS.get(_w, 0) | _flag
# the trigger words with no ASCII letter either side (the standard library's ``re`` scans a trie of plain words
# several times faster than ``regex`` finds all the runs of letters): after the character before (a pattern that
# starts with a set of characters skips the others fast), or at the start of the text; the longest word at a
# position is tried first, so a run that is a trigger word is found whole, and a match never takes the character
# before the next one (it ends before a character that is not a letter)
_TRIGGER_CANDIDATES = re.compile(rf"[^A-Za-z]({word_trie(_TRIGGER_WORDS)})(?![A-Za-z])")
_TRIGGER_FIRST = re.compile(rf"{word_trie(_TRIGGER_WORDS)}(?![A-Za-z])")
_VERB_SPAN = max(len(v) for v in SPEECH_VERBS)
_VERB_REACH: dict[str, int] = {}  # first word of speech verbs -> the length of the longest of them
for _v in SPEECH_VERBS:
    _VERB_REACH[_v.split()[0]] = max(_VERB_REACH.get(_v.split()[0], 0), len(_v))
_QUESTION_LEAD = regex.compile(r"\b(?:what|which|who|whom|whose|if|whether|than)\b[^,;:]*\Z")
_PREPOSITION_FIRST = regex.compile(r"(?:and|of|for|with|on|in|by)\b")
_AUXILIARY_TAIL = regex.compile(r"(?:\s+(?:also|has|have|had|is|are|was|were|long|now|today))+$")
_APPEAL = regex.compile(r"urge|call")
_LEAD_PHRASE = regex.compile(r"^(?:In|On|At|As|For|Last\s+year|This\s+year|Below|Today|Yesterday)\b"
                             r"[^,]*?(?=\b[Tt]he\b|\b[A-Z])")
_YEAR_LEAD = regex.compile(r"^[A-Z][a-z]+\s+year,\s*")
_CLAUSE_BACK = regex.compile(r"(?r)[^,;:]*+")  # back from an offset to the last clause break


def reported_quotes(ctx: _Context, quotes: list[RawQuote]) -> None:
    """'X warns that ...', 'research by X found ...', 'according to X, ...' to the end of the sentence."""
    if ctx.memo.reported is None:
        ctx.memo.reported = _reported_candidates(ctx.text, ctx.sents)
    for via_reported, who, pos, start, end, cue, remember in ctx.memo.reported:
        sp = _reported_speaker(who, ctx, pos) if via_reported else parse_speaker_phrase(who, ctx, pos)
        if sp is None:
            continue
        quotes.append(RawQuote("reported", start, end, sp, cue, pos))
        if remember:
            _remember(ctx, pos, sp)


_SPACE_BACK = regex.compile(r"(?r)\s*+")


def _role_before(text: str, a: int, b: int) -> regex.Match[str] | None:
    """``_ROLE_BEFORE.search(text, a, b)``: a match ends at ``b`` and is at most 81 characters before the spaces
    that end it, so the search starts there (the work per report stays bounded in a long sentence)."""
    spaces = _SPACE_BACK.match(text, a, b)
    return _ROLE_BEFORE.search(text, max(a, (spaces.start() if spaces is not None else b) - 81), b)


def _matches_before(pattern: regex.Pattern[str], text: str, a: int, b: int, last: int, verbs: Sequence[int] = (),
                    back: regex.Pattern[str] | None = None, reach: int | None = None,
                    check: regex.Pattern[str] | None = None) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, a, b)`` for a report pattern whose speech verbs start at or before ``last``.

    Its matches start before ``last`` and reach the end of their verb by ``reach`` (by default ``last +
    _VERB_SPAN``): each search looks for a match in the text cut there (any match of the whole text is one
    there, up to its verb), then takes the whole match from where that one starts; no offset past the verbs is
    tried. With ``back`` (see :data:`_REPORTED_BACK`) and ``verbs`` (the offsets in [a, b) where the pattern's
    verbs may start), no offset before the first word of a match of a verb not yet passed is tried either, and
    verbs where ``check`` (see :data:`_REPORTED_END`), matched back from them, fails are left out."""
    if last < a:
        return
    pos = a
    stop = min(b, last + _VERB_SPAN if reach is None else reach)
    earliest = _earliest_starts(back, check, text, a, stop if stop < b else None, verbs) \
        if back is not None or check is not None else None
    k = 0
    while pos <= last:
        start = pos
        if earliest is not None:
            while k < len(verbs) and verbs[k] < pos:
                k += 1
            if earliest[k] is None:
                return
            start = max(pos, earliest[k])
        cut = pattern.search(text, start, stop)
        if cut is None:
            return
        m = pattern.match(text, cut.start(), b)
        if m is None:  # the cut made a match that the whole text does not hold (a verb cut short)
            m = pattern.search(text, cut.start() + 1, b)
            if m is None:
                return
        yield m
        pos = m.end()


def _earliest_starts(back: regex.Pattern[str] | None, check: regex.Pattern[str] | None, text: str, a: int,
                     cut: int | None, verbs: Sequence[int]) -> list[int | None]:
    """For each k, where ``back`` reaches from the verbs ``verbs[k:]`` (and from a verb cut short at ``cut``:
    at most ``_VERB_SPAN`` letters after a space) that ``check`` passes, the furthest back (``a`` without
    ``back``); None when no match can hold them."""

    def reach(v: int) -> int | None:
        if _MANY_AUXILIARIES.match(text, a, v) is not None:
            return a
        if check is not None and check.match(text, a, v) is None:
            return None
        if back is None:
            return a
        m = back.match(text, a, v)
        return m.start() if m is not None else None

    out: list[int | None] = [None] * (len(verbs) + 1)
    best: int | None = None
    # a verb cut short goes on past the cut in a word character (else the whole text holds it: a verb of ``verbs``)
    if cut is not None and not (text[cut].isspace() or (text[cut].isascii() and not text[cut].isalnum()
                                                        and text[cut] != "_")):
        word = _WORD_BACK.match(text, max(a, cut - _VERB_SPAN - 1), cut)
        if word is not None and word.start() > max(a, cut - _VERB_SPAN - 1):
            best = reach(word.start())
    out[-1] = best
    for k in range(len(verbs) - 1, -1, -1):
        start = reach(verbs[k])
        if start is not None and (best is None or start < best):
            best = start
        out[k] = best
    return out


_LETTER = regex.compile(r"\p{L}")


def _trigger_hits(text: str) -> list[tuple[int, int]]:
    """(offset, flags) of every run of letters that is one of ``_TRIGGER_WORDS``, in text order."""
    return [(i, _TRIGGER_WORDS[w]) for i, w in _trigger_words(text)]


def _trigger_words(text: str) -> list[tuple[int, str]]:
    """(offset, word) of every run of letters that is one of ``_TRIGGER_WORDS``, in text order: the words are
    found by ``_TRIGGER_CANDIDATES`` (no ASCII letter either side), then a non-ASCII character beside one is
    tested for being a letter."""
    spans = [m.span(1) for m in _TRIGGER_CANDIDATES.finditer(text)]
    first = _TRIGGER_FIRST.match(text)
    if first is not None:
        spans.insert(0, first.span())
    n = len(text)
    return [(i, text[i:j]) for i, j in spans
            if (i == 0 or text[i - 1] < "\x80" or _LETTER.match(text, i - 1) is None) and
            (j == n or text[j] < "\x80" or _LETTER.match(text, j) is None)]


def _reported_candidates(text: str, sents: list[tuple[int, int]]) -> list[tuple[bool, str, int, int, int, str, bool]]:
    """The reports of :func:`reported_quotes` in text order, before their speakers are resolved: (read with
    :func:`_reported_speaker`, speaker phrase, cue offset, start, end, cue, remembered as a speaker met)."""
    out: list[tuple[bool, str, int, int, int, str, bool]] = []
    hits = _trigger_words(text)
    k = 0
    for sa, sb in sents:
        while k < len(hits) and hits[k][0] < sa:
            k += 1
        flags = 0
        verbs: list[int] = []  # where the speech verbs may start
        reach = -1  # where they end at the latest
        published: list[int] = []  # where the publishing verbs may start
        while k < len(hits) and hits[k][0] < sb:
            at, word = hits[k]
            flag = _TRIGGER_WORDS[word]
            flags |= flag
            if flag & _SPEECH:
                verbs.append(at)
                reach = max(reach, at + _VERB_REACH[word])
            if flag & _PUBLISH:
                published.append(at)
            k += 1
        if not flags:
            continue
        last_verb = verbs[-1] if verbs else -1
        back = None if text.find(",", sa, sb) >= 0 and _OUR_WORK_COMMA.search(text, sa, sb) else _REPORTED_BACK
        for m in _matches_before(_REPORTED, text, sa, sb, last_verb, verbs, back, reach, _REPORTED_END):
            who = m.group("who").strip()
            lead = text[max(sa, m.start() - 40):m.start()].lower()
            if _QUESTION_LEAD.search(lead) or _PREPOSITION_FIRST.match(who):
                continue  # 'what councils and X argue is required'
            who = _AUXILIARY_TAIL.sub("", who)
            if not who:
                continue
            first = who.split()[0].lower()
            if first in ("a", "an") or who.lower() in ("the", "this"):
                continue
            if first in _NOT_SPEAKERS and not who.lower().startswith(("this letter", "this statement")) \
                    and not _RESEARCH_BY.match(who):
                continue
            if first == "we" and _APPEAL.match(m.group("verb")):
                continue  # an appeal in the first person is part of the statement, not a report of one
            # keep the part of 'who' after the last preposition/verb-like break: "In the letter the five ..."
            who = _LEAD_PHRASE.sub("", who).strip() or who
            who = _YEAR_LEAD.sub("", who)
            start = m.end()
            while start < sb and text[start] in " ,:":
                start += 1
            end = sb
            while end > start and text[end - 1] in CLOSE_MARKS:
                end -= 1
            if end - start < 8:
                continue
            if text[start:start + 1] in OPEN_MARKS:
                continue  # 'X said: “…”' is a direct quote
            # "The Children's Commissioner, Dame Rachel de Souza, has warned that ..."
            pre = _role_before(text, sa, m.start())
            if pre and _looks_like_role(pre.group("role")) and is_person(clean_name(who)):
                who = pre.group("role") + ", " + who
            out.append((True, who, m.start(), start, end, m.group(0).strip(), True))
        # (an apposition takes two commas before its verb)
        appositions = _matches_before(_REPORTED_APPOS, text, sa, sb, last_verb, verbs, None, reach, _APPOS_END) \
            if text.count(",", sa, reach) >= 2 else ()
        for m in appositions:
            start, end = m.end(), sb
            while end > start and text[end - 1] in CLOSE_MARKS:
                end -= 1
            if end - start < 8 or text[start:start + 1] in OPEN_MARKS:
                continue
            # the whole clause: "The Children's Commissioner for England, Dame Rachel de Souza, has warned"
            head = text[_CLAUSE_BACK.match(text, sa, m.start()).start():m.start()]
            out.append((False, head + m.group("who"), m.start(), start, end, m.group(0).strip(), True))
        publishing = bool(published) and _PUBLISH_TRIGGER.search(text, sa, sb) is not None
        # no cut: the pattern goes on past its verb
        published = [at for at in published if _PUBLISHED_VERB.match(text, at, sb)] if publishing else []
        for m in _matches_before(_PUBLISHED, text, sa, sb, sb - 1, published, _PUBLISHED_BACK) if published else ():
            out.append((False, m.group("who"), m.start(), m.end(), sb, m.group(0).strip(), True))
        for m in _PUBLISHED_BY.finditer(text, sa, sb) if publishing else ():
            if sb - m.end() >= 8:
                out.append((False, m.group("who"), m.start(), m.end(), _trim_close(text, m.end(), sb),
                            m.group(0).strip(), True))
        # "Councils will receive £200m over the next two years, the government said."
        if text[sa:sa + 1] not in OPEN_MARKS and flags & _TRAILING_VERB and _TRAILING_TRIGGER.search(text, sa, sb):
            m = _TRAILING.search(text, sa, sb)
            if m and m.start() - sa >= 12:
                out.append((False, m.group("who1") or m.group("who2"), m.start(), sa, m.start(),
                            m.group(0).strip(" ,."), True))
        if flags & _ACCORDING_TO:
            for m in _ACCORDING.finditer(text, sa, sb):
                out.append((False, m.group("who"), m.start(), m.end(), sb, m.group(0).strip(), False))
    return out


def _trim_close(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in CLOSE_MARKS:
        end -= 1
    return end


_ORG_STUDY = regex.compile(
    r"^(?:the\s+)?(?P<org>[A-Z][\w'’&. -]*?)(?P<pos>['’]s?)?\s+(?:(?:latest|new|own|annual|recent)\s+)?"
    r"(?:research|analysis|report|study|survey|figures|data|modelling)(?:\s+with\s+[A-Z][\w'’ ]+)?$"
)


def _reported_speaker(who: str, ctx: _Context, pos: int) -> SpeakerRef | None:
    memo = ctx.memo.reported_who
    if who in memo:
        ref = memo[who]
    else:
        ref = None
        low = who.lower()
        if low.startswith(("our ", "we ")) or low in ("we", "our"):
            ref = SpeakerRef("__enclosing__")
        else:
            m = _ORG_STUDY.match(who)
            if m:
                ref = _org_ref(m.group("org") + (m.group("pos") or ""), ctx, possessive=True)
        memo[who] = ref
    if ref is not None:
        return _fresh(ref)
    return parse_speaker_phrase(who, ctx, pos)


_LOWER = regex.compile(r"[a-z]")


def citations(ctx: _Context, quotes: list[RawQuote]) -> None:
    """'(Source, 2022)' -> a citation quote of the source."""
    if ctx.memo.citations is None:  # the same for every pass
        ctx.memo.citations = []
        for m in _CITATION.finditer(ctx.text):
            src = m.group("src").strip()
            if not src.lower().startswith(("see ", "e.g", "i.e", "p.", "pp.")) and _LOWER.search(src):
                ctx.memo.citations.append((src, m.start("src"), m.end("year")))
    for src, start, end in ctx.memo.citations:
        quotes.append(RawQuote("citation", start, end, SpeakerRef(src), None, None))


def cited_sources(text: str) -> dict[str, int]:
    """{source name (lower-case): year} for every bracketed citation in the text."""
    out: dict[str, int] = {}
    for m in _CITATION.finditer(text):
        out[normalise_source(m.group("src"))] = int(m.group("year"))
    return out


_THE_FIRST = regex.compile(r"^the\s+")


@lru_cache(maxsize=8192)
def normalise_source(name: str) -> str:
    """Key for matching a source across documents: lower case, straight apostrophes, no leading 'the'."""
    name = name.replace("’", "'").lower().strip()
    return _THE_FIRST.sub("", _SPACES.sub(" ", name))


# ------------------------------------------------------------------------------------------------------
def attribute(text: str, paras: list[tuple[int, int]], sents: list[tuple[int, int]],
              publisher: SpeakerRef | None) -> list[RawQuote]:
    """Every quote in the text, sorted by start, with nesting resolved and 'we/our' bound to the enclosing
    speaker.

    Runs twice: the first pass only collects the speakers named in the text, so that a back-reference
    ('she said', 'the charity') can reach a speaker whatever kind of statement introduced it. The passes share
    what depends on the text alone (pattern matches, readings of speaker phrases); when the first pass names
    no speaker, the second would start from the same state and repeat it, so it is skipped."""
    memo = _Memo()
    first = _Context(text, paras, sents, publisher, memo=memo)
    quotes = _run(first, [])
    if not first.named:
        return quotes
    return _run(_Context(text, paras, sents, publisher, memo=memo), first.named)


NO_QUOTE = (sys.maxsize, sys.maxsize)


class MinByEnd:
    """A changing set of quotes (by index), asked for the shortest of those ending at or after an offset:
    (length, index) of it, the first on a tie, or ``NO_QUOTE``. A segment tree over the quotes in order of
    their ends, so each change and each question costing O(log n) however deeply quotes nest."""

    __slots__ = ("ends", "leaf", "size", "tree")

    def __init__(self, ends: list[int]) -> None:
        order = sorted(range(len(ends)), key=lambda k: (ends[k], k))
        self.ends = [ends[k] for k in order]
        self.leaf = [0] * len(ends)
        for pos, k in enumerate(order):
            self.leaf[k] = pos
        size = 1
        while size < len(ends):
            size *= 2
        self.size = size
        self.tree = [NO_QUOTE] * (2 * size)

    def set(self, k: int, value: tuple[int, int]) -> None:
        """Put quote ``k`` in the set as (length, k), or take it out with ``NO_QUOTE``."""
        tree = self.tree
        p = self.leaf[k] + self.size
        tree[p] = value
        p >>= 1
        while p:
            left, right = tree[2 * p], tree[2 * p + 1]
            tree[p] = left if left <= right else right
            p >>= 1

    def shortest_from(self, end: int) -> tuple[int, int]:
        """(length, index) of the shortest quote in the set that ends at or after ``end``."""
        tree = self.tree
        lo = bisect.bisect_left(self.ends, end) + self.size
        hi = len(self.ends) + self.size
        best = NO_QUOTE
        while lo < hi:
            if lo & 1:
                best = min(best, tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = min(best, tree[hi])
            lo >>= 1
            hi >>= 1
        return best


def _nest(quotes: list[RawQuote]) -> None:
    """Set each quote's ``parent``: the shortest longer quote (not a citation) that holds it, the first on a
    tie. ``quotes`` are sorted by (start, -end): the quotes begun so far that have not ended hold the quote
    when they end at or after it, and are longer unless they have its very span."""
    active: list[tuple[int, int]] = []  # heap of (end, index) of the quotes begun so far
    shortest = MinByEnd([q.end for q in quotes])
    for i, q in enumerate(quotes):
        while active and active[0][0] <= q.start:
            shortest.set(heapq.heappop(active)[1], NO_QUOTE)  # ended before this quote begins, so before later ones
        length, best = shortest.shortest_from(q.end)
        if best == NO_QUOTE[1]:
            q.parent = None
        elif length > q.end - q.start:
            q.parent = quotes[best]
        else:  # a quote with the same span (or out of order): look at each
            found = None
            for o_end, j in active:
                o = quotes[j]
                if q.end <= o_end and (o_end - o.start) > (q.end - q.start) and (
                        found is None or (o_end - o.start, j) < (quotes[found].end - quotes[found].start, found)):
                    found = j
            q.parent = None if found is None else quotes[found]
        if q.kind != "citation":
            heapq.heappush(active, (q.end, i))
            shortest.set(i, (q.end - q.start, i))


def _run(ctx: _Context, named: list[tuple[int, SpeakerRef]]) -> list[RawQuote]:
    """One attribution pass over the text; ``named``: speakers a previous pass found (offset, speaker)."""
    publisher = ctx.publisher
    ctx.history.extend(named)
    if publisher is not None:
        ctx.history.append((0, publisher))
        if publisher.kind == "group":
            ctx.groups.append((0, publisher))
    find_groups(ctx)
    ctx.history.sort(key=lambda x: x[0])
    ctx.seen.update(id(s) for _, s in ctx.history)
    quotes: list[RawQuote] = []
    direct_quotes(ctx, quotes)
    reported_quotes(ctx, quotes)
    citations(ctx, quotes)
    quotes.sort(key=lambda q: (q.start, -q.end))
    # drop duplicates (same material found twice), nest, resolve 'we'
    out: list[RawQuote] = []
    for q in quotes:
        if out and out[-1].start == q.start and out[-1].end == q.end:
            continue  # sorted by (start, -end): the same material found twice is adjacent
        out.append(q)
    _nest(out)
    for q in out:
        if q.speaker is not None and q.speaker.name == "__enclosing__":
            p = q.parent
            enclosing = p.speaker if p is not None else publisher
            if enclosing is not None and enclosing.kind == "person" and enclosing.org:
                enclosing = SpeakerRef(enclosing.org)
            q.speaker = enclosing
            q.self_ref = p is not None
    kept = [q for q in out if q.speaker is not None]
    for q in kept:  # a parent that was dropped hands the link on to its own nearest kept ancestor
        p = q.parent
        while p is not None and p.speaker is None:
            p = p.parent
        q.parent = p
    return kept
