"""Later reports of an incident that the block misses: a headline that repeats one of an
established event's headlines, and an arrest report near the only shooting before it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

from sitrep.dedup import cluster
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

BODY = "Several people were shot at a hotel by the bay late on Friday, police said."
ARREST = "Police arrested a man on Wednesday in connection with the shooting."
# the text of a report that another place or title tells apart from `BODY`'s (the same text
# would join it by the block however far apart the two are placed)
OTHER = "Officers said the gunman fled along the waterfront on foot before dawn."


def _rec(aid: str, day: str, lat: float, lon: float, place: str, killed: int | None = 3,
         event_type: str = "Violence against civilians", sub: str = "Attack",
         body: str = BODY) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type=event_type, sub_event_type=sub,
        evidence=Evidence([Span(0, len(body), body)], {"trigger": Span(0, 4, body[:4])}),
        event_date=day, date_precision="day",
        location=Location(place, "United States", "US", lat, lon, "city", place),
        fatalities=Count(killed, killed, killed, "people", str(killed)) if killed else None,
    )


def _fillers(n: int) -> list[tuple[Article, list[EventRecord]]]:
    """Articles of other news, so that common title words are known as common."""
    return [(Article(text="The council met.", title=f"Council meeting number {i} held",
                     published=date(2021, 6, 1), id=f"f{i}"), []) for i in range(n)]




def test_title_links_a_report_to_an_event_of_several_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the headline's venue would also make an incident name (`incident_names`); this test is
    # about the title link alone
    monkeypatch.setattr(cluster, "INCIDENT_NAMES", False)
    first = _rec("a", "2021-06-04", 30.40, -88.90, "Biloxi")
    second = _rec("b", "2021-06-04", 30.40, -88.90, "Biloxi")
    # placed at a namesake 1,100 km away, its headline repeats the first one's
    third = _rec("c", "2021-06-04", 39.20, -94.80, "Biloxi Heights")
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        store.add(_fillers(100))
        store.add([(Article(text=BODY, title="Three killed in Seabreeze Harbor Hotel shooting",
                            published=date(2021, 6, 5), id="a"), [first])])
        store.add([(Article(text=BODY, title="Gunfire by the bay", published=date(2021, 6, 5),
                            id="b"), [second])])
        assert event_of(store, second.event_id) == first.event_id  # the block joins it
        store.add([(Article(text=OTHER, title="Seabreeze Harbor Hotel shooting: three killed",
                            published=date(2021, 6, 6), id="c"), [third])])
        assert event_of(store, third.event_id) == first.event_id
        action, reason = decision(store, third.event_id)
        assert action == "follow-up" and "title" in reason


def test_title_link_to_several_articles_needs_a_strong_match(tmp_path: Path) -> None:
    first = _rec("a", "2021-06-04", 30.40, -88.90, "Biloxi")
    second = _rec("b", "2021-06-04", 30.40, -88.90, "Biloxi")
    third = _rec("c", "2021-06-04", 39.20, -94.80, "Biloxi Heights")
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        store.add(_fillers(100))
        store.add([(Article(text=BODY, title="Three killed in Seabreeze Harbor Hotel shooting",
                            published=date(2021, 6, 5), id="a"), [first])])
        store.add([(Article(text=BODY, title="Gunfire by the bay", published=date(2021, 6, 5),
                            id="b"), [second])])
        # one rare word in common with a long headline: not enough for an established event
        store.add([(Article(text=BODY, title="Harbor festival organisers cancel fireworks "
                                             "parade after storm warning",
                            published=date(2021, 6, 6), id="c"), [third])])
        assert event_of(store, third.event_id) == third.event_id


def _shooting(store: SQLiteStore, aid: str, lat: float, lon: float, day: str = "2021-06-04",
              body: str = BODY) -> EventRecord:
    rec = _rec(aid, day, lat, lon, "Biloxi", killed=None, body=body)
    store.add([(Article(text=body, title=f"Shooting report {aid}",
                        published=date(2021, 6, 5), id=aid), [rec])])
    return rec


def _arrest(store: SQLiteStore) -> EventRecord:
    rec = _rec("arrest", "2021-06-09", 30.41, -88.92, "Biloxi", killed=None,
               event_type="Strategic developments", sub="Arrests", body=ARREST)
    store.add([(Article(text=ARREST, title="Man held", published=date(2021, 6, 10),
                        id="arrest"), [rec])])
    return rec


def test_arrest_report_follows_the_only_shooting_near_it(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        shooting = _shooting(store, "s1", 30.40, -88.90)
        _shooting(store, "s2", 33.75, -84.39, body=OTHER)  # another city: not a candidate
        arrest = _arrest(store)
        assert event_of(store, arrest.event_id) == shooting.event_id
        action, reason = decision(store, arrest.event_id)
        assert action == "follow-up" and "arrest" in reason
        event = store.event(shooting.event_id)
        assert event is not None and event.event_type == "Violence against civilians"
        assert len(event.sources) == 2


def test_arrest_report_stays_apart_when_two_shootings_are_near(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        _shooting(store, "s1", 30.40, -88.90)
        # a second shooting in the same town, two days earlier
        _shooting(store, "s2", 30.43, -88.95, day="2021-06-02",
                  body="A teenager was wounded in a drive-by outside a gas station.")
        arrest = _arrest(store)
        assert event_of(store, arrest.event_id) == arrest.event_id
