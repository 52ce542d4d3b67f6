"""HTML, PDF and DOCX inputs: the same paragraphs give the same figures as the plain-text version."""

from __future__ import annotations

import json
import sys
from html import escape
from pathlib import Path

import pytest

import caresocial
from caresocial.errors import InputError
from caresocial.io.inputs import discover, read_source
from caresocial.runner import run_extract

from .conftest import FIXTURES

PLAIN = FIXTURES / "seed003.txt"
PARAGRAPHS = PLAIN.read_text(encoding="utf-8").strip().split("\n\n")
PAGE_BREAK = 7  # the PDF starts a new page at this paragraph


def hide(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """Make ``import module`` (and its submodules) fail, as if the extra were not installed."""
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")] + [module]:
        monkeypatch.setitem(sys.modules, name, None)


def figures(text: str) -> list[tuple[str, str, object, str | None]]:
    return [(f.text, f.kind, f.value, f.unit) for f in caresocial.extract(text).figures]


@pytest.fixture(scope="module")
def expected() -> list[tuple[str, str, object, str | None]]:
    found = figures(PLAIN.read_text(encoding="utf-8"))
    assert len(found) >= 10
    return found


def make_html(path: Path) -> Path:
    """A news page: navigation, a related-links sidebar and a footer around the article, all with numbers."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS[1:])
    path.write_text(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(PARAGRAPHS[0])} | CCN</title></head>
<body>
<header><a href="/">County Councils Network</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/about">About: 37 county councils</a></li>
<li><a href="/2024">Spending review 2024</a></li></ul></nav></header>
<main><article><h1>{escape(PARAGRAPHS[0])}</h1>
{body}
</article></main>
<aside><h3>Related</h3><ul><li><a href="/x">Councils overspent by £1.3bn in 2022</a></li>
<li><a href="/y">Share this: 4,500 shares</a></li></ul></aside>
<footer><p>© 2024 County Councils Network. Registered charity 1234567. 25 Buckingham Gate, London.</p>
<p><a href="/cookies">Cookies</a> | <a href="/privacy">Privacy</a></p></footer>
</body></html>
""", encoding="utf-8")
    return path


def make_pdf(path: Path) -> Path:
    """A two-page A4 PDF, justified paragraphs wrapped over several lines."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # curly quotes, dashes and £ with the built-in Helvetica
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for i, para in enumerate(PARAGRAPHS):
        if i == PAGE_BREAK:
            pdf.add_page()
        pdf.multi_cell(0, 5, para, align="J", new_x="LMARGIN", new_y="NEXT")  # 11pt type on 5 mm lines
        pdf.ln(6)
    pdf.output(str(path))
    return path


def make_docx(path: Path, *, table: bool = False) -> Path:
    """A Word document with the paragraphs, a header and a footer (boilerplate), and optionally a table."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "CCN briefing 2024 – page 1 of 3"
    section.footer.paragraphs[0].text = "© 2024 County Councils Network, charity 1234567"
    document.add_heading(PARAGRAPHS[0], level=1)
    for para in PARAGRAPHS[1:]:
        document.add_paragraph(para)
    if table:
        grid = document.add_table(rows=2, cols=2)
        for r, (a, b) in enumerate([("Year", "Children in care"), ("2022", "82,170")]):
            grid.cell(r, 0).text, grid.cell(r, 1).text = a, b
    document.save(str(path))
    return path


def test_html_main_text_keeps_the_article_and_drops_boilerplate(tmp_path: Path, expected: list) -> None:
    pytest.importorskip("trafilatura")
    got = read_source(make_html(tmp_path / "news.html"))
    assert got.text == "\n\n".join(PARAGRAPHS)
    assert figures(got.text) == expected
    assert got.pages == ()


def test_pdf_figures_match_the_plain_text_and_pages_are_kept(tmp_path: Path, expected: list) -> None:
    pytest.importorskip("pdfminer")
    got = read_source(make_pdf(tmp_path / "briefing.pdf"))
    assert figures(got.text) == expected
    assert got.text.split("\n\n") == PARAGRAPHS  # wrapped lines joined, justified spacing collapsed
    assert got.pages == (0, got.text.index(PARAGRAPHS[PAGE_BREAK]))
    doc = caresocial.extract(got.text).model_copy(update={"pages": got.pages})
    pages = {f.text: doc.page_of(f.start) for f in doc.figures}
    assert pages["£200m"] == 1 and pages["£2.6bn"] == 2


def test_docx_body_text_without_header_and_footer(tmp_path: Path, expected: list) -> None:
    got = read_source(make_docx(tmp_path / "briefing.docx"))
    assert got.text == "\n\n".join(PARAGRAPHS)
    assert figures(got.text) == expected


def test_docx_tables_are_read_row_by_row(tmp_path: Path) -> None:
    got = read_source(make_docx(tmp_path / "t.docx", table=True))
    assert got.text.endswith("\n\nYear | Children in care\n\n2022 | 82,170")


@pytest.mark.parametrize(("name", "module", "fmt", "extra"), [
    ("page.html", "trafilatura", "HTML", "html"),
    ("report.PDF", "pdfminer", "PDF", "pdf"),
    ("note.docx", "docx", "DOCX", "docx"),
])
def test_missing_extra_is_one_line_naming_file_and_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         name: str, module: str, fmt: str, extra: str) -> None:
    hide(monkeypatch, module)
    path = tmp_path / name
    path.write_bytes(b"anything")
    with pytest.raises(InputError) as e:
        read_source(path)
    assert str(e.value) == f"{path}: reading {fmt} needs the '{extra}' extra: pip install 'caresocial[{extra}]'"


def test_missing_extra_exits_2_and_other_files_are_still_processed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    make_pdf(tmp_path / "a.pdf")
    (tmp_path / "b.txt").write_text(PLAIN.read_text(encoding="utf-8"), encoding="utf-8")
    hide(monkeypatch, "pdfminer")
    out = tmp_path / "out.jsonl"
    code = run_extract([tmp_path], fmt="jsonl", output=out, date=None, publisher=None, table=None,
                       include_text=False, jobs=1, config_path=None, progress=False)
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"caresocial: {tmp_path / 'a.pdf'}: reading PDF needs the 'pdf' extra: pip install 'caresocial[pdf]'"]
    assert [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["b"]


@pytest.mark.parametrize(("name", "problem"), [
    ("bad.pdf", "not a readable PDF"),
    ("bad.docx", "not a readable DOCX file"),
])
def test_broken_files_are_one_line_errors(tmp_path: Path, name: str, problem: str) -> None:
    pytest.importorskip("pdfminer")
    path = tmp_path / name
    path.write_bytes(b"this is not what the suffix says\n")
    with pytest.raises(InputError) as e:
        read_source(path)
    assert str(e.value).startswith(f"{path}: {problem} (") and "\n" not in str(e.value)


def test_folders_are_searched_for_every_format(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.pdf", "f.docx", "g.png", "h.doc"):
        (tmp_path / name).write_bytes(b"x")
    found, errors = discover([tmp_path])
    assert [s.path.name for s in found] == ["a.txt", "b.md", "c.html", "d.htm", "e.pdf", "f.docx"] and not errors


def test_include_text_shows_the_text_offsets_refer_to(tmp_path: Path) -> None:
    pytest.importorskip("pdfminer")
    make_pdf(tmp_path / "briefing.pdf")
    make_docx(tmp_path / "briefing.docx")
    out = tmp_path / "out.jsonl"
    code = run_extract([tmp_path], fmt="jsonl", output=out, date=None, publisher=None, table=None,
                       include_text=True, jobs=1, config_path=None, progress=False)
    assert code == 0
    docs = {d["path"].rsplit(".", 1)[1]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len({d["doc_id"] for d in docs.values()}) == 2  # same stem, distinct ids
    for d in docs.values():
        assert d["figures"] and all(d["text"][f["start"]:f["end"]] == f["text"] for f in d["figures"])
    assert docs["pdf"]["pages"] == [0, docs["pdf"]["text"].index(PARAGRAPHS[PAGE_BREAK])]
    assert docs["docx"]["pages"] == []


def test_csv_has_the_page_of_each_pdf_figure(tmp_path: Path) -> None:
    pytest.importorskip("pdfminer")
    make_pdf(tmp_path / "briefing.pdf")
    out = tmp_path / "figures.csv"
    assert run_extract([tmp_path], fmt="csv", output=out, date=None, publisher=None, table="figures",
                       include_text=False, jobs=1, config_path=None, progress=False) == 0
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["text"]: r["page"] for r in rows}["£2.6bn"] == "2"
