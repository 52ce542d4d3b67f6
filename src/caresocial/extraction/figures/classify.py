"""The classifier of the figure scanner: what one number is, read from its context. In order: an identifier,
ordinal or label (no figure), money (currency before or after, minor units), a percentage, an age, a duration,
a ratio ('a factor of', 'one over three', 'three times', 'one in five'), a year, a quantity with a unit, a share
('a third of'), else a count of the noun after it."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import fixed as X
from .base import RawFigure, scaled, window_before
from .context import Context
from .tables import AHEAD, fold

_HYPHEN_PREFIXES = ("mid", "pre", "post", "early", "late", "end", "over", "under", "aged")
_SHARE_BASE = 1000  # 'one in 1,000' is still a share; '3 in 10,000 children' a rate per 10,000
_RATE_BASE = 1000  # '62 in every 10,000 children' is a rate, 'one in every five' a share


@dataclass(slots=True)
class Number:
    """One number being classified: its span, value, how it was written and what follows it."""

    s: int
    e: int
    value: float
    digits: str | None
    fraction_only: bool
    has_scale: bool
    words: bool
    first_token: str
    word_before: str = ""
    after_char: str = ""
    follows: frozenset[str] = X.NO_CHECKS
    scale: float | None = None
    pos: int = 0  # where the text after the number (and its scale or currency) goes on
    follows_pos: frozenset[str] = X.NO_CHECKS
    amount: float = 0.0


class Classifier(Context):
    """``classify``: one number, classified and taken as a figure (or left out)."""

    def classify(self, s: int, e: int, value: float, *, digits: str | None = None, fraction_only: bool = False,
                 has_scale: bool = False, words: bool = False, first_token: str = "") -> None:
        """Classify the number ``text[s:e]`` and take it as a figure, unless it is none."""
        if self.overlaps_taken(s, e) or (self.excluded and self.in_excluded(s, e)):
            return
        n = Number(s, e, value, digits, fraction_only, has_scale, words, first_token)
        n.after_char = self.text[e] if e < self.n else ""
        if self._not_a_figure(n):
            return
        n.follows = self.follows(e)
        if self._money(n):
            return
        if not (self._percent(n) or self._age(n) or self._duration(n) or self._ratio(n) or self._age_is(n)
                or self._year(n) or self._quantity(n) or self._share(n)):
            self._count(n)

    def _not_a_figure(self, n: Number) -> bool:
        """Identifiers, ordinals and labels: 'COP26', 'A1', '1st', '21st century', 'Section 17', 'Year 6'."""
        text, s, e = self.text, n.s, n.e
        if n.digits is not None:
            before_char, after_char = text[s - 1] if s > 0 else "", n.after_char
            if (after_char in "sSnNrRtT" or not after_char.isascii() or not self.plain) \
                    and X.ORDINAL.match(text, e, e + AHEAD):
                return True
            if before_char.isalpha() and not self.currency_before(s, 8):
                return True
            if before_char == "-" and s >= 2 and text[s - 2].isalpha():
                word = self.word_before(s - 1) if s > 1 else ""
                if word.lower() not in _HYPHEN_PREFIXES:
                    return True
        wb = n.word_before = self.word_before(s)
        if wb.lower() in self.t.label_words and not (len(wb) == 1 and wb.islower()) and "," not in text[s:e]:
            return True  # (a word that ends a sentence, 'series.', is no label; nor is a number in thousands:
            # 'building 2,000 homes')
        return wb in ("Year", "Years") and n.digits is not None and n.value < 14  # school years: 'Year 6 pupils'

    # -- money ---------------------------------------------------------------------------------------
    def _money(self, n: Number) -> bool:
        """A currency before or after the number ('£5m', '5 million pounds', 'USD 200', '50p')."""
        text, s, e = self.text, n.s, n.e
        prefix = self.currency_before(s, 10)
        if prefix and self.overlaps_taken(prefix.start(), prefix.end()):
            prefix = None  # '10 rmb 20 usd': 'rmb' belongs to the amount before
        n.scale, n.pos = self.scale_after(e, "scale" in n.follows and n.digits is not None and not n.has_scale)
        n.follows_pos = n.follows if n.pos == e else self.follows(n.pos)
        n.amount = scaled(n.value, n.scale)
        currency: str | None = None
        start = s
        if prefix:
            currency = self.currency_of(prefix)
            start = prefix.start()
            if prefix.group("mcode"):
                n.amount *= 1e6
        suffix = self.p.suffix_cur.match(text, n.pos, n.pos + AHEAD) \
            if "cur" in n.follows_pos and self.may_start(n.pos, self.p.cur_start) else None
        if suffix and (currency is None or suffix.group("code")):
            cur = self.currency_of(suffix)
            if cur is not None and not (suffix.group("word") and currency):
                currency = currency or cur
                self._after_suffix_currency(n, suffix)
        if currency is None:
            return self._minor(n)
        end = self._subunit(n, prefix, suffix)
        self.take(RawFigure("money", start, end, n.amount, currency, num_start=s, num_end=e, scale=n.scale))
        return True

    def _after_suffix_currency(self, n: Number, suffix: regex.Match[str]) -> None:
        """Move past a currency after the number, and a scale after it ('75 USD million')."""
        n.pos = suffix.end()
        if suffix.group("mcode"):
            n.amount *= 1e6
        if n.scale is None:
            scale2, pos2 = self.scale_after(n.pos, True)
            if scale2:
                n.scale, n.pos = scale2, pos2
                n.amount = scaled(n.value, scale2)
        n.follows_pos = self.follows(n.pos)

    def _minor(self, n: Number) -> bool:
        """A minor unit after the number ('50p', '30 cents', 'fifty pence')."""
        text, s, e = self.text, n.s, n.e
        minor = None
        if not n.words and "minor" in n.follows_pos:
            minor = self.p.suffix_minor.match(text, n.pos, n.pos + AHEAD)
            if minor and not (minor.group("word") or n.scale is None):
                minor = None
        elif n.words and n.scale is None and "minor" in n.follows:
            minor = self.p.suffix_minor.match(text, e, e + AHEAD)
            if minor and not minor.group("word"):
                minor = None
        if minor is None:
            return False
        word = fold(minor.group("p") or minor.group("word"))
        self.take(RawFigure("money", s, minor.end(), n.amount / 100, self.t.minor_words[word], num_start=s,
                            num_end=e, scale=n.scale))
        return True

    def _subunit(self, n: Number, prefix: regex.Match[str] | None, suffix: regex.Match[str] | None) -> int:
        """Where a money amount ends, with its cents ('15 dollars and 50 cents', '£5 50p')."""
        end = n.pos
        if n.scale is not None:
            return end
        if suffix is not None and n.pos == suffix.end():
            sub = self.p.subunit.match(self.text, n.pos, n.pos + AHEAD)
            if sub and (suffix.group("word") or suffix.group("code") or suffix.group("sym")):
                cents = self.small_number(sub.group("num"))
                if cents is not None and cents < 100:
                    n.amount += cents / 100
                    end = sub.end()
        elif prefix is not None:
            sub = self.p.subunit.match(self.text, n.pos, n.pos + AHEAD)
            if sub and sub.group("cents"):
                cents = self.small_number(sub.group("num"))
                if cents is not None:
                    n.amount += cents / 100
                    end = sub.end()
        return end

    # -- percentages, ages, durations ------------------------------------------------------------------
    def _percent(self, n: Number) -> bool:
        pct = self.p.suffix_pct.match(self.text, n.pos, n.pos + AHEAD) if "pct" in n.follows_pos else None
        if not pct:
            return False
        form = pct.group("word") or pct.group("glued")
        if form is None:  # the sign: '% points' are percentage points
            unit = "percentage points" if "point" in pct.group(0).lower() else "%"
        else:
            unit, where = self.t.percent[X.SPACES.sub(" ", fold(form))]
            if pct.group("word") and "digits" in where and not n.digits:
                return False
        self.take(RawFigure("percent", n.s, pct.end(), n.amount, unit, num_start=n.s, num_end=n.e, scale=n.scale))
        return True

    def _age(self, n: Number) -> bool:
        """'five years old', '15-year-old', '87 yo', 'aged 16'."""
        if n.scale is not None or not 0 <= n.value < 130:
            return False
        text, s, e = self.text, n.s, n.e
        age = X.AGE_AFTER.match(text, e, e + AHEAD) if "age" in n.follows else None
        if age:
            unit = (age.group("unit") or age.group("unit2") or "years").lower().rstrip("s") + "s"
            self.take(RawFigure("quantity", s, age.end(), n.value, f"{unit} of age", num_start=s, num_end=e))
            return True
        a, b = window_before(s, 24)
        k = self.spaces_start(a, b)
        mm = self.phrase_before(self.p.age_before, self.p.age_before_ends, a, b, k) \
            if n.value == int(n.value) and "age" in self.precedes(k, b) else None
        if mm and not ("dur" in n.follows and self.duration_after(e)) \
                and not ("unit" in n.follows and self.unit_after(e)):
            st = mm.start() if mm.group(0).strip().lower() == "age" else s
            self.take(RawFigure("quantity", st, e, n.value, "years of age", num_start=s, num_end=e))
            return True
        return False

    def _age_is(self, n: Number) -> bool:
        """'who is 19 today', 'carers are over 55': an age after a phrase that takes one, with nothing counted after
        it."""
        if n.scale is not None or n.fraction_only or not 0 < n.value < 130 or not float(n.value).is_integer():
            return False
        a, b = window_before(n.s, 24)
        k = self.spaces_start(a, b)
        if "age_is" not in self.precedes(k, b) \
                or not self.phrase_before(self.p.age_is, self.p.age_is_ends, a, b, k) \
                or not self._ends_noun_phrase(n.e):
            return False
        self.take(RawFigure("quantity", n.s, n.e, n.value, "years of age", num_start=n.s, num_end=n.e))
        return True

    def _ends_noun_phrase(self, e: int) -> bool:
        """True when no word it could count or measure follows ``e``: the end of the text or a clause, or a word that
        ends noun phrases ('today', 'and', 'who')."""
        m = X.WORD_AFTER.match(self.text, e, e + AHEAD)
        if m is None:
            nxt = self.text[e:e + AHEAD].lstrip(" ")
            return not nxt or not (nxt[0].isalnum() or nxt[0] in "%£$€-–")
        w = m.group("w").lower()
        return w in self.t.unit_stop and w not in ("of", "per", "in", "out")

    def _duration(self, n: Number) -> bool:
        """'10 years', 'a 10-year plan', 'two decades', '3Y'."""
        if n.scale is not None:
            return False
        dur = self.duration_after(n.e) if "dur" in n.follows else None
        if not dur or (dur.group("abbr") and (n.words or not n.digits)):
            return False
        if dur.group("abbr"):
            unit, factor = self.t.duration_suffix[dur.group("abbr")], 1.0
        else:
            unit, factor = self.t.duration_units[fold(dur.group("unit"))]
        if n.first_token == "one" and (((dur.group("unit") or "").lower() == "day" and self.clause_start(n.s))
                                       or X.ONE_TO_ANOTHER.match(self.text, n.e, n.e + AHEAD)):
            return True  # 'One day, ...', 'from one year to the next': idioms, not lengths of time
        if (n.first_token in ("a", "an") and factor == 1) or n.value == 0:
            return False  # 'a year ago'; 'zero-hours contracts' (no length of time)
        self.take(RawFigure("duration", n.s, dur.end(), n.value * factor, unit, num_start=n.s, num_end=n.e))
        return True

    # -- ratios --------------------------------------------------------------------------------------
    def _ratio(self, n: Number) -> bool:
        """'a factor of three', 'one over three', 'three times', 'one in five'."""
        text, s, e, value = self.text, n.s, n.e, n.value
        if n.scale is None and not n.fraction_only:
            factor_m = X.FACTOR_BEFORE.search(text, max(0, s - 16), s) if "factor" in self.low[max(0, s - 16):s] \
                else None
            if factor_m:
                self.take(RawFigure("ratio", factor_m.start(), e, value, "times", num_start=s, num_end=e))
                return True
            over = self.p.over_n.match(text, e, e + AHEAD) if "over" in n.follows else None
            if over:
                den, den_end = self.leading_number(over, "den")
                if den and not (1800 <= den <= 2100 and float(den).is_integer()) and self.ends_clause(den_end):
                    self._fraction(s, den_end, value / den, e)
                    return True
        times = X.TIMES.match(text, e, e + AHEAD) if "times" in n.follows else None
        if times and n.scale is None:
            self.take(RawFigure("ratio", s, times.end(), value, "times", num_start=s, num_end=e))
            return True
        if n.scale is None and not n.fraction_only and "in_n" in n.follows:
            return self._one_in_n(n)
        return False

    def _one_in_n(self, n: Number) -> bool:
        """A share written 'one in five', 'four out of five', '3 in 5' (a percentage, the whole phrase), or a rate
        against a base, '62 in every 10,000 children' (a quantity per that base)."""
        text, s, e, value = self.text, n.s, n.e, n.value
        in_n = self.p.in_n.match(text, e, e + AHEAD)
        if not in_n:
            return False
        den, den_end = self.leading_number(in_n, "den")
        if not den or not value or den <= value or (1800 <= den <= 2100 and float(den).is_integer()):
            return False
        if (in_n.group("every") and den >= _RATE_BASE) or den > _SHARE_BASE:
            noun = self.counted_noun(den_end)
            base = text[in_n.start("den"):den_end]
            unit = f"per {base} {noun}" if noun else f"per {base}"
            self.take(RawFigure("quantity", s, den_end, value, unit, num_start=s, num_end=e))
            return True
        share = value / den * 100
        self.take(RawFigure("percent", s, den_end, round(share, 2), "%", approx=round(share, 2) != share,
                            num_start=s, num_end=e))
        return True

    # -- years, quantities, shares, counts -----------------------------------------------------------
    def _year(self, n: Number) -> bool:
        """A calendar year; True also for what is read as no figure ('the 1990s', a year that is part of a
        name)."""
        if n.digits is None or n.scale is not None or not X.FOUR_DIGITS.fullmatch(n.digits) \
                or not 1800 <= n.value <= 2100:
            return False
        if n.after_char == "s" and not self.text[n.e + 1:n.e + 2].isalpha():
            return True  # a decade: 'the 1990s'
        if self.counts_after(n.e) and not self.time_before(n.s, n.word_before) \
                and not self.name_before(n.s, n.word_before):
            if self.capital_opening(n.word_before):
                return True  # 'Vision 2030 sets out ...' opening a sentence: a name's number, no figure
            return False  # a count: 'about 1900 children' (not 'In 2023 councils spent more', 'Vision 2030 sets')
        if self.is_year(n.s, n.e, n.word_before):
            self.take(RawFigure("year", n.s, n.e, int(n.value), num_start=n.s, num_end=n.e))
        return True

    def _quantity(self, n: Number) -> bool:
        """A number with a unit ('12 km', '40°C'; other units through quantulum3), also after a scale word
        ('380 million tonnes')."""
        s, e = n.s, n.e
        if n.scale is not None:
            unit_m = self.unit_after(n.pos) if "unit" in n.follows_pos else None
            if unit_m is None:
                return False
            self.take(RawFigure("quantity", s, unit_m.end(), n.amount, self.t.quantity_units[unit_m.group("unit")],
                                num_start=s, num_end=e, scale=n.scale))
            return True
        unit_m = self.unit_after(e) if "unit" in n.follows else None
        if unit_m and not (unit_m.group("unit") == "g" and n.after_char != "g"):
            self.take(RawFigure("quantity", s, unit_m.end(), n.value, self.t.quantity_units[unit_m.group("unit")],
                                num_start=s, num_end=e))
            return True
        if n.digits is not None:
            generic = self.generic_quantity(s, e)
            if generic is not None:
                end, unit_name = generic
                self.take(RawFigure("quantity", s, end, n.value, unit_name, num_start=s, num_end=e,
                                    source="quantulum3"))
                return True
        return False

    def _share(self, n: Number) -> bool:
        """A fraction: a share ('a third of', 'more than half') is a percentage; 'two thirds' alone a count."""
        if not n.fraction_only:
            return False
        text, s, e, value = self.text, n.s, n.e, n.value
        if n.first_token in ("half", "quarter") and n.word_before.lower() in self.t.period_parts:
            return True  # a part of a period: 'the first half of 2023', 'the final quarter'
        of_a = X.OF_A.match(text, e, e + AHEAD)
        dur = self.duration_after(of_a.end()) if of_a else None
        if dur is not None and not dur.group("abbr") and not X.TIME_AFTER.match(text, dur.end(), dur.end() + AHEAD):
            # 'half a century', 'a quarter of a century': a length of time (not 'three quarters a year earlier')
            unit, factor = self.t.duration_units[fold(dur.group("unit"))]
            self.take(RawFigure("duration", s, dur.end(), value * factor, unit, num_start=s, num_end=e))
            return True
        pof = X.PCT_OF_FRACTION.match(text, e, e + AHEAD)
        if pof:  # 'a quarter of a percentage point'
            self.take(RawFigure("percent", s, pof.end(), value, "percentage points" if pof.group("pp") else "%",
                                num_start=s, num_end=e))
            return True
        if n.first_token in ("a", "an") and n.word_before.lower() == "and" and value in (0.5, 0.25) \
                and not X.OF_AFTER.match(text, e, e + AHEAD):
            return True  # 'an hour and a half': the tail of a quantity, no share
        if self.is_share(s, e) or n.first_token not in ("a", "an", "half") \
                or (n.first_token != "half" and self.stands_alone(s, e)):
            # 'two thirds'; 'a fifth' alone on its line (not 'a fifth term', 'a third runway': ordinals)
            self._fraction(s, e, value, e)
        return True

    def _fraction(self, s: int, e: int, value: float, num_end: int) -> None:
        """A fraction ('a third', 'one over three', '3/4'): a share of something is a percentage, approximate when
        rounded ('a third of councils' -> 33.33); a fraction on its own a count of its value ('two thirds')."""
        if self.is_share(s, e):
            share = round(value * 100, 2)
            self.take(RawFigure("percent", s, e, share, "%", approx=share != value * 100, num_start=s,
                                num_end=num_end))
        else:
            self.take(RawFigure("count", s, e, value, None, num_start=s, num_end=num_end))

    def _count(self, n: Number) -> None:
        """A count, with the noun it counts ('82,170 children'); a number that counts per something else is a
        quantity ('16.3 cases per social worker', an average '16.3 cases')."""
        s, e = n.s, n.e
        if n.words and n.first_token == "one" and n.value == 1 and not self.one_counts(s, e):
            return
        if n.words and n.first_token.lower() == "zero" and self.zero_idiom(s, e):
            return  # 'net zero', 'zero tolerance'

        if n.words and n.first_token in ("a", "an") and n.scale is None and not n.has_scale:
            return
        if n.digits is not None and n.after_char.isalpha() and n.scale is None:
            return  # '3D', '4G', 'U2' and other identifiers
        end = n.pos if n.scale else e
        unit = self.counted_noun(end)
        if n.scale is None and unit is None and self.names_a_thing(s, e):
            return  # 'the two-child limit', 'six-figure sums', 'the two child limit'  (not 'those 103 private IFAs')
        per = self.per_base(end, unit)
        if per is not None:
            unit = f"{unit} per {per[0]}" if unit else f"per {per[0]}"
            self.take(RawFigure("quantity", s, end, n.amount, unit, num_start=s, num_end=e))
            if per[1] is not None:
                self.exclude(*per[1])  # the base is part of the unit: '70 per 10,000 children' counts no 10,000
        else:
            average = n.scale is None and n.digits is not None and not float(n.value).is_integer()
            self.take(RawFigure("count", s, end, n.amount, unit, num_start=s, num_end=e, scale=n.scale,
                                average=average))
