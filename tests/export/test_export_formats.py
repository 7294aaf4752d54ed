"""Every export format, written to real files and streams and read back."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_factory import articles, records

from sitrep.export import (
    ACLED_COLUMNS,
    FLAT_FIELDS,
    FORMATS,
    write_events,
)
from sitrep.record import EventRecord
from sitrep.schema import validate_event
from sitrep.store import EventQuery, SQLiteStore


def test_factory_records_follow_the_schema() -> None:
    for rec in records():
        validate_event(rec.to_dict())


def test_jsonl_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert write_events(records(), "jsonl", path) == 5
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        validate_event(json.loads(line))
    assert [EventRecord.from_dict(json.loads(line)) for line in lines] == records()
    text, raw = io.StringIO(), io.BytesIO()
    write_events(records(), "jsonl", text)
    write_events(records(), "jsonl", raw)
    assert text.getvalue() == raw.getvalue().decode("utf-8") == path.read_text(encoding="utf-8")


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_csv_flat_fields(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_events(records(), "csv", path, articles=articles()) == 5
    header, rows = read_csv(path)
    assert header == list(FLAT_FIELDS)
    strike, battle, protest, mob, agreement = rows
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence",
                                                                "Air/drone strike")
    assert (strike["actor1_type"], strike["actor2"]) == ("external/other forces",
                                                         "Civilians (Iraq)")
    assert (strike["fatalities_best"], strike["injuries_best"]) == ("3", "12")
    assert (strike["source"], strike["hedged"]) == ("U.N. human rights office", "true")
    assert (float(strike["lat"]), float(strike["lon"])) == (36.335, 43.119)
    assert strike["geo_precision"] == "neighbourhood" and strike["admin2"] == "Mosul"
    assert strike["article_source"] == "Example Wire" and strike["published"] == "2016-11-05"
    assert battle["evidence"] == records()[1].evidence.sentences[0].text  # quotes survive
    assert (battle["fatalities_low"], battle["fatalities_high"]) == ("12", "99")
    assert battle["assoc_actor1"] == "Popular Mobilization Forces; Peshmerga"
    assert battle["assoc_actor2"] == "" and strike["assoc_actor1"] == ""
    assert protest["event_date"] == "2016-10" and protest["date_precision"] == "month"
    assert protest["fatalities_best"] == "" and protest["actor2"] == ""
    assert mob["injuries_best"] == "2" and mob["hedged"] == ""
    assert agreement["background"] == "true" and agreement["lat"] == ""
    assert agreement["article_source"] == "" and agreement["published"] == ""
    bare = tmp_path / "bare.csv"
    write_events(records(), "csv", bare)
    assert all(r["article_source"] == "" for r in read_csv(bare)[1])


def test_acled_csv_columns_and_codes(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    before = int(time.time())
    assert write_events(records(), "acled-csv", path, articles=articles()) == 5
    after = int(time.time())
    header, rows = read_csv(path)
    assert header == list(ACLED_COLUMNS)
    strike, battle, protest, mob, agreement = rows
    recs = records()

    assert strike["event_id_cnty"] == "IRQ" + recs[0].event_id
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == (
        "2016-11-02", "2016", "1")
    assert strike["disorder_type"] == "Political violence"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["country"], strike["admin1"], strike["admin2"]) == (
        "368", "Iraq", "Nineveh", "Mosul")
    assert (strike["location"], strike["geo_precision"]) == ("Zahra", "1")
    assert (float(strike["latitude"]), float(strike["longitude"])) == (36.335, 43.119)
    assert strike["source"] == "Example Wire" and strike["notes"].startswith("Three men")
    assert (strike["fatalities"], strike["tags"]) == ("3", "hedged")
    assert all(strike[c] == "" for c in ("assoc_actor_1", "assoc_actor_2", "region",
                                         "admin3", "source_scale"))
    assert before <= int(strike["timestamp"]) <= after
    assert {r["timestamp"] for r in rows} == {strike["timestamp"]}

    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == ("1", "2", "12")
    assert battle["civilian_targeting"] == "" and battle["fatalities"] == "12"
    assert battle["assoc_actor_1"] == "Popular Mobilization Forces; Peshmerga"
    assert battle["assoc_actor_2"] == ""

    # month precision: the middle of the month, time_precision 3; one actor: 60
    assert (protest["event_date"], protest["time_precision"]) == ("2016-10-16", "3")
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == ("6", "", "60")
    assert protest["disorder_type"] == "Demonstrations" and protest["fatalities"] == "0"
    assert protest["source"] == ""  # the article has no outlet

    assert (mob["time_precision"], mob["event_date"]) == ("2", "2016-11-09")
    assert mob["disorder_type"] == "Political violence; Demonstrations"
    assert (mob["interaction"], mob["civilian_targeting"]) == ("57", "Civilian targeting")
    assert (mob["iso"], mob["geo_precision"], mob["event_id_cnty"][:3]) == ("760", "2", "SYR")

    assert agreement["disorder_type"] == "Strategic developments"
    assert (agreement["event_date"], agreement["year"], agreement["time_precision"]) == (
        "", "", "")
    assert agreement["event_id_cnty"] == recs[4].event_id and agreement["iso"] == ""
    assert agreement["tags"] == "background; date inferred"


def test_geojson_points_and_skipped_events(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    skipped: list[tuple[str, str]] = []
    n = write_events(records(), "geojson", path, articles=articles(),
                     on_skip=lambda rec, why: skipped.append((rec.event_id, why)))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert n == 4 == len(data["features"]) and data["type"] == "FeatureCollection"
    assert skipped == [(records()[4].event_id, "no coordinates")]
    first = data["features"][0]
    assert first["type"] == "Feature" and first["id"] == records()[0].event_id
    assert first["geometry"] == {"type": "Point", "coordinates": [43.119, 36.335]}
    assert list(first["properties"]) == list(FLAT_FIELDS)
    assert first["properties"]["fatalities_best"] == 3
    assert first["properties"]["assoc_actor1"] is None
    assert data["features"][1]["properties"]["assoc_actor1"] == (
        "Popular Mobilization Forces; Peshmerga")
    assert first["properties"]["hedged"] is True
    assert first["properties"]["article_source"] == "Example Wire"
    assert [f["properties"]["sub_event_type"] for f in data["features"]] == [
        "Air/drone strike", "Armed clash", "Peaceful protest", "Mob violence"]
    empty = io.StringIO()
    assert write_events([], "geojson", empty) == 0
    assert json.loads(empty.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_typed_columns_and_full_record(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_events(records(), "parquet", path, articles=articles()) == 5
    table = pq.read_table(path)
    assert table.column_names == [*FLAT_FIELDS, "record"]
    assert table.num_rows == 5
    assert table.schema.field("lat").type == pa.float64()
    assert table.schema.field("fatalities_best").type == pa.int64()
    assert table.schema.field("background").type == pa.bool_()
    assert table.schema.field("published").type == pa.date32()
    cols = table.to_pydict()
    assert cols["fatalities_best"] == [3, 12, None, None, None]
    assert cols["lat"][:2] == [36.335, 36.335] and cols["lat"][4] is None
    assert cols["published"] == [date(2016, 11, 5), date(2016, 11, 5), None, None, None]
    assert cols["background"] == [False, False, False, False, True]
    back = [EventRecord.from_dict(json.loads(r)) for r in cols["record"]]
    assert back == records()

    raw = io.BytesIO()
    assert write_events(records(), "parquet", raw) == 5
    raw.seek(0)
    assert pq.read_table(raw).num_rows == 5
    with pytest.raises(TypeError, match="binary stream"):
        write_events(records(), "parquet", io.StringIO())
    empty = tmp_path / "empty.parquet"
    assert write_events([], "parquet", empty) == 0
    assert pq.read_table(empty).column_names == [*FLAT_FIELDS, "record"]


@pytest.mark.parametrize("width", [60, 100, 160])
def test_table_fits_the_width(width: int) -> None:
    out = io.StringIO()
    assert write_events(records(), "table", out, articles=articles(), width=width) == 5
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    body = [line for line in lines if line.lstrip().startswith(("2016", "– *"))]
    assert len(body) == 5
    assert lines[-1].strip() == "* background: recounted, not news   ~ hedged claim"
    for line in body:
        assert line.split()[0] in {"2016-11-04", "2016-11-02", "2016-11-09", "2016-10", "–"}


def test_table_content_when_wide() -> None:
    out = io.StringIO()
    write_events(records(), "table", out, articles=articles(), width=220)
    text = out.getvalue()
    for words in ("2016-11-02", "Air/drone strike · Explosions/Remote violence",
                  "Coalition forces → Civilians (Iraq)", "Zahra, Iraq", "3 / 12",
                  "Military Forces of Iraq + Popular Mobilization",
                  "12 (12–99) / –", "~U.N. human rights office", "– *"):
        assert words in text, words
    empty = io.StringIO()
    assert write_events([], "table", empty, width=80) == 0
    assert "no events" in empty.getvalue()


def test_dispatcher_formats_and_errors(tmp_path: Path) -> None:
    assert set(FORMATS) == {"jsonl", "csv", "acled-csv", "geojson", "parquet", "table"}
    for fmt in FORMATS:
        path = tmp_path / f"out.{fmt}"
        expected = 4 if fmt == "geojson" else 5
        assert write_events(iter(records()), fmt, path) == expected
        assert path.stat().st_size > 0
    with pytest.raises(ValueError, match="unknown export format"):
        write_events(records(), "xml", tmp_path / "x.xml")


def test_export_from_a_store(tmp_path: Path) -> None:
    arts = articles()
    by_article: dict[str, list[EventRecord]] = {}
    for rec in records():
        by_article.setdefault(rec.article_id, []).append(rec)
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        store.add([(arts[aid], evs) for aid, evs in by_article.items()])
        events = list(store.mentions(EventQuery(country="IQ")))
        path = tmp_path / "iraq.jsonl"
        n = write_events(events, "jsonl", path,
                         articles=store.articles(e.article_id for e in events))
    assert n == 3
    back = [EventRecord.from_dict(json.loads(line)) for line in path.read_text().splitlines()]
    assert back == [records()[1], records()[0], records()[2]]  # latest first
