"""Benchmark at scale: every public page, the API, the admin and the exports, served by gunicorn
with production settings from a PostgreSQL database of N synthetic projects (100,000 by default).

    .venv/bin/python bench/bench_scale.py [--projects 100000] [--repeat 15] [--warmup 2]
        [--duration 30s] [--connections 8] [--workers 2] [--json FILE] [--pgdata DIR]

The database is DATABASE_URL when it names a postgres:// database (created when missing), else a
throwaway server in a temporary folder (kept in --pgdata DIR instead, so that the next run
skips generating the projects). The run migrates, loads the seeds and calls
`manage.py generate_projects N --seed 1` unless the database already holds N synthetic projects.
With --replica, public reads go to a streaming replica of that server, as with
DATABASE_REPLICA_URLS in production. The app's cache is a throwaway redis-server (REDIS_URL)
shared by the workers, as in production, where
redis-server is installed (--cache memory: each process's own, the settings' default, with
which every worker computes each page's figures once).

Then, in the same run:
- pages: each address is requested --warmup times (the first of which, right after the data
  was loaded, is reported as "first": nothing cached yet), then --repeat times as visitors get
  it and --repeat times with Cache-Control: no-cache ("built": the page is built, its
  aggregates cached), each request right after one to /healthz (the baseline: one indexed
  query); p50 and p95 of each are printed with their ratios to the baseline's, so machines and
  runs compare. Queries are counted exactly,
  in-process (Django's test client, one request per page, on the same database); bytes and
  status come from gunicorn. HTML over 200 KB and anything but a 200 are flagged, never fatal;
- exports and open data: each fetched once, streamed and counted: seconds, bytes, projects/s,
  and the peak memory of the worker that served it (sampled from /proc every 50 ms);
- load: wrk on the project list and on a project page: requests/s, latency p50/p99, errors.

It measures and prints; it never fails on a threshold. Everything it starts is stopped at the end,
also on failure or Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.http_measure import (  # noqa: E402
    Gunicorn,
    WorkerSampler,
    admin_login,
    fetch,
    percentile,
    run_wrk,
    wait_until_idle,
)
from bench.scale_pages import EXPORTS, GZIP, Page, choose_sample, pages_of  # noqa: E402
from bench.scale_report import BASELINE, PageFigures, page_rows, print_report  # noqa: E402
from registry.cluster import committed_transactions  # noqa: E402
from registry.pgserver import (  # noqa: E402
    TemporaryPostgres,
    TemporaryReplica,
    find_postgres_bindir,
    free_port,
)
from registry.redisserver import TemporaryRedis  # noqa: E402
from registry.redisserver import redis_server_installed as redis_installed  # noqa: E402

ADMIN_USERNAME = "bench-scale-admin"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, default=100_000, help="synthetic projects")
    parser.add_argument("--seed", type=int, default=1, help="generate_projects --seed")
    parser.add_argument("--repeat", type=int, default=15, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests per page first")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--duration", default="30s", help="wrk duration (wrk's units: 30s, 2m)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--wrk-timeout", default="30s", help="wrk's per-request timeout")
    parser.add_argument("--page-timeout", type=float, default=120, help="seconds per page")
    parser.add_argument("--export-timeout", type=float, default=3600, help="seconds per export")
    parser.add_argument("--q-common", help="a word most projects contain")
    parser.add_argument("--q-rare", help="a word few projects contain")
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="PATH",
        help="another address to time with the pages (repeatable)",
    )
    parser.add_argument("--no-exports", action="store_true", help="skip the exports")
    parser.add_argument("--no-load", action="store_true", help="skip wrk")
    parser.add_argument(
        "--cache",
        choices=["auto", "redis", "memory"],
        default="auto",
        help="the app's cache: a throwaway redis-server shared by the workers, as in "
        "production (README), or each process's memory (the settings' default); auto: "
        "CACHE_BACKEND when the environment sets it, else redis where redis-server is "
        "installed, else memory",
    )
    parser.add_argument(
        "--replica",
        action="store_true",
        help="serve public reads from a streaming replica of the temporary server "
        "(pg_basebackup -R after the data are loaded), as with DATABASE_REPLICA_URLS",
    )
    parser.add_argument("--pgdata", type=Path, help="keep the temporary server's data here")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--server-log", type=Path, help="keep gunicorn's log (errors' tracebacks) in this file"
    )
    return parser.parse_args()


# --- Database and settings ------------------------------------------------------------------


def database_url(args, stack: contextlib.ExitStack) -> tuple[str, str, TemporaryPostgres | None]:
    """The database to use, a description of it, and the server when this run started it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        ensure_database(url)
        return url, "PostgreSQL (DATABASE_URL)", None
    bindir = find_postgres_bindir()
    if bindir is None:
        raise SystemExit(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them "
            "(Debian: apt-get install postgresql) or set DATABASE_URL=postgres://..."
        )
    server = TemporaryPostgres(bindir, folder=args.pgdata)
    stack.callback(server.stop)
    server.start()
    where = f"kept in {server.folder}" if args.pgdata else "temporary server"
    return server.url, f"PostgreSQL ({where})", server


def ensure_database(url: str) -> None:
    """Create DATABASE_URL's database if the server does not have it yet."""
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    config = dj_database_url.parse(url)
    connect = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
    }
    try:
        psycopg2.connect(dbname=config["NAME"], **connect).close()
        return
    except psycopg2.OperationalError as error:
        if "does not exist" not in str(error):
            raise
    connection = psycopg2.connect(dbname="postgres", **connect)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    connection.close()
    print(f"created database {config['NAME']}")


CACHE_VARIABLES = ("REDIS_URL", "CACHE_URL", "CACHE_BACKEND", "CACHE_LOCATION")


def cache_environment(args, stack: contextlib.ExitStack) -> tuple[dict[str, str], str]:
    """The cache settings the app runs with, and a description of them: REDIS_URL (or
    CACHE_BACKEND) when the environment sets one, else a throwaway Redis set as REDIS_URL, as
    in production (README, "Running on several machines"); or each process's memory, the
    settings' default, when no variable is set (those given are dropped)."""
    given = next((name for name in CACHE_VARIABLES if os.environ.get(name)), None)
    if args.cache == "memory" or (args.cache == "auto" and not given and not redis_installed()):
        for name in CACHE_VARIABLES:
            os.environ.pop(name, None)
        return {}, "each process's memory"
    if given and args.cache != "redis":
        return {}, f"{os.environ[given]} ({given})"
    if not redis_installed():
        raise SystemExit("redis-server was not found (Debian: apt-get install redis-server)")
    server = TemporaryRedis()
    stack.callback(server.stop)
    server.start()
    return {"REDIS_URL": server.url}, "a throwaway redis-server shared by the workers"


def committed_transactions_of(servers: dict[str, str | None]) -> dict[str, int]:
    """Transactions each server (a URL, or None when there is none) has committed."""
    return {name: committed_transactions(url) for name, url in servers.items() if url}


def replica_environment(args, server, stack: contextlib.ExitStack) -> tuple[dict[str, str], str]:
    """--replica: a streaming replica of the temporary server (made after the data are in it),
    which the app's public reads then use; or DATABASE_REPLICA_URLS as the environment sets it."""
    if os.environ.get("DATABASE_REPLICA_URLS"):
        return {}, "DATABASE_REPLICA_URLS"
    if not args.replica:
        return {}, "none"
    if server is None:
        raise SystemExit("--replica needs the temporary server (unset DATABASE_URL), or set "
                         "DATABASE_REPLICA_URLS to replicas of DATABASE_URL")  # fmt: skip
    replica = TemporaryReplica(server)
    stack.callback(replica.stop)
    started = time.perf_counter()
    replica.start()
    seconds = time.perf_counter() - started
    described = f"a streaming replica (copied in {seconds:.0f} s)"
    return {"DATABASE_REPLICA_URLS": replica.url}, described


def production_environment(url: str, workdir: Path) -> dict[str, str]:
    """The settings a production server runs with (README, "Production"), over plain http on
    127.0.0.1. The same environment serves gunicorn and the in-process query counts."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "registry.settings",
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "OPEN_DATA_ROOT": str(workdir / "open-data"),
        # Tracebacks of server errors still show; "Not Found" warnings do not.
        "LOG_LEVEL": "ERROR",
    }


def prepare_data(args, env: dict[str, str]) -> str:
    """Migrate, load the seeds, generate the synthetic projects if they are not there yet,
    collect the static files. Returns what was done about the projects."""
    from django.core.management import call_command, get_commands

    from projects.models import Project

    call_command("migrate", verbosity=0)
    call_command("load_seeds", stdout=io.StringIO())
    synthetic = Project.objects.filter(is_synthetic=True).count()
    if synthetic >= args.projects:
        note = f"{synthetic} synthetic projects already there: generation skipped"
    elif "generate_projects" not in get_commands():
        note = (
            f"generate_projects is not in this tree: measuring the database as it is "
            f"({synthetic} synthetic projects)"
        )
    else:
        command = [
            sys.executable,
            "manage.py",
            "generate_projects",
            str(args.projects),
            "--seed",
            str(args.seed),
        ]
        print(f"$ {' '.join(command[1:])}", flush=True)
        started = time.perf_counter()
        subprocess.run(command, cwd=REPOSITORY, env=env, check=True)
        note = f"generated {args.projects} projects in {time.perf_counter() - started:.0f} s"
    call_command("collectstatic", interactive=False, verbosity=0)
    return note


def bench_admin() -> tuple[object, str]:
    """A superuser for the admin pages, with a password made for this run."""
    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(24)
    user, _created = get_user_model().objects.get_or_create(username=ADMIN_USERNAME)
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return user, password


def remove_bench_admin() -> None:
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    try:
        get_user_model().objects.filter(username=ADMIN_USERNAME).delete()
    except DatabaseError as error:
        print(f"could not remove the user {ADMIN_USERNAME}: {error}", file=sys.stderr)


# --- Measuring ------------------------------------------------------------------------------


def count_queries(pages: list[Page], admin_user) -> dict[str, tuple[int | None, str]]:
    """Each page's queries, counted in-process on the same database: (queries, status).
    One request per page: a query that a process makes once and then caches (content types,
    the place tree) is counted with the first page that needs it."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    visitor = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    editor = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    editor.force_login(admin_user)
    counts = {}
    for number, page in enumerate(pages, start=1):
        progress(f"{number}/{len(pages)} {page.label}")
        client = editor if page.admin else visitor
        try:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(page.path)
                if response.streaming:
                    for _chunk in response.streaming_content:
                        pass
            counts[page.path] = (len(captured), str(response.status_code))
        except Exception as error:  # a benchmark reports, it does not stop
            counts[page.path] = (None, type(error).__name__)
    progress("")
    return counts


def measure_pages(server, pages, figures, cookies, args) -> list[float]:
    """Warm-ups, then rounds over every page, each request after one to the baseline.
    Returns the baseline's times."""
    baseline = []
    for _round in range(args.warmup):
        for page, page_figures in zip(pages, figures, strict=True):
            if not page_figures.failed:
                answer = request(server.port, page, cookies, args)
                record_answer(server, page_figures, answer)
                if page_figures.first is None:
                    page_figures.first = answer.seconds
    for round_number in range(args.repeat):
        for page, page_figures in zip(pages, figures, strict=True):
            for kept, times in ((True, page_figures.times), (False, page_figures.built)):
                if page_figures.failed:
                    continue
                base = fetch(server.port, BASELINE, timeout=args.page_timeout)
                if base.ok:
                    baseline.append(base.seconds)
                answer = request(server.port, page, cookies, args, kept=kept)
                record_answer(server, page_figures, answer)
                if answer.status is not None and not page_figures.failed:
                    times.append(answer.seconds)
        progress(f"round {round_number + 1}/{args.repeat}")
    progress("")
    return baseline


def progress(text: str) -> None:
    """One line that overwrites itself, on a terminal only."""
    if sys.stderr.isatty():
        print(f"\r  {text:70.70s}", end="" if text else "\r", file=sys.stderr, flush=True)


def request(port, page, cookies, args, *, kept: bool = True):
    """The page as a visitor gets it, or (kept=False) built afresh: Cache-Control: no-cache."""
    return fetch(
        port,
        page.path,
        cookies=cookies if page.admin else None,
        timeout=args.page_timeout,
        headers=None if kept else {"Cache-Control": "no-cache"},
    )


def record_answer(server, page_figures: PageFigures, answer) -> None:
    """Keeps the answer's status and size. A page that gave no answer or a server error (such
    as a worker killed at gunicorn's timeout) is not asked again, its one time kept as its
    figure; the next request waits until the worker is done with it."""
    page_figures.statuses.append(answer.describe())
    page_figures.size, page_figures.content_type = answer.size, answer.content_type
    if answer.status is None or answer.status >= 500:
        page_figures.failed = True
        page_figures.times = [answer.seconds]
        wait_until_idle(server)


def build_open_data(env: dict[str, str], project_count: int) -> dict:
    """manage.py build_open_data for the bench's address, timed, with its peak memory."""
    print("  build_open_data", file=sys.stderr, flush=True)
    command = [sys.executable, "manage.py", "build_open_data", "--base-url", "http://127.0.0.1"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPOSITORY, env=env, stdout=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)  # the rusage of this child alone
    seconds = time.perf_counter() - started
    said = process.stdout.read().decode()
    print(f"  {said.strip()}", file=sys.stderr)
    manifest = json.loads((Path(env["OPEN_DATA_ROOT"]) / "manifest.json").read_text())
    ok = os.waitstatus_to_exitcode(status) == 0
    entries = manifest["files"].values()
    copies = [entry["gzip"] for entry in entries if "gzip" in entry]
    return {
        "path": f"build_open_data ({len(entries)} files, {len(copies)} gzip)",
        "status": "200" if ok else f"exit {os.waitstatus_to_exitcode(status)}",
        "seconds": seconds,
        "bytes": sum(entry["size"] for entry in [*entries, *copies]),
        "projects_per_s": project_count / seconds if ok else None,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "rss_before_mb": None,
        "vmhwm_mb": None,
        "worker_pid": process.pid,
    }


def measure_exports(server: Gunicorn, project_count: int, args, env: dict[str, str]) -> list:
    """The open-data files built, then each export downloaded once by fresh workers, while
    their memory is sampled."""
    results = [build_open_data(env, project_count)]
    for path in EXPORTS:
        wait_until_idle(server)
        server.restart_workers()  # so that the peak and VmHWM are this export's own
        address, gzip = path.removesuffix(GZIP), path.endswith(GZIP)
        with WorkerSampler(server) as sampler:
            answer = fetch(
                server.port,
                address,
                timeout=args.export_timeout,
                headers={"Accept-Encoding": "gzip"} if gzip else None,
            )
        ok, status = answer.ok, answer.describe()
        encoding = {name.lower(): value for name, value in answer.headers}.get("content-encoding")
        if gzip and ok and encoding != "gzip":
            ok, status = False, "200, not gzip"  # no gzip copy was served: flagged, not counted
        worker = sampler.busy_worker() or {}
        results.append(
            {
                "path": path,
                "status": status,
                "seconds": answer.seconds,
                "bytes": answer.size,
                "projects_per_s": project_count / answer.seconds if ok else None,
                "peak_rss_mb": worker.get("peak_rss_mb"),
                "rss_before_mb": worker.get("rss_before_mb"),
                "vmhwm_mb": worker.get("vmhwm_mb"),
                "worker_pid": worker.get("pid"),
            }
        )
        print(f"  {path}: {status} in {answer.seconds:.1f} s", file=sys.stderr)
    return results


def measure_load(server: Gunicorn, sample, args, workdir: Path) -> list[dict]:
    """wrk on the unfiltered list and on a project page, each on idle, fresh workers."""
    loads = []
    wait_until_idle(server)
    server.restart_workers()  # without the memory the exports left
    for path in ("/ru/projects/", f"/ru/projects/{sample.newest_slug}/"):
        wait_until_idle(server)  # the previous run's last requests are still being served
        print(f"  wrk {path} for {args.duration}", file=sys.stderr, flush=True)
        figures = run_wrk(
            server.port,
            path,
            connections=args.connections,
            threads=args.threads,
            duration=args.duration,
            timeout=args.wrk_timeout,
            folder=workdir,
        )
        loads.append(
            {
                "path": path,
                "connections": args.connections,
                "threads": min(args.threads, args.connections),
                "duration": args.duration,
                **figures,
            }
        )
    return loads


# --- The run --------------------------------------------------------------------------------


def run(args, stack: contextlib.ExitStack) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="registry-bench-scale-"))
    stack.callback(shutil.rmtree, workdir, ignore_errors=True)
    url, database, pg_server = database_url(args, stack)
    cache_settings, cache = cache_environment(args, stack)
    env = {**production_environment(url, workdir), **cache_settings}
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections

    print(f"database: {database}; preparing data (migrate, load_seeds, generate_projects)")
    data_note = prepare_data(args, env)
    print(data_note)
    connections.close_all()
    replica_settings, replica = replica_environment(args, pg_server, stack)
    env.update(replica_settings)
    servers = {"primary": url, "replica": replica_settings.get("DATABASE_REPLICA_URLS")}
    transactions_before = committed_transactions_of(servers)
    print(f"read replica: {replica}")
    admin_user, password = bench_admin()
    stack.callback(remove_bench_admin)
    sample = choose_sample(q_common=args.q_common, q_rare=args.q_rare)
    pages = pages_of(sample, args.page)
    print(f"counting queries in-process for {len(pages)} pages", flush=True)
    counts = count_queries(pages, admin_user)
    figures = []
    for page in pages:
        queries, status = counts[page.path]
        figures.append(
            PageFigures(page.label, page.path, queries=queries, in_process_status=status)
        )
    connections.close_all()

    server = Gunicorn(REPOSITORY, free_port(), args.workers, env, workdir / "gunicorn.log")
    if args.server_log:
        stack.callback(shutil.copyfile, server.log, args.server_log)
    stack.callback(server.stop)
    server.start()
    cookies = admin_login(server.port, "/ru/admin/login/", ADMIN_USERNAME, password)
    if not cookies:
        print("admin login failed: the admin pages will show the login redirect")
    print(f"timing {len(pages)} pages on gunicorn (port {server.port})", flush=True)
    wait_until_idle(server)
    baseline_times = measure_pages(server, pages, figures, cookies, args)
    exports = [] if args.no_exports else measure_exports(server, sample.published, args, env)
    loads = [] if args.no_load else measure_load(server, sample, args, workdir)
    transactions = {
        name: count - transactions_before[name]
        for name, count in committed_transactions_of(servers).items()
    }
    if servers["replica"]:
        print(f"transactions committed while timing: {transactions}")

    meta = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "database": database,
        "cache": cache,
        "replica": replica,
        "transactions": transactions,
        "data": data_note,
        "published": sample.published,
        "synthetic": sample.synthetic,
        "workers": args.workers,
        "repeat": args.repeat,
        "warmup": args.warmup,
        "sample": asdict(sample),
    }
    baseline = {
        "path": BASELINE,
        "p50_ms": percentile(baseline_times, 0.5) * 1000,
        "p95_ms": percentile(baseline_times, 0.95) * 1000,
        "samples": len(baseline_times),
    }
    rows = page_rows(figures, baseline_times)
    print_report(meta, baseline, rows, exports, loads)
    if args.json:
        document = {"meta": meta, "baseline": baseline, "pages": rows}
        document.update(exports=exports, load=loads)
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        print(f"\nwritten to {args.json}")


def git_commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPOSITORY, capture_output=True, text=True
    )
    return result.stdout.strip()


def main() -> None:
    args = parse_args()

    def interrupted(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # let the cleanup finish
        raise KeyboardInterrupt

    # A terminated run cleans up as an interrupted one does (gunicorn, PostgreSQL, files).
    signal.signal(signal.SIGTERM, interrupted)
    with contextlib.ExitStack() as stack:
        try:
            run(args, stack)
        except KeyboardInterrupt:
            print("\ninterrupted: stopping what the run started", file=sys.stderr)
            sys.exit(130)


if __name__ == "__main__":
    main()
