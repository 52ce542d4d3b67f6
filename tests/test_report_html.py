"""The HTML report: escaping of untrusted documents, summary, anchors, determinism, exit codes, and the page
as a real headless Chromium renders it (skipped when no browser is installed)."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caresocial
from caresocial.consistency.checker import check
from caresocial.io.report_html import CSP, esc, render_report, report_summary, write_report
from caresocial.models import FIGURE_KINDS, Document, Figure, Report
from caresocial.runner import run_report

from .conftest import FIXTURES

HOSTILE_TEXT = (
    "<script>alert(1)</script><script>document.title='pwned'</script>\n\n"
    "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\n\n"
    "Sir John \"><img src=x onerror=alert(2)> Smith, chief executive of <b>Evil</b> Ltd, said: \"There will be "
    "close to 100,000 children in care in England by 2040 <script>alert(3)</script>, and councils will spend "
    "£2.6bn on it.\"\n"
)
HOSTILE_NAME = "\"><img src=x onerror=alert(1)>.txt"
HOSTILE_PUBLISHER = "<script>alert(4)</script>"
MARK = re.compile(r'<mark class="fig k-[a-z]+(?: hit)?"(?: id="d\d+f\d+")? data-kind="[^"<>]*" '
                  r'data-tip="[^"<>]*" tabindex="0">')


def _pair() -> tuple[list[Document], Report]:
    a = caresocial.extract("<script>alert(1)</script> The review warns there will be close to 100,000 children in "
                           "care in England by 2032, up from 80,000 today.", doc_id="a<b>",
                           publisher="\"><img src=x onerror=alert(1)>")
    b = caresocial.extract("Research found there could be close to 100,000 children in care in England by the end "
                           "of 2025.", doc_id="b")
    docs = [a, b]
    return docs, check(docs)


def _texts(docs: list[Document], *raw: str) -> dict[str, str]:
    return {d.doc_id: t for d, t in zip(docs, raw, strict=True)}


def _script_elements(page: str) -> int:
    return len(re.findall(r"<script\b", page, flags=re.I))


# ------------------------------------------------------------------------------------------ no browser


def test_esc_escapes_markup_and_quotes() -> None:
    assert esc("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#x27;"
    assert esc(None) == "None"


def test_untrusted_strings_are_escaped_everywhere() -> None:
    docs, report = _pair()
    raw = ("<script>alert(1)</script> The review warns there will be close to 100,000 children in care in "
           "England by 2032, up from 80,000 today.",
           "Research found there could be close to 100,000 children in care in England by the end of 2025.")
    page = render_report(docs, report, _texts(docs, *raw), problems=["bad<file>.txt: <script>x</script>"])
    assert report.findings, "the pair should conflict"
    assert _script_elements(page) == 1  # the report's own script only
    assert "<img" not in page and "<b>" not in page and "<file>" not in page
    assert "&lt;script&gt;alert(" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page  # speaker, in a tooltip and a finding side
    assert "a&lt;b&gt;" in page  # the document id
    # every mark's attributes stay closed: no raw quote or angle bracket inside data-tip
    assert page.count("<mark ") == len(MARK.findall(page)) > 0


def test_content_security_policy_admits_only_the_inline_style_and_script() -> None:
    assert "default-src 'none'" in CSP and "script-src 'sha256-" in CSP and "unsafe-inline" not in CSP
    page = render_report([], Report())
    assert f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">' in page
    assert not re.search(r"\b(?:src|href)=\"(?:https?:)?//", page)  # nothing external


def test_summary_counts() -> None:
    docs, report = _pair()
    s = report_summary(docs, report)
    assert s["documents"] == 2
    assert s["figures"] == sum(len(d.figures) for d in docs)
    assert s["claims"] == sum(len(d.claims) for d in docs)
    assert set(FIGURE_KINDS) <= set(s["figures_by_kind"])
    assert sum(s["figures_by_kind"].values()) == s["figures"]
    assert s["findings"] == len(report.findings) == s["by_rule"]["time-conflict"]
    assert set(s["by_rule"]) >= {"time-conflict", "value-conflict", "arithmetic", "unit-scale"}
    assert s["by_rule"]["value-conflict"] == 0


def test_summary_table_and_finding_links_into_documents() -> None:
    docs, report = _pair()
    page = render_report(docs, report, {d.doc_id: "" for d in docs})  # texts too short: anchors still exist
    assert '<td class="rule">time-conflict</td>' in page
    assert '<a href="#finding-1">1</a>' in page
    targets = set(re.findall(r'href="#(d\d+f\d+)"', page))
    assert targets, "finding sides link to figures"
    for t in targets:
        assert page.count(f'id="{t}"') == 1


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n=/£5")), max_size=60),
       spans=st.lists(st.tuples(st.integers(0, 70), st.integers(0, 8), st.sampled_from(FIGURE_KINDS)), max_size=8))
def test_document_text_round_trips_with_only_our_marks(text: str, spans: list[tuple[int, int, str]]) -> None:
    figs = tuple(Figure(id=f"f{j}", kind=kind, text=text[s:s + n], start=s, end=s + n, sentence_start=0,
                        sentence_end=len(text), value=None) for j, (s, n, kind) in enumerate(spans))
    doc = Document(doc_id="d", text_sha256="0" * 64, length=len(text), figures=figs)
    page = render_report([doc], Report(documents=1), {"d": text})
    body = page.split('<div class="text">', 1)[1].rsplit("</div></section>", 1)[0]
    for j in range(len(figs)):
        assert body.count(f'id="d0f{j}"') == 1
    stripped = re.sub(r'<span class="anchor" id="d0f\d+"></span>|</mark>', "", MARK.sub("", body))
    assert "<" not in stripped and ">" not in stripped
    assert html.unescape(stripped) == text


def test_output_is_streamed_in_document_sized_pieces() -> None:
    para = "Councils spent £11.3 billion in 2021/22 on 82,170 children. " * 40
    docs = [caresocial.extract(para, doc_id=f"d{i}") for i in range(3)]
    docs *= 10  # thirty documents (ids repeat; that is fine for the page)
    writes: list[int] = []

    class Sink(io.StringIO):
        def write(self, s: str) -> int:
            writes.append(len(s))
            return super().write(s)

    sink = Sink()
    write_report(sink, docs, Report(documents=len(docs)), {d.doc_id: para for d in docs})
    assert len(writes) > len(docs)
    assert max(writes) < len(sink.getvalue()) / 10


def test_same_input_same_bytes() -> None:
    docs, report = _pair()
    texts = {d.doc_id: "" for d in docs}
    assert render_report(docs, report, texts) == render_report(docs, report, texts)


# ---------------------------------------------------------------------------------------------- runner


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def fixtures_report(tmp_path_factory: pytest.TempPathFactory, hostile_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    code = run_report([FIXTURES, hostile_dir], output=out, date=None, publisher=HOSTILE_PUBLISHER, jobs=1,
                      config_path=None, progress=False)
    assert code == 0
    return out


def test_report_on_fixtures_is_deterministic(fixtures_report: Path, hostile_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.html"
    assert run_report([FIXTURES, hostile_dir], output=again, date=None, publisher=HOSTILE_PUBLISHER, jobs=1,
                      config_path=None, progress=False) == 0
    assert again.read_bytes() == fixtures_report.read_bytes()
    page = fixtures_report.read_text(encoding="utf-8")
    assert _script_elements(page) == 1 and "<img" not in page
    # the fixtures' one disagreement (the 100,000 projection given for 2025 and for 2032) is one finding that
    # cites all six claims
    assert page.count('class="card finding') == 1
    assert all(f"{doc}.txt" in page for doc in ("seed000", "seed002", "seed003", "seed004", "dfe-briefing-2023"))


def test_cli_report_writes_the_good_files_and_exits_2_on_a_bad_path(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    missing = tmp_path / "missing<script>.txt"
    p = subprocess.run([sys.executable, "-m", "caresocial", "report", str(FIXTURES), str(missing), "-o", str(out)],
                       capture_output=True, text=True)
    assert p.returncode == 2, p.stderr
    assert "missing<script>.txt: no such file or folder" in p.stderr
    page = out.read_text(encoding="utf-8")
    assert "missing&lt;script&gt;.txt: no such file or folder" in page
    assert 'id="finding-1"' in page and "seed003" in page


# --------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def browser() -> str:
    """A headless-capable Chromium, or a skip saying how to install one."""
    for name in (os.environ.get("CARESOCIAL_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    pytest.skip("no headless Chromium found; install one with `apt-get install chromium` (Debian/Ubuntu) "
                "or set CARESOCIAL_CHROMIUM to its path")


def _chromium(browser: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=180,
        )


def test_report_in_headless_chromium(browser: str, fixtures_report: Path, tmp_path: Path) -> None:
    url = fixtures_report.resolve().as_uri()
    p = _chromium(browser, "--dump-dom", url)
    assert p.returncode == 0, p.stderr[-2000:]
    dom = p.stdout
    # the page rendered, and the report's own (hash-admitted) script ran
    assert re.search(r'<body class="js">', dom), dom[:500]
    assert "<title>caresocial report:" in dom and "pwned" not in dom.split("</title>", 1)[0]
    # findings side by side, linking into the documents at the figure
    # (the fixtures hold one disagreement: 'close to 100,000 children in care' by 2025 and by 2032, one finding
    # citing the six claims of the seeds, and the hostile document's own)
    findings = re.findall(r'<article class="card finding sev-(\w+)" id="finding-(\d+)">', dom)
    assert findings == [("warning", "1")]
    assert len(set(re.findall(r'<div><a href="#(d\d+f\d+)">', dom))) >= 6
    for target in set(re.findall(r'<div><a href="#(d\d+f\d+)">', dom)):
        assert f'id="{target}"' in dom
    # highlight marks of several kinds, each with its details
    kinds = set(re.findall(r'<mark class="fig k-(\w+)[^"]*" id="d\d+f\d+" data-kind="\w+" data-tip="kind: ', dom))
    assert {"money", "count", "year", "percent"} <= kinds
    assert 'class="fig k-count hit"' in dom
    # the hostile document: its markup is text, nothing of it became an element or ran
    assert _script_elements(dom) == 1
    assert "<img" not in dom and "<b>" not in dom
    assert not re.search(r"<body[^>]*data-pwned", dom)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "onerror=alert(2)" in dom  # as escaped text inside the document and the finding

    png = tmp_path / "report.png"
    p = _chromium(browser, f"--screenshot={png}", "--window-size=1280,2000", url)
    assert p.returncode == 0 and png.is_file(), p.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 50_000, "a styled page with text and colour compresses far less than a blank one"
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is optional
        return
    with Image.open(png) as im:
        colours = {c for _, c in im.convert("RGB").getcolors(maxcolors=1 << 20) or []}
    assert (0x7A, 0xEC, 0xEC) in colours, "count marks are coloured: the inline style was admitted by the CSP"
