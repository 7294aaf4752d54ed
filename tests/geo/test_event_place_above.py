""""above" governs a place like "over": smoke "rose above Trenton"."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_place_above_which_an_event_happened(nlp: Language, resolver: GeoResolver) -> None:
    text = "Smoke rose above Trenton and Camden after the depot exploded."
    assert event_place_of(nlp, resolver, text, "exploded") == "Trenton"
