"""A lone word the article uses inside a person's full name is that person even where the
tagger calls it a place, unless a place preposition governs it or its state follows it."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_surname_alone_is_the_person(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Trade minister Anna Freeland flew to Ottawa on Monday. Freeland, U.S. Trade "
            "Representative Tom Berry and Mexican Economy Minister Luis Vega met for two hours.")
    doc = nlp(text)
    freeland = [e.label_ for e in doc.ents if e.text == "Freeland"]
    assert freeland == ["GPE"]  # the tagger calls the lone surname a place
    found = resolved(nlp, resolver, text, "name")
    assert "Freeland" not in found


def test_a_surname_with_its_state_stays_a_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Mayor Anna Freeland opened the fair. Visitors came from Saginaw and from as far "
            "as Freeland, Michigan.")
    found = resolved(nlp, resolver, text, "name")
    assert "Freeland" in found
