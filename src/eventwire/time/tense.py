"""Which way a temporal expression points: past or future, from the verb that governs it.

Weekdays and year-less dates need it ("on Tuesday" is last Tuesday in "arrived on Tuesday" and next
Tuesday in "will arrive on Tuesday"). With a dependency parse we read the governing verb's tag and
auxiliaries; without one (unparsed sentences, the TimeML evaluation) the nearest tense cue word in the
sentence decides.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = str | None

_CUES = re.compile(
    r"(?P<fut>\b(?:will|shall|wo|must|should|going\s+to|scheduled|slated|expected|expects?|plans?|planned|planning|set\s+(?:to|for)|"
    r"due\s+to|upcoming|intends?|intended|aims?\s+to|effective|tomorrow|to\s+be\s+held|is\s+to|are\s+to|until|as\s+soon\s+as|"
    r"deadline)\b|'ll\b)"
    r"|(?P<past>\b(?:was|were|had|did|said|told|met|began|came|went|took|made|left|held|won|lost|fell|rose|"
    r"gave|got|saw|sent|spoke|led|became|struck|paid|sold|bought|brought|thought|found|ran|wrote|hit|shot|"
    r"ago|yesterday|last|earlier|previously|announced|since|\w{3,}ed)\b)",
    re.IGNORECASE,
)
_AFTER_MODAL = re.compile(r"\b(?:will|shall|would|'ll)\s+(?:not\s+)?(?:be|have\s+been|have)\s+$", re.IGNORECASE)
_AFTER_PLUPERFECT = re.compile(r"\bhad\s+(?:not\s+)?(?:been\s+)?$", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n")

_FUTURE_HEADS = words("time_tense.future_head_lemmas")
_FUTURE_AUX = words("time_tense.future_auxiliaries")
_PRESENT_PASSIVE_AUX = words("time_tense.present_passive_auxiliaries")


def text_tense(text: str, start: int, end: int, window: int = 160) -> Tense:
    """Tense at ``text[start:end]`` from the nearest cue word within its sentence (no parse needed)."""
    lo, hi = _sentence_window(text, start, end, window)
    tense = _nearest_cue(text, start, end, lo, hi)
    if _DEADLINE_BEFORE.search(text, max(lo, start - 4), start) \
            and not _PLUPERFECT.search(text, max(lo, start - 40), start):
        return "future"  # "repay the loan by February": a deadline lies ahead (unless told in the pluperfect)
    return tense


def _sentence_window(text: str, start: int, end: int, window: int) -> tuple[int, int]:
    """The stretch of ``text`` around ``start:end`` (``window`` characters either way) within its sentence."""
    lo = max(0, start - window)
    hi = min(len(text), end + window)
    cut = None
    for cut in _SENTENCE_END.finditer(text[lo:start]):
        pass
    if cut is not None:
        lo += cut.end()
    right = _SENTENCE_END.search(text, end, hi)
    if right is not None:
        hi = right.start() + 1
    return lo, hi


def _nearest_cue(text: str, start: int, end: int, lo: int, hi: int) -> Tense:
    """The tense of the cue word in ``text[lo:hi]`` nearest to the expression at ``start:end``."""
    best: tuple[int, str] | None = None
    for m in _CUES.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue  # the expression's own words ("next", "last") are read by its rule
        # a cue after the expression counts for less: the verb governing a date mostly precedes it
        dist = start - m.end() if m.end() <= start else 2 * (m.start() - end)
        kind = _cue_kind(m, text, lo)
        if best is None or dist < best[0] or (dist == best[0] and kind == "future"):
            best = (dist, kind)
    return best[1] if best else None


def _cue_kind(m: re.Match[str], text: str, lo: int) -> str:
    """"future" or "past" for a cue word, read together with the auxiliaries just before it."""
    kind = "future" if m.group("fut") else "past"
    if kind == "past" and _AFTER_MODAL.search(text, max(lo, m.start() - 24), m.start()):
        return "future"  # "will be named", "would be held": a participle under a modal
    if kind == "future" and _AFTER_PLUPERFECT.search(text, max(lo, m.start() - 16), m.start()):
        return "past"  # "had expected to", "had been due to": a plan already behind the narrative
    return kind


def token_tense(verb: Token) -> Tense:
    """Tense of a verb from its tag and auxiliaries; ``None`` for the present and the undecidable."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            tense = _auxiliary_tense(child, verb)
            if tense is not None:
                return tense
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        return _participle_tense(verb)
    if verb.tag_ == "VB":
        return _infinitive_tense(verb)
    return None


def _auxiliary_tense(aux: Token, verb: Token) -> Tense:
    """The tense one auxiliary gives its verb; ``None`` when it says nothing."""
    low = aux.lower_
    if low in _FUTURE_AUX:
        return "future"
    if aux.tag_ == "VBD" or low in ("had", "did", "was", "were"):
        return "past"
    if low in ("has", "have") and verb.tag_ == "VBN":
        return "past"
    if low in ("is", "are", "am") and verb.tag_ == "VBG":
        return "future"  # "is meeting on Tuesday": the progressive of arrangements
    return None


def _participle_tense(verb: Token) -> Tense:
    """A past participle (tag VBN) with no auxiliary of the past or the future."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PRESENT_PASSIVE_AUX for c in verb.children):
        return None  # a present passive ("is set for", "are scheduled"): the cue words decide
    return "past" if verb.dep_ not in ("xcomp", "ccomp") else None


def _infinitive_tense(verb: Token) -> Tense:
    """A bare verb (tag VB): the future under a verb of planning, else the tense of the verb it completes."""
    head = verb.head
    if head is not verb and head.lemma_.lower() in _FUTURE_HEADS:
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in head.children):
            return "past"  # "had planned to sign on Friday": a plan already behind the narrative
        return "future"
    return token_tense(head) if head is not verb and verb.dep_ in ("xcomp", "conj") else None


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause holds the characters ``start:end`` of ``doc`` (climbing the parse)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def doc_tense(doc: Doc, start: int, end: int, *, timetable: bool = True) -> Tense:
    """Tense at ``start:end`` of a parsed ``doc``: the governing verb first, the cue words as fallback.

    ``timetable``: read a simple present as the future ("the talks resume in September"), as body
    text means it; headlines and captions use the present for the past and pass ``False``.
    """
    verb = governing_verb(doc, start, end)
    if verb is not None:
        tense = token_tense(verb)
        if tense is not None:
            return tense
        if timetable and verb.tag_ in ("VBZ", "VBP") and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children):
            if verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX") and token_tense(verb.head) == "past":
                return "past"  # "chanted as they march in Khartoum Thursday": the main clause's time frame
            return "future"  # a simple present with a date is a timetable: "the talks resume in September"
    return text_tense(doc.text, start, end)
