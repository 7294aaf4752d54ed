"""Mention recognition and candidate ranking beyond the first gazetteer match."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def _places(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, tuple[str, ...]]:
    return resolved(nlp, resolver, text, "name", "country_code")


def test_abbreviations_and_name_initial_directions(nlp: Language,
                                                   resolver: GeoResolver) -> None:
    found = _places(nlp, resolver, "Storms hit West Virginia and the U.S. Gulf coast on Monday.")
    assert found["West Virginia"] == ("West Virginia", "US")
    assert found["U.S."] == ("United States", "US")
    found = _places(nlp, resolver, "A fire destroyed a barn near Athens, Ga., on Sunday.")
    assert found["Ga."] == ("Georgia", "US")
    athens = resolver.gaz.lookup("Athens", "US")
    assert found["Athens"][1] == "US" and any(p.admin1 == "Georgia" for p in athens)


def test_region_of_the_article_outranks_a_namesake_country(nlp: Language,
                                                           resolver: GeoResolver) -> None:
    text = ("Officials in Atlanta and Savannah said the storm crossed Georgia overnight. "
            "Schools in Macon stayed closed.")
    found = _places(nlp, resolver, text)
    assert found["Georgia"] == ("Georgia", "US")


def test_generic_words_are_not_places(nlp: Language, resolver: GeoResolver) -> None:
    text = "The City Commissioner met the Market committee on Friday."
    found = _places(nlp, resolver, text)
    assert not {"City", "Market", "Commissioner"} & set(found)


def test_unknown_village_is_still_the_event_place(nlp: Language,
                                                  resolver: GeoResolver) -> None:
    text = "Gunmen stormed the village of Qarqashoun on Monday, killing four farmers."
    places = resolver.resolve(nlp(text))
    start = text.index("killing")
    m = places.event_place(start, start + len("killing"), 0, len(text))
    assert m is not None and "Qarqashoun" in m.text and m.place is None


def test_place_named_for_another_reason_is_not_the_event_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Yemen's largest party said it rejected the proposal."
    places = resolver.resolve(nlp(text))
    start = text.index("rejected")
    assert places.event_place(start, start + len("rejected"), 0, len(text)) is None


def test_listed_towns_after_a_locative(nlp: Language, resolver: GeoResolver) -> None:
    text = "Jets launched air strikes on the towns of Qabr Zawiyah and Tell Mardikh."
    places = resolver.resolve(nlp(text))
    start = text.index("launched")
    m = places.event_place(start, start + len("launched"), 0, len(text))
    assert m is not None and m.text in ("Qabr Zawiyah", "Tell Mardikh") and m.locative
    listed = {x.text: x for x in places.mentions}
    assert listed["Qabr Zawiyah"].cue == "list" and listed["Qabr Zawiyah"].locative
