"""Actor rules for text we never tuned on: general readings, each checked on short sentences we wrote.

Sentences are our own and read from tokenised (unparsed) docs, as the actors stage sees them.
"""

from __future__ import annotations

from datetime import date

import pytest
from mentions import codes, only

from eventwire.actors.coref import SENTENCE_COUNTRY


@pytest.fixture(scope="module")
def read(actor_reader):  # type: ignore[no-untyped-def]
    return actor_reader(date(2024, 3, 5))


# --------------------------------------------------------------------------- coordinated actors

def test_coordination_splits_before_a_named_group(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("The Varnish government and Hamas fighters agreed on a truce.")
    assert codes(ms).get("Hamas fighters") == "PSEREB"
    ms = read("Serbian police and KLA fighters exchanged fire overnight.")
    got = codes(ms)
    assert got.get("Serbian police") == "SRBCOP" and got.get("KLA fighters") == "KOSREB", got


def test_coordination_of_titles_stays_one_mention(read) -> None:  # type: ignore[no-untyped-def]
    # "and" between two titles of one state is no second actor
    ms = read("The Kenyan Defence Minister and Foreign Minister flew home.")
    m = only(ms, "Kenyan Defence Minister and Foreign Minister")
    assert m.actor.code == "KENGOV"


# --------------------------------------------------------------------------- state adjectives

def test_state_adjective_of_a_thing_names_no_state_for_the_sentence(read) -> None:  # type: ignore[no-untyped-def]
    # a language, an investment: not the state's presence, so the officials stay unknown
    ms = read("Officials said the Russian language would be taught again.")
    assert only(ms, "Officials").actor.country is None
    ms = read("Police detained two teachers who praised Chinese investments.")
    assert only(ms, "Police").actor.country is None


def test_state_adjective_of_a_place_still_names_the_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Police fired on protesters in the Iraqi capital."), "Police")
    assert (m.actor.code, m.evidence) == ("IRQCOP", SENTENCE_COUNTRY)
    m = only(read("Activists gathered on Afghan soil to mourn."), "Activists")
    assert m.actor.country == "AFG"


def test_state_name_before_a_verb_is_no_adjective(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Ethiopia let free some seventy detained students."), "students")
    assert (m.actor.code, m.evidence) == ("ETHEDU", SENTENCE_COUNTRY)


def test_central_is_part_of_a_state_body(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The Somali central government rejected the offer."), "Somali central government")
    assert m.actor.code == "SOMGOV"


# --------------------------------------------------------------------------- states that are no more

def test_soviet_and_yugoslav_read_as_their_successor_states(read) -> None:  # type: ignore[no-untyped-def]
    got = codes(read("Soviet troops crossed the river.\nThe Yugoslav army shelled the port."))
    assert got.get("Soviet troops") == "RUSMIL" and got.get("Yugoslav army") == "SRBMIL", got


def test_former_state_is_no_state_of_today(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Moscow courted the former Soviet republics.")
    assert all(m.actor.country != "RUS" or m.text == "Moscow" for m in ms), codes(ms)
    assert read("Refugees fled the former Yugoslavia.")[0].actor.country is None


def test_former_state_official_is_an_elite(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("A former Panamanian president, Ana Ruiz, left for Miami."), "Panamanian president")
    assert m.actor.code == "PANELI"


# --------------------------------------------------------------------------- armed groups by name

@pytest.mark.parametrize(("text", "mention", "code"), [
    ("LRA fighters raided a village.", "LRA fighters", "UGAREB"),
    ("The ELN freed two hostages.", "ELN", "COLREB"),
    ("Shabab militants stormed a hotel.", "Shabab militants", "SOMREB"),
    ("The IRA announced a ceasefire.", "IRA", "GBRREB"),
    ("UNSCOM said the site was closed.", "UNSCOM", "UNO"),
])
def test_armed_groups_and_missions_by_name(read, text: str, mention: str, code: str) -> None:  # type: ignore[no-untyped-def]
    m = only(read(text), mention)
    assert (m.actor.code or "").startswith(code), m.actor


# --------------------------------------------------------------------------- one vocabulary of force

def test_nouns_of_force_are_one_vocabulary() -> None:
    from eventwire.actors import coref, sentence
    from eventwire.actors.titles import FORCE_ACTS, FORCE_NOUNS, with_plurals
    from eventwire.events import arguments

    assert FORCE_ACTS <= FORCE_NOUNS
    assert sentence.MEANS_AFTER_AGENT == with_plurals(FORCE_ACTS)
    assert coref._MEANS_OF_FORCE == arguments.MEANS_NOUNS == with_plurals(FORCE_NOUNS)
    assert {"raids", "ambushes", "missiles"} <= arguments.MEANS_NOUNS


def test_agent_before_a_force_noun_is_the_doer(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Army shelling killed two herders near Kismayo."), "Army")
    assert m.actor.sector == "MIL"


# --------------------------------------------------------------------------- role nouns and spokesmen

def test_role_noun_takes_a_person_of_an_earlier_sentence(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("Deputy Foreign Minister Ali Rezai of Iran arrived on Monday.\nThe minister then met the envoy.")
    m = only(ms, "minister")
    assert (m.actor.code, m.evidence) == ("IRNGOV", "coref:role")


def test_role_noun_is_not_the_person_of_its_own_sentence(read) -> None:  # type: ignore[no-untyped-def]
    # whoever "the envoy" is, it is not the minister who met it
    ms = read("Deputy Foreign Minister Ali Rezai met the envoy on Monday.")
    assert only(ms, "envoy").evidence != "coref:role"


def test_spokesman_for_a_body_speaks_for_its_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The spokesman for the Kenyan police said nothing."), "spokesman for the Kenyan police")
    assert m.actor.code == "KENCOP"


def test_a_patron_named_after_by_speaks_for_no_one(read) -> None:  # type: ignore[no-untyped-def]
    # "backed by Iran" is the militants' sponsor, as "Iranian-backed": the tanker is not Iran's
    ms = read("Militants backed by Iran seized a tanker.")
    assert only(ms, "tanker").actor.country is None


@pytest.mark.parametrize("sentence", [
    "Kenya's parliament met. In 2011 the government sent soldiers into the border region.",
    "Kenya's parliament met. The army took the town of Mandera on Monday.",
])
def test_an_agent_noun_before_an_irregular_past_is_the_doer(read, sentence: str) -> None:  # type: ignore[no-untyped-def]
    ms = read(sentence)
    assert any(m.text in ("government", "army") for m in ms), [m.text for m in ms]


def test_an_agent_noun_as_a_modifier_is_no_actor(read) -> None:  # type: ignore[no-untyped-def]
    ms = read("A government report on farming was published.")
    assert not any(m.text == "government" for m in ms), [m.text for m in ms]


def test_a_state_named_as_a_destination_gives_the_sentence_no_country(read) -> None:  # type: ignore[no-untyped-def]
    got = codes(read("Kenyan officials spoke. In 2011 the government sent soldiers into Somalia."))
    assert not (got.get("government") or "").startswith("SOM"), got
    got = codes(read("Police in Somalia arrested two men."))
    assert got.get("Police") == "SOMCOP", got


def test_a_former_post_at_an_international_body_leaves_the_person_their_state(read) -> None:  # type: ignore[no-untyped-def]
    got = codes(read("Former NATO Secretary General Jens Stoltenberg criticized China."))
    assert got.get("NATO Secretary General Jens Stoltenberg") == "NORELI", got
    got = codes(read("NATO Secretary General Jens Stoltenberg criticized China."))
    assert (got.get("NATO Secretary General Jens Stoltenberg") or "").startswith("IGO"), got


def test_a_group_that_took_power_is_coded_by_the_date(actor_reader) -> None:  # type: ignore[no-untyped-def]
    before = codes(actor_reader(date(2019, 6, 1))("The Taliban attacked a checkpoint in Kunduz."))
    after = codes(actor_reader(date(2024, 6, 1))("The Taliban closed girls' schools in Kabul."))
    assert before.get("Taliban") == "AFGREB" and after.get("Taliban") == "AFGGOV", (before, after)


@pytest.mark.parametrize(("sentence", "mention", "code"), [
    ("The UNICEF director said the agency needs money.", "UNICEF director", "UNOGOV"),
    ("The WHO director warned of a new outbreak.", "WHO director", "UNOGOV"),
    ("The Kenyan delegation left the talks.", "Kenyan delegation", "KENGOV"),
])
def test_a_lower_case_title_right_after_a_state_or_body_is_one(read, sentence: str, mention: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert codes(read(sentence)).get(mention) == code, codes(read(sentence))


def test_a_rank_word_after_a_state_is_still_an_adjective(read) -> None:  # type: ignore[no-untyped-def]
    got = codes(read("Kenya's general election was held in August."))
    assert not any("general" in m for m in got), got
