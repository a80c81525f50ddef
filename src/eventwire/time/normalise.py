"""Normalisers: a rule's match → a TIMEX3 type and value, read against the DCT and the tense.

Each function takes the regex match and the document's :class:`Context` and returns a :class:`Found`
(or ``None`` to drop the match). The rules that call them are in :mod:`.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..vocabulary import words
from . import calendar as cal
from .lexicon import (
    APPROX,
    DAY_PARTS,
    HOLIDAYS,
    MODIFIERS,
    MONTHS,
    ORDINALS,
    REF_WORDS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    keyed,
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
    tense_from_parse: bool = False  # ``tense`` reads the dependency parse (reliable enough to overrule)

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
    for key in _EDGE_WORDS:
        if w.startswith(key):
            return MODIFIERS[key]
    return None


# the edge words, the shorter of two that start a word first ("later" is read as "late")
_EDGE_WORDS = tuple(sorted(MODIFIERS, key=len))


# --------------------------------------------------------------------------- choosing a year


def _pick(cands: list[date], dct: date, tense: Tense, near_days: int, strict: bool = False) -> date:
    """The candidate the tense points at: on/before the DCT for past, on/after for future.

    A candidate within ``near_days`` of the DCT wins (a writer says the year when the date is far away)
    unless ``strict`` (the tense was read from the parse, not guessed from cue words) and the tense
    contradicts it: "stopped on May 2" written on 10 March is last May, never a future day.
    """
    nearest = min(cands, key=lambda c: (abs((c - dct).days), c > dct))
    if abs((nearest - dct).days) <= near_days and not (strict and _contradicts(nearest, dct, tense)):
        return nearest
    if tense is None:
        return _untensed_pick(cands, dct, nearest)
    return _tensed_pick(cands, dct, tense, nearest)


def _contradicts(day: date, dct: date, tense: Tense) -> bool:
    """A past tense with a day after the DCT, or a future tense with a day before it."""
    return (tense == "past" and day > dct) or (tense == "future" and day < dct)


def _untensed_pick(cands: list[date], dct: date, nearest: date) -> date:
    """No tense: news tells of the past far more than of the future, so a later date must be clearly nearer."""
    past = [c for c in cands if c <= dct]
    if past and nearest > dct and (dct - max(past)).days <= 1.5 * (nearest - dct).days:
        return max(past)
    return nearest


def _tensed_pick(cands: list[date], dct: date, tense: Tense, nearest: date) -> date:
    """The latest candidate on/before the DCT for the past, the first on/after it for the future."""
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
        return _pick(cands, dct.replace(day=1), tense, 62, ctx.tense_from_parse).year
    cands = []
    for k in (-1, 0, 1):
        try:
            cands.append(date(dct.year + k, month, day))
        except ValueError:  # 29 February
            continue
    if not cands:
        return None
    return _pick(cands, dct, tense, 90, ctx.tense_from_parse).year


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


_STEP = {word: int(step) for word, step in keyed("time_steps").items()}
# "the following day", "the previous morning": the unit counted from the narration's time
_ANCHOR_UNITS = {**{w: UNITS[w] for w in words("time_unit_groups.anchored")}, **dict.fromkeys(DAY_PARTS, "D")}


def _reference(ctx: Context, size: int) -> date | None:
    """The reference time of the narration at a precision of ``size`` characters (10 day, 7 month, 4 year).

    TimeML anchors "the following day" to the time the text is talking about: the latest calendar date it
    named, else (nothing named yet) the DCT. A reference coarser than asked for gives no value.
    """
    ref = ctx.last_date
    if ref is None:
        return ctx.dct
    if len(ref) < size:
        return None
    parts = [int(p) for p in ref.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _anchored_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """"the following day", "the previous month", "the next morning": one unit from the reference time."""
    rel = (m["rel"] or m["rel2"]).lower()
    word = (m["unit"] or m["unit2"]).lower()
    unit = _ANCHOR_UNITS[word]
    part = DAY_PARTS.get(word) if word != "day" else None
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return Found(kind, None)
    ref = _reference(ctx, {"D": 10, "W": 10, "M": 7, "Y": 4}[unit])
    if ref is None:
        return Found(kind, None)
    value = cal.value_at(cal.shift(ref, unit, _STEP[rel]), unit)
    return Found(kind, f"{value}T{part}" if part else value, _mod(m["pre"]))


def _anchored_weekday(ctx: Context, wd: int, rel: str) -> date | None:
    """"the previous Friday": the weekday before the reference day (after it for "the following")."""
    ref = _reference(ctx, 10)
    if ref is None:
        return None
    if rel == "following":
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    return ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)


# --------------------------------------------------------------------------- normalisers


def _full_date(m: re.Match[str] | _Swap, ctx: Context) -> Found | None:
    day = int(re.sub(r"\D", "", m["day"])) if m["day"] else None
    month = month_number(m["month"] or "")
    year = int(m["year"]) if m["year"] else None
    rel = (_group(m, "rel") or "").lower()
    yrel = (_group(m, "yrel") or "").lower()
    if yrel and ctx.dct is not None:  # "February this year", "July last year"
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yrel]
    if year is None and rel and ctx.dct is not None:
        year = _relative_month_year(ctx.dct, month, rel)
    if year is None:
        year = _year_for(ctx, month, day, m.start(), m.end())
    return _calendar_day(ctx, year, month, day, _mod(m["mod"]))


def _relative_month_year(dct: date, month: int, rel: str) -> int:
    """The year of "last March" (the latest March before the DCT's month), "next March" (the first after it)
    or "this March"."""
    back = (dct.month - month) % 12 or 12
    fwd = (month - dct.month) % 12 or 12
    if rel in ("last", "past"):
        return cal.add_months(dct, -back).year
    if rel in ("next", "coming"):
        return cal.add_months(dct, fwd).year
    return dct.year


def _calendar_day(ctx: Context, year: int | None, month: int, day: int | None, mod: str | None) -> Found | None:
    """The DATE of a day (or of a month, with no ``day``); ``None`` for a day no calendar has."""
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
    rel = (m["rel"] or m["last"] or "").lower()
    try:
        if m["the"] and rel in ("previous", "following") and ctx.dct is not None:
            day = _anchored_weekday(ctx, WEEKDAYS[name], rel)
        else:
            day = _weekday(ctx, WEEKDAYS[name], rel, m.start(), m.end())
    except OverflowError:  # a reference day at the calendar's edge (0001-01-01, 9999-12-31): no such day
        day = None
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


def _ref(m: re.Match[str], ctx: Context) -> Found | None:
    key = " ".join(m["word"].lower().split())
    return Found("DATE", REF_WORDS[key] if ctx.dct is not None else None)


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


# the units of a date counted back or ahead from now ("two weeks ago"), with the unit its value is written in:
# every unit but those of the clock; a fortnight is dated to its week
_DATE_UNIT = {unit: unit.removeprefix("2") for unit in set(UNITS.values()) - {"S", "MIN", "H"}}


def _n_units(m: re.Match[str], ctx: Context) -> Found | None:
    unit = UNITS[m["unit"].lower().rstrip("s").replace("centurie", "century")]
    n = number_value(m["num"])
    mod = APPROX.get(" ".join(m["approx"].lower().split())) if m["approx"] else None
    post = (m["post"] or "").strip().lower()
    if post in ("ago", "earlier", "before now") and unit in _DATE_UNIT:
        return _units_ago(ctx, unit, n, mod)
    if post in ("from now", "hence") and unit in _DATE_UNIT:
        return _units_ahead(ctx, unit, n, mod)
    # what is left is a duration we can state ("two weeks", and "two weeks later", anchored on another
    # event, not on the DCT)
    return Found("DURATION", _duration_value(unit, n), mod)


def _units_ago(ctx: Context, unit: str, n: float | None, mod: str | None) -> Found:
    """"three weeks ago": the period that many units before the DCT."""
    if ctx.dct is None:
        return Found("DATE", None, mod)
    if n is None or not float(n).is_integer():
        return Found("DATE", "PAST_REF", mod)
    count = int(n)
    if unit == "Y" and count == 1 and ctx.last_quarter:
        # financial reports: "the third quarter … a year earlier" is the year-earlier quarter
        return Found("DATE", _shift_value(ctx.last_quarter, -4), mod)
    steps = count * 2 if unit == "2W" else count
    when = cal.shift(ctx.dct, "W" if unit == "2W" else unit, -steps)
    return Found("DATE", cal.value_at(when, _DATE_UNIT[unit]), mod)


def _units_ahead(ctx: Context, unit: str, n: float | None, mod: str | None) -> Found:
    """"two years from now": the period that many units after the DCT."""
    if ctx.dct is None or n is None or not float(n).is_integer():
        return Found("DATE", None if ctx.dct is None else "FUTURE_REF", mod)
    steps = int(n) * (2 if unit == "2W" else 1)
    when = cal.shift(ctx.dct, "W" if unit == "2W" else unit, steps)
    return Found("DATE", cal.value_at(when, _DATE_UNIT[unit]), mod)


def _shift_value(value: str, quarters: int) -> str:
    y, q = int(value[:4]), int(value[-1])
    index = y * 4 + (q - 1) + quarters
    return f"{index // 4:04d}-Q{index % 4 + 1}"


# the periods of the calendar a phrase can name ("last week", "this weekend", "next quarter")
_PERIOD_UNITS = {**{w: UNITS[w] for w in words("time_unit_groups.period")}, "weekend": "WE"}


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


_SEASON_PAST = words("time_relations.season_past")
_SEASON_NEXT = words("time_relations.season_next")


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

    if rel in _SEASON_PAST:
        year = dct.year if over(dct.year) else dct.year - 1
    elif rel in _SEASON_NEXT:
        year = dct.year if start(dct.year) > dct else dct.year + 1
    else:  # "this winter" in January is the winter that began last December
        year = dct.year - 1 if code == "WI" and dct.month < 3 else dct.year
    return Found("DATE", f"{year:04d}-{code}", mod)


def _bare_season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return Found("DATE", f"{m['year']}-{code}", _mod(m["mod"]))
    return _season(ctx, code, "this", _mod(m["mod"]))


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


def _anaphoric(m: re.Match[str], ctx: Context) -> Found | None:
    """"that year", "later that month": the period of the date the text named last."""
    last = ctx.last_date
    if last is None:
        return Found("DATE", None)
    size = {"day": 10, "month": 7, "year": 4}[m["unit"].lower()]
    if len(last) < size:
        return Found("DATE", None)
    return Found("DATE", last[:size], _mod(m["mod"]))


def _week_of(m: re.Match[str], ctx: Context) -> Found | None:
    """"the week of March 6": the ISO week holding that day."""
    found = _full_date(_Swap(m), ctx)
    if found is None or found.value is None:
        return found
    return Found("DATE", cal.week_value(date.fromisoformat(found.value)))


# adverbs of a recurring time and the TimeML period of each
_SET_ADVERBS = keyed("time_set_periods")


def _set(m: re.Match[str] | _Swap, ctx: Context) -> Found | None:
    word = (m["word"] or "").lower()
    if word in _SET_ADVERBS:
        return Found("SET", _SET_ADVERBS[word])
    unit_word = (m["unit"] or "").lower()
    if unit_word.rstrip("s") in WEEKDAYS:
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[unit_word.rstrip('s')] + 1}")
    if unit_word.rstrip(".") in MONTHS:  # "each July": that month of every year
        return Found("SET", f"XXXX-{month_number(unit_word):02d}")
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
    """The day a clock time names: its own "yesterday"/"Friday", else the day the text is talking about.

    A bare "at 10:35 a.m." belongs to the narrative's reference day (the last day-precise date named,
    TimeML's reference time), which in news is often not the DCT ("The blast hit on Friday … at 10:35
    a.m."); with no day named yet, the DCT.
    """
    assert ctx.dct is not None
    word = (tail or "").lower()
    if word in _REL_DAYS:
        return ctx.dct + timedelta(days=_REL_DAYS[word])
    if word in WEEKDAYS:
        return _weekday(ctx, WEEKDAYS[word], None, start, end) or ctx.dct
    if ctx.last_date is not None and len(ctx.last_date) >= 10:
        return _reference(ctx, 10) or ctx.dct
    return ctx.dct


def _day_part(m: re.Match[str], ctx: Context) -> Found | None:
    """"this morning", "this evening": a part of the DCT's day."""
    if ctx.dct is None:
        return Found("TIME", None, _mod(m["mod"]))
    return Found("TIME", f"{ctx.dct.isoformat()}T{DAY_PARTS[m['part'].lower()]}", _mod(m["mod"]))


def _edge_of_unit(m: re.Match[str] | _Swap, ctx: Context) -> Found | None:
    """"the end of the year", "year-end": the current unit with a START/MID/END modifier."""
    unit = _PERIOD_UNITS[(m["unit"] or "").lower()]
    mod = _mod(m["edge"])
    if ctx.dct is None:
        return Found("DATE", None, mod)
    rel = (m["rel"] or "").lower()
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "WE":
        return None
    return Found("DATE", cal.value_at(cal.shift(ctx.dct, unit, step), unit), mod)


def _holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = m["word"].lower().replace("’", "'")
    if name.startswith("thanksgiving"):
        if ctx.dct is None:
            return Found("DATE", None)
        year = _year_for(ctx, 11, 25, m.start(), m.end()) or ctx.dct.year
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return Found("DATE", thursday.isoformat())
    month, day = HOLIDAYS[name]
    if m["year"] or m["inyear"]:  # "Christmas 2019", "Valentine's Day in 2012" (the year stays its own timex)
        return Found("DATE", date(int(m["year"] or m["inyear"]), month, day).isoformat())
    found_year = _year_for(ctx, month, day, m.start(), m.end())
    return Found("DATE", None if found_year is None else date(found_year, month, day).isoformat())


class _Swap:
    """A match seen through alternative group names: ``m["month"]`` falls back to ``m["monthb"]``.

    Lets one normaliser serve the "June 4" and the "4 June" orders without duplicating it.
    """

    __slots__ = ("_alt", "_m")

    def __init__(self, m: re.Match[str], **alt: str) -> None:
        self._m = m
        self._alt = alt

    def __getitem__(self, key: str) -> str | None:
        groups = self._m.groupdict()
        value = groups.get(key)
        if value is None:
            other = self._alt.get(key, key + "b")
            value = groups.get(other)
        return value

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


