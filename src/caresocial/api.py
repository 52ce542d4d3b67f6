"""The Python entry point for one document: a text, or a file read as the command line reads it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .dates import parse_date
from .extraction import pipeline
from .io.corpus import Entry, Meta, load
from .models import Document


def extract(text: str | os.PathLike[str], *, doc_id: str | None = None, date: date | str | None = None,
            publisher: str | None = None, title: str | None = None, url: str | None = None, path: str | None = None,
            sources: dict[str, int] | None = None, model: str | None = None,
            lexicons: Mapping[str, Any] | None = None, default_date: date | str | None = None,
            default_publisher: str | None = None) -> Document:
    """Extract figures, quotes and claims from one text, or from one file.

    text: the document text (offsets refer to it); or a ``pathlib.Path``, read as the command line reads files
        (text, Markdown, HTML, PDF, DOCX; the file's own metadata, such as front matter, is used unless given
        here; doc_id defaults to the file stem). Raises :class:`~caresocial.errors.InputError` naming the file
        when it cannot be read.
    The other arguments are those of :func:`caresocial.extraction.pipeline.extract`.
    """
    if not isinstance(text, str | os.PathLike):
        raise TypeError(f"extract() takes a text (str) or a file (pathlib.Path), not {type(text).__name__}")
    if isinstance(text, str):
        return pipeline.extract(text, doc_id=doc_id, date=date, publisher=publisher, title=title, url=url,
                                path=path, sources=sources, model=model, lexicons=lexicons,
                                default_date=default_date, default_publisher=default_publisher)
    file = Path(text)
    given = Meta(date=parse_date(date), date_source="given", publisher=publisher, title=title, url=url)
    fallback = Meta(date=parse_date(default_date), date_source="default", publisher=default_publisher)
    got = load(Entry(doc_id=doc_id or file.stem, path=file, given=given, defaults=fallback))
    doc = pipeline.extract(got.text, **got.options(), sources=sources, model=model, lexicons=lexicons)
    return got.finish(doc)

