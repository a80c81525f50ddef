"""Bytes to text: binary detection and decoding that never loses a byte."""

from __future__ import annotations

import codecs

FALLBACK_NOTE = "cp1252 (fallback: invalid UTF-8)"
LATIN1_NOTE = "latin-1 (fallback: invalid UTF-8)"

# Magic numbers of the binary formats most often renamed or dropped by mistake into a text corpus.
_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"II*\x00", b"MM\x00*", b"OggS", b"ID3", b"RIFF",
    b"\x00\x00\x01\x00", b"SQLite format 3",
)  # fmt: skip


# Share of NUL bytes in the first 8 KB above which data is binary (or UTF-16 without a BOM), not text
# with a stray NUL: a NUL or two in a text file is stripped with a note (:func:`strip_nul`), never a
# reason to refuse the whole file (issue 12).
BINARY_NUL_SHARE = 0.05


def is_binary(head: bytes) -> bool:
    """True for data that is not text: a known magic number, or NUL bytes making up more than
    :data:`BINARY_NUL_SHARE` of the first 8 KB (UTF-16 BOM excepted)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = head[:8192]
    return head.startswith(_MAGIC) or sample.count(b"\x00") > BINARY_NUL_SHARE * len(sample)


def strip_nul(text: str) -> tuple[str, int]:
    """``text`` without NUL characters, and how many there were (a stray NUL is no part of any text)."""
    n = text.count("\x00")
    return (text.replace("\x00", ""), n) if n else (text, 0)


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes → text and a note when it was not UTF-8. Never loses a byte: invalid UTF-8 is read as
    cp1252 (what such files nearly always are), and as latin-1 where cp1252 leaves a byte undefined."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
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
