"""A mention under construction, and the actor a dictionary entry gives on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Actor
from .lexicon import Entry
from .titles import split_cameo_code


@dataclass(slots=True)
class Candidate:
    """A mention under construction (token offsets in the sentence)."""

    start: int
    end: int
    actor: Actor
    evidence: str
    person: bool = False  # names or describes one person
    named: bool = False  # carries a proper name
    generic: bool = False  # an agent with neither country nor name ("the minister", "police")
    determiner: str | None = None  # the word before a generic agent ("the")
    placeholder: str | None = None  # "group" | "country": resolved by the article-level pass
    entry_kind: str | None = None
    title_only: bool = False  # a title compound without a name ("the Russian foreign minister")


def actor_from_entry(entry: Entry, text: str, day: date | None) -> Actor:
    term = entry.term_on(day)
    if term is None:
        return Actor(text=text, name=entry.name, wikidata=entry.wikidata)
    country, sector, _ = split_cameo_code(term[0])
    return Actor(
        text=text,
        name=entry.name,
        code=(country + (sector or "")) if country else None,
        country=country,
        sector=sector,
        role=term[3],
        wikidata=entry.wikidata,
    )


def code_of(country: str | None, sector: str | None) -> str | None:
    return country + (sector or "") if country else None
