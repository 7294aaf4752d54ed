"""Number expressions: reading figures ("3,000", "at least five", "dozens") as
``(low, best, high)`` and finding those in a sentence that may count people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualty_lexicon import (
    _AGE_COMPARATIVES,
    _CLIP_TIME,
    _DATA,
    _MODIFIERS,
    _NOT_BEFORE,
    _PART_ADVERBS,
    _PERSON_NOUNS,
    _SCALES,
    _SKIP_ENTS,
    _TENS,
    _TIME_PREPOSITIONS,
    _UNITS,
    _VAGUE,
    _VAGUE_NOT_AFTER,
    _alt,
)
from sitrep.nlp import doc_text

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
class _Qty:
    start: int  # token indices, end exclusive
    end: int
    value: tuple[int, int, int]



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
