"""Deduplication inside the SQLite store: each new mention starts or joins an event.

Runs in the same transaction as the batch that stores the mentions, so a killed ingest leaves
mentions and events consistent. Candidates come from an indexed block query (country, event
type, day window), so the work per mention does not grow with the size of the store (an
article's unplaced lead mention reads every country's block: one index probe each). An
article's lead mention also looks up, by the primary key of `cluster_keys`, the events that
share its name keys; names held by more than `KEY_DF_CAP` events are skipped, so that lookup
stays bounded too.

The lead mention of an article that matches nothing else looks up the rare words of its
title (`lead_words`) among the events first reported within about a month, by the keys
"~<30-day bucket>:<word>" of `cluster_keys` (kept for the article that started each event);
`lead_words` (migration 006) counts the articles using each word, for its idf weight. An
event told by several articles is weighed by its best-matching title (`_best_title`).

An event's facts keep the places of its other reports (`with_places`), so the block and the
links find it near any of them; no table or column is added (the facts are JSON). A follow-up
linked though placed far apart does not lend its place to an event that two or more articles
tell (`placed_far`), neither as it joins nor when the event is rebuilt. A lead mention
carries the words of its article's text while it is placed (`text_words`, never stored), so
that a report placed at a namesake whose article names the event's place is compared. They keep
the earlier days of its other reports too (an event dated to a trial, whose incident's
reports joined it as follow-ups), and the block finds the event on those days through keys
"@<country>:<week>" in `cluster_keys` (`_day_keys`; at most `DAY_KEY_CAP` events read per
mention), besides its indexed day window.

The lead mention of an article carries the rarest words of its text (`_body`: counted per
article in `lead_words` under "#<word>", "#" the number of articles counted; no table or
column is added) in its facts, and an event the union of its articles' (kept through merges
and rebuilds), for the block score.

A lead mention also reads the events of its block dated up to `WIDE_DAYS` apart (a report
published together with it whose day extraction misread; `score` decides), and an event's facts
keep the publication days of its reports (`pubs`, in the facts JSON: no column is added).

An arrest report that nothing else links joins the violent event it follows when exactly
one is placed near it in the days before (`_arrest_target`, `arrest_link`), or when all that
are hold mentions of one article (the oldest of them, `ARREST_ONE_ARTICLE`).

A mention that matches two or more events, compatible with each other, merges them into the
oldest (`merge_events`): the absorbed event's mentions, keys and links move to it, its id
becomes an alias, and the event is recombined from its mentions (`rebuild`). So does an event
that holds a mention of an article whose other mention sits in the event a mention joins
(`_merge_by_articles`, `article_mergeable`). `split` moves
mentions out into a new event. Both are recorded in `dedup_log` with their reason.

On a database server every statement waits for its answer, so the reads of one mention are
grouped: the look-ups of all its keys are sent together (`_read_all`: each key still read by
its own statement with its own `LIMIT`), as are the two reads of its block and the titles of
the events its title words find; the facts of the events it scores come in one statement
(`_facts_many`) and are not read again before an event is written; the keys and word counts
it adds are written once its event is known, with one statement each.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, cast

from sitrep.dedup.cluster import (
    ARREST_DAYS,
    ARREST_ONE_ARTICLE,
    ARREST_SUB_TYPES,
    ARTICLE_MERGE,
    BODY_CHARS,
    DAY_KEY_CAP,
    DAY_KEY_DAYS,
    INTERCHANGEABLE,
    KEY_DF_CAP,
    LEAD_BUCKET_DAYS,
    LEAD_DF_CAP,
    LEAD_TITLES,
    LINK_THRESHOLD,
    MAX_SPAN_DAYS,
    MAX_WORDS,
    SLACK_DAYS,
    UNPLACED_ANY_BLOCK,
    WIDE_DAYS,
    Facts,
    arrest_link,
    article_keys,
    article_mergeable,
    body_union,
    body_words,
    key_weight,
    lead_link,
    lead_mention,
    lead_weight,
    lead_words,
    link_score,
    matches,
    merge,
    mergeable,
    new_event,
    placed_far,
    rarest,
    replay,
    score,
    text_words,
    with_places,
)
from sitrep.record import EventRecord
from sitrep.store.base import StoreError

Match = tuple[str, float, str]

# Upserts written so that SQLite and PostgreSQL both run them (sitrep.store.postgres).
_KEEP_PERSON = ("ON CONFLICT (key, cluster_id) DO UPDATE SET person = "
                "CASE WHEN excluded.person > k.person THEN excluded.person ELSE k.person END")
_COUNT_WORD = ("INSERT INTO lead_words AS w (word, n) VALUES (?, 1) "
               "ON CONFLICT (word) DO UPDATE SET n = w.n + 1")
_ADD_KEY = ("INSERT INTO cluster_keys AS k (key, cluster_id, person) VALUES (?, ?, ?) "
            f"{_KEEP_PERSON}")


def _facts_json(f: Facts) -> str:
    d: dict[str, Any] = {name: getattr(f, name) for name in Facts.__slots__ if name != "text"}
    d["lo"] = f.lo.isoformat() if f.lo else None
    d["hi"] = f.hi.isoformat() if f.hi else None
    d["pubs"] = [day.isoformat() for day in f.pubs]
    d["words"] = sorted(f.words)
    d["articles"] = sorted(f.articles)
    d["days"] = [[lo.isoformat(), hi.isoformat()] for lo, hi in f.days]
    return json.dumps(d, ensure_ascii=False)


@lru_cache(maxsize=1024)
def _facts_from_json(text: str) -> Facts:
    """The facts stored as `text` (cached: a busy block is read for every mention that
    arrives in it, and an event's facts text changes whenever it does)."""
    d: dict[str, Any] = json.loads(text)
    d["lo"] = date.fromisoformat(d["lo"]) if d["lo"] else None
    d["hi"] = date.fromisoformat(d["hi"]) if d["hi"] else None
    d["words"] = frozenset(d["words"])
    d["articles"] = frozenset(d["articles"])
    d["places"] = tuple((p[0], p[1]) for p in d.get("places", ()))
    d["days"] = tuple((date.fromisoformat(lo), date.fromisoformat(hi))
                      for lo, hi in d.get("days", ()))
    d["body"] = tuple(d.get("body", ()))
    d["pubs"] = tuple(date.fromisoformat(day) for day in d.get("pubs", ()))
    return Facts(**d)


def _add_keys(conn: sqlite3.Connection, cluster_id: str, keys: dict[str, bool]) -> None:
    """Give event `cluster_id` the `keys` (key: whether it names a person; a key it holds
    already stays a person's if either says so)."""
    if keys:
        conn.executemany(_ADD_KEY, [(key, cluster_id, int(person))
                                    for key, person in keys.items()])


def _key_union(parts: list[dict[str, bool]]) -> dict[str, bool]:
    """Keys from several sources, each once (a person's if any source says so)."""
    union: dict[str, bool] = {}
    for part in parts:
        for key, person in part.items():
            union[key] = union.get(key, False) or person
    return union


def _read_all(conn: sqlite3.Connection,
              statements: list[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
    """The rows of each of `statements`, independent reads. A connection that can send them
    all before reading any answer (`read_all`: the PostgreSQL store's) does so, and they
    cost one round trip to the server instead of one each."""
    read_all = getattr(conn, "read_all", None)
    if read_all is not None:
        return cast(list[list[Any]], read_all(statements))
    return [conn.execute(sql, params).fetchall() for sql, params in statements]


def _day_keys(country_code: str, lo: date, hi: date) -> list[str]:
    """The `cluster_keys` keys of the days `lo`..`hi` in a country: "@<country>:<week>", one
    per week (`DAY_KEY_DAYS`) the range touches."""
    return [f"@{country_code}:{week}" for week in range(lo.toordinal() // DAY_KEY_DAYS,
                                                       hi.toordinal() // DAY_KEY_DAYS + 1)]


def _new_day_keys(facts: Facts, old: Facts | None = None) -> dict[str, bool]:
    """Keys by which the block finds an event on the days of its other reports (`days`; those
    of `old`, the facts before, already have theirs)."""
    known = set(old.days) if old is not None else set()
    return {key: False for lo, hi in facts.days if (lo, hi) not in known
            for key in _day_keys(facts.country_code, lo, hi)}


def _add_day_keys(conn: sqlite3.Connection, cluster_id: str, facts: Facts) -> None:
    keys = _new_day_keys(facts)
    if keys:
        _add_keys(conn, cluster_id, keys)


def _article_text(conn: sqlite3.Connection, article_id: str) -> tuple[str, str] | None:
    """An article's title and the start of its text (what `body_words` reads)."""
    row = conn.execute("SELECT title, substr(text, 1, ?) FROM articles WHERE id = ?",
                       (BODY_CHARS, article_id)).fetchone()
    return None if row is None else (row[0] or "", row[1] or "")


def _body_keys(title: str, text: str) -> list[str]:
    """The `lead_words` rows that count an article's text words: "#" (the articles counted)
    and "#<word>" for each word."""
    words = body_words(title, text)
    return ["#", *(f"#{w}" for w in words)] if words else []


def _word_counts(conn: sqlite3.Connection, words: list[str]) -> dict[str, int]:
    """The counts of `lead_words` rows `words` (those never counted left out)."""
    if not words:
        return {}
    marks = ", ".join("?" for _ in words)
    return dict(conn.execute(f"SELECT word, n FROM lead_words WHERE word IN ({marks})",
                             words).fetchall())


def _rarest_of(body_keys: list[str], counts: dict[str, int]) -> tuple[str, ...]:
    """The rarest text words (`rarest`) of an article whose `_body_keys` are `body_keys`,
    against `counts` of `lead_words` (the articles stored before it)."""
    if not body_keys:
        return ()
    words = {k[1:]: counts[k] for k in body_keys if k in counts}
    return rarest([k[1:] for k in body_keys[1:]], words, words.pop("", 0))


def _body(conn: sqlite3.Connection, article_id: str) -> tuple[str, ...]:
    """The rarest words of a stored article's text, against today's counts."""
    text = _article_text(conn, article_id)
    keys = _body_keys(*text) if text is not None else []
    return _rarest_of(keys, _word_counts(conn, keys))


def _lead_articles(conn: sqlite3.Connection, cluster_id: str) -> list[str]:
    """The articles whose lead mention event `cluster_id` holds, in the order they arrived."""
    held = []
    for (article_id,) in conn.execute(
            "SELECT e.article_id FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = ? GROUP BY e.article_id ORDER BY min(a.seq)",
            (cluster_id,)).fetchall():
        records = [EventRecord.from_dict(json.loads(r[0])) for r in conn.execute(
            "SELECT record FROM events WHERE article_id = ? ORDER BY id", (article_id,))]
        lead = lead_mention(records)
        if lead is not None and conn.execute(
                "SELECT 1 FROM events WHERE event_id = ? AND cluster_id = ?",
                (lead.event_id, cluster_id)).fetchone():
            held.append(article_id)
    return held


def _body_afresh(conn: sqlite3.Connection, cluster_id: str) -> tuple[str, ...]:
    """An event's body words read again from the articles whose lead mention it holds, against
    today's counts (after a split, when the words chosen as the articles arrived must be
    divided between two events)."""
    body: tuple[str, ...] = ()
    for article_id in _lead_articles(conn, cluster_id):
        body = body_union(body, _body(conn, article_id))
    return body


def _links(conn: sqlite3.Connection, facts: Facts, keys: dict[str, bool],
           seen: dict[str, Facts] | None = None) -> list[Match]:
    """The events that the names in `keys` link this mention to (see `link_score`), best
    first. The facts of the events read are added to `seen`."""
    weights: dict[str, float] = {}
    held = _read_all(conn, [
        ("SELECT cluster_id, person FROM cluster_keys WHERE key = ? LIMIT ?",
         (key, KEY_DF_CAP + 1)) for key in keys])
    for (key, person), rows in zip(keys.items(), held, strict=True):
        if len(rows) > KEY_DF_CAP:
            continue  # a common name (or a spokesman's): no evidence of one incident
        for cluster_id, known_person in rows:
            w = key_weight(key, len(rows), int(person) + int(bool(known_person)))
            weights[cluster_id] = weights.get(cluster_id, 0.0) + w
    ranked: list[tuple[str, float]] = []
    for cluster_id, names in sorted(weights.items(), key=lambda kv: -kv[1]):
        if names < LINK_THRESHOLD:
            break  # sorted: no later event can link
        ranked.append((cluster_id, names))
    events = _facts_many(conn, [cluster_id for cluster_id, _ in ranked], seen)
    found: list[Match] = []
    for cluster_id, names in ranked:
        scored = link_score(facts, events[cluster_id], names)
        if scored is not None:
            found.append((cluster_id, scored[0], scored[1]))
    return found


def _lead_keys(words: list[str], published: date | None) -> list[tuple[str, str]]:
    """The `cluster_keys` keys of an article's lead words: each word in the bucket of its
    publication and the next one, so that two articles published within about a bucket of
    each other meet in at least one. Pairs (key in the own bucket, key in the next)."""
    if published is None:
        return []
    bucket = published.toordinal() // LEAD_BUCKET_DAYS
    return [(f"~{bucket}:{w}", f"~{bucket + 1}:{w}") for w in words]


def _lead_key_flags(words: list[str], published: date | None) -> dict[str, bool]:
    return {k: False for pair in _lead_keys(words, published) for k in pair}


def _lead_idf(words: list[str], counts: dict[str, int]) -> dict[str, float]:
    """Each lead word's weight (`lead_weight`) from the counts of the articles stored
    (`_word_counts` of "" and the words)."""
    total = counts.get("", 0)
    return {w: lead_weight(total, counts.get(w, 0)) for w in words}


def _count_words(conn: sqlite3.Connection, rows: list[str]) -> None:
    """Count an article in `lead_words` rows `rows` (its `_lead_rows`, its `_body_keys`)."""
    if rows:
        conn.executemany(_COUNT_WORD, [(row,) for row in rows])


def _lead_rows(words: list[str]) -> list[str]:
    """The `lead_words` rows that count an article's title words: "" (the articles counted)
    and each word."""
    return ["", *words]


def _lead_links(conn: sqlite3.Connection, facts: Facts, words: list[str],
                published: date | None, counts: dict[str, int] | None = None,
                seen: dict[str, Facts] | None = None) -> list[Match]:
    """The events whose articles' titles share rare words with this one's
    (see `lead_link`), best first. Only events reported in the same or a neighbouring bucket
    are looked at, and a word held by more than `LEAD_DF_CAP` of them is skipped; of the
    `LEAD_DF_CAP` events sharing most, one told by several articles is weighed by its
    best-matching title (`_best_title`). `counts`: the `lead_words` counts of "" and the
    words, when already read; the facts of the events read are added to `seen`."""
    pairs = _lead_keys(words, published)
    if not pairs:
        return []
    if counts is None:
        counts = _word_counts(conn, _lead_rows(words))
    idf = _lead_idf(words, counts)
    total = sum(idf.values()) or 1.0
    weights: dict[str, float] = {}
    read = iter(_read_all(conn, [
        ("SELECT cluster_id FROM cluster_keys WHERE key = ? LIMIT ?", (key, LEAD_DF_CAP + 1))
        for pair in pairs for key in pair]))
    for word, pair in zip(words, pairs, strict=True):
        held: set[str] = set()
        for _ in pair:
            rows = next(read)
            if len(rows) <= LEAD_DF_CAP:
                held.update(r[0] for r in rows)
        for cluster_id in held:
            weights[cluster_id] = weights.get(cluster_id, 0.0) + idf[word]
    found: list[Match] = []
    # ties broken by id, so the outcome does not depend on the order of a set
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:LEAD_DF_CAP]
    events = _facts_many(conn, [cluster_id for cluster_id, _ in ranked], seen)
    # the union of several titles matches by chance: the best single title counts
    titles = _titles(conn, [c for c, _ in ranked if len(events[c].articles) > 1])
    for cluster_id, weight in ranked:
        event = events[cluster_id]
        if len(event.articles) > 1:
            weight = _best_title(titles[cluster_id], idf)
        scored = lead_link(facts, event, weight, weight / total)
        if scored is not None:
            found.append((cluster_id, scored[0], scored[1]))
    found.sort(key=lambda c: (-c[1], c[0]))
    return found


def _titles(conn: sqlite3.Connection, cluster_ids: list[str]) -> dict[str, list[str]]:
    """The titles of the `LEAD_TITLES` latest articles of each event in `cluster_ids` (its
    mentions' and its linked articles')."""
    read = _read_all(conn, [
        ("SELECT a.title FROM articles a WHERE a.id IN ("
         "SELECT article_id FROM events WHERE cluster_id = ? "
         "UNION SELECT article_id FROM article_links WHERE cluster_id = ?) "
         "ORDER BY a.seq DESC LIMIT ?", (cluster_id, cluster_id, LEAD_TITLES))
        for cluster_id in cluster_ids])
    return {cluster_id: [title or "" for (title,) in rows]
            for cluster_id, rows in zip(cluster_ids, read, strict=True)}


def _best_title(titles: list[str], idf: dict[str, float]) -> float:
    """The idf weight of the report's lead words (`idf`) that the best-matching of an event's
    article `titles` holds."""
    best = 0.0
    for title in titles:
        held = set(lead_words(title))
        best = max(best, sum(w for word, w in idf.items() if word in held))
    return best


def _facts_of(conn: sqlite3.Connection, cluster_id: str) -> Facts:
    row = conn.execute("SELECT facts FROM clusters WHERE cluster_id = ?", (cluster_id,)).fetchone()
    return _facts_from_json(row[0])


def _facts_many(conn: sqlite3.Connection, cluster_ids: list[str],
                seen: dict[str, Facts] | None = None) -> dict[str, Facts]:
    """The facts of events `cluster_ids` (each must exist), read in one statement; they are
    added to `seen` too, when given."""
    found: dict[str, Facts] = {}
    if cluster_ids:
        marks = ", ".join("?" for _ in cluster_ids)
        found = {cluster_id: _facts_from_json(text) for cluster_id, text in conn.execute(
            f"SELECT cluster_id, facts FROM clusters WHERE cluster_id IN ({marks})",
            cluster_ids).fetchall()}
        missing = [c for c in cluster_ids if c not in found]
        if missing:
            raise StoreError(f"event {missing[0]} has keys but no row")
    if seen is not None:
        seen.update(found)
    return found


@lru_cache(maxsize=1)
def _country_codes() -> tuple[str, ...]:
    """Every country's block (ISO 3166-1 alpha-2 code, and XK for Kosovo, as the gazetteer
    gives them)."""
    import pycountry

    return tuple(sorted({c.alpha_2 for c in pycountry.countries} | {"XK"}))


def _blocked(conn: sqlite3.Connection, facts: Facts,
             seen: dict[str, Facts] | None = None) -> list[Match]:
    """The events of the mention's block (country, type, day window) it passes the block
    threshold with, best first. The facts of the events read are added to `seen`."""
    window = facts.window()
    if window is None:
        return []
    # a placed mention may belong to its country's events or to unplaced ones; an unplaced
    # one to unplaced events, and an article's unplaced lead mention to an event anywhere
    # (each country's block read through the index)
    block_keys: tuple[str, ...] = ("",) if not facts.country_code \
        else (facts.country_code, "")
    day_blocks = block_keys
    if UNPLACED_ANY_BLOCK and not facts.country_code and facts.text:
        block_keys = ("", *_country_codes())
    type_keys = tuple(INTERCHANGEABLE) if facts.event_type in INTERCHANGEABLE \
        else (facts.event_type,)
    blocks = ", ".join("?" for _ in block_keys)
    types = ", ".join("?" for _ in type_keys)
    # a lead mention (it carries its text's rare words) also reads the events dated up to
    # `WIDE_DAYS` apart: one published together with it may have had its day misread
    wide = timedelta(days=max(0, WIDE_DAYS - SLACK_DAYS) if facts.body and facts.pubs else 0)
    lo, hi = window[0] - wide, window[1] + wide
    # the events dated to the window and (read together) those that other reports date to
    # these days (an event dated to a trial, whose incident's reports joined it as
    # follow-ups)
    keys = [k for block in day_blocks for k in _day_keys(block, *window)]
    marks = ", ".join("?" for _ in keys)
    rows, more = _read_all(conn, [
        (f"SELECT cluster_id, facts FROM clusters WHERE block IN ({blocks}) "
         f"AND event_type IN ({types}) AND day_lo BETWEEN ? AND ? AND day_hi >= ?",
         (*block_keys, *type_keys,
          (lo - timedelta(days=MAX_SPAN_DAYS)).isoformat(), hi.isoformat(), lo.isoformat())),
        (f"SELECT c.cluster_id, c.facts FROM cluster_keys k JOIN clusters c "
         f"ON c.cluster_id = k.cluster_id WHERE k.key IN ({marks}) "
         f"AND c.event_type IN ({types}) LIMIT ?",
         (*keys, *type_keys, DAY_KEY_CAP))])
    dated = {cid for cid, _ in rows}
    rows += [(cid, text) for cid, text in more if cid not in dated]
    events = [(cid, _facts_from_json(text)) for cid, text in rows]
    if seen is not None:
        seen.update(events)
    return matches(facts, events)


def _arrest_target(conn: sqlite3.Connection, facts: Facts) -> Match | None:
    """The violent event that arrest mention `facts` follows (`arrest_link`), when exactly
    one event of its country qualifies (more: the arrest cannot tell which), or when all that
    qualify hold mentions of one article (`ARREST_ONE_ARTICLE`: the oldest of them)."""
    if facts.lo is None or facts.hi is None or not facts.country_code:
        return None
    lo = facts.lo - timedelta(days=ARREST_DAYS)
    types = ", ".join("?" for _ in INTERCHANGEABLE)
    rows = conn.execute(
        f"SELECT id, cluster_id, facts FROM clusters WHERE block = ? AND event_type IN ({types}) "
        f"AND day_lo BETWEEN ? AND ? AND day_hi >= ?",
        (facts.country_code, *INTERCHANGEABLE,
         (lo - timedelta(days=MAX_SPAN_DAYS)).isoformat(),
         (facts.hi + timedelta(days=1)).isoformat(), lo.isoformat())).fetchall()
    found: list[tuple[int, Match, frozenset[str]]] = []
    for seq, cluster_id, text in rows:
        event = _facts_from_json(text)
        scored = arrest_link(facts, event)
        if scored is not None:
            found.append((seq, (cluster_id, scored[0], scored[1]), event.articles))
    if len(found) > 1 and ARREST_ONE_ARTICLE and frozenset.intersection(*(f[2] for f in found)):
        # all hold mentions of one article: one incident, its oldest event
        found = [min(found, key=lambda f: f[0])]
    return found[0][1] if len(found) == 1 else None


def _log(conn: sqlite3.Connection, cluster_id: str, event_id: str, action: str,
         value: float | None, reason: str, now: str) -> None:
    conn.execute(
        "INSERT INTO dedup_log (cluster_id, event_id, action, score, reason, at) "
        "VALUES (?, ?, ?, ?, ?, ?)", (cluster_id, event_id, action, value, reason, now))


def assign(conn: sqlite3.Connection, rec: EventRecord, published: date | None,
           outlet: str | None, now: str, keys: dict[str, bool] | None = None,
           words: list[str] | None = None, text: tuple[str, str] | None = None) -> str:
    """Put mention `rec` (already in `events`) into an event; returns the event's id. `keys`
    and `words`: the name keys and lead words of the article when `rec` is its lead mention
    (None otherwise); `text`: that article's title and text, when at hand (else they are
    read from the store). When the mention matches further events, compatible with the one
    it joins, they are merged."""
    facts = Facts.of(rec)
    if published is not None:
        facts = replace(facts, pubs=(published,))
    body_keys: list[str] = []  # the article's text words, counted once it is placed
    counts: dict[str, int] | None = None
    if words is not None:
        if text is None:
            text = _article_text(conn, rec.article_id)
        body_keys = _body_keys(*text) if text is not None else []
        # one read for the counts of its text words and of its title words (`_lead_links`)
        counts = _word_counts(conn, [*body_keys, *(_lead_rows(words) if words else [])])
        facts = replace(facts, body=_rarest_of(body_keys, counts),
                        text=text_words(*text) if text is not None else frozenset())
    seen: dict[str, Facts] = {}  # the facts of the events read, until one is written
    links = _links(conn, facts, keys, seen) if keys else []
    blocked = _blocked(conn, facts, seen)
    follow_up = bool(links)
    match = links[0] if links else (blocked[0] if blocked else None)
    if match is None and words:
        # neither names nor the block: the report may still tell the same story in its title,
        # placed or dated apart by extraction
        lead = _lead_links(conn, facts, words, published, counts, seen)
        if lead:
            match = lead[0]
            follow_up = score(facts, seen[match[0]]) is None
    if match is None and words is not None and facts.sub_event_type in ARREST_SUB_TYPES:
        # an arrest report: of the shooting it follows, if only one is near enough
        match = _arrest_target(conn, facts)
        follow_up = match is not None
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
        day_keys: dict[str, bool] = {}
    else:
        cluster_id, value, reason = match
        action = "follow-up" if follow_up else "join"
        old_record, old_facts, first = conn.execute(
            "SELECT record, facts, first_reported FROM clusters WHERE cluster_id = ?",
            (cluster_id,),
        ).fetchone()
        event = EventRecord.from_dict(json.loads(old_record))
        merged = merge(event, rec, published, outlet, follow_up=follow_up)
        before = _facts_from_json(old_facts)
        evidence = sorted(before.words | facts.words)[: 2 * MAX_WORDS]
        placed = replace(facts, lat=None, lon=None) \
            if follow_up and placed_far(facts, before) else facts
        merged_facts = with_places(Facts.of(merged, words=frozenset(evidence)), before,
                                   [placed])
        merged_facts = replace(merged_facts, body=body_union(before.body, facts.body))
        day_keys = _new_day_keys(merged_facts, before)
        if published is not None and (first is None or published.isoformat() < first):
            first = published.isoformat()
        _write(conn, cluster_id, merged, merged_facts, first, now)
    conn.execute("UPDATE events SET cluster_id = ?, follow_up = ? WHERE event_id = ?",
                 (cluster_id, int(follow_up), rec.event_id))
    # the keys and word counts the mention adds, each kind in one statement
    added = [day_keys, keys or {}]
    counted = body_keys
    if words:
        if action == "new":
            # the words of the article that starts an event are its keys: enough to find it
            # by (an event told by several articles is then weighed by its best title), and
            # the keys stored per event stay bounded
            added.append(_lead_key_flags(words, published))
        counted = [*counted, *_lead_rows(words)]
    _add_keys(conn, cluster_id, _key_union(added))
    _count_words(conn, counted)
    _log(conn, cluster_id, rec.event_id, action, value, reason, now)
    if match is not None:
        # the other events this mention matches: merged with its event when compatible
        others = [(c, True) for c, _, _ in links[1:]]
        others += [(c, False) for c, _, _ in blocked if c != cluster_id]
        tried = {cluster_id}
        for other, by_names in others:
            if other in tried:
                continue
            tried.add(other)
            cluster_id = _try_merge(conn, cluster_id, other, by_names and follow_up, now)
    if ARTICLE_MERGE and match is not None:
        # the other events that hold mentions of its articles: merged when nothing sets
        # them apart
        cluster_id = _merge_by_articles(conn, cluster_id, now)
    return cluster_id


def _merge_by_articles(conn: sqlite3.Connection, cluster_id: str, now: str) -> str:
    """Merge with event `cluster_id` the other events that hold a mention of one of its
    articles, when `article_mergeable` (oldest first); returns the event that holds them
    afterwards."""
    others = [row[0] for row in conn.execute(
        "SELECT c.cluster_id FROM clusters c WHERE c.cluster_id IN ("
        "SELECT o.cluster_id FROM events e JOIN events o ON o.article_id = e.article_id "
        "WHERE e.cluster_id = ? AND o.cluster_id != ?) ORDER BY c.id",
        (cluster_id, cluster_id)).fetchall()]
    for other in others:
        cluster_id = _try_merge(conn, cluster_id, other, False, now, by_article=True)
    return cluster_id


def _write(conn: sqlite3.Connection, cluster_id: str, record: EventRecord, facts: Facts,
           first: str | None, now: str) -> None:
    conn.execute(
        "UPDATE clusters SET day_lo = ?, day_hi = ?, event_date = ?, n_sources = ?, "
        "first_reported = ?, facts = ?, record = ?, updated_at = ? WHERE cluster_id = ?",
        (facts.lo.isoformat() if facts.lo else None,
         facts.hi.isoformat() if facts.hi else None, record.event_date,
         len(record.sources), first, _facts_json(facts),
         json.dumps(record.to_dict(), ensure_ascii=False), now, cluster_id),
    )


def _split_apart(conn: sqlite3.Connection, a: str, b: str) -> bool:
    """Whether events `a` and `b` were split apart on purpose (never merged back)."""
    return conn.execute(
        "SELECT 1 FROM dedup_log WHERE action = 'split' AND "
        "((cluster_id = ? AND event_id = ?) OR (cluster_id = ? AND event_id = ?)) LIMIT 1",
        (a, b, b, a)).fetchone() is not None


def _try_merge(conn: sqlite3.Connection, current: str, other: str, by_names: bool,
               now: str, by_article: bool = False) -> str:
    """Merge event `other` with `current` (the event the mention joined) when `mergeable`
    (`article_mergeable` when `by_article`: they hold mentions of one article); returns the
    event that holds the mention afterwards."""
    rows = {cluster_id: (seq, text) for cluster_id, seq, text in conn.execute(
        "SELECT cluster_id, id, facts FROM clusters WHERE cluster_id IN (?, ?)",
        (current, other))}
    if len(rows) < 2 or _split_apart(conn, current, other):
        return current
    a, b = _facts_from_json(rows[current][1]), _facts_from_json(rows[other][1])
    if by_article:
        # the older event first: a newer one of another kind joins it as follow-ups
        older = rows[current][0] < rows[other][0]
        found = article_mergeable(a, b) if older else article_mergeable(b, a)
    else:
        found = mergeable(a, b, by_names)
    if found is None:
        return current
    value, reason, as_follow_up = found
    survivor, absorbed = (current, other) if rows[current][0] < rows[other][0] \
        else (other, current)
    merge_events(conn, survivor, absorbed, value, reason, now, follow_up=as_follow_up)
    return survivor


def merge_events(conn: sqlite3.Connection, survivor: str, absorbed: str, value: float | None,
                 reason: str, now: str, follow_up: bool = False) -> None:
    """Fold event `absorbed` into `survivor`: its mentions, name keys and linked articles
    move, its id becomes an alias of the survivor, the survivor is recombined from all its
    mentions, and the merge is logged. `follow_up`: the absorbed reports only add sources."""
    if follow_up:
        conn.execute("UPDATE events SET follow_up = 1 WHERE cluster_id = ?", (absorbed,))
    conn.execute("UPDATE events SET cluster_id = ? WHERE cluster_id = ?", (survivor, absorbed))
    conn.execute(
        "INSERT INTO cluster_keys AS k (key, cluster_id, person) "
        f"SELECT key, ?, person FROM cluster_keys WHERE cluster_id = ? {_KEEP_PERSON}",
        (survivor, absorbed))
    conn.execute("DELETE FROM cluster_keys WHERE cluster_id = ?", (absorbed,))
    conn.execute("UPDATE article_links SET cluster_id = ? WHERE cluster_id = ?",
                 (survivor, absorbed))
    body = body_union(_facts_of(conn, survivor).body, _facts_of(conn, absorbed).body)
    conn.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (survivor, absorbed))
    conn.execute("INSERT INTO event_aliases (alias, event_id, at) VALUES (?, ?, ?) "
                 "ON CONFLICT (alias) DO UPDATE SET event_id = excluded.event_id, "
                 "at = excluded.at", (absorbed, survivor, now))
    conn.execute("DELETE FROM clusters WHERE cluster_id = ?", (absorbed,))
    rebuild(conn, survivor, now, body)
    _log(conn, survivor, absorbed, "merge", value, reason, now)


def rebuild(conn: sqlite3.Connection, cluster_id: str, now: str,
            body: tuple[str, ...] | None = None) -> None:
    """Recombine event `cluster_id` from its mentions, in the order their articles arrived,
    the mention that started it first. Its body words (`body`, else those it holds) are
    kept: they were chosen as its articles arrived."""
    if body is None:
        row = conn.execute("SELECT facts FROM clusters WHERE cluster_id = ?",
                           (cluster_id,)).fetchone()
        body = _facts_from_json(row[0]).body if row and row[0] != "{}" else ()
    rows = conn.execute(
        "SELECT e.record, e.follow_up, a.published, a.source FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? "
        "ORDER BY e.event_id != ?, a.seq, e.id", (cluster_id, cluster_id)).fetchall()
    mentions = [(EventRecord.from_dict(json.loads(record)),
                 date.fromisoformat(published) if published else None, source, bool(fu))
                for record, fu, published, source in rows]
    if not mentions or mentions[0][0].event_id != cluster_id:
        raise StoreError(f"event {cluster_id} has lost the mention that started it")
    record, words = replay(mentions)
    days = [p.isoformat() for _, p, _, _ in mentions if p is not None]
    own = Facts.of(record, words=words)
    reports = [Facts.of(rec, words=frozenset(), pubs=(published,) if published else ())
               for rec, published, _, _ in mentions]
    # a follow-up placed apart does not lend its place to an event that the reports before
    # it already placed (as when it joined)
    reports = [replace(f, lat=None, lon=None) if fu and placed_far(
        f, replace(own, articles=frozenset(r.article_id for r, _, _, _ in mentions[:i])))
        else f for i, (f, (_, _, _, fu)) in enumerate(zip(reports, mentions, strict=True))]
    facts = replace(with_places(own, None, reports), body=body)
    _write(conn, cluster_id, record, facts, min(days) if days else None, now)
    _add_day_keys(conn, cluster_id, facts)


def _rebuild_keys(conn: sqlite3.Connection, cluster_id: str) -> None:
    """The name keys of an event afresh: those of the articles whose lead mention it holds,
    and of the articles linked to it."""
    conn.execute("DELETE FROM cluster_keys WHERE cluster_id = ?", (cluster_id,))
    for article_id in _lead_articles(conn, cluster_id):
        _add_keys(conn, cluster_id, _keys_of(conn, article_id))
    for (article_id,) in conn.execute(
            "SELECT article_id FROM article_links WHERE cluster_id = ?", (cluster_id,)).fetchall():
        _add_keys(conn, cluster_id, _keys_of(conn, article_id))
    # as in `assign`: the title words of the article whose mention started the event
    first = conn.execute(
        "SELECT a.title, a.published FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.event_id = ?", (cluster_id,)).fetchone()
    if first is not None:
        day = date.fromisoformat(first[1]) if first[1] else None
        _add_keys(conn, cluster_id, _lead_key_flags(lead_words(first[0] or ""), day))
    _add_day_keys(conn, cluster_id, _facts_of(conn, cluster_id))


def _keys_of(conn: sqlite3.Connection, article_id: str) -> dict[str, bool]:
    """An article's name keys."""
    title, text = conn.execute("SELECT title, text FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
    return article_keys(f"{title}\n{text}")


def resolve(conn: sqlite3.Connection, event_id: str) -> str | None:
    """The event that `event_id` names now: the event itself, the event that absorbed it
    (an alias), or the event holding the mention of that id; None when unknown."""
    if conn.execute("SELECT 1 FROM clusters WHERE cluster_id = ?", (event_id,)).fetchone():
        return event_id
    row = conn.execute("SELECT event_id FROM event_aliases WHERE alias = ?",
                       (event_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT cluster_id FROM events WHERE event_id = ?",
                           (event_id,)).fetchone()
    return str(row[0]) if row and row[0] else None


def split(conn: sqlite3.Connection, event_id: str, mention_ids: list[str], reason: str,
          now: str) -> str:
    """Move mentions `mention_ids` of event `event_id` into a new event, whose id is that of
    the first of them to have arrived; recombine both events, share out their name keys and
    log the split in both. Returns the new event's id."""
    cluster_id = resolve(conn, event_id)
    if cluster_id is None:
        raise StoreError(f"no event {event_id}")
    if not reason.strip():
        raise StoreError("a split needs a reason")
    wanted = list(dict.fromkeys(mention_ids))
    rows = conn.execute(
        "SELECT e.event_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.cluster_id = ? ORDER BY a.seq, e.id", (cluster_id,)).fetchall()
    held = [r[0] for r in rows]
    missing = [m for m in wanted if m not in held]
    if not wanted or missing:
        raise StoreError(f"event {cluster_id} holds no mention {', '.join(missing) or '(none)'}")
    if cluster_id in wanted:
        raise StoreError(f"mention {cluster_id} started event {cluster_id} and stays in it; "
                         f"split off the other mentions instead")
    moved = [m for m in held if m in set(wanted)]
    new_id = moved[0]
    marks = ", ".join("?" for _ in moved)
    conn.execute(f"UPDATE events SET cluster_id = ? WHERE event_id IN ({marks})",
                 (new_id, *moved))
    conn.execute("UPDATE events SET follow_up = 0 WHERE event_id = ?", (new_id,))
    conn.execute("DELETE FROM event_aliases WHERE alias = ?", (new_id,))
    conn.execute(f"UPDATE event_aliases SET event_id = ? WHERE alias IN ({marks})",
                 (new_id, *moved))
    old = EventRecord.from_dict(json.loads(conn.execute(
        "SELECT record FROM events WHERE event_id = ?", (new_id,)).fetchone()[0]))
    facts = Facts.of(old)
    conn.execute(
        "INSERT INTO clusters (cluster_id, event_type, block, day_lo, day_hi, event_date, "
        "n_sources, first_reported, facts, record, updated_at) "
        "VALUES (?, ?, ?, NULL, NULL, NULL, 0, NULL, '{}', '{}', ?)",
        (new_id, facts.event_type, facts.country_code, now))
    for cid in (cluster_id, new_id):
        rebuild(conn, cid, now, _body_afresh(conn, cid))
        _rebuild_keys(conn, cid)
    _log(conn, cluster_id, new_id, "split", None, reason, now)
    _log(conn, new_id, cluster_id, "split", None, reason, now)
    return new_id


def link_article(conn: sqlite3.Connection, article_id: str, published: date | None,
                 keys: dict[str, bool], now: str, words: list[str] | None = None) -> str | None:
    """Link an article without events to the event whose people it names, or else whose
    articles' titles share its rare title words (`words`), if any (recorded in
    `article_links`, its names and lead words added to the event's keys); returns the
    event's id."""
    if not keys and not words:
        return None
    facts = Facts(event_type="", sub_event_type="", lo=published, hi=published,
                  country_code="", lat=None, lon=None, geo_precision=None, place=None,
                  fatalities=None, actor1=None, words=frozenset(), background=False,
                  articles=frozenset({article_id}))
    found = (_links(conn, facts, keys) if keys else []) or (
        _lead_links(conn, facts, words, published) if words else [])
    if words:
        _count_words(conn, _lead_rows(words))
    if not found:
        return None
    cluster_id, value, reason = found[0]
    conn.execute(
        "INSERT INTO article_links (article_id, cluster_id, score, reason, at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
        "cluster_id = excluded.cluster_id, score = excluded.score, reason = excluded.reason, "
        "at = excluded.at", (article_id, cluster_id, value, reason, now))
    _add_keys(conn, cluster_id, keys)
    return cluster_id
