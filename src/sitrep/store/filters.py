"""Event filters given as text read into an `EventQuery`.

One parser for every front end: the options of `sitrep events` / `sitrep export` and the query
parameters of the REST API (`sitrep serve`) go through `build_query`, so a filter means the same
wherever it is given. Each bad value raises `FilterError` naming the filter and what it expects.
This module imports neither click nor FastAPI.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date

from sitrep.read import parse_published
from sitrep.store import EventQuery, canonical_type

NEAR_FORMAT = "LAT,LON,KM such as 36.34,43.13,25"
BBOX_FORMAT = "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"


class FilterError(ValueError):
    """A filter value that cannot be used: `param` names the filter (``since``, ``near``,
    ``type``, ...), `message` says what is wrong and what is expected."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def parse_date(value: str | date | None, param: str) -> date | None:
    """A date filter: ISO ``YYYY-MM-DD`` (other full dates that `parse_published` reads are
    accepted too)."""
    if value is None or isinstance(value, date):
        return value
    parsed = parse_published(value)
    if parsed is None:
        raise FilterError(param, f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed


def _floats(value: str, n: int, param: str, expected: str) -> tuple[float, ...]:
    parts = value.split(",")
    try:
        numbers = tuple(float(x) for x in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != n or not all(math.isfinite(x) for x in numbers):
        raise FilterError(param, f"{value!r}: expected {expected}")
    return numbers


def parse_near(value: str | tuple[float, float, float] | None) -> tuple[float, float, float] | None:
    """``LAT,LON,KM``: within KM kilometres of a point."""
    if value is None or isinstance(value, tuple):
        return value
    lat, lon, km = _floats(value, 3, "near", NEAR_FORMAT)
    _check("near", lambda: EventQuery(near=(lat, lon, km)))
    return lat, lon, km


def parse_bbox(
    value: str | tuple[float, float, float, float] | None,
) -> tuple[float, float, float, float] | None:
    """``MIN_LON,MIN_LAT,MAX_LON,MAX_LAT`` (west, south, east, north); west > east crosses
    the 180th meridian."""
    if value is None or isinstance(value, tuple):
        return value
    west, south, east, north = _floats(value, 4, "bbox", BBOX_FORMAT)
    _check("bbox", lambda: EventQuery(bbox=(west, south, east, north)))
    return west, south, east, north


def parse_types(values: Iterable[str]) -> list[str]:
    """Event types or sub-event types, in the taxonomy's spelling (any case accepted)."""
    found = []
    for value in values:
        try:
            found.append(canonical_type(value))
        except ValueError as exc:
            raise FilterError("type", str(exc)) from None
    return found


def _check(param: str, make: Callable[[], object]) -> None:
    """Let `EventQuery` itself judge one filter, so that its rules hold here too."""
    try:
        make()
    except ValueError as exc:
        raise FilterError(param, str(exc)) from None


def build_query(
    *,
    since: str | date | None = None,
    until: str | date | None = None,
    types: Iterable[str] = (),
    country: str | None = None,
    actor: str | None = None,
    near: str | tuple[float, float, float] | None = None,
    bbox: str | tuple[float, float, float, float] | None = None,
    text: str | None = None,
    include_background: bool = True,
    limit: int | None = None,
    offset: int = 0,
    event_id: str | None = None,
) -> EventQuery:
    """The `EventQuery` for these filters (see `EventQuery` for what each one means).
    Empty strings count as not given. FilterError names the first bad filter."""
    first = parse_date(since or None, "since")
    last = parse_date(until or None, "until")
    if first and last and first > last:
        raise FilterError("since", f"since ({first}) is after until ({last})")
    if limit is not None and limit < 0:
        raise FilterError("limit", "limit must not be negative")
    if offset < 0:
        raise FilterError("offset", "offset must not be negative")
    return EventQuery(
        since=first,
        until=last,
        types=parse_types(t for t in types if t.strip()),
        country=(country or "").strip() or None,
        actor=(actor or "").strip() or None,
        near=parse_near(near or None),
        bbox=parse_bbox(bbox or None),
        text=(text or "").strip() or None,
        include_background=include_background,
        limit=limit,
        offset=offset,
        event_id=event_id or None,
    )
