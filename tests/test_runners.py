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


def _analysed(corpus: Path, pipeline) -> list:  # type: ignore[no-untyped-def]
    """The corpus through read → clean → pipeline, as the Ray runner's workers produce it."""
    from eventwire.clean import clean_record
    from eventwire.ingest import read_inputs
    from eventwire.models import Rejection

    settings = load_settings(environ={})
    items = []
    for record in read_inputs([str(corpus)], settings):
        items.append(record if isinstance(record, Rejection) else clean_record(record, settings))
    return list(pipeline.run(items))


def test_parquet_folder_resumes_and_drops_unfinished_windows(tmp_path: Path, corpus: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.parquet as pq

    from eventwire.runners.parquet_out import ParquetFolder

    results = _analysed(corpus, pipeline)
    out = tmp_path / "pq"
    stored, events, rejected, _ = ParquetFolder(out).write_window(results)
    assert (stored, rejected) == (2, 1) and events > 0
    # a crash after the events file of window 1 but before its marker leaves an orphan
    (out / "events-00001.parquet").write_bytes((out / "events-00000.parquet").read_bytes())
    (out / ".tmp-_SUCCESS-00001.json").write_text("{", encoding="utf-8")
    again = ParquetFolder(out)
    assert not (out / "events-00001.parquet").exists() and not (out / ".tmp-_SUCCESS-00001.json").exists()
    assert all(again.has_article(r.article.content_hash) for r in results if hasattr(r, "article"))
    assert again.next_window == 2  # never overwrite a number that was used
    # the same rejection again is not recorded twice
    assert again.write_window([r for r in results if not hasattr(r, "article")])[2] == 0
    table = pq.read_table(out)  # the _-prefixed markers and rejections are not read as events
    assert table.num_rows == events
    lines = (out / "_rejections-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["code"].startswith("E1")


def test_parquet_folder_bad_marker_is_a_coded_error(tmp_path: Path) -> None:
    from eventwire.errors import StoreError
    from eventwire.runners.parquet_out import ParquetFolder

    (tmp_path / "_SUCCESS-00000.json").write_text("not json", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        ParquetFolder(tmp_path)
    assert err.value.code == "E331" and "_SUCCESS-00000.json" in str(err.value)


@pytest.mark.ray
def test_runner_ray_parquet_rerun_adds_nothing(tmp_path: Path, corpus: Path) -> None:
    ray = pytest.importorskip("ray")
    import pyarrow.parquet as pq

    from eventwire.runners.ray import ingest_with_ray

    settings = load_settings(environ={})
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:
        first = ingest_with_ray([corpus], settings=settings, parquet_dir=tmp_path / "pq", batch_articles=2)
        second = ingest_with_ray([corpus], settings=settings, parquet_dir=tmp_path / "pq", batch_articles=2)
    finally:
        ray.shutdown()
    assert (first.stored, first.rejected) == (2, 1)
    assert first.sentences >= 2 and first.sentences_parsed >= 1
    assert (second.stored, second.skipped_known, second.rejected) == (0, 2, 0)
    assert pq.read_table(tmp_path / "pq").num_rows == first.events


def test_runner_same_id_with_other_text_is_rejected_and_the_batch_goes_on(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: a second record with a stored id and other text aborted the ingest (E311) and a rerun
    stopped at the same line. It is now a recorded rejection; the records after it are stored."""
    rows = [ARTICLES[0], {**ARTICLES[1], "id": "r1"}, {"id": "r4", "text": "Ghana protested to Togo on Monday.",
                                                       "published": "2025-05-07"}]
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in rows) + "\n", encoding="utf-8")
    settings = load_settings(environ={}, database_url=f"sqlite:///{tmp_path / 'd.db'}")
    first = api.ingest([path], settings=settings, pipeline=pipeline)
    assert (first.read, first.stored, first.rejected) == (3, 2, 1)
    (dup,) = first.rejections
    assert dup.code == "E311" and dup.stage == "store" and dup.origin == f"{path}:2" and "r1" in dup.reason
    with api.open_store(settings) as store:
        assert store.article("r4") is not None
        (recorded,) = [r for r in store.rejections() if r["code"] == "E311"]
        assert recorded["raw"] and "Kenya" in recorded["raw"]
    again = api.ingest([path], settings=settings, pipeline=pipeline)  # a rerun goes past it too
    assert (again.stored, again.skipped_known, again.rejected) == (0, 2, 1)


def test_runner_keeps_only_the_start_of_an_oversized_input(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: a 100 MB input grew the database by 105 MB. Beyond the article limit a rejection keeps the
    first MiB, the size, a hash and where the input came from."""
    big = tmp_path / "big.txt"
    line = "The long report continues with yet another paragraph of detail.\n"
    big.write_text(line * (12_000_000 // len(line)), encoding="utf-8")  # 12 MB, over 4 × 2,000,000
    db = tmp_path / "big.db"
    settings = load_settings(environ={}, database_url=f"sqlite:///{db}")
    summary = api.ingest([big], settings=settings, pipeline=pipeline)
    assert summary.rejected == 1 and summary.rejections[0].code == "E104"
    with api.open_store(settings) as store:
        (r,) = store.rejections()
    assert r["origin"] == str(big) and len(r["raw"]) == 1 << 20
    assert f"{big.stat().st_size:,} bytes" in r["reason"] and "sha256" in r["reason"]
    on_disk = sum(p.stat().st_size for p in tmp_path.glob("big.db*"))
    assert on_disk < 4 << 20, on_disk
