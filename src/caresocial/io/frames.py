"""Records as tables: pandas DataFrames and Parquet files, one row per figure, claim, quote or finding side.

The columns are those of the CSV output (``caresocial extract --format csv --table ...`` and ``caresocial
check --format csv``), with one difference: a column whose values mix numbers and text is split so that every
column has one type. ``value`` holds numbers (float, NaN otherwise) and ``value_text`` the textual values
(financial years such as '2026/27', ISO dates such as '2023-03'); ``year`` holds calendar years (nullable
integer) and ``year_text`` financial years.

    >>> import caresocial
    >>> doc = caresocial.extract("Spending rose from £6bn to £8.2bn in 2026/27.")
    >>> caresocial.to_dataframe(doc, "figures")[["text", "kind", "value", "value_text", "unit"]]  # doctest: +SKIP

pandas is the optional extra ``pandas``; Parquet needs pyarrow (extra ``parquet``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models import Document, Finding, Report

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

TABLES: tuple[str, ...] = ("figures", "claims", "quotes", "documents", "findings")
SPLIT = {"value": "value_text", "year": "year_text"}
_INTEGERS = ("year", "page", "pages")


def columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` in frames and Parquet files."""
    from .output import COLUMNS
    from .render import CSV_COLUMNS

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    base = CSV_COLUMNS if table == "findings" else COLUMNS[table]
    out: list[str] = []
    for name in base:
        out.append(name)
        if name in SPLIT:
            out.append(SPLIT[name])
    return tuple(out)


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _split(row: dict[str, Any]) -> dict[str, Any]:
    for name, text_name in SPLIT.items():
        if name in row:
            v = row[name]
            row[text_name] = v if isinstance(v, str) else None
            row[name] = None if isinstance(v, str) else (_number(v) if name == "value" else v)
    return row


def _findings(obj: Any) -> Report | tuple[Finding, ...]:
    if isinstance(obj, Report | Finding):
        return obj if isinstance(obj, Report) else (obj,)
    items = list(obj)
    if items and all(isinstance(i, Document) for i in items):
        from ..consistency.checker import check

        return check(items)
    if all(isinstance(i, Finding) for i in items):
        return tuple(items)
    raise TypeError("findings come from a Report, Findings, or Documents (which are checked first)")


def records(obj: Any, table: str = "figures") -> list[dict[str, Any]]:
    """Flat rows of ``table`` (figures, claims, quotes or findings) with the columns of :func:`columns`.

    obj: a Document, an iterable of Documents, a Report, a Finding or an iterable of Findings. Findings
        give one row per side (claim) of each finding, as the CSV output does; Documents asked for findings
        are checked first with the default configuration.
    """
    from .output import rows
    from .render import csv_rows

    names = columns(table)
    if table == "findings":
        found = _findings(obj)
        report = found if isinstance(found, Report) else Report(findings=found)
        raw: Iterable[dict[str, Any]] = csv_rows(report)
    else:
        if isinstance(obj, Report | Finding):
            raise TypeError(f"a {type(obj).__name__} has no {table}; pass Documents")
        docs = [obj] if isinstance(obj, Document) else list(obj)
        raw = rows(docs, table)
    return [{k: r.get(k) for k in names} for r in map(_split, raw)]


def to_dataframe(obj: Any, table: str = "figures") -> pd.DataFrame:
    """A pandas DataFrame of ``table`` ("figures", "claims", "quotes", "documents" or "findings"), one row per
    record (per document for "documents": its metadata and counts).

    obj: a Document, Documents, a Report, or Findings (see :func:`records`).
    RETURNS: a DataFrame with the columns of :func:`columns`; ``value`` is float, ``year`` and ``page``
        nullable integers.
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("caresocial.to_dataframe needs pandas: pip install 'caresocial[pandas]'") from None
    data = records(obj, table)
    df = pd.DataFrame.from_records(data, columns=list(columns(table)))
    for name in _INTEGERS:
        if name in df.columns:
            df[name] = pd.array([r[name] for r in data], dtype="Int64")
    if "value" in df.columns:
        df["value"] = pd.to_numeric(df["value"], errors="coerce").astype("float64")
    return df


def pyarrow_module() -> Any:
    """The pyarrow module (with parquet); ImportError naming the extra when it is missing."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ImportError("Parquet output needs pyarrow: pip install 'caresocial[parquet]'") from None
    return pyarrow


def to_arrow(obj: Any, table: str = "figures") -> pa.Table:
    """A pyarrow Table of ``table`` (no pandas needed), with the columns and types of :func:`to_dataframe`."""
    pa = pyarrow_module()
    data = records(obj, table)
    cols = {name: [r[name] for r in data] for name in columns(table)}
    types = {"value": pa.float64(), "year": pa.int64(), "page": pa.int64(), "pages": pa.int64()}
    return pa.table({name: pa.array(vals, type=types.get(name)) for name, vals in cols.items()})


def write_parquet(path: str | Path, obj: Any, table: str = "figures") -> None:
    """Write ``table`` of ``obj`` as a Parquet file, atomically (a temporary file renamed into place)."""
    pa = pyarrow_module()
    arrow = to_arrow(obj, table)
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent if str(target.parent)
                               else ".")
    os.close(fd)
    try:
        pa.parquet.write_table(arrow, tmp)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
