"""Every registered scorer runs on a few items of its gold set and reports figures.

Skipped where the gold sets are absent (a user's clone without ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval import EvalReport, Options, load_scorers

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SCORERS = sorted(load_scorers())


def test_every_area_has_scorers() -> None:
    expected = {"plover_gsr", "muc34", "india_police_events", "tempeval3", "gva_longtail",
                "attribution", "event_location", "gva_dedup"}
    assert expected <= set(SCORERS)


@pytest.mark.skipif(not DATA.is_dir(), reason="gold sets not present (../shared/data)")
@pytest.mark.parametrize("name", SCORERS)
def test_scorer_runs_on_a_few_items(name: str) -> None:
    report = load_scorers()[name](Options(data=DATA, limit=4))
    assert isinstance(report, EvalReport)
    assert report.metrics, f"{name} reported no figures"
    assert all(m.value >= 0.0 or m.name.startswith("mean") for m in report.metrics)
    assert report.markdown().startswith(f"### {report.dataset}")


@pytest.mark.skipif(not DATA.is_dir(), reason="gold sets not present (../shared/data)")
@pytest.mark.parametrize("name", ["event_location", "lgl", "tempeval3"])
def test_scorers_write_their_error_lists_where_asked(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_EVAL_ERRORS", str(tmp_path))
    load_scorers()[name](Options(data=DATA, split="dev", limit=30))
    written = list(tmp_path.glob(f"sitrep-{name}-dev-errors.txt"))
    assert written and written[0].read_text(encoding="utf-8").strip()
