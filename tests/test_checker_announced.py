"""The announced-sum rule, one behaviour per row: two references back to one announced sum in a document that
give it two values are found; references that are two sums, or that agree, are not."""

from __future__ import annotations

import pytest

import caresocial
from caresocial.config import Config
from caresocial.consistency.announced import referred_back
from caresocial.consistency.checker import check
from caresocial.consistency.items import Settings

DATE = "2024-06-01"


def _findings(text: str) -> list[tuple[str, str, list[str]]]:
    doc = caresocial.extract(text, doc_id="d", date=DATE)
    by_start = {f.start: f.text for f in doc.figures}
    return [(f.rule, f.severity, [by_start[c.start] for c in f.claims])
            for f in check([doc]).findings if f.rule == "announced-sum"]


@pytest.mark.parametrize(("text", "cited"), [
    pytest.param(
        "Ministers have not said what will happen to the £3.2bn over two years announced previously. Councils "
        "are still waiting for the £3.3bn pledged last spring to fund the programme over two years.",
        ["£3.2bn", "£3.3bn"], id="after-the-sum-and-after-a-time"),
    pytest.param(
        "The fate of the £640m over five years promised in 2022 to rebuild libraries is unclear. Authors "
        "wrote to ask about the £610m promised in 2022 to pay for them over five years.",
        ["£640m", "£610m"], id="a-pronoun-purpose-tells-nothing-apart"),
    pytest.param(
        "Councils have yet to see the £1.2bn announced last year for road repairs over three years. "
        "Officials said the £1.3bn announced last year for repairs to roads over three years was safe.",
        ["£1.2bn", "£1.3bn"], id="purposes-sharing-a-word"),
    pytest.param(
        "Trusts say the previously announced £900m over two years has not arrived. A minister said this "
        "£980m earmarked in March over two years would reach them soon.",
        ["£900m", "£980m"], id="participle-before-the-sum-and-a-demonstrative"),
    pytest.param(
        "Little is known of the £2.4bn over four years unveiled in the Budget. The £2.5bn unveiled in the "
        "Budget over four years is still unspent. Critics say the £2.4bn unveiled in the Budget over four "
        "years was never new money.",
        ["£2.4bn", "£2.4bn", "£2.5bn"], id="one-finding-for-three-references"),
    pytest.param(
        "Ministers have spent £40m so far. Nothing is known of the £90m over two years announced previously. "
        "Councils await the £100m announced last year over two years.",
        ["£90m", "£100m"], id="exactly-a-tenth-apart-after-another-sum"),
    pytest.param(
        "Nothing is known of the £3.20bn over two years announced previously. Councils await the £3.25bn "
        "announced last year over two years.", ["£3.20bn", "£3.25bn"], id="precision-as-written"),
    pytest.param(
        "In a long statement to the House on the state of local roads, bridges, street lights and the many other "
        "assets that councils up and down the country maintain, the minister said nothing of the £3.2bn over two "
        "years announced previously. Councils await the £3.3bn announced last year over two years.",
        ["£3.2bn", "£3.3bn"], id="far-into-a-long-sentence"),
    # two sums, or references that agree: no finding
    pytest.param(
        "Ministers confirmed the £2bn announced in March and the £2.1bn pledged in May for the scheme over "
        "two years.", [], id="two-sums-in-one-sentence"),
    pytest.param(
        "Nothing is known of the £2bn over three years announced last year. The trust still awaits the £3bn "
        "over three years announced in March.", [], id="values-too-far-apart"),
    pytest.param(
        "Nothing is known of the £5.3bn over three years announced previously. The trust still awaits the "
        "£5.4bn announced last year over four years.", [], id="different-periods"),
    pytest.param(
        "Nothing is known of the £5.3bn over three years. The trust still awaits the £5.4bn over three "
        "years.", [], id="no-announcement"),
    pytest.param(
        "A £5.3bn fund over three years was announced last year for ports. A £5.4bn fund over three years "
        "was announced in the spring for airports.", [], id="indefinite-sums-are-new"),
    pytest.param(
        "Councils have yet to see the £1.2bn announced last year for road repairs over three years. Schools "
        "have yet to see the £1.3bn announced last year for school buildings over three years.",
        [], id="different-purposes"),
    pytest.param(
        "Nothing is known of the £5.3bn over three years announced previously. The trust still awaits the "
        "£5.30bn announced last year to pay for it over three years.", [], id="same-value-written-twice"),
    pytest.param(
        "What happens to the £800m over four years pledged in the spending review to expand childcare is "
        "unclear. Providers say the £850m pledged in the spending review to pay for it over four years has "
        "not arrived.", [], id="a-round-figure-admits-the-other"),
    pytest.param(
        "Councils have yet to see the £1.2bn announced last year for the roads over three years. Schools "
        "have yet to see the £1.3bn announced last year for the schools over three years.",
        [], id="purposes-sharing-only-small-words"),
    pytest.param(
        "Nothing is known of the €3.2bn over two years announced previously. Councils await the £3.3bn "
        "announced last year over two years.", [], id="different-currencies"),
    pytest.param(
        "Nothing is known of the more than £3.2bn over two years announced previously. Councils await the "
        "£3.3bn announced last year over two years.", [], id="a-bound-is-no-sum-referred-back"),
    pytest.param(
        "Nothing is known of the 3,200 homes over two years announced previously. Councils await the 3,300 "
        "homes announced last year over two years.", [], id="counts-are-no-sums"),
    pytest.param(
        "The £3.2bn, announced previously, runs over two years. Councils are still waiting for the £3.3bn, "
        "announced last spring, over two years.", [], id="announcement-after-a-comma-is-another-clause"),
    pytest.param(
        "Ministers announced £3.2bn over two years. Councils want the £3.3bn over two years that was "
        "announced last spring.", [], id="announced-further-than-the-window"),
])
def test_one_sum_given_two_values(text: str, cited: list[str]) -> None:
    assert _findings(text) == ([("announced-sum", "warning", cited)] if cited else [])



@pytest.mark.parametrize(("text", "figure", "purpose"), [
    ("It awaits the £2bn announced in 2023 for new school places.", "£2bn", {"new", "school", "place"}),
    ("It awaits the £2bn announced in 2023 to build prisons and courts.", "£2bn", {"prison"}),
    ("It awaits the £2bn announced in 2023 to pay for community clinics.", "£2bn", {"community", "clinic"}),
    ("It awaits the £2bn announced in 2023 to pay for them.", "£2bn", set()),
    ("It awaits the £2bn announced in 2023.", "£2bn", set()),
    ("It awaits the £2bn promised.", "£2bn", set()),
    ("It awaits the roughly £2bn pledged for hospices.", "£2bn", {"hospice"}),
    ("It awaits the £2bn, announced in 2023 for hospices.", "£2bn", None),
    ("It awaits a £2bn fund announced in 2023 for hospices.", "£2bn", None),
    ("It awaits the £2bn a year announced in 2023 for hospices.", "£2bn", None),  # a rate is no sum
    # the purpose's noun phrase ends at a preposition but 'of', a conjunction, a verb, a relative or another word
    ("It awaits the £2bn announced in 2023 for the new school places.", "£2bn", {"new", "school", "place"}),
    ("It awaits the £2bn announced in 2023 for the repair of roads.", "£2bn", {"repair", "road"}),
    ("It awaits the £2bn announced in 2023 for roads in Kent.", "£2bn", {"road"}),
    ("It awaits the £2bn announced in 2023 for roads and bridges.", "£2bn", {"road"}),
    ("It awaits the £2bn announced in 2023 for roads which councils want.", "£2bn", {"road"}),
    ("It awaits the £2bn announced in 2023 for roads is late.", "£2bn", {"road"}),
    ("It awaits the £2bn announced in 2023 for roads also promised.", "£2bn", {"road"}),
])
def test_what_a_reference_to_an_announced_sum_is_for(text: str, figure: str, purpose: set[str] | None) -> None:
    doc = caresocial.extract(text, doc_id="d", date=DATE)
    texts = {f.id: f.text for f in doc.figures}
    claim = next(c for c in doc.claims if texts[c.figure] == figure)
    got = referred_back(claim, Settings.of(Config()).lex)
    assert (None if got is None else set(got)) == purpose


def test_the_rule_can_be_switched_off() -> None:
    text = ("Ministers have not said what will happen to the £3.2bn over two years announced previously. Councils "
            "are still waiting for the £3.3bn pledged last spring to fund the programme over two years.")
    doc = caresocial.extract(text, doc_id="d", date=DATE)
    assert [f.rule for f in check([doc], Config(disable=frozenset({"announced-sum"}))).findings] == []


def test_a_finding_says_which_values_and_why_they_are_one_sum() -> None:
    text = ("Ministers have not said what will happen to the £3.2bn over two years announced previously. Councils "
            "are still waiting for the £3.3bn pledged last spring to fund the programme over two years.\n\n"
            "Separately, the £520m pledged for ports is unspent. The £540m pledged for ports has not reached "
            "them.")
    doc = caresocial.extract(text, doc_id="d", date=DATE)
    found = [f for f in check([doc]).findings if f.rule == "announced-sum"]
    assert [f.message for f in found] == [
        "announced sum: 2 different values for one sum announced before: £3.2bn in d:1:49; £3.3bn in d:1:128. "
        "Same sum: each is referred back to with 'the' and its announcement, for the same period (over two years), "
        "and nothing said of what each is for tells them apart.",
        "announced sum: 2 different values for one sum announced before: £520m in d:3:17; £540m in d:3:57. "
        "Same sum: each is referred back to with 'the' and its announcement, with no period, and nothing said of "
        "what each is for tells them apart."]
    assert all(f.severity == "warning" and f.measure == "announced sum" for f in found)


def test_two_sums_each_given_two_ways_are_two_findings() -> None:
    text = ("Nothing is known of the £3.2bn announced previously for roads over two years. Councils await the "
            "£3.3bn announced last year for roads over two years. The £520m announced previously for ports over "
            "two years is unspent. The £540m announced last year for ports over two years has not arrived.")
    doc = caresocial.extract(text, doc_id="d", date=DATE)
    by_start = {f.start: f.text for f in doc.figures}
    assert [[by_start[c.start] for c in f.claims] for f in check([doc]).findings if f.rule == "announced-sum"] == [
        ["£3.2bn", "£3.3bn"], ["£520m", "£540m"]]
