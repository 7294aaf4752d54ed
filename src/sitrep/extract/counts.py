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
stable condition", "with minor injuries"; not "in critical condition"); one person "also
killed" after a single death is one more (``besides``). In "four of the five victims were
shot to death" the set (five) is no figure of its own, and "younger than 12" is an age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from sitrep.extract.lexicon import load_data
from sitrep.nlp import doc_text
from sitrep.record import Count

Kind = Literal["killed", "injured", "casualties"]

_DATA: dict[str, Any] = load_data("counts.json")
_UNITS: dict[str, int] = _DATA["units"]
_TENS: dict[str, int] = _DATA["tens"]
_SCALES: dict[str, int] = _DATA["scales"]
_VAGUE: dict[str, list[int]] = _DATA["vague"]
_MODIFIERS: dict[str, str] = {k: v for k, v in _DATA["modifiers"].items() if not k.startswith("_")}
_WHO: dict[str, str | None] = _DATA["who"]
_NOT_COUNTED: frozenset[str] = frozenset(_DATA["not_counted"])
_GAP: frozenset[str] = frozenset(_DATA["gap_words"])
_NP_WORDS: frozenset[str] = frozenset(_DATA["np_words"])
_SKIP_ENTS: frozenset[str] = frozenset(_DATA["skip_entities"])
_TOLL: frozenset[str] = frozenset(_DATA["toll_nouns"])
_NOT_BEFORE: frozenset[str] = frozenset(_DATA["not_before"])
_SHOT_VERBS: frozenset[str] = frozenset(_DATA["shot_verbs"])
_FATAL_ADVERBS: frozenset[str] = frozenset(_DATA["fatal_adverbs"])
_PERSON_NOUNS: frozenset[str] = frozenset(_DATA["person_nouns"])
_SUFFER_VERBS: frozenset[str] = frozenset(_DATA["suffer_verbs"])
_HOSPITAL_VERBS: frozenset[str] = frozenset(_DATA["hospital_verbs"])
_MULTIPLES: dict[str, int] = _DATA["multiples"]
_MULTIPLE_NOUNS: dict[str, str] = _DATA["multiple_nouns"]
_HOSPITAL_NOUNS: frozenset[str] = frozenset(_DATA["hospital_nouns"])
_AGE_NOUNS: frozenset[str] = frozenset(_DATA["age_nouns"])
_OF_VICTIM: dict[str, Kind] = _DATA["of_victim_nouns"]
_WOUND_COUNTS: frozenset[str] = frozenset(_DATA["wound_counts"])
_CONDITION_VERBS: frozenset[str] = frozenset(_DATA["condition_verbs"])
_CONDITIONS: frozenset[str] = frozenset(_DATA["conditions"])
_NOT_PERSON_MODIFIERS: frozenset[str] = frozenset(_DATA["not_person_modifiers"])
_OTHERS_WORDS: frozenset[str] = frozenset(_DATA["others_words"])
_OTHERS_ADVERBS: frozenset[str] = frozenset(_DATA["others_adverbs"])
_GUNFIRE_NOUNS: frozenset[str] = frozenset(_DATA["gunfire_nouns"])
_LIFE_LOSING: frozenset[str] = frozenset(_DATA["life_losing_verbs"])
_LIFE_TAKING: frozenset[str] = frozenset(_DATA["life_taking_verbs"])
_LIVES_PERIOD: frozenset[str] = frozenset(_DATA["lives_period_subjects"])
_VAGUE_NOT_AFTER: frozenset[str] = frozenset(_DATA["vague_not_after"])
_WEAPON_NOUNS: frozenset[str] = frozenset(_DATA["weapon_nouns"])
_PART_ADVERBS: frozenset[str] = frozenset(_DATA["part_adverbs"])
_TIME_PREPOSITIONS: frozenset[str] = frozenset(_DATA["time_prepositions"])
_SURVIVOR_CONJUNCTS: frozenset[str] = frozenset(_DATA["survivor_conjuncts"])
_SURVIVE_VERBS: frozenset[str] = frozenset(_DATA["survive_verbs"])
_ROUNDUP_NOUNS: frozenset[str] = frozenset(_DATA["roundup_nouns"])
_STRIKE_VERBS: frozenset[str] = frozenset(_DATA["strike_verbs"])
_PROJECTILES: frozenset[str] = frozenset(_DATA["projectile_nouns"])
_GUNFIRE_EVENTS: frozenset[str] = frozenset(_DATA["gunfire_events"])
_ALIVE_INJURY_WORDS: frozenset[str] = frozenset(_DATA["alive_injury_words"])
_AGE_COMPARATIVES: frozenset[str] = frozenset(_DATA["age_comparatives"])
_OTHERS_ORDINALS: frozenset[str] = frozenset(_DATA["others_ordinals"])
_ROUNDUP_PREPOSITIONS: frozenset[str] = frozenset(_DATA["roundup_prepositions"])
_CLIP_TIME = re.compile(r"\d{1,2}:\d\d")


def _trigger_sets(part: str) -> dict[str, Kind]:
    out: dict[str, Kind] = {}
    for kind, lex in _DATA["triggers"].items():
        for word in lex[part]:
            out[word] = kind
    return out


_VERB_TRIGGERS = _trigger_sets("verbs")
_ADJ_TRIGGERS = _trigger_sets("adjectives")
_NOUN_TRIGGERS = _trigger_sets("nouns")


def _alt(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_PERIOD_RE = re.compile(rf"\b(?:{_alt(_DATA['period_words'])})\b(?!\s+(?:"
                        rf"{_alt(_DATA['period_not_after'])})\b)")
_PERIOD_PERFECT_RE = re.compile(rf"\b(?:{_alt(_DATA['period_perfect_words'])})\b"
                                r"|\bin (?:19|20)\d\d\b")
_LINE_BREAK_RE = re.compile(r"\n|\s{2,}")
_LINK_RE = re.compile(rf"^\W*(?:{_alt(_DATA['link_prefixes'])})\s*:", re.IGNORECASE)
_NUMWORD = _alt([*_UNITS, *_TENS, *_SCALES, "dozen"])
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_ATOM = rf"(?:{_DIGITS}|(?:a\s+|half\s+a\s+)?(?:{_NUMWORD}))"
_NUMBER = rf"{_ATOM}(?:(?:\s+|-)(?:and\s+)?(?:{_NUMWORD}))*"
_VAGUE_RE = rf"(?:{_alt(list(_VAGUE))})(?:\s+(?:{_alt(list(_SCALES))}))?"
_MOD = _alt(list(_MODIFIERS))
_CORE = (
    rf"between\s+(?P<b1>{_NUMBER})\s+and\s+(?P<b2>{_NUMBER})"
    rf"|(?P<n1>{_NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_NUMBER}))?"
    rf"|(?P<vague>{_VAGUE_RE})"
)
QUANTITY_RE = re.compile(
    rf"(?<![\w$£€.,:\[-])(?:(?P<mod>{_MOD})\s+)?(?:{_CORE})(?![\w%\]]|[,:]\d)", re.IGNORECASE
)
_AGE_RE = re.compile(r"^\s*-?\s*(?:years?\s*-?\s*old|-\s*year|-\s*month|months?\s*-?\s*old)",
                     re.IGNORECASE)
_GALLERY_RE = re.compile(r"(?:\b(?:image|photo|slide|picture)s?\s+\d+\s+of|\d+\s*/)\s*$",
                         re.IGNORECASE)
_NOT_AFTER_RE = re.compile(
    r"^\s*(?:%|percent\b|per\s+cent\b|km\b|kilomet|miles?\b|[ap]\.?m\.?(?!\w)|o'clock)",
    re.IGNORECASE,
)


def parse_number(text: str) -> int | None:
    """Value of one number phrase: "3,000", "1.5 million", "twenty-five", "two hundred"."""
    t = text.strip().lower().replace("–", "-")
    if not t:
        return None
    t = re.sub(r"^half\s+a\s+dozen$", "6", t)
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    total = 0
    current: float = 0
    seen = False
    for i, w in enumerate(words):
        if re.fullmatch(_DIGITS, w):
            current += float(w.replace(",", ""))
        elif w == "a" and i + 1 < len(words):
            current += 1
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * _DATA["dozen"]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += int((current or 1) * _SCALES[w])
            current = 0
        else:
            return None
        seen = True
    return int(total + current) if seen else None


def _vague_value(text: str) -> tuple[int, int, int] | None:
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _VAGUE:
        lo, best, hi = _VAGUE[t]
        return lo, best, hi
    head, _, scale = t.rpartition(" ")
    if head in _VAGUE and scale in _SCALES:
        lo, best, hi = _VAGUE[head]
        # "several hundred": the vague word counts hundreds, not people.
        lo, best, hi = (min(lo, best), best, hi) if lo <= best else (best, best, hi)
        k = _SCALES[scale]
        return lo * k, best * k, min(hi, 9) * k
    return None


def _apply_modifier(mod: str | None, lo: int, best: int, hi: int) -> tuple[int, int, int]:
    rule = _MODIFIERS.get(re.sub(r"\s+", " ", mod.lower())) if mod else None
    if rule in (None, "exact", "min"):
        return lo, best, hi if rule != "min" else max(hi, best)
    if rule == "max":
        return min(1, lo), hi, hi
    if rule == "max_excl":
        top = max(hi - 1, 0)
        return min(1, top), top, top
    if rule == "below":
        return int(best * 0.9), best, best
    # approx
    return int(best * 0.9), best, round(hi * 1.1)


def parse_quantity(text: str) -> tuple[int, int, int] | None:
    """Parse a figure into ``(low, best, high)``; None when the text is not one figure."""
    m = QUANTITY_RE.fullmatch(text.strip())
    if m is None:
        return None
    return _quantity_from_match(m)


def _quantity_from_match(m: re.Match[str]) -> tuple[int, int, int] | None:
    if m.group("vague"):
        v = _vague_value(m.group("vague"))
        if v is None:
            return None
        lo, best, hi = v
    elif m.group("b1"):
        a, b = parse_number(m.group("b1")), parse_number(m.group("b2"))
        if a is None or b is None:
            return None
        lo, best, hi = min(a, b), min(a, b), max(a, b)
    else:
        a = parse_number(m.group("n1"))
        if a is None:
            return None
        b = parse_number(m.group("n2")) if m.group("n2") else None
        if b is not None and b < a and b < 10 <= a:
            b = None  # "24-7" style: not a range
        lo, best, hi = (min(a, b), min(a, b), max(a, b)) if b is not None else (a, a, a)
    return _apply_modifier(m.group("mod"), lo, best, hi)


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
    besides: bool = False  # one more person killed, set apart: "Roe was also killed"


@dataclass(slots=True)
class _Qty:
    start: int  # token indices, end exclusive
    end: int
    value: tuple[int, int, int]


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


def _age_apposition(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """A bare figure set off by commas after a name or a person is an age: "Harger, 32,
    died", "The other, 20, is in fair condition", "the victim, 19, was shot"."""
    if end - start != 1 or not doc[start].like_num or start - 2 < sent.start:
        return False
    before = doc[start - 2]
    named = before.pos_ == "PROPN" or before.lower_ in ("other", "one", "another") or (
        before.pos_ == "NOUN" and before.lemma_.lower() in _PERSON_NOUNS)
    if doc[start - 1].text != "," or not named or end >= sent.end:
        return False
    if doc[end].text in (",", ")"):
        return True
    # the last of a list of names and ages: "Ann Roe, 40; and Tom Vance, 52 both died"
    return before.ent_type_ == "PERSON" and doc[end].pos_ not in ("NOUN", "PROPN", "ADJ")


def _quantities(sent: Span) -> list[_Qty]:
    doc = sent.doc
    out: list[_Qty] = []
    text = sent.text
    for m in QUANTITY_RE.finditer(text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        core = span if not m.group("mod") else span[len(m.group("mod").split()):]
        if re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and any(
                e.label_ == "DATE" and e.start_char <= start < e.end_char for e in sent.ents):
            continue  # a year: "the city's third homicide of 2019"
        if not m.group("vague") and any(
            e.label_ in _SKIP_ENTS and (e.start_char < start or e.end_char > end)
            for e in doc.ents
            if e.start < core.end and core.start < e.end
        ):
            continue  # part of a date, time, sum of money ...
        after = doc_text(doc)[end : end + 12]
        if _AGE_RE.match(after) or _NOT_AFTER_RE.match(after):
            continue
        prev = doc[span.start - 1] if span.start > sent.start else None
        if _GALLERY_RE.search(doc_text(doc), max(0, start - 30), start):
            continue  # "Photo 3 of 12", "4 / 12": a photo counter
        if m.group(0) == "911" or (prev is not None and _clip_time(prev)):
            continue  # "911 calls"; "Pause 1:51 Two shot in ...": a video playlist
        if _age_apposition(doc, span.start, span.end, sent):
            continue
        if prev is not None and prev.lower_ == "than" and span.start - 2 >= sent.start and (
                doc[span.start - 2].lower_ in _AGE_COMPARATIVES):
            continue  # "a boy younger than 12 was shot": an age
        if prev is not None and prev.text == "," and span.end < sent.end and (
                doc[span.end].lower_ in _PART_ADVERBS) and (
                span.end + 1 >= sent.end or doc[span.end + 1].is_punct):
            continue  # "7 injured, 3 critically,": some of the seven
        if prev is not None and (
            prev.text in _NOT_BEFORE
            or prev.text.endswith(("$", "£", "€"))
            or (prev.lower_ == "no" and span[0].lower_ == "one")
            or (prev.lower_ in _VAGUE_NOT_AFTER and bool(m.group("vague")))
        ):
            continue
        value = _quantity_from_match(m)
        if value is None:
            continue
        if re.fullmatch(r"(?i)(some|many|a number|several|a few|a couple)", m.group(0)) and (
            span.end < sent.end and doc[span.end].lower_ != "of"
            and doc[span.end].pos_ not in ("NOUN", "VERB", "AUX", "ADJ")
        ):
            continue
        out.append(_Qty(span.start, span.end, value))
    return out


def _clip_time(tok: Token) -> bool:
    """A video clip's length before a playlist title ("Pause 1:51 Two shot ..."), not a clock
    time ("at 10:30 two men were shot", "10:30 p.m.")."""
    if not _CLIP_TIME.fullmatch(tok.text):
        return False
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is None or before.lower_ not in _TIME_PREPOSITIONS


def _noun_after(doc: Doc, q: _Qty, limit: int) -> tuple[Token | None, int]:
    """The counted noun after a figure ("50 of its own militants") and the index past it."""
    j = q.end
    noun: Token | None = None
    while j < limit and j < q.end + 6:
        tok = doc[j]
        if _trigger_kind(tok) is not None and tok.pos_ != "NOUN":
            break
        if tok.pos_ in ("NOUN", "PROPN") and not (
            tok.dep_ == "compound" and j + 1 < limit and doc[j + 1].pos_ in ("NOUN", "PROPN")
        ):
            noun = tok
            j += 1
            break
        if tok.lower_ in _NP_WORDS or tok.pos_ in ("ADJ", "DET", "PROPN", "NOUN") or (
            tok.text == "-" and noun is None
        ):
            j += 1
            continue
        break
    if noun is None:
        return None, q.end
    return noun, j


def _who(doc: Doc, q: _Qty, noun: Token | None, end: int) -> str | None:
    if noun is not None and _trigger_kind(noun) is None:
        return _WHO.get(noun.lower_, _WHO.get(noun.lemma_.lower()))
    for tok in doc[q.end : end]:
        key = tok.lower_
        if _WHO.get(key):
            return _WHO[key]
        if key.endswith("ian") and key + "s" in _WHO:
            return _WHO[key + "s"]
    return None


def _make(doc: Doc, q: _Qty, kind: Kind, trigger: int, who: str | None,
          cumulative: bool = False) -> CasualtyMention:
    span = doc[q.start : q.end]
    lo, best, hi = q.value
    count = Count(low=lo, best=best, high=hi, who=who, text=span.text, cumulative=cumulative)
    return CasualtyMention(kind, count, span.start_char, span.end_char, trigger)


def _passive_like(doc: Doc, trig: Token, limit: int) -> bool:
    """True when the trigger does not take its own object ("were killed", "12 dead")."""
    if trig.tag_ == "VBG" and any(c.dep_ == "aux" for c in trig.children) and not any(
            c.dep_ == "auxpass" for c in trig.children):
        return False  # "Roe was shooting with friends": the one who fired
    if trig.tag_ in ("VBN", "JJ") or trig.pos_ in ("ADJ", "NOUN") or _death_verb(trig):
        return True
    if _loses_life(trig):
        return True  # "three persons lost their lives": the subject is the dead
    nxt = doc[trig.i + 1] if trig.i + 1 < limit else None
    return nxt is None or nxt.pos_ not in ("NUM", "DET", "NOUN", "PROPN", "PRON")


def _before_trigger(doc: Doc, q: _Qty, limit: int) -> CasualtyMention | None:
    """Figure then casualty word: "four women were killed", "12 dead", "five bodies"."""
    noun, j = _noun_after(doc, q, limit)
    if noun is not None:
        if noun.lemma_.lower() in _WOUND_COUNTS:
            return None  # "treated for four gunshot wounds": wounds, not people
        nk = _trigger_kind(noun)
        if nk is not None and nk[1] == "noun":
            who = _who(doc, q, None, noun.i)
            if who is None and j + 1 < limit and doc[j].lower_ == "among":  # "... among civilians"
                who = _WHO.get(doc[j + 1].lower_)
            return _make(doc, q, nk[0], noun.i, who)
        if nk is not None and _headline_shot(noun):
            return _make(doc, q, nk[0], noun.i, None)
        if noun.lemma_.lower() in _NOT_COUNTED or noun.lower_ in _NOT_COUNTED:
            return None
    k = j
    while k < limit and k < j + 5:
        tok = doc[k]
        tk = _trigger_kind(tok)
        if tk is not None and tk[1] != "noun":
            if not _passive_like(doc, tok, limit):
                return None
            return _make(doc, q, tk[0], tok.i, _who(doc, q, noun, j))
        if tok.lower_ in _GAP or tok.pos_ in ("ADV", "PART") or tok.lower_ == "people":
            k += 1
            continue
        break
    return None


def _after_trigger(doc: Doc, q: _Qty, lo_limit: int, limit: int) -> CasualtyMention | None:
    """Casualty word then figure: "killing two soldiers", "the bodies of five men"."""
    k = q.start - 1
    while k >= lo_limit and k >= q.start - 3:
        tok = doc[k]
        tk = _trigger_kind(tok)
        if tk is not None:
            kind, role = tk
            if role == "noun" and doc[k + 1].lower_ != "of":
                return None
            if role != "noun" and tok.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in tok.children
            ):
                return None
            noun, j = _noun_after(doc, q, limit)
            if noun is not None and (
                noun.lemma_.lower() in _NOT_COUNTED or noun.lower_ in _NOT_COUNTED
            ):
                return None
            return _make(doc, q, kind, tok.i, _who(doc, q, noun, j))
        if tok.pos_ == "ADV" or tok.lower_ in ("a", "an", "the", "another", "of", "further"):
            k -= 1
            continue
        return None
    return None


def _by_dependency(doc: Doc, q: _Qty, limit: int) -> CasualtyMention | None:
    """Figure whose noun is the subject or object of a casualty verb, through coordination."""
    noun, j = _noun_after(doc, q, limit)
    node = noun if noun is not None else doc[q.end - 1]
    if noun is not None and (noun.lemma_.lower() in _NOT_COUNTED or noun.lower_ in _NOT_COUNTED):
        return None
    if node.dep_ == "pobj" and node.head.lower_ == "of" and (
            q.start <= node.head.head.i < q.end):
        node = node.head.head  # "two of the guards, ..., died": the figure is the subject
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN", "NUM"):
        node = node.head
    if node.dep_ not in ("nsubjpass", "dobj", "nsubj"):
        return None
    head = node.head
    if (node.dep_ == "nsubjpass" and head.lemma_.lower() in _FOUND_VERBS) or (
            node.dep_ == "dobj" and head.lemma_.lower() == "leave"):
        # "two women and a boy were found dead / found shot", "left three men injured"
        head = next((c for c in head.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")
                     and _trigger_kind(c) is not None), head)
    tk = _trigger_kind(head)
    if tk is None or tk[1] == "noun":
        return None
    if node.dep_ == "nsubj" and not _passive_like(doc, head, limit):
        return None
    return _make(doc, q, tk[0], head.i, _who(doc, q, noun, j))


def _fatally(doc: Doc, q: _Qty, limit: int) -> CasualtyMention | None:
    """"six people were shot, two of them fatally", "one fatally": the figure counts the
    killed among those hit."""
    j = q.end
    if j + 1 < limit and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("them", "those"):
        j += 2
    if j < limit and doc[j].lower_ in _FATAL_ADVERBS:
        trig = doc[j]
        for _ in range(4):
            if trig.pos_ == "VERB" or trig.head.i == trig.i:
                break
            trig = trig.head
        return _make(doc, q, "killed", trig.i if trig.pos_ == "VERB" else doc[j].i, None)
    return None


def _multiples(doc: Doc, sent: Span) -> list[CasualtyMention]:
    """"a triple murder", "a double homicide", "a quadruple shooting": the number of victims
    (the killed for murders, those hit for shootings)."""
    out: list[CasualtyMention] = []
    for tok in sent:
        n = _MULTIPLES.get(tok.lower_)
        if n is None or tok.i + 1 >= sent.end:
            continue
        noun = doc[tok.i + 1]
        kind = _MULTIPLE_NOUNS.get(noun.lemma_.lower())
        if kind is None:
            continue
        count = Count(n, n, n, None, tok.text)
        mention = CasualtyMention("killed" if kind == "killed" else "injured", count, tok.idx,
                                  tok.idx + len(tok.text), noun.i)
        out.append(mention)
    return out


def _toll(doc: Doc, sent: Span, qtys: list[_Qty]) -> list[tuple[_Qty, CasualtyMention]]:
    out: list[tuple[_Qty, CasualtyMention]] = []
    for tok in sent:
        if tok.lemma_.lower() not in _TOLL:
            continue
        kind: Kind = "killed"
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("casualty",):
                kind = "casualties"
            elif c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("injury",):
                kind = "injured"
        for q in qtys:
            if tok.i < q.start <= tok.i + 8 and not any(
                t.text in (".", ";") for t in doc[tok.i : q.start]
            ):
                out.append((q, _make(doc, q, kind, tok.i, None, cumulative=True)))
                break
    return out


_ZERO_RE = re.compile(
    rf"\b(?:{_alt(_DATA['zero_subjects'])})\b|\bno\b(?=\s+(?:\w+\s+){{0,2}}?"
    r"(?:casualt|deaths?\b|fatalit|injur|dead\b|bodies|civilians|people|one\b))",
    re.IGNORECASE,
)


def _zeros(doc: Doc, sent: Span) -> list[CasualtyMention]:
    out: list[CasualtyMention] = []
    for m in _ZERO_RE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                             alignment_mode="expand")
        if span is None:
            continue
        q = _Qty(span.start, span.end, (0, 0, 0))
        if doc[q.end - 1].lower_ == "no":  # "no casualties", "no civilians were killed"
            noun, _j = _noun_after(doc, q, sent.end)
            if noun is not None and noun.lower_ in ("reports", "report", "word", "information"):
                continue
        found = _before_trigger(doc, q, sent.end)
        if found is not None:
            found.count.who = None if found.count.who == "people" else found.count.who
            out.append(found)
    return out


def _victim_of(trig: Token, role: str) -> Token | None:
    """The one person a casualty word is about, when no figure is given: "a man was shot",
    "Smith died", "he was pronounced dead", "killing a teenager", "a woman suffered gunshot
    wounds"."""
    node = trig
    if role == "noun":
        of = _of_person(trig)
        if of is not None:
            return of
        if trig.lower_ == "body" and trig.dep_ in ("nsubjpass", "dobj") and (
                trig.head.lemma_.lower() in _FOUND_VERBS) and any(
                c.dep_ == "det" and c.lower_ in ("a", "the") for c in trig.children):
            return trig  # "a body was found", "police discovered a body"
        if trig.dep_ == "dobj" and trig.head.lemma_.lower() in _SUFFER_VERBS:
            node = trig.head  # "a woman suffered gunshot wounds"
        elif trig.dep_ == "pobj" and trig.head.lower_ == "with" and trig.head.head.pos_ == "VERB" \
                and _NOUN_TRIGGERS.get(trig.lemma_.lower()) == "injured":
            node = trig.head.head  # "a man was found with a gunshot wound", not "charged with
            # murder"
        elif trig.dep_ == "pobj" and trig.head.lower_ == "with" and (
                trig.head.head.dep_ in ("dobj", "nsubjpass")) and (
                trig.head.head.head.lemma_.lower() in _FOUND_VERBS) and (
                _NOUN_TRIGGERS.get(trig.lemma_.lower()) == "injured"):
            return _one_person(trig.head.head, trig)  # "they found a boy with a gunshot wound"
        else:
            return None
    elif role == "adj" and trig.dep_ == "oprd" and trig.head.pos_ == "VERB" and any(
            c.dep_ == "dobj" for c in trig.head.children):
        obj = next(c for c in trig.head.children if c.dep_ == "dobj")
        return _one_person(obj, trig)  # "the shooting left a teenager dead"
    elif role == "adj" and trig.dep_ == "amod" and trig.head.dep_ == "dobj" and (
            trig.head.head.lemma_.lower() in _FOUND_VERBS | {"leave"}):
        return _one_person(trig.head, trig)  # "police found a man dead"
    elif role == "adj" and trig.dep_ in ("acomp", "oprd", "xcomp") and trig.head.pos_ in (
            "VERB", "AUX"):
        node = trig.head
    elif trig.dep_ == "acl" and trig.tag_ == "VBN" and (
            trig.head.pos_ == "NOUN" or _is_age(trig.head)):
        # "they found a woman shot in the arm", "reports of a 3-year-old shot dead"
        return _one_person(trig.head, trig)
    if any(c.dep_ == "neg" for c in node.children) or any(c.dep_ == "neg" for c in
                                                              trig.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _COUNTERFACTUAL for c in trig.children):
        return None  # "he could have died", "she would have been killed"
    subj = _subject(node)
    if subj is None and node.dep_ == "xcomp" and node.head.pos_ == "VERB" and (
            node.head.lemma_.lower() in _FOUND_VERBS) and _fatal(trig):
        subj = next((c for c in node.head.children if c.dep_ == "nsubjpass"), None)
        # "a brother and sister were found fatally shot" (not "found shot": dead or alive)
    if subj is None and node.dep_ in ("conj", "dep") and node.head.pos_ in ("VERB", "AUX"):
        # "was shot and died", headline style "Student dropped off by friends, then shot dead"
        subj = next((c for c in node.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is not None and subj.dep_ == "nsubj" and role == "verb" and not _passive_like(
            trig.doc, trig, len(trig.doc)):
        subj = None  # "a man killed ...": the killer, not a victim
    if subj is None and role == "verb" and trig.tag_ in ("VBG", "VBD", "VBZ", "VBP"):
        subj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    if subj is None and role == "verb" and trig.i + 1 < len(trig.doc) and (
            trig.doc[trig.i + 1].lower_ in _REFLEXIVE):
        subj = trig.doc[trig.i + 1]  # headline style: "3-year-old fatally shoots self"
    if subj is None and (_death_verb(trig) or (
            role == "adj" and trig.lower_ == "dead") or any(
            c.dep_ == "auxpass" and c.lower_ == "being" for c in trig.children)):
        # "she was flown to a trauma unit before being declared dead", "a boy is recovering
        # after being shot"
        subj = _clause_subject(node)
    if subj is not None and subj.lower_ in ("who", "that") and node.dep_ == "relcl":
        subj = node.head  # "Summerfield, who died at the scene"
    if subj is not None and len(subj.text) > 1 and subj.text.isupper() and subj.i < node.i \
            and not trig.text.isupper():
        # "ELMTOWN, Wis. - A 17-year-old was shot": the parser takes a dateline in capitals
        # for the subject and hangs the true one on it
        subj = next((t for t in trig.doc[subj.i + 1:node.i] if t.pos_ in ("NOUN", "ADJ")
                     and _one_person(t, trig, alone=True) is not None), None)
    if subj is None:
        return None
    return _one_person(subj, trig)


def _subject(node: Token) -> Token | None:
    """The subject of `node`; of two, the one nearer before it: a dateline the parser joins
    to the first sentence ("SPRINGFIELD, Ill. (WXYZ) - A 3-year-old has died") is read as a
    second subject, ahead of the true one."""
    subjects = [c for c in node.children if c.dep_ in ("nsubjpass", "nsubj")]
    before = [c for c in subjects if c.i < node.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _clause_subject(node: Token) -> Token | None:
    """The subject of the clause a subjectless verb phrase hangs on ("he was treated before
    being declared dead"): up through prepositions, adverbial and open clauses."""
    cur = node
    for _ in range(3):
        if cur.dep_ not in ("pcomp", "prep", "advcl", "xcomp", "conj"):
            return None
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is not None:
            return subj
    return None


def _is_age(tok: Token) -> bool:
    """"a 16-year-old", "the 3 year old": a person told by age."""
    return tok.lower_ == "old" and any(c.lemma_.lower() in _AGE_NOUNS for c in tok.children)


def _of_person(trig: Token) -> Token | None:
    """"the shooting death of Jane Doe", "the homicide of a local man", "her death": the one
    person."""
    if trig.pos_ != "NOUN" or trig.lemma_.lower() not in _OF_VICTIM:
        return None
    of = next((c for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:  # "her death", "the boy's death"
        obj = next((c for c in trig.children if c.dep_ == "poss"), None)
        if obj is not None and obj.lower_ in ("his", "her"):
            return obj
    return _one_person(obj, trig) if obj is not None else None


def _conjuncts(tok: Token) -> list[Token]:
    """The words coordinated with `tok` ("a man and a woman"), in order."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "conj":
            out += [c, *_conjuncts(c)]
    return out


def _name_like(tok: Token) -> bool:
    """A proper noun written as a name ("Okafor"), not a word of a text in capitals, whose
    tags and entities say little."""
    return tok.tag_ == "NNP" and not tok.text.isupper()


def _one_person(subj: Token, trig: Token, alone: bool = False) -> Token | None:
    """`subj` when it names one person, or persons coordinated one by one ("a 16-year-old
    boy and a 20-year-old woman": `_persons` counts them)."""
    if not alone:
        others = _conjuncts(subj)
        if others and not all(_one_person(o, trig, alone=True) for o in others):
            return None
    low = subj.lower_
    if low in ("he", "she", "him", "her", "another") or (
            low in _REFLEXIVE and (trig.lemma_.lower() in _VERB_TRIGGERS
                                               or trig.lemma_.lower() in _SHOT_VERBS)):
        return subj
    if any(c.dep_ == "nummod" or c.lower_ in _NOT_PERSON_MODIFIERS for c in subj.children):
        return None  # counted ("two men") or not counted as a person ("an unborn child")
    if _is_age(subj) or (subj.tag_ == "NNP" and any(
            c.dep_ == "amod" and _is_age(c) for c in subj.children)):
        return subj  # "a 16-year-old", "43-year-old Ann Roe"
    if subj.tag_ not in ("NN", "NNP"):
        return None
    if any(c.lower_ in ("no", "every", "each", "any", "some") for c in subj.children):
        return None
    if subj.ent_type_ == "PERSON" or subj.lemma_.lower() in _PERSON_NOUNS:
        return subj
    deadly = "killed" in (_VERB_TRIGGERS.get(trig.lemma_.lower()), _ADJ_TRIGGERS.get(trig.lower_))
    # a name with no entity type, or, written as a name, one the small model took for an
    # organisation, a place or a building
    named = subj.tag_ == "NNP" and (not subj.ent_type_ or (
        _name_like(subj) and subj.ent_type_ in _NAME_MISREAD))
    if named and trig.pos_ != "NOUN" and _death_verb(trig):
        return subj  # "Okafor died"
    if named and trig.pos_ != "NOUN" and (
            deadly and (subj.dep_ == "nsubjpass" or subj.head.lemma_ == "be")):
        return subj  # "Lindqvist was found dead": named and dead, so a person (the small
        # model tags some such names as an organisation, a place or a building)
    return None


def _survival(tok: Token) -> tuple[Kind, Token] | None:
    """One person told alive after being hurt, or told not to have survived: "the other
    victim survived", "she is expected to survive / to recover / to live", "he is
    recovering" (injured); "the victim did not survive" (killed). Not "is survived by his
    wife", "survived the crash" nor "recovered the gun"."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    expected = tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "expect"
    if not (lemma in _SURVIVE_VERBS or (lemma == "live" and expected)):
        return None
    if any(c.dep_ in ("dobj", "agent", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "by")
           for c in tok.children):
        return None
    negated = any(c.dep_ == "neg" for c in tok.children)
    if expected and any(c.dep_ == "neg" for c in tok.head.children):
        return None  # "is not expected to survive": a prognosis
    node, subj = tok, _subject(tok)
    for _ in range(2):  # "was shot and is expected to survive"
        if subj is not None or node.dep_ not in ("xcomp", "conj") or node.head.pos_ not in (
                "VERB", "AUX"):
            break
        node = node.head
        subj = _subject(node)
    if subj is None:
        return None
    if subj.lower_ == "other" and any(c.lower_ == "the" for c in subj.children):
        person: Token | None = subj  # "the other survived"
    elif _name_like(subj) and subj.ent_type_ in _NAME_MISREAD | {"PERSON"}:
        person = subj  # "Okafor is expected to survive": what survives is a person
    else:
        person = _one_person(subj, tok, alone=True)
    return ("killed" if negated else "injured", person) if person is not None else None


def _singles(doc: Doc, sent: Span, taken: list[tuple[int, int]]) -> list[CasualtyMention]:
    out: list[CasualtyMention] = []
    seen: set[int] = set()
    for tok in sent:
        tk = _trigger_kind(tok)
        if tk is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _OF_VICTIM:
            tk = (_OF_VICTIM[tok.lemma_.lower()], "noun")  # "the shooting of a 13-year-old"
            if any(c.dep_ == "amod" and c.lower_ in _FATAL_ADJECTIVES for c in tok.children):
                tk = ("killed", "noun")  # "the fatal shooting of a 13-year-old"
        survived = _survival(tok) if tk is None else None
        if survived is not None:
            tk = (survived[0], "verb")
        if tk is None:
            continue
        victim = survived[1] if survived is not None else _victim_of(tok, tk[1])
        if victim is None:
            continue
        if victim.i in seen:
            # "a clerk wounded in the robbery has died": the same person, now dead
            k = next((j for j, m in enumerate(out) if m.person == victim.i), None)
            if k is not None and tk[0] == "killed" and out[k].kind == "injured":
                old = out[k]
                out[k] = CasualtyMention("killed", old.count, old.start, old.end, tok.i,
                                         person=victim.i)
            continue
        start = min(t.idx for t in victim.subtree if t.i <= victim.i and t.dep_ != "punct")
        start = max(start, sent.start_char)
        end = victim.idx + len(victim.text)
        if any(s < end and start < e for s, e in taken):
            continue
        seen.add(victim.i)
        who = _WHO.get(victim.lower_, _WHO.get(victim.lemma_.lower()))
        span = doc.char_span(start, end, alignment_mode="expand")
        text = span.text if span is not None else doc_text(doc)[start:end]
        n = 1 + len(_conjuncts(victim))
        if n > 1:
            end = max(end, max(t.idx + len(t.text) for t in victim.subtree))
            who = None
            text = doc_text(doc)[start:end]
        out.append(CasualtyMention(tk[0], Count(n, n, n, who, text), start, end, tok.i,
                                   person=victim.i))
    return out


_REFLEXIVE = {"himself", "herself", "self"}  # "fatally shoots self" (headline style)
_ATTACKER_NOUNS: frozenset[str] = frozenset(_DATA["attacker_nouns"])


_PERIOD_VERBS = {"begin", "start", "erupt", "break"}  # "since the war began"


def _over_period(trig: Token) -> bool:
    """A tally counted over a period, not one incident's toll: "killed so far this year",
    "die annually", "have been killed this year", "had been killed in 2016"."""
    words_of = [trig, *(c for c in trig.children if c.dep_ == "conj")]  # "shot or killed"
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "'ve")
                  for w in words_of for c in w.children)
    for c in (c for w in words_of for c in w.children):
        if c.dep_ not in ("advmod", "npadvmod", "prep"):
            continue
        words = " ".join(t.lower_ for t in c.subtree)
        if _PERIOD_RE.search(words) or (perfect and _PERIOD_PERFECT_RE.search(words)):
            return True
    return False


def _roundup(sent: Span, triggers: set[int]) -> bool:
    """A sentence that adds up several incidents: "12 dead, 40 wounded in weekend shootings
    across the city", "two killed in several shootings" (a casualty word
    or figure with a plural incident noun, with no determiner, as its "in", "during" or
    "across" object)."""
    for tok in sent:
        plural = tok.tag_ in ("NNS", "NNPS") or (tok.tag_ == "NNP" and tok.lower_.endswith("s"))
        if tok.lemma_.lower() not in _ROUNDUP_NOUNS or not plural:
            continue
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in _ROUNDUP_PREPOSITIONS or any(
                c.dep_ in ("det", "poss") for c in tok.children):
            continue  # not "wounded in the shootings": one known incident
        if prep.head.i in triggers or prep.head.like_num or prep.head.head.i in triggers:
            return True
    return False


def _running_since(trig: Token) -> bool:
    """A toll counted over a period: "13,000 people have been killed since 1980", "killed
    since the war began"."""
    for c in trig.children:
        if c.lower_ == "since" and c.dep_ == "prep":
            return True
        if c.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark"
                                     for g in c.children) and c.lemma_.lower() in _PERIOD_VERBS:
            return True
    return False


def _lives_over_time(trig: Token) -> bool:
    """Lives told over a period: "the war has claimed 70,000 lives", "2,000 soldiers have lost
    their lives", "the insurgency claimed 40,000 lives"."""
    if _lives_counted(trig):
        verb = trig.head
    elif _loses_life(trig):
        verb = trig
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children):
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _LIVES_PERIOD for c in verb.children)


def _own_death(tok: Token) -> Token | None:
    """The casualty word of the attacker's own death: "... and then himself" after a killing
    verb, "(taking) his own life", "turned the gun on himself"."""
    if tok.lower_ in _REFLEXIVE and tok.dep_ == "conj":
        return tok.head if _VERB_TRIGGERS.get(tok.head.lemma_.lower()) == "killed" else None
    if tok.lower_ in _REFLEXIVE and tok.dep_ == "pobj" and tok.head.lower_ == "on":
        verb = tok.head.head
        if verb.lemma_.lower() == "turn" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _WEAPON_NOUNS for c in verb.children):
            return verb
        return None
    if (tok.lemma_.lower() == "life" and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() == "take"
            and any(c.lower_ == "own" for c in tok.children)):
        return tok.head
    return None


def _own_deaths(doc: Doc, sent: Span) -> list[CasualtyMention]:
    """The attacker's own death told beside the victims': "killed three people and then
    himself", "before taking his own life", "then turned the gun on himself"."""
    out: list[CasualtyMention] = []
    for tok in sent:
        trig = _own_death(tok)
        if trig is None:
            continue
        start = tok.idx if tok.lower_ in _REFLEXIVE else min(t.idx for t in tok.subtree)
        end = tok.idx + len(tok.text)
        out.append(CasualtyMention("killed", Count(1, 1, 1, None, doc_text(doc)[start:end]),
                                   start, end, trig.i, perpetrator=True))
    return out


def _add_coordinated(doc: Doc, q: _Qty, mention: CasualtyMention, limit: int) -> None:
    """A figure coordinated with single persons counts them too: "a 13-year-old boy and six
    other people were shot" is seven, "he and four others were wounded" five."""
    noun, _j = _noun_after(doc, q, limit)
    node = noun if noun is not None else doc[q.end - 1]
    root = node
    while root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        root = root.head
    trig = doc[mention.trigger]
    found_as = root.head.lemma_.lower() in _FOUND_VERBS and trig.head.i == root.head.i
    if (root is node and not _conjuncts(node)) or (root.head.i != mention.trigger
                                                    and not found_as):
        return  # not "he had been shot and three people had been killed"
    first = min(t.i for t in root.subtree)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[first:q.start]):
        return  # the parser joined words of two clauses
    # after the figure, names ("two sons, Julian and Ian") name the counted, while a common
    # noun ("three men and a teenager") is one more
    extra = sum(1 for m in [root, *_conjuncts(root)]
                if m.i != node.i and not q.start <= m.i < q.end
                and (m.i < q.start or m.pos_ != "PROPN")
                and _one_person(m, trig, alone=True) is not None)
    if extra:
        mention.joined = extra
        c = mention.count
        c.low, c.best, c.high = c.low + extra, c.best + extra, c.high + extra


def _others(doc: Doc, m: CasualtyMention, trig: Token) -> bool:
    """People shot told apart from those killed: "four other men were shot", "the other
    two were taken to hospital", "her boyfriend was also shot". The killed are not among
    them, so they are not people hit (`CasualtyMention.hit`)."""
    if any(c.dep_ == "advmod" and c.lower_ in _OTHERS_ADVERBS for c in trig.children):
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(span.start - 2, 0):min(span.end + 3, len(doc))]
    if any(t.lower_ in _OTHERS_ORDINALS and t.i > 0 and doc[t.i - 1].lower_ in ("a", "an")
           for t in span if t.i < trig.i):
        return True  # "a fourth person was taken to a hospital": one not told before
    return any(t.lower_ in _OTHERS_WORDS for t in window if t.i < trig.i)


def _survivors(trig: Token) -> bool:
    """"shot and wounded", "shot and injured": people hurt, told apart from the dead."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in _SURVIVOR_CONJUNCTS
               for c in trig.children)


def _hit_word(trig: Token) -> bool:
    """A casualty word that tells people struck, who may have died of it: "shot", "taken to
    hospital", "the shooting of a boy", "a quadruple shooting", "suffered a gunshot wound"."""
    lemma = trig.lemma_.lower()
    if lemma in _SHOT_VERBS | _HOSPITAL_VERBS or trig.lower_ in _SHOT_VERBS:
        return True
    if (trig.pos_ == "VERB" and lemma in _STRIKE_VERBS) or lemma == "victim":
        return True  # "struck by gunfire", "gunshot victims": the killed may be among them
    if trig.pos_ == "NOUN" and trig.lower_ in ("shooting", "shootings"):
        return True
    return lemma in ("wound", "injury") and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _GUNFIRE_NOUNS
        for c in trig.children)


def _died_later(doc: Doc, found: list[CasualtyMention]) -> None:
    """One person told hurt and then dead ("Roe was wounded in the head. Roe died at the
    hospital", "Roe was in critical condition until she died"): the wounded person is among
    the killed, a person hit (`CasualtyMention.hit`), as "shot" is."""
    dead = [m for m in found if m.kind == "killed" and m.person >= 0 and not m.perpetrator
            and doc[m.person].lower_ not in _REFLEXIVE]
    if not dead:
        return
    names = {doc[m.person].lower_ for m in dead if doc[m.person].pos_ == "PROPN"}
    for m in found:
        if m.kind != "injured" or m.hit or m.person < 0 or m.count.best != 1:
            continue
        who = doc[m.person]
        if who.pos_ == "PROPN":
            m.hit = who.lower_ in names
        if not m.hit:
            end = who.sent.end
            m.hit = any(who.i < d.person < end and doc[d.person].pos_ == "PRON" for d in dead)


def _attacker(doc: Doc, m: CasualtyMention) -> bool:
    """One person named by an attacker noun ("the suspect was killed", "police fatally
    wounded the gunman")."""
    return m.person >= 0 and doc[m.person].lemma_.lower() in _ATTACKER_NOUNS


def _attackers_dead(doc: Doc, found: list[CasualtyMention]) -> None:
    """"An officer was shot and the suspect was killed": when every death told is the
    attacker's, and one is told by an attacker noun, the people shot are not among the
    killed (not `hit`). An attacker's death told only as his own ("shot his wife before
    killing himself") does not count: such reports often tell the victims' deaths as shots."""
    dead = [m for m in found if m.kind == "killed" and not m.count.cumulative]
    if not any(_attacker(doc, m) for m in dead) or not all(
            _attacker(doc, m) or m.perpetrator or (
                m.person >= 0 and doc[m.person].lower_ in _REFLEXIVE) for m in dead):
        return
    for m in found:
        if m.kind == "injured" and m.hit and not _attacker(doc, m):
            m.hit = False


def find_casualties(doc: Doc, sent: Span | None = None) -> list[CasualtyMention]:
    """Casualty figures in one sentence, or in every sentence of the doc, in text order (over
    the doc, one person told hurt and then dead is marked as hit: `_died_later`; people shot
    where only the attacker died are not: `_attackers_dead`)."""
    if sent is None:
        every = [m for s in doc.sents for m in find_casualties(doc, s)]
        _died_later(doc, every)
        _attackers_dead(doc, every)
        return every
    cut = sent.start_char
    link = _LINK_RE.match(sent.text)
    if link is not None:
        # "RELATED: Two men shot in ...": another story's; the parser may join the next line
        # to it ("MORE: 4 shot in SE  Three other males were also shot."), which is kept
        brk = _LINE_BREAK_RE.search(sent.text, link.end())
        if brk is None or not sent.text[brk.end():].strip():
            return []
        cut = sent.start_char + brk.end()
    qtys = _quantities(sent)
    used: set[int] = set()
    found: list[CasualtyMention] = []
    for q, toll in _toll(doc, sent, qtys):
        used.add(q.start)
        found.append(toll)
    for q in qtys:
        if q.start in used:
            continue
        mention: CasualtyMention | None = (
            _fatally(doc, q, sent.end)
            or _before_trigger(doc, q, sent.end)
            or _after_trigger(doc, q, sent.start, sent.end)
            or _by_dependency(doc, q, sent.end)
        )
        if mention is not None:
            used.add(q.start)
            _add_coordinated(doc, q, mention, sent.end)
            found.append(mention)
    taken = [(m.start, m.end) for m in found]
    for z in _zeros(doc, sent):
        if not any(s < z.end and z.start < e for s, e in taken):
            found.append(z)
    taken = [(m.start, m.end) for m in found]
    found.extend(m for m in _multiples(doc, sent)
                 if not any(s < m.end and m.start < e for s, e in taken))
    taken = [(m.start, m.end) for m in found]
    triggers = {m.trigger for m in found}
    found.extend(m for m in _singles(doc, sent, taken) if m.trigger not in triggers)
    taken = [(m.start, m.end) for m in found]
    found.extend(m for m in _own_deaths(doc, sent)
                 if not any(s < m.end and m.start < e for s, e in taken))
    # not an act told with its agent ("gunmen killed two guards in separate shootings")
    roundup = _roundup(sent, {m.trigger for m in found if not (
        any(c.dep_ == "nsubj" for c in doc[m.trigger].children)
        and any(c.dep_ == "dobj" for c in doc[m.trigger].children))})
    for m in found:
        m.perpetrator = m.perpetrator or (m.kind == "killed" and m.count.text.lower() in _REFLEXIVE)
        trig = doc[m.trigger]
        if _running_since(trig) or _lives_over_time(trig) or (
                m.person < 0 and m.count.best > 1 and (roundup or _over_period(trig))):
            m.count.cumulative = True
        m.hit = m.kind == "injured" and _hit_word(trig) and not _survivors(trig)
        if m.hit and not m.joined and _others(doc, m, trig):
            m.hit = False
        m.besides = (m.kind == "killed" and m.person >= 0 and not m.perpetrator
                     and not m.count.cumulative and any(
                         c.dep_ == "advmod" and c.lower_ in _OTHERS_ADVERBS
                         for c in trig.children))
    if not any(m.kind == "killed" and not m.perpetrator for m in found):
        for m in found:  # "was hospitalized in stable condition": alive, not among the dead
            if m.hit and _alive_when_told(doc[m.trigger]):
                m.hit = False
    found = [m for m in found if m.start >= cut and not _partitive_set(doc, m, found)]
    found.sort(key=lambda m: m.start)
    return found


def _partitive_set(doc: Doc, m: CasualtyMention, found: list[CasualtyMention]) -> bool:
    """The whole of a part told with the same casualty word: in "one of the two
    firefighters shot has died" and "four of the five victims were shot to death" the
    figure is the part's (one, four), not the set's (two, five). ("Two of the three men
    shot were killed" tells two figures, on two words.)"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        noun = t.head
        if not (t.dep_ == "nummod" and noun.dep_ == "pobj" and noun.head.lower_ == "of"):
            continue
        part = noun.head.head
        if part.like_num or part.pos_ == "NUM":
            return any(o is not m and o.kind == m.kind and o.trigger == m.trigger
                       and o.start <= part.idx < o.end for o in found)
    return False


def is_person_noun(lemma: str) -> bool:
    """True for nouns that name people ("man", "militant", "victim")."""
    return lemma in _PERSON_NOUNS or bool(_WHO.get(lemma))


@lru_cache(maxsize=1)
def who_vocabulary() -> frozenset[str]:
    """The normalised `who` values this module can produce."""
    return frozenset(v for v in _WHO.values() if v)


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
