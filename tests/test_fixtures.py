"""The PostgreSQL half of the storage tests is never skipped silently in CI."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ONE_POSTGRES_TEST = "tests/test_migrations.py::test_models_and_migrations_agree[postgresql]"


def run_pytest(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", ONE_POSTGRES_TEST],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("CI", "QUOTEDB_TEST_POSTGRES_URL")}


def test_in_ci_a_missing_postgres_url_fails_the_run():
    result = run_pytest(base_env() | {"CI": "true"})
    assert result.returncode != 0
    assert "CI=true but QUOTEDB_TEST_POSTGRES_URL is not set" in result.stdout


def test_outside_ci_a_missing_postgres_url_is_a_visible_skip():
    result = run_pytest(base_env())
    assert result.returncode == 0
    assert "1 skipped" in result.stdout
    assert "need QUOTEDB_TEST_POSTGRES_URL" in result.stdout
