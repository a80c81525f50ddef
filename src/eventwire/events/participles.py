"""Agreement participles: "the agreement signed on June 4", "the accord reached between X and Y".

A participle of concluding (sign, reach, forge, …) that modifies an agreement noun is the agreement
event itself: it is coded on the participle (so the time stage dates it from its own phrase) with the
parties the phrase names (a ``by`` agent, ``between`` X and Y, ``with`` X), else the actors of the
clause the noun belongs to, unless that clause only comments on the agreement ("Egypt welcomed the
deal signed …": Egypt is not a party).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..vocabulary import words
from .arguments import Found, MentionIndex, actors_of, child, clause_subject, pobjs, verb_target
from .trigger import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

# "the agreement signed on June 4": a participle of concluding modifying an agreement noun is the
# agreement event itself (the time stage dates it from its own phrase)
AGREEMENT_NOUNS = words("events_nouns.agreement")
AGREEMENT_VERBS = words("events_verbs.concluding")
# a clause about an agreement whose subject is not a party to it ("Egypt welcomed the deal signed …")
OUTSIDER_TYPES = frozenset(t.upper() for t in words("events_types.outsider"))


def is_agreement_participle(t: Trigger) -> bool:
    tok = t.tok
    return (t.kind == "verb" and tok.tag_ == "VBN" and tok.dep_ == "acl"
            and tok.lemma_.lower() in AGREEMENT_VERBS and tok.head.lemma_.lower() in AGREEMENT_NOUNS)


def governing_verb(noun: Token) -> Token | None:
    """The verb of the clause a noun phrase belongs to ("implementing | agreements",
    "under | the memorandum … Japan will | supply")."""
    cur = noun
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "attr", "conj", "appos",
                                                   "npadvmod"):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def agreement_parties(t: Trigger, index: MentionIndex, by_tok: dict[int, Trigger],
                      type_of: Callable[[str], str | None],
                      is_never: Callable[[str], bool]) -> tuple[Found | None, Found | None]:
    """Parties of "the agreement signed/reached/forged …": a ``by`` phrase, ``between`` (mutual) or
    ``with`` on the participle or the noun, else the actors of the clause the noun belongs to."""
    tok, noun = t.tok, t.tok.head
    noun_trigger = by_tok.get(noun.i)
    if noun_trigger is not None:
        noun_trigger.absorbed = True  # one agreement: the participle carries it (and its date)
    source = _agent(tok, index)
    if source is None:
        between = _between(tok, noun, index)
        if between is not None:
            return between, None
    target: Found | None = None
    for host in (tok, noun):
        for _, o in pobjs(host, ("with",)):
            target = target or actors_of(o, index, "pobj:with")
    if source is not None:
        return source, target
    return _clause_parties(noun, target, index, by_tok, type_of, is_never)


def _agent(tok: Token, index: MentionIndex) -> Found | None:
    """The participle's ``by`` agent (as the parser's ``agent`` or as a preposition)."""
    agent = child(tok, "agent")
    source = actors_of(child(agent, "pobj"), index, "agent:by") if agent is not None else None
    if source is None:
        for _, o in pobjs(tok, ("by",)):
            return actors_of(o, index, "agent:by")
    return source


def _between(tok: Token, noun: Token, index: MentionIndex) -> Found | None:
    """"between X and Y" anywhere in the agreement's phrase ("agreements forged on June 4 in the context of the
    treaty between X and Y"): the parties, mutual (pairs are made from the group)."""
    for p in sorted((*noun.children, *tok.subtree), key=lambda x: x.i):
        if p.dep_ == "prep" and p.lower_ in ("between", "among"):
            f = actors_of(child(p, "pobj"), index, "pobj:between")
            if f is not None and len(f.actors) > 1:
                return f
    return None


def _clause_parties(noun: Token, target: Found | None, index: MentionIndex, by_tok: dict[int, Trigger],
                    type_of: Callable[[str], str | None],
                    is_never: Callable[[str], bool]) -> tuple[Found | None, Found | None]:
    """The parties of the clause the agreement noun belongs to: its trigger's arguments (unless that clause only
    comments on the agreement: "Egypt welcomed the deal signed …"), else its verb's subject and recipient."""
    gov = governing_verb(noun)
    if gov is None or is_never(gov.lemma_.lower()):
        return None, target
    gt = by_tok.get(gov.i)
    if gt is not None:
        found = _trigger_parties(gt, gov, noun, target, type_of)
        if found is not None:
            return found
    return _verb_parties(gov, target, index)


def _trigger_parties(gt: Trigger, gov: Token, noun: Token, target: Found | None,
                     type_of: Callable[[str], str | None]) -> tuple[Found | None, Found | None] | None:
    """The parties a trigger of the noun's clause found, or none at all when that clause only comments on the
    agreement; None when its trigger names no source (the clause's subject is read instead)."""
    gtype = type_of(gt.cameo)
    if gtype in OUTSIDER_TYPES or (gtype == "SUPPORT" and not gt.cameo.startswith("057")):
        return None, target  # "Egypt welcomed the deal signed …": Egypt is not a party
    obj = child(gov, "dobj")
    if obj is not None and obj.i == noun.i and gtype in ("AGREE", "SUPPORT", "COOPERATE"):
        gt.absorbed = True  # "implementing agreements forged …": read from the same noun
    if gt.source is not None:
        return gt.source, target or (gt.target if gt.target and gt.target.token != noun.i else None)
    return None


def _verb_parties(gov: Token, target: Found | None, index: MentionIndex) -> tuple[Found | None, Found | None]:
    """The subject and recipient of the verb of the noun's clause."""
    s = clause_subject(gov, index)
    if target is None:
        target = verb_target(gov, index)
        if target is not None:
            target = Found(target.actors, f"{target.role}({gov.lemma_})", target.group, target.token)
    if s is None:
        if target is not None and len(target.actors) > 1 and "between" in target.role:
            return target, None  # "implementing agreements … in the context of the treaty between X and Y"
        return None, None
    return Found(s.actors, f"{s.role}({gov.lemma_})", s.group, s.token), target
