"""Batched saves (issue 13): a batch decides each article as one-by-one saves would, costs a fixed number of
statements whatever its size, and concurrent batch writers from several processes lose nothing."""

# ruff: noqa: F811 - the db_url and store fixtures of test_store, imported to be used here

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from test_store import TESTS_DIR, UKR_MIL, USA_GOV, db_url, make_article, store  # noqa: F401

from eventwire.models import AnalysedArticle, EventType, Precision
from eventwire.store import Store


def _corpus() -> list[AnalysedArticle]:
    """Articles whose events cluster across articles: one meeting told by six outlets, a month-precise
    telling that joins it, a reversed dyad, a bridge between two day clusters, a reciprocal meeting, and
    events that cluster with nothing."""
    out = [make_article(f"meet-{i}", outlet=f"Outlet {i % 6}") for i in range(12)]
    out.append(make_article("month", events=({"day": "2025-06", "precision": Precision.MONTH},)))
    out.append(make_article("reverse", events=({"source": UKR_MIL, "target": USA_GOV},)))
    out.append(make_article("forward", events=({"source": USA_GOV, "target": UKR_MIL},)))
    out.append(make_article("both", events=({"source": USA_GOV, "target": UKR_MIL, "reciprocal": True},)))
    out.append(make_article("later", events=({"day": "2025-06-20"},)))
    out.append(make_article("bridge", events=({"day": "2025-06-19"}, {"day": "2025-06-18"})))
    out.append(make_article("fight", events=({"type": EventType.ASSAULT, "day": "2025-06-17"},)))
    out.extend(make_article(f"undated-{i}", events=({"day": None},)) for i in range(3))
    return out


def _partition(store: Store) -> tuple[set[frozenset[str]], dict[frozenset[str], tuple[Any, ...]]]:
    clusters: dict[str, set[str]] = {}
    figures: dict[str, tuple[Any, ...]] = {}
    for r in store.events():
        clusters.setdefault(r["cluster_id"], set()).add(r["id"])
        figures[r["cluster_id"]] = (r["num_sources"], r["num_articles"], r["num_mentions"], r["first_reported"])
    parts = {frozenset(v) for v in clusters.values()}
    return parts, {frozenset(v): figures[k] for k, v in clusters.items()}


@pytest.mark.parametrize("size", [1, 4, 100])
def test_store_batch_clusters_as_one_by_one_saves(db_url: str, tmp_path: Path, size: int) -> None:
    corpus = _corpus()
    with Store.open(str(tmp_path / "reference.db")) as reference:
        for item in corpus:
            assert reference.save_article(item) is True
        want = _partition(reference)
    assert len(want[0]) < len(corpus)  # something clustered
    with Store.open(db_url) as store:
        results = [r for i in range(0, len(corpus), size) for r in store.save_articles(corpus[i:i + size])]
        assert results == [True] * len(corpus)
        assert _partition(store) == want
        assert store.save_articles(corpus) == [False] * len(corpus)  # stored content: nothing changes
        assert _partition(store) == want


def test_store_batch_decides_each_article_alone(store: Store) -> None:
    first = make_article("one")
    same_content = make_article("one")
    same_id = make_article("two", record_id=first.article.id)
    other = make_article("three")
    stray = make_article("four")
    stray = dataclasses.replace(stray, events=tuple(dataclasses.replace(e, article_id="elsewhere")
                                                    for e in stray.events))
    results = store.save_articles([first, same_content, same_id, other, stray])
    assert results[:2] == [True, False] and results[3] is True
    assert getattr(results[2], "code", None) == "E311"
    assert getattr(results[4], "code", None) == "E310"
    assert store.counts()["articles"] == 2
    assert {r["article_id"] for r in store.events()} == {first.article.id, other.article.id}


def _statements(store: Store, batch: list[AnalysedArticle]) -> int:
    n = 0

    def count(*_: Any) -> None:
        nonlocal n
        n += 1

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        assert all(r is True for r in store.save_articles(batch))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    return n


def test_store_batch_statements_do_not_grow_with_the_batch(store: Store) -> None:
    """The round trips of issue 13: about 25 per article one by one; a batch costs a fixed number."""
    small = _statements(store, [make_article(f"small-{i}", outlet=f"S {i}") for i in range(4)])
    # Another day: the large batch founds a cluster of its own as the small one did.
    large = _statements(store, [make_article(f"large-{i}", outlet=f"L {i}", events=({"day": "2025-07-01"},))
                                for i in range(120)])
    assert large == small <= 16


_BATCH_SAVER = """
import os, sys, time
sys.path.insert(0, {tests!r})
from test_store import make_article
from eventwire.store import Store

url, batches, name, go = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with Store.open(url) as store:
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.005)
    for b in range(batches):
        # Each writer's own articles, and one shared with the other writer per batch.
        batch = [make_article(f"{{name}}-{{b}}-{{i}}", outlet=f"{{name}} {{i % 3}}", events=({{}}, {{"day": None}}))
                 for i in range(9)]
        batch.append(make_article(f"shared-{{b}}", outlet="Shared"))
        results = store.save_articles(batch)
        assert all(r is True or r is False for r in results), results
        print(sum(r is True for r in results), flush=True)
"""


def test_store_concurrent_batch_writers_lose_nothing(db_url: str, tmp_path: Path) -> None:
    Store.open(db_url).close()
    script = _BATCH_SAVER.format(tests=str(TESTS_DIR))
    go = tmp_path / "go"
    batches = 12
    procs = [subprocess.Popen([sys.executable, "-c", script, db_url, str(batches), name, str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("left", "right")]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    go.touch()
    stored = 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        stored += sum(int(line) for line in out.split())
    with Store.open(db_url) as store:
        counts = store.counts()
        assert counts["articles"] == stored == 2 * batches * 9 + batches  # each shared article once
        assert counts["events"] == 2 * batches * 9 * 2 + batches
        dated = [r for r in store.events() if r["date"]["value"] is not None]
        # Every dated event tells the same meeting: one cluster, from every article and outlet.
        assert len({r["cluster_id"] for r in dated}) == 1
        assert dated[0]["num_articles"] == 2 * batches * 9 + batches and dated[0]["num_sources"] == 7
