"""Headlines: what the title alone tells, joined to the body's events.

Short reports often give the toll only in the headline ("Man killed, boy hurt in drive-by
shooting") or tell the event there and only allude to it below. The title is parsed apart
from the body; its event records fill the gaps of the body's lead event of the same kind, or,
when the body reports no such event, stand on their own. Their spans carry ``part="title"``.
"""

from __future__ import annotations

import re

from sitrep.dedup.link import absorb
from sitrep.record import EventRecord, Span

# "Five shot on west side - Channel 2 News" / "... | The Daily Star": the outlet's name
# follows the last separator.
_OUTLET_SEPARATOR = re.compile(r"\s+(?:[-|–—]|::)\s+")
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def headline(title: str) -> str:
    """The headline of `title` without a trailing outlet name; a prefix of `title`, so
    offsets into it are offsets into the title."""
    text = title.rstrip()
    while True:
        parts = list(_OUTLET_SEPARATOR.finditer(text))
        if not parts:
            return text
        last = parts[-1]
        head = text[:last.start()]
        if len(head.split()) < 3:  # "Update - Five shot": the separator is not the outlet's
            return text
        text = head


def _same_kind(body: EventRecord, title: EventRecord) -> bool:
    if body.event_type == title.event_type:
        return True
    return body.event_type in _VIOLENT_TYPES and title.event_type in _VIOLENT_TYPES


def _as_title(record: EventRecord) -> None:
    ev = record.evidence
    ev.sentences = [Span(s.start, s.end, s.text, "title") for s in ev.sentences]
    ev.fields = {k: Span(s.start, s.end, s.text, "title") for k, s in ev.fields.items()}


def _larger_toll(home: EventRecord, head: EventRecord) -> None:
    """A headline sums the incident up ("shooting kills one, injures 3") where the body may
    tell its victims one at a time: its larger figure of a kind replaces the body's."""
    for name in ("fatalities", "injuries"):
        mine, theirs = getattr(home, name), getattr(head, name)
        if mine is not None and theirs is not None and not theirs.cumulative and (
                theirs.best > mine.best):
            setattr(home, name, theirs)
            home.evidence.fields[name] = head.evidence.fields[name]


def _told_before(body: list[EventRecord], rec: EventRecord) -> EventRecord | None:
    """A follow-up report ("Man charged in neighbor's killing") over a body that tells
    only past events: the headline's undated violent event is the body's first dated
    background event of its kind, told again."""
    if rec.event_type not in _VIOLENT_TYPES:
        return None
    return next((b for b in body if _same_kind(b, rec) and not b.date_inferred
                 and b.date_precision == "day"), None)


def with_headline(body: list[EventRecord], title: list[EventRecord]) -> list[EventRecord]:
    """The body's records with the headline's joined in.

    Each headline event fills the gaps (figures, actors, place, attribution) of the first
    current body event of its kind, raises its figures where the headline's are larger, and
    adds the headline to its evidence. When the body tells no current event at all, the
    headline's events are kept as records of their own, first; when it tells others, a
    headline event of another kind is taken for a misreading ("Strike on X": an air strike in
    the body, not a walkout) and dropped. When the body tells only past events, an undated
    violent headline event joins the first of them of its kind dated to the day (a follow-up
    report tells the old incident in its headline)."""
    lead: list[EventRecord] = []
    current = [b for b in body if not b.background]
    for rec in title:
        _as_title(rec)
        home = next((b for b in current if _same_kind(b, rec)), None)
        if home is None and not current and rec.date_inferred:
            home = _told_before(body, rec)
        if home is None:
            if not current and not rec.background:
                lead.append(rec)
            continue
        said = rec.evidence.sentences
        rec.evidence.sentences = []  # the headline goes first, whatever its offsets
        absorb(home, rec)
        home.evidence.sentences[:0] = said
        _larger_toll(home, rec)
    return lead + body
