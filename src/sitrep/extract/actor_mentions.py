"""Actor mentions of one article: the actor a noun names, through the registry, the groups its
'of'-phrase names, unlisted names, and coreference (pronouns and generic words such as "the
militants" stand for a named actor told before)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.extract.actor_phrases import (
    DATELINE_CHARS,
    age_start,
    first_child,
    of_group_tok,
    phrase_span,
)
from sitrep.extract.actor_registry import NON_STATE_ARMED, ActorRegistry
from sitrep.nlp import doc_text
from sitrep.record import Actor, Span

PLACE_HEADS = {"neighborhood", "neighbourhood", "district", "village", "town", "city", "province",
               "governorate", "region", "area", "base", "camp", "street", "road", "square",
               "market", "airport", "county", "state", "quarter", "suburb", "valley"}
PRONOUN_SENTENCES = 2  # a pronoun refers back at most this many sentences
PRONOUNS = {"they", "it", "he", "she", "them", "we"}
_MID_CAPITAL = re.compile(r"(?<![.!?:\"'\n]\s)(?<![.!?:\"'\n])(?<!^)\b[A-Z]")
_NOT_ACTOR_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}


@dataclass(slots=True)
class ActorMention:
    """A phrase in the article that the registry normalised, with its span."""

    actor: Actor
    span: Span
    named: bool  # a named group or state, not a generic category
    inferred: str | None = None  # how the side was chosen when no clause names it as agent


class MentionReader:
    """Reads the actor mentions of one article and resolves pronouns and generic words to
    the named actors told before."""

    def __init__(self, registry: ActorRegistry, doc: Doc, focus_country: str | None) -> None:
        self.registry = registry
        self.words = registry.words
        self.doc = doc
        self.focus_country = focus_country
        # a wire with no capitals but at sentence starts: names are not told by case
        self._lower_text = len(_MID_CAPITAL.findall(doc_text(doc))) <= len(doc) // 200
        self.named: list[ActorMention] = []  # named actors in text order, for coreference
        self.unnamed_armed: list[ActorMention] = []  # "the guerrillas", "armed men"
        for chunk in doc.noun_chunks:
            found = self._mention(chunk.root, resolve=False)
            if found is not None and found.named:
                self.named.append(found)
            elif found is not None and found.actor.type in NON_STATE_ARMED:
                self.unnamed_armed.append(found)

    @cached_property
    def sentences(self) -> list[SpacySpan]:
        """The article's sentences, in order."""
        return list(self.doc.sents)

    def mention(self, tok: Token) -> ActorMention | None:
        """The actor that the noun `tok` names, resolved through coreference."""
        return self._mention(tok)

    def armed(self, tok: Token) -> bool:
        """Whether `tok` names an armed side (not civilians or protesters)."""
        found = self.mention(tok)
        return found is not None and found.actor.type not in (None, "civilians", "protesters")

    def civilian(self, tok: Token) -> bool:
        """Whether `tok` names civilians."""
        found = self.mention(tok)
        return found is not None and found.actor.type == "civilians"

    def _mention(self, tok: Token, resolve: bool = True) -> ActorMention | None:
        start, end = phrase_span(tok)
        age = age_start(tok)
        if age is not None:
            # "a 5-year-old shot his uncle", "the 17-year-old was shot": a person by age
            span = self.doc[age:tok.i + 1]
            return ActorMention(Actor("Civilians", "civilians", span.text),
                                Span(span.start_char, span.end_char, span.text), False)
        span = self.doc[start:end]
        text = span.text
        if tok.lower_ in PRONOUNS:
            return self._pronoun(tok, span) if resolve else None
        head = tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_
        result = self.registry.normalise(text, head, self.focus_country)
        if result is None and tok.lower_ != head:
            result = self.registry.normalise(text, tok.lower_, self.focus_country)
        of_group = self._of_group(tok, head, result, resolve)
        if of_group is not None:
            obj = self._group_obj(tok)
            whole = self.doc[start:max(end, phrase_span(obj)[1] if obj is not None else end)]
            actor = Actor(of_group.actor.name, of_group.actor.type, whole.text)
            return ActorMention(actor, Span(whole.start_char, whole.end_char, whole.text),
                                of_group.named)
        if result is None:
            result = self._unlisted(tok, span)
        if result is None:
            return None
        actor, named = result
        if not named and actor.type in NON_STATE_ARMED:
            prefix = self._group_prefix(tok)
            if prefix is not None:  # "National Liberation Front rebels": the front's
                actor = Actor(prefix, actor.type, text)
                return ActorMention(actor, Span(span.start_char, span.end_char, text), True)
        if resolve and not named and self.registry.is_coref_category(actor):
            prior = self._latest_before(span.start_char, non_state=True) or \
                self._only_named_group
            if prior is not None:
                actor = Actor(prior.actor.name, prior.actor.type, text)
                named = True
        return ActorMention(actor, Span(span.start_char, span.end_char, text), named)

    def _of_group(self, tok: Token, head: str, result: tuple[Actor, bool] | None,
                  resolve: bool) -> ActorMention | None:
        """The group named in the 'of'-phrase when it says who the phrase is: 'members of
        the army', 'a column of guerrillas', 'terrorists of the FMLN'."""
        obj = self._group_obj(tok)
        if obj is None:
            return None
        partitive = head in self.words.partitive_heads or \
            tok.lower_ in self.words.partitive_heads
        if not partitive and result is not None and result[1]:
            return None  # already a named actor
        found = self._mention(obj, resolve)
        if found is not None and found.actor.type is None and (partitive or (
                result is not None and result[0].type in NON_STATE_ARMED)) and (
                obj.ent_type_ == "ORG" or obj.lemma_.lower() in self.words.organisation_heads):
            # "members of the Manuel Rodriguez Patriotic Front", "guerrillas of the popular
            # liberation army": an organisation the registry does not list
            return found
        if found is None or found.actor.type is None:
            return None  # "the murderers of Archbishop Romero": the victim, not the group
        if partitive or (found.named and found.actor.type not in ("civilians", "protesters")):
            return found
        return None

    def _group_obj(self, tok: Token) -> Token | None:
        """The object of the 'of'-phrase right of `tok`, or of a 'from'-phrase that names an
        organisation ('fighters from the National Liberation Front'; not 'gunmen from the
        village')."""
        obj = of_group_tok(tok)
        if obj is not None:
            return obj
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "from":
                obj = first_child(child, "pobj")
                if obj is not None and (obj.ent_type_ == "ORG" or self.registry.named_group(
                        self.doc[obj.left_edge.i:obj.i + 1].text) is not None):
                    return obj
        return None

    def _group_prefix(self, tok: Token) -> str | None:
        """An organisation the registry does not list, named before a generic armed head
        ('National Liberation Front rebels'); not a place or a nation ('Kurdish rebels'), not
        in a text whose case tells no names, not a capitalised first word ('Urban guerrillas')."""
        if self._lower_text:
            return None
        for child in tok.children:
            if child.dep_ != "compound" or child.i > tok.i or child.ent_type_ != "ORG":
                continue
            words = self.doc[child.left_edge.i:child.i + 1]
            if (words.text.isupper() and words.start_char < DATELINE_CHARS) or (
                    len(words) == 1 and words[0].is_sent_start):
                return None
            if self.registry.country_in(words.text) is None:
                return words.text.removeprefix("the ").removeprefix("The ")
        return None

    def _unlisted(self, tok: Token, span: SpacySpan) -> tuple[Actor, bool] | None:
        """A named organisation, person or nation the registry does not list: kept by its
        words with no type (a country name alone stands for its state)."""
        ent = tok.ent_type_
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in PLACE_HEADS:
            return None  # "the Quds neighborhood": a place, not an actor
        if span.text.isupper() and span.start_char < DATELINE_CHARS:
            return None  # the place of a dateline ("KHARKIV (Reuters) -"), not an actor
        if ent in _NOT_ACTOR_ENTS or tok.lower_ in _MONTHS:
            return None  # "october", "the 28th": a time or a number, not an actor
        if ent == "GPE":
            code = self.registry.country_in(span.text)
            if code is None:
                return None
            return self.registry.state_actor(code, "Government of {country}", span.text), True
        if ent in ("ORG", "NORP", "PERSON") or (tok.pos_ == "PROPN" and not ent) or \
                self._organisation_name(tok, span):
            name = span.text.removeprefix("the ").removeprefix("The ")
            if "(" in name and ")" not in name:
                name = name.split("(")[0].strip() or name  # "the Front (FNL": its name
            return Actor(name=name, type=None, text=span.text), True
        return None

    def _organisation_name(self, tok: Token, span: SpacySpan) -> bool:
        """'the manuel rodriguez patriotic front' in lower-cased text: an organisation word
        after at least two words of name (not 'the armed group', which the registry reads)."""
        if tok.lemma_.lower() not in self.words.organisation_heads or (
                not self._lower_text and tok.pos_ != "PROPN"):
            return False
        name = [t for t in span if t.i < tok.i and t.is_alpha and t.pos_ in
                ("PROPN", "NOUN", "ADJ") and t.dep_ in ("compound", "amod", "nmod")]
        return len(name) >= 2

    # coreference

    def _pronoun(self, tok: Token, span: SpacySpan) -> ActorMention | None:
        """The named actor a pronoun stands for: the last one of the last sentences."""
        text = span.text
        if (tok.lower_ == "it" and tok.dep_ != "nsubj") or tok.lower_ == "we":
            return None  # "we" in quoted speech is the speaker's side, not the last named
        prior = self._latest_before(span.start_char, non_state=False,
                                    typed=tok.lower_ in ("they", "them", "it"))
        if prior is None or prior.span.start < self._recent_start(tok):
            return None  # a pronoun stands for an actor of the last sentences only
        if prior.actor.name.startswith("Government of") or (
                tok.lower_ in ("he", "she") and prior.actor.type is not None
                and prior.actor.type != "state forces"):
            # the government as a body is named, not pronominalised, as a doer ("they"
            # after "the government said" are its opponents as often as its forces);
            # "he" and "she" stand for a person, not a group
            return None
        actor = Actor(prior.actor.name, prior.actor.type, text)
        return ActorMention(actor, Span(span.start_char, span.end_char, text), True)

    @cached_property
    def _only_named_group(self) -> ActorMention | None:
        """The one armed non-state group the report names, wherever it names it: 'urban
        guerrillas attacked the post ... the FMLN said' (a report naming two such groups gives
        no answer)."""
        groups = {m.actor.name: m for m in reversed(self.named)
                  if m.actor.type in NON_STATE_ARMED}
        return next(iter(groups.values())) if len(groups) == 1 else None

    def _recent_start(self, tok: Token) -> int:
        """Character offset where the sentences a pronoun may refer back into begin."""
        sents = self.sentences
        here = next((i for i, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        return sents[max(0, here - PRONOUN_SENTENCES)].start_char

    def _latest_before(self, char: int, non_state: bool,
                       typed: bool = False) -> ActorMention | None:
        """The last named actor before `char` (a non-state armed one when `non_state`; one
        the registry knows when `typed`: "they" and "it" stand for groups, not persons)."""
        found = None
        for mention in self.named:
            if mention.span.start >= char:
                break
            if typed and mention.actor.type is None:
                continue
            if not non_state or mention.actor.type in NON_STATE_ARMED:
                found = mention
        return found
