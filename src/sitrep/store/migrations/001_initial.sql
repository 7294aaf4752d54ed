-- Sitrep store, schema version 1: articles and the events read from them.
--
-- Both tables carry an INTEGER PRIMARY KEY so that the full-text and R*Tree indexes
-- (migration 002) can point at rows whose ids never change, even after VACUUM.
-- The string ids of the record contract are UNIQUE NOT NULL keys.

CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    published    TEXT,              -- ISO date of publication
    url          TEXT,
    source       TEXT,              -- outlet
    origin       TEXT,              -- file (and record) the article was read from
    content_hash TEXT NOT NULL,     -- Article.content_hash: title and body
    ingested_at  TEXT NOT NULL      -- ISO timestamp, UTC
);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT NOT NULL UNIQUE,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    event_date      TEXT,           -- as in the record: 2016-11-02, 2016-11 or 2016
    date_start      TEXT,           -- first day the event may have happened (ISO day)
    date_end        TEXT,           -- last day the event may have happened (ISO day)
    date_precision  TEXT,
    background      INTEGER NOT NULL DEFAULT 0,
    actor1          TEXT,
    actor1_type     TEXT,
    actor2          TEXT,
    actor2_type     TEXT,
    location        TEXT,
    country_code    TEXT,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    lat             REAL,
    lon             REAL,
    geo_precision   TEXT,
    fatalities_best INTEGER,
    injuries_best   INTEGER,
    source          TEXT,           -- attribution source
    hedged          INTEGER,
    confidence      REAL NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,  -- the evidence sentences, joined by a space
    record          TEXT NOT NULL   -- the whole EventRecord.to_dict() as JSON
);

CREATE INDEX events_article ON events (article_id, evidence_start);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_range ON events (date_start, date_end);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_sub_type ON events (sub_event_type);
CREATE INDEX events_country ON events (country_code);
