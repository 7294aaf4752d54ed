"""An article whose lead mention extraction could not place is compared with the events of
every country, with a penalty; before, it met only unplaced events (reports written by
hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

import sitrep.dedup.cluster as cluster
import sitrep.store.clusters as store_clusters
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

ORLEY = Location("Orley", "United States", "US", 38.60, -90.20, "city", "Orley")

PLACED = ("Two teenagers were shot and wounded outside the Blue Heron skating rink on "
          "Friday night after an argument over a parking space, police said.")
UNPLACED = ("Two teenagers were wounded by gunfire outside the Blue Heron skating rink on "
            "Friday night after an argument over a parking space.")
OTHER = "A woman was shot in the leg during a robbery at a pawn shop on Friday night."


def _rec(aid: str, sentence: str, where: Location | None, hurt: int = 2) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(sentence), sentence)],
                          {"trigger": Span(0, 4, sentence[:4])}),
        event_date="2024-02-09", date_precision="day", location=where,
        injuries=Count(hurt, hurt, hurt, "people", str(hurt)), event_id=f"{aid}-0",
    )


def _ingest(store: SQLiteStore, aid: str, rec: EventRecord, title: str, text: str) -> None:
    store.add([(Article(text=text, title=title, published=date(2024, 2, 10), id=aid), [rec])])


def _two_reports(tmp_path: Path) -> tuple[SQLiteStore, EventRecord, EventRecord]:
    store = SQLiteStore(tmp_path / "t.sqlite")
    placed = _rec("a", PLACED, ORLEY)
    _ingest(store, "a", placed, "Two teens wounded at skating rink", PLACED)
    unplaced = _rec("b", UNPLACED, None)
    _ingest(store, "b", unplaced, "Teenagers hurt in rink parking lot shooting", UNPLACED)
    return store, placed, unplaced


def test_an_unplaced_report_joins_the_placed_event_it_tells(tmp_path: Path) -> None:
    store, placed, unplaced = _two_reports(tmp_path)
    with store:
        assert event_of(store, unplaced.event_id) == event_of(store, placed.event_id)
        action, reason = decision(store, unplaced.event_id)
        assert action == "join" and "it is not placed" in reason


def test_without_the_rule_it_starts_an_event(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "UNPLACED_ANY_BLOCK", False)
    monkeypatch.setattr(store_clusters, "UNPLACED_ANY_BLOCK", False)
    store, placed, unplaced = _two_reports(tmp_path)
    with store:
        assert event_of(store, unplaced.event_id) != event_of(store, placed.event_id)


def test_an_unplaced_report_of_another_incident_stays_apart(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        placed = _rec("a", PLACED, ORLEY)
        _ingest(store, "a", placed, "Two teens wounded at skating rink", PLACED)
        other = _rec("c", OTHER, None, hurt=1)
        _ingest(store, "c", other, "Woman shot during pawn shop robbery", OTHER)
        assert event_of(store, other.event_id) != event_of(store, placed.event_id)
