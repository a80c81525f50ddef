"""Clean a raw record into an :class:`Article`: repair the encoding, normalise whitespace and quotes,
and mark its sections (headline, standfirst, caption, body, boilerplate) as :class:`Block` s.

The cleaned text keeps the article's line structure — one paragraph per line, as in the seed — and
includes the headline, standfirst and caption lines, so that every section has offsets. Section
rules are about how news is laid out (a photo credit in parentheses, a ``By`` line, a wire dateline),
never about one article's words.
"""

from __future__ import annotations

import itertools
import logging
import re

import ftfy

from .config import Settings
from .errors import InputError
from .ids import content_hash
from .ingest.dates import SEPARATORS
from .ingest.language import read_language
from .models import Article, Block, RawRecord, Section

log = logging.getLogger(__name__)

E_NO_TEXT_LEFT = "E112"
E_NOT_PROSE = "E114"
E_NOT_ENGLISH = "E115"

# --------------------------------------------------------------------------------- text repair

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u2060\ufeff\u00ad]")
_BREAKS = re.compile(r"[\u2028\u2029\x0b\x0c\x85]")
_BLANK_RUNS = re.compile(r"\n{3,}")
# UTF-8 read as cp1252 turns a closing double quote (E2 80 9D) into "â€" plus a byte cp1252 does not
# define; decoders that substituted U+FFFD for it left "â€\ufffd", which ftfy cannot undo. No other
# common character has that shape, so restoring the quote is safe. Likewise "Â\ufffd" between words
# is a mangled two-byte C2 xx sequence, in running text a no-break space (C2 A0).
_LOST_CLOSING_QUOTE = re.compile("\u00e2\u20ac\ufffd")
_LOST_NBSP = re.compile("(?<=\\w)\u00c2\ufffd(?=\\s|\\w)")


def repair_encoding(text: str) -> tuple[str, bool]:
    """Mojibake repaired with ftfy; and whether there was any to repair."""
    restored = _LOST_NBSP.sub(" ", _LOST_CLOSING_QUOTE.sub("\u201d", text))
    fixed = ftfy.fix_text(restored, uncurl_quotes=False, fix_line_breaks=False)
    return fixed, fixed != text


def clean_text(text: str) -> str:
    """Repair mojibake, straighten quotes, and normalise whitespace: no tabs, NBSPs or CRs, single
    spaces, stripped lines, at most one blank line in a row. Line structure is kept."""
    return normalise(repair_encoding(text)[0])


def normalise(text: str) -> str:
    """Straight quotes and normalised whitespace (see :func:`clean_text`)."""
    text = ftfy.fixes.uncurl_quotes(text)
    text = _BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


# --------------------------------------------------------------------------------- line types


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
         rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# Names in a byline: capitalised words, initials, particles ("de", "van"), joined by "and"/commas.
_NAME = r"[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|de|da|van|von|bin|al|el|la|le))*"
# A credit line: "Harun Maruf reported from Washington; … contributed from Mogadishu", "X contributed to this
# report" — a paragraph of its own, or the last sentence of one (segment.py).
_CREDIT_LINES = (
    re.compile(rf"^{_NAME}\s+reported (?:this (?:story|report) )?from\s+{_NAME}\s*(?:[.;]|$)"),
    re.compile(rf"^(?:[a-z]+\s+)?{_NAME}(?:\s*(?:,|and)\s*{_NAME})*\s+contributed (?:reporting )?(?:to this "
               r"(?:report|story|article)\b|from\s+[A-Z])"),
)
_BOILERPLATE = (
    re.compile(rf"^(?i:by)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*(?:,|\||-|–|—|in)\s*{_NAME})?$"),
    _ci(r"^(?:written|reported|reporting|edited|editing|additional reporting|compiled|writing)\s+by\b"),
    _ci(r"^this (?:story|article|report) (?:is|was) (?:from|published|first published)\b"),
    _ci(r"^(?:copyright\b|©|\(c\)\s*\d{4})"),
    *_CREDIT_LINES,
    _ci(r"\ball rights reserved\b"),
    _ci(r"^(?:read more|read also|also read|more on this|related(?: stories| articles| news)?|see also|"
               r"recommended|more from|most read|trending|don't miss|watch|listen)\s*[:\-–—|]"),
    _ci(r"^(?:follow|like)\s+(?:us|him|her|them|the author|\S+ news)\b.{0,60}\bon\b"),
    _ci(r"^(?:subscribe|sign up|click here|share (?:this|on|via)|advertisement|sponsored content|"
               r"get the latest|download the app|join our)\b"),
    _ci(rf"^(?:first |last )?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s*(?:{_WEEKDAY},?\s*)?"
               rf"(?:{_DATE}|\d)"),
    _ci(r"^(?:tags|topics|filed under|e-?mail|contact|source|image source|photo credit)\s*:"),
    re.compile(r"^\([^()]{1,40}\)$"),  # a note standing alone: "(Undated)", "(Advance for release …)"
    # a wire dateline standing on its own line ("HAVANA (AP) --")
    re.compile(r"^[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3}(?:,\s*[\w .]{2,30})?\s*(?:\([^()]{2,40}\))?"
               r"\s*(?:--|[-–—:_])$"),
    _ci(rf"^(?:{_WEEKDAY},?\s*)?{_DATE}(?:\s*[,|]?\s*\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?"
               r"(?:\s*[A-Z]{2,4})?)?$"),
)
BOILERPLATE_MAX_CHARS = 300

# A photo caption: a short paragraph ending with a photo credit, or opening with a caption leader.
_CREDIT_WORDS = (r"AP|AFP|Reuters|REUTERS|Getty|EPA|EPA-EFE|Xinhua|TASS|Tass|Sputnik|Yonhap|KCNA|ANI|PTI|"
                 r"IANS|"
                 r"UPI|dpa|DPA|Anadolu|Bloomberg|Shutterstock|Alamy|PA|NurPhoto|SOPA|ZUMA|Zuma|Pool|POOL|"
                 r"Handout|HANDOUT|Photo|PHOTO|Photos|Photograph|Image|Images|Picture|Courtesy|courtesy|"
                 r"File|FILE|Credit|via|WireImage|Kyodo|Jiji|RIA Novosti|Reuters Pictures|AAP|CP|NTB|TT|"
                 r"Ritzau|Lusa|ANSA|Belga|ABACA|Abaca|IMAGO|imago|Sipa|SIPA|BBC|CNN|Twitter|X|Instagram")
_CREDIT_END = re.compile(rf"\((?=[^()]*\b(?:{_CREDIT_WORDS})\b)[^()]{{2,80}}\)\s*$")
_CREDIT_TAIL = re.compile(
    rf"(?:\b(?i:photo(?:graph)?|image|picture|credit)s?(?:\s+credit)?\s*:\s*[^.]{{2,60}}|"
    rf"\b[A-Z]{{2,}}/[A-Z][\w.'\- ]{{1,40}}|\bGetty Images|\s[-–—|]\s*(?:{_CREDIT_WORDS}))\s*$")
_CAPTION_LEADER = re.compile(
    r"^(?:(?:photo(?:graph)?|picture|image|caption|pictured|above|top|below|left|right|main image|inset|"
    r"file|video)\s*:|(?:file|handout|archive|stock) (?:photo|image|picture)\b|"
    r"(?:in )?(?:this|a|an) (?:undated |handout |file |recent )?(?:photo|image|picture|photograph)\b|"
    r"(?:photo|image|picture) (?:shows|taken|released)\b)", re.IGNORECASE)
# AP-style caption: "<someone> attends <something> in <place>, Wednesday, Dec. 21, 2022." — a short
# description ending in a weekday and a full date. Only trusted right after the "-" separator,
# where the seed layout puts captions; elsewhere such a paragraph may be ordinary news.
_DATED_DESCRIPTION = re.compile(rf"\b{_WEEKDAY},?\s+{_DATE}\.?\s*(?:\([^()]*\))?\s*$", re.IGNORECASE)
_CAPTION_VERB = re.compile(
    r"(?<!\bwill )(?<!\bwould )(?<!\bto )(?<!\bmay )(?<!\bcould )"
    r"\b(?:attends?|arrives?|speaks?|gestures?|looks?|walks?|stands?|sits?|waves?|delivers?|holds?|"
    r"shakes?|meets?|greets?|listens?|poses?|talks?|leaves?|visits?|reacts?|smiles?|prays?|inspects?|"
    r"chairs?|addresses|address|signs?|takes? part|(?:is|are) seen|gathers?|march(?:es)?|carr(?:y|ies)|"
    r"rally|rallies|protests?|shouts?|watch(?:es)?|mourns?|salutes?|patrols?|waits?|cheers?)\b")
CAPTION_MAX_CHARS = 400

# The wire dateline opening a story ("MOSCOW, June 17 (Reuters) -", "NEW DELHI:", "Kyiv (CNN) —",
# "lucknow:" in lower-cased corpora). It is split off the first body paragraph as boilerplate: it says
# where the story was filed, not where the events happened, and it is not part of the first sentence.
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3}(?:,\s*[A-Z][\w.'\-]+(?:\s[A-Z][\w.'\-]+){0,2})?"
    rf"(?:,\s*{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?\s*(?:\([^()]{{2,40}}\))?\s*(?:--|[-–—:_])\s+"
    r"|[A-Z][\w.'\-]+(?:\s[A-Z][\w.'\-]+){0,2}(?:,\s*[A-Z][\w.'\-]+(?:\s[A-Z][\w.'\-]+){0,2})?"
    r"\s*\([A-Za-z .&/\-]{2,30}\)\s*(?:--|[-–—:_])\s+"
    r"|[a-z][a-z.\-]+(?:\s[a-z][a-z.\-]+){0,2}:\s+)"
)


def is_credit_line(sentence: str) -> bool:
    """Does the sentence credit the article's reporters ("X reported from Y", "Z contributed to this report")?"""
    sentence = sentence.strip()
    return len(sentence) <= BOILERPLATE_MAX_CHARS and any(p.search(sentence) for p in _CREDIT_LINES)


def is_boilerplate(line: str) -> bool:
    """Bylines, "This story is from …", copyright, "Read more:", "Follow us on …", date-only lines."""
    if len(line) > BOILERPLATE_MAX_CHARS:
        return False
    return any(p.search(line) for p in _BOILERPLATE)


def is_caption(paragraph: str, after_separator: bool = False) -> bool:
    """A photo caption: short, and ending with a photo credit or opening like one ("Photo:", "File
    photo", "Pictured:"); right after the ``-`` separator, also an AP-style dated description."""
    if len(paragraph) > CAPTION_MAX_CHARS:
        return False
    if _CAPTION_LEADER.match(paragraph):
        return True
    tail = paragraph[-90:]
    if _CREDIT_END.search(tail) or _CREDIT_TAIL.search(tail):
        # "…said the official. (PTI)" ends a wire story: a credit after a bare agency is a caption
        # only when the paragraph does not read as ordinary reporting
        return not re.search(r"\b(?:said|says|told|according to)\b", paragraph)
    if not _DATED_DESCRIPTION.search(paragraph):
        return False
    # "<someone> attends … in <place>, Wednesday, Dec. 21, 2022.": a caption describes its photo in the
    # present tense, where news reports an event in the past
    return after_separator or bool(_CAPTION_VERB.search(" ".join(paragraph.split()[:15])))


TITLE_MAX_WORDS = 18


def looks_like_title(line: str) -> bool:
    """A headline: short, no final period or comma, a few words, some letters."""
    stripped = line.strip()
    core = stripped.rstrip("\"'”’)]")  # 'called it "a crime."' ends with a period all the same
    if not 3 <= len(stripped) <= 160 or not core or core[-1] in ".,;:":
        return False
    if len(stripped.split()) > TITLE_MAX_WORDS:
        return False
    return any(c.isalpha() for c in stripped) and not is_boilerplate(stripped)


# A list of links to other stories that a page run together with the story's last paragraph ("… police
# added. related stories narendra modi visits riot-hit areas …"): its headlines are not this article's.
_LINK_TAIL = re.compile(
    r"(?:^|(?<=[.!?\"'”’)])\s+)(?i:related (?:stories|articles|news|links|coverage|content|reading)|"
    r"(?:also|more) read|read (?:also|more)|more (?:stories|from|on this)|recommended (?:stories|for you)|"
    r"you (?:may|might) also like)\b")


_PROSE_AFTER = re.compile(r"\s*(?:about|on|of|in|were|are|is|was|have|has|had|show|suggest|say)\b", re.IGNORECASE)


def link_tail(paragraph: str) -> int:
    """Where a run-in list of links to other stories starts in ``paragraph`` (-1 if none). A sentence
    that merely opens with such words ("Related stories about the war were …") is prose, not links."""
    m = _LINK_TAIL.search(paragraph)
    if m is None or (_PROSE_AFTER.match(paragraph, m.end()) and paragraph.rstrip().endswith((".", "!", "?"))):
        return -1
    return m.start()


def dateline_prefix(paragraph: str) -> int:
    """Length of the wire dateline opening ``paragraph`` (0 if none)."""
    m = _DATELINE_PREFIX.match(paragraph)
    if not m or m.end() >= len(paragraph) or len(m.group(0)) > 80:
        return 0
    return m.end()


# --------------------------------------------------------------------------------- paragraphs


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans. One per line, as in the seed — unless the text is hard-wrapped (blank lines
    between paragraphs, lines broken mid-sentence), where a paragraph is a run of non-blank lines."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if _hard_wrapped(text, lines):
        paras: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        for span in [*lines, (pos, pos)]:
            if span[0] == span[1]:
                if run:
                    paras.append((run[0][0], run[-1][1]))
                run = []
            else:
                run.append(span)
        return _split_separators(text, paras)
    return [(s, e) for s, e in lines if e > s]


def _split_separators(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In hard-wrapped text a ``-`` line may sit inside a run of lines: make it a paragraph of its own."""
    out: list[tuple[int, int]] = []
    for start, end in paras:
        pos = start
        for line in text[start:end].split("\n"):
            if line in SEPARATORS:
                if pos > start:
                    out.append((start, pos - 1))
                out.append((pos, pos + len(line)))
                start = pos + len(line) + 1
            pos += len(line) + 1
        if start < end:
            out.append((start, end))
    return out


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if "\n\n" not in text:
        return False
    inner = [
        text[s:e] for (s, e), (ns, ne) in itertools.pairwise(lines) if e > s and ne > ns
    ]
    if len(inner) < 3:
        return False
    broken = sum(1 for line in inner if not re.search(r"[.!?:\"')\]]$", line))
    return broken / len(inner) >= 0.5


# --------------------------------------------------------------------------------- sections


def title_of(text: str) -> str | None:
    """The title of a plain-text article: its first line in the seed layout (a ``-`` line follows the
    title and standfirst), or a first line that looks like a title; leading boilerplate skipped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    content = [line for line in lines if not is_boilerplate(line)]
    if len(content) < 2:
        return None
    if any(line in SEPARATORS for line in lines[1:6]) or looks_like_title(content[0]):
        return content[0] if content[0] not in SEPARATORS else None
    return None


def find_blocks(text: str, title: str | None = None) -> tuple[Block, ...]:
    """Sections of cleaned ``text`` as blocks, in order. ``title`` is the record's own title if known."""
    paras = _paragraphs(text)
    words = [text[s:e] for s, e in paras]
    sep = next((i for i, w in enumerate(words[:6]) if w in SEPARATORS and i > 0), None)
    blocks: list[Block] = []
    headline: str | None = None
    first_body = True

    def add(section: Section, start: int, end: int) -> None:
        blocks.append(Block(section, start, end))

    for i, ((start, end), para) in enumerate(zip(paras, words, strict=True)):
        if para in SEPARATORS:
            continue  # a separator line belongs to no section
        if is_boilerplate(para):
            add(Section.BOILERPLATE, start, end)
            continue
        if sep is not None and i < sep:
            if headline is None:
                headline = para
                add(Section.HEADLINE, start, end)
            else:
                add(Section.STANDFIRST, start, end)
            continue
        if headline is None and sep is None and first_body and len(paras) > i + 1 and (
            (title is not None and para.lower() == title.strip().lower()) or looks_like_title(para)
        ):
            headline = para
            add(Section.HEADLINE, start, end)
            continue
        if headline is not None and first_body and _same_title(para, headline):
            add(Section.BOILERPLATE, start, end)  # the page's own <h1> repeating the <title>
            continue
        if is_caption(para, after_separator=sep is not None and i == sep + 1):
            add(Section.CAPTION, start, end)
            continue
        if first_body and (cut := dateline_prefix(para)):
            add(Section.BOILERPLATE, start, start + len(para[:cut].rstrip()))
            start += cut
        first_body = False
        cut = link_tail(text[start:end])
        if cut > 0:
            body = text[start:start + cut].rstrip()
            add(Section.BODY, start, start + len(body))
            add(Section.BOILERPLATE, start + cut + (len(text[start + cut:end]) - len(text[start + cut:end].lstrip())),
                end)
            continue
        add(Section.BODY if cut < 0 else Section.BOILERPLATE, start, end)
    return tuple(blocks)


def _same_title(para: str, headline: str) -> bool:
    a, b = para.lower().strip(), headline.lower().strip()
    return a == b or (len(a) > 10 and len(b) > 10 and (a in b or b in a) and looks_like_title(para))


def clean_record(record: RawRecord, settings: Settings) -> Article:
    """Clean ``record`` into an :class:`Article` with its sections marked.

    A JSONL/CSV/HTML title that the text does not already open with is put first, as the headline.
    Raises :class:`InputError` when nothing is left after cleaning (E112), when the text is not text or not
    prose (E114: control characters, mostly not letters) and when it is not English (E115); the language
    read (:func:`~eventwire.ingest.language.read_language`) is recorded in the metadata (``language``).
    """
    repaired, changed = repair_encoding(record.text)
    body = normalise(repaired)
    title = clean_text(record.title) if record.title else None
    metadata = dict(record.metadata)
    if changed:
        metadata["repaired"] = "encoding (ftfy)"
    first_line = body.split("\n", 1)[0]
    if title and first_line.lower() != title.lower():
        text = f"{title}\n{body}" if body else title
    else:
        text = body
    if not text.strip() or len(text) > settings.max_article_chars * 2:
        why = "no text left after cleaning" if not text.strip() else "cleaned text over max_article_chars"
        raise InputError(why, path=record.origin, code=E_NO_TEXT_LEFT)
    reading = read_language(text)
    if reading.problem is not None:
        code = E_NOT_ENGLISH if reading.kind == "language" else E_NOT_PROSE
        raise InputError(reading.problem, path=record.origin, code=code)
    metadata["language"] = reading.language
    blocks = find_blocks(text, title)
    headline = next((text[b.start:b.end] for b in blocks if b.section is Section.HEADLINE), None)
    digest = content_hash(text)
    return Article(
        id=record.record_id or digest,
        content_hash=digest,
        text=text,
        raw=record.raw if record.raw is not None else record.text,
        origin=record.origin,
        title=title or headline,
        published=record.published,
        published_source=record.published_source,
        url=record.url,
        source=record.source,
        format=record.format,
        blocks=blocks,
        metadata=metadata,
    )
