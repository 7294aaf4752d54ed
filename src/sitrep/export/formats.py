"""The plain formats: JSON Lines, flat CSV and GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping

from sitrep.export.flat import FLAT_FIELDS, csv_value, flat_row
from sitrep.export.streams import Output, text_output
from sitrep.record import Article, EventRecord

SkipHook = Callable[[EventRecord, str], None]


def write_jsonl(events: Iterable[EventRecord], out: Output, *,
                articles: Mapping[str, Article] | None = None) -> int:
    """One `EventRecord.to_dict()` JSON object per line."""
    n = 0
    with text_output(out) as fh:
        for rec in events:
            fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(events: Iterable[EventRecord], out: Output, *,
              articles: Mapping[str, Article] | None = None) -> int:
    """A flat CSV with a header row of FLAT_FIELDS."""
    n = 0
    with text_output(out, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(FLAT_FIELDS)
        for rec in events:
            row = flat_row(rec, articles)
            writer.writerow([csv_value(row[name]) for name in FLAT_FIELDS])
            n += 1
    return n


def write_geojson(events: Iterable[EventRecord], out: Output, *,
                  articles: Mapping[str, Article] | None = None,
                  on_skip: SkipHook | None = None) -> int:
    """A FeatureCollection of Points, one per event with coordinates; the flat fields are
    the properties. Events without coordinates are left out and passed to `on_skip`."""
    n = 0
    with text_output(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [')
        for rec in events:
            loc = rec.location
            if loc is None or loc.lat is None or loc.lon is None:
                if on_skip is not None:
                    on_skip(rec, "no coordinates")
                continue
            feature = {
                "type": "Feature",
                "id": rec.event_id,
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": flat_row(rec, articles),
            }
            fh.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n
