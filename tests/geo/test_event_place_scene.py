"""Event places: the city a place noun is named by ("Syria's largest city, Aleppo"), a gerund
after a preposition that tells another clause's circumstance, a scene-setting opening phrase
before a finer place, a country inside an organisation's name and a source's place in an
"according to" phrase."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_the_city_named_after_a_countrys_place_noun(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Army units pressed their assault in Syria's second city, Aleppo."
    assert event_place_of(nlp, resolver, text, "pressed") == "Aleppo"
    places = resolver.resolve(nlp(text))
    country = next(m for m in places.mentions if m.text == "Syria")
    named = places._named_in_apposition(country)
    assert named is not None and named.text == "Aleppo"


def test_no_city_named_after_a_countrys_other_noun(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Army units pressed their assault on Syria's army, officials said."
    places = resolver.resolve(nlp(text))
    country = next(m for m in places.mentions if m.text == "Syria")
    assert places._named_in_apposition(country) is None


def test_a_gerund_after_a_preposition_takes_no_place_from_its_clause(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("The two brothers had settled in Basra where they hid for a year after "
            "quarrelling with the leader of their clan.")
    assert event_place_of(nlp, resolver, text, "quarrelling") is None


def test_a_gerund_keeps_a_place_of_its_own_phrase(nlp: Language, resolver: GeoResolver) -> None:
    text = "The militants fled after attacking a checkpoint in Baqubah."
    assert event_place_of(nlp, resolver, text, "attacking") == "Baqubah"


def test_a_finer_place_after_an_opening_phrase(nlp: Language, resolver: GeoResolver) -> None:
    text = ("In Anbar province, three policemen were killed when a bomb hit their patrol "
            "near Haditha, officials said.")
    assert event_place_of(nlp, resolver, text, "killed") == "Haditha"


def test_an_opening_phrase_without_a_finer_place_stands(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "In Anbar province, three policemen were killed on Sunday, officials said."
    assert event_place_of(nlp, resolver, text, "killed") == "Anbar province"


def test_a_country_inside_an_organisations_name(nlp: Language, resolver: GeoResolver) -> None:
    text = "Government troops shelled the Islamic State of Iraq and Al-Sham's positions overnight."
    assert event_place_of(nlp, resolver, text, "shelled") is None


def test_the_sources_place_in_an_according_to_phrase(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("According to a field commander in Hama, the army destroyed two rebel tanks "
            "on Friday.")
    assert event_place_of(nlp, resolver, text, "destroyed") is None
