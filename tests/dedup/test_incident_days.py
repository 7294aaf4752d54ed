"""An event started by a late report (a trial) is found by the day of the incident that its
follow-up reports give; the event keeps its date and says why (reports written by hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_rows import decision, event_of

from sitrep.dedup.cluster import Facts, score, with_places
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore
from sitrep.store.clusters import _facts_of, rebuild

TRIAL = ("A jury heard opening statements on Monday in the trial of Dorian Plaskett, 29, "
         "accused of killing Tessa Varnum, 41, outside the Millbrook Tavern. Plaskett denies "
         "the charge.")
NAMED = ("Tessa Varnum, 41, died after she was shot outside the Millbrook Tavern late on "
         "Saturday. Police arrested Dorian Plaskett, 29, at his home.")
UNNAMED = ("A woman was shot dead outside the Millbrook Tavern late on Saturday, police said. "
           "A man was arrested at a home nearby.")
ELSEWHERE = ("A man was shot in the leg at a gas station on Saturday; he is expected to "
             "survive, police said.")


def _rec(aid: str, day: str, body: str, killed: int = 1, lat: float = 39.95,
         lon: float = -82.99) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(body), body)], {"trigger": Span(0, 4, body[:4])}),
        event_date=day, date_precision="day",
        location=Location("Millbrook", "United States", "US", lat, lon, "city", "Millbrook"),
        fatalities=Count(killed, killed, killed, "people", str(killed)),
    )


def _add(store: SQLiteStore, rec: EventRecord, title: str, body: str, published: date) -> None:
    store.add([(Article(text=body, title=title, published=published, id=rec.article_id),
                [rec])])




def _trial_then_named(store: SQLiteStore) -> tuple[EventRecord, EventRecord]:
    # the stream's first report of the incident is the trial, dated to the trial's day
    trial = _rec("a", "2022-02-14", TRIAL)
    _add(store, trial, "Trial opens in tavern killing", TRIAL, date(2022, 2, 15))
    # the incident's own report names the same two people: a follow-up, dated to the shooting
    named = _rec("b", "2021-06-12", NAMED)
    _add(store, named, "Woman shot dead outside tavern", NAMED, date(2021, 6, 13))
    assert event_of(store, named.event_id) == trial.event_id
    assert decision(store, named.event_id)[0] == "follow-up"
    return trial, named


def test_a_report_of_the_incident_day_naming_no_one_finds_the_event(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        trial, _ = _trial_then_named(store)
        unnamed = _rec("c", "2021-06-12", UNNAMED)
        _add(store, unnamed, "Woman shot outside Millbrook tavern", UNNAMED, date(2021, 6, 13))
        # the block finds the event by the day its follow-up gives, not only its own
        assert event_of(store, unnamed.event_id) == trial.event_id
        assert decision(store, unnamed.event_id)[0] == "join"
        event = store.event(trial.event_id)
        assert event is not None and len(event.sources) == 3


def test_the_event_keeps_its_date_and_says_why(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        trial, _ = _trial_then_named(store)
        event = store.event(trial.event_id)
        assert event is not None and event.event_date == "2022-02-14"
        assert sorted(s.event_date or "" for s in event.sources) == ["2021-06-12", "2022-02-14"]
        assert any("2021-06-12, 2022-02-14" in note and "follow-up" in note
                   for note in event.notes)


def test_another_shooting_that_day_elsewhere_stays_apart(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        _trial_then_named(store)
        # the same day, 600 km away, another toll: not the incident
        other = _rec("c", "2021-06-12", ELSEWHERE, killed=0, lat=41.88, lon=-87.63)
        _add(store, other, "Man shot at gas station", ELSEWHERE, date(2021, 6, 13))
        assert event_of(store, other.event_id) == other.event_id


def test_event_days_keep_only_earlier_days_of_other_reports() -> None:
    trial = Facts.of(_rec("a", "2022-02-14", TRIAL))
    named = Facts.of(_rec("b", "2021-06-12", NAMED))
    sentence = Facts.of(_rec("c", "2022-05-02", TRIAL))
    event = with_places(trial, None, [trial, named, sentence])
    # the incident's day is kept; a later step (a sentence) is not the incident's day
    assert event.days == ((date(2021, 6, 12), date(2021, 6, 12)),)
    unnamed = Facts.of(_rec("d", "2021-06-12", UNNAMED))
    assert score(unnamed, trial) is None
    scored = score(unnamed, event)
    assert scored is not None and "same day" in scored[1]


def test_a_rebuilt_event_keeps_the_days_and_their_keys(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        trial, _ = _trial_then_named(store)
        live = _facts_of(store.conn, trial.event_id)
        store.conn.execute("DELETE FROM cluster_keys WHERE key LIKE '@%'")
        rebuild(store.conn, trial.event_id, "2022-03-01T00:00:00")
        assert _facts_of(store.conn, trial.event_id).days == live.days
        unnamed = _rec("c", "2021-06-12", UNNAMED)
        _add(store, unnamed, "Woman shot outside Millbrook tavern", UNNAMED, date(2021, 6, 13))
        assert event_of(store, unnamed.event_id) == trial.event_id
