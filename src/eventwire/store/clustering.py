"""Cross-article event clustering: when do two events, told by different articles, count as one?

An event joins an earlier event's cluster when
- their types agree,
- their source/target countries agree (as an ordered pair; unordered when either is reciprocal) and
  at least one of the two countries is known (two events between unknown actors are never merged),
- both have a known date and the dates agree at the coarser of the two precisions: two day-precise
  dates within ±1 day (time zones and "yesterday" in late copy), a day and a month when the day falls
  in the month, two years when equal; a range agrees with any date it overlaps.

An event without a known date never joins a cluster: the same type between the same countries on
unknown days is not evidence of one real-world event.

One event may agree with events of several clusters. When it and they are dated to the day and their
countries agree in the same orientation, it is the evidence that those clusters tell one event (the same
rule that let each of them grow), so they merge into the lowest cluster id (the choice a join already
made), in the transaction that stores the event. A match that proves less merges nothing and the event
joins one cluster (the lowest id, as before): an event at a coarser precision ("in June")
agrees with every cluster of its month, and a reciprocal "the two met" agrees with "A met B" and with
"B met A", which stay two events.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Event, Precision

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}
ONE_DAY = timedelta(days=1)


def iso_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO date prefix can denote: ``2025-06`` → (2025-06-01, 2025-06-30)."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if m is None:
        return None
    try:
        year = int(m.group(1))
        if m.group(2) is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(m.group(2))
        if m.group(3) is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(m.group(3)))
        return day, day
    except ValueError:  # "2025-13" or "2025-02-30": not a date we can place
        return None


@dataclass(frozen=True, slots=True)
class DateKey:
    """An event date reduced to what clustering compares."""

    precision: Precision
    lo: date
    hi: date


def date_key(value: str | None, precision: Precision, earliest: str | None = None,
             latest: str | None = None) -> DateKey | None:
    """The date's bounds, or None when the date is unknown (no value, unknown precision, unparseable)."""
    if precision == Precision.UNKNOWN:
        return None
    if precision == Precision.RANGE:
        lo_b, hi_b = iso_bounds(earliest), iso_bounds(latest)
        whole = iso_bounds(value)
        lo = lo_b[0] if lo_b else (whole[0] if whole else None)
        hi = hi_b[1] if hi_b else (whole[1] if whole else None)
        if lo is None or hi is None or lo > hi:
            return None
        return DateKey(precision, lo, hi)
    bounds = iso_bounds(value)
    if bounds is None:
        return None
    # A value finer than its stated precision ("2025-06-17" at month) counts at the stated precision.
    if precision == Precision.MONTH:
        bounds = iso_bounds(value[:7] if value else None) or bounds
    elif precision == Precision.YEAR:
        bounds = iso_bounds(value[:4] if value else None) or bounds
    return DateKey(precision, bounds[0], bounds[1])


def event_date_key(event: Event) -> DateKey | None:
    d = event.date
    return date_key(d.value, d.precision, d.earliest, d.latest)


def dates_agree(a: DateKey, b: DateKey) -> bool:
    """Agreement at the coarser precision (see the module docstring)."""
    if a.precision == Precision.RANGE or b.precision == Precision.RANGE:
        return a.lo <= b.hi and b.lo <= a.hi
    if a.precision == Precision.DAY and b.precision == Precision.DAY:
        return abs((a.lo - b.lo).days) <= 1
    coarse = max(a.precision, b.precision, key=_RANK.__getitem__)
    if coarse == Precision.YEAR:
        return a.lo.year == b.lo.year
    return (a.lo.year, a.lo.month) == (b.lo.year, b.lo.month)


def search_window(key: DateKey) -> tuple[str, str]:
    """ISO bounds wide enough to hold every stored date that can agree with ``key`` (for the SQL look-up)."""
    return (key.lo - ONE_DAY).isoformat(), (key.hi + ONE_DAY).isoformat()


def countries(event: Event) -> tuple[str | None, str | None]:
    return (event.source.country if event.source else None, event.target.country if event.target else None)


def can_cluster(event: Event) -> bool:
    """Only events with a known date and at least one known country may join or found a shared cluster."""
    return event_date_key(event) is not None and any(c is not None for c in countries(event))


@dataclass(frozen=True, slots=True)
class ClusterMatch:
    """A stored cluster an event agrees with; ``firm`` when both dates agreeing are day-precise."""

    cluster_id: str
    firm: bool


def _root(parent: dict[str, str], x: str) -> str:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def plan_clusters(matches: Iterable[tuple[str, Sequence[ClusterMatch]]]) -> tuple[dict[str, str], dict[str, str]]:
    """Each event's cluster and the stored clusters to merge, from what each event agrees with.

    ``matches`` gives (event id, the clusters it agrees with). Returns (event id -> cluster id, an
    event agreeing with none founding its own under its id; merged cluster id -> the cluster it joins).
    """
    parent: dict[str, str] = {}
    chosen: list[tuple[str, str]] = []
    for event_id, found in matches:
        firm = sorted({m.cluster_id for m in found if m.firm})
        for other in firm[1:]:
            a, b = _root(parent, firm[0]), _root(parent, other)
            if a != b:  # the lower id stays: every id of a group points at its smallest
                parent[max(a, b)] = min(a, b)
        pick = firm[0] if len(firm) > 1 else min((m.cluster_id for m in found), default=event_id)
        chosen.append((event_id, pick))
    merged = {c: _root(parent, c) for c in list(parent) if _root(parent, c) != c}
    return {e: merged.get(c, c) for e, c in chosen}, merged
