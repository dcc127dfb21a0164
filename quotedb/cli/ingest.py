"""`quotedb ingest PATH...`: read, parse and store articles, one line per bad input."""

import atexit
import functools
import gc
import json
import sys
from collections import Counter

import click

from quotedb.cli.app import main
from quotedb.readers import FORMATS, read_documents
from quotedb.store.errors import StoreError
from quotedb.store.pipeline import STATUSES, Outcome, ingest


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that parse in parallel (one writer commits).",
)
@click.option(
    "--format",
    "input_format",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Read every input as this format instead of choosing by extension and content.",
)
@click.option("--publisher", metavar="NAME", help="Publisher of every document read.")
@click.option("--url", metavar="URL", help="URL of every document read (a single article).")
@click.option(
    "--date", "published", metavar="YYYY-MM-DD", help="Publication date of every document."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.pass_context
def ingest_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    jobs: int,
    input_format: str,
    publisher: str | None,
    url: str | None,
    published: str | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Read articles (txt, md, html, jsonl, warc; folders recursively; - for stdin),
    find their quotes and store them.

    Each document is written in one transaction; re-ingesting an unchanged
    document changes nothing. A bad input is reported on one line and the
    others go on; the exit code is 1 when any input failed.

    \b
    Example:
        quotedb ingest seeds/ crawl.warc.gz --jobs 2
        cat article.txt | quotedb ingest - --url https://example.com/a --date 2020-09-10
    """
    try:
        results = read_documents(
            list(paths), format=input_format, publisher=publisher, url=url, date=published
        )
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--date'") from None
    counts: Counter[str] = Counter()
    quotes = 0
    # At exit the interpreter's collections walk every object the run made (0.1 s of
    # a 3 s ingest) and find nothing worth collecting then: they are frozen first.
    atexit.unregister(gc.freeze)  # registered once, however often the command runs
    atexit.register(gc.freeze)
    # The store is opened once parsing has started: its migration overlaps parses.
    run = ingest(functools.partial(_open_engine, ctx), results, jobs=jobs)
    try:
        with _progress(enabled=not quiet and not as_json and sys.stderr.isatty()) as advance:
            for outcome in run:
                counts[outcome.status] += 1
                quotes += outcome.quotes
                if outcome.status == "failed":
                    click.echo(f"error: {outcome}", err=True)
                advance(outcome)
    except StoreError as error:
        from quotedb.cli.db import cli_error

        raise cli_error(error) from None
    except KeyboardInterrupt:
        # Committed batches stay; the batch being written is rolled back whole.
        raise click.ClickException(
            f"interrupted after {run.committed} inputs; re-run the same command to finish"
        ) from None
    summary = {status: counts[status] for status in STATUSES} | {"quotes": quotes}
    if as_json:
        click.echo(json.dumps(summary))
    elif not quiet:
        click.echo(
            ", ".join(f"{summary[status]} {status}" for status in STATUSES) + f" ({quotes} quotes)"
        )
    if counts["failed"]:
        ctx.exit(1)


def _open_engine(ctx: click.Context):
    """quotedb.cli.db.open_engine, imported when called: the database libraries load
    after the parsing processes have forked (see quotedb.store.pipeline)."""
    from quotedb.cli.db import open_engine

    engine = open_engine(ctx)
    # SQLAlchemy, Alembic and the migration leave some 110,000 objects that each full
    # collection during the ingest would walk again (0.2 s of the writer's CPU over
    # the PolNeAR texts, which matters where it shares the cores with PostgreSQL).
    gc.freeze()
    return engine


class _progress:
    """A rich progress bar on stderr (documents, quotes, rate, time), or nothing."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.quotes = 0

    def __enter__(self):
        if not self.enabled:
            return lambda outcome: None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} documents, {task.fields[quotes]} quotes"),
            TextColumn("[progress.data.speed]{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task("ingest", total=None, quotes=0, rate="")
        self.bar.start()
        return self.advance

    def advance(self, outcome: Outcome) -> None:
        self.quotes += outcome.quotes
        self.bar.advance(self.task)
        task = self.bar.tasks[0]
        rate = f"{task.speed:.0f} documents/s" if task.speed else ""
        self.bar.update(self.task, quotes=self.quotes, rate=rate)

    def __exit__(self, *exc_info) -> None:
        if self.enabled:
            self.bar.stop()
