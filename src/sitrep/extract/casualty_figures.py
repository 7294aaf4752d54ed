"""Figures tied to casualty words: a number before or after its trigger, by dependency,
"fatally", multiples ("a double shooting"), death tolls and explicit zeros."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualty_lexicon import (
    _DATA,
    _FATAL_ADVERBS,
    _GAP,
    _MULTIPLE_NOUNS,
    _MULTIPLES,
    _NOT_COUNTED,
    _NP_WORDS,
    _SUFFER_VERBS,
    _TOLL,
    _WHO,
    _WOUND_COUNTS,
    Kind,
    _alt,
    is_person_noun,
)
from sitrep.extract.casualty_mention import CasualtyMention
from sitrep.extract.casualty_words import (
    _FOUND_VERBS,
    _death_verb,
    _headline_shot,
    _loses_life,
    _trigger_kind,
    at_target,
)
from sitrep.extract.numbers import _Qty
from sitrep.record import Count


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
    if fires_at_people(trig):
        return False  # "a gunman shot at a dozen people": the one who fired
    return nxt is None or nxt.pos_ not in ("NUM", "DET", "NOUN", "PROPN", "PRON")


def fires_at_people(trig: Token) -> bool:
    """True when "at" right after the trigger names people as the target ("shot at them",
    "shot at a dozen people"), not the place of a headline's passive ("man shot at park")."""
    obj = at_target(trig)[1]
    return obj is not None and (obj.pos_ == "PRON" or is_person_noun(obj.lemma_.lower()))


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
    subject = _listed_subject(node)
    if node.dep_ not in ("nsubjpass", "dobj", "nsubj") and subject is None:
        return None
    head = node.head
    if subject is not None:
        node = subject  # "3 boys, 2 women shot outside a diner": the list is the subject
    if node.dep_ == "nsubj" and head.lemma_.lower() in _SUFFER_VERBS:
        wound = _suffered(head)  # "four men suffered gunshot wounds"
        return None if wound is None else _make(doc, q, wound[0], wound[1].i,
                                                _who(doc, q, noun, j))
    if (head.lemma_.lower() in _FOUND_VERBS and (node.dep_ == "nsubjpass" or (
            node.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in head.children)))) or (
            node.dep_ == "dobj" and head.lemma_.lower() == "leave"):
        # "two women and a boy were found dead / found shot", headline style "3 men, 1 boy
        # found shot" (no object: passive), "left three men injured"
        head = next((c for c in head.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")
                     and _trigger_kind(c) is not None), head)
    tk = _trigger_kind(head)
    if tk is None or tk[1] == "noun":
        return None
    if node.dep_ == "nsubj" and not _passive_like(doc, head, limit):
        return None
    return _make(doc, q, tk[0], head.i, _who(doc, q, noun, j))


def _listed_subject(node: Token) -> Token | None:
    """Headline style, "3 boys, 2 women shot outside a diner": the parser hangs the first counted
    group of a list without "and" on the verb as "dep" (or "npadvmod"), the next as its
    subject; the first counts as that subject."""
    if node.dep_ not in ("dep", "npadvmod") or not any(c.dep_ == "nummod" for c in node.children):
        return None
    after = node.doc[node.i + 1] if node.i + 1 < len(node.doc) else None
    if after is None or after.text != ",":
        return None
    return next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.i > node.i and any(g.dep_ == "nummod" for g in c.children)), None)


def _suffered(verb: Token) -> tuple[Kind, Token] | None:
    """The wound a "suffer", "sustain" or "receive" tells its subject took ("suffered
    injuries", "sustained a fatal wound", "suffered from gunshot wounds"), with its kind."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        tk = _trigger_kind(obj)
        if tk is not None and tk[1] == "noun":
            return tk[0], obj
    return None


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
