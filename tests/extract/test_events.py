"""Trigger detection, non-event filtering, grouping and ACLED typing on written sentences."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import ActorRegistry, ActorResolver
from sitrep.extract.events import default_lexicon, find_triggers, is_reported_event
from sitrep.extract.sub_types import group_triggers, sub_event_type


def _events(nlp, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """(main class, sub-event type) for each event group found in `text`."""
    lex = default_lexicon()
    doc = nlp(text)
    resolver = ActorResolver(ActorRegistry(), doc, None)
    out = []
    for sent in doc.sents:
        trig = [t for t in find_triggers(sent, lex) if is_reported_event(doc[t.anchor], lex)]
        for group in group_triggers(trig, lex):
            a1, a2 = resolver.roles([doc[m.anchor] for m in group.members])
            sub = sub_event_type(group, doc, lex, a1.actor if a1 else None,
                                 a2.actor if a2 else None, None)
            out.append((group.main.cls, sub))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warplanes carried out an air strike on the village of Tel Afar, killing six people.",
         ["Air/drone strike"]),
        ("A roadside bomb exploded near a police patrol in Kandahar, wounding two officers.",
         ["Remote explosive/landmine/IED"]),
        ("A suicide bomber blew himself up at a checkpoint, killing nine soldiers.",
         ["Suicide bomb"]),
        ("Rebels shelled the town and abducted three aid workers.",
         ["Shelling/artillery/missile attack", "Abduction/forced disappearance"]),
        ("Police arrested 14 men in a dawn raid on Tuesday.", ["Arrests"]),
        ("Gunmen stormed a wedding and shot dead 11 guests.", ["Attack"]),
        ("Army troops recaptured the town of Bama from the insurgents.",
         ["Government regains territory"]),
        ("Islamic State fighters seized the town of Hit after heavy fighting.",
         ["Non-state actor overtakes territory"]),
        ("Thousands of teachers protested outside parliament over unpaid wages.",
         ["Peaceful protest"]),
        ("Police fired tear gas to disperse hundreds of demonstrators in the capital.",
         ["Protest with intervention"]),
        ("The two sides signed a ceasefire agreement in Geneva.", ["Agreement"]),
        ("Soldiers clashed with militants near the border for several hours.", ["Armed clash"]),
        ("Militants threw a grenade into a crowded market.", ["Grenade"]),
        ("Engineers defused a bomb planted under a bridge.", ["Disrupted weapons use"]),
    ],
)
def test_sub_event_types(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The militants vowed to retake the city within a week.",
        "The army denied shelling the village.",
        "Officials warned that the rebels could strike again.",
        "If the talks fail, the army will attack the town.",
        "Did the government bomb the hospital?",
        "Nobody was killed and there was no fighting in the area.",
        "The president plans to sign a peace agreement next month.",
    ],
)
def test_non_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, text) == []


def test_weapon_absorbs_killings(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("Two children were killed and five people wounded in an air strike on Sunday.")
    groups = group_triggers(find_triggers(doc, lex), lex)
    assert len(groups) == 1
    assert groups[0].main.cls == "air"
    assert {m.cls for m in groups[0].members} == {"air", "kill", "wound"}


def test_proper_noun_month_is_not_a_march(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("The report was published in March by the ministry.")
    assert find_triggers(doc, lex) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the instrument fixes the sub-type whoever the victims are
        ("Russian warplanes killed twelve villagers near the market.", ["Air/drone strike"]),
        ("Government tanks killed four farmers outside the town.",
         ["Shelling/artillery/missile attack"]),
        # a verb made a trigger by its object
        ("Hundreds of farmers blocked the main highway for six hours.", ["Peaceful protest"]),
        # people acted upon are victims, not a riot of their own
        ("Police shot dead three rioters in the old city.", ["Attack"]),
        ("Riot police used batons and tear gas against the crowd.",
         ["Protest with intervention"]),
        ("Authorities imposed a curfew in the town after the clashes.",
         ["Change to group/activity", "Armed clash"]),
        ("Customs officers confiscated rifles and explosives from a lorry.",
         ["Disrupted weapons use"]),
        # irregular past forms the lemmatiser misses
        ("French troops retook the town in January.", ["Government regains territory"]),
    ],
)
def test_more_sub_event_types(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two sides failed to reach an agreement on the prisoners.",
        "The envoy urged both parties to halt the attacks on the border.",
        "The rebels captured a grenade launcher and two rifles.",
    ],
)
def test_more_non_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text)
            if sub not in ("Non-state actor overtakes territory",)] == []


def test_agreement_verb_needs_armed_or_state_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [s for _, s in _events(nlp, "The Sudanese army agreed to a truce with the rebels.")] \
        == ["Agreement"]
    assert [s for _, s in _events(nlp, "The two companies agreed to merge.")] == [None]


def test_pos_tag_constrains_the_tagged_word(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("Guards sexually abused the prisoners in the camp.")
    assert [t.cls for t in find_triggers(doc, lex)] == ["sexual"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebel group declared a unilateral ceasefire in the north on Sunday.",
         ["Agreement"]),
        ("The government outlawed the largest opposition party on Monday.",
         ["Change to group/activity"]),
        ("Villagers stayed away from work on Monday to protest against the new dam.",
         ["Peaceful protest"]),
    ],
)
def test_codebook_additions(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers handed over two tonnes of medicine to the hospital in the town.",
        "The two governments signed an agreement to increase trade next year.",
    ],
)
def test_no_territory_or_conflict_settled(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text) if sub is not None] == []


def test_past_perfect_relative_clause_is_background(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.events import in_background_clause

    lex = default_lexicon()
    doc = nlp("The rebels freed the two engineers, whom they had kidnapped in May.")
    tok = next(t for t in doc if t.text == "kidnapped")
    assert in_background_clause(tok, lex)


def test_declared_ceasefire_is_a_retreat() -> None:
    lex = default_lexicon()
    assert lex.classes["ceasefire_declared"]["plover"] == "RETREAT"


def test_crowd_event_keeps_an_agented_killing_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("Many died in the riots, and ten of them were killed in police firing.")
    groups = group_triggers(find_triggers(doc, lex), lex, doc)
    assert {g.main.cls for g in groups} == {"riot", "kill"}


@pytest.mark.parametrize(
    "text",
    [
        "He fought pancreatic cancer for three years before he died in March.",
        "Shares of the company fell to $12 after the earnings report.",
        "The bank's stock price fell to its lowest level in a decade.",
        "The couple were engaging in sexual intercourse when they were found.",
        "The actress is locked in a legal battle with her former studio.",
        "Firefighters fought the blaze for six hours.",
        "The senator died of a heart attack at his home on Sunday.",
        "The company finally succumbed to pressure from its investors on Monday.",
    ],
)
def test_everyday_senses_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text) if sub is not None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels fought government forces in the northern province on Tuesday.",
         "Armed clash"),
        ("Government troops engaged the insurgents near the border.", "Armed clash"),
        ("The soldiers engaged in heavy fighting with the militants overnight.", "Armed clash"),
        ("The town fell to the rebels after a week of fighting.",
         "Non-state actor overtakes territory"),
    ],
)
def test_conflict_senses_stay_events(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in [sub for _, sub in _events(nlp, text)]


def test_gunfire_hitting_a_civilian_is_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    subs = [sub for _, sub in _events(nlp, "A woman was wounded by gunfire on Elm Street.")]
    assert subs == ["Attack"]
    subs = [sub for _, sub in _events(nlp, "Two soldiers were wounded by gunfire near the base.")]
    assert subs == ["Armed clash"]


@pytest.mark.parametrize(
    "text",
    [
        "The bombings so shook the international community that it demanded punishment.",
        "Five grenades and material for making explosives were found at the site.",
        "Police seized the rifles and grenades that the band carried.",
        "They were heavily armed and carried knapsacks with bombs.",
    ],
)
def test_generic_plurals_and_held_weapons_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    subs = [sub for cls, sub in _events(nlp, text) if cls != "disrupt"]
    assert [s for s in subs if s is not None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two bombings in the north wounded six people.", "Remote explosive/landmine/IED"),
        ("Guerrillas hurled grenades at the police station.", "Grenade"),
        ("The rebels set the factory on fire.", "Looting/property destruction"),
        ("Guerrillas set two buses ablaze in the capital.", "Looting/property destruction"),
        ("The commando set fire to a grocery store.", "Looting/property destruction"),
        ("A bus was burned by unidentified individuals.", "Looting/property destruction"),
    ],
)
def test_counted_acts_and_arson_are_events(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in [sub for _, sub in _events(nlp, text)]


def test_verbal_attack_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In his speech the senator harshly attacked the president and his ministers."
    assert [sub for _, sub in _events(nlp, text) if sub is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The evidence disappeared from the files of the commission.",
        "The judge handled several cases of kidnapping and extortion.",
    ],
)
def test_things_vanishing_and_kinds_of_crime_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text) if sub is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The government mobilized army reservists on Tuesday.",
        "The army deployed 500 soldiers to the border town on Monday.",
        "The provincial government ordered patrols by police in the old city.",
        "Troops along the frontier were put on high alert.",
    ],
)
def test_mobilised_forces_are_a_strategic_development(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("mobilize", "Change to group/activity") in _events(nlp, text)
    assert default_lexicon().classes["mobilize"]["plover"] == "MOBILIZE"


def test_deploying_other_things_is_no_mobilisation(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "The company deployed new software across its offices.") == []


def test_crowd_event_keeps_police_firing_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("Two men were killed in police firing after mobs went on the rampage.")
    groups = group_triggers(find_triggers(doc, lex), lex, doc)
    kill = next(g for g in groups if g.main.cls == "kill")
    assert all(g.main.cls not in lex.crowd_classes or all(
        m.cls != "kill" for m in g.members) for g in groups)
    assert kill.main.cls == "kill"


def test_relative_clause_act_is_reported_under_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("The party demanded action against the officers who killed a farmer on Sunday.")
    killed = next(t for t in doc if t.text == "killed")
    assert is_reported_event(killed, lex)
    planned = nlp("The party demanded that the officers stop the killings.")
    assert not is_reported_event(next(t for t in planned if t.text == "killings"), lex)


def test_flag_march_is_a_show_of_force_not_a_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _events(nlp, "The army staged a flag march through the old city on Friday.")
    assert found == [("mobilize", "Change to group/activity")]


def test_hyphenated_modifier_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "Schools reopened in the riot-hit areas of the city.") == []


def test_weapon_of_another_clause_keeps_police_firing_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("Two men were killed in police firing after the crowd set shops alight with "
              "petrol bombs.")
    groups = group_triggers(find_triggers(doc, lex), lex, doc)
    kill = next(g for g in groups if any(m.cls == "kill" for m in g.members))
    assert kill.main.cls in ("kill", "attack")
    blast = nlp("A bomb went off in the bazaar, killing two traders.")
    groups = group_triggers(find_triggers(blast, lex), lex, blast)
    assert len(groups) == 1  # the blast's own deaths stay with it


def test_succumbing_to_wounds_stays_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A girl hit by a stray bullet succumbed to her gunshot wounds in hospital on Friday."
    assert [sub for _, sub in _events(nlp, text) if sub is not None] != []


@pytest.mark.parametrize(
    "text",
    [
        "Two youths were beaten to death near the station on Monday.",
        "The crowd hacked a shopkeeper to death in the old quarter.",
        "Three persons lost their lives in the firing.",
        "A teenager fell to police bullets during the curfew.",
        "Four people were mowed down outside the mosque.",
        "A woman was strangled in her home by unidentified men.",
        "Troops fatally shot a farmer at the checkpoint.",
    ],
)
def test_ways_of_telling_a_killing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    classes = [cls for cls, sub in _events(nlp, text) if sub is not None]
    assert classes and classes[0] in ("kill", "attack")


@pytest.mark.parametrize(
    "text",
    [
        "The court sentenced three of the plotters to death on Monday.",
        "The children were scared to death by the noise.",
        "The minister met representatives of government bodies and civic bodies.",
        "The magistrate issued an arrest warrant for the former mayor.",
    ],
)
def test_death_and_arrest_idioms_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text) if sub is not None] == []


@pytest.mark.parametrize(
    ("text", "cls", "sub"),
    [
        ("The rebels freed twenty hostages on Sunday.", "release", "Agreement"),
        ("The two sides exchanged prisoners at the border crossing.", "release", "Agreement"),
        ("Hundreds of fighters surrendered to the army in the north.", "surrender",
         "Agreement"),
        ("The guerrillas laid down their arms at a ceremony in the capital.", "surrender",
         "Agreement"),
        ("The army withdrew its troops from the southern town.", "withdraw",
         "Non-violent transfer of territory"),
        ("The authorities lifted the curfew in the old city on Tuesday.", "ease",
         "Change to group/activity"),
        ("The warring parties agreed to a cessation of hostilities.", "agreement", "Agreement"),
        ("Government troops and rebels traded fire near the airport.", "clash", "Armed clash"),
        ("Gunmen hijacked a bus carrying thirty passengers.", "abduct",
         "Abduction/forced disappearance"),
        ("Activists staged a dharna outside the district office.", "protest",
         "Peaceful protest"),
        ("The police rounded up forty people and jailed their leader.", "arrest", "Arrests"),
    ],
)
def test_codebook_coverage(nlp, text: str, cls: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert (cls, sub) in _events(nlp, text)


def test_releasing_things_is_no_release(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "The company released its annual report on Friday.") == []
    assert _events(nlp, "The ministry released a statement on the talks.") == []


def test_plover_types_of_new_classes() -> None:
    lex = default_lexicon()
    assert lex.classes["release"]["plover"] == "RETREAT"
    assert lex.classes["surrender"]["plover"] == "RETREAT"
    assert lex.classes["withdraw"]["plover"] == "RETREAT"
    assert lex.classes["ease"]["plover"] == "CONCEDE"
    assert lex.plover["Chemical weapon"] == "ASSAULT"  # PLOVER: use of CBRN weapons


def test_crowd_weapons_join_the_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _events(nlp, "The rioters pelted the police with brickbats and petrol bombs.")
    assert [cls for cls, _ in found] == ["riot"]


def test_a_past_obligation_reports_its_act(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("The police had to open fire to disperse the crowd.")
    assert is_reported_event(next(t for t in doc if t.text == "open"), lex)
    forced = nlp("The guards were forced to open fire on the attackers.")
    assert is_reported_event(next(t for t in forced if t.text == "open"), lex)
    planned = nlp("The police plan to open fire if the crowd advances.")
    assert not is_reported_event(next(t for t in planned if t.text == "open"), lex)


def test_artillery_shells_are_no_tear_gas(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [c for c, _ in _events(nlp, "The army fired two artillery shells at the village.")] \
        == ["shelling"]
    assert [c for c, _ in _events(nlp, "The police fired teargas shells at the crowd.")] \
        == ["repress"]


def test_a_negated_governor_reports_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("The government was not compelled to arrest the leader.")
    assert not is_reported_event(next(t for t in doc if t.text == "arrest"), lex)


@pytest.mark.parametrize(
    "text",
    [
        "A body was found in a field on Sunday. The man had been shot twice.",
        "The bodies of two men were discovered near the river. Both had been stabbed.",
        "Police recovered the body of a teenager from the canal. He had been strangled.",
    ],
)
def test_found_bodies_of_a_violent_death_are_a_killing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    lex = default_lexicon()
    found = [t.cls for t in find_triggers(doc, lex) if is_reported_event(doc[t.anchor], lex)
             and doc[t.anchor].lemma_ in ("find", "discover", "recover")]
    assert found == ["kill"]


@pytest.mark.parametrize(
    "text",
    [
        "A body was found in the lake on Sunday. The hiker had been missing since May.",
        "Rescuers recovered the bodies of three climbers after the avalanche.",
        "Police found the body of a man in his flat; he had died of a heart attack.",
    ],
)
def test_found_bodies_with_no_violence_are_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    lex = default_lexicon()
    assert not [t for t in find_triggers(doc, lex)
                if doc[t.anchor].lemma_ in ("find", "discover", "recover")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The teenager passed away at the hospital on Monday. He had been shot in the back.",
         ["kill"]),
        ("A woman who was stabbed outside a bar on Friday passed on early Sunday.", ["kill"]),
        ("The retired judge passed away on Monday after a long illness. He once survived a "
         "shooting.", []),
        ("The actor passed away peacefully at his home on Monday.", []),
        ("After the shooting, a witness passed on the licence plate number to detectives.", []),
    ],
)
def test_passing_away_is_a_killing_only_where_violence_is_told(
        nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    lex = default_lexicon()
    found = [t.cls for t in find_triggers(doc, lex) if doc[t.anchor].lemma_ == "pass"]
    assert found == expected


def test_body_found_gives_a_record_with_its_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from sitrep.extract.extractor import EventExtractor
    from sitrep.record import Article

    text = ("The body of a 30-year-old man was found in a parked car on Oak Street on Sunday. "
            "Investigators said he had suffered gunshot wounds and are treating it as a homicide.")
    records = EventExtractor().extract(nlp(text), Article(text=text, published=date(2021, 3, 9)))
    assert records
    first = records[0]
    assert first.sub_event_type == "Attack"
    assert first.fatalities is not None and first.fatalities.best == 1
    assert first.actor1 is None  # no perpetrator is told: none is made up


@pytest.mark.parametrize(
    "text",
    [
        "The suspect surrendered before the court on Monday.",
        "The accused surrendered at the police station with his lawyer.",
        "The two detainees were released on bail on Friday.",
        "The police released the men after questioning.",
    ],
)
def test_legal_release_and_surrender_are_no_agreement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _, sub in _events(nlp, text) if sub == "Agreement"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Twenty militants surrendered to the army on Sunday.",
        "The rebels freed twenty hostages on Sunday.",
        "Five hostages were released on Tuesday.",
        "The two sides exchanged prisoners at the border crossing.",
    ],
)
def test_conflict_release_and_surrender_stay_agreements(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "Agreement" in [sub for _, sub in _events(nlp, text)]


def _title_records(nlp, title: str):  # type: ignore[no-untyped-def]
    """Records of an article whose body tells nothing and whose headline tells the event."""
    from datetime import date

    from sitrep.extract.extractor import EventExtractor
    from sitrep.record import Article

    body = "Sign in to read more. Check your inbox for the confirmation link."
    article = Article(text=body, title=title, published=date(2020, 6, 2))
    return EventExtractor().extract(nlp(body), article, nlp(title))


@pytest.mark.parametrize(
    ("title", "victim"),
    [
        ("Teenager Shot In Riverton", "Teenager"),
        ("Juvenile shot in arm in Millbrook", "Juvenile"),
        ("5 shot, one fatally, on Elm street", None),
        ("Teen Shot To Death In Eastfield", "Teen"),
    ],
)
def test_a_headline_participle_read_as_a_noun_is_the_event(nlp, title: str,  # type: ignore[no-untyped-def]
                                                           victim: str | None) -> None:  # type: ignore[no-untyped-def]
    records = _title_records(nlp, title)
    assert records and records[0].event_type == "Violence against civilians"
    assert (records[0].actor2.text if records[0].actor2 else None) == victim
    assert records[0].actor1 is None  # the headline names no shooter


def test_headline_participle_with_a_number(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp("6 shot on the east side, suspects still at large")
    assert [t.cls for t in find_triggers(doc, lex)] == ["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "He got a flu shot on Monday.",
        "The striker scored with one shot in the second half.",
        "The photographer took a great shot of the skyline.",
    ],
)
def test_the_noun_shot_is_no_headline_participle(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp(text)
    assert not [t for t in find_triggers(doc, lex) if doc[t.anchor].lower_ == "shot"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officers are asking questions after they say a boy shot his cousin in the leg.",
         "shot"),
        ("A 4-year-old is recovering in hospital after accidentally shooting himself.",
         "shooting"),
        ("The militia vowed revenge after the attack on its base.", "attack"),
        ("The mayor cancelled the parade because gunmen had killed two guards.", "killed"),
    ],
)
def test_what_follows_after_or_because_happened(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp(text)
    assert is_reported_event(next(t for t in doc if t.text == word), lex)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rebels plan to attack the town after the army withdraws.", "attack"),
        ("They threatened to kill the hostages after the deadline.", "kill"),
    ],
)
def test_a_plan_stays_a_plan_beside_an_after_phrase(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp(text)
    assert not is_reported_event(next(t for t in doc if t.text == word), lex)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Deputies were called to a report of a shooting on Pine Road.", "shooting"),
        ("Police said a 19-year-old man is wanted in the shooting on Pine Road.", "shooting"),
        ("Anyone with information about the stabbing is asked to call police.", "stabbing"),
        ("A birthday party ended in gunfire, leaving one man dead.", "dead"),
        ("The woman who was shot is expected to survive.", "shot"),
        ("A boy is recovering from a gunshot wound to the leg.", "wound"),
        ("Officers discovered the victim had been shot in the chest.", "shot"),
        ("He is charged in the shooting that occurred on Saturday night.", "shooting"),
    ],
)
def test_other_senses_of_non_event_governors(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp(text)
    assert is_reported_event(next(t for t in doc if t.text == word), lex)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rebels called for a general strike.", "strike"),
        ("The army vowed to end the attacks.", "attacks"),
        ("The gang wanted to kill the witness.", "kill"),
        ("The council cancelled the march.", "march"),
    ],
)
def test_non_event_governors_still_govern(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    lex = default_lexicon()
    doc = nlp(text)
    assert not is_reported_event(next(t for t in doc if t.text == word), lex)


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("Two men were arrested on Friday after a boy shot his sister.", ["arrest", "attack"]),
        ("Police arrested 14 men in a dawn raid.", ["arrest"]),
        ("Police arrested the men who attacked the station.", ["arrest"]),
    ],
)
def test_an_act_in_its_own_clause_is_no_part_of_the_arrest(nlp, text: str,  # type: ignore[no-untyped-def]
                                                           classes: list[str]) -> None:
    lex = default_lexicon()
    doc = nlp(text)
    found = [t for t in find_triggers(doc, lex) if is_reported_event(doc[t.anchor], lex)]
    assert [g.main.cls for g in group_triggers(found, lex, doc)] == classes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 300 nurses held a sit-in at the regional hospital over unpaid overtime.",
         "Peaceful protest"),
        ("Gunmen gang-raped two girls in a farming village late on Monday.", "Sexual violence"),
        ("A girl of fourteen was raped by a soldier near the market.", "Sexual violence"),
        ("Riot police lathi-charged students outside the college gate.",
         "Protest with intervention"),
    ],
)
def test_hyphenated_and_mislemmatised_triggers_match(nlp, text: str,  # type: ignore[no-untyped-def]
                                                     expected: str) -> None:
    assert _events(nlp, text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two rebel factions said they had merged into a single movement.",
         "Change to group/activity"),
        ("A new vigilante force announced its formation at a rally in the north.",
         "Change to group/activity"),
        ("Dozens of fighters defected from the rebel army to the government side.",
         "Change to group/activity"),
        ("The junta suspended the constitution and closed the borders.", "Other"),
        ("Investigators found a mass grave holding 40 bodies near the river.", "Other"),
        ("Thousands of villagers fled their homes as the army advanced.", "Other"),
        ("The militants abandoned the town of Rawa before army units arrived.",
         "Non-violent transfer of territory"),
        ("Government troops took control of the airport after the rebels handed it over.",
         "Non-violent transfer of territory"),
        ("Rebels captured the garrison town unopposed on Sunday.",
         "Non-violent transfer of territory"),
        ("Police seized a stockpile of assault rifles and grenades in a farmhouse.",
         "Disrupted weapons use"),
        ("Engineers destroyed a minefield laid along the river bank.", "Disrupted weapons use"),
        ("Bandits seized four engineers working on a road in Zamfara.",
         "Abduction/forced disappearance"),
        ("The militia took two journalists hostage at a checkpoint.",
         "Abduction/forced disappearance"),
        ("A lawyer was picked up by unidentified men on Friday and has not been seen since.",
         "Abduction/forced disappearance"),
        ("Insurgents set up a camp in the hills above the valley.",
         "Headquarters or base established"),
        ("Militants built a new camp near the border crossing.",
         "Headquarters or base established"),
        ("Attackers burned a mobile phone mast in the district.",
         "Looting/property destruction"),
        ("A mob beat two suspected thieves and set fire to their car.", "Mob violence"),
        ("A crowd torched the house of a man accused of witchcraft.", "Mob violence"),
        ("Unknown assailants vandalised a mosque overnight.", "Looting/property destruction"),
        ("Students protesting fee increases ransacked the dean's office.",
         "Violent demonstration"),
        ("Opposition supporters clashed with police during a protest over the vote count.",
         "Violent demonstration"),
        ("Troops shot dead nine people taking part in a protest against the curfew.",
         "Excessive force against protesters"),
        ("A student died after being struck by a rubber bullet fired by police at a protest.",
         "Excessive force against protesters"),
        ("Fighter jets pounded rebel positions near the dam.", "Air/drone strike"),
        ("Militants fired rockets filled with chlorine at the town.", "Chemical weapon"),
        ("Artillery units fired shells filled with mustard agent at the trenches.",
         "Chemical weapon"),
    ],
)
def test_sub_types_from_context(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers clashed with rebels near the dam for several hours.", "Armed clash"),
        ("Rebels seized the town of Kamango after heavy fighting.",
         "Non-state actor overtakes territory"),
        ("Police detained twelve suspects in a raid on Friday.", "Arrests"),
        ("Protesters torched tyres and threw stones at police during a march.",
         "Violent demonstration"),
        ("Gunmen burned three houses in the village.", "Looting/property destruction"),
    ],
)
def test_neighbouring_sub_types_are_kept_apart(nlp, text: str,  # type: ignore[no-untyped-def]
                                               expected: str) -> None:
    assert _events(nlp, text)[0][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two suspected kidnappers in the city.",
        "Residents caught a suspected kidnapper at the market.",
    ],
)
def test_a_doer_noun_acted_upon_is_no_abduction(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(sub != "Abduction/forced disappearance" for _, sub in _events(nlp, text))


def test_a_named_place_recovered_is_a_territory_regained(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army said it had recovered Mosul from the militants after heavy fighting."
    assert _events(nlp, text)[0][1] == "Government regains territory"
    assert all(cls != "capture" for cls, _ in _events(
        nlp, "Police recovered a stolen car and two rifles in a garage."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A suicide truck-bomb tore through the checkpoint at dawn.", "Suicide bomb"),
        ("Government helicopters struck a market in the town, killing five.",
         "Air/drone strike"),
        ("The village was hit by army artillery overnight.", "Shelling/artillery/missile attack"),
        ("Rockets carrying a toxic chemical landed on the trenches.", "Chemical weapon"),
        ("Government forces fired shells that released a poisonous gas over the village.",
         "Chemical weapon"),
        ("Police fired CS gas at students protesting in the square.",
         "Protest with intervention"),
        ("Soldiers detained the president and dissolved parliament in a coup on Wednesday.",
         "Other"),
        ("Mutinous troops seized control of the government in the capital.", "Other"),
        ("Hundreds of nurses gathered outside the ministry to demand unpaid wages.",
         "Peaceful protest"),
        ("Relatives gathered at the police station to denounce the arrest of two reporters.",
         "Peaceful protest"),
        ("Hundreds of families fled their villages after militia attacks.", "Other"),
        ("A crowd attacked two policemen after a road accident.", "Mob violence"),
        ("Two groups of traders attacked each other with iron rods at the market.",
         "Mob violence"),
        ("Marines captured a senior commander of the cartel in a raid.", "Arrests"),
        ("Gunmen captured three engineers on the highway.", "Abduction/forced disappearance"),
        ("The army drove the insurgents out of three villages near the lake.",
         "Government regains territory"),
        ("The militia turned a primary school into its headquarters.",
         "Headquarters or base established"),
        ("Troops installed a forward base on the ridge.", "Headquarters or base established"),
        ("Air defences downed five drones over the capital.", "Disrupted weapons use"),
        ("Police intercepted a consignment of weapons at the border.", "Disrupted weapons use"),
        ("Armed men raided and emptied shops in the market.", "Looting/property destruction"),
        ("Under a deal brokered by elders, the militia withdrew from the town.",
         "Non-violent transfer of territory"),
        ("Supporters of the jailed leader threw stones at police.", "Violent demonstration"),
        ("During the protest, some marchers attacked a bank.", "Violent demonstration"),
        ("A marcher was crushed to death by a police truck during the rally.",
         "Excessive force against protesters"),
        ("Government aircraft carried out a strike on a market.", "Air/drone strike"),
        ("Gunmen carried off four farmers from their fields.", "Abduction/forced disappearance"),
        ("The rebels held two nurses captive for a week.", "Abduction/forced disappearance"),
        ("Three militias announced a unified command for the region.",
         "Change to group/activity"),
        ("Police found a pit with the bodies of six men who had been shot.", "Other"),
    ],
)
def test_sub_types_of_wider_wording(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Floods displaced thousands of residents in the delta.", "Other"),
        ("Soldiers fled the base as the rebels approached.", "Other"),
        ("Police seized 300 kilograms of heroin at the port of Mombasa.",
         "Non-state actor overtakes territory"),
        ("The rebels entered the town without resistance.", "Armed clash"),
        ("Supporters of the jailed leader threw stones at police.", "Arrests"),
        ("Rebel fighters marched into the town square on Sunday.", "Peaceful protest"),
        ("Police intercepted two suspects on the highway.", "Disrupted weapons use"),
        ("Demonstrators against the coup marched through the capital.", "Other"),
        ("Relatives gathered at the police station to denounce the arrest of two reporters.",
         "Protest with intervention"),
    ],
)
def test_neighbouring_readings_left_out(nlp, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert all(sub != absent for _, sub in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "A bus overturned on the highway, killing nine passengers.",
        "A fire destroyed dozens of shops in the market.",
        "Police gathered evidence at the scene on Monday.",
    ],
)
def test_accidents_and_everyday_senses_are_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, text) == []


def _arrests(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    lex = default_lexicon()
    return [doc[t.anchor].lemma_ for t in find_triggers(doc, lex)
            if t.cls == "arrest" and is_reported_event(doc[t.anchor], lex)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forty traders were booked under the new security act on Friday.", ["book"]),
        ("The constables picked up twelve youths outside the temple at night.", ["pick"]),
        ("Two smugglers were caught by border guards near the river.", ["catch"]),
        ("The guards locked up the protesters in a school building.", ["lock"]),
        ("The family booked a room for the wedding guests.", []),
        ("She picked up the parcel from the post office.", []),
        ("The warehouse caught fire late on Sunday.", []),
        ("A passer-by was caught in the crossfire between the two gangs.", []),
        ("The guards were caught unawares by the sudden attack.", []),
        ("The owner locked up the shop and went home.", []),
    ],
)
def test_arrest_verbs_of_everyday_sense_need_a_person_taken(
        nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _arrests(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The guards were able to detain six of the smugglers.", ["detain"]),
        ("The guards will be able to detain the smugglers soon.", []),
        ("The guards were not able to detain the smugglers.", []),
    ],
)
def test_a_past_ability_reports_its_act(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _arrests(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The police detained four men in connection with the stabbing of a trader.",
        "Soldiers arrested two youths for beating a shopkeeper.",
        "The men were arrested on charges of arson and looting.",
    ],
)
def test_the_offence_of_an_arrest_joins_the_arrest(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [sub for _cls, sub in _events(nlp, text)] == ["Arrests"]


def test_an_offence_named_by_a_case_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The station registered a case of murder against three unknown men.")
    assert not find_triggers(doc, default_lexicon())


def test_the_finder_of_a_body_is_no_side(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from sitrep.extract.extractor import EventExtractor
    from sitrep.record import Article

    text = "Soldiers found the bodies of three farmers who had been shot by bandits."
    records = EventExtractor().extract(nlp(text), Article(text=text, published=date(2021, 3, 4)))
    assert [r.sub_event_type for r in records] == ["Attack"]
    assert records[0].actor1 is not None and "bandits" in records[0].actor1.text
