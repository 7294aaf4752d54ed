"""Event places: the known place a site lies in ("a mosque in the city of X", "the X Club bar
in Y"), a name that qualifies the noun of the event word's own locative phrase ("marched
through Lagos's streets"), a place named after a word for its parts ("in parts of the X
region"), a site that the event word's subject or another verb names ("the Lisbon opera
house burned down", "shot when soldiers raided their Hebron hideout"), and a place in a gerund
after "by" that tells how the event was done ("began the offensive by storming X")."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_the_city_an_unnamed_site_lies_in(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Nine people died, and twenty were hurt, in a fire that swept through a crowded "
            "Shi'ite mosque in the Iraqi city of Kirkuk.")
    assert event_place_of(nlp, resolver, text, "died") == "city of Kirkuk"


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
    text = "Thousands of students marched through Lagos's streets on Monday."
    assert event_place_of(nlp, resolver, text, "marched") == "Lagos"
    text = "Hundreds of volunteers patrolled along the Danube River dikes overnight."
    assert event_place_of(nlp, resolver, text, "patrolled") == "Danube River"


def test_a_name_qualifying_the_phrase_of_the_attack_launched(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "The insurgents launched a raid across the southern Hama axis."
    assert event_place_of(nlp, resolver, text, "launched") == "southern Hama"


def test_no_place_from_a_destination_or_a_time_zone(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "The suspect was later handed over to U.S. troops."
    assert event_place_of(nlp, resolver, text, "handed") is None
    text = "At 5:10 a.m. (Kabul time) on Tuesday, the brigades launched a joint raid."
    assert event_place_of(nlp, resolver, text, "launched") is None


def test_a_site_another_verb_acts_on(nlp: Language, resolver: GeoResolver) -> None:
    text = "Two militants were shot dead on Sunday when soldiers raided their Hebron hideout."
    assert event_place_of(nlp, resolver, text, "shot") == "Hebron"


def test_a_place_named_after_a_word_for_its_parts(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("At least six people were hurt in the shelling in various parts of the disputed "
            "Jaffna region, officials said.")
    assert event_place_of(nlp, resolver, text, "hurt") == "Jaffna region"


def test_a_site_that_is_the_subject_of_the_event(nlp: Language, resolver: GeoResolver) -> None:
    text = "The old Lisbon opera house had burned down twice before the war."
    found = event_place_of(nlp, resolver, text, "burned")
    assert found is not None and "Lisbon" in found


def test_a_site_that_speaks_places_nothing(nlp: Language, resolver: GeoResolver) -> None:
    text = "The Lisbon embassy confirmed the staff were safe."
    assert event_place_of(nlp, resolver, text, "confirmed") is None


def test_a_place_in_the_gerund_that_tells_how(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The militia began its offensive by storming the towns of Kafr Nabl and Maarrat "
            "Misrin from the east, with support from artillery units.")
    assert event_place_of(nlp, resolver, text, "began") == "Kafr Nabl"
