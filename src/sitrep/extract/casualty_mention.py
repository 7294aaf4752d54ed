"""The casualty figure found in the text (`CasualtyMention`), and the overlap test that keeps
two readers from counting the same words twice."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.casualty_lexicon import Kind
from sitrep.record import Count


@dataclass(slots=True)
class CasualtyMention:
    """A casualty figure in the text and the word that makes it one."""

    kind: Kind
    count: Count
    start: int  # char span of the figure phrase
    end: int
    trigger: int  # token index of "killed", "wounded", "dead", "bodies", "toll" ...
    hit: bool = False  # counts people shot ("four people were shot"): the killed may be among them
    perpetrator: bool = False  # the attacker's own death: "... and then himself", "his own life"
    joined: int = 0  # single persons coordinated with the figure and added to it
    person: int = -1  # token index of the one person told without a figure ("a man died")
    besides: bool = False  # one more person killed, set apart: "Roe was also killed", or
    # named apart: "Okafor died ... Lindqvist died"
    more: bool = False  # people told besides those told before: "two others", "six more",
    # "another two" (not "the other two", the rest of a set)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """True when the char span start..end overlaps one of the spans already taken."""
    return any(s < end and start < e for s, e in taken)
