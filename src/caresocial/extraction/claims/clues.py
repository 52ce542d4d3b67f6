"""What the words of a sentence say about when its claims hold: the tense of a figure's clause, a budget
context, words saying something starts or ends (``date_events``), a statistical release's reference date, and
the periods a rate in time can be per."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ...lexicons import Lexicons
from ..figures.tables import tables as figure_tables
from ..times import TimePhrase, find_times
from .cues import Cues, cues
from .phrases import clause_start
from .synonyms import inflections
from .vocab import vocabulary
from .words import PUNCT, Word, word_classes

FY = regex.compile(r"(?<!\d)(?:19|20)\d\d[/-](?:19|20)?\d\d(?!\d)")


@lru_cache(maxsize=8)
def _event_patterns(lex: Lexicons) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The ``date_events`` as patterns: the words that make a date a claim (not a 'lead', not 'nocue') as whole
    words (in words joined by spaces); the start words (not 'weak') after which a time is when something takes
    effect, at the end of the words before a time; and the leads into a date ('the end of') at their end."""
    rows = [r for r in lex.rows("date_events") if len(r) > 1]
    flags = {r[0].lower(): set(r[2].split()) if len(r) > 2 else set() for r in rows}
    cues = [r for r in rows if r[1] != "lead" and "nocue" not in flags[r[0].lower()]]
    every = sorted({r[0].lower() for r in cues}, key=len, reverse=True)
    starts = sorted({r[0].lower() for r in cues if r[1] == "start" and "weak" not in flags[r[0].lower()]},
                    key=len, reverse=True)
    leads = sorted({r[0].lower() for r in rows if r[1] == "lead"}, key=len, reverse=True)

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in words) or "(?!)"

    # (a word of an event followed by 'of' is a noun of time: 'by the close of this parliament')
    return (re.compile(rf"(?:^| )(?:{alt(every)})(?= |$)(?! of )"), re.compile(rf"(?:{alt(starts)})$"),
            re.compile(rf"(?:^| )(?:{alt(leads)})$"))


def date_claim(ws: list[Word], first: int, last: int, lex: Lexicons) -> bool:
    """A date or year that states when something starts or ends ('due to take effect in October 2023', 'comes
    to an end in March 2026', 'extended until 2026'), with no other figure in its clause."""
    events = _event_patterns(lex)[0]
    memo = getattr(ws, "memo", None)
    if memo is not None:  # (no event word anywhere in the sentence: no date in it is a claim)
        anywhere = memo.get(("events", 0, 0))
        if anywhere is None:
            anywhere = memo[("events", 0, 0)] = int(bool(events.search(" ".join(w.low for w in ws))))
        if not anywhere:
            return False
    lo = clause_start(ws, first)
    # (without the words leading into the date as a time: 'by the end of 2025' states no end)
    window = _event_patterns(lex)[2].sub("", " ".join(w.low for w in ws[max(lo, first - 8):first]), count=1)
    k = last + 2 if last + 1 < len(ws) and ws[last + 1].text == "," else last + 1
    cleft = k + 1 < len(ws) and ws[k].low in ("is", "was") and ws[k + 1].low == "when"
    # (a cleft sentence gives the event after the date: 'March 2026 is when the override, which ..., ends';
    # else the words after it in its own clause: not 'announced in September 2021, would have brought in')
    end = last + 1
    while end < min(len(ws), last + 10) and not ws[end].is_(PUNCT):
        end += 1
    after = " ".join(w.low for w in ws[last + 1:last + 40 if cleft else end])
    return bool(events.search(window) or events.search(after))


def takes_effect(text: str, times: list[TimePhrase], sa: int, lex: Lexicons) -> int | None:
    """Offset of the time phrase right after words saying something starts ('due to take effect in October
    2023', 'comes into force from April'), if the sentence has one."""
    starts = _event_patterns(lex)[1]
    for t in times:
        before = " ".join(text[max(sa, t.start - 30):t.start].lower().split())
        if starts.search(before):
            return t.start
    return None


_BREAKS = ",;:–—()"


def _clause_end(ws: list[Word], first: int, limit: int = 12) -> int:
    hi = first + 1
    while hi < len(ws) and not (ws[hi].is_(PUNCT) and ws[hi].text in _BREAKS) and hi - first < limit:
        hi += 1
    return hi


def _clause_tense(words: list[Word], past_forms: tuple[frozenset[str], frozenset[str]], c: Cues) -> str | None:
    """future, past or present by the first verb of ``words`` (a modal anywhere makes it future); None when
    they hold no verb."""
    tense = None
    for k, w in enumerate(words):
        nxt = words[k + 1].low if k + 1 < len(words) else ""
        if w.low in c.modal or (w.low in c.future_to and nxt == "to") or (
                w.low in c.expect_to and not (k > 0 and words[k - 1].is_("D", "A"))
                and any(x.low == "to" for x in words[k + 2:k + 6])):
            return "future"  # ('will', 'set to', 'expect the cap to fall')
        if tense is not None:
            continue
        if w.low in c.present_aux:
            tense = "present"
        elif w.low in c.past_aux or (w.content and (w.low in past_forms[1] or
                                                    (w.low in past_forms[0] and not w.is_("N")))
                                     and not (k > 0 and words[k - 1].low in ("has", "have", "been", "be"))):
            tense = "past"
    return tense


def tense(ws: list[Word], first: int, lex: Lexicons, default: str = "present") -> str:
    """future, past or present: of the clause that holds word ``first`` (its first verb decides; a modal
    anywhere before it in the sentence makes it future). A clause with no verb ('– £310m in all') takes the
    tense of the clause before it; a condition ('when someone has paid £86,000, the state will ...') a future
    main clause's; a sentence with no tense at all takes ``default``."""
    lo = clause_start(ws, first)
    hi = _clause_end(ws, first)
    memo: dict[tuple[str, int, int], object] | None = getattr(ws, "memo", None)
    if memo is not None:
        hit = memo.get(("tense", lo, hi))
        if hit is None:
            hit = memo[("tense", lo, hi)] = _tense_of(ws, lo, hi, first, lex, default)
        return hit  # type: ignore[return-value]
    return _tense_of(ws, lo, hi, first, lex, default)


def _tense_of(ws: list[Word], lo: int, hi: int, first: int, lex: Lexicons, default: str) -> str:
    past_forms = past_tense(lex)
    c = cues(lex)
    tense = _clause_tense(ws[lo:hi], past_forms, c)
    if tense != "future" and hi < len(ws) and any(w.low in c.condition for w in ws[max(0, lo - 1):first]):
        main = _clause_tense(ws[hi + 1:_clause_end(ws, hi + 1, 16)], past_forms, c)
        if main == "future":
            return main
    verbless = tense is None and not any(w.content and w.is_("V") and not (k > lo and ws[k - 1].is_("D", "A"))
                                         for k, w in enumerate(ws[lo:hi], lo))
    if verbless and lo == 0:
        tense = _main_after(ws, hi, past_forms, c)  # 'Another £1bn, announced in the Budget, will bring ...'
    if tense is None and verbless:
        end = lo
        while tense is None and end > 0:  # a clause with no verb: the clauses before it, nearest first
            start = clause_start(ws, end - 1)
            tense = _clause_tense(ws[start:end], past_forms, c)
            end = min(start, end - 1)
    if tense is None and any(w.low in c.modal for w in ws[:lo]):
        return "future"  # '... would cost £3.6bn and take some 630,000 children out of poverty'
    return tense or default


def _main_after(ws: list[Word], hi: int, past_forms: tuple[frozenset[str], frozenset[str]], c: Cues) -> str | None:
    """The tense of the main clause after a sentence's opening subject, past a participle set off in commas."""
    for _ in range(3):
        if hi >= len(ws) or ws[hi].text != ",":
            return None
        end = _clause_end(ws, hi + 1, 16)
        words = ws[hi + 1:end]
        if words and words[0].content and words[0].is_("V") and words[0].low.endswith(("ed", "en")):
            hi = end  # (the participle's clause: 'announced in the recent Budget')
            continue
        return _clause_tense(words, past_forms, c)
    return None


@lru_cache(maxsize=8)
def past_tense(lex: Lexicons) -> tuple[frozenset[str], frozenset[str]]:
    """Past-tense forms of the word-class table (read as past when not a noun too), and of the change verbs
    (read as past even where they are nouns too: 'fell', 'rose')."""
    changes = {inflections(r[0], r[3] if len(r) > 3 else "")[2] for r in lex.rows("change_verbs")
               if len(r) > 2 and r[2] == "v"}
    return word_classes(lex).verbs_past, frozenset(f for f in changes if " " not in f)


@lru_cache(maxsize=8)
def rate_adjectives(lex: Lexicons) -> dict[str, str]:
    """Period -> the adjective of a sum per that period ('year' -> 'annual'): the fourth column of ``time_words``."""
    return {r[0]: r[3] for r in lex.rows("time_words") if len(r) > 3 and r[1] == "unit"}


@lru_cache(maxsize=8)
def time_rates(lex: Lexicons) -> frozenset[str]:
    """The periods a rate in time is per ('year', 'month', ...): the units and rates of ``time_words``."""
    return frozenset(r[2] if r[1] == "rate" else r[0] for r in lex.rows("time_words")
                     if len(r) > 1 and r[1] in ("unit", "rate"))


@lru_cache(maxsize=8)
def _budget_pattern(lex: Lexicons) -> re.Pattern[str]:
    words = sorted((w.lower() for w in lex.words("budget_words")), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


def budget(text: str, sa: int, sb: int, kind: str, lex: Lexicons) -> bool:
    """Whether a sum's sentence is in a budget context: a financial year or a budget word (``budget_words``)."""
    if kind != "money":
        return False
    return bool(FY.search(text, sa, sb)) or bool(_budget_pattern(lex).search(text[sa:sb].lower()))


_AS_AT = re.compile(r"\bas\s+(?:at|of)\b", re.IGNORECASE)
_DIGITS4 = re.compile(r"(?:19|20)\d\d")


def release(text: str, paras: list[tuple[int, int]], lex: Lexicons) -> tuple[int | str, str] | None:
    """A statistical release's reference date: a month and year in its title, or 'as at 31 March 2024' in its
    first paragraph."""
    if len(paras) < 3:
        return None
    for pi, (a, b) in enumerate(paras[:2]):
        if not _DIGITS4.search(text, a, b) or (pi == 1 and not _AS_AT.search(text, a, b)):
            continue  # (no year, or no 'as at': nothing to find)
        for t in find_times(text, a, b, lex):
            low = t.text.lower()
            if t.mode == "abs" and t.month is not None and t.relation == "at" and \
                    (pi == 0 or low.startswith(("as at", "as of"))):  # (not a start or a deadline: "From April 2026")
                return t.year, t.text  # type: ignore[return-value]
    return None


def acting(ws: list[Word], first: int, last: int, lex: Lexicons) -> bool:
    """Whether a count is the subject of a verb of action ('12 local authorities would pilot the model'), not of
    one that states what they become or reach ('18 councils would become insolvent', 'will be 100,000')."""
    if any(w.content for w in ws[clause_start(ws, first):first]):
        return False  # (not the subject: something comes before it in its clause)
    k = last + 1
    while k < len(ws) and k - last < 6 and not (ws[k].is_("X") and not ws[k].content):
        if ws[k].is_(PUNCT) or ws[k].is_("W"):
            return False
        k += 1  # the counted noun
    modal = k
    while k < len(ws) and ((ws[k].is_("X") and not ws[k].content) or ws[k].is_("E", "R")):
        k += 1  # auxiliaries, adverbs
    if k >= len(ws) or not ws[k].content or not (ws[k].is_("V") or k > modal) or \
            ws[k].low in vocabulary(lex).level_verbs:
        return False  # (after a modal, the word is a verb: 'would trial the new rota')
    return k + 1 < len(ws) and not ws[k + 1].is_("A")  # ('would go bust' states a level)


_BULLET = regex.compile(r"[ \t]*(?:[-•*–·▪]|\(?[a-z0-9]{1,2}[.)])[ \t]")


def lead_in_future(text: str, start: int, lex: Lexicons) -> bool:
    """Whether the sentence at ``start`` is an item of a list whose lead-in line (ending in a colon) is in the
    future ('lifting as many children out of poverty would mean:\\n- raising the child element by £17 a week,
    at a cost of £3bn'): an item with no verb of its own reads in the lead-in's tense. Lines are looked for in
    a bounded window before ``start`` (linear on text without line breaks)."""
    floor = max(0, start - _LIST_WINDOW)
    line_start = text.rfind("\n", floor, start) + 1
    if line_start == 0 and floor > 0:
        return False
    if not _BULLET.match(text, line_start):
        return False
    end = line_start - 1
    for _ in range(20):  # back over the items before it, to the lead-in
        if end <= floor:
            return False
        prev_start = text.rfind("\n", floor, end) + 1
        if prev_start == 0 and floor > 0:
            return False  # (a line longer than the window)
        line = text[prev_start:end].strip()
        if line and not _BULLET.match(text, prev_start):
            return line.endswith(":") and any(w in cues(lex).modal for w in line.lower().split())
        end = prev_start - 1
    return False


_LIST_WINDOW = 4000  # characters before a sentence searched for its list's lead-in


@lru_cache(maxsize=8)
def _age_before(lex: Lexicons) -> re.Pattern[str]:
    """The ``age_words`` phrases that lead into an age (kind 'before': 'aged', 'aged under', 'under the age of'),
    at the end of the words before a number."""
    words = sorted(figure_tables(lex).age_before, key=len, reverse=True)  # (as the figure grammar reads them)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"\b(?:{alt})\s+$", re.IGNORECASE)


def population_age(before: str, lex: Lexicons) -> bool:
    """Whether the words ``before`` an age lead into it as the age of who is counted ('people aged 16 and
    over', 'children under the age of 5'), not as an amount a claim states."""
    return bool(_age_before(lex).search(before))

