"""Opening a store: a new database is migrated, anything else quotedb cannot use is refused plainly."""

import sqlite3

import pytest
import sqlalchemy as sa

from quotedb.store import db as store_db


def current_revision(url: str) -> str | None:
    engine = store_db.make_engine(url)
    try:
        return store_db.schema_state(engine, url).current
    finally:
        engine.dispose()


def test_a_new_database_is_migrated_on_first_use(empty_db_url):
    engine = store_db.open_store(empty_db_url)
    state = store_db.schema_state(engine, empty_db_url)
    engine.dispose()
    assert state.current == state.head


def test_a_missing_sqlite_file_is_created_and_migrated(tmp_path):
    path = tmp_path / "new.db"
    store_db.open_store(f"sqlite:///{path}").dispose()
    assert path.exists()
    assert current_revision(f"sqlite:///{path}") is not None


def test_a_foreign_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(store_db.SchemaMismatch, match="not a quotedb database.*customers"):
        store_db.open_store(f"sqlite:///{path}")
    with pytest.raises(store_db.SchemaMismatch, match="not a quotedb database"):
        store_db.migrate(f"sqlite:///{path}")
    with sqlite3.connect(path) as connection:
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
    assert names == ["customers"]


def test_a_database_from_a_newer_quotedb_is_refused(db_url):
    engine = store_db.make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(store_db.SchemaMismatch, match="newer quotedb"):
        store_db.open_store(db_url)
    with pytest.raises(store_db.SchemaMismatch, match="newer quotedb"):
        store_db.migrate(db_url)
    assert current_revision(db_url) == "9999_future"


def test_an_older_schema_is_refused_until_upgraded(empty_db_url):
    store_db.migrate(empty_db_url, "0001")
    with pytest.raises(store_db.SchemaMismatch, match="quotedb db upgrade"):
        store_db.open_store(empty_db_url)
    assert current_revision(empty_db_url) == "0001"
    store_db.migrate(empty_db_url)
    store_db.open_store(empty_db_url).dispose()


def test_an_unreachable_server_is_one_sentence_without_the_password():
    url = "postgresql+psycopg://quotedb:s3cret@127.0.0.1:1/quotes"
    with pytest.raises(store_db.DatabaseUnavailable) as raised:
        store_db.open_store(url)
    message = str(raised.value)
    assert message.startswith("cannot open the database postgresql+psycopg://quotedb:***@")
    assert "s3cret" not in message
    assert "\n" not in message


def test_a_sqlite_file_in_a_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(store_db.DatabaseUnavailable, match="cannot open the database"):
        store_db.open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.db'}")


def test_a_file_that_is_not_a_database_is_one_sentence(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Kim wrote a letter.\n" * 200)
    with pytest.raises(store_db.DatabaseUnavailable, match="file is not a database"):
        store_db.open_store(f"sqlite:///{path}")
    assert path.read_text() == "Kim wrote a letter.\n" * 200


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "mysql://u@h/db",
        "postgresql+psycopg2://u@h/db",
        "oracle://x",
        "sqlite://",
        "sqlite:///:memory:",
    ],
)
def test_urls_quotedb_cannot_use_are_refused(url):
    with pytest.raises(store_db.DatabaseURLError):
        store_db.make_engine(url)


def test_plain_postgresql_urls_mean_psycopg():
    assert store_db.parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
