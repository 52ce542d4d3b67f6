"""The shortcuts that keep the rules fast find exactly what the plain pattern searches find.

Each shortcut tries a pattern only where a match can start (or reads a match from its end); these tests
compare it with the plain search on fixture text and on random strings built from the pieces that make the
patterns branch (change verbs, links, marks, line breaks, quotes).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
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


# ------------------------------------------------------------------------------------------------------
# Quotes: the report patterns searched only from where a speaker phrase can reach a speech verb, the verb and
# noun lists as tries, list subjects tried only near their 'and', cheap pre-tests of speaker phrases
# ------------------------------------------------------------------------------------------------------
_REPORT_PIECES = [*(
    "said says say told tells warned warns has have had also today long last year yesterday The the This this Our "
    "our research report study analysis data figures , , , . ( ) (NSPCC) (LGA) MBE Dr Sir Dame Mark Russell Chief "
    "Executive of The Children's Society charity council Councils they he she we it in on of for and with de by "
    "published released issued its their a final report calling for which finds that them to how : ; 2022 x_y O’ "
    "O' Brien é Émile “ ” \" \n \t - – pointed out points calls calling added adds saying sayings Xalso belong "
    "Today Government government research, survey, Bar-Foo (The 2The who"
).split(" "),
    "published its final report calling for", "talks about how", "called for", "saysx", "said2", "pointed outside",
    "calls for", "MBE,", "Sir Peter Wanless,", "chief executive of the NSPCC,", "has today published its annual "
    "report, which finds", "released a new study finding that", "issued the final review which calls for",
    "The Local Government Association", "has also today previously had long last year",
    "also also also also also also also also also also also also also also", "our research, carried out with X,",
    "Independent Review of Children's Social Care", "The Chief Executive of The Children's Society and Barnardo's",
    "The Local Government Association and the County Councils Network", "Office for National Statistics data",
]


def _random_texts(rng: random.Random, pieces: list[str], n: int, words: int) -> list[str]:
    """``n`` texts: every fourth a window of a fixture, the others up to ``words`` random pieces."""
    out = []
    for k in range(n):
        if k % 4 == 0:
            t = rng.choice(TEXTS)
            a = rng.randint(0, len(t))
            out.append(t[a:a + rng.randint(0, 600)])
        else:
            out.append("".join(rng.choice(pieces) + rng.choice([" ", " ", " ", "  ", "", "\n", ", "])
                               for _ in range(rng.randint(0, words))))
    return out


def _report_spans(t: str) -> list[tuple[int, int]]:
    return [*S.sentences(t, S.paragraphs(t)), (0, len(t))]


def _verbs(t: str, a: int, b: int, flag: int) -> tuple[list[int], int]:
    """Where the verbs of ``flag`` may start in [a, b), and where the speech verbs among them end at the latest."""
    hits = [(at, w) for at, w in A._trigger_words(t) if a <= at < b and A._TRIGGER_WORDS[w] & flag]
    return [at for at, _ in hits], max((at + A._VERB_REACH.get(w, 0) for at, w in hits), default=-1)


# (pattern, reaching back from a verb, tested back from a verb, the verbs): as _reported_candidates searches
_ANCHORED = {
    "reported": (A._REPORTED, A._REPORTED_BACK, A._REPORTED_END, A._SPEECH),
    "reported, back only": (A._REPORTED, A._REPORTED_BACK, None, A._SPEECH),
    "reported, check only": (A._REPORTED, None, A._REPORTED_END, A._SPEECH),
    "apposition": (A._REPORTED_APPOS, None, A._APPOS_END, A._SPEECH),
    "published": (A._PUBLISHED, A._PUBLISHED_BACK, None, A._PUBLISH),
}


@pytest.mark.parametrize("name", list(_ANCHORED))
def test_report_matches_anchored_at_verbs(name: str) -> None:
    pattern, back, check, flag = _ANCHORED[name]
    rng = random.Random(11)
    for t in _random_texts(rng, _REPORT_PIECES, 600, 40):
        for a, b in _report_spans(t):
            verbs, reach = _verbs(t, a, b, flag)
            back_here = None if back is A._REPORTED_BACK and A._OUR_WORK_COMMA.search(t, a, b) else back
            if flag == A._PUBLISH:
                fast = A._matches_before(pattern, t, a, b, b - 1, verbs, back_here)
            else:
                fast = A._matches_before(pattern, t, a, b, max(verbs, default=-1), verbs, back_here, reach, check)
            assert [_key(m) for m in fast] == [_key(m) for m in pattern.finditer(t, a, b)], (name, t[a:b])


@pytest.mark.parametrize("name", list(_ANCHORED))
def test_report_matches_reached_from_their_verb(name: str) -> None:
    """Every match of the pattern, in the whole span or cut short, starts where the back pattern reaches from its
    verb, and its verb passes the check (the property the anchored search relies on)."""
    pattern, back, check, _ = _ANCHORED[name]
    pattern = regex.compile(pattern.pattern.replace("(?:published|released|", "(?P<verb>published|released|", 1)) \
        if "verb" not in pattern.groupindex else pattern
    rng = random.Random(12)
    for t in _random_texts(rng, _REPORT_PIECES, 200, 25):
        for a, b in _report_spans(t)[-2:]:
            # (a speaker with commas, 'our research, carried out with X,', is searched for from the sentence start)
            back_here = None if back is A._REPORTED_BACK and A._OUR_WORK_COMMA.search(t, a, b) else back
            for cut in (b, rng.randint(a, b)):
                for p in range(a, cut):
                    m = pattern.match(t, p, cut)
                    if m is None or A._MANY_AUXILIARIES.match(t, a, m.start("verb")) is not None:
                        continue
                    v = m.start("verb")
                    assert check is None or check.match(t, a, v) is not None, (name, t[a:cut], p)
                    w = None if back_here is None else back_here.match(t, a, v)
                    assert back_here is None or (w is not None and w.start() <= p), (name, t[a:cut], p)


def test_reported_candidates_as_plain_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(13)
    texts = _random_texts(rng, _REPORT_PIECES, 300, 40)
    fast = [A._reported_candidates(t, S.sentences(t, S.paragraphs(t))) for t in texts]
    monkeypatch.setattr(A, "_matches_before", lambda pattern, t, a, b, *_: pattern.finditer(t, a, b))
    assert fast == [A._reported_candidates(t, S.sentences(t, S.paragraphs(t))) for t in texts]


def test_list_subjects() -> None:
    rng = random.Random(14)
    pieces = [*("and And NSPCC Barnardo's Barnardo’s, Action for Children, the The of for on Local Government "
              "Association County Councils Network have has today jointly also said warned written issued signed put "
              "made , ( ) 2022 x-Y Foo-Bar McDonald é É Émile a children families O’Brien “ \n \t ; : .").split(" "),
              "The Children's Society,", "Action for Children, the", "the Local Government Association,",
              "the National Children's Bureau and the County Councils Network have",
              "Office of the Children's Commissioner"]
    for t in _random_texts(rng, pieces, 600, 60):
        assert [(m.span(), m.group("list")) for m in A._list_subjects(t)] == \
            [(m.span(), m.group("list")) for m in A._LIST_SUBJECT.finditer(t)], (t,)


def test_trie_tries_the_longest_word_first() -> None:
    rng = random.Random(15)
    for _ in range(300):
        words = list({"".join(rng.choice("ab-") for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 8))})
        tail = r"(?P<tail>[ab]{0,2})(?:-|\Z)"
        trie = regex.compile(f"(?:{A._trie(words)}){tail}")
        plain = regex.compile(f"(?:{'|'.join(regex.escape(w) for w in sorted(words, key=len, reverse=True))}){tail}")
        for _ in range(10):
            t = "".join(rng.choice("ab- ") for _ in range(rng.randint(0, 12)))
            assert [_key(m) for m in trie.finditer(t)] == [_key(m) for m in plain.finditer(t)], (words, t)


def _plain(words: list[str] | tuple[str, ...], longest_first: bool) -> str:
    return "|".join(regex.escape(w) for w in (sorted(words, key=len, reverse=True) if longest_first else words))


# (pattern names, the trie they hold, the alternation they were written with)
_TRIES = [
    (["_LEAD_SPEAKER", "_AFTER_CUE", "_REPORTED", "_REPORTED_APPOS", "_LIST_SUBJECT", "_LIST_END", "_CUE_WHO",
      "_CUE_WHO_AFTER"], A._SPEECH_ALT, A._SPEECH_SORTED),
    (["_ROLE_THEN_NAME", "_ROLE_ONLY", "_ROLE_NOUN_END", "_ROLE_NOUN_WORD"], A._ROLE_NOUNS,
     f"(?:{_plain(A._ROLE_NOUN_WORDS, False)})"),
    (["_ORG_HINT"], A._trie(A._ORG_HINT_WORDS), _plain(A._ORG_HINT_WORDS, False)),
]
_PHRASE_PIECES = list(A.SPEECH_VERBS) + (
    "Chair Chairman chairman CHAIRMAN Chairs Chairwoman Lead Leader lead Co-ordinator Coordinator CEO ceo Councillor "
    "Council Councils Service Services Charity Charities Commission Commissioner government Government Barnardo's "
    "Barnardo’s NSPCC LGA The the of for Mark Russell Dr Sir Mr Dame Executive executive Chief Head Minister "
    "Education Secretary Gillian Keegan Spokesperson research report analysis data Research new latest own 's ’ , - "
    ". \n ſ K é “ ” \" : that and has also today calls call s ed ing them to how told MPs outs spokesman official "
    "source senior MBE KC Ofsted’s"
).split(" ")


@pytest.mark.parametrize("names, trie, alternation", _TRIES, ids=["speech verbs", "role nouns", "organisation words"])
def test_patterns_with_tries(names: list[str], trie: str, alternation: str) -> None:
    rng = random.Random(16)
    texts = [t[:160] for t in _random_texts(rng, _PHRASE_PIECES, 300, 12)]
    for name in names:
        new = getattr(A, name)
        assert trie in new.pattern, name
        old = regex.compile(new.pattern.replace(trie, alternation), new.flags)
        for t in texts:
            assert [_key(m) for m in new.finditer(t)] == [_key(m) for m in old.finditer(t)], (name, t)
            assert _key(new.match(t)) == _key(old.match(t)), (name, t)


# (a pattern of _plan_phrase, the cheap test it is tried after: a phrase it matches passes that test)
_PRETESTS = {
    "_ORG_WORK": lambda x: A._WORK_NOUN.search(x) is not None,
    "_ROLE_THEN_NAME": lambda x: A._CAPITALISED_END.search(x) is not None,
    "_NAME_AT_END": lambda x: A._CAPITALISED_END.search(x) is not None,
    "_ORG_SPOKES": lambda x: x.removesuffix("\n").endswith(A._SPOKES_ENDS),
}


@pytest.mark.parametrize("name", list(_PRETESTS))
def test_speaker_phrase_pretests(name: str) -> None:
    rng = random.Random(17)
    pattern, pretest = getattr(A, name), _PRETESTS[name]
    pieces = [*_PHRASE_PIECES, "spokesperson", "representative", "insider", "Spokesperson", "of the", "figures",
              "modelling", "projections", "study", "survey"]
    for t in _random_texts(rng, pieces, 1500, 8):
        t = t[:200].strip(" ")
        if pattern.match(t) is not None or (name == "_NAME_AT_END" and pattern.search(t) is not None):
            assert pretest(t), (name, t)
