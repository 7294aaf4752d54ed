"""Loading the data files (lexicons, patterns, registries) kept beside the extractors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> Any:
    """Parse `sitrep/extract/data/<name>` (JSON), once per process."""
    path = resources.files("sitrep.extract").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))
