"""Sides inferred for an act whose own clause names no agent: the side a nearby sentence claims
or blames ('the FMLN claimed responsibility', 'police blamed the blast on the rebels'), or the
only armed group the report names."""

from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.actor_mentions import ActorMention, MentionReader
from sitrep.extract.actor_phrases import first_child, of_group_tok, phrase_span
from sitrep.extract.actor_registry import NON_STATE_ARMED
from sitrep.nlp import doc_text
from sitrep.record import Actor, Span

CLAIM_SENTENCES = 4  # a claim of responsibility covers acts told this many sentences away
CLAIMED = "claimed or blamed in a nearby sentence"
_CLAIM_WORDS = re.compile(r"(?i)responsib|credit|blam|attribut|work of|handiwork|doing of")


class Claims:
    """The claims and blames of one article, read once, by the sentence that tells each."""

    def __init__(self, reader: MentionReader) -> None:
        self._reader = reader

    @cached_property
    def _found(self) -> list[tuple[int, ActorMention]]:
        return _find_claims(self._reader)

    @cached_property
    def _sent_index(self) -> dict[int, int]:
        return {s.start: i for i, s in enumerate(self._reader.sentences)}

    def nearest(self, anchor: Token) -> ActorMention | None:
        """The armed side that a nearby sentence holds responsible ('the FMLN claimed
        responsibility', 'an incident for which the guerrillas are held responsible',
        'police blamed the blast on the rebels'): ACLED codes the claimed or blamed
        perpetrator."""
        found = self._found
        sents = self._sent_index
        here = sents.get(anchor.sent.start, 0)
        best: tuple[int, ActorMention] | None = None
        for sent_start, claimed in found:
            gap = abs(sents.get(sent_start, -99) - here)
            if gap <= CLAIM_SENTENCES and (best is None or gap < best[0]):
                best = (gap, claimed)
        return best[1] if best is not None else None


def _find_claims(reader: MentionReader) -> list[tuple[int, ActorMention]]:
    """Every side the article holds responsible for an act, with the start of its sentence."""
    words = reader.words
    holders = {"responsible", "responsibility", "credit"}
    claims: list[tuple[int, ActorMention]] = []
    if not _CLAIM_WORDS.search(doc_text(reader.doc)):
        return claims  # most texts make no claim: skip the scan
    for tok in reader.doc:
        lemma = tok.lemma_.lower()
        side: Token | None = None
        if lemma in holders and tok.dep_ in ("dobj", "acomp", "oprd", "attr", "amod"):
            verb = tok.head
            if any(c.dep_ == "neg" for c in verb.children) or any(
                    c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or \
                    verb.lemma_.lower() in words.non_claim_verbs:
                continue  # "denied responsibility", "no group has claimed responsibility"
            what = [g for node in (tok, verb) for c in node.children
                    if c.dep_ == "prep" and c.lower_ in ("for", "of")
                    for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if what and not any(w.lemma_.lower() in words.claim_acts
                                or w.lemma_.lower() in words.claim_objects
                                for w in what):
                continue  # "responsible for security": no act claimed
            side = _claimant(reader, verb)
        elif lemma in words.work_words and tok.dep_ == "attr":
            act = first_child(tok.head, "nsubj")
            if act is not None and (act.lemma_.lower() in words.claim_acts
                                    or act.lemma_.lower() in words.claim_objects):
                side = of_group_tok(tok)  # "the attack was the work of the rebels"
        elif lemma in ("blame", "attribute") and tok.pos_ == "VERB":
            side = next((g for c in tok.children if c.dep_ == "prep"
                         and c.lower_ in ("on", "to") for g in c.children
                         if g.dep_ == "pobj"), None)
            obj = first_child(tok, "dobj")
            if side is None and lemma == "blame" and obj is not None and any(
                    c.dep_ == "prep" and c.lower_ == "for"
                    for c in (*tok.children, *obj.children)):
                side = obj  # "blamed the cartel for the bombing"
        if side is None or any(c.dep_ == "det" and c.lower_ == "no"
                               for c in side.children):
            continue
        found = reader.mention(side)
        if found is None and side.lemma_.lower() in words.organisation_heads:
            # "the cinchonero popular liberation movement": a group by its head word
            start, end = phrase_span(side)
            span = reader.doc[start:end]
            found = ActorMention(Actor(name=span.text.removeprefix("the "), type=None,
                                       text=span.text),
                                 Span(span.start_char, span.end_char, span.text), True)
        if found is not None and found.actor.type not in ("civilians", "protesters"):
            claims.append((tok.sent.start, found))
    return claims


def _claimant(reader: MentionReader, verb: Token) -> Token | None:
    """Who is held responsible by the clause of `verb`: its subject, climbing through
    complements ('is believed to be responsible'), or the accused object of an accusing
    verb ('accused the front of being responsible')."""
    node = verb
    for _ in range(3):
        if node.lemma_.lower() in reader.words.accusing_verbs:
            accused = first_child(node, "dobj")
            if accused is not None:
                return accused
        subj = first_child(node, "nsubj", "nsubjpass")
        if subj is not None and subj.lower_ not in ("which", "who", "that"):
            return subj
        if node.dep_ not in ("xcomp", "ccomp", "relcl", "acl", "pcomp", "pobj", "prep") \
                or node.head == node:
            return subj
        node = node.head
    return None


def sole_group(reader: MentionReader) -> ActorMention | None:
    """'A bomb exploded outside the ministry ... [the FMLN, named elsewhere in the
    report]': an attack told with no agent and no claim (by a verb or by a noun: 'the
    bombing of the ministry'), in a report that names exactly one armed non-state group
    and no denial of it, is that group's; in a report that names none, it is the first
    unnamed armed side it speaks of ('the guerrillas'). The caller keeps murders to a
    group named in their own sentence (`sole_group_acts`)."""
    groups = [m for m in reader.named if m.actor.type in NON_STATE_ARMED]
    if len({m.actor.name for m in groups}) > 1:
        return None
    groups = groups or reader.unnamed_armed  # "armed men", "the guerrillas"
    if groups and not any(t.lemma_.lower() in reader.words.denial_verbs
                          for m in groups for t in _sentence_of(reader, m.span.start)):
        # its plainest mention ("the FMLN", not "the position of the FMLN")
        return min(groups, key=lambda m: len(m.span.text.split()) > 4)
    return None


def _sentence_of(reader: MentionReader, char: int) -> SpacySpan:
    tok = reader.doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None else reader.doc[0:0]
