"""Reports of one incident repeat its particulars (a shop, a street, an age, a time) in their
text: the rare words two articles share add to the block score of a report that the
structured fields alone leave just short (reports written by hand)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from store_rows import decision, event_of

import sitrep.dedup.cluster as cluster
from sitrep.dedup.cluster import (
    BODY_KEEP,
    THRESHOLD,
    Facts,
    body_union,
    body_words,
    rarest,
    score,
)
from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore
from sitrep.store.clusters import _facts_of, rebuild

FIRST = ("A clerk, 27, was shot dead inside the quickstop market on harlow street at about "
         "11:40 on Friday night. Deputies found him behind the counter.")
SECOND = ("Deputies said the clerk, 27, died inside the quickstop market on harlow street "
          "shortly after 11:40 on Friday.")
OTHER = ("A woman, 52, was found dead in a parked van near the pinecrest library on olive "
         "avenue early on Friday, deputies said.")


def _rec(aid: str, sentence: str) -> EventRecord:
    # placed no finer than a state: the structured fields alone score under the threshold
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(sentence), sentence)],
                          {"trigger": Span(0, 4, sentence[:4])}),
        event_date="2023-03-10", date_precision="day",
        location=Location("Ohio", "United States", "US", 40.3, -82.8, "admin1", "Ohio"),
        fatalities=Count(1, 1, 1, "people", "1"),
    )


def _add(store: SQLiteStore, aid: str, sentence: str, title: str, text: str) -> EventRecord:
    rec = _rec(aid, sentence)
    store.add([(Article(text=text, title=title, published=date(2023, 3, 11), id=aid), [rec])])
    return rec




def _three(store: SQLiteStore) -> tuple[EventRecord, EventRecord, EventRecord]:
    first = _add(store, "a", "A man was killed.", "Clerk killed", FIRST)
    second = _add(store, "b", "One person died.", "Shop worker dies", SECOND)
    other = _add(store, "c", "A woman was found dead.", "Woman found dead", OTHER)
    return first, second, other


def test_body_words_are_content_words_and_numbers() -> None:
    words = body_words("Clerk killed", FIRST)
    assert words[:2] == ["clerk", "27"]  # "killed": a stop word
    assert {"27", "quickstop", "harlow", "11", "40"} <= set(words)
    assert "the" not in words and "was" not in words
    assert len(body_words("", " ".join(f"w{i:04d}x" for i in range(1000)))) == \
        cluster.BODY_VOCAB


def test_rarest_keeps_words_few_articles_hold() -> None:
    words = [f"w{i}" for i in range(40)]
    counts = {"w0": 500, "w1": 2}
    kept = rarest(words, counts, 1000)
    assert len(kept) == BODY_KEEP
    assert "w0" not in kept  # held by half the articles
    assert "w1" in kept  # held by a few: as rare as one no other article holds
    assert body_union(("a", "b"), ("b", "c")) == ("a", "b", "c")


def test_shared_particulars_lift_a_report_just_short() -> None:
    m = Facts.of(_rec("a", "A man was killed."))
    e = Facts.of(_rec("b", "One person died."))
    base = score(m, e)
    assert base is not None and base[0] < THRESHOLD
    lifted = score(replace(m, body=tuple(body_words("", FIRST)[:BODY_KEEP])),
                   replace(e, body=tuple(body_words("", SECOND)[:BODY_KEEP])))
    assert lifted is not None and lifted[0] >= THRESHOLD and "text overlap" in lifted[1]


def test_a_report_sharing_the_particulars_joins(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first, second, other = _three(store)
        assert event_of(store, second.event_id) == first.event_id
        action, reason = decision(store, second.event_id)
        assert action == "join" and "text overlap" in reason
        # another death that day in the state, told in other words, stays apart
        assert event_of(store, other.event_id) == other.event_id
        # the event's facts keep both articles' rare words, and a rebuild keeps them
        facts = store.conn.execute("SELECT facts FROM clusters WHERE cluster_id = ?",
                                   (first.event_id,)).fetchone()[0]
        assert "quickstop" in facts and "shortly" in facts
        rebuild(store.conn, first.event_id, "2023-03-12T00:00:00+00:00")
        body = _facts_of(store.conn, first.event_id).body
        assert "quickstop" in body and "shortly" in body


def test_without_the_text_the_report_stays_apart(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "BODY_WEIGHT", 0.0)
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first, second, _ = _three(store)
        assert event_of(store, second.event_id) == second.event_id
        assert event_of(store, first.event_id) == first.event_id


def _city(aid: str, lat: float, lon: float, body: str) -> Facts:
    rec = _rec(aid, "A man was killed.")
    rec.location = Location("Springfield", "United States", "US", lat, lon, "city", "Springfield")
    return replace(Facts.of(rec), body=tuple(body_words("", body)[:BODY_KEEP]))


def test_reports_placed_apart_are_compared_when_their_texts_agree() -> None:
    # the geoparser put the second report at a namesake town 500 km away
    here, there = (39.8, -89.6), (37.2, -93.3)
    m = _city("a", *here, FIRST)
    same = score(m, _city("b", *there, SECOND))
    assert same is not None and "km apart" in same[1] and "text overlap" in same[1]
    assert score(m, _city("c", *there, OTHER)) is None


def test_a_split_divides_the_text_words_between_the_two_events(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "t.sqlite") as store:
        first, second, _ = _three(store)
        assert event_of(store, second.event_id) == first.event_id
        new_id = store.split_event(first.event_id, [second.event_id], "another shop")
        kept = _facts_of(store.conn, first.event_id).body
        split_off = _facts_of(store.conn, new_id).body
        # each event keeps words of its own article only (read again against today's counts)
        assert kept and set(kept) <= set(body_words("Clerk killed", FIRST))
        assert split_off and set(split_off) <= set(body_words("Shop worker dies", SECOND))
        assert "counter" in kept and "shortly" in split_off
