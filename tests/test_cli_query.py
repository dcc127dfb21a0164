"""The read commands through the real CLI, on a real store; exports read back by the
tools researchers use (csv, json, pyarrow, ElementTree for GraphML)."""

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from query_corpus import KIM_REPEATED, SEED_LETTER_QUOTES, SEED_URL, corpus_url

from quotedb import queries
from quotedb.cli import main

ENGINES = ["sqlite", "postgresql"]
READ_COMMANDS = [
    ["quotes"],
    ["who-said", "far beyond smart"],
    ["people"],
    ["person", "Kim"],
    ["show", "1"],
]


@pytest.fixture(scope="module", params=ENGINES)
def db(request, tmp_path_factory) -> Iterator[str]:
    yield from corpus_url(request, tmp_path_factory, engine=request.param, articles=True)


@pytest.fixture(scope="module")
def seed_db(request, tmp_path_factory) -> Iterator[str]:
    """The seed article alone, on SQLite (test_queries checks the seed on both engines)."""
    yield from corpus_url(request, tmp_path_factory, engine="sqlite", articles=False)


def run(db_url: str, *args: str):
    return CliRunner().invoke(main, ["--db", db_url, *args], catch_exceptions=False)


def ok(db_url: str, *args: str) -> str:
    result = run(db_url, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_rows(text: str, delimiter: str = ",") -> list[dict]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_seed_quotes_kim_to_trump_are_the_letter_quotes(seed_db):
    found = csv_rows(
        ok(seed_db, "quotes", "--speaker", "Kim Jong-un", "--to", "Donald Trump", "--csv")
    )
    texts = [row["text"] for row in found]
    for letter_quote in SEED_LETTER_QUOTES:
        assert any(letter_quote in text for text in texts), (letter_quote, texts)
    assert len(found) == len(SEED_LETTER_QUOTES), texts
    assert {row["speaker"] for row in found} == {"Kim Jong-un"}
    assert {row["source_kind"] for row in found} == {"letter"}


def test_seed_who_said_answers_donald_trump(seed_db):
    (hit,) = json.loads(ok(seed_db, "who-said", "far beyond smart", "--json"))
    assert hit["speaker"] == "Donald Trump"
    assert "Donald Trump" in ok(seed_db, "who-said", "far beyond smart")


def test_seed_person_kim_shows_the_alias_the_dictator(seed_db):
    output = ok(seed_db, "person", "Kim")
    assert "Kim Jong-un" in output and "the dictator" in output


def test_person_limit_keeps_the_newest_of_each_list(db):
    full = json.loads(ok(db, "person", "Kim Jong-un", "--json"))
    short = json.loads(ok(db, "person", "Kim Jong-un", "--limit", "1", "--json"))
    said = {row["id"]: row for rows in full["said"].values() for row in rows}
    kept = {row["id"] for rows in short["said"].values() for row in rows}
    assert len(said) > 1 and len(kept) == 1
    newest = max(said.values(), key=lambda row: row["date"])["date"]
    assert said[kept.pop()]["date"] == newest


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda command: command[0])
def test_every_read_command_takes_every_output_option(db, command):
    assert ok(db, *command).strip()
    parsed_json = json.loads(ok(db, *command, "--json"))
    assert parsed_json
    lines = ok(db, *command, "--nl").splitlines()
    assert lines and all(json.loads(line) for line in lines)
    for flag, delimiter in (("--csv", ","), ("--tsv", "\t")):
        rows = csv_rows(ok(db, *command, flag), delimiter)
        assert rows and "id" in rows[0]


def test_json_nl_and_csv_carry_the_same_rows_and_columns(db):
    as_json = json.loads(ok(db, "quotes", "--json"))
    as_nl = [json.loads(line) for line in ok(db, "quotes", "--nl").splitlines()]
    as_csv = csv_rows(ok(db, "quotes", "--csv"))
    assert as_json == as_nl
    assert all(list(row) == list(queries.QUOTE_COLUMNS) for row in as_json)
    assert list(as_csv[0]) == list(queries.QUOTE_COLUMNS)
    assert [int(row["id"]) for row in as_csv] == [row["id"] for row in as_json]
    for from_csv, from_json in zip(as_csv, as_json, strict=True):
        assert from_csv["text"] == from_json["text"]
        assert from_csv["recipients"] == "; ".join(from_json["recipients"])


def test_rows_have_stable_ids_that_show_takes(db):
    rows = json.loads(ok(db, "quotes", "--speaker", "kim jong un", "--json"))
    again = json.loads(ok(db, "quotes", "--speaker", "Kim Jong-un", "--json"))
    assert [row["id"] for row in rows] == [row["id"] for row in again]
    for row in rows:
        evidence = json.loads(ok(db, "show", str(row["id"]), "--json"))
        assert evidence["text"] == row["text"] and "[[" in evidence["marked"]
    table = ok(db, "show", str(rows[0]["id"]))
    assert "reporting chain:" in table and "rule:" in table


def test_an_unknown_name_exits_1_on_one_line(db):
    result = run(db, "quotes", "--speaker", "Nobody Atall")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: no one called 'Nobody Atall' is in the database"
    ]
    assert run(db, "person", "Nobody Atall").exit_code == 1


def test_an_ambiguous_name_exits_2_listing_the_candidates(db):
    for args in (["quotes", "--to", "kim jong"], ["person", "kim jong"]):
        result = run(db, *args)
        assert result.exit_code == 2, result.output
        (line,) = result.output.strip().splitlines()
        assert "Kim Jong-un" in line and "Kim Yo-jong" in line


def test_show_of_a_missing_id_exits_1(db):
    result = run(db, "show", "99999999")
    assert result.exit_code == 1
    assert "no quote occurrence has id 99999999" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--speaker", "'; DROP TABLE quotes; --"],
        ["--search", "'; DROP TABLE quotes; --"],
        ["--source-kind", "letter' OR '1'='1"],
        ["--document", "1 OR 1=1"],
        ["--search", "%"],
        ["--search", "_"],
    ],
)
def test_hostile_filters_leave_the_store_alone(db, args):
    before = json.loads(ok(db, "quotes", "--json"))
    result = run(db, "quotes", *args, "--json")
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 0:
        found = json.loads(result.stdout)
        assert all("DROP TABLE" in row["text"] for row in found)
    assert json.loads(ok(db, "quotes", "--json")) == before


def test_export_csv_and_jsonl_round_trip(db, tmp_path):
    expected = json.loads(ok(db, "quotes", "--json"))
    by_id = {row["id"]: row for row in expected}
    ok(db, "export", "--format", "csv", "-o", str(tmp_path / "quotes.csv"))
    with open(tmp_path / "quotes.csv", newline="", encoding="utf-8") as handle:
        from_csv = list(csv.DictReader(handle))
    assert len(from_csv) == len(expected)
    for row in from_csv:
        original = by_id[int(row["id"])]
        assert row["text"] == original["text"] and row["speaker"] == (original["speaker"] or "")
        assert float(row["confidence"]) == original["confidence"]
        assert row["date"] == (original["date"] or "")
    ok(db, "export", "--format", "jsonl", "-o", str(tmp_path / "quotes.jsonl"))
    lines = (tmp_path / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted((json.loads(line) for line in lines), key=lambda row: row["id"]) == sorted(
        expected, key=lambda row: row["id"]
    )


def test_export_parquet_round_trips_with_types(db, tmp_path):
    expected = {row["id"]: row for row in json.loads(ok(db, "quotes", "--json"))}
    path = tmp_path / "quotes.parquet"
    ok(db, "export", "--format", "parquet", "-o", str(path))
    table = pq.read_table(path)
    assert table.num_rows == len(expected)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("id").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("recipients").type.value_type == pa.string()
    for row in table.to_pylist():
        original = expected[row["id"]]
        assert row["text"] == original["text"] and row["recipients"] == original["recipients"]
        assert row["confidence"] == original["confidence"]
        assert (row["date"].isoformat() if row["date"] else None) == original["date"]


def test_export_filters_like_quotes(db, tmp_path):
    path = tmp_path / "kim.jsonl"
    ok(db, "export", "--format", "jsonl", "--speaker", "Kim", "--to", "Trump", "-o", str(path))
    exported = [json.loads(line) for line in path.read_text().splitlines()]
    listed = json.loads(ok(db, "quotes", "--speaker", "Kim", "--to", "Trump", "--json"))
    assert sorted(row["id"] for row in exported) == sorted(row["id"] for row in listed)


def test_export_quotebank_has_quotebanks_fields(db, tmp_path):
    path = tmp_path / "quotebank.jsonl"
    ok(db, "export", "--format", "quotebank", "-o", str(path))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    fields = ["quoteID", "quotation", "speaker", "qids", "date", "numOccurrences", "probas", "urls"]
    assert all(list(record) == fields for record in records)
    quotes = json.loads(ok(db, "quotes", "--json"))
    assert len(records) == len({row["quote_id"] for row in quotes})
    (repeated,) = [record for record in records if record["quotation"] == KIM_REPEATED]
    assert repeated["speaker"] == "Kim Jong-un" and repeated["qids"] == ["Q56226"]
    assert repeated["numOccurrences"] == 2
    assert repeated["urls"] == [SEED_URL, "https://example.org/kim-letter-again"]
    assert repeated["date"] == "2020-09-10 00:00:00"
    assert repeated["probas"][0][0] == "Kim Jong-un" and 0 < repeated["probas"][0][1] <= 1


def test_export_claimreview_is_schema_org_claims(db, tmp_path):
    path = tmp_path / "claims.jsonld"
    ok(db, "export", "--format", "claimreview", "--speaker", "Kim Jong-un", "-o", str(path))
    claims = json.loads(path.read_text(encoding="utf-8"))
    quotes = json.loads(ok(db, "quotes", "--speaker", "Kim Jong-un", "--json"))
    assert len(claims) == len({row["quote_id"] for row in quotes})
    for claim in claims:
        assert claim["@context"] == "https://schema.org" and claim["@type"] == "Claim"
        assert claim["author"] == {
            "@type": "Person",
            "name": "Kim Jong-un",
            "sameAs": "http://www.wikidata.org/entity/Q56226",
        }
        assert claim["firstAppearance"] == claim["appearance"][0]
        assert claim["datePublished"] == claim["firstAppearance"]["datePublished"]
    (repeated,) = [claim for claim in claims if claim["text"] == KIM_REPEATED]
    assert [work["url"] for work in repeated["appearance"]] == [
        SEED_URL,
        "https://example.org/kim-letter-again",
    ]


def test_graph_exports_weighted_edges(db, tmp_path):
    kim_to_trump = json.loads(ok(db, "quotes", "--speaker", "Kim", "--to", "Trump", "--json"))
    weight = len({row["quote_id"] for row in kim_to_trump})
    ok(db, "graph", "--format", "csv", "-o", str(tmp_path / "edges.csv"))
    with open(tmp_path / "edges.csv", newline="", encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    assert {"Source", "Target", "Weight"} <= set(edges[0])
    weights = {(edge["Source"], edge["Target"]): int(edge["Weight"]) for edge in edges}
    assert weights[("Kim Jong-un", "Donald Trump")] == weight
    ok(db, "graph", "--format", "graphml", "-o", str(tmp_path / "network.graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(tmp_path / "network.graphml").getroot().find("g:graph", ns)
    labels = {
        node.get("id"): node.find("g:data[@key='label']", ns).text
        for node in graph.findall("g:node", ns)
    }
    graphml_weights = {
        (labels[edge.get("source")], labels[edge.get("target")]): int(
            edge.find("g:data[@key='weight']", ns).text
        )
        for edge in graph.findall("g:edge", ns)
    }
    assert graphml_weights == weights


def test_a_failed_export_writes_nothing(db, tmp_path):
    path = tmp_path / "out.csv"
    result = run(db, "export", "--format", "csv", "--speaker", "Nobody Atall", "-o", str(path))
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []
    result = run(db, "export", "--format", "csv", "-o", str(tmp_path / "missing" / "out.csv"))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_parquet_without_pyarrow_says_how_to_install_it(db, tmp_path):
    # A Python where importing pyarrow fails, as on an install without the extra.
    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None; "
        "from quotedb.cli import main; main()"
    )
    path = tmp_path / "quotes.parquet"
    args = ["--db", db, "export", "--format", "parquet", "-o", str(path)]
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: the parquet export needs pyarrow; install it with: pip install 'quotedb[parquet]'"
    ]
    assert not path.exists() and list(Path(tmp_path).iterdir()) == []
