"""Is this text English prose? A small script-based reader, no model (none may be downloaded at run time).

Three questions, in order, each answered from character and word counts only:

1. Is it text at all? Control characters (other than tab and line breaks), unassigned or private-use code
   points and U+FFFD replacement characters are what random or binary bytes decode to; prose holds next to none.
2. Is it mostly letters? A file of numbers, symbols or markup left over is not an article.
3. Which script and, for the Latin script, is it English? Letters are counted per Unicode script (Latin,
   Cyrillic, Arabic, Hangul, Han, Kana …); a text whose letters are mostly in another script than Latin is
   not English. A Latin text long enough to tell is English when a good share of its words are English
   function words ("the", "of", "and", "said" …): they make up 30–50% of English news and a few per cent of
   French, Spanish or German.

eventwire codes English news: an article in another language is rejected with the language or script
named (never stored silently with no event), and the language of every article read is recorded in its
metadata (``language``: ``en``; ``und`` where a text is too short to tell).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

SAMPLE_CHARS = 100_000  # enough to tell; the rest of a long article costs nothing
MIN_CONTROL = 10  # a stray control byte or two in an article is not binary data
MAX_CONTROL_SHARE = 0.01
MIN_LETTER_SHARE = 0.5  # of the characters that are not white space
MIN_LETTERS_FOR_SCRIPT = 20
MIN_WORDS_FOR_ENGLISH = 40
MIN_ENGLISH_SHARE = 0.10

# English function words and the commonest reporting verbs (lower case).
_ENGLISH = """
a about after against all also an and any are as at be been before being between both but by can could
did do does during each for from had has have he her him his i if in into is it its may more most no not
of on once one only or other our out over said says she should so some such than that the their them
then there these they this those through to under until up was we were what when where which while who
will with would you
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())

# Script of a letter: the first word of its Unicode name, grouped where one writing system has several.
_SCRIPT_GROUPS = {"HIRAGANA": "Kana", "KATAKANA": "Kana", "CJK": "Han", "HANGUL": "Hangul"}
# What a reader is told about a script that is not Latin (the languages most news in it is written in)
SCRIPT_LANGUAGES = {
    "Cyrillic": ("und-Cyrl", "Cyrillic script (Russian, Ukrainian, Bulgarian, Serbian …)"),
    "Arabic": ("und-Arab", "Arabic script (Arabic, Persian, Urdu …)"),
    "Hangul": ("ko", "Korean (Hangul)"),
    "Kana": ("ja", "Japanese (kana and kanji)"),
    "Han": ("zh", "Chinese characters (Chinese or Japanese)"),
    "Greek": ("el", "Greek"),
    "Hebrew": ("und-Hebr", "Hebrew script (Hebrew, Yiddish)"),
    "Devanagari": ("und-Deva", "Devanagari script (Hindi, Marathi, Nepali …)"),
    "Thai": ("th", "Thai"),
}


@dataclass(frozen=True, slots=True)
class Reading:
    """What :func:`read_language` found: ``problem`` is None for English prose (or text too short to tell)."""

    language: str  # "en", "und" (too short to tell), or a BCP 47 tag of the language or script found
    problem: str | None = None  # why it is not English prose, for the rejection
    kind: str | None = None  # "binary" | "not-letters" | "language"


def _script(ch: str) -> str:
    if ch < "\u0250":  # Basic Latin to Latin Extended-B: the common case, no name look-up
        return "Latin"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return _SCRIPT_GROUPS.get(first, first.title() if first else "Unknown")


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r\f\v":
        return False
    if ch == "\ufffd":
        return True
    return unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")


def read_language(text: str) -> Reading:
    """Whether ``text`` is English prose, from a sample of its first :data:`SAMPLE_CHARS` characters."""
    sample = text[:SAMPLE_CHARS]
    controls = sum(1 for ch in sample if (ch < " " or "\x7f" <= ch <= "\x9f" or ch >= "\ue000") and _is_control(ch))
    if controls >= MIN_CONTROL and controls > MAX_CONTROL_SHARE * len(sample):
        return Reading("und", f"not text: {controls:,} of its first {len(sample):,} characters are control or "
                       "undefined characters (binary data, or a file in an encoding that is not text)", "binary")
    nonspace = sum(1 for ch in sample if not ch.isspace())
    scripts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            s = _script(ch)
            scripts[s] = scripts.get(s, 0) + 1
    letters = sum(scripts.values())
    if nonspace and letters < MIN_LETTER_SHARE * nonspace:
        return Reading("und", f"not prose: only {letters:,} of its {nonspace:,} visible characters are letters "
                       f"({100 * letters / nonspace:.0f}%; news is mostly letters)", "not-letters")
    if letters < MIN_LETTERS_FOR_SCRIPT:
        return Reading("und")
    script, count = max(scripts.items(), key=lambda kv: kv[1])
    if script != "Latin" and count > scripts.get("Latin", 0):
        if script == "Han" and scripts.get("Kana", 0) > 0.05 * letters:
            script = "Kana"
        tag, described = SCRIPT_LANGUAGES.get(script, (f"und-{script[:4]}", f"{script} script"))
        share = 100 * count / letters
        return Reading(tag, f"not English: {share:.0f}% of its letters are in {described}; eventwire reads "
                       "English news", "language")
    words = [w.strip(".,;:!?\"'()[]«»“”‘’-").lower() for w in sample.split()]
    words = [w for w in words if w.isalpha()]
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    if len(words) < MIN_WORDS_FOR_ENGLISH:
        return Reading("en" if english else "und")
    if english < MIN_ENGLISH_SHARE * len(words):
        return Reading("und-Latn", f"not English: only {english} of its {len(words):,} words are common English "
                       f"words ({100 * english / len(words):.0f}%; English news has over 20%); eventwire reads "
                       "English news", "language")
    return Reading("en")
