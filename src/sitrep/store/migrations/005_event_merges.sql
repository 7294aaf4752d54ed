-- Sitrep store, schema version 5: events merged together, and split apart.
--
-- When one report matches two stored events that are compatible with each other, the newer
-- event is folded into the older one, whose id survives. `event_aliases` keeps the absorbed
-- id, so a lookup of it still finds the surviving event. dedup_log's action may now be
-- 'merge' (cluster_id: the survivor, event_id: the absorbed event) or 'split' (one row in
-- each event, event_id naming the other), with the score and reason.

CREATE TABLE event_aliases (
    alias       TEXT NOT NULL PRIMARY KEY,   -- an event id that no longer exists
    event_id    TEXT NOT NULL,               -- the event that holds its mentions now
    at          TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX event_aliases_event ON event_aliases (event_id);

-- Whether a mention was folded into its event as a follow-up (only its source added), so
-- that an event can be recombined from its mentions after a merge or a split.
ALTER TABLE events ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0;
UPDATE events SET follow_up = 1
 WHERE event_id IN (SELECT event_id FROM dedup_log WHERE action = 'follow-up');

-- The keys of one event, to move them when it is merged or split.
CREATE INDEX cluster_keys_cluster ON cluster_keys (cluster_id);
