"""Storing with deduplication on SQLite and on PostgreSQL, side by side.

The same generated mentions as `bench_dedup.py` (about three reports per incident) are stored,
in batches of 64, into a fresh SQLite file and a fresh PostgreSQL database. Prints mentions/s
for each, the ratio of their times, and whether both grouped the mentions into the same
number of events (they run the same deduplication SQL).

    python bench/bench_store.py [--mentions 5000] [--postgres URL]

Without --postgres, a throwaway PostgreSQL server is started from the installed server
binaries (as the tests do) and stopped at the end.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bench_dedup import mentions
from pg_server import PostgresServer, ServerUnavailable
from sitrep.store import EventQuery, open_store


def _store(target: str, n: int) -> tuple[float, int]:
    """Seconds to store `n` generated mentions into `target`, and the events made."""
    with open_store(target) as store:
        start = time.perf_counter()
        batch = []
        for item in mentions(n):
            batch.append(item)
            if len(batch) >= 64:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
        return time.perf_counter() - start, store.count_events(EventQuery())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=5000)
    parser.add_argument("--postgres", metavar="URL",
                        help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()
    try:
        server = None if args.postgres else PostgresServer()
    except ServerUnavailable as exc:
        print(f"no PostgreSQL to compare with ({exc}); give --postgres URL")
        return
    try:
        pg_url = args.postgres if server is None else server.new_database()
        with tempfile.TemporaryDirectory() as folder:
            sqlite_s, sqlite_events = _store(str(Path(folder) / "bench.sqlite"), args.mentions)
        pg_s, pg_events = _store(pg_url, args.mentions)
    finally:
        if server is not None:
            server.stop()
    n = args.mentions
    print(f"{n} generated mentions, deduplicated as they are stored, batches of 64")
    print(f"{'store':12} {'mentions/s':>11} {'events':>8}")
    print(f"{'SQLite':12} {n / sqlite_s:11.0f} {sqlite_events:8d}")
    print(f"{'PostgreSQL':12} {n / pg_s:11.0f} {pg_events:8d}")
    print(f"PostgreSQL takes {pg_s / sqlite_s:.2f}x SQLite's time; same events: "
          f"{'yes' if pg_events == sqlite_events else 'NO'}")


if __name__ == "__main__":
    main()
