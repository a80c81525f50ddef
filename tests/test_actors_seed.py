"""The running example (``shared/seed``) and the PLOVER dev set, read from ``../shared`` (skipped without it)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.benchmark import build_article, plover_recall
from eventwire.config import Settings
from eventwire.models import Mention


@pytest.fixture(scope="module")
def resolver(nlp) -> ActorResolver:  # type: ignore[no-untyped-def]
    return ActorResolver(Settings(), nlp.vocab)


@pytest.fixture(scope="module")
def seed(nlp, resolver, shared_dir) -> tuple[Mention, ...]:  # type: ignore[no-untyped-def]
    text = (shared_dir / "seed" / "shoigu-pyongyang.txt").read_text(encoding="utf-8")
    return resolver(build_article(nlp, text, date(2025, 6, 17))).mentions


def test_actors_seed_shoigu_title(seed) -> None:  # type: ignore[no-untyped-def]
    full = [m for m in seed if m.text == "Russian Security Council Secretary Sergei Shoigu"]
    assert full
    for m in full:
        a = m.actor
        assert (a.name, a.code, a.country, a.sector, a.role) == (
            "Sergei Shoigu", "RUSGOV", "RUS", "GOV", "Security Council Secretary")


def test_actors_seed_shoigu_surnames(seed) -> None:  # type: ignore[no-untyped-def]
    surnames = [m for m in seed if m.text == "Shoigu"]
    assert len(surnames) >= 6
    assert {(m.actor.name, m.actor.code, m.evidence) for m in surnames} == {
        ("Sergei Shoigu", "RUSGOV", "coref:surname")}


def test_actors_seed_countries_and_capitals(seed) -> None:  # type: ignore[no-untyped-def]
    assert {m.actor.code for m in seed if m.text == "DPRK"} == {"PRK"}
    assert {m.actor.code for m in seed if m.text == "Moscow"} == {"RUSGOV"}
    assert {m.actor.code for m in seed if m.text == "Pyongyang"} == {"PRKGOV"}
    assert {m.actor.code for m in seed if m.text == "Democratic People’s Republic of Korea"} == {"PRK"}


def test_actors_seed_kim_jong_un(seed) -> None:  # type: ignore[no-untyped-def]
    kims = [m for m in seed if m.text == "Kim Jong Un"]
    assert len(kims) >= 3 and {m.actor.code for m in kims} == {"PRKGOV"}


def test_actors_seed_kcna_is_north_korean_media(seed) -> None:  # type: ignore[no-untyped-def]
    (kcna,) = [m for m in seed if "KCNA" in m.text]
    assert (kcna.actor.country, kcna.actor.sector, kcna.actor.name) == ("PRK", "JRN", "KCNA")


def test_actors_seed_groups(seed) -> None:  # type: ignore[no-untyped-def]
    groups = [m for m in seed if m.text.lower() in ("both sides", "the two countries", "the two nations")]
    assert len(groups) == 3
    for m in groups:
        assert m.evidence == "group" and m.actor.code is None
        assert {x.country for x in m.actor.members} == {"RUS", "PRK"}


def test_actors_seed_the_country_is_the_dprk(seed) -> None:  # type: ignore[no-untyped-def]
    """"Shoigu's previous trip to the country": the country last named is the DPRK."""
    first = next(m for m in seed if m.text == "the country")
    assert first.actor.country == "PRK"


def test_actors_seed_russian_news_agencies(seed) -> None:  # type: ignore[no-untyped-def]
    (m,) = [m for m in seed if m.text == "Russian news agencies"]
    assert m.actor.code == "RUSJRN"


def test_actors_plover_dev_recall(nlp, resolver, shared_dir) -> None:  # type: ignore[no-untyped-def]
    """Gold actors whose country we give on an overlapping mention; both halves (frozen = never tuned on)."""
    records = json.loads((shared_dir / "eval" / "plover-gsr-dev.json").read_text(encoding="utf-8"))
    result = plover_recall(resolver, nlp, records)
    for half in ("tune", "frozen"):
        r = result[half]
        assert r.gold > 100
        assert r.country / r.gold >= 0.75, (half, r)
