"""Reading an article's names together: named divisions, nearby towns, capitals, continents,
and the reference points countries and divisions carry."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import Gazetteer, GeoResolver
from sitrep.geo.build import _country_point
from sitrep.geo.refpoints import largest_centroid, load_points, weighted_centroid


def _places(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, tuple[str, ...]]:
    return resolved(nlp, resolver, text, "name", "country_code", "admin1")


def test_a_town_in_a_named_state_beats_a_famous_namesake(nlp: Language,
                                                         resolver: GeoResolver) -> None:
    text = ("Paris police said the message was a hoax. The rumour spread across Northeast "
            "Texas on Tuesday. Paris officers asked residents to ignore it.")
    found = _places(nlp, resolver, text)
    assert found["Paris"][1:] == ("US", "Texas")


def test_a_division_named_with_capital_noun_links(nlp: Language,
                                                  resolver: GeoResolver) -> None:
    text = ("The Dublin council approved the grants on Monday. Dublin groups must be "
            "registered with the State of Ohio to apply.")
    found = _places(nlp, resolver, text)
    assert found["Dublin"][1:] == ("US", "Ohio")


def test_a_state_name_stays_the_state(nlp: Language, resolver: GeoResolver) -> None:
    text = "Voters in Florida and in Miami went to the polls on Tuesday."
    found = _places(nlp, resolver, text)
    assert found["Florida"][:2] == ("Florida", "US")


def test_a_capital_beats_a_town_in_a_named_state(nlp: Language,
                                                 resolver: GeoResolver) -> None:
    text = "WASHINGTON (AP) - Farmers in Iowa asked for help after the floods, officials said."
    found = _places(nlp, resolver, text)
    assert found["WASHINGTON"][2] == "District of Columbia"


def test_continents_are_places(nlp: Language, resolver: GeoResolver, gaz: Gazetteer) -> None:
    found = _places(nlp, resolver, "Prices rose across Europe and Africa last year.")
    assert found["Europe"][0] == "Europe" and found["Africa"][0] == "Africa"
    europe = gaz.lookup("Europe")[0]
    assert europe.kind == "continent" and europe.country_code is None and europe.geonameid


def test_centroids_of_simple_outlines() -> None:
    big = [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)]
    small = [(10.0, 0.0), (11.0, 0.0), (11.0, 1.0), (10.0, 1.0)]
    lat, lon, area, total = largest_centroid([small, big]) or (0, 0, 0, 0)
    assert (round(lat, 6), round(lon, 6)) == (1.0, 2.0) and 0.8 < area / total < 0.9
    w = weighted_centroid([small, big])
    assert w is not None and 2.0 < w[1] < 4.0
    across = [(179.0, 0.0), (181.0, 0.0), (181.0, 2.0), (179.0, 2.0)]  # unwrapped by _decode
    assert abs(abs((largest_centroid([across]) or (0, 0))[1]) - 180.0) < 1e-6


def test_reference_points_and_country_rule() -> None:
    countries, divisions = load_points()
    lat, lon, share = countries["US"]
    assert 38 < lat < 41 and -101 < lon < -97 and share > 0.75
    assert countries["ID"][2] < 0.75  # an archipelago
    assert len(divisions) > 2000
    mean = _country_point("US", countries["US"], [])
    assert mean[0] is not None and abs(mean[0] - (38 + lat) / 2) < 1e-6
    assert _country_point("ID", countries["ID"], []) == (-5.0, 120.0)  # countryinfo alone
