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
