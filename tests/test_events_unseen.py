"""Vocabulary and rules from unseen text (issue 3: the tune halves of NGEC's synthetic PLOVER stories and
ConfliBERT's CAMEO sentences, read through ``benchmarks/event_types.py``), each written from the PLOVER
codebook's modes rather than from one sentence. Short original sentences: type and actor codes."""

from __future__ import annotations

import pytest

from eventwire.models import Event


def _rows(events: tuple[Event, ...]) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.type.value, e.trigger, e.source.code if e.source else None,
             e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize(("text", "trigger", "etype", "source", "target"), [
    # MOBILIZE: reinforcements sent, armed men recruited, weapons tested, readiness raised
    ("The Turkish army sent reinforcements to the Syrian border.", "sent", "MOBILIZE", "TURMIL", "SYR"),
    ("The Ethiopian government recruited thousands of militia fighters.", "recruited", "MOBILIZE", "ETHGOV", None),
    ("India test-fired a nuclear-capable missile.", "fired", "MOBILIZE", "IND", None),
    ("Iran conducted a missile test on Sunday.", "conducted", "MOBILIZE", "IRN", None),
    ("Serbia raised the combat readiness of its army.", "raised", "MOBILIZE", "SRB", "SRBMIL"),
    # RETREAT: forces leaving a place, access granted, a siege lifted, things and people handed back
    ("American troops left Afghanistan last month.", "left", "RETREAT", "USAMIL", "AFG"),
    ("The Turkish government granted access to UN inspectors.", "granted", "RETREAT", "TURGOV", "UNO"),
    ("The Iraqi army lifted the siege of Fallujah.", "lifted", "RETREAT", "IRQMIL", "IRQ"),
    ("Colombia handed back the seized territory to Venezuela.", "handed back", "RETREAT", "COL", "VEN"),
    ("Armenia returned the bodies of Azerbaijani soldiers.", "returned", "RETREAT", "ARM", "AZEMIL"),
    ("The Syrian government declared an amnesty for deserters.", "declared", "RETREAT", "SYRGOV", None),
    # COERCE: a search of a home, an area sealed off; ASSAULT: a hijacking is an abduction
    ("Indian police searched the home of the Kashmiri leader.", "searched", "COERCE", "INDCOP", None),
    ("Indian troops sealed off the village.", "sealed off", "COERCE", "INDMIL", None),
    ("Somali pirates hijacked a Greek tanker.", "hijacked", "ASSAULT", "SOMCRM", "GRCBUS"),
    # CAMEO code names in everyday phrasing: shows of force, rallying support, accepting foreign forces, acceding
    ("The Egyptian army staged a military parade near the Libyan border.", "staged", "MOBILIZE", "EGYMIL", None),
    ("Iran unveiled a new long-range missile.", "unveiled", "MOBILIZE", "IRN", None),
    ("Israeli warplanes flew over Beirut in a show of force.", "show", "MOBILIZE", "ISRMIL", None),
    ("Syrian troops went on high alert after the Israeli strike.", "went", "MOBILIZE", "SYRMIL", None),
    ("The Iranian president rallied support for the Palestinians.", "rallied", "SUPPORT", "IRNGOV", "PSECVL"),
    ("Sudan accepted the deployment of UN peacekeepers in Darfur.", "accepted", "RETREAT", "SDN", "UNO"),
    ("The Kenyan government agreed to the demands of the Kenyan doctors.", "agreed", "CONCEDE", "KENGOV", "KENMED"),
    # PROTEST: workers' strikes launched, protesters storming, occupying or blockading
    ("Nigerian oil workers launched a strike.", "launched", "PROTEST", "NGALAB", None),
    ("South Korean workers walked off the job.", "walked", "PROTEST", "KORLAB", None),
    ("Protesters stormed the Iraqi parliament.", "stormed", "PROTEST", None, "IRQLEG"),
    ("Farmers blockaded the roads into Paris.", "blockaded", "PROTEST", "FRAAGR", "FRAGOV"),
    # more MOBILIZE: troops massing, riot police sent, war games, a phrasal verb's passive ("was stepped up")
    ("Turkish troops massed on the Syrian border.", "massed", "MOBILIZE", "TURMIL", "SYR"),
    ("Riot police were sent to the Nigerian university.", "sent", "MOBILIZE", None, "NGAEDU"),
    ("The Iranian navy held war games in the Gulf.", "held", "MOBILIZE", "IRNMIL", None),
    ("The Iranian navy held joint war games with Russia.", "held", "COOPERATE", "IRNMIL", "RUS"),
    ("Security was stepped up in the Kenyan capital.", "stepped up", "MOBILIZE", None, "KEN"),
    # RETREAT/CONCEDE: the dead handed over, weapons handed in or given up, offensives halted, bans lifted
    ("Israel handed over the bodies of three Hezbollah fighters to Lebanon.", "handed over", "RETREAT", "ISR",
     "LBNREB"),
    ("The Liberian rebels handed in their weapons.", "handed in", "RETREAT", "LBRREB", None),
    ("The Angolan rebels gave up their arms.", "gave up", "RETREAT", "AGOREB", None),
    ("Turkey halted its military operation in northern Iraq.", "halted", "RETREAT", "TUR", "IRQ"),
    ("Israel suspended its air strikes on Gaza.", "suspended", "RETREAT", "ISR", "PSE"),
    ("The Kenyan government unbanned the opposition party.", "unbanned", "CONCEDE", "KENGOV", None),
    # PROTEST: workers striking, strikes called, slogans shouted, protest marches, food refused
    ("Chilean miners struck on Monday.", "struck", "PROTEST", "CHL", None),
    ("Indian opposition parties called a nationwide strike.", "called", "PROTEST", "INDOPP", None),
    ("The Nigerian labour congress called for a nationwide strike.", "called", "REQUEST", "NGALEG", None),
    ("Tibetan monks led a protest march in Lhasa.", "march", "PROTEST", "CHNREL", None),
    # COOPERATE/AID: cooperation increased, a joint commission set up, money disbursed
    ("The United States and Mexico increased cooperation on border security.", "increased", "SUPPORT", "USA", "MEX"),
    ("Brazil and Argentina set up a joint commission on trade.", "set up", "COOPERATE", "BRA", "ARG"),
    ("The EU disbursed 20 million euros to the Palestinian Authority.", "disbursed", "AID", "EUR", "PSEGOV"),
    # holding someone responsible blames them (no detention)
    ("Pakistan held India responsible for the attack.", "held", "ACCUSE", "PAK", "IND"),
    ("Turkish planes flew aid to Gaza.", "flew", "AID", "TUR", "PSE"),
    # strikes cancelled, medical teams deployed, experts sent to investigate, firing across a line, contributions
    ("Kenyan doctors cancelled their strike.", "cancelled", "CONCEDE", "KENMED", None),
    ("The Nigerian government deployed doctors to the flooded region.", "deployed", "AID", "NGAGOV", None),
    ("France sent military experts to investigate the attacks.", "sent", "ACCUSE", "FRA", None),
    ("Syria and Israel fired across the ceasefire line.", "fired", "ASSAULT", "SYR", "ISR"),
    ("Germany made a contribution of 50 million euros to the World Food Programme.", "contribution", "AID", "DEU",
     "UNO"),
])
def test_unseen_vocabulary(code, text, trigger, etype, source, target):  # type: ignore[no-untyped-def]
    events = code(text).events
    found = [e for e in events if e.trigger == trigger]
    assert found, _rows(events)
    e = found[0]
    assert e.type.value == etype, _rows(events)
    assert (e.source.code if e.source else None) == source, _rows(events)
    assert (e.target.code if e.target else None) == target, _rows(events)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Mexican police were searching for the suspects.", "searching"),  # looking for someone is no threat
    ("The Kenyan president left Nairobi for Addis Ababa.", "left"),  # a person leaving is no withdrawal
    ("The attack killed five people, according to the Nigerian military.", "according"),  # no military aid
    ("The new Kenyan president was sworn in on Tuesday.", "sworn in"),  # an oath of office promises nothing
    ("Thousands of Syrian refugees settled in the Turkish border town.", "settled"),  # living somewhere
    # CAMEO defaults too loose for news: none of these tells an event of its own
    ("A committee established by the Kenyan parliament met on Monday.", "established"),
    ("The angry Kenyan crowd smashed cars, breaking windows.", "breaking"),
    ("The Thai army restored order in Bangkok.", "restored"),
    ("The Kenyan president dismissed the finance minister.", "dismissed"),
    ("Iraq and Iran eased tensions.", "eased"),
    ("The arrest of the Iraqi minister could lead to his resignation.", "lead"),
    ("Indian jets forced a Georgian cargo plane flying from Karachi to New Delhi to land.", "flying"),  # a route
    ("The Nigerian police deployed a new tactic against the protesters.", "deployed"),
    # a relative clause's subject is its antecedent: a disaster that kills is no attack
    ("The earthquake that killed 300 Iranian villagers struck at night.", "killed"),
])
def test_senses_that_are_no_event(code, text, trigger):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert not [e for e in events if e.trigger == trigger], _rows(events)


def test_the_political_senses_keep_their_rows(code):  # type: ignore[no-untyped-def]
    events = code("Israel and Lebanon settled their maritime dispute.").events
    assert [e.type.value for e in events if e.trigger == "settled"][:1] == ["AGREE"], _rows(events)
    events = code("North Korea swore to attack South Korea.").events
    assert [e.type.value for e in events if e.trigger == "swore"][:1] == ["THREATEN"], _rows(events)


@pytest.mark.parametrize(("text", "trigger", "etype"), [
    # the same words with an armed or state doer keep their readings
    ("Israel launched a strike on Gaza.", "launched", "ASSAULT"),
    ("Iraqi troops stormed the rebel stronghold.", "stormed", "ASSAULT"),
    ("Russian troops occupied the Ukrainian town.", "occupied", "COERCE"),
    ("The Israeli navy blockaded the Gaza coast.", "blockaded", "COERCE"),
    ("Thousands of Kenyan workers went on strike.", "went", "PROTEST"),
])
def test_armed_doers_keep_their_readings(code, text, trigger, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert [e.type.value for e in events if e.trigger == trigger][:1] == [etype], _rows(events)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("UN sanctions against Iran were lifted in January.", "UNO", "IRN"),
    ("The Israeli blockade of Gaza was eased on Sunday.", "ISR", "PSE"),
])
def test_an_agentless_undoing_is_done_by_the_measure_holder(code, text, source, target):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert [(e.type.value, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events] == [("RETREAT", source, target)], _rows(events)


def test_cannot_accept_is_a_refusal(code):  # type: ignore[no-untyped-def]
    events = code("Iran cannot accept the American proposal.").events
    assert [(e.type.value, e.source.code if e.source else None) for e in events] == [("REJECT", "IRN")], \
        _rows(events)
    events = code("Iran accepted the American proposal.").events
    assert [e.type.value for e in events] == ["AGREE"], _rows(events)


@pytest.mark.parametrize(("text", "trigger", "source", "target"), [
    ("The former Iraqi minister faces charges of corruption.", "faces", None, "IRQ"),
    ("The Kenyan opposition leader came under fire from the Kenyan government.", "came", "KEN", "KEN"),
])
def test_the_subject_who_undergoes_an_accusation_is_its_target(code, text, trigger, source, target):  # type: ignore[no-untyped-def]
    events = code(text).events
    found = [e for e in events if e.trigger == trigger]
    assert found and found[0].type.value == "ACCUSE", _rows(events)
    e = found[0]
    assert (e.source.country if e.source else None) == source, _rows(events)
    assert e.target is not None and e.target.country == target, _rows(events)
    assert e.target.text.endswith(("minister", "leader")), _rows(events)  # the subject, not the accuser



def test_a_relative_clause_keeps_its_doer(code):  # type: ignore[no-untyped-def]
    events = code("Israeli troops who attacked the Palestinian village withdrew.").events
    attacked = [e for e in events if e.trigger == "attacked"]
    assert attacked and attacked[0].type.value == "ASSAULT", _rows(events)
    assert attacked[0].source is not None and attacked[0].source.country == "ISR", _rows(events)


@pytest.mark.parametrize(("text", "etype"), [
    ("Hundreds of Kashmiri students shouted anti-Indian slogans.", "PROTEST"),
    ("The Kurdish prisoners refused food.", "PROTEST"),
    ("Israeli jets struck Gaza.", "ASSAULT"),  # an armed doer keeps the attack
])
def test_protest_by_sector_only_doers(code, text, etype):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert [e.type.value for e in events][:1] == [etype], _rows(events)
