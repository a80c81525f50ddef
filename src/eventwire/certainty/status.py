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
AUX_DEPS = frozenset({"aux", "auxpass"})
# A verb's own modifiers are its children by any relation but these: its clauses, subject and object.
NOT_OWN_MODIFIER_DEPS = CLAUSAL_DEPS | SUBJECT_DEPS | {"dobj", "nsubjpass"}
NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# A nominal event's modifiers in order of precedence: the first status in this order that one gives wins.
MODIFIER_RANK = (Status.NEGATED, Status.PLANNED, Status.HYPOTHETICAL, Status.INTENDED, Status.ONGOING,
                 Status.OCCURRED)
# The classes a governor passes to its subject ("the summit was postponed", "the talks are due to start").
SUBJECT_STATUSES = frozenset({Status.PLANNED, Status.NEGATED, Status.HYPOTHETICAL})


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
        """Negation, condition and modality on the verb itself outrank everything else, in that order."""
        children = list(verb.children)
        # a reading is a dataclass and always true: ``or`` takes the first cue that fired
        return (self._deontic_negation(verb, children)
                or self._negation(verb, children)
                or self._negative_argument(verb, children)
                or self._conditional(verb)
                or self._modality(verb, children))

    @staticmethod
    def _deontic_negation(verb: Token, children: list[Token]) -> StatusReading | None:
        """ "should not interfere", "must not cross": a norm, not a report that it did not happen."""
        deontic = next((c for c in children if c.dep_ in AUX_DEPS and c.tag_ == "MD"
                        and c.lower_ in DEONTIC_MODALS), None)
        if deontic is not None and any(c.dep_ == "neg" for c in children):
            return StatusReading(Status.HYPOTHETICAL, f"'{deontic.text} not {verb.text}'")
        return None

    def _negation(self, verb: Token, children: list[Token]) -> StatusReading | None:
        """The verb's own negation: "did not meet", "never signed", "no longer supplies"."""
        for c in children:
            # "not only seeks" is a focus construction, not a negation
            if c.dep_ == "neg" and not _before_only(c):
                return StatusReading(Status.NEGATED, f"'{c.text} {verb.text}'")
            if c.dep_ != "advmod":
                continue
            if c.lower_ in self.words.negating_adverbs and c.lower_ != "not":
                return StatusReading(Status.NEGATED, f"'{c.text} {verb.text}'")
            if c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
                return StatusReading(Status.NEGATED, f"'no longer {verb.text}'")
        return None

    def _negative_argument(self, verb: Token, children: list[Token]) -> StatusReading | None:
        """A negative subject or object: "No shots were fired", "nobody was hurt", "fired no shots"."""
        for c in children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and self._is_negative_phrase(c):
                return StatusReading(Status.NEGATED, f"'{c.text} … {verb.text}'" if c.i < verb.i
                                     else f"'{verb.text} … no {c.text}'")
        return None

    def _is_negative_phrase(self, noun: Token) -> bool:
        """ "nobody", "nothing", or a noun with a negating determiner ("no shots")."""
        return noun.lower_ in NEGATIVE_PRONOUNS or any(
            d.dep_ == "det" and d.lower_ in self.words.negating_determiners for d in noun.children)

    def _conditional(self, verb: Token) -> StatusReading | None:
        """Hypothetical when the verb heads or governs a condition (see :meth:`_condition`)."""
        condition = self._condition(verb)
        return StatusReading(Status.HYPOTHETICAL, condition) if condition is not None else None

    def _modality(self, verb: Token, children: list[Token]) -> StatusReading | None:
        """The first modal auxiliary that gives the verb a status: "will visit", "said it would send", "could
        strike"."""
        for c in children:
            if c.dep_ in AUX_DEPS and c.tag_ == "MD":
                reading = self._modal_reading(verb, c, children)
                if reading is not None:
                    return reading
        return None

    def _modal_reading(self, verb: Token, modal: Token, children: list[Token]) -> StatusReading | None:
        """The status one modal auxiliary gives the verb: future, future in the past, or hypothetical."""
        w = self.words
        word = modal.lower_
        if word in w.future_modals:
            return StatusReading(Status.PLANNED, f"'{modal.text} {verb.text}'")
        if word in w.reported_future_modals:
            scheduled = self._future_in_the_past(verb, modal, children)
            if scheduled is not None:
                return scheduled
        if word in w.hypothetical_modals:
            return StatusReading(Status.HYPOTHETICAL, f"'{modal.text} {verb.text}'")
        return None

    def _future_in_the_past(self, verb: Token, modal: Token, children: list[Token]) -> StatusReading | None:
        """ "would" as a future: under a past report ("said it would send") or anchored to a date ("would meet
        again on Wednesday": scheduled, not imagined). A perfect ("would have met") is never anchored."""
        reporter = governs_as_reported_speech(verb, self.reporting_verbs)
        if reporter is not None and reporter.lemma_.lower() not in self.words.hypothetical_governors:
            return StatusReading(Status.PLANNED,
                                 f"'{reporter.text} … {modal.text} {verb.text}' (future in the past)")
        if any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in children):
            return None
        anchor = self._time_anchor(verb)
        if anchor is not None:
            return StatusReading(Status.PLANNED, f"'{modal.text} {verb.text} … {anchor.text}'")
        return None

    def _condition(self, verb: Token) -> str | None:
        """A conditional clause, or the main clause of one ("if X, Y would …")."""
        markers = self.words.conditional_markers
        for c in verb.children:
            if c.dep_ == "mark" and c.lower_ in markers:
                return f"'{c.text} … {verb.text}'"
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in c.children):
                mark = next(m for m in c.children if m.dep_ == "mark")
                return f"'{verb.text} … {mark.text} …'"
            if c.dep_ == "prep":
                phrase = self._conditional_phrase(c)
                if phrase is not None:
                    return f"'{phrase}'"
        return None

    def _conditional_phrase(self, prep: Token) -> str | None:
        """The conditional phrase ("in case of", "in the event of") a prepositional phrase opens with."""
        phrase = " ".join(t.lower_ for t in prep.subtree)
        return next((p for p in sorted(self.words.conditional_phrases, key=lambda p: (-len(p), p))
                     if phrase.startswith(p + " ") or phrase == p),
                    None)

    # ------------------------------------------------------------------ verbs: what governs them
    def _governed(self, verb: Token, section: Section, depth: int) -> StatusReading | None:
        """Non-finite verbs (and bare conjuncts) take their status from their governor, by their relation."""
        head = verb.head
        if head.i == verb.i:
            return self._headline_infinitive(verb)
        headline = self._headline_noun_infinitive(verb, head)
        if headline is not None:
            return headline
        dep = verb.dep_
        if dep == "conj":
            return self._bare_conjunct(verb, head, section, depth)
        if dep == "xcomp":
            return self._by_governor(head, verb, section, depth, complement=True)
        if dep == "ccomp":
            return self._non_finite_complement(verb, head, section, depth)
        if dep == "pcomp":
            return self._prepositional_complement(verb, head, section, depth)
        if dep == "acl":
            return self._clause_of_noun(verb, head)
        if dep == "advcl":
            return self._adverbial_clause(verb, head, section, depth)
        if dep == "amod":
            return self._participle_modifier(verb)
        return None

    @staticmethod
    def _headline_infinitive(verb: Token) -> StatusReading | None:
        """A root to-infinitive is the headline future: "Putin to visit Pyongyang"."""
        if has_to_infinitive(verb):
            return StatusReading(Status.PLANNED, f"'to {verb.text}' (headline future)")
        return None

    def _headline_noun_infinitive(self, verb: Token, head: Token) -> StatusReading | None:
        """A headline's "Merkel to meet Biden" parsed as a bare noun with a clause hanging off it."""
        if has_to_infinitive(verb) and head.dep_ == "ROOT" and is_nominal(head) and head.i < verb.i and (
                self.words.governor_class(head.lemma_.lower()) is None):
            return StatusReading(Status.PLANNED, f"'{head.text} to {verb.text}' (headline future)")
        return None

    def _bare_conjunct(self, verb: Token, head: Token, section: Section, depth: int) -> StatusReading | None:
        """A conjunct with no subject or tense of its own shares its first conjunct's status."""
        if not has_subject(verb) and not self._has_tense_aux(verb) and verb.tag_ in ("VB", "VBG", "VBN"):
            return self.verbal(head, section, depth + 1) if is_verbal(head) else None
        return None

    def _non_finite_complement(self, verb: Token, head: Token, section: Section, depth: int
                               ) -> StatusReading | None:
        """ "wants Havana to end …" (parsed with Havana as the clause's subject): a non-finite clause, as
        unrealised as an xcomp — the governor says what it is."""
        if has_to_infinitive(verb) and not self._has_tense_aux(verb):
            return self._by_governor(head, verb, section, depth, complement=True)
        if verb.tag_ == "VB" and not any(c.dep_ in AUX_DEPS for c in verb.children) and is_verbal(head):
            # a bare infinitive after a verb of perception or causing ("hope to see Russia withdraw", "made them
            # leave"): it happens as that verb says — the governor's own status
            return self.verbal(head, section, depth + 1)
        return None

    def _prepositional_complement(self, verb: Token, prep: Token, section: Section, depth: int
                                  ) -> StatusReading | None:
        """ "after meeting", "aimed at implementing": a circumstance preposition, or the word the preposition
        hangs off, decides."""
        if prep.dep_ != "prep":
            return None
        if prep.lower_ in self.words.circumstance_status:
            return self._circumstance(prep.lower_, prep.head, verb, section, depth)
        return self._by_governor(prep.head, verb, section, depth, complement=True)

    def _clause_of_noun(self, verb: Token, noun: Token) -> StatusReading | None:
        """A clause hanging off a noun: "plans to visit" (the noun's class), "the deal signed" (occurred),
        "forces advancing" (ongoing)."""
        if not is_nominal(noun):
            return None
        if has_to_infinitive(verb) or verb.tag_ == "VB":
            cls = self.words.governor_class(noun.lemma_.lower())
            if cls is not None:
                refused = self._refused_noun(noun, verb)
                return refused or StatusReading(cls, f"'{noun.text} to {verb.text}'")
            return None
        if verb.tag_ == "VBN" and not self._has_tense_aux(verb):
            return StatusReading(Status.OCCURRED, f"'{noun.text} {verb.text}' (past participle)")
        if verb.tag_ == "VBG" and not self._has_tense_aux(verb):
            return StatusReading(Status.ONGOING, f"'{noun.text} {verb.text}' (participle)")
        return None

    def _adverbial_clause(self, verb: Token, head: Token, section: Section, depth: int) -> StatusReading | None:
        """ "arrived to hold talks": a purpose clause is intended (not under a threat: "threatened to …"; under a
        verb of assembling it is done by assembling: "massed to protest");
        an unmarked participle clause shares its main clause's status; a for-to clause ("called for Russia to
        withdraw") is its governor's complement."""
        if has_to_infinitive(verb) and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
            return self._by_governor(head, verb, section, depth, complement=True)
        if has_to_infinitive(verb) and not has_subject(verb):
            if head.lemma_.lower() in self.words.hypothetical_governors:
                return None
            if head.lemma_.lower() in self.words.assembly_governors and is_verbal(head):
                return self.verbal(head, section, depth + 1)  # "massed outside the consulate to protest"
            return StatusReading(Status.INTENDED, f"'{head.text} … to {verb.text}' (purpose)")
        marked = any(c.dep_ == "mark" for c in verb.children)
        if not marked and not has_subject(verb) and verb.tag_ in ("VBG", "VBN") and is_verbal(head):
            return self.verbal(head, section, depth + 1)
        return None

    @staticmethod
    def _participle_modifier(verb: Token) -> StatusReading | None:
        """A participle as an adjective: "the signed deal" (occurred), "the escalating war" (ongoing)."""
        if verb.tag_ == "VBN":
            return StatusReading(Status.OCCURRED, f"'{verb.text}' (participle)")
        if verb.tag_ == "VBG":
            return StatusReading(Status.ONGOING, f"'{verb.text}' (participle)")
        return None

    def _by_governor(self, governor: Token, verb: Token, section: Section, depth: int, *, complement: bool
                     ) -> StatusReading | None:
        """A complement's status from its governor: the governor's class ("plans to", "cancelled the plan
        to"), else the governor's own status."""
        classed = self._classed_governor(governor, verb, complement=complement)
        if classed is not None:
            if is_nominal(governor):
                refused = self._refused_noun(governor, verb)
                if refused is not None:
                    return refused
            return classed
        return self._status_of(governor, section, depth)

    def _status_of(self, governor: Token, section: Section, depth: int) -> StatusReading | None:
        """An unclassed governor's own status, one level up; None for a word that is neither verb nor noun."""
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
        """The status a governing word gives what it governs, with its cue; ``(None, "")`` when it gives none.
        ``complement``: what is governed is a verb complement, not a nominal object."""
        lemma = governor.lemma_.lower()
        phrasal = self._phrasal_class(governor, lemma)
        if phrasal is not None:
            return phrasal
        if not complement and lemma in self.words.complement_only_governors:
            return None, ""
        if lemma == "go" and governor.tag_ != "VBG":  # only "is going to" announces a plan
            return None, ""
        if complement:
            special = self._complement_class(governor, lemma)
            if special is not None:
                return special
        cls = self.words.governor_class(lemma)
        return cls, (f"'{governor.text}'" if cls is not None else "")

    def _phrasal_class(self, governor: Token, lemma: str) -> tuple[Status, str] | None:
        """A verb + particle governor: "called off" (negated), "set up" (planned)."""
        particle = next((c.lower_ for c in governor.children if c.dep_ == "prt"), None)
        if particle is None:
            return None
        phrase = f"{lemma} {particle}"
        if phrase in self.words.negated_phrasal:
            return Status.NEGATED, f"'{governor.text} {particle}'"
        if phrase in self.words.planned_phrasal:
            return Status.PLANNED, f"'{governor.text} {particle}'"
        return None

    def _complement_class(self, governor: Token, lemma: str) -> tuple[Status | None, str] | None:
        """Governors whose reading of a verb complement needs more than their lemma: "is to visit", "it is vital
        to act", "has yet to respond", "has to decide" / "had to flee". None: the lemma alone decides."""
        w = self.words
        if lemma == "be":
            return self._be_to(governor)
        if lemma in w.yet_auxiliaries and any(c.lower_ == "yet" for c in governor.children):
            return Status.NEGATED, f"'{governor.text} yet to'"  # "has yet to respond"
        if lemma in w.obligation_governors:
            if governor.tag_ in ("VBP", "VBZ") or any(c.tag_ == "MD" for c in governor.children):
                return Status.HYPOTHETICAL, f"'{governor.text} to' (obligation)"
            return None, ""
        return None

    def _be_to(self, governor: Token) -> tuple[Status | None, str]:
        """ "is to visit", "are to meet": a scheduled event; "it is our duty to help", "it is vital to act": the
        predicate word speaks for the complement."""
        predicate = next((c for c in governor.children if c.dep_ in ("attr", "acomp")), None)
        if predicate is None:
            return Status.PLANNED, f"'{governor.text} to'"
        cls = self.words.governor_class(predicate.lemma_.lower())
        return cls, (f"'{governor.text} … {predicate.text} to'" if cls is not None else "")

    # ------------------------------------------------------------------ verbs: tense and aspect
    def _has_tense_aux(self, verb: Token) -> bool:
        return any(c.dep_ in AUX_DEPS and c.lower_ != "to" for c in verb.children)

    @staticmethod
    def _own_modifier_word(verb: Token, words: frozenset[str]) -> Token | None:
        """The first of ``words`` among the verb's own modifiers (not its clauses, subject or object)."""
        for c in verb.children:
            if c.dep_ in NOT_OWN_MODIFIER_DEPS:
                continue
            for t in c.subtree:
                if t.lower_ in words:
                    return t
        return None

    def _future_time(self, verb: Token) -> Token | None:
        """A future time word among the verb's own (non-clausal) modifiers: "visits Beijing next week"."""
        return self._own_modifier_word(verb, self.words.future_time_words)

    def _time_anchor(self, verb: Token) -> Token | None:
        """A calendar or future time word among the verb's own modifiers ("on Wednesday", "next month")."""
        return self._own_modifier_word(verb, self._anchor_words)

    def _tense_aspect(self, verb: Token, section: Section) -> StatusReading:
        """A verb with no other cue: progressive → ongoing, past or perfect → occurred, present → occurred,
        either with a future time word → planned."""
        auxes = [c for c in verb.children if c.dep_ in AUX_DEPS]
        future = self._future_time(verb)
        progressive = self._progressive(verb, auxes, future)
        if progressive is not None and progressive.status == Status.ONGOING and self._speech_told(verb, auxes):
            return StatusReading(Status.OCCURRED, f"'{' '.join(a.text for a in auxes)} {verb.text}' (a speech act "
                                                  "in the present progressive: said)")
        if progressive is not None:
            return progressive
        past_aux = any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes)
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and past_aux):
            return StatusReading(Status.OCCURRED, f"'{verb.text}' (past or perfect)")
        return self._present(verb, auxes, future, section)

    def _speech_told(self, verb: Token, auxes: list[Token]) -> bool:
        """"are pleading with", "is calling on": an appeal or accusation in the present progressive (not "has
        been calling for years", not "was urging")."""
        return verb.lemma_.lower() in self.words.speech_progressives and verb.tag_ == "VBG" \
            and any(a.tag_ in ("VBZ", "VBP") and a.lemma_.lower() == "be" for a in auxes) \
            and not any(a.lemma_.lower() == "have" for a in auxes)

    @staticmethod
    def _progressive(verb: Token, auxes: list[Token], future: Token | None) -> StatusReading | None:
        """ "is holding talks", "has been providing arms", and the passive "is being sought"."""
        aux_lemmas = {a.lemma_.lower() for a in auxes}
        passive_progressive = verb.tag_ == "VBN" and any(a.lower_ == "being" for a in auxes)
        if not ((verb.tag_ == "VBG" and "be" in aux_lemmas) or passive_progressive):
            return None
        if future is not None and "have" not in aux_lemmas:
            return StatusReading(Status.PLANNED,
                                 f"'{verb.text} … {future.text}' (progressive with a future time)")
        return StatusReading(Status.ONGOING, f"'{' '.join(a.text for a in auxes)} {verb.text}' (progressive)")

    def _present(self, verb: Token, auxes: list[Token], future: Token | None, section: Section) -> StatusReading:
        """A present or plain verb: planned with a future time, else occurred (a headline's historical present
        included)."""
        present = verb.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxes)
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
        """The status the noun's own modifiers give it, the strongest first: "no talks", "planned visit", "next
        week's summit"."""
        found: list[tuple[Status, str]] = []
        for c in noun.children:
            if c.dep_ == "det" and c.lower_ in self.words.negating_determiners:
                return StatusReading(Status.NEGATED, f"'{c.text} {noun.text}'")
            given = self._modifier_cue(noun, c)
            if given is not None:
                found.append(given)
        if not found:
            return None
        cls, cue = min(found, key=lambda f: MODIFIER_RANK.index(f[0]))  # the first of the strongest
        return StatusReading(cls, cue)

    def _modifier_cue(self, noun: Token, modifier: Token) -> tuple[Status, str] | None:
        """The status one modifier gives the noun, with its cue; None when it gives none."""
        w = self.words
        if modifier.dep_ in NOMINAL_MODIFIER_DEPS:
            cls = w.modifier_class(modifier.lower_)
            if cls is None and modifier.dep_ == "acl" and modifier.tag_ == "VBN" and (
                    modifier.lemma_.lower() in w.planned_governors):
                cls = Status.PLANNED  # "the meeting scheduled for May"
            return (cls, f"'{modifier.text} {noun.text}'") if cls is not None else None
        if modifier.dep_ == "poss" and modifier.lemma_.lower() in self._time_possessors:
            return self._time_possessor_cue(noun, modifier)
        return None

    def _time_possessor_cue(self, noun: Token, possessor: Token) -> tuple[Status, str] | None:
        """ "next week's summit", "last year's visit", "yesterday's attack": the possessor or its modifier."""
        for t in (possessor, *possessor.children):
            cls = self.words.modifier_class(t.lower_)
            if cls is not None:
                return cls, f"'{' '.join(x.text for x in possessor.subtree)} {noun.text}'"
        return None

    def _noun_governor(self, noun: Token, section: Section, depth: int) -> StatusReading | None:
        """The status the word or clause governing a nominal event gives it, by the noun's relation to it."""
        head = noun.head
        if head.i == noun.i:
            return None
        dep = noun.dep_
        if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
            return self._prepositional_object(noun, head, section, depth)
        if dep == "nsubjpass" and any(c.dep_ in ("xcomp", "prep") for c in head.children):
            return self._purpose_subject(noun, head, section, depth)
        if dep in THEME_DEPS:
            return self._inherit(head, noun, section, depth, complement=False)
        if dep in SUBJECT_DEPS:
            return self._subject_of(noun, head, section, depth)
        if dep in NOMINAL_LINK_DEPS:
            return self._status_of(head, section, depth)
        return None

    def _prepositional_object(self, noun: Token, prep: Token, section: Section, depth: int
                              ) -> StatusReading | None:
        """ "after the clash", "ahead of the summit", "plans for talks": a circumstance preposition gives its
        own status, else the word the preposition hangs off does."""
        circumstance = self.words.circumstance_status
        word = "ahead" if prep.lower_ == "of" and prep.head.lower_ == "ahead" else prep.lower_
        if word in circumstance:
            return self._circumstance(word, prep.head, noun, section, depth)
        governor = prep.head
        if governor.dep_ == "prep" and governor.lower_ in circumstance:
            return self._circumstance(governor.lower_, governor.head, noun, section, depth)
        return self._inherit(governor, noun, section, depth, complement=True)

    def _purpose_subject(self, noun: Token, head: Token, section: Section, depth: int) -> StatusReading | None:
        """ "The visit is aimed at implementing …": a purpose governor speaks of its complement, not of its
        subject; but "The summit is expected to open …" / "was called off" do speak of it."""
        cls, cue = self._governor_class(head, complement=False)
        if cls in SUBJECT_STATUSES:
            return StatusReading(cls, f"{cue} … '{noun.text}'")
        return self.verbal(head, section, depth + 1) if is_verbal(head) else None

    def _subject_of(self, noun: Token, head: Token, section: Section, depth: int) -> StatusReading | None:
        """A nominal event as a clause's subject: "talks are under way", "the talks are due to start"; else the
        clause's own status."""
        if not is_verbal(head):
            return None
        return (self._ongoing_predicate(noun, head)
                or self._subject_predicate_class(noun, head)
                or self.verbal(head, section, depth + 1))

    def _ongoing_predicate(self, noun: Token, head: Token) -> StatusReading | None:
        """ "talks are under way", "the war is in full swing": a predicate that puts its nominal subject in
        progress."""
        predicate = " ".join(t.lower_ for c in head.children if c.i != noun.i and c.dep_ not in SUBJECT_DEPS
                             for t in c.subtree)
        for phrase in sorted(self.words.ongoing_predicates, key=lambda p: (-len(p), p)):  # one answer, every run
            if f" {phrase} " in f" {predicate} ":
                return StatusReading(Status.ONGOING, f"'{noun.text} … {phrase}'")
        return None

    def _subject_predicate_class(self, noun: Token, head: Token) -> StatusReading | None:
        """ "The talks are due to start", "The summit is likely to be postponed"."""
        for c in head.children:
            if c.dep_ in ("acomp", "xcomp") and c.i != noun.i:
                cls, cue = self._governor_class(c, complement=True)
                if cls in SUBJECT_STATUSES:
                    return StatusReading(cls, f"{cue} … '{noun.text}'")
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
        if is_verbal(governor) or is_nominal(governor):
            return self._status_of(governor, section, depth)
        if governor.tag_.startswith("JJ") and governor.head.i != governor.i:
            return self._inherit(governor.head, noun, section, depth + 1, complement=complement)
        return None


def _before_only(token: Token) -> bool:
    """Is ``token`` followed by "only" ("not only …")?"""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "only"
