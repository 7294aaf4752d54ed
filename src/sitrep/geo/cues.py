"""Evidence that a story is local to one country: the words of its institutions, offices,
units, money and address forms ("sheriff", "township", "RCMP", "Garda", "£5", a ZIP code).

The cues live in ``data/country_cues.json``. Each distinct cue counts once, with its weight;
a country whose cues reach ``min_score`` is a candidate for the story's focus. The resolver
uses them only to break a tie: when every name that votes for the leading country also names
a place in the country the cues point to ("Dublin" in a story about a township board)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class _CountryCues:
    code: str
    words: re.Pattern[str] | None
    cased: re.Pattern[str] | None
    weights: dict[str, float]  # lower-cased word cues, cased cues as written
    patterns: tuple[tuple[re.Pattern[str], float], ...]


def _alternation(words: list[str], flags: int) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alts})(?![\w-])", flags)


@lru_cache(maxsize=1)
def _cues() -> tuple[float, float, tuple[_CountryCues, ...]]:
    text = resources.files("sitrep.geo").joinpath("data/country_cues.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    out = []
    for code, spec in data["countries"].items():
        words = {w.lower(): float(v) for w, v in spec.get("words", {}).items()}
        cased = {w: float(v) for w, v in spec.get("cased", {}).items()}
        out.append(_CountryCues(
            code=code,
            words=_alternation(list(words), re.IGNORECASE),
            cased=_alternation(list(cased), 0),
            weights={**words, **cased},
            patterns=tuple((re.compile(p), float(v)) for p, v in spec.get("patterns", {}).items()),
        ))
    return float(data["min_score"]), float(data["min_score_uncontested"]), tuple(out)


def country_cues(text: str) -> dict[str, float]:
    """Cue score per country for a text (countries without cues left out)."""
    table = _cues()[2]
    scores: dict[str, float] = {}
    for c in table:
        total = 0.0
        seen: set[str] = set()
        if c.words is not None:
            for m in c.words.finditer(text):
                key = m.group(0).lower()
                if key not in seen:
                    seen.add(key)
                    total += c.weights.get(key, 0.0)
        if c.cased is not None:
            for m in c.cased.finditer(text):
                key = m.group(0)
                if key not in seen:
                    seen.add(key)
                    total += c.weights.get(key, 0.0)
        for pattern, weight in c.patterns:
            if pattern.search(text):
                total += weight
        if total:
            scores[c.code] = total
    return scores


def local_country(text: str) -> tuple[str, float] | None:
    """The country whose cues are strongest, when they reach the minimum score."""
    minimum = _cues()[0]
    scores = country_cues(text)
    if not scores:
        return None
    code = max(scores, key=lambda k: scores[k])
    return (code, scores[code]) if scores[code] >= minimum else None


def cue_minimum(contested: bool = True) -> float:
    """The score at which a country's cues and its own names decide a tie; lower where no
    name of the story votes for any country (`contested` false)."""
    return _cues()[0] if contested else _cues()[1]
