"""Claims of figures in tables written in the text (Markdown pipe tables): a cell measures its column's heading
at its row's year, or its row's label at its column's year; a heading row states nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import caresocial

D = dt.date(2024, 11, 14)


def _claims(text: str) -> list[tuple[str, str | None, str, int | str | None]]:
    doc = caresocial.extract(text, doc_id="t", date=D)
    return [(text[c.start:c.end], c.measure, c.time.relation, c.time.year) for c in doc.claims]


def test_a_cell_measures_its_heading_at_its_rows_year() -> None:
    text = ("Children looked after\n\n| Year | Children looked after | Rate per 10,000 |\n|---|---|---|\n"
            "| 2022 | 82,170 | 70 |\n| 2023 | 83,840 | 71 |\n")
    assert _claims(text) == [("82,170", "children in care", "at", 2022), ("70", "rate", "at", 2022),
                             ("83,840", "children in care", "at", 2023), ("71", "rate", "at", 2023)]


def test_a_cell_measures_its_rows_label_at_its_columns_year() -> None:
    text = ("Spending by service\n\n| Service | 2022-23 | 2023-24 |\n|---|---|---|\n"
            "| Adult social care | £20.1bn | £21.4bn |\n| Children's services | £12.0bn | £13.2bn |\n")
    assert _claims(text) == [("£20.1bn", "adult social care", "at", "2022/23"),
                             ("£21.4bn", "adult social care", "at", "2023/24"),
                             ("£12.0bn", "children's services", "at", "2022/23"),
                             ("£13.2bn", "children's services", "at", "2023/24")]


def test_a_series_in_a_table_is_no_conflict_and_a_slip_against_it_is() -> None:
    table = caresocial.extract("| Year | Children looked after |\n|---|---|\n| 2023 | 83,840 |\n| 2024 | 83,630 |\n",
                               doc_id="a", date=D)
    prose = caresocial.extract("There were 83,360 children in care in England in March 2024.", doc_id="b",
                               date=dt.date(2024, 12, 1))
    assert not caresocial.check([table]).findings
    found = caresocial.check([table, prose]).findings
    assert [sorted(c.text for c in f.claims) for f in found] == [["83,360", "83,630"]]


def test_pipes_that_make_no_table_are_prose() -> None:
    assert _claims("Councils spent £4m | a rise of 5% in 2024.") == [("£4m", "councils spending", "at", 2024),
                                                                     ("5%", "change in councils spending", "over",
                                                                      2024)]


def test_rows_of_cells_joined_by_bars_are_a_table_with_its_heading_first() -> None:
    """The Word reader writes a table as rows of cells joined by ' | ', one paragraph each."""
    text = ("Spending by service\n\nService | 2022-23 | 2023-24\n\nAdult social care | £20.1bn | £21.4bn\n\n"
            "Libraries | £0.7bn | £0.8bn\n\nSpending fell | £1m in 2024 | so they say")
    got = _claims(text)
    assert got[:4] == [("£20.1bn", "adult social care", "at", "2022/23"),
                       ("£21.4bn", "adult social care", "at", "2023/24"),
                       ("£0.7bn", "libraries", "at", "2022/23"), ("£0.8bn", "libraries", "at", "2023/24")]


def test_a_word_document_table_is_read_as_a_table(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Looked after children")
    table = d.add_table(rows=3, cols=2)
    for r, row in enumerate([["Year", "Children looked after"], ["2023", "83,840"], ["2024", "83,630"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.save(tmp_path / "t.docx")
    doc = caresocial.extract(tmp_path / "t.docx")
    assert [(c.measure, c.value, c.time.year) for c in doc.claims] == [("children in care", 83840, 2023),
                                                                       ("children in care", 83630, 2024)]
