"""The write endpoint: POST an article, the real pipeline analyses it, the store keeps it.

Behind a bearer token (``Authorization: Bearer <token>``): 401 without it or with a wrong one, 403 for
everyone when the server was started without a token (writing disabled).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import E_BAD_TOKEN, E_NO_TOKEN, E_WRITE_DISABLED, WebError, error_body
from .routes_read import Context
from .schemas import ArticleIn, IngestOut

router = APIRouter(prefix="/api", tags=["write"])

_bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token).")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def require_token(ctx: Context,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    if ctx.token is None:
        raise WebError(403, "writing is disabled: start the server with a token (eventwire serve --token …)",
                       code=E_WRITE_DISABLED)
    if credentials is None:
        raise WebError(401, "send the header 'Authorization: Bearer <token>'", code=E_NO_TOKEN,
                       headers=_CHALLENGE)
    # Constant-time comparison: the time taken says nothing about how much of a guess was right.
    if not secrets.compare_digest(credentials.credentials.encode(), ctx.token.encode()):
        raise WebError(401, "wrong token", code=E_BAD_TOKEN, headers=_CHALLENGE)


@router.post(
    "/articles",
    summary="Analyse and store an article",
    dependencies=[Depends(require_token)],
    response_model=IngestOut,
    status_code=201,
    responses={200: {"description": "The same content was already stored (nothing changed)."},
               401: {"description": "No or wrong bearer token."},
               403: {"description": "Writing disabled (no token configured)."},
               422: {"description": "The article was rejected (recorded among the rejections)."}},
)
def post_article(ctx: Context, body: ArticleIn, response: Response) -> Any:
    result = ctx.ingest(body.text, title=body.title, published=body.published, url=body.url,
                        source=body.source, record_id=body.id)
    if result.rejection is not None:
        r = result.rejection
        return JSONResponse(error_body(r.code, r.reason, stage=r.stage), status_code=422)
    if not result.stored:
        response.status_code = 200
    events = list(ctx.store().events(article_id=result.article_id)) if result.article_id else []
    return {"id": result.article_id, "stored": result.stored, "events": events}
