"""A town's name before a noun of a disaster or an accident that the event word tells ("the
Karachi floods occurred") places the event there."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_town_qualifying_the_floods_places_them(nlp: Language, resolver: GeoResolver) -> None:
    text = "The Karachi floods occurred just days after the minister returned from a visit abroad."
    assert event_place_of(nlp, resolver, text, "occurred") == "Karachi"


def test_town_qualifying_the_fire_places_it(nlp: Language, resolver: GeoResolver) -> None:
    text = "The Lagos fire occurred shortly after midnight."
    assert event_place_of(nlp, resolver, text, "occurred") == "Lagos"
