"""The resolver: actor1/actor2 read from the parse around a trigger, coreference, and the sides
inferred from elsewhere in the report (claims, gunfire told before, the only group named)."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import ActorRegistry, ActorResolver


def _roles(nlp, text: str, trigger: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    resolver = ActorResolver(ActorRegistry(), doc, "NG")
    tok = next(t for t in doc if t.text == trigger)
    a1, a2 = resolver.roles([tok])
    return (a1.actor.name if a1 else None), (a2.actor.name if a2 else None), a1, a2


def test_active_voice(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, span1, _ = _roles(nlp, "Boko Haram fighters abducted 20 villagers in Borno.",
                              "abducted")
    assert (a1, a2) == ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians")
    assert span1.span.text == "Boko Haram fighters"


def test_passive_voice_with_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "Three soldiers were killed by ISWAP militants.", "killed")
    assert a1 == "Islamic State West Africa Province"
    assert a2 == "Military Forces of Nigeria"


def test_noun_trigger_with_by(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "Air strikes by the U.S.-led coalition hit the town.", "strikes")
    assert a1 == "Coalition Forces"


def test_generic_words_refer_back_to_the_named_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Al Shabaab claimed the raid on the base. Later the militants attacked a bus "
            "near the town.")
    a1, _, span1, _ = _roles(nlp, text, "attacked")
    assert a1 == "Al Shabaab"
    assert span1.actor.text == "the militants"


def test_agent_of_an_event_noun_in_a_prepositional_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "Two men died in the police firing near the station.", "died")
    assert (a1, a2) == ("Police Forces of Nigeria", "Civilians")
    a1, _, _, _ = _roles(nlp, "Nine people were killed in firing by the army.", "killed")
    assert a1 == "Military Forces of Nigeria"


def test_attack_on_names_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    _, a2, _, _ = _roles(nlp, "The gunmen opened fire on soldiers at the checkpoint.", "opened")
    assert a2 == "Military Forces of Nigeria"


def test_unlisted_named_actor_is_kept_by_its_words(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, span1, _ = _roles(nlp, "The Zorvan Liberation Front attacked a convoy.", "attacked")
    assert a1 is not None and "Zorvan Liberation Front" in a1
    assert span1.actor.type is None


def test_country_name_alone_stands_for_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "Ethiopia shelled the border town overnight.", "shelled")
    assert a1 == "Government of Ethiopia"


def test_dateline_is_not_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "ODESA, Ukraine (Wire) - Russian drones struck a grain depot in Odesa on Tuesday."
    a1, _, span1, _ = _roles(nlp, text, "struck")
    assert a1 == "Military Forces of Russia"
    assert span1.span.text == "Russian drones"


def test_members_of_name_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, span, _ = _roles(nlp, "A group of guerrillas of the FMLN attacked the bus.", "attacked")
    assert a1 == "Farabundo Marti National Liberation Front"
    a1, _, span, _ = _roles(nlp, "Members of the army killed two farmers.", "killed")
    assert a1 is not None and a1.startswith("Military Forces")
    assert span is not None and "army" in span.span.text


def test_possessor_of_an_assassination_is_the_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "Rebels condemned the mayor's assassination.", "assassination")
    assert a1 is None and a2 == "Civilians"


def test_reporting_subject_is_not_the_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "The police are investigating the attack on the bank.", "attack")
    assert a1 is None


def test_accused_side_is_the_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "The minister implicated five soldiers in the massacre.",
                         "massacre")
    assert a1 is not None and a1.startswith("Military Forces")


def test_clashing_subjects_are_both_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "Villagers and the police clashed in the market.", "clashed")
    assert a1 == "Civilians" and a2 is not None and a2.startswith("Police Forces")


def test_headline_participle_subject_is_the_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, a2 = _roles(nlp, "Man killed, boy injured in apparent drive-by shooting",
                          "killed")
    assert a1 is None
    assert a2 is not None and a2.actor.text == "Man"


def test_active_subject_stays_the_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, _ = _roles(nlp, "Gunmen killed two guards at the bank on Monday.", "killed")
    assert a1 is not None and a1.actor.type == "rebel group"


def test_place_falls_to_the_taker(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, _ = _roles(nlp, "The town fell to the rebels after a week of fighting.", "fell")
    assert a1 is not None and a1.actor.type == "rebel group"


def test_of_object_of_an_act_noun_is_the_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, a2 = _roles(nlp, "The party condemned the assassination of two journalists.",
                          "assassination")
    assert a1 is None
    assert a2 is not None and a2.actor.type == "civilians"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("As many as 300 people were killed in the unrest, including 40 in police firing.",
         "killed"),
        ("A young trader died in police custody in the district town on Friday.", "died"),
        ("Two suspects were killed in an encounter with the police near the highway.", "killed"),
    ],
)
def test_state_agent_named_inside_the_death_phrase(nlp, text: str,  # type: ignore[no-untyped-def]
                                                   trigger: str) -> None:
    a1, _, _, _ = _roles(nlp, text, trigger)
    assert a1 is not None and a1.startswith("Police Forces")


def test_no_state_agent_from_another_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "Rioters killed two men in the market, which the police "
                              "raided later.", "killed")
    assert a1 is None or not a1.startswith("Police Forces")


def test_group_named_before_an_act_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, _ = _roles(nlp, "Four villagers died as a result of a shining path attack on "
                              "the hamlet.", "attack")
    assert a1 is not None and a1.actor.name == "Shining Path"


def test_claimed_responsibility_in_a_nearby_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A bomb exploded outside the power company offices on Tuesday night. "
            "The rebels of the FMLN later claimed responsibility for the blast.")
    _, _, a1, _ = _roles(nlp, text, "exploded")
    assert a1 is not None and a1.actor.name == "Farabundo Marti National Liberation Front"


@pytest.mark.parametrize(
    "second",
    [
        "No group has claimed responsibility for the blast.",
        "The rebels denied responsibility for the blast.",
        "The army is responsible for security in the area.",
    ],
)
def test_denied_or_unrelated_responsibility_names_no_agent(  # type: ignore[no-untyped-def]
        nlp, second: str) -> None:
    _, _, a1, _ = _roles(nlp, "A bomb exploded outside the power company offices. " + second,
                         "exploded")
    assert a1 is None


def test_police_firing_read_as_the_agent_of_a_crowd_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, _ = _roles(nlp, "The mob went on the rampage and police firing killed two.",
                         "firing")
    assert a1 is not None and a1.actor.type == "state forces"


def test_group_denying_responsibility_is_no_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "We confirm that the Front bears no responsibility whatsoever "
                              "for the attack on the minister.", "attack")
    assert a1 is None


@pytest.mark.parametrize(
    "first",
    ["Police opened fire on the crowd near the bridge.",
     "The police resorted to firing to disperse the crowd."],
)
def test_the_firing_told_before_names_its_agent(nlp, first: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(first + " One person died in the firing.")
    resolver = ActorResolver(ActorRegistry(), doc, "IN")
    died = next(t for t in doc if t.text == "died")
    a1, _ = resolver.roles([died])
    assert a1 is not None and a1.actor.type == "state forces"


def test_arson_told_before_is_no_gunfire(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rioters set fire to shops. One person died in the firing.")
    resolver = ActorResolver(ActorRegistry(), doc, "IN")
    a1, _ = resolver.roles([next(t for t in doc if t.text == "died")])
    assert a1 is None


@pytest.mark.parametrize(
    "second",
    ["The minister accused the FMLN of being directly responsible for the attack.",
     "The minister blamed the FMLN for the attack."],
)
def test_accused_or_blamed_side_of_a_nearby_sentence(nlp, second: str) -> None:  # type: ignore[no-untyped-def]
    text = "Commandos attacked the home of the minister on Monday. " + second
    doc = nlp(text)
    resolver = ActorResolver(ActorRegistry(), doc, "SV")
    a1, _ = resolver.roles([next(t for t in doc if t.text == "attacked")])
    assert a1 is not None  # the commandos themselves
    exploded = nlp("A bomb exploded at the home of the minister on Monday. " + second)
    resolver = ActorResolver(ActorRegistry(), exploded, "SV")
    b1, _ = resolver.roles([next(t for t in exploded if t.text == "exploded")])
    assert b1 is not None and b1.actor.name == "Farabundo Marti National Liberation Front"


def test_armed_subject_of_a_when_clause_is_the_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    _, _, a1, _ = _roles(nlp, "The trader was shot when unidentified gunmen tried to enter "
                              "his shop.", "shot")
    assert a1 is not None and a1.actor.type == "rebel group"


def test_police_side_of_a_hyphenated_clash(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A farmer died in a police-villager clash near the dam on Friday.")
    resolver = ActorResolver(ActorRegistry(), doc, "IN")
    a1, _ = resolver.roles([next(t for t in doc if t.text == "died")])
    assert a1 is not None and a1.actor.type == "state forces"


def test_the_clash_told_before_names_its_police_side(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Farmers and the police clashed outside the mill on Friday. A farmer died in "
              "the clash.")
    resolver = ActorResolver(ActorRegistry(), doc, "IN")
    a1, _ = resolver.roles([next(t for t in doc if t.text == "died")])
    assert a1 is not None and a1.actor.type == "state forces"
    plain = nlp("Two rival groups clashed outside the mill. A farmer died in the clash.")
    resolver = ActorResolver(ActorRegistry(), plain, "IN")
    b1, _ = resolver.roles([next(t for t in plain if t.text == "died")])
    assert b1 is None or b1.actor.type != "state forces"


def _agent_of(nlp, text: str, trigger: str, country: str = "IN"):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    resolver = ActorResolver(ActorRegistry(), doc, country)
    a1, _ = resolver.roles([[t for t in doc if t.text == trigger][-1]])
    return a1


def test_bare_death_after_state_gunfire_is_the_gunfire(nlp) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, "Stone pelting went on for an hour, forcing the police to open fire. "
                        "\"Two persons have been killed.\"", "killed")
    assert a1 is not None and a1.actor.type == "state forces"
    a1 = _agent_of(nlp, "The police fired at the crowd near the bridge. A porter succumbed "
                        "to his injuries later.", "succumbed")
    assert a1 is not None and a1.actor.type == "state forces"


def test_death_with_a_cause_of_its_own_is_not_the_gunfire(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _agent_of(nlp, "The police fired at the crowd near the bridge. A porter died in "
                          "a stabbing nearby.", "died") is None
    assert _agent_of(nlp, "The police fired at the crowd near the bridge. The crowd dispersed. "
                          "A porter was killed.", "killed") is None


def test_unclaimed_act_takes_the_only_group_named(nlp) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, "A bomb exploded outside the ministry on Monday. The FMLN has "
                        "stepped up its campaign in the capital.", "exploded", "SV")
    assert a1 is not None and a1.actor.name == "Farabundo Marti National Liberation Front"
    assert _agent_of(nlp, "A bomb exploded outside the ministry on Monday. The FMLN denied "
                          "any part in the blast.", "exploded", "SV") is None
    two = _agent_of(nlp, "A bomb exploded outside the ministry on Monday. The FMLN and the "
                         "Shining Path were named in the report.", "exploded", "SV")
    assert two is None


def test_dying_in_a_clause_of_another_act_has_no_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, "The district police imposed a curfew in the town after one of the "
                        "injured succumbed in hospital.", "succumbed")
    assert a1 is None


def test_unclaimed_act_takes_the_unnamed_armed_side(nlp) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, "A bomb exploded outside the ministry on Monday. Police said heavily "
                        "armed guerrillas had been seen in the area.", "exploded", "SV")
    assert a1 is not None and "guerrillas" in a1.actor.text


def test_an_inferred_perpetrator_says_how_it_was_chosen(nlp) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, "A bomb exploded outside the ministry on Monday. The FMLN has "
                        "stepped up its campaign in the capital.", "exploded", "SV")
    assert a1 is not None and a1.inferred is not None and "only armed group" in a1.inferred
    told = _agent_of(nlp, "FMLN rebels bombed the ministry on Monday.", "bombed", "SV")
    assert told is not None and told.inferred is None


def test_the_record_notes_an_inferred_perpetrator() -> None:
    import sitrep

    records = sitrep.extract("A bomb exploded outside the ministry in San Salvador on Monday, "
                             "killing two guards. The FMLN has stepped up its campaign in the "
                             "capital.", published="1989-11-15")
    bomb = next(r for r in records if r.actor1 is not None)
    assert any(n.startswith("actor1 inferred: the only armed group") for n in bomb.notes)
    assert bomb.evidence.fields["actor1"].text == "The FMLN"  # the words behind it


def test_losing_ones_life_makes_the_subject_a_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "Three villagers lost their lives in police firing.", "lost")
    assert a1 == "Police Forces of Nigeria"
    assert a1 != "Civilians" and a2 in (None, "Civilians")
    a1, _, _, _ = _roles(nlp, "The army lost the town to the rebels.", "lost")
    assert a1 != "Civilians"


def test_subject_of_a_completed_obligation(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "The police had to resort to firing near the temple.", "firing")
    assert a1 == "Police Forces of Nigeria"


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("A child is in serious condition after a shooting on Friday.", "shooting", "A child"),
        ("A woman was rushed to the hospital following a stabbing in the park.", "stabbing",
         "A woman"),
        ("Deputies found a man suffering from a gunshot wound.", "wound", "a man"),
    ],
)
def test_the_sufferer_of_an_act_noun_is_its_victim(nlp, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                   victim: str) -> None:
    _, a2, a1_span, a2_span = _roles(nlp, text, trigger)
    assert a2 == "Civilians" and a2_span.span.text == victim
    assert a1_span is None


def test_no_sufferer_without_a_victim_state(nlp) -> None:  # type: ignore[no-untyped-def]
    _, a2, _, _ = _roles(nlp, "A man was arrested after a shooting on Main Street.", "shooting")
    assert a2 is None  # the arrested man is no victim


def test_a_person_told_by_age(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, span1, span2 = _roles(nlp, "A 5-year-old shot his uncle in the head on Monday.",
                                  "shot")
    assert (a1, a2) == ("Civilians", "Civilians")
    assert span1.span.text == "5-year-old" and span2.span.text == "his uncle"


def test_a_passive_after_phrase_gives_no_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "A 22-year-old man died after being shot outside a bar.",
                          "died")
    assert a1 is None and a2 == "Civilians"


@pytest.mark.parametrize(
    ("text", "trigger", "who"),
    [
        ("The officer was shot by one of the demonstrators.", "shot", "Protesters"),
        ("Two of the gunmen opened fire on the bus.", "opened", "Unidentified Armed Group"),
    ],
)
def test_a_part_of_a_group_is_the_group(nlp, text: str, trigger: str, who: str) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, text, trigger)
    assert a1 == who


@pytest.mark.parametrize(
    ("text", "trigger", "side"),
    [
        ("Fighter jets struck the town on Tuesday, killing five civilians.", "killing",
         "Military Forces of Syria"),
        ("Helicopter gunships attacked the village.", "attacked", "Military Forces of Syria"),
        ("Turkish drones struck the convoy.", "struck", "Military Forces of Turkey"),
        ("Rebel drones hit the airport.", "hit", "Unidentified Armed Group"),
        ("Houthi drones hit the airport.", "hit", "Houthis (Ansar Allah)"),
    ],
)
def test_aircraft_are_a_state_air_force_not_a_group(  # type: ignore[no-untyped-def]
        nlp, text: str, trigger: str, side: str) -> None:
    a1 = _agent_of(nlp, text, trigger, "SY")
    assert a1 is not None and a1.actor.name == side


def test_generic_armed_word_takes_the_group_named_later(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Urban guerrillas bombed a bank in the capital on Sunday. The FMLN later said its "
            "units would continue the campaign.")
    a1 = _agent_of(nlp, text, "bombed", "SV")
    assert a1 is not None and a1.actor.name == "Farabundo Marti National Liberation Front"
    assert a1.actor.text == "Urban guerrillas"
    two = _agent_of(nlp, "Urban guerrillas bombed a bank in the capital on Sunday. The FMLN "
                         "and the Shining Path were named in the report.", "bombed", "SV")
    assert two is not None and two.actor.name == "Unidentified Armed Group"


def test_act_noun_takes_the_only_group_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Two guards died in the bombing of the ministry on Monday. The FMLN has stepped up "
            "its campaign in the capital.")
    a1 = _agent_of(nlp, text, "bombing", "SV")
    assert a1 is not None and a1.actor.name == "Farabundo Marti National Liberation Front"
    assert a1.inferred is not None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Nine people were wounded during an offensive launched by the rebels in the capital.",
         "offensive"),
        ("The raid staged by the rebels left four dead.", "raid"),
        ("The attack was the work of the rebels, a police spokesman said.", "attack"),
    ],
)
def test_agent_of_a_participle_or_work_phrase(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, text, trigger)
    assert a1 is not None and a1.actor.text == "the rebels"


def test_work_of_a_group_is_a_claim_for_a_nearby_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A car bomb exploded outside the embassy on Monday. The attack was the work of the "
            "Shining Path, a police spokesman said. The FMLN and the ELN were also active.")
    a1 = _agent_of(nlp, text, "exploded", "PE")
    assert a1 is not None and a1.actor.name == "Shining Path"


def test_reported_by_is_no_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, "The attack reported by the radio station killed two guards.", "attack")
    assert a1 is None or "radio" not in a1.actor.text


@pytest.mark.parametrize(
    "text",
    [
        "Members of the Manuel Rodriguez Patriotic Front killed a police officer in Santiago.",
        "members of the manuel rodriguez patriotic front killed a police officer in santiago.",
    ],
)
def test_members_of_an_unlisted_organisation(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, text, "killed")
    assert a1 is not None and "patriotic front" in a1.actor.name.lower()


def test_inferred_group_is_told_by_its_plainest_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A bomb exploded outside the ministry on Monday. Analysts doubt the strength of the "
            "military position of the FMLN in the north. The FMLN has stepped up its campaign.")
    a1 = _agent_of(nlp, text, "exploded", "SV")
    assert a1 is not None and a1.actor.text.lower() == "the fmln"


def test_corpses_of_peasants_are_the_victims(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, a2, _, _ = _roles(nlp, "The peasants corpses were found near the river on Monday.",
                          "corpses")
    assert a1 is None and a2 == "Civilians"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He said that armed forces members are responsible for the murder of the priests.",
         "murder"),
        ("The president confirmed the involvement of troops in the murder of two priests.",
         "murder"),
    ],
)
def test_state_members_held_responsible(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    a1 = _agent_of(nlp, text, trigger, "SV")
    assert a1 is not None and a1.actor.name == "Military Forces of El Salvador"


def test_pronouns_do_not_stand_for_a_government_or_a_group_as_he(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The government announced new measures on Monday. They attacked a bus in the north."
    assert _agent_of(nlp, text, "attacked", "SV") is None
    text = "The FMLN issued a statement on Monday. He attacked a bus in the north."
    a1 = _agent_of(nlp, text, "attacked", "SV")
    assert a1 is None or a1.actor.text != "He"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("On Sunday, rebels of the National Liberation Front attacked an army post.", "attacked"),
        ("On Sunday, fighters from the National Liberation Front attacked an army post.",
         "attacked"),
        ("On Sunday, National Liberation Front rebels attacked an army post.", "attacked"),
        ("On Sunday, the National Liberation Front (FNL) attacked an army post.", "attacked"),
    ],
)
def test_an_unlisted_front_is_named(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, text, trigger)
    assert a1 == "National Liberation Front"


def test_gunmen_from_a_village_stay_unidentified(nlp) -> None:  # type: ignore[no-untyped-def]
    a1, _, _, _ = _roles(nlp, "On Sunday, gunmen from the village attacked a police post.",
                         "attacked")
    assert a1 == "Unidentified Armed Group"
