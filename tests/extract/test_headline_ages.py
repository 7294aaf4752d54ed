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


@pytest.mark.parametrize("text", [
    "Girl, 7, shot in leg outside apartment",
    "Man, 30, wounded in overnight shooting",
])
def test_person_before_an_age_is_hurt(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, text) == [("injured", 1)]


def test_a_past_form_with_an_object_names_the_shooter(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, "Boy, 6, shot his brother with a rifle") == [("injured", 1)]


def test_a_graze_by_a_bullet_is_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.extractor import EventExtractor
    from sitrep.record import Article

    text = "An 11-year-old girl was grazed by a bullet inside her home on Wednesday night."
    records = EventExtractor().extract(nlp(text), Article(text=text))
    assert [(r.sub_event_type, r.injuries.best if r.injuries else None) for r in records] == [
        ("Attack", 1)]
