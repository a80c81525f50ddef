"""What is known of one event mention, whatever told it: a gold ECB+ mention or a pipeline event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from ..store.clustering import DateKey

# Adjectives that set an event apart from another of its kind ("his previous trip", "the next round"):
# two mentions whose sets differ are never one event.
OTHER_INSTANCE = frozenset(
    {"previous", "earlier", "prior", "former", "past", "next", "upcoming", "future", "subsequent", "later",
     "forthcoming", "preceding", "last", "latest", "new", "another", "recent"}
)
# Ordinals count instances: "the second quake" is not "the first quake". A plain "visit" may be the
# "second visit this year" told again, so an ordinal keeps two mentions apart only against another ordinal.
ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"}
)


def instance_markers(words: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The other-instance adjectives and the ordinals among ``words`` (a trigger's modifiers)."""
    lowered = {w.lower() for w in words}
    return frozenset(lowered & OTHER_INSTANCE), frozenset(lowered & ORDINALS)


@dataclass(frozen=True, slots=True, eq=False)
class MentionFeatures:
    """One event mention.

    ``group`` is the document (article) that tells it; ``arguments`` maps a role (``source``,
    ``target``) to the normalised names or codes that fill it; ``participants`` every name the
    mention's sentence holds; ``date`` and ``place`` what is known of when and where (None: unknown);
    ``vector`` the unit-length embedding of the trigger in its sentence, when an embedder ran.
    """

    key: str
    group: str
    lemma: str
    sentence_index: int = 0
    arguments: Mapping[str, frozenset[str]] = field(default_factory=dict)
    participants: frozenset[str] = frozenset()
    date: DateKey | None = None
    place: str | None = None
    markers: frozenset[str] = frozenset()
    ordinals: frozenset[str] = frozenset()
    vector: np.ndarray | None = None
