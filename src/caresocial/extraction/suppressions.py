"""Inline suppressions: ``<!-- caresocial: ignore time-conflict -->`` in Markdown and text."""

from __future__ import annotations

import regex

from ..models import Suppression

_COMMENT = regex.compile(
    r"(?:<!--\s*|(?m:^)[ \t]*(?:#|//)[ \t]*)caresocial:\s*(?:ignore|disable)(?P<rules>(?:[ \t,]+[a-z][a-z0-9-]*+)*+)"
    r"\s*(?:-->)?",
    regex.I,
)


def find_suppressions(text: str, paras: list[tuple[int, int]]) -> list[Suppression]:
    """One suppression per comment: it covers its own paragraph, or the next one when it stands alone."""
    out: list[Suppression] = []
    for m in _COMMENT.finditer(text):
        rules = tuple(r.lower() for r in regex.split(r"[\s,]+", m.group("rules").strip()) if r)
        region = (m.start(), m.end())
        for i, (a, b) in enumerate(paras):
            if a <= m.start() < b:
                alone = text[a:b].strip() == m.group(0).strip()
                region = paras[i + 1] if alone and i + 1 < len(paras) else (a, b)
                break
        out.append(Suppression.build(rules=rules, start=region[0], end=region[1]))
    return out
