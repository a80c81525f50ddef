"""Complements of appeals: a for-to clause names who is asked to act ("called for Russia to withdraw"), and a bare
verb coordinated with a to-infinitive complement is the same complement, absorbed with it (events/frame.py,
events/engine.py `governor_of`, certainty/status.py). Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    pipe = build_pipeline()
    pipe.after_events = tuple((name, stage) for name, stage in pipe.after_events if name != "scorer")
    return pipe


def _events(pipeline, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    a = pipeline.analyse(RawRecord(origin="<t>", text=text, published=date(2025, 4, 1)))
    return [f"{e.type.value} {e.source.country if e.source else None} {e.target.country if e.target else None}"
            f" {e.status.value}" for e in a.events]


@pytest.mark.parametrize(("text", "expect"), [
    ("Germany called for Russia to withdraw its troops from Ukraine.", "REQUEST DEU RUS occurred"),
    ("Brazil appealed for Venezuela to release the detained opposition leaders.", "REQUEST BRA VEN occurred"),
    ("On Tuesday Kenya called for Ethiopia and Eritrea to respect the ceasefire.", "REQUEST KEN ETH occurred"),
])
def test_a_for_to_clause_names_who_is_asked(pipeline, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    assert expect in _events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Germany urged Russia to withdraw its troops and hold talks with Ukraine.",
    "Germany called for Russia to pull back its troops and hold talks with Ukraine.",
])
def test_a_coordinated_complement_is_no_event_of_its_own(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert "REQUEST DEU RUS occurred" in found
    assert not any(e.startswith("CONSULT") for e in found), found


def test_a_decision_keeps_both_coordinated_acts(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Germany decided to withdraw its troops and hold talks with Ukraine.")
    assert any(e.startswith("CONSULT DEU UKR") for e in found), found
    assert not any(e.endswith("occurred") for e in found), found


@pytest.mark.parametrize(("text", "expect"), [
    ("The EU encouraged Serbia to recognise the election results.", "REQUEST SRB"),
    ("Washington pushed Kyiv to accept the ceasefire terms.", "REQUEST UKR"),
])
def test_encouraging_a_party_to_act_asks_it_to(pipeline, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert any(e.startswith("REQUEST") and expect.split()[1] in e for e in found), found


def test_encouraging_a_party_alone_supports_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Germany encouraged the new Syrian government on Monday.")
    assert any(e.startswith("SUPPORT DEU SYR") for e in found), found
