"""The `quotedb` click group; each command family lives in its own module."""

import click

from quotedb import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_url",
    envvar="QUOTEDB_URL",
    default=None,
    metavar="URL",
    help="SQLAlchemy database URL (default: sqlite:///quotedb.db, or $QUOTEDB_URL).",
)
@click.version_option(__version__, prog_name="quotedb")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """quotedb: who said what, to whom, where and through whom.

    \b
    Example:
        quotedb ingest seeds/
        quotedb quotes --speaker "Kim Jong-un" --to "Donald Trump"
    """
    ctx.obj = {"db_url": db_url}
