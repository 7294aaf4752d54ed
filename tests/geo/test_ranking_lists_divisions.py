"""Lists of countries and states, division names against namesake towns, alternate names."""

from __future__ import annotations

from geo_support import kinds
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_list_of_countries_is_not_a_container(nlp: Language, resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "Ministers from France, Germany and Italy met on Tuesday.")
    assert found["France"] == ("country", "FR")
    assert found["Germany"] == ("country", "DE")
    found = kinds(nlp, resolver, "Troops were sent to Alaska, Hawaii and Guam last year.")
    assert found["Alaska"] == ("admin1", "US")


def test_a_town_with_its_country_is_still_contained(nlp: Language,
                                                    resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "A car bomb exploded in Mosul, Iraq, on Friday.")
    assert found["Mosul"] == ("city", "IQ")


def test_a_state_name_means_the_state(nlp: Language, resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "A federal judge in Wyoming halted the rule on Monday.")
    assert found["Wyoming"] == ("admin1", "US")


def test_a_capital_keeps_its_city_reading(nlp: Language, resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "The ambassador flew to Moscow and then to Hanoi.")
    assert found["Moscow"] == ("city", "RU")
    assert found["Hanoi"] == ("city", "VN")


def test_a_former_name_does_not_beat_a_town_so_called(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "The couple were found on a bench in Salisbury, England.")
    assert found["Salisbury"][1] == "GB"
    found = kinds(nlp, resolver, "Police closed a road in Salisbury on Sunday.")
    assert found["Salisbury"][1] != "ZW"


def test_names_that_begin_with_a_direction_or_demonym(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "Cases rose in New South Wales and Victoria, Australia.")
    assert found["New South Wales"] == ("admin1", "AU")
    found = kinds(nlp, resolver, "Health officials in British Columbia reported two cases.")
    assert found["British Columbia"] == ("admin1", "CA")


def test_a_division_below_many_namesake_towns(nlp: Language, resolver: GeoResolver) -> None:
    text = "Three cases in Western Australia, two in Victoria, one in South Australia."
    assert kinds(nlp, resolver, text)["Victoria"] == ("admin1", "AU")


def test_listed_provinces_lie_in_no_city(nlp: Language, resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "Shops opened in Shanghai and the provinces of Jiangsu and "
                                   "Zhejiang.")
    assert found["Zhejiang"] == ("admin1", "CN")


def test_the_state_town_of_x(nlp: Language, resolver: GeoResolver) -> None:
    found = kinds(nlp, resolver, "Gunmen attacked a store in the Texas town of Paris.")
    assert found["Texas town of Paris"] == ("city", "US")
