"""`sitrep extract` on every input format, printed in every output format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_support import BY_ID, EVENTLESS, STORIES, records, sitrep_command

from support import invoke

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Daily</title>
<link>https://sahel.example.org</link><description>News</description>
<item><title>Gunmen kill villagers in Kaduna</title>
<link>https://sahel.example.org/kaduna</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Gunmen killed five villagers in Kaduna on Monday, police
said.&lt;/p&gt;</description></item>
<item><title>Bomb near Maiduguri</title>
<link>https://sahel.example.org/maiduguri</link>
<pubDate>Thu, 07 Mar 2024 09:00:00 GMT</pubDate>
<description>A roadside bomb killed four soldiers near Maiduguri on Tuesday, the army
said.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Horn Herald</title><id>urn:horn</id>
<updated>2024-01-18T10:00:00Z</updated>
<entry><title>Clashes near Beledweyne</title><id>urn:horn:1</id>
<link href="https://horn.example.org/1"/><updated>2024-01-18T10:00:00Z</updated>
<content type="html">&lt;p&gt;Government forces clashed with al-Shabaab fighters near
Beledweyne on Tuesday, killing six militants, the army said.&lt;/p&gt;</content></entry>
</feed>
"""

HTML = """<!DOCTYPE html><html><head><title>Shelling in Kharkiv</title>
<meta property="article:published_time" content="2023-05-20">
<meta property="og:site_name" content="Dnipro Wire"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Shelling in Kharkiv</h1>
<p>KHARKIV, Ukraine - Russian forces shelled a residential district of Kharkiv on Friday,
killing three civilians and injuring 14, the regional governor said.</p>
<p>Emergency crews searched the rubble for survivors until late in the evening, and the
city council opened two schools as shelters for families who lost their homes.</p>
</article><footer>Contact</footer></body></html>
"""

JSONL_ROWS = [
    {"id": "jl-kaduna", "title": "Kaduna attack", "published": "2024-03-06",
     "text": "Gunmen killed five villagers in Kaduna on Monday, police said."},
    {"id": "jl-prices", "title": "Prices", "published": "2024-03-06",
     "text": "Traders in Kaduna said the price of maize rose this month."},
    {"id": "jl-gao", "title": "Clash near Mopti", "published": "2023-04-12",
     "text": "Malian soldiers clashed with militants near Mopti on Monday, killing eight "
             "fighters, the army said."},
]

CSV_TEXT = (
    "id,title,published,text\n"
    'csv-kirkuk,Bomb in Kirkuk,2022-05-03,"A roadside bomb struck an army patrol near Kirkuk '
    'on Monday, killing three soldiers, a military statement said."\n'
    'csv-quiet,Quiet day,2022-05-03,"Markets reopened in Kirkuk on Monday after the '
    'holiday."\n'
)


def _extract(paths: list[str], *extra: str, stdin: bytes | None = None
             ) -> list[dict[str, Any]]:
    result = invoke(["extract", *paths, "--format", "jsonl", *extra], stdin=stdin)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return records(result.stdout)


def test_txt_with_header_block_keeps_id_date_and_place(stories_dir: Path) -> None:
    found = _extract([str(stories_dir / "saraqib-strike.txt")])
    assert len(found) == 1
    event = found[0]
    assert event["article_id"] == "saraqib-strike"
    assert event["sub_event_type"] == "Air/drone strike"
    assert event["event_date"] == "2024-03-12"  # the Tuesday before Thursday 2024-03-14
    assert event["location"]["name"] == "Saraqib"
    assert event["location"]["country_code"] == "SY"
    assert event["fatalities"]["best"] == 7
    assert event["injuries"]["best"] == 12


def test_directory_is_read_recursively_in_order(stories_dir: Path, tmp_path: Path) -> None:
    nested = tmp_path / "top" / "deeper" / "deepest"
    nested.mkdir(parents=True)
    (tmp_path / "top" / "kherson-shelling.txt").write_text(BY_ID["kherson-shelling"].as_txt())
    (nested / "kabul-bombing.txt").write_text(BY_ID["kabul-bombing"].as_txt())
    (nested / ".hidden.txt").write_text(BY_ID["kirkuk-ied"].as_txt())
    found = _extract([str(tmp_path / "top")])
    # files of a folder first, then its sub-folders; hidden files skipped
    assert [e["article_id"] for e in found] == ["kherson-shelling", "kabul-bombing"]

    everything = _extract([str(stories_dir)])
    ids = {e["article_id"] for e in everything}
    assert ids == {s.id for s in STORIES} - EVENTLESS


def test_html_page(tmp_path: Path) -> None:
    page = tmp_path / "kharkiv.html"
    page.write_text(HTML)
    found = _extract([str(page)])
    shelling = [e for e in found if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(shelling) == 1
    assert shelling[0]["event_date"] == "2023-05-19"  # Friday before the page's date
    assert shelling[0]["location"]["country_code"] == "UA"
    assert shelling[0]["fatalities"]["best"] == 3


def test_jsonl_and_csv_keep_the_input_ids(tmp_path: Path) -> None:
    jl = tmp_path / "batch.jsonl"
    jl.write_text("".join(json.dumps(row) + "\n" for row in JSONL_ROWS))
    table = tmp_path / "batch.csv"
    table.write_text(CSV_TEXT)
    found = _extract([str(jl), str(table)])
    assert [e["article_id"] for e in found] == ["jl-kaduna", "jl-gao", "csv-kirkuk"]
    by_id = {e["article_id"]: e for e in found}
    assert by_id["jl-kaduna"]["event_date"] == "2024-03-04"
    assert by_id["csv-kirkuk"]["sub_event_type"] == "Remote explosive/landmine/IED"
    assert by_id["csv-kirkuk"]["location"]["country_code"] == "IQ"


@pytest.mark.parametrize("name,text,expected", [
    ("feed.rss", RSS, [("2024-03-04", "NG"), ("2024-03-05", "NG")]),
    ("feed.atom", ATOM, [("2024-01-16", "SO")]),
    ("feed.xml", ATOM, [("2024-01-16", "SO")]),
])
def test_feeds(tmp_path: Path, name: str, text: str, expected: list[tuple[str, str]]) -> None:
    feed = tmp_path / name
    feed.write_text(text)
    found = _extract([str(feed)])
    assert [(e["event_date"], e["location"]["country_code"]) for e in found] == expected


def test_stdin_in_process(stories_dir: Path) -> None:
    data = (stories_dir / "kirkuk-ied.txt").read_bytes()
    found = _extract(["-"], stdin=data)
    assert [e["article_id"] for e in found] == ["kirkuk-ied"]
    feed = _extract(["-"], stdin=RSS.encode())
    assert len(feed) == 2


def test_stdin_through_a_pipe(tmp_path: Path) -> None:
    """A real pipe into the installed command: the feed is sniffed, exit code 0."""
    proc = subprocess.run([*sitrep_command(), "extract", "-", "--format", "jsonl"],
                          input=RSS.encode(), capture_output=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    found = records(proc.stdout.decode())
    assert [e["event_date"] for e in found] == ["2024-03-04", "2024-03-05"]
    assert not (tmp_path / "sitrep.sqlite").exists()


def test_published_fills_a_missing_date_and_weekdays_resolve_against_it(
        tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Strike on Saraqib\n\nGovernment warplanes bombed a market in Saraqib "
                       "on Tuesday, killing seven civilians, rescuers said.\n")
    undated = _extract([str(article)])
    assert len(undated) == 1
    assert undated[0]["event_date"] is None
    dated = _extract([str(article), "--published", "2024-03-14"])
    assert dated[0]["event_date"] == "2024-03-12"
    assert dated[0]["date_precision"] == "day"


def test_published_does_not_override_the_articles_own_date(stories_dir: Path) -> None:
    found = _extract([str(stories_dir / "saraqib-strike.txt"), "--published", "2020-01-01"])
    assert found[0]["event_date"] == "2024-03-12"


def test_bad_published_is_a_usage_error(stories_dir: Path) -> None:
    result = invoke(["extract", str(stories_dir), "--published", "someday"])
    assert result.exit_code == 2
    assert "--published" in result.stderr


def test_no_geo_leaves_location_null(stories_dir: Path) -> None:
    found = _extract([str(stories_dir), "--no-geo"])
    assert found
    assert all(e["location"] is None for e in found)
    with_geo = _extract([str(stories_dir)])
    assert {e["event_id"] for e in found} == {e["event_id"] for e in with_geo}


def test_every_output_format_lists_the_same_events(stories_dir: Path) -> None:
    path = str(stories_dir)
    as_jsonl = _extract([path])
    ids = [e["event_id"] for e in as_jsonl]

    result = invoke(["extract", path, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["event_id"] for r in rows] == ids
    assert {r["article_id"] for r in rows} == {e["article_id"] for e in as_jsonl}
    saraqib = next(r for r in rows if r["article_id"] == "saraqib-strike")
    assert saraqib["fatalities_best"] == "7"
    assert saraqib["article_source"] == "Levant Monitor"
    assert saraqib["published"] == "2024-03-14"

    result = invoke(["extract", path, "--format", "geojson"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    located = [e["event_id"] for e in as_jsonl if e["location"] and e["location"]["lat"]]
    assert [f["id"] for f in collection["features"]] == located
    for feature in collection["features"]:
        event = next(e for e in as_jsonl if e["event_id"] == feature["id"])
        assert feature["geometry"]["coordinates"] == [event["location"]["lon"],
                                                      event["location"]["lat"]]

    result = invoke(["extract", path, "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Date" in result.stdout
    assert "2024-03-12" in result.stdout
    assert "2016-11-07" in result.stdout


def test_no_event_gives_empty_output(stories_dir: Path) -> None:
    result = invoke(["extract", str(stories_dir / "bamako-prices.txt")])
    assert result.exit_code == 0
    assert result.stdout == ""


def test_missing_path(tmp_path: Path) -> None:
    result = invoke(["extract", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere.txt'}: no such file or directory" in result.stderr
