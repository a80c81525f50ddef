"""People introduced by their office and named only afterwards.

News often introduces a person by office alone and gives the name a sentence or two later: "The head of Doctors
Without Borders told the council … 'Most had been raped,' said Secretary General Christopher Lockyear"; "A
spokesman for President Ghani rejected the accusations. '…,' Mohammad Ameri told VOA." The name is the office's
holder: it takes the body the office phrase names, unless its own phrase names one. The link is made only where
nothing else could be meant — the name is new to the article, no other person who could hold the office is named
in between (one the dictionaries know as a member of another state or body does not count), its own
reading names no body (a bare name, or a title whose country only the context gave), and a title it carries heads
a body as the office does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..models import Actor, Mention
from ..vocabulary import words

HEADING_TITLES = words("actors_document.heading_titles")
NEAR = 2  # sentences after the office phrase within which its holder is named
# readings of a name that come from a dictionary or the dated office-holder data: they know the person
_KNOWN = ("dictionary:", "leaders", "wikidata", "office")


def name_introduced_people(mentions: Sequence[Mention]) -> list[Mention]:
    """Every mention of a person named after their unnamed office, coded as that office (see the module)."""
    links = _links(sorted(mentions, key=lambda m: (m.sentence, m.token_start)))
    if not links:
        return list(mentions)
    return [_as_office(m, links[m.actor.name.lower()]) if m.person and m.actor.name and m.actor.name.lower() in links
            else m for m in mentions]


def _links(ordered: Sequence[Mention]) -> dict[str, Actor]:
    links: dict[str, Actor] = {}
    seen: set[str] = set()
    office: Mention | None = None
    starts = {(m.sentence, m.token_start) for m in ordered if m.actor.name}
    for m in ordered:
        if not m.person or m.evidence.startswith("coref:"):
            continue
        if not m.actor.name:
            if m.actor.role and m.actor.country and (m.sentence, m.token_end) not in starts:
                office = m  # (not a title right before a name: "President | Bashar al-Assad")
            continue
        name = m.actor.name.lower()
        if name not in seen and office is not None and _holds(m, office):
            links[name] = office.actor
        seen.add(name)
        if office is not None and _another_body(m, office):
            continue  # "the U.N. envoy … after the fall of President Bashar al-Assad": known as someone else
        office = None  # a person named in between ends the office's reach
    return links


def _holds(person: Mention, office: Mention) -> bool:
    """May the newly named ``person`` be the holder of the unnamed ``office``?"""
    if not 0 <= person.sentence - office.sentence <= NEAR or person.actor.country == office.actor.country:
        return False
    if person.evidence.startswith(_KNOWN) or "+phrase-body" in person.evidence:
        return False
    title = (person.actor.role or "").lower()
    if not title:
        return True
    return _heads(title) and _heads((office.actor.role or "").lower())


def _another_body(person: Mention, office: Mention) -> bool:
    """A person named between the office and its holder who cannot hold it: known to the dictionaries or the
    office-holder data as a member of another state or body."""
    return person.evidence.startswith(_KNOWN) and bool(person.actor.country) \
        and person.actor.country != office.actor.country


def _heads(role: str) -> bool:
    return any(role == t or role.startswith(t + " ") for t in HEADING_TITLES)


def _as_office(m: Mention, office: Actor) -> Mention:
    actor = dataclasses.replace(m.actor, code=office.code, country=office.country, sector=office.sector,
                                members=office.members)
    return dataclasses.replace(m, actor=actor, evidence=m.evidence + "+introduced")


__all__ = ["name_introduced_people"]
