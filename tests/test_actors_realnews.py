"""Actor recognition gaps seen on real news (ConfliBERT tune half): leaders' surnames, names known only by
their surname, a leader's government, groups' initials and glossed names.

Sentences are our own, short, and read from tokenised (unparsed) docs.
"""

from __future__ import annotations

from datetime import date

import pytest
from test_actors_places import only

from eventwire.actors.titles import split_cameo_code


@pytest.fixture(scope="module")
def read(actor_reader):  # type: ignore[no-untyped-def]
    return actor_reader(date(2019, 6, 4))



# --------------------------------------------------------------------------- leaders' surnames
def test_surname_shared_with_relatives_means_the_head_of_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Biden told reporters that the talks would resume in the autumn.", date(2022, 5, 1)), "Biden")
    assert m.actor.country == "USA" and m.actor.name == "Joe Biden"


def test_english_word_surname_only_with_its_capital(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Trump said the tariffs on steel would stay."), "Trump")
    assert m.actor.country == "USA"
    assert not [x for x in read("She played her trump card at the last minute.") if x.actor.country]


def test_title_before_a_surname_alias(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("President Trump spoke with the Elbonian envoy."), "President Trump")
    assert (m.actor.country, m.actor.sector) == ("USA", "GOV")


def test_name_known_only_by_its_surname_takes_that_person(read) -> None:  # type: ignore[no-untyped-def]
    # our data has "Mohammad Javad Zarif" and the surname alone; news often drops the first name
    m = only(read("Foreign Minister Javad Zarif rejected the offer on Tuesday."), "Foreign Minister Javad Zarif")
    assert m.actor.country == "IRN"


def test_unknown_full_name_stays_without_a_country(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Foreign Minister Anna Kowalczyk rejected the offer on Tuesday."),
             "Foreign Minister Anna Kowalczyk")
    assert m.actor.country is None


# --------------------------------------------------------------------------- a leader's government
@pytest.mark.parametrize("body", ["government", "administration", "regime"])
def test_leader_name_before_a_government_word(read, body: str) -> None:  # type: ignore[no-untyped-def]
    m = only(read(f"The Trudeau {body} has rejected the proposal."), f"Trudeau {body}")
    assert (m.actor.country, m.actor.sector) == ("CAN", "GOV")


def test_leader_name_before_another_noun_is_the_person(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Trudeau visits flooded towns in the east."), "Trudeau")
    assert (m.actor.country, m.actor.name) == ("CAN", "Justin Trudeau")


# --------------------------------------------------------------------------- groups
def test_bracketed_initials_match_in_capitals(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The LTTE said it would free two soldiers."), "LTTE")
    assert (m.actor.country, m.actor.sector) == ("LKA", "REB")


def test_bracketed_initials_need_their_capitals(read) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in read("The word ltte means nothing in this sentence.") if m.actor.country]


def test_name_glossed_with_its_state_is_matched_bare(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("The African National Congress won the vote in the province."), "African National Congress")
    assert m.actor.country == "ZAF"


def test_cameo_angola_typo_is_read_as_angola(read) -> None:  # type: ignore[no-untyped-def]
    assert split_cameo_code("ANGREB")[:2] == ("AGO", "REB")
    m = only(read("UNITA fighters attacked the convoy near the border."), "UNITA fighters")
    assert m.actor.country == "AGO"


# --------------------------------------------------------------------------- agent words
@pytest.mark.parametrize(("text", "mention", "code"), [
    ("A Ruritania-based terror group claimed the blast.", "Ruritania-based terror group", None),
    ("A Pakistan-based terror group claimed the blast.", "Pakistan-based terror group", "PAKREB"),
    ("Syrian inmates began a hunger strike on Monday.", "Syrian inmates", "SYRCRM"),
    # a known organisation after "-based" is itself; the place is only its seat
    ("The case went to the Hague-based International Court of Justice.", "International Court of Justice", "UNOJUD"),
    ("The Geneva-based World Health Organization sent a team.", "World Health Organization", "UNOMED"),
])
def test_agent_words_of_real_news(read, text: str, mention: str, code: str | None) -> None:  # type: ignore[no-untyped-def]
    # a place we do not know as a state gives the group no country (never guessed)
    assert only(read(text), mention).actor.code == code


def test_a_faith_and_a_crime_word_give_no_state(read) -> None:  # type: ignore[no-untyped-def]
    m = only(read("Muslim hackers defaced the websites of Elbonian newspapers."), "Muslim hackers")
    assert m.actor.country is None and m.actor.sector == "CRM"


@pytest.mark.parametrize(("text", "absent"), [
    ("The bloc signed a trade agreement with South American countries.", "USA"),
    ("Artur Romeu, director of the Latin America bureau of Reporters Without Borders, spoke on Monday.", "USA"),
])
def test_a_region_named_after_a_state_is_not_the_state(text: str, absent: str) -> None:
    from datetime import date

    from eventwire.api import build_pipeline
    from eventwire.models import RawRecord

    a = build_pipeline().analyse(RawRecord(origin="<t>", text=text, published=date(2025, 4, 1)))
    assert absent not in {m.actor.country for m in a.mentions}, [(m.text, m.actor.code) for m in a.mentions]


def test_a_state_whose_name_begins_with_a_compass_word_is_still_read() -> None:
    from datetime import date

    from eventwire.api import build_pipeline
    from eventwire.models import RawRecord

    a = build_pipeline().analyse(RawRecord(origin="<t>", text="South Korea and North Korea met in Panmunjom.",
                                           published=date(2025, 4, 1)))
    assert {"KOR", "PRK"} <= {m.actor.country for m in a.mentions}
