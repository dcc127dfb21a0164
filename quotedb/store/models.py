"""The store's tables: what the machine found, each row pointing back to its evidence.

The first tables hold machine output only (plus aliases a person adds, marked by
`origin`). Human decisions — corrections, merges, verdicts — have their own
tables (the "human decisions" section at the end, migration 0003) and are
applied over these rows, so re-ingesting or re-parsing never overwrites them.

The schema is created by Alembic migrations (alembic/versions/), never by
`create_all`; tests check that the migrations and these models agree.

Recipients and "about" links hang off the *occurrence*, not the quote: the
same words reported by two articles are one quote, but each article has its
own evidence for whom they were addressed to and whom they concern. A quote's
recipients are the union over its current (not superseded) occurrences.
"""

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Deterministic constraint names: SQLite can only alter tables by copying them
# (Alembic batch mode), which needs every constraint to have a known name.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ENTITY_KINDS = ("person", "organisation", "group", "place", "unknown")
QUOTE_KINDS = ("direct", "partial", "indirect", "mixed")
ORIGINS = ("machine", "human")

# Full-text search over quotes.text (created by migration 0002, not by these
# models): queries must use the same expressions for the indexes to be used.
#   SQLite:     quotes_fts MATCH :q  (FTS5, porter stemmer, accents folded)
#   PostgreSQL: to_tsvector('english', quotes.text) @@ websearch_to_tsquery('english', :q)
QUOTE_SEARCH_CONFIG = "english"
QUOTE_FTS_TABLE = "quotes_fts"
QUOTE_SEARCH_INDEX = "ix_quotes_text_search"


def is_migration_only(name: str | None) -> bool:
    """True for what the full-text migration creates by hand and no model describes
    (the FTS5 table and its shadow tables, the PostgreSQL GIN index): Alembic's
    autogenerate must leave these alone."""
    return bool(name) and (name.startswith(QUOTE_FTS_TABLE) or name == QUOTE_SEARCH_INDEX)


def utcnow() -> datetime:
    """Timestamps are stored in UTC."""
    return datetime.now(UTC)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Entity(SQLModel, table=True):
    """A person, organisation, group or place that speaks, hears or is talked about."""

    __tablename__ = "entities"
    __table_args__ = (sa.CheckConstraint(_one_of("kind", ENTITY_KINDS), name="kind"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=sa.Text, description="canonical name: 'Kim Jong-un'")
    key: str = Field(sa_type=sa.Text, index=True, description="keys.name_key(name)")
    kind: str = Field(default="unknown", sa_type=sa.String(20))
    qid: str | None = Field(default=None, sa_type=sa.String(20), unique=True)
    description: str | None = Field(default=None, sa_type=sa.Text)
    # Why the resolver kept this entity apart from a namesake, external ids, ...
    extra: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class Alias(SQLModel, table=True):
    """Another way a text names an entity: "Kim", "the dictator"."""

    __tablename__ = "aliases"
    __table_args__ = (
        sa.UniqueConstraint("entity_id", "key"),
        sa.CheckConstraint(_one_of("origin", ORIGINS), name="origin"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # No index of its own: uq_aliases_entity_id_key leads with entity_id.
    entity_id: int = Field(foreign_key="entities.id", ondelete="CASCADE")
    text: str = Field(sa_type=sa.Text)
    key: str = Field(sa_type=sa.Text, index=True, description="keys.name_key(text)")
    origin: str = Field(
        default="machine", sa_type=sa.String(10), sa_column_kwargs={"server_default": "machine"}
    )
    # The document whose text first used this alias for this entity (evidence).
    document_id: int | None = Field(
        default=None, foreign_key="documents.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class Document(SQLModel, table=True):
    """An ingested text; quote offsets index into `text`, which never changes.

    A changed text under the same URL is a new row with `version` + 1; the old
    row points at it through `superseded_by_id` and keeps its attributions.
    """

    __tablename__ = "documents"
    __table_args__ = (sa.CheckConstraint("version >= 1", name="version_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str | None = Field(default=None, sa_type=sa.Text)
    url: str | None = Field(default=None, sa_type=sa.Text, index=True)
    publisher: str | None = Field(default=None, sa_type=sa.Text)
    author: str | None = Field(default=None, sa_type=sa.Text)
    published: date | None = Field(default=None, index=True)
    text: str = Field(sa_type=sa.Text)
    content_hash: str = Field(sa_type=sa.String(64), unique=True, description="keys.content_hash")
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    superseded_by_id: int | None = Field(
        default=None, foreign_key="documents.id", ondelete="SET NULL", index=True
    )
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    extra: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)


class Source(SQLModel, table=True):
    """The medium a quote was first uttered in: a letter, the book "Rage", a tweet.

    `kind` is not a CHECK constraint on purpose: the parser's lexicon of media
    grows (records.SOURCE_KINDS), and a new kind should not need a migration.
    """

    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="unknown", sa_type=sa.String(40), index=True)
    title: str | None = Field(default=None, sa_type=sa.Text)
    author: str | None = Field(default=None, sa_type=sa.Text)
    published: date | None = None
    # Set only when the source is identifiable enough to be shared across
    # documents (a titled book); an untitled "statement" stays per document.
    key: str | None = Field(default=None, sa_type=sa.Text, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class SourceLink(SQLModel, table=True):
    """One step of a reporting chain: the letter was printed in the book; the book was
    reported by this document. Exactly one of `to_source_id`, `to_document_id` is set."""

    __tablename__ = "source_links"
    __table_args__ = (
        sa.CheckConstraint("(to_source_id IS NULL) <> (to_document_id IS NULL)", name="one_target"),
        sa.CheckConstraint("from_source_id <> to_source_id", name="not_self"),
    )

    id: int | None = Field(default=None, primary_key=True)
    from_source_id: int = Field(foreign_key="sources.id", ondelete="CASCADE", index=True)
    to_source_id: int | None = Field(
        default=None, foreign_key="sources.id", ondelete="CASCADE", index=True
    )
    to_document_id: int | None = Field(
        default=None, foreign_key="documents.id", ondelete="CASCADE", index=True
    )
    # The document whose text states this link (evidence), when there is one.
    document_id: int | None = Field(
        default=None, foreign_key="documents.id", ondelete="CASCADE", index=True
    )


class Quote(SQLModel, table=True):
    """What was said, once, however many documents report it (Quotebank-style).

    Deduplicated on (`key`, `speaker_id`); `first_published` and
    `first_document_id` record the first appearance the store has seen.
    """

    __tablename__ = "quotes"
    __table_args__ = (
        sa.UniqueConstraint("key", "speaker_id"),
        sa.CheckConstraint(_one_of("kind", QUOTE_KINDS), name="kind"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_type=sa.Text)
    key: str = Field(sa_type=sa.Text, description="keys.quote_key(text)")
    kind: str = Field(sa_type=sa.String(10), index=True)
    speaker_id: int | None = Field(default=None, foreign_key="entities.id", index=True)
    # Set for second-hand quotes: Trump claims Kim called Obama a name.
    claimed_by_id: int | None = Field(default=None, foreign_key="entities.id", index=True)
    confidence: float = 0.5
    first_published: date | None = Field(default=None, index=True)
    first_document_id: int | None = Field(
        default=None, foreign_key="documents.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class QuoteOccurrence(SQLModel, table=True):
    """A quote as one document reports it, with the offsets a person needs to check it.

    Offsets are Python string indices into documents.text; a database trigger
    refuses any that lie outside the document. `spans` lists the content's
    pieces as [[start, end], ...] when a quote is split by its attribution.
    """

    __tablename__ = "quote_occurrences"
    __table_args__ = (
        sa.UniqueConstraint("quote_id", "document_id"),
        sa.CheckConstraint(
            "content_start >= 0 AND content_start <= content_end", name="content_offsets"
        ),
        sa.CheckConstraint(
            "(speaker_mention_start IS NULL AND speaker_mention_end IS NULL)"
            " OR (speaker_mention_start IS NOT NULL AND speaker_mention_end IS NOT NULL"
            " AND speaker_mention_start >= 0 AND speaker_mention_start <= speaker_mention_end)",
            name="speaker_mention_offsets",
        ),
        sa.CheckConstraint(
            "(cue_start IS NULL AND cue_end IS NULL)"
            " OR (cue_start IS NOT NULL AND cue_end IS NOT NULL"
            " AND cue_start >= 0 AND cue_start <= cue_end)",
            name="cue_offsets",
        ),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # No index of its own: uq_quote_occurrences_quote_id_document_id leads with it.
    quote_id: int = Field(foreign_key="quotes.id", ondelete="CASCADE")
    document_id: int = Field(foreign_key="documents.id", ondelete="CASCADE", index=True)
    content_start: int
    content_end: int
    spans: list[list[int]] = Field(default_factory=list, sa_type=sa.JSON)
    speaker_mention: str | None = Field(default=None, sa_type=sa.Text)
    speaker_mention_start: int | None = None
    speaker_mention_end: int | None = None
    cue: str | None = Field(default=None, sa_type=sa.Text)
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str = Field(default="", sa_type=sa.Text, description="the parser rule that linked them")
    confidence: float = 0.5
    source_id: int | None = Field(
        default=None, foreign_key="sources.id", ondelete="SET NULL", index=True
    )
    # True once a newer version of the document replaced this one.
    superseded: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class QuoteRecipient(SQLModel, table=True):
    """Whom an occurrence says the quote was addressed to (Kim wrote *to Trump*)."""

    __tablename__ = "quote_recipients"

    occurrence_id: int = Field(
        foreign_key="quote_occurrences.id", ondelete="CASCADE", primary_key=True
    )
    entity_id: int = Field(foreign_key="entities.id", primary_key=True, index=True)


class QuoteAbout(SQLModel, table=True):
    """Whom an occurrence says the quote is about (the dictator branded *Obama* ...)."""

    __tablename__ = "quote_about"

    occurrence_id: int = Field(
        foreign_key="quote_occurrences.id", ondelete="CASCADE", primary_key=True
    )
    entity_id: int = Field(foreign_key="entities.id", primary_key=True, index=True)


# --- human decisions ----------------------------------------------------------------
#
# What people decided about the machine's output, kept apart from it: ingest never
# writes these tables, and quotedb.queries applies them over the rows above (a
# corrected speaker, merged entities, aliases added or removed), so re-ingesting a
# document never undoes a decision. Every decision belongs to one `actions` row
# (who, when, why); undoing an action marks it undone, which takes its decisions
# out of force. quotedb.curation is the only code that writes here.

CORRECTION_FIELDS = ("speaker", "recipients", "source_kind", "not_a_quote")
ALIAS_CHANGES = ("add", "remove")


class Action(SQLModel, table=True):
    """One curation command as a person ran it: the unit of history and of undo."""

    __tablename__ = "actions"

    id: int | None = Field(default=None, primary_key=True)
    user: str = Field(sa_type=sa.Text, description="$QUOTEDB_USER, else the system user")
    at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    command: str = Field(sa_type=sa.String(20), index=True, description="correct, merge, ...")
    # What was asked, as given (names as typed, ids they resolved to): the audit trail.
    arguments: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    note: str | None = Field(default=None, sa_type=sa.Text)
    undone_by_id: int | None = Field(default=None, foreign_key="actions.id", ondelete="SET NULL")
    undone_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


class QuoteCorrection(SQLModel, table=True):
    """A person's value for one field of one quote occurrence, over the parser's.

    `document_id` and `quote_key` (the quote's normalised words) find the
    occurrence again when a new version of the document replaced it or a re-parse
    rewrote it; `occurrence_id` is the occurrence the person saw.
    `value` / `original`: speaker {"id", "name"} or null, recipients [{"id", "name"}],
    source_kind "tweet", not_a_quote true.
    """

    __tablename__ = "quote_corrections"
    __table_args__ = (sa.CheckConstraint(_one_of("field", CORRECTION_FIELDS), name="field"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="actions.id", ondelete="CASCADE", index=True)
    occurrence_id: int | None = Field(
        default=None, foreign_key="quote_occurrences.id", ondelete="SET NULL", index=True
    )
    document_id: int | None = Field(
        default=None, foreign_key="documents.id", ondelete="SET NULL", index=True
    )
    quote_key: str = Field(sa_type=sa.Text)
    field: str = Field(sa_type=sa.String(20))
    value: Any = Field(default=None, sa_type=sa.JSON)
    original: Any = Field(default=None, sa_type=sa.JSON)


class EntityMerge(SQLModel, table=True):
    """Two entities are one: quotes and links of `from` count as `into`'s."""

    __tablename__ = "entity_merges"
    __table_args__ = (sa.CheckConstraint("from_entity_id <> into_entity_id", name="not_self"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="actions.id", ondelete="CASCADE", index=True)
    from_entity_id: int = Field(foreign_key="entities.id", index=True)
    into_entity_id: int = Field(foreign_key="entities.id", index=True)


class AliasDecision(SQLModel, table=True):
    """A person says ALIAS is (add) or is not (remove) a name of the entity."""

    __tablename__ = "alias_decisions"
    __table_args__ = (sa.CheckConstraint(_one_of("change", ALIAS_CHANGES), name="change"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="actions.id", ondelete="CASCADE", index=True)
    entity_id: int = Field(foreign_key="entities.id", index=True)
    text: str = Field(sa_type=sa.Text)
    key: str = Field(sa_type=sa.Text, index=True, description="keys.name_key(text)")
    change: str = Field(sa_type=sa.String(10))


class EntityEdit(SQLModel, table=True):
    """A person's Wikidata QID and / or description for an entity, with what it replaced
    (written through to `entities`, which ingest never rewrites, so undo can restore it)."""

    __tablename__ = "entity_edits"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="actions.id", ondelete="CASCADE", index=True)
    entity_id: int = Field(foreign_key="entities.id", index=True)
    qid: str | None = Field(default=None, sa_type=sa.String(20))
    description: str | None = Field(default=None, sa_type=sa.Text)
    previous_qid: str | None = Field(default=None, sa_type=sa.String(20))
    previous_description: str | None = Field(default=None, sa_type=sa.Text)


class Review(SQLModel, table=True):
    """A fact-check verdict on a quote: the rating, where the review is published, by whom."""

    __tablename__ = "reviews"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="actions.id", ondelete="CASCADE", index=True)
    quote_id: int = Field(foreign_key="quotes.id", ondelete="CASCADE", index=True)
    rating: str = Field(sa_type=sa.Text, description="as the reviewer words it: 'false'")
    url: str = Field(sa_type=sa.Text)
    reviewer: str = Field(sa_type=sa.Text)
