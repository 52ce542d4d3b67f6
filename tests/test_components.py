"""The spaCy components work in anyone's pipeline, through the entry points."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc

from caresocial.extraction import doc as components
from caresocial.models import Document, Figure

TEXT = ("The plan is backed by £200m over the next two years. Cllr Keith Glazier, Spokesperson for the County "
        "Councils Network, said: \"There could be close to 100,000 children in care by the end of 2025.\"")


def test_entry_points_declare_every_component() -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"caresocial_sentences", "caresocial_figures", "caresocial_quotes", "caresocial_claims"} <= names


def test_figures_component_alone_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_figures")
    doc = nlp(TEXT)
    figs = doc._.figures
    assert all(isinstance(f, Figure) for f in figs)
    assert [(f.kind, f.text, f.value) for f in figs] == [
        ("money", "£200m", 200_000_000.0), ("duration", "two years", 2.0), ("count", "100,000", 100_000.0),
        ("year", "2025", 2025),
    ]
    assert [(s.text, s.label_) for s in doc.spans["caresocial_figures"]] == [
        ("£200m", "money"), ("two years", "duration"), ("100,000", "count"), ("2025", "year")]
    for f in figs:
        assert doc.text[f.start:f.end] == f.text


@pytest.mark.parametrize("names", [
    ["caresocial_sentences", "caresocial_figures", "caresocial_quotes", "caresocial_claims"],
    ["caresocial_claims"],
])
def test_full_pipeline_and_claims_alone(names: list[str]) -> None:
    nlp = spacy.blank("en")
    for n in names:
        nlp.add_pipe(n)
    doc = nlp(TEXT)
    assert [q.speaker.name for q in doc._.quotes] == ["Keith Glazier"]
    claim = next(c for c in doc._.claims if c.value == 100_000)
    assert claim.measure == "children in care"
    assert (claim.time.relation, claim.time.year) == ("by", 2025)


def test_sentence_starts_are_set() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_sentences")
    doc = nlp("Costs rose to £8.2bn. Mr. Smith said so.\n\nA new paragraph")
    assert [s.text.strip() for s in doc.sents] == ["Costs rose to £8.2bn.", "Mr. Smith said so.", "A new paragraph"]


def test_records_round_trip_through_json_and_schema() -> None:
    import jsonschema

    import caresocial

    d = caresocial.extract(TEXT, doc_id="t")
    again = Document.model_validate_json(d.model_dump_json())
    assert again == d
    jsonschema.validate(d.model_dump(mode="json"), Document.model_json_schema())


@pytest.mark.parametrize("name", sorted(components._EXTENSIONS))
def test_annotations_are_the_doc_extensions(name: str) -> None:
    """``Annotations`` reads and writes the very values ``doc._`` does (where spaCy keeps them)."""
    doc = spacy.blank("en")("Spending rose from £6bn to £8.2bn.")
    components.register_extensions()
    fast = components.Annotations(doc)
    assert getattr(fast, name) is None and getattr(doc._, name) is None  # unset: the default
    value = object()
    setattr(fast, name, value)
    assert getattr(doc._, name) is value
    other = [name]
    setattr(doc._, name, other)
    assert getattr(fast, name) is other
    assert Doc.get_extension(name) == (None, None, None, None)  # a plain default, kept in user_data


@pytest.mark.parametrize(("field", "value"), [("speaker", None), ("quote", "q3"), ("id", "f9"), ("start", 4)])
def test_updated_record_is_model_copy(field: str, value: object) -> None:
    """``Record.updated`` gives what pydantic's ``model_copy(update=...)`` gives, and leaves the record alone."""
    nlp = spacy.blank("en")
    for name in ("caresocial_sentences", "caresocial_figures", "caresocial_quotes"):
        nlp.add_pipe(name)
    fig = nlp(TEXT)._.figures[0]
    before = fig.model_dump()
    new = fig.updated(**{field: value})
    expected = fig.model_copy(update={field: value})
    assert new.model_dump() == expected.model_dump() and getattr(new, field) == value
    assert new.model_fields_set == expected.model_fields_set and fig.model_dump() == before
    assert type(new) is Figure and new == expected


def test_factories_declare_what_they_write_and_read() -> None:
    """``nlp.analyze_pipes`` sees the flow: in the full pipeline every attribute a component reads is written
    by one before it."""
    nlp = spacy.blank("en")
    for n in ["caresocial_sentences", "caresocial_figures", "caresocial_quotes", "caresocial_claims"]:
        nlp.add_pipe(n)
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {n: [] for n in nlp.pipe_names}
    assert "doc._.claims" in analysis["summary"]["caresocial_claims"]["assigns"]
    assert "doc._.figures" in analysis["summary"]["caresocial_claims"]["requires"]
    assert "doc._.figures" in analysis["summary"]["caresocial_figures"]["assigns"]


@pytest.mark.parametrize(("first", "second"), [
    ("caresocial_claims", "caresocial_figures"),
    ("caresocial_quotes", "caresocial_figures"),
    ("caresocial_figures", "caresocial_sentences"),
])
def test_a_component_before_one_it_reads_says_where_to_put_it(first: str, second: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(first)
    nlp.add_pipe(second)
    with pytest.raises(ValueError, match=rf"'{first}' reads what '{second}' .* runs before it.*before='{first}'"):
        nlp("Costs rose to £8bn in 2024.")


def test_a_component_after_one_it_does_not_read_runs() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("caresocial_figures")
    nlp.add_pipe("caresocial_claims", first=True)
    nlp.remove_pipe("caresocial_claims")
    nlp.add_pipe("caresocial_claims")
    assert [c.value for c in nlp("Costs rose to £8bn in 2024.")._.claims] == [8e9]
