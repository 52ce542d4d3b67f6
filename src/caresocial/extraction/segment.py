"""Paragraphs and sentences as character offsets, without a trained model.

Paragraphs are separated by blank lines. Sentences end at ., ! or ? (with closing quotes and brackets)
followed by white space and an opening capital, digit, quote or bullet, unless the full stop ends a known
abbreviation; a line break also ends a sentence when the line has no final punctuation and the next
line starts like a new sentence (headlines, bylines, bullet lists).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

# front matter: a block of 'key: value' lines between two '---' lines at the very top of a text or Markdown file
FRONT_MATTER = regex.compile(r"---[ \t]*\n((?:(?!---)[^\n]*\n){0,60}?)---[ \t]*(?:\n|\Z)")
_FRONT_LINE = regex.compile(r"[ \t]*(?:[A-Za-z_][\w-]*[ \t]*:.*)?")


def body_start(text: str) -> int:
    """Where the text after its front matter starts: 0 unless the text opens with a front matter block whose
    every line is empty or 'key: value' (the metadata, read by :mod:`caresocial.io`, is no statement)."""
    m = FRONT_MATTER.match(text)
    if m is None or not all(_FRONT_LINE.fullmatch(line) for line in m.group(1).splitlines()):
        return 0
    return m.end()


def without_front_matter(text: str) -> str:
    """``text`` with its front matter (see :func:`body_start`) blanked: each character but a line break becomes
    a space, so offsets stay those of the text and nothing is read from the metadata."""
    end = body_start(text)
    if not end:
        return text
    return regex.sub(r"[^\n]", " ", text[:end]) + text[end:]


_PARA_BREAK = regex.compile(r"\n[ \t\r\f\v\u00a0]*+\n\s*+")
_SENT_END = regex.compile(
    r"(?<=[.!?…])[\"'”’)\]]*+[ \t\u00a0]++(?=[\"'“‘(\[]?+[A-Z0-9£$€•\-–])"
    r"|(?<=[.!?…:][\"'”’)\]]{0,4})[ \t]*+\n"
    r"|[ \t]*+\n(?=[ \t]*+[\"'“‘•\-–*]|[ \t]*+[A-Z])"
)
_ABBREV = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Cllr|Rt|Hon|Rev|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|No|Nos|Vol|Fig|"
    r"etc|vs|e\.g|i\.e|cf|al|approx|c|ca|Co|Ltd|Inc|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"[A-Z])\.)\Z"
)


# Where a match of _SENT_END can start: right after a final mark (first alternative), or where the spaces and
# tabs before a line break start (second and third alternatives; the third matches from any offset in those
# spaces, so the first one is where a search finds it).
_END_ANCHOR = regex.compile(r"[.!?…\n]")
_AFTER_MARK = frozenset("\"'”’)] \t\u00a0\n")


def _sentence_ends(text: str, a: int, b: int) -> Iterator[regex.Match[str]]:
    """``_SENT_END.finditer(text, a, b)``, trying the pattern only where a match can start (see ``_END_ANCHOR``;
    and at ``a`` itself, whose mark may be before it)."""
    pos = a
    m = _SENT_END.match(text, a, b)
    if m is not None:
        yield m
        pos = m.end()
    for anchor in _END_ANCHOR.finditer(text, pos, b):
        q = anchor.start()
        if text[q] == "\n":
            s = q
            while s > pos and text[s - 1] in " \t":
                s -= 1
        else:
            s = q + 1
            if text[s:s + 1] not in _AFTER_MARK:
                continue  # '2.6bn', 'e.g.': every alternative goes on with a closing mark, a space or a break
        if s < pos:
            continue
        m = _SENT_END.match(text, s, b)
        if m is not None:
            yield m
            pos = m.end()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty paragraph, trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, len(text), out)
    return out


def _add_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in order; sentences never cross paragraphs."""
    out: list[tuple[int, int]] = []
    for pa, pb in paras if paras is not None else paragraphs(text):
        pos = pa
        for m in _sentence_ends(text, pa, pb):
            cut = m.start()
            if text[cut - 1:cut] == "." and _ABBREV.search(text, max(pa, cut - 8), cut):
                continue
            _add_trimmed(text, pos, cut, out)
            pos = m.end()
        _add_trimmed(text, pos, pb, out)
    return out
