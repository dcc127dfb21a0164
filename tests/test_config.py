"""Which database and which user quotedb acts for, from --db, the environment or defaults."""

import getpass
from pathlib import Path

from quotedb.config import acting_user, resolve_db_url


def test_db_option_beats_environment_beats_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEDB_URL", raising=False)
    assert resolve_db_url(None) == f"sqlite:///{Path.cwd() / 'quotedb.db'}"
    monkeypatch.setenv("QUOTEDB_URL", "sqlite:///from-env.db")
    assert resolve_db_url(None) == "sqlite:///from-env.db"
    assert resolve_db_url("sqlite:///from-option.db") == "sqlite:///from-option.db"


def test_acting_user_is_quotedb_user_else_the_system_user(monkeypatch):
    monkeypatch.setenv("QUOTEDB_USER", "fact-checker@newsroom")
    assert acting_user() == "fact-checker@newsroom"
    monkeypatch.delenv("QUOTEDB_USER")
    assert acting_user() == getpass.getuser()
