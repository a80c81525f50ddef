"""Senses decided by the arguments (events/coder.py `_verbal_sense`) and a headline that tells the body's game
(events/sports.py `headline_sports_levels`). Sentences are our own, none the ones that prompted the rules."""

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
            for e in a.events]


@pytest.mark.parametrize("text", [
    "Peru's prime minister attacked the opposition leader Rosa Quispe in parliament on Monday.",
    "The Polish and Hungarian governments clashed over the EU's migration pact on Friday.",
    "Kenya's interior minister fought with Uganda's trade minister over sugar tariffs at the summit.",
])
def test_a_fight_of_words_is_no_assault(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.startswith("ASSAULT") for e in _events(pipeline, text))


@pytest.mark.parametrize("text", [
    "Sudanese troops clashed with RSF fighters near El Fasher on Monday.",
    "Indian and Chinese soldiers clashed over the border in Ladakh.",
    "Russian forces attacked Ukrainian positions near Pokrovsk.",
])
def test_a_fight_of_forces_stays_an_assault(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.startswith("ASSAULT") for e in _events(pipeline, text))


def test_a_headline_telling_the_body_game_is_no_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Morocco beat Egypt in Rabat qualifier\n-\n"
                              "Morocco beat Egypt 3-0 in a World Cup qualifier in Rabat on Saturday.\n"
                              "Egypt's foreign minister held talks with his Moroccan counterpart in Rabat on Friday.\n"
                              "The two ministers signed an agreement on visas.\n"
                              "Egypt also urged Morocco to reopen its consulate in Alexandria.")
    assert not any(e.startswith("ASSAULT") for e in found)
    assert "REQUEST EGY MAR" in found, found


@pytest.mark.parametrize(("headline", "expect"), [
    ("Brazil's president in Buenos Aires for Mercosur summit", "CONSULT BRA ARG"),
    ("Kenyan president to Addis Ababa for AU talks", "CONSULT KEN ETH"),
])
def test_a_verbless_headline_tells_a_visit(pipeline, headline: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, f"{headline}\n-\nThe weather was mild on Monday.")
    assert expect in found, found


def test_a_headline_with_its_verb_is_read_as_a_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Chinese tourists in Paris for fashion week\n-\nThe weather was mild on Monday.")
    assert not any(e.startswith("CONSULT") for e in found), found


@pytest.mark.parametrize("text", [
    "Militias in the north often raid villages for cattle.",
    "Police in the capital routinely detain opposition supporters before rallies.",
])
def test_a_habit_told_in_the_present_is_no_event(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipeline, "Kenya\n-\n" + text) == []


def test_a_past_act_with_a_frequency_word_stays(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert any(e.startswith("COERCE") for e in _events(pipeline, "Ugandan police often detained opposition "
                                                                   "supporters in Kampala last year."))


@pytest.mark.parametrize(("text", "expect"), [
    ("Under its former prime minister, Malaysia accepted Chinese funding for new railways.", "AID CHN MYS"),
    ("Britain received strong backing from the United States.", "SUPPORT USA GBR"),
    ("Ukraine received new weapons from Germany on Monday.", "AID DEU UKR"),
])
def test_what_is_received_is_given_by_the_giver(pipeline, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    assert expect in _events(pipeline, text)


@pytest.mark.parametrize(("text", "expect"), [
    ("Egypt accepted the Ethiopian proposal.", "AGREE EGY ETH"),
    ("Germany accepted 2,000 Syrian refugees.", "AID DEU SYR"),
])
def test_accepting_a_proposal_or_refugees_keeps_the_subject_as_doer(pipeline, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    assert expect in _events(pipeline, text)


def test_an_arrival_is_at_its_place_not_on_its_occasion(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "on his first official visit" is the occasion; the place arrived in is the party visited
    found = _events(pipeline, "Kenyan President William Ruto arrived in Kampala on Monday on his first official visit.")
    assert "CONSULT KEN UGA" in found, found


def test_a_capital_before_an_event_noun_is_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the Kabul attack" was not made by Kabul's government
    found = _events(pipeline, "Afghan President Ashraf Ghani declared a day of mourning for the victims of the "
                              "Kabul attack on a girls' school.")
    assert not any(f.startswith("ASSAULT AFG") for f in found), found


@pytest.mark.parametrize(("text", "expect"), [
    ("Kenyan police said 12 protesters were arrested in Nairobi on Monday.", "COERCE KEN"),
    ("The Nigerian army says large quantities of weapons were seized and 30 militants captured.", "COERCE NGA"),
])
def test_a_force_reports_its_own_custody_acts(pipeline, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.startswith(expect) for e in _events(pipeline, text)), _events(pipeline, text)


def test_officials_reporting_an_arrest_did_not_make_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = pipeline.analyse(RawRecord(origin="<t>", text="Kenyan health officials said 12 protesters were arrested in "
                                   "Nairobi on Monday.", published=date(2025, 4, 1)))
    assert a.events and not any("reports its own act" in e.evidence for e in a.events)


@pytest.mark.parametrize(("text", "expect"), [
    # acts of force and of easing custody
    ("Nigerian troops neutralized 12 insurgents near Maiduguri on Sunday.", "ASSAULT NGA"),
    ("Kenya's High Court granted the jailed journalist bail on Monday.", "RETREAT KEN KEN"),
    ("Kenya's Court of Appeal quashed the activist's conviction.", "CONCEDE KEN KEN"),
    # buying arms cooperates with the seller
    ("India bought the S-400 air defence system from Russia in 2018.", "COOPERATE IND RUS"),
    ("Warsaw's purchase of South Korea's K2 tanks worried Berlin.", "COOPERATE POL KOR"),
    ("Egypt purchased French Rafale fighter jets.", "COOPERATE EGY FRA"),
])
def test_the_act_codes_with_its_parties(pipeline, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert any(e.startswith(expect) for e in found), found


def test_neutralizing_a_threat_is_no_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.startswith("ASSAULT") for e in _events(pipeline, "Nigerian troops neutralized the threat."))



def test_a_missile_launched_at_no_one_is_no_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.startswith("ASSAULT") for e in _events(pipeline, "Iran launched a new satellite rocket on Sunday."))


@pytest.mark.parametrize("text", [
    "Russia launched cruise missiles at Kharkiv overnight.",
    "Hezbollah launched rockets into northern Israel on Monday.",
])
def test_a_missile_launched_at_a_party_is_an_attack(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.startswith("ASSAULT") for e in _events(pipeline, text)), _events(pipeline, text)
