"""The schema refuses what would corrupt the evidence, on SQLite and PostgreSQL alike."""

import threading
import time

import pytest
import sqlalchemy as sa
from sqlmodel import select

from quotedb.store import db as store_db
from quotedb.store.keys import content_hash, name_key, quote_key
from quotedb.store.models import (
    Alias,
    Document,
    Entity,
    Quote,
    QuoteOccurrence,
    QuoteRecipient,
    Source,
    SourceLink,
)

TEXT = 'In one letter Kim wrote: "You are far beyond smart." Trump said it was a great letter.'
CONTENT = "You are far beyond smart."
CONTENT_START = TEXT.index(CONTENT)
CONTENT_END = CONTENT_START + len(CONTENT)


def add_document(db_session, text: str = TEXT) -> Document:
    document = Document(title="Letters", text=text, content_hash=content_hash(text))
    db_session.add(document)
    db_session.flush()
    return document


def add_entity(db_session, name: str, kind: str = "person") -> Entity:
    entity = Entity(name=name, key=name_key(name), kind=kind)
    db_session.add(entity)
    db_session.flush()
    return entity


def add_quote(db_session, text: str = CONTENT, speaker: Entity | None = None) -> Quote:
    quote = Quote(
        text=text, key=quote_key(text), kind="direct", speaker_id=speaker.id if speaker else None
    )
    db_session.add(quote)
    db_session.flush()
    return quote


def occurrence(quote: Quote, document: Document, **overrides) -> QuoteOccurrence:
    fields = {
        "quote_id": quote.id,
        "document_id": document.id,
        "content_start": CONTENT_START,
        "content_end": CONTENT_END,
        "spans": [[CONTENT_START, CONTENT_END]],
        "speaker_mention": "Kim",
        "speaker_mention_start": TEXT.index("Kim"),
        "speaker_mention_end": TEXT.index("Kim") + 3,
        "cue": "wrote",
        "cue_start": TEXT.index("wrote"),
        "cue_end": TEXT.index("wrote") + 5,
        "rule": "test",
        "confidence": 0.9,
    }
    return QuoteOccurrence(**(fields | overrides))


def test_an_attribution_is_stored_with_offsets_that_point_at_its_evidence(engine):
    with store_db.session(engine, write=True) as db_session:
        document = add_document(db_session)
        kim = add_entity(db_session, "Kim Jong-un")
        trump = add_entity(db_session, "Donald Trump")
        db_session.add(Alias(entity_id=kim.id, text="Kim", key="kim", document_id=document.id))
        quote = add_quote(db_session, speaker=kim)
        stored = occurrence(quote, document)
        db_session.add(stored)
        db_session.flush()
        db_session.add(QuoteRecipient(occurrence_id=stored.id, entity_id=trump.id))

    with store_db.session(engine) as db_session:
        row = db_session.exec(
            select(QuoteOccurrence, Document, Entity)
            .join(Document, Document.id == QuoteOccurrence.document_id)
            .join(Quote, Quote.id == QuoteOccurrence.quote_id)
            .join(Entity, Entity.id == Quote.speaker_id)
        ).one()
        stored, document, speaker = row
        assert document.text[stored.content_start : stored.content_end] == CONTENT
        assert document.text[stored.cue_start : stored.cue_end] == "wrote"
        assert document.text[stored.speaker_mention_start : stored.speaker_mention_end] == "Kim"
        assert speaker.name == "Kim Jong-un"
        assert stored.superseded is False
        recipients = db_session.exec(
            select(Entity.name)
            .join(QuoteRecipient, QuoteRecipient.entity_id == Entity.id)
            .where(QuoteRecipient.occurrence_id == stored.id)
        ).all()
        assert recipients == ["Donald Trump"]


def test_an_alias_cannot_point_at_a_missing_entity(engine):
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        db_session.add(Alias(entity_id=424242, text="the dictator", key="the dictator"))


@pytest.mark.parametrize(
    ("overrides", "why"),
    [
        ({"content_end": len(TEXT) + 1, "spans": []}, "content ends after the text"),
        ({"content_start": -1, "spans": []}, "content starts before the text"),
        ({"content_start": 20, "content_end": 10, "spans": []}, "content ends before it starts"),
        ({"cue_end": len(TEXT) + 5}, "cue ends after the text"),
        ({"cue_start": -3}, "cue starts before the text"),
        ({"cue_end": None}, "cue with a start but no end"),
        ({"speaker_mention_end": len(TEXT) + 1}, "mention ends after the text"),
        ({"spans": [[CONTENT_START - 1, CONTENT_END]]}, "span starts before the content"),
        ({"spans": [[CONTENT_START, CONTENT_END + 1]]}, "span ends after the content"),
        ({"spans": [[CONTENT_END, CONTENT_START]]}, "span ends before it starts"),
        ({"confidence": 1.5}, "confidence above 1"),
    ],
)
def test_offsets_outside_the_document_are_refused(engine, overrides, why):
    with store_db.session(engine, write=True) as db_session:
        document_id = add_document(db_session).id
        quote_id = add_quote(db_session).id
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        document = db_session.get(Document, document_id)
        quote = db_session.get(Quote, quote_id)
        db_session.add(occurrence(quote, document, **overrides))
    with store_db.session(engine) as db_session:
        assert db_session.exec(select(QuoteOccurrence)).all() == [], why


def test_moving_an_occurrence_outside_its_document_is_refused(engine):
    with store_db.session(engine, write=True) as db_session:
        document = add_document(db_session)
        stored = occurrence(add_quote(db_session), document)
        db_session.add(stored)
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.update(QuoteOccurrence).values(content_end=len(TEXT) + 10, spans=[]))


def test_a_quote_may_end_exactly_at_the_end_of_its_document(engine):
    text = 'Kim said "We will win"'
    with store_db.session(engine, write=True) as db_session:
        document = add_document(db_session, text)
        quote = add_quote(db_session, "We will win")
        start = text.index("We")
        db_session.add(
            QuoteOccurrence(
                quote_id=quote.id,
                document_id=document.id,
                content_start=start,
                content_end=len(text) - 1,
                spans=[[start, len(text) - 1]],
                cue_start=4,
                cue_end=8,
                speaker_mention_start=0,
                speaker_mention_end=3,
            )
        )
    with store_db.session(engine) as db_session:
        assert len(db_session.exec(select(QuoteOccurrence)).all()) == 1


def test_offsets_count_characters_not_bytes(engine):
    """Python string indices: "Zürich" is 6 characters in both engines, whatever its bytes."""
    text = "Zürich — «Wir schaffen das», sagte Merkel."
    content = "Wir schaffen das"
    start = text.index(content)
    with store_db.session(engine, write=True) as db_session:
        document = add_document(db_session, text)
        quote = add_quote(db_session, content)
        db_session.add(
            QuoteOccurrence(
                quote_id=quote.id,
                document_id=document.id,
                content_start=start,
                content_end=len(text),
                spans=[[start, start + len(content)]],
            )
        )
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.update(QuoteOccurrence).values(content_end=len(text) + 1))


def test_a_document_text_never_changes(engine):
    with store_db.session(engine, write=True) as db_session:
        add_document(db_session)
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.update(Document).values(text="something else"))
    with store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.update(Document).values(title="A new title"))
        assert db_session.exec(select(Document.title)).one() == "A new title"


def test_the_same_text_is_stored_once(engine):
    with store_db.session(engine, write=True) as db_session:
        add_document(db_session)
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        add_document(db_session, TEXT + "\r\n")  # same normalised text, same hash


def test_a_quote_is_stored_once_per_speaker(engine):
    with store_db.session(engine, write=True) as db_session:
        kim = add_entity(db_session, "Kim Jong-un")
        add_quote(db_session, "You are far beyond smart.", kim)
        add_quote(db_session, "You are far beyond smart.", None)  # unattributed: another row
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        kim = db_session.exec(select(Entity)).one()
        add_quote(db_session, "you are FAR beyond smart", kim)


@pytest.mark.parametrize(
    ("table", "values"),
    [
        (Entity, {"name": "X", "key": "x", "kind": "robot"}),
        (Quote, {"text": "x", "key": "x", "kind": "rumour"}),
        (Quote, {"text": "x", "key": "x", "kind": "direct", "confidence": -0.1}),
        (Alias, {"entity_id": None, "text": "x", "key": "x", "origin": "oracle"}),
    ],
)
def test_kinds_and_ranges_are_checked(engine, table, values):
    with store_db.session(engine, write=True) as db_session:
        entity_id = add_entity(db_session, "Someone").id
    if values.get("entity_id", 0) is None:
        values = values | {"entity_id": entity_id}
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.insert(table).values(**values, created_at=sa.func.now()))


def test_a_source_link_points_at_exactly_one_target(engine):
    with store_db.session(engine, write=True) as db_session:
        letter = Source(kind="letter", author="Kim Jong-un")
        book = Source(kind="book", title="Rage", author="Bob Woodward")
        db_session.add_all([letter, book])
        db_session.flush()
        document = add_document(db_session)
        db_session.add(SourceLink(from_source_id=letter.id, to_source_id=book.id))
        db_session.add(SourceLink(from_source_id=book.id, to_document_id=document.id))
        ids = (letter.id, book.id, document.id)
    letter_id, book_id, document_id = ids
    for bad in (
        {"from_source_id": letter_id},
        {"from_source_id": letter_id, "to_source_id": book_id, "to_document_id": document_id},
        {"from_source_id": letter_id, "to_source_id": letter_id},
    ):
        with (
            pytest.raises(sa.exc.IntegrityError),
            store_db.session(engine, write=True) as db_session,
        ):
            db_session.add(SourceLink(**bad))
    with store_db.session(engine) as db_session:
        assert len(db_session.exec(select(SourceLink)).all()) == 2


def test_removing_a_document_removes_its_occurrences_but_not_its_speakers(engine):
    with store_db.session(engine, write=True) as db_session:
        document = add_document(db_session)
        kim = add_entity(db_session, "Kim Jong-un")
        trump = add_entity(db_session, "Donald Trump")
        stored = occurrence(add_quote(db_session, speaker=kim), document)
        db_session.add(stored)
        db_session.flush()
        db_session.add(QuoteRecipient(occurrence_id=stored.id, entity_id=trump.id))
    with store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.delete(Document))
    with store_db.session(engine) as db_session:
        assert db_session.exec(select(QuoteOccurrence)).all() == []
        assert db_session.exec(select(QuoteRecipient)).all() == []
        assert len(db_session.exec(select(Entity)).all()) == 2


def test_an_entity_that_speaks_cannot_be_deleted(engine):
    with store_db.session(engine, write=True) as db_session:
        add_quote(db_session, speaker=add_entity(db_session, "Kim Jong-un"))
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.delete(Entity))


def test_a_failed_transaction_leaves_nothing_behind(engine):
    with pytest.raises(sa.exc.IntegrityError), store_db.session(engine, write=True) as db_session:
        document = add_document(db_session)
        db_session.add(occurrence(add_quote(db_session), document, content_end=len(TEXT) + 1))
    with store_db.session(engine) as db_session:
        assert db_session.exec(select(Document)).all() == []
        assert db_session.exec(select(Quote)).all() == []


def test_full_text_search_finds_a_quote_by_a_word(engine, search):
    with store_db.session(engine, write=True) as db_session:
        add_quote(db_session, "You are far beyond smart.")
        add_quote(db_session, "The dictator branded Obama a fool.")
    assert search(engine, "beyond") == ["You are far beyond smart."]
    assert search(engine, "brand") == ["The dictator branded Obama a fool."]  # stemmed
    assert search(engine, "election") == []


def test_full_text_search_follows_edits_and_deletions(engine, search):
    with store_db.session(engine, write=True) as db_session:
        quote_id = add_quote(db_session, "We will build a wall.").id
    with store_db.session(engine, write=True) as db_session:
        db_session.execute(
            sa.update(Quote).where(Quote.id == quote_id).values(text="We will build a bridge.")
        )
    assert search(engine, "wall") == []
    assert search(engine, "bridge") == ["We will build a bridge."]
    with store_db.session(engine, write=True) as db_session:
        db_session.execute(sa.delete(Quote))
    assert search(engine, "bridge") == []


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_url):
    engine = store_db.open_store(sqlite_url)
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == store_db.SQLITE_BUSY_TIMEOUT_MS
    engine.dispose()


def test_sqlite_writers_queue_instead_of_failing(sqlite_url):
    """Two writers at once: the second waits for the first's commit, and both rows land."""
    engine = store_db.open_store(sqlite_url)
    first_has_lock = threading.Event()

    def slow_writer() -> None:
        with store_db.session(engine, write=True) as db_session:
            add_entity(db_session, "First Writer")
            first_has_lock.set()
            time.sleep(0.5)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    first_has_lock.wait(5)
    with store_db.session(engine, write=True) as db_session:
        add_entity(db_session, "Second Writer")
    thread.join()
    with store_db.session(engine) as db_session:
        names = sorted(db_session.exec(select(Entity.name)).all())
    engine.dispose()
    assert names == ["First Writer", "Second Writer"]


def test_the_documented_search_expressions_use_the_full_text_index(engine):
    """Queries written as models.py documents them hit FTS5 / the GIN index, not a scan."""
    with store_db.session(engine, write=True) as db_session:
        add_quote(db_session, "You are far beyond smart.")
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            plan = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'smart'"
            ).all()
            assert any("VIRTUAL TABLE INDEX" in str(row) for row in plan), plan
        else:
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = connection.exec_driver_sql(
                "EXPLAIN SELECT id FROM quotes WHERE to_tsvector('english', text) "
                "@@ websearch_to_tsquery('english', 'smart')"
            ).all()
            assert any("ix_quotes_text_search" in row[0] for row in plan), plan
