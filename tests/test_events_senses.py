"""Word senses of general news that are no event (issue 3): sports, shows, accidents and disasters,
outages, information given to the press, and CAMEO defaults that misread real news (pay, join, intervene,
prevent, suggest, survive). For each sense rule, the political sense of the same word is still coded and
the other sense is not. Sentences are our own; the cases come from an audit of the ECB+ dev topics of the
tune half (awards, sports, celebrity arrests, earthquakes, fires, cable outages), see the curated lexicon."""

from __future__ import annotations

import pytest

from eventwire.models import Event

# (sentence, PLOVER type, CAMEO code): the political sense of a word that has a sense rule
CASES: list[tuple[str, str, str]] = [
    ("Russia and Iran signed a defence pact in Tehran.", "COOPERATE", "062"),
    ("Egypt hosted the Sudanese president in Cairo.", "CONSULT", "043"),
    ("The Chinese premier met the Indian prime minister in Beijing.", "CONSULT", "040"),
    ("Syrian troops defeated the rebels near Aleppo.", "ASSAULT", "190"),
    ("Three protesters were injured in clashes with the police in Nairobi.", "ASSAULT", "190"),
    ("Fighting broke out between Armenian and Azerbaijani troops.", "ASSAULT", "190"),
    ("Iran declined to negotiate with the United States.", "REJECT", "120"),
    ("Pakistan asked China for a loan.", "REQUEST", "020"),
    ("Japan offered aid to the Philippines.", "AGREE", "030"),
    ("The Russian president arrived in Beijing for talks.", "CONSULT", "042"),
    ("Israeli jets hit targets in Gaza.", "ASSAULT", "195"),
    ("Police shot a man in Lagos.", "ASSAULT", "193"),
    ("Syrian troops surrounded the rebel-held town.", "MOBILIZE", "150"),
    ("Poland joined the coalition against the rebels.", "SUPPORT", "050"),
    ("Iraq paid compensation to Kuwait.", "RETREAT", "0842"),
    ("Egyptian police prevented the opposition from holding a rally.", "COERCE", "172"),
    ("Germany granted asylum to the Russian dissident.", "AID", "075"),
    ("Ukraine returned 40 prisoners to Russia in an exchange.", "RETREAT", "0842"),
    ("Hundreds of Kurdish prisoners participated in a hunger strike in Turkey.", "PROTEST", "142"),
    ("The Egyptian and Jordanian foreign ministers spoke by video link on Monday.", "CONSULT", "041"),
    ("Turkish and Egyptian intelligence officers have been talking together.", "CONSULT", "040"),
    ("The Afghan president pointed a finger at the Taliban over the bombing.", "ACCUSE", "112"),
    ("The Somali government placed blame on the leaders of Puntland.", "ACCUSE", "112"),
    ("Russia's delivery of missile systems to Turkey angered Washington.", "AID", "072"),
    ("The French president suggested that Iran should resume talks.", "REQUEST", "020"),
    ("Mali withdrew from ECOWAS in January.", "SANCTION", "161"),
    ("The Kenyan president does not want to meet the Ugandan opposition leader.", "REJECT", "125"),
    ("Iran will not bow to U.S. pressure.", "REJECT", "124"),
    ("Indian opposition parties called a nationwide strike.", "PROTEST", "143"),
    ("The African Union's calls for a ceasefire in Sudan went unheeded.", "REQUEST", "020"),
    ("The Kenyan government bowed to pressure from Ugandan officials.", "CONCEDE", "083"),
    ("Kenya's expulsion of two Ugandan diplomats angered Kampala.", "SANCTION", "161"),
    ("The Ethiopian government's release of 40 Eritrean prisoners was welcomed.", "RETREAT", "0841"),
    ("China's funding for Pakistani ports grew.", "AID", "071"),
    ("Britain left the European Union in 2020.", "SANCTION", "161"),
    ("Japan's donation to the Philippines came in March.", "AID", "070"),
]

# (sentence, CAMEO code that must NOT be coded): the other sense of the same words
NOT_CASES: list[tuple[str, str]] = [
    ("The New Orleans Saints signed rookie linebacker Tom Hardy from the Chicago practice squad.", "057"),
    ("The Miami Dolphins released rookie linebacker Sam Cole in Florida on Monday.", "0841"),
    ("An American comedian will host the Oscars in Los Angeles in February.", "036"),
    ("The Boston Celtics will meet the Lakers in the semifinal in Los Angeles on Sunday.", "036"),
    ("The French team beat Italy in the final in Paris.", "190"),
    ("The Kenyan senator defeated the bill in Nairobi.", "190"),
    ("The Brazilian striker broke the club scoring record in Madrid.", "190"),
    ("The Canadian quarterback was injured in a preseason game in Toronto.", "190"),
    ("A British tourist was killed in a fall in Nepal.", "190"),
    ("Kenyan firefighters fought the blaze at the warehouse in Nairobi.", "190"),
    ("Mexican residents evacuated their homes after the earthquake.", "0872"),
    ("The Egyptian spokesman declined to confirm the report.", "120"),
    ("The Iraqi official asked not to be named.", "020"),
    ("Hundreds of Somali refugees arrived in Kenya in 2011.", "042"),
    ("Afghan police arrived at the site after four hours.", "042"),
    ("Girls in Kabul attended school again on Monday.", "042"),
    ("The Malaysian plan met with opposition from China's mission.", "040"),
    ("Forty Venezuelan detainees were flown to Texas on Wednesday.", "042"),
    ("The Turkish president suggested the French leader needed treatment.", "020"),
    ("Kenyan troops withdrew from the United Nations mission's base.", "161"),
    ("The Kenyan government issued a press release on Monday.", "0841"),
    ("The Kenyan president does not want to meet the Ugandan opposition leader.", "040"),
    ("A Kenyan official, who requested anonymity, said talks were planned.", "020"),
    ("The Malawian government has until Friday to appeal the court's order.", "020"),
    ("The U.S. Senate passed legislation targeting Turkey over the missiles.", "190"),
    ("Ghanaian commentators suggested that the president's ambitions may be behind the plan.", "020"),
    ("Asked about the Iranian sanctions, the French minister said nothing.", "020"),
    ("An Indian company will provide internet services to Kenya.", "033"),
    ("The Nigerian police offered no details about the suspects.", "030"),
    ("The British police arrived at the scene in London within minutes.", "042"),
    ("Undersea cable damage disrupted internet services in Egypt.", "160"),
    ("The Indian broadcast hit a record low in Mumbai.", "190"),
    ("The Moroccan director shot the film in Morocco.", "193"),
    ("The Texas police pulled over the Mexican driver.", "171"),
    ("The Jamaican sprinter failed a drug test in London.", "120"),
    ("The Chilean actor joined the cast of the film in Santiago.", "040"),
    ("Iranian soldiers survived the attack on their base.", "150"),
    ("The Russian report suggested that the Ukrainian economy was slowing.", "020"),
    ("Indian factories struggled to meet up with the demand for vaccines in Africa.", "083"),
    ("Indian factories struggled to meet up with the demand for vaccines in Africa.", "111"),
    ("The German bank paid $5 million to the Swiss firm.", "061"),
    ("The Swiss central bank intervened in the currency market.", "070"),
    ("The Indian Navy prevented an attack by pirates on a merchant vessel.", "053"),
    ("Speculation surrounded the health of the Saudi king.", "190"),
    ("The French president offered condolences to the Turkish people.", "030"),
]


def _show(events: tuple[Event, ...]) -> list[tuple[str, str | None, str]]:
    return [(e.type.value, e.cameo, e.evidence) for e in events]


@pytest.mark.parametrize(("text", "etype", "cameo"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_senses_political_sense_is_coded(code, text, etype, cameo):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert any(e.type.value == etype and e.cameo == cameo for e in events), _show(events)


@pytest.mark.parametrize(("text", "cameo"), NOT_CASES, ids=[f"{c[0][:40]}-{c[1]}" for c in NOT_CASES])
def test_events_senses_other_sense_codes_no_such_event(code, text, cameo):  # type: ignore[no-untyped-def]
    events = code(text).events
    assert all(e.cameo != cameo for e in events), _show(events)


def test_events_senses_no_event_for_a_sports_injury_or_a_show(code):  # type: ignore[no-untyped-def]
    text = ("The Canadian quarterback was injured in a preseason game in Toronto.\n"
            "An American comedian will host the Oscars in Los Angeles in February.\n"
            "The Brazilian striker broke the club scoring record in Madrid.")
    events = code(text).events
    assert events == (), _show(events)


def test_events_senses_condolences_are_an_empathetic_comment(code):  # type: ignore[no-untyped-def]
    # CAMEO 018 (a statement): no PLOVER event, and not the intent reading of 'offer'
    events = code("The French president offered condolences to the Turkish people.").events
    assert not [e for e in events if e.trigger == "offered"], _show(events)


@pytest.mark.parametrize("text", [
    'Trump welcomed Erdogan at the White House for what he called a "wonderful meeting."',
    "Demonstrators in Khartoum celebrated what they called a new victory for Sudan.",
    "The Chinese foreign minister called the talks with Japan a waste of time.",
])
def test_what_something_is_called_is_no_act_of_calling(code, text: str) -> None:  # type: ignore[no-untyped-def]
    # an object predicative names the object ("what he called a meeting"): no meeting convened, no call for
    events = [(e.type.value, e.trigger) for e in code(text).events]
    assert not any(kind in ("AGREE", "REQUEST") and trigger == "called" for kind, trigger in events), events


def test_calling_a_meeting_still_convenes_it(code) -> None:  # type: ignore[no-untyped-def]
    events = [(e.type.value, e.trigger) for e in code("The Kenyan president called an emergency meeting.").events]
    assert ("AGREE", "called") in events, events
