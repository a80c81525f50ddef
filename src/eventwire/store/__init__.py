"""The event store (SQLite by default, PostgreSQL through a URL): see :class:`Store`."""

from __future__ import annotations

from ..errors import StoreError
from .migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from .store import Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "Store", "StoreError"]
