"""Events told in what a source reports, places taken by verbs of taking ground
whatever the tagger calls them, lists of countries, Portuguese connectors, a great city's
suburbs, and more local wording of American stories."""

from __future__ import annotations

from geo_support import event_place_of, kinds
from spacy.language import Language

from sitrep.geo import GeoResolver
from sitrep.geo.cues import country_cues


def test_a_report_joined_to_a_placed_clause_places_what_it_reports(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Rival fans fought in Lyon on Saturday night, and police said four people were "
            "injured.")
    assert event_place_of(nlp, resolver, text, "injured") == "Lyon"


def test_a_report_with_its_place_in_front_places_what_it_reports(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "In Kandahar, police said gunmen shot two guards at a checkpoint."
    assert event_place_of(nlp, resolver, text, "shot") == "Kandahar"


def test_a_report_that_goes_on_with_adding(nlp: Language, resolver: GeoResolver) -> None:
    text = ("A car bomb exploded near the city of Kirkuk on Monday, an official said, adding "
            "that six people were killed.")
    found = event_place_of(nlp, resolver, text, "killed")
    assert found is not None and "Kirkuk" in found


def test_the_speakers_own_place_after_the_verb_does_not_place_the_report(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "The minister said in Geneva that twelve people were killed last week."
    assert event_place_of(nlp, resolver, text, "killed") is None


def test_a_report_does_not_place_another_report(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Police broke up a march in Lyon, organisers reported, but the city said it had no "
            "knowledge of arrests.")
    assert event_place_of(nlp, resolver, text, "had") is None


def test_a_town_taken_by_rebels_is_a_place_whatever_the_tagger_says(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Rebels captured Birao on Sunday after a week of fighting."  # Birao tagged ORG
    found = kinds(nlp, resolver, text)
    assert found.get("Birao", ("", ""))[1] == "CF"
    assert event_place_of(nlp, resolver, text, "captured") == "Birao"


def test_countries_in_a_list_are_not_contained_in_each_other(nlp: Language,
                                                             resolver: GeoResolver) -> None:
    text = "The ministers of Peru, China, Japan and Canada met on Friday."
    found = kinds(nlp, resolver, text)
    assert found["China"] == ("country", "CN")
    assert found["Japan"] == ("country", "JP")


def test_a_country_before_its_own_division_still_contains_it(nlp: Language,
                                                            resolver: GeoResolver) -> None:
    text = "Heavy rain flooded Kerala, India, on Tuesday."
    found = kinds(nlp, resolver, text)
    assert found["Kerala"] == ("admin1", "IN")


def test_portuguese_connectors_join_a_name(nlp: Language, resolver: GeoResolver) -> None:
    text = "Heavy rain fell in Rio Grande do Sul on Monday."
    found = kinds(nlp, resolver, text)
    assert found["Rio Grande do Sul"] == ("admin1", "BR")


def test_a_great_citys_suburb_names_the_city(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Jackson police said the driver lives in Pasadena, Texas, a Houston suburb, and was "
            "arrested in Jackson.")
    found = kinds(nlp, resolver, text)
    houston = [v for k, v in found.items() if k.startswith("Houston")]
    assert houston and houston[0][1] == "US"
    places = resolver.resolve(nlp(text))
    m = next(m for m in places.mentions if m.text.startswith("Houston"))
    assert m.place is not None and m.place.admin1 == "Texas"


def test_american_road_and_office_words_are_local_cues() -> None:
    text = "A westbound truck hit a cyclist outside the county medical center."
    assert country_cues(text).get("US", 0.0) >= 1.0


def test_the_storys_main_division_does_not_lend_a_countrys_name_to_a_town_there(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Health officials in Wisconsin counted new cases in Madison, Milwaukee and Green "
            "Bay. Abroad, Lebanon confirmed two cases and Jordan one.")
    found = kinds(nlp, resolver, text)
    assert found["Lebanon"] == ("country", "LB")


def test_a_site_in_an_of_phrase_of_a_locative_head(nlp: Language,
                                                   resolver: GeoResolver) -> None:
    text = "Gunmen shot a judge at the entrance of his Minsk office on Monday."
    assert event_place_of(nlp, resolver, text, "shot") == "Minsk"


def test_an_area_word_is_a_site_the_event_acts_on(nlp: Language,
                                                  resolver: GeoResolver) -> None:
    text = "Troops stormed the Kobani hill after heavy clashes with militants."
    assert event_place_of(nlp, resolver, text, "stormed") == "Kobani"


def test_the_site_a_relative_clause_tells_of(nlp: Language, resolver: GeoResolver) -> None:
    text = "The Dresden palace, which was bombed in 1945, was rebuilt after the war."
    assert event_place_of(nlp, resolver, text, "bombed") == "Dresden"
