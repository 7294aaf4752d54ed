"""Casualty words: which tokens make a figure count the killed, the injured or the hit, and
the tests on them (fatal, taken to hospital, shot, alive when told)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.casualty_lexicon import (
    _ADJ_TRIGGERS,
    _AGE_NOUNS,
    _ALIVE_INJURY_WORDS,
    _CONDITION_VERBS,
    _CONDITIONS,
    _FATAL_ADVERBS,
    _GUNFIRE_EVENTS,
    _GUNFIRE_NOUNS,
    _HOSPITAL_NOUNS,
    _HOSPITAL_VERBS,
    _LIFE_LOSING,
    _LIFE_TAKING,
    _NOUN_TRIGGERS,
    _PROJECTILES,
    _SHOT_VERBS,
    _STRIKE_VERBS,
    _VERB_TRIGGERS,
    Kind,
    is_person_noun,
)

_FATAL_ADJECTIVES = {"fatal", "deadly"}
_FATAL_NOUN_MODS = {"fatal", "deadly", "mortal", "lethal"}
_DEATH_VERBS = {"die", "succumb", "perish"}
_COUNTERFACTUAL = {"could", "would", "might", "should", "'d"}
_NAME_MISREAD = {"", "ORG", "GPE", "FAC", "LOC"}


def _death_verb(tok: Token) -> bool:
    """"died", "succumbed", "perished", "passed away": the subject is the dead."""
    lemma = tok.lemma_.lower()
    return lemma in _DEATH_VERBS or (lemma == "pass" and tok.pos_ == "VERB" and any(
        c.dep_ == "prt" and c.lower_ == "away" for c in tok.children))
_FOUND_VERBS = {"find", "discover", "recover", "locate"}


def _fatal(tok: Token) -> bool:
    """A wounding or shooting word marked as deadly: "fatally shot", "shot dead", "shot to
    death", "shot and killed"."""
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in _FATAL_ADVERBS:
            return True
        if c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "amod") and c.lower_ == "dead":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children):
            return True
        if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB" and (
                _VERB_TRIGGERS.get(c.lemma_.lower()) == "killed") and not any(
                g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children):
            return True  # "was shot and killed", "shot, killed"; not "shot four and killed one"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == "dead"


def _to_hospital(tok: Token) -> bool:
    """"taken to hospital", "rushed to a trauma center", "sent five people to the hospital",
    "taken to Mercy General with injuries": the people moved were hurt."""
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            words = {p.lemma_.lower(), *(g.lemma_.lower() for g in p.children
                                         if g.dep_ == "compound")}
            if c.lower_ in ("to", "in") and words & _HOSPITAL_NOUNS:
                return True
            if c.lower_ == "with" and p.lemma_.lower() in ("injury", "wound"):
                return True
            if c.lower_ == "to" and any(  # "taken to WakeMed with life-threatening injuries"
                    w.dep_ == "prep" and w.lower_ == "with" and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in ("injury", "wound")
                        for g in w.children) for w in p.children):
                return True
    return False


def _by_gunfire(tok: Token) -> bool:
    """"struck by a stray bullet", "hit by gunfire", "a bullet grazed the child", "buckshot
    struck three people", "was also hit during the shooting": a person struck by a shot."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    for c in tok.children:
        if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")) and any(
                p.lemma_.lower() in _PROJECTILES for p in c.children if p.dep_ == "pobj"):
            return True
        if passive and c.dep_ == "prep" and c.lower_ in ("during", "in") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in _GUNFIRE_EVENTS for p in c.children
        ) and any(g.dep_ == "nsubjpass" and _a_person(g) for g in tok.children):
            return True  # not "two ambulances were hit during a crossfire"
        if c.dep_ == "nsubj" and c.lemma_.lower() in _PROJECTILES:
            return True
    return tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children) and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _PROJECTILES for c in tok.head.children)


def _a_person(tok: Token) -> bool:
    """A word that names people: a pronoun, a name, a person noun, an age."""
    return tok.pos_ == "PRON" or tok.ent_type_ == "PERSON" or _is_age(tok) or (
        is_person_noun(tok.lemma_.lower()))


def _in_condition(tok: Token, conditions: frozenset[str] = frozenset()) -> bool:
    """"were in critical condition", "remains in serious condition", "was listed in stable
    condition": the people are hurt (and alive when told); one of `conditions` only, when
    given."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() == "condition" and any(
                        g.lower_ in (conditions or _CONDITIONS) for g in p.children
                        if g.dep_ in ("amod", "compound")):
                    return True
    return False


def _condition_headline(tok: Token) -> bool:
    """Headline style, "Teen in critical condition after shooting": a person told in a
    condition with no verb at all."""
    return tok.dep_ == "ROOT" and tok.pos_ in ("NOUN", "PROPN", "ADJ") and _a_person(tok) and (
        _in_condition(tok))


def _alive_when_told(trig: Token) -> bool:
    """A person moved to hospital or shot, told in a condition that is not grave ("was
    hospitalized in stable condition", "taken to a hospital, where he was in fair
    condition") or with injuries not deadly ("with non-life-threatening injuries", "with
    minor injuries"): alive when told, and likely to stay so, so not among the killed. (People
    "in critical condition" often die before the report is done.)"""
    for t in trig.subtree:
        told = t is trig or (t.lemma_.lower() in _CONDITION_VERBS and t.pos_ in ("VERB", "AUX"))
        if told and _in_condition(t, _ALIVE_INJURY_WORDS):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "with" and t.lemma_.lower() in (
                "injury", "wound") and any(
                g.lower_ in _ALIVE_INJURY_WORDS for g in t.subtree if g.i < t.i):
            return True
    return False


def _loses_life(tok: Token) -> bool:
    """"three persons lost their lives", "a constable sacrificed his life": the subject dies."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _LIFE_LOSING and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "life"
        and any(g.dep_ == "poss" for g in c.children) for c in tok.children)


def _lives_counted(tok: Token) -> bool:
    """"claimed 12 lives", "took four lives", "12 lives were lost": a counted 'lives' taken."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() == "life" and tok.dep_ in (
        "dobj", "nsubjpass") and tok.head.lemma_.lower() in _LIFE_TAKING and any(
        c.dep_ in ("nummod", "quantmod") or c.like_num for c in tok.children)


def at_target(tok: Token) -> tuple[bool, Token | None]:
    """Whether "at" follows a shooting word as its own preposition ("shot at"), and the
    object of that "at" (None where nothing follows it)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "at" or nxt.head != tok:
        return False, None
    return True, next((c for c in nxt.children if c.dep_ == "pobj"), None)


def _fired_at(tok: Token) -> bool:
    """True for "shot at" with no object after "at" ("two officers were shot at on Elm
    Street", "the car was shot at by ..."): the people were fired at, not hit."""
    at, obj = at_target(tok)
    return at and obj is None


def _trigger_kind(tok: Token) -> tuple[Kind, str] | None:
    """Kind of casualty word and its role ('verb', 'adj', 'noun'), or None.

    "shot" counts the wounded unless the shooting is marked as deadly ("shot dead", "fatally
    shot", "shot and killed"); "fatally wounded" counts the killed."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if any(c.dep_ == "amod" and c.lower_ == "attempted" for c in tok.children):
        return None  # "charged with attempted murder": no one died
    if lemma == "hurt" and tok.tag_ == "VBG" and not any(
            c.dep_ == "dobj" for c in tok.children):
        return None  # "the family is hurting": grief, not a wound
    if lemma in _LIFE_LOSING and _loses_life(tok):
        return "killed", "verb"
    if lemma == "pass" and _death_verb(tok):
        return "killed", "verb"  # "he passed away Saturday"
    if lemma == "life" and _lives_counted(tok):
        return "killed", "noun"
    if tok.pos_ == "VERB" and (lemma in _SHOT_VERBS or low in _SHOT_VERBS):
        if _fired_at(tok):
            return None  # "the officers were shot at": fired at, not hit
        return ("killed" if _fatal(tok) else "injured"), "verb"
    if _headline_shot(tok):
        return ("killed" if _fatal(tok) else "injured"), "verb"
    if tok.pos_ == "VERB" and lemma in _HOSPITAL_VERBS and _to_hospital(tok):
        return "injured", "verb"
    if tok.pos_ == "VERB" and lemma in _STRIKE_VERBS and _by_gunfire(tok):
        return ("killed" if _fatal(tok) else "injured"), "verb"
    if lemma == "victim" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in _GUNFIRE_NOUNS | {"shooting"}
            for c in tok.children):
        return "injured", "noun"  # "two other gunshot victims drove to a clinic"
    if lemma in _CONDITION_VERBS and tok.pos_ in ("VERB", "AUX") and _in_condition(tok):
        return "injured", "verb"
    if _condition_headline(tok):
        return "injured", "noun"
    found = _base_kind(tok, lemma, low)
    if found == ("injured", "noun") and any(c.dep_ == "amod" and c.lower_ in _FATAL_NOUN_MODS
                                            for c in tok.children):
        return "killed", "noun"  # "a mortal wound to the neck"
    if found is not None and found[0] == "injured" and found[1] != "noun" and _fatal(tok):
        return "killed", found[1]
    return found


def _headline_shot(tok: Token) -> bool:
    """Headline style, "5 shot on west side", "night leaves 18 shot": the parser reads "shot"
    as a noun counted by its figure, though no one fired "5 shots"."""
    if tok.lower_ != "shot" or tok.pos_ != "NOUN" or any(c.dep_ == "det" for c in tok.children):
        return False
    if not any(c.dep_ == "nummod" for c in tok.children):
        return False
    return tok.dep_ in ("ROOT", "nsubj", "appos", "conj") or (
        tok.dep_ == "dobj" and tok.head.lemma_ == "leave") or _after_label(tok)


def _after_label(tok: Token) -> bool:
    """A headline behind a section label, "Atlanta News: 4 shot in northwest": the parser
    hangs the headline on the label, across the colon."""
    head = tok.head
    return tok.dep_ in ("acl", "appos", "dep") and head.i < tok.i and any(
        t.text == ":" for t in tok.doc[head.i + 1:tok.i])


def _base_kind(tok: Token, lemma: str, low: str) -> tuple[Kind, str] | None:
    if tok.pos_ in ("VERB", "AUX") and lemma in _VERB_TRIGGERS:
        return _VERB_TRIGGERS[lemma], "verb"
    if low in _ADJ_TRIGGERS and tok.pos_ in ("ADJ", "VERB"):
        return _ADJ_TRIGGERS[low], "adj"
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and (lemma in _NOUN_TRIGGERS or low in _NOUN_TRIGGERS):
        return _NOUN_TRIGGERS.get(lemma) or _NOUN_TRIGGERS[low], "noun"
    if tok.pos_ == "VERB" and low in _ADJ_TRIGGERS:
        return _ADJ_TRIGGERS[low], "adj"
    return None



def _is_age(tok: Token) -> bool:
    """"a 16-year-old", "the 3 year old": a person told by age."""
    return tok.lower_ == "old" and any(c.lemma_.lower() in _AGE_NOUNS for c in tok.children)
