"""The write endpoint: POST an article, the real pipeline analyses it, the store keeps it.

Behind a bearer token (``Authorization: Bearer <token>``): 401 without it or with a wrong one, 403 for
everyone when the server was started without a token (writing disabled). The token is checked before
the body is read (:mod:`.guard`), and again here.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import error_body
from .guard import token_problem
from .routes_read import Context
from .schemas import ArticleIn, IngestOut

router = APIRouter(prefix="/api", tags=["write"])

_bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token).")


def require_token(ctx: Context, request: Request,
                  _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    # ``_credentials`` declares the scheme in the OpenAPI schema; the header is read by token_problem.
    problem = token_problem(ctx.token, request.headers.get("authorization"))
    if problem is not None:
        raise problem


@router.post(
    "/articles",
    summary="Analyse and store an article",
    dependencies=[Depends(require_token)],
    response_model=IngestOut,
    status_code=201,
    responses={200: {"description": "The same content was already stored (nothing changed)."},
               401: {"description": "No or wrong bearer token."},
               403: {"description": "Writing disabled (no token configured)."},
               400: {"description": "A bad request: not the JSON this endpoint takes, a bad date (E109)."},
               409: {"description": "Another article is stored with this id (E311; recorded among the "
                                    "rejections)."},
               413: {"description": "The body is larger than any article can be (E605)."},
               422: {"description": "The article was rejected (recorded among the rejections)."}},
)
def post_article(ctx: Context, body: ArticleIn, response: Response) -> Any:
    result = ctx.ingest(body.text, title=body.title, published=body.published, url=body.url,
                        source=body.source, record_id=body.id)
    if result.rejection is not None:
        r = result.rejection
        return JSONResponse(error_body(r.code, r.reason, stage=r.stage), status_code=409 if r.code == "E311" else 422)
    if not result.stored:
        response.status_code = 200
    events = list(ctx.store().events(article_id=result.article_id)) if result.article_id else []
    return {"id": result.article_id, "stored": result.stored, "events": events}
