"""Names that go on with "of (the)", short country names, generic divisions abroad,
well-known places the tagger mislabels, romanisation variants, lists after "cities of", and
the place of a toll told after an intervening clause."""

from __future__ import annotations

from geo_support import kinds
from spacy.language import Language

from sitrep.geo import Gazetteer, GeoResolver
from sitrep.geo.normalize import spelling_variant


def test_a_country_name_with_of_the_is_read_whole(nlp: Language, resolver: GeoResolver) -> None:
    text = "Health teams were sent to the Democratic Republic of the Congo after the floods."
    found = kinds(nlp, resolver, text)
    assert found["Democratic Republic of the Congo"] == ("country", "CD")


def test_a_short_country_name_takes_the_focus_country(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = ("Doctors in Kinshasa and Goma reported new cases in the Democratic Republic of "
            "Congo this week. Congo has asked for more vaccine.")
    found = kinds(nlp, resolver, text)
    assert found["Congo"] == ("country", "CD")


def test_a_lone_direction_word_is_not_a_region_abroad(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = "Two men were charged after a robbery in Kansas City, North."
    found = kinds(nlp, resolver, text)
    assert found.get("Kansas City") == ("city", "US")
    assert all(cc != "CM" for _, cc in found.values())


def test_a_division_abroad_that_nothing_else_points_to_is_the_focus_countrys(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("Cholera has killed 30 people in Kenya. Officials counted 12 deaths in North "
            "Eastern Province, and new cases in Kisumu and Nakuru.")
    found = kinds(nlp, resolver, text)
    assert found["North Eastern Province"][1] == "KE"


def test_a_well_known_division_abroad_keeps_its_country(nlp: Language,
                                                       resolver: GeoResolver) -> None:
    text = ("Floods hit Lahore and Multan in Pakistan, and the Indian state of Jammu and "
            "Kashmir reported landslides.")
    found = kinds(nlp, resolver, text)
    assert found.get("Lahore") == ("city", "PK")
    assert all(cc != "PK" for name, (_, cc) in found.items() if "Jammu" in name)


def test_a_direction_word_before_a_container(nlp: Language, resolver: GeoResolver) -> None:
    text = ("The DRC expelled thousands of migrants last month. Officials of the DRC said "
            "the Democratic Republic of Congo would close the border. The migrants now live "
            "around Mbanza Congo in northern Angola.")
    found = kinds(nlp, resolver, text)
    assert found["Mbanza Congo"] == ("city", "AO")


def test_a_well_known_city_that_the_tagger_mislabels(nlp: Language,
                                                     resolver: GeoResolver) -> None:
    text = ("Jets continued to launch heavy attacks on Aleppo for the ninth consecutive day, "
            "hitting the city with rockets.")
    found = kinds(nlp, resolver, text)
    assert [v for k, v in found.items() if k.startswith("Aleppo")] == [("city", "SY")]


def test_romanisation_variants_of_generic_words(gaz: Gazetteer) -> None:
    assert spelling_variant("sheikh miskin") == "shaykh miskin"
    assert spelling_variant("deir hafer") == "dayr hafer"
    assert spelling_variant("homs") is None
    found = gaz.lookup("Sheikh Miskin")
    assert found and found[0].country_code == "SY"


def test_a_name_that_begins_with_sheikh(nlp: Language, resolver: GeoResolver) -> None:
    text = "Rebels attacked the strategic city of Sheikh Miskin in the south on Friday."
    places = resolver.resolve(nlp(text))
    assert any("Sheikh Miskin" in m.text for m in places.mentions)


def test_the_cities_of_a_list(nlp: Language, resolver: GeoResolver) -> None:
    text = "Home sales fell in the Ohio cities of Newark, Heath and Pataskala this spring."
    found = kinds(nlp, resolver, text)
    assert found.get("Pataskala") == ("city", "US")
    assert found.get("Newark") == ("city", "US")


def test_a_lower_case_common_noun_is_no_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Warships from Britain and France are now patrolling the gulf."
    found = kinds(nlp, resolver, text)
    assert "gulf" not in found


def test_a_toll_told_after_an_intervening_clause(nlp: Language,
                                                 resolver: GeoResolver) -> None:
    text = ("A suicide bomber struck a Baghdad cafe overnight as customers watched a match on "
            "television, killing at least 12 people, officials said.")
    places = resolver.resolve(nlp(text))
    k = text.index("killing")
    m = places.event_place(k, k + len("killing"), 0, len(text))
    assert m is not None and m.text == "Baghdad"


def test_a_known_place_after_to_or_over_whatever_the_tagger_says(
        nlp: Language, resolver: GeoResolver) -> None:
    text = ("The army sent a large number of reinforcements to Al-Bab on Monday, and jets "
            "flew over Al-Bab all night.")
    found = kinds(nlp, resolver, text)
    assert found.get("Al-Bab") == ("city", "SY")


def test_a_persons_surname_after_to_is_no_place(nlp: Language,
                                                resolver: GeoResolver) -> None:
    text = ("Coach Mike Taylor said the team played well. Reporters talked to Taylor after "
            "the game in Boston.")
    found = kinds(nlp, resolver, text)
    assert "Taylor" not in found


def test_an_unknown_name_before_an_area_word_is_whole(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = ("A child was among nine people killed when a shell hit a pharmacy in the Ben "
            "Younis area of Benghazi.")
    places = resolver.resolve(nlp(text))
    k = text.index("hit")
    m = places.event_place(k, k + 3, 0, len(text))
    assert m is not None and "Ben Younis" in m.text


def test_a_settlement_names_a_place(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Troops near the Jewish settlement of Kfar Darom in southern Gaza fired at two "
            "men.")
    places = resolver.resolve(nlp(text))
    k = text.index("fired")
    m = places.event_place(k, k + 5, 0, len(text))
    assert m is not None and "Kfar Darom" in m.text


def test_a_name_found_only_without_its_place_word_needs_a_focus(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Hundreds of residents of Grants Town gathered on Saturday for the festival."
    found = kinds(nlp, resolver, text)
    assert all(cc != "US" for _, cc in found.values())


def test_a_name_before_its_place_word_inside_a_longer_name_needs_a_focus(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Grants Town MP Tom Rolle opened the Grants Town Centre for Learning on Saturday."
    found = kinds(nlp, resolver, text)
    assert all(cc != "US" for _, cc in found.values())


def test_a_town_s_own_hall_keeps_the_town(nlp: Language, resolver: GeoResolver) -> None:
    text = "Hundreds gathered at Sligo Town Hall on Saturday for the festival."
    found = kinds(nlp, resolver, text)
    assert ("city", "IE") in found.values()


def test_names_found_only_by_the_looser_key_are_noted(gaz: Gazetteer) -> None:
    assert gaz.lookup("Deir Ezzor")
    assert "Deir Ezzor" in gaz.loosely
    assert gaz.lookup("Aleppo") and "Aleppo" not in gaz.loosely
