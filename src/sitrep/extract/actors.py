"""Actors: who acted and who was acted upon, normalised through an actor registry.

`ActorResolver` reads the actors of one article: the actor a phrase names (`mention`,
`actor_mentions.py`, through the registry of `actor_registry.py`), the two sides of an event
(`roles`: from the parse around its triggers, `actor_roles.py`, else inferred from elsewhere in
the report, `actor_act_nouns.py` and `actor_claims.py`) and the sides associated with each
(`associates`, `actor_associates.py`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Token

from sitrep.extract.actor_act_nouns import (
    ACT_NOUNS,
    ACT_VERBS,
    RECIPROCAL_NOUNS,
    agent_in_phrase,
    firing_just_before,
)
from sitrep.extract.actor_associates import associates
from sitrep.extract.actor_claims import CLAIM_SENTENCES, CLAIMED, Claims, sole_group
from sitrep.extract.actor_mentions import (
    PLACE_HEADS,
    PRONOUN_SENTENCES,
    PRONOUNS,
    ActorMention,
    MentionReader,
)
from sitrep.extract.actor_phrases import DATELINE_CHARS, of_group_tok, phrase_span
from sitrep.extract.actor_registry import NON_STATE_ARMED, ActorRegistry, default_registry
from sitrep.extract.actor_roles import roles_of
from sitrep.record import Actor

__all__ = [
    "ACT_NOUNS",
    "ACT_VERBS",
    "CLAIMED",
    "CLAIM_SENTENCES",
    "DATELINE_CHARS",
    "NON_STATE_ARMED",
    "PLACE_HEADS",
    "PRONOUNS",
    "PRONOUN_SENTENCES",
    "RECIPROCAL_NOUNS",
    "ActorMention",
    "ActorRegistry",
    "ActorResolver",
    "default_registry",
    "of_group_tok",
    "phrase_span",
]

SOLE_GROUP = "the only armed group the report names; no one claimed it"
FIRED_BEFORE = "the force that fired in the sentence before"


def _inferred(mention: ActorMention | None, how: str) -> ActorMention | None:
    """The mention marked as chosen by inference rather than read from the act's clause."""
    return replace(mention, inferred=how) if mention is not None else None


class ActorResolver(MentionReader):
    """Reads the actors of one article: each mention, resolved through coreference
    (`mention`), the two sides of an event (`roles`) and their associated actors
    (`associates`)."""

    def __init__(self, registry: ActorRegistry, doc: Doc, focus_country: str | None) -> None:
        super().__init__(registry, doc, focus_country)
        self._claims = Claims(self)

    @cached_property
    def _sole_group(self) -> ActorMention | None:
        return sole_group(self)

    def roles(self, anchors: list[Token]) -> tuple[ActorMention | None, ActorMention | None]:
        """actor1 (the side that acted) and actor2 (the side acted upon) around trigger tokens.

        The parse around each trigger comes first; an act with no agent there takes, in
        turn, a state force whose act its own phrase names, the force that fired in the
        sentence before, the side a nearby sentence claims or blames, or the only armed
        group the report names.
        """
        actor1: ActorMention | None = None
        actor2: ActorMention | None = None
        others: list[ActorMention] = []
        for anchor in anchors:
            a1, a2 = roles_of(self, anchor)
            if actor1 is None:
                actor1 = a1
            elif a1 is not None:
                others.append(a1)
            actor2 = actor2 or a2
        if actor2 is None and actor1 is not None:
            # "rioters stoned the station and police opened fire": the other side of the
            # event is the agent of one of its absorbed acts
            actor2 = next((o for o in others if o.actor.name != actor1.actor.name), None)
        if actor1 is None and anchors:
            actor1 = agent_in_phrase(self, anchors)
        if actor1 is None and anchors:
            actor1 = _inferred(firing_just_before(self, anchors[0]), FIRED_BEFORE)
        claim_acts = self.words.claim_acts
        if actor1 is None and any(a.lemma_.lower() in claim_acts or a.lower_ in claim_acts
                                  for a in anchors):
            actor1 = _inferred(self._claims.nearest(anchors[0]), CLAIMED)
            if actor1 is None:
                actor1 = _inferred(self._sole_group_of(anchors), SOLE_GROUP)
        if actor1 is not None and actor2 is not None and actor1.span == actor2.span:
            actor2 = None  # one phrase read as both sides ("police firing" misparsed)
        return actor1, actor2

    def _sole_group_of(self, anchors: list[Token]) -> ActorMention | None:
        """The report's only armed group for an unclaimed act; a murder takes it only when
        its own sentence names the group."""
        sole = self._sole_group
        sole_acts = self.words.sole_group_acts
        if sole is not None and not any(
                a.lemma_.lower() in sole_acts or a.lower_ in sole_acts for a in anchors) and \
                not anchors[0].sent.start_char <= sole.span.start < anchors[0].sent.end_char:
            return None
        return sole

    def associates(self, main: ActorMention | None, anchors: list[Token],
                   exclude: tuple[ActorMention | None, ...] = (),
                   acting: bool = True) -> list[Actor]:
        """ACLED's associated actors of one side (see `actor_associates.associates`)."""
        return associates(self, main, anchors, exclude, acting)
