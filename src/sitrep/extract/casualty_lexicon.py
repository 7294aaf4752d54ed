"""Casualty vocabulary: the word lists of ``data/counts.json`` as sets, and the regexes built
from them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

from sitrep.extract.lexicon import load_data

Kind = Literal["killed", "injured", "casualties"]

_DATA: dict[str, Any] = load_data("counts.json")
_UNITS: dict[str, int] = _DATA["units"]
_TENS: dict[str, int] = _DATA["tens"]
_SCALES: dict[str, int] = _DATA["scales"]
_VAGUE: dict[str, list[int]] = _DATA["vague"]
_MODIFIERS: dict[str, str] = {k: v for k, v in _DATA["modifiers"].items() if not k.startswith("_")}
_WHO: dict[str, str | None] = _DATA["who"]
_NOT_COUNTED: frozenset[str] = frozenset(_DATA["not_counted"])
_GAP: frozenset[str] = frozenset(_DATA["gap_words"])
_NP_WORDS: frozenset[str] = frozenset(_DATA["np_words"])
_SKIP_ENTS: frozenset[str] = frozenset(_DATA["skip_entities"])
_TOLL: frozenset[str] = frozenset(_DATA["toll_nouns"])
_NOT_BEFORE: frozenset[str] = frozenset(_DATA["not_before"])
_SHOT_VERBS: frozenset[str] = frozenset(_DATA["shot_verbs"])
_FATAL_ADVERBS: frozenset[str] = frozenset(_DATA["fatal_adverbs"])
_PERSON_NOUNS: frozenset[str] = frozenset(_DATA["person_nouns"])
_SUFFER_VERBS: frozenset[str] = frozenset(_DATA["suffer_verbs"])
_HOSPITAL_VERBS: frozenset[str] = frozenset(_DATA["hospital_verbs"])
_MULTIPLES: dict[str, int] = _DATA["multiples"]
_MULTIPLE_NOUNS: dict[str, str] = _DATA["multiple_nouns"]
_ORDINAL_VALUES: dict[str, int] = _DATA["ordinal_values"]  # "fifth": 5
# "murder-suicide", not after "an attempted" (group "not")
_TWO_DEATHS_RE = re.compile(
    r"(?i)\b(?:(?P<not>" + "|".join(_DATA["two_death_not_after"])
    + r")\s+(?:an?\s+|the\s+)?)?(?:" + "|".join(
        re.escape(p) for p in _DATA["two_death_phrases"]) + r")\b")
_HOSPITAL_NOUNS: frozenset[str] = frozenset(_DATA["hospital_nouns"])
_AGE_NOUNS: frozenset[str] = frozenset(_DATA["age_nouns"])
_OF_VICTIM: dict[str, Kind] = _DATA["of_victim_nouns"]
_WOUND_COUNTS: frozenset[str] = frozenset(_DATA["wound_counts"])
_CONDITION_VERBS: frozenset[str] = frozenset(_DATA["condition_verbs"])
_CONDITIONS: frozenset[str] = frozenset(_DATA["conditions"])
_NOT_PERSON_MODIFIERS: frozenset[str] = frozenset(_DATA["not_person_modifiers"])
_OTHERS_WORDS: frozenset[str] = frozenset(_DATA["others_words"])
_OTHERS_ADVERBS: frozenset[str] = frozenset(_DATA["others_adverbs"])
_GUNFIRE_NOUNS: frozenset[str] = frozenset(_DATA["gunfire_nouns"])
_LIFE_LOSING: frozenset[str] = frozenset(_DATA["life_losing_verbs"])
_LIFE_TAKING: frozenset[str] = frozenset(_DATA["life_taking_verbs"])
_LIVES_PERIOD: frozenset[str] = frozenset(_DATA["lives_period_subjects"])
_VAGUE_NOT_AFTER: frozenset[str] = frozenset(_DATA["vague_not_after"])
_WEAPON_NOUNS: frozenset[str] = frozenset(_DATA["weapon_nouns"])
_PART_ADVERBS: frozenset[str] = frozenset(_DATA["part_adverbs"])
_TIME_PREPOSITIONS: frozenset[str] = frozenset(_DATA["time_prepositions"])
_SURVIVOR_CONJUNCTS: frozenset[str] = frozenset(_DATA["survivor_conjuncts"])
_SURVIVE_VERBS: frozenset[str] = frozenset(_DATA["survive_verbs"])
_ROUNDUP_NOUNS: frozenset[str] = frozenset(_DATA["roundup_nouns"])
_STRIKE_VERBS: frozenset[str] = frozenset(_DATA["strike_verbs"])
_PROJECTILES: frozenset[str] = frozenset(_DATA["projectile_nouns"])
_GUNFIRE_EVENTS: frozenset[str] = frozenset(_DATA["gunfire_events"])
_ALIVE_INJURY_WORDS: frozenset[str] = frozenset(_DATA["alive_injury_words"])
_AGE_COMPARATIVES: frozenset[str] = frozenset(_DATA["age_comparatives"])
_OTHERS_ORDINALS: frozenset[str] = frozenset(_DATA["others_ordinals"])
_ROUNDUP_PREPOSITIONS: frozenset[str] = frozenset(_DATA["roundup_prepositions"])
_CLIP_TIME = re.compile(r"\d{1,2}:\d\d")


def _trigger_sets(part: str) -> dict[str, Kind]:
    out: dict[str, Kind] = {}
    for kind, lex in _DATA["triggers"].items():
        for word in lex[part]:
            out[word] = kind
    return out


_VERB_TRIGGERS = _trigger_sets("verbs")
_ADJ_TRIGGERS = _trigger_sets("adjectives")
_NOUN_TRIGGERS = _trigger_sets("nouns")


def _alt(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_PERIOD_RE = re.compile(rf"\b(?:{_alt(_DATA['period_words'])})\b(?!\s+(?:"
                        rf"{_alt(_DATA['period_not_after'])})\b)")
_PERIOD_PERFECT_RE = re.compile(rf"\b(?:{_alt(_DATA['period_perfect_words'])})\b"
                                r"|\bin (?:19|20)\d\d\b")
_LINE_BREAK_RE = re.compile(r"\n|\s{2,}")
_LINK_RE = re.compile(rf"^\W*(?:{_alt(_DATA['link_prefixes'])})\s*:", re.IGNORECASE)


_REFLEXIVE = {"himself", "herself", "self"}  # "fatally shoots self" (headline style)
_ATTACKER_NOUNS: frozenset[str] = frozenset(_DATA["attacker_nouns"])


def is_person_noun(lemma: str) -> bool:
    """True for nouns that name people ("man", "militant", "victim")."""
    return lemma in _PERSON_NOUNS or bool(_WHO.get(lemma))


@lru_cache(maxsize=1)
def who_vocabulary() -> frozenset[str]:
    """The normalised `who` values this module can produce."""
    return frozenset(v for v in _WHO.values() if v)
