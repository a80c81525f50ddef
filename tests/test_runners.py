"""Runners: the local runner resumes and skips known content; the Ray runner (real Ray) gives the same
events as the local one, into the store or into Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import api
from eventwire.config import load_settings

ARTICLES = [
    {"id": "r1", "title": "Chile and Peru sign trade pact",
     "text": "Chile and Peru signed a trade agreement in Lima on Friday.", "published": "2025-05-09"},
    {"id": "r2", "title": "Kenya condemns attack",
     "text": "Kenya condemned Somalia over a border raid on Tuesday.", "published": "2025-05-07"},
    {"id": "r3", "text": "", "published": "2025-05-07"},
]


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    return api.build_pipeline(load_settings(environ={}))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


def test_runner_local_rerun_skips_known_and_keeps_rejections(tmp_path: Path, corpus: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(environ={}, database_url=f"sqlite:///{tmp_path / 'r.db'}")
    first = api.ingest([corpus], settings=settings, pipeline=pipeline)
    assert (first.read, first.stored, first.rejected) == (3, 2, 1)
    assert "r3" in first.rejections[0].origin or "3" in first.rejections[0].origin
    second = api.ingest([corpus], settings=settings, pipeline=pipeline)
    assert (second.stored, second.skipped_known) == (0, 2)
    with api.open_store(settings) as store:
        counts = store.counts()
    assert counts["articles"] == 2 and counts["rejections"] >= 1


@pytest.mark.ray
def test_runner_ray_matches_local(tmp_path: Path, corpus: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    ray = pytest.importorskip("ray")
    from eventwire.runners.ray import ingest_with_ray

    local = load_settings(environ={}, database_url=f"sqlite:///{tmp_path / 'local.db'}")
    remote = load_settings(environ={}, database_url=f"sqlite:///{tmp_path / 'ray.db'}")
    api.ingest([corpus], settings=local, pipeline=pipeline)
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:
        summary = ingest_with_ray([corpus], settings=remote, batch_articles=2)
        parquet = ingest_with_ray([corpus], settings=remote, parquet_dir=tmp_path / "pq", batch_articles=2)
    finally:
        ray.shutdown()
    assert (summary.stored, summary.rejected) == (2, 1)
    with api.open_store(local) as a, api.open_store(remote) as b:
        ours = sorted(r["id"] for r in a.events())
        theirs = sorted(r["id"] for r in b.events())
    assert ours and ours == theirs
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "pq")
    assert sorted(table.column("id").to_pylist()) == ours
    assert parquet.events == len(ours)


def test_runner_local_workers_store_the_same_events(tmp_path: Path, corpus: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    one = load_settings(environ={}, database_url=f"sqlite:///{tmp_path / 'one.db'}")
    two = load_settings(environ={}, database_url=f"sqlite:///{tmp_path / 'two.db'}", workers=2)
    api.ingest([corpus], settings=one, pipeline=pipeline)
    summary = api.ingest([corpus], settings=two, pipeline=pipeline, batch_articles=1)
    assert (summary.stored, summary.rejected) == (2, 1)
    with api.open_store(one) as a, api.open_store(two) as b:
        assert sorted(r["id"] for r in a.events()) == sorted(r["id"] for r in b.events())
        assert b.counts()["sentences"] == a.counts()["sentences"] > 0
