-- Optional: points as PostGIS geometry, found through a GiST index.
--
-- Run once, when a store is created in a database where the PostGIS extension is available
-- (Debian's postgresql-15-postgis-3) and the user may create it. The box prefilter of
-- `--bbox` and `--near` then asks this index instead of the B-tree on (lat, lon); the exact
-- test stays `haversine_km`, so both ways (and SQLite) give the same answers.
CREATE EXTENSION IF NOT EXISTS postgis;

ALTER TABLE events ADD COLUMN point geometry(Point, 4326)
    GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED;

CREATE INDEX events_point_gist ON events USING gist (point);

INSERT INTO sitrep_meta (key, value) VALUES ('spatial_index', 'postgis');
