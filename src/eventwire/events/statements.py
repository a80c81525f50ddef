"""Reported statements as events: who said what of whom (CAMEO 02, 03, 05, 10–13 from the words said).

Most political news is talk: leaders and their spokespeople criticise, demand, deny, threaten and praise,
mostly with plain reporting verbs ("said", "told reporters") or in quotations. A trigger word codes the
explicit cases ("accused", "urged"); this module codes the rest from what is said:

1. **Statements.** A reporting verb (``reporting.verb_lemmas``) outside any quotation, with a speaker the
   document model knows (a name, a title, a resolved pronoun) and a content: its clausal complement, else the
   quoted words of its sentence. A sentence inside a quotation the document model attributed is a statement
   of that quotation's speaker, its content the quoted words.
2. **Rules** (``data/events/statements.toml``): tried by priority; the first whose cue class occurs in the
   content (as a lemma or a run of lemmas; a negated word of praise counts as criticism) gives the type and
   code, and says where the target is (``obliged``: the subject of the clause the cue governs, or the party
   named after an appeal verb; ``content``: the most salient other party of the content).
3. **What is not coded:** a statement whose sentence already has an event of the same type from the speaker's
   side (the trigger said it first), a statement about no other party, a speaker with no code.

The rule file is validated when loaded: an unknown type, code, target kind or cue class, or a rule without
both a positive and a negative example, raises :class:`~eventwire.errors.ResourceError` (E441) naming the file
and the rule.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError
from ..models import EventType, Mention, Quote, Sentence
from ..vocabulary import words
from .arguments import Found, MentionIndex, clause_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RULE_FILE = "statements.toml"
TARGET_KINDS = frozenset({"obliged", "content"})
SPEAKER_EVIDENCE = "coref:quote-speaker"
# mention evidence that names the speaker itself inside a quotation ("I", "we"): never the target
_SELF = frozenset({SPEAKER_EVIDENCE})
# the subject of a clause, then a possessor, then an object: how salient a party of the content is
# the word classes this module reads, bound once (they are looked up per token)
REPORTING_LEMMAS = words("reporting.verb_lemmas")
NAMING_LEMMAS = words("statements.naming_lemmas")
CIRCUMSTANCE_MARKS = words("statements.circumstance_marks")
POSITIVE_LEMMAS = words("statements.positive_lemmas")
FUTURE_AUXILIARIES = words("statements.future_auxiliaries")
STATE_SECTORS = words("requests.state_sectors")
COMMENTATOR_SECTORS = words("statements.commentator_sectors")
APPEAL_LEMMAS = words("statements.appeal_lemmas")
JUDGED_CLAIMS = words("statements.judged_claims")
# verbs of obligation only with a to-infinitive ("have to", "need to"), unlike the modals "must", "should"
SEMI_MODALS = frozenset({"have", "need"})
# the press told something is its audience, not a party the demand is addressed to
ADDRESSEE_NOT_PARTY = frozenset({"JRN"})
# what may judge an act told before without naming its doer ("said the sanctions were illegal")
JUDGEMENT_TYPES = frozenset({EventType.ACCUSE, EventType.REJECT, EventType.SUPPORT})
_SALIENCE = {"nsubj": 4, "nsubjpass": 3, "poss": 3, "dobj": 2, "pobj": 1}


@dataclass(frozen=True, slots=True)
class StatementRule:
    name: str
    type: EventType
    cameo: str
    priority: int
    cue: frozenset[str]
    target: str
    why: str
    examples: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """A speaker and the tokens of what they said, in one parsed sentence."""

    speaker: Found
    anchor: Token  # the reporting verb, or the content's main word for a bare quotation
    content: tuple[Token, ...]
    about: tuple[Token, ...] = ()  # what a verb of naming judges ("called *the arrest* outrageous")


@dataclass(frozen=True, slots=True)
class StatementEvent:
    rule: StatementRule
    anchor: Token
    cue: Token
    source: Found
    target: Found | None  # None: a judgement of an act the text told before ("the arrest"), see reactions.py


# --------------------------------------------------------------------------- rules


def rule_path() -> Path:
    return Path(str(files("eventwire") / "data" / "events" / RULE_FILE))


@lru_cache(maxsize=1)
def load_rules() -> tuple[StatementRule, ...]:
    path = rule_path()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"cannot read the statement rules: {exc}", path=str(path), code="E441") from exc
    return parse_rules(table, str(path))


def parse_rules(table: dict[str, Any], where: str) -> tuple[StatementRule, ...]:
    """Validate the rule table; rules come back highest priority first."""
    rules = [_rule(raw, where) for raw in table.get("rule", [])]
    if not rules:
        raise ResourceError("no [[rule]] found", path=where, code="E441")
    return tuple(sorted(rules, key=lambda r: -r.priority))


def _rule(raw: dict[str, Any], where: str) -> StatementRule:
    name = str(raw.get("name") or "?")

    def fail(problem: str) -> ResourceError:
        return ResourceError(f"statement rule {name!r}: {problem}", path=where, code="E441")

    try:
        etype = EventType(raw["type"])
    except (KeyError, ValueError):
        raise fail(f"unknown type {raw.get('type')!r}") from None
    if raw.get("target") not in TARGET_KINDS:
        raise fail(f"target must be one of {sorted(TARGET_KINDS)}")
    try:
        cue = words(str(raw.get("cue")))
    except ResourceError:
        raise fail(f"unknown cue class {raw.get('cue')!r}") from None
    examples = tuple((str(e["text"]), str(e["expect"])) for e in raw.get("examples", []))
    if not any(x == "none" for _, x in examples) or not any(x != "none" for _, x in examples):
        raise fail("needs at least one positive and one 'none' example")
    if not str(raw.get("cameo", "")).isdigit() or not raw.get("why"):
        raise fail("needs a numeric 'cameo' and a 'why'")
    return StatementRule(name, etype, str(raw["cameo"]), int(raw.get("priority", 0)), cue, str(raw["target"]),
                         str(raw["why"]), examples)


# --------------------------------------------------------------------------- statements


def statements(doc: Doc, sentence: Sentence, index: MentionIndex, quotes: Sequence[Quote]) -> list[Statement]:
    """The statements of one parsed sentence: reporting verbs with a known speaker, and the quoted words of
    an attributed quotation."""
    inside = _quoted(doc, sentence, quotes)
    out = _reported(doc, index, inside) + _judgements(doc, index, inside)
    if out or not inside:
        return out
    quoted = _attributed_quote(doc, sentence, quotes, inside)
    return [quoted] if quoted is not None else []


def _reported(doc: Doc, index: MentionIndex, inside: set[int]) -> list[Statement]:
    """Reporting verbs outside quotation marks with a codable speaker, each with what it reports."""
    out: list[Statement] = []
    for verb in doc:
        if verb.i in inside or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        speaker = clause_subject(verb, index)
        if speaker is None or not _codable(speaker):
            continue
        content = _complement(verb) or tuple(doc[i] for i in sorted(inside))
        if content:
            out.append(Statement(speaker, verb, content))
    return out


def _attributed_quote(doc: Doc, sentence: Sentence, quotes: Sequence[Quote], inside: set[int]) -> Statement | None:
    """A sentence inside a quotation the document model attributed: its words, said by the quote's speaker."""
    start = sentence.start + doc[min(inside)].idx
    quote = next((q for q in quotes if q.speaker is not None and q.start <= start < q.end), None)
    if quote is None or quote.speaker is None:
        return None
    speaker = Found((quote.speaker.actor,), "quote-speaker", False, -1)
    if not _codable(speaker):
        return None
    content = tuple(doc[i] for i in sorted(inside))
    root = next((t for t in content if t.dep_ == "ROOT"), content[0])
    return Statement(speaker, root, content)


def _judgements(doc: Doc, index: MentionIndex, inside: set[int]) -> list[Statement]:
    """Verbs of naming with a judgement of their object: "called the arrest 'outrageous'", "described the
    ruling as arbitrary", "labelled the group terrorists"."""
    out: list[Statement] = []
    for verb in doc:
        if verb.i in inside or verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_LEMMAS:
            continue
        judgement = _judgement(verb, index)
        if judgement is not None:
            out.append(judgement)
    return out


def _judgement(verb: Token, index: MentionIndex) -> Statement | None:
    """One verb of naming: its codable speaker, the object judged and the words judging it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    judged = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
              or (c.dep_ == "prep" and c.lower_ == "as")]
    if obj is None or not judged:
        return None
    speaker = clause_subject(verb, index)
    if speaker is None or not _codable(speaker):
        return None
    content = tuple(t for c in judged for t in c.subtree)
    return Statement(speaker, verb, content, tuple(obj.subtree))


def _quoted(doc: Doc, sentence: Sentence, quotes: Sequence[Quote]) -> set[int]:
    spans = [(q.start, q.end) for q in quotes if q.start < sentence.end and q.end > sentence.start]
    return {t.i for t in doc if any(s <= sentence.start + t.idx < e for s, e in spans) and not t.is_punct}


def _complement(verb: Token) -> tuple[Token, ...]:
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i or (c.dep_ == "ccomp"):
            return tuple(_content_tokens(c))
    return ()


def _content_tokens(head: Token) -> list[Token]:
    """The subtree of a content clause without the circumstance clauses hanging in it ("…, as Tehran rejected
    the offer": what happened meanwhile is not what was said)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if not circumstance_clause(c))
    return sorted(out, key=lambda t: t.i)


def circumstance_clause(tok: Token) -> bool:
    """An adverbial clause of time, cause or concession ("as …", "while …", "after …", "because …"): it tells
    a circumstance of the clause above, not its content (a condition, "if …", is part of a warning)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS
                                       for c in tok.children)


def _codable(found: Found) -> bool:
    return any(a.code or a.country for a in found.actors)


# --------------------------------------------------------------------------- coding


def code_statement(st: Statement, index: MentionIndex, rules: Iterable[StatementRule]) -> StatementEvent | None:
    """The first rule whose cue the content holds, with its target; None when none fits. Criticism of a claim
    ("called the accusations baseless", "said the reports were politically motivated") rejects it (the
    denial rule's type and code)."""
    rules = list(rules)
    lemmas = [_base(t) for t in st.content]
    for rule in rules:
        cue = _find_cue(st.content, lemmas, rule)
        if cue is None:
            continue
        if rule.type == EventType.ACCUSE and _judges_a_claim(st):
            rule = next((r for r in rules if r.type == EventType.REJECT), rule)
        if rule.target == "obliged":
            target = _obliged(cue, st, index)
        else:
            target = _content_party(st, index, st.about) if st.about else _content_party(st, index)
        if target is not None or (rule.type in JUDGEMENT_TYPES and _refers_back(st)):
            return StatementEvent(rule, st.anchor, cue, st.speaker, target)
    return None


def _judges_a_claim(st: Statement) -> bool:
    """Is what the statement judges a claim ("the accusations", "the report"), by its head noun?"""
    heads = [t for t in (st.about or st.content) if t.dep_ in ("nsubj", "dobj", "nsubjpass") and t.pos_ == "NOUN"]
    return bool(heads) and heads[0].lemma_.lower() in JUDGED_CLAIMS


def _refers_back(st: Statement) -> bool:
    """Is the statement about an act named by a definite noun ("the sanctions were illegal", "called the arrest
    outrageous"), whose doer reactions.py may find told before?"""
    heads = [t for t in (st.about or st.content) if t.dep_ in ("nsubj", "dobj", "nsubjpass") and t.pos_ == "NOUN"]
    return any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that", "these", "those") for t in heads[:1]
               for c in t.children)


def _find_cue(content: Sequence[Token], lemmas: list[str], rule: StatementRule) -> Token | None:
    index = _cue_index(rule.cue)
    for n, tok in enumerate(content):
        for parts in index.get(lemmas[n], ()) + index.get(tok.lower_, ()):
            if (len(parts) == 1 or lemmas[n:n + len(parts)] == list(parts)) and _cue_holds(tok, content, rule):
                return tok
    if rule.type == EventType.ACCUSE:
        for n, tok in enumerate(content):
            if lemmas[n] in POSITIVE_LEMMAS and _negated(tok):
                return tok  # "not helpful", "not supportive": criticism
    return None


def _cue_holds(tok: Token, content: Sequence[Token], rule: StatementRule) -> bool:
    """Does a cue word found in the content say what its rule reads?"""
    if _negated(tok) and rule.type != EventType.ACCUSE:
        return False  # "not acceptable" is no praise, "will not retaliate" no threat
    if tok.lemma_.lower() in SEMI_MODALS and not _to_infinitive(tok):
        return False  # "has relaunched", "need for aid": no obligation without "to" ("have to", "need to")
    # "the floods had destroyed roads" reports harm done; a threat speaks of what will be
    return not (rule.type == EventType.THREATEN and (_told_as_past(tok) or not _ahead(tok, content)))


@lru_cache(maxsize=64)
def _cue_index(cues: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The cues of a class by their first word (one lookup per token instead of one per cue)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        parts = tuple(cue.split())
        out.setdefault(parts[0], []).append(parts)
    return {k: tuple(v) for k, v in out.items()}


def _to_infinitive(tok: Token) -> bool:
    """"have to leave", "needs to stop": the verb governs a to-infinitive (and is no perfect auxiliary)."""
    return tok.dep_ not in ("aux", "auxpass") and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children)


def _base(tok: Token) -> str:
    """A token's lemma, an adverb's adjective ("illegally" → "illegal", "flagrantly" → "flagrant")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADV" and lemma.endswith("ly") and len(lemma) > 5:
        return lemma[:-4] + "le" if lemma.endswith("bly") else lemma[:-2]
    return lemma


def _ahead(tok: Token, content: Sequence[Token]) -> bool:
    """Does the cue speak of what is to come: a future or conditional modal on its clause or a clause above it
    within the content, or a condition ("if", "unless") in the content?"""
    inside = {t.i for t in content}
    cur: Token | None = tok
    while cur is not None and cur.i in inside:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUXILIARIES for c in cur.children):
            return True
        cur = cur.head if cur.head.i != cur.i else None
    return any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in content)


def _told_as_past(tok: Token) -> bool:
    """The word's clause tells a past act: a past-tense verb or a perfect, with no modal ("would", "could")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"would", "could", "will", "might", "may", "'ll", "shall"}:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes & {"had", "has", "have", "was", "were"}))


def _negated(tok: Token) -> bool:
    near = [tok, tok.head] if tok.dep_ in ("acomp", "attr", "dobj", "amod") else [tok]
    return any(c.dep_ == "neg" for t in near for c in t.children)


def _obliged(cue: Token, st: Statement, index: MentionIndex) -> Found | None:
    """The party a modal of obligation or an appeal verb puts the act on."""
    if cue.lemma_.lower() in APPEAL_LEMMAS:
        for c in cue.children:
            if c.dep_ in ("dobj", "nsubj") and c.i > cue.i:
                return _other(c, st, index)
            if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return _other(obj, st, index)
        return None
    verb = cue.head if cue.dep_ in ("aux", "auxpass") else cue
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = _other(subj, st, index) if subj is not None else None
    return found if found is not None else _addressee(st, index)


def _addressee(st: Statement, index: MentionIndex) -> Found | None:
    """"X told the General Assembly that the commission should …": a demand whose obliged party the text names
    as no actor is addressed to the party told (never the press: "told reporters", "told VOA")."""
    told = [c for c in st.anchor.children if c.dep_ in ("dative", "dobj") and c not in st.content]
    told += [o for c in st.anchor.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
             if o.dep_ == "pobj"]
    for tok in told:
        found = _other(tok, st, index)
        if found is not None and (found.actors[0].sector or "") not in ADDRESSEE_NOT_PARTY:
            return found
    return None


def _other(tok: Token, st: Statement, index: MentionIndex) -> Found | None:
    """The party at ``tok`` when it is not the speaker."""
    for t in tok.subtree:
        m = index.at(t.i)
        if m is not None and _party(m) and not _is_speaker(m, st):
            return Found((m.actor,), f"statement:{tok.dep_}", False, t.i)
        if t.i > tok.i + 6:
            break
    return None


def _content_party(st: Statement, index: MentionIndex, tokens: Sequence[Token] = ()) -> Found | None:
    best: tuple[tuple[int, int], Mention, int] | None = None
    for t in tokens or st.content:
        m = index.at(t.i)
        if m is None or not _party(m) or _is_speaker(m, st) or t.i != m.token_end - 1:
            continue
        head = t if t.dep_ in _SALIENCE else t.head if t.head.i in range(m.token_start, m.token_end) else t
        rank = (_SALIENCE.get(head.dep_, 0) + (1 if m.actor.sector != "CVL" else 0), -t.i)
        if best is None or rank > best[0]:
            best = (rank, m, t.i)
    if best is None:
        return None
    return Found((best[1].actor,), "statement:content", False, best[2])


def _party(m: Mention) -> bool:
    return bool(m.actor.code or m.actor.country) and not m.actor.members


def _is_speaker(m: Mention, st: Statement) -> bool:
    """The speaker, or the speaker's own state or body ("Britain will …" said by a British envoy)."""
    if m.evidence in _SELF:
        return True
    a = m.actor
    for s in st.speaker.actors:
        if _same(a, s) or (a.country is not None and a.country == s.country and (a.sector is None or a.code == s.code)
                           and _of_the_state(s)):
            return True
    return False


def _of_the_state(speaker: Any) -> bool:
    """A speaker whose own state is their side: one who speaks for it (its government, forces, courts …, or the
    state named bare), and a commentator (scholars, the press, business), whose words about their own state are
    comment. A former official, the opposition or a citizen may address it as a party ("France should suspend
    immigration", said by a former minister)."""
    sector = (speaker.sector or "").lower()
    return not sector or sector in STATE_SECTORS or sector in COMMENTATOR_SECTORS


def _same(a: Any, b: Any) -> bool:
    if a.name and b.name:
        return bool(a.name == b.name)
    return bool(a.code == b.code and a.code is not None and a.name == b.name)
