"""Read endpoints (open to all): events (a page with its total), one event, a cluster, one article, store
counts, the timeline, the map's places, the actor network, and downloads of the events."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from ..export import export_events
from ..store.filters import MAX_ROWS
from .context import WebContext
from .errors import E_NOT_FOUND, WebError
from .filters import event_filters, sort_param
from .lookup import event_by_id
from .schemas import ArticleOut, Cluster, EventPage, MapPlaces, Network, Stats, Timeline
from .timeline import timeline_from_rows
from .views import network, places

router = APIRouter(prefix="/api", tags=["read"])

MAX_PAGE = 1000
MAX_EDGES = 500
EXPORT_CHUNK = 1 << 16
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
                "parquet": "application/vnd.apache.parquet"}

Filters = Annotated[dict[str, Any], Depends(event_filters)]
Sort = Annotated[str | None, Depends(sort_param)]


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.context
    return ctx


Context = Annotated[WebContext, Depends(context)]


def shown(filters: dict[str, Any]) -> dict[str, Any]:
    """Filters as the query string spells them (a dyad and lists comma-separated)."""
    return {k: ",".join(str(x) for x in v) if isinstance(v, tuple | list) else v for k, v in filters.items()}


@router.get("/events", summary="Query events, a page at a time", response_model=EventPage)
def list_events(
    ctx: Context,
    request: Request,
    filters: Filters,
    sort: Sort,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, description="Page size.")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS, description="Events to skip (in the order of sort: by "
                                 "default by date, unknown last, then id).")] = 0,
) -> dict[str, Any]:
    """A page of event records (the public record of DESIGN §2 plus ``num_sources`` and the article's
    metadata): ``total`` events match the filters, ``next`` is the address of the next page (null on the
    last)."""
    store = ctx.store()
    events = list(store.events(**filters, sort=sort, limit=limit, offset=offset))
    total = store.count_events(**filters)
    following = None
    if limit and offset + len(events) < total:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        following = f"{request.url.path}?{urlencode([*params, ('offset', str(offset + limit))])}"
    return {"total": total, "limit": limit, "offset": offset, "next": following, "events": events}


@router.get("/export", summary="Download the events of a filter",
            responses={200: {"description": "The file (CSV, JSON Lines or Parquet) as an attachment.",
                             "content": {t.split(";")[0]: {} for t in EXPORT_TYPES.values()}}})
def export(
    ctx: Context,
    filters: Filters,
    sort: Sort,
    format: Annotated[Literal["csv", "jsonl", "parquet"], Query(description="File format.")] = "csv",
    columns: Annotated[Literal["eventwire", "gdelt", "polecat"],
                       Query(description="Column convention: ours, GDELT 2.0-like or POLECAT-like (every set "
                                         "ends with the provenance columns).")] = "eventwire",
) -> StreamingResponse:
    """Every event matching the filters of ``/api/events`` (no paging), written as ``eventwire export``
    writes them. The file is written before the first byte is sent (spooled to disk past 16 MiB)."""
    spool = tempfile.SpooledTemporaryFile(max_size=16 << 20)  # noqa: SIM115 - closed by the response
    try:
        export_events(ctx.store().events(**filters, sort=sort), spool, format, columns)  # type: ignore[arg-type]
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    name = f"eventwire-events-{columns}.{format}"
    return StreamingResponse(_chunks(spool), media_type=EXPORT_TYPES[format],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(EXPORT_CHUNK):
            yield chunk
    finally:
        spool.close()


@router.get("/events/{event_id:path}", summary="One event")
def get_event(ctx: Context, event_id: str) -> dict[str, Any]:
    record = event_by_id(ctx.store(), event_id)
    if record is None:
        raise WebError(404, f"no event with id {event_id!r}", code=E_NOT_FOUND)
    return record


@router.get("/clusters/{cluster_id}", summary="One real-world event and every source telling it",
            response_model=Cluster)
def get_cluster(ctx: Context, cluster_id: str) -> dict[str, Any]:
    """The cluster's figures, its events (one per telling article, oldest publication first) and its
    sources: per article, the outlet, title, address, publication date and the events it tells."""
    found = ctx.store().cluster(cluster_id)
    if found is None:
        raise WebError(404, f"no cluster with id {cluster_id!r}", code=E_NOT_FOUND)
    sources: dict[str, dict[str, Any]] = {}
    for event in found["events"]:
        art = event.get("article") or {}
        entry = sources.setdefault(event["article_id"], {
            "article_id": event["article_id"], "title": art.get("title"), "source": art.get("source"),
            "url": art.get("url"), "published": art.get("published"), "events": []})
        entry["events"].append(event["id"])
    found["sources"] = list(sources.values())
    return found


@router.get("/articles/{article_id:path}", summary="One article with its sentences and events",
            response_model=ArticleOut)
def get_article(ctx: Context, article_id: str) -> dict[str, Any]:
    store = ctx.store()
    article = store.article(article_id)
    if article is None:
        raise WebError(404, f"no article with id {article_id!r}", code=E_NOT_FOUND)
    # The raw input (often a whole HTML page) stays out: ``text`` is what every offset refers to.
    article.pop("raw", None)
    article["events"] = list(store.events(article_id=article_id))
    return article


@router.get("/stats", summary="How much the store holds", response_model=Stats)
def stats(ctx: Context) -> dict[str, Any]:
    store = ctx.store()
    return {"counts": store.counts(), "schema_version": store.version}


@router.get("/timeline", summary="Events over time per PLOVER type and quad class", response_model=Timeline)
def get_timeline(
    ctx: Context,
    filters: Filters,
    bucket: Annotated[Literal["auto", "day", "week", "month", "year"],
                      Query(description="Bar width; auto chooses by the span (see the response's bucket).")
                      ] = "auto",
) -> dict[str, Any]:
    """For an actor (``?actor=RUS``), a dyad (``?dyad=RUS,PRK``) or any other filter of ``/api/events``;
    a range (``since``/``until``) zooms in. Events known only to the year, or undated, are counted apart
    (``year_only``, ``undated``), and so are those known to the month in day or week buckets."""
    rows = ctx.store().aggregate(["date_value", "type", "quad_class"], ["count"], **filters)
    out = timeline_from_rows(rows, bucket)
    out["filters"] = shown(filters)
    return out


@router.get("/map", summary="Where events happened", response_model=MapPlaces)
def get_map(ctx: Context, filters: Filters) -> dict[str, Any]:
    """Every place with events matching the filters: coordinates, name, country, events per quad class and
    mean Goldstein score. ``located`` of ``total`` events have coordinates."""
    out = places(ctx.store(), filters)
    out["filters"] = shown(filters)
    return out


@router.get("/network", summary="Actors and dyads", response_model=Network)
def get_network(
    ctx: Context,
    filters: Filters,
    level: Annotated[Literal["actor", "country"], Query(description="Nodes are coded actors (RUSGOV) or "
                                                                    "countries.")] = "actor",
    limit: Annotated[int, Query(ge=1, le=MAX_EDGES, description="The heaviest edges kept.")] = 150,
) -> dict[str, Any]:
    """Actors as nodes and dyads as edges for the filters; each edge with its events, per quad class, its
    mean Goldstein score and most frequent quad class."""
    out = network(ctx.store(), filters, level=level, limit=limit)
    out["filters"] = shown(filters)
    return out
