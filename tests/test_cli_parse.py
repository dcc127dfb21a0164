"""`quotedb parse` through the real CLI on the seed article and on bad files; no database."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotedb.cli import main
from quotedb.parse import parse
from quotedb.parse.records import QUOTE_KINDS, SOURCE_KINDS

SEED = Path(__file__).parent.parent / "seeds" / "000_e82945906d6fb749.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")

# Issue 4's jsonl contract, in its order; other fields may follow.
CONTRACT_FIELDS = [
    "doc",
    "kind",
    "text",
    "start",
    "end",
    "spans",
    "speaker",
    "speaker_mention",
    "cue",
    "recipients",
    "about",
    "source",
    "claimed_by",
    "confidence",
    "rule",
]


def run(*args: str, stdin: str | bytes | None = None):
    # A wide terminal, so that a table row is one line of output.
    return CliRunner().invoke(main, ["parse", *args], input=stdin, env={"COLUMNS": "200"})


def jsonl_rows(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def seed_rows() -> list[dict]:
    result = run(str(SEED))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return jsonl_rows(result.stdout)


def test_jsonl_is_exactly_the_parsers_records_named_by_the_files_base_name():
    rows = seed_rows()
    expected = [quote.to_dict(doc=SEED.name) for quote in parse(SEED_TEXT).quotes]
    assert rows == expected
    assert len(rows) >= 12  # the gold lists twelve required attributions in the seed


def test_jsonl_fields_follow_the_contract():
    for row in seed_rows():
        assert list(row)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS
        assert row["doc"] == "000_e82945906d6fb749.txt"
        assert row["kind"] in QUOTE_KINDS
        assert row["speaker"] is None or isinstance(row["speaker"], str)
        assert row["claimed_by"] is None or isinstance(row["claimed_by"], str)
        assert all(isinstance(name, str) for name in row["recipients"] + row["about"])
        assert set(row["source"]) >= {"kind", "title", "author"}
        assert row["source"]["kind"] is None or row["source"]["kind"] in SOURCE_KINDS
        assert 0 <= row["confidence"] <= 1
        assert isinstance(row["rule"], str) and row["rule"]


def test_jsonl_offsets_point_into_the_files_text():
    for row in seed_rows():
        spans = row["spans"]
        assert spans and (row["start"], row["end"]) == (spans[0][0], spans[-1][1])
        assert all(0 <= start < end <= len(SEED_TEXT) for start, end in spans)
        assert row["text"] == " ".join(SEED_TEXT[start:end] for start, end in spans)
        for evidence in (row["speaker_mention"], row["cue"]):
            if evidence is not None:
                assert SEED_TEXT[evidence["start"] : evidence["end"]] == evidence["text"]


def test_jsonl_row_for_kims_letter_as_a_fact_checker_reads_it():
    content = (
        "I feel pleased to have formed good ties with such a powerful and preeminent "
        "statesman as Your Excellency"
    )
    [row] = [row for row in seed_rows() if row["text"] == content]
    assert row["kind"] == "direct"
    assert SEED_TEXT[row["start"] : row["end"]] == content
    assert row["speaker"] == "Kim Jong-un"
    assert row["speaker_mention"]["text"] == "Kim"
    assert row["cue"]["text"] == "wrote"
    assert row["recipients"] == ["Donald Trump"]
    assert row["source"]["kind"] == "letter"
    assert row["claimed_by"] is None


def test_stdin_is_read_with_a_dash():
    text = 'The mayor spoke on Monday. "We will rebuild the bridge," Mayor Ana Ruiz said.\n'
    result = run("-", stdin=text.encode())
    assert result.exit_code == 0, result.output
    [row] = jsonl_rows(result.stdout)
    assert row["doc"] == "<stdin>"
    assert row["text"] == "We will rebuild the bridge"
    assert text[row["start"] : row["end"]] == row["text"]
    assert row["speaker"] == "Ana Ruiz"


def test_several_files_each_named_in_its_rows(tmp_path: Path):
    other = tmp_path / "council.txt"
    other.write_text('"The budget is balanced," Treasurer Tom Hale said.\n', encoding="utf-8")
    result = run(str(SEED), str(other))
    assert result.exit_code == 0, result.output
    docs = [row["doc"] for row in jsonl_rows(result.stdout)]
    assert set(docs) == {SEED.name, "council.txt"}
    assert docs.index("council.txt") > docs.index(SEED.name)  # files in the order given


def test_offsets_count_characters_not_bytes(tmp_path: Path):
    text = "Zürich — «We are ready», said Élise Müller, the canton’s president.\n"
    path = tmp_path / "zurich.txt"
    path.write_text(text, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    [row] = jsonl_rows(result.stdout)
    assert row["text"] == "We are ready"
    assert text[row["start"] : row["end"]] == "We are ready"
    assert text[row["speaker_mention"]["start"] : row["speaker_mention"]["end"]] == "Élise Müller"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "cannot be opened"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Le président a déclaré « prêts » à l'été.".encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_bad_file_is_one_line_error_and_exit_1(tmp_path: Path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and str(path) in line and reason in line
    assert "Traceback" not in result.output


def test_a_bad_file_does_not_stop_the_good_ones(tmp_path: Path):
    result = run(str(tmp_path / "missing.txt"), str(SEED))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert {row["doc"] for row in jsonl_rows(result.stdout)} == {SEED.name}


def test_table_shows_who_said_what_to_whom():
    result = run("--format", "table", str(SEED))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for header in ("speaker ->", "recipients", "kind", "text", "cue", "source", "claimed_by"):
        assert header in out
    assert f"{SEED.name}: {len(parse(SEED_TEXT).quotes)} attributions" in out
    # The second-hand insult: Kim's word, claimed by Trump, on one table row.
    rows = [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()]
    assert ["Kim Jong-un", "mixed", 'Barack Obama an "a**hole"', "branded", "Donald Trump"] in rows
    assert "Critics" in out and "letter" in out


def test_table_does_not_read_quotes_as_markup(tmp_path: Path):
    path = tmp_path / "markup.txt"
    path.write_text('"Press [bold]enter[/bold] to vote," the clerk said.\n', encoding="utf-8")
    result = run("--format", "table", str(path))
    assert result.exit_code == 0, result.output
    assert "Press [bold]enter[/bold] to vote" in result.stdout


def test_unknown_format_is_a_usage_error():
    result = run("--format", "xml", str(SEED))
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["parse", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout and "quotedb parse" in result.stdout
