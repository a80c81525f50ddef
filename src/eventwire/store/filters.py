"""The event filters, checked in one place for every interface: the CLI, the Python API and the HTTP API
all call :meth:`Store.events`, which checks its filters here first (issue 12: ``--certainty bogus`` gave an
empty table and exit code 0 where the HTTP API answered 400).

A bad value raises :class:`~eventwire.errors.QueryError` (E312) naming the filter and what it allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QueryError
from ..models import Certainty, EventType, Status

TYPES = tuple(t.value for t in EventType)
CERTAINTIES = tuple(c.value for c in Certainty)
STATUSES = tuple(s.value for s in Status)
MAX_ROWS = 2**63 - 1  # what a database's 64-bit integer holds
MAX_VALUE_CHARS = 2000
_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Checked and normalised filters (vocabularies in their canonical case, text stripped)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    certainty: str | None = None
    status: str | None = None
    article_id: str | None = None
    limit: int | None = None
    offset: int | None = None


def _text(name: str, value: str, strip: bool = True) -> str:
    text = value.strip() if strip else value
    if "\x00" in text:
        raise QueryError(f"{name} {value!r} holds a NUL character", code="E312")
    if len(text) > MAX_VALUE_CHARS:
        raise QueryError(f"{name} is {len(text):,} characters long: at most {MAX_VALUE_CHARS} are read",
                         code="E312")
    return text


def _one_of(name: str, value: str, allowed: tuple[str, ...], upper: bool) -> str:
    text = _text(name, value)
    norm = text.upper() if upper else text.lower()
    if norm not in allowed:
        raise QueryError(f"{name} {value!r} is not one of: {', '.join(allowed)}", code="E312")
    return norm


def _actor(name: str, value: str) -> str:
    text = _text(name, value)
    if not text:
        raise QueryError(f"an empty {name} cannot be matched: give a code (RUS, RUSGOV) or a name", code="E312")
    return text


def check_filters(
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    certainty: str | None = None,
    status: str | None = None,
    article_id: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> EventFilters:
    """The filters of :meth:`Store.events`, checked; raises :class:`QueryError` (E312) for a bad one."""
    bounds: dict[str, str | None] = {"since": None, "until": None}
    for op, bound in (("since", since), ("until", until)):
        if bound is None:
            continue
        text = _text(op, bound)
        if not _DATE_PREFIX.match(text):
            raise QueryError(f"--{op} {bound!r} is not an ISO date prefix: use YYYY, YYYY-MM or YYYY-MM-DD",
                             code="E312")
        bounds[op] = text
    for name, number in (("limit", limit), ("offset", offset)):
        if number is not None and not 0 <= number <= MAX_ROWS:
            raise QueryError(f"{name} must be from 0 to {MAX_ROWS:,}, not {number:,}", code="E312")
    if dyad is not None:
        if len(dyad) != 2:
            raise QueryError(f"a dyad is two actors, not {len(dyad)}: e.g. RUS PRK", code="E312")
        dyad = (_actor("dyad actor", dyad[0]), _actor("dyad actor", dyad[1]))
    return EventFilters(
        actor=_actor("actor", actor) if actor is not None else None,
        dyad=dyad,
        type=_one_of("type", type, TYPES, upper=True) if type is not None else None,
        since=bounds["since"],
        until=bounds["until"],
        certainty=_one_of("certainty", certainty, CERTAINTIES, upper=False) if certainty is not None else None,
        status=_one_of("status", status, STATUSES, upper=False) if status is not None else None,
        article_id=_text("article_id", article_id, strip=False) if article_id is not None else None,
        limit=limit,
        offset=offset,
    )
