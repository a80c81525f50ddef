"""The Ray runner: the same pipeline, scaled out with Ray Data (``eventwire ingest --engine ray``).

The driver streams records in bounded windows (memory stays flat on endless input); each window is a Ray
dataset mapped by a pool of actors that each load the pipeline once; the driver writes the results to the
store (SQLite or PostgreSQL, one transaction per article, so a rerun resumes) or to a resumable folder of
Parquet event files with completion markers (:mod:`.parquet_out`). Stages never import ray: only this module does.
"""

from __future__ import annotations

import dataclasses
import logging
import pickle
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from ..clean import clean_record
from ..config import Settings
from ..errors import ConfigError, EventwireError
from ..ingest import parse_published, read_inputs
from ..models import AnalysedArticle, Article, Rejection
from .local import IngestSummary, save_results
from .parquet_out import ParquetFolder

log = logging.getLogger(__name__)


class _AnalyseBatch:
    """A Ray actor's callable: loads the pipeline once, analyses a batch of pickled articles."""

    def __init__(self, settings_json: str) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(Settings.model_validate_json(settings_json))

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        items = [pickle.loads(b) for b in batch["item"]]
        out = []
        for result in self.pipeline.run(items):
            if isinstance(result, AnalysedArticle):
                result = dataclasses.replace(result, docs={})  # spaCy docs stay in the worker
            out.append(pickle.dumps(result))
        return {"result": out}


def _windows(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while window := list(islice(it, size)):
        yield window


def ingest_with_ray(
    paths: Sequence[str | Path],
    *,
    settings: Settings,
    published: date | str | None = None,
    parquet_dir: str | Path | None = None,
    window: int = 512,
    batch_articles: int = 16,
    concurrency: int | None = None,
) -> IngestSummary:
    """Ingest with Ray Data into the store (default) or, with ``parquet_dir``, into Parquet event files."""
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("the ray engine needs Ray: pip install 'eventwire[ray]'", code="E210") from exc

    if isinstance(published, str):
        published = parse_published(published)
    records = read_inputs([str(p) for p in paths], settings, published=published)
    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False)
    workers = concurrency or max(1, int(ray.available_resources().get("CPU", 1)))
    summary = IngestSummary()
    store = None
    folder: ParquetFolder | None = None
    if parquet_dir is None:
        from ..store import Store

        store = Store.open(settings.database_url)
    else:
        folder = ParquetFolder(parquet_dir)  # completed windows are skipped, unfinished ones redone
    done = store if store is not None else folder
    try:
        for chunk in _windows(records, window):
            todo: list[Article | Rejection] = []
            for record in chunk:
                summary.read += 1
                if isinstance(record, Rejection):
                    todo.append(record)
                    continue
                try:
                    article = clean_record(record, settings)
                except EventwireError as exc:
                    todo.append(Rejection(origin=record.origin, stage="clean", code=exc.code, reason=exc.message,
                                          raw=record.text))
                    continue
                if done is not None and done.has_article(article.content_hash):
                    summary.skipped_known += 1
                    continue
                todo.append(article)
            if not todo:
                continue
            ds = ray.data.from_items([{"item": pickle.dumps(x)} for x in todo])
            mapped = ds.map_batches(
                _AnalyseBatch,
                fn_constructor_args=(settings.model_dump_json(),),
                batch_size=batch_articles,
                concurrency=min(workers, max(1, len(todo) // batch_articles)),
                batch_format="numpy",
            )
            results = (pickle.loads(row["result"]) for row in mapped.iter_rows())
            if store is not None:  # one transaction per batch of results (batched writes, issue 13)
                for batch in _windows(results, batch_articles):
                    save_results(store, batch, summary, settings.max_article_chars)
            elif folder is not None:
                _write_window(folder, results, summary)
    finally:
        if store is not None:
            store.close()
    return summary


def _write_window(folder: ParquetFolder, results: Iterable[AnalysedArticle | Rejection],
                  summary: IngestSummary) -> None:
    """One window into the Parquet folder (events, rejections, then its completion marker)."""
    analysed: list[AnalysedArticle | Rejection] = list(results)
    *_, rejections = folder.write_window(analysed)  # the rejections not recorded by an earlier run
    for result in analysed:
        if isinstance(result, AnalysedArticle):
            summary.add_article(result)
    for rejection in rejections:
        summary.add_rejection(rejection)
