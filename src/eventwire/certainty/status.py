"""Status: did the event happen? From tense, aspect, modality, negation and the governing words.

The rules read the dependency parse of the event's sentence (spaCy ``tag_``, ``dep_``, ``lemma_``):

- a verb's own negation, conditional, modal, progressive or past form decides first;
- a non-finite verb takes its status from what governs it: "was expected to *meet*" (planned),
  "vowed to *retaliate*" (intended), "refused to *sign*" (negated), "threatened to *strike*"
  (hypothetical), "arrived to *hold* talks" (a purpose clause: intended);
- a nominal event ("visit", "talks") takes it from its own modifiers ("planned", "ongoing",
  "previous", "no", "next week's") and otherwise from the clause that governs it: "*follows* a rare
  visit" (occurred), "*cancelled* the summit" (negated), "*will hold* talks" (planned); a
  circumstance preposition ("after", "during", "amid") gives its object a status of its own.

Every decision returns a short note of the cue that fired, appended to the event's ``evidence``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vocabulary
from ..models import Section, Status
from .lexicon import StatusWords

if TYPE_CHECKING:
    from spacy.tokens import Token

# Walking up the tree never needs more steps than this; it guards against a malformed parse.
MAX_DEPTH = 24

# Word classes and dependency relations of the shared vocabulary (data/lexicon/certainty.toml), bound once.
CLAUSAL_DEPS = vocabulary.words("certainty_dependencies.clausal")
THEME_DEPS = vocabulary.words("certainty_dependencies.theme")
NOMINAL_MODIFIER_DEPS = vocabulary.words("certainty_dependencies.nominal_modifiers")
NOMINAL_LINK_DEPS = vocabulary.words("certainty_dependencies.nominal_links")
NEGATIVE_PRONOUNS = vocabulary.words("certainty_pronouns.negative")
# Modals of obligation or permission: negated, they state a norm, not a fact ("should not interfere").
DEONTIC_MODALS = vocabulary.words("certainty_modals.deontic")
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


@dataclass(frozen=True, slots=True)
class StatusReading:
    status: Status
    cue: str  # the words that decided, for the evidence note

    def note(self) -> str:
        return f"status: {self.cue} → {self.status.value}"


def is_verbal(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def is_nominal(token: Token) -> bool:
    return token.tag_ in NOMINAL_TAGS


def has_to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def governs_as_reported_speech(verb: Token, reporting_verbs: frozenset[str]) -> Token | None:
    """The reporting verb whose ccomp this verb (or its first conjunct) is, if any."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in reporting_verbs:
        return node.head
    return None


class StatusResolver:
    """Resolve the :class:`~eventwire.models.Status` of an event trigger in a parsed sentence."""

    def __init__(self, words: StatusWords, reporting_verbs: frozenset[str]) -> None:
        self.words = words
        self.reporting_verbs = reporting_verbs
        self._time_possessors = words.time_nouns | words.possessive_time_words
        self._anchor_words = words.calendar_words | words.future_time_words

    # ------------------------------------------------------------------ entry point
    def resolve(self, trigger: Token, section: Section) -> StatusReading:
        if is_nominal(trigger) and not is_verbal(trigger):
            return self.nominal(trigger, section, 0)
        return self.verbal(trigger, section, 0)

    # ------------------------------------------------------------------ verbs
    def verbal(self, verb: Token, section: Section, depth: int) -> StatusReading:
        own = self._own_marking(verb)
        if own is not None:
            return own
        if depth < MAX_DEPTH:
            governed = self._governed(verb, section, depth)
            if governed is not None:
                return governed
        return self._tense_aspect(verb, section)

    def _own_marking(self, verb: Token) -> StatusReading | None:
        """Negation, condition and modality on the verb itself outrank everything else."""
        w = self.words
        children = list(verb.children)
        deontic = next((c for c in children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"
                        and c.lower_ in DEONTIC_MODALS), None)
        if deontic is not None and any(c.dep_ == "neg" for c in children):
            # "should not interfere", "must not cross": a norm, not a report that it did not happen
            return StatusReading(Status.HYPOTHETICAL, f"'{deontic.text} not {verb.text}'")
        for c in children:
            # "not only seeks" is a focus construction, not a negation
            if c.dep_ == "neg" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "only"):
                return StatusReading(Status.NEGATED, f"'{c.text} {verb.text}'")
            if c.dep_ == "advmod" and c.lower_ in w.negating_adverbs and c.lower_ != "not":
                return StatusReading(Status.NEGATED, f"'{c.text} {verb.text}'")
            if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
                return StatusReading(Status.NEGATED, f"'no longer {verb.text}'")
        for c in children:
            # "No shots were fired", "nobody was hurt", "the army fired no shots"
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    c.lower_ in NEGATIVE_PRONOUNS
                    or any(d.dep_ == "det" and d.lower_ in w.negating_determiners for d in c.children)):
                return StatusReading(Status.NEGATED, f"'{c.text} … {verb.text}'" if c.i < verb.i
                                     else f"'{verb.text} … no {c.text}'")
        condition = self._condition(verb)
        if condition is not None:
            return StatusReading(Status.HYPOTHETICAL, condition)
        for c in children:
            if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
                modal = c.lower_
                if modal in w.future_modals:
                    return StatusReading(Status.PLANNED, f"'{c.text} {verb.text}'")
                if modal in w.reported_future_modals:
                    reporter = governs_as_reported_speech(verb, self.reporting_verbs)
                    if reporter is not None and reporter.lemma_.lower() not in w.hypothetical_governors:
                        return StatusReading(Status.PLANNED, f"'{reporter.text} … {c.text} {verb.text}' (future in the past)")
                perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in children)
                if modal in w.reported_future_modals and not perfect:
                    anchor = self._time_anchor(verb)
                    if anchor is not None:  # "would meet again on Wednesday": scheduled, not imagined
                        return StatusReading(Status.PLANNED, f"'{c.text} {verb.text} … {anchor.text}'")
                if modal in w.hypothetical_modals:
                    return StatusReading(Status.HYPOTHETICAL, f"'{c.text} {verb.text}'")
        return None

    def _condition(self, verb: Token) -> str | None:
        """A conditional clause, or the main clause of one ("if X, Y would …")."""
        w = self.words
        for c in verb.children:
            if c.dep_ == "mark" and c.lower_ in w.conditional_markers:
                return f"'{c.text} … {verb.text}'"
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in w.conditional_markers for m in c.children):
                mark = next(m for m in c.children if m.dep_ == "mark")
                return f"'{verb.text} … {mark.text} …'"
            if c.dep_ == "prep":
                phrase = " ".join(t.lower_ for t in c.subtree)
                for p in w.conditional_phrases:
                    if phrase.startswith(p + " ") or phrase == p:
                        return f"'{p}'"
        return None

    def _governed(self, verb: Token, section: Section, depth: int) -> StatusReading | None:
        """Non-finite verbs (and bare conjuncts) take their status from their governor."""
        dep = verb.dep_
        head = verb.head
        if head.i == verb.i:
            if has_to_infinitive(verb):  # headline future: "Putin to visit Pyongyang"
                return StatusReading(Status.PLANNED, f"'to {verb.text}' (headline future)")
            return None
        w = self.words
        if has_to_infinitive(verb) and head.dep_ == "ROOT" and is_nominal(head) and head.i < verb.i and (
                w.governor_class(head.lemma_.lower()) is None):
            # a headline's "Merkel to meet Biden" is parsed as a bare noun with a clause hanging off it
            return StatusReading(Status.PLANNED, f"'{head.text} to {verb.text}' (headline future)")
        if dep == "conj" and not has_subject(verb) and not self._has_tense_aux(verb) and verb.tag_ in ("VB", "VBG", "VBN"):
            return self.verbal(head, section, depth + 1) if is_verbal(head) else None
        if dep == "xcomp":
            return self._by_governor(head, verb, section, depth, complement=True)
        if dep == "ccomp" and has_to_infinitive(verb) and not self._has_tense_aux(verb):
            # "wants Havana to end …" (parsed with Havana as the clause's subject): a non-finite clause,
            # as unrealised as an xcomp — the governor says what it is
            return self._by_governor(head, verb, section, depth, complement=True)
        if dep == "pcomp" and head.dep_ == "prep":
            prep = head
            if prep.lower_ in w.circumstance_status:
                return self._circumstance(prep.lower_, prep.head, verb, section, depth)
            return self._by_governor(prep.head, verb, section, depth, complement=True)
        if dep == "acl" and is_nominal(head):
            if has_to_infinitive(verb) or verb.tag_ == "VB":
                cls = w.governor_class(head.lemma_.lower())
                if cls is not None:
                    refused = self._refused_noun(head, verb)
                    return refused or StatusReading(cls, f"'{head.text} to {verb.text}'")
                return None
            if verb.tag_ == "VBN" and not self._has_tense_aux(verb):
                return StatusReading(Status.OCCURRED, f"'{head.text} {verb.text}' (past participle)")
            if verb.tag_ == "VBG" and not self._has_tense_aux(verb):
                return StatusReading(Status.ONGOING, f"'{head.text} {verb.text}' (participle)")
            return None
        if dep == "advcl":
            marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
            if has_to_infinitive(verb) and not has_subject(verb):
                if head.lemma_.lower() in w.hypothetical_governors:
                    return None
                return StatusReading(Status.INTENDED, f"'{head.text} … to {verb.text}' (purpose)")
            if not marks and not has_subject(verb) and verb.tag_ in ("VBG", "VBN") and is_verbal(head):
                return self.verbal(head, section, depth + 1)
            return None
        if dep == "amod":
            if verb.tag_ == "VBN":
                return StatusReading(Status.OCCURRED, f"'{verb.text}' (participle)")
            if verb.tag_ == "VBG":
                return StatusReading(Status.ONGOING, f"'{verb.text}' (participle)")
        return None

    def _by_governor(self, governor: Token, verb: Token, section: Section, depth: int, *, complement: bool
                     ) -> StatusReading | None:
        classed = self._classed_governor(governor, verb, complement=complement)
        if classed is not None:
            if is_nominal(governor):
                refused = self._refused_noun(governor, verb)
                if refused is not None:
                    return refused
            return classed
        if is_verbal(governor):
            return self.verbal(governor, section, depth + 1)
        if is_nominal(governor):
            return self.nominal(governor, section, depth + 1)
        return None

    def _classed_governor(self, governor: Token, event: Token, *, complement: bool) -> StatusReading | None:
        """The status a classed governor ("plans to", "cancelled") gives ``event``; None when unclassed.
        The governor's own negation or condition wins: "did not plan to visit", "could seek to"."""
        cls, cue = self._governor_class(governor, complement=complement)
        if cls is None:
            return None
        if is_verbal(governor):
            own = self._own_marking(governor)
            if own is not None and own.status in (Status.NEGATED, Status.HYPOTHETICAL):
                return StatusReading(own.status, f"{own.cue} … '{event.text}'")
        return StatusReading(cls, f"{cue} … '{event.text}'")

    def _refused_noun(self, noun: Token, verb: Token) -> StatusReading | None:
        """ "cancelled the plan to visit", "were denied permission to enter": the plan is void."""
        if noun.dep_ not in ("dobj", "nsubjpass", "dative"):
            return None
        outer = noun.head.lemma_.lower()
        if outer in self.words.negated_governors or outer == "deny":
            return StatusReading(Status.NEGATED, f"'{noun.head.text} … {noun.text} to {verb.text}'")
        return None

    def _governor_class(self, governor: Token, *, complement: bool) -> tuple[Status | None, str]:
        w = self.words
        lemma = governor.lemma_.lower()
        particle = next((c.lower_ for c in governor.children if c.dep_ == "prt"), None)
        if particle is not None:
            phrase = f"{lemma} {particle}"
            if phrase in w.negated_phrasal:
                return Status.NEGATED, f"'{governor.text} {particle}'"
            if phrase in w.planned_phrasal:
                return Status.PLANNED, f"'{governor.text} {particle}'"
        if not complement and lemma in w.complement_only_governors:
            return None, ""
        if lemma == "go" and governor.tag_ != "VBG":  # only "is going to" announces a plan
            return None, ""
        if lemma == "be" and complement:
            # "is to visit", "are to meet": a scheduled event ("it is our duty to help" is not)
            predicate = next((c for c in governor.children if c.dep_ in ("attr", "acomp")), None)
            if predicate is None:
                return Status.PLANNED, f"'{governor.text} to'"
            # "it is our duty to help", "it is vital to act": the predicate word speaks for the complement
            cls = w.governor_class(predicate.lemma_.lower())
            return cls, f"'{governor.text} … {predicate.text} to'" if cls is not None else ""
        if lemma in w.yet_auxiliaries and complement and any(c.lower_ == "yet" for c in governor.children):
            return Status.NEGATED, f"'{governor.text} yet to'"  # "has yet to respond"
        if lemma in w.obligation_governors and complement:
            if governor.tag_ in ("VBP", "VBZ") or any(c.tag_ == "MD" for c in governor.children):
                return Status.HYPOTHETICAL, f"'{governor.text} to' (obligation)"
            return None, ""
        cls = w.governor_class(lemma)
        return cls, f"'{governor.text}'" if cls is not None else ""

    def _has_tense_aux(self, verb: Token) -> bool:
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)

    def _future_time(self, verb: Token) -> Token | None:
        """A future time word among the verb's own (non-clausal) modifiers: "visits Beijing next week"."""
        for c in verb.children:
            if c.dep_ in CLAUSAL_DEPS or c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "nsubjpass"):
                continue
            for t in c.subtree:
                if t.lower_ in self.words.future_time_words:
                    return t
        return None

    def _time_anchor(self, verb: Token) -> Token | None:
        """A calendar or future time word among the verb's own modifiers ("on Wednesday", "next month")."""
        words = self._anchor_words
        for c in verb.children:
            if c.dep_ in CLAUSAL_DEPS or c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "nsubjpass"):
                continue
            for t in c.subtree:
                if t.lower_ in words:
                    return t
        return None

    def _tense_aspect(self, verb: Token, section: Section) -> StatusReading:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        aux_lemmas = {a.lemma_.lower() for a in auxes}
        future = self._future_time(verb)
        # "is holding talks", "has been providing arms", and the passive "is being sought"
        passive_progressive = verb.tag_ == "VBN" and any(a.lower_ == "being" for a in auxes)
        if (verb.tag_ == "VBG" and "be" in aux_lemmas) or passive_progressive:
            if future is not None and "have" not in aux_lemmas:
                return StatusReading(Status.PLANNED, f"'{verb.text} … {future.text}' (progressive with a future time)")
            return StatusReading(Status.ONGOING, f"'{' '.join(a.text for a in auxes)} {verb.text}' (progressive)")
        past_aux = any(a.tag_ in ("VBD",) or a.lemma_.lower() == "have" for a in auxes)
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and past_aux):
            return StatusReading(Status.OCCURRED, f"'{verb.text}' (past or perfect)")
        present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
        if present and future is not None:
            return StatusReading(Status.PLANNED, f"'{verb.text} … {future.text}' (present with a future time)")
        if present and section.value in self.words.historical_present_sections:
            return StatusReading(Status.OCCURRED, f"'{verb.text}' (historical present in the {section.value})")
        return StatusReading(Status.OCCURRED, f"'{verb.text}' (stated plainly)")

    # ------------------------------------------------------------------ nominal events
    def nominal(self, noun: Token, section: Section, depth: int) -> StatusReading:
        # The noun's own modifiers speak first: "seeks to implement *prior* commitments" is not an
        # intended commitment, "will follow up on *previous* talks" not a planned one.
        own = self._noun_modifiers(noun)
        if own is not None and own.status is Status.NEGATED:
            return own
        governed = self._noun_governor(noun, section, depth) if depth < MAX_DEPTH else None
        if governed is not None and governed.status is Status.NEGATED:
            return governed  # "cancelled the planned exercise"
        if own is not None:
            return own
        if governed is not None:
            return governed
        if section.value in self.words.historical_present_sections:
            return StatusReading(Status.OCCURRED, f"'{noun.text}' (headline noun phrase)")
        return StatusReading(Status.OCCURRED, f"'{noun.text}' (stated plainly)")

    def _noun_modifiers(self, noun: Token) -> StatusReading | None:
        w = self.words
        found: list[tuple[Status, str]] = []
        for c in noun.children:
            if c.dep_ == "det" and c.lower_ in w.negating_determiners:
                return StatusReading(Status.NEGATED, f"'{c.text} {noun.text}'")
            if c.dep_ in NOMINAL_MODIFIER_DEPS:
                cls = w.modifier_class(c.lower_)
                if cls is None and c.dep_ == "acl":
                    cls = w.modifier_class(c.lower_) or (
                        Status.PLANNED if c.lemma_.lower() in w.planned_governors and c.tag_ == "VBN" else None)
                if cls is not None:
                    found.append((cls, f"'{c.text} {noun.text}'"))
            if c.dep_ == "poss" and c.lemma_.lower() in self._time_possessors:
                # "next week's summit", "last year's visit", "yesterday's attack"
                cls = w.modifier_class(c.lower_)
                for m in c.children:
                    cls = cls or w.modifier_class(m.lower_)
                if cls is not None:
                    found.append((cls, f"'{' '.join(t.text for t in c.subtree)} {noun.text}'"))
        order = (Status.NEGATED, Status.PLANNED, Status.HYPOTHETICAL, Status.INTENDED, Status.ONGOING, Status.OCCURRED)
        for status in order:
            for cls, cue in found:
                if cls is status:
                    return StatusReading(cls, cue)
        return None

    def _noun_governor(self, noun: Token, section: Section, depth: int) -> StatusReading | None:
        head = noun.head
        if head.i == noun.i:
            return None
        dep = noun.dep_
        w = self.words
        if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
            prep = head
            word = prep.lower_
            if word == "of" and prep.head.lower_ == "ahead":
                word = "ahead"
            if word in w.circumstance_status:
                return self._circumstance(word, prep.head, noun, section, depth)
            governor = prep.head
            if governor.dep_ == "prep" and governor.lower_ in w.circumstance_status:
                return self._circumstance(governor.lower_, governor.head, noun, section, depth)
            return self._inherit(governor, noun, section, depth, complement=True)
        if dep == "nsubjpass" and any(c.dep_ in ("xcomp", "prep") for c in head.children):
            # "The visit is aimed at implementing …": a purpose governor speaks of its complement, not
            # of its subject; but "The summit is expected to open …" / "was called off" do speak of it.
            cls, cue = self._governor_class(head, complement=False)
            if cls in (Status.PLANNED, Status.NEGATED, Status.HYPOTHETICAL):
                return StatusReading(cls, f"{cue} … '{noun.text}'")
            return self.verbal(head, section, depth + 1) if is_verbal(head) else None
        if dep in THEME_DEPS:
            return self._inherit(head, noun, section, depth, complement=False)
        if dep in SUBJECT_DEPS:
            if not is_verbal(head):
                return None
            predicate = " ".join(t.lower_ for c in head.children if c.i != noun.i and c.dep_ not in SUBJECT_DEPS
                                 for t in c.subtree)
            for phrase in self.words.ongoing_predicates:
                if f" {phrase} " in f" {predicate} ":
                    return StatusReading(Status.ONGOING, f"'{noun.text} … {phrase}'")
            for c in head.children:
                # "The talks are due to start", "The summit is likely to be postponed"
                if c.dep_ in ("acomp", "xcomp") and c.i != noun.i:
                    cls, cue = self._governor_class(c, complement=True)
                    if cls in (Status.PLANNED, Status.NEGATED, Status.HYPOTHETICAL):
                        return StatusReading(cls, f"{cue} … '{noun.text}'")
            return self.verbal(head, section, depth + 1)
        if dep in NOMINAL_LINK_DEPS:
            if is_nominal(head):
                return self.nominal(head, section, depth + 1)
            if is_verbal(head):
                return self.verbal(head, section, depth + 1)
        return None

    def _circumstance(self, word: str, clause: Token, event: Token, section: Section, depth: int) -> StatusReading:
        """ "after the clash", "during the summit", "amid the war": the preposition's own status, unless the
        clause it modifies lies ahead ("will meet after the elections" → the elections are planned too)."""
        fixed = self.words.circumstance_status[word]
        if fixed is not Status.PLANNED and depth < MAX_DEPTH and is_verbal(clause):
            around = self.verbal(clause, section, depth + 1)
            if around.status is Status.PLANNED:
                return StatusReading(Status.PLANNED, f"{around.cue} … '{word} … {event.text}'")
        return StatusReading(fixed, f"'{word} … {event.text}'")

    def _inherit(self, governor: Token, noun: Token, section: Section, depth: int, *, complement: bool
                 ) -> StatusReading | None:
        """The governing word's class if it has one ("cancelled the summit"), else its own status."""
        classed = self._classed_governor(governor, noun, complement=complement)
        if classed is not None:
            return classed
        if is_verbal(governor):
            return self.verbal(governor, section, depth + 1)
        if is_nominal(governor):
            return self.nominal(governor, section, depth + 1)
        if governor.tag_.startswith("JJ") and governor.head.i != governor.i:
            return self._inherit(governor.head, noun, section, depth + 1, complement=complement)
        return None
