"""Events over time, per PLOVER type and per quad class: the data behind the timeline chart.

The chart fits its container at any range (issue 13: one fixed-width bar per month from 1984 on hid a
2002 peak 16,000 px to the right), so the bucket follows the span: days for up to three months, weeks
for up to a year and a half, months for up to fifteen years, years beyond (``bucket=auto``), and a coarser
bucket is taken whenever a finer one would need over :data:`MAX_BUCKETS` bars.

An event is placed by its date value as far as the value states it: ``2002-03-14`` on a day, ``2002-03``
in a month (so only in month and year buckets: in day and week buckets it is counted apart, per month,
in ``month_only``), ``2002`` never on the chart (``year_only``), no value at all ``undated``. Nothing is
spread over buckets nor placed at the publication date.

``core`` is where the data is: the range between the 5th and the 95th percentile of the placed events'
dates. A chart starts there (a stray date decades off does not decide the first view) and shows how many
events lie before and after it.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
BUCKETS = ("day", "week", "month", "year")
MAX_BUCKETS = 1500
# The widest span (in days) each bucket is chosen for by bucket=auto.
AUTO_SPANS = {"day": 92, "week": 550, "month": 15 * 366}
# Empty months between the first and the last are listed in ``months`` (the chart of old) up to this many.
MAX_FILLED_MONTHS = 600
CORE_PERCENTILE = 0.05


def _day(value: str) -> date | None:
    try:
        return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def _month(value: Any) -> tuple[int, int] | None:
    if not isinstance(value, str) or len(value) < 7 or value[4] != "-":
        return None
    if not (value[:4].isdigit() and value[5:7].isdigit() and "01" <= value[5:7] <= "12"):
        return None
    return int(value[:4]), int(value[5:7])


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "day":
        return day
    if bucket == "week":  # ISO weeks, from Monday
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def bucket_next(start: date, bucket: str) -> date:
    if bucket == "day":
        return start + timedelta(days=1)
    if bucket == "week":
        return start + timedelta(days=7)
    if bucket == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def bucket_label(start: date, bucket: str) -> str:
    if bucket == "month":
        return start.isoformat()[:7]
    if bucket == "year":
        return str(start.year)
    return start.isoformat()


def _count_buckets(first: date, last: date, bucket: str) -> int:
    if bucket == "day":
        return (last - first).days + 1
    if bucket == "week":
        return (bucket_start(last, "week") - bucket_start(first, "week")).days // 7 + 1
    if bucket == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def choose_bucket(first: date, last: date, wanted: str = "auto") -> str:
    """The bucket for a chart from ``first`` to ``last``: ``wanted``, or the one the span calls for, made
    coarser while it would need over :data:`MAX_BUCKETS` bars."""
    span = (last - first).days + 1
    if wanted == "auto":
        wanted = next((b for b, most in AUTO_SPANS.items() if span <= most), "year")
    index = BUCKETS.index(wanted)
    while index < len(BUCKETS) - 1 and _count_buckets(first, last, BUCKETS[index]) > MAX_BUCKETS:
        index += 1
    return BUCKETS[index]


def rows_of_records(records: Iterable[Mapping[str, Any]]) -> Iterable[dict[str, Any]]:
    """Event records as the rows :func:`timeline_from_rows` counts (one per record)."""
    for record in records:
        yield {"date_value": (record.get("date") or {}).get("value"), "type": record.get("type"),
               "quad_class": record.get("quad_class"), "count": 1}


def timeline(records: Iterable[Mapping[str, Any]], bucket: str = "auto") -> dict[str, Any]:
    """The timeline of event records (streamed; memory grows with dates, not with events)."""
    return timeline_from_rows(rows_of_records(records), bucket)


def timeline_from_rows(rows: Iterable[Mapping[str, Any]], bucket: str = "auto") -> dict[str, Any]:
    """The timeline from rows of ``date_value``, ``type``, ``quad_class`` and ``count`` (as the store's
    :meth:`~eventwire.store.Store.aggregate` counts them)."""
    by_day: dict[date, tuple[Counter[str], Counter[str]]] = defaultdict(lambda: (Counter(), Counter()))
    by_month: dict[tuple[int, int], tuple[Counter[str], Counter[str]]] = defaultdict(lambda: (Counter(), Counter()))
    year_only: Counter[str] = Counter()
    undated = 0
    total = 0
    for row in rows:
        n = int(row["count"])
        total += n
        value = row.get("date_value")
        quad = row.get("quad_class")
        kind, qkey = str(row.get("type")), str(quad) if quad in QUAD_CLASSES else "unknown"
        month = _month(value)
        day = _day(value) if month is not None and isinstance(value, str) and len(value) >= 10 else None
        if day is not None:
            types, quads = by_day[day]
        elif month is not None:
            types, quads = by_month[month]
        else:
            if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
                year_only[value[:4]] += n
            else:
                undated += n
            continue
        types[kind] += n
        quads[qkey] += n
    out: dict[str, Any] = {
        "total": total,
        "bucket": None,
        "buckets": [],
        "extent": None,
        "core": None,
        "months": _months(by_day, by_month),
        "month_only": {},
        "year_only": dict(sorted(year_only.items())),
        "undated": undated,
        "quad_class_names": {str(k): v for k, v in QUAD_CLASSES.items()},
    }
    placed = sorted([*((d, d, sum(t.values())) for d, (t, _q) in by_day.items()),
                     *((date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), sum(t.values()))
                       for (y, m), (t, _q) in by_month.items())])
    if not placed:
        return out
    first, last = placed[0][0], max(p[1] for p in placed)
    out["extent"] = {"first": first.isoformat(), "last": last.isoformat()}
    out["core"] = _core(placed)
    chosen = choose_bucket(first, last, bucket)
    out["bucket"] = chosen
    filled: dict[date, tuple[Counter[str], Counter[str]]] = defaultdict(lambda: (Counter(), Counter()))
    for day, (types, quads) in by_day.items():
        t, q = filled[bucket_start(day, chosen)]
        t.update(types)
        q.update(quads)
    month_only: Counter[str] = Counter()
    for (y, m), (types, quads) in by_month.items():
        if chosen in ("day", "week"):
            month_only[f"{y:04d}-{m:02d}"] += sum(types.values())
            continue
        t, q = filled[bucket_start(date(y, m, 1), chosen)]
        t.update(types)
        q.update(quads)
    out["month_only"] = dict(sorted(month_only.items()))
    start = bucket_start(first, chosen)
    buckets = []
    while start <= last:
        following = bucket_next(start, chosen)
        types, quads = filled.get(start, (Counter(), Counter()))
        buckets.append({"start": start.isoformat(), "end": (following - timedelta(days=1)).isoformat(),
                        "label": bucket_label(start, chosen), "total": sum(types.values()),
                        "types": dict(sorted(types.items())), "quad_classes": dict(sorted(quads.items()))})
        start = following
    out["buckets"] = buckets
    return out


def _core(placed: list[tuple[date, date, int]]) -> dict[str, Any]:
    """From the 5th to the 95th percentile of the placed events' dates, with the counts outside."""
    total = sum(n for *_, n in placed)
    cut = int(total * CORE_PERCENTILE)
    seen, lo_i = 0, 0
    for i, (_a, _b, n) in enumerate(placed):
        if seen + n > cut:
            lo_i = i
            break
        seen += n
    before = seen
    seen, hi_i = 0, len(placed) - 1
    for i in sorted(range(len(placed)), key=lambda i: placed[i][1], reverse=True):
        n = placed[i][2]
        if seen + n > cut:
            hi_i = i
            break
        seen += n
    after = seen
    lo, hi = placed[lo_i][0], placed[hi_i][1]
    if hi < lo:
        lo, hi, before, after = placed[0][0], max(p[1] for p in placed), 0, 0
    return {"first": lo.isoformat(), "last": hi.isoformat(), "before": before, "after": after}


def _months(by_day: Mapping[date, tuple[Counter[str], Counter[str]]],
            by_month: Mapping[tuple[int, int], tuple[Counter[str], Counter[str]]]) -> list[dict[str, Any]]:
    """Events per month (day- and month-dated), every month from the first to the last listed where they
    are at most :data:`MAX_FILLED_MONTHS`, else only the months that hold events."""
    months: dict[tuple[int, int], tuple[Counter[str], Counter[str]]] = defaultdict(lambda: (Counter(), Counter()))
    for day, (types, quads) in by_day.items():
        t, q = months[(day.year, day.month)]
        t.update(types)
        q.update(quads)
    for key, (types, quads) in by_month.items():
        t, q = months[key]
        t.update(types)
        q.update(quads)
    present = sorted(months)
    keys = present
    if present:
        (y, m), end = present[0], present[-1]
        filled = []
        while (y, m) <= end:
            filled.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        if len(filled) <= MAX_FILLED_MONTHS:
            keys = filled
    empty: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    return [{"month": f"{y:04d}-{m:02d}", "total": sum(months.get((y, m), empty)[0].values()),
             "types": dict(sorted(months.get((y, m), empty)[0].items())),
             "quad_classes": dict(sorted(months.get((y, m), empty)[1].items()))}
            for y, m in keys]
