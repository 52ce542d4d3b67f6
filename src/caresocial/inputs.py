"""Finding and reading documents: folders, encodings, and one clear error per bad file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})


@dataclass(frozen=True, slots=True)
class Source:
    """A document found on disk: its path and id (the file stem)."""

    path: Path
    doc_id: str


def discover(paths: Iterable[str | Path], suffixes: frozenset[str] = TEXT_SUFFIXES
             ) -> tuple[list[Source], list[InputError]]:
    """Every document under ``paths`` (files as given, folders recursively by suffix), sorted and without
    duplicates; symlink loops and unreadable folders become errors, not hangs."""
    found: dict[str, Source] = {}
    errors: list[InputError] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            errors.append(InputError(str(raw), "no such file or folder"))
            continue
        if p.is_dir():
            seen: set[str] = set()

            def unreadable(e: OSError, top: str = str(raw)) -> None:
                errors.append(InputError(str(e.filename or top), f"cannot read folder ({e.strerror or e})"))

            for root, dirs, files in os.walk(p, followlinks=True, onerror=unreadable):
                real = os.path.realpath(root)
                if real in seen:
                    errors.append(InputError(root, "symlink loop, folder skipped"))
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs.sort()
                for name in sorted(files):
                    fp = Path(root) / name
                    if fp.suffix.lower() in suffixes and not name.startswith("."):
                        found.setdefault(str(fp), Source(fp, fp.stem))
        elif p.is_file() or p.is_symlink():
            found.setdefault(str(p), Source(p, p.stem))
        else:
            errors.append(InputError(str(raw), "not a regular file"))
    return sorted(found.values(), key=lambda s: str(s.path)), errors


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; universal newlines, so offsets
    match what Python's ``read_text`` gives. Raises :class:`InputError` for binary or undecodable data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(path, f"invalid UTF-16 at byte {e.start}") from None
    else:
        if b"\x00" in data[:8192]:
            raise InputError(path, "binary file (NUL bytes), skipped")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(path, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_text(path: Path) -> str:
    """The decoded text of one file; :class:`InputError` with a one-line reason otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror or e})") from None
    return decode(data, str(path))


def read_all(sources: Iterable[Source]) -> Iterator[tuple[Source, str | None, InputError | None]]:
    """(source, text, None) for readable files and (source, None, error) for the others, in order."""
    for src in sources:
        try:
            yield src, read_text(src.path), None
        except InputError as e:
            yield src, None, e
