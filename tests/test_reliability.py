"""Hostile input: property tests with Hypothesis and pathological strings that must stay linear."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caresocial
from caresocial.models import Document
from caresocial.pipeline import extract_many

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

# text that looks like the documents: numbers, currency, quotes, dates, words, odd spaces and marks
PIECES = st.sampled_from([
    "£", "$", "€", "bn", "m", "k", "%", " per cent", " million", " billion", "2026/27", "2032", "May 23, 2022",
    "“", "”", "‘", "’", '"', "'", "(", ")", ",", ".", ":", "\n", "\n\n", " ", "\u00a0", "\u202f", "\u200b",
    "−", "–", "-", "one", "two", "a third", "hundreds of", "close to", "more than", " a year", " said",
    "children in care", "The review", "Mark Russell, Chief Executive,", "by the end of", "from", " to ",
    "0", "1", "7", "10", "100,000", "2.6", "١٢", "１２", "\ufeff", "\r\n",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


def _check_document(text: str, doc: Document) -> None:
    for f in doc.figures:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.sentence_start <= f.start and f.end <= max(f.sentence_end, f.end)
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= len(text)
    for c in doc.claims:
        assert 0 <= c.start <= c.end <= len(text)


@given(TEXTS)
def test_extraction_never_raises_and_spans_hold(text: str) -> None:
    doc = caresocial.extract(text, doc_id="x")
    _check_document(text, doc)


@given(TEXTS)
def test_output_round_trips_through_models_and_schema(text: str) -> None:
    import jsonschema

    doc = caresocial.extract(text, doc_id="x")
    raw = doc.model_dump_json()
    assert Document.model_validate_json(raw) == doc
    jsonschema.validate(json.loads(raw), Document.model_json_schema())


@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_same_input_same_output(texts: list[str]) -> None:
    a = [d.model_dump_json() for d in extract_many(texts)]
    b = [caresocial.extract(t).model_dump_json() for t in texts]
    assert a == b


def test_same_output_across_processes() -> None:
    texts = [f"In {2020 + k} councils spent £{k}.{k}bn, up from £{k}bn, said Dr Jane Smith." for k in range(12)]
    one = [d.model_dump_json() for d in extract_many(texts, n_process=1)]
    two = [d.model_dump_json() for d in extract_many(texts, n_process=2, batch_size=3)]
    assert one == two


PATHOLOGICAL = {
    "digits": "7" * 100_000,
    "one-comma": "1," * 50_000,
    "pounds": "£" * 100_000,
    "quotes": "“‘\"'" * 2_500 + "”’" * 2_500,
    "scale-words": "million " * 20_000,
    "number-words": "one hundred and " * 10_000,
    "dates": "May 23, " * 20_000,
    "spaces-digits": "1 2 3 4 5 6 7 8 9 " * 10_000,
    "hyphens": "10-" * 30_000,
    "apostrophes": "children’s " * 20_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_is_linear(name: str) -> None:
    """Doubling a pathological input must not much more than double the time (no super-linear regex)."""
    unit = PATHOLOGICAL[name]
    half = unit[: len(unit) // 2]
    caresocial.extract(half[:1000])
    t0 = time.perf_counter()
    doc = caresocial.extract(half)
    t_half = time.perf_counter() - t0
    t0 = time.perf_counter()
    caresocial.extract(unit)
    t_full = time.perf_counter() - t0
    _check_document(half, doc)
    assert t_full < max(4 * t_half, 0.5), f"{name}: {t_half:.3f}s for half, {t_full:.3f}s for all"
