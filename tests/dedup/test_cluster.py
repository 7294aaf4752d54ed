"""Scoring and merging rules of cross-article deduplication, on hand-built records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitrep.dedup.cluster import (
    Facts,
    best_match,
    merge,
    mergeable,
    new_event,
    replay,
    score,
)
from sitrep.record import Count, EventRecord, Evidence, Location, Span


def _rec(article: str, sub: str = "Attack", typ: str = "Violence against civilians",
         day: str = "2024-05-02", killed: int | None = 3, cumulative: bool = False,
         place: str = "Kaduna", lat: float = 10.52, lon: float = 7.44,
         text: str = "Gunmen attacked the Ungwan Rimi market in Kaduna") -> EventRecord:
    sent = Span(0, len(text), text)
    return EventRecord(
        article_id=article, event_type=typ, sub_event_type=sub,
        evidence=Evidence([sent], {"trigger": Span(0, 6, text[:6])}),
        event_date=day, date_precision="day",
        location=Location(place, "Nigeria", "NG", lat, lon, "city", place),
        fatalities=Count(killed, killed, killed, "civilians", str(killed), cumulative)
        if killed is not None else None,
    )


def test_same_incident_scores_above_threshold() -> None:
    a, b = _rec("a"), _rec("b", text="Gunmen attacked Ungwan Rimi market, Kaduna police said")
    found = best_match(Facts.of(b), [("ev-a", Facts.of(a))])
    assert found is not None and found[0] == "ev-a"


def test_other_sub_type_same_day_and_city_stays_apart() -> None:
    attack = _rec("a")
    bomb = _rec("b", sub="Remote explosive/landmine/IED", typ="Explosions/Remote violence",
                text="A roadside bomb exploded near a police post in Kaduna")
    assert score(Facts.of(bomb), Facts.of(attack)) is None


def test_far_apart_or_days_apart_never_match() -> None:
    a = _rec("a")
    assert score(Facts.of(_rec("b", day="2024-05-09")), Facts.of(a)) is None
    assert score(Facts.of(_rec("b", place="Zaria", lat=11.08, lon=7.71)), Facts.of(a)) is None


def test_one_article_never_merges_with_itself() -> None:
    assert score(Facts.of(_rec("a")), Facts.of(_rec("a"))) is None


def test_different_tolls_lower_the_score() -> None:
    a = Facts.of(_rec("a", killed=3))
    same = score(Facts.of(_rec("b", killed=3)), a)
    other = score(Facts.of(_rec("b", killed=12)), a)
    assert same is not None and other is not None and other[0] < same[0]


def test_merge_keeps_sources_and_conservative_toll() -> None:
    first, second = _rec("a", killed=5), _rec("b", killed=3)
    event = new_event(first, date(2024, 5, 2), "Wire")
    merged = merge(event, second, date(2024, 5, 3), "Paper")
    assert merged.event_id == first.event_id
    assert [s.article_id for s in merged.sources] == ["a", "b"]
    assert merged.fatalities is not None
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (3, 3, 5)
    assert any("tolls" in note for note in merged.notes)


def test_an_articles_own_figure_is_its_largest() -> None:
    # article a tells of three dead, then names one of them on his own: its figure is 3
    told, named = _rec("a", killed=3), _rec("a", killed=1, text="Musa Bello died in Kaduna")
    event = merge(new_event(told, None, None), named, None, None)
    assert event.fatalities is not None and event.fatalities.best == 3
    assert (event.fatalities.low, event.fatalities.high) == (1, 3)
    # another article's lower figure is still the conservative best
    event = merge(event, _rec("b", killed=2), None, None)
    assert event.fatalities is not None and event.fatalities.best == 2
    # a follow-up's figure takes part as well
    later = merge(new_event(told, None, None), _rec("c", killed=2, typ="Strategic developments",
                                                    sub="Arrests"), None, None, follow_up=True)
    assert later.fatalities is not None and later.fatalities.best == 2


def test_a_follow_up_gives_the_event_the_figure_it_lacks() -> None:
    first = _rec("a", killed=None)
    later = merge(new_event(first, None, None), _rec("b", killed=2, typ="Strategic developments",
                                                     sub="Arrests"), None, None, follow_up=True)
    assert later.fatalities is not None and later.fatalities.best == 2


def test_an_article_telling_only_the_dead_tells_none_wounded() -> None:
    shot = replace(_rec("a", killed=1), injuries=Count(1, 1, 1, None, "1"))
    event = merge(new_event(shot, None, None), _rec("b", killed=1), None, None)
    assert event.injuries is not None and event.injuries.best == 0
    assert (event.injuries.low, event.injuries.high) == (0, 1)
    # an article that gives no figure at all says nothing of the wounded
    event = merge(new_event(shot, None, None), _rec("b", killed=None), None, None)
    assert event.injuries is not None and event.injuries.best == 1


def test_the_wounded_are_the_middle_report() -> None:
    """The dead: the lowest report; the wounded: the middle one (the lower of two)."""
    event = new_event(replace(_rec("a", killed=2), injuries=Count(2, 2, 2, None, "2")),
                      None, None)
    for article, killed, hurt in (("b", 3, 3), ("c", 3, 3)):
        event = merge(event, replace(_rec(article, killed=killed),
                                     injuries=Count(hurt, hurt, hurt, None, str(hurt))),
                      None, None)
    assert event.fatalities is not None and event.fatalities.best == 2
    assert event.injuries is not None and event.injuries.best == 3
    assert (event.injuries.low, event.injuries.high) == (2, 3)


def test_running_toll_supersedes_earlier_figures() -> None:
    first, update = _rec("a", killed=5), _rec("b", killed=9, cumulative=True)
    merged = merge(new_event(first, None, None), update, None, None)
    assert merged.fatalities is not None and merged.fatalities.best == 9


def test_events_one_report_matched_merge_unless_they_conflict() -> None:
    a = Facts.of(_rec("a"))
    found = mergeable(a, Facts.of(_rec("b", text="Gunmen attacked Ungwan Rimi market")), False)
    assert found is not None and not found[2] and "one report matches both" in found[1]
    # two exact days apart, or two towns, or two countries: never one incident
    assert mergeable(a, Facts.of(_rec("b", day="2024-05-05")), True) is None
    assert mergeable(a, Facts.of(_rec("b", place="Zaria", lat=11.08, lon=7.71)), False) is None
    assert mergeable(a, Facts.of(_rec("b", place="Kano", lat=12.0, lon=8.52)), True) is None


def test_events_linked_by_names_merge_as_follow_ups() -> None:
    shooting = Facts.of(_rec("a"))
    arrest = Facts.of(_rec("b", typ="Strategic developments", sub="Arrests", day="2024-06-10",
                           killed=None, text="Police arrested a suspect"))
    assert mergeable(shooting, arrest, False) is None  # no block evidence of one incident
    found = mergeable(shooting, arrest, True)
    assert found is not None and found[2]  # the arrest's reports only add their sources


def test_one_article_told_twice_needs_a_higher_score() -> None:
    a = _rec("a")
    told_again = _rec("a", killed=None, text="Gunmen attacked the Ungwan Rimi market")
    e1, e2 = Facts.of(a), Facts.of(told_again)
    assert score(e2, e1) is None  # one article: never joined as it arrives
    found = mergeable(e1, e2, False)
    assert found is not None and "one article" in found[1]
    weak = Facts.of(_rec("a", killed=None, day="2024-05-01", text="Shops burned on Wednesday"))
    assert mergeable(e1, weak, False) is None


def test_replay_recombines_as_the_reports_arrived() -> None:
    first, second, third = _rec("a", killed=5), _rec("b", killed=3), _rec("c", killed=None)
    stepwise = merge(merge(new_event(first, date(2024, 5, 2), "Wire"), second,
                           date(2024, 5, 3), "Paper"), third, None, None, follow_up=True)
    record, words = replay([(first, date(2024, 5, 2), "Wire", False),
                            (second, date(2024, 5, 3), "Paper", False),
                            (third, None, None, True)])
    assert record == stepwise
    assert "ungwan" in words and "kaduna" in words


def test_merge_keeps_the_union_of_associated_actors_without_the_main_actor() -> None:
    from sitrep.record import Actor

    army = Actor("Military Forces of Peru", "state forces", "the army")
    first = _rec("a")
    first.actor1 = army
    first.assoc_actor1 = [Actor("Police Forces of Peru", "state forces", "the police")]
    second = _rec("b")
    second.actor1 = Actor("Rondas", "identity militia", "peasant patrols")
    second.assoc_actor1 = [army, Actor("Police Forces of Peru", "state forces", "police"),
                           Actor("Marines", None, "marines")]
    second.assoc_actor2 = [Actor("Civilians", "civilians", "villagers")]
    merged = merge(new_event(first, None, None), second, None, None)
    assert merged.actor1 == army
    assert [a.name for a in merged.assoc_actor1] == ["Police Forces of Peru", "Marines"]
    assert merged.actor2 is None
    assert [a.name for a in merged.assoc_actor2] == ["Civilians"]


def _open_ended(article: str) -> EventRecord:
    return replace(_rec(article, killed=None),
                   fatalities=Count(1, 1, 1, None, "fatal shooting", open_ended=True))


def test_an_open_ended_toll_neither_conflicts_nor_matches() -> None:
    event = Facts.of(_rec("a", killed=4))
    assert Facts.of(_open_ended("b")).fatalities is None
    unknown = score(Facts.of(_rec("b", killed=None)), event)
    opened = score(Facts.of(_open_ended("b")), event)
    assert unknown is not None and opened is not None and opened[0] == unknown[0]


def test_an_open_ended_toll_gives_way_to_a_told_one() -> None:
    event = merge(new_event(_open_ended("a"), None, None), _rec("b", killed=4), None, None)
    assert event.fatalities is not None
    assert (event.fatalities.best, event.fatalities.open_ended) == (4, False)
    event = merge(new_event(_rec("b", killed=4), None, None), _open_ended("a"), None, None)
    assert event.fatalities is not None and event.fatalities.best == 4
    alone = new_event(_open_ended("a"), None, None)
    assert alone.fatalities is not None and alone.fatalities.best == 1


def test_lead_mention_prefers_the_act_to_the_arrest_on_a_tied_toll() -> None:
    from sitrep.dedup.cluster import lead_mention

    arrest = _rec("a1", sub="Arrests", typ="Strategic developments", killed=1)
    attack = _rec("a1", killed=1)
    assert lead_mention([arrest, attack]) is attack
    bigger = _rec("a1", sub="Arrests", typ="Strategic developments", killed=2)
    assert lead_mention([bigger, attack]) is bigger  # the toll comes first
