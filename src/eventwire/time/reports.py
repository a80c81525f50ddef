"""Normalisers of the business calendar: quarters, halves, fiscal years and an earnings report's periods.

Financial news names its periods relative to the report it is in ("the quarter", "the year-earlier
period", "a year ago"): :attr:`Context.last_quarter` carries the quarter under discussion from one
sentence to the next.
"""

from __future__ import annotations

import re
from datetime import date

from . import calendar as cal
from .lexicon import DAYNUM, MONTH, ORDINALS, month_number
from .normalise import Context, Found, _last_quarter, _shift_value, _year_for

_QUARTER_ENDED = re.compile(rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<month>{MONTH})\s+(?P<day>{DAYNUM})")


def _report_period(m: re.Match[str], ctx: Context) -> Found | None:
    """"the latest period", "the year-earlier period": the quarter an earnings report is about.

    Only inside a report (a quarter was named before); elsewhere "the period" is no time of its own.
    """
    if ctx.last_quarter is None:
        return None
    which = (m["which"] or "").lower().replace("-", " ")
    if which in ("year earlier", "year ago", "comparable", "corresponding"):
        return Found("DATE", _shift_value(ctx.last_quarter, -4))
    return Found("DATE", ctx.last_quarter)


def _year_period(m: re.Match[str], ctx: Context) -> Found | None:
    """"the 1988 period" in an earnings report is that year's instance of the quarter under discussion."""
    if ctx.last_quarter:
        return Found("DATE", f"{m['year']}-Q{ctx.last_quarter[-1]}")
    return Found("DATE", m["year"])


_YEAR_AGO = ("year earlier", "year ago", "year-earlier", "year-ago")


def _quarter(m: re.Match[str], ctx: Context) -> Found | None:
    word = (m["ord"] or "").lower().replace("-", " ")
    explicit = m["year"] or m["qyear"]
    if m["yrel"] and ctx.dct is not None:
        explicit = str(ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()])
    found = _quarter_of_named_year(m, ctx, word, explicit)
    if found is not None:
        return found
    found = _quarter_ended(m, ctx, word)
    if found is not None:
        return found
    if word in ORDINALS or word == "final" or word == "last" and explicit:
        return _ordinal_quarter(m, ctx, word, explicit)
    if ctx.dct is None:
        return Found("DATE", None)
    value = _relative_quarter(m, ctx, ctx.dct, word)
    if word not in _YEAR_AGO:
        ctx.last_quarter = value
    return Found("DATE", value)


def _quarter_digit(ctx: Context) -> str:
    """The number of the quarter under discussion (else the last one completed, else 1)."""
    return (ctx.last_quarter or _last_quarter(ctx) or "Q1")[-1]


def _quarter_of_named_year(m: re.Match[str], ctx: Context, word: str, explicit: str | None) -> Found | None:
    """"last year's quarter", "the 1988 quarter" (no ordinal): the quarter under discussion, in that year."""
    if word in ORDINALS or word in ("final", "last"):
        return None
    if m["yrel"] and ctx.dct is not None:
        return Found("DATE", f"{explicit}-Q{_quarter_digit(ctx)}")
    if m["qyear"]:
        return Found("DATE", f"{m['qyear']}-Q{_quarter_digit(ctx)}")
    return None


def _quarter_ended(m: re.Match[str], ctx: Context, word: str) -> Found | None:
    """"the quarter ended Sept. 30": the calendar quarter holding that day (now the one under discussion)."""
    ended = _QUARTER_ENDED.match(m.string, m.end())
    if ended is None or word in ORDINALS or ctx.dct is None:
        return None
    month = month_number(ended["month"])
    year = _year_for(ctx, month, int(re.sub(r"\D", "", ended["day"])), m.start(), m.end()) or ctx.dct.year
    value = f"{year:04d}-Q{(month - 1) // 3 + 1}"
    ctx.last_quarter = value
    return Found("DATE", value)


def _ordinal_quarter(m: re.Match[str], ctx: Context, word: str, explicit: str | None) -> Found | None:
    """"the third quarter (of 2024)", "the final quarter"; it becomes the quarter under discussion."""
    q = 4 if word in ("final", "last") else ORDINALS[word]
    if q > 4:
        return None
    if explicit:
        year = int(explicit)
    elif ctx.dct is None:
        return Found("DATE", None)
    else:
        # a quarter later in the year than the DCT's is last year's, unless the text looks ahead
        year = ctx.dct.year
        if q > cal.quarter_of(ctx.dct) and ctx.tense(m.start(), m.end()) != "future":
            year -= 1
    value = f"{year:04d}-Q{q}"
    ctx.last_quarter = value
    return Found("DATE", value)


def _relative_quarter(m: re.Match[str], ctx: Context, dct: date, word: str) -> str:
    """"the year-earlier quarter", "this quarter", "next quarter", "last quarter", "the (same, latest) quarter"."""
    if word in _YEAR_AGO:
        return _shift_value(ctx.last_quarter or _last_quarter(ctx) or "", -4)
    if word in ("current", "this"):
        return cal.value_at(dct, "Q")
    if word in ("next", "coming"):
        return cal.value_at(cal.shift(dct, "Q", 1), "Q")
    if word in ("previous", "last", "prior", "preceding") and not m["the"]:
        return cal.value_at(cal.shift(dct, "Q", -1), "Q")
    # "the quarter", "the latest quarter", "the same quarter": the one under discussion
    return ctx.last_quarter or _last_quarter(ctx) or ""


def _part_year(ctx: Context, n: int, per_year: int, start: int, end: int) -> int | None:
    """The year of an unyeared quarter or half: a part later in the year than the DCT's is last year's,
    unless the text looks ahead (as for "the fourth quarter")."""
    if ctx.dct is None:
        return None
    current = (ctx.dct.month - 1) * per_year // 12 + 1
    if n > current and ctx.tense(start, end) != "future":
        return ctx.dct.year - 1
    return ctx.dct.year


def _half_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"the first half of 2024", "H2 2023", "the second half": TimeML ``2024-H1``."""
    word = (m["ord"] or "").lower()
    n = int(m["h"] or m["h2"] or (1 if word in ("first", "1st") else 2))
    year_text = m["year"] or m["hyear"]
    if year_text:
        year: int | None = int(year_text)
    elif m["yrel"] and ctx.dct is not None:
        year = ctx.dct.year + (1 if m["yrel"].lower() == "next" else -1)
    else:
        year = _part_year(ctx, n, 2, m.start(), m.end())
    return Found("DATE", None if year is None else f"{year:04d}-H{n}")


def _quarter_code(m: re.Match[str], ctx: Context) -> Found | None:
    """"Q3", "3Q 2024": the quarter-code shorthand of business news."""
    n = int(m["q"] or m["q2"])
    year = int(m["year"]) if m["year"] else _part_year(ctx, n, 4, m.start(), m.end())
    if year is None:
        return Found("DATE", None)
    value = f"{year:04d}-Q{n}"
    ctx.last_quarter = value
    return Found("DATE", value)


def _year_earlier_adj(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found("DATE", None)
    if ctx.last_quarter:
        return Found("DATE", _shift_value(ctx.last_quarter, -4))
    return Found("DATE", str(ctx.dct.year - 1))


def _fiscal_year(m: re.Match[str], ctx: Context) -> Found | None:
    return Found("DATE", m["year"])
