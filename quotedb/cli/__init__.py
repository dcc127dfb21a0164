"""Command line: `main` is the console script. Each command's module registers it on
`main` when imported, and `main` imports a module when one of its commands is used
(see app.COMMAND_MODULES)."""

from quotedb.cli.app import main

__all__ = ["main"]
