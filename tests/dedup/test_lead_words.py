"""Lead words: reports of one incident found by the rare words of their titles, where the
geoparser puts them apart and they name no one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_rows import event_of

from sitrep.dedup.cluster import lead_words
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

FIRST = "Couple found dead in apparent double suicide at Lagoon Cove Resort - Island Daily"
LATER = "Lagoon Cove Resort deaths ruled a double suicide"
BODY = "Two people were found dead at a resort on the north shore, police said."
LATER_TEXT = "Investigators said nothing suggested that anyone else was involved."


def _rec(aid: str, day: str, lat: float, lon: float, place: str) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(BODY), BODY)], {"trigger": Span(23, 27, "dead")}),
        event_date=day, date_precision="day",
        location=Location(place, "United States", "US", lat, lon, "city", place),
        fatalities=Count(2, 2, 2, "people", "Two"),
    )


def _store(tmp_path: Path) -> SQLiteStore:
    """A store with articles of other news (so that common words are known as common) and
    the first report of the incident."""
    store = SQLiteStore(tmp_path / "lead.sqlite")
    fillers: list[tuple[Article, list[EventRecord]]] = [
        (Article(text="The council met.", title=f"Council meeting number {i} held",
                 published=date(2021, 6, 1), id=f"f{i}"), []) for i in range(30)]
    store.add(fillers)
    store.add([(Article(text=BODY, title=FIRST, published=date(2021, 6, 3), id="a"),
                [_rec("a", "2021-06-02", 21.68, -157.98, "Kahuku")])])
    return store



def test_lead_words_skip_outlet_and_stop_words() -> None:
    words = lead_words(FIRST)
    assert words == ["couple", "found", "apparent", "double", "suicide", "lagoon", "cove",
                     "resort"]
    assert "island" not in words and "daily" not in words  # the outlet after " - "
    assert "two" not in words and "dead" not in words  # stop words


def test_title_links_a_report_placed_at_a_namesake(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        later = _rec("b", "2021-06-02", 42.50, -89.03, "Beloit")  # placed 6,700 km away
        store.add([(Article(text=LATER_TEXT, title=LATER, published=date(2021, 6, 4), id="b"),
                    [later])])
        first_id = store.conn.execute(
            "SELECT event_id FROM events WHERE article_id = 'a'").fetchone()[0]
        assert event_of(store, later.event_id) == first_id
        action, reason = store.conn.execute(
            "SELECT action, reason FROM dedup_log WHERE event_id = ?",
            (later.event_id,)).fetchone()
        # the rare words of its title are in its text too: the texts share most of theirs,
        # so the block compares the two though placed apart; else the title links it
        assert (action == "follow-up" and "title" in reason) or (
            action == "join" and "km apart" in reason and "text overlap" in reason)
        event = store.event(first_id)
        assert event is not None and len(event.sources) == 2
        assert event.location is not None and event.location.name == "Kahuku"  # kept


def test_title_words_need_close_days(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        later = _rec("b", "2021-06-20", 42.50, -89.03, "Beloit")  # another incident, later
        store.add([(Article(text=BODY, title=LATER, published=date(2021, 6, 21), id="b"),
                    [later])])
        assert event_of(store, later.event_id) == later.event_id
