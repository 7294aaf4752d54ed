"""Name keys and follow-up links: later reports of one incident found by the people named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.dedup.cluster import article_keys
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

SHOOTING = ("Marcus Tillery, 19, was shot and killed outside a corner store on Elm Street on "
            "Friday night, police said. Police spokeswoman Dana Whitcombe said Tillery was "
            "walking home when a car pulled up.")
ARREST = ("Police have arrested Darnell Oakes, 22, in connection with the killing of Marcus "
          "Tillery last month. Tillery was shot outside a store. Oakes was booked into the "
          "county jail, spokeswoman Dana Whitcombe said.")
OTHER = ("A woman was wounded in a shooting on Pine Avenue on Saturday. Police spokeswoman "
         "Dana Whitcombe said the woman, Keisha Barlow, 31, is expected to recover.")
FUNERAL = ("Hundreds gathered on Sunday to remember Marcus Tillery. Friends said Tillery loved "
           "basketball and planned to study nursing.")


def test_keys_tell_people_from_places_and_officials() -> None:
    keys = article_keys(SHOOTING)
    assert keys.get("marcus tillery") is True  # an age follows and the surname recurs
    assert "dana whitcombe" not in keys  # a spokeswoman speaks about many incidents
    assert not any("elm" in k for k in keys)  # a street, not a person
    keys = article_keys("Superintendent Eddie Marsh said Officer Lena Cole, 34, was hurt.")
    assert "eddie marsh" not in keys and keys.get("lena cole") is True


def test_keys_drop_bylines_initials_and_suffixes() -> None:
    keys = article_keys("John Q. Public Jr., 40, was charged. Public was released. "
                        "Ann Byline contributed to this report.")
    assert keys.get("john public") is True
    assert "ann byline" not in keys


def _article(aid: str, text: str, published: date) -> Article:
    return Article(text=text, title="", published=published, source="Paper", id=aid)


def _rec(aid: str, text: str, typ: str, sub: str, day: str, killed: int | None,
         lat: float = 41.88, lon: float = -87.63) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type=typ, sub_event_type=sub,
        evidence=Evidence([Span(0, len(text), text)], {"trigger": Span(0, 6, text[:6])}),
        event_date=day, date_precision="day",
        location=Location("Springvale", "United States", "US", lat, lon, "city", "Springvale"),
        fatalities=Count(killed, killed, killed, "people", str(killed))
        if killed is not None else None,
    )


def _store(tmp_path: Path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "names.sqlite")
    shooting = _rec("a", SHOOTING, "Violence against civilians", "Attack", "2021-03-05", 1)
    store.add([(_article("a", SHOOTING, date(2021, 3, 6)), [shooting])])
    return store


def test_arrest_weeks_later_joins_the_shooting_as_follow_up(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        arrest = _rec("b", ARREST, "Strategic developments", "Arrests", "2021-04-12", None,
                      lat=44.0, lon=-80.0)  # placed at a namesake town far away
        store.add([(_article("b", ARREST, date(2021, 4, 13)), [arrest])])
        cluster = dict(store.conn.execute("SELECT event_id, cluster_id FROM events"))
        first = store.conn.execute("SELECT cluster_id FROM events WHERE article_id = 'a'")
        assert cluster[arrest.event_id] == first.fetchone()[0]
        log = store.merge_log(cluster[arrest.event_id])
        assert [e["action"] for e in log] == ["new", "follow-up"]
        assert "shares names" in log[-1]["reason"]
        (event,) = list(store.events())
        assert event.event_type == "Violence against civilians"  # the follow-up adds a source
        assert event.event_date == "2021-03-05" and len(event.sources) == 2


def test_spokesperson_alone_does_not_link(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        other = _rec("c", OTHER, "Violence against civilians", "Attack", "2021-03-20", None)
        store.add([(_article("c", OTHER, date(2021, 3, 21)), [other])])
        assert store.conn.execute("SELECT count(*) FROM clusters").fetchone()[0] == 2


def test_article_without_events_is_linked_by_names(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.add([(_article("d", FUNERAL, date(2021, 3, 15)), [])])
        row = store.conn.execute(
            "SELECT cluster_id, reason FROM article_links WHERE article_id = 'd'").fetchone()
        first = store.conn.execute(
            "SELECT cluster_id FROM events WHERE article_id = 'a'").fetchone()[0]
        assert row is not None and row[0] == first and "names" in row[1]


CHARGED = ("Darnell Oakes, 22, was charged on Monday with murder. Oakes was arrested at a "
           "relative's home in Springvale, police said.")
TRIAL = ("Darnell Oakes went on trial on Tuesday for the killing of Marcus Tillery, 19. "
         "Prosecutors said Oakes shot Tillery outside a store. Tillery died at the scene.")


def test_a_report_naming_the_people_of_two_events_merges_them(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        shooting = store.conn.execute("SELECT cluster_id FROM events").fetchone()[0]
        charged = _rec("e", CHARGED, "Strategic developments", "Arrests", "2021-04-12", None)
        store.add([(_article("e", CHARGED, date(2021, 4, 13)), [charged])])
        assert store.count_events() == 2  # no name in common with the shooting's report
        trial = _rec("f", TRIAL, "Strategic developments", "Other", "2022-01-11", None)
        store.add([(_article("f", TRIAL, date(2022, 1, 12)), [trial])])
        (event,) = list(store.events())
        assert event.event_id == shooting  # the oldest event survives, with its own facts
        assert event.event_type == "Violence against civilians"
        assert event.event_date == "2021-03-05"
        assert [s.article_id for s in event.sources] == ["a", "e", "f"]
        merge = store.merge_log(shooting)[-1]
        assert merge["action"] == "merge" and merge["mention"] == charged.event_id
        assert "names the people of both" in merge["reason"]
        assert store.resolve_event(charged.event_id) == shooting
        keys = {k for (k,) in store.conn.execute("SELECT key FROM cluster_keys")}
        assert {"darnell oakes", "marcus tillery"} <= keys
        held = {c for (c,) in store.conn.execute("SELECT DISTINCT cluster_id FROM cluster_keys")}
        assert held == {shooting}


def test_incident_names_come_from_a_venue_in_the_title() -> None:
    from sitrep.dedup.cluster import incident_names

    assert incident_names("Survivors recall the Harbor Lights nightclub shooting") == [
        "@harbor lights"]
    assert incident_names("Two wounded in Glenmoor Mall shooting - Daily Courier") == [
        "@glenmoor"]
    assert incident_names("Plea entered in Harvest Fest shooting") == ["@harvest"]
    assert incident_names("Springvale mass shooting: what we know") == []  # a city's
    assert incident_names("Teen shot dead in Springvale") == []


def test_a_venue_after_at_names_the_incident() -> None:
    from sitrep.dedup.cluster import incident_names

    assert incident_names("Nurse wounded at Harbor Lights nightclub speaks out") == [
        "@harbor lights"]
    assert incident_names("Gunfire at Rosa's Bar leaves one hurt") == ["@rosa"]
    assert incident_names("Clerk shot at Glenmoor Mall") == ["@glenmoor"]
    # a city's quarter names no venue: parties on the North Side are many
    assert incident_names("Five shot at North Side party") == []
    assert incident_names("Teen shot at Glenmoor") == []  # no venue word


def test_a_later_story_naming_the_incident_joins_it(tmp_path: Path) -> None:
    first = ("A gunman opened fire inside a crowded club early on Sunday, killing three "
             "people, police said.")
    later = ("A bartender who hid in a storeroom during the attack spoke on Thursday about "
             "the night the shots rang out.")
    with SQLiteStore(tmp_path / "venue.sqlite") as store:
        shooting = _rec("v1", first, "Violence against civilians", "Attack", "2021-06-06", 3)
        store.add([(Article(text=first, title="Three killed in Harbor Lights nightclub "
                            "shooting", published=date(2021, 6, 6), source="Paper", id="v1"),
                    [shooting])])
        survivor = _rec("v2", later, "Violence against civilians", "Attack", "2021-07-01",
                        None)
        store.add([(Article(text=later, title="Bartender recalls Harbor Lights nightclub "
                            "massacre", published=date(2021, 7, 2), source="Paper", id="v2"),
                    [survivor])])
        clusters = {row[0] for row in store.conn.execute("SELECT cluster_id FROM events")}
        assert len(clusters) == 1
