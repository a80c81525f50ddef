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
    from spacy.tokens import Doc, Span, Token

SEVERITY = {Certainty.CERTAIN: 0, Certainty.REPORTED: 1, Certainty.UNCONFIRMED: 2, Certainty.DENIED: 3}
MAX_DEPTH = 24
# Word classes and dependency relations of the shared vocabulary (data/lexicon/certainty.toml), bound once.
CONTENT_DEPS = vocabulary.words("certainty_dependencies.report_content")
PERSONAL_PRONOUNS = vocabulary.words("certainty_pronouns.personal")
# Children of a source noun phrase that are left out of its attribution text.
TRIMMED_DEPS = vocabulary.words("certainty_dependencies.trimmed_from_source")
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})


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


def _named_after_descriptor(head: Token) -> list[Token] | None:
    """ "DPRK's state media KCNA" → "KCNA": a proper name behind a common-noun descriptor, with the proper nouns
    just before it that hang off it; None when ``head`` is no such name."""
    if not (head.tag_ in PROPER_TAGS and head.text[:1].isupper()):
        return None
    if not any(c.dep_ in ("compound", "poss", "nmod") and c.i < head.i and c.tag_ not in PROPER_TAGS
               for c in head.children):
        return None
    run = [head]
    i = head.i - 1
    while i >= 0 and head.doc[i].tag_ in PROPER_TAGS and head.doc[i].head.i == head.i:
        run.insert(0, head.doc[i])
        i -= 1
    return run


def _last_separator(doc: Doc, separators: frozenset[str]) -> Token | None:
    """The last separator before a headline's source tag: a colon, or a dash with a space after it."""
    last = None
    for t in doc:
        if t.text in separators and (t.text == ":" or t.whitespace_):
            last = t
    return last


def _according_object(according: Token) -> Token | None:
    """X in "according to X"."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None


@dataclass(frozen=True, slots=True)
class _Parties:
    """What a party check needs: the event's actors, the sentence's mentions, its offset in the text."""

    actors: Sequence[Actor]
    mentions: Sequence[Mention]
    offset: int


class AttributionReader:
    """Collect the certainty frames of an event trigger and decide its certainty and attribution."""

    def __init__(self, words: CertaintyWords) -> None:
        self.words = words
        self._reporting_nouns = words.evidential_nouns | words.doubtful_nouns
        self._claim_like_nouns = words.evidential_nouns | words.claim_nouns | words.doubtful_nouns
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
        name = next((c for c in head.children if c.dep_ == "appos" and c.tag_ in PROPER_TAGS), None)
        if name is not None and head.tag_ in COMMON_NOUN_TAGS:
            return self.source_phrase(name)  # "the state broadcaster CCTV" → "CCTV"
        tokens = _named_after_descriptor(head) or _trimmed_tokens(head) or [head]
        span = head.doc[tokens[0].i:tokens[-1].i + 1]
        return span.text, (span.start, span.end)

    def evidential_source(self, noun: Token) -> Token | None:
        """The source inside an evidential noun phrase: "a statement *from X*", "*X's* report"."""
        w = self.words
        if noun.lemma_.lower() not in w.evidential_nouns:
            return None
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ not in w.self_reference_words:
                return c
            if c.dep_ == "prep" and c.lower_ in w.source_prepositions:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in w.evidential_nouns:
                    return obj
        for c in noun.children:
            if c.dep_ == "compound" and c.tag_ in PROPER_TAGS:  # "Reuters reports"
                return c
        return None

    def speaker(self, verb: Token) -> Token | None:
        """Who reports, tried in this order: the cited object ("citing officials"), the passive agent ("as
        reported by X"), the subject, the quoted passive subject ("the mayor was quoted as saying"), and last the
        speaker of the verb a subjectless one hangs off."""
        who = self._cited_source(verb)
        if who is None:
            who = _passive_agent(verb)
        if who is None:
            who = self._subject_speaker(verb)
        if who is None:
            who = self._quoted_subject(verb)
        if who is None:
            who = self._governor_speaker(verb)
        return who

    def _cited_source(self, verb: Token) -> Token | None:
        """ "citing officials", "quoted a spokesman": the object of a source-object verb."""
        if verb.lemma_.lower() not in self.words.source_object_verbs:
            return None
        return next((c for c in verb.children if c.dep_ == "dobj"), None)

    def _subject_speaker(self, verb: Token) -> Token | None:
        """The reporting verb's subject, unless it cannot speak ("it is said", "what …", a quote's "we")."""
        never = self.words.non_speaker_subjects
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in never
                    and c.tag_ not in ("WDT", "WP", "DT")]  # "this is …", "what …" are no speakers
        # "The Russian news agency TASS said" is sometimes parsed with two subjects: the name is last
        return subjects[-1] if subjects else None

    def _quoted_subject(self, verb: Token) -> Token | None:
        """ "the mayor was quoted as saying …": the passive subject of a source-object verb."""
        if verb.lemma_.lower() not in self.words.source_object_verbs:
            return None
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)

    def _governor_speaker(self, verb: Token) -> Token | None:
        """A subjectless conjunct or participle shares its governor's subject: "said and added that …", "told
        reporters, adding that …", "was quoted as saying that …"."""
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
        parties = _Parties(actors, mentions, offset)
        out: list[Frame] = []
        self._hedges(trigger, out, own=True)
        path = self._walk_up(trigger, parties, out)
        out.extend(self._side_reports(path, parties))
        out.extend(self._according_to(trigger, parties))
        headline_tag = self._trailing_tag(trigger)
        if headline_tag is not None:
            out.append(headline_tag)
        return out

    def _walk_up(self, trigger: Token, parties: _Parties, out: list[Frame]) -> list[Token]:
        """Append the frame of every word above the trigger (and the hedges on them), innermost first; return
        the path from the trigger to the root."""
        node = trigger
        path: list[Token] = [trigger]
        came_as_content = False  # the trigger itself is not a report's content ("rejected the claim")
        for _ in range(MAX_DEPTH):
            head = node.head
            if head.i == node.i:
                break
            frame = self._step(node, head, parties, came_as_content)
            if frame is not None:
                out.append(frame)
            came_as_content = self._is_report_content(node)
            path.append(head)
            if head.tag_.startswith("VB") or head.tag_.startswith("NN"):
                self._hedges(head, out, own=False)
            node = head
        return path

    def _is_report_content(self, node: Token) -> bool:
        """A report noun's content is its "that"-clause or its "of/about" object; a participle hanging off it
        ("rejected the suggestion, saying …") is not what the report says."""
        if node.dep_ == "ccomp":
            return True
        if node.dep_ in ("acl", "relcl"):
            return any(c.dep_ == "mark" for c in node.children)
        return node.dep_ == "prep" and node.lower_ in self.words.content_prepositions

    def _side_reports(self, path: list[Token], parties: _Parties) -> list[Frame]:
        """Side frames: a reporting verb hanging off a clause on the path ("…, officials said")."""
        on_path = {t.i for t in path}
        return [self._report_frame(c, parties) for t in path for c in t.children
                if c.i not in on_path and self._is_side_report(t, c)]

    def _is_side_report(self, clause: Token, verb: Token) -> bool:
        """Is ``verb`` a reporting verb that tags ``clause`` from the side ("…, officials said")?"""
        if verb.lemma_.lower() not in self.words.reporting_verbs:
            return False
        # a reporting verb with content of its own reports that, not our clause ("though no incident was
        # reported")
        if any(g.dep_ in ("ccomp", "dobj", "nsubjpass", "xcomp") for g in verb.children):
            return False
        if verb.dep_ in ("advcl", "parataxis"):
            return True
        # a trailing conjunct after a comma is a tag ("…, X said")
        return verb.dep_ == "conj" and verb.i > clause.i and any(
            x.is_punct and x.text == "," for x in verb.doc[clause.i:verb.i])

    def _trailing_tag(self, trigger: Token) -> Frame | None:
        """A headline's source tag after a colon or dash: "… to Kursk: report", "… Moscow - state media"."""
        doc = trigger.doc
        sep = _last_separator(doc, self.words.headline_tag_separators)
        if sep is None or sep.i <= trigger.i:
            return None
        tail = [t for t in doc[sep.i + 1:] if not t.is_punct]
        words = {t.lower_ for t in tail} | {t.lemma_.lower() for t in tail}
        if not tail or len(tail) > 4 or not words & self._tag_sources:
            return None
        text = doc[tail[0].i:tail[-1].i + 1].text
        generic = len(tail) == 1 and tail[0].lemma_.lower() in self.words.generic_evidential_nouns
        return Frame(Certainty.REPORTED, f"{sep.text} {text}", None if generic else text, scope="sentence")

    def _hedges(self, token: Token, out: list[Frame], *, own: bool) -> None:
        """Append the hedges on ``token``: adverbs ("reportedly", "allegedly"); on the trigger itself
        (``own``) also modifiers ("alleged attack")."""
        w = self.words
        for c in token.children:
            word = c.lower_
            if c.dep_ == "advmod" and word in w.unconfirmed_adverbs:
                out.append(Frame(Certainty.UNCONFIRMED, c.text))
            elif c.dep_ == "advmod" and word in w.reported_adverbs:
                out.append(Frame(Certainty.REPORTED, c.text))
            elif own and c.dep_ in ("amod", "compound") and word in w.unconfirmed_modifiers:
                out.append(Frame(Certainty.UNCONFIRMED, f"{c.text} {token.text}"))
            elif own and c.dep_ == "amod" and word in w.reported_modifiers:
                out.append(Frame(Certainty.REPORTED, f"{c.text} {token.text}"))

    def _refusal(self, verb: Token) -> bool:
        """ "denied permission to march", "were denied entry": deny as refuse-to-grant, not as a denial."""
        w = self.words
        return any(c.dep_ in ("dobj", "dative", "nsubjpass") and c.lemma_.lower() in w.refusal_objects
                   for c in verb.children) or (
            any(c.dep_ == "nsubjpass" for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children))

    def _step(self, node: Token, head: Token, parties: _Parties, came_as_content: bool) -> Frame | None:
        """The frame ``head`` puts on ``node``, its child on the path up from the trigger: a denial, a report or
        an evidential noun, tried in that order. ``came_as_content``: ``node`` is itself a report's content."""
        # a frame is a dataclass and always true: ``or`` takes the first that fired
        return (self._denial_step(node, head, came_as_content)
                or self._report_step(node, head, parties)
                or self._evidential_step(node, head))

    def _denial_step(self, node: Token, head: Token, came_as_content: bool) -> Frame | None:
        """ "denied that …", "denied sending …", "denied the attack", "rejected reports that …", "the ministry's
        denial that …"."""
        w = self.words
        lemma = head.lemma_.lower()
        is_verb = head.tag_.startswith("VB")
        if is_verb and lemma in w.denial_verbs and node.dep_ in CONTENT_DEPS and not self._refusal(head):
            return self._denial_or_correlative(head)
        if is_verb and lemma in w.denial_of_report_verbs and node.dep_ == "dobj" and came_as_content and (
                node.lemma_.lower() in self._claim_like_nouns):
            return self._denial_frame(head, f"{head.text} {node.text}")
        if lemma in w.denial_nouns and node.dep_ in ("acl", "ccomp"):
            return self._denial_noun_frame(head)
        return None

    def _denial_noun_frame(self, noun: Token) -> Frame:
        """ "the ministry's denial that …": attributed to the possessor."""
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        text, span = self.source_phrase(source) if source is not None else (None, None)
        return Frame(Certainty.DENIED, noun.text, text, span)

    def _denial_or_correlative(self, verb: Token) -> Frame:
        """A denial, except in "neither confirmed nor denied", which leaves the claim unconfirmed."""
        first = verb.head if verb.dep_ == "conj" else verb
        if first.lemma_.lower() in self.words.confirmation_verbs and any(
                c.lower_ in self.words.confirmation_correlatives for c in first.children):
            return Frame(Certainty.UNCONFIRMED, f"{first.text} nor {verb.text}")
        return self._denial_frame(verb, f"{verb.text}")

    def _report_step(self, node: Token, head: Token, parties: _Parties) -> Frame | None:
        """ "X said that …", "X is said to …", "X reported the attack", "accused X of shelling …"."""
        if not head.tag_.startswith("VB"):
            return None
        w = self.words
        lemma = head.lemma_.lower()
        if lemma in w.reporting_verbs and self._is_reported(node, head, lemma):
            return self._report_frame(head, parties)
        if lemma in w.accusation_verbs and node.dep_ == "prep" and node.lower_ in w.accusation_prepositions:
            return self._report_frame(head, parties)
        return None

    def _is_reported(self, node: Token, verb: Token, lemma: str) -> bool:
        """Is ``node`` what ``verb`` reports? An xcomp only under a passive ("is said to have fled"; "told them to
        leave" is an order, whose status the status rules read); an object unless it is the addressee ("told
        reporters") or the source ("citing officials")."""
        dep = node.dep_
        if dep in ("ccomp", "parataxis", "csubjpass", "nsubjpass"):
            return True
        if dep == "xcomp":
            return any(c.dep_ == "auxpass" for c in verb.children)
        return dep == "dobj" and lemma not in self.words.addressee_object_verbs and (
            lemma not in self.words.source_object_verbs)

    def _evidential_step(self, node: Token, head: Token) -> Frame | None:
        """Evidential nouns: "reports that …", "claims of …", "unconfirmed reports say …"."""
        if head.lemma_.lower() in self._reporting_nouns and head.tag_.startswith("NN") and (
                node.dep_ in ("acl", "ccomp")):
            return self._noun_frame(head)
        if head.dep_ == "prep" and head.lower_ in self.words.content_prepositions and node.dep_ == "pobj":
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
        """A denial by the speaker of ``verb``."""
        who = self.speaker(verb)
        text, span = self.source_phrase(who) if who is not None else (None, None)
        return Frame(Certainty.DENIED, cue, text, span)

    def _is_doubtful_noun(self, noun: Token) -> bool:
        """ "allegations", "unconfirmed reports": a noun whose content is unconfirmed."""
        w = self.words
        return noun.lemma_.lower() in w.doubtful_nouns or any(
            c.dep_ == "amod" and c.lower_ in w.unconfirmed_modifiers for c in noun.children)

    def _noun_frame(self, noun: Token) -> Frame:
        """The frame of an evidential noun: reported, or unconfirmed when the noun is doubtful; its source if
        it names one."""
        doubtful = self._is_doubtful_noun(noun)
        source = self.evidential_source(noun)
        text, span = self.source_phrase(source) if source is not None else (None, None)
        return Frame(Certainty.UNCONFIRMED if doubtful else Certainty.REPORTED, noun.text, text, span)

    def _report_frame(self, verb: Token, parties: _Parties) -> Frame:
        """The frame of a reporting verb: its speaker, and how sure the report makes the event."""
        who = self.speaker(verb)
        text, span = self.source_phrase(who) if who is not None else (None, None)
        cue = f"{text} {verb.text}" if text else verb.text
        certainty = Certainty.REPORTED
        if who is not None and who.lemma_.lower() in self._reporting_nouns:
            certainty, text, span = self._report_as_speaker(who, text, span)
        certainty = self._report_certainty(verb, who, span, certainty, parties)
        return Frame(certainty, cue, text, span)

    def _report_as_speaker(self, report: Token, text: str | None, span: tuple[int, int] | None
                           ) -> tuple[Certainty, str | None, tuple[int, int] | None]:
        """ "Reports indicate that …", "Unconfirmed reports say …": a report names no speaker, so the attribution
        is its own source if it has one ("Reuters reports say …"), else None."""
        noun = self._noun_frame(report)
        if noun.source is not None or self._generic_report(report):
            return noun.certainty, noun.source, noun.source_span
        return noun.certainty, text, span

    def _report_certainty(self, verb: Token, who: Token | None, span: tuple[int, int] | None,
                          certainty: Certainty, parties: _Parties) -> Certainty:
        """Doubt on the reporting verb makes it unconfirmed; a party's plain statement keeps it certain."""
        lemma = verb.lemma_.lower()
        if self._doubted_report(verb, lemma):
            return Certainty.UNCONFIRMED
        if (certainty is Certainty.REPORTED and who is not None and span is not None
                and lemma not in self.words.assertive_verbs and self._party_speaks(verb, who, parties)):
            return Certainty.CERTAIN
        return certainty

    def _doubted_report(self, verb: Token, lemma: str) -> bool:
        """ "It is alleged that …", "claimed without evidence", "did not confirm that …"."""
        w = self.words
        return (lemma in w.doubtful_verbs or self.unconfirming(verb) is not None
                or (lemma in w.confirmation_verbs and any(c.dep_ == "neg" for c in verb.children)))

    def _party_speaks(self, verb: Token, who: Token, parties: _Parties) -> bool:
        """Is the speaker a party to the event, or does it speak of itself in the reported clause?"""
        whole = self._whole(who)
        return (self.is_party(whole, parties.actors, parties.mentions, parties.offset)
                or self._speaks_of_itself(verb, whole))

    def _according_to(self, trigger: Token, parties: _Parties) -> list[Frame]:
        """ "According to X, …" covers the whole sentence (unless the event sits inside X itself)."""
        out: list[Frame] = []
        for t in trigger.doc:
            if t.lower_ == "according":
                frame = self._according_frame(t, trigger, parties)
                if frame is not None:
                    out.append(frame)
        return out

    def _according_frame(self, according: Token, trigger: Token, parties: _Parties) -> Frame | None:
        """The frame of one "according to X", or None when it is no attribution or the event sits inside X."""
        doc = according.doc
        # "According to X, …" or "…, according to X": an attribution. Mid-clause without a comma
        # ("judged according to our religion") it is a manner adverbial instead.
        before = doc[according.i - 1] if according.i > 0 else None
        if before is not None and not (before.is_punct or before.is_space):
            return None
        obj = _according_object(according)
        if obj is None or trigger.i in {t.i for t in obj.subtree}:
            return None
        text, span = self.source_phrase(obj)
        if self._is_doubtful_noun(obj):
            certainty = Certainty.UNCONFIRMED
        elif self.is_party(doc[span[0]:span[1]], parties.actors, parties.mentions, parties.offset):
            certainty = Certainty.CERTAIN
        else:
            certainty = Certainty.REPORTED
        return Frame(certainty, f"according to {text}", text, span, scope="sentence")

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
        if lemma in w.confirmation_verbs and self._negated_confirmation(predicate):
            return f"not {predicate.text}"
        for c in predicate.children:
            cue = self._unconfirming_child(predicate, c)
            if cue is not None:
                return cue
        return None

    def _negated_confirmation(self, verb: Token) -> bool:
        """ "has not been confirmed", "none has been confirmed", "neither report could be verified"."""
        w = self.words
        return any(c.dep_ == "neg" for c in verb.children) or any(
            c.lower_ in w.negative_subjects or any(d.lower_ in w.negative_subject_determiners for d in c.children)
            for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS)

    def _unconfirming_child(self, predicate: Token, c: Token) -> str | None:
        """ "remain unconfirmed", "without evidence", "offered no proof"."""
        w = self.words
        if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c.lemma_.lower() in w.unconfirmed_adjectives:
            return f"{predicate.text} {c.text}"
        if c.dep_ == "prep" and c.lower_ == "without":
            evidence = next((t for t in c.subtree if t.lemma_.lower() in w.evidence_nouns), None)
            if evidence is not None:
                return f"without {evidence.text}"
        if c.dep_ == "dobj" and c.lemma_.lower() in w.evidence_nouns and any(
                d.lower_ == "no" for d in c.children):
            return f"no {c.text}"
        return None

    # ------------------------------------------------------------------ parties
    @staticmethod
    def _person_like(source: Span) -> bool:
        """A named or pronominal speaker, not an organisation ("Putin", "he", "the minister Jane Doe")."""
        root = source.root
        return root.tag_ in PROPER_TAGS or root.lower_ in PERSONAL_PRONOUNS

    @staticmethod
    def _whole(head: Token) -> Span:
        """The full phrase of a speaker, descriptors included ("the news agency TASS")."""
        return head.doc[head.left_edge.i:head.right_edge.i + 1]

    def _speaks_of_itself(self, verb: Token, source: Span) -> bool:
        """ "The ministry said *its* forces struck", "Hamas said *it* fired": the reported clause's
        subject refers back to the speaker, so the speaker is a party to what it reports."""
        if {t.lower_ for t in source} & self._unnamed_words:
            return False
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "xcomp") or clause.lemma_.lower() == "be":
                continue  # "it is our duty to …": an expletive, not the speaker
            if any(self._refers_to_speaker(subj, source) for subj in clause.children
                   if subj.dep_ in NOMINAL_SUBJECT_DEPS):
                return True
        return False

    def _refers_to_speaker(self, subject: Token, source: Span) -> bool:
        """Is ``subject`` (or its possessor: "*its* forces") a pronoun that can point back at ``source``?"""
        w = self.words
        pronoun = subject if subject.lower_ in w.self_reference_words else next(
            (c for c in subject.children if c.dep_ == "poss" and c.lower_ in w.self_reference_words), None)
        if pronoun is None:
            return False
        # "he/she" can only point back at a person ("the party said he was …" speaks of someone else)
        return pronoun.lower_ not in PERSONAL_PRONOUNS or self._person_like(source)

    def is_party(self, source: Span, actors: Sequence[Actor], mentions: Sequence[Mention], offset: int) -> bool:
        """Is the source one of the event's actors (or their government)? See the module docstring."""
        if {t.lower_ for t in source} & self._unnamed_words:
            return False
        inside = _mentions_inside(source, mentions, offset)
        if self._media_mention(inside) or not actors:
            return False
        if any(self._names_actor(source, actor) for actor in actors):
            return True
        countries = {a.country for a in actors if a.country}
        return any(m.actor.country in countries for m in inside if m.actor.country)

    def _media_mention(self, mentions: Sequence[Mention]) -> bool:
        """Does one of the mentions name a media actor (a PLOVER media sector)?"""
        return any((m.actor.sector or "").lower() in self.words.media_sectors for m in mentions)

    def _names_actor(self, source: Span, actor: Actor) -> bool:
        """Does the source name the actor (or is the actor the source's "its …")?"""
        if actor.text and actor.text.split(" ", 1)[0].lower() in self.words.self_reference_words:
            return True  # "the ministry said its forces …"
        return any(text and (_contains_words(source.text, text) or _contains_words(text, source.text))
                   for text in (actor.text, actor.name))


def _mentions_inside(source: Span, mentions: Sequence[Mention], offset: int) -> list[Mention]:
    """The actor mentions that overlap the source (``offset``: the sentence's start in the text)."""
    start, end = offset + source.start_char, offset + source.end_char
    return [m for m in mentions if m.start < end and m.end > start]


def _passive_agent(verb: Token) -> Token | None:
    """X in "as reported by X": the object of the verb's first passive agent that has one."""
    for c in verb.children:
        if c.dep_ == "agent":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


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
