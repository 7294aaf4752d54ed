"""Where the web map's files are: the page written for Sitrep (``static/``) and the browser
libraries that `make setup` installs from the npm registry (``npm ci`` beside ``package.json``
here, into ``node_modules/``, which git ignores). Nothing is fetched at run time."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
ENV_VAR = "SITREP_WEB_ASSETS"

# URL prefix under /vendor/ -> folder inside node_modules; and the files the page loads.
VENDOR_DIRS: dict[str, str] = {
    "leaflet": "leaflet/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
}
REQUIRED: tuple[str, ...] = (
    "leaflet/dist/leaflet.js",
    "leaflet/dist/leaflet.css",
    "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-50m.json",
)
SETUP_HINT = "run `make setup` (it runs `npm ci` in src/sitrep/web/)"


def node_modules() -> Path:
    """The folder of the installed browser libraries: ``$SITREP_WEB_ASSETS`` when set (a
    ``node_modules`` folder), else ``src/sitrep/web/node_modules``."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else HERE / "node_modules"


def missing_assets(folder: Path | None = None) -> list[str]:
    """The library files the map needs that are not installed (empty when all are there)."""
    base = folder if folder is not None else node_modules()
    return [name for name in REQUIRED if not (base / name).is_file()]
