"""Fixtures of the web tests: a store filled by `sitrep ingest`, served by a real uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_support import STORIES, ServerThread, write_stories

from sitrep.web.app import create_app
from support import invoke


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding every invented article; the tests only read it."""
    stories = write_stories(tmp_path_factory.mktemp("web-stories"))
    db = tmp_path_factory.mktemp("web-store") / "events.sqlite"
    result = invoke(["ingest", str(stories), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{len(STORIES)} articles stored" in result.stderr
    return db


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[ServerThread]:
    with ServerThread(create_app(web_db)) as running:
        yield running


@pytest.fixture(scope="session")
def client(server: ServerThread) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        yield http
