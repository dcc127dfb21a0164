"""The metrics, checked against numbers worked out by hand on the fixture gold.

Predictions are built by hand as the parser's own records, so these figures
do not move when the parser changes.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from quotedb.evaluate.gold import GoldAttribution, GoldDocument, GoldSet, load_gold
from quotedb.evaluate.metrics import match, normalise_name, score
from quotedb.evaluate.report import as_json, render_errors, render_table, sentence_around
from quotedb.parse.records import Entity, ParsedDocument, Quote, Source, Span

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


@pytest.fixture(scope="module")
def polnear():
    return load_gold(FIXTURES / "polnear", split="dev")


@pytest.fixture(scope="module")
def polnear_predictions(polnear):
    senate = next(d.text for d in polnear.documents if d.name == "senate")
    budget = next(d.text for d in polnear.documents if d.name == "budget")
    return {
        "senate": ParsedDocument(
            text=senate,
            quotes=(
                # P1 = gold G1 without its marks; the name differs but the mention is on "Smith".
                Quote(
                    "direct",
                    (span(senate, "We will win the vote."),),
                    speaker="John Smith",
                    speaker_mention=span(senate, "Smith"),
                ),
                # P2 = G2 exactly, but gold says "The senator".
                Quote("indirect", (span(senate, "the bill was dead"),), speaker="Jones"),
            ),
        ),
        "budget": ParsedDocument(
            text=budget,
            quotes=(
                # P3 = split G3 without marks; right through the alias "Jones".
                Quote(
                    "direct",
                    (span(budget, "We must cut taxes"), span(budget, "and we must do it now")),
                    speaker="Tom Jones",
                ),
                # P4: only the fragment of G4 (10 of 38 characters: no match).
                Quote(
                    "partial", (span(budget, "a disaster"),), speaker="Officials", confidence=0.4
                ),
                # P5 overlaps speakerless G5 (Jaccard 20/25), gives no speaker: right.
                Quote("indirect", (span(budget, "that the vote was delayed"),)),
                # P6 overlaps G6 (Jaccard 36/45); "brown" equals "Brown" once normalised.
                Quote(
                    "mixed",
                    (span(budget, "will hurt every family in this state"),),
                    speaker="brown",
                ),
                # P7: not in the gold at all.
                Quote(
                    "indirect",
                    (span(budget, "spending would rise"),),
                    speaker="Critics",
                    confidence=0.9,
                ),
            ),
            entities=(Entity("Tom Jones", "person", aliases=("Jones",)),),
        ),
    }


def test_polnear_figures_by_hand(polnear, polnear_predictions):
    evaluation = score(polnear, polnear_predictions)
    rows = evaluation.rows
    # Gold G1..G6 (6), predictions P1..P7 (7). Matched: G1-P1, G2-P2, G3-P3, G5-P5, G6-P6 (5).
    # Exact after trimming marks and edge punctuation: G1, G2, G3 (3).
    # Speaker (gold with a speaker: G1, G2, G3, G6): right G1, G3, G6 -> 3/4.
    # End to end: G1, G3, G6, and G5 (no speaker either side) -> 4.
    overall = rows["overall"]
    assert (overall.n_gold, overall.n_pred, overall.matched, overall.exact) == (6, 7, 5, 3)
    assert overall.precision == pytest.approx(5 / 7)
    assert overall.recall == pytest.approx(5 / 6)
    assert overall.f1 == pytest.approx(2 * 5 / (6 + 7))  # 10/13 = 2PR/(P+R)
    assert overall.exact_f1 == pytest.approx(2 * 3 / 13)
    assert (overall.speaker.right, overall.speaker.total) == (3, 4)
    assert overall.e2e_precision == pytest.approx(4 / 7)
    assert overall.e2e_recall == pytest.approx(4 / 6)
    assert overall.e2e_f1 == pytest.approx(8 / 13)

    # direct: G1, G3 with P1, P3: all matched, exact, speakers right.
    direct = rows["direct"]
    assert (direct.n_gold, direct.n_pred, direct.f1, direct.exact_f1, direct.e2e_f1) == (
        2,
        2,
        1.0,
        1.0,
        1.0,
    )
    assert direct.speaker.accuracy == 1.0
    # partial: G4 missed, P4 a false alarm under its own kind: 0/1 both ways.
    partial = rows["partial"]
    assert (partial.n_gold, partial.n_pred, partial.precision, partial.recall, partial.f1) == (
        1,
        1,
        0.0,
        0.0,
        0.0,
    )
    assert partial.speaker.accuracy is None  # no matched pair to judge
    # mixed: G6-P6 matched but not exact.
    mixed = rows["mixed"]
    assert (mixed.f1, mixed.exact_f1, mixed.speaker.accuracy, mixed.e2e_f1) == (1.0, 0.0, 1.0, 1.0)
    # indirect: gold G2, G5; predictions P2, P5, P7; matched 2; exact 1 (G2);
    # speaker 0/1 (G2 wrong; G5 has none); end to end 1 (G5).
    indirect = rows["indirect"]
    assert (indirect.n_gold, indirect.n_pred, indirect.matched, indirect.exact) == (2, 3, 2, 1)
    assert indirect.precision == pytest.approx(2 / 3)
    assert indirect.recall == 1.0
    assert indirect.f1 == pytest.approx(4 / 5)
    assert indirect.exact_f1 == pytest.approx(2 / 5)
    assert (indirect.speaker.right, indirect.speaker.total) == (0, 1)
    assert (indirect.e2e_precision, indirect.e2e_recall) == (pytest.approx(1 / 3), 0.5)
    assert indirect.e2e_f1 == pytest.approx(2 / 5)
    # quoted: gold G1, G3, G4, G6; predictions P1, P3, P6 and the partial false alarm P4.
    quoted = rows["quoted"]
    assert (quoted.n_gold, quoted.n_pred, quoted.matched, quoted.exact) == (4, 4, 3, 2)
    assert (quoted.f1, quoted.exact_f1, quoted.e2e_f1) == (0.75, 0.5, 0.75)
    assert (quoted.speaker.right, quoted.speaker.total) == (3, 3)
    # PolNeAR has none of these.
    assert evaluation.recipients.total == evaluation.sources.total == 0
    assert evaluation.claimed_by.total == 0


def test_polnear_errors_worst_first(polnear, polnear_predictions):
    evaluation = score(polnear, polnear_predictions)
    assert [c.content for c in evaluation.misses] == ["the plan as “a disaster” for the state"]
    # The confident false alarm (0.9) comes before the unsure one (0.4).
    assert [c.content for c in evaluation.false_alarms] == ["spending would rise", "a disaster"]
    (wrong,) = evaluation.wrong_speakers
    assert (wrong.doc, wrong.gold_speaker, wrong.predicted_speaker) == (
        "senate",
        "The senator",
        "Jones",
    )
    listing = render_errors(evaluation, 1)
    assert "misses (1 of 1):" in listing
    assert "false alarms (1 of 2):" in listing
    assert '- [budget] indirect: "spending would rise"' in listing
    assert "sentence: Critics warned that spending would rise." in listing
    assert "sentence: The senator added that the bill was dead." in listing
    assert 'a disaster"\n' not in listing  # only the worst one of each


def test_empty_prediction(polnear):
    # Nothing predicted: recall 0 and F1 0 everywhere there is gold; precision has no denominator.
    evaluation = score(polnear, {})
    for name, n_gold in {
        "overall": 6,
        "direct": 2,
        "partial": 1,
        "mixed": 1,
        "indirect": 2,
    }.items():
        row = evaluation.rows[name]
        assert (row.n_gold, row.n_pred, row.matched) == (n_gold, 0, 0)
        assert (row.precision, row.recall, row.f1, row.exact_f1) == (None, 0.0, 0.0, 0.0)
        assert (row.speaker.accuracy, row.e2e_precision, row.e2e_recall) == (None, None, 0.0)
    assert len(evaluation.misses) == 6
    assert evaluation.false_alarms == evaluation.wrong_speakers == []


@pytest.fixture(scope="module")
def jsonl():
    return load_gold(FIXTURES / "jsonl" / "gold.jsonl", texts_dir=FIXTURES / "jsonl" / "texts")


@pytest.fixture(scope="module")
def jsonl_predictions(jsonl):
    letters, summit = (d.text for d in jsonl.documents)
    return {
        "letters.txt": ParsedDocument(
            text=letters,
            quotes=(
                # Q1 = J1, everything right.
                Quote(
                    "partial",
                    (span(letters, "pleased to have formed good ties"),),
                    speaker="Kim Jong-un",
                    recipients=("Donald Trump",),
                    source=Source(kind="letter"),
                ),
                # Q2 = J2 up to the comma; the name differs in case and hyphen only;
                # no recipient and no source: both wrong.
                Quote("direct", (span(letters, "I feel pleased,"),), speaker="kim jong un"),
                # Q3 contains J3 ("a**hole"); its claimant "Trump" is an alias of Donald Trump.
                Quote(
                    "mixed",
                    (span(letters, 'Obama an "a**hole'),),
                    speaker="Kim Jong-un",
                    claimed_by="Trump",
                ),
                # Q4 = optional J4, but gold has no speaker there: a wrong speaker.
                Quote("partial", (span(letters, "grave punishment"),), speaker="Officials"),
            ),
            entities=(Entity("Donald Trump", "person", aliases=("Trump",)),),
        ),
        "summit.txt": ParsedDocument(
            text=summit,
            quotes=(
                # Q5 = J5; "critics" normalises to "Critics"; the claimant is invented.
                Quote(
                    "indirect",
                    (span(summit, "the summits were of little substance"),),
                    speaker="critics",
                    claimed_by="Seoul",
                ),
                # Q6 neither contains nor is contained in any gold text: a false alarm.
                Quote("indirect", (span(summit, "the talks had"),), speaker="Analysts"),
            ),
        ),
    }


def test_jsonl_figures_by_hand(jsonl, jsonl_predictions):
    evaluation = score(jsonl, jsonl_predictions)
    # Gold J1..J7; J6 is optional and unmatched: skipped. Counted gold: J1-J5, J7 (6).
    # Predictions Q1..Q6 (6). Matched J1-Q1, J2-Q2, J3-Q3, J4-Q4, J5-Q5 (5); J7 missed.
    # Exact (normalised text equal): J1, J2, J4, J5 (4).
    # Speaker (gold with a speaker: J1, J2, J3, J5): all right -> 4/4.
    # End to end: J1, J2, J3, J5 right; J4 wrong (gold none, predicted "Officials") -> 4.
    overall = evaluation.rows["overall"]
    assert (overall.n_gold, overall.n_pred, overall.matched, overall.exact) == (6, 6, 5, 4)
    assert (overall.precision, overall.recall) == (pytest.approx(5 / 6), pytest.approx(5 / 6))
    assert overall.f1 == pytest.approx(10 / 12)
    assert overall.exact_f1 == pytest.approx(8 / 12)
    assert (overall.speaker.right, overall.speaker.total) == (4, 4)
    assert overall.e2e_f1 == pytest.approx(8 / 12)
    # Recipients (gold has some: J1, J2): J1 right, J2 wrong -> 1/2.
    assert (evaluation.recipients.right, evaluation.recipients.total) == (1, 2)
    # Source kind (gold has one: J1, J2): J1 right, J2 wrong -> 1/2.
    assert (evaluation.sources.right, evaluation.sources.total) == (1, 2)
    # claimed_by where either side names a claimant: J3 right (alias), J5 invented -> 1/2.
    assert (evaluation.claimed_by.right, evaluation.claimed_by.total) == (1, 2)
    assert evaluation.optional_skipped == 1  # J6
    assert evaluation.wrong_speakers_on_optional == 1  # J4
    # partial: J1, J3, J4 with Q1, Q3 (counted under the gold's kind), Q4; exact J1, J4.
    partial = evaluation.rows["partial"]
    assert (partial.n_gold, partial.n_pred, partial.f1) == (3, 3, 1.0)
    assert partial.exact_f1 == pytest.approx(4 / 6)
    assert partial.e2e_f1 == pytest.approx(4 / 6)
    # No gold is mixed and Q3 counts as partial: an empty row.
    mixed = evaluation.rows["mixed"]
    assert (mixed.n_gold, mixed.n_pred, mixed.precision, mixed.recall, mixed.f1) == (
        0,
        0,
        None,
        None,
        None,
    )
    # indirect: J5, J7 with Q5, Q6: one match each way.
    indirect = evaluation.rows["indirect"]
    assert (indirect.precision, indirect.recall, indirect.f1, indirect.exact_f1) == (
        0.5,
        0.5,
        0.5,
        0.5,
    )
    # quoted (JSON Lines: kind not indirect): J1, J2, J3, J4, all matched; exact 3.
    quoted = evaluation.rows["quoted"]
    assert (quoted.n_gold, quoted.n_pred, quoted.f1, quoted.exact_f1, quoted.e2e_f1) == (
        4,
        4,
        1.0,
        0.75,
        0.75,
    )
    assert [c.content for c in evaluation.misses] == ["swift sanctions relief"]
    assert [c.content for c in evaluation.false_alarms] == ["the talks had"]
    assert [c.content for c in evaluation.wrong_speakers] == ["grave punishment"]


def test_missed_claimant_is_wrong(jsonl, jsonl_predictions):
    letters = jsonl_predictions["letters.txt"]
    quotes = tuple(replace(q, claimed_by=None) for q in letters.quotes)
    evaluation = score(jsonl, {"letters.txt": replace(letters, quotes=quotes)})
    # Only J3 names a claimant and the parser gave none: 0/1.
    assert (evaluation.claimed_by.right, evaluation.claimed_by.total) == (0, 1)


def test_jsonl_empty_prediction_skips_optional_gold(jsonl):
    evaluation = score(jsonl, {})
    overall = evaluation.rows["overall"]
    # 7 rows, 2 optional (J4, J6) skipped when nothing matches them.
    assert (overall.n_gold, overall.n_pred, overall.recall, overall.precision) == (5, 0, 0.0, None)
    assert evaluation.optional_skipped == 2
    assert evaluation.claimed_by.total == evaluation.recipients.total == 0


def test_greedy_matching_takes_the_best_pair_first():
    text = 'He said "we will win" and "we will win the war" today.'
    from quotedb.evaluate.gold import GoldAttribution

    short = GoldAttribution("d", "direct", "we will win", True, (span(text, "we will win"),))
    long = GoldAttribution(
        "d", "direct", "we will win the war", True, (span(text, "we will win the war"),)
    )
    # The prediction overlaps "long" 11/19 (0.58) and "short" 11/11 (1.0, at its first place).
    predicted = Quote("direct", (span(text, "we will win"),))
    pairs, missed, extra = match([long, short], [predicted], by_text=False)
    assert pairs == [(short, predicted)]
    assert missed == [long] and extra == []


def test_jaccard_threshold_is_inclusive_at_one_half():
    text = "abcdefgh"
    from quotedb.evaluate.gold import GoldAttribution

    gold = GoldAttribution("d", "indirect", text, False, (Span(0, 8, text),))
    half = Quote("indirect", (Span(0, 4, "abcd"),))  # 4/8 = 0.5: a match
    under = Quote("indirect", (Span(0, 3, "abc"),))  # 3/8: none
    assert match([gold], [half], by_text=False)[0] == [(gold, half)]
    assert match([gold], [under], by_text=False)[0] == []


def test_name_normalisation():
    assert normalise_name("Kim Jong-Un") == normalise_name("kim jong un") == "kim jong un"
    assert normalise_name("François Hollande") == "francois hollande"
    assert normalise_name("O’Rourke") == "o rourke"


def test_table_and_json_carry_the_same_numbers(polnear, polnear_predictions):
    evaluation = score(polnear, polnear_predictions)
    table = render_table(evaluation)
    lines = table.splitlines()
    assert lines[0].split("|")[1].strip() == "rows"
    overall = [c.strip() for c in lines[2].split("|")[1:-1]]
    # n_gold, n_pred, P=5/7, R=5/6, F1=10/13, exact 6/13, speaker 3/4, e2e 4/7, 4/6, 8/13.
    assert overall == [
        "overall",
        "6",
        "7",
        "0.714",
        "0.833",
        "0.769",
        "0.462",
        "0.750 (3/4)",
        "0.571",
        "0.667",
        "0.615",
    ]
    assert [line.split("|")[1].strip() for line in lines[2:8]] == [
        "overall",
        "direct",
        "partial",
        "mixed",
        "indirect",
        "quoted",
    ]
    figures = as_json(evaluation, errors=2)
    assert figures["rows"]["overall"]["content"]["f1"] == pytest.approx(10 / 13)
    assert figures["rows"]["overall"]["speaker"] == {"accuracy": 0.75, "right": 3, "total": 4}
    assert figures["documents"] == 2
    assert [c["content"] for c in figures["errors"]["false alarms"]] == [
        "spending would rise",
        "a disaster",
    ]
    assert figures["errors"]["misses"][0]["sentence"] == (
        "Officials described the plan as “a disaster” for the state."
    )


def test_sentence_around_stops_at_sentence_ends_and_lines():
    text = 'First one. "We won," she said. Last one.\nNext line.'
    start = text.index("We won")
    assert sentence_around(text, start, start + 6) == '"We won," she said.'
    start = text.index("Last")
    assert sentence_around(text, start, start + 8) == "Last one."


def test_sentence_around_does_not_stop_at_abbreviations():
    text = "It rained. “We will win,” added Rep. Jim Clyburn of the U.S. House. Then, said Lee."
    start = text.index("We will")
    assert sentence_around(text, start, start + 12) == (
        "“We will win,” added Rep. Jim Clyburn of the U.S. House."
    )
    start = text.index("Then")
    assert sentence_around(text, start, start + 4) == "Then, said Lee."


def test_speaker_name_check_catches_a_right_mention_resolved_to_the_wrong_entity():
    text = (
        "The Clinton campaign said the poll was wrong. Mr. Obama said the plan works. "
        "A longtime adviser to Obama said it was over. Critics said it was not."
    )

    def gold(content: str, source: str, nth: int = 0) -> GoldAttribution:
        return GoldAttribution(
            doc="doc",
            kind="indirect",
            text=content,
            quoted=False,
            spans=(span(text, content),),
            speaker=source,
            speaker_spans=(span(text, source, nth),),
        )

    def predicted(content: str, speaker: str, mention: str) -> Quote:
        return Quote(
            "indirect", (span(text, content),), speaker=speaker, speaker_mention=span(text, mention)
        )

    gold_set = GoldSet(
        "brat",
        (
            GoldDocument(
                "doc",
                text,
                (
                    gold("the poll was wrong", "The Clinton campaign"),
                    gold("the plan works", "Mr. Obama"),
                    gold("it was over", "A longtime adviser to Obama"),
                    gold("it was not", "Critics"),
                ),
            ),
        ),
    )
    parsed = ParsedDocument(
        text=text,
        quotes=(
            # The mention is right, the entity it resolved to is not.
            predicted("the poll was wrong", "Associated Press", "The Clinton campaign"),
            predicted("the plan works", "Barack Obama", "Mr. Obama"),
            # A speaker described, not named, and a Source without a name: not checked.
            predicted("it was over", "a longtime adviser", "A longtime adviser"),
            predicted("it was not", "Critics", "Critics"),
        ),
    )
    evaluation = score(gold_set, {"doc": parsed})
    assert (evaluation.rows["overall"].speaker.right, evaluation.rows["overall"].speaker.total) == (
        4,
        4,
    )
    assert (evaluation.speaker_names.right, evaluation.speaker_names.total) == (1, 2)
    (wrong,) = evaluation.wrong_names
    assert (wrong.gold_speaker, wrong.predicted_speaker) == (
        "The Clinton campaign",
        "Associated Press",
    )
    assert "speaker name check: 0.500 (1/2)" in render_table(evaluation)
    assert as_json(evaluation)["speaker_names"] == {"right": 1, "total": 2, "accuracy": 0.5}
