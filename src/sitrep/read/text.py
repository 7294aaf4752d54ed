"""The plain-text convention: a title line, an optional header block, then the body.

    Clashes in eastern Mosul
    Published: 2016-11-05
    Source: Reuters

    MOSUL, Iraq, Nov 5 (Reuters) - Iraqi forces ...

The header block of ``Key: value`` lines may also come before the title. Only known keys
count (title, published/date, url/link, source, id), and only when every line of the block
is such a header, so an ordinary first sentence with a colon stays in the body.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.read.dates import parse_published
from sitrep.read.decode import normalise_newlines
from sitrep.read.failure import ReadError
from sitrep.record import Article

_KEYS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "publish_date": "published",
    "published_date": "published",
    "pubdate": "published",
    "url": "url",
    "link": "url",
    "source": "source",
    "publisher": "source",
    "id": "id",
}
_HEADER = re.compile(r"^\s*([A-Za-z_][A-Za-z_ -]{0,20}?)\s*:\s*(.*?)\s*$")
_MAX_TITLE = 300  # a longer first line is a paragraph, not a title


def _header_line(line: str) -> tuple[str, str] | None:
    """(canonical key, value) when `line` is a known ``Key: value`` header."""
    m = _HEADER.match(line)
    if not m:
        return None
    key = _KEYS.get(m.group(1).strip().lower().replace(" ", "_").replace("-", "_"))
    value = m.group(2)
    if key is None or not value or len(value) > 500:
        return None
    if key == "published" and parse_published(value) is None:
        return None
    if key == "url" and (" " in value or not re.match(r"[a-z][a-z0-9+.-]*://", value, re.I)):
        return None
    return key, value


def _header_block(lines: list[str], i: int) -> tuple[dict[str, str], int] | None:
    """Read a header block starting at line `i`; returns its values and the index after it."""
    header: dict[str, str] = {}
    j = i
    while j < len(lines) and lines[j].strip():
        parsed = _header_line(lines[j])
        if parsed is None:
            return None
        header.setdefault(parsed[0], parsed[1])
        j += 1
    return (header, j) if j > i else None


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def split_plain_text(text: str, *, has_title: bool = True) -> tuple[str, str, dict[str, str]]:
    """Split text into (title, body, header values) by the plain-text convention."""
    lines = normalise_newlines(text).split("\n")
    values: dict[str, str] = {}
    i = _skip_blank(lines, 0)
    block = _header_block(lines, i)
    if block is not None:
        values.update(block[0])
        i = _skip_blank(lines, block[1])
    title = values.get("title", "")
    if has_title and not title and i < len(lines) and len(lines[i].strip()) <= _MAX_TITLE:
        title = lines[i].strip()
        i = _skip_blank(lines, i + 1)
        if block is None:
            after = _header_block(lines, i)
            if after is not None:
                values.update(after[0])
                i = _skip_blank(lines, after[1])
    body = "\n".join(lines[i:]).strip()
    if not body and title and "title" not in values:
        body, title = title, ""  # a single line is a body without a title
    return title, body, values


def read_text(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
) -> Article:
    """Build an Article from plain text in the convention above.

    Arguments given here win over header values, except `published`, which fills in only
    when the text names no date. With `title` given, no line of the text is taken as title.
    Raises ReadError("empty article") when no body remains.
    """
    found_title, body, values = split_plain_text(text, has_title=title is None)
    if not body:
        raise ReadError("empty article")
    header_date = parse_published(values["published"]) if "published" in values else None
    return Article(
        text=body,
        title=title if title is not None else found_title,
        published=header_date or published,
        url=url or values.get("url"),
        source=source or values.get("source"),
        id=values.get("id", ""),
        origin=origin,
    )
