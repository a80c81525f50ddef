"""The web UI in real headless Chromium: the server runs on a free local port, Chromium loads a page,
runs its scripts against the API and dumps the DOM it built, which is parsed and checked here.

Needs Chromium (Debian/Ubuntu: ``apt-get install -y chromium``; any other build: point
``EVENTWIRE_TEST_CHROMIUM`` at its executable); skipped with the reason where it is absent (see the README).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import serving
from test_web import HOSTILE, HOSTILE_ID, IMG, SCRIPT, fill_store

from eventwire import api
from eventwire.config import Settings, load_settings
from eventwire.store import Store
from eventwire.web.app import static_dir

CHROMIUM = os.environ.get("EVENTWIRE_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"headless Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`, or set "
    "EVENTWIRE_TEST_CHROMIUM to a Chromium executable",
)


# ------------------------------------------------------------------ a small DOM from Chromium's dump


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def by_id(self, node_id: str) -> Node:
        found = [n for n in self.walk() if n.attrs.get("id") == node_id]
        assert len(found) == 1, f"no single element #{node_id}"
        return found[0]


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_dom(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


# ------------------------------------------------------------------ server and browser


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    pipeline = api.build_pipeline(load_settings(environ={}))
    return fill_store(tmp_path_factory.mktemp("browser"), pipeline)


@pytest.fixture(scope="module")
def base_url(settings: Settings) -> Iterator[str]:
    with serving(settings.database_url) as url:
        yield url


@pytest.fixture(scope="module")
def records(settings: Settings) -> list[dict[str, Any]]:
    with Store.open(settings.database_url) as store:
        return list(store.events())


def dump_dom(url: str, tmp_path: Path) -> tuple[Node, list[str]]:
    """The DOM after Chromium has run the page's scripts (virtual time lets the fetches finish), and the
    page's console messages (script errors and Content-Security-Policy violations land there)."""
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "</html>" in done.stdout, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return parse_dom(done.stdout), console


def render(url: str, tmp_path: Path) -> Node:
    """:func:`dump_dom` of a page that must have loaded without an error, a script error or a blocked
    resource."""
    dom, console = dump_dom(url, tmp_path)
    assert console == [], console
    error = dom.by_id("error")
    assert "hidden" in error.attrs, f"the page showed an error: {error.text()}"
    return dom


def assert_hostile_markup_stayed_text(dom: Node) -> None:
    # Only the two scripts of the page itself, no element from the data, no javascript: link.
    scripts = dom.find_all("script")
    ours = {f"/static/{p.name}" for p in static_dir().glob("*.js")}
    assert scripts and scripts[0].attrs.get("src") == "/static/common.js"
    assert all(s.attrs.get("src") in ours for s in scripts)
    assert all(s.attrs.get("src", "").startswith("/static/") and not s.text().strip() for s in scripts)
    assert dom.find_all("img") == []
    assert dom.find_all("b") == []
    for node in dom.walk():
        assert not any(name.startswith("on") for name in node.attrs), node
        assert not node.attrs.get("href", "").lower().startswith("javascript:"), node


# ------------------------------------------------------------------ the pages


def test_event_table_and_timeline_render(base_url: str, records: list[dict[str, Any]], tmp_path: Path) -> None:
    dom = render(f"{base_url}/", tmp_path)
    rows = dom.by_id("events").find_all("tr")[1:]  # the first is the header
    assert [r.attrs.get("data-event-id") for r in rows] == [r["id"] for r in records]
    first = rows[0].find_all("td")
    assert first[-2].text() == records[0]["sentence"]
    links = [a.attrs["href"] for a in rows[0].find_all("a")]
    assert links[0] == f"/events/{records[0]['id']}"  # the event's page (issue 13), then its sentence in the article
    assert f"/articles/{records[0]['article_id']}?event={records[0]['id']}" in links
    bars = dom.by_id("timeline").find_all("rect")
    assert len(bars) >= 2 and all(any(c.startswith("q-") for c in b.classes) for b in bars)
    assert "events from" in dom.by_id("stats").text()
    assert_hostile_markup_stayed_text(dom)
    # The hostile sentence is in the table, as text.
    assert any(IMG in r.text() for r in rows)


def test_filters_from_the_address_reach_the_table(base_url: str, records: list[dict[str, Any]],
                                                  tmp_path: Path) -> None:
    dom = render(f"{base_url}/?dyad=PRK,RUS&type=CONSULT", tmp_path)
    want = [r["id"] for r in records if r["type"] == "CONSULT"
            and {(r["source"] or {}).get("country"), (r["target"] or {}).get("country")} == {"PRK", "RUS"}]
    rows = dom.by_id("events").find_all("tr")[1:]
    assert want and [r.attrs.get("data-event-id") for r in rows] == want
    assert "dyad PRK,RUS" in dom.by_id("timeline-title").text()
    form_values = {n.attrs.get("name"): n.attrs.get("value") for n in dom.by_id("filters").find_all("input")}
    assert form_values.get("dyad") is None or form_values["dyad"] == "PRK,RUS"  # set as a property, not an attribute


def test_article_view_highlights_the_event(base_url: str, records: list[dict[str, Any]], tmp_path: Path) -> None:
    event = next(r for r in records if r["article_id"] == HOSTILE_ID and r["type"] == "CONSULT")
    dom = render(f"{base_url}/articles/{HOSTILE_ID}?event={event['id']}", tmp_path)
    text = dom.by_id("article-text")
    assert SCRIPT in text.text() and IMG in text.text()  # the hostile markup, shown as text
    sentence = "".join(m.text() for m in text.find_all("mark", "hl-sentence"))
    assert sentence == event["sentence"]
    assert "".join(m.text() for m in text.find_all("mark", "hl-trigger")) == event["trigger"]
    assert "".join(m.text() for m in text.find_all("mark", "hl-source")) == event["source"]["text"]
    assert "".join(m.text() for m in text.find_all("mark", "hl-target")) == event["target"]["text"]
    assert event["date"]["text"] and "".join(m.text() for m in text.find_all("mark", "hl-date")) == event["date"]["text"]
    assert dom.by_id("article-title").text() == HOSTILE["title"]
    selected = dom.by_id("event-list").find_all("li", "selected")
    assert [s.attrs["data-event-id"] for s in selected] == [event["id"]]
    # The javascript: address is shown, never linked.
    meta = dom.by_id("article-meta")
    assert HOSTILE["url"] in meta.text() and meta.find_all("a") == []
    assert_hostile_markup_stayed_text(dom)


def test_an_unknown_article_shows_the_api_error(base_url: str, tmp_path: Path) -> None:
    dom, _console = dump_dom(f"{base_url}/articles/no-such-article", tmp_path)
    error = dom.by_id("error")
    assert "hidden" not in error.attrs and "E604" in error.text()
