"""The event record contract: typed dataclasses for articles and event mentions.

Every stage of the pipeline speaks in these types. `EventRecord.to_dict()` gives the JSON
object described by ``schema/event-record.v1.json``; `EventRecord.from_dict()` reads it back.
Character offsets (`start`, `end`) index into `Article.text` (the body), or into
`Article.title` for a span whose `part` is ``"title"`` (a figure told only in the headline).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Literal

SCHEMA_VERSION = "1.4"

DatePrecision = Literal["day", "week", "month", "year"]
SpanPart = Literal["body", "title"]
GeoPrecision = Literal["neighbourhood", "city", "admin2", "admin1", "country"]

ACTOR_TYPES: tuple[str, ...] = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other forces",
)

# ACLED event types and their sub-event types (the codebook's 6 types and 25 sub-types).
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TYPES: dict[str, str] = {sub: typ for typ, subs in TAXONOMY.items() for sub in subs}


_SCALARS = (str, int, float, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """Dataclasses, lists and dicts as plain data; a faster `dataclasses.asdict` for records
    (no deep copies: the values here are immutable strings and numbers)."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


def content_hash(text: str) -> str:
    """Stable short id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news article as read from a file, feed or record.

    `text` is the body; `title` is kept apart. `id` is the input's own id when it has one,
    otherwise a hash of title and text.
    """

    text: str
    title: str = ""
    published: date | None = None
    url: str | None = None
    source: str | None = None
    id: str = ""
    origin: str | None = None  # file path (and record number) the article came from

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.title + "\n" + self.text)

    @property
    def content_hash(self) -> str:
        return content_hash(self.title + "\n" + self.text)


@dataclass(slots=True)
class Span:
    """A stretch of the article: character offsets into its body (or its title, when `part`
    is "title") and the words themselves."""

    start: int
    end: int
    text: str
    part: SpanPart = "body"


@dataclass(slots=True)
class Actor:
    name: str  # normalised name ("Islamic State", "Military Forces of Iraq")
    type: str | None  # one of ACTOR_TYPES, or None when unknown
    text: str  # the words used in the article


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    precision: GeoPrecision
    text: str  # the words used in the article
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    note: str | None = None  # e.g. "Quds neighbourhood not in gazetteer; placed at Mosul"


@dataclass(slots=True)
class Count:
    """A reported figure: a range with a conservative best value, and whom it counts."""

    low: int
    best: int
    high: int
    who: str | None
    text: str
    cumulative: bool = False  # a running toll ("the death toll rose to 40")
    # no figure is told, only that there were deaths ("a fatal shooting", "charged in the
    # shooting death"): at least `low`, perhaps more
    open_ended: bool = False


def told_figure(count: Count | None) -> int | None:
    """The figure a report gives: the count's best, or None where it gives none (no count, or
    an open-ended one). Reports are compared, and their lowest figure taken, on these."""
    return None if count is None or count.open_ended else count.best


@dataclass(slots=True)
class Attribution:
    source: str | None  # normalised ("U.N. human rights office", "military statement")
    hedged: bool
    text: str  # the words ("reports indicating", "allegedly", "a military statement said")


@dataclass(slots=True)
class Evidence:
    """The sentences behind an event and the span behind each field.

    `fields` maps a field name (trigger, actor1, actor2, location, event_date, fatalities,
    injuries, attribution) to the span it was read from.
    """

    sentences: list[Span]
    fields: dict[str, Span] = field(default_factory=dict)


@dataclass(slots=True)
class SourceRef:
    """One report behind a deduplicated event: the mention, its article and what it said."""

    event_id: str  # the mention's id
    article_id: str
    published: str | None  # the article's publication date
    outlet: str | None  # the article's source (publisher)
    attribution: str | None  # who the article says reported it
    event_date: str | None
    location: str | None
    fatalities: int | None
    injuries: int | None


@dataclass(slots=True)
class EventRecord:
    article_id: str
    event_type: str
    sub_event_type: str
    evidence: Evidence
    event_date: str | None = None  # "2016-11-02", "2016-11" or "2016"
    date_precision: DatePrecision | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_inferred: bool = False  # no time expression governs the event; date taken from elsewhere
    actor1: Actor | None = None
    actor2: Actor | None = None
    # ACLED's associated actors: sides that acted with actor1 ("the FMLN and the ERP attacked",
    # "troops backed by militiamen") or were acted upon with actor2; never the main actor
    assoc_actor1: list[Actor] = field(default_factory=list)
    assoc_actor2: list[Actor] = field(default_factory=list)
    location: Location | None = None
    fatalities: Count | None = None
    injuries: Count | None = None
    attribution: Attribution | None = None
    background: bool = False
    confidence: float = 0.5
    plover_type: str | None = None
    sources: list[SourceRef] = field(default_factory=list)  # reports merged into this event
    notes: list[str] = field(default_factory=list)  # why merged values were chosen
    event_id: str = ""
    schema_version: str = SCHEMA_VERSION

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = self.make_id(self.article_id, self.evidence)

    @staticmethod
    def make_id(article_id: str, evidence: Evidence) -> str:
        first = evidence.fields.get("trigger") or evidence.sentences[0]
        return content_hash(f"{article_id}:{first.start}:{first.end}:{first.text}")

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data (what the JSON Schema describes)."""
        plain: dict[str, Any] = _plain(self)
        return plain

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        d = dict(data)
        ev = d.pop("evidence")
        evidence = Evidence(
            sentences=[Span(**s) for s in ev["sentences"]],
            fields={k: Span(**v) for k, v in ev.get("fields", {}).items()},
        )
        d["sources"] = [SourceRef(**x) for x in d.get("sources", [])]
        for key in ("assoc_actor1", "assoc_actor2"):  # absent before schema 1.3
            d[key] = [Actor(**x) for x in d.get(key) or []]
        d["schema_version"] = SCHEMA_VERSION
        for key, typ in (("actor1", Actor), ("actor2", Actor), ("location", Location),
                         ("fatalities", Count), ("injuries", Count),
                         ("attribution", Attribution)):
            if d.get(key) is not None:
                d[key] = typ(**d[key])
        return cls(evidence=evidence, **d)
