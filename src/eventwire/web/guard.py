"""The request guard (ASGI middleware): the bearer token is checked before any byte of a write request's
body is read, and every body is read with its size counted, refused (413) as soon as it passes the limit —
whether it declared a ``Content-Length`` or came chunked (issue 12: a chunked 510 MB POST with no token was
read whole before its 401, taking the server to 1.76 GB). It also puts the security headers on every
response.

A body within the limit is read here, then handed to the app unchanged; what a client keeps sending after a
refusal is discarded by the server, never held.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import E_BAD_TOKEN, E_NO_TOKEN, E_TOO_LARGE, E_WRITE_DISABLED, WebError, json_error

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Routes behind the token: (method, path).
WRITE_ROUTES = frozenset({("POST", "/api/articles")})
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def token_problem(expected: str | None, authorization: str | None) -> WebError | None:
    """Why a request may not write (403 writing disabled, 401 no or wrong token); None when it may."""
    if expected is None:
        return WebError(403, "writing is disabled: start the server with a token (eventwire serve --token …)",
                        code=E_WRITE_DISABLED)
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    credentials = credentials.strip()
    if scheme.lower() != "bearer" or not credentials:
        return WebError(401, "send the header 'Authorization: Bearer <token>'", code=E_NO_TOKEN, headers=CHALLENGE)
    # Constant-time comparison: the time taken says nothing about how much of a guess was right.
    if not secrets.compare_digest(credentials.encode(), expected.encode()):
        return WebError(401, "wrong token", code=E_BAD_TOKEN, headers=CHALLENGE)
    return None


class RequestGuard:
    """ASGI middleware around the app; ``token()`` and ``limit()`` are read per request (the settings of a
    context are loaded lazily)."""

    def __init__(self, app: ASGIApp, *, token: Callable[[], str | None], limit: Callable[[], int],
                 headers: dict[str, str]) -> None:
        self.app = app
        self.token = token
        self.limit = limit
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        if (scope["method"], scope["path"].rstrip("/") or "/") in WRITE_ROUTES:
            problem = token_problem(self.token(), headers.get("authorization"))
            if problem is not None:
                await self._answer(scope, receive, send, problem.status, problem.code, problem.message,
                                   problem.headers)
                return
        if "content-length" not in headers and "transfer-encoding" not in headers:
            await self.app(scope, receive, send)
            return
        limit = self.limit()
        try:
            declared: int | None = int(headers["content-length"]) if "content-length" in headers else None
        except ValueError:
            declared = None
        if declared is not None and declared > limit:
            await self._too_large(scope, receive, send, f"request body of {declared:,} bytes", limit)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left: nothing to answer
            body.extend(message.get("body", b""))
            if len(body) > limit:
                await self._too_large(scope, receive, send, "request body (sent in chunks)", limit)
                return
            if not message.get("more_body", False):
                break
        given = False

        async def replay() -> Message:
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _with_headers(self, send: Send) -> Send:
        extra = self.headers

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", ())}
                message["headers"] = [*message.get("headers", ()), *((k, v) for k, v in extra if k not in have)]
            await send(message)

        return sending

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, what: str, limit: int) -> None:
        await self._answer(scope, receive, send, 413, E_TOO_LARGE,
                           f"{what} is over the limit of {limit:,} bytes (max_article_chars)")

    @staticmethod
    async def _answer(scope: Scope, receive: Receive, send: Send, status: int, code: str, message: str,
                      headers: dict[str, str] | None = None) -> None:
        # Connection: close — the rest of an unread body is not worth reading for a next request.
        response = json_error(status, code, message, {**(headers or {}), "Connection": "close"})
        await response(scope, receive, send)
