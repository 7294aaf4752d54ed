"""`sitrep history`, `sitrep split` and `sitrep events --id` on a real store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support import invoke

WIRE = ("Air strike kills 7 in Idlib market\nPublished: 2020-02-10\nSource: Wire A\nid: wire-a\n\n"
        "An air strike hit a crowded vegetable market in Idlib on Sunday, killing seven "
        "civilians and wounding 20, a local civil defence group said.\n")
PAPER = ("Market strike in Idlib\nPublished: 2020-02-11\nSource: Paper B\nid: paper-b\n\n"
         "Warplanes bombed the vegetable market in Idlib on Sunday. Seven civilians were "
         "killed and 20 others were wounded in the air strike, rescuers said.\n")


def _store(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "paper.txt").write_text(PAPER, encoding="utf-8")
    db = tmp_path / "s.sqlite"
    result = invoke(["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_history_and_split_round_trip(tmp_path: Path) -> None:
    db = _store(tmp_path)
    strike = [e for e in _jsonl(invoke(["events", "--db", str(db), "--format", "jsonl"]).output)
              if e["sub_event_type"] == "Air/drone strike"]
    assert len(strike) == 1 and len(strike[0]["sources"]) == 2
    event_id = strike[0]["event_id"]
    second = next(s["event_id"] for s in strike[0]["sources"] if s["event_id"] != event_id)

    # a mention's id finds its event
    found = _jsonl(invoke(["events", "--db", str(db), "--id", second, "--format", "jsonl"]).output)
    assert [e["event_id"] for e in found] == [event_id]

    log = invoke(["history", event_id, "--db", str(db)])
    assert log.exit_code == 0
    assert [line.split("\t")[1] for line in log.output.splitlines()] == ["new", "join"]

    refused = invoke(["split", event_id, second, "--db", str(db)])
    assert refused.exit_code == 2 and "--reason" in refused.output
    done = invoke(["split", event_id, second, "--reason", "a second strike that day",
                   "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert f"to new event {second}" in done.output
    after = [e for e in _jsonl(invoke(["events", "--db", str(db), "--format", "jsonl"]).output)
             if e["sub_event_type"] == "Air/drone strike"]
    assert sorted(len(e["sources"]) for e in after) == [1, 1]
    told = invoke(["history", event_id, "--db", str(db)]).output
    assert "split" in told and "a second strike that day" in told


def test_unknown_ids_are_clear_errors(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = invoke(["history", "0000000000000000", "--db", str(db)])
    assert result.exit_code == 1 and "no event or mention with id" in result.output
    result = invoke(["split", "0000000000000000", "1111111111111111", "--reason", "x",
                     "--db", str(db)])
    assert result.exit_code == 1 and "Error" in result.output
