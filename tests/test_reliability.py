"""Hostile input: property tests with Hypothesis and pathological strings that must stay linear."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

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


def _benchmarks() -> object:
    spec = importlib.util.spec_from_file_location("cs_benchmarks", Path(__file__).parents[1] / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _benchmarks()


@pytest.mark.parametrize("name", sorted(BENCH.HOSTILE))  # type: ignore[attr-defined]
def test_hostile_input_keeps_its_spans(name: str) -> None:
    """The benchmark's hostile inputs (timed there, at two sizes) extract without error, spans intact."""
    text = BENCH.HOSTILE[name][:20_000]  # type: ignore[attr-defined]
    _check_document(text, caresocial.extract(text, doc_id=name))


def test_benchmark_quick_mode_runs(tmp_path: Path) -> None:
    """``benchmarks/run.py --quick`` runs end to end; its figures are checked for sense, never for speed."""
    out = tmp_path / "bench.json"
    assert BENCH.main(["--quick", "--only", "extract", "--only", "hostile", "--only", "checker",  # type: ignore[attr-defined]
                       "--json", str(out)]) == 0
    res = json.loads(out.read_text(encoding="utf-8"))
    ex = res["extraction"]
    assert ex["words"] > 1000 and ex["caresocial_wps"] > 0 and ex["tokenizer_wps"] > 0
    assert set(res["hostile"]) == set(BENCH.HOSTILE)  # type: ignore[attr-defined]
    assert [row["claims"] for row in res["checker"]] == [1_000, 10_000]
    assert all(row["findings"] >= 0 for row in res["checker"])
