""""the neighbourhoods of X" with one town's name names that town's parts, and "the
villages of A and B in Y" lie in Y, whichever city the article names most."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_the_neighbourhoods_of_a_city_are_its_parts(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Officials in Damascus said on Monday that in Damascus the army was on alert, as "
            "the last rebel-held neighborhoods of Homs fell.")
    found = resolved(nlp, resolver, text, "name")
    assert found["Homs"] == ("Homs",)


def test_listed_villages_lie_in_the_place_after_in(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Officials in Damascus said on Monday that in Damascus the army was on alert, after "
            "militants shelled the villages of Zarbaka and Tellmoud in Hama.")
    found = resolved(nlp, resolver, text, "admin1")
    assert found["Zarbaka"] == found["Hama"]
    assert found["Tellmoud"] == found["Hama"]
