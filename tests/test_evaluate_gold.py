"""The gold readers: JSON Lines and PolNeAR brat standoff, read into the same records."""

import shutil
from pathlib import Path

import pytest

from quotedb.evaluate.gold import GoldError, kind_of_content, load_gold

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
POLNEAR = FIXTURES / "polnear"
JSONL = FIXTURES / "jsonl"


def test_polnear_scores_each_article_against_its_first_annotator_only():
    gold = load_gold(POLNEAR, split="dev")
    assert gold.format == "brat"
    assert sorted(doc.name for doc in gold.documents) == ["budget", "senate"]
    senate = next(doc for doc in gold.documents if doc.name == "senate")
    # a1 sorts before b2: a1 marked two attributions, b2 only one ("that the bill was dead").
    assert [a.text for a in senate.attributions] == ['"We will win the vote."', "the bill was dead"]
    assert [a.speaker for a in senate.attributions] == ["Smith", "The senator"]


def test_polnear_offsets_point_into_the_text():
    for document in load_gold(POLNEAR, split="dev").documents:
        for attribution in document.attributions:
            for span in (*attribution.spans, *attribution.speaker_spans):
                assert document.text[span.start : span.end] == span.text


def test_polnear_split_content_is_one_attribution_with_two_spans():
    budget = next(d for d in load_gold(POLNEAR, split="dev").documents if d.name == "budget")
    split = budget.attributions[0]
    assert [(s.start, s.end) for s in split.spans] == [(14, 34), (47, 71)]
    assert split.text == "“We must cut taxes,” “and we must do it now.”"
    assert (split.kind, split.speaker, split.quoted) == ("direct", "Jones", True)


def test_polnear_content2_role_joins_the_same_attribution():
    (rally,) = load_gold(POLNEAR, split="train").documents
    (attribution,) = rally.attributions
    assert [s.text for s in attribution.spans] == ["“We are ready,”", "“and we will win.”"]
    assert attribution.speaker == "Lee"


def test_polnear_kinds_speakerless_attribution_and_ignored_lines():
    budget = next(d for d in load_gold(POLNEAR, split="dev").documents if d.name == "budget")
    # The Discuss bound, its continuation line and the annotator note add nothing.
    assert [(a.kind, a.speaker, a.quoted) for a in budget.attributions] == [
        ("direct", "Jones", True),
        ("partial", "Officials", True),
        ("indirect", None, False),
        ("mixed", "Brown", True),
    ]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("“We will win.”", "direct"),
        ('"We will win," "and soon."', "direct"),
        ("the bill was dead", "indirect"),
        # 2 quoted words of 7: a fragment inside a paraphrase.
        ("the plan as “a disaster” for the state", "partial"),
        # 7 quoted words of 9: a quotation with a lead-in.
        ("the law “will hurt every family in this state.”", "mixed"),
        # 2 of 4 is half: mixed.
        ('he was "very happy"', "mixed"),
        ("it’s ‘in their heads’", "indirect"),  # single marks are not quotation marks here
    ],
)
def test_kind_of_content(content, kind):
    assert kind_of_content(content) == kind


def test_jsonl_reads_rows_by_document_with_texts_from_texts_dir():
    gold = load_gold(JSONL / "gold.jsonl", texts_dir=JSONL / "texts")
    assert gold.format == "jsonl"
    assert [(d.name, len(d.attributions)) for d in gold.documents] == [
        ("letters.txt", 4),
        ("summit.txt", 3),
    ]
    letters = gold.documents[0]
    assert letters.text.startswith("Kim wrote that")
    first = letters.attributions[0]
    assert (first.speaker, first.recipients, first.source) == (
        "Kim Jong-un",
        ("Donald Trump",),
        "letter",
    )
    assert [a.required for a in letters.attributions] == [True, True, True, False]
    assert [a.quoted for a in gold.documents[1].attributions] == [False, True, False]


def test_jsonl_finds_texts_beside_the_gold_file(tmp_path):
    shutil.copy(JSONL / "gold.jsonl", tmp_path)
    for text in (JSONL / "texts").iterdir():
        shutil.copy(text, tmp_path)
    gold = load_gold(tmp_path / "gold.jsonl")
    assert [d.name for d in gold.documents] == ["letters.txt", "summit.txt"]
    # A folder of gold files reads the same.
    assert load_gold(tmp_path).documents == gold.documents


def test_jsonl_missing_document_names_the_line_and_the_fix():
    with pytest.raises(GoldError, match=r"line 1: document 'letters.txt' .*--texts DIR"):
        load_gold(JSONL / "gold.jsonl")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1 is not valid JSON"),
        ('["a list"]', "line 1 is not a JSON object"),
        ('{"doc": "letters.txt", "kind": "direct"}', "field 'text' must be a non-empty string"),
        ('{"doc": "letters.txt", "kind": "quoted", "text": "x"}', "kind must be one of"),
        (
            '{"doc": "letters.txt", "kind": "direct", "text": "x", "recipients": "Trump"}',
            "'recipients' must be a list of names",
        ),
    ],
)
def test_jsonl_bad_rows_are_named(tmp_path, line, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(bad, texts_dir=JSONL / "texts")


def test_document_that_is_not_utf8_is_an_error(tmp_path):
    (tmp_path / "letters.txt").write_bytes(b"caf\xe9 said")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "letters.txt", "kind": "direct", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="letters.txt: cannot be read as UTF-8 text"):
        load_gold(gold)


def test_empty_gold_file_is_an_error(tmp_path):
    empty = tmp_path / "gold.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(GoldError, match="gold.jsonl: holds no gold rows"):
        load_gold(empty)


def test_polnear_folder_without_the_split_is_an_error(tmp_path):
    (tmp_path / "dev").mkdir()
    with pytest.raises(GoldError, match="expected the folders text/ and attributions/"):
        load_gold(tmp_path, split="dev")


def test_polnear_relation_naming_an_undefined_bound_is_an_error(tmp_path):
    shutil.copytree(POLNEAR, tmp_path / "polnear")
    ann = tmp_path / "polnear" / "dev" / "attributions" / "budget_a1.ann"
    ann.write_text("E1\tAttribution:T4 Content:T3\n", encoding="utf-8")
    with pytest.raises(GoldError, match="budget_a1.ann: line 1: T3 is not defined"):
        load_gold(tmp_path / "polnear", split="dev")
