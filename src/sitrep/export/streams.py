"""Where exports go: a file path, a text stream or a binary stream."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast

Output = IO[str] | IO[bytes] | Path


def is_binary(out: object) -> bool:
    """Whether `out` is a stream that takes bytes."""
    if isinstance(out, io.TextIOBase):
        return False
    if isinstance(out, io.RawIOBase | io.BufferedIOBase):
        return True
    return "b" in str(getattr(out, "mode", ""))


@contextmanager
def text_output(out: Output | str, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream (UTF-8) writing to `out`; a path is opened and closed here, a binary
    stream is wrapped and left open, a text stream is used as it is."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
    elif is_binary(out):
        wrapper = io.TextIOWrapper(cast(Any, out), encoding="utf-8", newline=newline,
                                   write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()
    else:
        yield cast(IO[str], out)
