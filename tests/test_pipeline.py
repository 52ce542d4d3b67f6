"""Long documents are extracted piecewise with the same records as in one piece."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

import caresocial
from caresocial.extraction import pipeline
from caresocial.extraction.pipeline import chunk_bounds

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("a" * 10, 4, [(0, 4), (4, 8), (8, 10)]),  # no break at all: cut anywhere
        ("aaa bbb ccc", 8, [(0, 8), (8, 11)]),  # after the last space in the window
        ("one\ntwo\n\nthree four", 14, [(0, 9), (9, 19)]),  # the paragraph break wins over the space
        ("short", 100, [(0, 5)]),
    ],
)
def test_chunk_bounds(text: str, size: int, expected: list[tuple[int, int]]) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds == expected
    assert "".join(text[a:b] for a, b in bounds) == text


def test_piecewise_extraction_matches_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))) * 2
    whole = caresocial.extract(text, doc_id="x")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 12_000)
    assert len(chunk_bounds(text, 12_000)) >= 3
    pieces = caresocial.extract(text, doc_id="x")
    assert pieces.text_sha256 == whole.text_sha256 and pieces.length == len(text)
    assert [f.model_dump() for f in pieces.figures] == [f.model_dump() for f in whole.figures]
    assert [(c.id, c.figure, c.measure, c.time, c.line, c.column, c.link, c.sentence_start) for c in pieces.claims] \
        == [(c.id, c.figure, c.measure, c.time, c.line, c.column, c.link, c.sentence_start) for c in whole.claims]
    assert [(q.id, q.start, q.end, q.paragraphs, q.parent) for q in pieces.quotes] == \
        [(q.id, q.start, q.end, q.paragraphs, q.parent) for q in whole.quotes]
    for f in pieces.figures:
        assert text[f.start:f.end] == f.text


def test_spooled_extraction_writes_the_same_json(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A long document extracted for streamed output (records written to files piece by piece) gives the JSON of
    the same document extracted in one go, and its records read back are the same records."""
    from caresocial.io.output import document_json
    from caresocial.io.spool import SpooledDocument, SpoolFolder

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 12_000)
    whole = caresocial.extract(text, doc_id="x", title="T")
    opts = {"doc_id": "x", "title": "T", pipeline.SPOOL: SpoolFolder(str(tmp_path))}
    spooled = next(pipeline.extract_many([(text, opts)]))
    assert isinstance(spooled, SpooledDocument)
    assert spooled.counts == {"figures": len(whole.figures), "quotes": len(whole.quotes), "claims": len(whole.claims)}
    assert "".join(spooled.json_parts(text)) == document_json(whole, text)
    assert spooled.document() == whole
    spooled.discard()
    assert not list(tmp_path.iterdir())
    # a short document is never spooled
    short = next(pipeline.extract_many([("It cost £5m in 2024.", {pipeline.SPOOL: SpoolFolder(str(tmp_path))})]))
    assert not isinstance(short, SpooledDocument)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("word " * 500, False),  # prose: every block of 256 characters holds a space
        ("x" * 511 + " " + "y" * 511, False),  # runs just short of 512
        ("word " * 100 + "x" * 512 + " end", True),
        ("a\nb\n" * 400, False),  # no space at all, but line breaks every character
        ("a\u00a0" * 400 + "z" * 600, True),  # other white space: measured exactly
        ("£" * 1000, True),
        ("", False),
    ],
)
def test_long_runs_are_found(text: str, expected: bool) -> None:
    assert pipeline._has_long_run(text) is expected
    assert pipeline.make_doc(pipeline.get_nlp(), text).text == text


def _tokens(doc: Doc) -> list[tuple[str, int, str, str]]:
    return [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc]


# runs that spaCy's English tokenizer splits by affixes, infixes, URL and token rules and special cases
# ("don't", "e.g.", ":)", "Mr."), each once before and once after a special case in the same text
_TRICKY = [
    "The council's plan (2024/25) costs £2.6bn, up 37%.",
    "We don't know, e.g. whether U.K. funding of $3.5m/yr will rise :) says Mr. Smith.",
    "Children’s services—already stretched—face a £1.1bn gap; see https://example.org/a-b?x=1.",
    "“It is ‘unacceptable’,” she said. 10,000+ children... 1st-2nd Jan. 5yrs’ time; n't 's 're",
    "Can't stop, won't stop: 3-4 year-olds, 50-50 odds, well-being, co-ordinated, 9am–5pm.",
]


@pytest.mark.parametrize("text", _TRICKY + [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))])
def test_primed_tokenizer_gives_the_same_tokens(text: str) -> None:
    """make_doc tokenizes each run alone first so that spaCy caches it: the tokens are those of a tokenizer
    that never saw the text, however the runs are repeated and in whatever order."""
    plain = spacy.blank("en")
    nlp = spacy.blank("en")
    variants = [text, " ".join(reversed(text.split(" "))), text + "\n\n" + text]
    for variant in variants:
        assert _tokens(pipeline.make_doc(nlp, variant)) == _tokens(plain.make_doc(variant))
    assert _tokens(pipeline.make_doc(nlp, variants[0])) == _tokens(spacy.blank("en").make_doc(variants[0]))
    assert pipeline._primer(nlp).seen >= set(text.split())  # type: ignore[union-attr]


def test_primer_stays_within_the_cache_and_follows_the_tokenizer() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer.max_cache_size = 3
    primer = pipeline._primer(nlp)
    assert primer is not None
    pipeline.make_doc(nlp, "one two three four five")
    assert primer.seen == {"one", "two", "three"}  # in text order, up to the cache's size
    pipeline.make_doc(nlp, "six seven")
    assert primer.seen == {"one", "two", "three"}
    nlp.tokenizer = spacy.blank("en").tokenizer  # a new tokenizer: a new, empty primer
    assert pipeline._primer(nlp) is not primer and pipeline._primer(nlp).seen == set()  # type: ignore[union-attr]
    words = ["a", "b", "c"]
    nlp.tokenizer = lambda text: Doc(nlp.vocab, words=words)  # not spaCy's tokenizer: left alone
    assert pipeline._primer(nlp) is None
    assert [t.text for t in pipeline.make_doc(nlp, "a b c")] == words


def test_subclassed_tokenizer_is_not_primed() -> None:
    class Custom(Tokenizer):
        pass

    nlp = spacy.blank("en")
    base = nlp.tokenizer
    nlp.tokenizer = Custom(nlp.vocab, base.rules, base.prefix_search, base.suffix_search, base.infix_finditer,
                           base.token_match, base.url_match)
    assert pipeline._primer(nlp) is None
    assert pipeline.make_doc(nlp, "It's £2.6bn.").text == "It's £2.6bn."
