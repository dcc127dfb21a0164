"""The ingest pipeline: documents parsed in worker processes, handed to the writer.

Nothing here imports SQLAlchemy: `quotedb ingest` imports this module, starts the
parsing processes, and only then imports the writer (quotedb.store.ingest), so the
workers fork before the database libraries load and parse while they do.

    for outcome in ingest(engine, read_documents(["articles/"]), jobs=2):
        print(outcome.status, outcome.origin)
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import gc
import itertools
import multiprocessing
import multiprocessing.pool
import multiprocessing.synchronize
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from quotedb.parse import parse
from quotedb.parse import records as parsed
from quotedb.readers import RawDocument, ReadError, ReadResult, Skipped
from quotedb.readers.records import Origin
from quotedb.store.keys import content_hash, normalise_document_text, stored_quote_key

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from quotedb.store.ingest import Writer

STATUSES = ("ingested", "unchanged", "skipped", "failed")
# Documents a write transaction holds at most: large enough to amortise the commit,
# small enough that a concurrent writer waiting on the lock is never near SQLite's
# busy timeout (the writer also closes a batch after BATCH_SECONDS).
BATCH_DOCUMENTS = 64
# Niceness of the parsing processes when there are several (see _start_parsing_process).
PARSING_NICENESS = 5


class SourceRecord(NamedTuple):
    """A parsed source, as the writer stores it."""

    kind: str
    title: str | None
    author: str | None
    reported_by: tuple[str, ...]


class EntityRecord(NamedTuple):
    """A parsed entity an attribution names, as the writer stores it (no mentions)."""

    name: str
    kind: str = "unknown"
    description: str | None = None
    aliases: tuple[str, ...] = ()


class QuoteRecord(NamedTuple):
    """A parsed quote, as the writer stores it: `text` joined, spans as (start, end),
    the speaker mention and cue as (text, start, end)."""

    text: str
    kind: str
    spans: tuple[tuple[int, int], ...]
    speaker: str | None
    speaker_mention: tuple[str, int, int] | None
    cue: tuple[str, int, int] | None
    recipients: tuple[str, ...]
    about: tuple[str, ...]
    source: SourceRecord | None
    claimed_by: str | None
    confidence: float
    rule: str


@dataclasses.dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready to write: normalised text, its hash, and what the parser found,
    as named tuples of plain values: they cross from the parsing processes several
    times faster than the parser's dataclasses (pickling them was a tenth of a parse)."""

    raw: RawDocument
    content_hash: str
    quotes: tuple[QuoteRecord, ...]
    # The entities the attributions name, by name, and the sources that have a title.
    entities: dict[str, EntityRecord]
    sources: tuple[SourceRecord, ...]
    # The quotes' stored keys (keys.stored_quote_key), or None: the writer makes them.
    quote_keys: tuple[str, ...] | None = None


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


def prepare(
    result: ReadResult, *, quote_keys: bool = False
) -> PreparedDocument | ReadError | Skipped:
    """Normalise and parse one document; pure, so it runs in worker processes. With
    `quote_keys`, the quotes' stored keys are made here too, not by the writer."""
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
    prepared = _for_the_writer(parsed_document)
    if quote_keys:
        prepared["quote_keys"] = tuple(stored_quote_key(quote.text) for quote in prepared["quotes"])
    return PreparedDocument(
        raw=dataclasses.replace(result, text=text), content_hash=content_hash(text), **prepared
    )


def _for_the_writer(document: parsed.ParsedDocument) -> dict:
    """Only what the writer stores, as records, so less crosses from the parsing
    processes: the text travels once (in `raw`), and only entities the attributions
    name, without their mention lists."""
    quotes = tuple(
        QuoteRecord(
            text=quote.text,
            kind=quote.kind,
            spans=tuple((span.start, span.end) for span in quote.spans),
            speaker=quote.speaker,
            speaker_mention=_span_record(quote.speaker_mention),
            cue=_span_record(quote.cue),
            recipients=quote.recipients,
            about=quote.about,
            source=_source_record(quote.source) if quote.source else None,
            claimed_by=quote.claimed_by,
            confidence=quote.confidence,
            rule=quote.rule,
        )
        for quote in document.quotes
    )
    named = {name for quote in quotes for name in quote_names(quote)}
    entities: dict[str, EntityRecord] = {}
    for entity in document.entities:
        if entity.name in named and entity.name not in entities:
            entities[entity.name] = EntityRecord(
                entity.name, entity.kind, entity.description, entity.aliases
            )
    sources = tuple(_source_record(source) for source in document.sources if source.title)
    return {"quotes": quotes, "entities": entities, "sources": sources}


def _span_record(span: parsed.Span | None) -> tuple[str, int, int] | None:
    return (span.text, span.start, span.end) if span else None


def _source_record(source: parsed.Source) -> SourceRecord:
    return SourceRecord(source.kind, source.title, source.author, source.reported_by)


def quote_names(quote: QuoteRecord) -> Iterator[str]:
    """The entity names an attribution links: speaker, claimant, recipients, about."""
    for name in (quote.speaker, quote.claimed_by, *quote.recipients, *quote.about):
        if name:
            yield name


def ingest(
    engine: Engine | Callable[[], Engine],
    results: Iterable[ReadResult],
    *,
    jobs: int = 1,
    chunk_size: int = 8,
) -> Ingest:
    """Parse `results` in `jobs` processes while this one writes them, in batches.

    `engine` may be a function that opens the store: it is called once the parsing
    processes have started, so opening (and migrating) it overlaps the first parses.
    Iterating yields one Outcome per input, in input order, each after its batch
    committed; `committed` says how many inputs are stored, exact even after Ctrl-C.
    Raises StoreError when the database itself fails (not for a bad document).
    """
    return Ingest(engine, results, jobs=jobs, chunk_size=chunk_size)


class Ingest:
    """One ingest run: iterate it for the outcomes, ask it how many inputs committed."""

    def __init__(
        self,
        engine: Engine | Callable[[], Engine],
        results: Iterable[ReadResult],
        *,
        jobs: int,
        chunk_size: int,
    ) -> None:
        self._engine, self._results = engine, results
        self._jobs, self._chunk_size = jobs, chunk_size
        self._writer: Writer | None = None

    @property
    def committed(self) -> int:
        """Inputs whose batch has committed (ingested, unchanged, skipped or failed)."""
        return self._writer.committed if self._writer else 0

    def __iter__(self) -> Iterator[Outcome]:
        with _parsing(self._results, jobs=self._jobs, chunk_size=self._chunk_size) as prepared:
            # The writer (and SQLAlchemy with it) is imported once the parsing processes
            # have forked: they start lighter, and the import overlaps the first parses.
            from quotedb.store.ingest import Writer

            engine = self._engine
            self._writer = writer = Writer(engine() if callable(engine) else engine)
            while (first := prepared.next()) is not None:
                yield from writer.write([first], more=prepared)


class Prepared:
    """What the parsing processes prepared, in input order; `next` can wait a bounded time."""

    def __init__(self, chunks: multiprocessing.pool.IMapIterator, in_flight) -> None:
        self._chunks, self._in_flight = chunks, in_flight
        self._chunk: collections.deque = collections.deque()

    def next(self, timeout: float | None = None) -> PreparedDocument | ReadError | Skipped | None:
        """The next item; None at the end of the input, or when none is ready in `timeout` s."""
        if not self._chunk:
            try:
                self._chunk.extend(self._chunks.next(timeout))
            except (StopIteration, multiprocessing.TimeoutError):
                return None
        self._in_flight.release()
        return self._chunk.popleft()

    def ready(self, limit: int) -> list[PreparedDocument | ReadError | Skipped]:
        """Up to `limit` items that are ready now, without waiting."""
        items = []
        while len(items) < limit and (item := self.next(timeout=0)) is not None:
            items.append(item)
        return items


def _prepare_chunk(
    chunk: list[ReadResult], *, quote_keys: bool
) -> list[PreparedDocument | ReadError | Skipped]:
    if _stopping is not None and _stopping.is_set():
        return []  # nobody reads it: the writer has stopped (see _parsing)
    return [prepare(result, quote_keys=quote_keys) for result in chunk]


def _chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@contextlib.contextmanager
def _parsing(results: Iterable[ReadResult], *, jobs: int, chunk_size: int) -> Iterator[Prepared]:
    """Starts the parsing processes at once; the block reads what they prepared, in
    input order. Leaving the block (at the end, on an error, on Ctrl-C) stops them."""
    # Even one parsing process pays: it parses the next documents while this one writes.
    # Pool.imap reads its whole input ahead; the semaphore bounds the documents in
    # flight, so memory stays flat on any corpus size. Six batches' worth (about a
    # second of parsing) keeps the parsers busy while this process imports the writer
    # and migrates the store, which it does before it takes the first document.
    in_flight = threading.BoundedSemaphore(max(6 * BATCH_DOCUMENTS, 4 * jobs * chunk_size))

    # Set when the block ends: the pool's feeding thread stops waiting for room, and the
    # parsing processes skip the chunks still queued for them. The pool is then closed and
    # joined, not terminated: Pool.terminate kills a process that may be halfway through
    # writing its result, and the pool's own threads then wait forever on the half-written
    # message or on the pipe's lock it held (CPython issues 96995 and 78178).
    context = multiprocessing.get_context("fork")
    stopping = context.Event()

    def throttled() -> Iterator[ReadResult]:
        for result in results:
            while not in_flight.acquire(timeout=0.1):
                if stopping.is_set():
                    return
            yield result

    with context.Pool(jobs, initializer=_start_parsing_process, initargs=(jobs, stopping)) as pool:
        try:
            # Chunks are made here, not by imap: its own chunking gives no timed next().
            # Several parsing processes are ahead of the writer, the serial part: they also
            # make the quote keys (0.1 s of the writer's 0.8 s over the PolNeAR texts). A
            # single one is the bottleneck itself, and the writer has time to make them.
            prepare_chunk = functools.partial(_prepare_chunk, quote_keys=jobs > 1)
            chunks = pool.imap(prepare_chunk, _chunked(throttled(), chunk_size))
            yield Prepared(chunks, in_flight)
        finally:
            stopping.set()
            pool.close()
            pool.join()


# In a parsing process: set when the writer stops early (see _parsing).
_stopping: multiprocessing.synchronize.Event | None = None


def _start_parsing_process(jobs: int, stopping: multiprocessing.synchronize.Event) -> None:
    """Parsing processes ignore Ctrl-C: the writer process handles it, once. They also
    leave what they inherit (modules, lexicons) out of garbage collection: the parser
    makes millions of small objects, and each full collection would walk all of it.
    Several of them run at a lower priority: they are then ahead of the writer, the
    serial part, which (with the database server) must not wait for a core behind them."""
    global _stopping
    _stopping = stopping
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if jobs > 1:
        os.nice(PARSING_NICENESS)
    gc.freeze()
