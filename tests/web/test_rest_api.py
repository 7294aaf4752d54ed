"""The REST API of `sitrep serve`, driven over HTTP against a real server and store."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_support import EVENTLESS, STORIES, cli_records

Params = list[tuple[str, str]]


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["event_id"] for item in items]


def _get(client: httpx.Client, path: str, params: Params | None = None) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    return body


def test_meta_counts_what_the_store_holds(client: httpx.Client, web_db: Path) -> None:
    meta = _get(client, "/api/meta")
    events = cli_records(web_db)
    mentions = cli_records(web_db, "--mentions")
    assert meta["articles"] == len(STORIES)
    assert meta["events"] == len(events)
    assert meta["mentions"] == len(mentions)
    assert meta["mentions"] > meta["events"], "the two Kirkuk reports should be one event"
    assert meta["first_date"] == min(e["date_start"] for e in mentions if e["date_start"])
    assert meta["last_date"] == max(e["date_end"] for e in mentions if e["date_end"])
    assert set(meta["mentions_by_type"]) <= set(meta["taxonomy"])
    assert sum(meta["mentions_by_type"].values()) == meta["mentions"]
    assert "Iraq" in meta["mentions_by_country"]


def test_default_listing_is_the_cli_listing(client: httpx.Client, web_db: Path) -> None:
    page = _get(client, "/api/events")
    expected = cli_records(web_db)
    assert page["total"] == len(expected)
    assert page["items"] == expected  # the same full records, in the same order
    cited = {e["article_id"] for e in expected} | {
        s["article_id"] for e in expected for s in e["sources"]}
    assert set(page["articles"]) == cited
    assert not cited & EVENTLESS
    hama = page["articles"]["hama-strike"]
    assert hama == {"title": "Warplanes strike market near Hama", "source": "Orontes Post",
                    "url": "https://news.example.org/hama-strike", "published": "2024-04-18"}


FILTERS: list[tuple[Params, list[str]]] = [
    ([("country", "Iraq")], ["--country", "Iraq"]),
    ([("country", "ng")], ["--country", "ng"]),
    ([("since", "2024-01-01")], ["--since", "2024-01-01"]),
    ([("until", "2023-06-30"), ("since", "2023-01-01")],
     ["--until", "2023-06-30", "--since", "2023-01-01"]),
    ([("type", "Air/drone strike")], ["--type", "Air/drone strike"]),
    ([("type", "explosions/remote violence"), ("type", "Protests")],
     ["--type", "explosions/remote violence", "--type", "Protests"]),
    ([("text", "roadside bomb")], ["--text", "roadside bomb"]),
    ([("text", '"dock workers"')], ["--text", '"dock workers"']),
    ([("near", "35.47,44.39,60")], ["--near", "35.47,44.39,60"]),
    ([("bbox", "35,33,40,37")], ["--bbox", "35,33,40,37"]),
    ([("no_background", "true")], ["--no-background"]),
    ([("actor", "police")], ["--actor", "police"]),
    ([("country", "Syria"), ("type", "Protests")], ["--country", "Syria", "--type", "Protests"]),
]


@pytest.mark.parametrize("params,cli_args", FILTERS, ids=lambda v: str(v))
def test_filters_mean_what_the_cli_options_mean(client: httpx.Client, web_db: Path,
                                                params: Params, cli_args: list[str]) -> None:
    page = _get(client, "/api/events", params)
    expected = cli_records(web_db, *cli_args)
    assert _ids(page["items"]) == _ids(expected)
    assert page["total"] == len(expected)
    mentions = _get(client, "/api/events", [*params, ("mentions", "true")])
    assert mentions["mentions"] is True
    assert _ids(mentions["items"]) == _ids(cli_records(web_db, *cli_args, "--mentions"))


def test_filters_select_the_right_events(client: httpx.Client) -> None:
    def articles(params: Params) -> set[str]:
        page = _get(client, "/api/events", [*params, ("mentions", "true")])
        return {item["article_id"] for item in page["items"]}

    assert articles([("country", "Iraq")]) == {"kirkuk-bomb", "kirkuk-bomb-2"}
    assert articles([("country", "SY")]) == {"hama-strike"}
    assert articles([("since", "2024-01-01")]) == {"hama-strike", "sokoto-kidnap"}
    assert articles([("type", "Protests")]) == {"lusaka-march"}
    assert articles([("text", "teachers")]) == {"lusaka-march"}
    assert articles([("near", "35.47,44.39,60")]) == {"kirkuk-bomb", "kirkuk-bomb-2"}
    assert articles([("country", "Peru")]) == set()


def test_paging_walks_through_every_event(client: httpx.Client) -> None:
    everything = _get(client, "/api/events")
    seen: list[str] = []
    for offset in range(0, everything["total"] + 2, 2):
        page = _get(client, "/api/events", [("limit", "2"), ("offset", str(offset))])
        assert page["total"] == everything["total"]
        assert (page["limit"], page["offset"]) == (2, offset)
        assert len(page["items"]) <= 2
        seen += _ids(page["items"])
    assert seen == _ids(everything["items"])
    assert _get(client, "/api/events", [("limit", "0")])["items"] == []


BAD: list[tuple[Params, str, str]] = [
    ([("since", "last tuesday")], "since", "is not a date"),
    ([("until", "2024-13-45")], "until", "is not a date"),
    ([("since", "2024-02-01"), ("until", "2024-01-01")], "since", "is after until"),
    ([("type", "Picnic")], "type", "unknown event type 'Picnic'"),
    ([("near", "36.3,43.1")], "near", "expected LAT,LON,KM"),
    ([("near", "95,43,10")], "near", "not a valid point"),
    ([("near", "36,43,-5")], "near", "must not be negative"),
    ([("near", "nan,43,5")], "near", "expected LAT,LON,KM"),
    ([("bbox", "1,2,3")], "bbox", "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"),
    ([("bbox", "30,40,35,30")], "bbox", "min_lat 40.0 is above max_lat 30.0"),
    ([("limit", "ten")], "limit", "valid integer"),
    ([("limit", "-1")], "limit", "greater than or equal to 0"),
    ([("limit", "100000")], "limit", "less than or equal to 5000"),
    ([("offset", "-3")], "offset", "greater than or equal to 0"),
    ([("mentions", "perhaps")], "mentions", "valid boolean"),
    ([("contry", "Iraq")], "contry", "unknown parameter 'contry'"),
]


@pytest.mark.parametrize("path", ["/api/events", "/api/events.geojson"])
@pytest.mark.parametrize("params,parameter,message", BAD, ids=lambda v: str(v))
def test_bad_parameters_are_400_naming_the_parameter(
        client: httpx.Client, path: str, params: Params, parameter: str, message: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["parameter"] == parameter
    assert message in body["error"]


def test_unknown_ids_and_paths_are_404(client: httpx.Client) -> None:
    response = client.get("/api/events/0123456789abcdef")
    assert response.status_code == 404
    assert response.json() == {"error": "no event or mention with id '0123456789abcdef'",
                               "parameter": None}
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["error"] == "not found: /api/nothing-here"


def test_event_detail_has_sources_mentions_and_history(client: httpx.Client,
                                                       web_db: Path) -> None:
    kirkuk = cli_records(web_db, "--country", "Iraq")
    assert len(kirkuk) == 1, "the two Kirkuk reports should be one event"
    event = kirkuk[0]
    detail = _get(client, f"/api/events/{event['event_id']}")
    assert detail["event_id"] == detail["requested_id"] == event["event_id"]
    assert detail["event"] == event
    assert {m["article_id"] for m in detail["mentions"]} == {"kirkuk-bomb", "kirkuk-bomb-2"}
    assert {s["article_id"] for s in event["sources"]} == {"kirkuk-bomb", "kirkuk-bomb-2"}
    assert detail["articles"]["kirkuk-bomb"]["source"] == "Tigris Daily"
    assert detail["articles"]["kirkuk-bomb-2"]["source"] == "Baghdad Wire"
    history = detail["history"]
    assert history[0]["action"] == "new"
    assert {row["mention"] for row in history} == {m["event_id"] for m in detail["mentions"]}
    assert all(set(row) == {"event", "mention", "action", "score", "reason", "at"}
               for row in history)

    other = next(m for m in detail["mentions"] if m["event_id"] != event["event_id"])
    by_mention = _get(client, f"/api/events/{other['event_id']}")
    assert by_mention["event_id"] == event["event_id"]
    assert by_mention["requested_id"] == other["event_id"]


def test_geojson_is_the_export_of_the_same_selection(client: httpx.Client,
                                                     web_db: Path) -> None:
    response = client.get("/api/events.geojson", params=[("type", "Explosions/Remote violence")])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    expected = cli_records(web_db, "--type", "Explosions/Remote violence")
    assert int(response.headers["x-total-count"]) == len(expected)
    located = [e for e in expected if e["location"] and e["location"]["lat"] is not None]
    assert [f["id"] for f in collection["features"]] == _ids(located)
    assert collection["features"], "the test articles have located explosions"
    for feature, record in zip(collection["features"], located, strict=True):
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (record["location"]["lon"], record["location"]["lat"])
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["event_id"] == record["event_id"]
        assert feature["properties"]["sub_event_type"] == record["sub_event_type"]
    paged = client.get("/api/events.geojson", params=[("limit", "1")]).json()
    assert len(paged["features"]) <= 1


def test_openapi_describes_the_api_and_docs_need_no_cdn(client: httpx.Client) -> None:
    spec = _get(client, "/openapi.json")
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    assert {"/api/events", "/api/events.geojson", "/api/events/{event_id}",
            "/api/meta"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"country", "actor", "since", "until", "type", "text", "near", "bbox",
            "no_background", "limit", "offset", "mentions"} <= names
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_the_api_is_read_only(client: httpx.Client, web_db: Path) -> None:
    before = hashlib.sha256(web_db.read_bytes()).hexdigest()
    for path in ("/api/events", "/api/events.geojson", "/api/meta"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405
        assert client.get(path).status_code == 200
    assert hashlib.sha256(web_db.read_bytes()).hexdigest() == before


def test_large_answers_are_compressed(client: httpx.Client) -> None:
    response = client.get("/api/events", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"
    assert response.json()["items"]
