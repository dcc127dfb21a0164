"""The SQL store: tables (models), engines and migrations (db), normalised keys (keys).

`open_store` and `session` are loaded on first use, so that importing a light part
of the store (keys, errors, preparing) does not import SQLAlchemy.
"""

from quotedb.store.errors import (
    DatabaseUnavailable,
    DatabaseURLError,
    SchemaMismatch,
    StoreError,
)

__all__ = [
    "DatabaseURLError",
    "DatabaseUnavailable",
    "SchemaMismatch",
    "StoreError",
    "open_store",
    "session",
]


def __getattr__(name: str):
    if name in ("open_store", "session"):
        from quotedb.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
