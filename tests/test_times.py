"""Time phrases that anchor claims (extraction/times.py): relation, how the year is found, periods."""

from __future__ import annotations

import pytest

from caresocial.extraction.times import find_times, last_year_before, shift_year, year_value, years_written

# sentence, [(phrase, relation, mode, year written, offset, span, first year)]
CASES = [
    ("The number of children in care could reach 100,000 by 2032.", [("by 2032", "by", "abs", 2032, 0, 0, None)]),
    ("Spending fell in 2023/24.", [("in 2023/24", "at", "abs", "2023/24", 0, 0, None)]),
    ("Demand will double in 10 years' time.", [("in 10 years' time", "by", "rel", None, 10, 10, None)]),
    # a period ending now: the offset is 0 and the length is kept apart (never a year of -10)
    ("Over the last decade, spending has fallen.", [("Over the last decade", "over", "rel", None, 0, 10, None)]),
    ("It costs £2.6bn as part of a five year reform programme.",
     [("as part of a five year reform programme", "over", "rel", None, 5, 5, None)]),
    ("The rate was 4.1%, up from 3.9% a year earlier.", [("a year earlier", "at", "that", None, -1, 0, None)]),
    ("There are now 83,840 looked after children.", [("now", "at", "rel", None, 0, 0, None)]),
    ("Councils spend £5m a year on it.", [("a year", "per", "rate", None, 0, 0, None)]),
    ("Councils spent £1.2bn, the LGA said.", []),
    ("There were 82,170 children in care on 31 March 2022.", [("on 31 March 2022", "at", "abs", 2022, 0, 0, None)]),
    ("As at 31 March 2023, 83,840 children were looked after.",
     [("As at 31 March 2023", "at", "abs", 2023, 0, 0, None)]),
    ("The number went up by 140% between 2015 and 2024.",
     [("between 2015 and 2024", "over", "abs", 2024, 0, 9, 2015)]),
    ("Since 2015-16, spending has risen from £8.9bn to £11.3bn.",
     [("Since 2015-16", "over", "rel", None, 0, 0, "2015/16")]),
    # the year to March or April is a financial year
    ("In the year to April 2024, 4.45 million children were poor.",
     [("In the year to April 2024", "at", "abs", "2023/24", 0, 1, None)]),
    ("Budgets were up 58% over a decade to 2024-25.", [("over a decade to 2024-25", "over", "abs", "2024/25", 0, 0,
                                                        None)]),
    ("Numbers will reach 4.8m by the time this Parliament ends in 2029-30.",
     [("by the time this Parliament ends in 2029-30", "by", "abs", "2029/30", 0, 0, None)]),
    ("10,000 more children will be in care before this decade is out.",
     [("before this decade is out", "by", "decade", None, 0, 0, None)]),
    ("The cap was due to take effect in October next year.",
     [("in October next year", "at", "rel", None, 1, 0, None)]),
    ("Deficits may soon reach £5bn.", [("soon", "by", "open", None, 0, 0, None)]),
    ("Reforms will save £4bn by 2029/2030.", [("by 2029/2030", "by", "abs", "2029/30", 0, 0, None)]),
    ("30,000 children were pulled into poverty since Labour came to power.",
     [("since Labour came to power", "over", "rel", None, 0, 0, None)]),
    # a year that names a noun is not a time: 'this year's Budget'
    ("The measure in this year's Budget lifts 450,000 children out of poverty.", []),
    # ... but the time of a figure in its own noun phrase: 'last year's rise of 3%', 'this year's £2bn deficit'
    ("Bills go up 6% after last year's rise of 3%.", [("last year", "at", "rel", None, -1, 0, None)]),
    ("This year's £2bn deficit is a record.", [("This year", "at", "rel", None, 0, 0, None)]),
    # a period written as two years, and a pair of years that follow each other (a financial year)
    ("The levy raised £36bn over the period 2022-2025.",
     [("over the period 2022-2025", "over", "abs", 2025, 0, 3, 2022)]),
    ("Councils receive £5.4bn between 2022-2025.", [("between 2022-2025", "over", "abs", 2025, 0, 3, 2022)]),
    ("Spending rose during 2023-2024.", [("during 2023-2024", "at", "abs", "2023/24", 0, 0, None)]),
    # 'over three years': ahead of a statement, or up to one in the past (the tense decides; see test_claims)
    ("The fund will pay out £3bn over three years.", [("over three years", "over", "rel", None, 3, 3, None)]),
    # 'last December', 'next March': the nearest such month before or after the reference date
    ("A survey published last December found that 70% were unsure.",
     [("last December", "at", "lastmon", None, 0, 0, None)]),
    ("Over the last 24 hours, 300 people replied.", [("Over the last 24 hours", "over", "rel", None, 0, 1, None)]),
    # a season with its year is a time like a month ('autumn 2024'); 'last spring' like 'last December'
    ("Homeless families numbered 2,300 in spring 2023.", [("in spring 2023", "at", "abs", 2023, 0, 0, None)]),
    ("The review was put back until autumn 2026.", [("until autumn 2026", "to", "abs", 2026, 0, 0, None)]),
    ("Some 900 rangers were hired last spring.", [("last spring", "at", "lastmon", None, 0, 0, None)]),
    # one row per pattern of times.py (the mutation run of the `times` target found these unread)
    ("The department expects 6,500 new places by the end of next year.",
     [("by the end of next year", "by", "rel", None, 1, 0, None)]),
    ("Admissions fell 3% in the first quarter of 2024.", [("in the first quarter of 2024", "at", "abs", 2024, 0, 0,
                                                          None)]),
    ("The council will build 400 homes within the next five years.",
     [("within the next five years", "by", "rel", None, 5, 5, None)]),
    ("Funding is fixed over the next three years.", [("over the next three years", "over", "rel", None, 3, 3, None)]),
    ("Waiting lists will grow over the coming year.", [("over the coming year", "over", "rel", None, 1, 1, None)]),
    ("Demand will rise 5% in the next year.", [("in the next year", "by", "rel", None, 1, 1, None)]),
    ("Patients should be seen within 30 days.", [("within 30 days", "by", "rel", None, 1, 1, None)]),
    ("Costs rose 12% over the past three years.", [("over the past three years", "over", "rel", None, 0, 3, None)]),
    ("Costs rose 12% over the past year.", [("over the past year", "over", "rel", None, 0, 1, None)]),
    # 'over a decade' is 'over three years': ahead of the statement or up to it, as its tense says
    ("Pay in the sector rose over a decade.", [("over a decade", "over", "rel", None, 10, 10, None)]),
    # 'ago' counts whole years: 100 days back is the statement's own year, 18 months back the year before
    ("Spending was £2bn ten years ago.", [("ten years ago", "at", "rel", None, -10, 0, None)]),
    ("The review began 100 days ago.", [("100 days ago", "at", "rel", None, 0, 0, None)]),
    ("The hub opened 18 months ago and has seen 3,000 families.", [("18 months ago", "at", "rel", None, -1, 0, None)]),
    ("In 2019 the cap was set at £86,000; that year 1,200 people reached it.",
     [("In 2019", "at", "abs", 2019, 0, 0, None), ("that year", "at", "that", None, 0, 0, None)]),
    ("In 2019 the cap was set at £86,000; the same year 1,200 people reached it.",
     [("In 2019", "at", "abs", 2019, 0, 0, None), ("the same year", "at", "that", None, 0, 0, None)]),
    # a time counted back in a unit shorter than a year is in the year it counts back from; 'twelve months' is a year
    ("Output rose 1.1%, compared with the previous quarter.",
     [("the previous quarter", "at", "that", None, 0, 0, None)]),
    ("The rate was 5%, against 4% twelve months earlier.",
     [("twelve months earlier", "at", "that", None, -1, 0, None)]),
    ("The fund opened in March last year.", [("in March last year", "at", "rel", None, -1, 0, None)]),
    ("The cap will take effect next March.", [("next March", "at", "nextmon", None, 0, 0, None)]),
    ("Vacancies fell to 152,000 in October.", [("in October", "at", "mon", None, 0, 0, None)]),
    # 'now' words of more than one word, also broken over a line
    ("Councils are at present spending £2bn.", [("at present", "at", "rel", None, 0, 0, None)]),
    ("Some 40 councils have, at the\nmoment, a deficit.", [("at the\nmoment", "at", "rel", None, 0, 0, None)]),
    ("Councils pay £3m a quarter and £20,000 every day.",
     [("a quarter", "per", "rate", None, 0, 0, None), ("every day", "per", "rate", None, 0, 0, None)]),
    ("Care workers earn £23,000 per annum.", [("per annum", "per", "rate", None, 0, 0, None)]),
    # no period is counted in zeros
    ("There was a 10% rise in zero hours contracts.", []),
    # two years a year apart are one financial year; further apart a period, also between two financial years
    ("The levy raised £20bn over the period 2021-2023.",
     [("over the period 2021-2023", "over", "abs", 2023, 0, 2, 2021)]),
    ("Spending rose between 2015-16 and 2023-24.",
     [("between 2015-16 and 2023-24", "over", "abs", "2023/24", 0, 8, "2015/16")]),
    ("Spending fell between 2024 and 2019.", [("between 2024 and 2019", "over", "abs", 2019, 0, 0, 2024)]),
    # the year to March or April is a financial year, to any other month the calendar year it ends in
    ("In the year to September 2024, 9,000 children entered care.",
     [("In the year to September 2024", "at", "abs", 2024, 0, 1, None)]),
    ("In the 12 months ending May 2024, rents rose 9%.", [("In the 12 months ending May 2024", "at", "abs", 2024, 0, 1,
                                                          None)]),
    # a word that is no number of a period ('past') before the unit of a period to a year
    ("Spending rose 40% in the past decade to 2024.",
     [("in the past decade to 2024", "over", "abs", 2024, 0, 0, None)]),
    ("Figures dated 22nd March 2024 show a rise.", [("22nd March 2024", "at", "abs", 2024, 0, 0, None)]),
    # a word or number that starts no phrase does not end the search: the phrases after it are read
    ("The government aims to cut rough sleeping to zero by 2027.", [("by 2027", "by", "abs", 2027, 0, 0, None)]),
    ("1500 staff will be hired by 2030.", [("by 2030", "by", "abs", 2030, 0, 0, None)]),
    ("The 2024 Budget set aside £1bn for next year.", [("next year", "at", "rel", None, 1, 0, None)]),
    ("The measure in this year’s Budget lifts 450,000 children out of poverty by 2030.",
     [("by 2030", "by", "abs", 2030, 0, 0, None)]),
    # 'by the time' reaches its year 66 characters on
    ("Councils warn that by the time the funding settlement for all social care arrives in 2029, 400 homes will "
     "have closed.",
     [("by the time the funding settlement for all social care arrives in 2029", "by", "abs", 2029, 0, 0, None)]),
    # a phrase runs past the reach of its anchor ('since', 61 characters before the phrase's end)
    ("Poverty has risen since Prime Minister Rishi Sunak’s administration took office.",
     [("since Prime Minister Rishi Sunak’s administration took office", "over", "rel", None, 0, 0, None)]),
    # a capital letter whose lower case is longer ('İ') leaves the capitalised phrases near it readable
    ("Dr Elif İnce said: Soon, 1 in 5 care homes could close.", [("Soon", "by", "open", None, 0, 0, None)]),
    ("By 2030, 1 in 5 care homes could close, Dr Elif İnce said.", [("By 2030", "by", "abs", 2030, 0, 0, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[s[:50].replace("\n", " ") for s, _ in CASES])
def test_time_phrases(sentence: str, expected: list[tuple]) -> None:
    got = find_times(sentence, 0, len(sentence))
    assert [(t.text, t.relation, t.mode, t.year, t.offset, t.span, t.start_year) for t in got] == expected
    for t in got:
        assert sentence[t.start:t.end] == t.text


# sentence, [(phrase, month, ahead, either, now, short, fy_ok)]
FLAGS = [
    ("The council will build 400 homes within the next five years.",
     [("within the next five years", None, True, False, False, False, False)]),
    ("Demand will double in five years.", [("in five years", None, False, False, False, False, False)]),
    ("Within 18 weeks, 92% should be treated.", [("Within 18 weeks", None, False, False, False, True, False)]),
    ("The fund will pay out £3bn over three years.", [("over three years", None, False, True, False, False, False)]),
    ("Rents are rising faster now than in 2020.",
     [("now", None, False, False, True, False, False), ("in 2020", None, False, False, False, False, False)]),
    ("Budgets will rise next year.", [("next year", None, False, False, False, False, True)]),
    ("The cap was due to take effect in October next year.",
     [("in October next year", 10, False, False, False, False, False)]),
    ("In the year to September 2024, 9,000 children entered care.",
     [("In the year to September 2024", 9, False, False, False, False, False)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FLAGS, ids=[s[:50] for s, _ in FLAGS])
def test_what_a_time_phrase_says_besides_its_year(sentence: str, expected: list[tuple]) -> None:
    """Whether it looks ahead, may look either way, is the statement's own time, is shorter than a year, may be
    a financial year; and the month it names."""
    got = find_times(sentence, 0, len(sentence))
    assert [(t.text, t.month, t.ahead, t.either, t.now, t.short, t.fy_ok) for t in got] == expected


@pytest.mark.parametrize(("phrase", "reference", "month", "future", "year"), [
    ("in October", 2024, 6, False, 2023),    # June 2024: the October before
    ("in October", 2024, 10, False, 2024),   # October 2024: this one
    ("in October", 2024, 11, False, 2024),
    ("in October", 2024, None, False, 2024),  # no month known: the reference year
    ("in October", 2024, 6, True, 2024),     # a statement of the future in June 2024: the October to come
    ("in October", 2024, 10, True, 2024),
    ("in October", 2024, 11, True, 2025),
    ("in October", None, 6, False, None),    # no reference year: not known
])
def test_a_month_alone_is_its_latest_time_or_its_next(phrase: str, reference: int | None, month: int | None,
                                                      future: bool, year: int | None) -> None:
    (t,) = find_times(phrase, 0, len(phrase))
    assert t.resolve(reference, None, None, month, future) == year
    if not future:
        assert t.resolve(reference, None, None, month) == year  # (a statement of the past unless told)


@pytest.mark.parametrize(("phrase", "reference", "last_year", "fy_month", "year"), [
    ("in March last year", 2024, None, None, 2023),
    ("this year", 2024, None, 4, "2024/25"),   # April 2024: the financial year 2024/25 has begun
    ("this year", 2024, None, 3, "2023/24"),   # March 2024: still 2023/24
    ("a year", 2024, None, None, None),        # a rate has no year
    ("soon", 2024, None, None, None),          # nor a horizon
    ("that year", 2024, None, None, 2024),     # no year written before: the reference year
    ("that year", 2024, 2019, None, 2019),
    ("that year", None, None, None, None),
    ("the year before", None, None, None, None),
    ("the year before", 2024, "2019/20", None, "2018/19"),
    ("ten years ago", 2024, None, None, 2014),
    ("six weeks ago", 2024, None, None, 2024),
    ("in 2024", 2020, None, None, 2024),
])
def test_more_years_resolved(phrase: str, reference: int | None, last_year: object, fy_month: int | None,
                             year: object) -> None:
    (t,) = find_times(phrase, 0, len(phrase))
    assert t.resolve(reference, last_year, fy_month, 6) == year


@pytest.mark.parametrize(("phrase", "reference", "month", "year"), [
    ("last March", 2023, 3, 2022),        # March 2023: the March before
    ("next March", 2023, 3, 2024),        # March 2023: the March after
    ("last December", 2023, 2, 2022),     # February 2023: the December before
    ("last March", 2023, 6, 2023),        # June 2023: March of the same year
    ("next March", 2023, 6, 2024),
    ("next March", 2023, 2, 2023),
    ("last December", 2023, None, 2022),  # no month known: a year back
    ("last autumn", 2025, 3, 2024),       # March 2025: the autumn before
    ("last summer", 2025, 9, 2025),
])
def test_named_months_resolve_against_the_reference_month(phrase: str, reference: int, month: int | None,
                                                         year: int) -> None:
    (t,) = find_times(phrase, 0, len(phrase))
    assert t.resolve(reference, None, None, month) == year


@pytest.mark.parametrize(("phrase", "reference", "month", "year"), [
    ("this year", 2024, 10, "2024/25"),   # October 2024: the financial year 2024/25
    ("next year", 2024, 10, "2025/26"),
    ("next year", 2025, 2, "2025/26"),    # February 2025 is still in 2024/25
    ("this year", 2024, None, 2024),      # no financial context: the calendar year
    ("last year", 2024, 10, 2023),        # only 'this'/'next year' become financial years
    ("in five years", 2024, None, 2029),
    ("before this decade is out", 2024, None, 2030),
])
def test_relative_years_resolve_against_the_reference(phrase: str, reference: int, month: int | None,
                                                       year: object) -> None:
    (t,) = find_times(phrase, 0, len(phrase))
    assert t.resolve(reference, None, month) == year


def test_the_year_before_reads_the_last_year_written() -> None:
    text = "In 2019 there were 7,600 vacancies, 900 more than the year before."
    t = next(t for t in find_times(text, 0, len(text)) if t.mode == "that")
    assert t.resolve(2020, last_year_before(text, t.start, 0)) == 2018
    assert t.resolve(2020, None) == 2019  # nothing written before: against the reference year


def test_find_times_within_span_only() -> None:
    text = "By 2030 it grows. In 2032 it peaks."
    got = find_times(text, 18, len(text))
    assert [(t.text, t.year) for t in got] == [("In 2032", 2032)]
    text = "Poverty has risen since Labour came to power in July."
    assert find_times(text, 0, text.index("power")) == []  # (a phrase ends within the span too)
    assert [t.text for t in find_times(text, 0, len(text))] == ["since Labour came to power", "in July"]


def test_a_time_word_added_through_configuration_is_read() -> None:
    from caresocial.lexicons import lexicons

    text = "Numbers will rise shortly, to 90,000."
    assert find_times(text, 0, len(text)) == []
    lex = lexicons({"time_words": ["shortly | open"]})
    assert [t.text for t in find_times(text, 0, len(text), lex)] == ["shortly"]


def test_years_written_and_the_last_before() -> None:
    text = "Spending was £1bn in 2019, £2bn in 2021-22 and £3bn in 2024."
    at19, at21, at24 = text.index("2019"), text.index("2021"), text.index("2024")
    assert years_written(text, 0, len(text)) == [(at19, 2019), (at21, "2021/22"), (at24, 2024)]
    assert years_written(text, at19 + 1, at24) == [(at21, "2021/22")]
    assert last_year_before(text, at24, 0) == "2021/22"
    assert last_year_before(text, at21, 0) == 2019
    assert last_year_before(text, at19, 0) is None
    written = years_written(text, 0, len(text))
    assert last_year_before(text, at24, 0, written) == "2021/22"
    assert last_year_before(text, at21, at19, written) == 2019  # a year at the floor counts, one at the position not
    assert last_year_before(text, at19, 0, written) is None


def test_a_time_word_row_without_a_class_is_left_out() -> None:
    from caresocial.lexicons import lexicons

    text = "Councils will act by 2030."
    lex = lexicons({"time_words": ["shortly"]})
    assert [t.text for t in find_times(text, 0, len(text), lex)] == ["by 2030"]
    text = "Vacancies fell in October and by 2030."
    lex = lexicons({"time_words": ["sept | month"]})  # (a month without its number)
    assert [t.text for t in find_times(text, 0, len(text), lex)] == ["in October", "by 2030"]
    text = "Prices rose in fall 2024."
    lex = lexicons({"time_words": ["fall | season"]})  # (a season without its month: a time, no month)
    assert [(t.text, t.month, t.year) for t in find_times(text, 0, len(text), lex)] == [("in fall 2024", None, 2024)]


def test_the_longest_time_word_is_read() -> None:
    from caresocial.lexicons import lexicons

    text = "Rules will change shortly after the election."
    lex = lexicons({"time_words": ["shortly | open", "shortly after | open"]})
    assert [t.text for t in find_times(text, 0, len(text), lex)] == ["shortly after"]


def test_years() -> None:
    assert year_value("2024") == 2024
    assert year_value("2024-25") == "2024/25"
    assert year_value("2029/2030") == "2029/30"
    assert shift_year(2024, -1) == 2023
    assert shift_year("2024/25", 2) == "2026/27"
    assert shift_year("nonsense", 1) is None
    assert shift_year(None, 1) is None
    assert shift_year("2024/25", 0) == "2024/25"
    assert year_value("1998/1999") == "1998/99"
    assert year_value("2015-20") == 2015  # two years that do not follow: the first
    assert year_value("March") is None
