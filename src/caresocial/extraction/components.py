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

from typing import Any

from spacy.language import Language

from ..lexicons import lexicons
from .claims.component import ClaimBuilder
from .doc import RuleComponent
from .figures.component import FigureExtractor
from .quotes.component import QuoteAttributor
from .sentences import SentenceSegmenter


def _with_lexicons(component: RuleComponent, additions: dict[str, Any]) -> RuleComponent:
    component.additions = dict(additions)
    lexicons(component.additions)  # a bad table fails when the pipe is added, naming it
    return component


@Language.factory("caresocial_sentences", default_config={"set_sent_starts": True, "lexicons": {}})
def make_sentences(nlp: Language, name: str, set_sent_starts: bool, lexicons: dict[str, Any]) -> SentenceSegmenter:
    """Factory of the sentence segmenter."""
    return _with_lexicons(SentenceSegmenter(nlp, name, set_sent_starts=set_sent_starts), lexicons)


@Language.factory("caresocial_figures",
                  default_config={"spans_key": "caresocial_figures", "generic_units": True, "lexicons": {}})
def make_figures(nlp: Language, name: str, spans_key: str, generic_units: bool,
                 lexicons: dict[str, Any]) -> FigureExtractor:
    """Factory of the figure extractor."""
    return _with_lexicons(FigureExtractor(nlp, name, spans_key=spans_key, generic_units=generic_units), lexicons)


@Language.factory("caresocial_quotes", default_config={"lexicons": {}})
def make_quotes(nlp: Language, name: str, lexicons: dict[str, Any]) -> QuoteAttributor:
    """Factory of the quote and speaker attributor."""
    return _with_lexicons(QuoteAttributor(nlp, name), lexicons)


@Language.factory("caresocial_claims", default_config={"lexicons": {}})
def make_claims(nlp: Language, name: str, lexicons: dict[str, Any]) -> ClaimBuilder:
    """Factory of the claim builder."""
    return _with_lexicons(ClaimBuilder(nlp, name), lexicons)
