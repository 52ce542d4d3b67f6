"""The records the quote rules build (turned into :class:`~caresocial.models.Quote` by the component), and
bracketed citations ("(Independent Review of Children's Social Care, 2022)")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex


@dataclass(slots=True)
class SpeakerRef:
    """A speaker as the rules resolve it: a person, an organisation or a group of parties."""

    name: str
    role: str | None = None
    org: str | None = None
    kind: str = "organisation"  # person | organisation | group
    members: tuple[str, ...] = ()


@dataclass(slots=True, eq=False)
class RawQuote:
    """A statement: its kind, the offsets of its material, its speaker and the words that attribute it.

    ``parent`` is the enclosing quote itself (an object, never a list position, so filtering a list cannot
    make it stale; :func:`~.nesting.nest` only ever links a quote to a strictly longer one, so a chain of
    parents cannot cycle)."""

    kind: str
    start: int
    end: int
    speaker: SpeakerRef | None
    cue: str | None = None
    cue_start: int | None = None
    paragraphs: tuple[int, ...] = ()
    parent: RawQuote | None = None
    self_ref: bool = False  # 'we'/'our' reporting inside a quote: figures keep the enclosing quote's speaker


CITATION = regex.compile(r"\((?P<src>[A-Z][^()\n]{2,150}?),?\s+(?P<year>(?:1[89]|20)\d{2})[a-z]?\)")
_NOT_CITED = ("see ", "e.g", "i.e", "p.", "pp.")
_LOWER = regex.compile(r"[a-z]")
_SPACES = regex.compile(r"\s+")
_THE_FIRST = regex.compile(r"^the\s+")


def citations(text: str) -> list[RawQuote]:
    """'(Source, 2022)' -> a citation quote of the source, in text order."""
    out = []
    for m in CITATION.finditer(text):
        src = m.group("src").strip()
        if not src.lower().startswith(_NOT_CITED) and _LOWER.search(src):
            out.append(RawQuote("citation", m.start("src"), m.end("year"), SpeakerRef(src)))
    return out


def cited_sources(text: str) -> dict[str, int]:
    """{source name (normalised, see :func:`normalise_source`): year} for every bracketed citation."""
    out: dict[str, int] = {}
    for m in CITATION.finditer(text):
        out[normalise_source(m.group("src"))] = int(m.group("year"))
    return out


@lru_cache(maxsize=8192)
def normalise_source(name: str) -> str:
    """Key for matching a source across documents: lower case, straight apostrophes, no leading 'the'."""
    name = name.replace("’", "'").lower().strip()
    return _THE_FIRST.sub("", _SPACES.sub(" ", name))
