"""Reactions to an earlier act, and appeals for an outcome.

**Reactions**: "France condemned the attack", "DHS dismissed the allegations", "the Taliban
denounced the delay". The act reacted to is named by a definite noun phrase and was told before; whoever did it
is the party reacted to. Event coreference of the simplest kind: the nearest earlier event (within
``WINDOW`` sentences) by another party, whose own trigger is a noun of the same stem or whose type is the
kind of act the noun names, gives the target the reaction lacked.

Only reactions (accusations, rejections, praise, demands about an act) with no target of their own and an
object that is a definite common noun ("the", "this", "that", "these", "those", a possessive) are read so;
what nothing before names stays unknown.

**Appeals for an outcome** ("called for Zamora's release", "demanded an end to the fighting in Sudan"): a
request with no addressee of its own is addressed to whoever can grant the outcome — for the release of a
person held in their own country, that state's government; for an end to a conflict or violence "in" a state,
that state (as CAMEO coders code such appeals). The outcome nouns are ``requests.outcome_nouns``; the evidence
says the target was read off the outcome.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..actors.titles import PLOVER_NONSTATE as NONSTATE
from ..models import Actor, AnalysedArticle, Event, EventType
from ..vocabulary import words

if TYPE_CHECKING:
    from spacy.tokens import Token

WINDOW = 3  # sentences back
OUTCOME_NOUNS = words("requests.outcome_nouns")
RELEASE_NOUNS = words("requests.release_nouns")
STATE_SECTORS = words("requests.state_sectors")
CLAIM_NOUNS = words("requests.claim_nouns")
# what a claim noun ("the accusation", "the findings") answers: something said
SAID_TYPES = frozenset({EventType.ACCUSE, EventType.REQUEST, EventType.THREATEN, EventType.REJECT})
REACTION_TYPES = frozenset({EventType.ACCUSE, EventType.REJECT, EventType.SUPPORT, EventType.REQUEST})
DEFINITE = words("events_words.definite_determiners")
DENIAL_VERBS = words("events_verbs.denial")
UNDERGONE_NOUNS = words("events_nouns.undergone")
# acts done to people that only a state does (its police and courts): "arrest", "detention", "conviction" …
STATE_ACT_NOUNS = words("implied_agents.police_lemmas") | words("implied_agents.judicial_lemmas")


def fill_reaction_targets(analysed: AnalysedArticle, events: Sequence[Event],
                          noun_kind: Callable[[str], str | None] = lambda lemma: None) -> list[Event]:
    """``events`` (in text order) with the targets of reactions to an earlier act, and of appeals for an
    outcome, filled in. ``noun_kind`` gives the PLOVER type a noun names on its own ("attack" → ASSAULT)."""
    out: list[Event] = []
    for e in events:
        if e.type == EventType.REQUEST and e.target is None and e.source is not None:
            e = _appeal_target(analysed, e)
        if e.type == EventType.REJECT and e.target is None and e.source is not None:
            e = _denied_accusation(analysed, out, e)
        victim = e.target is not None and _victim_target(analysed, e)
        if e.type in REACTION_TYPES and e.source is not None and (e.target is None or victim):
            obj = _definite_object(analysed, e)
            if obj is not None:
                earlier = _reacted_to(out, e, obj, noun_kind(obj.lemma_.lower()))
                if earlier is not None and earlier.source is not None:
                    e = dataclasses.replace(e, target=earlier.source,
                                            evidence=e.evidence + f"; target: doer of the earlier '{earlier.trigger}'"
                                            f" the '{obj.text}' refers to")
                elif victim:
                    e = _state_of_the_held(e, obj)
        out.append(e)
    return out


def _trigger(analysed: AnalysedArticle, e: Event) -> Token | None:
    """The event's trigger token in its parsed sentence, or None."""
    doc = analysed.docs.get(e.sentence_index)
    if doc is None or e.sentence_index not in analysed.parsed or not 0 <= e.trigger_token < len(doc):
        return None
    return doc[e.trigger_token]


def _victim_target(analysed: AnalysedArticle, e: Event) -> bool:
    """"condemned Mhlanga's arrest": the target the rules read is the possessor of a noun of an act done to people
    (the one arrested) — a reaction to the act is aimed at whoever did it, when the text told it before."""
    trigger = _trigger(analysed, e)
    if trigger is None:
        return False
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in UNDERGONE_NOUNS and any(c.dep_ == "poss" for c in obj.children)


def _state_of_the_held(e: Event, obj: Token) -> Event:
    """"condemned Mhlanga's arrest" with no arrest told before: an arrest, detention or trial is a state's act, so
    the reaction is aimed at the held person's own state (its government), as the implied doer of such acts is
    (events/coder.py ``_implied_agent``)."""
    held = e.target
    if held is None or obj.lemma_.lower() not in STATE_ACT_NOUNS or not held.country or held.country in NONSTATE:
        return e
    state = Actor(text="", code=held.country + "GOV", country=held.country, sector="GOV",
                  role="holder of the person (implied)")
    return dataclasses.replace(e, target=state, evidence=e.evidence + (
        f"; target: the state whose '{obj.text}' of its own {held.sector or 'national'} it is"))


def _definite_object(analysed: AnalysedArticle, e: Event) -> Token | None:
    trigger = _trigger(analysed, e)
    if trigger is None:
        return None
    # the object of the reaction, or the subject of what a statement says of it ("said the sanctions were …")
    candidates = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    candidates += [s for c in trigger.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    for c in candidates:
        if c.pos_ == "NOUN" and any(d.dep_ == "poss" or d.lower_ in DEFINITE for d in c.children):
            return c
    return None


def _reacted_to(earlier: Sequence[Event], e: Event, noun: Token, kind: str | None) -> Event | None:
    """The earlier act the definite ``noun`` names: one whose trigger shares its stem, or whose type is the
    ``kind`` of act the noun names (a claim noun names something said): "condemned the attack" answers an
    attack, not an arrest; a noun that names no kind ("the violence", "the vaccines") answers any act."""
    stem = noun.lemma_.lower()[:5]
    for prior in reversed(earlier):
        if e.sentence_index - prior.sentence_index > WINDOW:
            return None
        if prior.source is None or (e.source is not None and _same_side(prior.source, e.source)):
            continue
        if (prior.sentence_index, prior.trigger_token) == (e.sentence_index, e.trigger_token):
            continue  # the same act of a co-doer ("Greece and Panama supported the call"), not an earlier one
        if prior.trigger.lower()[:5] == stem:
            return prior
        # "rejected the findings", "denied the charges": a claim answers a statement; "condemned the attack":
        # an attack
        if noun.lemma_.lower() in CLAIM_NOUNS:
            if prior.type in SAID_TYPES:
                return prior
        elif prior.type not in SAID_TYPES and kind in (None, prior.type):
            return prior
    return None


def _denied_accusation(analysed: AnalysedArticle, earlier: Sequence[Event], e: Event) -> Event:
    """"Afghan officials accused the Taliban of plotting the attack … The insurgent group denied involvement": a
    denial that names nobody answers the latest accusation against the denier, told within ``WINDOW`` sentences
    — its accuser is the one rejected."""
    trigger = _trigger(analysed, e)
    if trigger is None or trigger.lemma_.lower() not in DENIAL_VERBS:
        return e
    assert e.source is not None
    for prior in reversed(earlier):
        if e.sentence_index - prior.sentence_index > WINDOW:
            break
        if prior.type == EventType.ACCUSE and prior.target is not None and prior.source is not None \
                and _same_side(prior.target, e.source) and not _same_side(prior.source, e.source):
            return dataclasses.replace(e, target=prior.source, evidence=e.evidence + (
                f"; target: who made the accusation ('{prior.trigger}') the denial answers"))
    return e


def _same_side(a: Actor, b: Actor) -> bool:
    """One side: the same code, the same state named bare on one side ("Russia" and "Russian forces"), or two
    bodies of one state ("the government" and "its troops"); the government and the rebels of one state, or
    the police and the journalists they hold, are two sides."""
    if a.code == b.code:
        return True
    if a.country != b.country:
        return False
    return not a.sector or not b.sector or (a.sector.lower() in STATE_SECTORS and b.sector.lower() in STATE_SECTORS)


def _appeal_target(analysed: AnalysedArticle, e: Event) -> Event:
    trigger = _trigger(analysed, e)
    if trigger is None:
        return e
    outcome = _outcome(trigger)
    if outcome is None:
        return e
    at = {t: m for m in analysed.mentions if m.sentence == e.sentence_index for t in range(m.token_start, m.token_end)}
    target = _holder(outcome, at) or _place_of(outcome, at)
    if target is None or (e.source is not None and target.country == e.source.country and not target.sector):
        return e
    return dataclasses.replace(e, target=target, evidence=e.evidence + f"; target: who can grant the '{outcome.text}'")


def _outcome(trigger: Token) -> Token | None:
    """The outcome asked for: the object, or the object of "for"/"on" ("called for an end to …")."""
    nouns = [c for c in trigger.children if c.dep_ == "dobj"]
    nouns += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("for", "on") for o in p.children
              if o.dep_ == "pobj"]
    return next((n for n in nouns if n.lemma_.lower() in OUTCOME_NOUNS), None)


def _holder(outcome: Token, at: dict[int, Any]) -> Actor | None:
    """"Zamora's release", "the release of the hostages": the state that holds a person of its own."""
    if outcome.lemma_.lower() not in RELEASE_NOUNS:
        return None
    held = [c for c in outcome.children if c.dep_ == "poss"]
    held += [o for p in outcome.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for tok in held:
        m = at.get(tok.i)
        if m is not None and m.actor.country and m.actor.country not in NONSTATE and not m.actor.members:
            c = m.actor.country
            return Actor(text="", code=c + "GOV", country=c, sector="GOV", role="holder of the person (implied)")
    return None


def _place_of(outcome: Token, at: dict[int, Any]) -> Actor | None:
    """"an end to the violence in Syria": the state where the conflict is."""
    for tok in outcome.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "inside"):
            m = at.get(tok.i)
            if m is not None and m.actor.country and m.actor.country not in NONSTATE and not m.actor.sector:
                return m.actor
    return None
