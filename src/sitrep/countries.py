"""Country words shared by the stages: adjectives of nationality ("Iraqi") by ISO code."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def demonyms() -> dict[str, str]:
    """Lower-cased adjective of nationality -> ISO 3166-1 alpha-2 code ("iraqi" -> "IQ")."""
    path = resources.files("sitrep").joinpath("data", "demonyms.json")
    table: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return {word.lower(): code for code, words in table.items() if not code.startswith("_")
            for word in words}
