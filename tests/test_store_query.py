"""The store's queries for the analyst UI (issue 13): filters by country, region, quad class, mode, date
precision and box; sorting by any column; counts and aggregates."""

# ruff: noqa: F811 - the db_url and store fixtures of test_store, imported to be used here

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from test_store import PRK_GOV, RUS_GOV, UKR_MIL, USA_GOV, db_url, make_article  # noqa: F401

from eventwire.errors import QueryError
from eventwire.models import AnalysedArticle, EventType, Place, Precision
from eventwire.store import Store

KYIV = Place(name="Kyiv", country="UKR", lat=50.45, lon=30.52, geonameid=703448, precision="city")
LIMA = Place(name="Lima", country="PER", lat=-12.04, lon=-77.03, geonameid=3936456, precision="city")
FIJI = Place(name="Taveuni", country="FJI", lat=-16.8, lon=179.9, geonameid=2198148, precision="city")


def _article(key: str, place: Place | None, quad: int, goldstein: float, mode: str | None, **event: object
             ) -> AnalysedArticle:
    made = make_article(key, outlet=key, events=(event,))
    changed = dataclasses.replace(made.events[0], location=place, quad_class=quad, goldstein=goldstein, mode=mode)
    return dataclasses.replace(made, events=(changed,))


@pytest.fixture
def varied(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as store:
        for item in (
            _article("a", None, 1, 1.9, "visit"),  # no place
            _article("b", KYIV, 4, -10.0, None, type=EventType.ASSAULT, source=RUS_GOV, target=UKR_MIL,
                     day="2025-06-10"),
            _article("c", LIMA, 3, -2.0, "phone", type=EventType.ACCUSE, source=USA_GOV, target=PRK_GOV,
                     day="2025-06", precision=Precision.MONTH),
            _article("d", FIJI, 2, 7.4, None, type=EventType.AID, source=USA_GOV, target=UKR_MIL,
                     day="2024-01-02"),
        ):
            assert store.save_article(item) is True
        yield store


def _sentences(records: Iterator[dict[str, object]]) -> list[str]:
    return [str(r["sentence"]).rsplit("(", 1)[1].rstrip(").") for r in records]


def test_store_filters_by_place_country_and_region(varied: Store) -> None:
    assert _sentences(varied.events(country="UKR")) == ["b"]
    assert sorted(_sentences(varied.events(country="ukr,per"))) == ["b", "c"]
    assert _sentences(varied.events(region="south-america")) == ["c"]
    assert _sentences(varied.events(region="Europe")) == ["b"]
    assert _sentences(varied.events(region="oceania")) == ["d"]
    assert varied.count_events(region="africa") == 0


def test_store_filters_by_quad_class_mode_precision_type(varied: Store) -> None:
    assert sorted(_sentences(varied.events(quad_class="3,4"))) == ["b", "c"]
    assert _sentences(varied.events(quad_class=[2])) == ["d"]
    assert _sentences(varied.events(mode="PHONE")) == ["c"]
    assert _sentences(varied.events(precision="month")) == ["c"]
    assert sorted(_sentences(varied.events(type="ASSAULT,aid"))) == ["b", "d"]


def test_store_filters_by_box_also_across_the_antimeridian(varied: Store) -> None:
    assert _sentences(varied.events(bbox="20,40,40,60")) == ["b"]
    assert _sentences(varied.events(bbox=(170, -20, -170, -10))) == ["d"]  # west > east: across 180°
    assert varied.count_events(bbox="-10,-10,10,10") == 0


def test_store_sorts_by_any_column_unknown_last(varied: Store) -> None:
    assert _sentences(varied.events(sort="goldstein")) == ["b", "c", "a", "d"]
    assert _sentences(varied.events(sort="-goldstein")) == ["d", "a", "c", "b"]
    assert _sentences(varied.events(sort="-date")) == ["a", "b", "c", "d"]  # ISO text: a month before its days
    assert _sentences(varied.events(sort="country"))[-1] == "a"  # no place: last either way
    assert _sentences(varied.events(sort="-country"))[-1] == "a"
    assert _sentences(varied.events(sort="mode"))[:2] == ["c", "a"]
    assert _sentences(varied.events(sort="-goldstein", limit=2, offset=1)) == ["a", "c"]


def test_store_counts_and_aggregates_what_the_filters_keep(varied: Store) -> None:
    assert varied.count_events() == 4
    assert varied.count_events(type="ASSAULT", limit=0) == 1  # paging does not change a count
    rows = varied.aggregate(["quad_class"], ["count", "goldstein_sum", "goldstein_n"], since="2025")
    got = {r["quad_class"]: (r["count"], r["goldstein_sum"], r["goldstein_n"]) for r in rows}
    assert got == {1: (1, 1.9, 1), 3: (1, -2.0, 1), 4: (1, -10.0, 1)}


@pytest.mark.parametrize("filters", [
    {"country": "Ukraine"}, {"region": "atlantis"}, {"quad_class": "5"}, {"mode": "1=1"},
    {"precision": "hour"}, {"bbox": "1,2,3"}, {"bbox": "0,50,10,40"}, {"sort": "password"}, {"type": ","},
])
def test_store_bad_new_filters_are_query_errors(varied: Store, filters: dict[str, object]) -> None:
    with pytest.raises(QueryError) as err:
        list(varied.events(**filters))
    assert err.value.code == "E312"
