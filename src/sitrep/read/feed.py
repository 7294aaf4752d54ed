"""RSS and Atom feeds (feedparser): one article per entry."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from sitrep.read.dates import parse_published
from sitrep.read.failure import ReadFailure
from sitrep.read.html import fragment_to_text
from sitrep.record import Article


def _entry_text(entry: Any) -> str:
    """The fullest body of an entry: its content, else its summary, as plain text."""
    best = ""
    parts: list[tuple[str, str]] = [
        (c.get("value", ""), c.get("type", "")) for c in entry.get("content") or []
    ]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        parts.append((entry["summary"], detail.get("type", "text/html")))
    for value, kind in parts:
        text = fragment_to_text(value) if "html" in kind or "<" in value else value.strip()
        if len(text) > len(best):
            best = text
    return best


def _entry_title(entry: Any) -> str:
    title = str(entry.get("title", ""))
    kind = (entry.get("title_detail") or {}).get("type", "")
    return fragment_to_text(title) if "html" in kind else " ".join(title.split())


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    for key in ("published", "updated", "created"):
        if entry.get(key):
            found = parse_published(str(entry[key]))
            if found:
                return found
    return None


def read_feed(
    data: bytes, *, origin: str, published: date | None
) -> Iterator[Article | ReadFailure]:
    """Each entry of an RSS/Atom document becomes an article (origin ``path#N``)."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("version"):
            exc = parsed.get("bozo_exception")
            yield ReadFailure(origin, f"not a valid RSS/Atom feed ({exc})")
        else:
            yield ReadFailure(origin, "feed has no entries")
        return
    source = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, 1):
        where = f"{origin}#{n}"
        text = _entry_text(entry)
        if not text:
            yield ReadFailure(where, "empty article")
            continue
        yield Article(
            text=text,
            title=_entry_title(entry),
            published=_entry_date(entry) or published,
            url=entry.get("link") or None,
            source=source,
            origin=where,
        )
