"""The pipeline's own choices: which sentences are parsed, and how Title Case headlines are parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import api
from eventwire.config import load_settings
from eventwire.models import AnalysedArticle, RawRecord, Section
from eventwire.parse import title_cased


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    return api.build_pipeline(load_settings(environ={}))


def test_pipeline_title_case_detection() -> None:
    assert title_cased(["France", "Condemns", "Border", "Raid", "By", "Syrian", "Troops"])
    assert not title_cased(["France", "condemned", "the", "border", "raid", "by", "Syrian", "troops"])
    assert not title_cased(["Iran", "says"])


def test_pipeline_title_case_headline_keeps_its_event(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Kenya Accuses Uganda Of Border Incursion\nOfficials in Nairobi spoke on Monday.\n-\n"
                    "The weather was mild.\n", encoding="utf-8")
    (item,) = list(api.extract([path], published="2025-06-17", pipeline=pipeline))
    assert isinstance(item, AnalysedArticle)
    headline = [e for e in item.events if e.section is Section.HEADLINE]
    assert [(e.type.value, e.source and e.source.country, e.target and e.target.country) for e in headline] == [
        ("ACCUSE", "KEN", "UGA")]
    # the stored sentence and offsets are the article's own text, not the lower-cased parse copy
    assert headline[0].sentence == "Kenya Accuses Uganda Of Border Incursion"


def test_pipeline_parses_only_sentences_with_an_actor_and_a_trigger(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru signed a trade agreement.\nThe weather was mild and sunny.\nChile is a long country."
    analysed = pipeline.analyse(RawRecord(origin="<test>", text=text))
    by_text = {s.text: s.index in analysed.parsed for s in analysed.sentences}
    assert by_text["Chile and Peru signed a trade agreement."] is True
    assert by_text["The weather was mild and sunny."] is False
