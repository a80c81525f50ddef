"""The analyst UI of issue 13 in real headless Chromium, driven over the DevTools protocol (tests/browser.py):
every page loads with no console message, exception or failed load; the timeline (a long range and a short
one), the map, the network and an event page are drawn and not empty, checked from the DOM and from
screenshots of each (written to ``$EVENTWIRE_TEST_SCREENSHOTS`` when set, else to a temporary folder); the
map's and the network's clicks filter the page.

Needs Chromium, as tests/test_web_browser.py does (skipped with the reason where it is absent)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import Browser, chromium, colour_profile, serving
from test_web_browser import CHROMIUM
from web_corpus import fill_corpus

from eventwire import api
from eventwire.config import Settings, load_settings
from eventwire.store import Store

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"headless Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`, or set "
    "EVENTWIRE_TEST_CHROMIUM to a Chromium executable",
)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return fill_corpus(tmp_path_factory.mktemp("ui"), api.build_pipeline(load_settings(environ={})))


@pytest.fixture(scope="module")
def base_url(settings: Settings) -> Iterator[str]:
    with serving(settings.database_url) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with chromium(CHROMIUM, tmp_path_factory.mktemp("profile")) as b:
        yield b


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("EVENTWIRE_TEST_SCREENSHOTS")
    return Path(where) if where else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def records(settings: Settings) -> list[dict[str, Any]]:
    with Store.open(settings.database_url) as store:
        return list(store.events())


def load(browser: Browser, url: str) -> None:
    """Open a page; it must draw with no console message and show no error."""
    browser.open(url)
    assert browser.console == [], browser.console
    assert browser.evaluate("document.getElementById('error').hidden") is True, \
        browser.evaluate("document.getElementById('error').textContent")


def assert_drawn(png: bytes, colours: int = 8, share: float = 0.03) -> None:
    """A screenshot of a drawing: several colours, and a fair share of pixels off its background."""
    distinct, off_background = colour_profile(png)
    assert distinct >= colours and off_background >= share, (distinct, off_background)


def count(browser: Browser, selector: str) -> int:
    return int(browser.evaluate(f"document.querySelectorAll({selector!r}).length"))


def bars(browser: Browser) -> list[float]:
    """Heights of the timeline's bars with events."""
    heights = browser.evaluate("[...document.querySelectorAll('#timeline rect[class*=\"q-\"]')]"
                               ".map(r => r.getBBox().height)")
    return [h for h in heights if h > 0]


def test_home_page_draws_the_timeline_map_and_network(browser: Browser, base_url: str, shots: Path,
                                                      records: list[dict[str, Any]]) -> None:
    load(browser, f"{base_url}/")
    # The timeline over the whole range (1984–2002) starts where the data is, with wide bars.
    assert len(bars(browser)) >= 5
    shown = browser.evaluate("document.getElementById('timeline-range').textContent")
    assert shown.startswith(("2001", "2002")), shown
    assert "one bar per week" in shown or "one bar per month" in shown
    apart = browser.evaluate("document.getElementById('timeline-apart').textContent")
    assert "1999" in apart and "undated" in apart
    assert_drawn(browser.screenshot("#timeline-section", shots / "timeline-long.png"))
    # The map: every country outline, and clustered places.
    assert count(browser, "#map path.country") > 200
    assert count(browser, "#map g.cluster") >= 3
    assert_drawn(browser.screenshot("#map", shots / "map.png"), share=0.3)
    # The network: coded actors and dyads.
    assert count(browser, "#network g.node") >= 10 and count(browser, "#network g.edge") >= 10
    assert_drawn(browser.screenshot("#network", shots / "network.png"))
    # The table and the downloads of the filter.
    assert count(browser, "#events tbody tr") == len(records)
    href = browser.evaluate("document.getElementById('download-csv').getAttribute('href')")
    assert href.startswith("/api/export?") and "format=csv" in href


def test_a_short_range_is_drawn_in_days(browser: Browser, base_url: str, shots: Path) -> None:
    load(browser, f"{base_url}/?since=2002-07-01&until=2002-07-31")
    assert "one bar per day" in browser.evaluate("document.getElementById('timeline-range').textContent")
    assert len(bars(browser)) >= 2
    assert_drawn(browser.screenshot("#timeline-section", shots / "timeline-short.png"))


def test_a_click_on_the_map_lists_the_events_of_that_place(browser: Browser, base_url: str) -> None:
    load(browser, f"{base_url}/")
    browser.evaluate("document.querySelector('#map g.cluster').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    deadline = time.monotonic() + 30
    while "bbox=" not in browser.evaluate("location.href"):
        assert time.monotonic() < deadline, "the click did not filter the page"
        time.sleep(0.1)
    url = browser.evaluate("location.href")
    browser.open(url)
    assert browser.console == []
    west, south, east, north = (float(v) for v in parse_qs(urlsplit(url).query)["bbox"][0].split(","))
    rows = browser.evaluate("[...document.querySelectorAll('#events tbody tr')].length")
    assert rows >= 1
    located = browser.evaluate("fetch('/api/events?limit=1000&bbox=' + new URLSearchParams(location.search)"
                               ".get('bbox')).then(r => r.json()).then(b => b.events.map(e => [e.location.lat,"
                               " e.location.lon]))")
    assert len(located) == rows
    assert all(south <= lat <= north and west <= lon <= east for lat, lon in located)


def test_a_click_on_an_edge_opens_the_dyad_timeline(browser: Browser, base_url: str) -> None:
    load(browser, f"{base_url}/")
    pair = browser.evaluate("""(() => {
        const edge = document.querySelector('#network g.edge');
        edge.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        return edge.querySelector('title') ? edge.querySelector('title').textContent : '';
    })()""")
    deadline = time.monotonic() + 30
    while "dyad=" not in browser.evaluate("location.href"):
        assert time.monotonic() < deadline, f"the click on {pair} did not open the dyad"
        time.sleep(0.1)
    load(browser, browser.evaluate("location.href"))
    dyad = parse_qs(urlsplit(browser.evaluate("location.href")).query)["dyad"][0]
    assert f"dyad {dyad}" in browser.evaluate("document.getElementById('timeline-title').textContent")
    assert len(bars(browser)) >= 1


def test_the_event_page_lists_its_cluster_sources(browser: Browser, base_url: str, shots: Path,
                                                  records: list[dict[str, Any]]) -> None:
    shared = next(r for r in records if r["article_id"] == "shared-1")
    load(browser, f"{base_url}/events/{shared['id']}")
    assert browser.evaluate("document.getElementById('event-sentence').textContent") == shared["sentence"]
    assert count(browser, "#sources tbody tr") == 3
    outlets = browser.evaluate("document.getElementById('sources').textContent")
    assert all(name in outlets for name in ("Wire One", "Daily Two", "Three Times"))
    assert_drawn(browser.screenshot("main", shots / "event.png"), share=0.02)


def test_the_docs_page_reads_the_schema_offline(browser: Browser, base_url: str) -> None:
    load(browser, f"{base_url}/docs")
    assert count(browser, "#api-operations section.operation") >= 10
    text = browser.evaluate("document.getElementById('api-operations').textContent")
    assert "/api/export" in text and "quad_class" in text
    loaded = browser.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(name.startswith(base_url) for name in loaded)  # nothing from elsewhere
