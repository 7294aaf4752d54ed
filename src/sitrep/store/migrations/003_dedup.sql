-- Sitrep store, schema version 3: deduplicated events.
--
-- Each row of `events` is one mention of an event in one article. Mentions of one incident,
-- across articles, share a row of `clusters`: the merged event, with every source. A cluster
-- keeps the id of its first mention, so event ids stay stable as reports arrive.
-- `dedup_log` records why each mention started or joined its event.

CREATE TABLE clusters (
    id              INTEGER PRIMARY KEY,
    cluster_id      TEXT NOT NULL UNIQUE,
    event_type      TEXT NOT NULL,
    block           TEXT NOT NULL,   -- country code, '' when unknown: events never cross it
    day_lo          TEXT,            -- the merged event's possible days (ISO), for blocking
    day_hi          TEXT,
    event_date      TEXT,
    n_sources       INTEGER NOT NULL,
    first_reported  TEXT,            -- earliest publication date among the sources
    facts           TEXT NOT NULL,   -- JSON: the fields matching compares
    record          TEXT NOT NULL,   -- the merged EventRecord as JSON
    updated_at      TEXT NOT NULL
);

CREATE INDEX clusters_block ON clusters (block, event_type, day_lo);
CREATE INDEX clusters_date ON clusters (event_date);

ALTER TABLE events ADD COLUMN cluster_id TEXT;
CREATE INDEX events_cluster ON events (cluster_id);

CREATE TABLE dedup_log (
    id          INTEGER PRIMARY KEY,
    cluster_id  TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    action      TEXT NOT NULL,       -- 'new' (started an event) or 'join'
    score       REAL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE INDEX dedup_log_cluster ON dedup_log (cluster_id);
