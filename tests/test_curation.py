"""Curation through the real CLI on a real store (seed article + a few articles), both
engines: corrections hold over re-ingest, merges answer to either name, undo restores
exactly, verdicts export as schema.org ClaimReview, hostile names are data."""

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from query_corpus import ARTICLES, HOSTILE_QUOTE, SEED_LETTER_QUOTES, corpus_url

from quotedb import curation
from quotedb.cli import main
from quotedb.readers import read_documents
from quotedb.store import db as store_db
from quotedb.store.pipeline import ingest

ENGINES = ["sqlite", "postgresql"]
TALKS = next(article for article in ARTICLES if article["title"] == "Talks")
TALKS_QUOTE = "The talks were productive"
LETTER_QUOTE = 'Donald Trump as "powerful and preeminent"'
CURATOR = "fact-checker-ana"


@pytest.fixture(params=ENGINES)
def db(request, tmp_path_factory) -> Iterator[str]:
    """A fresh store per test: curation tests change it."""
    yield from corpus_url(request, tmp_path_factory, engine=request.param, articles=True)


def run(db: str, *args: str, code: int = 0):
    result = CliRunner().invoke(
        main, ["--db", db, *args], env={"QUOTEDB_USER": CURATOR}, catch_exceptions=False
    )
    assert result.exit_code == code, result.output
    return result


def rows(db: str, *args: str) -> list[dict]:
    return json.loads(run(db, "quotes", "--json", *args).output)


def row_of(db: str, text: str) -> dict:
    found = [row for row in rows(db) if row["text"] == text]
    assert len(found) == 1, found
    return found[0]


def action_id(result) -> int:
    """The id of the action a curation command printed ("action 3: ...")."""
    first = result.output.splitlines()[0]
    assert first.startswith("action "), result.output
    return int(first.split(":")[0].split()[1])


def ingest_text(db: str, folder: Path, text: str, **metadata) -> list[str]:
    path = folder / f"article-{abs(hash(text))}.jsonl"
    path.write_text(json.dumps({**metadata, "text": text}) + "\n")
    engine = store_db.open_store(db)
    try:
        return [outcome.status for outcome in ingest(engine, read_documents([path]))]
    finally:
        engine.dispose()


def snapshot(db: str) -> dict[str, str]:
    """Everything a reader can ask, as printed: compared before and after an undo."""
    ids = [str(row["id"]) for row in rows(db)]
    return {
        "quotes": run(db, "quotes", "--json").output,
        "people": run(db, "people", "--json").output,
        "kim": run(db, "person", "Kim Jong-un", "--json").output,
        "trump": run(db, "person", "Donald Trump", "--json").output,
        "claimreview": run(db, "export", "--format", "claimreview", "-o", "-").output,
        "graph": run(db, "graph", "--format", "csv", "-o", "-").output,
        **{f"show {i}": run(db, "show", i, "--json").output for i in ids},
    }


# --- corrections --------------------------------------------------------------------


def test_a_corrected_speaker_shows_in_queries_and_show_keeps_the_machines(db):
    talks = row_of(db, TALKS_QUOTE)
    assert talks["speaker"] == "Kim Yo-jong"
    done = run(db, "correct", str(talks["id"]), "--speaker", "Kim Jong-un", "--note", "KCNA")

    assert talks["id"] in {row["id"] for row in rows(db, "--speaker", "Kim Jong-un")}
    assert talks["id"] not in {row["id"] for row in rows(db, "--speaker", "Kim Yo-jong")}
    assert row_of(db, TALKS_QUOTE)["speaker_qid"] == "Q56226"

    evidence = json.loads(run(db, "show", str(talks["id"]), "--json").output)
    assert evidence["speaker"] == "Kim Jong-un"
    assert evidence["machine"]["speaker"] == "Kim Yo-jong"
    [correction] = evidence["corrections"]
    assert correction["field"] == "speaker"
    assert correction["original"]["name"] == "Kim Yo-jong"
    assert correction["value"]["name"] == "Kim Jong-un"
    assert (correction["user"], correction["note"]) == (CURATOR, "KCNA")
    assert correction["action_id"] == action_id(done)
    table = run(db, "show", str(talks["id"])).output
    assert "machine said Kim Yo-jong, now Kim Jong-un" in table
    [hit] = json.loads(run(db, "who-said", TALKS_QUOTE, "--json").output)
    assert hit["speaker"] == "Kim Jong-un"


def test_a_correction_holds_when_the_same_document_is_ingested_again(db, tmp_path):
    talks = row_of(db, TALKS_QUOTE)
    run(db, "correct", str(talks["id"]), "--speaker", "Kim Jong-un", "--note", "KCNA")
    before = rows(db)

    assert ingest_text(db, tmp_path, TALKS["text"], url=TALKS["url"]) == ["unchanged"]

    assert rows(db) == before
    assert row_of(db, TALKS_QUOTE)["speaker"] == "Kim Jong-un"


def test_a_correction_follows_its_quote_into_a_new_version_of_the_document(db, tmp_path):
    talks = row_of(db, TALKS_QUOTE)
    run(db, "correct", str(talks["id"]), "--speaker", "Kim Jong-un", "--note", "KCNA")
    changed = TALKS["text"] + " The statement was read on state television."

    assert ingest_text(db, tmp_path, changed, url=TALKS["url"]) == ["ingested"]

    moved = row_of(db, TALKS_QUOTE)
    assert moved["id"] != talks["id"], "the new version has occurrences of its own"
    assert moved["speaker"] == "Kim Jong-un"
    assert json.loads(run(db, "history", "--stale", "--json").output) == []


def test_a_correction_whose_quote_vanished_is_reported_not_dropped(db, tmp_path):
    talks = row_of(db, TALKS_QUOTE)
    done = run(db, "correct", str(talks["id"]), "--speaker", "Kim Jong-un", "--note", "KCNA")
    rewritten = '"We stand ready for more talks," Kim Yo-jong said in a statement.'

    assert ingest_text(db, tmp_path, rewritten, url=TALKS["url"]) == ["ingested"]

    assert TALKS_QUOTE not in {row["text"] for row in rows(db)}
    [stale] = json.loads(run(db, "history", "--stale", "--json").output)
    assert stale["action_id"] == action_id(done)
    assert stale["field"] == "speaker" and stale["value"]["name"] == "Kim Jong-un"
    [entry] = [
        e for e in json.loads(run(db, "history", "--json").output) if e["id"] == stale["action_id"]
    ]
    assert entry["status"].startswith("no longer applies")


def test_the_graph_follows_corrected_recipients_and_merged_speakers(db):
    letter = row_of(db, LETTER_QUOTE)
    run(db, "correct", str(letter["id"]), "--recipient", "Barack Obama", "--note", "x")
    run(db, "merge", "Kim Jong-un", "Kim Yo-jong")
    edges = {
        (edge["Source"], edge["Target"]): int(edge["Weight"])
        for edge in csv.DictReader(
            io.StringIO(run(db, "graph", "--format", "csv", "-o", "-").output)
        )
    }
    assert edges[("Kim Yo-jong", "Barack Obama")] == 1
    assert ("Kim Jong-un", "Donald Trump") not in edges
    assert edges[("Kim Yo-jong", "Donald Trump")] >= 1


def test_exports_carry_decisions_as_the_listing_does(db, tmp_path):
    """csv and parquet exports take the fast path (tuples; for csv, names joined as
    they stream): corrections and merges reach them as they reach `quotes`."""
    letter, talks = row_of(db, LETTER_QUOTE), row_of(db, TALKS_QUOTE)
    run(db, "correct", str(letter["id"]), "--recipient", "Barack Obama",
        "--recipient", "Donald Trump", "--note", "x")  # fmt: skip
    run(db, "correct", str(talks["id"]), "--speaker", "Kim Jong-un", "--source-kind", "tweet",
        "--note", "x")  # fmt: skip
    run(db, "merge", "Kim Jong-un", "Kim Yo-jong")

    def by_id(text: str) -> list[dict]:
        return sorted(csv.DictReader(io.StringIO(text)), key=lambda row: int(row["id"]))

    exported = by_id(run(db, "export", "--format", "csv", "-o", "-").output)
    assert exported == by_id(run(db, "quotes", "--csv").output)
    assert {"Barack Obama; Donald Trump", "Kim Yo-jong"} <= {
        value for row in exported for value in (row["recipients"], row["speaker"])
    }
    path = tmp_path / "quotes.parquet"
    run(db, "export", "--format", "parquet", "-o", str(path))
    listed = {row["id"]: row for row in rows(db)}
    for row in pq.read_table(path).to_pylist():
        expected = listed[row["id"]]
        for column in ("speaker", "recipients", "source_kind", "source_title", "claimed_by"):
            assert row[column] == expected[column], column


def test_reparse_rewrites_the_attributions_and_keeps_corrections_and_reviews(db):
    talks, letter = row_of(db, TALKS_QUOTE), row_of(db, LETTER_QUOTE)
    run(db, "correct", str(talks["id"]), "--speaker", "Kim Jong-un", "--note", "KCNA")
    run(db, "review", str(letter["id"]), "--rating", "true", "--url", "https://f.example/2")
    before = rows(db)

    done = run(db, "reparse")

    assert done.output.startswith(f"reparsed {len(ARTICLES) + 1} documents: ")
    after = rows(db)
    assert {row["id"] for row in after}.isdisjoint({row["id"] for row in before})

    def without_ids(found: list[dict]) -> list[dict]:
        return sorted(
            ({k: v for k, v in row.items() if k not in ("id", "quote_id")} for row in found),
            key=json.dumps,
        )

    assert without_ids(after) == without_ids(before)
    assert row_of(db, TALKS_QUOTE)["speaker"] == "Kim Jong-un"
    claims = json.loads(run(db, "export", "--format", "claimreview", "-o", "-").output)
    [review] = [claim for claim in claims if claim["@type"] == "ClaimReview"]
    assert review["claimReviewed"] == LETTER_QUOTE
    assert json.loads(run(db, "history", "--stale", "--json").output) == []


def counts(db: str) -> dict[str, tuple[int, int, int]]:
    listed = json.loads(run(db, "people", "--json").output)
    return {p["name"]: (p["said"], p["received"], p["about"]) for p in listed}


def test_people_counts_follow_corrections(db):
    before = counts(db)
    talks, letter = row_of(db, TALKS_QUOTE), row_of(db, LETTER_QUOTE)
    run(db, "correct", str(talks["id"]), "--speaker", "Ana O'Neil", "--note", "x")
    run(db, "correct", str(letter["id"]), "--recipient", "Barack Obama", "--note", "y")
    after = counts(db)
    assert after["Ana O'Neil"][0] == before["Ana O'Neil"][0] + 1
    assert after["Kim Yo-jong"][0] == before["Kim Yo-jong"][0] - 1
    assert after["Barack Obama"][1] == before["Barack Obama"][1] + 1
    assert after["Donald Trump"][1] == before["Donald Trump"][1] - 1
    run(db, "correct", str(letter["id"]), "--not-a-quote", "--note", "z")
    hidden = counts(db)
    assert hidden["Kim Jong-un"][0] == before["Kim Jong-un"][0] - 1
    assert hidden["Barack Obama"][1] == before["Barack Obama"][1]


def test_recipients_source_kind_and_not_a_quote_are_applied_to_filters(db):
    letter = row_of(db, LETTER_QUOTE)
    assert letter["recipients"] == ["Donald Trump"] and letter["source_kind"] == "letter"
    run(
        db,
        "correct",
        str(letter["id"]),
        "--recipient",
        "Barack Obama",
        "--recipient",
        "North Korea",
        "--source-kind",
        "Tweet",
        "--note",
        "checked the book",
    )
    corrected = row_of(db, LETTER_QUOTE)
    assert corrected["recipients"] == ["Barack Obama", "North Korea"]
    assert corrected["source_kind"] == "tweet"
    assert letter["id"] in {r["id"] for r in rows(db, "--to", "Barack Obama")}
    assert letter["id"] not in {r["id"] for r in rows(db, "--to", "Donald Trump")}
    assert letter["id"] in {r["id"] for r in rows(db, "--source-kind", "tweet")}
    assert letter["id"] not in {r["id"] for r in rows(db, "--source-kind", "letter")}

    run(db, "correct", str(letter["id"]), "--not-a-quote", "--note", "a description, not speech")
    assert letter["id"] not in {r["id"] for r in rows(db)}
    said = json.loads(run(db, "who-said", "powerful and preeminent", "--json").output)
    assert said and letter["quote_id"] not in {hit["quote_id"] for hit in said}
    evidence = json.loads(run(db, "show", str(letter["id"]), "--json").output)
    assert evidence["not_a_quote"] is True


def test_a_correction_needs_a_reason_and_a_change(db):
    talks = str(row_of(db, TALKS_QUOTE)["id"])
    assert "--note" in run(db, "correct", talks, "--speaker", "Kim Jong-un", code=2).output
    nothing = run(db, "correct", talks, "--note", "why", code=2)
    assert nothing.output.startswith("Error: nothing to correct")
    bad_kind = run(db, "correct", talks, "--source-kind", "carrier pigeon", "--note", "x", code=2)
    assert "is not a source kind" in bad_kind.output
    missing = run(db, "correct", "999999", "--speaker", "Kim Jong-un", "--note", "x", code=1)
    assert missing.output.strip() == "Error: no quote occurrence has id 999999"
    unknown = run(db, "correct", talks, "--speaker", "Nobody Atall", "--note", "x", code=1)
    assert "no one called 'Nobody Atall'" in unknown.output
    assert json.loads(run(db, "history", "--json").output) == []


# --- entities -------------------------------------------------------------------------


def test_merged_entities_answer_to_either_name_with_all_their_quotes(db):
    kim = {row["id"] for row in rows(db, "--speaker", "Kim Jong-un")}
    sister = {row["id"] for row in rows(db, "--speaker", "Kim Yo-jong")}
    assert kim and sister and not kim & sister

    run(db, "merge", "Kim Yo-jong", "Kim Jong-un", "--note", "test merge")

    for name in ("Kim Yo-jong", "Kim Jong-un", "kim yo jong", "Q56226"):
        assert {row["id"] for row in rows(db, "--speaker", name)} == kim | sister, name
    assert {row["speaker"] for row in rows(db, "--speaker", "Kim Yo-jong")} == {"Kim Jong-un"}
    talks = str(row_of(db, TALKS_QUOTE)["id"])
    assert (
        "merged: the machine's speaker Kim Yo-jong is Kim Jong-un" in run(db, "show", talks).output
    )
    [hit] = json.loads(run(db, "who-said", TALKS_QUOTE, "--json").output)
    assert (hit["speaker"], hit["speaker_qid"]) == ("Kim Jong-un", "Q56226")
    [listed] = json.loads(run(db, "people", "--search", "yo-jong", "--json").output)
    assert (listed["name"], listed["said"]) == (
        "Kim Jong-un",
        len({r["quote_id"] for r in rows(db, "--speaker", "Kim Jong-un")}),
    )
    assert "Kim Yo-jong" not in {p["name"] for p in json.loads(run(db, "people", "--json").output)}
    profile = json.loads(run(db, "person", "Kim Yo-jong", "--json").output)
    assert profile["name"] == "Kim Jong-un"
    assert "Kim Yo-jong" in {alias["text"] for alias in profile["aliases"]}
    again = run(db, "merge", "Kim Jong-un", "Kim Yo-jong", code=1)
    assert "already one entity" in again.output


def test_an_ambiguous_name_is_refused_with_its_candidates(db):
    run(db, "alias", "add", "Kim Yo-jong", "Kim")
    refused = run(db, "quotes", "--speaker", "Kim", code=2)
    assert "Kim Jong-un" in refused.output and "Kim Yo-jong" in refused.output
    refused = run(db, "merge", "Kim", "Donald Trump", code=2)
    assert "could mean 2 entities" in refused.output
    assert len(json.loads(run(db, "history", "--json").output)) == 1


def test_alias_add_and_remove_change_how_names_resolve(db):
    run(db, "alias", "add", "Kim Jong-un", "Rocket Man")
    assert {r["speaker"] for r in rows(db, "--speaker", "rocket man")} == {"Kim Jong-un"}
    run(db, "alias", "remove", "Kim Jong-un", "the dictator")
    assert run(db, "quotes", "--speaker", "the dictator", code=1).output.startswith("Error: ")
    aliases = json.loads(run(db, "person", "Kim Jong-un", "--json").output)["aliases"]
    texts = {alias["text"]: alias["origin"] for alias in aliases}
    assert texts["Rocket Man"] == "human" and "the dictator" not in texts
    assert "is not an alias" in run(db, "alias", "remove", "Kim Jong-un", "Zorro", code=1).output


def test_entity_set_gives_a_qid_the_queries_resolve(db):
    run(db, "entity", "set", "Kim Yo-jong", "--qid", "q7150995", "--description", "his sister")
    assert {r["speaker"] for r in rows(db, "--speaker", "Q7150995")} == {"Kim Yo-jong"}
    assert row_of(db, TALKS_QUOTE)["speaker_qid"] == "Q7150995"
    taken = run(db, "entity", "set", "Ana O'Neil", "--qid", "Q7150995", code=1)
    assert "already belongs to Kim Yo-jong" in taken.output
    assert "not a Wikidata QID" in run(db, "entity", "set", "Kim", "--qid", "7", code=2).output


def test_split_takes_a_wrongly_merged_alias_out_with_its_quotes(db):
    by_kim = [
        row for row in rows(db, "--speaker", "Kim Jong-un") if row["speaker_mention"] == "Kim"
    ]
    assert by_kim
    done = run(db, "split", "Kim Jong-un", "Kim", "--note", "another Kim")
    moved = {row["id"] for row in rows(db, "--speaker", "Kim")}
    assert moved == {row["id"] for row in by_kim}
    assert not moved & {row["id"] for row in rows(db, "--speaker", "Kim Jong-un")}
    assert {row["speaker"] for row in rows(db, "--speaker", "Kim")} == {"Kim"}
    history = json.loads(run(db, "history", "Kim Jong-un", "--json").output)
    assert [entry["id"] for entry in history] == [action_id(done)]
    assert history[0]["command"] == "split" and history[0]["note"] == "another Kim"


def test_an_imported_alias_list_changes_how_a_new_document_resolves(db, tmp_path):
    newsroom = tmp_path / "people.csv"
    newsroom.write_text(
        "name,aliases,qid,description,kind\n"
        "José Ramírez,Pepe Ramírez|El Alcalde,,mayor of Oaxaca,person\n"
        "Kim Yo-jong,Kim Yo Jong,Q7150995,sister of Kim Jong-un,person\n"
        "Ana Fuentes,Ana F.,Q99999,a newsroom source,person\n"
    )
    before = rows(db)
    done = run(db, "entities", "import", str(newsroom), "--note", "newsroom list 2026-11")
    assert "3 entities (1 new), " in done.output

    assert ingest_text(db, tmp_path, '"The roads are ready," said Pepe Ramírez, the mayor.') == [
        "ingested"
    ]
    mayor = {row["text"]: row["speaker"] for row in rows(db, "--speaker", "José Ramírez")}
    assert mayor["The roads are ready"] == "José Ramírez"
    assert rows(db, "--speaker", "el alcalde") == rows(db, "--speaker", "José Ramírez")
    assert {row["speaker"] for row in rows(db, "--speaker", "Q7150995")} == {"Kim Yo-jong"}
    assert json.loads(run(db, "person", "Ana F.", "--json").output)["qid"] == "Q99999"

    run(db, "undo", str(action_id(done)))
    assert run(db, "person", "Ana F.", code=1).output.startswith("Error: ")
    people = {person["name"] for person in json.loads(run(db, "people", "--json").output)}
    assert "Ana Fuentes" not in people and "Pepe Ramírez" in people
    assert {row["speaker"] for row in rows(db)} >= {"Pepe Ramírez", "José Ramírez"}
    assert [row for row in rows(db) if row["text"] != "The roads are ready"] == before


def test_a_bad_entity_list_changes_nothing(db, tmp_path):
    bad = tmp_path / "people.jsonl"
    bad.write_text('{"name": "Ana Fuentes", "qid": "Q1"}\n{"name": "Bo", "qid": "not-a-qid"}\n')
    refused = run(db, "entities", "import", str(bad), code=2)
    assert refused.output.strip() == f"Error: {bad} entry 2: 'NOT-A-QID' is not a Wikidata QID"
    assert run(db, "person", "Ana Fuentes", code=1).output.startswith("Error: ")
    assert json.loads(run(db, "history", "--json").output) == []


# --- undo -------------------------------------------------------------------------------


def test_undo_restores_exactly_what_every_kind_of_action_changed(db):
    before = snapshot(db)
    talks, letter = row_of(db, TALKS_QUOTE), row_of(db, LETTER_QUOTE)
    done = [
        run(db, "correct", str(talks["id"]), "--speaker", "Donald Trump", "--note", "a"),
        run(
            db,
            "correct",
            str(letter["id"]),
            "--no-recipients",
            "--source-kind",
            "tweet",
            "--note",
            "b",
        ),
        run(db, "correct", str(talks["id"]), "--not-a-quote", "--note", "c"),
        run(db, "merge", "José Ramírez", "Donald Trump"),
        run(db, "alias", "remove", "Kim Jong-un", "the dictator"),
        run(db, "alias", "add", "Donald Trump", "The Donald"),
        run(db, "entity", "set", "Kim Jong-un", "--qid", "Q1234567", "--description", "edited"),
        run(db, "split", "Kim Jong-un", "Kim"),
        run(
            db,
            "review",
            str(letter["id"]),
            "--rating",
            "misleading",
            "--url",
            "https://f.example/1",
        ),
    ]
    changed = snapshot(db)
    assert changed["quotes"] != before["quotes"]
    assert changed["claimreview"] != before["claimreview"]

    for result in reversed(done):
        run(db, "undo", str(action_id(result)), "--note", "test")

    assert snapshot(db) == before
    history = json.loads(run(db, "history", "--json").output)
    assert len(history) == 2 * len(done)
    assert all(entry["status"].startswith(("undone by", "undid")) for entry in history)
    assert {entry["user"] for entry in history} == {CURATOR}


def test_the_latest_correction_wins_and_undoing_it_brings_back_the_one_before(db):
    talks = str(row_of(db, TALKS_QUOTE)["id"])
    run(db, "correct", talks, "--speaker", "Kim Jong-un", "--note", "first look")
    second = action_id(run(db, "correct", talks, "--speaker", "Ana O'Neil", "--note", "second"))
    assert row_of(db, TALKS_QUOTE)["speaker"] == "Ana O'Neil"
    run(db, "undo", str(second))
    assert row_of(db, TALKS_QUOTE)["speaker"] == "Kim Jong-un"
    history = json.loads(run(db, "history", talks, "--json").output)
    assert [entry["command"] for entry in history] == ["undo", "correct", "correct"]
    assert [entry["status"] for entry in history][1:] == [
        f"undone by {history[0]['id']}",
        "in force",
    ]


def test_undo_refuses_what_it_cannot_undo(db):
    first = action_id(run(db, "entity", "set", "Kim Yo-jong", "--description", "one"))
    second = action_id(run(db, "entity", "set", "Kim Yo-jong", "--description", "two"))
    assert (
        f"action {second} edited the same entity later"
        in run(db, "undo", str(first), code=1).output
    )
    undo = action_id(run(db, "undo", str(second)))
    assert "already undone" in run(db, "undo", str(second), code=1).output
    assert "cannot be undone" in run(db, "undo", str(undo), code=1).output
    assert "no action has id 999" in run(db, "undo", "999", code=1).output
    run(db, "undo", str(first))
    profile = json.loads(run(db, "person", "Kim Yo-jong", "--json").output)
    assert profile["description"] is None


# --- verdicts ---------------------------------------------------------------------------


def test_claimreview_export_writes_full_claimreview_objects_for_reviewed_quotes(db, tmp_path):
    letter = row_of(db, LETTER_QUOTE)
    run(
        db,
        "review",
        str(letter["id"]),
        "--rating",
        "Mostly False",
        "--url",
        "https://f.example/k",
        "--reviewer",
        "Full Fact",
    )
    out = tmp_path / "claims.jsonld"
    run(db, "export", "--format", "claimreview", "-o", str(out))
    records = json.loads(out.read_text())

    reviews = [record for record in records if record["@type"] == "ClaimReview"]
    claims = [record for record in records if record["@type"] == "Claim"]
    assert len(reviews) == 1 and len(claims) == len(records) - 1
    [review] = reviews
    # What schema.org and Google's fact-check markup require, with their types.
    assert review["@context"] == "https://schema.org"
    assert review["url"] == "https://f.example/k"
    assert review["claimReviewed"] == LETTER_QUOTE
    assert review["author"] == {"@type": "Organization", "name": "Full Fact"}
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "Mostly False"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert all(isinstance(rating[key], int) for key in ("ratingValue", "bestRating", "worstRating"))
    date.fromisoformat(review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and "@context" not in item
    assert item["author"] == {
        "@type": "Person",
        "name": "Kim Jong-un",
        "sameAs": "http://www.wikidata.org/entity/Q56226",
    }
    assert item["appearance"][0]["url"].startswith("https://www.mirror.co.uk/")
    date.fromisoformat(item["datePublished"])
    assert all(isinstance(claim["text"], str) and claim["appearance"] for claim in claims)
    assert (
        "not an http(s) URL"
        in run(
            db,
            "review",
            str(letter["id"]),
            "--rating",
            "false",
            "--url",
            "javascript:alert(1)",
            code=2,
        ).output
    )


# --- hostile input ------------------------------------------------------------------------


def test_hostile_names_and_notes_are_data(db):
    hostile = "Robert'); DROP TABLE entities;-- 100%_"
    run(db, "alias", "add", "Ana O'Neil", hostile, "--note", "'; DELETE FROM actions; --")
    found = rows(db, "--speaker", hostile)
    assert [row["text"] for row in found] == [HOSTILE_QUOTE]
    run(db, "entity", "set", "Ana O'Neil", "--description", hostile)
    run(db, "correct", str(found[0]["id"]), "--speaker", hostile, "--note", hostile)
    history = json.loads(run(db, "history", hostile, "--json").output)
    assert len(history) == 3 and history[-1]["note"] == "'; DELETE FROM actions; --"
    assert run(db, "quotes", "--speaker", "%", code=1).output.startswith("Error: ")
    engine = store_db.open_store(db)
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM entities")).scalar_one()
    engine.dispose()
    assert count > 5
    for letter_quote in SEED_LETTER_QUOTES[:1]:
        assert any(letter_quote in row["text"] for row in rows(db))


def test_the_library_records_the_acting_user(db, monkeypatch):
    monkeypatch.setenv("QUOTEDB_USER", "library-user")
    engine = store_db.open_store(db)
    try:
        curation.alias(engine, "add", "Kim Jong-un", "Rocket Man", note="from Python")
        [entry] = curation.history(engine, "Rocket Man")
    finally:
        engine.dispose()
    assert (entry["user"], entry["command"], entry["note"]) == (
        "library-user",
        "alias",
        "from Python",
    )
