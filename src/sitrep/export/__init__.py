"""The export stage: events written out as JSON Lines, CSV, ACLED-style CSV, GeoJSON,
Parquet or a terminal table. See README.md here for the columns and the ACLED mapping."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from sitrep.export.acled import ACLED_COLUMNS, acled_row, write_acled_csv
from sitrep.export.flat import FLAT_FIELDS, flat_row
from sitrep.export.formats import SkipHook, write_csv, write_geojson, write_jsonl
from sitrep.export.parquet import write_parquet
from sitrep.export.streams import Output
from sitrep.export.table import write_table
from sitrep.record import Article, EventRecord

Writer = Callable[..., int]

FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
    "table": write_table,
}
BINARY_FORMATS = frozenset({"parquet"})

__all__ = [
    "ACLED_COLUMNS",
    "BINARY_FORMATS",
    "FLAT_FIELDS",
    "FORMATS",
    "acled_row",
    "flat_row",
    "write_acled_csv",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
    "write_table",
]


def write_events(events: Iterable[EventRecord], fmt: str, out: Output, *,
                 articles: Mapping[str, Article] | None = None,
                 width: int | None = None, on_skip: SkipHook | None = None) -> int:
    """Write `events` to `out` (a path, or a text or binary stream) in format `fmt`; return
    how many were written. `articles` (by id) adds outlet, URL and publication date; `width`
    is for `table`; `on_skip(event, reason)` hears of events a format leaves out (GeoJSON:
    those without coordinates)."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}") from None
    if fmt == "table":
        return write_table(events, out, articles=articles, width=width)
    if fmt == "geojson":
        return write_geojson(events, out, articles=articles, on_skip=on_skip)
    return writer(events, out, articles=articles)
