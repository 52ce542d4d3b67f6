"""Long documents are extracted piecewise with the same records as in one piece."""

from __future__ import annotations

from pathlib import Path

import pytest

import caresocial
from caresocial import pipeline
from caresocial.pipeline import chunk_bounds

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
