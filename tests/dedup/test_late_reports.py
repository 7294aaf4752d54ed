"""Reports that the block misses, linked by the people they name according to how far apart
in time and place they are; events compared through every place their reports give; the
number injured as a shared figure (reports written by hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from store_rows import decision, event_of

from sitrep.dedup.cluster import Facts, score, with_places
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

SHOOTING = ("Marla Quensby, 34, was shot dead outside the Larchmont Grill on Friday night. "
            "Quensby was a nurse, her family said.")
TRIAL = ("A jury heard opening statements on Monday in the trial over the death of Marla "
         "Quensby, 34. Quensby was killed outside a restaurant last year.")
BRIEF = "Prosecutors say the case of Marla Quensby will go to trial in the spring."
OTHER = "A man was found dead in a parked car on Tuesday, the sheriff said."


def _rec(aid: str, day: str, place: str, lat: float, lon: float, body: str,
         killed: int | None = 1, injured: int | None = None,
         precision: Literal["city", "admin1"] = "city") -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(body), body)], {"trigger": Span(0, 4, body[:4])}),
        event_date=day, date_precision="day",
        location=Location(place, "United States", "US", lat, lon, precision, place),
        fatalities=Count(killed, killed, killed, "people", str(killed)) if killed else None,
        injuries=Count(injured, injured, injured, "people", str(injured)) if injured else None,
    )


def _article(aid: str, title: str, body: str, published: date) -> Article:
    return Article(text=body, title=title, published=published, id=aid)




def _first(store: SQLiteStore) -> EventRecord:
    first = _rec("a", "2021-03-05", "Dunmore", 41.42, -75.63, SHOOTING)
    store.add([(_article("a", "Nurse shot dead outside grill", SHOOTING, date(2021, 3, 6)),
                [first])])
    return first


def test_a_trial_months_later_naming_the_victim_joins_as_follow_up(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first = _first(store)
        # both reports tell "Marla Quensby" as a person (an age, the surname alone again)
        trial = _rec("b", "2021-11-08", "Dunmore", 41.42, -75.63, TRIAL)
        store.add([(_article("b", "Trial opens in restaurant killing", TRIAL,
                             date(2021, 11, 8)), [trial])])
        assert event_of(store, trial.event_id) == first.event_id
        action, reason = decision(store, trial.event_id)
        assert action == "follow-up" and "days apart" in reason


def test_a_late_report_with_one_weak_name_starts_its_own_event(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        _first(store)
        # the name once, not told as a person here: too weak eight months later
        late = _rec("b", "2021-11-08", "Dunmore", 41.42, -75.63, BRIEF)
        store.add([(_article("b", "Case heads to trial", BRIEF, date(2021, 11, 8)), [late])])
        assert event_of(store, late.event_id) == late.event_id


def test_a_report_at_a_namesake_town_links_when_dated_close(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first = _first(store)
        # placed 900 km away; one shared name told as a person on one side only
        same_days = _rec("b", "2021-03-05", "Dunmore Heights", 35.20, -80.80, BRIEF)
        store.add([(_article("b", "Case heads to court", BRIEF, date(2021, 3, 7)),
                    [same_days])])
        assert event_of(store, same_days.event_id) == first.event_id
        assert "placed apart" in decision(store, same_days.event_id)[1]


def test_a_report_at_a_namesake_town_weeks_later_does_not_link(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        _first(store)
        later = _rec("b", "2021-04-20", "Dunmore Heights", 35.20, -80.80, BRIEF)
        store.add([(_article("b", "Case heads to court", BRIEF, date(2021, 4, 21)), [later])])
        assert event_of(store, later.event_id) == later.event_id


def test_a_report_near_any_place_of_an_event_joins_by_the_block(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first = _first(store)
        # the second report names the victim (a follow-up) and places the shooting 200 km off
        second = _rec("b", "2021-03-05", "Easton", 40.69, -75.22, TRIAL)
        store.add([(_article("b", "Victim named", TRIAL, date(2021, 3, 7)), [second])])
        assert event_of(store, second.event_id) == first.event_id
        # a third report, naming no one, placed where the second one was: the block finds the
        # event through the second report's place
        third = _rec("c", "2021-03-05", "Easton", 40.69, -75.22, SHOOTING.replace(
            "Marla Quensby, 34,", "A woman"))
        store.add([(_article("c", "Woman shot outside grill", third.evidence.sentences[0].text,
                             date(2021, 3, 7)), [third])])
        assert event_of(store, third.event_id) == first.event_id
        assert decision(store, third.event_id)[0] == "join"


def test_event_places_keep_the_other_reports_places() -> None:
    first = Facts.of(_rec("a", "2021-03-05", "Dunmore", 41.42, -75.63, SHOOTING))
    second = Facts.of(_rec("b", "2021-03-05", "Easton", 40.69, -75.22, SHOOTING))
    province = Facts.of(_rec("c", "2021-03-05", "Pennsylvania", 40.9, -77.8, SHOOTING,
                             precision="admin1"))
    event = with_places(first, None, [first, second, province])
    assert event.places == ((40.69, -75.22),)  # not its own place, nor a province's


def test_the_same_number_injured_adds_to_the_score() -> None:
    a = Facts.of(_rec("a", "2021-03-05", "Dunmore", 41.42, -75.63, OTHER, injured=4))
    b = Facts.of(_rec("b", "2021-03-05", "Dunmore", 41.42, -75.63, OTHER, injured=4))
    c = Facts.of(_rec("c", "2021-03-05", "Dunmore", 41.42, -75.63, OTHER, injured=2))
    with_b, with_c = score(a, b), score(a, c)
    assert with_b is not None and with_c is not None
    assert with_b[0] > with_c[0] and "same injured (4)" in with_b[1]
