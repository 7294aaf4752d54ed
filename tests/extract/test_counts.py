"""Casualty figures: quantity parsing and casualty extraction on written sentences."""

from __future__ import annotations

import pytest

from sitrep.eval.gva import article_figures
from sitrep.extract.counts import find_casualties, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", (7, 7, 7)),
        ("3,000", (3000, 3000, 3000)),
        ("seventeen", (17, 17, 17)),
        ("twenty-five", (25, 25, 25)),
        ("a dozen", (12, 12, 12)),
        ("two hundred", (200, 200, 200)),
        ("two hundred and fifty", (250, 250, 250)),
        ("1.5 million", (1_500_000, 1_500_000, 1_500_000)),
        ("3,000 to 5,000", (3000, 3000, 5000)),
        ("3,000-5,000", (3000, 3000, 5000)),
        ("between 10 and 15", (10, 10, 15)),
        ("three or four", (3, 3, 4)),
        ("at least 5", (5, 5, 5)),
        ("more than 20", (20, 20, 20)),
        ("up to 30", (1, 30, 30)),
        ("fewer than 10", (1, 9, 9)),
        ("nearly 40", (36, 40, 40)),
        ("about 40", (36, 40, 44)),
        ("tens", (10, 10, 99)),
        ("dozens", (12, 12, 99)),
        ("hundreds", (100, 100, 999)),
        ("thousands", (1000, 1000, 9999)),
        ("several", (3, 3, 9)),
        ("a few", (2, 3, 5)),
        ("several hundred", (300, 300, 900)),
        ("tens of thousands", (10_000, 10_000, 99_999)),
    ],
)
def test_parse_quantity(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "fighters", "Nov.", "the 4th", "lots of"])
def test_parse_quantity_rejects_non_figures(text: str) -> None:
    assert parse_quantity(text) is None


# sentence -> [(kind, best, high, who, cumulative, trigger word)]
CASES: list[tuple[str, list[tuple[str, int, int, str | None, bool, str]]]] = [
    (
        "Officials had word that three men were killed and 11 other villagers wounded "
        "in shelling on the market.",
        [("killed", 3, 3, "men", False, "killed"),
         ("injured", 11, 11, "civilians", False, "wounded")],
    ),
    (
        "The militia executed 30 of its own members near the river crossing.",
        [("killed", 30, 30, None, False, "executed")],
    ),
    (
        "The death toll from the blast rose to 40 on Sunday.",
        [("killed", 40, 40, None, True, "toll")],
    ),
    (
        "The car bomb left 6 people dead and 9 injured outside the mosque.",
        [("killed", 6, 6, "people", False, "dead"), ("injured", 9, 9, None, False, "injured")],
    ),
    ("Medics said at least 14 people were dead.", [("killed", 14, 14, "people", False, "dead")]),
    ("Seven bodies were found near the checkpoint.", [("killed", 7, 7, None, False, "bodies")]),
    (
        "Rebels ambushed the convoy, killing four soldiers and wounding nine others.",
        [("killed", 4, 4, "soldiers", False, "killing"),
         ("injured", 9, 9, None, False, "wounding")],
    ),
    ("Dozens were wounded when the roof collapsed.", [("injured", 12, 99, None, False, "wounded")]),
    ("The shelling caused 15 casualties among civilians.",
     [("casualties", 15, 15, "civilians", False, "casualties")]),
    ("Two girls and five women were killed.",
     [("killed", 2, 2, "children", False, "killed"), ("killed", 5, 5, "women", False, "killed")]),
    ("Nine people, including two children, were killed in the raid.",
     [("killed", 9, 9, "people", False, "killed")]),
    ("Police said the bodies of six men were recovered.",
     [("killed", 6, 6, "men", False, "bodies")]),
    ("Three policemen died in the ambush.", [("killed", 3, 3, "police", False, "died")]),
    ("No one was killed, but several protesters were hurt.",
     [("killed", 0, 0, None, False, "killed"), ("injured", 3, 9, "protesters", False, "hurt")]),
    ("There were no casualties.", [("casualties", 0, 0, None, False, "casualties")]),
    ("Between 20 and 25 fighters were killed.", [("killed", 20, 25, "militants", False, "killed")]),
    # headline style: "shot" read as a noun counted by its figure
    ("4 shot near stadium after match", [("injured", 4, 4, None, False, "shot")]),
    ("Brawl outside bar leaves 7 shot, one stabbed",
     [("injured", 7, 7, None, False, "shot")]),
    ("A man was charged over the fatal shooting of a teenager.",
     [("killed", 1, 1, None, False, "shooting")]),
    ("Hunter accidentally shot, killed near lake", [("killed", 1, 1, None, False, "shot")]),
    ("The gunman killed two clerks and then himself.",
     [("killed", 2, 2, None, False, "killed"), ("killed", 1, 1, None, False, "killed")]),
    ("Some 13,000 people have been killed in the region since 1980.",
     [("killed", 13000, 14300, "people", True, "killed")]),
    ("He wounded three guards before taking his own life.",
     [("injured", 3, 3, "security forces", False, "wounded"),
      ("killed", 1, 1, None, False, "taking")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_casualties(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = find_casualties(doc)
    got = [(m.kind, m.count.best, m.count.high, m.count.who, m.count.cumulative,
            doc[m.trigger].text) for m in found]
    assert got == expected
    for m in found:
        assert doc.text[m.start : m.end] == m.count.text
        assert m.count.low <= m.count.best <= m.count.high


@pytest.mark.parametrize(
    "text",
    [
        "An estimated 3,000 to 5,000 fighters are scattered across the town.",
        "At least five regiments took part in the operation launched Nov. 4.",
        "The city held 2 million residents before it was captured in 2014.",
        "Troops recaptured six neighborhoods on the eastern bank.",
        "A 25-year-old man said 3 vehicles were destroyed.",
        "The ministry pledged $5 million for the 40 families displaced.",
        "There were no immediate reports of casualties.",
        "The guard fired one shot into the air.",
        "Officers heard 12 shots before the car sped away.",
        "Tyrone Porter, 24, was charged with attempted murder.",
        "Both Porter, 32, and Diaz, 34, were questioned at the scene.",
    ],
)
def test_non_casualty_numbers_stay_out(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp(text)) == []


def test_sentence_scope(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Fighting raged all day. Five soldiers were killed in the clashes.")
    first, second = list(doc.sents)
    assert find_casualties(doc, first) == []
    [m] = find_casualties(doc, second)
    assert m.count.best == 5 and m.count.who == "soldiers"


def test_duration_is_not_a_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    # "two days" is no toll; the pronoun counts the one person killed.
    [m] = find_casualties(nlp("He was killed two days ago."))
    assert (m.kind, m.count.best, m.count.text) == ("killed", 1, "He")


# sentence -> [(kind, best, figure text, hit)]
SHOOTINGS: list[tuple[str, list[tuple[str, int, str, bool]]]] = [
    ("A man was shot and killed on Main Street on Friday night.",
     [("killed", 1, "A man", False)]),
    ("A 19-year-old woman was shot in the leg outside the store.",
     [("injured", 1, "A 19-year-old woman", True)]),
    ("Four people were shot, one fatally.",
     [("injured", 4, "Four", True), ("killed", 1, "one", False)]),
    ("Three people were taken to a hospital with gunshot wounds.",
     [("injured", 3, "Three", True)]),
    ("Gunmen opened fire on the party, wounding four men and killing another.",
     [("injured", 4, "four", False), ("killed", 1, "another", False)]),
    ("The victim was pronounced dead at the scene.", [("killed", 1, "The victim", False)]),
    ("Detectives are investigating a double homicide near the river.",
     [("killed", 2, "double", False)]),
    ("The gunman later killed himself.", [("killed", 1, "himself", False)]),
    ("Two soldiers were fatally wounded in the ambush.", [("killed", 2, "Two", False)]),
]


@pytest.mark.parametrize(("text", "expected"), SHOOTINGS)
def test_shootings_and_single_victims(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert [(m.kind, m.count.best, m.count.text, m.hit) for m in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The suspect was taken to the police station.",
        "A soldier was not hurt in the blast.",
        "Troops shot down a drone over the base.",
        "He was killed, she said.[37] Officials gave no figure.",
    ],
)
def test_no_single_victim(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert all(m.count.best == 1 and m.count.text == "He" for m in found)


# sentence -> [(kind, best, hit)]: how local news reports state tolls
TOLL_PHRASES: list[tuple[str, list[tuple[str, int, bool]]]] = [
    # a figure coordinated with a single person counts that person too
    ("A 12-year-old girl and four other people were shot near the park.",
     [("injured", 5, True)]),
    ("Two women and a teenager were hurt in the crash of gunfire.", [("injured", 3, False)]),
    ("Neighbors found Smith and his two daughters dead in the kitchen.", [("killed", 3, False)]),
    # people in a stated condition are hurt
    ("Two men were in critical condition after the shooting.", [("injured", 2, False)]),
    ("The driver remains in serious condition.", [("injured", 1, False)]),
    # wounds counted are not people
    ("She is being treated for three gunshot wounds.", []),
    # "left ... dead", "found ... dead" with one person
    ("A shooting on the corner left a teenage boy dead.", [("killed", 1, False)]),
    ("The shooting left a 16-year-old boy dead and two other people wounded.",
     [("killed", 1, False), ("injured", 2, False)]),
    ("Officers found a woman dead inside the car.", [("killed", 1, False)]),
    # headline style: "found" with no object is passive
    ("2 men, 1 woman found shot to death in farmhouse",
     [("killed", 2, False), ("killed", 1, False)]),
    ("The blast left three porters hurt and a clerk dead.",
     [("injured", 3, False), ("killed", 1, False)]),
    ("It was a raid that left four guards wounded and a driver dead.",
     [("injured", 4, False), ("killed", 1, False)]),
    # people set apart from the killed are not among them
    ("Three other men were shot and taken to the hospital.", [("injured", 3, False)]),
    ("Her cousin was also shot in the arm.", [("injured", 1, False)]),
    ("Okafor died at the scene while two porters suffered gunshot wounds.",
     [("killed", 1, False), ("injured", 2, False)]),
    # headline style: two persons' words before the verb, a comma between
    ("Teen, woman wounded in drive-by on Elm Street", [("injured", 2, False)]),
    ("6-year-old girl, man shot outside corner store", [("injured", 2, True)]),
    ("The victim, a nurse, was shot on Friday.", [("injured", 1, True)]),
    ("Clerk killed, another injured in holdup at gas station",
     [("killed", 1, False), ("injured", 1, False)]),
    # an ordinal alone tells one person, the last of that many
    ("Two guards were shot, and a third was hurt by flying glass.",
     [("injured", 2, False), ("injured", 3, True)]),
    # a part of a set told by number alone: the part's figure, not the sum
    ("One of the four died at the Marr County hospital.", [("killed", 1, False)]),
    ("Two guards died and four more were shot at the depot.",
     [("killed", 2, False), ("injured", 4, False)]),
    ("Two guards died and more than four were shot at the depot.",
     [("killed", 2, False), ("injured", 4, True)]),
    # an age set off by commas after a person is no figure
    ("The other victim, 20, is in stable condition.", [("injured", 1, False)]),
    # an unborn child is not counted as a person
    ("The gunman killed four people and an unborn child.", [("killed", 4, False)]),
    # a gunshot wound or "the shooting of" tells a person hit, who may have died of it
    ("A man suffered a gunshot wound to the chest.", [("injured", 1, True)]),
    ("Detectives are looking into the shooting of a delivery driver.", [("injured", 1, True)]),
    ("Police said the quadruple shooting left one man dead.",
     [("injured", 4, True), ("killed", 1, False)]),
    # a fatal wound, a deceased person, a body found
    ("The clerk suffered a mortal wound to the neck.", [("killed", 1, False)]),
    ("Firefighters discovered a deceased woman in the garage.", [("killed", 1, False)]),
    ("A body was found near the river on Monday.", [("killed", 1, False)]),
    # "pronounced dead" after a figure or at the end of a clause about the victim
    ("Two men were hurt and one victim was pronounced dead at the scene.",
     [("injured", 2, False), ("killed", 1, False)]),
    ("She was flown to a trauma unit where she was examined before being declared dead.",
     [("killed", 1, False)]),
    # the figure is the subject: "two of the guards ... died"
    ("Two of the men, a cook and a driver, died after the shooting.", [("killed", 2, False)]),
    # a person hurt and then dead is counted dead
    ("A clerk wounded in the robbery on Friday has died.", [("killed", 1, False)]),
    # a named person who died
    ("Okafor died at the hospital.", [("killed", 1, False)]),
    # grief is no wound; a photo counter and the last age in a list are no figures
    ("Two families are hurting after the crash.", []),
    ("Photo 3 of 12 Wounded officers were taken to the hospital.", []),
    ("The victims, Ann Roe, 40; and Tom Vance, 52 both died of their wounds.", []),
]


@pytest.mark.parametrize(("text", "expected"), TOLL_PHRASES)
def test_toll_phrases(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert [(m.kind, m.count.best, m.hit) for m in found] == expected


LIVES = [
    ("Three persons lost their lives in the firing on Monday.", [("killed", 3, False)]),
    ("Five villagers lost their lives when the gunmen stormed the market.",
     [("killed", 5, False)]),
    ("A constable lost his life in the ambush.", [("killed", 1, False)]),
    ("The clashes claimed 12 lives in the district.", [("killed", 12, False)]),
    ("The blast took four lives near the bus stand.", [("killed", 4, False)]),
    ("The unrest has claimed at least 30 lives since Friday.", [("killed", 30, False)]),
    ("Nine lives were lost in the stampede at the rally.", [("killed", 9, False)]),
]


@pytest.mark.parametrize(("text", "expected"), LIVES)
def test_lives_lost_and_claimed(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert [(m.kind, m.count.best, m.hit) for m in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The new clinic has saved 40 lives this year.",
        "Doctors said the vaccine could save many lives.",
        "The two brothers lead quiet lives on the farm.",
    ],
)
def test_lives_not_lost_are_no_figure(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp(text)) == []


def test_a_life_given_to_a_cause_is_no_death(nlp) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp("She gave her life to teaching in the village school.")) == []


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("The war has claimed more than 70,000 lives.", True),
        ("The insurgency claimed 40,000 lives in two decades.", True),
        ("About 2,000 soldiers have lost their lives in the region.", True),
        ("The blast took four lives near the bus stand.", False),
        ("Three persons lost their lives in the firing on Monday.", False),
    ],
)
def test_lives_over_a_period_are_a_running_toll(nlp, text: str, cumulative: bool) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert [(m.kind, m.count.cumulative) for m in found] == [("killed", cumulative)]


# sentence -> [(kind, best, cumulative, perpetrator)]: how local news states tolls (round 4)
LOCAL_TOLLS: list[tuple[str, list[tuple[str, int, bool, bool]]]] = [
    # a dateline the parser joins to the first sentence is not its subject
    ("OAK RIDGE, Ky. -\n\nA teenage boy is dead after a hunting accident near the lake.",
     [("killed", 1, False, False)]),
    # a subjectless passive gerund takes the subject of its clause
    ("A 14-year-old boy is recovering after being shot at a birthday party.",
     [("injured", 1, False, False)]),
    # the attacker's own death
    ("The man shot his wife and then turned the gun on himself.",
     [("injured", 1, False, False), ("killed", 1, False, True)]),
    # ... told once where the attacker's death is told as well
    ("The robber turned the gun on himself and died in the parking lot.",
     [("killed", 1, False, False)]),
    # tallies over a period are running tolls
    ("Nineteen officers have been killed in the line of duty this year.",
     [("killed", 19, True, False)]),
    ("Roughly 20 hunters die annually in such accidents.", [("killed", 20, True, False)]),
    ("Forty children were killed so far this year in the county.",
     [("killed", 40, True, False)]),
    ("Two men were killed in the shooting a year ago.", [("killed", 2, False, False)]),
    # ... also where the period goes with the verb that reports the people shot
    ("Already this year, the east side has seen 58 people shot.",
     [("injured", 58, True, False)]),
    # "2 critically" counts some of the figure before it
    ("Seven injured, 3 critically, in shooting at a block party",
     [("injured", 7, False, False)]),
    ("Two dead, 4 critically injured after gas station shooting",
     [("killed", 2, False, False), ("injured", 4, False, False)]),
    # a section label before a headline (round 5)
    ("Metro News: 4 shot in northwest Elmwood", [("injured", 4, False, False)]),
    # the emergency number is no figure
    ("Neighbors called 911 after three people were shot.", [("injured", 3, False, False)]),
]


@pytest.mark.parametrize(("text", "expected"), LOCAL_TOLLS)
def test_local_tolls(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert [(m.kind, m.count.best, m.count.cumulative, m.perpetrator)
            for m in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the people charged are not the victims
        "Dale Brenner, 22, was charged with attempted criminal homicide and assault.",
        # a complaint is no figure; a link to another story tells none of this one
        "There are too many young people dying on our streets.",
        "RELATED: Crash on the interstate leaves two drivers dead",
        # a video playlist: a clip length, then another story's title
        "Pause 1:42 Two hurt in crash on Route 9",
    ],
)
def test_not_victims(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person told wounded and then dead: among the killed, a person hit
        ("Dale Felder was wounded in the head. Felder died at the hospital.",
         [("injured", True), ("killed", False)]),
        ("Ann Roe was in critical condition until she died Tuesday.",
         [("injured", True), ("killed", False)]),
        # another person, or the attacker's own death, is no such case
        ("Tom Vance was killed. Ann Roe was wounded.", [("killed", False), ("injured", False)]),
        ("His wife was wounded before he killed himself.",
         [("injured", False), ("killed", False)]),
        # "shot and wounded" tells survivors, not people hit of whom some died
        ("Two men were shot and wounded and a third man was killed.",
         [("injured", False), ("killed", False)]),
        ("Four people were shot, one fatally.", [("injured", True), ("killed", False)]),
    ],
)
def test_people_hit(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(m.kind, m.hit) for m in find_casualties(nlp(text))] == expected


# sentence -> [(kind, best, hit, cumulative)]: deaths after a shooting, survivors, round-ups,
# people struck by gunfire, headlines the parser misreads (sixth pass)
LATER_AND_SURVIVORS: list[tuple[str, list[tuple[str, int, bool, bool]]]] = [
    # deaths told after the shooting
    ("The clerk was taken to the hospital where he succumbed to his injuries.",
     [("injured", 1, True, False), ("killed", 1, False, False)]),
    ("The cashier shot himself by accident while cleaning a pistol and died as a result.",
     [("killed", 1, False, False), ("injured", 1, True, False)]),
    ("Another victim of Friday's shooting has passed away.", [("killed", 1, False, False)]),
    ("Kwabena died two days later at Elmwood General.", [("killed", 1, False, False)]),
    ("A brother and sister were found fatally shot early Monday at a motel.",
     [("killed", 2, False, False)]),
    ("Deputies say two women and a boy were found dead in the barn.",
     [("killed", 3, False, False)]),
    ("ELMTOWN, Wis. -  A 16-year-old was accidentally shot and killed Monday night.",
     [("killed", 1, False, False)]),
    # headline style
    ("Student dropped off by friends, then shot dead", [("killed", 1, False, False)]),
    ("3-year-old fatally shoots self with pistol", [("killed", 1, False, False)]),
    ("Toddler in serious condition after shooting at home", [("injured", 1, False, False)]),
    # survivors: one injured each, alive (not among the killed)
    ("A man was killed and a woman was shot. The woman is expected to survive.",
     [("killed", 1, False, False), ("injured", 1, True, False), ("injured", 1, False, False)]),
    ("One man died at the scene and the other survived.",
     [("killed", 1, False, False), ("injured", 1, False, False)]),
    ("The victim did not survive.", [("killed", 1, False, False)]),
    # people struck by gunfire
    ("A girl was struck by a stray bullet on New Year's Eve.", [("injured", 1, True, False)]),
    ("Buckshot from the blast struck three people outside the bar.",
     [("injured", 3, True, False)]),
    ("Two other gunshot victims drove themselves to the clinic.",
     [("injured", 2, False, False)]),
    # a round-up adds several incidents up
    ("12 dead, 40 wounded in weekend shootings across the city",
     [("killed", 12, False, True), ("injured", 40, False, True)]),
    ("Three people were wounded in the shootings on Elm Street.",
     [("injured", 3, False, False)]),
    # an act told with its agent is one report's, though in several shootings
    ("Gunmen killed two guards in two separate shootings on Friday.",
     [("killed", 2, False, False)]),
]


@pytest.mark.parametrize(("text", "expected"), LATER_AND_SURVIVORS)
def test_later_deaths_and_survivors(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(text))
    assert [(m.kind, m.count.best, m.hit, m.count.cumulative) for m in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no death: a counterfactual, an obituary's survivors, an object recovered, a shooter
        "He could have died that night.",
        "He is survived by his wife and two sons.",
        "Police recovered the gun in a storm drain.",
        "Two men were shooting at targets behind the barn.",
        "Detectives say a faulty heater is to blame for the fire.",
    ],
)
def test_no_casualty_told(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_casualties(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the attacker died: the people shot are not among the killed
        ("A deputy was shot in the arm and the suspect was killed by officers.",
         [("injured", False), ("killed", False)]),
        ("Elm City officer shot, suspect killed in standoff",
         [("injured", False), ("killed", False)]),
        # a murder-suicide told with "himself" only: the people shot may be among the killed
        ("The man shot his wife and her mother before killing himself.",
         [("injured", True), ("killed", False)]),
    ],
)
def test_attacker_killed(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(m.kind, m.hit) for m in find_casualties(nlp(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a link line the parser joins to the next line: the next line is kept
        ("RELATED: Three hurt in Oak Street crash  A woman was also shot and is expected to "
         "recover.", (0, 1)),
        ("RELATED: Two men killed in Elm Street shooting", (0, 0)),
        # an indefinite ordinal introduces one more person, not one of the dead
        ("Three men were found dead in the house. A fourth person was taken to a hospital.",
         (3, 1)),
        # moved "with injuries" to a destination that is a name, not a hospital word
        ("The clerk was taken to Mercy General with life-threatening injuries.", (0, 1)),
        ("Deputies found a 16-year-old with a gunshot wound to the leg.", (0, 1)),
        # hit during the shooting, set apart by "also"
        ("A man was shot dead on the porch. A woman was also hit in the crossfire.", (1, 1)),
        ("Spokesmen said two ambulances were hit during a crossfire.", (0, 0)),  # no people
        # alive when told: a condition that is not grave
        ("A man was killed on Pine Road. His brother was hospitalized in stable condition.",
         (1, 1)),
        ("A man died at the scene. A woman was taken to the hospital with minor injuries.",
         (1, 1)),
        # a critical condition is no sign of life: such victims often die
        ("A man was shot and taken to the hospital in critical condition. He died two hours "
         "later.", (1, 0)),
        # the whole of a part told on the same word is not a second figure (two shot, one
        # of them dead: one hurt)
        ("One of the two deputies shot during the standoff has died.", (1, 1)),
        ("Police say four of the five victims were shot to death.", (4, 0)),
        ("Two of the three men shot were killed.", (2, 1)),
        # one more person killed, set apart by "also", after a single death
        ("Ortiz was pronounced dead at the scene. His cousin, a 30-year-old cook, was also "
         "killed.", (2, 0)),
        ("Two men were killed on Elm Street. Smith was also killed.", (2, 0)),
    ],
)
def test_people_set_apart_and_alive(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert article_figures(find_casualties(nlp(text))) == expected


def test_an_age_compared_is_no_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp("A boy younger than 12 was shot in the complex, police said."))
    assert all(m.count.best != 12 for m in found)
    found = find_casualties(nlp("More than 12 people were shot at the party."))
    assert [(m.kind, m.count.best) for m in found] == [("injured", 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of persons the parser reads as an apposition with conjuncts: each is one
        ("A 61-year-old man, 45-year-old woman and 30-year-old man were also hurt in the "
         "crash on Oak Road.", (0, 3)),
        # a true apposition, or two words for one person, stays one
        ("Police sought the driver in the death of Lee Ortiz, a neighbor and close friend, "
         "who was shot on Sunday.", (1, 0)),
        # "he" told hurt after the one person told dead, with no one else told before it,
        # is that person
        ("A 15-year-old boy was shot and killed on Birch Lane. He was in critical condition "
         "when medics arrived.", (1, 0)),
        ("A man was killed on Birch Lane. His brother was wounded. He was in critical "
         "condition.", (1, 1)),
        # single deaths told of people with different names are as many deaths
        ("Darnell Okafor and Tobias Lindqvist were shot while sitting in a car. Lindqvist "
         "died at the scene. Darnell died at a nearby hospital.", (2, 0)),
        ("Marcus Bell was shot on Monday. Bell died on Tuesday. Marcus died at the medical "
         "center.", (1, 0)),
        # a death in a "when" clause dates another act
        ("Sergeant Ruth Abara died on Friday. The chief recalled the night when Officer Len "
         "Fisk was killed in a crash.", (1, 0)),
        # two single deaths in coordinated clauses, of persons told by different nouns
        ("The man was pronounced dead at the scene and the 3-year-old child later died of "
         "his injuries.", (2, 0)),
        ("A man was found dead and the victim died later.", (1, 0)),
    ],
)
def test_people_listed_and_told_apart(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert article_figures(find_casualties(nlp(text))) == expected
