"""People told as more than those told before ("two others", "another") add to their figure;
"the other two" are the rest of a set told before, and "others" after the dead are besides
the dead, not besides the wounded. People who "suffered" or "sustained" wounds are counted
by the figure of the subject."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        ("One man was shot and two others were wounded near the Velmar depot.", [(None, 3)]),
        ("Two women were listed in critical condition and two others were hurt after the "
         "shooting in Velmar.", [(None, 4)]),
        ("Two victims were rushed to a hospital, and three others were later transported to "
         "the hospital by friends after the shooting.", [(None, 5)]),
        ("Two people were killed and another died later at a hospital after the attack.",
         [(3, None)]),
        # besides the dead, not besides the wounded
        ("Two people were killed and four others wounded in the attack.", [(2, 4)]),
    ],
)
def test_people_told_as_more(read_tolls, text: str,  # type: ignore[no-untyped-def]
                             tolls: list[tuple[int | None, int | None]]) -> None:
    assert read_tolls(text) == tolls


def test_the_other_two_are_the_rest_of_a_set(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.counts import find_casualties

    doc = nlp("Four people were shot in Velmar. Two were listed in critical condition and the "
              "other two victims were in serious condition.")
    assert not any(m.more for m in find_casualties(doc))


@pytest.mark.parametrize(
    ("text", "kind", "best"),
    [
        ("Four men suffered injuries in the shooting.", "injured", 4),
        ("Three people suffered from gunshot wounds after the shooting.", "injured", 3),
        ("Two men sustained fatal gunshot wounds in the shooting.", "killed", 2),
        # the figure of the wounds is no figure of people
        ("A man suffered two gunshot wounds in the shooting.", "injured", 1),
    ],
)
def test_people_who_suffered_wounds(nlp, text: str, kind: str, best: int) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.counts import find_casualties

    found = [(m.kind, m.count.best) for m in find_casualties(nlp(text))]
    assert found == [(kind, best)]


def test_a_headline_list_of_counted_groups_adds_up(read_tolls) -> None:  # type: ignore[no-untyped-def]
    """"3 boys, 2 women shot": the parser hangs the first group on the verb as "dep"."""
    assert read_tolls("3 boys, 2 women shot outside diner in Velmar") == [(None, 5)]
