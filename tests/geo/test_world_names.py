"""World news: person names that are country names, containers abroad, territories, country
names said with or without "the", and the place words of local administrations."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import Gazetteer, GeoResolver
from sitrep.geo.normalize import article_variant


def _places(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, tuple[str, ...]]:
    return resolved(nlp, resolver, text, "name", "kind", "country_code", "admin1")


def test_a_first_name_does_not_make_the_focus(nlp: Language, resolver: GeoResolver) -> None:
    text = ("INNISFAIL - Ten-year-old Georgia Walters is lacing her skates again. Georgia "
            "trains in Red Deer and Innisfail every week. Georgia skated for Team Alberta "
            "last winter. Georgia says the rink in Innisfail is her favourite.")
    places = resolver.resolve(nlp(text))
    assert places.focus_country != "GE"
    found = {m.text: m.place for m in places.mentions if m.place is not None}
    assert found["Innisfail"].country_code == "CA"


def test_a_container_holds_what_it_contains(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Health officials in Jakarta said the samples were flown to a laboratory in "
            "Atlanta, Georgia for tests. Indonesia has reported new cases this week.")
    found = _places(nlp, resolver, text)
    assert found["Atlanta"][2:] == ("US", "Georgia")
    assert found["Georgia"][1:3] == ("admin1", "US")


def test_a_country_named_as_a_place_abroad_stays_the_country(nlp: Language,
                                                             resolver: GeoResolver) -> None:
    text = "Talks in Tbilisi ended on Monday. Georgia and Armenia signed the agreement."
    found = _places(nlp, resolver, text)
    assert found["Georgia"][1:3] == ("country", "GE")


def test_a_territory_is_the_territory(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The Guard team flew from Hawaii to Guam on Monday. Crews in Guam and Alaska "
            "trained for storms, officials in Florida said.")
    found = _places(nlp, resolver, text)
    assert found["Guam"][1:3] == ("country", "GU")


def test_of_the_and_of(gaz: Gazetteer) -> None:
    assert article_variant("democratic republic of congo") == "democratic republic of the congo"
    assert article_variant("republic of the congo") == "republic of congo"
    assert article_variant("gaza") is None
    found = gaz.lookup("Democratic Republic of Congo")
    assert found and found[0].country_code == "CD"


def test_local_administration_words(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Gunmen killed six people in Agatu local government area of Benue State on "
            "Sunday.")
    doc = nlp(text)
    places = resolver.resolve(doc)
    start = text.index("killed")
    m = places.event_place(start, start + len("killed"), 0, len(text))
    assert m is not None and m.text.startswith("Agatu")
    text = "Unknown assailants attacked a bus in Asosa zone, Benishangul-Gumuz, killing nine."
    places = resolver.resolve(nlp(text))
    start = text.index("attacked")
    m = places.event_place(start, start + len("attacked"), 0, len(text))
    assert m is not None and m.text.startswith("Asosa")
