"""What the store recorded for a mention: its event, and the dedup decision with its reason."""

from __future__ import annotations

from sitrep.store import SQLiteStore


def event_of(store: SQLiteStore, event_id: str) -> str:
    """The id of the event that holds mention `event_id`."""
    return str(store.conn.execute("SELECT cluster_id FROM events WHERE event_id = ?",
                                  (event_id,)).fetchone()[0])


def decision(store: SQLiteStore, event_id: str) -> tuple[str, str]:
    """The dedup_log action ("new", "join", "follow-up", ...) and reason for a mention."""
    action, reason = store.conn.execute(
        "SELECT action, reason FROM dedup_log WHERE event_id = ?", (event_id,)).fetchone()
    return str(action), str(reason)
