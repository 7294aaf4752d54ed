"""Speakers are not name keys: a name given with its role, in apposition or by whom it speaks
for, is someone who recurs across incidents (sentences written by hand)."""

from __future__ import annotations

import pytest

import sitrep.dedup.cluster as cluster
from sitrep.dedup.cluster import article_keys

VICTIM = "Darnell Whitcombe, 34, was shot twice. Whitcombe died at the scene."


@pytest.mark.parametrize("speaker", [
    "His attorney, Casey Whitfield, said the teen was innocent.",
    "Defense attorney Casey Whitfield said the teen was innocent.",
    "Guns kill children, said Dana Brookes, policy director for a safety group.",
    "The party was attacked, said Lee Ortman with the Marlow Police Department.",
    "Deputy Superintendent Marla Quint said officers were on the scene.",
    "Andrew Pell, an anti-violence activist, called for calm.",
])
def test_a_speaker_given_with_a_role_is_not_a_key(speaker: str) -> None:
    keys = article_keys(f"{VICTIM} {speaker}")
    assert "darnell whitcombe" in keys
    assert not {"casey whitfield", "dana brookes", "lee ortman", "marla quint",
                "andrew pell"} & set(keys)


@pytest.mark.parametrize("text", [
    "Darnell Whitcombe, who was shot by police, died.",
    "Darnell Whitcombe, a father of two, died at the scene.",
    "Darnell Whitcombe of Marlow died at the scene.",
])
def test_a_victim_described_in_apposition_stays_a_key(text: str) -> None:
    assert "darnell whitcombe" in article_keys(text)


def test_names_after_a_fourth_precinct_are_not_people() -> None:
    keys = article_keys("Protesters gathered at the Fourth Precinct on Sunday.")
    assert "fourth precinct" not in keys


def test_without_the_rule_the_attorney_is_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "APPOSED_ROLES", False)
    assert "casey whitfield" in article_keys(
        f"{VICTIM} His attorney, Casey Whitfield, said the teen was innocent.")
