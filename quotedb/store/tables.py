"""The models' tables under plain names, for the Core statements that bulk ingest,
streaming queries and curation run (no ORM objects on those paths)."""

from quotedb.store.models import (
    Action,
    Alias,
    AliasDecision,
    Document,
    Entity,
    EntityEdit,
    EntityMerge,
    Quote,
    QuoteAbout,
    QuoteCorrection,
    QuoteOccurrence,
    QuoteRecipient,
    Review,
    Source,
    SourceLink,
)

ENTITIES = Entity.__table__
ALIASES = Alias.__table__
DOCUMENTS = Document.__table__
SOURCES = Source.__table__
SOURCE_LINKS = SourceLink.__table__
QUOTES = Quote.__table__
OCCURRENCES = QuoteOccurrence.__table__
RECIPIENTS = QuoteRecipient.__table__
ABOUT = QuoteAbout.__table__
ACTIONS = Action.__table__
CORRECTIONS = QuoteCorrection.__table__
MERGES = EntityMerge.__table__
ALIAS_DECISIONS = AliasDecision.__table__
ENTITY_EDITS = EntityEdit.__table__
REVIEWS = Review.__table__
