"""pytest plugin: `pytest --postgres` runs the suite against a real PostgreSQL server.

If DATABASE_URL already names a postgres:// database, that server is used. Otherwise the plugin
starts a throwaway server of its own (initdb into a temporary folder, listening on 127.0.0.1
only, on a free port) and removes it when the run ends. As root, where initdb refuses to run,
the server runs as the `postgres` system user via runuser.

It is loaded early (`-p registry.pytest_postgres` in pytest.ini) because DATABASE_URL must be
set before pytest-django reads the settings.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

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


def find_postgres_bindir() -> Path | None:
    on_path = shutil.which("initdb")
    if on_path:
        # Debian links initdb onto PATH; its siblings (pg_ctl, createdb) live beside the target.
        return Path(on_path).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: (
            int(Path(path).parent.parent.name) if Path(path).parent.parent.name.isdigit() else 0
        ),
    )
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TemporaryPostgres:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="registry-pg-"))
        self.data = self.folder / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            postgres_user = pwd.getpwnam("postgres")
            os.chown(self.folder, postgres_user.pw_uid, postgres_user.pw_gid)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/registry"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        result = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, cwd=self.folder
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
            )

    def start(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            # A UTF-8 ctype so that upper()/lower() (case-insensitive search) work on Cyrillic.
            "--locale=C.UTF-8",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        self._run(
            str(self.bindir / "createdb"),
            "-h",
            str(self.folder),
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "registry",
        )

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(
                    str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"
                )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
