"""The two sides of one trigger read from the parse: actor1 (the side that acted) and actor2
(the side acted upon), by the trigger's kind (a headline's participle read as a noun, a verb,
an act noun)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.actor_act_nouns import agent_of_event_noun
from sitrep.extract.actor_mentions import ActorMention, MentionReader
from sitrep.extract.actor_noun_roles import noun_roles
from sitrep.extract.actor_phrases import age_start, first_child
from sitrep.extract.actor_verb_roles import verb_roles
from sitrep.extract.events import default_lexicon, headline_participle
from sitrep.record import Span


def roles_of(reader: MentionReader,
             tok: Token) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 and actor2 of one trigger word, each the actor of the phrase that tells it."""
    if tok.pos_ in ("NOUN", "PROPN") and headline_participle(tok, default_lexicon()):
        agent_tok, patient_tok = _participle_roles(reader, tok)
    elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        agent_tok, patient_tok = verb_roles(reader, tok)
    else:
        agent_tok, patient_tok = noun_roles(reader, tok)
    actor1 = reader.mention(agent_tok) if agent_tok is not None else None
    if actor1 is None and agent_tok is None and tok.pos_ in ("NOUN", "PROPN"):
        actor1 = _named_prefix(reader, tok)  # "a shining path attack": the group's words
    if actor1 is None and agent_tok is not None:
        # "killed by police bullets": the weapon's owner named as its modifier
        owner = agent_of_event_noun(reader, agent_tok)
        actor1 = reader.mention(owner) if owner is not None else None
    actor2 = reader.mention(patient_tok) if patient_tok is not None else None
    if actor1 is not None and actor2 is not None and actor1.actor.name == actor2.actor.name \
            and actor1.span.start == actor2.span.start:
        actor2 = None
    return actor1, actor2


def _participle_roles(reader: MentionReader,
                      tok: Token) -> tuple[Token | None, Token | None]:
    """'Juvenile shot in arm', 'Teen Shot To Death': a headline's passive participle read as
    a noun; the person beside it suffered, a 'by'-phrase names who acted."""
    agent_tok: Token | None = None
    patient_tok: Token | None = None
    people = default_lexicon().participle_people
    for child in sorted(tok.children, key=lambda c: tok.i - c.i):
        if child.dep_ == "prep" and child.lower_ == "by":
            agent_tok = first_child(child, "pobj")
        elif child.i < tok.i and patient_tok is None and (child.dep_ == "nsubj" or (
                child.dep_ in ("compound", "amod", "nmod") and (
                    child.lower_ in people or child.lemma_.lower() in people
                    or age_start(child) is not None))):
            patient_tok = child
    doc = reader.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.tag_ in ("PRP$", "DT", "PRP") and agent_tok is None:
        # "A 5-year-old shot his uncle": an object follows, so the form was active
        agent_tok, patient_tok = patient_tok, (
            after if after.tag_ == "PRP" else after.head)
    return agent_tok, patient_tok


def _named_prefix(reader: MentionReader, noun: Token) -> ActorMention | None:
    """A listed group named by the modifiers before an act noun, however they were
    parsed ("a shining path attack", "an FMLN bombing")."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
            and c.i < noun.i]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    span = reader.doc[start:noun.i]
    named = reader.registry.named_group(" ".join(span.text.split()))
    if named is None or named.type is None:
        return None
    return ActorMention(named, Span(span.start_char, span.end_char, span.text), True)
