"""``eventwire serve``: the HTTP API and web UI on uvicorn."""

from __future__ import annotations

import logging

from .app import create_app

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def serve(host: str, port: int, database_url: str, token: str | None) -> None:
    """Serve the store at ``database_url`` on ``host:port`` until interrupted. Without ``token`` the API
    is read-only (writes answer 403). Binding beyond localhost exposes the read endpoints to the network."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: the read endpoints are open to anyone who can reach it", host)
    app = create_app(database_url, token)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
