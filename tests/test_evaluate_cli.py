"""`quotedb eval` end to end: the real parser over the fixture gold, through the real CLI."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotedb.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
ROW_NAMES = ["overall", "direct", "partial", "mixed", "indirect", "quoted"]


def run(*args: str):
    return CliRunner().invoke(main, ["eval", *args])


def test_polnear_json_has_every_row_and_figures_that_follow_from_the_counts():
    result = run(str(FIXTURES / "polnear"), "--split", "dev", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert (figures["gold_format"], figures["documents"]) == ("brat", 2)
    assert list(figures["rows"]) == ROW_NAMES
    # The gold side does not depend on the parser: G1..G6 of the first annotators.
    n_gold = {name: row["n_gold"] for name, row in figures["rows"].items()}
    assert n_gold == {
        "overall": 6,
        "direct": 2,
        "partial": 1,
        "mixed": 1,
        "indirect": 2,
        "quoted": 4,
    }
    for row in figures["rows"].values():
        content, e2e = row["content"], row["end_to_end"]
        assert content["recall"] == pytest.approx(row["matched"] / row["n_gold"])
        if row["n_pred"]:
            assert content["precision"] == pytest.approx(row["matched"] / row["n_pred"])
        else:
            assert content["precision"] is None
        assert content["f1"] == pytest.approx(2 * row["matched"] / (row["n_gold"] + row["n_pred"]))
        assert e2e["recall"] == pytest.approx(e2e["right"] / row["n_gold"])
        assert e2e["right"] <= row["matched"] <= min(row["n_gold"], row["n_pred"])


def test_polnear_train_split():
    result = run(str(FIXTURES / "polnear"), "--split", "train", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 1
    assert figures["rows"]["direct"]["n_gold"] == 1


def test_nothing_predicted_gives_zero_recall_and_no_precision():
    # The text has no quotation marks and no cue: the parser must find nothing in it.
    gold = FIXTURES / "unattributed" / "gold.jsonl"
    result = run(str(gold), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    overall = figures["rows"]["overall"]
    # 3 gold rows, the optional one skipped when unmatched: 2 counted.
    assert (overall["n_gold"], overall["n_pred"], overall["matched"]) == (2, 0, 0)
    assert overall["content"] == {"precision": None, "recall": 0.0, "f1": 0.0}
    assert overall["exact_f1"] == 0.0
    assert overall["speaker"] == {"accuracy": None, "right": 0, "total": 0}
    assert overall["end_to_end"] == {"right": 0, "precision": None, "recall": 0.0, "f1": 0.0}
    assert figures["optional_skipped"] == 1
    assert figures["wrong_speakers_on_optional"] == 0
    assert figures["rows"]["direct"]["content"] == {"precision": None, "recall": None, "f1": None}


def test_table_with_errors_lists_misses_with_their_sentences():
    result = run(str(FIXTURES / "unattributed" / "gold.jsonl"), "--errors", "5")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [cell.strip() for cell in lines[0].split("|")[1:-1]][:4] == [
        "rows",
        "n_gold",
        "n_pred",
        "P",
    ]
    overall = [cell.strip() for cell in lines[2].split("|")[1:-1]]
    assert overall == [
        "overall",
        "2",
        "0",
        "-",
        "0.000",
        "0.000",
        "0.000",
        "-",
        "-",
        "0.000",
        "0.000",
    ]
    assert "optional gold skipped: 1" in lines
    assert "misses (2 of 2):" in lines
    # Longest unquoted miss first.
    river = lines.index('- [weather.txt] indirect: "The river rose by two metres overnight"')
    roads = lines.index('- [weather.txt] indirect: "the roads to the coast were closed"')
    assert river < roads
    assert lines[roads + 1].strip() == "gold speaker: Police; predicted: None"
    assert lines[roads + 2].strip() == (
        "sentence: The river rose by two metres overnight, and the roads to the coast were closed."
    )


def test_split_is_refused_for_json_lines_gold():
    result = run(str(FIXTURES / "unattributed" / "gold.jsonl"), "--split", "train")
    assert result.exit_code == 2
    assert "--split applies only to a PolNeAR folder" in result.stderr


def test_texts_is_refused_for_polnear():
    result = run(str(FIXTURES / "polnear"), "--texts", str(FIXTURES))
    assert result.exit_code == 2
    assert "--texts applies only to JSON Lines gold" in result.stderr


def test_missing_document_is_one_line_error():
    result = run(str(FIXTURES / "jsonl" / "gold.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "document 'letters.txt' is not in" in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_texts_option_finds_the_documents():
    gold = FIXTURES / "jsonl" / "gold.jsonl"
    result = run(str(gold), "--texts", str(FIXTURES / "jsonl" / "texts"), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 2
    # 7 rows; at most the 2 optional ones drop out, depending on what the parser finds.
    assert 5 <= figures["rows"]["overall"]["n_gold"] <= 7


def test_bad_gold_line_is_reported(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc": "a.txt"\n', encoding="utf-8")
    result = run(str(bad))
    assert result.exit_code == 1
    assert f"Error: {bad}: line 1 is not valid JSON" in result.stderr


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "quotedb eval ../shared/data/polnear --split dev" in result.output


def test_agreement_scores_the_second_annotator_against_the_first():
    # senate: the first annotator marked the quote and "the bill was dead"; the second
    # only "that the bill was dead", which matches the first's second attribution.
    result = run(str(FIXTURES / "polnear"), "--split", "dev", "--agreement")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "articles marked by two annotators: 1",
        "content F1: 0.667 (1 matched of 2 and 1 attributions)",
        "quoted recall, the first annotator's found by the second: 0.000 (0/1)",
        "quoted recall, the second annotator's found by the first: -",
    ]


def test_agreement_as_json_and_on_a_split_with_no_article_marked_twice():
    result = run(str(FIXTURES / "polnear"), "--split", "dev", "--agreement", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert (figures["articles"], figures["first"], figures["second"]) == (1, 2, 1)
    assert figures["matched"] == 1
    assert figures["content_f1"] == pytest.approx(2 / 3)
    assert figures["quoted_recall_first_by_second"] == {"accuracy": 0.0, "right": 0, "total": 1}
    result = run(str(FIXTURES / "polnear"), "--split", "train", "--agreement", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 0  # rally has one annotator only


def test_agreement_is_refused_for_json_lines_gold():
    result = run(str(FIXTURES / "jsonl" / "gold.jsonl"), "--agreement")
    assert result.exit_code == 2
    assert "--agreement applies only to a PolNeAR folder" in result.stderr
