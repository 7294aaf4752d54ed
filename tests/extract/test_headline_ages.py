"""Headline style "Girl, 9, killed in ...": the person before an age set off by commas."""

from __future__ import annotations

import pytest

from sitrep.extract.counts import find_casualties


def _figures(nlp, text: str) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(m.kind, m.count.best) for m in find_casualties(nlp(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Boy, 12, fatally shot near ballpark", [("killed", 1)]),
    ("Woman, 34, killed in parking lot shooting", [("killed", 1)]),
    ("Teen, 16, dies after accidental shooting at home", [("killed", 1)]),
])
def test_person_before_an_age_is_the_victim(nlp, text: str,  # type: ignore[no-untyped-def]
                                            expected: list[tuple[str, int]]) -> None:
    assert _figures(nlp, text) == expected


def test_a_doer_before_an_age_is_no_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 1) not in _figures(nlp, "Man, 45, arrested after standoff with police")
