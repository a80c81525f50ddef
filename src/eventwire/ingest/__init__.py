"""Read articles from files, directories, ``.gz`` archives and stdin into :class:`RawRecord` s.

Formats: plain text (the seed's layout: title, standfirst, a ``-`` line, body), HTML (main text via
``trafilatura``), JSON Lines and CSV corpora (field names from :class:`Settings`). Everything streams:
corpora are read line by line, so memory stays flat on endless input. A bad input never stops the
run: it becomes a :class:`Rejection` (stage ``ingest``, a code E1xx, a reason naming the file) and the
next input is read. Nothing is lost: what could be decoded is kept in ``Rejection.raw``.

Modules: :mod:`.readers` (formats, files, stdin), :mod:`.decoding` (bytes to text),
:mod:`.dates` (publication dates and datelines). Error codes (E100–E149):

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
E112 no text left after cleaning (raised by :mod:`eventwire.clean`)
E113 a directory with no file in a format eventwire reads
==== =====================================================================
"""

from __future__ import annotations

from .dates import E_BAD_DATE, SEPARATORS, find_dateline, parse_published
from .decoding import FALLBACK_NOTE, LATIN1_NOTE, decode, is_binary
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
    read_inputs,
)

__all__ = [
    "E_BAD_CSV", "E_BAD_DATE", "E_BAD_JSON", "E_BINARY", "E_CSV_COLUMNS", "E_EMPTY", "E_HTML_EMPTY",
    "E_MISSING", "E_NO_INPUTS", "E_NO_TEXT", "E_TOO_LONG", "E_UNREADABLE", "FALLBACK_NOTE", "LATIN1_NOTE", "SEPARATORS",
    "decode", "find_dateline", "is_binary", "parse_published", "read_inputs",
]
