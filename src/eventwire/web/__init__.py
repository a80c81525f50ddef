"""The HTTP API and web UI (FastAPI): read endpoints open, the write endpoint behind a bearer token.

    from eventwire.web import create_app
    app = create_app("eventwire.db", token="s3cret")   # any ASGI server; or `eventwire serve`
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
