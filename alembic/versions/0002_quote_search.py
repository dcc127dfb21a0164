"""Full-text search over quote text: FTS5 on SQLite, a tsvector GIN index on PostgreSQL.

Both stem English words (porter / the 'english' configuration), so "branded"
finds "brand"; SQLite also folds accents. Queries must use the matching
expressions (see quotedb.store.models.QUOTE_SEARCH_CONFIG).

SQLite: quotes_fts is an external-content FTS5 table (it stores only the
index; the text stays in quotes), kept in step by triggers. A later migration
that batch-alters `quotes` drops these triggers and must re-create them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UPGRADE = [
    """
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')
    """,
    """
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (NEW.id, NEW.text);
    END
    """,
    """
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    END
    """,
    """
    CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (NEW.id, NEW.text);
    END
    """,
    # Index the quotes already stored when this migration runs on an existing database.
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS quotes_fts_update",
    "DROP TRIGGER IF EXISTS quotes_fts_delete",
    "DROP TRIGGER IF EXISTS quotes_fts_insert",
    "DROP TABLE IF EXISTS quotes_fts",
]
POSTGRESQL_UPGRADE = [
    "CREATE INDEX ix_quotes_text_search ON quotes USING gin (to_tsvector('english', text))",
]
POSTGRESQL_DOWNGRADE = ["DROP INDEX IF EXISTS ix_quotes_text_search"]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_UPGRADE if sqlite else POSTGRESQL_UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_DOWNGRADE if sqlite else POSTGRESQL_DOWNGRADE:
        op.execute(statement)
