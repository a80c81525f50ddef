"""Round-2 coder rules on short original sentences: agreement participles, pairs of people named
earlier, sector-only protesters, nearer pattern words, word families added per PLOVER type."""

from __future__ import annotations

import pytest

from eventwire.models import Event


def _rows(events: tuple[Event, ...]) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.type.value, e.trigger, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in events]


def _pair(e: Event) -> set[str | None]:
    return {e.source.country if e.source else None, e.target.country if e.target else None}


def test_agreement_participle_takes_the_clause_parties(code):  # type: ignore[no-untyped-def]
    events = code("Kenya and Uganda will implement the trade agreement signed on June 4.").events
    signed = [e for e in events if e.trigger == "signed"]
    assert signed and signed[0].cameo == "057" and _pair(signed[0]) == {"KEN", "UGA"}, _rows(events)
    assert not [e for e in events if e.trigger == "implement"]  # one agreement, told on the participle


def test_agreement_participle_between_and_by(code):  # type: ignore[no-untyped-def]
    events = code("The ministers discussed the accord reached between Armenia and Azerbaijan in May.").events
    assert any(e.trigger == "reached" and _pair(e) == {"ARM", "AZE"} and e.reciprocal for e in events)
    events = code("The treaty, signed by Peru and Chile in 2010, ended the dispute.").events
    assert any(e.trigger == "signed" and _pair(e) == {"PER", "CHL"} for e in events), _rows(events)


def test_agreement_participle_under_a_memorandum(code):  # type: ignore[no-untyped-def]
    events = code("Under the memorandum inked in March, Japan will supply rice to the Philippines.").events
    inked = [e for e in events if e.trigger == "inked"]
    assert inked and inked[0].type.value == "SUPPORT" and _pair(inked[0]) == {"JPN", "PHL"}, _rows(events)


def test_agreement_participle_outsider_is_no_party(code):  # type: ignore[no-untyped-def]
    events = code("Egypt welcomed the ceasefire deal signed last week.").events
    assert not [e for e in events if e.trigger == "signed"], _rows(events)


def test_two_people_named_earlier_act_as_a_pair(code):  # type: ignore[no-untyped-def]
    text = ("Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Vega in Lima. "
            "The two ministers signed a fisheries agreement.")
    events = [e for e in code(text).events if e.trigger == "signed"]
    assert events and events[0].reciprocal and _pair(events[0]) == {"CHL", "PER"}, _rows(tuple(events))


def test_protesters_without_a_country_still_protest(code):  # type: ignore[no-untyped-def]
    events = code("Hundreds of protesters rallied outside the Brazilian embassy in Lima.").events
    (e,) = [e for e in events if e.type.value == "PROTEST"]
    assert e.source is not None and e.source.sector == "CVL"
    assert e.target is not None and e.target.country == "BRA"


def test_nearer_object_decides_the_reading(code):  # type: ignore[no-untyped-def]
    events = code("Ghana launched an investigation into the Togolese attack.").events
    assert [e.type.value for e in events] == ["ACCUSE"], _rows(events)


@pytest.mark.parametrize(("text", "etype"), [
    ("Iran executed two Swedish nationals.", "ASSAULT"),
    ("India halted trade with Bangladesh.", "SANCTION"),
    ("Canada has loosened its restrictions on Mexican students.", "CONCEDE"),
    ("Sudan announced a ceasefire with Chad.", "RETREAT"),
    ("Japan delivered medicine and tents to Nepal.", "AID"),
    ("Mexico turned down the American offer.", "REJECT"),
    ("Peru censured Bolivia over the border incident.", "ACCUSE"),
    ("Georgia and Armenia sealed a transit pact.", "SUPPORT"),
])
def test_word_families(code, text, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype for e in events), _rows(events)


def test_coordinated_subjects_of_a_one_way_act_are_co_agents(code):  # type: ignore[no-untyped-def]
    events = code("The Syrian army and Russian jets pounded rebel positions near Idlib.").events
    assert events and all(e.target is None and not e.reciprocal for e in events), _rows(events)
    assert {e.source.country for e in events if e.source} == {"SYR", "RUS"}


def test_coordinated_subjects_that_exchange_act_on_each_other(code):  # type: ignore[no-untyped-def]
    events = code("Indian troops and Chinese soldiers exchanged fire along the border.").events
    assert any(e.reciprocal and _pair(e) == {"IND", "CHN"} for e in events), _rows(events)
    events = code("Peru and Ecuador signed a border treaty.").events
    assert any(e.reciprocal and _pair(e) == {"PER", "ECU"} for e in events), _rows(events)


def test_passive_act_done_in_an_attack_takes_its_doer(code):  # type: ignore[no-untyped-def]
    events = code("Four Somali soldiers were killed in a Kenyan air strike.").events
    assert any(e.type.value == "ASSAULT" and e.source and e.source.country == "KEN"
               and e.target and e.target.country == "SOM" for e in events), _rows(events)


def test_attack_noun_takes_the_victims_of_its_verb(code):  # type: ignore[no-untyped-def]
    events = code("Recent Turkish drone attacks have killed six Syrian fighters.").events
    assert any(e.type.value == "ASSAULT" and e.source and e.source.country == "TUR"
               and e.target and e.target.country == "SYR" for e in events), _rows(events)


def test_recipient_inside_the_objects_phrase(code):  # type: ignore[no-untyped-def]
    events = code("Qatar rejected an invitation to a meeting of Saudi officials.").events
    assert any(e.type.value == "REJECT" and e.target and e.target.country == "SAU" for e in events), _rows(events)


def test_hyphenated_pattern_words_meet_split_tokens(code):  # type: ignore[no-untyped-def]
    events = code("Nepal declared a cease-fire with the rebels in Bhutan.").events
    assert any(e.type.value == "RETREAT" for e in events), _rows(events)


def test_consent_to_a_forceful_content_is_not_a_threat(code):  # type: ignore[no-untyped-def]
    events = code("Oman and Yemen agreed to stage joint naval exercises.").events
    assert events and all(e.type.value != "THREATEN" for e in events), _rows(events)
    events = code("Libya vowed to attack Chad.").events
    assert any(e.type.value == "THREATEN" for e in events), _rows(events)


def test_attributive_participle_is_no_event(code):  # type: ignore[no-untyped-def]
    events = code("Militias backed by Iran shelled the Iraqi town.").events
    assert [e.type.value for e in events] == ["ASSAULT"], _rows(events)


def test_recipient_owning_the_objects_target(code):  # type: ignore[no-untyped-def]
    events = code("Russia launched cyber attacks on the government websites of Estonia.").events
    assert any(e.target and e.target.country == "EST" for e in events), _rows(events)


def test_role_noun_named_by_like(code):  # type: ignore[no-untyped-def]
    events = code("Germany urged partners like Poland to raise their defence spending.").events
    assert any(e.type.value == "REQUEST" and e.target and e.target.country == "POL" for e in events), _rows(events)


def test_claimed_responsibility_names_the_doer(code):  # type: ignore[no-untyped-def]
    events = code("Boko Haram claimed responsibility for the attack, which killed ten Nigerian soldiers.").events
    killed = [e for e in events if e.trigger == "killed"]
    assert killed and killed[0].source is not None and killed[0].source.country == "NGA", _rows(events)
    assert killed[0].target is not None and killed[0].target.country == "NGA"


def test_light_verb_object_noun_tells_the_event(code):  # type: ignore[no-untyped-def]
    events = code("Mali's president ordered the withdrawal of its troops from Niger.").events
    assert [e.type.value for e in events] == ["RETREAT"], _rows(events)


def test_planned_complaint_is_the_complaint(code):  # type: ignore[no-untyped-def]
    events = code("Chile plans to file a complaint against Bolivia.").events
    assert [(e.type.value, e.target.country if e.target else None) for e in events] == [("ACCUSE", "BOL")]


def test_warning_of_a_danger_is_no_threat(code):  # type: ignore[no-untyped-def]
    assert not code("Ghana warned of a looming food crisis in Togo.").events
    events = code("Ghana warned Togo against closing the border.").events
    assert any(e.type.value == "THREATEN" for e in events), _rows(events)


def test_signed_loan_is_aid(code):  # type: ignore[no-untyped-def]
    events = code("China signed a loan of two billion dollars to Zambia.").events
    assert any(e.type.value == "AID" and e.target and e.target.country == "ZMB" for e in events), _rows(events)


@pytest.mark.parametrize(("text", "etype"), [
    ("Latvia repealed the ban on Russian broadcasts.", "CONCEDE"),
    ("Fiji suspended its plans to impose a curfew.", "CONCEDE"),
    ("Myanmar granted an amnesty to Thai fishermen.", "RETREAT"),
    ("Egypt lodged a complaint against Sudan.", "ACCUSE"),
])
def test_more_word_families(code, text, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype for e in events), _rows(events)


def test_denied_act_is_still_coded(code):  # type: ignore[no-untyped-def]
    # the certainty stage marks it denied; the coder must code the act itself
    events = code("Belarus denied that it had supplied rockets to Armenia.").events
    assert any(e.type.value == "AID" and e.source and e.source.country == "BLR"
               and e.target and e.target.country == "ARM" for e in events), _rows(events)


def test_refused_act_did_not_happen(code):  # type: ignore[no-untyped-def]
    events = code("Several Gulf states refuse to lift the sanctions on Qatar.").events
    assert all(e.type.value != "RETREAT" for e in events), _rows(events)


@pytest.mark.parametrize(("text", "etype"), [
    ("Russia launched cyber attacks on Estonian banks.", "COERCE"),
    ("The Ethiopian government cut internet access in Tigray.", "COERCE"),
    ("China sent warships to the Philippine coast.", "MOBILIZE"),
    ("Hezbollah vowed revenge against Israel.", "THREATEN"),
    ("Iran said it would retaliate against Israel.", "THREATEN"),
])
def test_modes_of_coerce_mobilize_threaten(code, text, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype for e in events), _rows(events)


def test_exercises_with_a_partner_are_cooperation(code):  # type: ignore[no-untyped-def]
    events = code("Russia held naval drills with China in the Pacific.").events
    assert [(e.type.value, e.target.country if e.target else None) for e in events] == [("COOPERATE", "CHN")]
    events = code("North Korea held military drills near the border.").events
    assert [e.type.value for e in events] == ["MOBILIZE"]


def test_list_misparsed_as_apposition_keeps_every_member(code):  # type: ignore[no-untyped-def]
    events = code("Norway, the Netherlands, Denmark and Sweden condemned the Russian attack.").events
    assert {e.source.country for e in events if e.source} == {"NOR", "NLD", "DNK", "SWE"}, _rows(events)
    events = code("Putin, the Russian president, visited China.").events
    assert len(events) == 1 and not events[0].reciprocal  # an apposition names the same actor


def test_their_shared_relation_makes_a_dyad(code):  # type: ignore[no-untyped-def]
    events = code("Ghana and Togo postponed their meeting on the border dispute.").events
    assert events and events[0].reciprocal and _pair(events[0]) == {"GHA", "TGO"}, _rows(events)
    events = code("The Syrian army and Russian jets pounded their positions near Idlib.").events
    assert events and all(e.target is None for e in events), _rows(events)


def test_outcome_of_talks_has_the_counterpart_as_target(code):  # type: ignore[no-untyped-def]
    events = code("The Kenyan teachers union called off its strike after talks with the Kenyan government.").events
    assert any(e.type.value == "CONCEDE" and e.target and e.target.sector == "GOV" for e in events), _rows(events)
    events = code("Russia attacked Kharkiv after talks with Turkey.").events
    assert all(e.target is None or e.target.country != "TUR" for e in events), _rows(events)


def test_sector_only_subject_is_inherited_by_an_intent(code):  # type: ignore[no-untyped-def]
    (e,) = code("Rebels have vowed to storm the capital.").events
    assert e.type.value == "THREATEN" and e.source is not None and e.source.sector == "REB", _rows((e,))
    assert e.source.country is None


def test_sector_only_recipient_is_kept(code):  # type: ignore[no-untyped-def]
    (e,) = code("Police detained several students near the campus.").events
    assert e.type.value == "COERCE", _rows((e,))
    assert e.source is not None and e.source.sector == "COP" and e.source.country is None
    assert e.target is not None and e.target.sector == "EDU"


def test_sector_only_speaker_does_not_own_the_reported_event(code):  # type: ignore[no-untyped-def]
    events = code("Witnesses said Kenyan soldiers attacked the village of Garba.").events
    assert [(e.type.value, e.source and e.source.country) for e in events] == [("ASSAULT", "KEN")], _rows(events)


def test_subject_hung_under_an_auxiliary_still_acts(code):  # type: ignore[no-untyped-def]
    events = code("Chile and Peru however have opposed resolutions in the Security Council.").events
    assert {e.source.country for e in events if e.source} == {"CHL", "PER"}, _rows(events)


def test_participle_with_an_object_under_the_root_noun_is_the_main_verb(code):  # type: ignore[no-untyped-def]
    events = code("The Kenyan air force carried out at least two air strikes in southern Somalia, killing dozens of militants.").events
    assert events and all(e.source and e.source.country == "KEN" for e in events), _rows(events)


def test_passive_participle_under_a_noun_keeps_its_noun_as_patient(code):  # type: ignore[no-untyped-def]
    events = code("Ghana condemned the attack on Togolese soldiers held captive by rebels.").events
    assert not [e for e in events if e.trigger == "held" and e.source and e.source.country == "TGO"], _rows(events)


def test_act_on_a_proposal_reaches_its_author(code):  # type: ignore[no-untyped-def]
    events = code("Chile rejected the border plan drafted by Bolivia.").events
    assert [(e.type.value, e.source and e.source.country, e.target and e.target.country) for e in events] == [
        ("REJECT", "CHL", "BOL")], _rows(events)


def test_subject_split_by_the_parser_still_acts(code):  # type: ignore[no-untyped-def]
    events = code("The rebel Free Syrian Army on Wednesday threatened to shell positions in Lebanon.").events
    assert events and all(e.source and e.source.country == "SYR" for e in events), _rows(events)


def test_purpose_of_an_announced_object_is_the_announcer_s(code):  # type: ignore[no-untyped-def]
    events = code("Norway announced a peace initiative to halt the fighting in Sudan.").events
    assert events and all(e.source and e.source.country == "NOR" for e in events), _rows(events)


def test_purpose_of_a_rejected_object_is_not_the_rejecter_s(code):  # type: ignore[no-untyped-def]
    events = code("Chile rejected a Bolivian plan to withdraw troops from the border with Peru.").events
    assert not [e for e in events if e.type.value == "RETREAT" and e.source and e.source.country == "CHL"], \
        _rows(events)


def test_participle_subject_names_the_speaker_not_its_place(code):  # type: ignore[no-untyped-def]
    events = code("The Red Cross operating in Sudan said Kenyan and Ugandan forces must protect the convoys.").events
    assert events and all(e.source and e.source.country != "SDN" for e in events), _rows(events)


def test_a_letter_s_content_is_the_event_from_sender_to_addressee(code):  # type: ignore[no-untyped-def]
    events = code("Chile sent a letter to the Peruvian government condemning the border raids.").events
    assert [(e.type.value, e.source and e.source.country, e.target and e.target.country) for e in events] == [
        ("ACCUSE", "CHL", "PER")], _rows(events)


def test_a_letter_without_a_speech_act_is_still_sent(code):  # type: ignore[no-untyped-def]
    events = code("Chile sent a letter to the Peruvian government.").events
    assert [(e.type.value, e.source and e.source.country) for e in events] == [("CONSULT", "CHL")], _rows(events)


def test_partitive_noun_is_transparent_for_the_governing_verb(code):  # type: ignore[no-untyped-def]
    events = code("Chile and Peru began a new round of joint naval exercises on Monday.").events
    assert [e.type.value for e in events] == ["COOPERATE"] and {e.source.country for e in events if e.source} \
        | {e.target.country for e in events if e.target} == {"CHL", "PER"}, _rows(events)


def test_fired_means_take_the_target_of_what_they_hit(code):  # type: ignore[no-untyped-def]
    events = code("Shells fired by Ethiopian troops hit a village in southern Eritrea on Monday.").events
    fired = [e for e in events if e.trigger == "fired"]
    assert fired and fired[0].source and fired[0].source.country == "ETH", _rows(events)
    assert fired[0].target is not None and fired[0].target.country == "ERI", _rows(events)



def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]):  # type: ignore[no-untyped-def]
    """A Doc with a given parse (the parser's misparses are rare and model-dependent)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_name_followed_by_its_verb_is_its_subject_not_its_label() -> None:
    from eventwire.events.arguments import is_misparsed_predicate
    # "Boric called Boluarte on Friday" misparsed as Boric <- acl called -> oprd Boluarte
    doc = _parsed(["Boric", "called", "Boluarte", "on", "Friday", "and", "urged", "her"],
                  [6, 0, 1, 1, 3, 6, 6, 6], ["nsubj", "acl", "oprd", "prep", "pobj", "cc", "ROOT", "dobj"],
                  ["NNP", "VBN", "NNP", "IN", "NNP", "CC", "VBD", "PRP"],
                  ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "CCONJ", "VERB", "PRON"])
    assert is_misparsed_predicate(doc[1])
    # "a man called Juan attacked …": a common noun named by its participle
    doc = _parsed(["a", "man", "called", "Juan", "attacked", "it"], [1, 4, 1, 2, 4, 4],
                  ["det", "nsubj", "acl", "oprd", "ROOT", "dobj"], ["DT", "NN", "VBN", "NNP", "VBD", "PRP"],
                  ["DET", "NOUN", "VERB", "PROPN", "VERB", "PRON"])
    assert not is_misparsed_predicate(doc[2])
