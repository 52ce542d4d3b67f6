"""The figure scanner: every figure of a text in a few linear passes (see :mod:`.grammar`)."""

from __future__ import annotations

from .base import RawFigure
from .cores import Cores
from .dates import Dates
from .exclusions import Exclusions
from .links import Links
from .patterns import Patterns


class Scanner(Exclusions, Dates, Cores, Links):
    """One pass over one text. Construct, call ``run()``; not reused."""

    def __init__(self, text: str, p: Patterns) -> None:
        super().__init__(text, p)
        self.find_exclusions()

    def run(self) -> list[RawFigure]:
        """Every figure of the text, in order, linked and with its modifiers."""
        self.find_dates()
        self.find_financial_years()
        self.find_percent_of()
        self.find_decades()
        self.find_folds()
        self.find_cores()
        self.out.sort(key=lambda f: f.start)
        self.find_links()
        for fig in self.out:
            self.add_modifiers(fig)
        self.share_links()
        return self.out
