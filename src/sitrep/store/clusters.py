"""Deduplication inside the SQLite store: each new mention starts or joins an event.

Runs in the same transaction as the batch that stores the mentions, so a killed ingest leaves
mentions and events consistent. Candidates come from an indexed block query (country, event
type, day window), so the work per mention does not grow with the size of the store.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from typing import Any

from sitrep.dedup.cluster import (
    INTERCHANGEABLE,
    MAX_SPAN_DAYS,
    MAX_WORDS,
    Facts,
    best_match,
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


def assign(conn: sqlite3.Connection, rec: EventRecord, published: date | None,
           outlet: str | None, now: str) -> str:
    """Put mention `rec` (already in `events`) into an event; returns the event's id."""
    facts = Facts.of(rec)
    window = facts.window()
    match = None
    # an unplaced mention may belong to an event anywhere; a placed one to its country's
    # events or to unplaced ones
    block_keys = ("",) if not facts.country_code else (facts.country_code, "")
    type_keys = tuple(INTERCHANGEABLE) if facts.event_type in INTERCHANGEABLE \
        else (facts.event_type,)
    blocks = ", ".join("?" for _ in block_keys)
    types = ", ".join("?" for _ in type_keys)
    if window is not None:
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
        action = "join"
        old_record, old_facts, first = conn.execute(
            "SELECT record, facts, first_reported FROM clusters WHERE cluster_id = ?",
            (cluster_id,),
        ).fetchone()
        event = EventRecord.from_dict(json.loads(old_record))
        merged = merge(event, rec, published, outlet)
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
    conn.execute(
        "INSERT INTO dedup_log (cluster_id, event_id, action, score, reason, at) "
        "VALUES (?, ?, ?, ?, ?, ?)", (cluster_id, rec.event_id, action, value, reason, now))
    return cluster_id
