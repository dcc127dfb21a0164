"""What the store itself costs: opening it, migrating it, and writing rows through its checks.

Prints, per engine (SQLite always; PostgreSQL when --postgres URL names a
server this user may CREATE DATABASE on):
- first use: migrating a new, empty database to the latest schema;
- open: `open_store` on an existing store (what every command pays first);
- writes: documents of the seed's size with 20 quotes each (quote, occurrence,
  recipient), one transaction per document, on a store with the schema's
  triggers and on one with the offset triggers dropped, so their cost shows.

    .venv/bin/python bench/bench_store.py
    .venv/bin/python bench/bench_store.py --documents 500 \
        --postgres postgresql+psycopg://postgres@127.0.0.1:55432/postgres
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from quotedb.store import db as store_db
from quotedb.store.keys import content_hash, name_key, quote_key
from quotedb.store.models import (
    Document,
    Entity,
    Quote,
    QuoteOccurrence,
    QuoteRecipient,
    utcnow,
)

ROOT = Path(__file__).resolve().parent.parent
QUOTES_PER_DOCUMENT = 20
ROUNDS = 3
OFFSET_TRIGGERS = {
    "sqlite": [
        "quote_occurrences_offsets_insert",
        "quote_occurrences_offsets_update",
        "quote_occurrences_spans_insert",
        "quote_occurrences_spans_update",
    ],
    "postgresql": ["quote_occurrences_offsets ON quote_occurrences"],
}


def seed_text() -> str:
    return next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")


@contextmanager
def new_database(engine_name: str, postgres_url: str | None, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database; dropped afterwards on PostgreSQL."""
    if engine_name == "sqlite":
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex}.db'}"
        return
    server = store_db.parse_url(postgres_url)
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"quotedb_bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def write_documents(engine: sa.Engine, text: str, count: int, run: str) -> None:
    """`count` documents, each with QUOTES_PER_DOCUMENT attributions, one transaction each.

    Core executemany statements, not ORM flushes: the figure is the database's
    cost (constraints, triggers, indexes), not Python's per-object overhead.
    """
    words = text.split()
    with store_db.session(engine, write=True) as db_session:
        speaker = Entity(name=f"Speaker {run}", key=name_key(f"Speaker {run}"), kind="person")
        listener = Entity(name=f"Listener {run}", key=name_key(f"Listener {run}"), kind="person")
        db_session.add_all([speaker, listener])
    step = max(1, len(text) // (QUOTES_PER_DOCUMENT + 1))
    now = utcnow()
    for number in range(count):
        body = f"{run} {number}\n{text}"
        locked = engine.execution_options(sqlite_begin="IMMEDIATE")
        with locked.begin() as connection:
            document_id = connection.execute(
                sa.insert(Document).returning(Document.id),
                {
                    "title": f"{run} {number}",
                    "text": body,
                    "content_hash": content_hash(body),
                    "ingested_at": now,
                    "extra": {},
                },
            ).scalar_one()
            said = [
                " ".join(words[index : index + 8]) + f" {run} {number} {index}"
                for index in range(QUOTES_PER_DOCUMENT)
            ]
            quote_ids = (
                connection.execute(
                    sa.insert(Quote).returning(Quote.id, sort_by_parameter_order=True),
                    [
                        {
                            "text": words_said,
                            "key": quote_key(words_said),
                            "kind": "direct",
                            "speaker_id": speaker.id,
                            "confidence": 0.9,
                            "created_at": now,
                        }
                        for words_said in said
                    ],
                )
                .scalars()
                .all()
            )
            occurrence_ids = (
                connection.execute(
                    sa.insert(QuoteOccurrence).returning(
                        QuoteOccurrence.id, sort_by_parameter_order=True
                    ),
                    [
                        {
                            "quote_id": quote_id,
                            "document_id": document_id,
                            "content_start": index * step,
                            "content_end": index * step + 40,
                            "spans": [[index * step, index * step + 40]],
                            "cue": "said",
                            "cue_start": index * step + 41,
                            "cue_end": index * step + 45,
                            "rule": "bench",
                            "confidence": 0.9,
                        }
                        for index, quote_id in enumerate(quote_ids)
                    ],
                )
                .scalars()
                .all()
            )
            connection.execute(
                sa.insert(QuoteRecipient),
                [{"occurrence_id": o, "entity_id": listener.id} for o in occurrence_ids],
            )


def drop_offset_triggers(engine: sa.Engine) -> None:
    with engine.begin() as connection:
        for trigger in OFFSET_TRIGGERS[engine.dialect.name]:
            connection.exec_driver_sql(f"DROP TRIGGER {trigger}")


def bench_engine(engine_name: str, postgres_url: str | None, documents: int, folder: Path) -> None:
    text = seed_text()
    first_use = []
    for _ in range(3):
        with new_database(engine_name, postgres_url, folder) as url:
            first_use += timed(lambda url=url: store_db.open_store(url).dispose(), 1)
    with new_database(engine_name, postgres_url, folder) as url:
        store_db.open_store(url).dispose()
        opens = timed(lambda: store_db.open_store(url).dispose(), 20)
    # Alternating rounds, median reported: the machine is shared and noisy.
    writes: dict[str, list[float]] = {"with offset triggers": [], "without them": []}
    for _ in range(ROUNDS):
        for label, seconds_per_round in writes.items():
            with new_database(engine_name, postgres_url, folder) as url:
                engine = store_db.open_store(url)
                if label == "without them":
                    drop_offset_triggers(engine)
                write_documents(engine, text, 20, "warm-up")
                started = time.perf_counter()
                write_documents(engine, text, documents, "run")
                seconds_per_round.append(time.perf_counter() - started)
                engine.dispose()
    rows = documents * QUOTES_PER_DOCUMENT
    print(f"{engine_name}:")
    print(f"  first use (migrate to head): median {statistics.median(first_use) * 1000:.0f} ms")
    print(f"  open_store on a current store: median {statistics.median(opens) * 1000:.1f} ms")
    for label, rounds in writes.items():
        seconds = statistics.median(rounds)
        print(
            f"  writes {label}: {documents / seconds:.0f} documents/s, "
            f"{rows / seconds:.0f} occurrences/s ({documents} documents of {len(text)} chars, "
            f"{QUOTES_PER_DOCUMENT} quotes each, one transaction per document, median of {ROUNDS})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--postgres", metavar="URL", help="a server to create a bench database on")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_engine("sqlite", None, args.documents, Path(folder))
        if args.postgres:
            bench_engine("postgresql", args.postgres, args.documents, Path(folder))


if __name__ == "__main__":
    main()
