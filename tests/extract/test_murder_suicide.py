"""An incident called a murder-suicide has at least two dead, the victim and the killer; the
victim shot is among them, so no one is left wounded. An attempted one says nothing more."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        ("A retired teacher killed his sister in a murder-suicide at their farm.", [(2, None)]),
        ("Deputies say a man shot his neighbour and then himself in a murder-suicide.",
         [(2, None)]),
        # a larger figure stands
        ("Four relatives were found dead in an apparent murder-suicide in Velmar.",
         [(4, None)]),
    ],
)
def test_a_murder_suicide_has_two_dead(read_tolls, text: str,  # type: ignore[no-untyped-def]
                                       tolls: list[tuple[int | None, int | None]]) -> None:
    assert read_tolls(text) == tolls


def test_an_attempted_murder_suicide_adds_no_death(read_tolls) -> None:  # type: ignore[no-untyped-def]
    text = "A woman was wounded in an attempted murder-suicide in Velmar on Friday."
    assert read_tolls(text) == [(None, 1)]
