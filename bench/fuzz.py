"""The long fuzz run: hostile requests to every public address (projects/tests/fuzzing.py),
while another process publishes, withdraws and edits records, on the database DATABASE_URL
names (PostgreSQL: SQLite locks a database written by another process). Prints requests,
answers by status, requests/s, the writer's writes, and every request answered with 500 or
more (the run's target is none). Not part of the test suite.

    DATABASE_URL=postgres://... .venv/bin/python bench/fuzz.py [--requests 10000] [--seed 1]
        [--no-writer]

The database gets the seeds (load_seeds) if it has no project. Requests go through Django's
test client in this process, with DEBUG off as in production; streamed exports are read to
the end, so that an error while one is written counts too.
"""

import argparse
import collections
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    import django

    django.setup()


def write_loop(seed: int) -> None:
    """Until stopped: publish and withdraw projects, change amounts, places and names, each a
    transaction of its own, as editors and publishers do."""
    setup()
    from django.contrib.auth.models import User
    from django.db import transaction

    from projects.models import FundingLine, Organization, Place, Project
    from projects.services import publishing

    rng = random.Random(seed)  # noqa: S311 - reproducible load, not secrets
    publisher, _ = User.objects.get_or_create(username="fuzz-publisher", is_superuser=True)
    writes, stop = 0, False

    def finish(*_args):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, finish)
    places = list(Place.objects.values_list("pk", flat=True)[:200])
    while not stop:
        projects = list(Project.objects.values_list("pk", flat=True))
        chosen = Project.objects.filter(pk=rng.choice(projects))
        action = rng.randrange(4)
        with transaction.atomic():
            if action == 0:
                publishing.withdraw(chosen, publisher, via="fuzz")
                publishing.publish(chosen, publisher, via="fuzz")
            elif action == 1:
                for line in FundingLine.objects.filter(project__in=chosen):
                    line.amount = line.amount + rng.choice([-1, 1])
                    line.save()
            elif action == 2:
                project = chosen.get()
                place = rng.choice(places)
                project.places.add(place)
                project.places.remove(place)
            else:
                organization = Organization.objects.order_by("?").first()
                organization.save()  # a change of names as far as caches know
        writes += 1
    print(writes, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-writer", action="store_true")
    parser.add_argument("--write-loop", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_loop:
        write_loop(args.seed)
        return
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        parser.error("set DATABASE_URL to a PostgreSQL database (it gets the seeds if empty)")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "fuzz-run-only-" + "x" * 50)
    # Django's test client calls itself "testserver": keep it allowed beside the site's own hosts.
    hosts = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    os.environ["ALLOWED_HOSTS"] = ",".join([*hosts, "testserver"])
    setup()
    import logging

    from django.core.management import call_command
    from django.test import Client

    # Each 4xx is logged as a warning; the summary counts them. A 5xx would still be logged.
    logging.getLogger("django.request").setLevel(logging.ERROR)

    from projects.models import Organization, Place, Project
    from projects.tests.fuzzing import random_requests

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name hashed files
    if not Project.objects.exists():
        call_command("load_seeds", verbosity=0)
    requests = random_requests(
        list(Project.objects.values_list("slug", flat=True)[:50]),
        list(Organization.objects.values_list("slug", flat=True)[:50]),
        list(Place.objects.values_list("slug", flat=True)[:50]),
        seed=args.seed,
    )
    writer = None
    if not args.no_writer:
        command = [sys.executable, __file__, "--write-loop", "--seed", str(args.seed)]
        writer = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
    client = Client(raise_request_exception=False)
    statuses: collections.Counter = collections.Counter()
    failures: list[str] = []
    started = time.perf_counter()
    for number in range(1, args.requests + 1):
        path, query = next(requests)
        response = client.get(path, QUERY_STRING=query, secure=True)
        status = response.status_code
        if response.streaming and status < 500:
            try:
                b"".join(response.streaming_content)
            except Exception as error:  # noqa: BLE001 - counted and reported, the run goes on
                status = 599
                failures.append(f"{path}?{query}: while streaming: {error!r}")
        statuses[status] += 1
        if status >= 500 and len(failures) < 50:
            failures.append(f"{status} {path}?{query}")
        if number % 1000 == 0:
            seconds = time.perf_counter() - started
            errors = sum(count for status, count in statuses.items() if status >= 500)
            print(f"{number} requests, {seconds:.0f} s, >= 500: {errors}", flush=True)
    seconds = time.perf_counter() - started
    writes = "none (--no-writer)"
    if writer is not None:
        writer.send_signal(signal.SIGTERM)
        writes = (writer.communicate(timeout=60)[0].strip() or "?") + " transactions"
    by_class = collections.Counter(f"{status // 100}xx" for status in statuses.elements())
    print(
        f"fuzz: {args.requests} requests in {seconds:.0f} s ({args.requests / seconds:.0f}/s), "
        f"seed {args.seed}; answers {dict(sorted(by_class.items()))}, by status "
        f"{dict(sorted(statuses.items()))}; writer: {writes}"
    )
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f">= 500: {server_errors}")
    for failure in failures:
        print("  " + failure)
    sys.exit(1 if server_errors else 0)


if __name__ == "__main__":
    main()
