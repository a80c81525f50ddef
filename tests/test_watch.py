"""eventwire watch (issue 13) against a local HTTP server of our own serving feeds and pages: new items are
ingested exactly once, a second pass ingests nothing (conditional GET), broken feeds, 404s, slow pages,
duplicates, redirects and robots.txt are handled, and a failing feed never stops the others."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from eventwire import api
from eventwire.cli import app
from eventwire.config import Settings, load_settings
from eventwire.store import Store
from eventwire.watch import Watcher, WatchOptions, normalise_url, parse_feed

TEXTS = {
    "a": "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday to discuss "
         "trade across their shared border. The two leaders agreed to open a new crossing next year.",
    "b": "Peruvian police arrested twelve protesters outside the Congress building in Lima on Tuesday, "
         "officials said. The protesters had demanded early elections.",
    "c": "Chile accused Bolivia of blocking talks over water rights on Wednesday. Bolivian officials "
         "rejected the accusation and called for a meeting of both foreign ministers.",
    "e": "Japanese Prime Minister Fumio Kishida visited Seoul on Thursday and met South Korean President Yoon "
         "Suk Yeol to discuss security in the region.",
    "d": "Norwegian diplomats met Colombian rebel negotiators in Oslo on Friday to prepare a new round of talks.",
}


def _page(key: str) -> bytes:
    return (f"<html><head><title>Story {key}</title></head><body><nav>Home | World</nav><article>"
            f"<h1>Story {key}</h1><p>{TEXTS[key]}</p></article><footer>(c) Test Wire</footer></body></html>"
            ).encode()


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title><link>{base}/</link>
<item><title>A</title><link>{base}/a.html</link><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate></item>
<item><title>B</title><link>/b.html</link><pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate></item>
<item><title>A again</title><link>{base}/a.html#comments</link></item>
<item><title>Moved</title><link>{base}/moved</link></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
<item><title>Slow</title><link>{base}/slow.html</link></item>
<item><title>Private</title><link>{base}/private/d.html</link></item>
<item><title>B elsewhere</title><link>{base}/copy-of-b.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Atom</title>
<entry><title>E</title><link rel="alternate" href="{base}/e.html"/><updated>2024-06-06T10:00:00Z</updated></entry>
</feed>"""


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    times: ClassVar[list[tuple[str, float]]] = []
    base: ClassVar[str] = ""

    def log_message(self, *_: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html", headers: dict[str, str] | None = None
              ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the slow page)

    def do_GET(self) -> None:
        path = self.path
        type(self).hits[path] += 1
        type(self).times.append((path, time.monotonic()))
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/feed.xml":
            etag = '"feed-v1"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304)
            else:
                self._send(200, RSS.format(base=self.base).encode(), "application/rss+xml", {"ETag": etag})
        elif path == "/atom.xml":
            self._send(200, ATOM.format(base=self.base).encode(), "application/atom+xml")
        elif path == "/broken.xml":
            self._send(200, b"<?xml version='1.0'?><rss><channel><item><title>cut off", "application/rss+xml")
        elif path == "/not-a-feed.xml":
            self._send(200, b"<html><body>hello</body></html>", "text/html")
        elif path == "/moved":
            self._send(301, headers={"Location": "/c.html"})
        elif path == "/slow.html":
            time.sleep(1.5)
            self._send(200, _page("a"))
        elif path == "/copy-of-b.html":
            self._send(200, _page("b"))
        elif path in ("/a.html", "/b.html", "/c.html", "/e.html", "/private/d.html"):
            self._send(200, _page(path.rsplit("/", 1)[1][0]))
        else:
            self._send(404, b"not found")


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.base, _Handler.hits, _Handler.times = base, Counter(), []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def pipeline() -> Any:
    return api.build_pipeline(load_settings(environ={}))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}, database_url=str(tmp_path / "watch.db"))


FAST = WatchOptions(delay=0.05, timeout=0.5, retries=1, backoff=0.05)


def _watcher(settings: Settings, pipeline: Any, store: Store, options: WatchOptions = FAST) -> Watcher:
    return Watcher(store, pipeline, settings, options)


def test_watch_ingests_each_new_item_once_and_a_second_pass_nothing(server: str, settings: Settings,
                                                                     pipeline: Any) -> None:
    feeds = [f"{server}/feed.xml", f"{server}/broken.xml", f"{server}/atom.xml", f"{server}/nothing-here.xml"]
    with Store.open(settings.database_url) as store:
        watcher = _watcher(settings, pipeline, store)
        first = watcher.run_once(feeds)
        by = {s.source.rsplit("/", 1)[1]: s for s in first.sources}
        # The broken feed and the 404 are reported; the feeds after them were read all the same.
        assert by["broken.xml"].status == "failed" and "XML" in (by["broken.xml"].error or "")
        assert by["nothing-here.xml"].status == "failed" and "404" in (by["nothing-here.xml"].error or "")
        feed, atom = by["feed.xml"], by["atom.xml"]
        assert feed.status == "ok" and atom.status == "ok"
        assert feed.items == 7  # the fragment-only duplicate of a.html is one item
        assert (feed.stored, feed.known, feed.failed) == (3, 1, 3)  # a, b, c (redirected); copy of b; 404, slow, robots
        assert atom.stored == 1
        counts = store.counts()
        assert counts["articles"] == 4
        stored = {r["article"]["url"]: r["article"] for r in store.events()}
        assert f"{server}/c.html" in stored  # the address the redirect led to
        assert stored[f"{server}/a.html"]["published"].startswith("2024-06-03")  # the feed's date
        assert _Handler.hits["/private/d.html"] == 0 and _Handler.hits["/robots.txt"] == 1
        assert _Handler.hits["/slow.html"] == 2  # timed out, retried once
        assert _Handler.hits["/a.html"] == 1 and _Handler.hits["/missing.html"] == 1

        pages_before = sum(n for p, n in _Handler.hits.items() if p.endswith(".html"))
        second = watcher.run_once(feeds)
        watcher.close()
        assert second.stored == 0 and store.counts()["articles"] == 4
        assert {s.source.rsplit("/", 1)[1]: s.status for s in second.sources}["feed.xml"] == "not-modified"
        pages_after = sum(n for p, n in _Handler.hits.items() if p.endswith(".html"))
        assert pages_after == pages_before  # feed.xml unchanged (304); atom.xml's one item settled
        assert _Handler.hits["/e.html"] == 1 and _Handler.hits["/a.html"] == 1


def test_watch_state_survives_a_new_watcher(server: str, settings: Settings, pipeline: Any) -> None:
    with Store.open(settings.database_url) as store:
        first = _watcher(settings, pipeline, store)
        assert first.run_once([f"{server}/atom.xml"]).stored == 1
        first.close()
    with Store.open(settings.database_url) as store:
        again = _watcher(settings, pipeline, store)
        report = again.run_once([f"{server}/atom.xml"])
        again.close()
        assert report.stored == 0 and report.sources[0].new == 0 and _Handler.hits["/e.html"] == 1


def test_watch_waits_between_requests_to_one_host(server: str, settings: Settings, pipeline: Any) -> None:
    with Store.open(settings.database_url) as store:
        watcher = _watcher(settings, pipeline, store, WatchOptions(delay=0.4, timeout=5, retries=0))
        watcher.run_once([f"{server}/atom.xml", f"{server}/not-a-feed.xml"])
        watcher.close()
    stamps = [t for _p, t in _Handler.times]
    assert len(stamps) >= 3
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    assert min(gaps) >= 0.35, gaps


def test_watch_reads_new_files_of_a_folder_once(tmp_path: Path, settings: Settings, pipeline: Any) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(f"Talks in Nairobi\n{TEXTS['a']}", encoding="utf-8")
    (inbox / "two.txt").write_text(f"Arrests in Lima\n{TEXTS['b']}", encoding="utf-8")
    with Store.open(settings.database_url) as store:
        watcher = _watcher(settings, pipeline, store)
        assert watcher.run_once([str(inbox)]).stored == 2
        assert watcher.run_once([str(inbox)]).sources[0].new == 0
        (inbox / "three.txt").write_text(f"Talks in Seoul\n{TEXTS['e']}", encoding="utf-8")
        report = watcher.run_once([str(inbox), str(tmp_path / "no-such-folder")])
        watcher.close()
        assert report.stored == 1 and store.counts()["articles"] == 3
        assert [s.status for s in report.sources] == ["ok", "failed"]


def test_parse_feed_reads_rss_and_atom_and_refuses_the_rest() -> None:
    base = "http://news.example"
    rss = parse_feed(RSS.format(base=base).encode(), f"{base}/feed.xml")
    assert [i.url for i in rss][:2] == [f"{base}/a.html", f"{base}/b.html"]  # a relative link made absolute
    assert len({normalise_url(i.url) for i in rss}) == len(rss)
    atom = parse_feed(ATOM.format(base=base).encode(), f"{base}/atom.xml")
    assert [(i.url, str(i.published)) for i in atom] == [(f"{base}/e.html", "2024-06-06")]
    from eventwire.watch import FeedError

    with pytest.raises(FeedError, match="neither RSS nor Atom"):
        parse_feed(b"<html><body/></html>", base)
    with pytest.raises(FeedError, match="XML"):
        parse_feed(b"<rss><channel>", base)


def test_watch_command_once_reports_a_broken_feed_and_goes_on(server: str, settings: Settings) -> None:
    result = CliRunner().invoke(app, ["--db", settings.database_url, "watch", f"{server}/broken.xml",
                                      f"{server}/atom.xml", "--once", "--delay", "0.05", "--timeout", "2"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["stored"] == 1 and report["failed_sources"] == 1
    assert "broken.xml" in result.stderr
