"""spaCy factories of the caresocial components: sentences, figures, quotes (with speakers) and claims.

Each component follows spaCy's rule components: keyword-only typed configuration, ``__call__`` that
finds (``match``) and then writes (``set_annotations``), wrapped in the pipeline's error handler. They are
registered through the ``spacy_factories`` entry points, so in any pipeline::

    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_figures")
    doc = nlp("Spending rose from £6bn to £8.2bn.")
    doc._.figures  # [Figure(kind='money', text='£6bn', ...), ...]

Components that need earlier annotations compute them when absent, so each works alone.
"""

from __future__ import annotations

from spacy.language import Language

from .claims.component import ClaimBuilder
from .figures.component import FigureExtractor
from .quotes.component import QuoteAttributor
from .sentences import SentenceSegmenter


@Language.factory("caresocial_sentences", default_config={"set_sent_starts": True})
def make_sentences(nlp: Language, name: str, set_sent_starts: bool) -> SentenceSegmenter:
    """Factory of the sentence segmenter."""
    return SentenceSegmenter(nlp, name, set_sent_starts=set_sent_starts)


@Language.factory("caresocial_figures", default_config={"spans_key": "caresocial_figures", "generic_units": True})
def make_figures(nlp: Language, name: str, spans_key: str, generic_units: bool) -> FigureExtractor:
    """Factory of the figure extractor."""
    return FigureExtractor(nlp, name, spans_key=spans_key, generic_units=generic_units)


@Language.factory("caresocial_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteAttributor:
    """Factory of the quote and speaker attributor."""
    return QuoteAttributor(nlp, name)


@Language.factory("caresocial_claims")
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    """Factory of the claim builder."""
    return ClaimBuilder(nlp, name)
