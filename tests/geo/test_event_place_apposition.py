"""A place set off by a comma right after another one only situates it: "in Gwarzo, Dala
district" places the event in Gwarzo."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_town_before_its_district_is_the_event_place(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = ("Gunmen on Friday killed a local chief, Ahmed Musa, a teacher at the Kano State "
            "College, in Gwarzo, Dala LGA of Kano State.")
    assert event_place_of(nlp, resolver, text, "killed") == "Gwarzo"


def test_another_town_and_its_district_give_the_town(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = ("Gunmen on Sunday killed a trader, Musa Bello, a member of the Kaduna State Traders "
            "Union, in Zaria, Sabon Gari LGA of Kaduna State.")
    assert event_place_of(nlp, resolver, text, "killed") == "Zaria"


def test_place_after_a_conjoined_clause_is_its_own(nlp: Language,
                                                   resolver: GeoResolver) -> None:
    text = "Rebels shelled Idlib, and government jets bombed Hama."
    assert event_place_of(nlp, resolver, text, "bombed") == "Hama"
