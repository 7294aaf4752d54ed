"""Who says an event happened, and how hedged or disputed the claim is.

The attribution of an event is the reporting construction nearest to its trigger in the
dependency tree: "according to X" attached to the trigger or one of its ancestors, a reporting
verb ("said", "told AFP", "claimed") among its ancestors, or a report noun ("reports indicating").
Failing that, the nearest reporting verb in the sentence. "Xinhua quoted / cited X as saying" is
X. A sentence that opens a quotation without attribution takes the speaker of the sentence that
closes it; a sentence with a wire credit in its dateline ("KABUL (Reuters) -", also when the
parser makes the dateline a sentence of its own) and no other speaker takes the agency. The
source is None when nothing names one. Negated reports ("police have not said", "no group has
claimed") name no one.

The speaker's name is read by `sitrep.extract.speakers`; hedges and denials by
`sitrep.extract.hedges`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from sitrep.extract.hedges import HEDGE_VERBS, find_denial, find_hedge, negated
from sitrep.extract.lexicon import load_data
from sitrep.extract.speakers import (
    REPORT_VERBS,
    VAGUE_REPORT_MODS,
    is_report_noun,
    is_report_verb,
    left_speaker,
    names_nobody,
    normalise_speaker,
    noun_phrase,
    phrase_text,
    pobj,
    subject_of,
)
from sitrep.nlp import doc_text

__all__ = ["REPORT_VERBS", "AttributionMention", "article_source", "find_attribution"]

_DATA: dict[str, Any] = load_data("attribution.json")

_AGENCIES: dict[str, str] = _DATA["agencies"]
_AGENCY_NAMES = "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
_AGENCY_RE = re.compile(
    rf"[(\[]\s*(?P<a>{_AGENCY_NAMES})\s*[)\]]|^\s*(?P<b>{_AGENCY_NAMES})\s*[-–—:]"
    rf"|[-–—]\s*(?P<c>{_AGENCY_NAMES})\s*$",
    re.MULTILINE,
)


@dataclass(slots=True)
class AttributionMention:
    """The source of an event claim and the words that attribute it."""

    source: str | None
    hedged: bool
    text: str
    start: int
    end: int
    denied: bool = False


def article_source(doc: Doc) -> str | None:
    """The news agency credited in a dateline ("MOSUL (Reuters) -") or credit line, if any."""
    head = doc_text(doc)[:400]
    tail = doc_text(doc)[-200:]
    for chunk in (head, tail):
        m = _AGENCY_RE.search(chunk)
        if m:
            return _AGENCIES[m.group("a") or m.group("b") or m.group("c")]
    return None


def _according(tok: Token) -> Token | None:
    for c in tok.children:
        if c.lower_ == "according":
            for to in c.children:
                p = pobj(to)
                if p is not None:
                    return p
    return None


@dataclass(slots=True)
class _Cue:
    kind: str  # "according", "verb", "noun"
    tok: Token
    speaker: Token | None
    phrase: list[Token] | None = None  # the speaker's words where the parse gives no subject


def _cue_at(tok: Token) -> _Cue | None:
    acc = _according(tok)
    if acc is not None:
        return _Cue("according", tok, acc)
    if is_report_verb(tok):
        if tok.lemma_.lower() in ("quote", "cite"):  # "Xinhua quoted an officer as saying"
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None and any(c.lower_ == "as" and any(g.lower_ == "saying"
                                       for g in c.children) for c in tok.children):
                return _Cue("verb", tok, obj)
        subj = subject_of(tok)
        if (subj is not None and names_nobody(subj)) or negated(tok):
            return None  # "no group has claimed", "the Pentagon has not confirmed"
        if subj is None:
            phrase = left_speaker(tok)
            if phrase is not None:
                return _Cue("verb", tok, phrase[-1], phrase)
        return _Cue("verb", tok, subj)
    if is_report_noun(tok) and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        owner = subject_of(tok.head) if tok.head.pos_ in ("VERB", "AUX") and not negated(
            tok.head) else None
        if tok.dep_.startswith("nsubj"):
            owner = tok
        return _Cue("noun", tok, owner)
    return None


def _choose(sent: Span, trigger: int | None) -> _Cue | None:
    """The reporting construction nearest the trigger in the tree that names a speaker."""
    doc = sent.doc
    if trigger is not None and sent.start <= trigger < sent.end:
        node = doc[trigger]
        for _ in range(30):
            cue = _cue_at(node) if node.i != trigger or _according(node) is not None else None
            if cue is not None and cue.speaker is not None:
                return cue
            if node.head.i == node.i:
                break
            node = node.head
    cues = [c for t in sent if (c := _cue_at(t)) is not None and c.speaker is not None]
    verbal = [c for c in cues if c.kind != "noun"]
    cues = verbal or cues
    if not cues:
        return None
    if trigger is None:
        return cues[0]
    return min(cues, key=lambda c: abs(c.tok.i - trigger))


def _quote_closer(sent: Span) -> Span | None:
    """For a sentence that opens a quotation and leaves it open, the sentence that closes it."""
    text = sent.text.lstrip()
    if not text or text[0] not in "“\"" or "”" in text[1:] or text.count('"') >= 2:
        return None
    doc = sent.doc
    i = sent.end
    for _ in range(4):
        if i >= len(doc):
            return None
        nxt = doc[i].sent
        if "\n\n" in doc_text(doc)[sent.end_char : nxt.start_char]:
            return None
        if "”" in nxt.text or '"' in nxt.text:
            return nxt
        i = nxt.end
    return None


def _credit(sent: Span) -> tuple[str, int, int] | None:
    """A wire credit in the sentence's dateline ("KABUL (Reuters) -")."""
    m = _AGENCY_RE.search(sent.text[:120])
    at = sent.start_char
    if m is None and sent.start > 0:  # the dateline parsed as a sentence of its own
        prev = sent.doc[sent.start - 1].sent
        if len(prev.text) <= 100 and prev.text.rstrip()[-1:] in ("-", "–", "—", ":"):
            m = _AGENCY_RE.search(prev.text)
            at = prev.start_char
    if m is None or not (m.group("a") or m.group("b")):
        return None
    key = m.group("a") or m.group("b")
    return _AGENCIES[key], at + m.start(), at + m.end()


def find_attribution(doc: Doc, sent: Span, trigger: int | None = None) -> AttributionMention | None:
    """Attribution of the event whose trigger token is in `sent`; None when there is none."""
    cue = _choose(sent, trigger)
    hedge = find_hedge(doc, sent)
    denial = find_denial(sent, trigger)
    if cue is None:
        closer = _quote_closer(sent)
        if closer is not None:
            cue = _choose(closer, None)
    hedged = hedge is not None or (
        cue is not None and cue.kind == "verb" and cue.tok.lemma_.lower() in HEDGE_VERBS
    )
    if cue is None:
        credit = _credit(sent)
        if credit is not None and denial is None:
            agency, start, end = credit
            return AttributionMention(agency, hedged, doc_text(doc)[start:end], start, end)
        if hedge is None and denial is None:
            return None
        if hedge is not None:
            start, end = sent.start_char + hedge.start(), sent.start_char + hedge.end()
        else:
            assert denial is not None
            start, end = denial.idx, denial.idx + len(denial.text)
        return AttributionMention(None, hedged, doc_text(doc)[start:end], start, end,
                                  denial is not None)
    source: str | None = None
    toks: list[Token] = [cue.tok]
    if cue.speaker is not None:
        source, sp = normalise_speaker(cue.speaker, cue.speaker.sent)
        if cue.phrase and cue.phrase[0].i < min(t.i for t in sp):
            source, sp = phrase_text(cue.phrase), cue.phrase
        toks.extend(sp)
    if cue.kind == "according":
        toks = [t for t in cue.tok.children if t.lower_ == "according"] + noun_phrase(cue.speaker) \
            if cue.speaker is not None else toks
    elif cue.kind == "verb":
        toks.extend(c for c in cue.tok.children if c.dep_ in ("dobj", "dative")
                    and c.pos_ in ("PROPN", "NOUN", "PRON") and c.i > cue.tok.i)
    elif cue.kind == "noun":
        toks.extend(c for c in cue.tok.children if c.dep_ == "acl" and c.tag_ == "VBG"
                    and (c.lemma_.lower() in REPORT_VERBS or c.lower_ == "suggesting"))
        if cue.speaker is not None and cue.speaker.i != cue.tok.i:
            source = source if source else None
        elif cue.speaker is not None:
            np = noun_phrase(cue.tok)
            vague = all(t.lower_ in VAGUE_REPORT_MODS for t in np if t.i < cue.tok.i)
            source = phrase_text(np) if len(np) > 1 and not vague else None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return AttributionMention(source, hedged, doc_text(doc)[start:end], start, end,
                              denial is not None)
