"""The local runner: stream records, skip what the store already holds, analyse in bounded batches,
commit each article on its own (a crash loses nothing committed; a rerun resumes where it stopped)."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from ..clean import clean_record
from ..errors import EventwireError, StoreError
from ..ingest.limits import kept_raw
from ..models import AnalysedArticle, Article, RawRecord, Rejection

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did, and why (kept, skipped, rejected)."""

    read: int = 0
    stored: int = 0
    skipped_known: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    sentences_parsed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    total: int | None = None  # records to read, where known before reading (for a progress bar)

    def add_article(self, analysed: AnalysedArticle) -> None:
        """Count an article that was stored (or written) with its events and sentences."""
        self.stored += 1
        self.events += len(analysed.events)
        self.sentences += len(analysed.sentences)
        self.sentences_parsed += len(analysed.parsed)

    def add_rejection(self, rejection: Rejection) -> None:
        """Count a rejected input; the first 1,000 are kept for the report (all are in the store)."""
        self.rejected += 1
        if len(self.rejections) < 1000:
            self.rejections.append(rejection)

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "skipped_known": self.skipped_known,
            "rejected": self.rejected,
            "events": self.events,
            "sentences": self.sentences,
            "sentences_parsed": self.sentences_parsed,
        }


def batches(items: Iterable[RawRecord | Rejection], size: int) -> Iterator[list[RawRecord | Rejection]]:
    """Consecutive lists of at most ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


# The pipeline a forked worker process uses: set once in the parent just before the fork, so that the
# workers share the loaded models copy-on-write instead of loading them again.
_WORKER_PIPELINE: list[Pipeline] = []


def _analyse_in_worker(batch: list[Article | Rejection]) -> list[AnalysedArticle | Rejection]:
    (pipeline,) = _WORKER_PIPELINE
    # spaCy docs stay in the worker: the store needs the article, sentences, mentions and events
    return [r if isinstance(r, Rejection) else dataclasses.replace(r, docs={}) for r in pipeline.run(batch)]


class LocalRunner:
    """Run ``pipeline`` over records into ``store`` in batches of ``batch_articles``, in this process or
    in ``workers`` forked processes (the store is written by this process only, in input order)."""

    def __init__(self, pipeline: Pipeline, store: Store, batch_articles: int = 16, workers: int = 1) -> None:
        self.pipeline = pipeline
        self.store = store
        self.batch_articles = batch_articles
        self.workers = workers

    def run(
        self,
        records: Iterable[RawRecord | Rejection],
        progress: Callable[[IngestSummary], None] | None = None,
        total: int | None = None,
    ) -> IngestSummary:
        summary = IngestSummary(total=total)
        cleaned = self._cleaned_batches(records, summary)
        if self.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._run_forked(cleaned, summary, progress)
            return summary
        for todo in cleaned:
            self._save_all(list(self.pipeline.run(todo)), summary, progress)
        return summary

    def _cleaned_batches(self, records: Iterable[RawRecord | Rejection], summary: IngestSummary
                         ) -> Iterator[list[Article | Rejection]]:
        for batch in batches(records, self.batch_articles):
            todo: list[Article | Rejection] = []
            for record in batch:
                summary.read += 1
                todo.append(self._clean(record))
            # One look-up per batch: what the store holds already costs no parse (re-ingest is a no-op).
            known = self.store.known_hashes(a.content_hash for a in todo if isinstance(a, Article))
            fresh = [a for a in todo if isinstance(a, Rejection) or a.content_hash not in known]
            summary.skipped_known += len(todo) - len(fresh)
            if fresh:
                yield fresh

    def _run_forked(self, batches: Iterator[list[Article | Rejection]], summary: IngestSummary,
                    progress: Callable[[IngestSummary], None] | None) -> None:
        """Analyse batches in forked workers with at most ``2 × workers`` batches in flight (memory stays
        flat on endless input); results are saved here in input order."""
        _WORKER_PIPELINE[:] = [self.pipeline]
        try:
            with multiprocessing.get_context("fork").Pool(self.workers) as pool:
                pending: deque = deque()
                for todo in batches:
                    pending.append(pool.apply_async(_analyse_in_worker, (todo,)))
                    while len(pending) >= 2 * self.workers:
                        self._save_all(pending.popleft().get(), summary, progress)
                while pending:
                    self._save_all(pending.popleft().get(), summary, progress)
        finally:
            _WORKER_PIPELINE.clear()

    def _save_all(self, results: list[AnalysedArticle | Rejection], summary: IngestSummary,
                  progress: Callable[[IngestSummary], None] | None) -> None:
        save_results(self.store, results, summary, self.pipeline.settings.max_article_chars)
        if progress is not None:
            progress(summary)

    def _clean(self, record: RawRecord | Rejection) -> Article | Rejection:
        """Clean first so that an article the store already holds costs no parse (re-ingest is a no-op)."""
        if isinstance(record, Rejection):
            return record
        raw, note = kept_raw(record.raw if record.raw is not None else record.text,
                             self.pipeline.settings.max_article_chars)
        try:
            article = clean_record(record, self.pipeline.settings)
        except EventwireError as exc:
            return Rejection(origin=record.origin, stage="clean", code=exc.code, reason=exc.message + note, raw=raw)
        except Exception as exc:  # a bug in the cleaner must not lose the record nor stop the ingest
            log.exception("cleaning failed on %s", record.origin)
            return Rejection(origin=record.origin, stage="clean", code="E900",
                             reason=f"internal error: {exc!r}{note}", raw=raw)
        return article


# Store errors that concern one article, not the store: the article is recorded as rejected and the
# batch goes on. E310 an article whose events clash (a bug, reported as such); E311 a record id already
# stored with other content (issue 12: it aborted the batch).
ARTICLE_STORE_ERRORS = frozenset({"E310", "E311"})


def save_results(store: Store, results: list[AnalysedArticle | Rejection], summary: IngestSummary,
                 max_raw_chars: int | None = None) -> None:
    """Store a batch of pipeline results: the articles in one transaction (:meth:`Store.save_articles`), then
    each rejection; counted in ``summary`` as :func:`save_result` counts them one by one."""
    articles = [r for r in results if isinstance(r, AnalysedArticle)]
    outcomes = iter(store.save_articles(articles) if articles else [])
    for result in results:
        if isinstance(result, AnalysedArticle):
            outcome = next(outcomes)
            if outcome is True:
                summary.add_article(result)
                continue
            if outcome is False:
                summary.skipped_known += 1
                continue
            if outcome.code not in ARTICLE_STORE_ERRORS:
                raise outcome
            article = result.article
            result = Rejection(origin=article.origin, stage="store", code=outcome.code, reason=outcome.message,
                               article_id=article.id, raw=article.raw)
        _save_rejection(store, result, summary, max_raw_chars)


def save_result(store: Store, result: AnalysedArticle | Rejection, summary: IngestSummary,
                max_raw_chars: int | None = None) -> None:
    """Store one pipeline result (an article, or a rejection with its reason) and count it in ``summary``.

    An article the store refuses for a reason of its own (:data:`ARTICLE_STORE_ERRORS`) becomes a rejection
    (stage ``store``); a rejection keeps at most ``max_raw_chars`` of its raw text (its first MiB beyond)."""
    if isinstance(result, AnalysedArticle):
        try:
            saved = store.save_article(result)
        except StoreError as exc:
            if exc.code not in ARTICLE_STORE_ERRORS:
                raise
            article = result.article
            result = Rejection(origin=article.origin, stage="store", code=exc.code, reason=exc.message,
                               article_id=article.id, raw=article.raw)
        else:
            if saved:
                summary.add_article(result)
            else:
                summary.skipped_known += 1
            return
    _save_rejection(store, result, summary, max_raw_chars)


def _save_rejection(store: Store, result: Rejection, summary: IngestSummary, max_raw_chars: int | None) -> None:
    if max_raw_chars is not None and result.raw is not None and len(result.raw) > max_raw_chars:
        raw, note = kept_raw(result.raw, max_raw_chars)
        result = dataclasses.replace(result, raw=raw, reason=result.reason + note)
    store.save_rejection(result)
    summary.add_rejection(result)
    log.warning("rejected %s (%s): %s", result.origin, result.code, result.reason)
