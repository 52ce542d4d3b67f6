"""The figure grammar's word tables (``extraction/figures/tables.py``), each rule of the lexicon files read through
the sentences it decides: the kind a currency row leaves out, the defaults of the other tables' optional fields,
and the message a row that cannot be read gives (issue #22: the survivors of a mutation run of tables.py, each
killed by a row here).

A case lists *all* the figures of its sentence, in order (``check`` of test_figures.py); the lexicons given are
added to the built-in ones, as ``extract(text, lexicons=...)`` and ``[tool.caresocial.lexicons]`` add them.
"""

from __future__ import annotations

from typing import Any

import pytest

from caresocial import extract
from caresocial.extraction.figures.tables import tables
from caresocial.lexicons import LexiconError, Lexicons

from .test_figures import HI, LO, F, check

Case = tuple[dict[str, Any], str, list[dict[str, Any]]]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{next(iter(lex.values()))}: {s[:50]}" for lex, s, _ in cases]


# ---------------------------------------------------------------------------------------------------
# a currency row that leaves its kind out: a form with a currency sign is a symbol, three capital letters a code
# (before or after the amount), anything else a word (after the amount only)
# ---------------------------------------------------------------------------------------------------
CURRENCY_KINDS: list[Case] = [
    # three capital letters: a code, read before the amount
    ({"currencies": ["NIS | ILS"]}, "The ministry set aside NIS 40 million for shelters.",
     [F("NIS 40 million", "money", 4e7, "ILS")]),
    # three small letters: a word, read after the amount and never before one ('won 3 awards')
    ({"currencies": ["won | KRW"]}, "The city paid families 5,000 won each and won 3 awards for the scheme.",
     [F("5,000 won", "money", 5000, "KRW"), F("3", "count", 3, "awards")]),
    # the unit a row names is known by itself as a code only when it is three letters, as an ISO code is: time
    # credits counted in 'HOURS' leave '5 hours' a duration
    ({"currencies": ["time credits | HOURS"]}, "Volunteers earned 40 time credits for 5 hours of work.",
     [F("40 time credits", "money", 40, "HOURS"), F("5 hours", "duration", 5, "hours")]),
]


@pytest.mark.parametrize(("lexicons", "sentence", "expected"), CURRENCY_KINDS, ids=_ids(CURRENCY_KINDS))
def test_a_currency_row_without_a_kind(lexicons: dict[str, Any], sentence: str,
                                       expected: list[dict[str, Any]]) -> None:
    check(sentence, expected, lexicons=lexicons)


# ---------------------------------------------------------------------------------------------------
# a row that cannot be read names its lexicon, the row and the field it lacks
# ---------------------------------------------------------------------------------------------------
MALFORMED = [
    ({"number_words": ["umpteen | many"]}, "lexicon 'number_words': row 'umpteen | many' needs a number in field 2"),
    ({"scale_words": ["lakh | lots | after"]},
     "lexicon 'scale_words': row 'lakh | lots | after' needs a number in field 2"),
    ({"fractions": ["sevenths | seven"]}, "lexicon 'fractions': row 'sevenths | seven' needs a number in field 2"),
    ({"currencies": ["dinars"]}, "lexicon 'currencies': row 'dinars' needs field 2"),
    ({"currencies": ["dinars | KWD | coin"]}, "lexicon 'currencies': unknown kind 'coin' of 'dinars'"),
    ({"percent_words": ["pct"]}, "lexicon 'percent_words': row 'pct' needs field 2"),
    ({"duration_units": ["fortnights"]}, "lexicon 'duration_units': row 'fortnights' needs field 2"),
    ({"duration_units": ["fortnights | weeks"]},
     "lexicon 'duration_units': row 'fortnights | weeks' needs a number in field 3"),
    ({"quantity_units": ["furlongs"]}, "lexicon 'quantity_units': row 'furlongs' needs field 2"),
    ({"generic_units": ["ppm"]}, "lexicon 'generic_units': row 'ppm' needs field 2"),
    ({"rate_words": ["a term"]}, "lexicon 'rate_words': row 'a term' needs field 2"),
    ({"rate_words": ["a term | | after"]}, "lexicon 'rate_words': row 'a term |  | after' needs field 2"),
    ({"multiples": ["quintupled"]}, "lexicon 'multiples': row 'quintupled' needs a number in field 2"),
    ({"months": ["Sept | nine | abbrev"]}, "lexicon 'months': row 'Sept | nine | abbrev' needs a number in field 2"),
]


@pytest.mark.parametrize(("lexicons", "message"), MALFORMED, ids=[m for _, m in MALFORMED])
def test_a_row_that_cannot_be_read_is_named(lexicons: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError) as err:
        extract("The fund holds £250.", lexicons=lexicons)
    assert str(err.value) == message


# ---------------------------------------------------------------------------------------------------
# the optional field of a row, left out or left empty, takes the default its file's header names
# ---------------------------------------------------------------------------------------------------
OPTIONAL_FIELDS: list[Case] = [
    # a vague plural without its place starts a vague count, as 'hundreds' does
    ({"vague_counts": ["oodles"]}, "Oodles of families applied to the scheme.",
     [F("Oodles", "count", None, "families", approx=True)]),
    ({"vague_counts": ["oodles |"]}, "Oodles of families applied to the scheme.",
     [F("Oodles", "count", None, "families", approx=True)]),
]


@pytest.mark.parametrize(("lexicons", "sentence", "expected"), OPTIONAL_FIELDS, ids=_ids(OPTIONAL_FIELDS))
def test_a_field_left_out_takes_its_default(lexicons: dict[str, Any], sentence: str,
                                            expected: list[dict[str, Any]]) -> None:
    check(sentence, expected, lexicons=lexicons)
    with pytest.raises(AssertionError):  # the built-in tables alone read the sentence otherwise
        check(sentence, expected)


def test_the_place_and_kind_a_row_gives() -> None:
    """A vague plural marked 'tail' only follows 'of' inside a phrase ('tens of lakhs') and starts none; a multiple
    whose row leaves its kind out is an adverb, a multiple wherever it stands (as 'twice')."""
    t = tables(Lexicons.default().extended({"vague_counts": ["lakhs | tail"], "multiples": ["quintupled | 5"]}))
    assert "lakhs" in t.vague_tail and "lakhs" not in t.vague_lead
    assert t.multiples["quintupled"] == (5.0, "adverb")


# ---------------------------------------------------------------------------------------------------
# the built-in tables, each row kind read through a sentence that needs it
# ---------------------------------------------------------------------------------------------------
BUILT_IN = [
    # 'second' after a tens word is an ordinal ('the thirty second time' is the 32nd), never a denominator
    ("The board met for the thirty second time.", []),
    # a currency symbol with letters is read in small letters too
    ("the charity raised hk$2m for the shelter, its founder posted.", [F("hk$2m", "money", 2e6, "HKD")]),
    # a one-letter duration suffix right after digits, in small letters as in capitals ('10Y')
    ("The 10y gilt yield rose to 4.5%.", [F("10y", "duration", 10, "years"), F("4.5%", "percent", 4.5, "%")]),
    # a verb form of a multiple after an article, before 'of', still states it ('a doubling of demand')
    ("Councils face a doubling of demand for care by 2035.",
     [F("doubling", "ratio", 2, "times"), F("2035", "year", 2035)]),
    # 'one' after a determiner is no count, not even before 'to one' ('the one to one sessions')
    ("Carers valued the one to one sessions.", []),
    # ... but after 'every' it starts a range ('every one to two years'); 'every one of' is still no count
    ("Reviews happen every one to two years.",
     [F("one", "duration", 1, "years", link=LO), F("two years", "duration", 2, "years", link=HI)]),
    ("Every one of the 12 councils replied.", [F("12", "count", 12, "councils")]),
    # 'one' after 'to' is the low end of a range
    ("Waits fell to one to two weeks.",
     [F("one", "duration", 1, "weeks", link=LO), F("two weeks", "duration", 2, "weeks", link=HI)]),
    # 'zero' before 'hours' is part of a name ('zero hours contracts'), no count
    ("Some 1,000 care workers are on zero hours contracts.",
     [F("1,000", "count", 1000, "care workers", approx=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), BUILT_IN, ids=[s[:60] for s, _ in BUILT_IN])
def test_a_built_in_row_read_in_its_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)
