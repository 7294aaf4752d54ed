"""One flat row per event: the fields shared by the CSV, GeoJSON and Parquet exports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitrep.record import Actor, Article, Count, EventRecord

FLAT_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "event_date", "date_precision", "date_start", "date_end",
    "event_type", "sub_event_type", "actor1", "actor1_type", "actor2", "actor2_type",
    "assoc_actor1", "assoc_actor2", "location", "admin2", "admin1", "country", "country_code",
    "lat", "lon", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high",
    "source", "hedged", "background", "confidence", "evidence",
    "article_source", "article_url", "published", "n_sources", "sources",
)


def evidence_text(rec: EventRecord) -> str:
    """The evidence sentences, in order, joined by a space."""
    return " ".join(span.text for span in rec.evidence.sentences)


def actor_names(actors: list[Actor]) -> str | None:
    """Associated actors' names joined by "; " as ACLED writes them (None when there are
    none)."""
    return "; ".join(a.name for a in actors) or None


def _count(prefix: str, count: Count | None) -> dict[str, int | None]:
    if count is None:
        return {f"{prefix}_low": None, f"{prefix}_best": None, f"{prefix}_high": None}
    return {f"{prefix}_low": count.low, f"{prefix}_best": count.best, f"{prefix}_high": count.high}


def flat_row(rec: EventRecord, articles: Mapping[str, Article] | None = None) -> dict[str, Any]:
    """The event as a flat dict keyed by FLAT_FIELDS (None where the record has no value).

    `source` and `hedged` come from the attribution (who says so); `article_source`,
    `article_url` and `published` from the article, when `articles` holds it.
    """
    a1, a2, loc, att = rec.actor1, rec.actor2, rec.location, rec.attribution
    article = articles.get(rec.article_id) if articles else None
    row: dict[str, Any] = {
        "event_id": rec.event_id,
        "article_id": rec.article_id,
        "event_date": rec.event_date,
        "date_precision": rec.date_precision,
        "date_start": rec.date_start,
        "date_end": rec.date_end,
        "event_type": rec.event_type,
        "sub_event_type": rec.sub_event_type,
        "actor1": a1.name if a1 else None,
        "actor1_type": a1.type if a1 else None,
        "actor2": a2.name if a2 else None,
        "actor2_type": a2.type if a2 else None,
        "assoc_actor1": actor_names(rec.assoc_actor1),
        "assoc_actor2": actor_names(rec.assoc_actor2),
        "location": loc.name if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "country_code": loc.country_code if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        **_count("fatalities", rec.fatalities),
        **_count("injuries", rec.injuries),
        "source": att.source if att else None,
        "hedged": att.hedged if att else None,
        "background": rec.background,
        "confidence": rec.confidence,
        "evidence": evidence_text(rec),
        "article_source": article.source if article else None,
        "article_url": article.url if article else None,
        "published": article.published.isoformat() if article and article.published else None,
        "n_sources": max(1, len(rec.sources)),
        "sources": source_list(rec, articles),
    }
    return row


def source_list(rec: EventRecord, articles: Mapping[str, Article] | None = None) -> str:
    """The reports behind an event, "; "-separated: outlet (or article id) and date."""
    refs = rec.sources
    if not refs:
        article = articles.get(rec.article_id) if articles else None
        name = (article.source if article else None) or rec.article_id
        day = article.published.isoformat() if article and article.published else None
        return f"{name} {day}" if day else name
    parts = []
    for ref in refs:
        name = ref.outlet or ref.article_id
        parts.append(f"{name} {ref.published}" if ref.published else name)
    return "; ".join(parts)


def csv_value(value: Any) -> str:
    """A flat value as CSV text: empty for None, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
