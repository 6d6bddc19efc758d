"""bench_scale.py's figures and tables: pages (times and their ratios to the baseline,
queries, sizes, statuses), exports and wrk."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bench.http_measure import percentile

BASELINE = "/healthz"
HTML_LIMIT = 200 * 1024


@dataclass
class PageFigures:
    label: str
    path: str
    times: list[float] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    size: int = 0
    content_type: str = ""
    queries: int | None = None
    in_process_status: str = ""
    failed: bool = False  # no answer or a server error: not asked again
    first: float | None = None  # the first request after the data was loaded: nothing cached
    built: list[float] = field(default_factory=list)  # asked with Cache-Control: no-cache

    @property
    def status(self) -> str:
        """200 when every request gave 200, else the first other answer."""
        return next(
            (s for s in self.statuses if s != "200"), self.statuses[0] if self.statuses else "-"
        )


def page_rows(figures: list[PageFigures], baseline: list[float]) -> list[dict]:
    base50, base95 = percentile(baseline, 0.5), percentile(baseline, 0.95)
    rows = []
    for page in figures:
        p50, p95 = percentile(page.times, 0.5), percentile(page.times, 0.95)
        built50, built95 = percentile(page.built, 0.5), percentile(page.built, 0.95)
        rows.append(
            {
                "built_p50_ms": built50 * 1000 if page.built else float("nan"),
                "built_p95_ms": built95 * 1000 if page.built else float("nan"),
                "ratio_built_p50": built50 / base50 if page.built and base50 else float("nan"),
                "ratio_built_p95": built95 / base95 if page.built and base95 else float("nan"),
                "first_ms": page.first * 1000 if page.first is not None else float("nan"),
                "label": page.label,
                "path": page.path,
                "p50_ms": p50 * 1000,
                "p95_ms": p95 * 1000,
                "ratio_p50": p50 / base50 if base50 else float("nan"),
                "ratio_p95": p95 / base95 if base95 else float("nan"),
                "queries": page.queries,
                "bytes": page.size,
                "status": page.status,
                "in_process_status": page.in_process_status,
                "samples": len(page.times),
                "flags": flags_of(page),
            }
        )
    return rows


def flags_of(page) -> list[str]:
    flags = []
    if page.status != "200":
        flags.append("non-200" if page.status.isdigit() else "error")
    if page.content_type.startswith("text/html") and page.size > HTML_LIMIT:
        flags.append("over 200 KB")
    return flags


def number(value, spec: str, width: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-".rjust(width)
    return format(value, spec).rjust(width)


def print_report(meta: dict, baseline: dict, rows: list[dict], exports, loads) -> None:
    print()
    print(
        f"{meta['database']}; {meta['published']} published projects "
        f"({meta['synthetic']} synthetic); gunicorn {meta['workers']} workers; "
        f"{meta['repeat']} timed requests per page after {meta['warmup']} warm-ups"
    )
    print(
        f"data: {meta['data']}; cache: {meta.get('cache', 'not recorded')}; "
        f"read replica: {meta.get('replica', 'none')}"
    )
    print(
        f"baseline {BASELINE}: p50 {baseline['p50_ms']:.1f} ms, p95 {baseline['p95_ms']:.1f} ms "
        f"({baseline['samples']} requests, interleaved with the pages)"
    )
    print(
        "p50/p95: the page as visitors get it (kept in the cache until the data changes); "
        "built: asked with Cache-Control: no-cache, so the page is built (its aggregates "
        "cached); first: the first request after the data was loaded, nothing cached yet"
    )
    width = max(len(row["label"]) for row in rows)
    header = (
        f"{'page':{width}s} {'p50 ms':>8s} {'p95 ms':>8s} {'×p50':>6s} {'×p95':>6s} "
        f"{'built p50':>9s} {'built p95':>9s} {'×p50':>6s} {'×p95':>6s} {'first ms':>9s} "
        f"{'queries':>7s} {'bytes':>9s} {'status':>6s}"
    )
    print()
    print(header)
    print("-" * len(header))
    for row in rows:
        status = row["status"] if len(row["status"]) <= 6 else "error"
        line = (
            f"{row['label']:{width}s} {number(row['p50_ms'], '.1f', 8)} "
            f"{number(row['p95_ms'], '.1f', 8)} {number(row['ratio_p50'], '.1f', 6)} "
            f"{number(row['ratio_p95'], '.1f', 6)} {number(row['built_p50_ms'], '.1f', 9)} "
            f"{number(row['built_p95_ms'], '.1f', 9)} {number(row['ratio_built_p50'], '.1f', 6)} "
            f"{number(row['ratio_built_p95'], '.1f', 6)} {number(row['first_ms'], '.0f', 9)} "
            f"{number(row['queries'], 'd', 7)} {number(row['bytes'], 'd', 9)} {status:>6s}"
        )
        notes = list(row["flags"])
        if len(row["status"]) > 6:
            notes.append(row["status"])
        print(line + (f"  <- {', '.join(notes)}" if notes else ""))
    if exports:
        print()
        header = (
            f"{'export':40s} {'seconds':>8s} {'bytes':>12s} {'projects/s':>10s} "
            f"{'peak RSS MB':>11s} {'RSS before':>10s} {'VmHWM MB':>9s} {'status':>6s}"
        )
        print(header)
        print("-" * len(header))
        for row in exports:
            status = row["status"] if len(row["status"]) <= 6 else "error"
            line = (
                f"{row['path']:40s} {row['seconds']:8.1f} {row['bytes']:12d} "
                f"{number(row['projects_per_s'], '.0f', 10)} "
                f"{number(row['peak_rss_mb'], '.0f', 11)} "
                f"{number(row['rss_before_mb'], '.0f', 10)} "
                f"{number(row['vmhwm_mb'], '.0f', 9)} {status:>6s}"
            )
            print(line + (f"  <- {row['status']}" if status != "200" else ""))
    if loads:
        print()
        for load in loads:
            if "error" in load:
                print(f"wrk {load['path']}: {load['error']}")
                continue
            if not load["requests"]:
                print(f"wrk {load['path']}: no request finished within {load['duration']}")
                continue
            print(
                f"wrk -c{load['connections']} -t{load['threads']} -d{load['duration']} "
                f"{load['path']}: {load['requests_per_s']:.1f} requests/s, latency p50 "
                f"{load['p50_ms']:.0f} ms, p99 {load['p99_ms']:.0f} ms; {load['requests']} "
                f"requests, {load['non2xx']} non-2xx, {load['socket_errors']} socket errors"
            )
