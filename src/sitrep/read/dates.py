"""Publication dates: ISO, RFC 2822 and the usual English spellings."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A %d %B %Y",
    "%A %B %d %Y",
    "%a %d %b %Y",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%Y%m%d",
)
_YEAR = re.compile(r"\b(1[89]|20|21)\d\d\b")


def parse_published(value: str) -> date | None:
    """Read a publication date; None when the value is not a recognisable full date.

    Accepts ISO dates and datetimes ("2016-11-05", "2016-11-05T10:32:00Z"), RFC 2822
    ("Sat, 05 Nov 2016 10:32:00 GMT"), "5 November 2016", "Nov. 5, 2016" and similar.
    """
    s = value.strip()
    if not s or len(s) > 100:
        return None
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    if re.match(r"\d{4}-\d\d-\d\d\b", s):
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            return None
    if "," in s or re.search(r"\d\d:\d\d", s):
        try:
            return parsedate_to_datetime(s).date()
        except (TypeError, ValueError, IndexError):
            pass
    simple = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s.replace(",", " ").replace(".", " "))
    simple = " ".join(simple.split())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(simple, fmt).date()
        except ValueError:
            continue
    return _parse_loose(s)


def _parse_loose(s: str) -> date | None:
    """Fall back to dateparser for other spellings that name a year."""
    if not _YEAR.search(s):
        return None
    import dateparser

    settings = {"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(s, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None
