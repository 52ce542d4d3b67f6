"""When a claim holds: the time phrase that governs its figure, and what a relative time resolves against.

A figure's own time is the phrase right after it (before the next figure) or right before it ("in 2023 just
half"). Without one, a time stated once governs what follows in the sentence ("rose to £3.4bn in 2022-23 - an
average of £290,000 per placement"), else the first time that follows. Without any, the statement holds:

* at the release's reference date, for a statistical release that states one in its title or first paragraph;
* by the horizon of the projection before it, for a future statement (else 'by' with no year);
* at the period last reported, for a past-tense statement (a document of 2023 reporting its data of 2022);
* at the document's year, for a present-tense statement.

A change is measured 'over' a period ending at the year of its newer level ("up 11% on the year before": the
comparison base is not its time); the ends of a change take 'from' and 'to'; a rate takes 'per'. Relative times
resolve against the statement's reference year; 'this year'/'next year' are financial years for sums in a
budget context. See GUIDELINES "Which year to record".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import regex

from ..times import POSSESSED_FIGURE, TimePhrase, shift_year, years_written
from .cues import Cues, default_cues


@dataclass(slots=True)
class DocTime:
    """What the times of one document's claims are resolved against."""

    reference: int | None = None
    label: str | None = None
    month: int | None = None
    release: tuple[int | str, str] | None = None  # a statistical release's reference period, and its words
    carried: tuple[int | str, str] | None = None  # the period last reported (for undated past-tense statements)
    period: TimePhrase | None = None  # a period written out in the sentence before ('over the period 2022-2025')
    fy_doc: bool = False  # the document reckons in financial years
    dated: bool = True  # the document has a date of its own (given, or written in it), not one inferred
    cues: Cues = field(default_factory=default_cues)  # the cue words of the lexicon set
    changes: frozenset[str] = frozenset()  # every form of the words of change ('rose', 'increased')


@dataclass(slots=True)
class FigureTime:
    """What the component knows of one claim figure for its time (its tense read when first asked for)."""

    start: int
    end: int
    kind: str
    aspect: str
    role: str | None
    rate: str | None
    tense_of: Callable[[], str]  # reads the tense: future, past or present
    budget: bool  # a sum in a budget context ('this year' is a financial year)
    starts_at: int | None = None  # offset of a time phrase that says when something takes effect
    own: TimePhrase | None = None
    level_time: tuple[str, int | str | None, str | None, str | None, bool] | None = None
    actors: bool = False  # a count of those who will act ('12 local authorities would pilot the model')
    reported: bool = False  # after a verb reporting data ('figures show the total is ...')
    paired: bool = True  # the sentence states where and when a change starts ('from 31% in 2024-25')
    read_tense: str | None = None
    announced: frozenset[int] = frozenset()  # offsets of the time phrases after a participle of announcement

    @property
    def tense(self) -> str:
        """future, past or present."""
        if self.read_tense is None:
            self.read_tense = self.tense_of()
        return self.read_tense


Result = tuple[str, int | str | None, str | None, str | None, bool]




def is_base(text: str, t: TimePhrase, sent_start: int, c: Cues | None = None) -> bool:
    """Whether a time phrase is what something is compared with ('than in 2021', 'on the year before', 'the
    highest since 2017'), not when it holds."""
    c = c or default_cues()
    before = text[max(sent_start, t.start - 40):t.start].lower().split()
    if before and t.text.lower().startswith(("from", "since")) and before[-1] in ("unchanged", "compared", "change"):
        return True
    if t.mode == "abs" and t.month is None and t.text[:3].lower() == "on " and "on" in c.base_before:
        return True  # 'an increase of 42 (0.2%) on 2022-23': a year after 'on' is a base ('on 1 March 2024' a date)
    if len(before) >= 2 and before[-1] == "to" and before[-2] in c.base_to:
        return True  # 'similar to the previous year', 'compared to 2022'
    if before and before[-1] in c.base_before and (t.mode == "that" or before[-1] == "than" or t.relation == "at"):
        return before[-1] != "from" or t.mode == "that"
    if len(before) >= 4 and before[-3:-1] == ["the", "same"] and before[-4] in c.base_before and \
            (before[-4] != "from" or (len(before) >= 5 and any(ch.isdigit() for ch in before[-5]))):
        # 'up 16.3% on the same point last year', 'compared with the same period a year earlier', 'up 16.3% from
        # the same date last year' (a figure right before 'from')
        return True
    if "than" in before[-6:] and not any(w in ("will", "would", "could") for w in before[-6:]):
        at = len(before) - before[::-1].index("than")
        after_than = before[at:]
        bound = at >= 2 and before[at - 2] in ("more", "less", "fewer", "over") and bool(after_than) and \
            after_than[0] not in c.than_base  # 'more than doubled over the past six years': a bound, no base
        if not bound and not any(ch.isdigit() for w in after_than for ch in w):
            return True  # 'than in 2021', 'than a proposal put forward in 2015' (not 'more than £15bn ... by 2032')
    if since_base(text, t, sent_start, c):
        return True
    return t.mode == "that" and t.offset < 0 and bool(before) and before[-1] in ("more", "fewer", "higher", "lower")


def _past_announcements(text: str, times: list[TimePhrase], sent_start: int, c: Cues) -> list[TimePhrase]:
    """The time phrases of a sentence without those right after a participle of announcement ('claim_cues' role
    'announced') that another phrase follows: they date the announcement, not a figure ('Another £500m, announced
    in March, will take the total to £6bn in 2026'); a period right after one is the period the sum is for,
    ahead of the announcement ('the £5.4bn announced last year to pay for them over three years')."""
    out: list[TimePhrase] = []
    ahead = False
    for k, t in enumerate(times):
        if ahead and t.relation == "over" and t.span and t.mode == "rel":
            t = replace(t, ahead=True)
        ahead = False
        if _announced(text, t, sent_start, c) and k + 1 < len(times):
            ahead = True
            continue
        out.append(t)
    return out


def _announced(text: str, t: TimePhrase, sent_start: int, c: Cues) -> bool:
    """Whether a time phrase follows a participle of announcement ('announced in March', 'promised in 2021')."""
    before = _WORD.findall(text[max(sent_start, t.start - 20):t.start].lower())
    return bool(before) and before[-1] in c.announced


def _duration(text: str, t: TimePhrase, sent_start: int, changes: frozenset[str]) -> bool:
    """Whether a time phrase is how long something lasts, not when a figure holds: a window shorter than a year
    ('seen *within 18 weeks*', 'waited more than *four hours*'), or a period right after a verb in the past that
    is no verb of change ('215,000 had waited *over a year*'; but 'rose *over a year*')."""
    low = t.text.lower()
    if t.short and t.mode == "rel" and low.startswith(("within", "in ", "over", "for")):
        return True
    if t.mode != "rel" or not low.startswith(("over ", "for ")):
        return False
    before = _WORD.findall(text[max(sent_start, t.start - 24):t.start].lower())
    return bool(before) and before[-1].endswith("ed") and len(before[-1]) > 4 and before[-1] not in changes


def since_base(text: str, t: TimePhrase, sent_start: int, c: Cues | None = None) -> bool:
    """Whether a time phrase starts the period a record is counted over ('the highest since 2017', 'the highest
    level in over 50 years') or dates the event of a clause opened by 'since' ('the highest since records began
    in 1998'): a base, but not one the figure is the year after."""
    c = c or default_cues()
    before = text[max(sent_start, t.start - 40):t.start].lower().split()
    if t.text.lower().startswith("since"):
        return any(w in c.superlative for w in before[-4:])
    if t.mode == "rel" and (before[-1:] in (["in"], ["for"]) or t.text.lower().startswith(("in ", "for "))):
        return any(w in c.superlative for w in before[-5:])  # 'the highest level in over 50 years': a window
    if "since" not in before[-5:]:
        return False
    gap = before[len(before) - before[::-1].index("since"):]
    return bool(gap) and not any(ch.isdigit() for w in gap for ch in w)


_WORD = regex.compile(r"[\w'’-]+")
_BEFORE_FIGURE = regex.compile(r"\s{0,2}[£$€\d]")


def years_before_that(text: str, sa: int, sb: int, times: list[TimePhrase], date: dt.date | None
                      ) -> list[tuple[int, int | str | None]]:
    """(offset, year) of the years written from 400 characters before a sentence to its end, for its phrases that
    count from the time before them ('the year before', 'the month before'); a month alone counts as its year
    against the document's ``date`` ('to 7.5 million in November, from 7.6 million the month before')."""
    if not any(t.mode == "that" for t in times):
        return []
    written = years_written(text, max(0, sa - 400), sb)
    if date is None:
        return written
    months = [(t.start, t.resolve(date.year, month=date.month)) for t in times if t.mode == "mon"]
    return sorted([*written, *months], key=lambda w: w[0]) if months else written


def own_time(text: str, fig: FigureTime, times: list[TimePhrase], next_start: int, sent_start: int,
             c: Cues) -> TimePhrase | None:
    """The phrase right after the figure (before ``next_start``, the next claim figure, and before a relative or
    subordinate clause) or right before it (not one that belongs to the other end of a change: 'now to 45,989')."""
    for t in times:
        if t.start >= fig.end and t.start < next_start and t.start - fig.end <= 120 and t.mode != "rate":
            gap = text[fig.end:t.start]
            words = _WORD.findall(gap.lower())
            if ";" in gap or ("(" in gap and ")" not in gap) or any(w in c.subordinator for w in words) or \
                    _out_of_brackets(gap):
                break
            if _BEFORE_FIGURE.match(text, t.end) or (t.text.lower() == "current" and t.start - fig.end > 8):
                continue  # the next figure's time: 'to £100,000 from the current £23,250'; another noun's
            return t
    for t in reversed(times):
        if t.end <= fig.start and fig.start - t.end <= 14 and t.mode != "rate":
            gap = _WORD.findall(text[t.end:fig.start].lower())
            if any(w in c.other_end for w in gap):
                return None
            return t
    return None


_FROM_FIGURE = regex.compile(r"\bfrom\s+(?:the\s+)?[£$€]?\d[\d.,]*(?:\s*(?:%|per\s+cent|[a-z]{1,8}))?\s*,?\s*$",
                            regex.IGNORECASE)


def _of_from_end(text: str, t: TimePhrase, fig: FigureTime) -> bool:
    """Whether a time phrase comes right after the older end of a change ('from 3,898 in autumn 2023', 'from
    £2.1bn in 2019'), not the change's own figure: the time of that end, not of a change."""
    if t.start < fig.end and t.end > fig.start:
        return False
    return bool(_FROM_FIGURE.search(text, max(fig.end if t.start >= fig.end else 0, t.start - 40), t.start))


def _out_of_brackets(gap: str) -> bool:
    """Whether a figure's brackets close, and its clause ends, before a time phrase ('Wales (£700m) and Northern
    Ireland (£400m) - these are averages over 2022-2025'; not 'went up by 140% (to 576,000) between 2015 and
    2024')."""
    close = gap.find(")")
    rest = gap[close:]
    return close >= 0 and "(" not in gap[:close] and (any(ch in rest for ch in ",;:–—") or " - " in rest)


def rate_after(text: str, fig: FigureTime, times: list[TimePhrase], c: Cues) -> TimePhrase | None:
    """A rate phrase right after the figure ('£12bn a year', '109 children ... every day')."""
    for t in times:
        gap = text[fig.end:t.start].lower().split()
        if t.mode == "rate" and 0 <= t.start - fig.end <= 64 and len(gap) <= 8 and \
                not any(ch in "".join(gap) for ch in ",;:–—()£$€") and not any(w in c.not_rate_gap for w in gap) \
                and not any(ch.isdigit() for ch in "".join(gap)):
            return t  # (within the figure's clause: '3,500 people would have to begin training each year')
    return None




def resolve(t: TimePhrase, relation: str, doc: DocTime, fig: FigureTime, last_year: int | str | None) -> Result:
    """(relation, year, as written, resolved against, relative) of a phrase; a level's time that is when a
    change takes effect ('due to take effect in October 2023') is where the level starts: 'from'."""
    year: int | str | None
    label = None
    if relation == "at" and fig.starts_at is not None and fig.starts_at == t.start:
        relation = "from"
    if doc.period is not None and t.either and t.span == doc.period.span and fig.tense != "past":
        # ('averages over the period 2022-2025 ... £29.4bn over three years': the period stated before)
        return relation, doc.period.year, t.text, f"the period stated before ({doc.period.text})", False
    if t.mode == "rel" and ((t.relation == "by" and t.span) or t.either) and fig.tense == "past" and not t.ahead:
        # ('had risen 7.6 per cent in five years', 'grew by a third over five years': up to the statement)
        relation, t = "over", TimePhrase(t.start, t.end, "over", "rel", span=t.span, text=t.text)
    if t.mode == "that":
        year = t.resolve(doc.reference, last_year)
        label = f"the year written before ({last_year})" if last_year is not None else doc.label
    else:
        fy = doc.month if (t.fy_ok and fig.budget) else None
        # (a month of an announcement is past, whatever the tense: 'the £630m announced in May was meant to ...')
        year = t.resolve(doc.reference, None, fy, doc.month, future=t.mode == "mon" and fig.tense == "future"
                         and t.start not in fig.announced)
        if t.relative and t.mode != "open" and year is not None:
            label = doc.label
    return relation, year, t.text, label, year is None and t.mode not in ("abs", "rate", "open")


def default_time(fig: FigureTime, doc: DocTime, projection: TimePhrase | None, last_year: int | str | None,
                 relation: str = "at") -> Result:
    """The time of a statement with no time phrase of its own in its sentence."""
    if doc.release is not None:
        return relation, doc.release[0], None, f"reference date of the release ({doc.release[1]})", False
    if fig.tense == "future":
        if projection is not None:
            # the horizon of the projection before it: a level, or the newer end of a change, is reached by then
            # (what holds once a change takes effect, in the sentences after it, holds at its year)
            by = relation in ("at", "to") and projection.relation == "by"
            return resolve(projection, projection.relation if by else relation, doc, fig, last_year)
        if relation in ("at", "to", "over"):
            # a projected outcome is reached by a horizon left unstated; a future sum is an amount, and so is the
            # number of those who will act (neither is reached by a time)
            return ("at" if fig.kind == "money" or fig.actors else "by"), None, None, None, False
    if (fig.tense == "past" or relation == "over" or fig.reported) and doc.carried is not None:
        # (a present-tense statement of what data show reports the period last reported)
        return relation, doc.carried[0], None, f"the period last reported ({doc.carried[1]})", False
    if doc.reference is None or (not doc.dated and relation == "at"):
        # an undated document: a statement with no time of its own holds at a date the text does not give
        return relation, None, None, None, False
    return relation, doc.reference, None, doc.label, False


_WHEN_CLAUSE = regex.compile(r",?\s+when\s+(?:\w+\s+){0,4}$", regex.IGNORECASE)


def _when_of_base(text: str, fig: FigureTime, times: list[TimePhrase], sent_start: int, c: Cues) -> TimePhrase | None:
    """The base time a level is stated at in a clause right after it ('an increase of 42 on 2022-23, when there
    were 24,151'; 'compared with 2019, when it stood at 8%'): the level holds then, not when the change does."""
    if fig.aspect == "change":
        return None
    before = [t for t in times if t.end <= fig.start and fig.start - t.end <= 40]
    if not before or not is_base(text, before[-1], sent_start, c):
        return None
    return before[-1] if _WHEN_CLAUSE.search(text, before[-1].end, fig.start) else None


def claim_time(text: str, fig: FigureTime, times: list[TimePhrase], sent_start: int, next_start: int,
               doc: DocTime, projection: TimePhrase | None, last_year: int | str | None) -> Result:
    """(relation, year, as written, resolved against, relative) of one claim figure."""
    c = doc.cues
    mine = _possessive_time(text, fig, times)
    if mine is not None:  # ('lower than last year's rise of 4.9%': the time is the 4.9%'s own, no base)
        return resolve(mine, "over" if fig.aspect == "change" else "at", doc, fig, last_year)
    times = [t for t in times if not text.startswith(("'s", "’s"), t.end)]  # (another figure's own)
    base = _when_of_base(text, fig, times, sent_start, c)
    if base is not None:
        return resolve(base, "at", doc, fig, last_year)
    usable = [t for t in times if t.mode != "rate" and not is_base(text, t, sent_start, c)
              and not _duration(text, t, sent_start, doc.changes)]
    if len(usable) > 1:
        usable = _past_announcements(text, usable, sent_start, c)
    # (an announcement's time before the figure is another figure's: 'new places, promised in 2021, ... only 6,000
    # have been delivered')
    announced = frozenset(t.start for t in usable if _announced(text, t, sent_start, c))
    usable = [t for t in usable if t.end > fig.start or t.start not in announced]
    fig.announced = frozenset(t.start for t in usable if t.start in announced)
    own = own_time(text, fig, usable, next_start, sent_start, c)
    fig.own = own
    rate = rate_after(text, fig, times, c) if fig.rate is None else None
    if (fig.rate is not None or rate is not None) and fig.role is None and (own is None or own.relation != "by") \
            and not (fig.aspect == "change" and own is not None and own.relation == "over"):
        # the year a rate holds: written, or now ('the current system costing £10bn a year')
        now = own or next((t for t in usable if t.end <= fig.start and fig.start - t.end <= 40 and
                           "," not in text[t.end:fig.start]), None)
        year = now.resolve(doc.reference) if now is not None and (now.mode == "abs" or (
            now.mode == "rel" and not now.span and now.relation == "at" and (not now.offset or (
                now is own and _right_after_rate(text, fig, times, now, c))))) else None
        # (a year counted from now only right after the rate: '3,000 litres a day last year'; not '£12bn a year,
        # beginning next year')
        return "per", year, (rate.text if rate is not None else (own.text if own is not None else None)), None, False
    if fig.role == "from":
        return _from_end(text, fig, own, usable, doc, last_year)
    if fig.role == "to" and fig.paired:
        # the newer end of a change from a level stated with its time: 'to', also when reached by a horizon ('from
        # 32,952 now to 45,989 by 2034'; but 'rise from 80,000 to 100,000 in 10 years' time' is reached 'by')
        if own is not None:
            return resolve(own, "to", doc, fig, last_year)
        by = next((t for t in usable if t.relation == "by"), None)
        if by is not None:
            return resolve(by, "to", doc, fig, last_year)
        return default_time(fig, doc, projection, last_year, "to")
    if fig.role == "to":
        if own is not None:
            return resolve(own, "by" if own.relation == "by" else "to", doc, fig, last_year)
        by = next((t for t in usable if t.relation == "by"), None)
        if by is not None:
            return resolve(by, "by", doc, fig, last_year)
        span = next((t for t in reversed(usable) if t.end <= fig.start and t.mode == "abs" and
                     t.start_year is not None), None)
        if span is not None:  # ('fell by 3 points between 2017 and 2021, to 35%': the level at the span's end)
            return "to", span.year, span.text, None, False
        return default_time(fig, doc, projection, last_year, "to")
    if fig.aspect == "change":
        # ('up 20% from 3,898 in autumn 2023': the older end's time; the change runs to the newer level)
        usable = [t for t in usable if not _of_from_end(text, t, fig)]
        own = None if own is not None and _of_from_end(text, own, fig) else own
        return _change(text, fig, own, usable, doc, projection, last_year)
    if own is not None:
        return resolve(own, own.relation, doc, fig, last_year)
    # a time stated once governs the figures after it ('in 2023 ... just half'; 'between 2016 and 2020 at
    # 22.6%'), but not the time of another figure ('compared with 16.1% in 2020, which amounts to 6,520')
    before = [t for t in usable if t.end <= fig.start and (t.start_year is None or t.mode == "abs")
              and not owned(text, t) and not _event_before(text, fig, t) and not _in_subclause(text, t, fig, c)]
    if before:
        t = before[-1]
        return resolve(t, t.relation if t.relation != "from" else "at", doc, fig, last_year)
    # (a future statement holds when its sentence says: 'Another £1bn will bring the total to £12bn in 2025')
    after = [t for t in usable if t.start >= fig.end and t.relation != "from" and (
                 t.start < next_start or not owned(text, t) or (fig.tense == "future" and t.mode != "that"))
             and not any(w in c.relative_word for w in _WORD.findall(text[fig.end:t.start].lower()))
             and not (t.start >= next_start and _NEW_CLAUSE.search(text, fig.end, next_start))]
    if after:
        return resolve(after[0], after[0].relation, doc, fig, last_year)
    return default_time(fig, doc, projection, last_year)


def _right_after_rate(text: str, fig: FigureTime, times: list[TimePhrase], t: TimePhrase, c: Cues) -> bool:
    """Whether a time phrase follows the rate phrase of a figure with nothing between ('a day last year')."""
    rate = rate_after(text, fig, times, c)
    return rate is not None and rate.end <= t.start and not text[rate.end:t.start].strip()


def _possessive_time(text: str, fig: FigureTime, times: list[TimePhrase]) -> TimePhrase | None:
    """A time phrase whose possessive noun phrase holds the figure ('last year's rise of 4.9%', 'this year's
    £2bn deficit'): when that figure holds."""
    for t in times:
        if t.end <= fig.start and fig.start - t.end <= 24 and text.startswith(("'s", "’s"), t.end):
            m = POSSESSED_FIGURE.match(text, t.end + 2)
            if m is not None and m.start("fig") == fig.start:
                return t
    return None


_PARTICIPLE_BEFORE = regex.compile(r"\b\w{3,}ed\s+$")
# a clause of its own begins ('..., and some 330,000 households were owed a duty in 2024/25'): a time after the
# next figure there is that clause's
_NEW_CLAUSE = regex.compile(r",\s+(?:and|but|while|whereas)\s|;")


def _in_subclause(text: str, t: TimePhrase, fig: FigureTime, c: Cues) -> bool:
    """Whether the figure stands in a clause that supposes, opened after the time (``claim_cues`` role
    'supposed': 'short of 8,000 by 2027 *even if the pledge of 6,500* is met'): the time is the main clause's.
    Not such a clause closed by a comma before the figure ('By 2027, if nothing changes, 8,000 ...')."""
    between = text[t.end:fig.start].lower()
    words = _WORD.findall(between)
    k = next((k for k in range(len(words) - 1, -1, -1) if words[k] in c.supposed), None)
    if k is None:
        return False
    return "," not in between[between.rfind(words[k]):]


def _event_before(text: str, fig: FigureTime, t: TimePhrase) -> bool:
    """Whether ``t`` dates a past event in a phrase set off before a future statement ('Together with measures
    announced this year, the government will lift 550,000 children out of poverty'): not when it holds."""
    return "," in text[t.end:fig.start] and bool(_PARTICIPLE_BEFORE.search(text, max(0, t.start - 20), t.start)) \
        and fig.tense == "future"


_FIGURE_END = regex.compile(r"(?:\d(?:bn|m|k|tn)?|%|\bbn|\bm|\bmillion|\bbillion|\bcent|\bpc|\btimes)\s*$",
                            regex.IGNORECASE)


def _ends_clause(text: str, t: TimePhrase, fig: FigureTime) -> bool:
    """Whether a deadline ends a clause that another clause follows before the figure ('cut by 50% by 2040, and
    bills will rise by £94'): the deadline of what the clause it ends says (a year, 'rose in 2023, and ...', may
    date both)."""
    if t.relation != "by":
        return False
    m = _NEW_CLAUSE.match(text, t.end)
    return m is not None and m.end() <= fig.start


def owned(text: str, t: TimePhrase) -> bool:
    """Whether a time phrase follows a figure directly ('16.1% in 2020'): that figure's time."""
    return bool(_FIGURE_END.search(text, max(0, t.start - 12), t.start))


def _from_end(text: str, fig: FigureTime, own: TimePhrase | None, usable: list[TimePhrase], doc: DocTime,
              last_year: int | str | None) -> Result:
    if own is not None and own.relation in ("at", "from") and own.mode != "open":
        return resolve(own, "from", doc, fig, last_year)
    since = next((t for t in usable if t.start_year is not None), None)
    if since is not None:
        return "from", since.start_year, since.text, None, False
    period = next((t for t in usable if t.relation == "over" and t.span), None)
    if period is not None and doc.reference is not None and period.mode == "rel":
        return "from", doc.reference + period.offset - period.span, period.text, doc.label, False
    if fig.tense == "future" or doc.reference is None:
        return "from", doc.reference, None, doc.label, doc.reference is None
    if doc.release is None and doc.carried is not None and (fig.tense == "past" or fig.reported):
        # ('vacancies fell from 7,913 to 7,723': the newer end is the period last reported, the older the one
        # before it)
        return "from", shift_year(doc.carried[0], -1), None, f"the period before the one last reported " \
            f"({doc.carried[1]})", False
    return default_time(fig, doc, None, last_year, "from")


def _change(text: str, fig: FigureTime, own: TimePhrase | None, usable: list[TimePhrase], doc: DocTime,
            projection: TimePhrase | None, last_year: int | str | None) -> Result:
    """A change: over the period it is measured over, ending at its newer level's year."""
    if own is not None and own.relation == "from" and own.mode == "abs":
        return resolve(own, "from", doc, fig, last_year)
    if own is not None and own.relation == "by":
        return resolve(own, "over" if own.span else "by", doc, fig, last_year)
    if own is not None and own.now:
        return resolve(own, "at", doc, fig, last_year)  # 'cut by 330,000 today': at once, over no period
    if fig.level_time is not None and (own is None or (own.relation == "over" and own.mode == "rel" and
                                                       own.start_year is None)):  # (not 'since 2023': its own)
        relation, year, written, label, relative = fig.level_time
        by = relation == "by" or (relation == "to" and (written or "").lower().startswith("by "))
        if year is not None:  # (a change towards a level reached by a horizon is reached by it too)
            return ("by" if by else "over"), year, own.text if own is not None else written, label, \
                relative
    if own is not None:
        return resolve(own, "over", doc, fig, last_year)
    before = [t for t in usable if t.end <= fig.start and not _ends_clause(text, t, fig)]
    if before:
        return resolve(before[-1], "from" if before[-1].relation == "from" else "over", doc, fig, last_year)
    after = [t for t in usable if t.start >= fig.end and t.relation != "from"]
    if after:
        return resolve(after[0], "over" if after[0].relation != "by" else "by", doc, fig, last_year)
    relation, year, written, label, relative = default_time(fig, doc, projection, last_year, "over")
    return (relation if relation in ("by", "at") else "over"), year, written, label, relative


def carried_year(result: Result) -> int | str | None:
    """The year a level's time says was reported (for the statements that follow), if it is explicit."""
    relation, year, written, _label, _rel = result
    if relation in ("at", "to") and year is not None and written is not None:
        return year
    return None


def next_year_of(year: int | str | None) -> int | str | None:
    """The year after a comparison base ('2.7% fewer than in 2021': the figure's own year is 2022)."""
    return shift_year(year, 1)
