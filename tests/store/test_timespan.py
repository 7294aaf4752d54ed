"""The day range behind a partial event date, and the words-to-FTS5 query builder."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from store_factory import make_article, make_event

from sitrep.store.sqlite import fts_query
from sitrep.timespan import event_day_range, event_midpoint

ARTICLE = make_article("d", "Fighting went on.")


@pytest.mark.parametrize(("event_date", "precision", "extra", "expected"), [
    ("2016-11-02", "day", {}, ("2016-11-02", "2016-11-02")),
    ("2016-11-02", "week", {}, ("2016-10-31", "2016-11-06")),  # Monday to Sunday
    ("2016-02", "month", {}, ("2016-02-01", "2016-02-29")),
    ("2016-12", "month", {}, ("2016-12-01", "2016-12-31")),
    ("2016", "year", {}, ("2016-01-01", "2016-12-31")),
    ("2016-11", "month", {"date_start": "2016-11-03", "date_end": "2016-11-08"},
     ("2016-11-03", "2016-11-08")),
    (None, None, {"date_start": "2016-10"}, ("2016-10-01", None)),
    (None, None, {}, (None, None)),
])
def test_event_day_range(event_date: str | None, precision: str | None,
                         extra: dict[str, Any], expected: tuple[str | None, str | None]) -> None:
    rec = make_event(ARTICLE, "Fighting went on.", event_date=event_date, precision=precision,
                     **extra)
    assert event_day_range(rec) == expected


def test_event_midpoint() -> None:
    rec = make_event(ARTICLE, "Fighting went on.", event_date="2016-10", precision="month")
    assert event_midpoint(rec) == date(2016, 10, 16)
    undated = make_event(ARTICLE, "Fighting went on.", event_date=None)
    assert event_midpoint(undated) is None


def test_fts_query() -> None:
    assert fts_query("car bomb") == '"car" AND "bomb"'
    assert fts_query('"car bomb" Mosul*') == '"car bomb" AND "Mosul"*'
    assert fts_query("al-Quds") == '"al Quds"'
    assert fts_query("NEAR(a, b) OR -x") == '"NEAR a" AND "b" AND "OR" AND "x"'
    assert fts_query('  "" * ') is None
