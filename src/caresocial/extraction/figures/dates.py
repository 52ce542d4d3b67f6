"""Pass 2 of the figure scanner: dates ('23 May 2022', 'May 23, 2022', 'March 2023', '23/05/2022', ISO dates) and
financial or academic years ('2026/27', 'FY2025-26')."""

from __future__ import annotations

import regex

from . import fixed as X
from .base import RawFigure, ScanBase
from .numbers import VULGAR
from .tables import AHEAD, fold

_LONGEST_PERIOD = 30  # years: '1990-2020' is still one period, '1990-2030' two years


class Dates(ScanBase):
    """Finds dates and financial years, tried only at digit runs."""

    def find_dates(self) -> None:
        """Every date: after a month or weekday a digit run is a day or a year ('March 4', 'April 1987'; but '12½'
        reads as 12); from the run itself only a day ('23 May', '23/05/2022') or an ISO date ('2022-05-23')
        starts."""
        text = self.text
        floor = 0
        for d, de in self.runs:
            if de <= floor or self.text[d] in VULGAR:
                continue
            size = de - d
            after_word = (size <= 2 or (size == 4 and text[d] in "12") or self.vulgar) and d > floor \
                and text[d - 1] in " ,."  # what separates a month from its day or year
            at_run = (size <= 2 and self.may_be_day(de)) or (size == 4 and text[de:de + 1] == "-")
            m = None
            for st in self.date_starts(d, floor) if after_word else (d,):
                if st < d or at_run:
                    m = self.p.date.match(text, st, st + AHEAD)
                    if m:
                        break
            if m is None:
                continue
            s, e = m.span()
            floor = e
            if self.in_excluded(s, e):
                continue
            if m.group("n3") and len(m.group("n3")) == 2 and self.word_before(s).lower() in self.t.label_words:
                self.exclude(s, e)  # 'section 1.2.10' is no date, and no figure
                continue
            value = self.date_value(m)
            if value is None:
                continue
            self.take(RawFigure("date", s, e, value, num_start=s, num_end=e))

    def date_starts(self, d: int, floor: int) -> list[int]:
        """Where a date holding the digit run at ``d`` may begin, earliest first: a month or weekday up to three
        words before it ('Monday, March 4', 'April of 1987', 'readMay 23'), or the run itself."""
        text, low, months = self.text, self.low, self.t.months
        starts = [d]
        k = d
        for _ in range(3):  # (the first word is tried only after a separator: see find_dates)
            j = k
            while j > floor and k - j < 4 and text[j - 1] in " ,.":
                j -= 1
            if j == k:
                break
            end = j
            if low[max(0, end - 3):end] not in self.p.date_word_tails and low[max(0, end - 2):end] != "of":
                break  # no month or weekday ends here, alone or glued
            while j > floor and end - j < 10 and text[j - 1].isalpha():
                j -= 1
            word = low[j:end]
            if not word:
                break
            if word in months or word in self.p.weekday_set:
                starts.append(j)
            elif word != "of":
                # a month glued after a lower-case word: 'readMay'
                for c in range(end - 3, j, -1):
                    if text[c].isupper() and text[c - 1].islower():
                        if low[c:end] in months:
                            starts.append(c)
                        break
                break
            k = j
        starts.reverse()
        return starts

    def may_be_day(self, de: int) -> bool:
        """False when the day of a date cannot end at ``de``: a day is followed by spaces (or a line break) and a
        month or 'of' ('23 May'), by '/' or '.' and a month number ('23/05/2022'), or by an ordinal suffix ('23rd
        May')."""
        text = self.text
        c = text[de:de + 1]
        if c == " ":
            return self.may_start(de, self.p.month_start)
        if c in ("\r", "\n"):  # a line wrapped after the day
            k = de + 1 + (text[de:de + 2] == "\r\n")
            return self.may_start(k, self.p.month_start)
        if c in ("/", "."):
            nxt = text[de + 1:de + 4]
            return nxt[:1].isdigit() and (nxt[1:2] == c or (nxt[1:2].isdigit() and nxt[2:3] == c))
        return self.may_start(de, self.p.ordinal_start)

    def _month(self, m: regex.Match[str], group: str) -> tuple[int, str] | None:
        word = m.group(group)
        low = fold(word)
        if low in self.t.ambiguous_months and word[0].islower():
            return None
        return self.t.months[low], word

    def date_value(self, m: regex.Match[str]) -> str | None:
        """The ISO value of a date match ('2022-05-23', '2023-03', '--05-23' without a year), None when it is no
        date ('may 23', '31/31/2022')."""
        if m.group("iso"):
            return m.group("iso")
        if m.group("dmy") or m.group("mdy"):
            dmy = bool(m.group("dmy"))
            got = self._month(m, "m1" if dmy else "m2")
            y = m.group("y1" if dmy else "y2")
            if got is None or (not dmy and not y and got[1][0].islower()):
                return None
            d = int(X.NON_DIGITS.sub("", m.group("d1" if dmy else "d2")))
            return f"{y}-{got[0]:02d}-{d:02d}" if y else f"--{got[0]:02d}-{d:02d}"
        if m.group("my"):
            got = self._month(m, "m3")
            if got is None:
                return None
            return f"{m.group('y3')}-{got[0]:02d}"
        if m.group("num"):
            a, b, y = int(m.group("n1")), int(m.group("n2")), m.group("n3")
            if len(y) == 2:  # '17.11.22'
                y = str(2000 + int(y) if int(y) < 70 else 1900 + int(y))
            day, mon = (b, a) if a <= 12 < b else (a, b)  # UK order unless only the US reading is valid
            if not (1 <= mon <= 12 and 1 <= day <= 31):
                return None
            return f"{y}-{mon:02d}-{day:02d}"
        return None

    def find_financial_years(self) -> None:
        """A financial or academic year, or a multi-year period: '2025/26', '2025-26', 'FY2025/26', '2024-27',
        '2022-2025': one year figure with the value '2025/26', '2024/27', '2022/25'."""
        text, low = self.text, self.low
        for d, de in self.runs:
            if de - d != 4 or text[de:de + 1] not in ("/", "-", "–") or text[d:d + 2] not in ("19", "20"):
                continue
            m = None
            if d >= 2 and low.startswith("fy", d - 2 - (text[d - 1] == " ")):
                m = X.FY.match(text, d - 2 - (text[d - 1] == " "), de + AHEAD)  # 'FY2025/26', 'FY 2025/26'
            m = m or X.FY.match(text, d, de + AHEAD)
            if m is None:
                continue
            s, e = m.span()
            if self.overlaps_taken(s, e) or self.in_excluded(s, e):
                continue
            a, b = int(m.group("a")), m.group("b")
            end = int(b) if len(b) == 4 else a - a % 100 + int(b) + (100 if int(b) <= a % 100 else 0)
            if not a < end <= a + _LONGEST_PERIOD:
                continue
            self.take(RawFigure("year", s, e, f"{a}/{end % 100:02d}", num_start=s, num_end=e))
