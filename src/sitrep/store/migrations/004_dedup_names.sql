-- Sitrep store, schema version 4: name keys for linking follow-up reports.
--
-- `cluster_keys` holds the name keys (`sitrep.dedup.cluster.article_keys`) of the articles
-- whose lead mention is in an event, so a report published weeks later (an arrest, a trial,
-- the victim named) finds the event by the people both name. `person` is 1 when some article
-- named the key clearly as a person. dedup_log's action may now be 'follow-up' as well.

CREATE TABLE cluster_keys (
    key         TEXT NOT NULL,
    cluster_id  TEXT NOT NULL,
    person      INTEGER NOT NULL,
    PRIMARY KEY (key, cluster_id)
) WITHOUT ROWID;

-- An article in which extraction found no event but which names the people of a stored event
-- (a funeral notice, a profile of the victim) is linked to that event here.
CREATE TABLE article_links (
    article_id  TEXT NOT NULL PRIMARY KEY,
    cluster_id  TEXT NOT NULL,
    score       REAL NOT NULL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE INDEX article_links_cluster ON article_links (cluster_id);
