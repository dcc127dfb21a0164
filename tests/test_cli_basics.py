"""Every command documents itself with an example; a database that cannot be used is one line."""

import importlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quotedb.cli import main
from quotedb.cli.app import COMMAND_MODULES


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group, as the words a user types after `quotedb` (asked the
    way click asks, so commands loaded on demand count)."""
    paths = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


ALL_COMMANDS = [(), *command_paths(main)]


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def assert_one_line_error(result, exit_code: int, *fragments: str) -> None:
    assert result.exit_code == exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_the_db_commands_are_registered():
    assert {("db",), ("db", "upgrade"), ("db", "downgrade"), ("db", "current")} <= set(ALL_COMMANDS)


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda path: " ".join(path) or "quotedb")
def test_every_command_has_help_with_an_example(path):
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    assert "Example" in result.output, f"`quotedb {' '.join(path)} --help` shows no example"


def test_the_installed_console_script_runs():
    script = Path(sys.executable).with_name("quotedb")
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "who said what" in result.stdout


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://user@host/quotes", "supports SQLite and PostgreSQL"),
        ("postgresql+asyncpg://user@host/quotes", "supports SQLite and PostgreSQL"),
    ],
)
@pytest.mark.parametrize("command", [("db", "current"), ("db", "upgrade")])
def test_a_bad_db_url_is_a_one_line_usage_error(url, fragment, command):
    assert_one_line_error(run("--db", url, *command), 2, fragment)


def test_a_bad_quotedb_url_variable_is_a_one_line_usage_error():
    result = run("db", "upgrade", env={"QUOTEDB_URL": "nonsense"})
    assert_one_line_error(result, 2, "'nonsense' is not a database URL")


def test_db_overrides_the_environment(tmp_path):
    url = f"sqlite:///{tmp_path / 'chosen.db'}"
    result = run("--db", url, "db", "upgrade", env={"QUOTEDB_URL": "nonsense"})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "chosen.db").exists()


def test_the_default_database_is_quotedb_db_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEDB_URL", raising=False)
    result = run("db", "current")
    assert result.exit_code == 0, result.output
    assert "no database at" in result.output
    assert not (tmp_path / "quotedb.db").exists()  # `current` only reads
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "quotedb.db").exists()
    assert "(latest)" in run("db", "current").output


def test_an_unreachable_server_is_a_one_line_error():
    result = run("--db", "postgresql+psycopg://quotedb:s3cret@127.0.0.1:1/quotes", "db", "current")
    assert_one_line_error(result, 1, "cannot open the database", "127.0.0.1")
    assert "s3cret" not in result.output


def test_a_foreign_database_is_a_one_line_error(tmp_path):
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    for command in (("db", "current"), ("db", "upgrade")):
        result = run("--db", f"sqlite:///{path}", *command)
        assert_one_line_error(result, 1, "not a quotedb database", "customers")


def test_db_commands_walk_the_schema_up_and_down(empty_db_url):
    assert "on first use" in run("--db", empty_db_url, "db", "current").output

    result = run("--db", empty_db_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "(latest)" in result.output

    result = run("--db", empty_db_url, "db", "downgrade", "0001", "--yes")
    assert result.exit_code == 0, result.output
    assert "0001 (latest is" in run("--db", empty_db_url, "db", "current").output

    result = run("--db", empty_db_url, "db", "downgrade", "base", "--yes")
    assert result.exit_code == 0, result.output
    assert "empty" in run("--db", empty_db_url, "db", "current").output

    assert "(latest)" in run("--db", empty_db_url, "db", "upgrade").output


def test_downgrade_asks_before_dropping_tables(sqlite_url):
    result = run("--db", sqlite_url, "db", "downgrade", "base")
    assert result.exit_code == 1
    assert "(latest)" in run("--db", sqlite_url, "db", "current").output


def test_an_unknown_revision_is_a_one_line_error(sqlite_url):
    result = run("--db", sqlite_url, "db", "downgrade", "nosuchrev", "--yes")
    assert_one_line_error(result, 1, "nosuchrev")


def test_every_command_is_mapped_to_the_module_that_defines_it():
    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(module)
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    for name, module in COMMAND_MODULES.items():
        assert main.commands[name].callback.__module__ == module


def test_the_ingest_command_starts_without_the_database_libraries():
    code = (
        "import sys, quotedb.cli.ingest; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
