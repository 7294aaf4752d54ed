"""The web application: the REST API under /api, the map page at /, OpenAPI at /openapi.json.

FastAPI's /docs and /redoc pages load their scripts from a CDN, which cannot work offline, so
they are switched off; /openapi.json describes every route and parameter.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from sitrep.store import StoreError, is_postgres_url, open_store
from sitrep.web import errors
from sitrep.web.api import router
from sitrep.web.assets import SETUP_HINT, STATIC, VENDOR_DIRS, missing_assets, node_modules

MISSING_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Sitrep: map files missing</title></head><body>
<h1>The map's browser libraries are not installed</h1>
<p>To install them, {hint}. The REST API works without them: <a href="/api/meta">/api/meta</a>,
<a href="/api/events">/api/events</a>, <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>"""


def check_db(db: str | Path) -> None:
    """Refuse a database that does not exist or is not a Sitrep store (StoreError); an older
    SQLite file is upgraded here, once, since requests open it read-only."""
    if not is_postgres_url(str(db)):
        path = Path(db)
        if not path.exists():
            raise StoreError(f"{path} does not exist; give the database that `sitrep ingest` "
                             f"filled (e.g. `make demo` makes var/demo.sqlite)")
        if not path.is_file():
            raise StoreError(f"{path} is not a file; give the path of a Sitrep database")
    with open_store(db):
        pass


def create_app(db: str | Path, *, assets: Path | None = None) -> FastAPI:
    """The application serving the store at `db` (which must exist: StoreError otherwise).
    `assets` is the folder of the npm-installed libraries (default: `node_modules()`)."""
    check_db(db)
    vendor = assets if assets is not None else node_modules()
    app = FastAPI(
        title="Sitrep",
        summary="Read-only REST API over a Sitrep event store.",
        description="Events extracted from news reports of armed conflict (ACLED taxonomy), "
                    "with actors, place, date, casualties, attribution and evidence. "
                    "The filters mean what the options of `sitrep events` mean.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = db
    errors.install(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.include_router(router)
    missing = missing_assets(vendor)

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> Response:
        if missing:
            return HTMLResponse(MISSING_PAGE.format(hint=SETUP_HINT), status_code=503)
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for prefix, folder in VENDOR_DIRS.items():
        app.mount(f"/vendor/{prefix}", StaticFiles(directory=vendor / folder, check_dir=False),
                  name=f"vendor-{prefix}")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sitrep")
    except PackageNotFoundError:
        return "0"
