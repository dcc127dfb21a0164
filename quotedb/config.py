"""Settings that come from the environment: which database, and who is acting."""

import getpass
import os
from pathlib import Path

DEFAULT_DB_FILENAME = "quotedb.db"


def resolve_db_url(cli_value: str | None = None) -> str:
    """The database to use: --db, else $QUOTEDB_URL, else quotedb.db in the working directory."""
    if cli_value:
        return cli_value
    from_env = os.environ.get("QUOTEDB_URL")
    if from_env:
        return from_env
    return f"sqlite:///{Path.cwd() / DEFAULT_DB_FILENAME}"


def acting_user() -> str:
    """Who a human decision is recorded as: $QUOTEDB_USER, else the system user."""
    from_env = os.environ.get("QUOTEDB_USER")
    if from_env:
        return from_env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        return "unknown"
