"""Reports of one incident that extraction places or dates apart (reports written by hand): a
report put at a namesake town whose evidence names the other report's place; an undated report
compared over the week its record states, not a month; an undated report published the day
after the incident; two reports published together whose days disagree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

import sitrep.dedup.cluster as cluster
from sitrep.dedup.cluster import (
    INFERRED_PENALTY,
    THRESHOLD,
    Facts,
    named_place,
    place_words,
    score,
)
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore
from sitrep.store.clusters import _facts_from_json, _facts_json, _facts_of, rebuild

MARLOW = Location("Marlow", "United States", "US", 35.10, -90.00, "city", "Marlow")
# namesakes the geoparser may choose instead, far from Marlow and from each other
KENT = Location("Kent Hills", "United States", "US", 41.90, -87.70, "city", "Kent Hills")
ASHBY = Location("Ashby", "United States", "US", 30.30, -97.70, "city", "Ashby")


def _rec(aid: str, sentence: str, day: str, where: Location | None = MARLOW,
         killed: int | None = 1, **dates: object) -> EventRecord:
    rec = EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(sentence), sentence)],
                          {"trigger": Span(0, 4, sentence[:4])}),
        event_date=day, date_precision="day", location=where,
        fatalities=Count(killed, killed, killed, "people", str(killed)) if killed else None,
    )
    for name, value in dates.items():
        setattr(rec, name, value)
    return rec


def _add(store: SQLiteStore, rec: EventRecord, published: date, title: str,
         text: str) -> EventRecord:
    store.add([(Article(text=text, title=title, published=published, id=rec.article_id),
                [rec])])
    return rec


# namesakes

TAVERN = "A man, 34, was shot dead outside the Red Lantern tavern in Marlow on Saturday night."
TAVERN_AGAIN = ("Police in Marlow said a man, 34, was shot dead outside the Red Lantern tavern "
                "late on Saturday night.")
TAVERN_ELSEWHERE = ("A man, 34, was shot dead outside the Red Lantern tavern late on Saturday "
                    "night, police said.")


def test_place_words_drop_the_kind_of_place() -> None:
    assert place_words("Troup County") == frozenset({"troup"})
    assert place_words("Mount Pleasant") == frozenset({"mount", "pleasant"})


def test_a_namesake_that_names_the_others_place_is_compared() -> None:
    event = Facts.of(_rec("a", TAVERN, "2023-05-06"))
    named = Facts.of(_rec("b", TAVERN_AGAIN, "2023-05-06", KENT))
    unnamed = Facts.of(_rec("c", TAVERN_ELSEWHERE, "2023-05-06", KENT))
    assert named_place(named, event) == "Marlow"
    assert named_place(unnamed, event) is None
    found = score(named, event)
    assert found is not None and found[0] >= THRESHOLD
    assert "km apart but Marlow named in both" in found[1]
    # the same report whose evidence does not name Marlow is placed apart
    assert score(unnamed, event) is None
    # and event merges do not weigh it (an event's evidence holds the words of many reports)
    assert score(named, event, namesakes=False) is None


def test_a_report_at_a_namesake_joins_by_the_place_it_names(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first = _add(store, _rec("a", TAVERN, "2023-05-06"), date(2023, 5, 7),
                     "Man killed in Marlow", "Deputies were called after midnight.")
        second = _add(store, _rec("b", TAVERN_AGAIN, "2023-05-06", KENT), date(2023, 5, 7),
                      "Suspect sought", "The suspect fled on foot.")
        third = _add(store, _rec("c", TAVERN_ELSEWHERE, "2023-05-06", ASHBY),
                     date(2023, 5, 7), "Bar shooting", "No arrest was made yet.")
        assert event_of(store, second.event_id) == first.event_id
        action, reason = decision(store, second.event_id)
        assert action == "join" and "Marlow named in both" in reason
        assert event_of(store, third.event_id) == third.event_id


def test_without_the_rule_the_namesake_stays_apart(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "NAMED_PLACE", False)
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        _add(store, _rec("a", TAVERN, "2023-05-06"), date(2023, 5, 7),
             "Man killed in Marlow", "Deputies were called after midnight.")
        second = _add(store, _rec("b", TAVERN_AGAIN, "2023-05-06", KENT), date(2023, 5, 7),
                      "Suspect sought", "The suspect fled on foot.")
        assert event_of(store, second.event_id) == second.event_id


# undated reports

def _undated(aid: str, sentence: str, published: str, start: str | None) -> EventRecord:
    # no time expression: extraction dates the report to the week before its publication
    return _rec(aid, sentence, published, date_precision="week", date_inferred=True,
                date_start=start, date_end=published if start else None)


def test_an_undated_report_keeps_the_range_its_record_states() -> None:
    stated = Facts.of(_undated("a", TAVERN, "2023-05-25", "2023-05-19"))
    assert (stated.lo, stated.hi) == (date(2023, 5, 19), date(2023, 5, 25))
    bare = Facts.of(_undated("b", TAVERN, "2023-05-25", None))
    assert bare.hi is not None and bare.lo is not None
    assert (bare.hi - bare.lo).days == cluster.FOLLOW_UP_DAYS


def test_an_undated_report_does_not_match_an_incident_weeks_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for stated, apart in ((True, True), (False, False)):
        monkeypatch.setattr(cluster, "STATED_RANGE", stated)
        with SQLiteStore(tmp_path / f"t{stated}.sqlite") as store:
            earlier = _add(store, _rec("a", TAVERN, "2023-05-01"), date(2023, 5, 2),
                           "Man killed outside tavern", "Deputies were called.")
            later = _add(store, _undated("b", TAVERN_AGAIN, "2023-05-25", "2023-05-19"),
                         date(2023, 5, 25), "Another tavern shooting", "No one was held.")
            # stated: the week before May 25 (apart); a month: it reaches back to May 1
            assert (event_of(store, later.event_id) == later.event_id) is apart
            assert event_of(store, earlier.event_id) == earlier.event_id


def test_an_undated_report_of_the_next_day_is_not_weighed_down() -> None:
    event = Facts.of(_rec("a", TAVERN, "2023-05-06"))
    next_day = Facts.of(_undated("b", TAVERN_AGAIN, "2023-05-07", "2023-05-01"))
    week_on = Facts.of(_undated("c", TAVERN_AGAIN, "2023-05-09", "2023-05-03"))
    near, later = score(next_day, event), score(week_on, event)
    assert near is not None and later is not None
    # published the day after the incident: the news of that day, no "no date" penalty
    assert near[0] - later[0] == pytest.approx(INFERRED_PENALTY)


# reports published together, dated apart

LAUNDRY = ("Two brothers, 15 and 19, were wounded at the Hollis Avenue laundromat when a "
           "gunman in a grey hoodie fired through the window, police said.")
LAUNDRY_AGAIN = ("A gunman in a grey hoodie fired through the window of the Hollis Avenue "
                 "laundromat, wounding brothers aged 15 and 19.")
OTHER = ("A woman, 61, was hurt by a stray bullet while sitting on her porch on Quarry Lane, "
         "her neighbours said.")


def test_reports_published_together_join_though_their_days_differ(tmp_path: Path) -> None:
    published = date(2023, 6, 12)
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first = _add(store, _rec("a", "Two brothers were wounded.", "2023-06-11", killed=None),
                     published, "Brothers wounded at laundromat", LAUNDRY)
        # extraction misread this report's day (four days before the other's)
        second = _add(store, _rec("b", "Two were shot.", "2023-06-07", killed=None),
                      published, "Gunman fires into laundromat", LAUNDRY_AGAIN)
        other = _add(store, _rec("c", "A woman was hurt.", "2023-06-07", killed=None),
                     published, "Woman hit by stray bullet", OTHER)
        assert event_of(store, second.event_id) == first.event_id
        action, reason = decision(store, second.event_id)
        assert action == "join" and "dated 4 days apart but published together" in reason
        # another shooting of that city on the misread day, told in other words, stays apart
        assert event_of(store, other.event_id) == other.event_id
        # the event keeps the days its reports were published, through a rebuild too
        assert _facts_of(store.conn, first.event_id).pubs == (published,)
        rebuild(store.conn, first.event_id, "2023-06-13T00:00:00+00:00")
        assert _facts_of(store.conn, first.event_id).pubs == (published,)


def test_reports_published_weeks_apart_stay_apart_when_dated_apart() -> None:
    m = replace(Facts.of(_rec("b", "Two were shot.", "2023-06-07", killed=None)),
                pubs=(date(2023, 7, 20),), body=("hollis", "laundromat", "hoodie"))
    e = replace(Facts.of(_rec("a", "Two were wounded.", "2023-06-11", killed=None)),
                pubs=(date(2023, 6, 12),), body=("hollis", "laundromat", "hoodie"))
    assert score(m, e) is None  # dated 4 days apart, published weeks apart
    assert score(replace(m, pubs=(date(2023, 6, 13),)), e) is not None


def test_a_follow_up_dated_to_its_publication_day_is_compared() -> None:
    # the charges of June 15, reported that day, of a shooting the other report dates to the
    # 11th (published on the 12th): dated apart and not published together
    body = ("hollis", "laundromat", "hoodie")
    m = replace(Facts.of(_rec("b", "Two were shot.", "2023-06-15", killed=None)),
                pubs=(date(2023, 6, 15),), body=body)
    e = replace(Facts.of(_rec("a", "Two were wounded.", "2023-06-11", killed=None)),
                pubs=(date(2023, 6, 12),), body=body)
    found = score(m, e)
    assert found is not None and "the later dated to its publication" in found[1]
    # the same report dated to a day before its publication is not
    assert score(replace(m, pubs=(date(2023, 6, 17),)), e) is None


def test_publication_days_survive_the_facts_json() -> None:
    f = replace(Facts.of(_rec("a", TAVERN, "2023-05-06")),
                pubs=(date(2023, 5, 7), date(2023, 5, 9)))
    assert _facts_from_json(_facts_json(f)).pubs == f.pubs
