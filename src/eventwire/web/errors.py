"""HTTP errors as JSON: ``{"error": {"code": "E…", "message": "…"}}`` with the status each code means.

Codes of our own (E600–E609): E600 a bad request (query or body), E601 no bearer token, E602 a wrong
token, E603 writing disabled (the server was started without a token), E604 not found, E605 a request
body too large to be an article, E606 an unexpected server error (its traceback is in the server's log).

Library errors keep their own codes. What the client got wrong is a 4xx: a bad filter (E312) or a bad
input such as a date (E1xx) is a 400, an id already stored with other content (E311) a 409. Any other
store error is a 503 whose body names the code but not the database (no URL, no file path: those are in
the server's log).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError, InputError, StoreError

log = logging.getLogger(__name__)

E_BAD_REQUEST = "E600"
E_NO_TOKEN = "E601"
E_BAD_TOKEN = "E602"
E_WRITE_DISABLED = "E603"
E_NOT_FOUND = "E604"
E_TOO_LARGE = "E605"
E_INTERNAL = "E606"

_STORE_CLIENT_ERRORS = {"E312": 400, "E311": 409}


class WebError(EventwireError):
    """An HTTP-level error: ``status`` is the HTTP status code it is answered with."""

    code = E_BAD_REQUEST

    def __init__(self, status: int, message: str, *, code: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.headers = headers


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def json_error(status: int, code: str, message: str, headers: dict[str, str] | None = None,
          **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def status_of(exc: EventwireError) -> int:
    """The HTTP status a library error is answered with."""
    if isinstance(exc, WebError):
        return exc.status
    if isinstance(exc, StoreError):
        # The caller's mistakes are 4xx; anything else means the database is not usable now.
        return _STORE_CLIENT_ERRORS.get(exc.code, 503)
    if isinstance(exc, InputError):
        return 400
    return 500


def public_message(exc: EventwireError, status: int) -> str:
    """What a response may say of ``exc``: a store outage is named by its code only (its message holds the
    database URL or file path, which are for the server's log)."""
    if status == 503:
        return (f"the store is not available now ({exc.code}); try again later. The server's log has the "
                "details")
    return exc.message


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EventwireError)
    async def _eventwire(_request: Request, exc: EventwireError) -> JSONResponse:
        status = status_of(exc)
        if status >= 500:
            log.warning("HTTP %d: %s", status, exc)
        headers = exc.headers if isinstance(exc, WebError) else None
        return json_error(status, exc.code, public_message(exc, status), headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug, not the client's doing: a JSON 500 with no detail (the traceback is in the log).
        log.error("HTTP 500 on %s %s", request.method, request.url.path, exc_info=exc)
        return json_error(500, E_INTERNAL, "internal error: the server's log has the details")

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "problem": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        first = problems[0] if problems else {"where": "request", "problem": "invalid"}
        return json_error(400, E_BAD_REQUEST, f"{first['where']}: {first['problem']}", problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = E_NOT_FOUND if exc.status_code == 404 else E_BAD_REQUEST
        return json_error(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))
