"""The announced-sum rule: one sum announced before, referred back to twice in a document with two values.

A writer refers back to money announced earlier by its amount, a definite article and the announcement ("the
£5.3bn over three years announced previously", "the £5.4bn announced last year to pay for them", "the promised
£2bn"). Such a reference often names no measure the claims stage can read (the sum is known to the reader),
so the value rules, which compare only claims with a measure, never see it. Within one document, two such
references to sums over the same period, with no measure telling them apart, whose values are close (within
:data:`~.comparison.SELF_CONTRADICTION` of the larger) yet differ at their written precision (touching
included: one author rounds one sum one way), most likely give one sum two ways.

A reference is a money claim that is a level (no rate, no bound) with:

* a definite determiner before it ("the", or a demonstrative of the ``claim_cues`` lexicon), past hedge
  words, adverbs in -ly and a participle of announcement ("the previously announced £5bn");
* a participle of announcement (``claim_cues`` role ``announced``: "announced", "pledged", "earmarked") right
  before it, or within :data:`WINDOW` words after it with no punctuation between.

What a sum is for is read from the purpose after its announcement ("announced last year for road repairs",
"announced in 2021 to deliver the white paper"): two references whose purposes share no content word are two
sums; a purpose that is a pronoun ("to pay for them") tells nothing apart. Two references with the same measure
are left to the value rules, which compare them. (The claims stage's measure of such
a reference is often the subject of its clause, "ministers have not said what will happen to the £3.2bn ...",
and is not read.) Two references in the same sentence are two sums ("the £2bn announced in March and the
£2.1bn pledged in May"), never compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..lexicons import Lexicons
from ..models import Claim, Document
from .caching import cached
from .comparison import Joined, cite, listing, variants, written_two_ways
from .events import tokens
from .items import Item, Settings, cited_item, describe_value, has_measure, numeric, reading
from .measures import singular
from .rules import define
from .run import Run

WINDOW = 5  # words after a sum searched for the participle of its announcement, and after it for a purpose
PURPOSE = 6  # words of a purpose read
REACH = 160  # characters read on each side of a sum
MEASURE = "announced sum"  # what a finding names when the references give no measure
_PUNCT = frozenset(",;:()–—\"“”‘’'")


class _Words(NamedTuple):
    announced: frozenset[str]  # participles of announcement
    definite: frozenset[str]  # definite determiners
    hedges: tuple[tuple[str, ...], ...]  # hedge phrases, longest first
    empty: frozenset[str]  # words that say nothing of what a sum is for (stop words of measures, pronouns)
    pronouns: frozenset[str]
    ends: frozenset[str]  # words that end a purpose's noun phrase (prepositions but 'of', conjunctions, verbs...)


def _words_uncached(lex: Lexicons) -> _Words:
    rows = lex.rows("claim_cues")
    announced = frozenset(r[0].lower() for r in rows if len(r) > 1 and r[1] == "announced")
    definite = frozenset({"the", *(r[0].lower() for r in rows if len(r) > 1 and r[1] == "demonstrative")})
    hedges = {tuple(w.lower().split()) for w in lex.words("hedges")}
    pronouns = frozenset({*(w.lower() for w in lex.words("pronouns")),
                          *(r[0].lower() for r in lex.rows("function_words") if len(r) > 1 and r[1] == "object")})
    empty = frozenset({*(w.lower() for w in lex.words("measure_stopwords")), *pronouns})
    ends = frozenset(r[0].lower() for r in lex.rows("function_words")
                     if len(r) > 1 and r[1] in ("P", "C", "X", "W", "E") and r[0].lower() != "of")
    return _Words(announced, definite, tuple(sorted(hedges, key=lambda h: (-len(h), h))), empty, pronouns, ends)


_words = cached(_words_uncached, 64)


def referred_back(c: Claim, lex: Lexicons) -> frozenset[str] | None:
    """Of a money claim that refers back, by its amount, to a sum announced before (see the module's text):
    the content words of what the sum is for (empty when not said, or said by a pronoun); else None."""
    if c.kind != "money" or c.aspect != "level" or c.rate or c.bound or not numeric(c.value):
        return None
    w = _words(lex)
    at = c.start - c.sentence_start
    before = tokens(c.sentence[max(0, at - REACH):at])
    said = False
    while before:
        hedge = next((h for h in w.hedges if tuple(before[-len(h):]) == h), None)
        if hedge is not None:
            del before[-len(hedge):]
        elif before[-1] in w.announced or (said and before[-1].endswith("ly")):
            said = True
            before.pop()
        else:
            break
    if not before or before[-1] not in w.definite:
        return None
    after = tokens(c.sentence[at + (c.end - c.start):at + (c.end - c.start) + REACH])
    if not said:
        k = next((k for k, t in enumerate(after[:WINDOW]) if t in _PUNCT or t in w.announced), None)
        if k is None or after[k] in _PUNCT:
            return None
        after = after[k + 1:]
    return _purpose(after, w)


def _purpose(after: list[str], w: _Words) -> frozenset[str]:
    """The content words (singular) of a purpose among the first words after an announcement ('for road
    repairs', 'to deliver the white paper'), up to the end of its noun phrase: none when there is none, or
    when it is a pronoun ('to pay for them')."""
    k = next((k for k, t in enumerate(after[:WINDOW]) if t in _PUNCT or t in ("for", "to")), None)
    if k is None or after[k] in _PUNCT:
        return frozenset()
    words = after[k + 1:]
    if after[k] == "to" and words:
        words = words[2:] if len(words) > 1 and words[1] == "for" else words[1:]  # ('to deliver', 'to pay for')
    words = words[:PURPOSE]
    if words and words[0] in w.pronouns:
        return frozenset()
    cut = next((k for k, t in enumerate(words) if t in _PUNCT or (k and t in w.ends)), len(words))
    return frozenset(singular(t) for t in words[:cut] if t not in w.empty and t.isalpha())


def _compared(a: Claim, b: Claim) -> bool:
    """Whether the value rules compare the two claims themselves (the same measure, named the same way)."""
    return has_measure(a) and has_measure(b) and a.measure == b.measure


def _references(doc: Document, st: Settings) -> dict[tuple[str, ...], list[tuple[Item, frozenset[str]]]]:
    """The document's references to announced sums with what each is for, by what must be the same for one
    sum: currency and period as written."""
    texts = {f.id: f.text for f in doc.figures}
    out: dict[tuple[str, ...], list[tuple[Item, frozenset[str]]]] = {}
    for seq, c in enumerate(doc.claims):
        purpose = referred_back(c, st.lex)
        got = None if purpose is None else reading(c, texts.get(c.figure, ""), st)
        if got is None:
            continue
        t = c.time
        key = ((c.unit or "").split()[0] if c.unit else "", t.relation, " ".join((t.as_written or "").lower().split()))
        item = cited_item(doc, c, texts.get(c.figure, ""))._replace(seq=seq, lo=got[0], hi=got[1], center=got[2])
        out.setdefault(key, []).append((item, purpose))  # type: ignore[arg-type]
    return out


@define(
    "announced-sum", severity="warning", name="AnnouncedSum",
    summary="One announced sum is given two values in a document.",
    description=(
        "Within one document, two references back to a sum announced before ('the £5.3bn over three years "
        "announced previously', 'the £5.4bn announced last year ... over three years'), for the same period and "
        "with no measure telling them apart, give close values that differ at their written precision: most "
        "likely one sum given two ways. References in one sentence are taken for different sums."),
    help=(
        "Check the announcement and correct the wrong figure, or name what each sum is for if they are "
        "different sums. Silence with <!-- caresocial: ignore announced-sum --> when they are."),
    scope="document", tags=("consistency", "value"),
)
def announced_sum(run: Run, doc: Document) -> None:
    """announced-sum on one document: references to announced sums that disagree, one finding per sum."""
    for items in _references(doc, run.settings).values():
        if len(items) > 1:
            _report(run, items)


def _report(run: Run, items: Sequence[tuple[Item, frozenset[str]]]) -> None:
    joined = Joined()
    taking: dict[int, Item] = {}
    for k, (a, pa) in enumerate(items):
        for b, pb in items[k + 1:]:
            if a.claim.sentence_start != b.claim.sentence_start and written_two_ways(a, b) \
                    and (not pa or not pb or pa & pb) and not _compared(a.claim, b.claim):
                joined.join(a.seq, b.seq)
                taking[a.seq], taking[b.seq] = a, b
    found: dict[int, list[Item]] = {}
    for seq in sorted(taking):
        found.setdefault(joined.find(seq), []).append(taking[seq])
    for group in found.values():
        groups = variants(group)
        cited = cite(groups)
        period = cited[0].claim.time.as_written
        run.report("announced-sum", MEASURE, cited,
                   f"{MEASURE}: {len(groups)} different values for one sum announced before: "
                   f"{listing(groups, describe_value)}. Same sum: each is referred back to with 'the' and its "
                   f"announcement, " + (f"for the same period ({period})" if period else "with no period") +
                   ", and nothing said of what each is for tells them apart.")


__all__ = ["MEASURE", "PURPOSE", "WINDOW", "announced_sum", "referred_back"]
