"""Shared fixtures: real databases built by the real migrations.

Storage tests take `db_url` (or `engine`) and run twice: on a temporary
SQLite file and on a fresh PostgreSQL database created for the test on the
server named by $QUOTEDB_TEST_POSTGRES_URL. Without that variable the
PostgreSQL half is skipped with a visible reason, except in CI (CI=true),
where it fails: CI must prove the schema on both engines.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from quotedb.store import db as store_db

POSTGRES_SERVER_URL = os.environ.get("QUOTEDB_TEST_POSTGRES_URL")
IN_CI = os.environ.get("CI", "").lower() in ("true", "1")
ENGINES = ["sqlite", "postgresql"]


def _require_postgres() -> str:
    if POSTGRES_SERVER_URL:
        return POSTGRES_SERVER_URL
    if IN_CI:
        pytest.fail(
            "CI=true but QUOTEDB_TEST_POSTGRES_URL is not set: the PostgreSQL storage tests "
            "must run in CI (see .ci/run)",
            pytrace=False,
        )
    pytest.skip("PostgreSQL tests need QUOTEDB_TEST_POSTGRES_URL (a server quotedb may use)")


class PostgresServer:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, server_url: str) -> None:
        self.url = store_db.parse_url(server_url)
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")

    def create(self, template: str | None = None) -> str:
        name = f"quotedb_test_{uuid.uuid4().hex[:12]}"
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}{clause}")
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = sa.make_url(url).database
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer(_require_postgres())
    yield server
    server.admin.dispose()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> Iterator[str]:
    """A database migrated once, copied by CREATE DATABASE ... TEMPLATE for each test."""
    url = postgres_server.create()
    store_db.migrate(url)
    yield sa.make_url(url).database
    postgres_server.drop(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once (its engine closed, so no WAL left), copied per test."""
    path = tmp_path_factory.mktemp("template") / "quotedb.db"
    store_db.migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(params=ENGINES)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database (no tables) on each engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'quotedb.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create()
    yield url
    server.drop(url)


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new database migrated to the latest schema, on each engine."""
    if request.param == "sqlite":
        path = tmp_path / "quotedb.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create(template=request.getfixturevalue("postgres_template"))
    yield url
    server.drop(url)


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated SQLite file, for tests about SQLite itself."""
    path = tmp_path / "quotedb.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on a migrated database, opened the way every command opens it."""
    engine = store_db.open_store(db_url)
    yield engine
    engine.dispose()


def search_quote_texts(engine: Engine, words: str) -> list[str]:
    """Quote texts matching `words` through the full-text index, as queries will use it."""
    if engine.dialect.name == "sqlite":
        sql = (
            "SELECT quotes.text FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid "
            "WHERE quotes_fts MATCH :words ORDER BY quotes.id"
        )
    else:
        sql = (
            "SELECT text FROM quotes WHERE to_tsvector('english', text) "
            "@@ websearch_to_tsquery('english', :words) ORDER BY id"
        )
    with engine.connect() as connection:
        return list(connection.execute(sa.text(sql), {"words": words}).scalars())


@pytest.fixture
def search() -> object:
    """search(engine, words) -> matching quote texts, via FTS5 or the tsvector index."""
    return search_quote_texts
