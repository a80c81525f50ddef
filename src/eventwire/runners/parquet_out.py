"""A resumable Parquet output folder for the Ray runner (``eventwire ingest --engine ray --parquet DIR``).

Each window of articles becomes three files, written in this order, each atomically (a temporary name,
then a rename):

* ``events-NNNNN.parquet`` — the window's event records (DESIGN §2 columns);
* ``_rejections-NNNNN.jsonl`` — the window's rejected inputs with stage, code, reason and raw text;
* ``_SUCCESS-NNNNN.json`` — the completion marker: the content hashes of the articles the window
  analysed and the rejection fingerprints it recorded, with counts.

A window is done only when its marker exists. On opening, files of a window without a marker (a crash
between writes) are removed, so those articles are analysed again; articles and rejections listed in a
marker are skipped, and new windows are numbered after the last one, so a rerun never overwrites.
Readers such as ``pyarrow.parquet.read_table(DIR)`` skip the ``_``-prefixed files and see the events.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..ids import rejection_fingerprint
from ..models import AnalysedArticle, Rejection, event_to_record

log = logging.getLogger(__name__)

_WINDOW_FILE = re.compile(r"^_?(events|rejections|SUCCESS)-(\d{5,})\.(parquet|jsonl|json)$")


class ParquetFolder:
    """The output folder: what earlier runs completed, and writing one window at a time."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the Parquet output folder: {exc.strerror}", path=str(self.folder),
                             code="E330") from exc
        self.done_articles: set[str] = set()
        self.done_rejections: set[tuple[str, str]] = set()  # (origin, fingerprint), as the store keys them
        self.next_window = 0
        self._load()

    def _load(self) -> None:
        windows: dict[int, set[str]] = {}
        for path in self.folder.iterdir():
            if path.name.startswith(".tmp-"):
                path.unlink(missing_ok=True)  # a write cut short
                continue
            m = _WINDOW_FILE.match(path.name)
            if m:
                windows.setdefault(int(m.group(2)), set()).add(m.group(1))
        for n, kinds in sorted(windows.items()):
            self.next_window = max(self.next_window, n + 1)
            if "SUCCESS" not in kinds:
                log.warning("removing the files of unfinished window %05d in %s; its articles run again", n,
                            self.folder)
                for name in (f"events-{n:05d}.parquet", f"_rejections-{n:05d}.jsonl"):
                    (self.folder / name).unlink(missing_ok=True)
                continue
            marker = self.folder / f"_SUCCESS-{n:05d}.json"
            try:
                done = json.loads(marker.read_text(encoding="utf-8"))
                self.done_articles.update(done["articles"])
                self.done_rejections.update((origin, fp) for origin, fp in done["rejections"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise StoreError(f"unreadable completion marker: {exc}", path=str(marker), code="E331") from exc

    def has_article(self, content_hash_: str) -> bool:
        return content_hash_ in self.done_articles

    def write_window(self, results: Iterable[AnalysedArticle | Rejection]) -> tuple[int, int, int, list[Rejection]]:
        """Write one window; return (articles, events, new rejections, those rejections)."""
        from ..export import export_events

        records: list[dict[str, Any]] = []
        articles: list[str] = []
        rejections: list[Rejection] = []
        fingerprints: list[tuple[str, str]] = []
        for result in results:
            if isinstance(result, Rejection):
                fp = (result.origin, rejection_fingerprint(result))
                if fp not in self.done_rejections and fp not in fingerprints:
                    rejections.append(result)
                    fingerprints.append(fp)
                continue
            articles.append(result.article.content_hash)
            records.extend(event_to_record(e) for e in result.events)
        if not articles and not rejections:
            return 0, 0, 0, []  # nothing new: no window
        n = self.next_window
        self.next_window += 1
        self._atomic(f"events-{n:05d}.parquet", lambda tmp: export_events(records, tmp, "parquet", "eventwire"))
        lines = "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in rejections)
        self._atomic(f"_rejections-{n:05d}.jsonl", lambda tmp: tmp.write_text(lines, encoding="utf-8"))
        marker = {"window": n, "articles": articles, "rejections": fingerprints, "events": len(records)}
        self._atomic(f"_SUCCESS-{n:05d}.json", lambda tmp: tmp.write_text(json.dumps(marker), encoding="utf-8"))
        self.done_articles.update(articles)
        self.done_rejections.update(fingerprints)
        return len(articles), len(records), len(rejections), rejections

    def _atomic(self, name: str, write: Callable[[Path], object]) -> None:
        tmp = self.folder / f".tmp-{name}"
        try:
            write(tmp)
            os.replace(tmp, self.folder / name)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write {name}: {exc.strerror}", path=str(self.folder), code="E330") from exc
