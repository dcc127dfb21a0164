"""The migrations build, remove and rebuild the schema on both engines, and agree with the models."""

import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from quotedb.store import db as store_db
from quotedb.store import models

REPO = Path(__file__).resolve().parents[1]
QUOTEDB_TABLES = set(SQLModel.metadata.tables)


def tables(url: str) -> set[str]:
    engine = store_db.make_engine(url)
    try:
        with engine.connect() as connection:
            return set(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()


def revision(url: str) -> str | None:
    engine = store_db.make_engine(url)
    try:
        return store_db.schema_state(engine, url).current
    finally:
        engine.dispose()


def revisions_oldest_first(url: str) -> list[str]:
    script = ScriptDirectory.from_config(store_db.alembic_config(url))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_the_migrations_form_one_line():
    """Two people adding a revision on the same parent leave two heads: merge them."""
    heads = store_db.migration_scripts().get_heads()
    assert len(heads) == 1, f"several migration heads {heads}: run `alembic merge heads`"


def test_upgrade_downgrade_upgrade(empty_db_url):
    store_db.migrate(empty_db_url, "head")
    assert QUOTEDB_TABLES <= tables(empty_db_url)

    store_db.downgrade(empty_db_url, "base")
    assert tables(empty_db_url) <= {"alembic_version"}
    assert revision(empty_db_url) is None

    store_db.migrate(empty_db_url, "head")
    assert QUOTEDB_TABLES <= tables(empty_db_url)
    assert revision(empty_db_url) == revisions_oldest_first(empty_db_url)[-1]


def test_every_revision_steps_up_and_down(empty_db_url):
    """Each migration's downgrade undoes exactly its upgrade, one step at a time."""
    seen = [tables(empty_db_url)]
    for rev in revisions_oldest_first(empty_db_url):
        store_db.migrate(empty_db_url, rev)
        assert revision(empty_db_url) == rev
        seen.append(tables(empty_db_url))
    for before in reversed(seen[:-1]):
        store_db.downgrade(empty_db_url, "-1")
        assert tables(empty_db_url) - {"alembic_version"} == before - {"alembic_version"}


def test_models_and_migrations_agree(db_url):
    """Autogenerate finds nothing to add, drop or change: the ORM describes the migrated schema."""
    engine = store_db.make_engine(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": lambda name, type_, parents: not models.is_migration_only(name),
                "compare_type": True,
                "compare_server_default": True,
            },
        )
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_full_text_index_exists_only_after_its_migration(empty_db_url):
    store_db.migrate(empty_db_url, "0001")
    engine = store_db.make_engine(empty_db_url)
    with engine.connect() as connection:
        inspector = sa.inspect(connection)
        if engine.dialect.name == "sqlite":
            assert models.QUOTE_FTS_TABLE not in inspector.get_table_names()
        else:
            names = {ix["name"] for ix in inspector.get_indexes("quotes")}
            assert models.QUOTE_SEARCH_INDEX not in names
    store_db.migrate(empty_db_url, "head")
    with engine.connect() as connection:
        inspector = sa.inspect(connection)
        if engine.dialect.name == "sqlite":
            assert models.QUOTE_FTS_TABLE in inspector.get_table_names()
        else:
            names = {ix["name"] for ix in inspector.get_indexes("quotes")}
            assert models.QUOTE_SEARCH_INDEX in names
    engine.dispose()


def test_alembic_command_line_uses_quotedb_settings(tmp_path):
    """`alembic upgrade head` from the repository root migrates the database in $QUOTEDB_URL."""
    url = f"sqlite:///{tmp_path / 'by-hand.db'}"
    env = {**os.environ, "QUOTEDB_URL": url}
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert revision(url) == revisions_oldest_first(url)[-1]


def _open_and_count_versions(url: str) -> int:
    engine = store_db.open_store(url)
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar_one()
    engine.dispose()
    return count


def test_concurrent_first_use_migrates_once(empty_db_url):
    """Several processes opening one new database at once: one migrates, the others wait."""
    with ProcessPoolExecutor(max_workers=3) as pool:
        counts = list(pool.map(_open_and_count_versions, [empty_db_url] * 3))
    assert counts == [1, 1, 1]
    assert QUOTEDB_TABLES <= tables(empty_db_url)


def test_reapplying_search_migration_indexes_stored_quotes(db_url, search):
    """Down to 0001 and back up: stored quotes survive and are found by search again."""
    engine = store_db.make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO quotes (text, key, kind, confidence, created_at) "
                "VALUES ('We will win the election', 'we will win the election', 'direct', 0.9, "
                "CURRENT_TIMESTAMP)"
            )
        )
    store_db.downgrade(db_url, "0001")
    store_db.migrate(db_url, "head")
    assert search(engine, "election") == ["We will win the election"]
    engine.dispose()
