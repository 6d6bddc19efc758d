"""Load on several machines, and what a failure costs: two app processes (gunicorn) sharing a
Redis and a PostgreSQL primary with a streaming replica (README, "Running on several
machines"), all throwaway (registry/cluster.py), under a steady load of visitors, while Redis
and then the replica are killed.

    .venv/bin/python bench/bench_cluster.py [--projects 2000] [--phase-seconds 20]
        [--clients 8] [--workers 2] [--fresh 0.5] [--json FILE]

The primary gets the seeds and `generate_projects N`; the replica is copied from it with
pg_basebackup -R; each app process runs --workers gunicorn workers with REDIS_URL and
DATABASE_REPLICA_URLS set. --clients threads, each with a kept-alive connection to one of the
two processes (half each), ask in turn for the home page, the project list, a search, project,
organisation and place pages, an export's first bytes and /readyz, and /healthz (the baseline);
a share (--fresh) of the pages ask `Cache-Control: no-cache`, so they are built from the
database (the replica's or the primary's) rather than taken from Redis. Three phases:

1. steady: everything up;
2. Redis killed a third of the way in (and started again, empty, after the phase);
3. the replica stopped a third of the way in (not started again).

Per phase it prints the requests, the answers by status, failed requests (refused, reset,
timed out), p50/p95 latency of the pages and of /healthz, and their ratio. The exit status is 1
when any answer is 500 or more, or any request failed: a failure must cost nothing.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import random
import sys
import threading
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.http_measure import percentile  # noqa: E402
from registry.cluster import LocalCluster, committed_transactions  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, default=2000, help="synthetic projects")
    parser.add_argument("--phase-seconds", type=float, default=20, help="seconds per phase")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per process")
    parser.add_argument("--fresh", type=float, default=0.5, help="share of no-cache requests")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the request mix")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser.parse_args()


# --- The addresses ------------------------------------------------------------------------


def addresses(cluster: LocalCluster, rng: random.Random) -> list[str]:
    """A mix of public addresses over the generated data."""

    def slugs(query: str) -> list[str]:
        return [row[0] for row in cluster.sql(cluster.primary, query)]

    projects = slugs(
        "SELECT slug FROM projects_project WHERE is_published ORDER BY random() LIMIT 40"
    )
    organizations = slugs("SELECT slug FROM projects_organization ORDER BY random() LIMIT 20")
    places = slugs("SELECT slug FROM projects_place ORDER BY random() LIMIT 20")
    paths = ["/ru/", "/kk/", "/en/projects/", "/ru/projects/?page=3", "/ru/projects/?year=2023"]
    paths += ["/ru/projects/?q=%D0%B2%D0%BE%D0%B4%D0%B0", "/en/projects/?q=education"]
    paths += [f"/{rng.choice(['ru', 'kk', 'en'])}/projects/{slug}/" for slug in projects]
    paths += [f"/ru/organizations/{slug}/" for slug in organizations]
    paths += [f"/en/places/{slug}/" for slug in places]
    paths += ["/ru/donors/", "/readyz", "/sitemap.xml"]
    return paths


# --- The load -------------------------------------------------------------------------------


class Tally:
    """What the clients saw in one phase (threads add to it under a lock)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: collections.Counter = collections.Counter()
        self.failures: collections.Counter = collections.Counter()
        self.page_seconds: list[float] = []
        self.baseline_seconds: list[float] = []
        self.server_errors: list[str] = []

    def add(self, path: str, status: int | None, seconds: float, failure: str = "") -> None:
        with self.lock:
            if status is None:
                self.failures[failure] += 1
                self.server_errors.append(f"{path}: {failure}")
                return
            self.statuses[status] += 1
            if status >= 500:
                self.server_errors.append(f"{path}: {status}")
            (self.baseline_seconds if path == "/healthz" else self.page_seconds).append(seconds)


def client(port: int, paths: list[str], fresh: float, until: float, tally: Tally, rng) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < until:
        for path in ("/healthz", rng.choice(paths)):
            headers = {"Cache-Control": "no-cache"} if rng.random() < fresh else {}
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                tally.add(path, response.status, time.perf_counter() - started)
            except (OSError, http.client.HTTPException) as error:
                tally.add(path, None, 0.0, type(error).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.close()


def run_phase(cluster, paths, args, rng, event=None) -> Tally:
    """The load for --phase-seconds; `event` (a function) runs a third of the way in."""
    tally = Tally()
    until = time.monotonic() + args.phase_seconds
    threads = [
        threading.Thread(
            target=client,
            args=(cluster.apps[number % len(cluster.apps)].port, paths, args.fresh, until, tally,
                  random.Random(rng.random())),  # noqa: S311 - a request mix, not a secret
        )
        for number in range(args.clients)
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    if event is not None:
        time.sleep(args.phase_seconds / 3)
        event()
    for thread in threads:
        thread.join()
    return tally


def figures(name: str, tally: Tally, seconds: float) -> dict:
    def milliseconds(values: list[float], share: float) -> float:
        return percentile(values, share) * 1000 if values else 0

    pages_p50 = milliseconds(tally.page_seconds, 0.5)
    baseline_p50 = milliseconds(tally.baseline_seconds, 0.5)
    requests = sum(tally.statuses.values()) + sum(tally.failures.values())
    return {
        "phase": name,
        "requests": requests,
        "requests_per_second": round(requests / seconds, 1),
        "statuses": dict(sorted(tally.statuses.items())),
        "failed_requests": dict(tally.failures),
        "answers_500_or_more": sum(n for status, n in tally.statuses.items() if status >= 500),
        "pages_p50_ms": round(pages_p50, 1),
        "pages_p95_ms": round(milliseconds(tally.page_seconds, 0.95), 1),
        "healthz_p50_ms": round(baseline_p50, 1),
        "pages_to_healthz_p50": round(pages_p50 / baseline_p50, 1) if baseline_p50 else None,
        "first_errors": tally.server_errors[:5],
    }


def main() -> int:
    args = parse_args()
    rng = random.Random(args.seed)  # noqa: S311 - a request mix, not a secret
    started = time.monotonic()
    with LocalCluster(apps_count=2, workers=args.workers) as cluster:
        print("primary and Redis up; migrate, load_seeds, generate_projects", flush=True)
        cluster.manage("migrate", "--noinput")
        cluster.manage("load_seeds")
        cluster.manage("generate_projects", str(args.projects), "--seed", "1")
        cluster.start_replica()
        cluster.start_apps()
        paths = addresses(cluster, rng)
        print(
            f"{len(paths)} addresses; 2 app processes x {args.workers} workers; "
            f"{args.clients} clients; {args.phase_seconds:.0f} s per phase",
            flush=True,
        )
        for path in paths:  # once each, so that the steady phase is not the first visit
            http_get(cluster.apps[0].port, path)
        phases = []
        before = transactions(cluster)
        for name, event in (
            ("steady", None),
            ("redis killed", cluster.stop_redis),
            ("replica stopped", cluster.stop_replica),
        ):
            tally = run_phase(cluster, paths, args, rng, event)
            phases.append(figures(name, tally, args.phase_seconds))
            if name == "steady":
                after = transactions(cluster)
                phases[-1]["transactions"] = {
                    server: after[server] - before[server] for server in after
                }
            print_phase(phases[-1])
            if name == "redis killed":
                cluster.restart_redis()
        logged = warnings_logged(cluster)
        print("\nwarnings and errors the app processes logged:")
        for line, count in logged.most_common(12):
            print(f"  {count:6d}  {line}")
    failed = sum(p["answers_500_or_more"] + sum(p["failed_requests"].values()) for p in phases)
    print(f"\n{sum(p['requests'] for p in phases)} requests in 3 phases; answers >= 500 or "
          f"failed requests: {failed}; {time.monotonic() - started:.0f} s in all")  # fmt: skip
    if args.json:
        document = {"phases": phases, "logged": dict(logged)}
        args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def transactions(cluster: LocalCluster) -> dict[str, int]:
    """Transactions the primary and the replica have committed: where the reads went."""
    return {
        "primary": committed_transactions(cluster.primary.url),
        "replica": committed_transactions(cluster.replica.url),
    }


def warnings_logged(cluster: LocalCluster) -> collections.Counter:
    """The app processes' warnings by logger (what the failures cost in the logs)."""
    counted: collections.Counter = collections.Counter()
    for app in cluster.apps:
        for line in app.log_path.read_text().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("level") in {"WARNING", "ERROR", "CRITICAL"}:
                counted[f"{record['level']} {record['logger']}: {record['message'][:60]}"] += 1
    return counted


def http_get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def print_phase(phase: dict) -> None:
    print(
        f"\n{phase['phase']}: {phase['requests']} requests ({phase['requests_per_second']}/s); "
        f"statuses {phase['statuses']}; failed {phase['failed_requests'] or 0}; "
        f">= 500: {phase['answers_500_or_more']}"
    )
    print(
        f"  pages p50 {phase['pages_p50_ms']} ms, p95 {phase['pages_p95_ms']} ms; /healthz p50 "
        f"{phase['healthz_p50_ms']} ms; ratio {phase['pages_to_healthz_p50']}"
    )
    if "transactions" in phase:
        print(f"  transactions committed: {phase['transactions']}")
    for line in phase["first_errors"]:
        print(f"  {line}")


if __name__ == "__main__":
    sys.exit(main())
