"""Benchmark: load_seeds on an empty database, then again on a loaded one (the no-op path).

Prints wall-clock medians and query counts; the first load is the baseline of the same run,
so the ratios compare like with like on whatever machine runs it.

    .venv/bin/python bench/bench_load_seeds.py [--repeat 3] [--database-url URL]
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="registry-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first_times, again_times, first_queries, again_queries = [], [], [], []
    for _ in range(args.repeat):
        call_command("flush", interactive=False, verbosity=0) if first_times else None
        call_command("migrate", verbosity=0)
        for times, queries in ((first_times, first_queries), (again_times, again_queries)):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                call_command("load_seeds", stdout=io.StringIO())
                times.append(time.perf_counter() - started)
            queries.append(len(captured))
        call_command("flush", interactive=False, verbosity=0)

    first, again = statistics.median(first_times), statistics.median(again_times)
    print(f"database: {connection.vendor}, repeats: {args.repeat}")
    for label, seconds, queries in (
        ("empty database (baseline)", first, first_queries[0]),
        ("already loaded (no-op)", again, again_queries[0]),
    ):
        print(f"load_seeds, {label:26s} {seconds * 1000:8.1f} ms {queries:6d} queries")
    ratio_time, ratio_queries = again / first, again_queries[0] / first_queries[0]
    print(f"no-op / baseline: time {ratio_time:.2f}x, queries {ratio_queries:.2f}x")


if __name__ == "__main__":
    main()
