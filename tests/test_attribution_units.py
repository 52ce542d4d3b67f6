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


# name, its key in the register, its initials (an acronym fits them), the words that name its kind
BODY_NAMES = [
    ("the Local Government Association", "local government association", "LGA", ("the", "association", "")),
    ("The  Children’s Society", "children's society", "CS", ("the", "society", "")),
    ("Theatres Trust", "theatres trust", "TT", ("theatres", "trust", "")),  # ('the' only as a word of its own)
    ("Department for Environment, Food and Rural Affairs", "department for environment, food and rural affairs",
     "DEFRA", ("department", "affairs", "department")),
    ("Department For Education", "department for education", "DE", ("department", "education", "department")),
    ("Independent review of children’s social care", "independent review of children's social care", "I",
     ("independent", "care", "review")),
    ("Commission on Funding of Care and Support", "commission on funding of care and support", "CFCS",
     ("commission", "support", "commission")),
    ("Commission into Adult Social Care", "commission into adult social care", "CASC",
     ("commission", "care", "commission")),
    ("For Baby’s Sake", "for baby's sake", "BS", ("for", "sake", "")),  # (a first 'For' is no 'for' of a head)
]


@pytest.mark.parametrize(("name", "key", "letters", "heads"), BODY_NAMES, ids=[n for n, *_ in BODY_NAMES])
def test_how_the_register_keys_and_abbreviates_a_body(name: str, key: str, letters: str, heads: tuple) -> None:
    """A body is keyed by its name in lower case with straight apostrophes, single spaces and no leading 'the';
    its initials skip the small joining words; its kind is named by its first or last word or the word before
    'of', 'for', 'into' or 'on'."""
    from caresocial.extraction.quotes.lexicon import quote_words
    from caresocial.extraction.quotes.register import _heads, acronym_fits, body_key, initials
    from caresocial.lexicons import Lexicons

    w = quote_words(Lexicons.default())
    assert (body_key(name), initials(name, w), _heads(name)) == (key, letters, heads)
    assert acronym_fits(letters, name, w)


def _said(text: str, publisher: str | None) -> list[tuple[str, str, str | None, str | None]]:
    doc = extract(text, publisher=publisher)
    return [(q.kind, text[q.start:q.end], q.speaker.name if q.speaker else None,
             q.speaker.kind if q.speaker else None) for q in doc.quotes]


def test_we_is_the_publisher_outside_a_quotation() -> None:
    text = "We warned last year that one in seven carers had given up work."
    assert _said(text, "Carers UK") == [("reported", "one in seven carers had given up work.", "Carers UK",
                                         "organisation")]
    doc = extract(text, publisher="Carers UK")
    assert [(f.text, f.speaker.name if f.speaker else None) for f in doc.figures] == [("one in seven", "Carers UK")]
    assert _said(text, None) == []  # no publisher: no one to give it to


def test_we_inside_a_quotation_is_the_speakers_organisation_and_its_figures_stay_the_speakers() -> None:
    text = ("Sarah Patel, chief executive of the Care Providers Alliance, said: “We have warned ministers that 300 "
            "homes will close. Nothing has changed.”")
    assert _said(text, "Carers UK") == [
        ("direct", "We have warned ministers that 300 homes will close. Nothing has changed.", "Sarah Patel",
         "person"),
        ("reported", "300 homes will close.", "Care Providers Alliance", "organisation")]
    doc = extract(text, publisher="Carers UK")
    assert [(f.text, f.speaker.name if f.speaker else None) for f in doc.figures] == [("300", "Sarah Patel")]
    text = "Sarah Patel said: “We have warned ministers that homes will close. Nothing has changed.”"
    assert [s[2] for s in _said(text, "Carers UK")] == ["Sarah Patel", "Sarah Patel"]  # no organisation named


@pytest.mark.parametrize(("text", "speakers"), [
    # a quotation on its own is its paragraph's speaker's, or the one of the paragraph before
    ("Sarah Patel, the council leader, said: “The budget is stretched to breaking point.”\n\n"
     "“There is no money left for reform at all.”\n\nFees rose by 5% across the county.\n\n"
     "“Homes will close within a year.”", ["Sarah Patel", "Sarah Patel"]),
    ("Care costs are rising across England.\n\n"
     "Sarah Patel, the council leader, said: “The budget is stretched to breaking point.”\n\n"
     "“There is no money left for reform at all.”", ["Sarah Patel", "Sarah Patel"]),
    # two paragraphs on, or two words only: no one's
    ("Sarah Patel, the council leader, said: “The budget is stretched to breaking point.”\n\n"
     "Fees rose by 5% across the county.\n\n“There is no money left for reform at all.”", ["Sarah Patel"]),
    ("Sarah Patel, the council leader, said: “The budget is stretched to breaking point.”\n\n“Utterly shameful.”",
     ["Sarah Patel"]),
])
def test_a_quotation_without_attribution_takes_the_speaker_of_its_paragraph_or_the_one_before(
        text: str, speakers: list[str]) -> None:
    assert [s[2] for s in _said(text, "Example News")] == speakers


def test_attribute_finds_the_reporting_verbs_itself_when_not_given_them() -> None:
    from caresocial.extraction.quotes.attribution import attribute
    from caresocial.extraction.quotes.lexicon import quote_words
    from caresocial.extraction.quotes.records import SpeakerRef
    from caresocial.extraction.quotes.statement import find_triggers
    from caresocial.lexicons import Lexicons

    text = "The Local Government Association said that reserves would run out by March."
    whole = [(0, len(text))]
    got = attribute(text, whole, whole, SpeakerRef("Example News"))
    given = attribute(text, whole, whole, SpeakerRef("Example News"),
                      triggers=find_triggers(text, quote_words(Lexicons.default())))
    assert [(q.kind, text[q.start:q.end], q.speaker.name) for q in got] == \
        [(q.kind, text[q.start:q.end], q.speaker.name) for q in given] == \
        [("reported", "reserves would run out by March.", "Local Government Association")]


@pytest.mark.parametrize(("text", "speakers"), [
    # a role noun: the person named with that role before it, else after it
    ("Stephen Kinnock, the care minister, said that funding would follow. The minister added that 500 beds would "
     "open.", [("Stephen Kinnock", "person"), ("Stephen Kinnock", "person")]),
    ("The minister said that 500 beds would open. Stephen Kinnock, the care minister, said that funding would "
     "follow.", [("Stephen Kinnock", "person"), ("Stephen Kinnock", "person")]),
    # 'it' and 'the charity': the body named before, a one-word name becoming a body once 'it' names it
    ("Mencap said that 40% of carers were in debt. It also said that 12% had sold their homes. It said that more "
     "would follow.", [("Mencap", "organisation")] * 3),
    ("Mencap said that carers were in debt. The charity said that 12% had sold their homes.",
     [("Mencap", "organisation")] * 2),
    ("Sarah Patel, the council leader, said costs were rising. She said that 300 homes would close.",
     [("Sarah Patel", "person")] * 2),
    # a spokesperson: of the body named with them, else of the publisher
    ("A spokesperson for Mencap said that 40% of carers were in debt.", [("Mencap", "organisation")]),
    ("A spokesperson said that the council would appeal.", [("Example News", "organisation")]),
])
def test_a_later_mention_is_the_speaker_it_refers_to(text: str, speakers: list[tuple[str, str]]) -> None:
    assert [(s[2], s[3]) for s in _said(text, "Example News")] == speakers


@pytest.mark.parametrize(("text", "said"), [
    # 'he' skips the woman named last for the man named before her (the titles tell them apart)
    ("Mr John Smith, the director of adult services, said costs were rising. Mrs Sarah Patel, the council leader, "
     "said that fees would rise. He said that 300 homes would close.",
     [("reported", "costs were rising.", "John Smith"), ("reported", "fees would rise.", "Sarah Patel"),
      ("reported", "300 homes would close.", "John Smith")]),
    # a quotation inside a statement is the statement's speaker's
    ("Sarah Patel, the council leader, said that the system was “broken beyond all repair”.",
     [("reported", "the system was “broken beyond all repair”.", "Sarah Patel"),
      ("direct", "broken beyond all repair", "Sarah Patel")]),
    # a citation before the statements does not end the search for their speakers
    ("Councils face a £4bn gap (Local Government Association, 2024). Sarah Patel, the council leader, said that "
     "300 homes would close.",
     [("citation", "Local Government Association, 2024", "Local Government Association"),
      ("reported", "300 homes would close.", "Sarah Patel")]),
    # a quotation with no one before it to give it to is left out
    ("“The system is broken beyond repair.”\n\nFees rose by 5% across the county.", []),
])
def test_who_says_what_in_short_documents(text: str, said: list[tuple[str, str, str]]) -> None:
    assert [s[:3] for s in _said(text, "Example News")] == said


def test_a_statement_reported_in_a_quotation_within_a_quotation_ends_with_the_inner_one() -> None:
    """The reported words end where the innermost quotation around the reporting verb ends."""
    text = ("Ann Jones, chief executive of Carers UK, said: “One carer wrote to us: ‘The council said that my mother’s "
            "home would close in March.’ Nothing was done.”")
    got = [s for s in _said(text, "Example News") if s[0] == "reported"]
    assert got == [("reported", "my mother’s home would close in March.", "council", "organisation")]
