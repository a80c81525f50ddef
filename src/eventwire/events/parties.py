"""The last word on an event's parties (pipeline stage ``parties``, after ``dedup``): a record must name the
parties its type needs.

- A relational type (``event_types.relational``: accusations, requests, meetings, aid …) needs a target: "X
  accused" of whom? The text did not say, or we did not read it; either way the record tells no relation.
- Every type but the agentless ones (``event_types.agentless``: assaults and coercion, whose doer news often
  does not know) needs a source.
- A state acting on itself, named bare on both sides ("Cameroon … Cameroon"), or one actor on both sides, is
  a misreading; talks "with reporters" are with an audience (``event_types.audience_sectors``), no party.

Before the check, two readings of domestic coercion are completed:

- **Whose people.** A state body's coercion or force against people named by their sector alone, or any act
  towards them ("Kenyan authorities banned civilians from …", "police arrested journalists", "the government
  refused to negotiate with the rebels"), in a sentence that names no other state, is towards that state's own
  people: the target takes the source's country.
- **Restrictions, not sanctions.** A state body's "sanction" of its own people (the CAMEO dictionary's "bar X
  from", "ban X") is a restriction of their freedoms (COERCE, CAMEO 172): PLOVER's SANCTION is a measure
  against another party it has relations with.

Last of all (stage ``governments``, after the scorer): a state named bare as the doer of an act of diplomacy or
speech ("the United States warned Iran"), or as the party such an act is addressed to, acts through its
government — the record's side takes the sector GOV, and the evidence says why.

``parties`` runs after ``fill`` (the learned last resort for a missing party, :mod:`.filler`) and ``dedup``, so that a telling's missing party is first filled from the other tellings of the same
event (the headline's "Shoigu visits" takes the body's DPRK).
"""

from __future__ import annotations

import dataclasses
from typing import TypeGuard

from ..actors.titles import PLOVER_NONSTATE as NONSTATE
from ..models import Actor, AnalysedArticle, Event, EventType
from ..vocabulary import words

STATE_SECTORS = words("requests.state_sectors")
PEOPLE_SECTORS = words("implied_agents.domestic_sectors")
AUDIENCE_SECTORS = words("event_types.audience_sectors")
# acts between parties (the types a noun event needs a target for): their state doers act through governments
DIPLOMATIC_DOERS = frozenset(t.upper() for t in words("events_types.noun_needs_target"))
SPEECH_TARGETS = frozenset(t.upper() for t in words("event_types.speech_targets"))


def has_parties(event: Event) -> bool:
    """Does the record name the parties its type needs?"""
    s, t = event.source, event.target
    kind = event.type.value.lower()  # word classes are lower case
    if not _named(t) and kind in words("event_types.relational"):
        return False
    if not _named(s) and kind not in words("event_types.agentless"):
        return False
    if _named(s) and _named(t):
        return not (_self_directed(s, t) or _audience(kind, t))
    return True


def _named(actor: Actor | None) -> TypeGuard[Actor]:
    """Does the side name a party: an actor with a country or with members?"""
    return actor is not None and bool(actor.country or actor.members)


def _self_directed(s: Actor, t: Actor) -> bool:
    """Is the pair a misreading of one party acting on itself: one state named bare on both sides
    ("Cameroon … Cameroon"), or one actor on both sides ("the embassy praised what it called …": it is the
    embassy)?"""
    if s.code is not None and s.code == t.code and not s.sector and not s.members and not t.members:
        return True
    return (s.name, s.code, s.role) == (t.name, t.code, t.role) and bool(s.name or s.role) and not s.members


def _audience(kind: str, t: Actor) -> bool:
    """Are talks held with an audience, no party to them ("met reporters")?"""
    return kind == "consult" and (t.sector or "").lower() in AUDIENCE_SECTORS and not t.name


def require_parties(analysed: AnalysedArticle) -> AnalysedArticle:
    """Complete domestic coercion (above), then keep the events that name the parties their type needs."""
    states = _sentence_states(analysed)
    events = [_domestic(e, states.get(e.sentence_index, set())) for e in analysed.events]
    kept = tuple(e for e in events if has_parties(e))
    if kept == analysed.events:
        return analysed
    return dataclasses.replace(analysed, events=kept)


def _sentence_states(analysed: AnalysedArticle) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for m in analysed.mentions:
        for a in m.actor.members or (m.actor,):
            if a.country and a.country not in NONSTATE:
                out.setdefault(m.sentence, set()).add(a.country)
    return out


def _domestic(e: Event, states: set[str]) -> Event:
    """A state body's force against people named by sector alone: its own people; its "sanction" of them: a
    restriction (COERCE 172). See the module docstring."""
    country, t = _state_country(e.source), e.target
    if country is None or t is None:
        return e
    people = (t.sector or "").lower() in PEOPLE_SECTORS
    own_body = (t.sector or "").lower() in STATE_SECTORS  # "the president dissolved parliament": its own
    if (people or own_body) and _unplaced(t, states, country):
        t = dataclasses.replace(t, country=country, code=country + (t.sector or ""))
        e = dataclasses.replace(e, target=t, evidence=e.evidence + "; target: the state's own people")
    if e.type == EventType.SANCTION and people and t.country == country:
        e = dataclasses.replace(e, type=EventType.COERCE, cameo="172",
                                evidence=e.evidence + "; its own people restricted → COERCE 172")
    return e


def states_as_governments(analysed: AnalysedArticle) -> AnalysedArticle:
    """Pipeline stage ``governments`` (last, after the learned scorer, whose features read the parties as the
    rules found them): states acting through their governments (:func:`_as_governments`)."""
    events = tuple(_as_governments(e) for e in analysed.events)
    return analysed if events == analysed.events else dataclasses.replace(analysed, events=events)


def _as_governments(e: Event) -> Event:
    """"The United States warned Iran": a state named bare as the doer of an act of diplomacy or speech, or as the
    party such an act is addressed to, acts through its government (GOV); the evidence says so."""
    source = _governed(e.source) if e.type.value in DIPLOMATIC_DOERS and _bare_state(e.source) else e.source
    target = _governed(e.target) if e.type.value in SPEECH_TARGETS and _bare_state(e.target) else e.target
    sides = " and ".join(side for side, new, old in (("source", source, e.source), ("target", target, e.target))
                         if new is not old)
    if not sides:
        return e
    return dataclasses.replace(e, source=source, target=target, evidence=e.evidence + (
        f"; {sides}: a state named as a party of diplomacy acts through its government → GOV"))


def _bare_state(a: Actor | None) -> TypeGuard[Actor]:
    return a is not None and bool(a.country) and a.country not in NONSTATE and not a.sector and not a.role \
        and not a.members


def _governed(a: Actor) -> Actor:
    assert a.country is not None
    return dataclasses.replace(a, sector="GOV", code=a.country + "GOV")


def _state_country(s: Actor | None) -> str | None:
    """The state whose body (government, police, military …) the source is; ``None`` for any other source."""
    if s is None or not s.country or s.country in NONSTATE or (s.sector or "").lower() not in STATE_SECTORS:
        return None
    return s.country


def _unplaced(t: Actor, states: set[str], country: str) -> bool:
    """Is the target a group or body of no country, in a sentence that names no state but ``country``? ("Kenyan
    police arrested journalists", "the Ethiopian government refused to negotiate with the Tigrayan rebels")"""
    return not t.country and not t.members and not states - {country}
