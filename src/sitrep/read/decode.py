"""Bytes to text: binary sniffing, BOM-aware decoding, encoding detection, newlines."""

from __future__ import annotations

import codecs
import re

from sitrep.read.failure import ReadError

# Magic numbers of common non-text files, longest first where prefixes overlap.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (also .docx, .xlsx, .epub)"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office .doc/.xls"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
)
_RIFF_KINDS = {b"WEBP": "WebP", b"WAVE": "WAV", b"AVI ": "AVI"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?")


def magic_kind(head: bytes) -> str | None:
    """Name the binary format whose magic number starts `head`, if any."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/MOV video"
    return None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 from the pattern of NUL bytes in ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode file contents to text with ``\\n`` newlines; raise ReadError when not text.

    Order: BOM, binary magic numbers, UTF-8, BOM-less UTF-16, charset detection. The BOM is
    dropped; the text is otherwise unchanged apart from newline normalisation.
    """
    text: str | None = None
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError(f"starts with a {encoding} byte-order mark but does not decode "
                            f"as {encoding} ({exc.reason} at byte {exc.start + skip})") from None
    else:
        kind = magic_kind(data[:16])
        if kind is not None:
            raise ReadError(f"binary file (looks like {kind})")
        text = _decode_unmarked(data)
    if _CONTROL.search(text[:65536]) and _control_ratio(text) > 0.01:
        raise ReadError("binary file (control characters in the content)")
    return normalise_newlines(text)


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise ReadError("binary file (contains NUL bytes)")
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise ReadError("not UTF-8 and no encoding could be detected; convert it to UTF-8")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError(
            f"not UTF-8, and it does not decode as the detected {best.encoding}; "
            "convert it to UTF-8"
        ) from None


def _western(data: bytes) -> str | None:
    """Mostly-ASCII text that decodes as cp1252: the usual non-UTF-8 English news file.

    Detection is unreliable on such text (a few accented letters and curly quotes), so it is
    settled here before charset detection is asked.
    """
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    if high > 0.1 * len(sample):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text
