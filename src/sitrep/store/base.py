"""The store interface: what every backend (SQLite now, PostgreSQL next) offers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any, Literal, Protocol, Self, runtime_checkable

from sitrep.record import SUB_EVENT_TYPES, TAXONOMY, Article, EventRecord

TextScope = Literal["any", "article", "evidence"]


class StoreError(Exception):
    """A store cannot be opened or used; the message says which one and what to do."""


@dataclass(slots=True)
class EventQuery:
    """Which events to read back. Every filter left at its default lets everything through.

    - `since` / `until`: the event's possible dates overlap this range (inclusive). An event
      dated only to a month or year matches when any day of it falls inside; events without a
      date are left out whenever either bound is set.
    - `types`: event types or sub-event types (case-insensitive); any one matches.
    - `country`: a country name or ISO 3166-1 alpha-2 code (case-insensitive).
    - `actor`: a name or part of one (case-insensitive) that actor1, actor2 or an associated
      actor of a report holds ("Boko Haram", "police").
    - `near`: `(lat, lon, km)`: within `km` kilometres (great-circle) of the point.
    - `bbox`: `(min_lon, min_lat, max_lon, max_lat)`; `min_lon > max_lon` crosses 180°.
    - `text`: words that must all occur (in any order) in the article title and body or in
      the event's evidence (`text_scope` narrows this); `"a phrase"` in double quotes and a
      trailing `*` for a prefix are understood.
    - `event_id`: one event, by its id, by the id of an event merged into it since, or by the
      id of one of its mentions.
    """

    since: date | None = None
    until: date | None = None
    types: list[str] = field(default_factory=list)
    country: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None
    text_scope: TextScope = "any"
    article_id: str | None = None
    event_id: str | None = None
    include_background: bool = True
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        self.types = [canonical_type(t) for t in self.types]
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        if self.near is not None:
            lat, lon, km = self.near
            _check_point(lat, lon)
            if km < 0:
                raise ValueError(f"near: distance must not be negative, got {km}")
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            _check_point(min_lat, min_lon)
            _check_point(max_lat, max_lon)
            if min_lat > max_lat:
                raise ValueError(f"bbox: min_lat {min_lat} is above max_lat {max_lat}")
        if self.limit is not None and self.limit < 0:
            raise ValueError("limit must not be negative")
        if self.offset < 0:
            raise ValueError("offset must not be negative")
        if self.text_scope not in ("any", "article", "evidence"):
            raise ValueError(f"text_scope must be any, article or evidence: {self.text_scope!r}")


_TYPE_NAMES = {name.casefold(): name for name in [*TAXONOMY, *SUB_EVENT_TYPES]}


def canonical_type(name: str) -> str:
    """An event type or sub-event type in the taxonomy's spelling; ValueError when unknown."""
    try:
        return _TYPE_NAMES[name.strip().casefold()]
    except KeyError:
        known = "; ".join(sorted(_TYPE_NAMES.values()))
        raise ValueError(f"unknown event type {name!r}; known types: {known}") from None


def _check_point(lat: float, lon: float) -> None:
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise ValueError(f"not a valid point: lat {lat}, lon {lon}")


@dataclass(slots=True)
class AddResult:
    """What one `Store.add` call did. Results of several calls add up with `+`."""

    articles_added: int = 0
    articles_skipped: int = 0  # already stored, conflicting ones included
    events_added: int = 0
    conflicting: list[str] = field(default_factory=list)  # same id, different content

    @property
    def articles_conflicting(self) -> int:
        return len(self.conflicting)

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(
            self.articles_added + other.articles_added,
            self.articles_skipped + other.articles_skipped,
            self.events_added + other.events_added,
            self.conflicting + other.conflicting,
        )


@runtime_checkable
class Store(Protocol):
    """An event store. Each `add` is one transaction: a batch is stored whole or not at all."""

    def has_article(self, article_id: str) -> bool: ...

    def add(self, batch: Sequence[tuple[Article, list[EventRecord]]]) -> AddResult: ...

    def events(self, query: EventQuery) -> Iterator[EventRecord]: ...

    def mentions(self, query: EventQuery) -> Iterator[EventRecord]: ...

    def count_mentions(self, query: EventQuery) -> int: ...

    def merge_log(self, event_id: str) -> list[dict[str, Any]]: ...

    def resolve_event(self, event_id: str) -> str | None: ...

    def event(self, event_id: str) -> EventRecord | None: ...

    def split_event(self, event_id: str, mention_ids: Sequence[str], reason: str) -> str: ...

    def count_events(self, query: EventQuery) -> int: ...

    def article(self, article_id: str) -> Article | None: ...

    def articles(self, ids: Iterable[str]) -> dict[str, Article]: ...

    def stats(self) -> dict[str, Any]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
