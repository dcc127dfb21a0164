"""INSERTs for bulk ingest, compiled once and run straight on the DBAPI cursor.

Ingest runs about ten INSERTs a document. Through Connection.execute each one
pays SQLAlchemy's per-execution work (cache look-up, execution context, result
set-up, "insertmanyvalues" batching for RETURNING): about a tenth of the
writer's time. `Inserts` keeps what SQLAlchemy compiles, the SQL and each
parameter's bind processor (JSON, dates), and raises driver errors wrapped as
Connection.execute does, with `connection_invalidated` set when the connection
is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Dialect


class _Compiled:
    """One INSERT compiled for one dialect and one set of columns."""

    def __init__(self, statement: sa.Insert, columns: tuple[str, ...], dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(columns))
        names = list(compiled.positiontup) if dialect.positional else list(compiled.binds)
        missing = set(names) - set(columns)
        if missing:
            # SQLAlchemy would fill these from column defaults; here every row names them.
            raise ValueError(f"rows for {statement.table} lack the columns {sorted(missing)}")
        self.sql = compiled.string
        self.positional = dialect.positional
        self.names = names
        self.placeholders = [compiled.escaped_bind_names.get(name, name) for name in names]
        self.processors: list[Callable[[Any], Any] | None] = [
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in names
        ]

    def parameters(self, row: dict) -> tuple | dict:
        values = [
            row[name] if process is None else process(row[name])
            for name, process in zip(self.names, self.processors, strict=True)
        ]
        return tuple(values) if self.positional else dict(zip(self.placeholders, values))


# A table (its plain INSERT) or an INSERT statement built once (a variant such as
# ON CONFLICT DO NOTHING): compiled statements are cached by it.
Into = sa.Table | sa.Insert


class Inserts:
    """Runs INSERTs for rows given as dicts (every row of a call has the same keys,
    and names every column the table would fill from a default)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._compiled: dict[tuple, _Compiled] = {}

    def run(self, connection: Connection, into: Into, rows: Sequence[dict]) -> None:
        """Inserts `rows` in one executemany."""
        compiled = self._compile(into, rows[0], returning=False)
        parameters = [compiled.parameters(row) for row in rows]
        with _DriverCursor(connection, compiled.sql) as cursor:
            cursor.executemany(compiled.sql, parameters)

    def ids(self, connection: Connection, into: Into, rows: Sequence[dict]) -> list[int]:
        """Inserts `rows`; returns their new ids, in the rows' order."""
        is_postgresql = self.dialect.name == "postgresql"
        compiled = self._compile(into, rows[0], returning=is_postgresql)
        parameters = [compiled.parameters(row) for row in rows]
        ids = []
        with _DriverCursor(connection, compiled.sql) as cursor:
            if is_postgresql:
                # psycopg sends the rows in one pipeline and keeps a result per row.
                cursor.executemany(compiled.sql, parameters, returning=True)
                ids.append(cursor.fetchone()[0])
                while cursor.nextset():
                    ids.append(cursor.fetchone()[0])
            else:
                # A row at a time, the id from lastrowid: SQLite runs one statement in
                # process, so this costs no round trip, and no RETURNING row either.
                for row in parameters:
                    cursor.execute(compiled.sql, row)
                    ids.append(cursor.lastrowid)
        return ids

    def _compile(self, into: Into, row: dict, *, returning: bool) -> _Compiled:
        key = (into, tuple(row), returning)
        compiled = self._compiled.get(key)
        if compiled is None:
            statement = into.insert() if isinstance(into, sa.Table) else into
            if returning:
                statement = statement.returning(statement.table.c.id)
            compiled = self._compiled[key] = _Compiled(statement, tuple(row), self.dialect)
        return compiled


class _DriverCursor:
    """A DBAPI cursor of the connection, closed after use, its errors raised as
    SQLAlchemy's (the connection invalidated first when the error says it is lost)."""

    def __init__(self, connection: Connection, sql: str) -> None:
        self.connection = connection
        self.sql = sql

    def __enter__(self):
        self.cursor = self.connection.connection.cursor()
        return self.cursor

    def __exit__(self, kind, error, traceback) -> None:
        self.cursor.close()
        dialect = self.connection.dialect
        if error is None or not isinstance(error, dialect.loaded_dbapi.Error):
            return
        lost = dialect.is_disconnect(error, self.connection.connection.dbapi_connection, None)
        if lost:
            self.connection.invalidate(error)
        raise sa.exc.DBAPIError.instance(
            self.sql,
            None,
            error,
            dialect.loaded_dbapi.Error,
            connection_invalidated=lost,
            dialect=dialect,
        ) from error
