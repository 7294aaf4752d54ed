"""Actor normalisation through the registry: listed groups, state forces, generic categories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.extract.actor_registry import ActorRegistry


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry()


@pytest.mark.parametrize(
    ("text", "head", "name", "typ"),
    [
        ("ISIL", "isil", "Islamic State", "rebel group"),
        ("Daesh militants", "militant", "Islamic State", "rebel group"),
        ("the Islamic State of Iraq and the Levant", "state", "Islamic State", "rebel group"),
        ("Iraqi special forces", "force", "Military Forces of Iraq", "state forces"),
        ("Syrian government troops", "troop", "Military Forces of Syria", "state forces"),
        ("Kenyan police", "police", "Police Forces of Kenya", "state forces"),
        ("the U.S.-led coalition", "coalition", "Coalition Forces", "external/other forces"),
        ("dozens of protesters", "protester", "Protesters", "protesters"),
        ("four women", "woman", "Civilians", "civilians"),
        ("unidentified gunmen", "gunman", "Unidentified Armed Group", "rebel group"),
    ],
)
def test_normalise(registry: ActorRegistry, text: str, head: str, name: str, typ: str) -> None:
    found = registry.normalise(text, head, None)
    assert found is not None
    actor, _named = found
    assert (actor.name, actor.type, actor.text) == (name, typ, text)


def test_is_acronym_needs_capitals(registry: ActorRegistry) -> None:
    assert registry.normalise("it is", "is", None) is None


def test_bare_state_heads_take_the_focus_country(registry: ActorRegistry) -> None:
    found = registry.normalise("soldiers", "soldier", "ML")
    assert found is not None and found[0].name == "Military Forces of Mali"


def test_user_registry_extends_builtin(tmp_path: Path) -> None:
    extra = tmp_path / "actors.json"
    extra.write_text(json.dumps({"groups": [
        {"name": "Northern Hills Brigade", "type": "identity militia",
         "aliases": ["NHB", "Hills Brigade"]}]}), encoding="utf-8")
    registry = ActorRegistry(extra)
    found = registry.normalise("the Hills Brigade", "brigade", None)
    assert found is not None and found[0].name == "Northern Hills Brigade"
    assert registry.normalise("ISIS", "isis", None) is not None


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        ("FMLN guerrillas", "guerrilla", "Farabundo Marti National Liberation Front"),
        ("the Tamil Tigers", "tigers", "Liberation Tigers of Tamil Eelam"),
        ("AMISOM troops", "troop", "African Union"),
        ("armed guerrillas", "guerrilla", "Unidentified Armed Group"),
        ("Indian policemen", "policeman", "Police Forces of India"),
    ],
)
def test_registry_covers_more_groups(registry: ActorRegistry, text: str, head: str,
                                     name: str) -> None:
    found = registry.normalise(text, head, None)
    assert found is not None and found[0].name == name


def test_state_actors_use_short_country_names(registry: ActorRegistry) -> None:
    found = registry.normalise("Russian troops", "troop", None)
    assert found is not None and found[0].name == "Military Forces of Russia"
    found = registry.normalise("Iranian forces", "force", None)
    assert found is not None and found[0].name == "Military Forces of Iran"


def test_armed_people_are_an_armed_group(registry: ActorRegistry) -> None:
    found = registry.normalise("heavily armed men", "man", None)
    assert found is not None and found[0].name == "Unidentified Armed Group"
    found = registry.normalise("unidentified individuals", "individual", None)
    assert found is not None and found[0].name == "Unidentified Armed Group"


def test_lower_case_text_finds_acronyms(registry: ActorRegistry) -> None:
    found = registry.normalise("farc rebels", "rebel", None)
    assert found is not None and found[0].name == "Revolutionary Armed Forces of Colombia"


def test_military_personnel_are_state_forces(registry: ActorRegistry) -> None:
    found = registry.normalise("military personnel", "personnel", "SV")
    assert found is not None and found[0].type == "state forces"


def test_liberation_army_is_not_the_state_army(registry: ActorRegistry) -> None:
    found = registry.normalise("the popular liberation army", "army", "CO")
    assert found is None or found[0].type != "state forces"
    army = registry.normalise("the army", "army", "CO")
    assert army is not None and army[0].name == "Military Forces of Colombia"


def test_unidentified_reporters_are_not_an_armed_group(registry: ActorRegistry) -> None:
    found = registry.normalise("unidentified reporters", "reporter", None)
    assert found is not None and found[0].type == "civilians"
    armed = registry.normalise("unidentified individuals", "individual", None)
    assert armed is not None and armed[0].type == "rebel group"


def test_named_groups_lists_every_listed_name(registry: ActorRegistry) -> None:
    names = [a.name for a in registry.named_groups("Hamas and Hezbollah fighters")]
    assert names == ["Hamas", "Hezbollah"]


@pytest.mark.parametrize(
    ("text", "head", "name", "typ"),
    [
        ("the Myanmar National Democratic Alliance Army", "army", None, None),
        ("the Myanmar army", "army", "Military Forces of Myanmar", "state forces"),
        ("the Afghan National Army", "army", "Military Forces of Afghanistan", "state forces"),
        ("Mexican federal agents", "agent", "Police Forces of Mexico", "state forces"),
    ],
)
def test_group_names_holding_a_country(registry: ActorRegistry, text: str, head: str,
                                       name: str | None, typ: str | None) -> None:
    found = registry.normalise(text, head, None)
    if name is None:
        assert found is None  # a group's own name: not the country's forces
    else:
        assert found is not None and (found[0].name, found[0].type) == (name, typ)


@pytest.mark.parametrize("text", ["the armed forces", "the security forces",
                                  "the government forces"])
def test_bare_state_heads_after_a_determiner(registry: ActorRegistry, text: str) -> None:
    found = registry.normalise(text, "force", "SV")
    assert found is not None and found[0].name == "Military Forces of El Salvador"


def test_names_across_a_line_break(registry: ActorRegistry) -> None:
    found = registry.normalise("the islamic\nstate", "state", None)
    assert found is not None and found[0].name == "Islamic State"
    assert found[0].text == "the islamic\nstate"


@pytest.mark.parametrize(
    ("text", "head"),
    [("uniformed men", "man"), ("the death squads", "squad"), ("paramilitary groups", "group"),
     ("the mercenaries", "mercenary")],
)
def test_armed_people_by_their_words(registry: ActorRegistry, text: str, head: str) -> None:
    found = registry.normalise(text, head, None)
    assert found is not None and found[0].name == "Unidentified Armed Group"


def _two_groups(tmp_path: Path) -> ActorRegistry:
    extra = tmp_path / "actors.json"
    extra.write_text(json.dumps({"groups": [
        {"name": "Northern Hills Brigade", "type": "identity militia", "aliases": ["NHB"]},
        {"name": "Southern Valley Front", "type": "rebel group",
         "aliases": ["Valley Front"]}]}), encoding="utf-8")
    return ActorRegistry(extra)


def test_named_group_takes_the_longest_name(tmp_path: Path) -> None:
    registry = _two_groups(tmp_path)
    found = registry.named_group("NHB and the Valley Front")
    assert found is not None and found.name == "Southern Valley Front"
    assert registry.named_group("the river bank") is None


def test_named_groups_keep_the_order_of_the_text(tmp_path: Path) -> None:
    registry = _two_groups(tmp_path)
    names = [a.name for a in registry.named_groups("the Valley Front and NHB fighters")]
    assert names == ["Southern Valley Front", "Northern Hills Brigade"]


def test_lower_case_acronyms_only_in_lower_case_text(tmp_path: Path) -> None:
    registry = _two_groups(tmp_path)
    found = registry.named_group("nhb fighters")
    assert found is not None and found.name == "Northern Hills Brigade"
    assert registry.named_group("Nhb Fighters") is None


def test_coref_categories(registry: ActorRegistry) -> None:
    armed = registry.normalise("the gunmen", "gunman", None)
    civilians = registry.normalise("the villagers", "villager", None)
    assert armed is not None and registry.is_coref_category(armed[0])
    assert civilians is not None and not registry.is_coref_category(civilians[0])


def test_country_in_reads_names_and_demonyms(registry: ActorRegistry) -> None:
    assert registry.country_in("Iraqi troops entered the town") == "IQ"
    assert registry.country_in("troops crossed into Kenya") == "KE"
    assert registry.country_in("troops entered the town") is None
