"""Associated actors (ACLED assoc_actor_1 / assoc_actor_2): conjoined sides and allies."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import ActorRegistry, ActorResolver


def _sides(nlp, text: str, trigger: str) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    resolver = ActorResolver(ActorRegistry(), doc, "NG")
    anchors = [next(t for t in doc if t.text == trigger)]
    a1, a2 = resolver.roles(anchors)
    assoc1 = resolver.associates(a1, anchors, (a2,))
    assoc2 = resolver.associates(a2, anchors, (a1,), acting=False)
    main1 = [a1.actor.name] if a1 else []
    main2 = [a2.actor.name] if a2 else []
    return main1 + [a.name for a in assoc1], main2 + [a.name for a in assoc2]


_LEAD = "In a statement issued late on Monday in the capital, the interior ministry said that "


@pytest.mark.parametrize(
    ("text", "trigger", "doers"),
    [
        (_LEAD + "Boko Haram and ISWAP attacked the barracks.", "attacked",
         ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
          "Islamic State West Africa Province"]),
        (_LEAD + "Nigerien and Chadian troops attacked the camp.", "attacked",
         ["Military Forces of Niger", "Military Forces of Chad"]),
        (_LEAD + "Nigerian troops, backed by Cameroonian soldiers, attacked the camp.",
         "attacked", ["Military Forces of Nigeria", "Military Forces of Cameroon"]),
        (_LEAD + "the army attacked the camp with the support of vigilantes.", "attacked",
         ["Military Forces of Nigeria", "Unidentified Militia"]),
        (_LEAD + "Chadian troops fought alongside Nigerian soldiers against the militants.",
         "fought", ["Military Forces of Chad", "Military Forces of Nigeria"]),
        (_LEAD + "the police together with soldiers raided the hideout.", "raided",
         ["Police Forces of Nigeria", "Military Forces of Nigeria"]),
    ],
)
def test_associated_doers(nlp, text: str, trigger: str,  # type: ignore[no-untyped-def]
                          doers: list[str]) -> None:
    assert _sides(nlp, text, trigger)[0] == doers


def test_conjoined_victims_are_associated_with_actor2(nlp) -> None:  # type: ignore[no-untyped-def]
    doers, victims = _sides(nlp, _LEAD + "gunmen attacked soldiers and policemen at a "
                            "checkpoint.", "attacked")
    assert doers == ["Unidentified Armed Group"]
    assert victims == ["Military Forces of Nigeria", "Police Forces of Nigeria"]


def test_sides_that_fought_each_other_are_not_associates(nlp) -> None:  # type: ignore[no-untyped-def]
    doers, victims = _sides(nlp, _LEAD + "activists and the police clashed near the market.",
                            "clashed")
    assert doers == ["Protesters"] and victims == ["Police Forces of Nigeria"]


def test_an_unlisted_group_in_a_conjoined_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = _LEAD + "Boko Haram and Ansar Dine fighters attacked the convoy."
    doers, _ = _sides(nlp, text, "attacked")
    assert doers[0].startswith("Boko Haram") and len(doers) == 2
    assert "Ansar Dine" in doers[1]


def test_the_main_actor_is_not_repeated(nlp) -> None:  # type: ignore[no-untyped-def]
    doers, _ = _sides(nlp, _LEAD + "soldiers and army officers attacked the camp.", "attacked")
    assert doers == ["Military Forces of Nigeria"]
