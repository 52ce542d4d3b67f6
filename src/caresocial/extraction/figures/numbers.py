"""Numbers written in digits or words: patterns and parsers.

Every pattern here is linear: alternatives are literal words or digit runs separated by mandatory
separators, and repetitions are possessive, so no input makes the engine backtrack. The number words, scale
words and fractions come from a lexicon set (:class:`NumberWords`, built from :mod:`.tables`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .tables import Tables

# Space characters that may group digits ("1 234 567", "£2 600").
GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
_G = f"[{GROUP_SPACES}]"

# Vulgar fraction characters and their values ("½", "2¾").
VULGAR: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5,
    "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}
_VULGAR = "[" + "".join(VULGAR) + "]"

# A number in digits: comma groups, Indian groups, space groups, plain, with an optional decimal part or
# vulgar fraction; or a vulgar fraction alone.
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3}(?!\d))++"            # 1,234,567
    r"|\d{1,2}(?:,\d{2}(?!\d))++,\d{3}(?!\d)"   # 12,34,567 (Indian grouping)
    rf"|\d{{1,3}}(?:{_G}\d{{3}}(?![\d,]))++"     # 1 234 567
    rf"|\d++)(?:\.\d++|{_VULGAR})?+"
    r"|\.\d++"
    rf"|{_VULGAR}"
)


def alternation(words: Iterable[str]) -> str:
    """The escaped alternation of ``words``, longest first (so that the longest word that matches wins)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_alt = alternation


def word_trie(words: Iterable[str]) -> str:
    """The alternation of ``words`` as a prefix tree in one group ('(?:thir(?:teen|ty))'): the same matches as
    ``alternation`` tried in the same order (of the words that match at one place, the longest first), but the
    engine reads a character once instead of trying each word in turn. For forward matching only (in reverse the
    order would differ)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    # one group, so that what the caller writes after it follows every word; optional with the empty word
    return f"(?:{_branches(tree)}){'?' if '' in tree else ''}"


def _branches(node: dict) -> str:  # type: ignore[type-arg]
    alts = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        head = regex.escape(ch)
        while len(child) == 1 and "" not in child:  # a chain of single letters: 'illion'
            ((ch2, child),) = child.items()
            head += regex.escape(ch2)
        rest = {k: v for k, v in child.items() if k}
        if rest:  # longer words first (greedy), then the word that ends here
            alts.append(f"{head}(?:{_branches(rest)}){'?' if '' in child else ''}")
        else:
            alts.append(head)
    return "|".join(alts)


_SEP = r"(?:[ \t\u00a0]*+-[ \t\u00a0]*+|[ \t\u00a0]++)"


def parse_digits(text: str) -> float:
    """Value of a digit number as written: '1,234.5' -> 1234.5, '1 234' -> 1234, '.5' -> 0.5."""
    if text.isdecimal():  # digits alone, the usual case
        return float(text)
    cleaned = text.replace(",", "")
    for ch in GROUP_SPACES:
        cleaned = cleaned.replace(ch, "")
    if cleaned and cleaned[-1] in VULGAR:
        return float(cleaned[:-1] or 0) + VULGAR[cleaned[-1]]
    return float(cleaned)


@dataclass(slots=True)
class WordNumber:
    """A number parsed from a run of tokens: token indices [first, last] and its value."""

    first: int
    last: int
    value: float
    fraction_only: bool = False  # 'a third', 'two thirds': a share rather than a count
    has_scale: bool = False  # ends in 'million', 'thousand', ...
    ordinal: bool = False  # 'twenty-fifth', 'one hundred fifth': an ordinal, not a number


_TOKEN = regex.compile(r"\d++(?:\.\d++)?+|[A-Za-z]++")


def tokenize_run(run: str) -> list[tuple[str, int, int]]:
    """Split a word run into (lower-cased token, start, end) tuples; hyphens and spaces drop out."""
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(run)]


def _is_num(tok: str) -> bool:
    return tok[0].isdigit()


def _is_plural_fraction(tok: str) -> bool:
    return tok.endswith("s") or tok == "quarter"  # 'three-quarter majority' reads as three quarters


def _composable(big: float, small: float) -> bool:
    """True when ``big`` can be followed by ``small`` in one number ('hundred' + 'thirty', 'thirty' + 'five')."""
    base = 100 if small > 10 else 10
    return big % base == 0 and big >= base


def _cardinal(values: list[float]) -> float:
    total = group = 0.0
    for v in values:
        if v == 100:
            group = (group or 1) * 100
        elif v >= 1000:
            total += (group or 1) * v
            group = 0
        else:
            group += v
    return total + group


def _split_denominator(values: list[float]) -> int:
    """Where the numerator of a compound fraction ends: the longest tail of ``values`` (the last is the ordinal)
    that composes into one denominator, read from the right."""
    m = len(values)
    cur, round_value, k = values[-1], 1.0, m - 2
    while k >= 0:
        prev, cur = cur, values[k]
        if not ((prev >= 100 and prev > cur) or (prev < 100 and _composable(cur, prev))):
            return k + 1
        if prev < 100 and cur >= round_value:
            round_value = cur
        elif prev < 100:
            return k + 1
        if k == 0:  # all of it composes: the numerator ends at the first hundred followed by a small number
            split = 1
            while split <= m - 2:
                split += 1
                if values[split - 1] >= 100 and values[split] < 100:
                    break
            return split
        k -= 1
    return m - 1


_FRACTION_SCAN = 12  # number words read ahead for a compound denominator
_KINDS_BEFORE_NUMBER = ("", "scale", "hundred", "and")


class _Cardinal:
    """The running state of one number read word by word ('one hundred and six million')."""

    __slots__ = ("end", "group", "has_scale", "i", "j", "last_kind", "last_scale", "last_small", "saved", "total")

    def __init__(self, i: int) -> None:
        self.i = self.j = i
        self.end = i - 1
        self.total = self.group = self.last_small = 0.0
        self.last_kind = ""
        self.last_scale = 1.0
        self.has_scale = False
        self.saved: tuple[int, float, float] | None = None


class NumberWords:
    """Numbers written in words for one set of tables: the patterns that find a run of number words, and the parser
    that reads one or more numbers from it."""

    def __init__(self, t: Tables) -> None:
        self.units, self.tens, self.scales = t.units, t.tens, t.scales
        self.dozens, self.fractions = t.dozens, t.fractions
        self.denominators = t.denominators  # also the last words of compound denominators ('twenty-firsts')
        self.big_scales = {k: v for k, v in t.scales.items() if k != "hundred"}
        self.words: frozenset[str] = frozenset(t.units) | frozenset(t.tens) | frozenset(t.scales)
        compound_only = sorted(w for w in t.denominators if w not in t.fractions)
        word = word_trie(self.words | set(t.dozens) | set(t.fractions))
        # A run of number words, optionally with 'and', 'point', 'a' and 'of' inside ('two thirds of a million');
        # the parser splits it. The 'a'/'half' prefix is taken only before a number word ('half a million'), so
        # 'half of' and 'half year' still start a run at 'half'.
        tail_word = f"{word}|{alternation(compound_only)}|" if compound_only else f"{word}|"
        # (digits there end at a word boundary that is no thousands separator: 'half of 2,000' is no run)
        run_tail = rf"(?:{_SEP}(?:(?:and|point|an?|of){_SEP}){{0,2}}+(?:{tail_word}\d++(?:\.\d++)?+(?![,.]\d))\b)*+"
        self.word = word
        self.word_run = rf"(?:(?:an?|half)[ \t\u00a0]++(?=(?:{word})\b))?+(?:{word})\b{run_tail}"
        # Digits followed by number words: '3 hundred and 21', '4 thousand 3 hundred', '3 dozens'.
        self.digit_run = rf"\d++\b{run_tail}"

    def parse(self, tokens: list[str]) -> list[WordNumber]:
        """Parse number-word tokens into one or more numbers.

        The run is cut wherever the next token cannot continue the number ("two three" gives two numbers,
        "between two and three million" gives 2 and 3,000,000).
        """
        out: list[WordNumber] = []
        i, n = 0, len(tokens)
        while i < n:
            parsed = self._parse_one(tokens, i)
            if parsed is None:
                i += 1
                continue
            out.append(parsed)
            i = parsed.last + 1
        return out

    def value_of(self, run: str) -> float | None:
        """The value of the first number of a run of number words (or digits), None when there is none."""
        nums = self.parse([t for t, _, _ in tokenize_run(run)])
        return nums[0].value if nums else None

    # -- fractions -----------------------------------------------------------------------------------
    def _small_fraction(self, tokens: list[str], k: int) -> tuple[float, int, bool] | None:
        """A proper fraction written as words from token ``k`` ('a half', 'one fourth', 'two thirds',
        'fifty-four hundredths'): (value, index of its denominator token, numerator < denominator)."""
        n = len(tokens)
        if k >= n:
            return None
        units, tens = self.units, self.tens
        num = 0
        j = k
        if tokens[j] in ("a", "an"):
            num, j = 1, j + 1
        elif tokens[j] in tens:
            num = tens[tokens[j]]
            j += 1
            if j < n and tokens[j] in units and 0 < units[tokens[j]] < 10:
                num += units[tokens[j]]
                j += 1
        elif tokens[j] in units and units[tokens[j]] > 0:
            num = units[tokens[j]]
            j += 1
        else:
            return None
        if j >= n or tokens[j] not in self.fractions:
            return None
        den = self.fractions[tokens[j]]
        return num / den, j, num < den

    def _fraction_values(self, tokens: list[str], i: int) -> tuple[list[float], int]:
        """The values of the number words from ``i`` on, for a compound fraction, and where they stop."""
        units, tens, scales = self.units, self.tens, self.scales
        values: list[float] = []
        n = len(tokens)
        j = i
        if tokens[j] in ("a", "an"):
            values.append(1.0)
            j += 1
        while j < n and len(values) < _FRACTION_SCAN:
            t = tokens[j]
            if t in units and 0 < units[t] < 10 and j > i and tokens[j - 1] in tens:
                values[-1] += units[t]  # 'ninety-five' is one word of the split
            elif t in units and units[t] > 0:
                values.append(units[t])
            elif t in tens:
                values.append(tens[t])
            elif t in scales:
                values.append(scales[t])
            elif not (t == "and" and values and self._small_fraction(tokens, j + 1) is None):
                break  # 'and' inside a number, not before a fraction ('one and a half')
            j += 1
        return values, j

    def _compound_fraction(self, tokens: list[str], i: int) -> WordNumber | None:
        """A numerator and a compound ordinal denominator: 'three twenty-firsts' (3/21), 'one one hundred fifth'
        (1/105), 'a twenty-first' (1/21), 'one hundred thirty-fifths' (100/35).

        The denominator is the longest tail of number words that composes with the ordinal, read from the right as
        Microsoft Recognizers-Text splits written fractions. Only a denominator of two or more words is taken here
        ('two thirds' and 'fifty-four hundredths' are left to the plain parse), and a singular one only after a
        numerator of one ('one hundred fifth' and 'three twenty-first' stay ordinals)."""
        values, j = self._fraction_values(tokens, i)
        if j >= len(tokens) or len(values) < 2 or tokens[j] not in self.denominators:
            return None
        den_word = tokens[j]
        if den_word not in self.fractions and tokens[j - 1] not in self.tens:
            return None  # 'first' ends a compound denominator only after a tens word
        values.append(self.denominators[den_word])
        split = _split_denominator(values)
        if len(values) - split < 2:
            return None
        numerator = _cardinal(values[:split])
        last = values[-1]
        head = values[split:-1]
        denominator = _cardinal(head) + last if last < 100 else (_cardinal(head) or 1) * last
        if not _is_plural_fraction(den_word) and numerator != 1:
            return None
        return WordNumber(i, j, numerator / denominator, fraction_only=True)

    # -- one number ----------------------------------------------------------------------------------
    def _parse_one(self, tokens: list[str], i: int) -> WordNumber | None:
        tok = tokens[i]
        if tok in ("and", "point", "of"):
            return None
        compound = self._compound_fraction(tokens, i)
        if compound is not None:
            return compound
        lead = self._lead(tokens, i)
        if lead is not False:
            return lead
        st = _Cardinal(i)
        n = len(tokens)
        while st.j < n:
            step = self._step(tokens, st)
            if isinstance(step, WordNumber):
                return step
            if step is None:
                break
            if step:  # the step moved ``st.j`` and ``st.end`` itself
                continue
            st.end = st.j
            st.j += 1
        if st.end < i:
            return None
        return WordNumber(i, st.end, st.total + st.group, has_scale=st.has_scale)

    def _lead(self, tokens: list[str], i: int) -> WordNumber | bool | None:
        """A number that starts with 'a'/'an', 'half' or 'quarter' ('a hundred', 'a third', 'half a dozen', 'a
        quarter million'), None for no number at all, False when the plain parse reads the token."""
        n = len(tokens)
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else ""
        if tok in ("a", "an"):
            if nxt in self.scales or nxt in self.fractions or nxt in self.dozens:
                sub = self._parse_one(["one", *tokens[i + 1:]], 0)
                if sub is None:
                    return None
                return WordNumber(i, i + sub.last, sub.value, sub.fraction_only, sub.has_scale, sub.ordinal)
            return None
        if tok == "half":
            after = tokens[i + 2] if i + 2 < n else ""
            if nxt == "a" and after in self.dozens:
                return WordNumber(i, i + 2, 6.0)
            if nxt in self.big_scales:
                return WordNumber(i, i + 1, 0.5 * self.scales[nxt], has_scale=True)
            if nxt == "a" and after in self.big_scales:
                return WordNumber(i, i + 2, 0.5 * self.scales[after], has_scale=True)
            return WordNumber(i, i, 0.5, fraction_only=True)
        if tok in ("quarter", "quarters") and nxt in self.big_scales:
            return WordNumber(i, i + 1, 0.25 * self.scales[nxt], has_scale=True)  # 'quarter million'
        if tok in self.fractions:
            return None  # a bare denominator word ('third') is not a number
        return False

    def _step(self, tokens: list[str], st: _Cardinal) -> WordNumber | bool | None:
        """Read token ``st.j`` into the number: None when it cannot continue it, a WordNumber when it ends it
        (a fraction), True when the step moved past it itself, False when the caller moves on by one."""
        t = tokens[st.j]
        if _is_num(t):
            return self._digits(t, st)
        if t in self.units:
            return self._unit(self.units[t], st)
        if t in self.tens:
            if st.last_kind in ("unit", "tens", "digits", "teen", "fraction"):
                return None
            st.group += self.tens[t]
            st.last_small = self.tens[t]
            st.last_kind = "tens"
            return False
        if t == "hundred":
            return self._hundred(st)
        if t in self.scales:
            return self._scale(self.scales[t], st)
        if t in self.dozens:
            if st.last_kind not in ("unit", "tens", "digits", "teen"):
                return None
            st.group += st.last_small * 11
            st.last_kind = "dozen"
            st.has_scale = True
            return False
        if t == "and":
            return self._and(tokens, st)
        if t == "point":
            return self._point(tokens, st)
        if t in self.fractions and st.last_kind in ("unit", "tens", "digits", "teen", "hundred", "scale") \
                and (st.total or st.group):
            return self._fraction(tokens, st)
        return None

    @staticmethod
    def _digits(t: str, st: _Cardinal) -> bool | None:
        if st.last_kind not in _KINDS_BEFORE_NUMBER or (st.last_kind == "and" and st.group == 0 and st.total == 0):
            return None
        if st.last_kind in ("scale", "hundred", "and") and "." in t:
            return None
        v = float(t)
        st.group += v
        st.last_small = v
        st.last_kind = "digits"
        return False

    @staticmethod
    def _unit(v: float, st: _Cardinal) -> bool | None:
        if st.last_kind in ("unit", "digits", "teen", "fraction") or (st.last_kind == "tens" and v >= 10):
            return None
        if st.last_kind == "and" and st.total == 0 and st.group == 0:
            return None
        st.group += v
        st.last_small = v
        st.last_kind = "teen" if v >= 10 else "unit"
        return False

    @staticmethod
    def _hundred(st: _Cardinal) -> bool | None:
        if st.last_kind not in ("unit", "tens", "digits", "teen"):
            return None
        # after 'and', hundreds that reach the number before it start a new number ('one hundred and five hundred',
        # 'between a thousand and twelve hundred')
        if st.saved is not None and (st.group >= 100 or (st.saved[2] == 0 and st.group * 100 >= st.last_scale)):
            st.end, st.total, st.group = st.saved
            return None
        st.group = st.group * 100 if st.group else 100
        st.last_kind = "hundred"
        st.has_scale = True
        return False

    @staticmethod
    def _scale(scale: float, st: _Cardinal) -> bool | None:
        if st.last_kind not in ("unit", "tens", "digits", "teen", "hundred", "scale", "fraction", "decimal"):
            return None  # ('decimal': 'three point five million')
        if st.last_kind == "scale":
            st.total *= scale
        elif st.total and scale > 1 and st.total < scale and st.group:
            st.total = (st.total + st.group) * scale
        else:
            st.total += (st.group or 1) * scale
        st.group = 0
        st.last_kind = "scale"
        st.last_scale = scale
        st.has_scale = True
        return False

    def _and(self, tokens: list[str], st: _Cardinal) -> bool | None:
        if st.last_kind not in ("hundred", "scale", "dozen", "digits", "unit", "tens", "teen"):
            return None
        # "one and a half", "twenty and three fifths", "one million and a half", "one billion and a quarter
        # million": a proper fraction after 'and' adds to the number (of the scale before it)
        frac = self._small_fraction(tokens, st.j + 1)
        if frac is not None and frac[2]:
            value, k, _ = frac
            if st.last_kind == "scale" and k + 1 < len(tokens) and tokens[k + 1] in self.big_scales:
                st.total += value * self.scales[tokens[k + 1]]
                k += 1
            elif st.last_kind == "scale":
                st.total += value * st.last_scale
            elif st.last_kind == "dozen":  # 'a dozen and a half' is 18
                st.group += value * 12
                st.last_kind = "fraction"
            else:
                st.group += value
                st.last_kind = "fraction"
            st.end = k
            st.j = k + 1
            return True
        if st.last_kind not in ("hundred", "scale"):
            return None
        st.saved = (st.end, st.total, st.group)
        st.last_kind = "and"
        st.j += 1
        return True

    def _point(self, tokens: list[str], st: _Cardinal) -> bool | None:
        if st.last_kind not in ("unit", "tens", "digits", "teen", "hundred", "scale") or st.j + 1 >= len(tokens):
            return None
        digits, k = self._decimal_digits(tokens, st.j + 1)
        if not digits:
            return None
        st.group += float("0." + digits)
        st.end = k - 1
        st.j = k
        st.last_kind = "decimal"
        return True

    def _fraction(self, tokens: list[str], st: _Cardinal) -> WordNumber:
        i, j, t = st.i, st.j, tokens[st.j]
        n = len(tokens)
        numerator = st.total + st.group
        if not _is_plural_fraction(t) and numerator != 1 and t != "half":
            return WordNumber(i, j, numerator, ordinal=True)  # 'twenty-fifth', 'one hundred fifth'
        value = numerator / self.fractions[t]
        if j + 1 < n and tokens[j + 1] in self.big_scales:
            return WordNumber(i, j + 1, value * self.scales[tokens[j + 1]], has_scale=True)
        if j + 3 < n and tokens[j + 1] == "of" and tokens[j + 2] in ("a", "an") and tokens[j + 3] in self.big_scales:
            return WordNumber(i, j + 3, value * self.scales[tokens[j + 3]], has_scale=True)  # 'a third of a million'
        return WordNumber(i, j, value, fraction_only=True)

    def _decimal_digits(self, tokens: list[str], k: int) -> tuple[str, int]:
        units, tens = self.units, self.tens
        digits = ""
        n = len(tokens)
        while k < n:
            t = tokens[k]
            if t in units and units[t] < 10:
                digits += str(units[t])
            elif t in tens:
                val = tens[t]
                if k + 1 < n and tokens[k + 1] in units and 0 < units[tokens[k + 1]] < 10:
                    val += units[tokens[k + 1]]
                    k += 1
                digits += str(val)
            elif t in units:
                digits += str(units[t])
            else:
                break
            k += 1
        return digits, k
