"""Loading the data files (lexicons, patterns, registries) kept beside the extractors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str, package: str = "sitrep.extract") -> Any:
    """Parse `<package>/data/<name>` (JSON), once per process."""
    path = resources.files(package).joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))
