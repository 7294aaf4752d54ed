"""`sitrep ingest` into a database: counts, idempotence, and a --db that is not a database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_support import EVENTLESS, STORIES, records

from sitrep.store import EventQuery, open_store
from support import invoke


def test_ingest_twice_stores_each_article_once(stories_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    first = invoke(["ingest", str(stories_dir), "--db", str(db), "-q"])
    assert first.exit_code == 0, first.output
    stored = records(invoke(["events", "--db", str(db), "--format", "jsonl"]).stdout)
    n_events = len(stored)
    assert n_events >= len(STORIES) - len(EVENTLESS)
    assert (f"{len(STORIES)} articles stored, {n_events} events, 0 already stored, 0 failed"
            in first.stderr)

    second = invoke(["ingest", str(stories_dir), str(stories_dir / "kabul-bombing.txt"),
                     "--db", str(db), "-q"])
    assert second.exit_code == 0, second.output
    assert (f"0 articles stored, 0 events, {len(STORIES) + 1} already stored, 0 failed"
            in second.stderr)

    again = records(invoke(["events", "--db", str(db), "--format", "jsonl"]).stdout)
    assert sorted(e["event_id"] for e in again) == sorted(e["event_id"] for e in stored)
    assert len({e["event_id"] for e in again}) == len(again)
    assert {e["article_id"] for e in again} == {s.id for s in STORIES} - EVENTLESS

    with open_store(db) as store:
        assert store.stats()["articles"] == len(STORIES)
        assert store.stats()["events"] == n_events
        assert all(store.has_article(s.id) for s in STORIES)
        assert store.count_events(EventQuery()) == n_events
        article = store.article("saraqib-strike")
        assert article is not None
        assert article.source == "Levant Monitor"
        assert article.origin == str(stories_dir / "saraqib-strike.txt")
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(s.id for s in STORIES)


def test_ingest_with_the_database_from_the_environment(
        stories_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("SITREP_DB", str(db))
    result = invoke(["ingest", str(stories_dir / "kirkuk-ied.txt"), "-q"])
    assert result.exit_code == 0, result.output
    assert db.exists()
    listed = records(invoke(["events", "--format", "jsonl"]).stdout)
    assert [e["article_id"] for e in listed] == ["kirkuk-ied"]


def test_db_that_is_a_text_file_is_refused_and_left_alone(
        stories_dir: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    content = b"Field notes, do not delete.\nMosul, 5 November: heavy fighting.\n"
    notes.write_bytes(content)
    for command in (["ingest", str(stories_dir), "--db", str(notes), "-q"],
                    ["events", "--db", str(notes)],
                    ["export", "--db", str(notes), "--format", "jsonl"]):
        result = invoke(command)
        assert result.exit_code == 1, command
        assert f"Error: {notes} is not an SQLite database (it was left untouched)" \
            in result.stderr
        assert "Traceback" not in result.output
        assert notes.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_db_in_a_missing_folder(stories_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "events.sqlite"
    result = invoke(["ingest", str(stories_dir), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert not (tmp_path / "no").exists()


def test_ingest_progress_keeps_stdout_empty(stories_dir: Path, tmp_path: Path) -> None:
    """Without -q the progress display goes to the terminal; nothing lands in a pipe."""
    db = tmp_path / "events.sqlite"
    result = invoke(["ingest", str(stories_dir / "kirkuk-ied.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 articles stored" in result.stderr
    assert result.stdout == ""


def test_ingest_with_two_workers(stories_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    result = invoke(["ingest", str(stories_dir), "--db", str(db), "--workers", "2", "-q"],
                    catch=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert store.stats()["articles"] == len(STORIES)


def test_extract_with_two_workers_matches_one(stories_dir: Path) -> None:
    one = invoke(["extract", str(stories_dir), "--format", "jsonl"])
    two = invoke(["extract", str(stories_dir), "--format", "jsonl", "--workers", "2"])
    assert two.exit_code == 0, two.output
    assert records(two.stdout) == records(one.stdout)


def test_ingest_from_stdin_twice(stories_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    data = (stories_dir / "kabul-bombing.txt").read_bytes()
    first = invoke(["ingest", "-", "--db", str(db), "-q"], stdin=data)
    assert first.exit_code == 0, first.output
    assert "1 articles stored, 1 events, 0 already stored" in first.stderr
    second = invoke(["ingest", "-", "--db", str(db), "-q"], stdin=data)
    assert "0 articles stored, 0 events, 1 already stored" in second.stderr
    listed = records(invoke(["events", "--db", str(db), "--format", "jsonl"]).stdout)
    assert [e["article_id"] for e in listed] == ["kabul-bombing"]
