"""Seas, gulfs, straits, lakes and rivers: in the default gazetteer (kind "water", placed at
the precision of the region they span) and found in text, so that events at sea are placed
there rather than at a namesake town or province."""

from __future__ import annotations

from pathlib import Path

from geo_support import event_place_of, kinds
from spacy.language import Language

from sitrep.geo import Gazetteer, GeoResolver
from sitrep.geo.model import PRECISION_OF_KIND


def test_the_default_gazetteer_holds_seas_and_rivers(gaz: Gazetteer) -> None:
    gulf = gaz.lookup("Gulf of Aden")[0]
    assert (gulf.kind, gulf.country_code, gulf.geonameid) == ("water", None, None)
    assert gaz.lookup("Bab al-Mandab")[0].name == "Bab el-Mandeb"  # an alias
    assert gaz.lookup("Yangtze River")[0].country_code == "CN"  # one country holds it all
    assert PRECISION_OF_KIND["water"] == "admin1"


def test_a_gulf_named_with_of_is_one_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Pirates boarded a chemical tanker in the Gulf of Aden on Sunday."
    assert event_place_of(nlp, resolver, text, "boarded") == "Gulf of Aden"
    assert kinds(nlp, resolver, text) == {"Gulf of Aden": ("water", "")}


def test_a_sea_whose_name_begins_with_a_common_word(nlp: Language,
                                                     resolver: GeoResolver) -> None:
    text = "A drone struck a cargo ship in the Red Sea on Tuesday."
    assert event_place_of(nlp, resolver, text, "struck") == "Red Sea"


def test_the_division_that_shares_a_seas_name_stays_a_division(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Clashes broke out in Red Sea state on Monday."
    assert kinds(nlp, resolver, text)["Red Sea state"] == ("admin1", "SD")


def test_a_lake_places_the_raid(nlp: Language, resolver: GeoResolver) -> None:
    text = "Insurgents raided a fishing camp on an island in Lake Chad."
    assert event_place_of(nlp, resolver, text, "raided") == "Lake Chad"


def test_a_direction_word_before_a_river_makes_a_region(nlp: Language,
                                                       resolver: GeoResolver) -> None:
    text = "Health officials in Ohio reported two cases of West Nile virus."
    assert "Nile" not in kinds(nlp, resolver, text)
    assert not any(k == ("water", "") for k in kinds(nlp, resolver, text).values())


def test_imported_geonames_seas_are_water(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    cols = ["990000101", "Khawr Test", "Khawr Test", "Test Inlet", "29.9", "48.6", "H", "BAY",
            "IQ", "", "", "", "", "", "0", "", "0", "Asia/Baghdad", "2024-01-01"]
    path = tmp_path / "IQ.txt"
    path.write_text("\t".join(cols) + "\n", encoding="utf-8")
    gaz_copy.import_file(path)
    bay = gaz_copy.lookup("Test Inlet")[0]
    assert (bay.kind, bay.geonameid, bay.parent_id) == ("water", 990000101, None)


def test_a_shared_sea_is_read_in_the_articles_country(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = ("Yemeni fishermen said a patrol boat fired on them in the Red Sea. The boats had "
            "left Hodeidah and Mocha in Yemen at dawn.")
    places = resolver.resolve(nlp(text))
    sea = next(m for m in places.mentions if m.text == "Red Sea")
    assert sea.place is not None and sea.place.country_code == "YE"
    assert sea.location is not None and sea.location.country == "Yemen"
    assert sea.location.note is not None and "borders several countries" in sea.location.note
    # a country on no shore of it leaves the sea without one
    text = "Officials in Kabul said a cargo ship was struck in the Red Sea."
    places = resolver.resolve(nlp(text))
    sea = next(m for m in places.mentions if m.text == "Red Sea")
    assert sea.place is not None and sea.place.country_code is None
