"""`sitrep serve` as a user runs it: a real process, its errors, its --help."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from web_support import ServerThread, free_port, wait_until_up

from support import invoke


def _sitrep() -> list[str]:
    beside = Path(sys.executable).parent / "sitrep"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "sitrep.cli"]


def test_serve_runs_the_map_and_the_api(web_db: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([*_sitrep(), "serve", "--db", str(web_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, 30)
        page = httpx.get(f"{url}/", timeout=5)
        assert page.status_code == 200
        assert '<script src="/vendor/leaflet/leaflet.js">' in page.text
        for asset in ("/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css",
                      "/vendor/topojson-client/topojson-client.min.js",
                      "/vendor/world-atlas/countries-50m.json", "/static/app.js",
                      "/static/app.css"):
            assert httpx.get(f"{url}{asset}", timeout=5).status_code == 200, asset
        assert httpx.get(f"{url}/api/events", timeout=5).json()["total"] > 0
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"Serving {web_db} at http://127.0.0.1:{port}/" in err


def test_serve_needs_an_existing_database(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    result = invoke(["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert f"{missing} does not exist" in result.stderr
    assert not missing.exists()
    assert invoke(["serve"]).exit_code == 2  # --db is required


def test_serve_says_when_the_port_is_taken(web_db: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke(["serve", "--db", str(web_db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "choose another --port" in result.stderr


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    result = invoke(["serve", "--db", str(notes)])
    assert result.exit_code == 1
    assert "is not an SQLite database" in result.stderr


def test_serve_says_how_to_install_missing_map_files(web_db: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_WEB_ASSETS", str(tmp_path / "empty"))
    result = invoke(["serve", "--db", str(web_db)])
    assert result.exit_code == 1
    assert "make setup" in result.stderr
    assert "leaflet/dist/leaflet.js" in result.stderr


def test_the_map_page_explains_missing_files(web_db: Path, tmp_path: Path) -> None:
    from sitrep.web.app import create_app

    with ServerThread(create_app(web_db, assets=tmp_path)) as server:
        page = httpx.get(f"{server.url}/", timeout=5)
        assert page.status_code == 503
        assert "make setup" in page.text
        assert httpx.get(f"{server.url}/api/meta", timeout=5).status_code == 200


def test_the_installed_libraries_are_the_locked_ones() -> None:
    import json

    from sitrep.web.assets import HERE, node_modules

    lock = json.loads((HERE / "package-lock.json").read_text())
    for name in ("leaflet", "topojson-client", "world-atlas"):
        installed = json.loads((node_modules() / name / "package.json").read_text())
        assert installed["version"] == lock["packages"][f"node_modules/{name}"]["version"]
