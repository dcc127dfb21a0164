"""How fast `quotedb ingest` stores the PolNeAR texts, and in how much memory.

Ingests the PolNeAR train+dev texts (../shared/data/polnear/*/text/*.txt) into
a new SQLite file with --jobs 1 and --jobs 2 (and into a new PostgreSQL
database with --postgres URL), each run a fresh `quotedb ingest` process, and
prints documents/s, quotes/s and the peak resident memory of the largest
process (the writer; parsing processes are smaller). `--jsonl-mb N` also
ingests an N MB JSON Lines corpus generated from the same texts, into SQLite
and, with --postgres, into PostgreSQL (the constant-memory bar is 1000 MB,
which takes a while). `--repeat N` runs
each configuration N times, interleaved, and ends with each one's best and
range: on a shared machine single runs vary by a third.

    .venv/bin/python bench/bench_ingest.py
    .venv/bin/python bench/bench_ingest.py --postgres postgresql://localhost/bench --jsonl-mb 100
    .venv/bin/python bench/bench_ingest.py --jobs 1 2 --repeat 3
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from bench_readers import real_texts, write_corpus  # bench/ is the script's folder

from quotedb.store.db import make_engine

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
QUOTEDB = [sys.executable, "-c", "from quotedb.cli import main; main()"]


def run_ingest(db_url: str, paths: list[str], jobs: int) -> tuple[float, int, int, float]:
    """Seconds, documents, quotes and peak RSS (MB) of one `quotedb ingest` run."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*QUOTEDB, "--db", db_url, "ingest", "--quiet", "--jobs", str(jobs), *paths]
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"quotedb ingest failed (exit {os.waitstatus_to_exitcode(status)})")
    engine = make_engine(db_url)
    with engine.connect() as connection:
        documents = connection.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
        quotes = connection.execute(sa.text("SELECT count(*) FROM quote_occurrences")).scalar_one()
    engine.dispose()
    return seconds, documents, quotes, usage.ru_maxrss / 1024


def fresh_postgres(server_url: str) -> str:
    """A new, empty database on the server (dropped and re-created)."""
    url = _admin_url(server_url)
    _on_server(url, f"DROP DATABASE IF EXISTS {_BENCH_DATABASE} WITH (FORCE)")
    _on_server(url, f"CREATE DATABASE {_BENCH_DATABASE}")
    return url.set(database=_BENCH_DATABASE).render_as_string(hide_password=False)


def drop_postgres(server_url: str) -> None:
    """Drops the bench's database, so that no run leaves one behind."""
    _on_server(_admin_url(server_url), f"DROP DATABASE IF EXISTS {_BENCH_DATABASE} WITH (FORCE)")


_BENCH_DATABASE = f"quotedb_bench_{os.getpid()}"


def _admin_url(server_url: str) -> sa.URL:
    return sa.make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))


def _on_server(url: sa.URL, statement: str) -> None:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(statement)
    admin.dispose()


def report(label: str, seconds: float, documents: int, quotes: int, rss_mb: float) -> float:
    """Prints one run; returns its documents/s."""
    print(
        f"{label:<34} {documents:>7} docs {seconds:>7.1f} s {documents / seconds:>8.0f} docs/s "
        f"{quotes / seconds:>8.0f} quotes/s {rss_mb:>6.0f} MB peak RSS",
        flush=True,
    )
    return documents / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="also ingest into this PostgreSQL server")
    parser.add_argument("--jsonl-mb", type=int, default=0, help="also ingest N MB of JSON Lines")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration")
    args = parser.parse_args()

    folders = sorted(str(folder) for folder in POLNEAR.glob("*/text") if folder.is_dir())
    if not folders:
        print(f"skipped: no PolNeAR texts in {POLNEAR}/*/text (read-only shared data)")
        return
    texts = sum(len(list(Path(folder).glob("*.txt"))) for folder in folders)
    load = ", ".join(f"{average:.2f}" for average in os.getloadavg())
    print(f"PolNeAR: {texts} texts in {', '.join(folders)}; {os.cpu_count()} CPUs; load {load}")
    rates: dict[str, list[float]] = collections.defaultdict(list)
    try:
        run_all(args, folders, rates)
    finally:
        if args.postgres:
            drop_postgres(args.postgres)
    if args.repeat > 1:
        for label, runs in rates.items():
            print(
                f"{label:<34} best {max(runs):.0f} docs/s, range {min(runs):.0f}-{max(runs):.0f} "
                f"over {len(runs)} runs"
            )


def run_all(args: argparse.Namespace, folders: list[str], rates: dict[str, list[float]]) -> None:
    """Each configuration `args.repeat` times, then the JSON Lines corpus if asked."""
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.repeat):
            for jobs in args.jobs:
                label = f"SQLite, --jobs {jobs}"
                db_url = f"sqlite:///{scratch}/polnear-{jobs}-{run}.db"
                rates[label].append(report(label, *run_ingest(db_url, folders, jobs)))
                if args.postgres:
                    label = f"PostgreSQL, --jobs {jobs}"
                    db_url = fresh_postgres(args.postgres)
                    rates[label].append(report(label, *run_ingest(db_url, folders, jobs)))
        if args.jsonl_mb:
            corpus = Path(scratch) / "corpus.jsonl"
            write_corpus(corpus, args.jsonl_mb, real_texts())
            jobs = max(args.jobs)
            targets = [("SQLite", f"sqlite:///{scratch}/jsonl.db")]
            if args.postgres:
                targets.append(("PostgreSQL", fresh_postgres(args.postgres)))
            for engine_name, db_url in targets:
                report(
                    f"{engine_name}, {args.jsonl_mb} MB JSONL, --jobs {jobs}",
                    *run_ingest(db_url, [str(corpus)], jobs),
                )


if __name__ == "__main__":
    main()
