"""Reactions to an earlier act: "France condemned the attack", "DHS dismissed the allegations", "the Taliban
denounced the delay". The act reacted to is named by a definite noun phrase and was told before; whoever did it
is the party reacted to. Event coreference of the simplest kind: the nearest earlier event (within
``WINDOW`` sentences) by another party, whose own trigger is a noun of the same stem or whose type is the
kind of act the noun names, gives the target the reaction lacked.

Only reactions (accusations, rejections, praise, demands about an act) with no target of their own and an
object that is a definite common noun ("the", "this", "that", "these", "those", a possessive) are read so;
what nothing before names stays unknown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import AnalysedArticle, Event, EventType

if TYPE_CHECKING:
    from spacy.tokens import Token

WINDOW = 3  # sentences back
REACTION_TYPES = frozenset({EventType.ACCUSE, EventType.REJECT, EventType.SUPPORT, EventType.REQUEST})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def fill_reaction_targets(analysed: AnalysedArticle, events: Sequence[Event]) -> list[Event]:
    """``events`` (in text order) with the targets of reactions to an earlier act filled in."""
    out: list[Event] = []
    for e in events:
        if e.type in REACTION_TYPES and e.target is None and e.source is not None:
            obj = _definite_object(analysed, e)
            if obj is not None:
                earlier = _reacted_to(out, e, obj)
                if earlier is not None and earlier.source is not None:
                    e = dataclasses.replace(e, target=earlier.source,
                                            evidence=e.evidence + f"; target: doer of the earlier '{earlier.trigger}'"
                                            f" the '{obj.text}' refers to")
        out.append(e)
    return out


def _definite_object(analysed: AnalysedArticle, e: Event) -> Token | None:
    doc = analysed.docs.get(e.sentence_index)
    if doc is None or e.sentence_index not in analysed.parsed or not 0 <= e.trigger_token < len(doc):
        return None
    trigger = doc[e.trigger_token]
    # the object of the reaction, or the subject of what a statement says of it ("said the sanctions were …")
    candidates = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    candidates += [s for c in trigger.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    for c in candidates:
        if c.pos_ == "NOUN" and any(d.dep_ == "poss" or d.lower_ in DEFINITE for d in c.children):
            return c
    return None


def _reacted_to(earlier: Sequence[Event], e: Event, noun: Token) -> Event | None:
    stem = noun.lemma_.lower()[:5]
    for prior in reversed(earlier):
        if e.sentence_index - prior.sentence_index > WINDOW:
            return None
        if prior.source is None or (e.source is not None and prior.source.country == e.source.country):
            continue
        if prior.trigger.lower()[:5] == stem or prior.type not in REACTION_TYPES:
            return prior
    return None
