"""Throughput and memory of Sitrep extraction against the bare spaCy pipeline.

Runs, in one process tree and over the same generated corpus:
  1. the bare spaCy pipeline (`nlp.pipe`) — the baseline;
  2. Sitrep's full pipeline (spaCy + extraction + place resolution);
  3. Sitrep without place resolution, to show what geolocation costs;
  4. Sitrep on a Dask cluster (by default a local one, started inside the timed run), to show
     what the scale-out path costs against local worker processes.
Each with the same number of worker processes. Prints articles/s, peak memory and ratios.

    python bench/bench_extract.py [--articles 2000] [--workers 2] [--dask ADDRESS|local]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from sitrep.nlp import load_nlp
from sitrep.pipeline import PipelineConfig, run
from sitrep.record import Article


def _bare_spacy(articles: list[Article], workers: int) -> int:
    nlp = load_nlp()
    n = 0
    for _doc in nlp.pipe((a.text for a in articles), batch_size=16, n_process=workers):
        n += 1
    return n


def _sitrep(articles: list[Article], workers: int, geo: bool,
            scheduler: str | None = None) -> int:
    events = 0
    for _article, records in run(articles, PipelineConfig(geo=geo), n_process=workers,
                                 scheduler=scheduler):
        events += len(records)
    return events


def _measure(name: str, job: Callable[[], int], n_articles: int,
             queue: mp.Queue[tuple[str, float, float, int]]) -> None:
    start = time.perf_counter()
    out = job()
    elapsed = time.perf_counter() - start
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    queue.put((name, n_articles / elapsed, peak_kb / 1024, out))


def _in_child(name: str, job: Callable[[], int], n: int) -> tuple[str, float, float, int]:
    """Run one measurement in a fresh process so peak memory is its own."""
    ctx = mp.get_context("fork")
    queue: mp.Queue[tuple[str, float, float, int]] = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(name, job, n, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dask", default="local", metavar="ADDRESS|local",
                        help="Dask scheduler for the last run (default: a local cluster of "
                             "--workers processes)")
    args = parser.parse_args()
    articles = generate(args.articles)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"corpus: {len(articles)} generated articles, {words:.0f} words each on average; "
          f"{args.workers} worker processes")
    load_nlp()  # warm the model before forking so each run pays the same start-up
    from sitrep.geo import Gazetteer

    Gazetteer.open()  # make sure the gazetteer exists before timing
    rows = [
        _in_child("bare spaCy (baseline)", lambda: _bare_spacy(articles, args.workers),
                  len(articles)),
        _in_child("sitrep extract", lambda: _sitrep(articles, args.workers, True), len(articles)),
        _in_child("sitrep extract, no geo", lambda: _sitrep(articles, args.workers, False),
                  len(articles)),
        _in_child(f"sitrep extract, dask {args.dask}",
                  lambda: _sitrep(articles, args.workers, True, args.dask), len(articles)),
    ]
    base = rows[0][1]
    print(f"{'run':34} {'articles/s':>11} {'ratio':>7} {'peak MiB/proc':>14} {'output':>8}")
    for name, rate, peak, out in rows:
        print(f"{name:34} {rate:11.1f} {rate / base:7.2f} {peak:14.0f} {out:8d}")
    full, no_geo = rows[1][1], rows[2][1]
    extraction = 1 / full - 1 / base  # seconds per article beyond parsing
    geo_share = (1 / full - 1 / no_geo) / (1 / full)
    print(f"extraction beyond parsing: {extraction * 1000:.1f} ms/article; "
          f"place resolution: {geo_share:.0%} of sitrep's time")
    print("targets: sitrep/baseline >= 0.50 and >= 20 articles/s on 2 cores")


if __name__ == "__main__":
    main()
