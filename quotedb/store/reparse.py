"""Re-running the current parser over stored documents: `quotedb reparse`.

A better parser should improve what is already stored, without re-reading the
files. Each current document (not an old version) is parsed again from its
stored text and its attributions are rewritten in one transaction: its
occurrences (with their recipients and about links) and the reporting-chain links
it stated are replaced through ingest's own DocumentWriter, so entities and quotes
merge exactly as on ingest. The document row, its text and offsets stay.

People's decisions are not touched: a correction finds its quote again by the
same words in the same document (quotedb.queries.attached_corrections); one
whose quote the new parse no longer finds is kept and reported as stale. A quote
left without any occurrence is deleted unless a review holds it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quotedb.readers import RawDocument
from quotedb.readers.records import Origin
from quotedb.store.ingest import INGEST_LOCK_KEY, DocumentWriter
from quotedb.store.pipeline import PreparedDocument, prepare
from quotedb.store.tables import (
    DOCUMENTS,
    OCCURRENCES,
    QUOTES,
    REVIEWS,
    SOURCE_LINKS,
    SOURCES,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Reparsed:
    """What reparsing one document did: occurrences before and after, or why it failed."""

    document_id: int
    before: int
    after: int
    reason: str | None = None


def _rewrite(connection: Connection, prepared: PreparedDocument, document_id: int) -> Reparsed:
    """Replaces the stored attributions of `document_id` by those of `prepared`."""
    old = connection.execute(
        sa.select(OCCURRENCES.c.quote_id, OCCURRENCES.c.source_id).where(
            OCCURRENCES.c.document_id == document_id
        )
    ).all()
    connection.execute(SOURCE_LINKS.delete().where(SOURCE_LINKS.c.document_id == document_id))
    connection.execute(OCCURRENCES.delete().where(OCCURRENCES.c.document_id == document_id))
    written = DocumentWriter(connection, prepared, {}).write_attributions(document_id)
    _delete_orphans(connection, {row.quote_id for row in old}, {row.source_id for row in old})
    return Reparsed(document_id, len(old), written)


def _delete_orphans(connection: Connection, quote_ids: set[int], source_ids: set) -> None:
    """Quotes and sources the old parse alone used, unless something still holds them."""
    if quote_ids:
        connection.execute(
            QUOTES.delete().where(
                QUOTES.c.id.in_(sorted(quote_ids)),
                QUOTES.c.id.not_in(sa.select(OCCURRENCES.c.quote_id)),
                QUOTES.c.id.not_in(sa.select(REVIEWS.c.quote_id)),
            )
        )
    source_ids = sorted(source_id for source_id in source_ids if source_id is not None)
    if source_ids:
        used = sa.union(
            sa.select(OCCURRENCES.c.source_id.label("id")).where(
                OCCURRENCES.c.source_id.is_not(None)
            ),
            sa.select(SOURCE_LINKS.c.from_source_id),
            sa.select(SOURCE_LINKS.c.to_source_id).where(SOURCE_LINKS.c.to_source_id.is_not(None)),
        )
        connection.execute(
            SOURCES.delete().where(SOURCES.c.id.in_(source_ids), SOURCES.c.id.not_in(used))
        )


def _prepared(row: sa.Row) -> PreparedDocument | str:
    raw = RawDocument(
        text=row.text,
        origin=Origin(path=f"document {row.id}"),
        format="stored",
        title=row.title,
        url=row.url,
        publisher=row.publisher,
        author=row.author,
        published=row.published,
        extra=row.extra or {},
    )
    prepared = prepare(raw)
    return prepared if isinstance(prepared, PreparedDocument) else prepared.reason


def reparse(engine: Engine, document_ids: list[int] | None = None) -> Iterator[Reparsed]:
    """Parses the current version of every stored document (or of `document_ids`)
    again and rewrites its attributions, one transaction per document."""
    query = sa.select(DOCUMENTS.c.id).where(DOCUMENTS.c.superseded_by_id.is_(None))
    if document_ids is not None:
        query = query.where(DOCUMENTS.c.id.in_(document_ids))
    with engine.connect() as connection:
        ids = list(connection.execute(query.order_by(DOCUMENTS.c.id)).scalars())
    writer_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    for document_id in ids:
        with writer_engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Ingest's lock: entity and quote look-ups never race an ingest writer.
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": INGEST_LOCK_KEY}
                )
            row = connection.execute(
                sa.select(DOCUMENTS).where(DOCUMENTS.c.id == document_id)
            ).one()
            prepared = _prepared(row)
            if isinstance(prepared, str):
                outcome = Reparsed(document_id, 0, 0, reason=prepared)
            else:
                outcome = _rewrite(connection, prepared, document_id)
        yield outcome
