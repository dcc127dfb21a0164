"""Initial schema: entities, aliases, documents, sources, quotes and their occurrences.

Besides the tables, triggers enforce what a CHECK constraint cannot see
across tables: an occurrence's offsets lie inside its document's text, and
a document's text never changes (offsets would silently point elsewhere).

SQLite drops a table's triggers when batch mode copies the table: a later
migration that batch-alters quote_occurrences or documents must re-create
them (call create_triggers() from this module's code as a template).

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OFFSETS_OUTSIDE = "quote offsets lie outside the document"
SPANS_OUTSIDE = "quote spans lie outside the quote content"
TEXT_IMMUTABLE = "a document text never changes: store a changed text as a new version"

SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER quote_occurrences_offsets_insert BEFORE INSERT ON quote_occurrences
    WHEN max(NEW.content_end, coalesce(NEW.speaker_mention_end, 0), coalesce(NEW.cue_end, 0))
         > (SELECT length(text) FROM documents WHERE id = NEW.document_id)
    BEGIN SELECT RAISE(ABORT, '{OFFSETS_OUTSIDE}'); END
    """,
    f"""
    CREATE TRIGGER quote_occurrences_offsets_update BEFORE UPDATE ON quote_occurrences
    WHEN max(NEW.content_end, coalesce(NEW.speaker_mention_end, 0), coalesce(NEW.cue_end, 0))
         > (SELECT length(text) FROM documents WHERE id = NEW.document_id)
    BEGIN SELECT RAISE(ABORT, '{OFFSETS_OUTSIDE}'); END
    """,
    f"""
    CREATE TRIGGER quote_occurrences_spans_insert BEFORE INSERT ON quote_occurrences
    WHEN EXISTS (
        SELECT 1 FROM json_each(NEW.spans)
        WHERE json_extract(value, '$[0]') < NEW.content_start
           OR json_extract(value, '$[1]') > NEW.content_end
           OR json_extract(value, '$[0]') > json_extract(value, '$[1]'))
    BEGIN SELECT RAISE(ABORT, '{SPANS_OUTSIDE}'); END
    """,
    f"""
    CREATE TRIGGER quote_occurrences_spans_update BEFORE UPDATE ON quote_occurrences
    WHEN EXISTS (
        SELECT 1 FROM json_each(NEW.spans)
        WHERE json_extract(value, '$[0]') < NEW.content_start
           OR json_extract(value, '$[1]') > NEW.content_end
           OR json_extract(value, '$[0]') > json_extract(value, '$[1]'))
    BEGIN SELECT RAISE(ABORT, '{SPANS_OUTSIDE}'); END
    """,
    f"""
    CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
    WHEN NEW.text IS NOT OLD.text
    BEGIN SELECT RAISE(ABORT, '{TEXT_IMMUTABLE}'); END
    """,
]
SQLITE_TRIGGER_NAMES = [
    "quote_occurrences_offsets_insert",
    "quote_occurrences_offsets_update",
    "quote_occurrences_spans_insert",
    "quote_occurrences_spans_update",
    "documents_text_immutable",
]

# PostgreSQL raises check_violation, so both engines report an IntegrityError.
POSTGRESQL_TRIGGERS = [
    f"""
    CREATE FUNCTION quote_occurrences_check_offsets() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF GREATEST(NEW.content_end, NEW.speaker_mention_end, NEW.cue_end)
           > (SELECT char_length(text) FROM documents WHERE id = NEW.document_id) THEN
            RAISE EXCEPTION '{OFFSETS_OUTSIDE}' USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (
            SELECT 1 FROM json_array_elements(NEW.spans) AS span
            WHERE (span->>0)::int < NEW.content_start
               OR (span->>1)::int > NEW.content_end
               OR (span->>0)::int > (span->>1)::int) THEN
            RAISE EXCEPTION '{SPANS_OUTSIDE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER quote_occurrences_offsets BEFORE INSERT OR UPDATE ON quote_occurrences
    FOR EACH ROW EXECUTE FUNCTION quote_occurrences_check_offsets()
    """,
    f"""
    CREATE FUNCTION documents_keep_text() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.text IS DISTINCT FROM OLD.text THEN
            RAISE EXCEPTION '{TEXT_IMMUTABLE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_keep_text()
    """,
]


def create_triggers() -> None:
    """The cross-table checks, in each engine's own trigger language."""
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS:
        op.execute(statement)


def drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS quote_occurrences_offsets ON quote_occurrences")
        op.execute("DROP FUNCTION IF EXISTS quote_occurrences_check_offsets()")
        op.execute("DROP TRIGGER IF EXISTS documents_text_immutable ON documents")
        op.execute("DROP FUNCTION IF EXISTS documents_keep_text()")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("superseded_by_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_documents_version_positive")),
        sa.ForeignKeyConstraint(
            ["superseded_by_id"],
            ["documents.id"],
            name=op.f("fk_documents_superseded_by_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    op.create_index(op.f("ix_documents_published"), "documents", ["published"])
    op.create_index(op.f("ix_documents_superseded_by_id"), "documents", ["superseded_by_id"])
    op.create_index(op.f("ix_documents_url"), "documents", ["url"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("qid", sa.String(length=20), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('person', 'organisation', 'group', 'place', 'unknown')",
            name=op.f("ck_entities_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("qid", name=op.f("uq_entities_qid")),
    )
    op.create_index(op.f("ix_entities_key"), "entities", ["key"])

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("key", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_index(op.f("ix_sources_key"), "sources", ["key"])
    op.create_index(op.f("ix_sources_kind"), "sources", ["kind"])

    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=10), server_default="machine", nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("origin IN ('machine', 'human')", name=op.f("ck_aliases_origin")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_aliases_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_aliases_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aliases")),
        sa.UniqueConstraint("entity_id", "key", name=op.f("uq_aliases_entity_id_key")),
    )
    op.create_index(op.f("ix_aliases_document_id"), "aliases", ["document_id"])
    op.create_index(op.f("ix_aliases_key"), "aliases", ["key"])

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("claimed_by_id", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.Column("first_document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('direct', 'partial', 'indirect', 'mixed')", name=op.f("ck_quotes_kind")
        ),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_quotes_confidence_range")
        ),
        sa.ForeignKeyConstraint(
            ["claimed_by_id"], ["entities.id"], name=op.f("fk_quotes_claimed_by_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["first_document_id"],
            ["documents.id"],
            name=op.f("fk_quotes_first_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["entities.id"], name=op.f("fk_quotes_speaker_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        sa.UniqueConstraint("key", "speaker_id", name=op.f("uq_quotes_key_speaker_id")),
    )
    op.create_index(op.f("ix_quotes_claimed_by_id"), "quotes", ["claimed_by_id"])
    op.create_index(op.f("ix_quotes_first_document_id"), "quotes", ["first_document_id"])
    op.create_index(op.f("ix_quotes_first_published"), "quotes", ["first_published"])
    op.create_index(op.f("ix_quotes_kind"), "quotes", ["kind"])
    op.create_index(op.f("ix_quotes_speaker_id"), "quotes", ["speaker_id"])

    op.create_table(
        "source_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_source_id", sa.Integer(), nullable=False),
        sa.Column("to_source_id", sa.Integer(), nullable=True),
        sa.Column("to_document_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(to_source_id IS NULL) <> (to_document_id IS NULL)",
            name=op.f("ck_source_links_one_target"),
        ),
        sa.CheckConstraint("from_source_id <> to_source_id", name=op.f("ck_source_links_not_self")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_source_links_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_source_id"],
            ["sources.id"],
            name=op.f("fk_source_links_from_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_document_id"],
            ["documents.id"],
            name=op.f("fk_source_links_to_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_source_id"],
            ["sources.id"],
            name=op.f("fk_source_links_to_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_links")),
    )
    op.create_index(op.f("ix_source_links_document_id"), "source_links", ["document_id"])
    op.create_index(op.f("ix_source_links_from_source_id"), "source_links", ["from_source_id"])
    op.create_index(op.f("ix_source_links_to_document_id"), "source_links", ["to_document_id"])
    op.create_index(op.f("ix_source_links_to_source_id"), "source_links", ["to_source_id"])

    op.create_table(
        "quote_occurrences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("speaker_mention", sa.Text(), nullable=True),
        sa.Column("speaker_mention_start", sa.Integer(), nullable=True),
        sa.Column("speaker_mention_end", sa.Integer(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("superseded", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint(
            "(cue_start IS NULL AND cue_end IS NULL)"
            " OR (cue_start IS NOT NULL AND cue_end IS NOT NULL"
            " AND cue_start >= 0 AND cue_start <= cue_end)",
            name=op.f("ck_quote_occurrences_cue_offsets"),
        ),
        sa.CheckConstraint(
            "(speaker_mention_start IS NULL AND speaker_mention_end IS NULL) OR (speaker_mention_start IS NOT NULL AND speaker_mention_end IS NOT NULL"
            " AND speaker_mention_start >= 0 AND speaker_mention_start <= speaker_mention_end)",
            name=op.f("ck_quote_occurrences_speaker_mention_offsets"),
        ),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1",
            name=op.f("ck_quote_occurrences_confidence_range"),
        ),
        sa.CheckConstraint(
            "content_start >= 0 AND content_start <= content_end",
            name=op.f("ck_quote_occurrences_content_offsets"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_quote_occurrences_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_quote_occurrences_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_quote_occurrences_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_occurrences")),
        sa.UniqueConstraint(
            "quote_id", "document_id", name=op.f("uq_quote_occurrences_quote_id_document_id")
        ),
    )
    op.create_index(op.f("ix_quote_occurrences_document_id"), "quote_occurrences", ["document_id"])
    op.create_index(op.f("ix_quote_occurrences_source_id"), "quote_occurrences", ["source_id"])

    op.create_table(
        "quote_about",
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_quote_about_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["quote_occurrences.id"],
            name=op.f("fk_quote_about_occurrence_id_quote_occurrences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("occurrence_id", "entity_id", name=op.f("pk_quote_about")),
    )
    op.create_index(op.f("ix_quote_about_entity_id"), "quote_about", ["entity_id"])

    op.create_table(
        "quote_recipients",
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_quote_recipients_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["quote_occurrences.id"],
            name=op.f("fk_quote_recipients_occurrence_id_quote_occurrences"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("occurrence_id", "entity_id", name=op.f("pk_quote_recipients")),
    )
    op.create_index(op.f("ix_quote_recipients_entity_id"), "quote_recipients", ["entity_id"])
    create_triggers()


def downgrade() -> None:
    drop_triggers()
    for table in (
        "quote_recipients",
        "quote_about",
        "quote_occurrences",
        "source_links",
        "quotes",
        "aliases",
        "sources",
        "entities",
        "documents",
    ):
        op.drop_table(table)
