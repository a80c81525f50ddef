"""The ConfliBERT CAMEO actor-span data (``../shared/eval/conflibert-cameo-train/cameo_ner_train.txt``):
CoNLL ``token TAG`` lines, ``B/I-S`` the source actor, ``B/I-T`` the target, ``B/I-R`` a reciprocal party; a
blank line between sentences. Read back into sentence texts with character spans, for the argument benchmark
(``benchmarks/conflibert_arguments.py``) and the argument filler's training (``scripts/train_argument_filler.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# tokens written without a space before them, and tokens after which no space follows
NO_SPACE_BEFORE = frozenset({",", ".", ")", "%", ":", ";", "'s", "’", "-", "´", "?", "!"})
NO_SPACE_AFTER = frozenset({"(", "$", "€", "-", "“", "´"})


@dataclass
class GoldSentence:
    """A sentence's text and its actor spans: (S|T|R, char start, char end)."""

    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (S|T|R, char start, char end)


def _glued(prev: str, tok: str) -> bool:
    """The source tokeniser split words at apostrophes, hyphens and accented letters: glue them back."""
    if tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
        return True
    if prev == "’" and tok == "s":
        return True
    return (len(tok) == 1 and not tok.isascii() and tok.isalpha()) or (
        len(prev) == 1 and not prev.isascii() and prev.isalpha())


def _build(rows: list[tuple[str, str]]) -> GoldSentence:
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for k, (tok, _) in enumerate(rows):
        if k and not _glued(rows[k - 1][0], tok):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    sent = GoldSentence("".join(parts))
    for k, (_, tag) in enumerate(rows):
        if tag.startswith("B-") or (tag.startswith("I-") and (k == 0 or rows[k - 1][1][2:] != tag[2:])):
            sent.spans.append((tag[2:], offsets[k][0], offsets[k][1]))
        elif tag.startswith("I-"):
            label, start, _ = sent.spans[-1]
            sent.spans[-1] = (label, start, offsets[k][1])
    return sent


def read_conll(path: Path) -> list[GoldSentence]:
    out: list[GoldSentence] = []
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split()
        if len(cols) >= 2:
            rows.append((cols[0], cols[-1]))
        elif rows:
            out.append(_build(rows))
            rows = []
    return out


