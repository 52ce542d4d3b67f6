"""The words of speaker phrases: what a mention is, and what makes a word a person's name, a body's name, an
acronym or a role with its organisation ("Chief Executive of The Children’s Society", "the CMA’s chief
executive", "Local Government Association chair"). Used by :mod:`.names`; every word class from the lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import QuoteWords


@dataclass(frozen=True, slots=True)
class Mention:
    """A parsed speaker phrase.

    form: person | name (one capitalised word, or a title and a surname: "Hunt", "Ms Reeves") | body |
    acronym | pronoun | role (a role with no name: "the minister") | bodynoun ("the charity") | finding
    ("research by X") | group | plain ("Downing Street" is a body; "experts" a role; this is the rest).
    """

    form: str
    text: str
    role: str | None = None
    org: str | None = None
    title: str | None = None
    gender: str | None = None
    article: str = ""
    source: Mention | None = None  # finding: who it is by; role: the body it speaks for; person: org's mention
    members: tuple[Mention, ...] = ()
    acronym: str | None = None  # a body given with its acronym: "Child Poverty Action Group (CPAG)"
    authored: str | None = None  # a body or person said to be the author of a finding ('report')
    plural: bool = False
    weak: bool = False  # finding: the source commissioned it rather than wrote it
    capital: bool = False  # bodynoun: written with a capital ('the Treasury'): the body's own name if no other


CAPITAL_WORD = regex.compile(r"^[\p{Lu}][\p{L}\p{M}'’.\-]*$")
_ACRONYM = regex.compile(r"^(?:[A-Z][a-z]?){1,3}[A-Z]$|^[A-Z]{2,7}$")
ARTICLE = regex.compile(r"^(?P<a>(?i:the|a|an|this|these|those|its|their|our|his|her|my))\s+")
_POSSESSED = regex.compile(r"^(?P<owner>[\p{Lu}][^’']{0,60}?)['’]s?\s+(?P<rest>\S.*)$")
AND_SPLIT = regex.compile(r"\s+(?:and|&)\s+")
_NAME_RUN = regex.compile(r"(?:the\s+)?[\p{Lu}][\p{L}\p{M}\p{N}’'&.\-]*(?:\s+(?:(?:of|for|and|&|on|in|the|to)\s+)*"
                          r"[\p{Lu}][\p{L}\p{M}\p{N}’'&.\-]*)*(?:\s*\([^()]{1,40}\))?")
_OBJ_AT = regex.compile(r"\s(?P<prep>at|of|for|with|from)\s+(?P<obj>(?:the\s+)?[\p{Lu}].*)$")
_THE = regex.compile(r"^the\s+")
_LOWER_BODY = regex.compile(r"\s(?:at|of|for|with)\s+the\s+(?P<obj>[a-z][a-z’' -]{2,60})$")
_RELATIVE = regex.compile(r"^(?:who|which)\s+(?:(?:also|now|currently|still)\s+)?(?P<verb>\S+)\s+(?P<obj>.+)$")
_OF_ORG = regex.compile(r"^(?:of|at|from)\s+(?:the\s+)?(?P<org>[\p{Lu}].*)$")


def is_acronym(word: str, w: QuoteWords) -> bool:
    """'LGA', 'DfE', 'Ofsted' (a table entry), not 'I', 'A' or an honour."""
    word = word.removesuffix("’s").removesuffix("'s").rstrip("’'")
    return word in w.acronyms or (bool(_ACRONYM.match(word)) and word not in w.honours)


def org_word(word: str, w: QuoteWords) -> bool:
    return word.rstrip(",").removesuffix("’s").removesuffix("'s") in w.org_words


def is_body_name(s: str, w: QuoteWords, possessive: bool = False) -> bool:
    """A capitalised name with an organisation word ('Local Government Association'), an acronym or table
    entry, or (with ``possessive``) a one-word possessive name ("Barnardo’s")."""
    words = ARTICLE.sub("", s.strip()).split()
    if not words or not words[0][:1].isupper():
        return False
    if len(words) == 1:
        word = words[0]
        return is_acronym(word, w) or (possessive and word.endswith(("’s", "'s")) and len(word) > 4)
    if not all(x[:1].isupper() or w.is_(x, "joiner") or x[:1].isdigit() for x in words):
        return False
    # (or capitalised words joined by 'for', no person's name: 'Skills for Care', 'Action for Children')
    return any(org_word(x, w) for x in words) or is_acronym(words[0], w) or \
        any(words[i] == "for" and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
            for i in range(1, len(words) - 1))


def owner_name(owner: str, w: QuoteWords) -> bool:
    """The owner in "the LGA’s board", "Local Government Association’s board": an acronym or a name ending in an
    organisation word (not "Association of Directors of Children" in a longer name)."""
    words = ARTICLE.sub("", owner.strip()).split()
    if not words:
        return False
    if len(words) == 1:
        return is_acronym(words[0], w)
    return is_body_name(owner, w) and org_word(words[-1], w)


@lru_cache(maxsize=8192)
def person_name(s: str, w: QuoteWords) -> tuple[str, str | None, str | None, bool] | None:
    """(name, title, gender, has a forename) of a person's name written with titles and honours ("Dr Jane
    Smith OBE" -> 'Jane Smith'); a peer with no forename keeps the title ('Baroness Smith of Malvern')."""
    s = s.strip()
    m = w.title_prefix.match(s)
    title = m.group(0).strip() if m else None
    body = s[m.end():] if m else s
    body = w.honours_suffix.sub("", body).strip().rstrip(",")
    words = body.split()
    if not words or len(words) > 5:
        return None
    gender, peer = None, False
    if title:
        kind = w.titles.get(title.split()[-1].rstrip(".").lower())
        if kind:
            gender = None if kind[0] == "any" else kind[0]
            peer = kind[1] == "peer"
    of_place = peer and len(words) >= 3 and words[1] == "of"
    names = words[:1] if of_place else words
    for i, x in enumerate(names):
        if i and x.lower() in w.particles:
            continue
        low = x.lower()
        if not CAPITAL_WORD.match(x) or (x in w.not_names and len(names) == 1) or org_word(x, w) or \
                low in w.role_nouns or (len(x) > 1 and x.isupper() and not x.endswith(".")) or low in w.adverbs or \
                (low in w.classes and not (w.classes[low] <= {"auxiliary", "be", "modal"} and len(names) > 1)):
            return None  # ('Will Iqbal', 'May Green': a forename that is also an auxiliary)
    if len(names) > 4 or (title is None and len(names) < 2):
        return None
    if peer and (of_place or len(words) == 1):  # a peer is known by the title: 'Baroness Smith of Malvern'
        return f"{title.split()[-1]} {body}", title, gender, True
    return body, title, gender, len(names) >= 2


def leading_name(s: str) -> str | None:
    """The capitalised name at the start of ``s`` ('the Department for Work and Pensions of ...')."""
    m = _NAME_RUN.match(s.strip())
    return m.group(0) if m else None


def split_role_org(role: str, w: QuoteWords) -> tuple[str | None, str | None]:
    """'Chief Executive of The Children’s Society' -> (role, org); "the CMA’s chief executive" -> ('chief
    executive', 'CMA'); 'Local Government Association chair' -> ('chair', 'Local Government Association')."""
    role = ARTICLE.sub("", role.strip()).strip(" ,")
    if not role:
        return None, None
    m = _POSSESSED.match(role)
    if m and owner_name(m.group("owner"), w) and w.role_noun.search(m.group("rest")):
        return m.group("rest"), m.group("owner")
    for pm in _OBJ_AT.finditer(role, overlapped=True):
        bare = _THE.sub("", pm.group("obj"))
        owner = _POSSESSED.match(bare)
        if owner and owner_name(owner.group("owner"), w):
            return role, owner.group("owner")
        stripped = strip_descriptor(bare, w)
        if is_body_name(stripped, w, possessive=True) or (pm.group("prep") == "at" and bare[:1].isupper()):
            head = role[:pm.start()].strip()
            if head:
                return head, stripped
    lower = _LOWER_BODY.search(role)
    if lower and w.body_noun_end(lower.group("obj")) is not None:
        return role[:lower.start()].strip(), "the " + lower.group("obj")
    words = role.split()
    for k in range(len(words) - 1, 0, -1):  # an organisation written before the role: 'IFS economist'
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if w.role_noun.search(rest) and (owner_name(head, w) or (is_body_name(head, w) and words[k][:1].islower())):
            return rest, head
    return role, None


def strip_descriptor(name: str, w: QuoteWords) -> str:
    """'Resolution Foundation think tank' -> 'Resolution Foundation' (a lower-case body noun after a name)."""
    m = w.body_noun_end(name)
    if m and m[0] > 0 and name[m[0]:][:1].islower() and name[:m[0]].strip():
        return name[:m[0]].strip()
    return name


def role_from_clause(part: str, w: QuoteWords) -> tuple[str | None, str | None]:
    """'who chairs the Local Government Association' -> ('chair', 'Local Government Association')."""
    m = _RELATIVE.match(part)
    if not m or m.group("verb").lower() not in w.role_verbs:
        return None, None
    noun = w.role_verbs[m.group("verb").lower()]
    obj = ARTICLE.sub("", m.group("obj").strip())
    owner = _POSSESSED.match(obj)
    if owner and owner_name(owner.group("owner"), w):
        return f"{noun} of the {owner.group('rest')}", owner.group("owner")
    if is_body_name(obj, w, possessive=True):
        return noun, strip_descriptor(obj, w)
    return f"{noun} of {m.group('obj').strip()}", None


def authored_finding(part: str, w: QuoteWords) -> str | None:
    """The finding an apposition says its head wrote: 'which wrote the report', "the report's author"."""
    m = w.authored.match(part.strip())
    return (m.group("noun") or m.group("noun2") or m.group("noun3")) if m else None


def roles_of(parts: list[str], w: QuoteWords) -> tuple[str | None, str | None, str | None]:
    """(role, org, authored finding) from the appositions after a name."""
    authored = None
    for part in parts:
        part = part.strip()
        if not part:
            continue
        found = authored_finding(part, w)
        if found:
            authored = found
            if w.role_noun.match(ARTICLE.sub("", part)):  # 'the author of the study' is a role too
                return ARTICLE.sub("", part), None, authored
            continue
        first = part.split()[0]
        if first.lower() in ("who", "which"):
            role, org = role_from_clause(part, w)
            if role:
                return role, org, authored
            continue
        org = _OF_ORG.match(part)
        if org is not None and is_body_name(org.group("org"), w, possessive=True):
            return None, org.group("org"), authored  # 'Tom Barker, of the Care Providers Association'
        if (first.endswith("ing") and first.islower()) or (first.lower() in w.classes and
                                                           not w.is_(first, "determiner")):
            continue  # 'representing England's councils', 'as chair ...', 'in a statement'
        pieces = AND_SPLIT.split(part)
        if len(pieces) > 1 and not all(w.role_noun.search(p) for p in pieces):
            pieces = [part]  # 'Chair of the Children and Young People Board': one role
        best: tuple[str | None, str | None] | None = None
        for piece in pieces:
            if authored_finding(piece, w):
                authored = authored_finding(piece, w)
            elif w.role_noun.search(piece):
                role, org = split_role_org(piece, w)
                if best is None or (best[1] is None and org is not None):
                    best = (role, org)
        if best is not None:
            return best[0], best[1], authored
        if is_body_name(part, w, possessive=True):
            return None, ARTICLE.sub("", part), authored
    return None, None, authored
