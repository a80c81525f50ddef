"""Certainty and attribution: how do we know, and who says so?

Walking up the dependency tree from the event's trigger, every governing word that attributes or
qualifies the content becomes a :class:`Frame`, innermost first:

- a reporting verb whose complement holds the event ("X said/reported/claimed/told … that …",
  "X is said to …"), or that hangs off the event's clause ("…, the ministry said", "as reported by X",
  "citing officials");
- an evidential noun ("reports that …", "claims of …", "a statement from X");
- a denial ("X denied that …", "denied sending …", "rejected reports that …");
- a hedge ("reportedly", "allegedly", "an alleged attack", "claimed without evidence");
- "according to X" anywhere in the sentence (it covers the whole sentence).

The event's certainty is the strongest doubt among its frames (denied > unconfirmed > reported >
certain) and its attribution the source of that frame (else of the innermost frame that names one),
so "X said Y denied that …" is denied, attributed to Y.

**Official party** (DESIGN §2: certain = "stated as fact by the writer or an official party to it"):
a source is a party when it is one of the event's actors, shares a country with one of them (through
the actor mentions of its words: "the Kremlin" about a Russian visit), or refers to itself in the
reported clause ("the ministry said *its* forces struck"). A party's plain statement (say, announce,
confirm …) keeps the event certain, with the attribution set; an assertion ("claimed", "insisted"),
a media outlet ("state media KCNA", "news agencies") or an unnamed source ("sources", "witnesses")
never counts as a party, so those stay reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vocabulary
from ..models import Actor, Certainty, Event, Mention
from .lexicon import CertaintyWords

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SEVERITY = {Certainty.CERTAIN: 0, Certainty.REPORTED: 1, Certainty.UNCONFIRMED: 2, Certainty.DENIED: 3}
MAX_DEPTH = 24
# Word classes and dependency relations of the shared vocabulary (data/lexicon/certainty.toml), bound once.
CONTENT_DEPS = vocabulary.words("certainty_dependencies.report_content")
PERSONAL_PRONOUNS = vocabulary.words("certainty_pronouns.personal")
# Children of a source noun phrase that are left out of its attribution text.
TRIMMED_DEPS = vocabulary.words("certainty_dependencies.trimmed_from_source")


@dataclass(frozen=True, slots=True)
class Frame:
    """One attributing or qualifying word that governs the event."""

    certainty: Certainty
    cue: str
    source: str | None = None
    source_span: tuple[int, int] | None = None  # token span of the source in the sentence Doc
    scope: str = "clause"  # "clause" | "sentence" | "previous sentence"


@dataclass(frozen=True, slots=True)
class CertaintyReading:
    certainty: Certainty
    attribution: str | None
    frames: tuple[Frame, ...]

    def note(self) -> str:
        if not self.frames:
            return "certainty: writer's own statement → certain"
        parts = [f"'{f.cue}' (scope: {f.scope})" for f in self.frames]
        text = f"certainty: {', '.join(parts)} → {self.certainty.value}"
        if self.attribution:
            text += f"; attribution: {self.attribution}"
        return text


def combine(frames: Sequence[Frame]) -> CertaintyReading:
    """The strongest doubt wins; ties go to the innermost frame; attribution follows the winner."""
    if not frames:
        return CertaintyReading(Certainty.CERTAIN, None, ())
    winner = frames[0]
    for f in frames[1:]:
        if SEVERITY[f.certainty] > SEVERITY[winner.certainty]:
            winner = f
    source = winner.source or next((f.source for f in frames if f.source), None)
    return CertaintyReading(winner.certainty, source, tuple(frames))


def _trimmed_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses, appositions and trailing punctuation."""
    keep: list[Token] = [head]
    for c in head.children:
        if c.dep_ in TRIMMED_DEPS:
            continue
        keep.extend(c.subtree)
    keep.sort(key=lambda t: t.i)
    # only the contiguous stretch around the head (a comma-separated aside is dropped)
    start = end = keep.index(head)
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end + 1 < len(keep) and keep[end + 1].i == keep[end].i + 1:
        end += 1
    out = keep[start:end + 1]
    while out and (out[-1].is_punct or out[-1].dep_ == "case"):
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    return out


class AttributionReader:
    """Collect the certainty frames of an event trigger and decide its certainty and attribution."""

    def __init__(self, words: CertaintyWords) -> None:
        self.words = words
        self._reporting_nouns = words.evidential_nouns | words.doubtful_nouns
        self._unnamed_words = words.media_words | words.anonymous_words
        self._tag_sources = words.evidential_nouns | self._unnamed_words | words.headline_tag_words

    # ------------------------------------------------------------------ source noun phrases
    def source_phrase(self, head: Token) -> tuple[str, tuple[int, int]]:
        """The attribution text of a source headed by ``head``.

        An evidential noun yields its own source ("a statement from the Russian Security Council" →
        "the Russian Security Council"); a name behind a descriptor yields the name ("DPRK's state
        media KCNA" → "KCNA"); anything else its trimmed noun phrase ("Russian news agencies").
        """
        inner = self.evidential_source(head)
        if inner is not None:
            return self.source_phrase(inner)
        name = next((c for c in head.children if c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS")), None)
        if name is not None and head.tag_ in ("NN", "NNS"):
            return self.source_phrase(name)  # "the state broadcaster CCTV" → "CCTV"
        tokens = _trimmed_tokens(head)
        if head.tag_ in ("NNP", "NNPS") and head.text[:1].isupper():
            descriptor = any(
                c.dep_ in ("compound", "poss", "nmod") and c.i < head.i and c.tag_ not in ("NNP", "NNPS")
                for c in head.children
            )
            if descriptor:
                run = [head]
                i = head.i - 1
                while i >= 0 and head.doc[i].tag_ in ("NNP", "NNPS") and head.doc[i].head.i == head.i:
                    run.insert(0, head.doc[i])
                    i -= 1
                tokens = run
        if not tokens:
            tokens = [head]
        doc = head.doc
        span = doc[tokens[0].i:tokens[-1].i + 1]
        return span.text, (span.start, span.end)

    def evidential_source(self, noun: Token) -> Token | None:
        """The source inside an evidential noun phrase: "a statement *from X*", "*X's* report"."""
        if noun.lemma_.lower() not in self.words.evidential_nouns:
            return None
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ not in self.words.self_reference_words:
                return c
            if c.dep_ == "prep" and c.lower_ in self.words.source_prepositions:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in self.words.evidential_nouns:
                    return obj
        for c in noun.children:
            if c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS"):  # "Reuters reports"
                return c
        return None

    def speaker(self, verb: Token) -> Token | None:
        """Who reports: the subject, the passive agent ("as reported by X"), or the cited object."""
        w = self.words
        lemma = verb.lemma_.lower()
        if lemma in w.source_object_verbs:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        for c in verb.children:
            if c.dep_ == "agent":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in w.non_speaker_subjects
                    and c.tag_ not in ("WDT", "WP", "DT")]  # "this is …", "what …" are no speakers
        if subjects:
            # "The Russian news agency TASS said" is sometimes parsed with two subjects: the name is last
            return subjects[-1]
        if lemma in w.source_object_verbs:  # "the mayor was quoted as saying …"
            quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if quoted is not None:
                return quoted
        # a subjectless conjunct or participle shares its governor's subject: "said and added that …",
        # "told reporters, adding that …", "was quoted as saying that …"
        head = verb.head
        if head.i != verb.i and verb.dep_ in ("conj", "advcl", "xcomp") and head.tag_.startswith("VB"):
            return self.speaker(head)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.tag_.startswith("VB"):
            return self.speaker(head.head)
        return None

    # ------------------------------------------------------------------ frames
    def frames(self, trigger: Token, actors: Sequence[Actor], mentions: Sequence[Mention], offset: int) -> list[Frame]:
        """Every frame governing ``trigger``, innermost first. ``actors``: the event's actors (of all its dyad
        records); ``offset``: the sentence's start in the text."""
        w = self.words
        out: list[Frame] = []
        self._hedges(trigger, out, own=True)
        node = trigger
        path: list[Token] = [trigger]
        came_as_content = False  # the trigger itself is not a report's content ("rejected the claim")
        for _ in range(MAX_DEPTH):
            head = node.head
            if head.i == node.i:
                break
            frame = self._step(node, head, actors, mentions, offset, came_as_content)
            if frame is not None:
                out.append(frame)
            # a report noun's content is its "that"-clause or its "of/about" object; a participle hanging
            # off it ("rejected the suggestion, saying …") is not what the report says
            came_as_content = node.dep_ == "ccomp" or (
                node.dep_ in ("acl", "relcl") and any(c.dep_ == "mark" for c in node.children)) or (
                node.dep_ == "prep" and node.lower_ in w.content_prepositions)
            path.append(head)
            if head.tag_.startswith("VB") or head.tag_.startswith("NN"):
                self._hedges(head, out, own=False)
            node = head
        # side frames: a reporting verb hanging off a clause on the path ("…, officials said")
        on_path = {t.i for t in path}
        for t in path:
            for c in t.children:
                if c.i in on_path or c.lemma_.lower() not in w.reporting_verbs:
                    continue
                # a reporting verb with content of its own reports that, not our clause ("though no
                # incident was reported"); a trailing conjunct after a comma is a tag ("…, X said")
                if any(g.dep_ in ("ccomp", "dobj", "nsubjpass", "xcomp") for g in c.children):
                    continue
                tag = c.dep_ == "conj" and c.i > t.i and any(
                    x.is_punct and x.text == "," for x in c.doc[t.i:c.i])
                if c.dep_ in ("advcl", "parataxis") or tag:
                    out.append(self._report_frame(c, actors, mentions, offset))
        out.extend(self._according_to(trigger, actors, mentions, offset))
        headline_tag = self._trailing_tag(trigger)
        if headline_tag is not None:
            out.append(headline_tag)
        return out

    def _trailing_tag(self, trigger: Token) -> Frame | None:
        """A headline's source tag after a colon or dash: "… to Kursk: report", "… Moscow - state media"."""
        w = self.words
        doc = trigger.doc
        separators = [t for t in doc if t.text in w.headline_tag_separators and (t.text == ":" or t.whitespace_)]
        if not separators or separators[-1].i <= trigger.i:
            return None
        sep = separators[-1]
        tail = [t for t in doc[sep.i + 1:] if not t.is_punct]
        words = {t.lower_ for t in tail} | {t.lemma_.lower() for t in tail}
        if not tail or len(tail) > 4 or not words & self._tag_sources:
            return None
        text = doc[tail[0].i:tail[-1].i + 1].text
        generic = len(tail) == 1 and tail[0].lemma_.lower() in w.generic_evidential_nouns
        return Frame(Certainty.REPORTED, f"{sep.text} {text}", None if generic else text, scope="sentence")

    def _hedges(self, token: Token, out: list[Frame], *, own: bool) -> None:
        w = self.words
        for c in token.children:
            word = c.lower_
            if c.dep_ == "advmod" and word in w.unconfirmed_adverbs:
                out.append(Frame(Certainty.UNCONFIRMED, c.text))
            elif c.dep_ == "advmod" and word in w.reported_adverbs:
                out.append(Frame(Certainty.REPORTED, c.text))
            elif own and c.dep_ in ("amod", "compound") and word in w.unconfirmed_modifiers:
                out.append(Frame(Certainty.UNCONFIRMED, f"{c.text} {token.text}"))
            elif own and c.dep_ in ("amod",) and word in w.reported_modifiers:
                out.append(Frame(Certainty.REPORTED, f"{c.text} {token.text}"))

    def _refusal(self, verb: Token) -> bool:
        """ "denied permission to march", "were denied entry": deny as refuse-to-grant, not as a denial."""
        w = self.words
        return any(c.dep_ in ("dobj", "dative", "nsubjpass") and c.lemma_.lower() in w.refusal_objects
                   for c in verb.children) or (
            any(c.dep_ == "nsubjpass" for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children))

    def _step(self, node: Token, head: Token, actors: Sequence[Actor], mentions: Sequence[Mention], offset: int,
              came_as_content: bool = True) -> Frame | None:
        w = self.words
        dep = node.dep_
        lemma = head.lemma_.lower()
        is_verb = head.tag_.startswith("VB")
        # denials: "denied that …", "denied sending …", "denied the attack", "rejected reports that …"
        if is_verb and lemma in w.denial_verbs and dep in CONTENT_DEPS and not self._refusal(head):
            first = head.head if head.dep_ == "conj" else head
            if first.lemma_.lower() in w.confirmation_verbs and any(
                    c.lower_ in w.confirmation_correlatives for c in first.children):
                return Frame(Certainty.UNCONFIRMED, f"{first.text} nor {head.text}")  # "neither confirmed nor denied"
            return self._denial_frame(head, f"{head.text}")
        if is_verb and lemma in w.denial_of_report_verbs and dep == "dobj" and came_as_content and (
                node.lemma_.lower() in w.evidential_nouns or node.lemma_.lower() in w.claim_nouns
                or node.lemma_.lower() in w.doubtful_nouns):
            return self._denial_frame(head, f"{head.text} {node.text}")
        if lemma in w.denial_nouns and dep in ("acl", "ccomp"):
            source = next((c for c in head.children if c.dep_ == "poss"), None)
            text, span = self.source_phrase(source) if source is not None else (None, None)
            return Frame(Certainty.DENIED, head.text, text, span)
        # reports: "X said that …", "X is said to …", "X reported the attack"
        passive = any(c.dep_ == "auxpass" for c in head.children)
        # an xcomp is reported content only under a passive ("is said to have fled"); "told them to
        # leave" is an order, whose status the status rules read
        content = dep in ("ccomp", "parataxis", "csubjpass", "nsubjpass") or (dep == "xcomp" and passive) or (
            dep == "dobj" and lemma not in w.addressee_object_verbs and lemma not in w.source_object_verbs)
        if is_verb and lemma in w.reporting_verbs and content:
            return self._report_frame(head, actors, mentions, offset)
        if is_verb and lemma in w.accusation_verbs and dep == "prep" and node.lower_ in w.accusation_prepositions:
            return self._report_frame(head, actors, mentions, offset)  # "accused X of shelling …"
        # evidential nouns: "reports that …", "claims of …", "unconfirmed reports say …"
        if lemma in self._reporting_nouns and head.tag_.startswith("NN") and dep in ("acl", "ccomp"):
            return self._noun_frame(head)
        if head.dep_ == "prep" and head.lower_ in w.content_prepositions and dep == "pobj":
            noun = head.head
            if noun.lemma_.lower() in self._reporting_nouns and noun.tag_.startswith("NN"):
                return self._noun_frame(noun)
        return None

    def _generic_report(self, noun: Token) -> bool:
        """ "Reports", "unconfirmed reports", "the claims": a report that names no speaker at all."""
        w = self.words
        if noun.lemma_.lower() not in w.generic_evidential_nouns:
            return False
        return all(c.dep_ in ("det", "punct") or (c.dep_ == "amod" and (
            c.lower_ in w.unconfirmed_modifiers or c.lower_ in w.reported_modifiers
            or c.lower_ in w.report_quantifiers))
            for c in noun.children if c.i < noun.i)

    def _denial_frame(self, verb: Token, cue: str) -> Frame:
        who = self.speaker(verb)
        text, span = self.source_phrase(who) if who is not None else (None, None)
        return Frame(Certainty.DENIED, cue, text, span)

    def _noun_frame(self, noun: Token) -> Frame:
        w = self.words
        doubtful = noun.lemma_.lower() in w.doubtful_nouns or any(
            c.dep_ == "amod" and c.lower_ in w.unconfirmed_modifiers for c in noun.children)
        source = self.evidential_source(noun)
        text, span = self.source_phrase(source) if source is not None else (None, None)
        return Frame(Certainty.UNCONFIRMED if doubtful else Certainty.REPORTED, noun.text, text, span)

    def _report_frame(self, verb: Token, actors: Sequence[Actor], mentions: Sequence[Mention], offset: int) -> Frame:
        w = self.words
        who = self.speaker(verb)
        lemma = verb.lemma_.lower()
        text, span = self.source_phrase(who) if who is not None else (None, None)
        cue = f"{text} {verb.text}" if text else verb.text
        certainty = Certainty.REPORTED
        if who is not None and who.lemma_.lower() in self._reporting_nouns:
            # "Reports indicate that …", "Unconfirmed reports say …": a report names no speaker, so the
            # attribution is its own source if it has one ("Reuters reports say …"), else None
            noun = self._noun_frame(who)
            certainty = noun.certainty
            if noun.source is not None or self._generic_report(who):
                text, span = noun.source, noun.source_span
        if lemma in w.doubtful_verbs:
            certainty = Certainty.UNCONFIRMED  # "It is alleged that …"
        elif self.unconfirming(verb) is not None:
            certainty = Certainty.UNCONFIRMED  # "claimed without evidence"
        elif lemma in w.confirmation_verbs and any(c.dep_ == "neg" for c in verb.children):
            certainty = Certainty.UNCONFIRMED  # "did not confirm that …"
        elif (certainty is Certainty.REPORTED and who is not None and span is not None
              and lemma not in w.assertive_verbs
              and (self.is_party(self._whole(who), actors, mentions, offset)
                   or self._speaks_of_itself(verb, self._whole(who)))):
            certainty = Certainty.CERTAIN
        return Frame(certainty, cue, text, span)

    def _according_to(self, trigger: Token, actors: Sequence[Actor], mentions: Sequence[Mention], offset: int) -> list[Frame]:
        """ "According to X, …" covers the whole sentence (unless the event sits inside X itself)."""
        out: list[Frame] = []
        for t in trigger.doc:
            if t.lower_ != "according":
                continue
            # "According to X, …" or "…, according to X": an attribution. Mid-clause without a comma
            # ("judged according to our religion") it is a manner adverbial instead.
            before = t.doc[t.i - 1] if t.i > 0 else None
            if before is not None and not (before.is_punct or before.is_space):
                continue
            to = next((c for c in t.children if c.lower_ == "to"), None)
            obj = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
            if obj is None or trigger.i in {t.i for t in obj.subtree}:
                continue
            text, span = self.source_phrase(obj)
            certainty = Certainty.REPORTED
            if obj.lemma_.lower() in self.words.doubtful_nouns or any(
                    c.dep_ == "amod" and c.lower_ in self.words.unconfirmed_modifiers for c in obj.children):
                certainty = Certainty.UNCONFIRMED
            elif self.is_party(trigger.doc[span[0]:span[1]], actors, mentions, offset):
                certainty = Certainty.CERTAIN
            out.append(Frame(certainty, f"according to {text}", text, span, scope="sentence"))
        return out

    # ------------------------------------------------------------------ doubt
    def unconfirming(self, predicate: Token) -> str | None:
        """Does this clause say a claim is not confirmed? Returns the cue words, or None.

        "remain unconfirmed", "could not be (independently) verified", "has not been confirmed",
        "without (providing) evidence", "offered no proof".
        """
        w = self.words
        lemma = predicate.lemma_.lower()
        if lemma in w.unconfirmed_adjectives:
            return predicate.text
        if lemma in w.confirmation_verbs and (
                any(c.dep_ == "neg" for c in predicate.children)
                or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in w.negative_subjects
                       or any(d.lower_ in w.negative_subject_determiners for d in c.children
                              if c.dep_ in ("nsubj", "nsubjpass"))
                       for c in predicate.children)):
            return f"not {predicate.text}"
        for c in predicate.children:
            if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c.lemma_.lower() in w.unconfirmed_adjectives:
                return f"{predicate.text} {c.text}"
            if c.dep_ == "prep" and c.lower_ == "without":
                for t in c.subtree:
                    if t.lemma_.lower() in w.evidence_nouns:
                        return f"without {t.text}"
            if c.dep_ == "dobj" and c.lemma_.lower() in w.evidence_nouns and any(
                    d.lower_ == "no" for d in c.children):
                return f"no {c.text}"
        return None

    # ------------------------------------------------------------------ parties
    @staticmethod
    def _person_like(source: Span) -> bool:
        """A named or pronominal speaker, not an organisation ("Putin", "he", "the minister Jane Doe")."""
        root = source.root
        return root.tag_ in ("NNP", "NNPS") or root.lower_ in PERSONAL_PRONOUNS

    @staticmethod
    def _whole(head: Token) -> Span:
        """The full phrase of a speaker, descriptors included ("the news agency TASS")."""
        return head.doc[head.left_edge.i:head.right_edge.i + 1]

    def _speaks_of_itself(self, verb: Token, source: Span) -> bool:
        """ "The ministry said *its* forces struck", "Hamas said *it* fired": the reported clause's
        subject refers back to the speaker, so the speaker is a party to what it reports."""
        w = self.words
        if {t.lower_ for t in source} & self._unnamed_words:
            return False
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "xcomp"):
                continue
            if clause.lemma_.lower() == "be":
                continue  # "it is our duty to …": an expletive, not the speaker
            for subj in clause.children:
                if subj.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                pronoun = subj if subj.lower_ in w.self_reference_words else next(
                    (c for c in subj.children if c.dep_ == "poss" and c.lower_ in w.self_reference_words), None)
                if pronoun is None:
                    continue
                # "he/she" can only point back at a person ("the party said he was …" speaks of someone else)
                if pronoun.lower_ in PERSONAL_PRONOUNS and not self._person_like(source):
                    continue
                return True
        return False

    def is_party(self, source: Span, actors: Sequence[Actor], mentions: Sequence[Mention], offset: int) -> bool:
        """Is the source one of the event's actors (or their government)? See the module docstring."""
        w = self.words
        words = {t.lower_ for t in source}
        if words & w.media_words or words & w.anonymous_words:
            return False
        start, end = offset + source.start_char, offset + source.end_char
        inside = [m for m in mentions if m.start < end and m.end > start]
        if any((m.actor.sector or "").lower() in w.media_sectors for m in inside):
            return False
        if not actors:
            return False
        for actor in actors:
            if actor.text and actor.text.split(" ", 1)[0].lower() in w.self_reference_words:
                return True  # "the ministry said its forces …"
            for text in (actor.text, actor.name):
                if text and (_contains_words(source.text, text) or _contains_words(text, source.text)):
                    return True
        countries = {a.country for a in actors if a.country}
        return any(m.actor.country in countries for m in inside if m.actor.country)


def event_actors(events: Iterable[Event]) -> list[Actor]:
    """The actors of one event told as several records (one per dyad), members of groups included."""
    out: list[Actor] = []
    for event in events:
        for actor in (event.source, event.target):
            if actor is None:
                continue
            out.append(actor)
            out.extend(actor.members)
    return out


def _contains_words(haystack: str, needle: str) -> bool:
    """Whole-word containment, case-insensitive ("Russia" is not inside "Russian", "US" not in "Russia")."""
    pattern = r"(?<!\w)" + re.escape(needle.strip().lower()) + r"(?!\w)"
    return bool(needle.strip()) and re.search(pattern, haystack.lower()) is not None
