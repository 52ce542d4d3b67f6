"""Pass 1 of the figure scanner: spans that are never figures (URLs, e-mails, handles, phone numbers, postcodes,
times of day, '3 min read', list numbering, version numbers, '24/7', house numbers), tried only at their
triggers."""

from __future__ import annotations

from . import fixed as X
from .base import ScanBase
from .guards import merged
from .numbers import VULGAR
from .tables import AHEAD


class Exclusions(ScanBase):
    """Finds the spans no figure may overlap (``self.excluded``)."""

    def find_exclusions(self) -> None:
        """Spans that are never figures: URLs, e-mails and handles at 'http', 'www.', '@' and '#'; phones,
        postcodes, times, list numbers and the rest at digit runs."""
        text = self.text
        spans = self._text_excluded()
        floor = 0
        for d, de in self.runs:
            if de <= floor or self.text[d] in VULGAR:
                continue
            # a phone starts at '+' or '(', a postcode one or two capitals before its first digit
            if d - 1 >= floor and (text[d - 1] in "+(" or text[d - 1].isupper()):
                starts = [d - 2, d - 1, d] if d - 2 >= floor and text[d - 1].isupper() and text[d - 2].isupper() \
                    else [d - 1, d]
            elif self.may_exclude(d, de):
                starts = [d]
            else:
                continue
            for st in starts:
                if st == d and not self.may_exclude(d, de):
                    break
                m = self.p.exclude.match(text, st, st + AHEAD)
                if m:
                    spans.append(m.span())
                    floor = m.end()
                    break
        self.excluded = merged(spans)
        self._ex_starts = [s for s, _ in self.excluded]

    def may_exclude(self, d: int, de: int) -> bool:
        """False when no exclusion can start at the digit run ``text[d:de]``: after its digits each needs ':', ')',
        '/', '-', a point and a digit or space, 'am'/'pm'/'min', a letter, space and capital (an address), or a
        space and then a capital, 'am'/'pm', 'min' or (a phone after a leading 0) more digits."""
        text = self.text
        c = text[de:de + 1]
        if c == " ":
            c = text[de + 1:de + 2]
            return c != "" and (c.isupper() or c in "apmAPM" or (text[d] == "0" and c.isdigit()))
        if c == ".":  # '9.30pm', '1.2.3', a list number '1. '
            c = text[de + 1:de + 2]
            return c != "" and (c in " \t" or c.isdigit())
        if c.isalpha():  # '9am', '3min read', '10a High Street'
            return c in "apmAPM" or (text[de + 1:de + 2] == " " and text[de + 2:de + 3].isupper())
        return c != "" and c in ":)/-"

    def _text_excluded(self) -> list[tuple[int, int]]:
        spans = self._urls()
        text = self.text
        for ch in "@#":
            i = text.find(ch)
            while i >= 0:
                m = None
                if ch == "@":
                    k = i  # the local part of an e-mail address ends here
                    while k > 0 and i - k < AHEAD and (text[k - 1].isalnum() or text[k - 1] in "_.+-"):
                        k -= 1
                    if k < i:
                        m = X.EMAIL.match(text, k, i + AHEAD)
                if m is None:
                    m = X.HANDLE.match(text, i, i + AHEAD)
                if m:
                    spans.append(m.span())
                i = text.find(ch, m.end() if m else i + 1)
        return spans

    def _urls(self) -> list[tuple[int, int]]:
        text, low = self.text, self.low
        spans: list[tuple[int, int]] = []
        for key in ("http", "www."):
            i = low.find(key)
            while i >= 0:
                nxt = i + 1
                # a link starts a word: after a space, a bracket or a quote ('(https://...'), not inside a word
                if i == 0 or not text[i - 1].isalnum():
                    lead = 4 if key == "www." else 8 if low.startswith("https://", i) else \
                        7 if low.startswith("http://", i) else 0
                    sp = X.SPACE.search(text, i + lead) if lead else None
                    end = sp.start() if sp else self.n
                    if lead and end > i + lead:
                        spans.append((i, end))
                        nxt = end
                i = low.find(key, nxt)
        return spans
