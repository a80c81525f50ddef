"""What one app holds: the store (opened on first use) and the pipeline (built on first write).

Both are created lazily so that a read-only server starts in a moment and a database that is down at
start-up is answered with a 503 per request (and recovers when it comes back) instead of a crash.
The pipeline is not thread-safe (one spaCy ``Language``); FastAPI runs sync endpoints in a thread pool,
so every analysis runs under a lock.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from ..clean import clean_record
from ..config import Settings, load_settings
from ..errors import InputError, StoreError
from ..ingest import E_TOO_LONG, dateline_of, kept_raw, parse_published
from ..models import AnalysedArticle, RawRecord, Rejection
from ..runners.local import ARTICLE_STORE_ERRORS
from ..store import Store
from .lookup import article_id_by_hash

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What a POSTed article became: stored now, already stored, or rejected (recorded as such)."""

    article_id: str | None
    stored: bool
    rejection: Rejection | None = None


class WebContext:
    def __init__(self, database_url: str, token: str | None, settings: Settings | None = None,
                 pipeline: Any = None) -> None:
        self.database_url = database_url
        self.token = token
        self._settings = settings
        self._pipeline = pipeline
        self._store: Store | None = None
        self._store_lock = threading.Lock()
        self._pipeline_lock = threading.Lock()

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(database_url=self.database_url)
        return self._settings

    @property
    def pipeline_loaded(self) -> bool:
        return self._pipeline is not None

    def store(self) -> Store:
        with self._store_lock:
            if self._store is None:
                self._store = Store.open(self.database_url)
            return self._store

    def close(self) -> None:
        with self._store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def _pipeline_locked(self) -> Any:
        """The pipeline; the caller holds ``_pipeline_lock``."""
        if self._pipeline is None:
            from ..api import build_pipeline

            log.info("loading the pipeline for the first write")
            self._pipeline = build_pipeline(self.settings)
        return self._pipeline

    def ingest(self, text: str, *, title: str | None = None, published: str | None = None,
               url: str | None = None, source: str | None = None, record_id: str | None = None) -> IngestResult:
        """Analyse one article with the real pipeline and store it (a no-op when its content is stored).

        Read as ``ingest`` reads a JSONL record: over-long text is a recorded rejection (E104, keeping its
        first MiB, size and hash), a missing publication date may come from a dateline, text that cleaning
        rejects (E112, E114, E115) and a record id stored with other content (E311) are recorded rejections.
        Raises InputError for a ``published`` that is not a date (E109: the caller's mistake, told at once)."""
        origin = "http:POST /api/articles" + (f" ({record_id})" if record_id else "")
        store = self.store()
        limit = self.settings.max_article_chars
        if len(text) > limit:
            raw, note = kept_raw(text, limit)
            return self._rejected(store, Rejection(
                origin=origin, stage="ingest", code=E_TOO_LONG, raw=raw, article_id=record_id,
                reason=f"{origin}: article is {len(text):,} characters, over the limit of {limit:,}; raise "
                f"max_article_chars to read it{note}"))
        day = parse_published(published, origin="published") if published else None
        dateline = dateline_of(text) if day is None else None
        record = RawRecord(
            origin=origin,
            text=text,
            title=title,
            published=day or (dateline[0] if dateline else None),
            published_source="user" if day else ("dateline" if dateline else None),
            url=url,
            source=source,
            record_id=record_id,
            format="txt",
            metadata={"published_source": "dateline", "dateline": dateline[1]} if dateline else {},
        )
        try:
            article = clean_record(record, self.settings)
        except InputError as exc:
            return self._rejected(store, Rejection(origin=origin, stage="clean", code=exc.code, reason=exc.message,
                                                   article_id=record_id, raw=text))
        if store.has_article(article.content_hash):
            # The same content may be stored under another id (given by an earlier record).
            return IngestResult(article_id_by_hash(store, article.content_hash), stored=False)
        with self._pipeline_lock:
            (result,) = list(self._pipeline_locked().run([article]))
        if isinstance(result, Rejection):
            return self._rejected(store, result, result.article_id or article.id)
        assert isinstance(result, AnalysedArticle)
        try:
            stored = store.save_article(result)
        except StoreError as exc:
            if exc.code not in ARTICLE_STORE_ERRORS:
                raise
            return self._rejected(store, Rejection(origin=origin, stage="store", code=exc.code, reason=exc.message,
                                                   article_id=article.id, raw=text))
        return IngestResult(result.article.id if stored else article_id_by_hash(store, article.content_hash),
                            stored=stored)

    def _rejected(self, store: Store, rejection: Rejection, article_id: str | None = None) -> IngestResult:
        """Record ``rejection`` (never lost) and answer with it."""
        store.save_rejection(rejection)
        log.info("rejected %s (%s): %s", rejection.origin, rejection.code, rejection.reason)
        return IngestResult(article_id, stored=False, rejection=rejection)
