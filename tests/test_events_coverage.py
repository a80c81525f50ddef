"""Trigger coverage: vocabulary added for unseen text (issue 3), each row of the curated lexicon's
"vocabulary gaps" section met by a short original sentence that must code the expected PLOVER type
(and CAMEO code), and the neighbours it must not swallow."""

from __future__ import annotations

import pytest

from eventwire.models import Event

# (sentence, PLOVER type, CAMEO code of that event)
CASES: list[tuple[str, str, str]] = [
    ("Russia ejected two Estonian diplomats on Monday.", "SANCTION", "161"),
    ("Gambia has closed its diplomatic missions in Senegal.", "SANCTION", "161"),
    ("Uganda and Ghana expanded their diplomatic ties.", "SUPPORT", "050"),
    ("Monaco extended diplomatic recognition to Kosovo.", "SUPPORT", "054"),
    ("Chile and Peru expanded economic cooperation on Tuesday.", "COOPERATE", "061"),
    ("Ethiopia's government reiterated its support for Djibouti.", "SUPPORT", "051"),
    ("The presidents of Togo and Benin spoke by phone on Monday.", "CONSULT", "041"),
    ("The Togolese president had a phone call with the leader of Ghana.", "CONSULT", "041"),
    ("The French president held a video call with the Italian prime minister.", "CONSULT", "041"),
    ("The United States rolled back tariffs on Mexican steel.", "RETREAT", "085"),
    ("A Chilean military plane brought aid to Haiti.", "AID", "073"),
    ("A suicide bomber blew himself up at a checkpoint in Kabul.", "ASSAULT", "1831"),
    ("Iranian hackers breached the Israeli ministry's servers.", "COERCE", "176"),
    ("The Burmese junta blocked access to Facebook.", "COERCE", "1721"),
    ("Nigerian troops began patrols in the Niger Delta on Saturday.", "MOBILIZE", "150"),
    ("Kenyan dock workers announced a work stoppage.", "PROTEST", "143"),
    ("The Maltese parliament established an investigative committee.", "ACCUSE", "090"),
    # nouns read like their verbs (issue 3, no-event gaps)
    ("The Danish suspension of aid to Malawi angered its government.", "SANCTION", "162"),
    ("The Ghanaian suspension of talks with Togo surprised observers.", "SANCTION", "164"),
    # property returned with no to-phrase
    ("Armenia returned the occupied territory in 2021.", "RETREAT", "0842"),
    ("Swiss customs officers returned looted antiquities to Egypt.", "RETREAT", "0842"),
    # receiving a visitor in office is hosting a visit, as welcoming one is
    ("The Emir of Qatar received the Turkish foreign minister in Doha on Sunday.", "CONSULT", "043"),
    ("Chancellor Scholz received a delegation of Chinese officials in Berlin.", "CONSULT", "043"),
    ("The Kenyan president received a call from the Ugandan president on Monday.", "CONSULT", "041"),
    # words traded are criticism or threats each way, not cooperation
    ("The Serbian and Croatian presidents exchanged insults on television.", "ACCUSE", "111"),
    ("Armenia and Azerbaijan exchanged threats over the corridor.", "THREATEN", "130"),
    # a leader ousted or removed from power is coerced; a mission ousted is expelled
    ("Army officers ousted the Guinean president in a coup.", "COERCE", "174"),
    ("The Burkinabe junta removed the prime minister from office.", "COERCE", "174"),
    ("Mali ousted the United Nations peacekeeping mission.", "SANCTION", "166"),
    # flouting or ignoring a ruling or demand defies it
    ("Hungary ignored the ruling of the European Court of Justice on asylum.", "REJECT", "128"),
    ("The junta flouted the regional bloc's demand for elections.", "REJECT", "128"),
    # cooperation stopped is cooperation refused, not cooperation
    ("Mali stopped cooperating with the French military in 2022.", "REJECT", "121"),
    # parties dissolved are banned; a parliament dissolved is an administrative sanction
    ("The Malian junta dissolved all political parties on Wednesday.", "COERCE", "1722"),
    ("The Tunisian president dissolved parliament in March.", "COERCE", "172"),
    # a force or reserves activated are mobilised
    ("The Polish army activated two reserve battalions on Friday.", "MOBILIZE", "154"),
    # a crowd assembling in protest demonstrates
    ("Hundreds of Serbian students gathered outside parliament in protest over the new law.", "PROTEST", "141"),
]

# (sentence, CAMEO code that must NOT be coded): readings the new rows must leave alone
NOT_CASES: list[tuple[str, str]] = [
    ("Farmers blocked access to the port of Rotterdam.", "1721"),  # obstruction, not censorship
    ("The rebels blew up a bridge in northern Mali.", "1831"),  # property, not a suicide bombing
    ("Russia deepens military cooperation with Belarus.", "062"),  # a trend, not an act
    ("The Chilean president returned home from Peru on Sunday.", "0842"),  # travel, not repatriation
    ("Moroccan troops returned fire near the border.", "0842"),  # shooting back, not a handover
    ("The Kenyan judge ordered the suspension of the Nairobi governor.", "162"),  # an official suspended, not aid
    ("The Ghanaian ministry received a letter from the Togolese president.", "043"),  # a thing received, no guest
    ("Armenia and Azerbaijan exchanged prisoners on Friday.", "111"),  # captives traded stay a handover
    ("The minister ignored the reporters outside parliament.", "128"),  # people ignored: no ruling defied
    ("The Kenyan ministry activated its new tax software.", "154"),  # software activated: no force
    ("The two Chilean firms dissolved their partnership.", "172"),  # a business partnership, no assembly
]


def _show(events: tuple[Event, ...]) -> list[tuple[str, str | None, str]]:
    return [(e.type.value, e.cameo, e.evidence) for e in events]


@pytest.mark.parametrize(("text", "etype", "cameo"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_coverage_new_trigger_codes_type(code, text, etype, cameo):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype and e.cameo == cameo for e in events), _show(events)


@pytest.mark.parametrize(("text", "cameo"), NOT_CASES, ids=[c[0][:40] for c in NOT_CASES])
def test_events_coverage_neighbours_keep_their_reading(code, text, cameo):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert all(e.cameo != cameo for e in events), _show(events)


def test_events_coverage_block_access_to_a_place_stays_obstruction(code):  # type: ignore[no-untyped-def]
    events = code("Farmers blocked access to the port of Rotterdam.").events
    assert any(e.type.value == "PROTEST" for e in events), _show(events)
