"""Fixtures of the extraction tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from sitrep.extract.extractor import EventExtractor
from sitrep.record import Article

Tolls = list[tuple[int | None, int | None]]


@pytest.fixture
def read_tolls(nlp) -> Callable[[str], Tolls]:  # type: ignore[no-untyped-def]
    """(killed, injured) best figures of each record the extractor reads from a text."""

    def read(text: str) -> Tolls:
        records = EventExtractor().extract(nlp(text),
                                           Article(text=text, published=date(2024, 3, 9)))
        return [(r.fatalities.best if r.fatalities else None,
                 r.injuries.best if r.injuries else None) for r in records]

    return read
