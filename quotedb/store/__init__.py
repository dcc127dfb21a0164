"""The SQL store: tables (models), engines and migrations (db), normalised keys (keys)."""

from quotedb.store.db import (
    DatabaseUnavailable,
    DatabaseURLError,
    SchemaMismatch,
    StoreError,
    open_store,
    session,
)

__all__ = [
    "DatabaseURLError",
    "DatabaseUnavailable",
    "SchemaMismatch",
    "StoreError",
    "open_store",
    "session",
]
