"""The one content-hash helper every id comes from (same input, same id)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Rejection


def content_hash(*parts: object, length: int = 16) -> str:
    """A stable hex id from ``parts`` (joined with a separator no text contains)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def rejection_fingerprint(rejection: Rejection) -> str:
    """One failure of one input, whatever records it: the same stage, code, reason and raw text give the
    same fingerprint (the store keys rejections on origin + fingerprint, as the Parquet markers do)."""
    return content_hash(rejection.stage, rejection.code, rejection.reason, rejection.raw, length=32)
