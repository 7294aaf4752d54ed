"""Whether a reported event is hedged or denied.

A hedge is a word or phrase of doubt in the sentence ("reportedly", "could not be independently
verified"); "suspected bomb maker" and "men believed to be militia members" doubt identities, not
events, "the disputed region" doubts nothing, and a negated claim ("no group has claimed") hedges
nothing. A denial is a denying verb ("denied", "rejected") over the event's trigger.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from sitrep.extract.counts import is_person_noun
from sitrep.extract.lexicon import load_data
from sitrep.extract.speakers import names_nobody

_DATA: dict[str, Any] = load_data("attribution.json")

_DENIAL = frozenset(_DATA["denial_verbs"])
HEDGE_VERBS = frozenset(_DATA["hedge_verbs"])
_IDENTITY_HEDGES = frozenset(_DATA["identity_hedges"])
_IDENTITY_HEADS = frozenset(_DATA["identity_head_nouns"])
_VERB_ONLY_HEDGES = frozenset(_DATA["verb_only_hedges"])


def _phrase_re(words: list[str]) -> re.Pattern[str]:
    """One case-blind pattern for the phrases, longest first, any whitespace between words."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                         reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


_HEDGE_RE = _phrase_re(_DATA["hedge_words"] + _DATA["hedge_phrases"])


def negated(tok: Token) -> bool:
    """A verb with a negation ("has not confirmed")."""
    return any(c.dep_ == "neg" for c in tok.children)


def find_denial(sent: Span, trigger: int | None) -> Token | None:
    """A denying verb in the sentence over the trigger (any, when there is no trigger)."""
    for tok in sent:
        if (tok.pos_ == "VERB" and tok.lemma_.lower() in _DENIAL) and (
            trigger is None or trigger == tok.i or any(t.i == trigger for t in tok.subtree)
        ):
            return tok
    return None


def find_hedge(doc: Doc, sent: Span) -> re.Match[str] | None:
    """The first hedge in the sentence. "suspected" or "alleged" before a person noun
    ("suspected militants") doubts who they are, not that the event happened."""
    for m in _HEDGE_RE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                             alignment_mode="expand")
        if span is None:
            return m
        root = span.root
        if m.group(0).lower() in _IDENTITY_HEDGES and root.dep_ == "amod" and (
                is_person_noun(root.head.lemma_.lower())
                or root.head.lemma_.lower() in _IDENTITY_HEADS):
            continue
        if root.dep_ == "acl" and root.tag_ == "VBN" and is_person_noun(
                root.head.lemma_.lower()):
            continue  # "armed men, believed to be members of a militia"
        if m.group(0).lower() in _VERB_ONLY_HEDGES and root.dep_ == "amod":
            continue  # "the disputed region"
        if root.pos_ == "VERB" and root.lemma_.lower() in HEDGE_VERBS and (negated(root) or any(
                c.dep_ == "nsubj" and names_nobody(c) for c in root.children)):
            continue  # "no group has claimed responsibility": nothing is claimed
        return m
    return None
