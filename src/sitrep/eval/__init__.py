"""Scorers against public gold sets: `sitrep eval DATASET` prints a results table.

Each scorer module registers itself with `@scorer("name")`; a scorer reads its gold set from
the data folder (``$SITREP_EVAL_DATA`` or ``../shared/data``), runs the real pipeline and returns
an `EvalReport`. The gold data is never copied into the repository.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("../shared/data")


def data_dir(override: Path | None = None) -> Path:
    """Where the gold sets live: `override`, ``$SITREP_EVAL_DATA`` or ``../shared/data``."""
    if override is not None:
        return override
    env = os.environ.get("SITREP_EVAL_DATA")
    return Path(env) if env else DEFAULT_DATA


@dataclass(slots=True)
class Options:
    data: Path
    split: str | None = None  # dev / test, where the set has splits; None: the scorer's default
    limit: int | None = None  # score at most this many items (quick runs)
    workers: int = 1


@dataclass(slots=True)
class Metric:
    name: str
    value: float
    n: int | None = None  # items the figure is computed over
    target: float | None = None

    def row(self) -> str:
        n = "" if self.n is None else str(self.n)
        target = "" if self.target is None else f"≥ {self.target:.2f}"
        return f"| {self.name} | {self.value:.3f} | {n} | {target} |"


@dataclass(slots=True)
class ClassScore:
    label: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class EvalReport:
    dataset: str
    split: str
    metrics: list[Metric] = field(default_factory=list)
    classes: list[ClassScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"### {self.dataset} ({self.split})", "", "| metric | value | n | target |",
                 "|---|---|---|---|", *(m.row() for m in self.metrics)]
        if self.classes:
            lines += ["", "| class | P | R | F1 | gold |", "|---|---|---|---|---|"]
            for c in self.classes:
                lines.append(f"| {c.label} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} "
                             f"| {c.tp + c.fn} |")
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def micro(classes: list[ClassScore], label: str = "micro") -> ClassScore:
    """Pool the counts of several classes."""
    return ClassScore(label, sum(c.tp for c in classes), sum(c.fp for c in classes),
                      sum(c.fn for c in classes))


Scorer = Callable[[Options], EvalReport]
SCORERS: dict[str, Scorer] = {}


def scorer(name: str) -> Callable[[Scorer], Scorer]:
    """Register a scorer under `name` for `sitrep eval`."""
    def register(func: Scorer) -> Scorer:
        SCORERS[name] = func
        return func
    return register


def load_scorers() -> dict[str, Scorer]:
    """Import every scorer module so that it registers itself."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    return SCORERS


def written_set(name: str, split: str) -> list[dict[str, Any]]:
    """The items of one split (dev or test) of a set written for the project and shipped in
    `sitrep/eval/data/<name>_<split>.jsonl`, in file order."""
    import json
    from importlib import resources

    if split not in ("dev", "test"):
        raise ValueError(f"{name} has dev and test splits, not {split!r}")
    path = resources.files(__name__).joinpath("data", f"{name}_{split}.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def write_errors(name: str, split: str, errors: list[str]) -> None:
    """With ``$SITREP_EVAL_ERRORS`` set to a folder (outside the repository), write a scorer's
    per-item error list there for inspection."""
    import contextlib

    folder = os.environ.get("SITREP_EVAL_ERRORS")
    if not folder:
        return
    with contextlib.suppress(OSError):
        (Path(folder) / f"sitrep-{name}-{split}-errors.txt").write_text(
            "\n".join(errors) + "\n", encoding="utf-8")
