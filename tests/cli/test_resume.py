"""`sitrep ingest` killed with SIGKILL half-way, then run again, ends as a clean run does."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from cli_support import sitrep_command

from sitrep.store import open_store
from support import invoke

N_ARTICLES = 40
TOWNS = [("Saraqib", "Syria"), ("Kherson", "Ukraine"), ("Kirkuk", "Iraq"),
         ("Mogadishu", "Somalia"), ("Kabul", "Afghanistan"), ("Maiduguri", "Nigeria"),
         ("Omdurman", "Sudan"), ("Mosul", "Iraq")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _write_articles(folder: Path) -> list[str]:
    folder.mkdir()
    ids = []
    for i in range(N_ARTICLES):
        town, country = TOWNS[i % len(TOWNS)]
        day = DAYS[i % len(DAYS)]
        article_id = f"report-{i:02d}"
        paragraphs = [
            f"{town.upper()}, {country} - Gunmen attacked a checkpoint in {town} on {day}, "
            f"killing {i % 9 + 2} soldiers and wounding {i % 7 + 3} others, officials said.",
            f"A roadside bomb struck a minibus near {town} later the same day, killing "
            f"{i % 5 + 1} passengers, police said.",
            "Residents said shops stayed closed and families fled to nearby villages as the "
            "fighting went on into the night, while the local hospital asked for blood "
            "donations and extra staff to treat the wounded.",
            f"Aid groups said roads out of {town} were blocked by checkpoints and that food "
            "and fuel prices had doubled since the start of the month.",
        ] * 2
        (folder / f"{article_id}.txt").write_text(
            f"Report {i} from {town}\nPublished: 2024-03-{i % 20 + 8:02d}\n"
            f"Source: Test Wire\nid: {article_id}\n\n" + "\n\n".join(paragraphs) + "\n")
        ids.append(article_id)
    return ids


def _stored_articles(db: Path) -> int:
    """Articles committed so far, read without disturbing the writer; -1 before the schema."""
    if not db.exists():
        return -1
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return -1
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return -1
    finally:
        conn.close()


def _kill_half_way(folder: Path, db: Path) -> int | None:
    """Start an ingest and SIGKILL it once some but not all articles are stored.

    Returns how many were stored when it was killed, or None when it finished first."""
    proc = subprocess.Popen(
        [*sitrep_command(), "ingest", str(folder), "--db", str(db), "--batch-size", "2", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=folder.parent)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            n = _stored_articles(db)
            if N_ARTICLES // 4 <= n <= N_ARTICLES * 3 // 4:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
                assert proc.returncode == -signal.SIGKILL
                return n
            if proc.poll() is not None:
                return None
            time.sleep(0.002)
        pytest.fail("ingest stored nothing within two minutes")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()


def _event_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT event_id FROM events"))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_resumes_to_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    ids = _write_articles(folder)

    killed_at = None
    for attempt in range(3):
        db = tmp_path / f"resumed-{attempt}.sqlite"
        killed_at = _kill_half_way(folder, db)
        if killed_at is not None:
            break
    assert killed_at is not None, "ingest finished before it could be killed, three times"
    assert 0 < _stored_articles(db) < N_ARTICLES

    resumed = subprocess.run(
        [*sitrep_command(), "ingest", str(folder), "--db", str(db), "--batch-size", "2", "-q"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    before = resumed.stderr.split(" articles stored")[0].strip().splitlines()[-1]
    added = int(before)
    assert f"{N_ARTICLES - added} already stored, 0 failed" in resumed.stderr
    assert N_ARTICLES - added >= killed_at

    clean = tmp_path / "clean.sqlite"
    result = invoke(["ingest", str(folder), "--db", str(clean), "-q"])
    assert result.exit_code == 0, result.output

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT id, count(*) FROM articles GROUP BY id").fetchall()
        assert sorted(rows) == [(article_id, 1) for article_id in ids]
        orphans = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.article_id = a.id)").fetchone()[0]
        assert orphans == 0  # every article here reports events; none lost its batch's
    resumed_ids = _event_ids(db)
    assert len(resumed_ids) == len(set(resumed_ids))
    assert resumed_ids == _event_ids(clean)
    with open_store(db) as store, open_store(clean) as reference:
        assert store.stats()["articles"] == reference.stats()["articles"] == N_ARTICLES
        assert store.stats()["events"] == reference.stats()["events"]
        assert all(store.has_article(article_id) for article_id in ids)
