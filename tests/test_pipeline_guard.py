"""A failure in one stage loses no article and stops no batch; the rejection names the stage that failed."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import AnalysedArticle, RawRecord, Rejection


@pytest.fixture
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    return build_pipeline()


def _records() -> list[RawRecord]:
    return [RawRecord(origin=f"r{n}", text=text, published=date(2025, 1, 2)) for n, text in enumerate([
        "Kenya's president met Uganda's president in Nairobi on Monday.",
        "Poison pill: Chad's army shelled rebel positions on Tuesday.",
        "Ghana's foreign minister visited Togo on Wednesday.",
    ])]


def test_a_stage_failure_is_recorded_under_that_stage(pipeline) -> None:  # type: ignore[no-untyped-def]
    def places_that_fail(analysed: AnalysedArticle) -> AnalysedArticle:
        if "Poison pill" in analysed.article.text:
            raise ValueError("no such place")
        return analysed

    pipeline.after_events = tuple((name, places_that_fail if name == "places" else stage)
                                  for name, stage in pipeline.after_events)
    out = list(pipeline.run(_records()))
    assert [type(x).__name__ for x in out] == ["AnalysedArticle", "Rejection", "AnalysedArticle"]
    rejected = out[1]
    assert isinstance(rejected, Rejection) and rejected.stage == "places" and rejected.code == "E900"
    assert rejected.raw is not None and "Poison pill" in rejected.raw


def test_a_parser_failure_rejects_only_its_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    parse = pipeline.parser.parse

    def parse_that_fails(docs, names=None):  # type: ignore[no-untyped-def]
        docs = list(docs)
        if any("Poison" in d.text for d in docs):
            raise RuntimeError("parser crashed")
        return parse(docs, names)

    pipeline.parser.parse = parse_that_fails
    out = list(pipeline.run(_records()))
    assert [type(x).__name__ for x in out] == ["AnalysedArticle", "Rejection", "AnalysedArticle"]
    assert isinstance(out[1], Rejection) and out[1].stage == "parse"
    assert any(e.type.value == "CONSULT" for e in out[2].events)  # type: ignore[union-attr]
