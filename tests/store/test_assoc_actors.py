"""Associated actors survive the store: mentions and deduplicated events read back whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_factory import make_article, make_event

from sitrep.record import Actor
from sitrep.schema import validate_event
from sitrep.store import EventQuery, open_store

TEXT = "Iraqi troops and Kurdish fighters, backed by coalition jets, attacked the town."


def test_associated_actors_round_trip_through_sqlite(tmp_path: Path) -> None:
    article = make_article("joint", TEXT, published=date(2016, 11, 5))
    event = make_event(
        article, TEXT,
        assoc_actor1=[Actor("Peshmerga", "state forces", "Kurdish fighters"),
                      Actor("Coalition Forces", "external/other forces", "coalition jets")],
        assoc_actor2=[Actor("Civilians", "civilians", "residents")])
    validate_event(event.to_dict())
    with open_store(str(tmp_path / "events.sqlite")) as store:
        store.add([(article, [event])])
        (mention,) = store.mentions(EventQuery())
        (merged,) = store.events(EventQuery())
        again = store.event(event.event_id)
    assert mention == event
    for rec in (merged, again):
        assert rec is not None
        assert rec.assoc_actor1 == event.assoc_actor1
        assert rec.assoc_actor2 == event.assoc_actor2
