"""Speaker phrases: what a phrase before or after a reporting verb says about who speaks.

:func:`parse_phrase` reads a phrase such as "Mark Russell, Chief Executive at The Children’s Society",
"Local Government Association chair Shaun Davies", "research by CCN and the Local Government Association",
"the charity" or "she" into a :class:`Mention`: a person (name, title, role, organisation), a body (name,
acronym), a group, a finding (and the body it is by), a pronoun, a role or body noun to resolve, or a plain
noun phrase ("ministers"). Nothing is resolved here: that is the document register's work
(:mod:`.register`). Every word class comes from the lexicons (:mod:`.lexicon`).
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


_CAP = regex.compile(r"^[\p{Lu}][\p{L}\p{M}'’.\-]*$")
_ACRONYM = regex.compile(r"^(?:[A-Z][a-z]?){1,3}[A-Z]$|^[A-Z]{2,7}$")
_BULLETS = regex.compile(r"^[\s*•·\-–—>#]+")
_TRAIL = regex.compile(r"[\s,.:;*\"“”‘’'(\-–—]+$")
_PAREN_TAIL = regex.compile(r"\s*\((?P<inner>[^()]{1,80})\)\s*$")
_ARTICLE = regex.compile(r"^(?P<a>(?i:the|a|an|this|these|those|its|their|our|his|her|my))\s+")
_POSSESSED = regex.compile(r"^(?P<owner>[\p{Lu}][^’']{0,60}?)['’]s?\s+(?P<rest>\S.*)$")
_AND = regex.compile(r"\s+(?:and|&)\s+")
_NAME_RUN = regex.compile(r"(?:the\s+)?[\p{Lu}][\p{L}\p{M}\p{N}’'&.\-]*(?:\s+(?:(?:of|for|and|&|on|in|the|to)\s+)*"
                          r"[\p{Lu}][\p{L}\p{M}\p{N}’'&.\-]*)*(?:\s*\([^()]{1,40}\))?")
_OBJ_AT = regex.compile(r"\s(?P<prep>at|of|for|with|from)\s+(?P<obj>(?:the\s+)?[\p{Lu}].*)$")
_THE = regex.compile(r"^the\s+")
_LOWER_BODY = regex.compile(r"\s(?:at|of|for|with)\s+the\s+(?P<obj>[a-z][a-z’' -]{2,60})$")
_RELATIVE = regex.compile(r"^(?:who|which)\s+(?:(?:also|now|currently|still)\s+)?(?P<verb>\S+)\s+(?P<obj>.+)$")
_SPLIT_TOP = regex.compile(r"[()]|\s*,\s*|\s+[–—-]\s+")
_NOUN_OF = regex.compile(r"^(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)\s+(?:of|for|into|on)\s+\S")
_FOR_ORG = regex.compile(r"^(?:for|from|at|of)\s+(?P<org>.+)$")
_OWNER = regex.compile(r"^(?P<o>.+?)['’]s?$")
_BY_FROM = regex.compile(r"(?:^|\s)(?:by|from)\s+(?P<who>\S.*)$")
_NAME_START = regex.compile(r"^[A-Z\d(]")
_OF_ORG = regex.compile(r"^(?:of|at|from)\s+(?:the\s+)?(?P<org>[\p{Lu}].*)$")


def is_acronym(word: str, w: QuoteWords) -> bool:
    """'LGA', 'DfE', 'Ofsted' (a table entry), not 'I', 'A' or an honour."""
    word = word.removesuffix("’s").removesuffix("'s").rstrip("’'")
    return word in w.acronyms or (bool(_ACRONYM.match(word)) and word not in w.honours)


def _org_word(word: str, w: QuoteWords) -> bool:
    return word.rstrip(",").removesuffix("’s").removesuffix("'s") in w.org_words


def is_body_name(s: str, w: QuoteWords, possessive: bool = False) -> bool:
    """A capitalised name with an organisation word ('Local Government Association'), an acronym or table
    entry, or (with ``possessive``) a one-word possessive name ("Barnardo’s")."""
    words = _ARTICLE.sub("", s.strip()).split()
    if not words or not words[0][:1].isupper():
        return False
    if len(words) == 1:
        word = words[0]
        return is_acronym(word, w) or (possessive and word.endswith(("’s", "'s")) and len(word) > 4)
    if not all(x[:1].isupper() or w.is_(x, "joiner") or x[:1].isdigit() for x in words):
        return False
    return any(_org_word(x, w) for x in words) or is_acronym(words[0], w)


def _owner_name(owner: str, w: QuoteWords) -> bool:
    """The owner in "the LGA’s board", "Local Government Association’s board": an acronym or a name ending in an
    organisation word (not "Association of Directors of Children" in a longer name)."""
    words = _ARTICLE.sub("", owner.strip()).split()
    if not words:
        return False
    if len(words) == 1:
        return is_acronym(words[0], w)
    return is_body_name(owner, w) and _org_word(words[-1], w)


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
        if not _CAP.match(x) or (x in w.not_names and len(names) == 1) or _org_word(x, w) or low in w.role_nouns or \
                (len(x) > 1 and x.isupper() and not x.endswith(".")) or low in w.adverbs or \
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


def _split_role_org(role: str, w: QuoteWords) -> tuple[str | None, str | None]:
    """'Chief Executive of The Children’s Society' -> (role, org); "the CMA’s chief executive" -> ('chief
    executive', 'CMA'); 'Local Government Association chair' -> ('chair', 'Local Government Association')."""
    role = _ARTICLE.sub("", role.strip()).strip(" ,")
    if not role:
        return None, None
    m = _POSSESSED.match(role)
    if m and _owner_name(m.group("owner"), w) and w.role_noun.search(m.group("rest")):
        return m.group("rest"), m.group("owner")
    for pm in _OBJ_AT.finditer(role, overlapped=True):
        bare = _THE.sub("", pm.group("obj"))
        owner = _POSSESSED.match(bare)
        if owner and _owner_name(owner.group("owner"), w):
            return role, owner.group("owner")
        stripped = strip_descriptor(bare, w)
        if is_body_name(stripped, w, possessive=True) or (pm.group("prep") == "at" and bare[:1].isupper()):
            head = role[:pm.start()].strip()
            if head:
                return head, stripped
    lower = _LOWER_BODY.search(role)
    if lower and w.body_noun.search(lower.group("obj")):
        return role[:lower.start()].strip(), "the " + lower.group("obj")
    words = role.split()
    for k in range(len(words) - 1, 0, -1):  # an organisation written before the role: 'IFS economist'
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if w.role_noun.search(rest) and (_owner_name(head, w) or (is_body_name(head, w) and words[k][:1].islower())):
            return rest, head
    return role, None


def strip_descriptor(name: str, w: QuoteWords) -> str:
    """'Resolution Foundation think tank' -> 'Resolution Foundation' (a lower-case body noun after a name)."""
    m = w.body_noun.search(name)
    if m and m.start() > 0 and name[m.start():][:1].islower() and name[:m.start()].strip():
        return name[:m.start()].strip()
    return name


def _role_from_clause(part: str, w: QuoteWords) -> tuple[str | None, str | None]:
    """'who chairs the Local Government Association' -> ('chair', 'Local Government Association')."""
    m = _RELATIVE.match(part)
    if not m or m.group("verb").lower() not in w.role_verbs:
        return None, None
    noun = w.role_verbs[m.group("verb").lower()]
    obj = _ARTICLE.sub("", m.group("obj").strip())
    owner = _POSSESSED.match(obj)
    if owner and _owner_name(owner.group("owner"), w):
        return f"{noun} of the {owner.group('rest')}", owner.group("owner")
    if is_body_name(obj, w, possessive=True):
        return noun, strip_descriptor(obj, w)
    return f"{noun} of {m.group('obj').strip()}", None


def _authored(part: str, w: QuoteWords) -> str | None:
    """The finding an apposition says its head wrote: 'which wrote the report', "the report's author"."""
    m = w.authored.match(part.strip())
    return (m.group("noun") or m.group("noun2") or m.group("noun3")) if m else None


def _role_of(parts: list[str], w: QuoteWords) -> tuple[str | None, str | None, str | None]:
    """(role, org, authored finding) from the appositions after a name."""
    authored = None
    for part in parts:
        part = part.strip()
        if not part:
            continue
        found = _authored(part, w)
        if found:
            authored = found
            if w.role_noun.match(_ARTICLE.sub("", part)):  # 'the author of the study' is a role too
                return _ARTICLE.sub("", part), None, authored
            continue
        first = part.split()[0]
        if first.lower() in ("who", "which"):
            role, org = _role_from_clause(part, w)
            if role:
                return role, org, authored
            continue
        org = _OF_ORG.match(part)
        if org is not None and is_body_name(org.group("org"), w, possessive=True):
            return None, org.group("org"), authored  # 'Tom Barker, of the Care Providers Association'
        if (first.endswith("ing") and first.islower()) or (first.lower() in w.classes and
                                                           not w.is_(first, "determiner")):
            continue  # 'representing England's councils', 'as chair ...', 'in a statement'
        pieces = _AND.split(part)
        if len(pieces) > 1 and not all(w.role_noun.search(p) for p in pieces):
            pieces = [part]  # 'Chair of the Children and Young People Board': one role
        best: tuple[str | None, str | None] | None = None
        for piece in pieces:
            if _authored(piece, w):
                authored = _authored(piece, w)
            elif w.role_noun.search(piece):
                role, org = _split_role_org(piece, w)
                if best is None or (best[1] is None and org is not None):
                    best = (role, org)
        if best is not None:
            return best[0], best[1], authored
        if is_body_name(part, w, possessive=True):
            return None, _ARTICLE.sub("", part), authored
    return None, None, authored


def _paren(part: str) -> tuple[str, str | None]:
    m = _PAREN_TAIL.search(part)
    if m and m.start() > 0:
        return part[:m.start()].strip(), m.group("inner").strip()
    return part, None


def _trim(phrase: str, w: QuoteWords) -> str:
    """Without bullets, leading conjunctions and adverbs ('But', 'Today'), or trailing punctuation."""
    phrase = _BULLETS.sub("", phrase.strip())
    while True:
        first, _, rest = phrase.partition(" ")
        low = first.rstrip(",").lower()
        if rest and (low in w.adverbs or low in ("but", "and", "yet", "so", "or", "then")):
            phrase = rest.lstrip(", ")
            continue
        break
    phrase = _TRAIL.sub("", phrase)
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[:phrase.rfind("(")].rstrip()
    return phrase


@lru_cache(maxsize=8192)
def parse_phrase(phrase: str, w: QuoteWords) -> Mention | None:
    """The :class:`Mention` a speaker phrase makes, or None when it names no speaker."""
    phrase = _trim(phrase, w)
    if not phrase or len(phrase) > 240:
        return None
    first = phrase.split()[0].lower()
    if first[:1].isdigit() or w.is_(first, "quantifier"):
        return None  # '53% of responding councils', 'Most respondents': part of what is reported
    group = _list(phrase, w)
    if group is not None:
        return group
    parts = _merge_comma_name([p for p in _split_top(phrase) if p], w)
    if not parts:
        return None
    head, paren = _paren(parts[0])
    rest = parts[1:]
    first = _single(head, w)
    if first is None:
        return None
    if first.form in ("person", "name") and (first.form == "person" or rest or paren):
        role, org, _ = _role_of(rest, w)
        if paren and role is None and org is None:
            role, org = (paren, None) if w.role_noun.search(paren) or not paren[:1].isupper() else (None, paren)
        if first.form == "name" and paren and is_acronym(paren, w):
            return Mention("body", first.text, acronym=paren)
        authored = next((a for a in (_authored(p, w) for p in rest) if a), None)
        if role is None and org is None and authored is None:
            return first
        return Mention(first.form, first.text, role or first.role, org or first.org, first.title, first.gender,
                       authored=authored)
    if first.form in ("role", "bodynoun", "body") and rest and w.role_noun.search(head):
        person = person_name(_paren(rest[0])[0], w)
        if person is not None:  # 'The Children's Commissioner, Dame Rachel de Souza'
            role, org = _split_role_org(head, w)
            return Mention("person", person[0], role, org, person[1], person[2])
    if first.form == "finding" and first.source is None and rest:
        for part in rest:  # 'The report, written by senior research fellow Dr Amira Khan,'
            by = w.written_by.match(part)
            if by is not None:
                source = _source(by.group("who"), w)
                if source is not None:
                    weak = w.finding_verbs.get(by.group("verb")) == "commissioner"
                    return Mention("finding", first.text, article=first.article, source=source, weak=weak,
                                   plural=first.plural)
    if first.form in ("body", "acronym", "bodynoun") and (paren or rest):
        acronym = paren if paren and is_acronym(paren, w) else first.acronym
        authored = next((a for a in (_authored(p, w) for p in rest) if a), None)
        return Mention(first.form, first.text, first.role, first.org, article=first.article, source=first.source,
                       acronym=acronym, authored=authored)
    return first


def _split_top(phrase: str) -> list[str]:
    """Split at commas and spaced dashes outside brackets."""
    out, depth, last = [], 0, 0
    for m in _SPLIT_TOP.finditer(phrase):
        t = m.group(0)
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(phrase[last:m.start()].strip())
            last = m.end()
    out.append(phrase[last:].strip())
    return out


def _merge_comma_name(parts: list[str], w: QuoteWords) -> list[str]:
    """Parts of a name that lists its remits joined again: ['Ministry of Housing', 'Communities and Local
    Government', ...] -> ['Ministry of Housing, Communities and Local Government', ...]."""
    for k in range(2, min(len(parts), 5) + 1):
        if " and " in parts[k - 1] and _one_name_with_commas(parts[:k - 1] + _AND.split(parts[k - 1]), w):
            return [", ".join(parts[:k]), *parts[k:]]
    return parts


def _one_name_with_commas(items: list[str], w: QuoteWords) -> bool:
    """'Ministry of Housing, Communities and Local Government': a name that lists its remits."""
    first = _ARTICLE.sub("", items[0]).split()
    return len(first) >= 3 and _org_word(first[0], w) and first[1] in ("of", "for") and all(
        len(x.split()) <= 3 and x[:1].isupper() and not _ARTICLE.match(x) for x in items[1:])


def _list(phrase: str, w: QuoteWords) -> Mention | None:
    """'Barnardo’s, the NSPCC and Action for Children' / 'Wanless, Perry and Russell' -> a group."""
    if " and " not in phrase and " & " not in phrase:
        return None
    parts = [p for p in _split_top(phrase) if p]
    last = _AND.split(parts[-1])
    if len(last) != 2:
        return None
    items = parts[:-1] + last
    if _one_name_with_commas(items, w):
        return None
    members = []
    for n, item in enumerate(items):
        item, paren = _paren(item)
        person = person_name(item, w)
        if person is not None and person[3]:  # 'Lynn Webb MBE (Become)': the organisation they sign for
            org = paren if paren and paren[:1].isupper() and not w.role_noun.search(paren) else None
            members.append(Mention("person", person[0], org=org, title=person[1], gender=person[2]))
            continue
        bare = _ARTICLE.sub("", item)
        if is_body_name(bare, w, possessive=True):
            # a capital 'The' inside a list is part of the name ("... and The Children's Society")
            name = item if n and item.startswith("The ") else bare
            members.append(Mention("acronym" if " " not in bare and is_acronym(bare, w) else "body", name))
        elif len(items) >= 3 and _CAP.match(bare) and " " not in bare:
            members.append(Mention("name", bare))
        else:
            return None
    if len(items) == 2 and any(m.form == "name" for m in members):
        return None
    return Mention("group", "; ".join(m.text for m in members), members=tuple(members), plural=True)


def _single(part: str, w: QuoteWords) -> Mention | None:
    """One phrase without appositions."""
    part = part.strip()
    if not part:
        return None
    low = part.lower()
    if low in w.pronouns:
        return Mention("pronoun", low)
    am = _ARTICLE.match(part)
    article = am.group("a").lower() if am else ""
    bare = part[am.end():] if am else part
    finding = _finding(part, w)
    if finding is not None:
        return finding
    spokes = _spokes(bare, article, w)
    if spokes is not None:
        return spokes
    person = person_name(part, w)
    if person is not None:
        if not person[3]:  # 'Ms Reeves': a surname to look up
            return Mention("name", person[0], title=person[1], gender=person[2])
        return Mention("person", person[0], title=person[1], gender=person[2])
    named = _role_then_name(bare, w)
    if named is not None:
        return named
    return _noun_phrase(bare, article, w)


def _noun_phrase(bare: str, article: str, w: QuoteWords) -> Mention | None:
    """A body, role, body noun or plain noun phrase."""
    words = bare.split()
    head_low = words[-1].lower() if words else ""
    singular = head_low[:-1] if head_low.endswith("s") else head_low
    if len(words) == 1 and (head_low in w.role_nouns or singular in w.role_nouns):
        return Mention("role", bare, article=article, plural=head_low not in w.role_nouns)
    if " " not in bare and _CAP.match(bare) and not is_acronym(bare, w):
        if bare in w.org_words or bare.lower() in w.body_nouns:
            return Mention("bodynoun", bare.lower(), article=article, capital=True)
        if is_body_name(bare, w, possessive=True):
            return Mention("body", bare)  # "Barnardo’s"
        return Mention("name", bare) if bare.lower() not in w.classes else None
    if words and words[0][:1].isupper() and w.role_noun.match(words[0]) and len(words) > 2 and \
            words[1] in ("of", "for", "at"):
        role, org = _split_role_org(bare, w)  # 'Chair of the LGA’s Children and Young People Board'
        return Mention("role", role or bare, org=org, article=article)
    named = _noun_then_name(bare, w)
    if named is not None:
        return named
    if is_body_name(bare, w):
        name = strip_descriptor(bare, w)
        if " " not in name and is_acronym(name, w):
            return Mention("acronym", name.removesuffix("’s").removesuffix("'s").rstrip("’'"))
        return Mention("body", name)
    if _noun_of(bare, w):
        return Mention("body", bare)
    if w.body_noun.search(bare):
        return Mention("bodynoun", bare.lower(), article=article, plural=False)
    if w.role_noun.search(bare):
        role, org = _split_role_org(bare, w)
        plural = head_low not in w.role_nouns and singular in w.role_nouns
        return Mention("role", role or bare, org=org, article=article, plural=plural)
    if head_low.endswith("s") and head_low[:-1] in w.body_nouns:
        return Mention("bodynoun", bare.lower(), article=article, plural=True)
    if not article and 1 <= len(words) <= 2 and head_low.endswith("s") and all(x.isalpha() for x in words):
        return Mention("plain", bare, plural=True)
    return None


def _noun_then_name(bare: str, w: QuoteWords) -> Mention | None:
    """'the charity Shelterline', 'the think tank Resolution Foundation': a body noun before the name."""
    words = bare.split()
    for k in (1, 2):
        if len(words) > k and " ".join(words[:k]).lower() in w.body_nouns and words[k][:1].isupper() and \
                all(x[:1].isupper() or w.is_(x, "joiner") for x in words[k:]):
            return Mention("body", " ".join(words[k:]))
    return None


def _noun_of(bare: str, w: QuoteWords) -> bool:
    """'independent review of children's social care': a body noun named by what follows it."""
    m = _NOUN_OF.match(bare)
    return bool(m) and m.group("noun") in w.body_nouns and m.group("noun") not in ("body", "group", "firm")


def _spokes(bare: str, article: str, w: QuoteWords) -> Mention | None:
    """'a spokesperson for the DfE', 'a DfE spokesperson', 'A spokesperson' (the body is resolved later)."""
    words = bare.split()
    for i, word in enumerate(words):
        if w.role_nouns.get(word.lower().rstrip(",")) != "spokes":
            continue
        before, after = " ".join(words[:i]), " ".join(words[i + 1:])
        org = None
        pm = _FOR_ORG.match(after)
        if pm:
            org = _ARTICLE.sub("", pm.group("org"))
        elif after:
            return None
        elif before:
            owner = _OWNER.match(before)
            org = owner.group("o") if owner and before.endswith(("’s", "'s", "’", "'")) else before
        source = _single(org, w) if org else None
        return Mention("role", word.lower(), org=org, article=article, source=source)
    return None


def _role_then_name(bare: str, w: QuoteWords) -> Mention | None:
    """'Health Secretary Wes Streeting', 'Local Government Association chair Shaun Davies'."""
    for m in w.role_noun.finditer(bare):
        rest = bare[m.end():].strip()
        if not rest[:1].isupper():
            continue
        person = person_name(rest, w)
        if person is None:
            continue
        role, org = _split_role_org(bare[:m.end()], w)
        return Mention("person", person[0], role, org, person[1], person[2])
    return None


def _finding(part: str, w: QuoteWords) -> Mention | None:
    """'research by X', "X's analysis", 'Official DWP figures', 'the report', 'our modelling',
    'a report that X commissioned', 'An LGA-commissioned report'."""
    words = part.split()
    idx = next((i for i, x in enumerate(words[:8]) if x.lower().strip(",") in w.finding_nouns and
                (x.islower() or i == 0)), None)
    if idx is None:
        return None
    noun = words[idx].lower().strip(",")
    before, after = words[:idx], " ".join(words[idx + 1:])
    if any(w.is_(x, "preposition") and not (0 < i < len(before) - 1 and before[i - 1][:1].isupper() and
                                            before[i + 1][:1].isupper()) for i, x in enumerate(before)):
        return None  # 'the author of the study': the head is before the finding noun (not a name's 'for')
    source: Mention | None = None
    weak = False
    by = list(_BY_FROM.finditer(after))
    if by:
        who = by[-1].group("who")
        source = _source(leading_name(who) or who, w)
    if source is None and after:
        rel = w.by_relation.match(after)
        if rel:
            source, weak = _source(rel.group("who"), w), w.finding_verbs.get(rel.group("verb")) == "commissioner"
        elif not by and not _goes_on(after, w) and not _NAME_START.match(after):
            return None
    if source is None and before:
        found, weak = _modifier_source(before, w)
        if found is False:
            return None
        source = found or None
    article = before[0].lower() if before and before[0].lower() in ("the", "a", "an", "this", "these", "those") else ""
    return Mention("finding", noun, article=article, source=source, weak=weak, plural=noun.endswith("s"))


def _goes_on(after: str, w: QuoteWords) -> bool:
    """What may follow a finding noun inside its phrase: 'by X', 'published today', 'carried out by'."""
    first = after.split()[0].lower()
    return w.is_(first, "preposition") or first in w.finding_verbs or (first.endswith("ed") and first.isalpha()) or \
        first.split("-")[0] in w.finding_verbs


def _modifier_source(before: list[str], w: QuoteWords) -> tuple[Mention | None | bool, bool]:
    """Who the words before a finding noun say it is by: "X's", 'its', 'Official DWP', 'an LGA-commissioned'.
    (False when they are not the words before a finding noun that names its author.)"""
    first = before[0].lower()
    if first in ("its", "their", "our", "his", "her", "my"):
        return Mention("pronoun", first), False
    words = before[1:] if first in ("the", "a", "an", "this", "these", "those") else before
    if not words:
        return None, False
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("’s", "'s", "’", "'")) and words[k][:1].isalpha():
            owner = " ".join(words[:k + 1])
            owner = owner[:-2] if owner.endswith(("’s", "'s")) else owner[:-1]
            return _source(owner, w) or _source(owner.split()[-1], w), False
    for i, x in enumerate(words):
        if not x[:1].isupper():
            continue
        run = []
        for y in words[i:]:
            if y[:1].isupper() or w.is_(y, "joiner"):
                run.append(y)
            else:
                break
        commissioned = run[-1].split("-", 1)[1] if "-" in run[-1] else ""
        if commissioned:
            run[-1] = run[-1].split("-", 1)[0]
        for k in range(len(run)):  # 'Official DWP' -> 'DWP'
            src = _source(" ".join(run[k:]), w)
            if src is not None and src.form in ("acronym", "body", "person", "group", "name"):
                return src, commissioned in ("commissioned", "funded")
        break
    if all(x.islower() or x[:1].isdigit() for x in words) or (words[0][:1].isupper() and
                                                              all(x.islower() for x in words[1:])):
        return None, False  # 'new', 'latest', 'Official', 'most recent'
    return False, False


def _source(who: str, w: QuoteWords) -> Mention | None:
    who = _TRAIL.sub("", who.strip())
    if not who:
        return None
    body, paren = _paren(who)
    found = _list(who, w) or _single(body, w)
    if found is not None and paren and is_acronym(paren, w) and found.form == "body":
        return Mention("body", found.text, acronym=paren)
    return found
