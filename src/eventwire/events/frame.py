"""The *frame* of a trigger: the words around it in its phrase that lexicon patterns are matched against."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocabulary import words
from .arguments import RELATIVE_PRONOUNS
from .lexicon import norm

# names of days and months, and the days named relative to today: "on Tuesday", "in March" say when
CALENDAR = (words("time_calendar.month_names") | words("time_calendar.weekday_names")
            | words("time_rule_keys.relative_day") | words("time_rule_keys.weekend"))

# dependencies of the words before a trigger that belong to its frame (subject, modifiers, auxiliaries, negation)
PRE_DEPS = frozenset(words("events_dependencies.frame_before"))
# dependencies after a trigger that are not its phrase (another clause, a coordination, punctuation)
SKIPPED_RIGHT_DEPS = frozenset(words("events_dependencies.frame_skipped"))

if TYPE_CHECKING:
    from spacy.tokens import Token


def trigger_frame(tok: Token, kind: str) -> tuple[list[str], list[str], int]:
    """Normalised words before and after a trigger in its phrase, and the end of a particle phrase."""
    pre, post = _before(tok), _after(tok)
    pre.sort(key=lambda t: t.i)
    post.sort(key=lambda t: t.i)
    if any(c.dep_ == "prt" for c in tok.rights):
        # a phrasal verb's passive subject is its object after the particle too ("security was stepped up" reads
        # like "stepped up security"; the subject also stays first: "talks were broken off with X")
        post.extend(t for c in tok.lefts if c.dep_ == "nsubjpass" for t in _near(c, 2))
    pre_extra, post_extra = _compound_marks(tok)
    end = max([tok.i + 1] + [c.i + 1 for c in tok.rights if c.dep_ == "prt"])
    return pre_extra + _frame_words(pre), _markers(tok) + _frame_words(post) + post_extra, end


def _markers(tok: Token) -> list[str]:
    """"@obj": the verb has a direct object (or is passive) — "returned paintings to Peru" vs "returned to Peru";
    "@inf": a to-infinitive complement says what the object is to do — "encouraged Mali to hold elections"."""
    has_obj = any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)
    has_inf = any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > tok.i and _to_infinitive(c) for c in tok.children)
    return (["@obj"] if has_obj else []) + (["@inf"] if has_inf else [])


def _to_infinitive(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _before(tok: Token) -> list[Token]:
    """The words before the trigger that patterns read: its subject, modifiers, auxiliaries, negation and
    particles; the noun a "police firing" participle hangs on; a relative pronoun's antecedent."""
    pre: list[Token] = []
    for c in tok.lefts:
        if c.dep_ in PRE_DEPS:
            pre.extend(c.subtree)
    if tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.i == tok.head.i + 1:
        pre.append(tok.head)  # "police firing" parsed as police ← acl firing: the noun is its doer
    if tok.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS
                                   for c in tok.children):
        pre.append(tok.head)  # "the quake that killed 300 people": the relative pronoun's antecedent is the subject
    return pre


def _after(tok: Token) -> list[Token]:
    """The words of the trigger's phrase after it: objects, particles, prepositional phrases near their head, the
    verb of a purpose clause ("sent troops to *assist*"); for a passive the subject (the logical object), and
    the noun a participle modifies ("the sanctions imposed on Iran")."""
    post: list[Token] = []
    for c in tok.rights:
        if not _outside_phrase(c):
            post.extend(_right_words(tok, c))
    for c in tok.lefts:
        if c.dep_ == "nsubjpass":
            post.extend(_near(c, 2))
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        post.append(tok.head)
    return post


def _right_words(tok: Token, c: Token) -> list[Token]:
    """The words a right dependent ``c`` of the trigger gives its phrase."""
    if c.dep_ in ("advcl", "acl") and not _to_infinitive(c):
        return []  # "…, even as the regime touted support": not what the trigger is about
    if c.dep_ in ("xcomp", "advcl", "acl", "ccomp"):
        # the verb of a purpose clause ("sent troops to *assist*"), not its objects; "called for Russia to
        # withdraw": the for-to clause's complementiser is the verb's own particle
        return [c, *(m for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1)]
    return _near(c, 2)


def _outside_phrase(c: Token) -> bool:
    """A right dependent that is no part of the trigger's phrase: another clause or coordination, a time, an
    object predicative."""
    return c.dep_ in SKIPPED_RIGHT_DEPS or _when(c) or _predicative(c)


def _predicative(c: Token) -> bool:
    """An object predicative says what the object is called or becomes, not what is done to it ("what he called a
    wonderful meeting" convenes nothing); with no object beside it ("called a nationwide strike") the parser
    mislabelled the object itself."""
    return c.dep_ == "oprd" and any(d.dep_ == "dobj" for d in c.head.children)


def _compound_marks(tok: Token) -> tuple[list[str], list[str]]:
    """"%" stands for a compound actor (CAMEO-format patterns): a coordinated subject (before the trigger) or
    object (after it)."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    pre = ["%"] if subj is not None and any(c.dep_ == "conj" for c in subj.children) else []
    post = ["%"] if obj is not None and any(c.dep_ == "conj" for c in obj.children) else []
    return pre, post


def _frame_words(ts: list[Token]) -> list[str]:
    """Tokens as the lexicon compares them: the normalised form, a verb's or noun's lemma where it differs."""
    out = []
    for t in ts:
        out.append(norm(t.lower_))
        if t.lemma_ and t.lemma_.lower() != t.lower_:
            out[-1] = norm(t.lemma_.lower()) if t.pos_ in ("VERB", "NOUN") else out[-1]
    return out


def _when(prep: Token) -> bool:
    """A prepositional phrase that only says when ("on Tuesday", "in March"): no part of what the act is."""
    if prep.dep_ != "prep" or not any(o.dep_ == "pobj" and o.lower_ in CALENDAR for o in prep.children):
        return False
    return all(t.lower_ in CALENDAR or t.like_num or t.pos_ in ("DET", "PUNCT") for t in prep.subtree if t.i != prep.i)


def _near(tok: Token, depth: int) -> list[Token]:
    """``tok`` and its descendants down to ``depth`` levels (a phrase's words near its head)."""
    out = [tok]
    level = [tok]
    for _ in range(depth):
        level = [c for t in level for c in t.children]
        if not level:
            break
        out.extend(level)
    return out


def token_kinds(tok: Token) -> tuple[str, ...]:
    if tok.pos_ == "VERB":
        return ("verb",)
    if tok.pos_ in ("NOUN", "PROPN"):
        # a headline like "Shoigu visits DPRK" is sometimes tagged as a noun at the root
        if tok.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "dobj") for c in tok.children):
            return ("verb", "noun")
        return ("noun",)
    return ()


# prepositions a light verb's noun hangs on ("engaged *in* talks", "called *for* a boycott")
SUPPORT_PREPS = words("events_prepositions.support")
# nouns that only count or group the noun of their "of" phrase: "began a new round *of* exercises",
# "launched a series of raids" — the verb governs the exercises and the raids
PARTITIVE_NOUNS = words("events_nouns.partitive")


def light_verb(tok: Token) -> Token | None:
    """The verb that governs a noun trigger as its object (through a support preposition or a
    partitive noun), whose subject is the noun's doer."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in PARTITIVE_NOUNS:
            cur = cur.head.head
            continue
        if cur.dep_ in ("dobj", "attr", "nsubjpass") or (
                cur.dep_ == "pobj" and cur.head.lower_ in SUPPORT_PREPS) or (
                cur.dep_ == "prep" and cur.head.pos_ == "VERB" and cur.lower_ in SUPPORT_PREPS):
            cur = cur.head
            if cur.pos_ == "VERB":
                return cur
        else:
            return None
    return None
