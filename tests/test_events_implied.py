"""Acts only a state does imply its authorities as their doer when the text names none (events/coder.py
``_implied_agent``). Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    return build_pipeline()


def _events(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    a = pipeline.analyse(RawRecord(origin="<t>", text=text, published=date(2025, 4, 1)))
    return [(e.type.value, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in a.events]


def test_an_arrested_journalist_was_arrested_by_the_state_police(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert ("COERCE", "TZACOP", "TZAJRN") in _events(pipeline, "A Tanzanian journalist was arrested in Dodoma on Friday.")


def test_a_jailed_opposition_leader_was_jailed_by_the_courts(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Uganda's opposition leader was jailed for two years on Monday.")
    assert ("COERCE", "UGAJUD", "UGAOPP") in found


def test_a_foreigner_held_abroad_implies_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "A French journalist was detained in Iran on Friday.")
    assert not any(source is not None and source.startswith("FRA") for _, source, _ in found)


def test_a_named_doer_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Kenyan soldiers arrested ten Kenyan students in Nairobi.")
    assert not any(source == "KENCOP" for _, source, _ in found)
