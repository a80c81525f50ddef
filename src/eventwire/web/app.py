"""The FastAPI app: JSON API under ``/api``, the web UI at ``/`` and ``/articles/{id}``, static files.

Every response carries a strict Content-Security-Policy (scripts, styles and data only from this
origin; no inline script, no plug-ins, no framing): article text is hostile input, and the UI builds its
DOM with ``textContent`` so that no stored text is ever parsed as markup. Nothing is loaded from elsewhere:
FastAPI's own docs pages load Swagger UI from a CDN, so they are off, and ``/docs`` is our page, which
reads the schema at ``/openapi.json`` and works offline. The map's country outlines (Natural Earth,
``data/world/``) are served at ``/data/world.json``.

Pages: ``/`` (timeline, map, network, event table, downloads), ``/events/{id}`` (one event and its
cluster's sources), ``/articles/{id}`` (the article with the event highlighted), ``/docs`` (the API).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ..config import Settings
from .context import WebContext
from .errors import install_error_handlers
from .guard import RequestGuard
from .routes_read import router as read_router
from .routes_write import router as write_router

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
BYTES_PER_CHAR = 8
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _version() -> str:
    try:
        return version("eventwire")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0"


def world_outlines() -> Path:
    """The country outlines of the map (Natural Earth 1:50m, see ``data/world/README.md``)."""
    return Path(str(files("eventwire") / "data" / "world" / "countries-50m.json"))


def static_dir() -> Path:
    return Path(str(files("eventwire") / "web" / "static"))


def create_app(database_url: str, token: str | None = None, *, settings: Settings | None = None,
               pipeline: Any = None) -> FastAPI:
    """The app for the store at ``database_url``. ``token`` enables ``POST /api/articles`` (none: writing
    answers 403). ``settings`` and an already built ``pipeline`` may be passed in; otherwise the
    pipeline is built on the first write, once."""
    ctx = WebContext(database_url, token or None, settings=settings, pipeline=pipeline)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()

    app = FastAPI(
        title="eventwire",
        version=_version(),
        description="Who did what to whom, when, where, according to whom — every event traced to its "
        "sentence. Read endpoints are open; writing needs `Authorization: Bearer <token>`.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = ctx
    install_error_handlers(app)
    app.include_router(read_router)
    app.include_router(write_router)

    # The token before any byte of the body; the body counted while it streams in, refused past the limit
    # (JSON escapes and UTF-8 cost at most a few bytes per character of text); security headers on all.
    app.add_middleware(RequestGuard, token=lambda: ctx.token,
                       limit=lambda: ctx.settings.max_article_chars * BYTES_PER_CHAR, headers=SECURITY_HEADERS)

    pages = static_dir()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(pages / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    def article_page(article_id: str) -> FileResponse:
        # One static page; its script reads the id from the address and fetches /api/articles/{id}.
        return FileResponse(pages / "article.html", media_type="text/html; charset=utf-8")

    @app.get("/events/{event_id:path}", include_in_schema=False)
    def event_page(event_id: str) -> FileResponse:
        return FileResponse(pages / "event.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> FileResponse:
        return FileResponse(pages / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/data/world.json", include_in_schema=False)
    def world() -> FileResponse:
        return FileResponse(world_outlines(), media_type="application/json",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=pages), name="static")
    return app
