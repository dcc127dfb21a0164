"""Human decisions: corrections, merges, alias decisions, entity edits and reviews.

Tables of their own, apart from the machine"s output: ingest never writes them
and quotedb.queries applies them over the machine"s rows, so re-ingesting a
document never undoes a decision. Every decision hangs off one `actions` row
(who, when, why, and whether it was undone).

Only new tables are created: no existing table is batch-altered, so the
triggers of 0001 and 0002 are untouched on SQLite.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("command", sa.String(length=20), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["undone_by_id"],
            ["actions.id"],
            name=op.f("fk_actions_undone_by_id_actions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    op.create_index(op.f("ix_actions_command"), "actions", ["command"])

    op.create_table(
        "alias_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("change", sa.String(length=10), nullable=False),
        sa.CheckConstraint("change IN ('add', 'remove')", name=op.f("ck_alias_decisions_change")),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_alias_decisions_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_alias_decisions_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alias_decisions")),
    )
    op.create_index(op.f("ix_alias_decisions_action_id"), "alias_decisions", ["action_id"])
    op.create_index(op.f("ix_alias_decisions_entity_id"), "alias_decisions", ["entity_id"])
    op.create_index(op.f("ix_alias_decisions_key"), "alias_decisions", ["key"])

    op.create_table(
        "entity_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("qid", sa.String(length=20), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("previous_qid", sa.String(length=20), nullable=True),
        sa.Column("previous_description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_entity_edits_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_entity_edits_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_edits")),
    )
    op.create_index(op.f("ix_entity_edits_action_id"), "entity_edits", ["action_id"])
    op.create_index(op.f("ix_entity_edits_entity_id"), "entity_edits", ["entity_id"])

    op.create_table(
        "entity_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("from_entity_id", sa.Integer(), nullable=False),
        sa.Column("into_entity_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "from_entity_id <> into_entity_id", name=op.f("ck_entity_merges_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_entity_merges_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_merges_from_entity_id_entities"),
        ),
        sa.ForeignKeyConstraint(
            ["into_entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_merges_into_entity_id_entities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_merges")),
    )
    op.create_index(op.f("ix_entity_merges_action_id"), "entity_merges", ["action_id"])
    op.create_index(op.f("ix_entity_merges_from_entity_id"), "entity_merges", ["from_entity_id"])
    op.create_index(op.f("ix_entity_merges_into_entity_id"), "entity_merges", ["into_entity_id"])

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_reviews_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_reviews_quote_id_quotes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    op.create_index(op.f("ix_reviews_action_id"), "reviews", ["action_id"])
    op.create_index(op.f("ix_reviews_quote_id"), "reviews", ["quote_id"])

    op.create_table(
        "quote_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("quote_key", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("original", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "field IN ('speaker', 'recipients', 'source_kind', 'not_a_quote')",
            name=op.f("ck_quote_corrections_field"),
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_quote_corrections_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_quote_corrections_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["quote_occurrences.id"],
            name=op.f("fk_quote_corrections_occurrence_id_quote_occurrences"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_corrections")),
    )
    op.create_index(op.f("ix_quote_corrections_action_id"), "quote_corrections", ["action_id"])
    op.create_index(op.f("ix_quote_corrections_document_id"), "quote_corrections", ["document_id"])
    op.create_index(
        op.f("ix_quote_corrections_occurrence_id"), "quote_corrections", ["occurrence_id"]
    )


def downgrade() -> None:
    # Dropping a table drops its indexes; children before the actions they belong to.
    for table in (
        "quote_corrections",
        "reviews",
        "entity_merges",
        "entity_edits",
        "alias_decisions",
        "actions",
    ):
        op.drop_table(table)
