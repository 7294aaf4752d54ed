"""Shared fixtures: the real spaCy pipeline, loaded once per test session, and a real
PostgreSQL server, started once per session for the tests that use it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pg_server import PostgresServer, ServerUnavailable
from sitrep.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer()
    except ServerUnavailable as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    yield server
    server.stop()
