"""The event coder: triggers from the lexicon, arguments from the dependency parse, PLOVER/CAMEO codes.

For each parsed sentence:

1. every verb (and event noun) is read against the lexicon with its *frame* (the words around it);
2. its source and target are found in the parse (subject / passive agent / inherited subject; object,
   recipient prepositions, a possessive or ``by`` phrase for nouns) and resolved to actor mentions; a
   mention that names only a sector ("rebels", "police", "students") is kept as such for a verb with no
   better-known argument (``code``/``country`` stay ``None``): who did what is still told;
3. modality turns some readings into PLOVER's verbal categories, following the CAMEO manual: an
   intended cooperative act ("will provide aid", "offered to negotiate") is AGREE (CAMEO 03), an
   intended conflictual one ("vowed to fight", "will blockade") THREATEN (13), a refused one
   ("will not accept") REJECT (12), one another party "must" do, as said by a third, REQUEST (10);
4. an act that is only the content of a speech act ("urged X *to withdraw*") is not an event of its own.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.titles import PLOVER_NONSTATE
from ..config import Settings
from ..ids import content_hash
from ..models import Actor, AnalysedArticle, Event, EventType, Mention, Quote, Section, Sentence
from ..vocabulary import words
from .arguments import (
    ARRIVAL_VERBS,
    Found,
    MentionIndex,
    actors_of,
    child,
    clause_subject,
    is_misparsed_predicate,
    pobjs,
)
from .cameo_format import split_code
from .engine import Context, Rule, load_rulebook
from .frame import token_kinds, trigger_frame
from .groups import PAIR_PRONOUNS, PAIR_WORDS, PRONOUN_WINDOW, named_mentions, resolve_pairs
from .headlines import VISIT_CODE, headline_visit
from .hooks import HOOKS
from .lexicon import CameoCode, Lexicon, Reading, _better, load_lexicon
from .messages import message_content
from .modality import (
    COOPERATIVE,
    DEONTIC_AUX,
    FUTURE_AUX,
    INABILITY_AUX,
    INTENT_ADJECTIVES,
    NEGATIONS,
    SPEECH_ACTS,
    recode,
)
from .participles import is_agreement_participle
from .reactions import fill_reaction_targets
from .sports import NO_SPORT, dropped_in_sports, headline_sports_levels, sports_article, sports_level
from .statements import StatementEvent, code_statement, load_rules, statements
from .trigger import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)



def _types(name: str) -> frozenset[str]:
    """A class of PLOVER types (listed lower-case in the vocabulary) as the coder compares them: upper case."""
    return frozenset(t.upper() for t in words(name))


# PLOVER_event_types.csv: "requires recipient"
REQUIRES_RECIPIENT = _types("events_types.requires_recipient")
# nominal events whose meaning needs both parties ("Shoigu's trip" — to where?)
NOUN_NEEDS_TARGET = _types("events_types.noun_needs_target")
# coordinated subjects of these act on each other ("X and Y met / agreed / signed / cooperated")
MUTUAL_TYPES = _types("events_types.mutual")
# types whose coordinated parties always act on each other (meeting, agreeing, cooperating); of MUTUAL_TYPES,
# SUPPORT, RETREAT and CONCEDE may be one act of two parties towards a third ("praised", "withdrew from")
SYMMETRIC_TYPES = _types("events_types.symmetric")
# types whose coordinated doers act side by side, never on each other ("Canadians, French and Britons are all
# patrolling the area", "students and workers protested")
SIDE_BY_SIDE_TYPES = _types("events_types.side_by_side")
ENVOY_NOUNS = words("events_nouns.envoys")
CEASING_VERBS = words("events_verbs.ceasing")
# the word classes the coder reads (data/lexicon/events.toml), bound once
WARNING_VERBS = words("events_verbs.warning")
ATTRIBUTIVE_PARTICIPLES = words("events_verbs.attributive")
VISITING = words("events_verbs.visiting")
SHARED_OBJECTS = words("events_nouns.shared")
EXCHANGED_OBJECTS = words("events_nouns.exchanged")
ALLIANCE_NOUNS = words("events_nouns.alliance")
PROTECTION_VERBS = words("events_verbs.protection")
SYMMETRIC_LEMMAS = words("events_verbs.symmetric")
VISIT_CODES = frozenset({"042", "043"})
PROPOSING_VERBS = words("events_verbs.proposing")
RECEIVING_VERBS = words("events_verbs.receiving")
BUYING_VERBS = words("events_verbs.buying")
DRAWING_VERBS = words("events_verbs.drawing")
REACTION_NOUNS = words("events_nouns.reaction")
GIVEN_CODES = tuple(sorted(words("events_codes.given")))  # support and aid given (not 074-075: protection, asylum)
WANTING_VERBS = words("events_verbs.wanting")
LEAVING_VERBS = words("events_verbs.leaving")
INTERNATIONAL_BODIES = frozenset(w.upper() for w in words("events_words.international_bodies"))
EPISTEMIC_AUX = words("events_verbs.epistemic_aux")
# sectors of people whose arrival is movement, not a visit; of forces whose arrival at home is no visit either
MOVING_PEOPLE_SECTORS = frozenset(words("events_sectors.moving_people"))
FORCE_SECTORS = frozenset(words("events_sectors.forces"))
PRESS_SECTORS = frozenset(words("events_sectors.press"))
CO_AGENCY = words("events_words.co_agency")
LOCATIVE_PREPS = words("events_prepositions.locative")
HABITUAL_ADVERBS = words("events.habitual_adverbs")


@dataclass(frozen=True, slots=True)
class Coding:
    """One coded event before it becomes an :class:`Event`: CAMEO level, actors as found.

    ``code`` may have no PLOVER reading (CAMEO 01 statements, codes of a user dictionary): the
    PETRARCH evaluation scores those too; :class:`EventCoder` keeps only typed ones.
    """

    trigger: int  # token index
    trigger_end: int  # token index, exclusive (multi-word triggers: "hand over")
    cameo: str
    reverse_cameo: str | None  # the code of the relation seen from the target ("042:043": 043 hosts)
    reading: Reading
    source: Actor | None
    target: Actor | None
    reciprocal: bool
    source_role: str | None
    target_role: str | None
    note: str = ""  # the modality rule that changed the reading, if any




class EventCoder:
    """Codes events in the parsed sentences of an article (pipeline stage ``events``)."""

    def __init__(self, settings: Settings, _vocab: object | None = None) -> None:
        """The coder needs no spaCy vocabulary: a second argument is accepted and ignored, for the callers that
        still pass one (pipeline.py, evaluation/plover.py) until they stop."""
        self.settings = settings
        self.lexicon: Lexicon = load_lexicon(settings.verbs, settings.replace_dictionaries)
        # a reporting verb or a quotation may hold a statement (:mod:`.statements`)
        self._trigger_forms = self.lexicon.trigger_forms | words("reporting.verb_forms")
        self.statement_rules = load_rules()
        self.rules = load_rulebook()
        self._types: dict[str, str | None] = {}
        self._rule_memo: dict[tuple[str, ...], tuple[Rule, ...]] = {}  # see engine.Context.memo

    # ------------------------------------------------------------------ stage API
    def may_hold_event(self, doc: Doc) -> bool:
        """Cheap pre-parse filter: does any token look like a trigger word form?"""
        forms = self._trigger_forms
        return any(t.lower_ in forms or t.text == '"' for t in doc)

    @staticmethod
    def may_name_pair(doc: Doc, people_before: bool) -> bool:
        """Could a sentence with no actor mention of its own still hold one: "the two men", "both leaders",
        "their summit" for people named earlier (:func:`~eventwire.events.groups.resolve_pairs`)?"""
        return people_before and any(t.lower_ in PAIR_WORDS or t.lower_ in PAIR_PRONOUNS for t in doc)

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        events: list[Event] = []
        levels = {i: sports_level(d) for i, d in analysed.docs.items()}  # one pass over the words
        in_sports = sports_article(list(levels.values()))
        levels = headline_sports_levels(analysed, levels)
        # The mentions of each sentence, and the named people in text order, found once: looking them up
        # in all the article's mentions for every sentence was quadratic in its length (issue 12).
        by_sentence: dict[int, list[Mention]] = {}
        for m in analysed.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        people = named_mentions(analysed.mentions)
        for sentence in analysed.sentences:
            if sentence.index not in analysed.parsed or sentence.section == Section.BOILERPLATE:
                continue
            doc = analysed.docs.get(sentence.index)
            if doc is None:
                continue
            mentions = _with_pairs(analysed, doc, sentence, tuple(by_sentence.get(sentence.index, ())), people)
            codings = self.code_doc(doc, mentions, sports_article=in_sports, sports=levels[sentence.index])
            if sentence.section == Section.HEADLINE and not codings:
                codings = self._headline_visit(doc, mentions)
            if not in_sports:
                codings += self._statements(doc, sentence, mentions, analysed.quotes, codings)
            for c in codings:
                ev = self._event(analysed.article.id, sentence, doc, c)
                if ev is not None:
                    events.append(ev)
        events = fill_reaction_targets(analysed, events, self._noun_kind)
        return dataclasses.replace(analysed, events=analysed.events + tuple(events))

    def _headline_visit(self, doc: Doc, mentions: Sequence[Mention]) -> list[Coding]:
        """A verbless headline's visit ("Macron in Beijing for trade talks"): :mod:`.headlines`."""
        found = headline_visit(doc, mentions)
        if found is None:
            return []
        visitor, place, prep = found
        reading = Reading(VISIT_CODE, 0, 0, 0, prep.lower_, "verb", f"* {prep.lower_} (verbless headline)",
                          "headlines.py: a headline's actor + place phrase is a visit")
        return [Coding(prep.i, prep.i + 1, VISIT_CODE, None, reading, visitor.actor, place.actor, False,
                       "headline-subject", f"pobj:{prep.lower_}", "verbless headline")]

    def _statements(self, doc: Doc, sentence: Sentence, mentions: Sequence[Mention], quotes: Sequence[Quote],
                    codings: list[Coding]) -> list[Coding]:
        """Reported statements that no trigger of the sentence coded already (:mod:`.statements`). A trigger that
        is itself the reporting verb but found no target ("warned that it will keep up pressure on Iran") takes
        the party the statement is about (``codings`` is updated in place)."""
        index = MentionIndex(mentions)
        out: list[Coding] = []
        said = {(self._type(c.cameo), _country(c.source)) for c in codings}
        triggers = {c.trigger for c in codings}
        for st in statements(doc, sentence, index, quotes):
            found = code_statement(st, index, self.statement_rules)
            if found is not None and found.anchor.i in triggers and found.target is not None:
                _said_about(found, codings)
            if found is None or found.anchor.i in triggers:
                continue
            source = found.source.actors[0]
            if (found.rule.type.value, _country(source)) in said:
                continue
            said.add((found.rule.type.value, _country(source)))
            out.append(_statement_coding(found))
        return out

    # ------------------------------------------------------------------ coding
    def code_doc(self, doc: Doc, mentions: Sequence[Mention], *, typed_only: bool = True,
                 sports_article: bool = False, sports: int | None = None,
                 trace: list[str] | None = None) -> list[Coding]:
        """Codings of one parsed sentence. ``typed_only=False`` keeps codes without a PLOVER type.
        In sports copy (the sentence's own words, or ``sports_article``) the contest verbs of a game
        ("beat Boston 91-73", "will visit the Lions") are no events (:mod:`.sports`); ``sports`` is the
        sentence's sports level when the caller has it already. ``trace`` collects the names of the rules that
        applied (``data/events/rules/``), in order."""
        index = MentionIndex(mentions)
        triggers = self._triggers(doc, typed_only)
        level = sports_level(doc) if sports is None else sports
        if level > NO_SPORT or sports_article:
            triggers = [t for t in triggers if not dropped_in_sports(t.reading.lemma, level, sports_article)]
        by_tok = {t.tok.i: t for t in triggers}
        ctx = Context(index, by_tok, self._type, self.lexicon, self.rules, HOOKS, trace, self._rule_memo)
        for t in triggers:
            self._arguments(t, ctx)
        message_content(triggers)  # "sent a letter to X condemning Y": the letter's content is the event
        self._absorb_content(triggers, ctx)
        for t in triggers:
            if not t.absorbed:
                # "(officials said) lifting the sanctions is out of the question": refused (rules/transforms.toml)
                self.rules.arguments("ruled-out", t, ctx)
                self._modality(t, index)
        out: list[Coding] = []
        for t in triggers:
            out.extend(self._coded(t, index, typed_only))
        return self._merge(out, doc, by_tok)

    def _coded(self, t: Trigger, index: MentionIndex, typed_only: bool) -> list[Coding]:
        """One trigger's codings once its arguments and modality are read: none for an absorbed trigger, a
        habit, a claim told as a suggestion, a code with no type, movement or an interview; its senses and
        pairs otherwise."""
        if t.absorbed or _habitual(t.tok) or _indicative_suggestion(t.tok):
            return []
        if typed_only and self.lexicon.code(t.cameo) is None:
            return []
        self._place_not_party(t, index)
        self._verbal_sense(t)
        if _movement_only(t) or _press_only(t, self._type(t.cameo)):
            return []
        _leaving_a_body(t)
        _received(t, index)
        _bought(t, index)
        _drawn(t, index)
        return self._pairs(t)

    def _triggers(self, doc: Doc, typed_only: bool) -> list[Trigger]:
        """The sentence's trigger tokens with their best reading (typed codes only, unless ``typed_only`` is
        False); participles that only describe an actor ("forces backed by X") are none."""
        out = []
        known = self.lexicon.known_words
        for tok in doc:
            if tok.lower_ not in known and tok.lemma_.lower() not in known:
                continue
            best = self._reading(tok)
            if best is None or best.cameo is None or _attributive(tok, best):
                continue
            if typed_only and self.lexicon.code(best.cameo) is None:
                continue
            main, reverse = split_code(best.cameo)
            out.append(Trigger(tok, best.kind, best, main, reverse))
        return out

    def _reading(self, tok: Token) -> Reading | None:
        """The best lexicon reading of ``tok`` in its frame, for the first part of speech that has one (none for a
        word that is never an event: reporting verbs)."""
        best: Reading | None = None
        for kind in token_kinds(tok):
            lemmas = self.lexicon.lemmas(tok.lower_, tok.lemma_, kind)
            if any(self.lexicon.is_never(lemma) for lemma in lemmas):
                break
            if not lemmas:
                continue
            pre, post, _ = trigger_frame(tok, kind)
            for lemma in lemmas:
                r = self.lexicon.read(kind, lemma, pre, post)
                if r is not None and _better(r, best):
                    best = r
            if best is not None:
                break
        return best

    def _absorb_content(self, triggers: list[Trigger], ctx: Context) -> None:
        """Mark triggers that are only the content of another (CAMEO: code the speech act, not its content) and
        nouns that are the object of a triggered verb ("signed a treaty"): ``data/events/rules/absorb.toml``."""
        for t in triggers:
            self.rules.transform("absorb", t, ctx)

    def _noun_kind(self, lemma: str) -> str | None:
        """The PLOVER type a noun names on its own ("the attack" → ASSAULT), or None."""
        r = self.lexicon.read("noun", lemma, (), ())
        return self._type(r.cameo) if r is not None and r.cameo else None

    def _type(self, cameo: str) -> str | None:
        """The PLOVER type of a CAMEO code (remembered: the rules ask it often)."""
        if cameo not in self._types:
            c = self.lexicon.code(cameo)
            self._types[cameo] = c.plover_type if c else None
        return self._types[cameo]

    # ------------------------------------------------------------------ arguments
    def _arguments(self, t: Trigger, ctx: Context) -> None:
        """Source and target of one trigger: the argument program of its kind, then the rules common to all
        (``data/events/rules/arguments.toml``; the priorities there are the order the finders are tried in)."""
        self.rules.arguments(_argument_program(t), t, ctx)
        self.rules.arguments("common-arguments", t, ctx)

    # ------------------------------------------------------------------ modality
    def _modality(self, t: Trigger, index: MentionIndex) -> None:
        """Modality after the CAMEO codebook: a refused cooperative act is REJECT (12x), an intended one AGREE
        (03x), an intended conflictual one THREATEN (13x), one another party "must" do as said by a third
        REQUEST (10x)."""
        if t.kind != "verb" or t.note:
            return
        ttype = self._type(t.cameo)
        if ttype is None:
            return
        if _ceased(t.tok) and ttype.lower() in COOPERATIVE:
            # "Iran stopped cooperating with the IAEA", "ceased implementing its commitments": cooperation ended
            _recode(t, "refuse", f"cooperation ended ('{t.tok.head.text}')")
            return
        auxes, negated, future = _modal_frame(t.tok)
        if negated:
            if (future or auxes & INABILITY_AUX) and ttype.lower() in COOPERATIVE:
                # "will not lift the ban", "cannot accept more refugees"
                _recode(t, "refuse", f"refusal ('{' '.join(sorted(auxes))} not')")
            return
        if future and _intent(t, ttype, auxes):
            return
        if auxes & DEONTIC_AUX and t.tok.dep_ == "ccomp":
            _demanded(t, auxes, index)

    # ------------------------------------------------------------------ pairs and merging
    def _place_not_party(self, t: Trigger, index: MentionIndex) -> None:
        """"Government troops and rebels clashed in South Sudan", "Chinese and Russian diplomats met in
        Geneva": coordinated parties of a symmetric act act on each other; a place named where it happened
        is its location, not a party (the pairs are then made as for "the two countries signed"). A visit
        or any act read one way ("arrived in Moscow", 042:043) keeps its place as the one visited."""
        if t.source is None or t.target is None or len(t.source.actors) < 2:
            return
        ttype = self._type(t.cameo)
        if not _symmetric_act(t, ttype) or not self._mutual(t, ttype):
            return
        if not _place_only(t.target, t.tok.doc, index) or any(a in t.target.actors for a in t.source.actors):
            return
        t.target = None

    def _verbal_sense(self, t: Trigger) -> None:
        """"The two candidates clashed over taxes", "the minister attacked the opposition leader": between
        people and parties of politics (no force on either side) a fight is one of words — criticism (CAMEO
        111), not an armed assault."""
        if self._type(t.cameo) != "ASSAULT" or t.reading.lemma not in words("senses.verbal_conflict_lemmas"):
            return
        target = t.target.actors if t.target is not None and not t.target.role.startswith(
            ("pobj:at", "pobj:in", "pobj:over")) else ()
        sides = [*(t.source.actors if t.source is not None else ()), *target]
        if not sides or any((a.sector or "").lower() in words("senses.armed_sectors") for a in sides):
            return
        if not (all(_political_person(a) for a in sides) or _over_an_issue(t.tok)):
            return
        t.cameo, t.reverse = "111", None
        t.note = f"'{t.reading.lemma}' between people of politics: words, not force → 111"

    def _pairs(self, t: Trigger) -> list[Coding]:
        """One coding per source-target pair the trigger's arguments name (at most six); none when they say too
        little of whom."""
        src, tgt, srole, trole = _sides(t)
        if not src and not tgt:
            return []
        ttype = self._type(t.cameo)
        if _says_too_little(t, ttype, src, tgt, trole):
            return []
        end = _trigger_end(t.tok)
        if len(src) > 1 and not tgt and not self._mutual(t, ttype):
            # "the Syrian army and Russian jets pounded rebel positions": co-agents of a one-way act on an
            # unnamed patient, not a dyad
            return [Coding(t.tok.i, end, t.cameo, None, t.reading, a, None, False, srole, None, t.note)
                    for a in src[:6]]
        reverse = t.reverse if not t.note else None
        if len(src) > 1 and not tgt and _each_others_envoys(t, src, ()):
            # "Egypt and Turkey withdrew their ambassadors": each withdrew its own, two one-way acts
            return [Coding(t.tok.i, end, t.cameo, None, t.reading, a, b, False, srole, srole, t.note)
                    for a, b in itertools.permutations(src, 2)][:6]
        if len(src) > 1 and not tgt:
            # "Russia and the DPRK agreed", "the two countries signed": one record per pair, mutual
            return [Coding(t.tok.i, end, t.cameo, reverse, t.reading, a, b, True, srole, srole, t.note)
                    for a, b in itertools.combinations(src, 2)][:6]
        return [Coding(t.tok.i, end, t.cameo, reverse, t.reading, source, target, t.reverse == t.cameo, srole, trole,
                       t.note) for source, target in _dyads(src, tgt)][:6]

    def _mutual(self, t: Trigger, ttype: str | None) -> bool:
        """Do coordinated subjects act on each other? Always for meeting, agreeing and cooperating, and
        for acts with no object or an exchanged or shared one ("X and Y clashed", "exchanged fire", "supported
        each other")."""
        if ttype in SYMMETRIC_TYPES or t.reverse == t.cameo or t.source is None:
            return True
        if t.reading.lemma in SYMMETRIC_LEMMAS:  # "X and Y signed a deal / disputed the islands"
            return True
        if t.kind == "noun":
            # a relation of the parties ("the treaty between X and Y", "their talks"), not a one-way act named by a
            # noun ("the withdrawal of U.S. and NATO troops")
            return t.tok.lemma_.lower() in SHARED_OBJECTS or t.reading.lemma in SHARED_OBJECTS
        if t.source.role.startswith("pobj:between"):
            return True
        obj = child(t.tok, "dobj")
        if obj is None:
            return ttype in MUTUAL_TYPES or (ttype not in SIDE_BY_SIDE_TYPES and child(t.tok, "nsubjpass") is None)
        return _shared_object(obj, ttype) or obj.lemma_.lower() in ENVOY_NOUNS

    def _merge(self, codings: list[Coding], doc: Doc, by_tok: dict[int, Trigger]) -> list[Coding]:
        """Drop a purpose-clause event that repeats its main event ("arrived … to engage in talks")."""
        keep: list[Coding] = []

        def key(c: Coding) -> tuple[str | None, str | None, str | None]:
            return (self._type(c.cameo), _country(c.source), _country(c.target))

        for c in codings:
            dup = False
            for k in keep:
                if key(k) != key(c):
                    continue
                # one trigger, a purpose clause of another, or the same code twice: one event
                if k.trigger == c.trigger or self._under(doc[c.trigger], k.trigger) or k.cameo == c.cameo:
                    dup = True
                    break
            if not dup:
                keep.append(c)
        # an event that says less than another of the same type and actor in the sentence is the same
        # event read twice ("Moscow's campaign … continued"): keep the better-informed one
        out = []
        for c in keep:
            kc = key(c)
            if any(o is not c and key(o)[0] == kc[0] and _subsumes(key(o), kc) for o in keep):
                continue
            out.append(c)
        return out

    @staticmethod
    def _under(tok: Token, head_i: int) -> bool:
        cur = tok
        for _ in range(6):
            if cur.dep_ in ("conj", "relcl", "ccomp") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i == head_i:
                return True
        return False

    # ------------------------------------------------------------------ events
    def _event(self, article_id: str, sentence: Sentence, doc: Doc, c: Coding) -> Event | None:
        code: CameoCode | None = self.lexicon.code(c.cameo)
        if code is None or code.plover_type is None:
            return None
        etype = EventType(code.plover_type)
        tok = doc[c.trigger]
        last = doc[c.trigger_end - 1]
        start = sentence.start + tok.idx
        end = sentence.start + last.idx + len(last.text)
        trigger_text = doc.text[tok.idx: last.idx + len(last.text)] if c.trigger_end - c.trigger <= 3 else tok.text
        if c.trigger_end - c.trigger > 3:
            end = start + len(tok.text)
        exact = self.lexicon.codes.get(c.cameo)
        goldstein = exact.goldstein if exact and exact.goldstein is not None else code.goldstein
        r = c.reading
        evidence = (f"{r.kind} '{r.lemma}' → CAMEO {c.cameo} ({r.origin}; pattern '{r.pattern}'"
                    + (f"; {c.note}" if c.note else "")
                    + f"), source={c.source_role or 'none'}, target={c.target_role or 'none'}")
        source_code = c.source.code if c.source else None
        target_code = c.target.code if c.target else None
        return Event(
            id=content_hash(article_id, sentence.index, (start, end), etype.value, source_code, target_code),
            article_id=article_id,
            type=etype,
            sentence_index=sentence.index,
            sentence=sentence.text,
            span=(sentence.start, sentence.end),
            trigger=trigger_text,
            trigger_span=(start, end),
            trigger_token=c.trigger,
            evidence=evidence,
            section=sentence.section,
            mode=code.mode or None,
            contexts=code.contexts,
            cameo=c.cameo,
            goldstein=goldstein,
            quad_class=code.quad_class,
            source=c.source,
            target=c.target,
            reciprocal=c.reciprocal,
        )





def _said_about(found: StatementEvent, codings: list[Coding]) -> None:
    """The codings of the reporting verb itself that found no target take the party the statement is about."""
    assert found.target is not None
    for n, c in enumerate(codings):
        if c.trigger == found.anchor.i and c.target is None and c.source is not None:
            codings[n] = dataclasses.replace(c, target=found.target.actors[0],
                                             target_role=f"statement:{found.target.role}")


def _statement_coding(found: StatementEvent) -> Coding:
    """The coding of a statement rule's event (``statements.toml``)."""
    source = found.source.actors[0]
    target = found.target.actors[0] if found.target is not None else None
    lemma = found.anchor.lemma_.lower()
    reading = Reading(found.rule.cameo, 0, 0, 0, lemma, "verb", f"statement:{found.rule.name}",
                      f"statements.toml:{found.rule.name}")
    return Coding(found.anchor.i, found.anchor.i + 1, found.rule.cameo, None, reading, source, target, False,
                  found.source.role, found.target.role if found.target is not None else None,
                  f"statement rule '{found.rule.name}', cue '{found.cue.text}'")


def _attributive(tok: Token, best: Reading) -> bool:
    """A participle that only describes who stands behind an actor ("forces backed by Russia", "Iran-funded
    militias"): an attribute of a noun phrase, not an event."""
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and best.lemma in ATTRIBUTIVE_PARTICIPLES \
        and child(tok, "nsubj", "nsubjpass", "dobj") is None


def _modal_frame(tok: Token) -> tuple[set[str], bool, bool]:
    """The auxiliaries of a verb (with the adjective of a stated readiness: "is willing / ready to withdraw" is an
    intent, like "will"), whether a negation precedes it, and whether it speaks of the future."""
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in tok.children if c.i < tok.i)
    ready = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in INTENT_ADJECTIVES
    if ready:
        auxes = auxes | {tok.head.lower_}
    unwanted = _unwanted(tok)
    return auxes, negated or unwanted, bool(auxes & FUTURE_AUX) or ready or unwanted


def _unwanted(tok: Token) -> bool:
    """"does not want to meet Kim": an act one does not want, plan or intend to do is refused, like "will not"."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in WANTING_VERBS and any(
        c.dep_ == "neg" or c.lower_ in NEGATIONS for c in tok.head.children if c.i < tok.head.i)


def _intent(t: Trigger, ttype: str, auxes: set[str]) -> bool:
    """A stated intent: to cooperate is AGREE (03x; an agreement stays one), to do anything else but speak is a
    threat (13x). True if the trigger was recoded."""
    intended = " ".join(sorted(auxes & (FUTURE_AUX | INTENT_ADJECTIVES)))
    if ttype.lower() in COOPERATIVE and ttype != "AGREE":
        _recode(t, "intent", f"future intent ('{intended}')")
        return True
    if ttype.lower() not in COOPERATIVE | SPEECH_ACTS:
        _recode(t, "threat", f"stated intent ('{intended}')")
        return True
    return False


def _ceased(tok: Token) -> bool:
    """A verb that is the gerund complement of a verb of ceasing ("stopped cooperating", "ceased implementing")."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "ccomp", "dobj") and tok.head.lemma_.lower() in CEASING_VERBS


def _recode(t: Trigger, code_map: str, why: str) -> None:
    """Recode a trigger by a CAMEO code map of ``modality.toml``, noting why."""
    code = recode(code_map, t.cameo)
    t.cameo, t.note = code, f"{why} → {code}"


def _demanded(t: Trigger, auxes: set[str], index: MentionIndex) -> None:
    """"Russia said Sudan must return the helicopter": the speaker asks the subject to act (CAMEO 10)."""
    speaker = clause_subject(t.tok.head, index)
    if speaker is None:
        return
    doer = t.source
    _recode(t, "demand", f"'{'/'.join(sorted(auxes & DEONTIC_AUX))}' said by another")
    t.source = Found(speaker.actors, f"{speaker.role}({t.tok.head.lemma_})", speaker.group, speaker.token)
    if doer is not None:
        t.target = Found(doer.actors, "nsubj(must)", doer.group, doer.token)


def _with_pairs(analysed: AnalysedArticle, doc: Doc, sentence: Sentence, mentions: tuple[Mention, ...],
                people: Sequence[Mention]) -> tuple[Mention, ...]:
    """The sentence's mentions, with "the two men", "both leaders" resolved to people named before it (not a
    noun a count introduced just before: "executed two men … the two men were hanged")."""
    if not any(t.lower_ in PAIR_WORDS or t.lower_ in PAIR_PRONOUNS for t in doc):
        return mentions
    counted = _counted_groups(analysed, sentence.index)
    starts = [p.sentence for p in people]
    earlier = people[:bisect.bisect_left(starts, sentence.index)]
    recent = [m.actor for m in earlier[bisect.bisect_left(starts, sentence.index - PRONOUN_WINDOW):]]
    return tuple(resolve_pairs(doc, mentions, [m.actor for m in earlier], sentence.index, sentence.start, recent,
                               counted))


def _counted_groups(analysed: AnalysedArticle, index: int) -> frozenset[str]:
    """Plural nouns the sentences just before introduced with a count and no article ("two men", "three
    soldiers"): a later "the two men" refers to them, not to people named earlier."""
    out: set[str] = set()
    for i in range(max(0, index - PRONOUN_WINDOW), index):
        doc = analysed.docs.get(i)
        if doc is None or i not in analysed.parsed:
            continue
        for tok in doc:
            if tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children) \
                    and not any(c.dep_ in ("det", "poss") for c in tok.children):
                out.add(tok.lemma_.lower())
    return frozenset(out)


def _shared_object(obj: Token, ttype: str | None) -> bool:
    """Is the object something the coordinated subjects have with each other? "Greece, Panama and South Korea
    supported the call" is an act of several parties towards a third thing (SUPPORT, RETREAT, CONCEDE are mutual
    only without such an object); "X, Y and Z created a confederation": a union the subjects form binds each to
    the others; "the US and Mexico increased cooperation": a relation a mutual act names is theirs; "exchanged
    fire"; otherwise only "their meeting" (a relation of theirs, not "their positions")."""
    lemma = obj.lemma_.lower()
    if lemma in EXCHANGED_OBJECTS or lemma in ALLIANCE_NOUNS or (ttype in MUTUAL_TYPES and lemma in SHARED_OBJECTS):
        return True
    return lemma in SHARED_OBJECTS and any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)


def _received(t: Trigger, index: MentionIndex) -> None:
    """"Malaysia accepted Chinese funding", "Britain received strong backing from the United States": a verb of
    receiving turns the roles — the giver (a "from" phrase, or the state or possessor named on what is given) is
    the source, the receiver (the subject) the target; with no giver named the receiver is the target alone."""
    if t.kind != "verb" or t.reading.lemma not in RECEIVING_VERBS or t.note or not t.cameo.startswith(GIVEN_CODES):
        return  # "accepted the proposal" agrees (03x): only what is given (aid 07x, support 05x) turns the roles
    giver = _giver(t.tok, index)
    receiver = t.source
    t.source = giver
    t.target = receiver
    t.note = f"'{t.reading.lemma}' received: the giver → {t.cameo}"


def _bought(t: Trigger, index: MentionIndex) -> None:
    """"Turkey bought the S-400 from Russia", "Ankara's purchase of Russia's S-400", "Poland will buy Korean tanks":
    the seller of what is bought (a "from" phrase, or the state or possessor named on it) is the one a purchase
    cooperates with."""
    if t.target is not None or t.reading.lemma not in BUYING_VERBS:
        return
    bought = child(t.tok, "dobj") if t.kind == "verb" else next((o for _, o in pobjs(t.tok, ("of",))), None)
    if bought is not None:
        t.target = _giver(t.tok, index, bought)


def _drawn(t: Trigger, index: MentionIndex) -> None:
    """"China's new law sparked criticism from Japan", "the annexation drew international condemnation": a verb of
    drawing a reaction turns the roles — the one reacting (a "from" phrase, or the state or possessor named on the
    reaction) is the source, the subject's doer (its actor, or the party named on it: "the decision by Kenya")
    the target; a reaction of nobody named ("international") has no source."""
    if t.kind != "verb" or t.reading.lemma not in DRAWING_VERBS or t.note:
        return
    reaction = child(t.tok, "dobj")
    if reaction is None or reaction.lemma_.lower() not in REACTION_NOUNS:
        return
    drawer = t.source or actors_of(child(t.tok, "nsubj"), index, "nsubj", with_by=True)
    criticised = next((f for _, o in pobjs(reaction, ("of",)) if (f := actors_of(o, index, "dobj-pobj:of"))), None)
    # who reacts: "from X" or "by X", else the state or possessor named on the reaction ("Polish criticism");
    # "criticism of X" names the one criticised
    t.source = _giver(t.tok, index, reaction, preps=("from", "by"), inner=())
    t.target = criticised or drawer
    t.note = f"'{t.reading.lemma} {reaction.lemma_}': the one reacting → {t.cameo} → the subject's doer"


def _giver(verb: Token, index: MentionIndex, obj: Token | None = None, preps: tuple[str, ...] = ("from",),
           inner: tuple[str, ...] = ("in", "of")) -> Found | None:
    """Who gives what a verb of receiving receives (or sells what is bought, or reacts): a ``preps`` phrase ("from
    X") on the verb or its object, else a state or possessor named on the object ("Chinese funding", "Japan's aid")
    or on the noun of an ``inner`` phrase of it ("$2 billion in Chinese funding")."""
    obj = obj if obj is not None else child(verb, "dobj")
    for head in (verb, obj):
        if head is None:
            continue
        for prep, o in pobjs(head, preps):
            f = actors_of(o, index, f"pobj:{prep}")
            if f:
                return f
    # "Chinese funding", "$2 billion in Chinese funding", "a package of Japanese aid"
    heads = [obj] + [o for _, o in pobjs(obj, inner)] if obj is not None else []
    for head in heads:
        for c in head.children:
            if c.dep_ in ("amod", "poss", "compound", "nmod"):
                f = actors_of(c, index, f"dobj-{c.dep_}")
                if f:
                    return f
    return None


def _leaving_a_body(t: Trigger) -> None:
    """"Burkina Faso, Mali and Niger withdrew from ECOWAS", "Britain left the European Union": a state leaving an
    international organisation cuts its ties with it (CAMEO 161, reduce relations: SANCTION), it withdraws no
    forces (087x)."""
    if not t.cameo.startswith("087") or t.reading.lemma not in LEAVING_VERBS or t.target is None:
        return
    if not t.target.actors or not all(a.country in INTERNATIONAL_BODIES for a in t.target.actors):
        return
    if t.source is None or any(a.sector for a in t.source.actors):
        return  # "troops withdrew from the UN zone", "the mission's staff left": forces, not a member state
    t.cameo, t.reverse = "161", None
    t.note = f"'{t.reading.lemma}' an international body: ties cut → 161"


def _press_only(t: Trigger, ttype: str | None) -> bool:
    """"The minister spoke with reporters", "talked to journalists": an interview is no consultation between
    parties (a meeting with the press is the press's story, not a political act)."""
    if ttype != "CONSULT" or t.target is None or not t.target.actors:
        return False
    return all((a.sector or "").lower() in PRESS_SECTORS for a in t.target.actors)


def _movement_only(t: Trigger) -> bool:
    """"Another wave of Somalis arrived in Kenya", "Afghan security forces arrived at the site": a visit (CAMEO
    042) is a representative's trip; people, refugees, or forces arriving at home or at no named place, is
    movement, no visit (forces arriving in another state stay coded)."""
    if t.cameo not in VISIT_CODES or t.reading.lemma not in ARRIVAL_VERBS or t.source is None or not t.source.actors:
        return False
    sectors = {(a.sector or "").lower() for a in t.source.actors}
    if sectors <= MOVING_PEOPLE_SECTORS:
        return True
    abroad = t.target is not None and any(
        a.country != b.country for a in t.source.actors for b in t.target.actors)
    return not abroad and sectors <= FORCE_SECTORS


def _symmetric_act(t: Trigger, ttype: str | None) -> bool:
    """Is the trigger an act its coordinated parties do to each other: one of the symmetric types or verbs (not a
    visit or an act read one way, "arrived in Moscow", 042:043; not "Iran and Russia withdrew troops in Syria";
    not allies acting side by side, "US and Afghan troops fought together in Helmand")?"""
    lemma = t.reading.lemma
    if t.reverse is not None and t.reverse != t.cameo or lemma in ARRIVAL_VERBS:
        return False
    if not (ttype in SYMMETRIC_TYPES or lemma in SYMMETRIC_LEMMAS or t.reverse == t.cameo):
        return False
    return ttype in SYMMETRIC_TYPES or not any(c.lower_ in CO_AGENCY for c in t.tok.children)


def _sides(t: Trigger) -> tuple[tuple[Actor, ...], tuple[Actor, ...], str | None, str | None]:
    """The source and target actors and roles; "the treaty between X and Y" (no source, a group target named by
    "between"): the parties act mutually, as sources; "Egypt and Turkey withdrew their ambassadors": envoys that
    coordinated states withdraw, recall or expel with no other state named are each other's (no target but the
    pairs)."""
    src = t.source.actors if t.source else ()
    tgt = t.target.actors if t.target else ()
    srole = t.source.role if t.source else None
    trole = t.target.role if t.target else None
    if not src and len(tgt) > 1 and t.target is not None and t.target.role.endswith("between"):
        return tgt, (), trole, trole
    if len(src) > 1 and _each_others_envoys(t, src, tgt):
        return src, (), srole, None
    return src, tgt, srole, trole


def _each_others_envoys(t: Trigger, src: Sequence[Actor], tgt: Sequence[Actor]) -> bool:
    obj = child(t.tok, "dobj") if t.kind == "verb" else None
    if obj is None or obj.lemma_.lower() not in ENVOY_NOUNS:
        return False
    return all(not a.country or a in src or any(a.country == s.country for s in src) for a in tgt)


def _dyads(src: Sequence[Actor], tgt: Sequence[Actor]) -> list[tuple[Actor | None, Actor | None]]:
    """Every source with every target (None for a side not named; no actor is its own target)."""
    sources: Sequence[Actor | None] = src or (None,)
    targets: Sequence[Actor | None] = tgt or (None,)
    return [(source, None if source is not None and source == target else target)
            for source in sources for target in targets]


def _says_too_little(t: Trigger, ttype: str | None, src: Sequence[Actor], tgt: Sequence[Actor],
                     trole: str | None) -> bool:
    """Arguments that say too little of whom for an event: no recipient where one is needed, a noun event by
    nobody the text names ("meetings with X", "the war in Ukraine"), a warning of a danger rather than to a
    party."""
    if not tgt and _needs_recipient(t, ttype, src):
        return True
    if t.kind == "noun" and not src:
        return True
    return ttype == "THREATEN" and t.reading.lemma in WARNING_VERBS and not t.note and (
        not tgt or (trole or "").startswith(("pobj:of", "pobj:about")))


def _needs_recipient(t: Trigger, ttype: str | None, src: Sequence[Actor]) -> bool:
    """With no target: a nominal visit with no destination ("Shoigu's trip": to where?); PLOVER's types that
    require a recipient done by a sector alone (a verb done by a named party keeps its event with the recipient
    unsaid: "Ireland provided €10 million in aid"); a thing or an idea protected (a policy, not military
    protection of a party)."""
    if len(src) < 2 and t.kind == "noun" and ttype in NOUN_NEEDS_TARGET:
        return True
    if ttype in REQUIRES_RECIPIENT and not _known_doer(t.source):
        return True
    return ttype == "AID" and t.kind == "verb" and t.reading.lemma in PROTECTION_VERBS


def _trigger_end(tok: Token) -> int:
    """The token after the trigger, or after its particle ("hand over")."""
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prt":
            end = c.i + 1
    return end


def _argument_program(t: Trigger) -> str:
    """Which argument program reads a trigger: an agreement participle ("the accord signed on June 4"), "visiting"
    modifying the visitor ("the visiting Kenyan president"), a participle modifying its patient ("fishermen held captive", "sanctions imposed on X"; not one the parser
    made a modifier although it is the main verb), another verb, or a noun."""
    tok = t.tok
    if is_agreement_participle(t):
        return "agreement-arguments"
    if t.kind == "verb" and tok.tag_ == "VBG" and tok.dep_ in ("amod", "acl") and t.reading.lemma in VISITING \
            and tok.head.pos_ in ("NOUN", "PROPN"):
        return "visitor-arguments"
    if t.kind == "verb" and tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") \
            and child(tok, "nsubj", "nsubjpass", "dobj", "xcomp", "ccomp", "advcl") is None \
            and not is_misparsed_predicate(tok):
        return "participle-arguments"
    return "verb-arguments" if t.kind == "verb" else "noun-arguments"


def _indicative_suggestion(tok: Token) -> bool:
    """"Erdogan suggested Macron needed treatment", "commentators suggested ambitions may be behind it": a verb of
    proposing with a clause in the indicative (or with a modal of possibility) says something is so — a claim, no
    proposal; "suggested that talks be held" (subjunctive) or "… should resume" still proposes."""
    if tok.lemma_.lower() not in PROPOSING_VERBS:
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if auxes & DEONTIC_AUX:
        return False
    return bool(auxes & EPISTEMIC_AUX) or clause.tag_ in ("VBD", "VBZ", "VBP")


def _habitual(tok: Token) -> bool:
    """"Bandits often kidnap students", "police routinely detain protesters": a habit told in the present is a
    generic statement, no event (a frequency adverb on a present-tense verb)."""
    return tok.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in tok.children)


def _over_an_issue(tok: Token) -> bool:
    """"clashed over the decision / over taxes / about migration": a dispute about an issue, not over ground."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("over", "about"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() not in words("senses.ground_nouns"):
                    return True
    return False


def _political_person(actor: Actor) -> bool:
    """A person of politics or a party (not a state, a force, or a body that could use force)."""
    sector = (actor.sector or "").lower()
    if sector in words("senses.armed_sectors"):
        return False
    return bool(actor.name and actor.role) or sector in words("senses.political_sectors") or bool(
        actor.role and not actor.members)



def _place_only(found: Found, doc: Doc, index: MentionIndex) -> bool:
    """Every actor of ``found`` is a state or a place named by a locative phrase ("in South Sudan", "a
    ceasefire in Cairo"): a bare name (no sector, no role, no group; a capital's metonym too) whose mention
    heads the object of "in/at/near …"."""
    if not 0 <= found.token < len(doc):
        return False
    places: set[Actor] = set()
    for tok in doc[found.token].subtree:
        m = index.at(tok.i)
        if m is None or m.actor not in found.actors or m.token_start <= tok.head.i < m.token_end:
            continue  # no actor of the argument, or not the head word of its mention
        if not _named_as_place(tok, m):
            return False
        places.add(m.actor)
    return bool(places) and all(a in places for a in found.actors)


def _named_as_place(tok: Token, m: Mention) -> bool:
    """The mention headed by ``tok`` names a bare state or place (no sector, role or members; a capital's metonym
    stands for its government only as a party) as the object of a locative preposition, or in apposition to it."""
    a = m.actor
    capital = m.evidence.endswith("capital-metonym")
    if (a.sector and not capital) or a.role or a.members or not a.country or a.country in PLOVER_NONSTATE:
        return False
    if tok.dep_ in ("appos", "poss"):  # "in the C.A.R.'s capital, Bangui": the place's owner or its apposition
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def _known_doer(found: Found | None) -> bool:
    """A source that names a party (a country, an organisation, a person with a code), not a sector alone."""
    return found is not None and "sector only" not in found.role and any(
        a.code or a.country or a.members for a in found.actors)







def _subsumes(a: tuple[str | None, str | None, str | None], b: tuple[str | None, str | None, str | None]) -> bool:
    """``a`` names every actor ``b`` names, and more."""
    return a != b and all(y is None or x == y for x, y in zip(a[1:], b[1:], strict=True))


def _country(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or (actor.code[:3] if actor.code else None) or actor.text
