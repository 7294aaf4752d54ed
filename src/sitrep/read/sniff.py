"""Which reader a file needs: by extension first, then by looking at the content."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from pathlib import PurePath

from sitrep.read.records import KNOWN_FIELDS, TEXT_FIELDS

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}
EXPECTED = ", ".join(EXTENSIONS)
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|article|p|div|meta|title)[\s>/]", re.I)
_JSON_ARRAY = re.compile(r"\[\s*[{\]]")
_FEED = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)


def format_by_name(path: str) -> str | None:
    """The format named by a file's extension (``.warc.gz`` counts as one)."""
    name = PurePath(path).name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return EXTENSIONS.get(PurePath(name).suffix)


def is_warc(head: bytes) -> bool:
    """True for a WARC file, plain or gzipped."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except (zlib.error, gzip.BadGzipFile):
            return False
    return head.startswith(b"WARC/")


def sniff_text(text: str) -> str:
    """Guess the format of decoded text with no telling extension; plain text by default."""
    head = text[:4096].lstrip()
    low = head.lower()
    if low.startswith("<?xml") or _FEED.match(head):
        if _FEED.search(head):
            return "feed"
        return "html" if _HTML.search(head) else "feed"
    if head.startswith("<") and _HTML.search(head[:1024]):
        return "html"
    if _JSON_ARRAY.match(head):
        return "json"
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return "json"
        return "jsonl"
    first_line = head.split("\n", 1)[0]
    for delim, fmt in (("\t", "tsv"), (",", "csv")):
        names = {c.strip().strip('"').lower() for c in first_line.split(delim)}
        if len(names) > 1 and names & set(TEXT_FIELDS) and names <= KNOWN_FIELDS | {""}:
            return fmt
    return "text"
