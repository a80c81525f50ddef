"""Triggers on real, partly lower-cased news (issue 3): police vocabulary of South Asian English (arrest,
detention and charge are CAMEO 173, violent crowd control 175, firing 190), and the word senses that are
no event (a train called 'express', the name Ram, 'excluding' a figure, meeting a deadline). Sentences are
our own; the cases come from the tune half of benchmarks/india_police.py and an audit of its articles."""

from __future__ import annotations

import pytest

from eventwire.models import Event

# (sentence, PLOVER type, CAMEO code of that event)
CASES: list[tuple[str, str, str]] = [
    ("Police lathi-charged the crowd in Patna.", "ASSAULT", "175"),
    ("Police baton-charged the protesters in Dhaka.", "ASSAULT", "175"),
    ("Police cane-charged the students in Lahore.", "ASSAULT", "175"),
    ("The police lathicharged the mob in Meerut.", "ASSAULT", "175"),
    ("Police fired in the air to disperse the crowd in Indore.", "ASSAULT", "175"),
    ("Police burst teargas shells to disperse the mob in Bhopal.", "ASSAULT", "175"),
    ("The police lobbed tear gas shells at the protesters.", "ASSAULT", "175"),
    ("Police opened fire on the mob in Baroda.", "ASSAULT", "190"),
    ("The police fired on the rioters in Jaipur.", "ASSAULT", "190"),
    ("50 persons were held by the police in Surat.", "COERCE", "173"),
    ("Police held 12 activists in Lucknow on Monday.", "COERCE", "173"),
    ("Police booked 20 persons for rioting in Nagpur.", "COERCE", "173"),
    ("Police registered a case against the legislator.", "COERCE", "173"),
    ("The police rounded up 40 persons in Kanpur.", "COERCE", "173"),
    ("Police took two men into custody in Agra.", "COERCE", "173"),
    ("Police picked up two youths for questioning.", "COERCE", "173"),
    ("Police nabbed three men in Delhi.", "COERCE", "173"),
    ("The police made 40 arrests in Kanpur on Friday.", "COERCE", "173"),
    ("Police fired six rounds at the mob in Vadodara.", "ASSAULT", "190"),
    ("Police resorted to firing to control the mob in Godhra.", "ASSAULT", "190"),
    ("Police resorted to lathi-charge in Lucknow on Monday.", "ASSAULT", "175"),
    ("Residents took out a procession in Ayodhya on Monday.", "PROTEST", "141"),
    ("The government met the demands of the striking teachers.", "CONCEDE", "083"),
]

# (sentence, CAMEO code that must NOT be coded): other senses of the same words
NOT_CASES: list[tuple[str, str]] = [
    ("The minister was held responsible for the violence.", "173"),
    ("The delegates held a meeting with party workers in Pune.", "173"),
    ("The family booked tickets for the train to Chennai.", "173"),
    ("The toll rose to 300, excluding the 58 persons killed in the train.", "170"),
    ("Combing operations were carried out in Surat by the police.", "062"),
    ("The Congress ruled the corporation for ten years.", "060"),
    ("the sabarmati express was diverted via ratlam.", "110"),
    ("ram sevaks defied the prohibitory orders in ayodhya.", "190"),
    ("The collector is monitoring the situation in the district.", "092"),
    ("The collector is monitoring the situation in the district.", "090"),
    ("The army should control the situation in the town.", "092"),
    ("Two candidates pulled out of the race for the Senate seat.", "0872"),
    ("The engineers worked to meet the deadline for the bridge.", "040"),
    ("The police fired six rounds in the air in Vadodara.", "190"),
    ("The chief rounded up the figures for the quarter.", "173"),
]


def _show(events: tuple[Event, ...]) -> list[tuple[str, str | None, str]]:
    return [(e.type.value, e.cameo, e.evidence) for e in events]


@pytest.mark.parametrize(("text", "etype", "cameo"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_realnews_police_vocabulary_codes_type(code, text, etype, cameo):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype and e.cameo == cameo for e in events), _show(events)


@pytest.mark.parametrize(("text", "cameo"), NOT_CASES, ids=[f"{c[0][:40]}-{c[1]}" for c in NOT_CASES])
def test_events_realnews_other_senses_code_no_event(code, text, cameo):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert all(e.cameo != cameo for e in events), _show(events)


def test_events_realnews_police_are_the_source_of_a_lathi_charge(code):  # type: ignore[no-untyped-def]
    events = [e for e in code("Police lathi-charged the crowd in Patna.").events if e.cameo == "175"]
    assert events and all(e.source is not None and e.source.sector == "COP" for e in events), _show(tuple(events))


def test_events_realnews_firing_in_the_air_is_repression_not_an_attack(code):  # type: ignore[no-untyped-def]
    events = code("The police fired in the air to disperse the crowd.").events
    assert [e.cameo for e in events if e.trigger == "fired"] == ["175"], _show(events)


def test_events_realnews_joint_operations_stay_military_cooperation(code):  # type: ignore[no-untyped-def]
    events = code("Indian troops carried out joint operations with Nepal.").events
    assert any(e.type.value == "COOPERATE" and e.cameo == "062" for e in events), _show(events)
