"""The public Python API: the same verbs as the CLI (``extract``, ``ingest``, ``events``, ``export``,
``inspect``, ``demo``, ``evaluate_*``). The CLI is a thin layer over these functions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .config import Settings, load_settings
from .ingest import count_articles, parse_published, read_inputs
from .models import AnalysedArticle, Rejection, event_to_record
from .runners.local import IngestSummary, LocalRunner, batches

if TYPE_CHECKING:  # the pipeline and the store load heavy modules: imported where first used
    from .pipeline import Pipeline
    from .store import Store

log = logging.getLogger(__name__)

PathLike = str | Path


def _settings(settings: Settings | None) -> Settings:
    return settings if settings is not None else load_settings()


def _published(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    return parse_published(published)


def demo_article_path() -> Path:
    """The demo article we ship (written by us; see ``data/demo/README.md``)."""
    return Path(str(files("eventwire") / "data" / "demo" / "demo-article.txt"))


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    """Load every resource once (spaCy, dictionaries, gazetteer) and return the pipeline."""
    from .pipeline import Pipeline

    return Pipeline(_settings(settings))


def extract(
    paths: Sequence[PathLike],
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    stdin: IO[bytes] | None = None,
    pipeline: Pipeline | None = None,
    batch_articles: int = 16,
) -> Iterator[AnalysedArticle | Rejection]:
    """Analyse articles without a store: one AnalysedArticle or Rejection per input record."""
    settings = _settings(settings)
    pipe = pipeline if pipeline is not None else build_pipeline(settings)
    records = read_inputs([str(p) for p in paths], settings, published=_published(published), stdin=stdin)
    for batch in batches(records, batch_articles):
        yield from pipe.run(batch)


def extract_events(paths: Sequence[PathLike], **kwargs: Any) -> Iterator[dict[str, Any]]:
    """The event records (DESIGN §2) of :func:`extract`, skipping rejections."""
    for item in extract(paths, **kwargs):
        if isinstance(item, AnalysedArticle):
            for event in item.events:
                yield event_to_record(event)


def open_store(settings: Settings | None = None, *, create: bool = True) -> Store:
    """The store at ``settings.database_url`` (created and migrated on first use; with ``create=False`` a
    database that holds no store raises StoreError E314 instead of becoming an empty one)."""
    from .store import Store

    return Store.open(_settings(settings).database_url, create=create)


def ingest(
    paths: Sequence[PathLike],
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    stdin: IO[bytes] | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
    pipeline: Pipeline | None = None,
    batch_articles: int = 16,
) -> IngestSummary:
    """Read, analyse and store articles. Re-ingesting stored content is a no-op; a rerun resumes.

    ``progress`` is called with the running summary after each batch, and once before the first; its
    ``total`` is the number of records to read where that is cheap to know (see
    :func:`~eventwire.ingest.count_articles`), else None."""
    settings = _settings(settings)
    day = _published(published)
    total = count_articles([str(p) for p in paths], settings) if progress is not None else None
    records = read_inputs([str(p) for p in paths], settings, published=day, stdin=stdin)
    with open_store(settings) as store:
        if progress is not None:
            progress(IngestSummary(total=total))
        pipe = pipeline if pipeline is not None else build_pipeline(settings)
        runner = LocalRunner(pipe, store, batch_articles=batch_articles, workers=settings.workers)
        return runner.run(records, progress=progress, total=total)


def events(settings: Settings | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
    """Query the store's events (filters: actor, dyad, type, since, until, certainty, status, limit).

    Raises QueryError (E312) for a filter value that cannot be used, and StoreError (E314) where there is no
    store (none is created by a query)."""
    from .store.filters import check_filters

    check_filters(**filters)  # a bad filter is told before the store is looked for
    with open_store(settings, create=False) as store:
        yield from store.events(**filters)


def export(
    out: PathLike | IO[bytes],
    *,
    fmt: str = "jsonl",
    columns: str = "eventwire",
    settings: Settings | None = None,
    **filters: Any,
) -> int:
    """Write the store's events as JSONL, CSV or Parquet in our, GDELT-like or POLECAT-like columns."""
    from .export import export_events
    from .store.filters import check_filters

    check_filters(**filters)
    with open_store(settings, create=False) as store:
        return export_events(store.events(**filters), out, fmt, columns)  # type: ignore[arg-type]


def inspect(
    path: PathLike,
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> list[dict[str, Any]]:
    """How each article of ``path`` was read: metadata, sections, sentences with offsets, actors,
    time expressions and events — the first thing to run when a result looks wrong."""
    out: list[dict[str, Any]] = []
    for item in extract([path], published=published, settings=settings, pipeline=pipeline):
        if isinstance(item, Rejection):
            out.append({"origin": item.origin, "rejected": True, "stage": item.stage, "code": item.code,
                        "reason": item.reason})
            continue
        out.append(describe(item))
    return out


def describe(analysed: AnalysedArticle) -> dict[str, Any]:
    """A JSON-ready description of an analysed article (used by ``inspect`` and the demo)."""
    a = analysed.article
    return {
        "id": a.id,
        "origin": a.origin,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source,
        "url": a.url,
        "source": a.source,
        "format": a.format,
        "content_hash": a.content_hash,
        "metadata": dict(a.metadata),
        "sections": [
            {"section": b.section.value, "start": b.start, "end": b.end, "text": a.text[b.start:b.end]}
            for b in a.blocks
        ],
        "sentences": [
            {
                "index": s.index,
                "section": s.section.value,
                "start": s.start,
                "end": s.end,
                "parsed": s.index in analysed.parsed,
                "text": s.text,
            }
            for s in analysed.sentences
        ],
        "mentions": [
            {"sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text, "code": m.actor.code,
             "name": m.actor.name, "role": m.actor.role, "evidence": m.evidence}
            for m in analysed.mentions
        ],
        "timexes": [
            {"sentence": t.sentence, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
             "value": t.value}
            for t in analysed.timexes
        ],
        "events": [event_to_record(e) for e in analysed.events],
    }


def demo(
    settings: Settings | None = None, pipeline: Pipeline | None = None
) -> tuple[IngestSummary, list[dict[str, Any]]]:
    """Ingest the demo article into the store (SQLite by default) and read its events back from it."""
    from .clean import clean_record

    settings = _settings(settings)
    path = demo_article_path()
    published = date(2025, 6, 17)
    summary = ingest([path], published=published, settings=settings, pipeline=pipeline)
    ids = {
        clean_record(r, settings).id
        for r in read_inputs([str(path)], settings, published=published)
        if not isinstance(r, Rejection)
    }
    with open_store(settings) as store:
        records = [r for article_id in sorted(ids) for r in store.events(article_id=article_id)]
    return summary, records
