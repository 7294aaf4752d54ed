"""Reading names that begin with a word persons' and places' names share ("Abu"), names that a
toponym word begins whose inner words name another town ("Tal Al-Hasakah"), and unknown names
after "<area word> of" ("the western hills of X")."""

from __future__ import annotations

from geo_support import event_place_of, kinds
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_name_after_abu_is_read_whole(nlp: Language, resolver: GeoResolver) -> None:
    text = "Clashes broke out in the area of Abu Zaytun, a local official said."
    assert event_place_of(nlp, resolver, text, "broke") == "Abu Zaytun"


def test_a_person_after_abu_gives_no_place(nlp: Language, resolver: GeoResolver) -> None:
    places = resolver.resolve(nlp("Abu Omar al-Masri spoke to reporters on Monday."))
    assert places.mentions == []


def test_a_hill_named_after_a_town_is_its_own_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Government troops stormed the southern slope of Tal Al-Hasakah on Tuesday."
    assert event_place_of(nlp, resolver, text, "stormed") == "Tal Al-Hasakah"


def test_an_unknown_name_after_an_area_word_and_of(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Rebels shelled the western hills of Jabal Al-Raqqa overnight."
    assert event_place_of(nlp, resolver, text, "shelled") == "Jabal Al-Raqqa"


def test_an_english_lake_keeps_its_inner_name(nlp: Language, resolver: GeoResolver) -> None:
    # a lake the gazetteer lacks: its inner name is a place; one it holds is found whole
    places = resolver.resolve(nlp("Three fishermen drowned in Lake Nipissing on Sunday."))
    assert "Lake Nipissing" not in [m.text for m in places.mentions]
    assert "Nipissing" in [m.text for m in places.mentions]
    assert "Lake" not in [m.text for m in places.mentions]  # alone, no place (not Lake County)
    places = resolver.resolve(nlp("Three fishermen drowned in Lake Ontario on Sunday."))
    assert [m.text for m in places.mentions] == ["Lake Ontario"]


def test_a_name_a_toponym_word_begins_after_a_preposition(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Rockets fired on Kafr Al-Zuhur wounded three farmers, the group said."
    assert event_place_of(nlp, resolver, text, "wounded") == "Kafr Al-Zuhur"


def test_area_alone_names_no_place(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Students studied turtle nesting within the Pointe Moule Environmental Protection "
            "Area last month.")
    found = kinds(nlp, resolver, text)
    assert "Area" not in found  # not Mundelein, Illinois, once called Area


def test_court_alone_names_no_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "The two men admitted the theft at Harrow Crown Court on Monday."
    found = kinds(nlp, resolver, text)
    assert "Court" not in found  # not Court, Switzerland
