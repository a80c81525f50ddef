"""The one content-hash helper every id comes from (same input, same id)."""

from __future__ import annotations

import hashlib


def content_hash(*parts: object, length: int = 16) -> str:
    """A stable hex id from ``parts`` (joined with a separator no text contains)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]
