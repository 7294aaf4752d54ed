"""A place that the event's actors left ("withdrew from X") is where the event happened."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_place_withdrawn_from_places_the_fighting_before(nlp: Language,
                                                         resolver: GeoResolver) -> None:
    text = ("Four gunmen were killed and a dozen more hurt before the rebel fighters withdrew "
            "from Kandahar.")
    assert event_place_of(nlp, resolver, text, "killed") == "Kandahar"


def test_name_after_retreated_from_is_a_place(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Four gunmen were killed and a dozen more hurt before the rebels retreated "
            "from Talbiseh.")
    assert event_place_of(nlp, resolver, text, "killed") == "Talbiseh"


def test_place_fled_from_is_the_flight_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Villagers fled from Gwoza when the gunmen arrived."
    assert event_place_of(nlp, resolver, text, "fled") == "Gwoza"


def test_origin_of_a_visitor_is_still_not_the_event_place(nlp: Language,
                                                          resolver: GeoResolver) -> None:
    text = "A delegation from Nairobi was attacked on the road."
    assert event_place_of(nlp, resolver, text, "attacked") is None
