"""Compare two versions of deduplication on one fixed extraction of a `gva_dedup` split.

Extraction changes while deduplication is tuned, so before/after figures are taken on one saved
extraction: `extract` runs the pipeline over a split once and saves (gold, records) with pickle;
`group` groups the saved records with the deduplication code on `PYTHONPATH` and scores them
exactly as `sitrep eval gva_dedup` does.

    python bench/dedup_snapshot.py extract dev /tmp/gva-dev.pkl -j 2
    python bench/dedup_snapshot.py group /tmp/gva-dev.pkl
    PYTHONPATH=/path/to/old/src python bench/dedup_snapshot.py group /tmp/gva-dev.pkl
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from pathlib import Path

from sitrep.eval.dedup import group_articles, report
from sitrep.eval.gva import load
from sitrep.pipeline import PipelineConfig, run


def extract(split: str, out: Path, workers: int, data: Path) -> None:
    items = load(data, split)
    started = time.perf_counter()
    extracted = list(run((article for article, _ in items), PipelineConfig(), n_process=workers))
    with out.open("wb") as f:
        pickle.dump((split, items, extracted), f)
    print(f"{len(extracted)} articles of {split} extracted in "
          f"{time.perf_counter() - started:.0f} s -> {out}")


def group(saved: Path) -> None:
    with saved.open("rb") as f:
        split, items, extracted = pickle.load(f)
    started = time.process_time()
    pred, events, actions = group_articles(extracted)
    cpu = time.process_time() - started
    scored = report(items, pred, events, split, actions)
    for metric in scored.metrics:
        print(f"{metric.name}: {metric.value:.3f}")
    print(f"grouping CPU {cpu:.1f} s; decisions {actions}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="run the pipeline over a split once and save it")
    ex.add_argument("split", choices=["dev", "test"])
    ex.add_argument("out", type=Path)
    ex.add_argument("-j", "--workers", type=int, default=1)
    ex.add_argument("--data", type=Path,
                    default=Path(os.environ.get("SITREP_EVAL_DATA", "../shared/data")))
    gr = sub.add_parser("group", help="group a saved extraction and score it")
    gr.add_argument("saved", type=Path)
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.split, args.out, args.workers, args.data)
    else:
        group(args.saved)


if __name__ == "__main__":
    main()
