"""Datelines: "MOSUL, Iraq, Nov 5 (Reuters) -" read as place, date and agency evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sitrep.extract.dates import resolve_date
from sitrep.record import Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^\s*"
    r"(?P<place>[A-Z][A-Z'.\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.\- ]{1,30}?)?)"
    r"(?:\s*[,/]\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH
    + r"(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?"
    r"\s*(?:-{1,2}|–|—|:)\s+"
)


@dataclass(slots=True)
class Dateline:
    place: Span
    date: Span | None
    agency: str | None
    end: int  # where the article text proper begins


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of `text`, if there is one.

    The place must be written in capitals ("MOSUL") or be followed by an agency in brackets,
    so an ordinary first sentence is not mistaken for a dateline.
    """
    m = _DATELINE.match(text[:200])
    if m is None:
        return None
    place = m.group("place").strip()
    city = place.split(",")[0]
    if not (city.isupper() or m.group("agency")):
        return None
    start = m.start("place") + (len(m.group("place")) - len(m.group("place").lstrip()))
    place_span = Span(start, start + len(place), place)
    date_span = None
    if m.group("date"):
        date_span = Span(m.start("date"), m.end("date"), m.group("date"))
    agency = m.group("agency").strip() if m.group("agency") else None
    return Dateline(place_span, date_span, agency, m.end())


def dateline_day(dateline: Dateline | None, published: date | None) -> date | None:
    """The day the dateline gives ("MOSUL, Iraq, Nov 5 -"), resolved against publication;
    None when there is no dated dateline or its date is not one day."""
    if dateline is None or dateline.date is None:
        return None
    found = resolve_date(dateline.date.text, published)
    if found is None or found.precision != "day" or found.value is None:
        return None
    return date.fromisoformat(found.value)
