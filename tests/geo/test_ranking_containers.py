"""Division names in organisation names, "the state of X", possessive containers,
", the X" clauses, great cities named like their division, mistagged names after "on"/"in",
and the place of an adverbial participle."""

from __future__ import annotations

from geo_support import event_place_of, kinds
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_county_inside_an_organisation_name_links_its_towns(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("The City of Paris backs a new tree planting plan. Funds go to the Edgar County "
            "Community Foundation, which will plant oaks along the main street of Paris.")
    places = resolver.resolve(nlp(text))
    assert places.focus_country == "US"
    paris = [m.place for m in places.mentions if m.text.endswith("Paris") and m.place]
    assert paris and all(p.country_code == "US" and p.admin1 == "Illinois" for p in paris)


def test_the_state_of_a_name_asks_for_the_state(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The choir of Bondi sang in Sydney and Perth. The group is registered with the "
            "State of Ohio as a charity.")
    found = kinds(nlp, resolver, text)
    assert found["State of Ohio"] == ("admin1", "US")


def test_a_comma_and_the_start_a_clause_not_a_container(nlp: Language,
                                                        resolver: GeoResolver) -> None:
    text = "During the push to retake Sirte, the US gave air support to the coalition."
    found = kinds(nlp, resolver, text)
    assert found["Sirte"] == ("city", "LY")


def test_a_place_after_a_possessive_lies_in_it(nlp: Language, resolver: GeoResolver) -> None:
    text = "Gunmen attacked a checkpoint in Baghdad's Sadr City on Monday."
    places = resolver.resolve(nlp(text))
    sadr = [m for m in places.mentions if m.text == "Sadr City"]
    assert sadr and sadr[0].place is not None and sadr[0].cue == "contained"
    assert sadr[0].place.country_code == "IQ"


def test_a_great_city_goes_by_its_state_name(nlp: Language, resolver: GeoResolver) -> None:
    text = "The firm has offices in Los Angeles, Miami, New York, and Detroit."
    found = kinds(nlp, resolver, text)
    assert found["New York"] == ("city", "US")


def test_a_known_place_mistagged_after_on_is_a_place(nlp: Language,
                                                     resolver: GeoResolver) -> None:
    places = resolver.resolve(nlp("Warplanes stepped up their attacks on Aleppo overnight."))
    aleppo = [m for m in places.mentions if m.text == "Aleppo"]
    assert aleppo and aleppo[0].place is not None and aleppo[0].place.country_code == "SY"


def test_a_named_territory_abroad_is_kept(nlp: Language, resolver: GeoResolver) -> None:
    text = "Soldiers shot a man near the fence between the Gaza Strip and Israel."
    found = kinds(nlp, resolver, text)
    assert found.get("Gaza Strip") == ("admin1", "PS")


def test_a_toll_participle_takes_the_main_clause_place(nlp: Language,
                                                       resolver: GeoResolver) -> None:
    text = "A car bomb destroyed a crowded Baghdad restaurant on Friday, killing nine people."
    places = resolver.resolve(nlp(text))
    k = text.index("killing")
    m = places.event_place(k, k + len("killing"), 0, len(text))
    assert m is not None and "Baghdad" in m.text


def test_a_district_of_a_city_named_with_a_possessive(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = "Gunmen shot a trader near his shop in Mogadishu's Wadajir district on Sunday."
    places = resolver.resolve(nlp(text))
    district = [m for m in places.mentions if m.text.endswith("district")]
    assert district and district[0].cue == "contained"
    assert district[0].place is not None and district[0].place.name == "Mogadishu"
    assert event_place_of(nlp, resolver, text, "shot") == district[0].text


def test_where_a_force_came_from_is_not_the_event_place(nlp: Language,
                                                         resolver: GeoResolver) -> None:
    text = "A peacekeeping force from Fiji is patrolling the capital."
    assert event_place_of(nlp, resolver, text, "patrolling") is None


def test_a_ward_is_a_place_word(nlp: Language, resolver: GeoResolver) -> None:
    text = "Four people were injured in a clash at Gidan Kwano Ward in Bosso LGA of Niger State."
    assert event_place_of(nlp, resolver, text, "injured") == "Gidan Kwano Ward"
