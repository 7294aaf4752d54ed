"""WARC archives (warcio): every HTML response becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from sitrep.read.decode import decode_bytes
from sitrep.read.failure import ReadError, ReadFailure
from sitrep.read.html import html_to_article
from sitrep.read.sniff import is_warc
from sitrep.record import Article

_HTML_TYPES = ("text/html", "application/xhtml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _decode(payload: bytes, content_type: str) -> str:
    charset = _charset(content_type)
    if charset:
        try:
            return decode_bytes(payload.decode(charset).encode("utf-8"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload)


def read_warc(
    stream: BinaryIO, *, origin: str, published: date | None, max_bytes: int
) -> Iterator[Article | ReadFailure]:
    """Stream a WARC (optionally gzipped); origin of each article is ``path#RECORD``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = stream.read(4096)
    stream.seek(0)
    if not is_warc(head):
        yield ReadFailure(origin, "not a valid WARC file (it does not start with a WARC/1.x "
                                  "record header)")
        return
    found = False
    n = 0
    try:
        for record in ArchiveIterator(stream):
            n += 1
            if record.rec_type == "response" and record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
            elif record.rec_type == "resource":
                content_type = record.rec_headers.get_header("Content-Type") or ""
            else:
                continue
            if not content_type.lower().startswith(_HTML_TYPES):
                continue
            found = True
            where = f"{origin}#{n}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield ReadFailure(where, f"page is over the {max_bytes:,}-byte limit; "
                                         "raise --max-bytes")
                continue
            try:
                html = _decode(payload, content_type)
                yield html_to_article(html, origin=where, url=url, published=published)
            except ReadError as exc:
                yield ReadFailure(where, exc.reason)
            except Exception as exc:  # a parser choked on this page; go on with the next
                yield ReadFailure(where, f"could not be read ({type(exc).__name__}: {exc})")
    except ArchiveLoadFailed as exc:
        yield ReadFailure(origin, f"not a valid WARC file ({str(exc).strip()})")
        return
    if not found:
        yield ReadFailure(origin, "WARC has no HTML responses")
