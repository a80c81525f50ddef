"""The query parameters every event query shares (``/api/events``, ``/api/timeline``), checked before
they reach the store so that a typo answers 400 with what is allowed rather than an empty list."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from ..models import Certainty, EventType, Status
from .errors import E_BAD_REQUEST, WebError

_TYPES = {t.value for t in EventType}
_CERTAINTIES = {c.value for c in Certainty}
_STATUSES = {s.value for s in Status}


def _bad(message: str) -> WebError:
    return WebError(400, message, code=E_BAD_REQUEST)


def parse_dyad(value: str) -> tuple[str, str]:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise _bad(f"dyad {value!r}: give two actors separated by a comma, e.g. dyad=RUS,PRK")
    return parts[0], parts[1]


def _one_of(name: str, value: str, allowed: set[str], upper: bool) -> str:
    norm = value.strip().upper() if upper else value.strip().lower()
    if norm not in allowed:
        raise _bad(f"{name} {value!r} is not one of: {', '.join(sorted(allowed))}")
    return norm


def event_filters(
    actor: Annotated[str | None, Query(description="Actor code prefix (RUS, RUSGOV), country, or a name word "
                                                   "(Shoigu), on either side.")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, either direction: RUS,PRK.",
                                      examples=["RUS,PRK"])] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (AGREE, CONSULT, …).")] = None,
    since: Annotated[str | None, Query(description="Dated on or after (ISO prefix: 2025, 2025-06, 2025-06-17).")
                     ] = None,
    until: Annotated[str | None, Query(description="Dated on or before (ISO prefix).")] = None,
    certainty: Annotated[str | None, Query(description="certain | reported | unconfirmed | denied.")] = None,
    status: Annotated[str | None, Query(description="occurred | ongoing | planned | intended | negated | "
                                                    "hypothetical.")] = None,
    article_id: Annotated[str | None, Query(description="Only the events of this article.")] = None,
) -> dict[str, Any]:
    """The store filters of the request, validated; empty parameters are ignored (an empty form field)."""
    out: dict[str, Any] = {}
    if actor and actor.strip():
        out["actor"] = actor.strip()
    if dyad and dyad.strip():
        out["dyad"] = parse_dyad(dyad)
    if type and type.strip():
        out["type"] = _one_of("type", type, _TYPES, upper=True)
    if since and since.strip():
        out["since"] = since.strip()
    if until and until.strip():
        out["until"] = until.strip()
    if certainty and certainty.strip():
        out["certainty"] = _one_of("certainty", certainty, _CERTAINTIES, upper=False)
    if status and status.strip():
        out["status"] = _one_of("status", status, _STATUSES, upper=False)
    if article_id:
        out["article_id"] = article_id
    return out
