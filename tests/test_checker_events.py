"""The one-off thing a date starts or ends, read from its sentence (consistency.events): which kind of date and
which noun phrase, and the dates that name no thing."""

from __future__ import annotations

import pytest

from caresocial.consistency.caching import clear_caches
from caresocial.consistency.events import PRONOUN, anchored_event, event_of, event_signature
from caresocial.lexicons import Lexicons

LEX = Lexicons.default()


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    clear_caches()


def _event(sentence: str, date: str, occurrence: int = 1) -> tuple[str, str] | None:
    at = -1
    for _ in range(occurrence):
        at = sentence.index(date, at + 1)
    return event_of(sentence, at, at + len(date), LEX)


EVENTS = [
    ("Yet that accountancy trick – known as the statutory override – is set to finish in March 2026.", "March 2026",
     ("end", "statutory override")),
    ("The SEND deficit “statutory override”, which had been due to expire next March, will now run until the end "
     "of 2027-28.", "2027-28", ("end", "send deficit statutory override")),
    ("The statutory override, which helps councils manage costs, will stay in place until the end of 2027-28.",
     "2027-28", ("end", "statutory override")),
    ("Councils rely on an accountancy mechanism known as the ‘statutory override’, which is set to expire in "
     "March 2026.", "March 2026", ("end", "statutory override")),
    ("Councils face ruin if the accountancy immunity called the statutory override comes to an end in March 2026.",
     "March 2026", ("end", "statutory override")),
    ("The government will bring in, from October 2023, a new £86,000 cap on what anyone will pay.", "October 2023",
     ("start", "cap")),
    ("It said nothing beyond the expected two-year delay to the Cap on Care Costs until October 2025.",
     "October 2025", ("start", "cap on care costs")),
    ("The chancellor said that putting back the cap on personal social-care costs until 2025 would help.", "2025",
     ("start", "cap on personal social-care costs")),
    ("The reforms were originally meant to take effect in October 2023.", "October 2023", ("start", "reforms")),
    # a participle set off by commas after its noun dates that noun (not the noun phrase after the commas)
    ("The £5 parking charge, introduced in May 2021, will double next year.", "May 2021", ("start", "parking charge")),
    ("The arrangement was meant to finish in 2024 but was extended until 2026.", "2024", ("end", "arrangement")),
    ("The arrangement was meant to finish in 2024 but was extended until 2026.", "2026", ("end", "arrangement")),
    ("The new rules come into force in April 2025.", "April 2025", ("start", "rules")),
    # a value after the thing is no end of its noun phrase
    ("The new bus fare cap of £2.50 will come into force in January 2025.", "January 2025",
     ("start", "bus fare cap")),
    # a state that holds since a date started then ('in place since', 'in force since')
    ("The new parking permit scheme has been in place since 1 April 2024.", "1 April 2024",
     ("start", "parking permit scheme")),
    ("The licensing rules have been in force since March 2023, the minister said.", "March 2023",
     ("start", "licensing rules")),
    # a pronoun stands for the thing of a date before (see the checker tests)
    ("Then it was announced that they would be pushed back by two years, to October 2025.", "October 2025",
     ("start", PRONOUN)),
    ("The scheme was meant to finish in 2024 but was extended until 2026.", "2026", ("end", "scheme")),
    # the object between the words of an end or start and the date's preposition
    ("Ministers have pledged to end rough sleeping by 2024.", "2024", ("end", "rough sleeping")),
    ("The council extended the parking scheme until March 2026.", "March 2026", ("end", "parking scheme")),
    ("The rollout was pushed back by two years, to October 2025.", "October 2025", ("start", "rollout")),
    # 'open' starts a thing; a denied 'until' says when the verb before it happens ('will not open until')
    ("The new nurseries will open from September 2025.", "September 2025", ("start", "nurseries")),
    ("The new nurseries will not open until April 2026.", "April 2026", ("start", "nurseries")),
    ("The override won't end until March 2028.", "March 2028", ("end", "override")),
    ("The cap will not apply until October 2026.", "October 2026", None),
    # a target met, achieved or restored by a date starts to hold then
    ("The four-hour standard will be restored by March 2029.", "March 2029", ("start", "four-hour standard")),
    ("The 95% target is due to be met in March 2027.", "March 2027", ("start", "target")),
    ("Ministers said the 62-day cancer target would be achieved by 2026.", "2026", ("start", "day cancer target")),
    # a cleft sentence gives the thing after the date, past a relative clause and its weak 'from'
    ("That week, 1 April 2025, is when the new licensing rules, which apply from birth, come into force.",
     "1 April 2025", ("start", "licensing rules")),
    ("March 2027 was when the pilot scheme came to an end.", "March 2027", ("end", "pilot scheme")),
    ("April 2025 is when ministers will decide.", "April 2025", None),
    ("2019 was when the scheme, which ran from 2010, was reviewed.", "2019", None),
    # no thing named: a number, a verb phrase, a period, a sentence with no subject before 'and', no words of a
    # start or an end, or those words far from the date
    ("The number of children it affects will keep growing until 2035, the year the limit was set.", "2035", None),
    ("Future costs will go up by an estimated £600 million each year until 2024/25.", "2024/25", None),
    ("On average the levy will bring in £12 billion a year, beginning next year and running until at least 2025.",
     "2025", None),
    ("Ministers said " + "that officials said " * 20 + "it was meant to end in 2024 but was extended until 2026.",
     "2026", None),
    ("Contributions paid by employers will go up by 1.25% from April 2022.", "April 2022", None),
    ("This is the first fall since the census began in 2017.", "2017", None),
    ("Spending reached £10.7 billion for 2024-25.", "2024-25", None),
    ("The aim of treating 92% of patients within 18 weeks will be met by March 2029.", "March 2029", None),
    ("When ministers met in May, the scheme was restarted.", "May", None),
    ("The absence rate climbed to 3.5 per cent, up from 3.1 per cent in 2021.", "2021", None),
    ("The charge will rise from £20 in April 2025.", "April 2025", None),
    ("The review that ends the scheme was published in a report to ministers and then discussed in March 2026.",
     "March 2026", None),
]


@pytest.mark.parametrize(("sentence", "date", "expected"), EVENTS)
def test_the_thing_a_date_starts_or_ends(sentence: str, date: str, expected: tuple[str, str] | None) -> None:
    assert _event(sentence, date) == expected


def test_the_signature_keeps_the_word_before_the_head_and_marks_the_kind() -> None:
    s = "The dedicated schools grant statutory override will stay in place until the end of 2027-28."
    at = s.index("2027-28")
    sig = event_signature(s, at, at + 7, LEX)
    assert sig is not None
    assert (sig.head, sorted(sig.words)) == ("override (end date)", ["statutory"])
    start = "The statutory override was introduced in 2020."
    other = event_signature(start, start.index("2020"), start.index("2020") + 4, LEX)
    assert other is not None and other.head == "override (start date)"


def test_date_event_words_from_configuration_are_read() -> None:
    """One ``date_events`` row added in configuration makes the date a claim and tells the checker what ends."""
    import datetime as dt

    import caresocial

    s = "The pilot scheme will wind down in March 2026."
    at = s.index("March 2026")
    assert event_of(s, at, at + 10, LEX) is None
    lex = LEX.extended({"date_events": ["wind down | end"]})
    assert event_of(s, at, at + 10, lex) == ("end", "pilot scheme")
    plain = caresocial.extract(s, doc_id="t", date=dt.date(2024, 1, 1))
    extended = caresocial.extract(s, doc_id="t", date=dt.date(2024, 1, 1),
                                  lexicons={"date_events": ["wind down | end"]})
    assert [c.kind for c in plain.claims] == [] and [c.kind for c in extended.claims] == ["date"]


@pytest.mark.parametrize(("sentence", "claimed"), [
    ("The cap, which ministers brought in during 2017, limits support to two children.", True),
    # a word of an event that is a noun of time, or after the date's own clause, makes no claim
    ("Poverty will reach 4.8m by the close of this parliament (2029/30) unless ministers act.", False),
    ("The plans, announced in September 2021, would have brought in a new cap.", False),
    ("Close to 100,000 children will be in care by the end of 2025.", False),
    ("Knife crime rose by 4% to 50,500 in the year ending March 2024.", False),
    ("The new parking permit scheme has been in place since 1 April 2024.", True),
])
def test_which_dates_are_claims(sentence: str, claimed: bool) -> None:
    import datetime as dt

    import caresocial

    doc = caresocial.extract(sentence, doc_id="t", date=dt.date(2024, 1, 1))
    assert any(c.kind in ("date", "year") for c in doc.claims) is claimed


def test_a_cleft_date_is_compared_with_the_date_another_document_gives() -> None:
    """'March 2027 is when the pilot scheme comes to an end' is a claim of the scheme's end date, and another
    document's end in March 2026 is a time conflict."""
    import datetime as dt

    import caresocial

    a = caresocial.extract("The pilot scheme will come to an end in March 2026 and cost £4m.", doc_id="a",
                           date=dt.date(2024, 1, 1))
    b = caresocial.extract("Officials confirmed the plan. That month, March 2027, is when the pilot scheme, which "
                           "serves 40 towns, comes to an end.", doc_id="b", date=dt.date(2025, 1, 1))
    assert [c.time.as_written for c in b.claims if c.kind == "date"] == ["March 2027"]
    found = [f for f in caresocial.check([a, b]).findings if f.rule == "time-conflict"]
    assert len(found) == 1 and {c.text for c in found[0].claims} == {"March 2026", "March 2027"}


@pytest.mark.parametrize(("a", "b", "dates"), [
    ("The government has pledged to end rough sleeping by 2024.", "Ministers had promised to end rough sleeping by "
     "2027.", ["2024", "2027"]),
    # a target met, achieved or restored by a date starts to hold then
    ("Ministers say the four-hour standard will be restored by March 2029.", "The four-hour standard will now be "
     "restored by March 2030, the minister said.", ["March 2029", "March 2030"]),
    ("The £1 ferry fare cap, introduced in April 2022, will end soon.", "The cap on ferry fares, which was "
     "introduced in April 2021, is popular.", ["April 2021", "April 2022"]),
])
def test_a_deadline_moved_is_a_time_conflict(a: str, b: str, dates: list[str]) -> None:
    import datetime as dt

    import caresocial

    first = caresocial.extract(a, doc_id="a", date=dt.date(2023, 6, 1))
    second = caresocial.extract(b, doc_id="b", date=dt.date(2024, 12, 1))
    found = [f for f in caresocial.check([first, second]).findings if f.rule == "time-conflict"]
    assert [sorted(c.text for c in f.claims) for f in found] == [dates]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Officials believe that by the time the override ends the deficit could be up to £4.9 billion.",
     ("by", "override (end date)")),
    ("The shortfall will reach £5bn when the statutory override comes to an end.",
     ("at", "statutory override (end date)")),
    ("Once the new licensing rules come into force, 40% of landlords will need a permit.",
     ("at", "licensing rules (start date)")),
    # no event: the clause has no verb that starts or ends something, a weak word, a pronoun or a shell noun
    ("The cost was £3bn when the figures were published.", None),
    ("When ministers met in May, 20% of the budget had gone.", None),
    ("The deficit was £2bn when it ended.", None),
    ("Once the scheme closes, 40% of applicants will have waited a year.", None),
    ("Costs rose 5% until the pilot ran out of money.", None),
    # the thing may be a noun phrase of up to MAX_PHRASE (8) words, with prepositions inside it
    ("By the time the cap on care costs starts, 20% will pay.", ("by", "limit on care costs (start date)")),
    ("When the new national statutory override for special needs deficits ends, 40% of councils face ruin.",
     ("at", "statutory override for special needs deficits (end date)")),
    ("When the new national statutory override for all special needs deficits of councils ends, 40% face ruin.",
     None),
    # a start or end word right after the anchor names no thing; a weak word ('from') no event; two things
    # joined by 'and' are not one thing; an anchor and determiner at the very end; no anchor at all
    ("Once launched, the fund will pay out £2m a year.", None),
    ("When the levy from April rises, 40% will pay more.", None),
    ("When the cap and the floor start, 20% will pay.", None),
    ("Prices rose by 5% when the", None),
    ("The levy ends in 2026 and costs 5% of pay.", None),
])
def test_a_clause_dated_by_an_event(sentence: str, expected: tuple[str, str] | None) -> None:
    got = anchored_event(sentence, LEX)
    assert (got if got is None else (got[0], got[1].key)) == expected


def _check_texts(*docs: tuple[str, str, str]) -> list:
    import datetime as dt

    import caresocial

    extracted = [caresocial.extract(text, doc_id=name, date=dt.date.fromisoformat(date)) for name, text, date in docs]
    return caresocial.check(extracted).findings


def test_a_figure_dated_by_an_event_holds_when_its_document_dates_the_event() -> None:
    """'by the time the override ends' is March 2026 in a document that says the override comes to an end then
    (the latest end it gives: one extended holds at its new end), so another document's larger deficit for
    March 2026 disagrees with it; in a document that never dates the end, the figure keeps no time."""
    a = ("a", "Four in 10 councils could go bust if the statutory override comes to an end in March 2026. The "
              "arrangement was meant to finish in 2024 but was extended until 2026.\n\nThe department believes "
              "that by the time the override ends the cumulative deficit could be up to £4.9 billion.", "2024-10-24")
    b = ("b", "The high needs deficit of councils will reach £6bn in March 2026, the network said.", "2025-03-01")
    found = [f for f in _check_texts(a, b) if f.rule == "value-conflict"]
    assert [sorted(c.text for c in f.claims) for f in found] == [["£4.9 billion", "£6bn"]]
    assert "by Mar 2026 (as the document dates it)" in found[0].message
    undated = ("a", "The department believes that by the time the override ends the cumulative deficit could be "
                    "up to £4.9 billion.", "2024-10-24")
    found = [f for f in _check_texts(undated, b) if f.rule == "value-conflict"]
    assert "no time stated" in found[0].message and "as the document dates it" not in found[0].message


def test_a_heading_figure_is_the_figure_it_heads() -> None:
    """A section heading's '£4.9bn ticking timebomb deficit' is the £4.9 billion of the text under it: it holds
    when that does and measures what that measures, so it disagrees with a £4.6bn deficit for the same date."""
    a = ("a", "SEND crisis: the findings\n\n1. £4.9bn ticking timebomb deficit leaves councils facing "
              "bankruptcy\n\nCouncils could go bust if the statutory override comes to an end in March 2026. "
              "The department believes that by the time the override ends the cumulative deficit could be "
              "£4.9 billion.", "2024-10-24")
    b = ("b", "The watchdog estimated the deficit at £4.6bn by March 2026.", "2024-10-25")
    found = [f for f in _check_texts(a, b) if f.rule == "value-conflict"]
    assert [sorted(c.text for c in f.claims) for f in found] == [["£4.6bn", "£4.9 billion", "£4.9bn"]]


def test_event_anchors_of_any_length_from_configuration() -> None:
    s = "The moment the override ends, 40% of councils face ruin."
    assert anchored_event(s, LEX) is None
    got = anchored_event(s, LEX.extended({"event_anchors": ["the moment | at"]}))
    assert got is not None and (got[0], got[1].key) == ("at", "override (end date)")


@pytest.mark.parametrize(("phrase", "key"), [
    ("school funding formula", "funding formula (start date)"),  # the head and the word before it
    ("statutory override", "statutory override (start date)"),
])
def test_a_things_signature_keeps_the_word_before_its_head(phrase: str, key: str) -> None:
    from caresocial.consistency.events import thing_signature

    sig = thing_signature("start", phrase, LEX)
    assert sig is not None and sig.key == key


def test_a_things_signature_reads_configured_aliases() -> None:
    from caresocial.consistency.events import thing_signature

    sig = thing_signature("end", "pension triple lock", LEX, (("triple lock", "earnings guarantee"),))
    plain = thing_signature("end", "pension triple lock", LEX)
    assert sig is not None and plain is not None and sig.key != plain.key
