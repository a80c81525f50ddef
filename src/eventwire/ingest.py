"""Read articles from files, directories, ``.gz`` archives and stdin into :class:`RawRecord` s.

Formats: plain text (the seed's layout: title, standfirst, a ``-`` line, body), HTML (main text via
``trafilatura``), JSON Lines and CSV corpora (field names from :class:`Settings`). Everything streams:
corpora are read line by line, so memory stays flat on endless input. A bad input never stops the
run: it becomes a :class:`Rejection` (stage ``ingest``, a code E1xx, a reason naming the file) and the
next input is read. Nothing is lost: what could be decoded is kept in ``Rejection.raw``.

Error codes (E100–E149):

==== =====================================================================
E101 path does not exist
E102 empty or whitespace-only input
E103 binary file, not text
E104 article longer than ``max_article_chars``
E105 malformed JSON line
E106 a JSONL/CSV record without usable text (wrong field name, not an object)
E107 CSV without the text column
E108 HTML with no main text
E109 unparseable date (``--published`` or a record's date field)
E110 unreadable file (permissions, broken gzip, I/O error)
E111 malformed CSV row
==== =====================================================================
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from .config import Settings
from .errors import InputError
from .models import RawRecord, Rejection

log = logging.getLogger(__name__)

E_MISSING = "E101"
E_EMPTY = "E102"
E_BINARY = "E103"
E_TOO_LONG = "E104"
E_BAD_JSON = "E105"
E_NO_TEXT = "E106"
E_CSV_COLUMNS = "E107"
E_HTML_EMPTY = "E108"
E_BAD_DATE = "E109"
E_UNREADABLE = "E110"
E_BAD_CSV = "E111"

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
                 ".ndjson": "jsonl", ".csv": "csv"}
FALLBACK_NOTE = "cp1252 (fallback: invalid UTF-8)"
LATIN1_NOTE = "latin-1 (fallback: invalid UTF-8)"
STDIN = "<stdin>"

# Magic numbers of the binary formats most often renamed or dropped by mistake into a text corpus.
_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
          b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"II*\x00", b"MM\x00*", b"OggS", b"ID3", b"RIFF",
          b"\x00\x00\x01\x00", b"SQLite format 3")

# ----------------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# The written forms we accept, day-first and month-first; the year is optional so that a dateline
# without one can be recognised (and then yields no date: we never guess the year).
_WRITTEN_DATES = (
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?(?:\s+" + _YEAR + r")?\b", re.IGNORECASE),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b", re.IGNORECASE),
)
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,4})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{1,4})")


def _written_date(m: re.Match[str]) -> date | None:
    if not m.group("year"):
        return None
    try:
        return date(int(m.group("year")), _MONTHS[m.group("month").lower()], int(m.group("day")))
    except ValueError:
        return None


def _numeric_date(m: re.Match[str]) -> date | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    try:
        if len(a) == 4:  # year first: 2025/06/17, 2025.06.17
            return date(int(a), int(b), int(c))
        if len(c) == 4:  # 17/06/2025 or 06/17/2025: only when the order is unambiguous
            first, second = int(a), int(b)
            if first > 12 >= second:
                return date(int(c), second, first)
            if second > 12 >= first:
                return date(int(c), first, second)
            if first == second:
                return date(int(c), first, second)
    except ValueError:
        return None
    return None


def parse_published(value: str, origin: str = "--published") -> date:
    """Parse a publication date given by a user or a record: ISO dates and datetimes, ``2025/06/17``,
    ``17 June 2025``, ``June 17, 2025``, RFC 2822 (``Tue, 17 Jun 2025 10:00:00 GMT``).

    Raises :class:`InputError` (E109) for anything else, including day/month orders that cannot be
    told apart (``06/07/2025``): a wrong date is worse than none.
    """
    text = value.strip()
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text).date()
        except ValueError:
            pass
        if re.fullmatch(r"\d{8}", text):
            try:
                return date(int(text[:4]), int(text[4:6]), int(text[6:]))
            except ValueError:
                pass
        m = _NUMERIC_DATE.fullmatch(text)
        if m and (d := _numeric_date(m)):
            return d
        for pattern in _WRITTEN_DATES:
            m = pattern.fullmatch(text.rstrip("."))
            if m and (d := _written_date(m)):
                return d
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise InputError(
        f"cannot read the date {value!r} given by {origin}: write it as YYYY-MM-DD (e.g. 2025-06-17), "
        "'17 June 2025' or 'June 17, 2025'",
        code=E_BAD_DATE,
    )


# A dateline near the top of an article states its publication date. Two kinds: a leader word
# ("This story is from", "Published:", "Updated:") before a date, and a wire dateline
# ("MOSCOW, June 17, 2025 (Reuters) -"). Only the first few lines are searched, so dates of events
# in the body are never taken for the publication date.
_LEADER = re.compile(
    r"^\s*(?:this (?:story|article) (?:is|was) (?:from|published on)|(?:first |last )?published(?: on)?|"
    r"(?:last )?updated(?: on)?|posted(?: on)?|dated?|filed)\s*:?\s*(?P<rest>.{4,60})",
    re.IGNORECASE,
)
_WIRE = re.compile(
    r"^\s*[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?,\s*(?P<rest>[A-Za-z0-9 ,.]{4,40}?)\s*"
    r"(?:\([^)]{2,40}\))?\s*[-–—:]\s",
)
DATELINE_LINES = 6


def _date_in(fragment: str) -> tuple[bool, date | None]:
    """(whether ``fragment`` starts with a date, the date if it has a year)."""
    fragment = fragment.strip()
    for pattern in _WRITTEN_DATES:
        m = pattern.match(fragment)
        if m:
            return True, _written_date(m)
    m = _NUMERIC_DATE.match(fragment)
    if m:
        return True, _numeric_date(m)
    m = re.match(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?", fragment)
    if m:
        try:
            return True, date.fromisoformat(m.group(0)[:10])
        except ValueError:
            return True, None
    return False, None


def find_dateline(text: str) -> date | None:
    """The publication date stated by a dateline in the first lines of ``text``; None without a year."""
    seen = 0
    for line in text.splitlines():
        if not line.strip() or line.strip() in SEPARATORS:
            continue
        seen += 1
        if seen > DATELINE_LINES:
            break
        for pattern in (_LEADER, _WIRE):
            m = pattern.match(line)
            if m:
                found, d = _date_in(m.group("rest"))
                if found:
                    return d
    return None


SEPARATORS = frozenset({"-", "--", "—", "–"})

# ----------------------------------------------------------------------------------- decoding


def is_binary(head: bytes) -> bool:
    """True for data that is not text: a known magic number or NUL bytes (UTF-16 BOM excepted)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return head.startswith(_MAGIC) or b"\x00" in head[:8192]


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes → text and a note when it was not UTF-8. Never loses a byte: invalid UTF-8 is read as
    cp1252 (what such files nearly always are), and as latin-1 where cp1252 leaves a byte undefined."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), FALLBACK_NOTE
    except UnicodeDecodeError:
        return data.decode("latin-1"), LATIN1_NOTE


# ----------------------------------------------------------------------------------- readers


class _Reader:
    """Reads one input (a file, a ``.gz`` or stdin) of one format. Holds only per-run settings."""

    def __init__(self, settings: Settings, published: date | None) -> None:
        self.settings = settings
        self.published = published

    # -- helpers
    def reject(self, origin: str, code: str, problem: str, raw: str | None = None) -> Rejection:
        return Rejection(origin=origin, stage="ingest", code=code, reason=f"{origin}: {problem}", raw=raw)

    def too_long(self, origin: str, text: str) -> Rejection | None:
        limit = self.settings.max_article_chars
        if len(text) <= limit:
            return None
        return self.reject(
            origin, E_TOO_LONG,
            f"article is {len(text):,} characters, over the limit of {limit:,}; raise max_article_chars "
            "(EVENTWIRE_MAX_ARTICLE_CHARS or the config file) to read it",
            raw=text,
        )

    def dated(self, text: str, record_date: date | None, record_source: str) -> tuple[date | None, str | None]:
        """Publication date in order of trust: the user, the record (or HTML metadata), a dateline."""
        if self.published is not None:
            return self.published, "user"
        if record_date is not None:
            return record_date, record_source
        d = find_dateline(text)
        return (d, "dateline") if d is not None else (None, None)

    # -- whole-document formats
    def document(self, origin: str, fmt: str, data: bytes) -> Iterator[RawRecord | Rejection]:
        if is_binary(data[:8192]):
            yield self.reject(origin, E_BINARY, "binary file, not text (NUL bytes or a binary file signature)")
            return
        text, note = decode(data)
        del data
        if note and note != "utf-16":
            log.warning("%s is not valid UTF-8: read as %s", origin, note)
        metadata = {"encoding": note} if note else {}
        if not text.strip():
            yield self.reject(origin, E_EMPTY, "empty input (no text)", raw=text)
            return
        if fmt == "html":
            yield self.html(origin, text, metadata)
            return
        if (rejection := self.too_long(origin, text)) is not None:
            yield rejection
            return
        from .clean import title_of  # local: clean imports nothing from here, but keep the graph one-way

        published, source = self.dated(text, None, "record")
        yield RawRecord(origin=origin, text=text, title=title_of(text), published=published,
                        published_source=source, format="txt", metadata=metadata)

    def html(self, origin: str, source: str, metadata: dict[str, str]) -> RawRecord | Rejection:
        # An HTML page carries markup; the limit applies to the extracted text, but a page many times
        # over the limit is refused before the (slow) extraction.
        if len(source) > 5 * self.settings.max_article_chars:
            return self.reject(
                origin, E_TOO_LONG,
                f"HTML page is {len(source):,} characters, over 5 × max_article_chars "
                f"({self.settings.max_article_chars:,}); raise max_article_chars to read it", raw=source)
        import trafilatura

        doc = trafilatura.bare_extraction(source, with_metadata=True, include_comments=False)
        text = (getattr(doc, "text", None) or "") if doc is not None else ""
        if not _has_prose(text):
            return self.reject(origin, E_HTML_EMPTY, "HTML page has no main text (trafilatura found no article)",
                               raw=source)
        if (rejection := self.too_long(origin, text)) is not None:
            return rejection
        html_date: date | None = None
        if doc.date:
            try:
                html_date = parse_published(str(doc.date), origin=f"{origin} (HTML metadata)")
            except InputError:
                log.warning("%s: HTML date %r not understood; ignored", origin, doc.date)
        published, psource = self.dated(text, html_date, "html")
        return RawRecord(origin=origin, text=text, title=doc.title or None, published=published,
                         published_source=psource, url=doc.url or None, source=doc.sitename or None,
                         format="html", raw=source, metadata=metadata)

    # -- corpora
    def record(self, origin: str, fmt: str, fields: dict[str, Any], note: str | None) -> RawRecord | Rejection:
        s = self.settings
        raw_text = fields.get(s.text_field)
        if raw_text is None or not str(raw_text).strip():
            keys = ", ".join(sorted(map(str, fields))[:12])
            problem = (f"no text in field {s.text_field!r}" if s.text_field in fields
                       else f"record has no field {s.text_field!r} (fields: {keys}); set text_field "
                            "(EVENTWIRE_TEXT_FIELD) to the field holding the article text")
            return self.reject(origin, E_NO_TEXT if s.text_field not in fields else E_EMPTY, problem,
                               raw=json.dumps(fields, ensure_ascii=False, default=str))
        text = str(raw_text)
        if (rejection := self.too_long(origin, text)) is not None:
            return rejection
        metadata: dict[str, str] = {"encoding": note} if note else {}
        record_date: date | None = None
        value = fields.get(s.published_field)
        if value not in (None, ""):
            try:
                record_date = parse_published(str(value), origin=f"{origin} field {s.published_field!r}")
            except InputError:
                # The article is still good; its date is just unknown (never guessed).
                log.warning("%s: date %r in field %r not understood; ignored", origin, value, s.published_field)
                metadata["published_unparsed"] = str(value)
        published, psource = self.dated(text, record_date, "record")

        def opt(name: str) -> str | None:
            v = fields.get(name)
            return None if v is None or str(v).strip() == "" else str(v).strip()

        return RawRecord(origin=origin, text=text, title=opt(s.title_field), published=published,
                         published_source=psource, url=opt(s.url_field), source=opt(s.source_field),
                         record_id=opt(s.id_field), format=fmt, metadata=metadata)

    def jsonl(self, name: str, lines: Iterable[bytes]) -> Iterator[RawRecord | Rejection]:
        fallbacks = 0
        for number, line in enumerate(lines, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            if not line.strip():
                continue
            origin = f"{name}:{number}"
            if b"\x00" in line:
                yield self.reject(origin, E_BINARY, "binary data (NUL bytes) in a JSON line")
                continue
            text, note = decode(line)
            fallbacks += note is not None
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield self.reject(origin, E_BAD_JSON, f"malformed JSON ({exc.msg} at column {exc.colno})",
                                  raw=text.rstrip("\r\n"))
                continue
            if not isinstance(obj, dict):
                yield self.reject(origin, E_NO_TEXT, f"a JSON line must be an object, not {type(obj).__name__}",
                                  raw=text.rstrip("\r\n"))
                continue
            yield self.record(origin, "jsonl", obj, note)
        if fallbacks:
            log.warning("%s: %d line(s) not valid UTF-8: read as cp1252", name, fallbacks)

    def csv(self, name: str, lines: Iterable[bytes]) -> Iterator[RawRecord | Rejection]:
        # Fields of whole articles are long: the csv module's default limit (128 KiB) would refuse them.
        csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
        notes: dict[int, str] = {}  # line number → encoding note, for the (rare) lines not in UTF-8

        def decoded() -> Iterator[str]:
            for n, line in enumerate(lines, start=1):
                if n == 1 and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8):]
                text, note = decode(line)
                if note:
                    notes[n] = note
                yield text

        reader = csv.reader(decoded())
        try:
            header = next(reader)
        except StopIteration:
            yield self.reject(name, E_EMPTY, "empty CSV file (no header)")
            return
        except csv.Error as exc:
            yield self.reject(name, E_CSV_COLUMNS, f"cannot read the CSV header: {exc}")
            return
        header = [h.strip() for h in header]
        if self.settings.text_field not in header:
            yield self.reject(
                name, E_CSV_COLUMNS,
                f"CSV has no {self.settings.text_field!r} column (columns: {', '.join(header)}); set text_field "
                "(EVENTWIRE_TEXT_FIELD) to the column holding the article text")
            return
        line = reader.line_num
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                line = reader.line_num
                yield self.reject(f"{name}:{start}", E_BAD_CSV, f"malformed CSV row: {exc}")
                continue
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            origin = f"{name}:{start}"
            if len(row) != len(header):
                log.warning("%s: %d cells for %d columns", origin, len(row), len(header))
            found = [notes.pop(n) for n in range(start, line + 1) if n in notes]
            yield self.record(origin, "csv", dict(zip(header, row, strict=False)), found[0] if found else None)


def _has_prose(text: str) -> bool:
    """Whether extracted HTML text holds at least one sentence of prose. trafilatura's fallback returns
    whatever text a page has — a menu, a list of links — and that is not an article."""
    return any(
        len(line.split()) >= 6 and line.rstrip()[-1:] in ".!?\"'”’)" for line in text.splitlines()
    )


def _format_of(name: str) -> tuple[str | None, bool]:
    """(format, gzipped) from a file name; format None when the suffix is not one we read."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return TEXT_SUFFIXES.get(Path(lower).suffix), gz


def _sniff(head: bytes) -> str:
    """The format of an unnamed stream (stdin): JSONL if it opens with ``{``, HTML with ``<``, else text."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "html"
    return "txt"


def _walk(directory: Path) -> Iterator[Path]:
    """Files under ``directory`` in a deterministic (sorted) order, hidden files and folders skipped."""
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def read_inputs(
    paths: Sequence[str | Path],
    settings: Settings,
    published: date | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[RawRecord | Rejection]:
    """Yield one :class:`RawRecord` per article found under ``paths``, or a :class:`Rejection` per bad
    input, in order. ``-`` reads ``stdin`` (default ``sys.stdin.buffer``). ``published`` (the user's
    date) overrides every date found in the inputs."""
    reader = _Reader(settings, published)
    for given in paths:
        if str(given) == "-":
            yield from _read_stream(reader, stdin if stdin is not None else sys.stdin.buffer)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                fmt, _ = _format_of(file.name)
                if fmt is None:
                    log.info("skipping %s: not a format eventwire reads (%s)", file, ", ".join(TEXT_SUFFIXES))
                    continue
                yield from _read_file(reader, file)
        elif path.exists():
            yield from _read_file(reader, path)
        else:
            yield reader.reject(str(path), E_MISSING, "no such file or directory")


def _open(path: Path, gz: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gz else path.open("rb")


def _read_file(reader: _Reader, path: Path) -> Iterator[RawRecord | Rejection]:
    name = str(path)
    fmt, gz = _format_of(path.name)
    fmt = fmt or "txt"  # a file named explicitly is read as text whatever its suffix
    try:
        with _open(path, gz) as stream:
            if fmt in ("jsonl", "csv"):
                read: Callable[[str, Iterable[bytes]], Iterator[RawRecord | Rejection]] = (
                    reader.jsonl if fmt == "jsonl" else reader.csv)
                head = stream.read(8192)
                if is_binary(head):
                    yield reader.reject(name, E_BINARY, "binary file, not text")
                    return
                if not head.strip():
                    yield reader.reject(name, E_EMPTY, "empty input (no text)", raw=head.decode("latin-1"))
                    return
                yield from read(name, _lines(head, stream))
            else:
                yield from reader.document(name, fmt, stream.read())
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield reader.reject(name, E_UNREADABLE, f"cannot read file: {why}")


def _lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of ``head`` + the rest of ``stream``, streaming (``head`` was read to sniff it)."""
    head += stream.readline()  # finish the line the sniffing cut
    yield from io.BytesIO(head)
    yield from stream


def _read_stream(reader: _Reader, stream: IO[bytes]) -> Iterator[RawRecord | Rejection]:
    head = stream.read(8192)
    if not head.strip():
        yield reader.reject(STDIN, E_EMPTY, "empty input (no text)")
        return
    if is_binary(head):
        yield reader.reject(STDIN, E_BINARY, "binary data, not text")
        return
    fmt = _sniff(head)
    if fmt == "jsonl":
        yield from reader.jsonl(STDIN, _lines(head, stream))
    else:
        yield from reader.document(STDIN, fmt, head + stream.read())
