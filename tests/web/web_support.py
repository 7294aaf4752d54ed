"""Invented articles, a store filled by `sitrep ingest`, and a real server on a free port."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from support import Story, invoke
from support import write_stories as write_shared


def _story(id: str, title: str, published: str, source: str, body: str) -> Story:
    return Story(id, title, published, source, body, url=f"https://news.example.org/{id}")


STORIES: tuple[Story, ...] = (
    _story("hama-strike", "Warplanes strike market near Hama", "2024-04-18", "Orontes Post",
          "HAMA, Syria - Government warplanes bombed a crowded market in the town of Kafr Zita "
          "on Wednesday, killing at least eight civilians and wounding 15 others, local "
          "rescuers said."),
    _story("kirkuk-bomb", "Roadside bomb hits patrol", "2022-10-11", "Tigris Daily",
          "KIRKUK, Iraq - A roadside bomb struck an army patrol near Kirkuk on Monday, killing "
          "four soldiers, a military statement said."),
    _story("kirkuk-bomb-2", "Soldiers killed by roadside bomb near Kirkuk", "2022-10-11",
          "Baghdad Wire",
          "KIRKUK, Iraq - Four soldiers were killed on Monday when a roadside bomb hit their "
          "patrol near Kirkuk, the army said in a statement."),
    _story("sokoto-kidnap", "Gunmen seize villagers in Sokoto", "2024-02-27", "Sahel Daily",
          "SOKOTO, Nigeria - Gunmen abducted 31 villagers from Gwadabawa in Sokoto state on "
          "Sunday, police said."),
    _story("odesa-shelling", "Shelling in Odesa region", "2023-08-24", "Black Sea Wire",
          "ODESA, Ukraine - Russian forces shelled the port of Izmail on Wednesday, injuring "
          "three dock workers, the regional governor said."),
    _story("lusaka-march", "Teachers march in Lusaka", "2023-06-16", "Zambezi Times",
          "LUSAKA, Zambia - Hundreds of teachers marched peacefully through Lusaka on Thursday "
          "to demand higher pay, witnesses said."),
    _story("rain-report", "Rains arrive early", "2023-06-16", "Zambezi Times",
          "LUSAKA, Zambia - Farmers in the south of the country said on Thursday that the rains "
          "had arrived two weeks early this year."),
)
EVENTLESS = {"rain-report"}


def write_stories(folder: Path) -> Path:
    return write_shared(folder, STORIES)


def cli_records(db: Path, *args: str) -> list[dict[str, Any]]:
    """What `sitrep events --format jsonl ARGS` prints, as records."""
    result = invoke(["events", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """uvicorn serving `app` on 127.0.0.1 in a background thread, on a socket bound here to
    a free port (so there is no race for the port)."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        wait_until_up(self.url, 10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


def wait_until_up(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{url}/api/meta", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"no server answered at {url} within {seconds} s")
        time.sleep(0.05)
