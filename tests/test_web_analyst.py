"""The analyst API of issue 13 on a corpus of our own (tests/web_corpus.py) read by the real pipeline into a
real store: sorting and the new filters, downloads, clusters, the timeline at any range, the map's places,
the actor network, and the offline pages (docs, event page, world outlines)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from web_corpus import fill_corpus

from eventwire import api
from eventwire.config import Settings, load_settings
from eventwire.store import Store
from eventwire.web import create_app


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return fill_corpus(tmp_path_factory.mktemp("analyst"), api.build_pipeline(load_settings(environ={})))


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.database_url)) as c:
        yield c


@pytest.fixture(scope="module")
def stored(settings: Settings) -> list[dict[str, Any]]:
    with Store.open(settings.database_url) as store:
        return list(store.events())


def page(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.json()
    return response.json()


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


# ------------------------------------------------------------------ events: sort and filters


@pytest.mark.parametrize("key", ["date", "-date", "goldstein", "-goldstein", "type", "source", "-target",
                                 "country", "sentence", "-sources", "published", "quad_class"])
def test_events_sort_by_any_column_as_the_store_does(client: TestClient, settings: Settings, key: str) -> None:
    with Store.open(settings.database_url) as store:
        want = ids(list(store.events(sort=key)))
    assert ids(page(client, sort=key, limit=1000)["events"]) == want


def test_events_sort_by_goldstein_descending_is_ordered(client: TestClient) -> None:
    scores = [r["goldstein"] for r in page(client, sort="-goldstein", limit=1000)["events"]]
    known = [s for s in scores if s is not None]
    assert known == sorted(known, reverse=True) and scores[:len(known)] == known  # unknown last


def test_events_filter_by_country_region_quad_class_and_precision(client: TestClient,
                                                                 stored: list[dict[str, Any]]) -> None:
    def where(r: dict[str, Any]) -> str | None:
        return (r.get("location") or {}).get("country")

    ind = page(client, country="IND", limit=1000)
    assert ind["total"] == len([r for r in stored if where(r) == "IND"]) > 0
    asia = page(client, region="asia", limit=1000)
    assert {where(r) for r in asia["events"]} <= {"IND", "PAK", "CHN", "PRK", "RUS"}
    assert "IND" in {where(r) for r in asia["events"]}
    europe = page(client, region="europe", limit=1000)["events"]
    assert europe and {where(r) for r in europe} <= {"FRA", "DEU", "RUS"}
    conflict = page(client, quad_class="3,4", limit=1000)["events"]
    assert conflict and {r["quad_class"] for r in conflict} <= {3, 4}
    assert len(conflict) == len([r for r in stored if r["quad_class"] in (3, 4)])
    year = page(client, precision="year")["events"]
    assert [r["article_id"] for r in year] == ["year-only"]


# ------------------------------------------------------------------ downloads


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("columns", ["eventwire", "gdelt", "polecat"])
def test_export_downloads_the_filter_in_every_format(client: TestClient, fmt: str, columns: str) -> None:
    filters = {"quad_class": "4", "sort": "-date"}
    want = page(client, **filters, limit=1000)["events"]
    response = client.get("/api/export", params={**filters, "format": fmt, "columns": columns})
    assert response.status_code == 200
    assert f'filename="eventwire-events-{columns}.{fmt}"' in response.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in response.content.decode("utf-8").splitlines()]
    else:
        rows = pq.read_table(io.BytesIO(response.content)).to_pylist()
    key = {"eventwire": "id", "gdelt": "EventwireID", "polecat": "Eventwire ID"}[columns]
    assert want and [r[key] for r in rows] == ids(want)


def test_export_refuses_a_bad_format_or_filter(client: TestClient) -> None:
    assert client.get("/api/export", params={"format": "xlsx"}).status_code in (400, 422)
    bad = client.get("/api/export", params={"quad_class": "9"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E312"


# ------------------------------------------------------------------ clusters


def test_a_cluster_lists_every_source_telling_it(client: TestClient, stored: list[dict[str, Any]]) -> None:
    shared = next(r for r in stored if r["article_id"] == "shared-0")
    body = client.get(f"/api/clusters/{shared['cluster_id']}").json()
    assert body["num_sources"] == 3 and len(body["events"]) == 3
    assert sorted(s["article_id"] for s in body["sources"]) == ["shared-0", "shared-1", "shared-2"]
    assert {s["source"] for s in body["sources"]} == {"Wire One", "Daily Two", "Three Times"}
    assert client.get("/api/clusters/nope").status_code == 404


# ------------------------------------------------------------------ timeline


def test_timeline_over_a_long_range_uses_wide_bars_and_starts_where_the_data_is(client: TestClient,
                                                                                stored: list[dict[str, Any]]) -> None:
    body = client.get("/api/timeline").json()
    assert body["extent"]["first"].startswith("1984") and body["bucket"] in ("month", "year")
    assert len(body["buckets"]) <= 1500
    assert body["core"]["first"] >= "2001"  # the stray 1984 story does not decide the first view
    assert body["core"]["before"] >= 1
    assert body["year_only"] == {"1999": 1} and body["undated"] == 1
    placed = sum(b["total"] for b in body["buckets"])
    assert placed + sum(body["year_only"].values()) + body["undated"] == body["total"] == len(stored)


def test_timeline_of_a_short_range_uses_days(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"since": "2002-07-01", "until": "2002-07-31"}).json()
    assert body["bucket"] == "day" and body["total"] >= 3
    starts = [b["start"] for b in body["buckets"]]
    assert starts == sorted(starts) and all(s.startswith("2002-07") for s in starts)
    week = client.get("/api/timeline", params={"since": "2002", "until": "2002", "bucket": "week"}).json()
    assert week["bucket"] == "week" and all(b["label"] == b["start"] for b in week["buckets"])


# ------------------------------------------------------------------ map and network


def test_map_places_carry_coordinates_and_counts(client: TestClient, stored: list[dict[str, Any]]) -> None:
    body = client.get("/api/map").json()
    located = [r for r in stored if (r.get("location") or {}).get("lat") is not None]
    assert body["total"] == len(stored) and body["located"] == len(located) > 10
    assert sum(p["count"] for p in body["places"]) == len(located)
    names = {p["name"] for p in body["places"]}
    assert {"Pyongyang", "Kashmir"} <= names
    one = next(p for p in body["places"] if p["name"] == "Pyongyang")
    assert 38 < one["lat"] < 41 and 124 < one["lon"] < 127 and one["country"] == "PRK"
    assert sum(one["quad_classes"].values()) == one["count"]
    india = client.get("/api/map", params={"country": "IND"}).json()
    assert india["places"] and {p["country"] for p in india["places"]} == {"IND"}


def test_network_nodes_are_actors_and_edges_dyads(client: TestClient, stored: list[dict[str, Any]]) -> None:
    body = client.get("/api/network").json()
    coded = [r for r in stored if (r["source"] or {}).get("code") and (r["target"] or {}).get("code")]
    assert sum(e["events"] for e in body["edges"]) == len(coded) == body["total"] - body["uncoded"]
    nodes = {n["id"] for n in body["nodes"]}
    assert {"RUSGOV", "PRKGOV"} <= nodes  # "North Korean leader Kim Jong Il": the title codes the sector
    for edge in body["edges"]:
        assert edge["source"] <= edge["target"] and {edge["source"], edge["target"]} <= nodes
        assert sum(edge["quad_classes"].values()) == edge["events"]
    lavrov = next(e for e in body["edges"] if {e["source"], e["target"]} == {"PRKGOV", "RUSGOV"})
    assert lavrov["events"] >= 3 and lavrov["quad_class"] == 1 and lavrov["goldstein_mean"] > 0
    countries = client.get("/api/network", params={"level": "country", "quad_class": "4"}).json()
    assert countries["edges"] and all(e["quad_class"] == 4 for e in countries["edges"])
    assert {n["id"] for n in countries["nodes"]} <= {"IND", "PAK", "RUS", "CHN", "FRA", "DEU", "USA", "PRK"}


# ------------------------------------------------------------------ offline pages


def test_docs_event_page_and_world_outlines_are_served_offline(client: TestClient,
                                                                stored: list[dict[str, Any]]) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and 'src="/static/docs.js"' in docs.text
    assert "http" not in docs.text.replace('href="/openapi.json"', "")  # nothing from elsewhere
    schema = client.get("/openapi.json").json()
    for path in ("/api/export", "/api/map", "/api/network", "/api/clusters/{cluster_id}"):
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"country", "region", "quad_class", "mode", "precision", "sort", "bbox"} <= params
    event = client.get(f"/events/{stored[0]['id']}")
    assert event.status_code == 200 and 'src="/static/event.js"' in event.text
    world = client.get("/data/world.json").json()
    countries = world["objects"]["countries"]["geometries"]
    assert len(countries) > 200 and world["type"] == "Topology"
    assert {"IND", "PAK", "FRA", "KOS"} <= {c["properties"]["iso3"] for c in countries}


def test_vendored_outlines_match_their_pin() -> None:
    """The shipped file is what scripts/vendor_npm.py writes (iso3 added, nothing else changed)."""
    here = Path(__file__).resolve().parents[1]
    readme = (here / "src" / "eventwire" / "data" / "world" / "README.md").read_text(encoding="utf-8")
    assert "world-atlas 2.0.2" in readme and "public domain" in readme
    script = (here / "scripts" / "vendor_npm.py").read_text(encoding="utf-8")
    assert 'Pin("world-atlas", "2.0.2"' in script
