"""Who a casualty word makes a victim: the object of "pronounced ... dead" however the parser
hangs "dead", not the one who "shot at" people, the attacker shot "and then himself", and the
person "suffering from" a wound."""

from __future__ import annotations

import pytest

from sitrep.eval.gva import article_figures
from sitrep.extract.counts import find_casualties


@pytest.mark.parametrize(
    "text",
    [
        # the parser reads "dead" as the object's modifier or as a clause of its own
        "A man was shot on Elm Street on Friday. The coroner pronounced 19-year-old Dana "
        "Reed of Clay County dead at 10:30 a.m.",
        "A man was shot on Elm Street on Friday. The coroner pronounced Dana Reed dead.",
        "The coroner pronounced the boy dead.",
    ],
)
def test_pronounced_dead(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert article_figures(find_casualties(nlp(text)))[0] == 1


def test_a_state_declared_of_a_thing_is_no_death(nlp) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp("Police declared the area safe on Sunday.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "shot at" people: the subject fired
        ("A gunman shot at a dozen people at a park on Sunday before killing himself. Two "
         "people were wounded.", (1, 2)),
        ("A man shot at officers during a chase on Sunday.", (0, 0)),
        # a place after "at" keeps the headline's passive
        ("Man shot at park on Sunday.", (0, 1)),
    ],
)
def test_shot_at_people(nlp, text: str, expected: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert article_figures(find_casualties(nlp(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two deputies were shot at on Harbor Road late Friday.",
        "The van was shot at by people in another car.",
        "The family told dispatchers they were being shot at, police said.",
    ],
)
def test_fired_at_is_not_hit(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp(text)) == []


def test_shot_at_a_place_is_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp("Three people were shot at Oak and Fifth streets on Friday."))
    assert [(m.kind, m.count.best) for m in found] == [("injured", 3)]


def test_the_one_who_shot_at_people_is_no_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp("A gunman shot at a dozen people at a park on Sunday before "
                                "killing himself."))
    assert [(m.kind, m.count.text) for m in found] == [("killed", "himself")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said a student shot his girlfriend and then himself.",
        "A man shot his wife and himself on Sunday.",
    ],
)
def test_shot_and_then_himself(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [(m.kind, m.count.best, m.hit) for m in find_casualties(nlp(text))]
    assert found == [("injured", 2, True)]


def test_killed_and_then_himself_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp("A man killed his wife and then himself on Sunday."))
    assert [(m.kind, m.count.best, m.perpetrator) for m in found] == [
        ("killed", 1, False), ("killed", 1, True)]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("A man was found suffering from gunshot wounds on Birch Lane.", "A man"),
        ("The driver was taken to a hospital suffering from a gunshot wound to the leg.",
         "The driver"),
        ("Officers found the victim suffering from multiple gunshot wounds, police said.",
         "the victim"),
        ("He shielded his wife, Ida Marsh, who suffered from minor injuries.", "his wife"),
    ],
)
def test_suffering_from_a_wound(nlp, text: str, who: str) -> None:  # type: ignore[no-untyped-def]
    found = [(m.kind, m.count.best, m.count.text) for m in find_casualties(nlp(text))]
    assert found == [("injured", 1, who)]


def test_suffering_from_what_hurts_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp("The town is suffering from a loss of jobs.")) == []
