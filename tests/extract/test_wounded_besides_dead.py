"""A record's injured figure counts the wounded only: people hit ("five were shot") less the
dead told with them ("two of them fatally")."""

from __future__ import annotations

from datetime import date

from sitrep.eval.gva import _figure
from sitrep.extract.counts import find_casualties
from sitrep.extract.extractor import EventExtractor, wounded_apart
from sitrep.record import Article, EventRecord


def _records(nlp, text: str) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    return EventExtractor().extract(nlp(text), Article(text=text, published=date(2024, 3, 9)))


def _tolls(records: list[EventRecord]) -> list[tuple[int | None, int | None]]:
    return [(r.fatalities.best if r.fatalities else None,
             r.injuries.best if r.injuries else None) for r in records]


def test_people_shot_less_the_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _records(nlp, "Five people were shot, two of them fatally, outside a bar in "
                            "Corlingford on Friday night.")
    assert _tolls(records) == [(2, 3)]
    assert wounded_apart(records[0])
    assert records[0].evidence.fields["injuries"].text == "Five"


def test_one_of_two_shot_died(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _records(nlp, "Two women were shot on Friday in Corlingford, and one of them "
                            "died.")
    assert _tolls(records) == [(1, 1)]


def test_the_attackers_own_death_is_not_among_the_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _records(nlp, "A gunman shot four strangers on the Malby bridge on Sunday before "
                            "killing himself.")
    assert [r.injuries.best for r in records if r.injuries] == [4]
    assert not any(wounded_apart(r) for r in records)


def test_wounded_told_apart_stay(nlp) -> None:  # type: ignore[no-untyped-def]
    records = _records(nlp, "Two people were killed and three others were shot in Corlingford "
                            "on Friday.")
    assert _tolls(records) == [(2, 3)]
    assert not wounded_apart(records[0])


def test_the_article_count_still_sees_everyone_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    """The article-level reading (the scorer's) takes the record's hit figure whole again."""
    text = ("Ten people were shot at the Orvale barbershop on Wednesday, at least two of them "
            "fatally. A third man died in hospital on Thursday.")
    doc = nlp(text)
    records = EventExtractor().extract(doc, Article(text=text, published=date(2024, 3, 9)))
    hits = {("body", m.start, m.end) for m in find_casualties(doc) if m.hit}
    assert any(wounded_apart(r) for r in records)
    killed = _figure(records, "fatalities", hits)
    assert _figure(records, "injuries", hits) == 10 - killed


def test_no_more_hit_than_dead_told_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    """No more people hit than dead, in another sentence: the hit are the dead."""
    records = _records(nlp, "PELLTON, Ky. - A 12-year-old died in an accidental shooting in "
                            "Marr County Sunday afternoon.\n\nThe 12-year-old was transported "
                            "to Marr County Hospital where he died.")
    assert _tolls(records) == [(1, None)]


def test_more_hit_than_dead_told_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    """The dead of the event leave the hit even when a later sentence tells the death."""
    records = _records(nlp, "Three people were shot at the Orvale fair on Friday. One of the "
                            "victims, a 40-year-old man, died later at the hospital.")
    assert _tolls(records) == [(1, 2)]
    assert wounded_apart(records[0])
