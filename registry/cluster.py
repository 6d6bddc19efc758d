"""Several machines on one: a PostgreSQL primary with a streaming replica, a Redis, and app
processes (gunicorn) that share them, all throwaway, for the tests of running on several
machines (projects/tests/test_several_machines.py) and their benchmark (bench/bench_cluster.py).

    with LocalCluster(apps=2) as cluster:
        cluster.load(["load_seeds"])          # manage.py commands run against the primary
        cluster.start_apps()
        urllib.request.urlopen(cluster.apps[0].url + "/healthz")
        cluster.stop_redis()                   # or stop_replica(), pause_replay()
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from registry.pgserver import TemporaryPostgres, TemporaryReplica, find_postgres_bindir, free_port
from registry.redisserver import TemporaryRedis

BASE_DIR = Path(__file__).resolve().parent.parent


def libpq_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def run_sql(url: str, statement: str) -> list[tuple]:
    """One statement on the database a postgres:// URL names, in autocommit; its rows."""
    import psycopg2

    connection = psycopg2.connect(libpq_url(url))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


def committed_transactions(url: str) -> int:
    """Transactions the server has committed in the URL's database. Each of the app's queries,
    in autocommit, is one: compared before and after a run, they show where the reads went."""
    query = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
    return run_sql(url, query)[0][0]


@dataclass
class AppProcess:
    port: int
    log_path: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class LocalCluster:
    apps_count: int = 2
    workers: int = 1
    log_statements: bool = False  # every statement in the servers' logs (which one ran what)
    extra_env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        bindir = find_postgres_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server programs were not found")
        self.primary = TemporaryPostgres(bindir)
        self.replica: TemporaryReplica | None = None
        self.redis = TemporaryRedis()
        self.apps: list[AppProcess] = []
        self.folder = Path(tempfile.mkdtemp(prefix="registry-cluster-"))  # the apps' logs

    # --- servers --------------------------------------------------------------------------

    def __enter__(self) -> LocalCluster:
        try:
            if self.log_statements:
                self.primary.server_settings["log_statement"] = "all"
            self.primary.start()
            self.redis.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start_replica(self) -> None:
        """A streaming replica of the primary as it is now (call after loading data)."""
        self.replica = TemporaryReplica(self.primary)
        if self.log_statements:
            self.replica.server_settings["log_statement"] = "all"
        self.replica.start()

    def stop_replica(self) -> None:
        """Stop the replica as a crash would."""
        self.replica.stop_server()

    def stop_redis(self) -> None:
        self.redis.process.kill()
        self.redis.process.wait(timeout=10)

    def restart_redis(self) -> None:
        """Start Redis again on the same socket, empty."""
        self.redis.socket.unlink(missing_ok=True)
        self.redis.start()

    def sql(self, server: TemporaryPostgres, statement: str) -> list[tuple]:
        return run_sql(server.url, statement)

    def pause_replay(self) -> None:
        """The replica keeps receiving the primary's changes but stops applying them: it lags."""
        self.sql(self.replica, "SELECT pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        self.sql(self.replica, "SELECT pg_wal_replay_resume()")

    def wait_for_replica(self, timeout: float = 30) -> None:
        """Until the replica has applied everything the primary wrote so far."""
        # The insert position: with synchronous_commit off a commit may not be written yet.
        (target,) = self.sql(self.primary, "SELECT pg_current_wal_insert_lsn()::text")[0]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            query = f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
            if self.sql(self.replica, query)[0][0]:
                return
            time.sleep(0.05)
        raise RuntimeError("the replica did not catch up")

    # --- the app ---------------------------------------------------------------------------

    def environment(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "CACHE_BACKEND"}
        }
        env.update(
            DATABASE_URL=self.primary.url,
            REDIS_URL=self.redis.url,
            DEBUG="1",
            LOG_FORMAT="json",
            PYTHONUNBUFFERED="1",
        )
        if self.replica is not None:
            env["DATABASE_REPLICA_URLS"] = self.replica.url
        env.update(self.extra_env)
        return env

    def manage(self, *arguments: str) -> str:
        """Run a manage.py command against the primary; its output."""
        result = subprocess.run(  # noqa: S603 - this interpreter and manage.py
            [sys.executable, str(BASE_DIR / "manage.py"), *arguments],
            cwd=BASE_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
        return result.stdout

    def start_apps(self, timeout: float = 60) -> None:
        for number in range(self.apps_count):
            app = AppProcess(free_port(), self.folder / f"app{number}.log")
            env = self.environment() | {
                "BIND": f"127.0.0.1:{app.port}",
                "WEB_CONCURRENCY": str(self.workers),
            }
            with open(app.log_path, "wb") as log:
                app.process = subprocess.Popen(  # noqa: S603 - gunicorn of this environment
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "-c",
                        str(BASE_DIR / "gunicorn.conf.py"),
                        "--control-socket",
                        str(self.folder / f"app{number}.ctl"),
                    ],  # fmt: skip
                    cwd=BASE_DIR,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            self.apps.append(app)
        for app in self.apps:
            self._wait_for(app, timeout)

    def _wait_for(self, app: AppProcess, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if app.process.poll() is not None:
                raise RuntimeError(
                    f"the app on port {app.port} exited:\n{app.log_path.read_text()}"
                )
            try:
                with urllib.request.urlopen(app.url + "/healthz", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the app on port {app.port} did not answer")

    def stop(self) -> None:
        for app in self.apps:
            if app.process is not None and app.process.poll() is None:
                app.process.terminate()
                try:
                    app.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    app.process.kill()
        self.apps = []
        if self.replica is not None:
            self.replica.stop()
        self.redis.stop()
        self.primary.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
