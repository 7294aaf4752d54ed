"""A report that the geoparser put at a namesake town, whose article names the place of the
event it reports anywhere in its title or text, not only in its evidence (reports written by
hand)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

import sitrep.dedup.cluster as cluster
from sitrep.dedup.cluster import THRESHOLD, Facts, named_in_text, score, text_words
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

MARLOW = Location("Marlow", "United States", "US", 35.10, -90.00, "city", "Marlow")
# namesakes the geoparser may choose instead, far from Marlow and from each other
KENT = Location("Kent Hills", "United States", "US", 41.90, -87.70, "city", "Kent Hills")
ASHBY = Location("Ashby", "United States", "US", 30.30, -97.70, "city", "Ashby")
# a suburb about 60 km from Marlow: nearer than `TEXT_KM`
DALE = Location("Dale", "United States", "US", 35.64, -90.00, "city", "Dale")

TAVERN = "A man, 34, was shot dead outside the Red Lantern tavern in Marlow on Saturday night."
# the same shooting told without the town's name in the sentence that reports it
TAVERN_AGAIN = ("A man, 34, was shot dead outside the Red Lantern tavern late on Saturday "
                "night, police said.")
NAMES_IT = "The Marlow police chief asked witnesses to come forward."
NAMES_NOTHING = "The police chief asked witnesses to come forward."
ELSEWHERE = "No arrest has been made, a sheriff's spokeswoman said on Sunday."


def _rec(aid: str, sentence: str, where: Location) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(sentence), sentence)],
                          {"trigger": Span(0, 4, sentence[:4])}),
        event_date="2023-05-06", date_precision="day", location=where,
        fatalities=Count(1, 1, 1, "people", "1"),
    )


def _add(store: SQLiteStore, rec: EventRecord, title: str, text: str) -> EventRecord:
    store.add([(Article(text=text, title=title, published=date(2023, 5, 7),
                        id=rec.article_id), [rec])])
    return rec


def test_the_words_of_an_article_name_its_places() -> None:
    words = text_words("Tavern shooting: Marlow's bar closed", NAMES_NOTHING)
    assert {"marlow", "tavern", "chief", "witnesses"} <= words
    event = Facts.of(_rec("a", TAVERN, MARLOW))
    report = Facts.of(_rec("b", TAVERN_AGAIN, KENT))
    assert named_in_text(replace(report, text=words), event) == "Marlow"
    assert named_in_text(replace(report, text=text_words("Bar shooting", NAMES_NOTHING)),
                         event) is None
    assert named_in_text(report, event) is None  # no text carried: an event's facts


def test_a_namesake_whose_article_names_the_place_is_compared() -> None:
    event = Facts.of(_rec("a", TAVERN, MARLOW))
    report = Facts.of(_rec("b", TAVERN_AGAIN, KENT))
    assert score(report, event) is None  # its evidence does not name Marlow
    named = replace(report, text=text_words("Tavern shooting", NAMES_IT))
    found = score(named, event)
    assert found is not None and found[0] >= THRESHOLD
    assert "km apart but its article names Marlow" in found[1]
    # event merges do not weigh it
    assert score(named, event, namesakes=False) is None
    # a suburb nearer than `TEXT_KM` that names the city is not taken for a namesake
    suburb = replace(Facts.of(_rec("c", TAVERN_AGAIN, DALE)), text=named.text)
    assert score(suburb, event) is None


def test_a_report_at_a_namesake_joins_by_the_place_its_article_names(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first = _add(store, _rec("a", TAVERN, MARLOW), "Man killed outside tavern",
                     "Deputies were called after midnight.")
        second = _add(store, _rec("b", TAVERN_AGAIN, KENT), "Suspect sought", NAMES_IT)
        third = _add(store, _rec("c", TAVERN_AGAIN, ASHBY), "Bar shooting", ELSEWHERE)
        assert event_of(store, second.event_id) == first.event_id
        action, reason = decision(store, second.event_id)
        assert action == "join" and "its article names Marlow" in reason
        assert event_of(store, third.event_id) == third.event_id
        # the article's words are read while it is placed, never stored with the event
        for (facts,) in store.conn.execute("SELECT facts FROM clusters"):
            assert "text" not in json.loads(facts)


def test_without_the_rule_the_namesake_stays_apart(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "TEXT_PLACE", False)
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        _add(store, _rec("a", TAVERN, MARLOW), "Man killed outside tavern",
             "Deputies were called after midnight.")
        second = _add(store, _rec("b", TAVERN_AGAIN, KENT), "Suspect sought", NAMES_IT)
        assert event_of(store, second.event_id) == second.event_id
