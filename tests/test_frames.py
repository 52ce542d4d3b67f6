"""Tables: DataFrames, Parquet and CSV (with formula injection defused) for figures, claims, quotes, findings."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

import caresocial
from caresocial.io.frames import columns, records
from caresocial.io.output import COLUMNS, csv_cell, to_csv
from caresocial.io.render import CSV_COLUMNS, render
from caresocial.models import ClaimRef, ClaimTime, Document, Finding, Report
from caresocial.runner import run_check, run_extract

from .conftest import FIXTURES

SEEDS = sorted(FIXTURES.glob("seed*.txt"))


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [caresocial.extract(p.read_text(encoding="utf-8"), doc_id=p.stem) for p in SEEDS]


@pytest.fixture(scope="module")
def report(docs: list[Document]) -> Report:
    found = caresocial.check(docs)
    assert found.findings
    return found


def _extract(paths: list[Path], fmt: str, output: Path | None, table: str = "figures") -> int:
    return run_extract(paths, fmt=fmt, output=output, date=None, publisher=None, table=table, include_text=False,
                       jobs=1, config_path=None, progress=False)


def _check(paths: list[Path], fmt: str, output: Path | None) -> int:
    return run_check(paths, fmt=fmt, output=output, fail_on="never", baseline=None, write_baseline=None,
                     show_agreements=False, date=None, publisher=None, jobs=1, config_path=None, progress=False)


# ------------------------------------------------------------------------------------------------- rows


def test_records_split_mixed_columns(docs: list[Document]) -> None:
    figs = records(docs, "figures")
    assert len(figs) == sum(len(d.figures) for d in docs)
    fy = next(r for r in figs if r["value_text"] == "2026/27")
    assert fy["value"] is None and fy["kind"] == "year"
    money = next(r for r in figs if r["text"] == "£2.6bn")
    assert money["value"] == 2.6e9 and money["value_text"] is None and money["unit"] == "GBP"
    claims = records(docs, "claims")
    assert any(r["year_text"] == "2026/27" and r["year"] is None for r in claims)
    assert any(isinstance(r["year"], int) and r["year_text"] is None for r in claims)


def test_records_refuse_unknown_tables_and_wrong_objects(docs: list[Document], report: Report) -> None:
    with pytest.raises(ValueError, match="unknown table 'people'"):
        records(docs, "people")
    with pytest.raises(TypeError, match="a Report has no figures"):
        records(report, "figures")


# ------------------------------------------------------------------------------------------- dataframes


@pytest.mark.parametrize("table", ["figures", "claims", "quotes"])
def test_dataframe_one_row_per_record(docs: list[Document], table: str) -> None:
    pytest.importorskip("pandas")
    df = caresocial.to_dataframe(docs, table)
    assert list(df.columns) == list(columns(table))
    assert len(df) == sum(len(getattr(d, table)) for d in docs) > 0
    assert set(df["doc_id"]) <= {d.doc_id for d in docs}
    assert (df["end"] > df["start"]).all()
    assert df["page"].dtype == "Int64" and df["page"].isna().all()  # text inputs have no pages


def test_dataframe_types_and_flat_fields(docs: list[Document]) -> None:
    pytest.importorskip("pandas")
    figs = caresocial.to_dataframe(docs[3], table="figures")
    assert str(figs["value"].dtype) == "float64"
    assert figs.loc[figs["text"] == "£2.6bn", "value"].item() == 2.6e9
    claims = caresocial.to_dataframe(docs, "claims")
    assert claims["year"].dtype == "Int64"
    assert {"relation", "time_as_written", "resolved_against", "speaker", "measure"} <= set(claims.columns)
    quotes = caresocial.to_dataframe(docs, "quotes")
    assert "Keith Glazier" in set(quotes["speaker"].dropna())


def test_dataframe_of_findings_one_row_per_side(docs: list[Document], report: Report) -> None:
    pytest.importorskip("pandas")
    df = caresocial.to_dataframe(report, "findings")
    assert list(df.columns) == list(columns("findings"))
    assert len(df) == sum(len(f.claims) for f in report.findings)
    assert set(df["rule"]) == {f.rule for f in report.findings}
    assert len(caresocial.to_dataframe(docs, "findings")) == len(df)  # Documents are checked first
    assert len(caresocial.to_dataframe(list(report.findings)[:1], "findings")) == len(report.findings[0].claims)


def test_dataframe_without_pandas_names_the_extra(docs: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"needs pandas: pip install 'caresocial\[pandas\]'"):
        caresocial.to_dataframe(docs)


# ---------------------------------------------------------------------------------------------- parquet


@pytest.mark.parametrize("table", ["figures", "claims", "quotes"])
def test_extract_parquet(tmp_path: Path, table: str) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / f"{table}.parquet"
    assert _extract(SEEDS, "parquet", out, table) == 0
    got = pq.read_table(out)
    assert got.column_names == list(columns(table))
    csv_out = tmp_path / f"{table}.csv"
    assert _extract(SEEDS, "csv", csv_out, table) == 0
    assert got.num_rows == len(list(csv.DictReader(csv_out.open(encoding="utf-8")))) > 0
    if table != "quotes":
        assert str(got.schema.field("value").type) == "double"


def test_check_csv_and_parquet_findings(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "findings.parquet"
    assert _check(SEEDS, "parquet", out) == 0
    got = pq.read_table(out)
    assert got.column_names == list(columns("findings"))
    csv_out = tmp_path / "findings.csv"
    assert _check(SEEDS, "csv", csv_out) == 0
    rows = list(csv.DictReader(csv_out.open(encoding="utf-8")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert got.num_rows == len(rows) > 0
    assert got.column("fingerprint").to_pylist() == [r["fingerprint"] for r in rows]


def test_parquet_needs_output_and_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _extract(SEEDS[:1], "parquet", None) == 2
    assert "--format parquet writes a binary file: give --output FILE" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "x.parquet"
    assert _extract(SEEDS[:1], "parquet", out) == 2
    assert _check(SEEDS[:1], "parquet", out) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["caresocial: --format parquet needs pyarrow: pip install 'caresocial[parquet]'"] * 2
    assert not out.exists()


# ------------------------------------------------------------------------------------------------- csv


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_formula_like_cells_get_an_apostrophe(cell: str) -> None:
    want = "'" + cell.replace("\r", "\n")  # a lone CR becomes a newline, so that the cell is quoted
    assert csv_cell(cell) == want
    assert list(csv.reader(io.StringIO(to_csv([{"a": cell}], ("a",)), newline=""))) == [["a"], [want]]


@pytest.mark.parametrize("value", ["plain", "a=b", "", -5, -2.5, 0])
def test_other_cells_are_unchanged(value: object) -> None:
    assert csv_cell(value) == value
    assert csv_cell(None) == ""


@pytest.mark.parametrize(("value", "cell"), [(True, "true"), (False, "false")])
def test_csv_booleans_are_lower_case_as_in_json(value: bool, cell: str) -> None:
    assert csv_cell(value) == cell
    assert to_csv([{"approx": value}], ("approx",)) == f"approx\n{cell}\n"


@pytest.mark.parametrize("table", ["figures", "claims", "quotes"])
def test_extract_csv_every_table_defused(tmp_path: Path, table: str) -> None:
    src = tmp_path / "hostile.txt"
    src.write_text("=SUM(A1:A2) There were 82,170 children in care in 2022, the council said.\n", encoding="utf-8")
    out = tmp_path / f"{table}.csv"
    assert _extract([src], "csv", out, table) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS[table] and rows
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values())
    if table == "claims":
        assert rows[0]["sentence"].startswith("'=SUM(A1:A2) There were")


def test_findings_csv_defused() -> None:
    ref = ClaimRef(doc_id="d", claim="c1", start=0, end=3, line=1, column=1, text="-£5m", sentence="@x said -£5m.",
                   value=-5e6, unit="GBP", time=ClaimTime(relation="at", year=2024), speaker="=cmd|' /C calc'!A0")
    finding = Finding(rule="value-conflict", severity="error", message="=HYPERLINK(\"http://x\",\"y\")",
                      measure="+cost", claims=(ref, ref), fingerprint="f")
    rows = list(csv.DictReader(io.StringIO(render(Report(findings=(finding,)), "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 2
    assert rows[0]["message"] == "'=HYPERLINK(\"http://x\",\"y\")" and rows[0]["measure"] == "'+cost"
    assert rows[0]["text"] == "'-£5m" and rows[0]["sentence"] == "'@x said -£5m." and rows[0]["value"] == "-5000000.0"
    assert rows[0]["speaker"].startswith("'=cmd")
