"""Acronyms a document defines ("independent fostering agencies (IFAs)"): in its measures the long form is read
as the acronym, so that 'independent fostering agencies in private ownership' and 'privately owned IFAs' share
their words. An acronym the ``measure_synonyms`` table knows keeps the table's reading."""

from __future__ import annotations

import regex

from ...lexicons import Lexicons
from .sharing import content_words

_DEFINED = regex.compile(r"\(\s*(\p{Lu}[\p{Lu}\p{Ll}]{0,6}?\p{Lu})(s?)\s*\)")
_WORD = regex.compile(r"[\p{L}'’-]+")
_WINDOW = 80  # characters before a bracketed acronym read for its long form
_MOST = 64  # distinct acronyms read in one document


def defined_acronyms(text: str, lex: Lexicons) -> dict[str, tuple[str, str]]:
    """Long form -> (acronym, the name a measure uses), lower case, for every "Long Form (ACR)" of ``text``
    whose words' initials (with or without its small words) spell the acronym: the acronym when the document
    uses it more than the long form, else the long form; a plural acronym ('IFAs') maps its long form and the
    long form's singular ('independent fostering agency' -> 'ifa')."""
    content = content_words(lex)
    known = _synonym_phrases(lex)
    out: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for m in _DEFINED.finditer(text):
        acr, plural = m.group(1), m.group(2)
        letters = acr.upper()
        if acr.lower() in known or acr in seen:
            continue
        seen.add(acr)
        if len(seen) > _MOST:
            break  # (each one counted over the text once: a bounded number of them)
        words = _WORD.findall(text[max(0, m.start() - _WINDOW):m.start()])
        for n in range(1, min(len(words), len(letters) + 4) + 1):
            tail = words[-n:]
            inits = "".join(w[0] for w in tail).upper()
            strict = "".join(w[0] for w in tail if w.lower() in content).upper()
            parts = "".join(p[0] for w in tail for p in w.split("-") if p).upper()  # ('multi-academy trusts')
            if letters in (inits, strict, parts) and tail[0].lower() in content:
                long = " ".join(w.lower().replace("’", "'") for w in tail)
                if long in known:
                    break
                usual = _usual(text, acr, tail)
                out[long] = ((acr + plural).lower(), (acr + plural).lower() if usual else long)
                if plural and long.endswith("ies"):
                    out[long[:-3] + "y"] = (acr.lower(), acr.lower() if usual else long[:-3] + "y")
                elif plural and long.endswith("s"):
                    out[long[:-1]] = (acr.lower(), acr.lower() if usual else long[:-1])
                break
    return out


def _usual(text: str, acr: str, long: list[str]) -> bool:
    """Whether the document names the thing by its acronym more often than by its long form (the name a reader
    of it knows: 'IFAs' throughout, but 'children's homes' with a '(CHs)' defined once)."""
    n_acr = len(regex.findall(rf"(?<![\w-]){regex.escape(acr)}s?(?![\w-])", text))
    words = [regex.escape(w.replace("’", "'")).replace("'", "['’]") for w in long]
    if long[-1].endswith("s"):
        words[-1] = regex.escape(long[-1][:-1])  # (the singular too)
    pattern = "(?<![\\w-])" + r"[\s,-]+".join(words)
    n_long = len(regex.findall(pattern, text, regex.IGNORECASE))
    return n_acr > n_long


def _synonym_phrases(lex: Lexicons) -> frozenset[str]:
    return frozenset(" ".join(p.lower().split()) for row in lex.rows("measure_synonyms") for p in row)


def contract(key: str, acronyms: dict[str, tuple[str, str]]) -> str:
    """``key`` with each long form, and its acronym right after it, written as the name the document uses
    ('independent fostering agencies ifas in private ownership' -> 'ifas in private ownership'); the acronym
    alone is left as written."""
    for long in sorted(acronyms, key=len, reverse=True):
        if long not in key:
            continue
        acr, name = acronyms[long]
        key = regex.sub(rf"(?<![\w'-]){regex.escape(long)}(?:\s+{regex.escape(acr)})?(?![\w'-])", name, key)
    key = " ".join(key.split())
    # a singular acronym that is the whole measure (a quantity's name: 'the £100,000 UCL') reads as its long form,
    # the name other documents know it by; a plural one names what the document counts ('96 MATs')
    return next((long for long, (acr, _) in sorted(acronyms.items()) if acr == key and not long.endswith("s")),
                key)


def use_acronyms(rows: list[dict[str, object]], text: str, lex: Lexicons) -> None:
    """Every measure of ``rows`` with the acronyms ``text`` defines."""
    if "(" not in text:
        return
    acronyms = defined_acronyms(text, lex)
    if not acronyms:
        return
    for row in rows:
        key = row.get("measure")
        if isinstance(key, str) and key:
            row["measure"] = contract(key, acronyms)
