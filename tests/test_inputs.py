"""Reading documents: encodings, newlines, folders, bad files — each problem one line, others still read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from caresocial.errors import InputError
from caresocial.inputs import decode, discover, read_text

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
    (tmp_path / "skip.pdf").write_text("x")
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
