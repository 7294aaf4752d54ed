""""above" governs a place like "over": "jets patrolled the skies above X"."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_place_above_which_an_event_happened(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Fighter jets patrolled the skies above Chicago, Detroit and other large cities while "
            "the parade went on.")
    assert event_place_of(nlp, resolver, text, "went") == "Chicago"
