"""Round-2 actor rules: the sentence's country, organisation names, peoples, country-only agents.

Sentences are our own, short, and read from tokenised (unparsed) docs.
"""

from __future__ import annotations

from datetime import date

import pytest
from mentions import only

from eventwire.actors import ActorResolver
from eventwire.actors.benchmark import build_article
from eventwire.actors.coref import SENTENCE_COUNTRY
from eventwire.config import Settings
from eventwire.models import Mention


@pytest.fixture(scope="module")
def read(nlp):  # type: ignore[no-untyped-def]
    resolver = ActorResolver(Settings(), nlp.vocab)

    def run(text: str) -> tuple[Mention, ...]:
        return resolver(build_article(nlp, text, date(2024, 3, 5))).mentions

    return run


# --------------------------------------------------------------------------- the sentence's country

def test_context_country_from_a_capital(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Opposition activists marched through Nairobi on Sunday."), "Opposition activists")
    # the state from the capital; "opposition" activists are the opposition (OPP), as the news is coded
    assert (m.actor.country, m.actor.sector, m.evidence) == ("KEN", "OPP", SENTENCE_COUNTRY)


def test_context_country_not_when_two_states(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Opposition activists from Chad marched into Niger."), "Opposition activists")
    assert m.actor.country is None and m.actor.code is None


def test_context_country_never_across_sentences(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Activists gathered outside the court.\nKenya later closed the building.")
    m = only(ms, "Activists")
    assert m.actor.country is None


def test_context_country_armed_group_needs_a_place(read) -> None:  # type: ignore[no-untyped-def]
    # the only state is the attacker: nothing says the militants are French
    assert only(read("French jets struck militants overnight."), "militants").actor.country is None
    # the sentence puts the fighting in Mali
    m = only(read("Militants attacked a checkpoint in Mali."), "Militants")
    assert (m.actor.code, m.evidence) == ("MLIREB", SENTENCE_COUNTRY)


def test_context_country_capital_as_the_place(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Gunmen stormed a market in Kabul at dawn."), "Gunmen")
    assert (m.actor.code, m.evidence) == ("AFGUAF", SENTENCE_COUNTRY)


def test_context_country_leaves_plain_names_alone(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Peter Okafor flew to Ghana.")
    assert all(m.actor.country is None for m in ms if m.text == "Peter Okafor")


def test_context_country_not_for_officials_beside_an_international_body(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("The African Union restored ties with Libya, a senior official said.")
    assert only(ms, "senior official").actor.country is None


def test_context_country_not_when_an_of_phrase_says_whose(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Young activists of Amnesty International met voters in Peru.")
    assert all(m.actor.country != "PER" for m in ms if "activists" in m.text)


def test_context_country_not_for_an_international_body(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("The International Maritime Court fined a shipowner in Chile.")
    assert all(m.actor.country != "CHL" for m in ms if "Court" in m.text)


# --------------------------------------------------------------------------- organisation names

def test_org_name_with_gloss_takes_sentence_country(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Civic Alliance (Reformists) held a rally in Lusaka."), "Civic Alliance (Reformists)")
    assert (m.actor.name, m.actor.country, m.evidence) == ("Civic Alliance (Reformists)", "ZMB", SENTENCE_COUNTRY)


def test_org_name_closed_by_lower_case_party(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Tovani Unity party boycotted the vote in Bolivia."), "Tovani Unity party")
    assert (m.actor.code, m.actor.sector) == ("BOLPTY", "PTY")


def test_org_name_with_demonym_workers_union_is_labour(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Ghanaian Union of Railway Workers ended its strike."), "Ghanaian Union of Railway Workers")
    assert (m.actor.code, m.actor.name) == ("GHALAB", "Ghanaian Union of Railway Workers")


def test_org_name_profession_union_keeps_the_profession(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Ugandan Union of Teachers rejected the offer."), "Ugandan Union of Teachers")
    assert m.actor.code == "UGAEDU"


def test_transnational_org_name_is_ngo_not_the_sentence_state(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Members of the Federation of Arab Engineers visited Oman.")
    m = only(ms, "Federation of Arab Engineers")
    assert m.actor.country == "NGO"
    assert not any(x.text.startswith("Members") for x in ms)


def test_org_name_with_connector_chain(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Front for the Liberation of Kivu seized a town."), "Front for the Liberation of Kivu")
    assert m.actor.name == "Front for the Liberation of Kivu"


def test_adjective_before_a_demonym_is_not_a_separate_actor(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("An official Iranian newspaper criticised the plan.")
    assert [m.text for m in ms] == ["Iranian newspaper"]
    assert ms[0].actor.code == "IRNJRN"


def test_demonym_before_a_dictionary_group_keeps_the_groups_sector(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Egyptian Islamic Jihad denied the report."), "Egyptian Islamic Jihad")
    assert (m.actor.country, m.actor.sector) == ("EGY", "REB")


# --------------------------------------------------------------------------- peoples

def test_ethnic_demonym_is_not_the_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Ethnic Hungarians rallied on Friday."), "Ethnic Hungarians")
    assert (m.actor.country, m.actor.sector) == (None, "CVL")


def test_ethnic_demonym_takes_where_they_are(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Ethnic Hungarians rallied in Slovakia on Friday."), "Ethnic Hungarians")
    assert (m.actor.code, m.evidence) == ("SVKCVL", SENTENCE_COUNTRY)


def test_people_after_a_state_live_there(read) -> None:  # type: ignore[no-untyped-def]
    assert only(read("Iraqi Kurds voted on Monday."), "Iraqi Kurds").actor.code == "IRQCVL"
    m = only(read("Kurds voted on Monday."), "Kurds")
    assert (m.actor.country, m.actor.sector) == (None, "CVL")


# --------------------------------------------------------------------------- agents read after a country

def test_country_only_agents(read) -> None:  # type: ignore[no-untyped-def]
    assert only(read("Russian operations in the region intensified."), "Russian operations").actor.code == "RUSMIL"
    assert only(read("Turkish drones struck a convoy."), "Turkish drones").actor.code == "TURMIL"
    assert not read("Rescue operations continued through the night.")


def test_led_by_a_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Saudi-led forces bombed the port."), "Saudi-led forces")
    assert m.actor.code == "SAUMIL"


def test_led_by_a_state_in_one_token(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("The U.S.-led coalition bombed the bridge.")
    assert ms and ms[0].text.startswith("U.S.-led") and ms[0].actor.country == "USA"


def test_continental_party_is_not_an_ngo(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Asian Reform Front won two seats."), "Asian Reform Front")
    assert m.actor.country is None


def test_plural_noun_before_of_is_not_part_of_the_name(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Supporters of the Harbour Workers Union blocked the gate.")
    m = only(ms, "Harbour Workers Union")
    assert m.actor.sector == "LAB"


def test_agent_before_a_preposition_is_a_noun(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Villagers clashed with police near the border of Togo."), "police")
    assert m.actor.code == "TGOCOP"


# --------------------------------------------------------------------------- dictionary data

def test_phoenix_name_without_its_bracketed_acronym(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Moro Islamic Liberation Front signed the accord."), "Moro Islamic Liberation Front")
    assert m.actor.code == "PHLREB"


def test_state_department_is_the_us_government(read) -> None:  # type: ignore[no-untyped-def]
    assert only(read("The State Department issued a travel warning."), "State Department").actor.code == "USAGOV"


# --------------------------------------------------------------------------- a state word inside another phrase

def test_victims_of_a_states_shelling_take_no_country(read) -> None:  # type: ignore[no-untyped-def]
    # "Ukrainian" names the doer of the shelling, not the villagers
    ms = read("Four villagers were killed by Ukrainian shelling overnight.")
    assert only(ms, "Four villagers").actor.country is None
    ms = read("Two farmers died in Chad's airstrikes on Tuesday.")
    assert only(ms, "Two farmers").actor.country is None


def test_a_states_police_do_not_give_their_country_to_those_they_arrest(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Moroccan police detained dozens of students.")
    assert only(ms, "Moroccan police").actor.code == "MARCOP"
    assert only(ms, "students").actor.country is None
    ms = read("The Peruvian prime minister said that striking miners had been arrested.")
    assert all(m.actor.country is None for m in ms if "miners" in m.text)


def test_a_leaders_name_does_not_place_the_sentence(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Erdogan said that soldiers had captured the smugglers.")
    assert only(ms, "soldiers").actor.country is None


def test_the_state_named_as_such_still_places_the_sentence(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Police in Mosul detained dozens of students."), "students")
    assert (m.actor.code, m.evidence) == ("IRQEDU", SENTENCE_COUNTRY)
    m = only(read("Moroccan police detained dozens of students in Morocco."), "students")
    assert (m.actor.code, m.evidence) == ("MAREDU", SENTENCE_COUNTRY)
    # a capital's body is where it sits
    assert only(read("Nairobi police detained six students."), "students").actor.code == "KENEDU"


def test_the_place_outweighs_the_attackers_state(read) -> None:  # type: ignore[no-untyped-def]
    # the attacker's state is its own; the sentence puts the dead in Chad
    m = only(read("Nine farmers were killed by Sudanese shelling in Chad."), "Nine farmers")
    assert m.actor.code == "TCDAGR"
    # without a place, a state of one side beside another state named as such gives nothing
    ms = read("Kenya said Ugandan police arrested traders.")
    assert only(ms, "traders").actor.country is None
