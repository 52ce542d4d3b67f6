"""Paragraphs and sentences as character offsets, without a trained model.

Paragraphs are separated by blank lines. Sentences end at ., ! or ? (with closing quotes and brackets)
followed by white space and an opening capital, digit, quote or bullet, unless the full stop ends a known
abbreviation; a line break also ends a sentence when the line has no final punctuation and the next
line starts like a new sentence (headlines, bylines, bullet lists).
"""

from __future__ import annotations

import regex

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
        for m in _SENT_END.finditer(text, pa, pb):
            cut = m.start()
            if text[cut - 1:cut] == "." and _ABBREV.search(text, max(pa, cut - 8), cut):
                continue
            _add_trimmed(text, pos, cut, out)
            pos = m.end()
        _add_trimmed(text, pos, pb, out)
    return out
