"""A first-level division named inside an organisation's name ("the Georgia Bureau of
Investigation") votes for the story's division: a state's bureau works in its state."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_state_agency_sets_the_story_s_state(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Man held after break-ins. An Albany man was arrested on Friday after a string of "
            "break-ins in the United States, and Albany police said agents of the Georgia "
            "Bureau of Investigation searched his home.")
    found = resolved(nlp, resolver, text, "admin1")
    assert found["Albany"] == ("Georgia",)


def test_without_the_agency_the_better_known_namesake(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Man held after break-ins. An Albany man was arrested on Friday after a string of "
            "break-ins in the United States, and Albany police said agents searched his home.")
    found = resolved(nlp, resolver, text, "admin1")
    assert found["Albany"] == ("New York",)
