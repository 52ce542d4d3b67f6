"""The word tables of the figure grammar, read from the lexicon data files.

Every list of words the grammar knows is a file in ``caresocial/data/`` (see :mod:`caresocial.lexicons`), whose
header comment names its columns: ``currencies`` (symbol, code, word or minor unit -> ISO code), ``scale_words``,
``number_words``, ``fractions``, ``vague_counts``, ``multiples`` ('doubled'), ``percent_words``, ``hedges``,
``bounds_min``, ``bounds_max``, ``rate_words``, ``duration_units``, ``quantity_units``, ``generic_units``,
``age_words``, ``months``, ``weekdays``, ``year_context_words``, ``period_parts``, ``label_words``,
``street_words``, ``one_not_count``, ``zero_not_count``, ``noun_stop_words``, ``noun_skips``, ``noun_compounds``
and ``irregular_plurals``.
:func:`tables` reads one :class:`~caresocial.lexicons.Lexicons` set into the dictionaries and sets
the patterns are compiled from (:mod:`.patterns`), once per set. Adding a row to a file, or through configuration
(``extract(text, lexicons={"currencies": ["₿ | XBT"]})``, ``[tool.caresocial.lexicons]``), is all it takes to
teach the grammar a word::

    >>> from caresocial.lexicons import lexicons
    >>> tables(lexicons({"currencies": ["₿ | XBT"]})).currency_symbols["₿"]
    'XBT'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from ...lexicons import LexiconError, Lexicons, Row

# How far past a position an anchored pattern may read. Every ``pattern.match(text, pos)`` passes
# ``pos + AHEAD`` as its end: the regex module otherwise scans the rest of the text for the pattern's
# required literals before it tries the match, which makes a long document cost quadratic time.
AHEAD = 256

# Letters that a case-insensitive pattern matches to ASCII letters but ``str.lower`` does not make ASCII:
# ``fold`` gives the key of a matched word in the tables ('yearſ' -> 'years').
_FOLD = str.maketrans({"ſ": "s", "\u212a": "k", "İ": "i"})


def fold(word: str) -> str:
    """Lower-case table key of a word that a case-insensitive pattern matched."""
    return word.translate(_FOLD).lower()


def _flags(row: Row, i: int) -> frozenset[str]:
    """The space-separated flags of field ``i`` of a row (none when the field is left out)."""
    return frozenset(row[i].lower().split()) if len(row) > i else frozenset()


def _number(name: str, row: Row, i: int) -> float:
    try:
        return float(row[i])
    except (IndexError, ValueError):
        raise LexiconError(f"lexicon {name!r}: row {' | '.join(row)!r} needs a number in field {i + 1}") from None


def _field(name: str, row: Row, i: int) -> str:
    if len(row) <= i or not row[i]:
        raise LexiconError(f"lexicon {name!r}: row {' | '.join(row)!r} needs field {i + 1}")
    return row[i]


def currency_kind(form: str) -> str:
    """The kind of a currency form whose row leaves it out: 'symbol' for a form holding a currency sign, 'code' for
    three capital letters, else 'word'."""
    if any(unicodedata.category(ch) == "Sc" for ch in form):
        return "symbol"
    if len(form) == 3 and form.isascii() and form.isalpha() and form.isupper():
        return "code"
    return "word"


def _lower_words(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for w in words))


class Tables:
    """The figure grammar's tables of one lexicon set (read them through :func:`tables`)."""

    def __init__(self, lex: Lexicons) -> None:
        self._numbers(lex)
        self._money(lex)
        self._units(lex)
        self._modifiers(lex)
        self._calendar(lex)
        self._nouns(lex)

    def _numbers(self, lex: Lexicons) -> None:
        self.units: dict[str, int] = {}
        self.tens: dict[str, int] = {}
        self.dozens: dict[str, int] = {}
        for row in lex.rows("number_words"):
            value = _number("number_words", row, 1)
            kinds = _flags(row, 2) or frozenset({"unit" if value < 20 else "tens"})
            table = self.dozens if "dozen" in kinds else self.tens if "tens" in kinds else self.units
            table[row[0].lower()] = int(value)
        self.scales: dict[str, float] = {}  # inside a number in words
        self.scale_glued: dict[str, float] = {}  # right after digits (case as written)
        self.scale_after: dict[str, float] = {}  # after digits and spaces (case as written)
        for row in lex.rows("scale_words"):
            value, where = _number("scale_words", row, 1), _flags(row, 2)
            if "number" in where:
                self.scales[row[0].lower()] = value
            if "glued" in where:
                self.scale_glued[row[0]] = value
            if "after" in where:
                self.scale_after[row[0]] = value
        self.fractions: dict[str, int] = {}
        self.denominators: dict[str, int] = {}  # also the last word of a compound denominator
        self.ordinal_only: set[str] = set()
        for row in lex.rows("fractions"):
            word, den, kinds = row[0].lower(), int(_number("fractions", row, 1)), _flags(row, 2)
            if not kinds:
                self.fractions[word] = den
                self.denominators[word] = den
            if "compound" in kinds:
                self.denominators[word] = den
            if "ordinal" in kinds:
                self.ordinal_only.add(word)
        vague = lex.rows("vague_counts")  # a row that leaves its place out (or empty) starts the phrase
        self.vague_lead = _lower_words(r[0] for r in vague if "lead" in _flags(r, 1) or not _flags(r, 1))
        self.vague_tail = _lower_words(r[0] for r in vague if "tail" in _flags(r, 1))

    def _money(self, lex: Lexicons) -> None:
        self.currency_symbols: dict[str, str] = {}
        self.currency_codes: dict[str, str] = {}  # upper-case code -> ISO code
        self.currency_words: dict[str, str] = {}  # lower-case words -> ISO code
        self.minor_words: dict[str, str] = {}  # lower-case -> ISO code of the currency they are a hundredth of
        for row in lex.rows("currencies"):
            form, iso = row[0], _field("currencies", row, 1).upper()
            kind = row[2].lower() if len(row) > 2 and row[2] else currency_kind(form)
            if kind == "symbol":
                self.currency_symbols[form] = iso
                self.currency_symbols.setdefault(form.lower(), iso)
            elif kind == "code":
                self.currency_codes[form.upper()] = iso
            elif kind == "word":
                self.currency_words[" ".join(form.lower().split())] = iso
            elif kind == "minor":
                self.minor_words[form.lower()] = iso
            else:
                raise LexiconError(f"lexicon 'currencies': unknown kind {kind!r} of {form!r}")
        for iso in sorted({*self.currency_symbols.values(), *self.currency_words.values()}):
            if len(iso) == 3 and iso.isalpha():
                self.currency_codes.setdefault(iso, iso)  # every currency of the table is known by its code too
        self.percent: dict[str, tuple[str, frozenset[str]]] = {}  # form -> (unit, where)
        for row in lex.rows("percent_words"):
            self.percent[" ".join(row[0].lower().split())] = (_field("percent_words", row, 1), _flags(row, 2))

    def _units(self, lex: Lexicons) -> None:
        self.duration_units: dict[str, tuple[str, float]] = {}
        self.duration_suffix: dict[str, str] = {}  # one letter right after digits, either case
        for row in lex.rows("duration_units"):
            unit, factor = _field("duration_units", row, 1), _number("duration_units", row, 2)
            if "suffix" in _flags(row, 3):
                self.duration_suffix[row[0].upper()] = unit
                self.duration_suffix[row[0].lower()] = unit
            else:
                self.duration_units[row[0].lower()] = (unit, factor)
        self.quantity_units: dict[str, str] = {row[0]: _field("quantity_units", row, 1)
                                               for row in lex.rows("quantity_units")}
        self.generic_units: dict[str, str] = {row[0]: _field("generic_units", row, 1)
                                              for row in lex.rows("generic_units")}

    def _modifiers(self, lex: Lexicons) -> None:
        self.hedges = _lower_words(lex.words("hedges"))
        self.bounds_min = _lower_words(lex.words("bounds_min"))
        self.bounds_max = _lower_words(lex.words("bounds_max"))
        self.rate_after: dict[str, str] = {}
        self.rate_before: dict[str, str] = {}
        for row in lex.rows("rate_words"):
            table = self.rate_before if "before" in _flags(row, 2) else self.rate_after
            table[" ".join(row[0].lower().split())] = _field("rate_words", row, 1)
        ages = lex.rows("age_words")
        self.age_before = _lower_words(" ".join(r[0].split()) for r in ages if "is" not in _flags(r, 1))
        self.age_is = _lower_words(" ".join(r[0].split()) for r in ages if "is" in _flags(r, 1))
        self.multiples: dict[str, tuple[float, str]] = {}  # word -> (multiplier, kind: adverb, verb or base)
        for row in lex.rows("multiples"):
            kind = row[2].lower() if len(row) > 2 and row[2] else "adverb"
            self.multiples[row[0].lower()] = (_number("multiples", row, 1), kind)

    def _calendar(self, lex: Lexicons) -> None:
        self.months: dict[str, int] = {}
        self.month_abbrevs: list[str] = []  # a full stop after them belongs to the month ('Sept. 12')
        self.ambiguous_months: set[str] = set()  # months only when capitalised ('may', 'march')
        for row in lex.rows("months"):
            word, flags = row[0].lower(), _flags(row, 2)
            self.months[word] = int(_number("months", row, 1))
            if "abbrev" in flags:
                self.month_abbrevs.append(word)
            if "ambiguous" in flags:
                self.ambiguous_months.add(word)
        self.weekdays = _lower_words(lex.words("weekdays"))
        self.year_context = frozenset(_lower_words(lex.words("year_context_words")))
        self.year_time_words = frozenset(r[0].lower() for r in lex.rows("year_context_words")
                                         if len(r) > 1 and r[1] == "time")
        self.period_parts = frozenset(_lower_words(lex.words("period_parts")))

    def _nouns(self, lex: Lexicons) -> None:
        self.label_words = frozenset(_lower_words(lex.words("label_words")))
        self.one_not_before = frozenset(_lower_words(lex.words("one_not_count")))
        self.zero_not_after: set[str] = set()
        self.zero_not_before: set[str] = set()
        for row in lex.rows("zero_not_count"):
            (self.zero_not_before if "before" in _flags(row, 1) else self.zero_not_after).add(row[0].lower())
        self.unit_stop = frozenset(_lower_words(lex.words("noun_stop_words")))
        self.noun_compounds = frozenset(" ".join(w.split()) for w in _lower_words(lex.words("noun_compounds")))
        self.unit_skip = frozenset(_lower_words(lex.words("noun_skips")))
        self.irregular_plurals = frozenset(_lower_words(lex.words("irregular_plurals")))
        self.street_words = lex.words("street_words")


@lru_cache(maxsize=16)
def tables(lex: Lexicons) -> Tables:
    """The tables of a lexicon set (cached per set)."""
    return Tables(lex)
