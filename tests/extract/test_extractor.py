"""The extractor end to end on one parsed article: detection, typing, actors, PLOVER."""

from __future__ import annotations

from datetime import date

from sitrep.extract.extractor import EventExtractor
from sitrep.record import Article, EventRecord


def _extract(nlp, text: str) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    article = Article(text=text, published=date(2024, 3, 12))
    return EventExtractor().extract(nlp(text), article)


def test_arrest_without_agent_is_by_state_forces(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "In Kenya, forty people were arrested in Nairobi on Monday.")
    assert [r.sub_event_type for r in records] == ["Arrests"]
    assert records[0].actor1 is not None and records[0].actor1.type == "state forces"
    assert records[0].plover_type == "COERCE"


def test_bare_reference_to_an_attack_is_not_a_new_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _extract(nlp, "The attack was widely condemned by religious leaders.") == []


def test_two_events_in_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Rebels shelled the town and abducted three aid workers.")
    assert [r.sub_event_type for r in records] == [
        "Shelling/artillery/missile attack", "Abduction/forced disappearance"]


def test_curfew_is_coerce_in_plover(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Authorities imposed a curfew on the city on Sunday.")
    assert [(r.sub_event_type, r.plover_type) for r in records] == [
        ("Change to group/activity", "COERCE")]


def test_aircraft_strike_on_civilians_is_an_air_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Government warplanes killed nine villagers in Darfur on Friday.")
    assert [r.sub_event_type for r in records] == ["Air/drone strike"]
    assert records[0].actor2 is not None and records[0].actor2.type == "civilians"


def test_damage_after_a_strike_joins_the_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Warplanes carried out an air strike on a market in the town on Tuesday, killing "
            "four people. Several shops nearby were destroyed.")
    records = _extract(nlp, text)
    assert [r.sub_event_type for r in records] == ["Air/drone strike"]
    assert len(records[0].evidence.sentences) == 2


def test_responsibility_names_the_perpetrator(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Al Shabaab said its fighters were responsible for the bombing.")
    assert records and records[0].actor1 is not None
    assert records[0].actor1.name == "Al Shabaab"


def test_roads_blocked_by_fighters_are_no_protest() -> None:
    import sitrep

    events = sitrep.extract("Islamic State fighters blocked the main road into the town on "
                            "Monday, residents said.", published="2024-02-07")
    assert all(e.event_type != "Protests" for e in events)


def test_a_neighbourhood_name_is_not_an_actor() -> None:
    import sitrep

    events = sitrep.extract("Three shepherds were killed in air strikes on Sunday in the Zahra "
                            "neighborhood of western Mosul.", published="2024-02-07")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.actor1 is None or e.actor1.name != "Zahra" for e in strikes)


def test_a_hedged_mention_keeps_the_linked_event_hedged() -> None:
    import sitrep

    text = ("The rights office said militants carried out killings in the town. "
            "Militants allegedly killed 12 men in the town on Friday, the rights office said.")
    events = sitrep.extract(text, published="2024-02-07")
    killings = [e for e in events if e.fatalities is not None and e.fatalities.best == 12]
    assert killings and all(e.attribution is not None and e.attribution.hedged
                            for e in killings)


def test_police_response_upgrades_the_protest_it_met() -> None:
    import sitrep

    text = ("Hundreds of nurses protested outside the health ministry in Nairobi on Monday. "
            "Police fired tear gas to disperse the crowd.")
    events = sitrep.extract(text, published="2024-02-07")
    protests = [e for e in events if e.event_type == "Protests"]
    assert len(protests) == 1
    protest = protests[0]
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.actor2 is not None and protest.actor2.type == "state forces"
    assert len(protest.evidence.sentences) == 2


def test_a_base_established_with_words_between() -> None:
    import sitrep

    events = sitrep.extract("Turkish troops established a new base near Saraqib on Saturday.",
                            published="2020-02-10")
    assert [e.sub_event_type for e in events] == ["Headquarters or base established"]


def test_page_stamps_do_not_date_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Posted: Monday, March 11, 2024 9:02 AM Updated: Friday, April 12, 2024 4:40 PM\n\n"
            "Gunmen killed two guards at a warehouse on Sunday night, police said.")
    records = _extract(nlp, text)
    assert [r.event_date for r in records] == ["2024-03-10"]


def test_without_publication_date_relative_dates_use_the_texts_latest_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("On June 2, 2021, gunmen killed four herders near the river. "
            "On Tuesday, soldiers arrested two suspects in the village.")
    records = EventExtractor().extract(nlp(text), Article(text=text))
    by_type = {r.sub_event_type: r for r in records}
    assert by_type["Attack"].event_date == "2021-06-02"
    assert not by_type["Attack"].date_inferred
    arrest = by_type["Arrests"]
    assert (arrest.event_date, arrest.date_inferred) == ("2021-06-01", True)
    assert "2021-06-02" in arrest.notes[0]


def test_without_any_full_date_the_year_stays_unknown(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen killed four herders on Tuesday, police said."
    records = EventExtractor().extract(nlp(text), Article(text=text))
    assert [r.event_date for r in records] == [None]


def test_a_specific_shooting_with_no_actor_is_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("The sheriff's office confirmed an accidental shooting near the lake.",
                 "Deputies responded to a shooting at Pine Ridge Park on Sunday night.",
                 "A fatal stabbing is under investigation."):
        assert [r.sub_event_type for r in _extract(nlp, text)] == ["Attack"], text


def test_a_plain_reference_to_a_shooting_stays_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _extract(nlp, "The shooting remains under investigation.") == []


def test_records_carry_associated_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.schema import validate_event

    records = _extract(nlp, "Officials in the northern state said on Tuesday that Nigerian "
                            "troops, backed by Chadian soldiers, attacked Boko Haram and ISWAP "
                            "fighters near Maiduguri.")
    assert len(records) == 1
    rec = records[0]
    assert rec.actor1 is not None and rec.actor1.name == "Military Forces of Nigeria"
    assert [a.name for a in rec.assoc_actor1] == ["Military Forces of Chad"]
    assert rec.actor2 is not None and rec.actor2.name.startswith("Boko Haram")
    assert [a.name for a in rec.assoc_actor2] == ["Islamic State West Africa Province"]
    validate_event(rec.to_dict())


def test_a_side_inferred_from_elsewhere_has_no_associates(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Fighting between the army and Boko Haram continued in the north. "
                            "A bomb exploded at a market in Maiduguri on Monday, killing four.")
    bomb = [r for r in records if "bomb" in r.evidence.sentences[0].text]
    assert bomb and all(r.assoc_actor1 == [] for r in bomb)


def test_deaths_told_apart_add_up_in_the_record(nlp) -> None:  # type: ignore[no-untyped-def]
    # two single deaths of people with different names, in one sentence and the next
    records = _extract(nlp, "Gunmen opened fire on a minibus in Dunmore on Sunday. Ilse Varga "
                       "died at the scene. Tomas died at a nearby clinic.")
    assert [r.fatalities.best for r in records if r.fatalities] == [2]


def test_one_death_told_twice_stays_one(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _extract(nlp, "Gunmen opened fire on a minibus in Dunmore on Sunday. Ilse Varga "
                       "died at the scene. Varga died before help arrived.")
    assert [r.fatalities.best for r in records if r.fatalities] == [1]


def test_a_line_between_paragraphs_tells_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # a link to another story, set on a line of its own, names no event of the article's
    text = ("Four people were shot on Mermaid Avenue on Sunday.\n\nMan charged with murder in "
            "shooting of teen sitter\n\nPolice recovered a weapon near the scene.")
    records = EventExtractor().extract(nlp(text), Article(text=text,
                                                          published=date(2024, 6, 3)))
    told = [r.evidence.sentences[0].text.strip() for r in records]
    assert not any(t.startswith("Man charged") for t in told)
    first = records[0]
    assert first.fatalities is None and first.injuries is not None
    assert first.injuries.best == 4


def test_a_line_that_repeats_the_headline_is_read(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("1:05 Watch the council meeting\n\nTwo men were shot outside a bar in Elmwood\n\n"
            "Deputies were called to the bar on Route 4.")
    article = Article(title="Sheriff: Two men were shot outside a bar in Elmwood", text=text,
                      published=date(2024, 6, 3))
    records = EventExtractor().extract(nlp(text), article)
    assert any(r.evidence.sentences[0].text.startswith("Two men were shot") for r in records)
