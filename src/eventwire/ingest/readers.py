"""Readers of each input kind: plain text, HTML, JSON Lines, CSV; files, directories, ``.gz``, stdin."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, cast

from ..config import Settings
from ..errors import InputError
from ..models import RawRecord, Rejection
from .dates import find_dateline, parse_published
from .decoding import decode, is_binary

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
            origin,
            E_TOO_LONG,
            f"article is {len(text):,} characters, over the limit of {limit:,}; raise max_article_chars "
            "(EVENTWIRE_MAX_ARTICLE_CHARS or the config file) to read it",
            raw=text,
        )

    def dated(
        self, text: str, record_date: date | None, record_source: str
    ) -> tuple[date | None, str | None]:
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
            yield self.reject(
                origin, E_BINARY, "binary file, not text (NUL bytes or a binary file signature)"
            )
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
        from ..clean import title_of  # at call time: clean imports this package (SEPARATORS)

        published, source = self.dated(text, None, "record")
        yield RawRecord(
            origin=origin,
            text=text,
            title=title_of(text),
            published=published,
            published_source=source,
            format="txt",
            metadata=metadata,
        )

    def html(self, origin: str, source: str, metadata: dict[str, str]) -> RawRecord | Rejection:
        # An HTML page carries markup; the limit applies to the extracted text, but a page many times
        # over the limit is refused before the (slow) extraction.
        if len(source) > 5 * self.settings.max_article_chars:
            return self.reject(
                origin,
                E_TOO_LONG,
                f"HTML page is {len(source):,} characters, over 5 × max_article_chars "
                f"({self.settings.max_article_chars:,}); raise max_article_chars to read it",
                raw=source,
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
            return self.reject(
                origin, E_HTML_EMPTY, "HTML page has no main text (trafilatura found no article)", raw=source
            )
        if (rejection := self.too_long(origin, text)) is not None:
            return rejection
        html_date: date | None = None
        if doc.get("date"):
            try:
                html_date = parse_published(str(doc["date"]), origin=f"{origin} (HTML metadata)")
            except InputError:
                log.warning("%s: HTML date %r not understood; ignored", origin, doc["date"])
        published, psource = self.dated(text, html_date, "html")

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
            metadata=metadata,
        )

    # -- corpora
    def record(
        self, origin: str, fmt: str, fields: dict[str, Any], note: str | None
    ) -> RawRecord | Rejection:
        s = self.settings
        raw_text = fields.get(s.text_field)
        if raw_text is None or not str(raw_text).strip():
            keys = ", ".join(sorted(map(str, fields))[:12])
            problem = (
                f"no text in field {s.text_field!r}"
                if s.text_field in fields
                else f"record has no field {s.text_field!r} (fields: {keys}); set text_field "
                "(EVENTWIRE_TEXT_FIELD) to the field holding the article text"
            )
            return self.reject(
                origin,
                E_NO_TEXT if s.text_field not in fields else E_EMPTY,
                problem,
                raw=json.dumps(fields, ensure_ascii=False, default=str),
            )
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
                log.warning(
                    "%s: date %r in field %r not understood; ignored", origin, value, s.published_field
                )
                metadata["published_unparsed"] = str(value)
        published, psource = self.dated(text, record_date, "record")

        def opt(name: str) -> str | None:
            v = fields.get(name)
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

    def jsonl(self, name: str, lines: Iterable[bytes]) -> Iterator[RawRecord | Rejection]:
        fallbacks = 0
        for number, line in enumerate(lines, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
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
                    f"a JSON line must be an object, not {type(obj).__name__}",
                    raw=text.rstrip("\r\n"),
                )
                continue
            yield self.record(origin, "jsonl", obj, note)
        if fallbacks:
            log.warning("%s: %d line(s) not valid UTF-8: read as cp1252", name, fallbacks)

    def csv(self, name: str, lines: Iterable[bytes]) -> Iterator[RawRecord | Rejection]:
        # Fields of whole articles are long: the csv module's default limit (128 KiB) would refuse them.
        csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
        notes: dict[int, str] = {}  # line number → encoding note, for the (rare) lines not in UTF-8
        fallbacks = 0

        def decoded() -> Iterator[str]:
            for n, line in enumerate(lines, start=1):
                if n == 1 and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8) :]
                text, note = decode(line)
                if note:
                    nonlocal fallbacks
                    fallbacks += 1
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
                name,
                E_CSV_COLUMNS,
                f"CSV has no {self.settings.text_field!r} column (columns: {', '.join(header)}); set text_field "
                "(EVENTWIRE_TEXT_FIELD) to the column holding the article text",
            )
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
            yield self.record(
                origin, "csv", dict(zip(header, row, strict=False)), found[0] if found else None
            )
        if fallbacks:
            log.warning("%s: %d line(s) not valid UTF-8: read as cp1252", name, fallbacks)


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


def _walk(directory: Path, seen: set[Path] | None = None) -> Iterator[Path]:
    """Files under ``directory`` in a deterministic (sorted) order, hidden files and folders skipped.
    A folder reached twice through symbolic links is read once (no endless loop)."""
    seen = set() if seen is None else seen
    real = directory.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        log.warning("cannot list %s: %s", directory, exc.strerror or exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
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


def _open(path: Path, gz: bool) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if gz else path.open("rb")


def _read_file(reader: _Reader, path: Path) -> Iterator[RawRecord | Rejection]:
    name = str(path)
    fmt, gz = _format_of(path.name)
    fmt = fmt or "txt"  # a file named explicitly is read as text whatever its suffix
    try:
        with _open(path, gz) as stream:
            if fmt in ("jsonl", "csv"):
                read: Callable[[str, Iterable[bytes]], Iterator[RawRecord | Rejection]] = (
                    reader.jsonl if fmt == "jsonl" else reader.csv
                )
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
