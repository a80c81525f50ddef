"""The local runner: stream records, skip what the store already holds, analyse in bounded batches,
commit each article on its own (a crash loses nothing committed; a rerun resumes where it stopped)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from ..clean import clean_record
from ..errors import EventwireError
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
    rejections: list[Rejection] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "skipped_known": self.skipped_known,
            "rejected": self.rejected,
            "events": self.events,
        }


def _batches(items: Iterable[RawRecord | Rejection], size: int) -> Iterator[list[RawRecord | Rejection]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class LocalRunner:
    """Run ``pipeline`` over records into ``store`` in batches of ``batch_articles``."""

    def __init__(self, pipeline: Pipeline, store: Store, batch_articles: int = 16) -> None:
        self.pipeline = pipeline
        self.store = store
        self.batch_articles = batch_articles

    def run(
        self,
        records: Iterable[RawRecord | Rejection],
        progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        summary = IngestSummary()
        for batch in _batches(records, self.batch_articles):
            todo: list[Article | Rejection | None] = []
            for record in batch:
                summary.read += 1
                todo.append(self._clean(record, summary))
            for result in self.pipeline.run(x for x in todo if x is not None):
                self._save(result, summary)
            if progress is not None:
                progress(summary)
        return summary

    def _clean(self, record: RawRecord | Rejection, summary: IngestSummary) -> Article | Rejection | None:
        """Clean first so that an article the store already holds costs no parse (re-ingest is a no-op)."""
        if isinstance(record, Rejection):
            return record
        try:
            article = clean_record(record, self.pipeline.settings)
        except EventwireError as exc:
            return Rejection(origin=record.origin, stage="clean", code=exc.code, reason=exc.message,
                             raw=record.raw if record.raw is not None else record.text)
        if self.store.has_article(article.content_hash):
            summary.skipped_known += 1
            return None
        return article

    def _save(self, result: AnalysedArticle | Rejection, summary: IngestSummary) -> None:
        if isinstance(result, Rejection):
            self.store.save_rejection(result)
            summary.rejected += 1
            if len(summary.rejections) < 1000:  # keep the first ones for the report; all are in the store
                summary.rejections.append(result)
            log.warning("rejected %s (%s): %s", result.origin, result.code, result.reason)
            return
        if self.store.save_article(result):
            summary.stored += 1
            summary.events += len(result.events)
        else:
            summary.skipped_known += 1
