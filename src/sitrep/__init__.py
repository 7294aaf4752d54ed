"""Sitrep: news reports of armed conflict turned into a sourced incident database."""

from typing import Any

from sitrep.record import (
    Actor,
    Article,
    Attribution,
    Count,
    EventRecord,
    Evidence,
    Location,
    Span,
)

__version__ = "0.1.0"

from sitrep import extract  # callable: sitrep.extract(text, published=...)

_API = {"extract_article": "sitrep.api", "ingest": "sitrep.api", "open_store": "sitrep.store"}


def __getattr__(name: str) -> Any:
    """`sitrep.extract_article`, `sitrep.ingest`, `sitrep.open_store`: imported on first use, so
    that `import sitrep` stays light (no spaCy) for code that only needs the record types."""
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Count",
    "EventRecord",
    "Evidence",
    "Location",
    "Span",
    "__version__",
    "extract",
    "extract_article",
    "ingest",
    "open_store",
]
