"""A district the sources give no point takes the point of the town it is named after, and
a place that still has none is placed at its province, with the precision and a note that
say so."""

from __future__ import annotations

from spacy.language import Language

from sitrep.distance import haversine_km
from sitrep.geo import Gazetteer, GeoResolver


def test_a_district_named_after_its_seat_takes_the_seats_point(gaz: Gazetteer) -> None:
    # Etoumbi district (Republic of the Congo): no member towns in the sources; one town of
    # its name in the country, filed under a province spelled another way
    places = gaz.lookup("Etoumbi", "CG")
    district = next(p for p in places if p.kind == "admin2")
    town = next(p for p in places if p.kind == "city")
    assert district.lat is not None and district.lon is not None
    assert town.lat is not None and town.lon is not None
    assert haversine_km(district.lat, district.lon, town.lat, town.lon) < 1.0


def test_a_place_without_a_point_is_placed_at_its_province(nlp: Language,
                                                           resolver: GeoResolver) -> None:
    text = "Gunmen attacked a police post in Shighnan District of Badakhshan province."
    places = resolver.resolve(nlp(text))
    loc = next(m.location for m in places.mentions if m.text == "Shighnan District")
    assert loc is not None and loc.name == "Shighnan District"
    assert loc.lat is not None and loc.precision == "admin1"
    assert loc.note is not None and "no point for Shighnan District" in loc.note
