from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.geo import ArticlePlaces, Gazetteer, GeoResolver
from sitrep.record import Span


def _resolve(nlp: Language, resolver: GeoResolver, text: str,
             dateline: Span | None = None) -> ArticlePlaces:
    return resolver.resolve(nlp(text), dateline)


def _loc_for(places: ArticlePlaces, text: str, word: str):  # type: ignore[no-untyped-def]
    assert places.doc is not None
    start = text.index(word)
    sent = next(s for s in places.doc.sents if s.start_char <= start < s.end_char)
    return places.location_for(start, start + len(word), sent.start_char, sent.end_char)


def test_neighbourhood_missing_falls_back_to_city(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Three shopkeepers were wounded by mortar fire on Sunday in the Tawfiq neighbourhood "
            "of western Mosul, residents said.")
    places = _resolve(nlp, resolver, text)
    loc, span = _loc_for(places, text, "wounded")
    assert (loc.name, loc.country_code, loc.precision) == ("Mosul", "IQ", "city")
    assert loc.note is not None and "Tawfiq" in loc.note
    assert span.text == "Tawfiq neighbourhood of western Mosul"
    assert text[span.start:span.end] == span.text
    assert loc.country == "Iraq" and loc.admin1 == "Nīnawá" and loc.geonameid == 99072


def test_known_neighbourhood_keeps_its_precision(nlp: Language,
                                                 gaz_copy: Gazetteer, tmp_path: Path) -> None:
    csv = tmp_path / "hoods.csv"
    csv.write_text("name,kind,country_code,lat,lon,admin1,parent,aliases\n"
                   "Tawfiq,neighbourhood,IQ,36.33,43.09,,Mosul,\n", encoding="utf-8")
    gaz_copy.import_csv(csv)
    text = "A sniper killed a boy in the Tawfiq neighbourhood of Mosul on Monday."
    places = GeoResolver(gaz_copy).resolve(nlp(text))
    loc, _ = _loc_for(places, text, "killed")
    assert (loc.name, loc.precision, loc.note) == ("Tawfiq", "neighbourhood", None)
    assert loc.lat == pytest.approx(36.33)


def test_containment_and_admin1(nlp: Language, resolver: GeoResolver) -> None:
    text = "Clashes broke out in Qayyarah, in Nineveh province, late on Thursday."
    places = _resolve(nlp, resolver, text)
    by_text = {m.text: m for m in places.mentions}
    assert by_text["Qayyarah"].place is not None
    assert by_text["Qayyarah"].place.admin1 == "Nīnawá"
    assert by_text["Nineveh province"].precision == "admin1"
    loc, span = _loc_for(places, text, "Clashes")
    assert span.text == "Qayyarah" and loc.precision == "city"


def test_direction_word_keeps_region_precision(nlp: Language, resolver: GeoResolver) -> None:
    text = "Gunmen ambushed a convoy in northern Iraq, police said."
    places = _resolve(nlp, resolver, text)
    loc, span = _loc_for(places, text, "ambushed")
    assert span.text == "northern Iraq"
    assert (loc.precision, loc.country_code, loc.name) == ("country", "IQ", "Iraq")


def test_distance_phrase_moves_the_point(nlp: Language, resolver: GeoResolver) -> None:
    text = "A roadside bomb exploded 40 km south of Kirkuk on Friday."
    places = _resolve(nlp, resolver, text)
    loc, span = _loc_for(places, text, "exploded")
    assert span.text == "40 km south of Kirkuk"
    kirkuk = resolver.gaz.lookup("Kirkuk")[0]
    assert kirkuk.lat is not None and loc.lat is not None
    assert kirkuk.lat - loc.lat == pytest.approx(40 / 111.2, abs=0.01)
    assert loc.precision == "admin2" and loc.note is not None and "40 km" in loc.note


def test_focus_country_picks_local_namesake(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Iraqi troops advanced on Mosul from Baghdad. Later, militants shelled Karama, "
            "a village held by the army.")
    places = _resolve(nlp, resolver, text)
    assert places.focus_country == "IQ"
    karama = [m for m in places.mentions if m.text == "Karama"]
    assert all(m.place is None or m.place.country_code == "IQ" for m in karama)


def test_no_false_positives(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Reuters reported on Monday that President Haider al-Abadi met Islamic State "
            "defectors in November, an Iraqi official said.")
    places = _resolve(nlp, resolver, text)
    assert places.mentions == []
    assert places.focus_country == "IQ"  # hinted by "Iraqi"


def test_dateline_is_used_when_sentence_names_no_place(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = "KIRKUK - Two policemen were shot dead at a checkpoint overnight, officials said."
    places = _resolve(nlp, resolver, text, Span(0, 6, "KIRKUK"))
    loc, span = _loc_for(places, text, "shot")
    assert (loc.name, loc.precision) == ("Kirkuk", "city")
    assert span == Span(0, 6, "KIRKUK")


def test_most_specific_nested_place_wins(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Air strikes hit the Zuhur neighbourhood of eastern Mosul in Iraq on Tuesday, "
            "killing five people.")
    places = _resolve(nlp, resolver, text)
    loc, _ = _loc_for(places, text, "strikes")
    assert loc.name == "Mosul" and loc.precision == "city"


def test_unknown_base_falls_back_with_note(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Mosul has been under siege for weeks. Fighters executed 20 men at the Qaswara "
            "military base, a monitor said.")
    places = _resolve(nlp, resolver, text)
    loc, _ = _loc_for(places, text, "executed")
    assert loc.name == "Mosul"
    assert loc.note is not None and "Qaswara military base not in gazetteer" in loc.note


def test_listed_neighbourhoods_go_to_context_city(nlp: Language,
                                                  resolver: GeoResolver) -> None:
    text = ("Troops entered eastern Mosul at dawn. They cleared the neighbourhoods of Zaytoun, "
            "Bakr and Andalus by noon.")
    places = _resolve(nlp, resolver, text)
    listed = [m for m in places.mentions if m.text in ("Zaytoun", "Bakr", "Andalus")]
    assert len(listed) == 3
    for m in listed:
        assert m.location is not None and m.location.name == "Mosul"
        assert m.precision == "city" or m.precision == "neighbourhood"


def test_resolution_is_fast(nlp: Language, resolver: GeoResolver) -> None:
    import time

    texts = ["Militants attacked a checkpoint near Tal Afar and shelled villages south of "
             f"Mosul in Nineveh province on day {i}, Iraqi officials said." for i in range(60)]
    docs = list(nlp.pipe(texts))
    t0 = time.perf_counter()
    for doc in docs:
        resolver.resolve(doc)
    per_doc = (time.perf_counter() - t0) / len(docs)
    assert per_doc < 0.005
