"""The REST API: read-only JSON over a Sitrep store.

Every route opens the store for the length of one request (a fraction of a millisecond with
SQLite), in the thread that serves it, so requests never share a connection. Filters are read
by `sitrep.store.filters.build_query`, the parser behind `sitrep events` and `sitrep export`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from sitrep.export import write_events
from sitrep.record import SCHEMA_VERSION, TAXONOMY, Article, EventRecord
from sitrep.store import EventQuery, Store, open_store
from sitrep.store.filters import BBOX_FORMAT, NEAR_FORMAT, FilterError, build_query
from sitrep.web.errors import ApiError

DEFAULT_LIMIT = 100
MAX_LIMIT = 5000

router = APIRouter(prefix="/api")

FILTER_PARAMS = frozenset({
    "country", "actor", "since", "until", "type", "text", "near", "bbox", "no_background",
    "limit", "offset", "mentions",
})


@contextmanager
def _store(request: Request) -> Iterator[Store]:
    """The store, opened read-only for the length of one request."""
    with open_store(request.app.state.db, read_only=True) as store:
        yield store


def event_query(
    request: Request,
    country: Annotated[str | None, Query(
        description="Country name or ISO 3166-1 alpha-2 code (case-insensitive).",
        examples=["Iraq", "NG"])] = None,
    actor: Annotated[str | None, Query(
        description="An actor's name or part of one (case-insensitive): actor1, actor2 or an "
                    "associated actor of a report.",
        examples=["Boko Haram", "police"])] = None,
    since: Annotated[str | None, Query(
        description="Events on or after this day (YYYY-MM-DD); an event dated only to a "
                    "month or year matches when any day of it falls inside.")] = None,
    until: Annotated[str | None, Query(
        description="Events on or before this day (YYYY-MM-DD).")] = None,
    type: Annotated[list[str], Query(  # the parameter's public name
        description="Event type or sub-event type (ACLED taxonomy, any case); repeat the "
                    "parameter for several: any one matches.",
        examples=["Air/drone strike"])] = [],  # noqa: B006 - FastAPI copies defaults
    text: Annotated[str | None, Query(
        description='Words that must all occur in the article or the evidence; "a phrase" '
                    "in double quotes and a trailing * for a prefix are understood.")] = None,
    near: Annotated[str | None, Query(
        description=f"Within KM kilometres of a point: {NEAR_FORMAT}.")] = None,
    bbox: Annotated[str | None, Query(
        description=f"Inside a box: {BBOX_FORMAT} (west, south, east, north).")] = None,
    no_background: Annotated[bool, Query(
        description="Leave out events the articles recount as history.")] = False,
    limit: Annotated[int, Query(
        ge=0, le=MAX_LIMIT, description="At most this many items.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Skip this many items first.")] = 0,
) -> EventQuery:
    """The filters of `sitrep events`, as query parameters."""
    unknown = sorted(set(request.query_params) - FILTER_PARAMS)
    if unknown:
        raise ApiError(400, f"unknown parameter {unknown[0]!r}; known parameters: "
                            f"{', '.join(sorted(FILTER_PARAMS))}", unknown[0])
    try:
        return build_query(since=since, until=until, types=type, country=country, actor=actor,
                           near=near, bbox=bbox, text=text, include_background=not no_background,
                           limit=limit, offset=offset)
    except FilterError as exc:
        raise ApiError(400, exc.message, exc.param) from None


QueryDep = Annotated[EventQuery, Depends(event_query)]
MentionsParam = Annotated[bool, Query(
    description="One item per article mention instead of deduplicated events.")]


def article_summary(article: Article) -> dict[str, Any]:
    """What a client needs to cite an article (its text stays in the store)."""
    return {
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }


def _select(store: Store, query: EventQuery,
            mentions: bool) -> tuple[list[EventRecord], dict[str, Article], int]:
    """The page of events (or mentions), the articles they cite and the total that match."""
    everything = replace(query, limit=None, offset=0)
    if mentions:
        found, total = list(store.mentions(query)), store.count_mentions(everything)
    else:
        found, total = list(store.events(query)), store.count_events(everything)
    ids = {e.article_id for e in found} | {s.article_id for e in found for s in e.sources}
    return found, store.articles(ids), total


@router.get("/events", summary="Events matching the filters, newest first")
def list_events(request: Request, query: QueryDep, mentions: MentionsParam = False) -> Response:
    """Deduplicated events (or, with `mentions=true`, each article's mention), newest first,
    undated last. `items` are full event records (the JSON Schema of the project); `total`
    counts every match, so `offset` pages through them; `articles` holds the title, outlet,
    URL and publication date of each article the items cite."""
    with _store(request) as store:
        found, articles, total = _select(store, query, mentions)
    return JSONResponse({
        "total": total,
        "limit": query.limit,
        "offset": query.offset,
        "mentions": mentions,
        "items": [rec.to_dict() for rec in found],
        "articles": {aid: article_summary(a) for aid, a in articles.items()},
    })


@router.get("/events.geojson", summary="Events matching the filters as GeoJSON",
            response_class=Response,
            responses={200: {"content": {"application/geo+json": {}}}})
def events_geojson(request: Request, query: QueryDep, mentions: MentionsParam = False) -> Response:
    """A FeatureCollection of Points, one per matching event with coordinates (the GeoJSON
    export of `sitrep export --format geojson`: the flat columns are the properties). The
    `X-Total-Count` header counts every match, located or not."""
    with _store(request) as store:
        found, articles, total = _select(store, query, mentions)
    out = io.StringIO()
    write_events(found, "geojson", out, articles=articles)
    return Response(out.getvalue(), media_type="application/geo+json",
                    headers={"X-Total-Count": str(total)})


@router.get("/events/{event_id}", summary="One event with its reports and history")
def event_detail(request: Request, event_id: str) -> Response:
    """The event (by its id, the id of an event merged into it, or one of its mentions' ids),
    each article mention merged into it, the articles, and its history as `sitrep history`
    shows it: each report that started or joined it and why, merges and splits."""
    with _store(request) as store:
        current = store.resolve_event(event_id)
        event = store.event(current) if current is not None else None
        if current is None or event is None:
            raise ApiError(404, f"no event or mention with id {event_id!r}", None)
        mentions = list(store.mentions(EventQuery(event_id=current)))
        ids = {m.article_id for m in mentions} | {s.article_id for s in event.sources}
        articles = store.articles(ids | {event.article_id})
        history = store.merge_log(current)
    return JSONResponse({
        "event_id": current,
        "requested_id": event_id,
        "event": event.to_dict(),
        "mentions": [m.to_dict() for m in mentions],
        "articles": {aid: article_summary(a) for aid, a in articles.items()},
        "history": history,
    })


@router.get("/meta", summary="What the store holds: counts, date range, types, countries")
def meta(request: Request) -> Response:
    """Counts of articles, events and mentions, the date range, mentions by event type,
    sub-event type and country, the taxonomy, and the API's paging limits."""
    with _store(request) as store:
        stats = store.stats()
        events = store.count_events(EventQuery())
    return JSONResponse({
        "articles": stats["articles"],
        "events": events,
        "mentions": stats["events"],
        "background_mentions": stats["background"],
        "first_date": stats["first_date"],
        "last_date": stats["last_date"],
        "mentions_by_type": stats["by_type"],
        "mentions_by_sub_event_type": stats["by_sub_event_type"],
        "mentions_by_country": stats["by_country"],
        "taxonomy": {k: list(v) for k, v in TAXONOMY.items()},
        "record_schema_version": SCHEMA_VERSION,
        "store_schema_version": stats["schema_version"],
        "default_limit": DEFAULT_LIMIT,
        "max_limit": MAX_LIMIT,
    })
