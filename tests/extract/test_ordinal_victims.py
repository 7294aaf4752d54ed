"""One person told hurt by an ordinal ("a fifth person was hurt") is the last of that many
people hit, in the text's figures and in the event record."""

from __future__ import annotations

from datetime import date

from sitrep.eval.gva import article_figures
from sitrep.extract.counts import find_casualties
from sitrep.extract.extractor import EventExtractor
from sitrep.record import Article


def test_ordinal_after_people_shot_counts_them_all(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Four teens were shot outside the Varnholt arena on Friday, and a fifth person "
              "may have been hurt, police said.")
    assert article_figures(find_casualties(doc)) == (0, 5)


def test_ordinal_counts_the_killed_among_the_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Two women died at the scene in Brackenford. A third woman was taken to a "
              "hospital in serious condition.")
    assert article_figures(find_casualties(doc)) == (2, 1)


def test_ordinal_not_past_the_dead_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Deputies found two men dead in the barn. A second man was wounded.")
    assert article_figures(find_casualties(doc)) == (2, 1)


def test_record_takes_the_ordinal_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Four teens were shot outside the Varnholt arena on Friday, and a fifth person "
            "may have been hurt, police said.")
    records = EventExtractor().extract(nlp(text), Article(text=text, published=date(2024, 3, 9)))
    assert [r.injuries.best if r.injuries else None for r in records] == [5]


def test_second_death_counts_two(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police say a second teen has died after the drive-by shooting in Orlenby.")
    assert article_figures(find_casualties(doc))[0] == 2


def test_ordinal_death_after_the_dead_told(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Four women had been killed at the mall. A fifth victim, a clerk, died on Sunday.")
    assert article_figures(find_casualties(doc))[0] == 5


def test_ordinal_of_the_people_shot_is_one_death(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A second officer who was shot has died, the Pellham chief said.")
    assert article_figures(find_casualties(doc))[0] == 1
