"""`make demo`: the bundled demo articles ingest cleanly, each one contributing events."""

from __future__ import annotations

from pathlib import Path

from cli_support import records

import sitrep
from sitrep.store import open_store
from support import invoke

DEMO = Path(sitrep.__file__).parent / "demo"


def test_demo_ingest(tmp_path: Path) -> None:
    files = sorted(p for p in DEMO.iterdir() if p.is_file() and not p.name.startswith("."))
    assert len(files) >= 4
    db = tmp_path / "demo.sqlite"
    result = invoke(["ingest", str(DEMO), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.stderr

    listed = invoke(["events", "--db", str(db), "--format", "table"])
    assert listed.exit_code == 0
    assert listed.stdout.strip()

    found = records(invoke(["events", "--db", str(db), "--format", "jsonl"]).stdout)
    with open_store(db) as store:
        articles = store.articles({e["article_id"] for e in found})
    origins = {Path(str(articles[e["article_id"]].origin).split(":")[0]).name for e in found}
    assert origins == {p.name for p in files}
