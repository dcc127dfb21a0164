"""Opening the store: engines with the right SQLite settings, sessions, and migrations.

Every command opens the database through `open_store`, which migrates a new,
empty database to the latest schema and refuses, with one plain sentence, a
database that is out of date, newer than this quotedb, or not a quotedb store.
"""

from __future__ import annotations

import functools
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine
from sqlmodel import Session

from quotedb.store.errors import (
    DatabaseUnavailable,
    DatabaseURLError,
    SchemaMismatch,
    StoreError,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Writers wait this long for SQLite's write lock before giving up: two
# concurrent `quotedb ingest` runs then queue instead of failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Seconds before an unreachable PostgreSQL server is reported.
CONNECT_TIMEOUT_S = 10
# pg_advisory_xact_lock key that serialises concurrent first-use migrations.
MIGRATION_LOCK_KEY = 0x71756F7465  # "quote"
# `postgresql://` alone would mean psycopg2, which quotedb does not ship.
DRIVER_ALIASES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}
# The migrations' triggers and full-text search exist for these two engines only.
SUPPORTED_DRIVERS = {"sqlite", "sqlite+pysqlite", "postgresql+psycopg"}
URL_EXAMPLES = "sqlite:///quotedb.db or postgresql+psycopg://user@host/dbname"


def alembic_dir() -> Path:
    """The migrations folder: alembic/ beside the package in a checkout or editable install,
    else the copy a regular install puts in <prefix>/share/quotedb (pyproject's data-files)."""
    candidates = [
        Path(__file__).resolve().parents[2] / "alembic",
        Path(sys.prefix) / "share" / "quotedb" / "alembic",
    ]
    for folder in candidates:
        if (folder / "env.py").is_file():
            return folder
    raise StoreError(
        f"quotedb's migrations are missing: looked in {' and '.join(map(str, candidates))}"
    )


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config for `url`; env.py reads the URL from config.attributes, not an ini."""
    # Alembic is imported where it is used: it costs ~0.1 s of every command's start-up.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(alembic_dir()).replace("%", "%%"))
    config.attributes["db_url"] = url
    return config


@functools.cache
def migration_scripts() -> ScriptDirectory:
    """The migrations, read once a process: every open_store consults them."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for `url`, with `postgresql://` meaning psycopg 3."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise DatabaseURLError(
            f"{url!r} is not a database URL; expected e.g. {URL_EXAMPLES}"
        ) from None
    if parsed.drivername in DRIVER_ALIASES:
        parsed = parsed.set(drivername=DRIVER_ALIASES[parsed.drivername])
    if parsed.drivername not in SUPPORTED_DRIVERS:
        raise DatabaseURLError(
            f"{parsed.render_as_string(hide_password=True)}: quotedb supports SQLite and "
            f"PostgreSQL (through psycopg 3) databases, e.g. {URL_EXAMPLES}"
        )
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        # Each connection would get its own empty database, and all of it vanishes on exit.
        raise DatabaseURLError(
            f"{url!r} is an in-memory SQLite database, lost when quotedb exits; "
            "name a file: sqlite:///quotedb.db"
        )
    return parsed


def display_url(url: str) -> str:
    """The URL as it may be printed: password hidden."""
    try:
        return parse_url(url).render_as_string(hide_password=True)
    except DatabaseURLError:
        return repr(url)


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for `url`. SQLite gets WAL, foreign keys, a busy timeout and real BEGINs.

    `foreign_keys=False` is for migrations only: SQLite's batch mode copies
    tables, which must not cascade; migrate() checks the keys afterwards.
    """
    parsed = parse_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    connect_args = {} if is_sqlite else {"connect_timeout": CONNECT_TIMEOUT_S}
    try:
        engine = sa.create_engine(parsed, connect_args=connect_args)
    except ImportError:
        raise DatabaseURLError(
            "psycopg, the PostgreSQL driver, is not installed; run: pip install 'quotedb[postgres]'"
        ) from None
    if is_sqlite:
        _configure_sqlite(engine, foreign_keys=foreign_keys)
    return engine


def _configure_sqlite(engine: Engine, *, foreign_keys: bool) -> None:
    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # pysqlite defers BEGIN until the first INSERT, so DDL and reads would
        # escape the transaction; we emit BEGIN ourselves in on_begin instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def on_begin(connection: sa.Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _switch_to_wal(cursor) -> None:
    """PRAGMA journal_mode = WAL, retried: switching a new file to WAL needs a moment
    alone with it, and SQLite answers "database is locked" at once instead of
    waiting on the busy timeout when several processes open it together."""
    for attempt in range(200):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 199:
                raise
            time.sleep(0.05)


@contextmanager
def savepoint_journals_in_memory(connection: sa.Connection) -> Iterator[None]:
    """On SQLite, the block's transactions keep SAVEPOINT journals in memory.

    SQLite copies each page a SAVEPOINT changes to a temporary file, a few
    hundred pages for each ingested document. temp_store = MEMORY keeps them in
    memory (a transaction's worth at most); it is reset after the block, as it
    would also keep large sorts of later queries on this pooled connection in
    memory. It cannot change inside a transaction: use it outside connection.begin().
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        if not connection.invalidated:
            driver.execute("PRAGMA temp_store = DEFAULT")


@contextmanager
def session(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises.

    `write=True` takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE), so two
    writers queue on the busy timeout instead of one failing mid-transaction.
    """
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if write else engine
    with Session(bind, expire_on_commit=False) as db_session, db_session.begin():
        yield db_session


@contextmanager
def _reporting_database_errors(failure: str) -> Iterator[None]:
    """Turns a driver error into one sentence: `failure` ("cannot open X"), then the reason."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(f"{failure}: {reason}") from None


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands against this quotedb's migrations."""

    current: str | None
    head: str
    foreign_tables: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return self.current is None and not self.foreign_tables

    @property
    def is_current(self) -> bool:
        return self.current == self.head


def schema_state(engine: Engine, url: str) -> SchemaState:
    """Reads the database's Alembic revision and whether it holds tables that are not ours."""
    from alembic.runtime.migration import MigrationContext

    failure = f"cannot open the database {display_url(url)}"
    with _reporting_database_errors(failure), engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(sa.inspect(connection).get_table_names())
    foreign = () if current else tuple(sorted(tables - {"alembic_version"}))
    head = migration_scripts().get_current_head()
    return SchemaState(current=current, head=head, foreign_tables=foreign)


def check_schema(state: SchemaState, url: str) -> None:
    """Raises SchemaMismatch unless the database is empty or at a revision quotedb knows."""
    from alembic.util import CommandError

    where = display_url(url)
    if state.foreign_tables:
        shown = ", ".join(state.foreign_tables[:5])
        raise SchemaMismatch(
            f"{where} is not a quotedb database (it already has tables: {shown}); "
            "use --db to choose another database"
        )
    if state.current is None:
        return
    try:
        migration_scripts().get_revision(state.current)
    except CommandError:
        raise SchemaMismatch(
            f"{where} is at schema revision {state.current!r}, which this quotedb does not "
            "know: it was made by a newer quotedb or another program; upgrade quotedb"
        ) from None


def open_store(url: str) -> Engine:
    """An engine on a usable store: a new database is migrated, an old one is refused."""
    engine = make_engine(url)
    try:
        state = schema_state(engine, url)
        check_schema(state, url)
        if state.is_empty:
            migrate(url, "head")
        elif not state.is_current:
            raise SchemaMismatch(
                f"{display_url(url)} has an older quotedb schema ({state.current}, latest "
                f"{state.head}); run `quotedb db upgrade` to update it"
            )
    except BaseException:
        engine.dispose()
        raise
    return engine


def migrate(url: str, revision: str = "head") -> None:
    """Upgrades the database to `revision`, in one transaction that concurrent runs queue on."""
    from alembic import command

    _run_alembic(url, lambda config: command.upgrade(config, revision))


def downgrade(url: str, revision: str) -> None:
    """Downgrades the database to `revision` ("base" removes every quotedb table)."""
    from alembic import command

    _run_alembic(url, lambda config: command.downgrade(config, revision))


def _run_alembic(url: str, action: Callable[[Config], None]) -> None:
    from alembic.util import CommandError

    engine = make_engine(url, foreign_keys=False)
    try:
        check_schema(schema_state(engine, url), url)
        config = alembic_config(url)
        locked = engine.execution_options(sqlite_begin="IMMEDIATE")
        failure = f"cannot migrate {display_url(url)}"
        with _reporting_database_errors(failure), locked.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                )
            config.attributes["connection"] = connection
            try:
                action(config)
            except CommandError as exc:
                raise StoreError(f"cannot migrate {display_url(url)}: {exc}") from None
            if engine.dialect.name == "sqlite":
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        f"migration left {len(broken)} rows with dangling foreign keys "
                        f"(first in table {broken[0][0]}); nothing was changed"
                    )
    finally:
        engine.dispose()
