"""Headline grammar: a headline drops its verb where the body has one ("Macron in Beijing for trade talks",
"Shoigu to Pyongyang", "Putin in Tehran"). A verbless headline whose subject is an actor and whose predicate is
a place phrase ("in/at/to" + a capital or a state) tells a visit (CAMEO 042) of the one to the other; a purpose
phrase of talks ("for talks", "for a summit") keeps it a visit. Nothing else is read into a headline without a
verb: its event is told again in the body, and the headline joins it there (``dedup``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Mention
from ..vocabulary import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VISIT_CODE = "042"


def headline_visit(doc: Doc, mentions: Sequence[Mention]) -> tuple[Mention, Mention, Token] | None:
    """(visitor, place visited, the preposition) of a verbless headline, or None."""
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in doc[:_first_clause_end(doc)]):
        return None
    by_token = {t: m for m in mentions for t in range(m.token_start, m.token_end)}
    first = _visitor(doc, by_token)
    if first is None:
        return None
    after = first.token_end
    if after >= len(doc) or doc[after].lower_ not in words("headlines.place_prepositions"):
        return None
    place = by_token.get(after + 1)
    if place is None or not _visited_place(place, first):
        return None
    return first, place, doc[after]


def _visitor(doc: Doc, by_token: dict[int, Mention]) -> Mention | None:
    """The actor a headline opens with (after a determiner or adjective), if it is one that visits: a single
    actor of a known country, and an official one ("Chinese tourists in Paris": people travel, only officials
    visit)."""
    first = by_token.get(0) or (by_token.get(1) if len(doc) > 1 and doc[0].pos_ in ("DET", "ADJ") else None)
    if first is None or not (first.actor.code or first.actor.country) or first.actor.members:
        return None
    if first.actor.sector is not None and first.actor.sector.lower() not in words("headlines.visitor_sectors"):
        return None
    return first


def _visited_place(place: Mention, visitor: Mention) -> bool:
    """Is the mention after the preposition another state than the visitor's, named by its own or its capital's
    name (a bare state, not one of its bodies) or by a capital standing for its government?"""
    if place.actor.country is None or place.actor.country == visitor.actor.country:
        return False
    return bool(place.evidence.startswith(("dictionary:capital", "dictionary:country")) and not place.actor.sector
                or place.evidence.endswith("capital-metonym"))


def _first_clause_end(doc: Doc) -> int:
    """Where the headline's first clause ends ("…; Baku blames Yerevan", "… as EU weighs tariffs")."""
    for t in doc:
        if t.text in (";", ":", "|") or (t.lower_ in words("headlines.clause_links") and t.i > 0):
            return t.i
    return len(doc)
