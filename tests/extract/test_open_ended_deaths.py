"""A death told only as an act ("charged in the shooting death", "a fatal shooting"): one
killed at least, an open-ended figure."""

from __future__ import annotations

import pytest

from sitrep.extract.counts import find_casualties


def _killed(nlp, text: str) -> list[tuple[int, bool]]:  # type: ignore[no-untyped-def]
    return [(m.count.best, m.count.open_ended) for m in find_casualties(nlp(text))
            if m.kind == "killed"]


@pytest.mark.parametrize("text", [
    "A Riverside man was charged Friday in the shooting death.",
    "Detectives are investigating a fatal shooting near the stadium.",
    "The teenager was arrested on Saturday and charged with murder.",
    "Police have made no arrests in the slaying.",
])
def test_death_told_as_an_act_is_one_at_least(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _killed(nlp, text) == [(1, True)]


@pytest.mark.parametrize("text", [
    "He was sentenced to death in 2009.",
    "The man faces a charge of attempted murder after the stabbing.",
    "An autopsy will determine the cause of death.",
    "The gunman faces two counts of murder.",
    "The rebels bring only death and destruction to the valley.",
    "Officials spoke of a wave of kidnapping and murder in the province.",
])
def test_no_death_of_this_incident_is_read(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _killed(nlp, text) == []


def test_a_told_figure_wins_over_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _killed(nlp, "Two men were killed in the fatal shooting on Elm Street.") == [
        (2, False)]


def test_the_charged_are_not_counted(nlp) -> None:  # type: ignore[no-untyped-def]
    # the two men are the accused; the murder tells one death, at least
    assert _killed(nlp, "Two men, both 19, are being charged with murder.") == [(1, True)]


def test_a_figure_told_anywhere_drops_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two men were killed on Elm Street on Friday. A neighbour was charged with murder."
    assert _killed(nlp, text) == [(2, False)]
