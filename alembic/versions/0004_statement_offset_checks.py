"""PostgreSQL checks occurrence offsets once a statement, not once a row.

0001's row trigger measured the document's text (char_length, after reading it
out of TOAST) for every occurrence: a fifth of the server's work in a bulk
ingest, where a COPY brings hundreds of occurrences of a few documents. These
statement triggers see the new rows as a transition table and measure each
document once a statement. Same checks, same messages and error code
(check_violation), so both engines still report an IntegrityError.

SQLite keeps 0001's row triggers: it has no statement triggers, and there the
parsers, not the writer, set the pace of an ingest.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OFFSETS_OUTSIDE = "quote offsets lie outside the document"
SPANS_OUTSIDE = "quote spans lie outside the quote content"

# `changed` is the transition table of whichever trigger fires the function.
CHECK_CHANGED_ROWS = f"""
    CREATE FUNCTION quote_occurrences_check_changed_offsets() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (
            SELECT 1
            FROM (
                SELECT document_id,
                       max(GREATEST(content_end, speaker_mention_end, cue_end)) AS reach
                FROM changed GROUP BY document_id
            ) AS reached
            JOIN documents ON documents.id = reached.document_id
            WHERE reached.reach > char_length(documents.text)) THEN
            RAISE EXCEPTION '{OFFSETS_OUTSIDE}' USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (
            SELECT 1 FROM changed, json_array_elements(changed.spans) AS span
            WHERE (span->>0)::int < changed.content_start
               OR (span->>1)::int > changed.content_end
               OR (span->>0)::int > (span->>1)::int) THEN
            RAISE EXCEPTION '{SPANS_OUTSIDE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END $$
"""

# The row trigger of 0001, for the downgrade.
CHECK_EACH_ROW = f"""
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
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER quote_occurrences_offsets ON quote_occurrences")
    op.execute("DROP FUNCTION quote_occurrences_check_offsets()")
    op.execute(CHECK_CHANGED_ROWS)
    # A trigger with a transition table has one event: one trigger each.
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"""
            CREATE TRIGGER quote_occurrences_offsets_{event.lower()}
            AFTER {event} ON quote_occurrences REFERENCING NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION quote_occurrences_check_changed_offsets()
            """
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for event in ("insert", "update"):
        op.execute(f"DROP TRIGGER quote_occurrences_offsets_{event} ON quote_occurrences")
    op.execute("DROP FUNCTION quote_occurrences_check_changed_offsets()")
    op.execute(CHECK_EACH_ROW)
    op.execute(
        """
        CREATE TRIGGER quote_occurrences_offsets BEFORE INSERT OR UPDATE ON quote_occurrences
        FOR EACH ROW EXECUTE FUNCTION quote_occurrences_check_offsets()
        """
    )
