"""The document model (actors/document.py): quotations and speakers, pronouns, people coded by their phrase,
one code per person, the story's state. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.document import quote_spans
from eventwire.models import AnalysedArticle, RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.api import build_pipeline

    return build_pipeline()


def _read(pipeline, body: str) -> AnalysedArticle:  # type: ignore[no-untyped-def]
    return pipeline.analyse(RawRecord(origin="<test>", text=body, published=date(2025, 5, 2)))


def _pronouns(analysed: AnalysedArticle) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor.country) for m in analysed.mentions if m.evidence.startswith("coref:")
            and m.text.lower() in {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "i",
                                   "me", "my", "we", "us", "our"}]


def test_he_is_the_person_subject_before_him(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Ghana's foreign minister Ama Boateng arrived in Lome on Tuesday.\n"
                        "She met Togo's president and urged him to reopen the border.")
    assert ("She", "GHA") in _pronouns(a)
    assert ("him", "TGO") in _pronouns(a)  # not the subject of "urged": binding rules her out


def test_object_pronoun_never_names_its_own_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "U.N. envoy Tomas Lind flew to Kabul last week.\n"
                        "The Taliban refused him entry at the airport.")
    assert ("him", "UNO") in _pronouns(a)


def test_first_person_inside_a_quote_is_its_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Peru's interior minister Rosa Campos spoke to reporters in Lima.\n"
                        '"We will not negotiate with the gangs, and I will not resign," Campos said.')
    found = _pronouns(a)
    assert ("We", "PER") in found and ("I", "PER") in found
    assert any(q.speaker is not None and q.speaker.actor.country == "PER" for q in a.quotes)


def test_a_quote_continues_its_speaker_into_the_next_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, 'Chile\'s president Tomas Reyes told reporters: "Argentina is our closest partner. '
                        'We will defend our fishermen."')
    assert len(a.sentences) == 2
    assert ("We", "CHL") in _pronouns(a)


def test_expletive_it_stays_unresolved(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Kenya closed its embassy in Khartoum on Monday.\n"
                        "It is clear that the talks have failed, a diplomat said.")
    assert not any(text == "It" for text, _ in _pronouns(a))


def test_the_doer_own_things_name_no_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Kenya closed its embassy in Khartoum on Monday.\n"
                        "Russia denied the claims on Tuesday.\n"
                        "Its forces have not entered the town, the ministry said.")
    assert ("its", "KEN") not in _pronouns(a)  # whose embassy, not who was acted on
    assert ("Its", "RUS") in _pronouns(a)  # the possessor of a subject is the doer's side


def test_they_is_an_organisation_not_a_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "The Taliban closed girls' schools across Afghanistan in March.\n"
                        "They said the schools would stay shut.")
    assert ("They", "AFG") in _pronouns(a)


def test_people_take_the_body_their_phrase_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "United Nations-appointed investigator Marta Quiroga visited Caracas.\n"
                        "\"Detentions continue,\" said Lena Vogt, a researcher at Human Rights Watch.")
    codes = {m.actor.name: m.actor.country for m in a.mentions if m.person}
    assert codes.get("Marta Quiroga") == "UNO"
    assert codes.get("Lena Vogt") == "NGO"


def test_one_code_per_person_across_the_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "A Bolivian court jailed opposition journalist Raul Mendez on Friday.\n"
                        "Mendez founded a radio station in 2010.\n"
                        "Mendez denies the charges.")
    assert {m.actor.country for m in a.mentions if m.text == "Mendez"} == {"BOL"}


def test_sector_only_actors_take_the_story_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Ecuador declares emergency after prison riots\n-\n"
                        "Ecuador's president declared a state of emergency on Sunday.\n"
                        "Riots spread to three prisons in Ecuador overnight.\n"
                        "Authorities arrested 40 inmates.\n"
                        "In Geneva, a U.N. spokesman said police used tear gas.")
    by_text = {(m.text, m.sentence): m.actor.code for m in a.mentions}
    authorities = [code for (text, _), code in by_text.items() if text == "Authorities"]
    assert authorities == ["ECUGOV"]
    # a sentence that names another state (Switzerland, by its city) gives its police no state of the story's
    assert all(code != "ECUCOP" for (text, _), code in by_text.items() if text == "police")


def test_quote_spans() -> None:
    text = 'He said "yes" and "no." Then: "open to the end'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ['"yes"', '"no."', '"open to the end']


def test_quote_spans_stop_at_the_paragraph() -> None:
    text = '"First part\nSecond "quoted" part'
    assert [text[s:e] for s, e in quote_spans(text)] == ['"First part', '"quoted"']


def test_an_unknown_name_in_apposition_with_an_office_is_that_person(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Zambia's police detained reporters on Monday.\n"
                        "Chanda Mwewa, a journalist with the Daily Courier in Zambia, was released on Tuesday.\n"
                        "Mwewa said she would appeal.")
    people = {(m.sentence, m.text): m.actor.code for m in a.mentions if m.person}
    assert people.get((1, "Chanda Mwewa")) == "ZMBJRN"
    assert people.get((2, "Mwewa")) == "ZMBJRN"


def test_the_official_is_the_official_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, '"The talks went well," a senior Japanese foreign ministry official told reporters in Seoul.\n'
                        "The official added that Tokyo would send a delegation to Seoul next month.")
    (official,) = [m for m in a.mentions if m.sentence == 1 and m.text.lower().endswith("official")]
    assert official.actor.country == "JPN"  # not the state of "Seoul", named in its own sentence


def test_an_acronym_the_article_defines_is_its_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Fighting between the army and the Rapid Support Forces (RSF) spread to Darfur.\n"
                        "The RSF said it had taken the airport.")
    assert [(m.text, m.actor.code) for m in a.mentions if m.sentence == 1 and m.text == "RSF"] == [("RSF", "SDNREB")]


def test_a_state_name_inside_a_sea_or_bay_name_is_no_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Pirates attacked a tanker in the Gulf of Guinea on Monday.\n"
                        "The last detainees left Guantanamo Bay on Friday.")
    assert not any(m.actor.country in ("GIN", "CUB") for m in a.mentions)


def test_a_place_inside_a_bay_name_says_no_state_for_the_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "The first detainees arrived at Guantanamo Bay on Friday.")
    assert not any(m.actor.country == "CUB" for m in a.mentions)


@pytest.mark.parametrize(("body", "mention", "country"), [
    (("Kenyan President William Ruto called an emergency meeting on Monday.\n"
     "The French president met the Italian prime minister on Tuesday."), "French president", "FRA"),
    (("Ghana's foreign minister Ama Boateng arrived in Lome on Tuesday.\n"
     "The Nigerian minister flew to Accra a day later."), "Nigerian minister", "NGA"),
])
def test_a_role_that_names_its_state_takes_no_antecedent_of_another(pipeline, body: str, mention: str,
                                                                      country: str) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, body)
    assert (mention, country) in [(m.text, m.actor.country) for m in a.mentions]


def test_a_role_that_names_its_state_still_finds_its_own_earlier_holder(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Kenyan President William Ruto called an emergency meeting on Monday.\n"
                        "The French president met the Italian prime minister on Tuesday.\n"
                        "The Kenyan president said he was pleased.")
    kenyan = [m for m in a.mentions if m.text == "Kenyan president"]
    assert kenyan and kenyan[0].actor.name == "William Ruto", [(m.text, m.actor) for m in kenyan]


def test_the_militants_are_the_one_armed_group_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Al-Shabab has attacked Kenyan army posts since 2011.\n"
                        "Last week the militants raided a police station in Kenya's Lamu County.")
    assert ("militants", "SOMREB") in [(m.text, m.actor.code) for m in a.mentions]


def test_the_rebels_after_two_armed_groups_stay_unknown(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Boko Haram and al-Shabab have attacked army posts for years.\n"
                        "Last week the insurgents raided a base near Maiduguri.")
    assert all(m.evidence != "coref:definite-group" for m in a.mentions if m.text == "insurgents")


@pytest.mark.parametrize(("body", "text"), [
    (("The Afghan government and the Taliban resumed talks in Kabul on Monday.\n"
     "The Taliban threatened to break their cease-fire with international forces."), "forces"),
    (("Malian officials met rebel leaders in Gao on Monday.\n"
     "Foreign troops left the town on Tuesday."), "troops"),
])
def test_a_party_said_to_be_foreign_takes_no_state_from_the_story(pipeline, body: str, text: str) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, body)
    found = [m for m in a.mentions if m.text.split()[-1] == text]
    assert found and all(m.actor.country is None for m in found), [(m.text, m.actor) for m in found]


def test_a_family_name_first_is_the_word_used_alone(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Chinese names give the family name first: "Fu Cong", later "Fu"
    a = _read(pipeline, "China's U.N. ambassador, Fu Cong, spoke on Friday.\n"
                        "Fu blamed the Trump administration for disrupting the deal.")
    assert ("Fu", "CHN") in [(m.text, m.actor.country) for m in a.mentions]


@pytest.mark.parametrize(("body", "text", "country"), [
    (("Malaysia submitted documents to a U.N. commission on Thursday.\n"
     "The Southeast Asian nation accused China of blocking the talks."), "The Southeast Asian nation", "MYS"),
    (("ECOWAS activated its standby force on Tuesday.\n"
     "Mali accused the regional body of failing to protect its members."), "the regional body", "IGO"),
])
def test_a_definite_kind_noun_is_the_latest_party_of_its_kind(pipeline, body: str, text: str,
                                                              country: str) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, body)
    assert (text, country) in [(m.text, m.actor.country) for m in a.mentions]


def test_a_kind_noun_with_no_party_of_its_kind_before_stays_unknown(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Heavy rain fell across the region on Monday.\n"
                        "The nation mourned the victims of the floods.")
    assert all(m.evidence != "coref:definite-kind" for m in a.mentions)


def test_the_three_nations_are_the_last_three_states_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "In January, Burkina Faso, Mali and Niger left the West African bloc.\n"
                        "The three military-led nations accused the bloc of failing its members.")
    groups = [m for m in a.mentions if m.actor.members]
    assert groups and {x.country for x in groups[0].actor.members} == {"BFA", "MLI", "NER"}


def test_three_nations_with_two_states_named_stay_unknown(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "In January, Mali and Niger left the West African bloc.\n"
                        "The three military-led nations accused the bloc of failing its members.")
    assert not any(len(m.actor.members) == 3 for m in a.mentions)


def test_a_definite_collective_of_an_armed_kind_is_the_group_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Al-Shabab fighters attacked a Kenyan army base near Lamu. The militant organization later "
                        "claimed the raid.\nThe insurgent group also threatened new attacks.")
    got = {m.text: m.actor.code for m in a.mentions if m.evidence == "coref:definite-group"}
    assert got and set(got.values()) == {next(m.actor.code for m in a.mentions if m.text.startswith("Al-Shabab"))}


def test_a_role_named_with_an_unknown_state_adjective_is_not_an_earlier_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the Ruritanian government" names its own (unknown) state: it is not the Kenyan government told before
    a = _read(pipeline, "The Kenyan government closed the border on Monday.\n"
                        "The Ruritanian government criticized the move on Tuesday.")
    assert not any(m.text.endswith("Ruritanian government") and m.actor.country == "KEN" for m in a.mentions)


@pytest.mark.parametrize(("word", "country"), [
    ("Swedish", "SWE"), ("Nepali", "NPL"), ("Djiboutian", "DJI"), ("Slovenian", "SVN"), ("Icelandic", "ISL"),
    ("Moldavian", "MDA"), ("Cabo Verdean", "CPV"), ("Timorese", "TLS"),
])
def test_state_adjectives_name_their_state(pipeline, word: str, country: str) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, f"The {word} government criticized the move on Tuesday.")
    assert any(m.actor.country == country for m in a.mentions), [(m.text, m.actor.code) for m in a.mentions]


@pytest.mark.parametrize("text", ["The Kenyan opposition leaders walked out of parliament on Tuesday.",
                                  "Kenyan opposition lawmakers walked out of parliament on Tuesday."])
def test_opposition_leaders_are_the_opposition(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, text)
    assert any(m.actor.code == "KENOPP" for m in a.mentions), [(m.text, m.actor.code) for m in a.mentions]


def test_a_role_whose_state_follows_it_is_not_an_earlier_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "The Iranian government executed two men on Monday.\n"
                        "The military government in Niger suspended the BBC for three months.")
    assert not any(m.text == "military government" and m.actor.country == "IRN" for m in a.mentions)


def test_a_surname_alone_is_the_person_the_article_named_in_full(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the article's own "Lena Netanyahu" (an invented analyst), not the dictionary's Benjamin Netanyahu
    a = _read(pipeline, "Lena Netanyahu, a professor at the University of Nairobi, spoke to reporters on Monday.\n"
                        "\"The talks will fail,\" Netanyahu said.")
    later = [m for m in a.mentions if m.sentence == 1 and m.text == "Netanyahu"]
    assert later and later[0].actor.name == "Lena Netanyahu", [(m.text, m.actor.name) for m in a.mentions]


def test_a_body_deep_in_a_persons_phrase_places_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "director of the Africa bureau of Amnesty International" belongs to Amnesty, not to the story's state
    a = _read(pipeline, "Kenyan police arrested two journalists in Nairobi on Monday.\n"
                        "Tomas Berg, director of the East Africa bureau of Amnesty International, condemned the "
                        "arrests.")
    berg = [m for m in a.mentions if m.text == "Tomas Berg"]
    assert berg and berg[0].actor.country == "NGO", [(m.text, m.actor.code) for m in a.mentions]


def test_a_place_in_a_persons_phrase_does_not_place_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _read(pipeline, "Anna Berg, a professor at the Institute for Peace Studies in Nairobi, spoke on Monday.")
    berg = [m for m in a.mentions if m.text == "Anna Berg"]
    assert berg and berg[0].actor.code != "KENGOV", [(m.text, m.actor.code) for m in a.mentions]


@pytest.mark.parametrize("text", ["Former European Union official Michel Barnier spoke in Paris on Monday.",
                                  "Former top European Union official Michel Barnier spoke in Paris on Monday."])
def test_a_former_post_at_a_body_is_no_longer_the_bodys(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # "Former" at a sentence's start is no organisation's name, and seniority words may stand after it
    a = _read(pipeline, text)
    barnier = [m for m in a.mentions if "Barnier" in m.text]
    assert barnier and barnier[0].actor.code == "FRAELI", [(m.text, m.actor.code) for m in a.mentions]
