"""Readers for documents that are not plain text: the main text of HTML, PDF and DOCX files.

Each reader turns a file's bytes into plain text with one paragraph per block, paragraphs separated by a
blank line, as caresocial's own text inputs are; every offset of the records refers to that text (see
``caresocial extract --include-text``). The PDF reader also gives the offset where each page starts, so a
figure's page can be computed (:meth:`caresocial.models.Document.page_of`).

Readers also return the metadata a file carries about itself, where it is reliable (:class:`FileMeta`): an HTML
page's title, site name (the publisher), published date and canonical URL from its ``<meta>`` tags and JSON-LD
(never a date guessed from the text: a copyright line is not a publication date); the title of a PDF or Word
document from its properties (not their dates, which say when the file was made, nor their authors, which
are people or software accounts).

Each format needs an optional extra; when it is missing the reader raises a one-line :class:`InputError`
naming the file and the extra to install:

- ``.html``/``.htm``/``.xhtml``: `trafilatura <https://trafilatura.readthedocs.io>`_ keeps the main text and
  drops navigation, headers, footers and other boilerplate (extra ``html``).
- ``.pdf``: `pdfminer.six <https://pdfminersix.readthedocs.io>`_ groups lines into text boxes (paragraphs)
  page by page; lines wrapped by the layout are joined again (extra ``pdf``).
- ``.docx``: `python-docx <https://python-docx.readthedocs.io>`_ reads the body's paragraphs and tables in
  order; headers and footers are left out (extra ``docx``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class FileMeta:
    """What a file says about itself (None where it says nothing reliable). ``date`` is a string in one of the
    forms :func:`caresocial.dates.parse_date` reads."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text a reader made of a file, where each page starts in it (empty without pages) and the file's own
    metadata."""

    text: str
    pages: tuple[int, ...] = ()
    meta: FileMeta = FileMeta()


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")  # soft hyphen, zero-width space, word joiner, BOM


def _needs(path: str, fmt: str, extra: str) -> InputError:
    return InputError(path, f"reading {fmt} needs the '{extra}' extra: pip install 'caresocial[{extra}]'")


def _clean(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _paragraphs(blocks: Iterable[str]) -> list[str]:
    """Blocks of text with whitespace runs collapsed, invisible characters and empty blocks dropped."""
    out = []
    for block in blocks:
        lines = [_clean(line) for line in block.splitlines()]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return out


def _unwrap(block: str) -> str:
    """One paragraph from lines wrapped by a layout: joined by a space, or by nothing after a hyphen (kept)
    or a soft hyphen (dropped)."""
    out = ""
    glue = ""
    for raw in block.splitlines():
        line = _clean(raw)
        if line:
            out += glue + line if out else line
            hyphen = line.endswith("-") and not line.endswith(" -")  # "long-|term", not a dash "costs -|£5m"
            glue = "" if hyphen or raw.rstrip().endswith("\u00ad") else " "
    return out


def read_html(data: bytes, path: str) -> Extracted:
    """The main text of an HTML page, boilerplate (navigation, header, footer, sidebars) removed."""
    try:
        import trafilatura
    except ImportError:
        raise _needs(path, "HTML", "html") from None
    try:
        text = trafilatura.extract(data, output_format="txt", include_comments=False, include_tables=True,
                                   include_images=False, deduplicate=False)
    except Exception as e:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(path, f"not readable as HTML ({type(e).__name__})") from None
    # trafilatura writes one block (heading, paragraph, list item, table row) a line
    return Extracted("\n\n".join(_paragraphs((text or "").split("\n"))), meta=html_meta(data))


_HOSTNAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def html_meta(data: bytes) -> FileMeta:
    """Title, site name, published date and canonical URL of a page, from its metadata only: trafilatura's
    date search is limited to the page's markup (``extensive_search`` off), and a site name that is only a host
    name (``example.org``, guessed from the URL) is not taken as the publisher."""
    import trafilatura

    try:
        found = trafilatura.extract_metadata(data, extensive=False,
                                             date_config={"extensive_search": False, "original_date": True})
    except Exception:  # metadata is a bonus: a page whose markup defeats it is still read
        return FileMeta()
    site = _one_line(found.sitename)
    return FileMeta(title=_one_line(found.title), date=_one_line(found.date),
                    publisher=None if site is None or _HOSTNAME.fullmatch(site) else site, url=_one_line(found.url))


def _one_line(value: object) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None


# titles that PDF and Word writers put in by themselves: a file name, "Untitled", "Microsoft Word - x.docx"
_MADE_UP_TITLE = re.compile(r"(?i)^(?:untitled\b.*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|rtf|odt|txt|"
                            r"indd|tmp)|document\d*|slide \d+|title)$")


def real_title(value: object) -> str | None:
    """A document-property title, or None when it is empty or one that software makes up."""
    title = _one_line(value)
    return None if title is None or _MADE_UP_TITLE.match(title) else title


def _pdf_title(data: bytes) -> str | None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import PSLiteral

    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
    except Exception:  # the text was read: broken properties only cost the title
        return None
    for entry in info:
        raw = entry.get("Title") if isinstance(entry, dict) else None
        if isinstance(raw, PSLiteral):
            raw = raw.name
        if isinstance(raw, bytes):
            raw = raw.decode("utf-16") if raw.startswith((b"\xfe\xff", b"\xff\xfe")) else raw.decode("latin-1")
        title = real_title(raw)
        if title:
            return title
    return None


def read_pdf(data: bytes, path: str) -> Extracted:
    """The text of a PDF, one paragraph per text box, with the offset where each page starts."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer
    except ImportError:
        raise _needs(path, "PDF", "pdf") from None
    parts: list[str] = []
    pages: list[int] = []
    pos = 0
    try:
        for page in extract_pages(io.BytesIO(data)):
            boxes = [_unwrap(el.get_text()) for el in page if isinstance(el, LTTextContainer)]
            body = "\n\n".join(b for b in boxes if b)
            if parts:
                parts.append("\n\n")
                pos += 2
            pages.append(pos)
            parts.append(body)
            pos += len(body)
    except Exception as e:  # pdfminer raises PDFSyntaxError, PSEOF, KeyError, ... on broken files
        detail = str(e).splitlines()[0][:80] if str(e) else type(e).__name__
        raise InputError(path, f"not a readable PDF ({detail})") from None
    return Extracted("".join(parts), tuple(pages), FileMeta(title=_pdf_title(data)))


def read_docx(data: bytes, path: str) -> Extracted:
    """The body text of a Word document: paragraphs and table rows (cells separated by ' | '), in order."""
    try:
        import docx
    except ImportError:
        raise _needs(path, "DOCX", "docx") from None
    try:
        document: Any = docx.Document(io.BytesIO(data))
        title = real_title(document.core_properties.title)
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, docx.table.Table):
                for row in item.rows:
                    cells = {c._tc: c for c in row.cells}  # a merged cell is listed once per grid column
                    blocks.append(" | ".join(" ".join(c.text.split()) for c in cells.values()))
            else:
                blocks.append(item.text)
    except Exception as e:  # not a zip, not a Word package, broken XML
        raise InputError(path, f"not a readable DOCX file ({type(e).__name__})") from None
    return Extracted("\n\n".join(_paragraphs(blocks)), meta=FileMeta(title=title))


Reader = Callable[[bytes, str], Extracted]
READERS: dict[str, Reader] = {".html": read_html, ".htm": read_html, ".xhtml": read_html, ".pdf": read_pdf,
                              ".docx": read_docx}
SUFFIXES = frozenset(READERS)
