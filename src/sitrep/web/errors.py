"""JSON errors of the REST API: ``{"error": message, "parameter": name or null}``.

A bad query parameter is a 400 that names it and says what it expects (FastAPI's own 422
validation answers are turned into the same shape), an unknown id or path a 404.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sitrep.store import StoreError


class ApiError(Exception):
    """An answer other than 200: status, message and the parameter at fault (if any)."""

    def __init__(self, status: int, message: str, parameter: str | None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def error_response(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "parameter": parameter}, status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(part) for part in first.get("loc", ())]
    param = loc[-1] if len(loc) > 1 else None
    given = first.get("input")
    text = str(first.get("msg", "invalid request"))
    if param is None:
        return text, None
    shown = f" (got {given!r})" if isinstance(given, str) else ""
    return f"{param}: {text[:1].lower()}{text[1:]}{shown}", param


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the JSON shape above."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, param = _validation_message(exc)
        return error_response(400, message, param)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        missing = exc.status_code == 404
        message = f"not found: {request.url.path}" if missing else str(exc.detail)
        return error_response(exc.status_code, message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, f"the store cannot be read: {exc}")
