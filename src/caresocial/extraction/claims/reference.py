"""What the relative times of a claim resolve against, and the sentence a claim quotes.

A statement's reference year is the date of the source it cites later in its paragraph, the year its reporting
words give it ('said in 2022 that ...', 'said on 3 March 2021 that ...'), the date of the statement of its speaker
when the corpus dates that speaker, the document's date, or (for an undated document) the latest dated source it
quotes.
"""

from __future__ import annotations

import bisect

import regex
from spacy.tokens import Doc

from ..doc import Annotations, doc_text
from ..figures.grammar import RawFigure
from ..meta import DocMeta
from ..quotes.attribution import RawQuote, normalise_source
from ..quotes.component import innermost_quote


def reference_year(doc: Doc, fig_index: int) -> tuple[int | None, str | None]:
    """The year relative times in a figure's statement resolve against, and why."""
    return ReferenceYears(doc).of(fig_index)


class ReferenceYears:
    """:func:`reference_year` for the figures of one document, its annotations read once (each ``doc._``
    look-up costs a few microseconds)."""

    __slots__ = ("cite_starts", "cites", "dated", "figs", "inferred", "inner", "meta", "paras", "publisher_key",
                 "quotes", "sources", "text")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.text = doc_text(doc) if text is None else text
        u = Annotations(doc)
        self.figs: list[RawFigure] = u.cs_raw_figures
        self.quotes: list[RawQuote] = u.cs_raw_quotes
        self.meta: DocMeta = u.cs_meta
        self.sources: dict[str, int] = u.cs_sources or {}
        self.paras: list[tuple[int, int]] = u.cs_paragraphs
        citations = u.cs_citations
        if citations is None:
            cited = sorted((q for q in self.quotes if q.kind == "citation"), key=lambda q: q.start)
            citations = u.cs_citations = ([q.start for q in cited], cited)
        self.cite_starts, self.cites = citations
        self.inner: list[int | None] | None = u.cs_fig_quotes
        self.inferred: tuple[int | None, str | None] | None = u.cs_reference
        self.publisher_key = normalise_source(self.meta.publisher) if self.meta.publisher is not None else None
        date = self.meta.date
        self.dated = (date.year, f"document date {date.isoformat()}") if date is not None else None

    def _stated_year(self, q: RawQuote) -> tuple[int, str] | None:
        """The year the reporting words of a reported statement date it in ('X said in 2022 that ...')."""
        if q.kind != "reported" or q.cue is None or q.cue_start is None:
            return None
        m = _stated_in(self.text, q.cue_start + len(q.cue))
        if m is None or q.cue_start <= q.start < m.end():
            return None
        return int(m.group(1)), f"date of the statement ({m.group().strip(' ,')})"

    def of(self, fig_index: int) -> tuple[int | None, str | None]:
        text, quotes, sources, paras = self.text, self.quotes, self.sources, self.paras
        f = self.figs[fig_index]
        # 1. a citation later in the same paragraph: the statement summarises that source
        c = bisect.bisect_left(self.cite_starts, f.end)
        if c < len(self.cites):
            q = self.cites[c]
            pi = bisect.bisect_right(paras, (f.start, len(text) + 1)) - 1
            if pi >= 0 and paras[pi][0] <= f.start < paras[pi][1] and q.start < paras[pi][1]:
                year = int(text[q.end - 4:q.end])
                return year, f"cited source ({text[q.start:q.end]})"
        # 2. the year its reporting words give the statement ('said in 2022 that ...'); the speaker's statement
        # date, when the corpus cites that speaker
        inner = self.inner
        qi = inner[fig_index] if inner is not None else innermost_quote(quotes, f.start, f.end)
        stated = self._stated_year(quotes[qi]) if qi is not None else None
        if stated is not None:
            return stated
        if qi is not None and sources and quotes[qi].speaker is not None:
            name = normalise_source(quotes[qi].speaker.name)
            if name in sources and (self.publisher_key is None or self.publisher_key != name):
                return sources[name], f"date of the statement by {quotes[qi].speaker.name} ({sources[name]})"
        # 3. the document date
        if self.dated is not None:
            return self.dated
        # 4. inferred: the latest dated source the document quotes
        if self.inferred is not None:
            return self.inferred
        return None, None


_STATED_IN = regex.compile(r"[ ,]*+(?:in|during|on)[ ](?:[0-9]{1,2}[ ])?+(?:[A-Z][a-z]{2,8}[ ])?+((?:19|20)[0-9]{2})\b")


def _stated_in(text: str, at: int) -> regex.Match[str] | None:
    """'in 2022', 'on 3 March 2022' right after a reporting verb that ends at ``at``."""
    return _STATED_IN.match(text, at, min(len(text), at + 40))


def infer_reference(doc: Doc, text: str | None = None, quotes: list[RawQuote] | None = None,
                     sources: dict[str, int] | None = None) -> tuple[int | None, str | None] | None:
    """The latest dated source an undated document quotes (``text``, ``quotes`` and ``sources``: the document's,
    when the caller has read them)."""
    if quotes is None or sources is None:
        u = Annotations(doc)
        quotes, sources = u.cs_raw_quotes, u.cs_sources or {}
    text = doc_text(doc) if text is None else text
    best: tuple[int, str] | None = None
    for q in quotes:
        if q.speaker is None:
            continue
        name = normalise_source(q.speaker.name)
        if q.kind == "citation":
            year = int(text[q.end - 4:q.end])
        elif name in sources:
            year = sources[name]
        else:
            continue
        if best is None or year > best[0]:
            best = (year, q.speaker.name)
    if best is None:
        return None
    return best[0], f"inferred: undated document quoting {best[1]} ({best[0]})"


SENTENCE_LIMIT = 800
_SPACE = regex.compile(r"\s")


def sentence_window(text: str, sent: tuple[int, int], start: int, end: int,
                    cache: dict[tuple[int, int], tuple[int, str]]) -> tuple[int, str]:
    """(offset, text) of a claim's sentence: the sentence itself, shared by its claims, or of a run-on
    'sentence' (a table or list with no full stops) the ``SENTENCE_LIMIT`` characters around the figure,
    cut at spaces, so that records and reports stay linear in the size of the document."""
    sa, sb = sent
    if sb - sa <= SENTENCE_LIMIT:
        hit = cache.get(sent)
        if hit is None:
            hit = cache[sent] = (sa, text[sa:sb])
        return hit
    half = max(0, (SENTENCE_LIMIT - (end - start)) // 2)
    a, b = max(sa, start - half), min(sb, end + half)
    if a > sa:
        m = _SPACE.search(text, a, start)
        a = m.end() if m else a
    if b < sb:
        cut = text.rfind(" ", end, b)
        b = cut if cut > end else b
    return a, text[a:b]
