"""The store on real SQLite files and a real PostgreSQL server (each test in a schema of its own).

PostgreSQL comes from ``EVENTWIRE_TEST_POSTGRES_URL`` (default ``postgresql://postgres@127.0.0.1:5432/test``);
where it is unreachable the PostgreSQL tests skip, except under ``CI=true`` where they fail.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from eventwire.errors import StoreError
from eventwire.ids import content_hash
from eventwire.models import (
    Actor,
    AnalysedArticle,
    Article,
    Block,
    Certainty,
    Event,
    EventDate,
    EventMention,
    EventType,
    Place,
    Precision,
    Rejection,
    Section,
    Sentence,
    Status,
)
from eventwire.store import MIGRATIONS, SCHEMA_VERSION, Migration, Store
from eventwire.store.clustering import ClusterMatch, date_key, dates_agree, plan_clusters
from eventwire.store.connect import create_engine, parse_url
from eventwire.store.migrations import migrate

TESTS_DIR = Path(__file__).resolve().parent

RUS_GOV = Actor(text="Russian Security Council Secretary Sergei Shoigu", name="Sergei Shoigu", code="RUSGOV",
                country="RUS", sector="GOV", role="Security Council Secretary")
PRK_GOV = Actor(text="the North Korean leadership", name="North Korea", code="PRKGOV", country="PRK", sector="GOV")
USA_GOV = Actor(text="Washington", name="United States", code="USAGOV", country="USA", sector="GOV")
UKR_MIL = Actor(text="Ukrainian troops", name="Ukraine", code="UKRMIL", country="UKR", sector="MIL")


# --------------------------------------------------------------------------- builders


def make_event(article_id: str, n: int, sentence: Sentence, *, type: EventType = EventType.CONSULT,
               source: Actor | None = RUS_GOV, target: Actor | None = PRK_GOV,
               day: str | None = "2025-06-17", precision: Precision = Precision.DAY,
               status: Status = Status.OCCURRED, certainty: Certainty = Certainty.CERTAIN,
               reciprocal: bool = False, mentions: tuple[EventMention, ...] = ()) -> Event:
    if day is None:
        precision = Precision.UNKNOWN
    return Event(
        id=content_hash(article_id, n), article_id=article_id, type=type, sentence_index=sentence.index,
        sentence=sentence.text, span=(sentence.start, sentence.end), trigger="met",
        trigger_span=(sentence.start, sentence.start + 3), trigger_token=0, evidence="test:hand-built",
        section=sentence.section, cameo="042", goldstein=1.9, quad_class=1, source=source, target=target,
        reciprocal=reciprocal, date=EventDate(value=day, precision=precision, text="on Tuesday" if day else None,
                                              earliest=day, latest=day),
        status=status, certainty=certainty,
        location=Place(name="Pyongyang", country="PRK", lat=39.03, lon=125.75, geonameid=1871859,
                       precision="city"),
        mentions=mentions,
    )


def make_article(key: str, *, outlet: str | None = "Outlet A", published: date | None = date(2025, 6, 18),
                 events: tuple[dict[str, object], ...] = ({},), record_id: str | None = None) -> AnalysedArticle:
    """An article of two sentences (a headline and a body line) with one event per ``events`` entry,
    each built by :func:`make_event` with the entry's keyword overrides."""
    headline = f"Envoy visits capital ({key})"
    body = f"The envoy met officials there on Tuesday, the ministry said ({key})."
    text = f"{headline}\n{body}"
    h = content_hash(text)
    article_id = record_id or h
    sentences = (Sentence(0, 0, len(headline), headline, Section.HEADLINE),
                 Sentence(1, len(headline) + 1, len(text), body, Section.BODY))
    article = Article(id=article_id, content_hash=h, text=text, raw=text, origin=f"{key}.txt", title=headline,
                      published=published, published_source="record" if published else None,
                      url=f"https://news.example/{key}", source=outlet,
                      blocks=(Block(Section.HEADLINE, 0, len(headline)), Block(Section.BODY, len(headline) + 1,
                                                                                   len(text))),
                      metadata={"lang": "en"})
    built = []
    for n, overrides in enumerate(events):
        s = sentences[1] if overrides.get("section") != "headline" else sentences[0]
        kwargs = {k: v for k, v in overrides.items() if k != "section"}
        built.append(make_event(article_id, n, s, **kwargs))  # type: ignore[arg-type]
    return AnalysedArticle(article=article, sentences=sentences, events=tuple(built))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL: a SQLite file, or a PostgreSQL schema of this test's own."""
    if request.param == "sqlite":
        yield str(tmp_path / "eventwire.db")
    else:
        yield request.getfixturevalue("postgres_url")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def _ids(records: object) -> list[str]:
    return [r["id"] for r in records]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- migrations


def test_store_migrates_a_fresh_database(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.version == SCHEMA_VERSION
        assert store.counts() == {"articles": 0, "sentences": 0, "events": 0, "clusters": 0, "rejections": 0}
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT version, description FROM schema_version")).all()
        assert [r.version for r in rows] == [m.version for m in MIGRATIONS]


def test_store_reopen_keeps_data_and_does_not_migrate_again(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.save_article(make_article("reopen"))
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 1
        assert store.counts()["events"] == 1
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM schema_version")).scalar_one() == len(MIGRATIONS)


def test_store_migrate_applies_new_steps_once(db_url: str) -> None:
    Store.open(db_url).close()
    calls: list[int] = []

    def add_notes(conn: sa.Connection) -> None:
        calls.append(1)
        conn.execute(sa.text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))

    steps = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "add notes", add_notes))
    engine = create_engine(parse_url(db_url))
    try:
        assert migrate(engine, db_url, steps) == SCHEMA_VERSION + 1
        assert migrate(engine, db_url, steps) == SCHEMA_VERSION + 1
        assert calls == [1]
        assert sa.inspect(engine).has_table("notes")
    finally:
        engine.dispose()
    # this code only knows SCHEMA_VERSION: the database is now newer than it
    with pytest.raises(StoreError) as err:
        Store.open(db_url)
    assert err.value.code == "E307"


def test_store_refuses_a_newer_schema_version(db_url: str) -> None:
    Store.open(db_url).close()
    engine = create_engine(parse_url(db_url))
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, description, applied_at) "
                             "VALUES (99, 'from the future', CURRENT_TIMESTAMP)"))
    engine.dispose()
    with pytest.raises(StoreError) as err:
        Store.open(db_url)
    assert err.value.code == "E307"
    assert "schema version 99" in str(err.value)
    assert "upgrade eventwire" in str(err.value)


# --------------------------------------------------------------------------- saving


def test_store_save_is_idempotent_on_content(store: Store) -> None:
    analysed = make_article("idem", events=({}, {"type": EventType.AGREE}))
    assert not store.has_article(analysed.article.content_hash)
    assert store.save_article(analysed) is True
    assert store.has_article(analysed.article.content_hash)
    before = store.counts()
    assert store.save_article(analysed) is False
    assert store.counts() == before == {"articles": 1, "sentences": 2, "events": 2, "clusters": 2,
                                        "rejections": 0}


def test_store_article_keeps_text_sections_and_sentences(store: Store) -> None:
    analysed = make_article("keep")
    store.save_article(analysed)
    got = store.article(analysed.article.id)
    assert got is not None
    assert got["text"] == analysed.article.text
    assert got["raw"] == analysed.article.raw
    assert got["content_hash"] == analysed.article.content_hash
    assert got["published"] == "2025-06-18"
    assert got["source"] == "Outlet A"
    assert got["metadata"] == {"lang": "en"}
    assert got["sections"][0] == {"section": "headline", "start": 0, "end": analysed.sentences[0].end}
    assert [s["text"] for s in got["sentences"]] == [s.text for s in analysed.sentences]
    assert got["sentences"][1]["section"] == "body"
    assert got["ingested_at"].endswith("+00:00")
    assert store.article("no-such-article") is None


def test_store_unknown_publication_date_stays_null(store: Store) -> None:
    analysed = make_article("undated", published=None)
    store.save_article(analysed)
    got = store.article(analysed.article.id)
    assert got is not None and got["published"] is None
    (record,) = store.events()
    assert record["first_reported"] is None


def test_store_refuses_a_reused_record_id_with_other_content(store: Store) -> None:
    assert store.save_article(make_article("one", record_id="feed-17"))
    with pytest.raises(StoreError) as err:
        store.save_article(make_article("two", record_id="feed-17"))
    assert err.value.code == "E311"
    assert store.counts()["articles"] == 1


def test_store_keeps_an_article_with_nul_characters(store: Store) -> None:
    analysed = make_article("nul")
    art = dataclasses.replace(analysed.article, raw="bad\x00byte " + analysed.article.raw, title="Envoy\x00visits")
    assert store.save_article(dataclasses.replace(analysed, article=art))
    got = store.article(art.id)
    assert got is not None
    assert got["raw"].startswith("bad\ufffdbyte ") and got["title"] == "Envoy\ufffdvisits"
    assert len(got["raw"]) == len(art.raw)  # one character for one: offsets hold
    store.save_rejection(Rejection(origin="x.bin", stage="ingest", code="E103", reason="binary", raw="\x00\x01"))
    assert next(store.rejections())["raw"] == "\ufffd\x01"


def test_store_keeps_an_article_with_a_lone_surrogate(store: Store) -> None:
    """A JSON line may escape a lone surrogate ("\\ud800"): neither database can encode it, and it once
    stopped the ingest (UnicodeEncodeError, exit 70)."""
    analysed = make_article("surrogate")
    art = dataclasses.replace(analysed.article, raw="odd \ud800 char " + analysed.article.raw, title="Envoy \udc00")
    event = dataclasses.replace(analysed.events[0], sentence="He met \ud83d them.")
    assert store.save_article(dataclasses.replace(analysed, article=art, events=(event,)))
    got = store.article(art.id)
    assert got is not None and got["raw"].startswith("odd \ufffd char ") and got["title"] == "Envoy \ufffd"
    assert next(store.events())["sentence"] == "He met \ufffd them."
    store.save_rejection(Rejection(origin="x.jsonl:1", stage="clean", code="E112", reason="r", raw="\udfff"))
    assert next(store.rejections())["raw"] == "\ufffd"


def test_store_refuses_an_event_of_another_article(store: Store) -> None:
    analysed = make_article("stray")
    stray = dataclasses.replace(analysed.events[0], article_id="elsewhere")
    with pytest.raises(StoreError) as err:
        store.save_article(dataclasses.replace(analysed, events=(stray,)))
    assert err.value.code == "E310"
    assert store.counts()["articles"] == 0


def test_store_records_event_mentions_once_each(store: Store) -> None:
    art = make_article("mentions")
    s0 = art.sentences[0]
    headline = EventMention(article_id=art.article.id, sentence_index=0, section=Section.HEADLINE,
                            sentence=s0.text, span=(s0.start, s0.end), trigger="visits")
    event = art.events[0]
    own = EventMention(article_id=event.article_id, sentence_index=event.sentence_index, section=event.section,
                       sentence=event.sentence, span=event.span, trigger=event.trigger)
    art = dataclasses.replace(art, events=(dataclasses.replace(event, mentions=(own, headline)),))
    store.save_article(art)
    (record,) = store.events()
    assert record["num_mentions"] == 2
    assert len(record["mentions"]) == 2


def test_store_rejections_are_recorded_once(store: Store) -> None:
    bad = Rejection(origin="feed.jsonl:3", stage="ingest", code="E104", reason="no text field", raw='{"x": 1}')
    store.save_rejection(bad)
    store.save_rejection(bad)
    store.save_rejection(dataclasses.replace(bad, reason="empty text"))
    store.save_rejection(dataclasses.replace(bad, origin="feed.jsonl:4"))
    rows = list(store.rejections())
    assert len(rows) == 3 == store.counts()["rejections"]
    assert rows[0]["origin"] == "feed.jsonl:3"
    assert rows[0]["code"] == "E104"
    assert rows[0]["reason"] == "no text field"
    assert rows[0]["raw"] == '{"x": 1}'
    assert rows[0]["stage"] == "ingest"
    assert rows[0]["recorded_at"]


# --------------------------------------------------------------------------- querying


def test_store_events_yield_the_public_record(store: Store) -> None:
    analysed = make_article("record")
    store.save_article(analysed)
    (record,) = store.events()
    expected = analysed.events[0].to_record()
    expected["cluster_id"] = analysed.events[0].id  # a new cluster is named after its first event
    core = {k: record[k] for k in expected}
    assert core == expected
    assert record["num_sources"] == 1 and record["num_articles"] == 1
    assert record["article"]["url"] == "https://news.example/record"
    assert record["article"]["published"] == "2025-06-18"


@pytest.fixture
def filled(store: Store) -> Store:
    """Five events over four articles, for the query filters."""
    store.save_article(make_article("a", events=(
        {"day": "2025-06-17"},  # RUS→PRK CONSULT, occurred, certain
        {"type": EventType.ASSAULT, "source": UKR_MIL, "target": RUS_GOV, "day": "2024-08-06",
         "status": Status.ONGOING, "certainty": Certainty.REPORTED},
    )))
    store.save_article(make_article("b", events=(
        {"type": EventType.AGREE, "source": PRK_GOV, "target": RUS_GOV, "day": "2025-06", "precision": Precision.MONTH,
         "status": Status.PLANNED},
    )))
    store.save_article(make_article("c", events=(
        {"type": EventType.ACCUSE, "source": USA_GOV, "target": RUS_GOV, "day": None,
         "certainty": Certainty.UNCONFIRMED},
    )))
    store.save_article(make_article("d", events=(
        {"type": EventType.CONSULT, "source": USA_GOV, "target": PRK_GOV, "day": "2025", "precision": Precision.YEAR},
    )))
    return store


def _types(records: object) -> list[str]:
    return [r["type"] for r in records]  # type: ignore[attr-defined]


def test_store_events_are_ordered_by_date_then_id_unknown_last(filled: Store) -> None:
    dates = [r["date"]["value"] for r in filled.events()]
    assert dates == ["2024-08-06", "2025", "2025-06", "2025-06-17", None]


def test_store_filter_actor_by_code_prefix_country_and_name(filled: Store) -> None:
    assert len(list(filled.events(actor="RUS"))) == 4
    assert len(list(filled.events(actor="rusgov"))) == 4
    assert _types(filled.events(actor="UKRMIL")) == ["ASSAULT"]
    assert sorted(_types(filled.events(actor="Shoigu"))) == ["ACCUSE", "AGREE", "ASSAULT", "CONSULT"]
    assert len(list(filled.events(actor="sergei shoigu"))) == 4
    # a whole word of the name, not any substring: "US" is not in "Sergei Shoigu" nor "North Korea"
    assert sorted(_types(filled.events(actor="US"))) == ["ACCUSE", "CONSULT"]
    assert list(filled.events(actor="Shoig")) == []
    assert list(filled.events(actor="%")) == []  # LIKE wildcards are escaped


TWO_COUNTRIES = Actor(text="the two countries", name="Russia and North Korea", members=(RUS_GOV, PRK_GOV))


def test_store_filter_actor_looks_inside_a_group(store: Store) -> None:
    store.save_article(make_article("g1", events=(
        {"type": EventType.ACCUSE, "source": USA_GOV, "target": TWO_COUNTRIES},)))
    store.save_article(make_article("g2", events=({"type": EventType.AGREE, "source": TWO_COUNTRIES,
                                                   "target": None},)))
    store.save_article(make_article("g3", events=({"source": USA_GOV, "target": UKR_MIL},)))
    assert sorted(_types(store.events(actor="RUS"))) == ["ACCUSE", "AGREE"]
    assert sorted(_types(store.events(actor="prkgov"))) == ["ACCUSE", "AGREE"]
    assert sorted(_types(store.events(actor="USA"))) == ["ACCUSE", "CONSULT"]
    assert list(store.events(actor="CHN")) == []
    assert list(store.events(actor="GOV")) == []  # a sector is not a code prefix
    assert _types(store.events(dyad=("PRK", "USA"))) == ["ACCUSE"]
    assert _types(store.events(dyad=("UKR", "RUS"))) == []


def test_store_migration_2_fills_the_members_of_stored_groups(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save_article(make_article("old", events=({"source": TWO_COUNTRIES, "target": USA_GOV},)))
    engine = create_engine(parse_url(db_url))
    with engine.begin() as conn:  # back to a version-1 database holding the same event
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN source_members"))
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN target_members"))
        conn.execute(sa.text("DELETE FROM schema_version WHERE version >= 2"))
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.version == SCHEMA_VERSION
        assert _types(store.events(actor="PRK")) == ["CONSULT"]
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT source_members FROM events")).scalar_one() == " RUSGOV RUS PRKGOV PRK "


def test_store_filter_dyad_matches_either_direction(filled: Store) -> None:
    assert sorted(_types(filled.events(dyad=("RUS", "PRK")))) == ["AGREE", "CONSULT"]
    assert sorted(_types(filled.events(dyad=("PRK", "RUS")))) == ["AGREE", "CONSULT"]
    assert _types(filled.events(dyad=("USA", "PRK"))) == ["CONSULT"]
    assert list(filled.events(dyad=("UKR", "PRK"))) == []


def test_store_filter_type_status_certainty_article_and_limit(filled: Store) -> None:
    assert _types(filled.events(type="assault")) == ["ASSAULT"]
    assert _types(filled.events(status="planned")) == ["AGREE"]
    assert _types(filled.events(certainty="UNCONFIRMED")) == ["ACCUSE"]
    assert _types(filled.events(certainty="reported")) == ["ASSAULT"]
    a_id = make_article("a").article.id
    assert sorted(_types(filled.events(article_id=a_id))) == ["ASSAULT", "CONSULT"]
    assert _types(filled.events(limit=2)) == ["ASSAULT", "CONSULT"]
    assert list(filled.events(limit=0)) == []
    assert _types(filled.events(limit=2, offset=1)) == ["CONSULT", "AGREE"]
    with pytest.raises(StoreError):
        filled.events(limit=-1)


def test_store_filter_dates_compare_iso_prefixes(filled: Store) -> None:
    values = lambda **kw: [r["date"]["value"] for r in filled.events(**kw)]
    assert values(since="2025") == ["2025", "2025-06", "2025-06-17"]
    assert values(since="2025-06-17") == ["2025", "2025-06", "2025-06-17"]  # coarser dates overlap
    assert values(since="2025-06-18") == ["2025", "2025-06"]
    assert values(until="2024-12-31") == ["2024-08-06"]
    assert values(since="2024-08", until="2024-08") == ["2024-08-06"]
    assert values(since="2025-07") == ["2025"]
    assert values(until="2030") == ["2024-08-06", "2025", "2025-06", "2025-06-17"]  # unknown date never matches
    with pytest.raises(StoreError) as err:
        filled.events(since="June 2025")
    assert err.value.code == "E312"


KIM = Actor(text="Kim Jong-un", name="Kim Jong-un", code="PRKGOV", country="PRK", sector="GOV",
            role="Supreme Leader")


def test_store_actor_search_ignores_case_hyphens_and_spaces(store: Store) -> None:
    """Issue 12: '--actor "Kim Jong Un"' found nothing where the store spells it "Kim Jong-un"."""
    store.save_article(make_article("k1", events=({"source": KIM, "target": RUS_GOV},)))
    store.save_article(make_article("k2", events=({"source": PRK_GOV, "target": USA_GOV},)))
    for spelling in ("Kim Jong Un", "kim jong-un", "KIM JONG UN", "Kim Jongun", "KimJongUn", "Jong Un"):
        assert _types(store.events(actor=spelling)) == ["CONSULT"], spelling
        assert len(list(store.events(actor=spelling))) == 1, spelling  # not every PRKGOV event
    assert len(list(store.events(dyad=("Kim Jong Un", "Shoigu")))) == 1
    assert list(store.events(actor="Kim Jong")) != [] and list(store.events(actor="Jong Il")) == []


def test_store_actor_search_reads_the_dictionaries_aliases(store: Store) -> None:
    """'DPRK' and 'North Korea' are names of one country (PRK) in the actor dictionaries."""
    store.save_article(make_article("p1", events=({"source": USA_GOV, "target": PRK_GOV},)))
    store.save_article(make_article("p2", events=({"source": USA_GOV, "target": UKR_MIL},)))
    for name in ("DPRK", "dprk", "Democratic People's Republic of Korea", "North Korea"):
        got = list(store.events(actor=name))
        assert len(got) == 1 and got[0]["target"]["country"] == "PRK", name
    assert len(list(store.events(dyad=("DPRK", "United States")))) == 1


@pytest.mark.parametrize(("filters", "word"), [
    ({"certainty": "bogus"}, "certainty"),
    ({"status": "done"}, "status"),
    ({"type": "FIGHT"}, "type"),
    ({"actor": "RUS\x00"}, "NUL"),
    ({"offset": 2**63}, "offset"),
    ({"limit": -1}, "limit"),
    ({"actor": "  "}, "actor"),
])
def test_store_bad_filters_are_query_errors_not_empty_results(filled: Store, filters: dict[str, object],
                                                               word: str) -> None:
    from eventwire.errors import QueryError

    with pytest.raises(QueryError) as err:
        filled.events(**filters)  # type: ignore[arg-type]
    assert err.value.code == "E312" and err.value.exit_code == 2 and word in err.value.message


def test_store_open_without_create_refuses_a_database_with_no_store(db_url: str, tmp_path: Path) -> None:
    """Issue 12: 'events' with no store said nothing and created an empty one."""
    with pytest.raises(StoreError) as err:
        Store.open(db_url, create=False)
    assert err.value.code == "E314" and "ingest" in err.value.message
    if "://" not in db_url:
        assert not Path(db_url).exists()
    else:
        engine = create_engine(parse_url(db_url))
        with engine.connect() as conn:
            assert not sa.inspect(conn).get_table_names()
        engine.dispose()
    with Store.open(db_url):  # created by a writer
        pass
    with Store.open(db_url, create=False) as store:
        assert list(store.events()) == []


# --------------------------------------------------------------------------- clustering


def test_clustering_dates_agree_at_the_coarser_precision() -> None:
    day = lambda v: date_key(v, Precision.DAY)
    assert dates_agree(day("2025-06-17"), day("2025-06-18"))  # type: ignore[arg-type]
    assert dates_agree(day("2025-06-30"), day("2025-07-01"))  # type: ignore[arg-type]
    assert not dates_agree(day("2025-06-17"), day("2025-06-19"))  # type: ignore[arg-type]
    month = date_key("2025-06", Precision.MONTH)
    assert dates_agree(day("2025-06-30"), month)  # type: ignore[arg-type]
    assert not dates_agree(day("2025-07-01"), month)  # type: ignore[arg-type]
    assert dates_agree(date_key("2025", Precision.YEAR), month)  # type: ignore[arg-type]
    rng = date_key(None, Precision.RANGE, "2025-06-10", "2025-06-20")
    assert dates_agree(rng, day("2025-06-20"))  # type: ignore[arg-type]
    assert not dates_agree(rng, day("2025-06-22"))  # type: ignore[arg-type]
    assert date_key(None, Precision.UNKNOWN) is None
    assert date_key("2025-02-30", Precision.DAY) is None


def test_store_clusters_one_event_told_by_two_outlets(store: Store) -> None:
    first = make_article("tass", outlet="Outlet A", published=date(2025, 6, 18), events=({"day": "2025-06-17"},))
    second = make_article("yonhap", outlet="Outlet B", published=date(2025, 6, 17), events=({"day": "2025-06-18"},))
    store.save_article(first)
    store.save_article(second)
    records = list(store.events())
    assert len(records) == 2
    assert {r["cluster_id"] for r in records} == {first.events[0].id}
    assert all(r["num_sources"] == 2 and r["num_articles"] == 2 for r in records)
    assert all(r["first_reported"] == "2025-06-17" for r in records)
    assert store.counts()["clusters"] == 1


def test_store_keeps_different_dates_in_different_clusters(store: Store) -> None:
    store.save_article(make_article("x", outlet="Outlet A", events=({"day": "2025-06-17"},)))
    store.save_article(make_article("y", outlet="Outlet B", events=({"day": "2025-06-20"},)))
    records = list(store.events())
    assert len({r["cluster_id"] for r in records}) == 2
    assert all(r["num_sources"] == 1 for r in records)
    assert store.counts()["clusters"] == 2


def test_store_clustering_rules(store: Store) -> None:
    # same outlet twice: two articles, one source
    store.save_article(make_article("p1", outlet="Outlet A", events=({"day": "2025-06-17"},)))
    store.save_article(make_article("p2", outlet="outlet a ", events=({"day": "2025-06", "precision": Precision.MONTH},)))
    # unknown outlets count one source per article
    store.save_article(make_article("p3", outlet=None, events=({"day": "2025-06-16"},)))
    # reversed pair, not reciprocal: a different event
    store.save_article(make_article("p4", outlet="Outlet C", events=({"source": PRK_GOV, "target": RUS_GOV},)))
    # reversed pair, reciprocal ("the two countries met"): the same event
    store.save_article(make_article("p5", outlet="Outlet D", events=(
        {"source": PRK_GOV, "target": RUS_GOV, "reciprocal": True},)))
    # no date: never clustered
    store.save_article(make_article("p6", outlet="Outlet E", events=({"day": None},)))
    # another type: a different event
    store.save_article(make_article("p7", outlet="Outlet F", events=({"type": EventType.AGREE},)))
    by_key = {r["article_id"]: r for r in store.events()}
    ids = {k: make_article(k).article.id for k in ("p1", "p2", "p3", "p4", "p5", "p6", "p7")}
    main = by_key[ids["p1"]]["cluster_id"]
    assert by_key[ids["p2"]]["cluster_id"] == main
    assert by_key[ids["p3"]]["cluster_id"] == main
    assert by_key[ids["p5"]]["cluster_id"] == main
    assert by_key[ids["p4"]]["cluster_id"] != main
    assert by_key[ids["p6"]]["cluster_id"] != main
    assert by_key[ids["p7"]]["cluster_id"] != main
    assert by_key[ids["p1"]]["num_articles"] == 4
    assert by_key[ids["p1"]]["num_sources"] == 3  # Outlet A (twice), the unknown outlet, Outlet D


def test_store_merges_the_clusters_an_event_bridges(store: Store) -> None:
    first = make_article("m1", outlet="Outlet A", events=({"day": "2025-06-17"},))
    third = make_article("m3", outlet="Outlet C", events=({"day": "2025-06-19"},))
    store.save_article(first)
    store.save_article(third)  # two days apart: two clusters
    assert store.counts()["clusters"] == 2
    bridge = make_article("m2", outlet="Outlet B", events=({"day": "2025-06-18"},))
    store.save_article(bridge)  # a day from each: one event, told three times
    records = list(store.events())
    kept = min(first.events[0].id, third.events[0].id)
    assert {r["cluster_id"] for r in records} == {kept}
    assert all(r["num_articles"] == 3 and r["num_sources"] == 3 and r["num_mentions"] == 3 for r in records)
    assert store.counts()["clusters"] == 1
    with store.engine.connect() as conn:  # the stored column and the stored record agree
        e = sa.Table("events", sa.MetaData(), autoload_with=conn).c
        assert {row[0] for row in conn.execute(sa.select(e.cluster_id))} == {kept}


def test_store_a_coarse_date_joins_one_cluster_and_merges_none(store: Store) -> None:
    store.save_article(make_article("c1", outlet="Outlet A", events=({"day": "2025-06-03"},)))
    store.save_article(make_article("c2", outlet="Outlet B", events=({"day": "2025-06-20"},)))
    june = make_article("c3", outlet="Outlet C", events=({"day": "2025-06", "precision": Precision.MONTH},))
    store.save_article(june)
    assert store.counts()["clusters"] == 2  # "in June" is no evidence that the 3rd and the 20th are one event
    joined = [r["cluster_id"] for r in store.events() if r["article_id"] == june.article.id]
    assert joined == [min(make_article(k).events[0].id for k in ("c1", "c2"))]


def test_store_merging_within_one_article_keeps_every_event_on_the_kept_cluster(store: Store) -> None:
    a = make_article("w1", outlet="Outlet A", events=({"day": "2025-06-17"},))
    b = make_article("w2", outlet="Outlet B", events=({"day": "2025-06-19"},))
    store.save_article(a)
    store.save_article(b)
    # the first event matches only the 19th, the second bridges both: both end on the kept cluster
    both = make_article("w3", outlet="Outlet C", events=({"day": "2025-06-20"}, {"day": "2025-06-18"}))
    store.save_article(both)
    assert {r["cluster_id"] for r in store.events()} == {min(a.events[0].id, b.events[0].id)}
    assert store.counts()["clusters"] == 1


def test_clustering_plan_merges_transitively_into_the_lowest_id() -> None:
    firm = lambda *ids: [ClusterMatch(c, True) for c in ids]
    chosen, merged = plan_clusters([("e1", firm("c5", "c3")), ("e2", firm("c5", "c9")), ("e3", []),
                                    ("e4", [ClusterMatch("c7", False), ClusterMatch("c1", False)])])
    assert chosen == {"e1": "c3", "e2": "c3", "e3": "e3", "e4": "c1"}
    # one firm match merges nothing: the lowest id is joined, as with no firm match
    assert plan_clusters([("e5", [ClusterMatch("c8", True), ClusterMatch("c2", False)])]) == ({"e5": "c2"}, {})
    assert merged == {"c5": "c3", "c9": "c3"}


# --------------------------------------------------------------------------- crash and resume

_SAVER = """
import sys
sys.path.insert(0, {tests!r})
from test_store import make_article
from eventwire.store import Store

import os, time
prefix = sys.argv[3] if len(sys.argv) > 3 else "kill"
with Store.open(sys.argv[1]) as store:
    if len(sys.argv) > 4:  # a start line: wait for the go file so that writers collide
        print("ready", flush=True)
        while not os.path.exists(sys.argv[4]):
            time.sleep(0.005)
    for i in range(int(sys.argv[2])):
        store.save_article(make_article(f"{{prefix}}-{{i}}", outlet=f"{{prefix}} {{i % 3}}",
                                        events=({{}}, {{"day": None}})))
        print(i, flush=True)
"""


def test_store_resumes_after_sigkill(db_url: str) -> None:
    total = 300
    script = _SAVER.format(tests=str(TESTS_DIR))
    proc = subprocess.Popen([sys.executable, "-c", script, db_url, str(total)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    seen = -1
    for line in proc.stdout:
        seen = int(line)
        if seen >= 9:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert seen == 9, "the saver died before it had committed ten articles"
    with Store.open(db_url) as store:
        committed = store.counts()["articles"]
        assert 10 <= committed < total
        for i in range(10):
            assert store.has_article(make_article(f"kill-{i}").article.content_hash)
        saved = [store.save_article(make_article(f"kill-{i}", outlet=f"kill {i % 3}", events=({}, {"day": None})))
                 for i in range(total)]
        assert saved.count(False) == committed
        assert store.counts()["articles"] == total
        assert store.counts()["events"] == 2 * total
        assert store.counts()["sentences"] == 2 * total
        ids = _ids(store.events())
        assert len(ids) == len(set(ids)) == 2 * total


def test_store_concurrent_writers_serialise(db_url: str, tmp_path: Path) -> None:
    """Two processes saving at once: no 'database is locked', and the same event lands in one cluster."""
    Store.open(db_url).close()
    script = _SAVER.format(tests=str(TESTS_DIR))
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", script, db_url, "25", name, str(go)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("left", "right")]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    go.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 50
        dated = [r for r in store.events() if r["date"]["value"] is not None]
        assert len(dated) == 50
        assert len({r["cluster_id"] for r in dated}) == 1
        assert dated[0]["num_articles"] == 50 and dated[0]["num_sources"] == 6


# --------------------------------------------------------------------------- errors


def test_store_unreachable_postgres_says_where_and_what_to_do() -> None:
    with pytest.raises(StoreError) as err:
        Store.open("postgresql://postgres@127.0.0.1:1/eventwire")
    message = str(err.value)
    assert err.value.code == "E301"
    assert "127.0.0.1:1" in message
    assert "--db" in message
    assert "\n" not in message


def test_store_bad_scheme_is_refused() -> None:
    with pytest.raises(StoreError) as err:
        Store.open("mysql://user@host/db")
    assert err.value.code == "E303"
    assert "mysql" in str(err.value)


def test_store_missing_directory_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "eventwire.db"
    with pytest.raises(StoreError) as err:
        Store.open(str(missing))
    assert err.value.code == "E304"
    assert str(missing.parent) in str(err.value)


def test_store_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code == "E306"
    assert str(path) in str(err.value)


def test_store_plain_path_and_sqlite_url_are_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    with Store.open(str(path)) as store:
        store.save_article(make_article("same"))
    with Store.open(f"sqlite:///{path}") as store:
        assert store.counts()["articles"] == 1
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


_OPEN_AS_NOBODY = """
import os, sys
from eventwire.errors import StoreError
from eventwire.store import Store

Store.open("sqlite://").close()  # import everything while we may still read the interpreter's files
if os.geteuid() == 0:  # root writes anything: drop to nobody to meet a real permission
    os.setgid(65534)
    os.setuid(65534)
try:
    Store.open(sys.argv[1]).close()
    print("OPENED")
except StoreError as exc:
    print(exc.code, exc)
"""


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A directory every user can enter (pytest's own tmp dirs are private to their owner)."""
    path = Path(tempfile.mkdtemp(prefix="eventwire-ro-"))
    path.chmod(0o755)
    yield path
    for p in (path, *path.iterdir()):
        p.chmod(stat.S_IRWXU)
    shutil.rmtree(path)


def _open_restricted(url: str) -> str:
    done = subprocess.run([sys.executable, "-c", _OPEN_AS_NOBODY, url], check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_store_read_only_file_is_reported(shared_tmp: Path) -> None:
    path = shared_tmp / "locked.db"
    Store.open(str(path)).close()
    for p in shared_tmp.iterdir():
        p.chmod(0o444)
    if os.geteuid() != 0:
        shared_tmp.chmod(0o555)
    out = _open_restricted(str(path))
    assert out.startswith("E305"), out
    assert str(path) in out
    assert "read-only" in out


def test_store_read_only_directory_is_reported(shared_tmp: Path) -> None:
    path = shared_tmp / "open.db"
    Store.open(str(path)).close()
    for p in shared_tmp.iterdir():
        p.chmod(0o666)
    shared_tmp.chmod(0o555)
    out = _open_restricted(str(path))
    assert out.startswith("E305"), out
    assert "directory" in out and str(shared_tmp) in out


def test_store_sqlite_readonly_write_error_is_translated(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    Store.open(str(path)).close()
    # SQLite's own read-only mode: the database opens, the first write fails inside SQLite
    with Store.open(f"sqlite:///file:{path}?mode=ro&uri=true") as store:
        assert store.counts()["articles"] == 0
        with pytest.raises(StoreError) as err:
            store.save_article(make_article("ro"))
    assert err.value.code == "E305"
    assert "read-only" in str(err.value)


def _retold(key: str, outlet: str, **changes: object) -> AnalysedArticle:
    """:func:`make_article` with its one event's fields replaced (trigger, location)."""
    art = make_article(key, outlet=outlet)
    return dataclasses.replace(art, events=(dataclasses.replace(art.events[0], **changes),))


def test_store_clusters_only_what_the_pair_model_calls_one_event(store: Store) -> None:
    # Same type, dyad and day throughout (the rules' block); the coreference pair model decides (issue 11).
    first = _retold("k1", "Outlet A")
    store.save_article(first)
    store.save_article(_retold("k2", "Outlet B", trigger="met earlier"))  # another instance: apart
    store.save_article(_retold("k3", "Outlet C", trigger="talks", location=None))  # other words, nothing more
    store.save_article(_retold("k4", "Outlet D"))  # the same trigger, actors, day and place
    cluster = {r["article_id"]: r["cluster_id"] for r in store.events()}
    ids = {k: make_article(k).article.id for k in ("k1", "k2", "k3", "k4")}
    assert cluster[ids["k4"]] == cluster[ids["k1"]] == first.events[0].id
    assert cluster[ids["k2"]] != cluster[ids["k1"]] and cluster[ids["k3"]] != cluster[ids["k1"]]
    with store.engine.connect() as conn:
        rows = {tuple(r) for r in conn.execute(sa.text("SELECT trigger_lemma, instance_words FROM events"))}
    assert rows == {("met", None), ("met", "earlier"), ("talks", None)}


def test_store_migration_5_gives_stored_events_a_trigger_lemma(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save_article(make_article("old"))
    engine = create_engine(parse_url(db_url))
    with engine.begin() as conn:  # back to a version-4 database holding the same event
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN trigger_lemma"))
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN instance_words"))
        conn.execute(sa.text("DELETE FROM schema_version WHERE version >= 5"))
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.version == SCHEMA_VERSION
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT trigger_lemma FROM events")).scalar_one() == "met"
        store.save_article(make_article("new", outlet="Outlet B"))  # clusters with the migrated event
        assert store.counts()["clusters"] == 1
