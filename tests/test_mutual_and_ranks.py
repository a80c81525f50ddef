"""Coordinated parties of a symmetric act in a named place, and rank words used as adjectives (issue 3).

* "X and Y clashed / met / agreed … in Z": the parties act on each other; Z is where, not a party.
* "a general strike", "Kenya's general election": "general" names no officer.

The sentences are ours."""

from __future__ import annotations

import pytest

from eventwire.models import Event, Mention


def _rows(events: tuple[Event, ...]) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [(e.type.value, e.trigger, e.source.code if e.source else None, e.target.code if e.target else None,
             e.reciprocal) for e in events]


def _of(events: tuple[Event, ...], word: str) -> list[Event]:
    found = [e for e in events if e.trigger.split()[0] == word]
    assert found, _rows(events)
    return found


def _pair(e: Event) -> frozenset[str | None]:
    return frozenset({e.source.country if e.source else None, e.target.country if e.target else None})


def test_coordinated_sides_clash_with_each_other_not_with_the_place(code):  # type: ignore[no-untyped-def]
    events = code("Government troops and rebels clashed in Mali on Tuesday.").events
    clashed = _of(events, "clashed")
    assert len(clashed) == 1, _rows(events)
    e = clashed[0]
    assert e.reciprocal, _rows(events)
    assert e.source is not None and e.target is not None, _rows(events)
    assert {e.source.code, e.target.code} == {"MLIMIL", "MLIREB"}, _rows(events)


def test_diplomats_of_two_states_meeting_in_a_third_city_meet_each_other(code):  # type: ignore[no-untyped-def]
    events = code("Peruvian and Chilean diplomats met in Madrid last week.").events
    met = _of(events, "met")
    assert [_pair(e) for e in met] == [frozenset({"PER", "CHL"})], _rows(events)
    assert met[0].reciprocal


def test_capital_of_a_third_state_is_where_an_agreement_was_made(code):  # type: ignore[no-untyped-def]
    events = code("Armenia and Azerbaijan agreed to a truce in Moscow.").events
    agreed = _of(events, "agreed")
    assert [_pair(e) for e in agreed] == [frozenset({"ARM", "AZE"})], _rows(events)


def test_signing_parties_pair_and_the_city_is_the_location(code):  # type: ignore[no-untyped-def]
    events = code("Ecuador and Colombia signed a border treaty in Lima.").events
    signed = _of(events, "signed")
    assert all(_pair(e) == frozenset({"ECU", "COL"}) for e in signed), _rows(events)


def test_a_single_party_acting_in_a_place_keeps_it_as_the_target(code):  # type: ignore[no-untyped-def]
    # only coordinated parties act on each other: one party in a place is coded as before
    events = code("Bolivian troops clashed in Paraguay.").events
    clashed = _of(events, "clashed")
    assert clashed[0].target is not None and clashed[0].target.country == "PRY", _rows(events)


def test_arriving_together_in_a_capital_is_still_a_visit_to_it(code):  # type: ignore[no-untyped-def]
    events = code("The Chilean and Peruvian foreign ministers arrived in Madrid.").events
    arrived = _of(events, "arrived")
    assert arrived and all(e.target is not None and e.target.country == "ESP" for e in arrived), _rows(events)


def test_allies_fighting_together_are_not_each_others_enemies(code):  # type: ignore[no-untyped-def]
    events = code("Bolivian and Peruvian troops fought together in Chile.").events
    assert not any(_pair(e) == frozenset({"BOL", "PER"}) for e in events), _rows(events)


def test_one_way_act_of_coordinated_subjects_is_not_made_mutual(code):  # type: ignore[no-untyped-def]
    events = code("Bolivian and Peruvian jets bombed rebel camps in Chile.").events
    assert not any(_pair(e) == frozenset({"BOL", "PER"}) for e in events), _rows(events)


def test_one_act_of_two_towards_a_place_keeps_the_place(code):  # type: ignore[no-untyped-def]
    # praising or withdrawing is done by both towards a third, not by each to the other
    for text, word in (("Bolivia and Peru praised the elections in Chile.", "praised"),
                       ("Bolivia and Peru withdrew their troops in Chile.", "withdrew")):
        events = code(text).events
        found = _of(events, word)
        assert all(e.target is not None and e.target.country == "CHL" for e in found), (text, _rows(events))


# ---------------------------------------------------------------------------------------- rank words


def _mention_codes(mentions: tuple[Mention, ...]) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor.code) for m in mentions]


def test_general_strike_is_no_general(code):  # type: ignore[no-untyped-def]
    a = code("Unions in Ghana called for a general strike on Monday.")
    assert not any(m.actor.sector == "MIL" for m in a.mentions), _mention_codes(a.mentions)
    assert not any(e.target is not None and e.target.sector == "MIL" for e in a.events), _rows(a.events)


def test_general_election_after_a_state_keeps_the_state_alone(code):  # type: ignore[no-untyped-def]
    for text in ("Zambia's general election was held on Thursday.",
                 "The Zambian general elections were peaceful."):
        mentions = code(text).mentions
        assert [m.actor.code for m in mentions] == ["ZMB"], _mention_codes(mentions)


def test_general_public_names_nobody(code):  # type: ignore[no-untyped-def]
    mentions = code("Peru said the general public was safe.").mentions
    assert [m.actor.code for m in mentions] == ["PER"], _mention_codes(mentions)


def test_a_general_who_acts_is_still_a_general(code):  # type: ignore[no-untyped-def]
    for text in ("The Zambian general said the army was ready.",
                 "The Zambian general ordered troops into the capital.",
                 "A Zambian general met Malawian officials."):
        mentions = code(text).mentions
        assert any(m.actor.code == "ZMBMIL" and m.actor.role == "general" for m in mentions), \
            (text, _mention_codes(mentions))


def test_general_secretary_is_a_role(code):  # type: ignore[no-untyped-def]
    mentions = code("The Zambian general secretary met Malawian officials.").mentions
    assert any(m.actor.role == "general secretary" for m in mentions), _mention_codes(mentions)


@pytest.mark.parametrize("text", [
    "Norway, Chile and Ghana also backed the proposal on Monday.",
    "Germany and Austria endorsed the plan for a ceasefire.",
    "Estonia, Latvia and Lithuania supported the call.",
])
def test_co_supporters_of_a_thing_do_not_support_each_other(code, text: str) -> None:  # type: ignore[no-untyped-def]
    # several parties towards a third thing: never a record of one co-supporter towards another
    events = code(text).events
    subjects = {e.source.country for e in events if e.source is not None}
    assert not any(e.type.value == "SUPPORT" and e.target is not None and e.target.country in subjects
                   for e in events), _rows(events)


@pytest.mark.parametrize(("text", "pair"), [
    ("Japan and China have long disputed the islands.", {"JPN", "CHN"}),
    ("Russia and Iran signed a treaty on Friday.", {"RUS", "IRN"}),
    ("Russia and China supported each other at the council.", {"RUS", "CHN"}),
    ("Russia and Iran formed an alliance in 2015.", {"RUS", "IRN"}),
    ("Mali, Niger and Burkina Faso created a confederation last year.", {"MLI", "NER"}),
])
def test_coordinated_parties_of_a_reciprocal_act_pair(code, text: str, pair: set[str]) -> None:  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(_pair(e) == frozenset(pair) for e in events), _rows(events)


@pytest.mark.parametrize("text", [
    "The withdrawal of U.S. and NATO troops from Afghanistan began in May.",
    "The arrest of Kenyan and Ugandan activists by Tanzanian police angered rights groups.",
])
def test_co_doers_of_a_one_way_act_named_by_a_noun_do_not_act_on_each_other(code, text: str) -> None:  # type: ignore[no-untyped-def]
    events = code(text).events
    codes = [(e.source.country if e.source else None, e.target.country if e.target else None) for e in events]
    assert ("USA", "IGO") not in codes and ("IGO", "USA") not in codes, _rows(events)
    assert ("KEN", "UGA") not in codes and ("UGA", "KEN") not in codes, _rows(events)


def test_parties_of_a_treaty_named_by_a_noun_pair(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The defence treaty between Japan and Australia took effect in August.").events
    assert any(_pair(e) == frozenset({"JPN", "AUS"}) for e in events), _rows(events)


@pytest.mark.parametrize("text", [
    "French, German and Italian warships are patrolling the strait together.",
    "Students and workers from Chile and Peru protested on Monday.",
])
def test_coordinated_doers_of_a_side_by_side_act_are_not_paired(code, text):  # type: ignore[no-untyped-def]
    # forces mobilise and crowds protest side by side, never on each other
    events = code(text).events
    assert not any(e.source and e.target and e.source.country != e.target.country
                   and {e.source.country, e.target.country} <= {"FRA", "DEU", "ITA", "CHL", "PER"}
                   for e in events), _rows(events)


@pytest.mark.parametrize("text", [
    "Ghana and Togo recalled their ambassadors after the border clash.",
    "Qatar and Bahrain both expelled envoys in 2019.",
])
def test_envoys_two_states_withdraw_are_each_others(code, text):  # type: ignore[no-untyped-def]
    # each side recalled its own envoy from the other: two one-way acts, one each way
    events = [e for e in code(text).events if e.type.value == "SANCTION"]
    dyads = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in events}
    pair = {"GHA", "TGO"} if "Ghana" in text else {"QAT", "BHR"}
    a, b = sorted(pair)
    assert {(a, b), (b, a)} <= dyads, _rows(tuple(events))


def test_envoys_of_a_third_state_are_its_own(code):  # type: ignore[no-untyped-def]
    events = code("Poland and Lithuania expelled Belarusian diplomats on Friday.").events
    assert not any(e.source and e.target and {e.source.country, e.target.country} == {"POL", "LTU"}
                   for e in events), _rows(events)


def test_a_place_told_by_its_owner_or_an_apposition_is_where_they_met(code):  # type: ignore[no-untyped-def]
    # "in Kenya's capital, Nairobi": the capital's owner and its name say where, not who met
    events = code("Ugandan and Tanzanian officials met in Kenya's capital, Nairobi, on Monday.").events
    met = _of(events, "met")
    assert all("KEN" not in _pair(e) for e in met) and any(_pair(e) == {"UGA", "TZA"} for e in met), _rows(events)
