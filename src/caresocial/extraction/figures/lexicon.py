"""Word tables of the figure grammar: rules as data.

Adding a currency, a scale word, a hedge or a unit is adding a row here; ``figures.py`` compiles the
tables into patterns once at import.
"""

from __future__ import annotations

# How far past a position an anchored pattern may read. Every ``pattern.match(text, pos)`` passes
# ``pos + AHEAD`` as its end: the regex module otherwise scans the rest of the text for the pattern's
# required literals before it tries the match, which makes a long document cost quadratic time.
AHEAD = 256

# Letters that a case-insensitive pattern matches to ASCII letters but ``str.lower`` does not make ASCII:
# ``fold`` gives the key of a matched word in the tables below ('yearſ' -> 'years').
_FOLD = str.maketrans({"ſ": "s", "\u212a": "k", "İ": "i"})


def fold(word: str) -> str:
    """Lower-case table key of a word that a case-insensitive pattern matched."""
    return word.translate(_FOLD).lower()


UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Multipliers written as words; "hundred" multiplies the running group, the others close it.
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9, "trillion": 1e12,
}
# Scale abbreviations written after a number ("£2.1bn", "10k", "1.2b", "75 USD million").
SCALE_ABBREV: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "million": 1e6, "millions": 1e6, "b": 1e9, "bn": 1e9, "B": 1e9, "bln": 1e9, "G": 1e9, "billion": 1e9,
    "billions": 1e9, "tn": 1e12, "tln": 1e12, "trillion": 1e12, "trillions": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
DOZEN_WORDS: dict[str, int] = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12}
# Denominators of spelled fractions ("two thirds", "a quarter").
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "eleventh": 11,
    "elevenths": 11, "twelfth": 12, "twelfths": 12, "thirteenth": 13, "thirteenths": 13, "fourteenth": 14,
    "fourteenths": 14, "fifteenth": 15, "fifteenths": 15, "sixteenth": 16, "sixteenths": 16, "seventeenth": 17,
    "seventeenths": 17, "eighteenth": 18, "eighteenths": 18, "nineteenth": 19, "nineteenths": 19, "twentieth": 20,
    "twentieths": 20, "thirtieth": 30, "thirtieths": 30, "fortieth": 40, "fortieths": 40, "fiftieth": 50,
    "fiftieths": 50, "sixtieth": 60, "sixtieths": 60, "seventieth": 70, "seventieths": 70, "eightieth": 80,
    "eightieths": 80, "ninetieth": 90, "ninetieths": 90, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
    "millionth": 10**6, "millionths": 10**6, "billionth": 10**9, "billionths": 10**9, "trillionth": 10**12,
    "trillionths": 10**12,
}
# Ordinal words that are no denominators: after a tens word they make an ordinal ('twenty-first').
ORDINAL_ONLY: frozenset[str] = frozenset({"first", "second"})
# Vague plural counts: "hundreds of young people" -> value null, approx.
VAGUE: dict[str, str] = {
    "dozens": "dozens", "scores": "scores", "hundreds": "hundreds", "thousands": "thousands",
    "millions": "millions", "billions": "billions", "tens of thousands": "tens of thousands",
    "hundreds of thousands": "hundreds of thousands", "tens of millions": "tens of millions",
    "hundreds of millions": "hundreds of millions",
}
MULTIPLIERS: dict[str, float] = {"twice": 2, "thrice": 3, "double": 2, "treble": 3, "triple": 3,
                                 "quadruple": 4, "half": 0.5}

# Currency symbols and codes -> ISO 4217. Longest first when compiled.
CURRENCY_SYMBOLS: dict[str, str] = {
    "£": "GBP", "€": "EUR", "$": "USD", "¥": "JPY", "₹": "INR", "元": "CNY", "₡": "CRC", "₾": "GEL",
    "₭": "LAK", "ரூ": "LKR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP",
    "US$": "USD", "U.S.$": "USD", "u.s.$": "USD", "u.s $": "USD", "u.s. $": "USD", "us$": "USD",
    "C$": "CAD", "c$": "CAD", "c $": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "Mex$": "MXN", "mex$": "MXN", "R$": "BRL",
    "usd$": "USD", "cad$": "CAD", "aud$": "AUD", "nzd$": "NZD", "mxn$": "MXN", "hkd$": "HKD",
}
ISO_CODES: frozenset[str] = frozenset(
    "GBP USD EUR JPY CNY RMB INR CAD AUD NZD CHF HKD SGD SEK NOK DKK ZAR MXN BRL KRW RUB TRY ILS NGN "
    "PHP PLN CZK HUF CRC GEL LAK LKR".split()
)
CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}
# Currency words written after the amount ("361 million pounds", "5 dollars").
CURRENCY_WORDS: dict[str, str] = {
    "pounds sterling": "GBP", "pound sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "australian dollars": "AUD",
    "australian dollar": "AUD", "new zealand dollars": "NZD", "hong kong dollars": "HKD",
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
    "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY",
    "rupees": "INR", "rupee": "INR", "swiss francs": "CHF", "francs": "CHF",
}
# Minor units: value divided by 100 and the currency they belong to.
MINOR_WORDS: dict[str, str] = {"pence": "GBP", "penny": "GBP", "pennies": "GBP", "p": "GBP",
                               "cents": "USD", "cent": "USD"}

PERCENT_WORDS: tuple[str, ...] = ("percentage points", "percentage point", "per cent", "percent",
                                  "percents", "percentage", "pct", "pc", "%", "pp", "ppts", "% points")

# Duration units -> normalised unit and factor.
DURATION_UNITS: dict[str, tuple[str, float]] = {
    "year": ("years", 1), "years": ("years", 1), "yr": ("years", 1), "yrs": ("years", 1),
    "month": ("months", 1), "months": ("months", 1), "week": ("weeks", 1), "weeks": ("weeks", 1),
    "day": ("days", 1), "days": ("days", 1), "night": ("days", 1), "nights": ("days", 1),
    "decade": ("years", 10), "decades": ("years", 10), "century": ("years", 100),
    "centuries": ("years", 100), "fortnight": ("weeks", 2), "fortnights": ("weeks", 2),
}
# Short duration suffixes glued to digits ("10D", "3Y", "2W").
DURATION_SUFFIX: dict[str, str] = {"D": "days", "d": "days", "Y": "years", "y": "years", "W": "weeks",
                                   "w": "weeks"}
# Generic units our own rules cover (quantity); anything else unit-like is passed to quantulum3.
QUANTITY_UNITS: dict[str, str] = {
    "hours": "hours", "hour": "hours", "hrs": "hours", "hr": "hours", "minutes": "minutes",
    "minute": "minutes", "mins": "minutes", "seconds": "seconds", "second": "seconds",
    "km": "kilometres", "kilometres": "kilometres", "kilometers": "kilometres", "miles": "miles",
    "mile": "miles", "metres": "metres", "meters": "metres", "kg": "kilograms", "kilograms": "kilograms",
    "tonnes": "tonnes", "tons": "tonnes", "litres": "litres", "liters": "litres", "mph": "miles per hour",
    "acres": "acres", "hectares": "hectares", "sq ft": "square feet", "square feet": "square feet",
    "square metres": "square metres", "°C": "degrees Celsius", "°F": "degrees Fahrenheit",
    "MW": "megawatts", "GW": "gigawatts", "kWh": "kilowatt hours", "MWh": "megawatt hours",
    "GWh": "gigawatt hours", "TWh": "terawatt hours", "ml": "millilitres", "cm": "centimetres",
    "mm": "millimetres", "g": "grams", "lbs": "pounds (mass)", "ft": "feet", "feet": "feet",
    "inches": "inches",
}

# GUIDELINES.md: approx for a hedge; 'upwards of' and 'in excess of' are lower bounds (BOUNDS_MIN), not hedges.
HEDGES: tuple[str, ...] = (
    "close to", "almost", "approaching", "around", "about", "nearly", "roughly", "some", "approximately",
    "approx.", "approx", "an estimated", "estimated", "circa", "c.", "ca.", "getting on for",
    "in the region of", "the best part of", "just under", "just over", "just shy of", "well over", "or so",
)
BOUNDS_MIN: tuple[str, ...] = (
    "more than", "over", "at least", "upwards of", "in excess of", "above", "greater than", "no fewer than",
    "no less than", "not less than", "a minimum of", "well over", "just over", "exceeding", "exceeds",
    "beyond", "higher than", "over and above", "a record", "as many as", "as much as",
)
BOUNDS_MAX: tuple[str, ...] = (
    "up to", "less than", "under", "fewer than", "below", "no more than", "not more than", "at most",
    "a maximum of", "just under", "just shy of", "lower than", "as little as", "as few as", "within",
    "capped at", "not exceeding",
)
# "as many as"/"as much as" read as maxima in some styles; we treat them as a lower bound of the claim.

RATE_AFTER: dict[str, str] = {
    "a year": "year", "per year": "year", "each year": "year", "every year": "year", "per annum": "year",
    "a annum": "year", "annually": "year", "pa": "year", "p.a.": "year", "yearly": "year",
    "a month": "month", "per month": "month", "each month": "month", "every month": "month",
    "monthly": "month", "a week": "week", "per week": "week", "each week": "week", "every week": "week",
    "weekly": "week", "a day": "day", "per day": "day", "each day": "day", "every day": "day",
    "daily": "day", "an hour": "hour", "per hour": "hour", "a head": "head", "per head": "head",
    "per person": "person", "per child": "child", "per pupil": "pupil", "per share": "share",
    "a share": "share", "per capita": "head",
}
RATE_BEFORE: dict[str, str] = {
    "annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

# Words before a number that make it a label, not a figure ("Number 10", "Section 17").
LABEL_WORDS: frozenset[str] = frozenset(
    "number no no. nos article articles section sections clause clauses schedule part chapter page pages "
    "p. pp. para paragraph figure fig fig. table annex appendix recommendation recommendations level tier "
    "phase version v step stage key room flat unit floor building route bus platform gate junction "
    "question item box line lines exhibit footnote note rule regulation regulations chart goal goals "
    "sdg priority principle objective outcome option scenario wave cohort class grade band ward "
    "district block lot issue vol volume edition episode season series act acts covid covid- ps "
    "m a b".split()
)
# Nouns after "one" that make it an idiom or pronoun, not a count ("one of", "one day").
ONE_NOT_COUNT: frozenset[str] = frozenset(
    "of another day way thing hand side point time off to and or such that who which another's more "
    "last final way's stop size voice".split()
)
# Words that end a counted-noun phrase.
UNIT_STOP: frozenset[str] = frozenset(
    "a an the of in on at by for to from with without into onto over under than and or but nor so as "
    "is are was were be been being will would could should may might must can shall do does did has "
    "have had who whom which that this these those there their them they it its his her he she we "
    "our you your i me my us per each every across between among through during before after since "
    "until up down out not no more less fewer most least about around nearly almost some all any "
    "both either neither here now today".split()
)
# Two-word modifiers that belong to a counted noun though their second word ends noun phrases elsewhere
# ("80,000 looked after children", not the noun "looked").
NOUN_COMPOUNDS: frozenset[str] = frozenset(
    "looked after|cared for|provided for|left behind|signed off|laid off|worse off|better off".split("|")
)
# Modifiers skipped between a number and its counted noun ("30,000 more children").
UNIT_SKIP: frozenset[str] = frozenset(
    "more additional extra new other further fewer less extra".split()
)
IRREGULAR_PLURALS: frozenset[str] = frozenset(
    "children people men women staff police personnel cattle sheep fish aircraft offspring youth "
    "feet teeth mice geese data media alumni criteria taxis".split()
)
AGE_BEFORE: tuple[str, ...] = ("aged", "age", "ages", "reach", "reaches", "reached", "reaching",
                               "turn", "turns", "turned", "turning", "until they are", "until they reach",
                               "under the age of", "over the age of", "the age of")
