"""Finding and reading documents: folders, encodings, front matter, and one clear error per bad file."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..extraction.segment import FRONT_MATTER
from .readers import READERS, Extracted, FileMeta
from .readers import SUFFIXES as READER_SUFFIXES

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
# what folders are searched for: text, and HTML, PDF and DOCX (read by caresocial.io.readers, each with its extra)
SUFFIXES = TEXT_SUFFIXES | READER_SUFFIXES


@dataclass(frozen=True, slots=True)
class Source:
    """A document found on disk: its path and id (the file stem)."""

    path: Path
    doc_id: str


def discover(paths: Iterable[str | Path], suffixes: frozenset[str] = SUFFIXES
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
                    errors.append(InputError(str(Path(root)), "symlink loop, folder skipped"))
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
    match what Python's ``read_text`` gives; invisible zero-width characters removed (see
    docs/reliability.md). Offsets of the records refer to this text. Raises :class:`InputError` for binary
    or undecodable data."""
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
    if _INVISIBLE_ANY.search(text):
        text = _INVISIBLE.sub("", text)
    return text


# invisible format characters that split numbers and words when left in ("1\u200b000"): zero-width space,
# word joiner, zero-width no-break space (a BOM inside the text) and soft hyphen are dropped everywhere;
# zero-width (non-)joiners only between digits, since elsewhere they shape scripts and emoji
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]|(?<=\d)[\u200c\u200d]+(?=\d)")
_INVISIBLE_ANY = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def read_text(path: Path) -> str:
    """The decoded text of one file; :class:`InputError` with a one-line reason otherwise."""
    return read_source(path).text


def read_source(path: Path) -> Extracted:
    """The text of one file and where its pages start: text files decoded, HTML, PDF and DOCX files read by
    :mod:`caresocial.io.readers` (by suffix); :class:`InputError` with a one-line reason otherwise."""
    try:
        mode = path.stat().st_mode  # before opening: opening a FIFO would wait for a writer forever
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (device, FIFO or socket)"
            raise InputError(str(path), f"{kind}, skipped")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror or e})") from None
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader(data, str(path))
    text = decode(data, str(path))
    return Extracted(text, meta=front_matter(text))


_FRONT_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
# each field from the first of its keys that the front matter gives
FRONT_MATTER_KEYS = {"title": ("title",), "date": ("date",), "publisher": ("publisher", "author"),
                     "url": ("url", "canonical_url")}


def front_matter(text: str) -> FileMeta:
    """Title, date, publisher (``publisher``, else ``author``) and URL (``url`` or ``canonical_url``) from the
    front matter of a text or Markdown file; other keys are left alone. The text itself is unchanged (offsets
    count the front matter; the extractor reads past it: see :func:`caresocial.extraction.segment.body_start`)."""
    m = FRONT_MATTER.match(text)
    if m is None:
        return FileMeta()
    values: dict[str, str] = {}
    for line in m.group(1).splitlines():
        kv = _FRONT_LINE.fullmatch(line)
        if kv is not None:
            values.setdefault(kv.group(1).lower(), kv.group(2).strip().strip("'\"").strip())
    found = {field: next((values[k] for k in keys if values.get(k)), None) for field, keys in FRONT_MATTER_KEYS.items()}
    return FileMeta(**found)


def read_all(sources: Iterable[Source]) -> Iterator[tuple[Source, str | None, InputError | None]]:
    """(source, text, None) for readable files and (source, None, error) for the others, in order."""
    for src in sources:
        try:
            yield src, read_text(src.path), None
        except InputError as e:
            yield src, None, e
