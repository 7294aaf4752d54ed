"""Sitrep: news reports of armed conflict turned into a sourced incident database."""

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
]
