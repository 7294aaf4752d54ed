"""The one filter parser behind `sitrep events`, `sitrep export` and the REST API."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.store.filters import FilterError, build_query


def test_text_filters_become_an_event_query() -> None:
    query = build_query(since="2024-01-05", until="2024-02-01",
                        types=["air/drone strike", "BATTLES"], country=" Iraq ",
                        near="36.34,43.13,25", bbox="35,32,42,37.5",
                        text=' "car bomb" ', include_background=False, limit=10, offset=20)
    assert query.since == date(2024, 1, 5) and query.until == date(2024, 2, 1)
    assert query.types == ["Air/drone strike", "Battles"]
    assert query.country == "Iraq"
    assert query.near == (36.34, 43.13, 25.0)
    assert query.bbox == (35.0, 32.0, 42.0, 37.5)
    assert query.text == '"car bomb"'
    assert not query.include_background
    assert (query.limit, query.offset) == (10, 20)


def test_empty_values_filter_nothing() -> None:
    query = build_query(since="", until="", types=["", " "], country=" ", near="", bbox="",
                        text="  ")
    assert (query.since, query.until, query.types, query.country, query.near, query.bbox,
            query.text) == (None, None, [], None, None, None, None)


def test_parsed_values_pass_through() -> None:
    query = build_query(since=date(2020, 1, 1), near=(1.0, 2.0, 3.0), bbox=(1.0, 2.0, 3.0, 4.0))
    assert query.since == date(2020, 1, 1)
    assert query.near == (1.0, 2.0, 3.0) and query.bbox == (1.0, 2.0, 3.0, 4.0)


@pytest.mark.parametrize("kwargs,param,message", [
    ({"since": "soon"}, "since", "'soon' is not a date; use YYYY-MM-DD"),
    ({"until": "2024-02-30"}, "until", "is not a date"),
    ({"since": "2024-03-01", "until": "2024-02-01"}, "since", "is after until"),
    ({"types": ["Attack", "Picnic"]}, "type", "unknown event type 'Picnic'"),
    ({"near": "36,43"}, "near", "expected LAT,LON,KM"),
    ({"near": "36,43,km"}, "near", "expected LAT,LON,KM"),
    ({"near": "36,200,5"}, "near", "not a valid point"),
    ({"near": "36,43,inf"}, "near", "expected LAT,LON,KM"),
    ({"bbox": "1,2,3,4,5"}, "bbox", "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"),
    ({"bbox": "0,50,10,40"}, "bbox", "is above max_lat"),
    ({"limit": -1}, "limit", "limit must not be negative"),
    ({"offset": -1}, "offset", "offset must not be negative"),
])
def test_bad_values_name_the_filter(kwargs: dict[str, object], param: str, message: str) -> None:
    with pytest.raises(FilterError) as caught:
        build_query(**kwargs)  # type: ignore[arg-type]
    assert caught.value.param == param
    assert message in caught.value.message
