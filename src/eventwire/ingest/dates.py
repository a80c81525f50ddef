"""Publication dates: parsing a date a user or a record gives, and finding a dateline in a text."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import InputError

E_BAD_DATE = "E109"
# Publication dates outside these bounds are refused (E109): no news article was published before the
# first newspapers or will be in 2101, and days near the calendar's edges (0001-01-01, 9999-12-31) break
# the date arithmetic of the time stage.
EARLIEST_PUBLISHED = date(1800, 1, 1)
LATEST_PUBLISHED = date(2100, 12, 31)
MAX_DATE_CHARS = 64  # the longest written date we accept is far shorter

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# The written forms we accept, day-first and month-first; the year is optional so that a dateline
# without one can be recognised (and then yields no date: we never guess the year).
_WRITTEN_DATES = (
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?(?:\s+" + _YEAR + r")?\b", re.IGNORECASE),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b", re.IGNORECASE),
)
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,4})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{1,4})")


def _written_date(m: re.Match[str]) -> date | None:
    if not m.group("year"):
        return None
    try:
        return date(int(m.group("year")), _MONTHS[m.group("month").lower()], int(m.group("day")))
    except ValueError:
        return None


def _numeric_date(m: re.Match[str]) -> date | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    try:
        if len(a) == 4:  # year first: 2025/06/17, 2025.06.17
            return date(int(a), int(b), int(c))
        if len(c) == 4:  # 17/06/2025 or 06/17/2025: only when the order is unambiguous
            first, second = int(a), int(b)
            if first > 12 >= second:
                return date(int(c), second, first)
            if second > 12 >= first:
                return date(int(c), first, second)
            if first == second:
                return date(int(c), first, second)
    except ValueError:
        return None
    return None


def parse_published(value: str, origin: str = "--published") -> date:
    """Parse a publication date given by a user or a record: ISO dates and datetimes, ``2025/06/17``,
    ``17 June 2025``, ``June 17, 2025``, RFC 2822 (``Tue, 17 Jun 2025 10:00:00 GMT``).

    Raises :class:`InputError` (E109) for anything else, including day/month orders that cannot be
    told apart (``06/07/2025``): a wrong date is worse than none; and for a date outside
    :data:`EARLIEST_PUBLISHED` … :data:`LATEST_PUBLISHED`.
    """
    text = value.strip()
    if len(text) > MAX_DATE_CHARS:
        raise InputError(
            f"the date given by {origin} is {len(text):,} characters long, not a date: write it as YYYY-MM-DD "
            "(e.g. 2025-06-17)", code=E_BAD_DATE)
    found = _parse(text) if text else None
    if found is None:
        raise InputError(
            f"cannot read the date {value!r} given by {origin}: write it as YYYY-MM-DD (e.g. 2025-06-17), "
            "'17 June 2025' or 'June 17, 2025'",
            code=E_BAD_DATE,
        )
    if not in_range(found):
        raise InputError(
            f"the date {value!r} given by {origin} is outside the years "
            f"{EARLIEST_PUBLISHED.year}–{LATEST_PUBLISHED.year}: give the article's publication date "
            "(YYYY-MM-DD)", code=E_BAD_DATE)
    return found


def in_range(day: date) -> bool:
    """Whether ``day`` can be a publication date (see :data:`EARLIEST_PUBLISHED`)."""
    return EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED


def _parse(text: str) -> date | None:
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text).date()
        except ValueError:
            pass
        if re.fullmatch(r"\d{8}", text):
            try:
                return date(int(text[:4]), int(text[4:6]), int(text[6:]))
            except ValueError:
                pass
        m = _NUMERIC_DATE.fullmatch(text)
        if m and (d := _numeric_date(m)):
            return d
        for pattern in _WRITTEN_DATES:
            m = pattern.fullmatch(text.rstrip("."))
            if m and (d := _written_date(m)):
                return d
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    return None


# A dateline near the top of an article states its publication date. Two kinds: a leader word
# ("This story is from", "Published:", "Updated:") before a date, and a wire dateline
# ("MOSCOW, June 17, 2025 (Reuters) -"). Only the first few lines are searched, so dates of events
# in the body are never taken for the publication date.
_LEADER = re.compile(
    r"^\s*(?:this (?:story|article) (?:is|was) (?:from|published on)|(?:first |last )?published(?: on)?|"
    r"(?:last )?updated(?: on)?|posted(?: on)?|dated?|filed)\s*:?\s*(?P<rest>.{4,60})",
    re.IGNORECASE,
)
_WIRE = re.compile(
    r"^\s*[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?,\s*(?P<rest>[A-Za-z0-9 ,.]{4,40}?)\s*"
    r"(?:\([^)]{2,40}\))?\s*[-–—:]\s",
)
DATELINE_LINES = 6


def _date_in(fragment: str) -> tuple[bool, date | None]:
    """(whether ``fragment`` starts with a date, the date if it has a year)."""
    fragment = fragment.strip()
    for pattern in _WRITTEN_DATES:
        m = pattern.match(fragment)
        if m:
            return True, _written_date(m)
    m = _NUMERIC_DATE.match(fragment)
    if m:
        return True, _numeric_date(m)
    m = re.match(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?", fragment)
    if m:
        try:
            return True, date.fromisoformat(m.group(0)[:10])
        except ValueError:
            return True, None
    return False, None


def find_dateline(text: str) -> date | None:
    """The publication date stated by a dateline in the first lines of ``text``; None without a year."""
    found = dateline_of(text)
    return found[0] if found else None


def dateline_of(text: str) -> tuple[date, str] | None:
    """The publication date stated by a dateline in the first lines of ``text``, and that line; None
    without one, without a year, or with a date outside the years a publication date may have."""
    seen = 0
    # only the first lines are read: never split the whole of a long text
    for line in text[:20_000].splitlines():
        if not line.strip() or line.strip() in SEPARATORS:
            continue
        seen += 1
        if seen > DATELINE_LINES:
            break
        for pattern in (_LEADER, _WIRE):
            m = pattern.match(line)
            if m:
                found, d = _date_in(m.group("rest"))
                if found:
                    return (d, line.strip()[:200]) if d is not None and in_range(d) else None
    return None


# Lines that separate the title and standfirst from the body in the seed layout.
SEPARATORS = frozenset({"-", "--", "—", "–"})
