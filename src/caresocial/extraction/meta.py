"""Document metadata found in the text: front matter, title, dateline and publisher.

The words that make a name an organisation's, the public-body acronyms and the verbs of a headline that
names its source ("..., warns the Local Government Association") come from the lexicons
(:mod:`caresocial.lexicons`), like the quote grammar's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import regex

from ..lexicons import Lexicons
from .figures.grammar import RawFigure

_FRONT = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>(?:(?!---)[^\n]*+\n){0,60}?)---[ \t]*\r?\n")
_FRONT_LINE = regex.compile(r"^(?P<key>[A-Za-z_][\w-]*+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", regex.M)
_ISO = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NAME_TAIL = regex.compile(r"(?:the\s+|The\s+)?[A-Z][\w'’&.-]*+(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?"
                           r"[A-Z][\w'’&.-]*+){0,7}")
_POSSESSIVE_NAME = regex.compile(r"[A-Z][a-z]+['’]s")


@dataclass(frozen=True)
class _Patterns:
    says: frozenset[str]  # present forms of the reporting verbs: "... says The Children's Society"
    title_response: regex.Pattern[str]  # "CCN response to ...", "Statement from X"
    org_words: frozenset[str]  # organisation words and listed acronyms

    def is_org(self, name: str) -> bool:
        """A name with an organisation word or acronym, or a one-word possessive name ("Barnardo's")."""
        return any(w.rstrip(",.") in self.org_words or _POSSESSIVE_NAME.fullmatch(w) for w in name.split())

    def title_org(self, title: str) -> str | None:
        """The organisation a title ends by naming after a reporting verb ('..., warns the LGA')."""
        words = title.split()
        for k in range(len(words) - 2, max(-1, len(words) - 10), -1):
            if words[k].lower() in self.says:
                m = _NAME_TAIL.fullmatch(" ".join(words[k + 1:]))
                if m:
                    return m.group(0)
        return None


@lru_cache(maxsize=16)
def _patterns(lex: Lexicons) -> _Patterns:
    """The metadata patterns of a lexicon set: headline verbs are the reporting verbs' present forms."""
    from .quotes.lexicon import inflections  # (the quote grammar's lexicon module: no import cycle)

    present = sorted({form for row in lex.rows("reporting_verbs") for name, form in inflections(row).items()
                      if name in ("base", "s") and " " not in form}, key=lambda f: (-len(f), f))
    nouns = sorted({n for n in lex.words("statement_nouns") if " " not in n} | {"response", "responds", "comment"},
                   key=lambda f: (-len(f), f))
    words = sorted({*lex.words("organisation_words"), *lex.words("acronyms")}, key=lambda f: (-len(f), f))
    return _Patterns(
        says=frozenset(present),
        title_response=regex.compile(
            r"(?:^|[:\-–|]\s*)(?P<org>[A-Z][\w'’&.-]*+(?:\s+[A-Z][\w'’&.-]*+){0,5})\s+"
            rf"(?:{'|'.join(map(regex.escape, nouns))})\b"),
        org_words=frozenset(words),
    )
_JOINT_HEADER = regex.compile(
    r"\bjoint\s+statement\b[^\n:]{0,200}?\bfrom\s+(?:the\s+)?(?P<list>[^\n:]{3,400}?)[:.]?\**\s*$", regex.I | regex.M
)


# a line of running text, not a title, byline or dateline: eight or more words ending like a sentence
_SENTENCE_LINE = regex.compile(r"^(?:\S+\s+){7,}\S*[.!?][\"'”’)]*$")
_SENTENCE_CLOSERS = "\"'”’)"


@dataclass(slots=True)
class DocMeta:
    """What the text says about itself."""

    title: str | None = None
    date: date | None = None
    date_source: str | None = None
    publisher: str | None = None
    publisher_members: tuple[str, ...] = ()
    front_matter: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


_LIST_BREAK = regex.compile(r"\s*(?:,|;|\band\b|&)\s*(?:the\s+(?=[A-Z]))?")


def split_list(items: str) -> list[str]:
    """'A, B, C and D' -> ['A', 'B', 'C', 'D'] (also with ';' and '&')."""
    return list(_split_list(items))


@lru_cache(maxsize=4096)
def _split_list(items: str) -> tuple[str, ...]:
    parts = _LIST_BREAK.split(items.strip().strip("*").strip())
    out = []
    for p in parts:
        p = p.strip().strip("*:.").strip()
        if p.lower().startswith("the ") and not p.startswith("The "):
            p = p[4:]
        if p:
            out.append(p)
    return tuple(out)


def read_meta(text: str, figures: list[RawFigure], lexicons: Lexicons | None = None) -> DocMeta:
    """Title, date and publisher from front matter, the header lines and the figures found there (words and
    acronyms from ``lexicons``, the built-in ones by default)."""
    pats = _patterns(lexicons or Lexicons.default())
    meta = DocMeta()
    fm = _FRONT.match(text)
    if fm:
        meta.front_matter = {m.group("key").lower(): m.group("value").strip("'\" ") for m in
                             _FRONT_LINE.finditer(fm.group("body"))}
        meta.body_start = fm.end()
        meta.title = meta.front_matter.get("title") or None
        meta.publisher = meta.front_matter.get("publisher") or meta.front_matter.get("author") or None
        raw_date = meta.front_matter.get("date", "")
        iso = _ISO.match(raw_date[:10])
        if iso:
            try:
                meta.date = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
                meta.date_source = "front matter"
            except ValueError:
                pass
    lines = _header_lines(text, meta.body_start)
    if meta.title is None and lines:
        first = lines[0][2]
        if len(first) <= 200 and not first.startswith(("\"", "“", "‘", "'")):
            meta.title = first.strip("*# ")
    header_end = lines[-1][1] if lines else meta.body_start
    if meta.date is None:
        for f in figures:
            if f.start > max(header_end, meta.body_start + 400):
                break
            if f.kind == "date" and isinstance(f.value, str) and len(f.value) == 10 and f.value[0] != "-":
                try:
                    meta.date = date.fromisoformat(f.value)
                    meta.date_source = "dateline"
                except ValueError:
                    continue
                break
    if meta.publisher is None:
        meta.publisher, meta.publisher_members = _publisher(text, meta.title, lines, pats)
    return meta


def _header_lines(text: str, start: int) -> list[tuple[int, int, str]]:
    """The short lines at the top of the document (title, byline, dateline), up to the first long one."""
    out: list[tuple[int, int, str]] = []
    pos = start
    n = len(text)
    while pos < n and len(out) < 8:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end].strip()
        if line:
            # (a line that does not end like a sentence is no sentence line: the cheap test first)
            if len(line) > 160 or (line.rstrip(_SENTENCE_CLOSERS)[-1:] in (".", "!", "?") and
                                   _SENTENCE_LINE.search(line)):
                break
            out.append((pos, end, line))
        pos = end + 1
        if pos - start > 1200:
            break
    return out


_BYLINE = regex.compile(r"(?:By\s+)?[A-Z][\w'’&.-]*+(?:\s+(?:of|for|and|&|the)?\s*[A-Z][\w'’&.-]*+){0,6}")
_BY = regex.compile(r"^By\s+")
# a dateline beside the publisher on one header line: 'Department for Education | 30 March 2023'
_DATE_PART = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
              r"\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})")
_DATE_BESIDE = regex.compile(rf"^{_DATE_PART}\s*[|•·–—,-]\s*|\s*[|•·–—,-]\s*{_DATE_PART}$")
_NEWSROOM = regex.compile(r"(?P<org>[A-Z]{2,6})\s+(?:Latest\s+)?(?:News|Press|Media|Blog)\b")


def _publisher(text: str, title: str | None, lines: list[tuple[int, int, str]],
               pats: _Patterns) -> tuple[str | None, tuple[str, ...]]:
    head = text[: 2000]
    joint = _JOINT_HEADER.search(head)
    if joint:
        members = tuple(split_list(joint.group("list")))
        if len(members) >= 2:
            return "; ".join(members), members
    if title:
        m = pats.title_response.search(title)
        org = pats.title_org(title) or (m.group("org") if m else None)
        if org:
            org = org.strip().rstrip(".")
            if org.startswith("the "):
                org = org[4:]
            return expand_acronym(text, org), ()
    for _, _, line in lines[1:5]:
        clean = _DATE_BESIDE.sub("", line.strip("*# "))
        if _BYLINE.fullmatch(clean) and pats.is_org(clean):
            return expand_acronym(text, _BY.sub("", clean)), ()
    for _, _, line in lines[1:5]:
        m = _NEWSROOM.match(line)
        if m:
            return expand_acronym(text, m.group("org")), ()
    ours = _we_alongside(text, pats)
    if ours:
        return ours, ()
    return None, ()


_ALONGSIDE_LEADS = ("Alongside", "Together with", "With")
_ALONGSIDE = regex.compile(
    rf"\b(?:{'|'.join(_ALONGSIDE_LEADS)})\s+(?:other\s+[^-–—:\n]{{0,60}}?\s[-–—:]\s*)?"
    r"(?P<list>[^\n]{3,300}?)\s*[-–—]?\s*,?\s*we\b"
)
_PAREN_ORG = regex.compile(r"\((?P<org>[A-Z][^()\n\d,;]{1,60})\)")


def _we_alongside(text: str, pats: _Patterns) -> str | None:
    """'Alongside A, B and C, we have written ...' + a signatory list naming A, B, C and D -> D."""
    head = text[:3000]
    if not any(lead in head for lead in _ALONGSIDE_LEADS):
        return None  # (the cheap test of the words _ALONGSIDE starts with)
    m = _ALONGSIDE.search(head)
    if not m:
        return None
    others = {o.lower() for o in split_list(m.group("list"))}
    named = [p.group("org").strip() for p in _PAREN_ORG.finditer(text[: 6000])]
    rest = [o for o in dict.fromkeys(named) if (o.lower() not in others and pats.is_org(o)) or
            (o.isupper() and o.lower() not in others)]
    rest = [o for o in rest if o.lower() not in others]
    return rest[0] if len(rest) == 1 else None


_ACRONYM = regex.compile(r"[A-Z]{2,6}")


def expand_acronym(text: str, name: str) -> str:
    """'CCN' -> 'County Councils Network' when the text spells out a name with those initials."""
    if not _ACRONYM.fullmatch(name):
        return name
    m = _spelled_out(name).search(text)
    return m.group(0) if m else name


@lru_cache(maxsize=1024)
def _spelled_out(acronym: str) -> regex.Pattern[str]:
    """The pattern of a name with these initials (compiled once: ``regex``'s own cache costs microseconds a look-up)."""
    words = r"\s+(?:of\s+|for\s+|and\s+|the\s+)?".join([rf"{c}[\w'’]++" for c in acronym])
    return regex.compile(rf"\b{words}")
