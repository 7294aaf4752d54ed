"""An article that tells an incident only as past (a court report recalling the shooting) is
compared with that incident's news event; a past event recalled beside other news is not
(reports written by hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

import sitrep.dedup.cluster as cluster
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

MARLOW = Location("Marlow", "United States", "US", 35.10, -90.00, "city", "Marlow")
KENT = Location("Kent Hills", "United States", "US", 41.90, -87.70, "city", "Kent Hills")

SHOT = "A man was shot dead outside the Red Lantern tavern in Marlow on Saturday night."
RECALLED = ("The man was shot dead outside the Red Lantern tavern in Marlow on May 6, "
            "prosecutors said.")
OTHER = "Two people were killed in a shooting at a Kent Hills gas station on Friday."


def _rec(aid: str, sentence: str, where: Location, day: str = "2023-05-06",
         background: bool = False, killed: int = 1, n: int = 0) -> EventRecord:
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(sentence), sentence)],
                          {"trigger": Span(0, 4, sentence[:4])}),
        event_date=day, date_precision="day", location=where, background=background,
        fatalities=Count(killed, killed, killed, "people", str(killed)),
        event_id=f"{aid}-{n}",
    )


def _add(store: SQLiteStore, aid: str, records: list[EventRecord], title: str, text: str,
         published: date) -> None:
    store.add([(Article(text=text, title=title, published=published, id=aid), records)])


def _news(store: SQLiteStore) -> EventRecord:
    news = _rec("a", SHOT, MARLOW)
    _add(store, "a", [news], "Man killed outside tavern", SHOT, date(2023, 5, 7))
    return news


def _court(store: SQLiteStore) -> EventRecord:
    past = _rec("c", RECALLED, MARLOW, background=True)
    _add(store, "c", [past], "Suspect charged in tavern killing",
         f"A 22-year-old was charged with murder on Tuesday. {RECALLED}", date(2023, 8, 2))
    return past


def test_a_report_telling_the_incident_as_past_joins_its_news_event(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        news = _news(store)
        past = _court(store)
        assert event_of(store, past.event_id) == news.event_id
        action, reason = decision(store, past.event_id)
        assert action == "join" and "tells it as past" in reason


def test_a_news_report_joins_an_event_started_by_a_past_report(tmp_path: Path) -> None:
    # the court report arrives first: the news report of the shooting finds its event
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        past = _court(store)
        news = _news(store)
        assert event_of(store, news.event_id) == past.event_id


def test_a_past_event_recalled_beside_other_news_stays_apart(tmp_path: Path) -> None:
    # the article's own news is another shooting; its recollection of Marlow is not a report
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        news = _news(store)
        other = _rec("b", OTHER, KENT, day="2023-07-14", killed=2)
        recalled = _rec("b", RECALLED, MARLOW, background=True, n=1)
        _add(store, "b", [other, recalled], "Two killed at gas station",
             f"{OTHER} {RECALLED}", date(2023, 7, 15))
        assert event_of(store, recalled.event_id) != news.event_id
        assert event_of(store, other.event_id) != news.event_id


def test_without_the_rule_the_past_report_stays_apart(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "PAST_LEAD", False)
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        news = _news(store)
        past = _court(store)
        assert event_of(store, past.event_id) != news.event_id
