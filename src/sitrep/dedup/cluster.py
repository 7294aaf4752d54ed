"""Cross-article deduplication: which stored event a new mention belongs to, and the merge.

A mention is compared only with events in its block (same country, same event type, day
ranges that overlap within a day of slack), so each comparison set stays small however large
the store grows. `score` combines the structured fields (sub-type, day, place, toll, actors)
with the overlap of the words in the evidence; below `THRESHOLD` the mention starts a new
event. `merge` folds a mention into an event and keeps every source.

Reports published days or weeks later (an arrest, charges, the victim named, a funeral) fall
outside that block. They are reached through *name keys*: the people an article names
(`article_keys`). The lead mention of an article (`lead_mention`) may join an event of any type
whose earlier reports share rare names with it (`link_score`); it is then folded in as a
follow-up (`merge(..., follow_up=True)`), adding its source without changing the event's type,
date, place or figures. The link is tried before the block match: shared rare names are the
stronger cue. How much name weight a link needs grows with the distance in time and place: a
report placed far apart (a namesake town) needs more unless dated within days of the event;
one more than `NEAR_DAYS` away (an arrest, a trial) needs a person named on both sides or two
people, and one years away or also placed apart, more still.
Speakers are not keys: a name after a role ("spokesman ...", "his attorney, ..."), an
official's title, or followed by its role in apposition ("..., a police spokeswoman,") or by
whom it speaks for ("... with the Police Department") recurs across incidents
(`APPOSED_ROLES`).

A mention told as past (background) is compared only with other past mentions, except the lead
mention of an article that tells nothing else (a court report recalling the shooting): it is
compared with news events, and a news report with an event such an article started
(`PAST_LEAD`).

An event keeps the places its other reports give (`places`, finer than a province), and a
report near any of them is not placed apart from it (`_near_km`): the block and the links
compare a report with all of an event's reports, not only the place the event settled on.
A follow-up linked by names though placed far apart lends its place only to an event told by
a single article (`placed_far`).
Likewise an event keeps the earlier days its other reports give (`days`): when the first
report of an incident in the stream is a trial or an arrest, the event is dated to that step,
and the incident's own reports join it as follow-ups dated to the incident; a report of that
day then finds the event by the block and is compared with the nearest day (`_near_days`, in
the block score, name links and event merges). The event keeps its own date, and its notes
say which dates its reports give and why it kept its own.

Reports of one incident repeat its particulars in their text (a street, a shop, a school,
ages, times). The lead mention of each article carries the `BODY_KEEP` rarest words of its
text (`body_words`, `rarest`: rarity counted over the articles stored, words held by more than
`BODY_DF_SHARE` of them dropped), an event the union of its articles' (`body`, at most
`BODY_MAX`). In the block score the share of one side's words that the other holds
(`body_share`) adds up to `BODY_WEIGHT`, so a report placed no finer than a state or dated only
by its publication, which the structured fields leave just short, joins on its particulars;
and a report placed apart (a namesake town) is still compared when the texts share
`BODY_FAR_SHARE` of their rare words. Event merges do not weigh it (an event's words are the
union of many texts).

Extraction places and dates some reports of one incident apart; the block reads them anyway
when the reports say so themselves. A report placed beyond `RADIUS_KM` whose evidence names the
other's place (or the other way round: "police in Marlow said...", the geoparser having put it
at a namesake Marlow) is compared as placed together (`named_place`, with `NAMED_PENALTY`), and
so is a report whose article names the event's place anywhere in its title or the start of
its text (`named_in_text`, with `TEXT_PENALTY`; the words are read once for the lead mention
and never stored, `Facts.text`). A
report that gives no date is compared over the range its record states (the week before its
publication), not a month (`STATED_RANGE`), and one published on the day another states, or
the day after, is not weighed down for giving none (`PUBLISHED_DAY`). Reports dated up to
`WIDE_DAYS` apart are compared when one was published within `PUB_DAYS` of the other (or the
later one is dated to its own publication day: a follow-up's charges, an arraignment), they
are placed together and their texts share `WIDE_SHARE` of their rare words: extraction read
one report's day wrong (events keep the publication days of their reports, `pubs`). Event
merges weigh none of these.

Reports that neither names nor the block bring together (the geoparser put one at a namesake
town, extraction read another type) may still share the rare words of their titles ("double
suicide near Lagoon Cove Resort"). `lead_words` reads them; the store weighs each shared word
by its inverse document frequency over the articles it holds (`lead_weight`), and a report
whose lead mention matched nothing else joins the event, dated within `LEAD_DAYS` and not
disagreeing on the toll, one of whose articles' titles holds `LEAD_THRESHOLD` of its title's
weight (`LEAD_MULTI_THRESHOLD` when the event is told by several articles; `lead_link`). It
joins as a follow-up unless the block score finds the two compatible.

A report of an arrest that nothing else links (it names no one the event's reports name) is
folded in as a follow-up of the violent event it follows when exactly one is placed within
`ARREST_KM` of it in the `ARREST_DAYS` before (`arrest_link`); with two or more it cannot
tell which, and starts its own event.

Events are merged together after they exist: when a mention matches two events (both by the
block match, or both by names), the mention is evidence that they report one incident, and if
the two events are themselves compatible (`mergeable`: the block score, never conflicting days
or places far apart) the newer one is folded into the older. Two events that each hold a
mention of one article (its lead mention joined one, another of its mentions the other) merge
when dated within a day and placed within `ARTICLE_KM` of each other (`article_mergeable`).
A merged or split event is recombined by replaying its mentions in order (`replay`) with the
same `merge`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from sitrep.distance import haversine_km
from sitrep.extract.lexicon import load_data
from sitrep.record import Actor, Count, EventRecord, SourceRef, told_figure
from sitrep.timespan import event_day_range

THRESHOLD = 2.2  # tuned on the gva_longtail dev half (1.5 before title links; docs/evaluation.md)
SLACK_DAYS = 1  # reports of one incident may disagree on the day by one
RADIUS_KM = {"neighbourhood": 10.0, "city": 30.0, "admin2": 80.0, "admin1": 300.0}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
GEO_RANK = {"neighbourhood": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, None: 5}
MAX_WORDS = 60
MAX_PLACES = 8  # places of an event's other reports kept in its facts
# An event keeps the days its other reports give (a trial report started it, dated to the
# trial; the incident's own reports joined it as follow-ups, dated to the incident), so that
# a report of the incident's day finds it by the block and compares with the nearest day
MAX_DAYS = 4  # day ranges of an event's other reports kept in its facts
DAYS_SPAN = 7  # only ranges this precise (a day, a week) are kept
DAY_KEY_DAYS = 7  # the block finds an event by these days through keys of one per week
DAY_KEY_CAP = 64  # and reads at most this many such events per mention
INJURED_WEIGHT = 0.6  # both report the same number injured (at least one); tuned on dev
MAX_SPAN_DAYS = 31  # mentions dated more vaguely than a month are not merged
FOLLOW_UP_DAYS = 30  # an undated mention may report an incident this long before publication
# ... unless its record states the range it may fall in (`date_start`: extraction dates a
# report with no time expression to the week before its publication), which is kept (tuned on
# the gva_longtail dev half: a month made undated reports match other incidents of the month)
STATED_RANGE = True
# Event types that reports of one incident use interchangeably (a shooting coded as an attack
# by one source and a clash by another); other types never merge with each other.
INTERCHANGEABLE = frozenset({"Battles", "Violence against civilians"})
# Name keys (tuned on the gva_longtail dev half)
MAX_KEYS = 32  # name keys kept per article
# a name after an official's title in lower case, or in apposition after a role ("his
# attorney, Jane Roe,"), is the role's holder, not a key (tuned on the gva_longtail dev half)
APPOSED_ROLES = True
ROLE_SPAN = 8  # tokens read after a name for its role
KEY_DF_CAP = 8  # a name held by more events than this is too common to link on
KEY_REF = 1000.0  # weight of a shared name: log(KEY_REF / events holding it)
ONE_SIDE_WEIGHT = 0.6  # a name told clearly as a person's on one side only weighs less
SURNAME_WEIGHT = 0.3  # a surname alone, when its full name is told as a person's
NON_PERSON_WEIGHT = 0.3  # a capitalised pair that neither side tells as a person's, less still
# The name a title gives its incident ("Wilkinsburg mass shooting": `incident_names`) is a key
# "@wilkinsburg" weighing `INCIDENT_WEIGHT` of a full name told as a person's on both sides
INCIDENT_NAMES = True
INCIDENT_WEIGHT = 1.0
LINK_THRESHOLD = 4.0  # summed name weight that links a report to an event
LINK_DAYS = 730  # a follow-up report further than this from the event needs `LATE_THRESHOLD`
LINK_KM = 150.0  # placed further apart than this (or in two countries), a link needs
FAR_THRESHOLD = 5.0  # this much name weight: geoparsing often puts a report at a namesake town
FAR_CLOSE_DAYS = 7  # ... unless the two are dated within this many days of each other
# A follow-up linked though placed apart (a namesake town, the victim's home town) does not
# lend its place to an event that at least `FAR_PLACED_BY` articles already tell (`placed_far`):
# else a report of another incident near that place would find the event near it (tuned on
# the gva_longtail dev half; `FAR_PLACES` True: every report's place is kept, as before)
FAR_PLACES = False
FAR_PLACED_BY = 2
# A report dated more than `NEAR_DAYS` from the event (an arrest, a trial, a sentence) needs
# (these four tuned on the gva_longtail dev half, with `FAR_CLOSE_DAYS`)
NEAR_DAYS = 90
LATER_THRESHOLD = 8.0  # this much name weight (a person told so on both sides, or two people)
LATE_THRESHOLD = 15.0  # and this much when also placed far apart or more than `LINK_DAYS` away
LATE_LINK_DAYS = 3650  # none links beyond this
# Event merges (tuned on the gva_longtail dev half)
MERGE_THRESHOLD = 1.5  # block score two events need between them, given a mention matching both
SHARED_THRESHOLD = 1.75  # the same, when both events hold a mention of one article
NAME_MERGE = True  # two events that one report links by names merge (placed close, any days)
# An article whose mentions went into two events (one joined by its names, another by the
# block) is evidence that they are one incident: they merge when dated within `SLACK_DAYS` of
# each other, placed within `ARTICLE_KM` (finer than a province) and both told as news, or as
# past (`article_mergeable`); of two kinds (an arrest and the shooting, a riot), the newer
# event's reports only add sources (tuned on the gva_dedup dev half)
ARTICLE_MERGE = True
ARTICLE_KM = 10.0
ARTICLE_KINDS = True  # whether two events of different kinds merge so too
# Lead words: the words of an article's title, which reports of one incident share ("double
# suicide near Lagoon Cove Resort") even where the geoparser or the day reading puts them apart
# (tuned on the gva_longtail dev half; the body's first lines were tried too and dropped: they
# are often page furniture shared by one outlet's articles)
MAX_LEAD_WORDS = 24
LEAD_BUCKET_DAYS = 30  # lead words are looked up among events reported within about a month
LEAD_DF_CAP = 6  # a word held by more events than this in one bucket is too common
LEAD_THRESHOLD = 0.3  # share of the report's lead-word weight (idf) found in one event
LEAD_MIN_WEIGHT = 4.0  # and the least summed idf of the shared words
LEAD_DAYS = 3  # ... when the two are dated at most this far apart
# Arrest reports (tuned on the gva_longtail dev half): an arrest that neither names, block nor
# title link joins the only violent event placed within `ARREST_KM` of it and dated within
# `ARREST_DAYS` before it
ARREST_SUB_TYPES = frozenset({"Arrests"})
ARREST_DAYS = 30
ARREST_KM = 10.0
# Several violent events that all hold mentions of one article (its mentions of the incident
# went to events of their own) leave the arrest no choice to make: it follows the oldest
ARREST_ONE_ARTICLE = True
# An event told by several articles is compared title by title (the best single title, among
# its `LEAD_TITLES` latest articles, not the union of all: that matches by chance), and needs
LEAD_TITLES = 12
LEAD_MULTI_THRESHOLD = 0.5  # this share of the report's title weight
LEAD_MULTI_WEIGHT = 9.0  # and this much weight
# Body words: reports of one incident repeat its particulars (a street, a business, a school,
# ages, times). Each article's lead mention carries the `BODY_KEEP` rarest words of its text
# (`body_words`; rarity counted over the articles stored), an event the union of its
# articles' (at most `BODY_MAX`); the share of a report's words that an event holds adds up to
# `BODY_WEIGHT` to the block score (tuned on the gva_longtail dev half)
BODY_CHARS = 4000  # the start of the text read
BODY_VOCAB = 150  # distinct words of it counted and looked up
BODY_KEEP = 24
BODY_DF_SHARE = 0.005  # a word held by more than this share of the articles is not kept
BODY_RARE = 2  # words held by at most this many articles are equally rare (order of the text)
BODY_MAX = 96
BODY_WEIGHT = 3.0
BODY_IN_MERGES = False  # whether event merges weigh it too
# reports placed apart (beyond `RADIUS_KM`: a namesake town) are still compared when their
# texts share this much, with this penalty (tuned on the gva_longtail dev half)
BODY_FAR_SHARE = 0.4
BODY_FAR_PENALTY = 0.5
# Namesakes: a report placed apart from an event (beyond `RADIUS_KM`) whose evidence names the
# event's place, or the other way round, was put at a namesake town by the geoparser (a
# "Park Hill" in another state for the Denver neighbourhood its text also names); it is
# compared as placed together, with this penalty (tuned on the gva_longtail dev half)
NAMED_PLACE = True
NAMED_PENALTY = 0.5
NAMED_KM = 100.0  # only beyond this distance (nearer: a suburb named with its city)
NAMED_IN_MERGES = False  # whether event merges weigh it too (an event's words: many texts')
# ... and a report whose article names the event's place anywhere in its title or text start
# (`named_in_text`: "Excel Industries in Hesston", the geoparser having placed it at an Excel
# in another state), with this penalty; beyond `TEXT_KM` (tuned on the gva_longtail dev half)
TEXT_PLACE = True
TEXT_PENALTY = 0.3
TEXT_KM = 100.0
# An article that tells only past events (its lead mention is background: a court report, a
# charge, a plea, recalling the shooting) reports that incident: its lead mention is compared
# with news events as with others, with this penalty (tuned on the gva_longtail dev half)
PAST_LEAD = True
PAST_PENALTY = 0.3
# An event placed no finer than a province (its first report's place) whose other reports
# place it in a town is compared by those towns, not by the province's or country's centre:
# else any report of the country on that day fits it (tuned on the gva_longtail dev half)
FINE_PLACES = True
# ... and a follow-up report placed in a town of that country places such an event there, with
# a note (its reports otherwise only add sources)
FOLLOW_UP_PLACE = True
# A report that extraction could not place (its article's lead mention) is compared with the
# events of every country, not only with unplaced ones, with this penalty (tuned on the
# gva_longtail dev half)
UNPLACED_ANY_BLOCK = True
UNPLACED_PENALTY = 1.0
# Dated apart but published together: extraction reads one report's day wrong (the day of
# its publication, an arrest, "last week"); a report published within `PUB_DAYS` of one of an
# event's reports, dated at most `WIDE_DAYS` from it, placed together and sharing
# `WIDE_SHARE` of its rare text words, is compared with this penalty (tuned on the
# gva_longtail dev half)
WIDE_DAYS = 7
PUB_DAYS = 2
WIDE_SHARE = 0.2
WIDE_PENALTY = 0.5
PUB_DATED = True  # ... or when the later one is dated to its own publication day (a follow-up)
# A report that gives no date, published on the day another states or the day after, tells
# that day's news: the two are not weighed down as "one gives no date" (tuned on the
# gva_longtail dev half)
PUBLISHED_DAY = True
INFERRED_PENALTY = 0.5  # otherwise
MAX_PUBS = 8  # publication days of an event's reports kept in its facts (the earliest)

DATE_NOTE = "reports differ on the date"

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*\.?|\d+|[^\sA-Za-z\d]")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_data("stopwords.json", "sitrep.dedup"))


def evidence_words(rec: EventRecord) -> frozenset[str]:
    """Content words of the evidence: what two reports of one incident tend to share."""
    stop = _stopwords()
    words: list[str] = []
    for sent in rec.evidence.sentences:
        for w in _WORD.findall(sent.text):
            lw = w.lower()
            if lw not in stop and lw not in words:
                words.append(lw)
    return frozenset(words[:MAX_WORDS])


@cache
def _name_lexicon() -> dict[str, frozenset[str]]:
    data = load_data("name_keys.json", "sitrep.dedup")
    return {name: frozenset(data[name])
            for name in ("titles", "not_names", "suffixes", "roles", "credits", "officials",
                         "appositions", "affiliations", "incident_nouns", "incident_modifiers",
                         "incident_generic")}


def incident_names(title: str) -> list[str]:
    """The names a title gives its incident, as keys ("@pulse", "@cascade"): the capitalised
    words read leftwards from an incident noun over a venue word ("Pulse nightclub shooting",
    "Cascade Mall shooting"; not "Dallas shooting" or "Orlando mass shooting", which may be
    any of a city's), or from a venue word to "at" ("wounded at Pulse nightclub"); days,
    months and such generic words left out."""
    lex = _name_lexicon()
    toks = [m.group() for m in _TOKEN.finditer(_TITLE_TAIL.sub("", title.strip()))]
    found: list[str] = []
    for i, tok in enumerate(toks):
        if tok.lower() in lex["incident_nouns"]:
            words, venue, j = _name_before(toks, i - 1, lex)
            named = venue
        elif tok.lower() in lex["incident_modifiers"]:
            words, venue, j = _name_before(toks, i, lex)
            named = j >= 0 and toks[j] == "at"
        else:
            continue
        key = "@" + " ".join(words)
        if words and named and key not in found:
            found.append(key)
    return found


def _name_before(toks: list[str], j: int, lex: dict[str, frozenset[str]]
                 ) -> tuple[list[str], bool, int]:
    """The capitalised words read leftwards from token `j` over venue words, whether a venue
    word follows them, and the index of the token before them."""
    words: list[str] = []
    venue = False
    while j >= 0:
        low = _key_word(toks[j])
        if low in lex["incident_modifiers"]:
            venue = venue or not words
        elif _capitalised(toks[j]) and low not in lex["incident_generic"]:
            words.insert(0, low)
        else:
            break
        j -= 1
    return words, venue, j


def _key_word(tok: str) -> str:
    """A word of a name key: lower case, without a possessive ending."""
    return tok.lower().removesuffix("'s").removesuffix("\u2019s")


def _capitalised(tok: str) -> bool:
    return tok[0].isupper() and (tok[1:2].islower() or (len(tok) == 2 and tok[1] == "."))


def _after_role(toks: list[str], i: int, lex: dict[str, frozenset[str]]) -> bool:
    """Whether the name starting at token `i` follows a role word ("spokesman John Doe"),
    or an official's or a role's title in lower case, directly or in apposition ("defense
    attorney Jane Roe", "his attorney, Jane Roe,"): the holder of a role recurs across
    incidents."""
    j = i - 1
    if APPOSED_ROLES and j > 0 and toks[j] == ",":
        j -= 1
    if j < 0:
        return False
    word = toks[j].rstrip(".")
    if word.lower() in lex["roles"]:
        return j == i - 1 or APPOSED_ROLES
    return APPOSED_ROLES and word.islower() and word in lex["officials"]


def _role_follows(toks: list[str], after: int, lex: dict[str, frozenset[str]]) -> bool:
    """Whether the name ending before token `after` is followed by its role, in apposition
    ("Jane Roe, a police spokeswoman,") or by whom it speaks for ("Jane Roe with the Police
    Department"), before the next comma or full stop and within `ROLE_SPAN` tokens."""
    if after >= len(toks) or toks[after] not in (",", "with", "of"):
        return False
    wanted = lex["appositions"] if toks[after] == "," else lex["affiliations"]
    for tok in toks[after + 1:after + 1 + ROLE_SPAN]:
        if tok in (",", ".") or tok.endswith("."):
            return tok.rstrip(".").lower() in wanted
        if tok.lower() in wanted:
            return True
    return False


def article_keys(text: str) -> dict[str, bool]:
    """Name keys of an article: "first last" (lower case) of each run of two or three
    capitalised words that is not a place or an organisation, mapped to whether it is clearly
    a person (followed by an age, "John Doe, 24,", or its last word recurs alone or after a
    title, "Doe was taken to hospital"). Titles ("Officer") and suffixes ("Jr.") are dropped,
    a middle initial skipped. At most `MAX_KEYS`, in order of appearance. `text` is the title,
    a line break and the body: the title's incident names (`incident_names`, "@pulse") come
    first, as keys told clearly (True)."""
    lex = _name_lexicon()
    titles, not_names, suffixes = lex["titles"], lex["not_names"], lex["suffixes"]
    stop = _stopwords()
    keys: dict[str, bool] = dict.fromkeys(incident_names(text.split("\n", 1)[0]) if
                                          INCIDENT_NAMES else [], True)
    toks = [m.group() for m in _TOKEN.finditer(text)]
    runs: list[tuple[list[str], int]] = []  # (words, index of the token after the run)
    current: list[str] = []
    for i, tok in enumerate([*toks, "."]):
        if _capitalised(tok):
            word = _key_word(tok.rstrip("."))
            if not current and _after_role(toks, i, lex):
                word = "by"  # a spokesman, a reporter, "his attorney, ...": dropped below
            current.append(word)
            if tok.endswith(".") and len(word) > 1 and word not in titles:
                runs.append((current, i + 1))  # a full stop ends the sentence and the run
                current = []
        elif current:
            if tok.rstrip(".").lower() in lex["credits"]:
                current.append("by")
            runs.append((current, i))
            current = []
    alone: set[str] = set()
    for words, _ in runs:
        names = [w for w in words if w not in titles]
        if len(names) == 1 and len(names[0]) > 1:
            alone.add(names[0])
    for words, after in runs:
        if words and (words[0] in lex["officials"] or words[0] == "by"):
            continue  # "Superintendent Eddie Johnson", a spokesman, a byline
        lead = 0
        while lead < len(words) and words[lead] in titles:
            lead += 1
        if APPOSED_ROLES and (any(w in lex["officials"] for w in words[:lead])
                              or _role_follows(toks, after, lex)):
            continue  # "Deputy Superintendent Jane Roe", "Jane Roe, a police spokeswoman,"
        words = words[lead:]
        while words and words[-1] in suffixes:
            words = words[:-1]
        names = [w for w in words if len(w) > 1]  # skip middle initials
        if not 2 <= len(names) <= 3 or any(w in not_names or w in stop for w in names):
            continue
        aged = (after + 1 < len(toks) and toks[after] == "," and toks[after + 1].isdigit()
                and len(toks[after + 1]) <= 2)
        key = f"{names[0]} {names[-1]}"
        person = keys.get(key, False) or aged or names[-1] in alone
        keys[key] = person
        if person:
            keys[names[-1]] = True  # the surname alone: "Mr. Ocasio", a first name misspelt
        if len(keys) >= MAX_KEYS:
            break
    return keys


_TITLE_TAIL = re.compile(r"\s+[-|\u2013\u2014]\s+[^-|\u2013\u2014]{2,60}$")
_LEAD_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{2,}|\d+-year-old")


def lead_words(title: str) -> list[str]:
    """Content words of an article's title (without a trailing " - Outlet"), lower case,
    without stop words, in order; at most `MAX_LEAD_WORDS`."""
    stop = _stopwords()
    words: list[str] = []
    for w in _LEAD_WORD.findall(_TITLE_TAIL.sub("", title.strip())):
        lw = w.lower().replace("\u2019", "'").removesuffix("'s")
        if len(lw) > 2 and lw not in stop and lw not in words:
            words.append(lw)
            if len(words) >= MAX_LEAD_WORDS:
                break
    return words


_BODY_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{2,}|\d{1,4}")


def body_words(title: str, text: str) -> list[str]:
    """Distinct content words and numbers of an article (its title and the first
    `BODY_CHARS` of its text), lower case, without stop words, in order; at most
    `BODY_VOCAB`."""
    stop = _stopwords()
    words: dict[str, None] = {}
    for w in _BODY_WORD.findall(f"{title}\n{text[:BODY_CHARS]}"):
        lw = w.lower().replace("\u2019", "'").removesuffix("'s")
        if lw not in stop and lw not in words:
            words[lw] = None
            if len(words) >= BODY_VOCAB:
                break
    return list(words)


def rarest(words: list[str], counts: dict[str, int], total: int) -> tuple[str, ...]:
    """The `BODY_KEEP` words of `words` held by the fewest of the `total` articles
    (`counts`), ties in order of appearance; none held by more than `BODY_DF_SHARE` of them
    (at least one other article may hold it)."""
    cap = max(1.0, BODY_DF_SHARE * total)
    order = sorted((i for i, w in enumerate(words) if counts.get(w, 0) <= cap),
                   key=lambda i: (max(BODY_RARE, counts.get(words[i], 0)), i))
    return tuple(sorted(words[i] for i in order[:BODY_KEEP]))


def body_union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """An event's body words with those of another report: `a`'s first, at most `BODY_MAX`."""
    if not b:
        return a
    kept = list(a)
    for w in b:
        if len(kept) >= BODY_MAX:
            break
        if w not in kept:
            kept.append(w)
    return tuple(kept)


def lead_weight(n_articles: int, n_holding: int) -> float:
    """What one lead word is worth (its inverse document frequency): more the fewer of the
    `n_articles` stored articles hold it."""
    return max(0.0, math.log((n_articles + 1) / (n_holding + 0.5)))


def key_weight(key: str, n_events: int, persons: int) -> float:
    """What sharing a name with an event is worth: more the fewer events hold it, and more
    when both sides (`persons`: 0, 1 or 2) tell it clearly as a person's name; a surname
    alone (a key of one word) weighs `SURNAME_WEIGHT` of a full name."""
    weight = math.log(KEY_REF / max(1, n_events))
    if key.startswith("@"):
        return INCIDENT_WEIGHT * weight
    weight *= (1.0, ONE_SIDE_WEIGHT, NON_PERSON_WEIGHT)[2 - persons]
    return weight if " " in key else SURNAME_WEIGHT * weight


@dataclass(frozen=True, slots=True)
class Facts:
    """What deduplication compares: a mention's, or an event's merged, key fields."""

    event_type: str
    sub_event_type: str
    lo: date | None
    hi: date | None
    country_code: str
    lat: float | None
    lon: float | None
    geo_precision: str | None
    place: str | None
    fatalities: int | None
    actor1: str | None
    words: frozenset[str]
    background: bool
    articles: frozenset[str]  # an event never takes a second mention from one article
    inferred: bool = False  # no time expression: the event happened up to a month before
    injuries: int | None = None
    # an event's: where its other reports place it (finer than a province), at most
    # `MAX_PLACES`; a report placed near any of them is not placed apart
    places: tuple[tuple[float, float], ...] = ()
    # an event's: the day ranges its other reports give (precise to `DAYS_SPAN`, not
    # inferred), at most `MAX_DAYS`; a report dated within the slack of any is not dated apart
    days: tuple[tuple[date, date], ...] = ()
    # the rarest words of the article's text (a lead mention's) or of its articles' (an
    # event's), `BODY_KEEP` / `BODY_MAX` at most
    body: tuple[str, ...] = ()
    # the days its reports were published (a mention's: its article's; an event's: at most
    # `MAX_PUBS`, the earliest)
    pubs: tuple[date, ...] = ()
    # a lead mention's, while it is placed (never stored): the words of its article's title
    # and text start (`text_words`), where it may name the place another report gives
    text: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rec: EventRecord, words: frozenset[str] | None = None,
           pubs: tuple[date, ...] = ()) -> Facts:
        lo_iso, hi_iso = event_day_range(rec)
        lo = date.fromisoformat(lo_iso) if lo_iso else None
        hi = date.fromisoformat(hi_iso) if hi_iso else None
        if rec.date_inferred and hi is not None and not (STATED_RANGE and rec.date_start):
            # no time expression and no range stated: the incident may be up to a month old
            lo = hi - timedelta(days=FOLLOW_UP_DAYS)
        loc = rec.location
        return cls(
            event_type=rec.event_type, sub_event_type=rec.sub_event_type, lo=lo, hi=hi,
            country_code=(loc.country_code or "") if loc else "",
            lat=loc.lat if loc else None, lon=loc.lon if loc else None,
            geo_precision=loc.precision if loc else None, place=loc.name if loc else None,
            fatalities=told_figure(rec.fatalities),
            actor1=rec.actor1.name if rec.actor1 else None,
            words=evidence_words(rec) if words is None else words,
            background=rec.background,
            articles=frozenset({rec.article_id, *(s.article_id for s in rec.sources)}),
            inferred=rec.date_inferred,
            injuries=rec.injuries.best if rec.injuries else None, pubs=pubs,
        )

    def window(self) -> tuple[date, date] | None:
        """Days within which a matching event's range must fall (None: do not block)."""
        span = MAX_SPAN_DAYS if not self.inferred else FOLLOW_UP_DAYS
        if self.lo is None or self.hi is None or (self.hi - self.lo).days > span:
            return None  # undated, or dated only to a year: too vague to merge on
        return self.lo - timedelta(days=SLACK_DAYS), self.hi + timedelta(days=SLACK_DAYS)


def _km(a: Facts, b: Facts) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _near_km(a: Facts, b: Facts) -> float | None:
    """The least distance between the places of `a` and `b`, each its own and those of its
    other reports (`places`)."""
    pa = [(a.lat, a.lon)] if a.lat is not None and a.lon is not None else []
    pb = [(b.lat, b.lon)] if b.lat is not None and b.lon is not None else []
    pa += a.places
    pb += b.places
    if not pa or not pb:
        return None
    return min(haversine_km(*p, *q) for p in pa for q in pb)


def _placed_by(f: Facts, other: Facts) -> tuple[Facts, str | None]:
    """Where `f` is, compared with `other`, and how precisely: an event placed no finer than a
    province whose other reports place it finer (`places`) is compared by those places, as
    a district, with a report placed finer than a province (`FINE_PLACES`)."""
    if FINE_PLACES and _coarse(f) and f.places and not _coarse(other):
        return replace(f, lat=None, lon=None), "admin2"
    return f, f.geo_precision


def with_places(event: Facts, old: Facts | None, more: list[Facts]) -> Facts:
    """`event` with `places`, `days` and `pubs`: those of `old` (its facts before), `old`'s
    own place and day range, and those of the reports `more`; places finer than a province,
    day ranges precise to `DAYS_SPAN` and not inferred, other than `event`'s own, at most
    `MAX_PLACES` and `MAX_DAYS` (the first ones kept); the earliest `MAX_PUBS` publication
    days."""
    candidates: list[tuple[float, float]] = list(old.places) if old is not None else []
    ranges: list[tuple[date, date]] = list(old.days) if old is not None else []
    for f in ([old] if old is not None else []) + more:
        if f.lat is not None and f.lon is not None and not _coarse(f):
            candidates.append((round(f.lat, 4), round(f.lon, 4)))
        if f.lo is not None and f.hi is not None and not f.inferred \
                and (f.hi - f.lo).days <= DAYS_SPAN:
            ranges.append((f.lo, f.hi))
    own = (round(event.lat, 4), round(event.lon, 4)) if event.lat is not None \
        and event.lon is not None else None
    kept: list[tuple[float, float]] = []
    for place in candidates:
        if place != own and place not in kept and len(kept) < MAX_PLACES:
            kept.append(place)
    kept_days: list[tuple[date, date]] = []
    for span in ranges:
        if event.lo is not None and span[1] < event.lo and span not in kept_days \
                and len(kept_days) < MAX_DAYS:
            kept_days.append(span)
    pubs = {day for f in ([old] if old is not None else []) + more for day in f.pubs}
    return replace(event, places=tuple(kept), days=tuple(kept_days),
                   pubs=tuple(sorted(pubs | set(event.pubs))[:MAX_PUBS]))


def placed_far(m: Facts, e: Facts) -> bool:
    """Whether report `m` is placed more than `LINK_KM` from every place of event `e`, which
    at least `FAR_PLACED_BY` of its articles tell: a follow-up linked by names though placed
    apart, whose place (a namesake town, the victim's home town) such an event does not take
    among its places (`FAR_PLACES`)."""
    if FAR_PLACES or len(e.articles) < FAR_PLACED_BY:
        return False
    km = _near_km(m, e)
    return km is not None and km > LINK_KM


def day_ranges(f: Facts) -> list[tuple[date, date]]:
    """The day ranges of `f`: its own (if dated) and those of its other reports (`days`)."""
    own = [(f.lo, f.hi)] if f.lo is not None and f.hi is not None else []
    return own + list(f.days)


def _near_days(a: Facts, b: Facts) -> tuple[date, date, date, date] | None:
    """The pair of day ranges of `a` and `b` (own or of other reports) that are closest in
    time, as (a.lo, a.hi, b.lo, b.hi); None when either is undated."""
    best: tuple[int, tuple[date, date, date, date]] | None = None
    for alo, ahi in day_ranges(a):
        for blo, bhi in day_ranges(b):
            gap = max((alo - bhi).days, (blo - ahi).days, 0)
            if best is None or gap < best[0]:
                best = (gap, (alo, ahi, blo, bhi))
    return best[1] if best is not None else None


def _coarse(f: Facts) -> bool:
    return f.geo_precision not in ("neighbourhood", "city", "admin2")


@cache
def _generic_place_words() -> frozenset[str]:
    return frozenset(load_data("places.json", "sitrep.dedup")["generic"])


@lru_cache(maxsize=4096)
def place_words(name: str) -> frozenset[str]:
    """The words of a place name that its mention in a text must hold (lower case, without
    the words of its kind: "county", "township")."""
    generic = _generic_place_words()
    return frozenset(w for w in (m.lower().removesuffix("'s") for m in _WORD.findall(name))
                     if w not in generic)


def text_words(title: str, text: str) -> frozenset[str]:
    """The words of an article's title and the first `BODY_CHARS` of its text, lower case:
    where the article may name a place."""
    return frozenset(w.lower().removesuffix("'s")
                     for w in _WORD.findall(f"{title}\n{text[:BODY_CHARS]}"))


def named_in_text(m: Facts, e: Facts) -> str | None:
    """The place of `e` that the article of `m` names anywhere in its title or text start
    (`text`); None when it does not, or `m` carries no text."""
    if m.text and e.place:
        words = place_words(e.place)
        if words and words <= m.text:
            return e.place
    return None


def named_place(m: Facts, e: Facts) -> str | None:
    """The place of `e` that the evidence of `m` names (`words`), or the place of `m` that
    the evidence of `e` names; None when neither."""
    for f, g in ((e, m), (m, e)):
        if f.place:
            words = place_words(f.place)
            if words and words <= g.words:
                return f.place
    return None


def _published_on(m: Facts, e: Facts) -> bool:
    """Whether `m` gives no date (dated by its publication, `hi`) and was published on the
    day `e` states, or the day after (the news of that day)."""
    return (m.inferred and not e.inferred and m.hi is not None and e.lo is not None
            and e.lo == e.hi and 0 <= (m.hi - e.hi).days <= SLACK_DAYS)


def _dated_to_publication(f: Facts) -> bool:
    """Whether `f` is dated to the day it was published (a follow-up often is: the charges,
    the arraignment of that day), or gives no date."""
    return f.hi is not None and (f.inferred or f.lo == f.hi) and f.hi in f.pubs


def published_together(m: Facts, e: Facts) -> bool:
    """Whether one report of `m` and one of `e` were published within `PUB_DAYS`."""
    return any(abs((a - b).days) <= PUB_DAYS for a in m.pubs for b in e.pubs)


def body_share(m: Facts, e: Facts) -> float:
    """The share of the rarest words of the shorter text (`body`) that the other holds."""
    if not m.body or not e.body or not BODY_WEIGHT:
        return 0.0
    held = set(e.body)
    return sum(w in held for w in m.body) / min(len(m.body), len(e.body))


def score(m: Facts, e: Facts, namesakes: bool = True) -> tuple[float, str] | None:
    """How well mention `m` fits event `e`, with the reason; None when they cannot be one.
    `namesakes`: whether a report placed apart that names the other's place is compared."""
    if m.articles & e.articles:
        return None  # mentions in one article were already linked or kept apart there
    past = m.background != e.background
    if past and not (PAST_LEAD and m.text and (m.background or e.body)):
        return None  # a past event recalled in a news report is not that report's news
    same_type = m.event_type == e.event_type
    if not same_type and not {m.event_type, e.event_type} <= INTERCHANGEABLE:
        return None
    near = _near_days(m, e) if m.lo is not None and e.lo is not None else None
    if near is None:
        return None
    mlo, mhi, elo, ehi = near  # the closest of their reports' days
    gap = max((mlo - ehi).days, (elo - mhi).days)
    if gap > max(SLACK_DAYS, WIDE_DAYS):
        return None
    if m.country_code and e.country_code and m.country_code != e.country_code:
        return None
    share = body_share(m, e)
    (m_at, m_precision), (e_at, e_precision) = _placed_by(m, e), _placed_by(e, m)
    km = _near_km(m_at, e_at)
    apart = False
    named = None
    named_text = False
    if km is not None:
        radius = max(RADIUS_KM.get(m_precision or "", 1e9),
                     RADIUS_KM.get(e_precision or "", 1e9))
        apart = km > radius
        if apart and NAMED_PLACE and namesakes and km > NAMED_KM:
            named = named_place(m, e)
        if apart and named is None and TEXT_PLACE and namesakes and km > TEXT_KM:
            named = named_in_text(m, e)
            named_text = named is not None
        if apart and share < BODY_FAR_SHARE and named is None:
            return None
    total, apart_why = 0.0, []
    if gap > SLACK_DAYS:
        # dated apart: one report's day misread, when both were published together, placed
        # together (or a namesake) and their texts agree
        together = published_together(m, e)
        if (apart and named is None) or share < WIDE_SHARE or not (together or (
                PUB_DATED and _dated_to_publication(m if mlo > ehi else e))):
            return None
        total -= WIDE_PENALTY
        apart_why.append(f"dated {gap} days apart but " + (
            "published together" if together else "the later dated to its publication"))
    if apart and named is not None and named_text:
        # placed apart, but the report's article names the event's place: a namesake town
        total -= TEXT_PENALTY
        apart_why.append(f"placed {km:.0f} km apart but its article names {named}")
    elif apart and named is not None:
        # placed apart, but one report names the other's place: a namesake town
        total -= NAMED_PENALTY
        apart_why.append(f"placed {km:.0f} km apart but {named} named in both")
    elif apart:
        # placed apart (a namesake town), but the texts share most of their rare words
        total -= BODY_FAR_PENALTY
        apart_why.append(f"placed {km:.0f} km apart")
    why = [f"compatible type, {', '.join(apart_why)}" if apart_why
           else "compatible type, days and area"]
    if past:
        # an article that tells the incident only as past (a court report recalling it)
        total -= PAST_PENALTY
        why.append("its article tells it as past")
    if m.sub_event_type == e.sub_event_type:
        total += 1.0
        why.append("same sub-type")
    elif not same_type:
        total -= 0.5
    if UNPLACED_ANY_BLOCK and m.text and not m.country_code and e.country_code:
        # an unplaced report compared with events of every country: weak evidence of place
        total -= UNPLACED_PENALTY
        why.append("it is not placed")
    if _coarse(m) or _coarse(e):
        total -= 0.5  # one report is placed no finer than a province: weak evidence
    if m.inferred or e.inferred:
        if not (PUBLISHED_DAY and (_published_on(m, e) or _published_on(e, m))):
            total -= INFERRED_PENALTY  # one report gives no date
    elif mlo == mhi and elo == ehi and mlo == elo:
        total += 0.5
        why.append("same day")
    if m.place and m.place == e.place and not _coarse(m):
        total += 0.5
        why.append(f"both in {m.place}")
    if m.fatalities is not None and e.fatalities is not None:
        if m.fatalities == e.fatalities:
            total += 0.6
            why.append(f"same toll ({m.fatalities})")
        elif max(m.fatalities, e.fatalities) > 2 * max(1, min(m.fatalities, e.fatalities)):
            total -= 0.8
            why.append("tolls differ")
    if m.injuries and m.injuries == e.injuries:
        total += INJURED_WEIGHT
        why.append(f"same injured ({m.injuries})")
    if m.actor1 and e.actor1:
        total += 0.3 if m.actor1 == e.actor1 else -0.3
    if m.words and e.words:
        # overlap relative to the shorter description: a brief follow-up shares most of its
        # words (names, streets, weapons) with the fuller report
        overlap = len(m.words & e.words) / min(len(m.words), len(e.words))
        total += 3.0 * overlap
        why.append(f"word overlap {overlap:.2f}")
    if m.body and e.body and BODY_WEIGHT:
        total += BODY_WEIGHT * share
        why.append(f"text overlap {share:.2f}")
    return total, ", ".join(why)


def link_score(m: Facts, e: Facts, names: float) -> tuple[float, str] | None:
    """A follow-up link: mention `m` shares names worth `names` with event `e`. None when the
    names are too weak for how far apart the two are placed and dated. Places are weak
    evidence against a link (a report is often placed at a namesake town): placed far apart,
    the names must weigh `FAR_THRESHOLD`, unless the two are dated within `FAR_CLOSE_DAYS`.
    A report more than `NEAR_DAYS` from the event (a trial, a sentence) needs
    `LATER_THRESHOLD`, and `LATE_THRESHOLD` when also placed far apart or more than
    `LINK_DAYS` away; none links beyond `LATE_LINK_DAYS`."""
    if names < LINK_THRESHOLD or m.articles & e.articles:
        return None
    gap = None
    near = _near_days(m, e) if m.lo and e.lo else None
    if near is not None:
        gap = max((near[0] - near[3]).days, (near[2] - near[1]).days)
        if gap > LATE_LINK_DAYS:
            return None
    km = _near_km(m, e)
    far = (km is not None and km > LINK_KM) or bool(
        m.country_code and e.country_code and m.country_code != e.country_code)
    need = FAR_THRESHOLD if far and (gap is None or gap > FAR_CLOSE_DAYS) else LINK_THRESHOLD
    if gap is not None and gap > NEAR_DAYS:
        need = max(need, LATE_THRESHOLD if far or gap > LINK_DAYS else LATER_THRESHOLD)
    if names < need:
        return None
    where = " though placed apart" if far else ""
    later = f", {gap} days apart" if gap is not None and gap > NEAR_DAYS else ""
    return names, f"follow-up: shares names (weight {names:.1f}){where}{later}"


def lead_link(m: Facts, e: Facts, weight: float, share: float) -> tuple[float, str] | None:
    """A link by lead words: mention `m`'s article shares words worth `weight` (summed idf),
    `share` of its own lead words' weight, in its title with an article of
    event `e` (the best-matching one). None when too weak (`LEAD_THRESHOLD`,
    `LEAD_MIN_WEIGHT`; `LEAD_MULTI_THRESHOLD`, `LEAD_MULTI_WEIGHT` when `e` is told by several
    articles), when one article is on both sides, when dated more than `LEAD_DAYS` apart, or
    when the tolls disagree."""
    if weight < LEAD_MIN_WEIGHT or share < LEAD_THRESHOLD or m.articles & e.articles:
        return None
    if len(e.articles) > 1 and (share < LEAD_MULTI_THRESHOLD or weight < LEAD_MULTI_WEIGHT):
        return None  # weighed against its best title: a stronger match is needed
    if m.lo and e.lo and m.hi and e.hi and max((m.lo - e.hi).days,
                                                (e.lo - m.hi).days) > LEAD_DAYS:
        return None
    if m.fatalities is not None and e.fatalities is not None and m.fatalities != e.fatalities:
        return None
    return share, f"shares the words of its title ({share:.0%}, weight {weight:.1f})"


def arrest_link(m: Facts, e: Facts) -> tuple[float, str] | None:
    """Whether arrest report `m` may tell of violent event `e`: both placed finer than a
    province, within `ARREST_KM`, `e` dated within `ARREST_DAYS` before `m` (or a day
    after), the tolls not disagreeing. The caller makes sure `e` is the only such event."""
    if m.articles & e.articles or e.event_type not in INTERCHANGEABLE or m.background:
        return None
    if _coarse(m) or _coarse(e) or m.lo is None or m.hi is None or e.lo is None or e.hi is None:
        return None
    if e.hi < m.lo - timedelta(days=ARREST_DAYS) or e.lo > m.hi + timedelta(days=SLACK_DAYS):
        return None
    km = _km(m, e)
    if km is None or km > ARREST_KM:
        return None
    if m.fatalities is not None and e.fatalities is not None and m.fatalities != e.fatalities:
        return None
    return 0.0, f"follow-up: an arrest {km:.0f} km from the only violent event near it"


def best_match(m: Facts, candidates: list[tuple[str, Facts]]) -> tuple[str, float, str] | None:
    """The candidate event (id, score, reason) that `m` joins, if any passes `THRESHOLD`."""
    best: tuple[str, float, str] | None = None
    for event_id, facts in candidates:
        scored = score(m, facts)
        if scored is not None and scored[0] >= THRESHOLD and (best is None or scored[0] > best[1]):
            best = (event_id, scored[0], scored[1])
    return best


def matches(m: Facts, candidates: list[tuple[str, Facts]]) -> list[tuple[str, float, str]]:
    """Every candidate event (id, score, reason) that `m` passes `THRESHOLD` with, best first."""
    found: list[tuple[str, float, str]] = []
    for event_id, facts in candidates:
        scored = score(m, facts)
        if scored is not None and scored[0] >= THRESHOLD:
            found.append((event_id, scored[0], scored[1]))
    found.sort(key=lambda c: -c[1])
    return found


def _day_conflict(a: Facts, b: Facts) -> bool:
    """Both events are dated to one exact day, the days differ by more than the slack, and no
    report of one is dated within the slack of a report of the other (`days`)."""
    if a.lo is None or b.lo is None or a.lo != a.hi or b.lo != b.hi or a.inferred or b.inferred:
        return False
    near = _near_days(a, b)
    return near is not None and max((near[0] - near[3]).days,
                                    (near[2] - near[1]).days) > SLACK_DAYS


def mergeable(a: Facts, b: Facts, by_names: bool) -> tuple[float, str, bool] | None:
    """Whether events `a` and `b`, which one report matched both, are one incident: (score,
    reason, whether `b` joins as follow-ups); None when they must stay apart. Two events that
    the block match joins merge when their own score reaches `MERGE_THRESHOLD`; two that the
    report links by names (`by_names`) merge when placed close together and not dated to
    different exact days as two events of one kind; `b`'s reports then only add sources."""
    shared = a.articles & b.articles
    if shared:
        # an article whose mentions went to both events (it told the incident twice, and
        # its second mention started an event of its own): a merge needs a higher score
        a, b = replace(a, articles=a.articles - shared), replace(b, articles=b.articles - shared)
    if not BODY_IN_MERGES:
        b = replace(b, body=())  # the events' bodies: unions of many texts, too loose
    scored = score(b, a, namesakes=NAMED_IN_MERGES)
    if scored is not None and scored[0] >= (SHARED_THRESHOLD if shared else MERGE_THRESHOLD):
        why = "; both hold mentions of one article" if shared else ""
        return scored[0], f"merged: one report matches both ({scored[1]}{why})", False
    if shared:
        return None
    if not by_names or not NAME_MERGE:
        return None
    km = _near_km(a, b)
    if (km is not None and km > LINK_KM) or (
            a.country_code and b.country_code and a.country_code != b.country_code):
        return None
    same_kind = a.event_type == b.event_type or {a.event_type, b.event_type} <= INTERCHANGEABLE
    if same_kind and (_day_conflict(a, b) or a.background != b.background):
        return None
    if a.lo and b.lo and a.hi and b.hi and max((a.lo - b.hi).days,
                                                (b.lo - a.hi).days) > LINK_DAYS:
        return None
    return 0.0, "merged: one report names the people of both", True


def article_mergeable(a: Facts, b: Facts) -> tuple[float, str, bool] | None:
    """Whether events `a` and `b`, each holding a mention of one article, are one incident
    (`ARTICLE_MERGE`): (score, reason, whether `b` joins as follow-ups); None when dated more
    than `SLACK_DAYS` apart, placed further than `ARTICLE_KM` apart or no finer than a
    province, one told as past and the other as news, or (`ARTICLE_KINDS` off) of two kinds."""
    if not ARTICLE_MERGE or not a.articles & b.articles or a.background != b.background:
        return None
    if a.country_code != b.country_code or _coarse(a) or _coarse(b):
        return None
    near = _near_days(a, b)
    if near is None or max((near[0] - near[3]).days, (near[2] - near[1]).days) > SLACK_DAYS:
        return None
    km = _near_km(a, b)
    if km is None or km > ARTICLE_KM:
        return None
    same_kind = a.event_type == b.event_type or {a.event_type, b.event_type} <= INTERCHANGEABLE
    if not same_kind and not ARTICLE_KINDS:
        return None
    kinds = "" if same_kind else f" ({b.event_type} joins as follow-ups)"
    return 0.0, f"merged: one article tells both, placed {km:.0f} km apart{kinds}", not same_kind


def replay(mentions: list[tuple[EventRecord, date | None, str | None, bool]],
           ) -> tuple[EventRecord, frozenset[str]]:
    """Recombine an event from its mentions `(record, published, outlet, follow_up)`, the first
    one starting it, as `merge` folded them in as they arrived; returns the record and the
    evidence words its facts keep."""
    (first, published, outlet, _), *rest = mentions
    event = new_event(first, published, outlet)
    words = set(evidence_words(first))
    for rec, published, outlet, follow_up in rest:
        event = merge(event, rec, published, outlet, follow_up=follow_up)
        words |= evidence_words(rec)
    return event, frozenset(sorted(words)[: 2 * MAX_WORDS])


def _toll(r: EventRecord) -> tuple[int, int]:
    return (r.fatalities.best if r.fatalities else -1, r.injuries.best if r.injuries else -1)


def lead_mention(records: list[EventRecord]) -> EventRecord | None:
    """The mention that stands for an article's incident: among news (not background)
    mentions, else all, the one with the largest toll (killed, then injured; on a tie, an act
    of violence before a strategic development such as the arrest that followed), else the
    first."""
    pool = [r for r in records if not r.background] or records
    if not pool:
        return None
    best = max(pool, key=lambda r: (*_toll(r), r.event_type != "Strategic developments"))
    return best if _toll(best) != (-1, -1) else pool[0]


def source_ref(rec: EventRecord, published: date | None, outlet: str | None) -> SourceRef:
    return SourceRef(
        event_id=rec.event_id, article_id=rec.article_id,
        published=published.isoformat() if published else None, outlet=outlet,
        attribution=rec.attribution.source if rec.attribution else None,
        event_date=rec.event_date, location=rec.location.name if rec.location else None,
        fatalities=told_figure(rec.fatalities),
        injuries=rec.injuries.best if rec.injuries else None,
    )


def new_event(rec: EventRecord, published: date | None, outlet: str | None) -> EventRecord:
    """A one-source event from its first mention; it keeps the mention's id."""
    return replace(rec, sources=[source_ref(rec, published, outlet)], notes=[])


def combine(current: Count | None, new: Count | None, sources: list[SourceRef],
            field: str) -> Count | None:
    """Figures over the reports, one report at a time: the range they span, and the best.
    An article's own figure is its largest (a smaller one retells a part: one victim named
    among three); the best is the lowest of the articles' own figures in `sources` for the
    dead, their lower median for the wounded (`_lowest_article_figure`), unless running
    tolls report a higher one later. An open-ended figure ("a fatal shooting") stands only
    until a report tells one."""
    if current is not None and new is not None and current.open_ended != new.open_ended:
        current, new = (new, None) if current.open_ended else (current, None)  # a told figure
    if current is None or new is None:
        count = current or new
        return None if count is None else _lowest_article_figure(count, sources, field)
    if current.cumulative and new.cumulative:
        best = max(current.best, new.best)
    elif current.cumulative or new.cumulative:
        best = current.best if current.cumulative else new.best
    else:
        best = current.best
    texts = current.text.split(" | ")
    count = Count(low=min(current.low, new.low, best), best=best,
                  high=max(current.high, new.high, best), who=current.who or new.who,
                  text=" | ".join(texts if new.text in texts else [*texts, new.text]),
                  cumulative=current.cumulative or new.cumulative)
    return _lowest_article_figure(count, sources, field)


def _lowest_article_figure(count: Count, sources: list[SourceRef], field: str) -> Count:
    """`count` with its best taken over the articles' own (largest) figures: for the dead
    the lowest (conservative, as ACLED codes), for the wounded the middle one (the lower of
    two: single reports of the wounded err both ways, counting the dead among the people
    shot or leaving out the lightly hurt). A running toll keeps its own. An article that
    tells the event's dead and no wounded counts as telling none wounded."""
    own: dict[str, int] = {}
    for source in sources:
        value = getattr(source, field)
        if value is not None:
            own[source.article_id] = max(own.get(source.article_id, value), value)
    if field == "injuries":
        for source in sources:
            if source.fatalities is not None and source.injuries is None:
                own.setdefault(source.article_id, 0)
    if count.cumulative or not own:
        return count
    values = sorted(own.values())
    # the dead: the lowest, as ACLED codes; the wounded: the middle report, the lower of two
    best = values[0] if field == "fatalities" else values[(len(values) - 1) // 2]
    return replace(count, best=best, low=min(count.low, best), high=max(count.high, best))


def associates(main: Actor | None, *lists: list[Actor]) -> list[Actor]:
    """The associated actors of the reports, in order, each name once and never the main
    actor's."""
    seen = {main.name} if main is not None else set()
    out: list[Actor] = []
    for actors in lists:
        for actor in actors:
            if actor.name not in seen:
                seen.add(actor.name)
                out.append(actor)
    return out


def _finer_in_country(rec: EventRecord, event: EventRecord) -> str | None:
    """When `rec` is placed in a town (or finer) of the country that `event` is placed in no
    finer than a province: the note that says so; else None."""
    a, b = rec.location, event.location
    if (a is None or b is None or not a.country_code or a.country_code != b.country_code
            or not GEO_RANK[a.precision] <= GEO_RANK["admin2"] < GEO_RANK[b.precision]):
        return None
    return f"placed at {a.name} by a follow-up report, finer than {b.name}"


def merge(event: EventRecord, rec: EventRecord, published: date | None,
          outlet: str | None, follow_up: bool = False) -> EventRecord:
    """Fold mention `rec` into `event`; the event keeps its id, every source, figures over
    all reports, and notes on why it chose its values. A `follow_up` (a later report linked by
    names, possibly of another kind: an arrest, a funeral) only adds its source, and its
    town to an event placed no finer than a province (`FOLLOW_UP_PLACE`)."""
    merged = replace(event, sources=[*event.sources, source_ref(rec, published, outlet)])
    if follow_up:
        dates = sorted({s.event_date for s in merged.sources if s.event_date})
        if rec.event_date and rec.event_date != event.event_date and len(dates) > 1:
            # the follow-up's day is kept among the sources (and in the facts, `days`, by
            # which the event is found); the event's own date stays, and says why
            merged.notes = [n for n in event.notes if not n.startswith(DATE_NOTE)] + [
                f"{DATE_NOTE} ({', '.join(dates)}); kept {event.event_date}, as follow-up "
                f"reports (an arrest, a trial) do not change it"]
        # its figures take part in the event's best, as every report's do, and give the
        # event the figure it lacks
        merged.fatalities = combine(event.fatalities, None if event.fatalities else
                                    rec.fatalities, merged.sources, "fatalities")
        merged.injuries = combine(event.injuries, None if event.injuries else rec.injuries,
                                  merged.sources, "injuries")
        finer = _finer_in_country(rec, event) if FOLLOW_UP_PLACE else None
        if finer is not None:
            merged.location = rec.location
            merged.notes = [*merged.notes, finer]
        return merged
    notes: list[str] = []
    if PRECISION_RANK[rec.date_precision] < PRECISION_RANK[merged.date_precision] or (
            merged.date_inferred and not rec.date_inferred):
        merged.event_date, merged.date_precision = rec.event_date, rec.date_precision
        merged.date_start, merged.date_end = rec.date_start, rec.date_end
        merged.date_inferred = rec.date_inferred
    dates = sorted({s.event_date for s in merged.sources if s.event_date})
    if len(dates) > 1:
        notes.append(f"{DATE_NOTE} ({', '.join(dates)}); kept {merged.event_date},"
                     f" the most precise")
    if rec.location is not None and GEO_RANK[rec.location.precision] < GEO_RANK[
            merged.location.precision if merged.location else None]:
        merged.location = rec.location
    places = sorted({s.location for s in merged.sources if s.location})
    if len(places) > 1 and merged.location is not None:
        notes.append(f"reports differ on the place ({', '.join(places)}); kept "
                     f"{merged.location.name}, the most precise")
    for name in ("actor1", "actor2", "attribution"):
        if getattr(merged, name) is None and getattr(rec, name) is not None:
            setattr(merged, name, getattr(rec, name))
    merged.assoc_actor1 = associates(merged.actor1, event.assoc_actor1, rec.assoc_actor1)
    merged.assoc_actor2 = associates(merged.actor2, event.assoc_actor2, rec.assoc_actor2)
    merged.fatalities = combine(event.fatalities, rec.fatalities, merged.sources, "fatalities")
    merged.injuries = combine(event.injuries, rec.injuries, merged.sources, "injuries")
    tolls = sorted({s.fatalities for s in merged.sources if s.fatalities is not None})
    if len(tolls) > 1 and merged.fatalities is not None:
        why = "latest running toll" if merged.fatalities.cumulative \
            else "the lowest of the articles' own figures"
        notes.append(f"reported tolls {tolls}; best {merged.fatalities.best} ({why})")
    merged.confidence = max(event.confidence, rec.confidence)
    merged.notes = notes
    return merged
