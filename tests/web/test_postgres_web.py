"""The web API over a PostgreSQL store answers exactly what it answers over an SQLite file
holding the same articles (both filled by `sitrep ingest`, both served by real uvicorn)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_support import STORIES, ServerThread, write_stories

from pg_server import PostgresServer
from sitrep.web.app import create_app
from support import invoke


@pytest.fixture(scope="module")
def pg_client(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[httpx.Client]:
    db = postgres.new_database()
    stories = write_stories(tmp_path_factory.mktemp("pg-web-stories"))
    result = invoke(["ingest", str(stories), "--db", db, "-q"])
    assert f"{len(STORIES)} articles stored" in result.stderr
    with ServerThread(create_app(db)) as server, \
            httpx.Client(base_url=server.url, timeout=10) as http:
        yield http


@pytest.mark.parametrize("path, params", [
    ("/api/events", {}),
    ("/api/events", {"mentions": "true", "limit": "5", "offset": "2"}),
    ("/api/events", {"country": "Iraq", "no_background": "true"}),
    ("/api/events", {"text": "air strike"}),
    ("/api/events.geojson", {"near": "36.34,43.13,300"}),
    ("/api/events", {"since": "2023-01-01", "type": "Battles"}),
])
def test_same_answers_as_sqlite(client: httpx.Client, pg_client: httpx.Client, web_db: Path,
                                path: str, params: dict[str, Any]) -> None:
    on_sqlite = client.get(path, params=params)
    on_postgres = pg_client.get(path, params=params)
    assert on_sqlite.status_code == on_postgres.status_code == 200
    assert on_postgres.json() == on_sqlite.json()


def test_one_event_and_the_counts(client: httpx.Client, pg_client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": "1"}).json()["items"][0]["event_id"]
    assert (pg_client.get(f"/api/events/{first}").json()["event"]
            == client.get(f"/api/events/{first}").json()["event"])
    meta = pg_client.get("/api/meta").json()
    assert meta["articles"] == len(STORIES)
    assert {k: v for k, v in meta.items() if k not in ("path", "database")} == {
        k: v for k, v in client.get("/api/meta").json().items() if k not in ("path", "database")}
