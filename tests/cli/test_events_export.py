"""`sitrep events` filters and formats, `sitrep export` formats read back."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_support import haversine_km, records

from support import invoke

Event = dict[str, Any]
MOSUL = (36.34, 43.13)


def _events(db: Path, *args: str) -> list[Event]:
    result = invoke(["events", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return records(result.stdout)


def _ids(events: list[Event]) -> set[str]:
    return {e["event_id"] for e in events}


def _articles(events: list[Event]) -> set[str]:
    return {e["article_id"] for e in events}


def _overlaps(e: Event, since: date | None, until: date | None) -> bool:
    if e["date_start"] is None:
        return False
    start, end = date.fromisoformat(e["date_start"]), date.fromisoformat(e["date_end"])
    return (since is None or end >= since) and (until is None or start <= until)


def _located(e: Event) -> bool:
    return e["location"] is not None and e["location"]["lat"] is not None


def _in_box(e: Event, west: float, south: float, east: float, north: float) -> bool:
    return (_located(e) and west <= e["location"]["lon"] <= east
            and south <= e["location"]["lat"] <= north)


def _has_actor(e: Event, part: str) -> bool:
    """Whether actor1, actor2 or an associated actor has `part` in its name."""
    actors = [e["actor1"], e["actor2"], *e["assoc_actor1"], *e["assoc_actor2"]]
    return any(a is not None and part in a["name"].lower() for a in actors)


FILTERS: list[tuple[list[str], Callable[[Event], bool], set[str]]] = [
    (["--since", "2024-01-01"], lambda e: _overlaps(e, date(2024, 1, 1), None),
     {"saraqib-strike", "zamfara-abduction", "mogadishu-arrests"}),
    (["--until", "2022-12-31"], lambda e: _overlaps(e, None, date(2022, 12, 31)),
     {"kirkuk-ied", "kabul-bombing", "mosul-clash"}),
    (["--since", "2023-01-01", "--until", "2023-12-31"],
     lambda e: _overlaps(e, date(2023, 1, 1), date(2023, 12, 31)),
     {"kherson-shelling", "nairobi-protest", "omdurman-clash", "mali-attack"}),
    (["--type", "Air/drone strike"], lambda e: e["sub_event_type"] == "Air/drone strike",
     {"saraqib-strike"}),
    (["--type", "explosions/remote violence"],
     lambda e: e["event_type"] == "Explosions/Remote violence",
     {"saraqib-strike", "kherson-shelling", "kirkuk-ied", "kabul-bombing"}),
    (["--type", "Battles", "--type", "Arrests"],
     lambda e: e["event_type"] == "Battles" or e["sub_event_type"] == "Arrests",
     {"omdurman-clash", "mosul-clash", "mogadishu-arrests"}),
    (["--country", "Iraq"], lambda e: _located(e) and e["location"]["country_code"] == "IQ",
     {"kirkuk-ied", "mosul-clash"}),
    (["--country", "iq"], lambda e: _located(e) and e["location"]["country_code"] == "IQ",
     {"kirkuk-ied", "mosul-clash"}),
    (["--near", f"{MOSUL[0]},{MOSUL[1]},50"],
     lambda e: _located(e) and haversine_km(*MOSUL, e["location"]["lat"],
                                            e["location"]["lon"]) <= 50,
     {"mosul-clash"}),
    (["--bbox", "35,32,42,37.5"], lambda e: _in_box(e, 35, 32, 42, 37.5), {"saraqib-strike"}),
    (["--text", "tear gas"], lambda e: e["article_id"] == "nairobi-protest",
     {"nairobi-protest"}),
    (["--text", "Saraqib"], lambda e: e["article_id"] == "saraqib-strike", {"saraqib-strike"}),
    (["--no-background"], lambda e: not e["background"], set()),
    (["--actor", "POLICE"], lambda e: _has_actor(e, "police"), set()),
]


@pytest.mark.parametrize("args,keep,articles", FILTERS, ids=lambda v: " ".join(v)
                         if isinstance(v, list) else "")
def test_filter(store_db: Path, stored: list[Event], args: list[str],
                keep: Callable[[Event], bool], articles: set[str]) -> None:
    found = _events(store_db, *args)
    expected = [e for e in stored if keep(e)]
    assert _ids(found) == _ids(expected)
    assert 0 < len(found) < len(stored)
    assert articles <= _articles(found)
    # the order of the unfiltered listing is kept
    assert [e["event_id"] for e in found] == [e["event_id"] for e in expected]


def test_no_background_drops_the_recounted_history(store_db: Path, stored: list[Event]) -> None:
    background = [e for e in stored if e["background"]]
    assert [(e["article_id"], e["event_date"]) for e in background] == [
        ("mosul-clash", "2014-06")]
    assert _ids(_events(store_db, "--no-background")) == _ids(stored) - _ids(background)


def test_listing_is_newest_first(stored: list[Event]) -> None:
    dates = [e["event_date"] for e in stored]
    assert None not in dates
    assert dates == sorted(dates, reverse=True)  # ISO strings: "2016-11-07" > "2014-06"
    assert stored[0]["article_id"] == "saraqib-strike"


def test_limit(store_db: Path, stored: list[Event]) -> None:
    found = _events(store_db, "--limit", "3")
    assert [e["event_id"] for e in found] == [e["event_id"] for e in stored[:3]]
    assert _events(store_db, "--limit", "0") == []
    combined = _events(store_db, "--type", "Explosions/Remote violence", "--limit", "2")
    assert [e["article_id"] for e in combined] == ["saraqib-strike", "kherson-shelling"]


@pytest.mark.parametrize("args,message", [
    (["--type", "Picnic"], "unknown event type 'Picnic'"),
    (["--near", "36.3,43.1"], "expected LAT,LON,KM"),
    (["--bbox", "1,2,3"], "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"),
    (["--since", "2024-02-01", "--until", "2024-01-01"], "is after until"),
    (["--since", "yesterday-ish"], "is not a date"),
    (["--limit", "-1"], "limit must not be negative"),
    (["--format", "xml"], "Invalid value for '--format'"),
])
def test_bad_filters_are_usage_errors(store_db: Path, args: list[str], message: str) -> None:
    result = invoke(["events", "--db", str(store_db), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_events_formats(store_db: Path, stored: list[Event]) -> None:
    db = str(store_db)
    table = invoke(["events", "--db", db])
    assert table.exit_code == 0
    assert "Date" in table.stdout
    assert "Saraqib" in table.stdout
    assert table.stdout.index("2024-03-12") < table.stdout.index("2016-11-07")

    rows = list(csv.DictReader(io.StringIO(
        invoke(["events", "--db", db, "--format", "csv"]).stdout)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in stored]
    kabul = next(r for r in rows if r["article_id"] == "kabul-bombing")
    assert kabul["sub_event_type"] == "Suicide bomb"
    assert kabul["fatalities_best"] == "19"
    assert kabul["article_source"] == "Hindu Kush Times"

    geo = json.loads(invoke(["events", "--db", db, "--format", "geojson",
                             "--country", "Syria"]).stdout)
    assert [f["id"] for f in geo["features"]] == [
        e["event_id"] for e in stored if _located(e) and e["location"]["country_code"] == "SY"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 35 < lon < 38 and 35 < lat < 37


def test_events_on_an_empty_new_database(tmp_path: Path) -> None:
    result = invoke(["events", "--db", str(tmp_path / "new.sqlite"), "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl", "parquet", "csv"])
def test_export_to_a_file(store_db: Path, stored: list[Event], tmp_path: Path,
                          fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = invoke(["export", "--db", str(store_db), "--format", fmt, "-o", str(out),
                     "--no-background"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    current = [e for e in stored if not e["background"]]
    located = [e for e in current if _located(e)]
    expected_n = len(located) if fmt == "geojson" else len(current)
    assert f"{expected_n} events exported to {out}" in result.stderr
    ids = [e["event_id"] for e in current]

    if fmt == "jsonl":
        back = records(out.read_text())
        assert back == current
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(newline="")))
        assert [r["event_id"] for r in rows] == ids
    elif fmt == "acled-csv":
        rows = list(csv.DictReader(out.open(newline="")))
        assert len(rows) == len(current)
        saraqib = next(r for r in rows if r["event_id_cnty"].startswith("SYR"))
        assert saraqib["event_date"] == "2024-03-12"
        assert saraqib["sub_event_type"] == "Air/drone strike"
        assert saraqib["disorder_type"] == "Political violence"
        assert saraqib["country"] == "Syria"
        assert saraqib["fatalities"] == "7"
        assert saraqib["source"] == "Levant Monitor"
        assert saraqib["time_precision"] == "1"
    elif fmt == "geojson":
        features = json.loads(out.read_text())["features"]
        assert [f["id"] for f in features] == [e["event_id"] for e in located]
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.column("event_id").to_pylist() == ids
        back = [json.loads(r) for r in table.column("record").to_pylist()]
        assert back == current
        assert table.column("fatalities_best").to_pylist() == [
            e["fatalities"]["best"] if e["fatalities"] else None for e in current]


def test_export_to_stdout(store_db: Path, stored: list[Event]) -> None:
    result = invoke(["export", "--db", str(store_db), "--format", "jsonl",
                     "--type", "Suicide bomb"])
    assert result.exit_code == 0, result.output
    assert [e["article_id"] for e in records(result.stdout)] == ["kabul-bombing"]
    assert result.stderr.strip() == "1 events exported"


def test_parquet_needs_an_output_file(store_db: Path) -> None:
    result = invoke(["export", "--db", str(store_db), "--format", "parquet"])
    assert result.exit_code == 2
    assert "parquet needs a file" in result.stderr
    assert result.stdout == ""


def test_export_into_a_missing_folder_is_a_clear_error(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "events.csv"
    result = invoke(["export", "--db", str(store_db), "--format", "csv", "-o", str(out)],
                    catch=True)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert "Error:" in result.stderr and str(out.parent) in result.stderr


def test_export_needs_a_format(store_db: Path) -> None:
    result = invoke(["export", "--db", str(store_db)])
    assert result.exit_code == 2
    assert "--format" in result.stderr
