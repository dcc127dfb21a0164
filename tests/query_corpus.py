"""A small real store for the query, format and CLI tests: the seed article and a few
articles ingested through `quotedb.store.pipeline`, on SQLite and on PostgreSQL."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from quotedb.readers import read_documents
from quotedb.store import db as store_db
from quotedb.store.pipeline import ingest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_URL = "https://www.mirror.co.uk/news/world-news/kim-jong-un-gushing-letters"
SEED_DATE = date(2020, 9, 10)

# What the seed article attributes to Kim Jong-un in his letters to Donald Trump: the
# quotes, and what he referred to ("Kim wrote, before referring to a time they held
# hands").
SEED_LETTER_QUOTES = (
    "powerful and preeminent",
    "pleased to have formed good ties",
    "I feel pleased to have formed good ties with such a powerful and preeminent statesman",
    "a time they held hands",
    "That moment of history when I firmly held Your Excellency",
    "reminiscent of a scene from a fantasy film",
)
KIM_REPEATED = (
    "I feel pleased to have formed good ties with such a powerful and preeminent statesman "
    "as Your Excellency"
)
HOSTILE_QUOTE = "Robert'); DROP TABLE quotes;-- is not my name"
ARTICLES = [
    {
        "title": "Kim's letter, again",
        "url": "https://example.org/kim-letter-again",
        "date": "2020-09-12",
        "publisher": "Example Times",
        "text": (
            f'Kim Jong-un wrote to Donald Trump again. "{KIM_REPEATED}," Kim wrote in the letter.'
        ),
    },
    {
        "title": "Schools for Oaxaca",
        "url": "https://example.org/oaxaca-schools",
        "date": "2021-03-01",
        "publisher": "Diario Ejemplo",
        "text": '"We will build more schools in every district," said José Ramírez, the mayor.',
    },
    {
        "title": "Talks",
        "url": "https://example.org/talks",
        "date": "2019-02-28",
        "publisher": "Example Times",
        "text": '"The talks were productive," Kim Yo-jong said in a statement.',
    },
    {
        "title": "A name with 100% real_characters",
        "url": "https://example.org/hostile?a=1&b='2'",
        "date": "2022-01-01",
        "publisher": "O'Reilly & Sons",
        "text": f'"{HOSTILE_QUOTE}," said Ana O\'Neil, who runs a 100% real_database.',
    },
]


def fill(url: str, folder: Path, *, articles: bool = True) -> None:
    """Ingests the seed (and the articles) into the database at `url`."""
    engine = store_db.open_store(url)
    try:
        inputs = [read_documents([SEEDS], url=SEED_URL, date=SEED_DATE, publisher="Mirror Online")]
        if articles:
            path = folder / "articles.jsonl"
            path.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES))
            inputs.append(read_documents([path]))
        for documents in inputs:
            outcomes = list(ingest(engine, documents))
            assert [outcome.status for outcome in outcomes] == ["ingested"] * len(outcomes)
    finally:
        engine.dispose()


def corpus_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    *,
    engine: str,
    articles: bool,
) -> Iterator[str]:
    """A filled database on `engine` ("sqlite" or "postgresql"), dropped afterwards."""
    folder = tmp_path_factory.mktemp("corpus")
    if engine == "sqlite":
        url = f"sqlite:///{folder / 'quotedb.db'}"
        fill(url, folder, articles=articles)
        yield url
        return
    server = request.getfixturevalue("postgres_server")
    url = server.create()
    try:
        fill(url, folder, articles=articles)
        yield url
    finally:
        server.drop(url)


def open_engine(url: str) -> Iterator[Engine]:
    engine = store_db.open_store(url)
    yield engine
    engine.dispose()
