"""Inputs over the size limit: what a rejection keeps of them, and reading without holding them whole.

An input longer than ``max_article_chars`` is rejected (E104), never stored whole: a rejection keeps its
first :data:`RAW_KEEP_CHARS` characters, and its reason says where it came from, its size and its SHA-256,
so that the input can be found and checked again (issue 12: a 100 MB body once grew the database by
105 MB). Inputs far beyond the limit (a gzip bomb, a 20 MB line) are never read into memory whole: the
rest is streamed through the hash and counted.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from typing import IO

RAW_KEEP_CHARS = 1 << 20  # the first MiB of an oversized input is kept with its rejection
RAW_KEEP_BYTES = 4 * RAW_KEEP_CHARS
CHUNK = 1 << 20
# Bytes per character of text at most: UTF-8 takes up to 4; a JSON line escapes a character in up to 6
# ("\u00e9") and carries other fields.
TEXT_BYTES_PER_CHAR = 4
LINE_BYTES_PER_CHAR = 8


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def kept_raw(text: str, limit: int) -> tuple[str, str]:
    """The raw text a rejection keeps of ``text`` and what its reason adds: ``text`` itself when it is
    within ``limit`` characters; else its first :data:`RAW_KEEP_CHARS` characters, with its size and hash."""
    if len(text) <= limit:
        return text, ""
    keep = min(len(text), RAW_KEEP_CHARS)
    return text[:keep], (f" (input of {len(text):,} characters, sha256 {sha256_of(text)}; only its first "
                         f"{keep:,} characters are kept)")


@dataclass(frozen=True, slots=True)
class Spilled:
    """An input (or one line of a corpus) read past its limit: its first bytes, its size and its SHA-256.
    The rest was streamed through the hash, never held."""

    head: bytes
    size: int
    sha256: str

    def text(self) -> str:
        """The first bytes as text (a character cut at the end is dropped; invalid UTF-8 read as latin-1)."""
        head = self.head[:RAW_KEEP_BYTES]
        try:
            text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            text = head.decode("latin-1")
        return text[:RAW_KEEP_CHARS]

    def note(self) -> str:
        return (f" (input of {self.size:,} bytes, sha256 {self.sha256}; only its first "
                f"{len(self.text()):,} characters are kept)")


def spill(read: bytes, stream: IO[bytes], until_newline: bool = False) -> Spilled:
    """Hash and count ``read`` and the rest of ``stream`` (to the end of the line with ``until_newline``),
    holding no more than a chunk at a time."""
    digest = hashlib.sha256(read)
    size = len(read)
    head = read[:RAW_KEEP_BYTES]
    done = until_newline and read.endswith(b"\n")
    while not done:
        chunk = stream.readline(CHUNK) if until_newline else stream.read(CHUNK)
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
        if len(head) < RAW_KEEP_BYTES:
            head += chunk[: RAW_KEEP_BYTES - len(head)]
        done = until_newline and chunk.endswith(b"\n")
    return Spilled(head, size, digest.hexdigest())
