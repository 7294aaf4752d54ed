"""A country named after "in" inside a group's name ("the Islamic State in Yemen") names who
acted, not where, even where the tagger ends the group's name before "in"."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_country_inside_a_group_name_is_not_the_event_place(nlp: Language,
                                                           resolver: GeoResolver) -> None:
    text = ("The raid came two days after a militant group, the Islamic State in Yemen, "
            "announced a new campaign of attacks.")
    assert event_place_of(nlp, resolver, text, "came") is None


def test_country_after_a_named_site_is_still_the_event_place(nlp: Language,
                                                             resolver: GeoResolver) -> None:
    text = "Gunmen attacked the Hilton Hotel in Kenya on Friday."
    assert event_place_of(nlp, resolver, text, "attacked") == "Kenya"
