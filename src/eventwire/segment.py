"""Split an article into sentences inside its blocks (rule-based: fast, no model).

A sentence never crosses a block boundary, so a headline, standfirst or caption line always ends a
sentence. Inside a block, a sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing
quotes or brackets) unless what precedes is an abbreviation, an initial or a number's label
(``Dec. 21``, ``No. 5``). Lower-cased corpora ("… on saturday. the police said …") are detected and
split on lower-case sentence starts too. Very long unpunctuated stretches are cut at ``;``, ``,`` or a
space so that no sentence passes :data:`MAX_SENTENCE_CHARS` (the parser's cost grows with length).
"""

from __future__ import annotations

import itertools
import re

from .clean import is_credit_line
from .models import Article, Section, Sentence

MAX_SENTENCE_CHARS = 1000
MIN_CUT_CHARS = 300  # when cutting a long sentence, do not leave a fragment shorter than this
LOOKAHEAD = 120  # characters read after a candidate boundary
WORD_WINDOW = 60  # how far back to look for the word before a period (longer is no abbreviation)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and name parts that precede a name: never end a sentence.
_TITLES = _words(
    "mr mrs ms mx dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig gov sen rep rev fr st "
    "hon pres supt insp const messrs mme mlle jr sr ste mt ft sgt lieut comdr dy addl asst amb msgr atty det"
)
# Words whose abbreviation usually precedes a number ("Dec. 21", "No. 5", "Rs. 500"): no break before
# a digit, an ordinary break otherwise ("in Dec. The …" is rare, "said no. The" is not).
_BEFORE_NUMBER = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig figs p pp art sec para ch ref "
    "tel ext approx ca c vs v cf rs op pt ed"
)
# Abbreviations that end company names or lists: a break only before a clear sentence starter.
_WEAK = _words("inc ltd co corp bros dept univ assn govt est etc al plc llc cos intl natl")
# Words that open sentences; used where a period is ambiguous (after "U.S.", "Inc.", or with no space).
# Titles are left out on purpose: "U.S. President …" goes on the same sentence.
_STARTERS = _words(
    "the a an this that these those he she it they we i you his her its their our there here but and "
    "so yet however meanwhile in on at for after before when while if as according earlier later "
    "also some many most one two three both neither no not what why how who"
)
_CANDIDATE = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’)\]]*")
_WORD_BEFORE = re.compile(r"(\S*)$")
_OPENERS = "\"'`“‘(["  # what may open a sentence before its first word
_NEXT_WORD = re.compile(r"[\"'`“‘(\[]*([A-Za-z]+)")
_TRAILING_PAREN = re.compile(r"\([^().!?]{1,80}\)\s*")
_LIST_MARKER = re.compile(r"\s*(?:\d{1,2}|[A-Za-z]|[ivxIVX]{2,4})")
_INNER_PERIODS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def segment(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences, in text order, each inside one block (``section`` from its block)."""
    text = article.text
    lower = _lower_cased(text, article)
    sentences: list[Sentence] = []
    for block in sorted(article.blocks, key=lambda b: b.start):
        for start, end in split_sentences(text, block.start, block.end, lower):
            # a credit line closing a paragraph of the body is boilerplate, never coded
            section = Section.BOILERPLATE if is_credit_line(text[start:end]) else block.section
            sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end], section=section))
    return tuple(sentences)


def _lower_cased(text: str, article: Article) -> bool:
    """Whether the article's body is lower-cased (some corpora are): then a lower-case word may start
    a sentence."""
    body = "".join(text[b.start : b.end] for b in article.blocks if b.section is Section.BODY) or text
    letters = [c for c in body[:20000] if c.isalpha()]
    if len(letters) < 200:
        return False
    return sum(c.isupper() for c in letters) / len(letters) < 0.01


def split_sentences(text: str, start: int, end: int, lower: bool = False) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (absolute offsets, stripped of surrounding whitespace)."""
    chunk = text[start:end]
    cuts = [0]
    for m in _CANDIDATE.finditer(chunk):
        if _LIST_MARKER.fullmatch(chunk, cuts[-1], m.start()):
            continue  # "1. The first point", "b. Second": a list marker opens a sentence, never is one
        cut = _boundary(chunk, m, lower)
        if cut is not None and cut > cuts[-1]:
            cuts.append(cut)
    cuts.append(len(chunk))
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        for s, e in _capped(chunk, a, b):
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((start + s, start + e))
    return spans


def _boundary(chunk: str, m: re.Match[str], lower: bool) -> int | None:
    """Where a sentence ends at candidate ``m`` (an offset in ``chunk``), or None if it does not."""
    after = m.end()
    if after >= len(chunk):
        return None
    punct = m.group(0).rstrip("\"'”’)]")
    closers = m.group(0)[len(punct) :]
    spaced = chunk[after].isspace()
    # only a short look ahead: slicing the whole remainder at every candidate would be quadratic
    rest = chunk[after:after + LOOKAHEAD].lstrip() or chunk[after:].lstrip()
    if not rest:
        return None
    nxt = rest[0]
    if len(chunk) - after <= LOOKAHEAD and _TRAILING_PAREN.fullmatch(rest):
        return None  # "… 2022. (AP)": a credit or note closing the block belongs to its last sentence
    word = _WORD_BEFORE.search(chunk, max(0, m.start() - WORD_WINDOW), m.start())  # bounded: linear time
    before = (word.group(1) if word else "").lstrip(_OPENERS)
    next_word_m = _NEXT_WORD.match(rest)
    next_word = next_word_m.group(1) if next_word_m else ""

    if not spaced:
        # "members.\"but the demand", "Washington.The": a missing space after the period. Break only
        # before a word that commonly opens a sentence (keeps "indiatimes.com" and "3.5" whole).
        if not punct.endswith((".", "!", "?")) or not before or not before[-1].isalpha():
            return None
        if next_word.lower() in _STARTERS and len(before) > 1 and before.lower() not in _TITLES:
            # an opening quote glued to the next sentence stays with it
            return m.start() + len(punct) if closers[-1:] in "\"'" and closers else after
        return None

    starts_upper = nxt.isupper() or nxt.isdigit() or (nxt in _OPENERS and next_word[:1].isupper())
    starts_lower = next_word[:1].islower() or nxt.islower()
    if punct[-1] in "!?" or punct.endswith(("..", "…")):
        if starts_upper or nxt in _OPENERS:
            return after
        # in a lower-cased corpus, `why?" he asked` keeps its quote attribution together
        return after if lower and starts_lower and punct[-1] in "!?" and not closers else None

    key = before.rstrip(".").lower()
    if key in _TITLES:
        return None
    if len(key) == 1 and key.isalpha():
        return None  # an initial: "J. R. Smith", "Plan B." is the rare exception
    if _INNER_PERIODS.fullmatch(before.rstrip(".")):
        if key in ("e.g", "i.e", "viz", "cf"):
            return None
        return after if next_word.lower() in _STARTERS and (lower or next_word[:1].isupper()) else None
    if key in _BEFORE_NUMBER and nxt.isdigit():
        return None
    if key in _WEAK:
        return after if next_word.lower() in _STARTERS and (lower or next_word[:1].isupper()) else None
    if starts_upper or nxt in _OPENERS:
        return after
    return after if lower and starts_lower else None


def _capped(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut ``chunk[a:b]`` into pieces of at most MAX_SENTENCE_CHARS, at ``;``, ``,`` or a space."""
    out: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE_CHARS:
        window = chunk[a : a + MAX_SENTENCE_CHARS]
        cut = -1
        for mark in ("; ", ", ", " "):
            pos = window.rfind(mark, MIN_CUT_CHARS if mark != " " else 1)
            if pos > 0:
                cut = pos + len(mark.rstrip())
                break
        if cut <= 0:
            cut = MAX_SENTENCE_CHARS
        out.append((a, a + cut))
        a += cut
    out.append((a, b))
    return out
