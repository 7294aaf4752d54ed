"""Casualty figures: number phrases, and which of them count the killed or the injured.

Conventions (see ``data/counts.json``): a figure becomes ``(low, best, high)`` with ``best`` the
most conservative reading. Ranges keep the lower figure as best ("3,000 to 5,000" ->
3000/3000/5000). Lower bounds ("at least 5", "more than 20") give best = high = the stated
figure, because no upper bound is known. Upper bounds ("up to 30") give low = 1. "about 40"
spans +/-10%. Vague words follow ACLED (tens 10, dozens 12, hundreds 100) and the table in
counts.json. "No one was killed" and "no casualties" give an explicit count of 0; "no reports of
casualties" gives nothing (unknown is not zero).

"shot" counts the wounded unless the shooting is deadly ("shot dead", "fatally shot", "shot and
killed"); people "taken to hospital" count as injured; both are marked ``hit`` because the killed
may be among them ("four people were shot, one fatally"). A single victim without a figure
counts one ("a man was killed", "the victim died", "he was wounded", "killing another").
A gunshot wound, "the shooting of X" and "a quadruple shooting" tell people hit as "shot"
does; a person told hurt and then dead in one sentence counts dead ("a clerk wounded in the
attack has since died"); "a body was found" counts one killed. Lives count the dead: the
subject of "lost their lives" and the figure of "claimed 12 lives" / "took four lives".
People hit are not among the killed when the text sets them apart ("three other men were
also shot", "a fourth person was taken to a hospital") or tells them alive ("hospitalized in
stable condition", "in serious condition", "with minor injuries"; not "in critical
condition"); one person "also killed" after a single death is one more (``besides``), as
are single deaths told of people with different names ("Okafor died at the scene.
Lindqvist died later") or by different nouns in coordinated clauses; a "he" or "she" told
hurt after the one person told dead, with no one else told before it, is that person (hit).
"A 59-year-old man, 49-year-old woman and 53-year-old man" is three, though the parser reads
an apposition. One person told by an ordinal is the last of that many: "a fifth person was
hurt" after four people shot counts five people hit, and "a second teen has died" two dead.
In "four of the five victims were shot to death" the set (five) is no figure of its own, and
"younger than 12" is an age.

The work is spread over: `numbers` (reading number expressions), `casualty_lexicon` (the word
lists), `casualty_words` (which words make a figure a casualty figure), `casualty_figures`
(figures tied to those words), `casualty_persons` (victims told without a figure) and
`casualties` (finding the mentions of a sentence or doc). This module assigns them to events.
"""

from __future__ import annotations

from sitrep.extract.casualties import find_casualties, nth_person, two_deaths
from sitrep.extract.casualty_lexicon import Kind, is_person_noun, who_vocabulary
from sitrep.extract.casualty_mention import CasualtyMention
from sitrep.extract.numbers import QUANTITY_RE, parse_number, parse_quantity

__all__ = [
    "QUANTITY_RE",
    "CasualtyMention",
    "Kind",
    "assign_casualties",
    "find_casualties",
    "is_person_noun",
    "nth_person",
    "parse_number",
    "parse_quantity",
    "two_deaths",
    "who_vocabulary",
]

def assign_casualties(casualties: list[CasualtyMention],
                      groups: list[list[int]]) -> list[int]:
    """For each figure, the index of the event (given as its trigger token indices) that owns
    it: the event whose trigger the figure hangs on, else the one whose trigger stands nearest."""
    owners: list[int] = []
    for cas in casualties:
        best, best_d = 0, 10**9
        for index, anchors in enumerate(groups):
            for anchor in anchors:
                d = 0 if anchor == cas.trigger else abs(anchor - cas.trigger) + 1
                if d < best_d:
                    best, best_d = index, d
        owners.append(best)
    return owners
