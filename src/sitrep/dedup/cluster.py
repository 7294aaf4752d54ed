"""Cross-article deduplication: which stored event a new mention belongs to, and the merge.

A mention is compared only with events in its block (same country, same event type, day
ranges that overlap within a day of slack), so each comparison set stays small however large
the store grows. `score` combines the structured fields (sub-type, day, place, toll, actors)
with the overlap of the words in the evidence; below `THRESHOLD` the mention starts a new
event. `merge` folds a mention into an event and keeps every source.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from sitrep.extract.lexicon import load_data
from sitrep.record import Count, EventRecord, SourceRef
from sitrep.timespan import event_day_range

THRESHOLD = 1.5  # tuned on the gva_longtail dev half for precision (see docs/evaluation.md)
SLACK_DAYS = 1  # reports of one incident may disagree on the day by one
RADIUS_KM = {"neighbourhood": 10.0, "city": 30.0, "admin2": 80.0, "admin1": 300.0}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
GEO_RANK = {"neighbourhood": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, None: 5}
MAX_WORDS = 60
MAX_SPAN_DAYS = 31  # mentions dated more vaguely than a month are not merged
FOLLOW_UP_DAYS = 30  # an undated mention may report an incident this long before publication
# Event types that reports of one incident use interchangeably (a shooting coded as an attack
# by one source and a clash by another); other types never merge with each other.
INTERCHANGEABLE = frozenset({"Battles", "Violence against civilians"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


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

    @classmethod
    def of(cls, rec: EventRecord, words: frozenset[str] | None = None) -> Facts:
        lo_iso, hi_iso = event_day_range(rec)
        lo = date.fromisoformat(lo_iso) if lo_iso else None
        hi = date.fromisoformat(hi_iso) if hi_iso else None
        if rec.date_inferred and hi is not None:
            lo = hi - timedelta(days=FOLLOW_UP_DAYS)
        loc = rec.location
        return cls(
            event_type=rec.event_type, sub_event_type=rec.sub_event_type, lo=lo, hi=hi,
            country_code=(loc.country_code or "") if loc else "",
            lat=loc.lat if loc else None, lon=loc.lon if loc else None,
            geo_precision=loc.precision if loc else None, place=loc.name if loc else None,
            fatalities=rec.fatalities.best if rec.fatalities else None,
            actor1=rec.actor1.name if rec.actor1 else None,
            words=evidence_words(rec) if words is None else words,
            background=rec.background,
            articles=frozenset({rec.article_id, *(s.article_id for s in rec.sources)}),
            inferred=rec.date_inferred,
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
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _coarse(f: Facts) -> bool:
    return f.geo_precision not in ("neighbourhood", "city", "admin2")


def score(m: Facts, e: Facts) -> tuple[float, str] | None:
    """How well mention `m` fits event `e`, with the reason; None when they cannot be one."""
    if m.background != e.background or m.articles & e.articles:
        return None  # mentions in one article were already linked or kept apart there
    same_type = m.event_type == e.event_type
    if not same_type and not {m.event_type, e.event_type} <= INTERCHANGEABLE:
        return None
    if m.lo is None or e.lo is None or m.hi is None or e.hi is None:
        return None
    slack = timedelta(days=SLACK_DAYS)
    if m.lo > e.hi + slack or e.lo > m.hi + slack:
        return None
    if m.country_code and e.country_code and m.country_code != e.country_code:
        return None
    km = _km(m, e)
    if km is not None:
        radius = max(RADIUS_KM.get(m.geo_precision or "", 1e9),
                     RADIUS_KM.get(e.geo_precision or "", 1e9))
        if km > radius:
            return None
    total, why = 0.0, ["compatible type, days and area"]
    if m.sub_event_type == e.sub_event_type:
        total += 1.0
        why.append("same sub-type")
    elif not same_type:
        total -= 0.5
    if _coarse(m) or _coarse(e):
        total -= 0.5  # one report is placed no finer than a province: weak evidence
    if m.inferred or e.inferred:
        total -= 0.5  # one report gives no date
    elif m.lo == m.hi and e.lo == e.hi and m.lo == e.lo:
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
    if m.actor1 and e.actor1:
        total += 0.3 if m.actor1 == e.actor1 else -0.3
    if m.words and e.words:
        # overlap relative to the shorter description: a brief follow-up shares most of its
        # words (names, streets, weapons) with the fuller report
        overlap = len(m.words & e.words) / min(len(m.words), len(e.words))
        total += 3.0 * overlap
        why.append(f"word overlap {overlap:.2f}")
    return total, ", ".join(why)


def best_match(m: Facts, candidates: list[tuple[str, Facts]]) -> tuple[str, float, str] | None:
    """The candidate event (id, score, reason) that `m` joins, if any passes `THRESHOLD`."""
    best: tuple[str, float, str] | None = None
    for event_id, facts in candidates:
        scored = score(m, facts)
        if scored is not None and scored[0] >= THRESHOLD and (best is None or scored[0] > best[1]):
            best = (event_id, scored[0], scored[1])
    return best


def source_ref(rec: EventRecord, published: date | None, outlet: str | None) -> SourceRef:
    return SourceRef(
        event_id=rec.event_id, article_id=rec.article_id,
        published=published.isoformat() if published else None, outlet=outlet,
        attribution=rec.attribution.source if rec.attribution else None,
        event_date=rec.event_date, location=rec.location.name if rec.location else None,
        fatalities=rec.fatalities.best if rec.fatalities else None,
        injuries=rec.injuries.best if rec.injuries else None,
    )


def new_event(rec: EventRecord, published: date | None, outlet: str | None) -> EventRecord:
    """A one-source event from its first mention; it keeps the mention's id."""
    return replace(rec, sources=[source_ref(rec, published, outlet)], notes=[])


def combine(current: Count | None, new: Count | None) -> Count | None:
    """Figures over the reports, one report at a time: the range they span, and the best
    conservative (the lowest figure, unless running tolls report a higher one later)."""
    if current is None or new is None:
        return current or new
    if current.cumulative and new.cumulative:
        best = max(current.best, new.best)
    elif current.cumulative or new.cumulative:
        best = current.best if current.cumulative else new.best
    else:
        best = min(current.best, new.best)
    texts = current.text.split(" | ")
    return Count(low=min(current.low, new.low, best), best=best,
                 high=max(current.high, new.high, best), who=current.who or new.who,
                 text=" | ".join(texts if new.text in texts else [*texts, new.text]),
                 cumulative=current.cumulative or new.cumulative)


def merge(event: EventRecord, rec: EventRecord, published: date | None,
          outlet: str | None) -> EventRecord:
    """Fold mention `rec` into `event`; the event keeps its id, every source, figures over
    all reports, and notes on why it chose its values."""
    merged = replace(event, sources=[*event.sources, source_ref(rec, published, outlet)])
    notes: list[str] = []
    if PRECISION_RANK[rec.date_precision] < PRECISION_RANK[merged.date_precision] or (
            merged.date_inferred and not rec.date_inferred):
        merged.event_date, merged.date_precision = rec.event_date, rec.date_precision
        merged.date_start, merged.date_end = rec.date_start, rec.date_end
        merged.date_inferred = rec.date_inferred
    dates = sorted({s.event_date for s in merged.sources if s.event_date})
    if len(dates) > 1:
        notes.append(f"reports differ on the date ({', '.join(dates)}); kept {merged.event_date},"
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
    merged.fatalities = combine(event.fatalities, rec.fatalities)
    merged.injuries = combine(event.injuries, rec.injuries)
    tolls = sorted({s.fatalities for s in merged.sources if s.fatalities is not None})
    if len(tolls) > 1 and merged.fatalities is not None:
        notes.append(f"reported tolls {tolls}; best {merged.fatalities.best} "
                     f"({'latest running toll' if merged.fatalities.cumulative else 'lowest'})")
    merged.confidence = max(event.confidence, rec.confidence)
    merged.notes = notes
    return merged
