"""The register of who is in a document: people and bodies, and the resolution of later mentions.

Every speaker phrase is noted first (:meth:`Register.note`), with its offset, so that a mention can resolve
to a name given later ("A report published this morning warns ..." before "the report by the Institute
for Fiscal Studies"). A person is keyed by surname, a body by its name without a leading "the" and by its
acronym (defined in the text as "Full Name (ACR)", or matched by initials or the acronym table when the
document gives the full name somewhere). Later mentions — a surname, a pronoun, a role noun ("the
minister"), a body noun ("the charity", "the department"), an acronym, a finding ("the report") — resolve to
the fullest form the document gives (GUIDELINES: "Names take the fullest form the document gives the same
speaker").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .lexicon import QuoteWords
from .names import Mention, is_acronym, strip_descriptor
from .records import SpeakerRef

LOOKBACK = 200  # entries of the timeline a back-reference looks through (the nearest one is near)
SELF = "__enclosing__"  # speaker of a 'we'/'our' statement: the quote around it (or the publisher)


@dataclass(eq=False, slots=True)
class Entity:
    """A person, body or group of the document (mutable while the register is built)."""

    kind: str  # person | organisation | group | unnamed | name (one word: a person or a body, told by use)
    name: str
    role: str | None = None
    org: str | None = None
    surname: str | None = None
    gender: str | None = None
    acronym: str | None = None
    members: tuple[Entity, ...] = ()
    authored: set[str] = field(default_factory=set)
    plural: bool = False

    def ref(self) -> SpeakerRef:
        """The speaker record of this entity."""
        if self.kind == "group":
            names = tuple(dict.fromkeys(m.speaks_for() for m in self.members))
            return SpeakerRef("; ".join(names), self.role, None, "group", names)
        kind = "person" if self.kind in ("person", "name") else "organisation"
        return SpeakerRef(self.name, self.role, self.org, kind)

    def speaks_for(self) -> str:
        """A member of a group: a person in it speaks for their organisation."""
        return self.org if self.kind == "person" and self.org else self.name


def _heads(name: str) -> tuple[str, ...]:
    """The words that can name a body's kind: its first and last words, and the word before 'of'/'for'
    ('Department for Education', 'Local Government Association', 'independent review of social care')."""
    words = name.lower().split()
    if not words:
        return ()
    before_of = next((words[k - 1] for k in range(1, len(words)) if words[k] in ("of", "for", "into", "on")), "")
    return words[0], words[-1], before_of


def body_key(name: str) -> str:
    """Lower case, straight apostrophes, no leading 'the', single spaces."""
    key = " ".join(name.replace("’", "'").lower().split())
    return key[4:] if key.startswith("the ") else key


_ANY_THE = regex.compile(r"^(?:The|the)\s+")
_LOWER_THE = regex.compile(r"^the\s+(?=\S)")
_CAPITAL_THE = regex.compile(r"^The\s+(?=\S)")
_ACR = regex.compile(r"\([A-Z][A-Za-z]{1,7}\)")
_DEFINED = regex.compile(r"(?P<name>[\p{Lu}][\p{L}’'&.\-]*(?:[ ,]+(?:(?:of|for|and|&|on|the|in|to)\s+)*"
                         r"[\p{Lu}][\p{L}’'&.\-]*){0,8})\s+\((?P<acr>[A-Z][A-Za-z]{1,7})\)")


def _definitions(text: str) -> list[regex.Match[str]]:
    """'Full Name (ACR)' in the text (anchored on the brackets: a search of the whole text is slow)."""
    out = []
    at = text.find("(")
    while at >= 0:
        if _ACR.match(text, at):
            m = _DEFINED.search(text, max(0, at - 160), _ACR.match(text, at).end())
            if m is not None and m.end() > at:
                out.append(m)
        at = text.find("(", at + 1)
    return out


def initials(name: str, w: QuoteWords) -> str:
    """'Department for Work and Pensions' -> 'DWP'."""
    return "".join(x[0] for x in name.replace(",", " ").split() if not w.is_(x, "joiner") and x[:1].isupper())


def acronym_fits(acr: str, name: str, w: QuoteWords) -> bool:
    """Whether an acronym is the initials of a name ('DfE' of 'Department for Education')."""
    letters = "".join(c for c in acr if c.isupper())
    return bool(letters) and letters in _name_initials(name, w)


@lru_cache(maxsize=4096)
def _name_initials(name: str, w: QuoteWords) -> tuple[str, str]:
    """The upper-case initials of a name, without and with its small words ('DE', 'DFE')."""
    return initials(name, w).upper(), "".join(
        x[0] for x in name.split() if x[:1].isupper() or w.is_(x, "joiner")).upper()


def _told(e: Entity | None, kind: str) -> Entity | None:
    """A one-word name a reference tells the kind of ('Mencap ... the charity': a body)."""
    if e is not None and e.kind == "name":
        e.kind = kind
    return e


class Register:
    """People and bodies of one document, in text order, and the resolution of mentions to them."""

    def __init__(self, text: str, w: QuoteWords, publisher: SpeakerRef | None,
                 people: Callable[[], list[tuple[int, Mention | None]]] | None = None,
                 bodies: Callable[[], list[tuple[int, Mention | None]]] | None = None) -> None:
        self.w = w
        # people and bodies named outside speaker phrases, noted when a back-reference first needs them
        self._people, self._bodies = people, bodies
        self.people: dict[str, list[Entity]] = {}
        self.bodies: dict[str, Entity] = {}
        self.by_acronym: dict[str, Entity] = {}
        self.timeline: list[tuple[int, int, Entity]] = []  # (offset, order, entity)
        self.findings: list[tuple[int, str, Entity]] = []  # (offset, noun, whose) of findings with a source
        self.authors: dict[str, Entity] = {}
        self.publisher: Entity | None = None
        self._n = 0
        if publisher is not None:
            if publisher.kind == "group":
                members = tuple(self._given(name) for name in publisher.members)
                self.publisher = Entity("group", publisher.name, members=members, plural=True)
            else:
                self.publisher = self._given(publisher.name)
        for m in _definitions(text):
            name, acr = m.group("name").strip(), m.group("acr")
            name = _ANY_THE.sub("", name)
            words = name.split()
            for k in range(len(words)):  # the shortest tail that the acronym fits: 'Yet Child Poverty ...'
                tail = " ".join(words[k:])
                listed = acr in w.acronyms and body_key(w.acronyms[acr]) == body_key(tail)
                if listed or (acronym_fits(acr, tail, w) and any(x.strip(",") in w.org_words for x in words[k:])):
                    self.body(tail, m.start(), acronym=acr)
                    break

    # --- building -------------------------------------------------------------------------------------
    def _given(self, name: str) -> Entity:
        """A body named by the caller (the publisher): registered as given, looked up in nothing."""
        e = self.bodies.setdefault(body_key(name), Entity("organisation", name.strip()))
        if " " not in name.strip() and is_acronym(name.strip(), self.w):
            e.acronym = name.strip()
            self.by_acronym.setdefault(e.acronym, e)
        return e

    def _at(self, pos: int, e: Entity) -> None:
        self._n += 1
        bisect.insort(self.timeline, (pos, self._n, e))  # (the order number is unique: no entity is compared)

    def body(self, name: str, pos: int, acronym: str | None = None) -> Entity:
        """The body of this name (registered now if new)."""
        written = strip_descriptor(_LOWER_THE.sub("", name.strip()), self.w)
        name = _CAPITAL_THE.sub("", written)
        key = body_key(name)
        e = self.bodies.get(key)
        if e is None and " " not in name and is_acronym(name, self.w):
            return self.acronym(name, pos)
        if e is None:
            e = self._acronym_of(name)
            if e is not None:  # an acronym met before its full name: the entity takes the full name
                e.name = name
                self.bodies[key] = e
        if e is None:
            e = self.bodies[key] = Entity("organisation", name)
        if written != name and e.name == name:
            e.name = written  # 'The' written as part of the name (mid-sentence, capitalised)
        if acronym and acronym not in self.by_acronym:
            self.by_acronym[acronym] = e
            e.acronym = e.acronym or acronym
        if pos >= 0:
            self._at(pos, e)
        return e

    def _acronym_of(self, name: str) -> Entity | None:
        if not self.by_acronym:
            return None
        key = body_key(name)
        for acr, e in self.by_acronym.items():
            if e.name == acr and (acronym_fits(acr, name, self.w) or body_key(self.w.acronyms.get(acr, "")) == key):
                return e
        return None

    def acronym(self, acr: str, pos: int) -> Entity:
        """The body an acronym names: defined in the text, or a body of the document it fits, else itself."""
        acr = acr.removesuffix("’s").removesuffix("'s").rstrip("’'")
        e = self.by_acronym.get(acr)
        if e is None:
            self._more_bodies()  # the full name may be written where no one speaks
            e = self.by_acronym.get(acr)
        if e is None:
            full = self.w.acronyms.get(acr)
            e = next((b for b in self.bodies.values() if b.name != acr and (
                (full and body_key(full) == body_key(b.name)) or acronym_fits(acr, b.name, self.w))), None)
            if e is None:
                e = self.bodies.setdefault(body_key(acr), Entity("organisation", acr, acronym=acr))
            self.by_acronym[acr] = e
            e.acronym = e.acronym or acr
        if pos >= 0:
            self._at(pos, e)
        return e

    def person(self, m: Mention, pos: int, timeline: bool = True) -> Entity:
        """The person of a full name (registered or merged now; put on the timeline at ``pos`` unless told)."""
        words = m.text.split()
        peer = self.w.titles.get(words[0].lower(), ("", ""))[1] == "peer" and len(words) > 1
        surname = words[1] if peer else words[-1]
        given = words[0] if len(words) > 1 else None
        key = surname.lower()
        e = next((p for p in self.people.get(key, ()) if p.name.split()[0] == given or given is None), None)
        if e is None:
            e = Entity("person", m.text, surname=surname, gender=m.gender)
            self.people.setdefault(key, []).append(e)
        if len(m.text) > len(e.name):
            e.name = m.text
        e.gender = e.gender or m.gender
        if m.role and not e.role:
            e.role = m.role
        if m.org and not e.org:
            e.org = self._org_name(m.org, pos)
        elif m.source is not None and m.source.form == "pronoun" and not e.org:  # 'Its chairman, Jo Bell'
            owner = self._pronoun(m.source.text, pos)
            if isinstance(owner, Entity) and owner.kind == "organisation":
                e.org = owner.name
        if timeline:
            self._at(pos, e)
        return e

    def _org_name(self, org: str, pos: int) -> str:
        """An organisation as written, or the fullest name the document gives it ('the independent review')."""
        if org.startswith("the ") and self.w.body_noun_end(org) is not None:
            found = self._bodynoun(org[4:].split()[-1], pos, forward=True)
            return found.name if found is not None else org[4:]
        if " " not in org and is_acronym(org, self.w):
            e = self.by_acronym.get(org)
            return e.name if e is not None and e.name != org else org
        return org

    def note(self, m: Mention | None, pos: int) -> None:
        """Register the names a mention gives (pass one: every speaker phrase, in text order)."""
        if m is None:
            return
        if m.form == "person":
            e = self.person(m, pos)
            if m.authored:
                self.authors.setdefault(m.authored, e)
        elif m.form == "body":
            e = self.body(m.text, pos, m.acronym)
            if m.authored:
                self.authors.setdefault(m.authored, e)
        elif m.form == "acronym":
            e = self.acronym(m.text, pos)
            if m.authored:
                self.authors.setdefault(m.authored, e)
        elif m.form == "group":
            group = self.resolve(m, pos)
            if isinstance(group, Entity):
                self._at(pos, group)
        elif m.form == "finding" and m.source is not None:
            self.note(m.source, pos)
            whose = self.resolve(m.source, pos)
            if isinstance(whose, Entity) and not m.weak:
                self.findings.append((pos, m.text, whose))
        elif m.form == "role" and m.source is not None:
            self.note(m.source, pos)

    def heard(self, e: Entity, pos: int) -> None:
        """A statement by ``e`` at ``pos`` (pass two): the nearest speaker for later back-references."""
        self._at(pos, e)

    # --- resolution -------------------------------------------------------------------------------------
    def nearest(self, pos: int, fits, forward: bool = False) -> Entity | None:
        """The entity nearest before ``pos`` that ``fits`` (after it with ``forward``, else before)."""
        i = bisect.bisect_right(self.timeline, (pos, 1 << 62))
        if forward:
            for k in range(i, min(len(self.timeline), i + LOOKBACK)):
                if fits(self.timeline[k][2]):
                    return self.timeline[k][2]
            return None
        for k in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            if fits(self.timeline[k][2]):
                return self.timeline[k][2]
        return None

    def resolve(self, m: Mention, pos: int) -> Entity | str | None:
        """The entity a mention refers to, :data:`SELF` for 'we'/'our', or None."""
        form = m.form
        # (named ones were put on the timeline when noted, and the statement puts its speaker there: not again)
        if form == "person":
            return self.person(m, pos, timeline=False)
        if form == "body":
            return self.body(m.text, -1, m.acronym)
        if form == "acronym":
            return self.acronym(m.text, -1)
        if form == "name":
            return self._name(m, pos)
        if form == "group":
            members = tuple(x for x in (self.resolve(y, pos) for y in m.members) if isinstance(x, Entity))
            return Entity("group", m.text, members=members, plural=True) if members else None
        if form == "pronoun":
            return self._pronoun(m.text, pos)
        if form == "role":
            return self._role(m, pos)
        if form == "bodynoun":
            if self.w.pronouns.get(m.article) == "self":
                return SELF  # 'our review finds': the one writing ('the review says' is a body named before)
            if m.plural and m.text not in self.w.body_nouns:
                return Entity("unnamed", m.text, plural=True)  # 'Councils have warned': many bodies, no one
            noun = self.w.body_noun_end(m.text)
            key = noun[1] if noun else m.text.split()[-1]
            found = self._bodynoun(key, pos, forward=m.article in ("a", "an", ""))
            if found is None and (m.capital or self.w.body_nouns.get(key, ("",))[0] == "government"):
                return self.body(key.capitalize(), -1)  # 'the Treasury', 'the government'
            return found or Entity("organisation", m.text)  # 'the council said': no name is given
        if form == "finding":
            return self._finding(m, pos)
        if form == "plain":
            return Entity("unnamed", m.text, plural=m.plural)
        return None

    def _more_people(self) -> None:
        if self._people is not None:
            found, self._people = self._people(), None
            for pos, mention in found:
                if mention is not None and mention.form == "person":
                    self.person(mention, pos)

    def _more_bodies(self) -> bool:
        if self._bodies is None:
            return False
        found, self._bodies = self._bodies(), None
        for pos, mention in found:
            if mention is not None:
                self.body(mention.text, pos)
        return bool(found)

    def _name(self, m: Mention, pos: int) -> Entity | str | None:
        self._more_people()
        key = m.text.lower()
        people = self.people.get(key)
        if people:
            before = self.nearest(pos, lambda e: e in people)
            return before or self.nearest(pos, lambda e: e in people, forward=True) or people[0]
        if m.text in self.w.acronyms or key in self.bodies:
            return self.acronym(m.text, pos) if m.text in self.w.acronyms else self.bodies[key]
        # one word ('Mencap', 'India', 'Hunt'): a person or a body, as later references tell
        e = Entity("person" if m.title else "name", m.text, surname=m.text, gender=m.gender)
        self.people.setdefault(key, []).append(e)
        self._at(pos, e)
        return e

    def _pronoun(self, word: str, pos: int) -> Entity | str | None:
        ref = self.w.pronouns.get(word, "person")
        if ref == "self":
            return SELF
        if ref in ("m", "f", "person"):
            self._more_people()
            return _told(self.nearest(pos, lambda e: e.kind in ("person", "name") and
                                      (e.gender in (None, ref) or ref == "person")), "person")
        if ref == "body":
            found = self.nearest(pos, lambda e: e.kind in ("organisation", "name"))
            if found is None and self._more_bodies():
                found = self.nearest(pos, lambda e: e.kind == "organisation")
            return _told(found, "organisation") or self.publisher
        if ref == "plural":
            return self.nearest(pos, lambda e: e.kind == "group" or e.plural) or \
                self.nearest(pos, lambda e: e.kind == "organisation") or self.publisher
        return None

    def _role(self, m: Mention, pos: int) -> Entity | None:
        if self.w.role_nouns.get(m.text.lower()) == "spokes":
            body = self.resolve(m.source, pos) if m.source is not None else None
            if not isinstance(body, Entity):  # 'A spokesperson said': of the body in context, else the publisher
                self._more_bodies()
                body = self.nearest(pos, lambda e: e.kind == "organisation" and e is not self.publisher) or \
                    self.publisher
            if body is None:
                return None
            return Entity("organisation" if body.kind != "group" else "group", body.name, role=m.text,
                          members=body.members)
        if m.plural:
            group = self.nearest(pos, lambda e: e.kind == "group")
            return group or Entity("unnamed", m.text, plural=True)
        head = self.w.role_noun.findall(m.text)
        noun = head[-1].lower() if head else m.text.lower()
        def fits(e: Entity) -> bool:
            return e.kind == "person" and e.role is not None and noun in e.role.lower()
        found = self.nearest(pos, fits) or self.nearest(pos, fits, forward=True)
        return found or Entity("unnamed", m.text, role=None)

    def _bodynoun(self, noun: str, pos: int, forward: bool) -> Entity | None:
        found = self._bodynoun_known(noun, pos, forward)
        if found is None and self._more_bodies():
            found = self._bodynoun_known(noun, pos, forward)
        pub = self.publisher
        if found is None and pub is not None and pub.kind == "organisation":  # the document's own body
            word = self.w.body_nouns.get(noun, ("any", "any"))[1]
            if word.lower() in _heads(pub.name):
                return pub
        return found

    def _bodynoun_known(self, noun: str, pos: int, forward: bool) -> Entity | None:
        sector, word = self.w.body_nouns.get(noun, ("any", "any"))
        if word != "any":
            def named(e: Entity) -> bool:
                return e.kind == "organisation" and word.lower() in _heads(e.name)
            found = self.nearest(pos, named) or self.nearest(pos, named, forward=True)
            if found is not None or noun in ("government",):
                return found

        def fits(e: Entity) -> bool:
            return e.kind == "name" or (e.kind == "organisation" and (sector == "any" or
                                                                    self._sector(e) in ("any", sector)))
        if forward:
            found = self.nearest(pos, fits, forward=True) or self.nearest(pos, fits)
        else:
            found = self.nearest(pos, fits) or self.nearest(pos, fits, forward=True)
        return _told(found, "organisation")

    def _sector(self, e: Entity) -> str:
        names = [e.name, self.w.acronyms.get(e.name, "")]
        for name in names:
            words = [x for x in name.replace(",", " ").split() if x in self.w.org_words]
            if words:
                return self.w.org_words[words[-1] if name.split()[-1] in self.w.org_words else words[0]]
        return "any"

    def _finding(self, m: Mention, pos: int) -> Entity | str | None:
        if m.source is not None:
            if m.weak and m.text in self.authors:
                return self.authors[m.text]
            return self.resolve(m.source, pos)
        if m.text in self.authors:
            return self.authors[m.text]
        same = [(p, e) for p, noun, e in self.findings if noun == m.text]
        if m.article in ("the", "this", "these", "those"):
            before = [e for p, e in same if p <= pos] or [e for p, _, e in self.findings if p <= pos]
            if before:
                return before[-1]
            after = [e for p, e in same if p > pos]
            if after:
                return after[0]
            if self.w.statement_nouns.get(m.text) == "joint":  # 'This letter': its signatories
                group = self.nearest(pos, lambda e: e.kind == "group")
                if group is not None:
                    return group
            return self.nearest(pos, lambda e: e.kind in ("group", "organisation") and e is not self.publisher) \
                or self.publisher
        if m.article in ("a", "an", ""):  # 'A survey found ...', a headline's '– survey': named later
            after = [e for p, e in same if p > pos]
            before = [e for p, e in same if p <= pos] if not m.article else []
            return after[0] if after else before[-1] if before else self.publisher
        return self.publisher  # 'Projections show', 'Official figures show': the document's own
