"""The HTTP API and the web UI's pages, on a real SQLite store filled through the real pipeline."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from eventwire import api
from eventwire.config import Settings, load_settings
from eventwire.store import Store
from eventwire.web import create_app
from eventwire.web.app import static_dir
from eventwire.web.timeline import timeline

TOKEN = "s3cret-token"
HOSTILE_ID = "hostile-1"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# Short texts of our own: a dyad (RUS–PRK), a conflict event, and an article whose text is hostile markup.
ARTICLE_A = (
    "Russian minister visits Pyongyang\n"
    "-\n"
    "Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un in Pyongyang on Tuesday.\n"
    "China accused Japan of provoking tensions in the East China Sea last week.\n"
)
HOSTILE = {
    "id": HOSTILE_ID,
    "title": f"Talks {SCRIPT} in Moscow",
    "text": f"Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. {IMG}\n"
            f"{SCRIPT} The two leaders signed a trade agreement.",
    "published": "2025-05-20",
    "url": "javascript:alert(1)",
    "source": "The <b>Hostile</b> Times",
}


def fill_store(tmp: Path, pipeline: Any) -> Settings:
    """A SQLite store with our articles ingested by :func:`eventwire.api.ingest` (the real pipeline)."""
    settings = load_settings(environ={}, database_url=str(tmp / "web.db"))
    (tmp / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    api.ingest([tmp / "a.txt"], published="2025-06-17", settings=settings, pipeline=pipeline)
    summary = api.ingest([tmp / "hostile.jsonl"], settings=settings, pipeline=pipeline)
    assert summary.stored == 1, summary.as_dict()
    return settings


@pytest.fixture(scope="module")
def pipeline() -> Any:
    return api.build_pipeline(load_settings(environ={}))


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Settings:
    return fill_store(tmp_path_factory.mktemp("web"), pipeline)


@pytest.fixture(scope="module")
def client(settings: Settings, pipeline: Any) -> Iterator[TestClient]:
    app = create_app(settings.database_url, token=TOKEN, settings=settings, pipeline=pipeline)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def stored(settings: Settings) -> list[dict[str, Any]]:
    """Every stored event, read through the store's own API (what the HTTP API must agree with)."""
    with Store.open(settings.database_url) as store:
        records = list(store.events())
    assert records, "the pipeline read no event from the test articles"
    return records


def ids(records: list[dict[str, Any]] | dict[str, Any]) -> list[str]:
    """The event ids of a list of records or of a page of ``/api/events``."""
    return [r["id"] for r in (records["events"] if isinstance(records, dict) else records)]


# ------------------------------------------------------------------ schema and pages


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats",
                 "/api/timeline", "/api/articles"):
        assert path in paths
    assert "post" in paths["/api/articles"] and "get" in paths["/api/articles/{article_id}"]
    assert paths["/api/articles"]["post"]["security"]  # the bearer scheme is declared
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "type", "since", "until", "certainty", "status", "limit", "offset"} <= params


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/articles/anything", "/static/events.js", "/api/stats", "/api/events/nope"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, path
        assert response.headers["x-content-type-options"] == "nosniff"
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert 'id="events"' in page.text and 'id="timeline"' in page.text
    assert client.get("/static/article.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_pages_hold_no_inline_script_and_scripts_never_parse_data_as_markup() -> None:
    pages = static_dir()
    for html in pages.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", text, re.DOTALL)
        assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts), html
        assert not re.search(r"\son[a-z]+=", text), f"inline handler in {html.name}"  # CSP forbids them too
    for js in pages.glob("*.js"):
        code = js.read_text(encoding="utf-8")
        code = re.sub(r"//[^\n]*", "", code)  # comments may name what is forbidden
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{js.name} uses {sink}"


# ------------------------------------------------------------------ reading events


def test_events_lists_every_stored_event_in_store_order(client: TestClient, stored: list[dict[str, Any]]) -> None:
    response = client.get("/api/events")
    assert response.status_code == 200
    body = response.json()
    assert ids(body) == ids(stored)
    assert body["total"] == len(stored) and body["next"] is None and body["offset"] == 0
    first = body["events"][0]
    for key in ("id", "article_id", "type", "source", "target", "date", "status", "certainty", "sentence", "span",
                "trigger", "num_sources"):
        assert key in first


def test_events_filters_match_the_store(client: TestClient, settings: Settings) -> None:
    queries: list[tuple[dict[str, str], dict[str, Any]]] = [
        ({"actor": "RUS"}, {"actor": "RUS"}),
        ({"actor": "lavrov"}, {"actor": "lavrov"}),
        ({"dyad": "RUS,PRK"}, {"dyad": ("RUS", "PRK")}),
        ({"type": "consult"}, {"type": "CONSULT"}),
        ({"since": "2025-06"}, {"since": "2025-06"}),
        ({"until": "2025-05-31"}, {"until": "2025-05-31"}),
        ({"certainty": "certain"}, {"certainty": "certain"}),
        ({"status": "occurred"}, {"status": "occurred"}),
        ({"article_id": HOSTILE_ID}, {"article_id": HOSTILE_ID}),
        ({"actor": "RUS", "type": "CONSULT", "since": "2025"}, {"actor": "RUS", "type": "CONSULT", "since": "2025"}),
    ]
    with Store.open(settings.database_url) as store:
        for params, filters in queries:
            want = ids(list(store.events(**filters)))
            got = client.get("/api/events", params=params)
            assert got.status_code == 200, (params, got.json())
            assert ids(got.json()) == want, params


def test_actor_search_reads_aliases_and_ignores_hyphens(client: TestClient) -> None:
    """Issue 12: the API's actor search, like the CLI's, finds "Kim Jong Un" however spelled, and North
    Korea by the name "DPRK" (the store does both for every interface)."""
    prk = ids(client.get("/api/events", params={"actor": "PRK"}).json())
    assert prk and ids(client.get("/api/events", params={"actor": "DPRK"}).json()) == prk
    kim = ids(client.get("/api/events", params={"actor": "Kim Jong Un"}).json())
    assert kim and ids(client.get("/api/events", params={"actor": "kim jong-un"}).json()) == kim


def test_dyad_runs_either_way_and_names_only_its_pair(client: TestClient) -> None:
    forward = client.get("/api/events", params={"dyad": "RUS,PRK"}).json()
    backward = client.get("/api/events", params={"dyad": " PRK , RUS "}).json()
    assert forward and ids(forward) == ids(backward)
    for r in forward["events"]:
        assert {r["source"]["country"], r["target"]["country"]} == {"RUS", "PRK"}
    assert client.get("/api/events", params={"dyad": "RUS,ARG"}).json()["events"] == []


def test_events_are_paged_with_limit_and_offset(client: TestClient, stored: list[dict[str, Any]]) -> None:
    assert len(stored) >= 3
    first = client.get("/api/events", params={"limit": 2, "type": ""}).json()
    assert ids(first) == ids(stored)[:2]
    assert first["total"] == len(stored) and first["limit"] == 2
    assert first["next"] == "/api/events?limit=2&type=&offset=2"  # the same query, the next offset
    rest = client.get(first["next"]).json()
    assert ids(rest) == ids(stored)[2:4]
    seen = ids(first) + ids(rest)
    page = rest
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += ids(page)
    assert seen == ids(stored)
    empty = client.get("/api/events", params={"limit": 0}).json()
    assert empty["events"] == [] and empty["total"] == len(stored) and empty["next"] is None


@pytest.mark.parametrize(("params", "code"), [
    ({"type": "FIGHT"}, "E312"),  # the vocabularies are checked by the store, for every interface alike
    ({"certainty": "sure"}, "E312"),
    ({"status": "done"}, "E312"),
    ({"dyad": "RUS"}, "E600"),
    ({"dyad": "RUS,PRK,CHN"}, "E600"),
    ({"limit": "-1"}, "E600"),
    ({"limit": "100000"}, "E600"),
    ({"offset": "many"}, "E600"),
    ({"since": "last year"}, "E312"),
    ({"until": "2025/06"}, "E312"),
])
def test_a_bad_filter_is_a_400_with_our_code(client: TestClient, params: dict[str, str], code: str) -> None:
    for path in ("/api/events", "/api/timeline"):
        if path == "/api/timeline" and ("limit" in params or "offset" in params):
            continue
        response = client.get(path, params=params)
        assert response.status_code == 400, (path, params)
        error = response.json()["error"]
        assert error["code"] == code and error["message"]


def test_one_event_by_id(client: TestClient, stored: list[dict[str, Any]]) -> None:
    want = stored[-1]
    got = client.get(f"/api/events/{want['id']}")
    assert got.status_code == 200 and got.json() == want
    missing = client.get("/api/events/no-such-event")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E604"


def test_article_has_metadata_text_sentences_and_its_events(client: TestClient, stored: list[dict[str, Any]]) -> None:
    body = client.get(f"/api/articles/{HOSTILE_ID}").json()
    assert body["id"] == HOSTILE_ID and body["published"] == "2025-05-20" and body["url"] == HOSTILE["url"]
    assert "raw" not in body
    assert [s["text"] for s in body["sentences"]] == [body["text"][s["start"]:s["end"]] for s in body["sentences"]]
    assert ids(body["events"]) == [r["id"] for r in stored if r["article_id"] == HOSTILE_ID]
    assert body["events"], "the pipeline read no event from the hostile article"
    for event in body["events"]:
        start, end = event["span"]
        assert body["text"][start:end] == event["sentence"]
        t0, t1 = event["trigger_span"]
        assert body["text"][t0:t1] == event["trigger"]
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E604"


def test_hostile_text_comes_back_as_data(client: TestClient) -> None:
    response = client.get(f"/api/articles/{HOSTILE_ID}")
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert SCRIPT in body["text"] and IMG in body["text"]  # kept verbatim, as text
    assert SCRIPT in body["title"] and body["source"] == HOSTILE["source"]
    # The article page is one static shell: nothing of the article is ever put into its HTML.
    page = client.get(f"/articles/{HOSTILE_ID}")
    assert "alert(1)" not in page.text and "Hostile" not in page.text


def test_stats_counts_what_the_store_holds(client: TestClient, settings: Settings) -> None:
    body = client.get("/api/stats").json()
    with Store.open(settings.database_url) as store:
        assert body["counts"] == store.counts()
    assert body["counts"]["articles"] >= 2 and body["schema_version"] >= 1


# ------------------------------------------------------------------ timeline


def test_timeline_counts_events_per_month_type_and_quad_class(client: TestClient,
                                                              stored: list[dict[str, Any]]) -> None:
    body = client.get("/api/timeline").json()
    assert body["total"] == len(stored)
    placed = sum(m["total"] for m in body["months"])
    assert placed + sum(body["year_only"].values()) + body["undated"] == len(stored)
    for month in body["months"]:
        assert sum(month["types"].values()) == month["total"] == sum(month["quad_classes"].values())
        want = [r for r in stored if (r["date"]["value"] or "")[:7] == month["month"]]
        assert month["total"] == len(want)
    months = [m["month"] for m in body["months"]]
    assert "2025-05" in months and "2025-06" in months


def test_timeline_of_a_dyad_and_of_an_actor(client: TestClient) -> None:
    dyad = client.get("/api/timeline", params={"dyad": "PRK,RUS"}).json()
    events = client.get("/api/events", params={"dyad": "PRK,RUS"}).json()["events"]
    assert dyad["total"] == len(events) > 0 and dyad["filters"] == {"dyad": "PRK,RUS"}
    june = next(m for m in dyad["months"] if m["month"] == "2025-06")
    assert june["types"].get("CONSULT", 0) >= 1 and june["quad_classes"].get("1", 0) >= 1
    actor = client.get("/api/timeline", params={"actor": "CHN"}).json()
    assert actor["total"] == client.get("/api/events", params={"actor": "CHN"}).json()["total"]


def test_timeline_fills_gaps_and_keeps_coarse_dates_apart() -> None:
    records: list[dict[str, Any]] = [
        {"type": "CONSULT", "quad_class": 1, "date": {"value": "2024-11-03"}},
        {"type": "ASSAULT", "quad_class": 4, "date": {"value": "2025-02"}},
        {"type": "ASSAULT", "quad_class": 4, "date": {"value": "2025-02-28"}},
        {"type": "ACCUSE", "quad_class": None, "date": {"value": "2025-02-01"}},
        {"type": "AGREE", "quad_class": 1, "date": {"value": "2023"}},
        {"type": "AGREE", "quad_class": 1, "date": {"value": None}},
        {"type": "AGREE", "quad_class": 1},
    ]
    out = timeline(records)
    assert [m["month"] for m in out["months"]] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    feb = out["months"][-1]
    assert feb == {"month": "2025-02", "total": 3, "types": {"ACCUSE": 1, "ASSAULT": 2},
                   "quad_classes": {"4": 2, "unknown": 1}}
    assert out["months"][1]["total"] == 0
    assert out["year_only"] == {"2023": 1} and out["undated"] == 2 and out["total"] == 7
    assert timeline([])["months"] == []


# ------------------------------------------------------------------ writing


def test_writing_needs_the_bearer_token(client: TestClient) -> None:
    before = client.get("/api/stats").json()["counts"]
    payload = {"text": "Iran condemned Israel on Sunday."}
    none = client.post("/api/articles", json=payload)
    assert none.status_code == 401 and none.json()["error"]["code"] == "E601"
    assert none.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", json=payload, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "E602"
    basic = client.post("/api/articles", json=payload, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert client.get("/api/stats").json()["counts"] == before


def test_writing_is_forbidden_without_a_configured_token(settings: Settings) -> None:
    app = create_app(settings.database_url, token=None, settings=settings)
    with TestClient(app) as c:
        before = c.get("/api/stats").json()["counts"]
        for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}, {"Authorization": "Bearer "}):
            response = c.post("/api/articles", json={"text": "Iran condemned Israel."}, headers=headers)
            assert response.status_code == 403 and response.json()["error"]["code"] == "E603"
        assert c.get("/api/stats").json()["counts"] == before
        # Reading never loads the pipeline: a read-only server starts and answers at once.
        assert c.get("/api/events").status_code == 200
        assert not app.state.context.pipeline_loaded


def test_post_analyses_and_stores_an_article(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = client.get("/api/stats").json()["counts"]
    payload = {"text": "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.",
               "title": "Scholz in Paris", "published": "2025-03-09", "source": "Test Wire",
               "url": "https://example.org/scholz", "id": "post-1"}
    created = client.post("/api/articles", json=payload, headers=auth)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["id"] == "post-1" and body["stored"] is True
    assert body["events"], "the pipeline read no event from the posted article"
    meet = body["events"][0]
    assert meet["type"] == "CONSULT" and meet["article_id"] == "post-1"
    assert {meet["source"]["country"], meet["target"]["country"]} == {"DEU", "FRA"}
    assert meet["date"]["value"] == "2025-03-07"  # the Friday before publication, read by the time stage
    after = client.get("/api/stats").json()["counts"]
    assert after["articles"] == before["articles"] + 1
    assert after["events"] == before["events"] + len(body["events"])
    article = client.get("/api/articles/post-1").json()
    assert article["title"] == "Scholz in Paris" and article["source"] == "Test Wire"
    assert ids(article["events"]) == ids(body["events"])
    # The same content again: a no-op that names the stored article.
    again = client.post("/api/articles", json=payload, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False and again.json()["id"] == "post-1"
    assert ids(again.json()["events"]) == ids(body["events"])
    assert client.get("/api/stats").json()["counts"] == after


@pytest.mark.parametrize(("payload", "status", "code"), [
    ({"text": "Iran condemned Israel.", "published": "someday"}, 400, "E109"),
    ({"text": "Iran condemned Israel.", "published": "9999-12-31"}, 400, "E109"),  # was 422 E900 (issue 12)
    ({"text": "Iran condemned Israel.", "published": "0001-01-01"}, 400, "E109"),
    ({"text": "   \n  "}, 422, "E112"),
    ({"text": ""}, 400, "E600"),
    ({"title": "no text"}, 400, "E600"),
    ({"text": "Iran condemned Israel.", "extra": 1}, 400, "E600"),
])
def test_post_rejects_what_cannot_be_read(client: TestClient, payload: dict[str, Any], status: int,
                                          code: str) -> None:
    response = client.post("/api/articles", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == status, response.json()
    assert response.json()["error"]["code"] == code


# ------------------------------------------------------------------ store errors


def test_an_unusable_database_is_a_503_with_its_code_but_not_its_path(tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    """Issue 12: a 503 names the store error's code; where the database is stays in the server's log."""
    app = create_app(str(tmp_path / "missing" / "dir" / "x.db"), token=TOKEN)
    with TestClient(app) as c, caplog.at_level("WARNING", logger="eventwire.web"):
        for path in ("/api/events", "/api/stats", "/api/timeline", "/api/events/x", "/api/articles/x"):
            response = c.get(path)
            assert response.status_code == 503, path
            error = response.json()["error"]
            assert error["code"] == "E304" and "not available" in error["message"]
            assert str(tmp_path) not in response.text and "x.db" not in response.text
        assert any("missing" in m for m in caplog.messages)
        # The UI's page itself still loads and shows the error it fetches.
        assert c.get("/").status_code == 200


# ------------------------------------------------------------------ serve


def test_serve_answers_http_until_stopped(settings: Settings) -> None:
    """``serve`` (what ``eventwire serve`` runs) in its own process, asked over a real socket."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = ("from eventwire.web.cli import serve; "
            f"serve('127.0.0.1', {port}, {settings.database_url!r}, None)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["counts"]["articles"] >= 2
        post = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "x"}, timeout=5)
        assert post.status_code == 403  # started without a token: read-only
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# ------------------------------------------------------------------ PostgreSQL


@pytest.mark.postgres
def test_the_api_answers_the_same_on_postgresql(postgres_url: str, pipeline: Any, client: TestClient,
                                                tmp_path: Path) -> None:
    settings = load_settings(environ={}, database_url=postgres_url)
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    api.ingest([tmp_path / "a.txt"], published="2025-06-17", settings=settings, pipeline=pipeline)
    api.ingest([tmp_path / "hostile.jsonl"], settings=settings, pipeline=pipeline)
    app = create_app(postgres_url, token=TOKEN, settings=settings, pipeline=pipeline)
    with TestClient(app) as pg:
        for params in ({"dyad": "RUS,PRK"}, {"actor": "CHN"}, {"since": "2025-06"}):
            want = [r for r in client.get("/api/events", params=params).json()["events"]
                    if r["article_id"] != "post-1"]
            got = pg.get("/api/events", params=params)
            assert got.status_code == 200 and ids(got.json()) == ids(want), params
        article = pg.get(f"/api/articles/{HOSTILE_ID}").json()
        assert SCRIPT in article["text"] and article["events"]
        assert pg.get("/api/timeline", params={"dyad": "PRK,RUS"}).json()["total"] >= 1
        posted = pg.post("/api/articles", json={"text": "Iran condemned Israel on Sunday.", "id": "pg-1"},
                         headers={"Authorization": f"Bearer {TOKEN}"})
        assert posted.status_code == 201 and pg.get("/api/articles/pg-1").status_code == 200


# ------------------------------------------------------------------ limits and datelines


@pytest.fixture
def small_app(settings: Settings, pipeline: Any) -> Iterator[TestClient]:
    """The module's store, served with a small article limit (1000 characters)."""
    small = load_settings(environ={}, database_url=settings.database_url, max_article_chars=1000)
    with TestClient(create_app(small.database_url, token=TOKEN, settings=small, pipeline=pipeline)) as c:
        yield c


def test_an_over_long_article_is_a_recorded_rejection(small_app: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = small_app.get("/api/stats").json()["counts"]
    text = "Iran condemned Israel on Sunday. " * 40  # 1320 characters
    response = small_app.post("/api/articles", json={"text": text}, headers=auth)
    assert response.status_code == 422 and response.json()["error"]["code"] == "E104"
    after = small_app.get("/api/stats").json()["counts"]
    assert after["rejections"] == before["rejections"] + 1 and after["articles"] == before["articles"]


def test_a_body_far_beyond_the_limit_is_refused_unread(small_app: TestClient) -> None:
    response = small_app.post("/api/articles", json={"text": "x" * 20_000},
                              headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E605"
    assert "max_article_chars" in response.json()["error"]["message"]


def test_a_posted_article_without_a_date_takes_its_dateline(client: TestClient) -> None:
    text = "PARIS, March 9, 2025 (Test Wire) - The French government protested to Algeria on Saturday."
    response = client.post("/api/articles", json={"text": text, "id": "dateline-1"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.json()
    article = client.get("/api/articles/dateline-1").json()
    assert article["published"] == "2025-03-09" and article["published_source"] == "dateline"
    # No dateline and no date given: the article has no date (nothing invented).
    client.post("/api/articles", json={"text": "Iran condemned Israel.", "id": "undated-1"},
                headers={"Authorization": f"Bearer {TOKEN}"})
    assert client.get("/api/articles/undated-1").json()["published"] is None


def test_ids_with_slashes_and_spaces_round_trip(client: TestClient) -> None:
    record_id = "desk/2025 06/é-1"
    posted = client.post("/api/articles", json={"text": "Japan protested to China on Friday.", "id": record_id,
                                                "published": "2025-06-14"},
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert posted.status_code == 201 and posted.json()["id"] == record_id
    article = client.get(f"/api/articles/{quote(record_id, safe='')}")
    assert article.status_code == 200 and article.json()["id"] == record_id
    for event in posted.json()["events"]:
        assert client.get(f"/api/events/{quote(event['id'], safe='')}").json()["article_id"] == record_id
    assert client.get(f"/articles/{quote(record_id, safe='')}").status_code == 200
