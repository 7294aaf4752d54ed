"""A follow-up linked by names though placed far apart (the victim's home town, a namesake)
does not lend its place to an event that its reports already place (reports written by
hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

import sitrep.dedup.cluster as cluster
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore
from sitrep.store.clusters import _facts_of, rebuild

MARLOW = Location("Marlow", "United States", "US", 35.10, -90.00, "city", "Marlow")
KENT = Location("Kent Hills", "United States", "US", 41.90, -87.70, "city", "Kent Hills")

SHOT = "A man was shot dead outside the Red Lantern tavern on Saturday night, police said."
VIGIL = "Friends held a vigil for the slain man on Sunday evening."
NAMED = "Police named the victim as Darnell Whitcombe, 34, a father of two."
REMEMBERED = ("Darnell Whitcombe, 34, grew up here before he moved south, his aunt said. "
              "Whitcombe coached youth football.")


def _rec(aid: str, sentence: str, where: Location, day: str = "2023-05-06") -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(sentence), sentence)],
                          {"trigger": Span(0, 4, sentence[:4])}),
        event_date=day, date_precision="day", location=where,
        fatalities=Count(1, 1, 1, "people", "1"),
    )


def _add(store: SQLiteStore, rec: EventRecord, title: str, text: str,
         published: date = date(2023, 5, 7)) -> EventRecord:
    store.add([(Article(text=text, title=title, published=published, id=rec.article_id),
                [rec])])
    return rec


def _kent_kept(store: SQLiteStore, event_id: str) -> bool:
    places = _facts_of(store.conn, event_id).places
    return (round(KENT.lat or 0.0, 4), round(KENT.lon or 0.0, 4)) in places


def _story(store: SQLiteStore, told_twice: bool = True) -> tuple[str, EventRecord]:
    first = _add(store, _rec("a", SHOT, MARLOW), "Man killed outside tavern",
                 f"{SHOT} {NAMED}")
    if told_twice:
        _add(store, _rec("b", SHOT, MARLOW), "Tavern shooting victim named",
             f"{NAMED} Deputies asked for witnesses.")
    far = _add(store, _rec("c", REMEMBERED, KENT, "2023-05-08"), "Home town mourns",
               REMEMBERED, published=date(2023, 5, 9))
    return first.event_id, far


def test_a_far_follow_up_does_not_widen_a_placed_event(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        event_id, far = _story(store)
        assert event_of(store, far.event_id) == event_id
        action, reason = decision(store, far.event_id)
        assert action == "follow-up" and "placed apart" in reason
        assert not _kent_kept(store, event_id)
        # recombined from its mentions, the event still leaves the far place out
        rebuild(store.conn, event_id, "2023-05-10T00:00:00")
        assert not _kent_kept(store, event_id)


def test_an_event_told_once_takes_the_far_place(tmp_path: Path) -> None:
    # one report cannot tell which place is right: the follow-up's is kept
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        event_id, far = _story(store, told_twice=False)
        assert event_of(store, far.event_id) == event_id
        assert _kent_kept(store, event_id)


def test_with_far_places_on_the_event_takes_it(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "FAR_PLACES", True)
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        event_id, far = _story(store)
        assert event_of(store, far.event_id) == event_id
        assert _kent_kept(store, event_id)
