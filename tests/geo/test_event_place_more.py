"""Event places: the known place a site lies in ("the X Club bar in Y"), a name that
qualifies the noun of the event word's own locative phrase ("drove through Lagos's
avenues"), a place named after a word for its parts ("in parts of the X district"), a site
that the event word's subject or another verb names ("the Lisbon opera house burned down",
"injured when the army stormed their Hebron safe house"), and a place in a gerund after "by"
that tells how the event was done ("opened the campaign by storming X")."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_the_city_a_site_qualified_by_a_name_lies_in(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Masked gunmen burst into the Paris Club bar in Tijuana late on Saturday and "
            "opened fire.")
    assert event_place_of(nlp, resolver, text, "burst") == "Tijuana"


def test_a_named_site_keeps_its_name(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Two guards were wounded when a grenade exploded at the Al-Noor Hospital in Kirkuk "
            "on Friday.")
    assert event_place_of(nlp, resolver, text, "wounded") == "Al-Noor Hospital"


def test_a_name_qualifying_the_noun_of_a_locative_phrase(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Farmers drove their tractors through Lagos's main avenues on Monday."
    assert event_place_of(nlp, resolver, text, "drove") == "Lagos"
    text = "Volunteers walked along the Danube River embankment all night."
    assert event_place_of(nlp, resolver, text, "walked") == "Danube River"


def test_a_name_qualifying_the_phrase_of_the_attack_launched(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Army units launched a raid across the Homs axis."
    assert event_place_of(nlp, resolver, text, "launched") == "Homs"


def test_no_place_from_a_destination_or_a_time_zone(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Two detainees were later transferred to U.S. custody."
    assert event_place_of(nlp, resolver, text, "transferred") is None
    text = "At 5:10 a.m. (Kabul time) on Tuesday, the brigades launched a joint raid."
    assert event_place_of(nlp, resolver, text, "launched") is None


def test_a_site_another_verb_acts_on(nlp: Language, resolver: GeoResolver) -> None:
    text = "Three policemen were injured when the army stormed their Hebron safe house."
    assert event_place_of(nlp, resolver, text, "injured") == "Hebron"


def test_a_place_named_after_a_word_for_its_parts(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Nine civilians were wounded by artillery fire in different parts of the contested "
            "Batticaloa district.")
    assert event_place_of(nlp, resolver, text, "wounded") == "Batticaloa district"


def test_a_site_that_is_the_subject_of_the_event(nlp: Language, resolver: GeoResolver) -> None:
    text = "The old Lisbon opera house had burned down twice before the war."
    found = event_place_of(nlp, resolver, text, "burned")
    assert found is not None and "Lisbon" in found


def test_a_site_that_speaks_places_nothing(nlp: Language, resolver: GeoResolver) -> None:
    text = "The Lisbon embassy confirmed the staff were safe."
    assert event_place_of(nlp, resolver, text, "confirmed") is None


def test_a_place_in_the_gerund_that_tells_how(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The militia opened its campaign by storming the towns of Kafr Nabl and Maarrat "
            "Misrin from the east, with support from artillery units.")
    assert event_place_of(nlp, resolver, text, "opened") == "Kafr Nabl"
