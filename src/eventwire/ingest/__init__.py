"""Read articles from files, directories, ``.gz`` archives and stdin into :class:`RawRecord` s.

Formats: plain text (the seed's layout: title, standfirst, a ``-`` line, body), HTML (main text via
``trafilatura``), JSON Lines and CSV corpora (field names from :class:`Settings`). Everything streams:
corpora are read line by line, so memory stays flat on endless input. A bad input never stops the
run: it becomes a :class:`Rejection` (stage ``ingest``, a code E1xx, a reason naming the file) and the
next input is read. Nothing is lost: what could be decoded is kept in ``Rejection.raw``.

Modules: :mod:`.readers` (formats, files, stdin), :mod:`.decoding` (bytes to text),
:mod:`.dates` (publication dates and datelines). Error codes (E100–E149):

==== =====================================================================
E101 path does not exist (or is a dangling or looping symbolic link)
E102 empty or whitespace-only input
E103 binary file, not text
E104 article longer than ``max_article_chars`` (the rejection keeps its first MiB, size and SHA-256)
E105 malformed JSON line
E106 a JSONL/CSV record without usable text (wrong field name, not an object, text not a string)
E107 CSV without the text column
E108 HTML with no main text
E109 unparseable date, or one outside the years 1800–2100 (``--published`` or a record's date field)
E110 unreadable file (permissions, truncated or corrupted gzip, I/O error)
E111 malformed CSV row (an unterminated quote: that row alone, the rows after it read again)
E112 no text left after cleaning (raised by :mod:`eventwire.clean`)
E113 a directory with no file in a format eventwire reads
E114 not text or not prose: control characters, or mostly not letters (raised by :mod:`eventwire.clean`)
E115 not English: another script or language (raised by :mod:`eventwire.clean`; :mod:`.language`)
==== =====================================================================

A NUL byte in a text file or in one JSONL/CSV line is removed with a note in the record's metadata
(``nul_removed``); data with many NUL bytes is binary (E103).
"""

from __future__ import annotations

from .dates import (
    E_BAD_DATE,
    EARLIEST_PUBLISHED,
    LATEST_PUBLISHED,
    SEPARATORS,
    dateline_of,
    find_dateline,
    parse_published,
)
from .decoding import FALLBACK_NOTE, LATIN1_NOTE, decode, is_binary
from .language import Reading, read_language
from .limits import RAW_KEEP_CHARS, kept_raw
from .readers import (
    E_BAD_CSV,
    E_BAD_JSON,
    E_BINARY,
    E_CSV_COLUMNS,
    E_EMPTY,
    E_HTML_EMPTY,
    E_MISSING,
    E_NO_INPUTS,
    E_NO_TEXT,
    E_TOO_LONG,
    E_UNREADABLE,
    count_articles,
    read_html_page,
    read_inputs,
)

E_NOT_PROSE = "E114"
E_NOT_ENGLISH = "E115"

__all__ = [
    "EARLIEST_PUBLISHED", "E_BAD_CSV", "E_BAD_DATE", "E_BAD_JSON", "E_BINARY", "E_CSV_COLUMNS", "E_EMPTY",
    "E_HTML_EMPTY", "E_MISSING", "E_NOT_ENGLISH", "E_NOT_PROSE", "E_NO_INPUTS", "E_NO_TEXT", "E_TOO_LONG",
    "E_UNREADABLE", "FALLBACK_NOTE", "LATEST_PUBLISHED", "LATIN1_NOTE", "RAW_KEEP_CHARS", "SEPARATORS", "Reading",
    "count_articles", "dateline_of", "decode", "find_dateline", "is_binary", "kept_raw", "parse_published",
    "read_html_page", "read_inputs", "read_language",
]
