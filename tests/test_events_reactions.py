"""Reactions to an earlier act (events/reactions.py): the doer of the act a definite noun refers back to is the
target. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    return build_pipeline()


def _events(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    a = pipeline.analyse(RawRecord(origin="<t>", text=text, published=date(2025, 4, 1)))
    return [(e.type.value, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in a.events]


def test_condemning_the_attack_accuses_its_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Russian forces shelled Ukrainian positions near Kharkiv on Monday.\n"
                              "Poland condemned the attack on Tuesday.")
    assert ("ACCUSE", "POL", "RUS") in found


def test_a_reaction_to_nothing_told_before_stays_without_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Heavy rain fell across the region on Monday.\nPoland condemned the attack on Tuesday.")
    assert not any(kind == "ACCUSE" and target is not None for kind, _, target in found)


def test_the_reactor_own_act_is_not_what_it_reacts_to(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Colombian troops raided a rebel camp on Friday.\n"
                              "The Colombian government praised the operation.")
    assert not any(kind == "SUPPORT" and target == "COL" for kind, _, target in found)


@pytest.mark.parametrize(("text", "expect"), [
    (("A Kenyan court jailed opposition activist Peter Otieno on Monday.\n"
      "Amnesty International called for Otieno's immediate release."), ("REQUEST", "NGO", "KEN")),
    (("Fighting between rival militias spread across Libya this week.\n"
      "The African Union demanded an end to the violence in Libya."), ("REQUEST", "IGO", "LBY")),
])
def test_an_appeal_for_an_outcome_is_addressed_to_who_can_grant_it(pipeline, text: str, expect) -> None:  # type: ignore[no-untyped-def]
    assert expect in _events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Peru accused Chile of spying on its navy on Monday.\nChile denied the allegations on Tuesday.",
    "Peru accused Chile of spying on its navy on Monday.\nSantiago rejected the claims as baseless.",
    "Peru's foreign minister criticized Chile over the naval exercise.\nChile dismissed the criticism.",
])
def test_denying_a_claim_rejects_its_claimant(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("REJECT", "CHL", "PER") in _events(pipeline, text)


def test_denying_access_is_no_answer_to_a_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Peru accused Chile of spying.\nChile denied entry to Peruvian inspectors.")
    assert ("REJECT", "CHL", "PER") in found  # the inspectors are Peruvian: refused entry, not a claim answered


def test_co_doers_of_one_act_are_not_the_act_they_react_to(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the call" refers to an earlier act, never to the same act told by the other subjects
    found = _events(pipeline, "Heavy rain fell across the region on Monday.\n"
                              "Norway, Chile and Ghana supported the call on Tuesday.")
    assert not any(kind == "SUPPORT" and target in ("NOR", "CHL", "GHA") for kind, _, target in found), found


def test_the_victims_of_a_condemned_act_are_not_the_condemned(pipeline) -> None:  # type: ignore[no-untyped-def]
    # no doer named: the condemnation stays without a target, never one of the act's victims
    found = _events(pipeline, "Heavy rain fell across the region on Monday.\n"
                              "The Kenyan government condemned the attack on Ugandan troops.")
    assert not any(kind == "ACCUSE" and target == "UGA" for kind, _, target in found), found


@pytest.mark.parametrize(("text", "expect"), [
    ("Hungary's new media law drew sharp criticism from Vienna on Wednesday.", ("ACCUSE", "AUT", "HUN")),
    ("The Indian government's decision sparked Pakistani condemnation.", ("ACCUSE", "PAK", "IND")),
    ("Turkey faced a rebuke from Germany over the arrests.", ("ACCUSE", "DEU", "TUR")),
    ("The referendum drew condemnation of Moscow by Kyiv.", ("ACCUSE", "UKR", "RUS")),
])
def test_a_reaction_drawn_turns_the_roles(pipeline, text: str, expect: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expect in _events(pipeline, text)


def test_a_reaction_drawn_from_nobody_named_takes_no_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Israel's strike on Doha drew international condemnation.")
    assert not any(kind == "ACCUSE" and source in ("ISR", "QAT") for kind, source, _ in found), found


def test_a_denial_naming_nobody_answers_the_latest_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Nigerian officials accused Boko Haram of kidnapping the students.\n"
                              "The militant group denied any involvement on Friday.")
    assert ("REJECT", "NGA", "NGA") in found, found


def test_a_denial_with_no_accusation_before_stays_without_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Heavy rain fell across Nigeria on Monday.\nBoko Haram denied any involvement.")
    assert not any(kind == "REJECT" and target is not None for kind, _, target in found), found


def test_a_noun_naming_another_kind_of_act_does_not_refer_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the attack" names an assault: it cannot refer back to a meeting, whoever held it
    found = _events(pipeline, "Indian and Chinese envoys held talks in Geneva on Monday.\n"
                              "Pakistan condemned the attack on Tuesday.")
    assert not any(kind == "ACCUSE" and target in ("IND", "CHN") for kind, _, target in found)


def test_a_noun_naming_the_same_kind_of_act_refers_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Ethiopian troops shelled Eritrean border posts on Monday.\n"
                              "Kenya denounced the bombardment on Tuesday.")
    assert ("ACCUSE", "KEN", "ETH") in found


def test_condemning_a_persons_arrest_accuses_whoever_arrested_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the possessor of "arrest" is the one arrested; the condemnation is aimed at the arrester told before
    found = _events(pipeline, "Tanzanian police arrested opposition leader Tundu Lissu on Monday.\n"
                              "Amnesty International condemned Lissu's arrest on Tuesday.")
    assert ("ACCUSE", "NGO", "TZA") in found


def test_condemning_an_arrest_told_nowhere_accuses_the_held_persons_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Ugandan journalist Ruth Nakato has written about corruption for years.\n"
                              "Her reports won prizes.\nShe has two children.\nShe moved to Kampala in 2019.\n"
                              "International and local media rights organizations have condemned Nakato's arrest "
                              "and urged the government to free her.")
    assert any(k == "ACCUSE" and t == "UGA" for k, _, t in found), found
    a = pipeline.analyse(RawRecord(origin="<t>", text="Ugandan journalist Ruth Nakato has written for years.\n"
                                   "Her reports won prizes.\nShe has two children.\nShe moved to Kampala in 2019.\n"
                                   "Rights organizations condemned Nakato's arrest.", published=date(2025, 4, 1)))
    # aimed at the state that holds her, not at the journalist
    assert all(e.target is None or e.target.sector != "JRN" for e in a.events if e.type.value == "ACCUSE")
