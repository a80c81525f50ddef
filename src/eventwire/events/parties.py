"""The last word on an event's parties (pipeline stage ``parties``, after ``dedup``): a record must name the
parties its type needs.

- A relational type (``event_types.relational``: accusations, requests, meetings, aid …) needs a target: "X
  accused" of whom? The text did not say, or we did not read it; either way the record tells no relation.
- Every type but the agentless ones (``event_types.agentless``: assaults and coercion, whose doer news often
  does not know) needs a source.
- A state acting on itself, named bare on both sides ("Cameroon … Cameroon"), is a misreading.

Run after ``dedup`` so that a telling's missing party is first filled from the other tellings of the same
event (the headline's "Shoigu visits" takes the body's DPRK).
"""

from __future__ import annotations

import dataclasses

from ..models import AnalysedArticle, Event
from ..vocabulary import words


def has_parties(event: Event) -> bool:
    """Does the record name the parties its type needs?"""
    source = event.source is not None and bool(event.source.country or event.source.members)
    target = event.target is not None and bool(event.target.country or event.target.members)
    kind = event.type.value.lower()  # word classes are lower case
    if not target and kind in words("event_types.relational"):
        return False
    if not source and kind not in words("event_types.agentless"):
        return False
    if source and target and event.source is not None and event.target is not None:
        s, t = event.source, event.target
        if s.code is not None and s.code == t.code and not s.sector and not s.members and not t.members:
            return False
    return True


def require_parties(analysed: AnalysedArticle) -> AnalysedArticle:
    """Keep the events that name the parties their type needs."""
    kept = tuple(e for e in analysed.events if has_parties(e))
    if len(kept) == len(analysed.events):
        return analysed
    return dataclasses.replace(analysed, events=kept)
