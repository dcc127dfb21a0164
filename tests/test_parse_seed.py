"""The seed article end to end: every attribution a fact-checker marked as required is found
with the right speaker, recipients, medium and claimant, and no optional one gets a wrong speaker.

The expectations are the `required` rows of the seed's gold file
(gold/000_e82945906d6fb749.jsonl in the shared material), written out here so the test
stands on its own. A gold content matches an attribution whose content holds it, as
`quotedb eval` matches JSON Lines gold.
"""

from pathlib import Path

import pytest
from parse_checks import span_at

from quotedb.parse import Quote, Span, parse

SEED = Path(__file__).parent.parent / "seeds" / "000_e82945906d6fb749.txt"
TEXT = SEED.read_text(encoding="utf-8")
DOC = parse(TEXT)

KIM, TRUMP = "Kim Jong-un", "Donald Trump"

# content, kind, speaker, recipients, source kind, cue, claimed_by
REQUIRED = [
    ("powerful and preeminent", "partial", KIM, [TRUMP], "letter", "described", None),
    ("pleased to have formed good ties", "partial", KIM, [TRUMP], "letter", "told", None),
    (
        (
            "I feel pleased to have formed good ties with such a powerful and preeminent "
            "statesman as Your Excellency"
        ),
        "direct",
        KIM,
        [TRUMP],
        "letter",
        "wrote",
        None,
    ),
    (
        (
            "That moment of history when I firmly held Your Excellency\u2019s hand at the "
            "beautiful and sacred location as the whole world watched with great interest and "
            "hope to relive the honor of that day"
        ),
        "direct",
        KIM,
        [TRUMP],
        "letter",
        "said",
        None,
    ),
    (
        "reminiscent of a scene from a fantasy film",
        "partial",
        KIM,
        [TRUMP],
        "letter",
        "imagining",
        None,
    ),
    ("Holy s**t", "partial", TRUMP, [], None, "admit thinking", None),
    ("far beyond smart", "partial", TRUMP, [], None, "realised", None),
    ("a**hole", "partial", KIM, [], None, "branded", TRUMP),
    (
        (
            "the summits were of little substance other than political point scoring for the "
            "Trump administration"
        ),
        "indirect",
        "Critics",
        [],
        None,
        "claim",
        None,
    ),
    (
        (
            "the encounters served as platforms to give the despot legitimacy with little "
            "progress in disarmament"
        ),
        "indirect",
        "others",
        [],
        None,
        "suggest",
        None,
    ),
    (
        "North Korea to completely give up its nuclear weapons",
        "indirect",
        "United States",
        ["North Korea"],
        None,
        "called for",
        None,
    ),
    ("swift sanctions relief", "indirect", KIM, [], None, "demanded", None),
]


def matching(content: str, cue: str) -> Quote:
    """The attribution of `content`: the closest one holding it, its gold cue breaking ties."""
    holding = [quote for quote in DOC.quotes if content in quote.text]
    assert holding, f"no attribution holds {content!r}"
    return min(holding, key=lambda q: (len(q.text), q.cue is None or q.cue.text != cue))


@pytest.mark.parametrize(
    ("content", "kind", "speaker", "recipients", "source", "cue", "claimed_by"),
    REQUIRED,
    ids=[row[0][:30] for row in REQUIRED],
)
def test_required_attribution(content, kind, speaker, recipients, source, cue, claimed_by):
    quote = matching(content, cue)
    assert quote.speaker == speaker
    assert list(quote.recipients) == recipients
    assert (quote.source.kind if quote.source else None) == source
    assert quote.claimed_by == claimed_by
    # The evidence points into the article: the content is where the gold content is.
    [holding] = [span for span in quote.spans if content in span.text]
    assert TEXT[holding.start : holding.end] == holding.text
    if kind in ("direct", "indirect"):
        assert quote.kind == kind
        assert quote.spans == (span_at(TEXT, content),)


@pytest.mark.parametrize(
    ("content", "mention", "context"),
    [
        # The words the cue attaches to, kept as evidence for the resolved speaker; `context`
        # (the mention and its cue) is where those words stand in the article.
        ("I feel pleased to have formed good ties with", "Kim", "Kim wrote"),
        ("That moment of history", "the dictator", "the dictator said"),
        ("a**hole", "the dictator", "the dictator branded"),
        (
            'pleased to have formed good ties" with',
            "the North Korean despot",
            "the North Korean despot told",
        ),
        ("swift sanctions relief", "Kim", "Kim demanded"),
        ("North Korea to completely give up", "the US", "the US called"),
    ],
)
def test_speaker_mention_is_the_cues_own_words(content: str, mention: str, context: str):
    quote = matching(content, cue=context.split()[-1])
    assert context.startswith(mention)
    start = TEXT.index(context)
    assert quote.speaker_mention == Span(start, start + len(mention), mention)


def test_direct_quotes_are_exactly_the_quoted_words():
    direct = [row[0] for row in REQUIRED if row[1] == "direct"]
    found = [quote.text for quote in DOC.quotes if quote.kind == "direct"]
    assert found == direct


def test_the_bullets_and_the_footer_are_not_speech():
    # Optional gold rows: the related-link bullets. Whoever is found, nobody is made up.
    assert all(s is None for s in speakers_of_text("grave punishment"))
    assert all(s in (None, "North Korean defector") for s in speakers_of_text("dead bodies"))
    assert speakers_of_text("Read Full Article") == []


def test_one_entity_per_person():
    names = [entity.name for entity in DOC.entities]
    assert names.count(KIM) == 1 and names.count(TRUMP) == 1
    kim = DOC.entity(KIM)
    assert {"Kim", "the dictator", "the North Korean despot"} <= set(kim.aliases)
    assert not any(name in names for name in ("Kim", "Trump", "the dictator"))


def speakers_of_text(fragment: str) -> list[str | None]:
    return [quote.speaker for quote in DOC.quotes if fragment in quote.text]
