"""A dateline the caller did not give ("CROSSVILLE — ..." at the start of a sentence) makes
its name a place and votes for the story's country with a dateline's weight; an abbreviated
first word whose full stop the tokenizer splits off ("ST. LOUIS", "Sault Ste. Marie") keeps
the name whole."""

from __future__ import annotations

from geo_support import resolved
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_a_dateline_in_capitals_before_a_dash_is_a_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Bridge repairs to start. MORGANTON — Crews will close the old bridge for repairs "
            "next week, officials said.")
    found = resolved(nlp, resolver, text, "name", "country_code")
    assert found.get("MORGANTON") == ("Morganton", "US")


def test_a_dateline_decides_the_story_country(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Driver hurt in crash. MIDDLETOWN — A local man was hurt on Monday when his van hit "
            "a pole. He was taken to a clinic in Berlin, and Berlin police are looking into "
            "the crash.")
    places = resolver.resolve(nlp(text))
    assert places.focus_country == "US"


def test_capitals_that_go_on_are_no_dateline(nlp: Language, resolver: GeoResolver) -> None:
    text = "Board meets. ISLE OF PALMS — The board met on Monday to talk about parking."
    found = resolved(nlp, resolver, text, "name")
    assert "ISLE" not in found


def test_an_abbreviated_first_word_split_off_keeps_the_name(
        nlp: Language, resolver: GeoResolver) -> None:
    tokens = [t.text for t in nlp("ST. PARIS — The village board met.")]
    assert tokens[:3] == ["ST", ".", "PARIS"]  # the tokenizer splits the stop off
    text = "School news. ST. PARIS — The village board met on Monday night."
    found = resolved(nlp, resolver, text, "name", "country_code")
    assert found["ST. PARIS"] == ("Saint Paris", "US")
    text = "He grew up in Sault Ste. Marie, Ontario, before moving south."
    found = resolved(nlp, resolver, text, "name", "country_code")
    assert found["Sault Ste. Marie"] == ("Sault Ste. Marie", "CA")
    assert found["Ontario"] == ("Ontario", "CA")


def test_a_dateline_with_its_agency_names_the_town(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("NEW YORK (AP) — Police in Brooklyn said on Monday that a man was hurt in a fall. "
            "The New York Post said he was a tourist.")
    found = resolved(nlp, resolver, text, "name", "kind")
    assert found["NEW YORK"] == ("New York City", "city")
