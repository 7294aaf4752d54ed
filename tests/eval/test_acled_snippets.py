"""The ACLED-style snippet set: its files are well formed and cover the taxonomy, the figures
are computed as documented, and the scorer runs on a few snippets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from sitrep.eval import Options
from sitrep.eval.acled_snippets import (
    NONE,
    acled_snippets,
    class_scores,
    load_items,
    macro_f1,
    main_record,
    weighted_f1,
)
from sitrep.record import SUB_EVENT_TYPES

SPLITS = ("dev", "test")


@pytest.mark.parametrize("split", SPLITS)
def test_files_load_with_valid_fields(split: str) -> None:
    items = load_items(split)
    assert len(items) >= (330 if split == "dev" else 140)
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids)), "ids must be unique"
    for item in items:
        assert set(item) == {"id", "text", "published", "event_type", "sub_event_type"}
        assert item["text"].strip()
        date.fromisoformat(item["published"])
        sub = item["sub_event_type"]
        if sub is None:
            assert item["event_type"] is None
        else:
            assert SUB_EVENT_TYPES[sub] == item["event_type"], item["id"]


@pytest.mark.parametrize("split", SPLITS)
def test_every_sub_type_and_non_events_appear(split: str) -> None:
    subs = [i["sub_event_type"] for i in load_items(split)]
    missing = set(SUB_EVENT_TYPES) - set(subs)
    assert not missing, f"{split} lacks {sorted(missing)}"
    assert all(subs.count(sub) >= 4 for sub in SUB_EVENT_TYPES)
    assert subs.count(None) >= (30 if split == "dev" else 10)


def test_splits_share_no_text() -> None:
    dev = {i["text"] for i in load_items("dev")}
    assert not dev & {i["text"] for i in load_items("test")}


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError):
        load_items("train")


def test_weighted_and_macro_f1() -> None:
    pairs = [("Attack", "Attack"), ("Attack", "Attack"), ("Attack", NONE),
             ("Arrests", "Arrests"), (NONE, "Arrests")]
    classes = {c.label: c for c in class_scores(pairs)}
    assert (classes["Attack"].tp, classes["Attack"].fn) == (2, 1)
    assert (classes["Arrests"].tp, classes["Arrests"].fp) == (1, 1)
    assert (classes[NONE].fn, classes[NONE].fp) == (1, 1)
    f1 = {label: c.f1 for label, c in classes.items()}
    assert weighted_f1(list(classes.values())) == pytest.approx(
        (3 * f1["Attack"] + f1["Arrests"] + f1[NONE]) / 5)
    assert macro_f1(list(classes.values())) == pytest.approx(sum(f1.values()) / 3)


def test_main_record_skips_background() -> None:
    old = SimpleNamespace(background=True, sub_event_type="Armed clash")
    new = SimpleNamespace(background=False, sub_event_type="Arrests")
    assert main_record(cast(Any, [old, new])) is new
    assert main_record(cast(Any, [old])) is None
    assert main_record([]) is None


def test_scorer_runs_on_a_few_snippets(tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_EVAL_ERRORS", str(tmp_path))
    report = acled_snippets(Options(data=tmp_path, split="dev", limit=6))
    names = [m.name for m in report.metrics]
    assert names[0].startswith("sub-event weighted F1")
    assert report.metrics[0].target == 0.85
    assert all(0.0 <= m.value <= 1.0 for m in report.metrics)
    assert report.metrics[0].n == 6
    assert report.classes
    assert (tmp_path / "sitrep-acled_snippets-dev-errors.txt").exists()
