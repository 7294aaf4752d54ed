"""The first-level division a local story is set in ("Dublin" in a story that also names
Worthington and Franklin County is Dublin, Ohio).

Local papers seldom name their own state: they name towns and counties, and many of those
names have namesakes in other states. Read together, the names usually agree on one state:
Hall County and Forsyth County are both in Georgia, Ligonier and Westmoreland County both in
Pennsylvania. Each distinct name votes once for every first-level division of the focus
country in which it names a town, county or neighbourhood; a division named outright (a state's
name, "Tenn.", a postal code after a dateline town: "COLUMBUS, GA") votes more. The division
with the most votes is the story's division when it is clearly ahead of the next one; the
resolver then prefers, for every ambiguous name, the namesake that lies in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.geo.gazetteer import Place
from sitrep.geo.normalize import split_name

NAMED_VOTE = 2.0  # the division named outright ("Texas", "Tenn.")
MIN_VOTES = 1.5  # the leader needs at least this many votes ...
MIN_LEAD = 0.5  # ... and this many more than the next division
FALL_OFF = 2.0  # score points that halve a lesser namesake's vote
MANY_NAMED = 3  # a story naming this many divisions outright is not set in one of them
LOCAL_KINDS = frozenset({"city", "admin2", "neighbourhood"})


@dataclass(frozen=True, slots=True)
class NameVote:
    """One distinct name of the story with the places it can stand for."""

    key: str
    places: list[Place]
    division: bool = False  # read as a first-level division ("Texas", "Tenn.")


def division_votes(names: Iterable[NameVote], country: str) -> dict[str, float]:
    """Votes per first-level division of `country`. A name counts once; it gives a full vote
    to the division of its best reading in the country and less to a division where only a
    lesser namesake lies (`FALL_OFF` points of score halve the vote: "Charleston" votes
    for West Virginia and South Carolina, hardly for New York). A division the story names
    outright gets `NAMED_VOTE`; a story that names `MANY_NAMED` divisions outright has none."""
    votes: dict[str, float] = {}
    seen: set[str] = set()
    named = 0
    for n in names:
        key = split_name(n.key)[0]  # "Hall County" and "Hall" are one name
        if key in seen:
            continue
        seen.add(key)
        here: dict[str, float] = {}
        local = [p for p in n.places if p.primary and p.country_code == country
                 and p.kind in LOCAL_KINDS and p.admin1]
        best = max((p.score for p in local), default=0.0)
        for p in n.places:
            if p.primary and p.country_code == country and p.kind == "admin1" and n.division:
                here[p.name] = NAMED_VOTE
                named += 1
        for p in local:
            assert p.admin1 is not None
            vote = 0.5 ** ((best - p.score) / FALL_OFF)
            if vote > here.get(p.admin1, 0.0):
                here[p.admin1] = vote
        for a1, v in here.items():
            votes[a1] = votes.get(a1, 0.0) + v
    if named >= MANY_NAMED:
        return {}
    return votes


def named_divisions(names: Iterable[NameVote], country: str) -> int:
    """How many first-level divisions of `country` the story names outright."""
    return len({p.name for n in names if n.division for p in n.places
                if p.primary and p.kind == "admin1" and p.country_code == country})


def leading_division(votes: dict[str, float], named: int = 0) -> str | None:
    """The division clearly ahead of all others, if any; where the story names two
    divisions outright, ahead by as much as naming one is worth."""
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    lead = NAMED_VOTE if named >= 2 else MIN_LEAD
    return top if n >= MIN_VOTES and n - second >= lead else None


_POSTAL = re.compile(r"^\s*[A-Z][A-Za-z.' -]{1,40}, ([A-Z]{2})\b(?! [A-Z][a-z])")


def postal_division(text: str, codes: dict[str, str]) -> str | None:
    """The division of a dateline that gives a postal code ("COLUMBUS, GA (WTVM) -")."""
    m = _POSTAL.match(text[:80])
    return codes.get(m.group(1)) if m else None
