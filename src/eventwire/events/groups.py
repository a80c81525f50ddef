"""Pairs of people named earlier and referred to together: "the two ministers", "both leaders", "their summit".

The actor stage resolves "the two countries" to the two states last named; a plural role noun with
"two"/"both" points the same way at people: the two persons last named whose role shares the noun
("Foreign Minister" for "ministers"), from different actors. The mention then becomes a group, so that
the coder makes one mutual record for the pair ("The two ministers signed an agreement").

A plural pronoun the actor stage left unresolved has split antecedents where it is a party of a reciprocal
act — the possessor of a relation ("their second summit", "their talks") or the subject of a verb of meeting
or agreeing ("they met again in Hanoi"): the two persons of different sides named last, in this sentence or the
two before it ("Trump met Kim Jong Un in Singapore. Their second summit was in Hanoi.").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..models import Actor, Mention
from ..vocabulary import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PAIR_WORDS = frozenset({"two", "both"})
DEFINITE = words("events_words.definite_determiners")
PAIR_PRONOUNS = frozenset({"they", "their"})
PRONOUN_WINDOW = 2  # sentences back a pair pronoun's two antecedents may be named
SHARED_RELATIONS = words("events_nouns.shared")
RECIPROCAL_VERBS = words("events_verbs.reciprocal")
# plural nouns that stand for people in their office, not for states ("the two countries" is the actor
# stage's business)
GENERIC_PEOPLE = words("events_nouns.generic_people")


def named_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions of persons with a role and a country (named, or known by their office alone: "South
    Korea's president"), in text order."""
    return [m for m in sorted(mentions, key=lambda m: (m.sentence, m.start))
            if (m.actor.name or m.person) and m.actor.role and m.actor.country and not m.actor.members]


def named_people(mentions: Iterable[Mention]) -> list[Actor]:
    """The named persons among ``mentions`` (with a role and a country), in text order."""
    return [m.actor for m in named_mentions(mentions)]


def _who(actor: Actor) -> tuple[str | None, ...]:
    """A person's identity: the name, or for one known by the office alone, the office and its code."""
    return (actor.name,) if actor.name else (None, actor.code, (actor.role or "").lower())


def _one_person(a: Actor, b: Actor) -> bool:
    """Two mentions of one person: the same code, one known by its office alone, and the offices sharing a word
    ("North Korean leader" and "Kim Jong Un", Supreme Leader)."""
    if (a.code, a.country) != (b.code, b.country) or (a.name and b.name):
        return False
    return bool({w.lower() for w in (a.role or "").split()} & {w.lower() for w in (b.role or "").split()})


def _pair_noun(tok: Token) -> bool:
    """"the two leaders", "both ministers" — definite: "two men convicted of spying" introduces new people."""
    if tok.tag_ != "NNS":
        return False
    pair = [c for c in tok.children if c.lower_ in PAIR_WORDS and c.dep_ in ("nummod", "det", "predet", "quantmod")]
    if not pair:
        return False
    return any(c.lower_ == "both" for c in pair) or any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children)


def _last_two(noun: str, people: Sequence[Actor]) -> tuple[Actor, Actor] | None:
    """The two persons last named whose role contains ``noun`` (any role for generic nouns), two actors."""
    found: list[Actor] = []
    for actor in reversed(people):
        role_words = {w.lower() for w in (actor.role or "").split()}
        if noun not in GENERIC_PEOPLE and noun not in role_words:
            continue
        if any(_who(a) == _who(actor) for a in found):
            continue
        if found and _one_person(found[0], actor):
            continue  # "North Korean leader Kim Jong Un": the office named before the name is the same person
        if found and (found[0].code, found[0].country) == (actor.code, actor.country):
            return None  # the last two are of one side: "the two ministers" are not a dyad here
        found.append(actor)
        if len(found) == 2:
            return found[1], found[0]
    return None


def _reciprocal_pronoun(tok: Token) -> bool:
    """"their summit", "they met": a plural pronoun that is a party of a reciprocal act."""
    if tok.lower_ == "their":
        return tok.dep_ == "poss" and tok.head.lemma_.lower() in SHARED_RELATIONS
    return tok.lower_ == "they" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in RECIPROCAL_VERBS


def resolve_pairs(doc: Doc, mentions: Sequence[Mention], earlier: Sequence[Actor], sentence: int,
                  offset: int, recent: Sequence[Actor] = (), counted: frozenset[str] = frozenset()) -> list[Mention]:
    """``mentions`` with "the two <role>s" / "both <role>s" turned into a group of the two people last
    named in that role, and an unresolved "their"/"they" of a reciprocal act into the two people last named
    (``recent``: named in the ``PRONOUN_WINDOW`` sentences before); not a noun ``counted`` just before ("two men …
    the two men" are those men); a phrase the actor stage left unresolved
    gets a group mention of its own. ``sentence`` and ``offset`` (its start in the article text) place a new
    mention."""
    out = list(mentions)
    for tok in doc:
        pronoun = _reciprocal_pronoun(tok)
        if not pronoun and (not _pair_noun(tok) or tok.lemma_.lower() in counted):
            continue  # (a noun a count introduced just before names those, not people named earlier)
        start = tok.left_edge.i
        before = named_people(m for m in mentions if m.token_end <= start)
        if pronoun:
            if any(m.token_start <= tok.i < m.token_end for m in out):
                continue  # the actor stage resolved it
            pair = _last_two("leader", [*recent, *before])
        else:
            pair = _last_two(tok.lemma_.lower(), [*earlier, *before])
        if pair is None:
            continue
        covering = [m for m in out if m.token_start <= tok.i < m.token_end]
        if any(m.actor.members for m in covering):
            continue
        text = doc[start:tok.i + 1].text
        group = Actor(text=text, name=f"{pair[0].name or pair[0].text} and {pair[1].name or pair[1].text}",
                      members=pair)
        begin = offset + doc[start].idx
        out = [m for m in out if m not in covering]
        out.append(Mention(sentence=sentence, start=begin, end=begin + len(text), token_start=start,
                           token_end=tok.i + 1, text=text, actor=group, evidence="events:pair"))
    return out
