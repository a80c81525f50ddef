"""The parties stage (events/parties.py): a record names the parties its type needs."""

from __future__ import annotations

import dataclasses

from eventwire.events.parties import has_parties, require_parties
from eventwire.models import Actor, AnalysedArticle, Article, Event, EventType

IRN = Actor(text="Iran", name="Iran", code="IRN", country="IRN")
USA = Actor(text="Washington", name="United States", code="USAGOV", country="USA", sector="GOV")
POLICE = Actor(text="police", code=None, country=None, sector="COP")


def event(kind: EventType, source: Actor | None, target: Actor | None) -> Event:
    return Event(id=f"{kind}-{source}-{target}", article_id="a", type=kind, sentence_index=0, sentence="s",
                 span=(0, 1), trigger="t", trigger_span=(0, 1), trigger_token=0, evidence="test", source=source,
                 target=target)


def test_a_relational_act_needs_a_target() -> None:
    assert not has_parties(event(EventType.ACCUSE, USA, None))
    assert not has_parties(event(EventType.CONSULT, USA, POLICE))  # a sector with no state is no party yet
    assert has_parties(event(EventType.ACCUSE, USA, IRN))


def test_an_agentless_attack_keeps_its_victim() -> None:
    assert has_parties(event(EventType.ASSAULT, None, IRN))
    assert not has_parties(event(EventType.PROTEST, None, IRN))
    assert has_parties(event(EventType.MOBILIZE, IRN, None))  # drills: a unilateral act


def test_a_bare_state_acting_on_itself_is_a_misreading() -> None:
    assert not has_parties(event(EventType.SUPPORT, IRN, IRN))
    assert has_parties(event(EventType.COERCE, USA, Actor(text="Americans", code="USACVL", country="USA",
                                                             sector="CVL")))


def test_the_stage_keeps_only_complete_records() -> None:
    article = Article(id="a", content_hash="a", text="", raw="", origin="<test>")
    kept = require_parties(AnalysedArticle(article=article, events=(event(EventType.ACCUSE, USA, None),
                                                                    event(EventType.ACCUSE, USA, IRN))))
    assert [(e.source, e.target) for e in kept.events] == [(USA, IRN)]


KEN_GOV = Actor(text="Kenyan authorities", code="KENGOV", country="KEN", sector="GOV")
CIVILIANS = Actor(text="civilians", sector="CVL")


def _with_mentions(*events: Event, states: tuple[str, ...] = ()) -> AnalysedArticle:
    from eventwire.models import Mention

    article = Article(id="a", content_hash="a", text="", raw="", origin="<test>")
    mentions = tuple(Mention(sentence=0, start=0, end=1, token_start=0, token_end=1, text=c,
                             actor=Actor(text=c, code=c, country=c), evidence="dictionary:country") for c in states)
    return AnalysedArticle(article=article, events=events, mentions=mentions)


def test_a_state_coercing_people_named_by_sector_coerces_its_own() -> None:
    out = require_parties(_with_mentions(event(EventType.COERCE, KEN_GOV, CIVILIANS), states=("KEN",)))
    assert [(e.target.code if e.target else None) for e in out.events] == ["KENCVL"]


def test_with_another_state_in_the_sentence_whose_people_stays_unknown() -> None:
    out = require_parties(_with_mentions(event(EventType.COERCE, KEN_GOV, CIVILIANS), states=("KEN", "SOM")))
    assert [(e.target.code if e.target else None) for e in out.events] == [None]


def test_a_state_sanctioning_its_own_people_restricts_them() -> None:
    own = Actor(text="girls", code="AFGCVL", country="AFG", sector="CVL")
    gov = Actor(text="Afghan authorities", code="AFGGOV", country="AFG", sector="GOV")
    (e,) = require_parties(_with_mentions(event(EventType.SANCTION, gov, own))).events
    assert (e.type, e.cameo) == (EventType.COERCE, "172")
    (e,) = require_parties(_with_mentions(event(EventType.SANCTION, USA, IRN))).events
    assert e.type == EventType.SANCTION  # between states a sanction stays one


def test_one_named_actor_on_both_sides_is_a_misreading() -> None:
    envoy = Actor(text="the envoy", name="Ana Ruiz", code="CHLGOV", country="CHL", sector="GOV", role="envoy")
    assert not has_parties(event(EventType.SUPPORT, envoy, dataclasses.replace(envoy, text="she")))
    assert has_parties(event(EventType.COERCE, KEN_GOV, KEN_GOV))  # two generic bodies of one code may be two


def test_talks_with_an_audience_are_no_consultation() -> None:
    reporters = Actor(text="reporters", code="USAJRN", country="USA", sector="JRN")
    assert not has_parties(event(EventType.CONSULT, USA, reporters))


def _governed(*events: Event) -> list[Event]:
    from eventwire.events.parties import states_as_governments

    article = Article(id="a", content_hash="a", text="s", raw="s", origin="<t>")
    return list(states_as_governments(AnalysedArticle(article=article, sentences=(), events=events)).events)


GHA = Actor(text="Ghana", name="Ghana", code="GHA", country="GHA")
TGO_PEOPLE = Actor(text="Togolese", name="Togo", code="TGOCVL", country="TGO", sector="CVL")


def test_a_state_named_bare_in_diplomacy_acts_through_its_government() -> None:
    (e, threat) = _governed(event(EventType.ACCUSE, GHA, IRN), event(EventType.THREATEN, GHA, IRN))
    assert (e.source and e.source.code, e.target and e.target.code) == ("GHAGOV", "IRNGOV")
    assert "GOV" in e.evidence
    assert (threat.source and threat.source.code, threat.target and threat.target.code) == ("GHAGOV", "IRNGOV")


def test_force_and_peoples_keep_their_codes() -> None:
    # an attack by a state named bare is not told as its government's; a people stays a people; the place
    # aid goes to is no addressee
    attack, people, aid = _governed(event(EventType.ASSAULT, GHA, IRN), event(EventType.ACCUSE, TGO_PEOPLE, GHA),
                                    event(EventType.AID, GHA, IRN))
    assert (attack.source and attack.source.code, attack.target and attack.target.code) == ("GHA", "IRN")
    assert people.source is not None and people.source.code == "TGOCVL"
    assert aid.target is not None and aid.target.code == "IRN" and aid.source is not None and aid.source.code == "GHAGOV"


def test_an_act_towards_a_sector_alone_is_towards_the_actors_own_people() -> None:
    # "the Ethiopian government refused to negotiate with the rebels": no other state named, so its own rebels
    eth = Actor(text="the Ethiopian government", code="ETHGOV", country="ETH", sector="GOV")
    rebels = Actor(text="the rebels", code=None, country=None, sector="REB")
    article = Article(id="a", content_hash="a", text="s", raw="s", origin="<t>")
    kept = require_parties(AnalysedArticle(article=article, events=(event(EventType.REJECT, eth, rebels),)))
    (e,) = kept.events
    assert e.target is not None and e.target.code == "ETHREB"


def test_a_state_bodys_act_on_a_body_named_by_sector_alone_is_on_its_own() -> None:
    # "the Tunisian president dissolved parliament": no other state named, so Tunisia's parliament
    tun = Actor(text="the Tunisian president", code="TUNGOV", country="TUN", sector="GOV")
    parliament = Actor(text="parliament", code=None, country=None, sector="LEG")
    article = Article(id="a", content_hash="a", text="s", raw="s", origin="<t>")
    (e,) = require_parties(AnalysedArticle(article=article, events=(event(EventType.COERCE, tun, parliament),))).events
    assert e.target is not None and e.target.code == "TUNLEG"
