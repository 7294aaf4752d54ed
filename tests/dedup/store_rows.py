"""Mentions built by hand for store tests, and what the store recorded for one: its event, and
the dedup decision with its reason."""

from __future__ import annotations

from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore


def sentence_mention(article: Article, sentence: str, typ: str, sub: str, day: str,
                     killed: int | None, place: tuple[str, float, float],
                     who: str = "people") -> EventRecord:
    """A day-dated US mention whose evidence is `sentence` of `article`, placed at `place`
    (name, lat, lon) with `killed` dead (None: no figure)."""
    start = article.text.index(sentence)
    span = Span(start, start + len(sentence), sentence)
    name, lat, lon = place
    return EventRecord(
        article_id=article.id, event_type=typ, sub_event_type=sub,
        evidence=Evidence([span], {"trigger": span}), event_date=day, date_precision="day",
        location=Location(name, "United States", "US", lat, lon, "city", name),
        fatalities=Count(killed, killed, killed, who, str(killed))
        if killed is not None else None,
    )


def event_of(store: SQLiteStore, event_id: str) -> str:
    """The id of the event that holds mention `event_id`."""
    return str(store.conn.execute("SELECT cluster_id FROM events WHERE event_id = ?",
                                  (event_id,)).fetchone()[0])


def decision(store: SQLiteStore, event_id: str) -> tuple[str, str]:
    """The dedup_log action ("new", "join", "follow-up", ...) and reason for a mention."""
    action, reason = store.conn.execute(
        "SELECT action, reason FROM dedup_log WHERE event_id = ?", (event_id,)).fetchone()
    return str(action), str(reason)
