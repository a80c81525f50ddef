"""Readers of each input kind: plain text, HTML, JSON Lines, CSV; files, directories, ``.gz``, stdin.

Memory stays bounded whatever the input: a document is read up to the byte size its longest allowed text
can have, a corpus line by line with each line capped; what lies beyond is streamed through a hash
(:mod:`.limits`), never held.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, cast

from ..config import Settings
from ..errors import InputError
from ..models import RawRecord, Rejection
from .dates import dateline_of, parse_published
from .decoding import decode, is_binary, strip_nul
from .limits import (
    LINE_BYTES_PER_CHAR,
    TEXT_BYTES_PER_CHAR,
    Spilled,
    kept_raw,
    spill,
)

log = logging.getLogger(__name__)

E_MISSING = "E101"
E_EMPTY = "E102"
E_BINARY = "E103"
E_TOO_LONG = "E104"
E_BAD_JSON = "E105"
E_NO_TEXT = "E106"
E_CSV_COLUMNS = "E107"
E_HTML_EMPTY = "E108"
E_UNREADABLE = "E110"
E_BAD_CSV = "E111"
E_NO_INPUTS = "E113"
TEXT_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
STDIN = "<stdin>"
HEAD_BYTES = 8192  # read first, to tell text from binary and to sniff stdin's format
HTML_MARKUP_FACTOR = 5  # an HTML page may carry this many times its text in markup
# what a JSON value is called in a message
_JSON_KINDS = {list: "a list", dict: "an object", bool: "true/false", int: "a number", float: "a number"}
# Everything that reading a file or a gzip stream can raise for a bad file (gzip.BadGzipFile is an OSError)
_READ_ERRORS = (OSError, EOFError, zlib.error)


class _Reader:
    """Reads one input (a file, a ``.gz`` or stdin) of one format. Holds only per-run settings."""

    def __init__(self, settings: Settings, published: date | None) -> None:
        self.settings = settings
        self.published = published

    # -- helpers
    def reject(self, origin: str, code: str, problem: str, raw: str | None = None) -> Rejection:
        return Rejection(origin=origin, stage="ingest", code=code, reason=f"{origin}: {problem}", raw=raw)

    @property
    def document_bytes(self) -> int:
        """The most bytes a plain-text article within the limit can take."""
        return self.settings.max_article_chars * TEXT_BYTES_PER_CHAR

    @property
    def line_bytes(self) -> int:
        """The most bytes one JSONL or CSV line may take (a record within the limit, escaped, and its fields)."""
        return self.settings.max_article_chars * LINE_BYTES_PER_CHAR + 65_536

    def _raise_hint(self) -> str:
        return "raise max_article_chars (EVENTWIRE_MAX_ARTICLE_CHARS or the config file) to read it"

    def too_long(self, origin: str, text: str) -> Rejection | None:
        limit = self.settings.max_article_chars
        if len(text) <= limit:
            return None
        raw, note = kept_raw(text, limit)
        return self.reject(
            origin, E_TOO_LONG,
            f"article is {len(text):,} characters, over the limit of {limit:,}; {self._raise_hint()}{note}",
            raw=raw,
        )

    def spilled(self, origin: str, what: str, spilled: Spilled) -> Rejection:
        """The rejection of an input read past its limit (only its start was kept)."""
        return self.reject(
            origin, E_TOO_LONG,
            f"{what} is over the limit of {self.settings.max_article_chars:,} characters; "
            f"{self._raise_hint()}{spilled.note()}",
            raw=spilled.text(),
        )

    def dated(
        self, text: str, record_date: date | None, record_source: str
    ) -> tuple[date | None, str | None, dict[str, str]]:
        """Publication date in order of trust: the user, the record (or HTML metadata), a dateline at the
        article's start; with the metadata that says where a dateline's date came from."""
        if self.published is not None:
            return self.published, "user", {}
        if record_date is not None:
            return record_date, record_source, {}
        found = dateline_of(text)
        if found is None:
            return None, None, {}
        day, line = found
        return day, "dateline", {"published_source": "dateline", "dateline": line}

    # -- whole-document formats
    def document(self, origin: str, fmt: str, data: bytes) -> Iterator[RawRecord | Rejection]:
        """One article from the whole of a file's bytes (at most :attr:`document_bytes`)."""
        if is_binary(data[:HEAD_BYTES]):
            yield self.reject(
                origin, E_BINARY, "binary file, not text (NUL bytes or a binary file signature)"
            )
            return
        text, note = decode(data)
        del data
        if note and note != "utf-16":
            log.warning("%s is not valid UTF-8: read as %s", origin, note)
        metadata = {"encoding": note} if note else {}
        text, nuls = strip_nul(text)
        if nuls:
            log.warning("%s: %d NUL character(s) removed", origin, nuls)
            metadata["nul_removed"] = f"{nuls} NUL character(s) removed"
        if not text.strip():
            yield self.reject(origin, E_EMPTY, "empty input (no text)", raw=text)
            return
        if fmt == "html":
            yield self.html(origin, text, metadata)
            return
        if (rejection := self.too_long(origin, text)) is not None:
            yield rejection
            return
        from ..clean import title_of  # at call time: clean imports this package (SEPARATORS)

        published, source, found = self.dated(text, None, "record")
        yield RawRecord(
            origin=origin,
            text=text,
            title=title_of(text),
            published=published,
            published_source=source,
            format="txt",
            metadata={**metadata, **found},
        )

    def html(self, origin: str, source: str, metadata: dict[str, str]) -> RawRecord | Rejection:
        # An HTML page carries markup; the limit applies to the extracted text, but a page many times
        # over the limit is refused before the (slow) extraction.
        limit = self.settings.max_article_chars
        if len(source) > HTML_MARKUP_FACTOR * limit:
            raw, note = kept_raw(source, limit)
            return self.reject(
                origin,
                E_TOO_LONG,
                f"HTML page is {len(source):,} characters, over {HTML_MARKUP_FACTOR} × max_article_chars "
                f"({limit:,}); {self._raise_hint()}{note}",
                raw=raw,
            )
        import trafilatura

        found = trafilatura.bare_extraction(source, with_metadata=True, include_comments=False)
        doc: dict[str, Any] = {}
        if isinstance(found, dict):
            doc = found
        elif found is not None:
            doc = found.as_dict()
        text = str(doc.get("text") or "")
        if not _has_prose(text):
            raw, note = kept_raw(source, limit)
            return self.reject(
                origin, E_HTML_EMPTY, f"HTML page has no main text (trafilatura found no article){note}", raw=raw
            )
        if (rejection := self.too_long(origin, text)) is not None:
            return rejection
        html_date: date | None = None
        if doc.get("date"):
            try:
                html_date = parse_published(str(doc["date"]), origin=f"{origin} (HTML metadata)")
            except InputError:
                log.warning("%s: HTML date %r not understood; ignored", origin, doc["date"])
        published, psource, dateline = self.dated(text, html_date, "html")

        def meta(key: str) -> str | None:
            value = doc.get(key)
            return str(value).strip() or None if value else None

        return RawRecord(
            origin=origin,
            text=text,
            title=meta("title"),
            published=published,
            published_source=psource,
            url=meta("url"),
            source=meta("sitename"),
            format="html",
            raw=source,
            metadata={**metadata, **dateline},
        )

    # -- corpora
    def record(
        self, origin: str, fmt: str, fields: dict[str, Any], notes: dict[str, str]
    ) -> RawRecord | Rejection:
        s = self.settings
        raw_text = fields.get(s.text_field)
        if raw_text is not None and not isinstance(raw_text, str):
            kind = _JSON_KINDS.get(type(raw_text), type(raw_text).__name__)
            raw, note = kept_raw(json.dumps(fields, ensure_ascii=False, default=str), s.max_article_chars)
            return self.reject(
                origin, E_NO_TEXT,
                f"field {s.text_field!r} holds {kind}, not a string of text; write the article's text as "
                f"one JSON string{note}",
                raw=raw,
            )
        if raw_text is None or not raw_text.strip():
            keys = ", ".join(sorted(map(str, fields))[:12])
            problem = (
                f"no text in field {s.text_field!r}"
                if s.text_field in fields
                else f"record has no field {s.text_field!r} (fields: {keys}); set text_field "
                "(EVENTWIRE_TEXT_FIELD) to the field holding the article text"
            )
            raw, note = kept_raw(json.dumps(fields, ensure_ascii=False, default=str), s.max_article_chars)
            return self.reject(
                origin,
                E_NO_TEXT if s.text_field not in fields else E_EMPTY,
                problem + note,
                raw=raw,
            )
        text = raw_text
        if (rejection := self.too_long(origin, text)) is not None:
            return rejection
        metadata: dict[str, str] = dict(notes)
        record_date: date | None = None
        value = fields.get(s.published_field)
        if value not in (None, ""):
            try:
                record_date = parse_published(str(value), origin=f"{origin} field {s.published_field!r}")
            except InputError as exc:
                # The article is still good; its date is just unknown (never guessed).
                log.warning("%s: date in field %r ignored: %s", origin, s.published_field, exc.message)
                metadata["published_unparsed"] = str(value)[:200]
        published, psource, dateline = self.dated(text, record_date, "record")
        metadata.update(dateline)

        def opt(name: str) -> str | None:
            v = fields.get(name)
            if isinstance(v, list | dict):
                log.warning("%s: field %r holds %s, not a value; ignored", origin, name, _JSON_KINDS[type(v)])
                return None
            return None if v is None or str(v).strip() == "" else str(v).strip()

        return RawRecord(
            origin=origin,
            text=text,
            title=opt(s.title_field),
            published=published,
            published_source=psource,
            url=opt(s.url_field),
            source=opt(s.source_field),
            record_id=opt(s.id_field),
            format=fmt,
            metadata=metadata,
        )

    def jsonl(self, name: str, lines: Iterable[bytes | Spilled]) -> Iterator[RawRecord | Rejection]:
        fallbacks = 0
        for number, line in enumerate(lines, start=1):
            origin = f"{name}:{number}"
            if isinstance(line, Spilled):
                yield self.spilled(origin, "JSON line", line)
                continue
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            notes: dict[str, str] = {}
            if b"\x00" in line:
                # a NUL is no part of any text (nor valid JSON): removed from this line alone, with a note
                nuls = line.count(b"\x00")
                line = line.replace(b"\x00", b"")
                notes["nul_removed"] = f"{nuls} NUL byte(s) removed"
                log.warning("%s: %d NUL byte(s) removed", origin, nuls)
            text, note = decode(line)
            if note:
                fallbacks += 1
                notes["encoding"] = note
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield self.reject(
                    origin,
                    E_BAD_JSON,
                    f"malformed JSON ({exc.msg} at column {exc.colno})",
                    raw=text.rstrip("\r\n"),
                )
                continue
            if not isinstance(obj, dict):
                yield self.reject(
                    origin,
                    E_NO_TEXT,
                    f"a JSON line must be an object, not {_JSON_KINDS.get(type(obj), type(obj).__name__)}",
                    raw=text.rstrip("\r\n"),
                )
                continue
            yield self.record(origin, "jsonl", obj, notes)
        if fallbacks:
            log.warning("%s: %d line(s) not valid UTF-8: read as cp1252", name, fallbacks)

    def csv(self, name: str, lines: Iterable[bytes | Spilled]) -> Iterator[RawRecord | Rejection]:
        """Rows of a CSV file (header first), each a record at ``name:line``.

        A malformed row is rejected alone: the csv module reads strictly, and a row it reads over several
        lines that is malformed or has the wrong number of cells (an unterminated quote swallowing the
        rows after it) is rejected as its first line, the lines after it read again as rows.
        """
        # Fields of whole articles are long: the csv module's default limit (128 KiB) would refuse them.
        csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
        tape = _Tape(self._csv_lines(name, lines), max_chars=self.line_bytes)
        reader = csv.reader(tape, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield self.reject(name, E_EMPTY, "empty CSV file (no header)")
            return
        except (csv.Error, _RecordTooLong) as exc:
            yield self.reject(name, E_CSV_COLUMNS, f"cannot read the CSV header: {exc}")
            return
        yield from tape.flush()
        header = [h.strip() for h in header]
        if self.settings.text_field not in header:
            yield self.reject(
                name,
                E_CSV_COLUMNS,
                f"CSV has no {self.settings.text_field!r} column (columns: {', '.join(header)}); set text_field "
                "(EVENTWIRE_TEXT_FIELD) to the column holding the article text",
            )
            return
        while True:
            tape.start()
            error: Exception | None = None
            try:
                row: list[str] | None = next(reader)
            except StopIteration:
                yield from tape.flush()
                break
            except (csv.Error, _RecordTooLong) as exc:
                row, error = None, exc
            yield from tape.flush()
            taken = tape.taken
            if not taken:
                continue
            first_line, first_text = taken[0][0], taken[0][1]
            origin = f"{name}:{first_line}"
            if row is not None and (len(taken) == 1 or len(row) == len(header)):
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    log.warning("%s: %d cells for %d columns", origin, len(row), len(header))
                notes = _merged_notes(t[2] for t in taken)
                yield self.record(origin, "csv", dict(zip(header, row, strict=False)), notes)
                continue
            # A malformed row. Read over several lines, it is most likely an unterminated quote: only its
            # first line is rejected, and the lines after it are read again.
            why = str(error) if error is not None else f"{len(row or ())} cells for {len(header)} columns"
            if len(taken) > 1:
                why = (f"{why}; an unterminated quoted field runs over the {len(taken) - 1} line(s) after it: "
                       "only this line is rejected, the next ones are read again as rows")
            raw, note = kept_raw(first_text.rstrip("\r\n"), self.settings.max_article_chars)
            yield self.reject(origin, E_BAD_CSV, f"malformed CSV row: {why}{note}", raw=raw)
            tape.put_back(taken[1:])
            reader = csv.reader(tape, strict=True)

    def _csv_lines(self, name: str, lines: Iterable[bytes | Spilled]
                   ) -> Iterator[tuple[int, str, dict[str, str]] | Rejection]:
        """Decoded physical lines (number, text, notes); a line over the limit becomes its rejection."""
        fallbacks = 0
        for n, line in enumerate(lines, start=1):
            if isinstance(line, Spilled):
                yield self.spilled(f"{name}:{n}", "CSV line", line)
                continue
            if n == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            notes: dict[str, str] = {}
            if b"\x00" in line:
                nuls = line.count(b"\x00")
                line = line.replace(b"\x00", b"")
                notes["nul_removed"] = f"{nuls} NUL byte(s) removed"
                log.warning("%s:%d: %d NUL byte(s) removed", name, n, nuls)
            text, note = decode(line)
            if note:
                fallbacks += 1
                notes["encoding"] = note
            yield n, text, notes
        if fallbacks:
            log.warning("%s: %d line(s) not valid UTF-8: read as cp1252", name, fallbacks)


class _RecordTooLong(Exception):
    """A CSV record ran past the most characters one record may take (an unterminated quote, most likely)."""


class _Tape:
    """The physical lines a ``csv.reader`` reads, remembering those of the record being read (``taken``), so
    that a malformed record can be rejected as its first line and the rest put back to be read again.
    Rejections of over-long lines met on the way wait in ``pending`` for the caller to yield."""

    def __init__(self, source: Iterator[tuple[int, str, dict[str, str]] | Rejection], max_chars: int) -> None:
        self.source = source
        self.back: deque[tuple[int, str, dict[str, str]]] = deque()
        self.taken: list[tuple[int, str, dict[str, str]]] = []
        self.pending: list[Rejection] = []
        self.chars = 0
        self.max_chars = max_chars

    def __iter__(self) -> _Tape:
        return self

    def __next__(self) -> str:
        while True:
            item = self.back.popleft() if self.back else next(self.source)
            if isinstance(item, Rejection):
                self.pending.append(item)
                continue
            break
        self.taken.append(item)
        self.chars += len(item[1])
        if self.chars > self.max_chars and len(self.taken) > 1:
            raise _RecordTooLong(f"a record of over {self.max_chars:,} characters")
        return item[1]

    def start(self) -> None:
        self.taken = []
        self.chars = 0

    def put_back(self, items: list[tuple[int, str, dict[str, str]]]) -> None:
        self.back.extendleft(reversed(items))

    def flush(self) -> Iterator[Rejection]:
        pending, self.pending = self.pending, []
        yield from pending


def _merged_notes(notes: Iterable[dict[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for n in notes:
        for k, v in n.items():
            out.setdefault(k, v)
    return out


def _has_prose(text: str) -> bool:
    """Whether extracted HTML text holds at least one sentence of prose. trafilatura's fallback returns
    whatever text a page has — a menu, a list of links — and that is not an article."""
    return any(len(line.split()) >= 6 and line.rstrip()[-1:] in ".!?\"'”’)" for line in text.splitlines())


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


def _link_problem(entry: Path) -> str | None:
    """Why a symbolic link cannot be read (dangling, or a loop); None for a link that resolves."""
    if not entry.is_symlink():
        return None
    try:
        entry.resolve(strict=True)
    except FileNotFoundError:
        return f"a dangling symbolic link (to {os.readlink(entry)!r}, which does not exist)"
    except (RuntimeError, OSError):  # RuntimeError before Python 3.13, OSError (ELOOP) after
        return "a symbolic link that loops back on itself"
    return None


def _walk(directory: Path, seen: set[Path] | None = None, warn: bool = True) -> Iterator[Path]:
    """Files under ``directory`` in a deterministic (sorted) order, hidden files and folders skipped.
    A folder reached twice through symbolic links is read once (no endless loop); each dangling or looping
    link, and each link back to a folder already read, is named in a warning (unless ``warn`` is False)."""
    seen = set() if seen is None else seen
    real = directory.resolve()
    if real in seen:
        if warn:
            log.warning("skipping %s: a symbolic link to %s, a folder already read (a loop)", directory, real)
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        if warn:
            log.warning("cannot list %s: %s", directory, exc.strerror or exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if (problem := _link_problem(entry)) is not None:
            if warn:
                log.warning("skipping %s: %s", entry, problem)
            continue
        if entry.is_dir():
            yield from _walk(entry, seen, warn)
        elif entry.is_file():
            yield entry
        elif warn:
            log.warning("skipping %s: not a regular file (a device, socket or pipe)", entry)


def read_html_page(html: str, origin: str, settings: Settings) -> RawRecord | Rejection:
    """One HTML page read as ``ingest`` reads an ``.html`` file (main text by trafilatura, limits, dates):
    for pages fetched by ``eventwire watch``."""
    return _Reader(settings, None).html(origin, html, {})


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
        if (problem := _link_problem(path)) is not None:
            yield reader.reject(str(path), E_MISSING, f"cannot read {problem}")
        elif path.is_dir():
            found = 0
            for file in _walk(path):
                fmt, _ = _format_of(file.name)
                if fmt is None:
                    log.info("skipping %s: not a format eventwire reads (%s)", file, ", ".join(TEXT_SUFFIXES))
                    continue
                found += 1
                yield from _read_file(reader, file)
            if not found:
                yield reader.reject(
                    str(path), E_NO_INPUTS,
                    f"directory holds no file eventwire reads ({', '.join(sorted(TEXT_SUFFIXES))}, or .gz of them)",
                )
        elif path.exists():
            yield from _read_file(reader, path)
        else:
            yield reader.reject(str(path), E_MISSING, "no such file or directory")


def count_articles(paths: Sequence[str | Path], settings: Settings) -> int | None:
    """How many records :func:`read_inputs` will yield for ``paths``, where that is cheap to know (for a
    progress bar): one per text or HTML file, one per non-blank line of an uncompressed JSONL file. None
    when any input is stdin, a CSV file (rows may span lines) or a compressed corpus."""
    total = 0
    for given in paths:
        if str(given) == "-":
            return None
        path = Path(given)
        if path.is_dir():
            files = [f for f in _walk(path, warn=False) if _format_of(f.name)[0] is not None]
        else:
            files = [path]
        for file in files:
            fmt, gz = _format_of(file.name)
            if fmt in ("jsonl", "csv"):
                if gz or fmt == "csv":
                    return None
                try:
                    total += _count_lines(file)
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines of a file, read in chunks (a line of any length costs no memory)."""
    n = 0
    content = False
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            parts = chunk.split(b"\n")
            for i, part in enumerate(parts):
                content = content or bool(part.strip())
                if i < len(parts) - 1:
                    n += content
                    content = False
    return n + content


def _open(path: Path, gz: bool) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if gz else path.open("rb")


def _read_file(reader: _Reader, path: Path) -> Iterator[RawRecord | Rejection]:
    name = str(path)
    fmt, gz = _format_of(path.name)
    fmt = fmt or "txt"  # a file named explicitly is read as text whatever its suffix
    try:
        with _open(path, gz) as stream:
            yield from _read_opened(reader, name, fmt, stream, stream.read(HEAD_BYTES))
    except _READ_ERRORS as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        kind = " (a truncated or corrupted gzip file)" if gz else ""
        yield reader.reject(name, E_UNREADABLE, f"cannot read file{kind}: {why}")


def _read_opened(reader: _Reader, name: str, fmt: str, stream: IO[bytes], head: bytes
                 ) -> Iterator[RawRecord | Rejection]:
    """Read an opened input whose first :data:`HEAD_BYTES` are ``head``, with bounded memory."""
    if is_binary(head):
        yield reader.reject(name, E_BINARY, "binary file, not text (NUL bytes or a binary file signature)")
        return
    if len(head) < HEAD_BYTES and not head.strip():
        yield reader.reject(name, E_EMPTY, "empty input (no text)", raw=head.decode("latin-1"))
        return
    if fmt in ("jsonl", "csv"):
        lines = _bounded_lines(io.BufferedReader(_Prefixed(head, stream), 1 << 16), reader.line_bytes)
        yield from (reader.jsonl if fmt == "jsonl" else reader.csv)(name, lines)
        return
    limit = reader.document_bytes * (HTML_MARKUP_FACTOR if fmt == "html" else 1)
    data = _read_up_to(stream, head, limit + 1)
    if len(data) > limit:
        yield reader.spilled(name, "input", spill(data, stream))
        return
    yield from reader.document(name, fmt, data)


def _read_up_to(stream: IO[bytes], head: bytes, most: int) -> bytes:
    """``head`` and what follows in ``stream``, up to ``most`` bytes in all, read in chunks (one
    ``read(most)`` would allocate ``most`` bytes however small the file)."""
    parts = [head]
    size = len(head)
    while size < most:
        chunk = stream.read(min(1 << 20, most - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


class _Prefixed(io.RawIOBase):
    """``head`` then the rest of ``stream``, as one raw stream (``head`` was read to sniff it)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head = memoryview(head)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | Spilled]:
    """The lines of ``stream``; a line over ``max_bytes`` is streamed through a hash and yielded as
    :class:`Spilled` (its first bytes, size and hash), never held whole."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes:
            yield spill(line, stream, until_newline=True)
        else:
            yield line


def _read_stream(reader: _Reader, stream: IO[bytes]) -> Iterator[RawRecord | Rejection]:
    try:
        head = stream.read(HEAD_BYTES)
        if not head.strip():
            yield reader.reject(STDIN, E_EMPTY, "empty input (no text)")
            return
        yield from _read_opened(reader, STDIN, _sniff(head), stream, head)
    except _READ_ERRORS as exc:
        yield reader.reject(STDIN, E_UNREADABLE, f"cannot read standard input: {exc}")
