"""Find and normalise temporal expressions: :func:`tag` for plain text, :func:`tag_sentence` for the stage.

Every rule of :mod:`.rules` proposes matches; overlaps are settled longest-first (so "June 4, 2025"
beats "June 4" and "2025"); the survivors are normalised in text order, sharing one :class:`Context`
per document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..models import TimeExpression
from ..vocabulary import words
from .calendar import bounds
from .lowercase import lower_regions
from .normalise import Context, Found
from .rules import LOWER_RULES, RULES, Rule
from .tense import Tense, text_tense

# rules whose value never depends on the DCT
_ABSOLUTE_RULES = words("time_rules.absolute")
_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


_OPEN_QUOTE = re.compile(r"(?:\"|``|“|‘‘|'')$")
_CLOSE_QUOTE = re.compile(r"(?:[,.]?(?:\"|''|”|’’)|\s+With\b)")


def _is_title(m: re.Match[str], text: str) -> bool:
    """A quoted, capitalised name ("This Week", "60 Minutes") is a programme or book, not a time."""
    s, e = m.start(), m.end()
    if not _OPEN_QUOTE.search(text, max(0, s - 2), s) or not _CLOSE_QUOTE.match(text, e):
        return False
    words = text[s:e].split()
    return len(words) > 1 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _scan(rules: tuple[Rule, ...], first: int, text: str, span: tuple[int, int],
          cands: list[tuple[int, int, int, re.Match[str]]]) -> None:
    """Add the matches of ``rules`` inside ``span`` of ``text`` to ``cands`` (rule order from ``first``)."""
    lo, hi = span
    low = text[lo:hi].lower()
    digit = _DIGIT.search(text, lo, hi) is not None
    for order, rule in enumerate(rules, start=first):
        if rule.keys and not any((digit if k == "#" else k in low) for k in rule.keys):
            continue
        for m in rule.pattern.finditer(text, lo, hi):
            if m.end() <= m.start():
                continue
            if rule.accept is not None and not rule.accept(m, text):
                continue
            if _is_title(m, text):
                continue
            cands.append((m.start(), m.end(), order, m))


def find(text: str, ctx: Context, *, lower: bool | None = None) -> list[tuple[int, int, str, Found]]:
    """``(start, end, rule name, found)`` for every expression in ``text``, in text order.

    ``lower``: whether the text is lower-cased, so that "march 3" and "saturday" are names too; ``None``
    decides it sentence by sentence (:func:`.lowercase.lower_regions`). The cased rules always run and
    win a tie, so cased text reads exactly as before.
    """
    cands: list[tuple[int, int, int, re.Match[str]]] = []
    _scan(RULES, 0, text, (0, len(text)), cands)
    regions = [(0, len(text))] if lower else [] if lower is False else lower_regions(text)
    for region in regions:
        _scan(LOWER_RULES, len(RULES), text, region, cands)
    if not cands:
        return []
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    for cand in cands:
        s, e = cand[0], cand[1]
        if all(e <= cs or s >= ce for cs, ce, _, _ in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    out: list[tuple[int, int, str, Found]] = []
    for s, e, order, m in chosen:
        rule = RULES[order] if order < len(RULES) else LOWER_RULES[order - len(RULES)]
        found = rule.normalise(m, ctx)
        if found is not None:
            out.append((s, e, rule.name, found))
            ctx.remember(found)
    return out


def _expression(text: str, s: int, e: int, rule: str, found: Found, *, sentence: int, offset: int,
                dct: date | None, anchor_name: str) -> TimeExpression:
    value = found.value
    if found.type in ("DATE", "TIME"):
        precision, earliest, latest = bounds(value, dct)
    else:
        precision, earliest, latest = bounds(None)
    surface = text[s:e]
    relative = found.type in ("DATE", "TIME") and rule not in _ABSOLUTE_RULES and not _HAS_YEAR.search(surface)
    return TimeExpression(
        sentence=sentence, start=offset + s, end=offset + e, text=surface, type=found.type, value=value,
        precision=precision, earliest=earliest, latest=latest,
        anchor=anchor_name if relative and value is not None and dct is not None else None,
    )


def tag(text: str, dct: date | None) -> list[TimeExpression]:
    """Temporal expressions of ``text`` normalised against ``dct`` (offsets into ``text``; ``sentence=0``).

    Relative expressions keep ``value=None`` when there is no ``dct``; absolute ones still normalise.
    Tense is read from cue words (no parse): this is the entry point of the TimeML evaluation.
    """
    ctx = Context(dct=dct, tense=lambda s, e: text_tense(text, s, e))
    return [_expression(text, s, e, rule, found, sentence=0, offset=0, dct=dct, anchor_name="publication")
            for s, e, rule, found in find(text, ctx)]


def tag_sentence(text: str, ctx: Context, tense: Callable[[int, int], Tense], *, sentence: int, offset: int,
                 anchor_name: str = "publication", lower: bool | None = None,
                 tense_from_parse: bool = False) -> list[TimeExpression]:
    """One sentence, sharing the document's ``ctx``; offsets shifted by ``offset`` into the article.

    ``lower=True`` when the whole article is lower-cased; ``None`` decides from the sentence itself.
    ``tense_from_parse``: ``tense`` reads the dependency parse, so a year-less date follows it even
    near the publication date.
    """
    ctx.tense = tense
    ctx.tense_from_parse = tense_from_parse
    return [_expression(text, s, e, rule, found, sentence=sentence, offset=offset, dct=ctx.dct,
                        anchor_name=anchor_name)
            for s, e, rule, found in find(text, ctx, lower=lower)]
