"""What the figure classifier reads around a number: scale words, currencies, units and durations after it, the
counted noun, whether a four-digit number is a year, whether a fraction is a share, whether 'one' counts."""

from __future__ import annotations

import regex

from . import fixed as X
from .base import ScanBase, window_before
from .numbers import tokenize_run
from .tables import AHEAD, fold
from .units import generic_quantity


def is_plural(word: str, irregular: frozenset[str]) -> bool:
    """True for a plural noun ('councils', 'children'; not 'business', 'status')."""
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))) \
        or word in irregular


# determiners before a number (a name or a year may follow them: "the two-child limit", "the 2025 reforms")
DETERMINERS = frozenset("a an the this that these those its their his her our your my".split())
_TIME_RATES = frozenset({"year", "month", "week", "day", "hour"})


class Context(ScanBase):
    """Readers of a number's context for the classifier."""

    def duration_after(self, e: int) -> regex.Match[str] | None:
        """A unit of time after the number ('10 years', '10-year', '3Y')."""
        return self.p.suffix_dur.match(self.text, e, e + AHEAD) if self.peek(e)[1] in self.p.dur_start else None

    def unit_after(self, e: int) -> regex.Match[str] | None:
        """A unit of the quantity table after the number ('12 km')."""
        return self.p.suffix_unit.match(self.text, e, e + AHEAD) if self.may_start(e, self.p.unit_start) else None

    def bound_after(self, e: int) -> regex.Match[str] | None:
        """'and over', 'or more', 'or under' after the number."""
        return X.BOUND_AFTER.match(self.text, e, e + AHEAD) if self.may_start(e, self.p.bound_after_start) \
            else None

    def small_number(self, s: str) -> float | None:
        """The value of a short number in digits or words ('12', 'twenty-one')."""
        s = s.strip()
        if s[:1].isdigit():
            try:
                return float(s.replace(",", ""))
            except ValueError:
                return None
        return self.nw.value_of(s)

    def generic_quantity(self, s: int, e: int) -> tuple[int, str] | None:
        """(end, unit name) of a unit the rules do not know, after digits (the ``generic_units`` table)."""
        return generic_quantity(self.text, s, e, self.t.generic_units)

    def clause_start(self, s: int) -> bool:
        """True when only quotes and spaces separate ``s`` from the start of the text or a clause."""
        text = self.text
        k = s - 1
        while k >= 0 and s - k <= 8 and text[k] in " \t\"'“‘":
            k -= 1
        return k < 0 or text[k] in ".!?:;,(\n•—–-"

    def scale_after(self, e: int, allowed: bool) -> tuple[float | None, int]:
        """(scale, end) of a scale word after the number ('bn', ' million'), (None, e) when there is none."""
        if not allowed or not self.may_start(e, self.p.scale_start):
            return None, e
        m = self.p.suffix_scale.match(self.text, e, e + AHEAD)
        if not m:
            return None, e
        word = m.group("abbr") or m.group("word")
        if len(word) == 1 and m.group("word") is not None:
            # a lone letter after a space is a scale only when nothing word-like follows
            nxt = X.WORD_AFTER.match(self.text, m.end(), m.end() + AHEAD)
            if nxt and nxt.group("w").lower() not in self.t.unit_stop:
                return None, e
        if word == "b" and m.group("abbr") and self.text[e:e + 1] == " ":
            return None, e
        t = self.t
        scale = t.scale_glued.get(word) if m.group("abbr") else t.scale_after.get(word)
        return scale, m.end()

    def currency_of(self, m: regex.Match[str]) -> str | None:
        """The ISO code of a currency match (symbol, code or word)."""
        t = self.t
        sym = m.groupdict().get("sym")
        if sym:
            return t.currency_symbols.get(sym) or t.currency_symbols.get(sym.lower())
        code = m.groupdict().get("code")
        if code:
            up = code.upper()
            if code != up and len(code) == 3 and m.groupdict().get("mcode"):
                return None
            return t.currency_codes.get(up, up)
        word = m.groupdict().get("word")
        if word:
            return t.currency_words.get(X.SPACES.sub(" ", fold(word)))
        return None

    def is_year(self, s: int, e: int, word_before: str) -> bool:
        """True when a four-digit number from 1800 to 2100 is a year ('In 2023'; not '2000 people', 'Vision
        2030')."""
        if self.counts_after(e) and not self.time_before(s, word_before):
            return False  # '2000 people' (not 'In 2023 councils spent more')
        return not self.name_before(s, word_before)

    def name_before(self, s: int, word_before: str) -> bool:
        """True when the number at ``s`` ends a name: 'CCN News 2023', 'Vision 2030' (not 'In 2023', 'May
        2023', nor a capital that opens a sentence)."""
        wb = word_before
        if wb and wb[0].isupper() and wb.lower().rstrip(".,") not in self.t.year_context:
            a = max(0, s - len(wb) - 3)
            return not X.NAME_BREAK.search(self.text[a:s - len(wb) - 1] if s - len(wb) - 1 > a else "")
        return False

    def time_before(self, s: int, word_before: str) -> bool:
        """True when a word of time stands before the number at ``s``, right before it or before an 'of' right
        before it ('In 2023', 'the end of 2022', 'the latter half of 2022': ``year_context_words`` marked time), or
        a determiner before a number that is no round hundred ('the 2025 reforms', 'the 2023 data'; not 'the
        2000 people who replied')."""
        wb = word_before.lower().rstrip(".,")
        if wb in DETERMINERS and self.text[s:s + 4].isdigit() and int(self.text[s:s + 4]) % 100:
            return True
        if wb == "of" and s >= 3:
            at = s - len(word_before) - 1
            wb = self.word_before(at).lower()
            if wb in ("half", "quarter"):  # 'the latter half of 2022' (not 'half of 2000 councils')
                return self.word_before(at - len(wb) - 1).lower() in self.t.period_parts
        return wb in self.t.year_time_words

    def capital_opening(self, word_before: str) -> bool:
        """True for a capitalised word before a number that is no word of time, hedge or bound ('Vision' of
        'Vision 2030 sets out', not 'About', 'Some', 'Over', 'In')."""
        wb = word_before.lower().rstrip(".,")
        t = self.t
        return bool(word_before) and word_before[0].isupper() and wb not in t.year_context and \
            not any(wb == h.split()[0] for h in (*t.hedges, *t.bounds_min, *t.bounds_max))

    def counts_after(self, e: int) -> bool:
        """True when a plural noun right after ``text[:e]`` is what a number counts ('2000 people'; not '2023
        years', 'in 2023 figures' is plural too: 'figures' is a unit stop word)."""
        nxt = X.WORD_AFTER.match(self.text, e, e + AHEAD)
        if not nxt:
            return False
        low = nxt.group("w").lower()
        return self.plural(low) and low not in self.t.unit_stop and low not in ("years", "months", "days", "weeks")

    def plural(self, word: str) -> bool:
        """True for a plural noun."""
        return is_plural(word, self.t.irregular_plurals)

    def is_share(self, s: int, e: int) -> bool:
        """True when a fraction is a share of something: 'a third of', 'more than half', 'by a quarter'."""
        text = self.text
        after = text[e:e + 12].lower()
        if after.startswith((" of", " the", " a ", " an ", " (")) or after[:1] in (",", ".", ";", ")"):
            return True
        a, b = window_before(s, 24)
        p = self.p
        return bool(self.phrase_before(p.bound_min, p.bound_min_ends, a, b)
                    or self.phrase_before(p.bound_max, p.bound_max_ends, a, b)
                    or self.phrase_before(p.hedge, p.hedge_ends, a, b) or X.SHARE_BEFORE.search(text, a, b))

    def leading_number(self, m: regex.Match[str], group: str) -> tuple[float | None, int]:
        """(value, end) of the number that starts group ``group`` of ``m`` (digits or a word run)."""
        s, e = m.span(group)
        run = m.group(group)
        if run[:1].isdigit():
            return float(run.replace(",", "")), e
        toks = tokenize_run(run)
        nums = self.nw.parse([t for t, _, _ in toks])
        if not nums or nums[0].first != 0 or nums[0].ordinal:
            return None, e
        return nums[0].value, s + toks[nums[0].last][2]

    def ends_clause(self, k: int) -> bool:
        """True when only spaces separate ``k`` from the end of the text, a line or a clause."""
        text = self.text
        j = k
        while j < self.n and j - k < 8 and text[j] in " \t":
            j += 1
        return j == self.n or text[j] in ".,;:!?)]\r\n"

    def stands_alone(self, s: int, e: int) -> bool:
        """True when ``text[s:e]`` is alone on its line but for quotes, a bullet and closing punctuation."""
        text = self.text
        k = s - 1
        while k >= 0 and s - k <= 8 and text[k] in " \t\"'“‘•*-":
            k -= 1
        if k >= 0 and text[k] not in "\r\n":
            return False
        m = X.ALONE_AFTER.match(text, e, e + AHEAD)
        return m is not None and (m.end() == self.n or text[m.end()] in "\r\n")

    def one_counts(self, s: int, e: int) -> bool:
        """True when 'one' is a figure: the low end of a range ('between one and three'). Before a noun it is a
        determiner ('one route could be', 'from one authority to another'), and a pronoun or part of an idiom
        elsewhere ('one of', 'no one')."""
        if self.word_before(s).lower() in self.t.one_not_before:
            return False
        return self.p.range_next.match(self.text, e, e + AHEAD) is not None

    def zero_idiom(self, s: int, e: int) -> bool:
        """True when 'zero' at ``text[s:e]`` is part of an idiom or a name ('net zero', 'zero tolerance':
        ``zero_not_count``)."""
        if self.word_before(s).lower() in self.t.zero_not_before:
            return True
        nxt = X.WORD_AFTER.match(self.text, e, e + AHEAD)
        return nxt is not None and nxt.group("w").lower() in self.t.zero_not_after

    def names_a_thing(self, s: int, e: int) -> bool:
        """True when the number ``text[s:e]`` is part of a name rather than a count: a compound modifier ('the
        two-child limit', 'six-figure sums', 'a 10-point plan'), or after a determiner a lower-case phrase of
        singular nouns ('the two child limit'; but 'the 8 key findings', 'the 10 local authority areas' count).
        The classifier asks only when no plural noun follows the number."""
        text = self.text
        if text[e:e + 1] == "-":
            return text[e + 1:e + 2].isalpha()
        m = X.LOWER_WORDS.match(text, e, e + AHEAD) if text[e:e + 1] == " " else None
        if m is None or self.word_before(s).lower() not in DETERMINERS:
            return False
        t = self.t
        words: list[str] = []
        for w in m.groups():
            if w is None or w in t.unit_stop:
                break
            if self.plural(w) or w in t.unit_skip:
                return False
            words.append(w)
        return len(words) >= 2

    def noun_end(self, e: int, unit: str | None) -> int:
        """Where the counted noun ``unit`` of the number that ends at ``e`` ends (``e`` without one)."""
        if not unit:
            return e
        nm = self.noun_words(e)
        if nm is None:
            return e
        last = unit.rsplit(" ", 1)[-1]
        k = nm.group(1).lower().find(last)
        return nm.start(1) + k + len(last) if k >= 0 else nm.start(1) + len(unit)

    def per_base(self, e: int, unit: str | None) -> tuple[str, tuple[int, int] | None] | None:
        """What a number counts per, after its counted noun ('16.3 cases per social worker' -> 'social worker'),
        with the span of the number in it ('per 10,000 children'), or None for none, or for a period of time ('a
        year', 'per week' are rates)."""
        k = self.noun_end(e, unit)
        if not self.may_start(k, self.p.per_start):
            return None
        m = X.PER_BASE.match(self.text, k, k + AHEAD)
        if m is None:
            return None
        words: list[str] = []
        for w in m.group("base").split():
            if w.lower() in self.t.unit_stop:
                break
            words.append(w)
        if not words or self.t.rate_after.get(f"per {words[0].lower()}") in _TIME_RATES:
            return None
        at = m.start("base")
        number = (at, at + len(words[0])) if words[0][:1].isdigit() else None
        return " ".join(words), number

    def noun_words(self, e: int) -> regex.Match[str] | None:
        """NOUN_WORDS at ``e`` (spaces, then a letter); the last answer is kept for the modifiers, which ask again
        after ``counted_noun``."""
        if e == self._nouns_at:
            return self._nouns
        m = None
        if self.text[e:e + 1] in (" ", "\u00a0") and self.peek(e)[1] in X.LETTERS:
            m = X.NOUN_WORDS.match(self.text, e, e + AHEAD)
        self._nouns_at, self._nouns = e, m
        return m

    def counted_noun(self, e: int) -> str | None:
        """The plural noun a count counts ('80,000 looked after children' -> 'looked after children')."""
        bound_after = self.bound_after(e)  # '5,000 or more empty homes'
        if bound_after:
            e = bound_after.end()
        m = self.noun_words(e)
        if not m:
            return None
        t = self.t
        words = [w.lower().strip("'’-") for w in m.group(1).split()[:4]]
        chosen: list[str] = []
        best: list[str] = []
        k = 0
        while k < len(words):
            low = words[k]
            k += 1
            if not chosen and low in t.unit_skip:
                continue
            if k < len(words) and f"{low} {words[k]}" in t.noun_compounds:
                low = f"{low} {words[k]}"  # 'looked after children'
                k += 1
            elif not low or low in t.unit_stop:
                break
            chosen.append(low)
            if self.plural(low):
                best = list(chosen)
            if len(chosen) >= 3:
                break
        return " ".join(best) if best else None
