"""Benchmark: the press-release extractor on the five seeds and the unseen test releases.

Baseline of the same run: preparing the text alone (decode, tidy, blank the page noise);
then the whole extraction. Prints the median per document.

    .venv/bin/python bench/bench_extract.py [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    import django

    django.setup()
    from projects.ingest import extract, prepare

    paths = sorted((ROOT / "seeds").glob("[0-9][0-9][0-9]_*.txt"))
    paths += sorted((ROOT / "projects/tests/press_releases").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    started = time.perf_counter()
    extract(texts[0])  # loads the gazetteer index and the Russian dictionary once
    print(f"first call (loads gazetteer and dictionary): {time.perf_counter() - started:.2f} s")
    print(f"{'document':40s} {'chars':>6s} {'prepare ms':>11s} {'extract ms':>11s} {'ratio':>6s}")
    for path, text in zip(paths, texts, strict=True):
        base = _median(lambda text=text: prepare(text), args.repeat)
        full = _median(lambda text=text: extract(text), args.repeat)
        print(f"{path.name:40s} {len(text):6d} {base * 1000:11.2f} {full * 1000:11.2f} "
              f"{full / base:6.1f}x")  # fmt: skip


def _median(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    main()
