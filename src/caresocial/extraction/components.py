"""spaCy factories of the caresocial components: sentences, figures, quotes (with speakers) and claims.

Each component follows spaCy's rule components: keyword-only typed configuration, ``__call__`` that
finds (``match``) and then writes (``set_annotations``), wrapped in the pipeline's error handler. They are
registered through the ``spacy_factories`` entry points, so in any pipeline::

    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_figures")
    doc = nlp("Spending rose from £6bn to £8.2bn.")
    doc._.figures  # [Figure(kind='money', text='£6bn', ...), ...]

Each factory declares what its component writes (``assigns``) and reads (``requires``), so
``nlp.analyze_pipes()`` shows the flow. A component whose inputs are absent computes them itself, so each works
alone (``nlp.add_pipe("caresocial_claims")`` gives claims); one placed before a component it reads from is
a mistake that would silently be undone, and its first call raises a ``ValueError`` that says where to put it.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from ..lexicons import lexicons
from .claims.component import ClaimBuilder
from .doc import RuleComponent
from .figures.component import FigureExtractor
from .quotes.component import QuoteAttributor
from .sentences import SentenceSegmenter

#: What each component writes and reads, as spaCy's ``assigns``/``requires`` name them; the order check of
#: :meth:`RuleComponent.check_order` reads ``READS``.
ASSIGNS: dict[str, list[str]] = {
    "caresocial_sentences": ["token.is_sent_start", "doc._.cs_paragraphs", "doc._.cs_sentences"],
    "caresocial_figures": ["doc._.figures", "doc._.cs_raw_figures", "doc.spans"],
    "caresocial_quotes": ["doc._.quotes", "doc._.figures", "doc._.cs_raw_quotes", "doc._.cs_meta"],
    "caresocial_claims": ["doc._.claims"],
}
READS: dict[str, tuple[str, ...]] = {
    "caresocial_sentences": (),
    "caresocial_figures": ("caresocial_sentences",),
    "caresocial_quotes": ("caresocial_sentences", "caresocial_figures"),
    "caresocial_claims": ("caresocial_sentences", "caresocial_figures", "caresocial_quotes"),
}
REQUIRES: dict[str, list[str]] = {
    name: sorted({a for r in reads for a in ASSIGNS[r] if a.startswith("doc._.")}) for name, reads in READS.items()
}


def _factory(name: str, config: dict[str, Any]) -> Any:
    """spaCy's factory decorator for ``name`` with its declared ``assigns``/``requires``."""
    return Language.factory(name, assigns=ASSIGNS[name], requires=REQUIRES[name], default_config=config)


def _with_lexicons(component: RuleComponent, additions: dict[str, Any], nlp: Language, factory: str
                   ) -> RuleComponent:
    component.additions = dict(additions)
    component.bind(nlp, READS[factory])
    lexicons(component.additions)  # a bad table fails when the pipe is added, naming it
    return component


@_factory("caresocial_sentences", {"set_sent_starts": True, "lexicons": {}})
def make_sentences(nlp: Language, name: str, set_sent_starts: bool, lexicons: dict[str, Any]) -> SentenceSegmenter:
    """Factory of the sentence segmenter."""
    return _with_lexicons(SentenceSegmenter(nlp, name, set_sent_starts=set_sent_starts), lexicons, nlp,
                          "caresocial_sentences")


@_factory("caresocial_figures", {"spans_key": "caresocial_figures", "generic_units": True, "lexicons": {}})
def make_figures(nlp: Language, name: str, spans_key: str, generic_units: bool,
                 lexicons: dict[str, Any]) -> FigureExtractor:
    """Factory of the figure extractor."""
    return _with_lexicons(FigureExtractor(nlp, name, spans_key=spans_key, generic_units=generic_units),
                          lexicons, nlp, "caresocial_figures")


@_factory("caresocial_quotes", {"lexicons": {}})
def make_quotes(nlp: Language, name: str, lexicons: dict[str, Any]) -> QuoteAttributor:
    """Factory of the quote and speaker attributor."""
    return _with_lexicons(QuoteAttributor(nlp, name), lexicons, nlp, "caresocial_quotes")


@_factory("caresocial_claims", {"lexicons": {}})
def make_claims(nlp: Language, name: str, lexicons: dict[str, Any]) -> ClaimBuilder:
    """Factory of the claim builder."""
    return _with_lexicons(ClaimBuilder(nlp, name), lexicons, nlp, "caresocial_claims")
