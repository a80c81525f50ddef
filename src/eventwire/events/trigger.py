"""A trigger being coded: its token, reading, current code and arguments (mutable while coding)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .arguments import Found
from .lexicon import Reading

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class Trigger:
    """One trigger token while the coder works on it."""

    tok: Token
    kind: str
    reading: Reading
    cameo: str
    reverse: str | None = None
    note: str = ""
    source: Found | None = None
    target: Found | None = None
    absorbed: bool = False
