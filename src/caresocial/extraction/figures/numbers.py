"""Numbers written in digits or words: patterns and parsers.

Every pattern here is linear: alternatives are literal words or digit runs separated by mandatory
separators, and repetitions are possessive, so no input makes the engine backtrack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .lexicon import DOZEN_WORDS, FRACTIONS, SCALES, TENS, UNITS

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


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def word_trie(words: Iterable[str]) -> str:
    """The alternation of ``words`` as a prefix tree in one group ('(?:thir(?:teen|ty))'): the same matches as
    ``_alt`` tried in the same order (of the words that match at one place, the longest first), but the engine
    reads a character once instead of trying each word in turn. For forward matching only (in reverse the order
    would differ)."""
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


NUMBER_WORDS: frozenset[str] = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)
_WORD = word_trie(NUMBER_WORDS | set(DOZEN_WORDS) | set(FRACTIONS))
_SEP = r"(?:[ \t\u00a0]*+-[ \t\u00a0]*+|[ \t\u00a0]++)"
# A run of number words, optionally with 'and', 'point', 'a' and 'of' inside ('two thirds of a million');
# the parser splits it. The 'a'/'half' prefix is taken only before a number word ('half a million'), so
# 'half of' and 'half year' still start a run at 'half'.
_RUN_TAIL = rf"(?:{_SEP}(?:(?:and|point|an?|of){_SEP}){{0,2}}+(?:{_WORD}|firsts?|\d++(?:\.\d++)?+)\b)*+"
WORD_RUN = rf"(?:(?:an?|half)[ \t\u00a0]++(?=(?:{_WORD})\b))?+(?:{_WORD})\b{_RUN_TAIL}"
# Digits followed by number words: '3 hundred and 21', '4 thousand 3 hundred', '3 dozens'.
DIGIT_RUN = rf"\d++\b{_RUN_TAIL}"
NUMBER_WORD = _WORD


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


def parse_word_tokens(tokens: list[str]) -> list[WordNumber]:
    """Parse number-word tokens into one or more numbers.

    The run is cut wherever the next token cannot continue the number ("two three" gives two numbers,
    "between two and three million" gives 2 and 3,000,000).
    """
    out: list[WordNumber] = []
    i, n = 0, len(tokens)
    while i < n:
        parsed = _parse_one(tokens, i)
        if parsed is None:
            i += 1
            continue
        out.append(parsed)
        i = parsed.last + 1
    return out


def _is_num(tok: str) -> bool:
    return tok[0].isdigit()


_NUMERIC_KINDS = ("unit", "tens", "digits", "teen")
_BIG_SCALES = {k: v for k, v in SCALES.items() if k != "hundred"}


def _is_plural_fraction(tok: str) -> bool:
    return tok.endswith("s") or tok == "quarter"  # 'three-quarter majority' reads as three quarters


def _small_fraction(tokens: list[str], k: int) -> tuple[float, int, bool] | None:
    """A proper fraction written as words from token ``k`` ('a half', 'one fourth', 'two thirds',
    'fifty-four hundredths'): (value, index of its denominator token, numerator < denominator)."""
    n = len(tokens)
    if k >= n:
        return None
    num = 0
    j = k
    if tokens[j] in ("a", "an"):
        num, j = 1, j + 1
    else:
        if tokens[j] in TENS:
            num = TENS[tokens[j]]
            j += 1
            if j < n and tokens[j] in UNITS and 0 < UNITS[tokens[j]] < 10:
                num += UNITS[tokens[j]]
                j += 1
        elif tokens[j] in UNITS and UNITS[tokens[j]] > 0:
            num = UNITS[tokens[j]]
            j += 1
        else:
            return None
    if j >= n or tokens[j] not in FRACTIONS:
        return None
    den = FRACTIONS[tokens[j]]
    return num / den, j, num < den


# Denominators of compound fractions: 'three twenty-firsts', 'one twenty-fifth' ('second' is left out: 'a thirty
# second advert' is a length of time).
_DENOMINATORS: dict[str, int] = {**FRACTIONS, "first": 1, "firsts": 1}
_FRACTION_SCAN = 12  # number words read ahead for a compound denominator


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


def _compound_fraction(tokens: list[str], i: int) -> WordNumber | None:
    """A numerator and a compound ordinal denominator: 'three twenty-firsts' (3/21), 'one one hundred fifth'
    (1/105), 'a twenty-first' (1/21), 'one hundred thirty-fifths' (100/35).

    The denominator is the longest tail of number words that composes with the ordinal, read from the right as
    Microsoft Recognizers-Text splits written fractions. Only a denominator of two or more words is taken here
    ('two thirds' and 'fifty-four hundredths' are left to the plain parse), and a singular one only after a
    numerator of one ('one hundred fifth' and 'three twenty-first' stay ordinals)."""
    n = len(tokens)
    values: list[float] = []
    j = i
    if tokens[j] in ("a", "an"):
        values.append(1.0)
        j += 1
    while j < n and len(values) < _FRACTION_SCAN:
        t = tokens[j]
        if t in UNITS and 0 < UNITS[t] < 10 and j > i and tokens[j - 1] in TENS:
            values[-1] += UNITS[t]  # 'ninety-five' is one word of the split
        elif t in UNITS and UNITS[t] > 0:
            values.append(UNITS[t])
        elif t in TENS:
            values.append(TENS[t])
        elif t in SCALES:
            values.append(SCALES[t])
        elif not (t == "and" and values and _small_fraction(tokens, j + 1) is None):
            break  # 'and' inside a number, not before a fraction ('one and a half')
        j += 1
    if j >= n or len(values) < 2 or tokens[j] not in _DENOMINATORS:
        return None
    den_word = tokens[j]
    if den_word in ("first", "firsts") and tokens[j - 1] not in TENS:
        return None
    values.append(_DENOMINATORS[den_word])
    m = len(values)
    cur, round_value, split, k = values[-1], 1.0, m - 1, m - 2
    while k >= 0:
        prev, cur = cur, values[k]
        if not ((prev >= 100 and prev > cur) or (prev < 100 and _composable(cur, prev))):
            split = k + 1
            break
        if prev < 100 and cur >= round_value:
            round_value = cur
        elif prev < 100:
            split = k + 1
            break
        if k == 0:  # all of it composes: the numerator ends at the first hundred followed by a small number
            split = 1
            while split <= m - 2:
                split += 1
                if values[split - 1] >= 100 and values[split] < 100:
                    break
            break
        k -= 1
    if m - split < 2:
        return None
    numerator = _cardinal(values[:split])
    last = values[-1]
    head = values[split:-1]
    denominator = _cardinal(head) + last if last < 100 else (_cardinal(head) or 1) * last
    if not _is_plural_fraction(den_word) and numerator != 1:
        return None
    return WordNumber(i, j, numerator / denominator, fraction_only=True)


def _parse_one(tokens: list[str], i: int) -> WordNumber | None:
    n = len(tokens)
    tok = tokens[i]
    if tok in ("and", "point", "of"):
        return None
    compound = _compound_fraction(tokens, i)
    if compound is not None:
        return compound
    # 'a'/'an'/'half a' prefixes: "a hundred", "a third", "half a dozen", "a quarter million".
    if tok in ("a", "an"):
        if i + 1 < n and (tokens[i + 1] in SCALES or tokens[i + 1] in FRACTIONS or tokens[i + 1] in DOZEN_WORDS):
            sub = _parse_one(["one", *tokens[i + 1:]], 0)
            if sub is None:
                return None
            return WordNumber(i, i + sub.last, sub.value, sub.fraction_only, sub.has_scale, sub.ordinal)
        return None
    if tok == "half":
        if i + 2 < n and tokens[i + 1] == "a" and tokens[i + 2] in DOZEN_WORDS:
            return WordNumber(i, i + 2, 6.0)
        if i + 1 < n and tokens[i + 1] in _BIG_SCALES:
            return WordNumber(i, i + 1, 0.5 * SCALES[tokens[i + 1]], has_scale=True)
        if i + 2 < n and tokens[i + 1] == "a" and tokens[i + 2] in _BIG_SCALES:
            return WordNumber(i, i + 2, 0.5 * SCALES[tokens[i + 2]], has_scale=True)
        return WordNumber(i, i, 0.5, fraction_only=True)
    if tok in ("quarter", "quarters") and i + 1 < n and tokens[i + 1] in _BIG_SCALES:
        return WordNumber(i, i + 1, 0.25 * SCALES[tokens[i + 1]], has_scale=True)  # 'quarter million'
    if tok in FRACTIONS:
        return None  # a bare denominator word ('third') is not a number
    total = 0.0
    group = 0.0
    last_kind = ""
    last_small = 0.0
    last_scale = 1.0
    j = i
    end = i - 1
    has_scale = False
    saved: tuple[int, float, float] | None = None
    while j < n:
        t = tokens[j]
        if _is_num(t):
            if last_kind not in ("", "scale", "hundred", "and") or (last_kind == "and" and group == 0 and total == 0):
                break
            if last_kind in ("scale", "hundred", "and") and "." in t:
                break
            v = float(t)
            group += v
            last_small = v
            last_kind = "digits"
        elif t in UNITS:
            v = UNITS[t]
            if last_kind in ("unit", "digits", "teen", "fraction") or (last_kind == "tens" and v >= 10):
                break
            if last_kind == "and" and total == 0 and group == 0:
                break
            group += v
            last_small = v
            last_kind = "teen" if v >= 10 else "unit"
        elif t in TENS:
            if last_kind in ("unit", "tens", "digits", "teen", "fraction"):
                break
            group += TENS[t]
            last_small = TENS[t]
            last_kind = "tens"
        elif t == "hundred":
            if last_kind not in ("unit", "tens", "digits", "teen"):
                break
            if group >= 100 and saved is not None:
                end, total, group = saved
                break
            group = group * 100 if group else 100
            last_kind = "hundred"
            has_scale = True
        elif t in SCALES:
            if last_kind not in ("unit", "tens", "digits", "teen", "hundred", "scale", "fraction"):
                break
            scale = SCALES[t]
            if last_kind == "scale":
                total *= scale
            elif total and scale > 1 and total < scale and group:
                total = (total + group) * scale
            else:
                total += (group or 1) * scale
            group = 0
            last_kind = "scale"
            last_scale = scale
            has_scale = True
        elif t in DOZEN_WORDS:
            if last_kind not in ("unit", "tens", "digits", "teen"):
                break
            group += last_small * 11
            last_kind = "dozen"
            has_scale = True
        elif t == "and":
            if last_kind not in ("hundred", "scale", "dozen", "digits", "unit", "tens", "teen"):
                break
            # "one and a half", "twenty and three fifths", "one million and a half", "one billion and a
            # quarter million": a proper fraction after 'and' adds to the number (of the scale before it)
            frac = _small_fraction(tokens, j + 1)
            if frac is not None and frac[2]:
                value, k, _ = frac
                if last_kind == "scale" and k + 1 < n and tokens[k + 1] in _BIG_SCALES:
                    total += value * SCALES[tokens[k + 1]]
                    k += 1
                    last_kind = "scale"
                elif last_kind == "scale":
                    total += value * last_scale
                    last_kind = "scale"
                else:
                    group += value
                    last_kind = "fraction"
                end = k
                j = k + 1
                continue
            if last_kind not in ("hundred", "scale"):
                break
            saved = (end, total, group)
            last_kind = "and"
            j += 1
            continue
        elif t == "point":
            if last_kind not in ("unit", "tens", "digits", "teen", "hundred", "scale") or j + 1 >= n:
                break
            digits, k = _decimal_digits(tokens, j + 1)
            if not digits:
                break
            group += float("0." + digits)
            end = k - 1
            j = k
            last_kind = "decimal"
            continue
        elif t in FRACTIONS and last_kind in ("unit", "tens", "digits", "teen", "hundred", "scale") and \
                (total or group):
            numerator = total + group
            if not _is_plural_fraction(t) and numerator != 1 and t != "half":
                return WordNumber(i, j, numerator, ordinal=True)  # 'twenty-fifth', 'one hundred fifth'
            value = numerator / FRACTIONS[t]
            if j + 1 < n and tokens[j + 1] in _BIG_SCALES:
                return WordNumber(i, j + 1, value * SCALES[tokens[j + 1]], has_scale=True)
            if j + 3 < n and tokens[j + 1] == "of" and tokens[j + 2] in ("a", "an") and tokens[j + 3] in _BIG_SCALES:
                return WordNumber(i, j + 3, value * SCALES[tokens[j + 3]], has_scale=True)  # 'a third of a million'
            return WordNumber(i, j, value, fraction_only=True)
        else:
            break
        end = j
        j += 1
    if end < i:
        return None
    return WordNumber(i, end, total + group, has_scale=has_scale)


def _decimal_digits(tokens: list[str], k: int) -> tuple[str, int]:
    digits = ""
    n = len(tokens)
    while k < n:
        t = tokens[k]
        if t in UNITS and UNITS[t] < 10:
            digits += str(UNITS[t])
        elif t in TENS:
            val = TENS[t]
            if k + 1 < n and tokens[k + 1] in UNITS and 0 < UNITS[tokens[k + 1]] < 10:
                val += UNITS[tokens[k + 1]]
                k += 1
            digits += str(val)
        elif t in UNITS:
            digits += str(UNITS[t])
        else:
            break
        k += 1
    return digits, k
