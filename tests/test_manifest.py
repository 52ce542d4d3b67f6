"""Per-document metadata through every input path, and extract once / check many times (issue #19)."""

from __future__ import annotations

import importlib.util
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import caresocial
from caresocial.cli import app
from caresocial.config import Config
from caresocial.dates import DateError, parse_date
from caresocial.io.corpus import Entry, Meta, gather, load
from caresocial.io.inputs import front_matter
from caresocial.io.readers import FileMeta, html_meta, real_title
from caresocial.runner import run_check, run_extract

from .conftest import FIXTURES, SHARED

SEEDS = sorted(FIXTURES.glob("seed*.txt"))
# an unattributed figure: its speaker is the publisher; "last year" resolves against the document date
MEMO = "Councils spent £5m on respite care last year, up from £4m.\n"


def cli(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr.splitlines()


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def meta_of(doc: dict[str, Any]) -> tuple[Any, ...]:
    return doc["doc_id"], doc["date"], doc["date_source"], doc["publisher"], doc["title"], doc["url"]


def spoken_by(doc: dict[str, Any]) -> set[str | None]:
    return {f["speaker"]["name"] if f["speaker"] else None for f in doc["figures"] if f["kind"] == "money"}


# ----------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(("value", "expected"), [
    ("2024", date(2024, 1, 1)),
    ("2024-11", date(2024, 11, 1)),
    ("2024-11-13", date(2024, 11, 13)),
    (" 2024-11-13 ", date(2024, 11, 13)),
    ("2023-02-02T09:30:00+00:00", date(2023, 2, 2)),
    ("2023-02-02 09:30", date(2023, 2, 2)),
    (date(2020, 6, 1), date(2020, 6, 1)),
    (None, None),
])
def test_dates_in_the_accepted_forms(value: Any, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["23/05/2022", "May 2022", "2024-13", "2023-02-30", "20240101", "", "2024-1-5", 2024])
def test_other_dates_are_rejected_never_guessed(value: Any) -> None:
    with pytest.raises(DateError):
        parse_date(value)


# ------------------------------------------------------------------------------------------- manifests
def test_manifest_gives_each_document_its_own_metadata(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "memo.txt").write_text(MEMO, encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(x) for x in [
        {"path": "docs/memo.txt", "publisher": "Carers Trust", "date": "2021-06", "title": "Memo", "url": "https://e.org/m"},
        {"text": MEMO, "doc_id": "second", "publisher": "Age UK", "date": "2019"},
        {"text": MEMO},
    ]) + "\n", encoding="utf-8")
    code, out, err = cli("extract", str(manifest), "--publisher", "Default Pub", "--date", "2015-05-05")
    assert (code, err) == (0, [])
    docs = records(out)
    assert [meta_of(d) for d in docs] == [
        ("memo", "2021-06-01", "manifest", "Carers Trust", "Memo", "https://e.org/m"),
        ("second", "2019-01-01", "manifest", "Age UK", docs[1]["title"], None),
        (docs[2]["doc_id"], "2015-05-05", "given", "Default Pub", docs[2]["title"], None),
    ]
    assert docs[0]["path"] == str(tmp_path / "docs" / "memo.txt") and docs[2]["doc_id"] == docs[2]["text_sha256"][:12]
    assert [spoken_by(d) for d in docs] == [{"Carers Trust"}, {"Age UK"}, {"Default Pub"}]
    years = [{c["time"]["year"] for c in d["claims"] if c["kind"] == "money"} for d in docs]
    assert 2020 in years[0] and 2018 in years[1] and 2014 in years[2]  # "last year" against each one's own date


def test_manifest_on_standard_input(tmp_path: Path) -> None:
    line = json.dumps({"text": MEMO, "doc_id": "memo", "publisher": "Carers Trust", "date": "2021-06-30"})
    code, out, err = cli("extract", "-", stdin=line + "\n")
    assert (code, err) == (0, [])
    assert [meta_of(d)[:4] for d in records(out)] == [("memo", "2021-06-30", "manifest", "Carers Trust")]


def test_manifest_paths_are_relative_to_the_manifest_and_stdin_to_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    corpus = gather(["-"], defaults=Config(), stdin=io.BytesIO(b'{"path": "memo.txt"}\n'))
    assert [e.path for e in corpus.items] == [Path("memo.txt")]  # type: ignore[union-attr]
    monkeypatch.chdir(tmp_path)
    assert load(corpus.items[0]).text == MEMO  # type: ignore[arg-type]


@pytest.mark.parametrize(("line", "problem"), [
    ("{broken", "m.jsonl:2: not a JSON object (Expecting property name enclosed in double quotes at column 2)"),
    ('["a"]', "m.jsonl:2: not a JSON object"),
    ('{"text": "x", "publsher": "Typo"}', "m.jsonl:2: unknown key 'publsher' (a manifest line has text, path, doc_id, "
                                          "date, publisher, title, url)"),
    ('{"publisher": "P"}', "m.jsonl:2: give either 'text' or 'path'"),
    ('{"text": "x", "path": "y.txt"}', "m.jsonl:2: give either 'text' or 'path'"),
    ('{"text": "x", "date": "23/05/2022"}', "m.jsonl:2: date '23/05/2022' is not a date in YYYY, YYYY-MM or "
                                            "YYYY-MM-DD form"),
    ('{"text": 5}', "m.jsonl:2: text must be a string"),
    ('{"path": "missing.txt"}', "m.jsonl:2: {dir}/missing.txt: no such file"),
    ('{"text": "x", "doc_id": "good"}', "m.jsonl:2: doc_id 'good' is already used; skipped"),
    ('{"doc_id": "r", "text_sha256": "0", "length": -1}', "m.jsonl:2: not a valid Document record (length: Input "
                                                          "should be greater than or equal to 0)"),
])
def test_a_bad_manifest_line_is_one_error_and_the_others_are_extracted(tmp_path: Path, line: str,
                                                                       problem: str) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"text": MEMO, "doc_id": "good"}) + "\n" + line + "\n\n"
                        + json.dumps({"text": "It cost £2m.", "doc_id": "last"}) + "\n", encoding="utf-8")
    code, out, err = cli("extract", str(manifest))
    assert code == 2
    assert err == [f"caresocial: {tmp_path}/{problem.format(dir=tmp_path)}"]
    assert [d["doc_id"] for d in records(out)] == ["good", "last"]


# ------------------------------------------------------------------------------------- file metadata
FRONT = ("---\ntitle: Respite memo\nauthor: Ann Writer\npublisher: 'Carers Trust'\ndate: 2021-06\n"
         "url: https://e.org/m\ntags: care\n---\n" + MEMO)


@pytest.mark.parametrize(("text", "expected"), [
    (FRONT, FileMeta("Respite memo", "2021-06", "Carers Trust", "https://e.org/m")),
    ("---\nauthor: Carers Trust\ncanonical_url: https://e.org/x\n---\nBody", FileMeta(None, None, "Carers Trust",
                                                                                     "https://e.org/x")),
    ("No front matter here.\n---\ndate: 2020\n---\n", FileMeta()),
    ("---\nnot closed\ndate: 2020\n", FileMeta()),
])
def test_front_matter(text: str, expected: FileMeta) -> None:
    assert front_matter(text) == expected


def test_front_matter_wins_over_the_command_line_defaults(tmp_path: Path) -> None:
    (tmp_path / "memo.md").write_text(FRONT, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(MEMO, encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path), "--date", "2015-05-05", "--publisher", "Default Pub")
    assert (code, err) == (0, [])
    docs = records(out)
    assert [meta_of(d)[:5] for d in docs] == [
        ("memo", "2021-06-01", "front matter", "Carers Trust", "Respite memo"),
        ("plain", "2015-05-05", "given", "Default Pub", docs[1]["title"])]
    assert [spoken_by(d) for d in docs] == [{"Carers Trust"}, {"Default Pub"}]


def test_nothing_is_read_from_the_front_matter_but_the_metadata(tmp_path: Path) -> None:
    """The front matter's date is no figure and its title no statement; offsets and the digest are the file's."""
    import hashlib

    (tmp_path / "memo.md").write_text(FRONT, encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path))
    assert (code, err) == (0, [])
    (doc,) = records(out)
    body = FRONT.index(MEMO)
    assert [(f["text"], f["start"] - body) for f in doc["figures"]] == [("£5m", 15), ("£4m", 54)]
    assert all(q["start"] >= body for q in doc["quotes"])
    assert doc["text_sha256"] == hashlib.sha256(FRONT.encode("utf-8")).hexdigest()
    # the same through the Python API: a text that opens with front matter
    assert [f.text for f in caresocial.extract(FRONT).figures] == ["£5m", "£4m"]
    # a block of other lines than 'key: value' between rules is text, read as such
    ruled = "---\nCouncils spent £7m.\n---\n" + MEMO
    assert [f.text for f in caresocial.extract(ruled).figures][:1] == ["£7m"]


DATELINED = "Carers Trust\n12 March 2021\n\nRespite care cost councils £2m last year.\n"


def test_a_dateline_in_the_text_wins_over_the_command_line_default(tmp_path: Path) -> None:
    """--date is a default: a text that states its own date (a dateline) keeps it; one that does not takes it."""
    (tmp_path / "dated.txt").write_text(DATELINED, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(MEMO, encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path), "--date", "2015-05-05")
    assert (code, err) == (0, [])
    assert [meta_of(d)[:3] for d in records(out)] == [
        ("dated", "2021-03-12", "dateline"), ("plain", "2015-05-05", "given")]
    last_year = next(c for c in records(out)[0]["claims"] if c["value"] == 2_000_000)
    assert last_year["time"]["year"] == 2020  # 'last year' read against the dateline


def test_a_date_given_in_python_wins_over_the_dateline_and_a_default_does_not() -> None:
    assert caresocial.extract(DATELINED, date="2015-05-05").date == date(2015, 5, 5)
    assert caresocial.extract(DATELINED, default_date="2015-05-05").date == date(2021, 3, 12)
    assert caresocial.extract(MEMO, default_date="2015-05").date == date(2015, 5, 1)
    docs = caresocial.extract_many([(DATELINED, {"default_date": "2015", "default_publisher": "Fallback"})])
    assert [(d.date, d.date_source) for d in docs] == [(date(2021, 3, 12), "dateline")]


def test_a_default_publisher_only_for_a_text_without_its_own() -> None:
    text = "Carers Trust said costs rose to £2m.\n"
    doc = caresocial.extract(text, default_publisher="Fallback Org")
    assert doc.publisher == "Fallback Org"
    assert caresocial.extract(text, publisher="Given Org").publisher == "Given Org"


def test_a_bad_front_matter_date_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ndate: 31/12/2020\n---\nIt cost £2m.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(MEMO, encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path))
    assert code == 2 and [d["doc_id"] for d in records(out)] == ["good"]
    assert err == [f"caresocial: {tmp_path / 'bad.md'}: front matter date '31/12/2020' is not a date in YYYY, "
                   "YYYY-MM or YYYY-MM-DD form"]


def test_configured_rule_between_the_files_own_metadata_and_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "a.txt").write_text(MEMO, encoding="utf-8")
    (tmp_path / "press" / "b.md").write_text("---\npublisher: Own Pub\n---\n" + MEMO, encoding="utf-8")
    (tmp_path / "other.txt").write_text(MEMO, encoding="utf-8")
    cfg = tmp_path / "caresocial.toml"
    cfg.write_text('[[documents]]\npath = "*/press/*"\ndate = "2022-03"\npublisher = "Rule Pub"\n', encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path), "--config", str(cfg), "--date", "2015", "--publisher", "CLI Pub")
    assert (code, err) == (0, [])
    assert [meta_of(d)[:4] for d in records(out)] == [
        ("other", "2015-01-01", "given", "CLI Pub"),
        ("a", "2022-03-01", "configuration", "Rule Pub"),
        ("b", "2022-03-01", "configuration", "Own Pub")]


PAGE = """<!doctype html><html><head><title>Councils warn | Example</title>
<meta property="og:site_name" content="County Councils Network">
<meta property="og:title" content="Councils warn of respite costs">
<meta property="article:published_time" content="2023-02-02T09:00:00+00:00">
<link rel="canonical" href="https://www.example.org/news/respite"></head>
<body><main><article><h1>Councils warn of respite costs</h1><p>{body}</p></article></main>
<footer><p>© 2024 County Councils Network</p></footer></body></html>"""


def test_html_page_metadata_but_never_a_date_guessed_from_the_text() -> None:
    pytest.importorskip("trafilatura")
    page = PAGE.format(body=MEMO.strip()).encode()
    assert html_meta(page) == FileMeta("Councils warn of respite costs", "2023-02-02", "County Councils Network",
                                       "https://www.example.org/news/respite")
    bare = b"<html><head><title>Respite</title></head><body><article><p>" + MEMO.encode() * 3 + \
        b"</p></article><footer>\xc2\xa9 2024 Example Ltd</footer></body></html>"
    assert html_meta(bare).date is None and html_meta(bare).publisher is None


def test_html_metadata_through_the_command_line(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    (tmp_path / "page.html").write_text(PAGE.format(body=MEMO.strip() + " " + MEMO.strip()), encoding="utf-8")
    code, out, err = cli("extract", str(tmp_path), "--publisher", "Default Pub", "--date", "2015")
    assert (code, err) == (0, [])
    (doc,) = records(out)
    assert meta_of(doc) == ("page", "2023-02-02", "page metadata", "County Councils Network",
                            "Councils warn of respite costs", "https://www.example.org/news/respite")


@pytest.mark.parametrize(("title", "kept"), [
    ("Children's social care: market study", "Children's social care: market study"),
    ("Microsoft Word - report final.docx", None), ("untitled", None), ("report_v3.pdf", None), ("  ", None),
])
def test_document_property_titles_that_software_makes_up_are_dropped(title: str, kept: str | None) -> None:
    assert real_title(title) == kept


def test_docx_title_from_its_properties(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "Respite care briefing"
    document.add_paragraph(MEMO.strip())
    document.save(str(tmp_path / "brief.docx"))
    doc = caresocial.extract(tmp_path / "brief.docx")
    assert (doc.doc_id, doc.title, doc.path) == ("brief", "Respite care briefing", str(tmp_path / "brief.docx"))


def test_pdf_title_from_its_properties(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pytest.importorskip("pdfminer")
    pdf = fpdf.FPDF()
    pdf.set_title("Respite care briefing")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, "Councils spent 5 million pounds on respite care in 2021.")
    pdf.output(str(tmp_path / "brief.pdf"))
    assert caresocial.extract(tmp_path / "brief.pdf").title == "Respite care briefing"


# ------------------------------------------------------------------------------------------ Python API
def test_extract_takes_a_date_string_or_rejects_it() -> None:
    doc = caresocial.extract(MEMO, date="2020-06-01", publisher="Carers Trust", title="Memo", url="https://e.org")
    assert (doc.date, doc.date_source, doc.title, doc.url) == (date(2020, 6, 1), "given", "Memo", "https://e.org")
    assert caresocial.extract(MEMO, date="2020-06").date == date(2020, 6, 1)
    with pytest.raises(DateError, match="'01/06/2020' is not a date"):
        caresocial.extract(MEMO, date="01/06/2020")


def test_extract_many_takes_the_same_fields_and_rejects_unknown_ones() -> None:
    docs = list(caresocial.extract_many([(MEMO, {"doc_id": "a", "date": "2021", "title": "T", "url": "u"})]))
    assert (docs[0].date, docs[0].title, docs[0].url) == (date(2021, 1, 1), "T", "u")
    with pytest.raises(ValueError, match="unknown option 'dat'"):
        list(caresocial.extract_many([(MEMO, {"dat": "2021"})]))


def test_extract_a_file_or_fail_clearly(tmp_path: Path) -> None:
    (tmp_path / "memo.md").write_text(FRONT, encoding="utf-8")
    doc = caresocial.extract(tmp_path / "memo.md")
    assert (doc.doc_id, doc.date, doc.date_source, doc.publisher) == ("memo", date(2021, 6, 1), "front matter",
                                                                      "Carers Trust")
    given = caresocial.extract(tmp_path / "memo.md", doc_id="x", date="2022-02-02", publisher="Other")
    assert (given.doc_id, given.date, given.date_source, given.publisher) == ("x", date(2022, 2, 2), "given", "Other")
    with pytest.raises(caresocial.InputError, match=r"missing\.txt: no such file"):
        caresocial.extract(tmp_path / "missing.txt")
    with pytest.raises(TypeError, match=r"takes a text \(str\) or a file \(pathlib.Path\), not bytes"):
        caresocial.extract(b"bytes")  # type: ignore[arg-type]


def test_load_keeps_given_over_file_over_defaults(tmp_path: Path) -> None:
    (tmp_path / "memo.md").write_text(FRONT, encoding="utf-8")
    entry = Entry("memo", tmp_path / "memo.md", given=Meta(publisher="Given"),
                  defaults=Meta(date=date(2000, 1, 1), date_source="given", url="https://default"))
    got = load(entry)
    assert got.meta == Meta(date(2021, 6, 1), "front matter", "Given", "Respite memo", "https://e.org/m")


# ------------------------------------------------------------------------------- extract once, check many
def test_extracted_records_are_checked_without_extracting_again(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    assert run_extract(SEEDS, fmt="jsonl", output=out, date=None, publisher=None, table=None, include_text=False,
                       jobs=1, config_path=None, progress=False) == 0
    texts_json, records_json = tmp_path / "texts.json", tmp_path / "records.json"
    assert run_check(SEEDS, fmt="json", output=texts_json, fail_on="never", baseline=None, write_baseline=None,
                     show_agreements=True, date=None, publisher=None, jobs=1, config_path=None, progress=False) == 0
    import caresocial.extraction.pipeline as pipeline

    monkeypatch.setattr(pipeline, "get_nlp", lambda *a, **k: pytest.fail("records were extracted again"))
    assert run_check([out], fmt="json", output=records_json, fail_on="never", baseline=None, write_baseline=None,
                     show_agreements=True, date=None, publisher=None, jobs=1, config_path=None, progress=False) == 0
    want, got = json.loads(texts_json.read_text()), json.loads(records_json.read_text())
    assert want["findings"] and got["findings"] == want["findings"] and got["agreements"] == want["agreements"]


def test_extract_piped_into_check_gives_the_findings_of_check_on_the_texts() -> None:
    code, extracted, err = cli("extract", *map(str, SEEDS), "--format", "jsonl")
    assert (code, err) == (0, [])
    on_texts = cli("check", *map(str, SEEDS), "--format", "json")
    piped = cli("check", "-", "--format", "json", stdin=extracted)
    assert piped[0] == on_texts[0] == 1 and piped[2] == on_texts[2] == []
    assert json.loads(piped[1])["findings"] == json.loads(on_texts[1])["findings"] != []


def test_records_with_text_and_texts_mix_in_one_run(tmp_path: Path) -> None:
    """Records written with --include-text give SARIF its context too; a record and a text file are one corpus."""
    code, extracted, _ = cli("extract", str(SEEDS[-1]), "--include-text")
    assert code == 0
    (tmp_path / "a.jsonl").write_text(extracted, encoding="utf-8")
    # (files come first, in path order, then each manifest's documents: the corpus order of the plain run)
    mixed = cli("check", str(tmp_path / "a.jsonl"), *map(str, SEEDS[:-1]), "--format", "sarif")
    plain = cli("check", *map(str, SEEDS), "--format", "sarif")
    assert mixed[0] == plain[0] == 1 and json.loads(mixed[1]) == json.loads(plain[1])


def test_the_same_record_twice_is_one_error(tmp_path: Path) -> None:
    code, extracted, _ = cli("extract", str(SEEDS[0]))
    (tmp_path / "a.jsonl").write_text(extracted + extracted, encoding="utf-8")
    code, _, err = cli("check", str(tmp_path / "a.jsonl"))
    assert code == 2 and err == [f"caresocial: {tmp_path / 'a.jsonl'}:2: doc_id 'seed000' is already used; skipped"]


def test_report_takes_records(tmp_path: Path) -> None:
    _, extracted, _ = cli("extract", *map(str, SEEDS), "--include-text")
    (tmp_path / "all.jsonl").write_text(extracted, encoding="utf-8")
    assert cli("report", str(tmp_path / "all.jsonl"), "-o", str(tmp_path / "r.html"))[0] == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "5 documents" in html and "seed003" in html


# ------------------------------------------------------------------------------------ gold acceptance
def _gold_manifest(gold: Path, path: Path) -> Path:
    lines = []
    for g in sorted((gold / "gold").glob("*.json")):
        source = json.loads(g.read_text(encoding="utf-8")).get("source") or {}
        lines.append(json.dumps({"path": f"docs/{g.stem}.txt", **{k: source.get(k) for k in
                                                                   ("publisher", "date", "title", "url")}}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_manifest_of_the_dev_set_scores_as_the_evaluation(tmp_path: Path) -> None:
    """`caresocial extract manifest.jsonl` and `caresocial check manifest.jsonl` give, through the scorer, what
    evaluate.py gives (it extracts the documents as one corpus with each one's publisher and date)."""
    gold = SHARED / "gold" / "dev"
    if not (gold / "gold").is_dir():
        pytest.skip("../shared/gold/dev is not beside the checkout")
    manifest = _gold_manifest(gold, tmp_path / "manifest.jsonl")
    # the manifest's paths are relative to its own folder: the documents sit beside it
    (tmp_path / "docs").symlink_to(gold / "docs")
    evaluate = _module(gold.parent / "evaluate.py", "evaluate")
    keep = tmp_path / "eval"
    keep.mkdir()
    want = evaluate.run(gold, keep)
    pred, findings = tmp_path / "pred.jsonl", tmp_path / "findings.json"
    assert run_extract([manifest], fmt="jsonl", output=pred, date=None, publisher=None, table=None,
                       include_text=False, jobs=1, config_path=None, progress=False) == 0
    assert run_check([manifest], fmt="json", output=findings, fail_on="never", baseline=None, write_baseline=None,
                     show_agreements=False, date=None, publisher=None, jobs=1, config_path=None, progress=False) == 0
    score = evaluate.score
    got = score.score_extract(gold, pred)
    assert got == {k: v for k, v in want.items() if k != "check"}
    assert score.score_check(gold, findings) == want["check"]
    ours = json.loads(findings.read_text(encoding="utf-8"))["findings"]
    theirs = json.loads((keep / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert [(f["rule"], f["message"], [(c["doc_id"], c["start"], c["end"]) for c in f["claims"]]) for f in ours] == \
        [(f["rule"], f["message"], [(c["doc_id"], c["start"], c["end"]) for c in f["claims"]]) for f in theirs]


def _claim_row(cid: str, value: float, year: int, sentence: str, figure_text: str) -> dict[str, Any]:
    start = sentence.index(figure_text)
    return {"id": cid, "figure": "f" + cid[1:], "start": start, "end": start + len(figure_text), "kind": "money",
            "value": value, "unit": "GBP", "measure": "council spending on agency social workers",
            "time": {"relation": "at", "year": year}, "sentence": sentence, "sentence_start": 0}


def test_records_of_another_producer_are_checked_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any producer of the Document schema: a minimal line (the required fields and a claim) is checked without
    extracting; a line the schema refuses is one error naming it, and the others are still checked."""
    import caresocial.extraction.pipeline as pipeline

    monkeypatch.setattr(pipeline, "get_nlp", lambda *a, **k: pytest.fail("records were extracted again"))
    a = "Councils spent £330m on agency social workers in 2023."
    b = "Councils spent £410m on agency social workers in 2023."
    lines = [
        {"doc_id": "a", "text_sha256": "0" * 64, "length": len(a),
         "claims": [_claim_row("c1", 330e6, 2023, a, "£330m")]},
        {"doc_id": "b", "text_sha256": "1" * 64, "length": len(b),
         "claims": [_claim_row("c1", 410e6, 2023, b, "£410m")]},
        {"doc_id": "c", "text_sha256": "2" * 64, "length": 10, "claims": [{"id": "c1"}]},
    ]
    records = tmp_path / "other-tool.jsonl"
    records.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, out, err = cli("check", str(records), "--format", "json")
    assert code == 2
    assert len(err) == 1 and err[0].endswith("other-tool.jsonl:3: not a valid Document record (claims.0.figure: "
                                             "Field required)")
    findings = json.loads(out)["findings"]
    assert [(f["rule"], sorted(c["doc_id"] for c in f["claims"])) for f in findings] == [("value-conflict", ["a", "b"])]
