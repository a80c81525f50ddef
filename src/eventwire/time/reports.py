"""Normalisers of the business calendar: quarters, halves, fiscal years and an earnings report's periods.

Financial news names its periods relative to the report it is in ("the quarter", "the year-earlier
period", "a year ago"): :attr:`Context.last_quarter` carries the quarter under discussion from one
sentence to the next.
"""

from __future__ import annotations

import re

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


def _quarter(m: re.Match[str], ctx: Context) -> Found | None:
    word = (m["ord"] or "").lower().replace("-", " ")
    explicit = m["year"] or m["qyear"]
    if m["yrel"] and ctx.dct is not None:
        explicit = str(ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()])
        if word not in ORDINALS and word not in ("final", "last"):
            value = f"{explicit}-Q{(ctx.last_quarter or _last_quarter(ctx) or 'Q1')[-1]}"
            return Found("DATE", value)
    if m["qyear"] and word not in ORDINALS and word not in ("final", "last"):
        return Found("DATE", f"{m['qyear']}-Q{(ctx.last_quarter or _last_quarter(ctx) or 'Q1')[-1]}")
    ended = _QUARTER_ENDED.match(m.string, m.end())
    if ended is not None and word not in ORDINALS and ctx.dct is not None:
        # "the quarter ended Sept. 30": the calendar quarter holding that day
        month = month_number(ended["month"])
        year = _year_for(ctx, month, int(re.sub(r"\D", "", ended["day"])), m.start(), m.end()) or ctx.dct.year
        value = f"{year:04d}-Q{(month - 1) // 3 + 1}"
        ctx.last_quarter = value
        return Found("DATE", value)
    if word in ORDINALS or word == "final" or word == "last" and explicit:
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
    elif ctx.dct is None:
        return Found("DATE", None)
    elif word in ("year earlier", "year ago", "year-earlier", "year-ago"):
        value = _shift_value(ctx.last_quarter or _last_quarter(ctx) or "", -4)
    elif word in ("current", "this"):
        value = cal.value_at(ctx.dct, "Q")
    elif word in ("next", "coming"):
        value = cal.value_at(cal.shift(ctx.dct, "Q", 1), "Q")
    elif word in ("previous", "last", "prior", "preceding") and not m["the"]:
        value = cal.value_at(cal.shift(ctx.dct, "Q", -1), "Q")
    elif word in ("same", "that"):
        value = ctx.last_quarter or _last_quarter(ctx) or ""
    else:  # "the quarter", "the latest quarter"
        value = ctx.last_quarter or _last_quarter(ctx) or ""
    if word not in ("year earlier", "year ago", "year-earlier", "year-ago"):
        ctx.last_quarter = value
    return Found("DATE", value)


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
