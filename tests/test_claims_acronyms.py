"""Acronyms a document defines, in its measures: the name the document uses more often; a long form and its
bracketed acronym read once; a phrase read twice after the synonym table read once (issue #16)."""

from __future__ import annotations

import datetime as dt

import pytest

import caresocial
from caresocial.extraction.claims.acronyms import contract, defined_acronyms
from caresocial.lexicons import Lexicons

D = dt.date(2024, 6, 1)

CASES = [
    # the acronym is what the text goes on to use: a measure written in full reads as the acronym
    ("There were 412 multi-academy trusts (MATs) in the region. Most MATs run primary schools, and 96 "
     "multi-academy trusts were run by a single sponsor. MATs employ most teachers.",
     {"412": "mats in region", "96": "mats"}),
    # the long form is what the text goes on to use: the bracketed acronym is dropped
    ("There were 412 multi-academy trusts (MATs) in the region, and 96 multi-academy trusts were run by one "
     "sponsor.", {"412": "multi-academy trusts in region", "96": "multi-academy trusts"}),
    # a singular acronym that is the whole measure names a quantity: its long form, whatever the text uses more
    ("The upper capital limit (UCL) will rise to £100,000 from £23,250. The £100,000 UCL will apply to everyone, "
     "and the UCL is reviewed each year.", {"£23,250": "upper capital limit", "£100,000": "upper capital limit"}),
    # letters that are no initials of the words before them define nothing
    ("The council spent £4m on roads (TBC) this year. TBC.", {"£4m": "spending on roads"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_measures_use_the_documents_name(text: str, expected: dict[str, str]) -> None:
    doc = caresocial.extract(text, doc_id="t", date=D)
    got = {text[c.start:c.end]: c.measure for c in doc.claims}
    for figure, measure in expected.items():
        assert got.get(figure) == measure, (figure, got)


def test_defined_acronyms_singular_and_plural() -> None:
    text = "independent fostering agencies (IFAs) ... IFAs ... IFAs ... an IFA"
    found = defined_acronyms(text, Lexicons.default())
    assert found == {"independent fostering agencies": ("ifas", "ifas"),
                     "independent fostering agency": ("ifa", "ifa")}
    assert contract("independent fostering agencies ifas in private ownership", found) == "ifas in private ownership"
    assert contract("places of independent fostering agency", found) == "places of ifa"


def test_an_acronym_the_synonym_table_knows_keeps_the_tables_reading() -> None:
    text = "The universal credit (UC) child element rose by £17 a week. UC is paid monthly to UC claimants."
    doc = caresocial.extract(text, doc_id="t", date=D)
    assert [c.measure for c in doc.claims] == ["change in universal credit child element"]


def test_a_bounded_number_of_acronyms_is_read() -> None:
    text = " ".join(f"alpha {chr(65 + i % 26).lower()}eta {chr(66 + i // 26).lower()}ox (A{chr(65 + i % 26)}"
                    f"{chr(66 + i // 26)})" for i in range(200))
    found = defined_acronyms(text, Lexicons.default())
    assert 0 < len(found) <= 64
