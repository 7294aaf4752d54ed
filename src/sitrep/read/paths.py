"""Files, directories and stdin to Articles, one failure at a time."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sitrep.read.decode import decode_bytes, magic_kind
from sitrep.read.failure import ReadError, ReadFailure
from sitrep.read.feed import read_feed
from sitrep.read.html import html_to_article
from sitrep.read.records import read_csv, read_json, read_jsonl
from sitrep.read.sniff import EXPECTED, format_by_name, is_warc, sniff_text
from sitrep.read.text import read_text
from sitrep.read.warc import read_warc
from sitrep.record import Article

MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_ORIGIN = "<stdin>"

Result = Article | ReadFailure


def human_size(n: int) -> str:
    """A byte count for people: "812 bytes", "3.4 KB", "210 MB"."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{n} bytes"
            return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"
        size /= 1024
    return f"{n} bytes"  # pragma: no cover


def _too_big(size: int, max_bytes: int) -> str:
    return (f"file is {human_size(size)}, over the {human_size(max_bytes)} limit; "
            "split it or raise --max-bytes")


def walk(path: Path) -> Iterator[Path]:
    """Files under a directory, recursively, sorted, hidden files and directories skipped."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_bytes(
    data: bytes, *, origin: str, fmt: str | None, published: date | None, max_bytes: int
) -> Iterator[Result]:
    """Read in-memory content in a known format, or sniff it when `fmt` is None."""
    if fmt == "warc" or (fmt is None and is_warc(data[:4096])):
        import io

        yield from read_warc(io.BytesIO(data), origin=origin, published=published,
                             max_bytes=max_bytes)
        return
    if fmt == "feed":
        kind = magic_kind(data[:16])
        if kind is not None:
            raise ReadError(f"binary file (looks like {kind})")
        yield from read_feed(data, origin=origin, published=published)
        return
    text = decode_bytes(data)
    if not text.strip():
        raise ReadError("empty article")
    if fmt is None:
        fmt = sniff_text(text)
    if fmt == "feed":
        yield from read_feed(data, origin=origin, published=published)
    elif fmt == "html":
        yield html_to_article(text, origin=origin, published=published)
    elif fmt == "json":
        yield from read_json(text, origin=origin, published=published)
    elif fmt == "jsonl":
        yield from read_jsonl(text, origin=origin, published=published)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(text, origin=origin, published=published,
                            delimiter="\t" if fmt == "tsv" else ",")
    else:
        yield read_text(text, published=published, origin=origin)


def _guard(results: Iterator[Result], origin: str) -> Iterator[Result]:
    """Turn an error while reading one input into a failure, so reading goes on."""
    try:
        yield from results
    except ReadError as exc:
        yield ReadFailure(origin, exc.reason)
    except MemoryError:
        yield ReadFailure(origin, "out of memory while reading; split the file")
    except Exception as exc:  # a third-party parser choked on this input
        yield ReadFailure(origin, f"could not be read ({type(exc).__name__}: {exc})")


def read_file(path: Path, *, origin: str, published: date | None, max_bytes: int
              ) -> Iterator[Result]:
    """Read one file by its extension, or by its content when the extension is unknown."""
    fmt = format_by_name(path.name)
    try:
        size = path.stat().st_size
        if fmt == "warc":  # streamed record by record; each page is capped instead
            with path.open("rb") as stream:
                yield from read_warc(stream, origin=origin, published=published,
                                     max_bytes=max_bytes)
            return
        if size > max_bytes:
            yield ReadFailure(origin, _too_big(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(origin, f"cannot read the file ({exc.strerror or exc})")
        return
    suffix = path.suffix.lower()
    if fmt is None and suffix:
        fmt = _sniff_unknown(data, suffix)
    yield from read_bytes(data, origin=origin, fmt=fmt, published=published,
                          max_bytes=max_bytes)


def _sniff_unknown(data: bytes, suffix: str) -> str:
    """The format of a file with an unfamiliar extension; ReadError unless it is clear."""
    unknown = f"unknown format '{suffix}'; expected {EXPECTED}"
    if is_warc(data[:4096]):
        return "warc"
    kind = magic_kind(data[:16])
    if kind is not None:
        raise ReadError(f"{unknown} (the file is binary, looks like {kind})")
    fmt = sniff_text(decode_bytes(data))
    if fmt == "text":
        raise ReadError(unknown)
    return fmt


def read_stream(stream: BinaryIO, *, origin: str = STDIN_ORIGIN, published: date | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Result]:
    """Read a byte stream (stdin) of at most `max_bytes`, sniffing its format."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadFailure(origin, f"input is over the {human_size(max_bytes)} limit; "
                                  "split it or raise --max-bytes")
        return
    yield from _guard(read_bytes(data, origin=origin, fmt=None, published=published,
                                 max_bytes=max_bytes), origin)


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Read files, directories (recursively) and "-" (stdin) into Articles.

    A bad input yields a ReadFailure and reading goes on. `published` fills in the
    publication date of articles whose input gives none. `stdin` replaces ``sys.stdin``.
    """
    for given in paths:
        name = str(given)
        if name == STDIN:
            stream = stdin if stdin is not None else _stdin()
            yield from read_stream(stream, published=published, max_bytes=max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for file in walk(path):
                yield from _guard(read_file(file, origin=str(file), published=published,
                                            max_bytes=max_bytes), str(file))
        elif path.exists():
            yield from _guard(read_file(path, origin=name, published=published,
                                        max_bytes=max_bytes), name)
        else:
            yield ReadFailure(name, "no such file or directory")


def _stdin() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    import io

    return io.BytesIO(sys.stdin.read().encode("utf-8"))
