"""Where did an event happen? The place the parse ties to its trigger — never the dateline, never a guess.

A location is a toponym inside the object of a locative preposition ("in", "at", "near", "outside",
… and "to" after a verb or noun of movement: "a visit to Moscow") that hangs on

- the trigger itself ("arrived in Pyongyang", "a visit to Moscow": a nominal event's modifiers);
- the trigger's object ("held talks in Pyongyang", "ambushed a patrol in Iraq's Anbar desert");
- failing those, the verb whose purpose or continuation the trigger is ("arrived in Pyongyang to meet
  Kim", "arrived in Pyongyang and met Kim": the meeting is in Pyongyang too), or the trigger's own
  purpose clause ("sent troops to assist operations near Kursk").

A visit's direct object is its place too ("Shoigu visits Pyongyang").

Inside that object the most specific toponym wins and a possessor gives way to what it owns: in
"Iraq's Anbar desert" the place is Anbar. "Kursk region" is the region, not the town.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Place
from ..vocabulary import words
from .gazetteer import ADMIN1, REGION, Gazetteer
from .toponyms import ResolvedToponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# the words of data/lexicon/places.toml [place_words] and [place_dependencies]
LOCATIVE_PREPS = words("place_words.locative_prepositions")
# "to" and "into" give the place only after movement: "a visit to Moscow", not "talked to Moscow".
MOVEMENT_LEMMAS = words("place_words.movement_lemmas")
VISIT_LEMMAS = words("place_words.visit_lemmas")
REGION_NOUNS = words("place_words.region_nouns")
# "the city of Kharkiv", "the outskirts of Donetsk", "the north of Syria"
PLACE_NOUNS = words("place_words.place_nouns")
_PHRASE_DEPS = words("place_dependencies.phrase")
_OBJECT_DEPS = words("place_dependencies.objects")
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj"})
_PRECISION_RANK = {"city": 0, "region": 1, "country": 2}


def event_place(doc: Doc, trigger: int, sentence_start: int, toponyms: Sequence[ResolvedToponym],
                gazetteer: Gazetteer) -> tuple[Place | None, str]:
    """The place of the event whose trigger is token ``trigger`` of ``doc``; ``(None, "")`` if none.

    ``toponyms``: resolved toponyms of the article (character offsets into the article text);
    ``sentence_start``: where this sentence begins in that text. Returns the place and how it was found.
    """
    if not 0 <= trigger < len(doc):
        return None, ""
    places = [t for t in toponyms if t.place is not None and not t.demonym]
    if not places:
        return None, ""
    token = doc[trigger]
    if token.lemma_.lower() in VISIT_LEMMAS:
        # "Shoigu visits Pyongyang": what a visit takes as object is where it happens
        found = _visit_object_place(token, sentence_start, places, gazetteer)
        if found is not None:
            return found, "visit-object"
    for anchor, how in _anchors(token):
        located = _prepositional_place(anchor, token, sentence_start, places, gazetteer)
        if located is not None:
            return located[0], f"{how}:{located[1]}"
    return None, ""


def _visit_object_place(visit: Token, sentence_start: int, places: Sequence[ResolvedToponym],
                        gazetteer: Gazetteer) -> Place | None:
    """The place a visit's direct object names."""
    for obj in visit.children:
        if obj.dep_ == "dobj":
            found = _place_in(obj, sentence_start, places, gazetteer)
            if found is not None:
                return found
    return None


def _prepositional_place(anchor: Token, trigger: Token, sentence_start: int, places: Sequence[ResolvedToponym],
                         gazetteer: Gazetteer) -> tuple[Place, str] | None:
    """The place in the object of a locative preposition on ``anchor``, with that preposition."""
    for prep in anchor.children:
        if prep.dep_ != "prep" or not _locative(prep, trigger):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            found = _place_in(obj, sentence_start, places, gazetteer)
            if found is not None:
                return found, prep.lower_
    return None


def _anchors(trigger: Token) -> list[tuple[Token, str]]:
    """Tokens whose prepositional modifiers may hold the event's place, nearest first."""
    anchors = [(trigger, "trigger")]
    anchors += [(c, "object") for c in trigger.children if c.dep_ in _OBJECT_DEPS]
    if trigger.dep_ in _CLIMB_DEPS and trigger.head.i != trigger.i:
        anchors.append((trigger.head, "governing-verb"))
    # "sent troops to assist operations near Kursk": the purpose names where the troops went
    for clause in trigger.children:
        if clause.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            anchors.append((clause, "purpose"))
            anchors += [(c, "purpose-object") for c in clause.children if c.dep_ in _OBJECT_DEPS]
    return anchors


def _locative(prep: Token, trigger: Token) -> bool:
    word = prep.lower_
    if word in ("to", "into", "towards", "toward"):
        return trigger.lemma_.lower() in MOVEMENT_LEMMAS or prep.head.lemma_.lower() in MOVEMENT_LEMMAS
    return word in LOCATIVE_PREPS


def _place_in(obj: Token, sentence_start: int, places: Sequence[ResolvedToponym], gazetteer: Gazetteer
              ) -> Place | None:
    """The toponym the prepositional object names: most specific first, possessors last."""
    found = _phrase_toponyms(_place_phrase(obj), sentence_start, places)
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[1]))
    top, token = found[0][2], found[0][3]
    assert top.place is not None
    head = token.head if token.dep_ == "compound" else None
    if head is not None and head.lower_ in REGION_NOUNS:
        return _as_region(top, head.lower_, gazetteer)
    return top.place


def _phrase_toponyms(tokens: list[Token], sentence_start: int, places: Sequence[ResolvedToponym]
                     ) -> list[tuple[int, int, ResolvedToponym, Token]]:
    """The toponyms that the phrase's tokens overlap, each once, with the token and its rank: (possessor,
    precision rank) — a possessor gives way to what it owns, a town goes before a region or a country."""
    found: list[tuple[int, int, ResolvedToponym, Token]] = []
    for t in tokens:
        start = sentence_start + t.idx
        end = start + len(t.text)
        for top in places:
            if top.start < end and start < top.end and all(f[2] is not top for f in found):
                possessor = t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children)
                assert top.place is not None
                found.append((int(possessor), _PRECISION_RANK.get(top.place.precision or "", 3), top, t))
    return found


def _place_phrase(obj: Token) -> list[Token]:
    """The tokens of the noun phrase a preposition governs: the noun, its compounds, possessors,
    modifiers and conjuncts ("near its Kursk border", "in Kursk and Belgorod") — and an "of" phrase only
    after a place noun ("in the city of Kharkiv"), so that "in the context of the treaty between Russia
    and …" names no place."""
    out = [obj]
    for child in obj.children:
        if child.dep_ in _PHRASE_DEPS:
            out += _place_phrase(child)
        elif child.dep_ == "prep" and child.lower_ == "of" and obj.lemma_.lower() in PLACE_NOUNS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += _place_phrase(pobj)
    return out


def _as_region(top: ResolvedToponym, noun: str, gazetteer: Gazetteer) -> Place:
    """"Kursk region": the first-level region of that name in the same country when the gazetteer has
    it, else the town's point standing for the region it gives its name to."""
    place = top.place
    assert place is not None
    for c in gazetteer.lookup(top.text):
        if c.kind in (ADMIN1, REGION) and c.iso3 == place.country:
            return Place(name=f"{top.text} {noun}", country=c.iso3, lat=round(c.lat, 5), lon=round(c.lon, 5),
                         geonameid=c.geonameid, precision="region")
    return Place(name=f"{top.text} {noun}", country=place.country, lat=place.lat, lon=place.lon,
                 geonameid=None, precision="region")
