"""The document model: who is who across the whole article, built after the parse and before the events.

The actors stage reads names, titles and dictionary entries sentence by sentence. This stage links what
refers back to them, so that the event coder finds an actor behind every argument the text gives one:

1. **Quotations and their speakers.** Quote spans are read from the text's quote marks; a span's speaker
   is the subject of the reporting verb that hangs on it (`"…," Bennett said`, `said X`, `X told VOA: "…"`),
   and a quote with no attribution of its own, right after an attributed one, continues that speaker.
2. **People coded by their own phrase.** A person no dictionary knows takes the country of the body their
   noun phrase names ("United Nations-appointed rapporteur Richard Bennett" → UNO; "Heather Barr, director
   at Human Rights Watch" → NGO), and every mention of that person takes it too.
3. **Pronouns.** Each personal pronoun becomes a mention of its antecedent, by a rule of agreement and
   syntactic salience (below). Inside a quotation "I/me/my" is its speaker and "we/us/our" the speaker's
   body; outside, "he/she" is a person, "it/its" a state or organisation, "they/them/their" an
   organisation, a group or a plural noun.

**Agreement and salience.** A third-person pronoun looks back at most three sentences. Candidates must
agree in kind (person or not; plural for "they"; gender where an honorific or an earlier pronoun told it).
An object pronoun never names its own verb's subject ("the Taliban barred him"). Among agreeing candidates
the best is the subject of a clause (over an object), then the nearer sentence, then the later mention;
inside a quotation its speaker is no third person; outside a quotation a mention inside one counts less.
"it" and "they" take only a subject or the only agreeing candidate of the same or the previous sentence
(their referent is as often a thing as an actor), and an "it" that is expletive ("it is clear that",
"it was decided") is left alone. What nothing resolves stays unresolved.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Actor, AnalysedArticle, Mention, Quote, Section, Sentence
from ..vocabulary import words
from .coref import FAMILY_NAME_FIRST
from .introduced import name_introduced_people
from .titles import PLOVER_NONSTATE, codes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LOOKBACK = 3  # sentences a third-person pronoun looks back
PRONOUN_EVIDENCE = "coref:pronoun"
SPEAKER_EVIDENCE = "coref:quote-speaker"
# dependency labels of a clause's subject
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# heads under which an "it" subject is expletive ("it is clear", "it seems", "it was decided that")
EXPLETIVE_HEADS = words("actors_document.expletive_head_lemmas")
# edges a person's own noun phrase is read through for the body that places them
PHRASE_DEPS = words("actors_document.phrase_dependencies")
_QUOTE = re.compile('"')
# sectors of people at large: "women's rights director" is no body that employs anyone
PEOPLE_SECTORS = codes("actors_document.people_sectors")


# the word classes this module reads, bound once (they are looked up per token)
PERSON = words("pronouns.third_singular_person")
FEMININE = words("pronouns.third_singular_feminine")
THING = words("pronouns.third_singular_thing")
LOCATIVE_PREPOSITIONS = words("events_prepositions.locative")
PLURAL = words("pronouns.third_plural")
FIRST_SINGULAR = words("pronouns.first_singular")
FIRST_PLURAL = words("pronouns.first_plural")
OBJECT_FORMS = words("pronouns.object_forms")
ALL_PRONOUNS = PERSON | THING | PLURAL | FIRST_SINGULAR | FIRST_PLURAL
REPORTING_LEMMAS = words("reporting.verb_lemmas")
REPORTING_FORMS = words("reporting.verb_forms")
AFFILIATION_PREPOSITIONS = words("nouns.affiliation_prepositions")
NGO_SECTORS = words("nouns.ngo_sectors")
REFERENTIAL_ADJECTIVES = words("pronouns.referential_adjectives")


SUBJECT_FORMS = words("pronouns.subject_forms")


def may_refer(doc: Doc) -> bool:
    """Could a sentence with no actor mention of its own name one by a pronoun? A cheap pre-parse test: a
    personal pronoun that can be a doer ("he", "they", "we" — not "it", mostly a thing or expletive, nor a
    possessive: an actor's possession alone makes no event)."""
    return any(t.lower_ in SUBJECT_FORMS for t in doc)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An earlier mention a pronoun may point back to."""

    mention: Mention
    order: int  # position in the article (sentence, token)
    subject: bool
    in_quote: bool


# --------------------------------------------------------------------------- quotations


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations of ``text`` (straight double quotes, as the cleaner leaves them),
    quote marks included. A quote mark opens when it follows a space or an opening bracket and closes when it
    is followed by a space or punctuation; an unclosed quotation ends with its paragraph."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE.finditer(text):
        i = m.start()
        open_at = _end_at_paragraph(text, open_at, i, spans)
        open_at = _at_quote_mark(text, i, open_at, spans)
    if open_at is not None:
        end = text.find("\n", open_at)
        spans.append((open_at, len(text) if end == -1 else end))
    return spans


def _end_at_paragraph(text: str, open_at: int | None, i: int, spans: list[tuple[int, int]]) -> int | None:
    """Close the quotation open at ``open_at`` at a paragraph break before the mark at ``i`` (an unclosed
    quotation ends with its paragraph); the quotation still open after."""
    newline = text.rfind("\n", open_at, i) if open_at is not None else -1
    if open_at is not None and newline != -1:
        spans.append((open_at, newline))
        return None
    return open_at


def _at_quote_mark(text: str, i: int, open_at: int | None, spans: list[tuple[int, int]]) -> int | None:
    """What the quote mark at ``i`` does: open a quotation, close the open one (added to ``spans``), or, as a
    second opening in a row, show that the first was a stray mark. The quotation open after it."""
    opening, closing = _mark_sides(text, i)
    if open_at is None:
        return i if opening or not closing else None
    if closing or not opening:
        spans.append((open_at, i + 1))
        return None
    return i  # two openings in a row: the first was a stray mark


def _mark_sides(text: str, i: int) -> tuple[bool, bool]:
    """(may open, may close) of the quote mark at ``i``: it may open after a space or an opening bracket, and
    close before a space or punctuation."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opening = prev.isspace() or prev in "([{-—:" or i == 0
    closing = nxt.isspace() or nxt in ".,;:!?)]}—-…'" or i + 1 == len(text)
    return opening, closing


class _Spans:
    """Which character offsets lie inside a quotation."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)

    def at(self, offset: int) -> int | None:
        """The index of the quotation holding ``offset``, if any."""
        for n, (s, e) in enumerate(self.spans):
            if s <= offset < e:
                return n
        return None


# --------------------------------------------------------------------------- the stage


class DocumentModel:
    """Pipeline stage ``document``: quotations, their speakers, people coded from their own phrase, and
    pronouns as mentions of their antecedents."""

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        text = analysed.article.text
        sentences = [s for s in analysed.sentences if s.section != Section.BOILERPLATE and s.index in analysed.docs]
        spans = _Spans(quote_spans(text))
        mentions = split_swallowed_verbs(analysed, list(analysed.mentions))
        mentions = code_people(analysed, mentions)
        mentions = unify_people(mentions)
        mentions = resolve_definite_roles(analysed, mentions)
        mentions = resolve_definite_groups(analysed, mentions)
        mentions = resolve_definite_kinds(analysed, mentions)
        mentions = fill_article_country(analysed, mentions)
        mentions = name_unknown_people(analysed, mentions)
        mentions = name_introduced_people(mentions)
        mentions = article_namesakes(analysed, mentions)
        mentions = article_acronyms(analysed, mentions)
        first = _Resolver(analysed, sentences, spans, mentions, speakers={})
        first.run()
        speakers = first.speakers()
        final = _Resolver(analysed, sentences, spans, mentions, speakers=speakers)
        added = final.run()
        quotes = tuple(Quote(s, e, speakers.get(n)) for n, (s, e) in enumerate(spans.spans))
        merged = sorted(mentions + added, key=lambda m: (m.sentence, m.token_start, m.token_end))
        return dataclasses.replace(analysed, mentions=tuple(merged), quotes=quotes)


class _Resolver:
    """One pass over the article in text order: pronouns resolved, quotations attributed."""

    def __init__(self, analysed: AnalysedArticle, sentences: Sequence[Sentence], spans: _Spans,
                 mentions: Sequence[Mention], speakers: dict[int, Mention]) -> None:
        self.analysed = analysed
        self.sentences = sentences
        self.spans = spans
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_sentence.setdefault(m.sentence, []).append(m)
        self.known_speakers = speakers
        self.found_speakers: dict[int, Mention] = {}
        self.history: list[_Candidate] = []
        self.gender: dict[str, str] = _honorific_genders(analysed, mentions)
        self.position = {s.index: n for n, s in enumerate(sentences)}

    # -- driving
    def run(self) -> list[Mention]:
        added: list[Mention] = []
        for sentence in self.sentences:
            added.extend(self._run_sentence(sentence))
        return added

    def _run_sentence(self, sentence: Sentence) -> list[Mention]:
        """Resolve the pronouns of one sentence, remembering its mentions as antecedents in the order they come,
        and attribute the quotations it touches; the pronoun mentions it adds."""
        doc = self.analysed.docs[sentence.index]
        own = sorted(self.by_sentence.get(sentence.index, []), key=lambda m: m.token_start)
        covered = {t for m in own for t in range(m.token_start, m.token_end)}
        named = {t for m in own if m.actor.country for t in range(m.token_start, m.token_end)}
        pending = list(own)
        resolved: list[Mention] = []
        at = {t: m for m in own for t in range(m.token_start, m.token_end)}
        for tok in doc:
            while pending and pending[0].token_start <= tok.i:
                self._remember(pending.pop(0), sentence, doc)
            m = self._pronoun_mention(tok, sentence, doc, covered, named, at)
            if m is None:
                continue
            at[tok.i] = m
            resolved.append(m)
            self._remember(m, sentence, doc)
        for m in pending:
            self._remember(m, sentence, doc)
        self._attribute(sentence, doc, own + resolved)
        return resolved

    def _pronoun_mention(self, tok: Token, sentence: Sentence, doc: Doc, covered: set[int], named: set[int],
                         at: dict[int, Mention]) -> Mention | None:
        """The mention a pronoun outside every mention makes, if it resolves to a party other than the doer
        whose own things it names ("Ethiopia agreed to reopen its borders": the doer's own things name no
        party) or the actor the phrase after it names."""
        if tok.i in covered or tok.lower_ not in ALL_PRONOUNS:
            return None
        m = self._resolve(tok, sentence, doc)
        if m is None or _own_possessive(tok, m, at) or _named_after(tok, named):
            return None
        return m

    def speakers(self) -> dict[int, Mention]:
        """Each quotation's speaker: its own attribution, else that of the attributed quotation just before."""
        out = dict(self.found_speakers)
        for n in range(len(self.spans.spans)):
            if n in out or n - 1 not in out:
                continue
            gap = self.analysed.article.text[self.spans.spans[n - 1][1]:self.spans.spans[n][0]]
            if len(gap) < 200 and not _QUOTE.search(gap) and gap.count(".") <= 2:
                out[n] = out[n - 1]
        return out

    # -- history
    def _remember(self, m: Mention, sentence: Sentence, doc: Doc) -> None:
        head = _head(doc, m)
        if head is not None and _where(m, head):
            return  # "met Milei in Brasilia": where something happened, no antecedent of "they" or "it"
        subject = head is not None and (head.dep_ in SUBJECT_DEPS or (
            head.dep_ in ("compound", "poss") and head.head.dep_ in SUBJECT_DEPS))
        if sentence.index not in self.analysed.parsed:
            subject = not any(c.mention.sentence == sentence.index for c in self.history[-3:])
        in_quote = self.spans.at(sentence.start + doc[m.token_start].idx) is not None
        order = self.position[sentence.index] * 10_000 + m.token_start
        self.history.append(_Candidate(m, order, subject, in_quote))

    # -- pronouns
    def _resolve(self, tok: Token, sentence: Sentence, doc: Doc) -> Mention | None:
        word = tok.lower_
        quote = self.spans.at(sentence.start + tok.idx)
        speaker = self.known_speakers.get(quote) if quote is not None else None
        if word in FIRST_SINGULAR or word in FIRST_PLURAL:
            if speaker is None:
                return None
            return _pronoun_mention(tok, sentence, speaker, SPEAKER_EVIDENCE,
                                    person=speaker.person and word in FIRST_SINGULAR)
        if word in THING and _expletive(tok, sentence.index in self.analysed.parsed):
            return None
        best = self._antecedent(tok, sentence, quote, speaker)
        if best is None:
            return None
        if word in PERSON:
            self._learn_gender(best, word)
        return _pronoun_mention(tok, sentence, best, PRONOUN_EVIDENCE, person=best.person)

    def _antecedent(self, tok: Token, sentence: Sentence, quote: int | None,
                    speaker: Mention | None) -> Mention | None:
        """The most salient earlier mention the pronoun may refer to, if it is an actor we can code and, for a
        thing's pronoun, no other thing is as salient."""
        scored = self._scored_antecedents(tok, sentence, quote, speaker)
        if not scored:
            return None
        scored.sort(key=lambda x: x[0], reverse=True)
        best = scored[0][1]
        if not _codable(best):
            return None  # the nearest fit is an actor we cannot code ("women … they"): no guess past it
        if tok.lower_ not in PERSON and _tied(scored):
            return None  # two equally salient things: "it" stays unresolved
        return best

    def _scored_antecedents(self, tok: Token, sentence: Sentence, quote: int | None,
                            speaker: Mention | None) -> list[tuple[tuple[int, int, int, int], Mention]]:
        """The remembered mentions within reach (one sentence back for a thing, LOOKBACK for a person) that the
        pronoun may refer to, each with its salience: nearer, a subject, not inside a quotation when the pronoun
        is outside one, later."""
        here = self.position[sentence.index]
        reach = 1 if tok.lower_ not in PERSON else LOOKBACK
        scored: list[tuple[tuple[int, int, int, int], Mention]] = []
        for cand in reversed(self.history):
            distance = here - cand.order // 10_000
            if distance > reach:
                break
            if self._may_refer(tok, cand, distance, speaker):
                outside_penalty = int(quote is None and cand.in_quote)
                scored.append(((-distance, int(cand.subject), -outside_penalty, cand.order), cand.mention))
        return scored

    def _may_refer(self, tok: Token, cand: _Candidate, distance: int, speaker: Mention | None) -> bool:
        """May the pronoun refer to the candidate: they agree, binding allows it, the candidate is not the
        quotation's speaker (who says "I" or "we", not "he" or "they", of themselves), and a thing's "it" is
        an actor only as a subject ("calling it a crime")?"""
        word, m = tok.lower_, cand.mention
        if not self._agrees(word, m) or _binds(tok, m, distance):
            return False
        if speaker is not None and _same_actor(m, speaker):
            return False
        return not (word not in PERSON and word in THING and not cand.subject)

    def _agrees(self, word: str, m: Mention) -> bool:
        if word in PERSON:
            if not m.person:
                return False
            gender = self.gender.get(_identity(m))
            if gender is None:
                return True
            return (gender == "f") == (word in FEMININE)
        if m.person:
            return False
        if word in PLURAL:
            return bool(m.actor.members) or _plural_or_body(m)
        return not m.actor.members and not _plural_noun(m)

    def _learn_gender(self, m: Mention, word: str) -> None:
        self.gender.setdefault(_identity(m), "f" if word in FEMININE else "m")

    # -- quotations
    def _attribute(self, sentence: Sentence, doc: Doc, mentions: Sequence[Mention]) -> None:
        """Record the speaker of every quotation this sentence touches, if a reporting verb outside the
        quotation says who speaks."""
        touched = self._quotes_touching(sentence)
        if not touched:
            return
        speaker = _speaker(doc, sentence, mentions, self.spans, sentence.index in self.analysed.parsed)
        if speaker is None:
            return
        for n in touched:
            self.found_speakers.setdefault(n, speaker)

    def _quotes_touching(self, sentence: Sentence) -> list[int]:
        return [n for n, (s, e) in enumerate(self.spans.spans) if s < sentence.end and e > sentence.start]


# --------------------------------------------------------------------------- helpers


def _tied(scored: Sequence[tuple[tuple[int, ...], Mention]]) -> bool:
    """Are the two most salient candidates (sorted) other actors of equal salience but for their order?"""
    return len(scored) > 1 and scored[0][0][:3] == scored[1][0][:3] and _identity(scored[0][1]) != _identity(
        scored[1][1])


def _codable(m: Mention) -> bool:
    return bool(m.actor.code or m.actor.country or m.actor.members)


def _identity(m: Mention) -> str:
    a = m.actor
    return (a.name or a.code or a.text).lower()


def _same_actor(a: Mention, b: Mention) -> bool:
    return _identity(a) == _identity(b)


def _head(doc: Doc, m: Mention) -> Token | None:
    """The token of the mention whose head lies outside it (None for an unparsed sentence)."""
    if not doc.has_annotation("DEP"):
        return None
    for t in doc[m.token_start:m.token_end]:
        if not m.token_start <= t.head.i < m.token_end or t.head.i == t.i:
            return t
    return doc[m.token_end - 1]


def _plural_noun(m: Mention) -> bool:
    """A mention headed by a plural common noun ("officials", "rebels", "Afghan women")."""
    last = m.text.split()[-1] if m.text.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def _plural_or_body(m: Mention) -> bool:
    """What "they" can name: a plural noun, or an organisation or body (not a state named as itself)."""
    if _plural_noun(m):
        return True
    a = m.actor
    if m.evidence.startswith("dictionary:country") and a.sector is None:
        return False  # "Iran ... it", not "they"
    return a.sector is not None or (a.country in PLOVER_NONSTATE) or m.evidence.startswith("dictionary:org")


def _own_possessive(tok: Token, m: Mention, at: dict[int, Mention]) -> bool:
    """A possessive pronoun inside an object that refers to the subject of its own clause ("Syria will withdraw
    its troops", "Greece demanded that its partners refuse"): it says whose the thing is, never who is acted on,
    so it makes no mention of its own (the object's party, if any, comes from its other words)."""
    if tok.dep_ != "poss" or not tok.doc.has_annotation("DEP"):
        return False
    clause = _possessive_clause(tok)
    if clause is None:
        return False
    owner = _clause_owner(clause, at)
    return owner is not None and (_same_actor(owner, m) or _plural_owner(tok, clause))


def _plural_owner(tok: Token, clause: Token) -> bool:
    """"Egypt and Turkey withdrew *their* ambassadors": a plural possessive in the object of a clause whose subject
    is coordinated or plural is bound by that subject (the nearest agreeing antecedent, its own clause's), never
    by an earlier party."""
    if tok.lower_ not in ("their", "theirs") or tok.head.dep_ != "dobj" or tok.head.head.i != clause.i:
        return False  # only the clause's own object ("by their captors" says whose captors, and who frees)
    subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    return subj is not None and (subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children))


def _possessive_clause(tok: Token) -> Token | None:
    """The verb (or, within five steps up, the top of the phrase) whose clause holds the possessive's phrase;
    None when the phrase is a subject ("its forces attacked": the possessor of the subject is its doer's side)."""
    cur = tok.head
    for _ in range(5):
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return None
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def _clause_owner(clause: Token, at: dict[int, Mention]) -> Mention | None:
    """The actor of the subject of the clause, or of the nearest clause above it with one (up through xcomp,
    ccomp, advcl, conj and acomp): the subject's own mention, else the first in its phrase ("a group of
    Moroccan diplomats")."""
    cur: Token | None = clause
    while cur is not None:
        subj = next((c for c in cur.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return at.get(subj.i) or next((at[t.i] for t in subj.subtree if t.i in at), None)
        cur = cur.head if cur.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acomp") and cur.head.i != cur.i else None
    return None


def _named_after(tok: Token, named: set[int]) -> bool:
    """A possessive before a phrase that names its own actor ("its European Community partners", "their Chinese
    counterparts"): the phrase's actor is the named one, the possessive adds no party ("its forces", a sector
    alone, keeps it)."""
    if tok.dep_ != "poss":
        return False
    return any(t in named for t in range(tok.i + 1, tok.head.i + 1))


def _binds(tok: Token, m: Mention, distance: int) -> bool:
    """An object pronoun cannot name the subject of its own verb ("the Taliban barred him")."""
    if distance != 0 or tok.lower_ not in OBJECT_FORMS or not tok.doc.has_annotation("DEP"):
        return False
    verb = tok.head
    return any(c.dep_ in SUBJECT_DEPS and m.token_start <= c.i < m.token_end for c in verb.children)


def _expletive(tok: Token, parsed: bool) -> bool:
    """"It is clear that …", "it was decided", "it seems": no actor behind the pronoun."""
    if tok.lower_ != "it":
        return False
    if not parsed:
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        return nxt in ("is", "was", "'s", "seems", "appears", "has", "had", "will", "would")
    head = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    if any(c.dep_ == "acomp" and c.lemma_.lower() in REFERENTIAL_ADJECTIVES for c in head.children):
        return False  # "it is willing to withdraw": a party's readiness, not "it is clear that"
    if head.lemma_.lower() in EXPLETIVE_HEADS or tok.dep_ == "nsubjpass":
        return True
    return any(c.dep_ in ("ccomp", "csubj") for c in head.children) and head.lemma_.lower() in ("say", "report")


def _pronoun_mention(tok: Token, sentence: Sentence, antecedent: Mention, evidence: str,
                     person: bool) -> Mention:
    start = sentence.start + tok.idx
    actor = dataclasses.replace(antecedent.actor, text=tok.text)
    return Mention(sentence=sentence.index, start=start, end=start + len(tok.text), token_start=tok.i,
                   token_end=tok.i + 1, text=tok.text, actor=actor, evidence=evidence, person=person)


def _honorific_genders(analysed: AnalysedArticle, mentions: Iterable[Mention]) -> dict[str, str]:
    """Gender told by an honorific right before a person's mention ("Mr. Bennett", "Queen Rania")."""
    out: dict[str, str] = {}
    male, female = words("honorifics.masculine"), words("honorifics.feminine")
    for m in mentions:
        doc = analysed.docs.get(m.sentence)
        if not m.person or doc is None:
            continue
        for t in doc[max(0, m.token_start - 1):m.token_end]:
            if t.lower_ in male:
                out.setdefault(_identity(m), "m")
            elif t.lower_ in female:
                out.setdefault(_identity(m), "f")
    return out


def _speaker(doc: Doc, sentence: Sentence, mentions: Sequence[Mention], spans: _Spans,
             parsed: bool) -> Mention | None:
    """The speaker a reporting verb outside the quotation names: its subject in a parsed sentence, else the
    mention right before ("…," Bennett said) or right after ("…," said Heather Barr) the verb."""
    outside = [t for t in doc if spans.at(sentence.start + t.idx) is None and not t.is_punct]
    by_token = {t: m for m in mentions for t in range(m.token_start, m.token_end)}
    if parsed:
        subject = _reporting_subject(outside, by_token)
        if subject is not None:
            return subject
    return _next_to_reporting_word(doc, outside, by_token)


def _reporting_subject(outside: Sequence[Token], by_token: dict[int, Mention]) -> Mention | None:
    """The mention that is the subject of the first reporting verb (in the parse) that has one."""
    for verb in outside:
        if verb.lemma_.lower() not in REPORTING_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
            continue
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS and c.i in by_token:
                return by_token[c.i]
    return None


def _next_to_reporting_word(doc: Doc, outside: Sequence[Token], by_token: dict[int, Mention]) -> Mention | None:
    """The mention right before the first reporting word form that has one next to it, else right after it
    (past a "the": "said the minister")."""
    for t in outside:
        if t.lower_ not in REPORTING_FORMS:
            continue
        before = by_token.get(t.i - 1)
        if before is not None:
            return before
        after = by_token.get(t.i + 1) or (by_token.get(t.i + 2) if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "the"
                                          else None)
        if after is not None:
            return after
    return None


# --------------------------------------------------------------------------- people coded by their phrase


def code_people(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """People with no code take the body their own noun phrase names (a modifier, an apposition, a
    "director at X" phrase), and every mention of the same person follows."""
    found: dict[str, Actor] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for m in mentions:
        if not m.person or not _uncoded(m) or not m.actor.name or m.sentence not in analysed.parsed:
            continue
        body = _phrase_body(analysed.docs[m.sentence], m, by_sentence[m.sentence])
        if body is not None:
            found.setdefault(m.actor.name.lower(), body)
    if not found:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        body = found.get((m.actor.name or "").lower()) if m.person and _uncoded(m) else None
        if body is None:
            out.append(m)
            continue
        actor = dataclasses.replace(m.actor, code=body.code, country=body.country, sector=body.sector)
        out.append(dataclasses.replace(m, actor=actor, evidence=m.evidence + "+phrase-body"))
    return out


# steps down a person's phrase a body may stand ("director | of | the bureau | of | Reporters Without Borders")
PHRASE_DEPTH = 6


def _uncoded(m: Mention) -> bool:
    """A person with no code of their own: none, or only the article's or sentence's country, a guess their own
    phrase outranks ("Artur Romeu, director of … Reporters Without Borders" in a story about Guatemala)."""
    return not m.actor.code or m.evidence.startswith("context:")


def _phrase_body(doc: Doc, person: Mention, others: Sequence[Mention]) -> Actor | None:
    """The non-person actor inside the person's own noun phrase (not in a clause hanging off it)."""
    head = _head(doc, person)
    if head is None:
        return None
    by_token = _bodies_by_token(person, others)
    frontier: list[tuple[Token, int]] = [(head, 0)]
    # the phrase the name is an apposition of ("Heather Barr, the director at HRW" and "the director, X")
    if head.dep_ == "appos":
        frontier.append((head.head, 1))
    seen: set[int] = set()
    best: tuple[tuple[bool, bool, int], Actor] | None = None
    while frontier:
        tok, depth = frontier.pop(0)
        if tok.i in seen or depth > PHRASE_DEPTH:
            continue
        seen.add(tok.i)
        m = by_token.get(tok.i)
        if m is not None and _places_person(m, tok, depth, head) and not _where(m, tok):
            rank = (m.person, m.evidence.startswith("dictionary:"), -depth)  # the office itself says most
            if best is None or rank > best[0]:
                best = (rank, m.actor)
        frontier.extend((c, depth + 1) for c in _phrase_children(tok))
    return best[1] if best is not None else None


def _where(m: Mention, tok: Token) -> bool:
    """A state or capital named as where, the object of a preposition of place ("met Milei *in Brasilia*", "a
    professor at the institute *in Tokyo*"): no antecedent of a pronoun, no body a person belongs to."""
    a = m.actor
    bare = (not a.sector or m.evidence.endswith("capital-metonym")) and not a.role and not a.members
    return bare and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPOSITIONS


def _bodies_by_token(person: Mention, others: Sequence[Mention]) -> dict[int, Mention]:
    """The mentions that may place a person, by token: bodies, and offices named without a name ("Somalia's
    ambassador" in "…, Mohamud Nur, accuses")."""
    return {t: m for m in others if m is not person and (not m.person or not m.actor.name)
            for t in range(m.token_start, m.token_end)}


def _places_person(m: Mention, tok: Token, depth: int, head: Token) -> bool:
    """Does a coded mention in the person's phrase say whom they belong to? A people's sector does only as the
    person's own title ("American teacher John Hughes"), not deeper in the phrase ("a women's rights
    director")."""
    if not (m.actor.code or m.actor.country):
        return False
    own_title = depth == 1 and tok.dep_ in ("compound", "amod") and tok.i < head.i
    return m.actor.sector not in PEOPLE_SECTORS or own_title


def _phrase_children(tok: Token) -> list[Token]:
    """The words of the noun phrase below ``tok``: its modifiers, appositions and affiliation phrases ("director
    at X"), not the clauses hanging off it."""
    return [c for c in tok.children
            if c.dep_ in PHRASE_DEPS and (c.dep_ != "prep" or c.lower_ in AFFILIATION_PREPOSITIONS)]


# --------------------------------------------------------------------------- one code per person


def _evidence_rank(m: Mention) -> int:
    """How much a mention's own reading of a person says: a dictionary entry or a title in the text first, a
    country guessed from the sentence's context last."""
    ev = m.evidence
    if ev.startswith("context:"):
        return 0
    if ev.startswith(("coref:", "name")):
        return 1
    return 2


def unify_people(mentions: list[Mention]) -> list[Mention]:
    """Each person named in the article carries one code, from their best-informed mention (DESIGN §1
    actors): "journalist Jose Ruben Zamora" coded GTMJRN in one sentence is GTMJRN wherever "Zamora" recurs."""
    best = _best_informed(mentions)
    if not best:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        chosen = best.get((m.actor.name or "").lower()) if m.person else None
        if chosen is None or m.actor.country:
            out.append(m)
            continue
        a = chosen.actor
        actor = dataclasses.replace(m.actor, code=a.code, country=a.country, sector=a.sector or m.actor.sector,
                                    role=m.actor.role or a.role)
        out.append(dataclasses.replace(m, actor=actor, evidence=m.evidence + "+person"))
    return out


def _best_informed(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Each named person's best-informed coded mention (by the evidence of its reading, then a sector, then the
    longest role), by lower-case name."""
    best: dict[str, tuple[tuple[int, int, int], Mention]] = {}
    for m in mentions:
        if not m.person or not m.actor.name or not m.actor.country:
            continue
        key = m.actor.name.lower()
        rank = (_evidence_rank(m), int(m.actor.sector is not None), len(m.actor.role or ""))
        if key not in best or rank > best[key][0]:
            best[key] = (rank, m)
    return {key: m for key, (_, m) in best.items()}


# --------------------------------------------------------------------------- the article's country

ARTICLE_COUNTRY = "context:article-country"
# weight of a state mention by where it stands: the headline and the lead say what the story is about
_WEIGHTS = {Section.HEADLINE: 3, Section.STANDFIRST: 2}
LEAD_SENTENCES = 3
# sectors that belong to no state ("rights groups", international bodies)
_STATELESS_SECTORS = PLOVER_NONSTATE


def article_country(analysed: AnalysedArticle, mentions: Sequence[Mention]) -> str | None:
    """The state the story is about: the one its headline, lead and body name most, when it has at least
    three mentions and outweighs all other states together."""
    weight: dict[str, int] = {}
    body_seen = 0
    section = {s.index: s for s in analysed.sentences}
    lead: set[int] = set()
    for s in analysed.sentences:
        if s.section == Section.BODY and body_seen < LEAD_SENTENCES:
            lead.add(s.index)
            body_seen += 1
    count: dict[str, int] = {}
    for m in mentions:
        for c in _states(m):
            sec = section[m.sentence].section if m.sentence in section else Section.BODY
            weight[c] = weight.get(c, 0) + _WEIGHTS.get(sec, 2 if m.sentence in lead else 1)
            count[c] = count.get(c, 0) + 1
    if not weight:
        return None
    top = max(weight, key=lambda c: weight[c])
    rest = sum(weight.values()) - weight[top]
    return top if count[top] >= 3 and weight[top] > rest else None


def _states(m: Mention) -> list[str]:
    actors = m.actor.members or (m.actor,)
    return [a.country for a in actors if a.country and a.country not in PLOVER_NONSTATE]


def fill_article_country(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """A sector-only actor ("authorities", "an appeals court", "protesters") or a person with no code takes
    the story's state, in a sentence that names no other state (evidence ``context:article-country``)."""
    country = article_country(analysed, mentions)
    if country is None:
        return mentions
    other: set[int] = {m.sentence for m in mentions if any(c != country for c in _states(m))}
    named = {(m.sentence, t) for m in mentions if m.actor.country for t in range(m.token_start, m.token_end)}
    return [_with_article_country(m, country, other, _not_the_storys(analysed, m, named)) for m in mentions]


def _not_the_storys(analysed: AnalysedArticle, m: Mention, named: set[tuple[int, int]]) -> bool:
    """"international forces", "foreign troops", "forces of the United Nations mission": a phrase that says its
    party is not the story's state, or names whose it is in an of/from phrase (read by the event's arguments),
    takes no state from the story."""
    doc = analysed.docs.get(m.sentence)
    if doc is None or m.actor.country:
        return False
    start = max(m.token_start - 2, 0)
    if any(t.lower_ in NOT_DOMESTIC for t in doc[start:m.token_end]):
        return True
    head = doc[m.token_end - 1]
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
        (m.sentence, o.i) in named for o in c.subtree) for c in head.children)


def _with_article_country(m: Mention, country: str, other: set[int], foreign: bool = False) -> Mention:
    """The mention with the story's state where it lacks one (see :func:`fill_article_country`); a
    civil-society body with no state ("rights groups", "aid agencies") is non-governmental (PLOVER's NGO);
    ``foreign``: the phrase says it is not the story's state."""
    a = m.actor
    if not a.country and not a.members and (a.sector or "").lower() in NGO_SECTORS:
        return dataclasses.replace(m, actor=dataclasses.replace(a, country="NGO", code="NGO", sector=None),
                                   evidence=m.evidence + "+ngo")
    if foreign or _keeps_its_country(m, other):
        return m
    actor = dataclasses.replace(a, country=country, code=country + (a.sector or ""))
    return dataclasses.replace(m, actor=actor, evidence=ARTICLE_COUNTRY)


def _keeps_its_country(m: Mention, other: set[int]) -> bool:
    """Does the mention take no state from the story: it has a state or members, its sentence names another
    state, its sector belongs to no state, or it is neither a sector nor a named person?"""
    a = m.actor
    return bool(a.country or a.members or m.sentence in other or a.sector in _STATELESS_SECTORS
                or not (a.sector or (m.person and a.name)))


# --------------------------------------------------------------------------- parser repairs


def split_swallowed_verbs(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """Repair ``title-case-run``: in a Title Case headline the actor reader (which runs before the parse) can
    join a state and an agent noun across the verb between them ("Bolivia Expels Envoys" read as one
    BOLGOV mention). Where the parse makes a word inside a state+agent mention the main verb, the mention is
    split there: the state before it, the agent noun after it with its sector alone (its country, if any,
    comes from its own phrase: "Envoys of Paraguay")."""
    out: list[Mention] = []
    for m in mentions:
        doc = analysed.docs.get(m.sentence)
        verb = None
        if doc is not None and m.sentence in analysed.parsed and "+agent" in m.evidence:
            verb = next((t for t in doc[m.token_start + 1:m.token_end - 1] if t.pos_ == "VERB" and t.dep_ == "ROOT"),
                        None)
        if verb is None or doc is None:
            out.append(m)
            continue
        sentence_start = m.start - doc[m.token_start].idx
        before, after = doc[m.token_start:verb.i], doc[verb.i + 1:m.token_end]
        a = m.actor
        state = Actor(text=before.text, name=a.name, code=a.country, country=a.country)
        agent = Actor(text=after.text, sector=a.sector)
        out.append(_span_mention(m, before, sentence_start, state, m.evidence.split("+")[0]))
        out.append(_span_mention(m, after, sentence_start, agent, "agent"))
    return out


def _span_mention(m: Mention, span: Span, sentence_start: int, actor: Actor, evidence: str) -> Mention:
    start = sentence_start + span[0].idx
    end = sentence_start + span[-1].idx + len(span[-1].text)
    return Mention(sentence=m.sentence, start=start, end=end, token_start=span.start, token_end=span.end,
                   text=span.text, actor=dataclasses.replace(actor, text=span.text), evidence=evidence)


# --------------------------------------------------------------------------- people no dictionary knows

UNKNOWN_NAME = "apposition:unknown-name"


def name_unknown_people(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """A proper name no dictionary knows, in apposition with an office or agent noun ("Blessed Mhlanga, a
    journalist with NewsDay"; "the group's leader, Ana Ruiz"), is a person with that noun's code; the name's
    last word alone elsewhere in the article ("Mhlanga said") is the same person."""
    covered = {(m.sentence, t) for m in mentions for t in range(m.token_start, m.token_end)}
    by_token = {(m.sentence, t): m for m in mentions for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    sentences = {s.index: s for s in analysed.sentences}
    for index in sorted(analysed.parsed):
        doc = analysed.docs[index]
        sentence = sentences.get(index)
        if sentence is None:
            continue
        for tok in doc:
            person = _unknown_person(tok, sentence, covered, by_token)
            if person is not None:
                found.append(person)
                covered.update((index, t) for t in range(person.token_start, person.token_end))
    if not found:
        return mentions
    return mentions + found + _surname_mentions(analysed, found, covered)


def _unknown_person(tok: Token, sentence: Sentence, covered: set[tuple[int, int]],
                    by_token: dict[tuple[int, int], Mention]) -> Mention | None:
    """The person a proper name at ``tok`` in apposition with a coded office noun names, with the noun's code
    and the noun as role; None unless ``tok`` is such a name."""
    if tok.pos_ != "PROPN" or not any(c.dep_ == "appos" for c in tok.children) and tok.dep_ != "appos":
        return None
    span, office = _named_in_apposition(tok, sentence.index, covered, by_token)
    if span is None or office is None:
        return None
    a = office.actor
    actor = Actor(text=span.text, name=span.text, code=a.code, country=a.country, sector=a.sector,
                  role=tok.doc[office.token_start:office.token_end].text)
    return Mention(sentence=sentence.index, start=sentence.start + span[0].idx,
                   end=sentence.start + span[-1].idx + len(span[-1].text), token_start=span.start,
                   token_end=span.end, text=span.text, actor=actor, evidence=UNKNOWN_NAME, person=True)


def _named_in_apposition(tok: Token, index: int, covered: set[tuple[int, int]],
                         by_token: dict[tuple[int, int], Mention]) -> tuple[Span | None, Mention | None]:
    """(the name's span, the office noun's mention) when ``tok`` heads an uncovered proper name in apposition
    with a coded agent noun."""
    if tok.pos_ != "PROPN" or (index, tok.i) in covered:
        return None, None
    span = _uncovered_name(tok, index, covered)
    if span is None:
        return None, None
    office = _apposed_office(tok, index, by_token)
    if office is None:
        return None, None
    return span, office


def _uncovered_name(tok: Token, index: int, covered: set[tuple[int, int]]) -> Span | None:
    """The proper name ``tok`` heads (its capitalised modifiers before it), if it is at most four capitalised
    alphabetic words that no mention covers."""
    name = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.text[:1].isupper() and c.i < tok.i]
    start = min([c.i for c in name] + [tok.i])
    span = tok.doc[start:tok.i + 1]
    if len(span) > 4 or not all(t.text[:1].isupper() and t.is_alpha for t in span) \
            or any((index, t.i) in covered for t in span):
        return None
    return span


def _apposed_office(tok: Token, index: int, by_token: dict[tuple[int, int], Mention]) -> Mention | None:
    """The first noun in apposition with the name (below it, or the one it hangs from) whose mention is an
    office with a state and a sector and no name of its own."""
    nouns = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
        nouns.append(tok.head)
    for noun in nouns:
        office = by_token.get((index, noun.i))
        if office is not None and not office.actor.name and office.actor.sector and office.actor.country:
            return office
    return None


def _word_used_alone(m: Mention) -> str:
    words_ = m.text.split()
    if len(words_) > 1 and m.actor.country in FAMILY_NAME_FIRST and len(words_[0]) > 1:
        return words_[0]
    return words_[-1]


def article_namesakes(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """"Ken Weinstein, the Japan chair at the Hudson Institute … Weinstein said": a surname alone is the person the
    article named in full before it, not another bearer of the name the dictionary knows (Yehuda Weinstein)."""
    order = {s.index: n for n, s in enumerate(analysed.sentences)}
    named: dict[str, tuple[int, Mention]] = {}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (order.get(m.sentence, 0), m.token_start)):
        words_ = m.text.split()
        if m.person and m.actor.name and len(words_) > 1 and not m.evidence.startswith("coref:"):
            named.setdefault(_word_used_alone(m), (order.get(m.sentence, 0), m))
        full = named.get(m.text) if len(words_) == 1 and m.evidence.startswith("dictionary:person") else None
        if full is not None and full[0] < order.get(m.sentence, 0) and full[1].actor.name != m.actor.name:
            m = dataclasses.replace(m, actor=dataclasses.replace(full[1].actor, text=m.text), evidence="coref:surname")
        out.append(m)
    return out


def _surname_mentions(analysed: AnalysedArticle, people: Sequence[Mention],
                      covered: set[tuple[int, int]]) -> list[Mention]:
    # the word the article uses alone: the family name, first in family-first states ("Fu Cong" → "Fu")
    by_surname = {_word_used_alone(m): m for m in people}
    out: list[Mention] = []
    for sentence in analysed.sentences:
        doc = analysed.docs.get(sentence.index)
        if doc is None:
            continue
        for tok in doc:
            person = by_surname.get(tok.text)
            if person is None or (sentence.index, tok.i) in covered:
                continue
            actor = dataclasses.replace(person.actor, text=tok.text)
            start = sentence.start + tok.idx
            out.append(Mention(sentence=sentence.index, start=start, end=start + len(tok.text), token_start=tok.i,
                               token_end=tok.i + 1, text=tok.text, actor=actor, evidence="coref:surname",
                               person=True))
    return out


# --------------------------------------------------------------------------- "the official" said

DEFINITE_ROLE = "coref:definite-role"
# words that say a party is not the story's own state ("international forces", "foreign troops")
NOT_DOMESTIC = words("actors_document.not_domestic")
ROLE_LOOKBACK = 3  # sentences


def resolve_definite_roles(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """"A senior State Department official told reporters … The official added …": a definite role noun with
    no name of its own is the nearest earlier mention (within three sentences) whose head is the same noun
    ("official", "spokesman", "envoy"), whatever state its own sentence names (the actors stage reads each
    sentence alone and would give "the official" the state of "Ankara" in the same sentence)."""
    order = {s.index: n for n, s in enumerate(analysed.sentences)}
    out: list[Mention] = []
    for m in mentions:
        head = _definite_role_head(analysed, m)
        # "the French president" after Kenya's president is France's own: only an antecedent of its state
        state = m.actor.country if _names_its_state(analysed, m) else None
        found = _role_antecedent(out, m, head, order, state) if head and not _names_an_unknown_owner(analysed, m) \
            and not _placed_after(analysed, m, mentions) else None
        if found is None:
            out.append(m)
            continue
        actor = dataclasses.replace(found.actor, text=m.actor.text)
        out.append(dataclasses.replace(m, actor=actor, evidence=DEFINITE_ROLE, person=found.person))
    return out


def _definite_role_head(analysed: AnalysedArticle, m: Mention) -> str | None:
    """The head noun of a nameless role mention after "the" ("the official" → "official")."""
    if m.actor.name or m.actor.members or not m.evidence.startswith(("context:", "agent", "title")):
        return None
    doc = analysed.docs.get(m.sentence)
    if doc is None or m.token_start == 0 or m.token_end - m.token_start > 2:
        return None
    if doc[m.token_start - 1].lower_ != "the" and doc[m.token_start].lower_ != "the":
        return None
    head = doc[m.token_end - 1].lower_
    return head if head.isalpha() and not head.endswith("s") else None


def _names_its_state(analysed: AnalysedArticle, m: Mention) -> bool:
    """A role mention whose own modifier names its state ("the French president", "the Kenyan envoy")."""
    doc = analysed.docs.get(m.sentence)
    if doc is None or m.token_end - m.token_start < 2 or not m.actor.country:
        return False
    first = doc[m.token_start]
    return first.lower_ != "the" and first.text[:1].isupper()


def _placed_after(analysed: AnalysedArticle, m: Mention, mentions: Sequence[Mention]) -> bool:
    """"the military government in Niger", "the president of Ghana": a phrase after the role names its state, so
    it is not an earlier role of that noun."""
    doc = analysed.docs.get(m.sentence)
    if doc is None or m.token_end + 1 >= len(doc) or doc[m.token_end].lower_ not in ("in", "of"):
        return False
    after = m.token_end + 1 + (doc[m.token_end + 1].lower_ == "the")
    return any(o.sentence == m.sentence and o.token_start == after and o.actor.country for o in mentions)


def _names_an_unknown_owner(analysed: AnalysedArticle, m: Mention) -> bool:
    """"The Swedish government" where no dictionary knows "Swedish": a capitalised modifier names whose role it
    is, so it is not the earlier "government" of another state; it stays unknown."""
    doc = analysed.docs.get(m.sentence)
    if doc is None or m.token_end - m.token_start < 2 or m.actor.country:
        return False
    first = doc[m.token_start]
    return first.lower_ != "the" and first.text[:1].isupper() and first.i != first.sent.start


def _role_antecedent(earlier: Sequence[Mention], m: Mention, head: str, order: dict[int, int],
                     state: str | None = None) -> Mention | None:
    for prior in reversed(earlier):
        distance = order.get(m.sentence, 0) - order.get(prior.sentence, 0)
        if distance > ROLE_LOOKBACK:
            return None
        if distance < 1 or not (prior.actor.code or prior.actor.country):
            continue
        if state is not None and prior.actor.country != state:
            continue
        words_ = prior.text.lower().split()
        if words_ and words_[-1] == head or head in (prior.actor.role or "").lower().split():
            return prior
    return None


# --------------------------------------------------------------------------- "the militants" launched

DEFINITE_GROUP = "coref:definite-group"
GROUP_LOOKBACK = 4  # sentences
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "INS"})
COLLECTIVE_HEADS = words("actors_document.collective_heads")


def resolve_definite_groups(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """"Al-Shabab has been attacking Kenyan troops … the militants launched an assault": a definite plural of an
    armed group's kind ("the militants", "the rebels", "the insurgents") with no state of its own is the one armed
    group the article named within the last four sentences; with none, or two or more, it stays unknown."""
    order = {s.index: n for n, s in enumerate(analysed.sentences)}
    out: list[Mention] = []
    for m in mentions:
        found = _group_antecedent(out, m, order) if _definite_group(analysed, m) else None
        if found is None:
            out.append(m)
            continue
        actor = dataclasses.replace(found.actor, text=m.actor.text)
        out.append(dataclasses.replace(m, actor=actor, evidence=DEFINITE_GROUP))
    return out


def _definite_group(analysed: AnalysedArticle, m: Mention) -> bool:
    # a state read off the sentence or the story ("militants" in a sentence naming Kenya) is only a guess
    guessed = m.evidence.startswith("context:")
    if (m.actor.country and not guessed) or m.actor.name or m.actor.members \
            or (m.actor.sector or "") not in ARMED_GROUP_SECTORS:
        return False
    doc = analysed.docs.get(m.sentence)
    if doc is None or m.token_start == 0 or doc[m.token_start - 1].lower_ not in ("the", "these", "those"):
        return False
    head = doc[m.token_end - 1]
    # "the militants", or one collective noun of the kind: "the insurgent group", "the rebel movement" (the noun
    # inside the mention or right after it)
    collective = head if m.token_end - m.token_start > 1 else head.head
    return head.tag_ in ("NNS", "NNPS") or (collective.lemma_.lower() in COLLECTIVE_HEADS
                                            and collective.i in (head.i, head.i + 1))


def _group_antecedent(earlier: Sequence[Mention], m: Mention, order: dict[int, int]) -> Mention | None:
    found: dict[str, Mention] = {}
    for prior in reversed(earlier):
        distance = order.get(m.sentence, 0) - order.get(prior.sentence, 0)
        if distance > GROUP_LOOKBACK:
            break
        code = prior.actor.code or ""
        if prior.actor.country and code[3:6] in ARMED_GROUP_SECTORS:
            found.setdefault(code, prior)
    return next(iter(found.values())) if len(found) == 1 else None


# --------------------------------------------------------------------------- "the Southeast Asian nation"

DEFINITE_KIND = "coref:definite-kind"
KIND_LOOKBACK = 3  # sentences
STATE_KINDS = words("actors_document.state_kind_nouns")
BODY_KINDS = words("actors_document.body_kind_nouns")
INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO"})


def resolve_definite_kinds(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """"Malaysia submitted … The Southeast Asian nation said", "ECOWAS activated … accused the regional body",
    "briefed the U.N. Security Council … urged the council": a definite noun phrase naming only a kind — a state
    ("nation", "kingdom") or an international body ("body", "bloc", "council", "commission") — with no
    mention of its own is the latest mention of that kind in the last three sentences (not its own sentence);
    a body whose head word the antecedent's name contains ("the council": "Security Council") first."""
    order = {s.index: n for n, s in enumerate(analysed.sentences)}
    covered = {(m.sentence, t) for m in mentions for t in range(m.token_start, m.token_end)}
    added: list[Mention] = []
    for sentence in analysed.sentences:
        doc = analysed.docs.get(sentence.index)
        if doc is None or sentence.index not in analysed.parsed:
            continue
        for tok in doc:
            if (sentence.index, tok.i) not in covered:
                found = _kind_mention(doc, sentence, tok, mentions, order)
                if found is not None:
                    added.append(found)
    return sorted(mentions + added, key=lambda m: (m.sentence, m.token_start))


def _kind_mention(doc: Doc, sentence: Sentence, tok: Token, mentions: Sequence[Mention],
                  order: dict[int, int]) -> Mention | None:
    """The mention a definite kind phrase headed by ``tok`` makes: a counted group of states, or one party."""
    group = _state_group(tok, mentions, sentence.index, order)
    if group is not None:
        return group_mention(doc, sentence, tok, group)
    kind = "state" if tok.lower_ in STATE_KINDS else "body" if tok.lower_ in BODY_KINDS else None
    if tok.tag_ != "NN" or kind is None:
        return None
    start = _definite_start(tok)  # after the cheap tests: it walks the token's children
    if start is None:
        return None
    if any(m.sentence == sentence.index and start <= m.token_start < tok.i for m in mentions):
        return None  # "the Russian mission", "the Kenyan delegation": the phrase names its party itself
    found = _kind_antecedent(mentions, sentence.index, order, kind, tok.lower_)
    return None if found is None else _mention_at(doc, sentence, start, tok.i + 1, found.actor, DEFINITE_KIND)


GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "trio": 3}


def _state_group(tok: Token, mentions: Sequence[Mention], sentence: int, order: dict[int, int]) -> Actor | None:
    """"the three military-led nations", "the trio": a definite plural of states counted by a number (or "trio")
    is the last that many states the article named (in the last four sentences), as a group; None unless exactly
    that many are there to take."""
    size = _group_size(tok)
    if size < 3 or _definite_start(tok) is None:
        return None  # pairs ("the two countries") are the actors stage's
    states = _last_states(mentions, order.get(sentence, 0), order, size)
    if len(states) != size:
        return None
    return Actor(text=tok.text, name=", ".join(m.name or m.country or "" for m in states), members=states)


def _group_size(tok: Token) -> int:
    if tok.lower_ == "trio":
        return 3
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in STATE_KINDS | {"country", "state", "government"}:
        return 0
    return next((GROUP_SIZES.get(c.lower_, 0) for c in tok.children if c.dep_ == "nummod"), 0)


def _last_states(mentions: Sequence[Mention], here: int, order: dict[int, int], size: int) -> tuple[Actor, ...]:
    """The last ``size`` distinct states named before sentence ``here`` (within the lookback), in text order."""
    states: dict[str, Actor] = {}
    for m in sorted(mentions, key=lambda m: (order.get(m.sentence, 0), m.token_start), reverse=True):
        a = m.actor
        if not 0 < here - order.get(m.sentence, -99) <= GROUP_LOOKBACK or a.members or a.country in states:
            continue
        if a.country and a.country not in PLOVER_NONSTATE:
            states[a.country] = Actor(text=a.country, name=None if a.sector else a.name, code=a.country,
                                      country=a.country)
        if len(states) == size:
            break
    return tuple(reversed(states.values()))


def group_mention(doc: Doc, sentence: Sentence, tok: Token, group: Actor) -> Mention:
    start = _definite_start(tok)
    return _mention_at(doc, sentence, tok.i if start is None else start, tok.i + 1, group, DEFINITE_KIND)


def _definite_start(head: Token) -> int | None:
    """Where a definite phrase "the (adjectives) <head>" starts, if ``head`` heads one with no name in it."""
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("the", "this", "that") or det.i > head.i:
        return None
    if any(t.pos_ == "PROPN" and t.dep_ == "compound" for t in head.lefts):
        return None  # "the Security Council", "the Borno state": a name, not a kind
    return det.i


def _kind_antecedent(mentions: Sequence[Mention], sentence: int, order: dict[int, int], kind: str,
                     head: str) -> Mention | None:
    here = order.get(sentence, 0)
    candidates = [m for m in mentions if 0 < here - order.get(m.sentence, -99) <= KIND_LOOKBACK
                  and not m.person and _of_kind(m.actor, kind)]
    if not candidates:
        return None
    named = [m for m in candidates if head in m.text.lower().split()]
    pool = named or candidates
    return max(pool, key=lambda m: (order.get(m.sentence, 0), m.token_start))


def _of_kind(actor: Actor, kind: str) -> bool:
    if actor.members or actor.name and actor.role:
        return False
    if kind == "state":
        return bool(actor.country) and actor.country not in PLOVER_NONSTATE and not actor.sector
    return actor.country in INTERNATIONAL


def _mention_at(doc: Doc, sentence: Sentence, start: int, end: int, actor: Actor, evidence: str) -> Mention:
    span = doc[start:end]
    first = sentence.start + span[0].idx
    return Mention(sentence=sentence.index, start=first, end=sentence.start + span[-1].idx + len(span[-1].text),
                   token_start=start, token_end=end, text=span.text,
                   actor=dataclasses.replace(actor, text=span.text), evidence=evidence)


# --------------------------------------------------------------------------- acronyms the article defines

ACRONYM = "coref:acronym"


def article_acronyms(analysed: AnalysedArticle, mentions: list[Mention]) -> list[Mention]:
    """"the Rapid Support Forces (RSF)": the article defines an acronym for an actor it names; the acronym alone
    elsewhere in the article ("the RSF said") is that actor, whatever else it may stand for in other stories
    (RSF is also Reporters Without Borders)."""
    at = {(m.sentence, t): m for m in mentions for t in range(m.token_start, m.token_end)}
    defined = _defined_acronyms(analysed, mentions, at)
    if not defined:
        return mentions
    return list(mentions) + _acronym_mentions(analysed, defined, at)


def _defined_acronyms(analysed: AnalysedArticle, mentions: Sequence[Mention],
                      at: dict[tuple[int, int], Mention]) -> dict[str, Actor]:
    """The acronyms the article defines in brackets right after an actor's mention ("… Forces (RSF)"), each with
    the first actor it is defined for; a bracketed word that is itself a mention defines nothing."""
    defined: dict[str, Actor] = {}
    for m in mentions:
        doc = analysed.docs.get(m.sentence)
        e = m.token_end
        if doc is None or e + 2 >= len(doc) or doc[e].text != "(" or doc[e + 2].text != ")":
            continue
        acro = doc[e + 1].text
        if acro.isupper() and acro.isalnum() and 2 <= len(acro) <= 8 and (m.sentence, e + 1) not in at:
            defined.setdefault(acro, m.actor)
    return defined


def _acronym_mentions(analysed: AnalysedArticle, defined: dict[str, Actor],
                      at: dict[tuple[int, int], Mention]) -> list[Mention]:
    """A mention of its actor for every use of a defined acronym that no mention covers."""
    out: list[Mention] = []
    for sentence in analysed.sentences:
        doc = analysed.docs.get(sentence.index)
        if doc is None:
            continue
        for tok in doc:
            actor = defined.get(tok.text)
            if actor is None or (sentence.index, tok.i) in at:
                continue
            start = sentence.start + tok.idx
            out.append(Mention(sentence=sentence.index, start=start, end=start + len(tok.text), token_start=tok.i,
                               token_end=tok.i + 1, text=tok.text, actor=dataclasses.replace(actor, text=tok.text),
                               evidence=ACRONYM))
    return out
