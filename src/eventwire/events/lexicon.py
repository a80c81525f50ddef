"""The trigger lexicon: which words may start an event, and which CAMEO code a phrase around them gets.

Loaded once from ``data/events/`` (our curated lexicon, the CAMEO verb tables) and from user verb
dictionaries in the CAMEO format (``Settings.verbs``). Matching is done against a *frame* that the
coder builds from the dependency parse: the words before the trigger and the words of its phrase
after it (objects, particles, prepositional phrases, the verb of a purpose clause).
"""

from __future__ import annotations

import csv
import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import ResourceError
from ..vocabulary import words
from .cameo_format import (
    BlockPattern,
    Slot,
    TriggerWord,
    read_pattern_tsv,
    read_verb_dictionary,
    read_word_tsv,
)

log = logging.getLogger(__name__)

# Priority of a source when two readings are equally specific: the user's own dictionary first.
PRIORITY_USER, PRIORITY_CURATED, PRIORITY_CAMEO = 3, 2, 1


@lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """A crude, symmetric singular form so that pattern ``SANCTIONS`` meets text ``sanction`` (remembered:
    every word of every trigger's frame is normalised)."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _verb_forms(lemma: str) -> set[str]:
    """Regular inflections (plus a doubled-consonant variant: both spellings are harmless)."""
    out = _noun_forms(lemma)  # the third person singular is spelt like the plural
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        out |= {lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def _noun_forms(lemma: str) -> set[str]:
    """The lemma and its regular plural."""
    out = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    return out


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO code's reading (``data/events/cameo_codes.tsv``)."""

    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    plover_type: str | None
    mode: str | None
    contexts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """The best matching entry for a trigger in its frame."""

    cameo: str | None
    specificity: int  # content-word slots matched
    priority: int
    function_slots: int  # slots of prepositions/particles only: weaker evidence than content words
    lemma: str
    kind: str
    pattern: str  # the pattern that fired, as text ("* in", "* treaty|pact")
    origin: str
    distance: int = 0  # where its first word after the trigger was found: nearer words describe the act


@dataclass(frozen=True, slots=True)
class _Entry:
    word: TriggerWord
    priority: int


# prepositions, particles and articles: a pattern slot of these is weaker evidence than a content word
FUNCTION_WORDS = words("events_lexicon.function_words")


def _weights(slots: tuple[Slot, ...]) -> tuple[int, int]:
    """(content slots, function-word slots)."""
    function = sum(1 for s in slots if all(len(a) == 1 and a[0] in FUNCTION_WORDS for a in s))
    return len(slots) - function, function


def _better(a: Reading, b: Reading | None) -> bool:
    # a pattern with more content words wins; then the more trusted source (user > curated > CAMEO);
    # then more prepositions/particles matched; then the pattern whose words are nearer the trigger
    # ("launched an investigation into the strike" is an investigation, not a strike)
    return b is None or (a.specificity, a.priority, a.function_slots, -a.distance) > (
        b.specificity, b.priority, b.function_slots, -b.distance)


def _slots_text(pre: tuple[Slot, ...], post: tuple[Slot, ...]) -> str:
    def one(slot: Slot) -> str:
        alts = ["_".join(a) for a in slot]
        return "|".join(alts[:4]) + ("|…" if len(alts) > 4 else "")

    return " ".join([*(one(s) for s in pre), "*", *(one(s) for s in post)])


def _match_slots(slots: tuple[Slot, ...], frame: Sequence[str]) -> bool:
    """Every slot matches, in order, somewhere in ``frame`` (normalised words; gaps allowed). An empty
    alternative matches at any position left. (Read for every trigger and every row of its lemma: kept lean.)"""
    if not slots:
        return True
    words = frame if isinstance(frame, tuple) else tuple(frame)
    pos, size = 0, len(words)
    for slot in slots:
        end = _slot_end(slot, words, pos, size)
        if end < 0:
            return False
        pos = end
    return True


def _slot_end(slot: Slot, words: tuple[str, ...], pos: int, size: int) -> int:
    """Where the first match of ``slot`` at or after ``pos`` ends (-1: none)."""
    for j in range(pos, size):
        w = words[j]
        for alt in slot:
            if not alt or (alt[0] == w and words[j:j + len(alt)] == alt):
                return j + len(alt)
    return -1


def _first_at(slots: tuple[Slot, ...], frame: Sequence[str]) -> int:
    """Where the first slot of ``slots`` first matches in ``frame`` (0 for no slots)."""
    if not slots:
        return 0
    for j in range(len(frame)):
        for alt in slots[0]:
            if tuple(frame[j:j + len(alt)]) == alt:
                return j
    return len(frame)


def _split_hyphens(alt: tuple[str, ...]) -> tuple[str, ...]:
    """"cease-fire" → ("cease", "-", "fire"): the tokenizer splits hyphenated words, so must patterns."""
    out: list[str] = []
    for w in alt:
        parts = w.split("-")
        if len(parts) > 1 and all(parts):
            for k, part in enumerate(parts):
                out.extend(["-", part] if k else [part])
        else:
            out.append(w)
    return tuple(out)


def _normalise_slots(slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
    return tuple(tuple(tuple(norm(w) for w in _split_hyphens(alt)) for alt in slot) for slot in slots)


class _PatternIndex:
    """The patterns of one block, indexed by a word their first slot needs.

    Common verbs have hundreds of CAMEO patterns and almost none can match a given frame; a pattern can
    only match where the first word of one alternative of its first slot occurs in the frame, so only
    those are tried. Candidates come back in table order: ties between readings go to the earlier row.
    """

    def __init__(self, patterns: list[tuple[BlockPattern, int]]) -> None:
        self.patterns = patterns
        self.always: list[int] = []
        self.pre: dict[str, list[int]] = {}
        self.post: dict[str, list[int]] = {}
        for n, (p, _) in enumerate(patterns):
            slots, table = (p.post, self.post) if p.post else (p.pre, self.pre)
            if not slots or any(not alt for alt in slots[0]):  # an empty alternative matches anywhere
                self.always.append(n)
                continue
            for first in {alt[0] for alt in slots[0] if alt}:
                table.setdefault(first, []).append(n)

    def candidates(self, pre: frozenset[str], post: frozenset[str]) -> list[tuple[BlockPattern, int]]:
        found = set(self.always)
        for frame_words, table in ((pre, self.pre), (post, self.post)):
            if len(frame_words) < len(table):
                for word in frame_words:
                    found.update(table.get(word, ()))
            else:
                for word, ns in table.items():
                    if word in frame_words:
                        found.update(ns)
        return [self.patterns[n] for n in sorted(found)]


class Lexicon:
    """Trigger words, their forms and patterns, and the CAMEO code table."""

    def __init__(self, entries: Iterable[_Entry], patterns: Iterable[tuple[BlockPattern, int]],
                 codes: dict[str, CameoCode]) -> None:
        self.codes = codes
        self._by_lemma: dict[tuple[str, str], list[_Entry]] = {}
        self._forms: dict[str, set[str]] = {}
        self._never: set[str] = set()
        self._patterns: dict[str, list[tuple[BlockPattern, int]]] = {}
        for p, prio in patterns:
            np = BlockPattern(p.block, _normalise_slots(p.pre), _normalise_slots(p.post), p.cameo, p.origin)
            self._patterns.setdefault(p.block, []).append((np, prio))
        self._index = {block: _PatternIndex(ps) for block, ps in self._patterns.items()}
        for e in entries:
            w = e.word
            if "never" in w.needs:
                self._never.add(w.lemma)
            nw = TriggerWord(w.kind, w.lemma, w.forms, w.block, _normalise_slots(w.pre), _normalise_slots(w.post),
                             w.cameo, w.origin, w.needs)
            self._by_lemma.setdefault((w.kind, w.lemma), []).append(_Entry(nw, e.priority))
            forms = (_verb_forms if w.kind == "verb" else _noun_forms)(w.lemma) | set(w.forms)
            for f in forms:
                self._forms.setdefault(f, set()).add(w.lemma)
        # every word form or lemma the lexicon knows: other tokens are skipped without a lookup
        self.known_words: frozenset[str] = frozenset(self._forms) | {lemma for _, lemma in self._by_lemma}
        # the cheap pre-parse filter: forms of words that can yield a typed event at all
        useful = {lemma for (_, lemma), es in self._by_lemma.items()
                  if lemma not in self._never and any(self._can_fire(e) for e in es)}
        self.trigger_forms: frozenset[str] = frozenset(
            f for f, lemmas in self._forms.items() if lemmas & useful and not lemmas & self._never)

    def _typed(self, cameo: str | None) -> bool:
        return cameo is not None and bool(cameo.split(":", 1)[0]) and self.code(cameo) is not None

    def _can_fire(self, e: _Entry) -> bool:
        if self._typed(e.word.cameo):
            return True
        return any(self._typed(p.cameo) for p, _ in self._patterns.get(e.word.block, ()))

    # ------------------------------------------------------------------ lookups
    def code(self, cameo: str) -> CameoCode | None:
        """The reading of ``cameo`` or of its nearest parent code; None when it has no PLOVER type."""
        cameo = cameo.split(":", 1)[0]
        for key in (cameo, cameo[:3], cameo[:2]):
            c = self.codes.get(key)
            if c is not None and c.plover_type:
                return c
        return None

    def lemmas(self, form: str, lemma: str, kind: str) -> list[str]:
        """Dictionary lemmas a token may stand for (its spaCy lemma and the forms table)."""
        out = []
        # a dictionary entry spelled like the token ("LEFT") wins over the token's lemma ("leave")
        for cand in (form.lower(), lemma.lower(), *sorted(self._forms.get(form.lower(), ()))):
            if (kind, cand) in self._by_lemma and cand not in out:
                out.append(cand)
        return out

    def is_never(self, lemma: str) -> bool:
        return lemma in self._never

    def needs(self, kind: str, lemma: str) -> tuple[str, ...]:
        for e in self._by_lemma.get((kind, lemma), ()):
            if e.word.needs and "never" not in e.word.needs:
                return e.word.needs
        return ()

    def read(self, kind: str, lemma: str, pre: Sequence[str], post: Sequence[str]) -> Reading | None:
        """The most specific reading of trigger ``lemma`` given the normalised frame words."""
        best: Reading | None = None
        entries = self._by_lemma.get((kind, lemma), ())
        # where our curated lexicon (or the user's dictionary) reads this word, a CAMEO pattern must
        # name at least two content words to override it: one-word CAMEO patterns are too loose
        # ("deploy * &MILITARY" → 062 cooperation)
        # (rows that only drop a CAMEO default, "*" → "-", do not count)
        matching = [e for e in entries if _match_slots(e.word.pre, pre) and _match_slots(e.word.post, post)]
        trusted = any(e.priority > PRIORITY_CAMEO and (e.word.cameo is not None or e.word.pre or e.word.post)
                      for e in matching)
        frame = (frozenset(pre), frozenset(post))
        for e in matching:
            for c in self._candidates(e, kind, lemma, pre, post, frame, trusted):
                if _better(c, best):
                    best = c
        return best

    def _candidates(self, e: _Entry, kind: str, lemma: str, pre: Sequence[str], post: Sequence[str],
                    frame: tuple[frozenset[str], frozenset[str]], trusted: bool) -> list[Reading]:
        """The readings one matching entry offers: its own, and each matching pattern of its block."""
        w = e.word
        content, function = _weights(w.pre + w.post)
        cands = [Reading(w.cameo, content, e.priority, function, lemma, kind, _slots_text(w.pre, w.post),
                         w.origin, _first_at(w.post, post))]
        statement = w.cameo is not None and w.cameo.startswith("01")
        index = self._index.get(w.block)
        for p, prio in (index.candidates(*frame) if index is not None else ()):
            if not (_match_slots(p.pre, pre) and _match_slots(p.post, post)):
                continue
            c2, f2 = _weights(w.pre + w.post + p.pre + p.post)
            if prio == PRIORITY_CAMEO and c2 < 2 and (statement or trusted):
                # a statement verb ("underscore", "stress") with one content word is still a
                # statement: CAMEO's one-word patterns on these verbs guess at the content
                continue
            cands.append(Reading(p.cameo, c2, prio, f2, lemma, kind, _slots_text(w.pre + p.pre, w.post + p.post),
                                 p.origin, _first_at(w.post + p.post, post)))
        return cands


# ---------------------------------------------------------------------- loading

def _data_dir():  # type: ignore[no-untyped-def]
    return files("eventwire") / "data" / "events"


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:  # "NA", "NULL", "" in the source table
        return None


def read_codes(path: Path | None = None) -> dict[str, CameoCode]:
    res = path if path is not None else _data_dir() / "cameo_codes.tsv"
    try:
        text = res.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read the CAMEO code table: {exc}; reinstall eventwire or run "
                            "scripts/build_event_data.py", code="E430") from exc
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    out: dict[str, CameoCode] = {}
    for r in csv.DictReader(lines, delimiter="\t"):
        gs = r["goldstein"].strip()
        q = r["quad_class"].strip()
        out[r["cameo"]] = CameoCode(
            code=r["cameo"], name=r["name"],
            goldstein=_float(gs),
            quad_class=int(q) if q.isdigit() else None,
            plover_type=r["plover_type"] or None, mode=r["mode"] or None,
            contexts=tuple(c for c in r["contexts"].split(";") if c))
    return out


def load_lexicon(user_verbs: Sequence[str | Path] = (), replace: bool = False) -> Lexicon:
    """Our lexicon (curated + CAMEO tables), plus or replaced by user CAMEO-format verb files."""
    entries: list[_Entry] = []
    patterns: list[tuple[BlockPattern, int]] = []
    for path in user_verbs:
        d = read_verb_dictionary(path)
        entries += [_Entry(w, PRIORITY_USER) for w in d.words]
        patterns += [(p, PRIORITY_USER) for p in d.patterns]
    if not (replace and user_verbs):
        data = _data_dir()
        try:
            entries += [_Entry(w, PRIORITY_CURATED) for w in read_word_tsv(Path(str(data / "curated.tsv")))]
            entries += [_Entry(w, PRIORITY_CAMEO) for w in read_word_tsv(Path(str(data / "cameo_words.tsv")))]
            patterns += [(p, PRIORITY_CAMEO) for p in read_pattern_tsv(Path(str(data / "cameo_patterns.tsv")))]
        except ResourceError as exc:
            raise ResourceError(f"{exc.message}; reinstall eventwire or run scripts/build_event_data.py",
                                path=exc.path, code=exc.code) from exc
        entries += nominalised(entries, read_nominalisations(Path(str(data / NOMINALISATIONS))))
    log.debug("trigger lexicon: %d words, %d patterns", len(entries), len(patterns))
    return Lexicon(entries, patterns, read_codes())


NOMINALISATIONS = "nominalisations.tsv"


def read_nominalisations(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """The (noun, verb, needs) rows of ``nominalisations.tsv``."""
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"cannot read the event nouns: {exc}", path=str(path), code="E441") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith(("#", "noun\t")):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0] or not cols[1]:
            raise ResourceError(f"line {n}: expected noun, verb, needs, why", path=str(path), code="E441")
        rows.append((cols[0].strip(), cols[1].strip(), tuple(p for p in cols[2].split("|") if p)))
    return rows


def nominalised(entries: Sequence[_Entry], rows: Iterable[tuple[str, str, tuple[str, ...]]]) -> list[_Entry]:
    """Noun entries that read each listed noun as its verb (every reading of the verb, its patterns included),
    needing one of the row's prepositions; none for a noun the lexicon already has."""
    nouns = {e.word.lemma for e in entries if e.word.kind == "noun"}
    by_verb: dict[str, list[_Entry]] = {}
    for e in entries:
        if e.word.kind == "verb" and "never" not in e.word.needs:
            by_verb.setdefault(e.word.lemma, []).append(e)
    out: list[_Entry] = []
    for noun, verb, needs in rows:
        if noun in nouns:
            continue
        for e in by_verb.get(verb, ()):
            w = dataclasses.replace(e.word, kind="noun", lemma=noun, forms=(), needs=needs,
                                    origin=f"{e.word.origin} (noun '{noun}' of '{verb}')")
            out.append(_Entry(w, e.priority))
    return out
