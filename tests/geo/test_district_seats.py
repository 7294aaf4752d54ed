"""A district the sources give no point takes the point of the town it is named after."""

from __future__ import annotations

from sitrep.distance import haversine_km
from sitrep.geo import Gazetteer


def test_a_district_named_after_its_seat_takes_the_seats_point(gaz: Gazetteer) -> None:
    # Etoumbi district (Republic of the Congo): no member towns in the sources; one town of
    # its name in the country, filed under a province spelled another way
    places = gaz.lookup("Etoumbi", "CG")
    district = next(p for p in places if p.kind == "admin2")
    town = next(p for p in places if p.kind == "city")
    assert district.lat is not None and district.lon is not None
    assert town.lat is not None and town.lon is not None
    assert haversine_km(district.lat, district.lon, town.lat, town.lon) < 1.0
