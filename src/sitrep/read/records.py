"""Article records in JSON, JSONL/NDJSON and CSV/TSV: one article per object or row.

Fields (case-insensitive): id, title, text (or body, content), published (or date,
publish_date), url, source. Every record fails or succeeds on its own.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from sitrep.read.dates import parse_published
from sitrep.read.failure import ReadFailure
from sitrep.record import Article

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "publish_date", "published_at", "pubdate")
KNOWN_FIELDS = frozenset((*TEXT_FIELDS, *DATE_FIELDS, "id", "title", "url", "link", "source"))
_MISSING_TEXT = "no text field (expected one of: text, body, content)"


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value).strip() or None


def record_to_article(
    record: Mapping[str, Any], *, origin: str, published: date | None
) -> Article | ReadFailure:
    """Turn one record (keys already lower-cased) into an Article or a ReadFailure."""
    raw_text = _first(record, TEXT_FIELDS)
    if raw_text is None:
        if any(name in record for name in TEXT_FIELDS):
            return ReadFailure(origin, "empty article")
        return ReadFailure(origin, _MISSING_TEXT)
    if not isinstance(raw_text, str):
        return ReadFailure(origin, f"text field is a {type(raw_text).__name__}, not a string")
    text = raw_text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ReadFailure(origin, "empty article")
    raw_date = _first(record, DATE_FIELDS)
    when = parse_published(str(raw_date)) if raw_date is not None else None
    return Article(
        text=text,
        title=_str(record.get("title")) or "",
        published=when or published,
        url=_str(_first(record, ("url", "link"))),
        source=_str(record.get("source")),
        id=_str(record.get("id")) or "",
        origin=origin,
    )


def _lower_keys(obj: dict[str, Any]) -> dict[str, Any]:
    return {str(k).strip().lower(): v for k, v in obj.items()}


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"


def read_json(text: str, *, origin: str, published: date | None) -> Iterator[Article | ReadFailure]:
    """A JSON array of article objects, or one object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(origin, _json_error(exc) + "; for one object per line use .jsonl")
        return
    if isinstance(data, dict):
        if "articles" in data and isinstance(data["articles"], list) and not any(
            k in data for k in TEXT_FIELDS
        ):
            data = data["articles"]
        else:
            yield _object(data, origin=origin, published=published)
            return
    if not isinstance(data, list):
        yield ReadFailure(origin, f"JSON holds a {type(data).__name__}; expected an object or "
                                  "an array of objects")
        return
    if not data:
        yield ReadFailure(origin, "JSON array is empty")
    for n, item in enumerate(data, 1):
        yield _object(item, origin=f"{origin}#{n}", published=published)


def _object(item: Any, *, origin: str, published: date | None) -> Article | ReadFailure:
    if not isinstance(item, dict):
        return ReadFailure(origin, f"expected a JSON object, got {type(item).__name__}")
    return record_to_article(_lower_keys(item), origin=origin, published=published)


def read_jsonl(
    text: str, *, origin: str, published: date | None
) -> Iterator[Article | ReadFailure]:
    """One JSON object per line; blank lines are skipped."""
    seen = False
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        where = f"{origin}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _object(item, origin=where, published=published)
    if not seen:
        yield ReadFailure(origin, "empty file")


def _delimiter(header_line: str, default: str) -> str:
    """The delimiter that splits the header line into at least one known column name."""
    for delim in (default, ",", "\t", ";", "|"):
        names = {c.strip().strip('"').strip().lower() for c in header_line.split(delim)}
        if names & KNOWN_FIELDS and (len(names) > 1 or delim == default):
            return delim
    return default


def read_csv(
    text: str, *, origin: str, published: date | None, delimiter: str = ","
) -> Iterator[Article | ReadFailure]:
    """CSV or TSV with a header row naming the columns."""
    limit = min(sys.maxsize, 2**31 - 1)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)  # articles are long; the file size is already capped
    stripped = text.lstrip("\n")
    header_line = stripped.split("\n", 1)[0]
    if not header_line.strip():
        yield ReadFailure(origin, "empty file")
        return
    delim = _delimiter(header_line, delimiter)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    try:
        header = next(row for row in reader if any(cell.strip() for cell in row))
    except (StopIteration, csv.Error) as exc:
        yield ReadFailure(origin, f"could not read the CSV header ({exc})")
        return
    columns = [c.strip().lower() for c in header]
    expected = "a header row naming the columns (text, and optionally id, title, published, url, "
    if not set(columns) & KNOWN_FIELDS:
        yield ReadFailure(origin, f"no header row: the first line must be {expected}source)")
        return
    if not set(columns) & set(TEXT_FIELDS):
        found = ", ".join(c for c in columns if c) or "none"
        yield ReadFailure(origin, f"no text column (expected text, body or content; found: "
                                  f"{found})")
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield ReadFailure(f"{origin}:{start}", f"malformed CSV row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        where = f"{origin}:{start}"
        if len(row) != len(columns):
            yield ReadFailure(where, f"row has {len(row)} fields but the header names "
                                     f"{len(columns)}; check the quoting of fields "
                                     f"that contain '{delim}'")
            continue
        record = {name: cell for name, cell in zip(columns, row, strict=False) if name}
        yield record_to_article(record, origin=where, published=published)
