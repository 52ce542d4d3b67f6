"""The sentence component: paragraph and sentence boundaries on the ``Doc`` (see :mod:`.segment`)."""

from __future__ import annotations

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doc import Annotations, RuleComponent, segments


class SentenceSegmenter(RuleComponent):
    """Paragraph and sentence boundaries as character offsets (``doc._.cs_paragraphs``/``cs_sentences``);
    also marks ``token.is_sent_start`` when no other component has."""

    def __init__(self, nlp: Language, name: str, *, set_sent_starts: bool = True) -> None:
        self.name = name
        self.set_sent_starts = set_sent_starts

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            Annotations(doc).cs_paragraphs = None
            _, sents = segments(doc)
            # ``doc.has_annotation`` walks the tokens in Python; the array test is the same check in C
            # (like it, ignores the first token, which spaCy marks as a start by default)
            marked = doc.to_array([SENT_START]) if self.set_sent_starts and len(doc) else None
            if marked is not None and not marked[1:].any():
                # only the starts are marked: tokens left unset read as 'not a start' in doc.sents. Written
                # as one array: setting ``token.is_sent_start`` walks the whole doc on every call.
                import numpy

                idx = doc.to_array(IDX)
                starts = numpy.searchsorted(idx, [a for a, _ in sents], side="right") - 1
                arr = marked.reshape(len(doc), 1)
                arr[starts[starts >= 0], 0] = 1
                doc.from_array([SENT_START], arr)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc
