"""PostgreSQL as the store, through the real CLI and the real pipeline: the same
events, sources, merges and splits as an SQLite file, writers that take turns, and clear
refusals of databases it must not touch. A real server runs for these (`tests/pg_server.py`)."""

from __future__ import annotations

import json
import random
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from store_factory import Batch, make_article, make_event, numbered_batch

from pg_server import PostgresServer
from sitrep.store import EventQuery, SQLiteStore, StoreError, clusters, open_store
from sitrep.store.postgres import PostgresStore
from support import Story, invoke, write_stories

# Two reports of one ambush from two outlets, a follow-up from another place, and an
# unrelated protest: deduplication has something to join and something to keep apart.
STORIES = (
    Story("ambush-wire", "Soldiers killed in ambush near Gao", "2024-04-10", "Sahel Wire",
          "GAO, Mali - Suspected jihadists ambushed an army convoy near Gao on Monday, killing "
          "eight soldiers and wounding five, military sources said."),
    Story("ambush-daily", "Army convoy ambushed outside Gao", "2024-04-11", "Niger Valley Daily",
          "Eight Malian soldiers were killed and five wounded when militants ambushed an army "
          "convoy outside Gao on Monday, an army spokesman said."),
    Story("protest-bamako", "Students march in Bamako", "2024-04-12", "Sahel Wire",
          "BAMAKO, Mali - Hundreds of students marched peacefully through Bamako on Thursday "
          "to demand the reopening of universities, witnesses said."),
    Story("shelling-kharkiv", "Shelling hits Kharkiv", "2024-04-09", "Dnipro Wire",
          "KHARKIV, Ukraine - Russian forces shelled a residential district of Kharkiv on "
          "Tuesday, killing two civilians, the regional governor said."),
)


def jsonl(args: list[str]) -> list[dict[str, Any]]:
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def stores(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The stories ingested with the real CLI into an SQLite file and a PostgreSQL database."""
    folder = write_stories(tmp_path_factory.mktemp("news"), STORIES)
    targets = {"sqlite": str(tmp_path_factory.mktemp("db") / "events.sqlite"),
               "postgres": postgres.new_database()}
    for target in targets.values():
        result = invoke(["ingest", str(folder), "--db", target, "-q"])
        assert result.exit_code == 0, result.stderr
        assert "4 articles stored" in result.stderr
    return targets


@pytest.mark.parametrize("args", [
    ["events"],
    ["events", "--mentions"],
    ["events", "--country", "Mali", "--since", "2024-04-08"],
    ["events", "--text", "convoy"],
    ["events", "--near", "16.27,-0.04,50"],
    ["events", "--bbox", "30,45,40,55", "--type", "Shelling/artillery/missile attack"],
])
def test_postgres_answers_what_sqlite_answers(stores: dict[str, str], args: list[str]) -> None:
    on_sqlite = jsonl([*args, "--db", stores["sqlite"], "--format", "jsonl"])
    on_postgres = jsonl([*args, "--db", stores["postgres"], "--format", "jsonl"])
    assert on_postgres == on_sqlite
    assert on_sqlite  # every query finds something


def test_the_two_reports_of_the_ambush_are_one_event_with_both_sources(
        stores: dict[str, str]) -> None:
    ambush = [e for e in jsonl(["events", "--db", stores["postgres"], "--format", "jsonl",
                                "--text", "ambushed"])]
    assert len(ambush) == 1
    assert {s["article_id"] for s in ambush[0]["sources"]} == {"ambush-wire", "ambush-daily"}
    with open_store(stores["postgres"]) as pg, open_store(stores["sqlite"]) as lite:
        event_id = ambush[0]["event_id"]
        drop_time = [{k: v for k, v in row.items() if k != "at"} for row in
                     pg.merge_log(event_id)]
        assert drop_time == [{k: v for k, v in row.items() if k != "at"} for row in
                             lite.merge_log(event_id)]
        assert [row["action"] for row in drop_time] == ["new", "join"]


def test_split_on_postgres(postgres: PostgresServer, tmp_path: Path) -> None:
    db = postgres.new_database()
    folder = write_stories(tmp_path / "news", STORIES[:2])
    assert invoke(["ingest", str(folder), "--db", db, "-q"]).exit_code == 0
    (event,) = jsonl(["events", "--db", db, "--format", "jsonl"])
    other = next(s["event_id"] for s in event["sources"] if s["event_id"] != event["event_id"])
    done = invoke(["split", event["event_id"], other, "--reason", "a second convoy", "--db", db])
    assert done.exit_code == 0, done.stderr
    assert len(jsonl(["events", "--db", db, "--format", "jsonl"])) == 2
    history = invoke(["history", event["event_id"], "--db", db])
    assert "a second convoy" in history.stdout


def test_writers_take_turns(postgres: PostgresServer) -> None:
    db = postgres.new_database()
    open_store(db).close()  # the schema, once
    errors: list[BaseException] = []

    def write(first: int) -> None:
        try:
            with open_store(db) as store:
                for n in range(first, first + 20, 2):
                    store.add(numbered_batch(n, 2))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k * 20,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(db) as store:
        assert store.stats()["articles"] == 60 and store.count_mentions(EventQuery()) == 120


def test_read_only_postgres_store_refuses_writes(stores: dict[str, str]) -> None:
    with open_store(stores["postgres"], read_only=True) as store:
        assert store.count_events(EventQuery()) > 0
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.add(numbered_batch(900, 1))


def test_a_database_of_something_else_is_left_untouched(postgres: PostgresServer) -> None:
    db = postgres.new_database()
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("CREATE TABLE articles (id int)")
    with pytest.raises(StoreError, match="not a Sitrep store"):
        open_store(db)
    with psycopg.connect(db) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables "
                              "WHERE table_schema = 'public'").fetchall()
    assert tables == [("articles",)]


def test_a_newer_schema_is_refused(postgres: PostgresServer) -> None:
    db = postgres.new_database()
    open_store(db).close()
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("UPDATE sitrep_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=r"version 999.*upgrade Sitrep"):
        open_store(db)
    result = invoke(["events", "--db", db])
    assert result.exit_code == 1 and "upgrade Sitrep" in result.stderr


VICTIMS = ["Halima Dokuta", "Yusuf Barenko", "Amina Keloshi", "Idris Wamunde", "Musa Talidor"]


def incident_stream(n: int, seed: int = 5) -> Batch:
    """`n` one-mention reports of a few incidents (a victim named, a headline of one of three
    forms, the toll and the day varying from report to report as they do), so that
    deduplication joins by the block, links by names and by title words, and merges."""
    rng = random.Random(seed)
    stream = []
    for i in range(n):
        k = rng.randrange(n // 3)
        place = ["mosul", "erbil", "baghdad"][k % 3]
        day = date(2016, 11, 1) + timedelta(days=k % 9 + rng.choice([0, 0, 1]))
        victim = VICTIMS[k % len(VICTIMS)]
        toll = 3 + k % 7 + rng.choice([0, 0, 1])
        sentence = (f"Gunmen attacked a checkpoint, killing {toll} people including {victim}, "
                    f"{30 + k}.")
        title = rng.choice([f"{toll} killed at {place.title()} checkpoint",
                            f"{victim} among dead in {place.title()}",
                            f"Checkpoint attack in {place.title()}"])
        article = make_article(f"r{i}", f"{sentence} Officials confirmed the attack.",
                               title=title, published=day + timedelta(days=1),
                               source=f"Wire {i % 4}")
        stream.append((article, [make_event(article, sentence, place=place, killed=toll,
                                            event_date=day.isoformat())]))
    return stream


def opened(target: str) -> SQLiteStore:
    """The store at `target`, as the SQL store class both backends share."""
    store = open_store(target)
    assert isinstance(store, SQLiteStore)
    return store


def dedup_state(store: SQLiteStore) -> list[Any]:
    """What deduplication decided, in a form both backends give alike."""
    conn = store.conn
    return [
        [e.to_dict() for e in store.events(EventQuery())],
        conn.execute("SELECT event_id, cluster_id, follow_up FROM events "
                     "ORDER BY event_id").fetchall(),
        conn.execute("SELECT key, cluster_id, person FROM cluster_keys "
                     "ORDER BY key, cluster_id").fetchall(),
        conn.execute("SELECT word, n FROM lead_words ORDER BY word").fetchall(),
        conn.execute("SELECT cluster_id, event_id, action, reason FROM dedup_log "
                     "ORDER BY id").fetchall(),
    ]


def test_deduplication_decides_alike_on_both_backends(postgres: PostgresServer,
                                                       tmp_path: Path) -> None:
    stream = incident_stream(90)
    states = []
    for target in (str(tmp_path / "events.sqlite"), postgres.new_database()):
        with opened(target) as store:
            for start in range(0, len(stream), 16):
                store.add(stream[start:start + 16])
            states.append(dedup_state(store))
    on_sqlite, on_postgres = states
    assert [list(map(tuple, part)) for part in on_postgres[1:]] == \
        [list(map(tuple, part)) for part in on_sqlite[1:]]
    assert on_postgres[0] == on_sqlite[0]
    actions = {row[2] for row in on_sqlite[4]}
    assert {"new", "join", "follow-up"} <= actions  # the stream exercises the links


def test_reads_sent_together_come_back_in_order(postgres: PostgresServer) -> None:
    with opened(postgres.new_database()) as store:
        conn: Any = store.conn
        reads = [("SELECT CAST(? AS INTEGER) + 1", (1,)),
                 ("SELECT id FROM articles WHERE id = ?", ("none",)),
                 ("SELECT CAST(? AS TEXT)", ("three",))]
        assert conn.read_all(reads) == [[(2,)], [], [("three",)]]
        with store._writing():  # inside a batch's pipeline as well
            assert conn.read_all(reads) == [[(2,)], [], [("three",)]]


def test_a_failed_write_undoes_its_batch_though_its_answer_came_later(
        postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch's writes are sent without waiting for their answers: an error the server
    reports for one still undoes the whole batch, and the store goes on working."""
    with opened(postgres.new_database()) as store:
        def failing_log(conn: Any, *args: Any) -> None:
            conn.execute("INSERT INTO no_such_table VALUES (1)")

        monkeypatch.setattr(clusters, "_log", failing_log)
        with pytest.raises(psycopg.errors.UndefinedTable):
            store.add(numbered_batch(0, 3))
        monkeypatch.undo()
        assert store.stats()["articles"] == 0 and store.count_mentions(EventQuery()) == 0
        result = store.add(numbered_batch(0, 3))
        assert (result.articles_added, result.events_added) == (3, 6)


def test_each_look_up_is_planned_for_its_values(postgres: PostgresServer) -> None:
    """A name key held by one event or by thousands, a limit of 9 or of 65: a plan made once
    for any value scans where an index would do (`plan_cache_mode`)."""
    with opened(postgres.new_database()) as store:
        assert store.conn.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)


def scattered_points(n: int, seed: int = 11) -> Batch:
    """`n` one-event reports at random points, a quarter of them near the antimeridian or
    the poles, where boxes and distances are easiest to get wrong."""
    rng = random.Random(seed)
    batch = []
    for i in range(n):
        sentence = f"Clash number {i} was reported."
        article = make_article(f"p{i}", sentence, published=date(2016, 11, 5))
        event = make_event(article, sentence)
        assert event.location is not None
        if i % 4 == 0:
            lat, lon = rng.uniform(-89.5, 89.5), rng.choice([-1, 1]) * rng.uniform(175, 180)
        else:
            lat, lon = rng.uniform(-60, 75), rng.uniform(-180, 180)
        event.location.lat, event.location.lon = round(lat, 5), round(lon, 5)
        batch.append((article, [event]))
    return batch


def test_points_are_indexed_by_postgis_where_the_server_has_it(postgres: PostgresServer) -> None:
    with PostgresStore(postgres.new_database()) as store:
        available = store.conn.execute(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone()
        if not available:
            pytest.skip("this PostgreSQL server has no PostGIS "
                        "(apt install postgresql-15-postgis-3)")
        assert store.postgis and store.stats()["spatial_index"] == "PostGIS"
        store.add(scattered_points(300))
        conn: Any = store.conn
        where, params = store._where(EventQuery(bbox=(40.0, 30.0, 45.0, 37.0)))
        conn.execute("SET enable_seqscan = off")  # a small table: ask whether the index serves
        plan = "\n".join(r[0] for r in conn.execute(
            f"EXPLAIN SELECT e.id FROM events e {where}", params).fetchall())
        assert "events_point_gist" in plan
    with PostgresStore(postgres.new_database(), postgis=False) as plain:
        assert not plain.postgis and plain.stats()["spatial_index"] == "B-tree"


def test_boxes_and_distances_agree_on_every_backend(postgres: PostgresServer,
                                                   tmp_path: Path) -> None:
    batch = scattered_points(400)
    stores = [SQLiteStore(tmp_path / "points.sqlite", dedup=False),
              PostgresStore(postgres.new_database(), dedup=False),
              PostgresStore(postgres.new_database(), dedup=False, postgis=False)]
    rng = random.Random(3)
    queries = [EventQuery(bbox=(170.0, -50.0, -170.0, 50.0)),  # across 180°
               EventQuery(near=(89.0, 0.0, 400.0)),  # around the pole
               EventQuery(near=(0.0, 179.5, 800.0))]
    for _ in range(25):
        lat, lon = rng.uniform(-60, 75), rng.uniform(-180, 180)
        queries.append(EventQuery(near=(lat, lon, rng.choice([50.0, 500.0, 3000.0]))))
        lo_lon, lo_lat = rng.uniform(-180, 180), rng.uniform(-60, 60)
        hi_lon = lo_lon + rng.uniform(1, 60)
        queries.append(EventQuery(bbox=(lo_lon, lo_lat, hi_lon - 360 if hi_lon > 180 else hi_lon,
                                        lo_lat + rng.uniform(1, 30))))
    try:
        answers = []
        for store in stores:
            store.add(batch)
            answers.append([sorted(e.event_id for e in store.mentions(q)) for q in queries])
        assert answers[1] == answers[0] and answers[2] == answers[0]
        assert sum(map(len, answers[0])) > 100  # the queries found something to compare
    finally:
        for store in stores:
            store.close()
