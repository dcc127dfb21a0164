"""The ingest writer: each parsed document's attributions into the store, as rows.

The run itself (parsing processes, then this writer) starts in quotedb.store.pipeline
(`ingest`).

Guarantees, and how they are kept:
- Each document is all or nothing: writes go in batches (one transaction, for
  speed), so a crash loses only the uncommitted batch, never half a document.
  A document the database refuses rolls the batch back, and the batch is
  written again with each document inside its own SAVEPOINT: the bad document
  rolls back alone.
- Re-ingesting is a no-op: a text whose content hash is stored is "unchanged".
  A changed text under the same URL is stored as the next version; the old
  version's occurrences are kept and marked superseded.
- Concurrent writers: SQLite writers take the write lock at BEGIN (and wait on
  the busy timeout); PostgreSQL writers take one transaction-level advisory
  lock, so entity and quote look-ups never race. Parsing stays parallel.

Entity merging across documents (a wrong speaker is worse than a missing one):
1. A name the gazetteer knows (its name or one of its aliases) is the entity
   with that Wikidata QID.
2. Otherwise a name of two or more words merges with the stored entity of the
   same normalised name (keys.name_key) and a compatible kind ("unknown" fits
   any kind).
3. A one-word name ("Kim", "Critics") that the gazetteer does not know is
   ambiguous across documents: it gets an entity of its own per document, with
   the reason recorded in entities.extra["kept_apart"]. Only one-word
   organisations and places ("NATO", "Pyongyang") merge, by name and kind.
Only entities that take part in an attribution (speaker, recipient, about,
claimed_by) are stored, with the aliases the document gives them.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime
import functools
import itertools
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quotedb.parse.lexicon import GAZETTEER
from quotedb.readers import ReadError, Skipped
from quotedb.store.bulk import (
    Deferred,
    IgnoringDuplicates,
    Inserts,
    Later,
    PendingId,
    fetch_unprepared,
    resolved,
)
from quotedb.store.db import StoreError, savepoint_journals_in_memory
from quotedb.store.keys import name_key, stored_quote_key
from quotedb.store.models import (
    ENTITY_KINDS,
    utcnow,
)
from quotedb.store.pipeline import (
    BATCH_DOCUMENTS,
    EntityRecord,
    Outcome,
    Prepared,
    PreparedDocument,
    QuoteRecord,
    SourceRecord,
    quote_names,
)
from quotedb.store.tables import (
    ABOUT,
    ALIASES,
    DOCUMENTS,
    ENTITIES,
    OCCURRENCES,
    QUOTES,
    RECIPIENTS,
    SOURCE_LINKS,
    SOURCES,
)

# Seconds a write transaction stays open at most (with pipeline.BATCH_DOCUMENTS).
BATCH_SECONDS = 0.5
# Attempts at a batch when SQLite still reports the database locked after its busy timeout.
LOCKED_RETRIES = 5
# pg_advisory_xact_lock key serialising ingest writers on PostgreSQL ("ingest").
INGEST_LOCK_KEY = 0x696E67657374
# Kinds whose one-word names are safe to merge across documents.
MERGEABLE_ONE_WORD_KINDS = ("organisation", "place")

_GAZETTEER_BY_KEY = {
    name_key(form): known
    for known in GAZETTEER
    if known.qid
    for form in (known.name, *known.aliases)
}


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Holds Ctrl-C back while a batch commits and is counted, so the count of
    committed inputs is exact; the interrupt is raised as soon as the block ends.

    The SIGINT handler itself is swapped, not the thread's signal mask: the kernel may
    hand the signal to any thread (the parsing pool has several), and Python then runs
    the handler in the main thread whatever that thread's mask."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)  # now, to the handler that was in place


class _Refused(Exception):
    """The database refused a document written without a SAVEPOINT."""


# Tables in the order a group's rows go in: rows before the rows that point at them.
_PARENTS_FIRST = (
    DOCUMENTS,
    ENTITIES,
    SOURCES,
    SOURCE_LINKS,
    QUOTES,
    OCCURRENCES,
    RECIPIENTS,
    ABOUT,
    ALIASES,
)


def _flush(connection: Connection, deferred: Deferred) -> None:
    """Runs a group's statements; a refused row raises _Refused (the batch is then
    written again, a SAVEPOINT per document)."""
    try:
        deferred.flush(connection)
    except sa.exc.DBAPIError as error:
        if error.connection_invalidated:
            raise
        raise _Refused from error


class Writer:
    """Writes prepared documents, a batch per transaction.

    A batch is first written without SAVEPOINTs: a SAVEPOINT and its release cost
    two statements a document (two round trips on PostgreSQL) and SQLite a
    statement journal. If the database refuses a document, the batch is rolled
    back and written again with a SAVEPOINT per document, so that the refused
    document fails alone.

    Keeps the ids of entities it has seen committed: entities are never deleted
    by ingest, so a remembered id stays right even with other writers at work.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgresql = engine.dialect.name == "postgresql"
        self._locked = engine.execution_options(sqlite_begin="IMMEDIATE")
        self.entity_ids: dict[tuple, int] = {}
        self.inserts = Inserts(engine.dialect)
        self.committed = 0  # inputs whose batch has committed

    def write(
        self, batch: list[PreparedDocument | ReadError | Skipped], more: Prepared | None = None
    ) -> list[Outcome]:
        """Writes `batch` in one transaction, then, while the transaction is young and
        not full, the items `more` has ready (appended to `batch`); returns an outcome
        per item, in order. Writing each item as it comes, not once the batch is
        whole, keeps this process busy while the parsers work, and leaves only a
        commit to do after the last parse."""
        careful, attempt = False, 0
        while True:
            try:
                return self._write_once(batch, more, careful=careful)
            except _Refused:
                careful = True  # written again, a SAVEPOINT per document
            except sa.exc.OperationalError as error:
                attempt += 1
                if "locked" not in str(error.orig) or attempt == LOCKED_RETRIES:
                    raise StoreError(f"cannot write to the database: {_reason(error)}") from None
                time.sleep(0.1 * 2 ** (attempt - 1))

    def _write_once(
        self,
        batch: list[PreparedDocument | ReadError | Skipped],
        more: Prepared | None,
        *,
        careful: bool,
    ) -> list[Outcome]:
        outcomes = []
        batch_entities: dict[tuple, int] = {}
        with self._locked.connect() as connection, savepoint_journals_in_memory(connection):
            transaction = connection.begin()
            deadline = time.monotonic() + BATCH_SECONDS
            try:
                if self.is_postgresql:
                    connection.execute(_LOCK, {"key": INGEST_LOCK_KEY})
                known = collections.ChainMap(batch_entities, self.entity_ids)
                written = 0
                while True:
                    # The items at hand are written as a group: their look-ups are made
                    # together, a query per kind for the group. On PostgreSQL (unless
                    # careful) their rows are inserted together too, a statement per
                    # table: per document that was a dozen round trips. SQLite runs
                    # statements in process; row by row it is faster there.
                    deferred = None
                    if self.is_postgresql and not careful:
                        deferred = Deferred(self.inserts, _PARENTS_FIRST)
                    group = [
                        item
                        if isinstance(item, (ReadError, Skipped))
                        else DocumentWriter(connection, item, known, deferred or self.inserts)
                        for item in batch[written:]
                    ]
                    lookups = Lookups(
                        connection, [w for w in group if isinstance(w, DocumentWriter)]
                    )
                    group_outcomes = []
                    for item in group:
                        if isinstance(item, ReadError):
                            outcome = Outcome(item.origin, "failed", reason=item.reason)
                        elif isinstance(item, Skipped):
                            outcome = Outcome(item.origin, "skipped", reason=item.reason)
                        else:
                            outcome = self._write_document(connection, item, lookups, careful)
                            batch_entities |= item.found_entities
                        group_outcomes.append(outcome)
                    if deferred is not None:
                        _flush(connection, deferred)
                        for identity, entity_id in batch_entities.items():
                            batch_entities[identity] = resolved(entity_id)
                        group_outcomes = [
                            dataclasses.replace(o, document_id=resolved(o.document_id))
                            for o in group_outcomes
                        ]
                    outcomes += group_outcomes
                    written = len(batch)
                    left = deadline - time.monotonic()
                    if more is None or written >= BATCH_DOCUMENTS or left <= 0:
                        break
                    item = more.next(timeout=left)
                    if item is None:
                        break
                    batch.append(item)
                    batch += more.ready(BATCH_DOCUMENTS - len(batch))
            except BaseException:
                transaction.rollback()
                raise
            with _interrupts_deferred():
                transaction.commit()
                self.committed += len(batch)
        self.entity_ids |= batch_entities
        return outcomes

    def _write_document(
        self, connection: Connection, writer: DocumentWriter, lookups: Lookups, careful: bool
    ) -> Outcome:
        """Writes one document, `careful`ly in its own SAVEPOINT; its `found_entities`
        are the entity ids it looked up or created (none if it was rolled back: ids
        created inside are gone). Not careful, a refused document raises _Refused."""
        if not careful:
            try:
                return writer.write(lookups)
            except sa.exc.DBAPIError as error:
                if error.connection_invalidated:
                    raise
                raise _Refused from error
        origin = writer.raw.origin
        savepoint = connection.begin_nested()
        try:
            outcome = writer.write(lookups)
        except sa.exc.DBAPIError as error:
            # What the database refuses in one document (a constraint, a value too large)
            # costs that document; a lost connection stops the run.
            if error.connection_invalidated:
                raise
            savepoint.rollback()
            writer.found_entities.clear()
            lookups.forget()  # they may hold rows the rollback removed
            return Outcome(origin, "failed", reason=f"the store refused it ({_reason(error)})")
        savepoint.commit()
        return outcome


@dataclasses.dataclass(frozen=True, slots=True)
class EntityPlan:
    """How one name of a document becomes an entity row. `identity` is what makes two
    names the same entity: ("qid", qid), ("name", key, kind) or, for a name kept to its
    document, ("document", key, kind)."""

    identity: tuple
    key: str
    name: str
    kind: str
    description: str | None
    qid: str | None = None
    # The document a one-word name is kept to (its id, or the id it will get).
    kept_to: int | PendingId | None = None

    def row(self) -> dict:
        return {
            "name": self.name,
            "key": self.key,
            "kind": self.kind,
            "qid": self.qid,
            "description": self.description,
            "extra": self._extra(),
            "created_at": utcnow(),
        }

    def _extra(self) -> dict | Later:
        if self.kept_to is None:
            return {}
        if isinstance(self.kept_to, PendingId):
            return Later(self._kept_apart)  # the text names the document's id
        return self._kept_apart()

    def _kept_apart(self) -> dict:
        reason = (
            f"one-word name {self.name!r} is ambiguous across documents: "
            f"kept to document {resolved(self.kept_to)}"
        )
        return {"kept_apart": reason}


def _reason(error: sa.exc.DBAPIError) -> str:
    text = str(error.orig) if error.orig else str(error)
    return text.strip().splitlines()[0]


# Statements built once: building SQLAlchemy expressions per row costs more than SQLite.
_LOCK = sa.text("SELECT pg_advisory_xact_lock(:key)")
_SUPERSEDE_DOCUMENT = (
    DOCUMENTS.update()
    .where(DOCUMENTS.c.id == sa.bindparam("old_id"))
    .values(superseded_by_id=sa.bindparam("new_id"))
)
_SUPERSEDE_OCCURRENCES = (
    OCCURRENCES.update()
    .where(OCCURRENCES.c.document_id == sa.bindparam("old_id"))
    .values(superseded=True)
)
_ENTITIES_BY_QID = sa.select(ENTITIES.c.id, ENTITIES.c.qid).where(
    ENTITIES.c.qid.in_(sa.bindparam("qids", expanding=True))
)
_SET_ENTITY_KIND = (
    ENTITIES.update()
    .where(ENTITIES.c.id == sa.bindparam("entity_id"))
    .values(kind=sa.bindparam("kind"))
)


@functools.cache
def _group_lookups(dialect_name: str) -> tuple[sa.Select, ...]:
    """Documents by content hash, entities by name key, quotes by key, current versions
    by URL, sources by key: the look-ups of Lookups, each for a list of values
    `values`. On PostgreSQL the list is one array parameter (= ANY): a thousand-value
    IN list costs more to send and plan."""

    def one_of(column: sa.Column) -> sa.ColumnElement[bool]:
        if dialect_name == "postgresql":
            from sqlalchemy.dialects.postgresql import ARRAY

            return column == sa.any_(sa.bindparam("values", type_=ARRAY(column.type)))
        return column.in_(sa.bindparam("values", expanding=True))

    documents = sa.select(DOCUMENTS.c.content_hash, DOCUMENTS.c.id).where(
        one_of(DOCUMENTS.c.content_hash)
    )
    # `qid` is returned, not filtered on: with "qid IS NULL" in the WHERE clause SQLite (no
    # statistics) walks the qid index over nearly every entity instead of the key index.
    entities = (
        sa.select(ENTITIES.c.id, ENTITIES.c.key, ENTITIES.c.kind, ENTITIES.c.qid)
        .where(one_of(ENTITIES.c.key))
        .order_by(ENTITIES.c.id)
    )
    # Only quotes a new one may merge with (DocumentWriter._may_be_merged): none without a
    # speaker, none whose speaker is kept to another document. Common words ("to
    # comment") have hundreds of those, and reading them all slowed a large ingest. The
    # speaker is checked in a subquery, not a join: joined, PostgreSQL planned the
    # prepared statement once on near-empty tables and then scanned all quotes.
    kept_apart = (
        sa.select(ENTITIES.c.extra["kept_apart"].as_string())
        .where(ENTITIES.c.id == QUOTES.c.speaker_id)
        .scalar_subquery()
    )
    quotes = sa.select(
        QUOTES.c.id,
        QUOTES.c.key,
        QUOTES.c.speaker_id,
        QUOTES.c.first_published,
        QUOTES.c.confidence,
        QUOTES.c.claimed_by_id,
    ).where(one_of(QUOTES.c.key), QUOTES.c.speaker_id.is_not(None), kept_apart.is_(None))
    # `superseded_by_id` is returned, not filtered on: with "IS NULL" in the WHERE clause
    # SQLite walks that index over every current document instead of the url index,
    # and a large store then ingested at half speed.
    versions = (
        sa.select(
            DOCUMENTS.c.url, DOCUMENTS.c.id, DOCUMENTS.c.version, DOCUMENTS.c.superseded_by_id
        )
        .where(one_of(DOCUMENTS.c.url))
        .order_by(DOCUMENTS.c.version)
    )
    sources = sa.select(SOURCES.c.key, SOURCES.c.id).where(one_of(SOURCES.c.key))
    sources = sources.order_by(SOURCES.c.id)
    return documents, entities, quotes, versions, sources


@functools.cache
def _update_quote(columns: tuple[str, ...]) -> sa.Update:
    """UPDATE quotes SET the `columns` (parameters new_<column>) WHERE id = :quote_id."""
    values = {name: sa.bindparam(f"new_{name}") for name in columns}
    return QUOTES.update().where(QUOTES.c.id == sa.bindparam("quote_id")).values(values)


@dataclasses.dataclass(frozen=True, slots=True)
class StoredEntity:
    """What entity merging reads of a stored entity."""

    id: int
    key: str
    kind: str
    qid: str | None


@dataclasses.dataclass(frozen=True, slots=True)
class StoredQuote:
    """What quote merging reads of a stored quote."""

    id: int
    key: str
    speaker_id: int | None
    first_published: datetime.date | None
    confidence: float
    claimed_by_id: int | None


class Lookups:
    """The look-ups writing a document needs: documents by content hash, entities by
    name key, quotes by key, the current version of a URL, sources by key. Given a
    group of documents, each kind is asked once for the whole group, and the answers
    are kept up to date with what the group writes (one look-up of each kind a
    document was most of PostgreSQL's round trips; a group whose rows are inserted
    together cannot read them back either). For a key outside the group, or after
    `forget`, each look-up queries the database."""

    def __init__(self, connection: Connection, writers: Iterable[DocumentWriter] = ()) -> None:
        self.connection = connection
        self._sql = _group_lookups(connection.dialect.name)
        self._hashes: dict[str, int | None] | None = None
        self._entities: dict[str, list[StoredEntity]] | None = None
        self._quotes: dict[str, dict[int | None, StoredQuote]] | None = None
        self._versions: dict[str, tuple[int, int] | None] | None = None
        self._sources: dict[str, int | None] | None = None
        writers = list(writers)
        if writers:
            hashes = {writer.document.content_hash for writer in writers}
            self._hashes = dict.fromkeys(hashes) | dict(self._query_hashes(hashes))
            keys = set().union(*(writer.entity_keys() for writer in writers))
            self._entities = {key: [] for key in keys}
            for entity in self._query_entities(keys):
                self._entities[entity.key].append(entity)
            keys = set().union(*(writer.mergeable_quote_keys() for writer in writers))
            self._quotes = {key: {} for key in keys}
            for quote in self._query_quotes(keys):
                self._quotes[quote.key][quote.speaker_id] = quote
            urls = {writer.raw.url for writer in writers if writer.raw.url}
            self._versions = dict.fromkeys(urls) | self._query_versions(urls)
            keys = set().union(*(writer.source_keys() for writer in writers))
            self._sources = dict.fromkeys(keys) | self._query_sources(keys)

    def forget(self) -> None:
        """Drops what was looked up: a rolled-back document may have added to it."""
        self._hashes = self._entities = self._quotes = self._versions = self._sources = None

    def document_by_hash(self, content_hash: str) -> int | None:
        if self._hashes is None or content_hash not in self._hashes:
            return dict(self._query_hashes([content_hash])).get(content_hash)
        return self._hashes[content_hash]

    def entities_by_keys(self, keys: Iterable[str]) -> list[StoredEntity]:
        """The stored entities of these name keys, in id order for each key."""
        keys = set(keys)
        if self._entities is None or not keys <= self._entities.keys():
            return self._query_entities(keys)
        return [entity for key in sorted(keys) for entity in self._entities[key]]

    def quotes_by_keys(self, keys: Iterable[str]) -> list[StoredQuote]:
        keys = set(keys)
        if self._quotes is None or not keys <= self._quotes.keys():
            return self._query_quotes(keys)
        return [quote for key in sorted(keys) for quote in self._quotes[key].values()]

    def current_version(self, url: str) -> tuple[int, int] | None:
        """(id, version) of the URL's current version, if one is stored."""
        if self._versions is None or url not in self._versions:
            return self._query_versions({url}).get(url)
        return self._versions[url]

    def sources_by_keys(self, keys: Iterable[str]) -> dict[str, int]:
        """The first stored source (lowest id) of each of these keys that has one."""
        keys = set(keys)
        if self._sources is None or not keys <= self._sources.keys():
            return self._query_sources(keys)
        return {key: self._sources[key] for key in keys if self._sources[key] is not None}

    def added_document(
        self, content_hash: str, document_id: int, url: str | None, version: int
    ) -> None:
        if self._hashes is not None and content_hash in self._hashes:
            self._hashes[content_hash] = document_id
        if self._versions is not None and url in self._versions:
            self._versions[url] = (document_id, version)

    def added_source(self, key: str, source_id: int) -> None:
        if self._sources is not None and self._sources.get(key, 0) is None:
            self._sources[key] = source_id

    def added_entity(self, entity: StoredEntity) -> None:
        if self._entities is not None and entity.key in self._entities:
            self._entities[entity.key].append(entity)

    def changed_entity(self, entity: StoredEntity) -> None:
        if self._entities is not None and entity.key in self._entities:
            stored = self._entities[entity.key]
            stored[:] = [entity if row.id == entity.id else row for row in stored]

    def added_quote(self, quote: StoredQuote) -> None:
        """A new quote, or new values of a stored one."""
        if self._quotes is not None and quote.key in self._quotes:
            self._quotes[quote.key][quote.speaker_id] = quote

    def _query_hashes(self, hashes: Iterable[str]) -> list[tuple[str, int]]:
        return [
            (row.content_hash, row.id)
            for row in self.connection.execute(self._sql[0], {"values": sorted(hashes)})
        ]

    def _query_entities(self, keys: set[str]) -> list[StoredEntity]:
        if not keys:
            return []
        parameters = {"values": sorted(keys)}
        if self.connection.dialect.name == "postgresql":
            # Planned each time: a generic plan was most of this look-up's cost on a new store.
            rows = fetch_unprepared(self.connection, self._sql[1], parameters)
        else:
            rows = self.connection.execute(self._sql[1], parameters)
        return [StoredEntity(*row) for row in rows]

    def _query_quotes(self, keys: set[str]) -> list[StoredQuote]:
        if not keys:
            return []
        rows = self.connection.execute(self._sql[2], {"values": sorted(keys)})
        return [StoredQuote(*row) for row in rows]

    def _query_versions(self, urls: set[str]) -> dict[str, tuple[int, int]]:
        if not urls:
            return {}
        rows = self.connection.execute(self._sql[3], {"values": sorted(urls)})
        return {
            url: (document_id, version)
            for url, document_id, version, superseded_by in rows
            if superseded_by is None
        }

    def _query_sources(self, keys: set[str]) -> dict[str, int]:
        if not keys:
            return {}
        stored: dict[str, int] = {}
        for key, source_id in self.connection.execute(self._sql[4], {"values": sorted(keys)}):
            stored.setdefault(key, source_id)
        return stored


class DocumentWriter:
    """The rows of one document, written on a connection inside its SAVEPOINT."""

    def __init__(
        self,
        connection: Connection,
        document: PreparedDocument,
        known: Mapping[tuple, int],
        inserts: Inserts | None = None,
    ) -> None:
        self.inserts = inserts or Inserts(connection.dialect)
        self.connection = connection
        self.document = document
        self.raw = document.raw
        self.document_id: int | None = None
        self.known = known
        self.found_entities: dict[tuple, int] = {}
        self._entity_ids: dict[str, int] = {}
        self._aliases: list[dict] = []
        self._source_ids: dict[SourceRecord, int] = {}
        self.quote_keys = document.quote_keys
        if self.quote_keys is None:
            self.quote_keys = tuple(stored_quote_key(quote.text) for quote in document.quotes)
        self.lookups = Lookups(connection)

    def source_keys(self) -> set[str]:
        """The source keys _resolve_sources may look up."""
        chains = self._source_chains()
        return {key for chain in chains.values() for s in chain if (key := _source_key(s))}

    def mergeable_quote_keys(self) -> set[str]:
        """The keys of the quotes that a stored quote may be (see _may_be_merged)."""
        return {
            key
            for quote, key in zip(self.document.quotes, self.quote_keys, strict=True)
            if self._may_be_merged(quote)
        }

    def _may_be_merged(self, quote: QuoteRecord) -> bool:
        """Whether a stored quote may be this one: not if it has no speaker (two
        unattributed reports of the same words are not one utterance), nor if its
        speaker is kept to this document (a new entity has no stored quotes). Looking
        only these up keeps ingest from reading, for every common quote, each earlier
        document's unmerged copy of it."""
        return quote.speaker is not None and self._identities[quote.speaker][0] != "document"

    def entity_keys(self) -> set[str]:
        """The name keys _resolve_entities may look up."""
        return {identity[1] for identity in self._identities.values() if identity[0] == "name"}

    @functools.cached_property
    def _identities(self) -> dict[str, tuple]:
        """The identity (EntityPlan.identity) of each name the attributions link, planned
        once: the group look-ups and the quote merging all ask for it."""
        names = dict.fromkeys(name for quote in self.document.quotes for name in quote_names(quote))
        return {name: self._plan_entity(name).identity for name in names}

    def _insert(self, table: sa.Table, row: dict) -> int:
        """Inserts one row; returns its id."""
        return self.inserts.ids(self.connection, table, [row])[0]

    def _insert_many(self, table: sa.Table, rows: list[dict]) -> list[int]:
        """Inserts rows; returns their ids in the rows' order."""
        return self.inserts.ids(self.connection, table, rows)

    def write(self, lookups: Lookups | None = None) -> Outcome:
        """Writes the document unless its text is stored; `lookups` may answer for a group."""
        origin = self.raw.origin
        if lookups is not None:
            self.lookups = lookups
        existing = self.lookups.document_by_hash(self.document.content_hash)
        if existing is not None:
            return Outcome(origin, "unchanged", document_id=existing)
        previous = self.lookups.current_version(self.raw.url) if self.raw.url else None
        version = previous[1] + 1 if previous else 1
        self.document_id = self._insert(
            DOCUMENTS,
            {
                "title": self.raw.title,
                "url": self.raw.url,
                "publisher": self.raw.publisher,
                "author": self.raw.author,
                "published": self.raw.published,
                "text": self.raw.text,
                "content_hash": self.document.content_hash,
                "version": version,
                "ingested_at": utcnow(),
                "extra": {**self.raw.extra, "origin": str(origin), "format": self.raw.format},
            },
        )
        self.lookups.added_document(
            self.document.content_hash, self.document_id, self.raw.url, version
        )
        if previous:
            # Parameter names must not be column names: an UPDATE would SET those too.
            self.inserts.update(
                self.connection,
                _SUPERSEDE_DOCUMENT,
                {"old_id": previous[0], "new_id": self.document_id},
            )
            self.inserts.update(self.connection, _SUPERSEDE_OCCURRENCES, {"old_id": previous[0]})
        written = self.write_attributions(self.document_id)
        return Outcome(origin, "ingested", document_id=self.document_id, quotes=written)

    def write_attributions(self, document_id: int) -> int:
        """Writes the parsed attributions of stored document `document_id` (entities,
        sources, quotes, occurrences, aliases); returns the occurrences written. Ingest
        calls it for a new document, reparse for one whose old attributions it removed."""
        self.document_id = document_id
        self._resolve_entities()
        self._resolve_sources()
        written = self._write_quotes(self.document.quotes)
        self._write_aliases()
        return written

    def _write_aliases(self) -> None:
        if self._aliases:
            # Another writer may have added the same alias.
            self.inserts.run(self.connection, IgnoringDuplicates(ALIASES), self._aliases)

    # -- quotes ---------------------------------------------------------------

    def _write_quotes(self, quotes: tuple[QuoteRecord, ...]) -> int:
        """Writes an occurrence per distinct (words, speaker); returns how many."""
        reported: dict[tuple[str, int | None], QuoteRecord] = {}
        for quote, key in zip(quotes, self.quote_keys, strict=True):
            speaker_id = self._entity_id(quote.speaker) if quote.speaker else None
            # The same words by the same speaker twice in one text: the first one counts.
            reported.setdefault((key, speaker_id), quote)
        if not reported:
            return 0
        quote_ids = self._quote_ids(reported)
        occurrences = [self._occurrence(quote, quote_ids[key]) for key, quote in reported.items()]
        occurrence_ids = self._insert_many(OCCURRENCES, occurrences)
        for table, field in ((RECIPIENTS, "recipients"), (ABOUT, "about")):
            rows = [
                {"occurrence_id": occurrence_id, "entity_id": entity_id}
                for quote, occurrence_id in zip(reported.values(), occurrence_ids, strict=True)
                for entity_id in dict.fromkeys(self._entity_id(n) for n in getattr(quote, field))
            ]
            if rows:
                self.inserts.run(self.connection, table, rows)
        return len(reported)

    def _quote_ids(self, reported: dict[tuple[str, int | None], QuoteRecord]) -> dict:
        """The quote id for each (words, speaker): the stored quote, or a new one."""
        keys = sorted({key for (key, _), quote in reported.items() if self._may_be_merged(quote)})
        stored = {(row.key, row.speaker_id): row for row in self.lookups.quotes_by_keys(keys)}
        ids, new = {}, {}
        for key, quote in reported.items():
            row = stored.get(key) if self._may_be_merged(quote) else None
            if row is None:
                new[key] = self._new_quote(quote, *key)
            else:
                self._update_quote(row, quote)
                ids[key] = row.id
        if new:
            rows = list(new.values())
            ids.update(zip(new, self._insert_many(QUOTES, rows), strict=True))
            for (key, speaker_id), row in new.items():
                self.lookups.added_quote(
                    StoredQuote(
                        ids[key, speaker_id],
                        key,
                        speaker_id,
                        row["first_published"],
                        row["confidence"],
                        row["claimed_by_id"],
                    )
                )
        return ids

    def _new_quote(self, quote: QuoteRecord, key: str, speaker_id: int | None) -> dict:
        claimed_by = quote.claimed_by
        return {
            "text": quote.text,
            "key": key,
            "kind": quote.kind,
            "speaker_id": speaker_id,
            "claimed_by_id": self._entity_id(claimed_by) if claimed_by else None,
            "confidence": quote.confidence,
            "first_published": self.raw.published,
            "first_document_id": self.document_id,
            "created_at": utcnow(),
        }

    def _update_quote(self, row: StoredQuote, quote: QuoteRecord) -> None:
        """Keeps the earliest known appearance, the highest confidence, the first claimant."""
        changes = {}
        published = self.raw.published
        if published and (row.first_published is None or published < row.first_published):
            changes.update(first_published=published, first_document_id=self.document_id)
        if quote.confidence > row.confidence:
            changes["confidence"] = quote.confidence
        if row.claimed_by_id is None and quote.claimed_by:
            changes["claimed_by_id"] = self._entity_id(quote.claimed_by)
        if changes:
            self.inserts.update(
                self.connection,
                _update_quote(tuple(changes)),
                {"quote_id": row.id} | {f"new_{name}": value for name, value in changes.items()},
            )
            changes.pop("first_document_id", None)
            self.lookups.added_quote(dataclasses.replace(row, **changes))

    def _occurrence(self, quote: QuoteRecord, quote_id: int) -> dict:
        mention = quote.speaker_mention or (None, None, None)
        cue = quote.cue or (None, None, None)
        return {
            "quote_id": quote_id,
            "document_id": self.document_id,
            "content_start": quote.spans[0][0],
            "content_end": quote.spans[-1][1],
            "spans": [list(span) for span in quote.spans],
            "speaker_mention": mention[0],
            "speaker_mention_start": mention[1],
            "speaker_mention_end": mention[2],
            "cue": cue[0],
            "cue_start": cue[1],
            "cue_end": cue[2],
            "rule": quote.rule,
            "confidence": quote.confidence,
            "source_id": self._source_ids[quote.source] if quote.source else None,
            "superseded": False,
        }

    # -- entities -------------------------------------------------------------

    def _entity_id(self, name: str) -> int:
        return self._entity_ids[name]

    def _resolve_entities(self) -> None:
        """Finds or creates every entity the document's attributions name, in a few
        statements (see the module docstring for the merging rules)."""
        names = dict.fromkeys(name for quote in self.document.quotes for name in quote_names(quote))
        plans = {name: self._plan_entity(name) for name in names}
        resolved: dict[tuple, int] = {}
        for plan in plans.values():
            cached = self.known.get(plan.identity)
            if cached is not None and plan.identity[0] != "document":
                resolved[plan.identity] = cached
        qids = sorted({p.qid for p in plans.values() if p.qid and p.identity not in resolved})
        if qids:
            for row in self.connection.execute(_ENTITIES_BY_QID, {"qids": qids}):
                resolved[("qid", row.qid)] = row.id
        shared = {
            p.identity: p
            for p in plans.values()
            if p.identity[0] == "name" and p.identity not in resolved
        }
        if shared:
            keys = sorted({p.key for p in shared.values()})
            stored = [row for row in self.lookups.entities_by_keys(keys) if row.qid is None]
            for identity, plan in shared.items():
                entity_id = self._stored_namesake(plan, stored)
                if entity_id is not None:
                    resolved[identity] = entity_id
        new = {p.identity: p for p in plans.values() if p.identity not in resolved}
        if new:
            rows = [plan.row() for plan in new.values()]
            ids = self._insert_many(ENTITIES, rows)
            resolved.update(zip(new, ids, strict=True))
            for entity_id, row in zip(ids, rows, strict=True):
                self.lookups.added_entity(
                    StoredEntity(entity_id, row["key"], row["kind"], row["qid"])
                )
        for name, plan in plans.items():
            entity_id = resolved[plan.identity]
            self._entity_ids[name] = entity_id
            if plan.identity[0] != "document":
                self.found_entities[plan.identity] = entity_id
            described = self._described(name)
            self._aliases += self._alias_rows(entity_id, plan.key, described)

    def _plan_entity(self, name: str) -> EntityPlan:
        described = self._described(name)
        kind = described.kind if described.kind in ENTITY_KINDS else "unknown"
        key = name_key(name)
        known = _GAZETTEER_BY_KEY.get(key)
        if known is not None:
            known_kind = known.kind if known.kind in ENTITY_KINDS else kind
            return EntityPlan(
                ("qid", known.qid),
                name_key(known.name),
                known.name,
                known_kind,
                known.description,
                qid=known.qid,
            )
        if len(key.split()) >= 2 or (key and kind in MERGEABLE_ONE_WORD_KINDS):
            return EntityPlan(("name", key, kind), key, name, kind, described.description)
        return EntityPlan(
            ("document", key, kind),
            key,
            name,
            kind,
            described.description,
            kept_to=self.document_id,
        )

    def _described(self, name: str) -> EntityRecord:
        """What the document says of the entity `name` (nothing but its name, if it has
        no entity of that name)."""
        return self.document.entities.get(name) or EntityRecord(name)

    def _stored_namesake(self, plan: EntityPlan, stored: list[StoredEntity]) -> int | None:
        """The first stored entity of the plan's name and a compatible kind ("unknown" fits
        any kind, but only for names of two or more words); an unknown kind is refined."""
        for row in stored:
            if row.key != plan.key:
                continue
            if row.kind == plan.kind:
                return row.id
            if len(plan.key.split()) >= 2 and "unknown" in (row.kind, plan.kind):
                if row.kind == "unknown":
                    self.inserts.update(
                        self.connection, _SET_ENTITY_KIND, {"entity_id": row.id, "kind": plan.kind}
                    )
                    self.lookups.changed_entity(dataclasses.replace(row, kind=plan.kind))
                return row.id
        return None

    def _alias_rows(self, entity_id: int, entity_key: str, described: EntityRecord) -> list[dict]:
        """The document's other names for the entity, as alias rows (stored ones are ignored
        on insert)."""
        texts = {name_key(text): text for text in reversed((described.name, *described.aliases))}
        return [
            {
                "entity_id": entity_id,
                "text": text,
                "key": key,
                "origin": "machine",
                "document_id": self.document_id,
                "created_at": utcnow(),
            }
            for key, text in texts.items()
            if key and key != entity_key
        ]

    # -- sources and the reporting chain -----------------------------------------

    def _resolve_sources(self) -> None:
        """Finds or creates every source the quotes name and the links of their reporting
        chains, in a few statements. Titled sources (the book "Rage") are shared across
        documents by kind and title; untitled ones ("a letter") belong to this document."""
        chains = self._source_chains()
        sources = {_source_identity(s): s for chain in chains.values() for s in chain}
        keys = {identity: _source_key(s) for identity, s in sources.items()}
        ids: dict[tuple, int] = {}
        wanted = {key for key in keys.values() if key}
        if wanted:
            stored = self.lookups.sources_by_keys(wanted)
            ids = {identity: stored[key] for identity, key in keys.items() if key in stored}
        new = {identity: s for identity, s in sources.items() if identity not in ids}
        if new:
            rows = [
                {
                    "kind": s.kind,
                    "title": s.title,
                    "author": s.author,
                    "key": keys[identity],
                    "created_at": utcnow(),
                }
                for identity, s in new.items()
            ]
            ids.update(zip(new, self._insert_many(SOURCES, rows), strict=True))
            for identity in new:
                if keys[identity]:
                    self.lookups.added_source(keys[identity], ids[identity])
        links = {}
        for source, chain in chains.items():
            chain_ids = [ids[_source_identity(s)] for s in chain]
            self._source_ids[source] = chain_ids[0]
            for from_id, to_id in itertools.pairwise(chain_ids):
                if from_id != to_id:
                    links[from_id, to_id, None] = None
            links[chain_ids[-1], None, self.document_id] = None
        if links:
            self.inserts.run(
                self.connection,
                SOURCE_LINKS,
                [
                    {
                        "from_source_id": from_id,
                        "to_source_id": to_source_id,
                        "to_document_id": to_document_id,
                        "document_id": self.document_id,
                    }
                    for from_id, to_source_id, to_document_id in links
                ],
            )

    def _source_chains(self) -> dict[SourceRecord, list[SourceRecord]]:
        """Each source the quotes name, with the sources that reported it."""
        chains = {}
        for quote in self.document.quotes:
            if quote.source and quote.source not in chains:
                source = quote.source
                chains[source] = [source, *map(self._reporting_source, source.reported_by)]
        return chains

    def _reporting_source(self, name: str) -> SourceRecord:
        """The document's own source named `name` (the book "Rage"), or a bare one."""
        key = name_key(name)
        for candidate in self.document.sources:
            if name_key(candidate.title) == key:
                return candidate
        return SourceRecord("unknown", name, None, ())


def _source_identity(source: SourceRecord) -> tuple:
    """What makes two of a document's sources one row: the columns the row stores."""
    return (source.kind, source.title, source.author)


def _source_key(source: SourceRecord) -> str | None:
    return f"{source.kind}:{name_key(source.title)}" if source.title else None
