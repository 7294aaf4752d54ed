"""First-level divisions listed with commas ("Virginia, Maryland and Ohio") are a list even
where a town of the first name comes before the division in the gazetteer, and a division's
abbreviation whose full stop the tokenizer splits off ("Bethel, Vt.") is still read as the
division that holds the town before it."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_listed_states_are_a_list_not_a_town_in_the_next_state(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Storms knocked out power lines on Tuesday night in parts of Virginia, Maryland "
            "and Delaware, utility crews said.")
    found = resolved(nlp, resolver, text, "name", "kind")
    assert found["Virginia"] == ("Virginia", "admin1")
    assert found["Maryland"] == ("Maryland", "admin1")


def test_a_town_in_its_state_is_still_contained(nlp: Language, resolver: GeoResolver) -> None:
    text = "The mine near Virginia, Minnesota, reopened on Monday."
    found = resolved(nlp, resolver, text, "kind", "admin1")
    assert found["Virginia"] == ("city", "Minnesota")


def test_an_abbreviation_with_its_stop_split_off_holds_the_town(
        nlp: Language, resolver: GeoResolver) -> None:
    tokens = [t.text for t in nlp("She moved to Bethel, Vt., last spring.")]
    assert "Vt" in tokens and "Vt." not in tokens  # the tokenizer splits the stop off
    text = ("The couple ran a bakery downtown for years. Their daughter, Ann Porter of "
            "Bethel, Vt., said they loved the town.")
    found = resolved(nlp, resolver, text, "name", "admin1", "country_code")
    assert found["Bethel"] == ("Bethel", "Vermont", "US")
    assert found["Vt"] == ("Vermont", "Vermont", "US")


def test_a_split_stop_after_a_comma_only(nlp: Language, resolver: GeoResolver) -> None:
    text = "Officers found the car on Tex. Avenue in Waco on Sunday."
    found = resolved(nlp, resolver, text, "name")
    assert "Tex" not in found
