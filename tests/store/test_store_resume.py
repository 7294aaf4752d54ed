"""Kill-and-resume: a writer killed with SIGKILL mid-batch loses only that batch."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_factory import numbered_batch

from sitrep.store import EventQuery, SQLiteStore

BATCHES, SIZE, EVENTS_EACH = 10, 4, 2

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from store_factory import numbered_batch
    from sitrep.record import EventRecord
    from sitrep.store import open_store

    class Stalling(EventRecord):
        def to_dict(self):  # called inside the batch's transaction
            print("MIDWAY", flush=True)
            time.sleep(120)
            raise SystemExit("not killed")

    with open_store(sys.argv[1]) as store:
        for i in range(10):
            batch = numbered_batch(i * 4, 4)
            if i == 3:
                article, events = batch[2]
                events[1] = Stalling.from_dict(events[1].to_dict())
            store.add(batch)
            print("batch", i, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_writer_resumes_without_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "resume.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(Path(__file__).parent)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    seen = []
    try:
        for line in proc.stdout:
            seen.append(line.strip())
            if line.strip() == "MIDWAY":
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        proc.stderr.close()
    assert seen == ["batch 0", "batch 1", "batch 2", "MIDWAY"], stderr
    assert proc.returncode == -signal.SIGKILL

    with SQLiteStore(db) as store:
        # batches 0-2 committed, batch 3 (half written when killed) rolled back
        assert store.stats()["articles"] == 3 * SIZE
        assert store.count_mentions(EventQuery()) == 3 * SIZE * EVENTS_EACH
        assert not store.has_article(numbered_batch(3 * SIZE, 1)[0][0].id)
        total = None
        for i in range(BATCHES):
            result = store.add(numbered_batch(i * SIZE, SIZE))
            total = result if total is None else total + result
        assert total is not None
        assert (total.articles_added, total.articles_skipped) == (7 * SIZE, 3 * SIZE)
        assert total.events_added == 7 * SIZE * EVENTS_EACH
        again = sum((store.add(numbered_batch(i * SIZE, SIZE)) for i in range(BATCHES)),
                    start=store.add([]))
        assert (again.articles_added, again.events_added) == (0, 0)

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
        n_articles, distinct_articles = conn.execute(
            "SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        n_events, distinct_events = conn.execute(
            "SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        n_points = conn.execute("SELECT count(*) FROM events_rtree").fetchone()[0]
    finally:
        conn.close()
    assert n_articles == distinct_articles == BATCHES * SIZE
    assert n_events == distinct_events == n_points == BATCHES * SIZE * EVENTS_EACH
