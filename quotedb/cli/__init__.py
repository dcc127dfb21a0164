"""Command line: `main` is the console script; importing a module registers its commands."""

from quotedb.cli import (
    curate,  # noqa: F401  (registers correct, merge, split, alias, entity, review, history, undo)
    db,  # noqa: F401  (registers `quotedb db`)
    evaluation,  # noqa: F401  (registers `quotedb eval`)
    ingest,  # noqa: F401  (registers `quotedb ingest`)
    parsing,  # noqa: F401  (registers `quotedb parse`)
    query,  # noqa: F401  (registers quotes, who-said, people, person, show, export, graph)
)
from quotedb.cli.app import main

__all__ = ["main"]
