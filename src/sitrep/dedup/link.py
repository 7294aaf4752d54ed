"""Link: merge the mentions of one event inside one article into one record."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from sitrep.dedup.cluster import associates
from sitrep.extract.lexicon import load_data
from sitrep.record import EventRecord, told_figure

_WORD = re.compile(r"[a-z][a-z-]*")


@cache
def _cause_words() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    """Cause word → kind of act (single words, and two-word phrases apart); place relatives;
    places of care (no place of another event)."""
    data = load_data("link_causes.json", "sitrep.dedup")
    single: dict[str, str] = {}
    double: dict[str, str] = {}
    for kind, words in data["causes"].items():
        for word in words:
            (double if " " in word else single)[word] = kind
    return (single, double, frozenset(data.get("place_relatives", [])),
            frozenset(data.get("care_places", [])))


def _causes(text: str) -> set[str]:
    """The kinds of act a sentence names as causes ('following stabbing' → stabbing)."""
    single, double, _, _ = _cause_words()
    words = _WORD.findall(text.lower())
    kinds = {single[w] for w in words if w in single}
    kinds |= {double[f"{a} {b}"] for a, b in pairwise(words)
              if f"{a} {b}" in double}
    return kinds


def _own_text(r: EventRecord) -> str:
    return " ".join(s.text for s in r.evidence.sentences)


def _told_apart(home: EventRecord, later: EventRecord) -> bool:
    """The later mention tells another event: its own sentence names a kind of act the
    earlier record's sentences do not ('one person died following stabbing' after 'two were
    killed in police firing'), or sets the act at a place of its own through a relative
    clause ('in neighbouring Modasa, where two people were killed')."""
    own = _causes(_own_text(later))
    if own and not own & _causes(_own_text(home)):
        return True
    trigger = later.evidence.fields.get("trigger")
    if trigger is None:
        return False
    _, _, relatives, care = _cause_words()
    for sent in later.evidence.sentences:
        if not sent.start <= trigger.start < sent.end:
            continue
        before = _WORD.findall(sent.text[: trigger.start - sent.start].lower())[-8:]
        marks = [k for k, w in enumerate(before) if w in relatives]
        if marks and marks[-1] > 0:
            place = before[marks[-1] - 1]
            return place not in care and place not in _WORD.findall(_own_text(home).lower())
    return False


def _compatible(a: EventRecord, b: EventRecord) -> bool:
    if a.sub_event_type != b.sub_event_type or a.background != b.background:
        return False
    if _told_apart(a, b):
        return False
    if (a.event_date and b.event_date and not (a.date_inferred or b.date_inferred)
            and not (a.event_date.startswith(b.event_date)
                     or b.event_date.startswith(a.event_date))):
        return False
    if a.location and b.location and a.location.geonameid != b.location.geonameid:
        la, lb = a.location, b.location
        if la.name != lb.name and la.precision == lb.precision:
            return False
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        # units of one side ("Iraqi special forces", "CTS") may name one event differently
        if x is not None and y is not None and x.name != y.name and x.type != y.type:
            return False
    dead_a, dead_b = told_figure(a.fatalities), told_figure(b.fatalities)
    if dead_a is not None and dead_b is not None and dead_a != dead_b:
        return False
    return _agree_on_something(a, b)


def _agree_on_something(a: EventRecord, b: EventRecord) -> bool:
    """Merging needs one positive match, not just the absence of a conflict."""
    same_date = bool(a.event_date and a.event_date == b.event_date
                     and not (a.date_inferred or b.date_inferred)
                     and _own_date(a) and _own_date(b))
    same_place = bool(a.location and b.location and a.location.name == b.location.name)
    same_toll = told_figure(a.fatalities) is not None and told_figure(b.fatalities) is not None
    return same_date or same_place or same_toll or _follows_on(a, b)


def _follows_on(a: EventRecord, b: EventRecord) -> bool:
    """`b` tells the dead (or the wounded) of the people hit in `a`, in the very next
    sentence, with no date, place or doer of its own: the story goes on ("Three people
    were shot on Friday. One of them died in hospital.")."""
    if not ((a.injuries and not a.fatalities and b.fatalities and not b.injuries)
            or (a.fatalities and not a.injuries and b.injuries and not b.fatalities)):
        return False
    if b.actor1 is not None or _own_date(b) or _own_field(b, "location"):
        return False
    first = b.evidence.sentences[0]
    return any(s.part == first.part and 0 <= first.start - s.end <= 3
               for s in a.evidence.sentences)


def _own_date(r: EventRecord) -> bool:
    """The date is told in the record's own sentences, not borrowed from a neighbouring one
    (a borrowed date is no evidence that two mentions are one event)."""
    return _own_field(r, "event_date")


def _own_field(r: EventRecord, name: str) -> bool:
    """The field `name` is told in the record's own sentences."""
    span = r.evidence.fields.get(name)
    return span is not None and any(s.part == span.part and s.start <= span.start < s.end
                                    for s in r.evidence.sentences)


def absorb(into: EventRecord, other: EventRecord) -> None:
    """Keep `into`'s fields, fill its gaps from `other` (an open-ended toll gives way to a told
    one), and keep every evidence sentence."""
    for sent in other.evidence.sentences:
        if all(s.start != sent.start for s in into.evidence.sentences):
            into.evidence.sentences.append(sent)
    for name in ("actor1", "actor2", "location", "fatalities", "injuries", "attribution"):
        mine, theirs = getattr(into, name), getattr(other, name)
        if theirs is not None and (mine is None or (
                name == "fatalities" and mine.open_ended and not theirs.open_ended)):
            setattr(into, name, getattr(other, name))
            if name in other.evidence.fields:
                into.evidence.fields[name] = other.evidence.fields[name]
    if into.injuries is not None and other.injuries is not None and not (
            into.injuries.cumulative or other.injuries.cumulative) and \
            other.injuries.best > into.injuries.best:
        # one mention counts more of the wounded ("three were hurt" / "all four men shot")
        into.injuries = other.injuries
        if "injuries" in other.evidence.fields:
            into.evidence.fields["injuries"] = other.evidence.fields["injuries"]
    if other.attribution is not None and other.attribution.hedged and not (
            into.attribution is not None and into.attribution.hedged):
        # one mention hedges the claim ("allegedly killed"): the event stays a hedged claim
        into.attribution = other.attribution
        if "attribution" in other.evidence.fields:
            into.evidence.fields["attribution"] = other.evidence.fields["attribution"]
    if into.date_inferred and not other.date_inferred and other.event_date:
        into.event_date, into.date_precision = other.event_date, other.date_precision
        into.date_start, into.date_end = other.date_start, other.date_end
        into.date_inferred = False
        if "event_date" in other.evidence.fields:
            into.evidence.fields["event_date"] = other.evidence.fields["event_date"]
    into.assoc_actor1 = associates(into.actor1, into.assoc_actor1, other.assoc_actor1)
    into.assoc_actor2 = associates(into.actor2, into.assoc_actor2, other.assoc_actor2)
    into.confidence = max(into.confidence, other.confidence)


# Violence whose damage an article often describes in the following sentence.
_CAUSES = {"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
           "Remote explosive/landmine/IED", "Grenade", "Chemical weapon", "Armed clash"}
_AFTERMATH_GAP = 3  # characters between the cause's sentence and the damage's sentence


def _aftermath_of(cause: EventRecord, damage: EventRecord) -> bool:
    """'... an air strike on the market. Shops around the square were destroyed': damage
    with no agent and no date of its own, told in the very next sentence, is the strike's."""
    if damage.sub_event_type != "Looting/property destruction" or cause.sub_event_type not in \
            _CAUSES:
        return False
    if damage.actor1 is not None or damage.background:
        return False
    if not damage.date_inferred and damage.event_date != cause.event_date:
        return False  # dated on its own (a date borrowed from the strike's sentence agrees)
    last = max(s.end for s in cause.evidence.sentences)
    first = min(s.start for s in damage.evidence.sentences)
    return 0 <= first - last <= _AFTERMATH_GAP


PROTEST_RESPONSES = {"Protest with intervention", "Excessive force against protesters"}


def _response_to_protest(protest: EventRecord, response: EventRecord) -> bool:
    """'Hundreds protested in X. Police fired tear gas to disperse them.': the second sentence
    tells how the same protest was met, not a second protest."""
    if protest.sub_event_type != "Peaceful protest" or \
            response.sub_event_type not in PROTEST_RESPONSES:
        return False
    if protest.background != response.background:
        return False
    gap = response.evidence.sentences[0].start - protest.evidence.sentences[-1].end
    dated_apart = bool(protest.event_date and response.event_date
                       and not response.date_inferred
                       and protest.event_date != response.event_date)
    return gap <= 2 and not dated_apart


def _met_with(protest: EventRecord, response: EventRecord) -> None:
    """The protest takes the response's sub-type, and the side that intervened becomes the
    protest's actor2 (ACLED codes the protesters as actor1)."""
    protest.sub_event_type, protest.plover_type = response.sub_event_type, response.plover_type
    if response.actor1 is not None and protest.actor2 is None:
        protest.actor2 = response.actor1
        if "actor1" in response.evidence.fields:
            protest.evidence.fields["actor2"] = response.evidence.fields["actor1"]
    response.actor1 = None  # consumed: absorb must not make the police the protesters


def link_mentions(records: list[EventRecord]) -> list[EventRecord]:
    """Merge records of one article that describe the same event, in text order.

    Two mentions merge when they share the sub-event type and nothing known about them
    disagrees (date, place, actors, death toll); the first mention keeps its id. Damage told
    right after a strike, with no agent or date of its own, joins the strike.
    """
    merged: list[EventRecord] = []
    for record in records:
        home = next((m for m in merged if _compatible(m, record)), None)
        if home is None and merged and _aftermath_of(merged[-1], record):
            home = merged[-1]
        if home is None and merged and _response_to_protest(merged[-1], record):
            home = merged[-1]
            _met_with(home, record)
        if home is None:
            merged.append(record)
        else:
            absorb(home, record)
    return merged
