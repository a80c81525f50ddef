"""Read endpoints (open to all): events, one event, one article, store counts, the timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..store.filters import MAX_ROWS
from .context import WebContext
from .errors import E_NOT_FOUND, WebError
from .filters import event_filters
from .lookup import event_by_id
from .schemas import ArticleOut, Stats, Timeline
from .timeline import timeline

router = APIRouter(prefix="/api", tags=["read"])

MAX_PAGE = 1000

Filters = Annotated[dict[str, Any], Depends(event_filters)]


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.context
    return ctx


Context = Annotated[WebContext, Depends(context)]


@router.get("/events", summary="Query events")
def list_events(
    ctx: Context,
    filters: Filters,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, description="Page size.")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS,
                                 description="Events to skip (ordered by date, unknown last, then id).")] = 0,
) -> list[dict[str, Any]]:
    """Event records (the public record of DESIGN §2 plus ``num_sources`` and the article's metadata),
    ordered by date (unknown last) then id."""
    return list(ctx.store().events(**filters, limit=limit, offset=offset))


@router.get("/events/{event_id:path}", summary="One event")
def get_event(ctx: Context, event_id: str) -> dict[str, Any]:
    record = event_by_id(ctx.store(), event_id)
    if record is None:
        raise WebError(404, f"no event with id {event_id!r}", code=E_NOT_FOUND)
    return record


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


@router.get("/timeline", summary="Events per month per PLOVER type and quad class", response_model=Timeline)
def get_timeline(ctx: Context, filters: Filters) -> dict[str, Any]:
    """For an actor (``?actor=RUS``), a dyad (``?dyad=RUS,PRK``) or any other filter of ``/api/events``;
    events known only to the year, or undated, are counted apart (``year_only``, ``undated``)."""
    out = timeline(ctx.store().events(**filters))
    out["filters"] = {k: ",".join(v) if k == "dyad" else v for k, v in filters.items()}
    return out
