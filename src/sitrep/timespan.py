"""The days an event record's (partial) date can stand for."""

from __future__ import annotations

from datetime import date, timedelta

from sitrep.record import EventRecord


def _day_bounds(value: str | None, precision: str | None) -> tuple[date | None, date | None]:
    """First and last day a (partial) ISO date can stand for."""
    if not value:
        return None, None
    try:
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, following - timedelta(days=1)
        day = date.fromisoformat(value)
    except ValueError:
        return None, None
    if precision == "week":  # the ISO week (Monday to Sunday) holding the day
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    return day, day


def event_day_range(rec: EventRecord) -> tuple[str | None, str | None]:
    """The first and last day an event may have happened, as ISO days.

    An explicit `date_start` / `date_end` wins; otherwise the range is read from
    `event_date` and its precision (a month, a year, or the ISO week for week precision).
    """
    lo, hi = _day_bounds(rec.event_date, rec.date_precision)
    if rec.date_start:
        lo = _day_bounds(rec.date_start, None)[0] or lo
    if rec.date_end:
        hi = _day_bounds(rec.date_end, None)[1] or hi
    return (lo.isoformat() if lo else None), (hi.isoformat() if hi else None)


def event_midpoint(rec: EventRecord) -> date | None:
    """The middle day of an event's possible range (its day, when known to the day)."""
    lo, hi = event_day_range(rec)
    if lo is None or hi is None:
        return None
    first, last = date.fromisoformat(lo), date.fromisoformat(hi)
    return first + (last - first) // 2
