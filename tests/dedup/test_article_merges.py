"""Two events that hold mentions of one article are merged when nothing else sets them apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from store_rows import sentence_mention

import sitrep.store.clusters as store_clusters
from sitrep.dedup.cluster import Facts, article_mergeable
from sitrep.record import Article, EventRecord
from sitrep.store import EventQuery, SQLiteStore

SHOOTING = ("A gunman opened fire inside a laundromat on Quarry Lane in Alderford on Friday "
            "night, killing two customers.")
REPORT = ("Two customers died after a gunman opened fire inside the Quarry Lane laundromat in "
          "Alderford late Friday, police said.")
CROWD = ("Hours later a crowd gathered outside the laundromat and smashed the windows of "
         "three parked cruisers.")
UNREST = ("An angry crowd smashed the windows of parked cruisers outside a laundromat in "
          "Alderford on Friday night, damaging three of them.")


def _mention(article: Article, sentence: str, typ: str, sub: str,
             killed: int | None, place: tuple[str, float, float]) -> EventRecord:
    return sentence_mention(article, sentence, typ, sub, "2024-03-08", killed, place,
                            "customers")


ALDERFORD = ("Alderford", 40.10, -83.00)
VIOLENCE = ("Violence against civilians", "Attack")
RIOT = ("Riots", "Mob violence")


def _reports() -> list[tuple[Article, list[EventRecord]]]:
    """A report of the shooting, a report of the unrest after it, and an article that tells
    both (its lead mention joins the shooting, its other mention the unrest)."""
    first = Article(text=SHOOTING, title="Laundromat gunfire leaves two dead",
                    published=date(2024, 3, 9), source="Herald", id="p")
    unrest = Article(text=UNREST, title="Cruisers vandalised after weekend violence",
                     published=date(2024, 3, 9), source="Courier", id="r")
    both_text = f"{REPORT} {CROWD}"
    both = Article(text=both_text, title="Police name no suspect yet",
                   published=date(2024, 3, 10), source="Gazette", id="q")
    return [
        (first, [_mention(first, SHOOTING, *VIOLENCE, 2, ALDERFORD)]),
        (unrest, [_mention(unrest, UNREST, *RIOT, None, ALDERFORD)]),
        (both, [_mention(both, REPORT, *VIOLENCE, 2, ALDERFORD),
                _mention(both, CROWD, *RIOT, None, ALDERFORD)]),
    ]


def _events_of(store: SQLiteStore) -> dict[str, str]:
    """Article -> event of its first mention."""
    rows = store.conn.execute(
        "SELECT article_id, cluster_id FROM events ORDER BY id").fetchall()
    found: dict[str, str] = {}
    for article_id, cluster_id in rows:
        found.setdefault(article_id, cluster_id)
    return found


@pytest.mark.parametrize("on", [True, False])
def test_events_holding_one_articles_mentions_merge(tmp_path: Path, on: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_clusters, "ARTICLE_MERGE", on)
    store = SQLiteStore(tmp_path / "article.sqlite")
    for report in _reports():
        store.add([report])
    events = _events_of(store)
    assert events["p"] == events["q"]  # the shooting's reports, by the block
    if not on:
        assert events["r"] != events["p"]
        return
    assert events["r"] == events["p"]
    (event,) = list(store.events(EventQuery()))
    assert event.event_type == "Violence against civilians"  # the unrest only adds sources
    assert event.fatalities is not None and event.fatalities.best == 2
    reason = store.conn.execute(
        "SELECT reason FROM dedup_log WHERE action = 'merge'").fetchone()[0]
    assert "one article tells both" in reason


def _facts(article: str, typ: str = VIOLENCE[0], sub: str = VIOLENCE[1],
           place: tuple[str, float, float] = ALDERFORD) -> Facts:
    doc = Article(text=SHOOTING, title="t", published=date(2024, 3, 9), id=article)
    return Facts.of(_mention(doc, SHOOTING, typ, sub, 2, place))


def test_article_mergeable_needs_a_shared_article_close_days_and_places() -> None:
    a = replace(_facts("p"), articles=frozenset({"p", "q"}))
    b = replace(_facts("r", *RIOT), articles=frozenset({"r", "q"}))
    found = article_mergeable(a, b)
    assert found is not None and found[2]  # of another kind: b joins as follow-ups
    assert article_mergeable(a, replace(b, articles=frozenset({"r"}))) is None
    later = replace(b, lo=date(2024, 3, 12), hi=date(2024, 3, 12))
    assert article_mergeable(a, later) is None
    far = replace(b, lat=40.40, lon=-83.00, places=())  # about 33 km north
    assert article_mergeable(a, far) is None
    past = replace(b, background=True)
    assert article_mergeable(a, past) is None
