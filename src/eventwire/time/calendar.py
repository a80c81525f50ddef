"""Calendar arithmetic on TimeML values: shifting by units, and the bounds a value stands for.

TimeML TIMEX3 values used here (TimeML 1.2.1 guidelines): ``2025-06-17`` (day), ``2025-06`` (month),
``2025`` (year), ``202`` (decade), ``20`` (century), ``2025-W25`` (ISO week), ``2025-Q3`` (quarter),
``2025-SU`` (season), ``2025-06-17TMO`` (part of day), ``2025-06-17T14:30`` (clock time),
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..models import Precision

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # WI runs into next year


def add_months(d: date, months: int) -> date:
    """``d`` shifted by whole months, the day clipped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """Meteorological season of ``d``; December belongs to the winter named by its own year."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (``D``, ``W``, ``M``, ``Q``, ``Y``, ``DE``, ``CE``)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    raise ValueError(f"unknown unit {unit!r}")


def value_at(d: date, unit: str) -> str:
    """The TimeML value of the ``unit``-long period that contains ``d``."""
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        return week_value(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


Bounds = tuple[Precision, str | None, str | None]


def bounds(value: str | None, dct: date | None = None) -> Bounds:
    """(precision, earliest, latest) of a DATE/TIME value, as ISO days. Unknown parts stay ``None``."""
    if not value:
        return Precision.UNKNOWN, None, None
    try:
        found = _calendar_bounds(value) or _period_bounds(value)
    except ValueError:  # an impossible date ("Feb. 30") keeps no bounds rather than wrong ones
        return Precision.UNKNOWN, None, None
    if found is not None:
        return found
    return _reference_bounds(value, dct)


def _calendar_bounds(value: str) -> Bounds | None:
    """A day (or a time of it), a month, a year or an ISO week."""
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        return Precision.DAY, day, day
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return Precision.MONTH, date(y, mo, 1).isoformat(), _month_end(y, mo).isoformat()
    if m := _YEAR.match(value):
        y = int(m[1])
        return Precision.YEAR, date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat()
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return Precision.RANGE, monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    return None


def _period_bounds(value: str) -> Bounds | None:
    """A quarter, a half, a season, a decade or a century."""
    if m := _QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        return Precision.RANGE, date(y, 3 * q - 2, 1).isoformat(), _month_end(y, 3 * q).isoformat()
    if m := _HALF.match(value):
        y, h = int(m[1]), int(m[2])
        return Precision.RANGE, date(y, 6 * h - 5, 1).isoformat(), _month_end(y, 6 * h).isoformat()
    if m := _SEASON.match(value):
        y = int(m[1])
        first, last = SEASON_MONTHS[m[2]]
        end = _month_end(y + (last - 1) // 12, (last - 1) % 12 + 1)
        return Precision.RANGE, date(y, first, 1).isoformat(), end.isoformat()
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return Precision.RANGE, date(max(y, 1), 1, 1).isoformat(), date(y + 9, 12, 31).isoformat()
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return Precision.RANGE, date(max(y, 1), 1, 1).isoformat(), date(y + 99, 12, 31).isoformat()
    return None


def _reference_bounds(value: str, dct: date | None) -> Bounds:
    """PRESENT_REF and PAST_REF end at the DCT, FUTURE_REF starts there; anything else has no bounds."""
    if dct is not None:
        if value in ("PRESENT_REF", "PAST_REF"):
            return Precision.UNKNOWN, None, dct.isoformat()
        if value == "FUTURE_REF":
            return Precision.UNKNOWN, dct.isoformat(), None
    return Precision.UNKNOWN, None, None
