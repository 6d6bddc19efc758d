"""Benchmark: every open-data export of all published projects in a database, each in a fresh
child process, so that the peak memory (ru_maxrss) is that export's alone. Prints, per export,
the projects it covers, what it wrote (rows, activities, grants), bytes, seconds, projects per
second, the CPU seconds of the exporting process (the database server's are not counted; on a
busy machine they say more than the wall clock) and peak RSS, as medians of --repeat runs.
Reads the database; writes nothing to it.

    DATABASE_URL=postgres://... .venv/bin/python bench/bench_exports.py [--repeat 3]
        [--only csv,json,xlsx,iati,360giving,donors]

Exports run as production runs them (DEBUG=0, so no query log), through their views with
Django's test client, reading the streamed response piece by piece without keeping it.
Not part of the test suite: it needs a database with many projects (`generate_projects`).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name: (address, query parameters, what a piece starts per item, what the items are)
EXPORTS = {
    "csv": ("/ru/projects/export.csv", {}, None, "rows"),
    "json": ("/ru/projects/export.json", {}, None, "records"),
    "xlsx": ("/ru/projects/export.xlsx", {}, None, "rows"),
    "iati": ("/open-data/iati.xml", {}, b"<iati-activity ", "activities"),
    "360giving": ("/open-data/360giving.json", {}, b'\n    {\n      "id": ', "grants"),
    "donors": ("/ru/projects/export-donors.csv", {}, None, "donors"),
}


def child(name: str) -> None:
    """Run one export and print its figures as JSON (in a process of its own)."""
    import resource

    import django

    django.setup()
    from django.test import Client

    from projects.models import Project

    path, params, item_mark, _items = EXPORTS[name]
    projects = Project.objects.published().count()
    client = Client(HTTP_HOST="localhost")
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    response = client.get(path, params, secure=True)
    assert response.status_code == 200, (path, response.status_code)
    size, items, lines, pieces = 0, 0, 0, 0
    content = response.streaming_content if response.streaming else [response.content]
    for piece in content:
        pieces += 1
        size += len(piece)
        lines += piece.count(b"\n")
        if item_mark:
            items += piece.count(item_mark)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    if name == "csv" or name == "donors":
        items = lines - 1  # the header; no default column holds a line break
    elif name in ("json", "xlsx"):
        items = projects
    figures = {
        "projects": projects,
        "items": items,
        "bytes": size,
        "seconds": seconds,
        "cpu_seconds": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
        "pieces": pieces,
        "rss_before_mb": before.ru_maxrss / 1024,
        "rss_mb": after.ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def run_child(name: str) -> dict:
    environment = dict(os.environ)
    environment.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    environment.update(
        DEBUG="0",
        SECRET_KEY=environment.get("SECRET_KEY") or "bench-" + "x" * 50,
        ALLOWED_HOSTS="localhost",
        LOG_LEVEL="WARNING",
    )
    result = subprocess.run(
        [sys.executable, __file__, "--child", name],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=",".join(EXPORTS), help="comma-separated exports")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL to the database to measure (postgres://...).")
    names = [name for name in args.only.split(",") if name]
    print(f"database: {os.environ['DATABASE_URL'].rsplit('@', 1)[-1]}; medians of {args.repeat}")
    header = (
        f"{'export':10s} {'projects':>9s} {'items':>16s} {'MB':>8s} {'seconds':>8s} "
        f"{'projects/s':>10s} {'CPU s':>7s} {'peak RSS MB':>11s} {'(at start)':>10s}"
    )
    print(header)
    for name in names:
        runs = [run_child(name) for _ in range(args.repeat)]
        seconds = statistics.median(run["seconds"] for run in runs)
        cpu = statistics.median(run["cpu_seconds"] for run in runs)
        rss = statistics.median(run["rss_mb"] for run in runs)
        first = runs[0]
        items = f"{first['items']} {EXPORTS[name][3]}"
        print(
            f"{name:10s} {first['projects']:9d} {items:>16s} {first['bytes'] / 1e6:8.1f} "
            f"{seconds:8.1f} {first['projects'] / seconds:10.0f} {cpu:7.1f} {rss:11.0f} "
            f"{statistics.median(run['rss_before_mb'] for run in runs):10.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
