"""The versioned JSON Schema of the event record, and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "event-record.v1.json"


@lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    """The event-record JSON Schema as a dict."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_event(record: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `record` breaks the contract."""
    import jsonschema

    jsonschema.validate(record, event_schema())
