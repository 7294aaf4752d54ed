"""The PostgreSQL store, for a database that several people or machines share.

It is the SQLite store's code on another database: `PostgresStore` subclasses `SQLiteStore`
and overrides only what differs (connecting, the schema and its version, how a write
transaction starts, the spatial and full-text clauses). Deduplication runs the very same
SQL (`sitrep.store.clusters`), written to mean the same on both. The schema is
`pg_schema.sql`; a transaction that writes takes an advisory lock first, so that writers
take turns as they do on an SQLite file and deduplication sees every event stored before.

What differs is the cost of a statement: each is a round trip to the server. So a batch is
written in pipeline mode (writes whose results nobody reads do not wait for the server),
reads that do not depend on each other are sent together (`_Connection.read_all`), and each
statement is planned for its own values (`plan_cache_mode`).

Where the PostGIS extension is installed on the server, a new store also keeps each event's
point as a PostGIS geometry with a GiST index (`pg_postgis.sql`), and the spatial prefilter
asks it; without PostGIS the store works the same through a B-tree on (lat, lon).

Needs the `psycopg` package (`pip install 'sitrep[postgres]'`). URLs are libpq's:
``postgresql://user:password@host:5432/dbname``, ``postgresql:///dbname?host=/run/postgresql``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any, cast

from sitrep.store import public_target
from sitrep.store.base import StoreError
from sitrep.store.sqlite import (
    SCHEMA_VERSION,
    LonRanges,
    SQLiteStore,
    search_terms,
)

_WRITE_LOCK = 0x5173_7265_70  # the advisory lock writers take ("Sitrep")
_TABLES = ("sitrep_meta", "articles", "events", "clusters")


def ts_query(text: str) -> str | None:
    """User words (`search_terms`) as a PostgreSQL tsquery: every term required, a phrase's
    words in sequence, `word*` a prefix; None when no word is left."""
    parts = []
    for words, prefix in search_terms(text):
        quoted = list(words)
        if prefix:
            quoted[-1] += ":*"
        parts.append("(" + " <-> ".join(quoted) + ")")
    return " & ".join(parts) if parts else None


class _Connection:
    """A psycopg connection that takes SQLite's `?` placeholders, so the shared SQL runs
    unchanged; booleans go in as 0/1, as SQLite stores them."""

    def __init__(self, conn: Any) -> None:
        import psycopg

        self.raw = conn
        self._sql: dict[str, str] = {}
        # pipeline mode needs libpq 14 or later (the binary package bundles one)
        self.pipelines = bool(psycopg.Pipeline.is_supported())

    def _translate(self, sql: str) -> str:
        if sql not in self._sql:
            self._sql[sql] = sql.replace("%", "%%").replace("?", "%s")
        return self._sql[sql]

    @staticmethod
    def _params(params: Sequence[Any]) -> list[Any]:
        return [int(p) if isinstance(p, bool) else p for p in params]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(self._translate(sql), self._params(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        with self.raw.cursor() as cursor:
            cursor.executemany(self._translate(sql), [self._params(r) for r in rows])
            return cursor

    def pipeline(self) -> contextlib.AbstractContextManager[object]:
        """Pipeline mode for the statements run inside: each is sent without waiting for the
        answer to the one before, and answers are awaited only when a result is read."""
        if not self.pipelines:
            return contextlib.nullcontext()
        return cast(contextlib.AbstractContextManager[object], self.raw.pipeline())

    def read_all(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        """The rows of each of `statements` (independent reads), all sent before any answer
        is read: one round trip to the server (`sitrep.store.clusters._read_all`)."""
        with self.pipeline():
            cursors = [self.execute(sql, params) for sql, params in statements]
        return [cursor.fetchall() for cursor in cursors]

    def close(self) -> None:
        self.raw.close()


class PostgresStore(SQLiteStore):
    """An event store in a PostgreSQL database (created there on first use)."""

    _UNLIMITED = None  # LIMIT NULL: no limit

    def __init__(self, url: str, *, timeout: float = 30.0, dedup: bool = True,
                 read_only: bool = False, postgis: bool | None = None) -> None:
        """`postgis`: for a store created now, index points with PostGIS (True: required,
        False: never, None: where the server has it and lets this user create it)."""
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL stores need the psycopg package: "
                             "pip install 'sitrep[postgres]'") from None
        self.dedup = dedup
        self.url = url
        self.path = public_target(url)  # named in messages and stats
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=int(timeout))
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.path}: {exc}") from None
        conn = _Connection(raw)
        try:
            self._prepare_pg(conn, read_only, postgis)
        except psycopg.Error as exc:
            conn.close()
            raise StoreError(f"cannot use {self.path} as a Sitrep store: {exc}") from None
        except BaseException:
            conn.close()
            raise
        # The shared code is written against sqlite3's connection interface, which
        # _Connection provides for the calls it makes.
        self._conn = cast(sqlite3.Connection, conn)

    def _prepare_pg(self, conn: _Connection, read_only: bool, postgis: bool | None) -> None:
        tables = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()")}
        if "sitrep_meta" not in tables:
            if tables & set(_TABLES) or read_only:
                raise StoreError(f"{self.path} is not a Sitrep store (it was left untouched)")
            schema = resources.files(__package__).joinpath("pg_schema.sql").read_text("utf-8")
            conn.execute("BEGIN")
            try:
                conn.raw.execute(schema)
                conn.execute("INSERT INTO sitrep_meta (key, value) VALUES ('schema_version', ?)",
                             (str(SCHEMA_VERSION),))
                if postgis is not False:
                    _add_postgis(conn, required=bool(postgis), target=str(self.path))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        version = _version(conn)
        if version != SCHEMA_VERSION:
            newer = version > SCHEMA_VERSION
            raise StoreError(
                f"{self.path} has store schema version {version}; this Sitrep "
                f"{'knows up to' if newer else 'has no PostgreSQL migration from it to'} "
                f"{SCHEMA_VERSION}" + ("; upgrade Sitrep to use it" if newer else ""))
        # psycopg prepares a statement run a few times, and the server may then plan it once
        # for any value; the look-ups here differ in selectivity from value to value (a name
        # key held by one event, a common one by thousands; a limit of 9 or of 65), so each
        # is planned for its values, which costs far less than a generic plan's scans
        conn.execute("SET plan_cache_mode = force_custom_plan")
        if read_only:
            conn.execute("SET default_transaction_read_only = on")
        row = conn.execute(
            "SELECT value FROM sitrep_meta WHERE key = 'spatial_index'").fetchone()
        self.postgis = bool(row and row[0] == "postgis")

    def schema_version(self) -> int:
        return _version(cast(_Connection, self.conn))

    def _begin(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK,))

    def _writing(self) -> contextlib.AbstractContextManager[object]:
        """A batch's statements in pipeline mode: one whose result is not read (most writes)
        is sent without waiting for the server, which answers it with the next read. The
        server runs them in order all the same; an error shows at that read (or at the end
        of the batch), and the batch is rolled back as any failed batch is."""
        return cast(_Connection, self.conn).pipeline()

    def _box_clause(self, lat_lo: float, lat_hi: float,
                    lons: LonRanges) -> tuple[str, list[Any]]:
        if self.postgis:
            box = " OR ".join("e.point && ST_MakeEnvelope(?, ?, ?, ?, 4326)" for _ in lons)
            return (f"({box})",
                    [v for lon_lo, lon_hi in lons for v in (lon_lo, lat_lo, lon_hi, lat_hi)])
        lon_sql = " OR ".join("e.lon BETWEEN ? AND ?" for _ in lons)
        return (f"e.lat BETWEEN ? AND ? AND ({lon_sql})",
                [lat_lo, lat_hi, *(v for pair in lons for v in pair)])

    def stats(self) -> dict[str, Any]:
        return {**super().stats(), "spatial_index": "PostGIS" if self.postgis else "B-tree"}

    _search_query = staticmethod(ts_query)
    _ASSOC_NAME_LIKE = ("EXISTS (SELECT 1 FROM json_array_elements(coalesce("
                        "e.record::json -> 'assoc_actor{side}', '[]'::json)) j "
                        "WHERE lower(j ->> 'name') LIKE ? ESCAPE '\\')")
    _EVIDENCE_MATCH = "e.words @@ to_tsquery('simple', sitrep_fold(?))"
    _ARTICLE_MATCH = ("e.article_id IN (SELECT a.id FROM articles a "
                      "WHERE a.words @@ to_tsquery('simple', sitrep_fold(?)))")


def _add_postgis(conn: _Connection, *, required: bool, target: str) -> None:
    """Index events' points with PostGIS (`pg_postgis.sql`), inside the transaction that
    creates the store; where the server lacks PostGIS or the user may not create it, the
    store keeps its B-tree, unless PostGIS is `required`."""
    import psycopg

    available = conn.execute(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone()
    if not available:
        if required:
            raise StoreError(f"{target}: the server has no PostGIS extension "
                             "(Debian: apt install postgresql-15-postgis-3)")
        return
    sql = resources.files(__package__).joinpath("pg_postgis.sql").read_text("utf-8")
    conn.execute("SAVEPOINT postgis")
    try:
        conn.raw.execute(sql)
    except psycopg.Error as exc:
        conn.execute("ROLLBACK TO SAVEPOINT postgis")
        if required:
            raise StoreError(f"{target}: cannot use PostGIS: {exc}") from None
    else:
        conn.execute("RELEASE SAVEPOINT postgis")


def _version(conn: _Connection) -> int:
    row = conn.execute("SELECT value FROM sitrep_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0
