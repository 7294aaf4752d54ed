"""The gazetteer: an indexed SQLite file of places and their normalised names."""

from __future__ import annotations

import csv
import os
import sqlite3
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.geo.build import (
    LOOSE_MIN_CHARS,
    _keep_alias,
    _Progress,
    _Row,
    build_gazetteer,
    ensure_loose_names,
    write_rows,
)
from sitrep.geo.importers import ImportStats
from sitrep.geo.normalize import (
    article_variant,
    expand_abbreviations,
    loose_key,
    normalize_name,
    spelling_variant,
    split_name,
)

KINDS = ("continent", "country", "admin1", "admin2", "city", "neighbourhood", "other",
         "water")
DEFAULT_NAME = "gazetteer-v4.sqlite"
LOOKUP_LIMIT = 20
LOOKUP_EXTRA = 5  # divisions and countries kept beyond the limit

# Added to a place's prominence at lookup time.
PRIMARY_BONUS = 1.5  # the query is the place's own name, not one of its alternate names
HINT_BONUS = 6.0  # "Nineveh province" asks for an admin1
ADMIN_PENALTY = 1.5  # a bare "Kirkuk" means the city before the governorate it lies in
LOOSE_TABLE = "loose_names"

CSV_FIELDS = ("name", "kind", "country_code", "lat", "lon", "admin1", "parent", "aliases")


def default_path() -> Path:
    """``$SITREP_GAZETTEER``, else ``$XDG_DATA_HOME/sitrep/gazetteer-v4.sqlite``."""
    env = os.environ.get("SITREP_GAZETTEER")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep" / DEFAULT_NAME


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place. `id` is the GeoNames id where there is one, negative otherwise."""

    id: int
    name: str
    kind: str
    country_code: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    parent_id: int | None
    prominence: float
    source: str
    score: float = 0.0  # lookup rank score (prominence plus query-time bonuses)
    primary: bool = False  # the lookup matched the place's own name, not an alternate name


_COLUMNS = ("p.id, p.name, p.kind, p.country_code, p.admin1, p.admin2, p.lat, p.lon, "
            "p.population, p.geonameid, p.parent_id, p.prominence, p.source")


def _place(row: tuple[object, ...], score: float = 0.0, primary: bool = False) -> Place:
    return Place(*row[:13], score, primary)  # type: ignore[arg-type, call-arg]


class Gazetteer:
    """Read access to a built gazetteer, with cached lookups."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._con = sqlite3.connect(self.path, check_same_thread=False)
        self._pid = os.getpid()
        self._cached_lookup = lru_cache(maxsize=100_000)(self._lookup)
        self._cached_get = lru_cache(maxsize=20_000)(self._get)
        self._countries: dict[str, Place] | None = None
        self._loose: bool | None = None  # whether the looser-key table is ready
        self.loosely: set[str] = set()  # names found only by their looser key

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Open the gazetteer at `path` (default: `default_path()`), building it if missing."""
        target = Path(path) if path is not None else default_path()
        if not target.exists():
            print(f"sitrep: building gazetteer at {target} (once, under a minute)",
                  file=sys.stderr)
            build_gazetteer(target)
        return cls(target)

    @property
    def con(self) -> sqlite3.Connection:
        """The connection, reopened in a forked worker (SQLite connections must not cross
        a fork)."""
        if self._pid != os.getpid():
            self._con = sqlite3.connect(self.path, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def close(self) -> None:
        self._con.close()

    def clear_cache(self) -> None:
        self._loose = None
        self.loosely.clear()
        self._cached_lookup.cache_clear()
        self._cached_get.cache_clear()
        self._countries = None

    def lookup(self, name: str, country_code: str | None = None) -> list[Place]:
        """Places called `name`, best first; only in `country_code` when given."""
        return self._cached_lookup(name, country_code)

    def _lookup(self, name: str, country_code: str | None = None) -> list[Place]:
        key, hint = split_name(name)
        if not key:
            return []
        sql = (f"SELECT {_COLUMNS}, n.is_primary FROM names n JOIN places p ON p.id = n.place_id "
               "WHERE n.name = ?")
        args: tuple[str, ...] = (key,)
        if country_code:
            sql += " AND p.country_code = ?"
            args = (key, country_code.upper())
        rows = self.con.execute(sql, args).fetchall()
        full = expand_abbreviations(key)
        if full != key:  # "Mt. Pleasant" is Mount Pleasant by its own name
            expanded = self.con.execute(sql, (full, *args[1:])).fetchall()
            found = {r[0] for r in expanded}
            rows = expanded + [r for r in rows if r[0] not in found]
        if not rows and " of " in f" {key} ":
            # "Democratic Republic of Congo" is the Republic "of the Congo", and back
            alt = article_variant(key)
            if alt:
                rows = self.con.execute(sql, (alt, *args[1:])).fetchall()
        variant = None if rows else spelling_variant(key)
        if variant:  # "Sheikh Miskin" is Shaykh Miskin
            rows = self.con.execute(sql, (variant, *args[1:])).fetchall()
        if not rows:
            rows = self._loose_rows(variant or key, country_code)
            if rows:
                self.loosely.add(name)
        # divisions that hold a city of the same name: a bare "Kirkuk" means that city
        seats = {r[4] for r in rows if r[2] == "city" and r[13]} | {
            r[5] for r in rows if r[2] == "city" and r[13]}
        scored = []
        for row in rows:
            kind = row[2]
            score = float(row[11]) + (PRIMARY_BONUS if row[13] else 0.0)
            if hint is not None and kind == hint:
                score += HINT_BONUS
            elif kind in ("admin1", "admin2") and row[1] in seats:
                score -= ADMIN_PENALTY
            scored.append(_place(row[:13], score, bool(row[13])))
        scored.sort(key=lambda p: (-p.score, p.id))
        # countries and first-level divisions always stay among the candidates ("Victoria"
        # the Australian state below twenty towns of that name)
        wide = [p for p in scored[LOOKUP_LIMIT:] if p.kind in ("continent", "country", "admin1")]
        return scored[:LOOKUP_LIMIT] + wide[:LOOKUP_EXTRA]

    def _loose_rows(self, key: str, country_code: str | None) -> list[Any]:
        """Rows for a name that finds nothing as written, by its looser key ("Deir Ezzor"
        for "Deir ez-Zor"); never its own name (``is_primary`` 0)."""
        loose = loose_key(key)
        if len(loose) < LOOSE_MIN_CHARS or not self._loose_ready():
            return []
        sql = (f"SELECT {_COLUMNS}, 0 FROM {LOOSE_TABLE} n JOIN places p ON p.id = n.place_id "
               "WHERE n.key = ?")
        args: tuple[str, ...] = (loose,)
        if country_code:
            sql += " AND p.country_code = ?"
            args = (loose, country_code.upper())
        return self.con.execute(sql, args).fetchall()

    def _loose_ready(self) -> bool:
        """Whether the file has the table of looser keys (gazetteers built before it had
        none: `sitrep gazetteer build` makes a new one)."""
        if self._loose is None:
            self._loose = self.con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (LOOSE_TABLE,)).fetchone() is not None
        return self._loose

    def get(self, place_id: int) -> Place | None:
        """The place with this id."""
        return self._cached_get(place_id)

    def _get(self, place_id: int) -> Place | None:
        row = self.con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?",
                               (place_id,)).fetchone()
        return _place(row) if row else None

    def country(self, code: str | None) -> Place | None:
        """The country place for an ISO alpha-2 code."""
        if not code:
            return None
        if self._countries is None:
            rows = self.con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'country'")
            self._countries = {r[3]: _place(r) for r in rows}
        return self._countries.get(code.upper())

    def info(self) -> dict[str, object]:
        """Path, file size, row counts by kind and build metadata."""
        kinds = dict(self.con.execute("SELECT kind, count(*) FROM places GROUP BY kind"))
        names = self.con.execute("SELECT count(*) FROM names").fetchone()[0]
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        return {"path": str(self.path), "size_bytes": self.path.stat().st_size,
                "places": sum(kinds.values()), "names": names, "kinds": kinds, **meta}

    def import_csv(self, path: str | os.PathLike[str]) -> int:
        """Add user places from a CSV file; return how many were added.

        Columns (header row required): name, kind, country_code, lat, lon, admin1,
        parent (optional containing city), aliases (optional, separated by ``|``).
        """
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            missing = {"name", "kind", "country_code"} - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            rows = list(reader)
        next_id = min(-10_000_000, self.con.execute("SELECT min(id) FROM places").fetchone()[0]
                      or 0) - 1
        ensure_loose_names(self.con)
        new: list[_Row] = []
        for i, rec in enumerate(rows, start=2):
            new.append(self._user_row(rec, next_id - len(new), f"{path}:{i}"))
        with self.con:
            write_rows(self.con, new)
        self.clear_cache()
        return len(new)

    def import_file(self, path: str | os.PathLike[str], fmt: str = "auto",
                    country: str | None = None, progress: bool = False,
                    all_classes: bool = False) -> ImportStats:
        """Import a place file: the user CSV, a GeoNames dump or alternateNames file, or a
        Who's On First TSV (`fmt` ``auto`` tells them apart by the first line)."""
        from sitrep.geo import importers

        source = Path(path)
        if fmt == "auto":
            fmt = importers.detect_format(source)
        say = _Progress(progress)
        ensure_loose_names(self.con)
        if fmt == "csv":
            stats = ImportStats("csv")
            stats.read = stats.added = self.import_csv(source)
        elif fmt == "geonames":
            stats = importers.import_geonames(self.con, source, say, all_classes)
        elif fmt == "alternatenames":
            stats = importers.import_alternate_names(self.con, source, say)
        elif fmt == "wof":
            stats = importers.import_wof(self.con, source, say, country)
        else:
            raise ValueError(f"{source}: unknown format {fmt!r}")
        self.clear_cache()
        say(stats.summary())
        return stats

    def _user_row(self, rec: dict[str, str], rid: int, where: str) -> _Row:
        def val(k: str) -> str:
            return (rec.get(k) or "").strip()

        name, kind, cc = val("name"), val("kind").lower() or "other", val("country_code").upper()
        if not name:
            raise ValueError(f"{where}: empty name")
        if kind not in KINDS:
            raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        parent = self.lookup(val("parent"), cc or None)[0] if val("parent") else None
        if val("parent") and parent is None:
            raise ValueError(f"{where}: parent {val('parent')!r} not in the gazetteer")
        try:
            lat = float(val("lat")) if val("lat") else (parent.lat if parent else None)
            lon = float(val("lon")) if val("lon") else (parent.lon if parent else None)
        except ValueError as exc:
            raise ValueError(f"{where}: bad coordinate ({exc})") from None
        aliases = [a.strip() for a in val("aliases").split("|") if _keep_alias(a.strip())]
        keys = {normalize_name(n) for n in [name, *aliases]} - {""}
        return _Row(
            id=rid, geonameid=None, name=name, kind=kind, country_code=cc or None,
            admin1=val("admin1") or (parent.admin1 if parent else None),
            admin2=parent.admin2 if parent else None, lat=lat, lon=lon,
            prominence=8.0, parent_id=parent.id if parent else None, source="user",
            names=keys,
        )
