"""Two indexed look-ups the store's public API does not offer (one event by id; an article by content
hash). Only ids are read here; the records themselves come from :meth:`Store.events` so that the HTTP
API returns exactly what every other interface returns."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from ..store import Store, schema
from ..store.connect import translate_error


def _scalar(store: Store, stmt: sa.Select[Any]) -> Any:
    try:
        with store.engine.connect() as conn:
            return conn.execute(stmt).scalar_one_or_none()
    except DBAPIError as exc:  # the same E3xx message as every other store error
        raise translate_error(exc, store.url) from exc


def event_by_id(store: Store, event_id: str) -> dict[str, Any] | None:
    """The public record (with cluster figures) of the event ``event_id``; None if unknown."""
    e = schema.events.c
    article_id = _scalar(store, sa.select(e.article_id).where(e.id == event_id))
    if article_id is None:
        return None
    return next((r for r in store.events(article_id=article_id) if r["id"] == event_id), None)


def article_id_by_hash(store: Store, content_hash: str) -> str | None:
    a = schema.articles.c
    found = _scalar(store, sa.select(a.id).where(a.content_hash == content_hash).limit(1))
    return None if found is None else str(found)
