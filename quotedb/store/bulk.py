"""INSERTs for bulk ingest, compiled once and run straight on the DBAPI cursor.

Ingest runs about ten INSERTs a document. Through Connection.execute each one
pays SQLAlchemy's per-execution work (cache look-up, execution context, result
set-up, "insertmanyvalues" batching for RETURNING): about a tenth of the
writer's time. `Inserts` keeps what SQLAlchemy compiles, the SQL and each
parameter's bind processor (JSON, dates), and raises driver errors wrapped as
Connection.execute does, with `connection_invalidated` set when the connection
is lost.

On PostgreSQL, rows whose ids are wanted go in by COPY, after their ids are
taken from the table's sequence (one query): an executemany, even pipelined,
is a statement per row, each parsed, run and answered on its own. The ids are
taken in the rows' order, as row-by-row INSERTs would take them.
"""

from __future__ import annotations

import dataclasses
import functools
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


@dataclasses.dataclass(frozen=True)
class IgnoringDuplicates:
    """Rows for `table` that are skipped where they would break a unique constraint
    (INSERT ... ON CONFLICT DO NOTHING): another writer may have added them."""

    table: sa.Table


# Where rows go: a table (its plain INSERT), or a table ignoring duplicates. Compiled
# statements are cached by it.
Into = sa.Table | IgnoringDuplicates


class Inserts:
    """Runs INSERTs for rows given as dicts (every row of a call has the same keys,
    and names every column the table would fill from a default)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._compiled: dict[tuple, _Compiled] = {}
        self._sequences: dict[str, str] = {}

    def run(self, connection: Connection, into: Into, rows: Sequence[dict]) -> None:
        """Inserts `rows` in one executemany."""
        compiled = self._compile(into, rows[0])
        parameters = [compiled.parameters(row) for row in rows]
        with _DriverCursor(connection, compiled.sql) as cursor:
            cursor.executemany(compiled.sql, parameters)

    def ids(self, connection: Connection, table: sa.Table, rows: Sequence[dict]) -> list[int]:
        """Inserts `rows` into `table`; returns their new ids, in the rows' order."""
        if self.dialect.name == "postgresql" and len(rows) == 1:
            # One round trip, where the sequence and COPY take three.
            compiled = self._compile(_returning_id(table), rows[0])
            with _DriverCursor(connection, compiled.sql) as cursor:
                cursor.execute(compiled.sql, compiled.parameters(rows[0]))
                return [cursor.fetchone()[0]]
        if self.dialect.name == "postgresql":
            ids = self.next_ids(connection, table, len(rows))
            self._copy(
                connection, table, [{"id": i, **row} for i, row in zip(ids, rows, strict=True)]
            )
            return ids
        compiled = self._compile(table, rows[0])
        ids = []
        with _DriverCursor(connection, compiled.sql) as cursor:
            # A row at a time, the id from lastrowid: SQLite runs one statement in
            # process, so this costs no round trip, and no RETURNING row either.
            for row in rows:
                cursor.execute(compiled.sql, compiled.parameters(row))
                ids.append(cursor.lastrowid)
        return ids

    def copy(self, connection: Connection, into: Into, rows: Sequence[dict]) -> None:
        """Inserts `rows` as they are, ids included, in one statement: COPY into a table;
        INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING where duplicates are
        ignored (COPY cannot skip a row, and an executemany is a statement a row: the
        aliases of a group were thousands). PostgreSQL only."""
        if isinstance(into, sa.Table):
            self._copy(connection, into, rows)
        else:
            self._insert_columns(connection, into.table, rows)

    def update(self, connection: Connection, statement: sa.Executable, parameters: dict) -> None:
        connection.execute(statement, parameters)

    def next_ids(self, connection: Connection, table: sa.Table, count: int) -> list[int]:
        """`count` new ids from the table's sequence (PostgreSQL), in the order it gives
        them: the ids row-by-row INSERTs would get."""
        sequence = self._sequences.get(table.name)
        if sequence is None:
            sql = "SELECT pg_get_serial_sequence(%s, 'id')"
            with _DriverCursor(connection, sql) as cursor:
                cursor.execute(sql, (table.name,))
                sequence = self._sequences[table.name] = cursor.fetchone()[0]
        sql = "SELECT nextval(%s) FROM generate_series(1, %s) ORDER BY 1"
        with _DriverCursor(connection, sql) as cursor:
            cursor.execute(sql, (sequence, count))
            return [row[0] for row in cursor.fetchall()]

    def _copy(self, connection: Connection, table: sa.Table, rows: Sequence[dict]) -> None:
        """COPY `rows` into `table`, each value through its column's bind processor."""
        compiled = self._compile(table, rows[0])
        quote = self.dialect.identifier_preparer.quote
        columns = ", ".join(quote(name) for name in compiled.names)
        sql = f"COPY {quote(table.name)} ({columns}) FROM STDIN"
        processors = list(zip(compiled.names, compiled.processors, strict=True))
        with _DriverCursor(connection, sql) as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([row[n] if p is None else p(row[n]) for n, p in processors])

    def _insert_columns(
        self, connection: Connection, table: sa.Table, rows: Sequence[dict]
    ) -> None:
        """The rows as one array a column, unnested into the table; conflicts skipped."""
        compiled = self._compile(table, rows[0])
        quote = self.dialect.identifier_preparer.quote
        names = ", ".join(quote(name) for name in compiled.names)
        arrays = ", ".join(
            f"%s::{table.c[name].type.compile(dialect=self.dialect)}[]" for name in compiled.names
        )
        sql = (
            f"INSERT INTO {quote(table.name)} ({names}) SELECT * FROM unnest({arrays}) "
            "ON CONFLICT DO NOTHING"
        )
        columns = [
            [row[name] if process is None else process(row[name]) for row in rows]
            for name, process in zip(compiled.names, compiled.processors, strict=True)
        ]
        with _DriverCursor(connection, sql) as cursor:
            cursor.execute(sql, columns)

    def _compile(self, into: Into, row: dict) -> _Compiled:
        key = (into, tuple(row))
        compiled = self._compiled.get(key)
        if compiled is None:
            statement = into.insert() if isinstance(into, sa.Table) else self._ignoring(into)
            compiled = self._compiled[key] = _Compiled(statement, tuple(row), self.dialect)
        return compiled

    def _ignoring(self, into: IgnoringDuplicates) -> sa.Insert:
        if self.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(into.table).on_conflict_do_nothing()


class PendingId:
    """The id of a row that a `Deferred` inserts when it flushes; `id` is set then.
    Rows and look-ups hold it wherever the id will go."""

    __slots__ = ("id",)

    def __init__(self) -> None:
        self.id: int | None = None


class Later:
    """A value made when the rows go in, from PendingIds then set (a text that names
    a new row's id)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def resolved(value: Any) -> Any:
    """`value`, the id a PendingId stands for, or what a Later makes."""
    kind = type(value)
    if kind is PendingId:
        return value.id
    if kind is Later:
        return value.make()
    return value


_DEFERRED = (PendingId, Later)


class Deferred:
    """The INSERTs and UPDATEs of a group of documents on PostgreSQL, run together at
    `flush`: each table's rows in one COPY, their ids taken in one query a table,
    then the UPDATEs in the order given. Per document these were a dozen statements
    and round trips. Same methods as Inserts, but `ids` answers with PendingIds."""

    def __init__(self, inserts: Inserts, order: Sequence[sa.Table]) -> None:
        self.inserts = inserts
        self._order = {table: position for position, table in enumerate(order)}
        self._rows: dict[Into, list[dict]] = {}
        self._pending: dict[sa.Table, list[PendingId]] = {}
        self._updates: list[tuple[sa.Executable, dict]] = []

    def ids(self, connection: Connection, table: sa.Table, rows: Sequence[dict]) -> list[PendingId]:
        pending = [PendingId() for _ in rows]
        self._pending.setdefault(table, []).extend(pending)
        self.run(
            connection, table, [{"id": i, **row} for i, row in zip(pending, rows, strict=True)]
        )
        return pending

    def run(self, connection: Connection, into: Into, rows: Sequence[dict]) -> None:
        self._rows.setdefault(into, []).extend(rows)

    def update(self, connection: Connection, statement: sa.Executable, parameters: dict) -> None:
        self._updates.append((statement, parameters))

    def flush(self, connection: Connection) -> None:
        """Inserts the rows, parent tables first (`order`), then runs the UPDATEs."""
        for table, pending in self._pending.items():
            new_ids = self.inserts.next_ids(connection, table, len(pending))
            for placeholder, new_id in zip(pending, new_ids, strict=True):
                placeholder.id = new_id
        tables = sorted(self._rows, key=lambda into: self._order[_table(into)])
        for into in tables:
            rows = self._rows[into]
            for row in rows:  # in place: the rows are this group's own
                for name, value in row.items():
                    if type(value) in _DEFERRED:
                        row[name] = resolved(value)
            self.inserts.copy(connection, into, rows)
        for statement, parameters in self._updates:
            self.inserts.update(
                connection, statement, {k: resolved(v) for k, v in parameters.items()}
            )
        self._rows, self._pending, self._updates = {}, {}, []


def _table(into: Into) -> sa.Table:
    return into if isinstance(into, sa.Table) else into.table


@functools.cache
def _returning_id(table: sa.Table) -> sa.Insert:
    """INSERT ... RETURNING id, built once a table: compiled statements are cached by it."""
    return table.insert().returning(table.c.id)


def fetch_unprepared(connection: Connection, statement: sa.Select, parameters: dict) -> list:
    """The rows of `statement`, planned for these parameters (PostgreSQL). psycopg
    prepares a statement it has run five times, and PostgreSQL may then plan it once
    for any parameters; for `column = ANY(array)` on a table without statistics (a new
    store) that generic plan scans the table and compares each row with every element
    of the array, while a plan made for the array at hand hashes it."""
    sql, processors = _select_sql(statement, connection.dialect)
    values = {
        name: value if (process := processors.get(name)) is None else process(value)
        for name, value in parameters.items()
    }
    with _DriverCursor(connection, sql) as cursor:
        cursor.execute(sql, values, prepare=False)
        return cursor.fetchall()


@functools.cache
def _select_sql(statement: sa.Select, dialect: Dialect) -> tuple[str, dict[str, Callable]]:
    """The SQL of `statement` (named parameters) and its parameters' bind processors."""
    compiled = statement.compile(dialect=dialect)
    processors = {
        name: process
        for name, bind in compiled.binds.items()
        if (process := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    }
    return compiled.string, processors


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
