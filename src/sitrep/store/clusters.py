"""Deduplication inside the SQLite store: each new mention starts or joins an event.

Runs in the same transaction as the batch that stores the mentions, so a killed ingest leaves
mentions and events consistent. Candidates come from an indexed block query (country, event
type, day window), so the work per mention does not grow with the size of the store. An
article's lead mention also looks up, by the primary key of `cluster_keys`, the events that
share its name keys; names held by more than `KEY_DF_CAP` events are skipped, so that lookup
stays bounded too.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from typing import Any

from sitrep.dedup.cluster import (
    INTERCHANGEABLE,
    KEY_DF_CAP,
    LINK_THRESHOLD,
    MAX_SPAN_DAYS,
    MAX_WORDS,
    Facts,
    best_match,
    key_weight,
    link_score,
    merge,
    new_event,
)
from sitrep.record import EventRecord


def _facts_json(f: Facts) -> str:
    d: dict[str, Any] = {name: getattr(f, name) for name in Facts.__slots__}
    d["lo"] = f.lo.isoformat() if f.lo else None
    d["hi"] = f.hi.isoformat() if f.hi else None
    d["words"] = sorted(f.words)
    d["articles"] = sorted(f.articles)
    return json.dumps(d, ensure_ascii=False)


def _facts_from_json(text: str) -> Facts:
    d: dict[str, Any] = json.loads(text)
    d["lo"] = date.fromisoformat(d["lo"]) if d["lo"] else None
    d["hi"] = date.fromisoformat(d["hi"]) if d["hi"] else None
    d["words"] = frozenset(d["words"])
    d["articles"] = frozenset(d["articles"])
    return Facts(**d)


def _add_keys(conn: sqlite3.Connection, cluster_id: str, keys: dict[str, bool]) -> None:
    conn.executemany(
        "INSERT INTO cluster_keys (key, cluster_id, person) VALUES (?, ?, ?) "
        "ON CONFLICT (key, cluster_id) DO UPDATE SET person = max(person, excluded.person)",
        [(key, cluster_id, int(person)) for key, person in keys.items()])


def _linked(conn: sqlite3.Connection, facts: Facts,
            keys: dict[str, bool]) -> tuple[str, float, str] | None:
    """The event that the names in `keys` link this mention to, if any (see `link_score`)."""
    weights: dict[str, float] = {}
    for key, person in keys.items():
        rows = conn.execute("SELECT cluster_id, person FROM cluster_keys WHERE key = ? LIMIT ?",
                            (key, KEY_DF_CAP + 1)).fetchall()
        if len(rows) > KEY_DF_CAP:
            continue  # a common name (or a spokesman's): no evidence of one incident
        for cluster_id, known_person in rows:
            w = key_weight(key, len(rows), int(person) + int(bool(known_person)))
            weights[cluster_id] = weights.get(cluster_id, 0.0) + w
    best: tuple[str, float, str] | None = None
    for cluster_id, names in sorted(weights.items(), key=lambda kv: -kv[1]):
        if names < LINK_THRESHOLD or (best is not None and names <= best[1]):
            break  # sorted: no later event can do better
        row = conn.execute("SELECT facts FROM clusters WHERE cluster_id = ?",
                           (cluster_id,)).fetchone()
        scored = link_score(facts, _facts_from_json(row[0]), names)
        if scored is not None:
            best = (cluster_id, scored[0], scored[1])
    return best


def assign(conn: sqlite3.Connection, rec: EventRecord, published: date | None,
           outlet: str | None, now: str, keys: dict[str, bool] | None = None) -> str:
    """Put mention `rec` (already in `events`) into an event; returns the event's id. `keys`:
    the name keys of the article when `rec` is its lead mention (None otherwise)."""
    facts = Facts.of(rec)
    window = facts.window()
    match = None
    follow_up = False
    if keys:
        match = _linked(conn, facts, keys)
        follow_up = match is not None
    # an unplaced mention may belong to an event anywhere; a placed one to its country's
    # events or to unplaced ones
    block_keys = ("",) if not facts.country_code else (facts.country_code, "")
    type_keys = tuple(INTERCHANGEABLE) if facts.event_type in INTERCHANGEABLE \
        else (facts.event_type,)
    blocks = ", ".join("?" for _ in block_keys)
    types = ", ".join("?" for _ in type_keys)
    if match is None and window is not None:
        rows = conn.execute(
            f"SELECT cluster_id, facts FROM clusters WHERE block IN ({blocks}) "
            f"AND event_type IN ({types}) AND day_lo BETWEEN ? AND ? AND day_hi >= ?",
            (*block_keys, *type_keys,
             (window[0] - timedelta(days=MAX_SPAN_DAYS)).isoformat(), window[1].isoformat(),
             window[0].isoformat()),
        ).fetchall()
        match = best_match(facts, [(cid, _facts_from_json(text)) for cid, text in rows])
    if match is None:
        event = new_event(rec, published, outlet)
        conn.execute(
            "INSERT INTO clusters (cluster_id, event_type, block, day_lo, day_hi, event_date, "
            "n_sources, first_reported, facts, record, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
            (event.event_id, facts.event_type, facts.country_code,
             facts.lo.isoformat() if facts.lo else None,
             facts.hi.isoformat() if facts.hi else None, event.event_date,
             published.isoformat() if published else None, _facts_json(facts),
             json.dumps(event.to_dict(), ensure_ascii=False), now),
        )
        cluster_id, action, value, reason = event.event_id, "new", None, "no matching event"
    else:
        cluster_id, value, reason = match
        action = "follow-up" if follow_up else "join"
        old_record, old_facts, first = conn.execute(
            "SELECT record, facts, first_reported FROM clusters WHERE cluster_id = ?",
            (cluster_id,),
        ).fetchone()
        event = EventRecord.from_dict(json.loads(old_record))
        merged = merge(event, rec, published, outlet, follow_up=follow_up)
        words = sorted(_facts_from_json(old_facts).words | facts.words)[: 2 * MAX_WORDS]
        merged_facts = Facts.of(merged, words=frozenset(words))
        if published is not None and (first is None or published.isoformat() < first):
            first = published.isoformat()
        conn.execute(
            "UPDATE clusters SET day_lo = ?, day_hi = ?, event_date = ?, n_sources = ?, "
            "first_reported = ?, facts = ?, record = ?, updated_at = ? WHERE cluster_id = ?",
            (merged_facts.lo.isoformat() if merged_facts.lo else None,
             merged_facts.hi.isoformat() if merged_facts.hi else None, merged.event_date,
             len(merged.sources), first, _facts_json(merged_facts),
             json.dumps(merged.to_dict(), ensure_ascii=False), now, cluster_id),
        )
    conn.execute("UPDATE events SET cluster_id = ? WHERE event_id = ?", (cluster_id, rec.event_id))
    if keys:
        _add_keys(conn, cluster_id, keys)
    conn.execute(
        "INSERT INTO dedup_log (cluster_id, event_id, action, score, reason, at) "
        "VALUES (?, ?, ?, ?, ?, ?)", (cluster_id, rec.event_id, action, value, reason, now))
    return cluster_id


def link_article(conn: sqlite3.Connection, article_id: str, published: date | None,
                 keys: dict[str, bool], now: str) -> str | None:
    """Link an article without events to the event whose people it names, if any (recorded
    in `article_links`, its names added to the event's keys); returns the event's id."""
    if not keys:
        return None
    facts = Facts(event_type="", sub_event_type="", lo=published, hi=published,
                  country_code="", lat=None, lon=None, geo_precision=None, place=None,
                  fatalities=None, actor1=None, words=frozenset(), background=False,
                  articles=frozenset({article_id}))
    match = _linked(conn, facts, keys)
    if match is None:
        return None
    cluster_id, value, reason = match
    conn.execute(
        "INSERT OR REPLACE INTO article_links (article_id, cluster_id, score, reason, at) "
        "VALUES (?, ?, ?, ?, ?)", (article_id, cluster_id, value, reason, now))
    _add_keys(conn, cluster_id, keys)
    return cluster_id
