"""Hand-built articles and event records for the store tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from sitrep.record import (
    Actor,
    Article,
    Attribution,
    Count,
    EventRecord,
    Evidence,
    Location,
    Span,
)

# name, country, code, lat, lon
PLACES: dict[str, tuple[str, str, str, float, float]] = {
    "mosul": ("Mosul", "Iraq", "IQ", 36.335, 43.119),
    "erbil": ("Erbil", "Iraq", "IQ", 36.191, 44.009),  # about 84 km from Mosul
    "baghdad": ("Baghdad", "Iraq", "IQ", 33.341, 44.401),
    "aleppo": ("Aleppo", "Syria", "SY", 36.202, 37.158),
    "suva": ("Suva", "Fiji", "FJ", -18.141, 178.441),
    "apia": ("Apia", "Samoa", "WS", -13.833, -171.767),
}


def make_article(key: str, text: str, *, title: str = "", published: date | None = None,
                 source: str | None = "Test Wire") -> Article:
    return Article(text=text, title=title or f"Report {key}", published=published,
                   url=f"https://news.example/{key}", source=source, id=f"art-{key}",
                   origin=f"fixtures/{key}.txt")


def make_event(article: Article, sentence: str, *, event_type: str = "Battles",
               sub_event_type: str = "Armed clash", event_date: str | None = "2016-11-02",
               precision: str | None = "day", place: str | None = "mosul",
               background: bool = False, killed: int | None = None,
               **extra: Any) -> EventRecord:
    """An event whose evidence is `sentence`, which must occur in the article body."""
    start = article.text.index(sentence)
    span = Span(start, start + len(sentence), sentence)
    location = None
    if place is not None:
        name, country, code, lat, lon = PLACES[place]
        location = Location(name=name, country=country, country_code=code, lat=lat, lon=lon,
                            precision="city", text=name, admin1=None)
    return EventRecord(
        article_id=article.id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        evidence=Evidence(sentences=[span], fields={"trigger": span}),
        event_date=event_date,
        date_precision=precision if event_date else None,  # type: ignore[arg-type]
        actor1=Actor("Military Forces of Iraq", "state forces", "Iraqi forces"),
        actor2=Actor("Islamic State", "rebel group", "IS"),
        location=location,
        fatalities=Count(killed, killed, killed, None, str(killed)) if killed is not None else None,
        attribution=Attribution("military statement", False, "a statement said"),
        background=background,
        confidence=0.8,
        **extra,
    )


Batch = list[tuple[Article, list[EventRecord]]]


def numbered_batch(first: int, size: int, events_each: int = 2) -> Batch:
    """Articles `first` .. `first + size - 1`, each with `events_each` events."""
    batch = []
    for n in range(first, first + size):
        sentences = [f"Clash number {n}-{k} was reported near Mosul." for k in range(events_each)]
        article = make_article(f"n{n}", " ".join(sentences), published=date(2016, 11, 5))
        events = [make_event(article, s) for s in sentences]
        batch.append((article, events))
    return batch
