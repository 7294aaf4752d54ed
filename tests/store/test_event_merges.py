"""Events merged together when a later report matches both, and split apart on request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import EventQuery, SQLiteStore, StoreError

RAID = ("Gunmen attacked the Ungwan Rimi market in Kaduna on Thursday, killing three traders. "
        "The attackers also burned shops at the Ungwan Rimi market in Kaduna.")
SECOND = "The attackers also burned shops at the Ungwan Rimi market in Kaduna."
LATER = ("Gunmen killed three traders when they attacked the Ungwan Rimi market in Kaduna "
         "and burned shops on Thursday, residents said.")
AGAIN = ("Residents said gunmen attacked the Ungwan Rimi market in Kaduna on Thursday, killed "
         "three traders and burned shops.")


def _article(aid: str, text: str, published: date) -> Article:
    return Article(text=text, title=f"Report {aid}", published=published, source=f"Paper {aid}",
                   id=aid)


def _mention(article: Article, sentence: str, killed: int | None) -> EventRecord:
    start = article.text.index(sentence)
    span = Span(start, start + len(sentence), sentence)
    return EventRecord(
        article_id=article.id, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([span], {"trigger": span}), event_date="2024-05-02",
        date_precision="day",
        location=Location("Kaduna", "Nigeria", "NG", 10.52, 7.44, "city", "Kaduna"),
        fatalities=Count(killed, killed, killed, "traders", str(killed))
        if killed is not None else None,
    )


def _report(aid: str, text: str, day: int) -> tuple[Article, list[EventRecord]]:
    article = _article(aid, text, date(2024, 5, day))
    return article, [_mention(article, text, 3)]


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteStore:
    """An article that tells one raid twice (two mentions: two events, since an event takes
    one mention per article), then a later report that matches both events."""
    s = SQLiteStore(tmp_path / "merges.sqlite")
    raid = _article("a", RAID, date(2024, 5, 3))
    first = _mention(raid, RAID.split(". ")[0] + ".", 3)
    second = _mention(raid, SECOND, None)
    s.add([(raid, [first, second])])
    assert s.count_events(EventQuery()) == 2
    s.add([_report("c", LATER, 4)])
    return s


def _ids(s: SQLiteStore) -> dict[str, str]:
    """Mention id -> event id."""
    return dict(s.conn.execute("SELECT event_id, cluster_id FROM events"))


def _check_nothing_lost(s: SQLiteStore) -> None:
    events = {e.event_id: e for e in s.events(EventQuery())}
    placed = _ids(s)
    assert set(placed.values()) == set(events)  # every mention in exactly one live event
    assert sum(len(e.sources) for e in events.values()) == len(placed)
    n_sources = s.conn.execute("SELECT sum(n_sources) FROM clusters").fetchone()[0]
    assert n_sources == len(placed)
    for mention, event_id in placed.items():
        assert mention in {src.event_id for src in events[event_id].sources}


def test_a_report_matching_two_events_merges_them_into_the_oldest(store: SQLiteStore) -> None:
    mentions = sorted(_ids(store), key=lambda m: store.conn.execute(
        "SELECT id FROM events WHERE event_id = ?", (m,)).fetchone()[0])
    first, second, later = mentions
    (event,) = list(store.events(EventQuery()))
    assert event.event_id == first
    assert sorted(s.article_id for s in event.sources) == ["a", "a", "c"]
    assert event.fatalities is not None and event.fatalities.best == 3
    _check_nothing_lost(store)
    log = store.merge_log(first)
    assert [e["action"] for e in log] == ["new", "new", "join", "merge"]
    merge = log[-1]
    assert (merge["event"], merge["mention"]) == (first, second)
    assert merge["score"] >= 1.5 and "one report matches both" in merge["reason"]
    assert later == log[2]["mention"]


def test_the_absorbed_id_still_finds_the_event(store: SQLiteStore) -> None:
    survivor = next(store.events(EventQuery())).event_id
    absorbed = store.conn.execute("SELECT alias FROM event_aliases").fetchone()[0]
    assert absorbed != survivor
    assert store.resolve_event(absorbed) == survivor
    found = store.event(absorbed)
    assert found is not None and found.event_id == survivor
    assert [e.event_id for e in store.events(EventQuery(event_id=absorbed))] == [survivor]
    assert store.count_events(EventQuery(event_id=absorbed)) == 1
    held = {m.event_id for m in store.mentions(EventQuery(event_id=absorbed))}
    assert held == set(_ids(store)) and absorbed in held  # its mentions, to split from
    assert store.merge_log(absorbed) == store.merge_log(survivor)
    assert store.event("no-such-event") is None


def test_split_moves_mentions_into_a_new_event_and_logs_why(store: SQLiteStore) -> None:
    survivor = next(store.events(EventQuery())).event_id
    later = next(m for m, _ in _ids(store).items()
                 if store.conn.execute("SELECT article_id FROM events WHERE event_id = ?",
                                       (m,)).fetchone()[0] == "c")
    new_id = store.split_event(survivor, [later], "report c is about another raid")
    assert new_id == later
    events = {e.event_id: e for e in store.events(EventQuery())}
    assert [s.article_id for s in events[new_id].sources] == ["c"]
    assert [s.article_id for s in events[survivor].sources] == ["a", "a"]
    _check_nothing_lost(store)
    for one, other in ((survivor, new_id), (new_id, survivor)):
        entry = store.merge_log(one)[-1]
        assert (entry["action"], entry["mention"]) == ("split", other)
        assert entry["reason"] == "report c is about another raid"
    # the split holds: a report matching both events joins one and merges nothing
    store.add([_report("d", AGAIN, 5)])
    assert store.count_events(EventQuery()) == 2
    _check_nothing_lost(store)


def test_splitting_an_absorbed_event_out_gives_it_back_its_id(store: SQLiteStore) -> None:
    survivor = next(store.events(EventQuery())).event_id
    absorbed = store.conn.execute("SELECT alias FROM event_aliases").fetchone()[0]
    assert store.split_event(survivor, [absorbed], "told twice, but two raids") == absorbed
    assert store.resolve_event(absorbed) == absorbed
    found = store.event(absorbed)
    assert found is not None and found.event_id == absorbed
    assert found.fatalities is None  # recombined from its own mention only
    assert store.conn.execute("SELECT count(*) FROM event_aliases").fetchone()[0] == 0
    _check_nothing_lost(store)


def test_split_refuses_what_it_cannot_do(store: SQLiteStore) -> None:
    survivor = next(store.events(EventQuery())).event_id
    with pytest.raises(StoreError, match="stays in it"):
        store.split_event(survivor, [survivor], "no")
    with pytest.raises(StoreError, match="holds no mention"):
        store.split_event(survivor, ["not-a-mention"], "no")
    with pytest.raises(StoreError, match="no event"):
        store.split_event("not-an-event", ["x"], "no")
    other = next(m for m in _ids(store) if m != survivor)
    with pytest.raises(StoreError, match="reason"):
        store.split_event(survivor, [other], "  ")
    _check_nothing_lost(store)
    assert store.count_events(EventQuery()) == 1


def test_a_version_4_file_keeps_its_follow_ups_when_upgraded(tmp_path: Path) -> None:
    import json
    import sqlite3

    from sitrep.store.sqlite import MIGRATIONS, apply_migrations

    path = tmp_path / "v4.sqlite"
    article, (rec,) = _report("c", LATER, 4)
    conn = sqlite3.connect(path, isolation_level=None)
    assert apply_migrations(conn, MIGRATIONS[:4]) == 4
    conn.execute("INSERT INTO articles (id, title, text, content_hash, ingested_at) "
                 "VALUES (?, '', ?, ?, '2024-05-04T00:00:00+00:00')",
                 (article.id, article.text, article.content_hash))
    conn.execute("INSERT INTO events (event_id, article_id, event_type, sub_event_type, "
                 "confidence, evidence_start, evidence_text, record, cluster_id) "
                 "VALUES (?, ?, ?, ?, 0.5, 0, ?, ?, 'ev-old')",
                 (rec.event_id, article.id, rec.event_type, rec.sub_event_type, article.text,
                  json.dumps(rec.to_dict())))
    conn.execute("INSERT INTO dedup_log (cluster_id, event_id, action, score, reason, at) "
                 "VALUES ('ev-old', ?, 'follow-up', 6.0, 'follow-up: shares names', 'then')",
                 (rec.event_id,))
    conn.close()
    with SQLiteStore(path) as s:
        assert s.schema_version() >= 5
        assert s.conn.execute("SELECT follow_up FROM events").fetchone()[0] == 1
        assert s.conn.execute("SELECT count(*) FROM event_aliases").fetchone()[0] == 0
