"""Who a statement is given to, and where it is: the decisions of quotes/attribution.py one behaviour per case,
in short documents of the kind press releases and reports are (not gold sentences). Written to kill the mutants
that tests/test_attribution.py left alive (docs/testing.md, "Figure grammar and attribution")."""

from __future__ import annotations

import pytest

from caresocial import extract

# paragraph 0: body text; 1: a reported statement whose words open the paragraph; 2: one introduced by its
# speaker; 3: a direct quote; 4: a pronoun's quote
TEXT = ("Care costs are rising across England.\n\n"
        "Fees will rise by 5% next year, the council said.\n\n"
        "The Local Government Association said that reserves would run out by March.\n\n"
        "Sarah Patel, the council leader, said: “We cannot wait any longer for reform.”\n\n"
        "She added that “the system is broken”.")


def test_each_statement_names_the_paragraphs_it_is_in() -> None:
    """``paragraphs``: the 0-based paragraph of each statement, also when its words open the paragraph."""
    doc = extract(TEXT, publisher="Example News")
    got = [(q.kind, TEXT[q.start:q.end][:24], q.paragraphs) for q in doc.quotes]
    assert got == [
        ("reported", "Fees will rise by 5% nex", (1,)),
        ("reported", "reserves would run out b", (2,)),
        ("direct", "We cannot wait any longe", (3,)),
        ("direct", "the system is broken", (4,)),
    ]


@pytest.mark.parametrize(("paragraph", "speaker"), [(1, "council"), (2, "Local Government Association"),
                                                     (3, "Sarah Patel"),
                                                     (4, "Sarah Patel")])
def test_each_statement_has_the_speaker_the_text_names(paragraph: int, speaker: str) -> None:
    doc = extract(TEXT, publisher="Example News")
    (q,) = [q for q in doc.quotes if q.paragraphs == (paragraph,)]
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(("text", "reported", "speaker"), [
    ("“The minister said that funding would rise, but it has not,” said Ann Jones, chief executive of Carers UK.",
     "funding would rise, but it has not,", "minister"),
    ("Ann Jones, chief executive of Carers UK, said: “Ministers told us that funding would rise. It has not.”",
     "funding would rise.", "Ministers"),
])
def test_a_statement_reported_inside_a_quotation_is_nested_in_it(text: str, reported: str, speaker: str) -> None:
    """A reporting verb inside quoted words reports a statement within the quotation: its words stay inside the
    quotation, it is the quoted speaker's report of someone else, and its parent is the quotation."""
    doc = extract(text, publisher="Example News")
    outer, inner = doc.quotes
    assert (outer.kind, outer.speaker.name if outer.speaker else None, outer.parent) == ("direct", "Ann Jones", None)
    assert (inner.kind, text[inner.start:inner.end], inner.speaker.name if inner.speaker else None) == (
        "reported", reported, speaker)
    assert inner.parent == outer.id and outer.start <= inner.start < inner.end <= outer.end
