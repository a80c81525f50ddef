"""Messages sent to a party: the message's content is the event, sent by the sender to the addressee.

"Chile sent a letter to the Peruvian government condemning the raids": CAMEO codes what the letter does
(a condemnation of Peru by Chile), not the sending. The parser hangs the content participle under the
letter, under the addressee ("government ← acl condemning", which would make Peru the condemner) or under
the verb; wherever it hangs inside the sending clause, the sender speaks and the addressee is addressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocabulary import words
from .arguments import Found, child
from .trigger import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

# messages whose content is the event (not an ultimatum or a petition: issuing one is the event itself), and the
# verbs of sending them (data/lexicon/events.toml)
MESSAGE_NOUNS = words("events_nouns.message")
SENDING_VERBS = words("events_verbs.sending_messages")


def _message_of(t: Trigger) -> Token | None:
    if t.kind != "verb" or t.reading.lemma not in SENDING_VERBS:
        return None
    obj = child(t.tok, "dobj")
    return obj if obj is not None and obj.lemma_.lower() in MESSAGE_NOUNS else None


def _relabel(found: Found | None, message: Token) -> Found | None:
    if found is None:
        return None
    return Found(found.actors, f"{found.role}({message.lemma_})", found.group, found.token)


def _countries(found: Found) -> set[str]:
    return {a.country for a in found.actors if a.country}


def _inside(tok: Token, top: Token, limit: int = 4) -> bool:
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == top.i:
            return True
    return False


def message_content(triggers: list[Trigger]) -> None:
    """Give a message's content trigger ("… condemning X", "… threatening to …") the sender as its source
    and, when it names none, the addressee as its target; the sending itself is then absorbed."""
    for send in triggers:
        message = _message_of(send)
        if message is None or send.source is None:
            continue
        for t in triggers:
            if t is send or t.kind != "verb" or t.tok.tag_ != "VBG" or t.tok.dep_ not in ("acl", "advcl", "relcl") \
                    or not _inside(t.tok, send.tok) or t.tok.i < message.i:
                continue
            t.source = _relabel(send.source, message)
            if t.target is None or t.target.role.endswith("-head") or (
                    send.target is not None and _countries(t.target) & _countries(send.source)):
                # none of its own, the noun it was misparsed under, or the sender's own ("threatening to
                # pull US funding" in a US letter): the addressee
                t.target = _relabel(send.target, message)
            send.absorbed = True
