"""A PostgreSQL server of our own for tests and benchmarks: initdb into a folder, listening on
127.0.0.1 only, on a free port. As root, where initdb refuses to run, the server runs as the
`postgres` system user via runuser.

Used by the pytest plugin (registry/pytest_postgres.py) and by bench/bench_scale.py.
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TemporaryPostgres:
    """A server in a temporary folder, removed by stop(). Given `folder`, the server keeps its
    data there instead: start() reuses what an earlier run left, stop() leaves it in place."""

    def __init__(self, bindir: Path, folder: Path | None = None):
        self.bindir = bindir
        self.port = free_port()
        self.keep = folder is not None
        if folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="registry-pg-"))
        else:
            self.folder = Path(folder).resolve()
            self.folder.mkdir(parents=True, exist_ok=True)
        self.data = self.folder / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            postgres_user = pwd.getpwnam("postgres")
            os.chown(self.folder, postgres_user.pw_uid, postgres_user.pw_gid)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/registry"
        self.server_settings: dict[str, str] = {}  # more -c name=value for the server

    def _server_options(self, base: str) -> str:
        more = "".join(f" -c {name}={value}" for name, value in self.server_settings.items())
        return base + more

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
        created = not (self.data / "PG_VERSION").exists()
        if created:
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
            self._server_options(options),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        if created:
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
                # A kept server shuts down cleanly, so that its next start needs no recovery.
                mode = "fast" if self.keep else "immediate"
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "stop")
        finally:
            if not self.keep:
                shutil.rmtree(self.folder, ignore_errors=True)


class TemporaryReplica(TemporaryPostgres):
    """A streaming replica of a running TemporaryPostgres: pg_basebackup -R copies the primary
    (with its databases) and writes the settings that make the copy follow it; a server of its
    own then serves reads only. Removed by stop()."""

    def __init__(self, primary: TemporaryPostgres):
        super().__init__(primary.bindir)
        self.primary = primary

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            self._run(
                str(self.bindir / "pg_basebackup"),
                "-h", "127.0.0.1", "-p", str(self.primary.port), "-U", "postgres",
                "-D", str(self.data), "-R", "-X", "stream", "--checkpoint=fast",
            )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            "-c hot_standby=on -c wal_receiver_status_interval=1"
        )
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", self._server_options(options),
            "-l", str(self.folder / "server.log"), "-w", "start",
        )  # fmt: skip

    def stop_server(self) -> None:
        """Stop the server at once, as a crash would, and keep its folder (start() again)."""
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
