"""Reading documents: encodings, newlines, folders, bad files — each problem one line, others still read."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from caresocial.cli import app
from caresocial.errors import InputError
from caresocial.io.inputs import decode, discover, read_text

TEXT = "Councils spent £11.3 billion in 2021/22."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), TEXT, id="utf-16-bom"),
        pytest.param(TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), TEXT, id="utf-16-be-bom"),
        pytest.param(b"line one\r\nline two\r\n", "line one\nline two\n", id="crlf"),
        pytest.param(b"old mac\rline", "old mac\nline", id="cr"),
        pytest.param(b"", "", id="empty"),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "x.txt") == expected


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(b"abc\xff\xfedef", "not valid UTF-8 (byte 0xff at offset 3)", id="invalid-utf8"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), skipped", id="binary"),
    ],
)
def test_decode_errors_are_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    assert str(e.value) == f"bad.txt: {problem}"
    assert "\n" not in str(e.value)


def test_discover_recurses_sorts_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("x")
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "skip.png").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found, errors = discover([tmp_path, tmp_path / "missing.txt"])
    assert [s.doc_id for s in found] == ["two", "one"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing.txt'}: no such file or folder"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_loop_is_reported_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found, errors = discover([tmp_path])
    assert [s.doc_id for s in found] == ["doc"]
    assert any("symlink loop" in str(e) for e in errors)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_text(p)


# ------------------------------------------------------------------------------------------------------
# through the command line: every odd input next to a good one; one stderr line per problem, exit 2 at the end
# ------------------------------------------------------------------------------------------------------
GOOD = "Councils spent £11.3 billion in 2021/22."


def _extract(folder: Path, *args: str) -> tuple[int, list[str], list[dict[str, Any]]]:
    """Exit code, stderr lines and output records of ``caresocial extract FOLDER -o out.jsonl --include-text``."""
    out = folder.parent / f"{folder.name}.jsonl"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out), "--include-text", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    for d in docs:  # offsets always index the decoded text that --include-text writes
        for rec in (*d["figures"], *d["quotes"], *d["claims"]):
            assert 0 <= rec["start"] <= rec["end"] <= len(d["text"])
        for f in d["figures"]:
            assert d["text"][f["start"]:f["end"]] == f["text"]
    return result.exit_code, result.stderr.splitlines(), docs


def _figures(doc: dict[str, Any]) -> list[tuple[str, Any, str | None]]:
    return [(f["text"], f["value"], f["unit"]) for f in doc["figures"]]


def _folder(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / name).write_bytes(data)
    return folder


SAMPLE = "Councils spent £11.3 billion in 2021/22.\nIt said: “We need £2.6bn.”\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(SAMPLE.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + SAMPLE.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + SAMPLE.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(SAMPLE.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(b"\xff\xfe" + SAMPLE.replace("\n", "\r\n").encode("utf-16-le"), id="utf-16-crlf"),
    ],
)
def test_cli_encodings_give_the_same_records_and_offsets(tmp_path: Path, data: bytes) -> None:
    """BOMs are dropped and CRLF becomes LF before extraction, so offsets are those of the plain UTF-8 text."""
    code, err, docs = _extract(_folder(tmp_path, "doc.txt", data))
    assert (code, err) == (0, [])
    doc = next(d for d in docs if d["doc_id"] == "doc")
    assert doc["text"] == SAMPLE
    assert [(f["text"], f["start"], f["end"]) for f in doc["figures"]] == [
        ("£11.3 billion", 15, 28), ("2021/22", 32, 39), ("£2.6bn", 59, 65)]
    assert [d["doc_id"] for d in docs] == ["doc", "good"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("It cost £2\u00a0600 in 2023.", ("£2\u00a0600", 2600.0, "GBP"), id="no-break-space"),
        pytest.param("It cost £2\u202f600 in 2023.", ("£2\u202f600", 2600.0, "GBP"), id="narrow-no-break-space"),
        pytest.param("It cost £2\u2009600 in 2023.", ("£2\u2009600", 2600.0, "GBP"), id="thin-space"),
        pytest.param("It cost £2 600 in 2023.", ("£2 600", 2600.0, "GBP"), id="space"),
        pytest.param("It cost £１２m in 2023.", ("£１２m", 12_000_000.0, "GBP"), id="full-width-digits"),
        pytest.param("A change of −3% in 2023.", ("−3%", -3.0, "%"), id="unicode-minus"),
        pytest.param("A change of -3% in 2023.", ("-3%", -3.0, "%"), id="ascii-minus"),
        pytest.param("It cost £1\u200b2m in 2023.", ("£12m", 12_000_000.0, "GBP"), id="zero-width-space"),
        pytest.param("It cost £1\u20602m in 2023.", ("£12m", 12_000_000.0, "GBP"), id="word-joiner"),
        pytest.param("It cost £1\u200d2m in 2023.", ("£12m", 12_000_000.0, "GBP"), id="zero-width-joiner"),
        pytest.param("It cost £1\ufeff2m in 2023.", ("£12m", 12_000_000.0, "GBP"), id="inner-bom"),
    ],
)
def test_cli_odd_characters_inside_numbers(tmp_path: Path, text: str, expected: tuple[str, float, str]) -> None:
    code, err, docs = _extract(_folder(tmp_path, "doc.txt", text.encode("utf-8")))
    assert (code, err) == (0, [])
    doc = next(d for d in docs if d["doc_id"] == "doc")
    assert _figures(doc)[0] == expected


def test_cli_full_width_year_is_a_year(tmp_path: Path) -> None:
    code, err, docs = _extract(_folder(tmp_path, "doc.txt", "Spending was £１２m in ２０２３.".encode()))
    assert (code, err) == (0, [])
    doc = next(d for d in docs if d["doc_id"] == "doc")
    assert _figures(doc) == [("£１２m", 12_000_000.0, "GBP"), ("２０２３", 2023, None)]


def test_cli_zero_width_characters_are_removed_from_the_text(tmp_path: Path) -> None:
    """Zero-width characters are dropped at decoding (documented): the text, and so the offsets, are without them;
    joiners outside numbers (emoji, scripts) stay."""
    raw = "There are 1\u200b000 chil\u00addren in care.\u200b Team \U0001f469\u200d\U0001f467 ok."
    code, err, docs = _extract(_folder(tmp_path, "doc.txt", raw.encode("utf-8")))
    assert (code, err) == (0, [])
    doc = next(d for d in docs if d["doc_id"] == "doc")
    assert doc["text"] == "There are 1000 children in care. Team \U0001f469\u200d\U0001f467 ok."
    assert _figures(doc)[0][:2] == ("1000", 1000.0)


def test_cli_empty_file_is_a_document_without_records(tmp_path: Path) -> None:
    code, err, docs = _extract(_folder(tmp_path, "empty.txt", b""))
    assert (code, err) == (0, [])
    empty = next(d for d in docs if d["doc_id"] == "empty")
    assert (empty["length"], empty["figures"], empty["quotes"], empty["claims"]) == (0, [], [], [])


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        pytest.param("bad.txt", b"Caf\xe9 costs \xa35m", "not valid UTF-8 (byte 0xe9 at offset 3)", id="invalid-utf-8"),
        pytest.param("bad.txt", b"\xff\xfe\x00\xd8", "invalid UTF-16 at byte 2", id="invalid-utf-16"),
        pytest.param("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), skipped",
                     id="binary"),
        pytest.param("bad.txt", b"no BOM UTF-16".decode().encode("utf-16-le"), "binary file (NUL bytes), skipped",
                     id="utf-16-without-bom"),
    ],
)
def test_cli_bad_bytes_one_line_others_still_written(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    folder = _folder(tmp_path, name, data)
    code, err, docs = _extract(folder)
    assert code == 2
    assert err == [f"caresocial: {folder / name}: {problem}"]
    assert [d["doc_id"] for d in docs] == ["good"]
    assert _figures(docs[0])[0] == ("£11.3 billion", 11_300_000_000.0, "GBP")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root reads chmod 000 files; see the FIFO test")
def test_cli_unreadable_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "secret.txt", GOOD.encode())
    (folder / "secret.txt").chmod(0)
    try:
        code, err, docs = _extract(folder)
    finally:
        (folder / "secret.txt").chmod(0o644)
    assert code == 2 and err == [f"caresocial: {folder / 'secret.txt'}: permission denied"]
    assert [d["doc_id"] for d in docs] == ["good"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_cli_fifo_is_skipped_not_waited_on(tmp_path: Path) -> None:
    """A FIFO named like a document cannot be read as one (works as root too, unlike chmod 000); opening it
    would block forever, so it is refused before it is opened."""
    folder = _folder(tmp_path, "other.txt", GOOD.encode())
    os.mkfifo(folder / "pipe.txt")
    code, err, docs = _extract(folder)
    assert code == 2
    assert err == [f"caresocial: {folder / 'pipe.txt'}: not a regular file (device, FIFO or socket), skipped"]
    assert [d["doc_id"] for d in docs] == ["good", "other"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_cli_fifo_named_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "pipe.txt"), str(tmp_path / "good.txt"),
                                      "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"caresocial: {tmp_path / 'pipe.txt'}: not a regular file"]
    assert [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["good"]


def test_cli_folder_named_like_a_document_is_searched(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "other.txt", GOOD.encode())
    (folder / "notes.txt").mkdir()
    (folder / "notes.txt" / "inner.md").write_text("It cost £5m.", encoding="utf-8")
    code, err, docs = _extract(folder)
    assert (code, err) == (0, [])
    assert [d["doc_id"] for d in docs] == ["good", "inner", "other"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_cli_symlink_loop_and_dangling_links(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "other.txt", GOOD.encode())
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.txt").write_text("It cost £5m.", encoding="utf-8")
    os.symlink("..", folder / "sub" / "up")  # a loop back to the folder
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    code, err, docs = _extract(folder)
    assert code == 2
    assert sorted(err) == sorted([
        f"caresocial: {folder / 'dangling.txt'}: no such file",
        f"caresocial: {folder / 'self.txt'}: cannot read (Too many levels of symbolic links)",
        f"caresocial: {folder / 'sub' / 'up'}: symlink loop, folder skipped",
    ])
    assert [d["doc_id"] for d in docs] == ["good", "other", "deep"]


@pytest.mark.skipif(os.name != "posix", reason="newlines in file names")
def test_cli_error_line_stays_one_line_for_odd_file_names(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "bad\nname.txt", b"\x00\x01")
    code, err, _ = _extract(folder)
    assert code == 2
    assert err == [f"caresocial: {folder}/bad\\x0aname.txt: binary file (NUL bytes), skipped"]


def test_cli_all_problems_at_once(tmp_path: Path) -> None:
    """Every kind of bad file in one folder: one line each, all good files written, exit 2 once at the end."""
    folder = _folder(tmp_path, "utf16.txt", b"\xff\xfe" + SAMPLE.encode("utf-16-le"))
    (folder / "a-bad.txt").write_bytes(b"abc \xff")
    (folder / "b-binary.md").write_bytes(b"\x00" * 10)
    (folder / "c-empty.txt").write_bytes(b"")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "d-pipe.txt")
    code, err, docs = _extract(folder)
    assert code == 2
    assert len(err) == (3 if hasattr(os, "mkfifo") else 2)
    assert all(line.startswith(f"caresocial: {folder}") for line in err)
    assert [d["doc_id"] for d in docs] == ["c-empty", "good", "utf16"]
