"""Reader for verb dictionaries in the CAMEO/PETRARCH text format (``CAMEO.2.0.txt``, ``*.verbs.txt``).

We read the format as *data* and turn it into our own :class:`TriggerPattern` records; we do not
reproduce PETRARCH's matcher. The parts of the format we use:

* synsets: a line ``&NAME`` followed by ``+WORD`` lines (``_`` joins the words of a phrase);
* verb blocks: a header ``--- NAME [CODE] ---``, member verbs ``VERB {IRREGULAR FORMS} [CODE]``
  (a member without its own code takes the block's; ``---`` means "no event by itself"), multi-word
  verbs ``+ASK_FOR`` / ``KLM_+RST`` where ``+`` marks the verb word;
* patterns ``- PRE * POST [CODE] # comment``: ``*`` is the verb, words before it must occur before the
  verb, words after it in the verb's phrase; ``{…}`` and ``(…)`` group words, ``&NAME`` is a synset,
  ``$ + ^ %`` are PETRARCH's source/target/skip markers, which we drop (our arguments come from the
  dependency parse). ``[042:043]`` codes source and target sides: we keep the source-side code.

Comments (``#`` to end of line, ``<!-- … -->`` blocks) are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResourceError

Slot = tuple[tuple[str, ...], ...]  # alternatives; each alternative is a phrase (tuple of words)

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_HEADER_RE = re.compile(r"^-{2,}\s+(\S+)\s+\[([^\]]*)\]\s*-{2,}")
_MARKERS = set("$+^%|")


@dataclass(frozen=True, slots=True)
class TriggerWord:
    """A trigger word (a verb, or a noun in our curated lexicon) and the block of patterns it uses.

    ``forms`` lists irregular inflections (regular ones are generated). ``pre``/``post`` are the word
    slots of a multi-word trigger (``ask for``: post ``for``); ``cameo`` is the word's default code
    (``None``: no event unless one of its block's patterns matches).
    """

    kind: str  # "verb" | "noun"
    lemma: str
    forms: tuple[str, ...]
    block: str
    pre: tuple[Slot, ...]
    post: tuple[Slot, ...]
    cameo: str | None
    origin: str
    needs: tuple[str, ...] = ()  # nouns: prepositions one of which must be present to fire alone


@dataclass(frozen=True, slots=True)
class BlockPattern:
    """A pattern of a block: words that must occur before (``pre``) / after (``post``) the trigger."""

    block: str
    pre: tuple[Slot, ...]
    post: tuple[Slot, ...]
    cameo: str | None  # None: the pattern explicitly codes no event
    origin: str

    @property
    def specificity(self) -> int:
        return len(self.pre) + len(self.post)


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    words: tuple[TriggerWord, ...]
    patterns: tuple[BlockPattern, ...]
    synsets: dict[str, tuple[tuple[str, ...], ...]]


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _code(text: str) -> str | None:
    """``042`` → ``042``; ``042:043`` → ``042:043`` (source side : target side, kept as the pair);
    ``:173`` → ``173``; ``---`` or empty → None."""
    parts = [p.strip() for p in text.split(":")]
    codes = [p for p in parts if p and not p.startswith("-")]
    if not codes:
        return None
    if len(parts) == 2 and all(p and not p.startswith("-") for p in parts):
        return f"{parts[0]}:{parts[1]}"
    return codes[0]


def split_code(cameo: str) -> tuple[str, str | None]:
    """``042:043`` → (``042``, ``043``): the source's code and the code of the reverse relation."""
    if ":" in cameo:
        a, b = cameo.split(":", 1)
        return a, (b or None)
    return cameo, None


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in phrase.lower().replace("_", " ").split() if w)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines with ``<!-- -->`` blocks removed."""
    in_comment = False
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ResourceError(f"cannot read verb dictionary: {exc.strerror}", path=str(path), code="E431") from exc
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" not in after:
                in_comment = True
            line = before
        yield n, line


def read_synsets(path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``&NAME`` → its member phrases (nested synsets are expanded)."""
    raw: dict[str, list[str]] = {}
    current: str | None = None
    for _, line in _lines(path):
        line = _strip_comment(line).strip()
        if not line:
            current = None
            continue
        if line.startswith("&"):
            current = line.split()[0].upper().rstrip("_")  # "&PREPOSIT1_" is referenced as "&PREPOSIT1"
            raw.setdefault(current, [])
        elif line.startswith("+") and current is not None:
            raw[current].append(line[1:].strip())
        elif line.startswith("---"):
            current = None
    resolved: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, seen: frozenset[str]) -> tuple[tuple[str, ...], ...]:
        if name in resolved:
            return resolved[name]
        out: list[tuple[str, ...]] = []
        for member in raw.get(name, ()):
            ref = member.upper().rstrip("_")
            if member.startswith("&") and ref not in seen:
                out.extend(expand(ref, seen | {ref}))
            else:
                w = _words(member.replace("&", ""))
                if w:
                    out.append(w)
        resolved[name] = tuple(out)
        return resolved[name]

    for name in raw:
        expand(name, frozenset({name}))
    return resolved


def _normalise(segment: str) -> list[str]:
    """Pattern text on one side of ``*`` → our slot tokens (``word``, ``a_b`` phrase, ``&name``)."""
    seg = segment.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ").replace("_", " ")
    out: list[str] = []
    for tok in seg.split():
        if tok in ("%", "@obj"):  # compound-actor marker (PETRARCH) / has-an-object marker (ours)
            out.append("%")
            continue
        if all(c in _MARKERS for c in tok):
            continue
        tok = tok.strip("$+^%")
        if tok:
            out.append(tok.lower())
    return out


def expand_slots(tokens: Iterable[str], synsets: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[Slot, ...]:
    """Slot tokens → slots: ``&name`` expands to the synset's phrases, ``a|b_c`` to alternatives."""
    slots: list[Slot] = []
    for tok in tokens:
        if tok.startswith("&"):
            members = synsets.get(tok.upper().rstrip("_"))
            slots.append(members if members else ((tok,),))
        else:
            slots.append(tuple(tuple(alt.split("_")) for alt in tok.split("|") if alt))
    return tuple(slots)


def _verb_entry(text: str) -> tuple[str, list[str], list[str], tuple[str, ...]]:
    """``+ASK_FOR {+ASKED_FOR …}`` → (lemma, pre tokens, post tokens, irregular forms)."""
    forms: tuple[str, ...] = ()
    m = re.search(r"\{([^}]*)\}", text)
    if m:
        for f in m.group(1).split():
            parts = f.split("_")
            marked = [p for p in parts if p.startswith("+")]
            word = (marked[0] if marked else parts[0]).lstrip("+")
            if word:
                forms += (word.lower(),)
        text = text[: m.start()] + text[m.end():]
    parts = [p for p in text.strip().split("_") if p]
    idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    lemma = parts[idx].lstrip("+").lower() if parts else ""
    pre = [p.lstrip("+").lower() for p in parts[:idx]]
    post = [p.lstrip("+").lower() for p in parts[idx + 1:]]
    return lemma, pre, post, forms


def read_verb_dictionary(path: str | Path, label: str | None = None) -> VerbDictionary:
    """A CAMEO-format verb dictionary as our records: words (with their block), block patterns, synsets.

    Patterns of a block apply to every verb of the block (as the format intends). Raises
    :class:`ResourceError` (E431) when the file cannot be read, E432 when it holds no verb block.
    """
    path = Path(path)
    name = label or path.name
    synsets = read_synsets(path)
    words: list[TriggerWord] = []
    patterns: list[BlockPattern] = []
    block_code: str | None = None
    block = ""
    in_synset = False
    for n, line in _lines(path):
        stripped = line.strip()
        header = _HEADER_RE.match(stripped)
        if not stripped or header:
            in_synset = False
            if header:
                block, block_code = f"{name}:{header.group(1).upper()}", _code(header.group(2))
            continue
        if stripped.startswith("&"):
            in_synset = True
        if stripped.startswith(("#", "&")) or in_synset or not block:
            continue
        body = _strip_comment(stripped)
        if body.startswith("-"):
            patterns += _pattern_line(body, block, synsets, f"{path.name}:{n}")
        elif body:
            words += _verb_line(body, block, block_code, synsets, f"{path.name}:{n}")
    if not block:
        raise ResourceError("no verb block ('--- NAME [CODE] ---') found: is this a CAMEO verbs file?",
                            path=str(path), code="E432")
    return VerbDictionary(tuple(words), tuple(patterns), synsets)


def _pattern_line(body: str, block: str, synsets: dict[str, tuple[tuple[str, ...], ...]],
                  where: str) -> list[BlockPattern]:
    """A pattern line ``- PRE * POST [CODE]`` of a block (none without a ``*`` or a code)."""
    codes = _CODE_RE.findall(body)
    pattern = _CODE_RE.sub(" ", body).strip()[1:].strip()
    if "*" not in pattern or not codes:
        return []
    pre_text, post_text = pattern.split("*", 1)
    pre, post = _normalise(pre_text), _normalise(post_text)
    shown = " ".join(pattern.split())
    return [BlockPattern(block, expand_slots(pre, synsets), expand_slots(post, synsets), _code(codes[-1]),
                         f"{where} pattern '{shown}'")]


def _verb_line(body: str, block: str, block_code: str | None, synsets: dict[str, tuple[tuple[str, ...], ...]],
               where: str) -> list[TriggerWord]:
    """A member verb line ``VERB {FORMS} [CODE]`` of a block (a member without a code takes the block's)."""
    codes = _CODE_RE.findall(body)
    lemma, vpre, vpost, forms = _verb_entry(_CODE_RE.sub(" ", body).strip())
    if not lemma or not re.match(r"^[a-z][a-z'\-]*$", lemma):
        return []
    cameo = _code(codes[-1]) if codes else block_code
    return [TriggerWord("verb", lemma, forms, block, expand_slots(vpre, synsets), expand_slots(vpost, synsets), cameo,
                        f"{where} verb {'_'.join([*vpre, lemma, *vpost]).upper()}")]


# --------------------------------------------------------------------------- our TSV format
#
# One file per table, tab-separated, a header line, ``#`` comment lines. Slots in a pattern are
# separated by spaces; ``*`` stands for the trigger; ``a|b`` are alternatives; ``a_b`` is a phrase.

WORD_COLUMNS = ("kind", "lemma", "forms", "block", "pattern", "cameo", "needs", "origin")
PATTERN_COLUMNS = ("block", "pattern", "cameo", "origin")


def slot_text(slot: Slot) -> str:
    return "|".join("_".join(alt) for alt in slot)


def pattern_text(pre: tuple[Slot, ...], post: tuple[Slot, ...]) -> str:
    return " ".join([*(slot_text(s) for s in pre), "*", *(slot_text(s) for s in post)])


def parse_pattern(text: str) -> tuple[tuple[Slot, ...], tuple[Slot, ...]]:
    if "*" not in text.split():
        raise ValueError(f"pattern without a '*' slot: {text!r}")
    pre_text, post_text = text.split("*", 1)
    return expand_slots(pre_text.split(), {}), expand_slots(post_text.split(), {})


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read trigger data: {exc.strerror}", path=str(path), code="E431") from exc
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(("#", columns[0] + "\t")):
            continue
        cols = line.split("\t")
        if len(cols) != len(columns):
            raise ResourceError(f"line {n}: expected {len(columns)} tab-separated columns "
                                f"({', '.join(columns)}), found {len(cols)}", path=str(path), code="E433")
        yield n, cols


def _checked(path: Path, n: int, text: str) -> tuple[tuple[Slot, ...], tuple[Slot, ...]]:
    try:
        return parse_pattern(text)
    except ValueError as exc:
        raise ResourceError(f"line {n}: {exc}", path=str(path), code="E433") from exc


def read_word_tsv(path: Path) -> list[TriggerWord]:
    out = []
    for n, (kind, lemma, forms, block, pattern, cameo, needs, origin) in _rows(path, WORD_COLUMNS):
        if kind not in ("verb", "noun"):
            raise ResourceError(f"line {n}: kind must be 'verb' or 'noun', not {kind!r}", path=str(path),
                                code="E433")
        pre, post = _checked(path, n, pattern)
        out.append(TriggerWord(kind, lemma.lower(), tuple(forms.lower().split()), block, pre, post,
                               None if cameo in ("-", "") else cameo, origin or f"{path.name}:{n}",
                               tuple(x for x in needs.split("|") if x)))
    return out


def read_pattern_tsv(path: Path) -> list[BlockPattern]:
    out = []
    for n, (block, pattern, cameo, origin) in _rows(path, PATTERN_COLUMNS):
        pre, post = _checked(path, n, pattern)
        out.append(BlockPattern(block, pre, post, None if cameo in ("-", "") else cameo,
                                origin or f"{path.name}:{n}"))
    return out


def write_word_tsv(words: Iterable[TriggerWord], header_comment: str) -> str:
    lines = [f"# {c}" for c in header_comment.splitlines()]
    lines.append("\t".join(WORD_COLUMNS))
    for w in words:
        lines.append("\t".join([w.kind, w.lemma, " ".join(w.forms), w.block, pattern_text(w.pre, w.post),
                                w.cameo or "-", "|".join(w.needs), w.origin]))
    return "\n".join(lines) + "\n"


def write_pattern_tsv(patterns: Iterable[BlockPattern], header_comment: str) -> str:
    lines = [f"# {c}" for c in header_comment.splitlines()]
    lines.append("\t".join(PATTERN_COLUMNS))
    for p in patterns:
        lines.append("\t".join([p.block, pattern_text(p.pre, p.post), p.cameo or "-", p.origin]))
    return "\n".join(lines) + "\n"
