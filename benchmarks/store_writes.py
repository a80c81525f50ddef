"""Store-write benchmark (issue 13): analysed articles saved per second into SQLite and PostgreSQL.

    python benchmarks/store_writes.py [--n 300] [--batch 16] [--postgres postgresql://postgres@127.0.0.1/test]
        [--input ../shared/eval/news-india-police-2002/docs.jsonl] [--text-field doc_text] [--id-field doc_id]

The articles are analysed once by the pipeline (not timed), then saved into a fresh store of each backend:
in batches of ``--batch`` (one transaction and a fixed number of statements per batch, as the runners save),
and one article per transaction (``save_article``; ``--batch 0`` measures only that). Prints, per backend and
mode, articles/s, events/s and SQL statements sent per article (counted on the connection; an
``executemany`` counts once: SQLAlchemy sends its rows as multi-row inserts, psycopg its updates in
pipeline mode) and transactions per article (each adds a BEGIN and a COMMIT round trip), and the
PostgreSQL / SQLite ratio. PostgreSQL gets a new database of its own, dropped afterwards.

Run from another checkout's ``src`` (``PYTHONPATH=old/src``) to measure an older store: with no
``Store.save_articles`` only the one-article mode runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "news-india-police-2002" / "docs.jsonl"


@contextmanager
def postgres_database(url: str) -> Iterator[str]:
    """A new, empty database beside ``url``'s (dropped afterwards), as a URL."""
    import sqlalchemy as sa

    name = f"ew_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def save(url: str, analysed: list[Any], batch: int) -> dict[str, float]:
    """Save ``analysed`` into a fresh store at ``url``; the seconds, statements and what was stored."""
    import sqlalchemy as sa

    from eventwire.store import Store

    store = Store.open(url)
    statements = transactions = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    def begin(*_: Any) -> None:
        nonlocal transactions
        transactions += 1

    sa.event.listen(store.engine, "before_cursor_execute", count)
    sa.event.listen(store.engine, "begin", begin)
    try:
        t0 = time.perf_counter()
        if batch:
            for i in range(0, len(analysed), batch):
                store.save_articles(analysed[i:i + batch])
        else:
            for item in analysed:
                store.save_article(item)
        seconds = time.perf_counter() - t0
        counts = store.counts()
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
        sa.event.remove(store.engine, "begin", begin)
        store.close()
    return {"seconds": seconds, "statements": statements, "transactions": transactions,
            "articles": counts["articles"],
            "events": counts["events"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--n", type=int, default=300, help="articles to analyse and save")
    ap.add_argument("--batch", type=int, default=16, help="articles per save_articles call (0: only one by one)")
    ap.add_argument("--postgres", default=None, help="a PostgreSQL URL (a database is created beside it)")
    ap.add_argument("--text-field", default="doc_text")
    ap.add_argument("--id-field", default="doc_id")
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"benchmark input not found: {args.input}", file=sys.stderr)
        return 2

    from eventwire import api
    from eventwire.config import load_settings
    from eventwire.models import AnalysedArticle
    from eventwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.input.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for line in islice(src, args.n):
                dst.write(line)
        settings = load_settings(environ={}, text_field=args.text_field, id_field=args.id_field)
        t0 = time.perf_counter()
        analysed = [r for r in api.extract([sample], settings=settings) if isinstance(r, AnalysedArticle)]
        events = sum(len(a.events) for a in analysed)
        print(f"analysed {len(analysed)} articles ({events} events) in {time.perf_counter() - t0:.1f} s "
              "(not timed below)")

        modes = [0] if args.batch == 0 or not hasattr(Store, "save_articles") else [args.batch, 0]
        rates: dict[tuple[str, int], float] = {}
        for mode in modes:
            label = f"batches of {mode}" if mode else "one per transaction"
            targets = [("sqlite", f"sqlite:///{tmp}/bench-{mode}.db")]
            if args.postgres:
                targets.append(("postgresql", args.postgres))
            for backend, url in targets:
                if backend == "postgresql":
                    with postgres_database(url) as db:
                        got = save(db, analysed, mode)
                else:
                    got = save(url, analysed, mode)
                assert got["articles"] == len(analysed), got
                rate = len(analysed) / got["seconds"]
                rates[(backend, mode)] = rate
                print(f"{backend:10s} {label:22s} {rate:8.1f} articles/s  {events / got['seconds']:9.1f} events/s"
                      f"  {got['statements'] / len(analysed):6.2f} statements/article"
                      f"  {got['transactions'] / len(analysed):5.2f} transactions/article")
        for mode in modes:
            if ("postgresql", mode) in rates:
                ratio = rates[("postgresql", mode)] / rates[("sqlite", mode)]
                print(f"PostgreSQL / SQLite ({'batches' if mode else 'one by one'}): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
