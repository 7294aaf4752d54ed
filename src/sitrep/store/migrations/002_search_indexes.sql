-- Sitrep store, schema version 2: full-text search and a spatial index.
--
-- articles_fts and events_fts are external-content FTS5 tables kept in step with their
-- tables by triggers; events_rtree holds one point box per event with coordinates.
-- Rows stored under version 1 are indexed here as well.

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(
    evidence_text,
    content = 'events', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;

CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_text)
    VALUES ('delete', old.id, old.evidence_text);
END;

CREATE TRIGGER events_fts_update AFTER UPDATE OF evidence_text ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_text)
    VALUES ('delete', old.id, old.evidence_text);
    INSERT INTO events_fts (rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;

CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER events_rtree_insert AFTER INSERT ON events
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    INSERT INTO events_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;

CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_rtree WHERE id = old.id;
END;

CREATE TRIGGER events_rtree_update AFTER UPDATE OF lat, lon ON events BEGIN
    DELETE FROM events_rtree WHERE id = old.id;
    INSERT INTO events_rtree
    SELECT new.id, new.lon, new.lon, new.lat, new.lat
    WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
INSERT INTO events_rtree
SELECT id, lon, lon, lat, lat FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
