"""Cross-article deduplication through the real pipeline and a real SQLite store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.pipeline import Pipeline
from sitrep.record import Article
from sitrep.schema import validate_event
from sitrep.store import EventQuery, SQLiteStore

WIRE = Article(
    title="Air strike kills 7 in Idlib market",
    text=("An air strike hit a crowded vegetable market in Idlib on Sunday, killing seven "
          "civilians and wounding 20, a local civil defence group said."),
    published=date(2020, 2, 10), source="Wire A", id="wire-a",
)
FOLLOW_UP = Article(
    title="Market strike in Idlib",
    text=("Warplanes bombed the vegetable market in Idlib on Sunday. Seven civilians were "
          "killed and 20 others were wounded in the air strike, rescuers said."),
    published=date(2020, 2, 11), source="Paper B", id="paper-b",
)
OTHER_INCIDENT = Article(
    title="Car bomb in Idlib",
    text=("A car bomb exploded near a checkpoint in Idlib on Sunday, killing two fighters, "
          "a monitoring group said."),
    published=date(2020, 2, 10), source="Wire A", id="wire-c",
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _ingest(pipeline: Pipeline, store: SQLiteStore, *articles: Article) -> None:
    store.add([(a, pipeline.extract(a)) for a in articles])


def test_reports_of_one_strike_become_one_event(pipeline: Pipeline, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        _ingest(pipeline, store, WIRE)
        first = [e for e in store.events(EventQuery()) if e.sub_event_type == "Air/drone strike"]
        assert len(first) == 1
        event_id = first[0].event_id
        _ingest(pipeline, store, FOLLOW_UP, OTHER_INCIDENT)
        strikes = [e for e in store.events(EventQuery())
                   if e.sub_event_type == "Air/drone strike"]
        assert len(strikes) == 1
        strike = strikes[0]
        assert strike.event_id == event_id  # the id stays stable as reports arrive
        assert {s.article_id for s in strike.sources} == {"wire-a", "paper-b"}
        assert strike.fatalities is not None and strike.fatalities.best == 7
        validate_event(strike.to_dict())
        log = store.merge_log(event_id)
        assert [entry["action"] for entry in log] == ["new", "join"]
        assert "same sub-type" in log[1]["reason"]
        bombs = [e for e in store.events(EventQuery())
                 if e.sub_event_type == "Remote explosive/landmine/IED"]
        assert len(bombs) == 1 and [s.article_id for s in bombs[0].sources] == ["wire-c"]
        assert store.count_mentions(EventQuery()) > store.count_events(EventQuery())


def test_mentions_stay_available(pipeline: Pipeline, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        _ingest(pipeline, store, WIRE, FOLLOW_UP)
        mentions = list(store.mentions(EventQuery(types=["Air/drone strike"])))
        assert {m.article_id for m in mentions} == {"wire-a", "paper-b"}
        assert all(m.sources == [] for m in mentions)


def test_exports_carry_every_source(pipeline: Pipeline, tmp_path: Path) -> None:
    import csv
    import io

    from sitrep.export import write_events

    with SQLiteStore(tmp_path / "s.sqlite") as store:
        _ingest(pipeline, store, WIRE, FOLLOW_UP)
        strikes = list(store.events(EventQuery(types=["Air/drone strike"])))
        articles = store.articles({s.article_id for e in strikes for s in e.sources})
    flat, acled = io.StringIO(), io.StringIO()
    write_events(strikes, "csv", flat, articles=articles)
    write_events(strikes, "acled-csv", acled, articles=articles)
    row = next(csv.DictReader(io.StringIO(flat.getvalue())))
    assert row["n_sources"] == "2"
    assert row["sources"] == "Wire A 2020-02-10; Paper B 2020-02-11"
    assert next(csv.DictReader(io.StringIO(acled.getvalue())))["source"] == "Wire A; Paper B"
