"""`quotedb db ...`: Alembic's upgrade, downgrade and current on quotedb's database.

Also `open_engine`, the one way a command opens the store: it resolves --db,
migrates a new database and turns store errors into one-line CLI errors.
"""

from pathlib import Path

import click
from sqlalchemy.engine import Engine

from quotedb.cli.app import main
from quotedb.config import resolve_db_url
from quotedb.store import db as store_db


class BadDatabaseURL(click.ClickException):
    """A --db / $QUOTEDB_URL that names no usable database: a usage error, on one line."""

    exit_code = 2


def cli_error(error: store_db.StoreError) -> click.ClickException:
    """The click exception that reports a store error: exit 2 for a bad URL, else 1."""
    if isinstance(error, store_db.DatabaseURLError):
        return BadDatabaseURL(str(error))
    return click.ClickException(str(error))


def database_url(ctx: click.Context) -> str:
    """The URL chosen by --db, $QUOTEDB_URL or the default file in the working directory."""
    options = ctx.find_root().obj or {}
    return resolve_db_url(options.get("db_url"))


def open_engine(ctx: click.Context) -> Engine:
    """An engine on the store for this command (migrated if new), disposed when it ends."""
    try:
        engine = store_db.open_store(database_url(ctx))
    except store_db.StoreError as error:
        raise cli_error(error) from None
    ctx.call_on_close(engine.dispose)
    return engine


def _sqlite_file_missing(url: str) -> Path | None:
    """The path of a SQLite database file that does not exist yet, else None."""
    parsed = store_db.parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    path = Path(parsed.database)
    return None if path.exists() else path.resolve()


def _describe(state: store_db.SchemaState) -> str:
    if state.current is None:
        return "empty: no quotedb tables yet (quotedb creates them on first use)"
    if state.is_current:
        return f"{state.current} (latest)"
    return f"{state.current} (latest is {state.head}: run `quotedb db upgrade`)"


def _state(url: str) -> store_db.SchemaState:
    engine = store_db.make_engine(url)
    try:
        state = store_db.schema_state(engine, url)
        store_db.check_schema(state, url)
        return state
    finally:
        engine.dispose()


@main.group()
def db() -> None:
    """Create, upgrade and inspect the database schema (Alembic migrations).

    A new database is migrated on first use; these commands are for existing
    ones after a quotedb upgrade, and for going back.

    \b
    Example:
        quotedb db current
        quotedb --db postgresql+psycopg://user@host/quotes db upgrade
    """


@db.command()
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx: click.Context, revision: str) -> None:
    """Upgrade the database schema to REVISION (default: the latest).

    \b
    Example:
        quotedb db upgrade
        quotedb --db sqlite:///archive.db db upgrade 0002
    """
    url = database_url(ctx)
    try:
        store_db.migrate(url, revision)
        click.echo(f"{store_db.display_url(url)}: {_describe(_state(url))}")
    except store_db.StoreError as error:
        raise cli_error(error) from None


@db.command()
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask before removing tables and their rows.")
@click.pass_context
def downgrade(ctx: click.Context, revision: str, yes: bool) -> None:
    """Downgrade the database schema to REVISION; "base" removes every quotedb table.

    Downgrading drops the tables (and rows) that later revisions added.

    \b
    Example:
        quotedb db downgrade 0001 --yes
        quotedb db downgrade base
    """
    url = database_url(ctx)
    if not yes:
        click.confirm(
            f"Downgrade {store_db.display_url(url)} to {revision}? Rows in dropped tables are lost",
            abort=True,
        )
    try:
        store_db.downgrade(url, revision)
        click.echo(f"{store_db.display_url(url)}: {_describe(_state(url))}")
    except store_db.StoreError as error:
        raise cli_error(error) from None


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Show the database's schema revision and whether it is the latest.

    Reads only: a missing SQLite file is reported, not created.

    \b
    Example:
        quotedb db current
        QUOTEDB_URL=postgresql+psycopg://localhost/quotes quotedb db current
    """
    url = database_url(ctx)
    try:
        missing = _sqlite_file_missing(url)
        if missing:
            click.echo(f"no database at {missing} yet (quotedb creates it on first use)")
            return
        click.echo(f"{store_db.display_url(url)}: {_describe(_state(url))}")
    except store_db.StoreError as error:
        raise cli_error(error) from None
