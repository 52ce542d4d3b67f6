"""The table-derived patterns and guards of the figure grammar (figures/patterns.py), one behaviour per table, in
sentences of the kind policy texts use: every figure with its exact text, kind, value, unit, hedge, bound, rate
and link (``check`` of tests/test_figures.py). Written for issue #22 from the survivors of a mutation run over
patterns.py (docs/testing.md, "Mutation testing"): each table says what a pattern or a guard lets through.
"""

from __future__ import annotations

from typing import Any

import pytest

from caresocial.extraction.figures.patterns import Patterns, patterns
from caresocial.lexicons import Lexicons

from .test_figures import F, check

LO, HI = ("range", "low"), ("range", "high")

Cases = list[tuple[str, list[dict[str, Any]]]]


def _ids(cases: Cases) -> list[str]:
    return [s[:60] for s, _ in cases]


# ---------------------------------------------------------------------------------------------------------------
# a day written with an ordinal suffix ('31st', '2nd', '3rd', '24th') starts a date: the suffix belongs to its span
# ---------------------------------------------------------------------------------------------------------------
DAY_ORDINALS: Cases = [
    ("The minister replied on 31st March 2022 that recruitment was a priority.",
     [F("31st March 2022", "date", "2022-03-31")]),
    ("Councils had until 2nd June 2021 to respond to the consultation.",
     [F("2nd June 2021", "date", "2021-06-02")]),
    ("The new guidance takes effect on 3rd January 2024.", [F("3rd January 2024", "date", "2024-01-03")]),
    ("The board met on 24th November 2023 to agree the budget.", [F("24th November 2023", "date", "2023-11-24")]),
]


@pytest.mark.parametrize(("sentence", "expected"), DAY_ORDINALS, ids=_ids(DAY_ORDINALS))
def test_a_day_with_an_ordinal_suffix_starts_a_date(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# 'or more', 'and over' after the figure bound it, also when a comma stands between them
# ---------------------------------------------------------------------------------------------------------------
BOUND_AFTER_A_COMMA: Cases = [
    ("Grants of £5,000, or more, must be approved by the board.", [F("£5,000", "money", 5000, "GBP", bound="min")]),
    ("Residents aged 80, and over, were offered the vaccine first.",
     [F("80", "quantity", 80, "years of age", bound="min")]),
]


@pytest.mark.parametrize(("sentence", "expected"), BOUND_AFTER_A_COMMA, ids=_ids(BOUND_AFTER_A_COMMA))
def test_a_bound_after_a_comma_bounds_the_figure(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a percent phrase of several words ('per cent', 'percentage points') is one unit however many spaces stand inside
# it (a justified line of a PDF leaves two)
# ---------------------------------------------------------------------------------------------------------------
PERCENT_PHRASES_WITH_SPACES: Cases = [
    ("Turnout was 62 per  cent in the ward.", [F("62 per  cent", "percent", 62, "%")]),
    ("The vacancy rate rose by 3 percentage  points.", [F("3 percentage  points", "percent", 3, "percentage points")]),
]


@pytest.mark.parametrize(("sentence", "expected"), PERCENT_PHRASES_WITH_SPACES, ids=_ids(PERCENT_PHRASES_WITH_SPACES))
def test_a_percent_phrase_with_several_spaces_is_one_unit(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a multiple written with 'fold': digits or number words, a compound ('twenty-five-fold'), and 'hundredfold' (100)
# ---------------------------------------------------------------------------------------------------------------
FOLD: Cases = [
    ("Referrals rose a hundredfold in a decade.",
     [F("hundredfold", "ratio", 100, "times"), F("decade", "duration", 10, "years")]),
    ("The regulator reported a hundred-fold rise in complaints.", [F("hundred-fold", "ratio", 100, "times")]),
    ("Demand for the service saw a twenty-five-fold increase.", [F("twenty-five-fold", "ratio", 25, "times")]),
]


@pytest.mark.parametrize(("sentence", "expected"), FOLD, ids=_ids(FOLD))
def test_a_multiple_written_with_fold(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a currency before the amount: a code in lower case ('eur 15'), a symbol glued after a word ('to£9,000'); a symbol
# of letters only where it stands alone ('basic $200' is dollars, not the Canadian 'c $'); and after the amount only
# a symbol without letters ('10 $'): 'constant 2015 US$' names the prices of a year
# ---------------------------------------------------------------------------------------------------------------
CURRENCY_SYMBOLS: Cases = [
    ("Entry costs eur 15 for adults and eur 8 for children.",
     [F("eur 15", "money", 15, "EUR"), F("eur 8", "money", 8, "EUR")]),
    ("The fee rose to£9,000 a year.", [F("£9,000", "money", 9000, "GBP", rate="year")]),
    ("The scheme offers a basic $200 payment to carers.", [F("$200", "money", 200, "USD")]),
    ("All amounts in the table are in constant 2015 US$.", [F("2015", "year", 2015)]),
    ("Figures for Australia are given in 2020 A$.", [F("2020", "year", 2020)]),
    # a code after the amount, with M for millions (as European accounts write it)
    ("The project budget is 45 MEUR over five years.",
     [F("45 MEUR", "money", 45e6, "EUR"), F("five years", "duration", 5, "years")]),
    # cents after 'dollars and' only when no other noun follows ('group' ends in 'p' but is no minor unit)
    ("Membership costs 12 dollars and 30 group sessions are included.",
     [F("12 dollars", "money", 12, "USD"), F("30", "count", 30, "group sessions")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CURRENCY_SYMBOLS, ids=_ids(CURRENCY_SYMBOLS))
def test_where_a_currency_symbol_or_code_belongs(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a rate after the figure ('a week', 'per hour', 'per-hour') is its rate also after a comma, and after 'more', 'less',
# 'extra', 'fewer' or 'on average'
# ---------------------------------------------------------------------------------------------------------------
RATE_AFTER_A_MODIFIER: Cases = [
    ("Agency staff cost £45, per hour, on average.", [F("£45", "money", 45, "GBP", rate="hour")]),
    ("Carers now get £20 less a week than in 2019.",
     [F("£20", "money", 20, "GBP", rate="week"), F("2019", "year", 2019)]),
    ("Staff will receive £30 extra a week from April.", [F("£30", "money", 30, "GBP", rate="week")]),
    ("Compared with last year, the service makes 200 fewer each month.", [F("200", "count", 200, rate="month")]),
    ("Families spend £30 on average a week on travel.", [F("£30", "money", 30, "GBP", rate="week")]),
    # a hyphen inside the rate phrase, as a spaced one
    ("Cleaners in the trust are paid £11 per-hour.", [F("£11", "money", 11, "GBP", rate="hour")]),
]


@pytest.mark.parametrize(("sentence", "expected"), RATE_AFTER_A_MODIFIER, ids=_ids(RATE_AFTER_A_MODIFIER))
def test_a_rate_after_a_comma_or_a_modifier(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a headline in title case (or in capitals) reads as the same sentence in lower case: the words of a number, a range,
# a share, a percentage, a currency, its cents and an age are matched in any case
# ---------------------------------------------------------------------------------------------------------------
TITLE_CASE: Cases = [
    ("Nearly 3 Hundred Families Were Rehoused Last Winter",
     [F("3 Hundred", "count", 300, "families", approx=True)]),
    ("Between One And Three Children In Every Class Are Affected",
     [F("One", "count", 1, "children", link=LO), F("Three", "count", 3, "children", link=HI)]),
    ("Teams Grew From One To Three Social Workers",
     [F("One", "count", 1, "social workers", link=("change", "from")),
      F("Three", "count", 3, "social workers", link=("change", "to"))]),
    ("One In Five Carers Are Now Living In Poverty", [F("One In Five", "percent", 20, "%")]),
    ("The Ratio Of Staff To Residents Fell To One Over Three",
     [F("One Over Three", "percent", 33.33, "%", approx=True)]),
    ("The Twenty First Annual Report Of The Care Regulator", []),  # an ordinal, no figure
    ("Council Tax Rises By 5 Per Cent", [F("5 Per Cent", "percent", 5, "%")]),
    ("COUNCIL TAX TO RISE BY 5 PERCENT", [F("5 PERCENT", "percent", 5, "%")]),
    ("Tickets Cost Fifteen Dollars And Fifty Cents", [F("Fifteen Dollars And Fifty Cents", "money", 15.5, "USD")]),
    ("Carers Aged 65 And Over Face Rising Costs", [F("65", "quantity", 65, "years of age", bound="min")]),
]


@pytest.mark.parametrize(("sentence", "expected"), TITLE_CASE, ids=_ids(TITLE_CASE))
def test_a_headline_in_title_case_reads_as_its_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a phrase before the number that starts the sentence, with its capital, hedges, bounds or makes an age of it
# ---------------------------------------------------------------------------------------------------------------
PHRASE_STARTS_THE_SENTENCE: Cases = [
    ("Aged 16, she became a young carer.", [F("16", "quantity", 16, "years of age")]),
    ("Around 300 homes were lost to flooding.", [F("300", "count", 300, "homes", approx=True)]),
    ("More than 2,000 staff left the service.", [F("2,000", "count", 2000, "staff", bound="min")]),
    ("Up to 500 families could lose support.", [F("500", "count", 500, "families", bound="max")]),
    ("Those over 65 are eligible for the payment.", [F("65", "quantity", 65, "years of age", bound="min")]),
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASE_STARTS_THE_SENTENCE, ids=_ids(PHRASE_STARTS_THE_SENTENCE))
def test_a_phrase_before_the_number_at_the_start_of_a_sentence(sentence: str, expected: list[dict[str, Any]]) -> None:
    check(sentence, expected)


# ---------------------------------------------------------------------------------------------------------------
# a time of day and a reading-time label are no figures, in capitals too
# ---------------------------------------------------------------------------------------------------------------
NO_FIGURE_IN_CAPITALS = [
    "The helpline opens at 9AM and closes at 5.30 PM on weekdays.",
    "SOCIAL CARE WORKFORCE REPORT 3 MIN READ",
]


@pytest.mark.parametrize("sentence", NO_FIGURE_IN_CAPITALS)
def test_a_time_of_day_in_capitals_is_no_figure(sentence: str) -> None:
    check(sentence, [])


# ---------------------------------------------------------------------------------------------------------------
# a lexicon set without some kinds of entry still reads the figures that do not need them
# ---------------------------------------------------------------------------------------------------------------
NO_MONTH_ABBREVIATIONS = {"months": [f"-{m}" for m in
                                     ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
                                      "dec")]}
NO_VAGUE_TAILS = {"vague_counts": ["-thousands", "-millions", "-billions",
                                   "thousands | lead", "millions | lead", "billions | lead"]}
NO_PERCENT_BEFORE = {"percent_words": ["-per cent", "-per cents", "-percent", "-percents",
                                        "per cent | % | after", "percent | % | after"]}
REDUCED_LEXICONS = [
    (NO_PERCENT_BEFORE, "Turnout was 62 per cent in the ward.", [F("62 per cent", "percent", 62, "%")]),
    (NO_MONTH_ABBREVIATIONS, "The review was published on 23 May 2022.", [F("23 May 2022", "date", "2022-05-23")]),
    (NO_MONTH_ABBREVIATIONS, "It was laid before Parliament on May 23, 2022.",
     [F("May 23, 2022", "date", "2022-05-23")]),
    (NO_VAGUE_TAILS, "Hundreds of carers wrote to the council.", [F("Hundreds", "count", None, "carers", approx=True)]),
]


@pytest.mark.parametrize(("lexicons", "sentence", "expected"), REDUCED_LEXICONS,
                         ids=[s[:50] for _, s, _ in REDUCED_LEXICONS])
def test_a_lexicon_set_without_some_entries(lexicons: dict[str, Any], sentence: str,
                                            expected: list[dict[str, Any]]) -> None:
    check(sentence, expected, lexicons=lexicons)


# ---------------------------------------------------------------------------------------------------------------
# a pattern is compiled on first use; a name no pattern was declared under is the usual AttributeError, also on an
# instance not yet initialised (as copy and pickle make one)
# ---------------------------------------------------------------------------------------------------------------
def test_an_undeclared_pattern_is_an_attribute_error() -> None:
    p = patterns(Lexicons.default())
    with pytest.raises(AttributeError, match=r"^'Patterns' object has no attribute 'no_such_pattern'$"):
        _ = p.no_such_pattern
    with pytest.raises(AttributeError, match=r"^'Patterns' object has no attribute 'hedge'$"):
        _ = Patterns.__new__(Patterns).hedge
