"""The Python that rule files may name: ONE table, :data:`HOOKS`.

The rules (``data/events/rules/*.toml``) say which argument fills which role and how a governing act changes the
code or moves the roles; what a dependency pattern cannot say stays Python, registered here by name and named
from the data (``repair = "…"``, ``resolve = "…"``, ``require = ["…(…)"]``, ``effects = [{call = "…"}]``):

- ``repair``: a known parser error undone (a binding filter: True keeps the binding);
- ``finder``: an argument search the pattern language cannot state exactly (recursive searches across clauses,
  the document's entities); called at the node ``take`` names, returns a :class:`~.arguments.Found` or None;
- ``predicate``: a test over the triggers' found arguments (identity of parties, what a pattern named);
- ``effect``: a change of code that needs the CAMEO tables (intent from a content).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..actors.titles import PLOVER_NONSTATE
from ..models import Actor
from ..vocabulary import words
from .arguments import (
    Found,
    actors_of,
    agent_of_means,
    child,
    clause_subject,
    pobjs,
    role_only_subject,
    verb_target,
)
from .frame import light_verb
from .lexicon import norm
from .modality import COOPERATIVE, SPEECH_ACTS, intent_code, threat_code
from .participles import agreement_parties

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .engine import Context, Scene
    from .trigger import Trigger

CONSENT_VERBS = words("events_verbs.consent")
LIGHT_VERBS = words("events_verbs.light")
REACTION_VERBS = words("events_verbs.reaction")
# nouns of meeting whose place may be named before them ("the Hanoi summit", "the Geneva talks")
MEETING_NOUNS = words("events_nouns.meeting")
NAMING_LEMMAS = words("statements.naming_lemmas")
NOUN_TARGET_PREPS = words("events_prepositions.noun_target")
# CAMEO codes of acts only a state does (arrests, administrative sanctions and bans, expulsions, confiscation)
IMPLIED_AGENT_CODES = ("172", "173", "174", "1711")


@dataclass(frozen=True, slots=True)
class Hook:
    """A named piece of Python a rule may call: its kind, the function, and why it is not a pattern."""

    kind: str  # "repair" | "finder" | "predicate" | "effect"
    fn: Callable[..., Any]
    why: str


# ------------------------------------------------------------------------------------------ predicates


def same_party(a: Found | None, b: Found | None, ctx: Context) -> bool:
    """The two arguments share an actor."""
    return a is not None and b is not None and bool(set(a.actors) & set(b.actors))


def names_word(governor: Trigger, content: Trigger, ctx: Context) -> bool:
    """Does the pattern that gave the governor's reading name the content's word?"""
    pattern_words = set(governor.reading.pattern.replace("|", " ").replace("_", " ").split())
    tok = content.tok
    return bool({norm(tok.lower_), norm(tok.lemma_.lower())} & pattern_words)


def modifies(content: Trigger, found: Found | None, ctx: Context) -> bool:
    """Is ``found`` named by a modifier of the content noun ("the *American* embargo", "*Russia's* attack")?"""
    if found is None:
        return False
    names = {w.lower() for a in found.actors for w in a.text.split()}
    return any(c.i == found.token or c.lower_ in names for c in content.tok.children
               if c.dep_ in ("amod", "compound", "poss", "nmod"))


def same_type(a: Trigger, b: Trigger, ctx: Context) -> bool:
    """The two triggers read as the same PLOVER type."""
    return ctx.type_of(a.cameo) == ctx.type_of(b.cameo)


def same_token(a: Found | None, b: Found | None, ctx: Context) -> bool:
    """The two arguments were found at one token."""
    return a is not None and b is not None and a.token == b.token


def one_party(source: Found | None, target: Found | None, ctx: Context) -> bool:
    """Source and target are the same party ("the ambassador condemned what she called …": she is no party to
    her own act): the same actors at the same token, or one actor with the same name, code and role (a pronoun
    resolved to the doer itself)."""
    if source is None or target is None:
        return False
    if set(source.actors) == set(target.actors) and source.token == target.token:
        return True
    if len(source.actors) != 1 or len(target.actors) != 1:
        return False
    a, b = source.actors[0], target.actors[0]
    return (a.name, a.code, a.role) == (b.name, b.code, b.role) and (a.name is not None or a.role is not None)


def needs_preposition_missing(trigger: Trigger, ctx: Context) -> bool:
    """A noun read by its lexicon default whose row needs a preposition ("a strike *against* X", not a walkout)
    names none nearby, has no possessor, and is no light verb's object ("called a strike")."""
    tok = trigger.tok
    needs = ctx.lexicon.needs("noun", trigger.reading.lemma) if trigger.reading.pattern.strip() == "*" else ()
    if not needs or child(tok, "poss") is not None:
        return False
    after = tok.right_edge.i + 1
    nearby = list(tok.subtree) + ([tok.doc[after]] if after < len(tok.doc) else [])
    light = light_verb(tok)
    return not any(c.dep_ == "prep" and c.lower_ in needs for c in nearby) and not (
        light is not None and light.lemma_.lower() in LIGHT_VERBS | {"go", "call", "end"})


# ------------------------------------------------------------------------------------------ repairs


def pp_after_noun(b: dict[str, Token], ctx: Context) -> bool:
    """"follows a visit by Putin | to the DPRK": the parser hangs the prepositional phrase right after a noun
    event on the verb above it; read it as the noun's only when it starts right after the noun's phrase."""
    return b["prep"].i == b["trigger"].right_edge.i + 1


def not_a_venue(b: dict[str, Token], ctx: Context) -> bool:
    """"the Hanoi summit", "the Kabul attack", "the Geneva talks between Russia and the United States": a capital
    named bare before an event noun is where it happened (its metonymy for the government needs a verb or a
    possessive: "Beijing cracked down", "Kabul's offensive"), and any bare state or place before a meeting noun
    whose parties a "between" phrase names is where they met (the phrase "U.S.-China talks" names its parties
    and keeps them)."""
    trigger, modifier = b["trigger"], b["modifier"]
    m = ctx.index.at(modifier.i)
    if m is None or m.actor.sector and not m.evidence.endswith("capital-metonym"):
        return True
    if m.evidence.endswith("capital-metonym") and modifier.dep_ == "compound" and not any(
            c.dep_ == "conj" or c.lower_ in ("-", "–") for c in modifier.children):
        return False
    if trigger.lemma_.lower() not in MEETING_NOUNS:
        return True
    return not any(c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children)


# ------------------------------------------------------------------------------------------ finders


def possessor_undergoes(tok: Token, ctx: Context) -> Found | None:
    """"his continued detention", "Zamora's release", "Mhlanga's arrest": the possessor of a noun of an act done
    to people, when it names a person (a personal pronoun, or a mention with a name and no state sector of its
    own), is the one it was done to, not the doer ("Russia's release of prisoners" keeps Russia as the doer)."""
    m = ctx.index.at(tok.i)
    if m is None:
        return None
    person = tok.tag_ == "PRP$" or (m.actor.name is not None and m.actor.role is not None) or m.evidence.startswith(
        ("coref:pronoun", "coref:surname", "dictionary:person", "title"))
    if not person or m.actor.members:
        return None
    return Found((m.actor,), "poss(undergoes)", False, tok.i)


def find_clause_subject(tok: Token, ctx: Context) -> Found | None:
    return clause_subject(tok, ctx.index)


def find_verb_target(tok: Token, ctx: Context) -> Found | None:
    return verb_target(tok, ctx.index)


def find_role_only_subject(tok: Token, ctx: Context) -> Found | None:
    return role_only_subject(tok, ctx.index)


def find_agent_of_means(tok: Token, ctx: Context) -> Found | None:
    return agent_of_means(tok, ctx.index)


def of_phrase_recipient(tok: Token, ctx: Context) -> Found | None:
    """"suspension of air links with Serbia", "withdrawal of forces from Panama": a recipient inside the noun's
    "of" phrase. Each "of" phrase is read in turn and the last one with a prepositional phrase of its own
    decides (as the coder always read it)."""
    target: Found | None = None
    for _, o in pobjs(tok, ("of",)):
        for prep, o2 in pobjs(o, NOUN_TARGET_PREPS | {"from"}):
            target = actors_of(o2, ctx.index, f"pobj:of-{prep}", shallow=True)
            if target:
                break
    return target


def light_verb_subject(tok: Token, ctx: Context) -> Found | None:
    """The doer of a noun event carried by a light verb ("Russia launched an offensive", "held talks", through a
    support preposition or a partitive noun: "began a new round of exercises"): the verb's clause subject —
    not after a reaction or a verb of naming ("condemned the attack", "called the raid illegal")."""
    gov = light_verb(tok)
    if gov is None or gov.lemma_.lower() in REACTION_VERBS or gov.lemma_.lower() in NAMING_LEMMAS:
        return None
    s = clause_subject(gov, ctx.index)
    return Found(s.actors, f"{s.role}({gov.lemma_})", s.group, s.token) if s is not None else None


def implied_agent(tok: Token, ctx: Context) -> Found | None:
    """The doer an act of state power implies when the text names none: "journalist Blessed Mhlanga was
    arrested" → Zimbabwe's police; "he was jailed" → the courts. Only for a victim of one state who is a person or
    group within it (``implied_agents.domestic_sectors``), and only when the sentence names no other state (a
    foreigner held abroad is held by the other state)."""
    t = ctx.by_tok[tok.i]
    target = t.target
    if target is None or not t.cameo.startswith(IMPLIED_AGENT_CODES) or len(target.actors) != 1:
        return None
    victim = target.actors[0]
    if not victim.country or victim.country in PLOVER_NONSTATE or (victim.sector or "").lower() not in words(
            "implied_agents.domestic_sectors"):
        return None
    states = {m.actor.country for m in ctx.index.by_token.values()
              if m.actor.country and m.actor.country not in PLOVER_NONSTATE}
    if states - {victim.country}:
        return None
    lemma = t.reading.lemma
    sector = "JUD" if lemma in words("implied_agents.judicial_lemmas") else \
        "COP" if lemma in words("implied_agents.police_lemmas") else "GOV"
    actor = Actor(text="", code=victim.country + sector, country=victim.country, sector=sector,
                  role="implied by the act: only a state's authorities do it")
    return Found((actor,), "implied:state-authority", False, -1)


# ------------------------------------------------------------------------------------------ effects


def intent_from_content(scene: Scene, ctx: Context) -> None:
    """"vowed to fight" → THREATEN; "offered to negotiate" → AGREE (CAMEO 03 / 13 by the content's code)."""
    gov, content = scene.roles["governor"], scene.roles["content"]
    ctype = ctx.type_of(content.cameo)
    if ctype is None:
        return
    if gov.target is None and content.target is not None:
        gov.target = content.target  # "promised to help Kenya": Kenya is the recipient of the promise
    if ctype.lower() in COOPERATIVE and gov.reading.lemma != "threaten":
        code = intent_code(content.cameo)
        gov.cameo, gov.note = code, f"intent to '{content.tok.lemma_}' (CAMEO {content.cameo}) → {code}"
    elif ctype.lower() not in COOPERATIVE | SPEECH_ACTS and gov.reading.lemma not in CONSENT_VERBS:
        # (agreeing to stage exercises or to postpone a protest is consent among the parties, not a threat: only
        # promising, vowing, warning and threatening make a forceful content a threat)
        code = threat_code(content.cameo)
        gov.cameo, gov.note = code, f"intent to '{content.tok.lemma_}' (CAMEO {content.cameo}) → {code}"


def agreement_participle_parties(scene: Scene, ctx: Context) -> None:
    """"the agreement signed on June 4 (by X / between X and Y / with X)": the parties of the agreement the
    participle concludes (:func:`~eventwire.events.participles.agreement_parties`)."""
    t = scene.roles["trigger"]
    t.source, t.target = agreement_parties(t, ctx.index, ctx.by_tok, ctx.type_of, ctx.lexicon.is_never)


# ------------------------------------------------------------------------------------------ the table

HOOKS: dict[str, Hook] = {
    "possessor-undergoes": Hook("finder", possessor_undergoes, "whether a possessor is a person needs the "
                                                              "mention's actor and evidence"),
    "clause-subject": Hook("finder", find_clause_subject, "a verb's subject, the agent of a passive, or one "
                                                          "inherited across conjunction, control, purpose and "
                                                          "relative clauses (recursive, four clauses deep)"),
    "same-party": Hook("predicate", same_party, "identity of entities across two arguments (the document's "
                                                "actors, not the parse)"),
    "names": Hook("predicate", names_word, "compares a lexicon pattern's words with a token (the trigger "
                                           "lexicon's normalised forms)"),
    "modifies": Hook("predicate", modifies, "matches an argument's actor names against a noun's modifiers"),
    "same-type": Hook("predicate", same_type, "compares two triggers' PLOVER types (the CAMEO code table)"),
    "same-token": Hook("predicate", same_token, "compares where two arguments were found"),
    "one-party": Hook("predicate", one_party, "identity of the actors of two arguments (names, codes, roles)"),
    "needs-preposition-missing": Hook("predicate", needs_preposition_missing,
                                      "reads the trigger lexicon's `needs` column and the light verb above a noun"),
    "not-a-venue": Hook("repair", not_a_venue, "a binding filter: whether a name before a meeting noun is its "
                                              "venue needs the mention's evidence (a capital's metonym)"),
    "pp-after-noun": Hook("repair", pp_after_noun, "the parser attaches a noun's prepositional phrase to the "
                                                   "verb above it; token positions, not dependencies, tell it"),
    "verb-target": Hook("finder", find_verb_target, "a verb's recipient: passive subject, object (and inside the "
                                                    "object's phrase, recursively), recipient and place "
                                                    "prepositions, purpose clauses, parse repairs (arguments.py)"),
    "role-only-subject": Hook("finder", find_role_only_subject, "a subject named by its sector alone, inherited "
                                                                "across control, purpose and conjunction"),
    "agent-of-means": Hook("finder", find_agent_of_means, "the doer of the violent means a passive act was done "
                                                          "in, including the parses 'army | shelling' and "
                                                          "'police ← acl firing'"),
    "of-phrase-recipient": Hook("finder", of_phrase_recipient, "keeps the coder's reading of several 'of' "
                                                               "phrases: the last one with a phrase decides"),
    "light-verb-subject": Hook("finder", light_verb_subject, "walks from a noun up through support prepositions "
                                                             "and partitive nouns to its light verb (frame.py)"),
    "implied-agent": Hook("finder", implied_agent, "the victim's state and sector and the other states of the "
                                                   "sentence decide; the doer is made, not found"),
    "agreement-parties": Hook("effect", agreement_participle_parties, "an agreement participle's parties come "
                                                                      "from its phrase, its noun's trigger or "
                                                                      "the clause around it (participles.py)"),
    "intent-from-content": Hook("effect", intent_from_content, "the 03/13 code of an intent depends on the "
                                                               "content's type and CAMEO code (modality.toml)"),
}
