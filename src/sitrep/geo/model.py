"""The records that the resolver's steps pass along: `Cand`, a candidate name with the
words around it, before resolution; `PlaceMention`, a resolved place mention of the article.
Also the shared precision scale, the entity labels that make or block a place, the
prominence thresholds that several steps share, and small helpers (`inside`: whether one
place can lie in another; `make_location`: a record `Location` for a place)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.distance import approx_km
from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.record import GeoPrecision, Location

if TYPE_CHECKING:
    from spacy.tokens import Token


PRECISION_OF_KIND: dict[str, GeoPrecision] = {
    "continent": "country", "country": "country", "admin1": "admin1", "admin2": "admin2",
    "city": "city", "neighbourhood": "neighbourhood", "other": "neighbourhood",
    "water": "admin1",  # a sea, lake or river: the region it spans, not a point
}
PRECISION_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "neighbourhood": 4}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCK_LABELS = frozenset({"PERSON", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                          "ORDINAL", "QUANTITY", "LANGUAGE", "LAW", "WORK_OF_ART", "EVENT",
                          "PRODUCT"})
MAX_NGRAM = 5

# prominence thresholds and the focus country's weight, shared by several steps
FOCUS_BONUS = 4.0
WELL_KNOWN = 9.0
FOREIGN_MIN = 7.5  # prominence a place outside the focus country needs to be chosen
FOCUS_MIN = 6.0  # prominence a focus-country place needs without any place cue
CITY_RADIUS_KM = 25.0
ADMIN2_RADIUS_KM = 60.0


@dataclass(slots=True)
class PlaceMention:
    """A place named in the article. `start`/`end` are character offsets into ``doc.text``."""

    start: int
    end: int
    text: str
    place: Place | None
    precision: GeoPrecision | None
    note: str | None = None
    location: Location | None = None
    locative: bool = False  # governed by in/at/near/outside/... ("in the Quds neighborhood")
    cue: str = "name"  # name | noun | direction | distance | contained | list | dateline
    root: int = -1  # token index of the mention's head word
    modifier: bool = False  # qualifies a noun ("Yemen's", "U.S. President")
    hint: str | None = None  # the kind a place noun gives ("the town of X": city)
    subject: bool = False  # the subject of its clause: an actor ("the United States said")
    weak: bool = False  # a name known to the gazetteer but not otherwise marked as a place
    whole: bool = False  # a longer name whose gazetteer matches are only its fragments
    at_container: bool = False  # a name the gazetteer lacks, placed at its container's point
    site: bool = False  # a town's name that begins a site's ("Riley Hospital"): no event's place


@dataclass(slots=True)
class Cand:
    """A candidate span with its context, before resolution."""

    i: int  # first token of the name
    j: int  # end token of the name
    start_tok: int  # first token of the whole mention (direction word, "the", number ...)
    end_tok: int  # end token of the whole mention (place noun, container ...)
    hint: str | None = None
    noun: str | None = None
    direction: str | None = None
    distance_km: float | None = None
    bearing: str | None = None
    container: Cand | None = None
    in_list: bool = False
    list_head: int = -1  # token of the plural place noun that introduces the list
    noun_end: int = -1  # end token of "Ghazlani military base" without what follows
    strong: bool = False  # NER place label or a place cue
    place: Place | None = None
    candidates: list[Place] = field(default_factory=list)
    anchor: bool = False  # resolved without doubt: a reference point for its neighbours
    seized: bool = False  # an unknown name that a verb of taking ground acts on ("stormed X")
    name_kind: str | None = None  # the kind the name's own last word gives ("Orange County")
    of_noun: bool = False  # "the state of X", "the province of X": the noun gives the kind
    town_use: bool = False  # "a Palestine man", "Jordan residents": a town, not the country
    stem: bool = False  # found without its place word ("Grants" for "Grants Town")
    dateline: bool = False  # named in the dateline ("MIDDLETOWN —"): where the story is filed
    site: bool = False  # begins a site's name ("Riley Hospital", "Alpine High School")


def inside(p: Place, c: Place) -> bool:
    """Whether `p` can lie inside container `c`."""
    if p.id == c.id or p.country_code != c.country_code:
        return False
    if c.kind == "country":
        return True
    if c.kind == "admin1":
        return p.admin1 == c.name
    near = p.lat is not None and p.lon is not None and c.lat is not None and c.lon is not None
    if c.kind == "admin2":
        return p.admin2 == c.name or (near and approx_km(p.lat, p.lon, c.lat, c.lon)  # type: ignore[arg-type]
                                      <= ADMIN2_RADIUS_KM)
    if p.parent_id == c.id:
        return True
    return near and approx_km(p.lat, p.lon, c.lat, c.lon) <= CITY_RADIUS_KM  # type: ignore[arg-type]


def first_conjunct(tok: Token) -> Token:
    """The first item of the coordination the token is part of ("A" for C in "A, B and C")."""
    for _ in range(10):
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
    return tok


def mention_rank(m: PlaceMention) -> int:
    """How fine the mention is; a name the gazetteer does not know (even one placed at its
    container's point) counts as the kind its place noun gives, else as a town ("the town of
    Tarmanin in northern Idlib")."""
    if m.at_container:  # "Shinfida village in Jibia LGA": a village, placed at the LGA
        return PRECISION_RANK.get(PRECISION_OF_KIND.get(m.hint or "city", "city"), 3)
    if m.precision is not None:
        return PRECISION_RANK.get(m.precision, 0)
    if m.place is None and m.cue in ("noun", "list", "unknown"):
        return PRECISION_RANK.get(PRECISION_OF_KIND.get(m.hint or "city", "city"), 3)
    return 0


def with_changes(loc: Location, **changes: Any) -> Location:
    data = {k: getattr(loc, k) for k in Location.__slots__}
    data.update(changes)
    return Location(**data)


def _container_point(gaz: Gazetteer, place: Place) -> tuple[Place, GeoPrecision] | None:
    """For a place the gazetteer has no point for (a district the sources give none): the
    nearest container that has one, its province, else its country."""
    if place.kind not in ("country", "admin1") and place.admin1:
        for p in gaz.lookup(place.admin1, place.country_code):
            if p.kind == "admin1" and p.lat is not None and p.lon is not None:
                return p, "admin1"
    country = gaz.country(place.country_code)
    if place.kind != "country" and country is not None and country.lat is not None:
        return country, "country"
    return None


def make_location(gaz: Gazetteer, place: Place, precision: GeoPrecision, text: str,
                  note: str | None = None, lat: float | None = None,
                  lon: float | None = None) -> Location:
    """The record's location for `place`; a place without a point takes its container's,
    with the container's precision and a note that says so."""
    if lat is None and (place.lat is None or place.lon is None):
        found = _container_point(gaz, place)
        if found is not None:
            container, coarser = found
            lat, lon = container.lat, container.lon
            if PRECISION_RANK[coarser] < PRECISION_RANK[precision]:
                precision = coarser
            said = f"no point for {place.name} in the gazetteer; placed at {container.name}"
            note = f"{note}; {said}" if note else said
    country = gaz.country(place.country_code)
    return Location(
        name=place.name, country=country.name if country else None,
        country_code=place.country_code,
        lat=place.lat if lat is None else lat, lon=place.lon if lon is None else lon,
        precision=precision, text=text,
        admin1=place.admin1 if place.kind not in ("continent", "country") else None,
        admin2=place.admin2 if place.kind not in ("continent", "country", "admin1") else None,
        geonameid=place.geonameid, note=note,
    )
