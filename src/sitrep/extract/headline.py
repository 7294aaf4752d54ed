"""Headlines: what the title alone tells, joined to the body's events.

Short reports often give the toll only in the headline ("Man killed, boy hurt in drive-by
shooting") or tell the event there and only allude to it below. The title is parsed apart
from the body; its event records fill the gaps of the body's lead event of the same kind, or,
when the body reports no such event, stand on their own. Their spans carry ``part="title"``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.dedup.link import absorb
from sitrep.extract.lexicon import load_data
from sitrep.record import EventRecord, Span

# "Five shot on west side - Channel 2 News" / "... | The Daily Star": the outlet's name
# follows the last separator.
_OUTLET_SEPARATOR = re.compile(r"\s+(?:[-|–—]|::)\s+")
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def headline(title: str) -> str:
    """The headline of `title` without a trailing outlet name, in sentence case when it is
    written in title case (`sentence_case`); as long as the matching prefix of `title`, so
    offsets into it are offsets into the title."""
    text = title.rstrip()
    while True:
        parts = list(_OUTLET_SEPARATOR.finditer(text))
        if not parts:
            return sentence_case(text)
        last = parts[-1]
        head = text[:last.start()]
        if len(head.split()) < 3:  # "Update - Five shot": the separator is not the outlet's
            return sentence_case(text)
        text = head


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
_TITLE_CASE_SHARE = 0.8  # of the words that are not stop words, capitalised


@cache
def _common_words() -> frozenset[str]:
    """Lower-case words a title-case headline capitalises that are not names: stop words,
    the casualty, person and number words of `counts.json` (with -s, -ed, -ing forms) and
    its `headline_words`."""
    data = load_data("counts.json")
    stems: set[str] = set()
    for lex in data["triggers"].values():
        for words in lex.values():
            stems.update(words)
    stems.update(data["person_nouns"])
    stems.update(data["shot_verbs"])
    stems.update(data["hospital_verbs"])
    stems.update(data["multiple_nouns"])
    forms = {w + end for w in stems for end in ("", "s", "es", "d", "ed", "ing")}
    forms |= {w[:-1] + "ing" for w in stems if w.endswith("e")}
    forms |= set(data["units"]) | set(data["tens"]) | set(data["fatal_adverbs"])
    forms |= set(data["multiples"]) | set(data["headline_words"])
    forms |= {"shot", "slain", "dead", "hurt"}
    dates = load_data("dates.json")
    names = {w.lower() for w in [*dates["months"], *dates["weekdays"]]}
    return frozenset(w for w in forms | set(STOP_WORDS) if w not in names and len(w) > 1)


def sentence_case(head: str) -> str:
    """`head` with its common words lower-cased when it is written in title case ("Teen
    Accidentally Shot And Killed In Elm County" -> "Teen accidentally shot and killed in Elm
    County"): the parser reads capitalised words as names, and a headline's toll is then
    lost. Names, words in capitals, month and weekday names and the first word are kept;
    the text keeps its length, so offsets are unchanged."""
    words = list(_WORD.finditer(head))
    common = _common_words()
    content = [m.group(0) for m in words if m.group(0).lower() not in STOP_WORDS]
    if len(words) < 3 or not content or head.isupper():
        return head
    if sum(w[0].isupper() for w in content) < _TITLE_CASE_SHARE * len(content):
        return head
    out = list(head)
    for m in words:
        word = m.group(0)
        if not head[:m.start()].strip():
            continue  # the first word
        low = word.lower()
        if word.isupper() or len(low) != len(word):
            continue
        if low in common or _POSSESSIVE.sub("", low) in common:
            out[m.start():m.end()] = low
    return "".join(out)


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
