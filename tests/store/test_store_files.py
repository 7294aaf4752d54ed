"""Opening store files: migrations, newer and foreign files, bad paths, URLs, the default."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from store_factory import make_article, make_event

from sitrep.store import (
    SCHEMA_VERSION,
    EventQuery,
    SQLiteStore,
    Store,
    StoreError,
    default_db_path,
    open_store,
)
from sitrep.store.sqlite import MIGRATIONS, apply_migrations


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_new_file_gets_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with SQLiteStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION == len(MIGRATIONS) >= 2
    assert user_version(path) == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "events", "articles_fts", "events_fts", "events_rtree"} <= names
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_old_version_file_is_migrated_and_its_rows_indexed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    article = make_article("old", "Militants shelled the outskirts of Mosul at dawn.")
    event = make_event(article, article.text, sub_event_type="Armed clash")
    conn = sqlite3.connect(path, isolation_level=None)
    assert apply_migrations(conn, MIGRATIONS[:1]) == 1
    conn.execute(
        "INSERT INTO articles (id, title, text, content_hash, ingested_at) "
        "VALUES (?, ?, ?, ?, '2016-11-05T00:00:00+00:00')",
        (article.id, article.title, article.text, article.content_hash),
    )
    assert event.location and event.location.lat is not None
    conn.execute(
        "INSERT INTO events (event_id, article_id, event_type, sub_event_type, event_date, "
        "date_start, date_end, lat, lon, confidence, evidence_start, evidence_text, record) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        (event.event_id, article.id, event.event_type, event.sub_event_type, event.event_date,
         event.event_date, event.event_date, event.location.lat, event.location.lon,
         event.confidence, article.text, json.dumps(event.to_dict())),
    )
    conn.close()
    assert user_version(path) == 1

    with SQLiteStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert list(s.mentions(EventQuery(text="dawn", text_scope="evidence"))) == [event]
        assert list(s.mentions(EventQuery(text="outskirts", text_scope="article"))) == [event]
        assert list(s.mentions(EventQuery(bbox=(43.0, 36.0, 44.0, 37.0)))) == [event]
        assert s.has_article(article.id)
    assert user_version(path) == SCHEMA_VERSION


def test_newer_version_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer Sitrep") as err:
        SQLiteStore(path)
    assert str(path) in str(err.value) and "upgrade" in str(err.value)
    assert path.read_bytes() == before


def test_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Not a database, just a note about Mosul.\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database") as err:
        open_store(path)
    assert str(path) in str(err.value) and "--db" in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # no -wal / -shm


def test_other_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Sitrep store"):
        SQLiteStore(path)
    assert path.read_bytes() == before


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        SQLiteStore(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "missing" / "x.sqlite")
    empty = tmp_path / "empty.sqlite"
    empty.touch()  # an empty file is a fresh database
    with SQLiteStore(empty) as s:
        assert s.stats()["events"] == 0


def test_open_store_targets(tmp_path: Path) -> None:
    path = tmp_path / "u.sqlite"
    with open_store(f"sqlite:///{path}") as s:  # absolute: sqlite:////tmp/...
        assert isinstance(s, SQLiteStore) and isinstance(s, Store) and Path(s.path) == path
    with open_store(str(path)) as s:
        assert s.stats()["schema_version"] == SCHEMA_VERSION
    with open_store(":memory:") as s:
        assert s.stats()["articles"] == 0
    with pytest.raises(StoreError, match="cannot connect to postgresql://sitrep:\\*\\*\\*@") as err:
        open_store("postgresql://sitrep:secret@127.0.0.1:9/sitrep")
    assert "secret" not in str(err.value)
    with pytest.raises(StoreError, match="unknown store"):
        open_store("mysql://db.example/x")


def test_default_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_DB", raising=False)
    assert default_db_path() == Path("sitrep.sqlite")
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("SITREP_DB", str(target))
    assert default_db_path() == target
    with open_store() as s:
        assert Path(s.path) == target  # type: ignore[attr-defined]
    monkeypatch.setenv("SITREP_DB", f"sqlite:///{target}")
    assert default_db_path() == target
    monkeypatch.setenv("SITREP_DB", "postgresql://db.example/x")
    with pytest.raises(StoreError):
        default_db_path()


def test_read_only_store_reads_and_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    article = make_article("ro", "Militants shelled the outskirts of Mosul at dawn.")
    event = make_event(article, article.text)
    with SQLiteStore(path) as s:
        s.add([(article, [event])])
    before = path.read_bytes()
    with SQLiteStore(path, read_only=True) as s:
        assert [e.event_id for e in s.events(EventQuery())] == [event.event_id]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            s.conn.execute("DELETE FROM events")
    assert path.read_bytes() == before
    # an older file is refused, not upgraded; a missing one is not created
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    apply_migrations(conn, MIGRATIONS[:1])
    conn.close()
    with pytest.raises(StoreError, match=r"schema version 1.*to upgrade it"):
        SQLiteStore(old, read_only=True)
    assert user_version(old) == 1
    with pytest.raises(StoreError):
        SQLiteStore(tmp_path / "none.sqlite", read_only=True)
    assert not (tmp_path / "none.sqlite").exists()
