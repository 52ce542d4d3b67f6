"""Speaker phrases: what a phrase before or after a reporting verb says about who speaks.

:func:`parse_phrase` reads a phrase such as "Mark Russell, Chief Executive at The Children’s Society",
"Local Government Association chair Shaun Davies", "research by CCN and the Local Government Association",
"the charity" or "she" into a :class:`Mention`: a person (name, title, role, organisation), a body (name,
acronym), a group, a finding (and the body it is by), a pronoun, a role or body noun to resolve, or a plain
noun phrase ("ministers"). Nothing is resolved here: that is the document register's work
(:mod:`.register`). Every word class comes from the lexicons (:mod:`.lexicon`).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import QuoteWords
from .namewords import (
    AND_SPLIT,
    ARTICLE,
    CAPITAL_WORD,
    Mention,
    authored_finding,
    is_acronym,
    is_body_name,
    leading_name,
    org_word,
    person_name,
    roles_of,
    split_role_org,
    strip_descriptor,
)

__all__ = ["Mention", "is_acronym", "is_body_name", "leading_name", "parse_phrase", "person_name", "strip_descriptor"]

_BULLETS = regex.compile(r"^[\s*•·\-–—>#]+")
_TRAIL = regex.compile(r"[\s,.:;*\"“”‘’'(\-–—]+$")
_PAREN_TAIL = regex.compile(r"\s*\((?P<inner>[^()]{1,80})\)\s*$")
_SPLIT_TOP = regex.compile(r"[()]|\s*,\s*|\s+[–—-]\s+")
_NOUN_OF = regex.compile(r"^(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)\s+(?:of|for|into|on)\s+\S")
_FOR_ORG = regex.compile(r"^(?:for|from|at|of)\s+(?P<org>.+)$")
_OWNER = regex.compile(r"^(?P<o>.+?)['’]s?$")
_BY_FROM = regex.compile(r"(?:^|\s)(?:by|from)\s+(?P<who>\S.*)$")
_NAME_START = regex.compile(r"^[A-Z\d(]")


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
        role, org, _ = roles_of(rest, w)
        if paren and role is None and org is None:
            role, org = (paren, None) if w.role_noun.search(paren) or not paren[:1].isupper() else (None, paren)
        if first.form == "name" and paren and is_acronym(paren, w):
            return Mention("body", first.text, acronym=paren)
        authored = next((a for a in (authored_finding(p, w) for p in rest) if a), None)
        if role is None and org is None and authored is None:
            return first
        return Mention(first.form, first.text, role or first.role, org or first.org, first.title, first.gender,
                       authored=authored)
    if first.form in ("role", "bodynoun", "body") and rest and w.role_noun.search(head):
        person = person_name(_paren(rest[0])[0], w)
        if person is not None:  # 'The Children's Commissioner, Dame Rachel de Souza', 'Its chair, Jo Bell'
            role, org = split_role_org(head, w)
            owner = Mention("pronoun", first.article) if first.article in w.pronouns and org is None else None
            return Mention("person", person[0], role, org, person[1], person[2], source=owner)
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
        authored = next((a for a in (authored_finding(p, w) for p in rest) if a), None)
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
        if " and " in parts[k - 1] and _one_name_with_commas(parts[:k - 1] + AND_SPLIT.split(parts[k - 1]), w):
            return [", ".join(parts[:k]), *parts[k:]]
    return parts


def _one_name_with_commas(items: list[str], w: QuoteWords) -> bool:
    """'Ministry of Housing, Communities and Local Government': a name that lists its remits."""
    first = ARTICLE.sub("", items[0]).split()
    return len(first) >= 3 and org_word(first[0], w) and first[1] in ("of", "for") and all(
        len(x.split()) <= 3 and x[:1].isupper() and not ARTICLE.match(x) for x in items[1:])


def _list(phrase: str, w: QuoteWords) -> Mention | None:
    """'Barnardo’s, the NSPCC and Action for Children' / 'Wanless, Perry and Russell' -> a group."""
    if " and " not in phrase and " & " not in phrase:
        return None
    parts = [p for p in _split_top(phrase) if p]
    last = AND_SPLIT.split(parts[-1])
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
        bare = ARTICLE.sub("", item)
        if is_body_name(bare, w, possessive=True):
            # a capital 'The' inside a list is part of the name ("... and The Children's Society")
            name = item if n and item.startswith("The ") else bare
            members.append(Mention("acronym" if " " not in bare and is_acronym(bare, w) else "body", name))
        elif len(items) >= 3 and CAPITAL_WORD.match(bare) and " " not in bare:
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
    am = ARTICLE.match(part)
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
    if " " not in bare and CAPITAL_WORD.match(bare) and not is_acronym(bare, w):
        if bare in w.org_words or bare.lower() in w.body_nouns:
            plural = bare.lower() not in w.body_nouns and bare.lower()[:-1] in w.body_nouns  # 'Councils'
            return Mention("bodynoun", bare.lower(), article=article, capital=not plural, plural=plural)
        if is_body_name(bare, w, possessive=True):
            return Mention("body", bare)  # "Barnardo’s"
        return Mention("name", bare) if bare.lower() not in w.classes else None
    if words and words[0][:1].isupper() and w.role_noun.match(words[0]) and len(words) > 2 and \
            words[1] in ("of", "for", "at"):
        role, org = split_role_org(bare, w)  # 'Chair of the LGA’s Children and Young People Board'
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
    if w.body_noun_end(bare) is not None:
        return Mention("bodynoun", bare.lower(), article=article, plural=False)
    if w.role_noun.search(bare):
        role, org = split_role_org(bare, w)
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
            org = ARTICLE.sub("", pm.group("org"))
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
        role, org = split_role_org(bare[:m.end()], w)
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
    if source is None and after.startswith("of "):  # 'the finding of new LGA research'
        inner = _source(after[3:], w)
        if inner is not None and inner.form == "finding" and inner.source is not None:
            source, weak = inner.source, inner.weak
        elif inner is not None and inner.form in ("body", "acronym", "group"):
            source = inner
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


def _modifier_source(before: list[str], w: QuoteWords) -> tuple[Mention | bool | None, bool]:
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
