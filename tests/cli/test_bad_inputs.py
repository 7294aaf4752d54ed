"""Inputs that cannot be read: each is named on stderr with its reason, the rest goes on."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from cli_support import BY_ID, records, sitrep_command

from sitrep.store import open_store
from support import invoke

CP1252_BODY = ("Gunmen attacked the Caf\u00e9 Libert\u00e9 in Kaduna on Monday, killing five "
               "people, police said. The owner called it \u201cour darkest day\u201d.")

# file name -> the reason the read stage gives (None: read fine)
EXPECTED = {
    "empty.txt": "empty article",
    "photo.txt": "binary file (looks like PNG)",
    "cut.html": "HTML has no article text (truncated or not an article page)",
    "big.txt": "over the 2.0 KB limit; split it or raise --max-bytes",
    "notes.docq": "unknown format '.docq'",
    "mixed.jsonl:2": "invalid JSON",
}


def _bad_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text(BY_ID["saraqib-strike"].as_txt())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "cut.html").write_text("<!DOCTYPE html><html><head><title>Clashes in Khers")
    (folder / "big.txt").write_text(BY_ID["kherson-shelling"].as_txt() * 20)
    (folder / "notes.docq").write_text("Meeting notes: nothing to report.\n")
    (folder / "cafe.txt").write_bytes(
        f"Cafe attacked in Kaduna\nPublished: 2024-03-06\n\n{CP1252_BODY}\n".encode("cp1252"))
    (folder / "mixed.jsonl").write_text(
        json.dumps({"id": "jl-one", "published": "2023-09-08",
                    "text": BY_ID["kherson-shelling"].body}) + "\n"
        + '{"id": "jl-broken", "text": "Gunmen killed\n'
        + json.dumps({"id": "jl-three", "published": "2022-05-03",
                      "text": BY_ID["kirkuk-ied"].body}) + "\n")
    return folder


def _check_stderr(stderr: str, folder: Path) -> None:
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(EXPECTED), stderr
    for name, reason in EXPECTED.items():
        line = next((e for e in errors if e.startswith(f"error: {folder / name}: ")), None)
        assert line is not None, f"{name} not reported in:\n{stderr}"
        assert reason in line
    assert "cafe.txt" not in stderr
    assert "good.txt" not in stderr


def _body(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence sentences from the article body (the headline's set aside)."""
    return [s for s in event["evidence"]["sentences"] if s["part"] == "body"]


def test_extract_reports_each_bad_file_and_goes_on(tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path / "in")
    result = invoke(["extract", str(folder), "--max-bytes", "2048", "--format", "jsonl"])
    assert result.exit_code == 1
    _check_stderr(result.stderr, folder)
    found = records(result.stdout)
    ids = [e["article_id"] for e in found]
    assert "saraqib-strike" in ids
    assert "jl-one" in ids
    assert "jl-three" in ids
    cafe = [e for e in found if _body(e)[0]["text"].startswith("Gunmen")]
    assert len(cafe) == 1, "the cp1252 file is decoded, not refused"
    assert "Caf\u00e9 Libert\u00e9" in _body(cafe[0])[0]["text"]
    assert cafe[0]["event_date"] == "2024-03-04"


def test_extract_exit_code_of_the_installed_command(tmp_path: Path) -> None:
    """The real process: exit code 1, good records on stdout, reasons on stderr."""
    folder = _bad_folder(tmp_path / "in")
    proc = subprocess.run(
        [*sitrep_command(), "extract", str(folder), "--max-bytes", "2048"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1
    _check_stderr(proc.stderr, folder)
    assert "Traceback" not in proc.stderr
    assert {"saraqib-strike", "jl-one", "jl-three"} <= {
        e["article_id"] for e in records(proc.stdout)}


def test_ingest_stores_the_good_files_and_reports_the_rest(tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path / "in")
    db = tmp_path / "events.sqlite"
    result = invoke(["ingest", str(folder), "--db", str(db), "--max-bytes", "2048", "-q"])
    assert result.exit_code == 1
    _check_stderr(result.stderr, folder)
    assert "4 articles stored" in result.stderr
    assert f"{len(EXPECTED)} failed" in result.stderr
    with open_store(db) as store:
        for article_id in ("saraqib-strike", "jl-one", "jl-three"):
            assert store.has_article(article_id)
        assert store.stats()["articles"] == 4


def test_ingest_refuses_a_sparse_file_over_the_default_limit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BY_ID["kirkuk-ied"].as_txt())
    with (folder / "huge.txt").open("wb") as out:
        out.truncate(60 * 1024 * 1024)
    db = tmp_path / "events.sqlite"
    result = invoke(["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert (f"error: {folder / 'huge.txt'}: file is 60 MB, over the 50 MB limit"
            in result.stderr)
    assert "1 articles stored" in result.stderr or "1 article stored" in result.stderr
    with open_store(db) as store:
        assert store.has_article("kirkuk-ied")


def test_binary_on_stdin(tmp_path: Path) -> None:
    result = invoke(["extract", "-"], stdin=b"%PDF-1.7\n" + bytes(range(256)))
    assert result.exit_code == 1
    assert "error: <stdin>: binary file (looks like PDF)" in result.stderr
    assert result.stdout == ""
