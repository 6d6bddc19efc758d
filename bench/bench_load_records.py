"""Benchmark: `manage.py load_records FILE` into an empty database, then the same file again
(the no-op path), on the database DATABASE_URL names. Prints projects, seconds and projects/s
for each, medians over the repeats, with the CPU seconds of this process and (for a server on
this machine) of its PostgreSQL backend, which a busy shared machine disturbs less than wall
time, and the load average.

    DATABASE_URL=postgres://... .venv/bin/python bench/bench_load_records.py EXPORT.json
        [--repeat 3] [--database-url URL]

EXPORT.json is a JSON export (/<lang>/projects/export.json or records.stream_export). The
database is flushed (every table emptied) before each first load: never point this at a
database whose data you want to keep.
"""

import argparse
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set DATABASE_URL")
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    projects = len(json.loads(args.file.read_text(encoding="utf-8"))["projects"])
    call_command("migrate", verbosity=0)

    def backend_cpu() -> float | None:
        """CPU seconds of this connection's PostgreSQL backend, if it runs on this machine."""
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def load() -> dict:
        server = backend_cpu()
        client, started = time.process_time(), time.perf_counter()
        output = io.StringIO()
        call_command("load_records", str(args.file), stdout=output)
        run = {
            "seconds": time.perf_counter() - started,
            "client": time.process_time() - client,
            "summary": output.getvalue().strip().splitlines()[-1],
        }
        after = backend_cpu()
        run["server"] = None if server is None or after is None else after - server
        return run

    runs: dict[str, list[dict]] = {"first": [], "again": []}
    load_before = os.getloadavg()[0]
    for _ in range(args.repeat):
        call_command("flush", interactive=False, verbosity=0)
        connection.close()  # a fresh backend, whose CPU time is this load's
        runs["first"].append(load())
        runs["again"].append(load())

    print(
        f"database: {connection.vendor}, file: {args.file.name}, repeats: {args.repeat}, "
        f"load average before/after: {load_before:.1f}/{os.getloadavg()[0]:.1f}"
    )
    for label, name in (("empty database", "first"), ("same file again (no-op)", "again")):
        seconds = statistics.median(run["seconds"] for run in runs[name])
        client = statistics.median(run["client"] for run in runs[name])
        servers = [run["server"] for run in runs[name] if run["server"] is not None]
        server = f", server CPU {statistics.median(servers):.1f} s" if servers else ""
        print(
            f"load_records, {label:24s} {projects:6d} projects {seconds:7.2f} s "
            f"{projects / seconds:6.0f} projects/s (client CPU {client:.1f} s{server})"
        )
        every = ", ".join(f"{run['seconds']:.2f}" for run in runs[name])
        print(f"  every run, s: {every}")
        print(f"  last summary: {runs[name][-1]['summary']}")


if __name__ == "__main__":
    main()
