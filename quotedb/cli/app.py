"""The `quotedb` click group; each command family lives in its own module."""

import importlib

import click

from quotedb import __version__

# Which module defines each command: a module is imported only when one of its
# commands runs (or for --help), so `quotedb ingest` can start its parsing processes
# before the query and curation code, and SQLAlchemy, are loaded.
COMMAND_MODULES = {
    "ingest": "quotedb.cli.ingest",
    "parse": "quotedb.cli.parsing",
    "eval": "quotedb.cli.evaluation",
    "db": "quotedb.cli.db",
    **dict.fromkeys(
        ["quotes", "who-said", "people", "person", "show", "export", "graph"], "quotedb.cli.query"
    ),
    **dict.fromkeys(
        ["correct", "merge", "split", "alias", "entity", "entities", "review", "history"]
        + ["undo", "reparse"],
        "quotedb.cli.curate",
    ),
}


class _LazyGroup(click.Group):
    """A click group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMAND_MODULES:
            importlib.import_module(COMMAND_MODULES[name])
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
