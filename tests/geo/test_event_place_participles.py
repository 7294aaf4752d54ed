"""A participle that goes on from its main clause ("launched an offensive in the X
countryside, striking Y") takes the place of its own phrase where that place is as fine."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_participle_takes_the_finer_place_of_its_own_phrase(nlp: Language,
                                                            resolver: GeoResolver) -> None:
    text = ("The militia resumed its campaign in the Homs Governorate on Sunday, striking army "
            "defences at the farms located to the west of Talbiseh.")
    assert event_place_of(nlp, resolver, text, "striking") == "west of Talbiseh"


def test_place_of_a_clause_inside_the_participle_is_not_its_own(nlp: Language,
                                                                resolver: GeoResolver) -> None:
    text = ("Heavy fighting broke out in Jonglei State on Friday, leaving six dead after rebels "
            "attacked the village of Pibor.")
    assert event_place_of(nlp, resolver, text, "leaving") == "Jonglei State"
