"""quotedb.queries on a real store (seed article + a few articles, ingested), both engines."""

import re
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa
from query_corpus import (
    HOSTILE_QUOTE,
    KIM_REPEATED,
    SEED_DATE,
    SEED_LETTER_QUOTES,
    SEED_URL,
    corpus_url,
    open_engine,
)
from sqlalchemy.engine import Engine

from quotedb import queries
from quotedb.queries import QuoteFilter

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="module", params=ENGINES)
def store(request, tmp_path_factory) -> Iterator[Engine]:
    for url in corpus_url(request, tmp_path_factory, engine=request.param, articles=True):
        yield from open_engine(url)


@pytest.fixture(scope="module", params=ENGINES)
def seed_store(request, tmp_path_factory) -> Iterator[Engine]:
    for url in corpus_url(request, tmp_path_factory, engine=request.param, articles=False):
        yield from open_engine(url)


def rows(engine: Engine, **where) -> list[dict]:
    return list(queries.quotes(engine, QuoteFilter(**where)))


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("entities", "aliases", "documents", "quotes", "quote_occurrences")
        }


def test_seed_kim_to_trump_lists_the_five_letter_quotes_and_nothing_else(seed_store):
    found = rows(seed_store, speaker="Kim Jong-un", to="Donald Trump")
    texts = [row["text"] for row in found]
    for letter_quote in SEED_LETTER_QUOTES:
        assert sum(letter_quote in text for text in texts) >= 1, (letter_quote, texts)
    assert len(found) == len(SEED_LETTER_QUOTES), texts
    assert {row["source_kind"] for row in found} == {"letter"}


def test_rows_say_who_said_what_to_whom_and_where(store):
    found = rows(store, speaker="Kim Jong-un", to="Donald Trump")
    assert found
    for row in found:
        assert list(row) == list(queries.QUOTE_COLUMNS)
        assert row["speaker"] == "Kim Jong-un" and "Donald Trump" in row["recipients"]
        assert row["speaker_qid"] == "Q56226"
        assert row["document_url"] == SEED_URL and row["date"] == SEED_DATE
        assert row["publisher"] == "Mirror Online"
        assert 0 <= row["content_start"] < row["content_end"]


@pytest.mark.parametrize(
    "name", ["Kim Jong-un", "kim jong un", "KIM JONG-UN", "Kim", "the dictator", "Q56226", "q56226"]
)
def test_names_resolve_through_aliases_case_and_qid(store, name):
    with store.connect() as connection:
        assert queries.resolve_name(connection, name).name == "Kim Jong-un"


def test_names_resolve_without_accents(store):
    with store.connect() as connection:
        assert queries.resolve_name(connection, "jose ramirez").name == "José Ramírez"
    assert [row["text"] for row in rows(store, speaker="JOSE RAMIREZ")] == [
        "We will build more schools in every district"
    ]


def test_an_ambiguous_name_lists_the_candidates(store):
    with store.connect() as connection, pytest.raises(queries.AmbiguousName) as raised:
        queries.resolve_name(connection, "kim jong")
    names = {candidate.name for candidate in raised.value.candidates}
    assert names == {"Kim Jong-un", "Kim Yo-jong"}
    assert "Kim Jong-un" in str(raised.value) and "Kim Yo-jong" in str(raised.value)


@pytest.mark.parametrize("name", ["Nobody Atall", "%", "' OR 1=1 --"])
def test_an_unknown_name_is_an_error(store, name):
    with pytest.raises(queries.UnknownName):
        rows(store, speaker=name)


def test_who_said_finds_the_phrase(seed_store):
    hits = queries.who_said(seed_store, "far beyond smart")
    assert [hit["speaker"] for hit in hits] == ["Donald Trump"]
    assert hits[0]["match"] == "phrase" and "far beyond smart" in hits[0]["text"]


def test_who_said_falls_back_to_fuzzy_matching_for_misremembered_words(seed_store):
    hits = queries.who_said(seed_store, "far beyon smrt")
    assert hits and hits[0]["speaker"] == "Donald Trump"
    assert hits[0]["match"] == "fuzzy"
    assert queries.who_said(seed_store, "quantum chromodynamics lattice") == []


def test_who_said_gives_the_first_appearance_and_every_document(store):
    hits = queries.who_said(store, "such a powerful and preeminent statesman")
    assert [hit["text"] for hit in hits] == [KIM_REPEATED]
    hit = hits[0]
    assert hit["speaker"] == "Kim Jong-un"
    assert hit["first_date"] == SEED_DATE
    assert [doc["date"] for doc in hit["documents"]] == [SEED_DATE, date(2020, 9, 12)]
    assert hit["documents"][1]["url"] == "https://example.org/kim-letter-again"


def test_who_said_needs_words(store):
    with pytest.raises(queries.QueryError):
        queries.who_said(store, "%_;")


def test_quotes_are_newest_first_and_limited(store):
    dates = [row["date"] for row in rows(store)]
    assert dates == sorted(dates, reverse=True)
    assert len(rows(store, limit=2)) == 2


def test_filters_select_what_they_say(store):
    assert {row["kind"] for row in rows(store, kind="direct")} == {"direct"}
    assert all(row["date"] >= date(2021, 1, 1) for row in rows(store, since=date(2021, 1, 1)))
    assert [row["speaker"] for row in rows(store, until=date(2019, 12, 31))] == ["Kim Yo-jong"]
    assert {row["source_kind"] for row in rows(store, source_kind="LETTER")} == {"letter"}
    assert all(row["confidence"] >= 0.8 for row in rows(store, min_confidence=0.8))
    by_url = rows(store, document="https://example.org/oaxaca-schools")
    assert [row["speaker"] for row in by_url] == ["José Ramírez"]
    by_id = rows(store, document=str(by_url[0]["document_id"]))
    assert [row["id"] for row in by_id] == [by_url[0]["id"]]
    searched = rows(store, search="schools district")
    assert [row["speaker"] for row in searched] == ["José Ramírez"]


def test_claimed_by_and_about_find_second_hand_quotes(store):
    (claimed,) = rows(store, claimed_by="Trump")
    assert "a**hole" in claimed["text"] and claimed["speaker"] == "Kim Jong-un"
    assert [row["id"] for row in rows(store, about="Barack Obama")] == [claimed["id"]]


HOSTILE = [
    "'",
    '"',
    "%",
    "_",
    ";",
    "' OR '1'='1",
    "1; DROP TABLE quotes; --",
    "letter' --",
    '"far" OR "smart"',
    "text:far",
    "far*",
    "NEAR(far smart)",
    "^far",
    "\\",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["source_kind", "document"])
def test_hostile_filter_text_is_data_not_sql(store, field, value):
    before = table_counts(store)
    assert rows(store, **{field: value}) == []
    assert table_counts(store) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_search_text_searches_only_its_words(store, value):
    """Quotes, wildcards, column filters and operators in a search are not syntax:
    the search finds what its bare words find, and changes nothing."""
    before = table_counts(store)
    bare_words = " ".join(re.findall(r"[^\W_]+", value))
    expected = [row["id"] for row in rows(store, search=bare_words)] if bare_words else []
    assert [row["id"] for row in rows(store, search=value)] == expected
    assert len(expected) < len(rows(store))
    assert table_counts(store) == before


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["speaker", "to", "about", "claimed_by"])
def test_hostile_names_are_unknown_names(store, field, value):
    with pytest.raises(queries.UnknownName):
        rows(store, **{field: value})


def test_hostile_words_are_found_as_words(store):
    before = table_counts(store)
    found = rows(store, search="DROP TABLE quotes;--")
    assert [row["text"] for row in found] == [HOSTILE_QUOTE]
    assert [row["speaker"] for row in rows(store, speaker="ana o'neil")] == ["Ana O'Neil"]
    assert [hit["text"] for hit in queries.who_said(store, "); DROP TABLE quotes;--")] == [
        HOSTILE_QUOTE
    ]
    assert table_counts(store) == before
    assert queries.people(store, search="%") == [] and queries.people(store, search="_") == []


def test_people_counts_agree_with_the_quotes(store):
    everyone = {person["name"]: person for person in queries.people(store)}
    for name in ("Kim Jong-un", "Donald Trump", "Barack Obama"):
        person = everyone[name]
        assert person["said"] == len({row["quote_id"] for row in rows(store, speaker=name)})
        assert person["received"] == len({row["quote_id"] for row in rows(store, to=name)})
        assert person["about"] == len({row["quote_id"] for row in rows(store, about=name)})
    assert everyone["Donald Trump"]["received"] >= len(SEED_LETTER_QUOTES)
    said = [person["said"] + person["received"] + person["about"] for person in everyone.values()]
    assert said == sorted(said, reverse=True)


def test_people_search_matches_names_and_aliases(store):
    assert [person["name"] for person in queries.people(store, search="ramirez")] == [
        "José Ramírez"
    ]
    assert [person["name"] for person in queries.people(store, search="dictator")] == [
        "Kim Jong-un"
    ]


def test_person_profile(store):
    profile = queries.person(store, "Kim")
    assert profile["name"] == "Kim Jong-un" and profile["qid"] == "Q56226"
    assert "the dictator" in {alias["text"] for alias in profile["aliases"]}
    assert len(profile["said"]["Donald Trump"]) >= len(SEED_LETTER_QUOTES)
    (claimed,) = profile["claimed_by_others"]
    assert "a**hole" in claimed["text"] and claimed["claimed_by"] == "Donald Trump"
    trump = queries.person(store, "donald trump")
    assert {row["speaker"] for row in trump["said_to"]} >= {"Kim Jong-un"}
    said_about_obama = queries.person(store, "Obama")["said_about"]
    assert [row["id"] for row in said_about_obama] == [claimed["id"]]


def test_show_marks_the_evidence_and_the_reporting_chain(store):
    (row,) = [
        row
        for row in rows(store, speaker="Kim Jong-un", search="moment of history")
        if row["document_url"] == SEED_URL
    ]
    evidence = queries.show(store, row["id"])
    assert evidence["marked"].startswith('"[[That moment of history when I firmly held')
    assert "{the dictator} <said>" in evidence["marked"]
    assert evidence["rule"] and 0 < evidence["confidence"] <= 1
    paragraph = evidence["paragraph"]
    for mark in evidence["marks"]:
        start, end = mark["start"], mark["end"]
        assert paragraph[start:end] in (row["text"], "the dictator", "said")
    chain = [(step["kind"], step["title"]) for step in evidence["chain"]]
    assert chain[0][0] == "letter" and ("book", "Rage") in chain
    assert evidence["chain"][-1]["url"] == SEED_URL
    with pytest.raises(queries.NotFound):
        queries.show(store, 10_000_000)


def test_quote_groups_gather_a_quotes_occurrences(store):
    groups = {group["text"]: group for group in queries.quote_groups(store)}
    assert len(groups[KIM_REPEATED]["occurrences"]) == 2
    assert len(groups) == len({row["quote_id"] for row in rows(store)})
    assert len(list(queries.quote_groups(store, QuoteFilter(limit=3)))) == 3


def test_edges_weigh_speaker_to_recipient_by_quotes(store):
    edges = {(edge["source"], edge["target"]): edge["weight"] for edge in queries.edges(store)}
    kim_to_trump = {row["quote_id"] for row in rows(store, speaker="Kim", to="Trump")}
    assert edges[("Kim Jong-un", "Donald Trump")] == len(kim_to_trump)
    only_letters = queries.edges(store, QuoteFilter(source_kind="tweet"))
    assert only_letters == []
