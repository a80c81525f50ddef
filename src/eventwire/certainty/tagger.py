"""The certainty stage: set every event's ``status``, ``certainty`` and ``attribution``.

Per event, :class:`~.status.StatusResolver` and :class:`~.attribution.AttributionReader` read the
event's own sentence. Two kinds of cue reach further than the event's clause, so they are gathered
per sentence first:

- an *unconfirming* clause ("although these claims remain unconfirmed", "which could not be
  verified") governs the reported events of its sentence; when it stands as a sentence of its own
  with a subject pointing back ("These claims could not be verified.", "Neither report has been
  confirmed."), it governs the reported events of the sentence before;
- a *denial* of something pointed back at ("Moscow denied this.", "Kyiv dismissed the reports.")
  governs the reported events of the sentence before.

"Reported events" are those with an attribution frame; when a sentence has none, the cue governs
all its events except the reporting ones themselves ("The army shelled the town. This could not be
verified." still makes the shelling unconfirmed).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from .. import vocabulary
from ..config import Settings
from ..models import AnalysedArticle, Certainty, Event, Mention, Section, Status
from .attribution import AttributionReader, CertaintyReading, Frame, combine, event_actors
from .lexicon import CertaintyLexicon, load_lexicon
from .status import StatusReading, StatusResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

# An event with its status and its certainty reading, as the stage builds them up.
EventReading: TypeAlias = tuple[Event, StatusReading, CertaintyReading]
# Children by which a claim noun carries content of its own (data/lexicon/certainty.toml), bound once.
OWN_CONTENT_DEPS = vocabulary.words("certainty_dependencies.own_content")


@dataclass(frozen=True, slots=True)
class SentenceCue:
    """A cue that reaches beyond its clause: an unconfirming or a denying clause."""

    certainty: Certainty  # UNCONFIRMED or DENIED
    cue: str
    predicate: int  # token index of the clause's predicate
    clause: frozenset[int]  # token indices of the cue clause (its events are not governed by it)
    anaphoric: bool  # its subject/object points back ("these claims", "this", "which")
    standalone: bool  # the clause is the sentence's main clause (so it may govern the sentence before)
    source: str | None = None


class CertaintyTagger:
    """Pipeline stage: ``CertaintyTagger(settings)(analysed) -> analysed`` with status, certainty and
    attribution set on every event (and a note of the cues appended to its ``evidence``)."""

    def __init__(self, settings: Settings, lexicon: CertaintyLexicon | None = None) -> None:
        self.settings = settings
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.status = StatusResolver(self.lexicon.status, self.lexicon.certainty.reporting_verbs)
        self.reader = AttributionReader(self.lexicon.certainty)
        w = self.lexicon.certainty
        self._denying_verbs = w.denial_verbs | w.denial_of_report_verbs
        self._pointing_determiners = w.anaphoric_subjects | w.pointing_determiners
        self._reporting_prefixes = tuple(sorted(w.reporting_prefixes))

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        if not analysed.events:
            return analysed
        cues = {i: self.sentence_cues(doc) for i, doc in analysed.docs.items()
                if i in analysed.parsed and doc.has_annotation("DEP")}
        sections = {s.index: s.section for s in analysed.sentences}
        readings = self._apply_sentence_cues(self._readings(analysed), analysed.docs, cues, sections)
        events = tuple(self._finish(e, s, c) for e, s, c in readings)
        return dataclasses.replace(analysed, events=events)

    def _readings(self, analysed: AnalysedArticle) -> list[EventReading]:
        """Every event's status and the frames of its own sentence, in the order of the events."""
        starts = {s.index: s.start for s in analysed.sentences}
        by_sentence: dict[int, list[Mention]] = {}
        for m in analysed.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        # one event told as several dyad records shares one set of actors (and so one party check)
        siblings: dict[tuple[int, int], list[Event]] = {}
        for event in analysed.events:
            siblings.setdefault((event.sentence_index, event.trigger_token), []).append(event)
        readings: list[EventReading] = []
        for event in analysed.events:
            trigger = _parsed_trigger(analysed, event)
            if trigger is None:
                readings.append(self._unparsed(event))
                continue
            status = self.status.resolve(trigger, event.section)
            actors = event_actors(siblings[(event.sentence_index, event.trigger_token)])
            frames = self.reader.frames(trigger, actors, by_sentence.get(event.sentence_index, ()),
                                        starts.get(event.sentence_index, 0))
            readings.append((event, status, combine(frames)))
        return readings

    # ------------------------------------------------------------------ cues beyond the clause
    def sentence_cues(self, doc: Doc) -> list[SentenceCue]:
        """The cues of a sentence that reach beyond their clause: unconfirming clauses, and denials of
        something pointed back at."""
        out: list[SentenceCue] = []
        for t in doc:
            if t.tag_.startswith("VB") or t.tag_.startswith("JJ"):
                cue = self._cue_at(t)
                if cue is not None:
                    out.append(cue)
        return out

    def _cue_at(self, predicate: Token) -> SentenceCue | None:
        """The sentence cue a predicate makes, if any: an unconfirming clause or a denial that points back."""
        cue = self.reader.unconfirming(predicate)
        if cue is not None:
            # "which could not be verified" points at what the relative clause hangs off
            pointer = predicate.head if predicate.dep_ == "relcl" else next(
                (c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return self._sentence_cue(predicate, Certainty.UNCONFIRMED, cue, pointer, None)
        if predicate.lemma_.lower() in self._denying_verbs:
            return self._denial_cue(predicate)
        return None

    def _denial_cue(self, verb: Token) -> SentenceCue | None:
        """ "Moscow denied this.", "Kyiv dismissed the reports.": a denial whose object points back."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or not self._points_back(obj):
            return None
        who = self.reader.speaker(verb)
        source = self.reader.source_phrase(who)[0] if who is not None else None
        return self._sentence_cue(verb, Certainty.DENIED, f"{verb.text} {obj.text}", obj, source)

    def _sentence_cue(self, predicate: Token, certainty: Certainty, cue: str, pointer: Token | None,
                      source: str | None) -> SentenceCue:
        """The cue of ``predicate``'s clause; anaphoric when its ``pointer`` (subject, object or antecedent)
        points back."""
        anaphoric = pointer is not None and (predicate.dep_ == "relcl" or self._points_back(pointer))
        clause = frozenset(x.i for x in predicate.subtree)
        standalone = predicate.dep_ == "ROOT"
        return SentenceCue(certainty, cue, predicate.i, clause, anaphoric, standalone, source)

    def _points_back(self, noun: Token) -> bool:
        """Does the noun point back at claims made before ("this", "these claims", "the reports")?"""
        w = self.lexicon.certainty
        if any(c.dep_ in OWN_CONTENT_DEPS for c in noun.children):
            return False  # "refuted the allegation that …" carries its own content
        if noun.lower_ in w.anaphoric_subjects:
            return True
        determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "poss")}
        return noun.lemma_.lower() in w.claim_nouns and bool(determiners & self._pointing_determiners)

    def _apply_sentence_cues(self, readings: list[EventReading], docs: Mapping[int, Doc],
                             cues: Mapping[int, list[SentenceCue]], sections: Mapping[int, Section]
                             ) -> list[EventReading]:
        """Add to every reading the frames of the sentence cues that govern its event."""
        out = list(readings)
        for i, (event, status, reading) in enumerate(readings):
            added = self._cue_frames(event, readings, docs, cues, sections)
            if added:
                out[i] = (event, status, combine([*reading.frames, *added]))
        return out

    def _cue_frames(self, event: Event, readings: Sequence[EventReading], docs: Mapping[int, Doc],
                    cues: Mapping[int, list[SentenceCue]], sections: Mapping[int, Section]) -> list[Frame]:
        """The frames the sentence cues of the event's own sentence and of the next one put on it."""
        s = event.sentence_index
        doc = docs.get(s)
        if doc is None or s not in cues or not 0 <= event.trigger_token < len(doc):
            return []
        added = self._same_sentence_frames(event, doc[event.trigger_token], readings, cues[s])
        # the next sentence speaks of this one only within one section (not headline → standfirst)
        following = cues.get(s + 1, ()) if sections.get(s + 1) == sections.get(s) else ()
        for cue in following:
            if cue.standalone and cue.anaphoric and self._governed(event, readings, s):
                added.append(Frame(cue.certainty, cue.cue, cue.source, scope="next sentence"))
        return added

    def _same_sentence_frames(self, event: Event, trigger: Token, readings: Sequence[EventReading],
                              cues: Sequence[SentenceCue]) -> list[Frame]:
        """Frames of the cues of the event's own sentence: a cue on its path, or an anaphoric one governing
        it."""
        ancestors = {trigger.i, *(a.i for a in trigger.ancestors)}
        added: list[Frame] = []
        for cue in cues:
            if trigger.i in cue.clause and cue.predicate not in ancestors:
                continue  # the event sits inside the cue clause itself
            on_path = cue.predicate in ancestors
            if on_path or (cue.anaphoric and self._governed(event, readings, event.sentence_index)):
                added.append(Frame(cue.certainty, cue.cue, cue.source, scope="sentence"))
        return added

    def _governed(self, event: Event, readings: Sequence[EventReading], sentence: int) -> bool:
        """A sentence-wide cue governs the reported events of the sentence, or, if none is reported,
        every event that is not itself an act of reporting."""
        same = [(e, c) for e, _, c in readings if e.sentence_index == sentence]
        reported = [e for e, c in same if c.frames]
        if reported:
            return any(e is event for e in reported)
        w = self.lexicon.certainty
        lemma = event.trigger.lower().split(" ")[0]
        return lemma not in w.reporting_verbs and not lemma.startswith(self._reporting_prefixes)

    # ------------------------------------------------------------------ results
    def _unparsed(self, event: Event) -> EventReading:
        """No parse for this sentence: only whole-word hedges can be read; status stays the default."""
        w = self.lexicon.certainty
        words = {t.strip(".,;:!?\"'()").lower() for t in event.sentence.split()}
        frames: list[Frame] = []
        if words & w.unconfirmed_adverbs or words & w.unconfirmed_adjectives:
            frames.append(Frame(Certainty.UNCONFIRMED, "hedge word (unparsed)"))
        elif words & w.reported_adverbs or "according" in words:
            frames.append(Frame(Certainty.REPORTED, "report word (unparsed)"))
        status = StatusReading(Status.OCCURRED, "sentence not parsed: default")
        return event, status, combine(frames)

    @staticmethod
    def _finish(event: Event, status: StatusReading, certainty: CertaintyReading) -> Event:
        note = f"{status.note()}; {certainty.note()}"
        evidence = f"{event.evidence}; {note}" if event.evidence else note
        return dataclasses.replace(
            event,
            status=status.status,
            certainty=certainty.certainty,
            attribution=certainty.attribution,
            evidence=evidence,
        )


def _parsed_trigger(analysed: AnalysedArticle, event: Event) -> Token | None:
    """The event's trigger token, or None when its sentence was not parsed (or the index is out of range)."""
    doc = analysed.docs.get(event.sentence_index)
    if (doc is None or event.sentence_index not in analysed.parsed or not doc.has_annotation("DEP")
            or not 0 <= event.trigger_token < len(doc)):
        return None
    return doc[event.trigger_token]
