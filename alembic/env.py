"""Alembic environment: quotedb's models, quotedb's database URL, SQLite-safe batch mode.

quotedb.store.db runs migrations through a connection it passes in
config.attributes (one locked transaction); `alembic` run by hand from the
repository root gets an engine built here from quotedb's settings instead.
"""

from logging.config import fileConfig

from alembic import context
from sqlmodel import SQLModel

from quotedb.config import resolve_db_url
from quotedb.store import models
from quotedb.store.db import make_engine

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Leave out what the full-text migration creates by hand (no model describes it)."""
    return not models.is_migration_only(name)


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("quotedb migrations run against a database; --sql mode is not supported")

connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = make_engine(config.attributes.get("db_url") or resolve_db_url(), foreign_keys=False)
    with engine.begin() as own_connection:
        run_migrations(own_connection)
    engine.dispose()
