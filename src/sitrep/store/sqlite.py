"""The SQLite store: one file, WAL journal, FTS5 full-text search and an R*Tree over points.

The schema lives in numbered SQL files under ``migrations/`` (``001_initial.sql``, ...). Each
is applied once, in order, in its own transaction; ``PRAGMA user_version`` records the last
one applied. A file written by a newer Sitrep (a higher version) is refused, not touched.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sitrep.dedup.cluster import article_keys, lead_mention, lead_words
from sitrep.distance import EARTH_RADIUS_KM, KM_PER_DEGREE, haversine_km
from sitrep.record import Article, EventRecord
from sitrep.store.base import AddResult, EventQuery, StoreError
from sitrep.store.clusters import assign, link_article, resolve, split
from sitrep.timespan import event_day_range

SQLITE_HEADER = b"SQLite format 3\x00"
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The packaged migrations, in order; their numbers must run 1, 2, 3, ... without gaps."""
    folder = resources.files(__package__).joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, mig in enumerate(found, start=1):
        if mig.version != expected:
            raise RuntimeError(f"store migrations out of sequence at {mig.name}")
    return found


MIGRATIONS = load_migrations()
SCHEMA_VERSION = MIGRATIONS[-1].version


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def apply_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> int:
    """Apply the migrations newer than the file's version; return the version reached."""
    current = user_version(conn)
    for mig in migrations:
        if mig.version <= current:
            continue
        script = f"BEGIN IMMEDIATE;\n{mig.sql}\n;PRAGMA user_version = {mig.version};\nCOMMIT;"
        try:
            conn.executescript(script)
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current = mig.version
    return current


def _sql_haversine(
    lat1: float | None, lon1: float | None, lat2: float, lon2: float
) -> float | None:
    if lat1 is None or lon1 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


_FTS_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def search_terms(text: str) -> list[tuple[list[str], bool]]:
    """User words as search terms, every one required: a word or a "quoted phrase" (its
    words), and whether it is a prefix (`word*`). Characters a full-text query language
    would read as syntax are dropped."""
    terms: list[tuple[list[str], bool]] = []
    for phrase, token in _FTS_TOKEN.findall(text):
        words = _WORD.findall(phrase or token)
        if words:
            terms.append((words, token.endswith("*")))
    return terms


def fts_query(text: str) -> str | None:
    """User words to a safe FTS5 query (`search_terms`); None when no word is left."""
    parts = ['"' + " ".join(words) + '"' + ("*" if prefix else "")
             for words, prefix in search_terms(text)]
    return " AND ".join(parts) if parts else None


def _lon_ranges(lo: float, hi: float) -> list[tuple[float, float]]:
    """Longitude intervals for a window from `lo` to `hi` that may wrap around 180°."""
    if hi - lo >= 360:
        return [(-180.0, 180.0)]
    if lo < -180:
        return [(lo + 360, 180.0), (-180.0, hi)]
    if hi > 180:
        return [(lo, 180.0), (-180.0, hi - 360)]
    if lo > hi:  # a box given across the antimeridian
        return [(lo, 180.0), (-180.0, hi)]
    return [(lo, hi)]


LonRanges = list[tuple[float, float]]


def _near_window(lat: float, lon: float, km: float) -> tuple[float, float, LonRanges]:
    """A lat/lon box holding every point within `km` of (lat, lon)."""
    dlat = km / KM_PER_DEGREE + 1e-6
    lat_lo, lat_hi = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    ang = km / EARTH_RADIUS_KM
    cos_lat = math.cos(math.radians(lat))
    if lat_lo <= -90 or lat_hi >= 90 or ang >= math.pi / 2 or math.sin(ang) >= cos_lat:
        return lat_lo, lat_hi, [(-180.0, 180.0)]
    dlon = math.degrees(math.asin(math.sin(ang) / cos_lat)) + 1e-6
    return lat_lo, lat_hi, _lon_ranges(lon - dlon, lon + dlon)


def _rtree_clause(lat_lo: float, lat_hi: float, lons: LonRanges) -> tuple[str, list[Any]]:
    lon_sql = " OR ".join("(max_lon >= ? AND min_lon <= ?)" for _ in lons)
    params: list[Any] = [v for pair in lons for v in pair]
    sql = (
        "e.id IN (SELECT id FROM events_rtree WHERE "
        f"({lon_sql}) AND max_lat >= ? AND min_lat <= ?)"
    )
    return sql, [*params, lat_lo, lat_hi]


def _country_codes(country: str) -> list[str]:
    value = country.strip()
    codes = {value.upper()} if len(value) == 2 and value.isalpha() else set()
    if not codes:
        import pycountry

        with contextlib.suppress(LookupError):
            codes.add(pycountry.countries.lookup(value).alpha_2)
    return sorted(codes)


def _evidence_text(rec: EventRecord) -> str:
    return " ".join(span.text for span in rec.evidence.sentences)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _check_file(path: Path) -> None:
    """Refuse anything at `path` that is not an SQLite file, before SQLite opens it."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give the path of a database file (e.g. "
                         f"{path / 'sitrep.sqlite'})")
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
        if head and head != SQLITE_HEADER:
            raise StoreError(
                f"{path} is not an SQLite database (it was left untouched); give a new file "
                f"name or an existing Sitrep database with --db or SITREP_DB"
            )
    elif not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: directory {path.parent} does not exist")


_EVENT_COLUMNS = (
    "event_id", "article_id", "event_type", "sub_event_type", "event_date", "date_start",
    "date_end", "date_precision", "background", "actor1", "actor1_type", "actor2", "actor2_type",
    "location", "country_code", "country", "admin1", "admin2", "lat", "lon", "geo_precision",
    "fatalities_best", "injuries_best", "source", "hedged", "confidence", "evidence_start",
    "evidence_text", "record",
)
# both INSERTs return a row when they store one (not `rowcount`: a batch sent to a database
# server in pipeline mode knows a statement's row count only once its answer is read)
_INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _EVENT_COLUMNS)}) ON CONFLICT (event_id) DO NOTHING "
    "RETURNING id"
)
# an article stored before is left as it is (no row returned): one statement either way
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, title, text, published, url, source, origin, content_hash, "
    "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq"
)
_ARTICLE_COLUMNS = "id, title, text, published, url, source, origin"
_CLUSTER_ORDER = "ORDER BY c.event_date IS NULL, c.event_date DESC, c.cluster_id"
_ORDER = (
    "ORDER BY e.event_date IS NULL, e.event_date DESC, e.article_id, e.evidence_start, "
    "e.event_id"
)


def _window(total: int, q: EventQuery) -> int:
    total = max(0, total - q.offset)
    return min(total, q.limit) if q.limit is not None else total


def _event_row(rec: EventRecord) -> tuple[Any, ...]:
    loc, a1, a2, att = rec.location, rec.actor1, rec.actor2, rec.attribution
    start, end = event_day_range(rec)
    return (
        rec.event_id, rec.article_id, rec.event_type, rec.sub_event_type, rec.event_date,
        start, end, rec.date_precision, int(rec.background),
        a1.name if a1 else None, a1.type if a1 else None,
        a2.name if a2 else None, a2.type if a2 else None,
        loc.name if loc else None, loc.country_code if loc else None,
        loc.country if loc else None, loc.admin1 if loc else None, loc.admin2 if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.precision if loc else None,
        rec.fatalities.best if rec.fatalities else None,
        rec.injuries.best if rec.injuries else None,
        att.source if att else None, int(att.hedged) if att else None,
        rec.confidence, min(s.start for s in rec.evidence.sentences), _evidence_text(rec),
        json.dumps(rec.to_dict(), ensure_ascii=False),
    )


def _article_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Article:
    aid, title, text, published, url, source, origin = row
    return Article(
        text=text, title=title, published=date.fromisoformat(published) if published else None,
        url=url, source=source, id=aid, origin=origin,
    )


class SQLiteStore:
    """An event store in one SQLite file (``":memory:"`` for a throwaway one).

    The SQL that differs between databases sits behind a few methods (`_begin`,
    `_box_clause`, `_text_clause`, `schema_version`) that `PostgresStore` overrides; the
    rest, deduplication included, is shared."""

    _UNLIMITED: int | None = -1  # the LIMIT that means none, for a query with only an OFFSET

    def __init__(self, path: str | Path, *, timeout: float = 30.0, dedup: bool = True,
                 read_only: bool = False) -> None:
        """Open (creating and migrating) the store. `dedup=False` stores mentions without
        grouping them into events: only for measuring what deduplication costs.
        `read_only=True` opens an existing, current store for reading only: nothing is
        created, migrated or grouped, and every write fails."""
        self.dedup = dedup
        self.path = path if str(path) == ":memory:" else Path(path)
        if isinstance(self.path, Path):
            _check_file(self.path)
        try:
            if read_only:
                if not isinstance(self.path, Path) or not self.path.is_file():
                    raise StoreError(f"{self.path} is not a Sitrep database file")
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                       timeout=timeout, isolation_level=None)
            else:
                conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            if read_only:
                self._prepare_read_only(conn, timeout)
            else:
                self._prepare(conn, timeout)
        except BaseException:
            conn.close()
            raise
        self._conn: sqlite3.Connection | None = conn

    def _prepare(self, conn: sqlite3.Connection, timeout: float) -> None:
        try:
            version = user_version(conn)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer Sitrep (store schema version {version}; "
                    f"this one knows up to {SCHEMA_VERSION}); upgrade Sitrep to use it"
                )
            if version == 0 and conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]:
                raise StoreError(
                    f"{self.path} is an SQLite database but not a Sitrep store (it was left "
                    f"untouched); give a new file name or a Sitrep database"
                )
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -32768")  # 32 MiB of pages: bounded memory
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_function("haversine_km", 4, _sql_haversine, deterministic=True)
            apply_migrations(conn, MIGRATIONS)
            if self.dedup:
                self._assign_pending(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot use {self.path} as a Sitrep store: {exc}") from exc

    def _prepare_read_only(self, conn: sqlite3.Connection, timeout: float) -> None:
        try:
            version = user_version(conn)
            if version == 0:
                raise StoreError(f"{self.path} is not a Sitrep store")
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has store schema version {version}, this Sitrep reads "
                    f"{SCHEMA_VERSION}; open it once with a command that writes (e.g. "
                    f"`sitrep events --db {self.path}`) to upgrade it, or upgrade Sitrep"
                )
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA cache_size = -32768")
            conn.create_function("haversine_km", 4, _sql_haversine, deterministic=True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot use {self.path} as a Sitrep store: {exc}") from exc

    # -- plumbing -----------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def schema_version(self) -> int:
        return user_version(self.conn)

    def _begin(self, conn: sqlite3.Connection) -> None:
        """Start a write transaction, holding the write lock from its start."""
        conn.execute("BEGIN IMMEDIATE")

    def _writing(self) -> contextlib.AbstractContextManager[object]:
        """The statements of a batch are run inside this (a database server may take them
        without waiting on each; nothing to do for a file)."""
        return contextlib.nullcontext()

    def _box_clause(self, lat_lo: float, lat_hi: float,
                    lons: LonRanges) -> tuple[str, list[Any]]:
        """Events whose point may lie in the box (an index look-up; callers add the exact
        test)."""
        return _rtree_clause(lat_lo, lat_hi, lons)

    # full-text search: the query language and the clauses that match evidence and article
    _search_query = staticmethod(fts_query)
    # an associated actor of the record (`assoc_actor1` / `assoc_actor2`) whose name is LIKE ?
    _ASSOC_NAME_LIKE = ("EXISTS (SELECT 1 FROM json_each(e.record, '$.assoc_actor{side}') j "
                        "WHERE lower(json_extract(j.value, '$.name')) LIKE ? ESCAPE '\\')")
    _EVIDENCE_MATCH = "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
    _ARTICLE_MATCH = ("e.article_id IN (SELECT a.id FROM articles_fts f "
                      "JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ?)")

    def _text_clause(self, text: str, scope: str) -> tuple[str, list[Any]] | None:
        """Events whose evidence (scope "evidence"), article ("article") or either ("any")
        holds every search term; None when the text has no word."""
        query = self._search_query(text)
        if query is None:
            return None
        parts = ([self._EVIDENCE_MATCH] if scope in ("any", "evidence") else []) + (
            [self._ARTICLE_MATCH] if scope in ("any", "article") else [])
        return "(" + " OR ".join(parts) + ")", [query] * len(parts)

    # -- writing ------------------------------------------------------------------------

    def _assign_pending(self, conn: sqlite3.Connection) -> None:
        """Group mentions stored before deduplication existed (an upgraded file)."""
        if conn.execute("SELECT 1 FROM events WHERE cluster_id IS NULL LIMIT 1").fetchone() is None:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._begin(conn)
        try:
            rows = conn.execute(
                "SELECT e.record, a.published, a.source FROM events e "
                "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IS NULL "
                "ORDER BY a.seq, e.id").fetchall()
            for record, published, outlet in rows:
                rec = EventRecord.from_dict(json.loads(record))
                assign(conn, rec, date.fromisoformat(published) if published else None,
                       outlet, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def add(self, batch: Sequence[tuple[Article, list[EventRecord]]]) -> AddResult:
        """Store a batch in one transaction. Articles already stored are skipped with their
        events; one with a stored id but other content is skipped and listed as conflicting."""
        items = list(batch)
        for article, events in items:
            for rec in events:
                if rec.article_id != article.id:
                    raise StoreError(
                        f"event {rec.event_id} names article {rec.article_id!r} but was given "
                        f"with article {article.id!r}"
                    )
        result = AddResult()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn = self.conn
        self._begin(conn)
        try:
            with self._writing():
                for article, events in items:
                    self._add_article(conn, article, events, now, result)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return result

    def _add_article(self, conn: sqlite3.Connection, article: Article, events: list[EventRecord],
                     now: str, result: AddResult) -> None:
        """Store one article of a batch and its new mentions, and deduplicate them."""
        if not conn.execute(_INSERT_ARTICLE, (
                article.id, article.title, article.text, _iso(article.published),
                article.url, article.source, article.origin, article.content_hash, now,
        )).fetchall():
            result.articles_skipped += 1
            row = conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row[0] != article.content_hash:
                result.conflicting.append(article.id)
            return
        result.articles_added += 1
        fresh = []
        for rec in events:
            if conn.execute(_INSERT_EVENT, _event_row(rec)).fetchall():
                result.events_added += 1
                fresh.append(rec)
        if self.dedup and (fresh or not events):
            self._assign_article(conn, article, fresh, now)

    @staticmethod
    def _assign_article(conn: sqlite3.Connection, article: Article, events: list[EventRecord],
                        now: str) -> None:
        """Deduplicate an article's new mentions: its lead mention first, with the article's
        name keys (so it may link to an earlier event as a follow-up), then the others."""
        lead = lead_mention(events)
        keys = article_keys(f"{article.title}\n{article.text}")
        words = lead_words(article.title)
        if lead is not None:
            assign(conn, lead, article.published, article.source, now, keys=keys, words=words,
                   text=(article.title or "", article.text or ""))
        elif not events:
            link_article(conn, article.id, article.published, keys, now, words=words)
        for rec in events:
            if rec is not lead:
                assign(conn, rec, article.published, article.source, now)

    # -- reading ------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article_from_row(row) if row else None

    def articles(self, ids: Iterable[str]) -> dict[str, Article]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles "
                f"WHERE id IN ({', '.join('?' for _ in chunk)})",
                chunk,
            )
            for row in rows:
                found[row[0]] = _article_from_row(row)
        return found

    def events(self, query: EventQuery | None = None) -> Iterator[EventRecord]:
        """Deduplicated events with a mention matching `query`, latest first (undated last).

        Each carries every report merged into it (`sources`) and why merged values were
        chosen (`notes`)."""
        q = query or EventQuery()
        where, params = self._where(q)
        sql = (f"SELECT c.record FROM clusters c WHERE c.cluster_id IN "
               f"(SELECT e.cluster_id FROM events e {where}) {_CLUSTER_ORDER}")
        yield from self._records(sql, params, q)

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events `events(query)` yields (limit and offset included)."""
        q = query or EventQuery()
        where, params = self._where(q)
        row = self.conn.execute(
            f"SELECT count(DISTINCT e.cluster_id) FROM events e {where}", params).fetchone()
        return _window(int(row[0]), q)

    def mentions(self, query: EventQuery | None = None) -> Iterator[EventRecord]:
        """Matching mentions (one per event per article), latest first, then by article and
        position."""
        q = query or EventQuery()
        where, params = self._where(q)
        yield from self._records(f"SELECT e.record FROM events e {where} {_ORDER}", params, q)

    def count_mentions(self, query: EventQuery | None = None) -> int:
        """How many mentions `mentions(query)` yields (limit and offset included)."""
        q = query or EventQuery()
        where, params = self._where(q)
        row = self.conn.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()
        return _window(int(row[0]), q)

    def merge_log(self, event_id: str) -> list[dict[str, Any]]:
        """Why each mention started or joined the event `event_id` (or the event it was merged
        into since), and the merges and splits it took part in, in order. Entries of events
        merged into it keep the id of the event they were made in (`event`)."""
        cluster_id = resolve(self.conn, event_id) or event_id
        ids = [cluster_id, *(r[0] for r in self.conn.execute(
            "SELECT alias FROM event_aliases WHERE event_id = ?", (cluster_id,)))]
        rows = self.conn.execute(
            "SELECT cluster_id, event_id, action, score, reason, at FROM dedup_log "
            f"WHERE cluster_id IN ({', '.join('?' for _ in ids)}) ORDER BY id", ids)
        return [dict(zip(("event", "mention", "action", "score", "reason", "at"), r,
                         strict=True)) for r in rows]

    def resolve_event(self, event_id: str) -> str | None:
        """The id of the event that `event_id` names now: itself, the event it was merged
        into, or the event holding the mention of that id; None when unknown."""
        return resolve(self.conn, event_id)

    def event(self, event_id: str) -> EventRecord | None:
        """One deduplicated event by its id, by the id of an event merged into it, or by the
        id of one of its mentions."""
        cluster_id = resolve(self.conn, event_id)
        if cluster_id is None:
            return None
        row = self.conn.execute("SELECT record FROM clusters WHERE cluster_id = ?",
                                (cluster_id,)).fetchone()
        return EventRecord.from_dict(json.loads(row[0])) if row else None

    def split_event(self, event_id: str, mention_ids: Sequence[str], reason: str) -> str:
        """Move the mentions `mention_ids` of event `event_id` into a new event (its id: the
        first of them to have arrived), recombine both and record the split with `reason`
        in both events' log; returns the new event's id. The two are never merged back.
        StoreError when the event does not hold the mentions, when the mention that started
        the event is among them, or without a reason."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn = self.conn
        self._begin(conn)
        try:
            new_id = split(conn, event_id, list(mention_ids), reason, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return new_id

    def _records(self, sql: str, params: list[Any], q: EventQuery) -> Iterator[EventRecord]:
        if q.limit is not None or q.offset:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, q.limit if q.limit is not None else self._UNLIMITED, q.offset]
        cursor = self.conn.execute(sql, params)
        try:
            while rows := cursor.fetchmany(256):
                for (record,) in rows:
                    yield EventRecord.from_dict(json.loads(record))
        finally:
            cursor.close()

    def stats(self) -> dict[str, Any]:
        """Counts of articles and events, events by type, sub-type and country, date span."""
        conn = self.conn

        def grouped(column: str) -> dict[str, int]:
            rows = conn.execute(
                f"SELECT {column}, count(*) FROM events WHERE {column} IS NOT NULL "
                f"GROUP BY {column} ORDER BY count(*) DESC, {column}"
            )
            return {name: n for name, n in rows}

        events, background, first, last = conn.execute(
            "SELECT count(*), coalesce(sum(background), 0), min(date_start), max(date_end) "
            "FROM events"
        ).fetchone()
        return {
            "path": str(self.path),
            "schema_version": self.schema_version(),
            "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "events": events,
            "background": background,
            "first_date": first,
            "last_date": last,
            "by_type": grouped("event_type"),
            "by_sub_event_type": grouped("sub_event_type"),
            "by_country": grouped("country"),
        }

    def _where(self, q: EventQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if q.since is not None:
            clauses.append("e.date_end >= ?")
            params.append(q.since.isoformat())
        if q.until is not None:
            clauses.append("e.date_start <= ?")
            params.append(q.until.isoformat())
        if q.types:
            marks = ", ".join("?" for _ in q.types)
            clauses.append(f"(e.event_type IN ({marks}) OR e.sub_event_type IN ({marks}))")
            params += [*q.types, *q.types]
        if q.country:
            codes = _country_codes(q.country)
            code_sql = f"e.country_code IN ({', '.join('?' for _ in codes)}) OR " if codes else ""
            clauses.append(f"({code_sql}lower(e.country) = lower(?))")
            params += [*codes, q.country.strip()]
        if q.actor:
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", q.actor.strip().lower()) + "%"
            names = ["lower(coalesce(e.actor1, '')) LIKE ? ESCAPE '\\'",
                     "lower(coalesce(e.actor2, '')) LIKE ? ESCAPE '\\'",
                     *(self._ASSOC_NAME_LIKE.format(side=side) for side in (1, 2))]
            clauses.append(f"({' OR '.join(names)})")
            params += [pattern] * len(names)
        if q.article_id is not None:
            clauses.append("e.article_id = ?")
            params.append(q.article_id)
        if q.event_id is not None:
            clauses.append("e.cluster_id = ?")
            params.append(resolve(self.conn, q.event_id) or q.event_id)
        if not q.include_background:
            clauses.append("e.background = 0")
        if q.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = q.bbox
            lons = _lon_ranges(min_lon, max_lon)
            sql, extra = self._box_clause(min_lat, max_lat, lons)
            exact = " OR ".join("e.lon BETWEEN ? AND ?" for _ in lons)
            clauses += [sql, f"e.lat BETWEEN ? AND ? AND ({exact})"]
            params += [*extra, min_lat, max_lat, *[v for pair in lons for v in pair]]
        if q.near is not None:
            lat, lon, km = q.near
            lat_lo, lat_hi, lons = _near_window(lat, lon, km)
            sql, extra = self._box_clause(lat_lo, lat_hi, lons)
            clauses += [sql, "haversine_km(e.lat, e.lon, ?, ?) <= ?"]
            params += [*extra, lat, lon, km]
        if q.text is not None and (found := self._text_clause(q.text, q.text_scope)):
            clauses.append(found[0])
            params += found[1]
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params
