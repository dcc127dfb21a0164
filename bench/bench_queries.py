"""Query latency and export throughput on a generated SQLite store.

    python bench/bench_queries.py                  # 1,000,000 quotes
    python bench/bench_queries.py --quotes 200000  # a smaller run
    python bench/bench_queries.py --db /tmp/q.db --reuse   # measure an existing store again

Builds the store by running the migrations, then bulk-inserts generated rows
(executemany; the schema's triggers, FTS5 index included, fire as they would on
ingest). Speakers, recipients and words follow Zipf-like laws, as in news: a
few people are quoted very often, most rarely; quotes are 4 to 40 words.
Prints the median latency of the library calls behind `quotes --speaker`,
`quotes --to` and `who-said` (Python start-up excluded), and `export --format
csv` rows/s.
"""

import argparse
import hashlib
import io
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from quotedb import formats, queries
from quotedb.store import db as store_db
from quotedb.store.keys import name_key, quote_key

FIRST = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Maria",
    "José",
    "Ana",
    "Ahmed",
    "Fatima",
    "Wei",
    "Yuki",
    "Olga",
    "Ivan",
    "Pierre",
    "Amélie",
    "Hans",
    "Greta",
    "Ngozi",
    "Chidi",
    "Priya",
    "Arjun",
    "Sofia",
    "Mateo",
    "Lucía",
    "Kim",
    "Min-jun",
    "Seo-yeon",
    "Hiroshi",
    "Aiko",
    "Emmanuel",
    "Angela",
    "Boris",
    "Jacinda",
    "Narendra",
    "Recep",
    "Xi",
]
SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ne",
    "ta",
    "lu",
    "si",
    "ve",
    "do",
    "ra",
    "na",
    "be",
    "li",
    "co",
    "pa",
    "ste",
    "mar",
    "tin",
    "son",
    "berg",
    "ler",
    "ova",
    "ez",
    "ski",
    "wa",
    "hi",
    "ro",
    "yo",
    "ma",
    "an",
    "el",
    "ol",
    "ur",
    "ix",
    "qu",
    "gr",
    "th",
    "ch",
    "sh",
    "pl",
    "st",
    "tr",
    "br",
]
FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "will",
    "our",
    "more",
    "if",
    "no",
    "when",
    "what",
    "so",
    "can",
    "about",
    "who",
    "them",
    "than",
    "i",
    "my",
    "very",
]
KINDS = ("direct", "direct", "partial", "indirect", "indirect", "mixed")
SOURCE_KINDS = ("letter", "tweet", "interview", "speech", "statement", "book", "press conference")
VERBS = ("said", "told", "wrote", "added", "claimed", "argued", "insisted")
PUBLISHERS = [f"The {name} {kind}" for name in FIRST[:20] for kind in ("Times", "Post", "Herald")]


def zipf_weights(count: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def build(url: str, quotes: int, seed: int = 7) -> None:
    """Migrates a new store at `url` and fills it with `quotes` generated quotes."""
    rng = random.Random(seed)
    store_db.migrate(url)
    engine = store_db.make_engine(url)
    people = max(1000, quotes // 20)
    documents = max(100, quotes // 8)
    vocabulary = FUNCTION_WORDS + sorted({made_up_word(rng) for _ in range(30_000)})
    word_weights = zipf_weights(len(vocabulary), 1.0)
    surnames = sorted({made_up_word(rng).capitalize() for _ in range(people * 2)})
    names = sorted({f"{rng.choice(FIRST)} {rng.choice(surnames)}" for _ in range(people * 2)})
    names = ["Donald Trump", "Kim Jong-un", "Barack Obama", *rng.sample(names, people - 3)]
    speaker_weights = zipf_weights(len(names), 1.05)
    started = time.perf_counter()
    now = "2026-01-01 00:00:00"
    with engine.begin() as connection:
        execute = connection.exec_driver_sql
        execute(
            "INSERT INTO entities (id, name, key, kind, qid, description, extra, created_at) "
            "VALUES (?, ?, ?, 'person', ?, ?, '{}', ?)",
            [
                (number, name, name_key(name), f"Q{1000 + number}", "generated person", now)
                for number, name in enumerate(names, 1)
            ],
        )
        execute(
            "INSERT INTO aliases (entity_id, text, key, origin, created_at) "
            "VALUES (?, ?, ?, 'machine', ?)",
            [
                (number, name.split()[-1], name_key(name.split()[-1]), now)
                for number, name in enumerate(names, 1)
            ],
        )
        execute(
            "INSERT INTO sources (id, kind, title, created_at) VALUES (?, ?, ?, ?)",
            [(number, rng.choice(SOURCE_KINDS), None, now) for number in range(1, 1001)],
        )
        speakers = rng.choices(range(1, len(names) + 1), cum_weights=speaker_weights, k=quotes)
        quote_id = 0
        occurrence_id = 0
        first_day = date(2015, 1, 1)
        per_document = quotes / documents
        for document_id in range(1, documents + 1):
            count = int(per_document * document_id) - int(per_document * (document_id - 1))
            published = first_day + timedelta(days=rng.randrange(4000))
            parts, quote_rows, occurrence_rows, recipient_rows, about_rows = [], [], [], [], []
            offset = 0
            for _ in range(count):
                quote_id += 1
                occurrence_id += 1
                speaker = speakers[quote_id - 1]
                words = rng.choices(vocabulary, cum_weights=word_weights, k=rng.randint(4, 40))
                text = " ".join(words).capitalize()
                verb = rng.choice(VERBS)
                sentence = f'"{text}," {names[speaker - 1]} {verb}. '
                start = offset + 1
                end = start + len(text)
                mention_start = end + 3
                mention_end = mention_start + len(names[speaker - 1])
                cue_start = mention_end + 1
                quote_rows.append(
                    (quote_id, text, quote_key(text), rng.choice(KINDS), speaker, None,
                     round(rng.uniform(0.3, 1.0), 2), published.isoformat(), document_id, now)
                )  # fmt: skip
                occurrence_rows.append(
                    (occurrence_id, quote_id, document_id, start, end, json.dumps([[start, end]]),
                     names[speaker - 1], mention_start, mention_end, verb, cue_start,
                     cue_start + len(verb), "quote-cue-after", round(rng.uniform(0.3, 1.0), 2),
                     rng.randint(1, 1000) if rng.random() < 0.1 else None)
                )  # fmt: skip
                if rng.random() < 0.3:
                    (to,) = rng.choices(range(1, len(names) + 1), cum_weights=speaker_weights)
                    if to != speaker:
                        recipient_rows.append((occurrence_id, to))
                if rng.random() < 0.2:
                    about_rows.append((occurrence_id, rng.randint(1, len(names))))
                parts.append(sentence)
                offset += len(sentence)
            body = "".join(parts)
            execute(
                "INSERT INTO documents (id, title, url, publisher, published, text, content_hash, "
                "version, ingested_at, extra) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, '{}')",
                [
                    (
                        document_id,
                        f"Article {document_id}",
                        f"https://news.example/{document_id}",
                        rng.choice(PUBLISHERS),
                        published.isoformat(),
                        body,
                        hashlib.sha256(body.encode()).hexdigest(),
                        now,
                    )
                ],
            )
            execute(
                "INSERT INTO quotes (id, text, key, kind, speaker_id, claimed_by_id, confidence, "
                "first_published, first_document_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                quote_rows,
            )
            execute(
                "INSERT INTO quote_occurrences (id, quote_id, document_id, content_start, "
                "content_end, spans, speaker_mention, speaker_mention_start, speaker_mention_end, "
                "cue, cue_start, cue_end, rule, confidence, source_id, superseded) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                occurrence_rows,
            )
            if recipient_rows:
                execute(
                    "INSERT INTO quote_recipients (occurrence_id, entity_id) VALUES (?, ?)",
                    recipient_rows,
                )
            if about_rows:
                execute(
                    "INSERT INTO quote_about (occurrence_id, entity_id) VALUES (?, ?)", about_rows
                )
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    seconds = time.perf_counter() - started
    print(f"built {quotes:,} quotes, {documents:,} documents, {len(names):,} people "
          f"in {seconds:.0f} s ({quotes / seconds:,.0f} quotes/s)")  # fmt: skip


def median_ms(calls: list, runs: int = 1) -> tuple[float, float]:
    """Median and 90th percentile milliseconds of the calls (each consumed fully)."""
    timings = []
    for call in calls:
        for _ in range(runs):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1]


def measure(url: str, samples: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    engine = store_db.open_store(url)
    with engine.connect() as connection:
        total = connection.exec_driver_sql("SELECT count(*) FROM quote_occurrences").scalar()
        # People as users look them up: drawn in proportion to how often they are quoted.
        speakers = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id "
                f"ORDER BY random() LIMIT {samples}"
            )
        ]
        recipients = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT e.name FROM quote_recipients r JOIN entities e ON e.id = r.entity_id "
                f"ORDER BY random() LIMIT {samples}"
            )
        ]
        texts = [
            row[0]
            for row in connection.exec_driver_sql(
                f"SELECT text FROM quotes ORDER BY random() LIMIT {samples}"
            )
        ]
    phrases = []
    misremembered = []
    for text in texts:
        words = text.split()
        start = rng.randrange(max(1, len(words) - 5))
        phrase = words[start : start + 5]
        phrases.append(" ".join(phrase))
        # Drop a letter from each of the longer words: FTS finds nothing, fuzzy must.
        misremembered.append(" ".join(word[:-1] if len(word) > 5 else word for word in phrase))

    def listing(**where):
        return lambda: sum(1 for _ in queries.quotes(engine, queries.QuoteFilter(**where)))

    sizes = [
        sum(1 for _ in queries.quotes(engine, queries.QuoteFilter(speaker=name)))
        for name in speakers
    ]
    print(f"store: {total:,} quote occurrences; {samples} samples per figure")
    print(f"  rows per sampled speaker: median {statistics.median(sizes):,.0f}, max {max(sizes):,}")
    figures = [
        ("quotes --speaker NAME --limit 100", [listing(speaker=n, limit=100) for n in speakers]),
        ("quotes --speaker NAME (all rows)", [listing(speaker=n) for n in speakers]),
        ("quotes --to NAME --limit 100", [listing(to=n, limit=100) for n in recipients]),
        ("quotes --to NAME (all rows)", [listing(to=n) for n in recipients]),
        ("who-said PHRASE", [lambda p=p: queries.who_said(engine, p) for p in phrases]),
        (
            "who-said MISSPELT (fuzzy fallback)",
            [lambda p=p: queries.who_said(engine, p) for p in misremembered],
        ),
    ]
    found = sum(
        any(hit["text"] == text for hit in queries.who_said(engine, phrase))
        for phrase, text in zip(misremembered, texts, strict=True)
    )
    for label, calls in figures:
        median, p90 = median_ms(calls)
        print(f"  {label:<38} median {median:7.1f} ms   p90 {p90:7.1f} ms")
    print(f"  fuzzy fallback listed the right quote for {found}/{len(texts)} misspelt phrases")
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as out:
        started = time.perf_counter()
        # As `quotedb export --format csv` calls them.
        rows = formats.write_csv(
            queries.quote_tuples(engine, order="id", list_separator=formats.LIST_SEPARATOR),
            out,
            queries.QUOTE_COLUMNS,
        )
        seconds = time.perf_counter() - started
        size = out.tell()
    print(f"  export --format csv: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s "
          f"({size / 2**20:,.0f} MB)")  # fmt: skip
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes to generate")
    parser.add_argument("--db", type=Path, help="SQLite file (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="measure --db as it is")
    parser.add_argument("--samples", type=int, default=50, help="queries per figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        url = f"sqlite:///{path}"
        if not args.reuse:
            if path.exists():
                sys.exit(f"{path} exists; remove it or pass --reuse")
            build(url, args.quotes)
        measure(url, args.samples)


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    main()
