"""The store's errors, in a module of their own: the ingest command catches them
before it imports SQLAlchemy (see quotedb.store.pipeline)."""


class StoreError(Exception):
    """A database problem the user can act on; str() is one plain sentence."""


class DatabaseURLError(StoreError):
    """The URL cannot name a database: malformed, unknown kind, or driver not installed."""


class DatabaseUnavailable(StoreError):
    """The database cannot be reached or opened, or refused a migration (a driver error)."""


class SchemaMismatch(StoreError):
    """The database is not a quotedb store at the schema this quotedb expects."""
