"""An event that its first report placed no finer than a country: compared by the towns its
other reports give, and placed in such a town by a follow-up (facts and records written by
hand)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import sitrep.dedup.cluster as cluster
from sitrep.dedup.cluster import Facts, merge, score
from sitrep.record import Count, EventRecord, Evidence, Location, Span

DAY = date(2022, 3, 5)
WORDS = frozenset({"girl", "shot", "wounded", "apartment", "saturday"})


def _facts(precision: str, lat: float, lon: float, place: str, article: str,
           places: tuple[tuple[float, float], ...] = ()) -> Facts:
    return Facts(event_type="Violence against civilians", sub_event_type="Attack", lo=DAY,
                 hi=DAY, country_code="US", lat=lat, lon=lon, geo_precision=precision,
                 place=place, fatalities=None, actor1=None, words=WORDS, background=False,
                 articles=frozenset({article}), injuries=1, places=places)


# the event: its first report placed it in the country only; a follow-up in Harlow Creek
EVENT = _facts("country", 39.8, -98.6, "United States", "a", places=((36.20, -119.35),))
FAR = _facts("city", 32.78, -96.80, "Bexley", "b")  # another town, 2,000 km from Harlow Creek
NEAR = _facts("city", 36.21, -119.34, "Harlow Creek", "c")


def test_a_report_far_from_the_towns_of_a_country_placed_event_stays_apart() -> None:
    assert score(FAR, EVENT) is None


def test_without_the_rule_the_country_centre_lets_it_join(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setattr(cluster, "FINE_PLACES", False)
    scored = score(FAR, EVENT)
    assert scored is not None and scored[0] >= cluster.THRESHOLD


def test_a_report_in_the_town_of_a_country_placed_event_still_joins() -> None:
    scored = score(NEAR, EVENT)
    assert scored is not None and scored[0] >= cluster.THRESHOLD


def test_an_event_placed_by_its_own_town_is_compared_as_before() -> None:
    town = replace(EVENT, lat=32.80, lon=-96.79, geo_precision="city", place="Bexley")
    scored = score(FAR, town)
    assert scored is not None and scored[0] >= cluster.THRESHOLD


def _rec(aid: str, where: Location) -> EventRecord:
    text = "A girl was shot and wounded in an apartment on Saturday."
    return EventRecord(
        article_id=aid, event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence([Span(0, len(text), text)], {"trigger": Span(0, 4, text[:4])}),
        event_date="2022-03-05", date_precision="day", location=where,
        injuries=Count(1, 1, 1, "people", "a girl"), event_id=f"{aid}-0")


COUNTRY = Location("United States", "United States", "US", 39.8, -98.6, "country", "")
TOWN = Location("Harlow Creek", "United States", "US", 36.20, -119.35, "city", "Harlow Creek")
ABROAD = Location("Norwick", "Canada", "CA", 45.0, -75.0, "city", "Norwick")


def test_a_follow_up_places_a_country_placed_event_in_its_town() -> None:
    merged = merge(_rec("a", COUNTRY), _rec("b", TOWN), DAY, None, follow_up=True)
    assert merged.location == TOWN
    assert any("placed at Harlow Creek by a follow-up" in n for n in merged.notes)


def test_a_follow_up_in_another_country_leaves_the_place() -> None:
    merged = merge(_rec("a", COUNTRY), _rec("b", ABROAD), DAY, None, follow_up=True)
    assert merged.location == COUNTRY


def test_a_follow_up_does_not_move_an_event_placed_in_a_town() -> None:
    other = replace(TOWN, name="Olden Ford", lat=36.5, lon=-119.0, text="Olden Ford")
    merged = merge(_rec("a", TOWN), _rec("b", other), DAY, None, follow_up=True)
    assert merged.location == TOWN
