"""Linking the mentions of one event inside one article (records written by hand)."""

from __future__ import annotations

from sitrep.dedup.link import link_mentions
from sitrep.record import Actor, Count, EventRecord, Evidence, Location, Span

TEXT = ("Two people were killed in police firing in Vatva on Monday. "
        "In the old city one person died following stabbing near the market. "
        "There was tension in Himmatnagar after the violence in nearby Modasa, where two people "
        "were killed on Tuesday. "
        "Two people were killed in the firing, officials said.")


def _record(sentence: str, trigger: str, toll: int, actor1: Actor | None) -> EventRecord:
    start = TEXT.index(sentence)
    at = TEXT.index(trigger, start)
    return EventRecord(
        article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence(sentences=[Span(start, start + len(sentence), sentence)],
                          fields={"trigger": Span(at, at + len(trigger), trigger)}),
        event_date="2020-01-06", date_precision="day", date_inferred=True,
        actor1=actor1, fatalities=Count(toll, toll, toll, "people", str(toll)),
    )


POLICE = Actor(name="Police Forces of India", type="state forces", text="police")
FIRST = "Two people were killed in police firing in Vatva on Monday."


def test_death_by_another_cause_is_not_linked() -> None:
    stab = "In the old city one person died following stabbing near the market."
    first = _record(FIRST, "killed", 1, POLICE)
    merged = link_mentions([first, _record(stab, "died", 1, None)])
    assert len(merged) == 2
    assert merged[1].actor1 is None  # the police are not carried onto the stabbing


def test_death_at_a_place_of_its_own_is_not_linked() -> None:
    elsewhere = ("There was tension in Himmatnagar after the violence in nearby Modasa, where "
                 "two people were killed on Tuesday.")
    merged = link_mentions([_record(FIRST, "killed", 2, POLICE),
                            _record(elsewhere, "killed", 2, None)])
    assert len(merged) == 2
    assert merged[1].actor1 is None


def test_same_act_told_again_is_linked() -> None:
    again = "Two people were killed in the firing, officials said."
    merged = link_mentions([_record(FIRST, "killed", 2, POLICE),
                            _record(again, "killed", 2, None)])
    assert len(merged) == 1
    assert len(merged[0].evidence.sentences) == 2


def test_merged_mentions_keep_the_larger_injured_figure() -> None:
    again = "Two people were killed in the firing, officials said."
    first = _record(FIRST, "killed", 2, POLICE)
    first.injuries = Count(3, 3, 3, "people", "three")
    later = _record(again, "killed", 2, None)
    later.injuries = Count(4, 4, 4, "people", "four")
    merged = link_mentions([first, later])
    assert len(merged) == 1
    assert merged[0].injuries is not None and merged[0].injuries.best == 4


def test_merged_mentions_keep_every_associated_actor() -> None:
    again = "Two people were killed in the firing, officials said."
    home_guards = Actor(name="Home Guards of India", type="state forces", text="home guards")
    first = _record(FIRST, "killed", 2, POLICE)
    later = _record(again, "killed", 2, None)
    later.assoc_actor1 = [POLICE, home_guards]  # the main actor is not its own associate
    merged = link_mentions([first, later])
    assert len(merged) == 1
    assert merged[0].actor1 == POLICE
    assert merged[0].assoc_actor1 == [home_guards]


STORY = ("Three people were shot outside the Harlow Street bakery on Friday night. "
         "One of them died at Mercy Hospital. "
         "Firefighters later put out a blaze nearby. "
         "A fourth man died on Saturday.")


def _told(sentence: str, killed: int | None, hurt: int | None) -> EventRecord:
    start = STORY.index(sentence)
    return EventRecord(
        article_id="s", event_type="Violence against civilians", sub_event_type="Attack",
        evidence=Evidence(sentences=[Span(start, start + len(sentence), sentence)],
                          fields={"trigger": Span(start, start + 5, sentence[:5])}),
        event_date="2020-01-03", date_precision="day", date_inferred=True,
        fatalities=Count(killed, killed, killed, "people", str(killed)) if killed else None,
        injuries=Count(hurt, hurt, hurt, "people", str(hurt)) if hurt else None)


SHOT = "Three people were shot outside the Harlow Street bakery on Friday night."


def test_the_dead_told_in_the_next_sentence_join_the_people_shot() -> None:
    merged = link_mentions([_told(SHOT, None, 3), _told("One of them died at Mercy Hospital.",
                                                        1, None)])
    assert len(merged) == 1
    assert merged[0].fatalities is not None and merged[0].fatalities.best == 1
    assert merged[0].injuries is not None and merged[0].injuries.best == 3


def test_a_death_told_further_on_stays_apart() -> None:
    merged = link_mentions([_told(SHOT, None, 3), _told("A fourth man died on Saturday.", 1, None)])
    assert len(merged) == 2


def test_a_next_sentence_with_its_own_doer_stays_apart() -> None:
    death = _told("One of them died at Mercy Hospital.", 1, None)
    death.actor1 = POLICE
    assert len(link_mentions([_told(SHOT, None, 3), death])) == 2


def test_an_open_ended_death_joins_the_told_toll() -> None:
    told = "Two people were killed in the firing, officials said."
    act, again = _record(FIRST, "killed", 1, POLICE), _record(told, "killed", 2, POLICE)
    act.fatalities = Count(1, 1, 1, None, "killed", open_ended=True)
    act.location = again.location = Location("Vatva", "India", "IN", 22.97, 72.62, "city",
                                              "Vatva")
    merged = link_mentions([act, again])
    assert len(merged) == 1
    assert merged[0].fatalities is not None and merged[0].fatalities.best == 2
