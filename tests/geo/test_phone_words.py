"""A phone number's letters ("555-CASH") name no place."""

from __future__ import annotations

from spacy.language import Language

from sitrep.geo import GeoResolver


def _placed(nlp: Language, resolver: GeoResolver, text: str) -> dict[str, str | None]:
    places = resolver.resolve(nlp(text))
    return {m.text: m.place.country_code for m in places.mentions if m.place is not None}


def test_a_phone_number_word_is_no_place(nlp: Language, resolver: GeoResolver) -> None:
    found = _placed(nlp, resolver, "Anyone with information should call Crime Stoppers at "
                                   "555-CASH.")
    assert "CASH" not in found
