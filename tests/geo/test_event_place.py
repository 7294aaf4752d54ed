"""Which of the places a sentence names is the event's own location."""

from __future__ import annotations

from geo_support import event_place_of
from spacy.language import Language

from sitrep.geo import GeoResolver


def test_place_of_a_reported_event_is_not_the_speech_place(nlp: Language,
                                                           resolver: GeoResolver) -> None:
    text = "The governor said that gunmen had attacked a police checkpoint in Kirkuk on Monday."
    assert event_place_of(nlp, resolver, text, "said") is None
    assert event_place_of(nlp, resolver, text, "attacked") == "Kirkuk"


def test_site_named_after_a_town_places_the_event(nlp: Language,
                                                  resolver: GeoResolver) -> None:
    text = "Armed men attacked a Mogadishu hotel on Friday, leaving nine people dead."
    assert event_place_of(nlp, resolver, text, "attacked") == "Mogadishu"


def test_country_of_an_official_is_not_a_site(nlp: Language, resolver: GeoResolver) -> None:
    text = "Three soldiers were wounded when the U.S. President visited the base."
    assert event_place_of(nlp, resolver, text, "wounded") is None


def test_village_is_finer_than_the_area_around_it(nlp: Language,
                                                  resolver: GeoResolver) -> None:
    text = "Militants stormed the village of Kafr Saghir in northeast Aleppo on Sunday."
    assert event_place_of(nlp, resolver, text, "stormed") == "village of Kafr Saghir"


def test_participle_clause_shares_the_main_event_place(nlp: Language,
                                                       resolver: GeoResolver) -> None:
    text = "Gunmen raided a market in Maiduguri on Tuesday, killing seven traders."
    assert event_place_of(nlp, resolver, text, "killing") == "Maiduguri"


def test_relative_clause_place_belongs_to_its_own_verb(nlp: Language,
                                                       resolver: GeoResolver) -> None:
    text = ("The minister condemned the bombing, which killed four people at a bus station "
            "in Kaduna.")
    assert event_place_of(nlp, resolver, text, "killed") == "Kaduna"


def test_unknown_name_taken_by_the_event_is_its_place(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = "Government troops stormed Tall Zaytoun on Friday after a week of shelling."
    assert event_place_of(nlp, resolver, text, "stormed") == "Tall Zaytoun"


def test_place_after_a_bearing_word_is_locative(nlp: Language, resolver: GeoResolver) -> None:
    text = "Two herders were shot dead on a farm north of Maiduguri, residents said."
    assert event_place_of(nlp, resolver, text, "shot") == "north of Maiduguri"


def test_destination_of_a_noun_is_not_the_event_place(nlp: Language,
                                                      resolver: GeoResolver) -> None:
    text = "The convoy was ambushed on Sunday while carrying food aid to Baghdad."
    assert event_place_of(nlp, resolver, text, "ambushed") is None
    text = "Thousands of families fled to Kirkuk after the fighting."
    assert event_place_of(nlp, resolver, text, "fled") == "Kirkuk"


def test_name_of_an_area_ends_an_unknown_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Rebels shelled the Tal Qurmuz area on Monday, killing three soldiers."
    assert event_place_of(nlp, resolver, text, "shelled") == "Tal Qurmuz"


def _location_for(nlp: Language, resolver: GeoResolver, text: str, word: str):  # type: ignore[no-untyped-def]
    places = resolver.resolve(nlp(text))
    assert places.doc is not None
    start = text.index(word)
    sent = next(s for s in places.doc.sents if s.start_char <= start < s.end_char)
    return places.location_for(start, start + len(word), sent.start_char, sent.end_char)


def test_preceding_sentence_gives_the_place(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Gunmen raided a cattle market in Maiduguri on Tuesday. Seven traders were killed "
            "and their stalls burned, witnesses said.")
    loc, span = _location_for(nlp, resolver, text, "killed")
    assert loc.name == "Maiduguri" and span.text == "Maiduguri"
    assert loc.note is not None and "preceding sentence" in loc.note


def test_main_place_fallback_is_coarser(nlp: Language, resolver: GeoResolver) -> None:
    text = ("Clashes were reported in Maiduguri on Monday.\n\n"
            "Later a convoy was ambushed, officials said.")
    loc, _ = _location_for(nlp, resolver, text, "ambushed")
    assert loc.name == "Maiduguri" and loc.precision == "admin2"
    assert loc.note is not None and "main place" in loc.note


def test_name_ended_by_an_area_word_is_one_place(nlp: Language, resolver: GeoResolver) -> None:
    # a lone "Roundabout" or "Sea" is no place of its own, whatever the gazetteer's other
    # names say: the whole name is the place
    text = "Heavy fighting continued near the Jandoul Roundabout on Tuesday."
    assert event_place_of(nlp, resolver, text, "continued") == "Jandoul Roundabout"
    text = "Two warships patrolled the Sulu Sea last week."
    assert event_place_of(nlp, resolver, text, "patrolled") == "Sulu Sea"


def test_area_name_tagged_as_a_group_is_a_place_only_for_its_event(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "The militants stormed the Hayyan Gas Fields on Monday."
    assert event_place_of(nlp, resolver, text, "stormed") == "Hayyan Gas Fields"
    text = "The Hayyan Gas Fields company said its profits fell."
    assert event_place_of(nlp, resolver, text, "fell") is None


def test_division_named_with_its_place_word_is_a_place(nlp: Language,
                                                       resolver: GeoResolver) -> None:
    # the tagger calls "Aleppo" a nationality here; "Governorate" makes the name a place
    text = "A convoy of tanks crossed the border and entered the Aleppo Governorate."
    assert event_place_of(nlp, resolver, text, "entered") == "Aleppo Governorate"


def test_name_after_a_compass_word_is_a_place(nlp: Language, resolver: GeoResolver) -> None:
    text = "Two clinics came under attack last week in eastern Ghouta, and most had to close."
    assert event_place_of(nlp, resolver, text, "came") == "Ghouta"


def test_place_inside_what_a_protest_is_about_is_not_its_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "Students protested against the bombing of bridges in Serbia on Monday."
    assert event_place_of(nlp, resolver, text, "protested") is None
    text = "Students protested in Sofia against the bombing of bridges in Serbia on Monday."
    assert event_place_of(nlp, resolver, text, "protested") == "Sofia"
    text = "The envoy condemned the massacre of villagers in Idlib on Tuesday."
    assert event_place_of(nlp, resolver, text, "condemned") is None


def test_whom_a_speaker_addressed_is_not_where(nlp: Language, resolver: GeoResolver) -> None:
    text = "The council urged Russia to halt the air raids at once."
    assert event_place_of(nlp, resolver, text, "urged") is None
    text = "The minister told reporters in Baghdad that the talks had failed."
    assert event_place_of(nlp, resolver, text, "told") == "Baghdad"


def test_target_of_a_launched_offensive_is_its_place(nlp: Language,
                                                     resolver: GeoResolver) -> None:
    text = ("The army launched an offensive in Hama province on Monday to capture the town "
            "of Kafr Zita.")
    assert event_place_of(nlp, resolver, text, "launched") == "town of Kafr Zita"
    text = "Warplanes launched fresh attacks on Aleppo for the third day."
    assert event_place_of(nlp, resolver, text, "launched") == "Aleppo"


def test_place_in_a_local_source_places_what_it_reports(nlp: Language,
                                                        resolver: GeoResolver) -> None:
    text = "A police officer in Ramadi said the blast killed four people."
    assert event_place_of(nlp, resolver, text, "killed") == "Ramadi"
    text = "Washington said the strike killed four militants."
    assert event_place_of(nlp, resolver, text, "killed") is None


def test_site_words_name_the_place_of_their_town(nlp: Language,
                                                 resolver: GeoResolver) -> None:
    text = "Soldiers patrolled the Tororo railway yard through the night."
    assert event_place_of(nlp, resolver, text, "patrolled") == "Tororo"


def test_unknown_district_tagged_as_a_group_is_the_target(nlp: Language,
                                                          resolver: GeoResolver) -> None:
    text = ("The army advanced inside Aleppo on Thursday, targeting the Al-Zahraa Suburb "
            "that rebels had held for a year.")
    assert event_place_of(nlp, resolver, text, "targeting") == "Al-Zahraa Suburb"


def test_place_entity_the_gazetteer_knows_in_pieces_is_one_place(
        nlp: Language, resolver: GeoResolver) -> None:
    text = "A truck bomb exploded at the Marriott Hotel on Saturday evening."
    assert event_place_of(nlp, resolver, text, "exploded") == "Marriott Hotel"


def test_islamic_state_of_iraq_is_not_a_state(nlp: Language, resolver: GeoResolver) -> None:
    places = resolver.resolve(nlp("Fighters of the Islamic State of Iraq and Al-Sham "
                                  "attacked an army post."))
    assert all(not m.text.startswith("State of") for m in places.mentions)
