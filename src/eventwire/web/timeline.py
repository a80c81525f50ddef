"""Events per month, per PLOVER type and per quad class: the data behind the timeline chart.

An event is placed in a month when its date value is known at least to the month (``2025-06`` or
``2025-06-17``; a ``range`` whose value is a month counts too). Events known only to the year, or not
dated at all, are counted apart: never spread over months, never placed at the publication date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

# Empty months between the first and the last are filled in so that a chart's x axis is true to time;
# beyond this many months (a stray date decades off) only the months that hold events are listed.
MAX_FILLED_MONTHS = 600

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _month(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 7 or value[4] != "-":
        return None
    month = value[:7]
    return month if month[:4].isdigit() and month[5:7].isdigit() and "01" <= month[5:7] <= "12" else None


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out: list[str] = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def timeline(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Aggregate event records (streamed; memory grows with months, not with events)."""
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_quad: dict[str, Counter[str]] = defaultdict(Counter)
    year_only: Counter[str] = Counter()
    undated = 0
    total = 0
    for record in records:
        total += 1
        value = (record.get("date") or {}).get("value")
        month = _month(value)
        if month is None:
            if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
                year_only[value[:4]] += 1
            else:
                undated += 1
            continue
        by_type[month][str(record.get("type"))] += 1
        quad = record.get("quad_class")
        by_quad[month][str(quad) if quad in QUAD_CLASSES else "unknown"] += 1
    present = sorted(by_type)
    months = present
    if present:
        filled = _months_between(present[0], present[-1])
        if len(filled) <= MAX_FILLED_MONTHS:
            months = filled
    return {
        "total": total,
        "months": [
            {"month": m, "total": sum(by_type[m].values()), "types": dict(sorted(by_type[m].items())),
             "quad_classes": dict(sorted(by_quad[m].items()))}
            for m in months
        ],
        "year_only": dict(sorted(year_only.items())),
        "undated": undated,
        "quad_class_names": {str(k): v for k, v in QUAD_CLASSES.items()},
    }
