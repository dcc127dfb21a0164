"""Documents into the store: parse, then write each document's attributions as rows.

    for outcome in ingest(engine, read_documents(["articles/"]), jobs=2):
        print(outcome.status, outcome.origin)

Guarantees, and how they are kept:
- Each document is all or nothing: writes go in batches (one transaction, for
  speed), each document inside its own SAVEPOINT, so a bad document rolls back
  alone and a crash loses only the uncommitted batch, never half a document.
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

import dataclasses
import itertools
import multiprocessing
import threading
import time
from collections.abc import Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quotedb.parse import parse
from quotedb.parse import records as parsed
from quotedb.parse.lexicon import GAZETTEER
from quotedb.readers import RawDocument, ReadError, ReadResult, Skipped
from quotedb.readers.records import Origin
from quotedb.store.db import StoreError
from quotedb.store.keys import content_hash, name_key, normalise_document_text, quote_key
from quotedb.store.models import (
    Alias,
    Document,
    Entity,
    Quote,
    QuoteAbout,
    QuoteOccurrence,
    QuoteRecipient,
    Source,
    SourceLink,
    utcnow,
)

STATUSES = ("ingested", "unchanged", "skipped", "failed")
# Documents a write transaction holds at most, and seconds it stays open at most:
# large enough to amortise the commit, small enough that a concurrent writer
# waiting on the lock is never near SQLite's busy timeout.
BATCH_DOCUMENTS = 64
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


@dataclasses.dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready to write: normalised text, its hash, and what the parser found."""

    raw: RawDocument
    content_hash: str
    parsed: parsed.ParsedDocument


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: ingested, unchanged, skipped or failed (with the reason)."""

    origin: Origin
    status: str
    document_id: int | None = None
    quotes: int = 0
    reason: str | None = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason or self.status}"


def prepare(result: ReadResult) -> PreparedDocument | ReadError | Skipped:
    """Normalise and parse one document; pure, so it runs in worker processes."""
    if not isinstance(result, RawDocument):
        return result
    text = normalise_document_text(result.text)
    if not text:
        return ReadError(result.origin, "empty: no text to ingest")
    try:
        parsed_document = parse(text)
    # A parser bug must cost one document, not the run.
    except Exception as error:  # noqa: BLE001
        return ReadError(
            result.origin, f"the parser failed on it ({type(error).__name__}: {error})"
        )
    return PreparedDocument(
        raw=dataclasses.replace(result, text=text),
        content_hash=content_hash(text),
        parsed=parsed_document,
    )


def ingest(
    engine: Engine, results: Iterable[ReadResult], *, jobs: int = 1, chunk_size: int = 8
) -> Iterator[Outcome]:
    """Parse `results` (in `jobs` processes when jobs > 1) and write them in batches.

    Yields one Outcome per input, in input order, each after its batch committed.
    Raises StoreError when the database itself fails (not for a bad document).
    """
    writer = Writer(engine)
    prepared = _prepare_all(results, jobs=jobs, chunk_size=chunk_size)
    batch: list[PreparedDocument | ReadError | Skipped] = []
    started = time.monotonic()
    for item in prepared:
        if not batch:
            started = time.monotonic()
        batch.append(item)
        if len(batch) >= BATCH_DOCUMENTS or time.monotonic() - started >= BATCH_SECONDS:
            yield from writer.write(batch)
            batch = []
    if batch:
        yield from writer.write(batch)


def _prepare_all(
    results: Iterable[ReadResult], *, jobs: int, chunk_size: int
) -> Iterator[PreparedDocument | ReadError | Skipped]:
    if jobs <= 1:
        yield from map(prepare, results)
        return
    # Pool.imap reads its whole input ahead; the semaphore keeps only a few
    # chunks per process in flight, so memory stays flat on any corpus size.
    in_flight = threading.BoundedSemaphore(jobs * chunk_size * 4)

    def throttled() -> Iterator[ReadResult]:
        for result in results:
            in_flight.acquire()
            yield result

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for item in pool.imap(prepare, throttled(), chunksize=chunk_size):
            in_flight.release()
            yield item


class Writer:
    """Writes prepared documents, a batch per transaction, a SAVEPOINT per document."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgresql = engine.dialect.name == "postgresql"
        self._locked = engine.execution_options(sqlite_begin="IMMEDIATE")

    def write(self, batch: list[PreparedDocument | ReadError | Skipped]) -> list[Outcome]:
        """Writes one batch in one transaction; returns an outcome per item, in order."""
        for attempt in range(LOCKED_RETRIES):
            try:
                return self._write_once(batch)
            except sa.exc.OperationalError as error:
                if "locked" not in str(error.orig) or attempt == LOCKED_RETRIES - 1:
                    raise StoreError(f"cannot write to the database: {_reason(error)}") from None
                time.sleep(0.1 * 2**attempt)
        raise AssertionError("unreachable")

    def _write_once(self, batch: list[PreparedDocument | ReadError | Skipped]) -> list[Outcome]:
        outcomes = []
        with self._locked.begin() as connection:
            if self.is_postgresql:
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": INGEST_LOCK_KEY}
                )
            for item in batch:
                if isinstance(item, ReadError):
                    outcomes.append(Outcome(item.origin, "failed", reason=item.reason))
                elif isinstance(item, Skipped):
                    outcomes.append(Outcome(item.origin, "skipped", reason=item.reason))
                else:
                    outcomes.append(self._write_document(connection, item))
        return outcomes

    def _write_document(self, connection: Connection, document: PreparedDocument) -> Outcome:
        origin = document.raw.origin
        savepoint = connection.begin_nested()
        try:
            outcome = DocumentWriter(connection, document).write()
        except (sa.exc.IntegrityError, sa.exc.DataError) as error:
            savepoint.rollback()
            return Outcome(origin, "failed", reason=f"the store refused it ({_reason(error)})")
        savepoint.commit()
        return outcome


def _reason(error: sa.exc.DBAPIError) -> str:
    text = str(error.orig) if error.orig else str(error)
    return text.strip().splitlines()[0]


_documents = Document.__table__
_entities = Entity.__table__
_aliases = Alias.__table__
_sources = Source.__table__
_source_links = SourceLink.__table__
_quotes = Quote.__table__
_occurrences = QuoteOccurrence.__table__
_recipients = QuoteRecipient.__table__
_about = QuoteAbout.__table__


class DocumentWriter:
    """The rows of one document, written on a connection inside its SAVEPOINT."""

    def __init__(self, connection: Connection, document: PreparedDocument) -> None:
        self.connection = connection
        self.document = document
        self.raw = document.raw
        self.document_id: int | None = None
        self._entity_ids: dict[str, int] = {}
        self._source_ids: dict[tuple, int] = {}

    def _insert(self, table: sa.Table, **values) -> int:
        return self.connection.execute(
            table.insert().values(**values).returning(table.c.id)
        ).scalar_one()

    def write(self) -> Outcome:
        origin = self.raw.origin
        existing = self.connection.execute(
            sa.select(_documents.c.id).where(
                _documents.c.content_hash == self.document.content_hash
            )
        ).scalar()
        if existing is not None:
            return Outcome(origin, "unchanged", document_id=existing)
        previous = self._current_version()
        self.document_id = self._insert(
            _documents,
            title=self.raw.title,
            url=self.raw.url,
            publisher=self.raw.publisher,
            author=self.raw.author,
            published=self.raw.published,
            text=self.raw.text,
            content_hash=self.document.content_hash,
            version=previous.version + 1 if previous else 1,
            ingested_at=utcnow(),
            extra={**self.raw.extra, "origin": str(origin), "format": self.raw.format},
        )
        if previous:
            self._supersede(previous.id)
        written = sum(self._write_quote(quote) for quote in self.document.parsed.quotes)
        return Outcome(origin, "ingested", document_id=self.document_id, quotes=written)

    def _current_version(self) -> sa.Row | None:
        if not self.raw.url:
            return None
        return self.connection.execute(
            sa.select(_documents.c.id, _documents.c.version)
            .where(_documents.c.url == self.raw.url, _documents.c.superseded_by_id.is_(None))
            .order_by(_documents.c.version.desc())
            .limit(1)
        ).first()

    def _supersede(self, previous_id: int) -> None:
        self.connection.execute(
            _documents.update()
            .where(_documents.c.id == previous_id)
            .values(superseded_by_id=self.document_id)
        )
        self.connection.execute(
            _occurrences.update()
            .where(_occurrences.c.document_id == previous_id)
            .values(superseded=True)
        )

    # -- quotes ---------------------------------------------------------------

    def _write_quote(self, quote: parsed.Quote) -> int:
        """Writes the quote's occurrence in this document; 0 when the document already had it."""
        speaker_id = self._entity_id(quote.speaker) if quote.speaker else None
        claimed_by_id = self._entity_id(quote.claimed_by) if quote.claimed_by else None
        quote_id = self._quote_id(quote, speaker_id, claimed_by_id)
        already = self.connection.execute(
            sa.select(_occurrences.c.id).where(
                _occurrences.c.quote_id == quote_id,
                _occurrences.c.document_id == self.document_id,
            )
        ).scalar()
        if already is not None:  # the same words by the same speaker twice in one text
            return 0
        mention, cue = quote.speaker_mention, quote.cue
        occurrence_id = self._insert(
            _occurrences,
            quote_id=quote_id,
            document_id=self.document_id,
            content_start=quote.start,
            content_end=quote.end,
            spans=[[span.start, span.end] for span in quote.spans],
            speaker_mention=mention.text if mention else None,
            speaker_mention_start=mention.start if mention else None,
            speaker_mention_end=mention.end if mention else None,
            cue=cue.text if cue else None,
            cue_start=cue.start if cue else None,
            cue_end=cue.end if cue else None,
            rule=quote.rule,
            confidence=quote.confidence,
            source_id=self._source_id(quote.source) if quote.source else None,
            superseded=False,
        )
        for table, names in ((_recipients, quote.recipients), (_about, quote.about)):
            entity_ids = dict.fromkeys(self._entity_id(name) for name in names)
            if entity_ids:
                self.connection.execute(
                    table.insert(),
                    [{"occurrence_id": occurrence_id, "entity_id": e} for e in entity_ids],
                )
        return 1

    def _quote_id(self, quote: parsed.Quote, speaker_id: int | None, claimed_by_id: int | None):
        """The stored quote with these words and speaker; a quote without a speaker is never
        merged, since nothing says two unattributed reports are the same utterance."""
        key = quote_key(quote.text)
        published = self.raw.published
        if speaker_id is not None:
            row = self.connection.execute(
                sa.select(
                    _quotes.c.id,
                    _quotes.c.first_published,
                    _quotes.c.confidence,
                    _quotes.c.claimed_by_id,
                ).where(_quotes.c.key == key, _quotes.c.speaker_id == speaker_id)
            ).first()
            if row is not None:
                changes = {}
                if published and (row.first_published is None or published < row.first_published):
                    changes.update(first_published=published, first_document_id=self.document_id)
                if quote.confidence > row.confidence:
                    changes["confidence"] = quote.confidence
                if row.claimed_by_id is None and claimed_by_id is not None:
                    changes["claimed_by_id"] = claimed_by_id
                if changes:
                    self.connection.execute(
                        _quotes.update().where(_quotes.c.id == row.id).values(**changes)
                    )
                return row.id
        return self._insert(
            _quotes,
            text=quote.text,
            key=key,
            kind=quote.kind,
            speaker_id=speaker_id,
            claimed_by_id=claimed_by_id,
            confidence=quote.confidence,
            first_published=published,
            first_document_id=self.document_id,
            created_at=utcnow(),
        )

    # -- entities -------------------------------------------------------------

    def _entity_id(self, name: str) -> int:
        """The stored entity this document's `name` is (see the module docstring's rules)."""
        if name in self._entity_ids:
            return self._entity_ids[name]
        described = self.document.parsed.entity(name) or parsed.Entity(name=name)
        key = name_key(name)
        known = _GAZETTEER_BY_KEY.get(key)
        entity_id = None
        kept_apart = None
        if known is not None:
            entity_id = self.connection.execute(
                sa.select(_entities.c.id).where(_entities.c.qid == known.qid)
            ).scalar()
            if entity_id is None:
                entity_id = self._new_entity(
                    known.name, known.kind or described.kind, known.qid, known.description, None
                )
        elif len(key.split()) >= 2 or (key and described.kind in MERGEABLE_ONE_WORD_KINDS):
            entity_id = self._entity_by_name(key, described.kind)
        else:
            kept_apart = (
                f"one-word name {name!r} is ambiguous across documents: "
                f"kept to document {self.document_id}"
            )
        if entity_id is None:
            entity_id = self._new_entity(
                name, described.kind, None, described.description, kept_apart
            )
        self._add_aliases(entity_id, described)
        self._entity_ids[name] = entity_id
        return entity_id

    def _entity_by_name(self, key: str, kind: str) -> int | None:
        query = sa.select(_entities.c.id, _entities.c.kind).where(
            _entities.c.key == key, _entities.c.qid.is_(None)
        )
        if len(key.split()) < 2:
            query = query.where(_entities.c.kind == kind)
        elif kind != "unknown":
            query = query.where(_entities.c.kind.in_((kind, "unknown")))
        row = self.connection.execute(query.order_by(_entities.c.id).limit(1)).first()
        if row is None:
            return None
        if row.kind == "unknown" and kind != "unknown":
            self.connection.execute(
                _entities.update().where(_entities.c.id == row.id).values(kind=kind)
            )
        return row.id

    def _new_entity(
        self,
        name: str,
        kind: str,
        qid: str | None,
        description: str | None,
        kept_apart: str | None,
    ) -> int:
        return self._insert(
            _entities,
            name=name,
            key=name_key(name),
            kind=kind if kind in parsed.EntityKind.__args__ else "unknown",
            qid=qid,
            description=description,
            extra={"kept_apart": kept_apart} if kept_apart else {},
            created_at=utcnow(),
        )

    def _add_aliases(self, entity_id: int, described: parsed.Entity) -> None:
        wanted = {}
        for text in (described.name, *described.aliases):
            key = name_key(text)
            if key:
                wanted.setdefault(key, text)
        stored = set(
            self.connection.execute(
                sa.select(_aliases.c.key).where(_aliases.c.entity_id == entity_id)
            ).scalars()
        )
        entity_key = self.connection.execute(
            sa.select(_entities.c.key).where(_entities.c.id == entity_id)
        ).scalar_one()
        rows = [
            {
                "entity_id": entity_id,
                "text": text,
                "key": key,
                "origin": "machine",
                "document_id": self.document_id,
                "created_at": utcnow(),
            }
            for key, text in wanted.items()
            if key not in stored and key != entity_key
        ]
        if rows:
            self.connection.execute(_aliases.insert(), rows)

    # -- sources and the reporting chain -----------------------------------------

    def _source_id(self, source: parsed.Source) -> int:
        """The source row, and the chain linking it, through `reported_by`, to this document."""
        chain = [source, *(self._reporting_source(name) for name in source.reported_by)]
        ids = [self._source_row(link) for link in chain]
        for from_id, to_id in itertools.pairwise(ids):
            if from_id != to_id:
                self._link(from_id, to_source_id=to_id)
        self._link(ids[-1], to_document_id=self.document_id)
        return ids[0]

    def _reporting_source(self, name: str) -> parsed.Source:
        """The document's own source named `name` (the book "Rage"), or a bare one."""
        key = name_key(name)
        for candidate in self.document.parsed.sources:
            if candidate.title and name_key(candidate.title) == key:
                return candidate
        return parsed.Source(kind="unknown", title=name)

    def _source_row(self, source: parsed.Source) -> int:
        """Titled sources are shared across documents (by kind and title); others are not."""
        local = (source.kind, source.title, source.author, source.recipient)
        if local in self._source_ids:
            return self._source_ids[local]
        key = f"{source.kind}:{name_key(source.title)}" if source.title else None
        source_id = None
        if key:
            source_id = self.connection.execute(
                sa.select(_sources.c.id).where(_sources.c.key == key).order_by(_sources.c.id)
            ).scalar()
        if source_id is None:
            source_id = self._insert(
                _sources,
                kind=source.kind,
                title=source.title,
                author=source.author,
                key=key,
                created_at=utcnow(),
            )
        self._source_ids[local] = source_id
        return source_id

    def _link(
        self, from_id: int, *, to_source_id: int | None = None, to_document_id: int | None = None
    ) -> None:
        exists = self.connection.execute(
            sa.select(_source_links.c.id).where(
                _source_links.c.from_source_id == from_id,
                _source_links.c.to_source_id.is_(None)
                if to_source_id is None
                else _source_links.c.to_source_id == to_source_id,
                _source_links.c.to_document_id.is_(None)
                if to_document_id is None
                else _source_links.c.to_document_id == to_document_id,
                _source_links.c.document_id == self.document_id,
            )
        ).scalar()
        if exists is None:
            self._insert(
                _source_links,
                from_source_id=from_id,
                to_source_id=to_source_id,
                to_document_id=to_document_id,
                document_id=self.document_id,
            )
