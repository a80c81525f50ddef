"""The grammar: one rule per kind of English temporal expression, each a regex and a normaliser.

A rule's normaliser turns its match into a TIMEX3 type and value, reading the document creation time
(DCT) and the tense around the expression from a :class:`Context`. Span conventions follow TimeML:
a leading preposition is left out ("on [Tuesday]"), determiners and modifiers are kept ("[the past six
months]", "[early June]", "[less than two weeks]").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar as cal
from .lexicon import (
    APPROX,
    APPROX_RE,
    DAY_PARTS,
    DAYNUM,
    MODIFIERS,
    MONTH,
    NUMBER,
    ORDINALS,
    SEASONS,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    month_number,
    number_value,
)

Tense = str | None  # "past" | "future" | None (unknown)


@dataclass(slots=True)
class Context:
    """What a normaliser may read: the DCT, the tense at a span, and what the document said before.

    One per document (``last_quarter`` carries "the third quarter … a year earlier" across sentences).
    """

    dct: date | None
    tense: Callable[[int, int], Tense]
    last_quarter: str | None = None
    last_date: str | None = None  # the latest calendar date named (for "that day", "later that year")

    def remember(self, found: Found) -> None:
        value = found.value or ""
        if found.type in ("DATE", "TIME") and re.match(r"\d{4}(?:-\d\d){0,2}(?:T|$)", value):
            self.last_date = value.split("T")[0]


@dataclass(frozen=True, slots=True)
class Found:
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None


Normaliser = Callable[[re.Match[str], Context], Found | None]
Check = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    accept: Check | None = None  # a cheap veto on the match in its text (ambiguous words)
    keys: tuple[str, ...] = ()  # lower-case substrings one of which must occur for the rule to fire ("#": a digit)


def _group(m: re.Match[str] | _Swap, name: str) -> str | None:
    """A named group of ``m``, or ``None`` where its pattern has no such group."""
    try:
        return m[name]
    except IndexError:
        return None


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().strip(" -")
    for key, mod in MODIFIERS.items():
        if w.startswith(key):
            return mod
    return None


# --------------------------------------------------------------------------- choosing a year


def _pick(cands: list[date], dct: date, tense: Tense, near_days: int) -> date:
    """The candidate the tense points at: on/before the DCT for past, on/after for future.

    A candidate within ``near_days`` of the DCT wins regardless of tense (tense cues are noisy, and
    a writer says the year when the date is far away).
    """
    nearest = min(cands, key=lambda c: (abs((c - dct).days), c > dct))
    if abs((nearest - dct).days) <= near_days:
        return nearest
    if tense is None:
        # news tells of the past far more than of the future: a later date must be clearly nearer
        past = [c for c in cands if c <= dct]
        if past and nearest > dct and (dct - max(past)).days <= 1.5 * (nearest - dct).days:
            return max(past)
        return nearest
    if tense == "past":
        past = [c for c in cands if c <= dct]
        return max(past) if past else nearest
    future = [c for c in cands if c >= dct]
    return min(future) if future else nearest


def _year_for(ctx: Context, month: int, day: int | None, start: int, end: int) -> int | None:
    dct = ctx.dct
    if dct is None:
        return None
    tense = ctx.tense(start, end)
    if day is None:
        cands = [date(dct.year + k, month, 1) for k in (-1, 0, 1)]
        return _pick(cands, dct.replace(day=1), tense, 62).year
    cands = []
    for k in (-1, 0, 1):
        try:
            cands.append(date(dct.year + k, month, day))
        except ValueError:  # 29 February
            continue
    if not cands:
        return None
    return _pick(cands, dct, tense, 90).year


def _weekday(ctx: Context, wd: int, rel: str | None, start: int, end: int) -> date | None:
    dct = ctx.dct
    if dct is None:
        return None
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    rel = (rel or "").lower()
    if rel in ("last", "past", "previous"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return dct + timedelta(days=fwd or 7)
    if rel == "this":
        return dct - timedelta(days=dct.weekday()) + timedelta(days=wd)
    tense = ctx.tense(start, end)
    if tense == "future":
        return dct + timedelta(days=fwd)
    return dct - timedelta(days=back)


# --------------------------------------------------------------------------- normalisers


def _full_date(m: re.Match[str], ctx: Context) -> Found | None:
    day = int(re.sub(r"\D", "", m["day"])) if m["day"] else None
    month = month_number(m["month"])
    year = int(m["year"]) if m["year"] else None
    rel = (_group(m, "rel") or "").lower()
    yrel = (_group(m, "yrel") or "").lower()
    if yrel and ctx.dct is not None:  # "February this year", "July last year"
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yrel]
    if year is None and rel and ctx.dct is not None:
        # "last March" is the latest March before the DCT's month; "next March" the first after it
        back = (ctx.dct.month - month) % 12 or 12
        fwd = (month - ctx.dct.month) % 12 or 12
        if rel in ("last", "past"):
            year = cal.add_months(ctx.dct, -back).year
        elif rel in ("next", "coming"):
            year = cal.add_months(ctx.dct, fwd).year
        else:
            year = ctx.dct.year
    if year is None:
        if day is None:
            year = _year_for(ctx, month, None, m.start(), m.end())
        else:
            year = _year_for(ctx, month, day, m.start(), m.end())
    mod = _mod(m["mod"])
    if year is None:
        if ctx.dct is not None:
            return None  # no calendar year has this day ("31 April")
        return Found("DATE", None, mod)
    if day is None:
        return Found("DATE", f"{year:04d}-{month:02d}", mod)
    try:
        return Found("DATE", date(year, month, day).isoformat(), mod)
    except ValueError:
        return None


def _numeric_date(m: re.Match[str], ctx: Context) -> Found | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    try:
        return Found("DATE", date(y, int(m["mo"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def _year(m: re.Match[str], ctx: Context) -> Found | None:
    return Found("DATE", m["year"], _mod(m["mod"]))


def _decade(m: re.Match[str], ctx: Context) -> Found | None:
    if m["dec"]:
        return Found("DATE", m["dec"][:3], _mod(m["mod"]))
    # "the '90s": the century nearest the DCT (or the 1900s without one, the usual reading)
    two = int(m["dec2"][:1])
    century = 19 if ctx.dct is None or two * 10 > ctx.dct.year % 100 + 10 else ctx.dct.year // 100
    return Found("DATE", f"{century}{two}", _mod(m["mod"]))


def _century(m: re.Match[str], ctx: Context) -> Found | None:
    n = ORDINALS.get(m["ord"].lower()) if m["ord"] else None
    if n is None:
        n = int(re.sub(r"\D", "", m["nth"] or "0") or 0)
    if not 1 <= n <= 21:
        return None
    return Found("DATE", f"{n - 1:02d}", _mod(m["mod"]))


def _weekday_rule(m: re.Match[str], ctx: Context) -> Found | None:
    name = m["wd"].lower()
    if name.endswith("s"):  # "on Mondays": a set
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[name[:-1]] + 1}")
    day = _weekday(ctx, WEEKDAYS[name], m["rel"], m.start(), m.end())
    if day is None:
        return Found("DATE", None)
    part = m["part"]
    if part:
        return Found("TIME", f"{day.isoformat()}T{DAY_PARTS[part.lower()]}")
    return Found("DATE", day.isoformat())


_REL_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _relative_day(m: re.Match[str], ctx: Context) -> Found | None:
    word = m["word"].lower()
    if word.startswith("the day before"):
        off = -2
    elif word.startswith("the day after"):
        off = 2
    elif word in ("last night", "overnight"):
        off = -1 if word == "last night" else 0
    else:
        off = _REL_DAYS.get(word.split()[-1], 0)
    mod = _mod(m["mod"])
    if ctx.dct is None:
        return Found("TIME" if m["part"] or word in ("last night", "this morning") else "DATE", None, mod)
    day = (ctx.dct + timedelta(days=off)).isoformat()
    part = m["part"] or (word.split()[-1] if word.split()[-1] in DAY_PARTS else None)
    if word == "tonight":
        part = None
    if part:
        return Found("TIME", f"{day}T{DAY_PARTS[part.lower()]}", mod)
    return Found("DATE", day, mod)


_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "recent": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}


def _ref(m: re.Match[str], ctx: Context) -> Found | None:
    key = " ".join(m["word"].lower().split())
    return Found("DATE", _REF_WORDS[key] if ctx.dct is not None else None)


def _recent_units(m: re.Match[str], ctx: Context) -> Found | None:
    # "in recent weeks", "in the coming months": TimeML writes a vague duration (PXW, PXM)
    unit = UNITS[m["unit"].lower().rstrip("s")]
    return Found("DURATION", f"P{_dur_unit(unit, 'X')}")


def _dur_unit(unit: str, n: float | str) -> str:
    """TimeML duration body for ``n`` units (``P2W``, ``PT5H``, ``P10Y`` for a decade)."""
    if unit == "2W":
        unit, n = "W", (n * 2 if isinstance(n, (int, float)) else n)
    if unit == "DE":
        return f"{n * 10 if isinstance(n, (int, float)) else 'X'}Y" if n != "X" else "XDE"
    if unit == "CE":
        return f"{n * 100 if isinstance(n, (int, float)) else 'X'}Y" if n != "X" else "XCE"
    if isinstance(n, float) and not n.is_integer():
        n = str(n)
    if unit in ("H", "MIN", "S"):
        return f"T{n}{'M' if unit == 'MIN' else unit}"
    return f"{n}{unit}"


def _duration_value(unit: str, n: float | None) -> str:
    return "P" + _dur_unit(unit, "X" if n is None else n)


_DATE_UNIT = {"D": "D", "W": "W", "2W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE"}


def _n_units(m: re.Match[str], ctx: Context) -> Found | None:
    unit = UNITS[m["unit"].lower().rstrip("s").replace("centurie", "century")]
    n = number_value(m["num"])
    mod = APPROX.get(" ".join(m["approx"].lower().split())) if m["approx"] else None
    post = (m["post"] or "").strip().lower()
    if post in ("ago", "earlier", "before now") and unit in _DATE_UNIT:
        if ctx.dct is None:
            return Found("DATE", None, mod)
        if n is None or not float(n).is_integer():
            return Found("DATE", "PAST_REF", mod)
        n = int(n)
        if unit == "Y" and n == 1 and ctx.last_quarter:
            # financial reports: "the third quarter … a year earlier" is the year-earlier quarter
            return Found("DATE", _shift_value(ctx.last_quarter, -4), mod)
        steps = n * 2 if unit == "2W" else n
        when = cal.shift(ctx.dct, "W" if unit == "2W" else unit, -steps)
        return Found("DATE", cal.value_at(when, _DATE_UNIT[unit]), mod)
    if post in ("from now", "hence") and unit in _DATE_UNIT:
        if ctx.dct is None or n is None or not float(n).is_integer():
            return Found("DATE", None if ctx.dct is None else "FUTURE_REF", mod)
        steps = int(n) * (2 if unit == "2W" else 1)
        when = cal.shift(ctx.dct, "W" if unit == "2W" else unit, steps)
        return Found("DATE", cal.value_at(when, _DATE_UNIT[unit]), mod)
    if post == "later":  # anchored on another event, not on the DCT: a duration we can state
        return Found("DURATION", _duration_value(unit, n), mod)
    return Found("DURATION", _duration_value(unit, n), mod)


def _shift_value(value: str, quarters: int) -> str:
    y, q = int(value[:4]), int(value[-1])
    index = y * 4 + (q - 1) + quarters
    return f"{index // 4:04d}-Q{index % 4 + 1}"


_PERIOD_UNITS = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
                 "century": "CE", "day": "D"}


def _relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    rel = " ".join(m["rel"].lower().split())
    word = m["unit"].lower()
    mod = _mod(m["pre"])
    if word in SEASONS:
        return _season(ctx, SEASONS[word], rel, mod)
    unit = _PERIOD_UNITS[word]
    if rel == "past" and unit in ("DE", "CE"):
        # "over the past decade": the ten years up to now (TimeBank: a duration)
        return Found("DURATION", _duration_value(unit, 1), mod)
    if ctx.dct is None:
        return Found("DATE", None, mod)
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel.removeprefix("the "), 0)
    if unit == "WE":
        saturday = ctx.dct - timedelta(days=ctx.dct.weekday()) + timedelta(days=5 + 7 * step)
        if step == 0 and ctx.tense(m.start(), m.end()) == "past" and ctx.dct.weekday() < 5:
            saturday -= timedelta(days=7)
        year, week, _ = saturday.isocalendar()
        return Found("DATE", f"{year}-W{week:02d}-WE", mod)
    if unit == "Q" and rel in ("latest", "the latest", "the most recent", "most recent"):
        return Found("DATE", _last_quarter(ctx), mod)
    when = cal.shift(ctx.dct, unit, step)
    return Found("DATE", cal.value_at(when, unit), mod)


def _last_quarter(ctx: Context) -> str | None:
    """The latest completed quarter before the DCT: what "the quarter" means in an earnings report."""
    if ctx.dct is None:
        return None
    return cal.value_at(cal.shift(ctx.dct, "Q", -1), "Q")


def _season(ctx: Context, code: str, rel: str, mod: str | None) -> Found | None:
    """A season by the year it starts in; "last summer" is the latest one already over at the DCT."""
    if ctx.dct is None:
        return Found("DATE", None, mod)
    first = cal.SEASON_MONTHS[code][0]
    dct = ctx.dct

    def start(year: int) -> date:
        return date(year, first, 1)

    def over(year: int) -> bool:
        return cal.add_months(start(year), 3) <= dct

    if rel in ("last", "past", "previous", "the past", "the last"):
        year = dct.year if over(dct.year) else dct.year - 1
    elif rel in ("next", "coming", "the coming", "the next"):
        year = dct.year if start(dct.year) > dct else dct.year + 1
    else:  # "this winter" in January is the winter that began last December
        year = dct.year - 1 if code == "WI" and dct.month < 3 else dct.year
    return Found("DATE", f"{year:04d}-{code}", mod)


def _bare_season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return Found("DATE", f"{m['year']}-{code}", _mod(m["mod"]))
    return _season(ctx, code, "this", _mod(m["mod"]))


_SPOKEN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_TENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")


def _spoken_year(m: re.Match[str], ctx: Context) -> Found | None:
    """Broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    words = re.sub(r"[\s-]+", " ", m["year"].lower()).removeprefix("the year ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        year = 2000 + (number_value(" ".join(rest)) or 0 if rest else 0)
    else:
        century = {"nineteen": 1900, "eighteen": 1800}[words[0]]
        tail = number_value(" ".join(words[1:]))
        if not isinstance(tail, int):
            return None
        year = century + tail
    if m["month"]:
        return Found("DATE", f"{int(year):04d}-{month_number(m['month']):02d}")
    return Found("DATE", f"{int(year):04d}")


def _the_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    """"the weekend": the one just past in past-tense text, the coming one otherwise."""
    if ctx.dct is None:
        return Found("DATE", None)
    monday = ctx.dct - timedelta(days=ctx.dct.weekday())
    saturday = monday + timedelta(days=5)
    if ctx.tense(m.start(), m.end()) == "past" and saturday > ctx.dct:
        saturday -= timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return Found("DATE", f"{year}-W{week:02d}-WE")


_QUARTER_ENDED = re.compile(rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<month>{MONTH})\s+(?P<day>{DAYNUM})")


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


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


def _anaphoric(m: re.Match[str], ctx: Context) -> Found | None:
    """"that year", "later that month": the period of the date the text named last."""
    last = ctx.last_date
    if last is None:
        return Found("DATE", None)
    size = {"day": 10, "month": 7, "year": 4}[m["unit"].lower()]
    if len(last) < size:
        return Found("DATE", None)
    return Found("DATE", last[:size], _mod(m["mod"]))


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


def _year_earlier_adj(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found("DATE", None)
    if ctx.last_quarter:
        return Found("DATE", _shift_value(ctx.last_quarter, -4))
    return Found("DATE", str(ctx.dct.year - 1))


def _fiscal_year(m: re.Match[str], ctx: Context) -> Found | None:
    return Found("DATE", m["year"])


def _set(m: re.Match[str], ctx: Context) -> Found | None:
    word = m["word"].lower()
    adverbs = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W"}
    if word in adverbs:
        return Found("SET", adverbs[word])
    unit_word = m["unit"].lower()
    if unit_word.rstrip("s") in WEEKDAYS:
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[unit_word.rstrip('s')] + 1}")
    unit = UNITS.get(unit_word.rstrip("s"), "D")
    n = number_value(m["num"]) if m["num"] else (2 if m["other"] else 1)
    return Found("SET", _duration_value(unit, n if isinstance(n, int) else 1))


def _clock(m: re.Match[str], ctx: Context) -> Found | None:
    hour = int(m["h"])
    minute = int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    if ctx.dct is None:
        return Found("TIME", None)
    day = _day_of(ctx, m["day"], m.start(), m.end())
    if m["cmonth"]:  # "5 p.m. EST Nov. 9"
        month, dnum = month_number(m["cmonth"]), int(re.sub(r"\D", "", m["cday"]))
        year = _year_for(ctx, month, dnum, m.start(), m.end())
        if year is None:
            return None
        try:
            day = date(year, month, dnum)
        except ValueError:
            return None
    return Found("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}")


def _noon(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found("TIME", None)
    hour = "12:00" if m["word"].lower() == "noon" else "24:00"
    return Found("TIME", f"{_day_of(ctx, m['day'], m.start(), m.end()).isoformat()}T{hour}")


def _day_of(ctx: Context, tail: str | None, start: int, end: int) -> date:
    """The day a clock time names: its own "yesterday"/"Friday", else the DCT."""
    assert ctx.dct is not None
    word = (tail or "").lower()
    if word in _REL_DAYS:
        return ctx.dct + timedelta(days=_REL_DAYS[word])
    if word in WEEKDAYS:
        return _weekday(ctx, WEEKDAYS[word], None, start, end) or ctx.dct
    return ctx.dct


def _day_part(m: re.Match[str], ctx: Context) -> Found | None:
    """"this morning", "this evening": a part of the DCT's day."""
    if ctx.dct is None:
        return Found("TIME", None, _mod(m["mod"]))
    return Found("TIME", f"{ctx.dct.isoformat()}T{DAY_PARTS[m['part'].lower()]}", _mod(m["mod"]))


def _edge_of_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """"the end of the year", "year-end": the current unit with a START/MID/END modifier."""
    unit = _PERIOD_UNITS[m["unit"].lower()]
    mod = _mod(m["edge"])
    if ctx.dct is None:
        return Found("DATE", None, mod)
    rel = (m["rel"] or "").lower()
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "WE":
        return None
    return Found("DATE", cal.value_at(cal.shift(ctx.dct, unit, step), unit), mod)


_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26)}


def _holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = m["word"].lower().replace("’", "'")
    if name.startswith("thanksgiving"):
        if ctx.dct is None:
            return Found("DATE", None)
        year = _year_for(ctx, 11, 25, m.start(), m.end()) or ctx.dct.year
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return Found("DATE", thursday.isoformat())
    month, day = _HOLIDAYS[name]
    if m["year"]:
        return Found("DATE", date(int(m["year"]), month, day).isoformat())
    year = _year_for(ctx, month, day, m.start(), m.end())
    return Found("DATE", None if year is None else date(year, month, day).isoformat())


# --------------------------------------------------------------------------- vetoes


_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|people|persons|men|women|troops|soldiers|members|feet|foot|meters?|metres?|miles?|"
    r"km|kilometers?|tons?|tonnes?|units|cars|homes|jobs|workers|employees|shares|barrels|dollars|yuan|"
    r"euros|pounds|points|votes|seats|deaths|cases|acres|hectares|students|copies|times|"
    r"(?:-|\s)?(?:square|cubic))\b",
    re.IGNORECASE,
)
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\$|€|£|No\.\s*|#|flight\s+|route\s+|number\s+|about\s+|some\s+|"
                                r"nearly\s+|over\s+|than\s+|[\d.,])$", re.IGNORECASE)


def _plausible_year(m: re.Match[str], text: str) -> bool:
    if _NOT_A_YEAR_AFTER.match(text, m.end()):
        return False
    return not _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 8):m.start()])


_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|since|until|till|by|last|next|this|early|late|mid|of|during|"
                            r"through|from|between|and|to|before|after|around|until|or|each|every|"
                            r"on|for|that|previous|past)\s+|-)$", re.IGNORECASE)


def _plausible_month(m: re.Match[str], text: str) -> bool:
    """A lone "May" or "March" must look like a date ("in May"), not a modal or a verb ("May said")."""
    if m["day"] or m["year"] or m["mod"] or _group(m, "rel"):
        return True
    word = m["month"].rstrip(".")
    if word not in ("May", "March", "Mar", "Jan", "Sep", "Dec", "Jun", "Jul", "Aug", "Oct", "Nov", "Feb",
                    "Apr", "Sept"):
        return True
    if word != "May" and word != "March" and not m["month"].endswith("."):
        return False  # bare "Jan"/"Dec" without a dot are names more often than months
    return bool(_MONTH_CONTEXT.search(text[max(0, m.start() - 12):m.start()]))


_AMOUNT_BEFORE = re.compile(r"(?:\d|cents?|dollars?|euros?|pounds?|yuan|yen|times|percent|%|million|billion|"
                            r"thousand|[a-z]{3,}s)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"-?\s*old\b", re.IGNORECASE)


def _plausible_units(m: re.Match[str], text: str) -> bool:
    """Vetoes "three-quarters" (a fraction), "$5 a year" (a rate) and "a day-long" (an adjective)."""
    num = m["num"].lower()
    unit = m["unit"].lower()
    if num in ("a", "an") and unit == "second" and not m["pre"]:
        return False  # "a second round": the ordinal, not one second
    if len(num) == 4 and num.isdigit():
        return False  # "the 1988 quarter" is a year's quarter, not 1,988 quarters
    if unit.startswith("quarter") and not m["pre"] and (num in ("a", "an") or "-" in m.group(0)):
        return False
    if _AGE_AFTER.match(text, m.end()):
        return False  # "52 years old", "a 136-year-old firm": an age, not a time
    return not (num in ("a", "an") and not m["pre"] and not m["post"] and not m["approx"] and (
        text[m.end():m.end() + 1] == "-" or _AMOUNT_BEFORE.search(text[max(0, m.start() - 12):m.start()])))


_NOT_A_REF_AFTER = re.compile(r"\s*(?:account|affairs|events|prices?|president|chairman|members?|that)\b", re.IGNORECASE)


def _plausible_ref(m: re.Match[str], text: str) -> bool:
    word = m["word"].lower()
    if word in ("soon", "shortly") and (text[max(0, m.start() - 3):m.start()].lower() == "as "
                           or re.match(r"\s+(?:after|before)\b", text[m.end():m.end() + 8])):
        return False  # "as soon as", "soon after X": relative to another event, not to the DCT
    if word in ("current", "recent", "future", "once"):
        if word == "once":
            # "once" is a time only as "once [clause]" in past narration; most uses are "at once"/"once a"
            return False
        if word == "current" and _NOT_A_REF_AFTER.match(text, m.end()):
            return False
        if word == "future" and text[max(0, m.start() - 4):m.start()].lower().endswith("the "):
            return True
    return True


# --------------------------------------------------------------------------- the rules


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_MODP = r"(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)"

RULES: tuple[Rule, ...] = (
    Rule("month_date", _rx(
        rf"\b(?:{WEEKDAY},?\s+)?(?:{_MODP})?(?:(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\b(?:,?\s+(?P<year>{YEAR4})\b)?"
        rf"|(?P<dayb>{DAYNUM})\s+(?:of\s+)?(?P<monthb>{MONTH})(?:,?\s+(?P<yearb>{YEAR4})\b)?)"),
        lambda m, c: _full_date(_Swap(m), c)),
    Rule("month_year", _rx(rf"\b(?:(?P<rel>this|last|next|coming|past)\s+)?{_MODP}?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR4})\b"
                           rf"|\s+(?P<yrel>this|last|next)\s+year\b)?(?P<day>)"),
         _full_date, _plausible_month),
    Rule("iso_date", _rx(r"\b(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)\b"), _numeric_date),
    Rule("us_date", _rx(r"\b(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)\b"),
         _numeric_date),
    Rule("year", _rx(rf"(?<![\w$.-]){_MODP}?(?:the\s+year\s+)?(?P<year>{YEAR4})\b(?![-/.]\d)(?!,\d)"), _year,
         _plausible_year),
    Rule("fiscal_year", _rx(rf"\bfiscal(?:\s+year)?\s+(?P<year>{YEAR4})\b"), _fiscal_year),
    Rule("decade", _rx(rf"\b(?:the\s+)?{_MODP}?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s)\b"), _decade),
    Rule("century", _rx(rf"\b(?:the\s+)?{_MODP}?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|"
                        r"eighth|ninth|tenth)|(?P<nth>\d{1,2}(?:st|nd|rd|th)))[\s-]+century\b"), _century),
    Rule("weekday", _rx(rf"\b(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{WEEKDAY}s?)\b"
                        r"(?:\s+(?P<part>morning|afternoon|evening|night))?"), _weekday_rule),
    Rule("relative_day", _rx(
        r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
        r"|today|tonight|yesterday|tomorrow|last\s+night|overnight)\b(?:\s+(?P<part>morning|afternoon|evening|night))?"),
        _relative_day),
    Rule("day_part", _rx(r"\b(?:(?P<mod>early|late|earlier|later)\s+)?this\s+(?P<part>morning|afternoon|evening)\b"),
         _day_part),
    Rule("relative_unit", _rx(
        r"\b(?P<pre>(?:earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?"
        r"(?P<rel>this|last|next|past|coming|previous|current|following|latest|the\s+(?:past|last|next|coming|"
        r"previous|current|following|latest|most\s+recent)|most\s+recent)\s+(?:fiscal\s+)?"
        r"(?P<unit>week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)\b"),
        _relative_unit),
    Rule("season", _rx(rf"\b{_MODP}?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?\b"),
         _bare_season, lambda m, t: bool(m["year"] or m["mod"]) or bool(
             re.search(r"\b(?:in|this|during|the|by|until|since|over)\s+$", t[max(0, m.start() - 8):m.start()],
                       re.IGNORECASE))),
    Rule("n_units", _rx(
        rf"\b(?:(?P<pre>(?:the\s+)?(?:past|last|next|coming|first|final|previous|following|latest|"
        rf"initial|remaining|same|other)\s+)|the\s+)?(?:(?P<approx>{APPROX_RE})\s+)?(?P<num>{NUMBER})"
        rf"(?:\s+more)?[\s-]+(?P<unit>{UNIT})s?\b(?:(?P<post>\s+(?:ago|earlier|later|from\s+now|hence)))?"),
        _n_units, lambda m, t: _plausible_units(m, t)),
    Rule("quarter", _rx(
        rf"\b(?P<the>the\s+)?(?:(?P<yrel>this|last|next)\s+year['’]s\s+|(?P<qyear>{YEAR4})\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|"
        rf"this|next|coming|previous|prior|preceding|same|year[- ]earlier|year[- ]ago)[\s-]+)?"
        rf"(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR4}))?"),
        _quarter, lambda m, t: bool(m["the"] or m["ord"] or m["yrel"])),
    Rule("spoken_year", _rx(
        rf"\b(?:(?P<month>{MONTH})\s+)?(?P<year>(?:nineteen|eighteen)[\s-]+(?:{_SPOKEN_TENS})(?:[\s-]+(?:{_SPOKEN_ONES}))?"
        rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:{_SPOKEN_ONES}))?)\b"
        r"(?!\s+(?:years|days|weeks|months|people|dollars|troops|soldiers|men|women))"),
        _spoken_year),
    Rule("weekend", _rx(r"\bthe\s+weekend\b"), _the_weekend),
    Rule("report_period", _rx(r"\b(?:the|that)\s+(?:(?P<which>latest|same|year[- ]earlier|year[- ]ago|comparable|"
                              r"corresponding|current)\s+)?period\b"),
         _report_period),
    Rule("decade_word", _rx(r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]*)?(?P<word>twenties|thirties|forties|fifties|"
                            r"sixties|seventies|eighties|nineties)\b"),
         lambda m, c: Found("DATE", "19" + str(_DECADE_WORDS.index(m["word"].lower()) + 2), _mod(m["mod"]))),
    Rule("year_period", _rx(rf"\bthe\s+(?P<year>{YEAR4})\s+period\b"), _year_period),
    Rule("year_earlier", _rx(r"\b(?:the\s+)?year[- ](?:earlier|ago)\b(?:\s+(?:period|quarter|level))?"),
         _year_earlier_adj),
    Rule("year_ended", _rx(rf"\bthe\s+(?:(?P<kind>fiscal|full|calendar)\s+)?year(?=\s+(?:ended|ending)\s+{MONTH})"),
         lambda m, c: Found("DURATION", "P1Y")),
    Rule("the_year", _rx(r"(?:(?<=\bfor\s)|(?<=\bof\s))the\s+(?:full\s+|whole\s+|entire\s+)?year\b(?!\s+(?:ended|ending|to|before|after|of|in|when|that|since|\d))"),
         lambda m, c: Found("DATE", None if c.dct is None else f"{c.dct.year:04d}")),
    Rule("anaphoric", _rx(r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?:in\s+)?that\s+(?:same\s+)?(?P<unit>day|month|year)\b"),
         _anaphoric),
    Rule("bare_units", _rx(r"\b(?:the\s+(?:coming\s+|past\s+|last\s+|next\s+)?)?(?P<unit>days|weeks|months|years|decades)"
                           r"(?:\s+ahead)?\b(?!\s+(?:ago|of|old|later|earlier))"),
         lambda m, c: Found("DURATION", _duration_value(UNITS[m["unit"].lower()[:-1]], None)),
         lambda m, t: m.group(0).lower().startswith("the") or bool(
             re.search(r"\b(?:within|for|in|over|after)\s+$", t[max(0, m.start() - 8):m.start()], re.IGNORECASE))),
    Rule("ref", _rx(r"\b(?P<word>right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|"
                    r"at\s+the\s+moment|recently|lately|the\s+past|formerly|the\s+near\s+future|"
                    r"the\s+future|soon|shortly|current|recent)\b(?!-)"), _ref, _plausible_ref),
    Rule("recent_units", _rx(r"\b(?P<rel>recent|coming)\s+(?P<unit>days|weeks|months|years|decades)\b"),
         _recent_units),
    Rule("set", _rx(rf"\b(?:(?P<word>daily|nightly|weekly|monthly|annually|yearly|hourly|biweekly)|"
                    rf"(?P<word2>every|each)\s+(?P<other>other\s+)?(?:(?P<num>{NUMBER})\s+)?"
                    rf"(?P<unit>{UNIT}|{WEEKDAY})s?)\b"),
         lambda m, c: _set(_Swap(m, word="word2"), c),
         lambda m, t: not (m["word"] and m["word"].lower() in ("daily", "weekly", "monthly")
                           and re.match(r"\s+[A-Z]", t[m.end():m.end() + 2]))),
    Rule("clock", _rx(r"(?<![:\d.])\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\b\.?)"
                      r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|local\s+time))?"
                      rf"(?:\s+(?:on\s+)?(?P<day>{WEEKDAY}|yesterday|today|tomorrow)"
                      rf"|,?\s+(?:on\s+)?(?P<cmonth>{MONTH})\s+(?P<cday>{DAYNUM})\b)?"), _clock),
    Rule("noon", _rx(rf"\b(?P<word>noon|midnight)\b(?:\s+(?:on\s+)?(?P<day>{WEEKDAY}|yesterday|today|tomorrow))?"),
         _noon),
    Rule("edge_of_unit", _rx(
        r"\b(?:(?P<edge>end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+|(?P<rel>last|next)\s+)"
        r"(?P<unit>year|month|week|quarter|decade)|(?P<unit2>year|month)(?:[- ]|['’]s\s+)(?P<edge2>end))\b"),
        lambda m, c: _edge_of_unit(_Swap(m, unit="unit2", edge="edge2"), c)),
    Rule("holiday", _rx(r"\b(?P<word>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
                        rf"Independence\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day)\b(?:,?\s+(?P<year>{YEAR4}))?"),
         _holiday),
)


class _Swap:
    """A match seen through alternative group names: ``m["month"]`` falls back to ``m["monthb"]``.

    Lets one normaliser serve the "June 4" and the "4 June" orders without duplicating it.
    """

    __slots__ = ("_alt", "_m")

    def __init__(self, m: re.Match[str], **alt: str) -> None:
        self._m = m
        self._alt = alt

    def __getitem__(self, key: str) -> str | None:
        value = self._m.groupdict().get(key)
        if value is None:
            other = self._alt.get(key, key + "b")
            value = self._m.groupdict().get(other)
        return value

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_KEYS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year", "decade",
              "centur")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Which words a rule needs: a sentence without any of them skips the rule's regex (most sentences
# hold no temporal expression at all, and the scan is what costs).
_KEYS: dict[str, tuple[str, ...]] = {
    "month_date": _MONTH_KEYS, "month_year": _MONTH_KEYS, "iso_date": ("#",), "us_date": ("#",), "year": ("#",),
    "fiscal_year": ("fiscal",), "decade": ("0s",), "century": ("century",), "weekday": _WEEKDAY_KEYS,
    "relative_day": ("today", "tonight", "yesterday", "tomorrow", "night"), "day_part": ("this",),
    "relative_unit": (*_UNIT_KEYS, "weekend", "spring", "summer", "fall", "autumn", "winter"),
    "season": ("spring", "summer", "autumn", "winter"), "n_units": _UNIT_KEYS, "quarter": ("quarter",),
    "spoken_year": ("nineteen", "eighteen", "thousand"), "weekend": ("weekend",), "year_period": ("period",),
    "year_earlier": ("year",), "ref": ("now", "current", "present", "moment", "recent", "lately", "past",
                                       "formerly", "future", "soon", "shortly", "these days"),
    "recent_units": ("recent", "coming"),
    "set": ("daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "every", "each"),
    "year_ended": ("year",), "anaphoric": ("that",), "the_year": ("year",), "report_period": ("period",),
    "decade_word": ("ties",), "bare_units": ("days", "weeks", "months", "years", "decades"),
    "clock": ("#",), "noon": ("noon", "midnight"), "edge_of_unit": ("end", "beginning", "start", "middle"),
    "holiday": ("christmas", "new year", "thanksgiving", "independence", "halloween", "valentine", "boxing"),
}
RULES = tuple(Rule(r.name, r.pattern, r.normalise, r.accept, _KEYS.get(r.name, ())) for r in RULES)
