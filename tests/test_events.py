"""Event coding on short original sentences: each PLOVER type, passive voice, nominal events,
metonyms, in-text roles, reciprocal actors; with the real actor stage and the real parse."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.models import Event, EventType

# (sentence, PLOVER type, source country, target country); None = not asserted
CASES: list[tuple[str, str, str | None, str | None]] = [
    ('Egypt agreed to reopen its border with Sudan.', 'AGREE', 'EGY', None),
    ('Norway promised to help Kenya rebuild its schools.', 'AGREE', 'NOR', 'KEN'),
    ('Chile will provide food aid to Peru.', 'AGREE', 'CHL', 'PER'),
    ('Brazil offered to mediate between Colombia and Venezuela.', 'AGREE', 'BRA', None),
    ('Vietnam pledged to cooperate with Laos on river management.', 'AGREE', 'VNM', 'LAO'),
    ('Canada expressed its willingness to resume trade talks with India.', 'AGREE', 'CAN', None),
    ('The Japanese prime minister visited Seoul on Monday.', 'CONSULT', 'JPN', 'KOR'),
    ('The Kenyan president arrived in Addis Ababa for a two-day summit.', 'CONSULT', 'KEN', 'ETH'),
    ('Turkey hosted the Iraqi foreign minister in Ankara.', 'CONSULT', 'TUR', 'IRQ'),
    ('The German chancellor met the Polish president in Warsaw.', 'CONSULT', 'DEU', 'POL'),
    ('Officials from Ghana held talks with Nigeria about the border.', 'CONSULT', 'GHA', 'NGA'),
    ('Spain negotiated with Morocco over fishing rights.', 'CONSULT', 'ESP', 'MAR'),
    ('The Indian foreign minister travelled to Nepal.', 'CONSULT', 'IND', 'NPL'),
    ('Argentina and Uruguay signed a treaty on river navigation.', 'SUPPORT', 'ARG', 'URY'),
    ('France praised Senegal for its peaceful election.', 'SUPPORT', 'FRA', 'SEN'),
    ('Denmark apologized to Iceland for the incident.', 'SUPPORT', 'DNK', 'ISL'),
    ('Austria recognized Kosovo as an independent state.', 'SUPPORT', 'AUT', None),
    ('Belgium backed the Dutch proposal at the summit.', 'SUPPORT', 'BEL', None),
    ('Portugal restored diplomatic ties with Angola.', 'SUPPORT', 'PRT', 'AGO'),
    ('Bolivia eased restrictions on foreign journalists.', 'CONCEDE', 'BOL', None),
    ('Sri Lanka lifted the curfew in the capital.', 'CONCEDE', 'LKA', None),
    ('Zambia made concessions to Malawi on water rights.', 'CONCEDE', 'ZMB', 'MWI'),
    ('Sweden shared secret information with Finland.', 'COOPERATE', 'SWE', 'FIN'),
    ('Estonia cooperated with Latvia to catch the smugglers.', 'COOPERATE', 'EST', 'LVA'),
    ('Greece and Cyprus conducted joint military exercises.', 'COOPERATE', 'GRC', 'CYP'),
    ('Japan sent humanitarian aid to Nepal after the earthquake.', 'AID', 'JPN', 'NPL'),
    ('The United States supplied weapons to Ukraine.', 'AID', 'USA', 'UKR'),
    ('Qatar donated money to Sudan for flood relief.', 'AID', 'QAT', 'SDN'),
    ('Mexico granted asylum to a Bolivian politician.', 'AID', 'MEX', 'BOL'),
    ('Germany provided loans to Greece.', 'AID', 'DEU', 'GRC'),
    ('Israel withdrew its troops from Lebanon.', 'RETREAT', 'ISR', 'LBN'),
    ('Armenia released twelve prisoners to Azerbaijan.', 'RETREAT', 'ARM', 'AZE'),
    ('Ethiopia declared a ceasefire with Eritrea.', 'RETREAT', 'ETH', 'ERI'),
    ('Syria allowed inspectors into its chemical plants.', 'RETREAT', 'SYR', None),
    ('Pakistan urged India to resume the dialogue.', 'REQUEST', 'PAK', 'IND'),
    ('Iran demanded that Britain release the tanker.', 'REQUEST', 'IRN', 'GBR'),
    ('Somalia appealed to Kenya for military help.', 'REQUEST', 'SOM', 'KEN'),
    ('Haiti asked Canada for emergency assistance.', 'REQUEST', 'HTI', 'CAN'),
    ('Mali called on France to withdraw its soldiers.', 'REQUEST', 'MLI', 'FRA'),
    ('China accused Japan of provoking the dispute.', 'ACCUSE', 'CHN', 'JPN'),
    ('Russia condemned the Georgian government for the raid.', 'ACCUSE', 'RUS', 'GEO'),
    ('Venezuela criticized Colombia over the border closure.', 'ACCUSE', 'VEN', 'COL'),
    ('Ukraine blamed Russia for the blackout.', 'ACCUSE', 'UKR', 'RUS'),
    ('Nigeria investigated the Cameroonian company for fraud.', 'ACCUSE', 'NGA', 'CMR'),
    ('Cuba denounced the American embargo.', 'ACCUSE', 'CUB', 'USA'),
    ('Serbia rejected the Croatian proposal.', 'REJECT', 'SRB', 'HRV'),
    ('Hungary refused to accept refugees from Syria.', 'REJECT', 'HUN', None),
    ('Algeria will not accept the French proposal.', 'REJECT', 'DZA', 'FRA'),
    ('Thailand vetoed the Cambodian plan.', 'REJECT', 'THA', 'KHM'),
    ('North Korea threatened to attack South Korea.', 'THREATEN', 'PRK', 'KOR'),
    ('Turkey warned Greece against drilling near the islands.', 'THREATEN', 'TUR', 'GRC'),
    ('Azerbaijan vowed to fight Armenia until the end.', 'THREATEN', 'AZE', 'ARM'),
    ('Iran threatened to close the strait to American ships.', 'THREATEN', 'IRN', None),
    ('Thousands of Chilean students protested against the government.', 'PROTEST', 'CHL', None),
    ('Kenyan farmers blocked roads to demand higher prices.', 'PROTEST', 'KEN', None),
    ('Lebanese workers went on strike over unpaid wages.', 'PROTEST', 'LBN', None),
    ('Demonstrators in Tunisia rallied against the new law.', 'PROTEST', 'TUN', None),
    ('Russia deployed troops near the Ukrainian border.', 'MOBILIZE', 'RUS', None),
    ('India mobilized its army along the border with China.', 'MOBILIZE', 'IND', None),
    ('Egypt put its air force on alert.', 'MOBILIZE', 'EGY', None),
    ('The European Union imposed sanctions on Belarus.', 'SANCTION', 'EUR', 'BLR'),
    ('Saudi Arabia severed diplomatic relations with Qatar.', 'SANCTION', 'SAU', 'QAT'),
    ('Poland expelled two Russian diplomats.', 'SANCTION', 'POL', 'RUS'),
    ('Australia suspended aid to Fiji.', 'SANCTION', 'AUS', 'FJI'),
    ('Lithuania recalled its ambassador from China.', 'SANCTION', 'LTU', 'CHN'),
    ('Egyptian police arrested ten journalists in Cairo.', 'COERCE', 'EGY', None),
    ('Uganda banned the opposition party.', 'COERCE', 'UGA', None),
    ('Myanmar detained two Australian reporters.', 'COERCE', 'MMR', 'AUS'),
    ('Chinese authorities deported a Canadian teacher.', 'COERCE', 'CHN', 'CAN'),
    ('Israel imposed a curfew on the West Bank town.', 'COERCE', 'ISR', None),
    ('Israeli jets bombed targets in Gaza.', 'ASSAULT', 'ISR', None),
    ('Ethiopian troops attacked rebels in Tigray.', 'ASSAULT', 'ETH', None),
    ('Russia invaded Ukraine in February.', 'ASSAULT', 'RUS', 'UKR'),
    ('Houthi fighters fired missiles at Saudi Arabia.', 'ASSAULT', None, 'SAU'),
    ('Sudanese soldiers killed three Chadian herders.', 'ASSAULT', 'SDN', 'TCD'),
    ('Turkish artillery shelled Kurdish positions in Syria.', 'ASSAULT', 'TUR', None),
    ('Ten Nigerian soldiers were killed by Cameroonian rebels.', 'ASSAULT', 'CMR', 'NGA'),
    ('The Iraqi ambassador was expelled by Kuwait.', 'SANCTION', 'KWT', 'IRQ'),
    ('Sanctions were imposed on Iran by Canada.', 'SANCTION', 'CAN', 'IRN'),
    ('The Danish journalist was arrested by Iranian police.', 'COERCE', 'IRN', 'DNK'),
    ("The Spanish king's visit to Mexico ended on Friday.", 'CONSULT', 'ESP', 'MEX'),
    ('A visit by the Chinese president to Serbia was announced.', 'CONSULT', 'CHN', 'SRB'),
    ('The Russian attack on Ukraine continued overnight.', 'ASSAULT', 'RUS', 'UKR'),
    ('Talks between Israel and Jordan resumed in Amman.', 'CONSULT', 'ISR', 'JOR'),
    ('The treaty between Peru and Ecuador ended the war.', 'SUPPORT', 'PER', 'ECU'),
    ("Britain's sanctions against Iran hurt its oil exports.", 'SANCTION', 'GBR', 'IRN'),
    ('Beijing condemned Tokyo over the shrine visit.', 'ACCUSE', 'CHN', 'JPN'),
    ('Washington imposed new tariffs and sanctions on Moscow.', 'SANCTION', 'USA', 'RUS'),
    ('Kyiv accused Minsk of helping the invasion.', 'ACCUSE', 'UKR', 'BLR'),
    ('The Iranian foreign minister arrived in Baghdad.', 'CONSULT', 'IRN', 'IRQ'),]


def _country(e: Event, side: str) -> str | None:
    actor = e.source if side == "source" else e.target
    return actor.country if actor else None


def _matches(e: Event, etype: str, source: str | None, target: str | None) -> bool:
    if e.type.value != etype:
        return False
    sides = {_country(e, "source"), _country(e, "target")} if e.reciprocal else None
    ok_s = source is None or _country(e, "source") == source or (sides is not None and source in sides)
    ok_t = target is None or _country(e, "target") == target or (sides is not None and target in sides)
    return ok_s and ok_t


@pytest.mark.parametrize(("text", "etype", "source", "target"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_sentence_type_and_actors(code, text, etype, source, target):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(_matches(e, etype, source, target) for e in events), [
        (e.type.value, e.cameo, _country(e, "source"), _country(e, "target"), e.evidence) for e in events]


def test_events_cover_every_plover_type():
    assert {c[1] for c in CASES} == {t.value for t in EventType}


def test_events_record_fields(code):  # type: ignore[no-untyped-def]
    analysed = code("Turkey hosted the Iraqi foreign minister in Ankara.")
    (event,) = [e for e in analysed.events if e.type == EventType.CONSULT]
    text = analysed.article.text
    assert event.cameo == "043" and event.mode == "visit"
    assert event.goldstein is not None and event.quad_class == 1
    assert text[event.trigger_span[0]:event.trigger_span[1]] == event.trigger == "hosted"
    assert analysed.docs[0][event.trigger_token].text == "hosted"
    assert event.span == (0, len(text)) and event.sentence == text
    assert "CAMEO 043" in event.evidence and "source=nsubj" in event.evidence
    assert event.target is not None and event.target.sector == "GOV"  # in-text role: foreign minister
    assert event.date.value is None and event.status is None and event.location is None


def test_events_ids_are_stable(code):  # type: ignore[no-untyped-def]
    a = code("Poland expelled two Russian diplomats.").events
    b = code("Poland expelled two Russian diplomats.").events
    assert [e.id for e in a] == [e.id for e in b] and a


def test_events_reporting_verb_is_not_an_event(code):  # type: ignore[no-untyped-def]
    events = code("Canada said on Monday that the weather in Ottawa was mild.").events
    assert events == ()


def test_events_reported_content_is_coded(code):  # type: ignore[no-untyped-def]
    events = code("Officials said Iran had arrested two British sailors.").events
    assert [(e.type.value, _country(e, "source"), _country(e, "target")) for e in events] == [
        ("COERCE", "IRN", "GBR")]


def test_events_need_an_actor(code):  # type: ignore[no-untyped-def]
    assert code("Someone attacked a village overnight.").events == ()


def test_events_sector_only_doer_is_kept_without_a_country(code):  # type: ignore[no-untyped-def]
    (e,) = code("Unknown gunmen attacked a village overnight.").events
    assert e.type.value == "ASSAULT" and e.source is not None
    assert e.source.sector == "UAF" and e.source.code is None and e.source.country is None


def test_events_adjective_is_no_trigger(code):  # type: ignore[no-untyped-def]
    assert code("Kenya is a peaceful and welcoming country.").events == ()


def test_events_reciprocal_compound_actors(code):  # type: ignore[no-untyped-def]
    events = code("Russia and China agreed to expand trade.").events
    assert len(events) == 1
    (e,) = events
    assert e.type == EventType.AGREE and e.reciprocal
    assert {_country(e, "source"), _country(e, "target")} == {"RUS", "CHN"}


def test_events_one_record_per_named_pair(code):  # type: ignore[no-untyped-def]
    events = code("France, Italy and Spain signed a treaty.").events
    pairs = {frozenset((_country(e, "source"), _country(e, "target"))) for e in events}
    assert pairs == {frozenset(p) for p in (("FRA", "ITA"), ("FRA", "ESP"), ("ITA", "ESP"))}
    assert all(e.reciprocal for e in events)


def test_events_several_per_sentence(code):  # type: ignore[no-untyped-def]
    events = code("Iran condemned Israel and sent weapons to Syria.").events
    got = {(e.type.value, _country(e, "source"), _country(e, "target")) for e in events}
    assert {("ACCUSE", "IRN", "ISR"), ("AID", "IRN", "SYR")} <= got


def test_events_subject_inherited_across_purpose_clause(code):  # type: ignore[no-untyped-def]
    events = code("The Chinese premier arrived in Hanoi to hold talks with Vietnam.").events
    assert [(e.type.value, _country(e, "source"), _country(e, "target")) for e in events] == [
        ("CONSULT", "CHN", "VNM")]  # the talks are the same visit: one event


def test_events_relative_clause(code):  # type: ignore[no-untyped-def]
    events = code("The summit, during which Kenya and Uganda signed a peace treaty, ended.").events
    assert any(e.type == EventType.SUPPORT and e.reciprocal and
               {_country(e, "source"), _country(e, "target")} == {"KEN", "UGA"} for e in events)


def test_events_content_of_a_demand_is_not_an_event(code):  # type: ignore[no-untyped-def]
    events = code("Germany urged Serbia to withdraw its troops from the border.").events
    assert [e.type.value for e in events] == ["REQUEST"]


def test_events_group_members_give_reciprocal_pairs(coder, parsed_article, nlp):  # type: ignore[no-untyped-def]
    # a group mention ("the two countries") as the actor stage resolves it: with members
    from eventwire.models import Actor, Mention

    analysed = parsed_article("The two countries signed a defence agreement.")
    group = Actor("The two countries", members=(Actor("Chile", code="CHL", country="CHL"),
                                                Actor("Peru", code="PER", country="PER")))
    mention = Mention(0, 0, 17, 0, 3, "The two countries", group, "test")
    events = coder(dataclasses.replace(analysed, mentions=(mention,))).events
    assert len(events) == 1 and events[0].reciprocal
    assert {events[0].source.code, events[0].target.code} == {"CHL", "PER"}


def test_events_skip_unparsed_and_boilerplate(coder, parsed_article):  # type: ignore[no-untyped-def]
    from eventwire.models import Actor, Mention, Section

    analysed = parsed_article("Chile attacked Peru.")
    m1 = Mention(0, 0, 5, 0, 1, "Chile", Actor("Chile", code="CHL", country="CHL"), "test")
    m2 = Mention(0, 15, 19, 2, 3, "Peru", Actor("Peru", code="PER", country="PER"), "test")
    ready = dataclasses.replace(analysed, mentions=(m1, m2))
    assert len(coder(ready).events) == 1
    assert coder(dataclasses.replace(ready, parsed=frozenset())).events == ()
    boiler = dataclasses.replace(ready.sentences[0], section=Section.BOILERPLATE)
    assert coder(dataclasses.replace(ready, sentences=(boiler,))).events == ()


def test_events_may_hold_event(coder, nlp):  # type: ignore[no-untyped-def]
    assert coder.may_hold_event(nlp.make_doc("The ministers met in Geneva."))
    assert coder.may_hold_event(nlp.make_doc("Talks resumed."))
    assert not coder.may_hold_event(nlp.make_doc("The weather was mild and sunny."))
    assert not coder.may_hold_event(nlp.make_doc("He smiled."))
    # a reporting verb or a quotation may hold a statement (events/statements.py)
    assert coder.may_hold_event(nlp.make_doc("He said Iran must stop."))
    assert coder.may_hold_event(nlp.make_doc('"This is unacceptable," the minister added.'))


@pytest.mark.parametrize("text", [
    "An earthquake struck Nepal on Monday.",
    "Iran released a statement on Monday.",
    "Brazil is considering new rules for its ports.",
    "The storm hit the coast of Cuba overnight.",
])
def test_events_no_political_event(code, text):  # type: ignore[no-untyped-def]
    assert code(text).events == ()


def test_events_participle_marks_its_patient(code):  # type: ignore[no-untyped-def]
    events = code("The sanctions imposed on Iran by Canada hurt its economy.").events
    assert [(e.type.value, _country(e, "source"), _country(e, "target")) for e in events] == [
        ("SANCTION", "CAN", "IRN")]


def test_events_deliberation_codes_its_content(code):  # type: ignore[no-untyped-def]
    events = code("Japan is considering sending aid to Nepal.").events
    assert [(e.type.value, _country(e, "source"), _country(e, "target")) for e in events] == [
        ("AID", "JPN", "NPL")]


def test_events_future_cooperation_is_agree_and_future_force_is_threaten(code):  # type: ignore[no-untyped-def]
    agree = code("Chile will send food aid to Peru.").events
    threat = code("Chile would blockade the ports of Peru.").events
    assert [e.type.value for e in agree] == ["AGREE"] and "future intent" in agree[0].evidence
    assert [e.type.value for e in threat] == ["THREATEN"]


def test_events_must_said_by_another_is_a_request(code):  # type: ignore[no-untyped-def]
    events = code("Russia said Sudan must return the captured helicopter.").events
    assert [(e.type.value, _country(e, "source"), _country(e, "target")) for e in events] == [
        ("REQUEST", "RUS", "SDN")]


def test_events_stated_readiness_is_intent(code):  # type: ignore[no-untyped-def]
    events = code("Pakistan is willing to withdraw its troops from India.").events
    assert [(e.type.value, _country(e, "source")) for e in events] == [("AGREE", "PAK")]
    assert "willing" in events[0].evidence


def test_events_statement_speaks_for_its_issuer(code):  # type: ignore[no-untyped-def]
    events = code("Iran issued a statement condemning Israel.").events
    assert [(e.type.value, _country(e, "source"), _country(e, "target")) for e in events] == [
        ("ACCUSE", "IRN", "ISR")]
