-- Sitrep store, schema version 6: how common each lead word is.
--
-- Deduplication compares the titles of articles (`sitrep.dedup.cluster.lead_words`). A
-- shared word is evidence of one incident in inverse proportion to how many articles use
-- it: `lead_words` counts, for each word, the articles whose title holds it; the
-- row with the empty word counts the articles. Files upgraded from version 5 start counting
-- from their next article. The words themselves are kept, per event and per month of
-- publication, in `cluster_keys` (keys "~<bucket>:<word>").

CREATE TABLE lead_words (
    word    TEXT NOT NULL PRIMARY KEY,
    n       INTEGER NOT NULL
) WITHOUT ROWID;
