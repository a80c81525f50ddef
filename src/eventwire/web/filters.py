"""The query parameters every event query shares (``/api/events``, ``/api/timeline``). Their values are
checked where every interface's are, by the store (:func:`eventwire.store.filters.check_filters`): a typo
answers 400 (E312) with what is allowed rather than an empty list. Only the HTTP spelling of a dyad
(``RUS,PRK``) is read here."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from ..store.filters import CERTAINTIES, PRECISIONS, REGIONS, SORT_KEYS, STATUSES, TYPES, check_filters
from .errors import E_BAD_REQUEST, WebError


def _bad(message: str) -> WebError:
    return WebError(400, message, code=E_BAD_REQUEST)


def parse_dyad(value: str) -> tuple[str, str]:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise _bad(f"dyad {value!r}: give two actors separated by a comma, e.g. dyad=RUS,PRK")
    return parts[0], parts[1]


def event_filters(
    actor: Annotated[str | None, Query(description="Actor code prefix (RUS, RUSGOV), country, or a name word "
                                                   "(Shoigu), on either side.")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, either direction: RUS,PRK.",
                                      examples=["RUS,PRK"])] = None,
    type: Annotated[str | None, Query(description=f"PLOVER event type: {' | '.join(TYPES)}.")] = None,
    since: Annotated[str | None, Query(description="Dated on or after (ISO prefix: 2025, 2025-06, 2025-06-17).")
                     ] = None,
    until: Annotated[str | None, Query(description="Dated on or before (ISO prefix).")] = None,
    certainty: Annotated[str | None, Query(description=" | ".join(CERTAINTIES) + ".")] = None,
    status: Annotated[str | None, Query(description=" | ".join(STATUSES) + ".")] = None,
    article_id: Annotated[str | None, Query(description="Only the events of this article.")] = None,
    cluster_id: Annotated[str | None, Query(description="Only the events of this cluster (one real-world "
                                                        "event told by several articles).")] = None,
    country: Annotated[str | None, Query(description="Where it happened: ISO 3166-1 alpha-3 code(s) of the "
                                                     "event's place, comma-separated (UKR,RUS).")] = None,
    region: Annotated[str | None, Query(description=f"Where it happened: {' | '.join(REGIONS)}.")] = None,
    quad_class: Annotated[str | None, Query(description="Quad class(es) 1–4, comma-separated: 1 verbal "
                                                        "cooperation, 2 material cooperation, 3 verbal "
                                                        "conflict, 4 material conflict.",
                                            examples=["3,4"])] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode(s), comma-separated (visit, phone, …).")] = None,
    precision: Annotated[str | None, Query(description="Date precision(s), comma-separated: "
                                                       f"{' | '.join(PRECISIONS)}.")] = None,
    bbox: Annotated[str | None, Query(description="Where it happened: west,south,east,north in degrees.",
                                      examples=["30,44,41,53"])] = None,
) -> dict[str, Any]:
    """The store filters of the request, checked as the store checks them (400, E312); empty parameters are
    ignored (an empty form field)."""
    given: dict[str, Any] = {
        "actor": actor, "type": type, "since": since, "until": until, "certainty": certainty, "status": status,
        "cluster_id": cluster_id, "country": country, "region": region, "quad_class": quad_class, "mode": mode,
        "precision": precision, "bbox": bbox,
    }
    out: dict[str, Any] = {k: v.strip() for k, v in given.items() if v and v.strip()}
    if dyad and dyad.strip():
        out["dyad"] = parse_dyad(dyad)
    if article_id:
        out["article_id"] = article_id
    checked = check_filters(**out)
    return {k: getattr(checked, k) for k in out}


def sort_param(
    sort: Annotated[str | None, Query(description=f"Order by {' | '.join(SORT_KEYS)}; a leading - sorts "
                                                  "descending (-goldstein). Unknown values sort last.",
                                      examples=["-date"])] = None,
) -> str | None:
    """The ``sort`` parameter, checked as the store checks it."""
    if sort is None or not sort.strip():
        return None
    return check_filters(sort=sort).sort
