"""pytest plugin: `pytest --postgres` runs the suite against a real PostgreSQL server.

If DATABASE_URL already names a postgres:// database, that server is used. Otherwise the plugin
starts a throwaway server of its own (initdb into a temporary folder, listening on 127.0.0.1
only, on a free port) and removes it when the run ends. As root, where initdb refuses to run,
the server runs as the `postgres` system user via runuser (registry/pgserver.py).

It is loaded early (`-p registry.pytest_postgres` in pytest.ini) because DATABASE_URL must be
set before pytest-django reads the settings.
"""

from __future__ import annotations

import os

import pytest

from registry.pgserver import TemporaryPostgres, find_postgres_bindir

_server: TemporaryPostgres | None = None


def pytest_addoption(parser):
    parser.addoption(
        "--postgres",
        action="store",
        nargs="?",
        const="require",
        default="off",
        choices=["off", "auto", "require"],
        help="Run against PostgreSQL: DATABASE_URL if it names one, else a temporary server. "
        "'auto' skips the run when PostgreSQL is not installed; 'require' (the default when "
        "the flag is given without a value) fails instead.",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    global _server
    mode = early_config.known_args_namespace.postgres
    if mode == "off" or os.environ.get("DATABASE_URL", "").startswith(
        ("postgres://", "postgresql://")
    ):
        return
    bindir = find_postgres_bindir()
    if bindir is None:
        message = (
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them "
            "(Debian: apt-get install postgresql) or set DATABASE_URL=postgres://..."
        )
        if mode == "auto":
            print(f"\n--postgres=auto: {message} Skipping the PostgreSQL run.")
            os.environ["REGISTRY_SKIP_ALL"] = message
            return
        raise pytest.UsageError(message)
    _server = TemporaryPostgres(bindir)
    try:
        _server.start()
    except Exception:
        _server.stop()
        raise
    os.environ["DATABASE_URL"] = _server.url


def pytest_collection_modifyitems(config, items):
    reason = os.environ.get("REGISTRY_SKIP_ALL")
    if reason:
        for item in items:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_report_header(config):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        where = "temporary server" if _server else "DATABASE_URL"
        return f"database: PostgreSQL ({where})"
    return "database: SQLite"


def pytest_unconfigure(config):
    global _server
    if _server is not None:
        _server.stop()
        _server = None
