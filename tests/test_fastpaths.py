"""The shortcuts that keep the rules fast find exactly what the plain pattern searches find.

Each shortcut tries a pattern only where a match can start (or reads a match from its end); these tests
compare it with the plain search on fixture text and on random strings built from the pieces that make the
patterns branch (change verbs, links, marks, line breaks, quotes).
"""

from __future__ import annotations

import random
from pathlib import Path

import regex

from caresocial import attribution as A
from caresocial import claims as C
from caresocial.grammar import segment as S

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md")]


def _windows(rng: random.Random, pieces: list[str], n: int, width: int) -> list[tuple[str, int, int]]:
    out = []
    for k in range(n):
        if k % 2:
            t = rng.choice(TEXTS)
            b = rng.randint(0, len(t))
            out.append((t, max(0, b - rng.randint(0, width)), b))
        else:
            t = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            a = rng.randint(0, len(t))
            out.append((t, a, rng.randint(a, len(t))))
    return out


def _key(m: regex.Match[str] | None) -> tuple | None:
    return None if m is None else (m.span(), m.groupdict())


def test_change_subject_search() -> None:
    rng = random.Random(1)
    pieces = ("rise rose risen rises grew fell fall went up down will would is are set expected to also has had "
              "the spending costs children soared doubled halved jump increase , . £5m 10% sky-rose it 2020 in a of "
              "WENT Rose").split()
    for t, a, b in _windows(rng, pieces, 1500, 400):
        assert _key(C.first_change_subject(t, a, b)) == _key(C._CHANGE_SUBJECT.search(t, a, b)), (t[a:b],)
        assert _key(C.last_change_subject(t, a, b)) == _key(C.last_match(C._CHANGE_SUBJECT, t, a, b)), (t[a:b],)


def test_money_phrase_before() -> None:
    rng = random.Random(2)
    pieces = ("the annual costs spending of from is worth stood at will rise to more than an estimated about some "
              "funding gap , £3bn - children's it").split()
    for t, a, b in _windows(rng, pieces, 1200, 300):
        t, b = (t + rng.choice([" from ", " of about ", " will rise to ", " "]), None) if rng.random() < 0.3 else (t, b)
        b = len(t) if b is None else b
        plain = C._MONEY_NP_BEFORE.search(t[a:b])
        fast = C._money_np_before(t, a, b)
        assert (None if plain is None else (plain.start() + a, plain.group("np"))) == \
            (None if fast is None else (fast.start(), fast.group("np"))), (t[a:b],)


def test_sentence_ends() -> None:
    rng = random.Random(3)
    pieces = [".", "!", "?", "…", ":", "\"", "'", "”", "’", ")", "]", " ", "  ", "\t", "\u00a0", "\n", " \n", "\t\n",
              "A", "b", "The", "2", "£", "•", "-", "–", "*", "“", "(", "Mr.", "e.g.", "\r"]
    for k in range(3000):
        if k % 3 == 0:
            t = rng.choice(TEXTS)
            a = rng.randint(0, len(t))
            b = min(len(t), a + rng.randint(0, 600))
        else:
            t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
            a = rng.randint(0, len(t))
            b = rng.randint(a, len(t))
        assert [m.span() for m in S._sentence_ends(t, a, b)] == [m.span() for m in S._SENT_END.finditer(t, a, b)]


def test_cue_speaker_phrases() -> None:
    rng = random.Random(4)
    pieces = ["Mark Russell", ",", " ", "\n", ":", " said", "said", " calling for", " reads", " READ", " SAID",
              " published its final report calling for", " the charity", "**", " pointed out", " continued", " letter",
              "\r", "\u2028"]
    for k in range(1200):
        if k % 4 == 0:
            t = rng.choice(TEXTS)
            a = rng.randint(0, len(t))
            cue = t[a:a + rng.randint(0, 120)] + rng.choice(["", ":", " said:", "\n"])
        else:
            cue = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        m = A._CUE_WHO.search(cue)
        m2 = A._CUE_WHO_AFTER.search(cue)
        expected = (m.group("who") if m else cue.rstrip(":"), m2.group("who") if m2 else None)
        assert A._cue_speaker_phrases(cue) == expected, (cue,)


def test_report_matches_stop_after_the_last_verb() -> None:
    for t in TEXTS:
        for sa, sb in S.sentences(t):
            starts = [m.start() for m in A._LETTERS.finditer(t, sa, sb)
                      if A._TRIGGER_WORDS.get(m.group(), 0) & A._SPEECH]
            last = max(starts, default=-1)
            for pattern in (A._REPORTED, A._REPORTED_APPOS):
                assert [_key(m) for m in A._matches_before(pattern, t, sa, sb, last)] == \
                    [_key(m) for m in pattern.finditer(t, sa, sb)]


def test_trigger_hits() -> None:
    rng = random.Random(5)
    pieces = ["said", "says", "add", "added", "addition", "according", "According", "essay", "5", "_", "é", "ß", "’",
              " ", "\n", "-", "published", "carried", "out", "x"]
    texts = TEXTS + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(500)]
    for t in texts:
        words = A._TRIGGER_WORDS
        plain = [(m.start(), words[m.group()]) for m in A._LETTERS.finditer(t) if m.group() in words]
        assert A._trigger_hits(t) == plain, (t,)


def _nest_by_scan(quotes: list[A.RawQuote]) -> list[int | None]:
    """The parents :func:`attribution._nest` sets, found by looking at every open quote."""
    import heapq

    parents: list[int | None] = []
    active: list[tuple[int, int]] = []
    for i, q in enumerate(quotes):
        while active and active[0][0] <= q.start:
            heapq.heappop(active)
        best = None
        for o_end, j in active:
            o = quotes[j]
            if q.end <= o_end and (o_end - o.start) > (q.end - q.start) and (
                    best is None or (o_end - o.start, j) < (quotes[best].end - quotes[best].start, best)):
                best = j
        parents.append(best)
        if q.kind != "citation":
            heapq.heappush(active, (q.end, i))
    return parents


def _innermost_by_scan(quotes: list[A.RawQuote], spans: list[tuple[int, int]]) -> list[int | None]:
    out: list[int | None] = []
    for start, end in spans:
        best = None
        for i, q in enumerate(quotes):
            if q.kind != "citation" and q.start <= start and q.end >= end and (
                    best is None or (q.end - q.start, i) < (quotes[best].end - quotes[best].start, best)):
                best = i
        while best is not None and quotes[best].self_ref and quotes[best].parent is not None:
            best = quotes[best].parent
        out.append(best)
    return out


def test_nesting_and_innermost_quotes() -> None:
    from caresocial.components import innermost_quotes

    rng = random.Random(6)
    for _ in range(400):
        quotes = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 60)
            quotes.append(A.RawQuote(rng.choice(["direct", "reported", "citation"]), a, a + rng.randint(1, 40), None,
                                     self_ref=rng.random() < 0.3))
        if quotes and rng.random() < 0.3:
            quotes.append(A.RawQuote("direct", quotes[0].start, quotes[0].end, None))  # the same span twice
        quotes.sort(key=lambda q: (q.start, -q.end))
        expected = _nest_by_scan(quotes)
        A._nest(quotes)
        assert [q.parent for q in quotes] == expected
        spans = []
        for _ in range(rng.randint(0, 20)):
            s = rng.randint(0, 90)
            spans.append((s, s + rng.randint(1, 6)))
        assert innermost_quotes(quotes, spans) == _innermost_by_scan(quotes, spans)


def test_role_before() -> None:
    rng = random.Random(7)
    pieces = ["The Children's Commissioner", ",", ", ", " ", "\n", ";", ":", "Dame Rachel de Souza", "a", "  ", "\t"]
    for k in range(2000):
        if k % 2:
            t = rng.choice(TEXTS)
            b = rng.randint(0, len(t))
            a = max(0, b - rng.randint(0, 300))
        else:
            t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            a = rng.randint(0, len(t))
            b = rng.randint(a, len(t))
        assert _key(A._role_before(t, a, b)) == _key(A._ROLE_BEFORE.search(t, a, b)), (t[a:b],)
