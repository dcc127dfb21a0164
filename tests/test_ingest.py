"""`quotedb ingest` end to end: real files, the real CLI, real SQLite and PostgreSQL databases."""

import dataclasses
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from quotedb.cli import main

REPO = Path(__file__).resolve().parents[1]
QUOTEDB = [sys.executable, "-c", "from quotedb.cli import main; main()"]
SEED = REPO / "seeds" / "000_e82945906d6fb749.txt"
TABLES = (
    "documents",
    "entities",
    "aliases",
    "sources",
    "source_links",
    "quotes",
    "quote_occurrences",
    "quote_recipients",
    "quote_about",
)


def ingest(db_url: str, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", db_url, "ingest", *map(str, args)], input=input)


def rows(db_url: str, sql: str, **params) -> list[tuple]:
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(sa.text(sql), params)]
    finally:
        engine.dispose()


def counts(db_url: str) -> dict[str, int]:
    return {table: rows(db_url, f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def quotes_of(db_url: str, speaker: str) -> list[tuple]:
    """(quote text, recipient names, document id, content offsets) of a speaker's occurrences."""
    return rows(
        db_url,
        "SELECT q.text, o.document_id, o.content_start, o.content_end, o.id FROM quotes q "
        "JOIN entities s ON s.id = q.speaker_id "
        "JOIN quote_occurrences o ON o.quote_id = q.id WHERE s.name = :speaker ORDER BY o.id",
        speaker=speaker,
    )


def test_seed_article_lands_with_kims_letters_to_trump(db_url: str) -> None:
    result = ingest(db_url, SEED)
    assert result.exit_code == 0, result.output
    assert "1 ingested, 0 unchanged, 0 skipped, 0 failed" in result.output

    kim = rows(db_url, "SELECT id, qid FROM entities WHERE name = 'Kim Jong-un'")
    assert len(kim) == 1 and kim[0][1] == "Q56226"
    letter = rows(
        db_url,
        "SELECT q.text, r.name, src.kind, o.speaker_mention, o.cue FROM quotes q "
        "JOIN quote_occurrences o ON o.quote_id = q.id "
        "JOIN quote_recipients qr ON qr.occurrence_id = o.id "
        "JOIN entities r ON r.id = qr.entity_id "
        "LEFT JOIN sources src ON src.id = o.source_id "
        "WHERE q.speaker_id = :kim AND q.text LIKE 'I feel pleased%'",
        kim=kim[0][0],
    )
    assert letter == [
        (
            (
                "I feel pleased to have formed good ties with such a powerful and preeminent "
                "statesman as Your Excellency"
            ),
            "Donald Trump",
            "letter",
            "Kim",
            "wrote",
        )
    ]
    # Every occurrence points back to its evidence: the offsets cut the quote out of the text.
    text = rows(db_url, "SELECT text FROM documents")[0][0]
    evidence = rows(
        db_url,
        "SELECT q.text, o.spans FROM quotes q JOIN quote_occurrences o ON o.quote_id = q.id",
    )
    assert len(evidence) > 5
    for quote_text, spans in evidence:
        spans = json.loads(spans) if isinstance(spans, str) else spans
        assert " ".join(text[start:end] for start, end in spans) == quote_text
    assert "the dictator" in {a for (a,) in rows(db_url, "SELECT text FROM aliases")}
    # The letter was printed in Woodward's book "Rage", which this article reports.
    chain = rows(
        db_url,
        "SELECT f.kind, t.kind, t.title FROM source_links l JOIN sources f "
        "ON f.id = l.from_source_id JOIN sources t ON t.id = l.to_source_id",
    )
    assert ("letter", "book", "Rage") in chain
    assert ("book", "article", "Mirror Online") in chain  # "…, reports Mirror Online."


def test_reingesting_changes_nothing(db_url: str, tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", SEED.read_text())
    write(
        tmp_path / "in", "b.txt", 'Talks\n\n"We will meet again soon," Kim Jong-un said on Friday.'
    )
    first = ingest(db_url, tmp_path / "in")
    assert first.exit_code == 0, first.output
    before = counts(db_url)
    assert before["documents"] == 2 and before["quotes"] > 2

    second = ingest(db_url, tmp_path / "in", "--json")
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout) == {
        "ingested": 0,
        "unchanged": 2,
        "skipped": 0,
        "failed": 0,
        "quotes": 0,
    }
    assert counts(db_url) == before


def test_one_person_across_two_documents_is_one_entity(db_url: str, tmp_path: Path) -> None:
    write(
        tmp_path / "in", "1.txt", 'Summit\n\n"We will never give up," Kim Jong-un said on Monday.'
    )
    write(tmp_path / "in", "2.txt", 'Talks\n\nKim Jong-un told reporters: "The talks went well."')
    write(tmp_path / "in", "3.txt", 'Mayor\n\n"The bridge opens in May," Jane Doherty said.')
    write(
        tmp_path / "in", "4.txt", 'Council\n\nJane Doherty told the council: "We need more buses."'
    )
    assert ingest(db_url, tmp_path / "in").exit_code == 0

    for name in ("Kim Jong-un", "Jane Doherty"):
        assert len(rows(db_url, "SELECT id FROM entities WHERE name = :n", n=name)) == 1
        occurrences = quotes_of(db_url, name)
        assert len({document for _text, document, *_ in occurrences}) == 2, occurrences


def test_a_kim_who_is_not_kim_jong_un_stays_apart(db_url: str, tmp_path: Path) -> None:
    write(tmp_path / "in", "1.txt", SEED.read_text())
    write(
        tmp_path / "in", "2.txt", 'Star\n\nKim Kardashian said: "I love my fans." Kim added more.'
    )
    write(tmp_path / "in", "3.txt", 'Show\n\n"We are ready for the show," Kim said on Monday.')
    write(tmp_path / "in", "4.txt", 'Season\n\nKim told reporters: "The season starts in May."')
    assert ingest(db_url, tmp_path / "in").exit_code == 0

    kardashian = quotes_of(db_url, "Kim Kardashian")
    assert [text for text, *_ in kardashian] == ["I love my fans."]
    assert all(text != "I love my fans." for text, *_ in quotes_of(db_url, "Kim Jong-un"))
    # A bare "Kim" in two unrelated articles is two entities, each saying why it stands alone.
    lone_kims = rows(db_url, "SELECT id, extra FROM entities WHERE name = 'Kim' ORDER BY id")
    assert len(lone_kims) == 2
    kept_to = set()
    for _id, extra in lone_kims:
        extra = json.loads(extra) if isinstance(extra, str) else extra
        assert "ambiguous" in extra["kept_apart"]
        kept_to.add(int(extra["kept_apart"].rsplit(" ", 1)[1]))
    shows = rows(db_url, "SELECT id FROM documents WHERE title IN ('Show', 'Season')")
    assert kept_to == {document_id for (document_id,) in shows}
    # The seed's own "Kim" stays an alias of Kim Jong-un, never of the other Kims.
    alias_owners = rows(
        db_url,
        "SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.text = 'Kim'",
    )
    assert ("Kim Jong-un",) in alias_owners and ("Kim",) not in alias_owners


def test_same_quote_in_two_articles_is_one_quote_with_two_occurrences(
    db_url: str, tmp_path: Path
) -> None:
    said = '"We will never give up our weapons," Kim Jong-un said.'
    write(
        tmp_path / "in",
        "a.jsonl",
        json.dumps({"text": f"Pyongyang\n\n{said}", "date": "2020-09-12"}),
    )
    write(
        tmp_path / "in",
        "b.jsonl",
        json.dumps({"text": f"Seoul\n\nToday: {said}", "date": "2020-09-10"}),
    )
    assert ingest(db_url, tmp_path / "in").exit_code == 0

    occurrences = quotes_of(db_url, "Kim Jong-un")
    assert len(occurrences) == 2
    assert len(rows(db_url, "SELECT id FROM quotes")) == 1
    texts = dict(rows(db_url, "SELECT id, text FROM documents"))
    for quote_text, document_id, start, end, _id in occurrences:
        assert texts[document_id][start:end] == quote_text
    # The first appearance is the earliest publication, not the first file read.
    first = rows(
        db_url,
        "SELECT q.first_published, d.published FROM quotes q "
        "JOIN documents d ON d.id = q.first_document_id",
    )
    assert [(str(a), str(b)) for a, b in first] == [("2020-09-10", "2020-09-10")]


def test_the_same_words_merge_only_under_one_known_speaker(db_url: str, tmp_path: Path) -> None:
    """Kim Jong-un's words in two articles are one quote; a lone "Kim" is a different
    entity in each article, and unattributed words belong to no one: theirs stay apart."""
    for name in ("a", "b"):
        write(tmp_path / "in", f"{name}1.txt", f'Summit {name}\n\n"We will win," Kim Jong-un said.')
        write(
            tmp_path / "in", f"{name}2.txt", f'Show {name}\n\n"The season starts soon," Kim said.'
        )
        write(tmp_path / "in", f"{name}3.txt", f'Rally {name}\n\n"Nobody knows what comes next."')
    # One run: the later articles' look-ups meet the earlier ones' rows.
    assert ingest(db_url, tmp_path / "in").exit_code == 0

    per_quote = rows(
        db_url,
        "SELECT q.text, e.name, count(o.id) FROM quotes q "
        "LEFT JOIN entities e ON e.id = q.speaker_id "
        "JOIN quote_occurrences o ON o.quote_id = q.id "
        "GROUP BY q.id, q.text, e.name ORDER BY q.text, q.id",
    )
    assert per_quote == [
        ("Nobody knows what comes next.", None, 1),
        ("Nobody knows what comes next.", None, 1),
        ("The season starts soon", "Kim", 1),
        ("The season starts soon", "Kim", 1),
        ("We will win", "Kim Jong-un", 2),
    ]


def test_an_alias_found_in_several_articles_is_stored_once(db_url: str, tmp_path: Path) -> None:
    """Three articles in one run call Kim Jong-un "the dictator": one alias row, from
    the first of them; the later ones are skipped, not errors."""
    for name in ("a", "b", "c"):
        write(
            tmp_path / "in",
            f"{name}.txt",
            f'Summit {name}\n\nKim Jong-un met Trump. "We will win {name}," the dictator said.',
        )
    result = ingest(db_url, tmp_path / "in")
    assert result.exit_code == 0, result.output

    aliases = rows(
        db_url,
        "SELECT e.name, a.text, d.title FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "JOIN documents d ON d.id = a.document_id",
    )
    assert aliases == [("Kim Jong-un", "the dictator", "Summit a")]


def test_changed_text_under_the_same_url_is_a_new_version(db_url: str, tmp_path: Path) -> None:
    url = "https://example.com/summit"
    old = write(tmp_path / "in", "old.txt", 'Summit\n\n"We will never give up," Kim Jong-un said.')
    new = write(
        tmp_path / "in", "new.txt", 'Summit\n\n"We may talk again," Kim Jong-un said today.'
    )
    assert ingest(db_url, old, "--url", url).exit_code == 0
    result = ingest(db_url, new, "--url", url)
    assert result.exit_code == 0, result.output

    versions = rows(
        db_url,
        "SELECT id, version, superseded_by_id FROM documents WHERE url = :u ORDER BY id",
        u=url,
    )
    assert [(v, s) for _i, v, s in versions] == [(1, versions[1][0]), (2, None)]
    superseded = rows(
        db_url,
        "SELECT o.document_id, o.superseded FROM quote_occurrences o ORDER BY o.document_id",
    )
    assert [(d, bool(s)) for d, s in superseded] == [
        (versions[0][0], True),
        (versions[1][0], False),
    ]


def test_one_run_stores_versions_repeats_and_shared_rows_as_separate_runs_do(
    db_url: str, tmp_path: Path
) -> None:
    # Documents written together (one batch, one group) see each other's rows.
    url = "https://example.com/summit"
    first = 'Summit\n\n"We will never give up," Kim Jong-un said.'
    write(tmp_path / "in", "1.txt", first)
    write(tmp_path / "in", "2.txt", 'Summit\n\n"We may talk again," Kim Jong-un said today.')
    write(tmp_path / "in", "3.txt", first)
    result = ingest(db_url, tmp_path / "in", "--url", url)
    assert result.exit_code == 0, result.output
    assert "2 ingested, 1 unchanged" in result.output
    versions = rows(db_url, "SELECT id, version, superseded_by_id FROM documents ORDER BY version")
    assert [(v, s) for _i, v, s in versions] == [(1, versions[1][0]), (2, None)]

    seed = SEED.read_text()
    write(tmp_path / "seeds", "a.txt", seed)
    write(tmp_path / "seeds", "b.txt", seed + "\n\nUpdated on Friday.")
    assert ingest(db_url, tmp_path / "seeds").exit_code == 0
    assert rows(db_url, "SELECT count(*) FROM sources WHERE title = 'Rage'") == [(1,)]
    assert rows(db_url, "SELECT count(*) FROM entities WHERE name = 'Kim Jong-un'") == [(1,)]
    # Each of Kim's quotes is one quote with an occurrence in each copy.
    per_quote = rows(
        db_url,
        "SELECT count(*) FROM quote_occurrences o JOIN quotes q ON q.id = o.quote_id "
        "JOIN entities e ON e.id = q.speaker_id JOIN documents d ON d.id = o.document_id "
        "WHERE e.name = 'Kim Jong-un' AND d.url IS NULL GROUP BY o.quote_id",
    )
    assert per_quote and {count for (count,) in per_quote} == {2}


def test_stdin_with_metadata(db_url: str) -> None:
    text = 'Summit\n\n"We will never give up," Kim Jong-un said.'
    result = ingest(db_url, "-", "--publisher", "Mirror", "--date", "2020-09-10", input=text)
    assert result.exit_code == 0, result.output
    [(publisher, published, title)] = rows(
        db_url, "SELECT publisher, published, title FROM documents"
    )
    assert (publisher, str(published), title) == ("Mirror", "2020-09-10", "Summit")


BAD_INPUTS = {
    "binary": ("bad.txt", b"\x00\x01\x02binary\x00", "binary"),
    "invalid UTF-8": ("bad.txt", b"caf\xe9 \xff\xfe\xfd\xfc \xc3\x28" * 20, "not UTF-8"),
    "empty": ("bad.txt", b"", "empty"),
    "broken JSON line": ("bad.jsonl", b'{"text": "A fine line."}\n{broken\n', "not valid JSON"),
    "unreadable": ("missing.txt", None, "cannot be opened"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_a_bad_input_is_one_line_and_the_good_ones_land(
    sqlite_url: str, tmp_path: Path, kind: str
) -> None:
    name, content, reason = BAD_INPUTS[kind]
    good = write(tmp_path / "in", "good.txt", SEED.read_text())
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = ingest(sqlite_url, bad, good)

    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert str(bad) in errors[0] and reason in errors[0]
    assert "Traceback" not in result.output
    assert "1 failed" in result.stdout
    ingested = 2 if kind == "broken JSON line" else 1  # the file's good line still lands
    assert f"{ingested} ingested" in result.stdout
    assert counts(sqlite_url)["documents"] == ingested


def write_corpus(folder: Path, documents: int) -> Path:
    """Distinct articles: the seed text, each with a quote of its own by a person of its own."""
    seed = SEED.read_text()
    for number in range(documents):
        write(
            folder,
            f"{number:04}.txt",
            f'{seed}\n\n"Statement number {number} stands," Minister Anna Number{number % 37} '
            f"said in letter {number}.",
        )
    return folder


def run_cli(db_url: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*QUOTEDB, "--db", db_url, "ingest", "--quiet", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kill_9_mid_run_then_rerun_matches_a_clean_run(db_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 400)
    killed = run_cli(db_url, str(corpus))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and killed.poll() is None:
        if rows(db_url, "SELECT count(*) FROM documents")[0][0] > 0:
            break
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    partial = counts(db_url)["documents"]
    assert 0 < partial < 400, f"the kill did not land mid-run ({partial} documents stored)"

    rerun = run_cli(db_url, str(corpus))
    assert rerun.wait() == 0, rerun.stderr.read()
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = run_cli(clean_url, str(corpus))
    assert clean.wait() == 0, clean.stderr.read()
    assert counts(db_url) == counts(clean_url)
    assert counts(db_url)["documents"] == 400


def test_two_concurrent_ingests_lose_nothing(db_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 160)
    first, second = run_cli(db_url, str(corpus)), run_cli(db_url, "--jobs", "2", str(corpus))
    assert first.wait() == 0, first.stderr.read()
    assert second.wait() == 0, second.stderr.read()

    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = run_cli(clean_url, str(corpus))
    assert clean.wait() == 0, clean.stderr.read()
    assert counts(db_url) == counts(clean_url)
    assert rows(db_url, "SELECT count(*) FROM entities WHERE name = 'Kim Jong-un'") == [(1,)]


def test_progress_bar_stays_off_when_piped(sqlite_url: str) -> None:
    process = subprocess.run(
        [*QUOTEDB, "--db", sqlite_url, "ingest", str(SEED)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert process.stderr == ""
    assert re.fullmatch(
        r"1 ingested, 0 unchanged, 0 skipped, 0 failed \(\d+ quotes\)\n", process.stdout
    )


@pytest.mark.parametrize("jobs", ["1", "2"])  # quote keys made by the writer, by the parsers
def test_a_very_long_quote_lands_and_still_deduplicates(
    db_url: str, tmp_path: Path, jobs: str
) -> None:
    # Longer than PostgreSQL's 2704-byte limit on an index row of quotes.key, even
    # compressed: words that do not repeat.
    words = " ".join(hashlib.sha256(bytes([number])).hexdigest()[:10] for number in range(250))
    said = f'"{words}," Kim Jong-un said.'
    write(tmp_path / "in", "a.txt", f"Speech\n\n{said}")
    write(tmp_path / "in", "b.txt", f"Long speech\n\nOn Monday: {said}")
    result = ingest(db_url, tmp_path / "in", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    [(text, occurrences)] = rows(
        db_url,
        "SELECT q.text, count(o.id) FROM quotes q "
        "JOIN quote_occurrences o ON o.quote_id = q.id GROUP BY q.text",
    )
    assert (text, occurrences) == (words, 2)


def test_ctrl_c_stops_cleanly_with_one_line_and_keeps_what_was_committed(
    sqlite_url: str, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "corpus", 400)
    process = subprocess.Popen(
        [*QUOTEDB, "--db", sqlite_url, "ingest", "--jobs", "2", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and rows(sqlite_url, "SELECT count(*) FROM documents") == [
        (0,)
    ]:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)  # no hang in the parsing pool
    stored = rows(sqlite_url, "SELECT count(*) FROM documents")[0][0]
    if process.returncode == 0:
        pytest.fail(f"the interrupt came after the run finished ({stored} documents)")
    assert process.returncode == 1
    assert err == f"Error: interrupted after {stored} inputs; re-run the same command to finish\n"


def test_a_stop_lets_the_parsing_processes_finish_on_their_own(tmp_path: Path) -> None:
    """Killing a parsing process halfway through writing its result can hang the pool's
    threads for good (CPython issues 96995 and 78178); on Ctrl-C or an error they stop
    on their own, with exit code 0."""
    import multiprocessing

    from quotedb.readers import read_documents
    from quotedb.store.pipeline import _parsing

    corpus = write_corpus(tmp_path / "corpus", 400)
    with (
        pytest.raises(KeyboardInterrupt),
        _parsing(read_documents([corpus]), jobs=2, chunk_size=8) as prepared,
    ):
        workers = [p for p in multiprocessing.active_children() if "PoolWorker" in p.name]
        first = prepared.next()
        raise KeyboardInterrupt
    assert Path(first.raw.origin.path).name == "0000.txt"
    assert len(workers) == 2
    assert [worker.exitcode for worker in workers] == [0, 0]


def test_ctrl_c_taken_by_another_thread_waits_until_the_batch_is_counted() -> None:
    """The kernel may hand SIGINT to any thread (the parsing pool runs several); the
    commit and its count must still finish before the interrupt is raised."""
    from quotedb.store.ingest import _interrupts_deferred

    idle = threading.Event()
    other = threading.Thread(target=idle.wait, daemon=True)  # a thread SIGINT may land in
    other.start()
    steps = []
    try:
        with pytest.raises(KeyboardInterrupt), _interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.1)  # the signal is taken meanwhile, by whichever thread
            steps.append("committed and counted")
    finally:
        idle.set()
    assert steps == ["committed and counted"]


def test_ctrl_c_while_outcomes_are_handed_over_counts_the_whole_committed_batch(
    engine, db_url: str, tmp_path: Path
) -> None:
    from quotedb.readers import read_documents
    from quotedb.store.pipeline import BATCH_DOCUMENTS
    from quotedb.store.pipeline import ingest as ingest_documents

    corpus = write_corpus(tmp_path / "corpus", BATCH_DOCUMENTS + 10)
    run = ingest_documents(engine, read_documents([corpus]))
    handed_over = 0
    with pytest.raises(KeyboardInterrupt):
        for _outcome in run:
            handed_over += 1
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the first outcome is handled
    stored = counts(db_url)["documents"]
    assert handed_over == 1
    assert stored > 0
    assert run.committed == stored


def test_a_document_the_store_refuses_fails_alone(engine, db_url: str) -> None:
    from quotedb.readers import RawDocument
    from quotedb.readers.records import Origin
    from quotedb.store.ingest import Writer
    from quotedb.store.pipeline import prepare

    said = 'Speech\n\n"We will meet again," Kim Jong-un said.'
    good, bad, after = (
        prepare(RawDocument(text=f"{said}\n\n{n}", origin=Origin(f"{n}.txt"), format="text"))
        for n in ("one", "two", "three")
    )
    # Offsets past the end of its text: the database's offset check refuses the occurrence.
    [quote] = bad.quotes
    bad = dataclasses.replace(bad, quotes=(quote._replace(spans=((9_000, 9_009),)),))
    first, second, third = Writer(engine).write([good, bad, after])
    assert (first.status, second.status, third.status) == ("ingested", "failed", "ingested")
    assert second.reason.startswith("the store refused it")
    assert counts(db_url)["documents"] == 2
    assert counts(db_url)["quotes"] == 1  # the same words by the same speaker
    assert rows(db_url, "SELECT count(*) FROM quote_occurrences")[0][0] == 2


def test_entity_look_ups_are_planned_for_the_keys_they_ask(engine) -> None:
    # A statement psycopg prepared, PostgreSQL may plan once for any keys: on a new
    # store that plan scans every entity for each key asked.
    from quotedb.store.ingest import Lookups
    from quotedb.store.models import utcnow
    from quotedb.store.tables import ENTITIES

    moon = {"name": "Moon Jae-in", "key": "moon jae in", "kind": "person", "qid": None}
    with engine.begin() as connection:
        connection.execute(
            ENTITIES.insert(), [moon | {"description": None, "extra": {}, "created_at": utcnow()}]
        )
        lookups = Lookups(connection)
        for _ in range(6):  # psycopg prepares a statement on its fifth run
            [entity] = lookups.entities_by_keys({"moon jae in", "nobody"})
            assert (entity.key, entity.kind, entity.qid) == ("moon jae in", "person", None)
        if engine.dialect.name == "postgresql":
            prepared = connection.exec_driver_sql("SELECT statement FROM pg_prepared_statements")
            assert not [text for (text,) in prepared if "FROM entities" in text]


def test_ingest_leaves_the_pooled_sqlite_connection_as_it_was(sqlite_url: str) -> None:
    from quotedb.readers import read_documents
    from quotedb.store.db import open_store
    from quotedb.store.pipeline import ingest as ingest_documents

    engine = open_store(sqlite_url)
    try:
        [outcome] = ingest_documents(engine, read_documents([str(SEED)]))
        assert outcome.status == "ingested"
        with engine.connect() as connection:
            # SAVEPOINT journals were kept in memory for the writer only (0: the default).
            assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == 0
    finally:
        engine.dispose()
