"""Drop rules and word senses of issue 3 (engineer J): a condemnation by a named party stands with the
condemned act's doer unsaid; undoing sanctions is easing them; an act "out of the question" is refused by
whoever says so; fleeing is no asylum, protecting a thing no military protection; dying in an ambush names
the ambusher; holding people as shields is coercion. Short original sentences."""

from __future__ import annotations

import pytest

from eventwire.models import Event

# (sentence, PLOVER type, CAMEO code, source code, target code or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    ("Putin condemns the attack.", "ACCUSE", "111", "RUSGOV", None),
    ("Norway denounced the bombing.", "ACCUSE", "111", "NOR", None),
    ("The United States is removing the sanctions on Venezuela.", "RETREAT", "085", "USA", "VEN"),
    ("Canada dropped its sanctions on Cuba.", "RETREAT", "085", "CAN", "CUB"),
    ("Moscow said that talks with Kyiv are out of the question.", "REJECT", "125", "RUSGOV", "UKRGOV"),
    ("Officials in Washington said that lifting the sanctions on Cuba was out of the question.",
     "REJECT", "124", "USAGOV", "CUB"),
    ("Japan said that military aid to Ukraine is off the table.", "REJECT", "122", "JPN", "UKR"),
    ("Twelve Somali soldiers perished in an al-Shabaab ambush.", "ASSAULT", "190", "SOMREB", "SOMMIL"),
    ("Ten Nigerian soldiers died in a Boko Haram ambush.", "ASSAULT", "190", "NGAREB", "NGAMIL"),
    ("Hamas holds 50 Israelis as human shields.", "COERCE", "173", "PSEREB", "ISRCVL"),
    ("The army protected civilians in Mali.", "AID", "074", "MLIMIL", "MLICVL"),
]

# (sentence, PLOVER type that must NOT be coded)
NOT_CASES: list[tuple[str, str]] = [
    ("Refugees fleeing the fighting in Sudan crossed into Chad.", "AID"),
    ("Thousands of refugees are fleeing Myanmar.", "AID"),
    ("Sudanese refugees fled into Chad.", "AID"),
    ("Brazil is working to protect the Amazon.", "AID"),
    ("Talks with Kyiv are out of the question.", "CONSULT"),  # ruled out, by someone unsaid: no talks
]


def _show(events: tuple[Event, ...]) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return [(e.type.value, e.cameo, e.source.code if e.source else None, e.target.code if e.target else None,
             e.evidence) for e in events]


@pytest.mark.parametrize(("text", "etype", "cameo", "source", "target"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_drop_rules_code_type_and_actors(code, text, etype, cameo, source, target):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype and e.cameo == cameo and e.source is not None and e.source.code == source
               and (e.target.code if e.target else None) == target for e in events), _show(events)


@pytest.mark.parametrize(("text", "etype"), NOT_CASES, ids=[c[0][:40] for c in NOT_CASES])
def test_events_drop_rules_leave_other_senses(code, text, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert not any(e.type.value == etype for e in events), _show(events)


def test_events_drop_rules_ruled_out_is_no_easing(code):  # type: ignore[no-untyped-def]
    events = code("Officials in Washington said that lifting the sanctions on Cuba was out of the question.").events
    assert not any(e.type.value == "RETREAT" for e in events), _show(events)
