from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dateline import dateline_day, find_dateline


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        ("MOSUL, Iraq, Nov 5 (Reuters) - Iraqi forces pushed on.", "MOSUL, Iraq", "Nov 5",
         "Reuters"),
        ("KYIV (AP) — Drones struck the capital overnight.", "KYIV", None, "AP"),
        ("GAO, Mali - Four soldiers died.", "GAO, Mali", None, None),
        ("  BAMAKO, 12 March 2024 -- Protesters gathered.", "BAMAKO", "12 March 2024", None),
    ],
)
def test_datelines(text: str, place: str, date: str | None, agency: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert found.place.text == place
    assert text[found.place.start:found.place.end] == place
    assert (found.date.text if found.date else None) == date
    assert found.agency == agency


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five people - police said on Monday.",
        "The army said: no one was hurt.",
        "",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_day() -> None:
    found = find_dateline("MOSUL, Iraq, Nov 3 (Reuters) - Iraqi forces pushed on.")
    assert dateline_day(found, date(2016, 11, 5)) == date(2016, 11, 3)
    assert dateline_day(find_dateline("KYIV (AP) — Drones struck."), date(2016, 11, 5)) is None
    assert dateline_day(None, date(2016, 11, 5)) is None
