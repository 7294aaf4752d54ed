"""ACLED-style CSV: ACLED's column names, codes and conventions (see README.md here)."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from sitrep.export.flat import actor_names, csv_value, evidence_text
from sitrep.export.streams import Output, text_output
from sitrep.record import Article, EventRecord
from sitrep.timespan import event_midpoint

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}

GEO_PRECISION: dict[str, int] = {
    "neighbourhood": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3,
}

TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}

DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# sub-event types where demonstrators meet violence count as both
BOTH = "Political violence; Demonstrations"
DISORDER_BY_SUB_TYPE: dict[str, str] = {
    "Excessive force against protesters": BOTH,
    "Mob violence": BOTH,
}


@lru_cache(maxsize=512)
def _country(code: str) -> tuple[str, int] | None:
    """(alpha-3, numeric) ISO codes for an alpha-2 code."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return (country.alpha_3, int(country.numeric)) if country else None


def acled_date(rec: EventRecord) -> tuple[date | None, int | None]:
    """ACLED's single event day and time_precision code (1 day, 2 week, 3 month or coarser).

    A day-exact or week-precision `event_date` is kept; a month, a year or a range is
    coded as its middle day, as ACLED does for periods.
    """
    value = rec.event_date
    precision: str | None = rec.date_precision
    if precision is None and value and len(value) == 10:
        precision = "day"
    if value and len(value) == 10 and precision in ("day", "week"):
        try:
            return date.fromisoformat(value), TIME_PRECISION[precision]
        except ValueError:
            return None, None
    middle = event_midpoint(rec)
    if middle is None:
        return None, None
    if precision is None:
        precision = {4: "year", 7: "month"}.get(len(value or ""), "week")
    return middle, TIME_PRECISION.get(precision, 3)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, smaller first; 10, 20 ... for one actor."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def acled_row(rec: EventRecord, articles: Mapping[str, Article] | None = None, *,
              timestamp: int | None = None) -> dict[str, Any]:
    """The event as a dict keyed by ACLED_COLUMNS."""
    a1, a2, loc = rec.actor1, rec.actor2, rec.location
    inter1 = INTER_CODES.get(a1.type or "") if a1 else None
    inter2 = INTER_CODES.get(a2.type or "") if a2 else None
    day, time_precision = acled_date(rec)
    iso = _country(loc.country_code) if loc and loc.country_code else None
    article = articles.get(rec.article_id) if articles else None
    tags = []
    if rec.attribution is not None and rec.attribution.hedged:
        tags.append("hedged")
    if rec.background:
        tags.append("background")
    if rec.date_inferred:
        tags.append("date inferred")
    if rec.fatalities is not None and rec.fatalities.cumulative:
        tags.append("cumulative fatalities")
    return {
        "event_id_cnty": f"{iso[0]}{rec.event_id}" if iso else rec.event_id,
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": time_precision,
        "disorder_type": DISORDER_BY_SUB_TYPE.get(rec.sub_event_type)
        or DISORDER_TYPES.get(rec.event_type),
        "event_type": rec.event_type,
        "sub_event_type": rec.sub_event_type,
        "actor1": a1.name if a1 else None,
        "assoc_actor_1": actor_names(rec.assoc_actor1),
        "inter1": inter1,
        "actor2": a2.name if a2 else None,
        "assoc_actor_2": actor_names(rec.assoc_actor2),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if a2 and a2.type == "civilians" else None,
        "iso": iso[1] if iso else None,
        "region": None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin3": None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": GEO_PRECISION.get(loc.precision) if loc else None,
        "source": "; ".join(dict.fromkeys(
            ref.outlet for ref in rec.sources if ref.outlet)) or (
            article.source if article else None),
        "source_scale": None,
        "notes": evidence_text(rec),
        "fatalities": rec.fatalities.best if rec.fatalities else 0,
        "tags": "; ".join(tags),
        "timestamp": timestamp if timestamp is not None else int(time.time()),
    }


def write_acled_csv(events: Iterable[EventRecord], out: Output, *,
                    articles: Mapping[str, Article] | None = None,
                    timestamp: int | None = None) -> int:
    """ACLED-style CSV; `timestamp` (unix seconds) defaults to now."""
    stamp = timestamp if timestamp is not None else int(time.time())
    n = 0
    with text_output(out, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(ACLED_COLUMNS)
        for rec in events:
            row = acled_row(rec, articles, timestamp=stamp)
            writer.writerow([csv_value(row[name]) for name in ACLED_COLUMNS])
            n += 1
    return n
