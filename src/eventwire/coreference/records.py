"""Event records as mentions: what the coreference model knows of a pipeline event (issue 11).

The dedup stage and the store cluster event records with the model that ``eval dedup --gold-mentions``
measures on ECB+. An event record becomes a :class:`~.features.MentionFeatures`:

- ``lemma``: the lemma of the trigger's head token (its first word, lower-cased, when the sentence was
  not parsed);
- ``arguments``: the actor codes in the roles (``source``, ``target``) — codes, not surface names, so that
  "Putin" and "the Russian president" fill a role alike;
- ``participants``: the codes of every actor the sentence mentions;
- ``date``: the event date's bounds (:func:`..store.clustering.event_date_key`), ``place`` the place name;
- ``markers`` / ``ordinals``: the other-instance words and ordinals modifying the trigger ("his previous
  trip", "the second round");
- ``vector``: the trigger's embedding in its sentence, when the ``[coref]`` extra is installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Actor, AnalysedArticle, Event
from ..store.clustering import event_date_key
from .features import MentionFeatures, instance_markers

if TYPE_CHECKING:
    import numpy as np

    from .embedding import TriggerEmbedder

_MODIFIER_DEPS = frozenset({"amod", "advmod", "npadvmod", "nummod"})


def actor_key(actor: Actor | None) -> str | None:
    """The code an actor fills a role with (its full code, else its country)."""
    if actor is None:
        return None
    return actor.code or actor.country


def _trigger_words(analysed: AnalysedArticle, event: Event) -> tuple[str, list[str]]:
    """The trigger's lemma and the words modifying it (with the trigger's own words)."""
    doc = analysed.docs.get(event.sentence_index)
    words = event.trigger.split()
    fallback = words[0].lower() if words else ""
    if doc is None or event.sentence_index not in analysed.parsed or not 0 <= event.trigger_token < len(doc):
        return fallback, [w.lower() for w in words]
    head = doc[event.trigger_token]
    modifiers = [c.lower_ for c in head.children if c.dep_ in _MODIFIER_DEPS]
    return head.lemma_.lower() or fallback, modifiers + [w.lower() for w in words]


def record_features(analysed: AnalysedArticle, event: Event, vector: np.ndarray | None = None) -> MentionFeatures:
    """The mention features of one event record of ``analysed`` (module docstring)."""
    lemma, modifiers = _trigger_words(analysed, event)
    markers, ordinals = instance_markers(modifiers)
    arguments = {role: frozenset({k}) for role, k in (("source", actor_key(event.source)),
                                                     ("target", actor_key(event.target))) if k}
    participants = frozenset(k for m in analysed.sentence_mentions(event.sentence_index)
                             if (k := actor_key(m.actor)) is not None)
    place = event.location.name.lower() if event.location is not None and event.location.name else None
    return MentionFeatures(
        key=event.id, group=event.article_id, lemma=lemma, sentence_index=event.sentence_index,
        arguments=arguments, participants=participants, date=event_date_key(event), place=place,
        markers=markers, ordinals=ordinals, vector=vector,
    )


def trigger_in_sentence(event: Event) -> tuple[str, tuple[int, int]]:
    """The event's sentence and the trigger's character span inside it (what the embedder reads)."""
    start = event.trigger_span[0] - event.span[0]
    end = event.trigger_span[1] - event.span[0]
    if not 0 <= start <= end <= len(event.sentence):
        return event.sentence, (0, 0)
    return event.sentence, (start, end)


def article_features(analysed: AnalysedArticle, events: Sequence[Event],
                     embedder: TriggerEmbedder | None = None) -> list[MentionFeatures]:
    """:func:`record_features` of ``events``, embedded in one batch when an embedder is given."""
    vectors = embedder.embed([trigger_in_sentence(e) for e in events]) if embedder is not None and events else None
    return [record_features(analysed, e, vectors[i] if vectors is not None else None) for i, e in enumerate(events)]
