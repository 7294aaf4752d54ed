"""The serve stage: a read-only REST API and a web map over a Sitrep store (`sitrep serve`).

`sitrep.web.app.create_app(db)` builds the FastAPI application; `sitrep.store.filters` reads
filter strings into an `EventQuery` for both the REST API and the command line; `assets.py`
finds the browser libraries that `make setup` installs with npm. Importing this package
imports neither FastAPI nor uvicorn.
"""
