"""Lists of divisions: several little-known odd members of a list whose majority lies in one
country, a town's name among first-level divisions, names joined by commas that the parse
does not coordinate, and divisions listed with commas that are not each other's containers."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_two_odd_provinces_join_the_list(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The US agency listed cases in Texas, Ohio and Florida, and in Saskatchewan, "
            "Alberta, Manitoba, Ontario and New Brunswick.")
    found = resolved(nlp, resolver, text, "kind", "country_code")
    assert found["Ontario"] == ("admin1", "CA")
    assert found["New Brunswick"] == ("admin1", "CA")


def test_a_town_name_among_states_is_the_state(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The recall covers stores in Idaho, Montana, Oregon, Washington and Wyoming, "
            "the company said.")
    found = resolved(nlp, resolver, text, "kind", "name")
    assert found["Washington"] == ("admin1", "Washington")


def test_a_division_is_no_container_by_another_place_s_other_name(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Sales were halted in Arizona, California, Colorado, Georgia, Illinois, Missouri, "
            "New Jersey and Ohio.")
    found = resolved(nlp, resolver, text, "kind", "name")
    assert found["Illinois"] == ("admin1", "Illinois")


def test_well_known_cities_abroad_keep_their_country(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("The band will play in New York, Boston, Chicago, London and Paris this summer.")
    found = resolved(nlp, resolver, text, "country_code")
    assert found["London"] == ("GB",)
    assert found["Paris"] == ("FR",)
