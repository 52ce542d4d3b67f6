"""Tables written in the text (Markdown pipe tables, as converted web pages and statistical releases give
them, and rows of cells joined by ' | ', as the Word reader writes a table): a figure in a cell measures its
column's heading and holds at its row's year, or the row's label at its column's year; the figures of the
heading row state nothing.

    | Year | Children looked after | Rate per 10,000 |
    |---|---|---|
    | 2023 | 83,840 | 71 |

gives 83,840 "children looked after" at 2023 and 71 "rate" at 2023 ("per 10,000" is the heading's unit).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from ..times import year_value

_ROW = regex.compile(r"^[ \t]*\|(?P<cells>.*)\|[ \t]*$", regex.M)
_RULE = regex.compile(r"^[\s|:\-]+$")
_BARE = regex.compile(r"^[ \t]*(?P<cells>[^\n|]{1,200}(?: \| [^\n|]{1,200}){1,39})[ \t]*$", regex.M)
_FIGURE_CELL = regex.compile(r"[£$€]?\d[\d,.]*\s*(?:%|bn|m|k|billion|million)?")
_YEAR = regex.compile(r"(?:19|20)\d\d(?:[/-](?:19|20)?\d\d)?")
_UNIT = regex.compile(r"\s*(?:\(|\bper\b|\bin\b\s+(?:£|\$|€|thousands|millions|billions|%)).*$", regex.I)
MAX_CELLS = 40


@dataclass(frozen=True, slots=True)
class Cell:
    """What a table cell's figure measures and when it holds (either may be unknown)."""

    heading: str | None  # the column's heading, its unit left off ('Rate per 10,000' -> 'Rate')
    label: str | None  # the row's first cell when it is not a year
    year: int | str | None  # the row's year, else the column's
    year_text: str | None
    header: bool  # the cell is in the heading row


@dataclass(frozen=True, slots=True)
class _Row:
    start: int
    end: int
    bounds: tuple[tuple[int, int], ...]  # each cell's offsets
    table: int
    header: bool


class Tables:
    """The pipe tables of a text, to look a figure's cell up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.rows: list[_Row] = []
        self.headings: dict[int, list[str]] = {}
        self.year_columns: dict[int, dict[int, tuple[int | str, str]]] = {}
        self._read()
        self.starts = [r.start for r in self.rows]

    def _read(self) -> None:
        if "|" not in self.text:
            return
        # (piped rows '| a | b |', with a rule line under the heading; and rows of cells joined by ' | ', as the
        # Word reader writes a table's rows, one paragraph each, the first row the heading)
        lines = [(m.start(), m.end(), m.start("cells"), m.group("cells"), True) for m in _ROW.finditer(self.text)]
        lines += [(m.start(), m.end(), m.start("cells"), m.group("cells"), False) for m in _BARE.finditer(self.text)
                  if not m.group("cells").startswith("|")]
        lines.sort()
        groups: list[list[tuple[int, int, int, str, bool]]] = []
        prev_end, prev_piped = -2, None
        for line in lines:
            a, b, _at, cells, piped = line
            if piped and _RULE.match(cells):
                prev_end = b
                continue
            if cells.count("|") >= MAX_CELLS:
                continue
            gap = self.text[prev_end:a] if prev_end >= 0 else "x"
            if not (piped == prev_piped and not gap.strip() and gap.count("\n") <= (1 if piped else 2)) or \
                    (not piped and cells.count("|") != groups[-1][0][3].count("|")):
                groups.append([])  # (a row of another width starts another table, or is prose)
            groups[-1].append(line)
            prev_end, prev_piped = b, piped
        table = -1
        for group in groups:
            if not group[0][4] and len(group) < 2:
                continue  # (one line with a bar in it is prose: 'spent £4m | a rise of 5%')
            table += 1
            for count, (a, b, cells_at, cells, piped) in enumerate(group):
                bounds = _cells(cells, cells_at)
                header = count == 0 and (self._rule_after(b) if piped else not any(
                    _FIGURE_CELL.fullmatch(self.text[s:e].strip()) for s, e in bounds))
                if header:
                    self.headings[table] = [self.text[s:e].strip() for s, e in bounds]
                    self.year_columns[table] = {k: (y, self.text[s:e].strip()) for k, (s, e) in enumerate(bounds)
                                                if (y := _year_of(self.text[s:e].strip())) is not None}
                self.rows.append(_Row(a, b, tuple(bounds), table, header))

    def _rule_after(self, end: int) -> bool:
        nxt = self.text.find("\n", end)
        line_end = self.text.find("\n", nxt + 1) if nxt >= 0 else -1
        line = self.text[nxt + 1:line_end if line_end >= 0 else len(self.text)] if nxt >= 0 else ""
        return "|" in line and "-" in line and bool(_RULE.match(line))

    def cell(self, start: int, end: int) -> Cell | None:
        """The cell holding ``text[start:end]``, or None when it is not in a table."""
        k = bisect.bisect_right(self.starts, start) - 1
        if k < 0 or not (self.rows[k].start <= start and end <= self.rows[k].end):
            return None
        row = self.rows[k]
        col = next((i for i, (s, e) in enumerate(row.bounds) if s <= start and end <= e), None)
        if col is None:
            return None
        headings = self.headings.get(row.table, [])
        heading = _UNIT.sub("", headings[col]).strip() if col < len(headings) and not row.header else None
        first = self.text[row.bounds[0][0]:row.bounds[0][1]].strip()
        row_year = _year_of(first)
        label = first if row_year is None and col > 0 and first else None
        column_year = self.year_columns.get(row.table, {}).get(col)
        if row_year is not None:
            year, year_text = row_year, first
        elif column_year is not None:
            year, year_text = column_year
            heading = None  # (the heading is the year: the row's label is the measure)
        else:
            year, year_text = None, None
        return Cell(heading or None, label, year, year_text, row.header)


def _cells(cells: str, at: int) -> list[tuple[int, int]]:
    out = []
    k = at
    for part in cells.split("|"):
        out.append((k, k + len(part)))
        k += len(part) + 1
    return out


def _year_of(cell: str) -> int | str | None:
    m = _YEAR.fullmatch(cell.strip())
    return year_value(m.group(0)) if m else None
