"""Pairs of people referred to together (events/groups.py): "the two leaders", "both ministers", and a plural
pronoun that is a party of a reciprocal act ("their summit", "they met"). Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    return build_pipeline()


def _events(pipeline, text: str, after: int = 0) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(type, source country, target country) of the events told in sentences from index ``after`` on."""
    a = pipeline.analyse(RawRecord(origin="<t>", text=text, published=date(2025, 4, 1)))
    return [(e.type.value, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in a.events if e.sentence_index >= after]


def _dyads(found: list[tuple[str, str | None, str | None]], kind: str) -> set[frozenset[str | None]]:
    return {frozenset((s, t)) for k, s, t in found if k == kind}


FIRST = "Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei in Brasilia in May.\n"


def test_the_two_leaders_after_an_office_and_a_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Argentine President Javier Milei": the office and the name are one person, not a second leader
    found = _events(pipeline, FIRST + "The two leaders spoke again by phone on Thursday.", after=1)
    assert frozenset(("BRA", "ARG")) in _dyads(found, "CONSULT")


def test_their_meeting_is_the_pair_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, FIRST + "Their second meeting took place in Buenos Aires in July.", after=1)
    assert frozenset(("BRA", "ARG")) in _dyads(found, "CONSULT")


def test_they_met_again_is_the_pair_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, FIRST + "They met again at a summit in Montevideo in December.", after=1)
    assert frozenset(("BRA", "ARG")) in _dyads(found, "CONSULT")


def test_they_of_a_one_sided_act_is_not_made_a_pair(pipeline) -> None:  # type: ignore[no-untyped-def]
    # only a reciprocal act (meeting, talking, agreeing) gives the pronoun split antecedents
    found = _events(pipeline, FIRST + "They accused Chile of hoarding water from shared rivers.", after=1)
    assert not any(k == "ACCUSE" and s in ("BRA", "ARG") for k, s, _ in found)


def test_their_pair_is_not_sought_far_back(pipeline) -> None:  # type: ignore[no-untyped-def]
    far = ("Heavy rain fell in the south on Monday.\nMarkets were calm on Tuesday.\n"
           "Traffic was heavy in the capital on Wednesday.\n")
    found = _events(pipeline, FIRST + far + "Their second meeting took place in Buenos Aires in July.", after=4)
    assert frozenset(("BRA", "ARG")) not in _dyads(found, "CONSULT")


def test_the_two_men_a_count_introduced_are_those_men(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "executed two men … the two men": the phrase names the men counted just before, not the leaders named earlier
    found = _events(pipeline, FIRST + "The Iranian government executed two men on Monday.\n"
                                      "The two men had been convicted of spying.", after=1)
    assert not any({s, t} & {"BRA", "ARG"} for _, s, t in found), found


def test_an_indefinite_count_is_no_pair_of_earlier_people(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, FIRST + "The Iranian government executed two men on Monday.", after=1)
    assert not any({s, t} & {"BRA", "ARG"} for _, s, t in found), found
