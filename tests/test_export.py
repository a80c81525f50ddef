"""Exports: every format × column set written and read back (json, csv module, pyarrow)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from eventwire.errors import ConfigError, StoreError
from eventwire.export import EVENTWIRE, GDELT, GDELT_COLUMNS, POLECAT, POLECAT_COLUMNS, SPECS, export_events
from eventwire.ids import content_hash
from eventwire.models import (
    Actor,
    AnalysedArticle,
    Article,
    Certainty,
    Event,
    EventDate,
    EventType,
    Place,
    Precision,
    Section,
    Sentence,
    Status,
)
from eventwire.store import Store

SENTENCE = "Russia's security chief met North Korean officials in Pyongyang on Tuesday."
RUS = Actor(text="Russia's security chief", name="Sergei Shoigu", code="RUSGOV", country="RUS", sector="GOV",
            role="Security Council Secretary")
PRK = Actor(text="North Korean officials", name="North Korea", code="PRKGOV", country="PRK", sector="GOV")
UN = Actor(text="the United Nations", name="United Nations", code="UNO", country="UNO", sector=None)


def make_event(n: int, *, value: str | None = "2025-06-17", precision: Precision = Precision.DAY,
               target: Actor | None = PRK, article_id: str = "art-1") -> Event:
    return Event(
        id=content_hash("export", n), article_id=article_id, type=EventType.CONSULT, sentence_index=3,
        sentence=SENTENCE, span=(120, 120 + len(SENTENCE)), trigger="met", trigger_span=(144, 147), trigger_token=4,
        evidence="pattern:meet", section=Section.BODY, mode="visit", contexts=("diplomatic", "military"),
        cameo="042", goldstein=1.9, quad_class=1, source=RUS, target=target,
        date=EventDate(value=value, precision=precision if value else Precision.UNKNOWN,
                       text="on Tuesday" if value else None),
        status=Status.OCCURRED, certainty=Certainty.REPORTED, attribution="state media",
        location=Place(name="Pyongyang", country="PRK", lat=39.03, lon=125.75, geonameid=1871859, precision="city"),
    )


def store_like(record: dict[str, Any]) -> dict[str, Any]:
    """What Store.events() adds to a record."""
    return {**record, "num_sources": 3, "num_articles": 4, "num_mentions": 6, "first_reported": "2025-06-17",
            "article": {"url": "https://news.example/a", "source": "Outlet A", "published": "2025-06-18",
                        "title": "Envoy visits", "ingested_at": "2025-06-18T09:30:05+00:00"}}


@pytest.fixture
def records() -> list[dict[str, Any]]:
    return [
        store_like(make_event(1).to_record()),
        store_like(make_event(2, value=None).to_record()),  # unknown date
        store_like(make_event(3, value="2025-06", precision=Precision.MONTH, target=UN).to_record()),
        make_event(4).to_record(),  # straight from `extract`: no cluster or article fields
    ]


def read_back(path: Path, fmt: str) -> tuple[list[str], list[dict[str, Any]]]:
    """(column names, rows) from a written file, by format."""
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return (list(rows[0]) if rows else []), rows
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
            return list(reader.fieldnames or []), rows
    table = pq.read_table(path)
    return table.column_names, table.to_pylist()


PROVENANCE = {
    "eventwire": ("id", "article_id", "sentence", "span_start", "span_end", "trigger", "evidence",
                  "date_precision", "status", "certainty", "attribution"),
    "gdelt": ("EventwireID", "ArticleID", "Sentence", "SpanStart", "SpanEnd", "Trigger", "Evidence",
              "DatePrecision", "Status", "Certainty", "Attribution"),
    "polecat": ("Eventwire ID", "Article ID", "Sentence", "Span Start", "Span End", "Trigger", "Evidence",
                "Date Precision", "Status", "Certainty", "Attribution"),
}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("columns", ["eventwire", "gdelt", "polecat"])
def test_export_every_format_and_column_set_round_trips(tmp_path: Path, records: list[dict[str, Any]],
                                                        fmt: str, columns: str) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export_events(records, path, fmt, columns) == len(records)  # type: ignore[arg-type]
    names, rows = read_back(path, fmt)
    assert len(rows) == len(records)
    if fmt == "jsonl" and columns == "eventwire":
        assert rows == records  # the public record itself, nested, every field
    else:
        assert names == list(SPECS[columns].names)
    flat = rows if not (fmt == "jsonl" and columns == "eventwire") else None
    if flat is not None:
        for name in PROVENANCE[columns]:
            assert name in names
        first = flat[0]
        trigger = {"eventwire": "trigger", "gdelt": "Trigger", "polecat": "Trigger"}[columns]
        sentence = {"eventwire": "sentence", "gdelt": "Sentence", "polecat": "Sentence"}[columns]
        span_start = {"eventwire": "span_start", "gdelt": "SpanStart", "polecat": "Span Start"}[columns]
        assert first[trigger] == "met"
        assert first[sentence] == SENTENCE
        assert str(first[span_start]) == "120"


def test_export_gdelt_dates_never_fall_back(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "gdelt.csv"
    export_events(records, path, "csv", "gdelt")
    _, rows = read_back(path, "csv")
    day, unknown, month, bare = rows
    assert (day["SQLDATE"], day["MonthYear"], day["Year"]) == ("20250617", "202506", "2025")
    assert day["FractionDate"] == str(round(2025 + (6 * 30 + 17) / 365, 4))
    # unknown date: empty, not the publication date 2025-06-18 nor the ingestion time
    assert (unknown["SQLDATE"], unknown["MonthYear"], unknown["Year"], unknown["FractionDate"]) == ("", "", "", "")
    assert unknown["DATEADDED"] == "20250618093005"
    assert (month["SQLDATE"], month["MonthYear"], month["Year"]) == ("", "202506", "2025")
    assert bare["NumSources"] == "" and bare["NumArticles"] == "" and bare["SOURCEURL"] == ""
    assert bare["NumMentions"] == "1"


def test_export_gdelt_columns_follow_the_gdelt_conventions(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "gdelt.parquet"
    export_events(records, path, "parquet", "gdelt")
    names, rows = read_back(path, "parquet")
    assert names[: len(GDELT_COLUMNS)] == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    day, unknown, month, _ = rows
    assert day["GLOBALEVENTID"] == int(records[0]["id"][:15], 16)
    assert day["EventwireID"] == records[0]["id"]
    assert (day["Actor1Code"], day["Actor1Name"], day["Actor1CountryCode"], day["Actor1Type1Code"]) == (
        "RUSGOV", "SERGEI SHOIGU", "RUS", "GOV")
    assert (day["Actor2Code"], day["Actor2CountryCode"]) == ("PRKGOV", "PRK")
    assert (day["EventCode"], day["EventBaseCode"], day["EventRootCode"]) == ("042", "042", "04")
    assert (day["QuadClass"], day["GoldsteinScale"]) == (1, 1.9)
    assert (day["NumMentions"], day["NumSources"], day["NumArticles"]) == (6, 3, 4)
    assert day["AvgTone"] is None
    assert day["IsRootEvent"] == 0
    assert (day["ActionGeo_Type"], day["ActionGeo_FullName"], day["ActionGeo_CountryCode"]) == (4, "Pyongyang", "KN")
    assert (day["ActionGeo_Lat"], day["ActionGeo_Long"], day["ActionGeo_GeoNamesID"]) == (39.03, 125.75, 1871859)
    assert day["SOURCEURL"] == "https://news.example/a"
    assert day["PLOVERType"] == "CONSULT"
    assert unknown["SQLDATE"] is None and unknown["Year"] is None
    # the UN is a known group in GDELT, not a country
    assert (month["Actor2KnownGroupCode"], month["Actor2CountryCode"]) == ("UNO", None)
    assert day["Actor1EthnicCode"] is None and day["Actor1Geo_Lat"] is None


def test_export_polecat_columns(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "polecat.csv"
    export_events(records, path, "csv", "polecat")
    names, rows = read_back(path, "csv")
    assert names[: len(POLECAT_COLUMNS)] == list(POLECAT_COLUMNS) and len(POLECAT_COLUMNS) == 40
    day, unknown, month, _ = rows
    assert (day["Event Date"], day["Event Type"], day["Event Mode"]) == ("2025-06-17", "CONSULT", "visit")
    assert day["Contexts"] == "diplomatic;military"
    assert (day["Actor Name"], day["Actor Country"], day["Primary Actor Sector"], day["Actor Title"]) == (
        "Sergei Shoigu", "RUS", "GOV", "Security Council Secretary")
    assert (day["Recipient Name"], day["Recipient Country"]) == ("North Korea", "PRK")
    assert (day["Placename"], day["City"], day["Country"], day["Latitude"]) == ("Pyongyang", "Pyongyang", "PRK",
                                                                                "39.03")
    assert (day["Source"], day["Publication Date"]) == ("Outlet A", "2025-06-18")
    assert day["Actor COW"] == "" and day["Intensity"] == ""
    assert unknown["Event Date"] == ""
    assert month["Event Date"] == "2025-06" and month["Date Precision"] == "month"


def test_export_eventwire_flat_columns(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.parquet"
    export_events(records, path, "parquet", "eventwire")
    schema = pq.read_schema(path)
    assert str(schema.field("goldstein").type) == "double"
    assert str(schema.field("quad_class").type) == "int64"
    assert str(schema.field("reciprocal").type) == "bool"
    _, rows = read_back(path, "parquet")
    first = rows[0]
    assert (first["source_code"], first["source_country"], first["target_name"]) == ("RUSGOV", "RUS", "North Korea")
    assert (first["date_value"], first["date_precision"], first["date_text"]) == ("2025-06-17", "day", "on Tuesday")
    assert json.loads(first["contexts"]) == ["diplomatic", "military"]
    assert (first["trigger_start"], first["trigger_end"]) == (144, 147)
    assert first["article_url"] == "https://news.example/a"
    assert first["extra"] is None
    assert rows[1]["date_value"] is None and rows[1]["date_precision"] == "unknown"


def test_export_keeps_unknown_fields_in_extra(tmp_path: Path) -> None:
    record = {**make_event(1).to_record(), "agreement": 0.75}
    path = tmp_path / "x.csv"
    export_events([record], path, "csv", "eventwire")
    _, rows = read_back(path, "csv")
    assert json.loads(rows[0]["extra"]) == {"agreement": 0.75}


def test_export_parquet_row_groups_and_streams(tmp_path: Path) -> None:
    base = make_event(1).to_record()
    n = 25_000

    def generate() -> Any:
        for i in range(n):
            yield {**base, "id": f"{i:016x}"}

    path = tmp_path / "big.parquet"
    assert export_events(generate(), path, "parquet", "gdelt") == n
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == n
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [10_000, 10_000, 5_000]


def test_export_to_a_stream_leaves_it_open(records: list[dict[str, Any]]) -> None:
    buf = io.BytesIO()
    assert export_events(records, buf, "csv", "eventwire") == 4
    assert not buf.closed
    lines = buf.getvalue().decode("utf-8").splitlines()
    assert lines[0].split(",")[: 2] == list(EVENTWIRE.names[:2])
    assert len(lines) == 5
    pbuf = io.BytesIO()
    export_events(records, pbuf, "parquet", "polecat")
    assert pq.read_table(io.BytesIO(pbuf.getvalue())).num_rows == 4


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_nothing_still_writes_a_readable_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    assert export_events([], path, fmt, "gdelt") == 0  # type: ignore[arg-type]
    if fmt == "parquet":
        assert pq.read_table(path).column_names == list(GDELT.names)
    elif fmt == "csv":
        assert path.read_text(encoding="utf-8").strip().split(",")[0] == "GLOBALEVENTID"
    else:
        assert path.read_text(encoding="utf-8") == ""


def test_export_rejects_unknown_format_and_columns(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        export_events([], tmp_path / "x", "xlsx", "eventwire")  # type: ignore[arg-type]
    assert err.value.code == "E320"
    with pytest.raises(ConfigError):
        export_events([], tmp_path / "x", "csv", "icews")  # type: ignore[arg-type]
    with pytest.raises(StoreError) as err2:
        export_events([], tmp_path / "missing" / "x.csv", "csv")
    assert err2.value.code == "E321"


def test_export_from_the_store(tmp_path: Path) -> None:
    text = f"Envoy visits Pyongyang\n{SENTENCE}"
    h = content_hash(text)
    sentences = (Sentence(0, 0, 22, text[:22], Section.HEADLINE), Sentence(1, 23, len(text), SENTENCE, Section.BODY))
    event = make_event(1, article_id=h)
    article = Article(id=h, content_hash=h, text=text, raw=text, origin="a.txt", published=date(2025, 6, 18),
                      url="https://news.example/pyongyang", source="Outlet A")
    with Store.open(str(tmp_path / "eventwire.db")) as store:
        store.save_article(AnalysedArticle(article=article, sentences=sentences, events=(event,)))
        path = tmp_path / "out.csv"
        assert export_events(store.events(), path, "csv", "gdelt") == 1
    _, (row,) = read_back(path, "csv")
    assert (row["SQLDATE"], row["NumSources"], row["NumArticles"], row["NumMentions"]) == ("20250617", "1", "1", "1")
    assert row["SOURCEURL"] == "https://news.example/pyongyang"
    assert len(row["DATEADDED"]) == 14
    assert row["ClusterID"] == event.id
    assert POLECAT.names[0] == "Event ID"
