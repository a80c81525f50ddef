"""Continuous ingestion (issue 13): RSS and Atom feeds, and watched folders, read into the store.

One pass (:meth:`Watcher.run_once`, ``eventwire watch --once`` for cron; ``--every`` loops):

- **Feeds** are fetched with conditional GET (the ``ETag`` and ``Last-Modified`` of the last answer are
  kept in the store): an unchanged feed costs one ``304``. Each item's page not seen before is fetched,
  its main text extracted with trafilatura (as ``ingest`` reads an ``.html`` file) and ingested; the feed's
  date of the item dates the article where the page states none.
- **Folders**: each file not seen before (by path, size and modification time) is ingested.
- **Politeness**: every host is asked at most once per ``delay`` seconds; pages a host's ``robots.txt``
  disallows for our user agent are not fetched (an unreachable ``robots.txt``, 5xx, disallows the host for
  the pass; a missing one, 4xx, allows all). The feeds themselves are fetched as named by the user.
- **Failures**: timeouts, connection errors, ``429`` and ``5xx`` are retried ``retries`` times with
  back-off; a page that still fails is tried again on the next pass that reads its feed (a feed answering
``304`` lists nothing), up to ``max_attempts`` in all; a
  ``4xx`` page is recorded as failed. A feed that cannot be fetched or read (broken XML, not RSS or Atom)
  is reported and the other sources go on.

**State** lives in the store (``watch_sources``, ``watch_items``): each item (a page by its normalised URL,
a file by path, size and time) with its outcome, so a second pass, or a restarted one, fetches nothing it
has settled. Articles themselves are deduplicated by content as in ``ingest``: an item whose text is stored
already (the same story at two addresses, or twice in a feed) is ``known``.
"""

from __future__ import annotations

import dataclasses
import logging
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
import sqlalchemy as sa

from .config import Settings
from .ingest import read_html_page, read_inputs
from .models import RawRecord, Rejection
from .pipeline import Pipeline
from .runners.local import LocalRunner
from .store import Store, schema

log = logging.getLogger(__name__)

USER_AGENT = "eventwire-watch/0.1 (+https://github.com/eventwire)"
ATOM = "{http://www.w3.org/2005/Atom}"
SETTLED = frozenset({"stored", "known", "rejected", "failed"})


@dataclass(frozen=True, slots=True)
class WatchOptions:
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 10.0  # seconds per request (connect, read)
    retries: int = 2  # further tries of a request that timed out or got 429/5xx
    max_attempts: int = 3  # passes that try a failing page before it is given up
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class SourceReport:
    """What one pass did with one feed or folder."""

    source: str
    kind: str  # "feed" | "folder"
    status: str = "ok"  # "ok" | "not-modified" | "failed"
    error: str | None = None
    items: int = 0  # items the feed or folder lists
    new: int = 0  # items not settled before this pass
    stored: int = 0
    known: int = 0
    rejected: int = 0
    failed: int = 0  # pages that could not be fetched (or were disallowed) this pass
    validators: tuple[str | None, str | None] | None = None  # the feed's ETag and Last-Modified, to keep

    def as_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        del out["validators"]
        return out


@dataclass(slots=True)
class WatchReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def failed(self) -> list[SourceReport]:
        return [s for s in self.sources if s.status == "failed"]

    @property
    def stored(self) -> int:
        return sum(s.stored for s in self.sources)

    def as_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "failed_sources": len(self.failed),
                "sources": [s.as_dict() for s in self.sources]}


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    title: str | None
    published: date | None


class FeedError(Exception):
    """A feed that cannot be read (its message says why)."""


class _Disallowed(Exception):
    pass


def normalise_url(url: str) -> str:
    """The URL as an item key: scheme and host in lower case, no fragment."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _feed_date(text: str | None) -> date | None:
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        return parsedate_to_datetime(text).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text).date()  # Atom: RFC 3339 (Python 3.11 reads "Z")
    except ValueError:
        return None


def parse_feed(content: bytes, base_url: str) -> list[FeedItem]:
    """The items of an RSS 2.0/0.9x or Atom feed, links made absolute, each link once, in feed order.
    Raises :class:`FeedError` for broken XML or a document that is neither."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not well-formed XML: {exc}") from None
    items: list[FeedItem] = []
    if root.tag == f"{ATOM}feed":
        for entry in root.iter(f"{ATOM}entry"):
            links = entry.findall(f"{ATOM}link")
            href = next((x.get("href") for x in links if x.get("rel") in (None, "alternate") and x.get("href")), None)
            if href:
                items.append(FeedItem(urljoin(base_url, href.strip()), entry.findtext(f"{ATOM}title"),
                                      _feed_date(entry.findtext(f"{ATOM}published")
                                                 or entry.findtext(f"{ATOM}updated"))))
    elif root.tag in ("rss", "RDF") or root.tag.endswith("}RDF"):
        for item in root.iter("item", "{http://purl.org/rss/1.0/}item"):
            link = item.findtext("link") or item.findtext("{http://purl.org/rss/1.0/}link")
            guid = item.find("guid")
            if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
                link = guid.text
            if link and link.strip():
                items.append(FeedItem(urljoin(base_url, link.strip()), item.findtext("title"),
                                      _feed_date(item.findtext("pubDate"))))
    else:
        raise FeedError(f"neither RSS nor Atom (the root element is <{etree.QName(root).localname}>)")
    seen: set[str] = set()
    unique = []
    for it in items:
        key = normalise_url(it.url)
        if key not in seen:
            seen.add(key)
            unique.append(it)
    return unique


class Watcher:
    """One store, one pipeline, one HTTP client; :meth:`run_once` reads every source once."""

    def __init__(self, store: Store, pipeline: Pipeline, settings: Settings, options: WatchOptions | None = None,
                 client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.store = store
        self.settings = settings
        self.options = options or WatchOptions()
        self.runner = LocalRunner(pipeline, store)
        self.client = client or httpx.Client(
            timeout=self.options.timeout, follow_redirects=True, max_redirects=5,
            headers={"User-Agent": self.options.user_agent})
        self.sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ a pass
    def run_once(self, sources: Sequence[str]) -> WatchReport:
        """Read each source once; a failing source is reported and the others go on."""
        report = WatchReport()
        self._robots.clear()
        for source in sources:
            is_url = urlsplit(source).scheme in ("http", "https")
            one = SourceReport(source, "feed" if is_url else "folder")
            try:
                if is_url:
                    self._feed(source, one)
                else:
                    self._folder(Path(source), one)
            except (FeedError, httpx.HTTPError, OSError) as exc:
                one.status, one.error = "failed", _describe(exc)
                log.warning("watch: %s failed: %s", source, one.error)
            self._save_source(one)
            report.sources.append(one)
        return report

    # ------------------------------------------------------------------ feeds
    def _feed(self, url: str, report: SourceReport) -> None:
        state = self._source_state(url)
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        response = self._get(url, headers)
        if response.status_code == 304:
            report.status = "not-modified"
            return
        if response.status_code >= 400:
            raise FeedError(f"HTTP {response.status_code} for the feed")
        items = parse_feed(response.content, str(response.url))
        report.items = len(items)
        settled = self._settled([normalise_url(i.url) for i in items])
        for item in items:
            key = normalise_url(item.url)
            if key in settled:
                continue
            report.new += 1
            self._page(url, key, item, report)
        # Validators are kept only once every item was handled, so that an interrupted pass re-reads the feed.
        report.validators = (response.headers.get("ETag"), response.headers.get("Last-Modified"))

    def _page(self, feed: str, key: str, item: FeedItem, report: SourceReport) -> None:
        attempts = self._attempts(key) + 1
        try:
            if not self._allowed(item.url):
                raise _Disallowed("robots.txt disallows it")
            response = self._get(item.url)
        except _Disallowed as exc:
            report.failed += 1
            self._save_item(key, feed, item.url, "failed", attempts, str(exc))
            return
        except httpx.HTTPError as exc:
            report.failed += 1
            outcome = "retry" if attempts < self.options.max_attempts else "failed"
            self._save_item(key, feed, item.url, outcome, attempts, _describe(exc))
            return
        if response.status_code >= 400:
            report.failed += 1
            retry = response.status_code == 429 or response.status_code >= 500
            outcome = "retry" if retry and attempts < self.options.max_attempts else "failed"
            self._save_item(key, feed, item.url, outcome, attempts, f"HTTP {response.status_code}")
            return
        final = str(response.url)
        record = read_html_page(response.text, final, self.settings)
        if isinstance(record, RawRecord):
            record = dataclasses.replace(
                record, url=final, title=record.title or item.title,
                source=record.source or urlsplit(final).hostname,
                published=record.published or item.published,
                published_source=record.published_source or ("record" if item.published else None),
                metadata={**record.metadata, "feed": feed})
        self._save_item(key, feed, final, self._ingest(record, report), attempts, None)

    # ------------------------------------------------------------------ folders
    def _folder(self, folder: Path, report: SourceReport) -> None:
        if not folder.is_dir():
            raise FeedError(f"{folder} is not a folder, nor an http(s) feed address")
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
        report.items = len(files)
        keys = {}
        for path in files:
            stat = path.stat()
            keys[path] = f"file:{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
        settled = self._settled(list(keys.values()))
        for path in files:
            if keys[path] in settled:
                continue
            report.new += 1
            outcomes = [self._ingest(r, report) for r in read_inputs([path], self.settings)]
            outcome = "stored" if "stored" in outcomes else outcomes[0] if outcomes else "rejected"
            self._save_item(keys[path], str(folder), None, outcome, 1, None)

    # ------------------------------------------------------------------ ingest
    def _ingest(self, record: RawRecord | Rejection, report: SourceReport) -> str:
        """Clean, analyse and store one record (a rejection is recorded in the store as ``ingest`` does)."""
        summary = self.runner.run([record])
        if summary.stored:
            report.stored += 1
            return "stored"
        if summary.skipped_known:
            report.known += 1
            return "known"
        report.rejected += 1
        return "rejected"

    # ------------------------------------------------------------------ HTTP
    def _get(self, url: str, headers: dict[str, str] | None = None) -> httpx.Response:
        """GET with the per-host delay, and retries of timeouts, connection errors, 429 and 5xx."""
        host = urlsplit(url).netloc.lower()
        for attempt in range(self.options.retries + 1):
            wait = self._last_request.get(host, -1e9) + self.options.delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self._last_request[host] = time.monotonic()
            try:
                response = self.client.get(url, headers=headers)
            except httpx.TransportError:
                if attempt == self.options.retries:
                    raise
            else:
                if not (response.status_code == 429 or response.status_code >= 500) or attempt == self.options.retries:
                    return response
            self.sleep(self.options.backoff * 2 ** attempt)
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin not in self._robots:
            rules: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                response = self._get(f"{origin}/robots.txt")
            except httpx.HTTPError:
                rules = None  # unreachable: the host is left alone this pass
            else:
                assert rules is not None
                if response.status_code >= 500:
                    rules = None
                elif response.status_code >= 400:
                    rules.parse([])  # no rules: everything allowed
                else:
                    rules.parse(response.text.splitlines())
            self._robots[origin] = rules
        rules = self._robots[origin]
        return rules is not None and rules.can_fetch(self.options.user_agent, url)

    # ------------------------------------------------------------------ state in the store
    def _source_state(self, source: str) -> dict[str, Any]:
        s = schema.watch_sources.c
        with self.store.engine.connect() as conn:
            row = conn.execute(sa.select(s.etag, s.last_modified).where(s.source == source)).mappings().first()
        return dict(row) if row else {}

    def _save_source(self, report: SourceReport) -> None:
        values: dict[str, Any] = {"kind": report.kind, "checked_at": datetime.now(UTC), "status": report.status,
                                  "error": report.error}
        if report.validators is not None:
            values["etag"], values["last_modified"] = report.validators
        s = schema.watch_sources.c
        with self.store.engine.begin() as conn:
            if conn.execute(sa.select(s.source).where(s.source == report.source)).first() is None:
                conn.execute(sa.insert(schema.watch_sources).values(source=report.source, **values))
            else:
                conn.execute(sa.update(schema.watch_sources).where(s.source == report.source).values(**values))

    def _settled(self, keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        i = schema.watch_items.c
        found: set[str] = set()
        with self.store.engine.connect() as conn:
            for n in range(0, len(wanted), 500):
                found.update(r.key for r in conn.execute(
                    sa.select(i.key).where(i.key.in_(wanted[n:n + 500]), i.outcome.in_(sorted(SETTLED)))))
        return found

    def _attempts(self, key: str) -> int:
        i = schema.watch_items.c
        with self.store.engine.connect() as conn:
            return int(conn.execute(sa.select(i.attempts).where(i.key == key)).scalar() or 0)

    def _save_item(self, key: str, source: str, url: str | None, outcome: str, attempts: int,
                   error: str | None) -> None:
        i = schema.watch_items.c
        values = {"source": source, "url": url, "outcome": outcome, "attempts": attempts, "error": error,
                  "seen_at": datetime.now(UTC)}
        with self.store.engine.begin() as conn:
            if conn.execute(sa.select(i.key).where(i.key == key)).first() is None:
                conn.execute(sa.insert(schema.watch_items).values(key=key, **values))
            else:
                conn.execute(sa.update(schema.watch_items).where(i.key == key).values(**values))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    return str(exc) or type(exc).__name__
