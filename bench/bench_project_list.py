"""Benchmark: the public project list and a project page with the seeds alone (baseline) and
with N extra published projects, in the same run. Prints median times and query counts.

    .venv/bin/python bench/bench_project_list.py [--extra 2000] [--repeat 5]
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

PAGES = [
    ("list, no filter", "/ru/projects/", {}),
    (
        "list, place=kazakhstan, sort=budget",
        "/ru/projects/",
        {"place": "kazakhstan", "sort": "budget"},
    ),
    ("list, q=права", "/ru/projects/", {"q": "права"}),
    ("project page", "/ru/projects/human-rights-communication-information-governance/", {}),
    ("home", "/ru/", {}),
]


def measure(client, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures = []
    for label, path, params in PAGES:
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path, params)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
        figures.append((label, statistics.median(times), len(captured)))
    return figures


def add_projects(count):
    from decimal import Decimal

    from projects.models import FundingLine, Organization, Participation, Place, Project

    eu = Organization.objects.get(slug="european-union")
    places = list(Place.objects.filter(kind="city", country_code="KZ")[:40])
    projects = Project.objects.bulk_create(
        Project(
            slug=f"bench-{index}",
            title_ru=f"Права человека, проект {index}",
            title_en=f"Human rights, project {index}",
            original_language="ru",
            is_published=True,
        )
        for index in range(count)
    )
    Participation.objects.bulk_create(
        Participation(project=project, organization=eu, role="donor") for project in projects
    )
    FundingLine.objects.bulk_create(
        FundingLine(
            project=p, donor=eu, amount=Decimal(1000 + i), currency="EUR", kind="donor_contribution"
        )
        for i, p in enumerate(projects)
    )
    links = Project.places.through
    links.objects.bulk_create(
        links(project=project, place=places[index % len(places)])
        for index, project in enumerate(projects)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--extra", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="registry-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_seeds", stdout=io.StringIO())
    client = Client(HTTP_HOST="localhost")
    baseline = measure(client, args.repeat)
    add_projects(args.extra)
    loaded = measure(client, args.repeat)
    print(f"database: {connection.vendor}; baseline: 5 seed projects; then +{args.extra} projects")
    print(f"{'page':40s} {'base ms':>8s} {'q':>4s} {'big ms':>8s} {'q':>4s} {'ratio':>6s}")
    for (label, base_time, base_queries), (_, big_time, big_queries) in zip(
        baseline, loaded, strict=True
    ):
        print(
            f"{label:40s} {base_time * 1000:8.1f} {base_queries:4d} "
            f"{big_time * 1000:8.1f} {big_queries:4d} {big_time / base_time:6.2f}x"
        )


if __name__ == "__main__":
    main()
