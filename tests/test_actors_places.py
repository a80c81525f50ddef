"""Round-3 actor rules: the place a sentence names, armed groups, common-word aliases, "Congress",
leaders' surnames, "-backed" patrons. Sentences are our own, short, read from tokenised docs."""

from __future__ import annotations

from datetime import date

import pytest
from mentions import only

from eventwire.actors.benchmark import Miss
from eventwire.actors.coref import SENTENCE_COUNTRY, SENTENCE_PLACE


@pytest.fixture(scope="module")
def read(actor_reader):  # type: ignore[no-untyped-def]
    return actor_reader(date(2021, 6, 1))


# --------------------------------------------------------------------------- the sentence's place

def test_police_in_a_town_take_its_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Riot police in Sivas detained a dozen teachers."), "Riot police")
    assert (m.actor.code, m.evidence) == ("TURCOP", SENTENCE_PLACE)


def test_the_government_of_a_province(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The government of Sindh province closed all schools on Monday."), "government")
    assert (m.actor.code, m.evidence) == ("PAKGOV", SENTENCE_PLACE)


def test_place_noun_after_the_name(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Students marched through Sivas city."), "Students")
    assert m.actor.code == "TUREDU"


def test_a_place_and_a_different_state_give_nothing(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Police in Sivas questioned two men from Iran.")
    assert only(ms, "Police").actor.country is None


def test_a_place_is_not_overruled_by_the_people_it_names(read) -> None:  # type: ignore[no-untyped-def]
    # "three Iranians" is an actor with its own state; the sentence's place is still Sivas
    ms = read("Police in Sivas questioned three Iranians.")
    assert (only(ms, "Police").actor.code, only(ms, "Iranians").actor.code) == ("TURCOP", "IRNCVL")


def test_a_place_agreeing_with_the_state_keeps_it(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Turkish students protested in Sivas."), "Turkish students")
    assert m.actor.code == "TUREDU"
    m = only(read("Police in Sivas questioned three Turks."), "Police")
    assert (m.actor.code, m.evidence) == ("TURCOP", SENTENCE_COUNTRY)


def test_a_place_not_after_a_preposition_is_not_used(read) -> None:  # type: ignore[no-untyped-def]
    # the name alone is not enough: it must be read as a place
    assert only(read("Police said Sivas was quiet."), "Police").actor.country is None


def test_armed_group_placed_past_a_compass_word(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Government troops fought rebels in northern Mali."), "rebels")
    assert (m.actor.code, m.evidence) == ("MLIREB", SENTENCE_COUNTRY)


# --------------------------------------------------------------------------- names and groups

def test_serb_as_the_state_adjective(read) -> None:  # type: ignore[no-untyped-def]
    assert only(read("Serb troops crossed the river at dawn."), "Serb troops").actor.code == "SRBMIL"
    # the plural is a people, not the state
    assert only(read("Serbs voted on Sunday."), "Serbs").actor.country is None


def test_kosovo_liberation_army_is_kosovar_not_european(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Kosovo Liberation Army ambushed a patrol."), "Kosovo Liberation Army")
    assert m.actor.code == "KOSREB"


def test_a_common_word_group_name_takes_the_place(read) -> None:  # type: ignore[no-untyped-def]
    # "Tigers" is also the name of an armed group elsewhere: the sentence's place decides
    m = only(read("The Tigers shelled an army post in Jaffna."), "Tigers")
    assert (m.actor.code, m.evidence) == ("LKAREB", SENTENCE_COUNTRY)
    assert only(read("The Tigers released a statement."), "Tigers").actor.country is None


def test_congress_is_a_party_where_the_legislature_has_another_name(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Congress workers blocked roads in Bihar, India."), "Congress workers")
    assert m.actor.country == "IND"
    m = only(read("Congress criticised the budget in New Delhi."), "Congress")
    assert m.actor.code == "INDPTY"
    m = only(read("Congress approved the budget in Washington."), "Congress")
    assert m.actor.code == "USALEG"


def test_congress_party_is_a_party(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("India's Congress party lost the vote."), "India's Congress party")
    assert m.actor.code == "INDPTY"


def test_a_leaders_surname_alone(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Bolsonaro and Kenyatta spoke by telephone.")
    assert only(ms, "Bolsonaro").actor.code == "BRAGOV"
    assert only(ms, "Kenyatta").actor.code == "KENGOV"


def test_arabic_particle_in_lower_case(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Drones killed two senior al-Qaeda leaders."), "al-Qaeda leaders")
    assert m.actor.country == "IMG"


def test_east_jerusalem_is_palestinian(read) -> None:  # type: ignore[no-untyped-def]
    assert only(read("Settlers moved into East Jerusalem."), "East Jerusalem").actor.country == "PSE"


def test_miss_line_names_gold_and_ours() -> None:
    line = Miss("R-1", "source", "the rebels", "MLI", "REB", ["'rebels'=-(agent)"]).line()
    assert line.split("\t") == ["R-1", "source", "'the rebels'", "MLI/REB", "'rebels'=-(agent)"]


def test_a_patron_state_is_not_the_actors(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Russian-backed separatists shelled a village near Donetsk.")
    assert not [m for m in ms if m.actor.country == "RUS"]
    assert only(ms, "separatists").actor.code == "UKRREB"


def test_a_stance_towards_a_state_is_not_the_actors(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Anti-American protesters gathered in Karachi.")
    assert only(ms, "Anti-American protesters").actor.code == "PAKCVL"
    ms = read("The pro-Iranian militia fired rockets.")
    assert not [m for m in ms if m.actor.country == "IRN"]
