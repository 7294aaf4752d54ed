"""Actors: who acted and who was acted upon, normalised through an actor registry.

The registry (``data/actors.json``, extendable with a user file of the same shape) holds named
armed groups with their spellings, generic categories (civilians, protesters, unidentified armed
groups) and the heads that make "<Iraqi> forces" the state forces of a country. `ActorRegistry`
normalises a phrase; `find_roles` reads actor1/actor2 from the dependency parse around a trigger.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.countries import demonyms
from sitrep.extract.events import default_lexicon, headline_participle
from sitrep.extract.lexicon import load_data
from sitrep.nlp import doc_text
from sitrep.record import Actor, Span

NON_STATE_ARMED = {"rebel group", "political militia", "identity militia"}
PLACE_HEADS = {"neighborhood", "neighbourhood", "district", "village", "town", "city", "province",
               "governorate", "region", "area", "base", "camp", "street", "road", "square",
               "market", "airport", "county", "state", "quarter", "suburb", "valley"}
DATELINE_CHARS = 80  # a dateline stands within the first characters of the text
CLAIM_SENTENCES = 4  # a claim of responsibility covers acts told this many sentences away
PRONOUN_SENTENCES = 2  # a pronoun refers back at most this many sentences
CLAIMED = "claimed or blamed in a nearby sentence"
_CLAIM_WORDS = re.compile(r"(?i)responsib|credit|blam|attribut|work of|handiwork|doing of")
_MID_CAPITAL = re.compile(r"(?<![.!?:\"'\n]\s)(?<![.!?:\"'\n])(?<!^)\b[A-Z]")
_NOT_ACTOR_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}
_DETERMINER = re.compile(r"^(?:the|a|an|these|those|its|their|his|her|our|your)\s+")
PRONOUNS = {"they", "it", "he", "she", "them", "we"}
ACT_VERBS = {"firing": "fire", "fire": "fire", "shooting": "shoot", "shelling": "shell",
             "bombing": "bomb", "attack": "attack", "raid": "raid", "assault": "assault",
             "clash": "clash"}
ACT_NOUNS = {"fire", "firing", "shoot", "attack", "action", "raid", "shelling", "bombing",
             "operation", "crackdown", "assault", "strike", "shooting", "encounter", "bullet",
             "lathicharge", "beating", "torture", "clash"}
RECIPROCAL_NOUNS = {"clash", "encounter", "fight", "skirmish", "gunbattle", "battle"}


@dataclass(slots=True)
class ActorMention:
    """A phrase in the article that the registry normalised, with its span."""

    actor: Actor
    span: Span
    named: bool  # a named group or state, not a generic category
    inferred: str | None = None  # how the side was chosen when no clause names it as agent


def _controlled_subject(verb: Token) -> Token | None:
    """The subject of `verb`, or of the verbs it is the open complement of ('the police had
    to resort to firing': 'resort' takes the subject of 'had')."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None or verb.dep_ != "xcomp" or verb.head == verb:
            return subj
        verb = verb.head
    return None


def _inferred(mention: ActorMention | None, how: str) -> ActorMention | None:
    """The mention marked as chosen by inference rather than read from the act's clause."""
    return replace(mention, inferred=how) if mention is not None else None


def _country_name(code: str) -> str:
    """The country's short name for actor names: "Russia", not "Russian Federation"."""
    short: dict[str, str] = load_data("actors.json")["country_names"]
    if code in short:
        return short[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


class ActorRegistry:
    """Normalises actor phrases to canonical names and ACLED actor types."""

    def __init__(self, extra: Path | None = None) -> None:
        data: dict[str, Any] = load_data("actors.json")
        groups: list[dict[str, Any]] = list(data["groups"])
        generic: list[dict[str, Any]] = list(data["generic"])
        if extra is not None:
            user = json.loads(Path(extra).read_text(encoding="utf-8"))
            groups = list(user.get("groups", [])) + groups  # user entries win
            generic = list(user.get("generic", [])) + generic
        self._alias: dict[str, tuple[str, str | None]] = {}
        self._acronym: dict[str, tuple[str, str | None]] = {}
        for group in groups:
            for alias in [group["name"], *group.get("aliases", [])]:
                entry = (group["name"], group.get("type"))
                if len(alias) <= 5 and alias.replace(".", "").isupper():
                    self._acronym.setdefault(alias, entry)
                else:
                    self._alias.setdefault(alias.lower(), entry)
        self._generic: dict[str, tuple[str, str, bool]] = {}
        for item in generic:
            for head in item["heads"]:
                self._generic[head.lower()] = (item["name"], item["type"], bool(item.get("coref")))
        self._state_heads: dict[str, str] = {}
        for template, heads in data["state"].items():
            if template.startswith("_"):
                continue
            for head in heads:
                self._state_heads.setdefault(head.lower(), template)
        self._bare_state = {h.lower() for h in data["bare_state_heads"]}
        self.patient_subject_verbs = set(data.get("patient_subject_verbs", []))
        self.life_verbs = set(_words(data, "life_losing_verbs"))
        self.armed_modifiers = set(_words(data, "armed_modifiers"))
        self.partitive_heads = set(_words(data, "partitive_heads"))
        self.non_agent_verbs = set(_words(data, "non_agent_verbs"))
        self.patient_possessive_nouns = set(_words(data, "patient_possessive_nouns"))
        self.accusing_verbs = set(_words(data, "accusing_verbs"))
        self.reciprocal_verbs = set(_words(data, "reciprocal_verbs"))
        self.to_agent_verbs = set(_words(data, "to_agent_verbs"))
        self.death_words = set(_words(data, "death_words"))
        self.injury_words = set(_words(data, "injury_words"))
        self.claim_acts = set(_words(data, "claim_acts"))
        self.non_claim_verbs = set(_words(data, "non_claim_verbs"))
        self.denial_verbs = set(_words(data, "denial_verbs"))
        self.organisation_heads = set(_words(data, "organisation_heads"))
        self.claim_objects = set(_words(data, "claim_objects"))
        self.custody_words = set(_words(data, "custody_words"))
        self.aircraft_heads = set(_words(data, "aircraft_heads"))
        self.work_words = set(_words(data, "work_words"))
        self.sole_group_acts = set(_words(data, "sole_group_acts"))
        self.unarmed_roles = set(_words(data, "unarmed_roles"))
        self.insurgent_name_words = set(_words(data, "insurgent_name_words"))
        links = data.get("associate_links", {})
        self.support_verbs = set(links.get("support_verbs", []))
        self.support_nouns = set(links.get("support_nouns", []))
        self.beside_preps = set(links.get("beside_preps", []))
        self.with_adverbs = set(links.get("with_adverbs", []))
        self.reciprocal_nouns = set(links.get("reciprocal_nouns", []))
        state = data.get("victim_state", {})
        self.victim_preps = set(state.get("prepositions", []))
        self.victim_verbs = set(state.get("verbs", []))
        self.victim_words = set(state.get("words", []))
        self.responsibility: dict[str, set[str]] = {
            k: set(v) for k, v in data.get("responsibility", {}).items() if not k.startswith("_")}
        self.responsibility.setdefault("holders", set())
        self.responsibility.setdefault("blame_verbs", set())
        self._country_words: dict[str, str] = {}
        self._country_words.update(demonyms())
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                name = getattr(country, attr, None)
                if name:
                    self._country_words.setdefault(name.lower(), country.alpha_2)
        aliases = sorted(self._alias, key=len, reverse=True)
        self._alias_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])",
            re.IGNORECASE,
        )
        acronyms = sorted(self._acronym, key=len, reverse=True)
        self._acronym_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in acronyms) + r")(?![\w-]|\.\w)"
        )
        # text with no capitals at all (lower-cased wires) can only name a group in lower case
        self._lower_acronym = {a.lower(): e for a, e in self._acronym.items() if len(a) >= 3}
        self._lower_acronym_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(
                self._lower_acronym, key=len, reverse=True)) + r")(?![\w-]|\.\w)"
        )
        words = sorted(self._country_words, key=len, reverse=True)
        self._country_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.IGNORECASE
        )

    def country_in(self, text: str) -> str | None:
        """ISO code of the first country name or demonym in `text`."""
        m = self._country_re.search(text)
        return self._country_words[m.group(1).lower()] if m else None

    def dies(self, verb: Token) -> bool:
        """Whether the verb's subject suffered rather than acted: 'two men died', 'three
        persons lost their lives'."""
        lemma = verb.lemma_.lower()
        return lemma in self.patient_subject_verbs or (lemma in self.life_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children))

    def state_actor(self, code: str | None, template: str, text: str) -> Actor:
        country = _country_name(code) if code else "Unknown Country"
        return Actor(name=template.format(country=country), type="state forces", text=text)

    def normalise(self, text: str, head: str,
                  focus_country: str | None) -> tuple[Actor, bool] | None:
        """Normalise an actor phrase; `head` is its head word (lower-cased lemma).

        Returns the actor and whether it is a named actor (not a generic category).
        """
        flat = " ".join(text.split())  # names run across line breaks in wrapped wires
        named = self._named_group(flat)
        if named is not None:
            return replace(named, text=text), True
        head = head.lower()
        lowered = flat.lower()
        template = self._state_template(head, lowered)
        if template is None and head in self.partitive_heads and len(lowered.split()) > 1:
            # "armed forces members", "army personnel": members of the force its words name
            rest = " ".join(text.split()[:-1])
            whole = self.normalise(rest, rest.split()[-1], focus_country)
            if whole is not None and whole[0].type == "state forces":
                return replace(whole[0], text=text), True
        if template is None and lowered.split():
            template = self._state_template(lowered.split()[-1], lowered)
        code = self.country_in(flat)
        if template is not None and head in ("army", "force", "forces") and any(
                w in self.insurgent_name_words for w in re.findall(
                    r"[a-z']+", self._country_re.sub(" ", lowered))):
            # "the popular liberation army", "the zarate willka liberation armed forces": a
            # force whose name says it fights the state, not the state's army; a group's own
            # name wins over the country it holds ("the Myanmar National Democratic
            # Alliance Army")
            return None
        if template is not None and code is not None:
            return self.state_actor(code, template, text), True
        if template is not None and (head in self._bare_state or lowered in self._bare_state
                                     or _DETERMINER.sub("", lowered) in self._bare_state):
            # "the armed forces", "the security forces": a bare head after its determiner
            return self.state_actor(focus_country, template, text), True
        if self._aircraft(head, lowered):
            return self._aircraft_side(text, lowered, focus_country)
        generic = self._generic.get(head) or self._generic.get(lowered) or \
            self._generic.get(_DETERMINER.sub("", lowered))  # "the death squads"
        if generic is not None and generic[1] == "civilians" and head not in \
                self.unarmed_roles and any(
                w in self.armed_modifiers for w in re.findall(r"[a-z]+", lowered)):
            # "heavily armed men", "unidentified individuals": an armed group, not civilians
            generic = self._generic.get("armed men", generic)
        if generic is not None:
            return Actor(name=generic[0], type=generic[1], text=text), False
        return None

    def _aircraft(self, head: str, lowered: str) -> bool:
        """Whether the phrase is headed by a military aircraft ('fighter jets', 'drones')."""
        words = lowered.split()
        return head in self.aircraft_heads or (
            bool(words) and (words[-1] in self.aircraft_heads
                             or " ".join(words[-2:]) in self.aircraft_heads))

    def _aircraft_side(self, text: str, lowered: str,
                       focus_country: str | None) -> tuple[Actor, bool]:
        """Whose aircraft: a generic armed word among the modifiers names a non-state side
        ('rebel drones'); otherwise the air force of the report's country ('fighter jets',
        'helicopter gunships': a kind of aircraft, not a group called 'Fighter')."""
        for word in re.findall(r"[a-z]+", lowered)[:-1]:
            found = self._generic.get(word)
            if found is not None and found[1] in NON_STATE_ARMED and word not in \
                    self.aircraft_heads and not any(word in h.split() for h in self.aircraft_heads):
                return Actor(name=found[0], type=found[1], text=text), False
        return self.state_actor(focus_country, "Military Forces of {country}", text), True

    def named_groups(self, text: str) -> list[Actor]:
        """Every listed group the phrase names, in order ("FMLN and ERP guerrillas")."""
        found: list[tuple[int, Actor]] = []
        text = " ".join(text.split())
        tables = [(self._alias_re, self._alias, True), (self._acronym_re, self._acronym, False)]
        if text == text.lower():
            tables.append((self._lower_acronym_re, self._lower_acronym, True))
        for regex, table, fold in tables:
            for m in regex.finditer(text):
                entry = table.get(m.group(0).lower() if fold else m.group(0))
                if entry is not None:
                    found.append((m.start(), Actor(entry[0], entry[1], m.group(0))))
        return [actor for _, actor in sorted(found, key=lambda f: f[0])]

    def is_coref_category(self, actor: Actor) -> bool:
        return any(name == actor.name and coref for name, _, coref in self._generic.values())

    def _named_group(self, text: str) -> Actor | None:
        best: tuple[int, tuple[str, str | None]] | None = None
        tables = [(self._alias_re, self._alias, True), (self._acronym_re, self._acronym, False)]
        if text == text.lower():
            tables.append((self._lower_acronym_re, self._lower_acronym, True))
        for regex, table, fold in tables:
            for m in regex.finditer(text):
                key = m.group(0).lower() if fold else m.group(0)
                entry = table.get(key)
                if entry is not None and (best is None or len(m.group(0)) > best[0]):
                    best = (len(m.group(0)), entry)
        if best is None:
            return None
        name, typ = best[1]
        return Actor(name=name, type=typ, text=text)

    def _state_template(self, head: str, lowered: str) -> str | None:
        for words in sorted(self._state_heads, key=len, reverse=True):
            if " " in words and words in lowered:
                return self._state_heads[words]
        return self._state_heads.get(head)


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, {})
    return list(value.get("words", [])) if isinstance(value, dict) else list(value)


def _opponents(one: Actor, other: Actor) -> bool:
    """A state's forces and a non-state armed group: two sides joined by 'and' that fought
    each other far more often than together."""
    return {one.type, other.type} & {"state forces"} != set() and \
        {one.type, other.type} & NON_STATE_ARMED != set()


def _conjuncts(tok: Token) -> list[Token]:
    """The nominal words conjoined with `tok` ("the FMLN, the ERP and the FPL")."""
    return [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "ADJ", "PRON")]


def _reduced_passive(verb: Token, subj: Token) -> bool:
    """'Man killed, boy injured in drive-by shooting': a past participle with a subject but no
    auxiliary and no object is a reduced passive (headline style); its subject suffered."""
    if verb.tag_ != "VBN" or subj.dep_ != "nsubj" or subj.head != verb or subj.i > verb.i:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp", "attr")
                   for c in verb.children)


def _own_phrase(anchor: Token) -> list[Token]:
    """The anchor's subtree without the clauses below it (a relative or adverbial clause with
    a verb of its own tells another act)."""
    out: list[Token] = []
    stack = list(anchor.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("relcl", "advcl", "ccomp", "parataxis") or (
                tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            continue
        out.append(tok)
        stack.extend(tok.children)
    return out


def phrase_span(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `tok`, without relative clauses.

    Keeps "of"-phrases of proper names ("the Islamic State of Iraq and the Levant") and a
    bracketed acronym right after the head.
    """
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and (objs[0].pos_ == "PROPN" or objs[0].lemma_ in ("own", "its")):
                end = max(end, objs[0].right_edge.i + 1)
        elif (child.dep_ == "appos" and child.i == end + 1 and tok.doc[end].text == "(") or (
                child.dep_ in ("compound", "amod", "nummod", "nmod") and child.i == end):
            end = child.i + 1
    doc = tok.doc
    for i in range(tok.i - 1, start - 1, -1):
        if doc[i].text in ("-", "--", "–", "—", ")"):  # a dateline or aside ends here
            start = i + 1
            break
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, min(end, len(doc))


def _age_start(tok: Token) -> int | None:
    """Start of '19-year-old' when `tok` is its 'old' standing as a noun phrase (not 'a
    19-year-old man', where the age modifies a noun)."""
    doc = tok.doc
    if tok.lower_ != "old" or tok.i < 4 or tok.dep_ == "compound" or \
            doc[tok.i - 1].text != "-" or doc[tok.i - 3].text != "-" or \
            doc[tok.i - 2].lemma_.lower() not in ("year", "month", "week", "day"):
        return None
    return tok.i - 4 if doc[tok.i - 4].like_num else None


def of_group_tok(tok: Token) -> Token | None:
    """The object of the 'of'-phrase right of `tok`, if any."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


class ActorResolver:
    """Reads actor mentions in one article and resolves pronouns and generic words to them."""

    def __init__(self, registry: ActorRegistry, doc: Doc, focus_country: str | None) -> None:
        self.registry = registry
        self.doc = doc
        self.focus_country = focus_country
        self._claims: list[tuple[int, ActorMention]] | None = None
        self._sole: ActorMention | None = None
        self._sole_done = False
        self._only: tuple[ActorMention, ...] | None = None
        # a wire with no capitals but at sentence starts: names are not told by case
        self._lower_text = len(_MID_CAPITAL.findall(doc_text(doc))) <= len(doc) // 200
        self._sent_index: dict[int, int] | None = None
        self._sents: list[SpacySpan] | None = None
        self.named: list[ActorMention] = []  # named actors in text order, for coreference
        self.unnamed_armed: list[ActorMention] = []  # "the guerrillas", "armed men"
        for chunk in doc.noun_chunks:
            found = self._mention(chunk.root, resolve=False)
            if found is not None and found.named:
                self.named.append(found)
            elif found is not None and found.actor.type in NON_STATE_ARMED:
                self.unnamed_armed.append(found)

    def _mention(self, tok: Token, resolve: bool = True) -> ActorMention | None:
        start, end = phrase_span(tok)
        age = _age_start(tok)
        if age is not None:
            # "a 5-year-old shot his uncle", "the 17-year-old was shot": a person by age
            span = self.doc[age:tok.i + 1]
            return ActorMention(Actor("Civilians", "civilians", span.text),
                                Span(span.start_char, span.end_char, span.text), False)
        span = self.doc[start:end]
        text = span.text
        if tok.lower_ in PRONOUNS:
            if not resolve or (tok.lower_ == "it" and tok.dep_ != "nsubj") or \
                    tok.lower_ == "we":
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
                self._only_named_group()
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
        partitive = head in self.registry.partitive_heads or \
            tok.lower_ in self.registry.partitive_heads
        if not partitive and result is not None and result[1]:
            return None  # already a named actor
        found = self._mention(obj, resolve)
        if found is not None and found.actor.type is None and (partitive or (
                result is not None and result[0].type in NON_STATE_ARMED)) and (
                obj.ent_type_ == "ORG" or obj.lemma_.lower() in self.registry.organisation_heads):
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
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and (obj.ent_type_ == "ORG" or self.registry._named_group(
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
        if tok.lemma_.lower() not in self.registry.organisation_heads or (
                not self._lower_text and tok.pos_ != "PROPN"):
            return False
        name = [t for t in span if t.i < tok.i and t.is_alpha and t.pos_ in
                ("PROPN", "NOUN", "ADJ") and t.dep_ in ("compound", "amod", "nmod")]
        return len(name) >= 2

    def _only_named_group(self) -> ActorMention | None:
        """The one armed non-state group the report names, wherever it names it: 'urban
        guerrillas attacked the post ... the FMLN said' (a report naming two such groups gives
        no answer)."""
        if self._only is None:
            groups = {m.actor.name: m for m in reversed(self.named)
                      if m.actor.type in NON_STATE_ARMED}
            self._only = (next(iter(groups.values())),) if len(groups) == 1 else ()
        return self._only[0] if self._only else None

    def _recent_start(self, tok: Token) -> int:
        """Character offset where the sentences a pronoun may refer back into begin."""
        sents = list(self.doc.sents) if self._sents is None else self._sents
        self._sents = sents
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

    def mention(self, tok: Token) -> ActorMention | None:
        """The actor that the noun `tok` names, resolved through coreference."""
        return self._mention(tok)

    def roles(self, anchors: list[Token]) -> tuple[ActorMention | None, ActorMention | None]:
        """actor1 (the side that acted) and actor2 (the side acted upon) around trigger tokens."""
        actor1: ActorMention | None = None
        actor2: ActorMention | None = None
        others: list[ActorMention] = []
        for anchor in anchors:
            a1, a2 = self._roles_of(anchor)
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
            actor1 = self._agent_in_phrase(anchors)
        if actor1 is None and anchors:
            actor1 = _inferred(self._firing_just_before(anchors[0]),
                               "the force that fired in the sentence before")
        if actor1 is None and any(a.lemma_.lower() in self.registry.claim_acts
                                  or a.lower_ in self.registry.claim_acts for a in anchors):
            actor1 = _inferred(self._nearest_claim(anchors[0]), CLAIMED)
            if actor1 is None:
                sole = self._sole_group()
                if sole is not None and not any(
                        a.lemma_.lower() in self.registry.sole_group_acts
                        or a.lower_ in self.registry.sole_group_acts for a in anchors) and \
                        not anchors[0].sent.start_char <= sole.span.start < \
                        anchors[0].sent.end_char:
                    sole = None  # a murder takes the group only when its own sentence names it
                actor1 = _inferred(sole,
                                   "the only armed group the report names; no one claimed it")
        if actor1 is not None and actor2 is not None and actor1.span == actor2.span:
            actor2 = None  # one phrase read as both sides ("police firing" misparsed)
        return actor1, actor2

    def associates(self, main: ActorMention | None, anchors: list[Token],
                   exclude: tuple[ActorMention | None, ...] = (),
                   acting: bool = True) -> list[Actor]:
        """ACLED's associated actors of one side: the other sides conjoined with its phrase
        ("the FMLN and the ERP attacked", "FMLN and ERP guerrillas", "a joint operation by
        the army and the police", "soldiers and policemen were wounded"), and, for the side
        that acted (`acting`), the sides it acted with ("troops, backed by militiamen", "with
        the support of", "alongside"). Each is normalised like the main actor; neither the
        main actor nor a side in `exclude` (the other role) is repeated."""
        if main is None or main.span.part != "body" or (
                main.inferred is not None and main.inferred != CLAIMED):
            return []  # a side inferred from elsewhere: its neighbours there are no allies
        root = self._span_root(main.span)
        if root is None:
            return []
        reciprocal = acting and (root.head.lower_ == "between" or any(
            a.lemma_.lower() in self.registry.reciprocal_nouns
            or a.lemma_.lower() in self.registry.reciprocal_verbs for a in anchors))
        toks: list[Token] = []
        if not reciprocal:  # "X and Y clashed": the conjoined sides fought each other
            toks.extend(_conjuncts(root))
            for mod in root.children:
                if mod.dep_ in ("compound", "amod", "nmod") and mod.i < root.i:
                    toks.extend(_conjuncts(mod))
        n_backed = 0
        if acting:
            for node in (root, *anchors):
                backed = self._backers(node)
                toks.extend(backed)
                n_backed += len(backed)
        seen = {main.actor.name} | {m.actor.name for m in exclude if m is not None}
        out: list[Actor] = []
        if not reciprocal:
            for listed in self.registry.named_groups(main.span.text):
                if listed.name not in seen:  # "FMLN and ERP guerrillas" read as one phrase
                    seen.add(listed.name)
                    out.append(listed)
        backers = set(toks[len(toks) - n_backed:]) if n_backed else set()
        for tok in toks:
            actor = self._associate(tok, root)
            if actor is None or actor.name in seen or (
                    acting and actor.type in ("civilians", "protesters")
                    and main.actor.type not in ("civilians", "protesters", "rioters")):
                continue
            if acting and tok not in backers and _opponents(main.actor, actor):
                continue  # "six guerrillas and one soldier were killed": not one side
            seen.add(actor.name)
            out.append(actor)
        return out

    def _span_root(self, span: Span) -> Token | None:
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return found.root if found is not None else None

    def _associate(self, tok: Token, root: Token) -> Actor | None:
        """The actor a conjoined or supporting word names; a bare modifier takes the main
        phrase's head ("Salvadoran and Honduran troops": Honduran troops)."""
        found: ActorMention | None = None
        if tok.dep_ == "conj" and tok.head.i < root.i and tok.i < root.i and \
                tok.pos_ in ("ADJ", "PROPN", "NOUN"):
            words = self.doc[tok.left_edge.i:tok.i + 1].text + " " + root.text
            result = self.registry.normalise(words, root.lemma_.lower(), self.focus_country)
            if result is not None and result[1]:
                return result[0]
            found = self.mention(tok)  # "FMLN and ERP guerrillas": the ERP
            if found is not None and found.named:
                return found.actor
            return result[0] if result is not None else None
        found = self.mention(tok)
        if found is None or not found.named or found.actor.name != found.actor.text:
            # "FMLN and ERP guerrillas" parsed as "FMLN" and "ERP guerrillas": the name
            # among the conjunct's modifiers, not the generic word it heads
            for mod in tok.children:
                if mod.dep_ == "compound" and mod.i < tok.i and (
                        mod.pos_ == "PROPN" or mod.ent_type_ == "ORG"):
                    named = self.mention(mod)
                    if named is not None and named.named:
                        return named.actor
        return found.actor if found is not None else None

    def _backers(self, node: Token) -> list[Token]:
        """Sides named as acting with `node`'s side: 'backed by Y', 'with the support of Y',
        'alongside Y', 'together with Y'."""
        out: list[Token] = []
        reg = self.registry
        for child in node.children:
            obj: Token | None = None
            if child.dep_ in ("acl", "advcl") and child.lemma_.lower() in reg.support_verbs:
                by = next((c for c in child.children if c.dep_ == "agent"), None)
                obj = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
            elif child.dep_ == "prep" and child.lower_ in reg.beside_preps:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "prep" and child.lower_ == "with":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                before = self.doc[child.i - 1] if child.i > 0 else child
                if pobj is not None and pobj.lemma_.lower() in reg.support_nouns:
                    obj = of_group_tok(pobj)  # "with the support of the air force"
                elif pobj is not None and (before.lower_ in reg.with_adverbs or any(
                        c.dep_ == "advmod" and c.lower_ in reg.with_adverbs
                        for c in child.children)):
                    obj = pobj  # "together with the police"
            if obj is not None:
                out.extend((obj, *_conjuncts(obj)))
        return out

    def _sole_group(self) -> ActorMention | None:
        """'A bomb exploded outside the ministry ... [the FMLN, named elsewhere in the
        report]': an attack told with no agent and no claim (by a verb or by a noun: 'the
        bombing of the ministry'), in a report that names exactly one armed non-state group
        and no denial of it, is that group's; in a report that names none, it is the first
        unnamed armed side it speaks of ('the guerrillas'). The caller keeps murders to a
        group named in their own sentence (`sole_group_acts`)."""
        if not self._sole_done:
            self._sole_done = True
            groups = [m for m in self.named if m.actor.type in NON_STATE_ARMED]
            if len({m.actor.name for m in groups}) > 1:
                return None
            groups = groups or self.unnamed_armed  # "armed men", "the guerrillas"
            if groups and not any(t.lemma_.lower() in self.registry.denial_verbs
                                  for m in groups for t in self._sentence_of(m.span.start)):
                # its plainest mention ("the FMLN", not "the position of the FMLN")
                self._sole = min(groups, key=lambda m: len(m.span.text.split()) > 4)
        return self._sole

    def _sentence_of(self, char: int) -> SpacySpan:
        tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return tok.sent if tok is not None else self.doc[0:0]

    def _nearest_claim(self, anchor: Token) -> ActorMention | None:
        """The armed side that a nearby sentence holds responsible ('the FMLN claimed
        responsibility', 'an incident for which the guerrillas are held responsible', 'police
        blamed the blast on the rebels'): ACLED codes the claimed or blamed perpetrator."""
        if self._claims is None:
            self._claims = self._find_claims()
        sents = {s.start: i for i, s in enumerate(self.doc.sents)} if self._sent_index is None \
            else self._sent_index
        self._sent_index = sents
        here = sents.get(anchor.sent.start, 0)
        best: tuple[int, ActorMention] | None = None
        for sent_start, found in self._claims:
            gap = abs(sents.get(sent_start, -99) - here)
            if gap <= CLAIM_SENTENCES and (best is None or gap < best[0]):
                best = (gap, found)
        return best[1] if best is not None else None

    def _find_claims(self) -> list[tuple[int, ActorMention]]:
        holders = {"responsible", "responsibility", "credit"}
        claims: list[tuple[int, ActorMention]] = []
        if not _CLAIM_WORDS.search(doc_text(self.doc)):
            return claims  # most texts make no claim: skip the scan
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            side: Token | None = None
            if lemma in holders and tok.dep_ in ("dobj", "acomp", "oprd", "attr", "amod"):
                verb = tok.head
                if any(c.dep_ == "neg" for c in verb.children) or any(
                        c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or \
                        verb.lemma_.lower() in self.registry.non_claim_verbs:
                    continue  # "denied responsibility", "no group has claimed responsibility"
                what = [g for node in (tok, verb) for c in node.children
                        if c.dep_ == "prep" and c.lower_ in ("for", "of")
                        for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if what and not any(w.lemma_.lower() in self.registry.claim_acts
                                    or w.lemma_.lower() in self.registry.claim_objects
                                    for w in what):
                    continue  # "responsible for security": no act claimed
                side = self._claimant(verb)
            elif lemma in self.registry.work_words and tok.dep_ == "attr":
                act = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if act is not None and (act.lemma_.lower() in self.registry.claim_acts
                                        or act.lemma_.lower() in self.registry.claim_objects):
                    side = of_group_tok(tok)  # "the attack was the work of the rebels"
            elif lemma in ("blame", "attribute") and tok.pos_ == "VERB":
                side = next((g for c in tok.children if c.dep_ == "prep"
                             and c.lower_ in ("on", "to") for g in c.children
                             if g.dep_ == "pobj"), None)
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if side is None and lemma == "blame" and obj is not None and any(
                        c.dep_ == "prep" and c.lower_ == "for"
                        for c in (*tok.children, *obj.children)):
                    side = obj  # "blamed the cartel for the bombing"
            if side is None or any(c.dep_ == "det" and c.lower_ == "no"
                                   for c in side.children):
                continue
            found = self.mention(side)
            if found is None and side.lemma_.lower() in self.registry.organisation_heads:
                # "the cinchonero popular liberation movement": a group by its head word
                start, end = phrase_span(side)
                span = self.doc[start:end]
                found = ActorMention(Actor(name=span.text.removeprefix("the "), type=None,
                                           text=span.text),
                                     Span(span.start_char, span.end_char, span.text), True)
            if found is not None and found.actor.type not in ("civilians", "protesters"):
                claims.append((tok.sent.start, found))
        return claims

    def _claimant(self, verb: Token) -> Token | None:
        """Who is held responsible by the clause of `verb`: its subject, climbing through
        complements ('is believed to be responsible'), or the accused object of an accusing
        verb ('accused the front of being responsible')."""
        node = verb
        for _ in range(3):
            if node.lemma_.lower() in self.registry.accusing_verbs:
                accused = next((c for c in node.children if c.dep_ == "dobj"), None)
                if accused is not None:
                    return accused
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in ("which", "who", "that"):
                return subj
            if node.dep_ not in ("xcomp", "ccomp", "relcl", "acl", "pcomp", "pobj", "prep") \
                    or node.head == node:
                return subj
            node = node.head
        return None

    def _agent_in_phrase(self, anchors: list[Token]) -> ActorMention | None:
        """'668 were killed, including 100 in police firing', 'the number of deaths in police
        firing', 'a youth died in police custody': a death told without its agent whose own
        phrase (the trigger's subtree, not crossing into another clause) names an act or a
        custody of a state force."""
        for anchor in anchors:
            if anchor.lemma_.lower() in ACT_NOUNS or anchor.lower_ in ACT_NOUNS:
                agent = self._agent_of_event_noun_strict(anchor)
                if agent is not None:
                    return agent  # "police firing" however it was parsed
            if anchor.lemma_.lower() not in self.registry.death_words and \
                    not self.registry.dies(anchor):
                continue
            for tok in _own_phrase(anchor):
                lemma = tok.lemma_.lower()
                if lemma not in ACT_NOUNS and lemma not in self.registry.custody_words:
                    continue
                agent = self._agent_of_event_noun_strict(tok)
                if agent is not None:
                    return agent
                if lemma in self.registry.custody_words and tok.head.lower_ in ("in", "into"):
                    # "died in custody": custody is the state's
                    return ActorMention(self.registry.state_actor(
                        self.focus_country, "Police Forces of {country}", tok.text),
                        Span(tok.idx, tok.idx + len(tok.text), tok.text), False)
        return None

    def _agent_of_event_noun_strict(self, noun: Token) -> ActorMention | None:
        """A state force named as the act noun's modifier or by-phrase ('police firing',
        'firing by the police', 'an encounter with the police')."""
        for child in noun.children:
            cand: Token | None = None
            if child.dep_ in ("compound", "poss", "amod", "nmod") and child.i < noun.i:
                cand = child
            elif child.dep_ in ("prep", "agent") and child.lower_ in ("by", "with"):
                cand = next((c for c in child.children if c.dep_ == "pobj"), None)
            if cand is None:
                continue
            found = self.mention(cand)
            if found is not None and found.actor.type == "state forces":
                return found
            side = self._hyphen_side(noun, cand)
            if side is not None:
                return self.mention(side)
        before = self.doc[noun.i - 1] if noun.i > 0 else None
        if before is not None and before.pos_ in ("NOUN", "PROPN") and before.head != noun:
            found = self.mention(before)  # "in police firing" parsed as "police" + "firing"
            if found is not None and found.actor.type == "state forces":
                return found
        return None

    def _roles_of(self, tok: Token) -> tuple[ActorMention | None, ActorMention | None]:
        agent_tok: Token | None = None
        patient_tok: Token | None = None
        if tok.pos_ in ("NOUN", "PROPN") and headline_participle(tok, default_lexicon()):
            # "Juvenile shot in arm", "Teen Shot To Death": a headline's passive participle
            # read as a noun; the person beside it suffered, a 'by'-phrase names who acted
            people = default_lexicon().participle_people
            for child in sorted(tok.children, key=lambda c: tok.i - c.i):
                if child.dep_ == "prep" and child.lower_ == "by":
                    agent_tok = next((c for c in child.children if c.dep_ == "pobj"), None)
                elif child.i < tok.i and patient_tok is None and (child.dep_ == "nsubj" or (
                        child.dep_ in ("compound", "amod", "nmod") and (
                            child.lower_ in people or child.lemma_.lower() in people
                            or _age_start(child) is not None))):
                    patient_tok = child
            after = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if after is not None and after.tag_ in ("PRP$", "DT", "PRP") and agent_tok is None:
                # "A 5-year-old shot his uncle": an object follows, so the form was active
                agent_tok, patient_tok = patient_tok, (
                    after if after.tag_ == "PRP" else after.head)
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            verb = tok
            for child in verb.children:
                if child.dep_ in ("nsubj",) and agent_tok is None:
                    agent_tok = child
                elif child.dep_ == "amod" and child.i < verb.i and agent_tok is None and \
                        _age_start(child) is not None:
                    agent_tok = child  # "A 5-year-old shot his uncle", "old" misparsed
                elif child.dep_ in ("nsubjpass", "dobj") and patient_tok is None:
                    patient_tok = child
                elif child.dep_ == "agent":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        agent_tok = objs[0]
            if agent_tok is not None and agent_tok.text.isupper() \
                    and agent_tok.idx < DATELINE_CHARS:
                # "KHARKIV (wire) - Russian missiles struck": the parser makes the dateline
                # the subject and the real subject its apposition
                agent_tok = next((c for c in agent_tok.children
                                  if c.dep_ == "appos" and c.i > agent_tok.i + 1), None)
            if agent_tok is not None and agent_tok.lower_ in ("which", "who", "that"):
                agent_tok = verb.head if verb.dep_ == "relcl" else None
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            if agent_tok is None and not passive and verb.dep_ in ("conj", "xcomp", "advcl") \
                    and verb.head != verb and \
                    not self.registry.dies(verb):
                # ("police imposed a curfew after a victim succumbed": no one acted in dying)
                for child in verb.head.children:
                    if child.dep_ == "nsubj":
                        agent_tok = child
            if agent_tok is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
                    verb.head.head.pos_ == "VERB" and not passive:
                # (not "a man died after being shot": a passive's subject did not act)
                # "the police resorted to firing": the subject of the verb it completes (or,
                # "the police had to resort to firing", of the verb that one completes)
                agent_tok = _controlled_subject(verb.head.head)
            if agent_tok is None and verb.dep_ == "acl":
                patient_tok = patient_tok or verb.head
            if self.registry.dies(verb) and (
                    agent_tok is not None and agent_tok.dep_ == "nsubj"
                    and agent_tok.head == verb):
                patient_tok, agent_tok = agent_tok, None  # "two men died": the subject suffered
            elif agent_tok is not None and _reduced_passive(verb, agent_tok):
                # "Man killed, boy injured in shooting": a headline's participle, not an act
                patient_tok, agent_tok = agent_tok, None
            if verb.lemma_.lower() in self.registry.to_agent_verbs:
                # "the town fell to the rebels": the 'to'-object took it
                taker = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                              for g in c.children if g.dep_ == "pobj"), None)
                if taker is not None:
                    patient_tok, agent_tok = patient_tok or agent_tok, taker
            for child in verb.children:
                if agent_tok is not None:
                    break
                if child.dep_ == "prep" and child.lower_ in ("by", "in", "during"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    comp = next((c for c in child.children if c.dep_ == "pcomp"), None)
                    if obj is None and comp is not None:
                        # "died in police firing" parsed as a clause: its subject acted
                        agent_tok = next((c for c in comp.children if c.dep_ == "nsubj"), None)
                        continue
                    if obj is None:
                        continue
                    if child.lower_ == "by" and obj.pos_ != "VERB":
                        agent_tok = obj
                    elif obj.i + 1 < len(self.doc) and self.doc[obj.i + 1].lemma_.lower() in \
                            ACT_NOUNS and self._armed(obj):
                        agent_tok = obj  # "in police firing" parsed with "police" as the object
                    else:
                        agent_tok = self._agent_of_event_noun(obj)
            if agent_tok is None:
                agent_tok = self._agent_of_when_clause(verb)
            if agent_tok is not None and patient_tok is None and \
                    verb.lemma_.lower() in self.registry.reciprocal_verbs:
                # "activists and the police clashed": the second subject is the other side
                patient_tok = next((c for c in agent_tok.children if c.dep_ == "conj"), None)
            if patient_tok is None or self.mention(patient_tok) is None:
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):
                        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                            patient_tok = obj
                            break
        else:
            patient_poss = tok.lemma_.lower() in self.registry.patient_possessive_nouns or \
                tok.lower_ in self.registry.patient_possessive_nouns
            for child in tok.children:
                if patient_poss and (child.dep_ == "poss" or (
                        child.dep_ == "compound" and child.i < tok.i
                        and self._civilian(child))):
                    patient_tok = patient_tok or child  # "Oqueli's assassination"
                elif child.dep_ == "prep" and child.lower_ == "of" and patient_poss:
                    # "the assassination of the attorney general": the 'of'-object suffered
                    patient_tok = patient_tok or next(
                        (c for c in child.children if c.dep_ == "pobj"), None)
                elif agent_tok is None and (child.dep_ == "poss" or (
                        child.dep_ == "compound" and (child.pos_ == "PROPN" or (
                            child.i < tok.i and self.mention(child) is not None)))):
                    agent_tok = child
                elif child.dep_ == "amod" and self.registry.country_in(child.text):
                    # "Russian missiles", "Syrian air strikes": the whole phrase names the side
                    agent_tok = agent_tok or tok
                elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        agent_tok = objs[0]
                elif child.dep_ == "prep" and child.lower_ in ("on", "against", "targeting"):
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs and patient_tok is None:
                        patient_tok = objs[0]
            if agent_tok is None:
                agent_tok = self._responsible_for(tok)
            if agent_tok is None:
                agent_tok, verb_patient = self._agent_of_light_verb(tok)
                patient_tok = patient_tok or verb_patient
            if patient_tok is None or self.mention(patient_tok) is None:
                patient_tok = self._sufferer(tok) or patient_tok
        actor1 = self.mention(agent_tok) if agent_tok is not None else None
        if actor1 is None and agent_tok is None and tok.pos_ in ("NOUN", "PROPN"):
            actor1 = self._named_prefix(tok)  # "a shining path attack": the group's words
        if actor1 is None and agent_tok is not None:
            # "killed by police bullets": the weapon's owner named as its modifier
            owner = self._agent_of_event_noun(agent_tok)
            actor1 = self.mention(owner) if owner is not None else None
        actor2 = self.mention(patient_tok) if patient_tok is not None else None
        if actor1 is not None and actor2 is not None and actor1.actor.name == actor2.actor.name \
                and actor1.span.start == actor2.span.start:
            actor2 = None
        return actor1, actor2

    def _sufferer(self, noun: Token) -> Token | None:
        """'A child is in serious condition after a shooting', 'a man was rushed to hospital
        following the stabbing', 'a man suffering from a gunshot wound': the subject of the
        clause that tells what a person suffered is the victim of the act noun it follows."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in \
                self.registry.victim_preps:
            return None
        clause = prep.head
        if clause.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        if clause.lemma_.lower() not in self.registry.victim_verbs and not any(
                t.lower_ in self.registry.victim_words for c in clause.children
                if c is not prep and c.dep_ not in ("nsubj", "nsubjpass")
                for t in c.subtree):
            return None
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and clause.dep_ == "acl":
            subj = clause.head  # "a man suffering from a gunshot wound"
        if subj is None or (subj.pos_ not in ("NOUN", "PROPN", "PRON")
                            and _age_start(subj) is None):
            return None
        return subj

    def _named_prefix(self, noun: Token) -> ActorMention | None:
        """A listed group named by the modifiers before an act noun, however they were
        parsed ("a shining path attack", "an FMLN bombing")."""
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
                and c.i < noun.i]
        if not mods:
            return None
        start = min(m.left_edge.i for m in mods)
        span = self.doc[start:noun.i]
        named = self.registry._named_group(" ".join(span.text.split()))
        if named is None or named.type is None:
            return None
        return ActorMention(named, Span(span.start_char, span.end_char, span.text), True)

    def _civilian(self, tok: Token) -> bool:
        found = self.mention(tok)
        return found is not None and found.actor.type == "civilians"

    def _armed(self, tok: Token) -> bool:
        found = self.mention(tok)
        return found is not None and found.actor.type not in (None, "civilians", "protesters")

    def _agent_of_when_clause(self, verb: Token) -> Token | None:
        """'three died when the police opened fire': the subject of a when/as clause that
        names the act."""
        for child in verb.children:
            if child.dep_ != "advcl" or not any(
                    c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "after")
                    for c in child.children):
                continue
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is None or not self._armed(subj):
                continue
            if any(t.lemma_.lower() in ACT_NOUNS for t in child.subtree):
                return subj
            found = self.mention(subj)
            if found is not None and found.actor.type in NON_STATE_ARMED and any(
                    c.dep_ == "auxpass" for c in verb.children):
                return subj  # "he was shot when gunmen tried to enter his house"
        return None

    def _responsible_for(self, noun: Token) -> Token | None:
        """'X was responsible for / involved in / claimed responsibility for <event>',
        '<event> blamed on / attributed to X': the actor held responsible."""
        words = self.registry.responsibility
        if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "in", "of") and \
                noun.head.head.lemma_.lower() in self.registry.accusing_verbs:
            # "Cristiani implicated four officers in the assassination"
            accused = next((c for c in noun.head.head.children if c.dep_ in ("dobj",
                                                                              "nsubjpass")), None)
            if accused is not None:
                return accused
        if noun.dep_ == "pobj" and (noun.head.lower_ in ("for", "in") or (
                noun.head.lower_ == "of" and noun.head.head.lemma_.lower() == "guilty")):
            word = noun.head.head
            if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "n't", "never")
                   for c in (*word.children, *word.head.children)):
                return None  # "the group bears no responsibility for the attack"
            if word.lemma_.lower() in words.get("holder_nouns", set()) and \
                    of_group_tok(word) is not None:
                return of_group_tok(word)  # "the involvement of troops in the murder"
            if word.lemma_.lower() in words["holders"]:
                if word.dep_ in ("acl", "amod", "relcl") and word.head.pos_ in ("NOUN", "PROPN"):
                    return word.head  # "soldiers involved in the killing"
                verb = word.head if word.dep_ in ("acomp", "dobj", "attr") else word
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                            None)
                if subj is not None and subj.lower_ in ("themselves", "himself", "itself") \
                        and verb.dep_ in ("relcl", "acl"):
                    subj = verb.head  # "a section of the police themselves helped in it"
                if subj is not None:
                    return subj
        blame = [c for c in noun.children if c.dep_ == "acl"]
        if noun.dep_ == "nsubjpass":
            blame.append(noun.head)
        for verb in blame:
            if verb.lemma_.lower() not in words["blame_verbs"]:
                if verb.dep_ == "acl" and verb.lemma_.lower() not in \
                        self.registry.non_agent_verbs:
                    # "an offensive launched by the rebels", "a raid staged by gunmen"
                    by = next((c for c in verb.children if c.dep_ == "agent"), None)
                    obj = next((c for c in by.children if c.dep_ == "pobj"), None) \
                        if by is not None else None
                    if obj is not None:
                        return obj
                continue
            for child in verb.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("on", "to", "by"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        return self._work_of(noun)

    def _work_of(self, noun: Token) -> Token | None:
        """'the attack was the work of the rebels': the 'of'-object of a work word that the
        act is the subject of."""
        if noun.dep_ != "nsubj":
            return None
        attr = next((c for c in noun.head.children if c.dep_ == "attr"
                     and c.lemma_.lower() in self.registry.work_words), None)
        return of_group_tok(attr) if attr is not None else None

    def _hyphen_side(self, noun: Token, modifier: Token) -> Token | None:
        """'a police-activist clash': the state force among sides joined by a hyphen before a
        reciprocal act noun (either side fought; the state's is the one ACLED names first)."""
        if noun.lemma_.lower() not in RECIPROCAL_NOUNS:
            return None
        for side in modifier.children:
            if side.dep_ == "compound" and side.i < modifier.i and \
                    self.doc[side.i + 1].text == "-":
                found = self.mention(side)
                if found is not None and found.actor.type == "state forces":
                    return side
        return None

    def _agent_of_event_noun(self, noun: Token) -> Token | None:
        """'killed in police firing', 'in firing by the police': who did the act named by
        a noun the trigger's clause points to."""
        for child in noun.children:
            if child.dep_ in ("compound", "poss", "amod") and child.i < noun.i and (
                    child.pos_ in ("NOUN", "PROPN") or child.ent_type_ == "NORP") and (
                    self.mention(child) is not None):
                return self._hyphen_side(noun, child) or child
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return self._earlier_actor_of(noun)
        return None

    def _firing_just_before(self, anchor: Token) -> ActorMention | None:
        """'... forcing the police to open fire. "Two persons have been killed."': a death
        told bare (no agent, no cause, no place or time phrase of its own) in the sentence
        right after a state force's gunfire is that gunfire's."""
        if anchor.lemma_.lower() not in ("kill", "die", "dead", "succumb") or \
                anchor.pos_ not in ("VERB", "ADJ", "AUX"):
            return None
        for child in anchor.children:
            if child.dep_ in ("agent", "advcl", "npadvmod"):
                return None
            if child.dep_ == "prep" and not any(  # "succumbed to his injuries" is no cause
                    c.lemma_.lower() in self.registry.injury_words for c in child.children):
                return None
        sent = anchor.sent
        if sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        for tok in reversed(before):
            if ACT_VERBS.get(tok.lower_, tok.lemma_.lower()) not in ("fire", "shoot"):
                continue
            agent = self._act_agent(tok, ACT_VERBS.get(tok.lower_, tok.lemma_.lower()))
            if agent is not None:
                found = self.mention(agent)
                if found is not None and found.actor.type == "state forces":
                    return found
        return None

    def _earlier_actor_of(self, noun: Token) -> Token | None:
        """'police fired ten rounds ... one man was killed in the firing': the definite noun
        names an act told just before; its subject acted."""
        verb_lemma = ACT_VERBS.get(noun.lemma_.lower())
        if verb_lemma is None:
            return None
        start = max(0, noun.sent.start - 80)
        for tok in reversed(self.doc[start:noun.i]):
            if ACT_VERBS.get(tok.lower_, tok.lemma_.lower()) != verb_lemma and \
                    tok.lemma_.lower() != verb_lemma:
                continue
            if tok.head.lemma_.lower() in ("set", "catch"):
                continue  # "set fire to the shops": arson, not gunfire
            agent = self._act_agent(tok, verb_lemma)
            if agent is not None:
                return agent
        return None

    def _act_agent(self, tok: Token, verb_lemma: str) -> Token | None:
        """The armed side of one act word: its state-force modifier ('police firing') or the
        subject of its verb or light verb ('opened fire', 'resorted to firing')."""
        owner = next((c for c in tok.children if c.dep_ in ("compound", "poss")
                      and c.i < tok.i and self._armed(c)), None)
        if owner is not None:
            return owner  # "police firing ... killed in the firing"
        if tok.head.lemma_.lower() in ("set", "catch"):
            return None  # "set fire to the shops": arson, not gunfire
        verb = tok
        if tok.pos_ != "VERB" or tok.dep_ in ("pcomp", "xcomp"):
            # "opened fire", "resorted to firing": the act is the light verb's object
            verb = tok.head.head if tok.head.dep_ == "prep" else tok.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "xcomp":
            # "forcing the police to open fire": the object of the governing verb
            subj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if subj is not None and verb_lemma == "clash":
            # "activists and the police clashed ... died in the clash": either side
            return next((c for c in (subj, *subj.conjuncts) if self._armed(c)), None)
        if subj is not None and self._armed(subj):
            return subj
        return None

    def _agent_of_light_verb(self, noun: Token) -> tuple[Token | None, Token | None]:
        """'X carried out/launched/unleashed <noun> on Y': X acts, Y is acted upon."""
        node = noun
        for _ in range(4):
            if node.dep_ in ("dobj", "pobj", "pcomp", "conj", "prep", "nsubjpass") and \
                    node.head != node:
                node = node.head
                if node.pos_ == "VERB":
                    break
            else:
                return None, None
        if node.pos_ != "VERB" or node.lemma_.lower() in self.registry.non_agent_verbs \
                or self.registry.dies(node):
            return None, None
        if any(c.dep_ == "neg" or (c.dep_ == "dobj" and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children))
               for c in node.children):
            return None, None  # "the group bears no responsibility for the attack"
        agent = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if agent is None:
            by = next((c for c in node.children if c.dep_ == "agent"), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if agent is None and node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            agent = node.head  # "soldiers accused of committing the massacre"
        patient = None
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    patient = patient or obj
        return agent, patient


@cache
def default_registry() -> ActorRegistry:
    """The built-in registry, built once per process."""
    return ActorRegistry()
