"""Event detection from the trigger lexicon (``data/triggers.json``).

`find_triggers` marks every trigger phrase in a Doc; `is_reported_event` drops plans, threats,
denials, questions, conditionals and the future; `in_background_clause` marks history. Grouping
the triggers of a sentence into events and typing them is `sub_types.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.extract.lexicon import load_data, phrase_words, verb_forms


@dataclass(slots=True)
class Trigger:
    cls: str
    start: int  # token range [start, end)
    end: int
    anchor: int  # the token that carries the syntax (verb or head noun)
    rank: int


@dataclass(slots=True)
class TriggerGroup:
    """Triggers in one sentence that describe one event; `main` names its class."""

    main: Trigger
    members: list[Trigger] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    pos: str | None
    cls: str
    pos_at: int = 0  # which word the part-of-speech tag constrains
    forms: frozenset[str] = frozenset()  # surface forms of the verb word at `pos_at`


def _word_pattern(phrases: Iterable[str],
                  not_after: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """One pattern that finds any of the phrases as whole words in lower-cased text (none when
    there are no phrases), not where one of `not_after` stands just before ('anti-coup')."""
    words = sorted((re.escape(p.lower()) for p in phrases), key=len, reverse=True)
    if not words:
        return None
    before = "".join(f"(?<!{re.escape(a)})" for a in not_after)
    return re.compile(rf"(?<![\w-]){before}(?:{'|'.join(words)})(?![\w-])")


class Lexicon:
    """The trigger lexicon, indexed by first word for a fast scan."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or load_data("triggers.json")
        self.classes: dict[str, dict[str, Any]] = data["classes"]
        self.protest_context: dict[str, list[str]] = data["protest_context"]
        self.government_words = set(data["territory_government_words"])
        self.plover: dict[str, str | None] = data["plover"]
        self.verb_object: dict[str, dict[str, set[str]]] = {}
        self.direct_only = set(data.get("verb_object", {}).get("_direct_only", []))
        for cls, verbs in data.get("verb_object", {}).items():
            if cls.startswith("_"):
                continue
            for verb, objects in verbs.items():
                if not verb.startswith("_"):
                    self.verb_object.setdefault(verb, {})[cls] = set(objects)
        self.participants = set(data.get("participant_nouns", {}).get("words", []))
        self.instrument_words: dict[str, list[str]] = {
            k: v for k, v in data.get("instrument_actor_words", {}).items()
            if not k.startswith("_")}
        self.agreement_actor_types = set(data.get("agreement_actor_types", []))
        self.protester_words = set(data.get("protester_words", []))
        apart = data.get("agented_acts_apart", {})
        self.crowd_classes = set(apart.get("crowd", []))
        self.agented_acts = set(apart.get("acts", []))
        self.act_nouns = set(apart.get("act_nouns", []))
        self.transfer_objects = set(data.get("transfer_objects", {}).get("words", []))
        self.non_conflict_agreement = set(
            data.get("non_conflict_agreement_words", {}).get("words", []))
        sense = data.get("conflict_sense", {})
        self.sense_object = set(sense.get("object", []))
        self.sense_preps = set(sense.get("object_prepositions", []))
        self.sense_territory = set(sense.get("territory", []))
        self.conflict_nouns = set(sense.get("conflict_nouns", []))
        self.sense_places = set(sense.get("place_words", []))
        self.lone_people = set(sense.get("lone_people", []))
        self.nonconflict_modifiers = set(sense.get("nonconflict_modifiers", []))
        self.natural_death_words = set(sense.get("natural_death_words", []))
        self.natural_death_triggers = set(sense.get("natural_death_triggers", []))
        self.injury_objects = set(sense.get("injury_objects", []))
        fire = sense.get("set_on_fire", {})
        self.fire_verbs = set(fire.get("verbs", []))
        self.fire_words = set(fire.get("words", []))
        self.verbal_modifiers = set(sense.get("verbal_attack_modifiers", []))
        self.person_subject = set(sense.get("person_subject", []))
        self.generic_mass = set(sense.get("generic_mass_nouns", []))
        self.generic_plurals = set(sense.get("generic_plural_nouns", []))
        self.weapon_nouns = set(sense.get("weapon_nouns", []))
        self.possession_verbs = set(sense.get("possession_verbs", []))
        self.not_killing = set(data.get("to_death", {}).get("not_killing", []))
        bodies = data.get("found_bodies", {})
        self.body_verbs = set(bodies.get("verbs", []))
        self.body_objects = set(bodies.get("objects", []))
        self.violent_words = set(bodies.get("violent_words", []))
        self.death_euphemisms: dict[str, set[str]] = {
            k: set(v) for k, v in bodies.get("death_euphemisms", {}).items()
            if not k.startswith("_")}
        heads = data.get("headline_participles", {})
        self.participle_forms: dict[str, str] = {
            k: v for k, v in heads.get("forms", {}).items() if not k.startswith("_")}
        self.participle_people = set(heads.get("person_words", []))
        release = data.get("release_conditions", {})
        self.captive_words = set(release.get("captive_words", []))
        self.legal_words = set(release.get("legal_words", []))
        ctx = data.get("sub_event_context", {})
        self.protest_nouns = set(ctx.get("protest_nouns", []))
        self.crowd_words = set(ctx.get("crowd_words", []))
        self.property_riot_verbs = set(ctx.get("property_riot_verbs", []))
        self.death_verbs = set(ctx.get("death_verbs", []))
        cues = ctx.get("transfer_cues", {})
        self.transfer_lemmas = set(cues.get("lemmas", []))
        self.transfer_phrases: list[str] = list(cues.get("phrases", []))
        self.transfer_particles: dict[str, str] = dict(cues.get("verb_particles", {}))
        self.captive_people = set(ctx.get("captive_people", []))
        taken = ctx.get("person_taken", {})
        self.person_taken_verbs = set(taken.get("verbs", []))
        self.offence_taking_verbs = set(taken.get("needs_offence", []))
        self.taking_idioms = set(taken.get("idioms", []))
        self.taken_people = set(taken.get("people", [])) | self.captive_people | \
            self.participle_people
        offence = ctx.get("offence", {})
        self.offence_classes = set(offence.get("classes", []))
        self.offence_preps = set(offence.get("prepositions", []))
        self.offence_nouns = set(offence.get("nouns", []))
        self.legal_frames = set(offence.get("legal_frames", []))
        self.disappearance_cues: list[str] = list(ctx.get("disappearance_cues", []))
        self.agent_nouns = set(ctx.get("agent_nouns", []))
        self.armed_not_protest = set(ctx.get("armed_not_protest", []))
        self.framing_preps = set(ctx.get("framing_prepositions", []))
        self.graves = set(ctx.get("graves", []))
        self.reciprocal: list[str] = list(ctx.get("reciprocal", []))
        displacement = ctx.get("displacement", {})
        self.displaced_people = set(displacement.get("people", []))
        self.disaster_words = set(displacement.get("not_conflict", []))
        gathering = ctx.get("gathering", {})
        self.gather_verbs = set(gathering.get("verbs", []))
        self.gather_purposes = set(gathering.get("purposes", []))
        chemical = ctx.get("chemical", {})
        self.chemical_classes = set(chemical.get("classes", []))
        self.chemical_agents = _word_pattern(chemical.get("agents", []))
        self.poison_words = set(chemical.get("poison_words", []))
        self.gas_words = set(chemical.get("gas_words", []))
        self.riot_agents = _word_pattern(chemical.get("riot_agents", []))
        coup = ctx.get("coup", {})
        self.coup_classes = set(coup.get("classes", []))
        self.coup_cues = _word_pattern(coup.get("cues", []), not_after=("anti-", "anti "))
        self.coup_seats = set(coup.get("seats", []))
        self.instrument_verbs = set(data.get("instrument_verbs", {}).get("verbs", []))
        armed = ctx.get("armed_doer_verbs", {})
        self.armed_doer_verbs = set(armed.get("doer", []))
        self.armed_object_verbs = set(armed.get("object", []))
        self.armed_group_words = set(armed.get("group_words", []))
        self.particle_captures: dict[str, str] = {
            k: v for k, v in ctx.get("particle_captures", {}).items() if not k.startswith("_")}
        self.accident_words = set(ctx.get("accident_words", []))
        self.natural_causes = set(ctx.get("natural_causes", []))
        self.measure_nouns = set(ctx.get("measure_nouns", []))
        self.state_agent_words = set(ctx.get("state_agent_words", []))
        self.verb_object_forms: dict[str, str] = {
            form: verb for verb in self.verb_object for form in verb_forms(verb)}
        # the verbs the token-level rules of find_triggers start from, to skip the rest fast
        self.rule_verbs = set(self.verb_object) | set(self.verb_object_forms) | \
            self.fire_verbs | self.body_verbs | set(self.death_euphemisms) | \
            self.instrument_verbs | self.gather_verbs | set(self.particle_captures)
        self.sub_class: dict[str, str] = {}
        for cls, spec in self.classes.items():
            self.sub_class.setdefault(str(spec.get("sub_event_type")), cls)
        specific = data.get("specific_mention", {})
        self.specific_modifiers = set(specific.get("modifiers", []))
        self.specific_preps = set(specific.get("prepositions", []))
        self.by_first: dict[str, list[_Phrase]] = {}
        for cls, phrases in data["triggers"].items():
            for raw in phrases:
                pos = None
                pos_at = 0
                if ":" in raw:
                    raw, rest = raw.split(":", 1)
                    pos_at = len(phrase_words(raw)) - 1
                    pos, _, tail = rest.partition(" ")
                    raw = f"{raw} {tail}".strip()
                words = phrase_words(raw)
                forms = verb_forms(words[pos_at]) if pos == "VERB" else frozenset()
                phrase = _Phrase(words, pos, cls, pos_at, forms)
                firsts = {words[0]} | (forms if pos_at == 0 else set())
                for first in firsts:
                    self.by_first.setdefault(first, []).append(phrase)
        for phrases in self.by_first.values():
            phrases.sort(key=lambda p: -len(p.words))
        modality: dict[str, Any] = load_data("modality.json")
        self.non_event_governors = set(modality["non_event_governors"])
        self.modals = set(modality["modal_auxiliaries"])
        self.conditionals = set(modality["conditional_markers"])
        self.infinitive_ok = set(modality["infinitive_ok_governors"])
        self.infinitive_ok_forms = set(modality.get("infinitive_ok_forms", []))
        self.background_markers = set(modality["background_markers"])
        self.background_days = int(modality["background_days"])
        self.contrast_markers = set(modality.get("contrast_markers", []))
        self.purpose_event_verbs = set(modality.get("purpose_event_verbs", []))
        self.presupposing_preps = set(modality.get("presupposing_prepositions", []))
        self.presupposing_marks = set(modality.get("presupposing_marks", []))
        self.occurrence_verbs = set(modality.get("occurrence_verbs", []))
        self.factive_governors = set(modality.get("factive_governors", []))
        self.transitive_governors = set(modality.get("transitive_governors", []))
        self.governor_apart: dict[str, set[str]] = {
            k: set(v) for k, v in modality.get("governor_prepositions_apart", {}).items()
            if not k.startswith("_")}


@cache
def default_lexicon() -> Lexicon:
    return Lexicon()


def _matches(tok: Token, word: str, forms: frozenset[str] = frozenset()) -> bool:
    return tok.lemma_.lower() == word or tok.lower_ == word or tok.lower_ in forms


def headline_participle(tok: Token, lexicon: Lexicon) -> str | None:
    """The verb lemma of a headline's participle that the parser took for a noun: '5 shot on
    west side', 'Juvenile shot in arm', 'Teen Shot To Death In Pacoima'. The form must stand
    with no determiner or possessor, outside an object or prepositional phrase, beside a
    number, a person word or a 'to death' phrase ('a flu shot', 'took a shot' are nouns)."""
    lemma = lexicon.participle_forms.get(tok.lower_)
    if lemma is None or tok.tag_ not in ("NN", "NNP") or tok.dep_ in (
            "dobj", "pobj", "nsubjpass", "attr", "compound", "poss"):
        return None
    people = lexicon.participle_people
    if any(c.dep_ in ("det", "poss") for c in tok.children):
        return None
    person = any(c.i < tok.i and c.dep_ in ("nummod", "nsubj", "compound", "amod", "nmod",
                                            "npadvmod")
                 and (c.like_num or c.lower_ in people or c.lemma_.lower() in people)
                 for c in tok.children)
    to_death = any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.lower_ == "death" for g in c.children) for c in tok.children)
    return lemma if person or to_death else None


def find_triggers(doc: Doc | SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger phrase, longest match first, non-overlapping, in text order."""
    found: list[Trigger] = []
    i = doc.start if isinstance(doc, SpacySpan) else 0
    stop = doc.end if isinstance(doc, SpacySpan) else len(doc)
    tokens = doc.doc if isinstance(doc, SpacySpan) else doc
    violent: list[bool] = []  # whether the text tells a violent death, read once when needed
    while i < stop:
        tok = tokens[i]
        candidates = lexicon.by_first.get(tok.lemma_.lower(), []) + (
            lexicon.by_first.get(tok.lower_, []) if tok.lower_ != tok.lemma_.lower() else []
        )
        participle = headline_participle(tok, lexicon) if tok.pos_ != "VERB" else None
        if participle is not None:  # "Teen Shot To Death": the verb the headline means
            candidates = lexicon.by_first.get(participle, []) + candidates
        match: Trigger | None = None
        if tok.pos_ == "VERB":  # the token-level rules all start from a verb
            ruled = tok.lemma_.lower() in lexicon.rule_verbs or tok.lower_ in lexicon.rule_verbs
            match = (ruled and (_verb_object_trigger(tok, lexicon) or _set_on_fire(
                tok, lexicon))) or _to_death(tok, lexicon) or (ruled and (_body_found(
                    tok, lexicon, violent) or _passed_away(tok, lexicon, violent)
                    or _instrument_strike(tok, lexicon) or _gathering(
                    tok, lexicon) or _particle_capture(tok, lexicon))) or None
        if match is None and i >= 2 and tokens[i - 1].text == "-" and \
                tokens[i - 2].lower_ in _PREFIXES:
            i += 1
            continue  # "anti-coup protests", "pro-government militia": a modifier, not an act
        for phrase in [] if match is not None else sorted(candidates, key=lambda p: -len(p.words)):
            n = len(phrase.words)
            found_at = _phrase_at(tokens, i, stop, phrase, participle)
            if found_at is None:
                continue
            end, tagged_i = found_at
            span = tokens[i:end]
            anchor = span.root
            tagged = tokens[tagged_i]
            if phrase.pos is not None and tagged.pos_ != phrase.pos and not (
                    phrase.pos == "VERB" and phrase.pos_at == 0 and participle is not None):
                continue
            if phrase.pos is None and tokens[i].pos_ in ("PROPN",) and n == 1 and \
                    participle is None:
                continue  # "March", "Rally Party": names, not events
            if n == 1 and tok.dep_ == "compound" and tok.head.i > tok.i and \
                    tok.head.lemma_.lower() not in lexicon.by_first:
                continue  # "battle zones", "protest movement": a modifier, not an event
            if n == 1 and i + 2 < stop and tokens[i + 1].text == "-" and \
                    tokens[i + 2].tag_ in ("VBN", "VBD", "JJ") and tok.head.i == i + 2:
                continue  # "riot-hit areas", "violence-torn towns": a modifier, not an event
            if n == 1 and tok.lower_ in lexicon.agent_nouns and (
                    tok.dep_ in ("dobj", "nsubjpass") or (
                        tok.dep_ == "pobj" and tok.head.dep_ != "agent")):
                continue  # "caught a suspected kidnapper": a person acted upon, not the act
            if not conflict_sense(anchor, lexicon):
                continue  # "fought cancer", "shares fell to a low": an everyday sense
            if phrase.cls == "arrest" and anchor.lemma_.lower() in lexicon.person_taken_verbs \
                    and not _person_taken(anchor, lexicon):
                continue  # "picked up the phone", "caught fire", "booked a flight"
            if n == 1 and anchor.dep_ == "pobj" and anchor.head.lower_ in ("of", "for", "under") \
                    and anchor.head.head.lemma_.lower() in lexicon.legal_frames:
                continue  # "registered a case of murder", "charges of rioting": the offence named
            if _generic_plural(anchor, lexicon) or _generic_mass(anchor, lexicon) or \
                    _weapon_held(anchor, lexicon):
                continue  # "the bombings", "grenades were found at the site"
            if anchor.pos_ == "VERB" and _natural_doer(anchor, lexicon):
                continue  # "a fire destroyed 200 shops": no one acted
            if anchor.lemma_.lower() in lexicon.armed_doer_verbs and not _armed_doer(
                    anchor, lexicon):
                continue  # "volunteers carried away the bundles", "a party split from"
            if phrase.cls == "displace" and not _displacement(anchor, lexicon):
                continue  # "soldiers fled", "floods displaced hundreds": no conflict displacement
            rank = int(lexicon.classes[phrase.cls]["rank"])
            match = Trigger(phrase.cls, i, end, anchor.i, rank)
            break
        if match is not None:
            found.append(match)
            i = match.end
        else:
            i += 1
    found = [t for t in found if lexicon.classes[t.cls].get("sub_event_type", "") is not None
             or "rule" in lexicon.classes[t.cls]]
    return drop_descriptions(drop_participants(found, tokens, lexicon), tokens, lexicon)


_PREFIXES = ("anti", "pro", "post", "pre", "non")


def _phrase_at(tokens: Doc, i: int, stop: int, phrase: _Phrase,
               participle: str | None) -> tuple[int, int] | None:
    """Where `phrase` matches from token `i`: its end and the token its part of speech
    constrains. A hyphen the text writes between two of its words is passed over ('a suicide
    car-bomb attack' matches 'suicide car bomb')."""
    j = i
    tagged = i
    for k, word in enumerate(phrase.words):
        if k > 0 and word != "-" and j < stop and tokens[j].text == "-" and \
                phrase.words[k - 1] != "-":
            j += 1
        if j >= stop:
            return None
        forms = phrase.forms if k == phrase.pos_at else frozenset()
        if not (_matches(tokens[j], word, forms) or (k == 0 and word == participle)):
            return None
        if k == phrase.pos_at:
            tagged = j
        j += 1
    return j, tagged


ARMED_TYPES = ("state forces", "rebel group", "political militia", "identity militia",
                "external/other forces")


def actor_type_of(tok: Token) -> str | None:
    """The registry type of the noun `tok` heads ("" for a person or group it does not list,
    None when the noun names no actor at all)."""
    from sitrep.extract.actors import default_registry

    if tok.lower_ in ("them", "him", "her", "us", "they", "we", "enemy"):
        return ""
    text = " ".join(t.text for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound",))
    found = default_registry().normalise(text, tok.lemma_.lower(), None)
    if found is not None:
        return found[0].type or ""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return ""
    return None


def _is_place(tok: Token, lexicon: Lexicon) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in lexicon.sense_places


def _participant_ok(obj: Token, lexicon: Lexicon) -> bool:
    """An object fit for a conflict sense: an actor, a place or a conflict noun."""
    lemma = obj.lemma_.lower()
    if lemma in lexicon.conflict_nouns or obj.lower_ in lexicon.conflict_nouns:
        return True
    return _is_place(obj, lexicon) or actor_type_of(obj) is not None


_NUMBER_WORDS = {"several", "many", "numerous", "dozens", "hundreds", "some", "few", "series",
                 "wave", "string", "spate", "number"}


def _generic_plural(tok: Token, lexicon: Lexicon) -> bool:
    """'the bombings', 'indiscriminate attacks', 'kidnappings continue': a plural act noun
    with no count names a kind of act or a series told elsewhere, not one event ('two
    bombings', 'a wave of attacks' keep theirs)."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in lexicon.generic_plurals:
        return False
    if any(c.dep_ in ("nummod", "quantmod") or c.like_num or c.lower_ in _NUMBER_WORDS
           for c in tok.children):
        return False
    head = tok.head
    return not (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _NUMBER_WORDS)


def _generic_mass(tok: Token, lexicon: Lexicon) -> bool:
    """'engage in kidnapping', 'cases of kidnapping and extortion', 'arrested for murder': an
    act noun with no determiner, possessor, number or modifier names a kind of crime."""
    if tok.tag_ not in ("NN", "VBG") or tok.lower_ not in lexicon.generic_mass:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep", "acl", "relcl",
                      "dobj", "nsubj", "nsubjpass") for c in tok.children):
        return False
    return tok.dep_ in ("pobj", "pcomp", "conj", "dobj") and (tok.dep_ != "conj" or _generic_mass(
        tok.head, lexicon) or tok.head.tag_ == "NN")


def _weapon_held(tok: Token, lexicon: Lexicon) -> bool:
    """'five grenades were found', 'seized explosives', 'carrying bombs': weapons found, held
    or moved, not used. Climbs from the noun through lists and prepositions to its verb."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in lexicon.weapon_nouns:
        return False
    node = tok
    for _ in range(8):
        if node.dep_ not in ("conj", "appos", "pobj", "prep", "dobj", "nsubjpass", "compound",
                             "nmod", "npadvmod", "attr") or node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in lexicon.possession_verbs and not any(
                c.dep_ == "prt" for c in node.children)  # "carried out", "turned up"
    return False


def conflict_sense(tok: Token, lexicon: Lexicon) -> bool:
    """False for a trigger word used in its everyday sense: 'fought pancreatic cancer', 'a
    legal battle', 'engaging in sexual intercourse', 'share prices fell to a record low',
    'died of cancer'."""
    lemma = tok.lemma_.lower()
    if lemma == "succumb" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        # what it succumbed to, read from the words (the parser may take "to" as an infinitive)
        what = next((t for t in tok.doc[tok.i + 2:tok.i + 6]
                     if t.pos_ in ("NOUN", "PROPN", "VERB")), None)
        if what is not None and what.lemma_.lower() not in lexicon.injury_objects:
            return False  # "succumbed to pressure", not "succumbed to his injuries"
    if lemma in lexicon.natural_death_triggers:
        sent = tok.sent
        return not any(t.lower_ in lexicon.natural_death_words or (
            t.i + 1 < sent.end and f"{t.lower_} {t.nbor().lower_}" in lexicon.natural_death_words)
            for t in sent)  # "died of cancer", "fought cancer before he died"
    if tok.pos_ == "VERB" and lemma in ("attack", "assault") and any(
            c.dep_ == "advmod" and c.lower_ in lexicon.verbal_modifiers for c in tok.children):
        return False  # "harshly attacked the president" in a speech
    if lemma in lexicon.person_subject and tok.pos_ == "VERB":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return subj is None or actor_type_of(subj) is not None  # "the evidence disappeared"
    if lemma in lexicon.sense_territory and tok.pos_ in ("VERB", "AUX"):
        to_obj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                       for g in c.children if g.dep_ == "pobj"), None)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if to_obj is None:
            return True
        if to_obj.like_num or to_obj.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") \
                or any(c.like_num or c.ent_type_ in ("MONEY", "PERCENT")
                       for c in to_obj.children):
            return False  # "fell to $12", "fell to 3 percent"
        if actor_type_of(to_obj) is not None or to_obj.lemma_.lower() in lexicon.injury_objects:
            return True  # "fell to the rebels", "fell to police bullets"
        return subj is not None and (_is_place(subj, lexicon) or subj.lower_ == "it")
    if lemma not in lexicon.sense_object:
        return True
    if tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in
                                  lexicon.nonconflict_modifiers for c in tok.children):
        return False  # "a legal battle", "a custody fight"
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in lexicon.sense_preps
                for g in c.children if g.dep_ == "pobj"]
    if objects:
        return any(_participant_ok(o, lexicon) for o in objects)
    if tok.pos_ != "VERB":
        return True
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or actor_type_of(subj) in ARMED_TYPES:
        return True
    if any(c.dep_ == "prep" and any(_is_place(g, lexicon) for g in c.children)
           for c in tok.children):
        return True  # "they fought in the town"
    return not (subj.lower_ in lexicon.lone_people or subj.lemma_.lower() in lexicon.lone_people
                or subj.ent_type_ == "PERSON")


def _verb_object_trigger(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """'blocked the road', 'fired teargas shells': a verb made a trigger by its object."""
    by_class = lexicon.verb_object.get(tok.lemma_.lower()) or lexicon.verb_object.get(
        lexicon.verb_object_forms.get(tok.lower_, ""))  # "installed" read as "instal"
    if by_class is None or tok.pos_ != "VERB":
        return None
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "oprd") or (
        c.dep_ in ("ccomp", "advcl") and c.pos_ in ("NOUN", "ADJ"))  # "took three elders
        or (c.dep_ == "conj" and c.pos_ == "NOUN")]  # hostage"; "raided and emptied shops"
    if not heads:  # "raided and emptied pharmacies": the conjoined verb's object is shared
        heads = [g for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 for g in c.children if g.dep_ == "dobj"]
    verb = tok.lemma_.lower() if tok.lemma_.lower() in lexicon.verb_object else \
        lexicon.verb_object_forms.get(tok.lower_, "")
    nouns = list(heads)
    if verb not in lexicon.direct_only:  # "violated a girl", not "the dignity of women"
        nouns += [g for c in heads for g in c.children if g.dep_ == "compound"]
        nouns += [p for c in heads for g in c.children  # "a cache of rifles"
                  if g.dep_ == "prep" and g.lower_ == "of" for p in g.children
                  if p.dep_ == "pobj"]
        nouns += [p for g in tok.children  # "turned the campus into a base"
                  if g.dep_ == "prep" and g.lower_ == "into" for p in g.children
                  if p.dep_ == "pobj"]
    objects = {c.lemma_.lower() for c in nouns} | {c.lower_ for c in nouns}
    placed = any(c.ent_type_ in ("GPE", "LOC", "FAC") or (  # "entered Kidal"
        c.pos_ == "PROPN" and not c.ent_type_ and c.dep_ == "dobj") for c in heads)
    for cls, wanted in by_class.items():
        if objects & wanted or (placed and "@place" in wanted):  # "recovered Kitshanga"
            return Trigger(cls, tok.i, tok.i + 1, tok.i, int(lexicon.classes[cls]["rank"]))
    return None


def _particle_capture(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """'pushed the fighters out of several villages', 'drove the militants out': a verb with
    its particle of expulsion takes ground (a capture, which needs a place)."""
    particle = lexicon.particle_captures.get(tok.lemma_.lower())
    if particle is None or tok.pos_ != "VERB" or not any(
            c.dep_ in ("prt", "prep") and c.lower_ == particle for c in tok.children):
        return None
    if tok.lemma_.lower() in lexicon.armed_object_verbs and not any(
            c.dep_ in ("dobj", "nsubjpass") and actor_type_of(c) in ARMED_TYPES
            for c in tok.children):
        return None  # "kar sevaks were flushed out of the town": no armed side driven out
    return Trigger("capture", tok.i, tok.i + 1, tok.i, int(lexicon.classes["capture"]["rank"]))


def doer_of(verb: Token) -> Token | None:
    """The one who acts in the verb's clause: its subject, or in the passive its agent ('hit by
    a gunship'); a conjoined verb shares its head's subject."""
    for _ in range(2):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    return None


def instrument_in(words: str, lexicon: Lexicon) -> str | None:
    """The sub-type an instrument named in these words fixes ('fighter jets': air strike)."""
    text = f" {words.lower()} "
    for sub, instrument_words in lexicon.instrument_words.items():
        if any(f" {w} " in text for w in instrument_words):
            return sub
    return None


def _instrument_strike(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """'coalition aircraft struck a launch site', 'a school was hit by a helicopter gunship':
    a verb of impact whose doer names an aircraft, a drone or artillery is a strike of that
    kind."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lexicon.instrument_verbs:
        return None
    doer = doer_of(tok)
    if doer is None:
        return None
    sub = instrument_in(" ".join(t.text for t in doer.subtree), lexicon)
    cls = lexicon.sub_class.get(sub or "")
    if cls is None:
        return None
    return Trigger(cls, tok.i, tok.i + 1, tok.i, int(lexicon.classes[cls]["rank"]))


def _gathering(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """'lawyers gathered outside the court to denounce the arrest', 'traders assembled at the
    palace to voice opposition': people gathering to press a demand protest."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lexicon.gather_verbs or any(
            c.dep_ == "dobj" for c in tok.children):
        return None  # "gathered evidence"
    if not any(c.dep_ in ("advcl", "xcomp", "conj", "dep", "acl") and c.pos_ == "VERB"
               and c.lemma_.lower() in lexicon.gather_purposes for c in tok.children):
        return None
    return Trigger("protest", tok.i, tok.i + 1, tok.i, int(lexicon.classes["protest"]["rank"]))


def _armed_doer(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb's doer is an armed side: one the registry knows, or one its words
    name ('the National Liberation Front', 'gunmen')."""
    doer = doer_of(verb)
    return doer is not None and (actor_type_of(doer) in ARMED_TYPES or has_word(
        doer, lexicon.armed_group_words))


def _natural_doer(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb's doer is a fire, a flood or a storm: damage no one did."""
    doer = doer_of(verb)
    return doer is not None and doer.lemma_.lower() in lexicon.natural_causes


def _displacement(tok: Token, lexicon: Lexicon) -> bool:
    """Whether a flight or displacement is of people driven out by conflict: displaced people
    (residents, families, refugees) as its subject or object, and no natural disaster told
    ('floods displaced hundreds of families')."""
    if any(t.lower_ in lexicon.disaster_words or t.lemma_.lower() in lexicon.disaster_words
           for t in tok.sent):
        return False
    verb = tok
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if verb.dep_ in ("conj", "advcl") and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                  for c in verb.children):
        sides += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lemma_.lower() in lexicon.displaced_people or t.lower_ in
               lexicon.displaced_people for side in sides for t in side.subtree)


def _set_on_fire(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """'set the factory on fire', 'set two buses ablaze': property destruction by fire, the
    object standing between the verb and the fire word (the trigger spans them all)."""
    if tok.lemma_.lower() not in lexicon.fire_verbs or tok.pos_ != "VERB":
        return None
    for child in tok.children:
        word = child
        if child.dep_ == "prep" and child.lower_ == "on":
            word = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("oprd", "acomp", "advmod", "advcl", "xcomp", "ccomp", "dobj"):
            continue
        if word.lower_ in lexicon.fire_words and word.i > tok.i + 1:
            return Trigger("loot", tok.i, word.i + 1, tok.i, int(lexicon.classes["loot"]["rank"]))
    return None


def _body_found(tok: Token, lexicon: Lexicon, violent: list[bool]) -> Trigger | None:
    """'a body was found', 'the bodies of two men were discovered', 'police recovered the body
    of a teenager': a killing, when the text tells a violent death anywhere (`violent` caches
    that reading of the text: empty until first needed)."""
    if tok.lemma_.lower() not in lexicon.body_verbs or tok.pos_ != "VERB":
        return None
    if not any(c.dep_ in ("dobj", "nsubjpass") and (
            c.lower_ in lexicon.body_objects or c.lemma_.lower() in lexicon.body_objects)
            for c in tok.children):
        return None
    if not violent:
        words = lexicon.violent_words
        violent.append(any(t.lower_ in words or t.lemma_.lower() in words for t in tok.doc))
    if not violent[0]:
        return None  # a body found with no violence told: drowned, fallen, died of illness
    return Trigger("kill", tok.i, tok.i + 1, tok.i, _found_death_rank(lexicon))


def _passed_away(tok: Token, lexicon: Lexicon, violent: list[bool]) -> Trigger | None:
    """'the victim passed away at the hospital': a death told by euphemism is a killing when
    the text tells a violent death anywhere and the sentence no natural cause ('passed away
    after a long illness' is none); `violent` caches the reading of the text as in
    `_body_found`. The trigger spans the verb and its particle."""
    particles = lexicon.death_euphemisms.get(tok.lemma_.lower())
    if particles is None or tok.pos_ != "VERB":
        return None
    prt = next((c for c in tok.children if c.dep_ in ("prt", "advmod")
                and c.lower_ in particles and c.i == tok.i + 1), None)
    if prt is None:
        return None
    if not violent:
        words = lexicon.violent_words
        violent.append(any(t.lower_ in words or t.lemma_.lower() in words for t in tok.doc))
    if not violent[0] or any(t.lower_ in lexicon.natural_death_words for t in tok.sent):
        return None
    return Trigger("kill", tok.i, prt.i + 1, tok.i, _found_death_rank(lexicon))


_IDIOM_DEPS = ("prep", "advmod", "acomp", "prt", "oprd")


def _person_taken(verb: Token, lexicon: Lexicon) -> bool:
    """Whether an arrest verb of everyday sense takes a person: 'police picked them up',
    'two activists were caught', 'booked 20 persons for rioting' (for 'book', with what
    they were booked for or under)."""
    if verb.lemma_.lower() in lexicon.offence_taking_verbs and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "under") for c in verb.children):
        return False
    if verb.lemma_.lower() == "catch" and any(
            c.lower_ in lexicon.taking_idioms and c.dep_ in _IDIOM_DEPS for c in verb.children):
        return False  # "caught in the crossfire", "caught unawares"
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "was picked up by unidentified men"
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if (c.pos_ == "PRON" and c.lower_ not in ("it", "this", "that", "what", "which")) or \
                c.ent_type_ == "PERSON" or c.lower_ in lexicon.taken_people or \
                c.lemma_.lower() in lexicon.taken_people:
            return True
    return False


def _found_death_rank(lexicon: Lexicon) -> int:
    """A death read from a body found or a euphemism ranks below the kill verbs, so that the
    verb that tells the killing ('the bodies of four men killed by the mob') leads its group
    and names who killed, not the finder ('police recovered the bodies')."""
    return int(lexicon.classes["kill"]["rank"]) + 1


def _to_death(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """'hacked a shopkeeper to death', 'was beaten to death': a verb whose 'to'-phrase is
    'death' kills, whatever the verb (not 'sentenced to death', 'scared to death'). The
    trigger spans the verb to 'death'."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in lexicon.not_killing:
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i > tok.i:
            death = next((g for g in child.children if g.dep_ == "pobj"), None)
            if death is not None and death.lower_ == "death" and death.i - tok.i <= 8:
                return Trigger("kill", tok.i, death.i + 1, tok.i,
                               int(lexicon.classes["kill"]["rank"]))
    return None


def drop_descriptions(triggers: list[Trigger], doc: Doc, lexicon: Lexicon) -> list[Trigger]:
    """Deaths told of an accident or a disaster alone ('a tanker overturned, killing 12'), and
    words that describe a person or frame another act beside a trigger that tells the event:
    'supporters of the jailed cleric pelted police' (an arrest told as a state), 'under a
    local deal, the group pulled out' (the deal frames the withdrawal)."""
    kept = []
    sents = [doc[t.anchor].sent.start for t in triggers]
    for trig, sent_start in zip(triggers, sents, strict=True):
        tok = doc[trig.anchor]
        others = sents.count(sent_start) > 1
        if not others and trig.cls in ("kill", "wound") and any(
                t.lower_ in lexicon.accident_words or t.lower_ in lexicon.disaster_words
                for t in tok.sent):
            continue  # "a tanker overturned ..., killing 12": an accident, not violence
        if others and trig.cls == "arrest" and trig.end - trig.start == 1 and \
                tok.tag_ == "VBN" and tok.dep_ == "amod":
            continue
        if others and lexicon.classes[trig.cls].get("sub_event_type") == "Agreement" and \
                tok.dep_ == "pobj" and tok.head.lower_ in lexicon.framing_preps:
            continue
        kept.append(trig)
    return kept


def drop_participants(triggers: list[Trigger], doc: Doc, lexicon: Lexicon) -> list[Trigger]:
    """'police shot dead 98 rioters': people-words acted upon are victims, not a riot."""
    anchors = {t.anchor for t in triggers}
    kept = []
    for trig in triggers:
        tok = doc[trig.anchor]
        if trig.end - trig.start == 1 and tok.lemma_.lower() in lexicon.participants:
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            if tok.dep_ in ("dobj", "nsubjpass", "pobj", "conj") and head.i in anchors \
                    and head.i != tok.i:
                continue
        kept.append(trig)
    return kept


_GOVERNED = ("xcomp", "ccomp", "dobj", "pobj", "advcl", "acl", "prep", "nsubjpass")


def clause_head(tok: Token) -> Token:
    """The verb that heads the clause `tok` stands in (itself when it is a verb)."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def is_reported_event(tok: Token, lexicon: Lexicon) -> bool:
    """False for triggers under negation, modality, condition, question, plan or threat."""
    sent = tok.sent
    if sent.text.rstrip().endswith("?"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return False  # "without resistance", "without incident"
    verb = clause_head(tok)
    for node in {tok, verb}:
        for child in node.children:
            if child.dep_ == "neg":
                return False
            if child.dep_ == "aux" and child.lower_ in lexicon.modals:
                return False
            if child.dep_ == "mark" and child.lower_ in lexicon.conditionals:
                return False
            if child.dep_ == "det" and child.lower_ in ("no",):
                return False
            if child.dep_ in ("nsubj", "nsubjpass") and (
                    child.lower_ in ("nobody", "none", "noone")
                    or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)):
                return False
    # an infinitive of purpose ("launched an offensive to retake", "trying to broker a pact")
    # is not the event itself
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
            verb is tok or verb.dep_ in ("xcomp", "advcl", "acl", "relcl")):
        governor = verb.head
        purpose_of_act = (verb is tok and verb.dep_ == "advcl"
                          and tok.lemma_.lower() in lexicon.purpose_event_verbs
                          and governor.tag_ in ("VBD", "VBN")
                          and governor.lemma_.lower() not in lexicon.non_event_governors)
        if governor.lemma_ not in lexicon.infinitive_ok and not purpose_of_act and \
                governor.lower_ not in lexicon.infinitive_ok_forms:
            return False
        if any(c.dep_ == "neg" for c in governor.children):
            return False  # "was not compelled to arrest him", "did not manage to retake it"
        if governor.pos_ == "ADJ" and any(
                c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lexicon.modals)
                for c in governor.head.children):
            return False  # "will be able to arrest them", "was not able to stop"
    node = tok
    for _ in range(5):
        if node.dep_ == "ROOT" or node.head == node or (node.dep_ == "relcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which")
                for c in node.children)):
            break  # a relative clause states its act ("action against the men who killed",
            # "the woman who was shot is expected to survive")
        if _presupposed(node, lexicon):
            break  # "recovering after accidentally shooting himself": it happened
        if node.dep_ in _GOVERNED and (
            node.head.lemma_.lower() in lexicon.non_event_governors
        ) and not _governed_apart(node, tok, lexicon):
            return False
        node = node.head
    return True


def _governed_apart(node: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the non-event governor above `node` leaves the trigger alone: reached through a
    preposition of its other sense ('called to a shooting', 'wanted in the shooting'), in
    the passive of 'want' ('is wanted for murder'), naming the act ('calling the shooting an
    accident'), used intransitively ('ended in gunfire'), or through a person it acts on
    whose words name the act ('asked anyone with information about the shooting to call',
    'seeking a man in connection with the shooting')."""
    gov = node.head
    lemma = gov.lemma_.lower()
    objected = any(c.dep_ == "dobj" for c in gov.children) or (
        gov.dep_ == "acl" and gov.tag_ == "VBN")  # "a licence recovered from ...": its object
    if node.dep_ == "prep" and node.lower_ in lexicon.governor_apart.get(lemma, ()) and \
            not objected:
        return True  # (not "recovered a licence from the arrested men": a find)
    if lemma == "want" and any(c.dep_ == "auxpass" for c in gov.children):
        return True
    if any(c.dep_ == "oprd" for c in gov.children) and node.dep_ == "dobj":
        return True  # "police are calling the shooting an accident": naming it
    if lemma in lexicon.transitive_governors and node.dep_ != "nsubjpass" and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp") for c in gov.children):
        return True  # "the party ended in gunfire, leaving one dead"
    return node is not trigger and node.dep_ in ("dobj", "nsubjpass") and (
        node.pos_ == "PRON" or node.lower_ in lexicon.participle_people
        or node.lemma_.lower() in lexicon.participle_people)


def _presupposed(node: Token, lexicon: Lexicon) -> bool:
    """Whether `node` opens a phrase that states a past fact whatever governs it: 'after the
    attack', 'following the shooting', 'after they say a boy shot his uncle', 'because he
    had stabbed her' (not 'after they attack', which may be a plan), 'they discovered the
    victim had been shot', 'the shooting that occurred on Saturday'."""
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in lexicon.factive_governors:
        return True
    if node.pos_ == "NOUN" and any(c.dep_ == "relcl" and c.lemma_.lower() in
                                   lexicon.occurrence_verbs for c in node.children):
        return True
    if node.dep_ == "prep":
        return node.lower_ in lexicon.presupposing_preps
    if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in lexicon.presupposing_marks
                                       for c in node.children):
        return False
    from sitrep.extract.attribution import REPORT_VERBS

    if any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in node.children):
        return False
    past = node.tag_ in ("VBD", "VBN", "VBG") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children)
    return past or node.lemma_.lower() in REPORT_VERBS


def in_background_clause(tok: Token, lexicon: Lexicon) -> bool:
    """True when the trigger's clause is introduced by a marker such as 'since', or is a
    relative clause in the past perfect ('the ministers, whom they had taken hostage')."""
    verb = clause_head(tok)
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                    for c in verb.children):
        return True
    for node in (tok, verb, verb.head):
        for child in node.children:
            if child.dep_ in ("mark", "prep") and child.lower_ in lexicon.background_markers:
                return child.i < tok.i
    return False


def has_word(tok: Token, words: set[str]) -> bool:
    """Whether the phrase `tok` heads holds one of the words (one or two words long)."""
    text = f" {' '.join(t.lower_ for t in tok.subtree)} "
    return any(f" {w} " in text for w in words)
