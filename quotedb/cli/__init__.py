"""Command line: `main` is the console script; importing a module registers its commands."""

from quotedb.cli.app import main

__all__ = ["main"]
