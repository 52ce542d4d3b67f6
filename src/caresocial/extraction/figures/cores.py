"""Pass 3 of the figure scanner: number cores (digits, number words, vague plurals, multiples), each handed to
the classifier (:mod:`.classify`), and the forms read before them: 'per cent of N', '(a) decade', 'N-fold'."""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from . import fixed as X
from .base import RawFigure
from .classify import Classifier
from .context import DETERMINERS
from .numbers import GROUP_SPACES, VULGAR, parse_digits, tokenize_run
from .tables import AHEAD

_AFTER_VERB = frozenset({"overnight", "again"})  # 'could triple overnight'
_CONTINUES_DIGITS = ",." + GROUP_SPACES  # before a digit, these continue a number in digits (``whole_run``)


class Cores(Classifier):
    """Finds every number and hands it to ``classify``."""

    # -- forms read before the numbers ---------------------------------------------------------------
    def find_decades(self) -> None:
        """'the last decade', 'over a decade' -> 'decade', 'one decade' (10 years); 'the start of the decade' is no
        counted duration."""
        text, low = self.text, self.low
        i = low.find("decade")
        while i >= 0:
            m = self.search_at(X.DECADE, i, 6, 12)  # '[a|one] decade'
            i = low.find("decade", i + 6)
            if m is None:
                continue
            s, e = m.span()
            art = (m.group("art") or "").lower()
            if not art and not X.DECADE_BEFORE.search(text, max(0, s - 24), s):
                continue
            if art == "a":
                before = self.word_before(s).lower()
                if before == "of":
                    k = self.text.rfind("of", 0, s)
                    before = self.word_before(k).lower() if k > 0 else ""
                if before in self.t.fractions:
                    continue  # 'half a decade', 'a quarter of a decade': a fraction of it, read with the fraction
                s = e - 6  # the article is no part of the figure: 'over a decade' is 'decade'
            if self.overlaps_taken(s, e):
                continue
            self.take(RawFigure("duration", s, e, 10.0, "years", num_start=s, num_end=e))

    def find_folds(self) -> None:
        """'fourfold', 'a 10-fold rise': multipliers."""
        low = self.low
        i = low.find("fold")
        while i >= 0:
            m = self.search_at(self.p.fold, i, 4, 24)  # the number and 'fold'
            i = low.find("fold", i + 4)
            if m is None:
                continue
            s, e = m.span()
            if self.overlaps_taken(s, e) or self.in_excluded(s, e):
                continue
            n = m.group("n").replace("-", " ")
            value = self.small_number("a " + n if n.lower() == "hundred" else n)  # 'a hundredfold': 100
            if value:
                self.take(RawFigure("ratio", s, e, value, "times", num_start=s, num_end=m.end("n")))

    def find_percent_of(self) -> None:
        """'per cent of twenty-two': a percentage written before its number."""
        text, low, back = self.text, self.low, self.p.pct_of_back
        for key in self.p.pct_of_keys:
            i = low.find(key)
            while i >= 0:
                m = self.p.pct_of.search(text, max(0, i - back), i + 64)  # 'per cent of ' and a number after
                at, i = i, low.find(key, i + len(key))
                if m is None or m.start() > at:
                    continue
                num = self.p.core.match(text, m.end(), m.end() + AHEAD)
                value = self.core_value(num) if num else None
                if num is None or value is None or self.overlaps_taken(m.start(), num.end()):
                    continue
                self.take(RawFigure("percent", m.start(), num.end(), value[0], "%", num_start=num.start(),
                                    num_end=num.end()))

    def core_value(self, m: regex.Match[str]) -> tuple[float, bool, bool, int] | None:
        """(value, fraction_only, has_scale, end) of the first number in a core match."""
        sign = -1.0 if m.group("neg") else 1.0
        if m.group("digits"):
            return sign * parse_digits(m.group("digits")), False, False, m.end("digits")
        if m.group("words"):
            toks = tokenize_run(m.group("words"))
            nums = self.nw.parse([t for t, _, _ in toks])
            if not nums:
                return None
            first = nums[0]
            return sign * first.value, first.fraction_only, first.has_scale, m.start("words") + toks[first.last][2]
        return None

    # -- triggers --------------------------------------------------------------------------------------
    def lead_word(self, k: int, floor: int) -> tuple[int, str] | None:
        """(start, lower-cased word) of a short word that ends in spaces just before ``k``."""
        text = self.text
        j = k
        while j > floor and k - j < 8 and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == k:
            return None
        end = j
        while j > floor and end - j < 9 and text[j - 1].isalpha():
            j -= 1
        return (j, self.low[j:end]) if j < end else None

    def core_starts(self, t: int, floor: int, digit: bool) -> Sequence[int]:
        """Where a number core holding the trigger at ``t`` may begin, earliest first: 'minus'/'negative', a sign
        right before the digits, 'a'/'an'/'half' before a number word, the point of '.5', or the trigger itself."""
        text = self.text
        if t <= floor or text[t - 1] not in X.BEFORE_CORE:
            return (t,)
        starts = [t]
        k = t
        if digit:
            if k - 1 >= floor and text[k - 1] == ".":
                k -= 1
                starts.append(k)
            j = k - 1 if k - 1 >= floor and text[k - 1] == " " and self.signed_line(k - 2) else k
            if j - 1 >= floor and text[j - 1] in "-−–":  # a sign right before the digits (or alone on its line)
                k = j - 1
                starts.append(k)
        else:
            lead = self.lead_word(k, floor)
            if lead is not None and lead[1] in ("a", "an", "half"):
                k = lead[0]
                starts.append(k)
        window = self.low[max(floor, k - 17):k]  # the spaces and the word lead_word reads
        lead = self.lead_word(k, floor) if "minus" in window or "negative" in window else None
        if lead is not None and lead[1] in ("minus", "negative"):
            starts.append(lead[0])
        starts.reverse()
        return starts

    def signed_line(self, k: int) -> bool:
        """True when the sign at ``k`` starts a short line that holds no prose ('- 10 k', '- 1 4/5'), where a sign
        followed by a space still signs the number (before prose it is a bullet: '- 30,000 children ...')."""
        text = self.text
        if k < 0 or text[k] not in "-−–":
            return False
        start = text.rfind("\n", max(0, k - X.LONGEST_SIGNED_LINE), k) + 1
        if text[start:k].strip(" \t") or (start == 0 and k > X.LONGEST_SIGNED_LINE):
            return False
        end = text.find("\n", k, k + X.LONGEST_SIGNED_LINE + 1)
        if end < 0:
            if self.n - k > X.LONGEST_SIGNED_LINE:
                return False
            end = self.n
        return X.WORD_OF_PROSE.search(text, k, end) is None

    def core_triggers(self) -> list[tuple[int, int, bool]]:
        """(start, end, is a digit run) of every digit run and every word that starts like a number word."""
        low = self.low
        out = [(d, de, True) for d, de in self.runs]
        if self.p.core_key_at.match(low):
            out.append((0, 0, False))
        for m in self.p.core_key_after.finditer(low):
            i = m.start()
            if not low[i].isalpha():
                out.append((i + 1, i + 1, False))
        out.sort()
        return out

    def whole_run(self, t: int, te: int) -> bool:
        """True when the digits pattern, tried at the digit run ``text[t:te]`` only, reads exactly the run: no point
        or comma before it, no decimal part, comma or space group after it, no vulgar fraction in the text."""
        text = self.text
        if self.vulgar or (t and text[t - 1] in ".,"):
            return False
        if text[te:te + 1] not in _CONTINUES_DIGITS:
            return True
        nxt = text[te + 1:te + 2]  # \d of the regex module knows digits newer than str.isdecimal
        return not (nxt.isdecimal() or (not nxt.isascii() and X.ONE_DIGIT.match(nxt)))

    # -- the numbers -----------------------------------------------------------------------------------
    def find_cores(self) -> None:
        """Every number core of the text, classified."""
        text = self.text
        pos = 0
        for t, te, digit in self.core_triggers():
            if t < pos:
                continue
            starts = self.core_starts(t, pos, digit)
            if digit and len(starts) == 1 and self.whole_run(t, te):
                s, e, d, neg = t, te, t, False  # what CORE_DIGITS would read, without it
            else:
                m = None
                pattern = X.CORE_DIGITS if digit else self.p.core
                for st in starts:
                    m = pattern.match(text, st, te + AHEAD)  # a digit run is read whole, however long
                    if m:
                        break
                if m is None:
                    continue
                if not digit:
                    pos = self.word_core(m, max(m.end(), m.start() + 1))
                    continue
                (s, e), d, neg = m.span(), m.start("digits"), m.group("neg") is not None
            pos = max(e, s + 1)
            pos = max(pos, self.digit_core(s, e, d, neg))

    def digit_core(self, s: int, e: int, d: int, neg: bool) -> int:
        """Classify a number in digits (``text[d:e]``, its sign from ``s``); returns the end of the figure taken."""
        digits = self.text[d:e]
        value = parse_digits(digits)
        if not math.isfinite(value):
            return 0  # '9' * 400: beyond the float range, no figure (and no JSON number)
        if neg:
            value = -value
        before = len(self.out)
        if digits.isdigit() and self.digit_run(d, s, e, neg):
            pass
        elif digits.isdigit() and len(digits) <= 3 and self.slash_fraction(s, e, value):
            pass
        else:
            self.classify(s, e, value, digits=digits, fraction_only=len(digits) == 1 and digits in VULGAR)
        return self.out[-1].end if len(self.out) > before else 0

    def word_core(self, m: regex.Match[str], pos: int) -> int:
        """Take the figures of a core match at a word ('hundreds of', 'twice', 'two and a half million');
        returns where the next core may start."""
        text = self.text
        if m.group("vague"):
            s, e = m.span("vague")
            if not self.overlaps_taken(s, e):
                unit = self.counted_noun(e)
                self.take(RawFigure("count", s, e, None, unit, approx=True, num_start=s, num_end=e))
            return pos
        if m.group("twice"):
            s, e = m.span("twice")
            value, kind = self.t.multiples[m.group("twice").lower()]
            if not self.overlaps_taken(s, e) and self.states_multiple(s, e, kind):
                self.take(RawFigure("ratio", s, e, value, "times", num_start=s, num_end=e))
            return pos
        # a word run may hold several numbers ("between two and three million")
        base = m.start("words")
        toks = tokenize_run(m.group("words"))
        nums = self.nw.parse([t for t, _, _ in toks])
        for k, num in enumerate(nums):
            s = base + toks[num.first][1]
            e = base + toks[num.last][2]
            last = toks[num.last][0]
            if num.ordinal or ((last in self.t.tens or last == "hundred") and self.p.ordinal_after.match(
                    text, e, e + AHEAD)):
                pos = max(pos, e + 1)
                continue  # 'the twenty-first century', 'its one hundred fifth meeting'
            neg = k == 0 and bool(m.group("neg"))
            if neg:
                s = m.start()
            before = len(self.out)
            lone = toks[num.first][0] if num.first == num.last and toks[num.first][0].isdigit() else None
            self.classify(s, e, -num.value if neg else num.value, digits=lone, fraction_only=num.fraction_only,
                          has_scale=num.has_scale, words=lone is None, first_token=toks[num.first][0])
            if len(self.out) > before:
                pos = max(pos, self.out[-1].end)
        return pos

    def states_multiple(self, s: int, e: int, kind: str) -> bool:
        """True when a multiple word states a multiple: always an adverb ('twice'); a verb form unless an article
        makes it an adjective ('costs doubled', 'a doubling of demand'; not 'a doubled dose'); the base form as a
        verb or before what it multiplies ('could triple overnight', 'more than double the cost', 'to halve child
        poverty'; not 'a double blow', 'the triple lock', 'double digits')."""
        if kind == "adverb":
            return True
        before = self.word_before(s).lower()
        nxt = X.WORD_AFTER.match(self.text, e, e + AHEAD)
        after = nxt.group("w").lower() if nxt else ""
        if kind == "verb":
            return before not in DETERMINERS or after == "of"
        if before in DETERMINERS or (nxt and self.plural(after) and after not in self.t.unit_stop):
            return False  # an adjective: 'a double blow', 'double digits'
        if before in self.t.unit_stop or not nxt:
            return True
        return after in self.t.unit_stop or after in _AFTER_VERB

    def digit_run(self, d: int, s: int, e: int, neg: bool) -> bool:
        """Digits (from ``d``) continued by number words: '3 hundred and 21', '6 crore and two hundred',
        '3 dozens'."""
        text = self.text
        if text[e:e + 1] not in (" ", "\u00a0") or not self.may_start(e, self.p.digit_run_start) \
                or not self.p.digit_run_trigger.match(text, e, e + AHEAD):
            return False
        run = self.p.digit_run.match(text, d)
        if run is None:
            return False
        toks = tokenize_run(run.group())
        nums = self.nw.parse([t for t, _, _ in toks])
        if not nums or nums[0].first != 0 or nums[0].last == 0 or nums[0].ordinal:
            return False
        num = nums[0]
        end = run.start() + toks[num.last][2]
        self.classify(s, end, -num.value if neg else num.value, fraction_only=num.fraction_only,
                      has_scale=num.has_scale, words=True, first_token=toks[0][0])
        return True

    def slash_fraction(self, s: int, e: int, value: float) -> bool:
        """'3/4', '-4/5', '2 1/4' (whole and fraction), with a denominator fractions are written with."""
        text = self.text
        if text[e:e + 1] not in ("/", " ") or text[s - 1:s] == "/" \
                or self.phrase_before(X.DATE_WORD_BEFORE, self.p.date_word_ends, max(0, s - 12), s):
            return False  # a fraction needs '/' or ' ' after its first number
        mixed = X.MIXED_FRACTION.match(text, e, e + AHEAD)
        if mixed:
            num, den = int(mixed.group("num")), int(mixed.group("den"))
            if 0 < num < den and den in X.SLASH_DENOMINATORS:
                whole = abs(value) + num / den
                scale, end = self.scale_after(mixed.end(), True)  # ('2 1/4 million people': 2,250,000)
                if scale is not None:
                    whole *= scale
                self.classify(s, end, -whole if value < 0 else whole, words=True, first_token="",
                              has_scale=scale is not None)
                return True
            return False
        frac = X.SLASH_FRACTION.match(text, e, e + AHEAD)
        if not frac:
            return False
        num, den = abs(value), int(frac.group("den"))
        if not (0 < num < den and den in X.SLASH_DENOMINATORS):
            return False
        self.classify(s, frac.end(), value / den, fraction_only=True, words=True, first_token="")
        return True
