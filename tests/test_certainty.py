"""Status · certainty · attribution on short sentences of our own (hand-built events over parsed docs).

Each case names the trigger word; the event is built on it by hand so that this stage is tested on
its own, whatever the event coder does. ``tests/test_certainty_heldout.py`` holds a frozen set that
the rules were never tuned on."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pytest

from eventwire.certainty import CertaintyTagger
from eventwire.config import Settings
from eventwire.ids import content_hash
from eventwire.models import (
    Actor,
    AnalysedArticle,
    Event,
    EventType,
    Mention,
    Section,
)


@dataclass(frozen=True)
class Case:
    text: str  # one sentence per line
    trigger: str  # the trigger word (first occurrence)
    status: str
    certainty: str
    attribution: str | None = None
    section: str = "body"
    source: str | None = None  # "TEXT/CCC": the event's source actor
    target: str | None = None
    mentions: tuple[str, ...] = ()  # "TEXT/CCC/SEC": actor mentions in the text


@lru_cache(maxsize=1)
def tagger() -> CertaintyTagger:
    return CertaintyTagger(Settings())


def _actor(spec: str | None) -> Actor | None:
    if spec is None:
        return None
    text, _, country = spec.partition("/")
    return Actor(text=text, name=text, country=country or None)


def build_event(analysed: AnalysedArticle, trigger: str, *, section: str = "body", source: str | None = None,
                target: str | None = None, n: int = 0) -> Event:
    """An event on the ``n``-th token whose text is ``trigger``."""
    seen = 0
    for s in analysed.sentences:
        for tok in analysed.docs[s.index]:
            if tok.text != trigger:
                continue
            if seen == n:
                start = s.start + tok.idx
                return Event(
                    id=content_hash(s.index, tok.i), article_id=analysed.article.id, type=EventType.CONSULT,
                    sentence_index=s.index, sentence=s.text, span=(s.start, s.end), trigger=tok.text,
                    trigger_span=(start, start + len(tok.text)), trigger_token=tok.i, evidence="test",
                    section=Section(section), source=_actor(source), target=_actor(target))
            seen += 1
    raise AssertionError(f"no token {trigger!r} in {analysed.article.text!r}")


def build_mentions(analysed: AnalysedArticle, specs: tuple[str, ...]) -> tuple[Mention, ...]:
    out = []
    for spec in specs:
        text, country, sector = spec.split("/")
        start = analysed.article.text.index(text)
        s = next(s for s in analysed.sentences if s.start <= start < s.end)
        span = analysed.docs[s.index].char_span(start - s.start, start - s.start + len(text), alignment_mode="expand")
        assert span is not None
        out.append(Mention(sentence=s.index, start=start, end=start + len(text), token_start=span.start,
                           token_end=span.end, text=text, actor=Actor(text=text, country=country, sector=sector),
                           evidence="test"))
    return tuple(out)


def run_case(build: Callable[..., AnalysedArticle], case: Case) -> dict[str, Any]:
    analysed = build(case.text)
    event = build_event(analysed, case.trigger, section=case.section, source=case.source, target=case.target)
    analysed = dataclasses.replace(analysed, events=(event,), mentions=build_mentions(analysed, case.mentions))
    (out,) = tagger()(analysed).events
    return {"status": out.status.value, "certainty": out.certainty.value, "attribution": out.attribution,
            "evidence": out.evidence}


def standalone_parsed_article(nlp: Any) -> Callable[..., AnalysedArticle]:
    """The ``parsed_article`` fixture's builder, for running the tables outside pytest."""
    from eventwire.parse import analyse_lines

    def build(text: str, published: date | None = None) -> AnalysedArticle:
        return analyse_lines(nlp, text, published)

    return build


CASES: list[Case] = [
    # --- occurred: past, perfect, headline present, nominal events in a past/present clause
    Case("Chinese and Russian diplomats met in Geneva on Friday.", "met", "occurred", "certain"),
    Case("Turkey has expelled two Swedish envoys.", "expelled", "occurred", "certain"),
    Case("Brazilian president visits Luanda", "visits", "occurred", "certain", section="headline"),
    Case("Chad expels French ambassador over border row", "expels", "occurred", "certain", section="headline"),
    Case("The protest follows a brief visit by the Kenyan foreign minister.", "visit", "occurred", "certain"),
    Case("Peru recalled its ambassador after the border clash.", "clash", "occurred", "certain"),
    Case("Oman hosted the previous round of talks.", "talks", "occurred", "certain"),
    Case("The visit comes two weeks after the ministers' earlier meeting.", "meeting", "occurred", "certain"),
    Case("The two governments expressed their intent to deepen security ties.", "expressed", "occurred",
         "certain"),
    Case("The mayor will address the council after the local elections.", "elections", "planned", "certain"),
    Case("The ministers will discuss the budget before taking a decision.", "taking", "planned", "certain"),
    Case("The party said he was trying to topple the cabinet.", "trying", "ongoing", "reported", "The party"),
    Case("Judges ruled according to the new statute, and the court closed the case.", "closed", "occurred",
         "certain"),
    # --- ongoing: progressive aspect, "continue to", ongoing/continued modifiers, "amid"
    Case("Iran has been supplying drones to the militia.", "supplying", "ongoing", "certain"),
    Case("Egyptian mediators are holding talks with both factions.", "holding", "ongoing", "certain"),
    Case("The ongoing blockade of the port worries traders.", "blockade", "ongoing", "certain"),
    Case("Farmers protested amid continued shelling of their villages.", "shelling", "ongoing", "certain"),
    Case("Both sides continue to exchange fire along the river.", "exchange", "ongoing", "certain"),
    Case("Two suspects are being questioned by the police.", "questioned", "ongoing", "certain"),
    # an appeal or accusation in the present progressive reports what was said
    Case("Chilean officials are urging residents to leave the coast.", "urging", "occurred", "certain"),
    Case("The rights group is calling on Peru to free the activists.", "calling", "occurred", "certain"),
    Case("Talks between the two unions are under way in Turin.", "Talks", "ongoing", "certain"),
    # --- planned: will, scheduled/set/due/expected to, upcoming, next week's, future in the past
    Case("The Nigerian leader will visit Accra in May.", "visit", "planned", "certain"),
    Case("Kenya is scheduled to host the summit on Monday.", "host", "planned", "certain"),
    Case("Kenya is scheduled to host the summit on Monday.", "summit", "planned", "certain"),
    Case("The ministers were expected to sign the accord later that day.", "sign", "planned", "certain"),
    Case("Next week's summit in Hanoi will focus on trade.", "summit", "planned", "certain"),
    Case("The planned visit by the Chilean president drew criticism.", "visit", "planned", "certain"),
    Case("Japan is set to resume fuel shipments to the islands.", "resume", "planned", "certain"),
    Case("The king will make a state visit to Rome.", "visit", "planned", "certain"),
    Case("The ministers discussed an upcoming visit to Lagos.", "visit", "planned", "certain"),
    Case("Brazil postponed the summit until December.", "summit", "planned", "certain"),
    Case("Argentina sends a trade delegation to Madrid next week.", "sends", "planned", "certain"),
    Case("The assembly would meet again on Wednesday after a short recess.", "meet", "planned", "certain"),
    Case("The museum is to reopen after the floods.", "reopen", "planned", "certain"),
    Case("Macron to visit Dakar for security talks", "visit", "planned", "certain", section="headline"),
    # --- intended: vow, seek, intent to, aimed at, purpose clauses, promise
    Case("The coalition vowed to retaliate against the rebels.", "retaliate", "intended", "certain"),
    Case("Ghana seeks to expand trade with Morocco.", "expand", "intended", "certain"),
    Case("The two governments expressed their intent to deepen security ties.", "deepen", "intended",
         "certain"),
    Case("The mission is aimed at restoring calm in the capital.", "restoring", "intended", "certain"),
    Case("The envoy travelled to Doha to negotiate a truce.", "negotiate", "intended", "certain"),
    Case("Norway promised to send more aid to the region.", "send", "intended", "certain"),
    Case("The general told his troops to hold the bridge.", "hold", "intended", "certain"),
    Case("The council ordered the militia to disarm.", "disarm", "intended", "certain"),
    # a bare infinitive after a verb of perception or causing happens as that verb says
    Case("Villagers hope to see the army withdraw its troops.", "withdraw", "intended", "certain"),
    Case("The blockade made the rebels surrender the town.", "surrender", "occurred", "certain"),
    # a purpose clause under a verb of assembling is done by assembling
    Case("Thousands of farmers rallied in Warsaw to denounce the trade deal.", "denounce", "occurred", "certain"),
    Case("Students gathered outside the embassy to condemn the arrests.", "condemn", "occurred", "certain"),
    # --- negated: not, never, refused/failed to, no … took place, called off, cancelled
    Case("The rebels did not attack the convoy.", "attack", "negated", "certain"),
    Case("Poland refused to extradite the suspect.", "extradite", "negated", "certain"),
    Case("No talks took place between the two delegations.", "talks", "negated", "certain"),
    Case("No shots were fired during the handover.", "fired", "negated", "certain"),
    Case("Nobody was arrested after the rally.", "arrested", "negated", "certain"),
    Case("The summit was called off at the last minute.", "summit", "negated", "certain"),
    Case("Vietnam cancelled the planned naval exercise.", "exercise", "negated", "certain"),
    Case("The army failed to capture the town.", "capture", "negated", "certain"),
    Case("Serbia never recognised the declaration.", "recognised", "negated", "certain"),
    Case("Moscow has yet to respond to the offer.", "respond", "negated", "certain"),
    Case("The ministers could not agree on a new budget.", "agree", "negated", "certain"),
    # --- hypothetical: could/might, if, threatened to … unless, possible
    Case("Seoul could impose sanctions on the firms.", "impose", "hypothetical", "certain"),
    Case("If talks collapse, the union would strike again.", "strike", "hypothetical", "certain"),
    Case("If talks collapse, the union would strike again.", "collapse", "hypothetical", "certain"),
    Case("The militia threatened to seize the airport unless its demands are met.", "seize", "hypothetical",
         "certain"),
    Case("Sweden might withdraw its troops from the mission.", "withdraw", "hypothetical", "certain"),
    Case("Troops will evacuate the town in case of renewed shelling.", "evacuate", "hypothetical", "certain"),
    Case("A possible ceasefire was discussed by the mediators.", "ceasefire", "hypothetical", "certain"),
    Case("Neighbouring states should not interfere in the election.", "interfere", "hypothetical", "certain"),
    Case("The two parties have to settle the dispute before the vote.", "settle", "hypothetical", "certain"),
    Case("The monks had to flee the monastery in 2019.", "flee", "occurred", "certain"),
    Case("It is our duty to shelter the refugees, the mayor said.", "shelter", "hypothetical", "reported",
         "the mayor"),
    # --- reported: according to, X reported/said/told, reportedly, as reported by, claimed, reports say
    Case("According to Reuters, the army shelled the port.", "shelled", "occurred", "reported", "Reuters"),
    Case("Local media reported that police arrested six protesters.", "arrested", "occurred", "reported",
         "Local media"),
    Case("The navy reportedly seized a tanker.", "seized", "occurred", "reported"),
    Case("Witnesses told Reuters that soldiers fired on the crowd.", "fired", "occurred", "reported",
         "Witnesses"),
    Case("Soldiers fired on the crowd, witnesses said.", "fired", "occurred", "reported", "witnesses"),
    Case("The talks ended without agreement, as reported by the state broadcaster CCTV.", "ended", "occurred",
         "reported", "CCTV"),
    Case("Rebels claimed that they downed a helicopter.", "downed", "occurred", "reported", "Rebels"),
    Case("Reports say the general was arrested at the airport.", "arrested", "occurred", "reported"),
    Case("Officials said the delegation would arrive on Sunday.", "arrive", "planned", "reported", "Officials"),
    Case("The commander is said to have fled the city.", "fled", "occurred", "reported"),
    Case("US officials said Russian troops crossed the border.", "crossed", "occurred", "reported",
         "US officials", source="Russian troops/RUS", mentions=("US officials/USA/GOV", "Russian troops/RUS/MIL")),
    Case("The Russian news agency TASS said Russian jets struck the port.", "struck", "occurred", "reported",
         "TASS", source="Russian jets/RUS", mentions=("Russian news agency TASS/RUS/JRN",)),
    Case("The checkpoint was closed on Monday, police sources said.", "closed", "occurred", "reported",
         "police sources"),
    Case("A government statement said the border crossing reopened.", "reopened", "occurred", "reported",
         "A government statement"),
    Case("Guerrillas attacked a convoy, though no casualties were reported.", "attacked", "occurred", "certain"),
    Case("The river port will reopen next month, the harbour master said on Friday.", "reopen", "planned",
         "reported", "the harbour master"),
    Case("The ministry accused Kyiv of shelling the plant.", "shelling", "occurred", "reported", "The ministry"),
    Case("Police blamed the rebels for the bombing.", "bombing", "occurred", "reported", "Police"),
    Case("Russia sends more troops to Kursk: report", "sends", "occurred", "reported", section="headline"),
    Case("North Korean leader visits Moscow - state media", "visits", "occurred", "reported", "state media",
         section="headline"),
    Case("Kenya and Tanzania sign a gas deal", "sign", "occurred", "certain", section="headline"),
    Case("The mayor was quoted as saying that the bridge had collapsed.", "collapsed", "occurred", "reported",
         "The mayor"),
    Case("The minister told reporters, adding that the army had withdrawn.", "withdrawn", "occurred",
         "reported", "The minister"),
    # --- unconfirmed: allegedly, claims remain unconfirmed (cross-clause), next-sentence, without evidence
    Case("The militia allegedly executed ten prisoners.", "executed", "occurred", "unconfirmed"),
    Case("Activists said drones struck a school.\nThese claims could not be independently verified.", "struck",
         "occurred", "unconfirmed", "Activists"),
    Case("The ministry claimed without evidence that saboteurs attacked the pipeline.", "attacked", "occurred",
         "unconfirmed", "The ministry"),
    Case("An alleged plot against the president was foiled.", "plot", "negated", "unconfirmed"),
    Case("Unconfirmed reports say Libyan forces entered the town.", "entered", "occurred", "unconfirmed"),
    Case("Rebels and the army each said they destroyed the bridge.\nNeither claim has been confirmed.",
         "destroyed", "occurred", "unconfirmed", "Rebels and the army"),
    Case("It is alleged that soldiers looted the shops.", "looted", "occurred", "unconfirmed"),
    Case("Israel neither confirmed nor denied the strike.", "strike", "occurred", "unconfirmed"),
    Case("The general is rumoured to have fled abroad.", "fled", "occurred", "unconfirmed"),
    Case("The man is suspected of planting the bomb.", "planting", "occurred", "unconfirmed"),
    Case("Rebels said they seized an airfield, which could not be independently verified.", "seized",
         "occurred", "unconfirmed", "Rebels"),
    # --- denied: X denied that …, rejected reports that …, double embedding, denied + gerund/noun
    Case("Moscow denied that its jets bombed the market.", "bombed", "occurred", "denied", "Moscow"),
    Case("Kyiv rejected reports that its troops had retreated.", "retreated", "occurred", "denied", "Kyiv"),
    Case("The general said Tehran denied that its drones hit the tanker.", "hit", "occurred", "denied",
         "Tehran"),
    Case("The company denied paying bribes to officials.", "paying", "occurred", "denied", "The company"),
    Case("Police denied involvement in the killing of the journalist.", "killing", "occurred", "denied",
         "Police"),
    Case("State media said rebels shelled a hospital.\nThe rebels denied the claims.", "shelled", "occurred",
         "denied", "The rebels"),
    Case("Officials said militants blew up a pipeline.\nThe army refuted the allegation that it had shelled a "
         "village.", "blew", "occurred", "reported", "Officials"),
    Case("US officials, speaking on condition of anonymity, said the jets returned to base.", "returned",
         "occurred", "reported", "US officials"),
    Case("Kim is believed to have ordered the test.", "ordered", "occurred", "reported"),
    Case("Hamas denied responsibility for the attack on the bus.", "attack", "occurred", "denied", "Hamas"),
    Case("The marchers were denied permission to enter the square.", "enter", "negated", "certain"),
    Case("The navy scrapped its plan to build a second base.", "build", "negated", "certain"),
    Case("The minister rejected the proposal of a curfew, saying shops had reopened.", "reopened", "occurred",
         "reported", "The minister"),
    Case("The envoy dismissed earlier statements that no refugees would be admitted.", "admitted",
         "negated", "denied", "The envoy"),
    # --- certain with attribution: an official party to the event states it
    Case("The defence ministry said its forces destroyed a radar station.", "destroyed", "occurred", "certain",
         "The defence ministry", source="its forces"),
    Case("The Kremlin said Putin met the Indian envoy.", "met", "occurred", "certain", "The Kremlin",
         source="Putin/RUS", mentions=("Kremlin/RUS/GOV", "Putin/RUS/GOV")),
    Case("According to a statement from the Egyptian foreign ministry, Egypt and Qatar signed a deal.", "signed",
         "occurred", "certain", "the Egyptian foreign ministry", source="Egypt/EGY", target="Qatar/QAT",
         mentions=("Egyptian foreign ministry/EGY/GOV",)),
    Case("Hamas said it fired rockets at the city.", "fired", "occurred", "certain", "Hamas"),
    Case("Russia says it will send more troops to the border.", "send", "planned", "certain", "Russia"),
    Case("The rebels claimed they shot down a drone.", "shot", "occurred", "reported", "The rebels"),
    Case("\"We struck the depot at dawn,\" the ministry said.", "struck", "occurred", "certain", "the ministry"),
    Case("\"We will retaliate,\" the general told reporters.", "retaliate", "planned", "certain", "the general"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.trigger}-{i}" for i, c in enumerate(CASES)])
def test_certainty_case(parsed_article, case: Case) -> None:  # type: ignore[no-untyped-def]
    got = run_case(parsed_article, case)
    assert (got["status"], got["certainty"], got["attribution"]) == (case.status, case.certainty,
                                                                    case.attribution), got["evidence"]
