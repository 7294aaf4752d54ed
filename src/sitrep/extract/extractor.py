"""From a parsed article to event records: triggers, then every field beside each event."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from sitrep.dedup.link import link_mentions
from sitrep.extract.actors import ActorRegistry, ActorResolver
from sitrep.extract.attribution import REPORT_VERBS, find_attribution
from sitrep.extract.casualty_lexicon import _REFLEXIVE
from sitrep.extract.counts import (
    CasualtyMention,
    assign_casualties,
    find_casualties,
    nth_person,
    two_deaths,
)
from sitrep.extract.dateline import Dateline, dateline_day, find_dateline
from sitrep.extract.dates import (
    AFTERMATH_VERBS,
    TimeExpression,
    birth_day,
    find_time_expressions,
    governing_time,
    neighbour_time,
    procedure_day,
    quoted,
    statement_day,
    undated_day,
)
from sitrep.extract.events import (
    Lexicon,
    TriggerGroup,
    default_lexicon,
    find_triggers,
    in_background_clause,
    is_reported_event,
)
from sitrep.extract.headline import with_headline
from sitrep.extract.sub_types import group_triggers, sub_event_type
from sitrep.nlp import bare_line, doc_text
from sitrep.record import (
    SUB_EVENT_TYPES,
    Article,
    Attribution,
    Count,
    EventRecord,
    Evidence,
    Location,
    Span,
)

if TYPE_CHECKING:
    from sitrep.geo.resolve import ArticlePlaces, GeoResolver

TERRITORY_NOUNS = {
    "city", "town", "village", "district", "neighborhood", "neighbourhood", "area", "territory",
    "base", "airport", "airbase", "region", "province", "control", "hill", "border", "crossing",
    "camp", "headquarters", "position", "positions", "outpost", "checkpoint", "bridge", "road",
    "highway", "quarter", "suburb", "stronghold", "locality", "county", "island", "port", "zone",
    "hilltop", "ridge", "garrison", "barracks", "hamlet", "township", "community", "settlement",
    "valley", "mountain", "municipality", "building", "compound",
}


class EventExtractor:
    """Reads every event of one article from its spaCy Doc."""

    def __init__(self, registry: ActorRegistry | None = None,
                 geo: GeoResolver | None = None, lexicon: Lexicon | None = None) -> None:
        self.registry = registry or ActorRegistry()
        self.geo = geo
        self.lexicon = lexicon or default_lexicon()

    def extract(self, doc: Doc, article: Article, title: Doc | None = None) -> list[EventRecord]:
        """The article's event records from its parsed body (and parsed headline, if any)."""
        dateline = find_dateline(article.text)
        published = article.published or reference_date(doc)
        guessed = article.published is None and published is not None
        records, lead, figures = self._mentions(doc, article, dateline, published, guessed)
        told = {"body": figures}
        if title is not None:
            # The body's dateline (its offsets, its date) is not the headline's.
            heads, _, told["title"] = self._mentions(title, article, None, published, guessed,
                                                     body=False)
            records = with_headline(records, heads)
            if records and records[0].evidence.sentences[0].part == "title" and not guessed:
                self._date_from_lead(records, lead, published)  # the headline's event first
        _wounded_besides_dead(records, told)
        return records

    def _mentions(self, doc: Doc, article: Article, dateline: Dateline | None,
                  published: date | None, guessed: bool, body: bool = True
                  ) -> tuple[list[EventRecord], TimeExpression | None, list[CasualtyMention]]:
        """The event mentions of one parsed text (body or headline), linked within it, the
        text's lead day (`lead_time`) and its casualty figures. `published` is the article's
        date or, when `guessed`, one read from its text."""
        places = self.geo.resolve(doc, dateline.place if dateline else None) if self.geo else None
        focus = places.focus_country if places is not None else None
        if focus is None:
            focus = self.registry.country_in(article.title + " " + article.text[:2000])
        actors = ActorResolver(self.registry, doc, focus)
        times = [t for t in find_time_expressions(doc, published)
                 if not _PAGE_STAMP.search(doc_text(doc), max(0, t.start - 40), t.start)]
        sents = list(doc.sents)
        index = {s.start: i for i, s in enumerate(sents)}
        # lines between a body's paragraphs after the first (captions, links to other
        # stories) tell no event of the article's own, unless one repeats its headline
        lines = {s.start for s in sents[1:]
                 if body and bare_line(s) and not _repeats_title(s.text, article.title)}
        casualties = [c for c in find_casualties(doc)
                      if doc[c.trigger].sent.start not in lines]
        found = find_triggers(doc, self.lexicon)
        triggers = [t for t in found if is_reported_event(doc[t.anchor], self.lexicon)
                    and doc[t.anchor].sent.start not in lines]
        records: list[EventRecord] = []
        anchors: dict[int, list[Token]] = {}  # events whose dates a neighbour may borrow
        for t in triggers:
            if not in_background_clause(doc[t.anchor], self.lexicon):  # not "since X began"
                anchors.setdefault(index[doc[t.anchor].sent.start], []).append(doc[t.anchor])
        for si, sent in enumerate(sents):
            in_sent = [t for t in triggers if sent.start <= t.anchor < sent.end]
            if not in_sent:
                continue
            nearby = neighbour_time(doc, sents, si, anchors, times, published)
            groups = group_triggers(in_sent, self.lexicon, doc)
            sent_casualties = [c for c in casualties
                               if sent.start_char <= c.start < sent.end_char]
            owners = assign_casualties(sent_casualties,
                                       [[m.anchor for m in g.members] for g in groups])
            for group in groups:
                own = [c for c, g in zip(sent_casualties, owners, strict=True)
                       if groups[g] is group]
                record = self._record(doc, article, group, own, actors, places, times,
                                      dateline, published, nearby)
                if record is not None:
                    records.append(record)
        told = {index[doc[t.anchor].sent.start] for t in found}
        _attach_orphans(doc, records, casualties, told, index)
        records = link_mentions(records)
        _add_told_apart(records, casualties, [s.start_char for s in sents])
        lead = lead_time(times, published, doc) if sents else None
        if sents:
            self._date_from_lead(records, lead, published)
            _before_procedure(doc, records, times, lead)
        if guessed and published is not None:
            _mark_guessed(records, times, published)
        return records, lead, casualties

    def _recent(self, lead: TimeExpression | None,
                published: date | None) -> TimeExpression | None:
        """`lead`, unless it is older than the background limit (a birth date, an old case):
        such a day dates no current event."""
        if lead is None or lead.value is None or published is None:
            return lead
        oldest = published - timedelta(days=self.lexicon.background_days)
        return None if _before(lead.value, oldest) else lead

    def _date_from_lead(self, records: list[EventRecord], lead: TimeExpression | None,
                        published: date | None) -> None:
        """The article's first current event, told with no date of its own, takes the first day
        the article gives ("... police said. It happened Saturday night" is the neighbour
        rule; this is "Saturday night" told anywhere, of the scene, a vigil or the victims'
        arrival at hospital): a local report tells one incident, and its first day not after
        publication, not a statement's and not older than the background limit, is the
        incident's. Looking past the lead paragraph (three sentences) helps reports that
        open with reactions or a photo caption."""
        main = next((r for r in records if not r.background), None)
        lead = self._recent(lead, published)
        if main is None or not main.date_inferred or lead is None or lead.value is None:
            return
        main.event_date, main.date_precision = lead.value, lead.precision
        main.date_start, main.date_end = lead.date_start, lead.date_end
        main.date_inferred = False
        main.evidence.fields["event_date"] = Span(lead.start, lead.end, lead.text)

    def _record(self, doc: Doc, article: Article, group: TriggerGroup,
                casualties: list[CasualtyMention], actors: ActorResolver,
                places: ArticlePlaces | None, times: list[TimeExpression],
                dateline: Dateline | None, published: date | None,
                nearby: TimeExpression | None = None) -> EventRecord | None:
        main = group.main
        anchors = [doc[m.anchor] for m in sorted(group.members, key=lambda m: m.rank)]
        a1, a2 = actors.roles(anchors)
        killed = next((c for c in casualties if c.kind == "killed"), None)
        injured = _injured_of(doc, casualties)
        victims = killed.count.who if killed else (injured.count.who if injured else None)
        actor1 = a1.actor if a1 else None
        actor2 = a2.actor if a2 else None
        if actor2 is None and victims is not None:
            found = actors.registry.normalise(victims, victims, actors.focus_country)
            actor2 = found[0] if found is not None else None
            figure = (killed or injured)
            if actor1 is not None and figure is not None and _own_members(
                    doc_text(doc)[figure.start:figure.end + 30]):
                actor2 = actor1  # "killed 50 of its own militants"
        sub = sub_event_type(group, doc, self.lexicon, actor1, actor2, victims)
        if sub is None:
            return None
        if sub == "Arrests" and actor1 is None:
            # ACLED codes arrests by state forces: an arrest with no agent named is theirs
            actor1 = self.registry.state_actor(actors.focus_country,
                                               "Police Forces of {country}", "")
        spec = self.lexicon.classes[main.cls]
        if (spec.get("rule") == "territory" or spec.get("needs_place")) and \
                sub not in _PEOPLE_TAKEN and not _territorial(
                doc[main.anchor], places):
            return None
        if _bare_mention(group, doc, self.lexicon, actor1, actor2, casualties):
            return None
        trigger_span = doc[main.start:main.end]
        s = doc[main.anchor].sent
        sent_span = Span(s.start_char, s.end_char, s.text)
        fields: dict[str, Span] = {
            "trigger": Span(trigger_span.start_char, trigger_span.end_char, trigger_span.text)}
        # sides that acted, or were acted upon, together with the main actors
        assoc1 = actors.associates(a1, anchors, (a2,)) \
            if a1 is not None and actor1 is a1.actor else []
        assoc2 = actors.associates(a2, anchors, (a1,), acting=False) \
            if a2 is not None and actor2 is a2.actor else []
        if a1 is not None:
            fields["actor1"] = a1.span
        if a2 is not None:
            fields["actor2"] = a2.span

        # No expression of its own: a neighbouring sentence about the event may date it.
        when = governing_time(doc, anchors, times, s.start_char, s.end_char) or nearby
        event_date = precision = date_start = date_end = None
        inferred = False
        if when is not None and when.value is not None:
            event_date, precision = when.value, when.precision
            date_start, date_end = when.date_start, when.date_end
            fields["event_date"] = Span(when.start, when.end, when.text)
        elif published is not None:
            # No expression governs the event: it happened in the days before the report was
            # filed (the dateline's day, else publication), most likely the day before
            # (`undated_day`); the dateline's date, when it gives the day, is the evidence.
            inferred = True
            filed = dateline_day(dateline, published)
            ref = filed or published
            event_date, precision = undated_day(ref).isoformat(), "week"
            date_start = (ref - timedelta(days=6)).isoformat()
            date_end = ref.isoformat()
            if filed is not None and dateline is not None and dateline.date is not None:
                fields["event_date"] = dateline.date

        location: Location | None = None
        if places is not None:
            placed = places.location_for(trigger_span.start_char, trigger_span.end_char,
                                         s.start_char, s.end_char)
            if placed is not None:
                location, fields["location"] = placed

        fatalities = _summed(killed, casualties)
        injuries = _summed(injured, casualties)
        if killed:
            fields["fatalities"] = Span(killed.start, killed.end,
                                        doc_text(doc)[killed.start:killed.end])
        if injured:
            fields["injuries"] = Span(injured.start, injured.end,
                                      doc_text(doc)[injured.start:injured.end])
        pair = two_deaths(s)
        if pair is not None and (fatalities is None or fatalities.best < 2):
            told = doc_text(doc)[pair[0]:pair[1]]
            fatalities, injuries = _two_dead(fatalities, injuries,
                                             injured is not None and injured.hit, told)
            fields["fatalities"] = Span(pair[0], pair[1], told)
            if injuries is None:
                fields.pop("injuries", None)

        attribution = None
        said = find_attribution(doc, s, main.anchor)
        if said is not None:
            if said.denied:
                return None
            attribution = Attribution(source=said.source, hedged=said.hedged, text=said.text)
            fields["attribution"] = Span(said.start, said.end, said.text)

        background = in_background_clause(doc[main.anchor], self.lexicon)
        if not background and published is not None and not inferred:
            last = date_end or event_date
            if last is not None and _before(last, published - timedelta(
                    days=self.lexicon.background_days)):
                background = True

        confidence = 0.45
        confidence += 0.1 if actor1 is not None else 0.0
        confidence += 0.1 if location is not None else 0.0
        confidence += 0.1 if not inferred and event_date is not None else 0.0
        confidence += 0.1 if main.rank <= 7 else 0.0
        confidence -= 0.1 if attribution is not None and attribution.hedged else 0.0
        confidence -= 0.15 if background else 0.0

        return EventRecord(
            article_id=article.id,
            event_type=SUB_EVENT_TYPES[sub],
            sub_event_type=sub,
            plover_type=self.lexicon.classes[main.cls].get("plover", self.lexicon.plover.get(sub)),
            evidence=Evidence(sentences=[sent_span], fields=fields),
            event_date=event_date,
            date_precision=precision,
            date_start=date_start,
            date_end=date_end,
            date_inferred=inferred,
            actor1=actor1,
            actor2=actor2,
            assoc_actor1=[a for a in assoc1 if actor2 is None or a.name != actor2.name],
            assoc_actor2=[a for a in assoc2 if actor1 is None or a.name != actor1.name],
            location=location,
            fatalities=fatalities,
            injuries=injuries,
            attribution=attribution,
            background=background,
            confidence=round(max(0.05, min(0.95, confidence)), 2),
            notes=[f"actor1 inferred: {a1.inferred}"] if a1 is not None and a1.inferred else [],
        )


# "Posted: Tuesday, January 28, 2014 8:18 PM" / "Updated: ...", "UPDATE 5:30PM FRIDAY:",
# "updated at 10:39 a.m. on Sunday, Nov. 27", "Date: May 2, 2016": the page's dates, not events'.
_PAGE_STAMP = re.compile(
    r"(?:(?i:posted|updated|published|last modified)|\bUPDATE|\bDate:)\s*(?::|on)?\s*"
    r"(?:(?i:at\s+)?\d{1,2}:\d\d\s*(?i:[ap]\.?\s?m\b\.?)?\s*,?\s*(?i:on)?\s*)?$")
_FULL_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WORDS_RE = re.compile(r"[a-z0-9]+")


def reference_date(doc: Doc) -> date | None:
    """For an article with no publication date: the latest full date (day, month and year)
    its text gives, which relative expressions ("on Tuesday", "last week") are then read
    against; None when it gives none, so their year stays unknown."""
    days = [t.value for t in find_time_expressions(doc, None)
            if t.precision == "day" and t.value is not None and not t.relative
            and _FULL_YEAR.search(t.text)]
    return date.fromisoformat(max(days)) if days else None


def _mark_guessed(records: list[EventRecord], times: list[TimeExpression],
                  reference: date) -> None:
    """Dates resolved against a reference date read from the text are inferred, and say so;
    a full date the text gives ("March 3, 2019") is not."""
    absolute = {t.start for t in times if not t.relative}
    for r in records:
        span = r.evidence.fields.get("event_date")
        if r.event_date is None or (span is not None and span.part == "body"
                                    and span.start in absolute and not r.date_inferred):
            continue
        r.date_inferred = True
        r.notes.append(f"publication date unknown; dates read against {reference.isoformat()}, "
                       "the latest full date in the text")


def lead_time(times: list[TimeExpression], published: date | None,
              doc: Doc) -> TimeExpression | None:
    """The first day-precision date of the text not after publication, skipping the
    publication stamp itself (a full date, year included, equal to it), the days of
    statements ("the chief said on Monday"), of acts that only follow the incident ("police
    were searching Tuesday", `AFTERMATH_VERBS`), of births ("was born on March 2, 2005") and
    days inside a quotation (the speaker's "today"). A legal step's day ("was arrested
    Friday", "appeared in court Tuesday") leads only when the text gives no other: the
    incident comes before its steps."""
    step: TimeExpression | None = None  # the first step's day, should no other follow
    for t in times:
        if not _may_lead(t, published, doc):
            continue
        if not procedure_day(doc, t):
            return t
        step = step or t
    return step


def _may_lead(t: TimeExpression, published: date | None, doc: Doc) -> bool:
    if t.precision != "day" or t.value is None:
        return False
    if statement_day(doc, t, REPORT_VERBS) or statement_day(doc, t, AFTERMATH_VERBS) \
            or birth_day(doc, t) or quoted(doc, t):
        return False
    stamp = re.search(r"\b(?:19|20)\d\d\b", t.text) is not None
    return published is None or not (t.value > published.isoformat() or (
        t.value == published.isoformat() and stamp))


_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _before_procedure(doc: Doc, records: list[EventRecord],
                      times: list[TimeExpression], lead: TimeExpression | None = None) -> None:
    """A violent event dated by a step that follows it ("was charged Thursday in the shooting
    death of", a neighbour's "was arrested Friday", "died Tuesday") takes the first day,
    earlier than the step's, that the article gives another violent event of its own ("the
    boy was shot Wednesday evening"): the incident comes before the arrest or the death.
    Else the article's lead day (`lead_time`), when it is earlier and no step's own: a
    follow-up names the incident's day before the steps that followed ("the Nov. 3 shooting").
    With neither the step's day stays (arrests often follow on the same day)."""
    by_start = {t.start: t for t in times}

    def own_day(rec: EventRecord) -> TimeExpression | None:
        ev = rec.evidence.fields.get("event_date")
        if rec.date_inferred or rec.date_precision != "day" or ev is None or ev.part != "body":
            return None
        return by_start.get(ev.start)

    violent = [r for r in records if not r.background and r.event_type in _VIOLENT_TYPES]
    days = {id(r): own_day(r) for r in violent}
    stepped = [r for r in violent if (t := days[id(r)]) is not None and procedure_day(doc, t)]
    if not stepped:
        return
    earlier = sorted((t for r in violent if (t := days[id(r)]) is not None
                      and t.value is not None and not procedure_day(doc, t)),
                     key=lambda t: t.start)
    if lead is not None and lead.value is not None and not procedure_day(doc, lead):
        earlier.append(lead)  # after the violent events' own days
    for rec in stepped:
        found = next((t for t in earlier if (t.value or "") < (rec.event_date or "")), None)
        if found is None:
            continue
        rec.event_date, rec.date_precision = found.value, found.precision
        rec.date_start, rec.date_end = found.date_start, found.date_end
        rec.evidence.fields["event_date"] = Span(found.start, found.end, found.text)


def _repeats_title(line: str, title: str) -> bool:
    """True when a line of the body gives the article's headline (the page repeats it above
    the story, or the title adds an outlet or a label: "NYPD: Man shot ...")."""
    words = _WORDS_RE.findall(line.lower())
    return len(words) >= 3 and " ".join(words) in " ".join(_WORDS_RE.findall(title.lower()))


def _attach_orphans(doc: Doc, records: list[EventRecord], casualties: list[CasualtyMention],
                    told: set[int], index: dict[int, int]) -> None:
    """Figures told in a sentence with no event word ("The victim was rushed to a hospital")
    belong to the violent event told just before (else just after), when it has no figure
    of that kind yet, or, for the injured, when theirs is larger than the event's and not a
    figure of people shot ("Three victims were treated for minor injuries" after "a woman was
    hurt")."""
    violent = [r for r in records if r.event_type in _VIOLENT_TYPES]
    if not violent:
        return
    for cas in casualties:
        if cas.count.cumulative or cas.kind == "casualties":
            continue
        if index[doc[cas.trigger].sent.start] in told:
            continue  # the sentence's own event (or its threat, denial ...) owns the figure
        # a death told only as an act ("He was charged with murder") is the current event's
        homes = [r for r in violent if not r.background] if cas.count.open_ended else violent
        if not homes:
            continue
        before = [r for r in homes if r.evidence.sentences[0].start < cas.start]
        home = before[-1] if before else homes[0]
        field = "fatalities" if cas.kind == "killed" else "injuries"
        mine = getattr(home, field)
        if mine is None or (cas.count.best > mine.best and not cas.hit and cas.kind == "injured"):
            setattr(home, field, cas.count)
            home.evidence.fields[field] = Span(cas.start, cas.end, doc_text(doc)[cas.start:cas.end])


def _add_told_apart(records: list[EventRecord], casualties: list[CasualtyMention],
                    starts: list[int]) -> None:
    """A record of a single death gains each other single death told apart in its figure's
    sentence or the next ("Ruiz died at the scene. His nephew died at a hospital": two), as
    the killed figure of the text does (`CasualtyMention.besides`). `starts` are the
    sentences' first characters."""
    apart = [c for c in casualties
             if c.besides and c.kind == "killed" and c.count.best == 1 and not c.perpetrator]
    for rec in records:
        told, span = rec.fatalities, rec.evidence.fields.get("fatalities")
        if told is None or told.cumulative or told.best != 1 or span is None:
            continue
        home = bisect_right(starts, span.start)
        more = sum(1 for c in apart if c.start != span.start
                   and 0 <= bisect_right(starts, c.start) - home <= 1
                   and any(s.start <= c.start < s.end for s in rec.evidence.sentences))
        if more:
            rec.fatalities = Count(low=told.low + more, best=told.best + more,
                                   high=told.high + more, who=told.who, text=told.text)


_NET_NOTE = "injuries:"


def wounded_apart(rec: EventRecord) -> bool:
    """True when the record's injured figure was set apart from its dead
    (`_wounded_besides_dead`)."""
    return any(n.startswith(_NET_NOTE) for n in rec.notes)


def _wounded_besides_dead(records: list[EventRecord],
                          told: dict[str, list[CasualtyMention]]) -> None:
    """An injured figure that counts people hit ("five people were shot, two of them
    fatally") holds the dead of its event: the wounded are the rest (three). With none left
    ("he was shot in the head" of the man killed) the record has no injured figure. The dead
    may be told in another sentence ("three were shot", "one of the victims died later"):
    a record's figures are one event's. People hit told apart from the dead ("three others
    were shot") are no hit figure (`counts.find_casualties`), and the attacker's own death
    is not among the people he hit. `told` holds the casualty figures of the body and the
    headline."""
    figures = {(part, c.start, c.end): c for part, found in told.items() for c in found}
    for rec in records:
        hurt, dead = rec.injuries, rec.fatalities
        hit_span, dead_span = (rec.evidence.fields.get(k) for k in ("injuries", "fatalities"))
        if hurt is None or dead is None or hit_span is None or dead_span is None or \
                hurt.cumulative or dead.cumulative:
            continue
        hit = figures.get((hit_span.part, hit_span.start, hit_span.end))
        killed = figures.get((dead_span.part, dead_span.start, dead_span.end))
        if hit is None or not hit.hit or killed is None or killed.perpetrator:
            continue
        rec.notes.append(f"{_NET_NOTE} {hurt.best} people hit less the {dead.best} killed")
        if hurt.best <= dead.best:
            rec.injuries = None
            del rec.evidence.fields["injuries"]
            continue
        rec.injuries = Count(low=max(hurt.low - dead.high, 0), best=hurt.best - dead.best,
                             high=max(hurt.high - dead.low, hurt.best - dead.best),
                             who=hurt.who, text=hurt.text)


def _injured_of(doc: Doc, casualties: list[CasualtyMention]) -> CasualtyMention | None:
    """The event's injured figure: the first it owns, unless a later one tells the last of
    more people hit by an ordinal ("four people were shot, and a fifth was hurt": five,
    `counts.nth_person`)."""
    own = [c for c in casualties if c.kind == "injured"]
    if not own:
        return None
    first = own[0]
    size = _summed(first, casualties)
    nth = [c for c in own[1:] if nth_person(doc, c)
           and c.count.best > (size.best if size is not None else 0)]
    return nth[0] if nth else first


def _two_dead(dead: Count | None, hurt: Count | None, hit: bool,
              told: str) -> tuple[Count, Count | None]:
    """A record told as a murder-suicide (`told`): at least two dead, the victim and the
    killer. Where its wounded are people hit (`hit`), the one victim dead was among them, and
    the killer too where they are told as hit ("shot his wife and then himself")."""
    dead = Count(low=2, best=2, high=max(2, dead.high if dead else 2),
                 who=dead.who if dead else None, text=told)
    if hurt is None or not hit:
        return dead, hurt
    among = 2 if _REFLEXIVE & set(_WORDS_RE.findall((hurt.text or "").lower())) else 1
    if hurt.best <= among:
        return dead, None
    return dead, Count(low=max(hurt.low - among, 0), best=hurt.best - among,
                       high=hurt.high - among, who=hurt.who, text=hurt.text)


def _summed(first: CasualtyMention | None, casualties: list[CasualtyMention]) -> Count | None:
    """The figure of `first`, added up with the others on the same casualty word ("three
    women and two men were shot" counts five), with the people told after it as more ("one
    man was shot and two others were wounded" counts three) and with the attacker's own
    death."""
    if first is None:
        return None
    same = [c for c in casualties if c.kind == first.kind and not c.count.cumulative and (
        (c.trigger == first.trigger and c.hit == first.hit) or _more_than(c, first, casualties))]
    if not first.perpetrator:  # "killed three people before killing himself": four dead
        same += [c for c in casualties if c.perpetrator and c.kind == first.kind
                 and c not in same]
    if len(same) < 2:
        return first.count
    top, parts = same[0], [m for m in same[1:] if not m.perpetrator]
    if len(parts) >= 2 and top.count.best == sum(m.count.best for m in parts):
        return top.count  # "four people, three women and one man, were shot": four
    c = first.count
    return Count(low=sum(m.count.low for m in same), best=sum(m.count.best for m in same),
                 high=sum(m.count.high for m in same), who=c.who, text=c.text,
                 cumulative=c.cumulative)


def _more_than(c: CasualtyMention, first: CasualtyMention,
               casualties: list[CasualtyMention]) -> bool:
    """Whether `c` tells people besides those of `first` ("one man was shot and two others
    were wounded"): told as more, after it, with no figure of another kind between them
    ("two were killed and four others wounded": the others are besides the dead)."""
    return c.more and c.start > first.start and not any(
        first.start < o.start < c.start and o.kind != first.kind for o in casualties)


def _before(iso: str, limit: date) -> bool:
    """True when the partial ISO date `iso` ends before `limit`."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts) < limit
    if len(parts) == 2:
        y, m = parts
        last = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        return last < limit
    return date(parts[0], 12, 31) < limit


def _bare_mention(group: TriggerGroup, doc: Doc, lexicon: Lexicon, actor1: object,
                  actor2: object, casualties: list[CasualtyMention]) -> bool:
    """'the attack', 'recent attacks': a generic violence noun with no actor, no figure and
    no number of its own names an event told elsewhere (or none), not a new one."""
    if any(lexicon.classes[m.cls].get("rule") != "violence" for m in group.members):
        return False
    if actor1 is not None or actor2 is not None or casualties:
        return False
    return all(doc[m.anchor].pos_ == "NOUN" and not _specific(doc[m.anchor], lexicon)
               for m in group.members)


_WHERE_WHEN = ("GPE", "LOC", "FAC", "DATE", "TIME")


def _specific(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a violence noun names one incident although no actor, figure or victim is
    told: a modifier of outcome or manner ('a fatal shooting', 'an accidental shooting', 'a
    drive-by shooting'), a place name before it ('the Hammond shooting'), or a place or time
    phrase it governs ('a shooting at Cloud 9 Ranch Saturday night')."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("amod", "compound", "nmod", "npadvmod") and (
                child.lower_ in lexicon.specific_modifiers
                or (child.pos_ == "PROPN" and child.ent_type_ not in ("PERSON", "ORG", "NORP"))):
            return True
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            return True  # "a shooting Saturday night"
        if child.dep_ == "prep" and child.lower_ in lexicon.specific_preps:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ in _WHERE_WHEN or obj.pos_ == "PROPN"
                                    or obj.lemma_.lower() in lexicon.sense_places):
                return True
    return False


def _own_members(text: str) -> bool:
    words = text.lower().split()
    return "own" in words and any(w in ("its", "their") for w in words)


# Sub-types a capture verb may take that change no ground: people seized (abducted or
# arrested) or a coup's seat of power, which need no place.
_PEOPLE_TAKEN = ("Abduction/forced disappearance", "Arrests", "Other")


def _territorial(tok: Token, places: ArticlePlaces | None) -> bool:
    """Territory changes need a place: a named place, a territorial noun or a pronoun standing
    for one ("overran it") as the object."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ == "it":
            return True
    for child in tok.subtree:
        if child.lemma_.lower() in TERRITORY_NOUNS or child.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    if places is not None:
        sent = tok.sent
        for mention in places.mentions:
            if sent.start_char <= mention.start < sent.end_char and mention.start > tok.idx:
                return True
    return False
