"""The map page in a real browser: Debian's headless Chromium loads it from the real server
and the DOM it builds must show the stored events as markers and as list items."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_support import ServerThread

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium"
                                         if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (apt-get install chromium; .ci/run does)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--virtual-time-budget=8000"]
TAG = re.compile(r"<(\w+)\b([^>]*)>")
ATTR = re.compile(r'([\w:-]+)="([^"]*)"')


def render(url: str, profile: Path) -> str:
    """The page's DOM once its scripts have run (its fetches to the server included)."""
    assert CHROMIUM is not None
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                          capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def elements(dom: str) -> list[tuple[str, dict[str, str]]]:
    return [(tag, {k: html.unescape(v) for k, v in ATTR.findall(attrs)})
            for tag, attrs in TAG.findall(dom)]


def marker_ids(dom: str) -> list[str]:
    return [a["data-event-id"] for tag, a in elements(dom)
            if tag == "path" and "event-marker" in a.get("class", "").split()]


def list_ids(dom: str) -> list[str]:
    return [a["data-event-id"] for tag, a in elements(dom) if tag == "li" and "data-event-id" in a]


def section_text(dom: str, section_id: str) -> str:
    found = re.search(rf'<section id="{section_id}"[^>]*>(.*?)</section>', dom, re.S)
    assert found, f"no section {section_id}"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def _located(items: list[dict[str, Any]]) -> list[str]:
    return [e["event_id"] for e in items if e["location"] and e["location"]["lat"] is not None]


def test_the_map_shows_every_stored_event(server: ServerThread, client: httpx.Client,
                                          tmp_path: Path) -> None:
    events = client.get("/api/events").json()["items"]
    dom = render(f"{server.url}/", tmp_path / "profile")
    assert 'data-state="ready"' in dom, dom[:3000]
    assert list_ids(dom) == [e["event_id"] for e in events]
    assert sorted(marker_ids(dom)) == sorted(_located(events))
    assert len(_located(events)) >= 5
    assert f"{len(events)} events match" in dom
    assert re.search(r'<button [^>]*id="more"[^>]*hidden', dom), "all shown: no 'Show more'"
    basemap = re.search(r'leaflet-basemap-pane.*?</svg>', dom, re.S)
    assert basemap and basemap.group(0).count("<path") > 100, "country outlines not drawn"
    # the type filter offers the types the store holds
    assert '<option value="Air/drone strike">' in dom


def test_filters_in_the_address_select_events(server: ServerThread, client: httpx.Client,
                                              tmp_path: Path) -> None:
    iraq = client.get("/api/events", params={"country": "Iraq"}).json()["items"]
    assert iraq
    dom = render(f"{server.url}/?country=Iraq", tmp_path / "profile")
    assert list_ids(dom) == [e["event_id"] for e in iraq]
    assert marker_ids(dom) == _located(iraq)
    assert 'id="f-country"' in dom


def test_the_actor_filter_selects_events(server: ServerThread, client: httpx.Client,
                                        tmp_path: Path) -> None:
    events = client.get("/api/events").json()["items"]
    name = next(e["actor1"]["name"] for e in events if e["actor1"])
    part = name.split()[0].upper()  # part of a name, any case
    chosen = client.get("/api/events", params={"actor": part}).json()["items"]
    assert 0 < len(chosen) < len(events)
    dom = render(f"{server.url}/?actor={part}", tmp_path / "profile")
    assert list_ids(dom) == [e["event_id"] for e in chosen]
    assert 'id="f-actor"' in dom


def test_an_event_opens_with_its_evidence_and_sources(server: ServerThread,
                                                      client: httpx.Client,
                                                      tmp_path: Path) -> None:
    event = client.get("/api/events", params={"country": "Iraq"}).json()["items"][0]
    dom = render(f"{server.url}/?country=Iraq#event={event['event_id']}", tmp_path / "profile")
    text = section_text(dom, "detail")
    assert event["sub_event_type"] in text
    assert event["evidence"]["sentences"][0]["text"] in text
    assert "Tigris Daily" in text and "Baghdad Wire" in text
    assert f"Sources {len(event['sources'])}" in text
    assert f"Killed {event['fatalities']['best']}" in text
    assert "<mark>" in dom  # the trigger is highlighted in the evidence
