"""Arguments of a trigger from the dependency parse: who acts (source) and on whom (target).

Works on spaCy tokens of one parsed sentence and the actor mentions the actor stage found in it.
Roles are returned with a short label (``nsubj``, ``agent:by``, ``pobj:in`` …) for the evidence string.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.titles import FORCE_NOUNS, with_plurals
from ..models import Actor, Mention
from ..vocabulary import words

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# the word classes this module reads (data/lexicon/events.toml), bound once: they are looked up per token
TARGET_PREPS = words("events_prepositions.target")
NOUN_TARGET_PREPS = words("events_prepositions.noun_target")
RECIPIENT_PREPS = words("events_prepositions.recipient")
OBJECT_PHRASE_PREPS = words("events_prepositions.object_phrase")
ACTOR_PREPS = words("events_prepositions.actor")
OPPOSITION_PREPS = words("events_prepositions.opposition")
ACTOR_MODIFIER_DEPS = words("events_dependencies.actor_modifiers")
AFFILIATION_PARTICIPLES = words("events_verbs.affiliation")
LOYALTY_WORDS = words("events_words.loyalty")
AUTHOR_VERBS = words("events_verbs.author")
OBJECT_CONTROL = words("events_verbs.object_control")
STATE_VERBS = words("events_verbs.state")
CONTACT_VERBS = words("events_verbs.contact")
SENDING_VERBS = words("events_verbs.sending_forces")
ARRIVAL_VERBS = words("events_verbs.arrival")
HARM_VERBS = words("events_verbs.harm")
CLAIM_VERBS = words("events_verbs.claim")
TALK_NOUNS = words("events_nouns.talk")
OPPOSITION_NOUNS = words("events_nouns.opposition")
PRONOUNS = words("events_words.pronouns")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom")
# nouns of violent means: the doer of an act done "in" one is the doer of that means (one vocabulary with the
# actors stage: actors/titles.FORCE_NOUNS)
MEANS_NOUNS = with_plurals(FORCE_NOUNS)


@dataclass(frozen=True, slots=True)
class Found:
    """Actors found for one argument, with the role label that found them."""

    actors: tuple[Actor, ...]
    role: str
    group: bool = False  # a group mention ("the two countries") or a coordination ("X and Y")
    token: int = -1


class MentionIndex:
    """Token index → the actor mention covering it (the longest one where several overlap)."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: m.token_end - m.token_start):
            for i in range(m.token_start, m.token_end):
                self.by_token[i] = m

    def at(self, i: int) -> Mention | None:
        return self.by_token.get(i)


def _expand(actor: Actor) -> tuple[tuple[Actor, ...], bool]:
    if actor.members:
        return tuple(actor.members), True
    return (actor,), False


def _known(actor: Actor) -> bool:
    return bool(actor.code or actor.country or actor.members)


def _with_sector(actor: Actor, sector_of: Actor | None) -> Actor:
    """A country found in a modifier, with the sector of a role-only head ("newspaper based in Beirut")."""
    if sector_of is None or not sector_of.sector or actor.members:
        return actor
    sector = sector_of.sector
    country = actor.country or (actor.code[:3] if actor.code else None)
    return Actor(text=sector_of.text, name=actor.name, code=(country or "") + sector if country else None,
                 country=country, sector=sector, role=sector_of.role)


def _head_actor(tok: Token, index: MentionIndex, depth: int, with_by: bool,
                shallow: bool = False) -> tuple[list[Actor], bool]:
    """The actor of the phrase headed by ``tok``: the mention covering it, else its modifiers'.

    A mention that names only a sector ("rebels", "the newspaper") takes its country from the phrase's
    modifiers ("Ivory Coast rebels", "a newspaper based in Beirut"); alone it is not a known actor.
    """
    m = index.at(tok.i)
    role_only: Actor | None = None
    if m is not None:
        if _known(m.actor):
            expanded, is_group = _expand(m.actor)
            return list(expanded) + _coordinated_modifiers(tok, m, index), is_group
        role_only = m.actor
    if depth <= 0:
        return [], False
    for c in tok.children:
        if c.dep_ in ACTOR_MODIFIER_DEPS and (m is None or not m.token_start <= c.i < m.token_end):
            found = _phrase_actors(c, index, depth, with_by, role_only)
            if found is not None:
                return found
    if shallow:
        return [], False
    for c in tok.children:
        for prep in _actor_prepositions(c, with_by):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = _phrase_actors(pobj, index, depth, with_by, role_only)
                    if found is not None:
                        return found
    return [], False


def _phrase_actors(tok: Token, index: MentionIndex, depth: int, with_by: bool,
                   role_only: Actor | None) -> tuple[list[Actor], bool] | None:
    """The actors of a modifier or a prepositional object one level below a head, with its conjuncts, in the
    sector of a role-only head; None when it names none."""
    acts, group = _head_actor(tok, index, depth - 1, with_by)
    if not acts:
        return None
    more = _conjuncts_actors(tok, index, depth - 1, with_by)
    acts = acts + [a for a in more if a not in acts]
    return [_with_sector(a, role_only) for a in acts], group or bool(more)


def _actor_prepositions(c: Token, with_by: bool) -> list[Token]:
    """The prepositions under a head's child ``c`` whose object names the head's actor: ``c`` itself ("officials
    from X"), those of a participle ("a newspaper based in Beirut", "hackers linked to X") or of a word of
    allegiance ("troops loyal to the Libyan government", "fighters allied with X")."""
    if c.dep_ == "prep" and (c.lower_ in ACTOR_PREPS or (with_by and c.lower_ == "by")):
        return [c]
    if c.dep_ == "acl" and c.tag_ == "VBN":
        words_ = ACTOR_PREPS | {"to", "with"} if c.lemma_.lower() in AFFILIATION_PARTICIPLES else ACTOR_PREPS
        return _prepositions(c, words_)
    if c.dep_ in ("amod", "acl") and c.lemma_.lower() in LOYALTY_WORDS:
        return _prepositions(c, ("to", "with"))
    return []


def _prepositions(tok: Token, allowed: Iterable[str]) -> list[Token]:
    """``tok``'s prepositional children spelt one of ``allowed``, in text order."""
    return [p for p in tok.children if p.dep_ == "prep" and p.lower_ in allowed]


def _coordinated_modifiers(tok: Token, m: Mention, index: MentionIndex) -> list[Actor]:
    """"Indian and Pakistani troops": the mention covers "Pakistani troops"; the state adjective before it,
    coordinated with the one inside it, heads an actor of its own (the troops of both)."""
    out: list[Actor] = []
    for c in tok.children:
        if c.dep_ != "amod" or m.token_start <= c.i < m.token_end:
            continue
        if not any(g.dep_ == "conj" and m.token_start <= g.i < m.token_end for g in c.children):
            continue
        other = index.at(c.i)
        if other is not None and other is not m and _known(other.actor) and not other.actor.members:
            out.append(other.actor)
    return out


def _conjuncts_actors(tok: Token, index: MentionIndex, depth: int, with_by: bool) -> list[Actor]:
    out: list[Actor] = []
    for c in tok.conjuncts:
        if c.i != tok.i:
            acts, _ = _head_actor(c, index, depth, with_by)
            out += [a for a in acts if a not in out]
    return out


def _misparsed_list(tok: Token, index: MentionIndex, with_by: bool) -> list[Actor]:
    """Members of a list the parser hung under the head as a modifier or apposition: "Arnor, Rohan and
    Gondor" parsed as Gondor ← nmod Arnor ← conj Rohan; "Mordor, the Shire, Bree and Fornost" as Mordor
    ← appos Shire ← conj Bree, Fornost. Only a modifier that itself has conjuncts counts (a plain
    apposition, "Putin, the Russian president", names the same actor)."""
    out: list[Actor] = []
    for c in tok.children:
        if c.dep_ in ("appos", "nmod", "compound") and any(g.dep_ == "conj" for g in c.children):
            head, _ = _head_actor(c, index, 1, with_by, shallow=True)
            for a in head + _conjuncts_actors(c, index, 1, with_by):
                if a not in out:
                    out.append(a)
    return out


def actors_of(tok: Token | None, index: MentionIndex, role: str, *, with_by: bool = False,
              shallow: bool = False) -> Found | None:
    """Actors of the argument headed by ``tok`` (with its coordinated heads: "Israel and Egypt").
    ``shallow``: only the head and its modifiers, not "of/from/in" phrases (for far attachments)."""
    if tok is None:
        return None
    if tok.lower_ in PRONOUNS and index.at(tok.i) is None:
        # "She and Lockyear both urged …": an unresolved pronoun names nobody, its conjuncts still do
        more = _conjuncts_actors(tok, index, 3, with_by)
        return Found(tuple(more), role, len(more) > 1, tok.i) if more else None
    if tok.pos_ == "VERB" and index.at(tok.i) is None:
        # "The Red Cross operating in Sudan said …" parsed as Cross ← nsubj operating ← nsubj said: the
        # participle's own subject is the phrase's head, not the place it operates in
        inner = child(tok, *SUBJECT_DEPS)
        if inner is not None and inner.i < tok.i:
            tok = inner
    acts, group = _head_actor(tok, index, 3, with_by, shallow)
    more = _conjuncts_actors(tok, index, 3, with_by) + _misparsed_list(tok, index, with_by)
    acts += [a for a in more if a not in acts]
    if not acts:
        return None
    return Found(tuple(acts), role, group or len(acts) > 1, tok.i)


def _role_only(tok: Token, index: MentionIndex, role: str) -> Found | None:
    """The mention of ``tok`` (or of its "of" phrase: "hundreds of protesters") when it names only a
    sector and no country."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for c in c.children if c.dep_ == "pobj")):
        m = index.at(t.i)
        if m is not None and m.actor.sector and not _known(m.actor):
            return Found((m.actor,), role, False, t.i)
    return None


def role_only_of(tok: Token | None, index: MentionIndex, role: str) -> Found | None:
    """The mention of the phrase headed by ``tok`` when it names only a sector ("civilians", "protesters")."""
    return None if tok is None else _role_only(tok, index, role)


def role_only_subject(verb: Token, index: MentionIndex, depth: int = 3) -> Found | None:
    """The subject's mention when it names only a sector ("protesters", "police", "rebels") and no
    country: kept as such (the country stays unknown, never guessed) — who did what is still told.
    Inherited like a clause subject across control, purpose clauses and conjunction ("rebels vowed to
    attack …"), but never from a clause that has a subject of its own."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.i == verb.head.i + 1:
        # "police firing" parsed as police ← acl firing: the participle's head noun does it
        return _role_only(verb.head, index, "acl-head(sector only)")
    cur = verb
    for level in range(depth + 1):
        subj = subject(cur)
        if subj is not None:
            if subj.lower_ in PRONOUNS or subj.lower_ in RELATIVE_PRONOUNS:
                return None
            return _role_only(subj, index, "nsubj(sector only)" if level == 0 else "nsubj(sector only, inherited)")
        if child(cur, *PASSIVE_SUBJECT_DEPS) is not None:
            for _, o in pobjs(cur, ("by",)):
                return _role_only(o, index, "agent:by(sector only)")
            agent = child(cur, "agent")
            pobj = child(agent, "pobj") if agent is not None else None
            return _role_only(pobj, index, "agent:by(sector only)") if pobj is not None else None
        if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None



def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def subject(verb: Token) -> Token | None:
    """The verb's active subject, also where the parser hung it under an auxiliary ("Britain and France
    however have opposed …" parsed as Britain ← nsubj have ← aux opposed); not under a passive's auxiliary."""
    subj = child(verb, *SUBJECT_DEPS)
    if subj is not None:
        return subj
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "activists | remained (auxpass) jailed": a passive's subject (passive_subject)
    for aux in verb.children:
        if aux.dep_ == "aux" and aux.i < verb.i:
            subj = child(aux, *SUBJECT_DEPS)
            if subj is not None:
                return subj
    return None


def is_misparsed_predicate(verb: Token) -> bool:
    """A participle the parser hung under the sentence's noun as a modifier although it is the main verb:
    "The Iraqi air force carried out strikes" parsed as force ← acl carried. A past participle with a
    direct object cannot be a passive modifier ("five soldiers killed in an attack" has none), so the
    noun is its subject."""
    head = verb.head
    if not (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and head.i < verb.i
            and head.dep_ in ("ROOT", "ccomp", "nsubj") and head.pos_ in ("NOUN", "PROPN")):
        return False
    if child(verb, "dobj", "dative") is not None:
        return True
    # "Donald Trump called President Erdogan on Wednesday": a name right before the verb is not named by it
    # ("a man called John" modifies a common noun)
    return head.pos_ == "PROPN" and verb.i == head.i + 1 and child(verb, "oprd") is not None


def pobjs(tok: Token, preps: Collection[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of ``tok``'s prepositional children, in text order (not the subject of an
    absolute clause: ", with Erdogan suggesting …")."""
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "dative") and p.lower_ in preps:
            for o in p.children:
                if o.dep_ == "pobj" and not _absolute_subject(p, o):
                    out.append((p.lower_, o))
    return out


def _absolute_subject(prep: Token, obj: Token) -> bool:
    """", with Erdogan at one point suggesting Macron needed treatment": after a comma, "with"/"without" and a
    noun phrase followed by a participle make an absolute clause — the noun is the participle's subject, no
    partner of the verb ("talks with officials representing the rebels" has no comma and keeps them)."""
    if prep.lower_ not in ("with", "without") or prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        return False
    verbs = [c for c in obj.children if c.dep_ == "acl"]
    verbs += [c for c in prep.head.children if c.dep_ in ("advcl", "acl") and c.i > obj.i]
    return any(v.tag_ in ("VBG", "VBN") and v.i - obj.i <= 5 and child(v, "nsubj", "nsubjpass") is None
               for v in verbs)


def clause_subject(verb: Token, index: MentionIndex, depth: int = 4) -> Found | None:
    """The source of a verb: its subject, the agent of a passive, or one inherited across conjunction,
    control (xcomp), purpose clauses (advcl "to …") and relative clauses."""
    if depth <= 0:
        return None
    subj = subject(verb)
    if subj is not None:
        return _subject_actors(verb, subj, index)
    if passive_subject(verb) is not None:
        return _passive_agent(verb, index)
    if is_misparsed_predicate(verb):
        return actors_of(verb.head, index, "nsubj(misparsed as acl)")
    owner = _purpose_owner(verb)
    if owner is not None:
        # "sent troops to protect …": the troops if they are named, else whoever sent them
        found = actors_of(verb.head, index, f"{verb.dep_}-head") if verb.dep_ != "pcomp" else None
        found = found or clause_subject(owner, index, depth - 1)
        if found is not None:
            return Found(found.actors, f"{found.role}({verb.head.lemma_})", found.group, found.token)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return _modified_noun_actors(verb, index, depth)
    if _reason_patient(verb) is not None:
        # "was arrested by the police for collaborating with X": the reason is about the one arrested, not
        # the police (measured: naming that one as the doer adds no right events, so it stays unsaid)
        return None
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp", "pcomp", "prep") and verb.head.i != verb.i:
        return _inherited_subject(verb, index, depth)
    return None


def _subject_actors(verb: Token, subj: Token, index: MentionIndex) -> Found | None:
    """The actors of a verb's own subject: a relative pronoun's antecedent, a pronoun's antecedent clause, or the
    subject phrase (every subject child of the verb: the parser sometimes splits one phrase in two, "The rebel |
    Free Syrian Army", "The Afghan government, | a number of parties and the Taliban")."""
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return actors_of(verb.head, index, "relcl-head") or claimer(verb.head, index)
    if subj.lower_ in PRONOUNS and index.at(subj.i) is None and not any(c.dep_ == "conj" for c in subj.children):
        return _antecedent(verb, index)
    found = actors_of(subj, index, "nsubj")
    for other in verb.children:
        if other.dep_ in SUBJECT_DEPS and other.i != subj.i and other.lower_ not in PRONOUNS:
            found = _joined(found, actors_of(other, index, "nsubj"))
    return found


def _joined(found: Found | None, more: Found | None) -> Found | None:
    """The actors of two subject children of one verb, as one subject."""
    if not more:
        return found
    if found is None:
        return more
    acts = found.actors + tuple(a for a in more.actors if a not in found.actors)
    return Found(acts, "nsubj", len(acts) > 1, found.token)


def _passive_agent(verb: Token, index: MentionIndex) -> Found | None:
    """The doer of a passive: its "by" phrase (as a preposition or as the parser's ``agent``)."""
    for _, o in pobjs(verb, ("by",)):
        return actors_of(o, index, "agent:by")
    agent = child(verb, "agent")
    if agent is not None:
        return actors_of(child(agent, "pobj"), index, "agent:by")
    return None


def _modified_noun_actors(verb: Token, index: MentionIndex, depth: int) -> Found | None:
    """The doer of a relative clause or a participle on a noun: the noun ("the rebels who attacked …"), whoever
    claimed it, or for "X issued a statement condemning Y" the issuer (the statement speaks for X)."""
    found = actors_of(verb.head, index, f"{verb.dep_}-head") or claimer(verb.head, index)
    if found is None and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        issuer = clause_subject(verb.head.head, index, depth - 1)
        if issuer is not None:
            return Found(issuer.actors, f"{issuer.role}({verb.head.lemma_})", issuer.group, issuer.token)
    return found


def _inherited_subject(verb: Token, index: MentionIndex, depth: int) -> Found | None:
    """A subject inherited from the clause above: the passive subject of a raising verb ("Shoigu was expected to
    meet …"), the object of an object-control verb ("urged Bree to help": Bree helps), else its own source."""
    head = verb.head
    if verb.dep_ == "xcomp":
        ps = child(head, *PASSIVE_SUBJECT_DEPS)
        if ps is not None:
            f = actors_of(ps, index, "nsubjpass(inherited)")
            if f:
                return f
        obj = child(head, "dobj")
        if obj is not None and head.lemma_.lower() in OBJECT_CONTROL and not _is_phone_call(head):
            return actors_of(obj, index, "controller:dobj")
    found = clause_subject(head, index, depth - 1)
    if found is not None:
        return Found(found.actors, f"{found.role}(inherited)", found.group, found.token)
    return None


def _reason_patient(verb: Token) -> Token | None:
    """The one a reason given with "for …ing" is about: whom the main verb acts on ("was arrested *for
    collaborating* with X", "praised Gondor *for helping*"), who is then the reason's doer."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ != "for" or prep.dep_ != "prep" \
            or child(verb, *SUBJECT_DEPS) is not None:
        return None
    main = prep.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    patient = child(main, *PASSIVE_SUBJECT_DEPS) or child(main, "dobj")
    if patient is None or patient.i > prep.i:
        return None
    return patient




def _purpose_owner(verb: Token) -> Token | None:
    """The verb whose object a purpose clause or "of/over …ing" phrase hangs on, when that verb's subject
    is the doer: "announced an initiative *to halt* …" (acl to-infinitive on the object), "voiced hope
    *of holding* talks" (pcomp under a preposition of the object)."""
    noun = None
    if verb.dep_ in ("acl", "relcl") and child(verb, *SUBJECT_DEPS) is None \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        noun = verb.head
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        noun = verb.head.head
    if noun is None or noun.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    gov = noun.head
    return gov if gov.lemma_.lower() in AUTHOR_VERBS else None


def _antecedent(verb: Token, index: MentionIndex) -> Found | None:
    """A pronoun subject in a subordinate clause refers to the subject of a clause above it
    ("Syria says *it* will not accept …"): the nearest ancestor verb's actor subject."""
    cur = verb
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        subj = child(cur, *SUBJECT_DEPS)
        if subj is not None and subj.lower_ not in PRONOUNS:
            f = actors_of(subj, index, "nsubj(antecedent)")
            if f:
                return f
    return None




def _is_phone_call(verb: Token) -> bool:
    """"called X to discuss …" (a call made to X) against "called on X to withdraw" (an appeal: X is to act):
    "call" takes the one called as its direct object; the appeal takes "on/upon"."""
    return verb.lemma_.lower() in CONTACT_VERBS and child(verb, "dobj") is not None



def passive_subject(verb: Token) -> Token | None:
    """The passive subject of a verb, also of a passive participle a verb of state completes ("two soldiers
    *stand accused* of the bombing", "the leaders *remained jailed*"): the state's subject undergoes the act."""
    own = child(verb, *PASSIVE_SUBJECT_DEPS)
    if own is None:  # "activists | remained (auxpass) jailed": the parser hangs the subject on the auxiliary
        own = next((s for a in verb.children if a.dep_ == "auxpass" for s in a.children if s.dep_ == "nsubj"), None)
    if own is not None or verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "xcomp", "acomp", "oprd"):
        return own
    if verb.head.lemma_.lower() not in STATE_VERBS or child(verb, *SUBJECT_DEPS) is not None:
        return None
    return child(verb.head, "nsubj")


def object_phrase_target(obj: Token, index: MentionIndex, role: str, depth: int) -> Found | None:
    """A recipient inside an object phrase: "ties *with Gondor*", "a resumption of ties *with* …"."""
    if depth <= 0:
        return None
    for prep, o in pobjs(obj, NOUN_TARGET_PREPS):
        f = actors_of(o, index, f"{role}-pobj:{prep}", shallow=True)
        if f:
            return f
    for _, o in pobjs(obj, ("of",)):
        f = object_phrase_target(o, index, f"{role}-of", depth - 1)
        if f:
            return f
    f = _maker_of(obj, index, role) or _participle_target(obj, index, role) or _purpose_target(
        obj, index, role) or _apposed_target(obj, index, role, depth)
    if f:
        return f
    # "an invitation to a meeting of Arab ministers", "cyber attacks on the websites of Georgia"
    for prep, o in pobjs(obj, OBJECT_PHRASE_PREPS):
        f = actors_of(o, index, f"{role}-pobj:{prep}")
        if f:
            return f
    return None


def _apposed_target(obj: Token, index: MentionIndex, role: str, depth: int) -> Found | None:
    """The parser hangs a phrase on a name in apposition ("an operation, Operation Dawn, against the rebels") or
    on a coordinated object ("condemned the raid and the threats made by X")."""
    for other in obj.children:
        if other.dep_ in ("appos", "conj"):
            f = (actors_of(other, index, f"{role}-{other.dep_}", shallow=True) if other.dep_ == "conj" else None) \
                or object_phrase_target(other, index, f"{role}-{other.dep_}", depth - 1)
            if f:
                return f
    return None


def _maker_of(obj: Token, index: MentionIndex, role: str) -> Found | None:
    """"rejected the proposal submitted by Gondor": an act on a proposal, a plan or a protest is an act on
    whoever made it (before where it was aimed: "an appeal lodged by X against Y" reaches X)."""
    for acl in obj.children:
        agent = child(acl, "agent") if acl.dep_ == "acl" and acl.tag_ == "VBN" else None
        if agent is not None:
            f = actors_of(child(agent, "pobj"), index, f"{role}-acl-agent:by", shallow=True)
            if f:
                return f
    return None


def _participle_target(obj: Token, index: MentionIndex, role: str) -> Found | None:
    """"links leading into Mordor": a recipient preposition of a participle on the object."""
    for acl in obj.children:
        if acl.dep_ == "acl":
            for prep, o in pobjs(acl, NOUN_TARGET_PREPS):
                f = actors_of(o, index, f"{role}-acl-pobj:{prep}", shallow=True)
                if f:
                    return f
    return None


def _purpose_target(obj: Token, index: MentionIndex, role: str) -> Found | None:
    """The purpose a noun names: "a drive to convince the parliament", "an invitation to attend a meeting of the
    factions" — whom that act is on (its object when a mention names a party: "ties" qualified by "Russia-DPRK"
    name none; for talks, their "of" phrase)."""
    for acl in obj.children:
        if acl.dep_ in ("acl", "relcl") and child(acl, *SUBJECT_DEPS) is None \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in acl.children):
            inner = child(acl, "dobj")
            if inner is not None:
                f = actors_of(inner, index, f"{role}-{acl.dep_}-dobj", shallow=True) \
                    if index.at(inner.i) is not None else None
                if f is None and inner.lemma_.lower() in TALK_NOUNS:
                    for _, o in pobjs(inner, ("of",)):  # "a meeting of the factions": its parties
                        f = actors_of(o, index, f"{role}-{acl.dep_}-dobj-pobj:of", shallow=True)
                if f:
                    return f
    return None


def _objects(verb: Token) -> list[Token]:
    """The verb's direct object; where the parser split a number from its noun ("deported 1, | 086
    migrants"), the noun too (not a second object hung on the verb: an apposition misparsed)."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs[:2] if objs and objs[0].tag_ == "CD" else objs[:1]




def verb_target(tok: Token, index: MentionIndex) -> Found | None:
    """The recipient of a verb: passive subject, object, recipient prepositions, purpose clauses — each tried in
    turn, the first that names a party answers."""
    ps = passive_subject(tok)
    if ps is not None:
        f = actors_of(ps, index, "nsubjpass")
        if f:
            return f
    opposed = opposed_party(tok, index)
    return (_sent_to(tok, index) or _object_target(tok, index, opposed) or opposed or _bare_argument(tok, index)
            or _prepositional_target(tok, index) or _prepositional_phrase_target(tok, index)
            or _dangling_target(tok, index) or _topic_target(tok, index) or _particle_target(tok, index)
            or _clausal_target(tok, index))


def _sent_to(tok: Token, index: MentionIndex) -> Found | None:
    """"sent teams of agents into Libya": what is sent is the sender's; where it goes is the recipient."""
    if tok.lemma_.lower() not in SENDING_VERBS or child(tok, "dobj") is None:
        return None
    for prep, o in pobjs(tok, ("to", "into", "toward", "towards")):
        f = actors_of(o, index, f"pobj:{prep}")
        if f:
            return f
    return None


def _object_target(tok: Token, index: MentionIndex, opposed: Found | None) -> Found | None:
    """The direct object's actors ("by" phrases count), else a party inside the object's phrase ("threatened
    action against Russia", "welcomed a resumption of ties with Gondor"). "blocked streets in Hong Kong in
    defiance of Beijing": a place the object lies in says less than the party defied."""
    for obj in _objects(tok):
        f = actors_of(obj, index, "dobj", with_by=True)
        if f and opposed is not None and index.at(f.token) is None:
            return opposed
        if f:
            return f
        f = object_phrase_target(obj, index, "dobj", 3)
        if f:
            return f
    return None


def _bare_argument(tok: Token, index: MentionIndex) -> Found | None:
    """A dative, attribute, bare noun phrase or predicate (npadvmod: headlines parse "visits DPRK" so)."""
    for dep in ("dative", "attr", "npadvmod", "oprd"):
        f = actors_of(child(tok, dep), index, dep)
        if f:
            return f
    return None


def _ranked_pobjs(tok: Token) -> list[tuple[str, Token]]:
    """The verb's prepositional objects, those of the recipient prepositions first, then places ("celebrated at X
    with Y": Y; "arrived in X"); after a verb of arrival the place first ("arrived in Gondor on his first visit":
    Gondor, "on" being the occasion)."""
    if tok.lemma_.lower() in ARRIVAL_VERBS:
        return sorted(pobjs(tok, TARGET_PREPS), key=lambda po: po[0] in RECIPIENT_PREPS and po[0] not in ("to",))
    return sorted(pobjs(tok, TARGET_PREPS), key=lambda po: po[0] not in RECIPIENT_PREPS)


def _prepositional_target(tok: Token, index: MentionIndex) -> Found | None:
    """A recipient or place preposition's actors; for a place (not after a verb of arrival) whom a purpose
    clause aims at says more ("marched in Caracas to protest against the president")."""
    for prep, o in _ranked_pobjs(tok):
        f = actors_of(o, index, f"pobj:{prep}")
        if f and prep not in RECIPIENT_PREPS and tok.lemma_.lower() not in ARRIVAL_VERBS:
            f = _purpose_recipient(tok, index) or f
        if f:
            return f
    return None


def _prepositional_phrase_target(tok: Token, index: MentionIndex) -> Found | None:
    """A party inside a prepositional object's phrase: "acted on a resolution against Libya"."""
    for prep, o in _ranked_pobjs(tok):
        f = object_phrase_target(o, index, f"pobj:{prep}", 2)
        if f:
            return f
    return None


def _dangling_target(tok: Token, index: MentionIndex) -> Found | None:
    """A recipient preposition the parser left without its object ("granted asylum to | five officers holed up"):
    the first mention within four words after it (not one whose object is a clause: ", with Bolivia backing Peru")."""
    first_obj = child(tok, "dobj")
    for p in [*tok.children, *(first_obj.children if first_obj is not None else ())]:
        if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS and child(p, "pobj", "pcomp") is None:
            for j in range(p.i + 1, min(p.i + 5, len(p.doc))):
                m = index.at(j)
                if m is not None:
                    f = actors_of(p.doc[m.token_end - 1], index, f"pobj:{p.lower_}(dangling)")
                    if f:
                        return f
                    break
    return None


def _topic_target(tok: Token, index: MentionIndex) -> Found | None:
    """"warned of X", "warned about X"."""
    for prep, o in pobjs(tok, ("about", "of")):
        f = actors_of(o, index, f"pobj:{prep}")
        if f:
            return f
    return None


def _particle_target(tok: Token, index: MentionIndex) -> Found | None:
    """A recipient preposition hung on the verb's particle ("cracked down on X")."""
    prt = child(tok, "prt")
    if prt is not None:
        for prep, o in pobjs(prt, TARGET_PREPS):
            f = actors_of(o, index, f"pobj:{prep}")
            if f:
                return f
    return None


def _clausal_target(tok: Token, index: MentionIndex) -> Found | None:
    """"demanded that the US cancel …" (the subject of a complement clause), "sent troops to assist Russian
    operations" (the object or a recipient of a to-clause)."""
    for c in tok.children:
        if c.dep_ == "ccomp":
            f = actors_of(child(c, "nsubj", "nsubjpass"), index, "ccomp-nsubj")
            if f:
                return f
        if c.dep_ in ("xcomp", "advcl") and child(c, "aux") is not None:
            f = actors_of(child(c, "dobj"), index, f"{c.dep_}-dobj")
            if f:
                return f
            for prep, o2 in pobjs(c, NOUN_TARGET_PREPS):
                f = actors_of(o2, index, f"{c.dep_}-pobj:{prep}")
                if f:
                    return f
    return None


def _purpose_recipient(tok: Token, index: MentionIndex) -> Found | None:
    """The recipient of a purpose clause ("… to protest against X", "… to demand X's release"): the party a
    to-infinitive under the verb aims at, through a recipient preposition or its object."""
    for c in tok.children:
        if c.dep_ not in ("xcomp", "advcl") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        for prep, o in pobjs(c, RECIPIENT_PREPS):
            f = actors_of(o, index, f"{c.dep_}-pobj:{prep}")
            if f:
                return f
        f = actors_of(child(c, "dobj"), index, f"{c.dep_}-dobj", shallow=True)  # not "the release *of* X"
        if f:
            return f
    return None




def _means_agent_token(o: Token) -> Token | None:
    """The phrase whose modifiers name the doer of a violent means: the means noun itself ("a NATO air
    strike", "police firing" read as a compound) or the agent noun the parser made the head ("police
    firing" read as police ← acl firing, "army shelling" as army and a clause "shelling")."""
    if o.lemma_.lower() in MEANS_NOUNS or o.lower_ in MEANS_NOUNS or any(
            c.lemma_.lower() in MEANS_NOUNS for c in o.children if c.dep_ == "compound"):
        return o
    nxt = o.doc[o.i + 1] if o.i + 1 < len(o.doc) else None
    if nxt is not None and nxt.tag_ == "VBG" and nxt.dep_ in ("acl", "advcl") and nxt.lower_ in MEANS_NOUNS:
        return o  # "in army shelling" read as army | advcl shelling
    return None


def agent_of_means(verb: Token, index: MentionIndex) -> Found | None:
    """The doer of a passive act done *in* or *by* an attack ("were wounded in a NATO air strike"):
    the attack's own actor (its modifiers, possessive or ``by`` phrase); a doer named by its sector
    alone ("killed in police firing") is kept as such."""
    for prep, o in pobjs(verb, ("in", "during", "by")):
        means = _means_agent_token(o)
        if means is None:
            continue
        f = actors_of(means, index, f"pobj:{prep}({o.lemma_})", with_by=True, shallow=False)
        if f is not None:
            return f
        for m in (means, *(c for c in means.children if c.dep_ in ("compound", "amod", "nmod", "poss"))):
            f = _role_only(m, index, f"pobj:{prep}({o.lemma_}, sector only)")
            if f is not None:
                return f
    return None







def claimer(noun: Token, index: MentionIndex) -> Found | None:
    """Who claimed responsibility for an act ("the Taliban claimed responsibility for the attack, which
    killed …"): the doer of that act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ != "dobj" or verb.lemma_.lower() not in CLAIM_VERBS:
        return None
    found = clause_subject(verb, index)
    return Found(found.actors, f"{found.role}(claimed responsibility)", found.group, found.token) if found else None







def opposed_party(verb: Token, index: MentionIndex) -> Found | None:
    """The party an act defies: "blocked streets in defiance of the authorities", "began a hunger strike in
    protest against laws imposed by the government" (through what that party made)."""
    for _, noun in pobjs(verb, ("in",)):
        if noun.lemma_.lower() not in OPPOSITION_NOUNS:
            continue
        for prep, o in pobjs(noun, OPPOSITION_PREPS):
            f = actors_of(o, index, f"pobj:in {noun.lemma_} {prep}") or object_phrase_target(
                o, index, f"pobj:in {noun.lemma_} {prep}", 2)
            if f:
                return f
    return None





