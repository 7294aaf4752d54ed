"""Fixtures of the command-line tests: the invented articles on disk and a store built once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_support import STORIES, records, write_stories

from sitrep.pipeline import Pipeline
from support import invoke


@pytest.fixture(scope="session", autouse=True)
def warm_pipeline() -> Pipeline:
    """Load spaCy and the gazetteer once; every in-process command reuses them."""
    return Pipeline()


@pytest.fixture(scope="session")
def stories_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("stories"))


@pytest.fixture(scope="session")
def store_db(stories_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding every invented article; tests only read it."""
    db = tmp_path_factory.mktemp("store") / "events.sqlite"
    result = invoke(["ingest", str(stories_dir), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{len(STORIES)} articles stored" in result.stderr
    return db


@pytest.fixture(scope="session")
def stored(store_db: Path) -> list[dict[str, Any]]:
    """Every stored event record, as `sitrep events --format jsonl` gives them."""
    result = invoke(["events", "--db", str(store_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return records(result.stdout)
