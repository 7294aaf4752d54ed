"""Datelines, names the tagger mistakes for people, demonyms as weak focus evidence."""

from __future__ import annotations

from spacy.language import Language

from sitrep.extract.dateline import find_dateline
from sitrep.geo import ArticlePlaces, Gazetteer, GeoResolver
from sitrep.record import Location, Span


def _places(nlp: Language, resolver: GeoResolver, text: str) -> ArticlePlaces:
    dateline = find_dateline(text)
    return resolver.resolve(nlp(text), dateline.place if dateline else None)


def _loc_for(places: ArticlePlaces, text: str, word: str) -> tuple[Location, Span]:
    assert places.doc is not None
    start = text.index(word)
    sent = next(s for s in places.doc.sents if s.start_char <= start < s.end_char)
    found = places.location_for(start, start + len(word), sent.start_char, sent.end_char)
    assert found is not None
    return found


def test_near_place_beats_demonym_focus(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Insurgents raided a police post near Gao late on Friday, leaving three officers "
            "dead, a security source said.\n\nThe city fell to armed groups in 2012 until "
            "French soldiers drove them out the following year.")
    places = _places(nlp, resolver, text)
    assert places.focus_country == "ML"
    loc, span = _loc_for(places, text, "raided")
    assert (loc.name, loc.country_code, loc.precision) == ("Gao", "ML", "city")
    assert span.text == "Gao"


def test_demonyms_alone_still_give_a_focus(nlp: Language, resolver: GeoResolver) -> None:
    text = "Sudanese soldiers clashed with fighters on Monday, an officer said."
    assert _places(nlp, resolver, text).focus_country == "SD"


def test_demonyms_do_not_outvote_a_named_place(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Gunmen shot dead two traders in Mopti on Sunday. French, French and French "
            "officials condemned it, as did French diplomats.")
    assert _places(nlp, resolver, text).focus_country == "ML"


def test_sentence_place_beats_dateline(nlp: Language, resolver: GeoResolver) -> None:
    text = ("KHARTOUM, Sudan (wire) - Shelling of a crowded market in Omdurman killed at least "
            "nine people on Saturday, medics said.")
    places = _places(nlp, resolver, text)
    loc, span = _loc_for(places, text, "killed")
    assert (loc.name, loc.precision) == ("Omdurman", "city") and span.text == "Omdurman"
    assert places.dateline is not None and places.dateline.place is not None
    assert places.dateline.place.name == "Khartoum"


def test_near_place_beats_dateline(nlp: Language, resolver: GeoResolver) -> None:
    text = ("BAMAKO, Mali (wire) - Armed men burned a hamlet near Mopti overnight and killed "
            "six herders, a local official said.")
    loc, _ = _loc_for(_places(nlp, resolver, text), text, "burned")
    assert (loc.name, loc.country_code, loc.precision) == ("Mopti", "ML", "city")


def test_from_place_beats_dateline(nlp: Language, resolver: GeoResolver) -> None:
    text = ("GUSAU, Nigeria (wire) - Bandits kidnapped 14 farmers from Tsafe in Zamfara state "
            "on Wednesday, residents said.")
    loc, span = _loc_for(_places(nlp, resolver, text), text, "kidnapped")
    assert (loc.name, loc.country_code) == ("Tsafe", "NG")
    assert span.text == "Tsafe"


def test_dateline_city_not_country(nlp: Language, resolver: GeoResolver) -> None:
    text = ("GAO, Mali (wire) - Two Malian gendarmes died when a mine exploded under their "
            "truck near Gao, the army said.")
    loc, _ = _loc_for(_places(nlp, resolver, text), text, "exploded")
    assert (loc.name, loc.country_code, loc.precision) == ("Gao", "ML", "city")


def test_dateline_used_when_sentence_names_no_place(nlp: Language,
                                                    resolver: GeoResolver) -> None:
    text = ("GAO, Mali (wire) - Two Malian gendarmes died when a mine exploded under their "
            "truck, the army said.")
    loc, span = _loc_for(_places(nlp, resolver, text), text, "exploded")
    assert (loc.name, loc.precision) == ("Gao", "city")
    assert span.text == "GAO, Mali"
    assert loc.note is not None and "dateline" in loc.note


def test_person_near_preposition_is_not_a_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "The minister met Jackson at the palace and later spoke with Paris Hilton."
    places = _places(nlp, resolver, text)
    assert not any(m.text in ("Jackson", "Paris") for m in places.mentions)


def test_country_points_are_conventional(gaz: Gazetteer) -> None:
    # the mean of the countryinfo point and the main landmass centroid: near the usual label
    us = gaz.country("US")
    assert us is not None and 38.0 < us.lat < 40.5 and -100.0 < us.lon < -97.0  # type: ignore[operator]
    mali = gaz.country("ML")
    assert mali is not None and abs(mali.lat - 17.0) < 2 and abs(mali.lon + 3.0) < 2  # type: ignore[operator]
    indonesia = gaz.country("ID")  # an archipelago keeps the countryinfo point
    assert indonesia is not None and (indonesia.lat, indonesia.lon) == (-5.0, 120.0)


def _event_place(places: ArticlePlaces, text: str, word: str) -> str | None:
    start = text.index(word)
    m = places.event_place(start, start + len(word), 0, len(text))
    return m.text if m is not None else None


def test_object_of_the_event_word_beats_a_wider_area(nlp: Language,
                                                     resolver: GeoResolver) -> None:
    text = ("Rebels opened a new front in southern Idlib on Sunday, shelling the village of "
            "Kafr Barqa with rockets.")
    places = _places(nlp, resolver, text)
    assert _event_place(places, text, "shelling") == "village of Kafr Barqa"


def test_unknown_town_beats_its_province(nlp: Language, resolver: GeoResolver) -> None:
    text = "A teacher was shot dead in the town of Kafr Barqa in northern Idlib on Monday."
    places = _places(nlp, resolver, text)
    assert _event_place(places, text, "shot") == "town of Kafr Barqa"


def test_country_as_subject_is_not_the_location(nlp: Language, resolver: GeoResolver) -> None:
    text = "Jordan arrested four suspects on Tuesday, a spokesman said."
    places = _places(nlp, resolver, text)
    assert _event_place(places, text, "arrested") is None


def test_untagged_name_after_place_preposition(nlp: Language, resolver: GeoResolver) -> None:
    text = "A car bomb exploded inside Kafr Barqa late on Thursday, activists said."
    places = _places(nlp, resolver, text)
    assert _event_place(places, text, "exploded") == "Kafr Barqa"


def test_place_qualifying_a_noun_is_not_locative(nlp: Language, resolver: GeoResolver) -> None:
    text = "The captured fighters were handed over to Iraqi and U.S. forces on Friday."
    places = _places(nlp, resolver, text)
    assert _event_place(places, text, "handed") is None


def _place_of(places: ArticlePlaces, text: str) -> tuple[str, str | None, str] | None:
    for m in places.mentions:
        if m.text == text and m.place is not None:
            return m.place.name, m.place.country_code, m.place.kind
    return None


def test_state_after_comma_is_the_state(nlp: Language, resolver: GeoResolver) -> None:
    text = "A bakery in Tacoma, Washington reopened on Monday after the storm."
    places = _places(nlp, resolver, text)
    assert _place_of(places, "Washington") == ("Washington", "US", "admin1")
    tacoma = _place_of(places, "Tacoma")
    assert tacoma is not None and tacoma[:2] == ("Tacoma", "US")


def test_county_in_the_name_asks_for_a_county(nlp: Language, resolver: GeoResolver) -> None:
    text = "Voters in Orange County backed the measure, and so did Greek voters abroad."
    places = _places(nlp, resolver, text)
    found = _place_of(places, "Orange County")
    assert found is not None and found[1:] == ("US", "admin2")


def test_division_beats_namesake_country(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Lawmakers in Alabama rejected early voting on Tuesday. Neighbouring Georgia "
            "allows it, and turnout there rose.")
    places = _places(nlp, resolver, text)
    assert _place_of(places, "Georgia") == ("Georgia", "US", "admin1")
