"""Where an event's sentence gives no known place of its own: the fallbacks of
`ArticlePlaces.location_for`, in order. A small site the gazetteer does not know takes the
town its sentence names beside it; then the place the preceding sentence of the same
paragraph gives (when at least as fine as the dateline's), the dateline's place, the place
the article names most (at most a second-level division) and the article's focus country.
Each fallback says so in the location's note."""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING

from sitrep.geo.model import PRECISION_RANK, PlaceMention, make_location, mention_rank, with_changes
from sitrep.record import Location, Span

if TYPE_CHECKING:
    from sitrep.geo.event_place import ArticlePlaces


def fallback_location(places: ArticlePlaces, missing: PlaceMention | None, sent_start: int,
                      sent_end: int) -> tuple[Location, Span] | None:
    """The location of an event whose sentence [sent_start, sent_end) gives no known place:
    `missing` is the place it names that the gazetteer does not know, if any."""
    if missing is not None:
        town = _town_of_site(places.mentions, missing, sent_start, sent_end)
        if town is not None and town.location is not None:
            loc = with_changes(town.location, text=missing.text,
                               note=f"{missing.text} not in gazetteer; placed at {town.text}, "
                                    "named in the same sentence")
            return loc, Span(missing.start, missing.end, missing.text)
    before = _preceding_place(places, sent_start) if missing is None else None
    dateline = places.dateline
    if before is not None and before.location is not None and (
            dateline is None or dateline.precision is None
            or mention_rank(before) >= PRECISION_RANK.get(dateline.precision, 0)):
        loc = with_changes(before.location, note="not stated in the sentence; taken from the "
                                                 "place the preceding sentence gives")
        return loc, Span(before.start, before.end, before.text)
    if dateline is not None and dateline.location is not None:
        loc = dateline.location
        if missing is not None:
            loc = with_changes(loc, text=missing.text,
                               note=f"{missing.text} not in gazetteer; placed at the dateline "
                                    f"place {loc.name}")
        return loc, Span(dateline.start, dateline.end, dateline.text)
    return _main_place(places, missing)


def _town_of_site(mentions: list[PlaceMention], site: PlaceMention, sent_start: int,
                  sent_end: int) -> PlaceMention | None:
    """The town or district a sentence names beside a small site the gazetteer does not
    know ("the Rasoul checkpoint in Daraa", "near Mosul, at the Ghazlani base"): the
    nearest place of that sentence, at most a second-level division and at least as
    fine as a town's district, that is not merely a qualifier or the clause's subject."""
    found = [m for m in mentions
             if sent_start <= m.start and m.end <= sent_end and m is not site
             and m.cue != "dateline" and m.location is not None and m.place is not None
             and m.place.kind in ("admin2", "city", "neighbourhood")
             and not m.subject and not (m.modifier and not m.locative)]
    if not found:
        return None
    return min(found, key=lambda m: (m.start < site.start, abs(m.start - site.start)))


def _preceding_place(places: ArticlePlaces, sent_start: int) -> PlaceMention | None:
    """The place the sentence just before gives for what it tells (a locative phrase or
    the object of its event word, the finest first), where both sentences stand in one
    paragraph: "Gunmen raided a village near Gao. Seven people were killed." """
    if places.doc is None or sent_start <= 0:
        return None
    sents = places.sentences()
    k = bisect.bisect_left(sents, (sent_start, -1, False)) - 1
    if k < 0:
        return None
    a, b, blank = sents[k]
    if b > sent_start or blank:
        return None
    found = [m for m in places.mentions
             if a <= m.start and m.end <= b
             and m.cue != "dateline" and m.location is not None and m.locative
             and not m.modifier and not m.subject and not m.site]
    if not found:
        return None
    return max(found, key=lambda m: (mention_rank(m), -m.start))


def _main_place(places: ArticlePlaces,
                missing: PlaceMention | None) -> tuple[Location, Span] | None:
    """The place the article names most (the one named first on a tie), at most a
    second-level division; else the article's focus country."""
    counts = Counter(m.place.id for m in places.mentions
                     if m.place is not None and m.location is not None and not m.site
                     and m.place.kind not in ("continent", "country", "admin1"))
    first: dict[int, PlaceMention] = {}
    for m in places.mentions:
        if m.place is not None and m.location is not None:
            first.setdefault(m.place.id, m)
    what = f"{missing.text} not in gazetteer" if missing else "no place stated for the event"
    if counts:
        top = max(counts.values())
        # several places named as often: the one named first (a report's lead says
        # where it happened: "Memphis police ..." before "Shelby County deputies ...")
        pid = min((k for k, v in counts.items() if v == top), key=lambda k: first[k].start)
        if top > 0:
            m = first[pid]
            loc = m.location
            assert loc is not None and m.place is not None
            note = f"{what}; placed at {m.place.name}, the article's main place"
            text = missing.text if missing else m.text
            precision = loc.precision
            if PRECISION_RANK.get(precision, 0) > PRECISION_RANK["admin2"]:
                precision = "admin2"  # the event lay somewhere in the area, not in the town
            return (with_changes(loc, note=note, text=text, precision=precision),
                    Span(m.start, m.end, m.text))
    gazetteer = places.gazetteer
    if places.focus_country and gazetteer is not None:
        country = gazetteer.country(places.focus_country)
        if country is not None:
            span = (Span(missing.start, missing.end, missing.text) if missing
                    else places.focus_span)
            if span is not None:
                loc = make_location(gazetteer, country, "country", span.text,
                                    f"{what}; placed in the article's focus country")
                return loc, span
    return None
